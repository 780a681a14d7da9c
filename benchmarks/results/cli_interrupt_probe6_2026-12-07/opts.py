"--resume with changed options, from checkpoints stopped in pretraining, up-down and fine-tuning."
import os, sys, shutil
os.environ['OMP_NUM_THREADS'] = '1'
import torch; torch.set_num_threads(1)
from lib import *
from dbn_book.cli import check_train_args, run_training, train_parser
base = work('opts_base'); stops = {'pre': 2, 'ud': 8, 'ft': 12}
for k, n in stops.items():
    seen = [0]
    def stop(): seen[0] += 1; return seen[0] >= n
    res = run_training(check_train_args(train_parser().parse_args([*CFG, '--save', str(base / f'{k}.pt'), '--json', str(base / f'{k}.json')])), stop=stop)
    print(k, res['stopped']['where'])
cases = {'pre': [['--batch', '20'], ['--seed', '1'], ['--dbn_epochs', '4'], ['--matmul_precision', 'medium'], ['--no_labels'],
                 ['--device', 'cuda'], ['--updown_epochs', '2'], ['--no_label_prior'], ['--k', '1'], ['--sizes', '784', '256', '64'], ['--top_lr', '0.02']],
         'ud': [['--updown_lr', '0.01'], ['--no_label_prior'], ['--mlp_epochs', '2']],
         'ft': [['--no_label_prior'], ['--updown_epochs', '3'], ['--mlp_epochs', '4'], ['--compare'], ['--head_epochs', '1']]}
for k, lst in cases.items():
    for extra in lst:
        d = work('opts_case'); shutil.copy(base / f'{k}.pt', d / 'm.pt')
        r = run('--resume', d / 'm.pt', *extra, '--json', d / 'x.json')
        msg = (r.stderr.strip().splitlines() or [''])[-1][:230] if r.returncode else [l for l in r.stdout.splitlines() if 'fine-tuning starts' in l or 'resuming' in l]
        print(f"{k} {' '.join(extra):28s} rc {r.returncode}: {msg}", flush=True)
