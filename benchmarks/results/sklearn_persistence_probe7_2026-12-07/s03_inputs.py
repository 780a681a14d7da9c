import warnings, numpy as np, torch, pandas as pd, scipy.sparse as sp
torch.set_num_threads(1)
from dbn_book.sklearn import RBMTransformer, DBNClassifier
from sklearn.neural_network import BernoulliRBM
warnings.simplefilter('ignore')
rng = np.random.RandomState(0)
X = (rng.rand(40, 6) > 0.5).astype(float)
def T(): return RBMTransformer(n_components=4, n_iter=2, random_state=0, device='cpu')
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:200])
t = T().fit(X)
for dt in (np.float64, np.float32, np.int64, np.int32, np.uint8, bool):
    tryit(f'transform dtype {np.dtype(dt)}', lambda: (t.transform(X.astype(dt)).dtype, np.abs(t.transform(X.astype(dt)) - t.transform(X)).max()))
    tryit(f'fit dtype {np.dtype(dt)}', lambda: np.abs(T().fit(X.astype(dt)).components_ - t.components_).max())
    b = BernoulliRBM(n_components=4, n_iter=1, random_state=0).fit(X)
    tryit(f'  BernoulliRBM transform {np.dtype(dt)}', lambda: b.transform(X.astype(dt)).dtype)
# sparse
for fmt in ('csr', 'csc', 'coo', 'lil', 'dok'):
    S = sp.csr_matrix(X).asformat(fmt)
    tryit(f'sparse {fmt} transform', lambda: np.abs(t.transform(S) - t.transform(X)).max())
    tryit(f'sparse {fmt} fit', lambda: np.abs(T().fit(S).components_ - t.components_).max())
    tryit(f'sparse {fmt} score_samples', lambda: np.abs(t.score_samples(S) - t.score_samples(X)).max())
# sparse arrays (new API)
tryit('sp.csr_array transform', lambda: np.abs(t.transform(sp.csr_array(X)) - t.transform(X)).max())
# pandas
df = pd.DataFrame(X, columns=[f'px{i}' for i in range(6)])
tp = T().fit(df)
print('feature_names_in_', getattr(tp, 'feature_names_in_', None), 'n_features_in_', tp.n_features_in_)
print('get_feature_names_out', tp.get_feature_names_out())
tryit('transform numpy after df fit (warning expected)', lambda: t.transform(X).shape)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always'); tp.transform(X)
    print('  warnings:', [str(x.message)[:100] for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always'); tryit('transform df renamed cols', lambda: tp.transform(df.rename(columns={'px0': 'zz'})).shape)
    print('  warnings:', [str(x.message)[:100] for x in w])
tryit('transform df reordered cols', lambda: tp.transform(df[df.columns[::-1]]).shape)
tp.set_output(transform='pandas')
out = tp.transform(df); print('set_output pandas', type(out).__name__, list(out.columns), out.index.equals(df.index))
df2 = df.copy(); df2.index = df.index + 100
print('  index kept', tp.transform(df2).index[:3].tolist())
tryit('fit_transform pandas', lambda: type(tp.fit_transform(df)).__name__)
tp.set_output(transform='polars') if False else None
# pandas nullable/bool dtypes
dfb = df.astype(bool); tryit('df bool fit', lambda: T().fit(dfb).n_features_in_)
dfi = df.astype('Int64'); tryit('df Int64 nullable fit', lambda: T().fit(dfi).n_features_in_)
# list input
tryit('list input transform', lambda: t.transform(X.tolist()).shape)
# 1-D input
tryit('1-D transform', lambda: t.transform(X[0]))
b = BernoulliRBM(n_components=4, n_iter=1, random_state=0).fit(X)
tryit('  BernoulliRBM 1-D transform', lambda: b.transform(X[0]))
# NaN
Xn = X.copy(); Xn[0,0] = np.nan
tryit('NaN transform', lambda: t.transform(Xn))
tryit('wrong n_features transform', lambda: t.transform(X[:, :5]))
tryit('empty rows transform', lambda: t.transform(X[:0]))
tryit('  BernoulliRBM empty rows transform', lambda: b.transform(X[:0]))
