#!/usr/bin/env python3
# Checks the app icons: well-formed SVG, the viewBox the icon theme expects (128 for the
# full-colour icon, 16 for a -symbolic one), and for symbolic icons only #2e3436 fills and
# no strokes, no raster images, no text (GTK recolours symbolic icons by their fill).
#
# Usage: check-icons.py ICON.svg...   (stdlib only; exit 0 = all good, 1 = problems listed)
#
# Copyright 2026 The KOC Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys
import xml.etree.ElementTree as ET

SVG_NS = '{http://www.w3.org/2000/svg}'
SYMBOLIC_COLOUR = '#2e3436'
FORBIDDEN_IN_ANY = ('image', 'text', 'script', 'foreignObject')
COLOUR_ATTRS = ('fill', 'stroke', 'stop-color', 'color')


def style_props(el):
    """The element's presentation attributes merged with its style="" declarations."""
    props = {k: v for k, v in el.attrib.items() if not k.startswith('{')}
    for decl in el.get('style', '').split(';'):
        if ':' in decl:
            key, value = decl.split(':', 1)
            props[key.strip()] = value.strip()
    return props


def check(path):
    problems = []
    name = os.path.basename(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return [f'{name}: not well-formed XML: {e}']
    if root.tag != SVG_NS + 'svg':
        return [f'{name}: root element is {root.tag}, expected an SVG <svg> in the SVG namespace']

    symbolic = name.endswith('-symbolic.svg')
    size = 16 if symbolic else 128
    viewbox = re.split(r'[\s,]+', root.get('viewBox', '').strip())
    if viewbox != ['0', '0', str(size), str(size)]:
        problems.append(f'{name}: viewBox is "{root.get("viewBox")}", expected "0 0 {size} {size}"')
    for attr in ('width', 'height'):
        value = root.get(attr)
        if value is not None and value not in (str(size), f'{size}px'):
            problems.append(f'{name}: {attr}="{value}", expected {size}')

    for el in root.iter():
        tag = el.tag.replace(SVG_NS, '')
        if tag in FORBIDDEN_IN_ANY:
            problems.append(f'{name}: contains <{tag}>; icons are drawn with paths only')
        for attr in el.attrib:
            if attr.endswith('href') and not el.attrib[attr].startswith('#'):
                problems.append(f'{name}: <{tag}> links to an external resource {el.attrib[attr]}')
        if not symbolic:
            continue
        props = style_props(el)
        stroke = props.get('stroke')
        if stroke not in (None, 'none'):
            problems.append(f'{name}: <{tag}> has stroke="{stroke}"; symbolic icons use filled paths only')
        for attr in COLOUR_ATTRS:
            value = props.get(attr)
            if value is None or value in ('none', 'currentColor', 'inherit'):
                continue
            if value.lower() != SYMBOLIC_COLOUR:
                problems.append(f'{name}: <{tag}> {attr}="{value}"; symbolic icons use {SYMBOLIC_COLOUR} only')
        if tag in ('linearGradient', 'radialGradient', 'filter', 'pattern'):
            problems.append(f'{name}: contains <{tag}>; symbolic icons are one flat colour')

    if not any(el.tag.replace(SVG_NS, '') in ('path', 'rect', 'circle', 'ellipse', 'polygon')
               for el in root.iter()):
        problems.append(f'{name}: draws nothing')
    return problems


def main(argv):
    if len(argv) < 2:
        print(f'usage: {argv[0]} ICON.svg...', file=sys.stderr)
        return 2
    problems = []
    for path in argv[1:]:
        found = check(path)
        print(f'{"FAIL" if found else "ok"}: {path}')
        problems += found
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
