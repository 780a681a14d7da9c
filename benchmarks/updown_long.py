"""Benchmark: does much longer up-down help? dbn_train's default DBN continued for many more epochs (issue 17, section 1).

    OMP_NUM_THREADS=1 nice python benchmarks/updown_long.py benchmarks/out/default_monitor_seed$S.pt --data ../shared/data/mnist \\
        --epochs 100 --save_at 25 50 100 | tee -a benchmarks/results/updown_long.txt      # S = 0, 1, 2 side by side
    OMP_NUM_THREADS=1 nice python benchmarks/generation.py benchmarks/out/updown_long@50_default_monitor_seed{0,1,2}.pt \\
        --data ../shared/data/mnist --label updown_long50 --n_per_digit 100 --threads 1
    # the same with --lr 0.01 (or 0.03) --schedule linear --save_at 100 --every 10, each seed judged alone (a decaying
    # schedule's checkpoints are named by its length, since the rate at an epoch depends on it):
    #   generation.py benchmarks/out/updown_long@100_lr0.01_linear100_default_monitor_seed$S.pt ... --label updown_long100_lr0.01_s$S
    # a long recipe, the default and 300 more epochs: --epochs 300 --lr 0.03 --schedule linear --save_at 100 200 300 --every 25,
    # then label_prior.py on updown_long@300_lr0.03_linear300_default_monitor_seed$S.pt (as dbn_train ends) and generation.py
    # on the _prior.pt it writes

Hinton, Osindero and Teh (2006) ran 300 epochs of up-down (CD-3, then CD-6, then CD-10 at the top) after greedy
training; dbn_train's default runs 15 (PCD-1 at the top, rate 0.002 decaying to 0), and 15 at other rates left the
validation generative error and the agreement of label-clamped samples within the seeds' spread
(generation_summary.md). This asks the direction of many more epochs, on the default models themselves: the checkpoint
(dbn_train --save, unshifted: before the label prior) is continued by chapter 7's UpDownTrainer with fresh persistent
chains, at a constant rate (--lr, default dbn_train's initial 0.002) or one decaying linearly to 0 (--schedule linear),
on the same binarised training images 0..49,999 as dbn_train draws them for that seed. Every --every epochs it prints
the generative classification error on the validation digits (training images 50,000..59,999); at each --save_at epoch
it writes the DBN for generation.py to judge. No test digit is used here.
"""
import argparse, json, os, sys, time
from pathlib import Path
import torch
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.dbn import DBN, predict_labels
from dbn_book.finetune import read_checkpoint
from dbn_book.updown import UpDownOptions, UpDownTrainer

HERE = Path(__file__).parent
OUT, RESULTS = HERE / 'out', HERE / 'results'
N_TRAIN = 50_000


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('checkpoint', help="a dbn_train --save checkpoint of the full MNIST (trained on images 0..49,999)")
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA'))
    ap.add_argument('--epochs', type=int, default=100, help="epochs of up-down added to the checkpoint's")
    ap.add_argument('--lr', type=float, default=0.002, help="the rate (dbn_train's initial rate: 0.002)")
    ap.add_argument('--schedule', choices=['constant', 'linear'], default='constant', help="the rate over the added epochs: "
                    "constant, or decaying linearly to 0 (as dbn_train's)")
    ap.add_argument('--k', type=int, default=1, help="Gibbs steps of the persistent chains per update (dbn_train's: 1)")
    ap.add_argument('--every', type=int, default=5, help="print the validation generative error every this many epochs")
    ap.add_argument('--save_at', type=int, nargs='*', default=[25, 50, 100], help="write the DBN after these epochs")
    ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    if not Path(a.checkpoint).is_file(): sys.exit(f"updown_long.py: checkpoint {a.checkpoint} does not exist")
    if a.data is None: sys.exit("updown_long.py: needs the full MNIST; pass --data FOLDER or set DBN_BOOK_DATA")
    torch.set_num_threads(a.threads)
    ckpt = read_checkpoint(a.checkpoint)
    seed = (ckpt.get('config') or {}).get('seed', 0)
    print(f"command: python {' '.join(sys.argv)}   ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
          f"{os.getloadavg()[0]:.2f}); torch {torch.__version__}, {torch.get_num_threads()} threads; dbn_train seed {seed}", flush=True)
    dbn = DBN.from_checkpoint(ckpt, a.checkpoint)
    v_all, y_all, *_ = mnist_tensors(load_mnist(a.data, download=False), 'sample', seed) # as dbn_train binarises them
    v_tr, y_tr, v_va, y_va = v_all[:N_TRAIN], y_all[:N_TRAIN], v_all[N_TRAIN:], y_all[N_TRAIN:]
    err = lambda: (predict_labels(dbn, v_va) != y_va).float().mean().item()
    curve = [(0, err())]
    print(f"  epoch   0 (the checkpoint): validation generative error {100 * curve[0][1]:.2f}%", flush=True)
    name = Path(a.checkpoint).stem
    saved, t0 = {}, time.perf_counter()

    def after_epoch(trainer, rec):
        e = trainer.epoch
        if e % a.every == 0 or e in a.save_at:
            curve.append((e, err()))
            print(f"  epoch {e:3d}: validation generative error {100 * curve[-1][1]:.2f}%, recon {rec['recon_error']:.2f}, "
                  f"{rec['seconds']:.1f} s per epoch, {time.perf_counter() - t0:.0f} s so far", flush=True)
        if e in a.save_at:
            tag = ('' if a.lr == 0.002 else f'_lr{a.lr:g}') + ('' if a.schedule == 'constant' else f'_{a.schedule}{a.epochs}') + ('' if a.k == 1 else f'_k{a.k}')
            path = OUT / f"updown_long@{e}{tag}_{name}.pt"
            dbn.save(path); saved[e] = str(path)

    o = UpDownOptions(epochs=a.epochs, lr=a.lr, k=a.k, batch=100, schedule=a.schedule, method='pcd')
    UpDownTrainer(dbn, v_tr, y_tr, o, seed=seed + 1000, device='cpu').run(progress=False, callback=after_epoch)
    rec = dict(checkpoint=a.checkpoint, seed=seed, epochs=a.epochs, lr=a.lr, schedule=a.schedule, k=a.k,
               seconds=time.perf_counter() - t0, valid_error_generative=curve, saved=saved) # (the first three records: constant)
    print(json.dumps(rec), flush=True)
    with open(RESULTS / 'updown_long.jsonl', 'a') as f: f.write(json.dumps(rec) + '\n')


if __name__ == '__main__':
    main()
