# Mutant: momentum never used (mu = 0 in every epoch, whatever CDOptions.momentum says).
from _srcpatch import patch_method
from dbn_book.cd import RBMTrainer
patch_method(RBMTrainer, 'run_epoch', 'mu = o.momentum[0] if self.epoch < o.momentum_epochs else o.momentum[1]', 'mu = 0.')
