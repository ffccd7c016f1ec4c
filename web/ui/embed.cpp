// embed.cpp — the Embed dialog: an iframe snippet for the current state, with the compact view
// it shows (heap chart + output, bucket grid, output, the whole playground, or the release
// matrix) and whether the reader may edit. The snippet carries title and loading="lazy"; the link's fragment holds the
// scenario, the query the embed flags.
#include <algorithm>
#include <string>

#include "imgui.h"
#include "web/platform.h"
#include "web/ui/windows.h"

namespace ui {

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
  std::string snippet = app::embed_snippet(a, a.embed.view, a.embed.editable);
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
