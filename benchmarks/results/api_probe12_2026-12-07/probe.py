"""Behaviour checks for api_probe12. Tiny models, CPU, one thread. Each block prints 'nXX:' and what it shows."""
import warnings, inspect, math
import torch; torch.set_num_threads(1)
warnings.simplefilter('ignore')
import dbn_book as B
from dbn_book.cd import reconstruction_error, rbm_monitors
from dbn_book.ais import linear_betas
from dbn_book.data import binarize, dequantize, show_digits
from dbn_book.widgets import image_grid

def attempt(label, fn):
    try: r = fn(); print(f'   {label}: OK -> {r}')
    except Exception as e: print(f'   {label}: {type(e).__name__}: {str(e)[:160]}')

g = lambda s=0: torch.Generator().manual_seed(s)
v = (torch.rand(40, 6, generator=g(1)) < 0.5).float()
y = torch.randint(0, 3, (40,), generator=g(2))

print('n01: positional fields of the three *Options dataclasses')
print('   CDOptions fields     :', list(B.CDOptions.__dataclass_fields__)[:6])
print('   UpDownOptions fields :', list(B.UpDownOptions.__dataclass_fields__)[:6])
print('   FineTuneOptions fields:', list(B.FineTuneOptions.__dataclass_fields__)[:6])
o = B.CDOptions(5, 0.1, 50); print(f'   CDOptions(5, 0.1, 50) -> k={o.k}, batch={o.batch}   (silently k=50)')
o = B.FineTuneOptions(5, 0.1, 50); print(f'   FineTuneOptions(5, 0.1, 50) -> batch={o.batch}')
o = B.UpDownOptions(5, 0.01, 1, 50); print(f'   UpDownOptions(5, 0.01, 1, 50) -> batch={o.batch}')
attempt('CDOptions(5, 0.1, 1, 50)  (batch where UpDownOptions has it)', lambda: B.CDOptions(5, 0.1, 1, 50))

print('n02: train_* positional order of desc/callback')
for f in (B.train_rbm, B.train_dbn, B.finetune, B.up_down):
    ps = [p for p in inspect.signature(f).parameters if p in ('progress', 'callback', 'desc')]
    print(f'   {f.__name__}: {ps}')
calls = []
cb = lambda t, r: calls.append(r['epoch'])
mlp = B.MLP([6, 4], n_classes=3, seed=0)
attempt('finetune(mlp, v, y, opts, False, cb)  (6th positional is desc)', lambda: B.finetune(mlp, v, y, B.FineTuneOptions(epochs=2, batch=20), False, cb, device='cpu'))
attempt("train_rbm(rbm, v, opts, False, 'my label')  (5th positional is callback)", lambda: len(B.train_rbm(B.RBM(6, 4, seed=0), v, B.CDOptions(epochs=2, batch=20), False, 'my label', device='cpu')))
attempt("finetune(mlp, v, y, opts, False, 'my label')", lambda: len(B.finetune(mlp, v, y, B.FineTuneOptions(epochs=2, batch=20), False, 'my label', device='cpu')))
attempt("train_dbn(..., desc='x')", lambda: B.train_dbn(B.DBN([6, 4, 3], seed=0), v, epochs=1, batch=20, progress=False, desc='x', device='cpu'))

print('n03: generator=None means seed 0 in binarize, torch global in dequantize (same module)')
x = torch.rand(2, 8, generator=g(3)); u8 = torch.randint(0, 256, (2, 8), dtype=torch.uint8, generator=g(4))
print('   binarize(x) twice equal:', torch.equal(binarize(x), binarize(x)))
print('   dequantize(u8) twice equal:', torch.equal(dequantize(u8), dequantize(u8)))
print('   bernoulli(p) twice equal:', torch.equal(B.bernoulli(x), B.bernoulli(x)))

print('n04: DBN.up default = probabilities, DBN.down default = a sample; sample vs sample_frames mean defaults')
d = B.DBN([6, 5, 4], seed=0)
up = d.up(v[:4]); dn = d.down((torch.rand(4, 5, generator=g(5)) < .5).float())
print('   up(v) values binary?', bool(((up == 0) | (up == 1)).all()), '| down(h) values binary?', bool(((dn == 0) | (dn == 1)).all()))
print('   up positional: ', list(inspect.signature(B.DBN.up).parameters)[1:], ' down positional:', list(inspect.signature(B.DBN.down).parameters)[1:])
s = d.sample(3, 5, generator=g(6)); f = d.sample_frames(3, (5,), generator=g(6))[0]
print('   DBN.sample(3, 5) binary?', bool(((s == 0) | (s == 1)).all()), '| DBN.sample_frames(3, (5,))[0] binary?', bool(((f == 0) | (f == 1)).all()))

print('n05: `steps` is a tuple in sample_chains / sample_frames, an int in label_marginal / rbm_figure; start vs v_start')
r = B.RBM(6, 4, seed=0)
attempt('sample_chains(rbm, steps=100)', lambda: B.sample_chains(r, steps=100))
dl = B.DBN([6, 4], n_labels=3, seed=0)
attempt('label_marginal(dbn, steps=(1, 10))', lambda: B.label_marginal(dl, steps=(1, 10)))
attempt('DBN.sample(start=...)  (sample_chains calls it start)', lambda: d.sample(2, start=v[:2]))
attempt('sample_chains(rbm, v_start=...)  (DBN.sample calls it v_start)', lambda: B.sample_chains(r, v_start=v[:2]))
attempt('sample_chains(rbm, steps=(0, 10))  (sample_frames accepts 0)', lambda: B.sample_chains(r, steps=(0, 10)))

print('n06: three limits for "enumerate exactly": rbm_monitors exact_units=16, log_partition max_units=20, RBM.log_partition_exact max_units=25')
r18 = B.RBM(18, 40, seed=0)
print('   18-unit smaller layer: rbm_monitors has log_z?', 'log_z' in rbm_monitors(r18, v.new_zeros(2, 18)), '| log_partition method:', B.log_partition(r18).method)
r21 = B.RBM(21, 40, seed=0)
lp = B.log_partition(r21, betas=linear_betas(50), n_chains=10, generator=g(7))
ex = r21.log_partition_exact().item()
print(f'   21-unit smaller layer: log_partition -> method={lp.method} log_z={lp.log_z:.3f}; r21.log_partition_exact() = {ex:.3f} (exact, works)')
print('   GaussianRBM.log_partition_exact max_units default:', inspect.signature(B.GaussianRBM.log_partition_exact).parameters['max_units'].default)

print('n07: mlp_from_dbn ignores dbn.n_labels (n_classes defaults to 10)')
m = B.mlp_from_dbn(dl); print(f'   DBN n_labels={dl.n_labels} -> MLP n_classes={m.n_classes}')

print('n08: evaluate(batch=) vs predict_labels(chunk=) / raise_log_likelihood(chunk=)')
attempt('evaluate(mlp, v, y, chunk=10)', lambda: B.evaluate(mlp, v, y, chunk=10))
attempt('predict_labels(dbn, v, batch=10)', lambda: B.predict_labels(dl, v, batch=10))

print('n09: draw_v parameter names differ between RBM and GaussianRBM')
gr = B.GaussianRBM(6, 4, seed=0)
attempt('RBM.draw_v(p_v=...)', lambda: r.draw_v(p_v=torch.full((2, 6), .5)).shape)
attempt('GaussianRBM.draw_v(p_v=...)', lambda: gr.draw_v(p_v=torch.zeros(2, 6)).shape)

print('n10: cd_grad / exact_grad return 3 gradients, pcd_grad a 2-field PCDStep')
print('   cd_grad ->', type(B.cd_grad(r, v)).__name__, len(B.cd_grad(r, v)), '| exact_grad ->', len(B.exact_grad(r, v)),
      '| pcd_grad ->', type(B.pcd_grad(r, v, v[:5].clone())).__name__, len(B.pcd_grad(r, v, v[:5].clone())))
attempt('dW, db, dc = pcd_grad(rbm, v, chains)', lambda: [None for dW, db, dc in [B.pcd_grad(r, v, v[:5].clone())]])

print('n11: train_* return shapes')
h1 = B.train_rbm(B.RBM(6, 4, seed=0), v, epochs=1, batch=20, progress=False, device='cpu')
h2 = B.train_dbn(B.DBN([6, 4, 3], seed=0), v, epochs=1, batch=20, progress=False, device='cpu')
print('   train_rbm ->', type(h1[-1]).__name__, '| train_dbn ->', type(h2[-1]).__name__, 'of', type(h2[-1][-1]).__name__)

print('n12: momentum is (initial, final) in CDOptions, one number in FineTuneOptions / sklearn / CLI --momentum')
attempt('train_rbm(rbm, v, momentum=0.9)', lambda: B.train_rbm(B.RBM(6, 4, seed=0), v, epochs=1, batch=20, momentum=0.9, progress=False, device='cpu'))
attempt('FineTuneOptions(momentum=(0.5, 0.9))', lambda: B.FineTuneOptions(momentum=(0.5, 0.9)))

print('n13: show_digits nrow = images per row (columns), image_grid ncol = columns')
vv = torch.zeros(20, 784)
fig = show_digits(vv, nrow=2); print(f'   show_digits(20 images, nrow=2) figure w x h = {fig.get_size_inches().round(2).tolist()} (tall: 2 per row, 10 rows)')
print('   image_grid(20 images, ncol=2) shape =', image_grid(vv.reshape(20, 28, 28).numpy(), ncol=2).shape[:2])

print('n14: options passed positionally as y_train')
attempt('train_dbn(dbn, v, DBNOptions())', lambda: B.train_dbn(B.DBN([6, 4, 3], seed=0), v, B.DBNOptions(), progress=False))
attempt('train_rbm(rbm, v, CDOptions())', lambda: len(B.train_rbm(B.RBM(6, 4, seed=0), v, B.CDOptions(epochs=1, batch=20), progress=False, device='cpu')))

print('n15: positional orders of the AIS family')
for f in (B.ais_log_partition, B.raise_log_likelihood, B.dbn_log_likelihood_bound):
    print('  ', f.__name__, list(inspect.signature(f).parameters)[:5])
attempt('ais_log_partition(rbm, linear_betas(20))  (betas second, as raise_log_likelihood(model, v, betas))', lambda: B.ais_log_partition(r, linear_betas(20)))

print('n16: return devices (code): which siblings call .cpu()')
import re, pathlib
for name, mod in (('predict_labels', 'dbn'), ('label_marginal', 'sampling'), ('match_label_prior', 'sampling'), ('raise_log_likelihood', 'ais'), ('dbn_log_likelihood_bound', 'ais'), ('sample_chains', 'cd'), ('filter_images', 'cd')):
    import importlib; src = inspect.getsource(getattr(importlib.import_module('dbn_book.'+mod), name))
    hit = bool(re.search(r"return .*\.cpu\(\)", src)); print(f'   {name}: ".cpu()" in its return line: {hit}')
src = inspect.getsource(B.DBN.sample_frames); print('   DBN.sample_frames: .cpu() anywhere:', '.cpu()' in src)
src = inspect.getsource(B.RBMBase.log_likelihood); print('   RBMBase.log_likelihood: .cpu() anywhere:', '.cpu()' in src)

print('n17: sklearn estimators: same parameter, different phase / default')
from dbn_book.sklearn import RBMTransformer, DBNClassifier
a, b = RBMTransformer().get_params(), DBNClassifier().get_params()
for k in ('method', 'momentum', 'weight_decay', 'batch_size'):
    print(f'   {k}: RBMTransformer={a.get(k)!r}  DBNClassifier={b.get(k)!r}')
print('   epochs: RBMTransformer n_iter =', a['n_iter'], '| DBNClassifier pretrain_epochs =', b['pretrain_epochs'], ', epochs =', b['epochs'])
print('   RBMTransformer.log_partition params:', list(inspect.signature(RBMTransformer.log_partition).parameters)[1:], '| dbn_book.log_partition:', list(inspect.signature(B.log_partition).parameters)[1:])

print('n18: UpDown lr defaults: up_down_step lr, UpDownOptions.lr, CLI --updown_lr')
from dbn_book.updown import up_down_step
from dbn_book.cli import train_parser
p = train_parser()
print('   up_down_step lr =', inspect.signature(up_down_step).parameters['lr'].default, '| UpDownOptions.lr =', B.UpDownOptions().lr,
      '| dbn_train --updown_lr =', p.get_default('updown_lr'), '| UpDownOptions.method =', B.UpDownOptions().method, '| --updown_method (full recipe) = pcd')
print('   --dbn_lr', p.get_default('dbn_lr'), 'vs DBNOptions lr', B.DBNOptions().layers.lr, '| --mlp_lr', p.get_default('mlp_lr'), 'vs FineTuneOptions', B.FineTuneOptions().lr,
      '| --mlp_epochs', p.get_default('mlp_epochs'), 'vs', B.FineTuneOptions().epochs, '| --weight_decay', p.get_default('weight_decay'), 'vs CDOptions', B.CDOptions().weight_decay,
      '| --k', p.get_default('k'), 'vs', B.CDOptions().k, '| --batch', p.get_default('batch'), 'vs', B.CDOptions().batch)

print('n19: reconstruction_error / rbm_figure / mnist_tensors take seed only (default 0); everything else seed=None + generator')
for f in (reconstruction_error, B.mnist_tensors):
    ps = inspect.signature(f).parameters; print(f'   {f.__name__}: seed default {ps["seed"].default!r}, generator param: {"generator" in ps}')
print('   reconstruction_error twice equal (fixed seed):', reconstruction_error(r, v) == reconstruction_error(r, v))
