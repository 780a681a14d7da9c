"""Probe 13, item 3: predict_labels and match_label_prior / label_marginal against brute-force enumeration.

predict_labels promises: for each row, the label whose one-hot vector gives the top RBM the lowest free energy, with the
top's input h = dbn.up(v) (mean-field recognition pass).  Reference: F(x, y) = -log sum_h exp(-E(x, y, h)) by
enumerating the 2^n_h hidden states; argmin over y.  Also log P(y | x) under the top RBM from the same sums.

match_label_prior promises: d_y += log(q(y)/P(y)) so that the model's P(y) becomes q(y).  Reference: exact P(y) of the
top RBM = sum over (x, h) states, by enumeration (x binary, y one-hot).
"""
import itertools, math, json, torch
torch.set_num_threads(1)
from dbn_book.dbn import DBN, predict_labels
from dbn_book.sampling import label_marginal, match_label_prior

def states(n): return torch.tensor(list(itertools.product([0., 1.], repeat=n)), dtype=torch.float64)

def top_parts(top, n_lab):
    W, b, c = top.W.double(), top.b.double(), top.c.double()
    return W[:-n_lab], W[-n_lab:], b[:-n_lab], b[-n_lab:], c  # W_x, U, b_x, d, c

def free_energy_brute(top, n_lab, x, y):
    Wx, U, bx, d, c = top_parts(top, n_lab)
    H = states(top.n_hidden)                                              # (S, nh)
    negE = (x @ bx)[:, None] + d[y][:, None] + (H @ c)[None] + (x @ Wx @ H.T) + (U[y] @ H.T)  # (rows, S)
    return -torch.logsumexp(negE, 1)

def exact_label_marginal(top, n_lab):
    Wx, U, bx, d, c = top_parts(top, n_lab)
    X, H = states(Wx.shape[0]), states(top.n_hidden)
    out = []
    for y in range(n_lab):
        negE = (X @ bx)[:, None] + d[y] + (H @ c)[None] + X @ Wx @ H.T + (U[y] @ H.T)[None]
        out.append(torch.logsumexp(negE.flatten(), 0))
    lz = torch.stack(out)
    return (lz - torch.logsumexp(lz, 0)).exp()

if __name__ == '__main__':
    g = torch.Generator().manual_seed(0)
    res = {}
    for dtype in (torch.float64, torch.float32):
        dbn = DBN([9, 6, 7], n_labels=4, seed=1).to(dtype)
        with torch.no_grad():
            for r in dbn.rbms: r.W.normal_(0, 1.0, generator=g); r.b.normal_(0, 0.7, generator=g); r.c.normal_(0, 0.7, generator=g)
        V = (torch.rand(100, 9, generator=g) < 0.5).to(dtype)
        pred = predict_labels(dbn, V)
        x = dbn.up(V).double()
        F = torch.stack([free_energy_brute(dbn.top, 4, x, torch.full((100,), j)) for j in range(4)], 1)
        pkg_F = torch.stack([dbn.top.free_energy(dbn.top_input(dbn.up(V), torch.full((100,), j))) for j in range(4)], 1).double()
        res[str(dtype)] = {'pred_disagree': int((pred != F.argmin(1)).sum()), 'max_F_diff': (pkg_F - F).abs().max().item(),
                           'min_gap_between_best_two_F': (F.sort(1).values[:, 1] - F.sort(1).values[:, 0]).min().item()}
    print(json.dumps({'predict_labels': res}))

    # the label prior, on a float64 top RBM of 6 + 4 visible units and 5 hidden units
    dbn = DBN([8, 6, 5], n_labels=4, seed=2).double()
    with torch.no_grad():
        t = dbn.top; t.W.normal_(0, 1.2, generator=g); t.b.normal_(0, 0.5, generator=g); t.c.normal_(0, 0.5, generator=g)
        t.b[-4:] = torch.tensor([1.5, -1.0, 0.3, 0.0], dtype=torch.float64)
    P0 = exact_label_marginal(dbn.top, 4)
    est = label_marginal(dbn, generator=torch.Generator().manual_seed(3))
    y = torch.tensor([0] * 10 + [1] * 40 + [2] * 30 + [3] * 20)
    q = torch.bincount(y, minlength=4).double() / len(y)
    seen = match_label_prior(dbn, y, rounds=1, generator=torch.Generator().manual_seed(3))
    P1 = exact_label_marginal(dbn.top, 4)
    # the same shift made with the exact marginal instead of chains: the algebra's promise
    dbn2 = DBN([8, 6, 5], n_labels=4, seed=2).double(); dbn2.load_state_dict(dbn.state_dict())
    with torch.no_grad(): dbn2.top.b[-4:] -= torch.log(q / seen[0])   # undo the chain shift
    with torch.no_grad(): dbn2.top.b[-4:] += torch.log(q / exact_label_marginal(dbn2.top, 4))
    P2 = exact_label_marginal(dbn2.top, 4)
    # repeated estimates, to size the chain noise of label_marginal
    reps = torch.stack([label_marginal(dbn2, generator=torch.Generator().manual_seed(s)) for s in range(10, 16)])
    print(json.dumps({'exact_P_before': P0.tolist(), 'label_marginal_est': est.tolist(), 'est_minus_exact_max': (est - P0).abs().max().item(),
                      'match_seen_equals_est': (seen[0] - est).abs().max().item(), 'q': q.tolist(),
                      'exact_P_after_match': P1.tolist(), 'after_minus_q_max': (P1 - q).abs().max().item(),
                      'exact_shift_after_minus_q_max': (P2 - q).abs().max().item(),
                      'label_marginal_on_exact_matched_model_mean_of_6': reps.mean(0).tolist(),
                      'label_marginal_sd_of_6': reps.std(0).tolist()}))
