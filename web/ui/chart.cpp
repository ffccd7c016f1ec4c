// chart.cpp — see chart.h.
#include "web/ui/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "web/ui/palette.h"
#include "web/ui/windows.h"
#include "web/units/units.h"

namespace chart {

std::string format_ops(double v) {
  char b[32];
  const double a = std::fabs(v);
  if (a >= 1e9) std::snprintf(b, sizeof b, "%.3gG", v / 1e9);
  else if (a >= 1e6) std::snprintf(b, sizeof b, "%.3gM", v / 1e6);
  else if (a >= 1e3) std::snprintf(b, sizeof b, "%.3gk", v / 1e3);
  else std::snprintf(b, sizeof b, "%.0f", v);
  return b;
}

std::string format_value(double v, int unit) {
  if (unit == kCount) return format_ops(v);
  return units::format(v);
}

namespace {

// nice_step picks 1, 2 or 5 × 10^k so that range/step is about n.
double nice_step(double range, int n) {
  if (range <= 0) return 1;
  const double raw = range / n;
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / p;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

// YAxis is the y ticks: every `step` from 0 to `max`, written in `unit` with `decimals`.
struct YAxis {
  double max = 1, step = 1, scale = 1;
  units::Unit unit = units::kB;
  int decimals = 0;
  std::string label(double y, int spec_unit) const {
    char b[48];
    if (spec_unit == kCount) return format_ops(y);
    std::snprintf(b, sizeof b, "%.*f %s", decimals, y / scale, units::name(unit));
    return b;
  }
};

YAxis y_axis(double ymax, int spec_unit, int nticks) {
  YAxis ax;
  if (ymax <= 0) ymax = spec_unit == kCount ? 1 : 1024;
  if (spec_unit != kCount) {
    ax.unit = units::unit_for(ymax);
    ax.scale = units::scale(ax.unit);
  }
  ax.step = nice_step(ymax / ax.scale, nticks);
  // Bytes and counts come whole: a step below one of them would repeat labels.
  if (ax.scale == 1) ax.step = std::max(1.0, std::round(ax.step));
  ax.decimals = ax.step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(ax.step) - 1e-9));
  ax.step *= ax.scale;
  ax.max = std::ceil(ymax / ax.step - 1e-9) * ax.step;
  return ax;
}

// Legend is the row(s) above the plot: coloured squares for series and filled areas, short
// upright bars for kinds of marks, wrapped to the chart's width.
struct LegendItem {
  std::string label;
  ImU32 color;
  bool tick;
};

float legend_height(const std::vector<LegendItem>& items, float width, float fs) {
  if (items.empty()) return 0;
  float x = 0;
  int rows = 1;
  for (const LegendItem& it : items) {
    const float w = fs * 1.1f + ImGui::CalcTextSize(it.label.c_str()).x + fs * 0.9f;
    if (x > 0 && x + w > width) {
      ++rows;
      x = 0;
    }
    x += w;
  }
  return static_cast<float>(rows) * fs * 1.2f;
}

void draw_legend(ImDrawList* dl, const std::vector<LegendItem>& items, ImVec2 p, float width, float fs) {
  float x = 0, y = 0;
  for (const LegendItem& it : items) {
    const float w = fs * 1.1f + ImGui::CalcTextSize(it.label.c_str()).x + fs * 0.9f;
    if (x > 0 && x + w > width) {
      x = 0;
      y += fs * 1.2f;
    }
    const ImVec2 q(p.x + x, p.y + y);
    if (it.tick) dl->AddRectFilled(ImVec2(q.x + fs * 0.25f, q.y + fs * 0.1f), ImVec2(q.x + fs * 0.45f, q.y + fs * 0.95f), it.color);
    else dl->AddRectFilled(ImVec2(q.x, q.y + fs * 0.2f), ImVec2(q.x + fs * 0.7f, q.y + fs * 0.9f), it.color);
    dl->AddText(ImVec2(q.x + fs * 1.0f, q.y), palette::kChartText, it.label.c_str());
    x += w;
  }
}

}  // namespace

bool draw(const char* id, ImVec2 size, const std::vector<Series>& series, const std::vector<Mark>& marks,
          const Spec& spec, double* new_cursor) {
  ImGui::PushID(id);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = avail.x;
  if (size.y <= 0) size.y = std::max(avail.y, 60.0f);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("plot", size);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float fs = ImGui::GetFontSize();
  ui::panel_fill(p0, ImVec2(p0.x + size.x, p0.y + size.y), palette::kChartBg);
  ui::pace_plot(p0, ImVec2(p0.x + size.x, p0.y + size.y));
  // y range: the fitting series, and the others when they are not far above them
  double fit_max = 0, all_max = 0;
  for (const Series& s : series)
    for (double v : s.y) (s.fit ? fit_max : all_max) = std::max(s.fit ? fit_max : all_max, v);
  double ymax = fit_max;
  if (all_max <= 3 * fit_max || fit_max <= 0) ymax = std::max(ymax, all_max);
  std::vector<LegendItem> items;
  if (spec.legend) {
    for (const Series& s : series) {
      double smax = 0;
      for (double v : s.y) smax = std::max(smax, v);
      if (!s.label.empty())
        items.push_back({smax > ymax * 1.0001 ? s.label + " \xe2\x86\x91 " + format_value(smax, spec.unit) : s.label, s.color, false});
      if (s.fill_to && !s.fill_label.empty()) items.push_back({s.fill_label, palette::kGarbage, false});
    }
    for (const MarkKind& k : spec.mark_kinds) items.push_back({k.label, k.color, true});
    if (!spec.bands.empty() && !spec.band_label.empty()) items.push_back({spec.band_label, spec.bands.front().color, false});
  }
  const float pad = fs * 0.3f;
  const float legend_h = legend_height(items, size.x - pad * 2, fs);
  // The x axis' name gets its own row when the chart is tall enough, else it shares the
  // tick row (right-aligned, ticks under it left out).
  const bool title_row = spec.x_title && size.y >= fs * 10;
  const float bottom_h = fs * 1.25f + (title_row ? fs * 1.1f : 0.0f);
  const float plot_top = p0.y + pad + legend_h + (legend_h > 0 ? fs * 0.3f : fs * 0.2f);
  const int yticks = std::clamp(static_cast<int>((p0.y + size.y - bottom_h - plot_top) / (fs * 1.6f)), 1, 5);
  const YAxis ax = y_axis(ymax, spec.unit, yticks);
  float left = 0;
  for (double y = 0; y <= ax.max * 1.0001; y += ax.step)
    left = std::max(left, ImGui::CalcTextSize(ax.label(y, spec.unit).c_str()).x);
  left += fs * 0.6f;
  const ImVec2 a(p0.x + left, plot_top), b(p0.x + size.x - fs * 0.6f, p0.y + size.y - bottom_h);
  if (b.x <= a.x + 4 || b.y <= a.y + 4) {
    ImGui::PopID();
    return false;
  }
  draw_legend(dl, items, ImVec2(p0.x + pad, p0.y + pad), size.x - pad * 2, fs);
  ymax = ax.max;
  const double x0 = spec.x0, x1 = spec.x1 > spec.x0 ? spec.x1 : spec.x0 + 1;
  auto sx = [&](double x) { return a.x + static_cast<float>((x - x0) / (x1 - x0)) * (b.x - a.x); };
  auto sy = [&](double y) { return b.y - static_cast<float>(y / ymax) * (b.y - a.y); };
  // grid and labels
  for (double y = 0; y <= ymax * 1.0001; y += ax.step) {
    const float py = sy(y);
    dl->AddLine(ImVec2(a.x, py), ImVec2(b.x, py), palette::kChartGrid);
    const std::string t = ax.label(y, spec.unit);
    dl->AddText(ImVec2(a.x - fs * 0.3f - ImGui::CalcTextSize(t.c_str()).x, py - fs * 0.5f), palette::kChartText, t.c_str());
  }
  float title_x = b.x + fs;   // ticks left of this keep their label
  if (spec.x_title) {
    const std::string t = std::string(spec.x_title) + " \xe2\x86\x92";   // →
    const float tw = ImGui::CalcTextSize(t.c_str()).x;
    title_x = b.x - tw;
    const float ty = title_row ? b.y + fs * 1.2f : b.y + 2;
    dl->AddText(ImVec2(title_x, ty), palette::kChartTitle, t.c_str());
    if (title_row) title_x = b.x + fs;
  }
  const double xstep = nice_step(x1 - x0, std::max(2, static_cast<int>((b.x - a.x) / (fs * 6))));
  for (double x = std::ceil(x0 / xstep) * xstep; x <= x1; x += xstep) {
    const float px = sx(x);
    dl->AddLine(ImVec2(px, a.y), ImVec2(px, b.y), palette::kChartGrid);
    const std::string t = format_ops(x);
    const float tw = ImGui::CalcTextSize(t.c_str()).x;
    // Centred under its line, kept inside the chart (the last one is never cut).
    const float tx = std::clamp(px - tw * 0.5f, p0.x, p0.x + size.x - tw - 2);
    if (tx + tw > title_x - fs * 0.5f) continue;
    dl->AddText(ImVec2(tx, b.y + 2), palette::kChartText, t.c_str());
  }
  dl->PushClipRect(a, ImVec2(b.x + 1, b.y + 1), true);
  // bands behind everything else, at least a pixel wide
  for (const Band& bd : spec.bands) {
    const float xa = sx(bd.x0), xb = std::max(sx(bd.x1), xa + 1.0f);
    dl->AddRectFilled(ImVec2(xa, a.y), ImVec2(xb, b.y), bd.color);
  }
  // series: decimated to about one point per pixel column (min and max kept)
  std::vector<std::vector<ImVec2>> pts(series.size());
  for (size_t si = 0; si < series.size(); ++si) {
    const Series& s = series[si];
    std::vector<ImVec2>& out = pts[si];
    out.reserve(static_cast<size_t>(b.x - a.x) * 2 + 8);
    float col = -1e9f, lo = 0, hi = 0, first = 0, last = 0;
    auto flush = [&]() {
      if (col < -1e8f) return;
      out.push_back(ImVec2(col, first));
      if (lo != first && lo != last) out.push_back(ImVec2(col, lo));
      if (hi != first && hi != last) out.push_back(ImVec2(col, hi));
      if (last != first) out.push_back(ImVec2(col, last));
    };
    for (size_t i = 0; i < s.x.size(); ++i) {
      const float px = std::floor(sx(s.x[i])), py = sy(s.y[i]);
      if (s.step && !out.empty() && px != col) {
        flush();
        col = -1e9f;
        out.push_back(ImVec2(px, out.back().y));
      }
      if (px != col) {
        flush();
        col = px;
        lo = hi = first = last = py;
      } else {
        lo = std::min(lo, py);
        hi = std::max(hi, py);
        last = py;
      }
    }
    flush();
    // A step series holds its last value to the end of the axis: a count that changes only
    // at events (the buckets) reaches the run's present instead of stopping at its last event.
    if (s.step && !out.empty() && !s.x.empty() && s.x.back() < x1) out.push_back(ImVec2(std::floor(sx(x1)), out.back().y));
  }
  for (size_t si = 0; si + 1 < series.size(); ++si) {
    if (!series[si].fill_to || pts[si].empty()) continue;
    // shade between this series (above) and the next (below), column by column
    const std::vector<ImVec2>& up = pts[si];
    const Series& low = series[si + 1];
    size_t j = 0;
    // Adjacent columns with the same top and bottom share one rectangle (steps are flat).
    ImVec2 run_a(0, 0), run_b(-1, 0);
    auto flush = [&]() {
      if (run_b.x > run_a.x) dl->AddRectFilled(run_a, run_b, palette::kGarbage);
    };
    for (size_t i = 0; i + 1 < up.size(); ++i) {
      const float xa = up[i].x, xb = up[i + 1].x;
      if (xb <= xa) continue;
      const double op = x0 + (xa - a.x) / (b.x - a.x) * (x1 - x0);
      while (j + 1 < low.x.size() && low.x[j + 1] <= op) ++j;
      const float ly = low.y.empty() ? b.y : sy(low.y[j]);
      if (ly <= up[i].y) continue;
      if (xa == run_b.x && up[i].y == run_a.y && ly == run_b.y) {
        run_b.x = xb;
        continue;
      }
      flush();
      run_a = ImVec2(xa, up[i].y);
      run_b = ImVec2(xb, ly);
    }
    flush();
  }
  // A whole-pixel width lets ImGui draw anti-aliased lines from its texture: 2 triangles a
  // segment instead of 6 (software GL pays per triangle).
  const float thickness = std::max(1.0f, std::round(1.5f * fs / 14.0f));
  for (size_t si = 0; si < series.size(); ++si) {
    // Drop the middle of three points on one horizontal or vertical line (after the fill,
    // which reads every column): a flat stretch of a step series becomes one segment instead
    // of one per pixel column.
    std::vector<ImVec2>& out = pts[si];
    size_t k = 0;
    for (size_t i = 0; i < out.size(); ++i) {
      const bool flat = k >= 2 && out[k - 2].y == out[k - 1].y && out[k - 1].y == out[i].y;
      const bool upright = k >= 2 && out[k - 2].x == out[k - 1].x && out[k - 1].x == out[i].x &&
                           (out[k - 2].y - out[k - 1].y) * (out[k - 1].y - out[i].y) >= 0;
      if (flat || upright) out[k - 1] = out[i];
      else out[k++] = out[i];
    }
    out.resize(k);
  }
  for (size_t n = 0; n < series.size(); ++n) {
    const size_t si = spec.first_on_top ? series.size() - 1 - n : n;
    if (pts[si].size() >= 2)
      dl->AddPolyline(pts[si].data(), static_cast<int>(pts[si].size()), series[si].color, 0, thickness);
  }
  // event marks along the top
  for (const Mark& m : marks) {
    const float px = sx(m.x);
    dl->AddLine(ImVec2(px, a.y), ImVec2(px, a.y + fs * 0.6f), m.color, 2.0f);
  }
  if (spec.cursor >= 0) {
    const float px = sx(spec.cursor);
    dl->AddLine(ImVec2(px, a.y), ImVec2(px, b.y), palette::kCursor, 1.0f);
  }
  // Printed values: a dot where each was printed, its text beside it where there is room.
  std::vector<ImVec4> taken;   // label boxes (x0, y0, x1, y1)
  for (const Note& n : spec.notes) {
    const ImVec2 d(sx(n.x), sy(n.y));
    dl->AddCircleFilled(d, fs * 0.28f, palette::kNoteDot);
    dl->AddCircle(d, fs * 0.28f, palette::kChartBg, 0, 1.0f);
    const ImVec2 ts = ImGui::CalcTextSize(n.text.c_str());
    const float bw = ts.x + fs * 0.5f, bh = ts.y + fs * 0.1f;
    // Above the dot (below it near the top), right of it (left near the right edge).
    float bx = d.x + fs * 0.4f, by = d.y - bh - fs * 0.3f;
    if (bx + bw > b.x) bx = d.x - fs * 0.4f - bw;
    if (by < a.y) by = d.y + fs * 0.4f;
    if (bx < a.x || by + bh > b.y) continue;
    bool clash = false;
    for (const ImVec4& t : taken) clash |= bx < t.z && bx + bw > t.x && by < t.w && by + bh > t.y;
    if (clash) continue;
    taken.push_back(ImVec4(bx, by, bx + bw, by + bh));
    dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw, by + bh), palette::kNoteBg, fs * 0.2f);
    dl->AddText(ImVec2(bx + fs * 0.25f, by + fs * 0.05f), palette::kNoteText, n.text.c_str());
  }
  dl->PopClipRect();
  bool clicked = false;
  if (hovered || active) {
    const ImVec2 mp = ImGui::GetIO().MousePos;
    const double op = x0 + std::clamp((mp.x - a.x) / (b.x - a.x), 0.0f, 1.0f) * (x1 - x0);
    if (hovered && !active) {
      ImGui::BeginTooltip();
      ImGui::Text("instruction %s", format_ops(op).c_str());
      for (const Series& s : series) {
        if (s.x.empty()) continue;
        size_t i = static_cast<size_t>(std::upper_bound(s.x.begin(), s.x.end(), op) - s.x.begin());
        if (i > 0) --i;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(s.color), "%s: %s", s.label.c_str(),
                           format_value(s.y[i], spec.unit).c_str());
      }
      for (const Mark& m : marks) {
        if (std::fabs(sx(m.x) - mp.x) < fs * 0.3f && !m.tip.empty()) ImGui::TextUnformatted(m.tip.c_str());
      }
      for (const Note& n : spec.notes) {
        if (std::fabs(sx(n.x) - mp.x) < fs * 0.5f) ImGui::Text("printed: %s", n.text.c_str());
      }
      for (const Band& bd : spec.bands) {
        if (mp.x >= sx(bd.x0) - 1 && mp.x <= std::max(sx(bd.x1), sx(bd.x0) + 1.0f) + 1 && !bd.tip.empty()) ImGui::TextUnformatted(bd.tip.c_str());
      }
      ImGui::EndTooltip();
    }
    if (active && new_cursor) {
      *new_cursor = op;
      clicked = true;
    }
  }
  ImGui::PopID();
  return clicked;
}

}  // namespace chart
