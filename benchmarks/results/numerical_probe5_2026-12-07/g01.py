# g01: fit_standardizer / fit_zca fitted on float64 rows with a large offset: the fitted map rounds its input
# to float32 before subtracting the mean (and fit_zca stores the mean in float32), so map(x) is wrong
# by up to ~1 standard deviation, though the fit itself was done in float64.
import torch
from dbn_book.data import fit_standardizer, fit_zca
g = torch.Generator().manual_seed(0)
x = torch.randn(500, 3, generator=g, dtype=torch.float64) + 1e7      # float64 rows: offset 1e7, std 1
m = fit_standardizer(x); v = m(x)
ref = (x - x.mean(0)) / x.std(0)                                       # the standardisation, in float64
print("fit_standardizer: map(x)[:3,0]      ", v[:3, 0].tolist())
print("                  (x-mean)/std [:3,0]", ref[:3, 0].tolist())
print("  max |map(x) - ref| =", (v.double() - ref).abs().max().item(), " std of map(x) per column:", v.double().std(0).tolist(), "(should be 1)")
z = fit_zca(x); vz = z(x)
C = torch.cov(x.T); lam, U = torch.linalg.eigh(C); d = lam + 1e-2 * lam.mean(); A = (U * d.rsqrt()) @ U.T
refz = (x - x.mean(0)) @ A
print("fit_zca: max |map(x) - ref| =", (vz.double() - refz).abs().max().item(), " mean of map(x):", vz.double().mean(0).tolist(), "(should be 0)")
print("round trip: max |inverse(map(x)) - x| =", (m.inverse(v).double() - x).abs().max().item(), "(x's std is 1)")
