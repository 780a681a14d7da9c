"""Pool several generation.py runs of the same checkpoints: agreement and label-free shares over all their samples.

    python benchmarks/pool_generation.py benchmarks/results/generation_A.json benchmarks/results/generation_B.json ... \
        [--groups default_monitor default_cd10x5]

generation.py judges n_per_digit label-clamped samples per digit and 10 n_per_digit label-free samples per model; a
second run with another --seed draws fresh samples of the same models. This weighs each run's per-digit percentages by
its n_per_digit and prints, per model (matched by name), the pooled agreement and the smallest and largest label-free
class. With --groups, models whose names start with a group's prefix (one per seed) give a mean +/- sd, and the first
two groups are paired by the seed that ends their names.
"""
import argparse, json, re, statistics as st
from collections import defaultdict


def pool(paths):
    "{model name: (pooled agreement per digit, pooled label-free share per digit, samples per digit)}"
    runs = defaultdict(list)
    for p in paths:
        d = json.load(open(p))
        for m in d['models']: runs[m['name']].append((d['settings']['n_per_digit'], m))
    out = {}
    for name, rs in runs.items():
        n = sum(k for k, _ in rs)
        mean = lambda key: [sum(k * m[key]['per_digit'][i] for k, m in rs) / n for i in range(10)]
        out[name] = (mean('agreement_pct'), mean('label_free_pct'), n)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('json', nargs='+', help='generation_NAME.json files written by benchmarks/generation.py')
    ap.add_argument('--groups', nargs='*', default=[], help='name prefixes; each group is one recipe over seeds')
    a = ap.parse_args()
    pooled = pool(a.json)
    for name, (ag, lf, n) in pooled.items():
        print(f"{name:28s} {n:4d} per digit: agreement {sum(ag) / 10:5.2f}%, label-free classes {min(lf):4.1f}-{max(lf):4.1f}%")
    seeds = {}
    for g in a.groups:
        names = [k for k in pooled if k.startswith(g)]
        if not names or any(not re.search(r'\d+$', k) for k in names):
            ap.error(f"--groups {g}: needs models named {g}<seed>, found {names or 'none'}")
        seeds[g] = {re.search(r'(\d+)$', k).group(1): sum(pooled[k][0]) / 10 for k in names}
        v = list(seeds[g].values())
        print(f"{g}: agreement {st.mean(v):.2f} +/- {st.stdev(v) if len(v) > 1 else 0:.2f}% over {len(v)} seeds")
    if len(a.groups) >= 2:
        g0, g1 = a.groups[:2]
        common = sorted(set(seeds[g0]) & set(seeds[g1]))
        print(f"paired by seed, {g1} - {g0}: " + ", ".join(f"seed {s} {seeds[g1][s] - seeds[g0][s]:+.2f}" for s in common))

if __name__ == '__main__':
    main()
