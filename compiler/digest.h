/* SHA-256 through libcrypto's EVP interface, for the source digest, the
 * catalog's checksums and the book's identifier. */
#ifndef PC_DIGEST_H
#define PC_DIGEST_H

#include <stddef.h>

/* libcrypto's context, declared and not included: the exporters that hash
 * need no OpenSSL header. */
struct evp_md_ctx_st;

typedef struct {
	struct evp_md_ctx_st *ctx;
} pc_sha256;

/* Start, feed, finish. libcrypto fails here only when out of memory, and
 * then these abort like pc_malloc. Final frees the context. */
void pc_sha256_init(pc_sha256 *s);
void pc_sha256_update(pc_sha256 *s, const void *data, size_t len);
void pc_sha256_final(pc_sha256 *s, unsigned char out[32]);
/* Final, as 64 lower-case hex digits and a NUL. */
void pc_sha256_final_hex(pc_sha256 *s, char out[65]);
/* The digest of a byte string in hex. */
void pc_sha256_hex(const void *data, size_t len, char out[65]);

#endif
