// controls.cpp — the Run window: run / pause, step (statement, loop iteration, next print),
// speed, reset, and the run's options (Go version, GOGC, seed), with the run's status.
#include <algorithm>
#include <cstdio>

#include "engine/runtime/profile.h"
#include "imgui.h"
#include "web/platform.h"
#include "web/ui/chart.h"
#include "web/ui/windows.h"
#include "web/units/units.h"

namespace ui {

namespace {

const char* kStepModes[] = {"statement", "loop iteration", "next print"};
constexpr sim::StepMode kStepModeValues[] = {sim::StepMode::Statement, sim::StepMode::LoopIteration,
                                             sim::StepMode::NextPrint};

void restart_with_options(app::App& a) {
  const bool was_playing = a.main.playing || a.main.done();
  app::reload(a, was_playing);
}

// where_line: " at line 12" for a line the run is at or ended on, "" for none (never "line 0").
std::string where_line(int line) { return line > 0 ? " at line " + std::to_string(line) : ""; }

}  // namespace

std::string run_button_label(const app::App& a) {
  const app::Run& r = a.main;
  if (r.playing) return "Pause";
  if (!r.loaded()) return "Run";
  return r.done() ? "Run again" : r.ops() > 0 ? "Continue" : "Run";
}

void run_button(app::App& a, bool compact) {
  app::Run& r = a.main;
  ImGui::BeginDisabled(!r.loaded());
  const std::string label = run_button_label(a);
  if (compact ? ImGui::SmallButton(label.c_str()) : ImGui::Button(label.c_str())) app::set_playing(a, !r.playing);
  ImGui::EndDisabled();
  app::note_rect(a, "run");
  if (!r.loaded() && !a.scenario.error.empty())
    ImGui::SetItemTooltip("The program does not compile: fix line %d (Output says what is wrong).", a.scenario.error_line);
}

std::string run_status(const app::App& a, bool brief) {
  const app::Run& r = a.main;
  const sim::Simulation* s = r.sim.get();
  const app::ScenarioState& sc = a.scenario;
  if (sc.dirty) return "Editing: the program reruns when you pause typing";
  if (!s || !r.loaded()) {
    if (sc.error.empty()) return "Nothing loaded";
    return "Does not compile: line " + std::to_string(sc.error_line) + ":" + std::to_string(sc.error_col) +
           " (see Output)";
  }
  const std::string ops = chart::format_ops(static_cast<double>(s->ops())) + " ops";
  const std::string mem = brief ? "" : "  ·  simulator memory " + units::format(static_cast<double>(s->simulator_memory()));
  switch (s->state()) {
    case sim::RunState::Ready: return "Ready: press Run";
    case sim::RunState::Running:
      return std::string(r.playing ? "Running" : "Paused") + where_line(s->current_line()) + "  ·  " + ops + mem;
    case sim::RunState::Finished:
      if (s->exit_code() != 0) return "Exited with status " + std::to_string(s->exit_code()) + "  ·  " + ops + mem;
      return "Finished  ·  " + ops + mem;
    case sim::RunState::Panicked: return "Panicked" + where_line(sc.error_line) + " after " + ops + " (see Output)";
    case sim::RunState::LimitExceeded: return "Stopped by the simulator after " + ops + " (see Output)";
    default: return "Nothing loaded";
  }
}

void controls_content(app::App& a) {
  app::Run& r = a.main;
  const bool can_run = r.loaded();
  // Row 1: run controls
  run_button(a, false);
  ImGui::BeginDisabled(!can_run);
  ImGui::SameLine();
  if (ImGui::Button("Step")) app::step_unit(a, kStepModeValues[a.controls.step_mode]);
  app::note_rect(a, "step");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("loop iteration").x + ImGui::GetFrameHeight() * 1.5f);
  ImGui::Combo("##stepmode", &a.controls.step_mode, kStepModes, 3);
  ImGui::SameLine();
  if (ImGui::Button("Reset")) app::reset_run(a);
  app::note_rect(a, "reset");
  ImGui::EndDisabled();   // no Stop beside Reset: the Run button reads Pause while a run plays
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  const char* speed_label = a.controls.speed >= 10 ? "speed: max" : "speed: %d";
  ImGui::SliderInt("##speed", &a.controls.speed, 0, 10, speed_label);
  app::note_rect(a, "speed");
  ImGui::SameLine();
  help_marker("Operations per frame, from 1 (watch single inserts) to max (as many as fit in a "
              "frame: the page stays at 60 fps whatever the program does).");

  // Row 2: options. Releases newest first: today's Go heads the list.
  const auto& versions = runtime::supported_versions();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Go");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.5f);
  // The list is wider than the switch: "1.27  today's Go".
  ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::CalcTextSize("1.27  today's Go").x + ImGui::GetStyle().WindowPadding.x * 3, 0),
                                      ImVec2(FLT_MAX, FLT_MAX));
  if (ImGui::BeginCombo("##go", r.options.go_version.c_str(), ImGuiComboFlags_HeightLargest)) {
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
      const std::string vs(*it);
      const bool today = *it == runtime::default_version();
      if (ImGui::Selectable((vs + (today ? "  today's Go" : "")).c_str(), vs == r.options.go_version))
        app::set_release(a, vs);
      app::note_rect(a, "go-version:" + vs);
      if (const runtime::Profile* p = runtime::profile_for(vs); p && !p->changes.empty())
        ImGui::SetItemTooltip("Go %s: %.*s", vs.c_str(), static_cast<int>(p->changes.size()), p->changes.data());
    }
    ImGui::EndCombo();
  }
  app::note_rect(a, "go-version");
  ImGui::SameLine();
  if (ImGui::Button("All releases...")) app::open_releases(a);
  app::note_rect(a, "all-releases");
  ImGui::SetItemTooltip("Run this program on every Go release and compare what each prints.");
  ImGui::SameLine();
  // GOGC: the value is written beside the slider, not on it (the grab sat on the digits at
  // 100, the middle of the log scale); "GC off" says what the box does (GOGC=off).
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("GOGC");
  ImGui::SameLine();
  bool gc_off = r.options.gogc < 0;
  int gogc = gc_off ? 100 : r.options.gogc;
  ImGui::BeginDisabled(gc_off);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  if (ImGui::SliderInt("##gogc", &gogc, 10, 1000, "", ImGuiSliderFlags_Logarithmic)) r.options.gogc = gogc;
  if (ImGui::IsItemDeactivatedAfterEdit()) restart_with_options(a);
  app::note_rect(a, "gogc");
  ImGui::SetItemTooltip("GOGC: the heap may grow this many percent over the live heap before the next GC.");
  ImGui::EndDisabled();
  ImGui::SameLine();
  {
    char v[16];
    std::snprintf(v, sizeof v, "%-4s", gc_off ? "off" : std::to_string(r.options.gogc).c_str());
    ImGui::TextUnformatted(v);
    app::note_rect(a, "gogc-value");
  }
  ImGui::SameLine();
  if (ImGui::Checkbox("GC off", &gc_off)) {
    r.options.gogc = gc_off ? -1 : 100;
    restart_with_options(a);
  }
  app::note_rect(a, "gc-off");
  ImGui::SetItemTooltip("GOGC=off: no garbage collection, unless a memory limit is set; the heap only grows.");
  // GOMEMLIMIT beside GOGC: a few limits to pick (a link or the program may set another).
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("limit");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.5f);
  const std::string limit = sim::memory_limit_string(r.options.memlimit);
  if (ImGui::BeginCombo("##memlimit", limit.c_str())) {
    for (const char* l : {"off", "16MiB", "32MiB", "64MiB", "128MiB", "256MiB", "512MiB", "1GiB", "4GiB"}) {
      if (ImGui::Selectable(l, limit == l) && sim::parse_memory_limit(l, r.options.memlimit)) restart_with_options(a);
    }
    ImGui::EndCombo();
  }
  app::note_rect(a, "memlimit");
  ImGui::SetItemTooltip("GOMEMLIMIT (debug.SetMemoryLimit): a soft limit on the memory the runtime maps. Near it "
                        "the GC runs sooner (with GOGC off too) and free pages go back to the OS; a live heap "
                        "bigger than the limit makes the GC run cycle after cycle.");
  ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 4);
  ImGui::TextUnformatted("seed");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  long long seed = static_cast<long long>(r.options.seed);
  if (ImGui::InputScalar("##seed", ImGuiDataType_S64, &seed, nullptr, nullptr, "%lld",
                         ImGuiInputTextFlags_EnterReturnsTrue)) {
    r.options.seed = static_cast<uint64_t>(std::max(0LL, seed));
    restart_with_options(a);
  }
  ImGui::SameLine();
  help_marker("The seed fixes every hash seed (hash0) and so the bucket layout: a run is a "
              "function of program, knobs, Go version, GOGC, memory limit and seed.");

  // Row 3: the run in words (what it printed, and why it stopped, are in Output).
  ImGui::TextUnformatted(run_status(a, false).c_str());
  app::note_rect(a, "status");
}

}  // namespace ui
