"""Time each chapter run top to bottom as a reader runs it, and say whether it fits the budget (3 minutes).

    python tools/chapter_times.py                          # every chapter (nbs/NN_*.ipynb)
    python tools/chapter_times.py 00_core 02               # chapters by name or number prefix (or a path)
    python tools/chapter_times.py --out times.md           # also write the table to a file
    python tools/chapter_times.py --data ~/mnist --threads 2 --limit 180

A reader's run: a fresh kernel (`jupyter nbconvert --to notebook --execute`, from the notebook's folder as Jupyter
starts it), `IN_TEST` unset (so nothing shrinks as it does under `nbdev_test`), `DBN_BOOK_DATA` pointing at the MNIST
folder, `OMP_NUM_THREADS` (and MKL's) at 2. The executed copy goes to a temporary folder and is deleted: the
notebooks in nbs/ are never changed. "seconds" is the wall-clock time of the whole run, kernel start included (what
the reader waits, and what the budget is checked on); "in cells" is the part spent running the cells. Both depend on
the machine and its load: run it on a quiet machine (`nice` it on a shared one) and quote the machine.
The kernel imports the package from this checkout (the repository root goes first on PYTHONPATH).

Exit status: 0 when every chapter ran (whatever its time), 1 when one failed to run, 2 for a bad argument.
"""
import argparse, json, os, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NBS = ROOT / 'nbs'
# ../shared/data/mnist beside the checkout (or beside the folder of worktrees)
DEFAULT_DATA = next((d for d in (ROOT.parent / 'shared' / 'data' / 'mnist', ROOT.parent.parent / 'shared' / 'data' / 'mnist')
                     if d.is_dir()), None)


def chapters():
    "The book's chapters in order: nbs/NN_*.ipynb (scratch notebooks start with `_`; the landing page is index)."
    return sorted(p for p in NBS.glob('*.ipynb') if p.name[:1].isdigit())


def select(names):
    "The notebooks that `names` (paths, stems, or prefixes such as `02` or `02_cd`) name, in book order."
    if not names: return chapters()
    every = sorted(p for p in NBS.glob('*.ipynb') if not p.name.startswith('_'))
    picked = []
    for n in names:
        p = Path(n)
        if p.suffix == '.ipynb' and p.exists(): hits = [p.resolve()]
        else: hits = [q for q in every if q.stem.startswith(Path(n).stem)]
        if not hits:
            raise ValueError(f'no notebook in {NBS} matches {n!r}; the chapters are: '
                             + ', '.join(q.stem for q in every))
        picked += [h for h in hits if h not in picked]
    return picked


def reader_env(data, threads):
    "The environment of a reader's kernel: IN_TEST unset, the data folder, the thread count, this checkout first."
    env = dict(os.environ)
    env.pop('IN_TEST', None)
    env.update(OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads),
               PYTHONPATH=os.pathsep.join([str(ROOT)] + [p for p in env.get('PYTHONPATH', '').split(os.pathsep) if p]))
    if data: env['DBN_BOOK_DATA'] = str(data)
    return env


def cell_seconds(executed):
    "The time spent inside the cells of an executed notebook (nbclient's per-cell timestamps), or None."
    from datetime import datetime
    total, any_ = 0.0, False
    for c in json.loads(Path(executed).read_text(encoding='utf-8')).get('cells', []):
        ex = c.get('metadata', {}).get('execution', {})
        a, b = ex.get('iopub.execute_input'), ex.get('shell.execute_reply')
        if a and b:
            total += (datetime.fromisoformat(b.replace('Z', '+00:00')) - datetime.fromisoformat(a.replace('Z', '+00:00'))).total_seconds()
            any_ = True
    return total if any_ else None


def time_chapter(nb, env, timeout=3600):
    "Run `nb` in a fresh kernel into a temporary copy; return (wall seconds, seconds in cells or None, error or None)."
    with tempfile.TemporaryDirectory(prefix='dbn_times_') as tmp:
        cmd = [sys.executable, '-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute', str(nb),
               '--output-dir', tmp, '--output', nb.stem + '_executed',
               f'--ExecutePreprocessor.timeout={int(timeout)}', '--ExecutePreprocessor.record_timing=True']
        t0 = time.perf_counter()
        r = subprocess.run(cmd, env=env, cwd=nb.parent, capture_output=True, text=True)
        secs = time.perf_counter() - t0
        out = Path(tmp) / (nb.stem + '_executed.ipynb')
        cells = cell_seconds(out) if r.returncode == 0 and out.exists() else None
    return secs, cells, (None if r.returncode == 0 else (r.stderr or r.stdout)[-3000:])


def table(rows, limit):
    "A markdown table of (chapter, wall seconds, seconds in cells, error) rows, with the total; the budget is on wall time."
    lines = [f'| chapter | seconds | in cells | within {_budget(limit)} |', '|---|---:|---:|---|']
    for name, secs, cells, err in rows:
        lines.append(f'| {name} | {secs:.0f} | ' + ('' if cells is None else f'{cells:.0f}') + ' | '
                     + ('failed' if err else ('yes' if secs <= limit else 'no')) + ' |')
    total = sum(r[1] for r in rows)
    in_cells = sum(r[2] or 0 for r in rows)
    over = sum(1 for _, s, _, e in rows if not e and s > limit)
    lines.append(f'| total | {total:.0f} | {in_cells:.0f} | {over} over |')
    return '\n'.join(lines) + '\n'


def _budget(limit): return f'{limit / 60:g} min' if limit % 60 == 0 else f'{limit:g} s'


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('chapters', nargs='*', help='notebooks to time: names, number prefixes or paths (default: every chapter)')
    ap.add_argument('--out', type=Path, help='also write the table (markdown) to this file')
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA') or DEFAULT_DATA,
                    help='the MNIST folder, as DBN_BOOK_DATA (default: $DBN_BOOK_DATA, else ../shared/data/mnist)')
    ap.add_argument('--threads', type=int, default=2, help='OMP_NUM_THREADS of the kernel (default 2)')
    ap.add_argument('--limit', type=float, default=180, help='the budget per chapter in seconds (default 180)')
    ap.add_argument('--timeout', type=int, default=3600, help='the longest one cell may run, in seconds (default 3600)')
    a = ap.parse_args(argv)
    if a.threads < 1: ap.error(f'--threads must be at least 1, got {a.threads}')
    if a.limit <= 0: ap.error(f'--limit must be positive, got {a.limit}')
    if a.data and not Path(a.data).is_dir():
        ap.error(f'--data {a.data} is not a folder: pass the folder that holds the MNIST files (or leave it out)')
    try: nbs = select(a.chapters)
    except ValueError as e: ap.error(str(e))
    env = reader_env(a.data, a.threads)
    print(f'timing {len(nbs)} notebook(s), OMP_NUM_THREADS={a.threads}, DBN_BOOK_DATA={a.data or "(unset)"}', file=sys.stderr)
    rows = []
    for nb in nbs:
        secs, cells, err = time_chapter(nb, env, a.timeout)
        rows.append((nb.stem, secs, cells, err))
        print(f'  {nb.stem}: {secs:.1f} s' + ('' if cells is None else f' ({cells:.1f} s in cells)')
              + (' FAILED' if err else ''), file=sys.stderr)
        if err: print(err, file=sys.stderr)
    text = table(rows, a.limit)
    print(text, end='')
    if a.out: a.out.write_text(text)
    return 1 if any(r[3] for r in rows) else 0


if __name__ == '__main__': sys.exit(main())
