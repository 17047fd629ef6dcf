#include "koc-cli.h"
int koc_cli_search (int argc, char **argv) { return koc_cli_fail ("search: not implemented yet"); }
