/* What the libFuzzer harnesses share: the abort that libFuzzer records as
 * a finding, and the stylesheets with the registry's formats, loaded once
 * per process (in LLVMFuzzerInitialize, not per input). */
#ifndef GW_FUZZ_COMMON_H
#define GW_FUZZ_COMMON_H

#include "formats.h"
#include "gongwen.h"

#include <stddef.h>

/* the registry's formats that have a stylesheet (src/formats.c) */
#define GW_FUZZ_MAX_FORMATS 32

typedef struct {
    gw_styles *styles;
    const gw_format *format[GW_FUZZ_MAX_FORMATS]; /* static, from the registry */
    size_t n;
} gw_fuzz_formats;

/* Prints "invariant broken: WHAT: DETAIL" and aborts. */
_Noreturn void gw_fuzz_fail(const char *what, const char *detail);

/* GONGWEN_ROOT, or "." (the harnesses run from the repository's root). */
const char *gw_fuzz_root(void);

/* Loads the stylesheet directory and lists the formats whose stylesheet
 * is there; aborts when there is none. Lives until the process ends. */
void gw_fuzz_load_formats(gw_fuzz_formats *f);

/* Silences libxml2's generic messages (recovered errors of hostile input). */
void gw_fuzz_quiet(void);

#endif
