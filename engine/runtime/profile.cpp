// profile.cpp — the Go releases the simulator knows (see profile.h).
//
// Measured on this machine (linux/amd64, GOMAXPROCS=2) with real Go 1.19.8 and 1.24.4:
// go-runtime-facts.md §5 (baselines), §3.7 (Sys overheads), §4.2 (goal's stack+globals
// term, from NextGC after runtime.GC). 1.20–1.23 are inferred: 1.19's numbers with the
// 1.22 malloc header and large-object threshold (§8); no real run of them was possible.
#include "engine/runtime/profile.h"

namespace runtime {
namespace {

// The runtime's objects at the start of main, as size classes that sum to the measured
// Alloc and HeapObjects (Go 1.19: 45 200 B in 128 objects; Go 1.24: 51 640 B in 209).
std::vector<uint64_t> baseline(uint64_t big, uint64_t n_small, uint64_t small,
                               std::vector<uint64_t> rest) {
  std::vector<uint64_t> v(big, 8192);
  v.insert(v.end(), n_small, small);
  v.insert(v.end(), rest.begin(), rest.end());
  return v;
}

Profile classic(std::string_view version, bool malloc_header) {
  Profile p;
  p.version = version;
  p.map_impl = MapImpl::Classic;
  p.malloc_header = malloc_header;
  p.max_small_size = malloc_header ? 32760 : 32768;
  p.hmap_size = 48;
  p.clear_idiom_when_inlined = false;   // measured on 1.19; 1.20–1.23 take 1.19's behaviour
  p.baseline_objects = baseline(2, 124, 224, {896, 144});   // 45 200 B, 128 objects
  p.baseline_freed_objects = 2;
  p.baseline_extra_inuse_pages = 28;    // HeapInuse ≈ 294 912 at start
  p.stack_sys = 229'376;
  p.gc_sys_base = 7'815'040;
  p.gc_sys_per_arena = 2'690'000;       // heap bitmap + arena metadata per 64 MiB arena
  p.other_sys = 373'244;
  // Sys after runtime.GC() on a small heap, 5 runs (tests/oracle/programs/sys_after_gc.go):
  // GCSys 7 595 KB at start → 7 828 → 7 892 after cycles 1, 2; Sys 12 143 → 12 463 (3 runs;
  // 12 719 in 2, OtherSys 256 KB higher) → 12 527.
  p.gc_sys_after_cycle[0] = 196 << 10;
  p.gc_sys_after_cycle[1] = 64 << 10;
  p.other_sys_after_first_gc = 140 << 10;
  p.stack_and_globals_scan = 227'144;   // 615 392 872 − 2 · 307 582 864
  return p;
}

Profile swiss() {
  Profile p;
  p.version = "1.24";
  p.map_impl = MapImpl::Swiss;
  p.malloc_header = true;
  p.max_small_size = 32760;
  p.hmap_size = 48;                     // maps.Map
  p.clear_idiom_when_inlined = true;
  p.baseline_objects = baseline(1, 206, 208, {24, 576});    // 51 640 B, 209 objects
  p.baseline_freed_objects = 6;
  p.baseline_extra_inuse_pages = 31;    // HeapInuse ≈ 327 680 at start
  p.stack_sys = 262'144;
  p.gc_sys_base = 1'511'344;
  p.gc_sys_per_arena = 70'000;
  p.other_sys = 640'555;              // OtherSys 624 195 + the MSpanSys/MCacheSys the model lacks at start
  // GCSys 1 433 KB at start → 1 660 → 1 724 after cycles 1, 2; Sys 6 231 (or 5 975) → 6 551
  // (4 runs of 5; 6 295 in one) → 6 615.
  p.gc_sys_after_cycle[0] = 184 << 10;
  p.gc_sys_after_cycle[1] = 64 << 10;
  p.other_sys_after_first_gc = 136 << 10;
  p.stack_and_globals_scan = 155'554;   // 602 932 946 − 2 · 301 388 696
  return p;
}

const std::vector<Profile>& profiles() {
  static const std::vector<Profile> all = {
      classic("1.19", false), classic("1.20", false), classic("1.21", false),
      classic("1.22", true),  classic("1.23", true),  swiss(),
  };
  return all;
}

}  // namespace

const Profile* profile_for(std::string_view version) {
  for (const Profile& p : profiles())
    if (p.version == version) return &p;
  return nullptr;
}

const std::vector<std::string_view>& supported_versions() {
  static const std::vector<std::string_view> v = [] {
    std::vector<std::string_view> out;
    for (const Profile& p : profiles()) out.push_back(p.version);
    return out;
  }();
  return v;
}

}  // namespace runtime
