import torch, warnings, time
torch.set_num_threads(1)
from dbn_book.data import load_mnist, mnist_tensors, local_mnist_folder
from dbn_book.dbn import DBN, train_dbn
from dbn_book.finetune import MLP, mlp_from_dbn, finetune, evaluate
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    ds = load_mnist(local_mnist_folder(), download=False)
v_tr, y_tr, v_te, y_te = mnist_tensors(ds)
n_train, n_valid = 5000, 10_000
v_fit, y_fit = v_tr[:n_train], y_tr[:n_train]
v_val, y_val = v_tr[-n_valid:], y_tr[-n_valid:]
sizes, dbn_epochs, mlp_epochs = [784, 500, 500, 2000], 3, 6
# top hidden units of the random net
m = MLP(sizes, seed=0).eval()
with torch.no_grad(): h = m.features(v_val[:1000])
print('random top units: overall min/max', h.min().item(), h.max().item(), 'max over units of (per-unit std across digits)', h.std(0).max().item(), 'per-unit mean range', h.mean(0).min().item(), h.mean(0).max().item())
print('val class counts', torch.bincount(y_val), 'test counts', torch.bincount(y_te))
t0=time.time()
dbn = DBN(sizes, v_data=v_fit, seed=0)
train_dbn(dbn, v_fit, epochs=dbn_epochs, lr=0.05, seed=0, device='cpu', progress=False)
for lr in (0.01, 0.03, 0.1):
    for name, make in (('DBN', lambda: mlp_from_dbn(dbn, seed=0)), ('random', lambda: MLP(sizes, seed=0))):
        mlp = make()
        preds=[]
        hist = finetune(mlp, v_fit, y_fit, epochs=mlp_epochs, lr=lr, v_valid=v_val, y_valid=y_val, seed=0, device='cpu', progress=False,
             callback=lambda t, r: preds.append(torch.bincount(t.mlp.eval()(v_val).argmax(1), minlength=10).tolist()))
        print(name, lr, [round(100*r['valid_error'],2) for r in hist], 'pred counts last', preds[-1])
print('secs', time.time()-t0)
