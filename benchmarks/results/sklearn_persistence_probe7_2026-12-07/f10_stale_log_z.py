# Stop 64: score_samples kept the log Z of the model as first scored; edit components_ (a view of W on the CPU) in place
# and the probabilities of all 64 states no longer sum to 1 (0.99944 before 4ecf285, 1.0 after).
import itertools, warnings, numpy as np, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import RBMTransformer
X = (np.random.RandomState(0).rand(50, 6) > 0.5).astype(float)
states = np.array(list(itertools.product([0, 1], repeat=6)), float)
t = RBMTransformer(n_components=4, n_iter=3, random_state=0, device='cpu').fit(X)
t.score_samples(X); C = t.components_; C *= 0.5
print('sum of P(v) over all 64 states after an in-place edit of components_:', np.exp(t.score_samples(states)).sum())
