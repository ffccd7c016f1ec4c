// profile.cpp — the Go releases the simulator offers (see profile.h).
//
// Each release is written as the release before it plus what changed, so that a reader can
// follow the runtime's history down the file; engine/runtime/README.md gives, per release,
// the source of each change (the release's internal/runtime/maps, runtime/malloc.go,
// mgc*.go, mheap.go, proc.go) and the figures measured on this project's machine against the
// release's own toolchain (linux/amd64, environment GOMAXPROCS=2 only).
//
// The baselines are the runtime's objects at the start of main of a program that imports fmt
// and runtime, as runtime.MemStats.BySize lists them (size class → objects), the median of
// several runs; they sum to the measured Alloc and HeapObjects.
#include "engine/runtime/profile.h"

#include <initializer_list>
#include <utility>

namespace runtime {
namespace {

// by_size lists the objects of MemStats.BySize rows {size, objects}: the baseline as measured.
std::vector<uint64_t> by_size(std::initializer_list<std::pair<uint64_t, uint64_t>> rows) {
  std::vector<uint64_t> v;
  for (const auto& [size, n] : rows) v.insert(v.end(), n, size);
  return v;
}

// Go 1.19: classic bucket maps (runtime/map.go), the per-arena heap bitmap in GCSys.
Profile go119() {
  Profile p;
  p.version = "1.19";
  p.toolchain = "go1.19.8";
  p.changes = "classic bucket maps (runtime/map.go), a heap bitmap per arena in GCSys";
  p.map_impl = MapImpl::Classic;
  p.malloc_header = false;
  p.max_small_size = 32768;
  p.hmap_size = 48;
  p.clear_idiom_when_inlined = false;
  p.build_failure_exit_status = 2;
  // 42 408 B in 92 objects and 2 tiny allocations (the mode of 14 runs; 42 408–44 472 B),
  // measured in a go 1.19 module with GOMAXPROCS=2 alone (engine/runtime/README.md).
  p.baseline_objects = by_size({{8, 5}, {16, 43}, {24, 2}, {32, 1}, {48, 7}, {64, 1}, {80, 1},
                                {96, 5}, {112, 1}, {160, 1}, {208, 3}, {320, 1}, {416, 12},
                                {640, 1}, {1024, 3}, {1792, 2}, {8192, 1}, {9472, 2}});
  p.baseline_freed_objects = 2;
  // The first runtime.GC() frees 8 of them (680 B) and allocates 4 (896 B) for good: Mallocs
  // 94 → 98, Frees 2 → 10, Alloc 42 408 → 42 624 (BySize before and after, 4 runs; the
  // second cycle frees nothing more).
  p.baseline_garbage = by_size({{8, 1}, {16, 3}, {32, 1}, {112, 1}, {160, 1}, {320, 1}});
  p.first_gc_objects = by_size({{32, 2}, {416, 2}});
  p.baseline_extra_inuse_pages = 7;     // HeapInuse 262 144 at start
  p.stack_sys = 229'376;
  // The program starts on P0 in 25 of 150 runs (strconv_keys.go, a runtime printing its
  // page-cache fills): P0's start-up cache holds pages 64–98 of block 64, the program's first
  // 28-page span goes at page 99 (engine/heap/README.md, "Heap growth").
  p.startup_on_p0 = 25.0 / 150;
  p.startup_p0_cache_pages = 35;
  p.gc_sys_base = 7'815'040;
  p.gc_sys_per_arena = 2'690'000;       // heap bitmap + arena metadata per 64 MiB arena
  p.other_sys = 373'244;
  p.buck_hash_sys = 3'492;
  // Sys after runtime.GC() on a small heap, 5 runs (tests/oracle/programs/sys_after_gc.go):
  // GCSys 7 595 KB at start → 7 828 → 7 892 after cycles 1, 2; Sys 12 143 → 12 463 (3 runs;
  // 12 719 in 2, OtherSys 256 KB higher) → 12 527.
  p.gc_sys_after_cycle[0] = 196 << 10;
  p.gc_sys_after_cycle[1] = 64 << 10;
  p.other_sys_after_first_gc = 140 << 10;
  p.stack_and_globals_scan = 227'144;   // 615 392 872 − 2 · 307 582 864
  // The concurrent mark (engine/heap/README.md, "A mark that takes time"): gctrace's scan
  // work over its mark CPU time read 0.6–1.7 B/ns (strconv keys, small strings, pointers_gc;
  // 1.19 and 1.24); a mark of a few hundred KB (stacks, globals, a noscan map) still took
  // 0.2–11 ms of wall clock (0.23–1.5 ms on an idle machine). The program's clock runs ahead
  // of real Go's there (10 ns an operation; a real map insert costs more), so no minimum
  // matches an idle machine best: against three idle clean-clone CI runs of the whole oracle,
  // GC counts off by 32 in all instead of 186 at 0.2 ms (engine/heap/README.md).
  p.mark_scan_bytes_per_ns = 1.0;
  p.mark_min_ns = 0;
  p.rand_source_at_init = true;
  p.rand_seed_is_noop = false;
  p.scavenger.limit_headroom_percent = 0;   // a fixed 1 MiB (mgcpacer.go memoryLimitHeapGoalHeadroom)
  p.scavenger.limit_goal_factor = 95.0;     // memoryLimit * (100.0 - reduceExtraPercent)
  p.scavenger.skips_dense_chunks = false;   // one bit a chunk: any free page may go
  return p;
}

// Go 1.21 (1.20 is packaged by no Debian suite and not offered). Since 1.20 math/rand's
// global source is made on first use, and the heap bitmap is one bit per word (1 MiB per
// 64 MiB arena) instead of 1.19's two (mbitmap.go, mheap.go heapArena).
Profile go121() {
  Profile p = go119();
  p.version = "1.21";
  p.toolchain = "go1.21.13";
  p.changes = "clear(m), min, max; maps double at 6 entries a bucket, not 6.5; range-delete loops cleared in inlined code too; math/rand's global source made on first use; log formats into a pooled buffer";
  // Which P the program starts on was measured on 1.19 only (Profile::startup_on_p0).
  p.startup_on_p0 = 0.0;
  p.startup_p0_cache_pages = 0;
  p.library.numerror_copies_input = true;
  p.library.error_trees = true;
  p.library.static_init_inlined = true;
  p.library.log_buffer_pool = true;
  p.library.sync_map_read_value = false;
  p.library.builder_rune_appends = true;   // strings/builder.go WriteRune: utf8.AppendRune
  p.rand_source_at_init = false;
  p.rand_first_call = {{48, false}, {8, true}, {8, true}, {48, false}, {16, false},    // Rand, sources, setting
                       {48, false}, {208, false}, {16, false}, {16, false}, {8, false}};   // the sync.Map's store
  // 29 944 B in 52 objects (+ 2 tiny allocations), 4 runs of 6; 31 800 B in the others.
  p.baseline_objects = by_size({{8, 4}, {16, 13}, {24, 1}, {32, 1}, {48, 3}, {64, 1}, {80, 1},
                                {96, 5}, {112, 1}, {192, 1}, {208, 2}, {384, 1}, {416, 12},
                                {768, 1}, {1024, 3}, {9472, 2}});
  p.baseline_freed_objects = 2;
  // The first runtime.GC() frees 8 of them (728 B) and allocates 4 (896 B) for good: Mallocs
  // 54 → 58, Frees 2 → 10 (BySize before and after, 3 runs).
  p.baseline_garbage = by_size({{8, 1}, {16, 3}, {32, 1}, {112, 1}, {192, 1}, {384, 1}});
  p.first_gc_objects = by_size({{32, 2}, {416, 2}});
  p.baseline_extra_inuse_pages = 2;    // HeapInuse 196 608 at start
  // GCSys 2 514 624 at start, 2 545 464 once the heap first grows; heapArena is 1 133 584 B
  // (bitmap 1 MiB + noMorePtrs 16 KiB + spans 64 KiB + page bitmaps), and a 1M-entry map
  // fill (10 arenas) measures 1 393 000 per arena beyond the first.
  p.gc_sys_base = 2'545'464;
  p.gc_sys_per_arena = 1'393'000;
  p.other_sys = 408'428;
  p.buck_hash_sys = 3'196;
  // GCSys 2 546 → 2 747 → 2 812 KB after cycles 1, 2 (5 runs); Sys 7 183 376 at start →
  // 7 511 056 (2 runs of 5; 7 773 200 in 3, OtherSys 256 KB higher) → +64 KB.
  p.gc_sys_after_cycle[0] = 196 << 10;
  p.gc_sys_after_cycle[1] = 64 << 10;
  p.other_sys_after_first_gc = 124 << 10;
  p.stack_and_globals_scan = 208'072;   // 615 341 912 − 2 · 307 566 920 (1M-entry fill, deleted, GC)
  // runtime/map.go: loadFactorNum = (bucketCnt * 13 / 16) * loadFactorDen = 6 · 2 (the
  // integer division drops the half): maps double at 6 entries per bucket, not 6.5.
  p.classic.load_factor_num = 12;
  // Since 1.20 gc reads inlined bodies through the unified IR (cmd/compile/internal/noder):
  // the range-delete idiom in an inlined function is a mapclear too.
  p.clear_idiom_when_inlined = true;
  p.build_failure_exit_status = 1;   // cmd/go from Go 1.20: no errPrintedOutput (profile.h)
  // mgcpacer.go: the memory-limit goal's headroom is 3 % of it, at least 1 MiB; mgcscavenge.go:
  // the scavenge index keeps dense chunks from the background scavenger for a cycle.
  p.scavenger.limit_headroom_percent = 3;
  p.scavenger.skips_dense_chunks = true;
  return p;
}

// Go 1.22: the malloc header (runtime/mbitmap.go, GOEXPERIMENT allocheaders on by default):
// pointerful objects over 512 B carry 8 bytes; objects above 32 760 B are large.
Profile go122() {
  Profile p = go121();
  p.g_size = 448;   // sizeof(runtime.g) 424
  p.version = "1.22";
  p.toolchain = "go1.22.12";
  p.changes = "8-byte malloc header on pointerful objects > 512 B (no heap bitmap in GCSys); loop variables per iteration; maps double at 6.5 a bucket again";
  p.library.sort_boxes_slice = false;
  p.library.reflectlite_valueof_escapes = false;
  p.malloc_header = true;
  p.defer_record_bytes = 48;
  p.max_small_size = 32760;
  // runtime/map.go: loadFactorNum = loadFactorDen * bucketCnt * 13 / 16 = 13 again.
  p.classic.load_factor_num = 13;
  // 33 544 B in 53 objects (+ 2 tiny), 5 runs of 6: 1.21's, the pointerful ones over 512 B
  // one size class up (416 → 448, 768 → 896, 1024 → 2048) for their header.
  p.baseline_objects = by_size({{8, 4}, {16, 14}, {24, 1}, {32, 1}, {48, 3}, {64, 1}, {80, 1},
                                {96, 5}, {112, 1}, {192, 1}, {208, 2}, {384, 1}, {448, 12},
                                {896, 1}, {2048, 3}, {9472, 2}});
  // The first runtime.GC() frees 9 (744 B) and allocates 4 (960 B): Frees 2 → 11.
  p.baseline_garbage = by_size({{8, 1}, {16, 4}, {32, 1}, {112, 1}, {192, 1}, {384, 1}});
  p.first_gc_objects = by_size({{32, 2}, {448, 2}});
  p.baseline_extra_inuse_pages = 2;    // HeapInuse 196 608
  p.stack_sys = 262'144;
  // No heap bitmap in heapArena any more (small objects keep theirs in the span, larger ones
  // in their header: mbitmap_allocheaders.go): 68 624 B per arena; a 1M-entry fill measures
  // 94 000 per arena beyond the first. GCSys 1 449 664 at start, 1 480 504 once the heap grows.
  p.gc_sys_base = 1'480'504;
  p.gc_sys_per_arena = 94'000;
  p.other_sys = 405'231;
  p.buck_hash_sys = 6'393;
  // GCSys 1 481 → 1 682 → 1 747 KB after cycles 1, 2; Sys 6 118 416 → 6 446 096 (3 runs of
  // 5; 6 708 240 in 2) → +64 KB.
  p.stack_and_globals_scan = 412'648;   // 615 570 168 − 2 · 307 578 760
  // mgcscavenge.go gcPaceScavenger: memoryLimit * (1 - reduceExtraPercent/100.0), 95 %.
  p.scavenger.limit_goal_factor = 0.95;
  return p;
}

// Go 1.23: map.go unchanged for a program; more runtime objects at the start of main, and
// the same Sys in other parts (BuckHashSys smaller, GCSys and OtherSys as much larger).
Profile go123() {
  Profile p = go122();
  p.hchan_size = 104;
  p.timer_bytes = 112;
  p.sleep_timer_bytes = 96;   // time.go's timer rewrite: the timer's own lock and state
  p.timer_heap_elem = 16;     // ts.heap []timerWhen
  p.version = "1.23";
  p.library.crypto_first_read = {112, 16};   // the runtime's timeTimer (time/sleep.go newTimer, Go 1.23)
  p.toolchain = "go1.23.5";
  p.changes = "";
  p.library.sync_map_clear = true;   // sync/map.go (*Map).Clear
  p.library.fmtsort_pairs = true;   // internal/fmtsort: SortedMap []KeyValue
  p.library.builder_grow_rounds_up = true;   // runtime/slice.go bytealg_MakeNoZero: roundupsize
  // 42 392 B in 75 objects (+ 5 tiny), 4 runs of 6; 42 376 B in 74 (+ 6) in the others.
  p.baseline_objects = by_size({{8, 8}, {16, 20}, {24, 1}, {32, 1}, {48, 5}, {64, 3}, {96, 5},
                                {112, 1}, {128, 1}, {192, 1}, {208, 2}, {384, 1}, {448, 12},
                                {896, 1}, {1152, 8}, {1792, 3}, {9472, 2}});
  p.baseline_freed_objects = 5;
  // The first runtime.GC() frees 12 (952 B) and allocates 7 (1 104 B): Mallocs 80 → 87,
  // Frees 5 → 17, Alloc 42 392 → 42 544.
  p.baseline_garbage = by_size({{8, 1}, {16, 6}, {32, 1}, {112, 1}, {128, 1}, {192, 1}, {384, 1}});
  p.first_gc_objects = by_size({{16, 2}, {32, 2}, {112, 1}, {448, 2}});
  p.baseline_extra_inuse_pages = 1;    // HeapInuse 212 992
  p.other_sys = 409'264;
  p.buck_hash_sys = 2'360;
  // Sys 6 118 416 at start (half the runs: 6 380 560, OtherSys 256 KB higher) → 6 446 096
  // after cycle 1 in every run → +64 KB.
  p.stack_and_globals_scan = 154'616;   // 615 329 384 − 2 · 307 587 384
  return p;
}

// Go 1.24: Swiss-table maps (internal/runtime/maps), rand.Seed a no-op.
Profile go124() {
  Profile p = go123();
  p.version = "1.24";
  p.library.crypto_read_escapes = false;   // crypto/rand.Read reads *reader directly (crypto/rand/rand.go)
  p.library.sort_xorshift_64 = true;   // slices/sort.go xorshift.Next: *r ^= *r >> 7; *r ^= *r << 17
  p.library.crypto_first_read = {176, 112, 16};
  p.toolchain = "go1.24.4";
  p.changes = "Swiss-table maps (internal/runtime/maps); rand.Seed does nothing";
  p.library.sync_map = SyncMapImpl::HashTrie;   // internal/sync/hashtriemap.go
  p.library.atomic_noescape = true;   // sync/atomic/doc.go: //go:noescape
  p.map_impl = MapImpl::Swiss;
  p.hmap_size = 48;                     // maps.Map
  // 43 528 B in 75 objects, 5 tiny allocations (3 runs of 5 in a go 1.24 module; 43 512 and
  // 48 760 B in the others). A go 1.19 module measured 51 640 B in 209 (its GODEBUG defaults).
  p.baseline_objects = by_size({{8, 8}, {16, 19}, {24, 1}, {32, 1}, {48, 5}, {64, 3}, {96, 5},
                                {112, 1}, {128, 1}, {160, 1}, {208, 2}, {224, 1}, {448, 13},
                                {1024, 1}, {1152, 8}, {2048, 3}, {9472, 2}});
  p.baseline_freed_objects = 5;
  // The first runtime.GC() frees 12 of them and allocates 7: Mallocs 80 → 87, Frees 5 → 17,
  // Alloc 43 528 → 43 584 (BySize before and after, 3 runs).
  p.baseline_garbage = by_size({{8, 1}, {16, 6}, {32, 1}, {112, 1}, {128, 1}, {224, 1}, {448, 1}});
  p.first_gc_objects = by_size({{16, 2}, {32, 2}, {112, 1}, {448, 2}});
  p.baseline_extra_inuse_pages = 3;     // HeapInuse 204 800–245 760 at start
  p.stack_sys = 262'144;
  p.gc_sys_base = 1'511'344;
  p.gc_sys_per_arena = 70'000;
  p.other_sys = 640'555;              // OtherSys 624 195 + the MSpanSys/MCacheSys the model lacks at start
  p.buck_hash_sys = 2'373;
  // GCSys 1 433 KB at start → 1 660 → 1 724 after cycles 1, 2; Sys 6 231 (or 5 975) → 6 551
  // (4 runs of 5; 6 295 in one) → 6 615.
  p.gc_sys_after_cycle[0] = 184 << 10;
  p.gc_sys_after_cycle[1] = 64 << 10;
  p.other_sys_after_first_gc = 136 << 10;
  p.stack_and_globals_scan = 155'554;   // 602 932 946 − 2 · 301 388 696
  p.rand_seed_is_noop = true;
  p.rand_first_call = {{48, false}, {8, true}, {8, true}, {48, false}, {16, false}, {48, false}};
  p.typeparam_cannot_use_operator = true;
  p.rangefunc_param_inlines = true;
  return p;
}

// Go 1.25: a full table prunes its tombstones before it grows (table.pruneTombstones);
// maps.Clone copies the directory and tables ((*Map).Clone); clear(m) also clears an empty
// map's tombstones (Map.tombstonePossible). The heap profiler's bucket hash (1.44 MB,
// runtime/mprof.go buckhashArray) exists before main: the first memory-profile sample now
// falls during start-up (GODEBUG=memprofilerate=0 brings BuckHashSys back to 2 KB).
Profile go125() {
  Profile p = go124();
  p.allgs_len = 6;   // one more runtime goroutine before main
  // its stack too at every GC: a goroutine parked 68 calls of 112 B deep (not 60) makes new
  // ones start at 4 KiB (adaptivestackstart, 1.25–1.27)
  p.runtime_stacks_scanned = 1500;
  p.version = "1.25";
  p.toolchain = "go1.25.12";
  p.changes = "tombstones pruned before a table grows; maps.Clone copies every table; clear(m) drops an emptied map's tombstones; a first append to a local slice uses a 32-byte stack buffer";
  p.library.numerror_error_quotes_apart = false;
  p.library.panic_marks_repanicked = true;
  p.library.pull_state_struct = true;   // iter.Pull's state in one struct (iter/iter.go)
  p.swiss.prune_tombstones = true;
  p.swiss.clone_copies_tables = true;
  p.swiss.clear_drops_tombstones = true;
  // The compiler gives a non-escaping slice a 32-byte stack buffer at its first append
  // (cmd/compile/internal/ssagen/ssa.go append, base.Debug.VariableMakeThreshold = 32).
  p.stack_buffer_bytes = 32;
  p.static_local_literals = true;
  p.heap_scalars_aggregated = 16;   // ssagen/ssa.go maxAggregatedHeapAllocation
  // 46 680 B in 72 objects, 3 tiny allocations (the mode of 5 runs; 46 680–51 928 B).
  p.baseline_objects = by_size({{8, 6}, {16, 14}, {24, 3}, {32, 1}, {48, 5}, {64, 2}, {96, 5},
                                {112, 1}, {128, 1}, {160, 1}, {208, 2}, {224, 1}, {448, 14},
                                {1024, 1}, {1152, 10}, {2048, 3}, {9728, 2}});
  p.baseline_freed_objects = 3;
  // The first runtime.GC() frees 14 of them (3 352 B) and allocates 7 (2 064 B) for good:
  // Mallocs 75 → 82, Frees 3 → 17, Alloc 46 680 → 45 392 (BySize before and after, 3 runs).
  p.baseline_garbage = by_size({{8, 1}, {16, 6}, {32, 1}, {112, 1}, {128, 1}, {224, 1}, {448, 1},
                                {1152, 2}});
  p.first_gc_objects = by_size({{16, 2}, {112, 1}, {448, 2}, {512, 2}});
  p.baseline_extra_inuse_pages = 4;     // HeapInuse 196 608–245 760 at start
  p.other_sys = 641'340;               // Sys 7 821 576 at start (the usual figure)
  p.buck_hash_sys = 1'442'604;
  // sys_after_gc.go, 3 runs: GCSys 1 431 KB at start, 1 464 filled → 1 664 → 1 730 after
  // cycles 1, 2; Sys 7 382 or 7 638 at start (OtherSys differs by one 256 KB chunk) → 7 958
  // (7 702 in one run) → 8 022.
  p.gc_sys_after_cycle[0] = 200 << 10;
  p.other_sys_after_first_gc = 120 << 10;
  return p;
}

// Go 1.26: the Green Tea garbage collector is the default (GOEXPERIMENT greenteagc,
// runtime/mgcmark_greenteagc.go): its span queues and per-span inline mark bits add to
// GCSys from the first cycle. The heap's base address is random (GOEXPERIMENT
// randomizedheapbase64, malloc.go mallocinit and mheap.grow; the same in 1.27): the first
// grow starts the heap at a random 4 MiB chunk of its first 64 MiB arena and marks the
// first 0–511 pages of that chunk as padding (pageAlloc.markRandomPaddingPages), drawn
// here from the run's seed (Heap::Heap). When the padding leaves too little room for the
// start-up spans the heap maps a second chunk before main (HeapSys 8.1 MB instead of 3.9).
Profile go126() {
  Profile p = go125();
  p.g_size = 480;       // sizeof(runtime.g) 456
  p.sudog_size = 112;   // sizeof(runtime.sudog) 104
  p.frame_spill = 0;    // gc's frames lose a spill slot around calls (stack_growth.go's deep: $88, was $96)
  p.version = "1.26";
  p.toolchain = "go1.26.10";
  p.changes = "the Green Tea garbage collector by default; a random heap base; appended slices on the stack until they escape";
  p.slice_move2heap = true;
  p.random_heap_base = true;
  p.startup_idle_pcache = 295.0 / 400;   // runs with P1's cache filled before main
  // 60 696 B in 77 objects, 3 tiny allocations (the mode of 5 runs; 60 696–66 016 B).
  p.baseline_objects = by_size({{8, 10}, {16, 15}, {24, 3}, {32, 1}, {48, 5}, {64, 2}, {96, 4},
                                {112, 2}, {128, 1}, {160, 1}, {208, 2}, {256, 1}, {480, 13},
                                {512, 1}, {1152, 11}, {2048, 3}, {16384, 2}});
  // First runtime.GC(): Mallocs 80 → 87, Frees 3 → 17, Alloc 60 696 → 59 376.
  p.baseline_garbage = by_size({{8, 1}, {16, 6}, {32, 1}, {112, 1}, {128, 1}, {256, 1}, {512, 1},
                                {1152, 2}});
  p.first_gc_objects = by_size({{16, 2}, {112, 1}, {480, 2}, {512, 2}});
  p.baseline_extra_inuse_pages = 7;     // HeapInuse 196 608–245 760 at start
  p.gc_sys_base = 1'515'520;
  p.other_sys = 637'133;               // Sys 7 821 576 at start
  p.buck_hash_sys = 1'442'635;
  // sys_after_gc.go, 3 runs: GCSys 1 444 KB at start, 1 470 filled → 1 693 or 1 717 → 1 759
  // or 1 783; Sys 7 638 → 7 702–7 966 → 7 766–8 030.
  p.gc_sys_after_cycle[0] = 235 << 10;
  p.other_sys_after_first_gc = 88 << 10;
  return p;
}

// Go 1.27: a small map's update of an existing key no longer makes it a table
// (Map.PutSlot: putSlotSmall first); runtime_mapassign_fast64ptr prunes tombstones as the
// other assignments have since 1.25 (runtime_fast64.go).
Profile go127() {
  Profile p = go126();
  p.first_goid = 17;
  p.version = "1.27";
  p.toolchain = "go1.27.3";
  p.changes = "a small map updates an existing key without becoming a table; a map keyed by pointers prunes its tombstones too; fmt's printer 32 B smaller; a call through a local assigned only function names keeps its arguments on the stack";
  p.library.range_error_made_twice = false;
  p.library.fmt_printer_bytes = 176;
  p.swiss.small_map_updates_in_place = true;
  p.swiss.prune_tombstones_fast64ptr = true;
  p.callees_from_assignments = true;
  // 60 520 B in 74 objects, 3 tiny allocations (the mode of 5 runs; 60 520–65 840 B).
  p.baseline_objects = by_size({{8, 8}, {16, 15}, {24, 3}, {32, 1}, {48, 5}, {64, 2}, {96, 4},
                                {112, 2}, {128, 1}, {208, 2}, {256, 1}, {480, 13}, {512, 1},
                                {1152, 11}, {2048, 3}, {16384, 2}});
  // First runtime.GC(): Mallocs 77 → 86, Frees 3 → 17, Alloc 60 520 → 59 328 (garbage as 1.26).
  p.first_gc_objects = by_size({{16, 3}, {112, 2}, {480, 2}, {512, 2}});
  p.baseline_extra_inuse_pages = 8;     // HeapInuse 188 416–237 568 at start
  p.buck_hash_sys = 1'442'522;
  return p;
}

const std::vector<Profile>& profiles() {
  static const std::vector<Profile> all = {go119(), go121(), go122(), go123(),
                                           go124(), go125(), go126(), go127()};
  return all;
}

}  // namespace

const Profile* profile_for(std::string_view version) {
  for (const Profile& p : profiles())
    if (p.version == version) return &p;
  return nullptr;
}

const Profile& profile_for_minor(int go_minor) {
  const Profile* best = &profiles().front();
  for (const Profile& p : profiles())
    if (p.go_minor() <= go_minor) best = &p;
  return *best;
}

const std::vector<std::string_view>& supported_versions() {
  static const std::vector<std::string_view> v = [] {
    std::vector<std::string_view> out;
    for (const Profile& p : profiles()) out.push_back(p.version);
    return out;
  }();
  return v;
}

std::string_view default_version() { return profiles().back().version; }

}  // namespace runtime
