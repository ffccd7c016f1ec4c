// compare.cpp — the Compare window: the program run twice, inline vs pointer values (the first
// map with [N]byte or *[N]byte values) or on two Go releases (1.19 and today's Go unless the
// reader picks others), side by side: the article's table (one row per print, Alloc in MB for
// each variant) and both HeapAlloc curves on one axis. (Every release at once: releases.cpp.)
#include <algorithm>
#include <cstdio>

#include "engine/runtime/profile.h"
#include "imgui.h"
#include "web/ui/chart.h"
#include "web/ui/palette.h"
#include "web/ui/windows.h"
#include "web/units/units.h"

namespace ui {

namespace {

std::vector<const sim::Record*> prints(const app::Run& r) {
  std::vector<const sim::Record*> out;
  if (!r.sim) return out;
  for (const sim::Record& rec : r.sim->timeline().records())
    if (rec.kind == sim::Record::Print) out.push_back(&rec);
  return out;
}

chart::Series alloc_series(const app::Run& r, const std::string& label, ImU32 col) {
  chart::Series s{label, col, {}, {}, false, false, ""};
  if (!r.sim) return s;
  for (const sim::Record& rec : r.sim->timeline().records()) {
    s.x.push_back(static_cast<double>(rec.op));
    s.y.push_back(static_cast<double>(rec.mem.HeapAlloc));
  }
  return s;
}

// release_combo picks one of the releases offered; true when it changed.
bool release_combo(const char* id, std::string& version) {
  bool changed = false;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.5f);
  if (ImGui::BeginCombo(id, version.c_str(), ImGuiComboFlags_HeightLargest)) {
    const auto& versions = runtime::supported_versions();
    for (auto it = versions.rbegin(); it != versions.rend(); ++it)
      if (ImGui::Selectable(std::string(*it).c_str(), *it == version) && *it != version) {
        version = std::string(*it);
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

std::string trimmed(const std::string& t) {
  std::string s = t;
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s.size() > 48 ? s.substr(0, 45) + "..." : s;
}

}  // namespace

void compare_content(app::App& a) {
  app::CompareState& c = a.compare;
  // Row 1: the action first (always in sight), then what differs between the two runs.
  if (ImGui::Button("Run both")) app::start_compare(a);
  app::note_rect(a, "compare-run");
  ImGui::SameLine();
  help_marker("Runs the program in the editor twice with one difference and shows MemStats.Alloc "
              "at each print, like the article's table.");
  ImGui::SameLine();
  ImGui::RadioButton("inline vs pointer values", &c.mode, 0);
  ImGui::SameLine();
  ImGui::RadioButton("two releases", &c.mode, 1);
  if (c.mode == 1) {   // Row 2: the two releases
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Go");
    ImGui::SameLine();
    bool picked = release_combo("##cmp-a", c.version_a);
    app::note_rect(a, "compare-a");
    ImGui::SameLine();
    ImGui::TextUnformatted("vs Go");
    ImGui::SameLine();
    picked |= release_combo("##cmp-b", c.version_b);
    app::note_rect(a, "compare-b");
    if (picked) app::start_compare(a);
  }
  if (!c.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 110, 100, 255));
    ImGui::TextWrapped("%s", c.error.c_str());
    ImGui::PopStyleColor();
    return;
  }
  if (!c.a.sim || !c.b.sim) {
    c.shown_rows.clear();
    empty_state("Press \"Run both\".");
    return;
  }
  auto progress = [](const app::Run& r) {
    return r.done() ? std::string(sim::to_string(r.state())) : "running, " + chart::format_ops(static_cast<double>(r.ops())) + " ops";
  };
  const std::string progress_a = progress(c.a), progress_b = progress(c.b);
  ImGui::TextDisabled("A %s: %s   B %s: %s", c.label_a.c_str(), progress_a.c_str(), c.label_b.c_str(), progress_b.c_str());
  const auto pa = prints(c.a), pb = prints(c.b);
  const size_t rows = std::max(pa.size(), pb.size());
  // The value columns are as wide as their header or "1023 MiB", whichever is wider; the
  // printed line takes the rest (and is cut, with its full text in a tooltip).
  const float pad = ImGui::GetStyle().CellPadding.x * 2;
  const float num_w = ImGui::CalcTextSize("1023 MiB").x;
  if (ImGui::BeginTable("##cmp", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("printed", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(("A " + c.label_a).c_str(), ImGuiTableColumnFlags_WidthFixed,
                            std::max(num_w, ImGui::CalcTextSize(("A " + c.label_a).c_str()).x) + pad);
    ImGui::TableSetupColumn(("B " + c.label_b).c_str(), ImGuiTableColumnFlags_WidthFixed,
                            std::max(num_w, ImGui::CalcTextSize(("B " + c.label_b).c_str()).x) + pad);
    ImGui::TableHeadersRow();
    c.shown_rows.clear();
    for (size_t i = 0; i < rows; ++i) {
      ImGui::TableNextColumn();
      const sim::Record* ra = i < pa.size() ? pa[i] : nullptr;
      const sim::Record* rb = i < pb.size() ? pb[i] : nullptr;
      const std::string line = trimmed((ra ? ra : rb)->text);
      ImGui::Text("%zu. %s", i + 1, line.c_str());
      ImGui::SetItemTooltip("%s", line.c_str());
      // MemStats.Alloc when the line was printed, each in the unit that suits it (units.h).
      const std::string va = ra ? units::format(static_cast<double>(ra->mem.Alloc)) : "";
      const std::string vb = rb ? units::format(static_cast<double>(rb->mem.Alloc)) : "";
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(va.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(vb.c_str());
      c.shown_rows.push_back({line, va, vb});
    }
    ImGui::EndTable();
  }
  app::note_rect(a, "compare-table");
  std::vector<chart::Series> series = {alloc_series(c.a, "A HeapAlloc", palette::kHeapAlloc),
                                       alloc_series(c.b, "B HeapAlloc", palette::kVariantB)};
  chart::Spec spec;
  spec.x1 = static_cast<double>(std::max<uint64_t>(1, std::max(c.a.ops(), c.b.ops())));
  spec.unit = chart::kBytes;
  chart::draw("cmpchart", ImVec2(0, std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().y)), series, {}, spec, nullptr);
  app::note_rect(a, "compare-chart");
}

}  // namespace ui
