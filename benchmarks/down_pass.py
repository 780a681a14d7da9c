"""Benchmark: how much of a DBN's label-clamped agreement could its lower layers give at best? (issue 17, section 1)

    nice python benchmarks/down_pass.py benchmarks/out/default.pt benchmarks/out/updown_bound_greedy_seed{0,1,2}.pt \
        --data ../shared/data/mnist | tee benchmarks/results/down_pass.txt

A sample of the DBN is a state of the top RBM's visible layer (a binary code h^(l-1)) passed down through the directed
layers. Whatever the top RBM does, a code can only read as a digit as clearly as the way down renders it. Here the
codes are the best the top RBM could hope to produce: those of real validation digits (training images 50,000..59,999,
which no model here trained on), passed up by the recognition weights, sampled to binary as the top RBM's states are,
and passed down again to pixel probabilities (as generation.py's samples are). The judge of generation.py (a CNN
trained on training images 0..49,999 only) reads them; the share it reads as the digit's own label is a ceiling of
sorts on label-clamped agreement, for chains that would sample codes of real digits of the clamped class. Beside it:
the judge on the validation digits themselves (binarised as the DBN saw them), and on the codes passed down as
probabilities instead of binary samples.
"""
import argparse, os, sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from judge import judge_predict, judged_validation
from dbn_book.dbn import DBN


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('checkpoints', nargs='+')
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA'))
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    judge, v_va, y_va = judged_validation(a) # binarised as dbn_train binarises them
    read = lambda x: (judge_predict(judge, x) == y_va).float()
    per_digit = lambda ok: " ".join(f"{ok[y_va == d].mean() * 100:5.1f}" for d in range(10)) + f"   {ok.mean() * 100:5.1f}"
    print("the judge's agreement with the label, % per digit 0..9 and overall, on the 10,000 validation digits\n")
    print(f"  {'validation digits, binarised':58s} " + per_digit(read(v_va)))
    for path in a.checkpoints:
        dbn, g = DBN.load(path), torch.Generator().manual_seed(a.seed)
        with torch.no_grad():
            up = dbn.up(v_va)
            down_binary = dbn.down(torch.bernoulli(up, generator=g), g, mean=True) # as a sample's code: binary
            down_probs = dbn.down(up, g, mean=True)
        print(f"{Path(path).name}:")
        print(f"  {'up, code sampled to binary, down (pixel probabilities)':58s} " + per_digit(read(down_binary)))
        print(f"  {'up, code as probabilities, down':58s} " + per_digit(read(down_probs)), flush=True)


if __name__ == '__main__':
    main()
