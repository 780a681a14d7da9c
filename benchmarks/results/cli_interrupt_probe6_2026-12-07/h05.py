"""h05: Ctrl-C outside the training/sampling loops prints a Python traceback and exits with -2 (not one line, status 130):
while dbn_sample or dbn_rbm writes its output file, and while any of the three commands starts (imports, first ~1 s; see h06 for what else happens there).
Nothing is half-written in these cases."""
import time, signal, subprocess
from lib import *
def sigint(cmd, d, when):
    p = subprocess.Popen(['nice', *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=d)
    t0 = time.time()
    while p.poll() is None:
        if (when == 'write' and leftovers(d)) or (when != 'write' and time.time() - t0 > when): p.send_signal(signal.SIGINT); break
        time.sleep(0.001)
    out, err = p.communicate()
    return f"rc {p.returncode}; traceback {'Traceback' in err}; last line {(err.strip().splitlines() or [''])[-1][:60]!r}; folder {sorted(f.name for f in d.iterdir())}"
ref = reference()
S = ['dbn_sample', str(ref), '--n', '10000', '--k', '5', '--device', 'cpu', '--out', 'out.png']
R = ['dbn_rbm', '--no_download', '--epochs', '1', '--hidden', '16', '--device', 'cpu', '--quiet', '--out', 'out.svg']
T = ['dbn_train', *CFG, '--save', 'm.pt']
print('dbn_sample, Ctrl-C during the PNG write:', sigint(S, work('h05_s'), 'write'))
print('dbn_rbm, Ctrl-C during the figure write:', sigint(R, work('h05_r'), 'write'))
for cmd in (T, S, R): print(f'{cmd[0]}, Ctrl-C 0.2 s after start:', sigint(cmd, work('h05_0'), 0.2))
