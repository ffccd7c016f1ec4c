// explain.cpp — the Explain window: what just happened, in plain words, from the timeline's
// events up to the cursor (newest first). Overflow-bucket allocations are counted, not listed.
#include <cstdio>
#include <string>
#include <vector>

#include "imgui.h"
#include "web/ui/chart.h"
#include "web/ui/windows.h"
#include "web/units/units.h"

namespace ui {

namespace {

const sim::MapSnapshot* snapshot(const sim::Record& r, uint32_t id) {
  for (const sim::MapSnapshot& m : r.maps)
    if (m.id == id) return &m;
  return nullptr;
}

// bytes is a byte count that wrapped text never breaks ("545.9 MiB" stays on one line: a
// no-break space, which ImGui's word wrap does not break at).
std::string bytes(uint64_t n) {
  std::string s = units::format(n);
  const size_t sp = s.find(' ');
  if (sp != std::string::npos) s.replace(sp, 1, "\xc2\xa0");
  return s;
}

std::string describe(const sim::Record& r, uint64_t overflow_since) {
  char b[512];
  if (r.kind == sim::Record::GcCycle) {
    const heap::GcCycle& g = r.gc;
    std::snprintf(b, sizeof b, "GC #%u (%s): the heap was %s; %s were still reachable, %s freed. Next GC at %s.",
                  g.num, g.forced ? "runtime.GC" : g.periodic ? "two minutes without a GC: sysmon's periodic cycle" : "heap reached the goal",
                  bytes(g.heap_live_before).c_str(),
                  bytes(g.heap_marked).c_str(), bytes(g.freed_bytes).c_str(),
                  bytes(g.next_goal).c_str());
    return b;
  }
  const sim::MapSnapshot* ms = snapshot(r, r.map_id);
  const std::string name = ms ? ms->name : "a map";
  const maps::MapShape sh = ms ? ms->shape : maps::MapShape{};
  const unsigned long long ea = r.event.a, eb = r.event.b;
  switch (r.event.kind) {
    case maps::MapEvent::Grow:
      std::snprintf(b, sizeof b,
                    "map %s grew: B %llu -> %llu (%llu -> %llu buckets, load factor 6.5 reached). The old buckets (%s) "
                    "become garbage once evacuation finishes.",
                    name.c_str(), ea, eb, 1ull << (ea & 63), 1ull << (eb & 63), bytes(sh.old_bucket_bytes).c_str());
      break;
    case maps::MapEvent::SameSizeGrow:
      std::snprintf(b, sizeof b,
                    "map %s has too many overflow buckets: it moves its entries to a fresh array of the same size "
                    "(B = %u); the old array (%s) becomes garbage.",
                    name.c_str(), sh.B, bytes(sh.old_bucket_bytes).c_str());
      break;
    case maps::MapEvent::GrowDone:
      std::snprintf(b, sizeof b, "map %s finished evacuating: the old bucket array is garbage now; the next GC frees it.",
                    name.c_str());
      break;
    case maps::MapEvent::OverflowAlloc:
      (void)overflow_since;
      std::snprintf(b, sizeof b,
                    "map %s chained an overflow bucket to a full bucket: %llu overflow buckets in use, "
                    "kept until the next growth.",
                    name.c_str(), static_cast<unsigned long long>(sh.overflow_buckets));
      break;
    case maps::MapEvent::Clear:
      std::snprintf(b, sizeof b, "map %s was cleared: count 0, but its %s (%s) stay allocated: a map never shrinks.",
                    name.c_str(), sh.swiss ? "tables" : "buckets", bytes(sh.bucket_bytes).c_str());
      break;
    case maps::MapEvent::Split:
      std::snprintf(b, sizeof b, "map %s: a full table split in two (local depth %llu); the old table is garbage now.", name.c_str(), ea);
      break;
    case maps::MapEvent::DirGrow:
      std::snprintf(b, sizeof b, "map %s: the directory doubled (%llu -> %llu entries).", name.c_str(), ea, eb);
      break;
    case maps::MapEvent::TableGrow:
      std::snprintf(b, sizeof b, "map %s: a table grew (%llu -> %llu slots); its old group array is garbage now: the next GC frees it.", name.c_str(), ea, eb);
      break;
    case maps::MapEvent::SmallToTable:
      std::snprintf(b, sizeof b, "map %s outgrew its single group (8 slots) and became a table.", name.c_str());
      break;
    case maps::MapEvent::PruneTombstones:
      std::snprintf(b, sizeof b,
                    "map %s: a full table emptied %llu tombstones that no lookup needs (of %llu slots) "
                    "instead of growing: nothing was allocated.",
                    name.c_str(), ea, eb);
      break;
  }
  return b;
}

}  // namespace

void explain_content(app::App& a) {
  if (quiz_veils(a)) return quiz_veil();
  const sim::Simulation* s = a.main.sim.get();
  if (!s || app::horizon(a).records().empty()) {
    empty_state(swiss_run(a) ? "Run a program: table growths and splits, and GC cycles are explained here."
                           : "Run a program: map growths, overflow buckets and GC cycles are explained here.");
    return;
  }
  const uint64_t cur = app::cursor_op(a);
  const auto& recs = app::horizon(a).records();
  // newest first, up to 8 entries; overflow allocations folded into one count
  std::vector<std::pair<uint64_t, std::string>> items;
  uint64_t overflow = 0;
  const sim::Record* overflow_rec = nullptr;
  for (size_t i = recs.size(); i-- > 0 && items.size() < 8;) {
    const sim::Record& r = recs[i];
    if (r.op > cur) continue;
    if (r.kind == sim::Record::MapEvent && r.event.kind == maps::MapEvent::OverflowAlloc) {
      if (!overflow_rec) overflow_rec = &r;
      ++overflow;
      continue;
    }
    if (r.kind != sim::Record::GcCycle && r.kind != sim::Record::MapEvent) continue;
    if (overflow_rec) {
      items.emplace_back(overflow_rec->op, describe(*overflow_rec, overflow));
      overflow_rec = nullptr;
      overflow = 0;
    }
    items.emplace_back(r.op, describe(r, 0));
  }
  if (overflow_rec && items.size() < 8) items.emplace_back(overflow_rec->op, describe(*overflow_rec, overflow));
  if (items.empty()) {
    ImGui::TextWrapped("Nothing structural has happened yet: no map growth, no GC cycle.");
    return;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    ImGui::TextDisabled("at %s", chart::format_ops(static_cast<double>(items[i].first)).c_str());
    ImGui::SameLine();
    if (i == 0) {
      ImGui::TextWrapped("%s", items[i].second.c_str());
    } else {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", items[i].second.c_str());
      ImGui::PopStyleColor();
    }
  }
  app::note_rect(a, "explain");
}

}  // namespace ui
