// strings_funcs.cpp — package strings' functions per release, in the Go the playground runs
// (see strings_funcs.h). Each follows strings/strings.go of its release; bytealg's vector
// searches are byte loops here, unicode's tables the blocks strings_caseKnown names.
#include "engine/lang/strings_funcs.h"

#include <string>

#include "engine/lang/parser.h"

namespace lang {
namespace {

// Searching and counting: no allocation (strings.go Index, Count, LastIndex, IndexRune…).
constexpr const char* kSearch = R"go(package main
func strings_Index(s, substr string) int {
	n := len(substr)
	for i := 0; i+n <= len(s); i++ {
		if s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

func strings_IndexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func strings_IndexRune(s string, r rune) int {
	for i, c := range s {
		if c == r {
			return i
		}
	}
	return -1
}

func strings_IndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	for i, c := range s {
		if strings_IndexRune(chars, c) >= 0 {
			return i
		}
	}
	return -1
}

func strings_LastIndex(s, substr string) int {
	n := len(substr)
	for i := len(s) - n; i >= 0; i-- {
		if s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

func strings_LastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func strings_Contains(s, substr string) bool { return strings_Index(s, substr) >= 0 }

func strings_ContainsRune(s string, r rune) bool { return strings_IndexRune(s, r) >= 0 }

func strings_ContainsAny(s, chars string) bool { return strings_IndexAny(s, chars) >= 0 }

func strings_HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[0:len(prefix)] == prefix
}

func strings_HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

func strings_runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

func strings_Count(s, substr string) int {
	if len(substr) == 0 {
		return strings_runeCount(s) + 1
	}
	n := 0
	for {
		i := strings_Index(s, substr)
		if i == -1 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

func strings_Compare(a, b string) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return +1
}

func strings_Cut(s, sep string) (string, string, bool) {
	if i := strings_Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

func strings_TrimPrefix(s, prefix string) string {
	if strings_HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

func strings_TrimSuffix(s, suffix string) string {
	if strings_HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// strings_decodeRune is utf8.DecodeRuneInString: the first rune and its width (RuneError
// and 1 for an invalid byte, RuneError and 0 for "").
func strings_decodeRune(s string) (rune, int) {
	var first rune = 0xFFFD
	for j, r := range s {
		if j > 0 {
			return first, j
		}
		first = r
	}
	return first, len(s)
}

// strings_lastRuneStart is where the last rune of s starts (utf8.DecodeLastRuneInString).
func strings_lastRuneStart(s string) int {
	last := 0
	for i := range s {
		last = i
	}
	return last
}
)go";

// CutPrefix and CutSuffix: Go 1.20+.
constexpr const char* kCutAffix = R"go(
func strings_CutPrefix(s, prefix string) (string, bool) {
	if !strings_HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func strings_CutSuffix(s, suffix string) (string, bool) {
	if !strings_HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}
)go";

// Trimming: substrings of s, nothing allocated (TrimSpace's ASCII fast path, then
// unicode.IsSpace; Trim/TrimLeft/TrimRight with a cutset of runes).
constexpr const char* kTrim = R"go(
func strings_asciiSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' '
}

// strings_isSpace is unicode.IsSpace (White_Space).
func strings_isSpace(r rune) bool {
	if r < 0x80 {
		return strings_asciiSpace(byte(r))
	}
	switch {
	case r == 0x85, r == 0xA0, r == 0x1680, r == 0x2028, r == 0x2029, r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	case 0x2000 <= r && r <= 0x200A:
		return true
	}
	return false
}

func strings_TrimSpace(s string) string {
	start := 0
	for ; start < len(s); start++ {
		c := s[start]
		if c >= 0x80 {
			return strings_trimSpaceRunes(s[start:])
		}
		if !strings_asciiSpace(c) {
			break
		}
	}
	stop := len(s)
	for ; stop > start; stop-- {
		c := s[stop-1]
		if c >= 0x80 {
			return strings_trimSpaceRunes(s[start:stop])
		}
		if !strings_asciiSpace(c) {
			break
		}
	}
	return s[start:stop]
}

func strings_trimSpaceRunes(s string) string {
	for i, r := range s {
		if !strings_isSpace(r) {
			s = s[i:]
			break
		}
		if i+len(string(r)) >= len(s) {
			return ""
		}
	}
	for len(s) > 0 {
		i := strings_lastRuneStart(s)
		r, _ := strings_decodeRune(s[i:])
		if !strings_isSpace(r) {
			break
		}
		s = s[:i]
	}
	return s
}

func strings_TrimLeft(s, cutset string) string {
	for len(s) > 0 {
		r, n := strings_decodeRune(s)
		if strings_IndexRune(cutset, r) < 0 {
			break
		}
		s = s[n:]
	}
	return s
}

func strings_TrimRight(s, cutset string) string {
	for len(s) > 0 {
		i := strings_lastRuneStart(s)
		r, _ := strings_decodeRune(s[i:])
		if strings_IndexRune(cutset, r) < 0 {
			break
		}
		s = s[:i]
	}
	return s
}

func strings_Trim(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return strings_TrimRight(strings_TrimLeft(s, cutset), cutset)
}
)go";

// Splitting: genSplit's one make([]string, n), explode's one string a rune; Fields counts
// first (ASCII) or records spans on the stack (FieldsFunc(s, unicode.IsSpace)).
constexpr const char* kSplit = R"go(
func strings_genSplit(s, sep string, sepSave, n int) []string {
	if n == 0 {
		return nil
	}
	if sep == "" {
		return strings_explode(s, n)
	}
	if n < 0 {
		n = strings_Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := make([]string, n)
	n--
	i := 0
	for i < n {
		m := strings_Index(s, sep)
		if m < 0 {
			break
		}
		a[i] = s[:m+sepSave]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

func strings_Split(s, sep string) []string { return strings_genSplit(s, sep, 0, -1) }

func strings_SplitN(s, sep string, n int) []string { return strings_genSplit(s, sep, 0, n) }

func strings_SplitAfter(s, sep string) []string { return strings_genSplit(s, sep, len(sep), -1) }

func strings_SplitAfterN(s, sep string, n int) []string { return strings_genSplit(s, sep, len(sep), n) }

func strings_Fields(s string) []string {
	n := 0
	wasSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings_fieldsSpace(s)
		}
		isSpace := strings_asciiSpace(c)
		if wasSpace && !isSpace {
			n++
		}
		wasSpace = isSpace
	}
	a := make([]string, n)
	na := 0
	fieldStart := 0
	i := 0
	for i < len(s) && strings_asciiSpace(s[i]) {
		i++
	}
	fieldStart = i
	for i < len(s) {
		if !strings_asciiSpace(s[i]) {
			i++
			continue
		}
		a[na] = s[fieldStart:i]
		na++
		i++
		for i < len(s) && strings_asciiSpace(s[i]) {
			i++
		}
		fieldStart = i
	}
	if fieldStart < len(s) {
		a[na] = s[fieldStart:]
	}
	return a
}

type strings_span struct {
	start int
	end   int
}

// strings_fieldsSpace is FieldsFunc(s, unicode.IsSpace).
func strings_fieldsSpace(s string) []string {
	spans := make([]strings_span, 0, 32)
	start := -1
	for end, r := range s {
		if strings_isSpace(r) {
			if start >= 0 {
				spans = append(spans, strings_span{start, end})
				start = ^start
			}
		} else {
			if start < 0 {
				start = end
			}
		}
	}
	if start >= 0 {
		spans = append(spans, strings_span{start, len(s)})
	}
	a := make([]string, len(spans))
	for i, span := range spans {
		a[i] = s[span.start:span.end]
	}
	return a
}
)go";

// explode; up to Go 1.20 an invalid byte's string is "\uFFFD" (kExplodeMarksInvalid goes in
// at MARK), from 1.21 it stays itself.
constexpr const char* kExplode = R"go(
func strings_explode(s string, n int) []string {
	l := strings_runeCount(s)
	if n < 0 || n > l {
		n = l
	}
	a := make([]string, n)
	for i := 0; i < n-1; i++ {
		ch, size := strings_decodeRune(s)
		a[i] = s[:size]
		s = s[size:]
		_ = ch // MARK
	}
	if n > 0 {
		a[n-1] = s
	}
	return a
}
)go";
constexpr const char* kExplodeMarksInvalid = R"go(
		if ch == 0xFFFD {
			a[i] = "\uFFFD"
		}
)go";

// Building: one strings.Builder each, grown once to the result's length (Join, Replace,
// ToUpper/ToLower of ASCII) or at the first rune that changes (Map).
constexpr const char* kBuild = R"go(
func strings_Join(elems []string, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0]
	}
	n := len(sep) * (len(elems) - 1)
	for _, elem := range elems {
		n += len(elem)
	}
	var b strings_Builder
	b.Grow(n)
	b.WriteString(elems[0])
	for _, s := range elems[1:] {
		b.WriteString(sep)
		b.WriteString(s)
	}
	return b.String()
}

func strings_Replace(s, old, new string, n int) string {
	if old == new || n == 0 {
		return s
	}
	if m := strings_Count(s, old); m == 0 {
		return s
	} else if n < 0 || m < n {
		n = m
	}
	var b strings_Builder
	b.Grow(len(s) + n*(len(new)-len(old)))
	start := 0
	for i := 0; i < n; i++ {
		j := start
		if len(old) == 0 {
			if i > 0 {
				_, wid := strings_decodeRune(s[start:])
				j += wid
			}
		} else {
			j += strings_Index(s[start:], old)
		}
		b.WriteString(s[start:j])
		b.WriteString(new)
		start = j + len(old)
	}
	b.WriteString(s[start:])
	return b.String()
}

func strings_ReplaceAll(s, old, new string) string { return strings_Replace(s, old, new, -1) }

func strings_ToUpper(s string) string {
	isASCII, hasLower := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			isASCII = false
			break
		}
		hasLower = hasLower || ('a' <= c && c <= 'z')
	}
	if isASCII {
		if !hasLower {
			return s
		}
		var b strings_Builder
		pos := 0
		b.Grow(len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
				if pos < i {
					b.WriteString(s[pos:i])
				}
				b.WriteByte(c)
				pos = i + 1
			}
		}
		if pos < len(s) {
			b.WriteString(s[pos:])
		}
		return b.String()
	}
	return strings_mapCase(s, true)
}

func strings_ToLower(s string) string {
	isASCII, hasUpper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			isASCII = false
			break
		}
		hasUpper = hasUpper || ('A' <= c && c <= 'Z')
	}
	if isASCII {
		if !hasUpper {
			return s
		}
		var b strings_Builder
		pos := 0
		b.Grow(len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
				if pos < i {
					b.WriteString(s[pos:i])
				}
				b.WriteByte(c)
				pos = i + 1
			}
		}
		if pos < len(s) {
			b.WriteString(s[pos:])
		}
		return b.String()
	}
	return strings_mapCase(s, false)
}

// strings_Map is Map (strings.go, the same code 1.19–1.27): the Builder is made at the first
// rune that changes (or is dropped: r < 0), grown to len(s)+utf8.UTFMax; nothing when none does.
func strings_Map(mapping func(rune) rune, s string) string {
	var b strings_Builder
	for i, c := range s {
		r := mapping(c)
		if r == c && c != 0xFFFD {
			continue
		}
		var width int
		if c == 0xFFFD {
			c, width = strings_decodeRune(s[i:])
			if width != 1 && r == c {
				continue
			}
		} else {
			width = len(string(c))
		}
		b.Grow(len(s) + 4)
		b.WriteString(s[:i])
		if r >= 0 {
			b.WriteRune(r)
		}
		s = s[i+width:]
		break
	}
	if b.Cap() == 0 {
		return s
	}
	for _, c := range s {
		r := mapping(c)
		if r >= 0 {
			if r < 0x80 {
				b.WriteByte(byte(r))
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// strings_EqualFold is EqualFold (strings.go): rune by rune, no allocation in any release;
// unicode.SimpleFold's orbits are the upper and lower case strings_caseOf knows.
func strings_EqualFold(s, t string) bool {
	for s != "" && t != "" {
		sr, n := strings_decodeRune(s)
		s = s[n:]
		tr, m := strings_decodeRune(t)
		t = t[m:]
		if tr == sr {
			continue
		}
		if tr < sr {
			tr, sr = sr, tr
		}
		if tr < 0x80 {
			if 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A' {
				continue
			}
			return false
		}
		if strings_caseOf(sr, true) == strings_caseOf(tr, true) || strings_caseOf(sr, false) == strings_caseOf(tr, false) {
			continue
		}
		return false
	}
	return s == t
}

// strings_Title is Title (strings.go, the same 1.19–1.27, deprecated): Map with a closure
// on the stack; isSeparator of a non-ASCII rune is unicode.IsSpace (a letter or digit is
// not a space). unicode.ToTitle is ToUpper for the letters strings_caseOf knows (title
// case differs from upper case only for the digraphs U+01C4–U+01F3, whose block panics).
func strings_Title(s string) string {
	prev := ' '
	return strings_Map(func(r rune) rune {
		if strings_isSeparator(prev) {
			prev = r
			return strings_caseOf(r, true)
		}
		prev = r
		return r
	}, s)
}

func strings_isSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9':
			return false
		case 'a' <= r && r <= 'z':
			return false
		case 'A' <= r && r <= 'Z':
			return false
		case r == '_':
			return false
		}
		return true
	}
	return strings_isSpace(r)
}

// strings_ToTitle is ToTitle: Map(unicode.ToTitle, s), no ASCII fast path.
func strings_ToTitle(s string) string { return strings_mapCase(s, true) }

// strings_mapCase is Map(unicode.ToUpper, s) (upper) or Map(unicode.ToLower, s).
func strings_mapCase(s string, upper bool) string {
	return strings_Map(func(r rune) rune { return strings_caseOf(r, upper) }, s)
}

// strings_caseOf is unicode.ToUpper(r) (upper) or unicode.ToLower(r) for the blocks whose
// case the playground knows: ASCII, Latin-1, Latin Extended-A and Additional, Greek and
// Coptic's basic letters, Cyrillic U+0400–U+045F; runes of blocks without case letters map to themselves.
func strings_caseOf(r rune, upper bool) rune {
	switch {
	case r < 0x80:
		if upper && 'a' <= r && r <= 'z' {
			return r - 32
		}
		if !upper && 'A' <= r && r <= 'Z' {
			return r + 32
		}
		return r
	case r < 0x100:
		if r == 0xB5 {
			if upper {
				return 0x39C
			}
			return r
		}
		if r == 0xFF {
			if upper {
				return 0x178
			}
			return r
		}
		if r >= 0xC0 && r <= 0xDE && r != 0xD7 && !upper {
			return r + 32
		}
		if r >= 0xE0 && r <= 0xFE && r != 0xF7 && upper {
			return r - 32
		}
		return r
	case r < 0x180:
		return strings_caseLatinA(r, upper)
	case r >= 0x386 && r <= 0x3CE:
		return strings_caseGreek(r, upper)
	case r >= 0x1E00 && r <= 0x1EFF:
		return strings_caseLatinAdditional(r, upper)
	case r >= 0x400 && r <= 0x45F:
		if r < 0x410 {
			if upper {
				return r
			}
			return r + 0x50
		}
		if r < 0x430 {
			if upper {
				return r
			}
			return r + 32
		}
		if r < 0x450 {
			if upper {
				return r - 32
			}
			return r
		}
		if upper {
			return r - 0x50
		}
		return r
	}
	if strings_caseUnknown(r) {
		panic("strings.ToUpper/ToLower: the playground knows the case of Latin, Greek (U+0386–U+03CE) and Cyrillic (U+0400–U+045F) letters only")
	}
	return r
}

func strings_caseLatinA(r rune, upper bool) rune {
	switch {
	case r == 0x130:
		if upper {
			return r
		}
		return 'i'
	case r == 0x131:
		if upper {
			return 'I'
		}
		return r
	case r == 0x138 || r == 0x149:
		return r
	case r == 0x178:
		if upper {
			return r
		}
		return 0xFF
	case r == 0x17F:
		if upper {
			return 'S'
		}
		return r
	}
	// pairs: an even upper case letter before its lower case one, but for U+0139–U+0148 and
	// U+0179–U+017E, where the upper case letter is odd
	evenUpper := !(r >= 0x139 && r <= 0x148) && !(r >= 0x179 && r <= 0x17E)
	isUpper := (r%2 == 0) == evenUpper
	if upper && !isUpper {
		return r - 1
	}
	if !upper && isUpper {
		return r + 1
	}
	return r
}

// strings_caseLatinAdditional: Latin Extended Additional (Vietnamese, Welsh…), pairs with
// the upper case letter even, but U+1E96–U+1E9F.
func strings_caseLatinAdditional(r rune, upper bool) rune {
	switch {
	case r == 0x1E9B:
		if upper {
			return 0x1E60
		}
		return r
	case r == 0x1E9E:
		if upper {
			return r
		}
		return 0xDF
	case r >= 0x1E96 && r <= 0x1E9F:
		return r
	}
	if upper && r%2 == 1 {
		return r - 1
	}
	if !upper && r%2 == 0 {
		return r + 1
	}
	return r
}

func strings_caseGreek(r rune, upper bool) rune {
	switch {
	case r == 0x386:
		if upper {
			return r
		}
		return 0x3AC
	case r >= 0x388 && r <= 0x38A:
		if upper {
			return r
		}
		return r + 0x25
	case r == 0x38C:
		if upper {
			return r
		}
		return 0x3CC
	case r == 0x38E || r == 0x38F:
		if upper {
			return r
		}
		return r + 0x3F
	case r >= 0x391 && r <= 0x3AB && r != 0x3A2:
		if upper {
			return r
		}
		return r + 32
	case r == 0x3AC:
		if upper {
			return 0x386
		}
		return r
	case r >= 0x3AD && r <= 0x3AF:
		if upper {
			return r - 0x25
		}
		return r
	case r == 0x3C2:
		if upper {
			return 0x3A3
		}
		return r
	case r >= 0x3B1 && r <= 0x3CB:
		if upper {
			return r - 32
		}
		return r
	case r == 0x3CC:
		if upper {
			return 0x38C
		}
		return r
	case r == 0x3CD || r == 0x3CE:
		if upper {
			return r - 0x3F
		}
		return r
	}
	return r // U+0387 (a point), U+0390 and U+03B0 (no single-rune case), U+03A2 (unassigned)
}

// strings_caseUnknown: runes in blocks that hold case letters the playground's table does not.
func strings_caseUnknown(r rune) bool {
	switch {
	case r >= 0x180 && r <= 0x2AF, r == 0x345, r >= 0x370 && r <= 0x3FF:
		return true
	case r >= 0x460 && r <= 0x58F, r >= 0x10A0 && r <= 0x10FF, r >= 0x13A0 && r <= 0x13FF:
		return true
	case r >= 0x1C80 && r <= 0x1CBF, r >= 0x1D00 && r <= 0x1DFF, r >= 0x1F00 && r <= 0x1FFF, r >= 0x2100 && r <= 0x218F:
		return true
	case r >= 0x24B6 && r <= 0x24E9, r >= 0x2C00 && r <= 0x2DFF, r >= 0xA640 && r <= 0xA7FF:
		return true
	case r >= 0xAB70 && r <= 0xABBF, r >= 0xFF21 && r <= 0xFF5A, r >= 0x10400 && r <= 0x1E9FF:
		return true
	}
	return false
}
)go";

// The iterators (Go 1.24, strings/iter.go): generators the playground expands where they are
// ranged over, as gc inlines them (compiler_range_func.cpp). SplitSeq/SplitAfterSeq are 1.25's
// form (the "" separator inside the literal); on 1.24 splitSeq returned explodeSeq(s) or the
// literal, so gc did not inline the iterator there (README, "Known gaps").
constexpr const char* kIters = R"go(
func strings_Lines(s string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			var line string
			if i := strings_IndexByte(s, '\n'); i >= 0 {
				line, s = s[:i+1], s[i+1:]
			} else {
				line, s = s, ""
			}
			if !yield(line) {
				return
			}
		}
	}
}

func strings_SplitSeq(s, sep string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		if len(sep) == 0 {
			for len(s) > 0 {
				_, size := strings_decodeRune(s)
				if !yield(s[:size]) {
					return
				}
				s = s[size:]
			}
			return
		}
		for {
			i := strings_Index(s, sep)
			if i < 0 {
				break
			}
			if !yield(s[:i]) {
				return
			}
			s = s[i+len(sep):]
		}
		yield(s)
	}
}

func strings_SplitAfterSeq(s, sep string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		if len(sep) == 0 {
			for len(s) > 0 {
				_, size := strings_decodeRune(s)
				if !yield(s[:size]) {
					return
				}
				s = s[size:]
			}
			return
		}
		for {
			i := strings_Index(s, sep)
			if i < 0 {
				break
			}
			if !yield(s[:i+len(sep)]) {
				return
			}
			s = s[i+len(sep):]
		}
		yield(s)
	}
}

func strings_FieldsSeq(s string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i < len(s); {
			size := 1
			isSpace := strings_asciiSpace(s[i])
			if s[i] >= 0x80 {
				var r rune
				r, size = strings_decodeRune(s[i:])
				isSpace = strings_isSpace(r)
			}
			if isSpace {
				if start >= 0 {
					if !yield(s[start:i]) {
						return
					}
					start = -1
				}
			} else if start < 0 {
				start = i
			}
			i += size
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}
)go";

}  // namespace

bool add_strings_funcs(File& file, int go_minor, Error& err) {
  if (!imports(file, "strings")) return true;
  std::string src = kSearch;
  if (go_minor >= 20) src += kCutAffix;
  src += kTrim;
  src += kSplit;
  std::string explode = kExplode;
  if (go_minor < 21) explode.replace(explode.find("_ = ch // MARK"), 14, kExplodeMarksInvalid);
  src += explode;
  src += kBuild;
  if (go_minor >= 24) src += kIters;
  // its lines after strings.Builder's (strings_builder.h)
  return add_library_code(file, src, kLibraryFirstLine + 600'000, "package strings", err);
}

}  // namespace lang
