#!/usr/bin/env python3
"""make_docx.py OUT [features|styles|bomb|climb]: small .docx files for tests/readers.sh.

features: what a Word file carries that plain text loses, one of each:
  bold leads (at a paragraph's start, alone on a line, and a bold heading
  that is no lead), list numbering (chineseCounting "%1、", decimal "（%2）"),
  a table with a merged cell across (gridSpan) and down (vMerge), a footnote
  reference, a manual line break, a tab and a header.
styles: bold and list numbers that only styles.xml carries, as Word writes
  them: a character style bold through w:basedOn, a paragraph style's bold
  and a character style's cancelling (bold is a toggle), w:b w:val="0" over a
  style, heading numbers from a paragraph style's w:numPr (also through
  w:basedOn) and a paragraph's w:numId 0 turning its style's list off, a
  bold lead split by w:proofErr and a bookmark; two w:num of one abstract
  list counting on, a third restarting (w:startOverride), and a list
  defined by a list style (w:numStyleLink); a heading style's bold on an
  unnumbered heading, which is no lead; styles based on each other in a
  circle and a style without an id (a damaged file) read to the end.
bomb: word/document.xml inflates to 20 MB of spaces (ratio ~1000).
climb: an entry named ../evil.xml."""
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
         'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')


def run(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, text)


def para(*runs, level=None):
    ppr = ""
    if level is not None:
        ppr = '<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr></w:pPr>' % level
    return "<w:p>%s%s</w:p>" % (ppr, "".join(runs))


def cell(text, extra=""):
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (extra, para(run(text)) if text else "<w:p/>")


def document(body):
    return '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body></w:document>' % (W, body)


def features(z):
    body = [
        para(run("扬州市人民政府工作报告")),
        para(run("各位代表：")),
        para(run("现在，我代表市人民政府向大会报告工作，请予审议。")),
        para(run("2023年工作回顾", True), level=0),
        para(run("过去一年，我们坚持稳中求进。")),
        para(run("经济运行稳中向好", True), level=1),
        para(run("持续抓链条强集群。", True), run("实施制造业高质量发展三年行动，新增规上工业企业300家以上。")),
        para(run("扎实推进科技创新。", True), run("新增国家高新技术企业500家。"),
             '<w:r><w:footnoteReference w:id="2"/></w:r>', run("研发投入增长12%。")),
        para(run("全面深化改革开放", True)),
        para(run("推进要素市场化配置改革，优化营商环境，外贸进出口总额增长5%，实际使用外资增长10%，新设外资企业120家。")),
        para(run("着力保障改善民生。", True), run("城镇新增就业6万人。"),
             '<w:r><w:br/></w:r>', run("新建养老床位1000张。")),
        para(run("（一）加快建设现代化产业体系。", True), run("做强实体经济。")),
        para(run("2024年主要指标")),
        "<w:tbl>"
        "<w:tr>" + cell("类别") + cell("指标") + cell("目标") + "</w:tr>"
        "<w:tr>" + cell("经济", '<w:vMerge w:val="restart"/>') + cell("地区生产总值增长") + cell("5.5%") + "</w:tr>"
        "<w:tr>" + cell("", "<w:vMerge/>") + cell("一般公共预算收入增长") + cell("3%") + "</w:tr>"
        "<w:tr>" + cell("民生：全年城镇新增就业6万人", '<w:gridSpan w:val="3"/>') + "</w:tr>"
        "</w:tbl>",
        para(run("一是"), '<w:r><w:tab/></w:r>', run("抓项目。")),
        para(run("现代化建设新征程")),
    ]
    numbering = ('<?xml version="1.0" encoding="UTF-8"?><w:numbering %s>'
                 '<w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%%1、"/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%%2）"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' % W)
    footnotes = ('<?xml version="1.0" encoding="UTF-8"?><w:footnotes %s>'
                 '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="2"><w:p>%s</w:p></w:footnote></w:footnotes>'
                 % (W, run("高新技术企业：指经认定的企业。")))
    header = '<?xml version="1.0" encoding="UTF-8"?><w:hdr %s>%s</w:hdr>' % (W, para(run("扬州市人民政府")))
    z.writestr("word/document.xml", document("".join(body)))
    z.writestr("word/numbering.xml", numbering)
    z.writestr("word/footnotes.xml", footnotes)
    z.writestr("word/header1.xml", header)


def styled(text, pstyle=None, rstyle=None, bold=None):
    rpr = ('<w:rStyle w:val="%s"/>' % rstyle if rstyle else "") + (
        "" if bold is None else '<w:b w:val="%d"/>' % bold)
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % pstyle if pstyle else ""
    return ppr, '<w:r><w:rPr>%s</w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, text)


def styles(z):
    def p(ppr, *runs):
        return "<w:p>%s%s</w:p>" % (ppr, "".join(runs))
    def num(i, lvl):
        return '<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>' % (lvl, i)
    no_list = '<w:pPr><w:pStyle w:val="ListHeading"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="0"/></w:numPr></w:pPr>'
    body = [
        para(run("扬州市人民政府工作报告")),
        para(run("各位代表：")),
        para(run("现在，我代表市人民政府向大会报告工作，请予审议。")),
        p(*styled("总体要求", pstyle="PartHeading")),
        p("", styled("人才是科技创新的根基。", rstyle="Lead")[1], run("新引进高层次人才1200名，新建博士后工作站15家。")),
        p("", run("持续抓链条", True), '<w:proofErr w:type="spellStart"/>', run("强集群", True),
          '<w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="a"/>', run("。", True),
          '<w:bookmarkEnd w:id="0"/>', run("实施制造业高质量发展三年行动，新增规上工业企业300家以上。")),
        p(styled("", pstyle="BoldPara")[0], styled("产业升级步伐加快。", rstyle="Lead")[1],
          styled("推动传统产业智改数转，实施重点技改项目220项。", bold=0)[1]),
        p(*styled("重点任务", pstyle="ListHeading")),
        p(no_list, run("扎实推进科技创新。", True), styled("新增国家高新技术企业500家，研发投入增长12%。", bold=0)[1]),
        p("", styled("着力保障改善民生。", rstyle="Lead", bold=1)[1], run("城镇新增就业6万人，新建养老床位1000张。")),
        p("", styled("深化改革开放。", rstyle="Lead", bold=0)[1], run("外贸进出口总额增长5%，实际使用外资增长10%。")),
        p(num(2, 0), run("全面深化改革")),
        p(num(3, 0), run("政府自身建设")),
        p(num(5, 0), run("附则")),
        p(*styled("加快建设现代化产业体系", pstyle="SubHeading")),
        p("", run("实施制造业高质量发展三年行动，新增规上工业企业300家以上，培育先进制造业集群。")),
        p(*styled("现代化建设新征程", pstyle="Loop1")),
    ]
    style_xml = ('<?xml version="1.0" encoding="UTF-8"?><w:styles %s>'
                 '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>'
                 '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
                 '<w:style w:type="paragraph" w:styleId="PartHeading"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
                 '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
                 '<w:style w:type="paragraph" w:styleId="ListBase"><w:name w:val="List Base"/><w:basedOn w:val="a"/>'
                 '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
                 '<w:style w:type="paragraph" w:styleId="ListHeading"><w:name w:val="heading 2"/><w:basedOn w:val="ListBase"/>'
                 '<w:rPr><w:b/><w:bCs/></w:rPr></w:style>'
                 '<w:style w:type="paragraph" w:styleId="BoldPara"><w:name w:val="Bold Para"/><w:basedOn w:val="a"/>'
                 '<w:rPr><w:b/></w:rPr></w:style>'
                 '<w:style w:type="character" w:styleId="StrongBase"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>'
                 '<w:style w:type="character" w:styleId="Lead"><w:name w:val="Lead"/><w:basedOn w:val="StrongBase"/>'
                 '<w:rPr><w:color w:val="000000"/></w:rPr></w:style>'
                 '<w:style w:type="paragraph" w:styleId="SubHeading"><w:name w:val="heading 3"/><w:basedOn w:val="a"/>'
                 '<w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
                 '<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>'
                 '<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>'
                 '<w:style w:type="paragraph"><w:name w:val="no id"/><w:rPr><w:b/></w:rPr></w:style>'
                 '<w:style w:type="numbering" w:styleId="ChapterList"><w:name w:val="Chapter List"/>'
                 '<w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
                 '</w:styles>' % W)
    numbering = ('<?xml version="1.0" encoding="UTF-8"?><w:numbering %s>'
                 '<w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%%1、"/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%%2）"/></w:lvl>'
                 '</w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="5"><w:numStyleLink w:val="ChapterList"/></w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="6"><w:styleLink w:val="ChapterList"/>'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%%1章"/></w:lvl>'
                 '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
                 '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                 '<w:num w:numId="4"><w:abstractNumId w:val="6"/></w:num>'
                 '<w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num></w:numbering>' % W)
    z.writestr("word/document.xml", document("".join(body)))
    z.writestr("word/styles.xml", style_xml)
    z.writestr("word/numbering.xml", numbering)


def main():
    out, kind = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "features"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", TYPES)
        if kind == "features":
            features(z)
        elif kind == "styles":
            styles(z)
        elif kind == "bomb":
            z.writestr("word/document.xml", document(para(run("一、")) + " " * (20 << 20)))
        elif kind == "climb":
            z.writestr("word/document.xml", document(para(run("一、总则"))))
            z.writestr("../evil.xml", "<x/>")


main()
