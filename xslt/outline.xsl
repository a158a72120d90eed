<?xml version="1.0" encoding="UTF-8"?>
<!-- The outline of a gongwen report: one line per structural element,
     LINE TAB KIND TAB DEPTH TAB TITLE, as ../shared/gold/README.md defines
     it. Usage: xsltproc xslt/outline.xsl report.xml -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:gongwen:report:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>

  <xsl:template match="/">
    <xsl:apply-templates mode="row"
        select="//g:front/g:title | //g:front/g:subtitle | //g:front/g:author
              | //g:front/g:salutation | //g:section | //g:p/g:lead
              | //g:list[@type='dash']/g:item | //g:box | //g:box/g:item
              | //g:table | //g:note"/>
  </xsl:template>

  <!-- one outline line -->
  <xsl:template name="row">
    <xsl:param name="kind"/>
    <xsl:param name="depth"/>
    <xsl:param name="title"/>
    <xsl:param name="line" select="@line"/>
    <xsl:value-of select="concat($line, '&#9;', $kind, '&#9;', $depth, '&#9;',
                                 normalize-space(translate($title, '&#9;&#10;&#13;', '   ')),
                                 '&#10;')"/>
  </xsl:template>

  <!-- the text of an element without its marker -->
  <xsl:template match="g:num" mode="text"/>
  <xsl:template match="*" mode="text">
    <xsl:apply-templates mode="text"/>
  </xsl:template>

  <!-- a title without the sentence end that closes a run-in heading -->
  <xsl:template name="unstop">
    <xsl:param name="s"/>
    <xsl:variable name="last" select="substring($s, string-length($s))"/>
    <xsl:choose>
      <xsl:when test="$last != '' and contains('。！？!?', $last)">
        <xsl:value-of select="substring($s, 1, string-length($s) - 1)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="g:front/g:title" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'title'"/>
      <xsl:with-param name="depth" select="0"/>
      <!-- 政 府 工 作 报 告: letter spacing is not part of the title -->
      <xsl:with-param name="title" select="translate(., ' &#12288;', '')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:front/g:subtitle | g:front/g:author | g:front/g:salutation" mode="row">
    <xsl:variable name="t"><xsl:apply-templates mode="text"/></xsl:variable>
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="local-name()"/>
      <xsl:with-param name="depth" select="0"/>
      <xsl:with-param name="title" select="$t"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:section" mode="row">
    <xsl:variable name="t"><xsl:apply-templates select="g:title" mode="text"/></xsl:variable>
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'heading'"/>
      <xsl:with-param name="depth" select="count(ancestor-or-self::g:section)"/>
      <xsl:with-param name="title">
        <xsl:call-template name="unstop"><xsl:with-param name="s" select="normalize-space($t)"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:lead" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'lead'"/>
      <xsl:with-param name="line" select="../@line"/>
      <xsl:with-param name="depth" select="count(ancestor::g:section)"/>
      <xsl:with-param name="title">
        <xsl:call-template name="unstop"><xsl:with-param name="s" select="normalize-space(.)"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:list[@type='dash']/g:item" mode="row">
    <xsl:variable name="t">
      <xsl:choose>
        <xsl:when test="g:lead"><xsl:value-of select="g:lead"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'dash'"/>
      <xsl:with-param name="depth" select="count(ancestor::g:section)"/>
      <xsl:with-param name="title">
        <xsl:call-template name="unstop"><xsl:with-param name="s" select="normalize-space($t)"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:box" mode="row">
    <xsl:variable name="t"><xsl:apply-templates select="g:title" mode="text"/></xsl:variable>
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'box'"/>
      <xsl:with-param name="depth" select="count(ancestor::g:section)"/>
      <xsl:with-param name="title" select="$t"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:box/g:item" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'item'"/>
      <xsl:with-param name="depth" select="count(ancestor::g:section)"/>
      <xsl:with-param name="title" select="g:name"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:table" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'table'"/>
      <xsl:with-param name="depth" select="count(ancestor::g:section)"/>
      <xsl:with-param name="title" select="g:caption"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:note" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="kind" select="'note'"/>
      <xsl:with-param name="depth" select="count(ancestor::g:section)"/>
      <xsl:with-param name="title" select="g:term"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
