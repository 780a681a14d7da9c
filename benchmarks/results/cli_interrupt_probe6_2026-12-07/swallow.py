import subprocess, time, random, signal, os, sys
random.seed(0)
code = "import dbn_book.cli; print('imported')"
hits = []
for i in range(int(sys.argv[1])):
    d = random.uniform(0.05, 1.3)
    p = subprocess.Popen([sys.executable, '-c', code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, 'OMP_NUM_THREADS': '1'})
    time.sleep(d); p.send_signal(signal.SIGINT)
    out, err = p.communicate()
    if p.returncode == 0: hits.append((round(d, 3), err[-300:]))
print(len(hits), 'of', sys.argv[1], 'swallowed', hits)
