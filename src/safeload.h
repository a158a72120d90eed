/* How stylesheets and the documents they read are parsed: never from the
 * network unless the user allowed stylesheet I/O, and never with external
 * entities expanded. */
#ifndef GW_SAFELOAD_H
#define GW_SAFELOAD_H

/* Makes libxslt load every stylesheet, xsl:import/xsl:include and
 * document() through the safe loader. libxslt keeps one loader for the
 * process; installing it again is harmless. */
void gw_safeload_install(void);

#endif
