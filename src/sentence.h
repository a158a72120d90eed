/* Sentences and quoting: where a run-in title or a lead sentence ends. */
#ifndef GW_SENTENCE_H
#define GW_SENTENCE_H

#include <stddef.h>

/* Byte offset just past the first sentence end (。！？ or ASCII ! ?) that
 * stands outside quotes and brackets in s[0..len); 0 if there is none. When
 * the quotes never balance, the first sentence end at any depth counts, so
 * one stray quote does not swallow a whole paragraph. */
size_t gw_sentence_end(const char *s, size_t len);

/* Byte offset where the sentence-end mark that gw_sentence_end found
 * begins (the mark is 1 to 3 bytes long); end is that function's result. */
size_t gw_sentence_mark(const char *s, size_t end);

/* Byte offset of the first c (a code point) outside quotes and brackets,
 * or len when there is none. */
size_t gw_find_outside(const char *s, size_t len, unsigned long c);

#endif
