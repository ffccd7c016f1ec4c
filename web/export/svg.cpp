// svg.cpp — see svg.h.
#include "web/export/svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace svgexport {

std::string escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

namespace {
std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}
std::string header(int w, int h) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) +
         "\" viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) +
         "\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"#1e1f24\"/>\n";
}
}  // namespace

std::string line_chart(const LineChart& c, int width, int height) {
  const double left = 80, right = 20, top = 40, bottom = 70;
  const double pw = width - left - right, ph = height - top - bottom;
  double ymax = 0;
  for (const Series& s : c.series)
    for (double y : s.y) ymax = std::max(ymax, y);
  if (ymax <= 0) ymax = 1;
  const double span = c.x1 > c.x0 ? c.x1 - c.x0 : 1;
  auto sx = [&](double x) { return left + (x - c.x0) / span * pw; };
  auto sy = [&](double y) { return top + ph - y / ymax * ph; };
  std::string o = header(width, height);
  o += "<text x=\"" + num(left) + "\" y=\"22\" fill=\"#e8e8e8\" font-size=\"14\">" + escape(c.title) + "</text>\n";
  // grid and ticks: 5 on each axis
  for (int i = 0; i <= 4; ++i) {
    const double y = ymax * i / 4, py = sy(y);
    o += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(py) + "\" y2=\"" + num(py) +
         "\" stroke=\"#3a3c44\"/>\n";
    o += "<text x=\"" + num(left - 6) + "\" y=\"" + num(py + 4) + "\" fill=\"#b0b0b0\" text-anchor=\"end\">" +
         escape(c.y_format ? c.y_format(y) : num(y)) + "</text>\n";
    const double x = c.x0 + span * i / 4, px = sx(x);
    o += "<text x=\"" + num(px) + "\" y=\"" + num(top + ph + 16) + "\" fill=\"#b0b0b0\" text-anchor=\"middle\">" +
         escape(c.x_format ? c.x_format(x) : num(x)) + "</text>\n";
  }
  o += "<text x=\"" + num(left + pw / 2) + "\" y=\"" + num(top + ph + 34) + "\" fill=\"#b0b0b0\" text-anchor=\"middle\">" +
       escape(c.x_label) + "</text>\n";
  o += "<text transform=\"translate(16," + num(top + ph / 2) + ") rotate(-90)\" fill=\"#b0b0b0\" text-anchor=\"middle\">" +
       escape(c.y_label) + "</text>\n";
  for (const Mark& m : c.marks) {
    const double px = sx(m.x);
    o += "<line x1=\"" + num(px) + "\" x2=\"" + num(px) + "\" y1=\"" + num(top) + "\" y2=\"" + num(top + ph) +
         "\" stroke=\"" + m.colour + "\" stroke-opacity=\"0.6\"><title>" + escape(m.label) + "</title></line>\n";
  }
  for (const Series& s : c.series) {
    if (s.x.empty()) continue;
    o += "<polyline fill=\"none\" stroke=\"" + s.colour + "\" stroke-width=\"1.5\" points=\"";
    for (size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) o += num(sx(s.x[i])) + "," + num(sy(s.y[i])) + " ";
    o += "\"/>\n";
  }
  // legend under the axis label
  double lx = left;
  for (const Series& s : c.series) {
    o += "<rect x=\"" + num(lx) + "\" y=\"" + num(height - 18) + "\" width=\"12\" height=\"4\" fill=\"" + s.colour + "\"/>";
    o += "<text x=\"" + num(lx + 16) + "\" y=\"" + num(height - 12) + "\" fill=\"#e8e8e8\">" + escape(s.name) + "</text>\n";
    lx += 28 + 7.5 * static_cast<double>(s.name.size());
  }
  return o + "</svg>\n";
}

std::string cell_grid(const CellGrid& g, int cell_px) {
  const int cols = std::max(1, g.columns);
  const int rows = static_cast<int>((g.cells.size() + static_cast<size_t>(cols) - 1) / static_cast<size_t>(cols));
  const int w = std::max(320, cols * cell_px + 20), h = rows * cell_px + 70;
  std::string o = header(w, h);
  o += "<text x=\"10\" y=\"22\" fill=\"#e8e8e8\" font-size=\"14\">" + escape(g.title) + "</text>\n";
  for (size_t i = 0; i < g.cells.size(); ++i) {
    const Cell& c = g.cells[i];
    const int x = 10 + static_cast<int>(i % static_cast<size_t>(cols)) * cell_px, y = 34 + static_cast<int>(i / static_cast<size_t>(cols)) * cell_px;
    // empty: dark; full: bright blue; tombstones pull towards grey; evacuated: dim
    const int v = static_cast<int>(std::lround(40 + 180 * std::clamp(c.fill, 0.0f, 1.0f)));
    const int t = static_cast<int>(std::lround(120 * std::clamp(c.tombstones, 0.0f, 1.0f)));
    char fill[16];
    std::snprintf(fill, sizeof fill, "#%02x%02x%02x", std::min(255, 30 + t), std::min(255, v / 2 + 30 + t / 2), std::min(255, v + 20));
    o += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(cell_px - 1) +
         "\" height=\"" + std::to_string(cell_px - 1) + "\" fill=\"" + fill + "\"" + (c.evacuated ? " fill-opacity=\"0.35\"" : "") + "/>";
    if (c.overflow)
      o += "<rect x=\"" + std::to_string(x + cell_px / 2) + "\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(cell_px / 2) +
           "\" height=\"" + std::to_string(cell_px / 2) + "\" fill=\"#eb5a50\"/>";
    if (i % static_cast<size_t>(cols) == static_cast<size_t>(cols) - 1) o += "\n";
  }
  o += "\n<text x=\"10\" y=\"" + std::to_string(h - 12) + "\" fill=\"#b0b0b0\">" + escape(g.caption) + "</text>\n";
  return o + "</svg>\n";
}

}  // namespace svgexport
