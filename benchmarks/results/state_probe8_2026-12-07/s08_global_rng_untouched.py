"Given a seed or a generator, does any call still draw from torch's global generator (which would make a user's other random numbers depend on it)? And the same generator state gives the same numbers."
import numpy as np
from _common import *
from dbn_book.cd import RBMTrainer, CDOptions, sample_chains, cd_grad, pcd_grad, reconstruction_error, rbm_figure
from dbn_book.dbn import DBNTrainer, DBNOptions, train_dbn, predict_labels
from dbn_book.updown import UpDownTrainer, UpDownOptions, up_down_step
from dbn_book.finetune import MLP, FineTuner, FineTuneOptions, mlp_from_dbn
from dbn_book.sampling import label_marginal, match_label_prior
from dbn_book.ais import ais_log_partition, raise_log_likelihood, dbn_log_likelihood_bound, linear_betas
from dbn_book.grbm import GaussianRBM
from dbn_book.langevin import gibbs_langevin_chain
from dbn_book.data import binarize, dequantize, image_patches
from dbn_book.sklearn import RBMTransformer, DBNClassifier

v, y = data()
G = lambda s=0: torch.Generator().manual_seed(s)
rbm = RBM(8, 5, seed=0)
dbn = DBN([8, 5, 3], n_labels=3, seed=0)
grbm = GaussianRBM(3, 2, seed=0)
X = v.numpy()
mlps = [MLP([8, 5], 3, dropout=0.5, input_dropout=0.2, seed=0) for _ in range(2)]  # built beforehand: MLP() itself is f06

calls = {
 'RBM(seed)': lambda: RBM(8, 5, seed=1).W,
 'DBN(seed, v_data)': lambda: DBN([8, 5, 3], n_labels=3, v_data=v, seed=1).rbms[0].W,
 'MLP(seed)': lambda: MLP([8, 5], 3, seed=1).out.weight,
 'mlp_from_dbn(seed)': lambda: mlp_from_dbn(dbn, 3, seed=1).out.weight,
 'rbm.sample_h(g)': lambda: rbm.sample_h(v, G()),
 'rbm.gibbs(g)': lambda: rbm.gibbs(v, 3, G()),
 'sample_chains(g)': lambda: sample_chains(rbm, 4, (1, 5), G())[-1],
 'cd_grad(g)': lambda: cd_grad(rbm, v, 2, G())[0],
 'pcd_grad(g)': lambda: pcd_grad(rbm, v, v[:7], 2, G()).chains,
 'reconstruction_error': lambda: torch.tensor(reconstruction_error(rbm, v)),
 'RBMTrainer(seed).run': lambda: (t := RBMTrainer(RBM(8, 5, seed=0), v, CDOptions(epochs=1, batch=20, method='pcd'), seed=0), t.run(progress=False), t.rbm.W)[-1],
 'train_dbn(seed)': lambda: (d := DBN([8, 5, 3], n_labels=3, seed=0), train_dbn(d, v, y, epochs=1, batch=20, up='sample', seed=0, progress=False), d.top.W)[-1],
 'UpDownTrainer(seed).run': lambda: (d := DBN([8, 5, 3], n_labels=3, seed=0), UpDownTrainer(d, v, y, UpDownOptions(epochs=1, batch=20, method='pcd'), seed=0).run(progress=False), d.top.W)[-1],
 'up_down_step(g)': lambda: (d := copy.deepcopy(dbn).untie(), up_down_step(d, v[:10], y[:10], generator=G()), d.top.W)[-1],
 'FineTuner(seed).run dropout (MLP built before)': lambda: (m := mlps.pop(), FineTuner(m, v, y, FineTuneOptions(epochs=1, batch=20), seed=0).run(progress=False), m.out.weight)[-1],
 'dbn.sample(g)': lambda: dbn.sample(5, k=3, labels=1, generator=G()),
 'dbn.sample(v_start, g)': lambda: dbn.sample(5, k=3, v_start=v[:5], generator=G()),
 'dbn.up(sample, g)': lambda: dbn.up(v, sample=True, generator=G()),
 'predict_labels': lambda: predict_labels(dbn, v),
 'label_marginal(g)': lambda: label_marginal(dbn, 20, 30, 10, G()),
 'match_label_prior(g)': lambda: match_label_prior(copy.deepcopy(dbn), y, generator=G(), n=20, steps=30, burn=10),
 'ais_log_partition(g)': lambda: torch.tensor(ais_log_partition(rbm, 10, linear_betas(50), generator=G()).log_z),
 'raise_log_likelihood(g)': lambda: raise_log_likelihood(rbm, v[:5], linear_betas(30), generator=G()),
 'dbn_log_likelihood_bound(g)': lambda: dbn_log_likelihood_bound(dbn, v[:5], 3.0, 4, G()),
 'gibbs_langevin_chain(g)': lambda: gibbs_langevin_chain(grbm, torch.randn(4, 3, generator=G(1)), 3, generator=G()).v,
 'binarize(g)': lambda: binarize(torch.rand(5, 8, generator=G(2)), generator=G()),
 'binarize()': lambda: binarize(torch.rand(5, 8, generator=G(2))),
 'dequantize(g)': lambda: dequantize(torch.randint(0, 255, (5, 8), dtype=torch.uint8, generator=G(2)), G()),
 'image_patches(g)': lambda: image_patches([torch.rand(20, 20, generator=G(2))], 4, 10, generator=G()),
 'RBMTransformer(random_state).fit': lambda: torch.from_numpy(RBMTransformer(4, n_iter=1, random_state=0).fit(X).components_.copy()),
 'DBNClassifier(random_state).fit': lambda: torch.from_numpy(DBNClassifier((4,), pretrain_epochs=1, epochs=1, batch_size=20, random_state=0).fit(X, y.numpy()).predict_proba(X)),
}
for name, f in calls.items():
    torch.manual_seed(123); s0 = torch.get_rng_state(); a = f(); touched = not torch.equal(torch.get_rng_state(), s0)
    torch.manual_seed(999); b = f()  # same seed/generator, another global state: same numbers?
    report(f"{name}: leaves torch's global generator alone, same numbers under another global state", not touched and torch.equal(a, b),
           f"global touched={touched}, reproducible={torch.equal(a, b)}")
