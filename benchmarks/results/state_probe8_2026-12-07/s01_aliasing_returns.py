"Does editing a value returned by the package change the model (or vice versa) where a user would not expect it?"
from _common import *
from dbn_book.cd import sample_chains, RBMTrainer, CDOptions
from dbn_book.finetune import mlp_from_dbn
from dbn_book.dbn import flipped
from dbn_book.grbm import GaussianRBM

v, y = data()
dbn = DBN([8, 6, 4], n_labels=3, seed=1)
for r in dbn.rbms:
    with torch.no_grad(): r.W.normal_(0, 1, generator=torch.Generator().manual_seed(2)); r.c.normal_(); r.b.normal_()

# recognition_weights: both parts should be of the same kind (both copies, or both views)
before = params(dbn)
rw = dbn.recognition_weights()
W0, c0 = rw[0]
print("recognition_weights()[0]: W' shares storage with rbms[0].W:", W0.data_ptr() == dbn.rbms[0].W.data_ptr(),
      "| c is rbms[0].c:", c0 is dbn.rbms[0].c)
W0 += 1.0
report("editing returned W' leaves the DBN alone", same(params(dbn), before))
c0 += 1.0
report("editing returned c leaves the DBN alone", same(params(dbn), before),
       f"rbms[0].c moved by {(dbn.rbms[0].c - before[2]).abs().max().item():g}")  # state order: W, b, c
with torch.no_grad(): dbn.rbms[0].c.sub_(1.0)

# untie: generative weights are copies
dbn2 = copy.deepcopy(dbn).untie()
W_before = dbn2.rbms[0].W.clone()
with torch.no_grad(): dbn2.gen_W[0].add_(1.0)
report("untie(): gen_W[0] is a copy (editing it leaves rbms[0].W)", torch.equal(dbn2.rbms[0].W, W_before))
G_before = dbn2.gen_W[0].clone()
with torch.no_grad(): dbn2.rbms[0].W.add_(1.0); dbn2.rbms[0].b.add_(1.0)
report("untie(): editing rbms[0].W, b leaves gen_W[0], gen_b[0]", torch.equal(dbn2.gen_W[0], G_before) and not torch.equal(dbn2.gen_b[0], dbn2.rbms[0].b))
print("  generative(0) is gen_W[0] (live, as documented):", dbn2.generative(0)[0] is dbn2.gen_W[0])

# mlp_from_dbn: independent copy
mlp = mlp_from_dbn(dbn, 3, seed=0)
before = params(dbn)
with torch.no_grad():
    for p in mlp.parameters(): p.add_(1.0)
report("mlp_from_dbn: editing the MLP leaves the DBN", same(params(dbn), before))

# DBN.from_rbms shares the caller's RBMs (documented: 'stacks RBMs made beforehand')
r0, r1 = RBM(8, 5, seed=0), RBM(5, 3, seed=1)
d = DBN.from_rbms([r0, r1])
print("from_rbms: d.rbms[0] is r0:", d.rbms[0] is r0)

# flipped: a copy
fr = flipped(r0)
with torch.no_grad(): fr.W.add_(1)
report("flipped(): editing the flipped RBM leaves the original", not torch.allclose(fr.W.T, r0.W))

# up with n_layers=0, down of a one-RBM DBN: do they hand back the caller's tensor?
one = DBN([8, 5], seed=0)
out = dbn.up(v, n_layers=0)
print("DBN.up(v, n_layers=0) is v:", out is v)
h = torch.bernoulli(torch.full((4, 8), 0.5))
out = one.down(h)
print("one-RBM DBN.down(h) is h (no directed layer: documented 'down to v'):", out is h)

# sample_chains and gibbs_chain outputs: independent of each other
rbm = RBM(8, 5, seed=0)
frames = sample_chains(rbm, 4, steps=(1, 2, 3), generator=torch.Generator().manual_seed(0))
report("sample_chains frames are distinct tensors", len({f.data_ptr() for f in frames}) == 3)
start = (torch.rand(4, 8) > 0.5).float(); s0 = start.clone()
ch = rbm.gibbs_chain(start, 2, torch.Generator().manual_seed(0), clamp=torch.ones(1, 2))
report("gibbs_chain(clamp=...) leaves its start", torch.equal(start, s0))

# RBMTrainer history / state_dict contents
t = RBMTrainer(RBM(8, 5, seed=0), v, CDOptions(epochs=4, batch=20), seed=0)
h1 = t.run(1, progress=False)
n1 = len(h1)
h2 = t.run(1, progress=False)
print("RBMTrainer.run returns the live history list: the list the first run(1) returned now has", len(h1), "records (had", n1, ")")
sd = t.state_dict()
sd['history'][0]['recon_error'] = -1.0
report("editing a state_dict()'s history record leaves the trainer's", t.history[0]['recon_error'] != -1.0)
sd['velocity'][0].add_(1)
report("editing a state_dict()'s velocity leaves the trainer's", not torch.equal(sd['velocity'][0], t.velocity[0]))
sd['rbm']['W'].add_(1)
report("editing a state_dict()'s weights leaves the model", not torch.equal(sd['rbm']['W'], t.rbm.W))

# DBNTrainer: options['layers'] and code_rng in a state_dict
from dbn_book.dbn import DBNTrainer, DBNOptions
dt = DBNTrainer(DBN([8, 5, 3], seed=0), v, options=DBNOptions(layers=CDOptions(epochs=1, batch=20)), seed=0)
dt.run(1, progress=False)
sd = dt.state_dict()
sd['options']['layers'][0]['lr'] = 99.0
report("editing DBNTrainer.state_dict()['options']['layers'][0]['lr'] leaves the trainer's options",
       dt.options['layers'][0]['lr'] != 99.0, f"trainer.options now says lr={dt.options['layers'][0]['lr']}")
sd['code_rng'][0].zero_()
report("zeroing DBNTrainer.state_dict()['code_rng'][0] leaves the trainer's", bool(dt.code_rng[0].any()))
