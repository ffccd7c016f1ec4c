#pragma once
// chart.h — line charts drawn with ImDrawList (heap and compare windows).
//
// x is the op count of the run (instructions the simulator's VM executed: a loop iteration
// like `m[i] = v` is 3–4 of them); y is bytes (or a count). A chart draws, top to bottom: a
// legend row (series, then the kinds of event marks) above the plot, never on it; the plot
// with its series as polylines (steps when asked), event marks along its top edge, the
// printed values as labelled dots where they were printed, and the timeline cursor; x ticks
// and the x axis' name. Bytes take the unit that suits the largest value (B, KiB, MiB, GiB)
// and as many decimals as the tick step needs, so no two ticks read the same. A tooltip gives
// every series' value under the mouse; clicking or dragging in the plot moves the cursor.
#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"

namespace chart {

struct Series {
  std::string label;
  ImU32 color = 0;
  std::vector<double> x, y;   // same length, x ascending
  bool step = false;          // hold the value until the next point
  bool fill_to = false;       // fill the area between this series and the next one
  std::string fill_label;     // the filled area's name in the legend ("" = none)
  // fit = false: the series widens the y range only up to 3× what the fitting series need;
  // beyond, it runs above the plot and its legend entry says how high ("NextGC ↑ 4.00 MiB"),
  // so a 4 MiB GC goal does not flatten a 300 KiB heap.
  bool fit = true;
};

struct Mark {
  double x = 0;
  ImU32 color = 0;
  std::string tip;
};

// MarkKind names a colour of marks in the legend ("GC cycle", "map growth").
struct MarkKind {
  std::string label;
  ImU32 color = 0;
};

// Note is a value the program printed, drawn as a dot at (x, y) with its text beside it
// when there is room (always in the tooltip).
struct Note {
  double x = 0, y = 0;
  std::string text;
};

// Band shades the plot's full height over [x0, x1] behind the series (a period the runtime
// was in some state: the GC CPU limiter on); its tip is in the tooltip over it.
struct Band {
  double x0 = 0, x1 = 0;
  ImU32 color = 0;
  std::string tip;
};

enum Unit : int { kBytes = 0, kCount = 3 };

struct Spec {
  double x0 = 0, x1 = 1;        // axis range (ops)
  double cursor = -1;           // < 0: none
  int unit = kBytes;            // kBytes (adaptive B…GiB) or kCount
  bool legend = true;
  bool first_on_top = false;    // draw the series last to first (the first covers the others)
  std::vector<MarkKind> mark_kinds;   // legend entries for the marks
  std::vector<Note> notes;
  std::vector<Band> bands;
  std::string band_label;       // the bands' legend entry ("" = none; shown only with bands)
  const char* x_title = "instructions executed";   // nullptr: no axis name
};

// draw draws a chart of size (0 = available width/height) and returns true when the reader
// clicked or dragged in it; then *new_cursor holds the op under the mouse.
bool draw(const char* id, ImVec2 size, const std::vector<Series>& series,
          const std::vector<Mark>& marks, const Spec& spec, double* new_cursor);

// format_ops writes an op count short: 950, 12.3k, 4.56M, 1.2G.
std::string format_ops(double ops);
// format_value writes y: bytes in the unit that suits them, or a count (kCount).
std::string format_value(double y, int unit);

}  // namespace chart
