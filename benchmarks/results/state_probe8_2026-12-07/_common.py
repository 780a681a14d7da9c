import copy, math, warnings
import torch
torch.set_num_threads(1)
warnings.simplefilter('ignore')
from dbn_book.rbm import RBM
from dbn_book.dbn import DBN

def data(n=120, d=8, seed=0):
    g = torch.Generator().manual_seed(seed)
    proto = (torch.rand(3, d, generator=g) > 0.5).float()
    idx = torch.randint(3, (n,), generator=g)
    flip = (torch.rand(n, d, generator=g) < 0.1).float()
    return (proto[idx] - flip).abs(), idx

def same(a, b): return all(torch.equal(x, y) for x, y in zip(a, b)) if isinstance(a, (list, tuple)) else torch.equal(a, b)
def maxdiff(a, b): return max((x - y).abs().max().item() for x, y in zip(a, b))
def params(m): return [p.detach().clone() for p in m.state_dict().values()]
def report(name, ok, detail=''): print(f"[{'ok ' if ok else 'BAD'}] {name}" + (f": {detail}" if detail else ''))
