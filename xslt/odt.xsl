<?xml version="1.0" encoding="UTF-8"?>
<!-- A gongwen report as an OpenDocument text (.odt), in the layout of
     GB/T 9704-2012 党政机关公文格式; the same layout as docx.xsl (see there).
     Usage: gongwen -t odt report.txt -o report.odt
            (xsltproc xslt/odt.xsl report.xml gives the flat OpenDocument,
            itself a .fodt LibreOffice opens; gongwen splits it into the
            package's files and zips them, src/package.c)

     - A4; text area 37 mm from the top, 35 mm from the bottom, 28 mm from
       the left, 26 mm from the right; lines 28.95 pt apart (22 to a page),
       characters 15.75 pt wide (28 to a line).
     - Body 16 pt 仿宋_GB2312, first line indented two characters; title
       22 pt 方正小标宋简体 centred; headings (text:h, outline levels 1 to 6,
       markers kept as text) 黑体, 楷体_GB2312, then 仿宋_GB2312 bold.
     - Page numbers — 1 — in 14 pt 宋体, right on odd pages and left on
       even ones; tables with their header rows repeated; boxes framed;
       notes an end list that references link to; leads bold.
     - Spaces in the text are kept (text:s): ODF collapses runs of them.

     Parameters: layout=plain (a neutral style), title=TEXT (the title in
     the document's properties). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:gongwen:report:1"
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="g">
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
  <!-- text width in mm, shared out among a table's columns -->
  <xsl:variable name="text-width">
    <xsl:choose>
      <xsl:when test="$plain">159.2</xsl:when>
      <xsl:otherwise>156</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <office:document office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
      <office:meta>
        <meta:generator>gongwen</meta:generator>
        <dc:title><xsl:value-of select="$doc-title"/></dc:title>
      </office:meta>
      <office:font-face-decls>
        <xsl:call-template name="face"><xsl:with-param name="name" select="'Times New Roman'"/></xsl:call-template>
        <xsl:call-template name="face"><xsl:with-param name="name" select="'仿宋_GB2312'"/></xsl:call-template>
        <xsl:call-template name="face"><xsl:with-param name="name" select="'楷体_GB2312'"/></xsl:call-template>
        <xsl:call-template name="face"><xsl:with-param name="name" select="'方正小标宋简体'"/></xsl:call-template>
        <xsl:call-template name="face"><xsl:with-param name="name" select="'黑体'"/><xsl:with-param name="generic" select="'swiss'"/></xsl:call-template>
        <xsl:call-template name="face"><xsl:with-param name="name" select="'宋体'"/></xsl:call-template>
      </office:font-face-decls>
      <xsl:call-template name="styles"/>
      <office:automatic-styles>
        <style:page-layout style:name="pm1">
          <xsl:choose>
            <xsl:when test="$plain">
              <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait"
                  fo:margin-top="25.4mm" fo:margin-bottom="15mm" fo:margin-left="25.4mm" fo:margin-right="25.4mm"/>
              <style:footer-style>
                <style:header-footer-properties fo:min-height="5.4mm" fo:margin-top="5mm"/>
              </style:footer-style>
            </xsl:when>
            <xsl:otherwise>
              <!-- the footer (10 mm, 5 mm below the text) lies inside the
                   page margin: 20 + 5 + 10 = 35 mm below the text -->
              <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait"
                  fo:margin-top="37mm" fo:margin-bottom="20mm" fo:margin-left="28mm" fo:margin-right="26mm"/>
              <style:footer-style>
                <style:header-footer-properties fo:min-height="10mm" fo:margin-top="5mm"/>
              </style:footer-style>
            </xsl:otherwise>
          </xsl:choose>
        </style:page-layout>
        <style:style style:name="PageBreak1" style:family="paragraph" style:parent-style-name="Heading_20_1">
          <style:paragraph-properties fo:break-before="page"/>
        </style:style>
        <style:style style:name="CellRight" style:family="paragraph" style:parent-style-name="Table_20_Contents">
          <style:paragraph-properties fo:text-align="end"/>
        </style:style>
        <style:style style:name="CellCenter" style:family="paragraph" style:parent-style-name="Table_20_Contents">
          <style:paragraph-properties fo:text-align="center"/>
        </style:style>
        <style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="Table_20_Contents">
          <style:paragraph-properties fo:text-align="center"/>
          <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
        </style:style>
        <style:style style:name="Bold" style:family="text">
          <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>
        </style:style>
        <style:style style:name="Cell" style:family="table-cell">
          <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="1mm" style:vertical-align="middle"/>
        </style:style>
        <xsl:for-each select="//g:table">
          <style:style style:name="Table{position()}" style:family="table">
            <style:table-properties style:width="{$text-width}mm" table:align="margins"/>
          </style:style>
          <xsl:variable name="cols">
            <xsl:call-template name="cols"/>
          </xsl:variable>
          <xsl:variable name="weights">
            <xsl:call-template name="weights"/>
          </xsl:variable>
          <xsl:variable name="w" select="exsl:node-set($weights)/*"/>
          <xsl:variable name="total" select="sum($w)"/>
          <xsl:variable name="t" select="position()"/>
          <xsl:for-each select="$w">
            <style:style style:name="Table{$t}.C{position()}" style:family="table-column">
              <style:table-column-properties style:column-width="{format-number($text-width * . div $total, '0.0')}mm"/>
            </style:style>
          </xsl:for-each>
        </xsl:for-each>
      </office:automatic-styles>
      <office:master-styles>
        <style:master-page style:name="Standard" style:page-layout-name="pm1">
          <style:footer>
            <xsl:call-template name="page-number"><xsl:with-param name="style" select="'Footer_20_Odd'"/></xsl:call-template>
          </style:footer>
          <xsl:if test="not($plain)">
            <style:footer-left>
              <xsl:call-template name="page-number"><xsl:with-param name="style" select="'Footer_20_Even'"/></xsl:call-template>
            </style:footer-left>
          </xsl:if>
        </style:master-page>
      </office:master-styles>
      <office:body>
        <office:text>
          <xsl:apply-templates select="/g:report/g:front/* | /g:report/g:body/*"/>
        </office:text>
      </office:body>
    </office:document>
  </xsl:template>

  <xsl:template name="face">
    <xsl:param name="name"/>
    <!-- the generic family is what a machine without the font falls back on -->
    <xsl:param name="generic" select="'roman'"/>
    <style:font-face style:name="{$name}" svg:font-family="'{$name}'" style:font-family-generic="{$generic}" style:font-pitch="variable"/>
  </xsl:template>

  <xsl:template name="page-number">
    <xsl:param name="style"/>
    <text:p text:style-name="{$style}">
      <xsl:if test="not($plain)">— </xsl:if>
      <text:page-number text:select-page="current">1</text:page-number>
      <xsl:if test="not($plain)"> —</xsl:if>
    </text:p>
  </xsl:template>

  <!-- ==== styles ========================================================= -->
  <!-- a paragraph style: font (東亞), size in pt, bold, align, indent,
       outline level, frame -->
  <xsl:template name="pstyle">
    <xsl:param name="name"/>
    <xsl:param name="display" select="''"/>
    <xsl:param name="parent" select="'Standard'"/>
    <xsl:param name="font" select="''"/>
    <xsl:param name="size" select="''"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="align" select="''"/>
    <xsl:param name="indent" select="true()"/>
    <xsl:param name="level" select="''"/>
    <xsl:param name="border" select="false()"/>
    <xsl:param name="keep" select="false()"/>
    <xsl:param name="single" select="false()"/>
    <style:style style:name="{$name}" style:family="paragraph" style:parent-style-name="{$parent}">
      <xsl:if test="$display != ''"><xsl:attribute name="style:display-name"><xsl:value-of select="$display"/></xsl:attribute></xsl:if>
      <xsl:if test="$level != ''">
        <xsl:attribute name="style:default-outline-level"><xsl:value-of select="$level"/></xsl:attribute>
        <!-- no outline numbering (the markers are text), whose indents
             would replace the paragraph's -->
        <xsl:attribute name="style:list-style-name"/>
      </xsl:if>
      <style:paragraph-properties>
        <xsl:if test="$align != ''"><xsl:attribute name="fo:text-align"><xsl:value-of select="$align"/></xsl:attribute></xsl:if>
        <xsl:if test="not($indent)"><xsl:attribute name="fo:text-indent">0pt</xsl:attribute></xsl:if>
        <xsl:if test="$keep"><xsl:attribute name="fo:keep-with-next">always</xsl:attribute></xsl:if>
        <xsl:if test="$single"><xsl:attribute name="fo:line-height">100%</xsl:attribute></xsl:if>
        <xsl:if test="$border">
          <xsl:attribute name="fo:border">0.5pt solid #000000</xsl:attribute>
          <xsl:attribute name="fo:padding">1.5mm</xsl:attribute>
          <xsl:attribute name="style:join-border">true</xsl:attribute>
        </xsl:if>
      </style:paragraph-properties>
      <style:text-properties>
        <xsl:if test="$font != '' and not($plain)">
          <xsl:attribute name="style:font-name-asian"><xsl:value-of select="$font"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$size != ''">
          <xsl:attribute name="fo:font-size"><xsl:value-of select="$size"/>pt</xsl:attribute>
          <xsl:attribute name="style:font-size-asian"><xsl:value-of select="$size"/>pt</xsl:attribute>
        </xsl:if>
        <xsl:if test="$bold">
          <xsl:attribute name="fo:font-weight">bold</xsl:attribute>
          <xsl:attribute name="style:font-weight-asian">bold</xsl:attribute>
        </xsl:if>
      </style:text-properties>
    </style:style>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:param name="n"/>
    <xsl:param name="font" select="''"/>
    <xsl:param name="size" select="''"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:call-template name="pstyle">
      <xsl:with-param name="name" select="concat('Heading_20_', $n)"/>
      <xsl:with-param name="display" select="concat('Heading ', $n)"/>
      <xsl:with-param name="font" select="$font"/>
      <xsl:with-param name="size" select="$size"/>
      <xsl:with-param name="bold" select="$bold"/>
      <xsl:with-param name="indent" select="not($plain)"/>
      <xsl:with-param name="level" select="$n"/>
      <xsl:with-param name="keep" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="styles">
    <office:styles>
      <style:default-style style:family="paragraph">
        <style:paragraph-properties style:line-break="strict" style:writing-mode="lr-tb"/>
        <style:text-properties fo:language="en" fo:country="US" style:language-asian="zh" style:country-asian="CN"/>
      </style:default-style>
      <style:style style:name="Standard" style:family="paragraph" style:class="text">
        <xsl:choose>
          <xsl:when test="$plain">
            <style:paragraph-properties fo:text-indent="24pt" fo:margin-bottom="6pt" fo:line-height="130%"/>
            <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/>
          </xsl:when>
          <xsl:otherwise>
            <!-- 22 lines in the 225 mm text height; 28 characters of
                 16 - 0.25 pt in its 156 mm width -->
            <style:paragraph-properties fo:text-indent="31.5pt" fo:line-height="28.95pt" fo:text-align="justify"/>
            <style:text-properties style:font-name="Times New Roman" style:font-name-asian="仿宋_GB2312"
                fo:font-size="16pt" style:font-size-asian="16pt" fo:letter-spacing="-0.25pt"/>
          </xsl:otherwise>
        </xsl:choose>
      </style:style>
      <xsl:choose>
        <xsl:when test="$plain">
          <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Title'"/><xsl:with-param name="size" select="18"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="align" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Subtitle'"/><xsl:with-param name="align" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
          <xsl:call-template name="heading"><xsl:with-param name="n" select="1"/><xsl:with-param name="size" select="16"/><xsl:with-param name="bold" select="true()"/></xsl:call-template>
          <xsl:call-template name="heading"><xsl:with-param name="n" select="2"/><xsl:with-param name="size" select="14"/><xsl:with-param name="bold" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Box_20_Title'"/><xsl:with-param name="display" select="'Box Title'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="align" select="'center'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="border" select="true()"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Caption'"/><xsl:with-param name="bold" select="true()"/><xsl:with-param name="align" select="'center'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Title'"/><xsl:with-param name="font" select="'方正小标宋简体'"/><xsl:with-param name="size" select="22"/><xsl:with-param name="align" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Subtitle'"/><xsl:with-param name="font" select="'楷体_GB2312'"/><xsl:with-param name="align" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
          <xsl:call-template name="heading"><xsl:with-param name="n" select="1"/><xsl:with-param name="font" select="'黑体'"/></xsl:call-template>
          <xsl:call-template name="heading"><xsl:with-param name="n" select="2"/><xsl:with-param name="font" select="'楷体_GB2312'"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Box_20_Title'"/><xsl:with-param name="display" select="'Box Title'"/><xsl:with-param name="font" select="'黑体'"/><xsl:with-param name="align" select="'center'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="border" select="true()"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
          <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Caption'"/><xsl:with-param name="font" select="'黑体'"/><xsl:with-param name="align" select="'center'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="heading"><xsl:with-param name="n" select="3"/><xsl:with-param name="bold" select="true()"/></xsl:call-template>
      <xsl:call-template name="heading"><xsl:with-param name="n" select="4"/><xsl:with-param name="bold" select="true()"/></xsl:call-template>
      <xsl:call-template name="heading"><xsl:with-param name="n" select="5"/><xsl:with-param name="bold" select="true()"/></xsl:call-template>
      <xsl:call-template name="heading"><xsl:with-param name="n" select="6"/><xsl:with-param name="bold" select="true()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Author'"/><xsl:with-param name="align" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Front_20_Line'"/><xsl:with-param name="display" select="'Front Line'"/><xsl:with-param name="align" select="'center'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Salutation'"/><xsl:with-param name="indent" select="false()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Box_20_Item'"/><xsl:with-param name="display" select="'Box Item'"/><xsl:with-param name="border" select="true()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Unit'"/><xsl:with-param name="size" select="12"/><xsl:with-param name="align" select="'end'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="keep" select="true()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Table_20_Contents'"/><xsl:with-param name="display" select="'Table Contents'"/><xsl:with-param name="size" select="12"/><xsl:with-param name="align" select="'start'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="single" select="true()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Note'"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Footer_20_Odd'"/><xsl:with-param name="display" select="'Footer Odd'"/><xsl:with-param name="font" select="'宋体'"/><xsl:with-param name="size" select="14"/><xsl:with-param name="align" select="'end'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="single" select="true()"/></xsl:call-template>
      <xsl:call-template name="pstyle"><xsl:with-param name="name" select="'Footer_20_Even'"/><xsl:with-param name="display" select="'Footer Even'"/><xsl:with-param name="font" select="'宋体'"/><xsl:with-param name="size" select="14"/><xsl:with-param name="align" select="'start'"/><xsl:with-param name="indent" select="false()"/><xsl:with-param name="single" select="true()"/></xsl:call-template>
    </office:styles>
  </xsl:template>

  <!-- ==== blocks ========================================================= -->
  <xsl:template name="para">
    <xsl:param name="style" select="'Standard'"/>
    <text:p text:style-name="{$style}">
      <xsl:apply-templates mode="run"/>
    </text:p>
  </xsl:template>

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
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Front_20_Line'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:salutation">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Salutation'"/></xsl:call-template>
  </xsl:template>

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
        <xsl:variable name="level" select="6 * ($depth &gt; 6) + $depth * ($depth &lt;= 6)"/>
        <text:h text:outline-level="{$level}">
          <xsl:attribute name="text:style-name">
            <xsl:choose>
              <xsl:when test="@family = 'annex' or (@family = 'notes' and not(preceding-sibling::g:section[1][@family = 'notes']))">PageBreak1</xsl:when>
              <xsl:otherwise>Heading_20_<xsl:value-of select="$level"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:apply-templates select="g:title/node()" mode="run"/>
        </text:h>
        <xsl:apply-templates select="*[not(self::g:title)]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 一是…: the heading is the start of its paragraph -->
  <xsl:template name="runin-section">
    <xsl:variable name="same" select="g:title/following-sibling::*[1][self::g:p][@line = current()/g:title/@line]"/>
    <text:p text:style-name="Standard">
      <xsl:apply-templates select="g:title/node()" mode="run"/>
      <xsl:apply-templates select="$same/node()" mode="run"/>
    </text:p>
    <xsl:apply-templates select="*[not(self::g:title)][count(. | $same) != count($same)]"/>
  </xsl:template>

  <xsl:template match="g:p | g:list/g:item">
    <xsl:call-template name="para"/>
  </xsl:template>
  <xsl:template match="g:list | g:toc">
    <xsl:apply-templates select="*"/>
  </xsl:template>
  <xsl:template match="g:toc/g:title | g:caption">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Caption'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:unit">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Unit'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="g:box">
    <xsl:apply-templates select="g:title" mode="box"/>
    <xsl:apply-templates select="*[not(self::g:title)]"/>
  </xsl:template>
  <xsl:template match="g:box/g:title" mode="box">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Box_20_Title'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:box/g:item">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Box_20_Item'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="g:note">
    <text:p text:style-name="Note">
      <text:bookmark text:name="{@id}"/>
      <xsl:apply-templates mode="run"/>
    </text:p>
  </xsl:template>

  <xsl:template match="g:page"/>

  <!-- ==== tables ========================================================= -->
  <!-- the number of columns: the widest row, a group's category counted -->
  <xsl:template name="cols">
    <xsl:for-each select=".//g:row">
      <xsl:sort select="count(g:cell) + boolean(parent::g:group)" data-type="number" order="descending"/>
      <xsl:if test="position() = 1"><xsl:value-of select="count(g:cell) + boolean(parent::g:group)"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- a column's share of the width, as in docx.xsl -->
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

  <xsl:template match="g:table">
    <xsl:apply-templates select="g:caption | g:unit"/>
    <xsl:variable name="cols">
      <xsl:call-template name="cols"/>
    </xsl:variable>
    <xsl:variable name="t" select="count(preceding::g:table) + 1"/>
    <xsl:if test="$cols &gt; 0">
      <table:table table:name="Table{$t}" table:style-name="Table{$t}">
        <xsl:call-template name="columns"><xsl:with-param name="cols" select="$cols"/><xsl:with-param name="t" select="$t"/></xsl:call-template>
        <xsl:if test="g:thead/g:row">
          <table:table-header-rows>
            <xsl:apply-templates select="g:thead/g:row" mode="row"><xsl:with-param name="cols" select="$cols"/></xsl:apply-templates>
          </table:table-header-rows>
        </xsl:if>
        <xsl:apply-templates select="g:tbody/g:row | g:tbody/g:group/g:row" mode="row"><xsl:with-param name="cols" select="$cols"/></xsl:apply-templates>
      </table:table>
    </xsl:if>
  </xsl:template>

  <!-- one column element a column, counted out by the table's own nodes
       (as weights does: no recursion as deep as the table is wide) -->
  <xsl:template name="columns">
    <xsl:param name="cols"/>
    <xsl:param name="t"/>
    <xsl:for-each select="(descendant::node())[position() &lt;= $cols]">
      <table:table-column table:style-name="Table{$t}.C{position()}"/>
    </xsl:for-each>
  </xsl:template>

  <!-- n covered cells, in halves: the template depth grows with log n,
       not with the width of the table -->
  <xsl:template name="covered">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n &gt; 1">
        <xsl:call-template name="covered"><xsl:with-param name="n" select="floor($n div 2)"/></xsl:call-template>
        <xsl:call-template name="covered"><xsl:with-param name="n" select="$n - floor($n div 2)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$n = 1">
        <table:covered-table-cell/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="g:row" mode="row">
    <xsl:param name="cols"/>
    <xsl:variable name="head" select="boolean(parent::g:thead)"/>
    <xsl:variable name="have" select="count(g:cell) + boolean(parent::g:group)"/>
    <table:table-row>
      <xsl:if test="parent::g:group">
        <xsl:choose>
          <xsl:when test="generate-id() = generate-id(../g:row[1])">
            <table:table-cell table:style-name="Cell" office:value-type="string" table:number-rows-spanned="{count(../g:row)}">
              <text:p text:style-name="CellCenter">
                <xsl:apply-templates select="../g:category[1]/node()" mode="run"/>
              </text:p>
            </table:table-cell>
          </xsl:when>
          <xsl:otherwise><table:covered-table-cell/></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="g:cell">
          <xsl:for-each select="g:cell">
            <xsl:variable name="span" select="1 + (position() = last()) * ($cols - $have)"/>
            <table:table-cell table:style-name="Cell" office:value-type="string">
              <xsl:if test="$span &gt; 1"><xsl:attribute name="table:number-columns-spanned"><xsl:value-of select="$span"/></xsl:attribute></xsl:if>
              <text:p>
                <xsl:attribute name="text:style-name">
                  <xsl:choose>
                    <xsl:when test="$head">CellHead</xsl:when>
                    <xsl:when test="@type = 'number' or @type = 'compare'">CellRight</xsl:when>
                    <xsl:when test="@type = 'none'">CellCenter</xsl:when>
                    <xsl:otherwise>Table_20_Contents</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <xsl:apply-templates mode="run"/>
              </text:p>
            </table:table-cell>
            <xsl:if test="$span &gt; 1">
              <xsl:call-template name="covered"><xsl:with-param name="n" select="$span - 1"/></xsl:call-template>
            </xsl:if>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <table:table-cell table:style-name="Cell" office:value-type="string" table:number-columns-spanned="{$cols - $have}">
            <text:p text:style-name="Table_20_Contents"><xsl:apply-templates mode="run"/></text:p>
          </table:table-cell>
          <xsl:call-template name="covered"><xsl:with-param name="n" select="$cols - $have - 1"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </table:table-row>
  </xsl:template>

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
    <xsl:choose>
      <xsl:when test="ancestor::g:lead or ancestor::g:name or ancestor::g:term
                      or ancestor::g:title[parent::g:section[@runin = 'true']]">
        <text:span text:style-name="Bold">
          <xsl:call-template name="spaces"><xsl:with-param name="t" select="translate(., '&#9;&#10;&#13;', '   ')"/></xsl:call-template>
        </text:span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="spaces"><xsl:with-param name="t" select="translate(., '&#9;&#10;&#13;', '   ')"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- every space a text:s, which ODF keeps -->
  <xsl:template name="spaces">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="contains($t, ' ')">
        <xsl:value-of select="substring-before($t, ' ')"/>
        <text:s/>
        <xsl:call-template name="spaces"><xsl:with-param name="t" select="substring-after($t, ' ')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="g:ref[@target]" mode="run">
    <text:a xlink:type="simple" xlink:href="#{@target}">
      <xsl:apply-templates mode="run"/>
    </text:a>
  </xsl:template>

  <xsl:template match="g:page" mode="run"/>

  <xsl:template match="g:num" mode="run">
    <xsl:apply-templates mode="run"/>
    <xsl:variable name="last" select="substring(., string-length(.))"/>
    <xsl:variable name="next" select="substring(following-sibling::node()[1], 1, 1)"/>
    <xsl:if test="$last != '' and contains('章节篇编0123456789０１２３４５６７８９', $last)
                  and $next != '' and not(contains(' &#12288;&#9;&#10;&#13;', $next))">
      <xsl:text>&#12288;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="run">
    <xsl:apply-templates mode="run"/>
  </xsl:template>
</xsl:stylesheet>
