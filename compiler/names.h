/* Personal names as the person matcher sees them: folded family name, given-name parts, compatibility. */
#ifndef PC_NAMES_H
#define PC_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "strtab.h"

/* One part of a given name: a whole name ("jean") or an initial ("j"). */
typedef struct {
	const char *text; /* folded (pc_fold_key); an initial is its first grapheme */
	const char *raw;  /* as written: the word, or an initial's first grapheme */
	int initial;      /* only the initial is known */
	int hyphen;       /* joined to the part before by a hyphen: "Jean-Luc", "J.-L." */
} pc_name_part;

typedef struct {
	const char *family; /* folded family name: "oneill", "παπαδοπουλοσ" */
	const pc_name_part *parts;
	const char *form; /* the parts as one key: "jean-luc", "j. l.", "" */
	uint32_t n_parts;
	uint32_t n_full; /* parts given in full */
} pc_name;

/* Split a citation's family and given names (either may be NULL). Given
 * parts are separated by spaces, dots and hyphens; a part is an initial when
 * a dot follows it or it is one cased letter ("J", "Ł", not "明"); two or
 * three capitals written together ("JL") are initials unless the whole
 * citation is in capitals ("NGUYEN THI LAN"). Every string and the parts
 * are kept in `strings` (interned: a name cited a thousand times is there
 * once), freed with it. */
void pc_name_parse(pc_name *n, pc_strtab *strings, const char *family, const char *given);

/* Whether two names can be one person: same folded family name; first
 * given parts compatible (equal names, or an initial and a name it starts;
 * "Jean-Luc" and "Jean" are different first names); the other parts of the
 * shorter name found, in order, among the longer's (a middle initial given
 * once and left out elsewhere is no contradiction). No given name at all is
 * compatible with every given name. */
int pc_name_compatible(const pc_name *a, const pc_name *b);

/* a is compatible with b, a different form, and says at least as much: as
 * many parts and as many in full ("Tomasz K." over "Tomasz", "Jean-Luc"
 * over "J.-L."). */
int pc_name_subsumes(const pc_name *a, const pc_name *b);

/* Initials for display, from the parsed parts: "J.-L.", "E. J.". Malloc'd. */
char *pc_name_initials(const pc_name *n);

/* Whether the name is written family first by custom: a family name in a
 * script without spaces between names (Han, Hiragana, Katakana, Hangul). */
int pc_name_family_first_script(const char *family);

#endif
