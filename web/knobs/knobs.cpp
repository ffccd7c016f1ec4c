// knobs.cpp — see knobs.h.
#include "web/knobs/knobs.h"

#include <algorithm>
#include <cctype>

#include "web/knobs/golex.h"
#include "web/strcat.h"

namespace knobs {

namespace {

using golex::Tok;
using golex::Token;

struct Cursor {
  std::string_view src;
  std::vector<Token> toks;   // without comments
  std::string_view text(size_t i) const {
    return i < toks.size() ? src.substr(toks[i].pos, toks[i].len) : std::string_view{};
  }
  bool is(size_t i, Tok k, std::string_view t = {}) const {
    return i < toks.size() && toks[i].kind == k && (t.empty() || text(i) == t);
  }
};

// skip_type returns the index just past the type that starts at token i (i when none).
size_t skip_type(const Cursor& c, size_t i, int depth = 0) {
  if (depth > 32 || i >= c.toks.size()) return i;
  if (c.is(i, Tok::Punct, "*")) return skip_type(c, i + 1, depth + 1);
  if (c.is(i, Tok::Punct, "[")) {
    size_t j = i + 1;
    while (j < c.toks.size() && !c.is(j, Tok::Punct, "]") && !c.is(j, Tok::Newline)) ++j;
    if (!c.is(j, Tok::Punct, "]")) return i;
    size_t e = skip_type(c, j + 1, depth + 1);
    return e == j + 1 ? i : e;
  }
  if (c.is(i, Tok::Keyword, "map")) {
    if (!c.is(i + 1, Tok::Punct, "[")) return i;
    size_t k = skip_type(c, i + 2, depth + 1);
    if (k == i + 2 || !c.is(k, Tok::Punct, "]")) return i;
    size_t e = skip_type(c, k + 1, depth + 1);
    return e == k + 1 ? i : e;
  }
  if (c.is(i, Tok::Keyword, "chan")) return skip_type(c, i + 1, depth + 1);
  if (c.is(i, Tok::Keyword, "struct") || c.is(i, Tok::Keyword, "interface")) {
    if (!c.is(i + 1, Tok::Punct, "{")) return i;
    int level = 0;
    for (size_t j = i + 1; j < c.toks.size(); ++j) {
      if (c.is(j, Tok::Punct, "{")) ++level;
      if (c.is(j, Tok::Punct, "}") && --level == 0) return j + 1;
    }
    return i;
  }
  if (c.is(i, Tok::Ident)) {
    if (c.is(i + 1, Tok::Punct, ".") && c.is(i + 2, Tok::Ident)) return i + 3;
    return i + 1;
  }
  return i;
}

bool count_like(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char ch) { return std::tolower(ch); });
  for (const char* w : {"n", "count", "cnt", "num", "entries", "elements", "items", "keys", "size",
                        "hint", "peak", "total", "rounds", "iterations", "loops"}) {
    if (n == w || (n.size() > 3 && n.find(w) != std::string::npos && std::string_view(w).size() > 2))
      return true;
  }
  return false;
}

void set_range(IntKnob& k) {
  const int64_t v = k.value;
  k.log_scale = v >= 1000 || (count_like(k.name) && v >= 16);
  if (k.log_scale) {
    k.lo = 1;
    k.hi = std::max<int64_t>(64, std::min<int64_t>(v * 4, 100'000'000));
    if (v > k.hi) k.hi = v;
  } else {
    k.lo = v < 0 ? v * 4 : 0;
    k.hi = std::max<int64_t>(16, v * 4);
  }
}

using web::cat;

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return std::string(s.substr(a, b - a));
}

// Source text of tokens [a, b), with inner whitespace collapsed to one space where it was.
std::string span_text(const Cursor& c, size_t a, size_t b) {
  if (a >= b) return {};
  const uint32_t from = c.toks[a].pos, to = c.toks[b - 1].pos + c.toks[b - 1].len;
  return std::string(c.src.substr(from, to - from));
}

}  // namespace

bool TypeSpec::operator==(const TypeSpec& o) const {
  return kind == o.kind && n == o.n && (kind != Other || text == o.text);
}

TypeSpec parse_type(std::string_view text) {
  TypeSpec t;
  std::string s = trim(text);
  std::string compact;
  for (char ch : s)
    if (ch != ' ' && ch != '\t') compact += ch;
  auto array_n = [](std::string_view a, int64_t& n) {
    // "[N]byte" or "[N]uint8"
    if (a.size() < 3 || a[0] != '[') return false;
    size_t close = a.find(']');
    if (close == std::string_view::npos) return false;
    std::string_view elem = a.substr(close + 1);
    if (elem != "byte" && elem != "uint8") return false;
    return golex::parse_int(a.substr(1, close - 1), n) && n >= 0;
  };
  int64_t n = 0;
  if (compact == "int" || compact == "int64") {
    t.kind = TypeSpec::Int;
  } else if (compact == "string") {
    t.kind = TypeSpec::String;
  } else if (array_n(compact, n)) {
    t.kind = TypeSpec::ByteArray;
    t.n = n;
  } else if (!compact.empty() && compact[0] == '*' && array_n(std::string_view(compact).substr(1), n)) {
    t.kind = TypeSpec::PtrByteArray;
    t.n = n;
  } else if (compact.rfind("struct{", 0) == 0 && compact.back() == '}') {
    // struct{ a, b, c int }: count the int fields; anything else is Other.
    std::string body = compact.substr(7, compact.size() - 8);
    if (body.size() > 3 && body.substr(body.size() - 3) == "int") {
      std::string names = body.substr(0, body.size() - 3);
      t.kind = TypeSpec::Struct;
      t.n = 1 + static_cast<int64_t>(std::count(names.begin(), names.end(), ','));
    } else {
      t.kind = TypeSpec::Other;
      t.text = s;
    }
  } else {
    t.kind = TypeSpec::Other;
    t.text = s;
  }
  return t;
}

std::string type_text(const TypeSpec& t) {
  switch (t.kind) {
    case TypeSpec::Int: return "int";
    case TypeSpec::String: return "string";
    case TypeSpec::ByteArray: return cat({"[", std::to_string(t.n), "]byte"});
    case TypeSpec::PtrByteArray: return cat({"*[", std::to_string(t.n), "]byte"});
    case TypeSpec::Struct: {
      std::string s = "struct{ ";
      const int64_t n = std::clamp<int64_t>(t.n, 1, 26);
      for (int64_t i = 0; i < n; ++i) {
        if (i) s += ", ";
        s += static_cast<char>('a' + i);
      }
      s.append(" int }");
      return s;
    }
    case TypeSpec::Other: return t.text;
  }
  return t.text;
}

std::string zero_value(const TypeSpec& t) {
  switch (t.kind) {
    case TypeSpec::Int: return "0";
    case TypeSpec::String: return "\"\"";
    case TypeSpec::ByteArray: return cat({type_text(t), "{}"});
    case TypeSpec::PtrByteArray: return cat({"new([", std::to_string(t.n), "]byte)"});
    case TypeSpec::Struct: return cat({type_text(t), "{}"});
    case TypeSpec::Other: return cat({t.text, "{}"});
  }
  return "0";
}

std::string format_int(int64_t v, bool underscores) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  if (underscores && digits.size() > 3) {
    std::string out;
    const size_t lead = digits.size() % 3;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i != 0 && (i - lead) % 3 == 0 && i >= lead) out += '_';
      out += digits[i];
    }
    digits = out;
  }
  return v < 0 ? cat({"-", digits}) : digits;
}

Knobs extract(std::string_view src) {
  Cursor c{src, {}};
  for (const Token& t : golex::lex(src))
    if (t.kind != Tok::Comment) c.toks.push_back(t);
  Knobs out;
  auto add_int = [&](std::string_view name, size_t lit, bool is_const) {
    int64_t v = 0;
    if (!golex::parse_int(c.text(lit), v)) return;
    for (const IntKnob& k : out.ints)
      if (k.name == name) return;   // first definition wins (shadowing is rare in presets)
    IntKnob k;
    k.name = std::string(name);
    k.value = v;
    k.pos = c.toks[lit].pos;
    k.len = c.toks[lit].len;
    k.line = c.toks[lit].line;
    k.is_const = is_const;
    k.underscores = c.text(lit).find('_') != std::string_view::npos;
    set_range(k);
    out.ints.push_back(std::move(k));
  };
  // A literal counts only when the expression is exactly that literal (up to ';', newline, ')').
  auto lone_literal = [&](size_t i) {
    return c.is(i, Tok::Int) &&
           (i + 1 >= c.toks.size() || c.is(i + 1, Tok::Newline) || c.is(i + 1, Tok::Punct, ";") ||
            c.is(i + 1, Tok::Punct, ")"));
  };
  bool in_const_block = false;
  for (size_t i = 0; i < c.toks.size(); ++i) {
    // const ( … ) blocks
    if (c.is(i, Tok::Keyword, "const") && c.is(i + 1, Tok::Punct, "(")) {
      in_const_block = true;
      ++i;
      continue;
    }
    if (in_const_block && c.is(i, Tok::Punct, ")")) in_const_block = false;
    const bool line_start = i == 0 || c.is(i - 1, Tok::Newline) || c.is(i - 1, Tok::Punct, ";");
    if (c.is(i, Tok::Keyword, "const") || c.is(i, Tok::Keyword, "var") ||
        (in_const_block && line_start && c.is(i, Tok::Ident))) {
      const bool is_const = !c.is(i, Tok::Keyword, "var");
      size_t j = c.is(i, Tok::Ident) ? i : i + 1;
      if (!c.is(j, Tok::Ident)) continue;
      size_t eq = j + 1;
      if (!c.is(eq, Tok::Punct, "=")) eq = skip_type(c, j + 1);   // optional type
      if (c.is(eq, Tok::Punct, "=") && lone_literal(eq + 1)) add_int(c.text(j), eq + 1, is_const);
      continue;
    }
    if (c.is(i, Tok::Ident) && c.is(i + 1, Tok::Punct, ":=") && lone_literal(i + 2)) {
      const bool in_for = i > 0 && c.is(i - 1, Tok::Keyword, "for");
      int64_t v = 0;
      golex::parse_int(c.text(i + 2), v);
      if (!in_for && v != 0) add_int(c.text(i), i + 2, false);
    }
  }
  // map types
  for (size_t i = 0; i < c.toks.size(); ++i) {
    if (!c.is(i, Tok::Keyword, "map") || !c.is(i + 1, Tok::Punct, "[")) continue;
    size_t kend = skip_type(c, i + 2);
    if (kend == i + 2 || !c.is(kend, Tok::Punct, "]")) continue;
    size_t end = skip_type(c, kend + 1);
    if (end == kend + 1) continue;
    std::string key_text = span_text(c, i + 2, kend);
    std::string elem_text = span_text(c, kend + 1, end);
    std::string whole = span_text(c, i, end);
    const size_t pos = c.toks[i].pos;
    const size_t len = c.toks[end - 1].pos + c.toks[end - 1].len - pos;
    TypeSpec key = parse_type(key_text), elem = parse_type(elem_text);
    auto it = std::find_if(out.maps.begin(), out.maps.end(), [&](const MapKnob& m) {
      return m.key == key && m.elem == elem;
    });
    if (it == out.maps.end()) {
      MapKnob m;
      m.text = whole;
      m.key_text = key_text;
      m.elem_text = elem_text;
      m.key = key;
      m.elem = elem;
      m.line = c.toks[i].line;
      out.maps.push_back(std::move(m));
      it = out.maps.end() - 1;
    }
    it->spans.emplace_back(pos, len);
    i = end - 1;   // nested map types in the elem are part of this knob
  }
  return out;
}

std::string set_int(std::string_view src, const IntKnob& k, int64_t v) {
  if (k.pos + k.len > src.size()) return std::string(src);
  std::string out(src.substr(0, k.pos));
  out += format_int(v, k.underscores);
  out += src.substr(k.pos + k.len);
  return out;
}


namespace {

// key_expr turns an int expression into a key of type t, so that `m[i]` still compiles after
// the key picker changes: strconv.Itoa(i), [N]byte{byte(i), …}, &[N]byte{…}, struct{…}{i, 0}.
std::string key_expr(const TypeSpec& t, std::string_view e) {
  const std::string x(e);
  switch (t.kind) {
    case TypeSpec::String: return cat({"strconv.Itoa(", x, ")"});
    case TypeSpec::ByteArray:
    case TypeSpec::PtrByteArray: {
      std::string s = cat({t.kind == TypeSpec::PtrByteArray ? "&[" : "[", std::to_string(t.n), "]byte{"});
      const int64_t k = std::min<int64_t>(t.n, 4);
      for (int64_t i = 0; i < k; ++i) {
        if (i) s.append(", ");
        s.append(i == 0 ? cat({"byte(", x, ")"}) : cat({"byte((", x, ") >> ", std::to_string(8 * i), ")"}));
      }
      s.append("}");
      return s;
    }
    case TypeSpec::Struct: {
      std::string s = cat({type_text(t), "{", x});
      for (int64_t i = 1; i < std::clamp<int64_t>(t.n, 1, 26); ++i) s.append(", 0");
      s.append("}");
      return s;
    }
    default: return x;
  }
}

// int_expr undoes key_expr: the int expression inside a key written by key_expr, or e itself
// when e is not such a key (then it is left alone).
std::string int_expr(const TypeSpec& t, std::string_view e, bool* ok) {
  *ok = true;
  if (t.kind == TypeSpec::Int) return std::string(e);
  const std::string ks = key_expr(t, "\x01");   // the wrapper with a marker for the int expr
  const size_t at = ks.find('\x01');
  const std::string_view pre = std::string_view(ks).substr(0, at);
  if (e.substr(0, pre.size()) == pre && e.size() > pre.size()) {
    // take the balanced expression after the prefix
    int depth = 0;
    size_t i = pre.size();
    for (; i < e.size(); ++i) {
      const char c = e[i];
      if (c == '(' || c == '[' || c == '{') ++depth;
      else if (c == ')' || c == ']' || c == '}' || c == ',') {
        if (depth == 0) break;
        if (c != ',') --depth;
      }
    }
    const std::string inner(e.substr(pre.size(), i - pre.size()));
    if (key_expr(t, inner) == e) return inner;   // only a wrapper key_expr wrote is undone
  }
  *ok = false;
  return std::string(e);
}

// map_names finds the variables (and parameters) declared with one of the spans' map type.
std::vector<std::string> map_names(const Cursor& c, const std::vector<std::pair<size_t, size_t>>& spans) {
  std::vector<std::string> names;
  for (auto [pos, len] : spans) {
    size_t i = 0;
    while (i < c.toks.size() && c.toks[i].pos < pos) ++i;
    if (i >= c.toks.size() || c.toks[i].pos != pos) continue;
    size_t j = i;
    // make(map…) or map…{}: step back over "make (" to the assignment
    if (j >= 2 && c.is(j - 1, Tok::Punct, "(") && c.is(j - 2, Tok::Ident, "make")) j -= 2;
    std::string name;
    if (j >= 2 && (c.is(j - 1, Tok::Punct, ":=") || c.is(j - 1, Tok::Punct, "=")) && c.is(j - 2, Tok::Ident))
      name = std::string(c.text(j - 2));
    else if (j >= 1 && c.is(j - 1, Tok::Ident) && c.text(j - 1) != "make")   // var m map… / param
      name = std::string(c.text(j - 1));
    if (!name.empty() && name != "_" && std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(name);
  }
  return names;
}

// fix_strconv_import adds or drops the "strconv" import to match the program's use of it.
std::string fix_strconv_import(const std::string& src) {
  std::vector<Token> toks;
  for (const Token& t : golex::lex(src))
    if (t.kind != Tok::Comment && t.kind != Tok::Newline) toks.push_back(t);
  auto text = [&](size_t i) { return std::string_view(src).substr(toks[i].pos, toks[i].len); };
  bool used = false;
  size_t imp = SIZE_MAX, decl = SIZE_MAX;
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    if (text(i) == "strconv" && text(i + 1) == ".") used = true;
    if (text(i) == "\"strconv\"") imp = i;
    if (text(i) == "import" && decl == SIZE_MAX) decl = i;
  }
  if (imp != SIZE_MAX && !used) {
    // drop the import spec and its line
    size_t a = toks[imp].pos, b = a + toks[imp].len;
    while (a > 0 && (src[a - 1] == ' ' || src[a - 1] == '\t')) --a;
    if (b < src.size() && src[b] == '\n') ++b;
    std::string out = src.substr(0, a);
    out.append(src.substr(b));
    return out;   // an import block left empty ("import (\n)") is still valid Go
  }
  if (imp == SIZE_MAX && used) {
    if (decl != SIZE_MAX && decl + 1 < toks.size() && text(decl + 1) == "(") {
      const size_t at = toks[decl + 1].pos + 1;
      return src.substr(0, at) + "\n\t\"strconv\"" + src.substr(at);
    }
    if (decl != SIZE_MAX && decl + 1 < toks.size()) {   // import "fmt" → import ( "fmt"; "strconv" )
      const size_t a = toks[decl + 1].pos, b = a + toks[decl + 1].len;
      return src.substr(0, a) + "(\n\t" + std::string(text(decl + 1)) + "\n\t\"strconv\"\n)" + src.substr(b);
    }
    for (size_t i = 0; i + 1 < toks.size(); ++i)   // no import yet: after the package clause
      if (text(i) == "package") {
        const size_t at = toks[i + 1].pos + toks[i + 1].len;
        return src.substr(0, at) + "\n\nimport \"strconv\"" + src.substr(at);
      }
  }
  return src;
}

}  // namespace

std::string set_map_types(std::string_view src, const MapKnob& m, const TypeSpec& key,
                          const TypeSpec& elem) {
  struct Edit { size_t pos, len; std::string text; };
  std::vector<Edit> edits;
  const std::string new_map = cat({"map[", type_text(key), "]", type_text(elem)});
  for (auto [pos, len] : m.spans) edits.push_back({pos, len, new_map});
  // Fresh values of the old elem type become fresh values of the new one.
  if (!(m.elem == elem) && (m.elem.kind == TypeSpec::ByteArray || m.elem.kind == TypeSpec::PtrByteArray ||
                            m.elem.kind == TypeSpec::Struct)) {
    const std::string arr = cat({"[", std::to_string(m.elem.n), "]byte"});
    std::vector<std::string> patterns;
    if (m.elem.kind == TypeSpec::PtrByteArray) {
      patterns = {cat({"&", arr, "{}"}), cat({"new(", arr, ")"})};
    } else {
      patterns = {cat({m.elem_text, "{}"}), cat({type_text(m.elem), "{}"})};
    }
    Cursor c{src, {}};
    for (const Token& t : golex::lex(src))
      if (t.kind != Tok::Comment && t.kind != Tok::String) c.toks.push_back(t);
    // Compare token streams without whitespace, so "[128]byte {}" matches too.
    for (const std::string& pat : patterns) {
      std::vector<Token> pt = golex::lex(pat);
      for (size_t i = 0; i + pt.size() <= c.toks.size(); ++i) {
        bool match = true;
        for (size_t j = 0; j < pt.size() && match; ++j)
          match = c.text(i + j) == std::string_view(pat).substr(pt[j].pos, pt[j].len);
        if (!match) continue;
        const size_t pos = c.toks[i].pos;
        const size_t end = c.toks[i + pt.size() - 1].pos + c.toks[i + pt.size() - 1].len;
        bool inside_map_type = false;
        for (auto [mp, ml] : m.spans)
          if (pos >= mp && pos < mp + ml) inside_map_type = true;
        bool overlaps = false;
        for (const Edit& e : edits)
          if (pos < e.pos + e.len && e.pos < end) overlaps = true;
        if (!inside_map_type && !overlaps) edits.push_back({pos, end - pos, zero_value(elem)});
      }
    }
  }
  // Keys: every m[EXPR] and delete(m, EXPR) of this map's variables follows the key type.
  if (!(m.key == key) && m.key.kind != TypeSpec::Other && key.kind != TypeSpec::Other) {
    Cursor c{src, {}};
    for (const Token& t : golex::lex(src))
      if (t.kind != Tok::Comment && t.kind != Tok::Newline) c.toks.push_back(t);
    const std::vector<std::string> names = map_names(c, m.spans);
    auto rewrite = [&](size_t a, size_t b) {   // tokens [a, b) hold the key expression
      if (a >= b) return;
      const size_t pos = c.toks[a].pos, end = c.toks[b - 1].pos + c.toks[b - 1].len;
      for (const Edit& e : edits)
        if (pos < e.pos + e.len && e.pos < end) return;
      bool ok = false;
      const std::string inner = int_expr(m.key, src.substr(pos, end - pos), &ok);
      if (ok) edits.push_back({pos, end - pos, key_expr(key, inner)});
    };
    for (size_t i = 0; i + 1 < c.toks.size(); ++i) {
      const bool is_name = c.is(i, Tok::Ident) &&
                           std::find(names.begin(), names.end(), std::string(c.text(i))) != names.end();
      if (is_name && c.is(i + 1, Tok::Punct, "[") && !(i > 0 && c.is(i - 1, Tok::Punct, "."))) {
        int depth = 0;
        size_t j = i + 1;
        for (; j < c.toks.size(); ++j) {
          if (c.is(j, Tok::Punct, "[") || c.is(j, Tok::Punct, "(") || c.is(j, Tok::Punct, "{")) ++depth;
          if (c.is(j, Tok::Punct, "]") || c.is(j, Tok::Punct, ")") || c.is(j, Tok::Punct, "}"))
            if (--depth == 0) break;
        }
        if (j < c.toks.size()) rewrite(i + 2, j);
      }
      if (c.is(i, Tok::Ident, "delete") && c.is(i + 1, Tok::Punct, "(") && i + 3 < c.toks.size() &&
          c.is(i + 3, Tok::Punct, ",") &&
          std::find(names.begin(), names.end(), std::string(c.text(i + 2))) != names.end()) {
        int depth = 1;
        size_t j = i + 4;
        for (; j < c.toks.size(); ++j) {
          if (c.is(j, Tok::Punct, "(") || c.is(j, Tok::Punct, "[") || c.is(j, Tok::Punct, "{")) ++depth;
          if (c.is(j, Tok::Punct, ")") || c.is(j, Tok::Punct, "]") || c.is(j, Tok::Punct, "}"))
            if (--depth == 0) break;
        }
        if (j < c.toks.size()) rewrite(i + 4, j);
      }
    }
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.pos > b.pos; });
  std::string out(src);
  for (const Edit& e : edits) out.replace(e.pos, e.len, e.text);
  return fix_strconv_import(out);
}

}  // namespace knobs
