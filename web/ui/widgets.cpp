// widgets.cpp — small helpers every window uses (declared in windows.h).
#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"
#include "web/platform.h"
#include "web/ui/windows.h"

namespace ui {

void empty_state(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void panel_fill(ImVec2 a, ImVec2 b, ImU32 col) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // A floating window (not a tile: it moves) lies over the tiles, so a clear under everything
  // would be hidden: there the fill is an ordinary rectangle of its own list.
  if (!(ImGui::GetCurrentWindow()->RootWindow->Flags & ImGuiWindowFlags_NoMove)) {
    dl->AddRectFilled(a, b, col);
    return;
  }
  const ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
  platform::fill_panel(std::max(a.x, cmin.x), std::max(a.y, cmin.y), std::min(b.x, cmax.x), std::min(b.y, cmax.y), col);
}

void pace_plot(ImVec2 a, ImVec2 b) {
  constexpr double kIntervalMs = 50;
  const ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
  platform::pace(std::max(a.x, cmin.x), std::max(a.y, cmin.y), std::min(b.x, cmax.x), std::min(b.y, cmax.y), kIntervalMs);
}

void help_marker(const char* text) {
  ImGui::TextDisabled("(?)");
  if (ImGui::BeginItemTooltip()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

}  // namespace ui
