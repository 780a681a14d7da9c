"Watch for the temporary checkpoint file, then signal while it is being written."
import sys, time, signal, os
from lib import *
BIG = ['--no_download', '--n_train', '100', '--sizes', '784', '2000', '2000', '--dbn_epochs', '3', '--top_epochs', '3',
       '--updown_epochs', '2', '--mlp_epochs', '2', '--batch', '50', '--device', 'cpu', '--quiet']
def trial(name, sigs, gap=0.0, nth=2):
    d = work(name); path = d / 'm.pt'
    p = launch(*BIG, '--save', path)
    seen = 0; t0 = time.time()
    while p.poll() is None:
        tmps = leftovers(d)
        if tmps and (not seen or tmps[0] != seen_name):
            seen += 1; seen_name = tmps[0]
            if seen == nth:
                ts = time.time()
                for s in sigs: p.send_signal(s); time.sleep(gap)
                break
        time.sleep(0.001)
    out, err = p.communicate()
    state = 'absent'
    if path.exists():
        try: state = where(path)
        except Exception as e: state = f'UNLOADABLE {e!r}'[:100]
    print(f"{name}: rc {p.returncode}; file {state}; tmp left {leftovers(d)}")
    print('   stderr:', err.strip()[-600:]); print('   stdout:', out.strip()[-300:])
    return d, p, err
if __name__ == '__main__':
    for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 1):
        trial(f"bw_int2_{i}", [signal.SIGINT, signal.SIGINT], 0.03)
        trial(f'bw_kill_{i}', [signal.SIGKILL])
