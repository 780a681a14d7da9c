import warnings, numpy as np, torch
torch.set_num_threads(1)
from dbn_book.sklearn import DBNClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.model_selection import cross_val_predict
X = (np.random.RandomState(0).rand(30, 6) > 0.5).astype(float); y = (X[:, 0] > 0).astype(int)
for est in (DBNClassifier(hidden_layer_sizes=(3,), pretrain_epochs=1, epochs=2, batch_size=10, random_state=0, device='cpu'), MLPClassifier(hidden_layer_sizes=(3,), max_iter=2, random_state=0)):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always'); est.fit(X, y[:, None])
    print(type(est).__name__, 'y (n,1) warnings:', sorted({x.category.__name__ for x in w}))
    print('  has predict_log_proba:', hasattr(est, 'predict_log_proba'))
    try: print('  cross_val_predict(method=predict_log_proba):', cross_val_predict(est, X, y, cv=2, method='predict_log_proba').shape)
    except Exception as e: print('  cross_val_predict(method=predict_log_proba) RAISES', type(e).__name__, str(e)[:150])
