# dbn_rbm --epochs 0: writes a figure of an untrained RBM and reports "trained on 59,000 images" (about 5 s: loads MNIST, no training)
import subprocess, tempfile, os
out = os.path.join(tempfile.mkdtemp(), 'rbm.png')
r = subprocess.run(['dbn_rbm', '--data', '/work/shared/data/mnist', '--epochs', '0', '--hidden', '4', '--device', 'cpu', '--out', out],
                   capture_output=True, text=True)
print('exit status', r.returncode); print(r.stdout.strip()); print(r.stderr.strip()[-300:])
print('figure written:', os.path.exists(out))
