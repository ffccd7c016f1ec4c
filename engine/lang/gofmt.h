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

// PrintfItem is one step of fmt/print.go's doPrintf over a format: the literal text before
// it, then a verb with its flags, its width and precision (from the format, or read from an
// argument by '*'), and the argument it prints, as argNumber picks it (%[n]d, %[2]*[1]d).
struct PrintfItem {
  enum What { End, Print, Percent, BadIndex, Missing, NoVerb };
  What what = End;
  size_t lit_from = 0, lit_to = 0;   // format[lit_from, lit_to): the literal before
  size_t at = 0;                     // the verb's offset in the format
  uint32_t verb = 0;
  bool minus = false, plus = false, sharp = false, zero = false, space = false;
  int wid = -1, prec = -1;           // from the format (-1: absent; "%.d" is precision 0)
  bool wid_star = false, prec_star = false;
  int wid_arg = -1, prec_arg = -1;   // the argument '*' reads (-1: none left: BADWIDTH/BADPREC)
  int arg = -1;                      // the argument printed (Print)
};
struct PrintfFormat {
  std::vector<PrintfItem> items;     // the last one's what is End or NoVerb
  bool reordered = false;            // an explicit index was seen: no %!(EXTRA …)
  size_t next_arg = 0;               // argNum at the end: the EXTRA arguments start here
};
// parse_printf is doPrintf's walk of a format over nargs arguments (parseArgNumber, argNumber,
// intFromArg's argument order, parsenum's 1e6 limit), without the values.
PrintfFormat parse_printf(const std::string& format, size_t nargs);

// printf_arg_verbs lists, for each of nargs arguments, the verbs that use it in order ('*'
// for a width or precision read from it); an unused argument gets 'v' if fmt prints it in
// %!(EXTRA …), else nothing.
std::vector<std::string> printf_arg_verbs(const std::string& format, size_t nargs);

// is_bytes_verb: fmt prints byte slices and arrays as strings under %s %q %x %X (fmtBytes),
// not element by element.
bool is_bytes_verb(char verb);

// quote is strconv.Quote (%q of a string).
std::string quote(const std::string& s);

}  // namespace gofmt
