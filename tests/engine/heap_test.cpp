// heap_test.cpp — size classes, mallocgc paths, sweeping, pacing and MemStats.
#include <gtest/gtest.h>

#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/heap/heap.h"
#include "engine/runtime/profile.h"

namespace {

const runtime::Profile& go119() { return *runtime::profile_for("1.19"); }
const runtime::Profile& go124() { return *runtime::profile_for("1.24"); }

TEST(SizeClasses, MatchGoTable) {
  // Spot checks against runtime/sizeclasses.go (class, bytes/obj, bytes/span, objects).
  struct Row { int cls; uint32_t size, span, objs; };
  const Row rows[] = {{1, 8, 8192, 1024},   {5, 48, 8192, 170},     {11, 144, 8192, 56},
                      {15, 208, 8192, 39},  {33, 1152, 8192, 7},    {35, 1408, 16384, 11},
                      {52, 9472, 57344, 6}, {60, 18432, 73728, 4},  {67, 32768, 32768, 1}};
  for (const Row& r : rows) {
    const auto& c = heap::kSizeClasses[static_cast<size_t>(r.cls)];
    EXPECT_EQ(c.size, r.size) << r.cls;
    EXPECT_EQ(c.npages * 8192, r.span) << r.cls;
    EXPECT_EQ(c.nobjs, r.objs) << r.cls;
  }
  for (int i = 2; i < heap::kNumSizeClasses; ++i) {
    const auto& c = heap::kSizeClasses[static_cast<size_t>(i)];
    EXPECT_GT(c.size, heap::kSizeClasses[static_cast<size_t>(i - 1)].size);
    EXPECT_EQ(c.nobjs, c.npages * 8192 / c.size);
  }
}

TEST(SizeClasses, Rounding) {
  heap::Heap h(go119());
  EXPECT_EQ(h.footprint(1104, true), 1152u);      // map[int][128]byte bucket
  EXPECT_EQ(h.footprint(144, true), 144u);
  EXPECT_EQ(h.footprint(129, true), 144u);
  EXPECT_EQ(h.footprint(32768, true), 32768u);
  EXPECT_EQ(h.footprint(32769, true), 40960u);    // large: whole pages
  EXPECT_EQ(h.footprint(307494912, true), 307494912u);
  EXPECT_EQ(h.roundupsize(3952, false), 4096u);
  // Go 1.22+: pointerful objects over 512 B carry an 8-byte header.
  heap::Heap h24(go124());
  EXPECT_EQ(h24.footprint(17408, false), 18432u);
  EXPECT_EQ(h24.footprint(17408, true), 18432u);
  EXPECT_EQ(h24.footprint(16384, false), 18432u);
  EXPECT_EQ(h24.footprint(16384, true), 16384u);
  EXPECT_EQ(h24.roundupsize(16384, false), 18424u);
  EXPECT_EQ(h24.footprint(32761, true), 32768u);  // large from 32 761 on: 4 whole pages
  EXPECT_EQ(h24.footprint(40000, true), 40960u);
}

TEST(Heap, BaselinesOfGo119And124MatchTheirBySize) {
  // The probe (engine/runtime/README.md): ReadMemStats first thing in main, then after one
  // and two runtime.GC() with nothing printed in between; go.mod at the release's own
  // version, environment GOMAXPROCS=2 only.
  struct Real {
    const char* version;
    uint64_t alloc, objects, mallocs, sys, heap_inuse;
    std::vector<std::pair<uint32_t, uint64_t>> by_size;   // size class → objects
    uint64_t alloc_gc, mallocs_gc, frees_gc;              // after the first runtime.GC()
  };
  const Real reals[] = {
      {"1.19", 42408, 92, 94, 12434448, 262144,
       {{8, 5}, {16, 43}, {24, 2}, {32, 1}, {48, 7}, {64, 1}, {80, 1}, {96, 5}, {112, 1},
        {160, 1}, {208, 3}, {320, 1}, {416, 12}, {640, 1}, {1024, 3}, {1792, 2}, {8192, 1},
        {9472, 2}},
       42624, 98, 10},
      {"1.24", 43528, 75, 80, 6380560, 245760,
       {{8, 8}, {16, 19}, {24, 1}, {32, 1}, {48, 5}, {64, 3}, {96, 5}, {112, 1}, {128, 1},
        {160, 1}, {208, 2}, {224, 1}, {448, 13}, {1024, 1}, {1152, 8}, {2048, 3}, {9472, 2}},
       43584, 87, 17},
  };
  for (const Real& r : reals) {
    heap::Heap h(*runtime::profile_for(r.version));
    h.set_root_scanner([](heap::Marker&) {});
    const heap::MemStats m = h.read_memstats();
    EXPECT_EQ(m.Alloc, r.alloc) << r.version;
    EXPECT_EQ(m.TotalAlloc, r.alloc) << r.version;
    EXPECT_EQ(m.HeapObjects, r.objects) << r.version;
    EXPECT_EQ(m.Mallocs, r.mallocs) << r.version;
    // HeapInuse: real Go's usual figure, within the 204 800–262 144 it spans over runs.
    EXPECT_NEAR(static_cast<double>(m.HeapInuse), static_cast<double>(r.heap_inuse), 24576.0) << r.version;
    EXPECT_EQ(m.HeapSys + m.StackSys, 4u << 20) << r.version;
    EXPECT_EQ(m.NextGC, 4194304u) << r.version;
    EXPECT_NEAR(static_cast<double>(m.Sys), static_cast<double>(r.sys), r.sys * 0.01) << r.version;
    std::vector<std::pair<uint32_t, uint64_t>> by_size;
    for (const heap::SizeClassStats& c : h.read_by_size())
      if (c.Mallocs) by_size.emplace_back(c.Size, c.Mallocs);
    EXPECT_EQ(by_size, r.by_size) << r.version;
    // The first cycle frees the start-up garbage and makes the collector's objects; the
    // second changes nothing.
    for (int cycle = 0; cycle < 2; ++cycle) {
      h.gc();
      const heap::MemStats g = h.read_memstats();
      EXPECT_EQ(g.Alloc, r.alloc_gc) << r.version << " cycle " << cycle;
      EXPECT_EQ(g.Mallocs, r.mallocs_gc) << r.version << " cycle " << cycle;
      EXPECT_EQ(g.Frees, r.frees_gc) << r.version << " cycle " << cycle;
      EXPECT_EQ(g.Alloc, runtime::profile_for(r.version)->runtime_alloc_after_gc()) << r.version;
    }
    EXPECT_EQ(h.check_invariants(), "") << r.version;
  }
}

TEST(Heap, BaselinesOfGo121To123MatchTheirBySize) {
  // The probe (engine/runtime/README.md): ReadMemStats first thing in main, fmt and runtime
  // imported, go.mod at the release's own version, environment GOMAXPROCS=2 only.
  struct Real {
    const char* version;
    uint64_t alloc, objects, mallocs, sys, heap_inuse, stack_sys, buck_hash;
    std::vector<std::pair<uint32_t, uint64_t>> by_size;   // size class → objects
    uint64_t mallocs_gc, frees_gc;                        // after the first runtime.GC()
  };
  const Real reals[] = {
      {"1.21", 29944, 52, 54, 7183376, 196608, 229376, 3196,
       {{8, 4}, {16, 13}, {24, 1}, {32, 1}, {48, 3}, {64, 1}, {80, 1}, {96, 5}, {112, 1},
        {192, 1}, {208, 2}, {384, 1}, {416, 12}, {768, 1}, {1024, 3}, {9472, 2}},
       58, 10},
      {"1.22", 33544, 53, 55, 6118416, 196608, 262144, 6393,
       {{8, 4}, {16, 14}, {24, 1}, {32, 1}, {48, 3}, {64, 1}, {80, 1}, {96, 5}, {112, 1},
        {192, 1}, {208, 2}, {384, 1}, {448, 12}, {896, 1}, {2048, 3}, {9472, 2}},
       59, 11},
      {"1.23", 42392, 75, 80, 6118416, 212992, 262144, 2360,
       {{8, 8}, {16, 20}, {24, 1}, {32, 1}, {48, 5}, {64, 3}, {96, 5}, {112, 1}, {128, 1},
        {192, 1}, {208, 2}, {384, 1}, {448, 12}, {896, 1}, {1152, 8}, {1792, 3}, {9472, 2}},
       87, 17},
  };
  for (const Real& r : reals) {
    heap::Heap h(*runtime::profile_for(r.version));
    const heap::MemStats m = h.read_memstats();
    EXPECT_EQ(m.Alloc, r.alloc) << r.version;
    EXPECT_EQ(m.HeapObjects, r.objects) << r.version;
    EXPECT_EQ(m.Mallocs, r.mallocs) << r.version;
    EXPECT_EQ(m.Sys, r.sys) << r.version;
    EXPECT_EQ(m.HeapInuse, r.heap_inuse) << r.version;
    EXPECT_EQ(m.StackSys, r.stack_sys) << r.version;
    EXPECT_EQ(m.BuckHashSys, r.buck_hash) << r.version;
    std::vector<std::pair<uint32_t, uint64_t>> by_size;
    for (const heap::SizeClassStats& c : h.read_by_size())
      if (c.Mallocs) by_size.emplace_back(c.Size, c.Mallocs);
    EXPECT_EQ(by_size, r.by_size) << r.version;
    // The first runtime.GC(): Mallocs, Frees (BySize before and after, 3 runs each).
    h.set_root_scanner([](heap::Marker&) {});
    h.gc();
    EXPECT_EQ(h.read_memstats().Mallocs, r.mallocs_gc) << r.version;
    EXPECT_EQ(h.read_memstats().Frees, r.frees_gc) << r.version;
    EXPECT_EQ(h.check_invariants(), "");
  }
}

TEST(Heap, BaselineOfEachSwissReleaseIsItsMeasuredStartOfMain) {
  // runtime.MemStats at the start of main, GOMAXPROCS=2 (engine/runtime/README.md): Alloc and
  // HeapObjects from BySize, Sys the usual figure (7 821 576; the 256 KB OtherSys chunk and
  // 1.26+'s random heap padding give 7 559 432 or 12 015 880 in other runs).
  struct Row { const char* v; uint64_t alloc, objects, mallocs, buckhash; };
  const Row rows[] = {{"1.25", 46680, 72, 75, 1442604},
                      {"1.26", 60696, 77, 80, 1442635},
                      {"1.27", 60520, 74, 77, 1442522}};
  for (const Row& r : rows) {
    const runtime::Profile& p = *runtime::profile_for(r.v);
    heap::Heap h(p);
    const heap::MemStats m = h.read_memstats();
    EXPECT_EQ(p.baseline_alloc(), r.alloc) << r.v;
    EXPECT_EQ(m.Alloc, r.alloc) << r.v;
    EXPECT_EQ(m.HeapObjects, r.objects) << r.v;
    EXPECT_EQ(m.Mallocs, r.mallocs) << r.v;
    EXPECT_EQ(m.BuckHashSys, r.buckhash) << r.v;
    EXPECT_NEAR(static_cast<double>(m.Sys), 7821576.0, 1024.0) << r.v;
    EXPECT_NEAR(static_cast<double>(m.HeapInuse), 229376.0, 16384.0) << r.v;
    EXPECT_EQ(h.check_invariants(), "") << r.v;
  }
}

TEST(Heap, TinyAllocatorPacksSmallNoscanObjects) {
  heap::Heap h(go119());
  const auto before = h.read_memstats();
  const heap::ObjId a = h.alloc(8, true);
  const heap::ObjId b = h.alloc(8, true);    // fits in the same 16-byte block
  const heap::ObjId c = h.alloc(8, true);    // new block
  EXPECT_EQ(a, b);
  EXPECT_NE(b, c);
  const auto after = h.read_memstats();
  EXPECT_EQ(after.TotalAlloc - before.TotalAlloc, 32u);
  EXPECT_EQ(after.Mallocs - before.Mallocs, 3u);
  EXPECT_EQ(after.HeapObjects - before.HeapObjects, 2u);
  EXPECT_EQ(h.check_invariants(), "");
}

TEST(Heap, BySizeCountsSmallObjectsPerSizeClass) {
  heap::Heap h(go119());
  std::vector<heap::ObjId> keep;
  h.set_root_scanner([&](heap::Marker& m) { for (auto o : keep) m.mark(o); });
  h.gc();   // the start-up garbage (Profile::baseline_garbage) out of the way
  const heap::BySize before = h.read_by_size();
  for (int i = 0; i < 300; ++i) {
    const heap::ObjId o = h.alloc(100, true);   // size class 9 (112 bytes)
    if (i % 3 == 0) keep.push_back(o);
  }
  h.alloc(8, true);         // tiny: counted as its 16-byte block (class 2), once
  h.alloc(8, true);
  h.alloc(1 << 20, true);   // large: not in BySize
  h.gc();
  const heap::BySize after = h.read_by_size();
  EXPECT_EQ(after[9].Size, 112u);
  EXPECT_EQ(after[9].Mallocs - before[9].Mallocs, 300u);
  EXPECT_EQ(after[9].Frees - before[9].Frees, 200u);
  EXPECT_EQ(after[2].Mallocs - before[2].Mallocs, 1u);
  EXPECT_EQ(after[0].Size, 0u);
  EXPECT_EQ(after[0].Mallocs, 0u);
}

TEST(Heap, GcFreesUnreachableAndKeepsRoots) {
  heap::Heap h(go119());
  std::vector<heap::ObjId> keep;
  h.set_root_scanner([&](heap::Marker& m) { for (auto o : keep) m.mark(o); });
  const uint64_t base = h.read_memstats().Alloc;
  for (int i = 0; i < 1000; ++i) {
    const heap::ObjId o = h.alloc(128, true);
    if (i % 2 == 0) keep.push_back(o);
  }
  const heap::ObjId big = h.alloc(1 << 20, true);
  EXPECT_EQ(h.read_memstats().Alloc, base + 1000 * 128 + (1 << 20));
  h.gc();
  const auto m = h.read_memstats();
  // The runtime's heap after its first cycle (Profile::baseline_garbage, first_gc_objects).
  EXPECT_EQ(m.Alloc, go119().runtime_alloc_after_gc() + 500 * 128);
  EXPECT_EQ(m.NumGC, 1u);
  EXPECT_EQ(m.NumForcedGC, 1u);
  EXPECT_FALSE(h.is_live(big));
  EXPECT_TRUE(h.is_live(keep[3]));
  EXPECT_EQ(h.check_invariants(), "");
  // Freed slots are reused before new spans are taken.
  const uint64_t inuse = m.HeapInuse;
  for (int i = 0; i < 400; ++i) h.alloc(128, true);
  EXPECT_EQ(h.read_memstats().HeapInuse, inuse);
}

TEST(Heap, FirstCyclesGrowGcSysThenItStays) {
  // Real Go on a small heap: Sys 12 143 → 12 463 → 12 527 → 12 527 KB (1.19), 7 015 → 7 335
  // → 7 399 (1.21), 5 975 → 6 295 → 6 359 (1.22, 1.23), 6 231 → 6 551 → 6 615 → 6 615 KB
  // (1.24), 7 638 → 7 958 → 8 022 (1.25), 7 638 → 7 958–7 966 → 8 030 (1.26, Green Tea)
  // across three runtime.GC() calls (programs/sys_after_gc.go).
  const std::map<std::string_view, uint64_t> first = {{"1.19", 336}, {"1.21", 320}, {"1.22", 320},
                                                      {"1.23", 320}, {"1.24", 320}, {"1.25", 320},
                                                      {"1.26", 323}};
  for (const auto& [version, kb] : first) {
    const runtime::Profile* p = runtime::profile_for(version);
    heap::Heap h(*p);
    std::vector<uint64_t> sys_kb{h.read_memstats().Sys >> 10};
    for (int i = 0; i < 3; ++i) {
      h.gc();
      sys_kb.push_back(h.read_memstats().Sys >> 10);
    }
    EXPECT_EQ(sys_kb[1] - sys_kb[0], kb) << p->version;
    EXPECT_EQ(sys_kb[2] - sys_kb[1], 64u) << p->version;
    EXPECT_EQ(sys_kb[3], sys_kb[2]) << p->version;
  }
}

TEST(Heap, AutomaticCyclesFollowGogc) {
  heap::Heap h(go119());
  std::vector<heap::ObjId> keep;
  h.set_root_scanner([&](heap::Marker& m) { for (auto o : keep) m.mark(o); });
  // 64 MiB of live 1 KiB objects: with GOGC=100 the heap doubles between cycles, so
  // 4 → 8 → 16 → 32 → 64 MiB takes about 5 cycles.
  for (int i = 0; i < 65536; ++i) keep.push_back(h.alloc(1024, true));
  const auto m = h.read_memstats();
  EXPECT_GE(m.NumGC, 4u);
  EXPECT_LE(m.NumGC, 6u);
  EXPECT_GT(m.NextGC, m.HeapAlloc);
  // GOGC=50: the goal is 1.5× the marked heap.
  h.set_gc_percent(50);
  h.gc();
  const auto g = h.read_memstats();
  EXPECT_NEAR(static_cast<double>(g.NextGC), 1.5 * static_cast<double>(g.HeapAlloc),
              0.01 * static_cast<double>(g.HeapAlloc));
  // GOGC=off: no automatic cycle whatever is allocated.
  h.set_gc_percent(-1);
  const uint32_t n = h.read_memstats().NumGC;
  for (int i = 0; i < 100000; ++i) h.alloc(1024, true);
  EXPECT_EQ(h.read_memstats().NumGC, n);
  EXPECT_EQ(h.check_invariants(), "");
}

TEST(Heap, LargeObjectsGrowTheHeapInChunks) {
  heap::Heap h(go119());
  h.set_gc_percent(-1);
  const uint64_t sys0 = h.read_memstats().HeapSys;
  h.alloc(100ull << 20, true);
  EXPECT_EQ(h.read_memstats().HeapSys - sys0, 100ull << 20);
  h.alloc((10ull << 20) + 1, true);
  EXPECT_EQ(h.read_memstats().HeapSys - sys0, (100ull << 20) + (12ull << 20));
}

TEST(Heap, RandomHeapBaseOfGo126PadsTheFirstChunkFromTheSeed) {
  // mheap.go grow (Go 1.26+, engine/heap/README.md "Heap growth"): 0–511 pages of padding
  // before the first span, and a random 4 MiB chunk of the first arena, both from the seed.
  const runtime::Profile& p125 = *runtime::profile_for("1.25");
  const runtime::Profile& p126 = *runtime::profile_for("1.26");
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    heap::Heap h(p125, seed);
    EXPECT_EQ(h.heap_base_padding(), 0u);
    EXPECT_EQ(h.arena_offset_chunks(), 0u);
  }
  // The seed decides, and the same seed decides the same (seed 1: 84 pages, chunk 6).
  EXPECT_EQ(heap::Heap(p126, 1).heap_base_padding(), 84u);
  EXPECT_EQ(heap::Heap(p126, 1).arena_offset_chunks(), 6u);
  std::map<uint64_t, uint64_t> seed_of_padding, seed_of_offset;
  for (uint64_t seed = 1; seed <= 4000; ++seed) {
    heap::Heap h(p126, seed);
    ASSERT_LT(h.heap_base_padding(), 512u);
    ASSERT_LT(h.arena_offset_chunks(), 16u);
    seed_of_padding.emplace(h.heap_base_padding(), seed);
    seed_of_offset.emplace(h.arena_offset_chunks(), seed);
  }
  EXPECT_GT(seed_of_padding.size(), 480u);   // nearly every padding is drawn
  EXPECT_EQ(seed_of_offset.size(), 16u);
  // Whether the idle P's cache is filled before main is a draw of its own: fixed here.
  runtime::Profile with_idle_pcache = p126, without_idle_pcache = p126;
  with_idle_pcache.startup_idle_pcache = 1.0;
  without_idle_pcache.startup_idle_pcache = 0.0;
  // The padding stays in HeapSys and HeapReleased and no span takes it: a heap padded by
  // 320 pages fits 320 pages less before it maps its next chunk.
  const auto pages_before_growth = [&](uint64_t padding) {
    heap::Heap h(with_idle_pcache, seed_of_padding.at(padding));
    h.set_gc_percent(-1);
    const heap::MemStats m0 = h.read_memstats();
    EXPECT_EQ(m0.HeapSys, 3932160u) << padding;   // the start-up fits in the first chunk
    EXPECT_EQ(m0.HeapReleased, m0.HeapSys - m0.HeapInuse) << padding;   // the padding too
    uint64_t pages = 0;
    while (h.read_memstats().HeapSys == m0.HeapSys) {
      h.alloc(16 * 8192, true);
      pages += 16;
    }
    EXPECT_EQ(h.check_invariants(), "") << padding;
    return pages;
  };
  EXPECT_EQ(pages_before_growth(0) - pages_before_growth(320), 320u);
  // A padding that leaves too little room for the start-up's spans maps a second chunk
  // before main: HeapSys 8 126 464, Sys 12 015 880, as real Go 1.26 reads in those runs.
  {
    heap::Heap h(p126, seed_of_padding.at(500));
    const heap::MemStats m = h.read_memstats();
    EXPECT_EQ(m.HeapSys, 8126464u);
    EXPECT_EQ(m.HeapReleased, m.HeapSys - m.HeapInuse);
    EXPECT_EQ(h.check_invariants(), "");
  }
  // The second P's page cache, filled before main (Profile::startup_idle_pcache): its block
  // must lie past this P's, so a padding from ≈ 400 pages maps a second chunk before main, as
  // in the real runs where P1 filled its cache (390–414; 453 in the others, as without it).
  const auto first_padding_with_a_second_chunk = [&](const runtime::Profile& p) {
    for (uint64_t padding = 0; padding < 512; ++padding) {
      if (!seed_of_padding.count(padding)) continue;
      if (heap::Heap(p, seed_of_padding.at(padding)).read_memstats().HeapSys == 8126464u)
        return padding;
    }
    return uint64_t{512};
  };
  const uint64_t with = first_padding_with_a_second_chunk(with_idle_pcache);
  const uint64_t without = first_padding_with_a_second_chunk(without_idle_pcache);
  EXPECT_GE(with, 385u);   // 390
  EXPECT_LE(with, 415u);
  EXPECT_GE(without, 445u);   // 453
  EXPECT_LE(without, 460u);
  // Which runs fill it is a draw from the seed at real Go's frequency (295 of 400 runs).
  int filled = 0;
  for (uint64_t seed = 1; seed <= 4000; ++seed) filled += heap::Heap(p126, seed).startup_idle_pcache_filled();
  EXPECT_NEAR(filled / 4000.0, 295.0 / 400, 0.025);
  EXPECT_FALSE(heap::Heap(p125, 1).startup_idle_pcache_filled());
  for (uint64_t padding : {with, uint64_t{511}}) {
    if (!seed_of_padding.count(padding)) continue;
    heap::Heap h(with_idle_pcache, seed_of_padding.at(padding));
    EXPECT_EQ(h.read_memstats().HeapSys, 8126464u) << padding;
    EXPECT_EQ(h.check_invariants(), "") << padding;
  }
  // The arena's heapArena metadata (GCSys): a heap starting in its arena's last chunk takes
  // a second arena at its second chunk; one starting at the arena's base only at its 17th.
  for (uint64_t offset : {0u, 15u}) {
    heap::Heap h(p126, seed_of_offset.at(offset));
    h.set_gc_percent(-1);
    const uint64_t gcsys0 = h.read_memstats().GCSys;
    h.alloc(4ull << 20, true);
    EXPECT_EQ(h.read_memstats().GCSys - gcsys0, offset == 15 ? p126.gc_sys_per_arena : 0) << offset;
  }
}

TEST(Heap, Go119ProgramStartsOnP0InADrawOfItsSeed) {
  // Profile::startup_on_p0: on P0 the start-up's page cache holds the 35 low pages of the
  // block after its own, so the page heap's first free run starts 35 pages higher and 16-page
  // spans (too large for a page cache) fit 35 pages fewer before the heap grows; on P1 the
  // program's cache takes that block whole only at its first small span.
  runtime::Profile on_p0 = go119(), on_p1 = go119();
  on_p0.startup_on_p0 = 1.0;
  on_p1.startup_on_p0 = 0.0;
  const auto spans_before_growth = [](const runtime::Profile& p) {
    heap::Heap h(p);
    h.set_gc_percent(-1);
    const uint64_t sys0 = h.read_memstats().HeapSys;
    int spans = 0;
    while (h.read_memstats().HeapSys == sys0) {
      h.alloc(16 * 8192, true);
      ++spans;
    }
    EXPECT_EQ(h.check_invariants(), "");
    return spans;
  };
  EXPECT_TRUE(heap::Heap(on_p0).started_on_p0());
  // On P1 pages 64–511 hold 28 of them, on P0 pages 99–511 hold 25.
  EXPECT_EQ(spans_before_growth(on_p1) - spans_before_growth(on_p0), 3);
  // Real Go 1.19: 25 of 150 runs; seed 1 starts on P1; later releases are not measured.
  int p0 = 0;
  for (uint64_t seed = 1; seed <= 3000; ++seed) p0 += heap::Heap(go119(), seed).started_on_p0();
  EXPECT_NEAR(p0 / 3000.0, 25.0 / 150, 0.02);
  EXPECT_FALSE(heap::Heap(go119(), 1).started_on_p0());
  EXPECT_FALSE(heap::Heap(*runtime::profile_for("1.21"), 6).started_on_p0());
}

TEST(Heap, ResumableCycleKeepsWhatWasReachableWhenItStartedAndAllocatesBlack) {
  // A root scanner that defers its leaves (as the interpreter does with *[128]byte values):
  // the cycle ends only once gc_work has marked them all, and what the program does
  // meanwhile changes nothing of its outcome (engine/heap/README.md, "Resumable cycles").
  auto run = [](bool resumable) {
    heap::Heap h(go119());
    h.set_resumable(resumable);
    std::vector<heap::ObjId> objs;
    std::vector<uint32_t> roots;
    h.set_root_scanner([&](heap::Marker& m) {
      for (uint32_t i : roots) {
        if (m.deferring()) m.defer(i);
        else m.mark(objs[i]);
      }
    });
    h.set_leaf_marker([&](uint32_t i, heap::Marker& m) { m.mark(objs[i]); });
    for (uint32_t i = 0; i < 20000; ++i) {
      objs.push_back(h.alloc(64, true));
      if (i % 2 == 0) roots.push_back(i);
    }
    h.gc(/*resumable=*/true);
    EXPECT_EQ(h.cycle_pending(), resumable);
    // Meanwhile the program drops every root and allocates: nothing it held when the cycle
    // started is freed by it, and the new object is live (allocated black).
    roots.clear();
    const heap::ObjId fresh = h.alloc(64, true);
    EXPECT_EQ(h.check_invariants(), "");
    uint64_t units = 0, calls = 0;
    while (h.cycle_pending()) {
      units += h.gc_work(1);
      ++calls;
      EXPECT_EQ(h.check_invariants(), "");
    }
    EXPECT_EQ(units, resumable ? 10000u : 0u);
    EXPECT_EQ(calls, resumable ? 3u : 0u);   // at least kMinGcWork leaves a call
    EXPECT_TRUE(h.is_live(fresh));
    EXPECT_TRUE(h.is_live(objs[0]));
    EXPECT_FALSE(h.is_live(objs[19999]));
    const heap::MemStats m = h.read_memstats();
    EXPECT_EQ(m.NumGC, 1u);
    EXPECT_EQ(m.Alloc, go119().runtime_alloc_after_gc() + 10001 * 64);
    EXPECT_EQ(h.heap_marked(), go119().runtime_alloc_after_gc() + 10000 * 64);
    h.gc();   // nothing reachable now
    EXPECT_EQ(h.read_memstats().Alloc, go119().runtime_alloc_after_gc());
    EXPECT_EQ(h.check_invariants(), "");
    return m;
  };
  const heap::MemStats whole = run(false), resumed = run(true);
  EXPECT_EQ(whole.HeapObjects, resumed.HeapObjects);
  EXPECT_EQ(whole.NextGC, resumed.NextGC);
  // What the program allocates while the cycle marks cannot reuse the slots it will free
  // (they are swept at its end): a span more, at most, for each size class it allocates in.
  EXPECT_LE(resumed.HeapInuse - whole.HeapInuse, 8192u);
}

TEST(Heap, FreeOsMemoryReleasesEveryFreePageUntilItIsTakenAgain) {
  // debug.FreeOSMemory: runtime.GC, then every free page is released (HeapReleased), without
  // changing HeapSys or HeapIdle; pages taken again are no longer released. The free pages of
  // the Ps' page caches (mpagecache.go: at most 64 a P, here the program's and the idle
  // mark worker's) are not the page heap's and stay (real Go: 91-100 % of HeapIdle released).
  heap::Heap h(go119());
  std::vector<heap::ObjId> keep;
  h.set_root_scanner([&](heap::Marker& m) { for (auto o : keep) m.mark(o); });
  h.set_gc_percent(-1);
  for (int i = 0; i < 40; ++i) h.alloc(1 << 20, true);   // 40 MiB of garbage
  h.gc();
  const heap::MemStats before = h.read_memstats();
  h.free_os_memory();
  const heap::MemStats after = h.read_memstats();
  EXPECT_EQ(after.NumForcedGC, 2u);
  EXPECT_EQ(after.HeapSys, before.HeapSys);
  EXPECT_EQ(after.HeapIdle, before.HeapIdle);
  EXPECT_LT(before.HeapReleased, before.HeapIdle / 2);
  const uint64_t kept = after.HeapIdle - after.HeapReleased;   // the page caches' free pages
  EXPECT_GT(after.HeapIdle, after.HeapReleased);
  EXPECT_LE(kept, 2u * 64 * 8192);
  EXPECT_EQ(h.check_invariants(), "");
  keep.push_back(h.alloc(8 << 20, true));   // 8 MiB taken again from the released pages
  const heap::MemStats reused = h.read_memstats();
  EXPECT_EQ(reused.HeapReleased, after.HeapReleased - (8u << 20));
  EXPECT_EQ(reused.HeapReleased, reused.HeapIdle - kept);
  EXPECT_EQ(h.check_invariants(), "");
}

TEST(Heap, PinnedObjectsSurvive) {
  heap::Heap h(go119());
  h.set_root_scanner([](heap::Marker&) {});
  const heap::ObjId o = h.alloc(64, false);
  h.pin(o);
  h.gc();
  EXPECT_TRUE(h.is_live(o));
  h.unpin(o);
  h.gc();
  EXPECT_FALSE(h.is_live(o));
}

}  // namespace
