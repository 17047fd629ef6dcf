#!/usr/bin/env bash
# KOC Desk developer entry point.
#
#   build-aux/dev.sh run     install build dependencies if missing, build, start a local
#                            kocdesk-server with a demo workspace and open KOC Desk signed in
#   build-aux/dev.sh test    install build + test dependencies if missing, build, run every suite
#   build-aux/dev.sh build   install build dependencies if missing and build only
#
# `test` runs every suite twice: in the normal build (build/) and in a sanitizer build
# (build-asan/, -Db_sanitize=address,undefined, LeakSanitizer with tests/lsan.supp).
# SKIP_ASAN=1 skips the second pass.
#
# Both are idempotent: the second time they only rebuild what changed.
# BUILD_DIR (default: build) selects the build directory; MESON_ARGS adds configure options.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$top/build}
cmd=${1:-run}
shift || true

debian_build_pkgs=(
  build-essential meson ninja-build pkg-config gettext
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libsqlite3-dev libjson-glib-dev libicu-dev
  libqrencode-dev libsecret-1-dev desktop-file-utils appstream appstream-util
  sqlite3 libglib2.0-bin fonts-noto-cjk fonts-noto-color-emoji
)
debian_test_pkgs=(
  xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi python3-gi gir1.2-atspi-2.0
  imagemagick poppler-utils flatpak-builder gnome-icon-theme openssl glib-networking python3-yaml
)
fedora_build_pkgs=(
  gcc meson ninja-build pkgconf-pkg-config gettext
  gtk4-devel libadwaita-devel libsoup3-devel sqlite-devel json-glib-devel libicu-devel
  qrencode-devel libsecret-devel desktop-file-utils appstream libappstream-glib
  sqlite glib2-devel google-noto-sans-cjk-fonts google-noto-emoji-color-fonts
)
fedora_test_pkgs=(
  xorg-x11-server-Xvfb xorg-x11-xauth dbus-daemon dbus-x11 at-spi2-core python3-pyatspi
  ImageMagick poppler-utils flatpak-builder openssl glib-networking python3-pyyaml
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
  local want_tests=$1
  if command -v apt-get >/dev/null 2>&1; then
    local pkgs=("${debian_build_pkgs[@]}") missing=()
    [ "$want_tests" = yes ] && pkgs+=("${debian_test_pkgs[@]}")
    for p in "${pkgs[@]}"; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
      echo "dev.sh: installing ${missing[*]}" >&2
      as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
  elif command -v dnf >/dev/null 2>&1; then
    local pkgs=("${fedora_build_pkgs[@]}") missing=()
    [ "$want_tests" = yes ] && pkgs+=("${fedora_test_pkgs[@]}")
    for p in "${pkgs[@]}"; do
      rpm -q "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
      echo "dev.sh: installing ${missing[*]}" >&2
      as_root dnf install -y "${missing[@]}"
    fi
  else
    echo "dev.sh: neither apt-get nor dnf found; install the packages listed in build-aux/dev.sh by hand" >&2
  fi
}

build() {
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$top" ${MESON_ARGS:-} "$@"
  fi
  ninja -C "$dir"
}

# `run`: a local kocdesk-server with a demo workspace on 127.0.0.1 (a free port), and the
# app signed in to it, in a data folder of its own ($KOCDESK_DEV_DIR, default
# $XDG_DATA_HOME/kocdesk-dev: the server's files, the app's workspaces and media cache) with
# in-memory settings, so your own workspaces and settings are not touched. The demo is made
# once (KOCDESK_DEV_SCALE, default 0.1) and kept: the second run starts at once. Each run
# gets a new token, handed to the app in KOCDESK_DEV_TOKEN (read only by the app's
# developer path, never stored: not in GSettings, the workspace, the keyring or a file) and
# revoked when the app exits; then the server is stopped. KOCDESK_DEV_SERVER=0 runs the
# app alone, on your own workspaces.
run_with_server() {
  local dev_dir=${KOCDESK_DEV_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/kocdesk-dev}
  local server_bin=$build_dir/src/server/kocdesk-server
  local db=$dev_dir/server/registry.db
  local scale=${KOCDESK_DEV_SCALE:-0.1}
  local token="" url="" line status=0 first=no
  mkdir -p "$dev_dir/server" "$dev_dir/data" "$dev_dir/cache"
  chmod 700 "$dev_dir"
  [ -f "$db" ] || first=yes
  if [ "$first" = no ]; then
    token=$("$server_bin" token create demo --db "$db" 2>/dev/null | head -n 1)
  fi
  # The server's stdout is a pipe (never a file): it carries the URL and, once, the token.
  if [ "$first" = yes ]; then
    echo "dev.sh: creating the demo workspace (scale $scale) for the local server…" >&2
    coproc KOC_SERVER { exec "$server_bin" --db "$db" --listen 127.0.0.1:0 --demo-scale "$scale" 2>>"$dev_dir/server.log"; }
  else
    coproc KOC_SERVER { exec "$server_bin" --db "$db" --listen 127.0.0.1:0 2>>"$dev_dir/server.log"; }
  fi
  local server_pid=$KOC_SERVER_PID
  while read -r -t 300 line <&"${KOC_SERVER[0]}"; do
    case "$line" in
      token:*) token=${line#token: } ;;
      http*) url=$line; break ;;
    esac
  done
  if [ -z "$url" ] || [ -z "$token" ]; then
    echo "dev.sh: the local kocdesk-server did not start; see $dev_dir/server.log" >&2
    kill "$server_pid" 2>/dev/null || true
    exit 1
  fi
  echo "dev.sh: kocdesk-server on $url (log: $dev_dir/server.log)" >&2
  XDG_DATA_HOME="$dev_dir/data" XDG_CACHE_HOME="$dev_dir/cache" GSETTINGS_BACKEND=memory \
    KOCDESK_DEV_SERVER_URL="$url" KOCDESK_DEV_TOKEN="$token" \
    "$top/build-aux/run-uninstalled.sh" "$build_dir" "$@" || status=$?
  # This run's token is revoked (by its prefix, as `token list` shows it), then the server stops.
  local id
  id=$("$server_bin" token list demo --db "$db" 2>/dev/null | awk -v p="${token:0:12}" 'index($3, p) == 1 { print $1 }' | head -n 1)
  [ -n "$id" ] && "$server_bin" token revoke demo --id "$id" --db "$db" >/dev/null 2>&1 || true
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  exit "$status"
}

case "$cmd" in
  build)
    install_deps no
    build "$build_dir"
    ;;
  run)
    install_deps no
    build "$build_dir"
    if [ "${KOCDESK_DEV_SERVER:-1}" = 0 ]; then
      exec "$top/build-aux/run-uninstalled.sh" "$build_dir" "$@"
    fi
    run_with_server "$@"
    ;;
  test)
    install_deps yes
    build "$build_dir"
    # Each GUI test starts its own Xvfb and session bus (tests/gui-wrapper.sh), so the
    # suites need no display here and run the same on a desktop and on CI.
    meson test -C "$build_dir" --print-errorlogs "$@"
    if [ "${SKIP_ASAN:-0}" != 1 ]; then
      asan_dir="${build_dir}-asan"
      build "$asan_dir" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
      # The Chinese GUI runs are left out here (same code as the English ones, minutes
      # each under the sanitizers); the normal pass above runs them.
      meson test -C "$asan_dir" --print-errorlogs --timeout-multiplier 4 --no-suite gui-translated "$@"
    fi
    ;;
  *)
    echo "usage: $0 run|test|build" >&2
    exit 2
    ;;
esac
