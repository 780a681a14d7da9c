"Shared helpers for the probe's drivers (run from /work/tmp/probe6)."
import os, signal, subprocess, sys, time, json, shutil
from pathlib import Path
import torch

HERE = Path('/work/tmp/probe6')
ENV = {**os.environ, 'OMP_NUM_THREADS': '1'}
CFG = ['--no_download', '--n_train', '3000', '--sizes', '784', '256', '64', '--dbn_epochs', '3', '--top_epochs', '3',
       '--updown_epochs', '3', '--mlp_epochs', '3', '--batch', '10', '--device', 'cpu', '--quiet']

def work(name):
    d = HERE / 'w' / name
    shutil.rmtree(d, ignore_errors=True); d.mkdir(parents=True)
    return d

def launch(*argv, cwd=None):
    return subprocess.Popen(['nice', 'dbn_train', *map(str, argv)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=ENV, cwd=cwd)

def run(*argv, cmd='dbn_train', cwd=None):
    return subprocess.run(['nice', cmd, *map(str, argv)], capture_output=True, text=True, env=ENV, cwd=cwd)

def ckpt(path):
    return torch.load(path, map_location='cpu', weights_only=False)

def where(path):
    "(phase, epoch of the saved state or None) of a checkpoint."
    c = ckpt(path); t = c.get('training') or {}
    st = t.get('state')
    return t.get('phase'), (st or {}).get('epoch') if isinstance(st, dict) else None

def wait_until(p, path, pred, timeout=120):
    "Poll the checkpoint each time it is replaced until pred(phase, epoch); returns (phase, epoch, time seen)."
    last, t0 = None, time.time()
    while time.time() - t0 < timeout:
        if p.poll() is not None: raise RuntimeError(f'process ended first: {p.returncode} {p.stderr.read()}')
        try: s = os.stat(path); key = (s.st_ino, s.st_mtime_ns)
        except FileNotFoundError: time.sleep(0.005); continue
        if key != last:
            last = key
            try: ph, ep = where(path)
            except Exception: continue
            if pred(ph, ep): return ph, ep, time.time()
        time.sleep(0.005)
    raise TimeoutError

def tensors(path):
    c = ckpt(path)
    out = {f'dbn.{k}': v for k, v in c['dbn'].items()}
    if c.get('mlp'): out.update({f'mlp.{k}': v for k, v in c['mlp']['state'].items()})
    return out, c

def same_model(a, b):
    ta, ca = tensors(a); tb, cb = tensors(b)
    if ta.keys() != tb.keys(): return False, f'keys differ {set(ta) ^ set(tb)}'
    bad = [k for k in ta if not torch.equal(ta[k], tb[k])]
    if bad: return False, f'tensors differ: {bad}'
    if ca['results'] != cb['results']: return False, f"results differ: {ca['results']} vs {cb['results']}"
    return True, 'equal'

def leftovers(d):
    return sorted(f.name for f in Path(d).iterdir() if f.name.endswith('.tmp'))

def reference(name='ref', extra=()):
    "An uninterrupted run (cached)."
    d = HERE / 'w' / name
    if (d / 'ref.pt').exists(): return d / 'ref.pt'
    d = work(name)
    r = run(*CFG, *extra, '--save', d / 'ref.pt', '--json', d / 'ref.json')
    assert r.returncode == 0, r.stderr
    return d / 'ref.pt'
