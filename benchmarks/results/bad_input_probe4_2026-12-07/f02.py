# log_partition: AIS options that are invalid (betas not ending at 1, a base model with W != 0) are silently ignored when the exact path is taken
import torch, dbn_book as D
r = D.RBM(6, 4, seed=0)
bad_base = D.RBM(6, 4, seed=1) # W != 0: ais_log_partition refuses it as a base
print(D.log_partition(r, 'exact', n_chains=3, betas=[0, 5], base=bad_base))
print(D.log_partition(r, 'auto', betas=[0, 5], base=bad_base))
try: D.log_partition(r, 'ais', betas=[0, 5], base=bad_base)
except ValueError as e: print("method='ais' refuses them:", e)
