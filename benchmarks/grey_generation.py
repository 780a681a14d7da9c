"""Benchmark: the generative DBN trained on grey levels, as Hinton, Osindero and Teh (2006) trained theirs (issue 17, section 1)

    OMP_NUM_THREADS=1 nice python benchmarks/grey_generation.py lower --pixels grey --seed S --data ../shared/data/mnist
    OMP_NUM_THREADS=1 nice python benchmarks/grey_generation.py top --pixels grey --seed S --data ../shared/data/mnist
    OMP_NUM_THREADS=1 nice python benchmarks/generation.py benchmarks/out/grey_top90_grey_seedS.pt --data ../shared/data/mnist \\
        --label grey_generation_sS --n_per_digit 50 --threads 1

dbn_train binarises every digit once (v ~ Bernoulli(grey/255)) and trains the DBN on the bits. The paper did not: "the
units in the 'visible' layer of each RBM had real-valued activities between 0 and 1. These were the normalized pixel
intensities when learning the bottom layer of weights." The bottom RBM's positive statistics then use the grey level,
the probability of the bit, in place of one draw of it: the same expectation with less noise. Everything else is
dbn_train's full-MNIST recipe (784-500-500-2000 + 10 labels; lower RBMs 10 epochs of CD-1 at lr 0.05; the top RBM 90
epochs of PCD-1 at lr 0.01 decaying linearly; momentum 0.5 then 0.9; weight decay 2e-4; batch 100), trained on training
images 0..49,999 with --pixels grey or --pixels sample (dbn_train's bits, the same seed's draws).

Stage `lower` trains the two lower RBMs and prints what the way down allows (down_pass.py's ceiling: validation digits
50,000..59,999 passed up, their codes sampled to binary, passed down, read by generation.py's judge, the CNN trained on
training images 0..49,999 only). Stage `top` trains the top RBM on them and prints the validation generative error (the
top RBM's free energy over the labels, on validation digits given as the model was trained: grey or bits). Both append
a JSON record to benchmarks/results/grey_generation.jsonl. The judge's agreement then comes from generation.py; its
test generative error is scored on binarised test digits and is not used here.
"""
import argparse, json, os, sys, time
from pathlib import Path
import torch
sys.path.insert(0, str(Path(__file__).parent))
from judge import judge_predict, get_judge, N_JUDGE_TRAIN
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.dbn import DBN, DBNOptions, DBNTrainer, predict_labels

HERE = Path(__file__).parent
OUT, LOG = HERE / 'out', HERE / 'results' / 'grey_generation.jsonl'
SIZES = [784, 500, 500, 2000]


def recipe(dbn, lower:int, top:int) -> DBNOptions:
    "dbn_train's full-MNIST greedy recipe (cli._pretrain) with `lower` epochs per lower RBM and `top` for the top one."
    options, _ = DBNOptions.split(dict(epochs=[lower, lower, top], lr=[0.05, 0.05, 0.01], k=1, batch=100, method=['cd', 'cd', 'pcd'],
                                       schedule=['constant', 'constant', 'linear'], momentum=(0.5, 0.9), weight_decay=2e-4), dbn)
    return options


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('stage', choices=['lower', 'top'])
    ap.add_argument('--pixels', choices=['grey', 'sample'], required=True)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--lower_epochs', type=int, default=10)
    ap.add_argument('--top_epochs', type=int, default=90)
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA'))
    ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    print(f"command: python {' '.join(sys.argv)}   ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
          f"{os.getloadavg()[0]:.2f}); torch {torch.__version__}, {torch.get_num_threads()} threads", flush=True)
    ds = load_mnist(a.data, download=False)
    v_all, y_all, *_ = mnist_tensors(ds, 'sample', a.seed) # dbn_train's bits for this seed
    if a.pixels == 'grey': v_all = ds.x_train.float() / 255
    v_tr, y_tr, v_va, y_va = v_all[:N_JUDGE_TRAIN], y_all[:N_JUDGE_TRAIN], v_all[N_JUDGE_TRAIN:], y_all[N_JUDGE_TRAIN:]
    lower_path = OUT / f"grey_lower{a.lower_epochs}_{a.pixels}_seed{a.seed}.pt"
    rec, t0 = dict(stage=a.stage, pixels=a.pixels, seed=a.seed, lower_epochs=a.lower_epochs), time.perf_counter()
    if a.stage == 'lower':
        dbn = DBN(SIZES, n_labels=10, v_data=v_tr, seed=a.seed)
        DBNTrainer(dbn, v_tr, y_tr, recipe(dbn, a.lower_epochs, 0), seed=a.seed, device='cpu').run(progress=False)
        rec['seconds'] = time.perf_counter() - t0
        dbn.save(lower_path)
        judge, _ = get_judge(ds, threads=a.threads, log=lambda s: None)
        g = torch.Generator().manual_seed(a.seed)
        with torch.no_grad(): up = dbn.up(v_va); down = dbn.down(torch.bernoulli(up, generator=g), g, mean=True)
        rec['ceiling_pct'] = 100 * (judge_predict(judge, down) == y_va).float().mean().item()
        rec['judge_on_inputs_pct'] = 100 * (judge_predict(judge, v_va) == y_va).float().mean().item()
        rec['checkpoint'] = str(lower_path)
    else:
        dbn = DBN.load(lower_path)
        DBNTrainer(dbn, v_tr, y_tr, recipe(dbn, 0, a.top_epochs), seed=a.seed + 1000, device='cpu').run(progress=False)
        rec['seconds'] = time.perf_counter() - t0
        path = OUT / f"grey_top{a.top_epochs}_{a.pixels}_seed{a.seed}.pt"
        dbn.save(path)
        rec.update(top_epochs=a.top_epochs, checkpoint=str(path),
                   valid_error_generative=(predict_labels(dbn, v_va) != y_va).float().mean().item())
    print(json.dumps(rec), flush=True)
    with open(LOG, 'a') as f: f.write(json.dumps(rec) + '\n')


if __name__ == '__main__':
    main()
