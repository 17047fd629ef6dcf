#!/bin/sh
# Runs one GUI test program headless: its own Xvfb display and D-Bus session bus, the X11
# backend and the cairo renderer (no GL under Xvfb), so the test behaves the same on a
# desktop and on CI.
#
# Xvfb picks a free display itself (-displayfd), so parallel or back-to-back runs never
# race for the same display number as `xvfb-run -a` can.
#
# Only the test program writes to our stdout (TAP): the bus and the services it activates
# (the accessibility registry prints a greeting) get stderr instead.
set -eu
export GDK_BACKEND=x11
export GSK_RENDERER=cairo
export LIBGL_ALWAYS_SOFTWARE=1
unset WAYLAND_DISPLAY DISPLAY DBUS_SESSION_BUS_ADDRESS XAUTHORITY

tmp=$(mktemp -d)
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

Xvfb -displayfd 4 -screen 0 1280x800x24 -nolisten tcp -noreset 4>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
i=0
while [ ! -s "$tmp/display" ]; do
  i=$((i + 1))
  if [ $i -gt 200 ] || ! kill -0 "$xvfb_pid" 2>/dev/null; then
    echo "gui-wrapper: Xvfb did not start:" >&2
    cat "$tmp/xvfb.log" >&2
    exit 1
  fi
  sleep 0.05
done
DISPLAY=:$(head -n 1 "$tmp/display")
export DISPLAY

exec 3>&1 1>&2
dbus-run-session -- sh -c 'exec "$@" 1>&3 3>&-' sh "$@"
