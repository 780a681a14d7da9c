import json, re, glob, os
res_text = ''
for f in glob.glob('benchmarks/results/**/*', recursive=True):
    if os.path.isfile(f) and f.endswith(('.txt','.md','.json','.jsonl','.log','.py')):
        try: res_text += open(f, errors='ignore').read() + '\n'
        except: pass
num_re = re.compile(r'(?<![\w.])[-+]?\d[\d,]*\.\d+|(?<![\w.])\d+(?:\.\d+)?%')
def norm(s): return s.replace(',', '').rstrip('%').lstrip('+')
for f in sorted(glob.glob('nbs/*.ipynb')):
    nb = json.load(open(f))
    outs = ''
    for c in nb['cells']:
        if c['cell_type'] == 'code':
            outs += ''.join(c['source']) + '\n'
            for o in c.get('outputs', []):
                if 'text' in o: outs += ''.join(o['text'])
                for k, v in o.get('data', {}).items():
                    if k in ('text/plain', 'text/markdown'): outs += ''.join(v)
                    if k == 'text/html': outs += ' '.join(re.findall(r'"labels": \[.*?\]', ''.join(v)))
    outs_n = outs.replace(',', '')
    res_n = res_text.replace(',', '')
    for i, c in enumerate(nb['cells']):
        if c['cell_type'] != 'markdown': continue
        src = ''.join(c['source'])
        src_nomath = re.sub(r'\$\$.*?\$\$|\$[^$]*\$', ' ', src, flags=re.S)
        for m in num_re.finditer(src_nomath):
            n = norm(m.group())
            if n.startswith('-'): n2 = n[1:]
            else: n2 = n
            if n2 in outs_n: continue
            where = 'RESULTS' if n2 in res_n else 'NOWHERE'
            ctx = src_nomath[max(0, m.start()-70): m.end()+40].replace('\n', ' ')
            print(f"{os.path.basename(f)}[{i}] {m.group():>8} {where}: ...{ctx}...")
