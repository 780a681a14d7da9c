"f02: DBNTrainer.state_dict() hands out the trainer's own options['layers'] dicts and code_rng tensors; editing the returned state edits the trainer."
import torch; torch.set_num_threads(1)
from dbn_book.dbn import DBN, DBNTrainer, DBNOptions
from dbn_book.cd import CDOptions
v = (torch.rand(60, 6, generator=torch.Generator().manual_seed(0)) > 0.5).float()
opts = DBNOptions(layers=CDOptions(epochs=1, batch=20))
t = DBNTrainer(DBN([6, 4, 3], seed=0), v, options=opts, seed=0)
t.run(1, progress=False)
snap = t.state_dict()
snap['options']['layers'][0]['lr'] = 0.5        # annotate / tweak a copy, e.g. before writing it elsewhere
snap['code_rng'][0].zero_()
print("trainer.options['layers'][0]['lr'] is now", t.options['layers'][0]['lr'], "(training still uses", t.layer_options[0].lr, ")")
print("trainer.code_rng[0] all zero now:", not bool(t.code_rng[0].any()))
later = t.state_dict()                          # a state written afterwards carries the edit
fresh = DBNTrainer(DBN([6, 4, 3], seed=0), v, options=opts, seed=0)
try: fresh.load_state_dict(later); print("loaded")
except ValueError as e: print("a fresh trainer with the run's real options refuses the later state:", str(e)[:150])
# RBMTrainer / UpDownTrainer / FineTuner: the same edits leave the trainer alone (their states are copies)
