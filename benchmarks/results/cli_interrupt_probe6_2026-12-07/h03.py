"""h03: a kill while the output is being written leaves a hidden temporary file beside it that nothing removes later:
dbn_train with SIGKILL (then a successful --resume: still there), dbn_sample and dbn_rbm already with SIGTERM (no handler)."""
import time, signal, subprocess
from lib import *
def signal_when_tmp(cmd, d, sig):
    p = subprocess.Popen(['nice', *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=d)
    while p.poll() is None:
        if leftovers(d) and (cmd[0] != 'dbn_train' or (d / 'm.pt').exists()): p.send_signal(sig); break
        time.sleep(0.001)
    p.communicate(); return p.returncode
A = ['--no_download', '--n_train', '100', '--sizes', '784', '2000', '2000', '--dbn_epochs', '2', '--top_epochs', '1',
     '--updown_epochs', '1', '--mlp_epochs', '1', '--batch', '50', '--device', 'cpu', '--quiet', '--no_label_prior']
d = work('h03_train')
rc = signal_when_tmp(['dbn_train', *A, '--save', 'm.pt'], d, signal.SIGKILL)
print(f"dbn_train SIGKILL: rc {rc}; checkpoint {where(d / 'm.pt')}; left: {[(n, (d / n).stat().st_size) for n in leftovers(d)]}")
r = run('--resume', 'm.pt', '--quiet', cwd=d)
print(f"   after dbn_train --resume (rc {r.returncode}, phase {where(d / 'm.pt')[0]}): left: {leftovers(d)}")
ref = reference()
d = work('h03_sample')
rc = signal_when_tmp(['dbn_sample', str(ref), '--n', '10000', '--k', '5', '--device', 'cpu', '--out', 'out.png'], d, signal.SIGTERM)
print(f"dbn_sample SIGTERM: rc {rc}; folder: {sorted(f.name for f in d.iterdir())}")
d = work('h03_rbm')
rc = signal_when_tmp(['dbn_rbm', '--no_download', '--epochs', '1', '--hidden', '16', '--device', 'cpu', '--quiet', '--out', 'out.svg'], d, signal.SIGTERM)
print(f"dbn_rbm SIGTERM: rc {rc}; folder: {sorted(f.name for f in d.iterdir())}")
