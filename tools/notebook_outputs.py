"""Print the text outputs of an executed notebook, cell by cell, under the command that executed it: the record of a
chapter's measured numbers kept in benchmarks/results/ (e.g. chapter09_outputs.txt).

    python tools/notebook_outputs.py nbs/09_grbm.ipynb --command "cd nbs && OMP_NUM_THREADS=2 DBN_BOOK_DATA=... jupyter nbconvert ..." \\
        > benchmarks/results/chapter09_outputs.txt
"""
import argparse, json, sys


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('notebook')
    ap.add_argument('--command', required=True, help='the exact command that executed the notebook')
    a = ap.parse_args(argv)
    nb = json.load(open(a.notebook))
    print(f"# text outputs of {a.notebook}\n# executed with: {a.command}\n")
    for i, cell in enumerate(nb['cells']):
        texts = [''.join(o.get('text', '')) or ''.join(o.get('data', {}).get('text/markdown', '') or o.get('data', {}).get('text/plain', ''))
                 for o in cell.get('outputs', []) if o.get('output_type') in ('stream', 'execute_result', 'display_data')]
        texts = [t for t in texts if t.strip() and not t.startswith('<Figure') and 'ipywidgets' not in t]
        if not texts: continue
        first = ''.join(cell['source']).strip().split('\n')[0][:100]
        print(f"## cell {i}: {first}")
        print(''.join(t if t.endswith('\n') else t + '\n' for t in texts))


if __name__ == '__main__':
    sys.exit(main())
