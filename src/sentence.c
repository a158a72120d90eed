#include "sentence.h"
#include "utf8.h"

/* +1 for an opening quote or bracket, -1 for a closing one, 0 otherwise. */
static int nesting(uint32_t cp)
{
    switch (cp) {
    case 0x201C: /* “ */
    case 0x2018: /* ‘ */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case 0x300A: /* 《 */
    case 0x3008: /* 〈 */
    case 0xFF08: /* （ */
    case '(':
    case 0x3010: /* 【 */
    case 0xFF3B: /* ［ */
    case '[':
        return 1;
    case 0x201D:
    case 0x2019:
    case 0x300D:
    case 0x300F:
    case 0x300B:
    case 0x3009:
    case 0xFF09:
    case ')':
    case 0x3011:
    case 0xFF3D:
    case ']':
        return -1;
    default:
        return 0;
    }
}

static int is_sentence_end(uint32_t cp)
{
    return cp == 0x3002 /* 。 */ || cp == 0xFF01 /* ！ */ || cp == 0xFF1F /* ？ */ || cp == '!' ||
           cp == '?';
}

/* Whether a character whose first byte is c can be a sentence end or a
 * quote or bracket: the ASCII ones, or U+2018..U+201D (E2), U+3002 and
 * U+3008..U+3011 (E3), the full-width forms (EF). The scans below step
 * over the other bytes (Han, and the continuation bytes, which are never
 * these) without decoding them. */
static int may_nest(unsigned char c)
{
    if (c < 0x80)
        return c == '(' || c == ')' || c == '[' || c == ']' || c == '!' || c == '?';
    return c == 0xE2 || c == 0xE3 || c == 0xEF;
}

size_t gw_find_outside(const char *s, size_t len, unsigned long c)
{
    size_t i = 0;
    int depth = 0;
    char enc[4]; /* c's first byte: where c can start */
    gw_utf8_encode((uint32_t)c, enc);
    unsigned char lead = (unsigned char)enc[0];
    while (i < len) {
        if (!may_nest((unsigned char)s[i]) && (unsigned char)s[i] != lead) {
            i++;
            continue;
        }
        size_t at = i;
        uint32_t cp = gw_next(s, len, &i);
        if (depth == 0 && cp == c)
            return at;
        depth += nesting(cp);
        if (depth < 0)
            depth = 0;
    }
    return len;
}

size_t gw_sentence_end(const char *s, size_t len)
{
    size_t i = 0, first_any = 0;
    int depth = 0;
    while (i < len) {
        if (!may_nest((unsigned char)s[i])) {
            i++;
            continue;
        }
        uint32_t cp = gw_next(s, len, &i);
        if (is_sentence_end(cp)) {
            if (depth == 0)
                return i;
            if (!first_any)
                first_any = i;
        }
        depth += nesting(cp);
        if (depth < 0)
            depth = 0;
    }
    return depth > 0 ? first_any : 0;
}

size_t gw_sentence_mark(const char *s, size_t end)
{
    size_t i = end;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    return i > 0 ? i - 1 : 0;
}
