/* Outline markers: the numbering conventions of Chinese official texts. */
#ifndef GW_MARKER_H
#define GW_MARKER_H

#include <stddef.h>

typedef enum {
    GW_F_NONE = 0,
    GW_F_BIAN,         /* 第一编 */
    GW_F_PIAN,         /* 第一篇 */
    GW_F_ZHANG,        /* 第一章 */
    GW_F_JIE,          /* 第一节 */
    GW_F_CN,           /* 一、 */
    GW_F_CN_PAREN,     /* （一） (一) */
    GW_F_ARABIC,       /* 1. 1、 １． ⒈ */
    GW_F_ARABIC_PAREN, /* （1） (1) ⑴ */
    GW_F_CIRCLED,      /* ① */
    GW_F_SHI,          /* 一是 */
    GW_F_DI,           /* 第一， */
    GW_F_BUFEN,        /* 第一部分 */
    GW_F_ARABIC_HALF,  /* 1) 1） */
    /* unnumbered headings */
    GW_F_PREFACE, /* 序言: depth 1, closed by the next heading */
    GW_F_ANNEX,   /* 附件1: depth 1, holds what follows */
    GW_F_NOTES,   /* 名词解释: depth 1, holds the notes */
    GW_F_COUNT
} gw_family;

typedef struct {
    gw_family family;
    int n;      /* ordinal, 1-based */
    size_t len; /* bytes of the marker itself, e.g. "（一）" */
} gw_marker;

/* Recognizes a numbered marker at the start of s (which starts at the first
 * non-space character of a paragraph). Returns 1 and fills m, or 0. Markers
 * that are really prose (1.5万, 2024年, 一、二季度) are rejected. */
int gw_marker_scan(const char *s, size_t len, gw_marker *m);

/* The family's name as written in section/@family. */
const char *gw_family_name(gw_family f);

/* Bytes of a dash-item marker at the start of s: ——, ――, --, －－ (a
 * space between the halves allowed: - -), one long dash (— ―), or 一一
 * standing for a dash before a short first sentence; 0 if there is none. */
size_t gw_dash_len(const char *s, size_t len);

/* Bytes of 一一 opening s where it may stand for —— (OCR reads the dash so):
 * something follows that starts no Chinese numeral (一一二 is a number);
 * 0 otherwise. Whether it does is the caller's to say: gw_dash_len takes
 * it before a short first sentence or a date, a run of paragraphs opening
 * with it (blocks.c) whatever follows. */
size_t gw_twice_one_len(const char *s, size_t len);

#endif
