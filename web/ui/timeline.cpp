// timeline.cpp — the Timeline window: the run's time axis (operations executed, up to the
// furthest op the run reached) with its events (prints, GC cycles, map growths), the phases of
// the program (inserts, deletes, GC … named from the source line the run spent them on) and a
// draggable cursor. Every other view shows the state at the cursor: the main run goes there
// from its nearest keyframe (app::set_cursor). Step back / forward and jumps to the previous
// or next event of a kind, from the buttons and the keyboard (← → step, [ ] jump).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "imgui.h"
#include "web/export/svg.h"
#include "web/platform.h"
#include "web/ui/chart.h"
#include "web/ui/palette.h"
#include "web/ui/windows.h"
#include "web/units/units.h"

namespace ui {

namespace {

constexpr sim::StepMode kStepModeValues[] = {sim::StepMode::Statement, sim::StepMode::LoopIteration,
                                             sim::StepMode::NextPrint};

// phase_name names what a source line does: "inserts", "deletes", "GC", "clear", or the line
// itself (shortened). A `for` header is its body's first line.
std::string phase_name(const std::string& src, int line) {
  std::string t = source_line(src, line);
  if (t.rfind("for ", 0) == 0) t = source_line(src, line + 1);
  if (t.find("delete(") != std::string::npos) return "deletes";
  if (t.find("runtime.GC()") != std::string::npos) return "GC";
  if (t.find("clear(") != std::string::npos) return "clear";
  const size_t br = t.find("] =");
  if (br != std::string::npos && t.find(":=") == std::string::npos) return "inserts";
  if (t.size() > 22) t = t.substr(0, 21) + "…";
  return t.empty() ? "line " + std::to_string(line) : t;
}

struct Phase {
  uint64_t op0, op1;
  std::string name;
};

// phases splits [0, end) by the line the run's records were taken on, named by phase_name;
// stretches under 3 % of the axis join their neighbour. Each line is named once per call: a run
// has thousands of records on a few lines, and naming reads the source from its start (this
// ran every frame, its cost growing with the run).
std::vector<Phase> phases(const sim::Timeline& tl, const std::string& src, uint64_t end) {
  struct Stretch {
    uint64_t op0, op1;
    size_t name;   // index into names
  };
  std::vector<std::string> names;
  std::vector<size_t> name_of_line;   // line → index into names + 1; 0 = not named yet
  auto name_of = [&](int line) {
    const size_t l = static_cast<size_t>(line);
    if (l >= name_of_line.size()) name_of_line.resize(l + 1, 0);
    if (name_of_line[l] == 0) {
      const std::string n = phase_name(src, line);
      const size_t found = static_cast<size_t>(std::find(names.begin(), names.end(), n) - names.begin());
      if (found == names.size()) names.push_back(n);
      name_of_line[l] = found + 1;
    }
    return name_of_line[l] - 1;
  };
  std::vector<Stretch> out;
  for (const sim::Record& r : tl.records()) {
    if (r.line <= 0 || r.kind == sim::Record::End) continue;
    const size_t name = name_of(r.line);
    if (!out.empty() && out.back().name == name) {
      out.back().op1 = r.op;
      continue;
    }
    if (!out.empty()) out.back().op1 = r.op;
    out.push_back({r.op, r.op, name});
  }
  if (!out.empty()) out.back().op1 = end;
  std::vector<Stretch> merged;
  for (const Stretch& p : out) {
    const bool small = (p.op1 - p.op0) * 33 < end;
    if (!merged.empty() && (small || merged.back().name == p.name)) {
      merged.back().op1 = p.op1;
      continue;
    }
    merged.push_back(p);
  }
  // a small first stretch names nothing useful: it joins what follows
  if (merged.size() > 1 && (merged[0].op1 - merged[0].op0) * 33 < end) {
    merged[1].op0 = 0;
    merged.erase(merged.begin());
  }
  std::vector<Phase> phased;
  for (const Stretch& p : merged) phased.push_back({p.op0, p.op1, names[p.name]});
  return phased;
}

//-- export: what authors paste into their posts ---------------------------------------------------

std::string colour(ImU32 c) {
  char b[8];
  std::snprintf(b, sizeof b, "#%02x%02x%02x", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF);
  return b;
}

// heap_svg is the Heap window's chart: HeapAlloc, NextGC and Sys over the run, GC cycles marked.
std::string heap_svg(const app::App& a) {
  svgexport::LineChart c;
  c.title = "Heap over the run (" + a.main.options.go_version + ")";
  c.x_label = "operations executed";
  c.y_label = "bytes";
  c.x1 = static_cast<double>(std::max<uint64_t>(1, app::horizon_ops(a)));
  svgexport::Series alloc{"HeapAlloc", colour(palette::kHeapAlloc), {}, {}}, next{"NextGC", colour(palette::kNextGC), {}, {}},
      sys{"Sys", colour(palette::kSys), {}, {}};
  for (const sim::Record& r : app::horizon(a).records()) {
    const double x = static_cast<double>(r.op);
    alloc.x.push_back(x), alloc.y.push_back(static_cast<double>(r.mem.HeapAlloc));
    next.x.push_back(x), next.y.push_back(static_cast<double>(r.mem.NextGC));
    sys.x.push_back(x), sys.y.push_back(static_cast<double>(r.mem.Sys));
    if (r.kind == sim::Record::GcCycle)
      c.marks.push_back({x, colour(palette::kGcMark), "GC #" + std::to_string(r.gc.num) + (r.gc.forced ? " (forced)" : "")});
  }
  c.series = {alloc, next, sys};
  c.x_format = [](double v) { return chart::format_ops(v); };
  c.y_format = [](double v) { return units::format(v); };
  return svgexport::line_chart(c);
}

// map_svg is the Map window's grid as it shows now (its cells, aggregated as drawn).
std::string map_svg(const app::App& a) {
  svgexport::CellGrid g;
  const app::MapViewState& v = a.map_view;
  uint32_t most = 8;
  for (const maps::BucketCell& c : v.cells) most = std::max<uint32_t>(most, c.used);
  for (const maps::BucketCell& c : v.cells)
    g.cells.push_back({static_cast<float>(c.used) / static_cast<float>(most), static_cast<float>(c.tombstones) / static_cast<float>(most),
                       c.chain > 0, c.evacuated});
  g.columns = static_cast<int>(std::clamp<size_t>(static_cast<size_t>(std::sqrt(static_cast<double>(g.cells.size()) * 2.0)), 8, 128));
  g.title = "Map buckets at op " + std::to_string(app::cursor_op(a)) + " (" + a.main.options.go_version + ")";
  g.caption = std::to_string(v.cells.size()) + " cells" + (v.cache_group > 1 ? ", each " + std::to_string(v.cache_group) + " buckets" : "") +
              "; brighter = fuller, red corner = overflow buckets, faded = evacuated";
  return svgexport::cell_grid(g);
}

std::string markdown_cell(const std::string& s) {
  std::string o;
  for (char c : s) o += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return o;
}

void export_menu(app::App& a) {
  const std::string base = a.scenario.preset.empty() ? "program" : a.scenario.preset;
  if (ImGui::SmallButton("Export...")) ImGui::OpenPopup("##export");
  app::note_rect(a, "export");
  if (!ImGui::BeginPopup("##export")) return;
  const sim::Timeline& tl = app::horizon(a);
  if (ImGui::Selectable("Timeline as CSV")) platform::download(base + "-timeline.csv", "text/csv", tl.to_csv());
  app::note_rect(a, "export:csv");
  if (ImGui::Selectable("Timeline as JSON lines (gomapsim run --json)"))
    platform::download(base + "-timeline.jsonl", "application/jsonl", tl.to_jsonl());
  app::note_rect(a, "export:jsonl");
  ImGui::Separator();
  auto png = [&](const char* label, const char* rect, const std::string& file) {
    // the window's rectangle as the canvas shows it once the menu has closed (app::frame)
    if (ImGui::Selectable(label)) a.timeline.png_rect = rect, a.timeline.png_file = file, a.timeline.png_frames = 3;
  };
  png("Heap chart as PNG", "heap-chart", base + "-heap.png");
  app::note_rect(a, "export:heap-png");
  if (ImGui::Selectable("Heap chart as SVG")) platform::download(base + "-heap.svg", "image/svg+xml", heap_svg(a));
  app::note_rect(a, "export:heap-svg");
  png("Map grid as PNG", "bucket-grid", base + "-map.png");
  app::note_rect(a, "export:map-png");
  ImGui::BeginDisabled(a.map_view.cells.empty());
  if (ImGui::Selectable("Map grid as SVG")) platform::download(base + "-map.svg", "image/svg+xml", map_svg(a));
  ImGui::EndDisabled();
  app::note_rect(a, "export:map-svg");
  ImGui::Separator();
  ImGui::BeginDisabled(!a.releases.matrix.done() || a.releases.matrix.columns().empty());
  if (ImGui::Selectable("Release matrix as Markdown"))
    platform::download(base + "-releases.md", "text/markdown", a.releases.matrix.to_markdown());
  ImGui::EndDisabled();
  app::note_rect(a, "export:matrix-md");
  ImGui::BeginDisabled(a.compare.shown_rows.empty());
  if (ImGui::Selectable("Compare table as Markdown")) {
    std::string md = "| printed | A " + markdown_cell(a.compare.label_a) + " | B " + markdown_cell(a.compare.label_b) + " |\n|---|---:|---:|\n";
    for (const auto& row : a.compare.shown_rows)
      md += "| " + markdown_cell(row[0]) + " | " + markdown_cell(row[1]) + " | " + markdown_cell(row[2]) + " |\n";
    platform::download(base + "-compare.md", "text/markdown", md);
  }
  ImGui::EndDisabled();
  app::note_rect(a, "export:compare-md");
  ImGui::EndPopup();
}

void step_and_jump_row(app::App& a) {
  const sim::StepMode mode = kStepModeValues[std::clamp(a.controls.step_mode, 0, 2)];
  const char* unit = a.controls.step_mode == 0 ? "statement" : a.controls.step_mode == 1 ? "iteration" : "print";
  if (ImGui::SmallButton("<")) app::step_back(a, mode);
  app::note_rect(a, "step-back");
  ImGui::SetItemTooltip("Step back by one %s (the unit Run's step menu sets). Key: Left arrow.", unit);
  ImGui::SameLine();
  if (ImGui::SmallButton(">")) app::step_unit(a, mode);
  app::note_rect(a, "step-forward");
  ImGui::SetItemTooltip("Step forward by one %s. Key: Right arrow.", unit);
  ImGui::SameLine();
  if (ImGui::SmallButton("|<")) app::jump_event(a, a.timeline.jump_kind, -1);
  app::note_rect(a, "jump-prev");
  ImGui::SetItemTooltip("Go to the previous %s. Key: [", app::event_kind_name(a.timeline.jump_kind));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("directory doubling").x + ImGui::GetFrameHeight());
  if (ImGui::BeginCombo("##jumpkind", app::event_kind_name(a.timeline.jump_kind))) {
    for (int k = 0; k < app::kEventKinds; ++k) {
      if (ImGui::Selectable(app::event_kind_name(k), k == a.timeline.jump_kind)) a.timeline.jump_kind = k;
      app::note_rect(a, std::string("jump-kind:") + app::event_kind_name(k));
    }
    ImGui::EndCombo();
  }
  app::note_rect(a, "jump-kind");
  ImGui::SameLine();
  if (ImGui::SmallButton(">|")) app::jump_event(a, a.timeline.jump_kind, +1);
  app::note_rect(a, "jump-next");
  ImGui::SetItemTooltip("Go to the next %s. Key: ]", app::event_kind_name(a.timeline.jump_kind));

  // Keys, when no text field has the keyboard.
  if (!ImGui::GetIO().WantTextInput && a.main.loaded()) {
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) app::step_back(a, mode);
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) app::step_unit(a, mode);
    if (ImGui::IsKeyPressed(ImGuiKey_LeftBracket)) app::jump_event(a, a.timeline.jump_kind, -1);
    if (ImGui::IsKeyPressed(ImGuiKey_RightBracket)) app::jump_event(a, a.timeline.jump_kind, +1);
  }
}

}  // namespace

std::string source_line(const std::string& src, int line) {
  size_t p = 0;
  for (int l = 1; l < line && p != std::string::npos; ++l) {
    p = src.find('\n', p);
    if (p != std::string::npos) ++p;
  }
  if (p == std::string::npos || p >= src.size()) return "";
  const size_t e = src.find('\n', p);
  std::string t = src.substr(p, e == std::string::npos ? std::string::npos : e - p);
  const size_t b = t.find_first_not_of(" \t");
  t = b == std::string::npos ? "" : t.substr(b);
  const size_t c = t.find("//");
  if (c != std::string::npos) t = t.substr(0, c);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
  return t;
}

void timeline_content(app::App& a) {
  const sim::Simulation* s = a.main.sim.get();
  if (!s) {
    ImGui::TextDisabled("No run yet.");
    return;
  }
  const sim::Timeline& tl = app::horizon(a);
  const uint64_t end = std::max<uint64_t>(1, app::horizon_ops(a));
  const uint64_t cur = app::cursor_op(a);
  const bool live = a.timeline.cursor == UINT64_MAX;
  if (ImGui::SmallButton(live ? "Live" : "Go live")) app::set_cursor(a, UINT64_MAX);
  app::note_rect(a, "live");
  ImGui::SameLine();
  ImGui::Text("op %s of %s", chart::format_ops(static_cast<double>(cur)).c_str(),
              chart::format_ops(static_cast<double>(end)).c_str());
  if (!live && a.main.playing && s->ops() < cur) {
    ImGui::SameLine();
    ImGui::TextDisabled("(replaying to the cursor: %.0f%%)", 100.0 * static_cast<double>(s->ops()) / static_cast<double>(cur));
  }
  ImGui::SameLine();
  step_and_jump_row(a);
  ImGui::SameLine();
  export_menu(a);
  ImGui::SameLine();
  help_marker("Drag along the axis to see the state at any moment of the run. Marks: white = print, "
              "yellow = GC cycle, red = map growth; the band below names the program's phases. The run "
              "keeps snapshots (keyframes) as it goes and replays from the nearest one.");

  const float fs = ImGui::GetFontSize();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size(avail.x, std::max(fs * 3.3f, std::min(avail.y, fs * 4.2f)));
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##track", size);
  app::note_rect(a, "timeline");
  const bool active = ImGui::IsItemActive(), hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x0 = p0.x + fs * 0.5f, x1 = p0.x + size.x - fs * 0.5f;
  const float ymid = p0.y + fs * 1.0f;
  panel_fill(p0, ImVec2(p0.x + size.x, p0.y + size.y), palette::kChartBg);
  pace_plot(p0, ImVec2(p0.x + size.x, p0.y + size.y));
  dl->AddLine(ImVec2(x0, ymid), ImVec2(x1, ymid), palette::kChartGrid, 2.0f);
  auto sx = [&](uint64_t op) {
    return x0 + static_cast<float>(static_cast<double>(std::min(op, end)) / static_cast<double>(end)) * (x1 - x0);
  };
  // Phases: a band under the axis, one shade per phase, named where the name fits.
  const float band0 = ymid + fs * 0.95f, band1 = band0 + fs * 1.15f;
  int shade = 0;
  for (const Phase& ph : phases(tl, a.main.source, end)) {
    const float px0 = sx(ph.op0), px1 = sx(ph.op1);
    dl->AddRectFilled(ImVec2(px0, band0), ImVec2(px1, band1), shade++ % 2 ? IM_COL32(90, 110, 140, 90) : IM_COL32(120, 140, 170, 70));
    const ImVec2 ts = ImGui::CalcTextSize(ph.name.c_str());
    if (ts.x + fs * 0.4f < px1 - px0)
      dl->AddText(ImVec2(px0 + fs * 0.2f, band0 + (band1 - band0 - ts.y) * 0.5f), palette::kChartText, ph.name.c_str());
  }
  // Events, at most one mark per pixel column and kind.
  float last[3] = {-1, -1, -1};
  for (const sim::Record& r : tl.records()) {
    int kind;
    ImU32 col;
    float top, bottom;
    if (r.kind == sim::Record::Print) kind = 0, col = palette::kPrintMark, top = ymid - fs * 0.9f, bottom = ymid - fs * 0.2f;
    else if (r.kind == sim::Record::GcCycle) kind = 1, col = palette::kGcMark, top = ymid + fs * 0.2f, bottom = ymid + fs * 0.9f;
    else if (app::event_matches(r, app::kMapGrowth) || app::event_matches(r, app::kTableSplit) ||
             app::event_matches(r, app::kDirDoubling))
      kind = 2, col = palette::kGrowMark, top = ymid - fs * 0.5f, bottom = ymid + fs * 0.5f;
    else continue;
    const float px = std::floor(sx(r.op));
    if (px == last[kind]) continue;
    last[kind] = px;
    dl->AddLine(ImVec2(px, top), ImVec2(px, bottom), col, std::max(1.0f, a.dpr));
  }
  // axis labels
  const std::string e = chart::format_ops(static_cast<double>(end)) + " ops";
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
