// matrix.cpp — the release matrix (see matrix.h).
#include "engine/sim/matrix.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/runtime/profile.h"

namespace sim {
namespace {

constexpr size_t kMaxSeries = 512;   // samples kept per release: enough for a chart's width

bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string json_string(std::string_view s) {
  std::string o;
  sim::json_string(o, s);
  return o;
}

// noise_floor: how far a figure may move between releases and still be noise, in its
// printed unit: kTurnNoiseBytes for a memory figure, else one unit.
double noise_floor(const PrintedNumber& n) {
  const double unit_bytes = printed_unit_bytes(n);
  return unit_bytes > 0 ? std::max(1.0, kTurnNoiseBytes / unit_bytes) : 1.0;
}

// turned: b differs from a by more than kTurnPercent and by more than the noise floor.
bool turned(const std::string& a, const std::string& b, double floor) {
  if (a.empty() || b.empty()) return a != b;
  const double x = std::strtod(a.c_str(), nullptr), y = std::strtod(b.c_str(), nullptr);
  const double d = std::fabs(y - x);
  return d > floor && d > std::fabs(x) * kTurnPercent / 100.0;
}

// unit_after: the unit word right after a number ("44 KB" → "KB"), else "".
std::string unit_after(std::string_view rest) {
  size_t i = 0;
  while (i < rest.size() && rest[i] == ' ') ++i;
  size_t j = i;
  while (j < rest.size() && std::isalpha(static_cast<unsigned char>(rest[j]))) ++j;
  std::string w(rest.substr(i, j - i));
  static const char* const kUnits[] = {"B", "KB", "MB", "GB", "KiB", "MiB", "GiB", "bytes"};
  for (const char* u : kUnits)
    if (w == u) return w;
  return "";
}

}  // namespace

double printed_unit_bytes(const PrintedNumber& n) {
  static const char* const kMemLabels[] = {
      "alloc", "totalalloc", "sys", "heapalloc", "heapsys", "heapidle", "heapinuse", "heapreleased",
      "stackinuse", "stacksys", "mspaninuse", "mspansys", "mcacheinuse", "mcachesys", "buckhashsys",
      "gcsys", "othersys", "nextgc"};
  std::string unit = n.unit;
  bool mem = !unit.empty();
  std::string lower;
  for (char c : n.label) lower += char(std::tolower(static_cast<unsigned char>(c)));
  for (const char* l : kMemLabels) mem = mem || lower == l;
  if (!mem) return 0;
  if (unit.empty()) unit = "KB";
  return unit == "B" || unit == "bytes" ? 1.0
       : unit == "MB" || unit == "MiB" ? double(1 << 20)
       : unit == "GB" || unit == "GiB" ? double(1 << 30) : 1024.0;
}

std::string split_numbers(std::string_view line, std::vector<PrintedNumber>& out) {
  out.clear();
  std::string skel;
  size_t i = 0;
  while (i < line.size()) {
    // A word (a letter or '_', then letters, digits, '_' and inner dots: "m2", "go1.24",
    // "ms.Alloc") is text, digits and all.
    if (std::isalpha(static_cast<unsigned char>(line[i])) || line[i] == '_') {
      size_t k = i;
      while (k < line.size() && (is_ident_char(line[k]) && !(line[k] == '.' && (k + 1 >= line.size() || !is_ident_char(line[k + 1])))))
        ++k;
      skel.append(line.substr(i, k - i));
      i = k;
      continue;
    }
    // A number: digits with an optional fraction; a '-' is its sign unless it follows a
    // letter or digit ("go-1" is text).
    size_t j = i;
    if (line[j] == '-' && j + 1 < line.size() && is_digit(line[j + 1]) &&
        !(j > 0 && std::isalnum(static_cast<unsigned char>(line[j - 1]))))
      ++j;
    if (j < line.size() && is_digit(line[j])) {
      size_t k = j;
      while (k < line.size() && is_digit(line[k])) ++k;
      if (k + 1 < line.size() && line[k] == '.' && is_digit(line[k + 1])) {
        ++k;
        while (k < line.size() && is_digit(line[k])) ++k;
      }
      // Label: the identifier just before, separated only by spaces, '=' or ':'.
      size_t e = skel.size();
      while (e > 0 && (skel[e - 1] == ' ' || skel[e - 1] == '=' || skel[e - 1] == ':')) --e;
      size_t b = e;
      while (b > 0 && is_ident_char(skel[b - 1])) --b;
      std::string label = skel.substr(b, e - b);
      if (label.empty() || is_digit(label[0])) label = unit_after(line.substr(k));
      if (label.empty()) {
        label = std::to_string(out.size() + 1);
        label.insert(label.begin(), '#');
      }
      out.push_back({label, std::string(line.substr(i, k - i)), unit_after(line.substr(k))});
      skel += '#';
      i = k;
      continue;
    }
    skel += line[i++];
  }
  return skel;
}

std::string interleaved_output(const Simulation& s) {
  std::string o;
  size_t out_n = 0, err_n = 0;
  for (const Record& r : s.timeline().records()) {
    if (r.kind != Record::Print) continue;
    o += r.text;
    (r.stream == 1 ? out_n : err_n) += r.text.size();
  }
  if (out_n < s.stdout_text().size()) o.append(s.stdout_text(), out_n);
  if (err_n < s.stderr_text().size()) o.append(s.stderr_text(), err_n);
  return o;
}

void ReleaseMatrix::start(std::string_view source, const Options& options,
                          std::vector<std::string> versions, std::string_view file) {
  source_ = std::string(source);
  file_ = std::string(file);
  options_ = options;
  if (versions.empty())
    for (std::string_view v : runtime::supported_versions()) versions.emplace_back(v);
  columns_.clear();
  for (const std::string& v : versions) {
    MatrixColumn c;
    c.version = v;
    if (const runtime::Profile* p = runtime::profile_for(v)) c.changes = std::string(p->changes);
    columns_.push_back(std::move(c));
  }
  next_ = 0;
  sim_.reset();
}

bool ReleaseMatrix::step(uint64_t budget) {
  while (next_ < columns_.size()) {
    MatrixColumn& c = columns_[next_];
    if (!sim_) {
      sim_ = std::make_unique<Simulation>();
      Options o = options_;
      o.go_version = c.version;
      if (!sim_->load(source_, o, file_)) {
        c.load_error = sim_->diagnostics().empty() ? "the program did not load"
                                                   : sim_->diagnostics().front().to_string();
        finish_current();
        continue;
      }
      c.loaded = true;
    }
    const RunState st = sim_->step(budget);
    if (st == RunState::Running || st == RunState::Ready) return false;
    finish_current();
    if (budget != UINT64_MAX) return done();   // one release per slice at most
  }
  return true;
}

void ReleaseMatrix::finish_current() {
  MatrixColumn& c = columns_[next_];
  if (c.loaded) {
    c.state = sim_->state();
    c.exit_code = sim_->exit_code();
    c.ops = sim_->ops();
    c.lines = split_lines(interleaved_output(*sim_));
    std::vector<MatrixSample> all;
    for (const Record& r : sim_->timeline().records())
      all.push_back({r.op, r.mem.HeapAlloc, r.mem.Sys, r.mem.HeapInuse, r.mem.NumGC});
    // Keep at most kMaxSeries samples, evenly spaced, always the last.
    const size_t step = all.size() / kMaxSeries + 1;
    for (size_t i = 0; i < all.size(); i += step) c.series.push_back(all[i]);
    if (!all.empty() && (c.series.empty() || c.series.back().op != all.back().op)) c.series.push_back(all.back());
  } else {
    c.state = RunState::Empty;
    c.exit_code = 1;
  }
  c.done = true;
  sim_.reset();
  ++next_;
}

std::vector<MatrixRow> ReleaseMatrix::rows() const {
  std::vector<MatrixRow> rows;
  size_t n_lines = 0;
  for (const MatrixColumn& c : columns_)
    if (c.done) n_lines = std::max(n_lines, c.lines.size());
  const size_t ncol = columns_.size();
  std::vector<PrintedNumber> nums;
  for (size_t i = 0; i < n_lines; ++i) {
    MatrixRow row;
    row.line = int(i + 1);
    row.texts.assign(ncol, "");
    std::vector<std::vector<PrintedNumber>> per(ncol);
    std::vector<std::string> skels(ncol);
    bool first = true;
    for (size_t k = 0; k < ncol; ++k) {
      const MatrixColumn& c = columns_[k];
      if (!c.done) continue;   // still running: says nothing yet about its text
      if (i >= c.lines.size()) { row.same_text = row.same_text && !c.loaded; continue; }
      row.texts[k] = c.lines[i];
      skels[k] = split_numbers(c.lines[i], per[k]);
      if (first) { row.skeleton = skels[k]; first = false; }
      else if (skels[k] != row.skeleton) row.same_text = false;
    }
    // Numbers by position in the line, labelled from the first column that has them.
    size_t n_numbers = 0;
    for (const auto& p : per) n_numbers = std::max(n_numbers, p.size());
    for (size_t j = 0; j < n_numbers; ++j) {
      MatrixNumber num;
      num.text.assign(ncol, "");
      num.turns.assign(ncol, false);
      // Releases that print other text may name the number otherwise ("B" then "dirLen"):
      // the label lists each name once, and only figures of the same name can turn.
      std::vector<std::string> labels(ncol);
      double floor = 1.0;
      for (size_t k = 0; k < ncol; ++k) {
        if (j >= per[k].size()) continue;
        labels[k] = per[k][j].label;
        floor = std::max(floor, noise_floor(per[k][j]));
        if (num.label.empty()) num.label = labels[k];
        else if (("/" + num.label + "/").find("/" + labels[k] + "/") == std::string::npos) num.label += "/" + labels[k];
        num.text[k] = per[k][j].text;
      }
      // A turn compares with the nearest earlier release that printed this number.
      size_t prev = ncol;
      for (size_t k = 0; k < ncol; ++k) {
        if (num.text[k].empty()) continue;
        if (prev < ncol && labels[prev] == labels[k]) num.turns[k] = turned(num.text[prev], num.text[k], floor);
        prev = k;
      }
      row.numbers.push_back(std::move(num));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string ReleaseMatrix::to_text() const { return render(false); }
std::string ReleaseMatrix::to_markdown() const { return render(true); }

std::string ReleaseMatrix::render(bool markdown) const {
  const std::vector<MatrixRow> rows = this->rows();
  const size_t ncol = columns_.size();
  // Left column: "line label"; then one right-aligned column per release.
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> head = {"line", "printed"};
  for (const MatrixColumn& c : columns_) head.push_back(c.version);
  table.push_back(head);
  for (const MatrixRow& r : rows) {
    std::string text = r.skeleton;
    if (text.size() > 44) text = text.substr(0, 43) + "…";
    if (r.numbers.size() != 1 || !r.same_text) {
      std::vector<std::string> cells = {std::to_string(r.line), text};
      std::vector<PrintedNumber> scratch;
      for (size_t k = 0; k < ncol; ++k)
        cells.push_back(r.same_text ? "" : r.texts[k].empty() ? "—"
                                         : split_numbers(r.texts[k], scratch) == r.skeleton ? "" : "≠");
      table.push_back(cells);
    }
    for (const MatrixNumber& n : r.numbers) {
      std::vector<std::string> cells = {r.numbers.size() == 1 && r.same_text ? std::to_string(r.line) : "",
                                        r.numbers.size() == 1 && r.same_text ? text : "  " + n.label};
      for (size_t k = 0; k < ncol; ++k)
        cells.push_back(n.text[k].empty() ? "—" : n.text[k] + (n.turns[k] ? "*" : " "));
      table.push_back(cells);
    }
  }
  // Load errors and runs that did not finish.
  std::vector<std::string> notes;
  for (const MatrixColumn& c : columns_) {
    if (!c.loaded) notes.push_back("Go " + c.version + ": does not compile: " + c.load_error);
    else if (c.state != RunState::Finished)
      notes.push_back("Go " + c.version + ": " + to_string(c.state) + " (exit " + std::to_string(c.exit_code) + ")");
  }
  std::vector<size_t> width(head.size(), 0);
  for (const auto& row : table)
    for (size_t k = 0; k < row.size(); ++k) {
      // Count UTF-8 code points, not bytes, so "—" and "…" take one column.
      size_t w = 0;
      for (unsigned char ch : row[k]) w += (ch & 0xC0) != 0x80;
      width[k] = std::max(width[k], w);
    }
  auto cell = [&](const std::string& s, size_t k) {
    size_t w = 0;
    for (unsigned char ch : s) w += (ch & 0xC0) != 0x80;
    const size_t target = width[k];
    const std::string fill(target > w ? target - w : 0, ' ');
    return k >= 2 ? fill + s : s + fill;
  };
  std::string o;
  for (size_t i = 0; i < table.size(); ++i) {
    const auto& row = table[i];
    std::string line;
    if (markdown) {   // a GitHub table: '|' in a cell escaped, figures right-aligned
      for (const std::string& c : row) {
        std::string esc;
        for (char ch : c) esc += ch == '|' ? std::string("\\|") : std::string(1, ch);
        while (!esc.empty() && esc.front() == ' ') esc.erase(esc.begin());
        while (!esc.empty() && esc.back() == ' ') esc.pop_back();
        line += "| " + (esc.empty() ? std::string(" ") : esc) + " ";
      }
      o += line + "|\n";
      if (i == 0) {
        for (size_t k = 0; k < row.size(); ++k) o += k >= 2 ? "|---:" : "|---";
        o += "|\n";
      }
      continue;
    }
    for (size_t k = 0; k < row.size(); ++k) line += (k ? "  " : "") + cell(row[k], k);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    o += line + "\n";
  }
  // Where behaviour turns: each release with a marked figure, and what that release changed.
  std::string turns;
  for (size_t k = 1; k < ncol; ++k) {
    // Count the figures that turned; name the one that turned most (relative change).
    int count = 0;
    double most = -1;
    std::string first;
    for (const MatrixRow& r : rows)
      for (const MatrixNumber& n : r.numbers) {
        if (!n.turns[k]) continue;
        ++count;
        std::string from;
        for (size_t j = k; j-- > 0;) if (!n.text[j].empty()) { from = n.text[j]; break; }
        const double a = std::strtod(from.c_str(), nullptr), b = std::strtod(n.text[k].c_str(), nullptr);
        const double rel = a != 0 ? std::fabs(b - a) / std::fabs(a) : 1e9;
        if (rel > most) {
          most = rel;
          first = "line " + std::to_string(r.line) + " " + n.label + " " + from + " → " + n.text[k];
        }
      }
    if (!count) continue;
    turns += std::string(markdown ? "- " : "  ") + "Go " + columns_[k].version + ": " + std::to_string(count) + " figure" + (count > 1 ? "s" : "") +
             " turned (" + first + ")";
    if (!columns_[k].changes.empty()) turns += " — " + columns_[k].changes;
    turns += "\n";
  }
  bool texts_differ = false;
  for (const MatrixRow& r : rows) texts_differ = texts_differ || !r.same_text;
  if (texts_differ) o += std::string(markdown ? "\n\\" : "\n") + "≠ this release prints other text on that line (gomapsim run --go VERSION shows it)\n";
  if (!turns.empty())
    o += std::string(markdown ? "\n\\" : "\n") + "* differs by more than " + std::to_string(int(kTurnPercent)) +
         " % from the release before (a memory figure also by more than 16 KiB)\n" + (markdown ? "\n" : "") + turns;
  for (const std::string& n : notes) o += n + "\n";
  return o;
}

std::string ReleaseMatrix::to_jsonl() const {
  std::string o;
  for (const MatrixColumn& c : columns_) {
    o += "{\"kind\":\"release\",\"version\":" + json_string(c.version) + ",\"changes\":" + json_string(c.changes) +
         ",\"loaded\":" + (c.loaded ? "true" : "false") + ",\"error\":" + json_string(c.load_error) +
         ",\"state\":" + json_string(to_string(c.state)) + ",\"exit\":" + std::to_string(c.exit_code) +
         ",\"ops\":" + std::to_string(c.ops) + "}\n";
  }
  for (const MatrixRow& r : rows()) {
    o += "{\"kind\":\"row\",\"line\":" + std::to_string(r.line) + ",\"text\":" + json_string(r.skeleton) +
         ",\"same_text\":" + (r.same_text ? "true" : "false") + ",\"numbers\":[";
    for (size_t j = 0; j < r.numbers.size(); ++j) {
      const MatrixNumber& n = r.numbers[j];
      o += std::string(j ? "," : "") + "{\"label\":" + json_string(n.label) + ",\"values\":{";
      bool first = true;
      for (size_t k = 0; k < columns_.size(); ++k) {
        if (n.text[k].empty()) continue;
        o += std::string(first ? "" : ",") + json_string(columns_[k].version) + ":" + n.text[k];
        first = false;
      }
      o += "},\"turns\":[";
      first = true;
      for (size_t k = 0; k < columns_.size(); ++k)
        if (n.turns[k]) { o += std::string(first ? "" : ",") + json_string(columns_[k].version); first = false; }
      o += "]}";
    }
    o += "]}\n";
  }
  return o;
}

}  // namespace sim
