#!/bin/sh
# Runs one GUI test program headless: its own Xvfb display and D-Bus session bus, the X11
# backend and the cairo renderer (no GL under Xvfb), so the test behaves the same on a
# desktop and on CI.
#
# Only the test program writes to our stdout (TAP): the bus and the services it activates
# (the accessibility registry prints a greeting) get stderr instead.
set -eu
export GDK_BACKEND=x11
export GSK_RENDERER=cairo
export LIBGL_ALWAYS_SOFTWARE=1
unset WAYLAND_DISPLAY DISPLAY DBUS_SESSION_BUS_ADDRESS
exec 3>&1 1>&2
exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  dbus-run-session -- sh -c 'exec "$@" 1>&3 3>&-' sh "$@"
