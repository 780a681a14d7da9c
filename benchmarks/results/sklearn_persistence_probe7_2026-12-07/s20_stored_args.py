import numpy as np
from dbn_book.sklearn import RBMTransformer
t = RBMTransformer(n_components=4)
print('instance attributes beyond params:', [k for k in vars(t) if k not in t.get_params()])
t.set_params(n_components=9)
print('after set_params(n_components=9): n_components', t.n_components, '__stored_args__', t.__stored_args__.get('n_components'))
