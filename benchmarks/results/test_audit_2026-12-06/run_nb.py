"Run one notebook's checks as tests/test_notebooks.py does; print PASS or FAIL."
import os, sys
from pathlib import Path
os.environ['IN_TEST'] = '1'; os.environ['MPLBACKEND'] = 'Agg'
from nbdev.test import test_nb
ok, secs = test_nb(Path(sys.argv[1]), skip_flags=['slow'], showerr=False)
print(Path(sys.argv[1]).stem, 'PASS' if ok else 'FAIL', f'{secs:.0f}s')
