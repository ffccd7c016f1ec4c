#pragma once
// matrix.h — the release matrix: one program run on every Go release, its printed figures
// side by side, and where the behaviour turns.
//
// A ReleaseMatrix runs the same source with the same knobs on each release in turn (one
// Simulation at a time, a time slice per step(), so the web stays smooth) and keeps, per
// release, only what the table and the curves need: the program's output, its exit status
// and a few hundred counter samples. Nothing of a finished run is kept alive.
//
//   source ─▶ 1.19 ─▶ 1.21 ─▶ … ─▶ 1.27        each: Simulation::step(budget) until done
//               │       │            │
//               ▼       ▼            ▼
//            Column  Column  …    Column       output lines, exit, series (op, Alloc, Sys)
//
//   rows():  printed line k = its text with # for numbers, then each release's numbers;
//            a number "turns" at release r when it differs from release r−1's by more than
//            kTurnPercent (and more than one printed unit).
//
// Invariants:
//   1. columns() follows the order of the versions given (oldest first by default).
//   2. A column is complete (done) only after its run ended; rows() reads complete columns.
//   3. The matrix is a function of (source, options, versions): runs are deterministic.
//
// Simplifications: lines are paired by position, as the oracle does (tests/oracle/README.md);
// a line whose text differs between releases shows each release's own text.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sim/simulation.h"

namespace sim {

// A release's figures differ "notably" from the previous release's by more than this, and,
// for memory figures, by more than kTurnNoiseBytes: real Go's start-up heap alone varies by
// ~15 KB from run to run (tests/oracle/README.md, "Tolerances"), which is no turn.
inline constexpr double kTurnPercent = 5.0;
inline constexpr double kTurnNoiseBytes = 16384;

struct MatrixSample {
  uint64_t op = 0;
  uint64_t heap_alloc = 0, sys = 0, heap_inuse = 0;
  uint32_t num_gc = 0;
};

struct MatrixColumn {
  std::string version;             // "1.24"
  std::string changes;             // what this release changed that a program can see
  bool done = false;
  bool loaded = false;             // false: the program does not compile on this release
  std::string load_error;          // first diagnostic, "main.go:3:2: …"
  RunState state = RunState::Empty;
  int exit_code = 0;
  uint64_t ops = 0;
  std::vector<std::string> lines;  // stdout and stderr as the program interleaved them
  std::vector<MatrixSample> series;
};

struct MatrixNumber {
  std::string label;               // identifier before the number ("Alloc"), else "#k"
  std::vector<std::string> text;   // per column: the number as printed, "" if absent
  std::vector<bool> turns;         // per column: differs notably from the column before
};

struct MatrixRow {
  int line = 0;                     // 1-based output line
  std::string skeleton;             // the line with '#' for each number (first column's)
  bool same_text = true;            // every column prints this skeleton
  std::vector<std::string> texts;   // per column: the whole line (for same_text == false)
  std::vector<MatrixNumber> numbers;
};

class ReleaseMatrix {
 public:
  // start loads nothing yet; versions empty = every release offered, oldest first.
  void start(std::string_view source, const Options& options,
             std::vector<std::string> versions = {}, std::string_view file = "main.go");
  // step runs at most budget ops of the current release; true when every column is done.
  bool step(uint64_t budget);
  bool run_to_end() { while (!step(UINT64_MAX)) {} return true; }
  bool done() const { return next_ >= columns_.size(); }
  // current is the index of the column running now (columns().size() when done).
  size_t current() const { return next_; }
  // current_ops is how far the release running now has got (0 before its first step).
  uint64_t current_ops() const { return sim_ ? sim_->ops() : 0; }

  const std::vector<MatrixColumn>& columns() const { return columns_; }
  std::vector<MatrixRow> rows() const;
  // to_text renders the table for a terminal: one column per release, turns marked '*',
  // then the releases where something turned and what they changed.
  std::string to_text() const;
  // to_markdown is the same table as a GitHub Markdown table (what a blog post pastes).
  std::string to_markdown() const;
  // to_jsonl: one {"kind":"release",…} object per column, then one {"kind":"row",…} per line.
  std::string to_jsonl() const;

 private:
  void finish_current();
  std::string render(bool markdown) const;

  std::string source_, file_;
  Options options_;
  std::vector<MatrixColumn> columns_;
  size_t next_ = 0;
  std::unique_ptr<Simulation> sim_;
};

// split_numbers splits a printed line into its skeleton ('#' for each number) and numbers,
// each with its label, as tests/oracle/run_oracle.py's tokenize() does.
struct PrintedNumber { std::string label, text, unit; };   // unit: "KB" in "44 KB", else ""
std::string split_numbers(std::string_view line, std::vector<PrintedNumber>& out);
// printed_unit_bytes: bytes per printed unit of a memory figure (a MemStats byte field, or a
// number with a unit word; bare figures are KB, as the seed programs print Alloc/1024); 0 for
// a figure that is not a byte count (a length, B, NumGC).
double printed_unit_bytes(const PrintedNumber& n);

// interleaved_output is what a terminal shows of a run: stdout and stderr in the order the
// program wrote them, then whatever was not a print (limit messages).
std::string interleaved_output(const Simulation& s);

}  // namespace sim
