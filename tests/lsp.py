#!/usr/bin/env python3
"""A JSON-RPC client that drives `gongwen lsp` the way an editor does.

    python3 tests/lsp.py GONGWEN [--edits N] [--bench]

Checks the lifecycle, diagnostics (ranges in UTF-16 code units, inside the
text), document symbols, folding, hover, code actions applied to the text,
Chinese and English messages, malformed input, and N random incremental
edits (default 150; `make lsp-edits` runs 1,000) after each of which every
published diagnostic must lie inside the text of its version and the server
must still answer. --bench times didChange on a 100 KB report instead.
"""
import json
import os
import queue
import random
import re
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "samples")
TIMEOUT = 20

FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)
    return cond


def lines_of(text):
    """LSP lines: LF, CRLF and CR end a line; a final line end opens one."""
    return re.split(r"\r\n|\r|\n", text)


def units(s):
    return len(s.encode("utf-16-le")) // 2


def offset(text, pos):
    """The string index of an LSP position (UTF-16), clamped as the spec says."""
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        starts.append(m.end())
    line = pos["line"]
    if line >= len(starts):
        return len(text)
    content = lines_of(text)[line]
    i, u = 0, 0
    while i < len(content):
        w = 2 if ord(content[i]) > 0xFFFF else 1
        if u + w > pos["character"]:
            break
        u += w
        i += 1
    return starts[line] + i


def position(text, index):
    before = text[:index]
    ls = lines_of(before)
    return {"line": len(ls) - 1, "character": units(ls[-1])}


def apply_edits(text, edits):
    """TextEdits against one text, applied from the end."""
    spans = sorted(((offset(text, e["range"]["start"]), offset(text, e["range"]["end"]),
                     e["newText"]) for e in edits), reverse=True)
    for a, b, t in spans:
        text = text[:a] + t + text[b:]
    return text


def inside(text, rng):
    ls = lines_of(text)
    for p in (rng["start"], rng["end"]):
        if not (0 <= p["line"] < len(ls) and 0 <= p["character"] <= units(ls[p["line"]])):
            return False
    s, e = rng["start"], rng["end"]
    return (s["line"], s["character"]) <= (e["line"], e["character"])


class Server:
    def __init__(self, exe):
        self.err = tempfile.TemporaryFile()
        self.p = subprocess.Popen([exe, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=self.err)
        self.q = queue.Queue()
        self.next_id = 0
        self.diags = {}  # uri -> list of (version, diagnostics) in arrival order
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        out = self.p.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.q.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode("ascii").partition(":")
                headers[k.strip().lower()] = v.strip()
            body = out.read(int(headers["content-length"]))
            self.q.put(json.loads(body.decode("utf-8")))

    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def message(self):
        m = self.q.get(timeout=TIMEOUT)
        if m is None:
            self.p.wait(timeout=TIMEOUT)
            self.err.seek(0)
            raise RuntimeError("the server closed its output (status %s): %s" % (
                self.p.returncode, self.err.read().decode("utf-8", "replace")[-3000:]))
        if m.get("method") == "textDocument/publishDiagnostics":
            p = m["params"]
            self.diags.setdefault(p["uri"], []).append((p.get("version"), p["diagnostics"]))
        return m

    def response(self, id_):
        while True:
            m = self.message()
            if "method" not in m and m.get("id") == id_:
                return m

    def call(self, method, params=None):
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.response(self.next_id)

    def diagnostics_for(self, uri, version):
        """Waits for the diagnostics of that version."""
        while True:
            for v, d in self.diags.get(uri, []):
                if v == version:
                    return d
            self.message()

    def alive(self):
        return self.p.poll() is None

    def stop(self):
        if self.alive():
            self.call("shutdown")
            self.notify("exit")
        try:
            return self.p.wait(timeout=TIMEOUT)
        finally:
            self.err.seek(0)
            self.stderr = self.err.read().decode("utf-8", "replace")


def initialize(srv, locale="en"):
    r = srv.call("initialize", {"processId": None, "rootUri": None, "locale": locale,
                                "capabilities": {}})
    srv.notify("initialized", {})
    return r


SAMPLE = ("各位代表：\n"
          "一、总体要求  \n"
          "（一）加强领导,落实责任。第一段文字𠀀𠀀,继续。\n"
          "（二）第二项工作\n"
          "（四）第四项工作\n"
          "专栏1　重点工程\n"
          "1.工程甲：内容。\n"
          "2.工程乙：内容。\n"
          "\n"
          "二、主要任务\n"
          "推进工作(重点)落实。\n")
URI = "file:///tmp/sample.txt"


def open_doc(srv, uri, text, version=1):
    srv.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "gongwen", "version": version, "text": text}})


def test_lifecycle(exe):
    srv = Server(exe)
    r = srv.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}})
    check(r.get("error", {}).get("code") == -32002, "a request before initialize: -32002")
    r = initialize(srv)
    caps = r["result"]["capabilities"]
    check(caps["textDocumentSync"]["change"] == 2, "incremental sync")
    check(caps.get("documentSymbolProvider") and caps.get("hoverProvider")
          and caps.get("foldingRangeProvider") and caps.get("codeActionProvider"),
          "capabilities announced")
    r = srv.call("initialize", {"capabilities": {}})
    check("error" in r, "a second initialize is an error")
    r = srv.call("textDocument/noSuchThing", {})
    check(r.get("error", {}).get("code") == -32601, "unknown request: MethodNotFound")
    srv.notify("$/noSuchNotification", {})
    r = srv.call("shutdown")
    check("result" in r and r["result"] is None, "shutdown answers null")
    r = srv.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}})
    check(r.get("error", {}).get("code") == -32600, "a request after shutdown is refused")
    srv.notify("exit")
    check(srv.p.wait(timeout=TIMEOUT) == 0, "exit after shutdown: status 0")
    srv = Server(exe)
    initialize(srv)
    srv.notify("exit")
    check(srv.p.wait(timeout=TIMEOUT) == 1, "exit without shutdown: status 1")


def test_features(exe):
    srv = Server(exe)
    initialize(srv)
    open_doc(srv, URI, SAMPLE)
    diags = srv.diagnostics_for(URI, 1)
    text = SAMPLE
    check(all(inside(text, d["range"]) for d in diags), "diagnostic ranges inside the text")
    codes = sorted(d["code"] for d in diags)
    check(codes.count("punct-halfwidth") == 4 and "numbering-gap" in codes
          and "whitespace" in codes, "the sample's faults: %s" % codes)
    check(all(d["source"] == "gongwen" and d["severity"] in (1, 2, 3) for d in diags),
          "source and severity")
    # the comma after two astral characters: UTF-16 counts them twice
    line2 = lines_of(text)[2]
    want = units(line2[:line2.index("𠀀𠀀,") + 2])
    got = [d["range"]["start"] for d in diags
           if d["code"] == "punct-halfwidth" and d["range"]["start"]["line"] == 2]
    check({"line": 2, "character": want} in got, "UTF-16 column after astral characters: %s"
          % got)
    gap = [d for d in diags if d["code"] == "numbering-gap"][0]
    check(gap["range"]["start"] == {"line": 4, "character": 0}
          and gap["range"]["end"] == {"line": 4, "character": 3}, "numbering-gap range")
    check(gap["message"] == "expected （三）, found （四）", "English message")

    # symbols: 一、 holds （一）（二）（四）, （四） holds the box, the box its items
    r = srv.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}})["result"]
    check([s["name"] for s in r] == ["一、总体要求", "二、主要任务"], "top-level symbols")
    kids = r[0]["children"]
    check([s["name"] for s in kids] == ["（一）加强领导,落实责任。", "（二）第二项工作",
                                        "（四）第四项工作"], "nested symbols")
    box = kids[2]["children"]
    check(len(box) == 1 and box[0]["name"] == "专栏1 重点工程"
          and [i["name"] for i in box[0]["children"]] == ["1.工程甲", "2.工程乙"],
          "a box and its items")
    check(r[0]["range"]["start"] == {"line": 1, "character": 0}
          and r[0]["range"]["end"]["line"] == 7, "the first part ends at its last line")
    # the tree's ranges: the part is named by its title (the white space
    # after it left out), the box item by its line, the box by its title
    check(r[0]["selectionRange"] == {"start": {"line": 1, "character": 0},
                                     "end": {"line": 1, "character": 6}},
          "the first part's title: %s" % r[0]["selectionRange"])
    check(r[0]["range"]["end"] == {"line": 7, "character": 9}, "the first part ends with its text")
    check(box[0]["selectionRange"] == {"start": {"line": 5, "character": 0},
                                       "end": {"line": 5, "character": 8}},
          "the box's title: %s" % box[0]["selectionRange"])

    def contained(outer, inner):
        key = lambda p: (p["line"], p["character"])
        return key(outer["start"]) <= key(inner["start"]) and key(inner["end"]) <= key(outer["end"])

    def walk(syms, parent):
        for s in syms:
            check(inside(text, s["range"]) and contained(s["range"], s["selectionRange"]),
                  "symbol range of " + s["name"])
            if parent:
                check(contained(parent["range"], s["range"]), "child inside parent: " + s["name"])
            walk(s.get("children", []), s)
    walk(r, None)

    r = srv.call("textDocument/foldingRange", {"textDocument": {"uri": URI}})["result"]
    check({"startLine": 1, "endLine": 7, "kind": "region"} in r, "fold the first part: %s" % r)
    check(all(0 <= f["startLine"] < f["endLine"] < len(lines_of(text)) for f in r),
          "folds inside the text")

    r = srv.call("textDocument/hover", {"textDocument": {"uri": URI},
                                        "position": {"line": 3, "character": 1}})["result"]
    check(r and "level 2" in r["contents"]["value"] and "number 2" in r["contents"]["value"],
          "hover on （二）: %s" % r)
    check(r and r["range"] == {"start": {"line": 3, "character": 0},
                               "end": {"line": 3, "character": 3}}, "hover range")
    r = srv.call("textDocument/hover", {"textDocument": {"uri": URI},
                                        "position": {"line": 3, "character": 5}})
    check(r.get("result", 0) is None, "no hover off a marker")
    for line, char, want in ((5, 0, "**专栏1** box number 1, under a level 2 heading"),
                             (6, 0, "**1.** item number 1 of box 专栏1, under a level 2 heading"),
                             (1, 1, "**一、** heading: level 1, number 1 (cn markers)")):
        r = srv.call("textDocument/hover", {"textDocument": {"uri": URI},
                                            "position": {"line": line, "character": char}})
        check(r["result"] and r["result"]["contents"]["value"] == want,
              "hover on line %d: %s" % (line, r["result"]))

    # code actions, applied through incremental didChange
    version = 1
    for line, kind, fixed in ((2, "Write ，", lambda t: "加强领导，落实责任" in t),
                              (1, "Remove trailing", lambda t: "一、总体要求\n" in t),
                              (4, "Renumber", lambda t: "（三）第四项工作" in t)):
        r = srv.call("textDocument/codeAction", {
            "textDocument": {"uri": URI},
            "range": {"start": {"line": line, "character": 0},
                      "end": {"line": line, "character": 0}},
            "context": {"diagnostics": []}})["result"]
        acts = [a for a in r if a["title"].startswith(kind)]
        if not check(acts, "a code action '%s' on line %d: %s" % (kind, line, r)):
            continue
        edits = acts[0]["edit"]["changes"][URI]
        new = apply_edits(text, edits)
        check(fixed(new), "the action '%s' fixes the text" % kind)
        version += 1
        changes = [{"range": e["range"], "text": e["newText"]}
                   for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                                         e["range"]["start"]["character"]),
                                   reverse=True)]
        srv.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                              "contentChanges": changes})
        text = new
        diags = srv.diagnostics_for(URI, version)
        check(all(inside(text, d["range"]) for d in diags), "ranges after the fix")
    codes = [d["code"] for d in diags]
    check(codes.count("punct-halfwidth") == 3 and "numbering-gap" not in codes
          and "whitespace" not in codes, "fixed faults gone: %s" % codes)
    r = srv.call("textDocument/codeAction", {
        "textDocument": {"uri": URI},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 11, "character": 0}},
        "context": {"diagnostics": []}})["result"]
    alls = [a for a in r if a["kind"] == "source.fixAll"]
    if check(alls, "a fix-all action"):
        text = apply_edits(text, alls[0]["edit"]["changes"][URI])
        check("," not in text and "(" not in text, "fix-all fixes every mark")
    srv.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
    srv.message()
    check(srv.diags[URI][-1][1] == [], "closing clears the diagnostics")
    check(srv.stop() == 0, "clean exit")


PLAN = ("第一篇 总则\n第一章 发展基础\n内容。\n第二章 发展环境\n内容。\n"
        "第二篇 创新\n第四章 创新驱动\n内容。\n专栏1　重点工程\n1.工程甲：内容。\n"
        "2.工程乙：内容。\n2.工程丙：内容。\n3.工程丁：内容。\n第五章 人才\n内容。\n")


def test_renumber(exe):
    """A chapter gap renumbers the chapters after it across parts; a
    duplicate box item renumbers the items after it."""
    srv = Server(exe)
    initialize(srv)
    uri = "file:///tmp/plan.txt"
    open_doc(srv, uri, PLAN)
    codes = sorted((d["code"], d["range"]["start"]["line"]) for d in srv.diagnostics_for(uri, 1))
    check(codes == [("numbering-duplicate", 11), ("numbering-gap", 6)], "plan faults: %s" % codes)
    text = PLAN
    for line in (6, 11):
        r = srv.call("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": line, "character": 0},
                      "end": {"line": line, "character": 2}},
            "context": {"diagnostics": []}})["result"]
        acts = [a for a in r if a["title"].startswith("Renumber")]
        if check(len(acts) == 1, "one renumbering on line %d: %s" % (line, r)):
            text = apply_edits(text, acts[0]["edit"]["changes"][uri])
    check("第三章 创新驱动" in text and "第四章 人才" in text and "3.工程丙" in text
          and "4.工程丁" in text and "2.工程乙" in text, "renumbered: %r" % text)
    open_doc(srv, uri, text, 2)
    check(srv.diagnostics_for(uri, 2) == [], "nothing left after renumbering")
    srv.stop()


def test_config(exe):
    """The project's .gongwen.json, found upward from the document's path,
    turns rules off and changes severities; initializationOptions win; a
    bad file is ignored (and logged), the server goes on."""
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "a b", "sub"))
        with open(os.path.join(d, ".gongwen.json"), "w") as f:
            f.write('{"rules": {"punct-halfwidth": "off", "whitespace": "error"}}')
        uri = "file://" + d + "/a%20b/sub/x.txt"
        srv = Server(exe)
        srv.call("initialize", {"processId": None, "capabilities": {},
                                "initializationOptions": {"disable": ["numbering-gap"]}})
        srv.notify("initialized", {})
        open_doc(srv, uri, SAMPLE)
        codes = {(x["code"], x["severity"]) for x in srv.diagnostics_for(uri, 1)}
        check(not any(c == "punct-halfwidth" for c, _ in codes), "config: rule off: %s" % codes)
        check(("whitespace", 1) in codes, "config: whitespace an error: %s" % codes)
        check(not any(c == "numbering-gap" for c, _ in codes),
              "initializationOptions over the config: %s" % codes)
        with open(os.path.join(d, ".gongwen.json"), "w") as f:
            f.write('{"rules": {"punct-halfwidth": "of"}}')
        open_doc(srv, uri, SAMPLE, 2)
        codes = {x["code"] for x in srv.diagnostics_for(uri, 2)}
        check("punct-halfwidth" in codes, "a bad config is ignored: %s" % codes)
        check(srv.stop() == 0, "config: the server ends normally")
        check("configuration ignored" in srv.stderr and ".gongwen.json" in srv.stderr,
              "a bad config is logged: %s" % srv.stderr)


def key(p):
    return (p["line"], p["character"])


def test_samples(exe):
    """Every sample: diagnostics, symbols and folds lie in the text, each
    symbol inside its parent and after its elder sibling."""
    srv = Server(exe)
    initialize(srv)
    for name in sorted(os.listdir(SAMPLES)):
        with open(os.path.join(SAMPLES, name), encoding="utf-8", newline="") as f:
            text = f.read()
        uri = "file:///samples/" + name
        open_doc(srv, uri, text)
        diags = srv.diagnostics_for(uri, 1)
        syms = srv.call("textDocument/documentSymbol", {"textDocument": {"uri": uri}})["result"]
        folds = srv.call("textDocument/foldingRange", {"textDocument": {"uri": uri}})["result"]
        bad = [d for d in diags if not inside(text, d["range"])]
        count = [0]

        def walk(ss, parent):
            prev = None
            for x in ss:
                count[0] += 1
                r = x["range"]
                if not inside(text, r) or not x["name"]:
                    bad.append(x["name"])
                if parent and not (key(parent["start"]) <= key(r["start"])
                                   and key(r["end"]) <= key(parent["end"])):
                    bad.append("outside its parent: " + x["name"])
                if prev and key(r["start"]) <= key(prev["end"]):
                    bad.append("overlaps its sibling: " + x["name"])
                prev = r
                walk(x.get("children", []), r)
        walk(syms, None)
        nlines = len(lines_of(text))
        bad += [f for f in folds if not 0 <= f["startLine"] < f["endLine"] < nlines]
        check(not bad and count[0] > 10, "%s: %d symbols, %d folds, %d diagnostics, bad: %s"
              % (name, count[0], len(folds), len(diags), bad[:3]))
    srv.stop()


def test_line_ends(exe):
    """CRLF, lone CR and a BOM give the positions LF gives (the BOM is a character)."""
    srv = Server(exe)
    initialize(srv)
    open_doc(srv, URI, SAMPLE)
    want = sorted(json.dumps(d["range"], sort_keys=True) for d in srv.diagnostics_for(URI, 1))
    for i, (name, text) in enumerate((("crlf", SAMPLE.replace("\n", "\r\n")),
                                      ("cr", SAMPLE.replace("\n", "\r")))):
        uri = "file:///tmp/%s.txt" % name
        open_doc(srv, uri, text)
        got = sorted(json.dumps(d["range"], sort_keys=True) for d in srv.diagnostics_for(uri, 1))
        check(got == want, "%s line ends: the positions of LF" % name)
    open_doc(srv, "file:///tmp/bom.txt", "\ufeff推进工作(重点)落实。\n")
    d = srv.diagnostics_for("file:///tmp/bom.txt", 1)
    check([x["range"]["start"] for x in d] == [{"line": 0, "character": 5},
                                                {"line": 0, "character": 8}],
          "after a BOM: %s" % [x["range"] for x in d])
    srv.stop()


def test_too_many(exe):
    """A draft of 1,500 unclosed quotes and two findings after them: the first 1,000 are
    published and a note where the rest begin; a quick fix is still
    offered past them (the document keeps every finding)."""
    srv = Server(exe)
    initialize(srv)
    uri = "file:///tmp/quotes.txt"
    open_doc(srv, uri, "一、总则\n" + "“" * 1500 + "\n" + "推进工作(重点)落实。\n")
    d = srv.diagnostics_for(uri, 1)
    check(len(d) == 1001, "published %d diagnostics, not 1,001" % len(d))
    last = d[-1] if d else {}
    check(last.get("code") == "max-diagnostics" and last.get("severity") == 3 and
          last.get("message", "").startswith("502 more findings") and
          last.get("range", {}).get("start") == {"line": 1, "character": 1000},
          "the note of the rest: %s" % last)
    r = srv.call("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 12}},
        "context": {"diagnostics": []}})
    titles = [a.get("title", "") for a in r.get("result") or []]
    check(any("（" in t for t in titles), "a fix past the first 1,000: %s" % titles)
    srv.stop()
    # the editor's maxDiagnostics (0: all)
    for want, published in ((3, 4), (0, 1502)):
        srv = Server(exe)
        srv.call("initialize", {"processId": None, "rootUri": None, "capabilities": {},
                                "initializationOptions": {"maxDiagnostics": want}})
        srv.notify("initialized", {})
        open_doc(srv, uri, "一、总则\n" + "“" * 1500 + "\n" + "推进工作(重点)落实。\n")
        d = srv.diagnostics_for(uri, 1)
        check(len(d) == published, "maxDiagnostics %d: %d published, not %d" % (want, len(d), published))
        srv.stop()


def test_locale(exe):
    srv = Server(exe)
    initialize(srv, "zh-CN")
    open_doc(srv, URI, SAMPLE)
    gap = [d for d in srv.diagnostics_for(URI, 1) if d["code"] == "numbering-gap"][0]
    check(re.search(r"[\u4e00-\u9fff]{2}", gap["message"].replace("（三）", "")
                    .replace("（四）", "")), "Chinese message for zh-CN: " + gap["message"])
    r = srv.call("textDocument/hover", {"textDocument": {"uri": URI},
                                        "position": {"line": 3, "character": 0}})["result"]
    check(r and "第 2 级" in r["contents"]["value"], "Chinese hover: %s" % r)
    r = srv.call("textDocument/codeAction", {
        "textDocument": {"uri": URI},
        "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
        "context": {"diagnostics": []}})["result"]
    check([a["title"] for a in r] == ["删除行尾空白", "修正全部行尾空白、半角标点和部首字符"],
          "Chinese action titles: %s" % [a["title"] for a in r])
    r = srv.call("textDocument/hover", {"textDocument": {"uri": URI},
                                        "position": {"line": 6, "character": 1}})["result"]
    check(r and r["contents"]["value"] == "**1.** 专栏1 的第 1 项，位于第 2 级标题下",
          "Chinese hover on a box item: %s" % r)
    srv.stop()


def test_malformed(exe):
    srv = Server(exe)
    initialize(srv)
    for body in (b"hello", b"[]", b"7", b'{"method": 7}', b'{"a', b"[" * 20000 + b"]",
                 b'{"jsonrpc": "2.0", "id": 3}', b'"x"'):
        junk = b"Content-Length: %d\r\n\r\n" % len(body) + body
        srv.raw(junk)
        m = srv.message()
        check(m.get("error", {}).get("code") in (-32700, -32600), "error for %r" % junk[:40])
    # frames that cannot be used are skipped without a reply
    srv.raw(b"Content-Length: abc\r\n\r\n")
    srv.raw(b"X-Nothing: 1\r\n\r\n")
    srv.raw(b"\r\n\r\n")
    srv.raw(b"Content-Length: %d\r\n\r\n" % (64 * 1024 * 1024 + 1) + b" " * (64 * 1024 * 1024 + 1))
    # any bytes as the text: invalid UTF-8, a lone surrogate, NUL, a BOM
    bad = (b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":'
           b'{"uri":"file:///bad","version":1,"text":"\xef\xbb\xbf\xff\xfe\xe4\xb8\x80\xe3\x80'
           b'\x81\\ud800\\u0000\\n\xc3(\\r\xed\xa0\x80 ,\\n"}}}')
    srv.raw(b"Content-Length: %d\r\n\r\n" % len(bad) + bad)
    d = srv.diagnostics_for("file:///bad", 1)
    check(isinstance(d, list), "a document of any bytes is checked")
    # didChange with a broken range, a position far outside, a wrong uri
    srv.notify("textDocument/didChange", {"textDocument": {"uri": "file:///bad", "version": 2},
                                          "contentChanges": [{"range": {"start": 5}, "text": "x"},
                                                             {"range": {
                                                                 "start": {"line": 99, "character": 99},
                                                                 "end": {"line": -4, "character": 1 << 40}},
                                                              "text": "一、"}]})
    srv.notify("textDocument/didChange", {"textDocument": {"uri": "file:///none", "version": 2},
                                          "contentChanges": []})
    srv.notify("textDocument/didOpen", {"textDocument": {"uri": 5}})
    srv.diagnostics_for("file:///bad", 2)
    r = srv.call("textDocument/documentSymbol", {"textDocument": {"uri": "file:///bad"}})
    check(isinstance(r.get("result"), list), "symbols of the odd document")
    r = srv.call("textDocument/hover", {"textDocument": {"uri": "file:///bad"}})
    check(r.get("error", {}).get("code") == -32602, "hover without a position: InvalidParams")
    r = srv.call("textDocument/foldingRange", {"textDocument": {"uri": "file:///none"}})
    check(r.get("error", {}).get("code") == -32602, "a document not open: InvalidParams")
    srv.send({"jsonrpc": "2.0", "id": 99, "result": None})  # a stray response: ignored
    # a message that arrives in pieces, and two in one write
    body = json.dumps({"jsonrpc": "2.0", "id": 100, "method": "textDocument/foldingRange",
                       "params": {"textDocument": {"uri": "file:///bad"}}}).encode()
    msg = b"content-length:%d\n\n" % len(body) + body
    for i in range(0, len(msg), 7):
        srv.raw(msg[i:i + 7])
        time.sleep(0.005)
    check("result" in srv.response(100), "a message read in pieces (lower-case header, LF only)")
    srv.raw(msg.replace(b'"id": 100', b'"id": 101') + msg.replace(b'"id": 100', b'"id": 102'))
    check("result" in srv.response(101) and "result" in srv.response(102), "two in one write")
    check(srv.alive() and "result" in srv.call("shutdown"), "alive after malformed input")
    srv.notify("exit")
    check(srv.p.wait(timeout=TIMEOUT) == 0, "exit status after malformed input")


PIECES = ["", "", "一、", "二、", "（三）", "1.", "①", "专栏2", "——", "\n", "\n\n", "\r\n", "\r",
          ",", "(", ")", "  ", "\t", "𠀀", "🎉", "。", "名词解释\n", "附件1\n", "第一章 ",
          "加强", "全年", "“", "”", "　"]


def random_edit(rng, text, source):
    n = len(text)
    a = rng.randrange(n + 1)
    b = min(n, a + rng.choice([0, 0, 1, 2, 5, 30, 200]))
    ins = "".join(rng.choice(PIECES) for _ in range(rng.randrange(4)))
    if rng.random() < 0.05 or n < len(source) // 2:  # lines from the report keep its size
        at = rng.randrange(len(source))
        ins = source[at:at + rng.randrange(400)]
    # no editor puts a position between the CR and LF of one line end
    a, b = (i - 1 if 0 < i < n and text[i - 1] == "\r" and text[i] == "\n" else i for i in (a, b))
    return a, b, ins


def test_edits(exe, count, seed=18):
    rng = random.Random(seed)
    path = os.path.join(SAMPLES, "yangzhou-2024.txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()[:12000]  # a part of a report keeps make check quick
    srv = Server(exe)
    initialize(srv)
    uri = "file:///tmp/edits.txt"
    open_doc(srv, uri, text)
    texts = {1: text}
    version = 1
    for i in range(count):
        a, b, ins = random_edit(rng, text, texts[1])
        rng_ = {"start": position(text, a), "end": position(text, b)}
        if rng.random() < 0.5:
            rng_ = {"start": rng_["end"], "end": rng_["start"]} if a == b else rng_
        text = text[:a] + ins + text[b:]
        version += 1
        texts[version] = text
        srv.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                              "contentChanges": [{"range": rng_, "text": ins}]})
        if rng.random() < 0.7:  # else the next edit follows at once (coalesced)
            srv.diagnostics_for(uri, version)
        while not srv.q.empty():
            srv.message()
    final = srv.diagnostics_for(uri, version)
    published = srv.diags[uri]
    bad = [(v, d["range"]) for v, ds in published for d in ds if not inside(texts[v], d["range"])]
    check(not bad, "%d random edits: every diagnostic inside its text (%d published, bad: %s)"
          % (count, len(published), bad[:3]))
    # the server's text is the client's: it finds what `gongwen check` finds
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
        f.write(text.encode("utf-8"))
    try:
        out = subprocess.run([exe, "check", "--format=json", f.name], capture_output=True)
        want = json.loads(out.stdout.decode("utf-8"))
    finally:
        os.unlink(f.name)
    got = sorted((d["code"], d["range"]["start"]["line"]) for d in final)
    exp = sorted((d["rule"], d["line"] - 1) for d in want)
    check(got == exp, "after the edits the server's findings equal gongwen check's")
    check(srv.alive(), "the server never exited")
    r = srv.call("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    check(isinstance(r.get("result"), list), "symbols after the edits")
    check(srv.stop() == 0, "clean exit after the edits")
    print("lsp: %d edits, %d diagnostics lists published" % (count, len(published)))


def bench(exe):
    path = os.path.join(SAMPLES, "haizhou-14th-plan.txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    srv = Server(exe)
    initialize(srv)
    uri = "file:///tmp/bench.txt"
    open_doc(srv, uri, text)
    srv.diagnostics_for(uri, 1)
    rng = random.Random(1)
    times = []
    for v in range(2, 52):
        a = rng.randrange(len(text))
        p = position(text, a)
        text = text[:a] + "加" + text[a:]
        t0 = time.perf_counter()
        srv.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                              "contentChanges": [{"range": {"start": p, "end": p},
                                                                  "text": "加"}]})
        srv.diagnostics_for(uri, v)
        times.append(time.perf_counter() - t0)
    srv.stop()
    times.sort()
    print("lsp bench: %d KB, didChange to diagnostics: median %.1f ms, max %.1f ms"
          % (len(text.encode("utf-8")) // 1024, times[len(times) // 2] * 1000, times[-1] * 1000))


def main():
    exe = os.path.abspath(sys.argv[1])
    args = sys.argv[2:]
    if "--bench" in args:
        bench(exe)
        return 0
    count = int(args[args.index("--edits") + 1]) if "--edits" in args else 150
    test_lifecycle(exe)
    test_features(exe)
    test_renumber(exe)
    test_config(exe)
    test_samples(exe)
    test_line_ends(exe)
    test_too_many(exe)
    test_locale(exe)
    test_malformed(exe)
    test_edits(exe, count)
    if FAILURES:
        print("lsp: %d failures" % len(FAILURES))
        return 1
    print("lsp: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
