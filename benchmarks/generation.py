"""Benchmark: how well trained DBNs generate digits, judged by an independent CNN digit classifier (the "judge").

    nice python benchmarks/generation.py CKPT [CKPT ...] --data ../shared/data/mnist --n_per_digit 100 --k 1000 \\
        --seed 0 --label NAME [--targets default|long] | tee benchmarks/results/generation_NAME.txt
    nice python benchmarks/generation.py --selftest --label selftest   # real test digits posing as samples: calibration

The judge (benchmarks/judge.py) is a small CNN trained on MNIST training images 0..49,999 only, never on any DBN or MLP
weights; it is cached in benchmarks/out/judge.pt and retrained when that is missing or was trained with other settings.
For each checkpoint (written by `dbn_train --save`):
  (a) agreement: n_per_digit samples with the label units clamped to each digit d; the share the judge reads as d;
  (b) diversity: mean pairwise Euclidean distance between one digit's samples (pixel probabilities), over the same for
      n_per_digit real test digits of that class (grey levels in [0, 1]);
  (c) label-free samples: 10 n_per_digit samples with the labels left free to the chain; the judge's class histogram;
  (d) generative classification: predict_labels (the top RBM's free energy) on the 10,000 binarised test images;
  (e) these against the targets of issue 9 (--targets default|long), PASS or MISS.
All samples are P(v|h1), the pixel probabilities after k Gibbs steps in the top RBM (`DBN.sample(..., mean=True)`).
Writes benchmarks/results/generation_NAME.json (all numbers) and generation_NAME.png (the samples: one row per digit,
one row of label-free samples, one panel per model).
"""
import argparse, json, math, os, platform, re, shlex, sys, time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from judge import CACHE, N_JUDGE_TRAIN, SETTINGS as JUDGE_SETTINGS, accuracy, get_judge, judge_probs # noqa: E402

from dbn_book import DBN, predict_labels # the whole DBN, sampling included
from dbn_book.core import atomic_write, matmul_precision
from dbn_book.data import MNISTDataError, load_mnist, local_mnist_folder, mnist_tensors

RESULTS = Path(__file__).parent / 'results'
short = lambda p: os.path.relpath(p) if not os.path.relpath(p).startswith('..') else str(p) # a path as printed
DIGITS = range(10)
SAMPLES_ARE = "pixel probabilities P(v|h1) after k Gibbs steps in the top RBM (DBN.sample(mean=True))"
DIVERSITY_IS = ("mean pairwise Euclidean distance of one digit's samples (pixel probabilities) / the same for n_per_digit "
                "real test digits of that class (grey levels in [0, 1], the first n_per_digit of the class in test-set order)")
# issue 9's targets; None: no target in that row. The long recipe keeps the default's diversity target.
TARGETS = {'default': dict(agreement=95.0, diversity=0.6, free_lo=5.0, free_hi=None, gen_error=None),
           'long':    dict(agreement=98.0, diversity=0.6, free_lo=7.0, free_hi=13.0, gen_error=1.5)}


def die(msg): sys.exit(f"generation.py: error: {msg}")


def log(s=''): print(s, flush=True)


# ---------------------------------------------------------------------------------------------------------------- sources
class Source:
    """Something that draws digit images: a DBN checkpoint, or (for --selftest) a fake model made of real test digits.
    draw(n, labels, g) returns (n, 784) floats in [0, 1]; labels is a LongTensor of n classes or None (free)."""
    def __init__(self, name, draw, labelled, describe, dbn=None, checkpoint=None, note=None):
        self.name, self.draw, self.labelled, self.describe = name, draw, labelled, describe
        self.dbn, self.checkpoint, self.note = dbn, checkpoint, note


PRECISION = ['highest'] # --matmul_precision: the DBN's float32 products while it samples and classifies


def dbn_source(path, dbn, k):
    labelled = dbn.n_labels == 10
    shape = '-'.join(map(str, dbn.sizes)) + (f" + {dbn.n_labels} label units" if dbn.n_labels else " (no label units)")
    note = None if labelled else (
        f"this DBN has {dbn.n_labels or 'no'} label units (10 needed): it cannot be asked for a chosen digit, so "
        f"(a) agreement, (b) diversity and (d) generative classification are skipped; (c) uses free samples")
    def draw(n, labels, g):
        with matmul_precision(PRECISION[0]): return dbn.sample(n, k=k, labels=labels, generator=g, mean=True)
    return Source(Path(path).stem, draw,
                  labelled, f"{path}: DBN {shape}, k={k} Gibbs steps", dbn=dbn, checkpoint=str(path), note=note)


def selftest_sources(x_te_grey, v_te, y_te, n):
    """Fake models for calibration: real test digits (grey, binarised) posing as samples, never the digits used as the
    diversity reference (the first n of each class); a collapsed model (one image per class); uniform noise."""
    pools = [torch.nonzero(y_te == d)[n:, 0] for d in DIGITS] # test digits of class d, minus the reference ones
    everything = torch.cat(pools)
    def real(images):
        def draw(m, labels, g):
            if labels is None: return images[everything[torch.randint(len(everything), (m,), generator=g)]]
            out = torch.empty(m, 784)
            for d in DIGITS:
                rows = torch.nonzero(labels == d)[:, 0]
                pool = pools[d]
                if len(rows): out[rows] = images[pool[torch.randperm(len(pool), generator=g)[:len(rows)]]]
            return out
        return draw
    def collapsed(m, labels, g):
        firsts = torch.stack([x_te_grey[pools[d][0]] for d in DIGITS])
        return firsts[labels] if labels is not None else firsts[torch.full((m,), 1)]
    return [Source('real_grey', real(x_te_grey), True, "real test digits, grey levels (should score like the judge's test accuracy, diversity ~1)"),
            Source('real_binarised', real(v_te), True, "real test digits, binarised as by mnist_tensors (binary pixels lie farther apart: diversity > 1)"),
            Source('collapsed', collapsed, True, "one real test digit per class, repeated; label-free: always the same 1 (diversity 0)"),
            Source('noise', lambda m, labels, g: torch.rand(m, 784, generator=g), True, "uniform noise in [0, 1] (agreement near chance)")]


# ----------------------------------------------------------------------------------------------------------- evaluation
def mean_pairwise_distance(x):
    return torch.pdist(x.double()).mean().item()


def evaluate(src, judge, x_te_grey, v_te, y_te, n, seed):
    "The numbers (a)-(d) for one source, with timings."
    g = torch.Generator(device='cpu').manual_seed(seed)
    r = dict(name=src.name, describe=src.describe, checkpoint=src.checkpoint, note=src.note, seconds={})
    if src.dbn is not None: r.update(sizes=src.dbn.sizes, n_labels=src.dbn.n_labels)
    sec = r['seconds']
    show = {}
    if src.labelled:
        y = torch.arange(10).repeat_interleave(n)
        t = time.perf_counter(); s = src.draw(10 * n, y, g); sec['sampling_labelled'] = time.perf_counter() - t
        t = time.perf_counter(); pred = judge_probs(judge, s).argmax(1); sec['judging'] = time.perf_counter() - t
        pred_bin = judge_probs(judge, (torch.rand(s.shape, generator=g) < s).float()).argmax(1)
        per = [100 * (pred[y == d] == d).float().mean().item() for d in DIGITS]
        per_bin = [100 * (pred_bin[y == d] == d).float().mean().item() for d in DIGITS]
        r['agreement_pct'] = dict(per_digit=per, overall=100 * (pred == y).float().mean().item())
        r['agreement_of_binarised_samples_pct'] = dict(per_digit=per_bin, overall=100 * (pred_bin == y).float().mean().item())
        r['judged_as'] = [[int((pred[y == d] == j).sum()) for j in DIGITS] for d in DIGITS] # confusion: row = clamped label
        t = time.perf_counter()
        d_s = [mean_pairwise_distance(s[y == d]) for d in DIGITS]
        d_r = [mean_pairwise_distance(x_te_grey[torch.nonzero(y_te == d)[:n, 0]]) for d in DIGITS]
        ratio = [a / b for a, b in zip(d_s, d_r)]
        sec['diversity'] = time.perf_counter() - t
        r['diversity'] = dict(per_digit=ratio, min=min(ratio), min_digit=ratio.index(min(ratio)),
                              samples_mean_distance=d_s, real_mean_distance=d_r)
        show['labelled'] = torch.full((10, 10, 784), 0.5) # grey where n_per_digit < 10
        for d in DIGITS: show['labelled'][d, :min(n, 10)] = s[y == d][:10]
    t = time.perf_counter(); f = src.draw(10 * n, None, g); sec['sampling_label_free'] = time.perf_counter() - t
    t = time.perf_counter(); pf = judge_probs(judge, f).argmax(1); sec['judging'] = sec.get('judging', 0) + time.perf_counter() - t
    hist = [100 * (pf == d).float().mean().item() for d in DIGITS]
    r['label_free_pct'] = dict(per_digit=hist, min=min(hist), max=max(hist), n=len(f))
    n_rows = 1 if src.labelled else min(11, len(f) // 10) # a DBN without labels: up to 11 rows of free samples
    show['free'] = f[:10 * n_rows].reshape(n_rows, 10, 784)
    if src.dbn is not None and src.labelled:
        t = time.perf_counter()
        with matmul_precision(PRECISION[0]): err = 100 * (predict_labels(src.dbn, v_te) != y_te).float().mean().item()
        sec['generative_classification'] = time.perf_counter() - t
        r['generative_classification_error_pct'] = err
    return r, show


def target_rows(r, which):
    "(measure, target, measured, PASS/MISS/n/a/--) for the targets of `which`."
    T, rows = TARGETS[which], []
    def row(name, target, value, ok):
        rows.append(dict(measure=name, target=target, measured=value, status='SKIP' if ok is None else 'PASS' if ok else 'MISS'))
    a, dv = r.get('agreement_pct'), r.get('diversity')
    row('agreement, overall', f">= {T['agreement']:g}%", f"{a['overall']:.1f}%" if a else 'skipped (no label units)',
        a['overall'] >= T['agreement'] if a else None)
    row('diversity, every class', f">= {T['diversity']:g}",
        f"{dv['min']:.2f} (min, digit {dv['min_digit']})" if dv else 'skipped (no label units)',
        dv['min'] >= T['diversity'] if dv else None)
    lf = r['label_free_pct']
    if T['free_hi'] is None:
        row('label-free samples, every class', f">= {T['free_lo']:g}%", f"{lf['min']:.1f}% (min)", lf['min'] >= T['free_lo'])
    else:
        row('label-free samples, every class', f"{T['free_lo']:g}-{T['free_hi']:g}%", f"{lf['min']:.1f}-{lf['max']:.1f}%",
            T['free_lo'] <= lf['min'] and lf['max'] <= T['free_hi'])
    ge = r.get('generative_classification_error_pct')
    measured = f"{ge:.2f}%" if ge is not None else 'not a DBN' if r.get('sizes') is None else 'skipped (no label units)'
    if T['gen_error'] is None:
        row('generative classification error (test)', 'no target (long: <= 1.5%)', measured, None)
        rows[-1]['status'] = '--'
    else:
        row('generative classification error (test)', f"<= {T['gen_error']:g}% (paper 1.25%)", measured,
            ge <= T['gen_error'] if ge is not None else None)
    return rows


def report(r, which, n, k):
    "The text block for one source."
    out = [f"== {r['name']}: {r['describe']}"]
    if r['note']: out.append(f"   NOTE: {r['note']}")
    sec = r['seconds']
    samp = {key[len('sampling_'):].replace('_', '-'): v for key, v in sec.items() if key.startswith('sampling')}
    parts = [f"sampling {sum(samp.values()):.1f} s (" + ", ".join(f"{key} {v:.1f}" for key, v in samp.items()) + ")",
             f"judging {sec.get('judging', 0):.1f} s"]
    if 'diversity' in sec: parts.append(f"diversity {sec['diversity']:.1f} s")
    if 'generative_classification' in sec: parts.append(f"generative classification {sec['generative_classification']:.1f} s")
    out.append("   " + ", ".join(parts))
    out.append("")
    head = f"   {'digit':38s}" + ''.join(f"{d:>7d}" for d in DIGITS) + "   overall/min"
    out.append(head)
    a, ab, dv, lf = r.get('agreement_pct'), r.get('agreement_of_binarised_samples_pct'), r.get('diversity'), r['label_free_pct']
    if a:
        out.append(f"   {'(a) agreement (%)':38s}" + ''.join(f"{x:7.1f}" for x in a['per_digit']) + f"   {a['overall']:.1f} overall")
        out.append(f"   {'    same, samples binarised (%)':38s}" + ''.join(f"{x:7.1f}" for x in ab['per_digit']) + f"   {ab['overall']:.1f} overall")
        out.append(f"   {'(b) diversity (ratio to real)':38s}" + ''.join(f"{x:7.2f}" for x in dv['per_digit']) + f"   {dv['min']:.2f} min")
    c_name = f"(c) label-free, judged as (%, n={lf['n']})"
    out.append(f"   {c_name:38s}" + ''.join(f"{x:7.1f}" for x in lf['per_digit'])
               + f"   {lf['min']:.1f} min, {lf['max']:.1f} max"
               + f" (sampling s.e. {100 * math.sqrt(0.09 / lf['n']):.1f} at 10%)")
    ge = r.get('generative_classification_error_pct')
    if ge is not None: out.append(f"   (d) generative classification error on the 10,000 binarised test images: {ge:.2f}%")
    out.append("")
    rows = target_rows(r, which)
    out.append(f"   {'targets (' + which + ')':42s}{'target':28s}{'measured':30s}")
    for t in rows: out.append(f"   {t['measure']:42s}{t['target']:28s}{t['measured']:30s}{t['status']}")
    r['targets'] = dict(which=which, rows=rows)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------------------- figure
def write_png(path, panels, title):
    "One panel per source: a row of 10 samples per digit, then label-free rows; written atomically."
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    def tile(rows): # (R, 10, 784) -> image with 1 px grey gaps
        R = rows.shape[0]
        img = torch.full((R * 29 + 1, 10 * 29 + 1), 0.5)
        for i in range(R):
            for j in range(rows.shape[1]): img[1 + 29 * i:29 * (i + 1), 1 + 29 * j:29 * (j + 1)] = rows[i, j].reshape(28, 28)
        return img
    fig, axes = plt.subplots(1, len(panels), figsize=(3.3 * len(panels) + 0.3, 4.2), squeeze=False)
    for ax, (name, show) in zip(axes[0], panels):
        free = show['free']
        labelled = show.get('labelled')
        rows = torch.cat([labelled, free]) if labelled is not None else free
        names = ([str(d) for d in DIGITS] if labelled is not None else []) + ['free'] * len(free)
        ax.imshow(tile(rows.float().clamp(0, 1)), cmap='gray', vmin=0, vmax=1, interpolation='nearest')
        ax.set_yticks([15 + 29 * i for i in range(len(rows))], names, fontsize=7)
        ax.set_xticks([]); ax.tick_params(length=0)
        for sp in ax.spines.values(): sp.set_visible(False)
        ax.set_title(name, fontsize=8)
    fig.suptitle(title, fontsize=8)
    fig.tight_layout()
    atomic_write(path, lambda f: fig.savefig(f, format='png', dpi=110))
    plt.close(fig)


# ------------------------------------------------------------------------------------------------------------------ main
def parser():
    p = argparse.ArgumentParser(prog='generation.py', description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    def int_min(lo):
        "An argparse type: an integer of at least lo."
        def parse(s):
            try: x = int(s)
            except ValueError: raise argparse.ArgumentTypeError(f"the value must be an integer, got {s!r}") from None
            if x < lo: raise argparse.ArgumentTypeError(f"the value must be at least {lo}, got {x}")
            return x
        return parse
    a = p.add_argument
    a('checkpoints', nargs='*', metavar='CKPT', help="DBN checkpoints written by dbn_train --save")
    a('--data', default=None, metavar='FOLDER', help="MNIST folder with the four IDX files (default: $DBN_BOOK_DATA or ../shared/data/mnist)")
    a('--n_per_digit', type=int_min(2), default=100, metavar='N', help="samples per digit; 10 N label-free samples (default: 100)")
    a('--k', type=int_min(0), default=1000, help="Gibbs steps in the top RBM per sample (default: 1000)")
    a('--seed', type=int_min(0), default=0, help="seed of the sampling generator; the judge has its own, fixed (default: 0)")
    a('--label', default=None, metavar='NAME', help="results go to generation_NAME.json and .png (default: the first checkpoint's name, or selftest)")
    a('--targets', choices=TARGETS, default='default', help="which row of issue 9's targets to show (default: default)")
    a('--selftest', action='store_true', help="first run fake models made of real test digits, a collapsed model and noise: shows the metrics are calibrated")
    a('--matmul_precision', choices=['highest', 'high', 'medium'], default='highest', help="the DBN's float32 matrix products "
      "while it samples and classifies, as torch.set_float32_matmul_precision sets them ('medium': bfloat16 where the CPU has it); "
      "the judge always runs at 'highest' (default: highest)")
    a('--top_beta', type=float, default=1.0, metavar='BETA', help="draw from the top RBM at inverse temperature BETA: its W, b and c "
      "times BETA, so that its Gibbs chains sample P(v, h)^BETA / Z_BETA; the directed layers below are unchanged (default: 1, "
      "the model itself)")
    a('--threads', type=int_min(1), default=2, help="torch CPU threads (default: 2; on a machine shared with other jobs, 1 can be several times faster)")
    a('--judge_cache', default=short(CACHE), metavar='PATH', help="where the trained judge is cached (default: benchmarks/out/judge.pt)")
    a('--results', default=short(RESULTS), metavar='FOLDER', help="where the JSON and PNG go (default: benchmarks/results)")
    return p


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    a = parser().parse_args(argv)
    t_start, started = time.perf_counter(), time.strftime('%Y-%m-%d %H:%M:%S')
    command = "python " + shlex.join([sys.argv[0]] + argv)
    if not (math.isfinite(a.top_beta) and a.top_beta > 0): die(f"--top_beta must be a positive number, got {a.top_beta}")
    if not a.checkpoints and not a.selftest: die("name at least one DBN checkpoint (or pass --selftest)")
    label = a.label or (Path(a.checkpoints[0]).stem if a.checkpoints else 'selftest')
    if not re.fullmatch(r'[A-Za-z0-9_.+-]+', label): die(f"--label must be letters, digits and _.+- only, got {label!r}")
    results = Path(a.results)
    if not results.is_dir(): die(f"results folder {results} does not exist")
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    PRECISION[0] = a.matmul_precision
    log(f"command: {command}")
    log(f"generation benchmark, started {started}; machine: {platform.machine()}, "
        f"{os.cpu_count()} CPUs (shared with other jobs), torch {torch.__version__}, {torch.get_num_threads()} threads, cpu")
    log(f"settings: n_per_digit={a.n_per_digit}, k={a.k}, seed={a.seed}, targets={a.targets}" +
        (f", the top RBM at inverse temperature {a.top_beta:g}" if a.top_beta != 1.0 else "") +
        (f", the DBN's matrix products at precision '{a.matmul_precision}'" if a.matmul_precision != 'highest' else ""))
    log("all numbers below are on the official MNIST test set or on generated samples")

    # checkpoints first: a typo should not cost a judge training
    if a.checkpoints and not hasattr(DBN, 'sample'): die("this dbn_book has no DBN.sample (dbn_book.sampling is missing)")
    dbns = []
    for path in a.checkpoints:
        if not Path(path).is_file(): die(f"checkpoint {path} does not exist (write one with dbn_train --save {path})")
        try: dbns.append((path, DBN.load(path)))
        except ValueError as e: die(str(e))
        if a.top_beta != 1.0:
            with torch.no_grad():
                for p in (dbns[-1][1].top.W, dbns[-1][1].top.b, dbns[-1][1].top.c): p.mul_(a.top_beta)

    folder = a.data or local_mnist_folder()
    if folder is None: die("the full MNIST was not found: pass --data FOLDER (the four IDX files) or set DBN_BOOK_DATA")
    try: ds = load_mnist(folder)
    except MNISTDataError as e: die(str(e))
    if len(ds.x_train) != 60000 or len(ds.x_test) != 10000: die(f"needs the full MNIST, got {ds}")
    _, _, v_te, y_te = mnist_tensors(ds) # binarised by sampling, seed 0: the test images of generative classification
    x_te_grey = ds.x_test.float() / 255
    counts = torch.bincount(y_te, minlength=10)
    need = (2 if a.selftest else 1) * a.n_per_digit
    if counts.min() < need: die(f"--n_per_digit {a.n_per_digit} is too large: the smallest test class has {int(counts.min())} digits"
                                + (f" and the self-test needs {need} per class" if a.selftest else ""))
    log(f"data: {ds.source}")

    log("")
    judge, jinfo = get_judge(ds, Path(a.judge_cache), threads=a.threads, log=log)
    t = time.perf_counter()
    acc = dict(test_grey=100 * accuracy(judge, ds.x_test, y_te), test_binarised=100 * accuracy(judge, v_te, y_te),
               valid_grey=100 * accuracy(judge, ds.x_train[N_JUDGE_TRAIN:], ds.y_train[N_JUDGE_TRAIN:]))
    log(f"judge accuracy: {acc['test_grey']:.2f}% on the 10,000 test images (grey), {acc['test_binarised']:.2f}% on them "
        f"binarised, {acc['valid_grey']:.2f}% on the validation split (train 50,000-59,999); {time.perf_counter() - t:.1f} s")
    jinfo.update(settings=JUDGE_SETTINGS, trained_on_images=f"training images 0..{N_JUDGE_TRAIN - 1:,}", accuracy_pct=acc)

    sources = (selftest_sources(x_te_grey, v_te, y_te, a.n_per_digit) if a.selftest else []) + \
              [dbn_source(path, dbn, a.k) for path, dbn in dbns]
    log(f"\nsamples: {SAMPLES_ARE}" + (" (self-test sources: real digits instead)" if a.selftest else ""))
    log(f"diversity: {DIVERSITY_IS}")
    models, panels = [], []
    for src in sources:
        log("")
        r, show = evaluate(src, judge, x_te_grey, v_te, y_te, a.n_per_digit, a.seed)
        log(report(r, a.targets, a.n_per_digit, a.k))
        models.append(r); panels.append((src.name, show))

    out = dict(benchmark='generation', command=command, started=started, seconds=time.perf_counter() - t_start,
               note=("test-set numbers (official MNIST test images) and numbers on generated samples, judged by an "
                     "independent CNN trained on MNIST training images 0..49,999"),
               machine=f"{platform.machine()}, {os.cpu_count()} CPUs, torch {torch.__version__}, {torch.get_num_threads()} threads",
               data=ds.source, settings=dict(n_per_digit=a.n_per_digit, k=a.k, seed=a.seed, targets=a.targets, top_beta=a.top_beta),
               samples=SAMPLES_ARE, diversity=DIVERSITY_IS, targets=TARGETS, judge=jinfo, models=models)
    jpath, ppath = results / f'generation_{label}.json', results / f'generation_{label}.png'
    atomic_write(jpath, lambda f: f.write((json.dumps(out, indent=1) + "\n").encode()))
    write_png(ppath, panels, f"generation_{label}: k={a.k}, seed {a.seed}\nrows 0-9: label units clamped; free: label-free")
    log(f"\nwrote {jpath} and {ppath}; total {time.perf_counter() - t_start:.0f} s")


if __name__ == '__main__':
    main()
