"Do trainers keep the caller's training tensor (so that later in-place edits of it change training), and does that depend on its dtype?"
from _common import *
from dbn_book.cd import RBMTrainer, CDOptions
from dbn_book.dbn import DBNTrainer, DBNOptions
from dbn_book.updown import UpDownTrainer, UpDownOptions
from dbn_book.finetune import MLP, FineTuner, FineTuneOptions

v, y = data()
def rbm_run(x, edit):
    rbm = RBM(8, 5, seed=0)
    t = RBMTrainer(rbm, x, CDOptions(epochs=2, batch=20), seed=0)
    if edit: x.zero_()  # the caller reuses its buffer after building the trainer
    t.run(progress=False)
    return rbm.W.clone(), t.v_train.data_ptr() == x.data_ptr()

for dt in (torch.float32, torch.float64):
    W_clean, shared = rbm_run(v.to(dt).clone(), False)
    W_edit, _ = rbm_run(v.to(dt).clone(), True)
    print(f"RBMTrainer, v_train {dt}: trainer holds the caller's tensor: {shared}; a later in-place edit of it changes training: {not torch.equal(W_clean, W_edit)}")

for dt in (torch.float32, torch.float64):
    x = v.to(dt).clone()
    t = DBNTrainer(DBN([8, 5, 3], seed=0), x, options=DBNOptions(layers=CDOptions(epochs=1, batch=20)), seed=0)
    print(f"DBNTrainer, v_train {dt}: holds the caller's tensor: {t.v.data_ptr() == x.data_ptr()}")
    d = DBN([8, 5, 3], seed=0)
    t = UpDownTrainer(d, x, options=UpDownOptions(epochs=1, batch=20), seed=0)
    print(f"UpDownTrainer, v_train {dt}: holds the caller's tensor: {t.v.data_ptr() == x.data_ptr()}")
    t = FineTuner(MLP([8, 5], 3, seed=0), x, y, FineTuneOptions(epochs=1, batch=20), seed=0)
    print(f"FineTuner, v_train {dt}: holds the caller's tensor: {t.x.data_ptr() == x.data_ptr()}")

# none of them writes into it
x = v.clone(); x0 = x.clone()
for make in (lambda: RBMTrainer(RBM(8, 5, seed=0), x, CDOptions(epochs=2, batch=20, centered=True), seed=0),
             lambda: RBMTrainer(RBM(8, 5, seed=0), x, CDOptions(epochs=2, batch=20, method='pcd', fast_lr=0.01), seed=0),
             lambda: DBNTrainer(DBN([8, 5, 3], n_labels=3, seed=0), x, y, options=DBNOptions(layers=CDOptions(epochs=1, batch=20, method='pcd'), up='sample'), v_valid=x, y_valid=y, seed=0),
             lambda: UpDownTrainer(DBN([8, 5, 3], n_labels=3, seed=0), x, y, options=UpDownOptions(epochs=1, batch=20, method='pcd'), seed=0),
             lambda: FineTuner(MLP([8, 5], 3, dropout=0.5, input_dropout=0.2, seed=0), x, y, FineTuneOptions(epochs=1, batch=20), v_valid=x, y_valid=y, seed=0)):
    make().run(progress=False)
report("no trainer writes into v_train / v_valid / y", torch.equal(x, x0) and torch.equal(y, data()[1]))
