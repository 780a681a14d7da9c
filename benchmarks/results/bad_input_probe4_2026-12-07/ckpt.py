import torch, warnings
warnings.simplefilter('ignore')
import dbn_book as D
from dbn_book.grbm import GaussianRBM
P = '/work/tmp/probe4/ck.pt'
def rt(name, dbn, mlp=None):
    try:
        if mlp is None: dbn.save(P); e = D.DBN.load(P); m2 = None
        else: D.save_checkpoint(P, dbn, mlp); e, m2, *_ = D.load_checkpoint(P)
        same = dbn.state_dict().keys() == e.state_dict().keys() and all(torch.equal(a, e.state_dict()[k]) and a.dtype == e.state_dict()[k].dtype for k, a in dbn.state_dict().items())
        s = f"dbn same: {same}, repr same: {repr(dbn) == repr(e)}, tied {dbn.tied}->{e.tied}, types {[type(r).__name__ for r in e.rbms]}"
        if mlp is not None: s += f"; mlp same: {all(torch.equal(a, m2.state_dict()[k]) for k, a in mlp.state_dict().items())}, cfg {mlp.config == m2.config}, dtype {next(m2.parameters()).dtype}, training {m2.training}"
        print(f"{name:30s} {s}")
    except Exception as ex: print(f"{name:30s} !! {type(ex).__name__}: {ex}")
rt('plain', D.DBN([8, 6, 5], seed=0))
rt('labels', D.DBN([8, 6, 5], n_labels=3, seed=0))
rt('one rbm labels', D.DBN([8, 6], n_labels=3, seed=0))
rt('untied', D.DBN([8, 6, 5, 4], n_labels=3, seed=0).untie())
rt('float64', D.DBN([8, 6, 5], n_labels=3, seed=0).double())
rt('gaussian bottom', D.DBN.from_rbms([GaussianRBM(8, 6, seed=0, var=0.3), D.RBM(6, 5, n_softmax=0)]))
rt('gaussian only', D.DBN.from_rbms([GaussianRBM(8, 6, seed=0, var=0.3)]))
rt('gaussian+labels top', D.DBN.from_rbms([GaussianRBM(8, 6, seed=0), D.RBM(9, 5, n_softmax=3)]))
rt('one rbm softmax', D.DBN.from_rbms([D.RBM(8, 5, n_softmax=3)]))
rt('mlp dropout', D.DBN([8, 6, 5], seed=0), D.MLP([8, 6, 5], 4, dropout=0.3, input_dropout=0.2))
rt('mlp float64', D.DBN([8, 6, 5], seed=0).double(), D.MLP([8, 6, 5], 4).double())
rt('mlp float64 dbn f32', D.DBN([8, 6, 5], seed=0), D.MLP([8, 6, 5], 4).double())
rt('mlp other hidden sizes', D.DBN([8, 6, 5], seed=0), D.MLP([8, 3], 4))
d = D.DBN([8, 6, 5], seed=0); d.rbms[0].W.requires_grad_(True)
rt('requires grad', d)
