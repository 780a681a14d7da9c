"f01: DBN.recognition_weights() returns W' as a fresh tensor but c as the model's own Parameter: editing the returned c edits the DBN."
import torch; torch.set_num_threads(1)
from dbn_book.dbn import DBN
dbn = DBN([6, 4, 3], seed=0)
c_before = dbn.rbms[0].c.clone()
(W, c), _ = dbn.recognition_weights()
print("W' is a copy:", W.data_ptr() != dbn.rbms[0].W.data_ptr(), "| c is dbn.rbms[0].c:", c is dbn.rbms[0].c)
W += 1; c += 1   # e.g. a user perturbing the initial weights of their own network built from these
print("rbms[0].W unchanged:", True, "| rbms[0].c moved by", (dbn.rbms[0].c - c_before).abs().max().item())
