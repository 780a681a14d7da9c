"DBN's derived attributes (sizes, n_labels, tied, top) after changes; which weights untied DBNs use where."
import io, pickle
from _common import *
from dbn_book.finetune import mlp_from_dbn
from dbn_book.dbn import predict_labels
from dbn_book.rbm import binary_states

# 1. sizes after the stack changes in place (ModuleList append / setitem)
d = DBN([6, 4], seed=0)
d.rbms.append(RBM(4, 3, seed=1))
print("after dbn.rbms.append(RBM(4, 3)): sizes", d.sizes, "| top", tuple(d.top.W.shape), "| repr", d.extra_repr())
try:
    m = mlp_from_dbn(d, 2, seed=0); print("  mlp_from_dbn ->", m.sizes, "(hidden layers:", len(m.hidden), "of", len(d.rbms), "RBMs)")
except Exception as e: print("  mlp_from_dbn raises", type(e).__name__, str(e)[:120])
try: d.sample(2, k=1); print("  sample ok")
except Exception as e: print("  sample raises", type(e).__name__, str(e)[:120])

# 2. tied / untied after load_state_dict, to(dtype), deepcopy, pickle, torch.save of the module
d = DBN([6, 4, 3], n_labels=2, seed=0).untie()
with torch.no_grad(): d.gen_W[0].add_(0.3); d.gen_b[0].add_(-0.2)
for name, e in (('deepcopy', copy.deepcopy(d)), ('pickle', pickle.loads(pickle.dumps(d))),
                ('double', copy.deepcopy(d).double()), ('double().float()', copy.deepcopy(d).double().float())):
    report(f"untied DBN through {name}: still untied, gen weights kept", (not e.tied) and torch.allclose(e.gen_W[0].float(), d.gen_W[0]) and e.sizes == d.sizes and e.n_labels == d.n_labels)
buf = io.BytesIO(); torch.save(d, buf); buf.seek(0); e = torch.load(buf, weights_only=False)
report("torch.save/torch.load of the whole module", (not e.tied) and torch.equal(e.gen_W[0], d.gen_W[0]))

# 3. untied DBN: down/sample use gen weights, up/predict/mlp use recognition weights
torch.manual_seed(0)
d = DBN([5, 3, 2], n_labels=2, seed=0)
for r in d.rbms:
    with torch.no_grad(): r.W.normal_(0, 1.5); r.b.normal_(); r.c.normal_()
d.untie()
with torch.no_grad(): d.gen_W[0].normal_(0, 1.5); d.gen_b[0].normal_()
# down(h, mean=True) must be sigmoid(gen_b + gen_W h)
h = binary_states(3).float()
m = d.down(h, mean=True)
report("untied down(mean=True) = sigmoid(gen_b + gen_W h)", torch.allclose(m, torch.sigmoid(d.gen_b[0] + h @ d.gen_W[0].T), atol=1e-6))
report("  ... and differs from the recognition weights' P(v|h)", not torch.allclose(m, d.rbms[0].v_mean(h), atol=1e-3))
# sample(k=0 ... ) frequencies of v given one h: P(v) from the generative weights
hh = torch.tensor([[1., 0., 1.]]).repeat(20000, 1)
vs = d.down(hh, generator=torch.Generator().manual_seed(0))
p = torch.sigmoid(d.gen_b[0] + hh[:1] @ d.gen_W[0].T)[0]
report("untied down(): sampled pixel frequencies match sigmoid(gen_b + gen_W h) (20,000 draws, 4.5 sd)",
       bool(((vs.mean(0) - p).abs() <= 4.5 * (p * (1 - p) / 20000).sqrt() + 1e-9).all()), f"max |diff| {(vs.mean(0) - p).abs().max():.4f}")
x = (torch.rand(7, 5) > 0.5).float()
report("untied up() uses the recognition weights", torch.allclose(d.up(x), torch.sigmoid(d.rbms[0].c + x @ d.rbms[0].W)))
mlp = mlp_from_dbn(d, 2, seed=0)
report("untied mlp_from_dbn uses the recognition weights", torch.allclose(mlp.hidden[0].weight, d.rbms[0].W.T) and torch.allclose(mlp.hidden[0].bias, d.rbms[0].c))
tied = DBN.from_rbms(copy.deepcopy(list(d.rbms)))
report("untied predict_labels = predict_labels of the tied DBN with the same recognition weights", torch.equal(predict_labels(d, x), predict_labels(tied, x)))

# 4. untie() twice keeps trained generative weights; untie after training the RBMs copies the current ones
G = d.gen_W[0].clone(); d.untie()
report("untie() a second time keeps gen_W", torch.equal(d.gen_W[0], G))

# 5. sizes and n_labels of from_rbms, DBN.load with labels / Gaussian bottom already covered by probes 4 and 7
