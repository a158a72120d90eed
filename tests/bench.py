#!/usr/bin/env python3
"""make bench: time and peak memory of gongwen on growing inputs made of the
samples, to show both grow linearly. Usage: bench.py ./gongwen [FORMAT]
FORMAT "replace" times the XML of the samples in GB18030 read as UTF-8 with
--encoding-errors=replace: nearly every byte is invalid and replaced.
FORMAT "check" times `gongwen check` on inputs built to be pathological
(a finding on every line, closers with nothing open under a deep stack of
openers, one huge heading) at N and 2N; with --assert it fails when 2N
takes more than 2.5 times N (and more than a generous floor), so that
quadratic behaviour is caught by `make check` without flaky timings."""
import os, resource, subprocess, sys, tempfile, time


def check_cases(n):
    """name -> input bytes of size n (in lines or characters)."""
    return {
        # a numbering-gap finding on each of n lines: sorting, usual form,
        # finding each line for its excerpt
        "same heading on every line": ("一、总则\n" + "一、项目\n" * n).encode(),
        # markers of two forms alternating: the usual form of a family
        "two marker forms": ("一、总则\n" + "".join(
            "（%d）项。\n" % (i % 9 + 1) if i % 2 else "%d.项。\n" % (i % 9 + 1)
            for i in range(n))).encode(),
        # n openers then n closers of another kind, in one paragraph
        "closers under a deep stack": ("一、总则\n" + "《" * n + "）" * n + "\n").encode(),
        # one heading of 100 n characters: the excerpt is capped
        "huge heading": ("一、" + "长" * (100 * n) + "\n").encode(),
    }


def time_check(gw, data):
    with tempfile.NamedTemporaryFile(suffix=".txt") as f:
        f.write(data)
        f.flush()
        t0 = time.perf_counter()
        r = subprocess.run([gw, "check", f.name], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        dt = time.perf_counter() - t0
        if r.returncode not in (0, 1):
            sys.exit("gongwen check failed (%d): %s" % (r.returncode, r.stderr[:300]))
        return dt, len(r.stdout) + len(r.stderr)


def bench_check(gw, strict):
    n = int(os.environ.get("GW_BENCH_N", "10000"))
    floor = float(os.environ.get("GW_BENCH_FLOOR", "1.5"))
    print("gongwen check, pathological inputs at N=%d and 2N" % n)
    print("%-28s %10s %10s %8s %12s" % ("case", "N s", "2N s", "ratio", "2N output KB"))
    small, large = check_cases(n), check_cases(2 * n)
    failed = []
    for name in small:
        for attempt in range(2):  # a loaded machine gets a second try
            t1, _ = time_check(gw, small[name])
            t2, out = time_check(gw, large[name])
            ok = t2 <= 2.5 * t1 or t2 <= floor
            if ok:
                break
        print("%-28s %10.3f %10.3f %8.2f %12.1f%s" % (name, t1, t2, t2 / t1, out / 1024,
                                                       "" if ok else "  QUADRATIC?"))
        if not ok:
            failed.append(name)
    if strict and failed:
        sys.exit("2N took more than 2.5 times N (and over %.1f s): %s" % (floor, ", ".join(failed)))


if len(sys.argv) > 2 and sys.argv[2] == "check":
    bench_check(sys.argv[1], "--assert" in sys.argv[3:])
    sys.exit(0)

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
