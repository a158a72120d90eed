/* What the library sets up once per process, its version, and the one
 * way to release what it returns (see "Global state" in gongwen.h). */
#include "gongwen.h"
#include "safeload.h"

#include <pthread.h>
#include <stdlib.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_once(void)
{
    xmlInitParser();
    xsltInit();
    /* EXSLT (exsl:node-set, str:, date:) is what stylesheet authors expect */
    exsltRegisterAll();
    gw_safeload_install();
}

void gw_init(void)
{
    pthread_once(&once, init_once);
}

int gw_version(void)
{
    return GW_VERSION_NUM;
}

const char *gw_version_string(void)
{
    return GW_VERSION;
}

void gw_free(void *p)
{
    free(p);
}
