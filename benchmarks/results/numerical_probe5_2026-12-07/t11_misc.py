import torch, math
from dbn_book.dbn import DBN, predict_labels
from dbn_book.rbm import RBM
from dbn_book.grbm import GaussianRBM
from dbn_book.finetune import mlp_from_dbn, evaluate
torch.manual_seed(0)
gr = GaussianRBM(3,4,init_std=1.,seed=1)
with torch.no_grad(): gr.z.copy_(torch.tensor([-1.,0.,2.]))
dbn = DBN.from_rbms([gr, RBM(4+3,2,n_softmax=3,init_std=1.,seed=2)])
mlp = mlp_from_dbn(dbn, n_classes=3).eval()
v = torch.randn(10,3)
h1 = mlp.hidden[0](v).sigmoid()
print("mlp layer1 vs dbn.up(1)", (h1 - dbn.up(v, n_layers=1)).abs().max().item())
y = torch.randint(3,(10,))
a = evaluate(mlp, v, y, batch=3); b = evaluate(mlp, v, y, batch=1000)
print("evaluate batch 3 vs 1000", a['loss'], b['loss'], a['error'], b['error'])
r = RBM(5,7,n_softmax=3,init_std=2.,seed=3)
print("chunk", r.log_partition_exact(chunk=5).item(), r.log_partition_exact().item())
r = RBM(9,4,init_std=2.,seed=3)
print("chunk", r.log_partition_exact(chunk=3).item(), r.log_partition_exact().item())
print("grbm chunk", gr.log_partition_exact(chunk=3).item(), gr.log_partition_exact().item())
