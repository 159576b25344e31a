#!/bin/sh
# Rebuilds the fonts embedded in jixiao from Debian's fonts-noto-cjk package.
#
# Input:  fonts-noto-cjk_1:20220127+repack1-1_all.deb (Debian bookworm; OFL-1.1)
# Output: fonts/NotoSerifCJKsc-Regular-subset.otf, fonts/NotoSerifCJKsc-Bold-subset.otf
# Needs:  dpkg-deb, python3 with fonttools (tested with 4.68.0).
#
# Usage:  fonts/subset.sh path/to/fonts-noto-cjk_*.deb
#
# The Simplified Chinese face is face 2 of each TTC. The subset keeps the Unicode
# blocks government disclosures use; the ranges below are the single source of truth,
# and `src/render/pdf/fonts.rs` reports any character outside them as a diagnostic.
set -eu

deb=${1:?usage: fonts/subset.sh path/to/fonts-noto-cjk_*.deb}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dpkg-deb -x "$deb" "$work/deb"
ttc_dir="$work/deb/usr/share/fonts/opentype/noto"

# Basic Latin, Latin-1, Greek, general punctuation, letterlike symbols (℃ №),
# number forms (Ⅰ Ⅱ), arrows, mathematical operators (≥ ≤), enclosed numbers (①),
# box drawing, geometric shapes (■ ○), CJK symbols and punctuation, enclosed CJK (㈠),
# CJK compatibility (㎡), CJK Unified Ideographs, vertical and small form variants (﹝﹞),
# half- and full-width forms.
unicodes="U+0020-007E,U+00A0-00FF,U+0391-03C9,U+2000-206F,U+2100-214F,U+2150-218F,\
U+2190-21FF,U+2200-22FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+3000-303F,U+3200-32FF,\
U+3300-33FF,U+4E00-9FFF,U+FE10-FE1F,U+FE30-FE4F,U+FE50-FE6F,U+FF00-FFEF"

for weight in Regular Bold; do
    python3 - "$ttc_dir/NotoSerifCJK-$weight.ttc" "$here/NotoSerifCJKsc-$weight-subset.otf" "$unicodes" <<'PY'
import sys
from fontTools.ttLib import TTCollection
from fontTools.ttLib.tables._c_m_a_p import cmap_format_12
from fontTools import subset

src, dst, unicodes = sys.argv[1:4]
font = TTCollection(src).fonts[2]  # face 2 = Noto Serif CJK SC
assert "Noto Serif CJK SC" in font["name"].getDebugName(4)

options = subset.Options()
options.layout_features = ["*"]    # keep vert, locl, halt, … for CJK typesetting
options.name_IDs = ["*"]
options.name_languages = ["*"]
options.notdef_outline = True
options.hinting = False            # CFF hints are useless for PDF output
options.desubroutinize = False
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
subsetter.subset(font)

# fontTools drops the format-12 subtable when every character is in the BMP, and a
# format-4 subtable this large overflows its 16-bit offsets, so readers lose every
# character above about U+9000. Re-add a (3,10) format-12 subtable with the full map.
cmap = font["cmap"]
mapping = cmap.getBestCmap()
cmap.tables = [t for t in cmap.tables if t.format != 12]
table = cmap_format_12(12)
table.platformID, table.platEncID, table.language = 3, 10, 0
table.cmap = dict(mapping)
cmap.tables.append(table)

font.save(dst)
print(dst, len(mapping), "characters")
PY
done

# The licence travels with the fonts: the fonts' copyright line, then the OFL text from
# the package's copyright file (up to the next licence stanza).
{
    echo "Noto Serif CJK SC — © 2017-2022 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
    echo "Subset by fonts/subset.sh for jixiao; the font names are unchanged (\"Noto\" is not a reserved name)."
    echo
    sed -n '/SIL OPEN FONT LICENSE Version 1.1/,/^License: GPL/p' "$work/deb/usr/share/doc/fonts-noto-cjk/copyright" \
        | sed '$d; s/^ //; s/^\.$//'
} > "$here/OFL.txt"
