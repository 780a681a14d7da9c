"""Load a script of tools/ (not a package) as a module, for the tests of that script."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_tool(name:str):
    "tools/<name>.py as a module."
    spec = importlib.util.spec_from_file_location(f'dbn_tool_{name}', ROOT / 'tools' / f'{name}.py')
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
