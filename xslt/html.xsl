<?xml version="1.0" encoding="UTF-8"?>
<!-- A gongwen report as a standalone HTML5 page, ready to publish: title
     block, table of contents, sections with their ids (#s2.3), leads,
     dash lists, 专栏 boxes, indicator tables, notes; CSS for Chinese text
     (CJK font stacks, 1.9 line height, a 38em measure, print and dark
     mode) embedded in the page. No JavaScript.

     Usage: xsltproc xslt/html.xsl report.xml   or   gongwen -t html FILE
     Parameters (strings, as given with gongwen's param option or
     xsltproc's stringparam):
       css             if non-empty, link this stylesheet URL instead of
                       embedding the house CSS
       standalone      1 (default): a whole page; 0: only the <article>
                       element, for a CMS page that brings its own shell
       toc-depth       headings down to this depth are listed in the
                       table of contents (default 2; 0: no table of contents)
       heading-offset  added to the heading levels (default 0: the
                       document's title is the one h1, the parts (一、,
                       第一章) are h2; 1 for a CMS whose page already has
                       an h1)
       title           the page's <title> (and, when the report has no
                       title of its own, an h1 above it); default: the
                       front matter's title, with the page heading above
                       it or the subtitle's date and meeting
       print-toc       1: print the table of contents too (default: only
                       on screen)

     Written in the house style of outline.xsl: no result-tree-fragment
     variables (they make libxslt copy the output so far, quadratic time)
     and no big node-set unions; every template walks the tree once.

     The page shell (doctype, html, head, meta) is written as unescaped
     text, not as elements: given an html element with a head, libxslt's
     HTML serializer inserts a meta http-equiv Content-Type next to our
     meta charset, and HTML5 forbids having both. Everything from <body>
     on is built as elements. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:gongwen:report:1"
    exclude-result-prefixes="g">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <!-- gw:accept: the values gongwen lets through (src/params.h) -->
  <xsl:param name="css" select="''"/>
  <xsl:param name="standalone" select="'1'" xmlns:gw="urn:gongwen:param" gw:accept="1 0 yes no true false"/>
  <xsl:param name="toc-depth" select="'2'" xmlns:gw="urn:gongwen:param" gw:accept="0.."/>
  <xsl:param name="heading-offset" select="'0'" xmlns:gw="urn:gongwen:param" gw:accept="0..5"/>
  <xsl:param name="title" select="''"/>
  <xsl:param name="print-toc" select="'0'" xmlns:gw="urn:gongwen:param" gw:accept="0 1"/>

  <!-- Parameters arrive as strings; anything that is not a number falls
       back to the default. -->
  <xsl:variable name="toc-n"
      select="number(concat(substring($toc-depth, 1 div (string(number($toc-depth)) != 'NaN')),
                            substring('2', 1 div (string(number($toc-depth)) = 'NaN'))))"/>
  <xsl:variable name="offset"
      select="floor(concat(substring($heading-offset, 1 div (string(number($heading-offset)) != 'NaN')),
                            substring('0', 1 div (string(number($heading-offset)) = 'NaN'))))"/>
  <!-- the document title's heading element -->
  <xsl:variable name="h-title"
      select="concat('h', 1 + $offset - ($offset - 5) * ($offset &gt; 5) - $offset * ($offset &lt; 0))"/>
  <xsl:variable name="whole"
      select="not(string($standalone) = '0' or string($standalone) = 'no' or string($standalone) = 'false')"/>

  <!-- The first reference to each note carries the id its back-link uses. -->
  <xsl:key name="refs" match="g:ref" use="@target"/>
  <!-- a table's header cell by its column (a cell's data-label) -->
  <xsl:key name="head-cell" match="g:thead/g:row[1]/g:cell"
           use="concat(generate-id(ancestor::g:table[1]), ':', count(preceding-sibling::g:cell) + 1)"/>

  <!-- ============================================================ page -->

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$whole">
        <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;
&lt;html lang="zh-CN"&gt;
&lt;head&gt;
&lt;meta charset="utf-8"&gt;
&lt;meta name="viewport" content="width=device-width, initial-scale=1"&gt;
&lt;meta name="generator" content="gongwen"&gt;
</xsl:text>
        <title><xsl:call-template name="page-title"/></title>
        <xsl:text>&#10;</xsl:text>
        <xsl:choose>
          <xsl:when test="string($css) != ''">
            <link rel="stylesheet" href="{$css}"/>
          </xsl:when>
          <xsl:otherwise>
            <style><xsl:call-template name="css"/></style>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text disable-output-escaping="yes">
&lt;/head&gt;
</xsl:text>
        <body>
          <xsl:text>&#10;</xsl:text>
          <main>
            <xsl:text>&#10;</xsl:text>
            <xsl:apply-templates select="*"/>
          </main>
          <xsl:text>&#10;</xsl:text>
        </body>
        <!-- the serializer ends the output with a newline -->
        <xsl:text disable-output-escaping="yes">
&lt;/html&gt;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="*"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The page's title, from the front matter: a page heading above the
       title that holds it (2010年国务院政府工作报告; not a breadcrumb
       "当前位置：首页 > …" nor a photo caption), else the title and the
       subtitle (政府工作报告——2012年3月5日在第十一届全国人民代表大会第五次
       会议上), else the title. Without one: 政府工作报告 for a speech
       (各位代表), else the name a plan gives itself in its preface
       (编制《…纲要》（以下简称《纲要》）), else the first heading. Letter spacing (政 府 工 作 报 告,
       序  言) is dropped. The title parameter overrides all of this. -->
  <xsl:template name="page-title">
    <xsl:variable name="front" select="/*/g:front"/>
    <xsl:variable name="t">
      <xsl:call-template name="unspaced">
        <xsl:with-param name="s" select="$front/g:title[1]"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="heading"
        select="$front/g:title[1]/preceding-sibling::g:p[contains(translate(., ' &#12288;', ''), $t)]
                [string-length(normalize-space(.)) &lt;= 40]
                [not(contains(., '，') or contains(., '：') or contains(., '&gt;') or contains(., '＞') or contains(., '»'))][1]"/>
    <xsl:variable name="sub" select="$front/g:title[1]/following-sibling::g:subtitle[1]"/>
    <xsl:variable name="first" select="/*/g:body/descendant::g:section[1]/g:title"/>
    <xsl:variable name="naming"
        select="(/*/g:front/g:p | /*/g:body/descendant::g:section[1]/g:p[position() &lt;= 3])
                [contains(., '》（以下简称')][1]"/>
    <xsl:choose>
      <xsl:when test="normalize-space($title) != ''">
        <xsl:value-of select="normalize-space($title)"/>
      </xsl:when>
      <xsl:when test="$t != '' and $heading">
        <xsl:value-of select="normalize-space(translate($heading, '&#12288;', ' '))"/>
      </xsl:when>
      <xsl:when test="$t != '' and normalize-space(substring($sub, string-length($sub/g:num) + 1)) != ''">
        <xsl:value-of select="concat($t, '——', normalize-space(translate(substring($sub, string-length($sub/g:num) + 1), '&#12288;', ' ')))"/>
      </xsl:when>
      <xsl:when test="$t != ''">
        <xsl:value-of select="$t"/>
      </xsl:when>
      <xsl:when test="$front/g:salutation or /*/g:body//g:p[@role = 'address']">政府工作报告</xsl:when>
      <!-- a plan without a title line names itself in its preface:
           编制《…纲要》（以下简称《纲要》） -->
      <xsl:when test="$naming">
        <xsl:call-template name="after-last">
          <xsl:with-param name="s" select="substring-before($naming, '》（以下简称')"/>
          <xsl:with-param name="sep" select="'《'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="normalize-space(substring($first, string-length($first/g:num) + 1)) != ''">
        <xsl:call-template name="unspaced">
          <xsl:with-param name="s" select="substring($first, string-length($first/g:num) + 1)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>政府工作报告</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- what follows the last sep in s (s when there is none) -->
  <xsl:template name="after-last">
    <xsl:param name="s"/>
    <xsl:param name="sep"/>
    <xsl:choose>
      <xsl:when test="contains($s, $sep)">
        <xsl:call-template name="after-last">
          <xsl:with-param name="s" select="substring-after($s, $sep)"/>
          <xsl:with-param name="sep" select="$sep"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($s)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- s with white space collapsed, and without its spaces when every
       other character is one (letter spacing). -->
  <xsl:template name="unspaced">
    <xsl:param name="s"/>
    <xsl:variable name="t" select="normalize-space(translate($s, '&#12288;', ' '))"/>
    <xsl:variable name="bare" select="translate($t, ' ', '')"/>
    <xsl:choose>
      <xsl:when test="string-length($bare) &gt; 1 and string-length($bare) * 2 - 1 = string-length($t)">
        <xsl:value-of select="$bare"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The article: the title block (with the table of contents before the
       salutation, so 各位代表： leads straight into the speech), then the
       body. Without front matter the table of contents opens the article. -->
  <xsl:template match="g:report">
    <article class="report">
      <xsl:text>&#10;</xsl:text>
      <!-- a title given for a report that has none is its heading -->
      <xsl:if test="normalize-space($title) != '' and not(g:front/g:title)">
        <header class="front">
          <xsl:element name="{$h-title}">
            <xsl:attribute name="class">doc-title</xsl:attribute>
            <xsl:value-of select="normalize-space($title)"/>
          </xsl:element>
        </header>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:if test="not(g:front)">
        <xsl:call-template name="toc"/>
      </xsl:if>
      <xsl:apply-templates select="*"/>
    </article>
    <xsl:if test="$whole">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="g:report/g:front">
    <header class="front">
      <xsl:text>&#10;</xsl:text>
      <xsl:variable name="k"
          select="count(g:salutation[1]/preceding-sibling::*) + count(*) * not(g:salutation)"/>
      <xsl:apply-templates select="*[position() &lt;= $k]"/>
      <xsl:call-template name="toc"/>
      <xsl:apply-templates select="*[position() &gt; $k]"/>
    </header>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:report/g:body">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- A letter-spaced title (政 府 工 作 报 告) is shown without its spaces,
       so it reads, copies and searches as words; CSS spaces it. -->
  <xsl:template match="g:front/g:title">
    <xsl:element name="{$h-title}">
      <xsl:attribute name="class">doc-title</xsl:attribute>
      <xsl:choose>
        <xsl:when test="*"><xsl:apply-templates/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="unspaced">
            <xsl:with-param name="s" select="."/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:front/g:subtitle | g:front/g:author | g:front/g:salutation">
    <p class="{local-name()}"><xsl:apply-templates/></p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Lines above the title: page headings, datelines, credits. -->
  <xsl:template match="g:front/g:p">
    <p class="front-extra"><xsl:apply-templates/></p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ============================================== table of contents -->

  <xsl:template name="toc">
    <xsl:if test="$toc-n &gt;= 1 and /*/g:body/g:section">
      <nav aria-label="目录">
        <xsl:attribute name="class">
          <xsl:text>contents</xsl:text>
          <xsl:if test="string($print-toc) = '1'"> print</xsl:if>
        </xsl:attribute>
        <xsl:text>&#10;</xsl:text>
        <p class="contents-title">目录</p>
        <xsl:text>&#10;</xsl:text>
        <ol>
          <xsl:text>&#10;</xsl:text>
          <xsl:apply-templates select="/*/g:body/g:section" mode="toc"/>
        </ol>
        <xsl:text>&#10;</xsl:text>
      </nav>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- An entry: the title as a link, its marker shown, a run-in title's
       closing 。 cut (as the outline does), page lines and note
       references left out. -->
  <xsl:template match="g:section" mode="toc">
    <xsl:param name="level" select="1"/>
    <li>
      <a href="#{@id}"><xsl:apply-templates select="g:title/node()" mode="toc-title"/></a>
      <xsl:if test="$level &lt; $toc-n and g:section">
        <xsl:text>&#10;</xsl:text>
        <ol>
          <xsl:text>&#10;</xsl:text>
          <xsl:apply-templates select="g:section" mode="toc">
            <xsl:with-param name="level" select="$level + 1"/>
          </xsl:apply-templates>
        </ol>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </li>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:num" mode="toc-title">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template match="g:page | g:ref" mode="toc-title"/>

  <xsl:template match="*" mode="toc-title">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="text()" mode="toc-title">
    <xsl:choose>
      <xsl:when test="following-sibling::text()">
        <xsl:value-of select="."/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="t" select="normalize-space(.)"/>
        <xsl:variable name="last" select="substring($t, string-length($t))"/>
        <xsl:value-of select="substring($t, 1, string-length($t) - ($last != '' and contains('。！？!?', $last)))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================= sections -->

  <!-- A run-in section (the title is the first sentence of a paragraph)
       reads as in print: the heading, inline and bold, opens the
       paragraph that continues its line. -->
  <xsl:template match="g:section">
    <xsl:variable name="rest"
        select="g:title[../@runin = 'true']/following-sibling::*[1]/self::g:p[@line = ../g:title/@line]"/>
    <section id="{@id}">
      <xsl:attribute name="class">
        <xsl:value-of select="concat('depth-', count(ancestor-or-self::g:section), ' ', @family)"/>
        <xsl:if test="@runin = 'true'"> runin</xsl:if>
        <xsl:if test="@inferred = 'true'"> inferred</xsl:if>
      </xsl:attribute>
      <xsl:text>&#10;</xsl:text>
      <xsl:choose>
        <xsl:when test="$rest">
          <div class="runin-para">
            <xsl:call-template name="heading">
              <xsl:with-param name="class" select="'runin-head'"/>
            </xsl:call-template>
            <p class="runin-body"><xsl:apply-templates select="$rest/node()"/></p>
          </div>
          <xsl:text>&#10;</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="heading"/>
          <xsl:text>&#10;</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="*[not(self::g:title) and count(. | $rest) != count($rest)]"/>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- h2..h6 by depth, below the title's h1; deeper sections stay h6,
       marked deep. (A negative heading-offset stops at h1.) -->
  <xsl:template name="heading">
    <xsl:param name="class" select="''"/>
    <xsl:variable name="d" select="count(ancestor-or-self::g:section) + 1 + $offset"/>
    <xsl:element name="h{$d - ($d - 6) * ($d &gt; 6) + (1 - $d) * ($d &lt; 1)}">
      <xsl:if test="$class != '' or $d &gt; 6">
        <xsl:attribute name="class">
          <xsl:value-of select="$class"/>
          <xsl:if test="$class != '' and $d &gt; 6"><xsl:text> </xsl:text></xsl:if>
          <xsl:if test="$d &gt; 6">deep</xsl:if>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="g:title/node()"/>
    </xsl:element>
  </xsl:template>

  <!-- ===================================================== text blocks -->

  <xsl:template match="g:p">
    <p>
      <xsl:if test="@role = 'address'">
        <xsl:attribute name="class">address</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:lead">
    <strong class="lead"><xsl:apply-templates/></strong>
  </xsl:template>

  <!-- The marker as printed. Word markers (第一章, 专栏2, 01) get a gap
       before the words; punctuation markers (一、 （一） 1. ——) need none. -->
  <xsl:template match="g:num">
    <xsl:variable name="last" select="substring(normalize-space(.), string-length(normalize-space(.)))"/>
    <span>
      <xsl:attribute name="class">
        <xsl:text>num</xsl:text>
        <xsl:if test="$last != '' and contains('章节编篇0123456789０１２３４５６７８９', $last)"> gap</xsl:if>
      </xsl:attribute>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="g:ctl">
    <xsl:if test=". != ''">
      <span class="ctl" title="U+{@cp}"><xsl:value-of select="."/></span>
    </xsl:if>
  </xsl:template>

  <!-- Page numbers and running headers of a PDF copy: kept, not shown. -->
  <xsl:template match="g:page">
    <xsl:choose>
      <!-- across a table: a hidden row, between groups in a tbody of its own -->
      <xsl:when test="parent::g:tbody[g:group]">
        <tbody class="page" hidden="hidden">
          <xsl:call-template name="page-row"/>
        </tbody>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:when test="parent::g:tbody or parent::g:group">
        <xsl:call-template name="page-row"/>
      </xsl:when>
      <xsl:when test="parent::g:body or parent::g:section">
        <div class="page" hidden="hidden"><xsl:apply-templates/></div>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <span class="page" hidden="hidden"><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="page-row">
    <tr class="page" hidden="hidden">
      <td colspan="{count(ancestor::g:table[1]/g:thead/g:row[1]/g:cell) - boolean(parent::g:group)}">
        <xsl:apply-templates/>
      </td>
    </tr>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A note reference; the first one to a note is where its back-link
       returns. -->
  <xsl:template match="g:ref">
    <sup class="ref">
      <a href="#{@target}">
        <xsl:if test="generate-id() = generate-id(key('refs', @target)[1])">
          <xsl:attribute name="id">
            <xsl:value-of select="concat('ref-', @target)"/>
          </xsl:attribute>
        </xsl:if>
        <xsl:apply-templates/>
      </a>
    </sup>
  </xsl:template>

  <!-- —— items -->
  <xsl:template match="g:list">
    <ul class="dash">
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="*"/>
    </ul>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:list/g:item">
    <li><xsl:apply-templates/></li>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ========================================================== boxes -->

  <xsl:template match="g:box">
    <aside id="{@id}" class="box">
      <xsl:if test="g:title">
        <xsl:attribute name="aria-labelledby">
          <xsl:value-of select="concat(@id, '-title')"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="*"/>
    </aside>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:box/g:title">
    <p class="box-title" id="{../@id}-title"><xsl:apply-templates/></p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Items in a row form one list: the first of a run opens it. -->
  <xsl:template match="g:box/g:item">
    <xsl:if test="not(preceding-sibling::*[1]/self::g:item)">
      <ol class="items">
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="run"/>
      </ol>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="g:box/g:item" mode="run">
    <xsl:param name="k" select="1"/>
    <li><xsl:apply-templates/></li>
    <xsl:text>&#10;</xsl:text>
    <xsl:if test="$k &lt; 500">
      <xsl:apply-templates select="following-sibling::*[1]/self::g:item" mode="run">
        <xsl:with-param name="k" select="$k + 1"/>
      </xsl:apply-templates>
    </xsl:if>
  </xsl:template>

  <!-- A run of siblings of one name (box items, notes), from the context
       node on, in mode run. Each one hands on to the next: the step
       following-sibling::*[1] takes constant time, where a predicate over
       the following siblings (following-sibling::*[1][self::g:note]
       included) reads all of them and makes the walk quadratic. libxslt
       stops at 3000 nested calls, so the walk goes 500 at a time: the run
       mode templates stop after 500, and this starts again at the 501st if
       the run goes on that far. Whether it does is asked of the siblings
       one by one (mode probe); the answer is a one-character tree
       fragment, made once per 500 entries. -->
  <xsl:template name="run">
    <xsl:apply-templates select="." mode="run"/>
    <xsl:if test="following-sibling::*[500]/self::*[local-name() = local-name(current())]">
      <xsl:variable name="goes-on">
        <xsl:apply-templates select="following-sibling::*[1]" mode="probe"/>
      </xsl:variable>
      <xsl:if test="string($goes-on) = 'y'">
        <xsl:for-each select="following-sibling::*[500]">
          <xsl:call-template name="run"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- y if this and the siblings after it, up to the 499th of the run, are
       named as the one before. -->
  <xsl:template match="*" mode="probe">
    <xsl:param name="k" select="1"/>
    <xsl:if test="local-name() = local-name(preceding-sibling::*[1])">
      <xsl:choose>
        <xsl:when test="$k &gt;= 499">y</xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="following-sibling::*[1]" mode="probe">
            <xsl:with-param name="k" select="$k + 1"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- A name whose description stood on the next line (01 新一代人工智能 /
       前沿基础理论突破…) keeps it on a line of its own; one followed by
       ：or 。 runs on. -->
  <xsl:template match="g:box/g:item/g:name">
    <strong class="name"><xsl:apply-templates/></strong>
    <xsl:variable name="next" select="substring(normalize-space(following-sibling::node()[1]/self::text()), 1, 1)"/>
    <xsl:if test="$next != '' and not(contains('：:。.，,；;、！!？?）)」”', $next))">
      <br/>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================== notes -->

  <xsl:template match="g:note">
    <xsl:if test="not(preceding-sibling::*[1]/self::g:note)">
      <ol class="notes">
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="run"/>
      </ol>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="g:note" mode="run">
    <xsl:param name="k" select="1"/>
    <li id="{@id}" class="note">
      <xsl:apply-templates/>
      <xsl:if test="key('refs', @id)">
        <xsl:text> </xsl:text>
        <a class="backref" href="#ref-{@id}" aria-label="返回正文" title="返回正文">↑</a>
      </xsl:if>
    </li>
    <xsl:text>&#10;</xsl:text>
    <xsl:if test="$k &lt; 500">
      <xsl:apply-templates select="following-sibling::*[1]/self::g:note" mode="run">
        <xsl:with-param name="k" select="$k + 1"/>
      </xsl:apply-templates>
    </xsl:if>
  </xsl:template>

  <xsl:template match="g:note/g:term">
    <dfn class="term"><xsl:apply-templates/></dfn>
  </xsl:template>

  <!-- ========================================================= tables -->

  <xsl:template match="g:table">
    <div class="table-wrap">
      <xsl:text>&#10;</xsl:text>
      <table id="{@id}">
        <!-- a long table may break across printed pages -->
        <xsl:attribute name="class">
          <xsl:text>indicators</xsl:text>
          <xsl:if test="count(g:tbody/g:row | g:tbody/g:group/g:row) &gt; 20"> long</xsl:if>
        </xsl:attribute>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="g:caption or g:unit">
          <caption>
            <xsl:apply-templates select="g:caption[1]/node()"/>
            <xsl:if test="g:unit">
              <span class="unit"><xsl:apply-templates select="g:unit[1]/node()"/></span>
            </xsl:if>
          </caption>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <xsl:apply-templates select="g:thead | g:tbody"/>
      </table>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="*[not(self::g:caption or self::g:unit or self::g:thead or self::g:tbody)]"/>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:thead">
    <thead>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="*"/>
    </thead>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Rows in groups: one tbody per group, its category a row-group
       header spanning the group's rows. -->
  <xsl:template match="g:tbody">
    <xsl:choose>
      <xsl:when test="g:group">
        <xsl:apply-templates select="*"/>
      </xsl:when>
      <xsl:otherwise>
        <tbody>
          <xsl:text>&#10;</xsl:text>
          <xsl:apply-templates select="*"/>
        </tbody>
        <xsl:text>&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="g:tbody/g:group">
    <tbody class="group">
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="*[not(self::g:category)]"/>
    </tbody>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:row">
    <tr>
      <xsl:if test="parent::g:group and generate-id() = generate-id(../g:row[1])">
        <th scope="rowgroup" rowspan="{count(../*) - count(../g:category)}">
          <xsl:attribute name="class">
            <xsl:text>category</xsl:text>
            <xsl:if test="string-length(normalize-space(../g:category[1])) &lt;= 5"> short</xsl:if>
          </xsl:attribute>
          <xsl:apply-templates select="../g:category[1]/node()"/>
        </th>
      </xsl:if>
      <!-- a row of cells alone (every row gongwen writes) tells each its
           column by its position: counting the cells before each one
           made a wide table quadratic in its width -->
      <xsl:apply-templates select="*">
        <xsl:with-param name="by-position" select="not(*[not(self::g:cell)])"/>
      </xsl:apply-templates>
    </tr>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:thead/g:row/g:cell">
    <th scope="col">
      <xsl:call-template name="short"/>
      <xsl:apply-templates/>
    </th>
  </xsl:template>

  <!-- Short words (预期性, 经济强) are kept on one line, so the long
       indicator names take the wrapping. -->
  <xsl:template name="short">
    <xsl:if test="string-length(normalize-space(.)) &lt;= 5">
      <xsl:attribute name="class">short</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Numbers (653, ≥80) right-aligned; — placeholders centred. -->
  <!-- data-label: the column's header, which a phone shows beside the
       value (see the CSS for narrow screens) -->
  <xsl:template match="g:cell">
    <xsl:param name="by-position" select="false()"/>
    <xsl:choose>
      <xsl:when test="$by-position">
        <xsl:call-template name="cell">
          <xsl:with-param name="col" select="position() + boolean(../parent::g:group)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cell">
          <xsl:with-param name="col" select="count(preceding-sibling::g:cell) + 1 + boolean(../parent::g:group)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="cell">
    <xsl:param name="col"/>
    <xsl:variable name="label" select="key('head-cell', concat(generate-id(ancestor::g:table[1]), ':', $col))"/>
    <td>
      <xsl:if test="normalize-space($label) != ''">
        <xsl:attribute name="data-label"><xsl:value-of select="normalize-space(translate($label, '&#12288;', ' '))"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="@type = 'text'">
          <xsl:call-template name="short"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="class"><xsl:value-of select="@type"/></xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates/>
    </td>
  </xsl:template>

  <!-- ============================================ copied 目录 blocks -->

  <!-- The document's own table of contents duplicates the generated one
       and has no links: kept, folded. Contents whose copy lost the 目录
       line are labelled by the style sheet (and for assistive technology),
       so the page's text stays the report's. -->
  <xsl:template match="g:toc">
    <details class="toc">
      <xsl:choose>
        <xsl:when test="normalize-space(g:title) != ''">
          <summary><xsl:apply-templates select="g:title[1]/node()"/></summary>
        </xsl:when>
        <xsl:otherwise>
          <summary class="untitled" aria-label="目录"></summary>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="g:entry">
        <ul class="entries">
          <xsl:text>&#10;</xsl:text>
          <xsl:apply-templates select="g:entry"/>
        </ul>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:apply-templates select="*[not(self::g:title or self::g:entry)]"/>
    </details>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:toc/g:entry">
    <li><xsl:apply-templates/></li>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ============================================= anything else -->

  <!-- An element this stylesheet does not know (a later vocabulary) shows
       its text in an element of class local-name(), shaped to fit where it
       stands: a list item in a list, a cell in a row, a row in a table
       body, a span inside running text, a div between blocks. -->
  <xsl:template match="*">
    <xsl:choose>
      <xsl:when test="parent::g:list">
        <li class="{local-name()}"><xsl:apply-templates/></li>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:when test="parent::g:row">
        <td class="{local-name()}"><xsl:apply-templates/></td>
      </xsl:when>
      <xsl:when test="parent::g:thead or parent::g:tbody or parent::g:group">
        <tr class="{local-name()}">
          <!-- the width of the header row, less the category column that
               a group's row-group header already covers -->
          <xsl:variable name="cols" select="count(ancestor::g:table[1]/g:thead/g:row[1]/g:cell) - boolean(parent::g:group)"/>
          <td colspan="{$cols - ($cols - 1) * ($cols &lt; 1)}">
            <xsl:apply-templates/>
          </td>
        </tr>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:when test="ancestor::*[self::g:p or self::g:title or self::g:subtitle or self::g:author
                      or self::g:salutation or self::g:lead or self::g:num or self::g:item
                      or self::g:name or self::g:note or self::g:term or self::g:cell
                      or self::g:caption or self::g:unit or self::g:category or self::g:entry
                      or self::g:ref or self::g:page or self::g:ctl]">
        <span class="{local-name()}"><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise>
        <div class="{local-name()}"><xsl:apply-templates/></div>
        <xsl:text>&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ CSS -->

  <xsl:template name="css">
    <xsl:text>
:root {
  color-scheme: light dark;
  --fg: #1f1f1f;
  --bg: #fcfbf8;
  --muted: #63605a;
  --rule: #d8d3c8;
  --panel: #f4f0e6;
  --head: #efe9dc;
  --accent: #9b1c1c;
  --link: #1d4f91;
  --serif: "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "Songti SC", STSong, SimSun, "Noto Serif", serif;
  --sans: "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans", sans-serif;
  --kai: "Kaiti SC", STKaiti, KaiTi, "KaiTi_GB2312", var(--serif);
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e4e1da;
    --bg: #17181a;
    --muted: #a29e96;
    --rule: #3b3c40;
    --panel: #202124;
    --head: #27292d;
    --accent: #f28b82;
    --link: #8ab4f8;
  }
}
html { background: var(--bg); color: var(--fg); -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; padding: 2.5rem 1.25rem 4rem; font-family: var(--serif); font-size: 1.0625rem; line-height: 1.9; }
article.report { max-width: 38em; margin: 0 auto; }
a { color: var(--link); }
p { margin: 0 0 0.8em; text-indent: 2em; text-align: justify; }
h1, h2, h3, h4, h5, h6 { font-family: var(--sans); font-weight: 700; line-height: 1.5; margin: 1.6em 0 0.7em; white-space: pre-wrap; }
h1 { font-size: 1.6em; }
h2 { font-size: 1.4em; }
h3 { font-size: 1.2em; }
h4 { font-size: 1.05em; }
h5, h6 { font-size: 1em; }
h6.deep { font-weight: 600; font-style: normal; }
.num.gap { margin-right: 0.5em; }
section.zhang > h2, section.zhang > h3, section.pian > h2, section.bian > h2, section.bufen > h2,
section.preface > h2, section.annex > h2, section.notes > h2 { text-align: center; }
strong, .lead { font-weight: 700; }
section[id], aside[id], table[id], li[id], a[id] { scroll-margin-top: 1em; }

/* Title block */
header.front { margin-bottom: 0; }
header.front .doc-title { font-family: var(--serif); font-size: 2em; font-weight: 700; text-align: center; letter-spacing: 0.12em; margin: 0.4em 0 0.6em; color: var(--accent); }
header.front .subtitle, header.front .author { font-family: var(--kai); text-align: center; text-indent: 0; margin: 0 0 0.3em; white-space: pre-wrap; }
header.front .author { margin-bottom: 1.2em; }
header.front .salutation { text-indent: 0; margin: 1.5em 0 0.8em; }
header.front .front-extra { text-indent: 0; text-align: center; font-size: 0.85em; color: var(--muted); margin: 0 0 0.3em; }

/* Table of contents */
nav.contents { margin: 1.5em 0 2em; padding: 0.9em 1.4em 1em; background: var(--panel); border: 1px solid var(--rule); border-radius: 4px; line-height: 1.7; }
nav.contents .contents-title { font-family: var(--sans); font-weight: 700; text-indent: 0; text-align: center; letter-spacing: 1em; margin: 0 0 0.5em; }
nav.contents ol { list-style: none; margin: 0; padding: 0; }
nav.contents ol ol { padding-left: 2em; font-size: 0.95em; }
nav.contents li { margin: 0.2em 0; }
nav.contents a { color: var(--fg); text-decoration: none; }
nav.contents a:hover, nav.contents a:focus { color: var(--link); text-decoration: underline; }

/* Run-in headings open their paragraph */
.runin-para { margin: 0 0 0.8em; text-indent: 2em; text-align: justify; }
.runin-para .runin-head { display: inline; font-size: 1em; margin: 0; line-height: inherit; }
.runin-para .runin-body { display: inline; margin: 0; text-indent: 0; }

/* —— items */
ul.dash { list-style: none; margin: 0 0 0.8em; padding: 0; }
ul.dash li { text-indent: 2em; text-align: justify; margin: 0 0 0.8em; }

/* 专栏 boxes */
aside.box { margin: 1.5em 0; padding: 0.9em 1.3em; background: var(--panel); border: 1px solid var(--rule); border-radius: 4px; font-size: 0.95em; line-height: 1.8; }
aside.box .box-title { font-family: var(--sans); font-weight: 700; text-align: center; text-indent: 0; margin: 0 0 0.6em; }
aside.box ol.items { list-style: none; margin: 0; padding: 0; }
aside.box ol.items li { margin: 0 0 0.5em; padding-left: 2em; text-indent: -2em; text-align: justify; }
aside.box ol.items .num, ol.notes .num { display: inline-block; min-width: 2em; margin-right: 0; text-indent: 0; }
ol.notes .num, sup.ref { font-feature-settings: "halt"; }

/* Indicator tables */
.table-wrap { margin: 1.5em 0; overflow-x: auto; }
@media (min-width: 60em) {
  /* tables may be wider than the text */
  .table-wrap { margin-left: -6em; margin-right: -6em; }
}
table.indicators { border-collapse: collapse; width: 100%; font-size: 0.9em; line-height: 1.6; }
table.indicators caption { font-family: var(--sans); font-weight: 700; padding: 0 0 0.6em; }
table.indicators caption .unit { display: block; text-align: right; font-family: var(--serif); font-weight: 400; font-size: 0.9em; color: var(--muted); }
table.indicators th, table.indicators td { border: 1px solid var(--rule); padding: 0.35em 0.6em; vertical-align: middle; }
table.indicators thead th { background: var(--head); font-family: var(--sans); font-weight: 700; text-align: center; word-break: keep-all; }
table.indicators th.category { background: var(--panel); font-family: var(--sans); font-weight: 700; text-align: center; }
table.indicators td.number, table.indicators td.compare { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.indicators td.none { text-align: center; color: var(--muted); }
table.indicators .short { white-space: nowrap; }

/* Notes */
section.notes { margin-top: 3em; padding-top: 0.5em; border-top: 1px solid var(--rule); }
ol.notes { list-style: none; margin: 0; padding: 0; font-size: 0.95em; }
ol.notes li { margin: 0 0 0.6em; padding-left: 2em; text-indent: -2em; text-align: justify; }
ol.notes li:target { background: var(--panel); }
dfn.term { font-style: normal; font-weight: 700; }
sup.ref { font-size: 0.75em; line-height: 0; }
sup.ref a, a.backref { text-decoration: none; }

/* A copied 目录, folded */
details.toc { margin: 1em 0; color: var(--muted); }
details.toc summary { cursor: pointer; font-family: var(--sans); }
details.toc summary.untitled::after { content: "目录"; }
details.toc ul.entries { list-style: none; margin: 0.5em 0; padding: 0 0 0 2em; line-height: 1.7; }

.address { text-indent: 2em; }
.ctl { color: var(--muted); font-family: "Noto Sans Symbols2", "Noto Sans Symbols 2", "Segoe UI Symbol", "Apple Symbols", var(--sans); }

@media (max-width: 40em) {
  body { padding: 1.25rem 0.9rem 3rem; font-size: 1rem; }
  header.front .doc-title { font-size: 1.6em; }
  /* A table too wide for a phone: each row a card headed by its first
     cell, the other cells labelled with their column's header; a group's
     category a heading above its rows. */
  table.indicators, table.indicators tbody, table.indicators tr, table.indicators td, table.indicators th.category { display: block; width: auto; }
  table.indicators caption { display: block; }
  table.indicators thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.indicators th.category { border: 0; border-bottom: 2px solid var(--rule); text-align: left; padding: 0.6em 0 0.2em; margin-top: 0.6em; }
  table.indicators tr { border: 1px solid var(--rule); border-radius: 4px; margin: 0.5em 0; padding: 0.3em 0.6em; }
  table.indicators td { border: 0; padding: 0.1em 0; text-align: left; white-space: normal; }
  table.indicators td:first-of-type { font-weight: 700; }
  table.indicators td:not(:first-of-type) { display: inline-block; margin-right: 1.2em; }
  table.indicators td[data-label]:not(:first-of-type)::before { content: attr(data-label) "："; color: var(--muted); font-family: var(--sans); font-size: 0.9em; }
  table.indicators td.number, table.indicators td.compare, table.indicators td.none { text-align: left; }
}

@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --rule: #999; --panel: #fff; --head: #eee; --accent: #000; --link: #000; }
  /* A4 with the margins of GB/T 9704-2012 (top 37 mm, bottom 35 mm,
     left 28 mm, right 26 mm) */
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { padding: 0; font-size: 12pt; line-height: 1.8; }
  article.report { max-width: none; }
  nav.contents, details.toc, a.backref { display: none; }
  nav.contents.print { display: block; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4, h5, h6, .box-title, caption { page-break-after: avoid; break-after: avoid; }
  aside, table, tr { page-break-inside: avoid; break-inside: avoid; }
  table.long { page-break-inside: auto; break-inside: auto; }
  .table-wrap { overflow: visible; margin-left: 0; margin-right: 0; }
  p, li { orphans: 2; widows: 2; }
  section.annex, section.notes { page-break-before: always; break-before: page; border-top: 0; }
}
</xsl:text>
  </xsl:template>
  <!-- gongwen check's findings (diagnostics=embed) are for archives and
       user stylesheets, not part of the published text. -->
  <xsl:template match="g:diagnostics"/>

</xsl:stylesheet>
