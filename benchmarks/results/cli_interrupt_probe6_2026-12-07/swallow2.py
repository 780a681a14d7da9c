import subprocess, time, random, signal, os, sys
random.seed(1)
code = r"""
import signal, traceback, sys
def h(s, f):
    sys.stderr.write(''.join(traceback.format_stack(f)[-6:])); raise KeyboardInterrupt
signal.signal(signal.SIGINT, h)
import dbn_book.cli; print('imported')
"""
n = 0
for i in range(int(sys.argv[1])):
    d = random.uniform(0.3, 0.45)
    p = subprocess.Popen([sys.executable, '-c', code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, 'OMP_NUM_THREADS': '1'})
    time.sleep(d); p.send_signal(signal.SIGINT)
    out, err = p.communicate()
    if p.returncode == 0:
        n += 1; print('SWALLOWED at', round(d, 3), '\n', err[-1500:]); 
        if n >= 2: break
