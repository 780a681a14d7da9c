"""Benchmark: which way of training the default DBN's top RBM makes label-clamped samples read as the clamped digit?
PCD (dbn_train's), PCD with fast weights (FPCD, Tieleman and Hinton 2009), PCD with more persistent chains, or PCD
whose chains are kept mixing by parallel tempering (Desjardins et al. 2010), PCD with a discriminative term, or PCD for
longer or at a larger rate? (issue 17, section 1)

    nice python benchmarks/top_rbm_recipes.py --data ../shared/data/mnist --seeds 0 1 2 --recipes pcd fpcd:0.01 fpcd:0.05
    nice python benchmarks/top_rbm_recipes.py --data ../shared/data/mnist --seeds 0 1 2 --recipes chains:500 pt:0.9,0.94,0.97,0.99,1
    nice python benchmarks/top_rbm_recipes.py --data ../shared/data/mnist --seeds 0 1 2 --recipes hybrid:0.3 pcd
    nice python benchmarks/top_rbm_recipes.py --data ../shared/data/mnist --seeds 0 1 2 --recipes pcd --epochs 90
    nice python benchmarks/top_rbm_recipes.py --data ../shared/data/mnist --seeds 0 1 2 --recipes bf16 --epochs 90 --threads 1
    nice python benchmarks/top_rbm_recipes.py --data ../shared/data/mnist --seeds 0 1 2 --recipes centered --epochs 90 --threads 1
    nice python benchmarks/top_rbm_recipes.py --data ../shared/data/mnist --seeds 0 1 2 --recipes labelrate:3 --epochs 90 --threads 1
    nice python benchmarks/generation.py benchmarks/out/top_*_seed*.pt --label top_rbm_recipes --n_per_digit 50
    (or in parts, --label top_rbm_recipes_s01 and so on: the summary reads every generation_top_rbm_recipes*.json)
    python benchmarks/top_rbm_recipes.py --summary     # mean and spread over the seeds, per recipe
    python benchmarks/top_rbm_recipes.py --check       # the prototypes (tempering, the clamped chains) against exact distributions
    python benchmarks/top_rbm_recipes.py --cost        # each recipe's time per update, one thread, in one run

For each seed, the two lower RBMs are those of `dbn_train`'s default greedy run with that seed (the checkpoints
`benchmarks/updown_bound.py` writes; trained here if missing). On their codes of training images 0..49,999 (with the
labels) the top RBM (510 x 2000) is trained anew by each recipe, from the same initial weights and the same generator:
30 epochs, lr 0.01 decaying linearly to 0, momentum 0.5 then 0.9, weight decay 2e-4, 100 persistent chains, as
dbn_train's default was until 2026-12-04 (it trains the top RBM 90 epochs since: --epochs 90). The recipes:
  pcd               that, as dbn_train trains the top RBM;
  fpcd:R            plus fast weights (a constant learning rate R; decay --fast_decay per update) that the persistent
                    chains run on and the model does not keep;
  chains:N          PCD with N persistent chains instead of 100;
  pt:B1,...,1       parallel tempering: 100 persistent chains at each inverse temperature B on chapter 6's AIS path
                    from the base model (B = 0) to the model (B = 1); after each update's Gibbs step, neighbouring rungs
                    swap states by the Metropolis rule, and the chains at B = 1 give the negative statistics. With 5
                    rungs it costs 3.4x PCD per update, chains:500 2.5x (--cost). (A prototype here, `TemperedTrainer`, not yet in the
                    package; --check runs it on an enumerable RBM against the exact P(v).)
  hybrid:ALPHA      plus ALPHA times the gradient of log p(y | x), the label given the code (Larochelle and Bengio
                    2008's hybrid objective, with the generative term kept whole); --check tests that gradient
                    against autograd.
  labelrate:R       PCD whose label units' weights and biases learn at R times the rate of the rest (are the labels' ties
                    to the codes, which longer training strengthens, simply slow to learn?);
  clamped:F         PCD whose first F of the persistent chains (0 < F <= 1) each keep the label of the training row they
                    started from (so their labels follow the training labels' frequencies) and the rest run free: the
                    negative statistics mix p(x, h | y), the distribution label-clamped sampling draws from, with
                    p(x, h, y). Since log p(x, y) = log p(x | y) + log p(y), F = 1 follows the gradient of the
                    class-conditional likelihood alone, which leaves the label marginal unconstrained (after one epoch
                    the free chains gave every label but 0 probability 0 in float32); F < 1 keeps (1 - F) of the joint's
                    gradient. A chain clamped to 1 that drifts into the zeros is in the negative phase, which pushes
                    down p(x | 1) there; in PCD's free chains such a state rarely keeps the label 1.
  centered          PCD with the centred gradient of chapter 2 (Montavon and Mueller 2012; Melchior et al. 2016): the
                    energy written around offsets, the data mean of v and a running mean of P(h = 1 | v); the same model
                    family, a better-conditioned gradient (CDOptions(centered=True), dbn_train --centered).
  bf16              PCD with its float32 matrix products done in bfloat16, PyTorch's own setting
                    torch.set_float32_matmul_precision('medium') while it trains: each product's inputs rounded to
                    8 bits of mantissa, the sums and the result in float32; parameters, sigmoids and draws untouched.
                    On this CPU (oneDNN with AMX) an update is about 2x faster (--cost); --check compares it with float32.
--prior sets each trained top RBM's label biases so that its P(y) is the training labels' frequencies (dbn_train's label
prior, `match_label_prior`, seeded) before it is scored and saved; ' prior' is written after the recipe's name.
--epochs N (default 30) and --lr R (default 0.01) change every recipe's number of epochs and initial rate; the
recipe's name then says so: 'pcd@90', 'pcd lr0.03'. --batch N (default 100) changes the mini-batch and with it the
number of updates per epoch and of persistent chains ('pcd b50': twice the updates of half the size). --codes sample trains every recipe on binary codes instead of
P(h = 1 | v): each training image's code is drawn once, h ~ Q(h | v) layer by layer, as DBNOptions(up='sample') draws
them and as the top RBM's own chains are binary when it generates (name: 'pcd codes:sample'). The lower RBMs, the
initial weights and the training generator stay those of the other recipes, so the two pair seed by seed.
No up-down. What is measured here may be used to choose: the generative classification error on the validation images
(50,000..59,999), the share of each label among the persistent chains at the end of training, and, by generation.py,
samples judged by a classifier trained on training images only. generation.py's own generative error is on the test
images: do not choose on it. (Seed 0's FPCD run used this script's first version, a subclass of RBMTrainer written
before `CDOptions(fast_lr=...)` existed; on a 784 x 50 RBM, 3 epochs, the two give the same weights bit for bit.)
"""
import argparse, json, os, sys, time
from contextlib import nullcontext
from pathlib import Path

import torch

from dbn_book.cd import CDOptions, RBMTrainer
from dbn_book.cli import check_train_args, run_training, train_parser
from dbn_book.core import matmul_precision
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.dbn import DBN, predict_labels
from dbn_book.sampling import match_label_prior
from dbn_book.rbm import RBM, bernoulli
from dbn_book.ais import _path_terms, _log_f_ratio, _path_step # a prototype: tempering is not in the package yet

HERE = Path(__file__).parent
OUT, RESULTS = HERE / 'out', HERE / 'results'


def greedy_checkpoint(a, seed):
    "dbn_train's default greedy DBN for this seed (updown_bound.py's), or, when that is missing, its lower RBMs alone."
    ckpt = OUT / f'updown_bound_greedy_seed{seed}.pt'
    if ckpt.is_file(): return ckpt
    ckpt = OUT / f'lower_default_seed{seed}.pt' # the same lower RBMs: greedy training reaches the top RBM last
    if not ckpt.is_file():
        args = check_train_args(train_parser().parse_args(['--data', a.data, '--seed', str(seed), '--updown_epochs', '0', '--mlp_epochs', '0', '--no_label_prior',
                                                           '--top_epochs', '0', '--quiet', '--no_download', '--save', str(ckpt)]))
        run_training(args, log=lambda s: print('  ' + s, flush=True))
    return ckpt


class TemperedTrainer(RBMTrainer):
    """PCD whose negative statistics come from a parallel-tempering ladder (Desjardins et al. 2010): n_chains persistent
    chains at each inverse temperature beta on chapter 6's AIS path from the base model (beta = 0) to the model (beta = 1);
    each update, every chain takes k Gibbs steps at its beta, then neighbouring chains (even pairs, then odd pairs on the
    next update) swap states with probability min(1, f_hi(v_lo) f_lo(v_hi) / (f_hi(v_hi) f_lo(v_lo))), the ratio AIS
    already computes. Only the chains at beta = 1 give the gradient. Prototype: CD options other than PCD, fast weights
    and centring are not supported."""
    def __init__(self, model, v_train, options, betas, **kw):
        super().__init__(model, v_train, options, **kw)
        assert options.method == 'pcd' and not options.fast_lr and not options.centered and betas[-1] == 1
        self.betas, self.base = [float(b) for b in betas], model.base_model(self.v_train)
        self.ladder = [self.chains.clone() for _ in self.betas] # every rung starts where PCD's chains start
        self.swaps, self.tries, self.round = torch.zeros(len(self.betas) - 1), torch.zeros(len(self.betas) - 1), 0

    def negative(self):
        model, base, g, o = self.rbm, self.base, self.g, self.o
        for i, beta in enumerate(self.betas):
            v = self.ladder[i]
            for _ in range(o.k): v = _path_step(model, base, model.hidden_input(v), beta, g)
            self.ladder[i] = v
        terms = [list(_path_terms(model, base, v)) for v in self.ladder]
        for i in range(self.round % 2, len(self.betas) - 1, 2):
            lo, hi = self.betas[i], self.betas[i + 1]
            log_r = _log_f_ratio(terms[i], base.c, hi, lo) - _log_f_ratio(terms[i + 1], base.c, hi, lo)
            swap = torch.rand(len(log_r), generator=g, dtype=torch.float64) < log_r.exp()
            self.swaps[i] += swap.sum().item(); self.tries[i] += len(swap)
            s = swap[:, None]
            self.ladder[i], self.ladder[i + 1] = torch.where(s, self.ladder[i + 1], self.ladder[i]), torch.where(s, self.ladder[i], self.ladder[i + 1])
            for j in (0, 1):
                a, b = terms[i][j], terms[i + 1][j]
                m = swap if a.ndim == 1 else s
                terms[i][j], terms[i + 1][j] = torch.where(m, b, a), torch.where(m, a, b)
        self.round += 1
        return self.ladder[-1], terms[-1][1].sigmoid()

    def update(self, v0, eps, mu):
        model, o = self.rbm, self.o
        ph0 = model.p_h(v0, check=False)                       # positive phase
        vk, phk = self.negative()                              # negative phase: the ladder's beta = 1 chains
        self.chains = vk
        recon = model.v_mean(bernoulli(ph0, self.g), check=False)
        model.add_gradient_(self.velocity, (v0, ph0), (vk, phk), (eps,) * len(model.params), mu)
        self.velocity[0].add_(model.W, alpha=-eps * o.weight_decay)
        for p, m in zip(model.params, self.velocity): p.add_(m)
        return (v0 - recon).square_().sum()


def discriminative_grad(model, v, n=10):
    """The gradient of the batch mean of log p(y | x) for W, b and c, where the last n visible units of v are the one-hot
    label y and the rest are x. With o_k = c + W_x' x + W_k (the hidden input when the label is k), log p(y | x) =
    -F(x, y) - log sum_k exp(-F(x, k)), and -F(x, k) = b_k + sum_j softplus(o_kj) + (a term without k); so the gradient is
    a difference of statistics, as the generative one is: those at the true label minus their mean under p(k | x),
    d/dW_k = (t_k - p(k | x)) sigmoid(o_k), d/dc = sigmoid(o_y) - sum_k p(k | x) sigmoid(o_k), d/dW_x = x (d/dc)',
    d/db_k = t_k - p(k | x), d/db_x = 0."""
    x, t = v[:, :-n], v[:, -n:]
    o = torch.addmm(model.c, x, model.W[:-n])[:, None, :] + model.W[-n:]   # (batch, n, hidden)
    d = t - torch.softmax(model.b[-n:] + torch.nn.functional.softplus(o).sum(2), 1) # t_k - p(k | x)
    p = o.sigmoid_()
    dh = torch.einsum('bk,bkj->bj', d, p)
    return (torch.cat([x.T @ dh, torch.einsum('bk,bkj->kj', d, p)]) / len(v),
            torch.cat([torch.zeros(x.shape[1], dtype=v.dtype, device=v.device), d.mean(0)]), dh.mean(0))


class HybridTrainer(RBMTrainer):
    """PCD on log p(x, y) plus alpha times the gradient of log p(y | x): the hybrid objective of Larochelle and Bengio
    (2008), here with the generative term kept whole so that the model still generates. The discriminative step has
    its own velocity with the same momentum (momentum is linear in the gradients, so the two velocities add up to the
    velocity of the summed gradient), and it is taken after the generative step, at the parameters that step left."""
    def __init__(self, model, v_train, options, alpha, **kw):
        super().__init__(model, v_train, options, **kw)
        assert model.n_softmax, "the hybrid term needs label units (a softmax group)"
        self.alpha, self.disc_velocity = alpha, [torch.zeros_like(p) for p in model.params]

    def update(self, v0, eps, mu):
        neg = super().update(v0, eps, mu)
        for m, d, p in zip(self.disc_velocity, discriminative_grad(self.rbm, v0, self.rbm.n_softmax), self.rbm.params):
            m.mul_(mu).add_(d, alpha=eps * self.alpha); p.add_(m)
        return neg


class ClampedTrainer(RBMTrainer):
    """PCD whose first `share` of the persistent chains keep their labels (those of the random training rows they
    started from) and the rest run free: the negative statistics are a mixture of p(x, h | y) and p(x, h, y), so the
    update follows share x the gradient of the mean log p(x | y) plus (1 - share) x that of log p(x, y)."""
    def __init__(self, model, v_train, options, share, **kw):
        super().__init__(model, v_train, options, **kw)
        if not model.n_softmax: raise ValueError("clamped needs a top RBM with label units (a softmax group); this one has none")
        assert options.method == 'pcd' and not options.fast_lr and not options.centered and 0 < share <= 1
        self.n_clamped = round(share * len(self.chains))
        self.clamp = self.chains[:self.n_clamped, -model.n_softmax:].clone()

    def update(self, v0, eps, mu):
        model, o, n = self.rbm, self.o, self.n_clamped
        ph0 = model.p_h(v0, check=False)                                                 # positive phase: the data
        neg = [model.gibbs_chain(self.chains[:n], o.k, self.g, clamp=self.clamp)]        # negative phase: p(x, h | y)
        if n < len(self.chains): neg.append(model.gibbs_chain(self.chains[n:], o.k, self.g)) # and p(x, h, y)
        vk, phk = torch.cat([c.v for c in neg]), torch.cat([c.p_h for c in neg])
        self.chains = vk
        model.add_gradient_(self.velocity, (v0, ph0), (vk, phk), model.step_rates(eps, o), mu)
        self.velocity[0].add_(model.W, alpha=-eps * o.weight_decay)
        for p, m in zip(model.params, self.velocity): p.add_(m)
        return neg[0]


class LabelRateTrainer(RBMTrainer):
    """PCD whose label units (the softmax group's weights and biases) learn R times faster than the rest: after each update,
    their step is scaled by R. With momentum that is the same as their own learning rate R x eps (the velocity is linear
    in eps), weight decay included. The model family and the rest of the update are PCD's."""
    def __init__(self, model, v_train, options, rate, **kw):
        super().__init__(model, v_train, options, **kw)
        if not model.n_softmax: raise ValueError("labelrate:R needs a top RBM with label units (a softmax group); this one has none")
        self.rate = rate

    def update(self, v0, eps, mu):
        n, W, b = self.rbm.n_softmax, self.rbm.W, self.rbm.b
        W0, b0 = W[-n:].clone(), b[-n:].clone()
        neg = super().update(v0, eps, mu)
        with torch.no_grad():
            W[-n:] = W0 + self.rate * (W[-n:] - W0); b[-n:] = b0 + self.rate * (b[-n:] - b0)
        return neg


def check_bf16(n=100):
    """The top RBM's conditionals and momentum step with float32 products done in bfloat16 (recipe 'bf16') against float32
    ones: the same within bfloat16's rounding of the products' inputs (8 bits of mantissa), and far from a planted bug
    (the negative statistics' sign flipped)."""
    g = torch.Generator().manual_seed(0)
    rbm = RBM(510, 2000, n_softmax=10, init_std=0.1, generator=g)
    v = torch.rand(n, 510, generator=g); v[:, -10:] = 0; v[torch.arange(n), 500 + torch.randint(0, 10, (n,), generator=g)] = 1
    h = (torch.rand(n, 2000, generator=g) < 0.3).float()
    vk = bernoulli(rbm.v_mean(h), g)
    vk[:, -10:] = v[torch.randperm(n, generator=g), -10:]
    def conditionals_and_step(sign=1):
        vel = [torch.zeros_like(p) for p in rbm.params]
        rbm.add_gradient_(vel, (v, rbm.p_h(v)), (vk, sign * rbm.p_h(vk)), (0.1, 0.1, 0.1), 0.9)
        return rbm.p_h(v), rbm.v_mean(h), vel[0]
    exact = conditionals_and_step()
    with matmul_precision('medium'): fast, bad = conditionals_and_step(), conditionals_and_step(-1)
    rel = lambda a, b: ((a - b).norm() / b.norm()).item()
    d_h, d_v, d_w, d_bad = rel(fast[0], exact[0]), rel(fast[1], exact[1]), rel(fast[2], exact[2]), rel(bad[2], exact[2])
    assert d_h > 0, "the products were not done in bfloat16 (no AMX or AVX-512 bf16 on this CPU?)"
    print(f"bfloat16 products against float32, relative error: P(h | v) {d_h:.1e}, P(v | h) {d_v:.1e}, the W step {d_w:.1e}; "
          f"with the negative statistics' sign flipped (a planted bug) {d_bad:.2f}")
    assert max(d_h, d_v, d_w) < 0.01 < 0.5 < d_bad, "the bfloat16 check failed"


def check_discriminative_grad():
    "discriminative_grad against autograd's gradient of the mean log p(y | x), on a small RBM with a 4-label softmax group."
    g = torch.Generator().manual_seed(0)
    rbm = RBM(9, 6, init_std=1.0, generator=g, n_softmax=4).double()
    rbm.b.normal_(0, 1, generator=g); rbm.c.normal_(0, 1, generator=g)
    v = (torch.rand(20, 9, generator=g, dtype=torch.float64) < 0.5).double()
    v[:, -4:] = 0; v[torch.arange(20), 5 + torch.randint(0, 4, (20,), generator=g)] = 1
    W, b, c = [p.detach().clone().requires_grad_() for p in rbm.params]
    x, y = v[:, :-4], v[:, -4:].argmax(1)
    neg_f = torch.stack([b[5 + k] + torch.nn.functional.softplus(x @ W[:5] + W[5 + k] + c).sum(1) for k in range(4)], 1)
    torch.log_softmax(neg_f, 1)[torch.arange(20), y].mean().backward()
    err = max((a - e.grad).abs().max().item() for a, e in zip(discriminative_grad(rbm, v, 4), (W, b, c)))
    print(f"discriminative_grad against autograd: largest difference {err:.1e}")
    assert err < 1e-12, "the discriminative gradient is wrong"


def check_clamped(sweeps=400, burn=50):
    """On an enumerable RBM (8 visible units, 3 of them a softmax group, 5 hidden): (1) the clamped recipe's gradient,
    data statistics minus the expectations under p(x, h | y) for each row's label, equals autograd's gradient of the
    mean log p(x | y); (2) ClampedTrainer's clamped chains (3,000, learning rate 0) visit the states of p(x | y) for
    their labels (total variation to the exact conditional, per label), and with the clamp left out (a planted bug,
    the chains free) they do not."""
    from dbn_book.cd import difference
    from dbn_book.rbm import visible_states
    g = torch.Generator().manual_seed(0)
    rbm = RBM(8, 5, init_std=1.5, generator=g, n_softmax=3).double()
    rbm.b.normal_(0, 1, generator=g); rbm.c.normal_(0, 1, generator=g)
    states = visible_states(8, 3)
    label = states[:, -3:].argmax(1)
    def cond(y): # exact p(x | y) over the states with label y
        f = -rbm.free_energy(states[label == y]); return (f - f.logsumexp(0)).exp()
    data = states[torch.randint(0, len(states), (40,), generator=g)]
    y_data = data[:, -3:].argmax(1)
    # (1) the gradient
    W, b, c = [p.detach().clone().requires_grad_() for p in rbm.params]
    neg_f = lambda v: v @ b + torch.nn.functional.softplus(v @ W + c).sum(1)
    torch.stack([neg_f(v[None])[0] - neg_f(states[label == y]).logsumexp(0) for v, y in zip(data, y_data)]).mean().backward()
    def expect(y): # E over p(x, h | y) of v h', v and h
        v, p = states[label == y], cond(y); ph = rbm.p_h(v)
        return v.T @ (p[:, None] * ph), p @ v, p @ ph
    share = [(y_data == y).double().mean() for y in range(3)]
    neg = tuple(sum(share[y] * expect(y)[i] for y in range(3)) for i in range(3))
    err = max((a - e.grad).abs().max().item() for a, e in zip(difference(rbm.statistics(data, rbm.p_h(data)), neg), (W, b, c)))
    joint = rbm.model_expectations() # the free chains' target, E over p(x, h, y): the joint's gradient, not the conditional's
    bad = max((a - e.grad).abs().max().item() for a, e in zip(difference(rbm.statistics(data, rbm.p_h(data)), joint), (W, b, c)))
    print(f"the clamped gradient against autograd's gradient of the mean log p(x | y): largest difference {err:.1e}; "
          f"the joint's gradient (free chains) against it: {bad:.2f}")
    assert err < 1e-12 < 0.01 < bad, "the class-conditional gradient is wrong"
    # (2) the clamped chains
    def tv(clamped):
        t = ClampedTrainer(rbm, states[torch.randint(0, len(states), (3000,), generator=g)], CDOptions(method='pcd', n_chains=3000), 1.0, seed=1)
        y0 = t.clamp.argmax(1)
        if not clamped: t.clamp = t.clamp[:0]; t.n_clamped = 0 # the planted bug: every chain runs free
        counts = torch.zeros(3, len(states), dtype=torch.float64)
        with torch.no_grad():
            for sweep in range(sweeps):
                t.update(t.chains[:10], 0.0, 0.0) # learning rate and momentum 0: the chains step, the model stays
                if sweep >= burn:
                    idx = (t.chains[:, None] == states[None]).all(2).double().argmax(1)
                    for y in range(3): counts[y] += torch.bincount(idx[y0 == y], minlength=len(states)).double()
        # each label's chains: the distribution of their x (the label units set aside) against p(x | y)
        d = []
        for y in range(3):
            xs = states[label == y][:, :-3]
            got = torch.stack([counts[y][(states[:, :-3] == x).all(1)].sum() for x in xs]); got /= got.sum()
            d.append(0.5 * (got - cond(y)).abs().sum().item())
        return d
    good, bad = tv(True), tv(False)
    print(f"total variation between the clamped chains' x and the exact p(x | y), per label: {', '.join(f'{x:.4f}' for x in good)}; "
          f"the chains left free (a planted bug): {', '.join(f'{x:.4f}' for x in bad)}")
    assert max(good) < 0.02 < 0.1 < max(bad), "the clamped-chains check failed"


def label_shares(v, n=10):
    "The share (%) of each label in the chains' softmax group."
    return [round(100 * x, 1) for x in v[:, -n:].mean(0).tolist()]


def check_tempering(steps=300, burn=50):
    """TemperedTrainer's chains at beta = 1 against the exact P(v) of an enumerable RBM (8 visible units, 3 of them a
    softmax group, 5 hidden), with 2,000 chains per rung; then the same with the swap rule's ratio reversed, which must fail."""
    from dbn_book.rbm import visible_states
    g = torch.Generator().manual_seed(0)
    rbm = RBM(8, 5, init_std=2.0, generator=g, n_softmax=3)
    rbm.b.normal_(0, 1, generator=g); rbm.c.normal_(0, 1, generator=g)
    states = visible_states(8, 3)
    data = states[torch.randint(0, len(states), (50,), generator=g)]
    exact = (-rbm.free_energy(states) - rbm.log_partition_exact()).exp()
    def tv(trainer):
        counts = torch.zeros(len(states))
        with torch.no_grad():
            for step in range(steps):
                v, _ = trainer.negative()
                if step >= burn: counts += torch.bincount((v[:, None] == states[None]).all(2).float().argmax(1), minlength=len(states))
        return 0.5 * (counts / counts.sum() - exact).abs().sum().item()
    make = lambda: TemperedTrainer(rbm, data, CDOptions(method='pcd', n_chains=2000, batch=10), [0.0, 0.3, 0.6, 1.0], seed=1)
    t = make(); d = tv(t)
    print(f"total variation between the beta = 1 chains ({2000 * (steps - burn):,} states) and the exact P(v): {d:.4f}; "
          f"swap rates {[round(r, 2) for r in (t.swaps / t.tries).tolist()]}")
    global _log_f_ratio
    right, _log_f_ratio = _log_f_ratio, lambda terms, c, hi, lo: right(terms, c, lo, hi)
    try: bad = tv(make())
    finally: _log_f_ratio = right
    print(f"the same with the swap rule's ratio reversed (a planted bug): {bad:.4f}")
    assert d < 0.01 < 0.1 < bad, "the tempering check failed"


def cost(rounds=3, updates=20):
    "Milliseconds per update of each recipe's trainer on a 510 x 2000 RBM with a softmax group, random data, one thread, alternating."
    import statistics as st
    g = torch.Generator().manual_seed(0)
    rbm = RBM(510, 2000, n_softmax=10, generator=g)
    x = (torch.rand(2000, 510, generator=g) < 0.2).float()
    x[:, -10:] = 0; x[torch.arange(2000), 500 + torch.randint(0, 10, (2000,), generator=g)] = 1
    makers = {'pcd': lambda: RBMTrainer(rbm, x, CDOptions(method='pcd'), seed=0),
              'chains:500': lambda: RBMTrainer(rbm, x, CDOptions(method='pcd', n_chains=500), seed=0),
              'hybrid:1': lambda: HybridTrainer(rbm, x, CDOptions(method='pcd'), 1.0, seed=0),
              'pt:0.9,0.94,0.97,0.99,1': lambda: TemperedTrainer(rbm, x, CDOptions(method='pcd'), [0.9, 0.94, 0.97, 0.99, 1.0], seed=0)}
    makers['bf16'] = makers['pcd'] # run under matmul_precision('medium')
    times = {name: [] for name in makers}
    with torch.no_grad():
        for _ in range(rounds):
            for name, make in makers.items():
                with matmul_precision('medium') if name == 'bf16' else nullcontext():
                    t = make(); t.update(x[:100], 0.0, 0.5); t0 = time.perf_counter()
                    for _ in range(updates): t.update(x[:100], 0.0, 0.5) # lr 0: the weights stay as they are
                    times[name].append(1000 * (time.perf_counter() - t0) / updates)
    base = st.median(times['pcd'])
    for name, ts in times.items(): print(f"{name:25s} {st.median(ts):6.1f} ms per update (median of {rounds} rounds), {st.median(ts) / base:.2f}x PCD's")


def summary():
    "Per recipe, the mean, spread and worst seed of what generation.py and the training measured."
    import statistics as st
    runs = [json.loads(l) for l in open(RESULTS / 'top_rbm_recipes.jsonl')] # in the order they ran
    # a checkpoint path can be written again by a later run (seed 0's lower RBMs were retrained on 2026-12-02): the
    # i-th run that wrote a path pairs with the i-th judging of that path, in the order generation.py started
    gen = {}
    for g in sorted((json.load(open(f)) for f in RESULTS.glob('generation_top_rbm_recipes*.json')), key=lambda g: g['started']):
        for m in g['models']: gen.setdefault(Path(m['checkpoint']).stem, []).append(m)
    by, seen = {}, {}
    for r in runs:
        name = Path(r['checkpoint']).stem
        i = seen[name] = seen.get(name, -1) + 1
        if i < len(gen.get(name, [])): by.setdefault(r['recipe'] + (f' (run {i + 1})' if i else ''), []).append((r, gen[name][i]))
    ms = lambda xs: f"{st.mean(xs):5.1f} +/- {st.stdev(xs):4.1f}" if len(xs) > 1 else f"{xs[0]:5.1f}        "
    print("a recipe's '(run 2)' rows: the same recipe and checkpoint name trained again later (see the header of top_rbm_recipes.txt)")
    print("recipe (top RBM)  | seeds | agreement % mean +/- sd (worst seed) | smallest label-free class % | largest | "
          "diversity (least) | valid generative error %")
    for recipe, rs in by.items():
        agree = [g['agreement_pct']['overall'] for _, g in rs]
        lo = [g['label_free_pct']['min'] for _, g in rs]; hi = [g['label_free_pct']['max'] for _, g in rs]
        div = [g['diversity']['min'] for _, g in rs]; err = [100 * r['valid_error_generative'] for r, _ in rs]
        print(f"{recipe:17s} | {len(rs):5d} | {ms(agree)} ({min(agree):4.1f})             | {ms(lo)}              | {ms(hi)} | "
              f"{min(div):.2f}              | {ms(err)}")
    print("\nper seed, agreement %:")
    for recipe, rs in by.items():
        print(f"  {recipe}: " + ", ".join(f"seed {r['seed']} {g['agreement_pct']['overall']:.1f}" for r, g in sorted(rs, key=lambda x: x[0]['seed'])))
    # the recipes trained on the afternoon's lower RBMs (all but the morning's pcd and fpcd:0.01) pair with 'pcd (run 2)'
    def paired(label, rs, base_rows):
        "Agreement differences, seed by seed, of runs rs against base_rows."
        base = {r['seed']: g['agreement_pct']['overall'] for r, g in base_rows}
        d = [g['agreement_pct']['overall'] - base[r['seed']] for r, g in sorted(rs, key=lambda x: x[0]['seed']) if r['seed'] in base]
        print(f"  {label}: " + ", ".join(f"{x:+.1f}" for x in d) + (f"; mean {st.mean(d):+.1f}" if len(d) > 1 else ""))
    # runs trained later on other lower RBMs pair with the PCD run trained beside them: seed 0's lower RBMs trained on
    # 2026-12-03 (one thread, deterministic: 'pcd (run 3)' and 'pcd (run 4)' agree) differ from the afternoon's of 2026-12-02
    later = {'pcd codes:sample': 'pcd (run 3)', 'pcd@90 (run 2)': 'pcd (run 3)', 'pcd@300': 'pcd (run 3)', 'pcd b50': 'pcd (run 3)', # run 4 repeated run 3's seed 0; 2026-12-04's rerun gave run 3's numbers on every seed
             'bf16@90': 'pcd@90 (run 2)', # float32 PCD@90 on the same lower RBMs: seed 0 from 2026-12-03, seeds 1 and 2 run beside bf16@90
             # 2026-12-04, evening: the lower RBMs retrained once more are run 1's (its seeds 0 and 1 rerun bit for bit: run 3)
             'bf16@160': 'pcd@90', 'pcd@90 (run 3)': 'pcd@90', 'pcd@160': 'pcd@90',
             'centered@90': 'pcd@90', 'centered@90 lr0.003': 'pcd@90', 'centered@90 lr0.03': 'pcd@90', 'centered@90 lr0.1': 'pcd@90', # 2026-12-04, night: the same lower RBMs again
             'labelrate:3@90': 'pcd@90', 'labelrate:10@90': 'pcd@90'} # 2026-12-05: run 1's lower RBMs still
    print("\npaired with 'pcd (run 2)' (the same lower RBMs, initial weights and generator), agreement difference in points:")
    for recipe, rs in by.items():
        if recipe.startswith('pcd (run') or recipe in ('pcd', 'fpcd:0.01') or ' on ' in recipe or recipe in later: continue # ' on ': other lower RBMs
        paired(recipe, rs, by.get('pcd (run 2)', []))
    for recipe, base in later.items():
        if recipe in by and base in by: paired(f"{recipe}, paired with '{base}'", by[recipe], by[base])


def main():
    if '--summary' in sys.argv: return summary()
    if '--check' in sys.argv: check_discriminative_grad(); check_clamped(); check_bf16(); return check_tempering()
    if '--cost' in sys.argv: torch.set_num_threads(1); return cost()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA'), help='folder of the MNIST IDX files')
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
    ap.add_argument('--recipes', nargs='+', default=['pcd', 'fpcd:0.01'],
                    help="'pcd', 'fpcd:FAST_LR', 'chains:N' (PCD with N persistent chains), 'hybrid:ALPHA' (plus ALPHA times the gradient of log p(y | x)), or 'pt:B1,B2,...,1' (parallel tempering, "
                         "100 chains at each inverse temperature B on the AIS path, the last 1)")
    ap.add_argument('--fast_decay', type=float, default=0.95)
    ap.add_argument('--epochs', type=int, default=30, help="the top RBM's epochs (dbn_train's default until 2026-12-04: 30; since: 90); another number is "
                    "written after the recipe's name, as in 'pcd@90'")
    ap.add_argument('--lr', type=float, default=0.01, help="the top RBM's initial learning rate, decaying linearly to 0 "
                    "(dbn_train's default: 0.01); another is written after the recipe's name, as in 'pcd lr0.03'")
    ap.add_argument('--lower', default=None, metavar='PATH', help="a checkpoint whose lower RBMs to use instead of dbn_train's default greedy "
                    "ones, with {seed} for the seed, e.g. benchmarks/out/lower30_seed{seed}.pt (its name is written after the recipe's)")
    ap.add_argument('--codes', choices=['prob', 'sample'], default='prob', help="the top RBM's data: P(h = 1 | v) of the layer "
                    "below (dbn_train's), or one binary sample of it per image ('sample'; written after the recipe's name)")
    ap.add_argument('--batch', type=int, default=100, help="the top RBM's mini-batch, and its number of persistent chains unless "
                    "a recipe sets them (dbn_train's default: 100); another size is written after the recipe's name ('pcd b50')")
    ap.add_argument('--prior', action='store_true', help="set the label prior (dbn_train's match_label_prior) before scoring and saving")
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads); OUT.mkdir(exist_ok=True)
    print(f"command: python {' '.join(sys.argv)}   ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"load average {os.getloadavg()[0]:.2f} at the start); torch {torch.__version__}, {torch.get_num_threads()} threads", flush=True)
    log_path = RESULTS / 'top_rbm_recipes.jsonl'
    for seed in a.seeds:
        lower = greedy_checkpoint(a, seed) if a.lower is None else Path(a.lower.format(seed=seed))
        greedy = DBN.load(lower)
        v_all, y_all, *_ = mnist_tensors(load_mnist(a.data, download=False), 'sample', seed) # as dbn_train binarised them
        v_tr, y_tr, v_va, y_va = v_all[:50_000], y_all[:50_000], v_all[50_000:], y_all[50_000:]
        with torch.no_grad():
            g_codes = torch.Generator().manual_seed(2000 + seed) # --codes sample: drawn once per image, layer by layer
            code = lambda v: greedy.up(v, sample=a.codes == 'sample', generator=g_codes)
            x_tr, x_va = greedy.top_input(code(v_tr), y_tr), greedy.top_input(code(v_va), y_va)
        fresh_top = DBN(greedy.sizes, n_labels=10, v_data=v_tr, seed=seed).top.state_dict() # dbn_train's initial top RBM
        for recipe in a.recipes:
            dbn = DBN.load(lower)
            dbn.top.load_state_dict(fresh_top)
            kind, *arg = recipe.split(':')
            kw = dict(fast_lr=float(arg[0]), fast_decay=a.fast_decay) if kind == 'fpcd' else dict(n_chains=int(arg[0])) if kind == 'chains' else \
                 dict(centered=True) if kind == 'centered' else {}
            o = CDOptions(epochs=a.epochs, lr=a.lr, method='pcd', schedule='linear', batch=a.batch, **kw)
            if kind == 'pt':
                betas = [float(b) for b in arg[0].split(',')]
                t = TemperedTrainer(dbn.top, x_tr, o, betas, v_valid=x_va, seed=1000 + seed, device='cpu')
            elif kind == 'hybrid': t = HybridTrainer(dbn.top, x_tr, o, float(arg[0]), v_valid=x_va, seed=1000 + seed, device='cpu')
            elif kind == 'clamped': t = ClampedTrainer(dbn.top, x_tr, o, float(arg[0]), v_valid=x_va, seed=1000 + seed, device='cpu')
            elif kind == 'labelrate': t = LabelRateTrainer(dbn.top, x_tr, o, float(arg[0]), v_valid=x_va, seed=1000 + seed, device='cpu')
            else: t = RBMTrainer(dbn.top, x_tr, o, v_valid=x_va, seed=1000 + seed, device='cpu')
            with matmul_precision('medium') if kind == 'bf16' else nullcontext(): # 'bf16': only while it trains
                t0 = time.perf_counter(); t.run(progress=False); secs = time.perf_counter() - t0
            if a.prior: seen = match_label_prior(dbn, y_tr, generator=torch.Generator().manual_seed(3000 + seed))[0]
            err = (predict_labels(dbn, v_va) != y_va).float().mean().item()
            # 'pcd@90': PCD for 90 epochs instead of 30; 'pcd lr0.03': at an initial learning rate of 0.03 instead of 0.01
            name = recipe + (f'@{a.epochs}' if a.epochs != 30 else '') + (f' lr{a.lr:g}' if a.lr != 0.01 else '') + (' codes:sample' if a.codes == 'sample' else '') + (f' b{a.batch}' if a.batch != 100 else '') + (' prior' if a.prior else '') + (' on ' + Path(a.lower).stem.replace('_seed{seed}', '') if a.lower else '')
            path = OUT / f"top_{name.replace(':', '').replace(',', '-').replace(' ', '_')}_seed{seed}.pt"
            dbn.save(path)
            rec = dict(seed=seed, recipe=name, epochs=a.epochs, lr=a.lr, batch=a.batch, codes=a.codes, fast_lr=kw.get('fast_lr'), fast_decay=kw.get('fast_decay'), seconds=secs,
                       valid_error_generative=err, free_energy_gap=t.history[-1].get('free_energy_gap'), checkpoint=str(path),
                       chain_label_pct=label_shares(t.chains))
            if kind == 'hybrid': rec.update(alpha=t.alpha)
            if a.prior: rec.update(label_marginal_before_prior=[round(100 * x, 1) for x in seen.tolist()])
            if kind == 'pt': rec.update(betas=t.betas, swap_rate=(t.swaps / t.tries.clamp_min(1)).tolist())
            print(json.dumps(rec), flush=True)
            with open(log_path, 'a') as f: f.write(json.dumps(rec) + '\n')


if __name__ == '__main__':
    main()
