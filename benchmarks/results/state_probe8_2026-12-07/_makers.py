"Tiny trainers with non-default options, shared by s05 and s06."
from _common import *
from dbn_book.cd import RBMTrainer, CDOptions
from dbn_book.dbn import DBNTrainer, DBNOptions
from dbn_book.updown import UpDownTrainer, UpDownOptions
from dbn_book.finetune import MLP, FineTuner, FineTuneOptions
from dbn_book.grbm import GaussianRBM

v, y = data()
vg = torch.randn(120, 4, generator=torch.Generator().manual_seed(5))
def strip(h): return [{k: x for k, x in r.items() if k != 'seconds'} for r in h]

makers = {
 'RBMTrainer cd': lambda **g: (m := RBM(8, 5, seed=0), RBMTrainer(m, v, CDOptions(epochs=4, batch=20, momentum_epochs=2), **g)),
 'RBMTrainer pcd+fast+cosine': lambda **g: (m := RBM(8, 5, seed=0), RBMTrainer(m, v, CDOptions(epochs=4, batch=20, method='pcd', fast_lr=0.01, schedule='cosine'), v_valid=v[:30], **g)),
 'RBMTrainer centered linear': lambda **g: (m := RBM(8, 5, seed=0), RBMTrainer(m, v, CDOptions(epochs=4, batch=20, centered=True, schedule='linear'), **g)),
 'RBMTrainer gaussian': lambda **g: (m := GaussianRBM(4, 3, v_data=vg, seed=0), RBMTrainer(m, vg, CDOptions(epochs=4, batch=20, lr=0.01, min_var=0.1), **g)),
 'DBNTrainer sample/labels/valid': lambda **g: (m := DBN([8, 5, 3], n_labels=3, seed=0), DBNTrainer(m, v, y, DBNOptions(layers=[CDOptions(epochs=2, batch=20), CDOptions(epochs=2, batch=20, method='pcd')], up='sample'), v_valid=v[:30], y_valid=y[:30], **g)),
 'DBNTrainer flipped': lambda **g: (m := DBN([8, 5, 8], seed=0), DBNTrainer(m, v, None, DBNOptions(layers=CDOptions(epochs=2, batch=20), init='flipped'), **g)),
 'DBNTrainer gaussian bottom': lambda **g: (m := DBN.from_rbms([GaussianRBM(4, 5, v_data=vg, seed=0), RBM(5, 3, seed=1)]), DBNTrainer(m, vg, None, DBNOptions(layers=[CDOptions(epochs=2, batch=20, lr=0.01), CDOptions(epochs=2, batch=20)]), **g)),
 'UpDownTrainer pcd labels wd': lambda **g: (m := DBN([8, 5, 3], n_labels=3, seed=0), UpDownTrainer(m, v, y, UpDownOptions(epochs=4, batch=20, method='pcd', k=2, weight_decay=1e-3, schedule='cosine'), **g)),
 'FineTuner adam head dropout': lambda **g: (m := MLP([8, 5, 4], 3, dropout=0.3, input_dropout=0.1, seed=0), FineTuner(m, v, y, FineTuneOptions(epochs=4, batch=20, optimizer='adam', lr=0.01, head_epochs=1, max_norm=2.0), v_valid=v[:30], y_valid=y[:30], **g)),
}
