import warnings, numpy as np, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import RBMTransformer
from sklearn.neural_network import BernoulliRBM
X = (np.random.RandomState(0).rand(30, 6) > 0.5).astype(float)
b = BernoulliRBM(n_components=4, n_iter=1, random_state=0).fit(X)
b.components_ = np.zeros((4, 6)); print('BernoulliRBM: components_ assigned; transform row 0 =', b.transform(X[:1]).round(3))
t = RBMTransformer(n_components=4, n_iter=1, random_state=0, device='cpu').fit(X)
for name, val in (('components_', np.zeros((4, 6))), ('intercept_hidden_', np.zeros(4)), ('intercept_visible_', np.zeros(6))):
    try: setattr(t, name, val); print('RBMTransformer:', name, 'assigned')
    except Exception as e: print(f'RBMTransformer: {name} = ... RAISES', type(e).__name__, e)
