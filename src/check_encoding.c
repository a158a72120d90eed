/* encoding: every invalid UTF-8 sequence, not only the first. Positions
 * are those the text has once each bad sequence is replaced by one U+FFFD
 * (as gw_decode_with does in GW_ERRORS_REPLACE mode: the bad byte and the
 * continuation bytes after it), so the caret lands on the U+FFFD. */
#include "intl.h"
#include "check_rules.h"
#include "utf8.h"

/* Advances line and column over valid UTF-8 s[0..n), by the line-end rule
 * of lines.c (LF, CRLF, lone CR); *cr is set when s ends in a CR whose LF
 * may follow. */
static void advance(const char *s, size_t n, unsigned long *line, unsigned long *col, int *cr)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b == '\n') {
            if (!*cr) {
                (*line)++;
                *col = 1;
            }
            *cr = 0;
        } else if (b == '\r') {
            (*line)++;
            *col = 1;
            *cr = 1;
        } else {
            *cr = 0;
            if ((b & 0xC0) != 0x80)
                (*col)++;
        }
    }
}

void gw_check_encoding_utf8(gw_check_ctx *c, const char *s, size_t len)
{
    if (!gw_check_enabled(c, GW_R_ENCODING))
        return;
    unsigned long line = 1, col = 1;
    int cr = 0;
    size_t i = 0;
    while (i < len) {
        size_t bad = i + gw_utf8_validate(s + i, len - i);
        advance(s + i, bad - i, &line, &col, &cr);
        if (bad == len)
            break;
        size_t end = bad + 1;
        while (end < len && ((unsigned char)s[end] & 0xC0) == 0x80)
            end++;
        char bytes[32] = "";
        size_t o = 0;
        for (size_t k = bad; k < end && k < bad + 4; k++)
            o += (size_t)snprintf(bytes + o, sizeof bytes - o, "%s0x%02X", k > bad ? " " : "",
                                  (unsigned char)s[k]);
        if (end - bad > 4)
            snprintf(bytes + o, sizeof bytes - o, " …");
        gw_check_report(c, GW_R_ENCODING, line, col, col + 1,
                        N_("invalid UTF-8 sequence %s (shown as U+FFFD)"), bytes);
        col++;
        cr = 0;
        i = end;
    }
}
