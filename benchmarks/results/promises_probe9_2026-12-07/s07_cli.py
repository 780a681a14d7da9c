import json, os, subprocess, tempfile, numpy as np, torch
from PIL import Image
from _h import check, done
D = tempfile.mkdtemp(prefix='p9cli_'); os.chdir(D)
env = {**os.environ, 'OMP_NUM_THREADS': '1', 'DBN_BOOK_DATA': '', 'XDG_CACHE_HOME': D}
def run(*a):
    p = subprocess.run(['nice', *a], capture_output=True, text=True, env=env, cwd=D)
    return p.returncode, p.stdout, p.stderr
TINY = ['--no_download', '--sizes', '784', '20', '20', '--dbn_epochs', '1', '--top_epochs', '1', '--mlp_epochs', '1', '--device', 'cpu']
rc, out, err = run('dbn_train', *TINY, '--updown_epochs', '1', '--n_train', '300', '--save', 'm.pt', '--json', 'r.json')
print(out); print(err[-2000:])
lines = out.splitlines()
check('x01', 'README.md', "its first line says which [data]", rc == 0 and lines[0].startswith('data: the 5,000 MNIST digits embedded'), lines[0][:80])
check('x02', 'dbn_train --help --valid', "default 10,000, or a sixth below 60,000 (4,000 embedded -> 666)", 'validating on 666' in out)
check('x03', 'dbn_train --help --n_train', "use only the first N training images left after --valid", 'training on 300 images' in out)
check('x04', 'dbn_train --help (recipes)', "top_lr 0.02, updown_k 3, updown_method cd for fewer than 20,000 training images", 'top_lr 0.02' in out and 'updown_k 3' in out and 'updown_method cd' in out)
rep = json.load(open('r.json'))
check('x05', 'dbn_train --help --json', "also write the configuration and results as JSON", set(rep) == {'config', 'results'} and rep['config']['sizes'] == [784, 20, 20] and rep['results']['n_valid'] == 666)
res = rep['results']
summ = {l[:14].strip(): l[14:] for l in lines if l[:14].strip() in ('test', 'validation', 'training', 'checkpoint', 'report', 'network')}
check('x06', 'dbn_train summary', "test errors in % as in results (generative and MLP from DBN init)", f"{100 * res['test_error_dbn']:.2f}%" in summ.get('test', '') and f"{100 * res['test_error_generative']:.2f}%" in summ.get('test', ''))
check('x07', 'ch08 prose', "on the validation images the generative model's error before up-down too", 'valid_error_generative_greedy' in res and 'generative before up-down' in summ.get('validation', ''))
check('x08', 'dbn_train --help --save', "write the checkpoint to PATH after every epoch; summary names it", summ.get('checkpoint', '').startswith(os.path.join(D, 'm.pt')))
from dbn_book import load_checkpoint
ck = load_checkpoint('m.pt')
check('x09', 'ch08 prose', "The checkpoint holds the configuration and both networks", ck.mlp is not None and ck.dbn.sizes == [784, 20, 20] and ck.config['updown_epochs'] == 1 and ck.dbn.n_labels == 10)
rc2, out2, _ = run('dbn_train', *TINY, '--updown_epochs', '1', '--n_train', '300', '--json', 'r2.json')
r2 = json.load(open('r2.json'))['results']
strip = lambda r: {k: v for k, v in r.items() if k not in ('phases', 'wall_seconds', 'checkpoint')}
check('x10', 'dbn_train --help --seed', "seed of every random choice: the same seed, the same results", strip(r2) == strip(res))
# dbn_sample
rc, out, err = run('dbn_sample', 'm.pt', '--k', '5', '--device', 'cpu')
im = np.asarray(Image.open('samples.png'))
check('y01', 'README.md / dbn_sample --help', "writes samples.png, ten samples of each digit, one row per digit (n=100 default)", rc == 0 and im.shape[:2] == (10 * 29 - 1, 10 * 29 - 1) and '10 of each digit' in out, f"{im.shape} {out.strip()}")
rc, out, err = run('dbn_sample', 'm.pt', '--k', '5', '--n', '5', '--device', 'cpu', '--out', 'few.png')
check('y02', 'dbn_sample --help --n', "with labels and no --digit: n // 10 of each digit, at least one", rc == 0 and out.startswith('wrote 10 samples (1 of each digit'), out.strip())
rc, out, err = run('dbn_sample', 'm.pt', '--k', '5', '--n', '20', '--digit', '3', '--device', 'cpu', '--out', 'three.png')
im3 = np.asarray(Image.open('three.png'))
check('y03', 'dbn_sample --help --digit', "draw only this digit (--n of them)", rc == 0 and 'wrote 20 samples (digit 3' in out and im3.shape[:2] == (2 * 29 - 1, 10 * 29 - 1))
rc, out, err = run('dbn_sample', 'm.pt', '--k', '5', '--binary', '--device', 'cpu', '--out', 'bin.png')
imb = np.asarray(Image.open('bin.png'))
inner = imb.reshape(-1)
check('y04', 'dbn_sample --help --binary', "draw binary pixels instead of the probabilities (0 or 255, padding 128)", rc == 0 and set(np.unique(inner).tolist()) <= {0, 128, 255})
check('y05', 'dbn_sample default', "without --binary the last layer's probabilities (grey levels)", len(np.unique(im)) > 3)
rc, out, err = run('dbn_sample', 'm.pt', '--n', '10001', '--device', 'cpu')
check('y06', 'dbn_sample', "one PNG grid holds at most 10,000 samples (usage error, status 2)", rc == 2 and err.count('\n') == 1)
# dbn_rbm
rc, out, err = run('dbn_rbm', '--no_download', '--hidden', '10', '--epochs', '2', '--device', 'cpu', '--out', 'f.svg', '--quiet')
print(out, err[-500:])
check('z01', 'dbn_rbm --help', "train an RBM ... save a figure (.svg); an epoch line each with recon error and free-energy gap", rc == 0 and os.path.getsize('f.svg') > 1000 and out.count('free-energy gap (held-out - train)') == 2)
check('z02', 'dbn_rbm', "holds out min(1000, n/10) images: trains on 3,600 of the embedded 4,000", 'trained on 3,600 images' in out)
rc, out, err = run('dbn_rbm', '--no_download', '--hidden', '10', '--epochs', '1', '--device', 'cpu', '--out', 'f.gif')
check('z03', 'dbn_rbm --help --out', "(.png, .pdf, .svg or .jpg): others refused with one line, status 2, before training", rc == 2 and err.count('\n') == 1 and not os.path.exists('f.gif'))
rc, out, err = run('dbn_train', *TINY, '--dbn_lr', '0')
check('z04', 'ch08 prose', "a value outside its range stops the parse with one line that names the option (status 2)", rc == 2 and '--dbn_lr' in err and err.count('\n') == 1)
done()
print(D)
