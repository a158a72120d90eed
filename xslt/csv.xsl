<?xml version="1.0" encoding="UTF-8"?>
<!-- Every table of a gongwen report as CSV (RFC 4180).
     Usage: xsltproc xslt/csv.xsl report.xml   (or gongwen -t csv)

     - One record per row: the header row first, then the body rows. In a
       table whose first column holds categories spanning rows, the category
       is repeated on every row of its group.
     - Fields are the cells' text as printed (—, ≥80, 26000左右). A field
       holding a comma, a double quote, CR or LF is put in double quotes, with
       each double quote doubled; no other field is quoted.
     - Every record of a table has the same number of fields: short rows are
       padded with empty fields up to the widest row of that table (a record
       of one empty field is written "", not as an empty line).
     - Records end in CRLF, as RFC 4180 says; the string parameter eol=lf
       (gongwen's param option, xsltproc's stringparam) makes them end in
       LF. The last record ends in a line end too.
     - A field beginning with = + - @, tab or CR gets a ' in front, so that a
       spreadsheet shows it rather than running it as a formula (OWASP's
       rule); a plain number such as -1.5 is left alone. formulas=keep
       writes such fields as they are.
     - Every record starts with three fields that say which table it is
       from: the table's number (t3 is 3: the number in the report's ids,
       which counts every table), its caption and its unit line, so the
       tables can be told apart and sorted out in a spreadsheet. The
       header row has 表序,表题,单位 there.
     - Tables are separated by one empty line; a table without rows prints
       nothing, a report without tables prints nothing at all and says so
       on standard error (an xsl:message).
     - Parameters (strings): table=N writes table N only; bom=1 starts the
       output with a byte order mark, which Excel on Chinese Windows needs
       to read UTF-8.
     - A row of wrapped pieces (row/@wrap, a PDF copy) is joined to the
       row above it, cell by cell.
     - Anything else in a row (elements other than cell in later versions)
       is a field of its own; a ctl is its Control Picture.

     Text output, so no result-tree-fragment variables (see outline.xsl). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:gongwen:report:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>
  <xsl:param name="eol" select="'crlf'" xmlns:gw="urn:gongwen:param" gw:accept="crlf lf"/>
  <xsl:param name="formulas" select="'neutralise'" xmlns:gw="urn:gongwen:param" gw:accept="neutralise keep"/>
  <xsl:param name="table" select="''" xmlns:gw="urn:gongwen:param" gw:accept="1.."/>
  <xsl:param name="bom" select="'0'" xmlns:gw="urn:gongwen:param" gw:accept="0 1"/>
  <!-- the wrapped pieces (row/@wrap) of a row, by the row's generate-id():
       looked up once per table, not by scanning the rows after each row -->
  <xsl:key name="pieces" match="g:row[@wrap = 'true']"
      use="generate-id(preceding-sibling::g:row[not(@wrap = 'true')][1])"/>
  <xsl:variable name="nl" select="concat(substring('&#13;', 1, number($eol != 'lf')), '&#10;')"/>

  <xsl:template match="/">
    <xsl:variable name="tables" select="//g:table[g:thead/* or g:tbody/*[not(self::g:group)] or g:tbody/g:group/*[not(self::g:category)]]"/>
    <xsl:variable name="picked" select="$tables[string($table) = '' or string($table) = concat(substring-after(@id, 't'), substring(count(preceding::g:table) + 1, 1, 1000 * not(@id)))]"/>
    <xsl:if test="not($tables)">
      <xsl:message>gongwen csv: the report has no table</xsl:message>
    </xsl:if>
    <xsl:if test="$tables and not($picked)">
      <xsl:message terminate="yes">gongwen csv: no table <xsl:value-of select="$table"/> (the report has <xsl:value-of select="count($tables)"/>)</xsl:message>
    </xsl:if>
    <xsl:if test="string($bom) = '1' and $picked">&#xFEFF;</xsl:if>
    <xsl:for-each select="$picked">
      <xsl:if test="position() > 1"><xsl:value-of select="$nl"/></xsl:if>
      <xsl:apply-templates select="." mode="table"/>
    </xsl:for-each>
  </xsl:template>

  <!-- the fields that name a record's table: number, caption, unit (for
       the header row, the names of these columns) -->
  <xsl:template name="which">
    <xsl:param name="head"/>
    <xsl:variable name="t" select="ancestor::g:table[1]"/>
    <xsl:choose>
      <xsl:when test="$head">表序,表题,单位,</xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$t/@id"><xsl:value-of select="substring-after($t/@id, 't')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="count($t/preceding::g:table) + 1"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>,</xsl:text>
        <xsl:call-template name="field">
          <!-- 表1 主要指标: the marker set off by a space -->
          <xsl:with-param name="s" select="normalize-space(translate(concat($t/g:caption[1]/g:num, ' ',
              substring($t/g:caption[1], string-length($t/g:caption[1]/g:num) + 1)), '&#12288;', ' '))"/>
        </xsl:call-template>
        <xsl:text>,</xsl:text>
        <xsl:call-template name="field">
          <xsl:with-param name="s" select="normalize-space(translate($t/g:unit[1], '&#12288;', ' '))"/>
        </xsl:call-template>
        <xsl:text>,</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the widest row (a row in a group has one more field) gives the width -->
  <xsl:template match="g:table" mode="table">
    <xsl:variable name="table" select="."/>
    <xsl:for-each select="g:thead/* | g:tbody/*[not(self::g:group)] | g:tbody/g:group/*[not(self::g:category)]">
      <xsl:sort select="count(*) + count(parent::g:group)" data-type="number" order="descending"/>
      <xsl:if test="position() = 1">
        <xsl:apply-templates select="$table/g:thead/* | $table/g:tbody/*" mode="row">
          <xsl:with-param name="width" select="count(*) + count(parent::g:group)"/>
        </xsl:apply-templates>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="g:group" mode="row">
    <xsl:param name="width"/>
    <xsl:apply-templates select="*[not(self::g:category)]" mode="row">
      <xsl:with-param name="width" select="$width"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- a page number printed across the table is no row of it -->
  <xsl:template match="g:page" mode="row"/>

  <!-- a row of wrapped pieces is part of the row above (see row/@wrap) -->
  <xsl:template match="g:row[@wrap = 'true' and preceding-sibling::g:row]" mode="row"/>

  <xsl:template match="*" mode="row">
    <xsl:param name="width"/>
    <xsl:variable name="grouped" select="boolean(parent::g:group)"/>
    <xsl:variable name="id" select="generate-id()"/>
    <xsl:variable name="pieces" select="key('pieces', $id)"/>
    <xsl:call-template name="which">
      <xsl:with-param name="head" select="parent::g:thead and not(preceding-sibling::*)"/>
    </xsl:call-template>
    <xsl:if test="$grouped">
      <xsl:call-template name="field">
        <xsl:with-param name="s" select="string(../g:category)"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="*">
      <xsl:variable name="at" select="position()"/>
      <xsl:if test="position() > 1 or $grouped">,</xsl:if>
      <xsl:choose>
        <!-- a fragment only where pieces are joined: it costs a copy of
             the output so far (see outline.xsl) -->
        <xsl:when test="$pieces/*[$at] != ''">
          <xsl:call-template name="field">
            <xsl:with-param name="s">
              <xsl:value-of select="."/>
              <xsl:for-each select="$pieces"><xsl:value-of select="*[$at]"/></xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="field">
            <xsl:with-param name="s" select="string(.)"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:call-template name="commas">
      <xsl:with-param name="n" select="$width - count(*) - $grouped - not(* or $grouped)"/>
    </xsl:call-template>
    <!-- a record of one empty field would be an empty line -->
    <xsl:if test="$width &lt;= 1 and not($grouped) and string(*[1]) = ''">""</xsl:if>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template name="commas">
    <xsl:param name="n"/>
    <xsl:if test="$n > 0">
      <xsl:value-of select="substring(',,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,', 1, $n)"/>
      <xsl:call-template name="commas">
        <xsl:with-param name="n" select="$n - 32"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="field">
    <xsl:param name="s"/>
    <xsl:variable name="v" select="concat(substring(&quot;'&quot;, 1, number($formulas != 'keep' and $s != ''
        and contains('=+-@&#9;&#13;', substring($s, 1, 1)) and string(number($s)) = 'NaN')), $s)"/>
    <xsl:choose>
      <xsl:when test="contains($v, ',') or contains($v, '&quot;') or contains($v, '&#10;') or contains($v, '&#13;')">
        <xsl:text>"</xsl:text>
        <xsl:call-template name="double-quotes">
          <xsl:with-param name="s" select="$v"/>
        </xsl:call-template>
        <xsl:text>"</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="double-quotes">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&quot;')">
        <xsl:value-of select="concat(substring-before($s, '&quot;'), '&quot;&quot;')"/>
        <xsl:call-template name="double-quotes">
          <xsl:with-param name="s" select="substring-after($s, '&quot;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
