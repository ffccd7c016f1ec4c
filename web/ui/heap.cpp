// heap.cpp — the Heap window: HeapAlloc, live bytes vs garbage, NextGC, Sys and the bucket
// (or Swiss group) count over the run, with GC cycles, map growths and printed values marked;
// a breakdown bar of the heap at the cursor; the runtime.MemStats table. Byte counts take the
// unit that suits them (units::format). The embed view draws the same parts in its own layout.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "engine/runtime/profile.h"
#include "imgui.h"
#include "web/ui/chart.h"
#include "web/ui/palette.h"
#include "web/ui/windows.h"
#include "web/units/units.h"

namespace ui {

namespace {

struct Breakdown {
  uint64_t buckets = 0, old_buckets = 0, overflow = 0, indirect = 0, pointed = 0, retired = 0, other = 0, total = 0;
};

// retired_since_gc is what the maps let go of since the last GC cycle, read from the run's
// events (the engine does not count garbage: a GC finds it): a classic map's old bucket array
// and the old generation's overflow buckets when its evacuation finishes (GrowDone: the
// array the snapshot before showed as oldbuckets, and the overflow bytes that went), and the table, table pair or directory a Swiss map replaced (TableGrow, Split,
// DirGrow: the replacement is twice the old one, so the old one is about the growth of the
// map's bytes; SmallToTable: the small group). Garbage until the next GC frees it.
// The walk starts at the last GC cycle's record (its snapshots are every live map's shape
// then): the records before it count nothing, and walking them every frame grew with the run.
uint64_t retired_since_gc(const sim::Simulation& s) {
  std::map<uint32_t, const maps::MapShape*> before;   // each map's last snapshot
  uint64_t retired = 0;
  const std::vector<sim::Record>& records = s.timeline().records();
  size_t from = records.size();
  while (from > 0 && records[from - 1].kind != sim::Record::GcCycle) --from;
  if (from > 0) --from;   // the GC cycle itself
  for (size_t i = from; i < records.size(); ++i) {
    const sim::Record& r = records[i];
    if (r.kind == sim::Record::GcCycle) retired = 0;
    if (r.kind == sim::Record::MapEvent) {
      const maps::MapShape* now = nullptr;
      for (const sim::MapSnapshot& m : r.maps)
        if (m.id == r.map_id) now = &m.shape;
      const auto it = before.find(r.map_id);
      const maps::MapShape* was = it == before.end() ? nullptr : it->second;
      const auto bytes = [](const maps::MapShape* m) { return m ? m->bucket_bytes + m->extra_bytes : 0; };
      switch (r.event.kind) {
        case maps::MapEvent::GrowDone:   // the old array, and the old generation's overflow buckets
          retired += was ? was->old_bucket_bytes : 0;
          if (was && now && was->overflow_bytes > now->overflow_bytes) retired += was->overflow_bytes - now->overflow_bytes;
          break;
        case maps::MapEvent::TableGrow:
        case maps::MapEvent::Split:
        case maps::MapEvent::DirGrow:
          if (bytes(now) > bytes(was)) retired += bytes(now) - bytes(was);
          break;
        case maps::MapEvent::SmallToTable: retired += was ? was->bucket_bytes : 0; break;
        default: break;
      }
    }
    for (const sim::MapSnapshot& m : r.maps) before[m.id] = &m.shape;
  }
  return retired;
}

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
  const uint64_t rest = b.total > known ? b.total - known : 0;
  b.retired = std::min(rest, retired_since_gc(s));
  b.other = rest - b.retired;
  return b;
}

struct Part {
  const char* name;
  uint64_t bytes;
  ImU32 col;
  const char* tip;
};

// parts names the heap's bytes. Go 1.24+ maps are Swiss tables: groups in tables behind a
// directory, no overflow buckets, no incremental evacuation (a table grows or splits at
// once, the old one is garbage then).
std::vector<Part> parts(const Breakdown& b, bool swiss) {
  return {
      {swiss ? "groups and tables" : "bucket arrays", b.buckets, palette::kBucketArrays,
       swiss ? "the tables' group arrays, the table structs, the directory and the maps.Map headers"
             : "current bucket arrays, hmap headers, mapextra"},
      {"oldbuckets (evacuating)", b.old_buckets, palette::kOldBuckets,
       "the previous bucket array while a growth is in progress: still in use until evacuation finishes"},
      {"overflow buckets", b.overflow, palette::kOverflowBuckets, "overflow buckets allocated one by one"},
      {"indirect keys/values", b.indirect, palette::kIndirect, "keys or values over 128 bytes, stored behind a pointer"},
      {"pointed-to values", b.pointed, palette::kPointedTo, "objects the map's pointer values point to"},
      {swiss ? "replaced tables (garbage)" : "evacuated arrays (garbage)", b.retired, palette::kRetired,
       swiss ? "tables and directories a grow or split replaced since the last GC: garbage, the next GC frees them"
             : "bucket arrays (and their overflow buckets) whose evacuation finished since the last GC: garbage, "
               "the next GC frees them"},
      {"runtime and other objects", b.other, palette::kOther,
       "not held by a live map: the runtime's own objects, everything else the program allocated, and "
       "other garbage not yet collected (maps the program dropped, values it deleted)"},
  };
}

void bar(const Breakdown& b, bool swiss) {
  const std::vector<Part> ps = parts(b, swiss);
  const float fs = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x, h = fs * 1.1f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const double total = std::max<double>(1.0, static_cast<double>(b.total));
  float x = p.x;
  ImGui::InvisibleButton("##bar", ImVec2(w, h));
  const bool hov = ImGui::IsItemHovered();
  const float mx = ImGui::GetIO().MousePos.x;
  for (const Part& part : ps) {
    const float pw = static_cast<float>(static_cast<double>(part.bytes) / total) * w;
    if (pw <= 0) continue;
    dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + pw, p.y + h), part.col);
    if (hov && mx >= x && mx < x + pw)
      ImGui::SetTooltip("%s: %s (%.0f%%)\n%s", part.name, units::format(part.bytes).c_str(),
                        100.0 * static_cast<double>(part.bytes) / total, part.tip);
    x += pw;
  }
  // legend with figures, one part per line when the column is narrow
  for (const Part& part : ps) {
    if (part.bytes == 0) continue;
    const std::string text = std::string(part.name) + " " + units::format(part.bytes);
    const float item_w = fs * 1.0f + ImGui::CalcTextSize(text.c_str()).x;
    if (ImGui::GetCursorPosX() > ImGui::GetStyle().WindowPadding.x + 1 && ImGui::GetContentRegionAvail().x < item_w)
      ImGui::NewLine();
    const ImVec2 q = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(q.x, q.y + fs * 0.2f), ImVec2(q.x + fs * 0.7f, q.y + fs * 0.9f), part.col);
    ImGui::Dummy(ImVec2(fs * 0.8f, fs));
    ImGui::SameLine(0, fs * 0.2f);
    ImGui::TextUnformatted(text.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", part.tip);
    ImGui::SameLine(0, fs);
  }
  ImGui::NewLine();
}

void memstats_table(const heap::MemStats& m, int columns) {
  if (!ImGui::BeginTable("##memstats", columns, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_RowBg)) return;
  auto row = [&](const char* k, uint64_t v, bool bytes) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", k);
    ImGui::TableNextColumn();
    if (bytes) ImGui::TextUnformatted(units::format(v).c_str());
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

// printed_value is the figure a printed line is about, short enough to label a chart: the
// line itself when short, else the line up to its first number and that number's unit word
// ("Alloc = 354" of "Alloc = 354 TotalAlloc = 355 …").
std::string printed_value(const std::string& text) {
  std::string t = text;
  while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
  if (t.size() <= 22) return t;
  const size_t d = t.find_first_of("0123456789");
  if (d == std::string::npos) return t.substr(0, 20) + "\xe2\x80\xa6";
  size_t e = std::min(t.find_first_not_of("0123456789.,_", d), t.size());
  // a unit word right after the number: "293 MB"
  const size_t w = e < t.size() && t[e] == ' ' ? t.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ%", e + 1) : e;
  if (w != e && (w == std::string::npos ? t.size() : w) - e <= 4) e = std::min(w, t.size());
  return e <= 24 ? t.substr(0, e) : t.substr(d, std::min<size_t>(e - d, 20));
}

}  // namespace

const char* const kHeapChartHelp =
    "HeapAlloc: bytes in live objects and in garbage not yet collected. Green: what the last GC found "
    "live; the shaded area between is garbage, which the next GC frees (a GC runs when HeapAlloc reaches "
    "NextGC). Dots: what the program printed, where it printed it. Ticks on top: GC cycles and map "
    "growths. x: instructions the simulator executed (a loop iteration like m[i] = v is 3-4 of them).";

bool swiss_run(const app::App& a) {
  const runtime::Profile* p = runtime::profile_for(a.main.options.go_version);
  return p && p->map_impl == runtime::MapImpl::Swiss;
}

void heap_chart(app::App& a, float height, float counts_height) {
  if (quiz_veils(a)) return quiz_veil();
  const sim::Simulation* s = a.main.sim.get();
  if (!s || s->state() == sim::RunState::Empty) {
    ImGui::TextDisabled("Nothing to show: load a program.");
    return;
  }
  app::HeapViewState& v = a.heap_view;
  const bool swiss = swiss_run(a);
  // Series from the run's records (every record carries the MemStats counters).
  chart::Series alloc{"HeapAlloc", palette::kHeapAlloc, {}, {}, false, true, "garbage"};
  chart::Series live{"live at last GC", palette::kLive, {}, {}, true, false, ""};
  chart::Series next{"NextGC", palette::kNextGC, {}, {}, true, false, "", false};
  chart::Series sys{"Sys", palette::kSys, {}, {}, true, false, "", false};
  chart::Series buckets{swiss ? "groups (all tables)" : "buckets (2^B, all maps)", palette::kBuckets, {}, {}, true, false, ""};
  std::vector<chart::Mark> marks;
  chart::Spec spec;
  uint64_t marked = 0;
  bool have_marked = false;
  for (const sim::Record& r : app::horizon(a).records()) {
    const double x = static_cast<double>(r.op);
    if (r.kind == sim::Record::GcCycle) {
      marked = r.gc.heap_marked;
      have_marked = true;
      char tip[96];
      std::snprintf(tip, sizeof tip, "GC #%u%s: marked %s", r.gc.num, r.gc.forced ? " (forced)" : r.gc.periodic ? " (periodic)" : "",
                    units::format(r.gc.heap_marked).c_str());
      marks.push_back({x, palette::kGcMark, tip});
    }
    if (r.kind == sim::Record::MapEvent) {
      char tip[96] = "";
      const unsigned long long ea = r.event.a, eb = r.event.b;
      switch (r.event.kind) {
        case maps::MapEvent::Grow: std::snprintf(tip, sizeof tip, "map grew: B %llu -> %llu", ea, eb); break;
        case maps::MapEvent::SameSizeGrow: std::snprintf(tip, sizeof tip, "map grew to the same size (too many overflow buckets)"); break;
        case maps::MapEvent::TableGrow: std::snprintf(tip, sizeof tip, "a table grew: %llu -> %llu slots", ea, eb); break;
        case maps::MapEvent::Split: std::snprintf(tip, sizeof tip, "a table split in two"); break;
        case maps::MapEvent::DirGrow: std::snprintf(tip, sizeof tip, "the directory doubled: %llu -> %llu", ea, eb); break;
        default: break;
      }
      if (tip[0]) marks.push_back({x, palette::kGrowMark, tip});
    }
    if (r.kind == sim::Record::Print && spec.notes.size() < 64)
      spec.notes.push_back({x, static_cast<double>(r.mem.HeapAlloc), printed_value(r.text)});
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
  // GOMEMLIMIT (the knob, or debug.SetMemoryLimit's last value): what Sys − HeapReleased is
  // kept under.
  if (const heap::Heap* h = s->heap(); h && h->memory_limit() != heap::Heap::kNoMemoryLimit) {
    chart::Series lim{"memory limit", palette::kLimit, {0, static_cast<double>(std::max<uint64_t>(1, s->ops()))}, {}, true, false, "", false};
    lim.y.assign(2, static_cast<double>(h->memory_limit()));
    series.push_back(std::move(lim));
  }
  // The GC CPU limiter's periods (mgclimit.go): while it is on, assists are skipped and the
  // heap may run past the limit (engine/heap/README.md, "The GC CPU limiter").
  if (const heap::Heap* h = s->heap()) {
    for (const heap::GcCpuLimiter::Period& p : h->limiter().periods()) {
      const uint64_t end = p.end_op == heap::GcCpuLimiter::kOpen ? s->ops() : p.end_op;
      char tip[96];
      std::snprintf(tip, sizeof tip, "GC CPU limiter on (from GC #%u): assists skipped", p.cycle);
      spec.bands.push_back({static_cast<double>(p.start_op), static_cast<double>(end), palette::kLimiter, tip});
    }
    spec.band_label = "GC CPU limiter on";
  }
  spec.x0 = 0;
  spec.x1 = static_cast<double>(std::max<uint64_t>(1, app::horizon_ops(a)));
  spec.cursor = static_cast<double>(app::cursor_op(a));
  spec.unit = chart::kBytes;
  spec.mark_kinds = {{"GC", palette::kGcMark}, {swiss ? "table grew/split" : "map grew", palette::kGrowMark}};
  double nc = 0;
  if (chart::draw("heapchart", ImVec2(0, height), series, marks, spec, &nc)) app::set_cursor(a, static_cast<uint64_t>(nc));
  app::note_rect(a, "heap-chart");
  if (counts_height <= 0) return;
  chart::Spec bspec;
  bspec.x1 = spec.x1;
  bspec.cursor = spec.cursor;
  bspec.unit = chart::kCount;
  bspec.x_title = nullptr;
  if (chart::draw("bucketchart", ImVec2(0, counts_height), {buckets}, {}, bspec, &nc))
    app::set_cursor(a, static_cast<uint64_t>(nc));
  app::note_rect(a, "bucket-chart");
}

void heap_now(app::App& a) {
  if (quiz_veils(a)) return quiz_veil();
  const sim::Simulation* vs = app::view_sim(a);
  if (!vs || vs->state() == sim::RunState::Empty) return;
  const Breakdown b = breakdown(*vs);
  ImGui::Text("%s %s", a.timeline.cursor == UINT64_MAX ? "Heap now:" : "Heap at the cursor:", units::format(b.total).c_str());
  app::note_rect(a, "heap-now");
  bar(b, swiss_run(a));
}

std::string heap_now_json(const app::App& a) {
  const sim::Simulation* vs = app::view_sim(a);
  if (!vs || vs->state() == sim::RunState::Empty) return "[]";
  std::string j = "[";
  for (const Part& p : parts(breakdown(*vs), swiss_run(a))) {
    if (p.bytes == 0) continue;
    j += std::string(j.size() > 1 ? "," : "") + "{\"name\":\"" + p.name + "\",\"bytes\":" + std::to_string(p.bytes) + "}";
  }
  return j + "]";
}

void memstats(app::App& a, int columns) {
  if (quiz_veils(a)) return;   // heap_now above it says why
  const sim::Simulation* vs = app::view_sim(a);
  if (vs && vs->state() != sim::RunState::Empty) memstats_table(vs->memstats(), columns);
}

void heap_content(app::App& a) {
  if (quiz_veils(a)) return quiz_veil();
  const sim::Simulation* s = a.main.sim.get();
  if (!s || s->state() == sim::RunState::Empty) {
    ImGui::TextDisabled("Nothing to show: load a program.");
    return;
  }
  app::HeapViewState& v = a.heap_view;
  ImGui::Checkbox("Sys", &v.show[3]);
  ImGui::SameLine();
  ImGui::Checkbox("NextGC", &v.show[2]);
  ImGui::SameLine();
  help_marker(kHeapChartHelp);
  const float fs = ImGui::GetFontSize();
  const float avail_h = ImGui::GetContentRegionAvail().y;
  const bool compact = avail_h < fs * 22;
  heap_chart(a, std::max(fs * 8, avail_h * (compact ? 0.55f : 0.42f)), fs * 4.5f);
  ImGui::Spacing();
  heap_now(a);
  if (ImGui::CollapsingHeader("runtime.MemStats", compact ? 0 : ImGuiTreeNodeFlags_DefaultOpen)) memstats(a, 4);
}

}  // namespace ui
