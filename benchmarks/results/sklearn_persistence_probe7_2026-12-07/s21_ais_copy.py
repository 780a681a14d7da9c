import warnings, numpy as np, torch, pickle
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import RBMTransformer
rng = np.random.RandomState(0); X = (rng.rand(30, 6) > 0.5).astype(float)
t = RBMTransformer(n_components=4, n_iter=2, random_state=0, device='cpu').fit(X)
a = t.log_partition('ais', n_chains=5, n_steps=20); b = t.log_partition('ais', n_chains=5, n_steps=20)
c = pickle.loads(pickle.dumps(t)).log_partition('ais', n_chains=5, n_steps=20)
print('AIS repeat equal', a.log_z == b.log_z, 'pickle equal', a.log_z == c.log_z, 'exact', t.log_partition('exact').log_z, 'ais', a.log_z)
t.gibbs(X)  # advances random_state_, should not change AIS seed
print('after gibbs AIS equal', t.log_partition('ais', n_chains=5, n_steps=20).log_z == a.log_z)
tryit = None
try: print(t.log_partition('exact', n_chains=5))
except Exception as e: print('exact with n_chains:', type(e).__name__, e)
