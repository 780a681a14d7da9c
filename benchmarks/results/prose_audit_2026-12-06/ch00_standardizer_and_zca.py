import torch; torch.set_num_threads(1)
from dbn_book.data import load_mnist, dequantize, fit_standardizer, fit_zca, grey_sample_images, image_patches
ds = load_mnist(__import__('os').environ.get('DBN_BOOK_DATA', '../shared/data/mnist'))
x = ds.x_train[:20000]
xf = dequantize(x, torch.Generator().manual_seed(0))
print('constant', int((x.float().std(0)==0).sum()))
print('default min_std on dequantized: dropped', fit_standardizer(xf).n_dropped)
print('default min_std on x/255: dropped', fit_standardizer(x.float()/255).n_dropped)
print('min_std=1/256: dropped', fit_standardizer(xf, min_std=1/256).n_dropped)
g = torch.Generator().manual_seed(0)
p = image_patches(grey_sample_images(), 8, 20000, columns=(0., .6), generator=g)
for eps in (1e-2, 0.1):
    z = fit_zca(p, eps=eps); d = torch.cov(z(p).T).diag()
    print('eps', eps, 'whitened var mean', d.mean().item(), 'min', d.min().item(), 'max', d.max().item())
