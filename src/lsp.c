/* `gongwen lsp`: the server's loop. Reads JSON-RPC messages, keeps the
 * protocol's lifecycle (nothing before initialize, nothing but exit after
 * shutdown), dispatches requests and notifications, and publishes each
 * changed document's diagnostics once no more input is waiting, so that a
 * burst of edits is checked once. Nothing the client sends ends the
 * server except the exit notification (or the end of its input). */
#include "config.h"
#include "intl.h"
#include "lsp.h"

#include <ctype.h>
#include <locale.h>
#include <signal.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* JSON-RPC and LSP error codes */
#define PARSE_ERROR (-32700)
#define INVALID_REQUEST (-32600)
#define METHOD_NOT_FOUND (-32601)
#define INVALID_PARAMS (-32602)
#define INTERNAL_ERROR (-32603)
#define SERVER_NOT_INITIALIZED (-32002)

static const char usage_text[] =
    "usage: gongwen lsp [--stdio]\n"
    "\n"
    "Serves the Language Server Protocol on standard input and output:\n"
    "diagnostics as you type, the outline, folding, hover on markers and\n"
    "quick fixes. See README.md for editor setup.\n";

typedef struct {
    FILE *out;
    gw_lsp_reader in;
    gw_lsp_doc *docs;
    gw_config editor;   /* initializationOptions, over the project's file */
    char *config_error; /* owned: the last configuration error logged */
    int initialized, shutdown, done, status;
} server;

/* A failed request: its code and message. */
typedef struct {
    int code;
    const char *message;
} failure;

static void log_line(const char *what, const char *detail)
{
    fprintf(stderr, "gongwen lsp: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
}

static void send_message(server *s, json_object *msg)
{
    if (!msg || gw_lsp_write(s->out, msg) != 0)
        log_line("could not send a message", "out of memory or output closed");
    json_object_put(msg);
}

static json_object *envelope(void)
{
    json_object *o = json_object_new_object();
    if (o && gw_lsp_set(o, "jsonrpc", json_object_new_string("2.0")) != 0) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

/* obj.id = id (null when NULL), sharing it; 0 or -1. */
static int set_id(json_object *obj, json_object *id)
{
    json_object *ref = json_object_get(id);
    if (json_object_object_add(obj, "id", ref) != 0) {
        json_object_put(ref);
        return -1;
    }
    return 0;
}

/* Takes result (json null when NULL). */
static void respond(server *s, json_object *id, json_object *result)
{
    json_object *o = envelope();
    if (!o || set_id(o, id) != 0 || json_object_object_add(o, "result", result) != 0) {
        json_object_put(result);
        json_object_put(o);
        o = NULL;
    }
    send_message(s, o);
}

static void respond_error(server *s, json_object *id, int code, const char *message)
{
    json_object *e = json_object_new_object(), *o = NULL;
    if (e && (gw_lsp_set(e, "code", json_object_new_int(code)) != 0 ||
              gw_lsp_set(e, "message", json_object_new_string(message)) != 0)) {
        json_object_put(e);
        e = NULL;
    }
    if (e && (o = envelope()) == NULL)
        json_object_put(e);
    else if (e && (gw_lsp_set(o, "error", e) != 0 || set_id(o, id) != 0)) {
        json_object_put(o);
        o = NULL;
    }
    send_message(s, o);
}

/* ---- reading params ------------------------------------------------------- */

static json_object *member(json_object *o, const char *key, json_type type)
{
    json_object *v;
    return json_object_is_type(o, json_type_object) && json_object_object_get_ex(o, key, &v) &&
                   json_object_is_type(v, type)
               ? v
               : NULL;
}

static const char *uri_of(json_object *params)
{
    json_object *u =
        member(member(params, "textDocument", json_type_object), "uri", json_type_string);
    return u ? json_object_get_string(u) : NULL;
}

static int64_t version_of(json_object *params)
{
    json_object *v =
        member(member(params, "textDocument", json_type_object), "version", json_type_int);
    return v ? json_object_get_int64(v) : 0;
}

/* The path of a file: URI, percent-decoded (malloc'ed), or NULL. */
static char *uri_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0 || uri[7] != '/')
        return NULL;
    const char *in = uri + 7;
    char *out = malloc(strlen(in) + 1), *o = out;
    for (; out && *in; in++) {
        unsigned hex;
        if (*in == '%' && isxdigit((unsigned char)in[1]) && isxdigit((unsigned char)in[2]) &&
            sscanf(in + 1, "%2x", &hex) == 1) {
            *o++ = (char)hex;
            in += 2;
        } else {
            *o++ = *in;
        }
    }
    if (out)
        *o = '\0';
    return out;
}

/* Logs a configuration error unless it is the one logged last (the file
 * is read again on every change). */
static void config_error(server *s, const char *message)
{
    if (s->config_error && !strcmp(s->config_error, message))
        return;
    free(s->config_error);
    s->config_error = strdup(message);
    log_line("configuration ignored", message);
}

/* Parses and checks d unless that is done: with the defaults, then the
 * project's configuration file found upward from the document's path
 * (a bad one is logged and ignored), then the editor's options. 0, or -1
 * when out of memory. */
static int analyse(server *s, gw_lsp_doc *d)
{
    if (d->analysed)
        return 0;
    gw_check_options opt = {0};
    gw_config project;
    gw_config_init(&project);
    char *path = uri_path(d->uri);
    int oom = 0;
    char *found = path ? gw_config_find(path, &oom) : NULL;
    gw_error err = {0};
    if (found && gw_config_load(found, &project, &err) != GW_OK) {
        config_error(s, err.message);
        gw_config_free(&project);
    }
    size_t shown = GW_DIAGS_MAX_DEFAULT;
    gw_config_apply(&project, &opt, NULL, &shown);
    gw_config_apply(&s->editor, &opt, NULL, &shown);
    opt.encoding = NULL; /* the client sends text, not bytes */
    int rc = gw_lsp_doc_analyse(d, &opt);
    d->shown = shown;
    gw_config_free(&project);
    free(found);
    free(path);
    return rc;
}

/* The open, analysed document a request names; NULL with *f set. */
static gw_lsp_doc *request_doc(server *s, json_object *params, failure *f)
{
    const char *uri = uri_of(params);
    gw_lsp_doc *d = uri ? gw_lsp_doc_find(s->docs, uri) : NULL;
    if (!d) {
        *f = (failure){INVALID_PARAMS, uri ? "document not open" : "no textDocument.uri"};
    } else if (analyse(s, d) != 0) {
        *f = (failure){INTERNAL_ERROR, "out of memory"};
        d = NULL;
    }
    return d;
}

/* ---- lifecycle ------------------------------------------------------------------ */

/* Messages in the language the client asks for: zh* in Chinese (from the
 * catalogue), anything else in English (the message ids). */
static void set_language(const char *locale)
{
    if (!strncmp(locale, "zh", 2)) {
        setenv("LANGUAGE", "zh_CN", 1);
        if (!setlocale(LC_MESSAGES, "zh_CN.UTF-8") && !setlocale(LC_MESSAGES, "C.UTF-8"))
            setlocale(LC_MESSAGES, "");
    } else {
        /* gettext translates nothing in the C locale, LANGUAGE or not */
        setlocale(LC_MESSAGES, "C");
    }
}

/* initializationOptions: {"disable": [RULE...], "allowLevelSkip": bool,
 * "maxDiagnostics": N} */
static void set_options(server *s, json_object *init)
{
    json_object *dis = member(init, "disable", json_type_array);
    for (size_t i = 0; dis && i < json_object_array_length(dis); i++) {
        json_object *r = json_object_array_get_idx(dis, i);
        gw_rule rule = json_object_is_type(r, json_type_string)
                           ? gw_rule_find(json_object_get_string(r))
                           : GW_R_COUNT;
        if (rule != GW_R_COUNT)
            s->editor.rule[rule] = 1;
    }
    json_object *skip = member(init, "allowLevelSkip", json_type_boolean);
    if (skip)
        s->editor.allow_level_skip = json_object_get_boolean(skip);
    json_object *max = member(init, "maxDiagnostics", json_type_int);
    if (max && json_object_get_int64(max) >= 0 && json_object_get_int64(max) <= LONG_MAX)
        s->editor.max_diagnostics = (long)json_object_get_int64(max);
}

static json_object *capabilities(void)
{
    json_object *sync = json_object_new_object(), *kinds = json_object_new_array(),
                *actions = json_object_new_object(), *caps = json_object_new_object(),
                *info = json_object_new_object(), *r = json_object_new_object();
    int ok = sync && kinds && actions && caps && info && r &&
             gw_lsp_set(sync, "openClose", json_object_new_boolean(1)) == 0 &&
             gw_lsp_set(sync, "change", json_object_new_int(2)) == 0 && /* incremental */
             json_object_array_add(kinds, json_object_new_string("quickfix")) == 0 &&
             json_object_array_add(kinds, json_object_new_string("source.fixAll")) == 0 &&
             gw_lsp_set(actions, "codeActionKinds", json_object_get(kinds)) == 0 &&
             gw_lsp_set(caps, "positionEncoding", json_object_new_string("utf-16")) == 0 &&
             gw_lsp_set(caps, "textDocumentSync", json_object_get(sync)) == 0 &&
             gw_lsp_set(caps, "documentSymbolProvider", json_object_new_boolean(1)) == 0 &&
             gw_lsp_set(caps, "foldingRangeProvider", json_object_new_boolean(1)) == 0 &&
             gw_lsp_set(caps, "hoverProvider", json_object_new_boolean(1)) == 0 &&
             gw_lsp_set(caps, "codeActionProvider", json_object_get(actions)) == 0 &&
             gw_lsp_set(info, "name", json_object_new_string("gongwen")) == 0 &&
             gw_lsp_set(info, "version", json_object_new_string(GW_VERSION)) == 0 &&
             gw_lsp_set(r, "capabilities", json_object_get(caps)) == 0 &&
             gw_lsp_set(r, "serverInfo", json_object_get(info)) == 0;
    json_object_put(sync);
    json_object_put(kinds);
    json_object_put(actions);
    json_object_put(caps);
    json_object_put(info);
    if (!ok) {
        json_object_put(r);
        return NULL;
    }
    return r;
}

static json_object *initialize(server *s, json_object *params, failure *f)
{
    if (s->initialized) {
        *f = (failure){INVALID_REQUEST, "initialize was already sent"};
        return NULL;
    }
    json_object *locale = member(params, "locale", json_type_string);
    if (locale)
        set_language(json_object_get_string(locale));
    set_options(s, member(params, "initializationOptions", json_type_object));
    json_object *r = capabilities();
    if (!r)
        *f = (failure){INTERNAL_ERROR, "out of memory"};
    else
        s->initialized = 1;
    return r;
}

static json_object *shutdown_request(server *s, json_object *params, failure *f)
{
    (void)params;
    (void)f;
    s->shutdown = 1;
    return NULL;
}

/* ---- documents ------------------------------------------------------------------ */

static void publish(server *s, const char *uri, gw_lsp_doc *d)
{
    int oom = 0;
    json_object *diags = d ? gw_lsp_diagnostics(d, &oom) : json_object_new_array();
    json_object *p = json_object_new_object(), *o = envelope();
    if (!diags || !p || !o || gw_lsp_set(p, "uri", json_object_new_string(uri)) != 0 ||
        (d && gw_lsp_set(p, "version", json_object_new_int64(d->version)) != 0) ||
        gw_lsp_set(p, "diagnostics", json_object_get(diags)) != 0 ||
        gw_lsp_set(o, "method", json_object_new_string("textDocument/publishDiagnostics")) != 0 ||
        gw_lsp_set(o, "params", json_object_get(p)) != 0) {
        json_object_put(o);
        o = NULL;
    }
    json_object_put(diags);
    json_object_put(p);
    send_message(s, o);
}

/* Publishes the diagnostics of every document changed since. */
static void publish_changed(server *s)
{
    for (gw_lsp_doc *d = s->docs; d; d = d->next) {
        if (!d->dirty)
            continue;
        d->dirty = 0;
        if (analyse(s, d) != 0)
            log_line("out of memory checking", d->uri);
        else
            publish(s, d->uri, d);
    }
}

static void did_open(server *s, json_object *params)
{
    const char *uri = uri_of(params);
    json_object *t =
        member(member(params, "textDocument", json_type_object), "text", json_type_string);
    if (!uri || !t) {
        log_line("didOpen without textDocument.uri and text", NULL);
        return;
    }
    if (!gw_lsp_doc_open(&s->docs, uri, version_of(params), json_object_get_string(t),
                         (size_t)json_object_get_string_len(t)))
        log_line("out of memory opening", uri);
}

/* One contentChanges entry: {range, text} or {text}. */
static int apply_change(gw_lsp_doc *d, json_object *c)
{
    json_object *t = member(c, "text", json_type_string);
    json_object *r = member(c, "range", json_type_object), *a, *b;
    gw_lsp_pos from = {0, 0}, to = {0, 0};
    if (!t)
        return 0;
    if (r &&
        (!json_object_object_get_ex(r, "start", &a) || !json_object_object_get_ex(r, "end", &b) ||
         gw_lsp_read_pos(a, &from) != 0 || gw_lsp_read_pos(b, &to) != 0))
        return 0; /* a malformed range: nothing to apply */
    return gw_lsp_doc_edit(d, !r, from, to, json_object_get_string(t),
                           (size_t)json_object_get_string_len(t));
}

static void did_change(server *s, json_object *params)
{
    const char *uri = uri_of(params);
    gw_lsp_doc *d = uri ? gw_lsp_doc_find(s->docs, uri) : NULL;
    json_object *changes = member(params, "contentChanges", json_type_array);
    if (!d || !changes) {
        log_line("didChange for a document not open, or without contentChanges", uri);
        return;
    }
    for (size_t i = 0; i < json_object_array_length(changes); i++)
        if (apply_change(d, json_object_array_get_idx(changes, i)) != 0)
            log_line("out of memory: a change was lost in", uri);
    d->version = version_of(params);
    d->dirty = 1;
}

static void did_close(server *s, json_object *params)
{
    const char *uri = uri_of(params);
    if (uri && gw_lsp_doc_close(&s->docs, uri) == 0)
        publish(s, uri, NULL); /* clears the client's list */
}

/* ---- features --------------------------------------------------------------------- */

typedef json_object *doc_feature(const gw_lsp_doc *d, int *oom);

static json_object *feature(server *s, json_object *params, failure *f, doc_feature *fn)
{
    gw_lsp_doc *d = request_doc(s, params, f);
    int oom = 0;
    json_object *r = d ? fn(d, &oom) : NULL;
    if (oom)
        *f = (failure){INTERNAL_ERROR, "out of memory"};
    return r;
}

static json_object *symbols(server *s, json_object *params, failure *f)
{
    return feature(s, params, f, gw_lsp_symbols);
}

static json_object *folding(server *s, json_object *params, failure *f)
{
    return feature(s, params, f, gw_lsp_folding);
}

static json_object *hover(server *s, json_object *params, failure *f)
{
    gw_lsp_pos at;
    if (gw_lsp_read_pos(member(params, "position", json_type_object), &at) != 0) {
        *f = (failure){INVALID_PARAMS, "no position"};
        return NULL;
    }
    gw_lsp_doc *d = request_doc(s, params, f);
    int oom = 0;
    json_object *r = d ? gw_lsp_hover(d, at, &oom) : NULL;
    if (oom)
        *f = (failure){INTERNAL_ERROR, "out of memory"};
    return r;
}

static json_object *code_action(server *s, json_object *params, failure *f)
{
    json_object *range = member(params, "range", json_type_object), *a, *b;
    gw_lsp_pos from, to;
    if (!range || !json_object_object_get_ex(range, "start", &a) ||
        !json_object_object_get_ex(range, "end", &b) || gw_lsp_read_pos(a, &from) != 0 ||
        gw_lsp_read_pos(b, &to) != 0) {
        *f = (failure){INVALID_PARAMS, "no range"};
        return NULL;
    }
    gw_lsp_doc *d = request_doc(s, params, f);
    int oom = 0;
    json_object *r = d ? gw_lsp_code_actions(d, from.line < to.line ? from.line : to.line,
                                             from.line < to.line ? to.line : from.line, &oom)
                       : NULL;
    if (oom)
        *f = (failure){INTERNAL_ERROR, "out of memory"};
    return r;
}

/* ---- dispatch ------------------------------------------------------------------------ */

typedef json_object *request_fn(server *s, json_object *params, failure *f);
typedef void notification_fn(server *s, json_object *params);

static const struct {
    const char *method;
    request_fn *fn;
} requests[] = {
    {"initialize", initialize},
    {"shutdown", shutdown_request},
    {"textDocument/documentSymbol", symbols},
    {"textDocument/foldingRange", folding},
    {"textDocument/hover", hover},
    {"textDocument/codeAction", code_action},
};

static const struct {
    const char *method;
    notification_fn *fn;
} notifications[] = {
    {"textDocument/didOpen", did_open},
    {"textDocument/didChange", did_change},
    {"textDocument/didClose", did_close},
};

static void request(server *s, const char *method, json_object *id, json_object *params)
{
    if (!s->initialized && strcmp(method, "initialize") != 0) {
        respond_error(s, id, SERVER_NOT_INITIALIZED, "initialize first");
        return;
    }
    if (s->shutdown) {
        respond_error(s, id, INVALID_REQUEST, "the server is shutting down");
        return;
    }
    for (size_t i = 0; i < sizeof requests / sizeof *requests; i++) {
        if (strcmp(method, requests[i].method) != 0)
            continue;
        failure f = {0, NULL};
        json_object *r = requests[i].fn(s, params, &f);
        if (f.code) {
            json_object_put(r);
            respond_error(s, id, f.code, f.message);
        } else {
            respond(s, id, r);
        }
        return;
    }
    respond_error(s, id, METHOD_NOT_FOUND, "method not found");
}

static void notification(server *s, const char *method, json_object *params)
{
    if (!strcmp(method, "exit")) {
        s->done = 1;
        s->status = s->shutdown ? 0 : 1;
        return;
    }
    if (!s->initialized || s->shutdown)
        return;
    for (size_t i = 0; i < sizeof notifications / sizeof *notifications; i++)
        if (!strcmp(method, notifications[i].method))
            notifications[i].fn(s, params);
    /* others ($/cancelRequest, initialized, ...) need nothing */
}

static void handle(server *s, const char *body, size_t len)
{
    json_tokener *tok = json_tokener_new();
    /* the NUL after the body ends a number at its end ("7"), which json-c
     * would otherwise wait to see continue */
    json_object *msg = tok ? json_tokener_parse_ex(tok, body, (int)len + 1) : NULL;
    int parsed = msg && json_tokener_get_error(tok) == json_tokener_success;
    if (tok)
        json_tokener_free(tok); /* json-c 0.16 does not take NULL */
    if (!parsed) {
        json_object_put(msg);
        log_line("a message that is not JSON", NULL);
        respond_error(s, NULL, PARSE_ERROR, "parse error");
        return;
    }
    json_object *id = NULL, *method = member(msg, "method", json_type_string);
    int has_id =
        json_object_is_type(msg, json_type_object) && json_object_object_get_ex(msg, "id", &id);
    json_object *params = NULL;
    if (json_object_is_type(msg, json_type_object))
        json_object_object_get_ex(msg, "params", &params);
    if (method && has_id)
        request(s, json_object_get_string(method), id, params);
    else if (method)
        notification(s, json_object_get_string(method), params);
    else if (!has_id || !(json_object_object_get_ex(msg, "result", NULL) ||
                          json_object_object_get_ex(msg, "error", NULL)))
        respond_error(s, has_id ? id : NULL, INVALID_REQUEST, "not a JSON-RPC message");
    /* else: a response to a request the server never sends */
    json_object_put(msg);
}

int gw_lsp_main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (strcmp(argv[i], "--stdio") != 0) { /* clients add --stdio */
            fprintf(stderr, "gongwen lsp: unknown option %s\n%s", argv[i], usage_text);
            return 2;
        }
    }
    gw_intl_init();
    signal(SIGPIPE, SIG_IGN); /* a closed output is an error, not death */
    server s = {.out = stdout, .in = {.fd = STDIN_FILENO}, .status = 1};
    gw_config_init(&s.editor);
    while (!s.done) {
        char *body;
        size_t len;
        const char *why = NULL;
        int r = gw_lsp_read(&s.in, &body, &len, &why);
        if (r == GW_LSP_EOF)
            break;
        if (r == GW_LSP_BAD_FRAME)
            log_line(why, NULL);
        else
            handle(&s, body, len);
        free(body);
        if (!s.done && !gw_lsp_pending(&s.in))
            publish_changed(&s);
    }
    gw_lsp_docs_free(s.docs);
    gw_config_free(&s.editor);
    free(s.config_error);
    gw_lsp_reader_free(&s.in);
    return s.status;
}
