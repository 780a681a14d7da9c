"""Benchmark: would label-clamped samples read better if the top RBM were sampled colder, and if not, why not?

    OMP_NUM_THREADS=1 nice python benchmarks/temperature.py benchmarks/out/top_pcd@90_seed0.pt [...] --data ../shared/data/mnist \\
        --betas 1 1.1 1.2 --n_per_digit 50 --k 1000 | tee -a benchmarks/results/temperature.txt

Sampling the top RBM at inverse temperature beta means drawing from P(v, h)^beta / Z_beta = exp(-beta E) / Z_beta. The
energy is linear in W, b and c, so beta E is the energy of the same RBM with W, b and c multiplied by beta: the chains
of that scaled RBM sample it exactly, and the directed layers below pass its states down unchanged. beta > 1 is colder
(the chains favour low energy more), beta < 1 warmer.

For each checkpoint and beta, label-clamped chains (k Gibbs steps, then one pass down, pixel probabilities as in
generation.py) start
  (a) from noise, as dbn_sample and generation.py start them, and
  (b) from the up-pass of validation digits (training images 50,000..59,999, which no DBN here trained on) of the
      clamped class: if the chains leave their own digit's states even from there, the clamped class's digits are not
      where P^beta puts its mass; if they stay, (a)'s failures are chains that never reach them.
The share that the independent CNN judge (benchmarks/judge.py, trained on training images 0..49,999) reads as the
clamped digit is printed per digit and overall. The checkpoints are DBNs written by dbn_train --save (or by
top_rbm_recipes.py).

Why a set of states A (say, the codes of ones, with the label of one clamped) gains or loses share as beta rises:
P_beta(A) = sum over x in A of exp(-beta E(x)) / Z_beta, so d/dbeta log P_beta(A) / P_beta(B) = <E>_B - <E>_A, the
mean energies (at beta) of the states in B and in A. A set whose states have the higher mean energy loses share to the
other when the chains are cooled. So each row also prints, per digit d, dE = <E>_A - <E>_B over the chains clamped to
d, A the chains the judge reads as d and B the others (at least 3 in each; '-' otherwise), E the top RBM's energy of the
final visible state with h averaged out under P(h | x) (the original top RBM's, not the scaled one's). dE > 0 says
the clamped digit's own states lie higher: cooling drains them. Each row is also appended to --jsonl.
"""
import argparse, copy, json, math, sys, time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from judge import N_JUDGE_TRAIN, get_judge, judge_predict # noqa: E402

from dbn_book import DBN
from dbn_book.data import MNISTDataError, load_mnist, mnist_tensors


def positive(s):
    x = float(s)
    if not (math.isfinite(x) and x > 0): raise argparse.ArgumentTypeError(f"a beta must be a positive number, got {s}")
    return x


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('checkpoints', nargs='+', metavar='CKPT')
    p.add_argument('--data', required=True, metavar='FOLDER', help='the folder of the four MNIST IDX files')
    p.add_argument('--betas', type=positive, nargs='+', default=[1.0, 1.1, 1.2])
    p.add_argument('--n_per_digit', type=int, default=50)
    p.add_argument('--k', type=int, default=1000, help='Gibbs steps in the top RBM')
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--threads', type=int, default=1)
    p.add_argument('--jsonl', default=str(Path(__file__).parent / 'results' / 'temperature.jsonl'), metavar='PATH',
                   help='append one JSON record per row here (default: benchmarks/results/temperature.jsonl)')
    a = p.parse_args()
    if a.n_per_digit < 1 or a.k < 0 or a.seed < 0 or a.threads < 1: p.error("--n_per_digit and --threads must be >= 1, --k and --seed >= 0")
    for c in a.checkpoints:
        if not Path(c).is_file(): p.error(f"checkpoint {c} does not exist")
    torch.set_num_threads(a.threads)
    try: ds = load_mnist(a.data, download=False)
    except MNISTDataError as e: p.error(str(e))
    if len(ds.x_train) != 60000: p.error(f"needs the full MNIST, got {ds}")
    judge, _ = get_judge(ds, threads=a.threads, log=lambda s: None)
    v_all, y_all, _, _ = mnist_tensors(ds) # binarised by sampling, seed 0, as the DBNs' data
    v_va, y_va = v_all[N_JUDGE_TRAIN:], y_all[N_JUDGE_TRAIN:]
    labels = torch.arange(10).repeat_interleave(a.n_per_digit)
    starts = torch.cat([v_va[y_va == d][:a.n_per_digit] for d in range(10)]) # the first n validation digits of each class
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; torch {torch.__version__}, {torch.get_num_threads()} threads; "
          f"{a.n_per_digit} chains per digit, k = {a.k}, sampling seed {a.seed}; agreement (%) per digit 0..9 and overall")
    started = time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())
    for c in a.checkpoints:
        base = DBN.load(c)
        check_sampler(base, starts[::a.n_per_digit], a.seed)
        for beta in a.betas:
            dbn = copy.deepcopy(base)
            with torch.no_grad():
                for name in ('W', 'b', 'c'): getattr(dbn.top, name).copy_(beta * getattr(base.top, name))
            for start, v_start in (('noise', None), ('own digits', starts)):
                t = time.perf_counter()
                x, images = draw(dbn, labels, a.k, v_start, torch.Generator().manual_seed(a.seed))
                read = judge_predict(judge, images)
                ok = (read == labels).float().view(10, -1).mean(1) * 100
                energy = mean_energy(base.top, x) # the original model's energy, h averaged out
                d_e = []
                for d in range(10):
                    mine, own = labels == d, read == d
                    a_set, b_set = energy[mine & own], energy[mine & ~own]
                    d_e.append((a_set.mean() - b_set.mean()).item() if min(len(a_set), len(b_set)) >= 3 else None)
                print(f"{Path(c).stem:24s} beta {beta:<5g} from {start:10s}  " + " ".join(f"{x:5.1f}" for x in ok.tolist()) +
                      f"  {ok.mean().item():5.1f}   ({time.perf_counter() - t:.0f} s)", flush=True)
                print(f"{'':24s} {'':10s} {'dE, own - other':15s} " + " ".join('    -' if e is None else f"{e:5.0f}" for e in d_e), flush=True)
                rec = dict(started=started, checkpoint=Path(c).name, beta=beta, start=start, k=a.k, n_per_digit=a.n_per_digit,
                           seed=a.seed, agreement_per_digit=ok.tolist(), agreement=ok.mean().item(), delta_energy_per_digit=d_e)
                with open(a.jsonl, 'a') as f: f.write(json.dumps(rec) + '\n') # one whole line per write, as classification_retrain.py appends


def draw(dbn, labels, k, v_start, g):
    "dbn.sample(len(labels), k, labels, v_start, g, mean=True), step for step, keeping the top RBM's last visible state x."
    top, n_pen = dbn.top, dbn.sizes[-2]
    clamp = torch.nn.functional.one_hot(labels, dbn.n_labels).to(top.W.dtype)
    x = top.draw_v(top.v_mean(top.W.new_zeros(len(labels), top.n_hidden), check=False), g) # noise, as DBN.sample_frames
    if v_start is not None: x[:, :n_pen] = dbn.up(v_start, sample=True, generator=g)
    x[:, n_pen:] = clamp
    x = top.gibbs_chain(x, k, g, clamp=clamp).v
    return x, dbn.down(x[:, :n_pen].contiguous(), g, mean=True)


def check_sampler(dbn, v_start, seed):
    "draw() must be DBN.sample: the same samples from the same seed (a short run, from noise and from digits)."
    labels = torch.arange(10)
    for vs in (None, v_start):
        mine = draw(dbn, labels, 5, vs, torch.Generator().manual_seed(seed))[1]
        theirs = dbn.sample(10, k=5, labels=labels, v_start=vs, generator=torch.Generator().manual_seed(seed), mean=True)
        if not torch.equal(mine, theirs): sys.exit("temperature.py: error: draw() no longer follows DBN.sample; update it")


def mean_energy(rbm, x):
    "E over P(h | x) of the RBM's energy E(x, h) = visible energy - h' (hidden input): one value per row of x."
    a = rbm.hidden_input(x)
    return (rbm.visible_energy(x) - (a * torch.sigmoid(a)).sum(1)).double()


if __name__ == '__main__':
    main()
