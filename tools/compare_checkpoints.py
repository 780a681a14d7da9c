"""Whether two dbn_train checkpoints hold the same model: each tensor of the DBN and the MLP compared bit for bit, and the results.

    python tools/compare_checkpoints.py A.pt B.pt
"""
import sys
import torch
from dbn_book.finetune import read_checkpoint


def tensors(ckpt:dict) -> dict:
    "name -> tensor of the DBN's state and the MLP's."
    out = {f'dbn.{k}': v for k, v in ckpt['dbn'].items()}
    if ckpt.get('mlp'): out.update({f'mlp.{k}': v for k, v in ckpt['mlp']['state'].items()})
    return out


def main(argv=None):
    a, b = (read_checkpoint(p) for p in (argv or sys.argv[1:]))
    ta, tb = tensors(a), tensors(b)
    same = [k for k in ta if k in tb and ta[k].shape == tb[k].shape and torch.equal(ta[k], tb[k])]
    print(f"{len(same)} of {len(ta)} tensors bit-identical (the other file has {len(tb)})")
    for k in (k for k in ta if k not in same): print(f"  differs: {k}")
    ra, rb = a.get('results', {}), b.get('results', {})
    print("results equal" if ra == rb else f"results differ: {[k for k in set(ra) | set(rb) if ra.get(k) != rb.get(k)]}")
    return 0 if len(same) == len(ta) == len(tb) and ra == rb else 1


if __name__ == '__main__':
    sys.exit(main())
