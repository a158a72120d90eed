<?xml version="1.0" encoding="UTF-8"?>
<!-- A gongwen report as a Word document (.docx), in the layout of GB/T
     9704-2012 党政机关公文格式.
     Usage: gongwen -t docx report.txt -o report.docx
            (xsltproc xslt/docx.xsl report.xml gives the Flat OPC package,
            itself a document Word opens; gongwen zips it, src/package.c)

     - A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; a grid
       of 22 lines of 28 characters (line pitch 28.95 pt).
     - Body 3号 (16 pt) 仿宋_GB2312, justified, first line indented two
       characters. The title 2号 (22 pt) 方正小标宋简体, centred; the subtitle
       and speaker centred in 楷体_GB2312.
     - Headings are real heading styles (Heading 1 to 6, outline levels 1 to
       6: Word's navigation pane and a PDF's bookmarks show the outline),
       with the marker kept as text (一、, （一）, 1.). By depth: 一、 黑体,
       （一） 楷体_GB2312, deeper (1. （1）) 仿宋_GB2312 bold. A run-in heading
       (一是…) stays at the start of its paragraph, bold.
     - Leads (the first sentence of a paragraph set off as its heading),
       box item names and note terms bold.
     - Page numbers in the footer, — 1 — in 4号 (14 pt) 宋体, on the outside:
       right on odd pages, left on even ones.
     - Tables: the header rows repeat on every page, rows do not split; a
       group's category spans its rows in the first column; numbers right-
       aligned. Boxes (专栏) are framed.
     - Notes (名词解释) are an end list; a reference to a note (［1］) links
       to it.
     - Page furniture copied from a PDF (page) is left out: Word paginates.
     - Fonts are named as Chinese offices have them; Word and LibreOffice
       fall back to similar fonts on machines without them (the font table
       names the usual alternative).

     Parameters:
       layout=plain  a neutral style: 12 pt, bold headings, margins 25.4 mm,
                     centred page numbers, no grid.
       title=TEXT    the document title (properties); default: the title of
                     the front matter. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:gongwen:report:1"
    xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:rel="http://schemas.openxmlformats.org/package/2006/relationships"
    xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="g rel">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="layout" select="'official'" xmlns:gw="urn:gongwen:param" gw:accept="official plain"/>
  <xsl:param name="title" select="''"/>

  <xsl:variable name="plain" select="$layout = 'plain'"/>
  <xsl:variable name="doc-title">
    <xsl:choose>
      <xsl:when test="$title != ''"><xsl:value-of select="$title"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(/g:report/g:front/g:title)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- the text width in twips, shared out among a table's columns -->
  <xsl:variable name="text-width">
    <xsl:choose>
      <xsl:when test="$plain">9026</xsl:when>
      <xsl:otherwise>8845</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="ct" select="'application/vnd.openxmlformats-officedocument.wordprocessingml.'"/>
  <xsl:variable name="rt" select="'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'"/>

  <!-- ==== the package ==================================================== -->
  <xsl:template match="/">
    <pkg:package>
      <pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml">
        <pkg:xmlData>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="{$rt}officeDocument" Target="word/document.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
          </Relationships>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml">
        <pkg:xmlData>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="{$rt}styles" Target="styles.xml"/>
            <Relationship Id="rId2" Type="{$rt}settings" Target="settings.xml"/>
            <Relationship Id="rId3" Type="{$rt}fontTable" Target="fontTable.xml"/>
            <Relationship Id="rId4" Type="{$rt}footer" Target="footer1.xml"/>
            <Relationship Id="rId5" Type="{$rt}footer" Target="footer2.xml"/>
          </Relationships>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/document.xml" pkg:contentType="{$ct}document.main+xml">
        <pkg:xmlData>
          <xsl:call-template name="document"/>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/styles.xml" pkg:contentType="{$ct}styles+xml">
        <pkg:xmlData>
          <xsl:call-template name="styles"/>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/settings.xml" pkg:contentType="{$ct}settings+xml">
        <pkg:xmlData>
          <w:settings>
            <w:defaultTabStop w:val="420"/>
            <xsl:if test="not($plain)">
              <w:evenAndOddHeaders/>
            </xsl:if>
            <w:characterSpacingControl w:val="compressPunctuation"/>
            <w:compat>
              <w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
            </w:compat>
          </w:settings>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/fontTable.xml" pkg:contentType="{$ct}fontTable+xml">
        <pkg:xmlData>
          <w:fonts>
            <xsl:call-template name="font"><xsl:with-param name="name" select="'仿宋_GB2312'"/><xsl:with-param name="alt" select="'仿宋'"/></xsl:call-template>
            <xsl:call-template name="font"><xsl:with-param name="name" select="'楷体_GB2312'"/><xsl:with-param name="alt" select="'楷体'"/></xsl:call-template>
            <xsl:call-template name="font"><xsl:with-param name="name" select="'方正小标宋简体'"/><xsl:with-param name="alt" select="'宋体'"/></xsl:call-template>
            <xsl:call-template name="font"><xsl:with-param name="name" select="'黑体'"/><xsl:with-param name="alt" select="'SimHei'"/></xsl:call-template>
            <xsl:call-template name="font"><xsl:with-param name="name" select="'宋体'"/><xsl:with-param name="alt" select="'SimSun'"/></xsl:call-template>
          </w:fonts>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/footer1.xml" pkg:contentType="{$ct}footer+xml">
        <pkg:xmlData>
          <xsl:call-template name="footer">
            <xsl:with-param name="side" select="'right'"/>
          </xsl:call-template>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/footer2.xml" pkg:contentType="{$ct}footer+xml">
        <pkg:xmlData>
          <xsl:call-template name="footer">
            <xsl:with-param name="side" select="'left'"/>
          </xsl:call-template>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/docProps/core.xml" pkg:contentType="application/vnd.openxmlformats-package.core-properties+xml">
        <pkg:xmlData>
          <cp:coreProperties>
            <dc:title><xsl:value-of select="$doc-title"/></dc:title>
            <dc:creator>gongwen</dc:creator>
          </cp:coreProperties>
        </pkg:xmlData>
      </pkg:part>
    </pkg:package>
  </xsl:template>

  <xsl:template name="font">
    <xsl:param name="name"/>
    <xsl:param name="alt"/>
    <w:font w:name="{$name}">
      <w:altName w:val="{$alt}"/>
      <w:charset w:val="86"/>
      <w:family w:val="auto"/>
      <w:pitch w:val="variable"/>
    </w:font>
  </xsl:template>

  <!-- page numbers: — 1 —, 4号 宋体, one character in from the outside edge -->
  <xsl:template name="footer">
    <xsl:param name="side"/>
    <w:ftr>
      <w:p>
        <w:pPr>
          <w:pStyle w:val="Footer"/>
          <xsl:choose>
            <xsl:when test="$plain"><w:jc w:val="center"/></xsl:when>
            <xsl:when test="$side = 'right'"><w:ind w:right="280"/><w:jc w:val="right"/></xsl:when>
            <xsl:otherwise><w:ind w:left="280"/><w:jc w:val="left"/></xsl:otherwise>
          </xsl:choose>
        </w:pPr>
        <xsl:if test="not($plain)"><w:r><w:t xml:space="preserve">— </w:t></w:r></xsl:if>
        <w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>
        <xsl:if test="not($plain)"><w:r><w:t xml:space="preserve"> —</w:t></w:r></xsl:if>
      </w:p>
    </w:ftr>
  </xsl:template>

  <!-- ==== styles ========================================================= -->
  <xsl:template name="rfonts">
    <xsl:param name="cjk"/>
    <xsl:choose>
      <xsl:when test="$plain"/>
      <xsl:otherwise>
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{$cjk}" w:cs="Times New Roman"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a paragraph style; heading: its outline level (0-based) -->
  <xsl:template name="pstyle">
    <xsl:param name="id"/>
    <xsl:param name="name" select="$id"/>
    <xsl:param name="font" select="''"/>
    <xsl:param name="size" select="''"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="jc" select="''"/>
    <xsl:param name="indent" select="true()"/>
    <xsl:param name="level" select="''"/>
    <xsl:param name="border" select="false()"/>
    <xsl:param name="keep" select="false()"/>
    <xsl:param name="exact" select="true()"/>
    <w:style w:type="paragraph" w:styleId="{$id}">
      <w:name w:val="{$name}"/>
      <w:basedOn w:val="Normal"/>
      <w:next w:val="Normal"/>
      <w:qFormat/>
      <w:pPr>
        <xsl:if test="$keep"><w:keepNext/></xsl:if>
        <xsl:if test="$border">
          <w:pBdr>
            <w:top w:val="single" w:sz="6" w:space="4" w:color="auto"/>
            <w:left w:val="single" w:sz="6" w:space="4" w:color="auto"/>
            <w:bottom w:val="single" w:sz="6" w:space="4" w:color="auto"/>
            <w:right w:val="single" w:sz="6" w:space="4" w:color="auto"/>
          </w:pBdr>
        </xsl:if>
        <!-- off the page's line grid: small text, single spaced -->
        <xsl:if test="not($exact)"><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/></xsl:if>
        <xsl:if test="not($indent)"><w:ind w:firstLineChars="0" w:firstLine="0"/></xsl:if>
        <xsl:if test="$jc != ''"><w:jc w:val="{$jc}"/></xsl:if>
        <xsl:if test="$level != ''"><w:outlineLvl w:val="{$level}"/></xsl:if>
      </w:pPr>
      <w:rPr>
        <xsl:if test="$font != ''">
          <xsl:call-template name="rfonts"><xsl:with-param name="cjk" select="$font"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="$bold"><w:b/><w:bCs/></xsl:if>
        <xsl:if test="$size != ''"><w:sz w:val="{$size}"/><w:szCs w:val="{$size}"/></xsl:if>
      </w:rPr>
    </w:style>
  </xsl:template>

  <xsl:template name="styles">
    <w:styles>
      <w:docDefaults>
        <w:rPrDefault>
          <w:rPr>
            <xsl:call-template name="rfonts"><xsl:with-param name="cjk" select="'仿宋_GB2312'"/></xsl:call-template>
            <!-- 28 characters in the 156 mm between the margins: 15.75 pt
                 a character -->
            <xsl:if test="not($plain)"><w:spacing w:val="-5"/></xsl:if>
            <w:kern w:val="2"/>
            <xsl:choose>
              <xsl:when test="$plain"><w:sz w:val="24"/><w:szCs w:val="24"/></xsl:when>
              <xsl:otherwise><w:sz w:val="32"/><w:szCs w:val="32"/></xsl:otherwise>
            </xsl:choose>
            <w:lang w:val="en-US" w:eastAsia="zh-CN"/>
          </w:rPr>
        </w:rPrDefault>
        <w:pPrDefault>
          <w:pPr>
            <xsl:choose>
              <xsl:when test="$plain">
                <w:spacing w:after="120" w:line="312" w:lineRule="auto"/>
                <w:ind w:firstLineChars="200" w:firstLine="480"/>
              </xsl:when>
              <xsl:otherwise>
                <!-- 22 lines in the 225 mm between the margins -->
                <w:spacing w:line="579" w:lineRule="exact"/>
                <w:ind w:firstLineChars="200" w:firstLine="640"/>
                <w:jc w:val="both"/>
              </xsl:otherwise>
            </xsl:choose>
          </w:pPr>
        </w:pPrDefault>
      </w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
        <w:name w:val="Normal"/>
        <w:qFormat/>
        <!-- repeated from the defaults: LibreOffice drops the default
             indent from a paragraph that follows a heading -->
        <w:pPr>
          <xsl:choose>
            <xsl:when test="$plain"><w:ind w:firstLineChars="200" w:firstLine="480"/></xsl:when>
            <xsl:otherwise><w:ind w:firstLineChars="200" w:firstLine="640"/></xsl:otherwise>
          </xsl:choose>
        </w:pPr>
      </w:style>
      <xsl:choose>
        <xsl:when test="$plain">
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Title'"/><xsl:with-param name="size" select="36"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Subtitle'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading1'"/><xsl:with-param name="name" select="'heading 1'"/><xsl:with-param name="size" select="32"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="level" select="0"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading2'"/><xsl:with-param name="name" select="'heading 2'"/><xsl:with-param name="size" select="28"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="level" select="1"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading3'"/><xsl:with-param name="name" select="'heading 3'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="level" select="2"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading4'"/><xsl:with-param name="name" select="'heading 4'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="level" select="3"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading5'"/><xsl:with-param name="name" select="'heading 5'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="level" select="4"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading6'"/><xsl:with-param name="name" select="'heading 6'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="level" select="5"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'BoxTitle'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="border" select="true()"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'BoxItem'"/><xsl:with-param name="border" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Caption'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Title'"/><xsl:with-param name="font" select="'方正小标宋简体'"/><xsl:with-param name="size" select="44"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Subtitle'"/><xsl:with-param name="font" select="'楷体_GB2312'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading1'"/><xsl:with-param name="name" select="'heading 1'"/><xsl:with-param name="font" select="'黑体'"/><xsl:with-param name="level" select="0"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading2'"/><xsl:with-param name="name" select="'heading 2'"/><xsl:with-param name="font" select="'楷体_GB2312'"/><xsl:with-param name="level" select="1"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading3'"/><xsl:with-param name="name" select="'heading 3'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="level" select="2"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading4'"/><xsl:with-param name="name" select="'heading 4'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="level" select="3"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading5'"/><xsl:with-param name="name" select="'heading 5'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="level" select="4"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Heading6'"/><xsl:with-param name="name" select="'heading 6'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="level" select="5"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'BoxTitle'"/><xsl:with-param name="font" select="'黑体'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="border" select="true()"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'BoxItem'"/><xsl:with-param name="border" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Caption'"/><xsl:with-param name="font" select="'黑体'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Author'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'FrontLine'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Salutation'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Unit'"/><xsl:with-param name="jc" select="'right'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="size" select="24"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'TableText'"/><xsl:with-param name="size" select="24"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="exact" select="false()"/><xsl:with-param name="jc" select="'left'"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Note'"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="id" select="'Footer'"/><xsl:with-param name="font" select="'宋体'"/><xsl:with-param name="size" select="28"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="exact" select="false()"/></xsl:call-template>
      <w:style w:type="character" w:styleId="Hyperlink">
        <w:name w:val="Hyperlink"/>
        <w:rPr><w:color w:val="0563C1"/></w:rPr>
      </w:style>
      <w:style w:type="table" w:styleId="TableGrid">
        <w:name w:val="Table Grid"/>
        <w:tblPr>
          <w:tblBorders>
            <w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>
            <w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>
            <w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>
            <w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>
          </w:tblBorders>
          <w:tblCellMar>
            <w:left w:w="85" w:type="dxa"/>
            <w:right w:w="85" w:type="dxa"/>
          </w:tblCellMar>
        </w:tblPr>
      </w:style>
    </w:styles>
  </xsl:template>

  <!-- ==== the document =================================================== -->
  <xsl:template name="document">
    <w:document>
      <w:body>
        <xsl:apply-templates select="/g:report/g:front/* | /g:report/g:body/*"/>
        <w:sectPr>
          <xsl:if test="not($plain)">
            <w:footerReference w:type="default" r:id="rId4"/>
            <w:footerReference w:type="even" r:id="rId5"/>
          </xsl:if>
          <xsl:if test="$plain">
            <w:footerReference w:type="default" r:id="rId4"/>
          </xsl:if>
          <w:pgSz w:w="11906" w:h="16838"/>
          <xsl:choose>
            <xsl:when test="$plain">
              <w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>
            </xsl:when>
            <xsl:otherwise>
              <!-- 37 / 26 / 35 / 28 mm -->
              <w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1474" w:gutter="0"/>
              <w:docGrid w:type="lines" w:linePitch="579"/>
            </xsl:otherwise>
          </xsl:choose>
        </w:sectPr>
      </w:body>
    </w:document>
  </xsl:template>

  <xsl:template name="para">
    <xsl:param name="style" select="''"/>
    <xsl:param name="content" select="node()"/>
    <xsl:param name="bookmark" select="''"/>
    <w:p>
      <xsl:if test="$style != ''">
        <w:pPr><w:pStyle w:val="{$style}"/></w:pPr>
      </xsl:if>
      <xsl:if test="$bookmark != ''">
        <w:bookmarkStart w:id="{count(preceding::g:note) + 1}" w:name="{$bookmark}"/>
      </xsl:if>
      <xsl:apply-templates select="$content" mode="run"/>
      <xsl:if test="$bookmark != ''">
        <w:bookmarkEnd w:id="{count(preceding::g:note) + 1}"/>
      </xsl:if>
    </w:p>
  </xsl:template>

  <!-- front matter -->
  <xsl:template match="g:front/g:title">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Title'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:subtitle">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Subtitle'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:author">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Author'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:front/g:p">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'FrontLine'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:salutation">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Salutation'"/></xsl:call-template>
  </xsl:template>

  <!-- a heading: its depth picks the style; an annex starts a page -->
  <xsl:template match="g:section">
    <!-- not a template matching g:section[@runin = 'true']: for a
         pattern with a predicate libxslt counts the element's
         siblings, again for each section once sections nest -->
    <xsl:choose>
      <xsl:when test="@runin = 'true'">
        <xsl:call-template name="runin-section"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="depth" select="count(ancestor-or-self::g:section)"/>
        <w:p>
          <w:pPr>
            <w:pStyle w:val="Heading{6 * ($depth &gt; 6) + $depth * ($depth &lt;= 6)}"/>
            <xsl:if test="@family = 'annex' or (@family = 'notes' and not(preceding-sibling::g:section[1][@family = 'notes']))">
              <w:pageBreakBefore/>
            </xsl:if>
          </w:pPr>
          <xsl:apply-templates select="g:title/node()" mode="run"/>
        </w:p>
        <xsl:apply-templates select="*[not(self::g:title)]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 一是…: the heading is the bold start of its paragraph -->
  <xsl:template name="runin-section">
    <xsl:variable name="same" select="g:title/following-sibling::*[1][self::g:p][@line = current()/g:title/@line]"/>
    <w:p>
      <xsl:apply-templates select="g:title/node()" mode="run"/>
      <xsl:apply-templates select="$same/node()" mode="run"/>
    </w:p>
    <xsl:apply-templates select="*[not(self::g:title)][count(. | $same) != count($same)]"/>
  </xsl:template>

  <xsl:template match="g:p | g:list/g:item">
    <xsl:call-template name="para"/>
  </xsl:template>

  <xsl:template match="g:list">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="g:box">
    <xsl:apply-templates select="g:title" mode="box"/>
    <xsl:apply-templates select="*[not(self::g:title)]"/>
  </xsl:template>
  <xsl:template match="g:box/g:title" mode="box">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'BoxTitle'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:box/g:item">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'BoxItem'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="g:note">
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'Note'"/>
      <xsl:with-param name="bookmark" select="@id"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:toc">
    <xsl:apply-templates select="*"/>
  </xsl:template>
  <xsl:template match="g:toc/g:title">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Caption'"/></xsl:call-template>
  </xsl:template>

  <!-- PDF page furniture: Word paginates -->
  <xsl:template match="g:page"/>

  <!-- ==== tables ========================================================= -->
  <xsl:template match="g:table">
    <xsl:apply-templates select="g:caption | g:unit"/>
    <xsl:variable name="cols">
      <xsl:for-each select=".//g:row">
        <xsl:sort select="count(g:cell) + boolean(parent::g:group)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="count(g:cell) + boolean(parent::g:group)"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="$cols &gt; 0">
      <w:tbl>
        <w:tblPr>
          <w:tblStyle w:val="TableGrid"/>
          <w:tblW w:w="5000" w:type="pct"/>
          <w:jc w:val="center"/>
        </w:tblPr>
        <xsl:variable name="weights">
          <xsl:call-template name="weights"/>
        </xsl:variable>
        <xsl:variable name="w" select="exsl:node-set($weights)/*"/>
        <xsl:variable name="total" select="sum($w)"/>
        <w:tblGrid>
          <xsl:for-each select="$w">
            <w:gridCol w:w="{floor($text-width * . div $total)}"/>
          </xsl:for-each>
        </w:tblGrid>
        <xsl:apply-templates select="g:thead/g:row | g:tbody/g:row | g:tbody/g:group/g:row" mode="row">
          <xsl:with-param name="cols" select="$cols"/>
        </xsl:apply-templates>
      </w:tbl>
      <!-- Word needs a paragraph between a table and whatever follows -->
      <w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>
    </xsl:if>
  </xsl:template>

  <!-- a column's share of the width: its longest text (the category's in
       a grouped table's first column), between 4 and 12 characters, so a
       name column is not squeezed to the width of a number -->
  <!-- Linear in the cells (but for a sort) and without recursion: a table
       of thousands of columns exhausted libxslt's template depth when each
       column was a call, and looking column i up in every row made wide
       tables take seconds. The length of every cell, tagged with its
       column, is sorted by column and length; the first of each column is
       its longest. (Not a key over those lengths: libxslt's key() on a
       tree made by the stylesheet costs the whole tree each call.) Every
       column has a cell: the widest row's, or its group's category. -->
  <xsl:template name="weights">
    <xsl:variable name="lengths">
      <xsl:for-each select=".//g:row">
        <xsl:variable name="shift" select="number(boolean(parent::g:group))"/>
        <xsl:for-each select="g:cell">
          <len col="{position() + $shift}" n="{string-length(normalize-space(.))}"/>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select=".//g:category">
        <len col="1" n="{string-length(normalize-space(.))}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="sorted">
      <xsl:for-each select="exsl:node-set($lengths)/len">
        <xsl:sort select="@col" data-type="number"/>
        <xsl:sort select="@n" data-type="number" order="descending"/>
        <xsl:copy-of select="."/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($sorted)/len[not(@col = preceding-sibling::len[1]/@col)]">
      <xsl:variable name="n" select="number(@n)"/>
      <c><xsl:value-of select="4 * ($n &lt; 4) + $n * ($n &gt;= 4 and $n &lt;= 12) + 12 * ($n &gt; 12)"/></c>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="g:caption">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Caption'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:unit">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Unit'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="g:row" mode="row">
    <xsl:param name="cols"/>
    <xsl:variable name="head" select="boolean(parent::g:thead)"/>
    <xsl:variable name="first-of-group" select="parent::g:group and generate-id() = generate-id(../g:row[1])"/>
    <w:tr>
      <w:trPr>
        <w:cantSplit/>
        <xsl:if test="$head"><w:tblHeader/></xsl:if>
      </w:trPr>
      <xsl:if test="parent::g:group">
        <w:tc>
          <w:tcPr>
            <xsl:choose>
              <xsl:when test="$first-of-group"><w:vMerge w:val="restart"/></xsl:when>
              <xsl:otherwise><w:vMerge/></xsl:otherwise>
            </xsl:choose>
            <w:vAlign w:val="center"/>
          </w:tcPr>
          <w:p>
            <w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="center"/></w:pPr>
            <xsl:if test="$first-of-group">
              <xsl:apply-templates select="../g:category[1]/node()" mode="run"/>
            </xsl:if>
          </w:p>
        </w:tc>
      </xsl:if>
      <xsl:variable name="have" select="count(g:cell) + boolean(parent::g:group)"/>
      <xsl:choose>
        <xsl:when test="g:cell">
          <xsl:for-each select="g:cell">
            <w:tc>
              <w:tcPr>
                <xsl:if test="position() = last() and $have &lt; $cols">
                  <w:gridSpan w:val="{$cols - $have + 1}"/>
                </xsl:if>
                <w:vAlign w:val="center"/>
              </w:tcPr>
              <w:p>
                <w:pPr>
                  <w:pStyle w:val="TableText"/>
                  <xsl:choose>
                    <xsl:when test="$head"><w:jc w:val="center"/></xsl:when>
                    <xsl:when test="@type = 'number' or @type = 'compare'"><w:jc w:val="right"/></xsl:when>
                    <xsl:when test="@type = 'none'"><w:jc w:val="center"/></xsl:when>
                  </xsl:choose>
                </w:pPr>
                <xsl:apply-templates mode="run">
                  <xsl:with-param name="bold" select="$head"/>
                </xsl:apply-templates>
              </w:p>
            </w:tc>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <w:tc>
            <w:tcPr><w:gridSpan w:val="{$cols - $have}"/></w:tcPr>
            <w:p>
              <w:pPr><w:pStyle w:val="TableText"/></w:pPr>
              <xsl:apply-templates mode="run"/>
            </w:p>
          </w:tc>
        </xsl:otherwise>
      </xsl:choose>
    </w:tr>
  </xsl:template>

  <!-- anything else that stands where a block does: a paragraph, or its
       children when it holds only elements -->
  <xsl:template match="*">
    <xsl:choose>
      <xsl:when test="* and not(text()[normalize-space(translate(., '&#12288;', ' ')) != ''])">
        <xsl:apply-templates select="*"/>
      </xsl:when>
      <xsl:when test="node()">
        <xsl:call-template name="para"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ==== runs =========================================================== -->
  <xsl:template match="text()" mode="run">
    <xsl:param name="bold" select="false()"/>
    <w:r>
      <xsl:if test="$bold or ancestor::g:lead or ancestor::g:name or ancestor::g:term
                    or ancestor::g:title[parent::g:section[@runin = 'true']]">
        <w:rPr><w:b/><w:bCs/></w:rPr>
      </xsl:if>
      <w:t xml:space="preserve"><xsl:value-of select="translate(., '&#9;&#10;&#13;', '   ')"/></w:t>
    </w:r>
  </xsl:template>

  <xsl:template match="g:ref[@target]" mode="run">
    <w:hyperlink w:anchor="{@target}">
      <xsl:for-each select=".//text()">
        <w:r>
          <w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>
          <w:t xml:space="preserve"><xsl:value-of select="."/></w:t>
        </w:r>
      </xsl:for-each>
    </w:hyperlink>
  </xsl:template>

  <xsl:template match="g:page" mode="run"/>

  <!-- 第一章　总则, 专栏1　…: a marker ending in a word or a number is set
       off from the text by an ideographic space, as text.xsl does -->
  <xsl:template match="g:num" mode="run">
    <xsl:param name="bold" select="false()"/>
    <xsl:apply-templates mode="run">
      <xsl:with-param name="bold" select="$bold"/>
    </xsl:apply-templates>
    <xsl:variable name="last" select="substring(., string-length(.))"/>
    <xsl:variable name="next" select="substring(following-sibling::node()[1], 1, 1)"/>
    <xsl:if test="$last != '' and contains('章节篇编0123456789０１２３４５６７８９', $last)
                  and $next != '' and not(contains(' &#12288;&#9;&#10;&#13;', $next))">
      <w:r><w:t>&#12288;</w:t></w:r>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="run">
    <xsl:param name="bold" select="false()"/>
    <xsl:apply-templates mode="run">
      <xsl:with-param name="bold" select="$bold"/>
    </xsl:apply-templates>
  </xsl:template>
</xsl:stylesheet>
