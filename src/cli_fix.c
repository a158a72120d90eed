/* check --fix and --diff (see cli_fix.h). The file is decoded, fixed as
 * UTF-8 with fix.h over the LSP's text model until no sure fix is left,
 * and encoded back. Nothing is written unless encoding the unfixed text
 * gives back the file's bytes exactly (after its BOM): what decoding
 * replaced or normalised would otherwise be lost. */
/* realpath(), fchmod(), fchown() */
#define _XOPEN_SOURCE 700
#include "cli_fix.h"
#include "cli.h"
#include "fix.h"
#include "intl.h"
#include "readers.h"
#include "udiff.h"

#include <errno.h>
#include <iconv.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* A fix can make another one possible (a renumbering that overlapped
 * another's waits for the next pass); more passes than this mean the
 * fixes do not settle, and the text is left as the last pass made it. */
#define MAX_PASSES 16

/* The UTF-8 text s[0..len) in encoding enc: 0 with *out malloc'ed, 1 when
 * a character has no form in enc, -1 when out of memory or enc unknown. */
static int encode(const char *s, size_t len, const char *enc, char **out, size_t *out_len)
{
    if (!strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8")) {
        if (!(*out = malloc(len + 1)))
            return -1;
        memcpy(*out, s, len);
        *out_len = len;
        return 0;
    }
    iconv_t cd = iconv_open(enc, "UTF-8");
    if (cd == (iconv_t)-1)
        return -1;
    size_t cap = len * 2 + 16, used = 0;
    char *buf = malloc(cap), *in = (char *)s;
    size_t left = len;
    int rc = buf ? 0 : -1;
    while (rc == 0 && left > 0) {
        char *o = buf + used;
        size_t room = cap - used;
        size_t r = iconv(cd, &in, &left, &o, &room);
        used = (size_t)(o - buf);
        if (r != (size_t)-1)
            continue;
        if (errno != E2BIG) {
            rc = 1;
            break;
        }
        char *bigger = cap * 2 > cap ? realloc(buf, cap * 2) : NULL;
        if (!bigger)
            rc = -1;
        else
            buf = bigger, cap *= 2;
    }
    iconv_close(cd);
    if (rc != 0) {
        free(buf);
        return rc;
    }
    *out = buf;
    *out_len = used;
    return 0;
}

static void not_fixed(const char *name, const char *why)
{
    char msg[512];
    snprintf(msg, sizeof msg, _("not fixed: %s"), why);
    gw_cli_error("gongwen", name, msg);
}

/* The fixed UTF-8 text of t: 0 with *out malloc'ed or NULL when nothing
 * changed, -1 when out of memory. */
static int fix_text(const char *text, size_t len, const gw_check_options *opt, char **out,
                    size_t *out_len)
{
    gw_lsp_doc *docs = NULL, *d = gw_lsp_doc_open(&docs, "file", 0, text, len);
    char *now = NULL;
    size_t now_len = 0;
    int rc = d ? 0 : -1;
    for (int pass = 0; rc == 0 && pass < MAX_PASSES; pass++) {
        gw_edits e = {0};
        char *next = NULL;
        size_t next_len = 0;
        if (gw_lsp_doc_analyse(d, opt) != 0 || gw_fix_all(d, ~0u, &e) != 0 ||
            (e.n > 0 && (!(next = gw_edits_apply(d->text, d->len, &e, &next_len)) ||
                         !gw_lsp_doc_open(&docs, "file", 0, next, next_len))))
            rc = -1;
        size_t changes = e.n;
        gw_edits_free(&e);
        if (rc != 0 || changes == 0) {
            free(next);
            break;
        }
        free(now);
        now = next;
        now_len = next_len;
    }
    gw_lsp_docs_free(docs);
    if (rc != 0) {
        free(now);
        now = NULL;
    }
    *out = now;
    *out_len = now_len;
    return rc;
}

static int write_all(int fd, const char *data, size_t len)
{
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return -1;
        }
        done += (size_t)w;
    }
    return 0;
}

/* Writes data over path through a temporary file beside it, with the
 * file's permissions; 0, or -1 with errno set (the file unchanged). */
static int replace_file(const char *path, const char *data, size_t len)
{
    char *real = realpath(path, NULL); /* a symbolic link keeps pointing at it */
    char *dir = real ? strdup(real) : NULL;
    size_t n = dir ? strlen(dir) + 32 : 0;
    char *tmp = dir ? malloc(n) : NULL;
    struct stat st;
    int rc = -1, fd = -1;
    if (tmp && stat(real, &st) == 0) {
        snprintf(tmp, n, "%s/.gongwen-fix-XXXXXX", dirname(dir));
        fd = mkstemp(tmp);
    }
    if (fd >= 0) {
        /* the owner too, where allowed (root fixing a colleague's file);
         * elsewhere the file becomes the user's, as an editor's save does */
        if (fchown(fd, st.st_uid, st.st_gid) != 0)
            errno = 0;
        int ok =
            write_all(fd, data, len) == 0 && fchmod(fd, st.st_mode & 07777) == 0 && fsync(fd) == 0;
        int e = errno;
        if (close(fd) != 0 && ok) {
            ok = 0;
            e = errno;
        }
        if (ok && rename(tmp, real) != 0) {
            ok = 0;
            e = errno;
        }
        if (!ok) {
            unlink(tmp);
            errno = e;
        }
        rc = ok ? 0 : -1;
    }
    free(real);
    free(dir);
    free(tmp);
    return rc;
}

/* Whether encoding the text gives the file back exactly after a prefix of
 * at most four bytes (a BOM), that prefix's length in *prefix: a file that
 * would not survive the rewrite is not fixed. */
static int kept_prefix(const char *bytes, size_t len, const char *enc, const gw_text *t,
                       size_t *prefix, int *oom)
{
    char *back = NULL;
    size_t back_len = 0;
    int rc = encode(gw_text_data(t), gw_text_length(t), enc, &back, &back_len);
    *oom = rc < 0;
    int kept = rc == 0 && back_len <= len && len - back_len <= 4 &&
               !memcmp(bytes + (len - back_len), back, back_len);
    *prefix = kept ? len - back_len : 0;
    free(back);
    return kept;
}

int gw_fix_file(const char *path, const char *name, const char *bytes, size_t len,
                const gw_check_options *opt, gw_fix_mode mode, FILE *diff, char **out,
                size_t *out_len)
{
    *out = NULL;
    gw_error err = {0};
    gw_from from = gw_sniff(bytes, len, opt->encoding != NULL, &err);
    if (from != GW_FROM_TEXT) {
        char msg[256];
        snprintf(msg, sizeof msg,
                 _("cannot fix a %s file: --fix and --diff change text files only"),
                 from == GW_FROM_AUTO ? _("binary") : gw_from_name(from));
        gw_cli_error("gongwen", name, msg);
        return -1;
    }
    gw_decode_options dopt = {opt->encoding, GW_ERRORS_STRICT};
    gw_text *t = gw_decode_with(bytes, len, &dopt, &err);
    if (!t) {
        if (err.status == GW_ERR_NOMEM || err.status == GW_ERR_UNKNOWN_ENCODING) {
            gw_cli_error("gongwen", name, err.message);
            return -1;
        }
        not_fixed(name, _("it is not valid in its encoding"));
        return 1;
    }
    const char *enc = gw_text_encoding(t);
    int oom = 0;
    size_t prefix = 0;
    int kept = kept_prefix(bytes, len, enc, t, &prefix, &oom);
    char *fixed = NULL, *now = NULL;
    size_t fixed_len = 0, now_len = 0;
    int rc = 0;
    if (oom) {
        rc = -1;
    } else if (!kept) {
        not_fixed(name, _("its encoding would not survive a rewrite"));
        rc = 1;
    } else if (fix_text(gw_text_data(t), gw_text_length(t), opt, &fixed, &fixed_len) != 0) {
        rc = -1;
    } else if (fixed) {
        int e = encode(fixed, fixed_len, enc, &now, &now_len);
        char *whole = e == 0 ? malloc(prefix + now_len + 1) : NULL;
        if (whole) {
            memcpy(whole, bytes, prefix);
            memcpy(whole + prefix, now, now_len);
            now_len += prefix;
        }
        free(now);
        now = whole;
        if (e == 1) {
            not_fixed(name, _("a fix has no form in the file's encoding"));
            rc = 1;
        } else if (!now) {
            rc = -1;
        }
    }
    if (rc == -1)
        gw_cli_error("gongwen", name, _("out of memory"));
    gw_text_free(t);
    free(fixed);
    if (rc == 0 && now && mode == GW_FIX_DIFF &&
        gw_udiff(diff, name, bytes, len, now, now_len) != 0) {
        gw_cli_error("gongwen", name, _("cannot write the diff"));
        rc = -1;
    } else if (rc == 0 && now && mode == GW_FIX_WRITE && replace_file(path, now, now_len) != 0) {
        gw_cli_error("gongwen", name, strerror(errno));
        rc = -1;
    }
    if (rc != 0) {
        free(now);
        now = NULL;
    }
    *out = now;
    *out_len = now_len;
    return rc;
}
