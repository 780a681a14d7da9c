"Interrupt, resume, interrupt the resume, ... until done; compare with the uninterrupted run (model and JSON errors)."
import time, signal, json, random, sys
from lib import *
ref = reference(); refj = json.loads((ref.parent / 'ref.json').read_text())['results']
random.seed(int(sys.argv[1]))
d = work(f'chain{sys.argv[1]}'); path = d / 'm.pt'
p = launch(*CFG, '--save', path, '--json', d / 'r.json'); n = 0
while True:
    time.sleep(random.uniform(1.5, 4.0)); sig = random.choice([signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
    if p.poll() is None: ts = time.time(); p.send_signal(sig)
    out, err = p.communicate(); dt = time.time() - ts
    st = where(path) if path.exists() else None
    print(f"{sig.name} -> rc {p.returncode} after {dt:.2f}s; checkpoint {st}; tmp {leftovers(d)}", flush=True)
    if st and st[0] == 'done': break
    p = launch('--resume', path) if st else launch(*CFG, '--save', path, '--json', d / 'r.json'); n += 1
j = json.loads((d / 'r.json').read_text())['results']
print(f"after {n} resumes: model {same_model(path, ref)}; json errors equal {all(j[k] == v for k, v in refj.items() if 'error' in k or 'label_prior' in k)}")
