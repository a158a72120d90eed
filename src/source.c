/* One entry for every input: the format is sniffed (or given) and the
 * matching reader makes the text the recognizer reads. */
#include "readers.h"

#include <string.h>

static const char *const names[] = {"auto", "text", "docx", "html", "pdf", "markdown"};

const char *gw_from_name(gw_from f)
{
    return (unsigned)f < sizeof names / sizeof names[0] ? names[f] : "text";
}

gw_status gw_from_parse(const char *name, gw_from *out)
{
    for (size_t i = 1; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(name, names[i])) {
            *out = (gw_from)i;
            return GW_OK;
        }
    return GW_ERR_USAGE;
}

gw_text *gw_read(const char *bytes, size_t len, const char *from, const gw_decode_options *opts,
                 gw_error *err)
{
    gw_from f = GW_FROM_AUTO;
    if (from && gw_from_parse(from, &f) != GW_OK) {
        gw_fail(err, GW_ERR_USAGE, 0, 0, "unknown source format %s", from);
        return NULL;
    }
    return gw_read_source(bytes, len, f, opts, err);
}

gw_text *gw_read_source(const char *bytes, size_t len, gw_from from, const gw_decode_options *opts,
                        gw_error *err)
{
    const char *enc = opts ? opts->encoding : NULL;
    int sniffed = from == GW_FROM_AUTO;
    if (sniffed)
        from = gw_sniff(bytes, len, enc != NULL, err);
    switch (from) {
    case GW_FROM_AUTO:
        return NULL; /* refused: err says why */
    case GW_FROM_DOCX:
        return gw_read_docx(bytes, len, err);
    case GW_FROM_HTML:
        return gw_read_html(bytes, len, enc, err);
    case GW_FROM_PDF:
        return gw_read_pdf(bytes, len, err);
    default:
        break;
    }
    gw_text *t = gw_decode_with(bytes, len, opts, err);
    if (!t || !(from == GW_FROM_MARKDOWN ||
                (sniffed && gw_looks_markdown(gw_text_data(t), gw_text_length(t)))))
        return t;
    gw_text *md = gw_read_markdown(gw_text_data(t), gw_text_length(t), err);
    if (md && gw_text_set_encoding(md, gw_text_encoding(t)) != GW_OK) {
        gw_text_free(md);
        md = NULL;
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    }
    gw_text_free(t);
    return md;
}
