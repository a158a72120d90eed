#!/usr/bin/env python3
"""make bench: gongwen against cmark, xsltproc and pandoc on the same
content, in one run, as bench/README.md reports it.

The input is the samples concatenated COPIES times (default 30, 9 MB); the
same content as Markdown (gongwen -t markdown of it) is what cmark and
pandoc read. Each command runs RUNS times (default 3) and the median of its
CPU time (user + system, wait4's, so that other work on the machine
matters less than it does to wall time) and its peak RSS are printed, with
the ratios the performance targets are stated in. Then start-up: STARTS
(default 100) separate runs on one sample-sized report, and linearity:
gongwen -t xml per MB at 1x, 10x and 100x the samples.

Usage: bench_compare.py ./gongwen  (env: BENCH_COPIES, BENCH_RUNS,
BENCH_STARTS, BENCH_LINEAR=0 to skip the 100x run)"""
import os, shutil, statistics, subprocess, sys, tempfile

GW = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "./gongwen")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COPIES = int(os.environ.get("BENCH_COPIES", "30"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
STARTS = int(os.environ.get("BENCH_STARTS", "100"))


def measure(cmd, out):
    """(CPU seconds, peak RSS MB) of one run, stdout to out. The CPU time
    is wait4's for GNU time and the command it ran (microseconds, where
    time's own %U rounds to 10 ms); the peak is time's %M, of a process it
    forked, not one forked from this Python (Linux keeps the high-water
    mark over fork and exec)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t, open(out, "wb") as o:
        p = subprocess.Popen(["/usr/bin/time", "-o", t.name, "-f", "%M"] + cmd,
                             stdout=o, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            sys.exit("%s failed (%d)" % (" ".join(cmd), p.returncode))
        kb = t.read().split()[-1]
    return ru.ru_utime + ru.ru_stime, int(kb) / 1024


def cpu_of(cmd):
    """CPU seconds of one run (wait4's rusage), output discarded."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("%s failed" % " ".join(cmd))
    return ru.ru_utime + ru.ru_stime


def median_of(cmd, out):
    runs = [measure(cmd, out) for _ in range(RUNS)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main():
    missing = [t for t in ("cmark", "xsltproc", "pandoc", "/usr/bin/time") if not shutil.which(t)]
    if missing:
        sys.exit("bench: %s not installed (make deps)" % ", ".join(missing))
    samples = sorted(os.path.join(ROOT, "samples", f) for f in os.listdir(os.path.join(ROOT, "samples"))
                     if f.endswith(".txt"))
    base = b"".join(open(f, "rb").read() for f in samples)
    d = tempfile.mkdtemp(prefix="gongwen-bench-")
    try:
        txt = os.path.join(d, "in.txt")
        md, xml, sink = txt[:-3] + "md", txt[:-3] + "xml", os.path.join(d, "out")
        with open(txt, "wb") as f:
            f.write(base * COPIES)
        subprocess.run([GW, "-t", "markdown", "-o", md, txt], check=True)
        subprocess.run([GW, "-t", "xml", "-o", xml, txt], check=True)
        mb = os.path.getsize(txt) / 1e6
        rows = [
            ("gongwen -t xml", [GW, "-t", "xml", txt]),
            ("cmark -t xml", ["cmark", "-t", "xml", md]),
            ("gongwen -t html", [GW, "-t", "html", txt]),
            ("cmark (HTML)", ["cmark", md]),
            ("xsltproc html.xsl", ["xsltproc", os.path.join(ROOT, "xslt", "html.xsl"), xml]),
            ("pandoc md -> html", ["pandoc", "-f", "markdown", "-t", "html", md]),
        ]
        print("bench: the samples x%d (%.1f MB of text; %.1f MB as Markdown), median of %d runs,"
              " CPU seconds" % (COPIES, mb, os.path.getsize(md) / 1e6, RUNS))
        print("| command | CPU s | MB/s | peak MB | peak / input |")
        print("|---|---|---|---|---|")
        got = {}
        for name, cmd in rows:
            t, m = median_of(cmd, sink)
            got[name] = (t, m)
            print("| `%s` | %.3f | %.1f | %.0f | %.1fx |" % (name, t, mb / max(t, 1e-3), m, m / mb))
        sys.stdout.flush()
        t = {k: max(v[0], 1e-3) for k, v in got.items()}
        print("ratios (targets in issue 19):")
        print("  gongwen -t xml / cmark -t xml            %6.2f  (target <= 0.5)"
              % (t["gongwen -t xml"] / t["cmark -t xml"]))
        print("  gongwen -t html / cmark                  %6.2f" % (t["gongwen -t html"] / t["cmark (HTML)"]))
        print("  gongwen -t html / (-t xml + xsltproc)    %6.2f  (target <= 1)"
              % (t["gongwen -t html"] / (t["gongwen -t xml"] + t["xsltproc html.xsl"])))
        print("  pandoc / gongwen -t html                 %6.1f  (target >= 30)"
              % (t["pandoc md -> html"] / t["gongwen -t html"]))
        print("  peak memory / input, -t xml              %6.1f  (target <= 5; the issue's 30 MB"
              " below, x100)" % (got["gongwen -t xml"][1] / mb))
        sys.stdout.flush()

        # start-up: many small reports, one process each; CPU time (wall
        # time on a shared machine is mostly waiting for a core)
        one, one_md = samples[1], os.path.join(d, "one.md")
        subprocess.run([GW, "-t", "markdown", "-o", one_md, one], check=True)
        for name, cmd in (("gongwen -t xml", [GW, "-t", "xml", one]),
                          ("gongwen -t html", [GW, "-t", "html", one]),
                          ("cmark (HTML)", ["cmark", one_md])):
            cpu = sum(cpu_of(cmd) for _ in range(STARTS))
            print("start-up: %d runs of %-16s on %s (%.0f KB): %.3f CPU s, %.2f ms per run"
                  % (STARTS, name, os.path.basename(one), os.path.getsize(one) / 1024, cpu,
                     1000 * cpu / STARTS))
        sys.stdout.flush()

        if os.environ.get("BENCH_LINEAR", "1") != "0":
            print("linearity, gongwen -t xml (CPU s per MB; target: within 1.2 from 10x to 100x)")
            per = {}
            for k in (1, 10, 100):
                with open(txt, "wb") as f:
                    f.write(base * k)
                size = os.path.getsize(txt) / 1e6
                t, m = measure([GW, "-t", "xml", txt], sink)
                per[k] = t / size
                print("  x%-4d %7.1f MB %8.3f s %8.3f s/MB %7.0f MB peak (%.1fx)"
                      % (k, size, t, per[k], m, m / size))
                peak = m / size
            print("  per-MB time 100x / 10x: %.2f" % (per[100] / per[10]))
            print("  peak memory / input at x100 (the issue's 30 MB): %.2f (target <= 5)" % peak)
    finally:
        shutil.rmtree(d)


main()
