/* The world step of a build of several profiles: resolve the profiles'
 * parts into one world, then write DIR/world/ in the formats asked for. */
#include <malloc.h>
#include <stdlib.h>

#include "../compiler/alloc.h"
#include "world.h"

int
pc_export_world(const pc_dataset *sets, const char *const *files, size_t n, const char *root, const char *parts_dir,
		const pc_export_opts *o, int csv, int xlsx, int jsonld, pc_diag *d)
{
	if (n < 2 || !(csv || xlsx || jsonld))
		return PC_EXIT_OK;
	/* Without workers the profiles were built in this process: give their
	 * freed memory back before the world's, so that the peak is the larger
	 * of the two and not their sum. */
	malloc_trim(0);
	pc_world w;
	int rc = pc_world_load(&w, sets, files, n, parts_dir, d);
	/* The workbook is made from the tables: without the CSV package they
	 * are written to scratch, never published. */
	const char *csv_rel = csv ? "world/csv" : PC_WORLD_PARTS "/world-csv";
	if (rc == PC_EXIT_OK && (csv || xlsx))
		rc = pc_world_write_csv(&w, root, csv_rel, csv, o->license, d);
	if (rc == PC_EXIT_OK && xlsx)
		rc = pc_world_write_xlsx(&w, root, csv_rel, d);
	if (rc == PC_EXIT_OK && jsonld)
		rc = pc_world_write_jsonld(&w, root, o, d);
	pc_world_free(&w);
	return rc;
}
