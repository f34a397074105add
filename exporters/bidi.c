/* Text direction from ICU's Bidi_Class property. */
#include "bidi.h"

#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

pc_dir
pc_text_dir(const char *utf8)
{
	if (utf8 == NULL)
		return PC_DIR_NEUTRAL;
	/* An ASCII letter is strongly left-to-right (Bidi_Class L): most
	 * texts are decided by their first byte, without a call to ICU. */
	unsigned char first = (unsigned char)(utf8[0] | 0x20);
	if (first >= 'a' && first <= 'z')
		return PC_DIR_LTR;
	const uint8_t *s = (const uint8_t *)utf8;
	int32_t n = (int32_t)strlen(utf8), i = 0;
	while (i < n) {
		UChar32 c;
		U8_NEXT(s, i, n, c);
		if (c < 0)
			continue; /* not UTF-8: the loader refuses it, so never here */
		switch (u_charDirection(c)) {
		case U_LEFT_TO_RIGHT: return PC_DIR_LTR;
		case U_RIGHT_TO_LEFT:
		case U_RIGHT_TO_LEFT_ARABIC: return PC_DIR_RTL;
		default: break;
		}
	}
	return PC_DIR_NEUTRAL;
}
