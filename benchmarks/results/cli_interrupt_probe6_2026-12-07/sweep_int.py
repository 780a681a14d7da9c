"SIGINT once at various moments, then --resume; compare with the uninterrupted run."
import sys, time, signal, json
from lib import *
ref = reference()
refj = json.loads((ref.parent / 'ref.json').read_text())['results']
targets = [('pre ep1', lambda ph, ep: ph == 'pretraining' and ep == 1, 0),
           ('pre ep3 (layer boundary)', lambda ph, ep: ph == 'pretraining' and ep == 3, 0),
           ('pre->updown boundary', lambda ph, ep: ph == 'up-down' and ep is None, 0),
           ('updown ep1', lambda ph, ep: ph == 'up-down' and ep == 1, 0),
           ('label prior', lambda ph, ep: ph == 'up-down' and ep == 3, 0.3),
           ('ft ep1', lambda ph, ep: ph.startswith('fine') and ep == 1, 0),
           ('final scoring', lambda ph, ep: ph.startswith('fine') and ep == 3, 0.0)]
for name, pred, delay in targets:
    d = work('int_' + name.split()[0] + name.split()[-1].strip('()'))
    path = d / 'm.pt'
    p = launch(*CFG, '--save', path, '--json', d / 'r.json')
    ph, ep, seen = wait_until(p, path, pred)
    time.sleep(delay); ts = time.time(); p.send_signal(signal.SIGINT)
    out, err = p.communicate(); dt = time.time() - ts
    at = where(path)
    r = run('--resume', path, '--quiet')
    eq = same_model(path, ref) if r.returncode == 0 else (False, r.stderr.strip()[-300:])
    j = json.loads((d / 'r.json').read_text())['results'] if (d / 'r.json').exists() else None
    jeq = j is not None and all(j.get(k) == v for k, v in refj.items() if 'error' in k or k.startswith('label_prior') or k.startswith('recon'))
    print(f"{name:26s} seen {ph}/{ep}; rc {p.returncode} after {dt:.2f}s; ckpt {at}; resume rc {r.returncode}; model {eq}; json equal {jeq}; tmp {leftovers(d)}")
    if p.returncode not in (0, 130): print('  stderr:', err[-500:])
    print('   stop msg:', [l for l in out.splitlines() if 'stopped' in l], '| resume says:', [l for l in r.stdout.splitlines() if 'resum' in l or 'fine-tuning starts' in l])
