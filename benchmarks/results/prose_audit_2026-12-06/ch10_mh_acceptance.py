import torch, warnings
torch.set_num_threads(1)
from dbn_book.data import load_mnist, local_mnist_folder, dequantize, fit_standardizer
from dbn_book.grbm import GaussianRBM
from dbn_book.cd import train_rbm
from dbn_book.langevin import gibbs_langevin_chain
with warnings.catch_warnings():
    warnings.simplefilter('ignore'); ds = load_mnist(local_mnist_folder(), download=False)
g = torch.Generator().manual_seed(0)
x_fit = dequantize(ds.x_train[:20000].reshape(-1, 784), g)
x_held = dequantize(ds.x_train[-1000:].reshape(-1, 784), g)
std_map = fit_standardizer(x_fit, min_std=1/256)
v_fit, v_held = std_map(x_fit), std_map(x_held)
grbm = GaussianRBM(v_fit.shape[1], 200, v_data=v_fit, seed=0)
h = train_rbm(grbm, v_fit, epochs=15, lr=1e-3, lr_var=1e-4, v_valid=v_held, seed=0, progress=False, device='cpu')
print('recon last', h[-1]['recon_error'], 'var median', h[-1]['var_median'])
noise = grbm.draw_v(grbm.b.expand(20, -1), torch.Generator().manual_seed(0))
for s in (0.5, 0.2, 0.05, 20/512):
    print(s, gibbs_langevin_chain(grbm, noise, 50, s, generator=torch.Generator().manual_seed(0)).acceptance)
