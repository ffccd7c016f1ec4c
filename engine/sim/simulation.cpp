// simulation.cpp — Simulation: load (parse + compile), time-sliced runs, stepping, seeking,
// and the Timeline records (prints, GC cycles, map events, samples, end).
//
// [SECTION] Impl and host callbacks
// [SECTION] load / reset
// [SECTION] stepping
// [SECTION] inspection
#include "engine/sim/simulation.h"

#include <algorithm>
#include <map>
#include <memory>

#include "engine/lang/compiler.h"
#include "engine/lang/interp.h"
#include "engine/lang/parser.h"
#include "engine/maps/deferred_copy.h"
#include "engine/runtime/profile.h"

namespace sim {

std::string Diagnostic::to_string() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + message;
}

const char* to_string(RunState s) {
  switch (s) {
    case RunState::Empty: return "Empty";
    case RunState::Ready: return "Ready";
    case RunState::Running: return "Running";
    case RunState::Finished: return "Finished";
    case RunState::Panicked: return "Panicked";
    case RunState::LimitExceeded: return "LimitExceeded";
  }
  return "?";
}

bool parse_memory_limit(std::string_view s, int64_t& bytes) {
  if (s == "off") {
    bytes = heap::Heap::kNoMemoryLimit;
    return true;
  }
  static constexpr std::pair<std::string_view, int> kUnits[] = {
      {"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"TiB", 40}, {"B", 0}};
  int shift = 0;
  for (const auto& [unit, sh] : kUnits) {
    if (s.size() > unit.size() && s.substr(s.size() - unit.size()) == unit) {
      s.remove_suffix(unit.size());
      shift = sh;
      break;
    }
  }
  if (s.empty() || s.size() > 19) return false;
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + uint64_t(c - '0');
  }
  if (n > uint64_t(INT64_MAX) >> shift) return false;
  bytes = int64_t(n << shift);
  return true;
}

std::string memory_limit_string(int64_t bytes) {
  if (bytes == heap::Heap::kNoMemoryLimit) return "off";
  static constexpr std::pair<const char*, int> kUnits[] = {{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}};
  for (const auto& [unit, sh] : kUnits)
    if (bytes > 0 && bytes % (int64_t{1} << sh) == 0) return std::to_string(bytes >> sh) + unit;
  return std::to_string(bytes) + "B";
}

// [SECTION] Impl and host callbacks
namespace {
constexpr uint64_t kAutoSampleStart = 4096;    // first automatic sample spacing (ops)
// What one operation of the VM costs a compiled Go program, roughly: a map insert is ~8
// operations and ~50–100 ns on the machine measured (engine/heap/README.md, "The scavenger").
constexpr int64_t kNsPerOp = 10;
constexpr size_t kMaxSamples = 4000;           // past this, every other sample is dropped
constexpr uint64_t kMaxPrintRecords = 20000;   // then prints merge into the previous record
constexpr uint32_t kMaxGcRecords = 10000;      // then GC cycles are recorded sparsely
constexpr size_t kMaxEveryEvent = 1 << 20;     // occurrences kept per frequent kind (8 MiB)

bool frequent(maps::MapEvent::Kind k) {
  return k == maps::MapEvent::OverflowAlloc || k == maps::MapEvent::Split || k == maps::MapEvent::TableGrow ||
         k == maps::MapEvent::PruneTombstones;
}

// RunData is the run's state outside the heap and the interpreter: what it printed, its
// record and the recorder's counters. A keyframe copies it whole (with Heap and Interpreter).
struct RunData {
  RunState state = RunState::Empty;
  std::string out, err;
  Timeline tl;
  int gc_start_line = 0;          // where the GC cycle in progress started (Heap::on_gc_start)
  size_t gc_start_record = 0;
  uint64_t sample_every = kAutoSampleStart, next_sample = kAutoSampleStart;
  size_t samples = 0;
  uint64_t nprints = 0;
  std::map<std::pair<uint32_t, int>, uint64_t> event_counts;   // (map, kind) → occurrences
};

uint64_t timeline_bytes(const Timeline& tl) {
  uint64_t b = tl.records().capacity() * sizeof(Record);
  for (const Record& r : tl.records()) {
    b += r.text.capacity() + r.maps.capacity() * sizeof(MapSnapshot);
    for (const MapSnapshot& m : r.maps) b += m.name.capacity() + m.type.capacity();
  }
  return b;
}

constexpr size_t kMaxKeyframes = 24;           // past this the closest pair is thinned
// The next keyframe is taken this fraction of the run's ops further (at least kf_every on):
// a seek replays at most 1/(kKeyframeSpacing + 1) of the way to where it goes, when the
// budget keeps them all.
constexpr uint64_t kKeyframeSpacing = 5;
constexpr uint64_t kFirstKeyframeOps = 1 << 17;
// A keyframe's copy is charged to the slices: its small parts at once (copied), this many
// bytes per op of their budget, its large arrays a piece per slice while the program waits
// (packed: maps::DeferredCopies), this many values per op. An op of a map loop takes about as
// long as copying 64 bytes, or packing one value as differences from an earlier keyframe,
// whether the value is a 4-byte key handle or a 1-byte tophash or ctrl byte (a chunk of 1024
// takes 4-12 us either way). Charged by source bytes (4 an op), a slice packing 1-byte
// arrays took 4x its time: up to 4.6 ms for 0.5 predicted on Go 1.19, several in a row at a
// keyframe, as the pacer's rate, learnt on 4-byte arrays, came down halfway a slice.
constexpr uint64_t kKeyframeBytesPerOp = 64;
constexpr uint64_t kPackedValuesPerOp = 1;

struct Keyframe {
  uint64_t op = 0, bytes = 0;
  // its packed arrays, to tell which ones later keyframes refer to (PackedArray: diff chunks)
  std::vector<std::weak_ptr<const maps::PackedArray>> arrays;
  // shared_bytes: what of it later keyframes refer to (dropping it would not free that)
  uint64_t shared_bytes() const {
    uint64_t b = 0;
    for (const auto& w : arrays)
      if (const auto a = w.lock(); a && a.use_count() > 2) b += a->bytes();   // the owner, this lock, others
    return b;
  }
  std::unique_ptr<heap::Heap> heap;
  std::unique_ptr<lang::Interpreter> vm;
  RunData data;
};

// state_bytes: what a copy of the run's state holds (each part's own accounting: a
// keyframe's packed arrays as packed so far; keyframe_test compares it with what the copy
// allocates).
uint64_t state_bytes(const heap::Heap& heap, const lang::Interpreter& vm, const RunData& d) {
  return sizeof(Keyframe) + sizeof(heap::Heap) + sizeof(lang::Interpreter) + heap.simulator_bytes() + vm.memory() +
         timeline_bytes(d.tl) + d.out.capacity() + d.err.capacity() + d.event_counts.size() * 64;
}
}  // namespace

struct Simulation::Impl : lang::Host, RunData {
  Options opt;
  std::string source, file = "main.go";
  std::vector<Diagnostic> diags;
  const runtime::Profile* profile = nullptr;
  std::unique_ptr<lang::Program> prog;
  std::unique_ptr<heap::Heap> heap;
  std::unique_ptr<lang::Interpreter> vm;
  // Keyframes, in op order, all taken at the horizon; the horizon's record while the run is
  // behind it.
  std::vector<Keyframe> keyframes;
  bool packing_near = false;      // kf_copies pack near's arrays (else the newest keyframe's)
  uint64_t kf_every = kFirstKeyframeOps, next_kf = kFirstKeyframeOps, kf_bytes = 0, kf_taken = 0, kf_dropped = 0;
  // The newest keyframe's (or near's) large arrays not packed yet (the program waits until
  // they are).
  maps::DeferredCopies kf_copies;
  // near: step_back's keyframe, taken behind the horizon a little before where it steps
  // (kNearAlign), so that a row of steps back each replay a few thousand ops from it rather
  // than from a keyframe millions of ops back. Outside the budget; freed when the run is
  // live again.
  static constexpr uint64_t kNearAlign = 1 << 16;
  Keyframe near;
  // every_event[kind]: the ops of every occurrence of a frequent map event up to the horizon
  // (Simulation::event_ops; not a keyframe's: a replay behind the horizon adds nothing).
  std::map<int, std::vector<uint64_t>> every_event;
  uint64_t spent = 0;             // Simulation::spent(): budget step() consumed (not a keyframe's)
  uint64_t horizon = 0;
  bool behind = false;            // restored to before the horizon: horizon_tl holds its record
  Timeline horizon_tl;
  RunState horizon_st = RunState::Empty;

  uint64_t ops() const { return vm ? vm->ops() : 0; }

  Record base(Record::Kind k) const {
    Record r;
    r.kind = k;
    r.op = ops();
    r.line = vm ? vm->current_line() : 0;
    if (heap) r.mem = heap->read_memstats();
    return r;
  }
  void snapshot_maps(Record& r, uint32_t only = 0) const {
    if (!vm) return;
    for (const lang::VmMap& m : vm->live_maps()) {
      if (only && m.id != only) continue;
      MapSnapshot s;
      s.id = m.id;
      s.name = m.name;
      s.type = m.map->type().name;
      s.shape = m.map->shape();
      r.maps.push_back(std::move(s));
    }
  }

  void print(int stream, const std::string& text) override {
    (stream == 1 ? out : err) += text;
    ++nprints;
    // A program that prints in a loop must not grow the timeline without bound: past
    // kMaxPrintRecords, a print joins the previous print record of its stream when
    // nothing else happened in between (text and order are kept; op stamps coarsen).
    if (nprints > kMaxPrintRecords && !tl.records().empty()) {
      const Record& last = tl.records().back();
      if (last.kind == Record::Print && last.stream == stream) {
        tl.last().text += text;
        check_output_size();
        return;
      }
    }
    Record r = base(Record::Print);
    r.stream = uint8_t(stream);
    r.text = text;
    if (nprints <= kMaxPrintRecords) snapshot_maps(r);
    tl.add(std::move(r));
    check_output_size();
  }
  void check_output_size() {
    if (vm && out.size() + err.size() > opt.max_sim_memory / 2)
      vm->stop_with_limit("gomapsim: the program's output exceeds max_sim_memory / 2; the run was stopped");
  }

  void map_event(uint32_t map_id, const maps::MapEvent& ev) override {
    // Frequent events (overflow buckets, splits) are recorded at the 1st, 2nd, 4th, 8th …
    // occurrence per map, so a 1M-entry run keeps a bounded number of records.
    uint64_t& n = event_counts[{map_id, int(ev.kind)}];
    ++n;
    if (frequent(ev.kind) && opt.keyframe_budget_bytes && (!behind || ops() > horizon)) {
      std::vector<uint64_t>& every = every_event[int(ev.kind)];
      if (every.size() < kMaxEveryEvent) every.push_back(ops());
    }
    if (frequent(ev.kind) && (n & (n - 1)) != 0) return;
    Record r = base(Record::MapEvent);
    r.map_id = map_id;
    r.event = ev;
    if (frequent(ev.kind)) r.text = "occurrence " + std::to_string(n);
    snapshot_maps(r, map_id);
    tl.add(std::move(r));
  }

  void gc_cycle(const heap::GcCycle& c) override {
    // Past kMaxGcRecords cycles, record every 2nd, 4th, … so churning programs stay bounded.
    if (c.num > kMaxGcRecords) {
      uint32_t stride = 1;
      while (c.num > kMaxGcRecords * stride * 2 && stride < (1u << 20)) stride *= 2;
      if (c.num % (stride * 2) != 0) return;
    }
    Record r = base(Record::GcCycle);
    r.gc = c;
    // A resumable cycle ends after the operation that started it: its record goes where and
    // at the line it started, before what that operation recorded after (map events).
    r.line = gc_start_line;
    snapshot_maps(r);
    tl.insert(gc_start_record, std::move(r));
  }

  void sample() {
    tl.add(base(Record::Sample));
    ++samples;
    if (opt.sample_every_ops == 0 && samples > kMaxSamples) {
      // downsample: drop every other sample, double the spacing
      const std::vector<Record>& rs = tl.records();
      Timeline kept;
      size_t seen = 0;
      for (const Record& rec : rs) {
        if (rec.kind == Record::Sample && (seen++ % 2) == 1) continue;
        kept.add(rec);
      }
      tl = std::move(kept);
      samples = (samples + 1) / 2;
      sample_every *= 2;
    }
    next_sample = ops() + sample_every;
  }

  void start() {
    pack(UINT64_MAX);   // the live run is their source
    leave_horizon();
    static_cast<RunData&>(*this) = RunData{};
    sample_every = opt.sample_every_ops ? opt.sample_every_ops : kAutoSampleStart;
    next_sample = sample_every;
    // The heap and the interpreter keep their addresses across restarts: the keyframes'
    // closures (heap hooks, map listeners) and references name them (restore()).
    if (vm) std::destroy_at(vm.get());
    if (heap) {
      std::destroy_at(heap.get());
      std::construct_at(heap.get(), *profile, opt.seed);
    } else {
      heap = std::make_unique<heap::Heap>(*profile, opt.seed);
    }
    heap->set_gc_percent(opt.gogc);
    heap->set_memory_limit(opt.memlimit);
    // The runtime's clock (engine/heap/README.md, "The scavenger"): time.Sleep's, plus a
    // fixed cost per operation of the program, so that the background scavenger and the
    // cycles near a memory limit move on as the program runs.
    heap->nanotime = [this] { return vm ? vm->clock_ns() + int64_t(vm->ops()) * kNsPerOp : 0; };
    heap->position = [this] { return vm ? vm->ops() : uint64_t{0}; };
    // A GC cycle marks the leaves its root scan reached a slice at a time (run below), so
    // that a step ends near its budget while a cycle marks a million objects.
    heap->set_resumable(true);
    heap->on_gc_start = [this] {
      gc_start_line = vm ? vm->current_line() : 0;
      gc_start_record = tl.records().size();
    };
    lang::VmOptions vo;
    vo.seed = opt.seed;
    vo.log_timestamps = opt.log_timestamps;
    vo.file = file.substr(file.find_last_of('/') + 1);
    vo.max_sim_memory = opt.max_sim_memory;
    vo.max_heap_bytes = opt.max_heap_bytes;
    if (vm) std::construct_at(vm.get(), *prog, *heap, *profile, vo, this);
    else vm = std::make_unique<lang::Interpreter>(*prog, *heap, *profile, vo, this);
    state = RunState::Ready;
  }

  //-- keyframes ----------------------------------------------------------------------------
  void forget_keyframes() {
    kf_copies.drop();
    packing_near = false;
    keyframes.clear();
    near = Keyframe{};
    every_event.clear();
    kf_bytes = kf_taken = kf_dropped = 0;
    kf_every = opt.keyframe_every_ops ? opt.keyframe_every_ops : kFirstKeyframeOps;
    next_kf = kf_every;
    horizon = 0;
    behind = false;
    horizon_tl.clear();
    horizon_st = RunState::Empty;
  }
  // at_horizon: the run is at the furthest op it reached (it records, and takes keyframes).
  bool at_horizon() const { return !behind; }
  // leave_horizon keeps the horizon's record before the run goes back.
  void leave_horizon() {
    if (behind) return;
    horizon = ops();
    horizon_tl = tl;
    horizon_st = state;
    behind = true;
  }
  // note_progress: the run has passed its horizon again (its record there is the same).
  void note_progress() {
    if (behind && (ops() > horizon || (ops() == horizon && state == horizon_st && tl.records().size() >= horizon_tl.records().size()))) {
      behind = false;
      horizon_tl.clear();
      near = Keyframe{};
    }
    if (!behind) horizon = std::max(horizon, ops()), horizon_st = state;
  }
  // kf_held: what the keyframes hold together: their own bytes, and the packed arrays of
  // dropped ones that later ones' difference chunks still refer to.
  uint64_t kf_held() const { return kf_bytes + kf_copies.orphan_bytes(); }
  // keyframe_due: the copy would land at the horizon, no cycle is half marked, and it is time.
  bool keyframe_due() const {
    return opt.keyframe_budget_bytes && !behind && ops() >= next_kf && !heap->cycle_pending() && !kf_copies.pending() &&
           vm->status() == lang::VmStatus::Running && (keyframes.empty() || keyframes.back().op < ops());
  }
  // take_keyframe copies the run and returns the bytes copied at once: its large arrays
  // are packed by the slices that follow (run(), pack()).
  uint64_t take_keyframe() {
    // Room first for what is copied at once (the state without its maps' arrays), so that the
    // keyframes never hold more than the budget (a WASM heap does not shrink: its peak is
    // what counts); pack() makes more as the packed arrays grow. Over the budget (or the
    // count): the keyframe whose neighbours are closest goes, so the longest replay grows
    // least; the spacing grows with the run. The new one is the newest and stays: it is the
    // nearest to the live edge.
    const uint64_t at_once = state_bytes(*heap, *vm, *this) - vm->map_memory();
    next_kf = ops() + std::max(kf_every, opt.keyframe_every_ops ? 0 : ops() / kKeyframeSpacing);
    if (at_once + kf_copies.orphan_bytes() > opt.keyframe_budget_bytes) return 0;   // it would be dropped at once
    make_room(at_once, false);
    Keyframe k;
    k.op = ops();
    {
      maps::CopyDeferral later(kf_copies);
      k.heap = std::make_unique<heap::Heap>(*heap);
      k.vm = std::make_unique<lang::Interpreter>(*vm);
    }
    k.data = static_cast<const RunData&>(*this);
    k.bytes = state_bytes(*k.heap, *k.vm, k.data);
    k.arrays = kf_copies.take_made();
    if (k.bytes + kf_copies.orphan_bytes() > opt.keyframe_budget_bytes) {
      kf_copies.drop();
      return k.bytes;
    }
    make_room(k.bytes, false);
    kf_bytes += k.bytes;
    ++kf_taken;
    keyframes.push_back(std::move(k));
    packing_near = false;
    return keyframes.back().bytes;
  }
  // pack packs up to max_values of the newest keyframe's (or near's) arrays and returns the
  // values packed (the work: DeferredCopies::Copied::values). As they grow, room is made: for the newest keyframe by dropping
  // another one, and when none is left to drop (or for near, which never drops one) the
  // copy being made is given up.
  uint64_t pack(uint64_t max_values) {
    uint64_t done = 0;
    while (kf_copies.pending() && done < max_values) {
      Keyframe& k = packing_near ? near : keyframes.back();
      const uint64_t held = kf_held() + (packing_near ? near.bytes : 0);
      const maps::DeferredCopies::Copied c =
          kf_copies.copy(max_values - done, opt.keyframe_budget_bytes - std::min(held, opt.keyframe_budget_bytes));
      done += c.values;
      k.bytes = uint64_t(int64_t(k.bytes) + c.held);
      if (!packing_near) kf_bytes = uint64_t(int64_t(kf_bytes) + c.held);
      if (!c.no_room) continue;
      if (!packing_near) {
        const size_t before = keyframes.size();
        make_room(2 * maps::PackedArray::kPage, true);
        if (keyframes.size() < before) continue;
      }
      kf_copies.drop();   // given up: too large for the budget
      if (packing_near) {
        near = Keyframe{};
      } else {
        kf_bytes -= keyframes.back().bytes;
        keyframes.pop_back();
        ++kf_dropped;
      }
    }
    return done;
  }
  // make_room drops keyframes until `bytes` more fit the budget with them and the count
  // allows one more; `packing`: the newest is the one being packed, so it stays and `bytes`
  // counts it already.
  void make_room(uint64_t bytes, bool packing) {
    const size_t keep = packing ? 1 : 0;
    while (keyframes.size() > keep &&
           (kf_held() + bytes > opt.keyframe_budget_bytes || keyframes.size() + (packing ? 0 : 1) > kMaxKeyframes)) {
      // The one whose neighbours are closest, among those that would free at least half
      // their bytes (later ones' difference chunks refer to the others' arrays), if any.
      size_t drop = 0;
      uint64_t best = UINT64_MAX;
      for (int pass = 0; pass < 2 && best == UINT64_MAX; ++pass)
        for (size_t i = 0; i + keep < keyframes.size(); ++i) {
          const uint64_t prev = i ? keyframes[i - 1].op : 0;
          const uint64_t next = i + 1 < keyframes.size() ? keyframes[i + 1].op : ops();
          if (pass == 0 && 2 * keyframes[i].shared_bytes() > keyframes[i].bytes) continue;
          if (next - prev < best) best = next - prev, drop = i;
        }
      kf_bytes -= keyframes[drop].bytes;
      keyframes.erase(keyframes.begin() + static_cast<std::ptrdiff_t>(drop));
      ++kf_dropped;
    }
  }
  const Keyframe* keyframe_at_or_before(uint64_t op) const {
    const Keyframe* k = nullptr;
    for (const Keyframe& f : keyframes)
      if (f.op <= op) k = &f;
    if (near.vm && near.op <= op && (!k || near.op > k->op)) k = &near;
    return k;
  }
  // take_near copies the run, standing behind its horizon at a state seek() reached, as
  // near, packed at once; when it does not fit the budget with the keyframes it is not kept.
  void take_near() {
    pack(UINT64_MAX);
    near = Keyframe{};
    near.op = ops();
    {
      maps::CopyDeferral packed(kf_copies);   // its large arrays, packed below, whole (the
      kf_copies.set_diff(false);              // horizon's next keyframe does not refer to them)
      near.heap = std::make_unique<heap::Heap>(*heap);
      near.vm = std::make_unique<lang::Interpreter>(*vm);
      kf_copies.set_diff(true);
    }
    kf_copies.take_made();
    near.data = static_cast<const RunData&>(*this);
    near.bytes = state_bytes(*near.heap, *near.vm, near.data);
    packing_near = true;
    if (kf_held() + near.bytes > opt.keyframe_budget_bytes) {
      kf_copies.drop();
      near = Keyframe{};
    }
    pack(UINT64_MAX);
    packing_near = false;
  }
  // restore puts the run in keyframe k's state, in place: the heap's and the maps' closures
  // name this Simulation's heap and interpreter, which keep their addresses.
  void restore(const Keyframe& k) {
    pack(UINT64_MAX);   // k may be the newest; the live run is the source of its copies
    leave_horizon();
    lang::Interpreter* v = vm.get();
    std::destroy_at(v);                         // removes the heap's hooks …
    std::destroy_at(heap.get());
    std::construct_at(heap.get(), *k.heap);     // … which the heap's copy brings back
    std::construct_at(v, *k.vm);
    v->own_heap_hooks();
    static_cast<RunData&>(*this) = k.data;
  }
  // go_back places the run at the latest keyframe at or before op, or at the start.
  void go_back(uint64_t op) {
    if (const Keyframe* k = keyframe_at_or_before(op)) restore(*k);
    else start();
  }
  // run_to runs until ops() reaches op (or the run ends), then finishes a cycle in progress.
  void run_to(uint64_t op) {
    while ((state == RunState::Ready || state == RunState::Running) && ops() < op) {
      const uint64_t before = ops();
      const bool marking = heap->cycle_pending();   // a step may only mark (ops() stays)
      run(op - ops(), false);
      if (ops() == before && !marking && !heap->cycle_pending()) break;
    }
    drain_cycle();
  }
  void drain_cycle() {
    if (!heap || !heap->cycle_pending()) return;
    while (heap->cycle_pending()) heap->gc_work(~uint64_t{0});
    if (ops() >= next_sample) sample();
  }

  bool unit(StepMode mode, uint64_t max_ops);

  void finish() {
    lang::VmStatus st = vm->status();
    if (st == lang::VmStatus::Running) return;
    // A cycle the run's last operation started still ends (its record comes before End).
    while (heap->cycle_pending()) heap->gc_work(~uint64_t{0});
    std::string msg;
    switch (st) {
      case lang::VmStatus::Finished: state = RunState::Finished; break;
      case lang::VmStatus::Panicked: state = RunState::Panicked; msg = vm->message(); break;
      case lang::VmStatus::Limit:
        state = RunState::LimitExceeded;
        msg = vm->message();
        err += msg + "\n";
        break;
      default: break;
    }
    Record r = base(Record::End);
    r.text = std::string(to_string(state)) + (msg.empty() ? "" : ": " + msg);
    while (!r.text.empty() && r.text.back() == '\n') r.text.pop_back();
    snapshot_maps(r);
    tl.add(std::move(r));
  }

  // run executes up to budget ops; stop_on_print ends the slice right after a print. A time
  // slice (Simulation::step) copies a keyframe's large arrays within its budget, other
  // callers at once.
  RunState run(uint64_t budget, bool stop_on_print, bool slice = false) {
    if (state != RunState::Ready && state != RunState::Running) return state;
    state = RunState::Running;
    vm->set_stop_after_print(stop_on_print);
    vm->set_charge_work(slice);
    uint64_t prints0 = vm->prints();
    const uint64_t budget0 = budget;
    // A time slice does one kind of work (Simulation::Work): a pacer learns each one's rate.
    const Work kind = next_work();
    while (budget > 0 && vm->status() == lang::VmStatus::Running && (!slice || next_work() == kind)) {
      if (kf_copies.pending()) {
        // The program waits while the keyframe it just took is packed (the copies' sources).
        if (!slice || stop_on_print) pack(UINT64_MAX);
        else {
          const uint64_t values = budget > UINT64_MAX / kPackedValuesPerOp ? UINT64_MAX : budget * kPackedValuesPerOp;
          budget -= std::min(budget, std::max<uint64_t>(1, pack(values) / kPackedValuesPerOp));
        }
        continue;
      }
      if (heap->cycle_pending()) {
        // The program waits while the cycle its last operation started marks (Heap::gc_work):
        // a unit of marking is charged as an op of the budget; ops() does not move.
        budget -= std::min(budget, heap->gc_work(budget));
        if (ops() >= next_sample && !heap->cycle_pending()) sample();
        continue;
      }
      if (ops() >= opt.max_ops) {
        // A limit the VM does not know about: report it like the VM's own limits.
        err += "gomapsim: the run was stopped after " + std::to_string(opt.max_ops) + " operations (max_ops)\n";
        state = RunState::LimitExceeded;
        Record r = base(Record::End);
        r.text = "LimitExceeded: max_ops";
        snapshot_maps(r);
        tl.add(std::move(r));
        vm->set_stop_after_print(false);
        return state;
      }
      if (keyframe_due()) {
        // a time slice pays for the copy with ops; a step to the next print does not stop
        const uint64_t cost = take_keyframe() / kKeyframeBytesPerOp;
        if (!stop_on_print) budget -= std::min(budget, cost);
        continue;
      }
      uint64_t chunk = std::min({budget, next_sample > ops() ? next_sample - ops() : 1, opt.max_ops - ops()});
      if (opt.keyframe_budget_bytes && !behind && next_kf > ops()) chunk = std::min(chunk, next_kf - ops());
      uint64_t before = ops(), work0 = vm->work();
      vm->run(chunk);
      uint64_t done = ops() - before;
      budget -= std::min(budget, done + (vm->work() - work0));   // the maps' host work included
      if (ops() >= next_sample && !heap->cycle_pending()) sample();
      note_progress();
      if (stop_on_print && vm->prints() != prints0) break;
      if (done == 0 && vm->status() == lang::VmStatus::Running && !heap->cycle_pending()) break;
    }
    vm->set_stop_after_print(false);
    spent += budget0 - budget;
    finish();
    note_progress();
    return state;
  }

  Work next_work() const {
    if (kf_copies.pending()) return Work::Packing;
    if (heap && heap->cycle_pending()) return Work::Marking;
    return Work::Ops;
  }
};

// [SECTION] load / reset
Simulation::Simulation() : impl_(std::make_unique<Impl>()) {}
Simulation::~Simulation() = default;

bool Simulation::load(std::string_view source, const Options& options, std::string_view file) {
  Impl& s = *impl_;
  s.forget_keyframes();   // they name the heap and interpreter going now
  s.vm.reset();
  s.heap.reset();
  s.prog.reset();
  s.diags.clear();
  s.out.clear();
  s.err.clear();
  s.tl.clear();
  s.opt = options;
  s.source = std::string(source);
  s.file = std::string(file);
  s.state = RunState::Empty;
  s.profile = runtime::profile_for(options.go_version);
  if (!s.profile) {
    std::string known;
    for (std::string_view v : runtime::supported_versions()) known += (known.empty() ? "" : ", ") + std::string(v);
    s.diags.push_back(Diagnostic{s.file, 0, 0, "unknown Go version \"" + options.go_version + "\" (supported: " + known + ")"});
    return false;
  }
  lang::File ast;
  std::vector<lang::Error> syntax_errs;
  if (!lang::parse(source, ast, syntax_errs, 1, s.file)) {   // gc's list: one a line, ten at most
    for (const lang::Error& e : lang::gc_error_list(syntax_errs))
      s.diags.push_back(Diagnostic{s.file, e.pos.line, e.pos.col, lang::syntax_error_for_release(e.msg, s.profile->go_minor())});
    return false;
  }
  auto prog = std::make_unique<lang::Program>();
  // The language is the simulated release's (clear needs Go 1.21, range over an int 1.22).
  std::vector<lang::Error> errs;
  if (!lang::compile(ast, *prog, errs, s.profile->go_minor())) {
    for (const lang::Error& ce : errs) s.diags.push_back(Diagnostic{s.file, ce.pos.line, ce.pos.col, ce.msg});
    return false;
  }
  s.prog = std::move(prog);
  s.start();
  s.forget_keyframes();
  return true;
}

void Simulation::reset() {
  if (!impl_->prog) return;
  impl_->forget_keyframes();
  impl_->start();
  impl_->forget_keyframes();
}

// [SECTION] stepping
RunState Simulation::step(uint64_t budget) { return impl_->run(budget, false, true); }
Simulation::Work Simulation::next_work() const { return impl_->next_work(); }
uint64_t Simulation::spent() const { return impl_->spent; }

RunState Simulation::step_unit(StepMode mode, uint64_t max_ops) {
  impl_->unit(mode, max_ops);
  return impl_->state;
}

// unit advances by one unit of mode (at most max_ops ops); true when the unit ended where a
// unit ends (not at max_ops or the run's end).
bool Simulation::Impl::unit(StepMode mode, uint64_t max_ops) {
  if (state != RunState::Ready && state != RunState::Running) return false;
  switch (mode) {
    case StepMode::Ops: run(max_ops == UINT64_MAX ? 1 : max_ops, false); return true;
    case StepMode::NextPrint: {
      const uint64_t prints0 = nprints;
      run(max_ops, true);
      return nprints != prints0;
    }
    case StepMode::Statement: {
      uint64_t n = 0;
      run(1, false);
      ++n;
      while ((state == RunState::Running) && !vm->at_statement_start() && n < max_ops) {
        run(1, false);
        ++n;
      }
      return state == RunState::Running && vm->at_statement_start();
    }
    case StepMode::LoopIteration: {
      // until a loop jumps back in this frame (or an outer one), or the function returns
      size_t depth = vm->depth();
      uint64_t n = 0;
      while (state == RunState::Ready || state == RunState::Running) {
        size_t d0 = vm->depth();
        int32_t pc0 = vm->pc();
        run(1, false);
        if (vm->depth() < depth) return true;
        if (vm->depth() == d0 && d0 <= depth && vm->pc() <= pc0) return true;
        if (++n >= max_ops) return false;
      }
      return false;
    }
  }
  return false;
}

RunState Simulation::run_to_end() {
  while (impl_->state == RunState::Ready || impl_->state == RunState::Running) step(UINT64_MAX);
  return impl_->state;
}

void Simulation::rewind(uint64_t op) {
  Impl& s = *impl_;
  if (!s.prog || !s.vm) return;
  const bool can_run = s.state == RunState::Ready || s.state == RunState::Running;
  const uint64_t now = s.ops();
  if (op < now || (op == now && !can_run && op < s.horizon)) {
    s.go_back(op);
    return;
  }
  // ahead: a keyframe between here and op saves the replay up to it
  const Keyframe* k = s.keyframe_at_or_before(op);
  if (can_run && k && k->op > now) s.restore(*k);
}

RunState Simulation::seek(uint64_t op) {
  Impl& s = *impl_;
  if (!s.prog) return s.state;
  rewind(op);
  s.run_to(op);
  return s.state;
}

RunState Simulation::step_back(StepMode mode) {
  Impl& s = *impl_;
  if (!s.prog || !s.vm) return s.state;
  const uint64_t x = s.ops();
  if (x == 0) return s.state;
  if (mode == StepMode::Ops) return seek(x - 1);
  if (mode == StepMode::NextPrint) {
    // A forward step stops right after a print, at the op its record carries.
    uint64_t to = 0;
    for (const Record& r : horizon_timeline().records())
      if (r.kind == Record::Print && r.op < x) to = r.op;
    return seek(to);
  }
  // Replay a window of ops before x, stepping forward by mode and noting where each step
  // stopped: the last stop before x is where the previous step stopped. The window doubles
  // until it holds a stop (a statement starts every few ops; prints may be far apart).
  bool took_near = false;
  for (uint64_t window = 4096;; window *= 2) {
    const uint64_t from = x > window ? x - window : 0;
    // A keyframe a little before from (near), unless one is close already: this replay, the
    // one to the stop found and those of the next steps back start there. Once a call: a
    // window that grows (a fused loop, far prints) replays from the first one.
    const uint64_t base = from / Impl::kNearAlign * Impl::kNearAlign;
    const Keyframe* k = s.keyframe_at_or_before(from);
    // Within the budget with the keyframes (the WASM heap's peak): packed, it holds about
    // what the keyframe it replays from holds; unless twice that fits, it is not tried (a
    // copy given up half packed costs a step back more than it saves).
    if (!took_near && base > 0 && (!k || k->op < base) && s.opt.keyframe_budget_bytes &&
        s.kf_held() + 2 * (k ? k->bytes : 0) <= s.opt.keyframe_budget_bytes) {
      took_near = true;
      seek(base);
      if (s.ops() == base && s.state == RunState::Running) s.take_near();
    }
    seek(from);
    uint64_t best = UINT64_MAX;
    while ((s.state == RunState::Ready || s.state == RunState::Running) && s.ops() < x) {
      const uint64_t before = s.ops();
      const bool marking = s.heap->cycle_pending();
      const bool ended = s.unit(mode, std::max<uint64_t>(x - before, 1));
      if (ended && s.ops() < x) best = s.ops();
      if (s.ops() == before && !marking && !s.heap->cycle_pending()) break;
    }
    if (best != UINT64_MAX || from == 0) return seek(best == UINT64_MAX ? 0 : best);
  }
}

uint64_t Simulation::horizon_ops() const { return impl_->behind ? impl_->horizon : impl_->ops(); }
RunState Simulation::horizon_state() const { return impl_->behind ? impl_->horizon_st : impl_->state; }
const Timeline& Simulation::horizon_timeline() const { return impl_->behind ? impl_->horizon_tl : impl_->tl; }

KeyframeInfo Simulation::keyframes() const {
  KeyframeInfo k;
  k.count = impl_->keyframes.size();
  k.bytes = impl_->kf_held();
  k.taken = impl_->kf_taken;
  k.dropped = impl_->kf_dropped;
  k.copying = impl_->kf_copies.pending_bytes();
  k.near_bytes = impl_->near.vm ? impl_->near.bytes : 0;
  for (const Keyframe& f : impl_->keyframes) {
    k.ops.push_back(f.op);
    k.sizes.push_back(f.bytes);
    k.largest = std::max(k.largest, f.bytes);
  }
  return k;
}

const std::vector<uint64_t>& Simulation::event_ops(maps::MapEvent::Kind kind) const {
  static const std::vector<uint64_t> none;
  const auto it = impl_->every_event.find(int(kind));
  return it == impl_->every_event.end() ? none : it->second;
}

// [SECTION] inspection
RunState Simulation::state() const { return impl_->state; }
uint64_t Simulation::ops() const { return impl_->ops(); }
int Simulation::current_line() const {
  if (impl_->state != RunState::Running && impl_->state != RunState::Ready) return 0;
  return impl_->vm ? impl_->vm->current_line() : 0;
}
const std::vector<Diagnostic>& Simulation::diagnostics() const { return impl_->diags; }
const std::string& Simulation::stdout_text() const { return impl_->out; }
const std::string& Simulation::stderr_text() const { return impl_->err; }
const Options& Simulation::options() const { return impl_->opt; }
const Timeline& Simulation::timeline() const { return impl_->tl; }
heap::MemStats Simulation::memstats() const { return impl_->heap ? impl_->heap->read_memstats() : heap::MemStats{}; }
const heap::Heap* Simulation::heap() const { return impl_->heap.get(); }

std::vector<LiveMap> Simulation::live_maps() const {
  std::vector<LiveMap> out;
  if (!impl_->vm) return out;
  for (const lang::VmMap& m : impl_->vm->live_maps()) out.push_back(LiveMap{m.name, m.map, m.id});
  return out;
}

uint64_t Simulation::pointed_bytes(const LiveMap& m) const {
  if (!impl_->vm || !m.map) return 0;
  return impl_->vm->pointed_bytes(m.map);
}

uint64_t Simulation::simulator_memory() const {
  uint64_t b = impl_->vm ? impl_->vm->memory() : 0;
  b += impl_->tl.records().capacity() * sizeof(Record);
  for (const Record& r : impl_->tl.records()) b += r.text.capacity() + r.maps.size() * sizeof(MapSnapshot);
  return b;
}

int Simulation::exit_code() const {
  switch (impl_->state) {
    case RunState::Panicked: return 2;
    case RunState::LimitExceeded: return 1;
    case RunState::Empty: return impl_->diags.empty() ? 0 : 1;
    default: return impl_->vm ? impl_->vm->exit_code() : 0;
  }
}

}  // namespace sim
