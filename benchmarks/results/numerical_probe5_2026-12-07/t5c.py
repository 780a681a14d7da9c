exec(open('t5_bound.py').read().split("g = torch.Generator")[0])
g = torch.Generator().manual_seed(1)
sizes, nl, scale = [4,3,2], 2, 4.
dbn = DBN(sizes, n_labels=nl, seed=3)
with torch.no_grad():
    for r in dbn.rbms: r.W.normal_(0,scale); r.b.normal_(0,1); r.c.normal_(0,1)
# reproduce RNG consumption: the other configs before... not needed, just check this model
v = binary_states(4).float(); N=20000
ex = exact_bound(dbn, v); lz = dbn.top.log_partition_exact().item()
s = dbn_log_likelihood_bound(dbn, v.repeat(N,1), lz, n_samples=1, generator=g).view(N,-1)
d=(s.mean(0)-ex); print(d); print(s.std(0))
i = d.abs().argmax(); print("row", v[i], "a", dbn.rbms[0].hidden_input(v[i:i+1]))
print("unique samples", s[:,i].unique(return_counts=True))
