// quiz.cpp — see quiz.h.
#include "web/quiz/quiz.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/sim/matrix.h"
#include "web/presets/caption.h"
#include "web/units/units.h"

namespace quiz {

namespace {

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// digits groups an integer's digits by threes: "472 299" (a reader's form).
std::string digits(double v) {
  char b[64];
  if (std::fabs(v - std::round(v)) > 1e-9) {
    std::snprintf(b, sizeof b, "%.3g", v);
    return b;
  }
  std::snprintf(b, sizeof b, "%.0f", std::fabs(v));
  std::string s = b, out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += "\xc2\xa0";   // a no-break space (the font has no U+202F)
    out += s[i];
  }
  return (v < 0 ? "-" : "") + out;
}

// round2 keeps two significant figures: 472299 → 470000.
double round2(double v) {
  if (v <= 0) return 0;
  const double p = std::pow(10.0, std::floor(std::log10(v)) - 1);
  return std::round(v / p) * p;
}

}  // namespace

//-- spec ------------------------------------------------------------------------------------------

bool parse_spec(std::string_view text, Spec& out, std::string& error) {
  out = Spec{};
  if (text.empty() || text == "0") return true;
  if (text == "1" || text == "all") {
    out.every = true;
    return true;
  }
  size_t i = 0;
  while (i <= text.size()) {
    const size_t start = i;
    int line = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && line < 100000) line = line * 10 + (text[i++] - '0');
    if (i == start || line == 0) {
      error = "quiz=" + std::string(text) + ": an output line number (1, 2, …) was expected at character " + std::to_string(start + 1);
      return false;
    }
    Pick p{line, ""};
    if (i < text.size() && text[i] == ':') {
      const size_t l0 = ++i;
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' || text[i] == '.' || text[i] == '#')) ++i;
      if (i == l0) {
        error = "quiz=" + std::string(text) + ": a figure's label (like Alloc) was expected at character " + std::to_string(l0 + 1);
        return false;
      }
      p.label = std::string(text.substr(l0, i - l0));
    }
    auto same = std::find_if(out.picks.begin(), out.picks.end(), [&](const Pick& q) { return q.line == p.line; });
    if (same == out.picks.end()) out.picks.push_back(p);
    else if (same->label != p.label) same->label.clear();   // two labels of one line: all of it
    if (i == text.size()) break;
    if (text[i] != ',') {
      error = "quiz=" + std::string(text) + ": a comma was expected at character " + std::to_string(i + 1);
      return false;
    }
    ++i;
  }
  std::sort(out.picks.begin(), out.picks.end(), [](const Pick& a, const Pick& b) { return a.line < b.line; });
  return true;
}

std::string spec_text(const Spec& s) {
  if (s.every) return "1";
  std::string t;
  for (const Pick& p : s.picks) {
    if (!t.empty()) t += ",";
    t += std::to_string(p.line);
    if (!p.label.empty()) t += ":" + p.label;
  }
  // Line 1 alone with every figure would read as "every print": say it twice.
  if (s.picks.size() == 1 && s.picks[0].line == 1 && s.picks[0].label.empty()) t = "1,1";
  return t;
}

bool asks(const Spec& s, int line, std::string_view label) {
  if (s.every) return true;
  for (const Pick& p : s.picks)
    if (p.line == line) return label.empty() || p.label.empty() || iequal(p.label, label);
  return false;
}

//-- the run's output ------------------------------------------------------------------------------

std::vector<OutputLine> output_lines(const sim::Timeline& tl, bool ended) {
  std::vector<OutputLine> out;
  bool open = false;
  for (const sim::Record& r : tl.records()) {
    if (r.kind != sim::Record::Print) continue;
    size_t p = 0;
    while (p < r.text.size()) {
      if (!open) {
        out.push_back({"", r.op, r.op, r.line, false});
        open = true;
      }
      const size_t nl = r.text.find('\n', p);
      out.back().text.append(r.text, p, nl == std::string::npos ? std::string::npos : nl - p);
      out.back().last_op = r.op;
      if (nl == std::string::npos) break;
      out.back().complete = true;
      open = false;
      p = nl + 1;
    }
  }
  if (ended && !out.empty()) out.back().complete = true;
  for (OutputLine& l : out) {   // without a log timestamp, as captions and the oracle read lines
    const std::vector<std::string> one = presets::output_lines(l.text);
    l.text = one.empty() ? std::string() : one.front();
  }
  return out;
}

//-- figures ---------------------------------------------------------------------------------------

std::vector<Figure> figures_asked(const Spec& s, int line_no, std::string_view line) {
  std::vector<sim::PrintedNumber> nums;
  sim::split_numbers(line, nums);
  std::vector<Figure> out;
  for (size_t k = 0; k < nums.size(); ++k) {
    if (!asks(s, line_no, nums[k].label)) continue;
    Figure f;
    f.line = line_no;
    f.index = k;
    f.label = nums[k].label;
    f.text = nums[k].text;
    f.unit = nums[k].unit;
    f.value = std::strtod(f.text.c_str(), nullptr);
    const double ub = sim::printed_unit_bytes(nums[k]);
    f.memory = ub > 0;
    f.unit_bytes = ub > 0 ? ub : 1;
    out.push_back(std::move(f));
  }
  return out;
}

std::string blanked(std::string_view line, const std::vector<Figure>& asked) {
  std::vector<sim::PrintedNumber> nums;
  sim::split_numbers(line, nums);
  std::string out;
  size_t p = 0, k = 0;
  // Walk the numbers in order: each is found after the previous one.
  for (const sim::PrintedNumber& n : nums) {
    const size_t at = line.find(n.text, p);
    if (at == std::string_view::npos) break;
    const bool hide = std::any_of(asked.begin(), asked.end(), [&](const Figure& f) { return f.index == k; });
    out.append(line.substr(p, at - p));
    out += hide ? std::string(std::max<size_t>(n.text.size(), 3), '_') : n.text;
    p = at + n.text.size();
    ++k;
  }
  out.append(line.substr(p));
  return out;
}

//-- guesses ---------------------------------------------------------------------------------------

bool parse_guess(std::string_view text, const Figure& f, double& value, std::string& error) {
  std::string digits_only;
  size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) digits_only += text[i++];
  bool any = false, dot = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) digits_only += c, any = true;
    else if (c == '.' && !dot) digits_only += c, dot = true;
    else if (c == ',' || c == ' ' || c == '_' || c == '\'') continue;   // digit groups
    else break;
  }
  const std::string example = f.memory ? " like 300000 or 290 MiB" : " like 14";
  if (!any) {
    error = "Type a number," + example + ".";
    return false;
  }
  value = std::strtod(digits_only.c_str(), nullptr);
  while (i < text.size() && text[i] == ' ') ++i;
  const std::string_view unit = text.substr(i);
  if (unit.empty()) return true;
  double bytes = 0;
  for (auto [word, b] : {std::pair{"b", 1.0}, {"bytes", 1.0}, {"kb", 1024.0}, {"kib", 1024.0}, {"k", 1024.0},
                         {"mb", 1048576.0}, {"mib", 1048576.0}, {"m", 1048576.0}, {"gb", 1073741824.0},
                         {"gib", 1073741824.0}, {"g", 1073741824.0}})
    if (iequal(unit, word)) bytes = b;
  if (bytes == 0 || !f.memory) {
    error.assign(1, '"').append(unit).append("\" is not a unit the answer can be in: type a number").append(example).append(".");
    return false;
  }
  value = value * bytes / f.unit_bytes;
  return true;
}

std::string in_words(double value, const Figure& f) {
  std::string s = digits(value) + (f.unit.empty() ? "" : " " + f.unit);
  if (f.memory && value * f.unit_bytes >= 1024 * 1024) s += " (" + units::format(value * f.unit_bytes) + ")";
  return s;
}

Verdict judge(double guess, const Figure& f) {
  Verdict v;
  const double truth = f.value, diff = guess - truth;
  if (diff == 0 || (truth != 0 && std::fabs(diff) / std::fabs(truth) <= 0.05)) {
    v.closeness = Closeness::Exact;
    v.headline = diff == 0 ? "Exactly right" : "Spot on";
    v.detail = diff == 0 ? "it printed exactly that" : "within 5 % of what it printed";
    if (diff != 0) v.detail += " (" + digits(std::fabs(diff)) + (f.unit.empty() ? "" : " " + f.unit) + (diff < 0 ? " less)" : " more)");
    return v;
  }
  const std::string amount = digits(std::fabs(diff)) + (f.unit.empty() ? "" : " " + f.unit);
  if (truth == 0 || guess <= 0 || (!f.memory && std::fabs(truth) < 20)) {
    // A count (NumGC, B) or a figure of zero: how many off, not how many percent.
    v.closeness = !f.memory && std::fabs(diff) <= 1 ? Closeness::Close : Closeness::Off;
    v.headline = v.closeness == Closeness::Close ? "Close" : "Off";
    v.detail = "off by " + amount + (diff < 0 ? " (too low)" : " (too high)");
    return v;
  }
  const double ratio = guess / truth;
  const double err = std::fabs(diff) / std::fabs(truth);
  v.closeness = err <= 0.20 ? Closeness::Close : (ratio >= 0.5 && ratio <= 2.0) ? Closeness::Near : Closeness::Off;
  v.headline = v.closeness == Closeness::Close ? "Close" : v.closeness == Closeness::Near ? "Right order of magnitude" : "Off";
  char b[96];
  if (ratio < 1) std::snprintf(b, sizeof b, "%.0f %% under", 100 * (1 - ratio));
  else if (ratio < 2) std::snprintf(b, sizeof b, "%.0f %% over", 100 * (ratio - 1));
  else std::snprintf(b, sizeof b, "%.*f\xc3\x97 too high", ratio < 10 ? 1 : 0, ratio);
  v.detail = std::string(b) + ": " + amount + (diff < 0 ? " less than it printed" : " more than it printed");
  return v;
}

std::vector<Choice> choices(const Figure& f) {
  std::vector<Choice> out;
  const double t = f.value;
  const int slot = f.line % 4;   // where the printed figure sits among the four
  if (!f.memory && std::fabs(t) < 20 && t == std::round(t)) {
    const double lo = std::max(0.0, t - slot);
    for (int k = 0; k < 4; ++k) out.push_back({digits(lo + k), lo + k});
    return out;
  }
  // ×2 apart around the figure: an order of magnitude each way in three steps. A memory
  // figure is offered in the unit that suits it, two significant figures ("about 460 MiB").
  const double base = t == 0 ? 1024.0 / f.unit_bytes : t;
  for (int k = 0; k < 4; ++k) {
    const double v = k == slot && t != 0 ? t : std::ldexp(base, k - slot) * (t == 0 ? 8 : 1);
    const double shown = k == slot ? v : round2(v);
    Choice c;
    c.value = shown;
    if (f.memory) {
      const double bytes = shown * f.unit_bytes;
      const units::Unit u = units::unit_for(bytes);
      c.label = "about " + digits(round2(bytes / units::scale(u))) + " " + units::name(u);
    } else {
      c.label = "about " + digits(round2(shown));
    }
    out.push_back(std::move(c));
  }
  if (t == 0) {   // zero is one of the choices, then the three above it
    Choice zero{std::string("0"), 0};
    if (!f.unit.empty()) zero.label.append(" ").append(f.unit);
    out.insert(out.begin(), std::move(zero));
    out.pop_back();
  }
  return out;
}

std::string real_go_figure(std::string_view real_output, const Figure& f) {
  const std::vector<std::string> lines = presets::output_lines(real_output);
  if (f.line < 1 || static_cast<size_t>(f.line) > lines.size()) return "";
  std::vector<sim::PrintedNumber> nums;
  sim::split_numbers(lines[static_cast<size_t>(f.line) - 1], nums);
  if (f.index >= nums.size() || !iequal(nums[f.index].label, f.label)) return "";
  return nums[f.index].text;
}

}  // namespace quiz
