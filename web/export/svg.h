#pragma once
// svg.h — the playground's charts as standalone SVG files (issue 14, export): what an author
// pastes into a post, sharp at any size. Plain C++ (no ImGui, no engine): the windows hand in
// the figures they draw (web/ui/export.cpp), so a native test can read the result.
//
//   line_chart   series of (x, y) points over an op axis, vertical event marks, a legend,
//                axis labels with units (the heap chart)
//   cell_grid    one rectangle per bucket / group, shaded by how full it is, overflow marked
//                (the map chart)
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace svgexport {

struct Series {
  std::string name;
  std::string colour;            // "#rrggbb"
  std::vector<double> x, y;
};
struct Mark {
  double x = 0;
  std::string colour, label;
};
struct LineChart {
  std::string title, x_label, y_label;
  double x0 = 0, x1 = 1;
  std::vector<Series> series;
  std::vector<Mark> marks;
  std::function<std::string(double)> x_format, y_format;   // tick labels
};
std::string line_chart(const LineChart& c, int width = 800, int height = 400);

struct Cell {
  float fill = 0;                // 0 … 1: full slots / slots
  float tombstones = 0;          // 0 … 1: deleted slots (Swiss)
  bool overflow = false;         // an overflow chain behind the bucket
  bool evacuated = false;        // an old bucket already moved
};
struct CellGrid {
  std::string title, caption;
  std::vector<Cell> cells;
  int columns = 64;
};
std::string cell_grid(const CellGrid& g, int cell_px = 8);

// escape makes text safe inside SVG text and attributes.
std::string escape(const std::string& s);

}  // namespace svgexport
