import warnings, numpy as np, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import DBNClassifier, RBMTransformer
from sklearn.multiclass import OneVsRestClassifier
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import VotingClassifier, BaggingClassifier, StackingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, make_pipeline
from sklearn.model_selection import cross_validate, cross_val_predict
from sklearn.inspection import permutation_importance
rng = np.random.RandomState(0)
X = (rng.rand(45, 6) > 0.5).astype(float); y = np.array(['u', 'v', 'w'])[(X[:, 0] + X[:, 1]).astype(int)]
def D(**kw): return DBNClassifier(**{**dict(hidden_layer_sizes=(4,), pretrain_epochs=1, epochs=10, learning_rate=0.3, batch_size=10, random_state=0, device='cpu'), **kw})
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:260].replace('\n', ' '))
tryit('OneVsRest', lambda: OneVsRestClassifier(D()).fit(X, y).predict_proba(X[:2]).round(3))
tryit('Calibrated', lambda: CalibratedClassifierCV(D(), cv=3).fit(X, y).predict_proba(X[:2]).round(3))
tryit('Voting soft', lambda: VotingClassifier([('d', D()), ('l', LogisticRegression())], voting='soft').fit(X, y).score(X, y))
tryit('Bagging', lambda: BaggingClassifier(D(), n_estimators=2, random_state=0).fit(X, y).predict_proba(X[:2]).round(3))
tryit('Stacking', lambda: StackingClassifier([('d', D())], cv=3).fit(X, y).score(X, y))
tryit('cross_val_predict proba', lambda: cross_val_predict(D(), X, y, cv=3, method='predict_proba').shape)
tryit('cross_validate return_estimator', lambda: [type(e).__name__ for e in cross_validate(D(), X, y, cv=3, return_estimator=True)['estimator']])
tryit('permutation_importance', lambda: permutation_importance(D().fit(X, y), X, y, n_repeats=2, random_state=0).importances_mean.round(2))
fu = FeatureUnion([('a', RBMTransformer(n_components=2, n_iter=1, random_state=0, device='cpu')), ('b', RBMTransformer(n_components=3, n_iter=1, random_state=1, device='cpu'))])
tryit('FeatureUnion names', lambda: fu.fit(X).get_feature_names_out())
tryit('FeatureUnion pandas', lambda: list(fu.set_output(transform='pandas').fit_transform(X).columns))
