"""Work split into pieces to bound the memory (probe 11, benchmarks/results/memory_probe11_2026-12-07/): the pieces give
what the whole gave. The memory itself is measured by the probe's scripts, rerun after each change (`*_after_*.out`)."""
import torch

from dbn_book.rbm import RBM, bernoulli, binary_states
from dbn_book.grbm import GaussianRBM
from dbn_book.dbn import DBN
from dbn_book.ais import dbn_log_likelihood_bound


def test_the_exact_gaussian_expectations_in_pieces_equal_the_whole():
    "m01: every hidden state at once took 2^H x n_visible float64 numbers, several times: +7.9 GB at 18 units of 784."
    m = GaussianRBM(5, 13, seed=0).double() # 2^13 states: two pieces of 2^12
    with torch.no_grad():
        for p in m.params: p.normal_(0, 0.3, generator=torch.Generator().manual_seed(1))
    W, b, c, z = (p.detach() for p in m.params); var = z.exp()
    h = binary_states(13); a = h @ W.T; mean = b + a
    p = torch.softmax(h @ c + ((b * a + a.square() / 2) / var).sum(1), 0)
    whole = ((mean * p[:, None]).T @ h / var[:, None], (p @ a) / var, p @ h, (p @ ((var + a.square()) / 2 - mean * a)) / var)
    for x, y in zip(m.model_expectations(), whole): assert torch.allclose(x, y, rtol=1e-12, atol=1e-14)


def test_the_recognition_weights_of_a_wide_layer_are_its_weights():
    "m03: they were read off an n_visible x n_visible identity, 3.6 GB for a layer of 30,000 units."
    for bottom in (RBM(1100, 3, seed=0), GaussianRBM(1100, 3, seed=0)):
        d = DBN.from_rbms([bottom, RBM(3, 2, seed=1)])
        (W, c), _ = d.recognition_weights()
        assert torch.allclose(W, bottom.W / (bottom.var[:, None] if isinstance(bottom, GaussianRBM) else 1), rtol=1e-6, atol=0)
        assert torch.equal(c, bottom.c)


def test_the_bound_in_pieces_is_the_bound_row_by_row():
    "m02: all rows' samples of Q at once: +4.2 GB for the 10,000 MNIST test digits, about 25 GB for the 60,000."
    d = DBN([6, 5, 4], n_labels=2, seed=0)
    with torch.no_grad():
        for p in d.parameters(): p.normal_(0, 1, generator=torch.Generator().manual_seed(2))
    v = bernoulli(torch.full((7, 6), 0.4), torch.Generator().manual_seed(3))
    pieces = dbn_log_likelihood_bound(d, v, 1.5, n_samples=3, generator=torch.Generator().manual_seed(0), chunk=1) # one row per pass
    g = torch.Generator().manual_seed(0)
    rows = torch.cat([dbn_log_likelihood_bound(d, v[i:i + 1], 1.5, n_samples=3, generator=g) for i in range(len(v))])
    assert torch.equal(pieces, rows) and pieces.shape == (7,)
