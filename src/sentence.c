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

size_t gw_find_outside(const char *s, size_t len, unsigned long c)
{
    size_t i = 0;
    int depth = 0;
    while (i < len) {
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
