/* Tuning constants: every threshold the recognisers compare against, in
 * one place, each with what it means and why it has its value.
 *
 * One name, one meaning: two thresholds that happen to share a value but
 * answer different questions have different names. "Characters" are code
 * points; unless said otherwise they are counted without white space
 * (gw_count_nonspace), as the recognisers count them.
 *
 * The measurements quoted ("longest ... is N") are over the five samples
 * and the 57 corpus documents with hand-checked outlines
 * (the .tsv files in tests/gold and tests/corpus) and the trees gongwen builds of
 * them; tools/tunables_evidence.py repeats them. A value set above the
 * longest one measured leaves room for documents not yet seen; one set
 * below it is explained where it stands. Changing a value changes output:
 * `make check` (goldens, corpus scores) says how.
 *
 * Not here: sizes that bound memory rather than say what text is (the
 * marker prefix buffer in marker.c, the table of contents' list of seen
 * markers in toc.c, hash buckets, stylesheet and parameter counts) stay
 * beside the buffers they size. */
#ifndef GW_TUNABLES_H
#define GW_TUNABLES_H

/* ---- headings and titles ---------------------------------------------- */

/* A title on a line of its own: a chapter's title on the line below
 * 第三章, a box title, a table caption, a unit line, an annex heading, a
 * numbered entry of a table of contents. The longest title of a
 * 第X章/节/篇/编 is 29 (r6-lanchuan-15th-plan.txt:55), the longest caption
 * 21; 40 admits a title that fills a whole printed line (a full line of
 * the PDF copies is 27 to 35 characters). */
#define GW_TITLE_LINE_MAX 40

/* An unnumbered heading (a short standalone line where a numbered heading
 * is expected; the checker's unnumbered-heading rule): the longest in the
 * trees is 22 (district-jiangning-2024.txt:55). */
#define GW_UNNUMBERED_TITLE_MAX 25

/* A glossary term before its definition (“四上”企业：…, or alone with its
 * definition on the line below): the longest term in the trees is 16
 * (sichuan-2024.txt). */
#define GW_TERM_MAX 25

/* A box item's name with its description on the next line (01　量子信息):
 * a name, as short as an unnumbered title. */
#define GW_ITEM_NAME_MAX 25

/* In a hard-wrapped copy whose paragraphs are indented, an unindented line
 * this short without a sentence end is a heading of its own (名词解释,
 * 附件2, 序　言), not a wrapped line; counted with white space (序　言).
 * A full line of the PDF copies is 27 to 35 characters (the commonest
 * line lengths of city-luoyang-2023-pdf, gulou-2024-pdf, national-2023-pdf),
 * so 25 stays clear of wrapped lines. */
#define GW_LAYOUT_TITLE_LINE_MAX 25

/* A heading hard-wrapped over lines has at most this many characters in
 * all: the longest heading title alone on its lines in the gold outlines
 * is 47 (gulou-2024-pdf.txt:44). */
#define GW_WRAPPED_HEADING_MAX 60

/* Contents that lost their 目录 title are known by their own evidence: at
 * least this many entries with page numbers in a row, or headings alone
 * on their lines that the text repeats in order. Two headings in a row
 * happen in any text (第一章 above 第一节); a table of contents lists
 * more (the shortest in the corpus, r6-lingdong-prov-2025, lists 5). */
#define GW_TOC_ENTRIES_MIN 3

/* ---- leads ------------------------------------------------------------ */

/* Longest lead, in characters without white space and end punctuation.
 * The longest lead in the gold outlines is 23 (national-2016-web.txt:62),
 * a command: leads over 20 are taken only among other leads
 * (gw_lead_is_long), so one long opening sentence alone stays prose. */
#define GW_LEAD_MAX 20
/* Longest lead that is one command opening with a task verb (推动…): the
 * 23 above, with room. */
#define GW_LEAD_TASK_MAX 28
/* Longest lead of any shape (加快国际经济中心建设，产业体系现代化水平持续
 * 提升。): the bold leads of the real Word reports run to 28
 * (prov-neimenggu-2025-docx.txt:33) but one, 31 (…:58, 教育是最基本的民生需求，
 * 没有…人口); at 32 three unbolded opening sentences of prov-shanxi-2025 (39-41)
 * and one of national-2021-web-crlf (30) become leads, so 30. Such a lead, or
 * one of two clauses, is taken only beside a plain lead or in a run of
 * GW_LEAD_RUN_MIN. */
#define GW_LEAD_LONG_MAX 30
/* Longest lead that is a maxim on a one-word topic with its reason
 * (教育是最基本的民生需求，没有良好的教育既留不住人才也留不住人口。, 31,
 * prov-neimenggu-2025-docx.txt:58): the two-character subject before 是
 * pins it down, so it may run past GW_LEAD_LONG_MAX (no corpus case
 * changes up to 60); it still needs company. */
#define GW_LEAD_MAXIM_MAX 36
/* A section's introduction, between its heading and its first
 * sub-heading, runs to this many paragraphs at most when a heading broken
 * over two paragraphs is looked for (重庆's 三、 has one). */
#define GW_INTRO_LINES_MAX 4
/* A run of this many long or two-clause leads stands without a plain lead
 * beside it: 上海's five `加快国际X中心建设，…` leads; two in a row are as
 * often two sentences of prose. */
#define GW_LEAD_RUN_MIN 3
/* A lead alone on its line without a stop has at least this many
 * characters (名词解释, 附件 and 目录 are shorter or taken before). */
#define GW_BARE_LEAD_MIN 5
/* An unquoted glossary term's definition has at least this many
 * characters: shorter, TERM：… is a label (相关链接：…). */
#define GW_DEFINITION_MIN 8

/* ---- front matter ----------------------------------------------------- */

/* Front matter is looked for in the first lines: the deepest subtitle,
 * speaker or salutation in the gold outlines is the 11th non-blank line
 * (r6-lingdong-prov-2025.txt:15), below a web page's datelines. */
#define GW_FRONT_MAX_LINES 15
/* A front-matter line is at most this long, in characters with white
 * space: the longest subtitle is 32 (nanhai-2024.txt:9); subtitle and
 * speaker can share a line. */
#define GW_FRONT_MAX_CHARS 80
/* A scraper's metadata block (--- … ---) above the text: title, source,
 * date, tags, a few more fields; a longer run between two rules is not
 * one. */
#define GW_METADATA_MAX_LINES 40
/* The document's title: the longest is 36 characters
 * (national-14th-fyp.txt:1). */
#define GW_DOC_TITLE_MAX 60
/* The speaker line (国务院总理 李强): the longest is 13 characters
 * (r6-yunlan-district-2025.txt:5). */
#define GW_AUTHOR_MAX 30
/* A speaker's name: two to four Han characters, or up to this many for a
 * transcribed name joined by a dot (艾尔肯·吐尼亚孜 is 8). */
#define GW_NAME_DOTTED_MAX 12

/* ---- hard-wrapped copies and page furniture (layout.c) ---------------- */

/* A document is hard-wrapped when at least this many of its prose lines
 * (lines with a comma, no marker) stop without closing punctuation, and
 * at least this share of them: in unwrapped reports the share is 0, in
 * the PDF copies most lines. */
#define GW_WRAP_MIN_LINES 3
#define GW_WRAP_MIN_SHARE 25 /* percent */
/* Paragraph starts are marked by indentation when this share of lines is
 * indented (but not nearly all: then every line is a paragraph). */
#define GW_INDENT_MIN_SHARE 10
#define GW_INDENT_MAX_SHARE 80
/* A line shorter than this share of the usual full line ends its
 * paragraph. */
#define GW_FULL_LINE_SHARE 60
/* ... and one that ends a sentence goes on when it is at least this long
 * (percent of a line of text) in a copy whose paragraphs run to
 * GW_LONG_PARAGRAPH_LINES lines or more on average */
#define GW_MEASURE_SHARE 95
#define GW_LONG_PARAGRAPH_LINES 4
/* ... counted over at least this many lines of text */
#define GW_HABIT_SAMPLE_LINES 50
/* A hard-wrapped copy's headings of one family stand alone when at least
 * this many short ones show it and none runs into its text */
#define GW_HABIT_MIN 2
/* lines searched above or below a run-in series item (一是) for its neighbour */
#define GW_SERIES_WINDOW 30
/* A copy is double-spaced when this share of its consecutive lines of text
 * (percent) have one blank line between them */
#define GW_DOUBLE_SHARE 85
/* ... shown by marker lines shorter than this share of a line of text (in
 * percent) */
#define GW_HABIT_SHORT_SHARE 85
/* A short line seen this often without punctuation is a running header. */
#define GW_HEADER_MIN_REPEATS 3
/* A running header is at most this long: the longest page line in the
 * trees is 32 characters (jiangxi-14th-plan.txt:85). layout.c counts it
 * with white space, table.c (a header at the top of a page inside a
 * table) without. */
#define GW_HEADER_MAX 48
/* A bare page number (3) has at most this many digits: the longest page
 * number in the trees has 2 (r6-lanchuan-15th-plan.txt:76); a plan of
 * 999 pages is not a report. */
#define GW_PAGE_DIGITS_MAX 3
/* The prose around a bare page number: lines of at least this many
 * characters (with white space), or ending a sentence. */
#define GW_PROSE_LINE_MIN 15

/* A subscript or superscript a web copy put on a line of its own: 2.5 of
 * PM2.5, 10 of PM10, 2 of CO2 (digits and a point). */
#define GW_SCRIPT_MAX 4

/* ---- tables (table.c) ------------------------------------------------- */

/* A cell is short and is not a sentence: the longest cell in the trees is
 * 24 (p3-yunxi-digital.txt:56). */
#define GW_CELL_MAX 40
/* Vertical text continues a cell one or two characters a line (经/济/强). */
#define GW_PIECE_MAX 4
/* Fewer cell lines than this in a row is a list, not a table. */
#define GW_MIN_CELL_LINES 4
/* The layout form of PDF copies: cells separated by white space at least
 * this many columns wide, in columns aligned from line to line (one space
 * separates words inside a cell). */
#define GW_GAP_MIN 2
/* Lines of three or more cells in a row before text is taken as a table. */
#define GW_LAYOUT_MIN_LINES 3
/* A category label on a line of its own (a merged cell printed between
 * rows): the longest label in the trees is 7 (haizhou-14th-plan.txt:237). */
#define GW_LABEL_MAX 8
/* A wrapped cell's second line, alone on its line: as long as the longest
 * cell measured (24). */
#define GW_WRAP_MAX 24

/* A web copy's table header cell (序号, 指标名称, 2025年目标): longer is a
 * row's text, not a column's name. */
#define GW_WEB_HEADER_MAX 12
/* Cells read to decide whether a web copy's table starts at a line: a
 * header and its first rows. */
#define GW_WEB_PROBE_CELLS 64
/* A web copy's cell wraps over at most this many lines (完成市下达 / 任务);
 * more lines without a blank between are prose, not a cell. */
#define GW_WEB_WRAP_LINES 3

/* ---- structured sources: what their readers take as given ------------ */

/* web pages (html.c) */
/* A block's own Chinese characters count towards its container's when
 * there are at least this many (a menu entry has fewer). */
#define GW_HTML_BLOCK_MIN 8
/* The title set above the article, outside it (html.c title_before): the
 * earlier siblings looked at on each level up from the article, and the
 * most characters a title has (a longer heading is a paragraph). */
#define GW_HTML_TITLE_SIBLINGS 4
#define GW_HTML_TITLE_MAX 80
/* A table cell this long (characters), or holding paragraphs, makes a
 * layout table. */
#define GW_HTML_CELL_TEXT_MAX 200

/* PDF text layers (pdf.c) */
/* A gap wider than this many half-widths between two glyphs is a column
 * gap, padded to the column it reaches (narrower ones are the text layer's
 * own spaces, kept as they are). */
#define GW_PDF_COLUMN_GAP 1.5
/* A document with fewer characters of text than this per page has no text
 * layer worth the name: scanned images. */
#define GW_PDF_CHARS_PER_PAGE_MIN 4
/* Lines further apart than this many times the page's usual line pitch
 * have space between them: a paragraph break, written as a blank line. */
#define GW_PDF_PARAGRAPH_GAP 1.4
/* A line ending this many half-widths short of the page's right margin
 * ends its paragraph. */
#define GW_PDF_SHORT_LINE 4
/* A line ending within this many half-widths of the page's right margin
 * is full: when the next starts as near the left margin, close below, the
 * paragraph goes on (a paragraph's last line that fills the measure, then
 * one set flush left without space between, is the rare exception). */
#define GW_PDF_FULL_LINE 1.5
/* ... and how short of the margin a line may end and still be full: text
 * set ragged right (not justified) leaves up to the next unbreakable piece
 * out, a glyph that may not open a line with the one before it, or a
 * number such as 47.7% */
#define GW_PDF_RAGGED_LINE 4.5
/* A page whose last line that fills the measure stands this many line
 * pitches above the lowest such line of the pages so far ended early:
 * Word and LibreOffice keep a paragraph's first two lines together
 * (orphan control), so the paragraph that did not fit starts the next
 * page. A paragraph whose last two lines were kept together (widow
 * control) ends a page early too: its rest on the next page is two lines
 * long, and goes on. */
#define GW_PDF_CUT_SHORT 0.8
/* ... but where a page ends says little in a browser's print (Chromium):
 * its paragraphs' spacing, and lines made taller by a fallback font's
 * digits, leave a full page's last line anywhere up to two pitches above
 * the lowest. The first line of the next page tells: in a document whose
 * paragraph-opening lines (below a line ended short of the margin, or
 * space) are indented more than GW_PDF_INDENT_HABIT times as often as
 * set flush left, a line set flush left atop a page goes on with the
 * paragraph above, however early that page ended. */
#define GW_PDF_INDENT_HABIT 2
/* Printed lines put back from the text layer's (pdf.c, relines): a glyph
 * box taller than GW_PDF_TALL_GLYPH times its width, for a wide (CJK)
 * glyph, is one poppler sized twice too large (a Type 3 font); glyphs
 * whose middles are less than GW_PDF_SAME_LINE of an em apart are on one
 * printed line; runs of the text layer on one printed line, at most
 * GW_PDF_JOIN_GAP of an em apart (overlapping at most GW_PDF_OVERLAP of
 * one), are one line. */
#define GW_PDF_TALL_GLYPH 1.8
#define GW_PDF_SAME_LINE 0.5
#define GW_PDF_JOIN_GAP 1.0
#define GW_PDF_OVERLAP 0.6
/* A printed line read before the line above it, standing left of it (no
 * column between), is put back below it when at most GW_PDF_NEXT_LINE ems
 * apart: the next line, not a line of another column. */
#define GW_PDF_NEXT_LINE 1.5
/* A page's lowest printed line whose glyphs all stand on the next page's
 * first line, the same characters with their left edges at most this many
 * points apart, is that line drawn at the page's foot (Chromium: its
 * glyphs that reach up into the page above, clipped away but still in
 * the text layer): page furniture. */
#define GW_PDF_BLEED_X 0.5
/* Tables (pdf_table.c): white space this many half-widths wide or more
 * between glyphs of a line parts two cells (a space is under a half; a
 * cell's padding on both sides is about 1.5); a
 * table has at least GW_PDF_TABLE_COLS_MIN columns, its lines at most
 * GW_PDF_TABLE_LINE_GAP line pitches apart. Lines further apart than
 * GW_PDF_ROW_GAP times the closest two of the table are in different rows
 * (a cell's padding; the lines of a wrapped cell are the closest). */
#define GW_PDF_CELL_GAP 1.2
#define GW_PDF_SPACE 0.4
#define GW_PDF_TABLE_COLS_MIN 3
#define GW_PDF_TABLE_LINE_GAP 2.0
#define GW_PDF_ROW_GAP 1.15
/* A table runs on over a page break when no more than this many
 * characters (page furniture) stand below its part on one page and above
 * its part on the next, in as many columns; the first row there with
 * fewer than half its cells filled is the rest of the last row before the
 * break (a row has its figures; the rest of a wrapped cell has not). */
#define GW_PDF_FURNITURE_MAX 48

/* the authors' bold (rlines.c) */
/* A wholly bold paragraph is a lead on its own line (its body on the next)
 * when it is at most this many characters long: the bound the authors'-bold
 * scorer (../shared/tools/docx_leads.py) uses, as GW_TITLE_LINE_MAX does for
 * text. */
#define GW_BOLD_LEAD_ALONE_MAX 40
/* An author uses bold for leads when a document has at least this many;
 * below it bold decides nothing and the recognizer guesses: of the 23 Word
 * reports in the corpus, those that bold no leads bold at most two
 * paragraph openings (a title, a 各位代表). */
#define GW_BOLD_LEADS_MIN 3
/* A paragraph that OCR opened with a garbled （N） ((/八), (闪)) is that
 * heading where its title, the first sentence, has at most this many
 * characters (the headings of the 23 reports as OCR read them: 9 to 31). */
#define GW_GARBLED_TITLE_MAX 40
/* Text is read as Markdown (markdown.c) when a line holds **bold** (plain
 * text has none: the asterisks pair up only where Markdown set them; the
 * 23 Word reports of the corpus as pandoc's Markdown have from one, a
 * bold title, to ninety), when this many lines are "# " headings (a scraped
 * page's title alone is one, and reads alike either way), or when a
 * table's |---| row is there. */
#define GW_MD_STRONG_MIN 1
#define GW_MD_ATX_MIN 2

/* ---- the checker ------------------------------------------------------ */

/* A column is numeric when at least this many of its cells are numbers
 * (and numbers are at least two thirds of its cells that hold text): the
 * smallest tables in the trees have four rows, a header and three body
 * rows (p3-yunxi-digital.txt, zhejiang-14th-fyp.txt). */
#define GW_NUMERIC_MIN 3

#endif
