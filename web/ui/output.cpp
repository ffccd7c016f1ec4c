// output.cpp — the Output window: what the program printed, as Go prints it, line by line as
// the run (or the cursor) reaches it; stderr (log.*, panics) in a second colour. Everything
// the program itself runs into is said here, once: its compile errors (main.go:line:column),
// its panic (as Go prints it), go run's "exit status N", and a stop by the simulator's limits,
// in plain words. Also the hidden DOM mirror of the output and key figures for screen readers.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>

#include "imgui.h"
#include "web/platform.h"
#include "web/ui/chart.h"
#include "web/ui/windows.h"
#include "web/units/units.h"

namespace ui {

namespace {

constexpr size_t kMaxLines = 20000;   // older lines are dropped from the view (not from the run)
constexpr uint8_t kNote = 3;          // a line the playground adds (not the program's): greyed

// stopped_in_words says why the simulator stopped a run (an End record's "LimitExceeded: …"),
// for a reader who never heard of max_sim_memory.
std::string stopped_in_words(const app::App& a, std::string text) {
  const uint64_t cap = a.main.options.max_sim_memory;
  for (const char* drop : {"LimitExceeded: ", "gomapsim: "})
    if (text.rfind(drop, 0) == 0) text.erase(0, std::strlen(drop));
  const std::string allowed = units::format(static_cast<double>(cap)) + " of memory the playground allows itself in this tab";
  if (text.find("simulator's own memory") != std::string::npos)
    return "Stopped: simulating this program needed more than the " + allowed +
           ". The program keeps growing (a map, slice or string that never stops filling); real Go would go on "
           "until the machine ran out of memory.";
  if (text.find("max_sim_memory") != std::string::npos) {   // one value too big to simulate
    size_t cut = std::min(text.find(" would exceed"), text.find(" is more than"));
    return "Stopped: " + text.substr(0, cut) + " is more than the simulator can hold (it keeps its state within the " +
           allowed + "). Real Go would try to allocate it.";
  }
  if (text.find("max_ops") != std::string::npos)
    return "Stopped after " + chart::format_ops(static_cast<double>(a.main.ops())) +
           " operations: the program looks like it never ends (a loop with no way out).";
  if (text.find("max_heap_bytes") != std::string::npos)
    return "Stopped: the program asked for more heap than the simulated machine has (fatal error: runtime: out of "
           "memory).";
  const size_t tail = text.find("; the run was stopped");
  if (tail != std::string::npos) text.erase(tail);
  return "Stopped by the simulator: " + text + ".";
}

void rebuild(app::App& a) {
  app::OutputState& o = a.output;
  const sim::Simulation* s = a.main.sim.get();
  const uint64_t cur = app::cursor_op(a);
  const uint64_t nrec = s ? app::horizon(a).records().size() : 0;
  if (o.key_serial == a.main.load_serial && o.key_records == nrec && o.key_cursor == cur) return;
  o.key_serial = a.main.load_serial;
  o.key_records = nrec;
  o.key_cursor = cur;
  o.lines.clear();
  if (!a.scenario.errors.empty()) {   // it did not compile: Go's own form, file:line:column
    o.lines.emplace_back("The program does not compile:", kNote);
    for (const std::string& e : a.scenario.errors) o.lines.emplace_back(e, 2);
    o.lines.emplace_back("(The editor marks the line; the program reruns when you pause typing.)", kNote);
    return;
  }
  if (!s) return;
  bool open_line = false;
  for (const sim::Record& r : app::horizon(a).records()) {
    if (r.op > cur) break;
    if (r.kind == sim::Record::End) {
      // A panic printed itself (stderr, as Go prints it); a limit is said in words, once. A
      // program that ends with a status other than 0 (a panic: 2; os.Exit(n)) gets go run's
      // last line (cmd/go/internal/run: "exit status N").
      if (r.text.rfind("LimitExceeded", 0) == 0) o.lines.emplace_back(stopped_in_words(a, r.text), kNote);
      else if (const int code = s->exit_code(); code != 0) o.lines.emplace_back("exit status " + std::to_string(code), kNote);
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
    ImGui::TextDisabled("%s", a.main.done() && a.main.ops() > 0 ? "(the program printed nothing)"
                              : a.main.sim && a.main.ops() > 0 ? "(nothing printed yet)"
                                                               : "(the program's output appears here)");
    app::note_rect(a, "output");
    return;
  }
  ImGui::BeginChild("##out", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  const bool at_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1;
  // The playground's own lines (a compile error, why a run stopped) wrap; the program's keep
  // Go's lines (scroll sideways). Past a few hundred lines only the visible ones are drawn, one
  // text line each (the clipper needs equal heights).
  const bool few = o.lines.size() <= 400;
  auto draw_line = [&](size_t i) {
    const auto& [text, stream] = o.lines[i];
    if (stream == 1) {
      ImGui::TextUnformatted(text.c_str());
      return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, stream == kNote ? ImVec4(0.62f, 0.78f, 1.0f, 1.0f) : ImVec4(1.0f, 0.75f, 0.45f, 1.0f));
    if (few && stream == kNote) ImGui::TextWrapped("%s", text.c_str());
    else ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
  };
  if (few) {
    for (size_t i = 0; i < o.lines.size(); ++i) draw_line(i);
  } else {
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(o.lines.size()));
    while (clip.Step())
      for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) draw_line(static_cast<size_t>(i));
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
  std::string status = run_status(a, false) + ".";
  const sim::Simulation* shown = quiz_veils(a) ? nullptr : app::view_sim(a);   // a question hides the figures
  if (const sim::Simulation* s = shown) {
    const heap::MemStats m = s->memstats();
    char b[256];
    std::snprintf(b, sizeof b, " HeapAlloc %s, Sys %s, NextGC %s, %u GC cycles.",
                  units::format(static_cast<double>(m.HeapAlloc)).c_str(), units::format(static_cast<double>(m.Sys)).c_str(),
                  units::format(static_cast<double>(m.NextGC)).c_str(), m.NumGC);
    status = run_status(a, false) + "." + b;
    for (const sim::LiveMap& lm : s->live_maps()) {
      const maps::MapShape sh = lm.map->shape();
      if (sh.swiss)   // Go 1.24+: tables of groups behind a directory
        std::snprintf(b, sizeof b, " Map %s: %llu entries, %llu tables, %llu groups, directory of %llu.", lm.name.c_str(),
                      static_cast<unsigned long long>(sh.count), static_cast<unsigned long long>(sh.tables),
                      static_cast<unsigned long long>(sh.groups), static_cast<unsigned long long>(sh.dir_len));
      else
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
