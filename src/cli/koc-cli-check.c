#include "koc-cli.h"
int koc_cli_check (int argc, char **argv) { return koc_cli_fail ("check: not implemented yet"); }
