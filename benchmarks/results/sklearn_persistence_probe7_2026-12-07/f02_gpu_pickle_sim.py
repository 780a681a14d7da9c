# Simulates pickling an estimator fitted on CUDA (device=None picks CUDA when available), then
# unpickling it on a CPU-only machine. No GPU here: torch's storage location tag is patched to 'cuda:0'
# while pickling, which is what a real CUDA tensor's pickle records.
import warnings, pickle, numpy as np, torch, torch.serialization as ts
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import RBMTransformer
X = (np.random.RandomState(0).rand(20, 6) > 0.5).astype(float)
t = RBMTransformer(n_components=3, n_iter=1, random_state=0, device='cpu').fit(X)
orig = ts.location_tag
ts.location_tag = lambda storage: 'cuda:0'
try: blob = pickle.dumps(t)
finally: ts.location_tag = orig
print('cuda available here:', torch.cuda.is_available())
try: pickle.loads(blob); print('loaded')
except Exception as e: print('pickle.loads RAISES', type(e).__name__, str(e)[:400])
import io
try:
    u = torch.load(io.BytesIO(pickle.dumps(t)), weights_only=False); print('torch.load of a plain pickle? no')
except Exception as e: print('(torch.load cannot read a plain pickle:', type(e).__name__, ')')
