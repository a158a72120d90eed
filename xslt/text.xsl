<?xml version="1.0" encoding="UTF-8"?>
<!-- A gongwen report back as plain text, in document order.
     Usage: xsltproc xslt/text.xsl report.xml   (or gongwen -t text)

     - One line per paragraph: each front-matter line, heading, paragraph,
       —— item, box title, box item and note, with a blank line between
       them, so it reads as a report. A table's lines (caption, unit,
       rows) stand together, with a blank line before and after the table.
       Line ends are LF; the text ends in one. A box item whose name stood
       alone (01　新一代人工智能, no ：after it) keeps its text on the next
       line.
     - Markers are kept as printed (一、 （一） —— 专栏1 １、); one that ends
       in 章 节 篇 编 or a digit is followed by an ideographic space when the
       text runs on without one (第一章　发展基础, 专栏1　重大工程, 01　名称).
     - A run-in heading and the rest of its paragraph are one line again:
       （一）产业发展提质增效。“一主两辅”产业体系…
     - Tables: the caption and the unit line, then one line per row with the
       cells separated by tabs, header row first; a group's category is the
       first field of the group's first row and that field is empty on the
       group's other rows (so each category is written once).
     - Tabs, CR and LF inside the text become spaces, so lines and fields
       stay intact; nothing else is changed.
     - A ctl is written as its text: the Control Picture of the character
       (U+2400 + code), U+FFFD for U+FFFE/U+FFFF, nothing for controls that
       count as white space. XSLT cannot write C0 controls; compare with the
       source as tests/lossless.py does (controls mapped the same way).
     - Any other element: where a block stands, its text is a line (or, when
       it only holds elements, each child is handled as a block); inside a
       line, its text is kept in place.
     So the output's non-white-space characters are the source's.

     Text output, so no result-tree-fragment variables (see outline.xsl). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:gongwen:report:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>

  <!-- the paragraphs of a parent by line (looking along the siblings
       from every line would be quadratic) -->
  <xsl:key name="p-at" match="g:p" use="concat(generate-id(..), ':', @line)"/>
  <!-- found once: looking ahead from every line would be quadratic -->
  <xsl:variable name="last-text" select="(//text()[normalize-space(translate(., '&#12288;', ' '))])[last()]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="block"/>
  </xsl:template>

  <!-- containers: their children are blocks -->
  <xsl:template match="g:report | g:front | g:body" mode="block">
    <xsl:apply-templates select="*" mode="block"/>
  </xsl:template>

  <xsl:template match="g:section" mode="block">
    <xsl:apply-templates select="g:title/node()" mode="inline"/>
    <!-- a run-in title goes on with the paragraph it opens -->
    <xsl:if test="not(@runin = 'true' and g:title/following-sibling::*[1][self::g:p][@line = current()/g:title/@line])">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="gap"/>
    </xsl:if>
    <xsl:apply-templates select="*[not(self::g:title)]" mode="block"/>
  </xsl:template>

  <xsl:template match="g:list | g:box" mode="block">
    <xsl:apply-templates select="*[not(self::g:table)]" mode="line"/>
    <xsl:apply-templates select="g:table" mode="block"/>
  </xsl:template>

  <xsl:template match="g:table" mode="block">
    <xsl:apply-templates select="*" mode="table"/>
    <xsl:call-template name="gap"/>
  </xsl:template>

  <!-- the blank line after a paragraph, a heading or a table, unless it
       ends the text (holds the last text there is) -->
  <xsl:template name="gap">
    <xsl:if test="not($last-text/ancestor::*[generate-id() = generate-id(current())])">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="g:thead | g:tbody | g:group" mode="table" priority="1">
    <xsl:apply-templates select="*" mode="table"/>
  </xsl:template>

  <!-- a category is written by the row it opens (a category that opens no
       row is a line of its own) -->
  <xsl:template match="g:category" mode="table" priority="1">
    <xsl:if test="not(following-sibling::*[1][not(self::g:category)])">
      <xsl:apply-templates select="." mode="line"/>
    </xsl:if>
  </xsl:template>

  <!-- a row: cells separated by tabs; the first row of a group starts with
       the category, its other rows with an empty field -->
  <xsl:template match="g:thead/* | g:tbody/* | g:group/*" mode="table">
    <xsl:if test="parent::g:group">
      <xsl:apply-templates select="preceding-sibling::*[1][self::g:category]/node()" mode="inline"/>
      <xsl:if test="*">
        <xsl:text>&#9;</xsl:text>
      </xsl:if>
    </xsl:if>
    <xsl:for-each select="*">
      <xsl:if test="position() > 1"><xsl:text>&#9;</xsl:text></xsl:if>
      <xsl:apply-templates mode="inline"/>
    </xsl:for-each>
    <xsl:if test="not(*)">
      <xsl:apply-templates mode="inline"/>
    </xsl:if>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- caption, unit and anything else in a table: a line of the table -->
  <xsl:template match="*" mode="table">
    <xsl:apply-templates mode="inline"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- paragraphs, notes, front matter, items -->
  <xsl:template match="*" mode="line">
    <xsl:apply-templates mode="inline"/>
    <xsl:text>&#10;</xsl:text>
    <!-- 注：①… and the ②… ③… on the lines right after it are one note
         below a table: a blank line would make ② a heading when the text
         is read again -->
    <xsl:choose>
      <xsl:when test="self::g:p and key('p-at', concat(generate-id(..), ':', @line + 1))">
        <xsl:call-template name="note-gap"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="gap"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the blank line after a p that another p follows on the next line,
       unless this p is 注：… or follows one line by line (ten lines at
       most: a note's list is short). Written without a variable: a
       result tree fragment costs a copy of the output so far. -->
  <xsl:template name="note-gap">
    <xsl:param name="depth" select="0"/>
    <xsl:choose>
      <xsl:when test="starts-with(., '注：') or starts-with(., '注:')"/>
      <xsl:when test="$depth &lt; 10 and key('p-at', concat(generate-id(..), ':', @line - 1))">
        <xsl:for-each select="key('p-at', concat(generate-id(..), ':', @line - 1))[1]">
          <xsl:call-template name="note-gap">
            <xsl:with-param name="depth" select="$depth + 1"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:text>&#10;</xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- p, note and anything unknown: a line of text; an element that holds
       only elements is a container of blocks -->
  <xsl:template match="*" mode="block">
    <xsl:choose>
      <xsl:when test="* and not(text()[normalize-space(translate(., '&#12288;', ' ')) != ''])
                      and not(g:num or g:lead or g:ctl or g:term or g:name)">
        <xsl:apply-templates select="*" mode="block"/>
      </xsl:when>
      <xsl:when test="node()">
        <xsl:apply-templates select="." mode="line"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="translate(., '&#9;&#10;&#13;', '   ')"/>
  </xsl:template>

  <!-- 第一章　总则, 专栏1　…, 01　…: a marker ending in a word or a number is
       set off from the text by an ideographic space (white space only) -->
  <xsl:template match="g:num" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:variable name="last" select="substring(., string-length(.))"/>
    <xsl:variable name="next" select="substring(following-sibling::node()[1], 1, 1)"/>
    <xsl:if test="$last != '' and contains('章节篇编0123456789０１２３４５６７８９', $last)
                  and $next != '' and not(contains(' &#12288;&#9;&#10;&#13;', $next))">
      <xsl:text>&#12288;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- a box item's name or a note's term that stood on a line of its own
       (no ：or 。 after it: 01　新一代人工智能 / 前沿基础理论突破…, “春城”品牌 /
       指…) stays on its own line -->
  <xsl:template match="g:box/g:item/g:name | g:note/g:term" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:variable name="next" select="substring(normalize-space(translate(following-sibling::node()[1], '&#12288;', ' ')), 1, 1)"/>
    <xsl:if test="$next != '' and not(contains('：:。.，,；;、', $next))">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- lead, term, name, ctl and anything unknown: its text, in place -->
  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>
</xsl:stylesheet>
