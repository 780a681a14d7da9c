"""scikit-learn's estimator checks on `dbn_book.sklearn`'s estimators, and their use in Pipeline and GridSearchCV.

The estimators refuse values outside [0, 1] (a binary RBM's visible units are bits; see chapter 11). scikit-learn's
`positive_only` tag makes the checks shift their data to be non-negative, but nothing brings it under 1, so on the bare
estimators the checks that fit on such data are expected to fail, with that reason. Every check also runs on each
estimator behind `MinMaxScaler(clip=True)` in a Pipeline, where the data are in range; there only the two checks that
every Pipeline fails (it fits its steps in place) are expected to fail, and `test_fit_leaves_parameters_alone` runs
their assertions on the bare estimators. `xfail_strict=True`: a listed check that passes fails the test.
With `visible='gaussian'` (chapter 9's Gaussian visible units, for real-valued data) the estimators take the checks'
data as it is, and every check passes on them with no exception listed.
The checks run both on small hand-set estimators and on the estimators as a user constructs them, with their defaults.
"""
import pickle

import numpy as np
import pytest
import scipy.sparse as sp

pytest.importorskip('sklearn')
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import MinMaxScaler
from sklearn.utils.estimator_checks import parametrize_with_checks

from dbn_book.sklearn import RBMTransformer, DBNClassifier


def small_rbm(): return RBMTransformer(n_components=4, n_iter=3, random_state=0, device='cpu')
def small_dbn(): return DBNClassifier(hidden_layer_sizes=(8,), pretrain_epochs=2, epochs=20, batch_size=20, random_state=0, device='cpu')
def gaussian_rbm(): return RBMTransformer(n_components=4, n_iter=3, learning_rate=1e-3, visible='gaussian', random_state=0, device='cpu')
def gaussian_dbn(): return DBNClassifier(hidden_layer_sizes=(8,), pretrain_epochs=2, epochs=20, batch_size=20, visible='gaussian',
                                         random_state=0, device='cpu')

OUT_OF_RANGE = ("the check fits on data with values above 1, which a binary RBM refuses by design (ValueError 'Values above 1 "
                "in data'); positive_only shifts the data to >= 0 but no tag bounds it by 1. The check passes on the "
                "MinMaxScaler(clip=True) pipeline")
COMMON = ['check_estimators_overwrite_params', 'check_dont_overwrite_parameters', 'check_estimators_fit_returns_self',
          'check_readonly_memmap_input', 'check_n_features_in_after_fitting', 'check_estimators_dtypes',
          'check_pipeline_consistency', 'check_estimators_pickle', 'check_f_contiguous_array_estimator',
          'check_methods_sample_order_invariance', 'check_methods_subset_invariance', 'check_dict_unchanged',
          'check_fit_idempotent', 'check_fit_check_is_fitted', 'check_n_features_in', 'check_fit2d_predict1d']
RANGE_CHECKS = {
    RBMTransformer: COMMON + ['check_transformer_data_not_an_array', 'check_transformer_general',
                              'check_transformer_preserve_dtypes'],
    DBNClassifier: COMMON + ['check_classifier_data_not_an_array', 'check_classifiers_classes', 'check_classifiers_train'],
}
PIPELINE = ("a Pipeline fits its steps in place, so its `steps` parameter changes during fit, whatever the steps are; "
            "test_fit_leaves_parameters_alone runs this check's assertions on the bare estimator")


def expected_failed_checks(estimator):
    if isinstance(estimator, Pipeline):
        return {'check_estimators_overwrite_params': PIPELINE, 'check_dont_overwrite_parameters': PIPELINE}
    if estimator.visible == 'gaussian': return {} # real-valued visible units take the checks' data as it is: every check passes
    return {name: OUT_OF_RANGE for name in RANGE_CHECKS[type(estimator)]}


DEFAULTS = [RBMTransformer(), DBNClassifier(), RBMTransformer(visible='gaussian'), DBNClassifier(visible='gaussian')]


@parametrize_with_checks([*DEFAULTS, small_rbm(), small_dbn(), gaussian_rbm(), gaussian_dbn(),
                          make_pipeline(MinMaxScaler(clip=True), small_rbm()),
                          make_pipeline(MinMaxScaler(clip=True), small_dbn())],
                         expected_failed_checks=expected_failed_checks, xfail_strict=True)
def test_sklearn_compatible(estimator, check):
    check(estimator)


@pytest.fixture(scope='module')
def data():
    rng = np.random.RandomState(0)
    patterns = np.array([[1, 1, 1, 1, 0, 0, 0, 0], [0, 0, 1, 1, 1, 1, 0, 0]], np.float64)
    y = rng.randint(2, size=200)
    return np.abs(patterns[y] - (rng.rand(200, 8) < 0.05)), np.array(['left', 'middle'])[y]


@pytest.mark.parametrize('make', [small_rbm, small_dbn])
def test_fit_leaves_parameters_alone(make, data):
    "check_estimators_overwrite_params and check_dont_overwrite_parameters, on data in [0, 1]."
    X, y = data
    est = make()
    params, public = est.get_params(deep=False), set(vars(est))
    est.fit(X, y)
    after = est.get_params(deep=False)
    for name, value in params.items(): assert after[name] is value or after[name] == value, name
    added = {a for a in set(vars(est)) - public if not a.startswith('_')}
    assert added and all(a.endswith('_') for a in added), added


@pytest.mark.parametrize('make', [small_rbm, small_dbn])
def test_pickle_and_clone(make, data):
    X, y = data
    est = make().fit(X, y)
    back = pickle.loads(pickle.dumps(est))
    method = 'transform' if isinstance(est, RBMTransformer) else 'predict_proba'
    np.testing.assert_array_equal(getattr(back, method)(X), getattr(est, method)(X))
    fresh = clone(est)
    assert fresh.get_params() == est.get_params() and not hasattr(fresh, 'n_features_in_')
    np.testing.assert_array_equal(getattr(fresh.fit(X, y), method)(X), getattr(est, method)(X)) # same random_state, same model


def test_pipeline_and_grid_search(data):
    X, y = data
    pipe = Pipeline([('scale', MinMaxScaler(clip=True)), ('rbm', RBMTransformer(n_iter=5, random_state=0, device='cpu')),
                     ('logistic', LogisticRegression(C=100))])
    search = GridSearchCV(pipe, {'rbm__n_components': [2, 8], 'rbm__method': ['cd', 'pcd']}, cv=3).fit(X * 7, y)
    assert len(search.cv_results_['params']) == 4 and search.best_score_ > 0.9
    assert set(search.predict(X * 7)) <= {'left', 'middle'}
    dbn = GridSearchCV(small_dbn(), {'hidden_layer_sizes': [(2,), (6, 4)], 'epochs': [np.int64(5), 20]}, cv=3).fit(X, y)
    assert dbn.best_score_ > 0.9
    assert dbn.best_estimator_.dbn_.sizes[1:] == list(dbn.best_params_['hidden_layer_sizes'])


def test_out_of_range_data_is_refused(data):
    X, y = data
    for est in (small_rbm(), small_dbn()):
        with pytest.raises(ValueError, match='Values above 1 in data.*MinMaxScaler'): est.fit(X * 2, y)
        with pytest.raises(ValueError, match='Negative values in data'): est.fit(X - 0.5, y)
        with pytest.raises(ValueError, match='NaN'): est.fit(np.where(X == 1, np.nan, X), y)
        fitted = est.fit(X, y)
        with pytest.raises(ValueError, match='Values above 1'): (fitted.transform if hasattr(fitted, 'transform') else fitted.predict)(X + 1)
    for est in (gaussian_rbm(), gaussian_dbn()): # float64 values beyond float32: they were called NaN, or diverged after an epoch
        for scale in (1e20, 1e200):
            with pytest.raises(ValueError, match='whose squares float32 cannot hold.*StandardScaler'): est.fit(X * scale, y)


@pytest.mark.parametrize('est', DEFAULTS, ids=repr)
def test_defaults_refuse_nan_and_inf_clearly(est, data):
    X, y = data
    fitted = clone(est).fit(X, y)
    method = fitted.transform if hasattr(fitted, 'transform') else fitted.predict
    for bad, word in ((np.nan, 'NaN'), (np.inf, 'infinity'), (-np.inf, 'infinity')):
        Xb = X.copy(); Xb[3, 2] = bad
        with pytest.raises(ValueError, match=word): clone(est).fit(Xb, y)
        with pytest.raises(ValueError, match=word): method(Xb)


@pytest.mark.parametrize('est', DEFAULTS, ids=repr)
@pytest.mark.parametrize('to_sparse', [sp.csr_matrix, sp.csc_matrix, sp.lil_matrix, sp.csr_array], ids=lambda f: f.__name__)
def test_defaults_take_sparse_input(est, to_sparse, data):
    "A sparse X gives the model and the outputs that the same X dense gives, as BernoulliRBM accepts it."
    X, y = data
    est = clone(est).set_params(random_state=0)
    dense, sparse = clone(est).fit(X, y), clone(est).fit(to_sparse(X), y)
    method = 'transform' if hasattr(est, 'transform') else 'predict_proba'
    np.testing.assert_array_equal(getattr(sparse, method)(to_sparse(X)), getattr(dense, method)(X))
    if method == 'transform': np.testing.assert_array_equal(sparse.components_, dense.components_)


@pytest.mark.parametrize('est', [e for e in DEFAULTS if isinstance(e, RBMTransformer)], ids=repr)
def test_defaults_keep_the_input_type(est, data):
    "transform and gibbs answer in X's type, float32 or float64, as BernoulliRBM does; other types become float64."
    X, _ = data
    fitted = clone(est).set_params(random_state=0).fit(X.astype(np.float32))
    for dtype, out in ((np.float32, np.float32), (np.float64, np.float64), (np.int64, np.float64)):
        assert fitted.transform(X.astype(dtype)).dtype == out and fitted.gibbs(X.astype(dtype)).dtype == out
        assert fitted.fit_transform(X.astype(dtype)).dtype == out
    np.testing.assert_allclose(fitted.transform(X), fitted.transform(X.astype(np.float32)), rtol=1e-5, atol=1e-6)
    if est.visible == 'binary': assert fitted.score_samples(X.astype(np.float32)).dtype == np.float64 # (Gaussian: AIS, slow)


def test_default_learning_rates():
    "learning_rate='auto': BernoulliRBM's 0.1 for binary units, chapter 9's 1e-3 for Gaussian ones."
    assert RBMTransformer()._learning_rate() == 0.1 and RBMTransformer(visible='gaussian')._learning_rate() == 1e-3
    assert RBMTransformer(learning_rate=0.02, visible='gaussian')._learning_rate() == 0.02
    with pytest.raises(ValueError, match='learning_rate must be'): RBMTransformer(learning_rate='fast').fit(np.eye(3))


def test_one_sample_and_one_feature_messages():
    "A refused X says its shape, so that scikit-learn's one-sample and one-feature conventions are met."
    for est in (RBMTransformer(), DBNClassifier()):
        with pytest.raises(ValueError, match='n_samples=1, n_features=10'): est.fit(3 * np.ones((1, 10)), [0])
        with pytest.raises(ValueError, match='n_samples=10, n_features=1'): est.fit(3 * np.ones((10, 1)), [0, 1] * 5)


def test_a_classifier_that_learned_nothing_warns():
    "One update leaves the network at chance: a ConvergenceWarning says so and what to change; a trained one stays silent."
    import warnings
    from sklearn.datasets import load_digits
    from sklearn.exceptions import ConvergenceWarning
    X, y = load_digits(return_X_y=True)
    X, y = X[:300] / 16, y[:300]
    with pytest.warns(ConvergenceWarning, match=r'no better than always answering the most frequent class .*lower batch_size \(with 300 rows in batches of 300, an epoch makes 1 update\)'):
        DBNClassifier(hidden_layer_sizes=(16,), pretrain_epochs=1, epochs=1, batch_size=300, random_state=0, device='cpu').fit(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter('error', ConvergenceWarning)
        assert small_dbn().fit(X, y).score(X, y) > 0.9


def test_a_divergence_names_the_estimators_own_rate():
    "The trainers' advice says lr=; through an estimator it also names the estimator's parameter, and the warning points at the caller."
    import warnings
    from sklearn.datasets import load_digits
    from dbn_book import DivergenceWarning
    X, y = load_digits(return_X_y=True)
    X, y = X[:500] / 16, y[:500]
    with pytest.warns(DivergenceWarning, match=r'lower the learning rate.*\(in RBMTransformer: learning_rate\)$') as w:
        RBMTransformer(learning_rate=20, n_iter=4, random_state=0, device='cpu').fit(X)
    assert len(w) == 1 and w[0].filename == __file__
    with pytest.warns(DivergenceWarning, match=r'\(in DBNClassifier: pretrain_learning_rate\)$'):
        DBNClassifier(pretrain_learning_rate=20, pretrain_epochs=4, epochs=1, random_state=0, device='cpu').fit(X, y)
    with pytest.raises(FloatingPointError, match=r'^RBM training diverged.*\(in RBMTransformer: learning_rate\)$'):
        RBMTransformer(learning_rate=1e6, n_iter=2, random_state=0, device='cpu').fit(X)
    est = DBNClassifier(learning_rate=1e5, pretrain_epochs=1, epochs=2, random_state=0, device='cpu')
    with pytest.raises(FloatingPointError, match=r'^fine-tuning diverged.*\(in DBNClassifier: learning_rate\)$'): est.fit(X, y)
    assert not hasattr(est, 'dbn_') # a failed fit leaves nothing half-trained
    with warnings.catch_warnings():
        warnings.simplefilter('error', DivergenceWarning) # the usual rates stay quiet
        RBMTransformer(n_iter=2, random_state=0, device='cpu').fit(X)


def test_a_gaussian_divergence_names_the_nearly_constant_columns():
    "Standardised digits keep 3 constant pixels at 0; their units' variances sit at MIN_VAR and training diverges: the advice says so."
    import warnings
    from sklearn.datasets import load_digits
    from sklearn.feature_selection import VarianceThreshold
    from sklearn.preprocessing import StandardScaler
    from dbn_book import DivergenceWarning
    X = StandardScaler().fit_transform(load_digits(return_X_y=True)[0])
    with pytest.warns(DivergenceWarning, match=r'\(in RBMTransformer: learning_rate; or drop the 3 columns of X that vary less than 0\.01'):
        RBMTransformer(visible='gaussian', n_iter=3, random_state=0, device='cpu').fit(X)
    with warnings.catch_warnings():
        warnings.simplefilter('error', DivergenceWarning) # without them, the same estimator trains quietly
        RBMTransformer(visible='gaussian', n_iter=3, random_state=0, device='cpu').fit(VarianceThreshold(0.01).fit_transform(X))


def test_a_refit_that_fails_leaves_the_previous_fit():
    "Refused input or a diverging refit: the estimator keeps the model it had, as scikit-learn's own estimators keep theirs."
    X = (np.random.default_rng(0).random((40, 6)) < .5).astype(float); y = np.arange(40) % 2
    r = small_rbm().fit(X); W = r.components_.copy()
    with pytest.raises(ValueError, match='Values above 1'): r.fit(X * 5)
    assert np.array_equal(W, r.components_)
    c = small_dbn().fit(X, y); p = c.predict_proba(X)
    for bad, error in ((dict(batch_size=0), ValueError), (dict(learning_rate=1e6), FloatingPointError)):
        with pytest.raises(error): c.set_params(**bad).fit(X, y)
        assert np.array_equal(p, c.predict_proba(X))
        c.set_params(batch_size=20, learning_rate=0.1)
    fresh = DBNClassifier(learning_rate=1e6, pretrain_epochs=1, epochs=1, random_state=0, device='cpu') # seeded: about 7% of unseeded draws step to a largest weight under MAX_WEIGHT (1,830 for np.random.seed(34)), which is not a divergence
    with pytest.raises(FloatingPointError): fresh.fit(X, y)
    assert not hasattr(fresh, 'classes_') and not hasattr(fresh, 'mlp_') # a first fit that fails leaves it unfitted


def test_partial_fit_after_a_change_of_size_or_units_and_a_bad_verbose_are_named():
    "partial_fit kept the first RBM's size silently; verbose='yes' failed inside the progress bar's comparison."
    X = (np.random.default_rng(0).random((40, 6)) < .5).astype(float)
    r = small_rbm().partial_fit(X)
    for change in (dict(n_components=5), dict(visible='gaussian')):
        with pytest.raises(ValueError, match='changed since the first partial_fit'): r.set_params(**change).partial_fit(X)
        r.set_params(n_components=4, visible='binary')
    assert r.partial_fit(X).components_.shape == (4, 6)
    with pytest.raises(ValueError, match="verbose must be an integer >= 0, got 'yes'"): RBMTransformer(verbose='yes').fit(X)
    assert RBMTransformer(n_components=2, n_iter=1, verbose=False, device='cpu').fit(X).components_.shape == (2, 6)


def test_unfitted_attributes_say_fit_first():
    "They raised an AttributeError about the private rbm_; hasattr stays False, as scikit-learn's estimators answer."
    from sklearn.exceptions import NotFittedError
    for name in ('components_', 'intercept_hidden_', 'intercept_visible_', 'variances_'):
        with pytest.raises(NotFittedError, match='not fitted yet'): getattr(RBMTransformer(), name)
        assert not hasattr(RBMTransformer(), name)


def test_a_rate_too_large_for_the_weight_decay_names_learning_rate():
    "The message named CDOptions' lr, which the estimator's users cannot set."
    X = np.random.default_rng(0).random((20, 6))
    with pytest.raises(ValueError, match=r'learning_rate \* weight_decay must be below 1, got 2; lower learning_rate or weight_decay'):
        RBMTransformer(learning_rate=10, weight_decay=0.2, n_iter=1, device='cpu').fit(X)


def test_feature_names_follow_the_fitted_model_and_epochs_must_train():
    "Names followed n_components, set after the fit, and pandas output then failed; epochs=0 left the output layer untrained, without a word."
    from sklearn.exceptions import NotFittedError
    X, y = np.random.default_rng(0).random((20, 6)), np.arange(20) % 2
    with pytest.raises(NotFittedError): RBMTransformer(n_components=3).get_feature_names_out()
    r = RBMTransformer(n_components=3, n_iter=1, device='cpu').fit(X).set_params(n_components=5)
    assert len(r.get_feature_names_out()) == r.transform(X).shape[1] == 3
    with pytest.raises(ValueError, match='epochs must be an integer >= 1, got 0'):
        DBNClassifier(hidden_layer_sizes=(4,), epochs=0, device='cpu').fit(X, y)


def test_conventions_probe_7_found_missing():
    "Probe 7 (p03, p04, p05, p07): a fitted estimator checks X by the units it was fitted with, not by `visible` set since, as "
    "scikit-learn's estimators ignore parameters changed after fit; DBNClassifier has predict_log_proba, as MLPClassifier; "
    "hidden_layer_sizes may be an array and verbose a numpy bool, as MLPClassifier and BernoulliRBM take them."
    rng = np.random.RandomState(0)
    X, Xb = rng.randn(40, 6), (rng.rand(40, 6) > 0.5).astype(float)
    t = gaussian_rbm().fit(X); before = t.transform(X)
    t.set_params(visible='binary') # not refitted: the Gaussian RBM still answers, for the real-valued rows it was fitted on
    assert np.array_equal(t.transform(X), before) and t.score_samples(X).shape == (40,)
    d = DBNClassifier(hidden_layer_sizes=np.array([4]), pretrain_epochs=1, epochs=2, batch_size=10, random_state=0, device='cpu',
                      visible='gaussian', verbose=np.False_).fit(X, Xb[:, 0])
    p = d.predict_proba(X); d.set_params(visible='binary')
    assert np.array_equal(d.predict_proba(X), p) and np.allclose(np.exp(d.predict_log_proba(X)), p, rtol=1e-12, atol=0)
    assert [r.n_hidden for r in d.dbn_.rbms] == [4]
    with pytest.raises(ValueError, match='Values above 1'): # a binary fit still refuses rows outside [0, 1]
        small_rbm().fit(Xb).set_params(visible="gaussian").transform(Xb + 2)


def test_a_pickle_of_an_estimator_fitted_on_a_gpu_loads_on_a_machine_without_one(monkeypatch):
    "Probe 7's p02. No GPU here, so a GPU's fit is simulated as the probe did: while pickling, torch tags the storages of the "
    "fitted models' own tensors 'cuda:0', as it tags a CUDA tensor's; a state that keeps them then cannot load on this machine."
    import torch, torch.serialization as ts
    rng = np.random.RandomState(0)
    X = (rng.rand(40, 6) > 0.5).astype(float)
    rbm, dbn = small_rbm().partial_fit(X), small_dbn().fit(X, X[:, 0])
    live = {p.untyped_storage().data_ptr() for m in (rbm.rbm_, dbn.dbn_, dbn.mlp_) for p in m.parameters()}
    tag = ts.location_tag
    with monkeypatch.context() as m:
        m.setattr(ts, 'location_tag', lambda s: 'cuda:0' if s.data_ptr() in live else tag(s))
        blobs = pickle.dumps(rbm), pickle.dumps(dbn)
    rbm2, dbn2 = map(pickle.loads, blobs) # before the fix: RuntimeError "Attempting to deserialize object on a CUDA device"
    assert np.array_equal(rbm2.transform(X), rbm.transform(X)) and np.array_equal(dbn2.predict_proba(X), dbn.predict_proba(X))
    # a carry whose random generator was CUDA's (16 bytes of Philox state) goes on here with a generator of the CPU's kind
    rbm2._carry = {**rbm2._carry, 'device': 'cuda', 'generator': torch.zeros(16, dtype=torch.uint8)}
    assert len(rbm2.partial_fit(X).history_) == 2
    # an estimator set to device='cuda' loads where CUDA is missing, on the CPU, and says so
    dbn.device = 'cuda' if not torch.cuda.is_available() else 'cuda:99'
    with pytest.warns(UserWarning, match="DBNClassifier loaded on the CPU: device cuda"):
        dbn3 = pickle.loads(pickle.dumps(dbn))
    assert np.array_equal(dbn3.predict_proba(X), dbn2.predict_proba(X))


def test_fitted_attributes_can_be_set_and_score_samples_follows_any_change_of_the_model():
    "Probe 7's p06 (components_ and the intercepts are assignable, as BernoulliRBM's are), and a stale log Z: score_samples "
    "kept the log Z of the model as it was first scored, after the arrays components_ gives on the CPU were edited in place."
    import itertools
    X = (np.random.RandomState(0).rand(50, 6) > 0.5).astype(float)
    states = np.array(list(itertools.product([0, 1], repeat=6)), float)
    t = small_rbm().fit(X); t.score_samples(X)
    C = t.components_; C *= 0.5 # a view of the weights: the model changes
    assert np.isclose(np.exp(t.score_samples(states)).sum(), 1, rtol=0, atol=1e-9) # before: 0.99944, the old log Z
    t.components_, t.intercept_hidden_, t.intercept_visible_ = np.zeros((4, 6)), np.zeros(4), np.zeros(6)
    assert np.array_equal(t.transform(X[:2]), np.full((2, 4), 0.5)) and np.allclose(t.score_samples(X[:2]), -6 * np.log(2), rtol=0, atol=1e-12)
    with pytest.raises(ValueError, match=r"components_ takes finite values of shape \(4, 6\), got shape \(6, 4\)"): t.components_ = np.zeros((6, 4))
    with pytest.raises(ValueError, match="intercept_visible_ takes finite values of shape .6,., got NaN or infinite"): t.intercept_visible_ = np.full(6, np.nan)
    assert np.array_equal(t.components_, np.zeros((4, 6))) and np.array_equal(t.intercept_visible_, np.zeros(6)) # a refused value changes nothing
