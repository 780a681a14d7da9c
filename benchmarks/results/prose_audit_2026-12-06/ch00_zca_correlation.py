import torch; torch.set_num_threads(1)
from dbn_book.data import fit_zca, grey_sample_images, image_patches
p = image_patches(grey_sample_images(), 8, 20000, columns=(0., .6), generator=torch.Generator().manual_seed(0))
c0 = torch.corrcoef(p.T.double()); off = ~torch.eye(64, dtype=bool)
print('raw patches: mean |corr| off-diag', c0[off].abs().mean().item())
for eps in (1e-2, 0.1):
    c = torch.corrcoef(fit_zca(p, eps=eps)(p).T.double()); print(eps, 'mean |corr|', c[off].abs().mean().item(), 'max', c[off].abs().max().item())
