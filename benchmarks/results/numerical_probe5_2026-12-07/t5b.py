exec(open('t5_bound.py').read().split("g = torch.Generator")[0])
g = torch.Generator().manual_seed(1)
worst=0
for sizes, nl in [([4,3,2],0),([4,3,2],2),([4,3,3,2],3),([3,2,1],2)]:
  for untied in [False, True]:
    for scale in [1., 4.]:
        dbn = DBN(sizes, n_labels=nl, seed=3)
        with torch.no_grad():
            for r in dbn.rbms: r.W.normal_(0,scale); r.b.normal_(0,1); r.c.normal_(0,1)
        if untied:
            dbn.untie()
            with torch.no_grad():
                for p in list(dbn.gen_W)+list(dbn.gen_b): p.add_(torch.randn_like(p))
        v = binary_states(sizes[0]).float(); N=20000
        ex = exact_bound(dbn, v); lz = dbn.top.log_partition_exact().item()
        s = dbn_log_likelihood_bound(dbn, v.repeat(N,1), lz, n_samples=1, generator=g).view(N,-1)
        z = ((s.mean(0)-ex).abs()/(s.std(0)/math.sqrt(N)+1e-12)).clamp_max(((s.mean(0)-ex).abs()/1e-6)).max().item(); print("  absdiff max", (s.mean(0)-ex).abs().max().item())
        worst=max(worst,z); print(sizes,nl,untied,scale,f"max |z| {z:.2f}")
print("worst z", worst)
