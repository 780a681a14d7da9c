import numpy as np, warnings
warnings.simplefilter('ignore')
from sklearn.datasets import make_blobs
from sklearn.preprocessing import StandardScaler, MinMaxScaler
from dbn_book.sklearn import DBNClassifier
import torch; torch.set_num_threads(1)
X, y = make_blobs(n_samples=300, random_state=0); X = StandardScaler().fit_transform(X)
Xm = MinMaxScaler().fit_transform(X)
for s in range(4):
    r=[]
    for vis, XX in (('binary', Xm), ('gaussian', X)):
        for h in [(256,), (256, 256)]:
            c = DBNClassifier(hidden_layer_sizes=h, visible=vis, device='cpu', random_state=s).fit(XX, y); r.append((vis[0], len(h), round(c.score(XX, y),3)))
    print(s, r)
