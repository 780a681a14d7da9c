"""The reconstruction errors a binary RBM can be judged against on MNIST: every row as the pixel means, and as a blank
image (the note of 2026-12-06: a diverged RBM with finite weights reconstructs worse than a blank image).

    python benchmarks/reconstruction_baselines.py [--data ../shared/data/mnist]
"""
import argparse
from dbn_book.data import load_mnist_folder, mnist_tensors


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument('--data', default='../shared/data/mnist', help='folder of the MNIST IDX files')
    v, *_ = mnist_tensors(load_mnist_folder(a.parse_args().data)) # sampled bits, seed 0, as dbn_rbm trains on
    p = v.mean(0)
    print(f"binarised MNIST training images (sampled, seed 0): {len(v):,} rows")
    print(f"squared error of reconstructing every row as the pixel means: {(p * (1 - p)).sum():.1f} per row")
    print(f"squared error of reconstructing every row as a blank image:   {v.sum(1).mean():.1f} per row")


if __name__ == '__main__':
    main()
