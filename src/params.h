/* What a stylesheet's parameters are and which values they take, read
 * from the compiled stylesheet itself so that no list is kept in C: the
 * names are its top-level xsl:param elements (its imports' and includes'
 * too), the values those a gw:accept attribute beside the param allows:
 *
 *     <xsl:param name="eol" select="'crlf'"
 *         xmlns:gw="urn:gongwen:param" gw:accept="crlf lf"/>
 *
 * gw:accept holds space-separated alternatives: N..M an integer from N to
 * M, N.. an integer N or more, any other word itself. A param without it
 * takes any string. XSLT processors ignore the attribute (it is in a
 * namespace of its own, declared on the param so that no output sees it). */
#ifndef GW_PARAMS_H
#define GW_PARAMS_H

#include "gongwen.h"

#include <libxslt/xsltInternals.h>

#define GW_PARAM_NS "urn:gongwen:param"

/* Checks params (NULL, or NULL-terminated name/value pairs) against
 * sheet: GW_ERR_USAGE with a message saying which names
 * or values it takes when one is not among them. Allocates nothing. */
gw_status gw_params_check(xsltStylesheetPtr sheet, const char *const *params, gw_error *err);

#endif
