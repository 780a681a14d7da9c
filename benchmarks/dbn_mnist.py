"""Benchmark: a 784-500-500-2000 DBN on the full 60,000 MNIST training images, fine-tuned as an MLP, against the
same MLP from random initialisation; test error on the official 10,000 test images and the wall time of each phase.

    nice python benchmarks/dbn_mnist.py                      # the main benchmark (see PRESETS for its options)
    nice python benchmarks/dbn_mnist.py --preset original    # the original script's configuration
    nice python benchmarks/dbn_mnist.py -- --dbn_epochs 2    # any dbn_train option after --, overriding the preset

It runs dbn_train's pipeline (dbn_book.cli.run_training) and writes benchmarks/results/dbn_mnist_<preset>.txt and .json.
References: Hinton, Osindero and Teh (2006) 1.25%; Hinton and Salakhutdinov (2006) 1.2% (1.6% from random
initialisation); Theano's DBN tutorial 1.34% (about 12 hours on a 4-thread CPU); Srivastava et al. (2014) 0.92% with dropout.
"""
import argparse, os, platform, sys, time
from pathlib import Path
import torch
from dbn_book.cli import train_parser, check_train_args, run_training, summary
from dbn_book.data import local_mnist_folder

# these presets predate the generative recipe: every RBM alike (CD, constant rate), no up-down
GREEDY_TOP = ['--top_epochs', '10', '--top_lr', '0.05', '--top_method', 'cd', '--updown_epochs', '0']

PRESETS = {
    # Hinton and Salakhutdinov's network, CD-1 pretraining, SGD fine-tuning with a cosine schedule
    'main': ['--sizes', '784', '500', '500', '2000', '--no_labels', '--dbn_epochs', '10', '--dbn_lr', '0.05',
             '--mlp_epochs', '15', '--mlp_lr', '0.1', '--batch', '100', '--compare'] + GREEDY_TOP,
    # the script this project grew from: 784-1000-500, k=20, batch 200, 10 DBN epochs, Adam fine-tuning
    'original': ['--sizes', '784', '1000', '500', '--no_labels', '--k', '20', '--batch', '200', '--dbn_epochs', '10',
                 '--optimizer', 'adam', '--mlp_lr', '0.001', '--mlp_epochs', '10'] + GREEDY_TOP,
}

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--preset', choices=PRESETS, default='main')
    p.add_argument('--tag', default=None, help="results file name suffix (default: the preset)")
    p.add_argument('extra', nargs='*', help="dbn_train options after --, overriding the preset")
    a = p.parse_args()
    folder = local_mnist_folder()
    if folder is None: sys.exit("dbn_mnist: the full MNIST was not found (../shared/data/mnist or $DBN_BOOK_DATA); skipping")
    out = Path(__file__).parent / 'results'; out.mkdir(exist_ok=True)
    tag = a.tag or a.preset
    argv = PRESETS[a.preset] + ['--data', str(folder), '--json', str(out / f'dbn_mnist_{tag}.json')] + a.extra
    args = check_train_args(train_parser().parse_args(argv))
    t0 = time.strftime('%Y-%m-%d %H:%M:%S')
    res = run_training(args, log=lambda s: print(s, flush=True))
    text = (f"dbn_mnist benchmark, preset {a.preset!r}, started {t0}\n"
            f"command: dbn_train {' '.join(argv)}\n"
            f"machine: {platform.machine()}, {os.cpu_count()} CPUs (shared with other jobs), torch {torch.__version__}, "
            f"{torch.get_num_threads()} threads, device {res['device']}\n\n"
            + summary(args, res) + "\n\nvalidation error after each fine-tuning epoch (%):\n"
            + "\n".join(f"  {name:7s} " + ' '.join(f"{100 * e:.2f}" for e in res[f'valid_error_curve_{name}'])
                        for name in ('dbn', 'random') if f'valid_error_curve_{name}' in res) + "\n"
            + "\npublished test errors: 1.2% from a DBN, 1.6% from random weights (Hinton and Salakhutdinov 2006); 1.25% "
              "(Hinton, Osindero and Teh 2006); 1.34% (Theano's DBN tutorial); 0.92% with dropout (Srivastava et al. 2014)\n")
    (out / f'dbn_mnist_{tag}.txt').write_text(text)
    print(text)

if __name__ == '__main__': main()
