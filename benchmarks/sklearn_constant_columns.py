"""A Gaussian RBMTransformer on scikit-learn's digits after StandardScaler, with and without the constant pixels.

    python benchmarks/sklearn_constant_columns.py [--seeds 3] [--n_iter 10]

StandardScaler leaves the digits' 3 constant pixels at 0; their units' variances sit at MIN_VAR. Prints, per seed, the
last epoch's reconstruction error and the DivergenceWarnings of a fit on all 64 columns and of one on the columns that
VarianceThreshold(0.01) keeps.
"""
import argparse, warnings

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--seeds', type=int, default=3); p.add_argument('--n_iter', type=int, default=10)
    a = p.parse_args()
    import torch; torch.set_num_threads(1)
    from sklearn.datasets import load_digits
    from sklearn.feature_selection import VarianceThreshold
    from sklearn.preprocessing import StandardScaler
    from dbn_book import DivergenceWarning
    from dbn_book.sklearn import RBMTransformer
    X = StandardScaler().fit_transform(load_digits(return_X_y=True)[0])
    kept = VarianceThreshold(0.01).fit_transform(X)
    print(f"digits {X.shape}, standardised; columns with variance below 0.01: {int((X.var(0) < 0.01).sum())}; kept {kept.shape[1]}")
    for seed in range(a.seeds):
        for name, data in (('all 64 columns', X), ('VarianceThreshold(0.01)', kept)):
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter('always')
                est = RBMTransformer(visible='gaussian', n_iter=a.n_iter, random_state=seed, device='cpu').fit(data)
            div = [str(x.message) for x in w if issubclass(x.category, DivergenceWarning)]
            print(f"seed {seed}, {name:24s}: last reconstruction error {est.history_[-1]['recon_error']:12.2f} per row; "
                  f"{len(div)} DivergenceWarning{'s' * (len(div) != 1)}" + (f": {div[0][:120]} ... {div[0][-230:]}" if div else ""))

if __name__ == '__main__':
    main()
