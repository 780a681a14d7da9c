"""h06: Ctrl-C in dbn_train's first ~1.2 s (its imports, before its handler is installed) prints a KeyboardInterrupt
traceback; and now and then (about 1 in 10 here, at 0.3-0.45 s) torch's import of numpy swallows it: the run then
ignores the Ctrl-C and trains to the end, or fails later with an ImportError / RecursionError traceback from the
half-imported numpy. Tries until it sees one of those (at most 40 tries)."""
import time, signal, subprocess, random, collections
from lib import *
TINY = ['--no_download', '--n_train', '300', '--sizes', '784', '32', '16', '--dbn_epochs', '2', '--top_epochs', '2',
        '--updown_epochs', '2', '--mlp_epochs', '2', '--batch', '50', '--device', 'cpu', '--quiet']
random.seed(0); tally = collections.Counter()
for i in range(40):
    d = work('h06'); delay = random.uniform(0.3, 0.45)
    p = subprocess.Popen(['nice', 'dbn_train', *TINY, '--save', 'm.pt'], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=d)
    time.sleep(delay); p.send_signal(signal.SIGINT)
    out, err = p.communicate()
    last = err.strip().splitlines()[-1][:90] if err.strip() else '(nothing on stderr)'
    tally[(p.returncode, last.split(':')[0])] += 1
    if p.returncode != -2:
        print(f"try {i}: Ctrl-C {delay:.3f} s after start -> rc {p.returncode}; last line {last!r}; "
              f"checkpoint {where(d / 'm.pt') if (d / 'm.pt').exists() else None}; summary printed {'scored once' in out}")
        break
print('outcomes (rc, last line):', dict(tally))
