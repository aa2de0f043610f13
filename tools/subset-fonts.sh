#!/usr/bin/env bash
# Rebuilds wwwroot/lib/fonts from the @fontsource packages: the Arabic faces keep only the Arabic block,
# digits and common punctuation (about half the size), so an article page stays within its weight budget.
# Needs node/npm and Python's fontTools with brotli (Debian: python3-fonttools python3-brotli).
# Each file's name ends in the start of its SHA-256, as the stylesheet and the layout's preloads name it:
# fonts are cached for a year, so a changed font must get a new address (a test checks the names).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund @fontsource/noto-naskh-arabic@5 @fontsource/cairo@5 >/dev/null)
ranges="U+0020-0040,U+00A0,U+00AB,U+00BB,U+0600-06FF,U+200C-200F,U+2010-2014,U+2018-201D,U+2026,U+FD3E-FD3F"
rm -f wwwroot/lib/fonts/*.woff2
for face in noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal cairo/files/cairo-arabic-700-normal; do
  python3 -m fontTools.subset "$work/node_modules/@fontsource/$face.woff2" --unicodes="$ranges" \
    --layout-features='*' --flavor=woff2 --output-file="wwwroot/lib/fonts/$(basename "$face").woff2"
done
cp "$work/node_modules/@fontsource/cairo/files/cairo-latin-700-normal.woff2" wwwroot/lib/fonts/
for file in wwwroot/lib/fonts/*.woff2; do
  base="$(basename "$file" .woff2)"
  hashed="$base.$(sha256sum "$file" | cut -c1-10).woff2"
  mv "$file" "wwwroot/lib/fonts/$hashed"
  sed -E -i "s#lib/fonts/$base(\.[0-9a-f]{10})?\.woff2#lib/fonts/$hashed#g" wwwroot/css/site.css src/NewsPortal.Web/Views/Shared/_Layout.cshtml
done
