/* Checks of values given on the command line: names of files, the base IRI. */
#ifndef PC_OPTION_VALUES_H
#define PC_OPTION_VALUES_H

/* 1 when s is UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF), else 0. */
int pc_utf8_valid(const char *s);

/* NULL when a file or directory name can be printed in diagnostics and
 * stored in the products as it is; else why not (static text). */
const char *pc_name_problem(const char *name);

/* name with every byte that is not printable UTF-8 written as \xHH, for a
 * message about it; free it. */
char *pc_name_escaped(const char *name);

/* NULL when iri can be the base of the JSON-LD @ids: an absolute http or
 * https IRI (RFC 3987) without query or fragment, ending with '/'; else
 * why not (allocated; free it). */
char *pc_base_iri_problem(const char *iri);

#endif
