"Signals at random moments: the file at --save must be absent, the old or the new checkpoint; --resume must reach the reference."
import sys, time, signal, random, json
from lib import *
ref = reference()
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
kinds = ['int2', 'term', 'kill', 'term2', 'int2']
for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 10):
    kind = kinds[i % len(kinds)]; delay = random.uniform(0.2, 9.5)
    d = work(f'rnd_{i}'); path = d / 'm.pt'
    p = launch(*CFG, '--save', path, '--json', d / 'r.json')
    time.sleep(delay)
    sig = {'int2': signal.SIGINT, 'term': signal.SIGTERM, 'kill': signal.SIGKILL, 'term2': signal.SIGTERM}[kind]
    ts = time.time(); p.send_signal(sig)
    if kind.endswith('2'): time.sleep(0.02); p.send_signal(sig)
    out, err = p.communicate(); dt = time.time() - ts
    state = 'absent'
    if path.exists():
        try: state = where(path)
        except Exception as e: state = f'UNLOADABLE {e!r}'[:120]
    tb = 'Traceback' in err
    line = f"{i:2d} {kind:5s} at {delay:4.1f}s: rc {p.returncode} after {dt:.2f}s; file {state}; tmp {leftovers(d)}; traceback {tb}"
    n = 0
    while path.exists() and isinstance(state, tuple) and state[0] != 'done' and n < 3:
        r = run('--resume', path, '--quiet'); n += 1
        if r.returncode != 0: line += f"; resume rc {r.returncode}: {r.stderr.strip()[-200:]}"; break
        state = where(path)
    if isinstance(state, tuple) and state[0] == 'done': line += f"; after {n} resume(s) model {same_model(path, ref)}; json {(d/'r.json').exists()}"
    print(line, flush=True)
    if tb: print('   ', err.strip().splitlines()[-1])
    if not tb and p.returncode not in (0,) and kind != 'kill': print('    msg:', (err.strip().splitlines() or [''])[-1][:200])
