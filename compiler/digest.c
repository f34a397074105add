/* SHA-256 through libcrypto's EVP interface (libcrypto is in the process
 * already, through libzip): its SHA-NI and AVX2 code is maintained there. */
#include "digest.h"

#include <stdio.h>
#include <stdlib.h>

#include <openssl/evp.h>

static void
fail(const char *what)
{
	fprintf(stderr, "profilec: libcrypto: %s failed\n", what);
	abort();
}

void
pc_sha256_init(pc_sha256 *s)
{
	s->ctx = EVP_MD_CTX_new();
	if (s->ctx == NULL)
		fail("EVP_MD_CTX_new");
	if (EVP_DigestInit_ex(s->ctx, EVP_sha256(), NULL) != 1)
		fail("EVP_DigestInit_ex");
}

void
pc_sha256_update(pc_sha256 *s, const void *data, size_t len)
{
	if (len > 0 && EVP_DigestUpdate(s->ctx, data, len) != 1)
		fail("EVP_DigestUpdate");
}

void
pc_sha256_final(pc_sha256 *s, unsigned char out[32])
{
	unsigned n = 0;
	if (EVP_DigestFinal_ex(s->ctx, out, &n) != 1 || n != 32)
		fail("EVP_DigestFinal_ex");
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
