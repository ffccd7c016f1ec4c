// scenario.cpp — the Scenario window: preset menu, the Go editor, and the knobs.
//
// The editor is ImGui's InputTextMultiline drawn with a transparent text colour; this file then
// draws the same text again, coloured by golex tokens, at the same place (the input's child
// window, its scroll, its font), plus line numbers, the error line, the line being executed
// and the caret (ImGui draws the caret in the text colour, which is transparent here).
// Editing, selection, clipboard and IME stay ImGui's own.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "imgui.h"
#include "engine/runtime/profile.h"
#include "imgui_internal.h"
#include "web/embedded.h"
#include "web/knobs/golex.h"
#include "web/platform.h"
#include "web/ui/palette.h"
#include "web/ui/windows.h"

namespace ui {

namespace {

int resize_callback(ImGuiInputTextCallbackData* d) {
  if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* buf = static_cast<std::vector<char>*>(d->UserData);
    buf->resize(static_cast<size_t>(d->BufTextLen) + 1);
    d->Buf = buf->data();
  }
  return 0;
}

ImU32 token_colour(const golex::Token& t, std::string_view text) {
  switch (t.kind) {
    case golex::Tok::Keyword: return palette::kSynKeyword;
    case golex::Tok::Int:
    case golex::Tok::Float: return palette::kSynNumber;
    case golex::Tok::String: return palette::kSynString;
    case golex::Tok::Comment: return palette::kSynComment;
    case golex::Tok::Ident: {
      std::string_view w = text.substr(t.pos, t.len);
      if (golex::is_predeclared_type(w)) return palette::kSynType;
      if (golex::is_builtin(w)) return palette::kSynBuiltin;
      return palette::kSynText;
    }
    default: return palette::kSynText;
  }
}

// editor draws the program text with colours, line numbers and marks; returns true when edited.
bool editor(app::App& a, ImVec2 size) {
  app::ScenarioState& s = a.scenario;
  if (s.buffer.empty()) s.buffer.push_back('\0');
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const std::string_view text(s.buffer.data(), std::strlen(s.buffer.data()));
  const int nlines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  char widest[16];
  std::snprintf(widest, sizeof widest, "%d", std::max(nlines, 99));
  const float gutter = font->CalcTextSizeA(fs, FLT_MAX, 0, widest).x + fs * 0.8f;

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(origin.x + gutter, origin.y));
  const ImGuiID id = ImGui::GetID("##program");
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));   // painted by panel_fill below
  const bool read_only = a.embed_mode && !a.embed_editable;
  const bool changed = ImGui::InputTextMultiline(
      "##program", s.buffer.data(), s.buffer.size(), ImVec2(size.x - gutter, size.y),
      ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackResize |
          (read_only ? ImGuiInputTextFlags_ReadOnly : 0),
      resize_callback, &s.buffer);
  ImGui::PopStyleColor(2);
  app::note_rect(a, "editor");
  panel_fill(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), palette::kEditorBg);

  // Find the input's child window: its position and scroll place every line.
  ImGuiWindow* child = nullptr;
  for (ImGuiWindow* w : g.Windows)
    if (w->ChildId == id && w->ParentWindow == g.CurrentWindow) child = w;
  if (!child) return changed;
  ImGuiInputTextState* st = ImGui::GetInputTextState(id);
  const bool active = st && g.ActiveId == id;
  const float scroll_x = active ? st->ScrollX : 0.0f;
  const ImVec2 text0(child->Pos.x + g.Style.FramePadding.x - scroll_x,
                     child->Pos.y + g.Style.FramePadding.y - child->Scroll.y);
  const std::string_view now(s.buffer.data(), std::strlen(s.buffer.data()));   // after editing

  // Colour of every byte, from the tokens.
  std::vector<ImU32> colour(now.size(), palette::kSynText);
  for (const golex::Token& t : golex::lex(now)) {
    const ImU32 c = token_colour(t, now);
    for (uint32_t i = t.pos; i < t.pos + t.len && i < colour.size(); ++i) colour[i] = c;
  }

  ImDrawList* dl = child->DrawList;
  dl->PushClipRect(child->InnerClipRect.Min, child->InnerClipRect.Max, true);
  const float line_h = fs;
  const int first = std::max(0, static_cast<int>((child->Scroll.y - g.Style.FramePadding.y) / line_h) - 1);
  const int last = first + static_cast<int>(child->Size.y / line_h) + 3;
  const sim::Simulation* vs = app::view_sim(a);
  const int exec_line = vs && !s.dirty ? vs->current_line() : 0;
  size_t pos = 0;
  int line = 1;
  // Skip to the first visible line.
  while (line - 1 < first && pos < now.size()) {
    const size_t nl = now.find('\n', pos);
    if (nl == std::string_view::npos) {
      pos = now.size();
      break;
    }
    pos = nl + 1;
    ++line;
  }
  // Line marks go under the text on the parent window's list (drawn before the child's), in
  // a command of their own: the text's list and the line numbers then stay the same while the
  // run moves from line to line, and the renderer need not redraw them (web/imgui_webgl.h).
  ImDrawList* pdl = ImGui::GetWindowDrawList();
  pdl->PushClipRect(child->InnerClipRect.Min, child->InnerClipRect.Max, true);
  for (const auto& [mark, colour] : {std::pair{s.error_line, palette::kSynErrorLine}, std::pair{exec_line, palette::kSynCurrentLine}}) {
    if (mark <= 0 || (mark == exec_line && mark == s.error_line && colour == palette::kSynCurrentLine)) continue;
    const float y = text0.y + static_cast<float>(mark - 1) * line_h;
    pdl->AddRectFilled(ImVec2(child->Pos.x, y), ImVec2(child->Pos.x + child->Size.x, y + line_h), colour);
  }
  pdl->PopClipRect();
  pdl->PushClipRect(ImVec2(origin.x, child->Pos.y), ImVec2(origin.x + gutter, child->Pos.y + child->Size.y), true);
  for (; line - 1 <= last; ++line) {
    const float y = text0.y + static_cast<float>(line - 1) * line_h;
    size_t end = now.find('\n', pos);
    if (end == std::string_view::npos) end = now.size();
    // runs of one colour
    float x = text0.x;
    size_t i = pos;
    while (i < end) {
      size_t j = i + 1;
      while (j < end && colour[j] == colour[i]) ++j;
      dl->AddText(font, fs, ImVec2(x, y), colour[i], now.data() + i, now.data() + j);
      x += font->CalcTextSizeA(fs, FLT_MAX, 0, now.data() + i, now.data() + j).x;
      i = j;
    }
    // line number
    char num[16];
    std::snprintf(num, sizeof num, "%d", line);
    const float nw = font->CalcTextSizeA(fs, FLT_MAX, 0, num).x;
    pdl->AddText(font, fs, ImVec2(origin.x + gutter - nw - fs * 0.4f, y),
                 line == s.error_line ? palette::kOverflow : palette::kGutter, num);
    if (end >= now.size()) break;
    pos = end + 1;
  }
  pdl->PopClipRect();
  // The caret (ImGui's is drawn in the transparent text colour).
  if (active && !read_only) {
    const bool blink_on = !g.IO.ConfigInputTextCursorBlink || st->CursorAnim <= 0.0f ||
                          std::fmod(st->CursorAnim, 1.20f) <= 0.80f;
    if (blink_on) {
      // Stb.cursor counts characters (UTF-16 units of TextW); walk the UTF-8 text to it.
      int target = st->Stb.cursor, cl = 0;
      size_t i = 0, line_start = 0;
      while (i < now.size() && target > 0) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, now.data() + i, now.data() + now.size());
        if (now[i] == '\n') {
          ++cl;
          line_start = i + 1;
        }
        i += static_cast<size_t>(std::max(n, 1));
        --target;
      }
      const float cx = text0.x + font->CalcTextSizeA(fs, FLT_MAX, 0, now.data() + line_start, now.data() + i).x;
      const float cy = text0.y + static_cast<float>(cl) * line_h;
      dl->AddLine(ImVec2(cx, cy), ImVec2(cx, cy + line_h), palette::kSynText, std::max(1.0f, a.dpr));
    }
  }
  dl->PopClipRect();
  return changed;
}

const char* kKinds[] = {"int", "string", "[N]byte", "*[N]byte", "struct"};

// The "New program" entry of the preset menu: a map, its size and the heap, in a few lines.
constexpr const char* kNewProgram =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"runtime\"\n"
    ")\n"
    "\n"
    "func main() {\n"
    "\tn := 100_000\n"
    "\tm := make(map[int]int)\n"
    "\tfor i := 0; i < n; i++ {\n"
    "\t\tm[i] = i\n"
    "\t}\n"
    "\tvar ms runtime.MemStats\n"
    "\truntime.ReadMemStats(&ms)\n"
    "\tfmt.Println(\"entries =\", len(m), \"HeapAlloc =\", ms.HeapAlloc/1024, \"KB\")\n"
    "}\n";

// type_picker edits one TypeSpec; true when it changed.
bool type_picker(const char* id, knobs::TypeSpec& t, float width) {
  bool changed = false;
  ImGui::PushID(id);
  int kind = t.kind == knobs::TypeSpec::Other ? -1 : static_cast<int>(t.kind);
  const std::string preview = knobs::type_text(t);
  ImGui::SetNextItemWidth(std::max(width, ImGui::CalcTextSize(preview.c_str()).x + ImGui::GetFrameHeight() * 1.4f));
  if (ImGui::BeginCombo("##kind", preview.c_str())) {
    for (int k = 0; k < 5; ++k) {
      if (ImGui::Selectable(kKinds[k], k == kind)) {
        if (k != kind) {
          const int64_t n = t.n > 0 ? t.n : 128;
          t.kind = static_cast<knobs::TypeSpec::Kind>(k);
          t.n = t.kind == knobs::TypeSpec::Struct ? 2 : n;
          changed = true;
        }
      }
    }
    ImGui::EndCombo();
  }
  if (t.kind == knobs::TypeSpec::ByteArray || t.kind == knobs::TypeSpec::PtrByteArray ||
      t.kind == knobs::TypeSpec::Struct) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width * 0.6f);
    int n = static_cast<int>(t.n);
    const bool is_struct = t.kind == knobs::TypeSpec::Struct;
    if (ImGui::InputInt(is_struct ? "fields" : "N", &n, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue)) {
      n = std::clamp(n, is_struct ? 1 : 0, is_struct ? 26 : 1 << 20);
      if (n != t.n) {
        t.n = n;
        changed = true;
      }
    }
  }
  ImGui::PopID();
  return changed;
}

void knobs_panel(app::App& a) {
  app::ScenarioState& s = a.scenario;
  const bool read_only = a.embed_mode && !a.embed_editable;
  if (s.knobs.ints.empty() && s.knobs.maps.empty()) {
    ImGui::TextDisabled("No knobs: integer constants, `n := 123` and map types become knobs.");
    return;
  }
  ImGui::BeginDisabled(read_only);
  const float label_w = ImGui::CalcTextSize("valueSize ").x;
  std::string text(s.buffer.data());
  for (size_t i = 0; i < s.knobs.ints.size(); ++i) {
    const knobs::IntKnob k = s.knobs.ints[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(k.name.c_str());
    ImGui::SameLine(label_w + ImGui::GetStyle().ItemSpacing.x * 2);
    auto range = s.ranges.count(k.name) ? s.ranges[k.name] : std::make_pair(k.lo, k.hi);
    int64_t v = k.value;
    ImGui::SetNextItemWidth(-ImGui::GetFrameHeight() * 1.5f);
    const bool moved = ImGui::SliderScalar("##v", ImGuiDataType_S64, &v, &range.first, &range.second, "%lld",
                                           k.log_scale ? ImGuiSliderFlags_Logarithmic : 0);
    app::note_rect(a, "knob:" + k.name);
    ImGui::SameLine();
    help_marker(k.log_scale ? "A count: the slider moves on a log scale. Ctrl+click to type a value."
                            : "Ctrl+click to type a value.");
    if (moved && v != k.value) {
      text = knobs::set_int(text, k, v);
      app::load_program(a, text, s.preset, true);
      ImGui::PopID();
      break;   // knob positions changed: draw the rest next frame
    }
    ImGui::PopID();
  }
  for (size_t i = 0; i < s.knobs.maps.size(); ++i) {
    const knobs::MapKnob m = s.knobs.maps[i];
    ImGui::PushID(static_cast<int>(100 + i));
    knobs::TypeSpec key = m.key, elem = m.elem;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("map[");
    ImGui::SameLine(0, 0);
    bool changed = type_picker("key", key, ImGui::GetFontSize() * 6);
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted("]");
    ImGui::SameLine(0, 0);
    changed |= type_picker("elem", elem, ImGui::GetFontSize() * 6);
    app::note_rect(a, "maptype:" + std::to_string(i));
    ImGui::SameLine();
    help_marker("Key and value types of this map (every place the program writes this type). "
                "Values over 128 bytes are stored indirectly: the bucket holds a pointer.");
    if (changed) {
      app::load_program(a, knobs::set_map_types(text, m, key, elem), s.preset, true);
      ImGui::PopID();
      break;
    }
    ImGui::PopID();
  }
  ImGui::EndDisabled();
}

// preset_menu is the picker: presets grouped by the question they answer, by human title.
void preset_menu(app::App& a) {
  app::ScenarioState& s = a.scenario;
  const web::Preset* current = nullptr;
  for (const web::Preset& p : web::presets())
    if (s.preset == p.name || s.preset == std::string(p.name) + "*") current = &p;
  std::string preview = s.preset.empty() ? "(your program)" : s.preset;
  if (current) preview = std::string(current->title) + (s.preset.back() == '*' ? " (edited)" : "");
  ImGui::SetNextItemWidth(-ImGui::GetFrameHeight() * 1.5f);
  if (ImGui::BeginCombo("##preset", preview.c_str(), ImGuiComboFlags_HeightLargest)) {
    if (ImGui::Selectable("New program")) app::open_program(a, kNewProgram, "", true);
    app::note_rect(a, "preset:new");
    ImGui::SetItemTooltip("A small program to start from, on today's Go (Go %s).", app::preset_release("").c_str());
    for (const char* group : web::preset_groups()) {
      ImGui::SeparatorText(group);
      for (const web::Preset& p : web::presets()) {
        if (std::strcmp(p.group, group) != 0) continue;
        ImGui::PushID(p.name);
        if (ImGui::Selectable(p.title, current == &p)) app::open_program(a, std::string(p.text), p.name, true);
        app::note_rect(a, std::string("preset:") + p.name);
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("%s\nOpens on Go %s (%s.go).", p.question, app::preset_release(p.name).c_str(), p.name);
        ImGui::PopID();
      }
    }
    ImGui::EndCombo();
  }
  app::note_rect(a, "preset");
  ImGui::SameLine();
  help_marker(current ? current->question : "Pick a preset program. Editing the text makes it yours.");
}

// preset_story says what the open preset asks and, once its run ends, the answer with the
// run's figures (app::preset_caption), with the same program on every release one click away.
void preset_story(app::App& a) {
  const web::Preset* p = app::current_preset(a);
  if (!p) return;
  ImGui::PushStyleColor(ImGuiCol_Text, palette::kSynComment);
  ImGui::TextWrapped("%s", p->question);
  ImGui::PopStyleColor();
  app::note_rect(a, "question");
  const std::string& caption = app::preset_caption(a);
  if (caption.empty()) {
    if (!a.main.done()) ImGui::TextDisabled("The answer appears here when the run ends.");
    return;
  }
  const float pad = ImGui::GetStyle().FramePadding.x;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(at.x + pad, at.y + pad));
  ImGui::PushTextWrapPos(at.x + w - pad - ImGui::GetWindowPos().x);
  ImGui::TextWrapped("Go %s: %s", a.main.options.go_version.c_str(), caption.c_str());
  ImGui::PopTextWrapPos();
  app::note_rect(a, "preset-caption");
  ImGui::SetCursorScreenPos(ImVec2(at.x + pad, ImGui::GetCursorScreenPos().y));
  if (ImGui::SmallButton("Every release...")) app::open_releases(a);
  app::note_rect(a, "preset-caption:releases");
  ImGui::SetItemTooltip("Run this program on every Go release, side by side.");
  const float bottom = ImGui::GetItemRectMax().y + pad;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(at, ImVec2(at.x + w, bottom), palette::kEditorBg, ImGui::GetStyle().FrameRounding);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(at.x, bottom + ImGui::GetStyle().ItemSpacing.y));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

void program_editor(app::App& a, ImVec2 size) {
  app::ScenarioState& s = a.scenario;
  const float line = ImGui::GetFrameHeightWithSpacing();
  const float error_h = (s.error.empty() ? 0.0f : line * 2.0f) + (s.error.find("requires go") != std::string::npos ? line : 0.0f);
  const float ed_h = std::max(size.y - error_h, ImGui::GetFontSize() * 4);
  if (editor(a, ImVec2(size.x, ed_h))) {
    s.dirty = true;
    s.edited_at = platform::now_ms();
    s.preset = s.preset.empty() || s.preset.back() == '*' ? s.preset : s.preset + "*";
  }
  if (!s.error.empty()) {
    // The message itself is in Output (once); here, the line it is about and what to do.
    // "clear requires go1.21 or later": offer the first release that has it.
    const size_t at = s.error.find("requires go");
    const std::string version = at == std::string::npos ? "" : s.error.substr(at + 11, s.error.find(' ', at + 11) - (at + 11));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 110, 100, 255));
    ImGui::TextWrapped("Line %d:%d does not compile%s (Output says why).", s.error_line, s.error_col,
                       runtime::profile_for(version) ? (": it needs Go " + version).c_str() : "");
    ImGui::PopStyleColor();
    app::note_rect(a, "editor-error");
    if (at != std::string::npos) {
      if (runtime::profile_for(version)) {
        const std::string label = "Use Go " + version;
        if (ImGui::SmallButton(label.c_str())) {
          a.main.options.go_version = version;
          app::reload(a, true);
        }
        app::note_rect(a, "use-go-version");
      }
    }
  }
}

void scenario_content(app::App& a) {
  app::ScenarioState& s = a.scenario;
  preset_menu(a);
  preset_story(a);

  // Editor: what is left above the knobs.
  const float line = ImGui::GetFrameHeightWithSpacing();
  const float knob_h = line * static_cast<float>(s.knobs.ints.size() + s.knobs.maps.size()) + line * 1.3f;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  program_editor(a, ImVec2(avail.x, std::max(avail.y - knob_h, ImGui::GetFontSize() * 8)));
  ImGui::SeparatorText("Knobs");
  knobs_panel(a);
}

}  // namespace ui
