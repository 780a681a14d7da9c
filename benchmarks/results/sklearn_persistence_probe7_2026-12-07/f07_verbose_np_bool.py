import warnings, numpy as np, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import RBMTransformer, DBNClassifier
from sklearn.neural_network import BernoulliRBM, MLPClassifier
X = (np.random.RandomState(0).rand(30, 6) > 0.5).astype(float); y = (X[:, 0] > 0).astype(int)
print('BernoulliRBM(verbose=np.False_):', BernoulliRBM(n_iter=1, verbose=np.False_).fit(X).n_features_in_)
print('MLPClassifier(verbose=np.False_):', MLPClassifier(max_iter=1, verbose=np.False_).fit(X, y).n_features_in_)
for est in (RBMTransformer(n_components=3, n_iter=1, verbose=np.False_, device='cpu'), DBNClassifier(hidden_layer_sizes=(3,), epochs=1, pretrain_epochs=1, verbose=np.False_, device='cpu')):
    try: est.fit(X, y); print(type(est).__name__, 'ok')
    except Exception as e: print(type(est).__name__, '(verbose=np.False_) RAISES', type(e).__name__, e)
