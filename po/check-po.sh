#!/bin/sh
# check-po.sh SRCDIR LANG: fails when LANG.po has untranslated or fuzzy messages against the
# current sources, or when a source file with translatable strings is missing from POTFILES.
set -eu
top=$1
lang=$2
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# 1. POTFILES lists every file that has translatable strings.
grep -v '^#' po/POTFILES | sed '/^$/d' | sort > "$tmp/listed"
{
  grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)[[:space:]]*\(' src --include='*.c' || true
  grep -rl 'translatable="yes"' ui data --include='*.ui' --include='*.xml' --include='*.xml.in' || true
  ls data/*.desktop.in data/*.metainfo.xml.in 2>/dev/null || true
} | sort -u > "$tmp/needed"
missing=$(comm -23 "$tmp/needed" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "These files have translatable strings but are not in po/POTFILES:" >&2
  echo "$missing" >&2
  status=1
fi
stale=$(while read -r f; do [ -e "$f" ] || echo "$f"; done < "$tmp/listed")
if [ -n "$stale" ]; then
  echo "po/POTFILES lists files that do not exist:" >&2
  echo "$stale" >&2
  status=1
fi

# 2. The translation covers the current sources (not only the committed .pot).
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --keyword=g_dpgettext2:2c,3 \
  -o "$tmp/current.pot" -f po/POTFILES 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log" >&2; exit 1; }
msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "po/$lang.po" "$tmp/current.pot"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
echo "$lang: $stats" >&2
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "$lang.po is incomplete; untranslated or fuzzy messages:" >&2
    msgattrib --untranslated --only-fuzzy "$tmp/merged.po" 2>/dev/null | grep '^msgid' >&2 || true
    msgattrib --untranslated "$tmp/merged.po" | grep '^msgid' | head -40 >&2 || true
    status=1
    ;;
esac

# 3. The catalogue itself is valid (format strings match, no duplicates).
msgfmt --check -o /dev/null "po/$lang.po" || status=1
exit $status
