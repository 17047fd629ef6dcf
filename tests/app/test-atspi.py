#!/usr/bin/python3
"""AT-SPI end-to-end test: start the real kocdesk, find the pane switcher buttons by their
accessible names, activate one, and check that its pane is what is showing.

Run by meson through tests/gui-wrapper.sh (Xvfb + dbus-run-session). Prints TAP.
Usage: test-atspi.py PATH/TO/kocdesk
"""
import os
import subprocess
import sys
import tempfile
import time
import gettext

# pyatspi warns (dbind) while the app is still registering on the bus; those warnings are
# not failures of the app, so this process must not run with G_DEBUG=fatal-warnings.
os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402

TESTS = 4
results = []


def tap(ok, name, detail=""):
    results.append(ok)
    line = "%s %d - %s" % ("ok" if ok else "not ok", len(results), name)
    print(line + ("" if ok or not detail else "  # " + detail), flush=True)


def find_app(name, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        time.sleep(0.2)
    return None


def find_all(root, predicate, limit=20000):
    found, stack, seen = [], [root], 0
    while stack and seen < limit:
        node = stack.pop()
        seen += 1
        try:
            if predicate(node):
                found.append(node)
            # Document order, so the header bar's switcher comes before the hidden bottom bar.
            stack.extend(reversed([node.getChildAtIndex(i) for i in range(node.childCount)]))
        except Exception:
            continue
    return found


def showing(node):
    return node.getState().contains(pyatspi.STATE_SHOWING)


def wait_for(predicate, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def main():
    exe = sys.argv[1]
    print("1..%d" % TESTS, flush=True)
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    env["G_DEBUG"] = ""
    data_home = tempfile.mkdtemp(prefix="kocdesk-atspi-")
    env["XDG_DATA_HOME"] = data_home
    translation = gettext.translation("kocdesk", env.get("KOCDESK_LOCALEDIR"), fallback=True)
    _ = translation.gettext

    log = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen([exe], env=env, stdout=log, stderr=log, text=True)
    try:
        app = find_app("kocdesk") or find_app(_("KOC Desk"), timeout=5)
        tap(app is not None, "kocdesk is on the accessibility bus")
        if app is None:
            log.seek(0)
            sys.stderr.write("kocdesk exited with %s; its output:\n%s" % (proc.poll(), log.read()))
            for _i in range(TESTS - 1):
                tap(False, "skipped: no application")
            return

        names = [_("Discover"), _("People"), _("Keywords"), _("Campaigns")]
        buttons = {}

        def collect():
            for node in find_all(app, lambda n: n.name in names and
                                 n.getRole() in (pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_PUSH_BUTTON,
                                                 pyatspi.ROLE_RADIO_BUTTON)):
                buttons.setdefault(node.name, node)
            return len(buttons) == len(names)

        found = wait_for(collect)
        tap(found, "the four pane switcher buttons are found by accessible name",
            "found %s" % sorted(buttons))

        def selected(name):
            node = buttons.get(name)
            return node is not None and node.getState().contains(pyatspi.STATE_SELECTED)

        target = buttons.get(_("People"))
        activated = False
        if target is not None and not selected(_("People")):
            action = target.queryAction()
            action_names = [action.getName(i) for i in range(action.nActions)]
            index = action_names.index("click") if "click" in action_names else 0
            activated = action.doAction(index)
        tap(bool(activated), "the People button can be activated")

        # GTK 4.8 reports no SHOWING state for stack children; the switcher's page tabs do
        # report which page is selected, and only one can be.
        tap(wait_for(lambda: selected(_("People")) and not selected(_("Discover"))),
            "the People pane is the selected page after activation")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        subprocess.run(["rm", "-rf", data_home])


if __name__ == "__main__":
    main()
    sys.exit(0 if all(results) and len(results) == TESTS else 1)
