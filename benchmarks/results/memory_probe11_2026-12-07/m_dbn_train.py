"""Peak RSS of dbn_train on full MNIST, 1 epoch per phase; RSS traced per logged phase line."""
import os, sys, time
os.environ['OMP_NUM_THREADS'] = '1'
import torch; torch.set_num_threads(1)
sys.path.insert(0, os.path.dirname(__file__))
from rsstrace import Tracer
tr = Tracer()
tr.mark('after import torch')
import dbn_book.cli as cli
orig_say = cli.say
def say(text):
    tr.mark(text.splitlines()[0]); orig_say(text)
cli.say = say
tr.mark('start train_main')
try:
    cli.train_main(sys.argv[1:])
finally:
    tr.report()
