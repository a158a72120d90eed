/* The library's one error convention (see gongwen.h): status names, their
 * descriptions, the command line's exit codes, and filling in a gw_error. */
#include "gongwen.h"

#include <stdarg.h>

#define EXIT_BAD_INPUT 1 /* the document or a stylesheet is at fault */
#define EXIT_TROUBLE 2   /* usage, I/O, out of memory */

static const struct {
    const char *name, *string;
    int exit;
} statuses[GW_STATUS_COUNT] = {
    [GW_OK] = {"GW_OK", "success", 0},
    [GW_ERR_INVALID_BYTE] = {"GW_ERR_INVALID_BYTE", "invalid byte sequence", EXIT_BAD_INPUT},
    [GW_ERR_UNKNOWN_ENCODING] = {"GW_ERR_UNKNOWN_ENCODING", "unknown encoding", EXIT_TROUBLE},
    [GW_ERR_NOMEM] = {"GW_ERR_NOMEM", "out of memory", EXIT_TROUBLE},
    [GW_ERR_IO] = {"GW_ERR_IO", "input/output error", EXIT_TROUBLE},
    [GW_ERR_UNKNOWN_FORMAT] = {"GW_ERR_UNKNOWN_FORMAT", "unknown output format", EXIT_TROUBLE},
    [GW_ERR_BAD_STYLESHEET] = {"GW_ERR_BAD_STYLESHEET", "stylesheet does not compile",
                               EXIT_BAD_INPUT},
    [GW_ERR_STYLESHEET_FAILED] = {"GW_ERR_STYLESHEET_FAILED", "stylesheet failed", EXIT_BAD_INPUT},
    [GW_ERR_BAD_SOURCE] = {"GW_ERR_BAD_SOURCE", "not a document gongwen reads", EXIT_BAD_INPUT},
    [GW_ERR_USAGE] = {"GW_ERR_USAGE", "invalid request", EXIT_TROUBLE},
};

static int known(gw_status s)
{
    return (unsigned)s < GW_STATUS_COUNT;
}

const char *gw_status_name(gw_status s)
{
    return known(s) ? statuses[s].name : "GW_ERR_UNKNOWN";
}

const char *gw_status_string(gw_status s)
{
    return known(s) ? statuses[s].string : "unknown status";
}

int gw_status_exit(gw_status s)
{
    return known(s) ? statuses[s].exit : EXIT_TROUBLE;
}

gw_status gw_fail(gw_error *err, gw_status status, unsigned long line, unsigned long column,
                  const char *fmt, ...)
{
    if (err) {
        err->status = status;
        err->line = line;
        err->column = column;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return status;
}

gw_status gw_fail_nomem(gw_error *err)
{
    return gw_fail(err, GW_ERR_NOMEM, 0, 0, "%s", gw_status_string(GW_ERR_NOMEM));
}
