#!/usr/bin/env python3
"""make bench: time and peak memory of gongwen on growing inputs made of the
samples, to show both grow linearly. Usage: bench.py ./gongwen [FORMAT]
FORMAT "replace" times the XML of the samples in GB18030 read as UTF-8 with
--encoding-errors=replace: nearly every byte is invalid and replaced."""
import os, resource, subprocess, sys, tempfile, time

gw = sys.argv[1] if len(sys.argv) > 1 else "./gongwen"
fmt = sys.argv[2] if len(sys.argv) > 2 else "xml"
if fmt == "replace":
    base = b"".join(open(os.path.join("samples", f), encoding="utf-8").read()
                    .encode("gb18030")
                    for f in sorted(os.listdir("samples")) if f.endswith(".txt"))
    args = ["--encoding", "UTF-8", "--encoding-errors=replace"]
    print("replacing invalid bytes, unit input %.2f MB (the samples in GB18030 read as UTF-8)"
          % (len(base) / 1e6))
else:
    base = b"".join(open(os.path.join("samples", f), "rb").read()
                    for f in sorted(os.listdir("samples")) if f.endswith(".txt"))
    args = ["-t", fmt]
    print("format %s, unit input %.2f MB (all samples)" % (fmt, len(base) / 1e6))
print("%8s %10s %10s %12s %12s" % ("copies", "MB", "seconds", "MB/s", "peak RSS MB"))
rows = []
for copies in (1, 4, 16, 64):
    with tempfile.NamedTemporaryFile(suffix=".txt") as f:
        f.write(base * copies)
        f.flush()
        size = (len(base) * copies) / 1e6
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        subprocess.run([gw] + args + [f.name], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        dt = time.perf_counter() - t0
        # ru_maxrss of children is the maximum over all of them so far
        rss = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        rows.append((copies, dt, rss))
        print("%8d %10.2f %10.3f %12.1f %12.1f" % (copies, size, dt, size / dt, rss))
c0, t0, _ = rows[1]
c1, t1, _ = rows[-1]
print("time ratio %dx input: %.1fx (linear would be %dx)" % (c1 // c0, t1 / t0, c1 // c0))
