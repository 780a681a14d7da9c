import json,sys,glob,os
for f in sorted(glob.glob('nbs/*.ipynb')):
    nb=json.load(open(f))
    out=[]
    for i,c in enumerate(nb['cells']):
        src=''.join(c['source'])
        out.append(f"\n===== CELL {i} [{c['cell_type']}] =====\n{src}")
        if c['cell_type']=='code':
            for o in c.get('outputs',[]):
                if o['output_type']=='stream':
                    out.append(f"--- OUT(stream {o['name']}) ---\n"+''.join(o['text']))
                elif o['output_type'] in ('execute_result','display_data'):
                    d=o['data']
                    if 'text/markdown' in d:
                        out.append("--- OUT(markdown) ---\n"+''.join(d['text/markdown']))
                    elif 'text/plain' in d:
                        out.append("--- OUT(plain) ---\n"+''.join(d['text/plain']))
                    else:
                        out.append("--- OUT(%s) ---"%list(d))
                elif o['output_type']=='error':
                    out.append("--- OUT(error) ---\n"+o['ename']+': '+o['evalue'])
    open('/work/tmp/numbers_audit/dump/'+os.path.basename(f)+'.txt','w').write('\n'.join(out))
