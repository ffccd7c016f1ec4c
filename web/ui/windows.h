#pragma once
// windows.h — the playground's windows, one per file in web/ui/.
//
// Each file draws the *content* of its window; app.cpp owns Begin/End and places the window
// (tiled on a wide screen, a tab on a phone, a compact view in an embed). Windows read App
// and the engine's const inspection API, and change the engine only through app:: operations.
#include <string>

#include "imgui.h"
#include "web/app.h"

namespace ui {

void scenario_content(app::App& a);   // scenario.cpp: presets, editor, knobs
// program_editor draws the Go editor in `size`, with the load error under it (scenario.cpp).
void program_editor(app::App& a, ImVec2 size);
void controls_content(app::App& a);   // controls.cpp: run, pause, step, speed, reset, GOGC, Go version
void timeline_content(app::App& a);   // timeline.cpp: op axis, events, draggable cursor
void map_content(app::App& a);        // map.cpp: hmap header and bucket grid (or Swiss groups)
void heap_content(app::App& a);       // heap.cpp: charts, breakdown bar, MemStats table
// The Heap window's parts, for the embed's own layout (heap.cpp): the HeapAlloc chart of
// `height` and below it the bucket (group) count chart of counts_height (0 = none); the
// breakdown bar at the cursor; the MemStats table in 2 or 4 columns.
void heap_chart(app::App& a, float height, float counts_height);
extern const char* const kHeapChartHelp;   // how to read the heap chart (a "(?)" tooltip)
void heap_now(app::App& a);
// heap_now_json is the breakdown bar's parts at the cursor, for appState: [{name, bytes}].
std::string heap_now_json(const app::App& a);
void memstats(app::App& a, int columns);
// swiss_run: the main run's release has Swiss-table maps (Go 1.24+): groups, tables and a
// directory instead of buckets and overflow buckets.
bool swiss_run(const app::App& a);
// embed_caption is what the program is about, in one line: an unedited preset's title (its
// sidecar, assets/README.md), else the leading comment's first paragraph without a
// "file.go — " prefix, else the preset's name.
std::string embed_caption(const app::App& a);
// embed_view lays out an embed (?embed&view=…) in the canvas below `top` (the notice strip).
void embed_view(app::App& a, float top, float width, float height);
void output_content(app::App& a);     // output.cpp: what the program printed, up to the cursor
void compare_content(app::App& a);    // compare.cpp: two variants side by side
void explain_content(app::App& a);    // explain.cpp: what just happened, in plain words
void releases_content(app::App& a);   // releases.cpp: the program on every Go release, side by side
void embed_dialog(app::App& a);       // embed.cpp: the iframe snippet (a modal)

// quiz.cpp: "Predict, then reveal". quiz_watch (every frame, after the run's slice) stops the
// main run one op before the next asked output line and opens its question; quiz_card draws
// the card over QuizState::area and mirrors it for screen readers; quiz_menu is the menu
// bar's Quiz menu; quiz_json is appState's "quiz".
void quiz_watch(app::App& a);
void quiz_card(app::App& a);
void quiz_menu(app::App& a);
std::string quiz_json(const app::App& a);
// quiz_veils: a question is open, so the windows whose figures would give the answer away
// (Map, Heap, Explain) draw quiz_veil() instead.
bool quiz_veils(const app::App& a);
void quiz_veil();

// source_line is line `line` (1-based) of src, trimmed, without a trailing comment (timeline.cpp).
std::string source_line(const std::string& src, int line);

// notice_strip draws the notice, if any, full width at y = top (notice.cpp); returns where the
// windows below start. watch_runaway raises the runaway notice (a run printing nothing for a
// while) and takes it down when the run prints, stops or ends.
float notice_strip(app::App& a, float top, float width);
void watch_runaway(app::App& a);

// run_button draws Run / Pause / Run again (disabled, saying why, when the program does not
// compile); compact: a small button (the phone's code tab). run_status is the run in words:
// "Running at line 12 · 1.2M ops · …", "Does not compile: line 4:7 (see Output)"; brief: without
// the simulator's memory (a phone's width) (controls.cpp).
void run_button(app::App& a, bool compact);
std::string run_button_label(const app::App& a);
std::string run_status(const app::App& a, bool brief);

// mirror_for_screen_readers copies the output and key figures into hidden DOM regions
// (output.cpp).
void mirror_for_screen_readers(app::App& a);
// mirror_releases copies the release matrix, as a text table, into its hidden region once
// releases are done (releases.cpp).
void mirror_releases(app::App& a);

// empty_state draws a greyed, wrapped explanation of why a window has nothing to show.
void empty_state(const char* text);
// panel_fill paints the flat opaque background of [a, b) under everything the window draws
// (platform::fill_panel, clipped to the window's current clip rect); in a floating window
// (one that moves over the tiles) an ordinary filled rectangle.
void panel_fill(ImVec2 a, ImVec2 b, ImU32 col);
// pace_plot marks [a, b), clipped to the window's current clip rect, as a plot whose x axis
// follows the run: every pixel of it changes each frame while a run animates, so it is
// redrawn 20 times a second then (platform::pace).
void pace_plot(ImVec2 a, ImVec2 b);
// help_marker draws a greyed "(?)" with a wrapped tooltip.
void help_marker(const char* text);

}  // namespace ui
