// controls.cpp — the Run window: run / pause, step (statement, loop iteration, next print),
// speed, reset, and the run's options (Go version, GOGC, seed), with the run's status.
#include <algorithm>
#include <cstdio>

#include "engine/runtime/profile.h"
#include "imgui.h"
#include "web/platform.h"
#include "web/ui/chart.h"
#include "web/ui/windows.h"

namespace ui {

namespace {

const char* kStepModes[] = {"statement", "loop iteration", "next print"};
constexpr sim::StepMode kStepModeValues[] = {sim::StepMode::Statement, sim::StepMode::LoopIteration,
                                             sim::StepMode::NextPrint};

void restart_with_options(app::App& a) {
  const bool was_playing = a.main.playing || a.main.done();
  app::reload(a, was_playing);
}

}  // namespace

void controls_content(app::App& a) {
  app::Run& r = a.main;
  const bool can_run = r.loaded();
  // Row 1: run controls
  ImGui::BeginDisabled(!can_run);
  if (ImGui::Button(r.playing ? "Pause" : (r.done() ? "Run again" : "Run"))) app::set_playing(a, !r.playing);
  app::note_rect(a, "run");
  ImGui::SameLine();
  if (ImGui::Button("Step")) app::step_unit(a, kStepModeValues[a.controls.step_mode]);
  app::note_rect(a, "step");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("loop iteration").x + ImGui::GetFrameHeight() * 1.5f);
  ImGui::Combo("##stepmode", &a.controls.step_mode, kStepModes, 3);
  ImGui::SameLine();
  if (ImGui::Button("Reset")) app::reset_run(a);
  app::note_rect(a, "reset");
  ImGui::SameLine();
  ImGui::BeginDisabled(!r.playing);
  if (ImGui::Button("Stop")) {
    r.playing = false;
  }
  ImGui::EndDisabled();
  ImGui::EndDisabled();
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
  ImGui::TextUnformatted("GOGC");
  ImGui::SameLine();
  bool gc_off = r.options.gogc < 0;
  int gogc = gc_off ? 100 : r.options.gogc;
  ImGui::BeginDisabled(gc_off);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::SliderInt("##gogc", &gogc, 10, 1000, "%d", ImGuiSliderFlags_Logarithmic)) r.options.gogc = gogc;
  if (ImGui::IsItemDeactivatedAfterEdit()) restart_with_options(a);
  app::note_rect(a, "gogc");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Checkbox("off", &gc_off)) {
    r.options.gogc = gc_off ? -1 : 100;
    restart_with_options(a);
  }
  ImGui::SameLine();
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
              "function of program, knobs, Go version, GOGC and seed.");

  // Row 3: status
  const sim::Simulation* s = r.sim.get();
  char status[256];
  if (!s) {
    std::snprintf(status, sizeof status, "nothing loaded");
  } else {
    std::snprintf(status, sizeof status, "%s  ·  %s ops  ·  line %d  ·  simulator memory %s%s",
                  sim::to_string(s->state()), chart::format_ops(static_cast<double>(s->ops())).c_str(),
                  s->current_line(), app::fmt_bytes(s->simulator_memory(), 2).c_str(),
                  r.playing ? "  ·  running" : "");
  }
  ImGui::TextUnformatted(status);
  app::note_rect(a, "status");
  a.status_line = status;
  if (s && (s->state() == sim::RunState::LimitExceeded || s->state() == sim::RunState::Panicked) &&
      !s->stderr_text().empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", s->stderr_text().substr(0, 200).c_str());
  }
}

}  // namespace ui
