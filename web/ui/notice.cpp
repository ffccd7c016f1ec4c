// notice.cpp — the notice strip: the one place a notice appears (app::notify), full width under
// the menu, taking its own room (the windows below move down; nothing is covered), with its
// buttons in sight. A short confirmation (Info: "Link copied") shows in the menu bar instead,
// beside the button that caused it, and goes by itself. Also the runaway watch: a run that prints nothing for a while gets a
// notice in plain words with Stop.
//
// The program's own messages are not notices: compile errors, panics and the simulator's limits
// are in Output (output.cpp), the editor marks their line, and the status line names them.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "web/platform.h"
#include "web/ui/windows.h"
#include "web/units/units.h"

namespace ui {

namespace {

constexpr double kQuietMs = 4000;   // this long without output, the runaway notice shows

std::string runaway_text(const app::App& a, double quiet_ms) {
  const sim::Simulation& s = *a.main.sim;
  char b[512];
  std::snprintf(b, sizeof b,
                "This program has printed nothing for %.0f seconds. It may never end by itself: a loop "
                "like `for {}` runs until you stop it.",
                quiet_ms / 1000.0);
  std::string t = b;
  const uint64_t cap = a.main.options.max_sim_memory;
  if (cap > 0 && s.simulator_memory() > cap / 4) {
    std::snprintf(b, sizeof b,
                  " It keeps growing: simulating it takes %s of this tab's memory so far, and the playground "
                  "stops it at %s.",
                  units::format(static_cast<double>(s.simulator_memory())).c_str(),
                  units::format(static_cast<double>(cap)).c_str());
    t += b;
  }
  return t;
}

}  // namespace

void watch_runaway(app::App& a) {
  app::RunawayWatch& w = a.runaway;
  const bool running = a.main.playing && a.main.sim && !a.main.done() && a.controls.speed >= 10;
  if (!running) {
    w.quiet_since = 0;
    if (a.notice_kind == app::NoticeKind::Runaway) app::clear_notice(a);
    return;
  }
  const double now = platform::now_ms();
  const size_t printed = a.main.sim->stdout_text().size() + a.main.sim->stderr_text().size();
  if (w.quiet_since == 0 || printed != w.output_seen) {
    w.quiet_since = now;
    w.output_seen = printed;
    if (a.notice_kind == app::NoticeKind::Runaway) app::clear_notice(a);
    return;
  }
  const double quiet = now - w.quiet_since;
  if (quiet < kQuietMs || w.dismissed_serial == a.main.load_serial) return;
  // It replaces an older notice (a link's problem): what runs now matters more.
  // Whole seconds only: the text (and the screen-reader region) changes once a second.
  const std::string text = runaway_text(a, std::floor(quiet / 1000.0) * 1000.0);
  if (text != a.notice) app::notify(a, text, app::NoticeKind::Runaway);
}

float notice_strip(app::App& a, float top, float width) {
  if (a.notice.empty()) return top;
  if (a.notice_until > 0) {
    if (platform::now_ms() > a.notice_until) {
      app::clear_notice(a);
      return top;
    }
    platform::keep_running();   // a timed notice must be able to expire
  }
  // A confirmation shows in the menu bar beside its button (app.cpp, menu), except in an embed.
  if (a.notice_kind == app::NoticeKind::Info && !a.embed_mode) return top;
  const ImGuiStyle& st = ImGui::GetStyle();
  const bool runaway = a.notice_kind == app::NoticeKind::Runaway;
  const char* b1 = runaway ? "Stop" : "OK";
  const char* b2 = runaway ? "Keep running" : nullptr;
  float buttons = ImGui::CalcTextSize(b1).x + st.FramePadding.x * 2;
  if (b2) buttons += ImGui::CalcTextSize(b2).x + st.FramePadding.x * 2 + st.ItemSpacing.x;
  const float wrap = std::max(width - buttons - st.WindowPadding.x * 2 - st.ItemSpacing.x * 2, width * 0.4f);
  const float text_h = ImGui::CalcTextSize(a.notice.c_str(), nullptr, false, wrap).y;
  const float h = std::max(text_h, ImGui::GetFrameHeight()) + st.WindowPadding.y * 2;
  ImGui::SetNextWindowPos(ImVec2(0, top), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, h), ImGuiCond_Always);
  const ImU32 bg = a.notice_kind == app::NoticeKind::Info ? IM_COL32(30, 70, 50, 255)
                   : runaway                              ? IM_COL32(95, 60, 10, 255)
                                                          : IM_COL32(110, 40, 30, 255);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
  ImGui::Begin("##notice", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(a.notice.c_str());
  ImGui::PopTextWrapPos();
  app::note_rect(a, "notice");
  ImGui::SameLine(width - buttons - st.WindowPadding.x);
  if (ImGui::Button(b1)) {
    if (runaway) a.main.playing = false;
    app::clear_notice(a);
  }
  app::note_rect(a, runaway ? "notice-stop" : "notice-ok");
  if (b2) {
    ImGui::SameLine();
    if (ImGui::Button(b2)) {
      a.runaway.dismissed_serial = a.main.load_serial;
      app::clear_notice(a);
    }
    app::note_rect(a, "notice-keep-running");
  }
  ImGui::End();
  ImGui::PopStyleColor();
  return top + h;
}

}  // namespace ui
