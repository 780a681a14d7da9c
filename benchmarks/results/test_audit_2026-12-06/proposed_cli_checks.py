"The dbn_train assertions proposed in report.md: pass on the code as it is, fail under the named mutant (argv[1])."
import sys, types, torch
if len(sys.argv) > 1: __import__(sys.argv[1])
import dbn_book.cli as cli
from dbn_book.cli import check_train_args, run_training, train_parser
TINY = ['--no_download', '--n_train', '200', '--sizes', '784', '32', '16', '--dbn_epochs', '1', '--mlp_epochs', '1',
        '--batch', '50', '--device', 'cpu', '--quiet', '--updown_epochs', '0']
def precision_in_effect():
    seen = []
    run_training(check_train_args(train_parser().parse_args(TINY + ['--matmul_precision', 'medium'])), log=lambda *a: None,
                 stop=lambda: seen.append(torch.get_float32_matmul_precision()) and False)
    assert seen and set(seen) == {'medium'}, seen
    assert torch.get_float32_matmul_precision() == 'highest'
def bars_on_a_terminal():
    class Tty:  # a stderr that says it is a terminal
        def isatty(self): return True
        def write(self, s): pass
        def flush(self): pass
    real, sys.stderr = sys.stderr, Tty()
    try:
        on, quiet = cli._bars(types.SimpleNamespace(quiet=False)), cli._bars(types.SimpleNamespace(quiet=True))
    finally: sys.stderr = real
    assert on and not quiet, (on, quiet)
for f in (precision_in_effect, bars_on_a_terminal):
    try: f(); print(f.__name__, 'PASS', sys.argv[1:])
    except AssertionError as e: print(f.__name__, 'FAIL', sys.argv[1:], e)
