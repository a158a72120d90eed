/* libxslt's default loader parses with XML_PARSE_NOENT and DTD loading on:
 * an external entity in a stylesheet or in a document() file would be read
 * from disk or the network and pasted into the output (XXE). This loader
 * keeps internal entities (&nbsp;-style declarations are common in
 * stylesheets) and refuses external ones with a message. */
#include "safeload.h"
#include "xmlerr.h"

#include <libxml/SAX2.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

static int external(xmlEntityPtr ent)
{
    return ent && (ent->etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
                   ent->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY ||
                   ent->etype == XML_EXTERNAL_PARAMETER_ENTITY);
}

static xmlEntityPtr refuse(void *ctx, xmlEntityPtr ent)
{
    xmlParserCtxtPtr p = ctx;
    if (p->sax && p->sax->error)
        p->sax->error(p, "external entity '%s' (%s) refused\n", (const char *)ent->name,
                      ent->SystemID ? (const char *)ent->SystemID : "");
    /* an undefined entity is a well-formedness error: the parse fails */
    xmlStopParser(p);
    return NULL;
}

static xmlEntityPtr get_entity(void *ctx, const xmlChar *name)
{
    xmlEntityPtr ent = xmlSAX2GetEntity(ctx, name);
    return external(ent) ? refuse(ctx, ent) : ent;
}

static xmlEntityPtr get_parameter_entity(void *ctx, const xmlChar *name)
{
    xmlEntityPtr ent = xmlSAX2GetParameterEntity(ctx, name);
    return external(ent) ? refuse(ctx, ent) : ent;
}

/* document() may use the network only when the transformation's security
 * preferences allow it, that is with --allow-xslt-io. */
static int network_allowed(void *ctxt, xsltLoadType type)
{
    if (type != XSLT_LOAD_DOCUMENT || !ctxt)
        return 0;
    xsltSecurityPrefsPtr sec = ((xsltTransformContextPtr)ctxt)->sec;
    return !sec || !xsltGetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK);
}

/* A file document() reads may be anything the process can read: its parse
 * errors would quote its tag names and lines, so they are counted, not
 * shown, and the caller names the file only. An allocation failure still
 * reaches the watch of xmlerr.c. */
static void quiet(void *ctx, xmlErrorPtr e)
{
    xmlParserCtxtPtr p = ctx;
    if (e && gw_xmlerr_is_nomem(e) && xmlStructuredError)
        xmlStructuredError(xmlStructuredErrorContext, e);
    if (p)
        p->wellFormed = 0;
}

static xmlDocPtr load(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                      xsltLoadType type)
{
    xmlParserCtxtPtr p = xmlNewParserCtxt();
    if (!p)
        return NULL;
    if (dict) {
        /* the stylesheet's dictionary, so names compare by pointer */
        xmlDictFree(p->dict);
        p->dict = dict;
        xmlDictReference(dict);
    }
    p->sax->getEntity = get_entity;
    p->sax->getParameterEntity = get_parameter_entity;
    int reading = type == XSLT_LOAD_DOCUMENT;
    if (reading)
        p->sax->serror = quiet;
    options &= ~(XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR | XML_PARSE_DTDVALID);
    if (!network_allowed(ctxt, type))
        options |= XML_PARSE_NONET;
    xmlCtxtUseOptions(p, options);
    xmlDocPtr doc = NULL;
    xmlParserInputPtr in = xmlLoadExternalEntity((const char *)uri, NULL, p);
    /* inputPush frees the input itself when it fails */
    if (in && inputPush(p, in) >= 0) {
        if (!p->directory)
            p->directory = xmlParserGetDirectory((const char *)uri);
        xmlParseDocument(p);
        if (p->wellFormed && !p->disableSAX) {
            doc = p->myDoc;
        } else {
            xmlFreeDoc(p->myDoc);
            if (reading)
                xsltTransformError(ctxt, NULL, NULL, "document(): %s is not well-formed XML\n",
                                   (const char *)uri);
        }
        p->myDoc = NULL;
    }
    xmlFreeParserCtxt(p);
    return doc;
}

void gw_safeload_install(void)
{
    xsltSetLoaderFunc(load);
}
