import torch
from dbn_book.data import fit_standardizer, fit_zca
g = torch.Generator().manual_seed(0)
for off in [0., 1e3, 1e5, 1e7]:
    x = (torch.randn(500, 4, generator=g, dtype=torch.float64) * torch.tensor([1., 2., .5, 3.], dtype=torch.float64) + off)
    m = fit_standardizer(x); v = m(x)
    ref = (x - x.mean(0)) / x.std(0)
    z = fit_zca(x); vz = z(x)
    C = torch.cov(x.T); lam,U = torch.linalg.eigh(C); d = lam + 1e-2*lam.mean(); A = (U*d.rsqrt())@U.T
    refz = (x - x.mean(0)) @ A
    print(f"offset {off:g}: standardizer max|v-ref| {(v.double()-ref).abs().max().item():.2e}, v.std {v.double().std(0).tolist()}; "
          f"zca max|v-ref| {(vz.double()-refz).abs().max().item():.2e}; inverse err std {(m.inverse(v).double()-x).abs().max().item():.2e} zca {(z.inverse(vz).double()-x).abs().max().item():.2e}")
    print("    log_det", m.log_det, torch.linalg.slogdet(torch.diag(1/x.std(0)))[1].item(), z.log_det, torch.linalg.slogdet(A)[1].item())
