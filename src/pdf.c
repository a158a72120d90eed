#include "readers.h"
gw_text *gw_read_pdf(const char *bytes, size_t len, gw_error *err)
{
    (void)bytes; (void)len;
    gw_fail(err, GW_ERR_INPUT, 0, 0, "pdf: not yet");
    return NULL;
}
