// gofmt.cpp — package fmt as the VM runs it: values printed by verb (%v %+v %d %s %q %x %X
// %o %b %c %U %t %T %p %e %f %g), flags, widths and precisions, Print's and Println's
// spacing, Printf's error forms (%!d(string=…), %!d(MISSING), %!(EXTRA …)), and what
// converting the arguments to interface{} allocates. Also the UTF-8 and digit helpers the VM
// shares with it (gofmt.h).
//
// Models: fmt/print.go (doPrint, doPrintln, doPrintf, printArg, handleMethods: String() of
// time.Duration and time.Time), fmt/format.go (padding, integers, fmtBytes),
// strconv/ftoa.go (shortest float64 digits), strconv/quote.go (%q), unicode/utf8
// (DecodeRune, AppendRune), runtime/iface.go (convT64, convTstring, convTslice, convT).
//
// Simplifications: no interfaces, so no Stringer or error methods but time's, and no %w;
// %p and pointers print a made-up 0xc… address; a map prints its first 100 000 entries,
// keys sorted as fmt sorts them (internal/fmtsort). The printer's buffer (pp.buf, pooled
// with its pp) grows as printValue's appends grow it: one piece per bracket, separator, field
// name and element (fmt_piece; pooled_append replays append's growth).
#include "engine/lang/gofmt.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "engine/lang/interp.h"

namespace gofmt {

std::string utoa_base(uint64_t u, int base, bool upper) {
  if (u == 0) return "0";
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string s;
  while (u) { s += digits[u % uint64_t(base)]; u /= uint64_t(base); }
  std::reverse(s.begin(), s.end());
  return s;
}

void append_rune(std::string& s, uint32_t r) {
  if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  if (r < 0x80) s += char(r);
  else if (r < 0x800) { s += char(0xC0 | (r >> 6)); s += char(0x80 | (r & 0x3F)); }
  else if (r < 0x10000) { s += char(0xE0 | (r >> 12)); s += char(0x80 | ((r >> 6) & 0x3F)); s += char(0x80 | (r & 0x3F)); }
  else { s += char(0xF0 | (r >> 18)); s += char(0x80 | ((r >> 12) & 0x3F)); s += char(0x80 | ((r >> 6) & 0x3F)); s += char(0x80 | (r & 0x3F)); }
}

// decode_rune decodes UTF-8 at s[i]; width 1 and U+FFFD for invalid bytes (utf8.DecodeRune).
uint32_t decode_rune(const std::string& s, size_t i, size_t& width) {
  width = 1;
  if (i >= s.size()) return 0xFFFD;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c;
  int n = (c >= 0xC2 && c < 0xE0) ? 1 : (c >= 0xE0 && c < 0xF0) ? 2 : (c >= 0xF0 && c < 0xF5) ? 3 : -1;
  if (n < 0 || i + size_t(n) >= s.size()) return 0xFFFD;
  uint32_t r = c & (0x3Fu >> n);
  for (int k = 1; k <= n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + size_t(k)]);
    if ((cc & 0xC0) != 0x80) return 0xFFFD;
    r = (r << 6) | (cc & 0x3F);
  }
  if ((n == 2 && r < 0x800) || (n == 3 && (r < 0x10000 || r > 0x10FFFF)) || (r >= 0xD800 && r <= 0xDFFF)) return 0xFFFD;
  width = size_t(n) + 1;
  return r;
}

namespace {
// parsenum is fmt/print.go's: the number at format[start, end), stopping at 1e6 ("crazy long
// number"), which reads as none and ends the scan at end.
size_t parsenum(const std::string& f, size_t start, size_t end, int& num, bool& isnum) {
  num = 0;
  isnum = false;
  if (start >= end) return end;
  size_t i = start;
  for (; i < end && f[i] >= '0' && f[i] <= '9'; ++i) {
    if (num > 1000000) { num = 0; isnum = false; return end; }
    num = num * 10 + (f[i] - '0');
    isnum = true;
  }
  return i;
}
}  // namespace

PrintfFormat parse_printf(const std::string& f, size_t nargs) {
  PrintfFormat r;
  const size_t end = f.size();
  size_t arg_num = 0;
  bool good_arg_num = true;
  // argNumber: an explicit index [n] at f[i] (1-based); out of range or malformed, the verb
  // prints %!v(BADINDEX). Returns whether an index was read.
  auto arg_number = [&](size_t& i) -> bool {
    if (i >= end || f[i] != '[') return false;
    r.reordered = true;
    int index = 0;
    size_t wid = 1;
    bool ok = false;
    if (end - i >= 3) {   // parseArgNumber: at least "[n]"
      for (size_t k = i + 1; k < end; ++k) {
        if (f[k] != ']') continue;
        int num;
        bool isnum;
        const size_t newi = parsenum(f, i + 1, k, num, isnum);
        wid = k + 1 - i;
        if (isnum && newi == k) { index = num - 1; ok = true; }
        break;
      }
    }
    i += wid;
    if (ok && index >= 0 && size_t(index) < nargs) { arg_num = size_t(index); return true; }
    good_arg_num = false;
    return ok;
  };
  for (size_t i = 0; i < end;) {
    PrintfItem it;
    good_arg_num = true;
    it.lit_from = i;
    while (i < end && f[i] != '%') ++i;
    it.lit_to = i;
    if (i >= end) { r.items.push_back(it); break; }
    ++i;
    bool simple = false;
    for (; i < end; ++i) {
      const char c = f[i];
      if (c == '#') it.sharp = true;
      else if (c == '0') it.zero = !it.minus;   // only zero padding to the left
      else if (c == '+') it.plus = true;
      else if (c == '-') { it.minus = true; it.zero = false; }
      else if (c == ' ') it.space = true;
      else {
        if (c >= 'a' && c <= 'z' && arg_num < nargs) {   // the fast path: flags and a verb
          it.what = PrintfItem::Print;
          it.at = i;
          it.verb = uint32_t(c);
          it.arg = int(arg_num++);
          ++i;
          simple = true;
        }
        break;
      }
    }
    if (simple) { r.items.push_back(it); continue; }
    bool after_index = arg_number(i);
    if (i < end && f[i] == '*') {
      ++i;
      it.wid_star = true;
      if (arg_num < nargs) it.wid_arg = int(arg_num++);
      after_index = false;
    } else {
      bool present;
      i = parsenum(f, i, end, it.wid, present);
      if (!present) it.wid = -1;
      if (after_index && present) good_arg_num = false;   // "%[3]2d"
    }
    if (i + 1 < end && f[i] == '.') {
      ++i;
      if (after_index) good_arg_num = false;   // "%[3].2d"
      after_index = arg_number(i);
      if (i < end && f[i] == '*') {
        ++i;
        it.prec_star = true;
        if (arg_num < nargs) it.prec_arg = int(arg_num++);
        after_index = false;
      } else {
        bool present;
        i = parsenum(f, i, end, it.prec, present);
        if (!present) it.prec = 0;
      }
    }
    if (!after_index) after_index = arg_number(i);
    if (i >= end) { it.what = PrintfItem::NoVerb; r.items.push_back(it); break; }
    size_t w;
    it.at = i;
    it.verb = decode_rune(f, i, w);
    i += w;
    if (it.verb == '%') it.what = PrintfItem::Percent;
    else if (!good_arg_num) it.what = PrintfItem::BadIndex;
    else if (arg_num >= nargs) it.what = PrintfItem::Missing;
    else { it.what = PrintfItem::Print; it.arg = int(arg_num++); }
    r.items.push_back(it);
  }
  r.next_arg = arg_num;
  return r;
}

std::vector<std::string> printf_arg_verbs(const std::string& format, size_t nargs) {
  std::vector<std::string> uses(nargs);
  const PrintfFormat pf = parse_printf(format, nargs);
  for (const PrintfItem& it : pf.items) {
    if (it.wid_arg >= 0) uses[size_t(it.wid_arg)] += '*';
    if (it.prec_arg >= 0) uses[size_t(it.prec_arg)] += '*';
    if (it.what == PrintfItem::Print) uses[size_t(it.arg)] += it.verb < 128 ? char(it.verb) : '?';
  }
  if (!pf.reordered)
    for (size_t k = pf.next_arg; k < nargs; ++k) uses[k] += 'v';
  return uses;
}

// quote is strconv.Quote.
std::string quote(const std::string& s) {
  std::string q = "\"";
  for (size_t i = 0; i < s.size();) {
    size_t w;
    uint32_t r = decode_rune(s, i, w);
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (r == 0xFFFD && w == 1) {
      q += "\\x";
      q += "0123456789abcdef"[c >> 4];
      q += "0123456789abcdef"[c & 15];
    } else if (r == '"' || r == '\\') {
      q += '\\';
      q += char(r);
    } else if (r < 0x20 || r == 0x7f) {
      switch (r) {
        case '\a': q += "\\a"; break;
        case '\b': q += "\\b"; break;
        case '\f': q += "\\f"; break;
        case '\n': q += "\\n"; break;
        case '\r': q += "\\r"; break;
        case '\t': q += "\\t"; break;
        case '\v': q += "\\v"; break;
        default:
          q += "\\x";
          q += "0123456789abcdef"[r >> 4];
          q += "0123456789abcdef"[r & 15];
      }
    } else {
      q += s.substr(i, w);
    }
    i += w;
  }
  return q + "\"";
}

bool is_bytes_verb(char verb) { return verb == 's' || verb == 'q' || verb == 'x' || verb == 'X'; }

}  // namespace gofmt

namespace lang {

namespace {
using gofmt::append_rune;
using gofmt::is_bytes_verb;
using gofmt::quote;
using gofmt::decode_rune;
using gofmt::utoa_base;

struct Spec {
  bool minus = false, plus = false, sharp = false, zero = false, space = false;
  int width = -1, prec = -1;
  char verb = 'v';
};

void pad(std::string& out, const std::string& s, const Spec& sp, bool numeric = false) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;   // width counts runes
  if (sp.width < 0 || n >= sp.width) { out += s; return; }
  size_t fill = size_t(sp.width - n);
  if (sp.minus) { out += s; out.append(fill, ' '); return; }
  if (sp.zero && numeric) {
    size_t sign = (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == ' ')) ? 1 : 0;
    out += s.substr(0, sign);
    out.append(fill, '0');
    out += s.substr(sign);
    return;
  }
  out.append(fill, sp.zero && !sp.minus ? '0' : ' ');
  out += s;
}


// format_float formats d like strconv.FormatFloat(d, 'g', -1, 64) (and 'e'/'f' shortest).
std::string format_float(double d, char verb, int prec) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
  char buf[512];
  if (prec >= 0 || verb == 'f' || verb == 'F' || verb == 'e' || verb == 'E') {
    if (verb == 'v') verb = 'g';
    int p = prec;
    if (p < 0) {
      if (verb == 'g' || verb == 'G') p = -1;
      else {
        // shortest digits, then the requested layout
        for (p = 0; p < 17; ++p) {
          snprintf(buf, sizeof buf, "%.*e", p, d);
          if (strtod(buf, nullptr) == d) break;
        }
        if (verb == 'f' || verb == 'F') {
          int exp = 0;
          const char* e = strchr(buf, 'e');
          if (e) exp = atoi(e + 1);
          int fp = std::max(0, p - exp);
          snprintf(buf, sizeof buf, "%.*f", fp, d);
          return buf;
        }
        return buf;
      }
    }
    if (p < 0) p = 6;
    char fmtc[8] = {'%', '.', '*', verb, 0};
    snprintf(buf, sizeof buf, fmtc, std::min(p, 300), d);
    return buf;
  }
  // shortest 'g': shortest round-trip digits; %e when exp < -4 || exp >= 21 for %v? No:
  // strconv uses eprec = 6 when shortest (so 1e+06, 123456).
  int p;
  for (p = 0; p < 17; ++p) {
    snprintf(buf, sizeof buf, "%.*e", p, d);
    if (strtod(buf, nullptr) == d) break;
  }
  std::string sci = buf;
  size_t epos = sci.find('e');
  int exp = atoi(sci.c_str() + epos + 1);
  // strconv 'g' with the shortest digits uses %e when exp < -4 || exp >= 6.
  if (exp < -4 || exp >= 6) return sci;
  int fp = std::max(0, p - exp);
  snprintf(buf, sizeof buf, "%.*f", fp, d);
  return buf;
}

void fmt_bytes(std::string& out, const std::string& bytes, char verb) {
  if (verb == 'x' || verb == 'X') {
    const char* digits = verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    for (unsigned char c : bytes) {
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  } else if (verb == 'q') {
    out += quote(bytes);
  } else {
    out += bytes;
  }
}

}  // namespace

// g_fmt_erroring is pp.erroring (fmt/print.go badVerb): while a bad verb's value is printed,
// handleMethods calls no Error or String method. Set and cleared around that one call.
namespace { bool g_fmt_erroring = false; }

bool Interpreter::stringer_text(TypeId t, Word w, std::string& out) const {
  if (t == prog_.duration_type) out += gotime::duration_string(int64_t(w));
  else if (t == prog_.time_type) out += gotime::time_string(time_of(w));
  else if (library_error_text(t, w, out)) return true;   // handleMethods: Error() first
  else return false;
  return true;
}

// func_address: the code address fmt prints for a func value (its function's entry, the
// same for every closure of one literal): a made-up text-segment address per function, as
// real addresses differ from build to build.
std::string Interpreter::func_address(Word w) const {
  return "0x" + utoa_base(0x47e000ull + obj_get(uint32_t(w), 0) * 0x60, 16, false);
}

// sorted_map_entries is map m's first 100 000 entries as fmt prints them, keys sorted as
// internal/fmtsort compares them.
std::vector<std::pair<Word, Word>> Interpreter::sorted_map_entries(uint32_t m) const {
  const MapEnt& e = maps_[m];
  const TypeId kt = T.u(e.type).key, et = T.u(e.type).elem;   // the codec's (codec_for)
  std::vector<std::pair<Word, Word>> items;
  e.map->for_each([&](uint32_t kh, uint32_t vh) {
    items.push_back({from_handle(kt, kh), from_handle(et, vh)});
    return items.size() < 100000;
  });
  const Kind kk = T.kind(kt);
  std::sort(items.begin(), items.end(), [&](const auto& a, const auto& b) {
    if (kk == Kind::String) return str(a.first) < str(b.first);
    if (kk == Kind::Float64) return as_f(a.first) < as_f(b.first);
    if (T.is_integer(kt) && !T.is_unsigned(kt)) return int64_t(a.first) < int64_t(b.first);
    return a.first < b.first;
  });
  return items;
}

// fmt_value appends the value as printValue/printArg does: piece by piece (fmt_piece after
// every bracket, separator, field name and element), so that the printer's buffer grows as
// append grows it (pooled_append).
void Interpreter::fmt_value(std::string& out, TypeId t, Word w, char verb, bool plus, bool sharp, int depth, bool top) const {
  (void)sharp;
  struct PieceEnd {
    const Interpreter& vm;
    const std::string& out;
    ~PieceEnd() { vm.fmt_piece(out); }
  } piece_end{*this, out};
  if (depth > 20) { out += "..."; return; }
  if (T.kind(t) == Kind::Interface) {   // an interface inside a value: its dynamic value
    unwrap_iface(t, w);
    if (t == TypeTable::kUntypedNil) { out += "<nil>"; return; }
    top = depth == 0;
  }
  // fmt calls String() for %v and %s (handleMethods), not while it prints a bad verb
  if ((verb == 'v' || verb == 's') && !g_fmt_erroring && stringer_text(t, w, out)) return;
  if (depth > 0 && !g_fmt_erroring && !walk_.texts.empty() && std::strchr("vsqxX", verb))   // a program's String/Error method inside the value (print_value_walk)
    if (auto it = walk_.texts.find({t, w}); it != walk_.texts.end()) {
      fmt_value(out, TypeTable::kString, it->second, verb, plus, sharp, depth, false);
      return;
    }
  Kind k = T.kind(t);
  switch (k) {
    case Kind::Bool: out += w ? "true" : "false"; return;
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
    case Kind::UntypedInt: case Kind::UntypedRune:
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64: case Kind::Uintptr: {
      bool neg = !T.is_unsigned(t) && int64_t(w) < 0;
      uint64_t u = neg ? 0 - uint64_t(w) : uint64_t(w);
      // The sign with += : GCC 12 warns (-Wrestrict, a false positive) on "-" + std::string.
      if (verb == 'x' || verb == 'X' || verb == 'o' || verb == 'b') {
        if (neg) out += '-';
        out += utoa_base(u, verb == 'o' ? 8 : verb == 'b' ? 2 : 16, verb == 'X');
      } else if (verb == 'q' || verb == 'c') {
        std::string r;
        append_rune(r, uint32_t(w));
        out += verb == 'q' ? "'" + r + "'" : r;
      } else {
        if (neg) out += '-';
        out += std::to_string(u);
      }
      return;
    }
    case Kind::Float64: case Kind::UntypedFloat: out += format_float(as_f(w), 'g', -1); return;
    case Kind::String: case Kind::UntypedString:
      if (verb == 'x' || verb == 'X') fmt_bytes(out, str(w), verb);
      else if (depth > 0 && verb == 'q') out += quote(str(w));
      else out += str(w);
      return;
    case Kind::UntypedNil: out += "<nil>"; return;
    case Kind::Pointer: {
      if (w == 0) { out += "<nil>"; return; }
      TypeId et = T.u(t).elem;
      if (top && depth == 0 && T.is_aggregate(et)) {
        out += '&';
        fmt_piece(out);
        fmt_value(out, et, w, verb, plus, sharp, depth + 1, false);
        return;
      }
      out += "0xc" + utoa_base(0x10000000ull + uint64_t(w) * 16, 16, false);
      return;
    }
    case Kind::Map: {
      out += "map[";
      fmt_piece(out);
      if (w && w < maps_.size() && maps_[w].map) {
        const TypeId kt = T.u(maps_[w].type).key, et = T.u(maps_[w].type).elem;
        std::vector<std::pair<Word, Word>> unwalked;   // a map fmt_value meets without print_value_walk
        const auto walked = walk_.map_entries.find(uint32_t(w));
        if (walked == walk_.map_entries.end()) unwalked = sorted_map_entries(uint32_t(w));
        const std::vector<std::pair<Word, Word>>& items = walked != walk_.map_entries.end() ? walked->second : unwalked;
        for (size_t i = 0; i < items.size(); ++i) {
          if (i) { out += ' '; fmt_piece(out); }
          fmt_value(out, kt, items[i].first, verb, plus, sharp, depth + 1, false);
          out += ':';
          fmt_piece(out);
          fmt_value(out, et, items[i].second, verb, plus, sharp, depth + 1, false);
        }
      }
      out += ']';
      return;
    }
    case Kind::Slice: {
      TypeId et = T.u(t).elem;
      if (T.kind(et) == Kind::Uint8 && is_bytes_verb(verb)) {
        std::string bytes;
        if (w && w < slices_.size() && slices_[w].live) {
          const SliceEnt& s = slices_[w];
          for (uint64_t i = 0; i < s.len; ++i) bytes += char(obj_get(s.arr, s.off + i));
        }
        fmt_bytes(out, bytes, verb);
        return;
      }
      out += '[';
      fmt_piece(out);
      if (w && w < slices_.size() && slices_[w].live) {
        const SliceEnt& s = slices_[w];
        for (uint64_t i = 0; i < s.len && i < 100000; ++i) {
          if (i) { out += ' '; fmt_piece(out); }
          fmt_value(out, et, obj_get(s.arr, s.off + i), verb, plus, sharp, depth + 1, false);
        }
      }
      out += ']';
      return;
    }
    case Kind::Array: {
      const Type& ty = T.u(t);
      if (T.kind(ty.elem) == Kind::Uint8 && is_bytes_verb(verb)) {
        std::string bytes;
        for (int64_t i = 0; i < ty.len; ++i) bytes += char(obj_get(uint32_t(w), uint64_t(i)));
        fmt_bytes(out, bytes, verb);
        return;
      }
      out += '[';
      fmt_piece(out);
      for (int64_t i = 0; i < ty.len && i < 100000; ++i) {
        if (i) { out += ' '; fmt_piece(out); }
        fmt_value(out, ty.elem, obj_get(uint32_t(w), uint64_t(i)), verb, plus, sharp, depth + 1, false);
      }
      out += ']';
      return;
    }
    case Kind::Struct: {
      const Type& ty = T.u(t);
      out += '{';
      fmt_piece(out);
      for (size_t i = 0; i < ty.fields.size(); ++i) {
        if (i) { out += ' '; fmt_piece(out); }
        if (plus) {   // writeString(name), writeByte(':')
          out += ty.fields[i].name;
          fmt_piece(out);
          out += ':';
          fmt_piece(out);
        }
        fmt_value(out, ty.fields[i].type, obj_get(uint32_t(w), i), verb, plus, sharp, depth + 1, false);
      }
      out += '}';
      return;
    }
    case Kind::Func:   // fmt prints a func's code pointer (reflect.Value.Pointer), nil as <nil>
      if (w == 0) out += "<nil>";
      else out += func_address(w);
      return;
    default: out += "?"; return;
  }
}

std::string Interpreter::fmt_print(const std::vector<TypeId>& types, const Word* args, size_t n, bool ln) const {
  std::vector<TypeId> ut;
  std::vector<Word> uw;
  if (unwrap_args(types, args, n, ut, uw)) return fmt_print(ut, uw.data(), n, ln);   // interfaces: their dynamic values
  std::string out;
  fmt_pieces_.clear();
  fmt_piece_out_ = &out;
  fmt_piece_base_ = 0;
  for (size_t i = 0; i < n; ++i) {
    fmt_pieces_.push_back(out.size());
    bool is_str = T.kind(types[i]) == Kind::String;
    if (i > 0) {
      bool prev_str = T.kind(types[i - 1]) == Kind::String;
      if (ln || (!is_str && !prev_str)) out += ' ';
    }
    fmt_value(out, types[i], args[i], 'v', false, false, 0, true);
  }
  fmt_pieces_.push_back(out.size());
  fmt_piece_out_ = nullptr;
  if (ln) out += '\n';
  fmt_pieces_.push_back(out.size());
  return out;
}

std::string Interpreter::fmt_printf(const std::string& f, const std::vector<TypeId>& types, const Word* args, size_t n, const MethodTexts* texts) const {
  std::vector<TypeId> ut;
  std::vector<Word> uw;
  if (unwrap_args(types, args, n, ut, uw)) return fmt_printf(f, ut, uw.data(), n, texts);
  auto method_text = [&](size_t a, char verb, TypeId& t, Word& w) {
    if (texts && (*texts)[a].first && std::strchr("vsqxX", verb)) { t = TypeTable::kString; w = (*texts)[a].second; }
  };
  std::string out;
  fmt_pieces_.clear();
  const gofmt::PrintfFormat pf = gofmt::parse_printf(f, n);
  // intFromArg: a width or precision from an integer argument within ±1e6
  auto int_from_arg = [&](int a, int& dst) {
    if (a < 0 || !T.is_integer(types[size_t(a)])) return false;
    const Word v = args[size_t(a)];
    if (T.is_unsigned(types[size_t(a)]) ? v > 1000000 : (int64_t(v) > 1000000 || int64_t(v) < -1000000)) return false;
    dst = int(int64_t(v));
    return true;
  };
  for (const gofmt::PrintfItem& it : pf.items) {
    if (it.lit_to > it.lit_from) {
      fmt_pieces_.push_back(out.size());   // a literal run or one verb: one append to p.buf
      out.append(f, it.lit_from, it.lit_to - it.lit_from);
    }
    if (it.what == gofmt::PrintfItem::End) break;
    fmt_pieces_.push_back(out.size());
    Spec sp;
    sp.minus = it.minus; sp.plus = it.plus; sp.sharp = it.sharp; sp.zero = it.zero; sp.space = it.space;
    sp.width = it.wid;
    sp.prec = it.prec;
    if (it.wid_star) {
      if (!int_from_arg(it.wid_arg, sp.width)) { sp.width = -1; out += "%!(BADWIDTH)"; }
      else if (sp.width < 0) { sp.width = -sp.width; sp.minus = true; sp.zero = false; }
    }
    if (it.prec_star) {
      if (!int_from_arg(it.prec_arg, sp.prec) || sp.prec < 0) { sp.prec = -1; out += "%!(BADPREC)"; }
    }
    const uint32_t verb = it.verb;
    if (it.what == gofmt::PrintfItem::NoVerb) { out += "%!(NOVERB)"; break; }
    if (it.what == gofmt::PrintfItem::Percent) { out += '%'; continue; }
    if (it.what == gofmt::PrintfItem::BadIndex || it.what == gofmt::PrintfItem::Missing) {
      out += "%!";
      append_rune(out, verb);
      out += it.what == gofmt::PrintfItem::BadIndex ? "(BADINDEX)" : "(MISSING)";
      continue;
    }
    sp.verb = verb < 128 ? char(verb) : '?';
    TypeId t = types[size_t(it.arg)];
    Word w = args[size_t(it.arg)];
    method_text(size_t(it.arg), sp.verb, t, w);
    Kind k = T.kind(t);
    std::string s;
    fmt_piece_out_ = &s;   // a composite value's pieces go onto the buffer where s will
    fmt_piece_base_ = out.size();
    bool numeric = false;
    bool bad = false;
    if ((sp.verb == 'v' || sp.verb == 's') && stringer_text(t, w, s)) {
      // a Stringer is printed as its String() text (padded like a string)
    } else switch (sp.verb) {
      case 'v':
        if (T.is_integer(t) || k == Kind::Float64) {
          numeric = true;
          if (k == Kind::Float64) s = format_float(as_f(w), 'g', sp.prec);
          else fmt_value(s, t, w, 'v', sp.plus, sp.sharp, 0, true);
          if (sp.plus && (s.empty() || s[0] != '-')) s = "+" + s;
          else if (sp.space && (s.empty() || s[0] != '-')) s = " " + s;
        } else {
          fmt_value(s, t, w, 'v', sp.plus, sp.sharp, 0, true);
        }
        break;
      case 'd': case 'b': case 'o': case 'x': case 'X': case 'c': case 'q': case 'U': {
        if (T.is_integer(t)) {
          numeric = sp.verb != 'c' && sp.verb != 'q';
          bool neg = !T.is_unsigned(t) && int64_t(w) < 0;
          uint64_t u = neg ? 0 - uint64_t(w) : uint64_t(w);
          if (sp.verb == 'c') { append_rune(s, uint32_t(w)); break; }
          if (sp.verb == 'q') { std::string r; append_rune(r, uint32_t(w)); s = "'" + r + "'"; break; }
          if (sp.verb == 'U') { s = utoa_base(u, 16, true); while (s.size() < 4) s = "0" + s; s = "U+" + s; break; }
          int base = sp.verb == 'd' ? 10 : sp.verb == 'b' ? 2 : sp.verb == 'o' ? 8 : 16;
          s = utoa_base(u, base, sp.verb == 'X');
          if (sp.prec >= 0) {
            if (sp.prec == 0 && u == 0) s.clear();
            while (int(s.size()) < sp.prec) s = "0" + s;
          }
          if (sp.sharp) {
            if (base == 16) s = (sp.verb == 'X' ? "0X" : "0x") + s;
            else if (base == 8 && s[0] != '0') s = "0" + s;
            else if (base == 2) s = "0b" + s;
          }
          if (neg) s = "-" + s;
          else if (sp.plus) s = "+" + s;
          else if (sp.space) s = " " + s;
          if (sp.prec >= 0) numeric = false;   // precision disables zero padding
        } else if (k == Kind::String && (sp.verb == 'x' || sp.verb == 'X' || sp.verb == 'q')) {
          const std::string& v = str(w);
          if (sp.verb == 'q') s = quote(v);
          else for (unsigned char ch : v) { s += "0123456789abcdef"[ch >> 4]; s += "0123456789abcdef"[ch & 15]; }
          if (sp.verb == 'X') for (char& ch : s) ch = char(toupper(ch));
        } else if (k == Kind::Float64 && (sp.verb == 'x' || sp.verb == 'X')) {
          char b[64];
          snprintf(b, sizeof b, sp.verb == 'x' ? "%a" : "%A", as_f(w));
          s = b;
        } else if ((k == Kind::Slice || k == Kind::Array || k == Kind::Map || k == Kind::Struct) && sp.verb != 'U') {
          fmt_value(s, t, w, sp.verb, sp.plus, sp.sharp, 0, true);
          if (sp.verb != 'd') bad = false;
        } else if (k == Kind::Pointer && (sp.verb == 'x' || sp.verb == 'X' || sp.verb == 'd')) {
          fmt_value(s, t, w, 'v', false, false, 1, false);
        } else {
          bad = true;
        }
        break;
      }
      case 's':
        if (k == Kind::String) s = str(w);
        else if (k == Kind::Slice || k == Kind::Array || k == Kind::Map || k == Kind::Struct || k == Kind::Pointer) fmt_value(s, t, w, 's', sp.plus, false, 0, true);
        else bad = true;
        if (!bad && sp.prec >= 0 && k == Kind::String) {
          size_t bytes = 0;
          int runes = 0;
          while (bytes < s.size() && runes < sp.prec) {
            size_t rw;
            decode_rune(s, bytes, rw);
            bytes += rw;
            ++runes;
          }
          s.resize(bytes);
        }
        break;
      case 't':
        if (k == Kind::Bool) s = w ? "true" : "false";
        else bad = true;
        break;
      case 'T':
        s = T.name(t);
        if (k == Kind::UntypedNil) s = "<nil>";
        break;
      case 'p':
        if (k == Kind::Pointer || k == Kind::Map || k == Kind::Slice) s = "0xc" + utoa_base(0x10000000ull + uint64_t(w) * 16, 16, false);
        else if (k == Kind::Func) s = w ? func_address(w) : "0x0";
        else bad = true;
        break;
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
        if (k == Kind::Float64) {
          numeric = true;
          s = format_float(as_f(w), sp.verb, sp.prec < 0 && (sp.verb == 'f' || sp.verb == 'F' || sp.verb == 'e' || sp.verb == 'E') ? 6 : sp.prec);
          if (sp.plus && s[0] != '-' && s[0] != '+') s = "+" + s;
          else if (sp.space && s[0] != '-') s = " " + s;
        } else {
          bad = true;
        }
        break;
      default:
        bad = true;
    }
    fmt_piece_out_ = nullptr;
    if (bad) {
      out += "%!";
      append_rune(out, verb);
      out += "(";
      if (k == Kind::UntypedNil) {
        out += "<nil>";
      } else {
        out += T.name(t) + "=";
        g_fmt_erroring = true;   // fmt/print.go badVerb: p.erroring stops handleMethods
        fmt_value(out, t, w, 'v', false, false, 0, true);
        g_fmt_erroring = false;
      }
      out += ")";
      continue;
    }
    pad(out, s, sp, numeric);
  }
  if (!pf.reordered && pf.next_arg < n) {
    const size_t argi = pf.next_arg;
    out += "%!(EXTRA ";
    for (size_t j = argi; j < n; ++j) {
      if (j > argi) out += ", ";
      out += T.name(types[j]) + "=";
      TypeId t = types[j];
      Word w = args[j];
      method_text(j, 'v', t, w);
      fmt_value(out, t, w, 'v', false, false, 0, true);
    }
    out += ")";
  }
  fmt_pieces_.push_back(out.size());
  return out;
}

// [SECTION] the library's pooled buffers (fmt's printers, log's buffers; sync_pool.h)
uint32_t Interpreter::pooled_get(uint32_t pool, uint64_t owner_bytes) {
  uint32_t item = 0;
  if (!sync_pools_.get(pool, [this](uint64_t size, bool noscan) { return alloc(size, noscan); }, item)) {
    if (free_pooled_.empty()) {
      item = uint32_t(pooled_bufs_.size());
      pooled_bufs_.emplace_back();
    } else {
      item = free_pooled_.back();
      free_pooled_.pop_back();
    }
    pooled_bufs_[item] = PooledBuffer{};
    pooled_bufs_[item].in_use = true;   // a root before its allocation can start a cycle
    pooled_bufs_[item].owner = alloc(owner_bytes, false);
  }
  pooled_bufs_[item].in_use = true;
  return item;
}

// pooled_append: append's growth (growslice's capacities, rounded to size classes) for each
// append that ended at ends[i], the buffer's length starting at 0 (its capacity is kept).
void Interpreter::pooled_append(uint32_t item, const std::vector<uint64_t>& ends) {
  for (uint64_t end : ends) {
    if (end <= pooled_bufs_[item].cap) continue;
    const uint64_t bytes = heap_.roundupsize(heap::Heap::growslice_cap(pooled_bufs_[item].cap, end), true);
    const heap::ObjId buf = alloc(bytes, true);
    if (status_ != VmStatus::Running) return;
    pooled_bufs_[item].buf = buf;   // a cycle alloc ran leaves pooled_bufs_'s size alone
    pooled_bufs_[item].cap = bytes;
  }
}

// pooled_put: (*pp).free and log's putBuffer drop a buffer over 64 KiB, then Put.
void Interpreter::pooled_put(uint32_t pool, uint32_t item) {
  PooledBuffer& b = pooled_bufs_[item];
  if (b.cap > 64 << 10) {
    b.buf = heap::kNil;
    b.cap = 0;
  }
  if (b.wrapped_cap > 8) {   // (*pp).free: `if cap(p.wrappedErrs) > 8 { p.wrappedErrs = nil }`
    b.wrapped = heap::kNil;
    b.wrapped_cap = 0;
  }
  b.in_use = false;
  sync_pools_.put(pool, item, [this](uint64_t size, bool noscan) { return alloc(size, noscan); });
}

void Interpreter::mark_pooled(uint32_t item, heap::Marker& m) const {
  m.mark(pooled_bufs_[item].owner);
  m.mark(pooled_bufs_[item].buf);
  m.mark(pooled_bufs_[item].wrapped);
}

void Interpreter::pooled_wrap(uint32_t item, int wraps) {
  for (uint64_t len = 1; len <= uint64_t(wraps); ++len) {
    PooledBuffer& b = pooled_bufs_[item];
    if (len <= b.wrapped_cap) continue;
    const uint64_t bytes = heap_.roundupsize(heap::Heap::growslice_cap(b.wrapped_cap, len) * 8, true);
    const heap::ObjId arr = alloc(bytes, true);
    if (status_ != VmStatus::Running) return;
    pooled_bufs_[item].wrapped = arr;
    pooled_bufs_[item].wrapped_cap = bytes / 8;
  }
}

// log_buffer_write grows log's buffer as Logger.output does (log/log.go): the header in the
// pieces formatHeader appends (the prefix; each number of the date and time and the separator
// after it; file:line), then the message in one append, then '\n' when the message lacks it.
// Up to Go 1.20 into the Logger's own l.buf; from 1.21 into a buffer from bufferPool.
void Interpreter::log_buffer_write(const std::string& header, uint64_t message_len, bool adds_newline) {
  std::vector<uint64_t> ends;
  for (size_t i = 0; i < header.size(); ++i)
    if (std::strchr("/: .", header[i]) || i + 1 == header.size()) ends.push_back(i + 1);
  ends.push_back(header.size() + message_len);
  if (adds_newline) ends.push_back(header.size() + message_len + 1);
  if (!profile_.library.log_buffer_pool) {
    if (std_logger_buf_ == ~0u) {
      std_logger_buf_ = uint32_t(pooled_bufs_.size());
      pooled_bufs_.push_back(PooledBuffer{heap::kNil, heap::kNil, 0, /*in_use=*/true});   // for ever
    }
    pooled_append(std_logger_buf_, ends);
    return;
  }
  const uint32_t item = pooled_get(log_buffers_, 24);   // bufferPool.New: new([]byte)
  if (status_ != VmStatus::Running) return;
  pooled_append(item, ends);
  if (status_ != VmStatus::Running) return;
  pooled_put(log_buffers_, item);
}

// box_args allocates what converting the non-constant arguments to interface{} costs
// (runtime/iface.go): convT64/32/16 allocate unless the value is < 256 (staticuint64s),
// convTstring 16 B for a non-empty string, convTslice 24 B, convT the value's size for
// structs and arrays; pointers, maps and bytes/bools are free.
void Interpreter::box_args(const CallSite& cs, const Word* args, size_t first) {
  for (size_t i = first; i < cs.arg_types.size(); ++i) {
    TypeId t = cs.arg_types[i];
    const Type& ty = T.u(t);
    Word w = args[i];
    // a constant (or, Go 1.25+, a local's static constant) is boxed as read-only data
    const bool boxed_static = cs.arg_const[i] || (cs.arg_static[i] && profile_.static_local_literals);
    switch (boxed_static ? Kind::Invalid : ty.kind) {
      case Kind::Int: case Kind::Int64: case Kind::Uint: case Kind::Uint64: case Kind::Uintptr:
      case Kind::Float64: case Kind::Int32: case Kind::Uint32: case Kind::Int16: case Kind::Uint16: {
        uint64_t u = w;
        if (ty.size == 4) u = uint32_t(w);
        if (ty.size == 2) u = uint16_t(w);
        if (u >= 256) alloc(ty.size, true);
        break;
      }
      case Kind::String:
        if (!str(w).empty()) alloc(16, false);
        break;
      case Kind::Slice:
        if (w) alloc(24, false);
        break;
      case Kind::Struct: case Kind::Array:
        if (ty.size) alloc(ty.size, !ty.ptrs);
        break;
      default: break;
    }
    // fmt then calls String() on a Duration (string(buf[n:]), a new string) or a Time
    // (time_string_alloc); taken as printed with %v or %s.
    std::string text;
    if (t == prog_.time_type) {
      stringer_text(t, w, text);
      time_string_alloc(text);
    } else if (stringer_text(t, w, text) && text != "0s") {
      alloc(text.size(), true);
    }
  }
}

}  // namespace lang
