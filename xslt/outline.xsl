<?xml version="1.0" encoding="UTF-8"?>
<!-- The outline of a gongwen report: one line per structural element,
     LINE TAB KIND TAB DEPTH TAB TITLE, as tests/gold/README.md defines it.
     Usage: xsltproc xslt/outline.xsl report.xml

     Written without result-tree-fragment variables on purpose: libxslt
     appends text output to one node and an RTF resets its append buffer,
     which makes every row copy the whole output so far (quadratic time). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:gongwen:report:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>

  <!-- Walk the tree in document order; elements with a row print it. (One
       union of all of them would make libxml2 merge node sets in quadratic
       time.) -->
  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="row"/>
  </xsl:template>

  <xsl:template match="*" mode="row">
    <xsl:apply-templates select="*" mode="row"/>
  </xsl:template>

  <!-- One outline line. cut: drop the sentence end that closes a run-in
       title or a lead. -->
  <xsl:template name="row">
    <xsl:param name="kind"/>
    <xsl:param name="depth" select="count(ancestor::g:section)"/>
    <xsl:param name="title"/>
    <xsl:param name="cut" select="false()"/>
    <xsl:param name="line" select="@line"/>
    <xsl:variable name="t" select="normalize-space(translate($title, '&#9;&#10;&#13;', '   '))"/>
    <xsl:variable name="last" select="substring($t, string-length($t))"/>
    <xsl:value-of select="concat($line, '&#9;', $kind, '&#9;', $depth, '&#9;')"/>
    <xsl:choose>
      <xsl:when test="$cut and $last != '' and contains('。！？!?', $last)">
        <xsl:value-of select="substring($t, 1, string-length($t) - 1)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="g:front/g:title" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'title'"/>
      <xsl:with-param name="depth" select="0"/>
      <!-- 政 府 工 作 报 告: letter spacing is not part of the title -->
      <xsl:with-param name="title" select="translate(., ' &#12288;', '')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- （2024年1月24日在…会议上）: the brackets are not part of the subtitle -->
  <xsl:template match="g:front/g:subtitle[not(g:num)][starts-with(., '（') or starts-with(., '(')]"
                mode="row" priority="1">
    <xsl:variable name="t" select="normalize-space(.)"/>
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'subtitle'"/>
      <xsl:with-param name="depth" select="0"/>
      <xsl:with-param name="title"
          select="substring($t, 2, string-length($t) - 1 - contains('）)', substring($t, string-length($t))))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- the marker (<num>) is always an element's first child. A page line
       (— 2 —) that a page break left inside a title or lead is not part of
       it: substring-before/after cut the first one out (with no page, they
       give back the whole string). -->
  <xsl:template match="g:front/g:subtitle | g:front/g:author | g:front/g:salutation" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="local-name()"/>
      <xsl:with-param name="depth" select="0"/>
      <xsl:with-param name="title" select="substring(., string-length(g:num) + 1)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:section" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'heading'"/>
      <xsl:with-param name="depth" select="count(ancestor-or-self::g:section)"/>
      <xsl:with-param name="title"
          select="concat(substring-before(substring(g:title, string-length(g:title/g:num) + 1), string(g:title/g:page[1])),
                         substring-after(substring(g:title, string-length(g:title/g:num) + 1), string(g:title/g:page[1])))"/>
      <xsl:with-param name="cut" select="true()"/>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::g:title)]" mode="row"/>
  </xsl:template>

  <xsl:template match="g:p" mode="row">
    <xsl:apply-templates select="g:lead" mode="row"/>
  </xsl:template>

  <xsl:template match="g:lead" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'lead'"/>
      <xsl:with-param name="line" select="../@line"/>
      <xsl:with-param name="title"
          select="concat(substring-before(., string(g:page[1])), substring-after(., string(g:page[1])))"/>
      <xsl:with-param name="cut" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:list[@type='dash']/g:item" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'dash'"/>
      <xsl:with-param name="title"
          select="concat(substring-before(g:lead, string(g:lead/g:page[1])),
                         substring-after(g:lead, string(g:lead/g:page[1])),
                         substring(substring(., string-length(g:num) + 1), 1 div not(g:lead)))"/>
      <xsl:with-param name="cut" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:box" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'box'"/>
      <xsl:with-param name="title" select="substring(g:title, string-length(g:title/g:num) + 1)"/>
    </xsl:call-template>
    <xsl:apply-templates select="g:item" mode="row"/>
  </xsl:template>

  <xsl:template match="g:box/g:item" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'item'"/>
      <xsl:with-param name="title" select="g:name"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:table" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'table'"/>
      <xsl:with-param name="title" select="substring(g:caption, string-length(g:caption/g:num) + 1)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- “双碳”：指… : the quotes around a whole term are not part of it;
       quotes inside one (“两新”政策) are. -->
  <xsl:template match="g:note" mode="row">
    <xsl:variable name="t" select="normalize-space(g:term)"/>
    <xsl:variable name="n" select="string-length($t)"/>
    <xsl:variable name="inner" select="substring($t, 2, $n - 2)"/>
    <xsl:variable name="pair" select="concat(substring($t, 1, 1), substring($t, $n))"/>
    <xsl:variable name="quotes">“”「」『』‘’""</xsl:variable>
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'note'"/>
      <xsl:with-param name="title">
        <xsl:choose>
          <xsl:when test="$n &gt; 2 and contains('“” 「」 『』 ‘’ &quot;&quot;', $pair)
                          and translate($inner, $quotes, '') = $inner">
            <xsl:value-of select="$inner"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
