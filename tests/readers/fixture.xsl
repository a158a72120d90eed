<?xml version="1.0" encoding="UTF-8"?>
<!-- Test fixtures for the readers: a gongwen report as the web page an
     editor would publish, a paragraph per line of the report, leads in
     <strong>, tables as <table>. LibreOffice and pandoc turn the page into
     .docx and .pdf (tests/readers/make-fixtures.sh).
     chrome=1 wraps the article in a site's navigation, share buttons and
     footer, which the .html reader must leave out. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:gongwen:report:1" exclude-result-prefixes="g">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>
  <xsl:param name="chrome" select="0"/>

  <xsl:template match="/">
    <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
      <!-- pandoc makes a page title the document's title: only the site has one -->
      <xsl:if test="$chrome = 1"><title>政府工作报告_政务公开</title></xsl:if></head>
    <body>
      <xsl:if test="$chrome = 1">
        <div class="nav"><a href="/">首页</a> | <a href="/zw">政务公开</a> | <a href="/xw">新闻中心</a> | <a href="/hd">互动交流</a></div>
        <div class="toolbar">字号：<a>大</a> <a>中</a> <a>小</a> 打印本页 关闭窗口</div>
      </xsl:if>
      <div class="article"><xsl:apply-templates select="*" mode="block"/></div>
      <xsl:if test="$chrome = 1">
        <div class="share">分享到：微信 微博 QQ空间</div>
        <div class="footer"><p>版权所有：人民政府办公室</p><p>网站标识码 3203000001 备案号：苏ICP备0000号</p></div>
      </xsl:if>
    </body></html>
  </xsl:template>

  <xsl:template match="g:report | g:front | g:body | g:list | g:box | g:thead | g:tbody | g:toc" mode="block">
    <xsl:apply-templates select="*" mode="block"/>
  </xsl:template>

  <xsl:template match="g:diagnostics" mode="block"/>

  <xsl:template match="g:section" mode="block">
    <xsl:variable name="runin" select="g:title/following-sibling::*[1][self::g:p][@line = current()/g:title/@line]"/>
    <p>
      <xsl:apply-templates select="g:title/node()" mode="inline"/>
      <xsl:if test="@runin = 'true'">
        <xsl:apply-templates select="$runin/node()" mode="inline"/>
      </xsl:if>
    </p>
    <xsl:apply-templates select="*[not(self::g:title)][not(../@runin = 'true' and generate-id(.) = generate-id($runin))]" mode="block"/>
  </xsl:template>

  <xsl:template match="g:table" mode="block">
    <xsl:apply-templates select="g:caption | g:unit" mode="block"/>
    <table border="1">
      <xsl:for-each select=".//g:row">
        <tr>
          <xsl:if test="parent::g:group">
            <td><xsl:if test="not(preceding-sibling::g:row)"><xsl:apply-templates select="../g:category/node()" mode="inline"/></xsl:if></td>
          </xsl:if>
          <xsl:for-each select="g:cell"><td><xsl:apply-templates mode="inline"/></td></xsl:for-each>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- a box item's name or a note's term alone on its line stays alone -->
  <xsl:template match="*" mode="block">
    <p><xsl:apply-templates mode="inline"/></p>
  </xsl:template>

  <xsl:template match="g:lead" mode="inline">
    <strong><xsl:apply-templates mode="inline"/></strong>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>
</xsl:stylesheet>
