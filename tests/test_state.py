"""State that must be neither shared nor stale (probe 8, benchmarks/results/state_probe8_2026-12-07/): what a call returns
is the caller's to edit, derived numbers follow the model, and seeded calls leave torch's global generator alone."""
import torch

from dbn_book.core import cpu_copy
from dbn_book.rbm import RBM, bernoulli
from dbn_book.cd import CDOptions
from dbn_book.dbn import DBN, DBNTrainer, DBNOptions
from dbn_book.finetune import MLP, mlp_from_dbn
from dbn_book.updown import UpDownTrainer, UpDownOptions

v = bernoulli(torch.full((40, 6), 0.4), torch.Generator().manual_seed(0))


def test_recognition_weights_are_copies():
    "f01: W' was a copy and c the RBM's own Parameter, so editing the returned c moved the DBN."
    d = DBN([6, 4, 3], seed=0); before = cpu_copy(d.state_dict())
    for W, c in d.recognition_weights(): W += 1; c += 1
    assert all(torch.equal(a, b) for a, b in zip(before.values(), d.state_dict().values()))


def test_a_dbn_trainer_state_is_a_copy():
    "f02: DBNTrainer.state_dict() returned the trainer's own option dicts and code generator states."
    def trainer(): return DBNTrainer(DBN([6, 4, 3], seed=0), v, options=DBNOptions(layers=CDOptions(epochs=2, batch=10)), seed=0, device='cpu')
    t = trainer(); t.run(3, progress=False)
    s = t.state_dict(); s['options']['layers'][0]['lr'] = 0.5; s['code_rng'][0].zero_()
    assert t.options['layers'][0]['lr'] == CDOptions().lr and t.code_rng[0].any()
    trainer().load_state_dict(t.state_dict()) # before: 'made with other options: layers[0].lr 0.5 there'


def test_greedy_training_refuses_a_dbn_untied_after_its_trainer_was_built():
    "f03: an UpDownTrainer on the same DBN unties it; greedy training then went on and left the generative weights behind."
    d = DBN([6, 4, 3], seed=0)
    t = DBNTrainer(d, v, options=DBNOptions(layers=CDOptions(epochs=2, batch=10)), seed=0, device='cpu'); t.run(1, progress=False)
    UpDownTrainer(d, v, options=UpDownOptions(epochs=1, batch=10), seed=0, device='cpu')
    assert not d.tied
    before = cpu_copy(d.state_dict())
    try: t.run(progress=False); assert False, "greedy training went on with an untied DBN"
    except ValueError as e: assert "generative weights are untied" in str(e)
    assert all(torch.equal(a, b) for a, b in zip(before.values(), d.state_dict().values())) and t.epoch == 1


def test_sizes_and_labels_follow_the_rbms(tmp_path):
    "f05: sizes and n_labels were computed once, so an RBM appended to dbn.rbms left them stale (a one-layer MLP, a checkpoint that did not load)."
    d = DBN([6, 4], seed=0); d.rbms.append(RBM(4 + 2, 3, n_softmax=2, seed=0))
    assert (d.sizes, d.n_labels) == ([6, 4, 3], 2) and mlp_from_dbn(d, 2, seed=0).sizes == [6, 4, 3]
    e = DBN.load(d.save(tmp_path / 'd.pt'))
    assert (e.sizes, e.n_labels) == (d.sizes, 2) and all(torch.equal(a, b) for a, b in zip(d.state_dict().values(), e.state_dict().values()))


def test_a_seeded_mlp_leaves_the_global_generator_alone():
    "f06: nn.Linear's own initialisation drew from torch's global generator before the seeded one replaced it."
    torch.manual_seed(0); state = torch.get_rng_state()
    a = MLP([6, 4, 3], 2, seed=1)
    assert torch.equal(torch.get_rng_state(), state)
    b = MLP([6, 4, 3], 2, generator=torch.Generator().manual_seed(1))
    assert all(torch.equal(p, q) for p, q in zip(a.parameters(), b.parameters()))


def test_a_zca_map_of_float64_rows_inverts_and_raise_answers_on_the_models_device():
    "Probe 10: fit_zca kept its dropped columns' values in float32, so inverting a map of float64 rows failed (index_put's dtypes), "
    "on any device; RAISE of no rows answered on the CPU whatever the model's device (checked here for the dtype and the device)."
    from dbn_book.data import fit_zca
    from dbn_book.ais import raise_log_likelihood, sm_betas
    x = torch.randn(200, 3, dtype=torch.float64, generator=torch.Generator().manual_seed(0)) * torch.tensor([1., 2., 3.], dtype=torch.float64)
    m = fit_zca(x)
    assert torch.allclose(m.inverse(m(x)), x, atol=1e-4) and m.inverse(m(x)).dtype == torch.float64
    out = raise_log_likelihood(RBM(6, 3, seed=0), torch.zeros(0, 6), betas=sm_betas(10))
    assert out.shape == (0,) and out.dtype == torch.float64 and out.device == torch.device('cpu')


def test_samplers_draw_where_their_generator_lives(monkeypatch):
    "Probe 10's G4, for the samplers: a CPU generator with a model on a GPU failed inside torch ('Expected a 'cuda' device type "
    "for generator but found 'cpu''). No GPU here: torch's rule is emulated on the meta device, whose tensors stand for the "
    "GPU's; torch.rand and torch.randn refuse a generator of another kind than the device they draw on, as CUDA's do."
    from dbn_book.rbm import sample_softmax
    from dbn_book.grbm import GaussianRBM
    for name in ('rand', 'randn'):
        real = getattr(torch, name)
        def strict(*shape, generator=None, device=None, real=real, **kw):
            if generator is not None and torch.device(device or 'cpu').type != generator.device.type:
                raise RuntimeError(f"Expected a '{torch.device(device).type}' device type for generator but found '{generator.device.type}'")
            return real(*shape, generator=generator, device=device, **kw)
        monkeypatch.setattr(torch, name, strict)
    g, p = torch.Generator().manual_seed(0), torch.full((3, 4), 0.5, device='meta') # rows on the 'GPU'
    assert bernoulli(p, g).device.type == 'meta' and sample_softmax(p, g).device.type == 'meta'
    assert GaussianRBM(4, 2, seed=0).to('meta').draw_v(p, g).device.type == 'meta'
    mlp = MLP([4, 3], 2, dropout=0.5, seed=0).to('meta').train()
    assert mlp.features(p, g).device.type == 'meta'
    try: torch.rand(2, generator=g, device='meta'); assert False, "the emulated rule let a CPU generator draw on the 'GPU'"
    except RuntimeError as e: assert "device type for generator" in str(e)
