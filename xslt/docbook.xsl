<?xml version="1.0" encoding="UTF-8"?>
<!-- A gongwen report as a DocBook 5.0 article, valid against the official
     schema (/usr/share/xml/docbook/schema/rng/5.0/docbook.rng).
     Usage: xsltproc xslt/docbook.xsl report.xml   (or gongwen -t docbook)

     Mapping:
       front title, subtitle    info/title, info/subtitle (the first of each;
                                any further ones stay as para role="title"…)
       front author             info/author: personname, and the office before
                                the first space as affiliation/jobtitle
                                ("国务院总理　李强": jobtitle 国务院总理,
                                personname 李强)
       salutation, front p      para role="salutation" / role="front"
       section                  section xml:id="s1.2" role="FAMILY"
       p with a lead            para, the lead as emphasis role="strong" (a
                                formalpara's run-in title would get DocBook
                                XSL's own '.' after the lead's 。)
       list (—— items)          itemizedlist mark="none" role="dash": the ——
                                marks stay in the text, as printed
       box (专栏)               sidebar xml:id="b1" with title; one para per item
       table                    table (informaltable when it has no caption),
                                CALS tgroup/thead/tbody; a group's category
                                is one entry with morerows over its rows; the
                                unit line goes into the table's caption
       annex (附件) at the end  appendix role="annex" (the annexes that only
                                annexes and a closing glossary follow)
       notes section            glossary (when it closes its parent and holds
                                only notes after its first note) with one
                                glossentry per note; elsewhere a note is a para
                                with its term as glossterm
       toc (目录)               itemizedlist mark="none" role="toc", titled
                                when the copy kept 目录; a toc in front stays
                                where it stood, before the salutation
       ref (［1］)              link to the note
       page (— 2 —)             para role="page" between blocks, phrase
                                role="page" inside text, row role="page"
                                between the rows of a table
       markers (num)            phrase role="num", kept in titles and items;
                                第一章, 专栏1, 01 are followed by an
                                ideographic space when the text runs on
       ctl                      its text (the Control Picture)
       any other element        para role="NAME" where a block stands, phrase
                                role="NAME" inside text: its text is kept

     DocBook puts every block of a section before its subsections; text that
     gongwen finds after a subsection (各位代表… addresses) goes into a
     simplesect (a section where more subsections follow) whose title is
     the first words of the paragraph that opens it (各位代表！, cut from
     the paragraph), or empty when it opens with anything else. An empty document still gets a title (the source's file name,
     role="fallback") and an empty para.

     No result-tree-fragment variables, no big unions, no predicates in match
     patterns (libxslt counts siblings for them), no recursion over
     siblings: blocks are picked by position from a container's first and
     last subsection, so time is linear in the size of the report. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:gongwen:report:1"
    xmlns="http://docbook.org/ns/docbook"
    exclude-result-prefixes="g">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>
  <xsl:key name="note" match="g:note" use="@id"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*[1]"/>
  </xsl:template>

  <!-- not a report: still an article, with its text -->
  <xsl:template match="/*">
    <article version="5.0" xml:lang="zh-CN">
      <info><title role="fallback"><xsl:value-of select="local-name()"/></title></info>
      <para><xsl:apply-templates mode="inline"/></para>
    </article>
  </xsl:template>

  <xsl:template match="/g:report">
    <!-- front matter that is not the first title/subtitle or an author -->
    <xsl:variable name="pre"
        select="g:front/*[not(self::g:title or self::g:subtitle or self::g:author)]
              | g:front/g:title[preceding-sibling::g:title]
              | g:front/g:subtitle[preceding-sibling::g:subtitle]"/>
    <xsl:variable name="before" select="*[not(self::g:front)][following-sibling::g:body]"/>
    <article version="5.0" xml:lang="zh-CN">
      <info>
        <xsl:choose>
          <xsl:when test="g:front/g:title">
            <title><xsl:apply-templates select="g:front/g:title[1]/node()" mode="inline"/></title>
          </xsl:when>
          <xsl:otherwise>
            <title role="fallback">
              <xsl:call-template name="basename">
                <xsl:with-param name="path" select="string(@source)"/>
              </xsl:call-template>
            </title>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="g:front/g:subtitle[1]">
          <subtitle><xsl:apply-templates mode="inline"/></subtitle>
        </xsl:for-each>
        <xsl:apply-templates select="g:front/g:author" mode="info"/>
      </info>
      <xsl:apply-templates select="$pre | $before" mode="block"/>
      <xsl:choose>
        <xsl:when test="g:body">
          <xsl:apply-templates select="g:body[1]" mode="content">
            <xsl:with-param name="has-pre" select="boolean($pre | $before)"/>
            <xsl:with-param name="extra" select="g:body[1]/following-sibling::*[not(self::g:diagnostics)]"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="*[not(self::g:front or self::g:diagnostics)]" mode="block"/>
          <xsl:if test="not($pre | *[not(self::g:front or self::g:diagnostics)])"><para/></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

  <xsl:template name="basename">
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="contains($path, '/')">
        <xsl:call-template name="basename">
          <xsl:with-param name="path" select="substring-after($path, '/')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="substring($path, string-length($path) - 3) = '.txt'">
        <xsl:value-of select="substring($path, 1, string-length($path) - 4)"/>
      </xsl:when>
      <xsl:when test="$path != ''"><xsl:value-of select="$path"/></xsl:when>
      <xsl:otherwise>无标题</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 国务院总理　李强: the office is what stands before the first space
       (ASCII or ideographic); the name may itself be spaced (龚 正). -->
  <xsl:template match="g:author" mode="info">
    <xsl:variable name="t" select="string(.)"/>
    <xsl:variable name="a" select="substring-before($t, '&#12288;')"/>
    <xsl:variable name="b" select="substring-before($t, ' ')"/>
    <xsl:variable name="ia" select="string-length($a) + 1000000 * not(contains($t, '&#12288;'))"/>
    <xsl:variable name="ib" select="string-length($b) + 1000000 * not(contains($t, ' '))"/>
    <xsl:variable name="k" select="$ia * ($ia &lt;= $ib) + $ib * ($ib &lt; $ia)"/>
    <xsl:variable name="office" select="substring($t, 1, $k * ($k &lt; 1000000))"/>
    <xsl:variable name="name" select="substring($t, $k + 2)"/>
    <author>
      <xsl:choose>
        <xsl:when test="translate($office, ' &#12288;&#9;', '') != '' and translate($name, ' &#12288;&#9;', '') != ''">
          <personname><xsl:value-of select="$name"/></personname>
          <affiliation><jobtitle><xsl:value-of select="$office"/></jobtitle></affiliation>
        </xsl:when>
        <xsl:otherwise>
          <personname><xsl:value-of select="$t"/></personname>
        </xsl:otherwise>
      </xsl:choose>
    </author>
  </xsl:template>

  <!-- ===== containers: body and section =====
       DocBook wants (blocks, sections, simplesects, glossary). Here: the
       blocks before the first subsection; the subsections, with any blocks
       between two of them in a section role="continuation"; the blocks after
       the last one in a simplesect; a closing notes section as glossary. -->
  <xsl:template match="*" mode="content">
    <xsl:param name="has-pre" select="false()"/>
    <xsl:param name="extra" select="/.."/>
    <!-- the glossary: a notes section of notes only, last, or in the body
         followed by annexes only (名词解释 before 附件) -->
    <xsl:variable name="gl"
        select="*[self::g:section][@family = 'notes'][not(g:section)][g:note]
                [not(g:note[1]/following-sibling::*[not(self::g:note)])]
                [not(following-sibling::*) or
                 (parent::g:body and not(following-sibling::*[not(self::g:section[@family = 'annex'])]))]
                [preceding-sibling::*[1][not(self::g:title)] or $has-pre]"/>
    <!-- the annexes at the end of the body: appendices, after everything
         but the glossary (only annexes and the glossary may follow them) -->
    <xsl:variable name="apx"
        select="self::g:body/g:section[@family = 'annex']
                [not(following-sibling::*[not(self::g:section[@family = 'annex'])][generate-id() != generate-id($gl)])]"/>
    <!-- where the body's sections end: the first appendix, else the glossary -->
    <xsl:variable name="end" select="($apx | $gl)[1]"/>
    <!-- the number of children before it -->
    <xsl:variable name="n-end" select="count($end/preceding-sibling::*) + 1000000 * not($end)"/>
    <xsl:variable name="first" select="*[position() &lt;= $n-end][self::g:section][1]"/>
    <xsl:choose>
      <xsl:when test="not($first)">
        <xsl:apply-templates select="*[position() &lt;= $n-end][not(self::g:title)]" mode="block"/>
        <xsl:apply-templates select="$extra" mode="block"/>
        <xsl:if test="not($has-pre or *[position() &lt;= $n-end][not(self::g:title)] or $extra)">
          <para/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="last" select="(g:section[last()][not($end)] | $end/preceding-sibling::g:section[1])[1]"/>
        <xsl:variable name="dist" select="count($last/preceding-sibling::*) - count($first/preceding-sibling::*)"/>
        <xsl:variable name="tail" select="$last/following-sibling::*[position() &lt; $n-end - count($last/preceding-sibling::*)]"/>
        <xsl:apply-templates select="$first/preceding-sibling::*[not(self::g:title)]" mode="block"/>
        <xsl:apply-templates select="$first" mode="block"/>
        <xsl:apply-templates select="$last/preceding-sibling::*[position() &lt; $dist]" mode="middle">
          <xsl:with-param name="group" select="$dist &lt;= 256"/>
        </xsl:apply-templates>
        <xsl:if test="$dist > 0">
          <xsl:apply-templates select="$last" mode="block"/>
        </xsl:if>
        <xsl:if test="$tail or $extra">
          <simplesect role="continuation">
            <xsl:call-template name="continuation">
              <xsl:with-param name="blocks" select="$tail | $extra"/>
            </xsl:call-template>
          </simplesect>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
    <!-- appendices and the glossary in the report's order -->
    <xsl:for-each select="$apx | $gl">
      <xsl:choose>
        <xsl:when test="generate-id() = generate-id($gl)">
          <xsl:apply-templates select="." mode="glossary"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="." mode="appendix"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="g:section" mode="appendix">
    <appendix>
      <xsl:if test="@id">
        <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="section-role"/>
      <title><xsl:apply-templates select="g:title/node()" mode="inline"/></title>
      <xsl:apply-templates select="." mode="content"/>
    </appendix>
  </xsl:template>

  <!-- between the first and the last subsection -->
  <xsl:template match="g:section" mode="middle">
    <xsl:apply-templates select="." mode="block"/>
  </xsl:template>

  <!-- a run of blocks between two subsections: picked by position (no
       recursion over siblings, so a run of any length is fine). Finding a
       run's end costs the container's size, so in a container of more than
       256 blocks each such block is a continuation section of its own, to
       stay linear. -->
  <xsl:template match="*" mode="middle">
    <xsl:param name="group" select="true()"/>
    <xsl:choose>
      <xsl:when test="not($group)">
        <section role="continuation">
          <xsl:call-template name="continuation">
            <xsl:with-param name="blocks" select="."/>
          </xsl:call-template>
        </section>
      </xsl:when>
      <xsl:when test="preceding-sibling::*[1][self::g:section]">
        <xsl:variable name="k" select="count(following-sibling::g:section[1]/preceding-sibling::*) - count(preceding-sibling::*)"/>
        <section role="continuation">
          <xsl:call-template name="continuation">
            <xsl:with-param name="blocks" select=". | following-sibling::*[position() &lt; $k]"/>
          </xsl:call-template>
        </section>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The title and blocks of a continuation. A paragraph of text only
       that opens it (各位代表！五年来…) gives the title its first words, up
       to the first ！ ： ， 。 or ？, full width or ASCII as Word copies have
       them (各位代表!) (20 characters at most; a line of 20
       characters or fewer is all title), and the rest stays a para;
       anything else (a table, a list, a long line) leaves the title empty:
       DocBook wants a title, and the report has none for this text. -->
  <xsl:template name="continuation">
    <xsl:param name="blocks"/>
    <xsl:variable name="b" select="$blocks[1][not(*)][normalize-space()]
        [not(self::g:section or self::g:list or self::g:box or self::g:table or self::g:toc)]"/>
    <xsl:variable name="t" select="string($b)"/>
    <xsl:variable name="marked" select="translate($t, '：，。？!:,?', '！！！！！！！！')"/>
    <xsl:variable name="mark" select="string-length(substring-before($marked, '！')) + 1"/>
    <!-- a short line is all title -->
    <xsl:variable name="cut" select="$mark * contains($marked, '！') * ($mark &lt;= 20)
        + string-length($t) * not(contains($marked, '！') and $mark &lt;= 20) * (string-length(normalize-space($t)) &lt;= 20)"/>
    <xsl:choose>
      <xsl:when test="$b and $cut &gt; 0">
        <title><xsl:value-of select="substring($t, 1, $cut)"/></title>
        <xsl:choose>
          <xsl:when test="normalize-space(translate(substring($t, $cut + 1), '&#12288;', ' ')) != ''">
            <para>
              <xsl:copy-of select="$b[self::g:p]/@role"/>
              <xsl:if test="not($b[self::g:p])">
                <xsl:attribute name="role"><xsl:value-of select="local-name($b)"/></xsl:attribute>
              </xsl:if>
              <xsl:value-of select="substring($t, $cut + 1)"/>
            </para>
          </xsl:when>
          <!-- a section holds a block at least -->
          <xsl:when test="not($blocks[2])"><para/></xsl:when>
        </xsl:choose>
        <xsl:apply-templates select="$blocks[position() &gt; 1]" mode="block"/>
      </xsl:when>
      <xsl:otherwise>
        <title/>
        <xsl:apply-templates select="$blocks" mode="block"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== blocks ===== -->
  <xsl:template match="g:section" mode="block">
    <section>
      <xsl:if test="@id">
        <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="section-role"/>
      <title><xsl:apply-templates select="g:title/node()" mode="inline"/></title>
      <xsl:apply-templates select="." mode="content"/>
    </section>
  </xsl:template>

  <xsl:template name="section-role">
    <xsl:variable name="r" select="normalize-space(concat(@family, substring(' runin', 1, 6 * (@runin = 'true')),
                                                          substring(' inferred', 1, 9 * (@inferred = 'true'))))"/>
    <xsl:if test="$r != ''">
      <xsl:attribute name="role"><xsl:value-of select="$r"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="g:section" mode="glossary">
    <glossary role="notes">
      <xsl:if test="@id">
        <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      </xsl:if>
      <title><xsl:apply-templates select="g:title/node()" mode="inline"/></title>
      <xsl:apply-templates select="g:note[1]/preceding-sibling::*[not(self::g:title)]" mode="block"/>
      <xsl:apply-templates select="g:note" mode="glossentry"/>
    </glossary>
  </xsl:template>

  <!-- the term (with its marker) is the glossterm; the ：that follows it is
       the glossary's own punctuation and is dropped -->
  <xsl:template match="g:note" mode="glossentry">
    <glossentry>
      <xsl:call-template name="note-id"/>
      <glossterm>
        <xsl:choose>
          <xsl:when test="g:term">
            <xsl:apply-templates select="g:num" mode="inline"/>
            <xsl:apply-templates select="g:term/node()" mode="inline"/>
          </xsl:when>
          <!-- ［1］ alone: the number is the term -->
          <xsl:otherwise><xsl:apply-templates select="g:num/node()" mode="inline"/></xsl:otherwise>
        </xsl:choose>
      </glossterm>
      <glossdef>
        <para><xsl:apply-templates select="node()[not(self::g:num or self::g:term)]" mode="def"/></para>
      </glossdef>
    </glossentry>
  </xsl:template>

  <!-- a note's id, and its printed number as the label its
       cross-references are rendered with -->
  <xsl:template name="note-id">
    <xsl:if test="@id">
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <xsl:if test="normalize-space(g:num) != ''">
        <xsl:attribute name="xreflabel"><xsl:value-of select="normalize-space(g:num)"/></xsl:attribute>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template match="node()" mode="def">
    <xsl:choose>
      <xsl:when test="self::text() and preceding-sibling::node()[1][self::g:term]">
        <xsl:call-template name="drop-colon">
          <xsl:with-param name="s" select="string(.)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="drop-colon">
    <xsl:param name="s"/>
    <xsl:variable name="c" select="substring($s, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$c = ' ' or $c = '&#12288;' or $c = '&#9;'">
        <xsl:call-template name="drop-colon">
          <xsl:with-param name="s" select="substring($s, 2)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$c = '：' or $c = ':'"><xsl:value-of select="substring($s, 2)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="g:note" mode="block">
    <para role="note">
      <xsl:call-template name="note-id"/>
      <xsl:apply-templates mode="inline"/>
    </para>
  </xsl:template>

  <xsl:template match="g:p" mode="block">
    <para>
      <xsl:copy-of select="@role"/>
      <xsl:apply-templates mode="inline"/>
    </para>
  </xsl:template>

  <xsl:template match="g:front/g:salutation | g:front/g:p" mode="block">
    <para role="{concat(substring('salutation', 1, 10 * boolean(self::g:salutation)), substring('front', 1, 5 * boolean(self::g:p)))}">
      <xsl:apply-templates mode="inline"/>
    </para>
  </xsl:template>

  <xsl:template match="g:list" mode="block">
    <itemizedlist mark="none">
      <xsl:attribute name="role"><xsl:value-of select="@type"/></xsl:attribute>
      <xsl:for-each select="*">
        <listitem>
          <para><xsl:apply-templates mode="inline"/></para>
        </listitem>
      </xsl:for-each>
      <xsl:if test="not(*)"><listitem><para/></listitem></xsl:if>
    </itemizedlist>
  </xsl:template>

  <xsl:template match="g:box" mode="block">
    <sidebar role="box">
      <xsl:if test="@id">
        <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      </xsl:if>
      <title><xsl:apply-templates select="g:title/node()" mode="inline"/></title>
      <xsl:for-each select="*[not(self::g:title or self::g:table)]">
        <para role="{local-name()}"><xsl:apply-templates mode="inline"/></para>
      </xsl:for-each>
      <xsl:apply-templates select="g:table" mode="block"/>
      <xsl:if test="not(*[not(self::g:title)])"><para/></xsl:if>
    </sidebar>
  </xsl:template>

  <!-- ===== tables ===== -->
  <xsl:template match="g:table" mode="block">
    <xsl:choose>
      <xsl:when test="g:caption">
        <table>
          <xsl:call-template name="table-body"/>
        </table>
      </xsl:when>
      <xsl:otherwise>
        <informaltable>
          <xsl:call-template name="table-body"/>
        </informaltable>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="table-body">
    <xsl:variable name="table" select="."/>
    <xsl:if test="@id">
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
    </xsl:if>
    <xsl:attribute name="frame">all</xsl:attribute>
    <xsl:if test="g:caption">
      <title><xsl:apply-templates select="g:caption[1]/node()" mode="inline"/></title>
    </xsl:if>
    <!-- the widest row fixes cols (a row in a group also has the category's
         column); the tgroup is written while that row is the context -->
    <xsl:for-each select="g:thead/* | g:tbody/*[not(self::g:group)] | g:tbody/g:group/*[not(self::g:category)]">
      <xsl:sort select="count(*) + count(parent::g:group)" data-type="number" order="descending"/>
      <xsl:if test="position() = 1">
        <tgroup cols="{count(*) + count(parent::g:group) + not(* or parent::g:group)}">
          <xsl:if test="$table/g:thead/*">
            <thead><xsl:apply-templates select="$table/g:thead/*" mode="row"/></thead>
          </xsl:if>
          <tbody>
            <xsl:apply-templates select="$table/g:tbody/*" mode="row"/>
            <xsl:if test="not($table/g:tbody/*)"><row><entry/></row></xsl:if>
          </tbody>
        </tgroup>
      </xsl:if>
    </xsl:for-each>
    <xsl:if test="not(g:thead/* | g:tbody/*[not(self::g:group)] | g:tbody/g:group/*[not(self::g:category)])">
      <tgroup cols="1">
        <tbody>
          <xsl:apply-templates select="g:tbody/*" mode="row"/>
          <xsl:if test="not(g:tbody/g:group/g:category)"><row><entry/></row></xsl:if>
        </tbody>
      </tgroup>
    </xsl:if>
    <xsl:if test="*[not(self::g:caption or self::g:thead or self::g:tbody)]">
      <caption>
        <xsl:for-each select="*[not(self::g:caption or self::g:thead or self::g:tbody)]">
          <para role="{local-name()}"><xsl:apply-templates mode="inline"/></para>
        </xsl:for-each>
      </caption>
    </xsl:if>
  </xsl:template>

  <!-- a page number printed across the table: a row of its own -->
  <xsl:template match="g:page" mode="row">
    <row role="page"><entry><xsl:apply-templates mode="inline"/></entry></row>
  </xsl:template>

  <xsl:template match="g:group" mode="row">
    <xsl:apply-templates select="*" mode="row"/>
  </xsl:template>

  <!-- a category is the first entry of its group's first row, spanning
       the group's rows (in a PDF copy it was printed on a middle row); one
       that opens no row is a row of its own -->
  <xsl:template match="g:category" mode="row">
    <xsl:if test="not(../g:row) or preceding-sibling::g:category">
      <row><entry role="category"><xsl:apply-templates mode="inline"/></entry></row>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="row">
    <xsl:variable name="opens" select="parent::g:group and not(preceding-sibling::g:row)"/>
    <row>
      <xsl:if test="$opens">
        <xsl:for-each select="../g:category[1]">
          <xsl:variable name="span" select="count(../g:row | ../g:page) - 1"/>
          <entry role="category">
            <xsl:if test="$span > 0">
              <xsl:attribute name="morerows"><xsl:value-of select="$span"/></xsl:attribute>
            </xsl:if>
            <xsl:apply-templates mode="inline"/>
          </entry>
        </xsl:for-each>
      </xsl:if>
      <xsl:for-each select="*">
        <entry>
          <xsl:if test="@type">
            <xsl:attribute name="role"><xsl:value-of select="@type"/></xsl:attribute>
          </xsl:if>
          <xsl:apply-templates mode="inline"/>
        </entry>
      </xsl:for-each>
      <xsl:if test="not(* or $opens)">
        <xsl:choose>
          <!-- a row that is no row of cells: its text in one entry -->
          <xsl:when test="normalize-space(.) != ''">
            <entry role="{local-name()}"><xsl:apply-templates mode="inline"/></entry>
          </xsl:when>
          <xsl:otherwise><entry/></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </row>
  </xsl:template>

  <!-- 目录: a titled list of its entries, unmarked -->
  <xsl:template match="g:toc" mode="block">
    <xsl:choose>
      <xsl:when test="g:entry">
        <itemizedlist mark="none" role="toc">
          <xsl:for-each select="g:title[1]">
            <title><xsl:apply-templates mode="inline"/></title>
          </xsl:for-each>
          <xsl:for-each select="*[not(self::g:title)]">
            <listitem><para><xsl:apply-templates mode="inline"/></para></listitem>
          </xsl:for-each>
        </itemizedlist>
      </xsl:when>
      <xsl:otherwise>
        <para role="toc"><xsl:apply-templates select="*" mode="inline-title"/></para>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="g:title" mode="inline-title">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="*" mode="inline-title">
    <xsl:apply-templates select="." mode="inline"/>
  </xsl:template>

  <!-- any other block (page among them): its text in a para -->
  <xsl:template match="*" mode="block">
    <para role="{local-name()}"><xsl:apply-templates mode="inline"/></para>
  </xsl:template>

  <!-- ===== inline ===== -->
  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="g:ctl" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- 第一章　总则, 专栏1　…, 01　…: a marker ending in a word or a number is
       set off from the text by an ideographic space -->
  <xsl:template match="g:num" mode="inline">
    <xsl:choose>
      <!-- 第一章 with no title after it: the number is the title -->
      <xsl:when test="not(following-sibling::node())"><xsl:apply-templates mode="inline"/></xsl:when>
      <xsl:otherwise><phrase role="num"><xsl:apply-templates mode="inline"/></phrase></xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="last" select="substring(., string-length(.))"/>
    <xsl:variable name="next" select="substring(following-sibling::node()[1], 1, 1)"/>
    <xsl:if test="$last != '' and contains('章节篇编0123456789０１２３４５６７８９', $last)
                  and $next != '' and not(contains(' &#12288;&#9;&#10;&#13;', $next))">
      <xsl:text>&#12288;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="g:lead | g:name" mode="inline">
    <emphasis role="strong"><xsl:apply-templates mode="inline"/></emphasis>
  </xsl:template>

  <!-- a box item's name that stood on a line of its own (no ：after it) is
       set off from the text that follows by an ideographic space -->
  <xsl:template match="g:box/g:item/g:name" mode="inline">
    <emphasis role="strong"><xsl:apply-templates mode="inline"/></emphasis>
    <xsl:variable name="next" select="substring(following-sibling::node()[1], 1, 1)"/>
    <xsl:if test="$next != '' and not(contains('：:。.，,；;、 &#12288;&#9;&#10;&#13;', $next))">
      <xsl:text>&#12288;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ［1］ naming a note: a link to it -->
  <xsl:template match="g:ref" mode="inline">
    <xsl:choose>
      <!-- printed as the note's own number: a cross-reference, which
           DocBook renders from the note's xreflabel (the same ［1］) -->
      <xsl:when test="key('note', @target)[normalize-space(g:num) = normalize-space(current())]">
        <xref linkend="{@target}"/>
      </xsl:when>
      <xsl:when test="key('note', @target)">
        <link linkend="{@target}"><xsl:apply-templates mode="inline"/></link>
      </xsl:when>
      <xsl:otherwise>
        <phrase role="ref"><xsl:apply-templates mode="inline"/></phrase>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="g:term" mode="inline">
    <glossterm><xsl:apply-templates mode="inline"/></glossterm>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <phrase role="{local-name()}"><xsl:apply-templates mode="inline"/></phrase>
  </xsl:template>
  <!-- gongwen check's findings (diagnostics=embed) are for archives and
       user stylesheets, not part of the published text. -->
  <xsl:template match="g:diagnostics" mode="block"/>

</xsl:stylesheet>
