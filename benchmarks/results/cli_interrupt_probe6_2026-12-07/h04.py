"h04: the first Ctrl-C during the label prior waits for the whole label prior (no epoch there to stop after)."
import time, signal
from lib import *
A = ['--no_download', '--n_train', '100', '--sizes', '784', '500', '1000', '--dbn_epochs', '1', '--top_epochs', '1',
     '--updown_epochs', '1', '--mlp_epochs', '1', '--batch', '50', '--device', 'cpu']
d = work('h04'); path = d / 'm.pt'
p = launch(*A, '--save', path)
wait_until(p, path, lambda ph, ep: ph == 'up-down' and ep == 1) # up-down's last epoch saved: the label prior runs now
time.sleep(0.2); ts = time.time(); p.send_signal(signal.SIGINT)
out, err = p.communicate()
print(f"rc {p.returncode}, {time.time() - ts:.1f} s from SIGINT to exit; checkpoint {where(path)}")
print('stderr:', err.strip().splitlines()[0])
print('stdout:', [l for l in out.splitlines() if l.startswith(('label prior', 'stopped'))])
