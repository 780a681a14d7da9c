"""Details of chapter 2's trainer that its own checks (at the chapter's 600-line limit) do not pin, most found by a
mutation review (2026-12-06): a test here fails when the named detail is changed. They run in seconds on the CPU."""
import copy, math, warnings

import torch
from fastcore.test import test_close as close, test_eq as equal # not named test_*: pytest would collect them

from dbn_book.rbm import RBM, bernoulli
from dbn_book.core import DivergenceWarning
from dbn_book.cd import CDOptions, RBMTrainer, difference, filter_images, train_rbm

G = lambda s: torch.Generator().manual_seed(s)
v30 = bernoulli(torch.full((50, 30), 0.3), G(5)) # 50 rows of 30 bits


def test_momentum_switches_after_momentum_epochs():
    "momentum_epochs=0: the final momentum from the first update on, so the initial one is never used."
    ra, rb, r0 = RBM(30, 12, seed=0), RBM(30, 12, seed=0), RBM(30, 12, seed=0)
    for r, m in ((ra, (0., 0.5)), (rb, (0.5, 0.5)), (r0, (0., 0.))):
        train_rbm(r, v30, epochs=1, batch=10, momentum=m, momentum_epochs=0, seed=0, progress=False, device='cpu')
    equal(ra.W, rb.W)
    assert not torch.equal(r0.W, rb.W) # and that momentum is used at all: without it, the two runs above are equal too

def test_weight_decay_shrinks_the_weights_not_the_biases():
    "One update of all 50 rows from zero velocity: the decayed W is the plain one minus lr * weight_decay * W0, the biases equal."
    ra, rb, r0 = RBM(30, 12, v_data=v30, seed=0), RBM(30, 12, v_data=v30, seed=0), RBM(30, 12, v_data=v30, seed=0)
    for r, wd in ((ra, 0.), (rb, 0.5)): train_rbm(r, v30, epochs=1, batch=50, weight_decay=wd, seed=0, progress=False, device='cpu')
    equal(ra.b, rb.b); equal(ra.c, rb.c); assert not torch.equal(ra.W, rb.W)
    close(rb.W, ra.W - CDOptions().lr * 0.5 * r0.W, eps=1e-6); assert rb.W.norm() < ra.W.norm() # shrunk, by the step's share

def test_variance_rate_defaults_to_a_tenth():
    close(CDOptions(lr=0.2).lr_var, 0.02)

def test_centring_offsets_follow_the_data():
    "One update of 50 rows: the hidden offset moves 1% of the way from 0.5 toward the data's mean P(h = 1 | v)."
    r = RBM(30, 12, seed=0); ph0 = r.p_h(v30).mean(0)
    t = RBMTrainer(r, v30, CDOptions(epochs=1, lr=0.05, batch=50, centered=True), seed=0, device='cpu'); t.run(progress=False)
    close(t.offsets[1], 0.99 * 0.5 + 0.01 * ph0, eps=1e-6)

def test_fast_weights_decay():
    "FPCD over three updates against a plain replay: the third update's chains see fast weights that have decayed."
    opts = dict(epochs=1, lr=0.05, method='pcd', n_chains=10, batch=17, momentum=(0., 0.), weight_decay=0., progress=False, device='cpu')
    r1, r2 = RBM(30, 12, seed=0), RBM(30, 12, seed=0)
    train_rbm(r1, v30, fast_lr=0.5, fast_decay=0.5, generator=G(7), **opts)
    g = G(7)
    chains = v30[torch.randint(50, (10,), generator=g)]; perm = torch.randperm(50, generator=g)
    fast = [torch.zeros_like(p) for p in (r2.W, r2.b, r2.c)]
    for rows in perm.split(17):
        v, shifted = v30[rows], copy.deepcopy(r2)
        for p, f in zip((shifted.W, shifted.b, shifted.c), fast): p.add_(f)
        neg = shifted.gibbs_chain(chains, 1, g); chains = neg.v
        grad = difference(r2.statistics(v, r2.p_h(v)), r2.statistics(neg.v, neg.p_h))
        for p, f, d in zip((r2.W, r2.b, r2.c), fast, grad): p.add_(d, alpha=0.05); f.mul_(0.5).add_(d, alpha=0.5)
    for p, q in zip((r1.W, r1.b, r1.c), (r2.W, r2.b, r2.c)): close(p, q, eps=1e-6)

def test_persistent_chains_come_back_from_a_state():
    "With small weights one Gibbs step gives the same bits from any start, so 2 + 2 = 4 cannot see lost chains: compare them."
    o = CDOptions(epochs=4, lr=0.05, batch=20, method='pcd', n_chains=7)
    tp = RBMTrainer(RBM(30, 12, seed=0), v30, o, seed=3, device='cpu'); tp.run(2, progress=False)
    equal(RBMTrainer(RBM(30, 12, seed=0), v30, o, seed=123, device='cpu').load_state_dict(tp.state_dict()).chains, tp.chains)

def test_symmetric_filters_scale_each_by_its_own_largest_weight():
    close(filter_images(torch.tensor([[1., 2.], [-2., 4.]]), scale='symmetric'), torch.tensor([[0.75, 0.], [0.75, 1.]]))


def prototypes(n=300, seed=0):
    "Noisy copies of five random 30-bit prototypes: data an RBM of 12 hidden units reconstructs well."
    g = G(seed)
    protos = bernoulli(torch.full((5, 30), 0.5), g)
    v = protos[torch.randint(5, (n,), generator=g)]
    return torch.where(torch.rand(v.shape, generator=g) < 0.05, 1 - v, v)

def run_caught(trainer, epochs=None):
    "Run the trainer; return the warnings it gave."
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        trainer.run(epochs, progress=False) # the line the warning names
    return caught

def test_finite_divergence_warns_once_and_names_the_fix():
    "lr 50: the weights stay finite, but the epochs reconstruct worse than the mean row does; one warning says so."
    t = RBMTrainer(RBM(30, 12, seed=0), prototypes(), CDOptions(epochs=5, lr=50, batch=20, weight_decay=0), seed=0, device='cpu')
    caught = run_caught(t)
    assert [w.category for w in caught] == [DivergenceWarning], caught
    bar = 1.3 * t.baseline + 0.01 * 30
    assert all(r['recon_error'] > bar for r in t.history) and torch.isfinite(t.rbm.W).all()
    assert caught[0].filename == __file__, caught[0].filename # it names the caller's line, not one inside dbn_book or torch
    msg = str(caught[0].message)
    assert 'RBM(n_visible=30, n_hidden=12), epochs ' in msg and 'lower the learning rate (e.g. lr=5)' in msg, msg

def test_the_warning_is_not_repeated_on_resume():
    "A run whose history already holds the warned epochs does not warn again when it continues from its state."
    opts = CDOptions(epochs=6, lr=50, batch=20, weight_decay=0)
    t = RBMTrainer(RBM(30, 12, seed=0), prototypes(), opts, seed=0, device='cpu')
    assert len(run_caught(t, 3)) == 1
    t2 = RBMTrainer(RBM(30, 12, seed=1), prototypes(), opts, device='cpu')
    t2.load_state_dict(t.state_dict())
    assert run_caught(t2) == [] and t2.done

def test_the_baseline_is_the_mean_rows_error_whatever_the_model():
    "The same for a model at the start and for a trained one: it depends on the monitor rows only, so a resumed run keeps it."
    v = prototypes()
    mean_row = (v[:100] - v[:100].mean(0)).square().sum(1).mean().item()
    fresh, trained = RBM(30, 12, seed=0), RBM(30, 12, seed=0)
    train_rbm(trained, v, epochs=3, lr=0.5, batch=20, seed=0, progress=False, device='cpu')
    for r in (fresh, trained): close(RBMTrainer(r, v, n_monitor=100, device='cpu').baseline, mean_row, eps=1e-4)

def test_a_slow_start_does_not_warn():
    "Biases at 0 reconstruct far worse than the mean row; a small rate that is still falling towards it has not diverged."
    v = bernoulli(torch.full((500, 30), 0.1), G(1))
    t = RBMTrainer(RBM(30, 12, seed=0), v, CDOptions(epochs=4, lr=0.002, batch=50), seed=0, device='cpu')
    caught = run_caught(t)
    bar = 1.3 * t.baseline + 0.01 * 30
    assert caught == [] and all(r['recon_error'] > bar for r in t.history), [r['recon_error'] for r in t.history] # above, yet quiet

def test_sane_training_does_not_warn():
    "A usual rate learns: its reconstructions beat the mean row, and nothing is said."
    for method in ('cd', 'pcd'):
        t = RBMTrainer(RBM(30, 12, seed=0), prototypes(), CDOptions(epochs=5, lr=0.5, batch=20, method=method), seed=0, device='cpu')
        assert run_caught(t) == [] and t.history[-1]['recon_error'] < 0.75 * t.baseline, method

def test_rows_that_hardly_vary_do_not_warn():
    "Near-constant rows (a mean-row error near 0): the margin of 0.01 per unit keeps sampling noise from warning."
    v = torch.zeros(200, 30); v[::50, 0] = 1 # four 1s in 6,000 bits
    t = RBMTrainer(RBM(30, 12, v_data=v, seed=0), v, CDOptions(epochs=4, lr=0.5, batch=20), seed=0, device='cpu')
    assert t.baseline < 0.02 and run_caught(t) == []


# --- label-clamped persistent chains (CDOptions.clamped, chapter 4) ---
v_lab = torch.cat([v30[:, :27], torch.eye(3)[torch.randint(3, (50,), generator=G(9))]], 1) # the last 3 units a one-hot label

def clamped_run(epochs, state=None, seed=3):
    "A 30 x 12 RBM with a 3-label group trained by PCD with half its 10 chains clamped; run `epochs` (or to the end from `state`)."
    t = RBMTrainer(RBM(30, 12, seed=0, n_softmax=3), v_lab, CDOptions(epochs=4, lr=0.1, batch=10, method='pcd', n_chains=10, clamped=0.5),
                   seed=seed, device='cpu')
    if state is not None: t.load_state_dict(state)
    t.run(epochs, progress=False)
    return t

def test_clamped_chains_keep_the_labels_they_started_with_and_the_others_move():
    t = RBMTrainer(RBM(30, 12, seed=0, n_softmax=3), v_lab, CDOptions(epochs=4, lr=0.1, batch=10, method='pcd', n_chains=10, clamped=0.5), seed=3, device='cpu')
    start = t.chains[:, -3:].clone()
    equal(t.clamp, start[:5])                                       # the labels of the rows the first half started from
    moved = False
    for _ in range(4):
        t.run(1, progress=False)
        equal(t.chains[:5, -3:], start[:5])                         # held at every step
        moved |= bool((t.chains[5:, -3:] != start[5:]).any())
    assert moved                                                    # the free chains change their labels

def test_clamped_training_resumes_bit_for_bit_and_differs_from_free_chains():
    whole = clamped_run(None)
    half = clamped_run(2)
    continued = clamped_run(None, state=copy.deepcopy(half.state_dict()), seed=123) # its own chains and clamp come from the state
    for p, q in zip(whole.rbm.params, continued.rbm.params, strict=True): equal(p, q)  # 2 + 2 = 4, through the state
    free = RBMTrainer(RBM(30, 12, seed=0, n_softmax=3), v_lab, CDOptions(epochs=4, lr=0.1, batch=10, method='pcd', n_chains=10), seed=3, device='cpu')
    free.run(progress=False)
    assert not torch.equal(free.rbm.W, whole.rbm.W)                 # the clamp changes the update
    old = half.state_dict(); del old['options']['clamped']          # a state saved before the option existed ran free chains
    assert "clamped 0.0 there, 0.5 here" in str(_raises(lambda: clamped_run(None, state=old)))

def _raises(f):
    "The ValueError f raises."
    try: f()
    except ValueError as e: return e
    raise AssertionError("no ValueError")

def test_clamped_is_checked_before_any_work():
    for kw, msg in ((dict(clamped=0.5), "use method='pcd', or clamped=0"), (dict(clamped=1.0, method='pcd'), 'clamped must be a number in [0, 1)'),
                    (dict(clamped=-0.1, method='pcd'), 'clamped must be a number in [0, 1)'), (dict(clamped=True, method='pcd'), 'clamped must be a number')):
        assert msg in str(_raises(lambda: CDOptions(**kw)))
    r = RBM(30, 12, seed=0); W0 = r.W.clone()
    assert "this RBM has no label units (n_softmax=0); use clamped=0" in str(_raises(lambda: RBMTrainer(r, v30, CDOptions(method='pcd', clamped=0.5))))
    assert "clamped=0.01 of 10 chains holds none; raise clamped or n_chains" in str(_raises(lambda: CDOptions(method='pcd', n_chains=10, clamped=0.01)))
    from dbn_book.dbn import DBN, train_dbn
    dbn = DBN([27, 8, 6], n_labels=3, seed=0); before = [p.clone() for p in dbn.parameters()]
    e = _raises(lambda: train_dbn(dbn, v_lab[:, :27], v_lab[:, 27:].argmax(1), epochs=1, method='pcd', clamped=0.5, progress=False))
    assert "RBMs [0] have no label units" in str(e) and "clamped=[0.0, 0.5]" in str(e)
    assert all(torch.equal(a, b) for a, b in zip(before, dbn.parameters()))   # refused before the first layer trained
    e = _raises(lambda: train_dbn(dbn, v_lab[:, :27], v_lab[:, 27:].argmax(1), epochs=1, method='pcd', clamped=[0., 0.5], batch=1, progress=False))
    assert "clamped=0.5 of 1 chains holds none" in str(e)                                  # one chain each: refused before the first layer
    assert all(torch.equal(a, b) for a, b in zip(before, dbn.parameters()))
    train_dbn(dbn, v_lab[:, :27], v_lab[:, 27:].argmax(1), epochs=1, method='pcd', clamped=[0., 0.5], progress=False) # the top alone: trains


def test_updown_clamped_chains_keep_their_labels_and_resume_bit_for_bit():
    from dbn_book.dbn import DBN, train_dbn
    from dbn_book.updown import UpDownOptions, UpDownTrainer, up_down_step
    x, y = v_lab[:, :27], v_lab[:, 27:].argmax(1)
    greedy = DBN([27, 8, 6], n_labels=3, seed=0); train_dbn(greedy, x, y, epochs=2, progress=False)
    o = UpDownOptions(epochs=4, lr=0.05, batch=10, method='pcd', clamped=0.5)
    def trainer(seed=3): return UpDownTrainer(copy.deepcopy(greedy), x, y, o, seed=seed, device='cpu')
    t = trainer(); start = t.chains[:, -3:].clone(); equal(t.clamp, start[:5])
    t.run(progress=False)
    equal(t.chains[:5, -3:], start[:5])                              # held through every update
    half = trainer(); half.run(2, progress=False)
    cont = trainer(seed=123).load_state_dict(copy.deepcopy(half.state_dict())); cont.run(progress=False)
    for p, q in zip(t.dbn.parameters(), cont.dbn.parameters(), strict=True): equal(p, q)   # 2 + 2 = 4
    free = UpDownTrainer(copy.deepcopy(greedy), x, y, UpDownOptions(epochs=4, lr=0.05, batch=10, method='pcd'), seed=3, device='cpu'); free.run(progress=False)
    assert not torch.equal(free.dbn.top.W, t.dbn.top.W)
    assert "use method='pcd', or clamped=0" in str(_raises(lambda: UpDownOptions(clamped=0.5)))
    assert "clamped must be a number in [0, 1)" in str(_raises(lambda: UpDownOptions(method='pcd', clamped=1)))
    plain = DBN([27, 8, 6], seed=0); tied = copy.deepcopy(plain)
    assert "this DBN has no label units; use clamped=0" in str(_raises(lambda: UpDownTrainer(plain, x, None, o)))
    assert plain.tied and all(torch.equal(a, b) for a, b in zip(plain.parameters(), tied.parameters()))   # refused before untie()
    assert "clamped=0.01 of 10 chains holds none; raise clamped or batch" in str(_raises(lambda: UpDownOptions(batch=10, method='pcd', clamped=0.01)))
    dbn = copy.deepcopy(greedy).untie()
    assert "clamp holds the labels of the first persistent chains: it needs chains" in str(_raises(lambda: up_down_step(dbn, x[:10], y[:10], clamp=torch.eye(3)[:2])))
    chains = dbn.top_input(dbn.up(x[:10], sample=True, generator=G(0)), y[:10])
    assert "one-hot rows" in str(_raises(lambda: up_down_step(dbn, x[:10], y[:10], chains=chains, clamp=torch.full((2, 3), 0.5))))
    assert math.isfinite(up_down_step(dbn, x[:10], y[:10], chains=chains, clamp=torch.eye(3)[:2]))   # good input still trains
