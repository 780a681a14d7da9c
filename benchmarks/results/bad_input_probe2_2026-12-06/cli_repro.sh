#!/usr/bin/env bash
# Reproduces findings.md (dbn_book CLI bad-input probe). Tiny runs on the embedded digits, CPU, ~1-2 min in all.
# F1 and F5 need root (mknod, mount tmpfs), as this sandbox runs; they never touch /dev.
set -u
export OMP_NUM_THREADS=1
D=${D:-/work/tmp/probe_cli/repro_run}; rm -rf "$D"; mkdir -p "$D"; cd "$D"
T="--no_download --n_train 300 --valid 100 --sizes 784 32 16 --dbn_epochs 1 --top_epochs 1 --updown_epochs 1 --mlp_epochs 1 --batch 50 --device cpu --quiet"
p() { echo "\$ $*"; "$@" > out.txt 2> err.txt; echo "rc=$?"; tail -n 2 out.txt | cut -c1-250; echo "stderr: $(tail -n 1 err.txt | cut -c1-400)"; echo; }
stopped() { # stopped() PATH STOP_AFTER_N_EPOCHS EXTRA...: a dbn_train run stopped as by Ctrl-C after n epochs (or never, if n is large)
  python - "$@" <<'PY'
import sys
from dbn_book.cli import check_train_args, run_training, train_parser
T = "--no_download --n_train 300 --valid 100 --sizes 784 32 16 --dbn_epochs 2 --top_epochs 2 --mlp_epochs 2 --batch 50 --device cpu --quiet".split()
path, after, extra = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
n = [0]
def stop(): n[0] += 1; return n[0] >= after
res = run_training(check_train_args(train_parser().parse_args(T + extra + ['--save', path])), log=lambda *a: None, stop=stop)
print(path, 'stopped:', res.get('stopped'))
PY
}

echo "=== F1: --save/--json replace device nodes and symlinks (as root: --save /dev/null destroys /dev/null)"
mknod null c 1 3; echo keep > real.pt; ln -s real.pt latest.pt; ls -l null latest.pt
p dbn_train $T --save null --json latest.pt
ls -l null latest.pt real.pt   # null is now a 320 kB regular file; latest.pt a regular file, real.pt untouched

echo "=== F2: a stopped run with one RBM (--sizes 784 N) cannot be resumed"
stopped one.pt 1 --sizes 784 32            # stopped in pretraining
p dbn_train --resume one.pt --quiet        # 'drop --updown_epochs', which was never given
stopped one_ft.pt 4 --sizes 784 32         # stopped at the start of fine-tuning
p dbn_train --resume one_ft.pt --quiet
p dbn_train --resume one_ft.pt --updown_epochs 0 --quiet   # contradicts the checkpoint's 50: no way to continue

echo "=== F3: --resume A --save B silently overwrites B, another stopped run"
stopped A.pt 1 --updown_epochs 2; stopped B.pt 1 --updown_epochs 2 --seed 5
p dbn_train --save B.pt $T                 # a new run is refused: B holds a stopped run
p dbn_train --resume A.pt --save B.pt --quiet   # but a resumed one overwrites it, rc 0
python -c "import torch; c = torch.load('B.pt', weights_only=True); print('B.pt now: phase', c['training']['phase'], 'seed', c['config']['seed'])"

echo "=== F4: a failed label prior blames --updown_lr (advice refused; the cause is --top_lr)"
p dbn_train $T --top_lr 300 --save tl.pt
p dbn_train $T --top_lr 1e3 --weight_decay 0 --updown_epochs 0 --save tl0.pt
p dbn_train --resume tl0.pt --updown_lr 0.0002        # the advice of the error above
p dbn_train --resume tl0.pt --no_label_prior --quiet  # what works, not named

echo "=== F5: a full disk gives a raw traceback; at the end, --json on a full disk loses the whole run's results"
mkdir -p full small
if mount -t tmpfs -o size=8k tmpfs full 2>/dev/null && mount -t tmpfs -o size=500k tmpfs small; then
  head -c 8192 /dev/zero > full/filler 2>/dev/null
  p dbn_train $T --json full/r.json; grep -c '^  File' err.txt; grep 'Error' err.txt | tail -1
  p dbn_train $T --save small/m.pt;  grep 'Error' err.txt | tail -2
  umount full small
else echo "(skipped: needs root to mount tmpfs)"; fi

echo "=== F6: Ctrl-C in dbn_sample / dbn_rbm: a raw KeyboardInterrupt traceback (dbn_train answers in one line)"
python - <<'PY'
import os, signal, subprocess, time
for cmd, wait in ((['dbn_sample', 'tl0.pt', '--k', '100000000', '--out', 's.png'], 4),
                  (['dbn_rbm', '--no_download', '--hidden', '100', '--epochs', '1000', '--out', 'r.png', '--device', 'cpu', '--quiet'], 8)):
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(wait); p.send_signal(signal.SIGINT); out, err = p.communicate(timeout=60)
    print('$', ' '.join(cmd), '-> rc', p.returncode, '|', len(err.splitlines()), 'lines of stderr, ending:', err.strip().splitlines()[-1])
PY

echo "=== F7: stdout closed early (| head -1) aborts training with a raw BrokenPipeError"
dbn_train $T --save bp.pt 2> err.txt | head -1 | cut -c1-40; echo "rc=${PIPESTATUS[0]}"; tail -1 err.txt; ls bp.pt 2>&1   # whether the first checkpoint was written before the pipe broke depends on timing

echo "=== F8: an impossible layer size: a raw allocator traceback"
p dbn_rbm --no_download --hidden 1000000000 --epochs 1 --out big.png --device cpu --quiet
p dbn_train ${T/784 32 16/784 32 1000000000}

echo "=== F9: relative --data/--json are stored as typed: resumed from another folder"
mkdir -p sub; ln -s /work/shared/data/mnist sub/dd
(cd sub && stopped rel.pt 1 --updown_epochs 2 --data dd --json rel.json)
p dbn_train --resume sub/rel.pt --quiet                       # names --data, never typed
p dbn_train --resume sub/rel.pt --quiet --data /work/shared/data/mnist
ls rel.json sub/rel.json 2>&1                                  # the report lands in this folder, not beside the run

echo "=== F10: --save newdir/ (a folder that does not exist) writes a file named newdir"
p dbn_train $T --save newdir/; ls -l newdir
