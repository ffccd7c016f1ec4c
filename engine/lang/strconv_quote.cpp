// strconv_quote.cpp — strconv's quoting per release, in the Go the playground runs (see
// strconv_quote.h). Each function follows strconv/quote.go of its release.
#include "engine/lang/strconv_quote.h"

#include <string>

#include "engine/lang/parser.h"

namespace lang {
namespace {

constexpr const char* kQuote = R"go(package main
const strconv_lowerhex = "0123456789abcdef"

func strconv_Quote(s string) string { return strconv_quoteWith(s, '"') }

func strconv_AppendQuote(dst []byte, s string) []byte {
	return strconv_appendQuotedWith(dst, s, '"')
}

func strconv_QuoteRune(r rune) string {
	return string(strconv_appendQuotedRuneWith(nil, r, '\''))
}

func strconv_appendQuotedWith(buf []byte, s string, quote byte) []byte {
	if cap(buf)-len(buf) < len(s) {
		nBuf := make([]byte, len(buf), len(buf)+1+len(s)+1)
		copy(nBuf, buf)
		buf = nBuf
	}
	buf = append(buf, quote)
	for i, r := range s {
		if r == 0xFFFD && !(i+2 < len(s) && s[i] == 0xEF && s[i+1] == 0xBF && s[i+2] == 0xBD) {
			buf = append(buf, `\x`...)
			buf = append(buf, strconv_lowerhex[s[i]>>4])
			buf = append(buf, strconv_lowerhex[s[i]&0xF])
			continue
		}
		buf = strconv_appendEscapedRune(buf, r, quote)
	}
	buf = append(buf, quote)
	return buf
}

func strconv_appendQuotedRuneWith(buf []byte, r rune, quote byte) []byte {
	buf = append(buf, quote)
	if !strconv_validRune(r) {
		r = 0xFFFD
	}
	buf = strconv_appendEscapedRune(buf, r, quote)
	buf = append(buf, quote)
	return buf
}

func strconv_validRune(r rune) bool {
	return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= 0x10FFFF)
}

// utf8.AppendRune: one append of the rune's bytes
func strconv_appendRune(buf []byte, r rune) []byte {
	i := uint32(r)
	if i <= 0x7F {
		return append(buf, byte(r))
	} else if i <= 0x7FF {
		return append(buf, 0xC0|byte(r>>6), 0x80|byte(r)&0x3F)
	} else if i <= 0xFFFF {
		return append(buf, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
	}
	return append(buf, 0xF0|byte(r>>18), 0x80|byte(r>>12)&0x3F, 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
}

// IsPrint: Go's for ASCII and Latin-1; beyond, see strconv_quote.h
func strconv_IsPrint(r rune) bool {
	if r <= 0xFF {
		if 0x20 <= r && r <= 0x7E {
			return true
		}
		if 0xA1 <= r && r <= 0xFF {
			return r != 0xAD
		}
		return false
	}
	if !strconv_validRune(r) || r == 0xFEFF || (0xFFF9 <= r && r <= 0xFFFB) {
		return false
	}
	return true
}

func strconv_appendEscapedRune(buf []byte, r rune, quote byte) []byte {
	if r == rune(quote) || r == '\\' {
		buf = append(buf, '\\')
		buf = strconv_appendRune(buf, r)
		return buf
	}
	if strconv_IsPrint(r) {
		return strconv_appendRune(buf, r)
	}
	switch r {
	case '\a':
		buf = append(buf, `\a`...)
	case '\b':
		buf = append(buf, `\b`...)
	case '\f':
		buf = append(buf, `\f`...)
	case '\n':
		buf = append(buf, `\n`...)
	case '\r':
		buf = append(buf, `\r`...)
	case '\t':
		buf = append(buf, `\t`...)
	case '\v':
		buf = append(buf, `\v`...)
	default:
		if r < ' ' || r == 0x7f {
			buf = append(buf, `\x`...)
			buf = append(buf, strconv_lowerhex[byte(r)>>4])
			buf = append(buf, strconv_lowerhex[byte(r)&0xF])
		} else if r < 0x10000 {
			if !strconv_validRune(r) {
				r = 0xFFFD
			}
			buf = append(buf, `\u`...)
			for s := 12; s >= 0; s -= 4 {
				buf = append(buf, strconv_lowerhex[r>>uint(s)&0xF])
			}
		} else {
			buf = append(buf, `\U`...)
			for s := 28; s >= 0; s -= 4 {
				buf = append(buf, strconv_lowerhex[r>>uint(s)&0xF])
			}
		}
	}
	return buf
}
)go";

// quoteWith up to Go 1.24: the buffer is made on the heap (its size is not a constant)
constexpr const char* kQuoteWithHeap = R"go(
func strconv_quoteWith(s string, quote byte) string {
	return string(strconv_appendQuotedWith(make([]byte, 0, 3*len(s)/2), s, quote))
}
)go";

// quoteWith from Go 1.25: gc's variable-sized make takes a 32-byte stack buffer when the size
// fits (ssagen/ssa.go, base.Debug.VariableMakeThreshold)
constexpr const char* kQuoteWithStack = R"go(
func strconv_quoteWith(s string, quote byte) string {
	n := 3 * len(s) / 2
	var stack [32]byte
	var buf []byte
	if n <= 32 {
		buf = stack[:0:n]
	} else {
		buf = make([]byte, 0, n)
	}
	return string(strconv_appendQuotedWith(buf, s, quote))
}
)go";

}  // namespace

bool add_strconv_quote(File& file, int go_minor, Error& err) {
  if (!imports(file, "strconv")) return true;
  std::string src = kQuote;
  src += go_minor >= 25 ? kQuoteWithStack : kQuoteWithHeap;
  // after package flag's (flag_pkg.h), past the program's
  return add_library_code(file, src, kLibraryFirstLine + 980'000, "strconv's quoting", err);
}

}  // namespace lang
