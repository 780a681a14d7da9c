# Mutant: min_var=None no longer means "no floor": it falls back to the default floor 1e-2.
import math
import dbn_book.grbm as G
def constrain_(self, options):
    self.z.clamp_(min=math.log(options.min_var if options.min_var is not None else 1e-2))
G.GaussianRBM.constrain_ = constrain_
