import sys, time, signal, subprocess, random
from lib import *
random.seed(int(sys.argv[1]))
for i in range(int(sys.argv[2])):
    d = work('early2'); delay = random.uniform(0.3, 0.5)
    p = subprocess.Popen(['nice', 'dbn_train', *CFG, '--save', 'm.pt'], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=d)
    time.sleep(delay); p.send_signal(signal.SIGINT)
    out, err = p.communicate()
    if p.returncode != -2:
        print(f"{delay:.3f}: rc {p.returncode}; files {sorted(f.name for f in d.iterdir())}; phase {where(d/'m.pt') if (d/'m.pt').exists() else None}")
        print(err[:3000]); print(out[-500:]); break
