#pragma once
// chart.h — line charts drawn with ImDrawList (heap and compare windows).
//
// x is the op count of the run; y is bytes (or a count). A chart draws its series as
// polylines (steps when asked), event marks along the top, the timeline cursor, y ticks in
// the chosen unit, and a tooltip with every series' value under the mouse. Clicking or
// dragging in the plot moves the cursor.
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
};

struct Mark {
  double x = 0;
  ImU32 color = 0;
  std::string tip;
};

struct Spec {
  double x0 = 0, x1 = 1;        // axis range (ops)
  double cursor = -1;           // < 0: none
  int unit = 2;                 // 0 B, 1 KiB, 2 MiB; 3 = plain count
  bool legend = true;
  bool first_on_top = false;    // draw the series last to first (the first covers the others)
};

// draw draws a chart of size (0 = available width/height) and returns true when the reader
// clicked or dragged in it; then *new_cursor holds the op under the mouse.
bool draw(const char* id, ImVec2 size, const std::vector<Series>& series,
          const std::vector<Mark>& marks, const Spec& spec, double* new_cursor);

// format_ops writes an op count short: 950, 12.3k, 4.56M, 1.2G.
std::string format_ops(double ops);
// format_value writes y in the unit (3 = count).
std::string format_value(double bytes, int unit);

}  // namespace chart
