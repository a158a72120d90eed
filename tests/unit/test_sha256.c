#include "sha256.h"
#include "suites.h"

#include <stdlib.h>
#include <string.h>

static void check_digest(const char *data, size_t len, const char *want)
{
    char hex[65];
    gw_sha256_hex(data, len, hex);
    ck_assert_str_eq(hex, want);
    gw_sha256_hex_portable(data, len, hex);
    ck_assert_str_eq(hex, want);
}

/* FIPS 180-4's examples, and lengths around the padding's edges (55, 56
 * and 64 bytes: the length fits in the last block, or needs another). */
START_TEST(known_digests)
{
    check_digest("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check_digest("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    check_digest(two, strlen(two),
                 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    char a[1000];
    memset(a, 'a', sizeof a);
    check_digest(a, 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    check_digest(a, 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    check_digest(a, 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    check_digest(a, 1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}
END_TEST

/* Where the processor has the SHA extensions gw_sha256_hex goes through
 * them: every length from 0 to 600 bytes (each tail and block count) and
 * a large buffer give what the portable rounds give. */
START_TEST(fast_path_agrees)
{
    enum { big = 1 << 20 };
    unsigned char *data = malloc(big);
    ck_assert_ptr_nonnull(data);
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < big; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        data[i] = (unsigned char)x;
    }
    char fast[65], portable[65];
    for (size_t len = 0; len <= 600; len++) {
        gw_sha256_hex(data + len % 7, len, fast);
        gw_sha256_hex_portable(data + len % 7, len, portable);
        ck_assert_str_eq(fast, portable);
    }
    gw_sha256_hex(data, big, fast);
    gw_sha256_hex_portable(data, big, portable);
    ck_assert_str_eq(fast, portable);
    free(data);
}
END_TEST

Suite *sha256_suite(void)
{
    Suite *s = suite_create("sha256");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, known_digests);
    tcase_add_test(tc, fast_path_agrees);
    suite_add_tcase(s, tc);
    return s;
}
