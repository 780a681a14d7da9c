"""What syncing a checkpoint to disk costs: `dbn_book.core.atomic_write` (temporary file, fsync, rename) against the same
write without the fsync (temporary file, rename), on a 16 MB torch checkpoint like dbn_train's default DBN, alternated
in one run so that both see the same load. dbn_train writes one checkpoint per epoch (about 135 in its default run).

    python benchmarks/atomic_write_cost.py [--folder DIR] [--rounds 10]   # writes into DIR (default: benchmarks/out)
"""
import argparse, io, os, statistics, tempfile, time
from pathlib import Path
import torch
from dbn_book.core import atomic_write


def plain_write(path: Path, data: bytes):
    "The textbook version: a temporary file in the same folder, then os.replace, no fsync."
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f'.{path.name}.', suffix='.tmp')
    with os.fdopen(fd, 'wb') as f: f.write(data)
    os.replace(tmp, path)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--folder', default=str(Path(__file__).parent / 'out'), help='where to write (its file system is what is measured)')
    p.add_argument('--rounds', type=int, default=10, help='writes of each kind, alternated')
    a = p.parse_args()
    folder = Path(a.folder); folder.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO(); torch.save({'W': torch.randn(4_000_000, generator=torch.Generator().manual_seed(0))}, buf)
    data, target = buf.getvalue(), folder / 'atomic_write_cost.pt'
    times = {'without fsync': [], 'atomic_write (fsync)': []}
    for _ in range(a.rounds):
        for name, write in (('without fsync', lambda: plain_write(target, data)),
                            ('atomic_write (fsync)', lambda: atomic_write(target, lambda f: f.write(data)))):
            t0 = time.perf_counter(); write(); times[name].append(1000 * (time.perf_counter() - t0))
    target.unlink()
    print(f"{len(data) / 1e6:.1f} MB written {a.rounds} times each, alternated, into {folder}")
    for name, ts in times.items():
        print(f"  {name:22s} median {statistics.median(ts):6.1f} ms, range {min(ts):.1f}-{max(ts):.1f} ms")
    extra = statistics.median(times['atomic_write (fsync)']) - statistics.median(times['without fsync'])
    print(f"the sync adds {extra:.1f} ms per checkpoint (medians): {135 * extra / 1000:.1f} s over dbn_train's ~135 default checkpoints")


if __name__ == '__main__': main()
