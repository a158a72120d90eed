/* What a file is, by its content and never its name: the signatures of
 * the formats gongwen reads, and of the ones it must refuse with a line
 * that says what to do instead of decoding them into a page of junk. */
#include "readers.h"
#include "tunables.h"

#include <string.h>
#include <strings.h>

/* Bytes examined for NUL bytes, and the share of them (1 in N) that makes
 * data binary: text has none, UTF-16 has a BOM the decoder reads. */
#define PROBE_LEN 4096
#define NUL_SHARE 16

/* The bytes examined for a signature that may come after white space. */
static size_t probe_len(size_t len)
{
    return len < PROBE_LEN ? len : PROBE_LEN;
}

static int starts(const char *b, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp(b, magic, n) == 0;
}

static int contains(const char *b, size_t len, const char *needle, size_t n)
{
    for (size_t i = 0; n && i + n <= len; i++)
        if (b[i] == needle[0] && memcmp(b + i, needle, n) == 0)
            return 1;
    return 0;
}

/* "EncryptedPackage" as an OLE2 directory entry names it (UTF-16LE). */
static int ole2_encrypted(const char *b, size_t len)
{
    static const char name[] = "EncryptedPackage";
    char wide[2 * (sizeof name - 1)];
    for (size_t i = 0; i < sizeof name - 1; i++) {
        wide[2 * i] = name[i];
        wide[2 * i + 1] = '\0';
    }
    return contains(b, len, wide, sizeof wide);
}

/* White space and a UTF-8 BOM, then <!DOCTYPE html or <html (any case);
 * also a page that opens with a comment or <?xml before them. */
static int is_html(const char *b, size_t len)
{
    size_t i = starts(b, len, "\xEF\xBB\xBF", 3) ? 3 : 0;
    size_t end = probe_len(len);
    for (;;) {
        while (i < end && strchr(" \t\r\n\f", b[i]) && b[i])
            i++;
        if (i + 4 <= end && !memcmp(b + i, "<!--", 4)) {
            const char *close = NULL;
            for (size_t k = i + 4; k + 3 <= end && !close; k++)
                if (!memcmp(b + k, "-->", 3))
                    close = b + k + 3;
            if (!close)
                return 0;
            i = (size_t)(close - b);
            continue;
        }
        if (i + 2 <= end && !memcmp(b + i, "<?", 2)) {
            const char *gt = memchr(b + i, '>', end - i);
            if (!gt)
                return 0;
            i = (size_t)(gt - b) + 1;
            continue;
        }
        break;
    }
    return (i + 14 <= end && !strncasecmp(b + i, "<!DOCTYPE html", 14)) ||
           (i + 5 <= end && !strncasecmp(b + i, "<html", 5) &&
            (i + 5 == end || strchr(" \t\r\n>", b[i + 5])));
}

static gw_from refuse(gw_error *err, const char *what)
{
    gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0, "%s", what);
    return GW_FROM_AUTO;
}

static gw_from sniff_zip(const char *b, size_t len, gw_error *err)
{
    if (contains(b, len, "word/document.xml", 17))
        return GW_FROM_DOCX;
    if (contains(b, len, "application/vnd.oasis.opendocument", 34))
        return refuse(err, "an OpenDocument file: gongwen reads Word files; save it as .docx");
    if (contains(b, len, "xl/workbook", 11) || contains(b, len, "ppt/presentation", 16))
        return refuse(err, "an Excel or PowerPoint file: gongwen reads reports as .docx, "
                           ".html, .pdf or text");
    return refuse(err, "a ZIP archive without a Word document in it: unpack it and give gongwen "
                       "the report itself");
}

gw_from gw_sniff(const char *b, size_t len, int nul_ok, gw_error *err)
{
    static const struct {
        const char *magic;
        size_t n;
        const char *what;
    } binaries[] = {
        {"\x89PNG\r\n\x1a\n", 8,
         "a PNG image: gongwen reads text, .docx, .html and .pdf "
         "(an image needs OCR first)"},
        {"\xFF\xD8\xFF", 3,
         "a JPEG image: gongwen reads text, .docx, .html and .pdf "
         "(an image needs OCR first)"},
        {"GIF8", 4, "a GIF image: gongwen reads text, .docx, .html and .pdf"},
        {"II*\0", 4, "a TIFF image: gongwen reads text, .docx, .html and .pdf"},
        {"MM\0*", 4, "a TIFF image: gongwen reads text, .docx, .html and .pdf"},
        {"\x7f"
         "ELF",
         4, "a program (ELF executable), not a document"},
        {"\x1f\x8b", 2, "a gzip-compressed file: uncompress it first"},
        {"Rar!", 4, "a RAR archive: unpack it first"},
        {"7z\xBC\xAF\x27\x1C", 6, "a 7-Zip archive: unpack it first"},
        {"{\\rtf", 5, "an RTF file: open it in Word or WPS and save it as .docx"},
    };
    if (starts(b, len, "%PDF-", 5))
        return GW_FROM_PDF;
    if (starts(b, len, "PK\x03\x04", 4) || starts(b, len, "PK\x05\x06", 4))
        return sniff_zip(b, len, err);
    if (starts(b, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        if (ole2_encrypted(b, len))
            return refuse(err, "an encrypted (password-protected) Office document: open it, "
                               "remove the password and save it again as .docx");
        return refuse(err, "a legacy binary Word or WPS document (.doc/.wps): open it in Word "
                           "or WPS and save it as .docx");
    }
    for (size_t i = 0; i < sizeof binaries / sizeof binaries[0]; i++)
        if (starts(b, len, binaries[i].magic, binaries[i].n))
            return refuse(err, binaries[i].what);
    if (is_html(b, len))
        return GW_FROM_HTML;
    /* text has no NUL bytes; UTF-16 and UTF-32 text open with a BOM */
    int bom = starts(b, len, "\xFF\xFE", 2) || starts(b, len, "\xFE\xFF", 2) ||
              starts(b, len, "\0\0\xFE\xFF", 4);
    size_t end = probe_len(len), nul = 0;
    for (size_t i = 0; i < end; i++)
        nul += b[i] == '\0';
    if (!bom && !nul_ok && nul > 0 && nul * NUL_SHARE >= end)
        return refuse(err, "binary data, not a document: gongwen reads text, .docx, .html and "
                           ".pdf");
    return GW_FROM_TEXT;
}

/* ---- Markdown ------------------------------------------------------------- */

/* The lines examined for Markdown's marks. */
#define MD_PROBE_LINES 5000

/* "**bold**" on the line (Chinese text sets it anywhere: after an indent
 * of any kind, after a dash, mid-sentence). "__" is not asked about: it
 * also draws the blanks of a form (____年____月). */
static int has_strong(const char *s, const char *e)
{
    /* from star to star (every line of every plain text is probed) */
    while (e - s >= 5) {
        const char *star = memchr(s, '*', (size_t)(e - s - 4));
        if (!star)
            return 0;
        s = star;
        if (s[1] == '*' && s[2] != ' ' && s[2] != '*')
            return contains(s + 3, (size_t)(e - s - 3), "**", 2);
        s++;
    }
    return 0;
}

/* "# Title" to "###### Title", indented by up to three spaces. */
static int atx_heading(const char *s, const char *e)
{
    for (int i = 0; i < 3 && s < e && *s == ' '; i++)
        s++;
    const char *h = s;
    while (h < e && *h == '#' && h - s < 7)
        h++;
    return h > s && h - s <= 6 && h + 1 < e && *h == ' ';
}

/* A table's delimiter row: "|---|:--:|" (a pipe, and only pipes, dashes,
 * colons and spaces). */
static int delimiter_row(const char *s, const char *e)
{
    int pipe = 0, dashes = 0;
    for (; s < e; s++) {
        if (*s == '|')
            pipe = 1;
        else if (*s == '-')
            dashes++;
        else if (*s != ':' && *s != ' ' && *s != '\r')
            return 0;
    }
    return pipe && dashes >= 3;
}

int gw_looks_markdown(const char *s, size_t len)
{
    size_t strong = 0, atx = 0, rows = 0;
    const char *end = s + len;
    for (size_t n = 0; s < end && n < MD_PROBE_LINES; n++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        strong += has_strong(s, e);
        atx += atx_heading(s, e);
        rows += delimiter_row(s, e);
        s = nl ? nl + 1 : end;
    }
    return strong >= GW_MD_STRONG_MIN || atx >= GW_MD_ATX_MIN || rows > 0;
}
