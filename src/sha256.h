/* SHA-256 (FIPS 180-4), for the checksums of inputs: the provenance the
 * tree records and the manifest a batch keeps to skip unchanged files. */
#ifndef GW_SHA256_H
#define GW_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* The digest of data[0..len) as 64 lowercase hex digits and a NUL. */
void gw_sha256_hex(const void *data, size_t len, char hex[65]);

/* The same digest through the portable rounds whatever the processor
 * offers: for the tests, which compare it with gw_sha256_hex. */
void gw_sha256_hex_portable(const void *data, size_t len, char hex[65]);

#endif
