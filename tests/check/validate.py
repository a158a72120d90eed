"""Structural checks of `gongwen check --format=json|sarif` output.

Usage: python3 validate.py json|sarif FILE [EXPECTED_COUNT]

No SARIF schema ships with Debian, so this checks by hand what the SARIF
2.1.0 schema and code-review tools need: version and $schema, one run with
tool.driver.name and its rules (unique ids, levels), results whose ruleId
and ruleIndex agree with the rules, a level, message.text, and a
physicalLocation with an artifactLocation.uri and a region of positive
1-based lines and columns, end not before start. The JSON format is
checked for its documented keys and types.
"""
import json
import sys

LEVELS = {"error", "warning", "note"}


def fail(msg):
    print("validate: " + msg)
    sys.exit(1)


def region_ok(r, where):
    for k in ("startLine", "startColumn", "endLine", "endColumn"):
        if not isinstance(r.get(k), int) or r[k] < 1:
            fail("%s: region.%s must be a positive integer" % (where, k))
    if (r["endLine"], r["endColumn"]) < (r["startLine"], r["startColumn"]):
        fail("%s: region ends before it starts" % where)


def check_sarif(doc):
    if doc.get("version") != "2.1.0":
        fail("version must be 2.1.0")
    if "sarif" not in doc.get("$schema", ""):
        fail("$schema must name the SARIF schema")
    runs = doc.get("runs")
    if not isinstance(runs, list) or len(runs) != 1:
        fail("exactly one run expected")
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    if driver.get("name") != "gongwen":
        fail("tool.driver.name must be gongwen")
    rules = driver.get("rules")
    if not isinstance(rules, list) or not rules:
        fail("tool.driver.rules must list the rules")
    ids = [r.get("id") for r in rules]
    if len(set(ids)) != len(ids) or not all(isinstance(i, str) and i for i in ids):
        fail("rule ids must be unique non-empty strings")
    for r in rules:
        if not r.get("shortDescription", {}).get("text"):
            fail("rule %s has no shortDescription.text" % r["id"])
        if r.get("defaultConfiguration", {}).get("level") not in LEVELS:
            fail("rule %s has no valid default level" % r["id"])
    if run.get("columnKind") not in ("unicodeCodePoints", "utf16CodeUnits"):
        fail("columnKind must be a SARIF column kind")
    results = run.get("results")
    if not isinstance(results, list):
        fail("run.results must be an array")
    for n, res in enumerate(results):
        where = "result %d" % n
        idx = res.get("ruleIndex")
        if res.get("ruleId") == "max-diagnostics":
            # the note of the findings --max-diagnostics left out: no rule's
            if idx is not None or res.get("level") != "note" or n != len(results) - 1:
                fail("%s: the note of omitted findings has no rule, is a note and comes last"
                     % where)
        elif not isinstance(idx, int) or not 0 <= idx < len(rules) or ids[idx] != res.get("ruleId"):
            fail("%s: ruleId and ruleIndex disagree" % where)
        if res.get("level") not in LEVELS:
            fail("%s: bad level" % where)
        if not res.get("message", {}).get("text"):
            fail("%s: no message.text" % where)
        locs = res.get("locations")
        if not isinstance(locs, list) or len(locs) != 1:
            fail("%s: one location expected" % where)
        phys = locs[0].get("physicalLocation", {})
        if not phys.get("artifactLocation", {}).get("uri"):
            fail("%s: no artifactLocation.uri" % where)
        region_ok(phys.get("region", {}), where)
    return len(results)


def check_json(doc):
    if not isinstance(doc, list):
        fail("the JSON format is one array")
    for n, d in enumerate(doc):
        where = "diagnostic %d" % n
        if set(d) != {"file", "line", "column", "endLine", "endColumn", "severity", "rule",
                      "message"}:
            fail("%s: keys %s" % (where, sorted(d)))
        for k in ("file", "rule", "message"):
            if not isinstance(d[k], str) or not d[k]:
                fail("%s: %s must be a non-empty string" % (where, k))
        if d["severity"] not in LEVELS:
            fail("%s: bad severity" % where)
        region_ok({"startLine": d["line"], "startColumn": d["column"], "endLine": d["endLine"],
                   "endColumn": d["endColumn"]}, where)
    return len(doc)


def main():
    kind, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    count = check_sarif(doc) if kind == "sarif" else check_json(doc)
    if len(sys.argv) > 3 and count != int(sys.argv[3]):
        fail("%d results, expected %s" % (count, sys.argv[3]))


main()
