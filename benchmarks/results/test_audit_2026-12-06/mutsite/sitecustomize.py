# Applies the mutant named in $DBN_MUTANT in every Python process (the tests' subprocesses too).
import os, sys
if os.environ.get('DBN_MUTANT'):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    __import__(os.environ['DBN_MUTANT'])
