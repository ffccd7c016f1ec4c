#!/usr/bin/env python3
"""Writes engine/lang/unicode_tables.cpp from each release's src/unicode/tables.go:
   python3 engine/lang/gen_unicode_tables.py .deps > engine/lang/unicode_tables.cpp"""
import re, sys
root = sys.argv[1]
versions = [("13.0.0", "1.19"), ("15.0.0", "1.21"), ("17.0.0", "1.27")]
tables = ["L", "Lu", "Ll", "Nd", "White_Space"]

def block(src, name):
    m = re.search(r"^var _%s = &RangeTable\{\n(.*?)^\}\n" % name, src, re.S | re.M)
    body = m.group(1)
    return [(int(a, 16), int(b, 16), int(c)) for a, b, c in re.findall(r"\{(0x[0-9a-fA-F]+), (0x[0-9a-fA-F]+), (\d+)\}", body)]

def cases(src):
    m = re.search(r"^var _CaseRanges = \[\]CaseRange\{\n(.*?)^\}\n", src, re.S | re.M)
    out = []
    for lo, hi, d in re.findall(r"\{(0x[0-9A-Fa-f]+), (0x[0-9A-Fa-f]+), d\{([^}]*)\}\}", m.group(1)):
        ds = [x.strip() for x in d.split(",")]
        ds = [0x110000 if x == "UpperLower" else int(x) for x in ds]
        out.append((int(lo, 16), int(hi, 16), ds[0], ds[1]))
    return out

out = ["// unicode_tables.cpp — generated from src/unicode/tables.go of Go 1.19 (Unicode 13.0.0),",
       "// 1.21 (15.0.0, also 1.22–1.26) and 1.27 (17.0.0) by engine/lang/gen_unicode_tables.py; do not edit.",
       "// Each table is RangeTable's R16 and R32 ranges {lo, hi, stride}; case ranges are",
       "// CaseRange {lo, hi, delta upper, delta lower} (0x110000: UpperLower, alternating).",
       '#include "engine/lang/unicode_tables.h"', "", "namespace lang {", "namespace {", ""]
for ver, go in versions:
    src = open(f"{root}/go{go}/usr/lib/go-{go}/src/unicode/tables.go").read()
    assert f'const Version = "{ver}"' in src
    vid = ver.split(".")[0]
    for t in tables:
        rs = block(src, t)
        out.append(f"constexpr UnicodeRange k{t}{vid}[] = {{")
        line = "   "
        for r in rs:
            item = f" {{0x{r[0]:X}, 0x{r[1]:X}, {r[2]}}},"
            if len(line) + len(item) > 110:
                out.append(line); line = "   "
            line += item
        out.append(line); out.append("};")
    cr = cases(src)
    out.append(f"constexpr UnicodeCaseRange kCase{vid}[] = {{")
    line = "   "
    for c in cr:
        item = f" {{0x{c[0]:X}, 0x{c[1]:X}, {c[2]}, {c[3]}}},"
        if len(line) + len(item) > 110:
            out.append(line); line = "   "
        line += item
    out.append(line); out.append("};"); out.append("")
out.append("template <size_t N> constexpr UnicodeSpan<UnicodeRange> span(const UnicodeRange (&a)[N]) { return {a, N}; }")
out.append("template <size_t N> constexpr UnicodeSpan<UnicodeCaseRange> span(const UnicodeCaseRange (&a)[N]) { return {a, N}; }")
out.append("")
out.append("}  // namespace")
out.append("")
out.append("const UnicodeTables& unicode_tables(int go_minor) {")
for ver, go in versions:
    vid = ver.split(".")[0]
    out.append(f"  static const UnicodeTables v{vid}{{span(kL{vid}), span(kLu{vid}), span(kLl{vid}), span(kNd{vid}), span(kWhite_Space{vid}), span(kCase{vid})}};")
out.append("  return go_minor >= 27 ? v17 : go_minor >= 21 ? v15 : v13;")
out.append("}")
out.append("")
out.append("}  // namespace lang")
print("\n".join(out))
