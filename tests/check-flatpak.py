#!/usr/bin/env python3
# Checks the flatpak manifest offline (a real flatpak build needs the GNOME SDK and the
# network; see flatpak/README.md):
#
#   1. `G_DEBUG=fatal-warnings flatpak-builder --show-manifest MANIFEST` exits 0, so the
#      manifest parses and has no unknown or misspelt keys (they are only warnings
#      otherwise);
#   2. its id is the app_id of the root meson.build and its command is an executable()
#      that some meson.build declares;
#   3. every dependency('…') in the project's meson.build files is either in the GNOME
#      runtime (RUNTIME_PKGCONFIG below) or built by a module of the manifest
#      (MODULE_PKGCONFIG below, or a module named like the pkg-config name).
#
# Usage: check-flatpak.py --source-root DIR --manifest FILE
# Exit: 0 all good; 1 a check failed (each problem is printed); 77 skipped because
# flatpak-builder is not installed (the dependency check still ran, and a failure of it
# still exits 1).  Standard library only.
#
# Copyright 2026 The KOC Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# pkg-config names the org.gnome.Platform/Sdk runtime (version 47, on the Freedesktop
# 24.08 base) provides. Only names this project may plausibly use are listed; add one
# only after checking that the runtime really ships it (flatpak/README.md says how).
RUNTIME_PKGCONFIG = {
    # GLib
    'glib-2.0', 'gio-2.0', 'gio-unix-2.0', 'gobject-2.0', 'gmodule-2.0', 'gthread-2.0',
    # GTK stack
    'gtk4', 'libadwaita-1', 'gdk-pixbuf-2.0', 'graphene-1.0', 'epoxy',
    # drawing and text
    'cairo', 'cairo-gobject', 'cairo-pdf', 'cairo-png', 'cairo-svg',
    'pango', 'pangocairo', 'pangoft2', 'harfbuzz', 'fontconfig', 'freetype2', 'librsvg-2.0',
    # network, data, text analysis, keyring
    'libsoup-3.0', 'json-glib-1.0', 'sqlite3', 'libxml-2.0',
    'icu-uc', 'icu-i18n', 'icu-io',
    'libsecret-1',
    # compression and images
    'zlib', 'libpng', 'libpng16',
}

# Names meson resolves without pkg-config (the C library, the compiler) and that any
# runtime therefore satisfies.
BUILTIN_DEPENDENCIES = {'threads', 'intl', 'iconv', 'dl', 'openmp'}

# Manifest module name -> pkg-config names it installs (when they differ from the name).
MODULE_PKGCONFIG = {
    'qrencode': {'libqrencode'},
    'libqrencode': {'libqrencode'},
    'yajl': {'yajl'},
}

SKIP_DIRS = {'.git', 'subprojects', 'node_modules', '.flatpak-builder', '_flatpak_build'}


def strip_meson_comments(text):
    """Drops '#' comments outside of '…' and '''…''' strings."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        if text.startswith("'''", i):
            end = text.find("'''", i + 3)
            end = n if end < 0 else end + 3
            out.append(text[i:end])
            i = end
        elif text[i] == "'":
            j = i + 1
            while j < n and text[j] not in "'\n":
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text[i] == '#':
            end = text.find('\n', i)
            i = n if end < 0 else end
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


# dependency('a') or dependency('a', 'b', …) (meson >= 0.60 fallback names); not
# declare_dependency(), not .get_dependency(), not a variable name.
DEPENDENCY_RE = re.compile(r"(?<![\w.])dependency\s*\(\s*((?:'[^']*'\s*,\s*)*'[^']*')")
EXECUTABLE_RE = re.compile(r"(?<![\w.])executable\s*\(\s*'([^']+)'")
APP_ID_RE = re.compile(r"^\s*app_id\s*=\s*'([^']+)'", re.M)


def meson_files(source_root):
    for dirpath, dirnames, filenames in os.walk(source_root):
        dirnames[:] = sorted(d for d in dirnames
                             if d not in SKIP_DIRS
                             and not os.path.exists(os.path.join(dirpath, d, 'meson-private')))
        if 'meson.build' in filenames:
            yield os.path.join(dirpath, 'meson.build')


def scan_meson(source_root):
    """Returns ({(names…): [where, …]}, {executable names}, app_id or None)."""
    deps = {}
    executables = set()
    app_id = None
    for path in meson_files(source_root):
        with open(path, encoding='utf-8') as f:
            text = strip_meson_comments(f.read())
        rel = os.path.relpath(path, source_root)
        for m in DEPENDENCY_RE.finditer(text):
            names = tuple(n for n in re.findall(r"'([^']*)'", m.group(1)) if n)
            if names:
                line = text.count('\n', 0, m.start()) + 1
                deps.setdefault(names, []).append(f'{rel}:{line}')
        executables.update(EXECUTABLE_RE.findall(text))
        if rel == 'meson.build':
            m = APP_ID_RE.search(text)
            app_id = m.group(1) if m else None
    return deps, executables, app_id


def show_manifest(manifest):
    """Runs flatpak-builder --show-manifest; returns (parsed JSON or None, problems)."""
    builder = shutil.which('flatpak-builder')
    if builder is None:
        return None, []
    env = dict(os.environ, G_DEBUG='fatal-warnings')
    # flatpak-builder creates .flatpak-builder/ in its working directory: keep it out of
    # the source tree.
    with tempfile.TemporaryDirectory(prefix='koc-flatpak-') as cwd:
        proc = subprocess.run([builder, '--show-manifest', os.path.abspath(manifest)],
                              cwd=cwd, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, timeout=50)
    if proc.returncode != 0:
        how = (f'was killed by signal {-proc.returncode}' if proc.returncode < 0
               else f'exited {proc.returncode}')
        return None, [f'flatpak-builder --show-manifest (G_DEBUG=fatal-warnings) {how}: '
                      f'the manifest has a parse error or a warning (unknown key?):\n'
                      + proc.stderr.strip()]
    try:
        return json.loads(proc.stdout), []
    except json.JSONDecodeError as e:
        return None, [f'flatpak-builder --show-manifest printed no JSON: {e}']


def walk_modules(modules, base_dir, problems):
    """Yields every module dict, nested ones included; string entries are JSON files."""
    for module in modules or []:
        if isinstance(module, str):
            path = os.path.join(base_dir, module)
            try:
                with open(path, encoding='utf-8') as f:
                    module = json.load(f)
            except (OSError, json.JSONDecodeError) as e:
                problems.append(f'module file {module}: {e}')
                continue
            sub_base = os.path.dirname(path)
        else:
            sub_base = base_dir
        yield module
        yield from walk_modules(module.get('modules'), sub_base, problems)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--source-root', required=True)
    ap.add_argument('--manifest', required=True)
    args = ap.parse_args()

    problems = []
    shown, builder_problems = show_manifest(args.manifest)
    problems += builder_problems
    builder_ran = shown is not None or builder_problems
    if shown is not None:
        print('ok: flatpak-builder --show-manifest with G_DEBUG=fatal-warnings')
        manifest = shown
    else:
        try:
            with open(args.manifest, encoding='utf-8') as f:
                manifest = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            for p in problems + [f'{args.manifest}: {e}']:
                print(f'FAIL: {p}', file=sys.stderr)
            return 1

    deps, executables, app_id = scan_meson(args.source_root)

    manifest_id = manifest.get('id') or manifest.get('app-id')
    if app_id is None:
        problems.append('no app_id = \'…\' found in the root meson.build')
    elif manifest_id != app_id:
        problems.append(f'manifest id "{manifest_id}" differs from meson app_id "{app_id}"')
    command = manifest.get('command')
    if executables and command not in executables:
        problems.append(f'manifest command "{command}" is no executable() of the meson files '
                        f'({", ".join(sorted(executables))})')

    provided = {}   # pkg-config name -> module that builds it
    modules = list(walk_modules(manifest.get('modules'),
                                os.path.dirname(os.path.abspath(args.manifest)), problems))
    for module in modules:
        name = module.get('name', '')
        for pc in MODULE_PKGCONFIG.get(name, set()) | {name}:
            provided[pc] = name

    for names, where in sorted(deps.items()):
        if any(n in BUILTIN_DEPENDENCIES for n in names):
            source = 'meson built-in'
        elif any(n in RUNTIME_PKGCONFIG for n in names):
            source = 'GNOME runtime'
        elif any(n in provided for n in names):
            source = 'manifest module "' + next(provided[n] for n in names if n in provided) + '"'
        else:
            problems.append(f'dependency {" / ".join(repr(n) for n in names)} ({", ".join(where)}) '
                            f'is neither in the GNOME runtime nor built by a module of '
                            f'{os.path.basename(args.manifest)}: add a module that builds it '
                            f'(and map its name in MODULE_PKGCONFIG of {os.path.basename(__file__)} '
                            f'if that differs from the pkg-config name), or, if the runtime does '
                            f'ship it, add it to RUNTIME_PKGCONFIG')
            continue
        print(f'ok: dependency {" / ".join(names)} <- {source}')

    for p in problems:
        print(f'FAIL: {p}', file=sys.stderr)
    if problems:
        return 1
    if not builder_ran:
        print('SKIP: flatpak-builder is not installed; only the dependency check ran')
        return 77
    return 0


if __name__ == '__main__':
    sys.exit(main())
