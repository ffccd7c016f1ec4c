// app.cpp — the app struct's operations, the frame (time slices, layout) and the share state.
//
// [SECTION] Runs: load, advance by a time slice, step, the cursor (keyframes)
// [SECTION] Share state and links
// [SECTION] Layout: menu, tiled windows (wide), tabs (narrow), embed view
// [SECTION] Frame
#include "web/app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "engine/runtime/profile.h"
#include "imgui.h"
#include "imgui_internal.h"   // ClosePopupsExceptModals: Escape closes an open dropdown
#include "web/embedded.h"
#include "web/platform.h"
#include "web/presets/run_caption.h"
#include "web/ui/windows.h"

namespace app {

namespace {

constexpr const char* kDefaultPreset = "article000_inline";
constexpr double kReloadAfterTypingMs = 700;  // a pause in typing reruns the program
constexpr uint64_t kWebSimMemory = 384ull << 20;   // the simulator's own memory cap on the web
// The main run's keyframes (time travel): with the live run, the 1M preset stays under the
// 64 MB WASM heap budget (README, Performance).
constexpr uint64_t kWebKeyframeBytes = 16ull << 20;
constexpr uint64_t kStepUnitMaxOps = 20'000'000;   // one "step" never blocks longer than this
// Replaying to the cursor is a wait: the reader looks at a still page for the answer, so a
// frame may replay this long (a million ops of the 1M preset are ~45 ms of WASM). In the
// pacer's ceiling instead (10 ms at 60 Hz) the replay took four to ten frames of a CPU
// rasterizer's 30–50 ms each: seeks of 0.3–1.1 s (tests/web/browser/travel.test.mjs).
constexpr double kSeekFrameMs = 60;

uint64_t g_serial = 0;
App* g_idle_app = nullptr;   // the app whose release matrix runs in idle periods
double g_progress_frame_at = 0;
constexpr double kProgressFrameMs = 100;   // progress shown this often when nothing animates

// idle_releases runs the release matrix in an idle period of the page (platform::idle_work),
// leaving a millisecond of it to the browser, and asks for a frame to show how far it got
// every kProgressFrameMs (and when it is done).
bool idle_releases(double ms) {
  if (!g_idle_app || !g_idle_app->releases.running) return false;
  if (ms > 1.5) advance_releases(g_idle_app->releases, ms - 1.0);
  const bool running = g_idle_app->releases.running;
  if (!running || platform::now_ms() - g_progress_frame_at >= kProgressFrameMs) {
    g_progress_frame_at = platform::now_ms();
    platform::request_frames(1);
  }
  return running;
}

const web::Preset* find_preset(const std::string& name) {
  for (const web::Preset& p : web::presets())
    if (name == p.name) return &p;
  return nullptr;
}

bool load_run(Run& r, const std::string& src, const sim::Options& o) {
  r.sim = std::make_unique<sim::Simulation>();
  r.options = o;
  r.source = src;
  r.playing = false;
  r.target_op = UINT64_MAX;
  r.load_serial = ++g_serial;
  return r.sim->load(src, o);
}

void set_editor_text(ScenarioState& s, const std::string& text) {
  s.buffer.assign(text.begin(), text.end());
  s.buffer.push_back('\0');
}

std::string editor_text(const ScenarioState& s) {
  return std::string(s.buffer.data(), s.buffer.empty() ? 0 : std::strlen(s.buffer.data()));
}

uint64_t ops_per_frame(int speed) {
  return speed >= 10 ? UINT64_MAX : static_cast<uint64_t>(std::llround(std::pow(10.0, speed * 0.75)));
}

}  // namespace

//-- [SECTION] Runs -------------------------------------------------------------------------------

bool Run::done() const {
  const sim::RunState s = state();
  return s == sim::RunState::Finished || s == sim::RunState::Panicked ||
         s == sim::RunState::LimitExceeded || s == sim::RunState::Empty;
}

namespace {

// The per-slice trace (trace_slices): none unless asked for; at most kMaxTraced records.
std::vector<sim::SliceRecord>* g_slice_trace = nullptr;
constexpr size_t kMaxTraced = 200000;

// run_slices spends at most budget_ms (and max_ops operations) in slices of about half a
// millisecond (the last one cut to what is left: sim::Pacer::slice_ms), sized by the pacer (engine/sim/pacer.h: a measured rate per kind of work), so
// the frame budget is kept when the cost per unit changes (inserts, then deletes, a growing
// map's evacuation, a GC cycle's marking, a keyframe's packing). step(chunk, did, spent)
// runs at most chunk of budget, sets did to the ops it ran and spent to the budget it used,
// and returns false to stop.
template <class Kind, class Step>
void run_slices(sim::Pacer& pacer, double budget_ms, uint64_t max_ops, Kind kind, Step step) {
  const double t0 = platform::now_ms();
  uint64_t left = max_ops;
  double slice = std::max(sim::Pacer::kMinSliceMs, sim::Pacer::slice_ms(budget_ms));
  while (left > 0) {
    const sim::Simulation::Work k = kind();
    const uint64_t chunk = std::min(left, pacer.budget(k, slice));
    uint64_t did = 0, spent = 0;
    const double t = platform::now_ms();
    const bool more = step(chunk, did, spent);
    const double took = platform::now_ms() - t;
    if (g_slice_trace && g_slice_trace->size() < kMaxTraced)
      g_slice_trace->push_back({k, pacer.predicted_ms(k, spent), took, chunk, spent, uint32_t(platform::frame_count())});
    pacer.measured(k, chunk, spent, took);
    left -= std::min(left, std::max<uint64_t>(did, 1));
    slice = sim::Pacer::slice_ms(budget_ms - (platform::now_ms() - t0));   // the last one: what is left
    if (!more || slice <= 0) break;
  }
}

bool runnable(sim::RunState st) { return st == sim::RunState::Ready || st == sim::RunState::Running; }

}  // namespace

void trace_slices(bool on) {
  static std::vector<sim::SliceRecord> trace;
  trace.clear();
  g_slice_trace = on ? &trace : nullptr;
}

std::string slice_trace_json() {
  std::string o = "[";
  if (g_slice_trace) {
    char buf[128];
    for (const sim::SliceRecord& r : *g_slice_trace) {
      std::snprintf(buf, sizeof buf, "%s[%d,%.3f,%.3f,%llu,%llu,%u]", o.size() > 1 ? "," : "", int(r.kind), r.predicted_ms, r.ms,
                    (unsigned long long)r.asked, (unsigned long long)r.spent, r.frame);
      o += buf;
    }
    g_slice_trace->clear();
  }
  return o + "]";
}

void advance(Run& r, double budget_ms) { advance_limited(r, budget_ms, UINT64_MAX); }

void advance_limited(Run& r, double budget_ms, uint64_t max_ops) {
  if (!r.sim || !r.playing) return;
  if (!runnable(r.sim->state())) {
    r.playing = false;
    return;
  }
  auto kind = [&r] { return r.sim->next_work(); };
  run_slices(r.pacer, budget_ms, max_ops, kind, [&r](uint64_t chunk, uint64_t& did, uint64_t& spent) {
    if (r.target_op != UINT64_MAX) {
      if (r.sim->ops() >= r.target_op) {
        r.playing = false;
        return false;
      }
      chunk = std::min(chunk, r.target_op - r.sim->ops());
    }
    const uint64_t before = r.sim->ops(), spent0 = r.sim->spent();
    const sim::RunState st = r.sim->step(chunk);
    did = r.sim->ops() - before;
    spent = r.sim->spent() - spent0;
    if (!runnable(st)) r.playing = false;
    return r.playing;
  });
}

void advance_releases(ReleasesState& r, double budget_ms) {
  if (!r.running) return;
  auto kind = [] { return sim::Simulation::Work::Ops; };   // a column's ops, as ReleaseMatrix counts them
  run_slices(r.pacer, budget_ms, UINT64_MAX, kind, [&r](uint64_t chunk, uint64_t& did, uint64_t& spent) {
    // One release at a time; a release that ends within the chunk counts its last ops.
    const size_t col = r.matrix.current();
    const uint64_t before = r.matrix.current_ops();
    const bool all_done = r.matrix.step(chunk);
    const uint64_t after = r.matrix.current() == col ? r.matrix.current_ops() : r.matrix.columns()[col].ops;
    did = spent = after > before ? after - before : 0;
    return !all_done;
  });
  if (r.matrix.done()) {
    r.running = false;
    r.elapsed_ms = platform::now_ms() - r.started_at;
  }
  // The table grows a column as each release ends (rows() pairs the done columns' lines).
  if (r.rows_for != r.matrix.current()) {
    r.rows = r.matrix.rows();
    r.rows_for = r.matrix.current();
    // rows() counts a release still to run as printing other text: judge the ones done.
    const auto& cols = r.matrix.columns();
    std::vector<sim::PrintedNumber> scratch;
    for (sim::MatrixRow& row : r.rows) {
      row.same_text = true;
      for (size_t k = 0; k < cols.size() && row.same_text; ++k) {
        if (!cols[k].done || !cols[k].loaded) continue;
        const size_t i = static_cast<size_t>(row.line - 1);
        row.same_text = i < cols[k].lines.size() && sim::split_numbers(cols[k].lines[i], scratch) == row.skeleton;
      }
    }
  }
}

std::string offered_release(const std::string& asked) {
  if (runtime::profile_for(asked)) return asked;
  const auto& offered = runtime::supported_versions();
  // "1.20" → 20, "1.26.1" → 26; anything else gets today's Go.
  int minor = -1;
  for (size_t i = 2; asked.rfind("1.", 0) == 0 && i < asked.size() && asked[i] >= '0' && asked[i] <= '9'; ++i)
    minor = std::max(minor, 0) * 10 + (asked[i] - '0');
  if (minor >= 0)
    for (std::string_view v : offered)   // oldest first
      if (runtime::profile_for(v)->go_minor() >= minor) return std::string(v);
  return std::string(runtime::default_version());
}

std::string preset_release(const std::string& preset) {
  const web::Preset* p = find_preset(preset);
  if (p && p->go_version[0] && runtime::profile_for(p->go_version)) return p->go_version;
  return std::string(runtime::default_version());
}

const web::Preset* current_preset(const App& a) {
  return a.scenario.dirty ? nullptr : find_preset(a.scenario.preset);
}

const std::string& preset_caption(const App& a) {
  static const std::string kNone;
  // A quiz under way: the answer states the figures it asks (shown once the run stands at its end
  // with no question open; a run that overshot a question reached its end before).
  const QuizState& q = a.quiz;
  if (!q.spec.empty() && (q.phase == QuizState::Asking || q.phase == QuizState::Revealing || !a.main.done())) return kNone;
  return current_preset(a) && a.scenario.caption_serial == a.main.load_serial ? a.scenario.caption : kNone;
}

namespace {

// update_caption fills the caption once per finished run (the output is read once).
void update_caption(App& a) {
  ScenarioState& s = a.scenario;
  if (s.caption_serial == a.main.load_serial || a.main.state() != sim::RunState::Finished) return;
  s.caption_serial = a.main.load_serial;
  const web::Preset* p = find_preset(s.preset);
  const std::string& v = a.main.options.go_version;
  s.caption = p ? presets::run_caption(*p, v.empty() ? runtime::default_version() : v, *a.main.sim) : "";
}

}  // namespace

void open_program(App& a, const std::string& text, const std::string& preset, bool autoplay) {
  // A program opened anew: a notice about the link or release it replaces no longer applies.
  if (a.notice_kind == NoticeKind::Problem) clear_notice(a);
  a.main.options.go_version = preset_release(preset);
  load_program(a, text, preset, autoplay);
}

void set_release(App& a, const std::string& version) {
  if (!runtime::profile_for(version)) return;
  const bool was_playing = a.main.playing || a.main.done();
  a.main.options.go_version = version;
  reload(a, was_playing);
}

void load_program(App& a, const std::string& text, const std::string& preset, bool autoplay) {
  set_editor_text(a.scenario, text);
  a.scenario.preset = preset;
  reload(a, autoplay);
}

void reload(App& a, bool autoplay) {
  ScenarioState& s = a.scenario;
  const std::string text = editor_text(s);
  s.dirty = false;
  s.knobs = knobs::extract(text);
  for (const knobs::IntKnob& k : s.knobs.ints) {
    // A slider keeps the range it was given first, so dragging it does not move its ends.
    auto it = s.ranges.find(k.name);
    if (it == s.ranges.end() || k.value < it->second.first || k.value > it->second.second)
      s.ranges[k.name] = {k.lo, k.hi};
  }
  sim::Options o = a.main.options;
  o.max_sim_memory = kWebSimMemory;
  o.keyframe_budget_bytes = kWebKeyframeBytes;
  const bool ok = load_run(a.main, text, o);
  a.timeline.cursor = UINT64_MAX;
  s.error_line = s.error_col = 0;
  s.error.clear();
  s.errors.clear();
  if (!ok) {
    const auto& d = a.main.sim->diagnostics();
    for (const sim::Diagnostic& e : d) s.errors.push_back(e.to_string());
    if (!d.empty()) {
      s.error_line = d.front().line;
      s.error_col = d.front().col;
      s.error = d.front().to_string();
    } else {
      s.error = "the program did not load";
      s.errors.push_back(s.error);
    }
  }
  a.main.playing = ok && autoplay;
  a.map_view.cache_ops = UINT64_MAX;
}

void set_playing(App& a, bool playing) {
  if (playing && a.main.done() && a.main.loaded()) reload(a, true);
  a.main.playing = playing && a.main.loaded();
  a.main.target_op = UINT64_MAX;
  if (playing) a.timeline.cursor = UINT64_MAX;
}

namespace {
// follow_run: the cursor is where the main run stands, or live when that is its horizon.
void follow_run(App& a) {
  const sim::Simulation* s = a.main.sim.get();
  a.timeline.cursor = s && s->ops() < s->horizon_ops() ? s->ops() : UINT64_MAX;
}
}  // namespace

void step_unit(App& a, sim::StepMode mode) {
  if (!a.main.sim) return;
  if (a.main.done() && a.timeline.cursor == UINT64_MAX) reload(a, false);
  a.main.playing = false;
  a.main.target_op = UINT64_MAX;
  a.main.sim->step_unit(mode, kStepUnitMaxOps);
  follow_run(a);
}

void step_back(App& a, sim::StepMode mode) {
  if (!a.main.sim || !a.main.loaded()) return;
  if (a.timeline.cursor == UINT64_MAX) a.timeline.resume = a.main.playing;
  a.main.playing = false;
  a.main.target_op = UINT64_MAX;
  const double t0 = platform::now_ms();
  a.main.sim->step_back(mode);
  a.timeline.last_seek_ms = platform::now_ms() - t0;
  follow_run(a);
}

void reset_run(App& a) { reload(a, false); }

void set_cursor(App& a, uint64_t op) {
  sim::Simulation* s = a.main.sim.get();
  if (!s || !a.main.loaded()) {
    a.timeline.cursor = UINT64_MAX;
    return;
  }
  const uint64_t end = s->horizon_ops();
  if (op == UINT64_MAX || op >= end) {
    if (a.timeline.cursor == UINT64_MAX) return;
    // Live: back to the horizon (the latest keyframe, then a replay) and on if it was playing.
    a.timeline.cursor = UINT64_MAX;
    s->rewind(end);
    const bool finished = s->horizon_state() != sim::RunState::Running && s->horizon_state() != sim::RunState::Ready;
    a.main.target_op = a.timeline.resume || finished ? UINT64_MAX : end;
    a.main.playing = s->ops() < end || finished || a.timeline.resume;
    a.timeline.resume = false;
    return;
  }
  // A drag calls this every frame: the same place again, while the run stands there or
  // replays to it, is no new seek (its time, last_seek_ms, runs from the first placement).
  if (a.timeline.cursor == op && (s->ops() == op || (a.main.playing && a.main.target_op == op))) return;
  if (a.timeline.cursor == UINT64_MAX) a.timeline.resume = a.main.playing;
  a.timeline.cursor = op;
  a.timeline.seek_at = platform::now_ms();
  a.timeline.last_seek_ms = -1;
  s->rewind(op);                  // one copy: the replay to op is time-sliced (frame())
  a.main.target_op = op;
  a.main.playing = s->ops() < op;
  if (!a.main.playing) a.timeline.last_seek_ms = platform::now_ms() - a.timeline.seek_at;
}

const char* event_kind_name(int kind) {
  static const char* const names[kEventKinds] = {"any event", "map growth", "evacuation finished", "table split",
                                                 "directory doubling", "overflow bucket", "GC cycle", "print"};
  return kind >= 0 && kind < kEventKinds ? names[kind] : "?";
}

bool event_matches(const sim::Record& r, int kind) {
  using K = maps::MapEvent;
  const bool map = r.kind == sim::Record::MapEvent;
  switch (kind) {
    case kMapGrowth:
      return map && (r.event.kind == K::Grow || r.event.kind == K::SameSizeGrow || r.event.kind == K::TableGrow ||
                     r.event.kind == K::SmallToTable);
    case kEvacuated: return map && r.event.kind == K::GrowDone;
    case kTableSplit: return map && r.event.kind == K::Split;
    case kDirDoubling: return map && r.event.kind == K::DirGrow;
    case kOverflow: return map && r.event.kind == K::OverflowAlloc;
    case kGcEvent: return r.kind == sim::Record::GcCycle;
    case kPrintEvent: return r.kind == sim::Record::Print;
    case kAnyEvent:
      return r.kind == sim::Record::GcCycle || r.kind == sim::Record::Print || (map && r.event.kind != K::Clear);
    default: return false;
  }
}

namespace {
// event_op is where the cursor goes for an event: right after it (a map event happens inside
// the op its record is stamped with; a print and a GC cycle are over at theirs).
uint64_t event_op(const sim::Record& r) { return r.op + (r.kind == sim::Record::MapEvent ? 1 : 0); }
}  // namespace

bool jump_event(App& a, int kind, int dir) {
  if (!a.main.sim || !a.main.loaded()) return false;
  const uint64_t cur = cursor_op(a);
  const auto& recs = horizon(a).records();
  uint64_t to = UINT64_MAX;
  if (dir > 0) {
    for (const sim::Record& r : recs)
      if (event_matches(r, kind) && event_op(r) > cur) {
        to = event_op(r);
        break;
      }
  } else {
    for (auto it = recs.rbegin(); it != recs.rend(); ++it)
      if (event_matches(*it, kind) && event_op(*it) < cur) {
        to = event_op(*it);
        break;
      }
  }
  // The timeline records frequent map events at their 1st, 2nd, 4th … occurrence only; the
  // engine keeps every occurrence's op (Simulation::event_ops), so a jump lands on each.
  using K = maps::MapEvent;
  for (K::Kind k : {K::OverflowAlloc, K::Split, K::TableGrow, K::PruneTombstones}) {
    sim::Record probe;
    probe.kind = sim::Record::MapEvent;
    probe.event.kind = k;
    if (!event_matches(probe, kind)) continue;
    const std::vector<uint64_t>& ops = a.main.sim->event_ops(k);   // event_op: right after it
    if (dir > 0) {
      const auto it = std::upper_bound(ops.begin(), ops.end(), cur - std::min<uint64_t>(cur, 1));
      if (it != ops.end() && to > *it + 1) to = *it + 1;
    } else {
      auto it = std::lower_bound(ops.begin(), ops.end(), cur - std::min<uint64_t>(cur, 1));
      if (it != ops.begin() && (to == UINT64_MAX || to < *std::prev(it) + 1)) to = *std::prev(it) + 1;
    }
  }
  if (to == UINT64_MAX) return false;
  // the end of the run is the horizon: a cursor there is live
  set_cursor(a, to >= horizon_ops(a) ? UINT64_MAX : to);
  return true;
}

const sim::Timeline& horizon(const App& a) {
  static const sim::Timeline empty;
  return a.main.sim ? a.main.sim->horizon_timeline() : empty;
}

uint64_t horizon_ops(const App& a) { return a.main.sim ? a.main.sim->horizon_ops() : 0; }

const sim::Simulation* view_sim(const App& a) { return a.main.sim.get(); }

uint64_t cursor_op(const App& a) {
  return a.timeline.cursor == UINT64_MAX ? a.main.ops() : a.timeline.cursor;
}

void start_compare(App& a) {
  CompareState& c = a.compare;
  c.error.clear();
  const std::string text = a.main.source;
  std::string src_a = text, src_b = text;
  sim::Options oa = a.main.options, ob = a.main.options;
  oa.max_sim_memory = ob.max_sim_memory = kWebSimMemory / 2;
  if (c.mode == 0) {
    knobs::Knobs k = knobs::extract(text);
    const knobs::MapKnob* m = nullptr;
    for (const knobs::MapKnob& mk : k.maps)
      if (mk.elem.kind == knobs::TypeSpec::ByteArray || mk.elem.kind == knobs::TypeSpec::PtrByteArray) {
        m = &mk;
        break;
      }
    if (!m) {
      c.error = "no map with [N]byte or *[N]byte values in this program: nothing to compare";
      c.a = Run{};
      c.b = Run{};
      return;
    }
    knobs::TypeSpec inl = m->elem, ptr = m->elem;
    inl.kind = knobs::TypeSpec::ByteArray;
    ptr.kind = knobs::TypeSpec::PtrByteArray;
    src_a = knobs::set_map_types(text, *m, m->key, inl);
    src_b = knobs::set_map_types(text, *m, m->key, ptr);
    c.label_a = "map[" + knobs::type_text(m->key) + "]" + knobs::type_text(inl);
    c.label_b = "map[" + knobs::type_text(m->key) + "]" + knobs::type_text(ptr);
  } else {
    c.version_a = offered_release(c.version_a);
    c.version_b = offered_release(c.version_b);
    oa.go_version = c.version_a;
    ob.go_version = c.version_b;
    c.label_a = "Go " + c.version_a;
    c.label_b = "Go " + c.version_b;
  }
  const bool ok_a = load_run(c.a, src_a, oa);
  const bool ok_b = load_run(c.b, src_b, ob);
  if (!ok_a || !ok_b) {
    const Run& bad = ok_a ? c.b : c.a;
    c.error = bad.sim->diagnostics().empty() ? "a variant did not load"
                                             : bad.sim->diagnostics().front().to_string();
  }
  c.a.playing = ok_a;
  c.b.playing = ok_b;
}

void start_releases(App& a) {
  ReleasesState& r = a.releases;
  r.source = a.main.source;
  r.options = a.main.options;
  r.options.max_sim_memory = kWebSimMemory;
  r.matrix.start(r.source, r.options);   // every release offered, oldest first
  r.running = true;
  r.started_at = platform::now_ms();
  r.elapsed_ms = 0;
  r.rows_for = SIZE_MAX;
  r.rows.clear();
  a.views |= kReleases;
}

void open_releases(App& a) {
  if (releases_stale(a) && !a.releases.running) start_releases(a);
  a.views |= kReleases;
  a.focus_view = kReleases;
}

double release_progress(const ReleasesState& r, size_t k) {
  const auto& cols = r.matrix.columns();
  if (k >= cols.size()) return 0;
  if (cols[k].done) return 1;
  if (k != r.matrix.current()) return 0;
  // The same program on the release before ran about as many ops.
  for (size_t j = k; j-- > 0;)
    if (cols[j].loaded && cols[j].ops > 0)
      return std::min(0.99, static_cast<double>(r.matrix.current_ops()) / static_cast<double>(cols[j].ops));
  return -1;
}

bool releases_stale(const App& a) {
  const ReleasesState& r = a.releases;
  const sim::Options& o = a.main.options;
  return r.matrix.columns().empty() || r.source != a.main.source || r.options.gogc != o.gogc ||
         r.options.memlimit != o.memlimit || r.options.seed != o.seed;
}

//-- [SECTION] Share state and links ---------------------------------------------------------------

share::State share_state(const App& a) {
  share::State s;
  s.program = editor_text(a.scenario);
  s.preset = a.scenario.preset;
  s.go_version = a.main.options.go_version;
  s.gogc = a.main.options.gogc;
  s.memlimit = a.main.options.memlimit;
  s.seed = a.main.options.seed;
  s.views = a.views;
  s.cursor = a.timeline.cursor;
  // "version:1.19:1.27" names the two releases compared (older links: "version", 1.19 vs the newest).
  if (a.views & kCompare)
    s.compare = a.compare.mode == 0 ? "pointer" : "version:" + a.compare.version_a + ":" + a.compare.version_b;
  s.quiz = quiz::spec_text(a.quiz.spec);
  // A slider range that is not the one the knob's value alone gives (it was dragged): the link
  // keeps it, so the knob comes back at the same place on the same slider.
  for (const knobs::IntKnob& k : a.scenario.knobs.ints) {
    const auto it = a.scenario.ranges.find(k.name);
    if (it != a.scenario.ranges.end() && (it->second.first != k.lo || it->second.second != k.hi))
      s.ranges.push_back({k.name, it->second.first, it->second.second});
  }
  return s;
}

std::string share_link(const App& a) {
  return platform::page_link("", share::encode(share_state(a)));
}

std::string embed_snippet(const App& a, int view, bool editable, const std::string& quiz) {
  static const char* kViews[] = {"heap", "grid", "output", "play", "releases"};
  std::string q = std::string("embed&view=") + kViews[std::clamp(view, 0, 4)];
  if (editable) q += "&edit=1";
  if (!quiz.empty()) q += "&quiz=" + quiz;   // readable and editable by the post's author
  const std::string url = platform::page_link(q, share::encode(share_state(a)));
  return "<iframe src=\"" + url + "\" title=\"Go map memory playground: " +
         (a.scenario.preset.empty() ? std::string("program") : a.scenario.preset) +
         "\" width=\"720\" height=\"420\" loading=\"lazy\" style=\"border:1px solid #ccc\"></iframe>";
}

void note_rect(App& a, const std::string& name) {
  const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
  a.rects[name] = {mn.x / a.dpr, mn.y / a.dpr, mx.x / a.dpr, mx.y / a.dpr};
}

namespace {

// json_escape is a JSON string's contents (sim::json_string without the quotes).
std::string json_escape(const std::string& s) {
  std::string o;
  sim::json_string(o, s);
  return o.substr(1, o.size() - 2);
}

}  // namespace

std::string app_state_json(const App& a) {
  std::string j = "{";
  auto kv = [&](const char* k, const std::string& v, bool str) {
    if (j.size() > 1) j += ",";
    j += "\"" + std::string(k) + "\":" + (str ? "\"" + json_escape(v) + "\"" : v);
  };
  kv("program", editor_text(a.scenario), true);
  kv("preset", a.scenario.preset, true);
  const web::Preset* preset = current_preset(a);
  kv("presetTitle", preset ? preset->title : "", true);
  kv("presetQuestion", preset ? preset->question : "", true);
  kv("presetGroup", preset ? preset->group : "", true);
  kv("presetCaption", preset_caption(a), true);
  kv("state", sim::to_string(a.main.state()), true);
  kv("playing", a.main.playing ? "true" : "false", false);
  kv("ops", std::to_string(a.main.ops()), false);
  kv("goVersion", a.main.options.go_version, true);
  kv("gogc", std::to_string(a.main.options.gogc), false);
  kv("memlimit", sim::memory_limit_string(a.main.options.memlimit), true);
  kv("seed", std::to_string(a.main.options.seed), false);
  kv("views", std::to_string(a.views), false);
  kv("cursor", a.timeline.cursor == UINT64_MAX ? "null" : std::to_string(a.timeline.cursor), false);
  // time travel: replaying to the cursor, the run's horizon, its keyframes, the last seek
  kv("probing", a.timeline.cursor != UINT64_MAX && a.main.playing ? "true" : "false", false);
  kv("horizon", std::to_string(horizon_ops(a)), false);
  if (a.main.sim) {
    const sim::KeyframeInfo k = a.main.sim->keyframes();
    kv("keyframes", std::to_string(k.count), false);
    kv("keyframeBytes", std::to_string(k.bytes), false);
  }
  kv("lastSeekMs", std::to_string(a.timeline.last_seek_ms), false);
  kv("stdout", a.main.sim ? a.main.sim->stdout_text() : "", true);
  kv("stderr", a.main.sim ? a.main.sim->stderr_text() : "", true);
  kv("error", a.scenario.error, true);
  kv("errorLine", std::to_string(a.scenario.error_line), false);
  kv("notice", a.notice, true);
  kv("noticeKind", a.notice.empty() ? "" : a.notice_kind == NoticeKind::Info ? "info" : a.notice_kind == NoticeKind::Problem ? "problem" : "runaway", true);
  kv("status", a.status_line, true);
  kv("runButton", ui::run_button_label(a), true);
  std::string shown;   // the Output window's lines, as drawn
  for (const auto& line : a.output.lines) shown += line.first + "\n";
  kv("output", shown, true);
  kv("errorCol", std::to_string(a.scenario.error_col), false);
  kv("runEnabled", a.main.loaded() ? "true" : "false", false);
  kv("popupOpen", ImGui::GetCurrentContext() && ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel) ? "true" : "false", false);
  kv("embed", a.embed_mode ? "true" : "false", false);
  kv("caption", ui::embed_caption(a), true);
  kv("quiz", ui::quiz_json(a), false);
  kv("heapNow", ui::heap_now_json(a), false);
  // The GC CPU limiter's periods (the heap chart's red bands): ops where it turned on and off.
  std::string lp = "[";
  if (const heap::Heap* h = a.main.sim ? a.main.sim->heap() : nullptr)
    for (const heap::GcCpuLimiter::Period& p : h->limiter().periods())
      lp += std::string(lp.size() > 1 ? "," : "") + "{\"from\":" + std::to_string(p.start_op) + ",\"to\":" +
            (p.end_op == heap::GcCpuLimiter::kOpen ? std::string("null") : std::to_string(p.end_op)) +
            ",\"cycle\":" + std::to_string(p.cycle) + "}";
  kv("limiterPeriods", lp + "]", false);
  kv("narrow", a.narrow ? "true" : "false", false);
  kv("dpr", std::to_string(a.dpr), false);
  kv("fontPx", std::to_string(ImGui::GetCurrentContext() ? ImGui::GetFontSize() : 0.0f), false);
  kv("mapZoom", std::to_string(a.map_view.zoom), false);
  std::string ks = "[";
  for (const knobs::IntKnob& k : a.scenario.knobs.ints) {
    if (ks.size() > 1) ks += ",";
    // lo, hi: the slider's range (where the knob sits on it).
    const auto r = a.scenario.ranges.count(k.name) ? a.scenario.ranges.at(k.name) : std::make_pair(k.lo, k.hi);
    ks += "{\"name\":\"" + json_escape(k.name) + "\",\"value\":" + std::to_string(k.value) +
          ",\"lo\":" + std::to_string(r.first) + ",\"hi\":" + std::to_string(r.second) + "}";
  }
  kv("knobs", ks + "]", false);
  std::string ms = "[";
  for (const knobs::MapKnob& m : a.scenario.knobs.maps) {
    if (ms.size() > 1) ms += ",";
    ms += "\"" + json_escape(m.text) + "\"";
  }
  kv("mapTypes", ms + "]", false);
  if (a.main.sim) {
    const heap::MemStats m = a.main.sim->memstats();
    kv("heapAlloc", std::to_string(m.HeapAlloc), false);
    kv("numGC", std::to_string(m.NumGC), false);
  }
  std::string shown_rows = "[";
  for (const auto& row : a.compare.shown_rows)
    shown_rows += std::string(shown_rows.size() > 1 ? "," : "") + "[\"" + json_escape(row[0]) + "\",\"" +
                  json_escape(row[1]) + "\",\"" + json_escape(row[2]) + "\"]";
  shown_rows += "]";
  std::string cmp = "{\"a\":\"" + json_escape(a.compare.a.sim ? a.compare.a.sim->stdout_text() : "") +
                    "\",\"b\":\"" + json_escape(a.compare.b.sim ? a.compare.b.sim->stdout_text() : "") +
                    "\",\"done\":" + ((a.compare.a.done() && a.compare.b.done() && a.compare.a.sim) ? "true" : "false") +
                    ",\"rows\":" + shown_rows + ",\"mode\":" + std::to_string(a.compare.mode) + ",\"versionA\":\"" + json_escape(a.compare.version_a) +
                    "\",\"versionB\":\"" + json_escape(a.compare.version_b) + "\"}";
  kv("compare", cmp, false);
  // The release matrix: progress per release, and its rows once releases are done.
  const ReleasesState& r = a.releases;
  std::string rel = std::string("{\"open\":") + ((a.views & kReleases) ? "true" : "false") +
                    ",\"running\":" + (r.running ? "true" : "false") +
                    ",\"done\":" + (!r.matrix.columns().empty() && r.matrix.done() ? "true" : "false") +
                    ",\"stale\":" + (releases_stale(a) ? "true" : "false") +
                    ",\"elapsedMs\":" + std::to_string(static_cast<int64_t>(r.elapsed_ms)) + ",\"columns\":[";
  const auto& cols = r.matrix.columns();
  std::string turned;
  for (size_t k = 0; k < cols.size(); ++k) {
    const sim::MatrixColumn& c = cols[k];
    char prog[32];
    std::snprintf(prog, sizeof prog, "%.3f", release_progress(r, k));
    rel += std::string(k ? "," : "") + "{\"version\":\"" + json_escape(c.version) + "\",\"done\":" +
           (c.done ? "true" : "false") + ",\"loaded\":" + (c.loaded ? "true" : "false") + ",\"error\":\"" +
           json_escape(c.load_error) + "\",\"state\":\"" + sim::to_string(c.state) + "\",\"ops\":" +
           std::to_string(c.done ? c.ops : r.matrix.current() == k ? r.matrix.current_ops() : 0) +
           ",\"progress\":" + prog + ",\"changes\":\"" + json_escape(c.changes) + "\"}";
  }
  rel += "],\"rows\":[";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const sim::MatrixRow& row = r.rows[i];
    rel += std::string(i ? "," : "") + "{\"line\":" + std::to_string(row.line) + ",\"text\":\"" +
           json_escape(row.skeleton) + "\",\"numbers\":[";
    for (size_t n = 0; n < row.numbers.size(); ++n) {
      const sim::MatrixNumber& num = row.numbers[n];
      std::string values, turns;
      for (size_t k = 0; k < cols.size() && k < num.text.size(); ++k) {
        if (!num.text[k].empty())
          values += std::string(values.empty() ? "" : ",") + "\"" + cols[k].version + "\":\"" + num.text[k] + "\"";
        if (num.turns[k]) {
          turns += std::string(turns.empty() ? "" : ",") + "\"" + cols[k].version + "\"";
          if (turned.find("\"" + cols[k].version + "\"") == std::string::npos)
            turned += std::string(turned.empty() ? "" : ",") + "\"" + cols[k].version + "\"";
        }
      }
      rel += std::string(n ? "," : "") + "{\"label\":\"" + json_escape(num.label) + "\",\"values\":{" + values +
             "},\"turns\":[" + turns + "]}";
    }
    rel += "]}";
  }
  kv("releases", rel + "],\"turns\":[" + turned + "]}", false);
  return j + "}";
}

void set_quiz(App& a, const quiz::Spec& spec) {
  const quiz::Spec s = spec;   // spec may be a.quiz.spec itself
  a.quiz = QuizState{};
  a.quiz.spec = s;
  if (!s.empty() && a.main.loaded()) reload(a, true);   // from the start: every question is asked
}

//-- [SECTION] Layout -----------------------------------------------------------------------------

namespace {

constexpr ImGuiWindowFlags kTiled = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;

struct WindowDef {
  View bit;
  const char* title;
  void (*content)(App&);
};

const WindowDef kWindows[] = {
    {kScenario, "Scenario", ui::scenario_content},  {kControls, "Run", ui::controls_content},
    {kTimeline, "Timeline", ui::timeline_content},  {kMap, "Map (hmap and buckets)", ui::map_content},
    {kHeap, "Heap (MemStats)", ui::heap_content},   {kOutput, "Output", ui::output_content},
    {kExplain, "Explain", ui::explain_content},     {kCompare, "Compare", ui::compare_content},
    {kReleases, "Releases", ui::releases_content},
};

// tab_title is a window's name on a phone's tab bar: short, so that every tab fits 390 px.
const char* tab_title(View v) {
  switch (v) {
    case kScenario: return "Code";
    case kMap: return "Map";
    case kHeap: return "Heap";
    default: return nullptr;
  }
}

const WindowDef& def(View v) {
  for (const WindowDef& d : kWindows)
    if (d.bit == v) return d;
  return kWindows[0];
}

// window_title is what a window's title bar says: the Map window speaks the run's words
// (Go 1.24+: tables and groups, not buckets); "###" keeps one ImGui id for both.
std::string window_title(const App& a, const WindowDef& d) {
  if (d.bit == kMap && ui::swiss_run(a)) return std::string("Map (maps.Map: tables and groups)###") + d.title;
  return d.title;
}

void tile(App& a, View v, ImVec2 pos, ImVec2 size) {
  const WindowDef& d = def(v);
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
  bool open = true;
  if (ImGui::Begin(window_title(a, d).c_str(), &open, kTiled)) d.content(a);
  ImGui::End();
  if (!open) a.views &= ~static_cast<uint32_t>(v);
}

// row lays out the open windows of a row side by side, sharing the width equally.
void row(App& a, std::initializer_list<View> vs, float x, float y, float w, float h) {
  int n = 0;
  for (View v : vs) n += (a.views & v) ? 1 : 0;
  if (n == 0) return;
  const float each = std::floor(w / static_cast<float>(n));
  float cx = x;
  for (View v : vs) {
    if (!(a.views & v)) continue;
    tile(a, v, ImVec2(cx, y), ImVec2(each, h));
    cx += each;
  }
}

void copy_link(App& a) {
  platform::copy_to_clipboard(share_link(a));
  notify(a, "Link copied to the clipboard.", NoticeKind::Info, 2500);
}


namespace {
// help_menu: what a first-time reader needs to find their way, in the words the windows use.
void help_menu(App& a) {
  const float wrap = ImGui::GetFontSize() * 34;
  ImGui::PushTextWrapPos(wrap);
  ImGui::TextUnformatted("A simulator of the Go runtime's maps and heap. It runs a Go program the "
                         "way a chosen Go release would, without allocating the memory it simulates, "
                         "and shows what the program's maps and the garbage collector do.");
  ImGui::SeparatorText("Where to look");
  const char* rows[][2] = {
      {"Scenario", "the program: pick a question from the list, edit it, turn its knobs (size, "
                   "key and value types)."},
      {"Run", "Run / Pause, Step (a statement, a loop iteration or a print), the Go release, "
              "GOGC, a memory limit (GOMEMLIMIT) and the seed."},
      {"Timeline", "every operation of the run: drag the cursor to go back in time; the band names "
                   "the phases; < > step, |< >| jump to the previous or next event."},
      {"Map", "the map's header (hmap, or the Swiss map's directory) and a grid of its buckets or "
              "groups: how full, which overflow."},
      {"Heap", "runtime.MemStats over time: HeapAlloc, garbage, what the last GC kept, NextGC, Sys; "
               "what the heap holds now."},
      {"Output", "what the program printed, as Go prints it; compile errors and panics with their line."},
      {"Explain", "each map growth, evacuation and GC cycle in words, newest first."},
  };
  const auto two_columns = [](const char* name, const char* text) {
    ImGui::TextColored(ImVec4(0.55f, 0.75f, 1.0f, 1.0f), "%s", name);
    ImGui::SameLine(ImGui::CalcTextSize("Left, Right ").x + ImGui::GetStyle().WindowPadding.x);
    ImGui::TextWrapped("%s", text);
  };
  for (const auto& r : rows) two_columns(r[0], r[1]);
  ImGui::SeparatorText("Keys");
  two_columns("Left, Right", "step back, step forward (by the Step setting)");
  two_columns("[  ]", "previous, next event of the kind chosen on the Timeline");
  two_columns("Escape", "close a list or a dialog; leave an embed's editor");
  note_rect(a, "help-keys");
  ImGui::SeparatorText("How far to trust it");
  ImGui::TextUnformatted("Every figure a preset prints is compared with real Go on every release "
                         "offered (1.19, 1.21 to 1.27), within stated tolerances. All releases... "
                         "runs the program on each of them side by side.");
  ImGui::SeparatorText("Share");
  ImGui::TextUnformatted("Copy link keeps the program, the knobs and the views in the address; Embed "
                         "gives an iframe for a blog post (720 x 420 fits a column).");
  ImGui::PopTextWrapPos();
}
}  // namespace

void menu(App& a) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (!a.narrow) {
    ImGui::TextUnformatted("Go map memory playground");
    ImGui::Separator();
  }
  if (ImGui::BeginMenu("View")) {
    for (const WindowDef& d : kWindows) {
      bool on = (a.views & d.bit) != 0;
      if (ImGui::MenuItem(d.title, nullptr, &on)) a.views = on ? (a.views | d.bit) : (a.views & ~d.bit);
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Show all")) a.views = kDefaultViews | kCompare;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Share")) {
    if (ImGui::MenuItem("Copy link")) copy_link(a);
    if (ImGui::MenuItem("Embed...")) a.embed.dialog = true;
    ImGui::EndMenu();
  }
  const bool quiz_open = ImGui::BeginMenu(a.quiz.spec.empty() ? "Quiz" : "Quiz (on)");
  note_rect(a, "quiz-menu");
  if (quiz_open) {
    ui::quiz_menu(a);
    ImGui::EndMenu();
  }
  const bool help = ImGui::BeginMenu("Help");
  note_rect(a, "help");
  if (help) {
    help_menu(a);
    ImGui::EndMenu();
  }
  // Copy link stays one click away: it is the feature people look for.
  const float w = ImGui::CalcTextSize("Copy link").x + ImGui::GetStyle().FramePadding.x * 4;
  const float buttons_x = ImGui::GetWindowWidth() - w - ImGui::CalcTextSize("Embed").x - ImGui::GetStyle().ItemSpacing.x * 4;
  // A short confirmation ("Link copied to the clipboard.") shows here, beside the button that
  // caused it, for a moment: no strip opens and nothing below moves (web/ui/notice.cpp).
  if (!a.notice.empty() && a.notice_kind == NoticeKind::Info) {
    const char* text = a.narrow ? "Copied." : a.notice.c_str();   // a phone's bar has room for a word
    const float tw = ImGui::CalcTextSize(text).x;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), buttons_x - tw - ImGui::GetStyle().ItemSpacing.x * 2));
    ImGui::TextColored(ImVec4(0.55f, 0.9f, 0.6f, 1.0f), "%s", text);
    note_rect(a, "notice");
  }
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), buttons_x));
  if (ImGui::SmallButton("Copy link")) copy_link(a);
  note_rect(a, "copy-link");
  if (ImGui::SmallButton("Embed")) a.embed.dialog = true;
  note_rect(a, "embed-button");
  ImGui::EndMainMenuBar();
}

// floating draws a window over the tiles, movable, resizable and collapsible (a reader can
// fold it to see the run underneath); it takes its place and size again each time it opens.
void floating(App& a, View v, ImVec2 pos, ImVec2 size) {
  const WindowDef& d = def(v);
  ImGui::SetNextWindowPos(pos, ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  if (a.focus_view == v) {
    ImGui::SetNextWindowFocus();
    a.focus_view = 0;
  }
  bool open = true;
  // Opaque, unlike the tiles (whose background is the canvas clear, platform_web.cpp).
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(15, 17, 19, 255));
  if (ImGui::Begin(d.title, &open, ImGuiWindowFlags_NoSavedSettings)) d.content(a);
  ImGui::End();
  ImGui::PopStyleColor();
  if (!open) a.views &= ~static_cast<uint32_t>(v);
}

void layout_wide(App& a, float top, float W, float H) {
  const float dpr = a.dpr;
  const float left_w = (a.views & kScenario) ? std::clamp(W * 0.36f, 340 * dpr, 620 * dpr) : 0.0f;
  if (a.views & kScenario) tile(a, kScenario, ImVec2(0, top), ImVec2(left_w, H - top));
  const float x = left_w, w = W - left_w;
  float y = top;
  const float line = ImGui::GetFrameHeightWithSpacing();
  if (a.views & kControls) {
    const float h = line * 3 + ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2;
    tile(a, kControls, ImVec2(x, y), ImVec2(w, h));
    y += h;
  }
  const float below_run = y;
  if (a.views & kTimeline) {
    const float h = ImGui::GetFrameHeight() + 64 * dpr + ImGui::GetStyle().WindowPadding.y * 2;
    tile(a, kTimeline, ImVec2(x, y), ImVec2(w, h));
    y += h;
  }
  const float rest = H - y;
  const bool top_row = (a.views & (kMap | kHeap)) != 0;
  const bool bottom_row = (a.views & (kOutput | kExplain | kCompare)) != 0;
  const float share = (a.views & kCompare) ? 0.5f : 0.64f;   // the article table needs room
  const float h1 = top_row && bottom_row ? std::floor(rest * share) : rest;
  // The quiz card lies over the Map and Heap row (veiled while it asks), else over what is there.
  a.quiz.area[0] = x, a.quiz.area[1] = y, a.quiz.area[2] = w, a.quiz.area[3] = top_row ? h1 : rest;
  if (top_row) row(a, {kMap, kHeap}, x, y, w, h1);
  if (bottom_row) {
    const float y2 = top_row ? y + h1 : y, h2 = rest - (top_row ? h1 : 0);
    // Compare gets more than a third: its buttons, table headers and legend need the room.
    const bool others = (a.views & (kOutput | kExplain)) != 0;
    const float cw = !(a.views & kCompare) ? 0.0f : others ? std::floor(w * 0.56f) : w;
    if (cw > 0 && (a.views & kOutput) && (a.views & kExplain)) {   // stacked: each keeps a readable width
      const float ho = std::floor(h2 * 0.5f);
      tile(a, kOutput, ImVec2(x, y2), ImVec2(w - cw, ho));
      tile(a, kExplain, ImVec2(x, y2 + ho), ImVec2(w - cw, h2 - ho));
    } else {
      row(a, {kOutput, kExplain}, x, y2, w - cw, h2);
    }
    if (cw > 0) tile(a, kCompare, ImVec2(x + w - cw, y2), ImVec2(cw, h2));
  }
  // The release matrix floats over the views below the Run window (its version switch and
  // status stay in sight), at least as wide as its eight release columns need.
  if (a.views & kReleases) {
    const float fw = std::min(W, std::max(w, 900 * dpr));
    floating(a, kReleases, ImVec2(W - fw, below_run), ImVec2(fw, H - below_run));
  }
}

}  // namespace

void layout_tabs(App& a, float top, float W, float H, const std::vector<View>& tabs) {
  ImGui::SetNextWindowPos(ImVec2(0, top), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(W, H - top), ImGuiCond_Always);
  ImGui::Begin("##tabs", nullptr, kTiled | ImGuiWindowFlags_NoTitleBar);
  // Tabs shrink to fit rather than scroll: on a 390-px phone every tab, Output too, is in sight.
  if (ImGui::BeginTabBar("views", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
    for (View v : tabs) {
      const bool select = a.focus_view == v;
      if (select) a.focus_view = 0;
      const char* title = tab_title(v) ? tab_title(v) : def(v).title;
      const bool selected = ImGui::BeginTabItem(title, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0);
      note_rect(a, std::string("tab:") + title);
      if (selected) {
        ImGui::BeginChild("##tab", ImVec2(0, 0), false);
        if (v == kScenario && !(a.embed_mode && !a.embed_editable)) {
          // The code tab runs what it shows: Run / Pause and the run's status above the editor.
          ui::run_button(a, true);
          ImGui::SameLine();
          ImGui::AlignTextToFramePadding();
          ImGui::TextUnformatted(ui::run_status(a, true).c_str());
          ui::scenario_content(a);
        } else if (v == kControls) {
          ui::controls_content(a);
          ImGui::Separator();
          ui::timeline_content(a);
          ImGui::Separator();
          ui::explain_content(a);
        } else {
          def(v).content(a);
        }
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

namespace {


void sync_fragment(App& a) {
  share::State now_shared = share_state(a);
  if (now_shared == a.last_shared) return;   // encoding (compression) only when something changed
  const double now = platform::now_ms();
  if (a.fragment_changed_at == 0) a.fragment_changed_at = now;
  // One replaceState per pause in editing, not one per keystroke or slider pixel.
  if (now - a.fragment_changed_at < 400) {
    platform::keep_running();
    return;
  }
  a.fragment_changed_at = 0;
  a.last_shared = std::move(now_shared);
  platform::replace_fragment(share::encode(a.last_shared));
}

}  // namespace

//-- [SECTION] Frame ------------------------------------------------------------------------------

void notify(App& a, std::string text, NoticeKind kind, double ttl_ms) {
  a.notice = std::move(text);
  a.notice_kind = kind;
  a.notice_until = ttl_ms > 0 ? platform::now_ms() + ttl_ms : 0;
}

void clear_notice(App& a) {
  a.notice.clear();
  a.notice_until = 0;
}

bool open_link(App& a, const std::string& fragment) {
  share::Decoded d = share::decode(fragment);
  if (!d.ok) {
    if (d.problem == share::Problem::NotALink) return false;   // someone's anchor (#hello): not ours
    notify(a,
           "This link could not be opened: " + d.error + ". " +
               (a.main.loaded() || !a.scenario.error.empty() ? "The playground keeps what it showed."
                                                             : "Showing the default program instead."),
           NoticeKind::Problem);
    platform::replace_fragment("");   // a damaged link does not stay in the address bar
    return false;
  }
  const share::State& s = d.state;
  if (a.notice_kind != NoticeKind::Info) clear_notice(a);   // the old link's problem is gone
  a.main.options.go_version = offered_release(s.go_version);
  if (!s.go_version.empty() && a.main.options.go_version != s.go_version) {
    // Never silently: the reader sees which release runs instead of the one linked.
    notify(a,
           "This link names Go " + s.go_version +
               ", which the playground does not offer (no build of it was measured); it runs on Go " +
               a.main.options.go_version +
               (s.go_version.rfind("1.", 0) == 0 && a.main.options.go_version != runtime::default_version()
                    ? ", the next release, instead."
                    : ", today's Go, instead."),
           NoticeKind::Problem);
  }
  a.main.options.gogc = static_cast<int>(std::clamp<int64_t>(s.gogc, -1, 100000));
  a.main.options.memlimit = std::max<int64_t>(s.memlimit, 0);
  a.main.options.seed = s.seed;
  a.views = s.views ? s.views : kDefaultViews;
  if (s.compare.rfind("version", 0) == 0) {   // "version" or "version:1.19:1.27"
    a.compare.mode = 1;
    const size_t c1 = s.compare.find(':'), c2 = s.compare.find(':', c1 == std::string::npos ? c1 : c1 + 1);
    if (c1 != std::string::npos && c2 != std::string::npos) {
      a.compare.version_a = offered_release(s.compare.substr(c1 + 1, c2 - c1 - 1));
      a.compare.version_b = offered_release(s.compare.substr(c2 + 1));
    }
  } else if (s.compare == "pointer") {
    a.compare.mode = 0;
  }
  // The sliders the link was made with (older links: each knob gets the range its value gives).
  a.scenario.ranges.clear();
  for (const share::KnobRange& r : s.ranges) a.scenario.ranges[r.name] = {r.lo, r.hi};
  a.timeline.pending_cursor = UINT64_MAX;
  // A quiz runs the program from the start (its questions stop it); a link's cursor then waits.
  a.quiz = QuizState{};
  std::string quiz_error;
  if (!quiz::parse_spec(s.quiz, a.quiz.spec, quiz_error)) a.quiz.spec = quiz::Spec{};
  const bool quiz = !a.quiz.spec.empty();
  load_program(a, s.program, s.preset, s.cursor == UINT64_MAX || quiz);
  if (s.cursor != UINT64_MAX && !quiz) {
    // Restore the cursor: run to the end first (time-sliced), then place it.
    a.main.playing = a.main.loaded();
    a.timeline.pending_cursor = s.cursor;
  }
  a.compare.a = Run{};
  a.compare.b = Run{};
  a.compare.error.clear();
  if (a.views & kCompare) start_compare(a);
  if (a.views & kReleases) start_releases(a);
  a.last_shared = share_state(a);
  a.fragment_changed_at = 0;
  return true;
}

void init(App& a, const std::string& fragment, const std::string& query, bool in_iframe) {
  (void)in_iframe;
  a.dpr = platform::dpr();
  a.main.options.max_sim_memory = kWebSimMemory;
  // ?embed[&view=heap|grid|output|play][&edit=1]
  auto has = [&](const std::string& k) {
    size_t p = 0;
    while ((p = query.find(k, p)) != std::string::npos) {
      const bool start = p == 0 || query[p - 1] == '&';
      const size_t e = p + k.size();
      if (start && (e == query.size() || query[e] == '&' || query[e] == '=')) return true;
      p = e;
    }
    return false;
  };
  auto value = [&](const std::string& k) -> std::string {
    const std::string key = k + "=";
    size_t p = query.find(key);
    if (p == std::string::npos || (p > 0 && query[p - 1] != '&')) return "";
    const size_t e = query.find('&', p);
    return query.substr(p + key.size(), e == std::string::npos ? std::string::npos : e - p - key.size());
  };
  a.embed_query = query;
  a.embed_mode = has("embed");
  if (a.embed_mode) {
    platform::share_wheel_with_host();
    const std::string v = value("view");
    a.embed_view = v == "grid" ? 1 : v == "output" ? 2 : v == "play" ? 3 : v == "releases" ? 4 : 0;
    a.embed_editable = value("edit") == "1";
  }
  const bool opened = !fragment.empty() && open_link(a, fragment);
  if (!opened) {
    const std::string why = a.notice;   // the link's problem outlives the default program's opening
    const NoticeKind kind = a.notice_kind;
    const web::Preset* p = find_preset(kDefaultPreset);
    if (!p && !web::presets().empty()) p = &web::presets().front();
    if (p) open_program(a, std::string(p->text), p->name, true);
    else open_program(a, "package main\n\nfunc main() {\n}\n", "", false);
    if (!why.empty()) notify(a, why, kind);
  }
  // ?quiz=1 or ?quiz=2,3:Alloc (an embed's flag, written by hand in a post): it wins over the
  // fragment's; a value that cannot be read is said, and the program runs without questions.
  if (has("quiz")) {
    quiz::Spec spec;
    std::string err;
    if (quiz::parse_spec(value("quiz"), spec, err)) {
      a.quiz = QuizState{};
      a.quiz.spec = spec;
      if (!spec.empty() && !a.main.playing && !a.main.done()) a.main.playing = a.main.loaded();
      a.timeline.pending_cursor = spec.empty() ? a.timeline.pending_cursor : UINT64_MAX;
    } else {
      notify(a, "This link's quiz could not be read (" + err + "); the program runs without questions.", NoticeKind::Problem);
    }
  }
  if (a.embed_mode && a.embed_view == 4 && a.main.loaded()) {   // ?embed&view=releases: the matrix only
    a.main.playing = false;
    start_releases(a);
  }
  a.last_shared = share_state(a);
}

namespace {

// on_run_end marks where a panic happened (the editor shows the line; Output has the text).
void on_run_end(App& a) {
  if (a.main.state() != sim::RunState::Panicked || a.panic_marked_serial == a.main.load_serial) return;
  a.panic_marked_serial = a.main.load_serial;
  const auto& recs = a.main.sim->timeline().records();
  for (auto it = recs.rbegin(); it != recs.rend(); ++it)
    if (it->kind == sim::Record::End) {
      a.scenario.error_line = it->line;
      break;
    }
}

}  // namespace

void frame(App& a) {
  ImGuiIO& io = ImGui::GetIO();
  a.dpr = platform::dpr();
  const float W = io.DisplaySize.x, H = io.DisplaySize.y;
  a.narrow = W / a.dpr < 860.0f;
  if (!a.timeline.png_file.empty()) {   // an export of the canvas as drawn (timeline.cpp)
    platform::keep_running();
    auto it = a.rects.find(a.timeline.png_rect);
    if (--a.timeline.png_frames <= 0 || it == a.rects.end()) {
      if (it != a.rects.end()) {
        const auto& r = it->second;   // CSS px → the canvas's backing px
        platform::download_png(a.timeline.png_file, r[0] * a.dpr, r[1] * a.dpr, r[2] * a.dpr, r[3] * a.dpr);
      }
      a.timeline.png_file.clear();
    }
  }
  a.rects.clear();

  // A link pasted into this tab's address bar changes only the fragment: open it.
  std::string fragment;
  if (platform::take_fragment_change(fragment) && !fragment.empty()) open_link(a, fragment);

  // Typing: rerun after a pause, as a knob does, so the views and error marks follow the text.
  if (a.scenario.dirty) {
    platform::keep_running();
    if (platform::now_ms() - a.scenario.edited_at > kReloadAfterTypingMs) reload(a, true);
  }

  // Time slices: the main run first (and its replay to the cursor), then the compare variants, in a
  // budget the pacer sizes from how frames arrive (web/pacer/pacer.h).
  // A frame that replayed to the cursor for longer than the pacer allows teaches it nothing
  // (as an idle pause does not): the animation's budget stays what it was.
  a.pacer.on_frame(a.timeline.long_frame ? 0.0 : platform::frame_interval_ms());
  a.timeline.long_frame = false;
  const double budget = a.pacer.budget_ms();
  const double t0 = platform::now_ms();
  advance_limited(a.main, budget, ops_per_frame(a.controls.speed));
  update_caption(a);
  if (a.timeline.pending_cursor != UINT64_MAX && a.main.done()) {
    const uint64_t c = a.timeline.pending_cursor;
    a.timeline.pending_cursor = UINT64_MAX;
    set_cursor(a, c);
  }
  ui::quiz_watch(a);   // a question stops the run before its line prints
  // Replaying to the cursor is a wait: it may take kSeekFrameMs (the page shows its
  // progress, not an animation).
  const bool seeking = a.timeline.cursor != UINT64_MAX && a.main.playing;
  if (seeking) {
    advance(a.main, std::max(1.0, std::max(kSeekFrameMs, a.pacer.ceiling_ms()) - (platform::now_ms() - t0)));
    a.timeline.long_frame = platform::now_ms() - t0 > a.pacer.ceiling_ms();
  }
  if (a.timeline.cursor != UINT64_MAX && !a.main.playing && a.timeline.last_seek_ms < 0)
    a.timeline.last_seek_ms = platform::now_ms() - a.timeline.seek_at;
  const double probe_budget = a.main.playing ? budget : a.pacer.ceiling_ms();
  if (a.compare.a.playing || a.compare.b.playing) {
    const double half = std::max(1.0, (budget - (platform::now_ms() - t0)) / 2);
    advance(a.compare.a, half);
    advance(a.compare.b, half);
  }
  // The release matrix is a wait as well (a progress bar per release, then the table): a
  // slice here, and the page's idle time between frames.
  advance_releases(a.releases, std::max(1.0, probe_budget - (platform::now_ms() - t0)));
  if (a.releases.running) {
    g_idle_app = &a;
    g_progress_frame_at = platform::now_ms();
    platform::idle_work(idle_releases);   // it asks for the frames that show its progress
  }
  platform::note_engine_ms(platform::now_ms() - t0, budget);
  if (a.main.playing || a.compare.a.playing || a.compare.b.playing)
    platform::keep_running();
  on_run_end(a);
  ui::watch_runaway(a);

  // Escape closes an open dropdown or menu (ImGui does so only with keyboard navigation on);
  // with none open, in an embed, it hands the keyboard back to the host page.
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
      ImGui::ClosePopupsExceptModals();
    else if (a.embed_mode)
      platform::release_focus();
  }

  // The notice strip takes its own room at the top: it never covers a button.
  float top = a.embed_mode ? 0.0f : ImGui::GetFrameHeight();
  if (!a.embed_mode) menu(a);
  top = ui::notice_strip(a, top, W);
  if (a.embed_mode) {
    ui::embed_view(a, top, W, H);
  } else if (a.narrow) {
    // The quiz card covers the tabs' content, under the tab bar.
    const float bar = ImGui::GetFrameHeightWithSpacing() * 1.6f;
    a.quiz.area[0] = 0, a.quiz.area[1] = top + bar, a.quiz.area[2] = W, a.quiz.area[3] = H - top - bar;
    std::vector<View> tabs;
    for (View v : {kScenario, kControls, kMap, kHeap, kOutput, kCompare, kReleases})
      if (a.views & v) tabs.push_back(v);
    if (tabs.empty()) tabs.push_back(kControls);
    layout_tabs(a, top, W, H, tabs);
  } else {
    layout_wide(a, top, W, H);
  }
  ui::embed_dialog(a);
  ui::quiz_card(a);
  a.status_line = ui::run_status(a, false);   // after the frame's clicks (appState reads it)

  // Screen readers: the printed output, the key figures and the notice, as DOM text.
  ui::mirror_for_screen_readers(a);
  ui::mirror_releases(a);
  if (a.notice != a.mirrored_notice) {
    a.mirrored_notice = a.notice;
    platform::show_notice(a.notice);
  }
  sync_fragment(a);
}

}  // namespace app
