"""Probe 13, item 5: UpDownTrainer / up_down_step (dbn_book/updown.py) against a from-scratch float64 up-down loop.

Reference from the chapter's text (nbs/07_updown.ipynb): 1. wake pass with sampled states, generative weights by the
delta rule, 2. CD-k (or PCD-k) in the top RBM on (s^(l-1), y), labels free in the chain, 3. sleep pass from the
chain's end down the generative weights (pixels as probabilities), recognition weights by the delta rule; weight
decay lambda on every weight matrix (W <- (1 - lr lambda) W + ...), lr = lr0 * (1 - t) for 'linear'.
Random numbers: same seed, shapes and order as the package.
Variant 'paper_order': the sleep pass uses the generative weights from before this update's wake step, as in
Hinton, Osindero & Teh (2006) appendix B, where every prediction is computed before any parameter changes.
"""
import math, json, torch
torch.set_num_threads(1)
from dbn_book.dbn import DBN
from dbn_book.updown import UpDownTrainer, UpDownOptions
sig = torch.sigmoid

def factor(s, t):
    return 1.0 if s == 'constant' else (1 - t) if s == 'linear' else 0.5 * (1 + math.cos(math.pi * t))

def ref_updown(P, X, Y, o, seed, n_lab, paper_order=False):
    # P: dict of float64 tensors: rec W[i], c[i] (directed layers), gen G[i], g[i], top Wt, bt, ct
    P = {k: [t.clone() for t in v] if isinstance(v, list) else v.clone() for k, v in P.items()}
    g = torch.Generator().manual_seed(seed)
    rnd = lambda shape: torch.rand(shape, generator=g, dtype=torch.float64)
    bern = lambda p: (rnd(p.shape) < p).double()
    L = len(P['W']); n = len(X); nb = math.ceil(n / o['batch']); N = o['epochs'] * nb; step = 0
    onehot = lambda y: torch.nn.functional.one_hot(y, n_lab).double()
    def top_gibbs(x, k):
        ph = sig(x @ P['Wt'] + P['ct'])
        for _ in range(k):
            h = bern(ph)
            a = h @ P['Wt'].T + P['bt']
            pb = sig(a[:, :-n_lab]); pl = torch.softmax(a[:, -n_lab:], 1)
            xb = bern(pb); u = rnd((len(x), 1))
            j = (pl.cumsum(1) <= u).sum(1).clamp(max=n_lab - 1)
            x = torch.cat([xb, onehot(j)], 1); ph = sig(x @ P['Wt'] + P['ct'])
        return x, ph
    chains = None
    if o['method'] == 'pcd':
        i = torch.randint(n, (o['batch'],), generator=g)
        s = X[i]
        for l in range(L): s = bern(sig(s @ P['W'][l] + P['c'][l]))
        chains = torch.cat([s, onehot(Y[i])], 1)
    recs = []
    for ep in range(o['epochs']):
        perm = torch.randperm(n, generator=g); rsum = 0.
        for b0 in range(0, n, o['batch']):
            idx = perm[b0:b0 + o['batch']]; v, y = X[idx], Y[idx]; m = len(v)
            lr = o['lr'] * factor(o['schedule'], step / N); step += 1; keep = 1 - lr * o['weight_decay']
            s = [v]
            for l in range(L): s.append(bern(sig(s[-1] @ P['W'][l] + P['c'][l])))
            Gold = [t.clone() for t in P['G']]; gold = [t.clone() for t in P['g']]
            for l in range(L):
                err = s[l] - sig(s[l + 1] @ P['G'][l].T + P['g'][l])
                if l == 0: rsum += (err ** 2).sum().item()
                P['G'][l] = keep * P['G'][l] + lr * err.T @ s[l + 1] / m; P['g'][l] = P['g'][l] + lr * err.mean(0)
            x = torch.cat([s[-1], onehot(y)], 1); ph0 = sig(x @ P['Wt'] + P['ct'])
            xk, phk = top_gibbs(x if chains is None else chains, o['k']); nn_ = len(xk)
            if chains is not None: chains = xk
            P['Wt'] = keep * P['Wt'] + lr * (x.T @ ph0 / m - xk.T @ phk / nn_)
            P['bt'] = P['bt'] + lr * (x.mean(0) - xk.mean(0)); P['ct'] = P['ct'] + lr * (ph0.mean(0) - phk.mean(0))
            GG, gg = (Gold, gold) if paper_order else (P['G'], P['g'])
            d = [None] * L + [xk[:, :-n_lab]]
            for l in reversed(range(L)):
                p = sig(d[l + 1] @ GG[l].T + gg[l]); d[l] = p if l == 0 else bern(p)
            for l in range(L):
                err = d[l + 1] - sig(d[l] @ P['W'][l] + P['c'][l])
                P['W'][l] = keep * P['W'][l] + lr * d[l].T @ err / nn_; P['c'][l] = P['c'][l] + lr * err.mean(0)
        recs.append({'recon_error': rsum / n, 'lr': lr})
    return P, recs

def params_of(dbn):
    r = dbn.rbms
    return {'W': [x.W.detach().double().clone() for x in r[:-1]], 'c': [x.c.detach().double().clone() for x in r[:-1]],
            'G': [t.detach().double().clone() for t in dbn.gen_W], 'g': [t.detach().double().clone() for t in dbn.gen_b],
            'Wt': r[-1].W.detach().double().clone(), 'bt': r[-1].b.detach().double().clone(), 'ct': r[-1].c.detach().double().clone()}

def maxdiff(A, B):
    out = 0.
    for k in A:
        a, b = (A[k], B[k]) if isinstance(A[k], list) else ([A[k]], [B[k]])
        out = max(out, max((x - y).abs().max().item() for x, y in zip(a, b)))
    return out

if __name__ == '__main__':
    g = torch.Generator().manual_seed(0)
    X = (torch.rand(47, 10, generator=g, dtype=torch.float64) < 0.4).double()
    Y = (X[:, :4].sum(1)).long() % 3
    base = DBN([10, 7, 6, 5], n_labels=3, seed=1).double()
    with torch.no_grad():
        for r in base.rbms: r.W.normal_(0, 0.8, generator=g); r.b.normal_(0, 0.4, generator=g); r.c.normal_(0, 0.4, generator=g)
    base.untie()
    with torch.no_grad():
        for t in list(base.gen_W) + list(base.gen_b): t.add_(torch.randn(t.shape, generator=g, dtype=torch.float64) * 0.3) # generative != recognition
    for cfg in [dict(), dict(k=3, weight_decay=0.05), dict(method='pcd', schedule='cosine'), dict(method='pcd', k=2, batch=47, schedule='constant'),
                dict(batch=10, lr=0.5)]:
        o = dict(epochs=3, lr=0.1, k=1, batch=8, schedule='linear', weight_decay=0.0, method='cd'); o.update(cfg)
        dbn = DBN([10, 7, 6, 5], n_labels=3).double().untie(); dbn.load_state_dict(base.state_dict())
        P0 = params_of(dbn)
        hist = UpDownTrainer(dbn, X, Y, UpDownOptions(**o), seed=5, device='cpu').run(progress=False)
        P, recs = ref_updown(P0, X, Y, o, 5, 3)
        Pp, _ = ref_updown(P0, X, Y, o, 5, 3, paper_order=True)
        print(json.dumps({'cfg': cfg, 'max_param_diff': maxdiff(params_of(dbn), P), 'param_move': maxdiff(P, P0),
                          'recon_diff': max(abs(h['recon_error'] - r['recon_error']) for h, r in zip(hist, recs)),
                          'lr_diff': max(abs(h['lr'] - r['lr']) for h, r in zip(hist, recs)), 'lrs': [h['lr'] for h in hist],
                          'pkg_vs_paper_order_param_diff': maxdiff(params_of(dbn), Pp)}))
