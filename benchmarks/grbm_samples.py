"""Benchmark: do Gaussian-Bernoulli models of MNIST's grey levels generate digits? Samples judged by the independent CNN
of benchmarks/judge.py, beside their test log-likelihoods.

    OMP_NUM_THREADS=1 nice python benchmarks/grbm_samples.py --data ../shared/data/mnist --label main \\
        | tee benchmarks/results/grbm_samples_main.txt

Data: training images 0..n_train-1, dequantized ((pixel + u)/256) and standardised per pixel (chapter 9), constant
pixels dropped; monitors on validation images 50,000..50,999; validation log-likelihoods on
the same 1,000; test log-likelihoods on test images 0..1,999.
Models (chapter 9's recipes, one run each, no choice is made here, so nothing is tuned on the test digits):
  grbm, CD-k: GaussianRBM(n_kept, hidden), CD-k, lr 1e-3, lr_var 1e-4, min_var 1e-2, `epochs` epochs (train_rbm),
              for each k of --first_k (default 1 and 10)
  dbn, CD-k / CD-k2: DBN.from_rbms([GaussianRBM(n_kept, hidden), RBM(hidden, hidden)]): the same first layer (checked bit for bit), a
              binary RBM above it (CD-k2 for each k2 of --top_k, default 1 and 10; lr 0.05), train_dbn
For each model, n_samples chains from noise run k Gibbs steps (the DBN: in its top RBM, then one pass down); the
samples are the means b + W h mapped back to grey levels in [0, 1] and given to the judge, which was trained on training
images 0..49,999 only. Reported: the share of samples the judge reads with confidence >= 0.9, the judge's class
histogram, its entropy (log2 10 = 3.32 bits for ten equal classes), and the mean pairwise distance of the samples over
that of real test digits (diversity). The same numbers for n_samples real test digits calibrate the scale.
Log-likelihoods: the GRBM's by AIS (100 chains, sm_betas(ais_steps)), the DBN's variational lower bound with its top RBM's
log Z by AIS; both per standardised digit, and the independent-Gaussian baseline. Both are repeated with 10 x ais_steps:
AIS underestimates log Z on average, so a longer run that raises log Z shows the shorter one's bias. The table shows the
longer run's numbers. For the Gaussian RBMs, RAISE (a conservative estimate: too low on average) runs on the first
n_raise test digits, beside AIS's number for the same digits; together they bracket the test log-likelihood. The DBN's
number is a lower bound already, but its top RBM's log Z comes from AIS alone.
"""
import argparse, json, os, platform, sys, time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from judge import get_judge, judge_probs # noqa: E402

from dbn_book import DBN, RBM, train_dbn
from dbn_book.ais import ais_log_partition, raise_log_likelihood, dbn_log_likelihood_bound, sm_betas
from dbn_book.cd import train_rbm, sample_chains
from dbn_book.core import atomic_write
from dbn_book.data import load_mnist, local_mnist_folder
from dbn_book.grbm import GaussianRBM
from dbn_book.data import dequantize, fit_standardizer

RESULTS = Path(__file__).parent / 'results'


def log(s=''): print(s, flush=True)


def grey_splits(ds, n_train:int=20000, seed:int=0) -> tuple:
    """(standardiser, training, validation, test rows): training images 0..n_train-1, validation 50,000..50,999 and test
    0..1,999, dequantized in that order from one generator seeded `seed`, standardised on the training rows (chapter 9)."""
    g = torch.Generator().manual_seed(seed)
    x_fit = dequantize(ds.x_train[:n_train].reshape(-1, 784), g)
    x_val = dequantize(ds.x_train[50000:51000].reshape(-1, 784), g)
    x_test = dequantize(ds.x_test[:2000].reshape(-1, 784), g)
    std = fit_standardizer(x_fit, min_std=1 / 256)
    return std, std(x_fit), std(x_val), std(x_test)


def judge_stats(judge, x, real_dist=None):
    "Judge numbers for rows x of grey levels in [0, 1]."
    p = judge_probs(judge, x)
    hist = torch.bincount(p.argmax(1), minlength=10)
    q = hist.double() / hist.sum()
    entropy = abs(-(q[q > 0] * q[q > 0].log2()).sum().item()) # abs: no -0.00
    dist = torch.pdist(x.double()).mean().item()
    return dict(confident_pct=100 * (p.max(1).values >= 0.9).float().mean().item(), histogram=hist.tolist(),
                entropy_bits=entropy, classes_over_2pct=int((q >= 0.02).sum()), mean_distance=dist,
                diversity=None if real_dist is None else dist / real_dist)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', default=None, help='folder with the four MNIST IDX files (default: DBN_BOOK_DATA)')
    ap.add_argument('--n_train', type=int, default=20000)
    ap.add_argument('--hidden', type=int, default=200)
    ap.add_argument('--epochs', type=int, default=15)
    ap.add_argument('--first_k', type=int, nargs='+', default=[1, 10], help="the first layer's CD-k: a GaussianRBM each")
    ap.add_argument('--top_k', type=int, nargs='+', default=[1, 10], help="the top RBM's CD-k: a DBN on each first layer each")
    ap.add_argument('--n_samples', type=int, default=1000)
    ap.add_argument('--k', type=int, default=1000, help='Gibbs steps from noise')
    ap.add_argument('--ais_steps', type=int, default=5000)
    ap.add_argument('--n_raise', type=int, default=500, help="test digits for RAISE, the conservative estimate (Gaussian RBMs)")
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--label', default='dev')
    a = ap.parse_args(argv)
    t_all = time.perf_counter()
    ds = load_mnist(a.data or local_mnist_folder(), download=False)
    if len(ds.x_train) < 60000: sys.exit("grbm_samples.py: error: needs the full MNIST (pass --data)")
    log(f"command: {' '.join([os.path.basename(sys.argv[0])] + sys.argv[1:])}")
    log(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, torch {torch.__version__}, {torch.get_num_threads()} threads")
    judge, _ = get_judge(ds, log=log)
    std, v_fit, v_val, v_test = grey_splits(ds, a.n_train, a.seed)
    log(f"data: {a.n_train:,} training digits, {v_fit.shape[1]} pixels kept; 1,000 validation, 2,000 test digits")
    real = ds.x_test[2000:2000 + a.n_samples].reshape(-1, 784).float() / 255
    real_dist = torch.pdist(real.double()).mean().item()
    results = dict(command=' '.join(sys.argv), args=vars(a), models={})
    results['real_test_digits'] = judge_stats(judge, real, real_dist)
    base = GaussianRBM(v_fit.shape[1], 1, v_data=v_fit, init_std=0)
    results['independent_gaussians_test_ll'] = base.log_likelihood(v_test).mean().item()

    ais, rows = {}, {}
    for k1 in a.first_k: # the first layer's CD-k
        t = time.perf_counter()
        grbm = GaussianRBM(v_fit.shape[1], a.hidden, v_data=v_fit, seed=a.seed)
        train_rbm(grbm, v_fit, epochs=a.epochs, lr=1e-3, lr_var=1e-4, k=k1, v_valid=v_val, seed=a.seed, progress=False)
        t_grbm = time.perf_counter() - t
        models = {f'grbm, CD-{k1}': (grbm, t_grbm)}
        for k2 in a.top_k: # the top RBM's CD-k
            t = time.perf_counter()
            g = torch.Generator().manual_seed(a.seed)
            gdbn = DBN.from_rbms([GaussianRBM(v_fit.shape[1], a.hidden, v_data=v_fit, generator=g), RBM(a.hidden, a.hidden, generator=g)])
            train_dbn(gdbn, v_fit, epochs=a.epochs, lr=[1e-3, 0.05], k=[k1, k2], lr_var=1e-4, v_valid=v_val, seed=a.seed, progress=False)
            same = all(torch.equal(p, gdbn.rbms[0].state_dict()[n]) for n, p in grbm.state_dict().items())
            models[f'dbn, CD-{k1} / CD-{k2}'] = (gdbn, time.perf_counter() - t)
            log(f"dbn CD-{k1} / CD-{k2}: trained in {models[f'dbn, CD-{k1} / CD-{k2}'][1]:.0f} s (its first layer equals grbm CD-{k1}: {same})")
        for name, (m, secs_train) in models.items():
            ais[name] = {}
            for steps in (a.ais_steps, 10 * a.ais_steps): # the longer run shows how far AIS's downward bias on log Z could move the numbers
                t = time.perf_counter()
                g_ais = torch.Generator().manual_seed(a.seed)
                if isinstance(m, GaussianRBM):
                    res = ais_log_partition(m, n_chains=100, betas=sm_betas(steps), v_data=v_fit, generator=g_ais)
                    ll = lambda v: m.log_likelihood(v, res.log_z).mean().item()
                else:
                    res = ais_log_partition(m.top, n_chains=100, betas=sm_betas(steps), v_data=m.up(v_fit), generator=g_ais)
                    ll = lambda v: dbn_log_likelihood_bound(m, v, res.log_z, n_samples=10, generator=torch.Generator().manual_seed(a.seed)).mean().item()
                r = dict(log_z=res.log_z, log_z_interval=[res.log_z_low, res.log_z_high], valid_ll=ll(v_val), test_ll=ll(v_test),
                         seconds=time.perf_counter() - t)
                ais[name][steps] = r
                log(f"  {name}: AIS, 100 chains, {steps:,} steps: log Z {res.log_z:.2f} [{res.log_z_low:.2f}, {res.log_z_high:.2f}] -> "
                    f"{'ll' if isinstance(m, GaussianRBM) else 'bound'} valid {r['valid_ll']:.2f} test {r['test_ll']:.2f} ({r['seconds']:.0f} s)")
            if isinstance(m, GaussianRBM): # a conservative estimate beside AIS, on the first n_raise test digits
                t = time.perf_counter()
                sub = v_test[:a.n_raise]
                by_raise = raise_log_likelihood(m, sub, betas=sm_betas(a.ais_steps), v_data=v_fit,
                                                generator=torch.Generator().manual_seed(a.seed)).mean().item()
                by_ais = m.log_likelihood(sub, res.log_z).mean().item() # with the longer AIS run's log Z
                ais[name]['raise'] = dict(n=len(sub), steps=a.ais_steps, raise_test_ll=by_raise, ais_test_ll=by_ais,
                                          seconds=time.perf_counter() - t)
                log(f"  {name}: on the first {len(sub):,} test digits, AIS {by_ais:.2f}, RAISE ({a.ais_steps:,} steps) {by_raise:.2f}: "
                    f"gap {by_ais - by_raise:.2f} ({ais[name]['raise']['seconds']:.0f} s)")
            g_s = torch.Generator().manual_seed(a.seed)
            t = time.perf_counter()
            x = std.inverse(sample_chains(m, a.n_samples, (a.k,), g_s)[0] if isinstance(m, GaussianRBM)
                            else m.sample(a.n_samples, k=a.k, mean=True, generator=g_s)).clamp(0, 1)
            secs = time.perf_counter() - t
            st = judge_stats(judge, x, real_dist)
            st.update(valid_ll=r['valid_ll'], test_ll=r['test_ll'], train_seconds=secs_train, sampling_seconds=secs,
                      ll_kind='AIS' if isinstance(m, GaussianRBM) else 'lower bound, top log Z by AIS')
            rows[name] = st
            torch.save(x[:40].clone(), Path(__file__).parent / 'out' / f"grbm_samples_{a.label}_{name.replace(' ', '').replace(',', '_').replace('/', '_')}.pt")
    results['ais'], results['models'] = ais, rows
    log(f"\n{'':24s} {'confident':>9s} {'entropy':>8s} {'classes':>8s} {'diversity':>9s} {'valid ll':>9s} {'test ll':>8s}   judged as 0..9")
    table = [('real test digits', results['real_test_digits'])] + list(rows.items())
    for name, r in table:
        ll = lambda key: f"{r[key]:.1f}" if key in r else ''
        log(f"{name:26s} {r['confident_pct']:8.1f}% {r['entropy_bits']:8.2f} {r['classes_over_2pct']:8d} "
            f"{r['diversity']:9.2f} {ll('valid_ll'):>9s} {ll('test_ll'):>8s}   {r['histogram']}")
    log(f"independent Gaussians test ll {results['independent_gaussians_test_ll']:.1f} nats per standardised digit")
    log(f"total {time.perf_counter() - t_all:.0f} s")
    out = RESULTS / f'grbm_samples_{a.label}.json'
    atomic_write(out, lambda f: f.write(json.dumps(results, indent=1).encode()))
    log(f"wrote {out}")


if __name__ == '__main__':
    main()
