"""h02: the second Ctrl-C while dbn_train writes a checkpoint (torch.save) gives torch's RuntimeError as a traceback, exit
status 1, and no 'dbn_train --resume' advice; the previous checkpoint survives. Tries up to 4 times (the signal must land
inside torch.save's writes)."""
import time, signal
from lib import *
A = ['--no_download', '--n_train', '100', '--sizes', '784', '2000', '2000', '--dbn_epochs', '3', '--top_epochs', '3',
     '--updown_epochs', '1', '--mlp_epochs', '1', '--batch', '50', '--device', 'cpu', '--quiet', '--no_label_prior']
for attempt in range(4):
    d = work('h02'); path = d / 'm.pt'
    p = launch(*A, '--save', path)
    first = None
    while p.poll() is None: # the second checkpoint's temporary file appears: Ctrl-C twice, 30 ms apart
        t = leftovers(d)
        if t and path.exists(): p.send_signal(signal.SIGINT); time.sleep(0.03); p.send_signal(signal.SIGINT); break
        time.sleep(0.001)
    out, err = p.communicate()
    print(f"attempt {attempt}: rc {p.returncode}; traceback: {'Traceback' in err}; last line: {err.strip().splitlines()[-1][:150]}")
    print(f"   checkpoint still loads: {where(path)}; temporary files left: {leftovers(d)}")
    if 'Traceback' in err: break
