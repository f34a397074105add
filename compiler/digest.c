/* SHA-256 through libcrypto's EVP interface (libcrypto is in the process
 * already, through libzip): its SHA-NI and AVX2 code is maintained there. */
#include "digest.h"

#include <stdlib.h>

#include <openssl/evp.h>

#include "alloc.h"

/* libcrypto fails only without memory: nothing to recover (pc_fatal). */
void
pc_sha256_init(pc_sha256 *s)
{
	s->ctx = EVP_MD_CTX_new();
	if (s->ctx == NULL)
		pc_fatal("libcrypto: EVP_MD_CTX_new failed");
	if (EVP_DigestInit_ex(s->ctx, EVP_sha256(), NULL) != 1)
		pc_fatal("libcrypto: EVP_DigestInit_ex failed");
}

void
pc_sha256_update(pc_sha256 *s, const void *data, size_t len)
{
	if (len > 0 && EVP_DigestUpdate(s->ctx, data, len) != 1)
		pc_fatal("libcrypto: EVP_DigestUpdate failed");
}

void
pc_sha256_final(pc_sha256 *s, unsigned char out[32])
{
	unsigned n = 0;
	if (EVP_DigestFinal_ex(s->ctx, out, &n) != 1 || n != 32)
		pc_fatal("libcrypto: EVP_DigestFinal_ex failed");
	EVP_MD_CTX_free(s->ctx);
	s->ctx = NULL;
}

void
pc_sha256_final_hex(pc_sha256 *s, char out[65])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char raw[32];
	pc_sha256_final(s, raw);
	for (int i = 0; i < 32; i++) {
		out[2 * i] = digits[raw[i] >> 4];
		out[2 * i + 1] = digits[raw[i] & 15];
	}
	out[64] = '\0';
}

void
pc_sha256_hex(const void *data, size_t len, char out[65])
{
	pc_sha256 s;
	pc_sha256_init(&s);
	pc_sha256_update(&s, data, len);
	pc_sha256_final_hex(&s, out);
}
