"Resume through state_dict -> torch.save -> torch.load(weights_only=True) into a fresh model and trainer (2+2 == 4), for options earlier probes did not resume."
import io
from _makers import *

for name, make in makers.items():
    for cut in (1, 2, 3):
        m1, t1 = make(seed=3); t1.run(progress=False)
        m2, t2 = make(seed=3); t2.run(cut, progress=False)
        buf = io.BytesIO(); torch.save(t2.state_dict(), buf); buf.seek(0)
        st = torch.load(buf, weights_only=True)
        m3, t3 = make(seed=99)  # fresh model and trainer, other seed: everything must come from the state
        t3.load_state_dict(st); t3.run(progress=False)
        ok = same(params(m1), params(m3)) and strip(t1.history) == strip(t3.history)
        report(f"{name}: {cut} + {4 - cut} epochs through a saved state == 4", ok, "" if ok else f"max param diff {maxdiff(params(m1), params(m3)):.3g}")
