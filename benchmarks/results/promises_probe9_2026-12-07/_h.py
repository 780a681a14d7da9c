# shared helper for the s*.py checks: one line per promise, PASS/FAIL
import os, sys, torch, warnings
torch.set_num_threads(1)
RESULTS = []
def check(pid, where, promise, ok, detail=''):
    RESULTS.append((pid, ok))
    print(f"{'PASS' if ok else 'FAIL'} {pid} [{where}] {promise}" + (f" -- {detail}" if detail else ''), flush=True)
def done():
    n = sum(ok for _, ok in RESULTS)
    print(f"== {n}/{len(RESULTS)} kept")
