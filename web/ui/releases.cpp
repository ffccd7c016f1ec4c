// releases.cpp — the Releases window: the program in the editor, with its knobs, GOGC and
// seed, run on every Go release offered (sim::ReleaseMatrix; app::frame advances it a time
// slice per frame), then what each release printed, side by side:
//
//   ┌ status: "Go 1.24 (5 of 8) [progress]" / "8 releases in 2.9 s"         [Run again] ┐
//   │ printed          1.19 ●   1.21    1.22    1.23    1.24    1.25 …   ← click: main run │
//   │                  ▬▬▬▬▬    ▬▬▬▬    ▬▬▬     ▬▬      ▬       (done / running / to run)   │
//   │ 1  # KB             44      44      44      44    ▲ 50      50                      │
//   │ 2  # KB         472486  472486  472527  472527 ▼ 338829  338829   (turned: amber)   │
//   │ footnotes: what the releases with a turn changed; builds that failed, runs that did not end │
//   │ HeapAlloc: [x] 1.19 [x] 1.21 …  [all|none]                                           │
//   └ chart: HeapAlloc over ops, one curve per release ticked (the tick boxes are its key)   ┘
//
// Shorter than 30 lines (an embed, a phone), the table, the curves and the notes are three
// tabs, each with the whole height.
//
// A figure "turns" at a release when it moved more than sim::kTurnPercent (a memory figure:
// and more than sim::kTurnNoiseBytes) from the release before (ReleaseMatrix::rows()).
// Columns fill in as releases end; nothing is computed here that the matrix does not hold.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/runtime/profile.h"
#include "imgui.h"
#include "web/platform.h"
#include "web/ui/chart.h"
#include "web/ui/palette.h"
#include "web/ui/windows.h"

namespace ui {

namespace {

// colour of column k: bucket-map releases cool, Swiss-table releases warm, in release order.
ImU32 release_colour(const std::vector<sim::MatrixColumn>& cols, size_t k) {
  size_t classic = 0, swiss = 0;
  for (size_t j = 0; j < k && j < cols.size(); ++j) {
    const runtime::Profile* p = runtime::profile_for(cols[j].version);
    ++(p && p->map_impl == runtime::MapImpl::Swiss ? swiss : classic);
  }
  const runtime::Profile* p = k < cols.size() ? runtime::profile_for(cols[k].version) : nullptr;
  return p && p->map_impl == runtime::MapImpl::Swiss ? palette::kReleaseWarm[swiss % 4] : palette::kReleaseCool[classic % 4];
}

void text_right(const char* t, ImU32 col = 0) {
  const float w = ImGui::CalcTextSize(t).x, avail = ImGui::GetContentRegionAvail().x;
  if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
  if (col) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(col), "%s", t);
  else ImGui::TextUnformatted(t);
}

std::string release_tip(const sim::MatrixColumn& c) {
  const runtime::Profile* p = runtime::profile_for(c.version);
  std::string t = "Go " + c.version;
  if (p && !p->toolchain.empty()) t += " (figures measured against " + std::string(p->toolchain) + ")";
  t += "\n" + (c.changes.empty() ? std::string("Nothing a program can see changed from the release before.")
                                  : "Changed: " + c.changes + ".");
  if (!c.load_error.empty()) t += "\n\nDoes not compile this program:\n" + c.load_error;
  t += "\n\nClick: run the main program on Go " + c.version + ".";
  return t;
}

// header_row: per release a clickable version (switches the main run) and a progress bar in
// the release's curve colour.
void header_row(app::App& a, const std::vector<sim::MatrixColumn>& cols) {
  const app::ReleasesState& r = a.releases;
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGui::TableNextColumn();
  ImGui::TextDisabled("line  printed");
  ImGui::SetItemTooltip("What the program printed, line by line, with # where a figure stands;\n"
                        "a line with several figures has a row for each, named by the word before it.");
  const float fs = ImGui::GetFontSize();
  for (size_t k = 0; k < cols.size(); ++k) {
    ImGui::TableNextColumn();
    const sim::MatrixColumn& c = cols[k];
    const bool main_release = c.version == a.main.options.go_version;
    const std::string label = c.version + (main_release ? " \u25CF" : "") + "##rel" + c.version;
    if (ImGui::Selectable(label.c_str(), main_release)) app::set_release(a, c.version);
    app::note_rect(a, "release:" + c.version);
    if (ImGui::BeginItemTooltip()) {
      ImGui::PushTextWrapPos(fs * 30);
      ImGui::TextUnformatted(release_tip(c).c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    // Done (full, in the release's curve colour: the key of its curve), running (a third), to
    // run (empty). The running release's own progress is in the status line: the table's
    // pixels change only when a release ends (web/imgui_webgl.h redraws whole lists).
    const float fill = c.done ? 1.0f : (r.running && k == r.matrix.current()) ? 0.33f : 0.0f;
    const ImVec2 q = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = std::max(2.0f, fs * 0.3f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(q, ImVec2(q.x + w, q.y + h), palette::kChartGrid);
    dl->AddRectFilled(q, ImVec2(q.x + w * fill, q.y + h), c.done && !c.loaded ? palette::kErrorText : release_colour(cols, k));
    ImGui::Dummy(ImVec2(w, h));
  }
}

// direction of a turned figure against the nearest earlier release that printed it.
const char* turn_mark(const sim::MatrixNumber& n, size_t k) {
  for (size_t j = k; j-- > 0;)
    if (!n.text[j].empty())
      return std::strtod(n.text[k].c_str(), nullptr) >= std::strtod(n.text[j].c_str(), nullptr) ? "\u25B2 " : "\u25BC ";
  return "";
}

// value_cells draws one row's cells for every release: the figure, a turn, a missing line, a
// build that failed, a release still to run.
void value_cells(const app::ReleasesState& r, const std::vector<sim::MatrixColumn>& cols, const sim::MatrixRow& row,
                 const sim::MatrixNumber* n) {
  for (size_t k = 0; k < cols.size(); ++k) {
    ImGui::TableNextColumn();
    const sim::MatrixColumn& c = cols[k];
    if (!c.done) {
      if (r.running && k == r.matrix.current()) text_right("...", palette::kGutter);
      continue;
    }
    if (!c.loaded) {
      text_right("\u00D7", palette::kErrorText);
      ImGui::SetItemTooltip("Go %s does not compile this program:\n%s", c.version.c_str(), c.load_error.c_str());
      continue;
    }
    const std::string& line = k < row.texts.size() ? row.texts[k] : std::string();
    if (static_cast<size_t>(row.line) > c.lines.size()) {
      text_right("\u2014", palette::kGutter);
      ImGui::SetItemTooltip("Go %s printed %zu lines.", c.version.c_str(), c.lines.size());
      continue;
    }
    if (!n) {   // the line's own row: mark a release that printed other text
      if (!row.same_text) {
        std::vector<sim::PrintedNumber> scratch;
        if (sim::split_numbers(line, scratch) != row.skeleton) {
          text_right("\u2260", palette::kNextGC);
          ImGui::SetItemTooltip("Go %s printed:\n%s", c.version.c_str(), line.c_str());
        }
      }
      continue;
    }
    const std::string& v = n->text[k];
    if (v.empty()) {
      text_right("\u2014", palette::kGutter);
      continue;
    }
    if (n->turns[k]) {
      ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, palette::kTurnedCell);
      text_right((turn_mark(*n, k) + v).c_str());
      ImGui::SetItemTooltip("Moved more than %d %% (a memory figure: and more than %d KiB) from the release before.\nGo %s changed: %s",
                            static_cast<int>(sim::kTurnPercent), static_cast<int>(sim::kTurnNoiseBytes / 1024),
                            c.version.c_str(), c.changes.empty() ? "(nothing listed)" : c.changes.c_str());
    } else {
      text_right(v.c_str());
    }
  }
}

void label_cell(const sim::MatrixRow& row, const std::string& text, bool first_of_line) {
  ImGui::TableNextColumn();
  if (first_of_line) {
    ImGui::TextDisabled("%-4d", row.line);
    ImGui::SameLine(0, 0);
  } else {
    ImGui::TextDisabled("    ");
    ImGui::SameLine(0, 0);
  }
  ImGui::TextUnformatted(text.c_str());
  if (first_of_line) {
    for (const std::string& t : row.texts)
      if (!t.empty()) {
        ImGui::SetItemTooltip("line %d as printed: %s", row.line, t.c_str());
        break;
      }
  }
}

// table_rows counts the table's rows: a line with one figure is one row, else the line and
// one row per figure.
size_t table_rows(const std::vector<sim::MatrixRow>& rows) {
  size_t n = 0;
  for (const sim::MatrixRow& r : rows) n += (r.numbers.size() == 1 && r.same_text) ? 1 : 1 + r.numbers.size();
  return n;
}

// matrix_table draws the table at most max_h high and returns its height.
float matrix_table(app::App& a, float max_h) {
  app::ReleasesState& r = a.releases;
  const auto& cols = r.matrix.columns();
  const float fs = ImGui::GetFontSize();
  const ImGuiStyle& st = ImGui::GetStyle();
  // Column widths: the widest figure (with its turn mark) or version; the printed text takes
  // what is left, down to a few characters (clipped; its tooltip has the whole line), so the
  // eight releases fit a 720-px embed. Wider than the window: the table scrolls sideways.
  float value_w = ImGui::CalcTextSize("1.19 \u25CF").x;
  for (const sim::MatrixRow& row : r.rows)
    for (const sim::MatrixNumber& n : row.numbers)
      for (size_t k = 0; k < n.text.size(); ++k)
        value_w = std::max(value_w, ImGui::CalcTextSize(((n.turns[k] ? "\u25BC " : "") + n.text[k]).c_str()).x);
  float label_w = ImGui::CalcTextSize("line  printed").x;
  for (const sim::MatrixRow& row : r.rows) label_w = std::max(label_w, ImGui::CalcTextSize(("0000" + row.skeleton).c_str()).x);
  const float values_w = static_cast<float>(cols.size()) * (value_w + st.CellPadding.x * 2 + 1);
  const float room = ImGui::GetContentRegionAvail().x - values_w - st.CellPadding.x * 2 - st.ScrollbarSize;
  label_w = std::clamp(label_w, fs * 6, std::max(fs * 6, room));
  const float row_h = ImGui::GetTextLineHeight() + st.CellPadding.y * 2;
  const float header_h = ImGui::GetTextLineHeight() + fs * 0.3f + st.ItemSpacing.y + st.CellPadding.y * 2;
  const float want_h = header_h + row_h * static_cast<float>(std::max<size_t>(1, table_rows(r.rows))) + st.ScrollbarSize + 2;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  const float h = std::min(want_h, max_h);
  if (!ImGui::BeginTable("##matrix", static_cast<int>(cols.size()) + 1, flags, ImVec2(0, h))) return h;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("printed", ImGuiTableColumnFlags_WidthFixed, label_w);
  for (const sim::MatrixColumn& c : cols) ImGui::TableSetupColumn(c.version.c_str(), ImGuiTableColumnFlags_WidthFixed, value_w);
  header_row(a, cols);
  for (const sim::MatrixRow& row : r.rows) {
    const bool one = row.numbers.size() == 1 && row.same_text;
    ImGui::TableNextRow();
    label_cell(row, row.skeleton, true);
    value_cells(r, cols, row, one ? &row.numbers[0] : nullptr);
    if (one) continue;
    for (const sim::MatrixNumber& n : row.numbers) {
      ImGui::TableNextRow();
      label_cell(row, n.label, false);
      value_cells(r, cols, row, &n);
    }
  }
  if (r.rows.empty()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled(r.running ? "(the first release is running)" : "(nothing printed)");
  }
  ImGui::EndTable();
  app::note_rect(a, "releases-table");
  return h;
}

// Note is a footnote line: the releases where a figure turned and what they changed, builds
// that failed, runs that did not end.
struct Note {
  ImU32 colour;
  std::string text;
};

std::vector<Note> footnotes(const app::ReleasesState& r) {
  const auto& cols = r.matrix.columns();
  std::vector<Note> notes;
  notes.push_back({ImGui::GetColorU32(ImGuiCol_TextDisabled),
                   "\u25B2\u25BC moved more than " + std::to_string(static_cast<int>(sim::kTurnPercent)) + " % (memory: and " +
                       std::to_string(static_cast<int>(sim::kTurnNoiseBytes / 1024)) +
                       " KiB) from the release before  \u00B7  \u25CF the main run's release (click another to switch)"});
  for (size_t k = 0; k < cols.size(); ++k) {
    const sim::MatrixColumn& c = cols[k];
    if (!c.done) continue;
    int turned = 0;
    for (const sim::MatrixRow& row : r.rows)
      for (const sim::MatrixNumber& n : row.numbers) turned += k < n.turns.size() && n.turns[k];
    if (!c.loaded) notes.push_back({palette::kErrorText, "Go " + c.version + " does not compile this program: " + c.load_error});
    else if (c.state != sim::RunState::Finished)
      notes.push_back({palette::kNextGC, "Go " + c.version + ": " + sim::to_string(c.state) + " (exit " + std::to_string(c.exit_code) + ")"});
    if (turned > 0)
      notes.push_back({release_colour(cols, k), "Go " + c.version + ": " + std::to_string(turned) + " figure" +
                                                    (turned > 1 ? "s" : "") + " turned." +
                                                    (c.changes.empty() ? "" : " This release changed: " + c.changes)});
  }
  return notes;
}

float notes_height(const std::vector<Note>& notes, float width) {
  float h = 0;
  for (const Note& n : notes) h += ImGui::CalcTextSize(n.text.c_str(), nullptr, false, width).y + ImGui::GetStyle().ItemSpacing.y;
  return h;
}

// draw_notes draws the notes in a child of height h (they scroll when longer).
void draw_notes(const std::vector<Note>& notes, float h) {
  ImGui::BeginChild("##relnotes", ImVec2(0, h), false);
  ImGui::PushTextWrapPos(0);
  for (const Note& n : notes) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(n.colour), "%s", n.text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}

// same_line_if_fits continues the row when an item of width w fits, else starts a new one.
void same_line_if_fits(float w) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
}

// curves: a coloured tick box per release (the curves' key) and the HeapAlloc chart in what
// is left of the window (at least min_h).
void curves(app::App& a, float min_h) {
  app::ReleasesState& r = a.releases;
  const auto& cols = r.matrix.columns();
  const ImGuiStyle& st = ImGui::GetStyle();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("HeapAlloc:");
  for (size_t k = 0; k < cols.size() && k < 32; ++k) {
    same_line_if_fits(ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(cols[k].version.c_str()).x);
    bool on = (r.curves >> k) & 1u;
    ImGui::PushStyleColor(ImGuiCol_CheckMark, release_colour(cols, k));
    ImGui::PushStyleColor(ImGuiCol_Text, release_colour(cols, k));
    if (ImGui::Checkbox(("##curve" + cols[k].version).c_str(), &on)) r.curves = on ? r.curves | (1u << k) : r.curves & ~(1u << k);
    app::note_rect(a, "curve:" + cols[k].version);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(cols[k].version.c_str());
    ImGui::PopStyleColor(2);
  }
  // all, or none (then tick the two to compare)
  const uint32_t every = cols.size() >= 32 ? ~0u : (1u << cols.size()) - 1;
  const bool all_on = (r.curves & every) == every;
  same_line_if_fits(ImGui::CalcTextSize("none").x + st.FramePadding.x * 2);
  if (ImGui::SmallButton(all_on ? "none" : "all")) r.curves = all_on ? 0u : ~0u;
  app::note_rect(a, "curves-all");
  std::vector<chart::Series> series;
  double x1 = 1;
  for (size_t k = 0; k < cols.size(); ++k) {
    const sim::MatrixColumn& c = cols[k];
    if (!c.done || !c.loaded || !((r.curves >> k) & 1u)) continue;
    chart::Series s{"Go " + c.version, release_colour(cols, k), {}, {}, false, false, ""};
    for (const sim::MatrixSample& m : c.series) {
      s.x.push_back(static_cast<double>(m.op));
      s.y.push_back(static_cast<double>(m.heap_alloc));
    }
    x1 = std::max(x1, static_cast<double>(c.ops));
    series.push_back(std::move(s));
  }
  chart::Spec spec;
  spec.x1 = x1;
  spec.unit = chart::kBytes;
  // Releases that behave alike draw the same curve: the oldest of them stays visible, so a
  // curve that shows is where a behaviour began.
  spec.first_on_top = true;
  const float h = std::max(ImGui::GetContentRegionAvail().y, min_h);
  spec.legend = false;   // the tick boxes above, in the curves' colours, are the key
  chart::draw("relchart", ImVec2(0, h), series, {}, spec, nullptr);
  app::note_rect(a, "releases-chart");
}

}  // namespace

void releases_content(app::App& a) {
  app::ReleasesState& r = a.releases;
  if (r.matrix.columns().empty()) {
    if (!a.main.sim) {
      empty_state("Load a program: this window runs it on every Go release.");
      return;
    }
    app::start_releases(a);
  }
  const auto& cols = r.matrix.columns();
  const float fs = ImGui::GetFontSize();
  // Status: the release running and its progress, in a child of its own (the one part of the
  // window that changes every frame while releases run: only its pixels are redrawn).
  char done_text[64];
  std::snprintf(done_text, sizeof done_text, "%zu releases in %.1f s", cols.size(), r.elapsed_ms / 1000.0);
  const float status_w = r.running ? fs * 24 : ImGui::CalcTextSize(done_text).x + fs * 0.5f;
  ImGui::BeginChild("##relstatus", ImVec2(status_w, ImGui::GetFrameHeight()), false, ImGuiWindowFlags_NoScrollbar);
  if (r.running) {
    const size_t k = r.matrix.current();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Go %s (%zu of %zu)", k < cols.size() ? cols[k].version.c_str() : "", k + 1, cols.size());
    ImGui::SameLine();
    const double p = app::release_progress(r, k);
    char ops[48];
    std::snprintf(ops, sizeof ops, "%s ops", chart::format_ops(static_cast<double>(r.matrix.current_ops())).c_str());
    ImGui::ProgressBar(p < 0 ? 0.0f : static_cast<float>(p), ImVec2(-FLT_MIN, 0), ops);
  } else {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(done_text);
  }
  ImGui::EndChild();
  app::note_rect(a, "releases-status");
  ImGui::SameLine();
  help_marker("The program in the editor, with its knobs, GOGC and seed, run on every Go release the simulator "
              "offers, oldest first, one after the other. One row per figure the program prints, one column per "
              "release; a highlighted figure moved more than 5 % (a memory figure: and more than 16 KiB, real Go's "
              "own start-up noise) from the release before (hover it, or a release, for what that release changed). Click a release to run the main program on it.");
  const bool stale = app::releases_stale(a);
  ImGui::SameLine();
  ImGui::BeginDisabled(r.running);
  if (ImGui::SmallButton("Run again")) app::start_releases(a);
  app::note_rect(a, "releases-run");
  ImGui::EndDisabled();
  if (stale && !r.running) {
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette::kNextGC), "the program or its options changed since");
  }
  const std::vector<Note> notes = footnotes(r);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.y < fs * 30) {
    // Short (an embed, a phone): the figures, the curves and the notes each get the whole
    // height, one at a time, rather than a few lines each.
    if (ImGui::BeginTabBar("##relviews")) {
      const bool figures = ImGui::BeginTabItem("Figures");
      app::note_rect(a, "releases-tab:figures");
      if (figures) {
        // The table's key (notes[0]) stays under it.
        const float key_h = notes_height({notes.front()}, ImGui::GetContentRegionAvail().x);
        matrix_table(a, ImGui::GetContentRegionAvail().y - key_h);
        draw_notes({notes.front()}, key_h);
        ImGui::EndTabItem();
      }
      const bool chart = ImGui::BeginTabItem("HeapAlloc curves");
      app::note_rect(a, "releases-tab:curves");
      if (chart) {
        curves(a, fs * 4);
        ImGui::EndTabItem();
      }
      const std::string what = "What changed (" + std::to_string(notes.size() - 1) + ")###notes";   // notes[0]: the key
      const bool changed = ImGui::BeginTabItem(what.c_str());
      app::note_rect(a, "releases-tab:notes");
      if (changed) {
        draw_notes(std::vector<Note>(notes.begin() + 1, notes.end()), ImGui::GetContentRegionAvail().y);
        ImGui::EndTabItem();
      }
      ImGui::EndTabBar();
    }
    return;
  }
  // Heights: the tick boxes (one or two rows) and at least five lines of curves first; of
  // the rest the table takes what it needs up to 60 % (scrolling beyond), the notes what
  // they need of what is left (scrolling beyond); the curves get everything else.
  float key_w = ImGui::CalcTextSize("HeapAlloc: none").x;
  for (const sim::MatrixColumn& c : cols)
    key_w += ImGui::GetFrameHeight() + ImGui::CalcTextSize(c.version.c_str()).x + ImGui::GetStyle().ItemSpacing.x * 2;
  const float key_rows = key_w > avail.x ? 2.0f : 1.0f;
  const float rest = avail.y - key_rows * ImGui::GetFrameHeightWithSpacing() - fs * 6;
  const float notes_want = notes_height(notes, avail.x - ImGui::GetStyle().ScrollbarSize);
  const float table_h = matrix_table(a, std::max(fs * 4, rest * 0.6f));
  draw_notes(notes, std::clamp(notes_want, ImGui::GetTextLineHeightWithSpacing(), std::max(ImGui::GetTextLineHeightWithSpacing(), rest - table_h)));
  curves(a, fs * 4);
}

void mirror_releases(app::App& a) {
  app::ReleasesState& r = a.releases;
  if (r.running || r.matrix.columns().empty()) return;
  if (r.mirrored_for == r.rows_for && r.mirrored_at == r.started_at) return;
  r.mirrored_for = r.rows_for;
  r.mirrored_at = r.started_at;
  platform::mirror_releases(r.matrix.to_text());
}

}  // namespace ui
