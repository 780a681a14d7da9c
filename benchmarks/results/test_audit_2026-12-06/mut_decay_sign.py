# Mutant: weight decay GROWS W (sign flipped).
from _srcpatch import patch_method
from dbn_book.cd import RBMTrainer
patch_method(RBMTrainer, 'update', 'alpha=-eps * o.weight_decay', 'alpha=+eps * o.weight_decay')
