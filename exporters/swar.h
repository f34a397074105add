/* Eight bytes of a string at a time (SWAR: a word of bytes, each byte's
 * test shown in its high bit), for the scans most bytes pass: ASCII text
 * with nothing to escape, count or break. The caller knows the length:
 * a word is never read past it. */
#ifndef PC_SWAR_H
#define PC_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PC_SWAR_ONES  0x0101010101010101u
#define PC_SWAR_HIGHS 0x8080808080808080u /* bytes of 0x80 and above: not ASCII */

/* The eight bytes at p, as one word (any alignment). */
static inline uint64_t
pc_swar_load(const void *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
}

/* The high bit of each byte of w equal to c, and nothing else (no borrow
 * runs from one byte to the next, so the last one can be found). */
static inline uint64_t
pc_swar_eq(uint64_t w, unsigned char c)
{
	const uint64_t x = w ^ (PC_SWAR_ONES * c), lows = ~(uint64_t)PC_SWAR_HIGHS;
	return ~(((x & lows) + lows) | x | lows);
}

/* Nonzero when a byte of w is below c (at most 0x80); not which ones. */
static inline uint64_t
pc_swar_any_below(uint64_t w, unsigned char c)
{
	return (w - PC_SWAR_ONES * c) & ~w & PC_SWAR_HIGHS;
}

/* The bytes after the last one marked in a pc_swar_eq() mask, in memory
 * order (the load put the first byte lowest on a little-endian machine). */
static inline size_t
pc_swar_after_last(uint64_t mask)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (size_t)__builtin_ctzll(mask) / 8;
#else
	return (size_t)__builtin_clzll(mask) / 8;
#endif
}

#endif
