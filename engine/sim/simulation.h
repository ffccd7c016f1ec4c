#pragma once
// simulation.h — one run of a Go program on the simulated runtime, a time slice at a time.
//
// Ties together: the Go-subset program (engine/lang), the runtime profile of a Go release
// (engine/runtime), the heap (engine/heap) and its maps (engine/maps), and the Timeline
// that the CLI's --json, the web views and the tests read.
//
//   source ──load()──▶ lang::Program ──step(budget)──▶ heap + maps ──▶ Timeline records
//
// A run is a function of (source, Options): same inputs, same records, on every target.
// Nothing here knows who watches: no UI, no I/O but the strings a program prints.
//
// Invariants:
//   1. ops() only grows; step(n) executes at most n operations and returns.
//   2. Every print, GC cycle and map growth appears in timeline() in the order it happened,
//      stamped with the op count at which it happened.
//   3. After a run ends (Finished, Panicked, LimitExceeded) step() does nothing.
//   4. A run is a function of its op count: seek(op) by any route (from the start, from a
//      keyframe, after seeking elsewhere) reaches the same state (tests/lang/keyframe_test.cpp).
//
// Keyframes (time travel). With Options::keyframe_budget_bytes > 0, the run copies its whole
// state — heap, interpreter (pools, frames, every map: Map::clone), output, timeline and the
// recorder's counters — every so many ops as it advances past its horizon (the furthest op it
// reached). seek(op) and step_back() restore the latest keyframe at or before where they go
// and replay from there; since a run is deterministic the replay is exact. The copies are
// value copies of the engine's structs (Heap, Interpreter and RunData are copyable), so a
// field added to any of them is kept by keyframes without being listed anywhere. When the
// keyframes outgrow the budget the older one whose removal leaves the shortest gap is dropped,
// so they stay spread over the run (early ones are small, late ones hold the big maps); the
// newest stays. A keyframe's large arrays (the maps' slots) are packed (maps::PackedArray: an
// empty slot costs next to nothing) by the slices after the one that takes it, while the
// program waits (maps::DeferredCopies): step(budget) keeps its budget however big the maps
// are, and room is made as the packed arrays grow.
// timeline() is the record at the current op; horizon_timeline() the run's record up to its
// horizon (what a timeline view draws while the cursor is in the past).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/heap/heap.h"
#include "engine/maps/map.h"
#include "engine/sim/timeline.h"

namespace lang { class Program; class Interpreter; }

namespace sim {

struct Options {
  std::string go_version{runtime::default_version()};   // a runtime::Profile name; default today's Go
  uint64_t seed = 1;                   // hash seeds and everything random
  int gogc = 100;                      // GOGC; < 0 = off
  int64_t memlimit = heap::Heap::kNoMemoryLimit;   // GOMEMLIMIT in bytes; the default: no limit
  uint64_t max_ops = 20'000'000'000ull;          // a run that executes more stops with a message
  uint64_t max_sim_memory = 1ull << 30;          // the simulator's own memory cap (bytes)
  uint64_t max_heap_bytes = 64ull << 30;         // simulated heap cap ("out of memory")
  bool log_timestamps = false;         // log.Printf prefix "2009/11/10 23:00:00 " (the simulated clock: time.Sleep moves it)
  uint64_t sample_every_ops = 0;       // counter samples; 0 = automatic (≈ 2000 per run)
  // Keyframes (see the header): the bytes their copies may hold together; 0 = none (seek
  // then replays from the start). keyframe_every_ops: the first spacing, 0 = automatic.
  uint64_t keyframe_budget_bytes = 0;
  uint64_t keyframe_every_ops = 0;
};

// KeyframeInfo describes the keyframes a run holds now.
struct KeyframeInfo {
  size_t count = 0;
  uint64_t bytes = 0;                  // their copies together (the simulator's estimate)
  uint64_t largest = 0;                // the largest one
  uint64_t taken = 0, dropped = 0;     // over the run so far
  uint64_t copying = 0;                // the newest's bytes still to copy (the program waits)
  uint64_t near_bytes = 0;             // step_back's keyframe behind the horizon (0: none)
  std::vector<uint64_t> ops;           // where they are
  std::vector<uint64_t> sizes;         // and what each holds
};

// Diagnostic is an error with its place in the program text.
struct Diagnostic {
  std::string file;
  int line = 0, col = 0;
  std::string message;
  std::string to_string() const;       // "main.go:3:7: message"
};

enum class RunState : uint8_t {
  Empty,          // nothing loaded, or load() failed (see diagnostics())
  Ready,          // loaded, not started
  Running,        // started, not finished; call step() again
  Finished,       // main returned (or os.Exit)
  Panicked,       // a Go panic; panic text in stderr()
  LimitExceeded,  // max_ops / max_sim_memory / max_heap_bytes hit; message in stderr()
};

const char* to_string(RunState s);

// parse_memory_limit reads GOMEMLIMIT's syntax (runtime/string.go parseByteCount): "off", or
// a byte count with an optional unit B, KiB, MiB, GiB or TiB ("64MiB", "1073741824").
bool parse_memory_limit(std::string_view s, int64_t& bytes);
// memory_limit_string writes a limit back in that syntax: "off", "64MiB", "1536KiB", "1000B".
std::string memory_limit_string(int64_t bytes);

// StepMode is the unit a stepping control advances by.
enum class StepMode : uint8_t { Ops, Statement, LoopIteration, NextPrint };

// LiveMap is a map that is reachable now, with the name of the variable that holds it.
struct LiveMap {
  std::string name;                    // "m", "intMap", "caches[3]"
  const maps::Map* map = nullptr;
  uint32_t id = 0;                     // stable for the map's lifetime within a run
};

class Simulation {
 public:
  Simulation();
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // load parses and checks source; false with diagnostics() on error.
  bool load(std::string_view source, const Options& options, std::string_view file = "main.go");
  // reset restarts the loaded program from the beginning (same options).
  void reset();

  // step executes at most budget operations (or one StepMode unit) and returns the state.
  // A time slice: what the program waits for (a GC cycle's marking, a keyframe's packing)
  // and the maps' host work beyond their operations (a classic map's evacuation: Map::work)
  // are charged to the budget too, and it does one kind of work (next_work()): it returns
  // when the kind changes, so a pacer can keep a rate per kind (spent() per ms).
  RunState step(uint64_t budget);
  enum class Work : uint8_t { Ops, Marking, Packing };
  static constexpr int kWorkKinds = 3;
  Work next_work() const;                              // what the next step() does
  uint64_t spent() const;                              // the budget step() consumed so far
  RunState step_unit(StepMode mode, uint64_t max_ops = UINT64_MAX);
  RunState run_to_end();
  // seek places the run at op: restores the latest keyframe at or before op (or starts over)
  // when op is behind, then runs to op; a GC cycle the op started is finished (as the
  // program would see it). Past the run's end it stops at the end.
  RunState seek(uint64_t op);
  // rewind does the first half of seek only (one copy, no replay): step() carries the run
  // on to op a slice at a time (the web's cursor). Does nothing when the run is at or
  // before op and no keyframe lies in between.
  void rewind(uint64_t op);
  // step_back goes back by one unit of mode (the op where the previous forward step of that
  // mode stopped: a statement's start, a loop back-edge, right after a print); Ops: one op.
  // With keyframes on it keeps one more behind the horizon, at a multiple of 65 536 ops
  // before where it steps, when it fits the budget with the others (KeyframeInfo::near_bytes;
  // freed when the run is live again), so a row of steps back replays thousands of ops each.
  RunState step_back(StepMode mode);
  uint64_t horizon_ops() const;                        // the furthest op this run reached
  RunState horizon_state() const;                      // its state there (Finished, …)
  const Timeline& horizon_timeline() const;            // its record up to there
  KeyframeInfo keyframes() const;
  // event_ops: the op of every occurrence of a frequent map event (overflow bucket, table
  // split, table grow, tombstone prune; any map) up to the horizon, in order. The timeline
  // records those at their 1st, 2nd, 4th … occurrence per map only; a jump to the next one
  // reads this (8 bytes an occurrence; the first 2^20 of each kind).
  const std::vector<uint64_t>& event_ops(maps::MapEvent::Kind kind) const;

  RunState state() const;
  uint64_t ops() const;
  int current_line() const;                            // 0 when not running
  const std::vector<Diagnostic>& diagnostics() const;
  const std::string& stdout_text() const;
  const std::string& stderr_text() const;
  const Options& options() const;
  const Timeline& timeline() const;

  // Read-only inspection of the simulated runtime at the current op.
  heap::MemStats memstats() const;
  const heap::Heap* heap() const;
  std::vector<LiveMap> live_maps() const;
  // pointed_bytes: the heap bytes of the objects a live map's pointer keys and values point
  // to (map[int]*[128]byte: the [128]byte objects), counted per entry. O(1) per map: counts
  // the interpreter keeps as the map is written (lang::Interpreter::pointed_bytes).
  uint64_t pointed_bytes(const LiveMap& m) const;
  uint64_t simulator_memory() const;                  // bytes the simulator itself holds
  // exit_code is the process status Go would exit with: 0, 1 (log.Fatal, limits, load
  // errors) or 2 (panic). Added for the CLI.
  int exit_code() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sim
