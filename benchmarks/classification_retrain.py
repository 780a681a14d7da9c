r"""Issue 17, section 3: MNIST classification by the protocol of Hinton and Salakhutdinov (2006). Every choice is made on
a validation split (train on the first 50,000 training images, validate on the last 10,000); then the chosen recipe is
trained again on all 60,000 (pretraining too) for the chosen number of epochs, and the test images are scored once.

Pixels are grey levels grey/255 used as probabilities, in pretraining and in fine-tuning (the papers' practice).
- DBN 784-500-500-2000: greedy CD-1, 50 epochs per RBM, lr 0.1, weight cost 2e-4, momentum 0.5 then 0.9.
- Fine-tuning (both initialisations alike): SGD with momentum 0.9, a cosine schedule, dropout 0.5 on the hidden units
  and 0.2 on the pixels (Srivastava et al. 2014), max-norm 3 on each hidden unit's incoming weights, the output layer
  alone for the first 2 epochs (--momentum, --dropout, --input_dropout, --max_norm and --head_epochs change these;
  --max_norm none: no cap, as Hinton et al. (2012) fine-tuned pretrained nets with dropout: "a small learning rate and
  no weight constraints"). Each initialisation gets the candidate recipe with the lowest validation error at the last
  epoch, chosen the same way for both.

Stages (each appends one JSON record to benchmarks/results/classification_retrain.jsonl; run them with nice, one
thread each, two at a time on a 2-core machine):

    python benchmarks/classification_retrain.py pretrain --n_train 50000      # out/clf_grey_dbn_50000.pt
    python benchmarks/classification_retrain.py pretrain --n_train 60000      # out/clf_grey_dbn_60000.pt
    python benchmarks/classification_retrain.py tune --init dbn --lr 0.3      # 50k/10k, validation only
    python benchmarks/classification_retrain.py final --init dbn              # the chosen lr, all 60k, TEST scored once
    python benchmarks/classification_retrain.py tune --init random --random_init glorot --head_epochs 0 --lr 0.1
                                                    # random weights at Glorot and Bengio's scale for sigmoid units
    python benchmarks/classification_retrain.py norms --n_train 50000         # the pretrained weights' norms against max-norm 3
    python benchmarks/classification_retrain.py summary                       # the table
"""
import argparse, json, math, platform, sys, time
from pathlib import Path
import torch
from dbn_book.core import atomic_write
from dbn_book.data import load_mnist, local_mnist_folder
from dbn_book.cd import CDOptions
from dbn_book.dbn import DBN, DBNTrainer, DBNOptions
from dbn_book.finetune import MLP, FineTuner, FineTuneOptions, mlp_from_dbn, evaluate

HERE = Path(__file__).parent
OUT, LOG = HERE / 'out', HERE / 'results' / 'classification_retrain.jsonl'
SIZES, N_VALID = [784, 500, 500, 2000], 10_000
say = lambda *x: print(*x, flush=True)


def data():
    "Grey MNIST as probabilities: the 60,000 training rows (the last 10,000 validate) and the 10,000 test rows."
    folder = local_mnist_folder()
    if folder is None: raise SystemExit("the full MNIST is needed: ../shared/data/mnist was not found")
    ds = load_mnist(folder)
    return ds.x_train.float() / 255, ds.y_train, ds.x_test.float() / 255, ds.y_test


def records(): return [json.loads(l) for l in LOG.read_text().splitlines() if l.strip()] if LOG.exists() else []


def append(rec):
    LOG.parent.mkdir(exist_ok=True)
    with LOG.open('a') as f: f.write(json.dumps(rec) + '\n')


def clock(): return time.perf_counter(), time.process_time()
def since(t): w, c = clock(); return {'wall_minutes': round((w - t[0]) / 60, 2), 'cpu_minutes': round((c - t[1]) / 60, 2)}


def dbn_path(n, pre_epochs=50): return OUT / (f'clf_grey_dbn_{n}.pt' if pre_epochs == 50 else f'clf_grey_dbn_{n}_pre{pre_epochs}.pt')


def pretrain(a, v):
    x, t0 = v[:a.n_train], clock()
    dbn = DBN(SIZES, v_data=x, seed=a.seed)
    options = DBNOptions(CDOptions(epochs=a.pre_epochs, lr=0.1, k=1, method='cd', momentum=(0.5, 0.9), weight_decay=2e-4))
    DBNTrainer(dbn, x, options=options, seed=a.seed, device='cpu').run(
        progress=False, callback=lambda t, r: say(f"RBM {r['layer'] + 1} epoch {r['epoch']} recon {r['recon_error']:.2f}") if r['epoch'] % 10 == 0 else None)
    OUT.mkdir(exist_ok=True); atomic_write(dbn_path(a.n_train, a.pre_epochs), lambda f: torch.save(dbn.state_dict(), f))
    append({'stage': 'pretrain', 'n_train': a.n_train, 'pre_epochs': a.pre_epochs, 'seed': a.seed, **since(t0)})


def glorot_init(mlp, seed):
    "Glorot and Bengio's (2010) scale for sigmoid layers: weights uniform in +-4 sqrt(6 / (fan-in + fan-out)), biases 0."
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for layer in (*mlp.hidden, mlp.out):
            bound = 4 * math.sqrt(6 / (layer.in_features + layer.out_features))
            layer.weight.uniform_(-bound, bound, generator=g); layer.bias.zero_()


def finetune(a, x, y, n_train, valid=None):
    "The MLP for `a.init`, fine-tuned on (x, y); its trainer's history."
    make = dict(dropout=a.dropout, input_dropout=a.input_dropout, seed=a.seed)
    if a.init == 'dbn':
        path = dbn_path(n_train, a.pre_epochs)
        if not path.exists(): raise SystemExit(f"{path} is missing: run the pretrain stage with --n_train {n_train} --pre_epochs {a.pre_epochs} first")
        dbn = DBN(SIZES, seed=0); dbn.load_state_dict(torch.load(path))
        mlp = mlp_from_dbn(dbn, **make)
    else:
        mlp = MLP(SIZES, **make)
        if a.random_init == 'glorot': glorot_init(mlp, a.seed)
    options = FineTuneOptions(epochs=a.epochs, lr=a.lr, batch=100, momentum=a.momentum, schedule='cosine', max_norm=a.max_norm,
                              head_epochs=a.head_epochs)
    kw = {} if valid is None else dict(v_valid=valid[0], y_valid=valid[1])
    h = FineTuner(mlp, x, y, options, seed=a.seed, device='cpu', **kw).run(
        progress=False, callback=lambda t, r: say(f"{a.init} lr {a.lr} epoch {r['epoch']:3d} train loss {r['train_loss']:.4f}"
                                                   + (f"  valid {100 * r['valid_error']:.2f}%" if 'valid_error' in r else "")))
    return mlp, h


def norms(a):
    "The norms of each hidden unit's incoming weights in the pretrained DBN: what a max-norm cap would do to them at once."
    dbn = DBN(SIZES, seed=0); dbn.load_state_dict(torch.load(dbn_path(a.n_train, a.pre_epochs)))
    say(f"pretrained DBN on {a.n_train:,} images: the norm of each hidden unit's incoming weights (quantiles 0, 0.1, 0.5, 0.9, 1)")
    for i, rbm in enumerate(dbn.rbms):
        q = rbm.W.norm(dim=0).quantile(torch.tensor([0, .1, .5, .9, 1.])).tolist()
        cap = f"; a cap of {a.max_norm:g} shrinks {(rbm.W.norm(dim=0) > a.max_norm).float().mean().item():.0%} of them" if a.max_norm else ""
        say(f"  layer {i + 1} ({rbm.W.shape[0]} -> {rbm.W.shape[1]}): " + ", ".join(f"{x:.2f}" for x in q) + cap)


def tune(a, v, y):
    t0 = clock()
    try: _, h = finetune(a, v[:-N_VALID], y[:-N_VALID], 50_000, (v[-N_VALID:], y[-N_VALID:]))
    except FloatingPointError as e: # a rate too large for this network: recorded, never chosen
        say(f"diverged: {e}"); h = [{'valid_error': 1.0, 'diverged': str(e)}]
    append({'stage': 'tune', 'init': a.init, 'lr': a.lr, 'max_norm': a.max_norm, 'epochs': a.epochs, 'seed': a.seed, **recipe(a),
            'valid_error': h[-1]['valid_error'], 'valid_curve': [round(r['valid_error'], 5) for r in h], **since(t0)})


def recipe(a): # options added later are recorded only where they differ from what the earlier records used
    extra = {k: getattr(a, k) for k, default in LATER.items() if getattr(a, k) != default and (k != 'pre_epochs' or a.init == 'dbn')}
    return {'momentum': a.momentum, 'head_epochs': a.head_epochs, **extra} | ({'random_init': a.random_init} if a.init == 'random' else {})


LATER = {'pre_epochs': 50, 'input_dropout': 0.2, 'dropout': 0.5} # options added on 2026-12-04 (evening, late), and the value every record before them used


def chosen(init):
    "The tuned recipe for `init` with the lowest validation error at its last epoch."
    tuned = [r for r in records() if r['stage'] == 'tune' and r['init'] == init]
    if not tuned: raise SystemExit(f"no tune records for --init {init}: run the tune stage first")
    return min(tuned, key=lambda r: r['valid_error'])


def final(a, v, y, v_te, y_te):
    best = chosen(a.init)
    a.lr, a.max_norm, a.epochs = best['lr'], best['max_norm'], best['epochs']
    a.momentum, a.head_epochs = best.get('momentum', 0.9), best.get('head_epochs', 2) # records before these options: 0.9, 2
    a.random_init = best.get('random_init', 'pytorch') # and PyTorch's initial scale
    for k, default in LATER.items(): setattr(a, k, best.get(k, default))
    say(f"final: {a.init} init, lr {a.lr}, max-norm {a.max_norm}, {a.epochs} epochs, on all {len(v):,} training images")
    t0 = clock()
    mlp, h = finetune(a, v, y, 60_000)
    ev = evaluate(mlp, v_te, y_te) # the test images, once
    append({'stage': 'final', 'init': a.init, 'lr': a.lr, 'max_norm': a.max_norm, 'epochs': a.epochs, 'seed': a.seed, **recipe(a),
            'chosen_valid_error': best['valid_error'], 'test_error': ev['error'], 'test_wrong': len(ev['wrong']), **since(t0)})
    say(f"TEST error ({a.init} init): {100 * ev['error']:.2f}%")


def init_name(r):
    name = r['init'] if r['init'] == 'dbn' else f"random ({'Glorot' if r.get('random_init') == 'glorot' else 'PyTorch'} scale)"
    extras = [f"pretrained {r['pre_epochs']} epochs per RBM" if k == 'pre_epochs' else f"{k.replace('_', ' ')} {r[k]}" for k in LATER if k in r]
    return name + (f" ({', '.join(extras)})" if extras else "")


def summary():
    recs = records()
    pre = {(r['n_train'], r['pre_epochs']): r for r in recs if r['stage'] == 'pretrain'}
    lines = ["MNIST classification, 784-500-500-2000, grey pixels as probabilities; choices on 50,000 / 10,000, "
             "then retrained on all 60,000 and the test set scored once", "",
             "| stage | init | peak lr | momentum | head epochs | max-norm | epochs | validation error (last epoch) | TEST error | minutes (wall / CPU) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for (n, _), r in sorted(pre.items()):
        lines.append(f"| pretrain on {n:,} | | | | | | {r['pre_epochs']} per RBM | | | {r['wall_minutes']} / {r['cpu_minutes']} |")
    for r in recs:
        if r['stage'] == 'tune':
            lines.append(f"| tune | {init_name(r)} | {r['lr']} | {r.get('momentum', 0.9)} | {r.get('head_epochs', 2)} | {r['max_norm'] or 'none'} | {r['epochs']} | {100 * r['valid_error']:.2f}% | | {r['wall_minutes']} / {r['cpu_minutes']} |")
        if r['stage'] == 'final':
            lines.append(f"| **final**, all 60,000, seed {r['seed']} | {init_name(r)} | {r['lr']} | {r.get('momentum', 0.9)} | {r.get('head_epochs', 2)} | {r['max_norm'] or 'none'} | {r['epochs']} | (chosen at {100 * r['chosen_valid_error']:.2f}%) "
                         f"| **{100 * r['test_error']:.2f}%** | {r['wall_minutes']} / {r['cpu_minutes']} |")
    for i, r in enumerate(recs):
        if r['stage'] != 'final' or r['init'] != 'dbn': continue
        before = [p for p in recs[:i] if p['stage'] == 'pretrain' and p['n_train'] == 60_000 and p['pre_epochs'] == r.get('pre_epochs', 50)] # the DBN this final started from
        train = (before[-1]['cpu_minutes'] if before else 0) + r['cpu_minutes']
        lines.append(f"\nDBN pipeline on all 60,000, seed {r['seed']}: {train:.1f} CPU-minutes of training (pretraining + fine-tuning, one thread); "
                     f"test {100 * r['test_error']:.2f}% against the target 1.0% (Hinton and Salakhutdinov 2006: 1.2%; "
                     f"Srivastava et al. 2014, dropout: 0.92%)")
    say('\n'.join(lines))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('stage', choices=['pretrain', 'norms', 'tune', 'final', 'summary'])
    p.add_argument('--n_train', type=int, choices=[50_000, 60_000], default=50_000, help='pretrain: on the first 50,000 or all 60,000')
    p.add_argument('--pre_epochs', type=int, default=50, help="epochs per RBM of pretraining; tune and final use the DBN pretrained so")
    p.add_argument('--input_dropout', type=float, default=0.2, help='dropout probability on the pixels in fine-tuning')
    p.add_argument('--dropout', type=float, default=0.5, help='dropout probability on the hidden units in fine-tuning')
    p.add_argument('--init', choices=['dbn', 'random'], default='dbn')
    p.add_argument('--lr', type=float, default=0.3)
    p.add_argument('--max_norm', type=lambda s: None if s == 'none' else float(s), default=3.0,
                   help="cap on the norm of each hidden unit's incoming weights after every update; 'none': no cap")
    p.add_argument('--epochs', type=int, default=100); p.add_argument('--seed', type=int, default=0)
    p.add_argument('--momentum', type=float, default=0.9, help="SGD's momentum in fine-tuning")
    p.add_argument('--head_epochs', type=int, default=2, help='epochs that train the output layer alone, first')
    p.add_argument('--random_init', choices=['pytorch', 'glorot'], default='pytorch',
                   help="--init random: PyTorch's default scale (uniform +-1/sqrt(fan-in)) or Glorot and Bengio's for sigmoid units")
    p.add_argument('--threads', type=int, default=1)
    a = p.parse_args()
    if a.init == 'dbn' and a.random_init != 'pytorch': p.error('--random_init sets the scale of random weights: give it with --init random')
    if a.stage == 'summary': return summary()
    if a.stage == 'norms': return norms(a)
    torch.set_num_threads(a.threads)
    say(f"command: {' '.join(['python benchmarks/classification_retrain.py', *sys.argv[1:]])}; "
        f"{platform.machine()}, torch {torch.__version__}, {a.threads} thread(s)")
    v, y, v_te, y_te = data()
    if a.stage == 'pretrain': pretrain(a, v)
    elif a.stage == 'tune': tune(a, v, y)
    else: final(a, v, y, v_te, y_te)


if __name__ == '__main__': main()
