# Mutant: dbn_train ignores --matmul_precision while training (run_training computes at 'highest' whatever the option says);
# the option is still parsed, stored in the checkpoint and logged.
import contextlib
import dbn_book.cli as cli
_real = cli.matmul_precision
cli.matmul_precision = lambda precision='highest': _real('highest')
