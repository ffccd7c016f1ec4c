// caption.cpp — caption templates filled with the run's figures (caption.h).
#include "web/presets/caption.h"

#include "web/units/units.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace presets {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ident(char c) { return is_alpha(c) || is_digit(c) || c == '_' || c == '.'; }

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// The byte size of a unit word (tests/oracle/run_oracle.py UNIT_BYTES); 0: not a unit.
double unit_bytes(std::string_view u) {
  for (auto [word, bytes] : {std::pair{"b", 1.0}, {"bytes", 1.0}, {"kb", 1024.0}, {"kib", 1024.0},
                             {"mb", 1048576.0}, {"mib", 1048576.0}, {"gb", 1073741824.0}, {"gib", 1073741824.0}})
    if (iequal(u, word)) return bytes;
  return 0;
}

// "1.24" → 24; -1 when not "1.N".
int minor_of(std::string_view v) {
  if (v.substr(0, 2) == "go") v.remove_prefix(2);
  if (v.substr(0, 2) != "1." || v.size() < 3) return -1;
  int m = 0;
  size_t i = 2;
  for (; i < v.size() && is_digit(v[i]); ++i) m = m * 10 + (v[i] - '0');
  return i == 2 ? -1 : m;
}

// A log timestamp "2006/01/02 15:04:05 " (optionally with fractions) at the start of a line.
size_t log_prefix_len(std::string_view l) {
  static constexpr std::string_view kShape = "dddd/dd/dd dd:dd:dd";
  if (l.size() <= kShape.size()) return 0;
  for (size_t i = 0; i < kShape.size(); ++i)
    if (kShape[i] == 'd' ? !is_digit(l[i]) : l[i] != kShape[i]) return 0;
  size_t i = kShape.size();
  if (l[i] == '.') {
    ++i;
    while (i < l.size() && is_digit(l[i])) ++i;
  }
  return i < l.size() && l[i] == ' ' ? i + 1 : 0;
}

}  // namespace

bool release_matches(std::string_view sel, std::string_view version) {
  if (sel.empty() || sel == "*") return true;
  const int v = minor_of(version), lo = minor_of(sel);
  if (v < 0 || lo < 0) return false;
  if (sel.back() == '+') return v >= lo;
  const size_t dash = sel.find('-');
  if (dash == std::string_view::npos) return v == lo;
  const int hi = minor_of(sel.substr(dash + 1));
  return hi >= 0 && lo <= v && v <= hi;
}

std::vector<std::string> output_lines(std::string_view printed) {
  std::vector<std::string> out;
  size_t p = 0;
  while (p < printed.size()) {
    size_t nl = printed.find('\n', p);
    if (nl == std::string_view::npos) nl = printed.size();
    std::string_view l = printed.substr(p, nl - p);
    l.remove_prefix(log_prefix_len(l));
    out.emplace_back(l);
    p = nl + 1;
  }
  return out;
}

std::optional<std::string> figure(std::string_view line, std::string_view label) {
  int k = 0;
  for (size_t i = 0; i < line.size();) {
    // A number: -?\d+(\.\d+)?, whose '-' is text after a letter or digit ("go-1").
    size_t start = i;
    if (!is_digit(line[i]) && !(line[i] == '-' && i + 1 < line.size() && is_digit(line[i + 1]))) {
      ++i;
      continue;
    }
    if (line[i] == '-' && start > 0 && std::isalnum(static_cast<unsigned char>(line[start - 1]))) ++start;
    // Digits inside an identifier ("go1", "x2") still count as numbers, as in the harness.
    size_t end = i + 1;
    while (end < line.size() && is_digit(line[end])) ++end;
    if (end + 1 < line.size() && line[end] == '.' && is_digit(line[end + 1])) {
      end += 2;
      while (end < line.size() && is_digit(line[end])) ++end;
    }
    ++k;
    // Its label: the identifier before it (past spaces, '=' and ':'), else a unit word after.
    std::string_view lab;
    size_t b = start;
    while (b > 0 && (line[b - 1] == ' ' || line[b - 1] == '\t' || line[b - 1] == '=' || line[b - 1] == ':')) --b;
    size_t a = b;
    while (a > 0 && is_ident(line[a - 1])) --a;
    while (a < b && !is_alpha(line[a]) && line[a] != '_') ++a;
    if (a < b) lab = line.substr(a, b - a);
    if (lab.empty()) {
      size_t u = end;
      while (u < line.size() && (line[u] == ' ' || line[u] == '\t')) ++u;
      size_t w = u;
      while (w < line.size() && is_alpha(line[w])) ++w;
      size_t after = w;
      while (after < line.size() && line[after] == ' ') ++after;
      const bool labelled_word = after < line.size() && (line[after] == '=' || line[after] == ':');
      const bool word_ends = w == line.size() || !(is_digit(line[w]) || line[w] == '_');
      const std::string_view word = line.substr(u, w - u);
      if (w > u && word_ends && !labelled_word && unit_bytes(word) > 0 && !iequal(word, "b")) lab = word;
    }
    const bool positional = label.size() > 1 && label[0] == '#' &&
                            std::atoi(std::string(label.substr(1)).c_str()) == k;
    if (lab.empty() ? positional : iequal(label, lab))
      return std::string(line.substr(start, end - start));
    i = end;
  }
  return std::nullopt;
}

std::string fill(std::string_view text, const std::vector<std::string>& lines) {
  std::string out;
  size_t p = 0;
  while (p < text.size()) {
    const size_t open = text.find('{', p);
    if (open == std::string_view::npos) {
      out += text.substr(p);
      break;
    }
    out += text.substr(p, open - p);
    // A placeholder is {LINE:LABEL[|UNIT]}; any other brace is text ("map[int]struct{}").
    size_t digits = open + 1;
    while (digits < text.size() && is_digit(text[digits])) ++digits;
    const size_t close = text.find('}', open);
    if (digits == open + 1 || digits >= text.size() || text[digits] != ':' || close == std::string_view::npos) {
      out += '{';
      p = open + 1;
      continue;
    }
    const std::string_view ph = text.substr(open + 1, close - open - 1);
    const size_t colon = ph.find(':'), bar = ph.find('|');
    const int line_no = std::atoi(std::string(ph.substr(0, colon)).c_str());
    const std::string_view label = ph.substr(colon + 1, (bar == std::string_view::npos ? ph.size() : bar) - colon - 1);
    if (line_no < 1 || static_cast<size_t>(line_no) > lines.size()) return "";
    const std::optional<std::string> num = figure(lines[static_cast<size_t>(line_no - 1)], label);
    if (!num) return "";
    if (bar == std::string_view::npos) {
      out += *num;
    } else {
      const double unit = unit_bytes(ph.substr(bar + 1));
      if (unit == 0) return "";
      out += units::format(std::strtod(num->c_str(), nullptr) * unit);
    }
    p = close + 1;
  }
  return out;
}

std::string caption(const std::vector<Caption>& captions, std::string_view version,
                    const std::vector<std::string>& lines) {
  for (const Caption& c : captions)
    if (release_matches(c.releases, version)) return fill(c.text, lines);
  return "";
}

}  // namespace presets
