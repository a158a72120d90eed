/* Lead sentences: the short topic phrase that opens a paragraph and is set
 * in bold in print (持续抓链条强集群。实施…). */
#ifndef GW_LEAD_H
#define GW_LEAD_H

#include "tunables.h" /* GW_LEAD_MAX, GW_LEAD_TASK_MAX, GW_LEAD_LONG_MAX */

#include <stddef.h>

/* s is a paragraph without leading white space. If its first sentence reads
 * as a lead, returns the byte offset just past that sentence's end mark;
 * otherwise 0. A lead needs body text after it in the paragraph unless
 * alone is set (the caller has seen the body follow on the next line). */
size_t gw_lead_end(const char *s, size_t len, int alone);

/* Whether the lead s[0..end) is longer than GW_LEAD_MAX: a long command,
 * which the caller takes as a lead only among other leads. */
int gw_lead_is_long(const char *s, size_t end);

/* Whether the lead s[0..end) is long or two clauses (厚望如山，使命如磐。):
 * such a sentence opens plain prose as often as it is a topic, so the
 * caller takes it only where the document sets leads around it. */
int gw_lead_needs_company(const char *s, size_t end);

/* Whether body, the text after the sentence s (len bytes without its stop),
 * goes on from s as from a statement (这是…, 我们要…, 五年来，…) rather
 * than setting out the measures of a topic; a task s opens with (推动…) is a
 * topic whatever follows. */
int gw_lead_goes_on(const char *s, size_t len, const char *body, size_t blen);

/* Whether s, a paragraph standing alone before its body paragraph, is one
 * more lead in a document that sets its leads on their own lines: one
 * sentence ending in 。 up to GW_LEAD_LONG_MAX characters, without figures,
 * a colon or semicolon, or 以下/如下 announcing a list, that the body does
 * not go on from (这是…, 五年来，…). It may read as prose (这一年，我们…):
 * the document's habit decides, not the words. */
int gw_lead_by_habit(const char *s, size_t len, const char *body, size_t blen);

/* Whether s opens by addressing the deputies (各位代表！ / 各位代表，…). */
int gw_is_address(const char *s, size_t len);

#endif
