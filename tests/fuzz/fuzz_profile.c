/* libFuzzer harness: load -> validate -> graph -> every exporter, on any bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../compiler/alloc.h"
#include "../../compiler/compiler.h"
#include "../../compiler/publish.h"
#include "../../exporters/export.h"

static char *workdir;

static int
mkdir_for_fuzz(const char *dir)
{
	return mkdir(dir, 0777) == 0 ? 0 : -1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char tmpl[] = "/tmp/profilec-fuzz-XXXXXX";
	if (mkdtemp(tmpl) == NULL)
		abort();
	workdir = pc_strdup(tmpl);
	pc_compiler_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = pc_asprintf("%s/input.xml", workdir);
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);

	pc_limits lim;
	pc_limits_default(&lim);
	lim.digest = 1;
	pc_diag d;
	pc_diag_init(&d);
	pc_graph *g = pc_compile(path, &lim, &d);
	if (g != NULL && !pc_diag_failed(&d)) {
		char *dir = pc_asprintf("%s/out", workdir);
		pc_remove_tree(dir);
		char *cc_dir = pc_asprintf("%s/%s", dir, pc_graph_cc(g));
		if (mkdir_for_fuzz(dir) == 0 && mkdir_for_fuzz(cc_dir) == 0) {
			pc_export_opts o = {.dir = cc_dir, .base_iri = PC_DEFAULT_BASE_IRI};
			for (size_t i = 0; i < pc_n_exporters; i++)
				pc_exporters[i].run(g, &o, &d);
			/* The way a build hands the catalog its summary: as bytes. */
			pc_dataset ds, back;
			pc_buf b;
			pc_buf_init(&b);
			pc_dataset_of(&ds, g);
			pc_dataset_encode(&ds, &b);
			if (pc_dataset_decode(&back, b.data, b.len) != 0)
				abort();
			pc_export_catalog(&back, 1, dir, &o, &d);
			pc_dataset_free(&back);
			pc_dataset_free(&ds);
			pc_buf_free(&b);
		}
		pc_remove_tree(dir);
		free(cc_dir);
		free(dir);
	}
	pc_graph_free(g);
	pc_diag_free(&d);
	unlink(path);
	free(path);
	return 0;
}
