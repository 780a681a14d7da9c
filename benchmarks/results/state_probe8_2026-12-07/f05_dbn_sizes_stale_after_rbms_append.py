"f05: DBN.sizes (and n_labels) are computed once in _stack; after dbn.rbms.append(...) they are stale: mlp_from_dbn drops the new layer, save writes a checkpoint load refuses."
import os, tempfile, torch; torch.set_num_threads(1)
from dbn_book.dbn import DBN
from dbn_book.rbm import RBM
from dbn_book.finetune import mlp_from_dbn
dbn = DBN([6, 4], seed=0)
dbn.rbms.append(RBM(4, 3, seed=1))          # growing the stack by hand, as nn.ModuleList allows
print("len(rbms) =", len(dbn.rbms), "| sizes =", dbn.sizes, "| top:", tuple(dbn.top.W.shape))
print("mlp_from_dbn ->", mlp_from_dbn(dbn, 2, seed=0).sizes, "(one hidden layer; the DBN has two RBMs)")
print("dbn.up(v).shape =", tuple(dbn.up(torch.zeros(2, 6)).shape), "while sizes[-2] =", dbn.sizes[-2])
try: dbn.sample(2, k=1)
except ValueError as e: print("sample:", str(e)[:110])
p = os.path.join(tempfile.mkdtemp(), 'grown.pt'); dbn.save(p); print("save: written")
try: DBN.load(p)
except ValueError as e: print("load:", str(e)[:150])
os.remove(p); print("DBN.from_rbms(list(dbn.rbms)).sizes =", DBN.from_rbms(list(dbn.rbms)).sizes, "(the supported way)")
