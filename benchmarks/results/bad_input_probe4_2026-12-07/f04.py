# widgets.to_uint8 with vmin > vmax silently inverts the image (matplotlib's Normalize refuses vmin > vmax)
import numpy as np
from dbn_book.widgets import to_uint8, slider
a = np.linspace(0, 1, 5)[None].repeat(2, 0)
print('vmin=0 vmax=1:', to_uint8(a, vmin=0, vmax=1)[0])
print('vmin=1 vmax=0:', to_uint8(a, vmin=1, vmax=0)[0])
print('slider accepts it too:', slider([a, a], ['a', 'b'], vmin=1, vmax=0))
import matplotlib.colors as mc
try: mc.Normalize(vmin=1, vmax=0)(a)
except ValueError as e: print('matplotlib:', e)
