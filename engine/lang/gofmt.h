#pragma once
// gofmt.h — the UTF-8 and digit helpers package fmt's implementation (gofmt.cpp) shares
// with the VM (string(rune), range over a string, strconv.FormatInt, print's %p-style
// addresses). fmt itself is the Interpreter's fmt_value / fmt_print / fmt_printf /
// box_args (interp.h), defined in gofmt.cpp.
//
// Models unicode/utf8 (DecodeRune, AppendRune: invalid bytes and surrogates become U+FFFD)
// and strconv's digits (formatBits).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gofmt {

// utoa_base is u's digits in base 2…16 (upper: A–F), without a prefix.
std::string utoa_base(uint64_t u, int base, bool upper);
// append_rune appends r's UTF-8 encoding (U+FFFD for surrogates and values past U+10FFFF).
void append_rune(std::string& s, uint32_t r);
// decode_rune decodes UTF-8 at s[i]; width 1 and U+FFFD for invalid bytes (utf8.DecodeRune).
uint32_t decode_rune(const std::string& s, size_t i, size_t& width);

// printf_verbs lists the verb that consumes each argument of a Printf format, in order
// ('*' for a width or precision taken from an argument).
std::vector<char> printf_verbs(const std::string& format);

// arg_index_at: the offset of the first explicit argument index (%[n]d) in a Printf format,
// or npos
size_t arg_index_at(const std::string& f);

// is_bytes_verb: fmt prints byte slices and arrays as strings under %s %q %x %X (fmtBytes),
// not element by element.
bool is_bytes_verb(char verb);

// quote is strconv.Quote (%q of a string).
std::string quote(const std::string& s);

}  // namespace gofmt
