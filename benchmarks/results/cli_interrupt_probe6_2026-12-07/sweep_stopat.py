"Stop after every possible epoch (in process, as Ctrl-C does), resume with the CLI, compare with the uninterrupted CLI run."
import sys, os
os.environ['OMP_NUM_THREADS'] = '1'
import torch; torch.set_num_threads(1)
from lib import *
from dbn_book.cli import check_train_args, run_training, train_parser
name, extra = sys.argv[1], sys.argv[2:]
ref = reference('ref_' + name, extra)
for stop_at in range(1, 40):
    d = work(f'sa_{name}_{stop_at}'); path = d / 'm.pt'
    seen = [0]
    def stop(): seen[0] += 1; return seen[0] >= stop_at
    res = run_training(check_train_args(train_parser().parse_args([*CFG, *extra, '--save', str(path)])), stop=stop)
    if 'stopped' not in res: print(stop_at, 'ran to the end: done', flush=True); break
    r = run('--resume', path, '--quiet')
    print(stop_at, res['stopped']['where'], '->', 'resume rc', r.returncode, same_model(path, ref) if r.returncode == 0 else r.stderr[-300:], flush=True)
