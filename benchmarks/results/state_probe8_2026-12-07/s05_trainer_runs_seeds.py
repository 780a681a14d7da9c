"Trainers: run(2)+run(2) on one object == run(4); same seed same numbers, other seed other numbers; seed= vs generator=; shared generators; shared models."
from _makers import *

for name, make in makers.items():
    m1, t1 = make(seed=3); t1.run(progress=False)
    m2, t2 = make(seed=3); t2.run(2, progress=False); t2.run(2, progress=False)
    m3, t3 = make(seed=3); t3.run(1, progress=False); t3.run(1, progress=False); t3.run(progress=False)
    m4, t4 = make(generator=torch.Generator().manual_seed(3)); t4.run(progress=False)
    m5, t5 = make(seed=4); t5.run(progress=False)
    ok_split = same(params(m1), params(m2)) and same(params(m1), params(m3)) and strip(t1.history) == strip(t2.history) == strip(t3.history)
    report(f"{name}: 4 == 2+2 == 1+1+rest on one trainer (params and history)", ok_split)
    report(f"{name}: seed=3 == generator=Generator().manual_seed(3)", same(params(m1), params(m4)))
    report(f"{name}: seed=4 differs from seed=3", not same(params(m1), params(m5)))

# a generator shared by two trainers, and used between runs: reproducible given the order, and the trainer's stream moves with it
g = torch.Generator().manual_seed(0)
a = RBM(8, 5, seed=0); ta = RBMTrainer(a, v, CDOptions(epochs=2, batch=20), generator=g)
ta.run(1, progress=False); torch.rand(3, generator=g); ta.run(1, progress=False)
g2 = torch.Generator().manual_seed(0)
b = RBM(8, 5, seed=0); tb = RBMTrainer(b, v, CDOptions(epochs=2, batch=20), generator=g2)
tb.run(progress=False)
print("a user draw from the trainer's own generator between runs changes the result (as documented: it is the caller's generator):", not same(params(a), params(b)))

# two trainers on one model
m = RBM(8, 5, seed=0)
t1 = RBMTrainer(m, v, CDOptions(epochs=2, batch=20), seed=0)
t2 = RBMTrainer(m, v, CDOptions(epochs=2, batch=20), seed=1)
t1.run(1, progress=False); t2.run(1, progress=False)
W = m.W.clone(); t1.run(1, progress=False)
report("two trainers on one model: each continues from the model as the other left it", not torch.equal(W, m.W) and t1.epoch == 2 and t2.epoch == 1)
