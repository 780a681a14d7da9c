"Command-line tests of dbn_train and dbn_sample: real processes, tiny data (the embedded digits), seconds."
import shutil, subprocess, sys
import pytest

def run(*argv, cwd=None):
    "Run a console script as a user would; fall back to `python -c` when the scripts are not on PATH."
    exe = shutil.which(argv[0])
    cmd = [exe, *argv[1:]] if exe else [sys.executable, '-c', f"import sys; from dbn_book.cli import {'train_main' if argv[0] == 'dbn_train' else 'sample_main'} as m; sys.argv[0] = {argv[0]!r}; m()", *argv[1:]]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=300)

TINY = ['--no_download', '--n_train', '200', '--sizes', '784', '32', '16', '--dbn_epochs', '1', '--mlp_epochs', '1',
        '--batch', '50', '--device', 'cpu', '--quiet']

def test_help_explains_every_option():
    r = run('dbn_train', '--help')
    assert r.returncode == 0
    for opt in ['--batch', '--dbn_epochs', '--dbn_lr', '--mlp_epochs', '--mlp_lr', '--save', '--sizes', '--k', '--method',
                '--momentum', '--weight_decay', '--data', '--device', '--seed']:
        assert opt in r.stdout

@pytest.mark.parametrize('extra,msg', [(['--batch', '0'], '--batch must be at least 1'),
                                       (['--dbn_lr', '-1'], '--dbn_lr must lie in'),
                                       (['--mlp_epochs', '-2'], '--mlp_epochs must be 0 or more'),
                                       (['--sizes', '100', '10'], 'the first size must be 784')])
def test_bad_options_fail_in_one_line(extra, msg):
    r = run('dbn_train', *TINY, *extra)
    assert r.returncode == 2 and msg in r.stderr and len(r.stderr.strip().splitlines()) == 1 and r.stdout == ''

def test_train_then_sample(tmp_path):
    r = run('dbn_train', *TINY, '--save', str(tmp_path / 'm.pt'))
    assert r.returncode == 0, r.stderr
    assert 'test error' in r.stdout and (tmp_path / 'm.pt').is_file()
    r = run('dbn_sample', str(tmp_path / 'm.pt'), '--digit', '7', '--k', '5', '--out', str(tmp_path / 's.png'))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / 's.png').stat().st_size > 100
    r = run('dbn_sample', str(tmp_path / 'nothing.pt'))
    assert r.returncode == 2 and 'does not exist' in r.stderr
