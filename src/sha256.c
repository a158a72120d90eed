/* SHA-256 in one pass over a buffer held in memory (inputs are read
 * whole anyway), so no incremental state is needed. On x86-64 processors
 * with the SHA extensions the blocks go through them (the portable rounds
 * were a sixth of all of -t xml's instructions); elsewhere, or when cpuid
 * says no, through the portable rounds. Both give the same digest: the
 * tests compare them. */
#include "sha256.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define GW_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, unsigned n)
{
    return (x >> n) | (x << (32 - n));
}

/* One round with the eight working variables renamed instead of shifted:
 * the compiler then keeps them in registers, unrolled eight rounds at a
 * time (a sixth fewer instructions than moving them each round). */
#define ROUND(a, b, c, d, e, f, g, h, i)                                                           \
    do {                                                                                           \
        uint32_t t1 =                                                                              \
            h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];        \
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));       \
        d += t1;                                                                                   \
        h = t1 + t2;                                                                               \
    } while (0)

static void block(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i += 8) {
        ROUND(a, b, c, d, e, f, g, hh, i);
        ROUND(hh, a, b, c, d, e, f, g, i + 1);
        ROUND(g, hh, a, b, c, d, e, f, i + 2);
        ROUND(f, g, hh, a, b, c, d, e, i + 3);
        ROUND(e, f, g, hh, a, b, c, d, i + 4);
        ROUND(d, e, f, g, hh, a, b, c, i + 5);
        ROUND(c, d, e, f, g, hh, a, b, i + 6);
        ROUND(b, c, d, e, f, g, hh, a, i + 7);
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

static void blocks_portable(uint32_t h[8], const unsigned char *p, size_t count)
{
    for (; count; count--, p += 64)
        block(h, p);
}

#ifdef GW_SHA_NI
/* Four rounds: the schedule's words w plus their constants, two rounds
 * per sha256rnds2 (it takes them from the low half). */
#define ROUNDS4(w, i)                                                                              \
    do {                                                                                           \
        __m128i m = _mm_add_epi32(w, _mm_loadu_si128((const __m128i *)&k[4 * (i)]));               \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, m);                                               \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(m, 0x0e));                      \
    } while (0)

/* The next four words of the schedule in w0, from the sixteen before
 * them in w0..w3 (oldest first): sha256msg1 adds sigma0 of w[t-15] to
 * w[t-16], the alignr brings w[t-7], sha256msg2 adds sigma1 of w[t-2]. */
#define SCHEDULE(w0, w1, w2, w3)                                                                   \
    (w0 = _mm_sha256msg2_epu32(                                                                    \
         _mm_add_epi32(_mm_sha256msg1_epu32(w0, w1), _mm_alignr_epi8(w3, w2, 4)), w3))

__attribute__((target("sha,sse4.1"))) static void
blocks_sha_ni(uint32_t h[8], const unsigned char *p, size_t count)
{
    /* the instructions keep the state as ABEF and CDGH, the schedule's
     * words big-endian */
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i dcba = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]), 0xb1);
    __m128i hgfe = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]), 0x1b);
    __m128i abef = _mm_alignr_epi8(dcba, hgfe, 8);
    __m128i cdgh = _mm_blend_epi16(hgfe, dcba, 0xf0);
    for (; count; count--, p += 64) {
        __m128i abef0 = abef, cdgh0 = cdgh;
        __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)p), swap);
        __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16)), swap);
        __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 32)), swap);
        __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 48)), swap);
        ROUNDS4(w0, 0);
        ROUNDS4(w1, 1);
        ROUNDS4(w2, 2);
        ROUNDS4(w3, 3);
        for (int i = 4; i < 16; i += 4) {
            SCHEDULE(w0, w1, w2, w3);
            ROUNDS4(w0, i);
            SCHEDULE(w1, w2, w3, w0);
            ROUNDS4(w1, i + 1);
            SCHEDULE(w2, w3, w0, w1);
            ROUNDS4(w2, i + 2);
            SCHEDULE(w3, w0, w1, w2);
            ROUNDS4(w3, i + 3);
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
    }
    __m128i feba = _mm_shuffle_epi32(abef, 0x1b);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xb1);
    _mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(feba, dchg, 0xf0));
    _mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(dchg, feba, 8));
}

/* cpuid: SSSE3 and SSE4.1 (leaf 1) and the SHA extensions (leaf 7) */
static int have_sha_ni(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSSE3) || !(c & bit_SSE4_1))
        return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return 0;
    return (b & bit_SHA) != 0;
}
#endif

static void digest(const void *data, size_t len, int portable, char hex[65])
{
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    void (*blocks)(uint32_t[8], const unsigned char *, size_t) = blocks_portable;
#ifdef GW_SHA_NI
    if (!portable && have_sha_ni())
        blocks = blocks_sha_ni;
#else
    (void)portable;
#endif
    const unsigned char *p = data;
    size_t n = len % 64;
    blocks(h, p, len / 64);
    p += len - n;
    /* the tail, a 1 bit, zeros, and the length in bits: one or two blocks */
    unsigned char last[128] = {0};
    memcpy(last, p, n);
    last[n] = 0x80;
    size_t total = n + 9 <= 64 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++)
        last[total - 1 - i] = (unsigned char)(bits >> (8 * i));
    blocks(h, last, total / 64);
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        unsigned char byte = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
        hex[2 * i] = digits[byte >> 4];
        hex[2 * i + 1] = digits[byte & 15];
    }
    hex[64] = '\0';
}

void gw_sha256_hex(const void *data, size_t len, char hex[65])
{
    digest(data, len, 0, hex);
}

void gw_sha256_hex_portable(const void *data, size_t len, char hex[65])
{
    digest(data, len, 1, hex);
}
