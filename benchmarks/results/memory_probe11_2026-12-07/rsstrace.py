"""Helpers: sample this process's RSS in a thread; mark named events; report the peak per segment."""
import os, threading, time, resource
def rss_mb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS'): return int(line.split()[1]) / 1024
class Tracer:
    def __init__(self, dt=0.02):
        self.samples, self.marks, self.dt, self.on = [], [], dt, True
        self.t0 = time.perf_counter()
        threading.Thread(target=self._run, daemon=True).start()
    def _run(self):
        while self.on:
            self.samples.append((time.perf_counter() - self.t0, rss_mb())); time.sleep(self.dt)
    def mark(self, name): self.marks.append((time.perf_counter() - self.t0, name, rss_mb()))
    def report(self, out=print):
        self.on = False; time.sleep(2 * self.dt)
        bounds = self.marks + [(1e18, 'END', None)]
        out(f"{'segment (starts at mark)':60s} {'t0/s':>8s} {'rss at mark/MB':>14s} {'peak in segment/MB':>18s}")
        for (t, name, r), (t2, *_) in zip(bounds, bounds[1:]):
            peak = max([s for tt, s in self.samples if t <= tt < t2], default=float('nan'))
            out(f"{name[:60]:60s} {t:8.1f} {r:14.0f} {peak:18.0f}")
        out(f"ru_maxrss (whole process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
