import warnings, pickle, copy, io, numpy as np, torch, joblib
torch.set_num_threads(1)
from dbn_book.sklearn import RBMTransformer, DBNClassifier
warnings.simplefilter('ignore')
rng = np.random.RandomState(0)
X = (rng.rand(40, 6) > 0.5).astype(float); y = np.where(X[:, 0] > 0.5, 'a', 'b')
for vis in ('binary', 'gaussian'):
    Xv = X if vis == 'binary' else rng.randn(40, 6)
    t = RBMTransformer(n_components=4, n_iter=2, random_state=0, device='cpu', visible=vis).fit(Xv)
    s0 = t.score_samples(Xv)
    for name, f in [('pickle', lambda o: pickle.loads(pickle.dumps(o))), ('deepcopy', copy.deepcopy),
                    ('joblib', lambda o: (joblib.dump(o, '/work/tmp/probe7/t.joblib'), joblib.load('/work/tmp/probe7/t.joblib'))[1])]:
        c = f(t)
        print(vis, name, 'transform eq', np.array_equal(t.transform(Xv), c.transform(Xv)),
              'score eq', np.array_equal(c.score_samples(Xv), s0),
              'gibbs eq', np.array_equal(t.gibbs(Xv), c.gibbs(Xv)))
        # partial_fit the copy; original unchanged?
        W0 = t.components_.copy(); tr0 = t.transform(Xv)
        c.partial_fit(Xv)
        print('   after partial_fit copy: orig W same', np.array_equal(W0, t.components_), 'orig transform same', np.array_equal(tr0, t.transform(Xv)),
              'copy changed', not np.array_equal(W0, c.components_), 'hist', len(t.history_), len(c.history_))
        # partial_fit continuation equals between original & copy
        c2 = f(t); t3 = f(t)
        c2.partial_fit(Xv); t3.partial_fit(Xv)
        print('   partial_fit on two copies equal', np.array_equal(c2.components_, t3.components_))
d = DBNClassifier(hidden_layer_sizes=(4, 3), pretrain_epochs=1, epochs=2, batch_size=10, random_state=0, device='cpu').fit(X, y)
for name, f in [('pickle', lambda o: pickle.loads(pickle.dumps(o))), ('deepcopy', copy.deepcopy),
                ('joblib', lambda o: (joblib.dump(o, '/work/tmp/probe7/d.joblib'), joblib.load('/work/tmp/probe7/d.joblib'))[1])]:
    c = f(d)
    print('dbn', name, np.array_equal(c.predict_proba(X), d.predict_proba(X)), c.predict(X)[:5], c.classes_)
    c.fit(X[:20], y[:20])
    print('   refit copy: orig proba unchanged', np.array_equal(d.predict_proba(X), pickle.loads(pickle.dumps(d)).predict_proba(X)))
# mlp_ mode after pickle: train or eval?
print('mlp training flag', d.mlp_.training, pickle.loads(pickle.dumps(d)).mlp_.training)
