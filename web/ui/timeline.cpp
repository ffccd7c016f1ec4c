// timeline.cpp — the Timeline window: the run's time axis (operations executed) with its
// events (prints, GC cycles, map growths) and a draggable cursor. Every other view shows the
// state at the cursor; "Live" follows the run again.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "web/ui/chart.h"
#include "web/ui/palette.h"
#include "web/ui/windows.h"

namespace ui {

void timeline_content(app::App& a) {
  const sim::Simulation* s = a.main.sim.get();
  if (!s) {
    ImGui::TextDisabled("No run yet.");
    return;
  }
  const uint64_t end = std::max<uint64_t>(1, s->ops());
  const uint64_t cur = app::cursor_op(a);
  const bool live = a.timeline.cursor == UINT64_MAX;
  if (ImGui::SmallButton(live ? "Live" : "Go live")) app::set_cursor(a, UINT64_MAX);
  app::note_rect(a, "live");
  ImGui::SameLine();
  ImGui::Text("cursor: op %s of %s", chart::format_ops(static_cast<double>(cur)).c_str(),
              chart::format_ops(static_cast<double>(end)).c_str());
  if (!live && a.probe.sim && a.probe.ops() < cur) {
    ImGui::SameLine();
    ImGui::TextDisabled("(replaying to the cursor: %.0f%%)", 100.0 * static_cast<double>(a.probe.ops()) / static_cast<double>(cur));
  }
  ImGui::SameLine();
  help_marker("Drag along the axis to see the state at any moment of the run. Marks: white = print, "
              "yellow = GC cycle, red = map growth. The views replay the program to the cursor.");

  const float fs = ImGui::GetFontSize();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size(avail.x, std::max(fs * 2.4f, std::min(avail.y, fs * 3.2f)));
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##track", size);
  app::note_rect(a, "timeline");
  const bool active = ImGui::IsItemActive(), hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x0 = p0.x + fs * 0.5f, x1 = p0.x + size.x - fs * 0.5f;
  const float ymid = p0.y + size.y * 0.45f;
  panel_fill(p0, ImVec2(p0.x + size.x, p0.y + size.y), palette::kChartBg);
  dl->AddLine(ImVec2(x0, ymid), ImVec2(x1, ymid), palette::kChartGrid, 2.0f);
  auto sx = [&](uint64_t op) {
    return x0 + static_cast<float>(static_cast<double>(op) / static_cast<double>(end)) * (x1 - x0);
  };
  // Events, at most one mark per pixel column and kind.
  float last[3] = {-1, -1, -1};
  for (const sim::Record& r : s->timeline().records()) {
    int kind;
    ImU32 col;
    float top, bottom;
    if (r.kind == sim::Record::Print) kind = 0, col = palette::kPrintMark, top = ymid - fs * 0.9f, bottom = ymid - fs * 0.2f;
    else if (r.kind == sim::Record::GcCycle) kind = 1, col = palette::kGcMark, top = ymid + fs * 0.2f, bottom = ymid + fs * 0.9f;
    else if (r.kind == sim::Record::MapEvent && (r.event.kind == maps::MapEvent::Grow || r.event.kind == maps::MapEvent::SameSizeGrow ||
                                                 r.event.kind == maps::MapEvent::Split || r.event.kind == maps::MapEvent::DirGrow ||
                                                 r.event.kind == maps::MapEvent::TableGrow))
      kind = 2, col = palette::kGrowMark, top = ymid - fs * 0.5f, bottom = ymid + fs * 0.5f;
    else continue;
    const float px = std::floor(sx(r.op));
    if (px == last[kind]) continue;
    last[kind] = px;
    dl->AddLine(ImVec2(px, top), ImVec2(px, bottom), col, std::max(1.0f, a.dpr));
  }
  // axis labels
  const std::string e = chart::format_ops(static_cast<double>(end));
  dl->AddText(ImVec2(x0, p0.y + size.y - fs * 1.05f), palette::kChartText, "0");
  dl->AddText(ImVec2(x1 - ImGui::CalcTextSize(e.c_str()).x, p0.y + size.y - fs * 1.05f), palette::kChartText, e.c_str());
  // cursor handle
  const float cx = sx(std::min(cur, end));
  dl->AddLine(ImVec2(cx, p0.y + 2), ImVec2(cx, p0.y + size.y - 2), palette::kCursor, 2.0f);
  dl->AddTriangleFilled(ImVec2(cx - fs * 0.4f, p0.y), ImVec2(cx + fs * 0.4f, p0.y), ImVec2(cx, p0.y + fs * 0.5f), palette::kCursor);
  if (hovered && !active) {
    const float mx = ImGui::GetIO().MousePos.x;
    const double op = std::clamp((mx - x0) / (x1 - x0), 0.0f, 1.0f) * static_cast<double>(end);
    ImGui::SetTooltip("op %s", chart::format_ops(op).c_str());
  }
  if (active) {
    const float mx = ImGui::GetIO().MousePos.x;
    const double f = std::clamp((mx - x0) / (x1 - x0), 0.0f, 1.0f);
    const uint64_t op = static_cast<uint64_t>(std::llround(f * static_cast<double>(end)));
    a.timeline.dragging = true;
    // At the right end the cursor snaps to live.
    app::set_cursor(a, f >= 0.999 ? UINT64_MAX : op);
  } else {
    a.timeline.dragging = false;
  }
}

}  // namespace ui
