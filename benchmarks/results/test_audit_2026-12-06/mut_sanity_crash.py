# Sanity mutant: every RBMTrainer epoch raises (shows that mutants applied by -p reach the notebooks run by test_nb).
from dbn_book.cd import RBMTrainer
def run_epoch(self, bar=None): raise RuntimeError('sanity mutant')
RBMTrainer.run_epoch = run_epoch
