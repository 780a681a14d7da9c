"""a04: every public function or method of dbn_book that takes `generator=`, and whether it checks that the generator's
device type matches where it draws (make_generator/own_generator with device=, or a .device.type comparison).
A CPU torch.Generator used for a draw on CUDA (or the reverse) raises inside torch:
"Expected a 'cuda' device type for generator but found 'cpu'". That error cannot be produced without a GPU
(torch.Generator(device='meta') is refused, and meta/fake tensors ignore the generator), so this is a static inventory."""
import ast, pathlib, re
root = pathlib.Path(__file__).resolve().parents[3] / 'dbn_book'
rows = []
for path in sorted(root.glob('*.py')):
    if path.name == '_modidx.py': continue
    text = path.read_text(); tree = ast.parse(text)
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef,)) or node.name.startswith('_') and node.name != '__init__': continue
        args = [a.arg for a in node.args.args + node.args.kwonlyargs]
        if 'generator' not in args: continue
        src = ast.get_source_segment(text, node)
        checks = bool(re.search(r"(make_generator|own_generator)\([^)]*device|generator\.device\.type", src))
        if re.search(r"super\(\).__init__\(.*generator, device\)", src, re.S): checks = 'yes (Trainer)'
        elif 'ais_log_weights(' in src: checks = 'yes (ais_log_weights)'
        elif re.search(r"device=(x\.device if g is None else )?g\.device", src): checks = 'n/a (draws on g.device)'
        elif node.name in ('check_generator',): checks = 'n/a (the type check)' 
        where = 'CPU: init weights' if node.name == '__init__' and checks is False or node.name == 'mlp_from_dbn' else 'trainer device' if isinstance(checks, str) and 'Trainer' in checks else 'g.device' if 'g.device' in str(checks) else 'model/rows device'
        owner = next((c.name for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and node in c.body), None)
        first = node.args.args[0].arg if node.args.args else ''
        if owner is None and first == 'self' and node.args.args[0].annotation is not None: owner = ast.unparse(node.args.args[0].annotation)
        rows.append((f"{path.name}:{node.lineno}", f"{owner + '.' if owner else ''}{node.name}", checks if isinstance(checks, str) else 'yes' if checks else 'NO', where))
w = max(len(r[1]) for r in rows)
print(f"{'where':18s} {'function':{w}s} {'device-checked':24s} draws on")
for r in rows: print(f"{r[0]:18s} {r[1]:{w}s} {r[2]:24s} {r[3]}")
print(f"\n{sum(r[2] == 'NO' for r in rows)} of {len(rows)} take a generator without checking its device type")
