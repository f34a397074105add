/* SHA-256 (FIPS 180-4), for the source digest and the catalog's checksums. */
#ifndef PC_SHA256_H
#define PC_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint32_t h[8];
	uint64_t total;
	unsigned char block[64];
	size_t fill;
} pc_sha256;

void pc_sha256_init(pc_sha256 *s);
void pc_sha256_update(pc_sha256 *s, const void *data, size_t len);
void pc_sha256_final(pc_sha256 *s, unsigned char out[32]);
/* Whether to use the processor's SHA extensions where it has them (the
 * default); returns 1 when they are used. For tests of both paths. */
int pc_sha256_accelerate(int allow);
/* The digest of a byte string as 64 lower-case hex digits and a NUL. */
void pc_sha256_hex(const void *data, size_t len, char out[65]);

#endif
