// chart.cpp — see chart.h.
#include "web/ui/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "web/ui/palette.h"
#include "web/ui/windows.h"

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
  char b[32];
  switch (unit) {
    case 0: std::snprintf(b, sizeof b, "%.0f B", v); break;
    case 1: std::snprintf(b, sizeof b, "%.0f KiB", v / 1024); break;
    case 2: std::snprintf(b, sizeof b, v >= 10 * 1048576.0 ? "%.0f MiB" : "%.1f MiB", v / 1048576.0); break;
    default: return format_ops(v);
  }
  return b;
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

double unit_scale(int unit) { return unit == 1 ? 1024.0 : unit == 2 ? 1048576.0 : 1.0; }

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
  const float left = ImGui::CalcTextSize("0000 MiB").x + fs * 0.3f;
  const ImVec2 a(p0.x + left, p0.y + fs * 0.4f), b(p0.x + size.x - fs * 0.3f, p0.y + size.y - fs * 1.3f);
  ui::panel_fill(p0, ImVec2(p0.x + size.x, p0.y + size.y), palette::kChartBg);
  if (b.x <= a.x + 4 || b.y <= a.y + 4) {
    ImGui::PopID();
    return false;
  }
  // y range over every series
  double ymax = 0;
  for (const Series& s : series)
    for (double v : s.y) ymax = std::max(ymax, v);
  if (ymax <= 0) ymax = spec.unit == 3 ? 1 : 1048576.0;
  const double scale = unit_scale(spec.unit == 3 ? 0 : spec.unit);
  const int yticks = std::clamp(static_cast<int>((b.y - a.y) / (fs * 1.6f)), 1, 5);
  double ystep = nice_step(ymax / scale, yticks) * scale;
  if (spec.unit == 3) ystep = std::max(1.0, std::round(ystep));   // counts: whole steps
  ymax = std::ceil(ymax / ystep) * ystep;
  const double x0 = spec.x0, x1 = spec.x1 > spec.x0 ? spec.x1 : spec.x0 + 1;
  auto sx = [&](double x) { return a.x + static_cast<float>((x - x0) / (x1 - x0)) * (b.x - a.x); };
  auto sy = [&](double y) { return b.y - static_cast<float>(y / ymax) * (b.y - a.y); };
  // grid and labels
  for (double y = 0; y <= ymax * 1.0001; y += ystep) {
    const float py = sy(y);
    dl->AddLine(ImVec2(a.x, py), ImVec2(b.x, py), palette::kChartGrid);
    const std::string t = format_value(y, spec.unit);
    dl->AddText(ImVec2(p0.x + 2, py - fs * 0.5f), palette::kChartText, t.c_str());
  }
  const double xstep = nice_step(x1 - x0, std::max(2, static_cast<int>((b.x - a.x) / (fs * 6))));
  for (double x = std::ceil(x0 / xstep) * xstep; x <= x1; x += xstep) {
    const float px = sx(x);
    dl->AddLine(ImVec2(px, a.y), ImVec2(px, b.y), palette::kChartGrid);
    const std::string t = format_ops(x);
    dl->AddText(ImVec2(px - ImGui::CalcTextSize(t.c_str()).x * 0.5f, b.y + 2), palette::kChartText, t.c_str());
  }
  dl->PushClipRect(a, ImVec2(b.x + 1, b.y + 1), true);
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
    if (s.step && !out.empty() && spec.cursor < 0) out.push_back(ImVec2(sx(x1), out.back().y));
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
  dl->PopClipRect();
  // legend
  if (spec.legend) {
    float lx = a.x + fs * 0.5f;
    for (const Series& s : series) {
      if (s.label.empty()) continue;
      dl->AddRectFilled(ImVec2(lx, a.y + fs * 0.9f), ImVec2(lx + fs * 0.7f, a.y + fs * 1.6f), s.color);
      dl->AddText(ImVec2(lx + fs * 0.9f, a.y + fs * 0.75f), palette::kChartText, s.label.c_str());
      lx += ImGui::CalcTextSize(s.label.c_str()).x + fs * 2.0f;
    }
  }
  bool clicked = false;
  if (hovered || active) {
    const ImVec2 mp = ImGui::GetIO().MousePos;
    const double op = x0 + std::clamp((mp.x - a.x) / (b.x - a.x), 0.0f, 1.0f) * (x1 - x0);
    if (hovered && !active) {
      ImGui::BeginTooltip();
      ImGui::Text("op %s", format_ops(op).c_str());
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
