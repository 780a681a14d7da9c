"""The judge of benchmarks/generation.py: a small CNN digit classifier in plain PyTorch, independent of every DBN and MLP
in this project, trained on MNIST training images 0..49,999 (grey levels in [0, 1], lightly augmented so that it also
reads blurry and binary-looking digits), checked on the validation split (training images 50,000..59,999) and on the
10,000 official test images. The trained judge is cached in benchmarks/out/judge.pt, keyed on its settings and on a
hash of its training data; a missing or mismatched cache is retrained.
"""
import hashlib, math, os, platform, time
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from dbn_book.core import atomic_write

JUDGE_FORMAT = 'dbn_book.benchmarks.judge/1'
CACHE = Path(__file__).parent / 'out' / 'judge.pt'
N_JUDGE_TRAIN = 50_000 # training images 0..49,999; 50,000..59,999 are the project's validation split

# Everything that decides the trained weights; the cache is keyed on it (plus a hash of the training data).
SETTINGS = dict(arch='conv3x3(32)-relu-maxpool2-conv3x3(64)-relu-maxpool2-dropout(0.25)-linear(3136,10)',
                n_train=N_JUDGE_TRAIN, epochs=5, batch=128, optimizer='adam', lr=2e-3, schedule='cosine, per batch',
                weight_decay=0.0, seed=0,
                augment=('random affine on every image (rotation +-10 deg, scale 0.9-1.1, shift +-2 px, bilinear); '
                         'then per image: grey 40%, Gaussian blur sigma 0.7 or 1.1 20%, Bernoulli binarised 20%, '
                         'thresholded at 1/2 10%, grey + uniform noise up to 0.15 10%'))


def make_judge() -> nn.Module:
    "Two 3x3 convolutions with max pooling, and one linear layer: about 0.1M weights."
    return nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),   # 32 x 14 x 14
                         nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),  # 64 x 7 x 7
                         nn.Flatten(), nn.Dropout(0.25), nn.Linear(64 * 7 * 7, 10))


def _gauss_kernel(sigma: float) -> torch.Tensor:
    x = torch.arange(-2, 3, dtype=torch.float32)
    k = torch.exp(-x ** 2 / (2 * sigma ** 2)); k = k / k.sum()
    return (k[:, None] * k[None, :])[None, None]


def augment(x: torch.Tensor, g: torch.Generator) -> torch.Tensor:
    "Light augmentation of grey images x (B, 1, 28, 28) in [0, 1]: a small random affine map, then a random rendering."
    B = len(x)
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(B, generator=g)
    ang, sc = u(-10, 10) * math.pi / 180, u(0.9, 1.1)
    tx, ty = u(-2, 2) * 2 / 28, u(-2, 2) * 2 / 28 # in affine_grid's normalised coordinates
    cos, sin = torch.cos(ang) / sc, torch.sin(ang) / sc
    theta = torch.stack([torch.stack([cos, -sin, tx], 1), torch.stack([sin, cos, ty], 1)], 1)
    x = F.grid_sample(x, F.affine_grid(theta, x.shape, align_corners=False), align_corners=False).clamp(0, 1)
    r = torch.rand(B, generator=g)[:, None, None, None]
    sigma = torch.where(torch.rand(B, generator=g) < 0.5, 0.7, 1.1)[:, None, None, None]
    blur = torch.where(sigma < 1, F.conv2d(x, _gauss_kernel(0.7), padding=2), F.conv2d(x, _gauss_kernel(1.1), padding=2))
    bern = (torch.rand(x.shape, generator=g) < x).float()
    thr = (x > 0.5).float()
    noisy = (x + 0.15 * torch.rand(B, 1, 1, 1, generator=g) * torch.rand(x.shape, generator=g)).clamp(0, 1)
    return torch.where(r < 0.4, x, torch.where(r < 0.6, blur, torch.where(r < 0.8, bern, torch.where(r < 0.9, thr, noisy))))


def _as_images(x: torch.Tensor) -> torch.Tensor:
    "Rows of 784 pixels (uint8 0..255 or floats in [0, 1]) as (n, 1, 28, 28) floats in [0, 1]."
    x = x.float() / 255 if x.dtype == torch.uint8 else x.float()
    return x.reshape(-1, 1, 28, 28)


@torch.no_grad()
def judge_probs(judge: nn.Module, x: torch.Tensor, chunk: int = 500) -> torch.Tensor:
    "The judge's class probabilities (n, 10) for rows x of 784 pixels (uint8, or floats in [0, 1])."
    judge.eval()
    return torch.cat([F.softmax(judge(_as_images(x[i:i + chunk])), 1) for i in range(0, len(x), chunk)]) \
        if len(x) else torch.zeros(0, 10)


def judge_predict(judge, x) -> torch.Tensor: return judge_probs(judge, x).argmax(1)


def accuracy(judge, x, y) -> float: return (judge_predict(judge, x) == y).float().mean().item()


def data_hash(x: torch.Tensor, y: torch.Tensor) -> str:
    "md5 of the judge's training images and labels, so that a cache built on other data is not reused."
    h = hashlib.md5(x.contiguous().numpy().tobytes()); h.update(y.contiguous().numpy().tobytes())
    return h.hexdigest()


def train_judge(x: torch.Tensor, y: torch.Tensor, log=print) -> tuple:
    "Train the judge on grey images x (uint8 rows) with labels y, per SETTINGS; returns (judge, seconds)."
    s = SETTINGS
    torch.manual_seed(s['seed']) # weight initialisation and dropout
    g = torch.Generator().manual_seed(s['seed']) # shuffling and augmentation
    judge = make_judge()
    opt = torch.optim.Adam(judge.parameters(), lr=s['lr'], weight_decay=s['weight_decay'])
    xi = _as_images(x)
    n_batches = math.ceil(len(xi) / s['batch'])
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda t: 0.5 * (1 + math.cos(math.pi * t / (s['epochs'] * n_batches))))
    t0 = time.perf_counter()
    for ep in range(s['epochs']):
        judge.train()
        order = torch.randperm(len(xi), generator=g)
        tot = correct = 0.0
        for i in range(0, len(xi), s['batch']):
            idx = order[i:i + s['batch']]
            xb, yb = augment(xi[idx], g), y[idx]
            out = judge(xb)
            loss = F.cross_entropy(out, yb)
            opt.zero_grad(set_to_none=True); loss.backward(); opt.step(); sched.step()
            tot += loss.item() * len(idx); correct += (out.argmax(1) == yb).sum().item()
        log(f"  judge epoch {ep + 1}/{s['epochs']}: training loss {tot / len(xi):.4f}, training accuracy (augmented) "
            f"{100 * correct / len(xi):.2f}%, {time.perf_counter() - t0:.0f} s")
    judge.eval()
    return judge, time.perf_counter() - t0


def get_judge(ds, cache: Path = CACHE, threads: int = 2, log=print) -> tuple:
    """The judge for MNIST `ds`: loaded from `cache` when its settings and data match, else trained (on `threads` CPU
    threads) and cached. Returns (judge, info). The thread count is not part of the key: it changes only the rounding."""
    x, y = ds.x_train[:N_JUDGE_TRAIN], ds.y_train[:N_JUDGE_TRAIN]
    key = dict(SETTINGS, data_md5=data_hash(x, y))
    if cache.is_file():
        try:
            c = torch.load(cache, map_location='cpu', weights_only=True)
            if isinstance(c, dict) and c.get('format') == JUDGE_FORMAT and c.get('key') == key:
                judge = make_judge(); judge.load_state_dict(c['state']); judge.eval()
                log(f"judge: loaded from {cache} (trained in {c['train_seconds']:.0f} s on {c['trained_on']})")
                return judge, dict(cached=True, train_seconds=c['train_seconds'], trained_on=c['trained_on'])
            log(f"judge: {cache} was trained with other settings or data: retraining")
        except Exception as e:
            log(f"judge: {cache} cannot be read ({type(e).__name__}): retraining")
    else:
        log(f"judge: no cached judge at {cache}: training one (about 2-4 minutes on 2 CPU cores)")
    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    try: judge, secs = train_judge(x, y, log)
    finally: torch.set_num_threads(before)
    trained_on = f"{platform.machine()}, {os.cpu_count()} CPUs, {threads} threads, torch {torch.__version__}"
    cache.parent.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().cpu() for k, v in judge.state_dict().items()}
    atomic_write(cache, lambda f: torch.save(dict(format=JUDGE_FORMAT, key=key, state=state, train_seconds=secs,
                                                  trained_on=trained_on), f))
    log(f"judge: trained in {secs:.0f} s, cached in {cache}")
    return judge, dict(cached=False, train_seconds=secs, trained_on=trained_on)


def judged_validation(a):
    """For a benchmark with --data, --seed and --threads: set the threads, print the command, and return the judge and
    the validation digits (training images 50,000..59,999, binarised as dbn_train binarises them) with their labels."""
    import sys
    from dbn_book.data import load_mnist, mnist_tensors
    torch.set_num_threads(a.threads)
    print(f"command: python {' '.join(sys.argv)}   ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
          f"{os.getloadavg()[0]:.2f} at the start); torch {torch.__version__}, {torch.get_num_threads()} threads", flush=True)
    ds = load_mnist(a.data, download=False)
    judge, _ = get_judge(ds, threads=a.threads, log=lambda s: None)
    v_all, y_all, *_ = mnist_tensors(ds, 'sample', a.seed)
    return judge, v_all[N_JUDGE_TRAIN:], y_all[N_JUDGE_TRAIN:]
