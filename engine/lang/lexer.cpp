// lexer.cpp — go/scanner for the subset: literals, operators, keywords, semicolon insertion.
#include "engine/lang/lexer.h"

#include <cstring>

namespace lang {

namespace {

struct Kw { const char* s; Tok t; };
const Kw kKeywords[] = {
    {"break", Tok::Break}, {"case", Tok::Case}, {"chan", Tok::Chan}, {"const", Tok::Const},
    {"continue", Tok::Continue}, {"default", Tok::Default}, {"defer", Tok::Defer},
    {"else", Tok::Else}, {"fallthrough", Tok::Fallthrough}, {"for", Tok::For},
    {"func", Tok::Func}, {"go", Tok::Go}, {"goto", Tok::Goto}, {"if", Tok::If},
    {"import", Tok::Import}, {"interface", Tok::Interface}, {"map", Tok::Map},
    {"package", Tok::Package}, {"range", Tok::Range}, {"return", Tok::Return},
    {"select", Tok::Select}, {"struct", Tok::Struct}, {"switch", Tok::Switch},
    {"type", Tok::Type}, {"var", Tok::Var},
};

struct Op { const char* s; Tok t; };
// Longest first so that greedy matching picks "&^=" before "&^" before "&".
const Op kOps[] = {
    {"&^=", Tok::AndNotAssign}, {"<<=", Tok::ShlAssign}, {">>=", Tok::ShrAssign},
    {"...", Tok::Ellipsis}, {"&^", Tok::AndNot}, {"+=", Tok::AddAssign},
    {"-=", Tok::SubAssign}, {"*=", Tok::MulAssign}, {"/=", Tok::QuoAssign},
    {"%=", Tok::RemAssign}, {"&=", Tok::AndAssign}, {"|=", Tok::OrAssign},
    {"^=", Tok::XorAssign}, {"<<", Tok::Shl}, {">>", Tok::Shr}, {"&&", Tok::LAnd},
    {"||", Tok::LOr}, {"<-", Tok::Arrow}, {"++", Tok::Inc}, {"--", Tok::Dec},
    {"==", Tok::Eql}, {"!=", Tok::Neq}, {"<=", Tok::Leq}, {">=", Tok::Geq},
    {":=", Tok::Define}, {"+", Tok::Add}, {"-", Tok::Sub}, {"*", Tok::Mul},
    {"/", Tok::Quo}, {"%", Tok::Rem}, {"&", Tok::And}, {"|", Tok::Or}, {"^", Tok::Xor},
    {"<", Tok::Lss}, {">", Tok::Gtr}, {"=", Tok::Assign}, {"!", Tok::Not},
    {"(", Tok::LParen}, {"[", Tok::LBrack}, {"{", Tok::LBrace}, {",", Tok::Comma},
    {".", Tok::Period}, {")", Tok::RParen}, {"]", Tok::RBrack}, {"}", Tok::RBrace},
    {";", Tok::Semicolon}, {":", Tok::Colon}, {"~", Tok::Tilde},
};

bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_hex(unsigned char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int hexval(unsigned char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

void append_utf8(std::string& s, uint32_t r) {
  if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  if (r < 0x80) { s += char(r); }
  else if (r < 0x800) { s += char(0xC0 | (r >> 6)); s += char(0x80 | (r & 0x3F)); }
  else if (r < 0x10000) { s += char(0xE0 | (r >> 12)); s += char(0x80 | ((r >> 6) & 0x3F)); s += char(0x80 | (r & 0x3F)); }
  else { s += char(0xF0 | (r >> 18)); s += char(0x80 | ((r >> 12) & 0x3F)); s += char(0x80 | ((r >> 6) & 0x3F)); s += char(0x80 | (r & 0x3F)); }
}

bool needs_semicolon(Tok t) {
  switch (t) {
    case Tok::Ident: case Tok::Int: case Tok::Float: case Tok::String: case Tok::Char:
    case Tok::Break: case Tok::Continue: case Tok::Fallthrough: case Tok::Return:
    case Tok::Inc: case Tok::Dec: case Tok::RParen: case Tok::RBrack: case Tok::RBrace:
      return true;
    default:
      return false;
  }
}

class Lexer {
 public:
  Lexer(std::string_view src, std::vector<Token>& out, Error& err, int first_line) : s_(src), out_(out), err_(err), line_(first_line) {}

  bool run() {
    while (true) {
      skip_space();
      if (failed_) return false;
      if (i_ >= s_.size()) {
        tok_pos_ = pos();
        if (!out_.empty() && needs_semicolon(out_.back().kind)) push(Tok::Semicolon, "newline");
        push(Tok::Eof, "");
        return true;
      }
      if (!token()) return false;
    }
  }

 private:
  Pos pos() const { return Pos{line_, int(i_ - line_start_) + 1}; }
  void push(Tok t, std::string text) { out_.push_back(Token{t, tok_pos_, std::move(text)}); }
  bool fail(Pos p, std::string msg) {
    err_.pos = p;
    err_.msg = std::move(msg);
    failed_ = true;
    return false;
  }
  void newline() {
    ++line_;
    line_start_ = i_;
  }

  void skip_space() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\n') {
        if (!out_.empty() && needs_semicolon(out_.back().kind)) {
          tok_pos_ = pos();
          push(Tok::Semicolon, "newline");
        }
        ++i_;
        newline();
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++i_;
      } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '/') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '*') {
        Pos start = pos();
        i_ += 2;
        bool had_newline = false;
        while (i_ + 1 < s_.size() && !(s_[i_] == '*' && s_[i_ + 1] == '/')) {
          if (s_[i_] == '\n') {
            had_newline = true;
            ++i_;
            newline();
          } else {
            ++i_;
          }
        }
        if (i_ + 1 >= s_.size()) { fail(start, "comment not terminated"); return; }
        i_ += 2;
        // A general comment containing newlines acts like a newline.
        if (had_newline && !out_.empty() && needs_semicolon(out_.back().kind)) {
          tok_pos_ = start;
          push(Tok::Semicolon, "newline");
        }
      } else {
        break;
      }
    }
  }

  bool token() {
    tok_pos_ = pos();
    unsigned char c = static_cast<unsigned char>(s_[i_]);
    if (is_letter(c)) {
      size_t st = i_;
      while (i_ < s_.size() && (is_letter(static_cast<unsigned char>(s_[i_])) || is_digit(static_cast<unsigned char>(s_[i_])))) ++i_;
      std::string word(s_.substr(st, i_ - st));
      for (const Kw& k : kKeywords)
        if (word == k.s) { push(k.t, word); return true; }
      push(Tok::Ident, word);
      return true;
    }
    if (is_digit(c) || (c == '.' && i_ + 1 < s_.size() && is_digit(static_cast<unsigned char>(s_[i_ + 1])))) return number();
    if (c == '"') return string_lit();
    if (c == '`') return raw_string();
    if (c == '\'') return char_lit();
    for (const Op& op : kOps) {
      size_t n = std::strlen(op.s);
      if (s_.substr(i_, n) == op.s) {
        i_ += n;
        push(op.t, op.s);
        return true;
      }
    }
    return fail(tok_pos_, std::string("invalid character ") + quote_char(c));
  }

  static std::string quote_char(unsigned char c) {
    if (c >= 0x20 && c < 0x7f) return std::string("U+00") + "0123456789ABCDEF"[c >> 4] + "0123456789ABCDEF"[c & 15] + " '" + char(c) + "'";
    std::string s = "U+00";
    s += "0123456789ABCDEF"[c >> 4];
    s += "0123456789ABCDEF"[c & 15];
    return s;
  }

  bool number() {
    size_t st = i_;
    bool is_float = false;
    if (s_[i_] == '0' && i_ + 1 < s_.size() && (s_[i_ + 1] == 'x' || s_[i_ + 1] == 'X' || s_[i_ + 1] == 'b' || s_[i_ + 1] == 'B' || s_[i_ + 1] == 'o' || s_[i_ + 1] == 'O')) {
      i_ += 2;
      while (i_ < s_.size() && (is_hex(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
    } else {
      while (i_ < s_.size() && (is_digit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
      if (i_ < s_.size() && s_[i_] == '.') {
        is_float = true;
        ++i_;
        while (i_ < s_.size() && (is_digit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
      }
      if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
        is_float = true;
        ++i_;
        if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
        if (i_ >= s_.size() || !is_digit(static_cast<unsigned char>(s_[i_]))) return fail(tok_pos_, "exponent has no digits");
        while (i_ < s_.size() && is_digit(static_cast<unsigned char>(s_[i_]))) ++i_;
      }
    }
    if (i_ < s_.size() && is_letter(static_cast<unsigned char>(s_[i_])))
      return fail(tok_pos_, "invalid digit in numeric literal");
    push(is_float ? Tok::Float : Tok::Int, std::string(s_.substr(st, i_ - st)));
    return true;
  }

  // escape decodes one escape sequence after '\'; quote is the enclosing quote.
  bool escape(std::string& out, char quote) {
    Pos p = pos();
    if (i_ >= s_.size()) return fail(p, "escape sequence not terminated");
    char c = s_[i_++];
    switch (c) {
      case 'a': out += '\a'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'v': out += '\v'; return true;
      case '\\': out += '\\'; return true;
      case '\'': case '"':
        if (c != quote) return fail(p, "unknown escape sequence");
        out += c;
        return true;
      case 'x': case 'u': case 'U': {
        int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        uint32_t v = 0;
        for (int k = 0; k < n; ++k) {
          if (i_ >= s_.size() || !is_hex(static_cast<unsigned char>(s_[i_]))) return fail(p, "invalid escape sequence");
          v = v * 16 + uint32_t(hexval(static_cast<unsigned char>(s_[i_++])));
        }
        if (c == 'x') out += char(v);
        else append_utf8(out, v);
        return true;
      }
      default:
        if (c >= '0' && c <= '7') {
          uint32_t v = uint32_t(c - '0');
          for (int k = 0; k < 2; ++k) {
            if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '7') return fail(p, "invalid escape sequence");
            v = v * 8 + uint32_t(s_[i_++] - '0');
          }
          if (v > 255) return fail(p, "octal escape value > 255");
          out += char(v);
          return true;
        }
        return fail(p, "unknown escape sequence");
    }
  }

  bool string_lit() {
    ++i_;
    std::string v;
    while (true) {
      if (i_ >= s_.size() || s_[i_] == '\n') return fail(tok_pos_, "string literal not terminated");
      char c = s_[i_++];
      if (c == '"') break;
      if (c == '\\') {
        if (!escape(v, '"')) return false;
      } else {
        v += c;
      }
    }
    push(Tok::String, std::move(v));
    return true;
  }

  bool raw_string() {
    ++i_;
    std::string v;
    while (true) {
      if (i_ >= s_.size()) return fail(tok_pos_, "raw string literal not terminated");
      char c = s_[i_++];
      if (c == '`') break;
      if (c == '\r') continue;
      v += c;
      if (c == '\n') newline();
    }
    push(Tok::String, std::move(v));
    return true;
  }

  bool char_lit() {
    ++i_;
    std::string v;
    if (i_ >= s_.size() || s_[i_] == '\n') return fail(tok_pos_, "rune literal not terminated");
    uint32_t r = 0;
    if (s_[i_] == '\\') {
      ++i_;
      char e = i_ < s_.size() ? s_[i_] : 0;
      if (!escape(v, '\'')) return false;
      if (e == 'u' || e == 'U') {
        r = decode(v);
      } else {
        r = static_cast<unsigned char>(v[0]);
      }
    } else if (s_[i_] == '\'') {
      return fail(tok_pos_, "empty rune literal or unescaped ' in rune literal");
    } else {
      size_t st = i_;
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      i_ = std::min(s_.size(), i_ + n);
      r = decode(std::string(s_.substr(st, i_ - st)));
    }
    if (i_ >= s_.size() || s_[i_] != '\'') return fail(tok_pos_, "rune literal not terminated");
    ++i_;
    push(Tok::Char, std::to_string(r));
    return true;
  }

  static uint32_t decode(const std::string& s) {
    if (s.empty()) return 0xFFFD;
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) return c;
    int n = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    uint32_t r = c & (0x3F >> n);
    for (int k = 1; k <= n; ++k) {
      if (size_t(k) >= s.size()) return 0xFFFD;
      r = (r << 6) | (static_cast<unsigned char>(s[size_t(k)]) & 0x3F);
    }
    return r;
  }

  std::string_view s_;
  std::vector<Token>& out_;
  Error& err_;
  size_t i_ = 0, line_start_ = 0;
  int line_;
  Pos tok_pos_;
  bool failed_ = false;
};

}  // namespace

const char* tok_string(Tok t) {
  switch (t) {
    case Tok::Eof: return "EOF";
    case Tok::Ident: return "name";
    case Tok::Int: case Tok::Float: case Tok::String: case Tok::Char: return "literal";
    case Tok::Semicolon: return "newline";
    default: break;
  }
  for (const Op& op : kOps)
    if (op.t == t) return op.s;
  for (const Kw& k : kKeywords)
    if (k.t == t) return k.s;
  return "?";
}

bool lex(std::string_view src, std::vector<Token>& out, Error& err, int first_line) {
  out.clear();
  Lexer l(src, out, err, first_line);
  return l.run();
}

}  // namespace lang
