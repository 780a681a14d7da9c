# dbn_train --help, group "the DBN and its training as a generative model": "--weight_decay: L2 penalty on the weights".
# It reaches every RBM of greedy pretraining, but not up-down, which trains the same (untied) weights with
# UpDownOptions.weight_decay left at 0 (UpDownOptions has the field: "L2 penalty on every weight matrix").
import torch; torch.set_num_threads(1)
import dbn_book.cli as cli
args = cli.check_train_args(cli.train_parser().parse_args(['--no_download', '--sizes', '784', '16', '16', '--dbn_epochs', '1', '--top_epochs', '1',
       '--updown_epochs', '1', '--mlp_epochs', '1', '--n_train', '200', '--valid', '0', '--weight_decay', '0.001', '--device', 'cpu', '--quiet', '--no_label_prior']))
made = {}
for name in ('DBNTrainer', 'UpDownTrainer'):
    cls = getattr(cli, name)
    setattr(cli, name, lambda *a, _c=cls, _n=name, **k: made.setdefault(_n, _c(*a, **k)))
cli.run_training(args)
print("--weight_decay 0.001 ->")
print("  pretraining RBMs' weight_decay:", [o.weight_decay for o in made['DBNTrainer'].layer_options])
print("  up-down's weight_decay:        ", made['UpDownTrainer'].o.weight_decay)
