"""Fit times of chapter 10's digits example (scikit-learn's `plot_rbm_logistic_classification`): the same data, split
and models as the chapter, each fitted `--rounds` times in turn, medians reported with the machine's load, beside the
test accuracies the chapter shows.

    python benchmarks/sklearn_digits.py [--rounds 3] [--out benchmarks/results/sklearn_digits.txt]
"""
import argparse, os, platform, statistics, time, warnings
from pathlib import Path

import numpy as np
import torch
from scipy.ndimage import convolve
from sklearn import datasets, metrics
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.neural_network import BernoulliRBM
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import minmax_scale

from dbn_book.sklearn import DBNClassifier, RBMTransformer


def nudged_digits():
    "The chapter's data: the 8x8 digits and copies shifted by one pixel each way, scaled to [0, 1], split 80/20."
    X, y = datasets.load_digits(return_X_y=True)
    X = np.asarray(X, 'float32')
    shifts = [[[0, 1, 0], [0, 0, 0], [0, 0, 0]], [[0, 0, 0], [1, 0, 0], [0, 0, 0]],
              [[0, 0, 0], [0, 0, 1], [0, 0, 0]], [[0, 0, 0], [0, 0, 0], [0, 1, 0]]]
    shift = lambda x, w: convolve(x.reshape((8, 8)), mode='constant', weights=w).ravel()
    X = minmax_scale(np.concatenate([X] + [np.apply_along_axis(shift, 1, X, w) for w in shifts]), feature_range=(0, 1))
    return train_test_split(X, np.concatenate([y] * 5), test_size=0.2, random_state=0)


def models(n_iter=10):
    logistic = lambda C: LogisticRegression(solver='newton-cg', C=C)
    return {'raw pixels, LogisticRegression(C=100)': logistic(100.),
            'BernoulliRBM + LogisticRegression(C=6000)': Pipeline([('rbm', BernoulliRBM(learning_rate=0.06, n_iter=n_iter, n_components=100, random_state=0)), ('logistic', logistic(6000.))]),
            'RBMTransformer + LogisticRegression(C=6000)': Pipeline([('rbm', RBMTransformer(learning_rate=0.06, n_iter=n_iter, n_components=100, random_state=0, device='cpu')), ('logistic', logistic(6000.))]),
            'DBNClassifier (64-100-10)': DBNClassifier(hidden_layer_sizes=(100,), pretrain_epochs=n_iter, pretrain_learning_rate=0.06, epochs=n_iter,
                                                       learning_rate=0.05, batch_size=10, random_state=0, device='cpu')}


def main(rounds=3, out='benchmarks/results/sklearn_digits.txt'):
    warnings.filterwarnings('ignore')
    X_train, X_test, y_train, y_test = nudged_digits()
    fit, rbm_alone, accuracy = {}, {}, {}
    load = os.getloadavg()[0]
    for _ in range(rounds):
        for name, model in models().items():
            m = clone(model); t0 = time.perf_counter(); m.fit(X_train, y_train); fit.setdefault(name, []).append(time.perf_counter() - t0)
            accuracy[name] = metrics.accuracy_score(y_test, m.predict(X_test))
            if isinstance(m, Pipeline):
                t0 = time.perf_counter(); clone(m[0]).fit(X_train); rbm_alone.setdefault(name, []).append(time.perf_counter() - t0)
    lines = [f"command: python benchmarks/sklearn_digits.py --rounds {rounds}   ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
             f"{platform.machine()}, {os.cpu_count()} cores, load average {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end)",
             f"torch {torch.__version__}, {torch.get_num_threads()} threads; {len(X_train):,} training and {len(X_test):,} test digits, 10 passes",
             "", f"median of {rounds} rounds, the models fitted in turn:", "",
             "| model | test accuracy | fit time | of which the RBM (refitted alone) |", "|---|---|---|---|"]
    for name in fit:
        alone = f"{statistics.median(rbm_alone[name]):.2f} s" if name in rbm_alone else ''
        lines.append(f"| {name} | {100 * accuracy[name]:.2f}% | {statistics.median(fit[name]):.2f} s | {alone} |")
    lines += ["", "With mini-batches of 10 rows the products are tiny, so most of an RBM's time goes to launching each PyTorch",
              "operation rather than to arithmetic, and BernoulliRBM's numpy loop is faster at this size; at the batch sizes of",
              "the MNIST chapters the balance turns (benchmarks/results/cd_epoch.txt)."]
    Path(out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--rounds', type=int, default=3)
    p.add_argument('--out', default='benchmarks/results/sklearn_digits.txt')
    main(**vars(p.parse_args()))
