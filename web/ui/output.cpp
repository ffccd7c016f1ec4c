// output.cpp — the Output window: what the program printed, as Go prints it, line by line as
// the run (or the cursor) reaches it; stderr (log.*, panics) in a second colour. Also the
// hidden DOM mirror of the output and key figures for screen readers.
#include <algorithm>
#include <cstdio>
#include <functional>

#include "imgui.h"
#include "web/platform.h"
#include "web/ui/chart.h"
#include "web/ui/windows.h"

namespace ui {

namespace {

constexpr size_t kMaxLines = 20000;   // older lines are dropped from the view (not from the run)

void rebuild(app::App& a) {
  app::OutputState& o = a.output;
  const sim::Simulation* s = a.main.sim.get();
  const uint64_t cur = app::cursor_op(a);
  const uint64_t nrec = s ? s->timeline().records().size() : 0;
  if (o.key_serial == a.main.load_serial && o.key_records == nrec && o.key_cursor == cur) return;
  o.key_serial = a.main.load_serial;
  o.key_records = nrec;
  o.key_cursor = cur;
  o.lines.clear();
  if (!s) return;
  bool open_line = false;
  for (const sim::Record& r : s->timeline().records()) {
    if (r.op > cur) break;
    if (r.kind == sim::Record::End && r.text.find("Finished") != 0 && !r.text.empty()) {
      o.lines.emplace_back("[" + r.text + "]", 2);
      open_line = false;
      continue;
    }
    if (r.kind != sim::Record::Print) continue;
    size_t p = 0;
    while (p < r.text.size()) {
      const size_t nl = r.text.find('\n', p);
      const std::string part = r.text.substr(p, nl == std::string::npos ? std::string::npos : nl - p);
      if (open_line && !o.lines.empty() && o.lines.back().second == r.stream) o.lines.back().first += part;
      else o.lines.emplace_back(part, r.stream);
      open_line = nl == std::string::npos;
      p = nl == std::string::npos ? r.text.size() : nl + 1;
    }
  }
  if (o.lines.size() > kMaxLines) o.lines.erase(o.lines.begin(), o.lines.end() - kMaxLines);
}

}  // namespace

void output_content(app::App& a) {
  rebuild(a);
  app::OutputState& o = a.output;
  if (o.lines.empty()) {
    ImGui::TextDisabled(a.main.sim && a.main.ops() > 0 ? "(nothing printed yet)" : "(the program's output appears here)");
    app::note_rect(a, "output");
    return;
  }
  ImGui::BeginChild("##out", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  const bool at_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1;
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(o.lines.size()));
  while (clip.Step()) {
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      const auto& [text, stream] = o.lines[static_cast<size_t>(i)];
      if (stream == 2) ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.45f, 1.0f), "%s", text.c_str());
      else ImGui::TextUnformatted(text.c_str());
    }
  }
  // Follow new lines unless the reader scrolled up.
  if (o.lines.size() != o.shown_lines && at_bottom) ImGui::SetScrollHereY(1.0f);
  o.shown_lines = o.lines.size();
  ImGui::EndChild();
  app::note_rect(a, "output");
}

void mirror_for_screen_readers(app::App& a) {
  rebuild(a);
  app::OutputState& o = a.output;
  std::string text;
  const size_t from = o.lines.size() > 200 ? o.lines.size() - 200 : 0;
  for (size_t i = from; i < o.lines.size(); ++i) text += o.lines[i].first + "\n";
  const size_t h = std::hash<std::string>{}(text);
  if (h != o.mirrored_hash) {
    o.mirrored_hash = h;
    platform::mirror_output(text);
  }
  std::string status;
  if (const sim::Simulation* s = app::view_sim(a)) {
    const heap::MemStats m = s->memstats();
    char b[256];
    std::snprintf(b, sizeof b, "Run %s after %s operations. HeapAlloc %s, Sys %s, NextGC %s, %u GC cycles.",
                  sim::to_string(a.main.state()), chart::format_ops(static_cast<double>(a.main.ops())).c_str(),
                  app::fmt_bytes(m.HeapAlloc, 2).c_str(), app::fmt_bytes(m.Sys, 2).c_str(),
                  app::fmt_bytes(m.NextGC, 2).c_str(), m.NumGC);
    status = b;
    for (const sim::LiveMap& lm : s->live_maps()) {
      const maps::MapShape sh = lm.map->shape();
      std::snprintf(b, sizeof b, " Map %s: %llu entries, B=%u, %llu buckets.", lm.name.c_str(),
                    static_cast<unsigned long long>(sh.count), sh.B, static_cast<unsigned long long>(sh.nbuckets));
      status += b;
    }
  }
  // Only when the run is idle or every ~second, so the live region does not chatter.
  if (status != o.mirrored_status && (!a.main.playing || ImGui::GetFrameCount() % 60 == 0)) {
    o.mirrored_status = status;
    platform::mirror_status(status);
  }
}

}  // namespace ui
