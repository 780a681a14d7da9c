import warnings, numpy as np, torch, pickle, copy
torch.set_num_threads(1); warnings.simplefilter('ignore')
from sklearn.base import clone
from dbn_book.sklearn import RBMTransformer
X = (np.random.RandomState(0).rand(30, 6) > 0.5).astype(float)
t = RBMTransformer(n_components=3, n_iter=1, random_state=0, device='cpu').set_output(transform='pandas').fit(X)
for nm, f in (('pickle', lambda o: pickle.loads(pickle.dumps(o))), ('deepcopy', copy.deepcopy), ('clone+fit', lambda o: clone(o).fit(X))):
    print(nm, type(f(t).transform(X)).__name__)
