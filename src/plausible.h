/* Whether decoded text reads as Chinese (plausible.c): the check that tells
 * Big5 from GB18030, and a wrong decoding from a right one. */
#ifndef GW_PLAUSIBLE_H
#define GW_PLAUSIBLE_H

#include <stddef.h>

/* Below this many Han characters nothing is judged; a sample of this many
 * bytes is enough to judge. */
#define GW_PLAUSIBLE_MIN_HAN 40
#define GW_PLAUSIBLE_SAMPLE 65536
/* In Chinese prose about half of the Han characters are among the common
 * ones listed (the samples: 45-60%); text decoded with the wrong legacy
 * encoding has under 5%. */
#define GW_PLAUSIBLE_COMMON_SHARE 20

typedef struct {
    size_t han;         /* Han characters in the sample */
    size_t common;      /* of them, among the most frequent */
    size_t private_use; /* private-use code points (no character) */
} gw_plausible;

/* Counts over the first GW_PLAUSIBLE_SAMPLE bytes of UTF-8 text s. */
void gw_plausibility(const char *s, size_t len, gw_plausible *out);

/* Whether the counts are those of Chinese text: no private-use code
 * points, and the common characters in their share (or too little text to
 * judge). */
int gw_plausible_text(const gw_plausible *p);

#endif
