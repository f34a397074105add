/* The profile's workbook read back before it is called written. */
#ifndef PC_XLSX_VERIFY_H
#define PC_XLSX_VERIFY_H

#include "../compiler/diag.h"

/* Reads the whole archive at path back, every member's CRC checked, and
 * each XML part to its end: it must close the element it opens. Reports
 * what is wrong on d; returns PC_EXIT_OK or PC_EXIT_OUTPUT. */
int pc_xlsx_verify(const char *path, pc_diag *d);

#endif
