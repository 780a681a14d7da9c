"SIGINT (twice, 20 ms apart) at fixed early moments after the start of dbn_train."
import sys, time, signal
from lib import *
for delay in [float(x) for x in sys.argv[1:]]:
    d = work(f'early_{delay}'); path = d / 'm.pt'
    p = launch(*CFG, '--save', path)
    time.sleep(delay); ts = time.time()
    p.send_signal(signal.SIGINT); time.sleep(0.02); p.send_signal(signal.SIGINT)
    out, err = p.communicate(); dt = time.time() - ts
    print(f"{delay:4.2f}s: rc {p.returncode} after {dt:.2f}s; saved {where(path) if path.exists() else 'nothing'}; stderr: {' | '.join(err.strip().splitlines()[-2:])[:250]}", flush=True)
