#include "readers.h"
gw_text *gw_read_html(const char *bytes, size_t len, const char *encoding, gw_error *err)
{
    (void)bytes; (void)len; (void)encoding;
    gw_fail(err, GW_ERR_INPUT, 0, 0, "html: not yet");
    return NULL;
}
