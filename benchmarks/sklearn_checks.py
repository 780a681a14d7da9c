"""scikit-learn's `check_estimator` on the estimators as a user constructs them, `RBMTransformer()`, `DBNClassifier()`
and their `visible='gaussian'` forms: every check with its outcome, the failures grouped by their error message.

    python benchmarks/sklearn_checks.py
"""
import collections, re, time, warnings

import sklearn
from sklearn.utils.estimator_checks import check_estimator

from dbn_book.sklearn import DBNClassifier, RBMTransformer

REFUSAL = re.compile(r"Values above 1 in data passed to \w+ \(X with n_samples=\d+, n_features=\d+, maximum [^)]*\): its visible units are binary")


def outcomes(est):
    "(check name, 'passed' | 'skipped' | 'refused' | 'failed', exception) for every check scikit-learn runs on est."
    res = []
    def record(estimator, check_name, exception, status, expected_to_fail, expected_to_fail_reason):
        if status == 'failed' and isinstance(exception, ValueError) and REFUSAL.match(str(exception)): status = 'refused'
        res.append((check_name, status, exception))
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        check_estimator(est, on_fail=None, callback=record)
    return res


def main():
    print(f"scikit-learn {sklearn.__version__}; 'refused': a ValueError 'Values above 1 in data' (binary visible units), by design")
    for est in (RBMTransformer(), DBNClassifier(), RBMTransformer(visible='gaussian'), DBNClassifier(visible='gaussian')):
        t0 = time.perf_counter()
        res = outcomes(est)
        counts = collections.Counter(s for _, s, _ in res)
        print(f"{est!r:36} " + ", ".join(f"{counts[s]} {s}" for s in ('passed', 'refused', 'skipped', 'failed')) + f"   ({time.perf_counter() - t0:.0f} s)")
        for name, status, e in res:
            if status in ('failed', 'skipped'): print(f"    {status}: {name}: {type(e).__name__}: {str(e)[:160]}")


if __name__ == '__main__':
    import argparse; argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args() # no options: --help shows the docstring
    main()
