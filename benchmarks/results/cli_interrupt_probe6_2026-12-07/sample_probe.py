"dbn_sample / dbn_rbm: signals while the output file is written, and while loading."
import sys, time, signal, subprocess
from lib import *
ref = reference()
def watch_tmp(cmd, d, sig, after=None):
    p = subprocess.Popen(['nice', *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=d)
    t0 = time.time()
    while p.poll() is None:
        if after is None and leftovers(d): p.send_signal(sig); ts = time.time(); break
        if after is not None and time.time() - t0 > after: p.send_signal(sig); ts = time.time(); break
        time.sleep(0.001)
    else: ts = time.time()
    out, err = p.communicate()
    files = sorted(f.name for f in Path(d).iterdir())
    return p.returncode, time.time() - ts, files, err.strip().splitlines()[-1:] if err.strip() else [], 'Traceback' in err
mode = sys.argv[1]
for sig in (signal.SIGINT, signal.SIGTERM):
    d = work(f'{mode}_{sig.name}')
    if mode == 'sample': cmd = ['dbn_sample', str(ref), '--n', '10000', '--k', '5', '--device', 'cpu', '--out', 'out.png']
    else: cmd = ['dbn_rbm', '--no_download', '--epochs', '1', '--hidden', '16', '--batch', '100', '--device', 'cpu', '--quiet', '--out', 'out.svg']
    print(mode, sig.name, 'during the write:', watch_tmp(cmd, d, sig))
