#!/bin/sh
# Runs KOC Desk from a build directory without installing it: the compiled GSettings schema
# and the translations come from the build tree.
set -eu
build_dir=$1
shift
export GSETTINGS_SCHEMA_DIR="$build_dir/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export KOCDESK_LOCALEDIR="$build_dir/po"
exec "$build_dir/src/kocdesk" "$@"
