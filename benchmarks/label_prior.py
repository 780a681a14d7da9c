"""Benchmark: the label units' marginal P(y) of trained DBNs, and `match_label_prior` (chapter 4) on them (issue 17, section 1).

    nice python benchmarks/label_prior.py CKPT [CKPT ...] --data ../shared/data/mnist [--ais_steps 5000] \
        | tee -a benchmarks/results/label_prior.txt

For each checkpoint (written by dbn_train --save, trained on training images 0..49,999):
  (a) the model's P(y) estimated by `label_marginal` (P(y | h) averaged over free-running chains of the top RBM),
      beside the training labels' frequencies q(y);
  (b) with --ais_steps, an independent estimate: log Z_y by AIS for each label (chapter 6), P(y) = softmax of log Z_y;
  (c) `match_label_prior(y_train)`: the label biases shifted so that P(y) = q(y); then (a) again, on fresh chains, and
      (b) moved by the shift (which is all that changes log Z_y);
  (d) the generative classification error on the validation digits (training images 50,000..59,999) before and after;
  (e) the shifted DBN written beside the checkpoint as NAME_prior.pt, for generation.py to judge (its label-clamped samples
      are the same, bit for bit: the shift leaves P(x, h | y) unchanged).
One JSON line per checkpoint goes to benchmarks/results/label_prior.jsonl. No test digit is used.
"""
import argparse, json, os, sys, time
from pathlib import Path

import torch

from dbn_book import DBN, label_marginal, match_label_prior, predict_labels
from dbn_book.ais import ais_log_partition, sm_betas
from dbn_book.data import load_mnist, local_mnist_folder, mnist_tensors
from dbn_book.rbm import RBM

RESULTS = Path(__file__).parent / 'results'
N_TRAIN = 50_000 # dbn_train's training rows; the rest of the 60,000 are its validation digits


def ais_log_z(dbn, codes, y, steps, n_chains, seed):
    "log Z_y = d_y + log Z of the RBM (x, h) with hidden biases c + U_y, each by AIS, for every label; and the widest interval."
    top, n_pen = dbn.top, dbn.sizes[-2]
    log_z, widths = [], []
    for label in range(dbn.n_labels):
        r = RBM(n_pen, top.n_hidden, init_std=0)
        with torch.no_grad():
            r.W.copy_(top.W[:n_pen]); r.b.copy_(top.b[:n_pen]); r.c.copy_(top.c + top.W[n_pen + label])
        est = ais_log_partition(r, n_chains=n_chains, betas=sm_betas(steps), v_data=codes[y == label],
                                generator=torch.Generator().manual_seed(seed + label))
        log_z.append(top.b[n_pen + label].item() + est.log_z); widths.append(est.log_z_high - est.log_z_low)
    return torch.tensor(log_z, dtype=torch.float64), max(widths)


def pct(p): return [round(100 * float(x), 2) for x in p]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('checkpoints', nargs='+')
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA'))
    ap.add_argument('--rounds', type=int, default=1, help="match_label_prior's rounds (default: 1, as dbn_train)")
    ap.add_argument('--chains', type=int, default=None, help="chains per estimate of P(y) (default: label_marginal's, as dbn_train)")
    ap.add_argument('--steps', type=int, default=None, help="Gibbs steps read per estimate (default: label_marginal's)")
    ap.add_argument('--burn', type=int, default=None, help="Gibbs steps left out first (default: label_marginal's)")
    ap.add_argument('--suffix', default='_prior', help="the shifted DBN is written as NAME + SUFFIX + .pt (default: _prior)")
    ap.add_argument('--ais_steps', type=int, default=0, help="AIS temperatures per label for the independent check; 0: none")
    ap.add_argument('--ais_chains', type=int, default=100)
    ap.add_argument('--long_check', type=int, default=0, metavar='STEPS', help="also estimate P(y) before and after from 500 chains run "
                    "STEPS steps and read STEPS more, to see whether dbn_train's chains have mixed; 0: none")
    ap.add_argument('--seed', type=int, default=None, help="the shift's generator seed (default: the checkpoint's dbn_train --seed, as dbn_train seeds it); the digits are binarised with the checkpoint's seed either way")
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    for c in a.checkpoints:
        if not Path(c).is_file(): sys.exit(f"label_prior.py: checkpoint {c} does not exist")
    folder = a.data or local_mnist_folder()
    if folder is None: sys.exit("label_prior.py: needs the full MNIST; pass --data FOLDER or set DBN_BOOK_DATA")
    ds = load_mnist(folder)
    y_tr = ds.y_train[:N_TRAIN].long()
    q = torch.bincount(y_tr, minlength=10).double() / N_TRAIN
    print(f"command: python {' '.join(sys.argv)}   ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"torch {torch.__version__}, {torch.get_num_threads()} threads)")
    print(f"  training labels' frequencies q(y), %:      {pct(q)}")
    chains = {k: v for k, v in dict(n=a.chains, steps=a.steps, burn=a.burn).items() if v is not None} # the rest: label_marginal's defaults
    for path in a.checkpoints:
        dbn = DBN.load(path)
        if not dbn.n_labels: sys.exit(f"label_prior.py: {path} has no label units")
        trained = (torch.load(path, weights_only=True).get('config') or {}).get('seed', 0) # dbn_train's --seed
        seed = a.seed if a.seed is not None else trained
        t0 = time.perf_counter()
        rec = dict(checkpoint=path, q=pct(q), settings=vars(a), seed=seed)
        v, y, _, _ = mnist_tensors(ds, 'sample', trained) # binarised as dbn_train binarised them, whatever --seed the shift uses
        v_tr, y_tr, v_va, y_va = v[:N_TRAIN], y[:N_TRAIN], v[N_TRAIN:], y[N_TRAIN:]
        err = lambda d: 100 * (predict_labels(d, v_va) != y_va).float().mean().item()
        rec['before'] = dict(chains=pct(label_marginal(dbn, generator=torch.Generator().manual_seed(seed + 100), **chains)),
                             valid_generative_error=err(dbn))
        if a.ais_steps:
            log_z, rec['before']['ais_widest_interval'] = ais_log_z(dbn, dbn.up(v_tr), y_tr, a.ais_steps, a.ais_chains, seed)
            rec['before']['ais'], d_before = torch.softmax(log_z, 0), dbn.top.b[-dbn.n_labels:].double().clone()
        long = lambda: pct(label_marginal(dbn, n=500, steps=a.long_check, burn=a.long_check, generator=torch.Generator().manual_seed(seed + 300)))
        if a.long_check: rec['before']['long_chains'] = long()
        seen = match_label_prior(dbn, y_tr, rounds=a.rounds, generator=torch.Generator().manual_seed(seed), **chains) # as dbn_train does
        rec['rounds'] = [pct(s) for s in seen]
        rec['after'] = dict(chains=pct(label_marginal(dbn, generator=torch.Generator().manual_seed(seed + 200), **chains)),
                            valid_generative_error=err(dbn))
        if a.ais_steps: # Z_y without d_y does not change with the shift: log Z_y moves by the shift alone, no second AIS run
            rec['after']['ais'] = torch.softmax(log_z + dbn.top.b[-dbn.n_labels:].double() - d_before, 0)
            rec['after']['ais_widest_interval'] = rec['before']['ais_widest_interval']
        if a.long_check: rec['after']['long_chains'] = long()
        for part in ('before', 'after'):
            if 'ais' in rec[part]: rec[part]['ais'] = pct(rec[part]['ais'])
        out = Path(path).with_name(Path(path).stem + a.suffix + '.pt')
        dbn.save(out)
        rec.update(saved=str(out), seconds=round(time.perf_counter() - t0, 1))
        print(f"{path}: ({rec['seconds']:.0f} s; shifted DBN written to {out})")
        for part in ('before', 'after'):
            r = rec[part]
            print(f"  {part:6s} P(y) by chains, %:              {r['chains']}   (smallest {min(r['chains']):.1f}, largest {max(r['chains']):.1f})")
            if 'long_chains' in r: print(f"  {part:6s} P(y) by 500 chains, {a.long_check} + {a.long_check} steps, %: {r['long_chains']}")
            if 'ais' in r: print(f"  {part:6s} P(y) by AIS per label, %:        {r['ais']}   (widest 3-sd interval of a log Z_y: {r['ais_widest_interval']:.2f} nats)")
            print(f"  {part:6s} validation generative error:     {r['valid_generative_error']:.2f}%")
        with open(RESULTS / 'label_prior.jsonl', 'a') as f: f.write(json.dumps(rec) + '\n')


if __name__ == '__main__':
    main()
