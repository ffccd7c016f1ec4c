// embed.cpp — the Embed dialog (an iframe snippet for the current state, with the view it
// shows and whether the reader may edit; title and loading="lazy"; the link's fragment holds
// the scenario, the query the embed flags), and the embed itself (?embed&view=…).
//
// An embed is designed for a blog column, 720×420, and for a phone, 360 px wide:
//
//   ┌──────────────────────────────────────────────────────────────────┐
//   │ [▶ Run] caption (the program's first comment line) … [Open ↗]    │  header
//   │ Live  cursor: op 2.1M of 7.0M   ───●──────┼───────┼───  timeline  │  (not for releases)
//   ├──────────────────────────────────────────────────────────────────┤
//   │ heap:  chart (legend above, printed values on it) │ Heap now bar │
//   │        output, last lines                         │ MemStats ↕   │
//   │ heap, editable: editor │ chart over output                        │
//   │ grid: the Map window; output: Output; play: the tabs; releases:   │
//   │ the release matrix                                                │
//   └──────────────────────────────────────────────────────────────────┘
//
// Below 520 CSS px the columns stack (chart, then a scrolled column of the rest). Esc gives
// the keyboard back to the host page (app.cpp, platform::release_focus), also from the editor.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"   // RenderTextEllipsis
#include "web/platform.h"
#include "web/ui/windows.h"

namespace ui {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                    ImGuiWindowFlags_NoTitleBar;

}  // namespace

std::string embed_caption(const app::App& a) {
  if (const web::Preset* p = app::current_preset(a)) return p->title;   // a preset's sidecar names it
  const std::string& text = a.main.source.empty() ? std::string() : a.main.source;
  std::string out;
  size_t p = 0;
  while (p < text.size()) {
    const size_t e = std::min(text.find('\n', p), text.size());
    std::string line = text.substr(p, e - p);
    p = e + 1;
    if (line.rfind("//", 0) != 0) break;
    line.erase(0, line.find_first_not_of("/ \t") == std::string::npos ? line.size() : line.find_first_not_of("/ \t"));
    if (line.empty()) {
      if (out.empty()) continue;
      break;
    }
    if (out.empty()) {
      const size_t dash = line.find(" \xe2\x80\x94 ");   // "name.go — caption"
      if (dash != std::string::npos && line.substr(0, dash).find(".go") != std::string::npos) line.erase(0, dash + 5);
    }
    out += (out.empty() ? "" : " ") + line;
  }
  if (out.empty()) out = a.scenario.preset.empty() ? "Go map memory playground" : a.scenario.preset;
  return out;
}

namespace {

// text_fitted draws text cut to width with an ellipsis; the whole text in a tooltip.
void text_fitted(const std::string& text, float width) {
  const float tw = ImGui::CalcTextSize(text.c_str()).x;
  if (tw <= width) {
    ImGui::TextUnformatted(text.c_str());
    return;
  }
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(std::max(width, 1.0f), ImGui::GetTextLineHeight()));
  ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), p, ImVec2(p.x + width, p.y + ImGui::GetTextLineHeight()),
                            p.x + width, p.x + width, text.c_str(), nullptr, nullptr);
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void header(app::App& a) {
  const float fs = ImGui::GetFontSize();
  const bool narrow = ImGui::GetContentRegionAvail().x < 520 * a.dpr;
  const bool has_run = a.embed_view != 4 && !(a.embed_editable && a.embed_view == 3);
  if (has_run) {
    const char* label = a.main.playing ? "|| Pause" : a.main.done() && a.main.loaded() ? "\xe2\x96\xb6 Run again" : "\xe2\x96\xb6 Run";
    if (ImGui::SmallButton(label)) app::set_playing(a, !a.main.playing);
    app::note_rect(a, "run");
    ImGui::SameLine();
  }
  const char* open = narrow ? "Open \xe2\x86\x97" : "Open in playground \xe2\x86\x97";
  const float open_w = ImGui::CalcTextSize(open).x + ImGui::GetStyle().FramePadding.x * 2;
  const float cap_w = ImGui::GetContentRegionAvail().x - open_w - ImGui::GetStyle().ItemSpacing.x;
  std::string cap = embed_caption(a);
  if (a.embed_view == 4) cap = "On every Go release: " + cap;
  text_fitted(cap, cap_w);
  app::note_rect(a, "caption");
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - open_w);
  if (ImGui::SmallButton(open)) platform::open_url(platform::page_link("", share::encode(app::share_state(a))));
  app::note_rect(a, "open-in-playground");
  ImGui::SetItemTooltip("Open this program in the full playground (a new tab)");
  (void)fs;
}

// column begins a child of the given size with no border; end with ImGui::EndChild().
void column(const char* id, ImVec2 size, bool scroll) {
  ImGui::BeginChild(id, size, false, scroll ? 0 : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
}

void heap_body(app::App& a, ImVec2 avail, bool narrow) {
  const float fs = ImGui::GetFontSize(), gap = ImGui::GetStyle().ItemSpacing.x;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  if (a.embed_editable) {
    // The program first: an editable embed is about changing it.
    if (narrow) {
      column("##code", ImVec2(avail.x, avail.y * 0.5f), false);
      program_editor(a, ImGui::GetContentRegionAvail());
      ImGui::EndChild();
      heap_chart(a, std::max(fs * 7, avail.y * 0.32f), 0);
      output_content(a);
      return;
    }
    column("##code", ImVec2(std::floor(avail.x * 0.58f), avail.y), false);
    program_editor(a, ImGui::GetContentRegionAvail());
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    column("##right", ImVec2(0, avail.y), false);
    const float out_h = std::min(line * 5.5f, avail.y * 0.3f);
    heap_chart(a, ImGui::GetContentRegionAvail().y - out_h - ImGui::GetStyle().ItemSpacing.y, 0);
    output_content(a);
    ImGui::EndChild();
    return;
  }
  if (narrow) {
    heap_chart(a, std::max(fs * 8, avail.y * 0.55f), 0);
    column("##rest", ImVec2(0, 0), true);
    heap_now(a);
    ImGui::SeparatorText("Output");
    const float out_h = std::min(line * 4.5f, ImGui::GetContentRegionAvail().y);
    column("##out", ImVec2(0, out_h), true);
    output_content(a);
    ImGui::EndChild();
    ImGui::SeparatorText("runtime.MemStats");
    memstats(a, 2);
    ImGui::EndChild();
    return;
  }
  const float right_w = std::clamp(avail.x * 0.34f, fs * 15, fs * 24);
  column("##left", ImVec2(avail.x - right_w - gap, avail.y), false);
  const float out_h = std::min(line * 3.6f, avail.y * 0.24f);
  heap_chart(a, ImGui::GetContentRegionAvail().y - out_h - ImGui::GetStyle().ItemSpacing.y, 0);
  output_content(a);
  ImGui::EndChild();
  ImGui::SameLine(0, gap);
  column("##right", ImVec2(0, avail.y), true);
  heap_now(a);
  ImGui::SeparatorText("runtime.MemStats");
  app::note_rect(a, "memstats");
  memstats(a, 2);
  ImGui::EndChild();
}

}  // namespace

void embed_view(app::App& a, float top, float W, float H) {
  ImGui::SetNextWindowPos(ImVec2(0, top), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(W, H - top), ImGuiCond_Always);
  const float fs = ImGui::GetFontSize();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(fs * 0.45f, fs * 0.35f));
  ImGui::Begin("##embed", nullptr, kFixed);
  ImGui::PopStyleVar();
  header(a);
  const bool narrow = W / a.dpr < 520;
  if (a.embed_view == 3) {   // the whole playground, as tabs under the header
    const float top = ImGui::GetCursorPosY();
    a.quiz.area[0] = 0, a.quiz.area[1] = top, a.quiz.area[2] = W, a.quiz.area[3] = H - top;
    ImGui::End();
    std::vector<app::View> tabs = {app::kScenario, app::kControls, app::kMap, app::kHeap, app::kOutput};
    if (!a.embed_editable) tabs.erase(tabs.begin());
    app::layout_tabs(a, top, W, H, tabs);
    return;
  }
  if (a.embed_view != 4) {
    // The run's timeline: scrub to any moment (the views follow the cursor).
    column("##timeline", ImVec2(0, ImGui::GetFrameHeight() + fs * 2.6f), false);
    timeline_content(a);
    ImGui::EndChild();
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 body = ImGui::GetCursorScreenPos();   // the quiz card covers the body
  a.quiz.area[0] = body.x, a.quiz.area[1] = body.y, a.quiz.area[2] = avail.x, a.quiz.area[3] = avail.y;
  column("##embedbody", avail, a.embed_view == 2);
  switch (a.embed_view) {
    case 1: map_content(a); break;
    case 2: output_content(a); break;
    case 4: releases_content(a); break;
    default: heap_body(a, avail, narrow); break;
  }
  ImGui::EndChild();
  ImGui::End();
}

void embed_dialog(app::App& a) {
  if (a.embed.dialog) {
    ImGui::OpenPopup("Embed");
    a.embed.dialog = false;
  }
  const ImVec2 ds = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(ds.x * 0.5f, ds.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(ds.x * 0.9f, ImGui::GetFontSize() * 44), 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Embed", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::TextWrapped("Paste this into a page. The frame shows the view you pick, loads lazily, and takes the "
                     "keyboard only when clicked (Esc gives it back).");
  ImGui::RadioButton("heap chart + output", &a.embed.view, 0);
  ImGui::SameLine();
  ImGui::RadioButton("bucket grid", &a.embed.view, 1);
  ImGui::SameLine();
  ImGui::RadioButton("output", &a.embed.view, 2);
  ImGui::SameLine();
  ImGui::RadioButton("playground", &a.embed.view, 3);
  ImGui::SameLine();
  ImGui::RadioButton("every release", &a.embed.view, 4);
  ImGui::Checkbox("editable (the reader may change the program)", &a.embed.editable);
  // Predict, then reveal: the frame stops before the printed figures and asks the reader.
  ImGui::Checkbox("quiz: the reader predicts printed figures", &a.embed.quiz);
  app::note_rect(a, "embed-quiz");
  std::string quiz_spec;
  if (a.embed.quiz) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputTextWithHint("##embedquizlines", "lines: 2,3 (blank: every print)", a.embed.quiz_lines, sizeof a.embed.quiz_lines);
    app::note_rect(a, "embed-quiz-lines");
    quiz::Spec spec;
    std::string err;
    if (!quiz::parse_spec(a.embed.quiz_lines, spec, err)) ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.45f, 1.0f), "%s", err.c_str());
    else quiz_spec = spec.empty() ? "1" : quiz::spec_text(spec);
  }
  std::string snippet = app::embed_snippet(a, a.embed.view, a.embed.editable, quiz_spec);
  // The snippet wraps (ImGui's multiline input does not): shown as wrapped text in a framed,
  // scrolling box; "Copy snippet" copies it whole.
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  ImGui::BeginChild("##snippet", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 7), true);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(snippet.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  app::note_rect(a, "embed-snippet");
  if (ImGui::Button("Copy snippet")) {
    platform::copy_to_clipboard(snippet);
    app::notify(a, "Embed snippet copied to the clipboard.", app::NoticeKind::Info, 2500);
  }
  app::note_rect(a, "embed-copy");
  ImGui::SameLine();
  if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace ui
