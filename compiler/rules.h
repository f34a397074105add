/* The rule catalogue: every rule id a diagnostic can carry, with what it
 * means and how to fix it. `profilec rules`, the SARIF rules and the rule
 * section of schemas/README.md all come from this one table. */
#ifndef PC_RULES_H
#define PC_RULES_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

typedef struct {
	const char *id;      /* "unknown-ref": lower-case words joined by hyphens */
	pc_severity level;   /* the severity its diagnostics have */
	const char *summary; /* one line, no final full stop */
	const char *explain; /* why it matters and how to fix it: a paragraph */
	const char *bad;     /* a source (or command) that breaks it */
	const char *good;    /* the same, fixed */
} pc_rule;

extern const pc_rule pc_rules[];
extern const size_t pc_n_rules;

/* The rule with this id, or NULL. */
const pc_rule *pc_rule_find(const char *id);
/* Its index in pc_rules, or -1. */
long pc_rule_index(const char *id);
/* `profilec rules`: one line per rule (id, severity, summary). */
void pc_rules_list(FILE *f);
/* `profilec rules RULE`: the summary, the explanation, both examples. */
void pc_rule_print(FILE *f, const pc_rule *r);
/* `profilec rules --format=markdown`: the table of schemas/README.md's
 * rule section (id, severity, summary), which `make rules-doc` writes. */
void pc_rules_markdown(FILE *f);

#endif
