# README / pyproject: "Python 3.10 or newer" (requires-python >=3.10). The UNCOMMITTED working tree seen at 2026-12-07
# (after 91ec8a1) had, in dbn_book/cli.py, an f-string that reuses its own quote inside a {...} field, which only
# Python 3.12 (PEP 701) parses; on 3.10/3.11 `import dbn_book` fails. Run with the tree's own Python:
import sys, ast, pathlib
src = pathlib.Path('/work/main/dbn_book/cli.py').read_text()
try: ast.parse(src); print(sys.version.split()[0], 'cli.py parses')
except SyntaxError as e: print(sys.version.split()[0], f'SyntaxError at cli.py line {e.lineno}: {e.msg}\n  {e.text.strip()[:120]}')
