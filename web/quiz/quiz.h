#pragma once
// quiz.h — "Predict, then reveal" (issue 14): which printed figures are questions, where the
// run stops before each, how a guess is read and judged, and real Go's figure for it. Plain
// C++ over the engine's Timeline; the window is web/ui/quiz.cpp.
//
//   spec "1" | "all" | "3,5" | "3:Alloc,5"     (a link's quiz=…; README "Share links")
//        │ asks(line, label)
//   Timeline ──output_lines──▶ [{text, op where it starts, op where it ends}]
//        │ the first asked line the run reaches: stop at its start − 1 op (nothing of it printed)
//   figures_asked(line) ──▶ [Figure{label, printed text, unit, value}]
//        │ parse_guess("290 MiB") ──▶ value in the figure's printed unit
//   judge(guess, figure) ──▶ Verdict ("36 % under, 172 299 KB less")
//
// Output lines are numbered as captions and the oracle number them (assets/README.md): 1-based,
// stdout and stderr in the order printed, log timestamps removed. A figure's label is the
// oracle's (tests/oracle/README.md "Labels", sim::split_numbers).
//
// Invariants: parse_spec(spec_text(s)) == s; a stop op lies before every record of its line.
// Simplification: prints the engine coalesced into one record (long runs) start together, so
// a stop before the second of them also stops before the first.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sim/timeline.h"

namespace quiz {

// Pick is one asked output line; label "" asks every figure on it.
struct Pick {
  int line = 0;
  std::string label;
  bool operator==(const Pick&) const = default;
};

// Spec says which printed figures are questions: every figure of every print, or the picks.
struct Spec {
  bool every = false;
  std::vector<Pick> picks;             // by line, each line once
  bool empty() const { return !every && picks.empty(); }
  bool operator==(const Spec&) const = default;
};

// parse_spec reads a link's quiz=… value: "1" or "all" (every print), "3,5" (output lines 3
// and 5), "3:Alloc" (only the Alloc figure of line 3); "" or "0" = no quiz. Line 1 alone is
// "1:LABEL" (or "1,1"). false with error (what is wrong, at which character) otherwise.
bool parse_spec(std::string_view text, Spec& out, std::string& error);
// spec_text is the canonical form ("1", "3,5:Alloc"); "" for no quiz.
std::string spec_text(const Spec& s);
// asks: is the figure labelled `label` on output line `line` a question? label "" = any figure.
bool asks(const Spec& s, int line, std::string_view label = "");

// OutputLine is one line of what the program printed, with the ops of the records that
// started and ended it.
struct OutputLine {
  std::string text;          // without its log timestamp
  uint64_t first_op = 0;     // the record that printed its first character
  uint64_t last_op = 0;      // the record that printed its end (its newline)
  int source_line = 0;       // the program line of the first record
  bool complete = false;     // its newline was printed (or the run ended after it)
};
// output_lines splits a timeline's prints into lines; ended: the run is over, so a last line
// without a newline is complete.
std::vector<OutputLine> output_lines(const sim::Timeline& tl, bool ended);

// Figure is one printed number that is a question.
struct Figure {
  int line = 0;              // output line, 1-based
  size_t index = 0;          // its position among the line's numbers, 0-based
  std::string label, text, unit;   // "Alloc", "472299", "KB" (unit: the word after it, else "")
  double value = 0;
  bool memory = false;       // a byte count (a MemStats field or a unit word): judged by ratio
  double unit_bytes = 1;     // bytes per printed unit (memory figures; bare figures are KB)
};
// figures_asked are the numbers on `line` (1-based number `line_no`) that the spec asks.
std::vector<Figure> figures_asked(const Spec& s, int line_no, std::string_view line);
// blanked is the line with each asked figure replaced by a run of '_' (its printed width).
std::string blanked(std::string_view line, const std::vector<Figure>& asked);

// parse_guess reads what the reader typed: "300000", "300 000", "300,000", "4.5"; for a memory
// figure also with a unit ("290 MiB", "0.3 GB", "512KB": KB = KiB = 1024 bytes, as the
// programs print Alloc/1024), converted to the figure's printed unit. false with error.
bool parse_guess(std::string_view text, const Figure& f, double& value, std::string& error);

// Verdict is how far a guess was.
enum class Closeness : uint8_t { Exact, Close, Near, Off };   // ≤ 5 %, ≤ 20 %, within 2×, beyond
struct Verdict {
  Closeness closeness = Closeness::Off;
  std::string headline;      // "Spot on", "Close", "Right order of magnitude", "Off"
  std::string detail;        // "36 % under: 172 299 KB less than it printed"
};
Verdict judge(double guess, const Figure& f);

// in_words writes a value of f's kind: "472 299 KB (461 MiB)" for a memory figure, "14" else.
std::string in_words(double value, const Figure& f);

// Choice is one answer offered to pick instead of typing: the printed figure and three
// others around it (a memory figure: ×¼ … ×8, rounded; a small count: ±1, ±2), in order, the
// right one at a place that depends on the line.
struct Choice {
  std::string label;         // "about 461 MiB", "14"
  double value = 0;          // in the figure's printed unit
};
std::vector<Choice> choices(const Figure& f);

// real_go_figure is the figure real Go printed for f (same line, same position, same label)
// in real Go's output `real_output` (a preset sidecar's "real_go" lines, joined by '\n');
// "" when that line or figure is not there.
std::string real_go_figure(std::string_view real_output, const Figure& f);

}  // namespace quiz
