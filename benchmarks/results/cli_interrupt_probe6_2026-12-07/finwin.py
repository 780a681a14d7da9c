"SIGKILL / second SIGINT right after the final checkpoint (phase 'done') is written, before the --json report."
import sys, time, signal, os, json
from lib import *
BIG = ['--no_download', '--n_train', '100', '--sizes', '784', '2000', '2000', '--dbn_epochs', '1', '--top_epochs', '1',
       '--updown_epochs', '1', '--mlp_epochs', '1', '--batch', '50', '--device', 'cpu', '--quiet', '--no_label_prior']
def trial(name, sig):
    d = work(name); path = d / 'm.pt'
    p = launch(*BIG, '--save', path, '--json', d / 'r.json')
    wait_until(p, path, lambda ph, ep: ph.startswith('fine') and ep == 1) # the last epoch's checkpoint: _finish is next
    if sig == signal.SIGINT: p.send_signal(sig) # the first: the run finishes anyway (it is the last epoch)
    ino = os.stat(path).st_ino
    while p.poll() is None and os.stat(path).st_ino == ino: time.sleep(0.0005) # the final checkpoint replaces it
    p.send_signal(sig)
    out, err = p.communicate()
    print(f"{name}: rc {p.returncode}; checkpoint phase {where(path)[0]}; report written: {(d / 'r.json').exists()}; tmp {leftovers(d)}")
    print('   stderr:', ' | '.join(err.strip().splitlines()[-2:])[:300])
    r = run('--resume', path, '--quiet')
    print('   resume:', r.returncode, r.stderr.strip()[-250:])
for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 1):
    trial(f'fin_kill{i}', signal.SIGKILL); trial(f'fin_int{i}', signal.SIGINT)
