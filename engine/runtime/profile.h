#pragma once
// profile.h — what differs between the Go releases the simulator models.
//
// Models: the per-release constants of the Go runtime on linux/amd64 that change a
// program's MemStats: which map implementation `make(map…)` uses, whether pointerful
// small objects carry the 8-byte malloc header (Go 1.22+), the large-object threshold,
// the size of `hmap`, and the runtime's own heap at program start (the "baseline").
//
// Sources: ../shared/reference/go-runtime-facts.md §3.1, §5, §8 (measured on this
// machine with real Go 1.19.8 and 1.24.4, GOMAXPROCS=2).
//
// Invariants:
//   1. baseline_objects_bytes sums to baseline_alloc exactly (checked by a test).
//   2. A profile is immutable once a run starts: runs are a function of
//      (program, knobs, profile, seed).
//
// Simplifications: GOMAXPROCS is fixed at 2 (the per-P runtime structures are part of
// the baseline); the runtime's own allocations after start-up (timers, finalizers,
// background workers) are not modelled.
#include <cstdint>
#include <string_view>
#include <vector>

namespace runtime {

enum class MapImpl : uint8_t { Classic, Swiss };

struct Profile {
  std::string_view version;        // "1.19", "1.24"
  // go_minor is the release's minor number (19 for "1.19"): its language version.
  int go_minor() const {
    int minor = 0;
    for (size_t i = version.find('.') + 1; i < version.size() && version[i] >= '0' && version[i] <= '9'; ++i)
      minor = minor * 10 + (version[i] - '0');
    return minor;
  }
  MapImpl map_impl;
  bool malloc_header;              // Go 1.22+: pointerful small objects > 512 B carry 8 B
  uint64_t max_small_size;         // objects above this are large (whole pages)
  uint64_t hmap_size;              // runtime.hmap (classic) or maps.Map (swiss)
  // gc turns `for k := range m { delete(m, k) }` into one mapclear; in Go 1.19 not inside a
  // function it inlined (the inlined copy keeps the delete loop and so the overflow buckets;
  // tests/oracle/programs/clear_inlined.go). Go 1.24 clears there too.
  bool clear_idiom_when_inlined;

  // Heap at the start of main (§5), as objects the runtime keeps alive for ever.
  std::vector<uint64_t> baseline_objects;   // sizes; they sum to the measured Alloc
  uint64_t baseline_freed_objects;          // Frees already counted at start
  uint64_t baseline_extra_inuse_pages;      // runtime spans in use beyond those objects
  uint64_t stack_sys;                       // StackSys (stack spans carved from the heap)
  uint64_t gc_sys_base;                     // GCSys at start
  uint64_t gc_sys_per_arena;                // GCSys growth per 64 MiB heap arena
  uint64_t other_sys;                       // OtherSys + MSpanSys + MCacheSys + BuckHashSys
  // The first GC cycles set up for good what the collector keeps: mark-bit arenas, work
  // buffers, the mark workers (GCSys grows after cycles 1 and 2, OtherSys after cycle 1).
  uint64_t gc_sys_after_cycle[2];
  uint64_t other_sys_after_first_gc;
  uint64_t stack_and_globals_scan;          // term of the heap goal (§4.2)

  uint64_t baseline_alloc() const {
    uint64_t s = 0;
    for (uint64_t b : baseline_objects) s += b;
    return s;
  }
};

// profile_for returns the profile of a Go release ("1.19" … "1.24"); nullptr if unknown.
const Profile* profile_for(std::string_view version);

// supported_versions lists the versions profile_for knows, oldest first.
const std::vector<std::string_view>& supported_versions();

}  // namespace runtime
