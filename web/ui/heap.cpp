// heap.cpp — the Heap window: HeapAlloc, live bytes vs garbage, NextGC, Sys and the bucket
// count over the run, with GC cycles and map growths marked; a breakdown bar of the heap at
// the cursor; the runtime.MemStats table. Units: B, KiB or MiB as the reader chooses.
#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "web/ui/chart.h"
#include "web/ui/palette.h"
#include "web/ui/windows.h"

namespace ui {

namespace {

struct Breakdown {
  uint64_t buckets = 0, old_buckets = 0, overflow = 0, indirect = 0, pointed = 0, other = 0, total = 0;
};

Breakdown breakdown(const sim::Simulation& s) {
  Breakdown b;
  const heap::MemStats m = s.memstats();
  b.total = m.HeapAlloc;
  for (const sim::LiveMap& lm : s.live_maps()) {
    const maps::MapShape sh = lm.map->shape();
    b.buckets += sh.bucket_bytes + sh.header_bytes + sh.extra_bytes;
    b.old_buckets += sh.old_bucket_bytes;
    b.overflow += sh.overflow_bytes;
    b.indirect += sh.indirect_bytes;
    b.pointed += s.pointed_bytes(lm);   // what pointer keys/values point to, any pointee type
  }
  const uint64_t known = b.buckets + b.old_buckets + b.overflow + b.indirect + b.pointed;
  b.other = b.total > known ? b.total - known : 0;
  return b;
}

void bar(app::App& a, const Breakdown& b) {
  struct Part { const char* name; uint64_t bytes; ImU32 col; const char* tip; };
  const Part parts[] = {
      {"bucket arrays", b.buckets, palette::kBucketArrays, "current bucket arrays (or Swiss groups), map headers, mapextra"},
      {"old bucket arrays", b.old_buckets, palette::kOldBuckets, "oldbuckets while a growth is in progress"},
      {"overflow buckets", b.overflow, palette::kOverflowBuckets, "overflow buckets allocated one by one"},
      {"indirect keys/values", b.indirect, palette::kIndirect, "keys or values over 128 bytes, stored behind a pointer"},
      {"pointed-to values", b.pointed, palette::kPointedTo, "objects the map's pointer values point to"},
      {"other", b.other, palette::kOther, "the runtime's own objects, garbage not yet swept, everything else"},
  };
  const float fs = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x, h = fs * 1.1f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const double total = std::max<double>(1.0, static_cast<double>(b.total));
  float x = p.x;
  ImGui::InvisibleButton("##bar", ImVec2(w, h));
  const bool hov = ImGui::IsItemHovered();
  const float mx = ImGui::GetIO().MousePos.x;
  for (const Part& part : parts) {
    const float pw = static_cast<float>(static_cast<double>(part.bytes) / total) * w;
    if (pw <= 0) continue;
    dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + pw, p.y + h), part.col);
    if (hov && mx >= x && mx < x + pw)
      ImGui::SetTooltip("%s: %s (%.0f%%)\n%s", part.name, app::fmt_bytes(part.bytes, a.heap_view.unit).c_str(),
                        100.0 * static_cast<double>(part.bytes) / total, part.tip);
    x += pw;
  }
  // legend with figures
  for (const Part& part : parts) {
    if (part.bytes == 0) continue;
    const ImVec2 q = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(q.x, q.y + fs * 0.2f), ImVec2(q.x + fs * 0.7f, q.y + fs * 0.9f), part.col);
    ImGui::Dummy(ImVec2(fs * 0.8f, fs));
    ImGui::SameLine(0, fs * 0.2f);
    ImGui::Text("%s %s", part.name, app::fmt_bytes(part.bytes, a.heap_view.unit).c_str());
    ImGui::SameLine(0, fs);
    if (ImGui::GetContentRegionAvail().x < fs * 14) ImGui::NewLine();
  }
  ImGui::NewLine();
}

void memstats_table(const heap::MemStats& m, int unit) {
  if (!ImGui::BeginTable("##memstats", 4, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_RowBg)) return;
  auto row = [&](const char* k, uint64_t v, bool bytes) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", k);
    ImGui::TableNextColumn();
    if (bytes) ImGui::TextUnformatted(app::fmt_bytes(v, unit).c_str());
    else ImGui::Text("%llu", static_cast<unsigned long long>(v));
  };
  row("Alloc", m.Alloc, true);            row("TotalAlloc", m.TotalAlloc, true);
  row("Sys", m.Sys, true);                row("HeapAlloc", m.HeapAlloc, true);
  row("HeapSys", m.HeapSys, true);        row("HeapIdle", m.HeapIdle, true);
  row("HeapInuse", m.HeapInuse, true);    row("HeapReleased", m.HeapReleased, true);
  row("HeapObjects", m.HeapObjects, false); row("Mallocs", m.Mallocs, false);
  row("Frees", m.Frees, false);           row("NextGC", m.NextGC, true);
  row("NumGC", m.NumGC, false);           row("NumForcedGC", m.NumForcedGC, false);
  row("StackInuse", m.StackInuse, true);  row("MSpanInuse", m.MSpanInuse, true);
  row("GCSys", m.GCSys, true);            row("OtherSys", m.OtherSys, true);
  ImGui::EndTable();
}

}  // namespace

void heap_content(app::App& a) {
  const sim::Simulation* s = a.main.sim.get();
  if (!s || s->state() == sim::RunState::Empty) {
    ImGui::TextDisabled("Nothing to show: load a program.");
    return;
  }
  app::HeapViewState& v = a.heap_view;
  ImGui::TextUnformatted("units");
  ImGui::SameLine();
  ImGui::RadioButton("B", &v.unit, 0);
  ImGui::SameLine();
  ImGui::RadioButton("KiB", &v.unit, 1);
  ImGui::SameLine();
  ImGui::RadioButton("MiB", &v.unit, 2);
  app::note_rect(a, "unit-mib");
  ImGui::SameLine();
  ImGui::Checkbox("Sys", &v.show[3]);
  ImGui::SameLine();
  ImGui::Checkbox("NextGC", &v.show[2]);

  // Series from the run's records (every record carries the MemStats counters).
  chart::Series alloc{"HeapAlloc", palette::kHeapAlloc, {}, {}, false, true};
  chart::Series live{"live after last GC", palette::kLive, {}, {}, true, false};
  chart::Series next{"NextGC", palette::kNextGC, {}, {}, true, false};
  chart::Series sys{"Sys", palette::kSys, {}, {}, true, false};
  chart::Series buckets{"buckets", palette::kBuckets, {}, {}, true, false};
  std::vector<chart::Mark> marks;
  uint64_t marked = 0;
  bool have_marked = false;
  for (const sim::Record& r : s->timeline().records()) {
    const double x = static_cast<double>(r.op);
    if (r.kind == sim::Record::GcCycle) {
      marked = r.gc.heap_marked;
      have_marked = true;
      char tip[96];
      std::snprintf(tip, sizeof tip, "GC #%u%s: marked %s", r.gc.num, r.gc.forced ? " (forced)" : r.gc.periodic ? " (periodic)" : "",
                    app::fmt_bytes(r.gc.heap_marked, v.unit).c_str());
      marks.push_back({x, palette::kGcMark, tip});
    }
    if (r.kind == sim::Record::MapEvent && (r.event.kind == maps::MapEvent::Grow || r.event.kind == maps::MapEvent::SameSizeGrow)) {
      char tip[96];
      std::snprintf(tip, sizeof tip, "map grew: B %llu -> %llu", static_cast<unsigned long long>(r.event.a),
                    static_cast<unsigned long long>(r.event.b));
      marks.push_back({x, palette::kGrowMark, tip});
    }
    alloc.x.push_back(x);
    alloc.y.push_back(static_cast<double>(r.mem.HeapAlloc));
    live.x.push_back(x);
    live.y.push_back(static_cast<double>(have_marked ? std::min(marked, r.mem.HeapAlloc) : r.mem.HeapAlloc));
    if (v.show[2]) {
      next.x.push_back(x);
      next.y.push_back(static_cast<double>(r.mem.NextGC));
    }
    if (v.show[3]) {
      sys.x.push_back(x);
      sys.y.push_back(static_cast<double>(r.mem.Sys));
    }
    if (r.kind != sim::Record::Sample) {
      uint64_t nb = 0;
      for (const sim::MapSnapshot& ms : r.maps) nb += ms.shape.swiss ? ms.shape.groups : ms.shape.nbuckets;
      buckets.x.push_back(x);
      buckets.y.push_back(static_cast<double>(nb));
    }
  }
  std::vector<chart::Series> series;
  series.push_back(std::move(alloc));
  series.push_back(std::move(live));
  if (v.show[2]) series.push_back(std::move(next));
  if (v.show[3]) series.push_back(std::move(sys));
  chart::Spec spec;
  spec.x0 = 0;
  spec.x1 = static_cast<double>(std::max<uint64_t>(1, s->ops()));
  spec.cursor = static_cast<double>(app::cursor_op(a));
  spec.unit = v.unit;
  const float fs = ImGui::GetFontSize();
  const float avail_h = ImGui::GetContentRegionAvail().y;
  const bool compact = avail_h < fs * 22;
  double nc = 0;
  if (chart::draw("heapchart", ImVec2(0, std::max(fs * 8, avail_h * (compact ? 0.55f : 0.42f))), series, marks, spec, &nc))
    app::set_cursor(a, static_cast<uint64_t>(nc));
  app::note_rect(a, "heap-chart");
  chart::Spec bspec = spec;
  bspec.unit = 3;
  if (chart::draw("bucketchart", ImVec2(0, fs * 4.5f), {buckets}, {}, bspec, &nc))
    app::set_cursor(a, static_cast<uint64_t>(nc));

  const sim::Simulation* vs = app::view_sim(a);
  if (!vs) return;
  ImGui::SeparatorText(a.timeline.cursor == UINT64_MAX ? "Heap now" : "Heap at the cursor");
  bar(a, breakdown(*vs));
  if (ImGui::CollapsingHeader("runtime.MemStats", compact ? 0 : ImGuiTreeNodeFlags_DefaultOpen))
    memstats_table(vs->memstats(), v.unit);
}

}  // namespace ui
