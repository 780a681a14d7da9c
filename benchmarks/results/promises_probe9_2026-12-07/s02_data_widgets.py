import math, os, numpy as np, torch, warnings
from _h import check, done
from dbn_book.data import *
from dbn_book.widgets import *

ds = embedded_mnist()
bc_tr, bc_te = torch.bincount(ds.y_train, minlength=10), torch.bincount(ds.y_test, minlength=10)
check('d01', 'data.embedded_mnist', "4,000 train, 1,000 test, balanced by class", len(ds.x_train) == 4000 and len(ds.x_test) == 1000 and bool((bc_tr == 400).all()) and bool((bc_te == 100).all()))
check('d02', 'data.MNIST / ch00 prose', "uint8 images (N x 784), int64 labels", ds.x_train.dtype == torch.uint8 and ds.x_train.shape[1] == 784 and ds.y_train.dtype == torch.int64)
check('d03', 'data.embedded_mnist / ch00 prose', "shuffled ... so that any slice of it holds every class", len(set(ds.y_train[:50].tolist())) == 10)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always'); os.environ.pop('DBN_BOOK_DATA', None)
    ds2 = load_mnist(download=False, cache='/tmp/p9_nocache')
check('d04', 'ch00 prose', "Falling back to the embedded digits raises a warning of one line", len(w) == 1 and '\n' not in str(w[0].message) and len(ds2.x_train) == 4000)
full = load_mnist('/work/shared/data/mnist')
check('d05', 'data.load_mnist_folder / ch00 prose', "60,000 and 10,000 images", len(full.x_train) == 60000 and len(full.x_test) == 10000 and full.y_train.dtype == torch.int64)
x = torch.tensor([[0, 128, 255]], dtype=torch.uint8)
b1, b2 = binarize(x), binarize(x)
check('d06', 'data.binarize', "generator: for 'sample'; default: seed 0 (same bits each call)", torch.equal(b1, b2) and torch.equal(b1, binarize(x, generator=torch.Generator().manual_seed(0))))
check('d07', 'data.binarize', "'threshold': v = [x > 1/2]; Binary images (0./1. floats)", binarize(x, 'threshold').tolist() == [[0., 1., 1.]] and binarize(x).dtype == torch.float32)
v_tr, y_tr, v_te, y_te = mnist_tensors(ds)
check('d08', 'data.mnist_tensors', "Binary (v_train, y_train, v_test, y_test)", set(v_tr.unique().tolist()) == {0., 1.} and v_tr.shape == (4000, 784))
dq = dequantize(ds.x_train[:100], torch.Generator().manual_seed(0))
check('d09', 'data.dequantize', "(x + u)/256, u ~ U(0, 1): in (0, 1), float32 default, floor(256 v) == x",
      dq.dtype == torch.float32 and bool((dq > 0).all() and (dq < 1).all()) and torch.equal((dq * 256).floor().to(torch.uint8), ds.x_train[:100]))
xr = torch.randn(200, 4, dtype=torch.float64) * torch.tensor([1., 2., 3., 1e-9], dtype=torch.float64) + 5
m = fit_standardizer(xr)
v = m(xr)
check('d10', 'data.fit_standardizer', "dropping columns whose std is below min_std; v = (x - mean)/std", m.n_dropped == 1 and v.shape == (200, 3) and torch.allclose(v.std(0), torch.ones(3, dtype=v.dtype)))
s = xr[:, :3].std(0)
check('d11', 'data.AffineMap.log_det', "log |det A|", abs(m.log_det - (-s.log().sum().item())) < 1e-9)
back = m.inverse(v)
check('d12', 'data.AffineMap.inverse', "Full rows of x from rows of v, dropped columns at their constant values", back.shape == (200, 4) and torch.allclose(back[:, :3], xr[:, :3]) and bool((back[:, 3] - xr[:, 3].mean()).abs().max() < 1e-6))
z = fit_zca(xr[:, :3].float())
w = z(xr[:, :3].float())
cov = torch.cov(w.T.double())
check('d13', 'data.fit_zca', "whitening: decorrelates (eps small -> covariance near identity scaled)", bool((cov - torch.diag(torch.diag(cov))).abs().max() < 0.05))
xb = torch.randn(300, 2, dtype=torch.float64) + 1e7
mb = fit_standardizer(xb)
err = (mb(xb) - (xb - xb.mean(0)) / xb.std(0)).abs().max().item()
check('d14', 'data.AffineMap.__call__', "the mean is subtracted in x's precision, so float64 rows far from 0 keep their digits", err < 1e-6, f"max err {err:.2g}")
ims = grey_sample_images()
check('d15', 'data.grey_sample_images', "two sample photographs (427 x 640) as grey float tensors in [0, 1]",
      len(ims) == 2 and all(tuple(i.shape) == (427, 640) and i.dtype == torch.float32 and 0 <= i.min() and i.max() <= 1 for i in ims))
P = image_patches(ims, size=8, n=101, generator=torch.Generator().manual_seed(0))
check('d16', 'data.image_patches', "n random size x size patches as rows", tuple(P.shape) == (101, 64))
check('d17', 'data.local_mnist_folder', "shared/data/mnist in or above the working directory", (lambda: (os.chdir('/work/main/benchmarks'), local_mnist_folder())[1])() is not None)
# widgets
a = np.array([[0., .5, 1.]])
check('w01', 'ch00_widgets prose', "A float image in [0, 1] maps to bytes by rounding 255x, and bytes pass through unchanged",
      to_uint8(a).tolist() == [[0, 128, 255]] and to_uint8(np.array([[3, 7]], np.uint8)).tolist() == [[3, 7]])
check('w02', 'widgets.to_uint8', "vmin default: the frame's min if only vmax is given", to_uint8(np.array([[0.5, 1., 2.]]), vmax=2).tolist() == [[0, 85, 255]])
check('w03', 'widgets.to_uint8', "returns H x W x 3 with cmap", to_uint8(a, cmap='viridis').shape == (1, 3, 3))
u1 = png_data_uri(to_uint8(np.random.default_rng(0).random((5, 5))))
u2 = png_data_uri(to_uint8(np.random.default_rng(0).random((5, 5))))
check('w04', 'ch00_widgets prose', "the same pixels always give the same text", u1 == u2 and u1.startswith('data:image/png;base64,'))
rgb = (np.random.default_rng(0).random((40, 40, 3)) * 255).astype(np.uint8)
import base64, io; from PIL import Image
im = Image.open(io.BytesIO(base64.b64decode(png_data_uri(rgb, max_colors=16).split(',')[1])))
check('w05', 'widgets.png_data_uri', "RGB images of over 256 colours: quantized to this many", len(im.convert('RGB').getcolors(10000)) <= 16)
g = image_grid(np.zeros((5, 2, 3)))
check('w06', 'widgets.image_grid', "ncol default: about square; pad between images", g.shape == (2 * 2 + 1, 3 * 3 + 2) and g[2, 0] == 0.5)
gu = image_grid(np.zeros((2, 2, 2), np.uint8), pad_value=1.0)
check('w07', 'widgets.image_grid', "pad_value is a fraction of 255 for uint8 images", gu.dtype == np.uint8 and gu[0, 2] == 255)
fr = [np.zeros((4, 4)), np.ones((4, 4))]
s1, s2 = slider(fr, ['a', 'b']), slider(fr, ['a', 'b'])
check('w08', 'ch00_widgets prose', "drawing the same frames again gives byte-identical HTML; changing a label gives a new id", s1.html == s2.html and slider(fr, ['a', 'c']).id != s1.id)
check('w09', 'widgets.slider', "width default: 280 for small images", s1.width == 280)
try: slider([np.zeros((200, 200))] * 3, list('abc'), max_bytes=100); ok = False
except ValueError: ok = True
check('w10', 'widgets.slider', "max_bytes: refuse a larger slider (None: no limit)", ok and slider([np.zeros((200, 200))] * 3, list('abc'), max_bytes=None) is not None)
s3 = interactive(lambda v: np.full((3, 3), v), [0, 0.5], live=False)
check('w11', 'widgets.interactive', "labels default str(value); static slider exactly the slider over fn's frames", s3.labels == ['0', '0.5'] and s3.html == slider([np.full((3, 3), v) for v in (0, 0.5)], ['0', '0.5']).html)
p = s1.save('/tmp/p9_slider.html')
check('w12', 'widgets.Slider.save', "Write the slider as a standalone HTML page", open(p).read().startswith('<!doctype html>'))
check('w13', 'ch00_widgets prose', "a label that looks like markup ... is shown literally", '<b>' not in slider(fr, ['<b>x</b>', 'y']).html.split('<script')[0])
done()
