"""The package's size as issue 16 counts it: lines and non-blank characters of dbn_book/*.py without _modidx.py.

    python tools/package_size.py [--rev REV]
"""
import argparse, subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources(rev=None) -> dict:
    "name -> text of dbn_book/*.py (without _modidx.py), from the working tree or from git revision `rev`."
    if rev is None: return {p.name: p.read_text() for p in sorted((ROOT / 'dbn_book').glob('*.py')) if p.name != '_modidx.py'}
    names = subprocess.run(['git', 'ls-tree', '--name-only', f'{rev}:dbn_book'], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return {n: subprocess.run(['git', 'show', f'{rev}:dbn_book/{n}'], cwd=ROOT, capture_output=True, text=True, check=True).stdout
            for n in names if n.endswith('.py') and n != '_modidx.py'}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--rev', default=None, help='a git revision (default: the working tree)')
    a = p.parse_args()
    src = sources(a.rev)
    for n, t in src.items(): print(f"{n:14s} {len(t.splitlines()):5d} lines {sum(not c.isspace() for c in t):7,d} non-blank characters")
    print(f"{'total':14s} {sum(len(t.splitlines()) for t in src.values()):5d} lines "
          f"{sum(sum(not c.isspace() for c in t) for t in src.values()):7,d} non-blank characters")


if __name__ == '__main__':
    main()
