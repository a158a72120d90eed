/* Code actions: the quick fixes of fix.h offered for what the checker
 * found, each as a workspace edit, and one "fix all" for the local ones. */
#include "fix.h"
#include "intl.h"
#include "lsp.h"

#include <stdlib.h>
#include <string.h>

/* ---- the actions --------------------------------------------------------------- */

/* {changes: {uri: [TextEdit...]}} */
static json_object *workspace_edit(const gw_lsp_doc *d, const gw_edits *e)
{
    json_object *list = json_object_new_array(), *changes = NULL, *w = NULL;
    for (size_t i = 0; list && i < e->n; i++) {
        json_object *t = json_object_new_object();
        if (!t || gw_lsp_set(t, "range", gw_lsp_json_range(d, e->v[i].from, e->v[i].to)) != 0 ||
            gw_lsp_set(t, "newText", json_object_new_string(e->v[i].text)) != 0 ||
            json_object_array_add(list, t) != 0) {
            json_object_put(t);
            json_object_put(list);
            return NULL;
        }
    }
    if (!list || !(changes = json_object_new_object()) || gw_lsp_set(changes, d->uri, list) != 0) {
        json_object_put(changes);
        if (!changes)
            json_object_put(list);
        return NULL;
    }
    if (!(w = json_object_new_object()) || gw_lsp_set(w, "changes", changes) != 0) {
        json_object_put(w);
        if (!w)
            json_object_put(changes);
        return NULL;
    }
    return w;
}

static json_object *action(const gw_lsp_doc *d, const char *title, const char *kind,
                           const gw_diag *g, const gw_edits *e)
{
    json_object *o = json_object_new_object();
    int ok = o && gw_lsp_set(o, "title", json_object_new_string(title)) == 0 &&
             gw_lsp_set(o, "kind", json_object_new_string(kind)) == 0;
    if (ok && g) {
        json_object *diags = json_object_new_array(), *one = gw_lsp_json_diag(d, g);
        ok = diags && one && json_object_array_add(diags, one) == 0;
        if (!ok) {
            json_object_put(one);
            json_object_put(diags);
        } else {
            ok = gw_lsp_set(o, "diagnostics", diags) == 0 &&
                 gw_lsp_set(o, "isPreferred", json_object_new_boolean(1)) == 0;
        }
    }
    if (!ok || gw_lsp_set(o, "edit", workspace_edit(d, e)) != 0) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

json_object *gw_lsp_code_actions(const gw_lsp_doc *d, unsigned long first, unsigned long last,
                                 int *oom)
{
    *oom = 0;
    json_object *a = json_object_new_array();
    size_t quick = 0;
    for (size_t i = 0; a && !*oom && i < d->diags.n; i++) {
        const gw_diag *g = &d->diags.v[i];
        if (gw_fix_kind_of(g) == GW_FIX_NONE || g->end_line < first + 1 || g->line > last + 1)
            continue;
        gw_edits e = {0};
        char title[512];
        int rc = gw_fix_one(d, g, &e, title, sizeof title);
        json_object *o = rc > 0 ? action(d, title, "quickfix", g, &e) : NULL;
        if (rc < 0 || (rc > 0 && (!o || json_object_array_add(a, o) != 0))) {
            json_object_put(o);
            *oom = 1;
        }
        quick += rc > 0;
        gw_edits_free(&e);
    }
    if (a && !*oom && quick > 0) {
        gw_edits e = {0};
        json_object *o = NULL;
        /* all the local fixes in one edit */
        if (gw_fix_all(d, 1u << GW_FIX_LOCAL, &e) != 0 ||
            (e.n > 1 && (!(o = action(d, _("Fix all trailing white space, ASCII punctuation and radicals"),
                                      "source.fixAll", NULL, &e)) ||
                         json_object_array_add(a, o) != 0))) {
            json_object_put(o);
            *oom = 1;
        }
        gw_edits_free(&e);
    }
    if (*oom) {
        json_object_put(a);
        return NULL;
    }
    *oom = !a;
    return a;
}
