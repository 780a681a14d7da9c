"""The whole pipeline gives, bit for bit, what it gave at an earlier revision: train_rbm (CD, PCD with a linear
schedule, centred, fast weights, with held-out monitors), a labelled DBN trained greedily with a validation set, the MLP
fine-tuned from it with dropout and validation, up-down, and label-clamped samples. For changes that should alter no
number (input checks, the undo of a diverged epoch, numpy numbers stored as Python's): weights, per-epoch records and
samples must be equal, not close.

    OMP_NUM_THREADS=1 python benchmarks/pipeline_equivalence.py --before 552689f [--data ../shared/data/mnist]
"""
import argparse, importlib, sys
import torch
from before import before
import dbn_book
from dbn_book.data import load_mnist, local_mnist_folder, mnist_tensors

RBM_RECIPES = {'cd': dict(method='cd'), 'pcd, linear': dict(method='pcd', schedule='linear'),
               'pcd, centred': dict(method='pcd', centered=True), 'pcd, fast weights': dict(method='pcd', fast_lr=0.01)}


def strip(hist): return [{k: v for k, v in r.items() if k != 'seconds'} for r in hist]


def same(a, b) -> bool:
    "Whether two results (tensors, dicts, lists, numbers) are equal bit for bit."
    if isinstance(a, torch.Tensor): return isinstance(b, torch.Tensor) and torch.equal(a, b)
    if isinstance(a, dict): return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)): return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def pipeline(pkg, v, y, v_te, y_te) -> dict:
    "Every result of the pipeline run by package `pkg` (today's dbn_book, or an earlier one from `before`)."
    cd, dbn, ft, ud, rbm = (importlib.import_module(f'{pkg.__name__}.{m}') for m in ('cd', 'dbn', 'finetune', 'updown', 'rbm'))
    out = {}
    for name, kw in RBM_RECIPES.items():
        r = rbm.RBM(784, 40, v_data=v, seed=0)
        h = cd.train_rbm(r, v, epochs=3, lr=0.05, seed=1, progress=False, device='cpu', v_valid=v_te[:300], **kw)
        out[f'RBM 784 x 40, {name}'] = (r.state_dict(), strip(h))
    d = dbn.DBN([784, 40, 30, 20], n_labels=10, v_data=v, seed=0)
    h = dbn.train_dbn(d, v, y, epochs=2, seed=0, progress=False, device='cpu', v_valid=v_te[:300], y_valid=y_te[:300])
    out['DBN 784-40-30-20 + 10 labels, greedy'] = (d.state_dict(), [strip(x) for x in h])
    m = ft.mlp_from_dbn(d, dropout=0.2, seed=0)
    h = ft.finetune(m, v, y, epochs=2, lr=0.1, seed=0, progress=False, device='cpu', v_valid=v_te[:300], y_valid=y_te[:300])
    out['MLP from it, fine-tuned with dropout'] = (m.state_dict(), strip(h))
    h = ud.up_down(d, v, y, epochs=2, lr=0.01, k=2, seed=0, progress=False, device='cpu')
    out['the DBN after up-down'] = (d.state_dict(), strip(h))
    out['20 samples of digit 3'] = d.sample(20, k=50, labels=3, generator=torch.Generator().manual_seed(0))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--before', required=True, help='the git revision to compare with')
    p.add_argument('--data', default=None, help='MNIST folder (default: $DBN_BOOK_DATA or shared/data/mnist)')
    p.add_argument('--n', type=int, default=1500, help='training images')
    a = p.parse_args()
    folder = a.data or local_mnist_folder()
    if folder is None: raise SystemExit("the MNIST files are needed: pass --data FOLDER")
    torch.set_num_threads(1) # the same arithmetic in both runs
    v, y, v_te, y_te = mnist_tensors(load_mnist(folder))
    v, y = v[:a.n], y[:a.n]
    old, new = pipeline(before(a.before), v, y, v_te, y_te), pipeline(dbn_book, v, y, v_te, y_te)
    differ = 0
    for k in new:
        ok = same(old[k], new[k]); differ += not ok
        print(f"{k}: {'identical' if ok else 'DIFFERENT'}")
    print(f"\n{differ} result(s) differ from {a.before}")
    sys.exit(1 if differ else 0)


if __name__ == '__main__':
    main()
