#include "koc-cli.h"
int koc_cli_demo (int argc, char **argv) { return koc_cli_fail ("demo: not implemented yet"); }
