import warnings, numpy as np, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import RBMTransformer, DBNClassifier
rng = np.random.RandomState(0)
for vis in ('binary', 'gaussian'):
    for dt in (np.float32, np.float64):
        X = ((rng.rand(30, 6) > 0.5) if vis == 'binary' else rng.randn(30, 6)).astype(dt); X0 = X.copy(); y = np.arange(30) % 2
        for meth in ('cd', 'pcd'):
            t = RBMTransformer(n_components=4, n_iter=3, random_state=0, device='cpu', visible=vis, method=meth).fit(X); t.partial_fit(X); t.transform(X); t.gibbs(X); t.score_samples(X)
            print(vis, np.dtype(dt), meth, 'RBMT leaves X unchanged', np.array_equal(X, X0))
        d = DBNClassifier(hidden_layer_sizes=(4, 3), pretrain_epochs=2, epochs=2, batch_size=10, random_state=0, device='cpu', visible=vis, method='pcd', dropout=0.3).fit(X, y); d.predict_proba(X)
        print(vis, np.dtype(dt), 'DBN leaves X unchanged', np.array_equal(X, X0))
