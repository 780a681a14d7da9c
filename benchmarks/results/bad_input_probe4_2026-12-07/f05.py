# RBMTransformer(method='pcd').partial_fit after set_params(batch_size=30) keeps the 10 persistent chains of the first call
import numpy as np, warnings
warnings.simplefilter('ignore')
from dbn_book.sklearn import RBMTransformer
X = (np.random.RandomState(0).rand(60, 8) < .4).astype(np.float32)
t = RBMTransformer(n_components=4, batch_size=10, random_state=0, device='cpu', method='pcd')
t.partial_fit(X); print('persistent chains after first partial_fit:', tuple(t._carry['chains'].shape))
t.set_params(batch_size=30); t.partial_fit(X); print('after set_params(batch_size=30) and partial_fit:', tuple(t._carry['chains'].shape))
f = RBMTransformer(n_components=4, batch_size=30, random_state=0, device='cpu', method='pcd', n_iter=1).fit(X)
print('a fit with batch_size=30 uses:', tuple(f._carry['chains'].shape))
