import json,sys,glob,os,re
for f in sorted(glob.glob('nbs/*.ipynb')):
    nb=json.load(open(f))
    out=[]
    for i,c in enumerate(nb['cells']):
        src=''.join(c['source'])
        if c['cell_type']=='markdown':
            out.append(f"\n== {i} MD ==\n{src}")
            continue
        lines=src.split('\n')
        if lines and lines[0].startswith('#| export') or '#| exporti' in lines[0:2]:
            # show docstrings? show only lines with numbers in comments
            out.append(f"\n== {i} CODE(export, {len(lines)} lines) ==")
        else:
            out.append(f"\n== {i} CODE ==\n"+'\n'.join(lines[:15])+('\n...' if len(lines)>15 else ''))
        for o in c.get('outputs',[]):
            if o['output_type']=='stream':
                t=''.join(o['text'])
            elif o['output_type'] in ('execute_result','display_data'):
                d=o['data']
                t=''.join(d.get('text/markdown', d.get('text/plain', str(list(d)))))
                if 'text/html' in d and 'text/markdown' not in d and 'text/plain' not in d: t='<html>'
            elif o['output_type']=='error':
                t='ERROR '+o['ename']+': '+o['evalue']
            else: t=''
            if len(t)>3000: t=t[:3000]+'...[trunc]'
            out.append("-> "+t)
    open('/work/tmp/numbers_audit/dump/'+os.path.basename(f)+'.short.txt','w').write('\n'.join(out))
