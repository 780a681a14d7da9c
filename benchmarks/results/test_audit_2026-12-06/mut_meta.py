# Mutant: rows no longer follow the model's device (the `.to(self.W.device)` in RBM.check_visible removed).
import dbn_book.rbm as R
from dbn_book.core import check_units
_orig = R.RBM.check_visible
def check_visible(self, v, what='v'):
    return check_units(v, self.n_visible, what, 'visible', self.W.dtype)  # not moved
R.RBM.check_visible = check_visible
