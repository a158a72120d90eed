/* The gongwen XML vocabulary: every element and attribute name the compiler
 * writes, in one place, so the grammar (grammar/gongwen.rng), the stylesheets
 * and the C code can be checked against a single list. */
#ifndef GW_NAMES_H
#define GW_NAMES_H

#define GW_NS "urn:gongwen:report:1"
#define GW_SCHEMA_VERSION "1"

/* elements */
#define GW_E_REPORT "report"
#define GW_E_FRONT "front"
#define GW_E_TITLE "title"
#define GW_E_SUBTITLE "subtitle"
#define GW_E_AUTHOR "author"
#define GW_E_SALUTATION "salutation"
#define GW_E_BODY "body"
#define GW_E_SECTION "section"
#define GW_E_NUM "num"
#define GW_E_P "p"
#define GW_E_LEAD "lead"
#define GW_E_LIST "list"
#define GW_E_ITEM "item"
#define GW_E_NAME "name"
#define GW_E_BOX "box"
#define GW_E_TABLE "table"
#define GW_E_CAPTION "caption"
#define GW_E_UNIT "unit"
#define GW_E_THEAD "thead"
#define GW_E_TBODY "tbody"
#define GW_E_GROUP "group"
#define GW_E_CATEGORY "category"
#define GW_E_ROW "row"
#define GW_E_CELL "cell"
#define GW_E_NOTE "note"
#define GW_E_TERM "term"
#define GW_E_CTL "ctl"
#define GW_E_PAGE "page"
#define GW_E_TOC "toc"
#define GW_E_REF "ref"
#define GW_E_ENTRY "entry"
#define GW_E_DIAGNOSTICS "diagnostics"
#define GW_E_DIAGNOSTIC "diagnostic"

/* attributes */
#define GW_A_VERSION "version"
#define GW_A_ENCODING "encoding"
/* provenance on the root (src/provenance.c) */
#define GW_A_GENERATOR "generator"
#define GW_A_SHA256 "sha256"
#define GW_A_SIZE "size"
#define GW_A_LINE_END "line-end"
#define GW_A_CONVERTED "converted"
/* Dublin Core attributes on the root, from the front matter */
#define GW_DC_NS "http://purl.org/dc/elements/1.1/"
#define GW_DC_PREFIX "dc"
#define GW_DC_TITLE "title"
#define GW_DC_DATE "date"
#define GW_DC_CREATOR "creator"
/* the <?xml-model?> processing instruction before the root: the schema,
 * installed beside the stylesheets as DATADIR/gongwen/gongwen.rng */
#define GW_PI_XML_MODEL "xml-model"
#define GW_SCHEMA_HREF "gongwen.rng"
#define GW_RELAXNG_NS "http://relaxng.org/ns/structure/1.0"
#define GW_A_SOURCE "source"
#define GW_A_FORMAT "format" /* the source format when it is not text */
#define GW_A_LINE "line"
#define GW_A_ID "id"
#define GW_A_FAMILY "family"
#define GW_A_N "n"
#define GW_A_RUNIN "runin"
#define GW_A_INFERRED "inferred"
#define GW_A_WRAP "wrap"
#define GW_A_TYPE "type"
#define GW_A_ROLE "role"
#define GW_A_VALUE "value"
#define GW_A_OP "op"
#define GW_A_CP "cp"
#define GW_A_TARGET "target"
#define GW_A_RULE "rule"
#define GW_A_SEVERITY "severity"
#define GW_A_COLUMN "column"
#define GW_A_END_LINE "end-line"
#define GW_A_END_COLUMN "end-column"
#define GW_A_MESSAGE "message"

/* values of list/@type, p/@role, cell/@type */
#define GW_V_DASH "dash"
#define GW_V_ADDRESS "address"
#define GW_V_NUMBER "number"
#define GW_V_NONE "none"
#define GW_V_COMPARE "compare"
#define GW_V_TEXT "text"
#define GW_V_TRUE "true"
#define GW_V_EMPTY "empty"
/* line-end: how the input's lines end */
#define GW_V_LF "lf"
#define GW_V_CRLF "crlf"
#define GW_V_CR "cr"
#define GW_V_MIXED "mixed"

#endif
