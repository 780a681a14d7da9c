"""DBNClassifier borrows MLPClassifier's hidden_layer_sizes but not its other names; what an MLPClassifier call does with it."""
import warnings; warnings.simplefilter('ignore')
import numpy as np, torch; torch.set_num_threads(1)
from sklearn.neural_network import MLPClassifier, BernoulliRBM
from dbn_book.sklearn import DBNClassifier, RBMTransformer
X = (np.random.RandomState(0).rand(40, 6) < .5).astype(np.float32); y = np.arange(40) % 2
m = set(MLPClassifier().get_params()); d = set(DBNClassifier().get_params())
print('DBNClassifier params shared with MLPClassifier:', sorted(m & d))
print('MLPClassifier params for the same ideas under other names in DBNClassifier: max_iter->epochs, learning_rate_init->learning_rate, alpha->weight_decay, learning_rate(schedule str)->(fixed cosine)')
for kw in (dict(max_iter=2), dict(learning_rate_init=0.1), dict(learning_rate='constant')):
    try: DBNClassifier(hidden_layer_sizes=(4,), pretrain_epochs=1, epochs=1, batch_size=20, device='cpu', **kw).fit(X, y); print(' ', kw, '-> fitted')
    except Exception as e: print(' ', kw, '->', type(e).__name__, str(e)[:140])
b = set(BernoulliRBM().get_params()); r = set(RBMTransformer().get_params())
print('RBMTransformer params shared with BernoulliRBM:', sorted(b & r), '| BernoulliRBM params missing:', sorted(b - r))
