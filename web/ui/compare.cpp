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
  chart::Series s{label, col, {}, {}, false, false};
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
  ImGui::RadioButton("inline vs pointer values", &c.mode, 0);
  ImGui::SameLine();
  ImGui::RadioButton("two releases", &c.mode, 1);
  // Second row: the two releases, then Run both.
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
  if (picked) {
    c.mode = 1;
    app::start_compare(a);
  }
  ImGui::SameLine();
  if (ImGui::Button("Run both")) app::start_compare(a);
  app::note_rect(a, "compare-run");
  ImGui::SameLine();
  help_marker("Runs the program in the editor twice with one difference and shows MemStats.Alloc "
              "at each print, like the article's table.");
  if (!c.error.empty()) {
    ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", c.error.c_str());
    return;
  }
  if (!c.a.sim || !c.b.sim) {
    ImGui::TextDisabled("Press \"Run both\".");
    return;
  }
  ImGui::Text("%s: %s, %s ops   |   %s: %s, %s ops", c.label_a.c_str(), sim::to_string(c.a.state()),
              chart::format_ops(static_cast<double>(c.a.ops())).c_str(), c.label_b.c_str(), sim::to_string(c.b.state()),
              chart::format_ops(static_cast<double>(c.b.ops())).c_str());
  const auto pa = prints(c.a), pb = prints(c.b);
  const size_t rows = std::max(pa.size(), pb.size());
  if (ImGui::BeginTable("##cmp", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("step (what the program printed)");
    ImGui::TableSetupColumn(c.label_a.c_str());
    ImGui::TableSetupColumn(c.label_b.c_str());
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < rows; ++i) {
      ImGui::TableNextColumn();
      const sim::Record* ra = i < pa.size() ? pa[i] : nullptr;
      const sim::Record* rb = i < pb.size() ? pb[i] : nullptr;
      ImGui::Text("%zu. %s", i + 1, trimmed((ra ? ra : rb)->text).c_str());
      ImGui::TableNextColumn();
      if (ra) ImGui::Text("%.0f MB", static_cast<double>(ra->mem.Alloc) / 1048576.0);
      ImGui::TableNextColumn();
      if (rb) ImGui::Text("%.0f MB", static_cast<double>(rb->mem.Alloc) / 1048576.0);
    }
    ImGui::EndTable();
  }
  std::vector<chart::Series> series = {alloc_series(c.a, "HeapAlloc " + c.label_a, palette::kHeapAlloc),
                                       alloc_series(c.b, "HeapAlloc " + c.label_b, palette::kVariantB)};
  chart::Spec spec;
  spec.x1 = static_cast<double>(std::max<uint64_t>(1, std::max(c.a.ops(), c.b.ops())));
  spec.unit = a.heap_view.unit;
  chart::draw("cmpchart", ImVec2(0, std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().y)), series, {}, spec, nullptr);
}

}  // namespace ui
