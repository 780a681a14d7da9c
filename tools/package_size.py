"""The package's size as issue 16 counts it: lines and non-blank characters of dbn_book/*.py without _modidx.py.

    python tools/package_size.py [--rev REV] [--kinds]

--kinds also splits each file's non-blank characters by token: code, strings (docstrings and messages) and comments.
"""
import argparse, collections, io, subprocess, tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources(rev=None) -> dict:
    "name -> text of dbn_book/*.py (without _modidx.py), from the working tree or from git revision `rev`."
    if rev is None: return {p.name: p.read_text() for p in sorted((ROOT / 'dbn_book').glob('*.py')) if p.name != '_modidx.py'}
    names = subprocess.run(['git', 'ls-tree', '--name-only', f'{rev}:dbn_book'], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return {n: subprocess.run(['git', 'show', f'{rev}:dbn_book/{n}'], cwd=ROOT, capture_output=True, text=True, check=True).stdout
            for n in names if n.endswith('.py') and n != '_modidx.py'}


def kinds(text:str) -> collections.Counter:
    "Non-blank characters of `text` by token kind: comment, string (f-strings whole) or code."
    c, string = collections.Counter(), {tokenize.STRING, *(getattr(tokenize, n) for n in ('FSTRING_START', 'FSTRING_MIDDLE', 'FSTRING_END') if hasattr(tokenize, n))}
    for t in tokenize.generate_tokens(io.StringIO(text).readline):
        n = sum(not ch.isspace() for ch in t.string)
        c['comment' if t.type == tokenize.COMMENT else 'string' if t.type in string else 'code'] += n
    return c


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--rev', default=None, help='a git revision (default: the working tree)')
    p.add_argument('--kinds', action='store_true', help='split the characters into code, strings and comments')
    a = p.parse_args()
    src = sources(a.rev)
    total = collections.Counter()
    for n, t in src.items():
        k = kinds(t) if a.kinds else None
        if k: total += k
        print(f"{n:14s} {len(t.splitlines()):5d} lines {sum(not c.isspace() for c in t):7,d} non-blank characters"
              + (f"  (code {k['code']:,}, strings {k['string']:,}, comments {k['comment']:,})" if k else ""))
    print(f"{'total':14s} {sum(len(t.splitlines()) for t in src.values()):5d} lines "
          f"{sum(sum(not c.isspace() for c in t) for t in src.values()):7,d} non-blank characters"
          + (f"  (code {total['code']:,}, strings {total['string']:,}, comments {total['comment']:,})" if a.kinds else ""))


if __name__ == '__main__':
    main()
