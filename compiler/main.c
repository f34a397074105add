/* The command line: profilec validate | build | dump. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../exporters/export.h"
#include "../exporters/world.h"
#include "alloc.h"
#include "compiler.h"
#include "jobs.h"
#include "option_values.h"
#include "publish.h"
#include "diff.h"
#include "fixit.h"
#include "rules.h"
#include "version.h"

static const char usage[] =
	"usage: profilec validate [--format=text|json|github|sarif] [--werror] [--show-merges] [--no-world]\n"
	"                         [LIMITS] FILE...\n"
	"       profilec build [-o DIR] [--formats=LIST] [--base-iri=IRI] [--base-url=URL]\n"
	"                      [--license=ID|URL] [--publisher=NAME] [-jN] [--no-world] [--werror]\n"
	"                      [LIMITS] FILE...\n"
	"       profilec dump [LIMITS] FILE\n"
	"       profilec diff [--format=text|markdown|json] OLD NEW\n"
	"       profilec rules [--format=text|markdown] [RULE]\n"
	"       profilec --help | --version\n";

static void
help(void)
{
	printf("profilec %s: compile child online safety country profiles.\n\n%s\n", PC_VERSION, usage);
	puts("Commands:\n"
	     "  validate   check each FILE against the schema and the rules XSD cannot\n"
	     "             express; print every diagnostic as FILE:LINE:COL, then a summary\n"
	     "  build      validate, then write every product of each FILE under DIR/<cc>/\n"
	     "             and DIR/catalog.jsonld; DIR is replaced whole, and only when\n"
	     "             all succeed; builds of one DIR take turns\n"
	     "  dump       print the normalized graph of FILE as text (every node and edge)\n"
	     "  diff       compare two versions of a profile entity by entity (added,\n"
	     "             removed, changed fields, merges); --format=text, markdown (a\n"
	     "             pull-request comment) or json; exit 0 same, 1 differ, 2 trouble\n"
	     "  rules      list every rule id a diagnostic can carry; with RULE, what it\n"
	     "             means and how to fix it, with an example; --format=markdown\n"
	     "             writes the table of schemas/README.md (make rules-doc)\n"
	     "\n"
	     "Options (each value as --name=VALUE or --name VALUE):\n"
	     "  --format=FMT        diagnostics as text (default), json, github annotations,\n"
	     "                      or sarif (SARIF 2.1.0, for code scanning)\n"
	     "  --werror            treat warnings as errors for the exit status\n"
	     "  --show-merges       validate: print how citations were grouped into people\n"
	     "                      and which publications were merged or related, and why\n"
	     "  -o DIR, --output=DIR  output directory of build (default: dist)\n"
	     "  --formats=LIST      comma-separated formats to build (default: all):");
	for (size_t i = 0; i < pc_n_exporters; i++)
		printf("                      %-7s %s\n", pc_exporters[i].name, pc_exporters[i].what);
	printf("  --base-iri=IRI      base of the JSON-LD @ids (default: %s)\n"
	       "  --base-url=URL      where DIR will be published, ending with '/': the catalog's\n"
	       "                      download links are absolute (default: relative to it)\n"
	       "  --license=ID|URL    the data's licence, an SPDX id (CC-BY-4.0) or a URL, in the\n"
	       "                      catalog and datapackage.json (default: none stated)\n"
	       "  --publisher=NAME    publisher named in catalog.jsonld (default: none)\n"
	       "  -jN, --jobs=N       use N worker processes (default: 1): they share out the\n"
	       "                      profiles, and the formats of a profile when there are\n"
	       "                      fewer profiles than processes\n"
	       "  --no-world          with several FILEs, no DIR/world/ (all profiles as one\n"
	       "                      dataset, written by default in the formats it has)\n"
	       "  --max-size=BYTES    largest source accepted (default: %zu)\n"
	       "  --max-depth=N       deepest element nesting accepted (default: %u)\n"
	       "  --max-attributes=N  most attributes on one element (default: %u)\n"
	       "  --max-text=BYTES    longest text or attribute value (default: %zu)\n"
	       "  -h, --help          this text\n"
	       "  --version           the version\n"
	       "\n"
	       "Exit status: 0 success; 1 a source is invalid; 2 bad usage; 3 an output\n"
	       "could not be written. SOURCE_DATE_EPOCH, when set, is the build date.\n",
	       PC_DEFAULT_BASE_IRI, PC_DEFAULT_MAX_SIZE, PC_DEFAULT_MAX_DEPTH, PC_DEFAULT_MAX_ATTRIBUTES,
	       PC_DEFAULT_MAX_TEXT);
}

typedef struct {
	pc_diag_format format;
	int werror;
	int show_merges;
	int no_world; /* --no-world */
	const char *out_dir;
	const char *formats;
	const char *base_iri;
	const char *publisher;
	const char *base_url;
	const char *license;
	unsigned jobs;
	pc_limits limits;
	const char **files;
	size_t n_files;
} options;

static int
usage_error(const char *fmt, const char *arg)
{
	fputs("profilec: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage, stderr);
	return PC_EXIT_USAGE;
}

/* A bad value: "profilec: WHAT 'VALUE': WHY", the value escaped (it may
 * hold any byte), then the usage. */
static int
usage_problem(const char *what, const char *value, const char *why)
{
	char *shown = pc_name_escaped(value);
	fprintf(stderr, "profilec: %s '%s': %s\n", what, shown, why);
	fputs(usage, stderr);
	free(shown);
	return PC_EXIT_USAGE;
}

static int
parse_size(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *end || v == 0 || v > max || s[0] == '-')
		return -1;
	*out = v;
	return 0;
}

/* A number option's value from 1 to max, or a usage error naming the
 * option (as typed, without its "=value") and what it wants. */
static int
number_option(const char *option, const char *v, const char *what, unsigned long long max, unsigned long long *n)
{
	if (parse_size(v, max, n) == 0)
		return 0;
	size_t len = strcspn(option, "=");
	char *msg = pc_asprintf("%.*s wants %s from 1 to %llu: '%%s'", (int)len, option, what, max);
	usage_error(msg, v);
	free(msg);
	return -1;
}

/* The value of option `name` when argv[*i] is it, as "--name=VALUE" or
 * "--name VALUE" (then *i moves past the value); NULL when it is not
 * this option. A missing value is an empty string, refused by the caller. */
static const char *
value_of(const char *name, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	/* "-o --werror" is a forgotten value, not a directory named --werror. */
	if (*i + 1 >= argc || (argv[*i + 1][0] == '-' && argv[*i + 1][1] != '\0'))
		return "";
	return argv[++*i];
}

/* Which exporters --formats selects (every one when list is NULL), into
 * wanted when it is not NULL; a usage error naming --formats for an empty
 * or unknown item. */
static int
select_formats(const char *list, int *wanted)
{
	for (size_t i = 0; wanted && i < pc_n_exporters; i++)
		wanted[i] = list == NULL;
	if (list == NULL)
		return 0;
	for (const char *tok = list;; tok += strcspn(tok, ",") + 1) {
		size_t len = strcspn(tok, ","), i = 0;
		while (i < pc_n_exporters &&
		       !(strlen(pc_exporters[i].name) == len && strncmp(pc_exporters[i].name, tok, len) == 0))
			i++;
		if (i == pc_n_exporters) {
			char *names = pc_strdup("");
			for (size_t k = 0; k < pc_n_exporters; k++) {
				char *more = pc_asprintf("%s%s%s", names, k ? ", " : "", pc_exporters[k].name);
				free(names);
				names = more;
			}
			char *why = len ? pc_asprintf("unknown format '%.*s'; the formats are %s", (int)len, tok, names)
					: pc_asprintf("an empty item; it wants a comma-separated list of %s", names);
			usage_problem("--formats", list, why);
			free(why);
			free(names);
			return -1;
		}
		if (wanted)
			wanted[i] = 1;
		if (tok[len] == '\0')
			return 0;
	}
}

/* A name that would break a diagnostic or a product is a usage error. */
static int
name_refused(const char *what, const char *name)
{
	const char *problem = pc_name_problem(name);
	if (problem == NULL)
		return 0;
	char *why = pc_asprintf("%s; rename it (diagnostics and products record it)", problem);
	usage_problem(what, name, why);
	free(why);
	return -1;
}

static int
base_iri_refused(const char *option, const char *iri)
{
	char *why = pc_base_iri_problem(iri);
	if (why == NULL)
		return 0;
	usage_problem(option, iri, why);
	free(why);
	return -1;
}

/* Options may come before or after the files; "--" ends them. */
static int
parse_options(int argc, char **argv, options *o)
{
	memset(o, 0, sizeof *o);
	o->out_dir = "dist";
	o->base_iri = PC_DEFAULT_BASE_IRI;
	o->jobs = 1;
	pc_limits_default(&o->limits);
	o->files = pc_calloc((size_t)argc, sizeof *o->files);
	int only_files = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], *v;
		unsigned long long n;
		if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
			if (name_refused("file name", a) != 0)
				return PC_EXIT_USAGE;
			o->files[o->n_files++] = a;
		} else if (strcmp(a, "--") == 0) {
			only_files = 1;
		} else if ((v = value_of("--format", argc, argv, &i)) != NULL) {
			if (strcmp(v, "text") == 0)
				o->format = PC_FMT_TEXT;
			else if (strcmp(v, "json") == 0)
				o->format = PC_FMT_JSON;
			else if (strcmp(v, "github") == 0)
				o->format = PC_FMT_GITHUB;
			else if (strcmp(v, "sarif") == 0)
				o->format = PC_FMT_SARIF;
			else
				return usage_error("--format wants text, json, github or sarif: '%s'", v);
		} else if (strcmp(a, "--werror") == 0) {
			o->werror = 1;
		} else if (strcmp(a, "--show-merges") == 0) {
			o->show_merges = 1;
		} else if (strcmp(a, "--no-world") == 0) {
			o->no_world = 1;
		} else if ((v = value_of("-o", argc, argv, &i)) != NULL ||
			   (v = value_of("--output", argc, argv, &i)) != NULL) {
			if (*v == '\0')
				return usage_error("%s needs a directory", a);
			if (name_refused("the output directory", v) != 0)
				return PC_EXIT_USAGE;
			o->out_dir = v;
		} else if ((v = value_of("--formats", argc, argv, &i)) != NULL) {
			if (*v == '\0')
				return usage_error("%s needs a list of formats (see --help)", a);
			if (select_formats(v, NULL) != 0)
				return PC_EXIT_USAGE;
			o->formats = v;
		} else if ((v = value_of("--base-iri", argc, argv, &i)) != NULL) {
			o->base_iri = v;
			if (base_iri_refused("--base-iri", v) != 0)
				return PC_EXIT_USAGE;
		} else if ((v = value_of("--base-url", argc, argv, &i)) != NULL) {
			/* The same form as --base-iri: the paths are appended to it. */
			if (base_iri_refused("--base-url", v) != 0)
				return PC_EXIT_USAGE;
			o->base_url = v;
		} else if ((v = value_of("--license", argc, argv, &i)) != NULL) {
			if (!pc_license_ok(v))
				return usage_error(
					"--license wants an SPDX licence id (CC-BY-4.0) or an http(s) URL: '%s'", v);
			o->license = v;
		} else if ((v = value_of("--publisher", argc, argv, &i)) != NULL) {
			if (*v == '\0')
				return usage_error("%s needs a name", a);
			/* Written into the catalog (JSON) and the EPUB (XML). */
			if (pc_name_problem(v) != NULL)
				return usage_problem("--publisher", v, "it must be UTF-8 without control characters");
			o->publisher = v;
		} else if ((v = value_of("--max-size", argc, argv, &i)) != NULL) {
			if (number_option(a, v, "a byte count", (1ull << 31) - 1, &n) != 0)
				return PC_EXIT_USAGE;
			o->limits.max_size = (size_t)n;
		} else if ((v = value_of("--max-depth", argc, argv, &i)) != NULL) {
			if (number_option(a, v, "a number", 10000, &n) != 0)
				return PC_EXIT_USAGE;
			o->limits.max_depth = (unsigned)n;
		} else if ((v = value_of("--max-text", argc, argv, &i)) != NULL) {
			if (number_option(a, v, "a byte count", (1ull << 31) - 1, &n) != 0)
				return PC_EXIT_USAGE;
			o->limits.max_text = (size_t)n;
		} else if ((v = value_of("--max-attributes", argc, argv, &i)) != NULL) {
			if (number_option(a, v, "a number", 10000, &n) != 0)
				return PC_EXIT_USAGE;
			o->limits.max_attributes = (unsigned)n;
		} else if ((v = value_of("--jobs", argc, argv, &i)) != NULL ||
			   (strncmp(a, "-j", 2) == 0 && (v = a[2] ? a + 2 : value_of("-j", argc, argv, &i)) != NULL)) {
			if (number_option("--jobs", v, "a number of processes", 256, &n) != 0)
				return PC_EXIT_USAGE;
			o->jobs = (unsigned)n;
		} else {
			return usage_error("unknown option %s", a);
		}
	}
	return PC_EXIT_OK;
}

static int
exit_status(const pc_diag *d)
{
	return pc_diag_failed(d) ? PC_EXIT_INVALID : PC_EXIT_OK;
}

/* Two sources of one country would write the same directory: source i
 * against those before it on the command line. */
static int
check_countries(const options *o, const pc_dataset *sets, size_t i, pc_diag *d)
{
	for (size_t j = 0; sets[i].cc && j < i; j++)
		if (sets[j].cc && strcmp(sets[i].cc, sets[j].cc) == 0) {
			pc_diag_report(d, PC_SEV_ERROR, o->files[i], sets[i].line, 0, "duplicate-country",
				       "country '%s' is also compiled from %s: give each country one source, or build "
				       "them into different directories",
				       sets[i].country_code ? sets[i].country_code : sets[i].cc, o->files[j]);
			return PC_EXIT_INVALID;
		}
	return PC_EXIT_OK;
}

/* The world's resolution as a build of the same files would report it
 * (ambiguous-world-entity): each profile's entity summary goes to a
 * scratch directory, resolved once every profile is valid. */
static char *
world_scratch(void)
{
	const char *tmp = getenv("TMPDIR");
	char *root = pc_asprintf("%s/profilec-validate-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(root) == NULL) {
		free(root);
		return NULL;
	}
	return root;
}

static void
validate_world(const options *o, const pc_dataset *sets, const char *root, pc_diag *d)
{
	if (root == NULL) {
		pc_diag_report(d, PC_SEV_NOTE, o->files[0], 0, 0, "world-not-checked",
			       "no scratch directory for the world check (%s): set TMPDIR to a writable directory",
			       strerror(errno));
		return;
	}
	if (d->n_errors == 0) {
		char *parts = pc_asprintf("%s/%s", root, PC_WORLD_PARTS);
		pc_world w;
		if (pc_world_load(&w, sets, (const char *const *)o->files, o->n_files, parts, d) == PC_EXIT_OK)
			pc_world_free(&w);
		free(parts);
	}
}

static int
cmd_validate(options *o)
{
	if (o->n_files == 0)
		return usage_error("%s", "validate needs at least one FILE");
	pc_diag d;
	pc_diag_init(&d);
	d.werror = o->werror;
	/* What build would also refuse across files: one country twice. */
	pc_dataset *sets = pc_calloc(o->n_files, sizeof *sets);
	int world = o->n_files >= 2 && !o->no_world;
	char *root = world ? world_scratch() : NULL;
	for (size_t i = 0; i < o->n_files; i++) {
		size_t from = d.n_items;
		pc_graph *g = pc_compile(o->files[i], &o->limits, &d);
		if (g && o->show_merges) {
			printf("%s\n", o->files[i]);
			pc_dump_merges(g, stdout);
		}
		if (g)
			pc_dataset_of(&sets[i], g);
		if (check_countries(o, sets, i, &d) == PC_EXIT_OK && g && root)
			pc_world_contribute(g, root, 0, &d);
		pc_graph_free(g);
		pc_diag_sort(&d, from, o->files, o->n_files);
		if (o->format != PC_FMT_JSON && o->format != PC_FMT_SARIF)
			pc_diag_print_from(&d, from, o->format, o->format == PC_FMT_GITHUB ? stdout : stderr);
	}
	if (world) {
		size_t from = d.n_items;
		validate_world(o, sets, root, &d);
		if (root)
			pc_remove_tree(root);
		free(root);
		pc_diag_sort(&d, from, o->files, o->n_files);
		if (o->format != PC_FMT_JSON && o->format != PC_FMT_SARIF)
			pc_diag_print_from(&d, from, o->format, o->format == PC_FMT_GITHUB ? stdout : stderr);
	}
	if (o->format == PC_FMT_JSON || o->format == PC_FMT_SARIF)
		pc_diag_print(&d, o->format, stdout);
	else if (o->format == PC_FMT_TEXT && (d.n_errors || d.n_warnings))
		pc_diag_print_summary(&d, o->n_files, stderr);
	int rc = exit_status(&d);
	for (size_t i = 0; i < o->n_files; i++)
		pc_dataset_free(&sets[i]);
	free(sets);
	pc_diag_free(&d);
	return rc;
}

static int
cmd_dump(options *o)
{
	if (o->n_files != 1)
		return usage_error("%s", "dump takes exactly one FILE");
	pc_diag d;
	pc_diag_init(&d);
	pc_graph *g = pc_compile(o->files[0], &o->limits, &d);
	pc_diag_sort(&d, 0, o->files, o->n_files);
	int rc = exit_status(&d);
	if (g && rc == PC_EXIT_OK)
		pc_dump(g, stdout);
	pc_diag_print(&d, PC_FMT_TEXT, stderr);
	pc_graph_free(g);
	pc_diag_free(&d);
	return rc;
}

static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	interrupted = sig;
}

/* One profile, in a worker process with --jobs: compile the source, then
 * write its products below staging/<cc>/ and hand back what the catalog
 * needs of it. The parent never holds a graph. */
typedef struct {
	const options *o;
	const char *staging;
	const pc_export_opts *eo;
	const int *wanted;
	unsigned format_jobs; /* processes for one profile's formats */
	int invalid_seen;     /* without workers: no export after an invalid source */
	const char *parts;    /* the root of the world's parts (PC_WORLD_PARTS); NULL: no world */
	int world_rows;       /* the world's tables are wanted (CSV or workbook) */
} build_job;

/* The formats of one profile, when there are more processes than
 * profiles: each format is a job, the workbook (the longest) first. */
typedef struct {
	const pc_graph *g;
	const pc_export_opts *eo;
	size_t which[16]; /* indexes into pc_exporters */
} format_job;

static int
export_format(size_t k, void *ctx, pc_diag *d, pc_blob *result)
{
	(void)result;
	format_job *job = ctx;
	return interrupted ? PC_EXIT_OK : pc_exporters[job->which[k]].run(job->g, job->eo, d);
}

static int
build_one(size_t i, void *ctx, pc_diag *d, pc_blob *result)
{
	build_job *job = ctx;
	if (interrupted)
		return PC_EXIT_OK; /* the parent reports it */
	size_t errors = d->n_errors, warnings = d->n_warnings;
	pc_graph *g = pc_compile(job->o->files[i], &job->o->limits, d);
	int failed = g == NULL || d->n_errors > errors || (d->werror && d->n_warnings > warnings);
	if (g != NULL) {
		pc_dataset ds;
		pc_dataset_of(&ds, g);
		pc_buf b;
		pc_buf_init(&b);
		pc_dataset_encode(&ds, &b);
		pc_dataset_free(&ds);
		result->data = b.data;
		result->len = b.len;
	}
	if (failed || job->invalid_seen) {
		job->invalid_seen = 1;
		pc_graph_free(g);
		return PC_EXIT_INVALID;
	}
	char *dir = pc_asprintf("%s/%s", job->staging, pc_graph_cc(g));
	int rc = PC_EXIT_OK;
	if (mkdir(dir, 0777) != 0) {
		/* Another source of the same country took the name first: the
		 * parent reports which, in the order of the command line. */
		rc = errno == EEXIST ? PC_EXIT_INVALID : pc_out_fail(d, dir, "create directory");
	}
	pc_export_opts eo = *job->eo;
	eo.dir = dir;
	format_job formats = {g, &eo, {0}};
	size_t n = 0;
	for (size_t k = 0; k < pc_n_exporters; k++)
		if (job->wanted[k])
			formats.which[n++] = k;
	if (rc == PC_EXIT_OK) {
		pc_blob none[16] = {{0}};
		/* One process for the formats: this one. */
		rc = pc_run_jobs(n, job->format_jobs > 1 ? job->format_jobs : 0, export_format, &formats, d, none);
		for (size_t k = 0; k < n; k++)
			free(none[k].data);
	}
	if (rc == PC_EXIT_OK && job->parts != NULL && !interrupted)
		rc = pc_world_contribute(g, job->parts, job->world_rows, d);
	free(dir);
	pc_graph_free(g);
	return rc;
}

/* Whether --formats asked for the exporter of this name. */
static int
wants(const int *wanted, const char *name)
{
	for (size_t i = 0; i < pc_n_exporters; i++)
		if (strcmp(pc_exporters[i].name, name) == 0)
			return wanted[i];
	return 0;
}

static int
cmd_build(options *o)
{
	if (o->n_files == 0)
		return usage_error("%s", "build needs at least one FILE");
	int wanted[16];
	if (select_formats(o->formats, wanted) != 0)
		return PC_EXIT_USAGE;
	pc_diag d;
	pc_diag_init(&d);
	d.werror = o->werror;
	o->limits.digest = 1;
	/* From here a signal stops the build cleanly: staging is removed and
	 * the output directory stays as it was. */
	struct sigaction sa = {.sa_handler = on_signal}, old_int, old_term, old_hup;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);

	pc_stage st = {0};
	int rc = pc_stage_open(&st, o->out_dir, &interrupted, &d);
	if (rc == PC_EXIT_OK)
		rc = pc_stage_check_sources(&st, o->files, o->n_files, &d);
	pc_export_opts eo = {
		.base_iri = o->base_iri, .publisher = o->publisher, .base_url = o->base_url, .license = o->license};
	pc_blob *results = pc_calloc(o->n_files, sizeof *results);
	pc_dataset *sets = pc_calloc(o->n_files, sizeof *sets);
	/* Two profiles or more make a world dataset, in the formats it has. */
	int world_csv = wants(wanted, "csv"), world_xlsx = wants(wanted, "xlsx"),
	    world_jsonld = wants(wanted, "jsonld");
	int world = o->n_files >= 2 && !o->no_world && (world_csv || world_xlsx || world_jsonld);
	char *parts = world && rc == PC_EXIT_OK ? pc_asprintf("%s/%s", st.staging, PC_WORLD_PARTS) : NULL;
	const char *world_root = parts ? st.staging : NULL;
	if (rc == PC_EXIT_OK) {
		/* More processes than profiles: the rest share out the formats. */
		unsigned format_jobs = o->jobs > o->n_files ? o->jobs / (unsigned)o->n_files : 1;
		build_job job = {o, st.staging, &eo, wanted, format_jobs, 0, world_root, world_csv || world_xlsx};
		rc = pc_run_jobs(o->n_files, o->jobs, build_one, &job, &d, results);
	}
	for (size_t i = 0; i < o->n_files; i++) {
		/* A summary that does not decode leaves sets[i] empty (cc NULL). */
		if (results[i].data != NULL)
			pc_dataset_decode(&sets[i], results[i].data, results[i].len);
		free(results[i].data);
		/* A job that succeeded always hands back its summary. */
		if (sets[i].cc == NULL && rc == PC_EXIT_OK && !interrupted) {
			pc_diag_report(&d, PC_SEV_ERROR, o->files[i], 0, 0, "internal",
				       "no readable summary of this profile came back from its worker");
			rc = PC_EXIT_OUTPUT;
		}
	}
	for (size_t i = 0; i < o->n_files; i++)
		rc = pc_exit_worse(rc, check_countries(o, sets, i, &d));
	if (rc == PC_EXIT_OK && pc_diag_failed(&d))
		rc = PC_EXIT_INVALID;
	if (rc == PC_EXIT_OK && !interrupted && world)
		rc = pc_export_world(sets, o->files, o->n_files, st.staging, parts, &eo, world_csv, world_xlsx,
				     world_jsonld, &d);
	/* The world's own warnings (ambiguous-world-entity) count for --werror too. */
	if (rc == PC_EXIT_OK && pc_diag_failed(&d))
		rc = PC_EXIT_INVALID;
	if (rc == PC_EXIT_OK && !interrupted)
		rc = pc_export_catalog(sets, o->n_files, st.staging, &eo, &d);
	if (rc == PC_EXIT_OK && !interrupted)
		pc_catalog_notes(&eo, &d);
	if (interrupted && (rc == PC_EXIT_OK || rc == PC_EXIT_INVALID)) {
		pc_diag_report(&d, PC_SEV_ERROR, o->out_dir, 0, 0, "interrupted",
			       "build interrupted by signal %d; nothing was written", (int)interrupted);
		rc = PC_EXIT_OUTPUT;
	}
	if (rc == PC_EXIT_OK) {
		const char **names = pc_calloc(o->n_files + 2, sizeof *names);
		size_t n_names = 0;
		for (size_t i = 0; i < o->n_files; i++)
			names[n_names++] = sets[i].cc;
		if (world)
			names[n_names++] = "world";
		names[n_names++] = "catalog.jsonld";
		rc = pc_stage_publish(&st, names, n_names, &d);
		free(names);
	}
	pc_stage_close(&st);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);

	pc_diag_sort(&d, 0, o->files, o->n_files);
	if (o->format == PC_FMT_JSON || o->format == PC_FMT_SARIF)
		pc_diag_print(&d, o->format, stdout);
	else
		pc_diag_print(&d, o->format, o->format == PC_FMT_GITHUB ? stdout : stderr);
	if (o->format == PC_FMT_TEXT && (d.n_errors || d.n_warnings) && rc == PC_EXIT_INVALID)
		pc_diag_print_summary(&d, o->n_files, stderr);
	for (size_t i = 0; i < o->n_files; i++)
		pc_dataset_free(&sets[i]);
	free(parts);
	free(sets);
	free(results);
	pc_diag_free(&d);
	return rc;
}

/* `profilec diff [--format=text|markdown|json] OLD NEW`: exit as diff(1),
 * 0 the same, 1 they differ, 2 trouble (bad usage, a file that does not
 * validate: its diagnostics on stderr). */
static int
cmd_diff(int argc, char **argv)
{
	pc_diff_format fmt = PC_DIFF_TEXT;
	const char *files[2];
	size_t n = 0;
	int only_files = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], *v;
		if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
			if (n == 2)
				return usage_error("%s", "diff takes exactly two FILEs, OLD and NEW");
			files[n++] = a;
		} else if (strcmp(a, "--") == 0) {
			only_files = 1;
		} else if ((v = value_of("--format", argc, argv, &i)) != NULL) {
			if (strcmp(v, "text") == 0)
				fmt = PC_DIFF_TEXT;
			else if (strcmp(v, "markdown") == 0)
				fmt = PC_DIFF_MARKDOWN;
			else if (strcmp(v, "json") == 0)
				fmt = PC_DIFF_JSON;
			else
				return usage_error("diff's --format wants text, markdown or json: '%s'", v);
		} else {
			return usage_error("unknown option %s", a);
		}
	}
	if (n != 2)
		return usage_error("%s", "diff takes exactly two FILEs, OLD and NEW");
	pc_limits lim;
	pc_limits_default(&lim);
	pc_diag d;
	pc_diag_init(&d);
	pc_compiler_init();
	pc_graph *old = pc_compile(files[0], &lim, &d);
	pc_graph *new = pc_compile(files[1], &lim, &d);
	int rc;
	if (old == NULL || new == NULL || d.n_errors > 0) {
		pc_diag_sort(&d, 0, files, 2);
		pc_diag_print(&d, PC_FMT_TEXT, stderr);
		fprintf(stderr, "profilec: diff compares two valid profiles; fix the errors above first\n");
		rc = PC_EXIT_USAGE;
	} else {
		rc = pc_diff(old, new, files[0], files[1], fmt, stdout) ? 1 : 0;
		if (fflush(stdout) != 0)
			rc = PC_EXIT_USAGE;
	}
	pc_graph_free(old);
	pc_graph_free(new);
	pc_diag_free(&d);
	pc_compiler_cleanup();
	return rc;
}

/* `profilec rules [RULE]`: the catalogue, from compiler/rules.c. */
static int
cmd_rules(int argc, char **argv)
{
	const char *rule = NULL, *v;
	int markdown = 0;
	for (int i = 0; i < argc; i++) {
		if ((v = value_of("--format", argc, argv, &i)) != NULL) {
			if (strcmp(v, "markdown") != 0 && strcmp(v, "text") != 0)
				return usage_error("rules' --format wants text or markdown: '%s'", v);
			markdown = strcmp(v, "markdown") == 0;
		} else if (argv[i][0] == '-') {
			return usage_error("unknown option %s", argv[i]);
		} else if (rule != NULL) {
			return usage_error("%s", "rules takes at most one RULE");
		} else {
			rule = argv[i];
		}
	}
	if (rule == NULL) {
		(markdown ? pc_rules_markdown : pc_rules_list)(stdout);
		return fflush(stdout) == 0 ? PC_EXIT_OK : PC_EXIT_OUTPUT;
	}
	if (markdown)
		return usage_error("%s", "rules --format=markdown writes the whole table: give no RULE");
	const pc_rule *r = pc_rule_find(rule);
	if (r == NULL) {
		/* A typo names the rule it was meant for, as an enumeration's does. */
		const char **ids = pc_malloc(pc_n_rules * sizeof *ids);
		for (size_t i = 0; i < pc_n_rules; i++)
			ids[i] = pc_rules[i].id;
		const char *near = pc_nearest(rule, ids, pc_n_rules);
		fprintf(stderr, "profilec: unknown rule '%s'%s%s%s; 'profilec rules' lists them\n", rule,
			near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
		free(ids);
		return PC_EXIT_USAGE;
	}
	pc_rule_print(stdout, r);
	return PC_EXIT_OK;
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return PC_EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		help();
		return PC_EXIT_OK;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("profilec %s\n", PC_VERSION);
		return PC_EXIT_OK;
	}
	if (strcmp(cmd, "rules") == 0)
		return cmd_rules(argc - 2, argv + 2);
	if (strcmp(cmd, "diff") == 0) {
		for (int i = 2; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
				help();
				return PC_EXIT_OK;
			}
		return cmd_diff(argc - 2, argv + 2);
	}
	int (*run)(options *) = NULL;
	if (strcmp(cmd, "validate") == 0)
		run = cmd_validate;
	else if (strcmp(cmd, "build") == 0)
		run = cmd_build;
	else if (strcmp(cmd, "dump") == 0)
		run = cmd_dump;
	else
		return usage_error("unknown command '%s'", cmd);
	for (int i = 2; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			help();
			return PC_EXIT_OK;
		}
	options o;
	int rc = parse_options(argc - 2, argv + 2, &o);
	if (rc == PC_EXIT_OK) {
		pc_compiler_init();
		rc = run(&o);
		pc_compiler_cleanup();
	}
	free(o.files);
	return rc;
}
