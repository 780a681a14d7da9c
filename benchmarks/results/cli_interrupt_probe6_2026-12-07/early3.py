import sys, time, signal, subprocess, random, collections
from lib import *
random.seed(int(sys.argv[1])); seen = collections.Counter()
for i in range(int(sys.argv[2])):
    d = work('early3'); delay = random.uniform(0.3, 0.5)
    p = subprocess.Popen(['nice', 'dbn_train', *CFG, '--save', 'm.pt'], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=d)
    time.sleep(delay); p.send_signal(signal.SIGINT)
    out, err = p.communicate()
    last = err.strip().splitlines()[-1][:80] if err.strip() else ''
    key = (p.returncode, last.split(':')[0]); seen[key] += 1
    if 'Recursion' in last:
        ph = where(d/'m.pt') if (d/'m.pt').exists() else None
        print(f"{delay:.3f}: rc {p.returncode}; files {sorted(f.name for f in d.iterdir())}; phase {ph}; summary {'scored once' in out}")
        if 'Recursion' in last: print('\n'.join(err.splitlines()[:12])); print('...'); print('\n'.join(err.splitlines()[-14:]))
        break
print(dict(seen))
