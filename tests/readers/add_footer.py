#!/usr/bin/env python3
"""add_footer.py IN.docx OUT.docx: the same document with a page number
centred in its footer (— 3 —, a PAGE field), as government reports print it."""
import re
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<w:ftr xmlns:w="%s"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
          '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
          '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>' % W)

src, out = sys.argv[1:3]
zin = zipfile.ZipFile(src)
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for item in zin.infolist():
        data = zin.read(item.filename).decode("utf-8") if item.filename.endswith((".xml", ".rels")) else zin.read(item.filename)
        if item.filename == "word/document.xml":
            ref = '<w:footerReference xmlns:r="%s" w:type="default" r:id="rIdFooter1"/>' % R
            data = re.sub(r"<w:sectPr\s*/>", "<w:sectPr></w:sectPr>", data)
            if "<w:sectPr" in data:
                data = re.sub(r"<w:sectPr([^>]*)>", lambda m: "<w:sectPr%s>%s" % (m.group(1), ref), data, count=1)
            else:
                data = data.replace("</w:body>", "<w:sectPr>%s</w:sectPr></w:body>" % ref)
        elif item.filename == "word/_rels/document.xml.rels":
            data = data.replace("</Relationships>", '<Relationship Id="rIdFooter1" Type="%s/footer" '
                                'Target="footer1.xml"/></Relationships>' % R)
        elif item.filename == "[Content_Types].xml":
            data = data.replace("</Types>", '<Override PartName="/word/footer1.xml" ContentType="application/'
                                'vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>')
        z.writestr(item, data.encode("utf-8") if isinstance(data, str) else data)
    z.writestr("word/footer1.xml", FOOTER)
