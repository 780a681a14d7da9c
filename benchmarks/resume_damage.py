"""Probe: what `dbn_train --resume` does with a checkpoint whose format is right but whose content is damaged.

    python benchmarks/resume_damage.py | tee benchmarks/results/resume_damage.txt
    PYTHONPATH=/path/to/an/older/checkout python benchmarks/resume_damage.py   (the same probe against older code)

A tiny run (300 embedded digits, 784-16-8) is stopped in each of its three training phases; each checkpoint is then
damaged one entry at a time (an entry removed or replaced by a string, the phase unknown, an option of the wrong type...)
and given to `train_main(['--resume', ...])`. Each case prints what came back: `rc=2` and the one-line error (refused, as
bad input should be), `rc=None` (accepted and run to the end: the run did not need that entry), or `rc=RAW` and the
exception that escaped as a traceback. The last line counts them.
"""
import contextlib, copy, io, sys, tempfile, traceback
from pathlib import Path
import torch
from dbn_book.cli import check_train_args, run_training, train_parser, train_main

ARGV = ['--no_download', '--n_train', '300', '--valid', '100', '--sizes', '784', '16', '8', '--dbn_epochs', '2', '--top_epochs', '2',
        '--updown_epochs', '2', '--mlp_epochs', '3', '--batch', '50', '--device', 'cpu', '--quiet']

def stopped_checkpoints(folder: Path) -> dict:
    "phase -> the checkpoint of the tiny run stopped in it."
    found = {}
    for stop_at, phase in [(2, 'pretraining'), (6, 'up-down'), (9, 'fine-tuning')]:
        seen = [0]
        def stop(): seen[0] += 1; return seen[0] == stop_at
        run_training(check_train_args(train_parser().parse_args(ARGV + ['--save', str(folder / f'{stop_at}.pt')])), log=lambda *a: None, stop=stop)
        found[phase] = torch.load(folder / f'{stop_at}.pt', weights_only=True)
    return found

def damages(ck: dict):
    "(name, change) pairs: each change damages one entry of a checkpoint in place."
    yield 'no config', lambda c: c.pop('config')
    yield 'config str', lambda c: c.__setitem__('config', 'x')
    yield 'training str', lambda c: c.__setitem__('training', 'x')
    yield 'no phase', lambda c: c['training'].pop('phase')
    yield 'phase bogus', lambda c: c['training'].__setitem__('phase', 'bogus')
    yield 'phase int', lambda c: c['training'].__setitem__('phase', 3)
    yield 'no state', lambda c: c['training'].pop('state')
    yield 'state str', lambda c: c['training'].__setitem__('state', 'x')
    yield 'no results', lambda c: c['training'].pop('results', None)
    yield 'results str', lambda c: c['training'].__setitem__('results', 'x')
    yield 'no top results', lambda c: c.pop('results')
    yield 'config sizes wrong', lambda c: c['config'].__setitem__('sizes', [784, 20, 8])
    yield 'config batch str', lambda c: c['config'].__setitem__('batch', 'x')
    yield 'config missing batch', lambda c: c['config'].pop('batch')
    yield 'config data None', lambda c: c['config'].__setitem__('data', None)
    for k in list(ck['training'].get('state') or {}):
        yield f'state no {k}', (lambda k: lambda c: c['training']['state'].pop(k))(k)
        yield f'state {k}=str', (lambda k: lambda c: c['training']['state'].__setitem__(k, 'x'))(k)

def main():
    with tempfile.TemporaryDirectory() as d:
        folder, counts = Path(d), {'rc=2': 0, 'rc=None': 0, 'rc=RAW': 0}
        for phase, ck in stopped_checkpoints(folder).items():
            for name, change in damages(ck):
                c = copy.deepcopy(ck); change(c); torch.save(c, folder / 'bad.pt')
                err = io.StringIO()
                with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                    try: rc = train_main(['--resume', str(folder / 'bad.pt'), '--quiet'])
                    except SystemExit as e: rc = e.code
                    except BaseException as e:
                        where = traceback.extract_tb(e.__traceback__)[-1]
                        rc = f'RAW {type(e).__name__} at {Path(where.filename).name}:{where.lineno}: {str(e)[:120]}'
                kind = 'rc=RAW' if str(rc).startswith('RAW') else f'rc={rc}'
                counts[kind] = counts.get(kind, 0) + 1
                last = err.getvalue().strip().splitlines()[-1:]
                print(f"{phase:12s} {name:26s} {rc if kind == 'rc=RAW' else kind} {last[0][:160] if last and kind != 'rc=RAW' else ''}".rstrip())
        print(f"{sum(counts.values())} cases: {counts['rc=2']} refused in one line (exit 2), {counts['rc=None']} accepted, "
              f"{counts['rc=RAW']} escaped as tracebacks")

if __name__ == '__main__':
    import argparse; argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args() # no options: --help shows the docstring
    main()
