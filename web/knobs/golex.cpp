// golex.cpp — see golex.h.
#include "web/knobs/golex.h"

#include <array>
#include <cctype>
#include <cstring>

namespace golex {

namespace {

constexpr std::array<std::string_view, 25> kKeywords = {
    "break",  "case",   "chan",   "const", "continue", "default", "defer",
    "else",   "fallthrough", "for", "func", "go",      "goto",    "if",
    "import", "interface", "map",  "package", "range", "return",  "select",
    "struct", "switch", "type",   "var"};

constexpr std::array<std::string_view, 22> kTypes = {
    "bool",   "byte",   "complex64", "complex128", "error",  "float32", "float64",
    "int",    "int8",   "int16",     "int32",      "int64",  "rune",    "string",
    "uint",   "uint8",  "uint16",    "uint32",     "uint64", "uintptr", "any",
    "comparable"};   // a constraint, coloured as the predeclared type it is

constexpr std::array<std::string_view, 18> kBuiltins = {
    "append", "cap",   "clear", "close", "complex", "copy", "delete", "imag", "len",
    "make",   "max",   "min",   "new",   "panic",   "print", "println", "real", "recover"};

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }
bool ident_char(char c) { return ident_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

// Longest operators first so that "<<=" wins over "<<" and "<".
constexpr std::array<std::string_view, 48> kOps = {
    "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=",
    "+=",  "-=",  "*=",  "/=",  "%=", "&=", "|=", "^=", "<<", ">>", "&^", "+",  "-",  "*",
    "/",   "%",   "&",   "|",   "^",  "<",  ">",  "=",  "!",  "~",  "(",  ")",  "[",  "]",
    "{",   "}",   ",",   ";",   ".",  ":"};

}  // namespace

bool is_predeclared_type(std::string_view name) {
  for (auto t : kTypes)
    if (t == name) return true;
  return false;
}

bool is_builtin(std::string_view name) {
  for (auto t : kBuiltins)
    if (t == name) return true;
  return false;
}

std::vector<Token> lex(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  int line = 1;
  auto push = [&](Tok k, size_t start, size_t end, int ln) {
    out.push_back(Token{k, static_cast<uint32_t>(start), static_cast<uint32_t>(end - start), ln});
  };
  while (i < s.size()) {
    const char c = s[i];
    const size_t start = i;
    const int start_line = line;
    if (c == '\n') {
      push(Tok::Newline, i, i + 1, line);
      ++line;
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
      push(Tok::Comment, start, i, start_line);
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      i += 2;
      while (i < s.size() && !(s[i] == '*' && i + 1 < s.size() && s[i + 1] == '/')) {
        if (s[i] == '\n') ++line;
        ++i;
      }
      i = i < s.size() ? i + 2 : i;
      push(Tok::Comment, start, i, start_line);
    } else if (c == '"' || c == '\'') {
      ++i;
      while (i < s.size() && s[i] != c && s[i] != '\n') i += (s[i] == '\\' && i + 1 < s.size()) ? 2 : 1;
      if (i < s.size() && s[i] == c) ++i;
      push(Tok::String, start, i, start_line);
    } else if (c == '`') {
      ++i;
      while (i < s.size() && s[i] != '`') {
        if (s[i] == '\n') ++line;
        ++i;
      }
      if (i < s.size()) ++i;
      push(Tok::String, start, i, start_line);
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      bool is_float = false;
      if (c == '0' && i + 1 < s.size() && std::strchr("xXoObB", s[i + 1]) && s[i + 1] != '\0') {
        i += 2;
        while (i < s.size() && (std::isxdigit(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
      } else {
        while (i < s.size()) {
          char d = s[i];
          if (std::isdigit(static_cast<unsigned char>(d)) || d == '_') {
            ++i;
          } else if (d == '.' || d == 'e' || d == 'E') {
            is_float = true;
            ++i;
            if ((d == 'e' || d == 'E') && i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
          } else {
            break;
          }
        }
      }
      push(is_float ? Tok::Float : Tok::Int, start, i, start_line);
    } else if (ident_start(c)) {
      while (i < s.size() && ident_char(s[i])) ++i;
      std::string_view word = s.substr(start, i - start);
      bool kw = false;
      for (auto k : kKeywords)
        if (k == word) kw = true;
      push(kw ? Tok::Keyword : Tok::Ident, start, i, start_line);
    } else {
      size_t n = 1;
      for (auto op : kOps) {
        if (s.substr(i, op.size()) == op) {
          n = op.size();
          break;
        }
      }
      i += n;
      push(Tok::Punct, start, i, start_line);
    }
  }
  return out;
}

bool parse_int(std::string_view lit, int64_t& out) {
  int base = 10;
  size_t i = 0;
  if (lit.size() > 1 && lit[0] == '0') {
    char p = lit[1];
    if (p == 'x' || p == 'X') base = 16, i = 2;
    else if (p == 'o' || p == 'O') base = 8, i = 2;
    else if (p == 'b' || p == 'B') base = 2, i = 2;
    else base = 8, i = 1;   // legacy octal 0755
  }
  uint64_t v = 0;
  bool any = false;
  for (; i < lit.size(); ++i) {
    char c = lit[i];
    if (c == '_') continue;
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    if (d >= base) return false;
    if (v > (static_cast<uint64_t>(INT64_MAX) - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) return false;
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    any = true;
  }
  if (!any) {
    if (lit == "0") { out = 0; return true; }
    return false;
  }
  out = static_cast<int64_t>(v);
  return true;
}

}  // namespace golex
