// article000_test.cpp — article 000's experiment replayed through the engine API.
//
// 1M × map[int][128]byte (and map[int]*[128]byte): insert, delete all, runtime.GC().
// Real Go 1.19 prints 44 / 472394 / 300373 KB and 44 / 186485 / 39212 KB on the test
// machine (engine/maps/README.md, "The 1M experiment explained"; tests/oracle confirms on
// every CI run). The map does not escape (hmap and first bucket on the stack), as in the
// article's program.
#include <gtest/gtest.h>

#include "engine/maps/map.h"
#include "tests/engine/test_codec.h"

namespace {

struct Figures {
  double start_kb, inserted_kb, collected_kb;
  uint32_t num_gc;
  maps::MapShape shape;
  heap::MemStats inserted;   // MemStats right after the inserts
};

Figures run_article000(bool pointer_values, uint64_t seed, const char* version = "1.19") {
  const runtime::Profile& profile = *runtime::profile_for(version);
  heap::Heap heap(profile);
  testing_support::IntCodec codec(pointer_values);
  const maps::MapType type = pointer_values
      ? testing_support::int_map_type(8, true, 8, "map[int]*[128]byte")
      : testing_support::int_map_type(128, false, 1, "map[int][128]byte");
  auto m = maps::make_map(heap, profile, type, codec, maps::MakeParams{0, false, true, seed});
  heap.set_root_scanner([&](heap::Marker& mk) { m->trace(mk); });
  Figures f{};
  f.start_kb = heap.read_memstats().Alloc / 1024.0;
  const uint32_t n = 1'000'000;
  for (uint32_t i = 0; i < n; ++i) {
    // m[i] = &[128]byte{} evaluates the value before mapassign: a 128-byte noscan object.
    const uint32_t v = pointer_values ? heap.alloc(128, true) : 0;
    *m->assign(i) = v;
  }
  f.inserted = heap.read_memstats();
  f.inserted_kb = f.inserted.Alloc / 1024.0;
  f.shape = m->shape();
  for (uint32_t i = 0; i < n; ++i) m->remove(i);
  heap.gc();
  f.collected_kb = heap.read_memstats().Alloc / 1024.0;
  f.num_gc = heap.read_memstats().NumGC;
  EXPECT_EQ(m->check_invariants(), "");
  EXPECT_EQ(heap.check_invariants(), "");
  return f;
}

TEST(Article000, InlineValuesMatchGo119) {
  for (uint64_t seed : {1, 2}) {
    const Figures f = run_article000(false, seed);
    EXPECT_NEAR(f.start_kb, 41.4, 1);
    EXPECT_NEAR(f.inserted_kb, 472394, 472394 * 0.02) << "seed " << seed;
    EXPECT_NEAR(f.collected_kb, 300373, 300373 * 0.02) << "seed " << seed;
    EXPECT_EQ(f.shape.B, 18u);
    EXPECT_EQ(f.shape.count, 1000000u);
    EXPECT_EQ(f.shape.noldbuckets, 0u);
    EXPECT_EQ(f.num_gc, 9u);   // 8 automatic + runtime.GC (gctrace of real Go 1.19)
  }
}

// Real Go 1.21, 1.22, 1.23 on the same program (tests/oracle/programs/million_fill.go prints
// these fields; 2–5 runs each): Alloc at start, after the inserts, after delete + GC (KB);
// Mallocs and GCSys after the inserts. Go 1.21's maps double at 6 entries a bucket (map.go
// loadFactorNum 12): the last doubling comes earlier and the buckets are fuller, so far fewer
// overflow buckets are allocated one by one (Mallocs 23 890 where 1.19 and 1.22 make 38 500).
TEST(Article000, InlineValuesMatchGo121To123) {
  struct Real { const char* version; double start_kb, inserted_kb, collected_kb, mallocs, gc_sys; };
  const Real reals[] = {{"1.21", 29, 464100, 300358, 23890, 15'350'000},
                        {"1.22", 32, 472400, 300369, 38520, 2'590'000},
                        {"1.23", 41, 472500, 300378, 38600, 2'570'000}};
  for (const Real& r : reals) {
    const Figures f = run_article000(false, 1, r.version);
    EXPECT_NEAR(f.start_kb, r.start_kb, 1) << r.version;
    EXPECT_NEAR(f.inserted_kb, r.inserted_kb, r.inserted_kb * 0.01) << r.version;
    EXPECT_NEAR(f.collected_kb, r.collected_kb, 8) << r.version;
    EXPECT_NEAR(static_cast<double>(f.inserted.Mallocs), r.mallocs, r.mallocs * 0.02) << r.version;
    EXPECT_NEAR(static_cast<double>(f.inserted.GCSys), r.gc_sys, r.gc_sys * 0.03) << r.version;
    EXPECT_EQ(f.shape.B, 18u) << r.version;
  }
}

TEST(Article000, PointerValuesMatchGo119) {
  for (uint64_t seed : {1, 2}) {
    const Figures f = run_article000(true, seed);
    EXPECT_NEAR(f.start_kb, 41.4, 1);
    EXPECT_NEAR(f.inserted_kb, 186485, 186485 * 0.02) << "seed " << seed;
    EXPECT_NEAR(f.collected_kb, 39212, 39212 * 0.02) << "seed " << seed;
    EXPECT_EQ(f.shape.B, 18u);
    EXPECT_EQ(f.num_gc, 8u);
  }
}

}  // namespace
