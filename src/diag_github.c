/* Diagnostics as GitHub Actions workflow commands, one per line on
 * standard output, which GitHub shows as annotations on the lines of the
 * pull request (its problem matchers take only error and warning lines;
 * a note is a notice here):
 *   ::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
 * Escaped as the Actions toolkit does: in the message % CR LF, in the
 * properties also : and ,. GitHub's end column is the last character's
 * (inclusive), ours the one after it. */
#include "diag.h"
#include "utf8.h"

#include <stdlib.h>

static void put_escaped(FILE *fp, const char *s, int property)
{
    for (; *s; s++) {
        if (*s == '%')
            fputs("%25", fp);
        else if (*s == '\r')
            fputs("%0D", fp);
        else if (*s == '\n')
            fputs("%0A", fp);
        else if (property && *s == ':')
            fputs("%3A", fp);
        else if (property && *s == ',')
            fputs("%2C", fp);
        else
            fputc(*s, fp);
    }
}

static const char *command(gw_severity s)
{
    return s == GW_SEV_ERROR ? "error" : s == GW_SEV_WARNING ? "warning" : "notice";
}

gw_status gw_diag_print_github(FILE *fp, const gw_diag_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        /* file names need not be UTF-8; the log is */
        char *name = gw_utf8_scrub(files[i].name, 0);
        if (!name)
            return GW_ERR_NOMEM;
        gw_diag note;
        int noted = gw_diags_omitted_note(files[i].diags, &note);
        if (noted < 0) {
            free(name);
            return GW_ERR_NOMEM;
        }
        for (size_t k = 0; k < files[i].diags->n + (noted == 1); k++) {
            const gw_diag *g = k < files[i].diags->n ? &files[i].diags->v[k] : &note;
            fprintf(fp, "::%s file=", command(g->severity));
            put_escaped(fp, name, 1);
            unsigned long end = g->end_column > 1 ? g->end_column - 1 : 1;
            if (g->end_line == g->line && end < g->column)
                end = g->column;
            fprintf(fp, ",line=%lu,col=%lu,endLine=%lu,endColumn=%lu,title=", g->line, g->column,
                    g->end_line, end);
            put_escaped(fp, g->rule, 1);
            fputs("::", fp);
            put_escaped(fp, g->message, 0);
            fputc('\n', fp);
        }
        if (noted == 1)
            free(note.message);
        free(name);
    }
    return ferror(fp) ? GW_ERR_IO : GW_OK;
}
