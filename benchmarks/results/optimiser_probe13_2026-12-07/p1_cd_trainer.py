"""Probe 13, item 1: RBMTrainer (dbn_book/cd.py) against a from-scratch float64 CD-k / PCD-k / FPCD loop.

The reference is written from the chapter's text (nbs/02_cd.ipynb, "The training loop"):
  velocity <- mu velocity + eps (grad_hat - lambda W)   (lambda on W only), theta <- theta + velocity,
  mu = momentum[0] for the first momentum_epochs epochs, momentum[1] after,
  eps = lr * factor(t), t = updates done / all updates,
  mini-batches reshuffled every epoch (the last one may be short), PCD chains from random training rows,
  FPCD: chains run on theta + theta_f, theta_f <- gamma theta_f + eps_f grad_hat.
It draws its random numbers from its own torch.Generator seeded like the trainer's, with the same shapes in the
same order, so both see identical uniforms.
"""
import math, torch, copy, json, sys
torch.set_num_threads(1)
from dbn_book.rbm import RBM, RBMBase
from dbn_book.cd import RBMTrainer, CDOptions, reconstruction_error
sig = torch.sigmoid

def factor(s, t):
    return 1.0 if s == 'constant' else (1 - t) if s == 'linear' else 0.5 * (1 + math.cos(math.pi * t))

def ref_train(W, b, c, X, o, seed):
    W, b, c = W.clone(), b.clone(), c.clone()
    g = torch.Generator().manual_seed(seed)
    n = len(X); nb = math.ceil(n / o['batch']); N = o['epochs'] * nb
    vel = [torch.zeros_like(W), torch.zeros_like(b), torch.zeros_like(c)]
    fast = [torch.zeros_like(W), torch.zeros_like(b), torch.zeros_like(c)]
    chains = None
    if o['method'] == 'pcd':
        chains = X[torch.randint(n, (o['n_chains'] or o['batch'],), generator=g)]
    step, recs = 0, []
    rnd = lambda shape: torch.rand(shape, generator=g, dtype=torch.float64)
    for ep in range(o['epochs']):
        mu = o['momentum'][0] if ep < o['momentum_epochs'] else o['momentum'][1]
        perm = torch.randperm(n, generator=g)
        for i in range(0, n, o['batch']):
            eps = o['lr'] * factor(o['schedule'], step / N)
            v0 = X[perm[i:i + o['batch']]]
            ph0 = sig(v0 @ W + c)
            Wf, bf, cf = W + fast[0], b + fast[1], c + fast[2]
            v = v0 if chains is None else chains
            ph = sig(v @ Wf + cf)
            for _ in range(o['k']):
                h = (rnd(ph.shape) < ph).double()
                pv = sig(h @ Wf.T + bf)
                v = (rnd(pv.shape) < pv).double()
                ph = sig(v @ Wf + cf)
            if chains is not None: chains = v
            gW = v0.T @ ph0 / len(v0) - v.T @ ph / len(v)
            gb = v0.mean(0) - v.mean(0); gc = ph0.mean(0) - ph.mean(0)
            grads = [gW, gb, gc]
            for j in range(3):
                vel[j] = mu * vel[j] + eps * (grads[j] - (o['weight_decay'] * W if j == 0 else 0))
            if o['fast_lr']:
                for j in range(3): fast[j] = o['fast_decay'] * fast[j] + o['fast_lr'] * grads[j]
            W, b, c = W + vel[0], b + vel[1], c + vel[2]
            step += 1
        # the monitor as documented: ||v - P(v|h)||^2 summed over units, mean over rows, h ~ P(h|v), own generator seeded by epoch
        gm = torch.Generator().manual_seed(ep)
        Xm = X[:1000]
        pm = sig(Xm @ W + c)
        hm = (torch.rand(pm.shape, generator=gm, dtype=torch.float64) < pm).double()
        recs.append({'recon_error': ((Xm - sig(hm @ W.T + b)) ** 2).sum().item() / len(Xm), 'lr': eps})
    return (W, b, c), recs

def run(cfg, X, seed=3):
    o = dict(epochs=4, lr=0.1, k=1, method='cd', batch=10, momentum=(0.5, 0.9), momentum_epochs=2, weight_decay=2e-3,
             schedule='constant', n_chains=None, fast_lr=0., fast_decay=0.95)
    o.update(cfg)
    rbm = RBM(X.shape[1], 7, seed=1, init_std=0.5).double()
    with torch.no_grad(): rbm.b.normal_(0, 0.3, generator=torch.Generator().manual_seed(5)); rbm.c.normal_(0, 0.3, generator=torch.Generator().manual_seed(6))
    W0, b0, c0 = (p.detach().clone() for p in rbm.params)
    t = RBMTrainer(rbm, X, CDOptions(**o), seed=seed, device='cpu')
    hist = t.run(progress=False)
    (W, b, c), recs = ref_train(W0, b0, c0, X, o, seed)
    dp = max((p - q).abs().max().item() for p, q in zip(rbm.params, (W, b, c)))
    dr = max(abs(h['recon_error'] - r['recon_error']) for h, r in zip(hist, recs))
    dl = max(abs(h['lr'] - r['lr']) for h, r in zip(hist, recs))
    move = max((p - q).abs().max().item() for p, q in zip((W, b, c), (W0, b0, c0)))
    return dict(cfg=cfg, max_param_diff=dp, param_move=move, max_recon_diff=dr, max_lr_diff=dl,
                last_lrs=[h['lr'] for h in hist])

if __name__ == '__main__':
    g = torch.Generator().manual_seed(0)
    protos = (torch.rand(3, 10, generator=g) < 0.5).double()
    X = protos[torch.randint(3, (97,), generator=g)]
    X = torch.where(torch.rand(X.shape, generator=g, dtype=torch.float64) < 0.1, 1 - X, X) # 97 rows: a short last batch
    cfgs = [dict(), dict(k=3), dict(schedule='linear'), dict(schedule='cosine', momentum=(0.3, 0.7)),
            dict(method='pcd'), dict(method='pcd', n_chains=13, k=2, schedule='linear'),
            dict(method='pcd', n_chains=5, batch=32), dict(method='pcd', fast_lr=0.05, fast_decay=0.9),
            dict(weight_decay=0.0, momentum=(0.0, 0.0)), dict(batch=97), dict(batch=200)]
    out = [run(c, X) for c in cfgs]
    for r in out: print(json.dumps(r))
    # the fused binary-RBM momentum step against the generic one (RBMBase.add_gradient_), random inputs
    rbm = RBM(10, 7, seed=2, init_std=0.7).double()
    gg = torch.Generator().manual_seed(9)
    v0 = (torch.rand(11, 10, generator=gg, dtype=torch.float64) < .5).double(); vk = (torch.rand(6, 10, generator=gg, dtype=torch.float64) < .5).double()
    data, chain = (v0, rbm.p_h(v0)), (vk, rbm.p_h(vk))
    vel0 = [torch.randn(p.shape, generator=gg, dtype=torch.float64) for p in rbm.params]
    a = [x.clone() for x in vel0]; bb = [x.clone() for x in vel0]
    RBM.add_gradient_(rbm, a, data, chain, (0.1, 0.2, 0.3), 0.7); RBMBase.add_gradient_(rbm, bb, data, chain, (0.1, 0.2, 0.3), 0.7)
    ref = [0.7 * vel0[0] + 0.1 * (v0.T @ data[1] / 11 - vk.T @ chain[1] / 6), 0.7 * vel0[1] + 0.2 * (v0.mean(0) - vk.mean(0)),
           0.7 * vel0[2] + 0.3 * (data[1].mean(0) - chain[1].mean(0))]
    print(json.dumps({'fused_vs_generic': max((x - y).abs().max().item() for x, y in zip(a, bb)),
                      'fused_vs_ref': max((x - y).abs().max().item() for x, y in zip(a, ref))}))
