"Bad input to the library's functions gets an error that names the argument, not an AttributeError or an empty stack from inside torch."
import numpy as np, torch
from fastcore.test import test_fail as fails
import dbn_book as D
from dbn_book.data import show_digits, mnist_tensors
from dbn_book.cd import filter_images, RBMTrainer, CDOptions
from dbn_book.ais import ais_log_weights, linear_betas
from dbn_book.grbm import GaussianRBM


def test_enumeration_chunks_must_be_positive():
    r, g = D.RBM(6, 4, seed=0), GaussianRBM(3, 4, seed=0)
    for bad in (0, -5, 2.5):
        fails(lambda: r.log_partition_exact(chunk=bad), contains='chunk must be an integer >= 1')
        fails(lambda: g.log_partition_exact(chunk=bad), contains='chunk must be an integer >= 1')
    assert torch.allclose(r.log_partition_exact(chunk=3), r.log_partition_exact()) # small chunks still sum every state


def test_figures_take_numpy_and_refuse_other_shapes():
    v = (np.random.default_rng(0).random((4, 784)) < 0.5).astype(np.float32)
    assert show_digits(v) is not None # numpy's arrays as tensors
    fails(lambda: show_digits(v[0]), contains='one 784-pixel row each; got shape (784,)')
    W = np.random.default_rng(0).normal(size=(784, 5)).astype(np.float32)
    assert filter_images(W, n=3).shape == (3, 784)
    fails(lambda: filter_images(torch.zeros(784)), contains='W must be a matrix, one column per hidden unit; got shape (784,)')


def test_wrong_types_are_named():
    dbn = D.DBN([6, 4, 3], seed=0)
    fails(lambda: dbn.down([[0., 1., 0., 1.]]), contains='h must be of type Tensor, got list')
    r = D.RBM(6, 4, seed=0)
    fails(lambda: ais_log_weights(r, r.base_model(), linear_betas(3), generator=5), contains='generator must be of type Generator, got int')
    fails(lambda: mnist_tensors('mnist'), contains='ds must be of type MNIST, got str')


def test_a_damaged_trainer_state_is_named_and_nothing_loads():
    v = (torch.rand(40, 6, generator=torch.Generator().manual_seed(0)) < 0.5).float()
    t = RBMTrainer(D.RBM(6, 4, seed=0), v, CDOptions(epochs=2, batch=10), seed=0); t.run(1, progress=False)
    state, before = t.state_dict(), t.state_dict()
    for key, bad in [('epoch', '1'), ('step', None), ('history', 'x'), ('generator', [1, 2]), ('options', 'x')]:
        fresh = RBMTrainer(D.RBM(6, 4, seed=1), v, CDOptions(epochs=2, batch=10), seed=1)
        fails(lambda: fresh.load_state_dict({**state, key: bad}), contains=f'RBMTrainer state is damaged: {key} missing or of the wrong type')
        assert fresh.epoch == 0 and not torch.equal(fresh.rbm.W, t.rbm.W) # refused before anything loaded
    assert RBMTrainer(D.RBM(6, 4, seed=1), v, CDOptions(epochs=2, batch=10), seed=1).load_state_dict(before).epoch == 1 # the whole state still loads
