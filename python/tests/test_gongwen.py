"""The binding against the installed library: every function on small
reports, the samples, failures raised as gongwen.Error."""
import io
import re
import zipfile
import pathlib
import threading

import pytest

import gongwen

ROOT = pathlib.Path(__file__).resolve().parents[2]  # the gongwen tree
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
REPORT = "关于测试的报告\n\n一、总体情况\n\n今年工作顺利。\n\n二、明年安排\n\n（一）稳增长。扎实推进。\n"
GAP = "一、总则\n\n（一）第一项。正文。\n\n（二）第二项。正文。\n\n  （四）第四项。正文。\n"


def test_version():
    assert gongwen.version() == gongwen.__version__
    major, minor, patch = map(int, gongwen.version().split("."))
    assert gongwen.library_version() == major * 10000 + minor * 100 + patch


def test_parse_gives_the_tree_losslessly():
    xml = gongwen.parse(REPORT, source="r.txt")
    assert xml.startswith("<?xml")
    assert 'xmlns="urn:gongwen:report:1"' in xml
    # the element's range attributes vary; its text and place do not
    assert re.search(r"<num[^>]*>一、</num>总体情况", xml)
    assert 'source="r.txt"' in xml
    assert "今年工作顺利。" in xml


def test_bytes_are_decoded_gb18030_too():
    assert 'encoding="GB18030"' in gongwen.parse(REPORT.encode("gb18030"))
    assert gongwen.outline(REPORT.encode("gb18030")) == gongwen.outline(REPORT)


def test_invalid_input_raises_with_position():
    with pytest.raises(gongwen.Error) as e:
        gongwen.parse("一、总则\n\n正文".encode() + b"\xff\xfe\xfd" + "。".encode(), )
    # detected as GB18030 when not UTF-8: a byte neither takes is an error
    assert e.value.status == "GW_ERR_INVALID_BYTE"
    assert e.value.line == 3


def test_word_files_and_web_pages_are_read_as_the_command_reads_them():
    docx = (ROOT / "tests" / "readers" / "leads.docx").read_bytes()
    assert 'format="docx"' in gongwen.parse(docx)
    md = (ROOT / "tests" / "readers" / "leads.md").read_bytes()
    assert [r[1:] for r in gongwen.outline(docx)] == [r[1:] for r in gongwen.outline(md)]
    with pytest.raises(gongwen.Error) as e:
        gongwen.parse(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert e.value.status == "GW_ERR_BAD_SOURCE"


def test_type_error_for_other_objects():
    with pytest.raises(TypeError):
        gongwen.parse(42)


def test_outline_is_tuples():
    assert gongwen.outline(REPORT) == [
        (1, "title", 0, "关于测试的报告"),
        (3, "heading", 1, "总体情况"),
        (7, "heading", 1, "明年安排"),
        (9, "heading", 2, "稳增长"),
    ]


def test_convert_html_markdown_and_params():
    html = gongwen.convert(REPORT, "html")
    assert "<html" in html and "总体情况" in html
    fragment = gongwen.convert(REPORT, "html", params={"standalone": 0})
    assert "<html" not in fragment and "<article" in fragment
    md = gongwen.convert(REPORT, "md")
    assert "总体情况" in md and md.lstrip().startswith("#")
    assert gongwen.convert(REPORT, "xml") == gongwen.parse(REPORT)


def test_convert_docx_is_a_package():
    data = gongwen.convert(REPORT, "docx")
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "总体情况" in z.read("word/document.xml").decode()


def test_unknown_format_and_bad_param():
    with pytest.raises(gongwen.Error) as e:
        gongwen.convert(REPORT, "no-such-format")
    assert e.value.status == "GW_ERR_UNKNOWN_FORMAT"
    with pytest.raises(gongwen.Error) as e:
        gongwen.convert(REPORT, "html", params={"toc-depth": "deep"})
    assert e.value.status == "GW_ERR_USAGE"


def test_check_gives_diagnostics():
    found = gongwen.check(GAP)
    assert found == [gongwen.Diagnostic("numbering-gap", "warning", 7, 3, 7, 6,
                                        "expected （三）, found （四）")]
    assert str(found[0]) == "7:3: warning: expected （三）, found （四） [numbering-gap]"


def test_check_in_chinese_and_english():
    assert gongwen.check(GAP, language="zh")[0].message == "此处应为（三），实为（四）"
    assert gongwen.check(GAP, language="en")[0].message == "expected （三）, found （四）"
    with pytest.raises(gongwen.Error) as e:
        gongwen.check(GAP, language="xx_NOWHERE")
    assert e.value.status == "GW_ERR_USAGE"


def test_check_rules_on_and_off():
    s = "一、总则 \n\n正文,内容。\n"
    assert [d.rule for d in gongwen.check(s)] == ["whitespace", "punct-halfwidth"]
    assert [d.rule for d in gongwen.check(s, disable=["whitespace"])] == ["punct-halfwidth"]
    assert [d.rule for d in gongwen.check(s, disable="all", enable="whitespace")] == ["whitespace"]
    with pytest.raises(gongwen.Error):
        gongwen.check(s, disable=["no-such-rule"])


def test_check_reports_bad_bytes_instead_of_failing():
    found = gongwen.check("一、总则\n\n正文".encode() + b"\xff" + "内容。\n".encode())
    assert [(d.rule, d.severity, d.line, d.column) for d in found] == [("encoding", "error", 3, 3)]


def test_rules_match_the_command_line():
    ids = [r.id for r in gongwen.rules()]
    assert "numbering-gap" in ids and len(ids) == len(set(ids))
    assert {r.severity for r in gongwen.rules()} <= {"note", "warning", "error"}


def test_the_samples_are_there():
    assert len(SAMPLES) >= 5, "no samples under %s" % ROOT


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_samples(sample):
    data = sample.read_bytes()
    xml = gongwen.parse(data)
    assert xml.count("<section") > 3
    assert len(gongwen.outline(data)) > 3
    for d in gongwen.check(data):
        assert d.line >= 1 and d.column >= 1 and d.message


def test_threads_share_the_library():
    results, errors = [], []

    def work():
        try:
            results.append((gongwen.convert(REPORT, "html"), gongwen.check(GAP, language="zh")))
        except Exception as e:  # collected: pytest sees it below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len({r[0] for r in results}) == 1
    assert all(r[1][0].message == "此处应为（三），实为（四）" for r in results)
