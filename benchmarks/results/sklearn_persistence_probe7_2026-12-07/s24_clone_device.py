import warnings, numpy as np, torch, pickle
from sklearn.base import clone
from dbn_book.sklearn import RBMTransformer, DBNClassifier
X = (np.random.RandomState(0).rand(20, 6) > 0.5).astype(float)
for dev in (torch.device('cpu'), 'cpu', None):
    t = RBMTransformer(n_components=3, n_iter=1, random_state=0, device=dev)
    c = clone(t); print(repr(dev), 'clone ok', c.device, 'fit ok', clone(t).fit(X).rbm_.W.device, 'pickle ok', pickle.loads(pickle.dumps(t.fit(X))).device)
d = DBNClassifier(hidden_layer_sizes=(3,), epochs=1, pretrain_epochs=1, device=torch.device('cpu'), random_state=np.random.RandomState(0))
print('DBN clone with torch.device + RandomState', clone(d).get_params()['device'])
