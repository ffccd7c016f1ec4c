// classic_map_test.cpp — runtime.hmap: layout, growth, overflow, evacuation, delete, clear.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <tuple>

#include "engine/maps/classic_map.h"
#include "tests/engine/test_codec.h"

namespace {

using testing_support::IntCodec;
using testing_support::int_map_type;

const runtime::Profile& go119() { return *runtime::profile_for("1.19"); }

struct Fixture {
  heap::Heap heap;
  IntCodec codec;
  std::unique_ptr<maps::Map> map;
  explicit Fixture(const maps::MapType& t, maps::MakeParams p = {},
                   const runtime::Profile& profile = go119())
      : heap(profile) {
    map = maps::make_map(heap, profile, t, codec, p);
    heap.set_root_scanner([this](heap::Marker& m) { if (map) map->trace(m); });
  }
  maps::ClassicMap& classic() { return static_cast<maps::ClassicMap&>(*map); }
};

TEST(ClassicMap, BucketSizes) {
  maps::MapType string_int;
  string_int.key_size = 16;
  string_int.key_ptrs = true;
  maps::MapType big_key;
  big_key.key_size = 129;
  big_key.key_align = 1;
  EXPECT_EQ(maps::bucket_size(int_map_type(8, false)), 144u);            // map[int]int
  EXPECT_EQ(maps::bucket_size(int_map_type(128, false, 1)), 1104u);      // map[int][128]byte
  EXPECT_EQ(maps::bucket_size(int_map_type(8, true)), 144u);             // map[int]*[128]byte
  EXPECT_EQ(maps::bucket_size(int_map_type(129, false, 1)), 144u);       // indirect elem
  EXPECT_EQ(maps::bucket_size(string_int), 208u);                        // map[string]int
  EXPECT_EQ(maps::bucket_size(big_key), 144u);                           // map[[129]byte]int
  EXPECT_EQ(maps::bucket_size(int_map_type(0, false)), 80u);             // map[int]struct{}
}

TEST(ClassicMap, HintToB) {
  const std::pair<int64_t, uint32_t> cases[] = {{0, 0},   {8, 0},    {9, 1},      {13, 1},
                                                {14, 2},  {26, 2},   {27, 3},     {52, 3},
                                                {53, 4},  {100, 4},  {1000, 8},   {10000, 11},
                                                {100000, 14}, {1000000, 18}};
  for (auto [hint, B] : cases) EXPECT_EQ(maps::B_for_hint(hint, go119().classic.load_factor_num), B) << hint;
}

TEST(ClassicMap, MakeCostsMatchGo119) {
  // TotalAlloc delta of make(map[K]V, hint) for an escaping map (measured;
  // engine/maps/README.md, "Creating a map (classic)").
  struct Case { uint64_t elem; int64_t hint; uint64_t bytes; };
  const Case cases[] = {{8, 0, 48},      {8, 8, 48},      {8, 9, 336},   {128, 9, 2352},
                        {8, 53, 2760},   {8, 1000, 41032}, {8, 1000000, 40108104},
                        {128, 1000000, 307494984}};
  for (const Case& c : cases) {
    heap::Heap h(go119());
    h.set_gc_percent(-1);
    IntCodec codec;
    const uint64_t before = h.read_memstats().TotalAlloc;
    auto m = maps::make_map(h, go119(), int_map_type(c.elem, false, c.elem == 128 ? 1 : 8),
                            codec, maps::MakeParams{c.hint, true, false, 1});
    EXPECT_EQ(h.read_memstats().TotalAlloc - before, c.bytes) << "elem " << c.elem << " hint " << c.hint;
  }
}

TEST(ClassicMap, FirstInsertAllocatesOneBucketLazily) {
  Fixture f(int_map_type(8, false), maps::MakeParams{0, true, false, 1});
  const auto before = f.heap.read_memstats();
  *f.map->assign(1) = 7;
  const auto after = f.heap.read_memstats();
  EXPECT_EQ(after.TotalAlloc - before.TotalAlloc, 144u);
  EXPECT_EQ(after.Mallocs - before.Mallocs, 1u);
  EXPECT_EQ(*f.map->lookup(1), 7u);
}

TEST(ClassicMap, StackMapAllocatesNothingUntilItGrows) {
  Fixture f(int_map_type(8, false), maps::MakeParams{0, false, true, 1});
  const uint64_t before = f.heap.read_memstats().TotalAlloc;
  for (uint32_t i = 0; i < 8; ++i) *f.map->assign(i) = i;
  EXPECT_EQ(f.heap.read_memstats().TotalAlloc, before);
  *f.map->assign(8) = 8;   // 9 > 8: grows to B = 1 (2 buckets on the heap)
  EXPECT_EQ(f.map->shape().B, 1u);
  EXPECT_EQ(f.heap.read_memstats().TotalAlloc - before, 288u);
}

// expect_growth_points inserts keys 1, 2, … and checks that B grows by one exactly at each
// of points (the insert that crosses the load factor) and at no other insert.
template <size_t N>
void expect_growth_points(const runtime::Profile& profile, const uint64_t (&points)[N]) {
  Fixture f(int_map_type(8, false), {}, profile);
  uint32_t B = 0;
  size_t next = 0;
  for (uint32_t i = 1; i <= points[N - 1]; ++i) {
    *f.map->assign(i) = i;
    if (next < N && i == points[next]) {
      ++B;
      ++next;
    }
    EXPECT_EQ(f.map->shape().B, B) << profile.version << ": after insert " << i;
  }
  EXPECT_EQ(f.map->check_invariants(), "");
}

TEST(ClassicMap, GrowthThresholds) {
  // B increments on insert number floor(6.5·2^B)+1 (9 for B = 0): engine/maps/README.md,
  // "Growth triggers (classic)".
  const uint64_t points[] = {9, 14, 27, 53, 105, 209, 417, 833, 1665, 3329, 6657, 13313};
  expect_growth_points(go119(), points);
  expect_growth_points(*runtime::profile_for("1.22"), points);   // 13 again (map.go)
  expect_growth_points(*runtime::profile_for("1.23"), points);
}

TEST(ClassicMap, Go121DoublesAtSixEntriesPerBucket) {
  // Go 1.21's loadFactorNum = (bucketCnt * 13 / 16) * loadFactorDen = 12: B increments on
  // insert 6·2^B + 1 (real Go 1.21: B = 2 at 13 keys, 3 at 26, 8 at 832;
  // tests/oracle/programs/small_map_shapes.go).
  const runtime::Profile& go121 = *runtime::profile_for("1.21");
  const uint64_t points[] = {9, 13, 25, 49, 97, 193, 385, 769, 1537, 3073, 6145, 12289};
  expect_growth_points(go121, points);
  // makemap: the smallest B that the hint does not overload (hints.go: make(map[int]int, 13)
  // costs 624 B on 1.21, B = 2, where 1.19 gives B = 1 and 336 B).
  const std::pair<int64_t, uint32_t> hints[] = {{8, 0}, {9, 1}, {12, 1}, {13, 2}, {24, 2}, {25, 3},
                                                {48, 3}, {49, 4}, {1000, 8}, {1000000, 18}};
  for (auto [hint, B] : hints) EXPECT_EQ(maps::B_for_hint(hint, go121.classic.load_factor_num), B) << hint;
  heap::Heap h(go121);
  IntCodec codec;
  const uint64_t before = h.read_memstats().TotalAlloc;
  auto m = maps::make_map(h, go121, int_map_type(8, false), codec, maps::MakeParams{13, true, false, 1});
  EXPECT_EQ(m->shape().B, 2u);
  EXPECT_EQ(h.read_memstats().TotalAlloc - before, 624u);   // hmap 48 + 4 buckets of 144
}

TEST(ClassicMap, ThirteenToFourteenDoublesFromOneToTwo) {
  Fixture f(int_map_type(8, false), maps::MakeParams{9, true, false, 3});
  for (uint32_t i = 0; i < 13; ++i) *f.map->assign(i) = i;
  EXPECT_EQ(f.map->shape().B, 1u);
  *f.map->assign(13) = 13;
  EXPECT_EQ(f.map->shape().B, 2u);
}

TEST(ClassicMap, EvacuationIsIncrementalAndFinishes) {
  Fixture f(int_map_type(8, false), maps::MakeParams{0, true, false, 5});
  uint32_t i = 0;
  while (f.map->shape().B < 12) { *f.map->assign(i) = i; ++i; }
  maps::MapShape s = f.map->shape();
  ASSERT_EQ(s.noldbuckets, 2048u);
  EXPECT_LT(s.nevacuate, 2048u);
  EXPECT_GT(s.old_bucket_bytes, 0u);
  // Growth from oldB finishes after about 0.693·2^oldB further inserts (ln 2).
  const uint32_t start = i;
  while (f.map->shape().noldbuckets != 0) { *f.map->assign(i) = i; ++i; }
  const double ratio = (i - start) / 2048.0;
  EXPECT_GT(ratio, 0.6);
  EXPECT_LT(ratio, 0.8);
  EXPECT_EQ(f.map->shape().old_bucket_bytes, 0u);
  EXPECT_EQ(f.map->check_invariants(), "");
  for (uint32_t k = 0; k < i; ++k) ASSERT_NE(f.map->lookup(k), nullptr) << k;
}

TEST(ClassicMap, PreallocatedOverflowBucketsComeFirst) {
  // make(map[int]int, 1000): B = 8, 284 buckets (256 + 28 preallocated): engine/maps/README.md,
  // "Creating a map (classic)".
  Fixture f(int_map_type(8, false), maps::MakeParams{1000, true, false, 9});
  const uint64_t before = f.heap.read_memstats().Mallocs;
  for (uint32_t i = 0; i < 1000; ++i) *f.map->assign(i) = i;
  const maps::MapShape s = f.map->shape();
  EXPECT_EQ(s.B, 8u);
  EXPECT_GT(s.overflow_buckets, 0u);
  // Overflow buckets are taken from the array; only the overflow slice allocates.
  if (s.overflow_buckets <= 28) {
    EXPECT_EQ(s.overflow_bytes, 0u);
  }
  EXPECT_LT(f.heap.read_memstats().Mallocs - before, 12u);
}

TEST(ClassicMap, DeleteMarksEmptyRestAndReseedsWhenEmpty) {
  Fixture f(int_map_type(8, false));
  for (uint32_t i = 0; i < 100; ++i) *f.map->assign(i) = i;
  const uint64_t seed = f.classic().hash0();
  const uint64_t bytes = f.map->shape().total_bytes();
  for (uint32_t i = 0; i < 100; ++i) EXPECT_TRUE(f.map->remove(i));
  EXPECT_FALSE(f.map->remove(5));
  EXPECT_EQ(f.map->len(), 0u);
  EXPECT_NE(f.classic().hash0(), seed);
  EXPECT_EQ(f.map->shape().total_bytes(), bytes);   // maps never shrink
  EXPECT_EQ(f.map->shape().B, 4u);
  std::vector<maps::BucketCell> cells;
  ASSERT_TRUE(f.map->inspect_buckets(false, 0, 16, cells));
  for (const auto& c : cells) EXPECT_EQ(c.used, 0u);
  EXPECT_EQ(f.map->check_invariants(), "");
}

TEST(ClassicMap, ClearKeepsTheArrayAndDropsOverflow) {
  Fixture f(int_map_type(128, false, 1), maps::MakeParams{0, true, false, 11});
  for (uint32_t i = 0; i < 20000; ++i) *f.map->assign(i) = 0;
  const maps::MapShape before = f.map->shape();
  f.map->clear();
  f.heap.gc();
  const maps::MapShape after = f.map->shape();
  EXPECT_EQ(after.B, before.B);
  EXPECT_EQ(after.bucket_bytes, before.bucket_bytes);
  EXPECT_EQ(after.overflow_bytes, 0u);
  EXPECT_EQ(after.noverflow, 0u);
  EXPECT_EQ(after.count, 0u);
  EXPECT_EQ(f.map->check_invariants(), "");
  for (uint32_t i = 0; i < 100; ++i) *f.map->assign(i + 5) = i;
  EXPECT_EQ(f.map->len(), 100u);
}

TEST(ClassicMap, RangeCreatesTheOverflowSlicesOfPointerFreeMaps) {
  // mapiterinit → createOverflow (Go 1.19, measured: programs/range_alloc.go).
  auto range_cost = [](maps::Map& m, heap::Heap& h) {
    const auto before = h.read_memstats();
    m.iter_init();
    const auto after = h.read_memstats();
    return std::pair{after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs};
  };
  Fixture ints(int_map_type(8, false), maps::MakeParams{0, true, false, 1});
  EXPECT_EQ(range_cost(*ints.map, ints.heap), std::pair(uint64_t{0}, uint64_t{0}));   // empty
  for (uint32_t i = 0; i < 3; ++i) *ints.map->assign(i) = i;
  EXPECT_EQ(range_cost(*ints.map, ints.heap), std::pair(uint64_t{48}, uint64_t{2}));  // mapextra + header
  EXPECT_EQ(range_cost(*ints.map, ints.heap), std::pair(uint64_t{0}, uint64_t{0}));   // reused
  ints.map->clear();                                  // mapclear zeroes mapextra
  *ints.map->assign(7) = 7;
  EXPECT_EQ(range_cost(*ints.map, ints.heap), std::pair(uint64_t{24}, uint64_t{1}));  // a new header
  EXPECT_EQ(ints.map->check_invariants(), "");

  Fixture pointers(int_map_type(8, true), maps::MakeParams{0, true, false, 1});
  for (uint32_t i = 0; i < 3; ++i) *pointers.map->assign(i) = i;
  EXPECT_EQ(range_cost(*pointers.map, pointers.heap), std::pair(uint64_t{0}, uint64_t{0}));
}

TEST(ClassicMap, ChurnCausesSameSizeGrowth) {
  // Insert new keys and delete old ones at a constant size: overflow buckets pile up
  // until tooManyOverflowBuckets forces a same-size grow (golang/go#16070).
  Fixture f(int_map_type(8, false), maps::MakeParams{0, true, false, 13});
  const uint32_t live = 1000;
  bool same_size = false;
  f.map->on_event = [&](const maps::MapEvent& e) { same_size |= e.kind == maps::MapEvent::SameSizeGrow; };
  for (uint32_t i = 0; i < 400000 && !same_size; ++i) {
    *f.map->assign(i) = i;
    if (i >= live) f.map->remove(i - live);
  }
  EXPECT_TRUE(same_size);
  EXPECT_EQ(f.map->len(), live);
  EXPECT_EQ(f.map->check_invariants(), "");
}

TEST(ClassicMap, RandomOperationsKeepInvariants) {
  for (bool ptr : {false, true}) {
    heap::Heap h(go119());
    IntCodec codec(ptr);
    auto m = maps::make_map(h, go119(), int_map_type(ptr ? 8 : 129, ptr, 8), codec,
                            maps::MakeParams{0, true, false, 17});
    h.set_root_scanner([&](heap::Marker& mk) { m->trace(mk); });
    std::mt19937 rng(42);
    std::map<uint32_t, uint32_t> model;
    for (int op = 0; op < 60000; ++op) {
      const uint32_t k = rng() % 3000;
      const int what = static_cast<int>(rng() % 10);
      if (what < 6) {
        const uint32_t v = ptr ? h.alloc(128, true) : rng();
        *m->assign(k) = v;
        model[k] = v;
      } else if (what < 9) {
        EXPECT_EQ(m->remove(k), model.erase(k) == 1);
      } else if (op % 5000 == 0) {
        m->clear();
        model.clear();
      }
      if (op % 997 == 0) {
        ASSERT_EQ(m->check_invariants(), "") << op;
        ASSERT_EQ(h.check_invariants(), "") << op;
      }
    }
    ASSERT_EQ(m->len(), model.size());
    for (auto [k, v] : model) {
      const uint32_t* e = m->lookup(k);
      ASSERT_NE(e, nullptr);
      EXPECT_EQ(*e, v);
      if (ptr) {
        EXPECT_TRUE(h.is_live(*e));
      }
    }
    uint64_t seen = 0;
    m->for_each([&](uint32_t k, uint32_t) { seen += model.count(k); return true; });
    EXPECT_EQ(seen, model.size());
  }
}

}  // namespace

// During growth oldbuckets reads its keys and elems through the current array's columns
// (old bucket b and new bucket b share slots). Every entry must stay where lookup finds
// it, through doublings, same-size growth, elems materialized mid-growth, indirect keys
// and elems, and GC cycles that run in the middle of an evacuation.
TEST(ClassicMap, GrowthWithSharedColumnsKeepsEveryEntry) {
  struct Case { uint64_t key_size, elem_size; bool elem_ptrs; };
  for (const Case c : {Case{8, 8, false}, Case{8, 8, true}, Case{129, 129, false}}) {
    heap::Heap h(go119());
    IntCodec codec(c.elem_ptrs);
    maps::MapType t = int_map_type(c.elem_size, c.elem_ptrs, 8);
    t.key_size = c.key_size;
    auto m = maps::make_map(h, go119(), t, codec, maps::MakeParams{0, true, false, 5});
    h.set_root_scanner([&](heap::Marker& mk) { m->trace(mk); });
    int events = 0;
    m->on_event = [&](const maps::MapEvent& e) {
      if (e.kind == maps::MapEvent::Grow || e.kind == maps::MapEvent::SameSizeGrow ||
          e.kind == maps::MapEvent::GrowDone)
        ++events;
    };
    std::mt19937 rng(7);
    std::map<uint32_t, uint32_t> model;
    auto check = [&](int step) {
      ASSERT_EQ(m->check_invariants(), "") << step;
      ASSERT_EQ(h.check_invariants(), "") << step;
      ASSERT_EQ(m->len(), model.size()) << step;
      for (auto [k, v] : model) {
        const uint32_t* e = m->lookup(k);
        ASSERT_NE(e, nullptr) << step << " key " << k;
        ASSERT_EQ(*e, v) << step << " key " << k;
        if (c.elem_ptrs && v != 0) { ASSERT_TRUE(h.is_live(v)) << step; }
      }
    };
    for (int step = 0; step < 120000; ++step) {
      // The first 20 000 stores write zero elems (nil: no elem storage), then real ones.
      const uint32_t k = step < 60000 ? static_cast<uint32_t>(step) : rng() % 70000;
      if (step >= 60000 && rng() % 3 == 0) {
        EXPECT_EQ(m->remove(k), model.erase(k) == 1);
      } else {
        const uint32_t v = step < 20000 ? 0 : c.elem_ptrs ? h.alloc(128, true) : rng() | 1;
        m->store(k, v);
        model[k] = v;
      }
      if (step % 9973 == 0 || (step > 16000 && step < 24000 && step % 499 == 0)) {
        check(step);
        if (c.elem_ptrs) h.gc();
      }
    }
    check(-1);
    EXPECT_GE(events, 10);
  }
}

namespace {

// LeafCodec: elems are heap objects that refer to nothing (a *[128]byte): while a resumable
// cycle defers, they are handed to the heap as leaves, as the interpreter does.
class LeafCodec final : public maps::SlotCodec {
 public:
  uint64_t key_hash_input(uint32_t key) const override { return key; }
  bool small_int_keys() const override { return true; }
  bool key_equal(uint32_t a, uint32_t b) const override { return a == b; }
  void trace_elem(uint32_t elem, heap::Marker& m) const override {
    if (m.deferring()) m.defer(elem);
    else m.mark(elem);
  }
};

}  // namespace

TEST(ClassicMap, DeferredRootScanKeepsWhatTheMapHeldWhenTheCycleStarted) {
  // A resumable cycle leaves the scan of a large map's slots to gc_work; meanwhile the map
  // overwrites, deletes and (growing) moves values. The write barrier marks each value a
  // write takes away, so the cycle frees exactly what a cycle run in one go frees.
  auto run = [](bool resumable, std::vector<heap::ObjId>& held, std::vector<heap::ObjId>& added) {
    heap::Heap h(go119());
    h.set_resumable(resumable);
    LeafCodec codec;
    auto m = maps::make_map(h, go119(), int_map_type(8, true), codec, maps::MakeParams{0, true, false, 3});
    h.set_root_scanner([&](heap::Marker& mk) { m->trace(mk); });
    h.set_leaf_marker([](uint32_t leaf, heap::Marker& mk) { mk.mark(leaf); });
    h.set_gc_percent(-1);
    const uint32_t n = 6000;   // B = 10: 8 192 slots and more, a scan that waits
    for (uint32_t k = 0; k < n; ++k) *m->assign(k) = h.alloc(128, true);
    held.clear();
    m->for_each([&](uint32_t, uint32_t v) { held.push_back(v); return true; });
    h.gc(/*resumable=*/true);
    EXPECT_EQ(h.cycle_pending(), resumable);
    added.clear();
    for (uint32_t k = 0; k < 300; ++k) added.push_back(*m->assign(k) = h.alloc(128, true));   // overwrite
    for (uint32_t k = 300; k < 600; ++k) m->remove(k);                                        // delete
    for (uint32_t k = n; k < 2 * n; ++k) added.push_back(*m->assign(k) = h.alloc(128, true)); // grow, evacuate
    while (h.cycle_pending()) {
      h.gc_work(1);
      EXPECT_EQ(h.check_invariants(), "");
    }
    EXPECT_EQ(m->check_invariants(), "");
    size_t live = 0;
    for (heap::ObjId o : held) live += h.is_live(o);
    for (heap::ObjId o : added) live += h.is_live(o);
    const heap::MemStats ms = h.read_memstats();
    h.gc();   // the values taken away are garbage now
    size_t live_after = 0;
    for (heap::ObjId o : held) live_after += h.is_live(o);
    return std::tuple{live, ms.Frees, ms.HeapAlloc, live_after};
  };
  std::vector<heap::ObjId> held, added;
  const auto deferred = run(true, held, added);
  EXPECT_EQ(std::get<0>(deferred), held.size() + added.size());   // nothing the map held was freed
  EXPECT_EQ(std::get<3>(deferred), held.size() - 600);             // then: all but those taken away
  const auto at_once = run(false, held, added);
  EXPECT_EQ(deferred, at_once);
}
