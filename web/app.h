#pragma once
// app.h — the playground's one app struct: it owns the Simulation(s) and every window's state.
//
//   main.cpp ──frame()──▶ app::frame(App&) ──▶ advance runs (a time slice) ──▶ draw windows
//                                                                   │
//                  web/ui/*.cpp read App and the engine's const views; they change the
//                  engine only through Simulation operations (load, step, reset) here.
//
// Runs: `main` is the reader's program. Placing the timeline cursor in the past moves `main`
// itself there: it restores its latest keyframe before the cursor (engine/sim/simulation.h,
// "Keyframes") and replays to it, time-sliced; its horizon (the furthest op it reached, with
// that op's record) stays what the timeline draws, and "Live" replays back to it and on.
// `compare_a` / `compare_b` are the two variants
// of the Compare window. `releases` is the release matrix (sim::ReleaseMatrix): the main
// program on every Go release, one release after another, sliced like the runs.
//
// Every frame the app writes the share state into the URL fragment when it changed
// (history.replaceState, at most every 400 ms), so a link always restores what is on screen.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/maps/swiss_map.h"
#include "engine/runtime/profile.h"
#include "engine/sim/matrix.h"
#include "engine/sim/pacer.h"
#include "engine/sim/simulation.h"
#include "web/embedded.h"
#include "web/knobs/knobs.h"
#include "web/pacer/pacer.h"
#include "web/quiz/quiz.h"
#include "web/share/codec.h"

namespace app {

// Window bits (share links store the set of open windows).
enum View : uint32_t {
  kScenario = 1u << 0, kControls = 1u << 1, kTimeline = 1u << 2, kMap = 1u << 3,
  kHeap = 1u << 4, kOutput = 1u << 5, kCompare = 1u << 6, kExplain = 1u << 7,
  kReleases = 1u << 8,
};
inline constexpr uint32_t kDefaultViews =
    kScenario | kControls | kTimeline | kMap | kHeap | kOutput | kExplain;

// Run is one Simulation that the frame loop advances a time slice at a time.
struct Run {
  std::unique_ptr<sim::Simulation> sim;
  sim::Options options;
  std::string source;
  bool playing = false;          // advance every frame until the run ends
  uint64_t target_op = UINT64_MAX;   // stop when ops() reaches this (the timeline cursor)
  sim::Pacer pacer;              // measured rates, size the next slice
  uint64_t load_serial = 0;      // changes on every load (caches key on it)

  bool loaded() const { return sim && sim->state() != sim::RunState::Empty; }
  bool done() const;
  sim::RunState state() const { return sim ? sim->state() : sim::RunState::Empty; }
  uint64_t ops() const { return sim ? sim->ops() : 0; }
};

//-- window states (one per window file in web/ui/) -----------------------------------------------
struct ScenarioState {
  std::vector<char> buffer;       // the editor's text (ImGui edits it in place)
  std::string preset;             // name of the preset it came from
  knobs::Knobs knobs;             // knobs of the text the current run was loaded from
  std::map<std::string, std::pair<int64_t, int64_t>> ranges;   // slider ranges by knob name
  bool dirty = false;             // text edited since the last load
  double edited_at = 0;           // ms; rerun after a pause in typing
  int error_line = 0;             // the line marked in the editor: a compile error's, or where it panicked
  int error_col = 0;
  std::string error;              // the first compile error, "main.go:4:7: message"
  std::vector<std::string> errors;   // every compile error (Output lists them)
  uint64_t caption_serial = 0;    // the finished run (load_serial) the caption was filled from
  std::string caption;            // the preset's answer, figures from that run (preset_caption)
};
struct ControlsState {
  int speed = 10;                 // 0 … 10; 10 = as fast as the frame budget allows
  int step_mode = 1;              // index into sim::StepMode (Statement)
};
struct TimelineState {
  uint64_t cursor = UINT64_MAX;   // UINT64_MAX = live (follow the run)
  uint64_t pending_cursor = UINT64_MAX;   // from a link: placed once the run has ended
  bool dragging = false;
  bool resume = false;            // the run was playing when the cursor left live
  int jump_kind = 0;              // EventKind the jump buttons and [ ] keys go to
  double seek_at = 0;             // when the cursor was last placed (ms)
  double last_seek_ms = -1;       // from placing the cursor to the run standing there
  bool long_frame = false;        // the last frame replayed to the cursor past the pacer's ceiling
  // A PNG export waits for frames without the menu over the chart: the rectangle (a.rects
  // name) is read from the last frame drawn, `png_frames` frames after the choice.
  std::string png_rect, png_file;
  int png_frames = 0;
};
struct MapViewState {
  uint32_t selected = 0;          // LiveMap id; 0 = first
  float zoom = 1.0f;              // cell size multiplier
  float pan_x = 0, pan_y = 0;     // in ImGui px
  // CellFold folds buckets [0, n) into cells of g buckets each, a chunk at a time (map.cpp).
  struct CellFold {
    uint64_t n = 0, g = 1, next = 0;
    uint64_t used = 0, tomb = 0, evac = 0, chains = 0, in_cell = 0;
    uint16_t chain_max = 0;
    std::vector<maps::BucketCell> out;
  };
  // A refresh of the cells spread over frames while the run plays (map.cpp): the bucket
  // array, then oldbuckets during a growth; the cells are replaced when both are folded.
  struct CellPass {
    bool active = false;
    uint64_t serial = 0, ops = 0, nold = 0;
    uint32_t map = 0;
    double started = 0;
    CellFold cur, old;
  };
  CellPass pass;
  // cache of aggregated cells, keyed on (run serial, ops, map id, aggregation)
  uint64_t cache_serial = 0, cache_ops = UINT64_MAX;
  uint32_t cache_map = 0;
  bool cache_old = false;
  uint64_t cache_group = 0;
  bool cache_ok = false;
  std::vector<maps::BucketCell> cells, old_cells;
  std::vector<maps::SwissTableView> tables;   // Swiss maps: distinct tables, directory order
  double cache_time = 0;
  uint64_t cells_version = 0;     // bumped whenever cells are refreshed
  // The visible cells as a texture, one texel per cell (map.cpp), and what it was made from.
  uint32_t grid_texture = 0;
  void* grid_image = nullptr;
  std::array<uint64_t, 5> grid_key{};   // cells_version, first row, first column, rows, columns
  std::vector<uint32_t> grid_pixels;
};
struct HeapViewState {
  bool show[5] = {true, true, true, true, true};   // HeapAlloc, live, NextGC, Sys, buckets
};
struct OutputState {
  size_t mirrored_hash = 0;       // what the screen-reader region last got
  std::string mirrored_status;
  // lines up to the cursor, rebuilt when (run, record count, cursor) changes
  uint64_t key_serial = 0, key_records = UINT64_MAX, key_cursor = 0;
  std::vector<std::pair<std::string, uint8_t>> lines;   // text, stream (1 stdout, 2 stderr)
  size_t shown_lines = 0;
};
struct CompareState {
  int mode = 0;                   // 0 inline vs pointer values, 1 two Go releases
  std::string version_a = "1.19";                              // mode 1: the two releases
  std::string version_b{runtime::default_version()};
  Run a, b;
  std::string label_a, label_b;
  std::string error;
  std::vector<std::array<std::string, 3>> shown_rows;   // the table as drawn: line, A, B (tests)
};
struct ExplainState {
  std::string mirrored;
};
struct ReleasesState {
  sim::ReleaseMatrix matrix;
  bool running = false;           // started and not done: advanced every frame
  std::string source;             // what it ran (the main run's program and options then)
  sim::Options options;
  sim::Pacer pacer;               // measured rate (of ops: Work::Ops), sizes the next slice
  double started_at = 0, elapsed_ms = 0;   // wall time from start to the last column done
  size_t rows_for = SIZE_MAX;     // columns done when `rows` was computed
  std::vector<sim::MatrixRow> rows;
  uint32_t curves = ~0u;          // bit k: column k's HeapAlloc curve is drawn
  size_t mirrored_for = SIZE_MAX; // rows_for when the screen-reader region was last written
  double mirrored_at = -1;        // … of the matrix started then
};
struct EmbedState {
  bool dialog = false;
  int view = 0;                   // 0 heap+output, 1 bucket grid, 2 output, 3 playground, 4 releases
  bool editable = false;
  bool quiz = false;              // the snippet asks the reader (&quiz=…)
  char quiz_lines[64] = "";       // the dialog's "which lines" field (blank: every print)
};
// QuizState: "Predict, then reveal" (web/ui/quiz.cpp, web/quiz/quiz.h). With a spec, the main
// run stops one op before each asked output line, the Quiz card asks for its figures, and
// once answered the run steps to the line's end (the answer printed) and waits for Continue.
struct QuizState {
  enum Phase : uint8_t { Idle, Asking, Revealing, Summary };
  quiz::Spec spec;                // empty: no quiz
  Phase phase = Idle;
  uint64_t serial = 0;            // the load (Run::load_serial) the progress below belongs to
  std::vector<char> done;         // per output line (0-based): asked and answered, or passed
  int line = 0;                   // the asked output line (1-based) while Asking / Revealing
  uint64_t stop_op = 0;           // where the run waits for the answer (the line's start − 1)
  uint64_t reveal_op = 0;         // the line's last op: the answer printed
  std::string line_text, before;  // the line as printed; up to three lines printed before it ('\n')
  int source_line = 0;            // the program line that prints it
  std::vector<quiz::Figure> figures;
  std::vector<std::array<char, 48>> guesses;   // the input fields, one per figure
  std::string error;              // why a guess was not read
  bool focus_input = false;       // give the first field the keyboard (a question appeared)
  struct Answer {
    quiz::Figure figure;
    bool guessed = false;
    double guess = 0;
    quiz::Verdict verdict;
    std::string real_go;          // "Real Go 1.19 prints 300 370 KB (…)" or why it is not known
  };
  std::vector<Answer> answers;    // this run's, in order
  size_t revealed_from = 0;       // answers[revealed_from…] are the line being revealed
  bool summary_closed = false;    // the score was shown and closed (this run)
  // output lines of the horizon, rebuilt when it changes
  uint64_t lines_serial = 0;
  size_t lines_records = SIZE_MAX, lines_last_text = 0;
  std::vector<quiz::OutputLine> lines;
  std::string mirrored;           // what the screen-reader region holds
  float area[4] = {0, 0, 0, 0};   // where the layout puts the card this frame (ImGui px x, y, w, h)
};

// A notice is a message about the page, not the program (the program's own errors, panics and
// limits go to Output): a link that did not open, a release not offered, "Link copied", a run
// that prints nothing for a while. One at a time, in one strip under the menu (web/ui/notice.cpp).
enum class NoticeKind : uint8_t {
  Info,      // goes away by itself (notice_until)
  Problem,   // stays until OK
  Runaway,   // the run prints nothing for a while: Stop / Keep running
};

// RunawayWatch tells when the main run has printed nothing for a while (web/ui/notice.cpp).
struct RunawayWatch {
  double quiet_since = 0;         // ms; 0 = not playing
  size_t output_seen = 0;         // bytes printed when last looked
  uint64_t dismissed_serial = 0;  // "Keep running" for this load
};

struct App {
  Run main;
  pacer::FramePacer pacer;        // the engine's time slice per frame
  std::string notice;             // the one notice shown; "" = none
  NoticeKind notice_kind = NoticeKind::Info;
  double notice_until = 0;        // Info: ms when it goes
  std::string mirrored_notice;    // what the DOM's alert region holds
  RunawayWatch runaway;
  uint64_t panic_marked_serial = 0;   // the load whose panic line the editor marks

  ScenarioState scenario;
  ControlsState controls;
  TimelineState timeline;
  MapViewState map_view;
  HeapViewState heap_view;
  OutputState output;
  CompareState compare;
  ExplainState explain;
  ReleasesState releases;
  EmbedState embed;
  QuizState quiz;

  uint32_t views = kDefaultViews;
  uint32_t focus_view = 0;        // a View just opened: the layout focuses its window (or selects its tab) once
  bool narrow = false;            // phone layout: one window with tabs
  bool embed_mode = false;        // ?embed
  std::string embed_query;        // the query the page was opened with
  int embed_view = 0;             // EmbedState::view values
  bool embed_editable = false;
  share::State last_shared;       // what location.hash holds (compared, not re-encoded, per frame)
  double fragment_changed_at = 0;
  uint64_t serial = 0;
  float dpr = 1;

  // Widget rectangles in CSS px by name, for tests and accessibility ("run", "knob:n", …).
  std::map<std::string, std::array<float, 4>> rects;
  std::string status_line;
};

// init restores the state from the URL (share link, embed flags) or loads the default preset.
void init(App& a, const std::string& fragment, const std::string& query, bool in_iframe);
// open_link opens a share link's fragment (at start, or pasted into an open tab: hashchange).
// An anchor that is not a playground link is ignored; a damaged or cut-off link is reported
// (a notice) and removed from the address bar. False when nothing was opened.
bool open_link(App& a, const std::string& fragment);
// notify shows the one notice (replacing any other); Info notices go after ttl_ms.
void notify(App& a, std::string text, NoticeKind kind, double ttl_ms = 0);
void clear_notice(App& a);
// frame advances the runs by a time slice and draws every open window.
void frame(App& a);

//-- operations the windows call ------------------------------------------------------------------
// load_program replaces the program text and reruns from the start (playing when autoplay),
// on the release the run has now (knob changes, links).
void load_program(App& a, const std::string& text, const std::string& preset, bool autoplay);
// open_program is a program opened anew (the preset menu, New program, JS loadProgram): it
// runs on its preset's release (web::Preset::go_version: the article presets name Go 1.19),
// else on today's Go (runtime::default_version()).
void open_program(App& a, const std::string& text, const std::string& preset, bool autoplay);
// preset_release is the release open_program picks for a preset name.
std::string preset_release(const std::string& preset);
// current_preset is the preset the editor shows, unedited (a knob keeps it, typing does not);
// nullptr for the reader's own program.
const web::Preset* current_preset(const App& a);
// preset_caption is the current preset's answer for the main run once it has finished, with
// the figures it printed (web/presets/caption.h); "" while it runs, after an edit, or when a
// figure is missing.
const std::string& preset_caption(const App& a);
// offered_release is the release a run asked for `asked` gets: itself when offered, else the
// next newer release offered (Go 1 compatibility: what builds on a release builds on the
// next), else the newest. Go 1.20 is not offered (no Debian build of it could be measured).
std::string offered_release(const std::string& asked);
// set_release switches the main run to an offered release and reruns it.
void set_release(App& a, const std::string& version);
// reload reloads the current editor text with the current options.
void reload(App& a, bool autoplay);
void set_playing(App& a, bool playing);
void step_unit(App& a, sim::StepMode mode);
void reset_run(App& a);
// set_cursor moves the timeline cursor (UINT64_MAX = live): the main run goes there.
void set_cursor(App& a, uint64_t op);
// step_back moves the main run back by one unit (the op where the last forward step stopped).
void step_back(App& a, sim::StepMode mode);
// The events the timeline marks and jumps to (issue 14: map growth, evacuation finished,
// table split, directory doubling, overflow bucket, GC cycle, print).
enum EventKind : int { kAnyEvent, kMapGrowth, kEvacuated, kTableSplit, kDirDoubling, kOverflow, kGcEvent, kPrintEvent, kEventKinds };
const char* event_kind_name(int kind);
bool event_matches(const sim::Record& r, int kind);
// jump_event places the cursor at the next (dir > 0) or previous event of kind; false if none.
bool jump_event(App& a, int kind, int dir);
// horizon is the main run's record up to the furthest op it reached (the timeline's axis).
const sim::Timeline& horizon(const App& a);
uint64_t horizon_ops(const App& a);
// view_sim is the Simulation whose state the views show (main, at the cursor).
const sim::Simulation* view_sim(const App& a);
// cursor_op is the op the views show (the cursor, or main's current op when live).
uint64_t cursor_op(const App& a);
// share_state is what a link holds now.
share::State share_state(const App& a);
std::string share_link(const App& a);
// embed_snippet: quiz is the embed's &quiz=… ("" none; web/quiz/quiz.h spec).
std::string embed_snippet(const App& a, int view, bool editable, const std::string& quiz = "");
void start_compare(App& a);
// start_releases runs the main run's program and options on every release (Releases window).
void start_releases(App& a);
// open_releases is "All releases...": the Releases window, run again when the program changed.
void open_releases(App& a);
// releases_stale: the matrix ran another program or other options than the main run has now.
bool releases_stale(const App& a);
// release_progress of column k: 1 done, 0 not started, else the share of the ops the release
// before ran (−1: running, no estimate yet).
double release_progress(const ReleasesState& r, size_t k);
// advance runs r for at most budget_ms (and at most max_ops operations).
void advance(Run& r, double budget_ms);
void advance_limited(Run& r, double budget_ms, uint64_t max_ops);
void advance_releases(ReleasesState& r, double budget_ms);
// trace_slices: every step() the frames' time slices make is recorded (sim::SliceRecord: its
// kind, the ms the pacer predicted, the ms it took) while on; slice_trace_json returns those
// recorded since the last call (the benchmark's per-slice trace, window.app.sliceTrace).
void trace_slices(bool on);
std::string slice_trace_json();
void note_rect(App& a, const std::string& name);   // the last ImGui item's rect, in CSS px
// layout_tabs draws the given windows as tabs filling the canvas below `top` (the phone
// layout, and the embed's "play" view).
void layout_tabs(App& a, float top, float W, float H, const std::vector<View>& tabs);
std::string app_state_json(const App& a);          // for tests: what the page shows
// set_quiz turns "Predict, then reveal" on with spec (empty: off); on, the program runs again
// from the start so that every question is asked (web/ui/quiz.cpp).
void set_quiz(App& a, const quiz::Spec& spec);

}  // namespace app
