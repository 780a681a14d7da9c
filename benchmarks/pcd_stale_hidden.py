"""Timing only: one epoch (300 mini-batches of 100) of PCD-1 on the default DBN's top RBM (510 x 2000, fresh weights) as
RBMTrainer runs Algorithm 18.3, the chains' P(h | v) computed with the current weights at each update, against keeping it
from the previous update's negative statistics (computed with the weights before that update's step), as the
deeplearning.net tutorial's PCD keeps its chains' hidden state: one matrix product fewer per update (5 instead of 6).
Alternated in each round; the variant is not in the package.

    nice python benchmarks/pcd_stale_hidden.py [ROUNDS] [--data FOLDER]
"""
import os, time, torch, sys
from dbn_book import DBN
from dbn_book.cd import CDOptions, RBMTrainer
from dbn_book.data import load_mnist, mnist_tensors
torch.set_num_threads(2)
v, y, *_ = mnist_tensors(load_mnist(sys.argv[sys.argv.index('--data') + 1] if '--data' in sys.argv else os.environ.get('DBN_BOOK_DATA'), download=False), 'sample', 0)
B = 300
dbn = DBN([784, 500, 500, 2000], n_labels=10, v_data=v, seed=0)
with torch.no_grad(): x = dbn.top_input(dbn.rbms[1].p_h(dbn.rbms[0].p_h(v[:B * 100])), y[:B * 100])

class Stale(RBMTrainer):
    ph = None
    def update(self, v0, eps, mu):
        model, o = self.rbm, self.o
        ph0 = model.p_h(v0, check=False)
        neg = model.gibbs_chain(self.chains, o.k, self.g, p_h=self.ph)
        self.chains, self.ph = neg.v, neg.p_h
        model.add_gradient_(self.velocity, (v0, ph0), (neg.v, neg.p_h), model.step_rates(eps, o), mu)
        self.velocity[0].add_(model.W, alpha=-eps * o.weight_decay)
        for p, m in zip(model.params, self.velocity): p.add_(m)
        return neg
import copy
print(f"command: python {' '.join(sys.argv)}   ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.2f}); torch {torch.__version__}, {torch.get_num_threads()} threads", flush=True)
times = {'now': [], 'stale': []}
for r in range(int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 5):
    for name in (('now', 'stale') if r % 2 == 0 else ('stale', 'now')):
        cls = RBMTrainer if name == 'now' else Stale
        t = cls(copy.deepcopy(dbn.top), x, CDOptions(epochs=1, lr=0.01, method='pcd', schedule='linear'), seed=0, device='cpu')
        t0 = time.perf_counter(); t.run_epoch(); times[name].append(time.perf_counter() - t0)
    print(f"round {r+1}: now {times['now'][-1]:.2f} s, stale p_h {times['stale'][-1]:.2f} s", flush=True)
med = {k: sorted(x)[len(x)//2] for k, x in times.items()}
print(f"median: now {med['now']:.2f} s, stale {med['stale']:.2f} s, now/stale {med['now']/med['stale']:.3f}")
