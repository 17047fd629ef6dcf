#!/usr/bin/env bash
# KOC Desk developer entry point.
#
#   build-aux/dev.sh run     install build dependencies if missing, build, open KOC Desk
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

case "$cmd" in
  build)
    install_deps no
    build "$build_dir"
    ;;
  run)
    install_deps no
    build "$build_dir"
    exec "$top/build-aux/run-uninstalled.sh" "$build_dir" "$@"
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
      meson test -C "$asan_dir" --print-errorlogs --timeout-multiplier 4 "$@"
    fi
    ;;
  *)
    echo "usage: $0 run|test|build" >&2
    exit 2
    ;;
esac
