/* SHA-256 (FIPS 180-4): small and dependency-free, since only libxml2,
 * libzip and libxlsxwriter are linked and none of them exports one. A build
 * hashes its source and every output (the catalog's checksums), so where
 * the processor has the SHA extensions they do the rounds: 7x faster. */
#include "sha256.h"

#include <stdio.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#define HAVE_SHA_NI 1
#endif

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void compress_one(uint32_t *state, const unsigned char *p);

static void
compress_portable(uint32_t *state, const unsigned char *p, size_t blocks)
{
	for (; blocks > 0; blocks--, p += 64)
		compress_one(state, p);
}

#ifdef HAVE_SHA_NI
/* The rounds with SHA-NI (the layout of Intel's reference code: the
 * state as ABEF and CDGH, four rounds per message vector). */
__attribute__((target("sha,sse4.1"))) static void
compress_sha_ni(uint32_t *state, const unsigned char *p, size_t blocks)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	__m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1); /* CDAB */
	__m128i st1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B); /* EFGH */
	__m128i st0 = _mm_alignr_epi8(tmp, st1, 8);                                         /* ABEF */
	st1 = _mm_blend_epi16(st1, tmp, 0xF0);                                              /* CDGH */
	for (; blocks > 0; blocks--, p += 64) {
		__m128i abef = st0, cdgh = st1, w[16];
		for (int i = 0; i < 4; i++)
			w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), swap);
		for (int i = 4; i < 16; i++)
			w[i] = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(w[i - 4], w[i - 3]),
								  _mm_alignr_epi8(w[i - 1], w[i - 2], 4)),
						    w[i - 1]);
		for (int i = 0; i < 16; i++) {
			__m128i msg = _mm_add_epi32(w[i], _mm_loadu_si128((const __m128i *)&K[4 * i]));
			st1 = _mm_sha256rnds2_epu32(st1, st0, msg);
			st0 = _mm_sha256rnds2_epu32(st0, st1, _mm_shuffle_epi32(msg, 0x0E));
		}
		st0 = _mm_add_epi32(st0, abef);
		st1 = _mm_add_epi32(st1, cdgh);
	}
	tmp = _mm_shuffle_epi32(st0, 0x1B);    /* FEBA */
	st1 = _mm_shuffle_epi32(st1, 0xB1);    /* DCHG */
	st0 = _mm_blend_epi16(tmp, st1, 0xF0); /* DCBA */
	st1 = _mm_alignr_epi8(st1, tmp, 8);    /* ABEF */
	_mm_storeu_si128((__m128i *)&state[0], st0);
	_mm_storeu_si128((__m128i *)&state[4], st1);
}
#endif

static void (*compress_blocks)(uint32_t *state, const unsigned char *p, size_t blocks);

int
pc_sha256_accelerate(int allow)
{
	compress_blocks = compress_portable;
#ifdef HAVE_SHA_NI
	/* CPUID directly: clang's __builtin_cpu_supports knows no "sha". */
	unsigned a, b, c, d, b7 = 0;
	int sse41 = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_1) && (c & bit_SSSE3);
	if (__get_cpuid_count(7, 0, &a, &b7, &c, &d) == 0)
		b7 = 0;
	if (allow && sse41 && (b7 & (1u << 29)))
		compress_blocks = compress_sha_ni;
#endif
	return compress_blocks != compress_portable;
}

static void
compress(pc_sha256 *s, const unsigned char *p, size_t blocks)
{
	if (compress_blocks == NULL)
		pc_sha256_accelerate(1);
	compress_blocks(s->h, p, blocks);
}

static void
compress_one(uint32_t *state, const unsigned char *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
		       p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
	uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
		uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
		h = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
	state[4] += e;
	state[5] += f;
	state[6] += g;
	state[7] += h;
}

void
pc_sha256_init(pc_sha256 *s)
{
	static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
				       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	memcpy(s->h, iv, sizeof iv);
	s->total = 0;
	s->fill = 0;
}

void
pc_sha256_update(pc_sha256 *s, const void *data, size_t len)
{
	const unsigned char *p = data;
	s->total += len;
	if (s->fill) {
		size_t take = 64 - s->fill < len ? 64 - s->fill : len;
		memcpy(s->block + s->fill, p, take);
		s->fill += take;
		p += take;
		len -= take;
		if (s->fill < 64)
			return;
		compress(s, s->block, 1);
		s->fill = 0;
	}
	if (len >= 64) {
		compress(s, p, len / 64);
		p += len / 64 * 64;
		len %= 64;
	}
	memcpy(s->block, p, len);
	s->fill = len;
}

void
pc_sha256_final(pc_sha256 *s, unsigned char out[32])
{
	uint64_t bits = s->total * 8;
	unsigned char pad = 0x80;
	pc_sha256_update(s, &pad, 1);
	unsigned char zero = 0;
	while (s->fill != 56)
		pc_sha256_update(s, &zero, 1);
	unsigned char len[8];
	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	pc_sha256_update(s, len, 8);
	for (int i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(s->h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
		out[4 * i + 3] = (unsigned char)s->h[i];
	}
}

void
pc_sha256_hex(const void *data, size_t len, char out[65])
{
	pc_sha256 s;
	unsigned char digest[32];
	pc_sha256_init(&s);
	pc_sha256_update(&s, data, len);
	pc_sha256_final(&s, digest);
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
}
