#!/usr/bin/env python3
"""make bench: time and peak memory of gongwen on growing inputs made of the
samples, to show both grow linearly. Usage: bench.py ./gongwen [FORMAT]
FORMAT "replace" times the XML of the samples in GB18030 read as UTF-8 with
--encoding-errors=replace: nearly every byte is invalid and replaced.
FORMAT "check" times `gongwen check` on inputs built to be pathological
(a finding on every line, closers with nothing open under a deep stack of
openers, one huge heading) at N and 2N; with --assert it fails when 2N
takes more than 2.5 times N (and more than a generous floor), so that
quadratic behaviour is caught by `make check` without flaky timings.
FORMAT "convert" does the same for the converter: `bench.py ./gongwen
convert [--assert] [FORMAT...]` runs the issue's pathological inputs (one
long line, 一、 headings, a tab table, unclosed brackets, …) through each
FORMAT (default xml) at N and 2N and compares CPU time; FORMAT "check"
runs `gongwen check` on them (its default output, at most 1,000 findings)."""
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
        # 20 rows of n / 5 columns, numbers with a text column every third:
        # the numeric-column rule looked each column's cell up in every row
        # (cubic in the width: 4,000 columns took 9 s, 8,000 60 s)
        "wide table": wide_table(n // 5, 20),
    }


def wide_table(columns, rows):
    return ("表1 指标\n" + "\t".join("列%d" % c for c in range(columns)) + "\n" + "".join(
        "\t".join(str(i * c) if c % 3 else "项%d" % c for c in range(columns)) + "\n"
        for i in range(rows))).encode()


def time_check(gw, data):
    with tempfile.NamedTemporaryFile(suffix=".txt") as f:
        f.write(data)
        f.flush()
        t0 = time.perf_counter()
        # every finding printed: the cap (--max-diagnostics) would hide
        # the cost of each one's excerpt
        r = subprocess.run([gw, "check", "--max-diagnostics=0", f.name], stdout=subprocess.PIPE,
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


def convert_cases(n):
    """name -> input bytes with n lines (or n times a unit), the inputs the
    performance issue lists as pathological for the converter."""
    markers = ["（一）标题\n", "1.标题\n", "（1）标题\n", "①标题\n", "一是标题。\n"]
    return {
        "one long line": ("一、" + "长" * (30 * n) + "\n").encode(),
        "一、 headings": ("一、标题\n" * n).encode(),
        "alternating markers": "".join(markers[i % 5] for i in range(n)).encode(),
        # 2n rows: csv.xsl's former scan of the rows after each row only
        # outgrew its linear part past some thousands of rows
        "tab table under a caption": ("表1 指标\n" + "".join(
            "名称%d\t%d\t%d.5\n" % (i, i, i) for i in range(2 * n))).encode(),
        "专栏 lines alone": ("专栏1 标题\n" * n).encode(),
        "unclosed “（【": ("一、总则\n" + "“（【" * (3 * n) + "\n").encode(),
        "blank lines": ("\n" * (10 * n)).encode(),
        "—— lines": ("——\n" * (5 * n)).encode(),
        "CR line ends": ("一、总则\r" + "内容，段落。\r" * (5 * n)).encode(),
        "hard-wrapped text": ("一、总则\n" + "这是一段被硬换行的文字，像从PDF里复制出来的那样每行都在固定宽度\n" * n).encode(),
        "distinct short lines": "".join("项目名称%07d\n" % i for i in range(n)).encode(),
        # Markdown (a bold line makes it so): list numbers are read from
        # the file, and bold that CommonMark leaves unmatched is paired
        "Markdown list items": ("**清单**\n\n" + "".join(
            "%d. 项目\n" % (i + 1) for i in range(n))).encode(),
        "Markdown 。** bold leads": "**持续抓链条强集群。**实施链长制。\n\n".encode() * n,
        # OCR's garbled （N） on every line, no （N） heading before them
        "garbled (N) lines": ("一、总则\n" + "(/八)标题内容\n" * n).encode(),
        # a table as wide as n / 20 columns (20 rows): the stylesheets'
        # work a column must not grow with the width
        "wide table": wide_table(n // 20, 20),
        # 500 extra columns on the first line: every row has them all
        "500 extra columns": ("  ".join("列%d" % c for c in range(503)) + "\n" + "".join(
            "项目%d      %d      %d\n" % (i, i, i) for i in range(n // 100))).encode(),
    }


def run_cpu(cmd):
    """CPU seconds (user + system) and peak RSS in MB of one run: CPU time
    rather than wall time, so that other work on the machine matters less
    (wait4's, in microseconds, for GNU time and its child); the peak is
    time's %M, of a process that time forked, not of one forked from this
    Python (Linux keeps the high-water mark over fork and exec)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        p = subprocess.Popen(["/usr/bin/time", "-o", t.name, "-f", "%M"] + cmd,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, status, ru = os.wait4(p.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit("%s failed (%d): %s" % (" ".join(cmd), code, err[-300:]))
        kb = t.read().split()[-1]
    return ru.ru_utime + ru.ru_stime, int(kb) / 1024


def bench_convert(gw, strict, formats):
    """Each pathological input at N and 2N in each format: with --assert,
    fails when 2N takes more than 2.5 times N (and more than a floor)."""
    n = int(os.environ.get("GW_BENCH_N", "10000" if strict else "20000"))
    floor = float(os.environ.get("GW_BENCH_FLOOR", "1.0"))
    print("gongwen -t FORMAT, pathological inputs at N=%d and 2N (CPU seconds)" % n)
    print("%-26s %-8s %8s %8s %8s %8s %7s %7s" % ("case", "format", "N KB", "N s", "2N s",
                                                    "ratio", "N MB", "2N MB"))
    small, large = convert_cases(n), convert_cases(2 * n)
    failed = []
    with tempfile.TemporaryDirectory() as d:
        for name in small:
            paths = []
            for tag, data in (("n", small[name]), ("2n", large[name])):
                paths.append(os.path.join(d, tag + ".txt"))
                with open(paths[-1], "wb") as f:
                    f.write(data)
            for fmt in formats:
                out = os.path.join(d, "out")
                for attempt in range(2):  # a loaded machine gets a second try
                    cmd = [gw, "check"] if fmt == "check" else [gw, "-t", fmt, "-o", out]
                    t1, m1 = run_cpu(cmd + [paths[0]])
                    t2, m2 = run_cpu(cmd + [paths[1]])
                    ok = t2 <= 2.5 * t1 or t2 <= floor
                    if ok:
                        break
                print("%-26s %-8s %8.0f %8.3f %8.3f %8.2f %7.0f %7.0f%s" % (
                    name, fmt, len(small[name]) / 1024, t1, t2, t2 / max(t1, 1e-3), m1, m2,
                    "" if ok else "  QUADRATIC?"))
                sys.stdout.flush()
                if not ok:
                    failed.append("%s (-t %s)" % (name, fmt))
    if strict and failed:
        sys.exit("2N took more than 2.5 times N (and over %.1f s): %s" % (floor, ", ".join(failed)))


if len(sys.argv) > 2 and sys.argv[2] == "convert":
    fmts = [a for a in sys.argv[3:] if not a.startswith("--")] or ["xml"]
    bench_convert(sys.argv[1], "--assert" in sys.argv[3:], fmts)
    sys.exit(0)

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
