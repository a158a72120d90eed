<?xml version="1.0" encoding="UTF-8"?>
<!-- A gongwen report as Markdown: CommonMark plus GFM pipe tables.
     Usage: gongwen -t markdown FILE, or xsltproc xslt/markdown.xsl report.xml

     Mapping (tests/markdown.sh checks it with cmark and cmark-gfm):
     - front/title: "# " heading, letter spacing (政 府 工 作 报 告) removed.
       Sections are headings one level below their depth: a top-level
       section is "##", and so on, capped at "######". The levels are the
       same whether or not the report has a title.
     - subtitle, author, salutation and the debris kept as front/p:
       paragraphs, text as printed (the subtitle keeps its —— marker).
     - section titles keep their marker (num) and all their text.
     - p: a paragraph; its lead is bold. Sentence punctuation and white
       space that close a lead are put after the closing ** (so
       "**持续抓链条强集群**。实施"), because CommonMark does not close ** that
       stands between punctuation and a letter. If what is still inside
       would not open or close, the punctuation at that edge goes outside
       too, so the bold always renders. A lead with no letter in it (——),
       or with over 64 marks to move at one end, may be left plain.
     - list (—— items): one paragraph per item, starting with its ——
       as the report prints it (a bullet would stand for the dash, and
       renderers show no dash at all), lead bold.
     - box (专栏): a blockquote whose first paragraph is the bold title
       (with its 专栏： marker), then a paragraph per item, keeping its
       number as printed (1. 01 ①) as its only marker, its name bold.
     - table: the caption as a bold paragraph, the unit as a paragraph, then
       a pipe table whose first row is the header. Rows of a group repeat
       the group's category in the first column. The header is padded to
       the widest row so that no cell is lost. A column of numbers (no
       text in it, only numbers, comparisons like ≥80 and — placeholders)
       is right-aligned (a colon after its dashes). A page number a PDF printed across the
       table is left out (a pipe table has no place for it).
     - note: a paragraph, number as printed, term bold. A note that a
       reference (［1］) points to is a footnote, [^1]: with the note's
       number kept after it (set off by a space, so that plain CommonMark
       reads a paragraph rather than a link definition); the reference
       becomes [^1], which GFM renderers and pandoc link both ways. The
       footnote's label is the note's id without its n.
     - any other element: inside running text its text is kept; as a block,
       an element with text of its own is a paragraph of all its text, one
       holding only elements is looked through (its children are blocks),
       and one with no text gives nothing. So page (— 2 —) is a paragraph
       between blocks and stays in place inside one, a toc gives its title
       and each entry as paragraphs, ref (［1］) keeps its text, ctl its
       control picture.
     No hard wrapping: a paragraph or item is one line, blocks are
     separated by one blank line. Text is escaped where CommonMark would
     read it as markup: \ ` * _ [ ] < & ~ everywhere, # in headings, | in
     table cells, and at the start of a block - + # > = and the . or ) of
     "1. " / "2024)" (a list marker only when a space or the end follows).

     Written without result-tree-fragment variables (every with-param and
     variable uses select) and without big node-set unions, as
     xslt/outline.xsl explains: both are quadratic in libxslt. Recursions
     over characters are bounded or split in halves, so a long line cannot
     exhaust the template depth. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:gongwen:report:1"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="g exsl">
  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Characters escaped with a backslash wherever they appear. -->
  <xsl:variable name="ESC" select="'\`*_[]&lt;&amp;~'"/>
  <!-- Unicode white space as CommonMark counts it for emphasis. -->
  <xsl:variable name="WS"
      select="'&#32;&#9;&#160;&#5760;&#8192;&#8193;&#8194;&#8195;&#8196;&#8197;&#8198;&#8199;&#8200;&#8201;&#8202;&#8239;&#8287;&#12288;'"/>
  <!-- Punctuation (Unicode P*): ASCII punctuation and the usual CJK marks. -->
  <xsl:variable name="P" select="concat(
      '!#$%&amp;()*+,-./:;&lt;=&gt;?@[\]^_`{|}~&quot;', &quot;'&quot;,
      '。，、；：？！“”‘’（）《》〈〉【】〔〕〖〗〘〙〚〛「」『』〝〞〟〃〜〰',
      '［］｛｝＂＃％＆＇＊，－．／：；？＠＼＿｟｠｡｢｣､･！',
      '…‥—–―‐‑‒·・‰‱′″‴‹›«»¡¿§¶※‼⁇⁈⁉⁏⁐⁑⁓⁕⁖⁗⁘⁙⁚⁛⁜⁝⁞')"/>
  <!-- Symbols (Unicode S*): punctuation for newer CommonMark, not for
       older; a bold edge next to one is treated like punctuation. -->
  <xsl:variable name="S"
      select="'＋＜＝＞＾｀｜～＄￥￡￠¥£¢°±×÷≥≤≠≈≡∞√∑∏∈∩∪∶∽℃℉№℡™®©¦¬¯´¸¨˙ˉ˜→←↑↓↔■□▲△▼▽●○◆◇★☆〒〓♀♂'"/>
  <!-- What closes a lead and goes after its closing ** -->
  <xsl:variable name="CLOSE"
      select="concat('。，、；：？！.,;:?!', '&#32;&#160;&#12288;')"/>
  <xsl:variable name="DIGITS" select="'0123456789'"/>
  <!-- A reference to a note stands in a line's text as FN_OPEN label
       FN_CLOSE (private-use characters) until esc writes it as [^label]. -->
  <xsl:variable name="FN_OPEN" select="'&#xE000;'"/>
  <xsl:variable name="FN_CLOSE" select="'&#xE001;'"/>
  <!-- A marker ending in one of these (专栏1, 01, 表1, 第一章) is set off
       from the text that follows by an ideographic space, as text.xsl
       does: 专栏1　重点工程 rather than 专栏1重点工程. -->
  <xsl:variable name="GAP_AFTER" select="'章节篇编0123456789０１２３４５６７８９'"/>
  <xsl:key name="note" match="g:note" use="@id"/>
  <!-- The body cells of wide tables (a row of more than WIDE elements) by
       table and column, text and numbers apart, for their delimiter rows:
       looking column i up in every row is quadratic in the width. One tree
       for the whole report, made when first asked for: a tree made while
       text is being written costs a copy of the output so far (see
       xslt/outline.xsl), so not one a table. -->
  <xsl:variable name="WIDE" select="16"/>
  <xsl:key name="number-col" match="number-cell" use="@at"/>
  <xsl:key name="text-col" match="text-cell" use="@at"/>
  <xsl:variable name="wide-cells-tree">
    <xsl:for-each select="//g:table[.//g:row[count(*) &gt; $WIDE]]">
      <xsl:variable name="id" select="generate-id()"/>
      <xsl:for-each select="g:tbody/g:row | g:tbody/g:group/g:row">
        <xsl:variable name="shift" select="number(boolean(parent::g:group))"/>
        <xsl:for-each select="g:cell">
          <xsl:choose>
            <xsl:when test="@type = 'text'"><text-cell at="{$id}:{position() + $shift}"/></xsl:when>
            <xsl:when test="@type = 'number' or @type = 'compare'"><number-cell at="{$id}:{position() + $shift}"/></xsl:when>
          </xsl:choose>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="wide-cells" select="exsl:node-set($wide-cells-tree)"/>
  <xsl:key name="ref" match="g:ref" use="@target"/>
  <xsl:variable name="UPPER" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="LOWER" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*[normalize-space()]" mode="block">
      <xsl:with-param name="first" select="true()"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- ============================================================ blocks
       Every block template starts with the separator: a blank line before
       it unless it is the first output of the document. first: the block's
       parent is the first output; position() is its place among the
       siblings that have text (elements without text give nothing). -->

  <xsl:template name="sep">
    <xsl:param name="first"/>
    <xsl:if test="not($first and position() = 1)">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Containers: report, front, body and unknown elements with no text
       of their own. -->
  <xsl:template match="g:report | g:front | g:body" mode="block">
    <xsl:param name="first"/>
    <xsl:apply-templates select="*[normalize-space()]" mode="block">
      <xsl:with-param name="first" select="$first and position() = 1"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- Anything else: text of its own makes it a paragraph; otherwise its
       children are blocks. -->
  <xsl:template match="*" mode="block">
    <xsl:param name="first"/>
    <xsl:choose>
      <xsl:when test="text()[normalize-space()]">
        <xsl:call-template name="sep">
          <xsl:with-param name="first" select="$first"/>
        </xsl:call-template>
        <xsl:call-template name="start">
          <xsl:with-param name="s" select="normalize-space()"/>
        </xsl:call-template>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="*[normalize-space()]" mode="block">
          <xsl:with-param name="first" select="$first and position() = 1"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The report title: level 1; spaces between CJK letters dropped. -->
  <xsl:template match="g:front/g:title" mode="block">
    <xsl:param name="first"/>
    <xsl:call-template name="sep">
      <xsl:with-param name="first" select="$first"/>
    </xsl:call-template>
    <xsl:text># </xsl:text>
    <xsl:choose>
      <xsl:when test="translate(., concat($UPPER, $LOWER), '') = string(.)">
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="normalize-space(translate(., ' &#12288;', ''))"/>
          <xsl:with-param name="c" select="concat($ESC, '#')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="normalize-space()"/>
          <xsl:with-param name="c" select="concat($ESC, '#')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:front/g:subtitle | g:front/g:author | g:front/g:salutation" mode="block">
    <xsl:param name="first"/>
    <xsl:call-template name="sep">
      <xsl:with-param name="first" select="$first"/>
    </xsl:call-template>
    <xsl:call-template name="start">
      <xsl:with-param name="s" select="normalize-space()"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A section: its heading, then its blocks. -->
  <xsl:template match="g:section" mode="block">
    <xsl:param name="first"/>
    <xsl:variable name="depth" select="count(ancestor-or-self::g:section) + 1"/>
    <!-- 第一章 and the like are followed by a space, as printed -->
    <xsl:variable name="num" select="normalize-space(g:title/g:num)"/>
    <xsl:variable name="all" select="normalize-space(g:title)"/>
    <xsl:variable name="t" select="concat($num,
        substring(' ', 1, $num != '' and starts-with($all, $num)
                          and contains(' bian pian bufen zhang jie ', concat(' ', @family, ' '))
                          and not(starts-with(substring($all, string-length($num) + 1), ' '))),
        substring($all, string-length($num) + 1))"/>
    <xsl:call-template name="sep">
      <xsl:with-param name="first" select="$first"/>
    </xsl:call-template>
    <xsl:value-of select="substring('######', 1, $depth)"/>
    <xsl:if test="$t != ''">
      <xsl:text> </xsl:text>
      <xsl:call-template name="esc">
        <xsl:with-param name="s" select="$t"/>
        <xsl:with-param name="c" select="concat($ESC, '#')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:text>&#10;</xsl:text>
    <xsl:apply-templates select="*[not(self::g:title)][normalize-space()]" mode="block">
      <xsl:with-param name="first" select="false()"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- A paragraph, its lead bold. -->
  <xsl:template match="g:p" mode="block">
    <xsl:param name="first"/>
    <xsl:call-template name="sep">
      <xsl:with-param name="first" select="$first"/>
    </xsl:call-template>
    <xsl:call-template name="with-refs">
      <xsl:with-param name="w" select="normalize-space()"/>
      <xsl:with-param name="b" select="normalize-space(g:lead)"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- line, with the text of each reference to a footnote (a note that
       has a number) replaced by the footnote's label, one reference after
       the other: refs are the element's refs still to be replaced. -->
  <xsl:template name="with-refs">
    <xsl:param name="w"/>
    <xsl:param name="n" select="''"/>
    <xsl:param name="b" select="''"/>
    <xsl:param name="refs" select=".//g:ref[key('note', @target)/g:num]"/>
    <xsl:variable name="t" select="normalize-space($refs[1])"/>
    <xsl:choose>
      <xsl:when test="$refs and $t != '' and contains($w, $t)">
        <xsl:call-template name="with-refs">
          <xsl:with-param name="w" select="concat(substring-before($w, $t), $FN_OPEN,
              substring($refs[1]/@target, 2), $FN_CLOSE, substring-after($w, $t))"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="b" select="$b"/>
          <xsl:with-param name="refs" select="$refs[position() &gt; 1]"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$refs">
        <xsl:call-template name="with-refs">
          <xsl:with-param name="w" select="$w"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="b" select="$b"/>
          <xsl:with-param name="refs" select="$refs[position() &gt; 1]"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="line">
          <xsl:with-param name="w" select="$w"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="b" select="$b"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An end note or glossary entry: number, bold term, text; a footnote
       when something refers to it. -->
  <xsl:template match="g:note[key('ref', @id) and normalize-space(g:num) != '']" mode="block" priority="1">
    <xsl:param name="first"/>
    <xsl:variable name="all" select="normalize-space()"/>
    <xsl:variable name="num" select="normalize-space(g:num)"/>
    <xsl:call-template name="sep">
      <xsl:with-param name="first" select="$first"/>
    </xsl:call-template>
    <xsl:value-of select="concat('[^', substring(@id, 2), ']: ')"/>
    <xsl:call-template name="line">
      <xsl:with-param name="w" select="concat($num, ' ', normalize-space(substring($all, string-length($num) + 1)))"/>
      <xsl:with-param name="n" select="$num"/>
      <xsl:with-param name="b" select="normalize-space(g:term)"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:note" mode="block">
    <xsl:param name="first"/>
    <xsl:call-template name="sep">
      <xsl:with-param name="first" select="$first"/>
    </xsl:call-template>
    <xsl:call-template name="line">
      <xsl:with-param name="w" select="normalize-space()"/>
      <xsl:with-param name="n" select="normalize-space(g:num)"/>
      <xsl:with-param name="b" select="normalize-space(g:term)"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- —— items: a paragraph each, the dash kept. -->
  <xsl:template match="g:list" mode="block">
    <xsl:param name="first"/>
    <xsl:for-each select="*[normalize-space()]">
      <xsl:call-template name="sep">
        <xsl:with-param name="first" select="$first and position() = 1"/>
      </xsl:call-template>
      <xsl:apply-templates select="." mode="dash"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="g:item" mode="dash">
    <xsl:call-template name="with-refs">
      <xsl:with-param name="w" select="normalize-space()"/>
      <xsl:with-param name="n" select="normalize-space(g:num)"/>
      <xsl:with-param name="b" select="normalize-space(g:lead)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="*" mode="dash">
    <xsl:call-template name="start">
      <xsl:with-param name="s" select="normalize-space()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- 专栏: a blockquote, bold title, then a list of the items; a box set
       as a table has its table below the quote (a pipe table cannot be
       quoted line by line here). -->
  <xsl:template match="g:box" mode="block">
    <xsl:param name="first"/>
    <xsl:variable name="t0" select="normalize-space(g:title)"/>
    <xsl:variable name="tn" select="normalize-space(g:title/g:num)"/>
    <xsl:variable name="t" select="concat(substring($t0, 1, string-length($tn) * starts-with($t0, $tn)),
        substring('&#12288;', 1, $tn != '' and starts-with($t0, $tn) and string-length($t0) &gt; string-length($tn)
            and contains($GAP_AFTER, substring($tn, string-length($tn)))),
        substring($t0, 1 + string-length($tn) * starts-with($t0, $tn)))"/>
    <xsl:call-template name="sep">
      <xsl:with-param name="first" select="$first"/>
    </xsl:call-template>
    <xsl:if test="$t != ''">
      <xsl:text>&gt; </xsl:text>
      <xsl:call-template name="strong">
        <xsl:with-param name="s" select="$t"/>
        <xsl:with-param name="start" select="true()"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="*[not(self::g:title or self::g:table)][normalize-space()]">
        <xsl:text>&gt;&#10;</xsl:text>
      </xsl:if>
    </xsl:if>
    <xsl:for-each select="*[not(self::g:title or self::g:table)][normalize-space()]">
      <xsl:choose>
        <!-- a page break inside the box: its text as a paragraph of the quote -->
        <xsl:when test="self::g:page">
          <xsl:if test="preceding-sibling::*[1][self::g:item]">
            <xsl:text>&gt;&#10;</xsl:text>
          </xsl:if>
          <xsl:text>&gt; </xsl:text>
          <xsl:call-template name="line">
            <xsl:with-param name="w" select="normalize-space()"/>
          </xsl:call-template>
          <xsl:text>&#10;&gt;&#10;</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="position() &gt; 1 and not(preceding-sibling::*[1][self::g:page])">
            <xsl:text>&gt;&#10;</xsl:text>
          </xsl:if>
          <xsl:text>&gt; </xsl:text>
          <xsl:variable name="all" select="normalize-space()"/>
          <xsl:variable name="num" select="normalize-space(g:num)"/>
          <xsl:call-template name="with-refs">
            <xsl:with-param name="w" select="concat(substring($all, 1, string-length($num) * starts-with($all, $num)),
                substring('&#12288;', 1, $num != '' and starts-with($all, $num) and string-length($all) &gt; string-length($num)
                    and contains($GAP_AFTER, substring($num, string-length($num)))),
                substring($all, 1 + string-length($num) * starts-with($all, $num)))"/>
            <xsl:with-param name="n" select="$num"/>
            <xsl:with-param name="b" select="normalize-space(g:name)"/>
          </xsl:call-template>
          <xsl:text>&#10;</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:apply-templates select="g:table" mode="block">
      <xsl:with-param name="first" select="false()"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- A table: caption, unit, the pipe table, then anything else. -->
  <xsl:template match="g:table" mode="block">
    <xsl:param name="first"/>
    <xsl:variable name="cap" select="normalize-space(g:caption)"/>
    <xsl:variable name="unit" select="normalize-space(g:unit)"/>
    <xsl:variable name="cells" select="boolean(.//g:row/*)"/>
    <xsl:variable name="own" select="$cap != '' or $unit != '' or $cells"/>
    <xsl:if test="$own">
      <xsl:call-template name="sep">
        <xsl:with-param name="first" select="$first"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$cap != ''">
      <xsl:call-template name="strong">
        <xsl:with-param name="s" select="$cap"/>
        <xsl:with-param name="start" select="true()"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$unit != ''">
      <xsl:if test="$cap != ''">
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:call-template name="start">
        <xsl:with-param name="s" select="$unit"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$cells">
      <xsl:if test="$cap != '' or $unit != ''">
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <!-- the widest row (a row of a group also holds the category) -->
      <xsl:for-each select=".//g:row">
        <xsl:sort select="count(*) + count(parent::g:group)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1">
          <xsl:call-template name="pipe-table">
            <xsl:with-param name="t" select="ancestor::g:table[1]"/>
            <xsl:with-param name="m" select="count(*) + count(parent::g:group)"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
    <xsl:apply-templates mode="block"
        select="*[not(self::g:caption or self::g:unit or self::g:thead or self::g:tbody)][normalize-space()]">
      <xsl:with-param name="first" select="$first and position() = 1 and not($own)"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template name="pipe-table">
    <xsl:param name="t"/>
    <xsl:param name="m"/>
    <xsl:variable name="head" select="$t/g:thead/g:row[1]"/>
    <xsl:text>|</xsl:text>
    <xsl:for-each select="$head/*">
      <xsl:call-template name="cell"/>
    </xsl:for-each>
    <xsl:call-template name="repeat">
      <xsl:with-param name="s" select="'  |'"/>
      <xsl:with-param name="n" select="$m - count($head/*)"/>
    </xsl:call-template>
    <xsl:text>&#10;|</xsl:text>
    <xsl:call-template name="delims">
      <xsl:with-param name="t" select="$t"/>
      <xsl:with-param name="m" select="$m"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
    <xsl:for-each select="$t/g:thead/g:row[position() > 1]">
      <xsl:call-template name="row"/>
    </xsl:for-each>
    <!-- a page number printed across the table is no row of it -->
    <xsl:for-each select="$t/g:tbody/*[not(self::g:page)]">
      <xsl:choose>
        <xsl:when test="self::g:group">
          <xsl:variable name="cat" select="g:category"/>
          <xsl:for-each select="*[not(self::g:category or self::g:page)]">
            <xsl:call-template name="row">
              <xsl:with-param name="cat" select="$cat"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="row"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The delimiter row: a colon after the dashes under a column of numbers (some number or
       comparison, no text), plain dashes elsewhere. Column i of a group's row is
       its cell i - 1: the category comes first. -->
  <!-- Columns i to m, in halves: the template depth grows with log m, where
       one call a column exhausted libxslt's depth on a table of thousands
       of columns. -->
  <xsl:template name="delims">
    <xsl:param name="t"/>
    <xsl:param name="m"/>
    <xsl:param name="i" select="1"/>
    <xsl:param name="wide" select="boolean($t//g:row[count(*) &gt; $WIDE])"/>
    <xsl:choose>
      <xsl:when test="$i &lt; $m">
        <xsl:variable name="half" select="floor(($i + $m) div 2)"/>
        <xsl:call-template name="delims">
          <xsl:with-param name="t" select="$t"/>
          <xsl:with-param name="m" select="$half"/>
          <xsl:with-param name="i" select="$i"/>
          <xsl:with-param name="wide" select="$wide"/>
        </xsl:call-template>
        <xsl:call-template name="delims">
          <xsl:with-param name="t" select="$t"/>
          <xsl:with-param name="m" select="$m"/>
          <xsl:with-param name="i" select="$half + 1"/>
          <xsl:with-param name="wide" select="$wide"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$i = $m and $wide">
        <xsl:variable name="at" select="concat(generate-id($t), ':', $i)"/>
        <xsl:for-each select="$wide-cells">
          <xsl:choose>
            <xsl:when test="key('number-col', $at) and not(key('text-col', $at))"> ---: |</xsl:when>
            <xsl:otherwise> --- |</xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$i = $m">
        <xsl:variable name="cells" select="$t/g:tbody/g:row/g:cell[$i] | $t/g:tbody/g:group/g:row/g:cell[$i - 1]"/>
        <xsl:choose>
          <xsl:when test="$cells[@type = 'number' or @type = 'compare'] and not($cells[@type = 'text'])"> ---: |</xsl:when>
          <xsl:otherwise> --- |</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="row">
    <xsl:param name="cat" select="/.."/>
    <xsl:text>|</xsl:text>
    <xsl:for-each select="$cat">
      <xsl:call-template name="cell"/>
    </xsl:for-each>
    <xsl:for-each select="*">
      <xsl:call-template name="cell"/>
    </xsl:for-each>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="cell">
    <xsl:text> </xsl:text>
    <xsl:call-template name="esc">
      <xsl:with-param name="s" select="normalize-space()"/>
      <xsl:with-param name="c" select="concat($ESC, '|')"/>
    </xsl:call-template>
    <xsl:text> |</xsl:text>
  </xsl:template>

  <!-- ============================================================ lines -->

  <!-- One line of text w: the prefix n (kept as is) and the bold part b,
       if w starts with them (a space may stand between), then the rest. -->
  <xsl:template name="line">
    <xsl:param name="w"/>
    <xsl:param name="n" select="''"/>
    <xsl:param name="b" select="''"/>
    <xsl:variable name="r1" select="substring($w, string-length($n) + 1)"/>
    <!-- the ideographic space a marker was given (01　新一代人工智能) is
         skipped, unless the bold part itself starts with one -->
    <xsl:variable name="r2" select="substring($r1, 1 + (starts-with($r1, ' ')
        or (starts-with($r1, '&#12288;') and not(starts-with($r1, $b)))))"/>
    <xsl:choose>
      <xsl:when test="$b != '' and starts-with($w, $n) and starts-with($r2, $b)">
        <xsl:variable name="pre" select="substring($w, 1, string-length($w) - string-length($r2))"/>
        <xsl:variable name="rest" select="substring($r2, string-length($b) + 1)"/>
        <xsl:call-template name="start">
          <xsl:with-param name="s" select="$pre"/>
          <xsl:with-param name="after" select="$b"/>
        </xsl:call-template>
        <xsl:call-template name="strong">
          <xsl:with-param name="s" select="$b"/>
          <xsl:with-param name="prev" select="substring($pre, string-length($pre))"/>
          <xsl:with-param name="next" select="substring($rest, 1, 1)"/>
          <xsl:with-param name="start" select="$pre = ''"/>
        </xsl:call-template>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="$rest"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="start">
          <xsl:with-param name="s" select="$w"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Text at the start of a block: escape what would open another block:
       - + # > = always, the . or ) after up to 9 digits when a space or
       the end follows ("2024. ", "1)"; "1.5万" and "1.总则" stay). -->
  <xsl:template name="start">
    <xsl:param name="s"/>
    <xsl:param name="after" select="''"/>  <!-- what follows s on the line -->
    <xsl:param name="i" select="0"/>
    <xsl:variable name="f" select="substring($s, $i + 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$i = 0 and $f != '' and contains('-+#&gt;=', $f)">
        <xsl:value-of select="concat('\', $f)"/>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="substring($s, 2)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$i &lt; 10 and $f != '' and contains($DIGITS, $f)">
        <xsl:call-template name="start">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="after" select="$after"/>
          <xsl:with-param name="i" select="$i + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$i > 0 and $f != '' and contains('.)', $f)
                      and contains(' &#9;', substring(concat($s, $after), $i + 2, 1))">
        <xsl:value-of select="concat(substring($s, 1, $i), '\')"/>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="substring($s, $i + 1)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="$s"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ bold
       s between ** that CommonMark renders strong. Steps: (1) the closing
       punctuation and space of s go after the closing **; (2) if the last
       character inside is not a letter and what follows the ** is not
       space or punctuation, the trailing non-letters go outside too;
       (3) likewise at the start, when the first character inside is not a
       letter and what precedes the ** is not space, punctuation or the
       start of the line. prev/next: the characters around s ('' at the
       ends of the line); start: s opens the block. -->
  <xsl:template name="strong">
    <xsl:param name="s"/>
    <xsl:param name="prev" select="''"/>
    <xsl:param name="next" select="''"/>
    <xsl:param name="start" select="false()"/>
    <xsl:param name="i" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="$i = string-length($s) and translate($s, concat($P, $S, $WS), '') = ''">
        <!-- no letter to make bold (a lead of only —— or 。) -->
        <xsl:call-template name="strong-start">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="start" select="$start"/>
          <xsl:with-param name="j" select="0"/>
          <xsl:with-param name="k" select="1"/>
          <xsl:with-param name="peel" select="false()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$i > 0 and string-length($s) - $i &lt; 64
                      and contains($CLOSE, substring($s, $i, 1))">
        <xsl:call-template name="strong">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="prev" select="$prev"/>
          <xsl:with-param name="next" select="$next"/>
          <xsl:with-param name="start" select="$start"/>
          <xsl:with-param name="i" select="$i - 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="tail" select="substring($s, $i + 1)"/>
        <xsl:variable name="after" select="concat(substring($tail, 1, 1), substring($next, 1, $tail = ''))"/>
        <xsl:variable name="last" select="substring($s, $i, 1)"/>
        <xsl:call-template name="strong-end">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="prev" select="$prev"/>
          <xsl:with-param name="start" select="$start"/>
          <xsl:with-param name="j" select="$i"/>
          <xsl:with-param name="peel"
              select="$i > 0 and (contains($WS, $last) or contains($P, $last) or contains($S, $last))
                      and not($after = '' or contains($WS, $after) or contains($P, $after))"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- (2) j: the bold part is s[1..j]; peel: take non-letters off its end -->
  <xsl:template name="strong-end">
    <xsl:param name="s"/>
    <xsl:param name="prev"/>
    <xsl:param name="start"/>
    <xsl:param name="j"/>
    <xsl:param name="peel"/>
    <xsl:variable name="c" select="substring($s, $j, 1)"/>
    <xsl:choose>
      <xsl:when test="$peel and $j > 0 and string-length($s) - $j &lt; 64
                      and (contains($WS, $c) or contains($P, $c) or contains($S, $c))">
        <xsl:call-template name="strong-end">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="prev" select="$prev"/>
          <xsl:with-param name="start" select="$start"/>
          <xsl:with-param name="j" select="$j - 1"/>
          <xsl:with-param name="peel" select="true()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="f" select="substring($s, 1, 1)"/>
        <xsl:call-template name="strong-start">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="start" select="$start"/>
          <!-- still a non-letter at the end after 64 steps: no bold -->
          <xsl:with-param name="j" select="$j * not($peel and $j > 0
              and (contains($WS, $c) or contains($P, $c) or contains($S, $c)))"/>
          <xsl:with-param name="k" select="1"/>
          <xsl:with-param name="peel"
              select="$j > 0 and (contains($WS, $f)
                      or ((contains($P, $f) or contains($S, $f))
                          and not($prev = '' or contains($WS, $prev) or contains($P, $prev))))"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- (3) the bold part is s[k..j]; peel: take non-letters off its start -->
  <xsl:template name="strong-start">
    <xsl:param name="s"/>
    <xsl:param name="start"/>
    <xsl:param name="j"/>
    <xsl:param name="k"/>
    <xsl:param name="peel"/>
    <xsl:variable name="c" select="substring($s, $k, 1)"/>
    <xsl:choose>
      <xsl:when test="$peel and $k &lt;= $j and $k &lt; 64
                      and (contains($WS, $c) or contains($P, $c) or contains($S, $c))">
        <xsl:call-template name="strong-start">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="start" select="$start"/>
          <xsl:with-param name="j" select="$j"/>
          <xsl:with-param name="k" select="$k + 1"/>
          <xsl:with-param name="peel" select="true()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$k > $j or ($peel and $k >= 64)">
        <!-- nothing left to make bold: plain text -->
        <xsl:choose>
          <xsl:when test="$start">
            <xsl:call-template name="start">
              <xsl:with-param name="s" select="$s"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="esc">
              <xsl:with-param name="s" select="$s"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$start">
            <xsl:call-template name="start">
              <xsl:with-param name="s" select="substring($s, 1, $k - 1)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="esc">
              <xsl:with-param name="s" select="substring($s, 1, $k - 1)"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>**</xsl:text>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="substring($s, $k, $j - $k + 1)"/>
        </xsl:call-template>
        <xsl:text>**</xsl:text>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="substring($s, $j + 1)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ text -->

  <!-- s with a backslash before every character of c. Long strings that
       need escaping are split in halves first (escaping is per character),
       which keeps the recursion shallow. -->
  <xsl:template name="esc">
    <xsl:param name="s"/>
    <xsl:param name="c" select="$ESC"/>
    <xsl:choose>
      <xsl:when test="contains($s, $FN_OPEN)">
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="substring-before($s, $FN_OPEN)"/>
          <xsl:with-param name="c" select="$c"/>
        </xsl:call-template>
        <xsl:value-of select="concat('[^', substring-before(substring-after($s, $FN_OPEN), $FN_CLOSE), ']')"/>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="substring-after($s, $FN_CLOSE)"/>
          <xsl:with-param name="c" select="$c"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$c = '' or translate($s, $c, '') = $s">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:when test="string-length($s) > 128">
        <xsl:variable name="h" select="floor(string-length($s) div 2)"/>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="substring($s, 1, $h)"/>
          <xsl:with-param name="c" select="$c"/>
        </xsl:call-template>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="substring($s, $h + 1)"/>
          <xsl:with-param name="c" select="$c"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="x" select="substring($c, 1, 1)"/>
        <xsl:choose>
          <xsl:when test="contains($s, $x)">
            <xsl:call-template name="esc">
              <xsl:with-param name="s" select="substring-before($s, $x)"/>
              <xsl:with-param name="c" select="substring($c, 2)"/>
            </xsl:call-template>
            <xsl:value-of select="concat('\', $x)"/>
            <xsl:call-template name="esc">
              <xsl:with-param name="s" select="substring-after($s, $x)"/>
              <xsl:with-param name="c" select="$c"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="esc">
              <xsl:with-param name="s" select="$s"/>
              <xsl:with-param name="c" select="substring($c, 2)"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- s n times (halving, so n may be large) -->
  <xsl:template name="repeat">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:if test="$n >= 1">
      <xsl:if test="$n mod 2 = 1">
        <xsl:value-of select="$s"/>
      </xsl:if>
      <xsl:if test="$n >= 2">
        <xsl:call-template name="repeat">
          <xsl:with-param name="s" select="concat($s, $s)"/>
          <xsl:with-param name="n" select="floor($n div 2)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
