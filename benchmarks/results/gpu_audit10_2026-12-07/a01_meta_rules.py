"""a01: which device-mixing rules PyTorch's 'meta' device enforces on this build, the proxy the other scripts use for CUDA.
Each probe prints OK or the error; CUDA behaves the same way for these (same device checks in TensorIterator / index_put / masked_scatter)."""
import torch, warnings
M = torch.device('meta')
def probe(name, f):
    try: f(); print(f"OK     {name}")
    except Exception as e: print(f"RAISES {name}: {type(e).__name__}: {str(e).splitlines()[0][:160]}")

print("torch", torch.__version__)
probe("meta 1-D  - cpu 1-D", lambda: torch.empty(3, device=M) - torch.zeros(3))
probe("meta 1-D  - cpu 0-dim (allowed, as for CUDA)", lambda: torch.empty(3, device=M) - torch.zeros(()))
probe("meta 2-D  - cpu 1-element 1-D", lambda: torch.empty(2, 3, device=M) - torch.zeros(1))
probe("meta x[:, cpu bool mask] (indices on the CPU are allowed)", lambda: torch.empty(2, 3, device=M)[:, torch.tensor([True, False, True])])
probe("cpu x[:, cpu mask] = meta values  (index_put_)", lambda: torch.zeros(2, 3).__setitem__((slice(None), torch.tensor([True, False, True])), torch.empty(2, 2, device=M)))
probe("cpu.masked_scatter_(meta mask, cpu src)", lambda: torch.full((2, 3), .5).masked_scatter_(torch.ones(3, dtype=torch.bool, device=M), torch.zeros(2, 3)))
probe("cpu slice = meta (copy_, cross-device allowed)", lambda: torch.zeros(2, 3).__setitem__((slice(None), slice(1, None)), torch.empty(2, 2, device=M)))
probe("torch.rand(.., generator=CPU gen, device=meta)", lambda: torch.rand(2, 3, generator=torch.Generator().manual_seed(0), device=M))
probe("torch.Generator(device='meta')", lambda: torch.Generator(device=M))
probe("bool(meta tensor) (why package checks refuse meta early)", lambda: bool(torch.empty((), device=M) > 0))
with warnings.catch_warnings():
    warnings.simplefilter('error')
    probe("get/set_float32_matmul_precision without warnings", lambda: torch.set_float32_matmul_precision(torch.get_float32_matmul_precision()))
