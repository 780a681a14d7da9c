"""Why the book holds out the last 10,000 training images, not fewer: MNIST's training digits are not shuffled, and the
last 1,000 are easier than the rest. One small network (784-200-200, 3 CD-1 epochs per RBM, 6 epochs of fine-tuning,
trained on the first 5,000 digits) is scored on several held-out slices and on the test set. Nothing is chosen here;
the test set is read only to show that the last 10,000 resemble it and the last 1,000 do not.

    OMP_NUM_THREADS=1 python benchmarks/valid_split_check.py   # writes benchmarks/results/valid_split_check.txt
"""
import argparse; argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args() # no options: --help shows the docstring
from pathlib import Path
import torch
from dbn_book import load_mnist, mnist_tensors, DBN, train_dbn, mlp_from_dbn, finetune, evaluate
from dbn_book.data import local_mnist_folder

torch.set_num_threads(1)
folder = local_mnist_folder()
if folder is None: raise SystemExit("the full MNIST is needed: ../shared/data/mnist was not found")
v_tr, y_tr, v_te, y_te = mnist_tensors(load_mnist(folder))
v_fit, y_fit = v_tr[:5000], y_tr[:5000]
dbn = DBN([784, 200, 200], v_data=v_fit, seed=0); train_dbn(dbn, v_fit, epochs=3, lr=0.05, seed=0, progress=False, device='cpu')
mlp = mlp_from_dbn(dbn, seed=0); finetune(mlp, v_fit, y_fit, epochs=6, lr=0.1, seed=0, progress=False, device='cpu')
rows = {'last 1,000 training digits': (v_tr[-1000:], y_tr[-1000:]), 'last 10,000 training digits': (v_tr[-10000:], y_tr[-10000:]),
        'training digits 5,000-15,000': (v_tr[5000:15000], y_tr[5000:15000]), 'test digits, all 10,000': (v_te, y_te),
        'test digits, first 1,000': (v_te[:1000], y_te[:1000])}
text = " ".join(__doc__.splitlines()[:2]) + "\n\n" + "\n".join(f"{name:32s} error {100 * evaluate(mlp, v, y)['error']:.2f}%" for name, (v, y) in rows.items()) + "\n"
(Path(__file__).parent / 'results' / 'valid_split_check.txt').write_text("command: OMP_NUM_THREADS=1 python benchmarks/valid_split_check.py\n" + text)
print(text)
