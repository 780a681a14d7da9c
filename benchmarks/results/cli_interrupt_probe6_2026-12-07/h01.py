"""h01: a second Ctrl-C (or a kill) after the final checkpoint is written but before the --json report: the report is never
written, the message says to --resume, and --resume refuses the finished checkpoint ('nothing to continue')."""
import time, signal, os
from lib import *
A = ['--no_download', '--n_train', '100', '--sizes', '784', '2000', '2000', '--dbn_epochs', '1', '--top_epochs', '1',
     '--updown_epochs', '1', '--mlp_epochs', '1', '--batch', '50', '--device', 'cpu', '--quiet', '--no_label_prior']
d = work('h01'); path = d / 'm.pt'
p = launch(*A, '--save', path, '--json', d / 'r.json')
wait_until(p, path, lambda ph, ep: ph.startswith('fine') and ep == 1) # the last epoch is saved; _finish scores and saves next
p.send_signal(signal.SIGINT) # first Ctrl-C: the run goes on (it was the last epoch)
ino = os.stat(path).st_ino
while p.poll() is None and os.stat(path).st_ino == ino: time.sleep(0.0005) # the final checkpoint (phase 'done') lands
p.send_signal(signal.SIGINT) # second Ctrl-C
out, err = p.communicate()
print(f"rc {p.returncode}; checkpoint phase {where(path)[0]!r}; test results in it: {sorted(k for k in ckpt(path)['results'] if k.startswith('test'))}")
print(f"report {d / 'r.json'} written: {(d / 'r.json').exists()}; summary printed: {'scored once' in out}")
print('dbn_train said:', err.strip().splitlines()[-1])
r = run('--resume', path, '--quiet')
print(f"dbn_train --resume: rc {r.returncode}: {r.stderr.strip()}")
