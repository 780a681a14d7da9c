# GaussianRBM(v_data=..., var=...): var is range-checked, then silently ignored (AIS's _check_base refuses the analogous "base and v_data")
import torch
from dbn_book.grbm import GaussianRBM
x = torch.randn(50, 4, generator=torch.Generator().manual_seed(0))
print('no v_data, var=0.5:       ', GaussianRBM(4, 3, var=0.5).var)
print('v_data given, var=0.5:    ', GaussianRBM(4, 3, v_data=x, var=0.5).var, '(the data variances; var ignored)')
print('v_data given, var omitted:', GaussianRBM(4, 3, v_data=x).var)
