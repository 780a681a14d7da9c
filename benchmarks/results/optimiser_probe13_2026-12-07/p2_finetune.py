"""Probe 13, item 2: mlp_from_dbn + FineTuner (dbn_book/finetune.py) against a from-scratch float64 MLP trainer.

Reference, from nbs/05_finetune.ipynb: hidden layer k computes sigmoid(c_k + W_k^T h) from the DBN's RBM k (W^T, c),
the top's label rows left out; logits U^T h + d; loss = mean cross-entropy of the mini-batch; inverted dropout
(keep with prob 1-p, scale 1/(1-p)) on the inputs and on every hidden layer in training only; SGD with momentum
and L2 weight decay on all parameters (torch.optim.SGD's convention: buf = mu buf + (grad + lambda theta),
theta -= lr buf); lr = lr0 * factor(t), t = updates done / all updates; after each update every hidden unit's incoming
weight row is scaled to length max_norm if longer; in head epochs only the output layer moves.
Backprop by hand (no autograd).  Random numbers: the same generator seed, same shapes, same order.
"""
import math, json, torch
torch.set_num_threads(1)
from dbn_book.dbn import DBN
from dbn_book.finetune import mlp_from_dbn, FineTuner, FineTuneOptions, evaluate
sig = torch.sigmoid

def factor(s, t):
    return 1.0 if s == 'constant' else (1 - t) if s == 'linear' else 0.5 * (1 + math.cos(math.pi * t))

def ref_finetune(Ws, cs, U, d, X, Y, o, p_in, p_h, seed):
    params = [t.clone() for pair in zip(Ws, cs) for t in pair] + [U.clone(), d.clone()]  # W1 (in x out), c1, ..., U (in x classes), d
    L = len(Ws)
    buf = [None] * len(params)
    g = torch.Generator().manual_seed(seed)
    n = len(X); nb = math.ceil(n / o['batch']); N = o['epochs'] * nb; step = 0; recs = []
    for ep in range(o['epochs']):
        perm = torch.randperm(n, generator=g)
        loss_sum, wrong = 0., 0
        for i in range(0, n, o['batch']):
            lr = o['lr'] * factor(o['schedule'], step / N)
            idx = perm[i:i + o['batch']]; x, y = X[idx], Y[idx]; m = len(x)
            acts, masks = [], []
            h = x
            if p_in: k = (torch.rand(h.shape, generator=g, dtype=torch.float64) >= p_in).double(); h = h * k / (1 - p_in)
            acts.append(h)
            for l in range(L):
                a = sig(h @ params[2 * l] + params[2 * l + 1])
                k = (torch.rand(a.shape, generator=g, dtype=torch.float64) >= p_h).double() if p_h else torch.ones_like(a)
                masks.append(k); h = a * k / (1 - p_h); acts.append((a, h))
            z = h @ params[-2] + params[-1]
            logp = z - torch.logsumexp(z, 1, keepdim=True)
            loss = -logp[torch.arange(m), y].mean()
            dz = (logp.exp() - torch.nn.functional.one_hot(y, z.shape[1]).double()) / m
            grads = [None] * len(params)
            grads[-2], grads[-1] = h.T @ dz, dz.sum(0)
            dh = dz @ params[-2].T
            train_hidden = ep >= o['head_epochs']
            for l in reversed(range(L)):
                a, hd = acts[l + 1]; hin = acts[l] if l == 0 else acts[l][1]
                da = dh * masks[l] / (1 - p_h) * a * (1 - a)
                grads[2 * l], grads[2 * l + 1] = hin.T @ da, da.sum(0)
                dh = da @ params[2 * l].T
            for j, (p, gr) in enumerate(zip(params, grads)):
                if j < 2 * L and not train_hidden: continue
                gr = gr + o['weight_decay'] * p
                buf[j] = gr.clone() if buf[j] is None else o['momentum'] * buf[j] + gr
                params[j] = p - lr * buf[j]
            if o['max_norm'] is not None:
                for l in range(L):
                    Wl = params[2 * l]; nrm = Wl.norm(dim=0)  # column j = hidden unit j's incoming weights
                    params[2 * l] = Wl * torch.where(nrm > o['max_norm'], o['max_norm'] / nrm, torch.ones_like(nrm))
            loss_sum += loss.item() * m; wrong += int((z.argmax(1) != y).sum()); step += 1
        recs.append({'train_loss': loss_sum / n, 'train_error': wrong / n, 'lr': lr})
    return params, recs

def ref_eval(params, L, X, Y):
    h = X
    for l in range(L): h = sig(h @ params[2 * l] + params[2 * l + 1])
    z = h @ params[-2] + params[-1]
    return (torch.logsumexp(z, 1) - z[torch.arange(len(z)), Y]).mean().item(), (z.argmax(1) != Y).double().mean().item()

if __name__ == '__main__':
    g = torch.Generator().manual_seed(0)
    X = (torch.rand(83, 10, generator=g, dtype=torch.float64) < 0.4).double()
    Y = (X[:, :3].sum(1) + X[:, 5]).long() % 3
    dbn = DBN([10, 8, 6], n_labels=3, seed=1).double()
    with torch.no_grad():
        for r in dbn.rbms:
            r.W.normal_(0, 0.8, generator=g); r.b.normal_(0, 0.5, generator=g); r.c.normal_(0, 0.5, generator=g)
    # (a) orientation: the MLP's hidden layers are (W^T, c), the top's label rows left out
    mlp = mlp_from_dbn(dbn, n_classes=3, seed=4)
    h_ref = X
    for r, n in zip(dbn.rbms, dbn.sizes): h_ref = sig(h_ref @ r.W[:n] + r.c)
    mlp.eval(); print(json.dumps({'features_vs_ref': (mlp.features(X) - h_ref).abs().max().item(),
                                  'features_vs_dbn_up(first layer)': (sig(mlp.hidden[0](X)) - dbn.up(X)).abs().max().item()}))
    cfgs = [dict(), dict(schedule='linear', weight_decay=1e-2), dict(dropout=0.3), dict(dropout=0.25, input_dropout=0.2, schedule='constant'),
            dict(max_norm=1.5), dict(head_epochs=2, weight_decay=1e-3), dict(head_epochs=1, max_norm=1.0, dropout=0.2), dict(batch=200), dict(momentum=0.0)]
    for cfg in cfgs:
        cfg = dict(cfg); p_in, p_h = cfg.pop('input_dropout', 0.0), cfg.pop('dropout', 0.0)
        o = dict(epochs=4, lr=0.3, batch=16, optimizer='sgd', momentum=0.9, weight_decay=0.0, schedule='cosine', max_norm=None, head_epochs=0); o.update(cfg)
        mlp = mlp_from_dbn(dbn, n_classes=3, dropout=p_h, input_dropout=p_in, seed=4)
        Ws = [l.weight.detach().T.clone() for l in mlp.hidden]; cs = [l.bias.detach().clone() for l in mlp.hidden]
        U, d = mlp.out.weight.detach().T.clone(), mlp.out.bias.detach().clone()
        t = FineTuner(mlp, X, Y, FineTuneOptions(**o), v_valid=X, y_valid=Y, seed=7, device='cpu'); hist = t.run(progress=False)
        params, recs = ref_finetune(Ws, cs, U, d, X, Y, o, p_in, p_h, 7)
        L = len(Ws)
        mine = [t_ for l in mlp.hidden for t_ in (l.weight.detach().T, l.bias.detach())] + [mlp.out.weight.detach().T, mlp.out.bias.detach()]
        vl, ve = ref_eval(params, L, X, Y)
        res = {'cfg': {**cfg, 'dropout': p_h, 'input_dropout': p_in},
               'max_param_diff': max((a - b).abs().max().item() for a, b in zip(mine, params)),
               'param_move': max((a - b).abs().max().item() for a, b in zip(params, Ws + cs + [U, d]) if a.shape == b.shape),
               'max_train_loss_diff': max(abs(h['train_loss'] - r['train_loss']) for h, r in zip(hist, recs)),
               'train_error_diff': max(abs(h['train_error'] - r['train_error']) for h, r in zip(hist, recs)),
               'valid_loss_diff': abs(hist[-1]['valid_loss'] - vl), 'valid_error_diff': abs(hist[-1]['valid_error'] - ve),
               'lr_records': [h['lr'] for h in hist]}
        if o['max_norm']: res['max_row_norm_after'] = max(l.weight.norm(dim=1).max().item() for l in mlp.hidden)
        print(json.dumps(res))
    # (b) dropout is off at eval, and the scaling is inverted: E[train-mode features] = eval features for one layer
    mlp = mlp_from_dbn(dbn, n_classes=3, dropout=0.4, seed=4); mlp.eval()
    e1 = mlp(X); e2 = mlp(X, torch.Generator().manual_seed(1))
    mlp.train(); gen = torch.Generator().manual_seed(2)
    x1 = X[:1].expand(200000, 10)
    a = sig(mlp.hidden[0](x1)); k = (torch.rand(a.shape, generator=gen, dtype=torch.float64) >= 0.4)
    print(json.dumps({'eval_deterministic_diff': (e1 - e2).abs().max().item(),
                      'mc_mean_of_dropped_over_plain_minus_1': ((a * k / 0.6).mean(0) / a[0] - 1).abs().max().item()}))
