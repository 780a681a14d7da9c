import warnings, numpy as np, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import DBNClassifier
from sklearn.neural_network import MLPClassifier
X = (np.random.RandomState(0).rand(30, 6) > 0.5).astype(float); y = (X[:, 0] > 0).astype(int)
h = np.array([4, 3])
print('MLPClassifier(hidden_layer_sizes=np.array([4, 3])):', MLPClassifier(hidden_layer_sizes=h, max_iter=2).fit(X, y).n_layers_, 'layers')
try: DBNClassifier(hidden_layer_sizes=h, pretrain_epochs=1, epochs=1, device='cpu').fit(X, y)
except Exception as e: print('DBNClassifier(hidden_layer_sizes=np.array([4, 3])) RAISES', type(e).__name__, e)
