"Command-line tests of dbn_train and dbn_sample: real processes, tiny data (the embedded digits), seconds."
import json, re, shutil, subprocess, sys
import pytest

def command(*argv) -> list:
    "A console script's command line as a user would type it; `python -c` when the scripts are not on PATH."
    exe, main = shutil.which(argv[0]), {'dbn_train': 'train_main', 'dbn_sample': 'sample_main', 'dbn_rbm': 'rbm_main'}[argv[0]]
    return [exe, *argv[1:]] if exe else [sys.executable, '-c', f"import sys; from dbn_book.cli import {main} as m; sys.argv[0] = {argv[0]!r}; m()", *argv[1:]]

def run(*argv, cwd=None, env=None, **kw):
    "Run a console script as a user would."
    return subprocess.run(command(*argv), capture_output=True, text=True, cwd=cwd, env=env, timeout=300, **kw)

TINY = ['--no_download', '--n_train', '200', '--sizes', '784', '32', '16', '--dbn_epochs', '1', '--mlp_epochs', '1',
        '--batch', '50', '--device', 'cpu', '--quiet']

def test_help_explains_every_option():
    "Every option of dbn_train, the original script's among them, is listed past the usage lines with its own help text."
    from dbn_book.cli import train_parser
    r = run('dbn_train', '--help')
    assert r.returncode == 0
    body = r.stdout.split('\n\n', 1)[1] # past the usage lines, which name every option without explaining it
    options = {a.option_strings[-1]: ' '.join(a.help.split()) for a in train_parser()._actions if a.option_strings}
    assert {'--batch', '--dbn_epochs', '--dbn_lr', '--mlp_epochs', '--mlp_lr', '--save'} <= set(options)
    for opt, help in options.items():
        assert re.search(rf'^ +(-\w, )?{opt}\b', body, re.M) and help and help[:40] in ' '.join(body.split()), opt

@pytest.mark.parametrize('extra,msg', [(['--batch', '0'], '--batch must be an integer >= 1'),
                                       (['--dbn_lr', '-1'], '--dbn_lr must be a number in'),
                                       (['--mlp_epochs', '-2'], '--mlp_epochs must be an integer >= 0'),
                                       (['--sizes', '100', '10'], 'the first size must be 784'),
                                       (['--top_fast_lr', '0.01', '--top_method', 'cd'], '--top_fast_lr: fast weights steer'),
                                       (['--top_fast_lr', '-0.01'], '--top_fast_lr must be a number in [0, inf)'),
                                       (['--top_clamped', '1'], '--top_clamped must be a number in [0, 1)'),
                                       (['--updown_clamped', '0.5', '--updown_method', 'cd'], "--updown_clamped 0.5: it holds the labels of up-down's persistent chains; use --updown_method pcd"),
                                       (['--top_clamped', '0.5', '--top_method', 'cd'], "--top_clamped 0.5: it holds the labels of the top RBM's persistent chains; use --top_method pcd"),
                                       (['--dbn_lr', '1e4'], '--dbn_lr with --weight_decay: lr * weight_decay must be below 1, got 2'), # 2e-4 x 1e4: W would flip sign each step
                                       (['--dbn_lr', '0.01', '--weight_decay', '60'], '--top_lr with --weight_decay: lr * weight_decay must be below 1, got 1.2'),
                                       (['--batch', '201'], '--batch 201 is more than the 200 training images; give at most 200')])
def test_bad_options_fail_in_one_line(extra, msg):
    r = run('dbn_train', *TINY, *extra)
    assert r.returncode == 2 and msg in r.stderr and len(r.stderr.strip().splitlines()) == 1 and r.stdout == ''

def test_layers_too_large_to_allocate_fail_in_one_line_before_training():
    "The allocator's traceback before; the data is read first (the DBN's biases start from it), then no training."
    r = run('dbn_train', *[a for a in TINY if a != '--quiet'], '--sizes', '784', '100000000000', '10')
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and r.stdout.startswith('data: ') and 'pretraining' not in r.stdout, r.stderr
    assert 'dbn_train: error: --sizes: 784 x 100,000,000,000 weights need 292,063 GiB, more than can be allocated; choose fewer units' in r.stderr
    r = run('dbn_rbm', '--no_download', '--hidden', '10000000000')
    assert r.returncode == 2 and r.stderr == 'dbn_rbm: error: --hidden: 784 x 10,000,000,000 weights need 29,206 GiB, more than can be allocated; choose fewer units\n'

@pytest.mark.parametrize('extra,msg', [(['--hidden', '0'], '--hidden must be an integer >= 1'), (['--out', 'r.txt'], '--out must name'),
                                       (['--lr', '-1'], '--lr must be a number in'), (['--out', 'no/r.png'], 'does not exist'),
                                       (['--epochs', '0'], '--epochs must be an integer >= 1')]) # it wrote an untrained RBM's figure, 'trained in 0.0 s'
def test_rbm_bad_options_fail_in_one_line(tmp_path, extra, msg):
    r = run('dbn_rbm', *extra, cwd=tmp_path)
    assert r.returncode == 2 and msg in r.stderr and len(r.stderr.strip().splitlines()) == 1 and r.stdout == '', r.stderr

def test_rbm_warns_in_one_line_when_training_diverges_with_finite_weights(tmp_path):
    "--lr 50: the weights stay finite but reconstruct worse than the mean row; one warning line names the option to lower."
    r = run('dbn_rbm', '--lr', '50', '--hidden', '16', '--epochs', '3', '--no_download', '--device', 'cpu', '--quiet', cwd=tmp_path)
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 0 and len(lines) == 1 and lines[0].startswith('dbn_rbm: warning: RBM(n_visible=784, n_hidden=16), epochs 1-2: '), r.stderr
    assert 'training diverges though the parameters are finite, or the model fits noise; lower the learning rate (e.g. lr=5)' in lines[0] and lines[0].endswith('(in dbn_rbm: --lr)')
    quiet = run('dbn_rbm', '--hidden', '16', '--epochs', '3', '--no_download', '--device', 'cpu', '--quiet', cwd=tmp_path) # the default rate
    assert quiet.returncode == 0 and quiet.stderr == '', quiet.stderr

def test_train_names_the_rate_options_when_pretraining_diverges_with_finite_weights():
    r = run('dbn_train', *TINY, '--dbn_lr', '50', '--dbn_epochs', '3', '--mlp_epochs', '0', '--updown_epochs', '0', '--no_label_prior')
    warned = [l for l in r.stderr.splitlines() if l.startswith('dbn_train: warning: ')]
    assert r.returncode == 0 and len(warned) >= 1 and warned[0].startswith('dbn_train: warning: RBM(n_visible=784, n_hidden=32), epochs 1-2:'), r.stderr
    assert warned[0].endswith('(in dbn_train: --dbn_lr for the lower RBMs, --top_lr for the top one)'), warned[0]

def test_rbm_refuses_a_decay_that_flips_the_weights_before_loading_data(tmp_path):
    r = run('dbn_rbm', '--lr', '1e4', '--data', str(tmp_path / 'no_such_folder'), '--out', str(tmp_path / 'r.png'))
    assert r.returncode == 2 and '--lr with --weight_decay: lr * weight_decay must be below 1, got 2;' in r.stderr and not (tmp_path / 'r.png').exists(), r.stderr

def test_a_missing_folder_in_DBN_BOOK_DATA_is_named_as_the_variable(tmp_path):
    import os
    r = run('dbn_train', *TINY, env={**os.environ, 'DBN_BOOK_DATA': str(tmp_path / 'nope')})
    assert r.returncode == 2 and f'$DBN_BOOK_DATA: MNIST folder {tmp_path / "nope"} does not exist' in r.stderr and '--data' not in r.stderr, r.stderr

def test_train_then_sample(tmp_path):
    r = run('dbn_train', *TINY, '--top_fast_lr', '0.01', '--save', str(tmp_path / 'm.pt'))
    assert r.returncode == 0, r.stderr
    assert 'error, scored once' in r.stdout and 'with fast weights (rate 0.01), 0.5 of its chains label-clamped' in r.stdout and (tmp_path / 'm.pt').is_file()
    r = run('dbn_sample', str(tmp_path / 'm.pt'), '--digit', '7', '--k', '5', '--out', str(tmp_path / 's.png'))
    assert r.returncode == 0, r.stderr
    from PIL import Image
    assert Image.open(tmp_path / 's.png').size == (10 * 29 - 1, 10 * 29 - 1) # 100 digits, 10 x 10, a pixel apart
    r = run('dbn_sample', str(tmp_path / 'm.pt'), '--n', '100000000', '--out', str(tmp_path / 'big.png'))
    assert r.returncode == 2 and '--n 100,000,000: one PNG grid holds at most 10,000 samples' in r.stderr and not (tmp_path / 'big.png').exists()
    r = run('dbn_sample', str(tmp_path / 'nothing.pt'))
    assert r.returncode == 2 and 'does not exist' in r.stderr


# --- stopping and resuming (issue 10): real processes, real signals ---
import os, signal, time
import torch

LONG = ['--no_download', '--n_train', '2000', '--valid', '500', '--sizes', '784', '64', '32', '--dbn_epochs', '6',
        '--top_epochs', '6', '--updown_epochs', '4', '--mlp_epochs', '6', '--batch', '50', '--device', 'cpu', '--quiet',
        '--method', 'pcd']

def popen(*argv):
    return subprocess.Popen(command('dbn_train', *argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, 'OMP_NUM_THREADS': '1'})

from dbn_book.core import matmul_precision
from dbn_book.finetune import read_checkpoint

def weights(path):
    ck = read_checkpoint(path)
    return ck, [*ck['dbn'].values(), *(ck['mlp']['state'].values() if ck['mlp'] else [])]

def wait_for(path, timeout=120):
    t0 = time.time()
    while not path.exists():
        assert time.time() - t0 < timeout, f"{path} never appeared"
        time.sleep(0.05)

@pytest.fixture(scope='module')
def uninterrupted(tmp_path_factory):
    path = tmp_path_factory.mktemp('ref') / 'full.pt'
    p = popen(*LONG, '--save', str(path)); out, err = p.communicate(timeout=600)
    assert p.returncode == 0, err
    return weights(path)

@pytest.mark.parametrize('sig', [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_interrupt_then_resume_equals_uninterrupted(tmp_path, uninterrupted, sig):
    path = tmp_path / 'run.pt'
    p = popen(*LONG, '--save', str(path))
    wait_for(path) # the first epoch is done and saved: now interrupt
    p.send_signal(sig); out, err = p.communicate(timeout=600)
    ck, _ = weights(path)
    assert p.returncode in (128 + sig, -sig), (p.returncode, err)
    assert ck['training']['phase'] != 'done'
    if sig != signal.SIGKILL:
        assert 'stopping after this epoch' in err and f'dbn_train --resume {path}' in out
    r = run('dbn_train', '--resume', str(path), '--quiet') # with the default thread count: it goes back to the run's one
    assert r.returncode == 0, r.stderr
    assert 'resuming' in r.stdout and 'test          error, scored once' in r.stdout
    ck2, w = weights(path)
    ref_ck, ref_w = uninterrupted
    assert ck2['training']['phase'] == 'done'
    assert all(torch.equal(a, b) for a, b in zip(w, ref_w, strict=True)), "the resumed run differs from the uninterrupted one"
    assert ck2['results'] == ref_ck['results']
    assert not [f for f in tmp_path.iterdir() if f.name.endswith('.tmp') and sig != signal.SIGKILL] # nothing half-written left

def test_resume_refuses_what_it_cannot_continue(tmp_path, uninterrupted):
    (tmp_path / 'junk.pt').write_bytes(b'not a checkpoint')
    torch.save({'hello': 1}, tmp_path / 'foreign.pt')
    r = run('dbn_train', *TINY, '--save', str(tmp_path / 'done.pt')); assert r.returncode == 0, r.stderr
    data = (tmp_path / 'done.pt').read_bytes(); (tmp_path / 'cut.pt').write_bytes(data[:len(data) // 2])
    for argv, msg in [(['--resume', str(tmp_path / 'none.pt')], 'does not exist'),
                      (['--resume', str(tmp_path / 'junk.pt')], 'cannot be read'),
                      (['--resume', str(tmp_path / 'cut.pt')], 'cannot be read'),
                      (['--resume', str(tmp_path / 'foreign.pt')], 'not a dbn_book checkpoint'),
                      (['--resume', str(tmp_path / 'done.pt')], 'nothing to continue')]:
        r = run('dbn_train', *argv)
        assert r.returncode == 2 and msg in r.stderr and r.stdout == '', (argv, r.stderr)

def test_a_new_run_refuses_to_overwrite_a_stopped_one(tmp_path):
    "The same command run again without --resume would lose the stopped run: it is refused, the file untouched; a finished run's file is overwritten."
    from dbn_book.cli import check_train_args, run_training, train_parser
    path = tmp_path / 'run.pt'
    run_training(check_train_args(train_parser().parse_args([*TINY, '--save', str(path)])), log=lambda *a: None, stop=lambda: True)
    before = path.read_bytes()
    r = run('dbn_train', *TINY, '--save', str(path))
    assert r.returncode == 2 and f'--save {path} holds a dbn_train run stopped in pretraining' in r.stderr, r.stderr
    assert f'dbn_train --resume {path}' in r.stderr and path.read_bytes() == before
    r = run('dbn_sample', str(path), '--k', '2', '--out', str(tmp_path / 'part.png')) # a stopped run's DBN draws, and says so
    assert r.returncode == 0 and 'stopped during pretraining, so the DBN is partly trained' in r.stderr, r.stderr
    assert run('dbn_train', '--resume', str(path), '--quiet').returncode == 0
    r = run('dbn_train', *TINY, '--save', str(path)); assert r.returncode == 0, r.stderr

def test_the_json_report_never_overwrites_a_checkpoint(tmp_path):
    "--json naming a checkpoint, stopped or finished, would replace it with the report: refused before any training, the file untouched."
    from dbn_book.cli import check_train_args, run_training, train_parser
    path = tmp_path / 'run.pt'
    run_training(check_train_args(train_parser().parse_args([*TINY, '--save', str(path)])), log=lambda *a: None, stop=lambda: True)
    before, copy = path.read_bytes(), tmp_path / 'copy.pt'
    copy.write_bytes(before)
    for argv, named in (([*TINY, '--json', str(path)], path), (['--resume', str(path), '--quiet', '--json', str(copy)], copy)):
        r = run('dbn_train', *argv)
        assert r.returncode == 2 and f'--json {named} holds a dbn_book checkpoint' in r.stderr, r.stderr
        assert path.read_bytes() == before and copy.read_bytes() == before
    (tmp_path / 'old.json').write_text('{}') # a report of an earlier run is just a file: it is replaced
    assert run('dbn_train', *TINY, '--json', str(tmp_path / 'old.json')).returncode == 0
    assert 'results' in json.loads((tmp_path / 'old.json').read_text())

def test_rbm_refuses_a_batch_larger_than_the_training_images(tmp_path):
    "One update an epoch, as dbn_train refuses: the embedded digits leave 3,600 images after the 400 held out."
    r = run('dbn_rbm', '--no_download', '--batch', '3601', '--epochs', '1', '--hidden', '8', cwd=tmp_path)
    assert r.returncode == 2 and '--batch 3,601 is more than the 3,600 training images; give at most 3,600' in r.stderr, r.stderr
    assert not (tmp_path / 'rbm.png').exists()

def test_resume_on_other_images_names_the_images_it_trained_on(tmp_path, monkeypatch):
    "A run on $DBN_BOOK_DATA's MNIST resumed with the variable unset finds the embedded digits: the error says which images it trained on, though --valid fails first."
    from dbn_book.cli import check_train_args, run_training, train_parser
    from dbn_book.data import local_mnist_folder
    if (folder := local_mnist_folder()) is None: pytest.skip('needs the MNIST files (DBN_BOOK_DATA, or shared/data/mnist above the repository)')
    path, argv = tmp_path / 'run.pt', [a for a in TINY if a != '--no_download']
    monkeypatch.setenv('DBN_BOOK_DATA', str(folder))
    run_training(check_train_args(train_parser().parse_args([*argv, '--save', str(path)])), log=lambda *a: None, stop=lambda: True)
    env = {k: v for k, v in os.environ.items() if k != 'DBN_BOOK_DATA'} | {'XDG_CACHE_HOME': str(tmp_path)} # no MNIST cached either
    r = run('dbn_train', '--resume', str(path), '--no_download', '--quiet', env=env, cwd=tmp_path)
    assert r.returncode == 2 and f'differ from those the run trained on (MNIST from {folder}' in r.stderr, r.stderr
    assert '--valid 10000' in r.stderr and 'set $DBN_BOOK_DATA as it was' in r.stderr, r.stderr

def test_resume_refuses_contradicting_options(tmp_path):
    path = tmp_path / 'run.pt'
    p = popen(*LONG, '--save', str(path)); wait_for(path); p.send_signal(signal.SIGINT); p.communicate(timeout=600)
    r = run('dbn_train', '--resume', str(path), '--dbn_lr', '0.5', '--sizes', '784', '64', '32', '--quiet')
    assert r.returncode == 2 and '--dbn_lr 0.5 contradicts the checkpoint' in r.stderr and '--sizes' not in r.stderr, r.stderr
    r = run('dbn_train', '--resume', str(path), '--n_train', '1000', '--quiet')
    assert r.returncode == 2 and '--n_train 1000 contradicts' in r.stderr

def test_second_signal_stops_at_once_in_one_line(tmp_path):
    path = tmp_path / 'run.pt'
    slow = ['--no_download', '--n_train', '2000', '--sizes', '784', '500', '500', '--batch', '10', '--dbn_epochs', '3',
            '--mlp_epochs', '1', '--device', 'cpu', '--quiet'] # epochs of 200 updates: the second signal lands within one
    p = popen(*slow, '--save', str(path)); wait_for(path)
    p.send_signal(signal.SIGTERM); time.sleep(0.05); p.send_signal(signal.SIGTERM) # the first asks to stop after this epoch
    out, err = p.communicate(timeout=600)
    assert p.returncode == 128 + signal.SIGTERM and 'Traceback' not in err, (p.returncode, err)
    assert 'stopped at once' in err and f'dbn_train --resume {path}' in err, err
    assert read_checkpoint(path)['training']['phase'] != 'done' # the last finished epoch's checkpoint, whole


# --- what the audit of 2026-12-03 found: each case failed with a traceback before ---
@pytest.mark.parametrize('extra', [['--no_labels', '--valid', '50'], ['--sizes', '784', '32', '--valid', '50']],
                         ids=['no labels, with validation', 'one RBM with labels'])
def test_trains_without_labels_or_with_one_rbm(extra):
    r = run('dbn_train', *TINY, *extra)
    assert r.returncode == 0, r.stderr
    assert 'error, scored once' in r.stdout

def test_divergence_fails_in_one_line():
    r = run('dbn_train', *TINY, '--dbn_lr', '1e30', '--weight_decay', '0') # without decay: with it, the rate is refused before training
    assert r.returncode == 1 and 'diverged' in r.stderr and 'lower the learning rate' in r.stderr
    assert '--dbn_lr for the lower RBMs' in r.stderr # the option to change, not only the function's lr=
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr

def test_finite_divergence_of_fine_tuning_fails_in_one_line():
    r = run('dbn_train', *TINY, '--mlp_lr', '1e6') # the loss grows to ~1e9 but stays finite
    assert r.returncode == 1 and 'fine-tuning diverged' in r.stderr and 'for guessing' in r.stderr, r.stderr
    assert '--mlp_lr' in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr

def test_divergence_in_fine_tuning_says_how_to_keep_the_dbn(tmp_path):
    path = tmp_path / 'run.pt'
    r = run('dbn_train', *TINY, '--mlp_lr', '1e6', '--save', str(path))
    assert r.returncode == 1 and f'keep what came before with: dbn_train --resume {path} --mlp_lr 100000' in r.stderr, r.stderr
    r = run('dbn_train', '--resume', str(path), '--mlp_lr', '0.1') # the DBN is kept; fine-tuning runs again at the new rate
    assert r.returncode == 0 and 'MLP from DBN init' in r.stdout, r.stderr

def test_divergence_in_up_down_says_how_to_keep_the_greedy_dbn(tmp_path):
    path = tmp_path / 'run.pt'
    r = run('dbn_train', *TINY, '--updown_epochs', '1', '--updown_lr', '1e30', '--save', str(path)) # huge but finite weights
    assert r.returncode == 1 and 'up-down diverged' in r.stderr and f'dbn_train --resume {path} --updown_lr 1e+29' in r.stderr, r.stderr

@pytest.mark.parametrize('extra, msg', [(['--sizes', '784', '32', '--updown_epochs', '3'], 'up-down needs a directed layer'),
                                        (['--n_train', '100000', '--valid', '100'], 'give at most'),
                                        (['--data', ''], 'is an empty name')])
def test_options_that_would_be_ignored_are_refused(extra, msg):
    r = run('dbn_train', *[a for a in TINY if a not in ('--n_train', '200')], *extra)
    assert r.returncode == 2 and msg in r.stderr and r.stdout == '', r.stderr

def test_resume_keeps_the_json_report_and_names_the_source(tmp_path, capsys):
    from dbn_book.cli import check_train_args, run_training, train_main, train_parser
    path, report = tmp_path / 'run.pt', tmp_path / 'report.json'
    argv = [*TINY, '--save', str(path), '--json', str(report)]
    res = run_training(check_train_args(train_parser().parse_args(argv)), log=lambda *a: None, stop=lambda: True)
    assert 'stopped' in res and not report.exists()
    train_main(['--resume', str(path), '--quiet']) # as the stopped run says to continue
    assert json.loads(report.read_text())['results']['n_train'] == 200 # the report the run was started with
    assert f'report        {report.resolve()}' in capsys.readouterr().out

def test_stopped_at_once_names_a_checkpoint_only_if_this_run_wrote_it(tmp_path, monkeypatch, capsys):
    import os, dbn_book.cli as cli
    path = tmp_path / 'old.pt'; path.write_bytes(b'an older run'); os.utime(path, (1e9, 1e9))
    def interrupted(write):
        def fake(args, **kw):
            if write: path.write_bytes(b'this run')
            raise KeyboardInterrupt
        return fake
    for write, said in [(False, 'nothing was saved yet'), (True, f'dbn_train --resume {path}')]:
        monkeypatch.setattr(cli, 'run_training', interrupted(write))
        with pytest.raises(SystemExit): cli.train_main([*TINY, '--save', str(path)])
        assert said in capsys.readouterr().err

def test_sample_refuses_what_is_not_a_square_binary_image(tmp_path):
    from dbn_book.dbn import DBN
    DBN([90, 20, 20], n_labels=10).save(tmp_path / 'odd.pt')
    r = run('dbn_sample', str(tmp_path / 'odd.pt'), '--k', '2', '--out', str(tmp_path / 's.png'))
    assert r.returncode == 2 and 'RBM units, not a square image of binary pixels' in r.stderr, r.stderr
    assert not (tmp_path / 's.png').exists()


def test_matmul_precision_resumes_exactly_and_is_restored(tmp_path):
    "--matmul_precision medium: a run stopped and resumed equals the uninterrupted one, the setting is put back after the run, and a resume that contradicts it is refused."
    from dbn_book.cli import check_train_args, run_training, train_parser
    argv = ['--no_download', '--n_train', '300', '--valid', '100', '--sizes', '784', '32', '16', '--dbn_epochs', '2', '--top_epochs', '2',
            '--updown_epochs', '2', '--mlp_epochs', '2', '--batch', '50', '--device', 'cpu', '--quiet']
    train = lambda extra, **kw: run_training(check_train_args(train_parser().parse_args(argv + extra)), log=lambda *a: None, **kw)
    before, during = torch.get_float32_matmul_precision(), []
    train(['--matmul_precision', 'medium', '--save', str(tmp_path / 'full.pt')], stop=lambda: during.append(torch.get_float32_matmul_precision()))
    assert during and set(during) == {'medium'}, during # in effect in every epoch (on CPUs without bfloat16 the weights cannot show it)
    assert torch.get_float32_matmul_precision() == before
    ref_ck, ref = weights(tmp_path / 'full.pt')
    for stop_at, where in [(3, 'in pretraining'), (6, 'in up-down'), (9, 'in fine-tuning')]:
        seen = [0]
        def stop(): seen[0] += 1; return seen[0] == stop_at
        res = train(['--matmul_precision', 'medium', '--save', str(tmp_path / 'part.pt')], stop=stop)
        assert res['stopped']['where'].startswith(where), res['stopped']
        if stop_at == 3:
            r = run('dbn_train', '--resume', str(tmp_path / 'part.pt'), '--matmul_precision', 'highest', '--quiet')
            assert r.returncode == 2 and "--matmul_precision highest contradicts the checkpoint's medium" in r.stderr, r.stderr
        r = run('dbn_train', '--resume', str(tmp_path / 'part.pt'), '--quiet')
        assert r.returncode == 0 and "matrix products at precision 'medium'" in r.stdout, r.stderr
        ck, w = weights(tmp_path / 'part.pt')
        assert all(torch.equal(a, b) for a, b in zip(w, ref, strict=True)) and ck['results'] == ref_ck['results'], where


def test_matmul_precision_medium_changes_the_weights_where_the_cpu_has_bfloat16(tmp_path):
    "Where 'medium' makes this CPU's float32 products bfloat16 ones, a run with it must train other weights than one without."
    from dbn_book.cli import check_train_args, run_training, train_parser
    a, b = torch.rand(64, 256), torch.rand(256, 64)
    with matmul_precision('medium'): low = a @ b
    if torch.equal(low, a @ b): pytest.skip("this CPU computes float32 products alike at 'medium' and 'highest' (no bfloat16 products)")
    argv = ['--no_download', '--n_train', '300', '--valid', '100', '--sizes', '784', '32', '16', '--dbn_epochs', '2', '--top_epochs', '2',
            '--updown_epochs', '0', '--mlp_epochs', '1', '--batch', '50', '--device', 'cpu', '--quiet']
    for name, extra in [('f32', []), ('bf16', ['--matmul_precision', 'medium'])]:
        run_training(check_train_args(train_parser().parse_args(argv + extra + ['--save', str(tmp_path / f'{name}.pt')])), log=lambda *a: None)
    assert not all(torch.equal(x, y) for x, y in zip(weights(tmp_path / 'f32.pt')[1], weights(tmp_path / 'bf16.pt')[1], strict=True))


def test_label_prior_moves_only_the_label_biases_toward_the_labels_frequencies(tmp_path):
    "The label prior step (the default) changes the label biases alone (the weights equal those of --no_label_prior), and the model's exact P(y) comes nearer the training labels' frequencies."
    from dbn_book.cli import check_train_args, run_training, train_parser
    from dbn_book.dbn import DBN
    from dbn_book.rbm import binary_states
    argv = ['--no_download', '--n_train', '600', '--valid', '200', '--sizes', '784', '12', '8', '--dbn_epochs', '2', '--top_epochs', '3',
            '--updown_epochs', '1', '--mlp_epochs', '1', '--batch', '50', '--device', 'cpu', '--quiet']
    def train(extra, name):
        args = check_train_args(train_parser().parse_args(argv + extra + ['--save', str(tmp_path / name)]))
        res = run_training(args, log=lambda *a: None)
        return DBN.load(tmp_path / name), res
    (off, res_off), (on, res_on) = train(['--no_label_prior'], 'off.pt'), train([], 'on.pt')
    assert 'label prior' in res_on['phases'] and 'label prior' not in res_off['phases'] and len(res_on['label_prior_before']) == 10
    a, b = off.state_dict(), on.state_dict()
    for k in a:
        if k == f'rbms.{len(off.rbms) - 1}.b': # the top RBM's visible biases: only the last ten, the labels', move
            assert torch.equal(a[k][:-10], b[k][:-10]) and not torch.equal(a[k][-10:], b[k][-10:])
        else: assert torch.equal(a[k], b[k]), k
    from dbn_book.cli import _mnist
    y = _mnist(None, 0, download=False)[2][:600]
    q = torch.bincount(y, minlength=10).double() / len(y)
    def exact_p_y(dbn): # enumerate the 2^12 codes of the 12-unit layer
        x = binary_states(12).float()
        neg_f = torch.stack([-dbn.top.free_energy(dbn.top_input(x, torch.full((len(x),), j))).double() for j in range(10)], 1)
        return torch.softmax(neg_f.flatten(), 0).view_as(neg_f).sum(0)
    tv = lambda p: 0.5 * (p - q).abs().sum().item()
    assert tv(exact_p_y(on)) < 0.5 * tv(exact_p_y(off)), (tv(exact_p_y(on)), tv(exact_p_y(off)))


def test_no_label_prior_is_free_on_resume_until_the_prior_is_set(tmp_path):
    "--no_label_prior may be given anew when resuming in pretraining or up-down, not once the label prior has been set; a checkpoint from before the option resumes without it."
    from dbn_book.cli import UsageError, check_train_args, resume_args, run_training, train_parser
    argv = ['--no_download', '--n_train', '300', '--valid', '100', '--sizes', '784', '16', '8', '--dbn_epochs', '2', '--top_epochs', '2',
            '--updown_epochs', '2', '--mlp_epochs', '3', '--batch', '50', '--device', 'cpu', '--quiet', '--save', str(tmp_path / 'run.pt')]
    for stop_at, phase in [(2, 'pretraining'), (6, 'up-down'), (9, 'fine-tuning (dbn init)')]:
        seen = [0]
        def stop(): seen[0] += 1; return seen[0] == stop_at
        res = run_training(check_train_args(train_parser().parse_args(argv)), log=lambda *a: None, stop=stop)
        assert res['stopped']['phase'] == phase, res['stopped']
        given = {'resume': str(tmp_path / 'run.pt'), 'no_label_prior': True}
        if phase == 'fine-tuning (dbn init)':
            with pytest.raises(UsageError, match="--no_label_prior True contradicts the checkpoint's False"): resume_args(given)
        else: assert resume_args(given)[0].no_label_prior
    ck = torch.load(tmp_path / 'run.pt', weights_only=True)
    del ck['config']['no_label_prior'] # as a checkpoint written before the option existed
    torch.save(ck, tmp_path / 'old.pt')
    assert resume_args({'resume': str(tmp_path / 'old.pt')})[0].no_label_prior # behaves as before: no label prior

def test_updown_options_are_free_on_resume_until_updown_begins(tmp_path):
    "A run stopped between pretraining and up-down may be resumed with new up-down options (and finishes with them); once up-down has run an epoch, they contradict the checkpoint."
    from dbn_book.cli import UsageError, check_train_args, resume_args, run_training, train_parser
    path = tmp_path / 'run.pt'
    argv = ['--no_download', '--n_train', '300', '--valid', '100', '--sizes', '784', '16', '8', '--dbn_epochs', '2', '--top_epochs', '2',
            '--updown_epochs', '2', '--mlp_epochs', '1', '--batch', '50', '--device', 'cpu', '--quiet', '--save', str(path)]
    for stop_at, where in [(5, 'at the start of up-down'), (6, 'in up-down, after epoch 1 of 2')]:
        seen = [0]
        def stop(): seen[0] += 1; return seen[0] == stop_at
        res = run_training(check_train_args(train_parser().parse_args(argv)), log=lambda *a: None, stop=stop)
        assert res['stopped']['where'] == where, res['stopped']
        given = {'resume': str(path), 'updown_lr': 0.01, 'updown_epochs': 3}
        if stop_at == 6:
            with pytest.raises(UsageError, match="--updown_lr 0.01 contradicts the checkpoint's 0.002"): resume_args(given)
            continue
        args, ckpt = resume_args(given)
        assert (args.updown_lr, args.updown_epochs) == (0.01, 3)
        done = run_training(check_train_args(args, given), log=lambda *a: None, checkpoint=ckpt)
        ck = read_checkpoint(path)
        assert 'stopped' not in done and ck['training']['phase'] == 'done'
        assert (ck['config']['updown_lr'], ck['config']['updown_epochs']) == (0.01, 3)


def test_options_free_on_resume_give_the_model_of_a_run_begun_with_them(tmp_path):
    "Fine-tuning's options may change on resume (it starts again from the DBN), up-down's until up-down has begun: the same model as a run given them from the start; a checkpoint from before --updown_method continues as such runs did."
    from dbn_book.cli import check_train_args, resume_args, run_training, train_main, train_parser
    short = ['--no_download', '--n_train', '300', '--valid', '100', '--sizes', '784', '32', '16', '--dbn_epochs', '2',
             '--top_epochs', '2', '--updown_epochs', '2', '--mlp_epochs', '2', '--batch', '50', '--device', 'cpu', '--quiet', '--compare']
    flat = lambda path: [*(ck := read_checkpoint(path))['dbn'].values(), *ck['mlp']['state'].values()]
    new_updown, part = ['--updown_k', '2', '--updown_method', 'cd'], tmp_path / 'part.pt'
    train_main(short + ['--mlp_lr', '0.3', '--save', str(tmp_path / 'full.pt')] + new_updown)
    for where, given in [('in pretraining', new_updown), ('in up-down', []), ('in fine-tuning (dbn init)', []), ('in fine-tuning (random init)', [])]:
        for stop_at in range(1, 14): # until the run stops there
            seen = [0]
            def stop(): seen[0] += 1; return seen[0] == stop_at
            argv = short + ['--save', str(part)] + ([] if given else new_updown)
            if run_training(check_train_args(train_parser().parse_args(argv)), log=lambda *a: None, stop=stop).get('stopped', {}).get('where', '').startswith(where): break
        else: pytest.fail(f"the run never stopped {where}")
        train_main(['--resume', str(part), '--mlp_lr', '0.3', '--quiet'] + given)
        assert all(torch.equal(a, b) for a, b in zip(flat(tmp_path / "full.pt"), flat(part), strict=True)), where
    run_training(check_train_args(train_parser().parse_args(short + ['--save', str(part)])), log=lambda *a: None, stop=lambda: True)
    old = read_checkpoint(part); del old['config']['updown_method'], old['config']['top_clamped'] # written before the options:
    def drop(x, key): # and before its trainers' options had clamped
        if isinstance(x, dict): x.pop(key, None); [drop(v, key) for v in x.values()]
        elif isinstance(x, list): [drop(v, key) for v in x]
    drop(old['training']['state'], 'clamped'); torch.save(old, tmp_path / 'old.pt')
    assert resume_args({'resume': str(tmp_path / 'old.pt')})[0].updown_method == 'cd' # it continues as such runs did, whatever the recipe
    assert resume_args({'resume': str(tmp_path / 'old.pt')})[0].top_clamped == 0.0 # free chains, as before
    train_main(['--resume', str(tmp_path / 'old.pt'), '--quiet'])
    assert read_checkpoint(tmp_path / 'old.pt')['training']['phase'] == 'done'


def test_top_clamped_is_off_by_default_where_it_cannot_work_and_refused_there_when_given():
    from fastcore.test import test_eq, test_fail
    from dbn_book.cli import check_train_args, train_parser
    checked = lambda argv: check_train_args(train_parser().parse_args(argv))
    test_eq(checked([]).top_clamped, 0.5)
    for argv, fix in ((['--no_labels'], 'drop --no_labels'), (['--top_method', 'cd'], 'use --top_method pcd')):
        test_eq(checked(argv).top_clamped, 0.0) # no labels, or no persistent chains, to hold
        test_eq(checked(argv + ['--top_clamped', '0']).top_clamped, 0.0)
        test_fail(lambda: checked(argv + ['--top_clamped', '0.5']),
                  contains=f"--top_clamped 0.5: it holds the labels of the top RBM's persistent chains; {fix}, or give --top_clamped 0")
    test_eq(checked(['--batch', '1']).top_clamped, 0.0) # one chain: none to hold by default
    for opt in ('--top_clamped', '--updown_clamped'):
        test_fail(lambda: checked(['--batch', '1', opt, '0.5']), contains=f"--top_clamped or --updown_clamped 0.5 holds none of the --batch 1 persistent chains")


def test_updown_options_refused_where_updown_does_not_run():
    "Up-down's options where up-down will not run are refused, not ignored; `given` holds what the command line named."
    from fastcore.test import test_eq, test_fail
    from dbn_book.cli import check_train_args, train_parser
    parsed = lambda argv: (train_parser().parse_args(argv), vars(train_parser(defaults=False).parse_args(argv)))
    test_fail(lambda: check_train_args(*parsed(['--sizes', '784', '10', '--updown_k', '2'])), contains='--updown_k given, but up-down does not run (it needs three --sizes); drop --updown_k')
    test_fail(lambda: check_train_args(*parsed(['--updown_epochs', '0', '--updown_lr', '0.01', '--updown_method', 'pcd'])), contains='--updown_lr, --updown_method given')
    test_eq(check_train_args(*parsed(['--updown_epochs', '3', '--updown_k', '2'])).updown_k, 2)
    test_eq(check_train_args(train_parser().parse_args(['--updown_epochs', '0'])).updown_lr, 0.002) # the default alone is not refused


@pytest.fixture(scope='module')
def stopped_checkpoints(tmp_path_factory):
    "dbn_train's checkpoints of one tiny run stopped in each of its three training phases."
    from dbn_book.cli import check_train_args, run_training, train_parser
    tmp, found = tmp_path_factory.mktemp('stopped'), {}
    argv = ['--no_download', '--n_train', '300', '--valid', '100', '--sizes', '784', '16', '8', '--dbn_epochs', '2', '--top_epochs', '2',
            '--updown_epochs', '2', '--mlp_epochs', '3', '--batch', '50', '--device', 'cpu', '--quiet']
    for stop_at, phase in [(2, 'pretraining'), (6, 'up-down'), (9, 'fine-tuning (dbn init)')]:
        seen = [0]
        def stop(): seen[0] += 1; return seen[0] == stop_at
        res = run_training(check_train_args(train_parser().parse_args(argv + ['--save', str(tmp / f'{stop_at}.pt')])), log=lambda *a: None, stop=stop)
        assert res['stopped']['phase'] == phase
        found[phase] = tmp / f'{stop_at}.pt'
    return found

DAMAGE = {'the training record a string': (lambda c: c.__setitem__('training', 'x'), 'the record of its run'),
          'an unknown phase': (lambda c: c['training'].__setitem__('phase', 'bogus'), 'the record of its run'),
          'no options': (lambda c: c.pop('config'), 'the record of its run'),
          'no data fingerprint': (lambda c: c['training']['results'].pop('data_fingerprint'), 'the record of its run'),
          "the state's epoch a string": (lambda c: c['training']['state'].__setitem__('epoch', 'x'), 'epoch missing or of the wrong type'),
          "the state's generator gone": (lambda c: c['training']['state'].pop('generator'), 'generator missing or of the wrong type'),
          "the state's model weights a string": (lambda c: c['training']['state'].__setitem__(
              'mlp' if 'mlp' in c['training']['state'] else 'dbn', 'x'), 'does not fit'),
          'the DBN incomplete': (lambda c: c['dbn'].pop(next(iter(c['dbn']))), 'incomplete or inconsistent'),
          'an option of the wrong type': (lambda c: c['config'].__setitem__('batch', 'x'), "the checkpoint's option --batch 'x' is damaged"),
          'an option out of its choices': (lambda c: c['config'].__setitem__('method', 'sgd'), "the checkpoint's option --method 'sgd' is damaged"),
          'options for another network': (lambda c: c['config'].__setitem__('sizes', [784, 20, 8]), 'the record of its run')}

@pytest.mark.parametrize('phase', ['pretraining', 'up-down', 'fine-tuning (dbn init)'])
@pytest.mark.parametrize('damage', list(DAMAGE))
def test_resume_from_a_damaged_checkpoint_fails_in_one_line(stopped_checkpoints, tmp_path, phase, damage):
    "A checkpoint with the right format but a damaged record, state or model is refused with --resume named, before any training; the file is left as it was."
    import torch
    ck = torch.load(stopped_checkpoints[phase], weights_only=True)
    change, msg = DAMAGE[damage]
    change(ck); torch.save(ck, tmp_path / 'bad.pt')
    before = (tmp_path / 'bad.pt').read_bytes()
    r = run('dbn_train', '--resume', str(tmp_path / 'bad.pt'), '--quiet')
    assert r.returncode == 2 and '--resume' in r.stderr and msg in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert (tmp_path / 'bad.pt').read_bytes() == before


def test_parser_options_and_their_checks():
    "Every option has its help; the parsed values and their types; the number checks' messages."
    from fastcore.test import test_eq, test_fail
    from dbn_book.cli import train_parser, _penalty, _positive, _count
    test_eq([a.dest for a in train_parser()._actions if not a.help], []) # every option has its help
    a = train_parser().parse_args(['--sizes', '784', '10', '--save', '--centered', '--method', 'pcd', '--dropout', '0'])
    test_eq((a.sizes, a.save, a.centered, a.method, a.dropout, a.batch, a.dbn_epochs), ([784, 10], 'dbn_model.pt', True, 'pcd', 0.0, 100, None))
    test_eq(vars(train_parser(defaults=False).parse_args(['--batch', '7', '--no_labels'])), {'batch': 7, 'no_labels': True})
    test_fail(lambda: _penalty('-1e-9', name='--x'), contains='--x must be a number in [0, inf), got -1e-09')
    test_fail(lambda: _positive('1.5', name='--n'), contains="--n must be an integer >= 1, got '1.5'")
    test_fail(lambda: _count(str(10**20), name='--seed'), contains='--seed must be at most 2^62') # not an overflow inside torch

def test_resume_takes_the_runs_thread_count_and_gives_the_callers_back(tmp_path):
    "A resumed run computes with the threads it began with (so that it continues exactly), and leaves the caller's count as it was."
    from dbn_book.cli import check_train_args, resume_args, run_training, train_parser
    before, path = torch.get_num_threads(), tmp_path / 'run.pt'
    try:
        torch.set_num_threads(2)
        run_training(check_train_args(train_parser().parse_args([*TINY, '--save', str(path)])), log=lambda *a: None, stop=lambda: True)
        torch.set_num_threads(1)
        args, ckpt = resume_args({'resume': str(path), 'quiet': True})
        seen, logged = [], []
        res = run_training(check_train_args(args), log=logged.append, stop=lambda: seen.append(torch.get_num_threads()) and False, checkpoint=ckpt)
        assert 'stopped' not in res and set(seen) == {2}, seen # every epoch on the run's two threads
        assert any('using 2 threads, as the run did before (not 1)' in line for line in logged), logged
        assert torch.get_num_threads() == 1 # the caller's
    finally: torch.set_num_threads(before)


def test_no_progress_bars_where_stderr_is_a_file(monkeypatch):
    "Without --quiet a terminal shows the bars; a redirected stderr (here a pipe) gets none of their redraws, only real lines."
    r = run('dbn_train', *[a for a in TINY if a != '--quiet'], '--updown_epochs', '0')
    assert r.returncode == 0 and 'error, scored once' in r.stdout, r.stderr
    assert 'batch/s' not in r.stderr and 's/batch' not in r.stderr and '\r' not in r.stderr, r.stderr[:500]
    from dbn_book.cli import _bars
    class Terminal: isatty, write, flush = (lambda self: True), (lambda self, s: None), (lambda self: None)
    monkeypatch.setattr(sys, 'stderr', Terminal())
    assert _bars(SimpleNamespace(quiet=False)) and not _bars(SimpleNamespace(quiet=True)) # a terminal: the bars, unless --quiet


# --- behaviour the mutation review (2026-12-06) found unchecked: each test fails on the mutant it names ---
from types import SimpleNamespace

def test_validation_rows_are_the_last_and_apart_from_training():
    from dbn_book.cli import UsageError, train_parser, _load_data, _mnist
    a = train_parser().parse_args(['--no_download', '--n_train', '300', '--valid', '100'])
    run = SimpleNamespace(args=a, log=lambda line: None); _load_data(run)
    _, v_all, *_ = _mnist(None, 0, download=False)
    assert torch.equal(run.v_tr, v_all[:300]) and torch.equal(run.v_va, v_all[-100:]) # training from the front, validation the last rows
    a = train_parser().parse_args(['--no_download', '--valid', str(len(v_all))])
    with pytest.raises(UsageError, match='hold out fewer'): _load_data(SimpleNamespace(args=a, log=lambda line: None))

def test_head_epochs_may_fill_every_fine_tuning_epoch():
    from dbn_book.cli import train_parser, check_train_args
    assert check_train_args(train_parser().parse_args(['--head_epochs', '10', '--mlp_epochs', '10', '--device', 'cpu'])).head_epochs == 10

def test_summary_names_what_ran():
    from dbn_book.cli import train_parser, summary
    a = train_parser().parse_args(['--dbn_epochs', '1', '--top_epochs', '1', '--updown_epochs', '0'])
    res = dict(phases={'pretraining': 1.0, 'fine-tuning (dbn init)': 1.0}, data='d', n_train=9, n_valid=3, n_test=3, wall_seconds=2.0,
               device='cpu', checkpoint=None, valid_error_generative_greedy=0.2, valid_error_generative=0.2, valid_error_dbn=0.1,
               test_error_generative=0.2, test_error_dbn=0.1)
    s = summary(a, res)
    assert '2 lower RBMs x 1 epoch of CD-1, the top RBM 1 epoch of' in s and 'before up-down' not in s, s # no up-down ran

@pytest.mark.parametrize('extra,code,expect', [(['--n', '5'], 0, 'wrote 10 samples (1 of each digit'), # at least one of each
                                               (['--digit', '10'], 2, '--digit must lie in 0..9')])
def test_sample_edge_options(tmp_path, capsys, extra, code, expect):
    from dbn_book.cli import sample_main
    from dbn_book.dbn import DBN
    DBN([784, 16, 8], n_labels=10, seed=0).save(tmp_path / 'm.pt')
    try: sample_main([str(tmp_path / 'm.pt'), '--k', '1', '--out', str(tmp_path / 's.png'), '--device', 'cpu', *extra]); got = 0
    except SystemExit as e: got = e.code
    out = capsys.readouterr()
    assert got == code and expect in out.out + out.err, (got, out)

def test_label_prior_is_left_alone_when_a_digit_has_no_training_image():
    from dbn_book.cli import _match_label_prior
    from dbn_book.dbn import DBN
    lines, dbn = [], DBN([784, 8, 6], n_labels=10, seed=0)
    b0 = dbn.top.b.clone()
    run = SimpleNamespace(dbn=dbn, labels=torch.arange(100) % 9, log=lines.append, args=SimpleNamespace(seed=0, quiet=True), res={'phases': {}})
    _match_label_prior(run)
    assert torch.equal(dbn.top.b, b0) and 'not matched' in lines[0] and '[9]' in lines[0], lines

def test_device_and_report_options_are_free_on_resume(tmp_path):
    "--device, --quiet and --json change nothing trained so far: resume_args takes them anew."
    from dbn_book.cli import check_train_args, resume_args, run_training, train_parser
    argv = ['--no_download', '--n_train', '200', '--sizes', '784', '16', '8', '--dbn_epochs', '2', '--mlp_epochs', '1',
            '--batch', '50', '--device', 'cpu', '--quiet', '--save', str(tmp_path / 'run.pt')]
    assert 'stopped' in run_training(check_train_args(train_parser().parse_args(argv)), stop=lambda: True)
    for k, v in [('device', 'cuda'), ('quiet', False), ('json', str(tmp_path / 'r.json'))]:
        assert getattr(resume_args({'resume': str(tmp_path / 'run.pt'), k: v})[0], k) == v, k

def test_train_main_gives_the_signal_handlers_back(capsys):
    from dbn_book.cli import train_main
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    train_main(['--no_download', '--n_train', '200', '--sizes', '784', '16', '8', '--dbn_epochs', '1', '--top_epochs', '1',
                '--mlp_epochs', '1', '--batch', '50', '--device', 'cpu', '--quiet'])
    assert 'error, scored once' in capsys.readouterr().out
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def test_sample_refuses_what_it_cannot_draw(tmp_path, capsys):
    "Moved from chapter 8 (to keep it within 600 lines of code): each refusal one line on stderr, exit status 2."
    from dbn_book.cli import sample_main
    from dbn_book.dbn import DBN
    DBN([784, 16, 8], n_labels=10, seed=0).save(tmp_path / 'model.pt')
    (tmp_path / 'junk.pt').write_bytes(b'junk')
    for argv, msg in [([str(tmp_path / 'junk.pt')], 'cannot be read'), ([str(tmp_path / 'none.pt')], 'does not exist'),
                      ([str(tmp_path / 'model.pt'), '--digit', '12'], '--digit must lie in 0..9'),
                      ([str(tmp_path / 'model.pt'), '--n', '0'], '--n must be an integer >= 1'),
                      ([str(tmp_path / 'model.pt'), '--out', str(tmp_path / 's.jpg')], '--out must name a .png'), ([str(tmp_path)], 'is a folder')]:
        with pytest.raises(SystemExit) as e: sample_main([*argv, '--device', 'cpu'])
        err = capsys.readouterr().err
        assert e.value.code == 2 and msg in err and len(err.strip().splitlines()) == 1, (argv, err)


# --- the second CLI probe (2026-12-06): each test fails on the code before its fix ---
def _stopped_run(path, *extra, seed='0'):
    "A tiny dbn_train run stopped after its first epoch, its checkpoint at path."
    from dbn_book.cli import check_train_args, run_training, train_parser
    run_training(check_train_args(train_parser().parse_args([*TINY, '--seed', seed, *extra, '--save', str(path)])), log=lambda *a: None, stop=lambda: True)

def test_a_stopped_one_rbm_run_resumes(tmp_path):
    "The recipe's up-down epochs, saved though up-down cannot run on one RBM, made --resume refuse the run: 'drop --updown_epochs', an option never given."
    _stopped_run(tmp_path / 'one.pt', '--sizes', '784', '16', '--top_epochs', '2') # the one RBM is the top one: 2 epochs, not the recipe's 100
    r = run('dbn_train', '--resume', str(tmp_path / 'one.pt'), '--quiet')
    assert r.returncode == 0 and 'error, scored once' in r.stdout, r.stderr
    r = run('dbn_train', *TINY, '--sizes', '784', '16', '--updown_epochs', '3') # given on a fresh run, it is still refused
    assert r.returncode == 2 and 'at least three --sizes' in r.stderr, r.stderr

def test_resume_does_not_overwrite_another_stopped_run(tmp_path):
    a, b = tmp_path / 'a.pt', tmp_path / 'b.pt'
    _stopped_run(a); _stopped_run(b, seed='5'); before = b.read_bytes()
    r = run('dbn_train', '--resume', str(a), '--save', str(b), '--quiet')
    assert r.returncode == 2 and f'--save {b} holds a dbn_train run stopped' in r.stderr and b.read_bytes() == before, r.stderr

def test_outputs_that_are_not_files_are_refused_before_training(tmp_path):
    import os
    os.mkfifo(tmp_path / 'fifo')
    for argv, msg in ((['--save', str(tmp_path / 'fifo')], 'is not a regular file'), (['--json', str(tmp_path / 'fifo')], 'is not a regular file'),
                      (['--save', str(tmp_path / 'newdir') + '/'], 'names a folder; name a file in it')):
        r = run('dbn_train', *TINY, *argv)
        assert r.returncode == 2 and msg in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr

def test_a_report_that_cannot_be_written_keeps_the_results(tmp_path, capsys, monkeypatch):
    "A full disk at the very end lost the test errors (a traceback instead of the summary)."
    from dbn_book import cli
    def full(path, write): raise OSError(28, 'No space left on device', str(path))
    monkeypatch.setattr(cli, 'atomic_write', full)
    cli.train_main([*TINY, '--updown_epochs', '0', '--json', str(tmp_path / 'r.json')])
    out = capsys.readouterr().out
    assert 'the JSON report was not written ([Errno 28] No space left on device' in out and 'error, scored once' in out and '\nreport ' not in out, out

def test_ctrl_c_in_the_other_commands_is_one_line(tmp_path, capsys, monkeypatch):
    from dbn_book import cli
    from dbn_book.dbn import DBN
    DBN([784, 16, 8], n_labels=10, seed=0).save(tmp_path / 'm.pt')
    def interrupted(*a, **k): raise KeyboardInterrupt
    monkeypatch.setattr(DBN, 'sample', interrupted)
    with pytest.raises(SystemExit) as e: cli.sample_main([str(tmp_path / 'm.pt'), '--device', 'cpu', '--out', str(tmp_path / 's.png')])
    assert e.value.code == 130 and 'dbn_sample: stopped; nothing was written' in capsys.readouterr().err and not (tmp_path / 's.png').exists()
    monkeypatch.setattr(cli, 'train_rbm', interrupted)
    with pytest.raises(SystemExit) as e: cli.rbm_main(['--no_download', '--hidden', '8', '--device', 'cpu', '--out', str(tmp_path / 'r.png')])
    assert e.value.code == 130 and 'dbn_rbm: stopped; nothing was written' in capsys.readouterr().err and not (tmp_path / 'r.png').exists()

def test_a_write_error_is_one_line(tmp_path, capsys, monkeypatch):
    "A full disk during --save gave a traceback; the resume it names is that of a checkpoint this run wrote (it was named when none was)."
    from dbn_book import cli
    def full(write):
        def fake(*a, **k):
            if write: (tmp_path / 'm.pt').write_bytes(b'an epoch')
            raise OSError(28, 'No space left on device', str(tmp_path / 'm.pt'))
        return fake
    for write, said in [(False, 'nothing was saved yet'), (True, f'continue the last finished epoch with: dbn_train --resume {tmp_path / "m.pt"}')]:
        monkeypatch.setattr(cli, 'run_training', full(write))
        with pytest.raises(SystemExit) as e: cli.train_main([*TINY, '--save', str(tmp_path / 'm.pt')])
        err = capsys.readouterr().err
        assert e.value.code == 1 and len(err.strip().splitlines()) == 1 and 'No space left on device' in err and said in err, err

def test_a_file_size_limit_during_save_is_one_line(tmp_path):
    "torch's checkpoint writer reports its file's OSError (a full disk, here a file-size limit) as a RuntimeError: a traceback before."
    import resource
    limit = lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, resource.getrlimit(resource.RLIMIT_FSIZE)[1])) # Python ignores SIGXFSZ
    r = run('dbn_train', *TINY, '--save', str(tmp_path / 'm.pt'), preexec_fn=limit)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert f'cannot write {tmp_path / "m.pt"}: File too large; nothing was saved yet' in r.stderr and list(tmp_path.iterdir()) == [], r.stderr

def test_a_closed_stdout_does_not_stop_training(tmp_path):
    "dbn_train ... | head -1: the reader goes, and the run (a BrokenPipeError before) goes on to its checkpoint."
    p = popen(*TINY, '--save', str(tmp_path / 'm.pt'))
    p.stdout.close() # before the first line
    err = p.stderr.read(); p.wait(timeout=300)
    from dbn_book.finetune import read_checkpoint
    assert p.returncode == 0 and 'Error' not in err and read_checkpoint(tmp_path / 'm.pt')['training']['phase'] == 'done', err

def test_a_failed_label_prior_says_how_to_keep_the_model(tmp_path):
    "It blamed --updown_lr and advised Python; --resume with --no_label_prior keeps the trained DBN."
    path = tmp_path / 'm.pt'
    r = run('dbn_train', *TINY, '--top_lr', '300', '--updown_epochs', '0', '--save', str(path))
    assert r.returncode == 1 and r.stderr.strip().splitlines()[-1].startswith('dbn_train: error: the label prior'), r.stderr # after the top RBM's warning
    assert 'the label prior cannot be set' in r.stderr and 'training (--top_lr)' in r.stderr and 'deepcopy' not in r.stderr, r.stderr
    assert f'keep the model without it: dbn_train --resume {path} --no_label_prior' in r.stderr, r.stderr
    r = run('dbn_train', '--resume', str(path), '--no_label_prior')
    assert r.returncode == 0 and 'error, scored once' in r.stdout, r.stderr

def test_relative_paths_are_stored_absolute(tmp_path, monkeypatch):
    "--resume from another folder read a relative --data or --json against that folder."
    from dbn_book.cli import check_train_args, config_of, train_parser
    monkeypatch.chdir(tmp_path)
    config = config_of(check_train_args(train_parser().parse_args([*TINY, '--data', 'mnist', '--json', 'r.json', '--save', 'm.pt'])))
    assert (config['data'], config['json'], config['save']) == (str(tmp_path / 'mnist'), str(tmp_path / 'r.json'), str(tmp_path / 'm.pt'))

def test_a_read_only_save_path_is_refused_before_training(tmp_path, monkeypatch):
    "It was refused only when the first checkpoint was written, after an epoch of training (core's writable_path, called up front now)."
    import os
    from dbn_book.cli import check_train_args, train_parser, UsageError
    (ro := tmp_path / 'ro.pt').write_bytes(b'x')
    access = os.access # root may write any file: answer as for another user
    monkeypatch.setattr(os, 'access', lambda p, mode: False if str(p) == str(ro) and mode == os.W_OK else access(p, mode))
    with pytest.raises(UsageError, match='--save: cannot write .*it is read-only, and is kept'):
        check_train_args(train_parser().parse_args([*TINY, '--save', str(ro)]))

def test_a_run_killed_after_its_report_resumes_and_writes_both(tmp_path, monkeypatch):
    "The JSON report is written before the final checkpoint: a run killed between the two keeps its report, and --resume finishes it."
    from dbn_book import cli
    from dbn_book.finetune import read_checkpoint
    save = cli._Run.save
    def killed_at_done(self, state=None):
        if self.phase == 'done': raise KeyboardInterrupt # as a second Ctrl-C or a kill -9 there would: the report had not been written
        save(self, state)
    monkeypatch.setattr(cli._Run, 'save', killed_at_done)
    m, report = tmp_path / 'm.pt', tmp_path / 'r.json'
    with pytest.raises(SystemExit) as e: cli.train_main(TINY + ['--save', str(m), '--json', str(report)])
    first = json.loads(report.read_text())['results']
    assert e.value.code == 130 and read_checkpoint(m)['training']['phase'] != 'done' and 'test_error_dbn' in first
    monkeypatch.setattr(cli._Run, 'save', save)
    cli.train_main(['--resume', str(m), '--quiet'])
    again = json.loads(report.read_text())['results']
    assert read_checkpoint(m)['training']['phase'] == 'done' and again['test_error_dbn'] == first['test_error_dbn']

def test_a_signal_during_the_label_prior_stops_at_once(tmp_path, monkeypatch, capsys):
    "The label prior has no epoch to stop after: a first Ctrl-C there stops at once (it waited half a minute on the default model), and --resume sets the prior again."
    import os
    from dbn_book import cli
    from dbn_book.finetune import read_checkpoint
    prior = cli.match_label_prior
    def interrupted(*args, **kw):
        os.kill(os.getpid(), signal.SIGINT) # a Ctrl-C while the prior's chains run
        return prior(*args, **kw)
    monkeypatch.setattr(cli, 'match_label_prior', interrupted)
    m = tmp_path / 'm.pt'
    with pytest.raises(SystemExit) as e: cli.train_main(TINY + ['--save', str(m)])
    assert e.value.code == 130 and 'dbn_train: stopped at once; continue the last finished epoch with: dbn_train --resume' in capsys.readouterr().err
    assert read_checkpoint(m)['training']['phase'] == 'up-down' # up-down's last epoch, before the prior
    monkeypatch.setattr(cli, 'match_label_prior', prior)
    cli.train_main(['--resume', str(m), '--quiet'])
    cli.train_main(TINY + ['--save', str(tmp_path / 'whole.pt')])
    a, b = read_checkpoint(m), read_checkpoint(tmp_path / 'whole.pt')
    assert all(torch.equal(a['dbn'][k], b['dbn'][k]) for k in a['dbn']) and a['results'] == b['results'] # as a run never stopped

def test_a_second_signal_inside_a_checkpoint_write_stops_in_one_line(tmp_path, monkeypatch, capsys):
    "torch.save turns a KeyboardInterrupt raised within its writes into a RuntimeError: a second Ctrl-C there still ends the run in one line, status 130, its last checkpoint whole (a traceback before)."
    import os
    from dbn_book import cli
    real, saves = torch.save, []
    class Interrupted: # the file a checkpoint is written to, and the user pressing Ctrl-C twice while it is
        def __init__(self, f): self.f, self.writes = f, 0
        def __getattr__(self, name): return getattr(self.f, name)
        def write(self, b):
            n, self.writes = self.f.write(b), self.writes + 1 # written, but not yet counted by torch when the second signal stops the write
            if self.writes == 2: os.kill(os.getpid(), signal.SIGINT); os.kill(os.getpid(), signal.SIGINT) # within the first record: torch then says "unexpected pos"
            return n
    def save(obj, f, *args, **kw):
        saves.append(f)
        return real(obj, Interrupted(f) if len(saves) == 3 else f, *args, **kw) # the third checkpoint of the run
    monkeypatch.setattr(torch, 'save', save)
    m = tmp_path / 'm.pt'
    with pytest.raises(SystemExit) as e: cli.train_main(TINY + ['--save', str(m)])
    err = capsys.readouterr().err
    assert e.value.code == 130 and 'Traceback' not in err and f'stopped at once; continue the last finished epoch with: dbn_train --resume {m}' in err, err
    monkeypatch.setattr(torch, 'save', real)
    assert len(saves) == 3 and read_checkpoint(m)['training']['phase'] == 'pretraining' # the second checkpoint, whole
    assert not list(tmp_path.glob('.*.tmp')) # the interrupted write's temporary file is gone

def test_sample_and_rbm_stop_at_once_on_a_signal_even_while_writing(tmp_path, monkeypatch, capsys):
    "dbn_sample and dbn_rbm save nothing along the way: SIGINT or SIGTERM, even during their output's write, ends them in one line (128 + the signal) and leaves no file (a traceback before, and SIGTERM left a temporary file)."
    import os
    from dbn_book import cli
    from dbn_book.dbn import DBN
    DBN([784, 32, 16], n_labels=10, seed=0).save(ck := tmp_path / 'ck.pt')
    grid = cli.image_grid
    def signalled_grid(*args, **kw): # called within the PNG's write
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None), "SIGTERM would kill dbn_sample mid-write"
        os.kill(os.getpid(), signal.SIGTERM)
        return grid(*args, **kw)
    monkeypatch.setattr(cli, 'image_grid', signalled_grid)
    with pytest.raises(SystemExit) as e: cli.sample_main([str(ck), '--k', '2', '--out', str(tmp_path / 's.png')])
    assert e.value.code == 128 + signal.SIGTERM and capsys.readouterr().err.strip() == 'dbn_sample: stopped; nothing was written'
    class Figure: # rbm_figure's figure, and a Ctrl-C while it is saved
        def savefig(self, f, **kw): f.write(b'part of a figure'); os.kill(os.getpid(), signal.SIGINT)
    monkeypatch.setattr(cli, 'rbm_figure', lambda *a, **kw: Figure())
    with pytest.raises(SystemExit) as e: cli.rbm_main(['--hidden', '8', '--epochs', '1', '--no_download', '--out', str(tmp_path / 'r.png'), '--device', 'cpu', '--quiet'])
    assert e.value.code == 130 and capsys.readouterr().err.strip() == 'dbn_rbm: stopped; nothing was written'
    assert sorted(p.name for p in tmp_path.iterdir()) == ['ck.pt'] # no figure, no grid, no temporary file
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL and signal.getsignal(signal.SIGINT) is signal.default_int_handler # put back

def test_resume_of_a_state_made_on_another_kind_of_device_names_the_option(tmp_path):
    "Probe 10's G7: a phase's state made on CUDA continues only there; dbn_train said so in Python (device='cuda'), not as its option."
    path = tmp_path / 'run.pt'
    p = popen(*LONG, '--save', str(path)); wait_for(path); p.send_signal(signal.SIGINT); p.communicate(timeout=600)
    ck = torch.load(path, weights_only=True); assert ck['training']['state']['device'] == 'cpu'
    ck['training']['state']['device'] = 'cuda'; torch.save(ck, path) # as a run on a GPU would have saved it
    r = run('dbn_train', '--resume', str(path), '--quiet')
    assert r.returncode == 2 and "made on cuda, and its random numbers continue only there; continue it with --device cuda" in r.stderr, r.stderr
