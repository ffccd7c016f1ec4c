// swiss_map_test.cpp — maps.Map (Go 1.24): layout, make costs, growth, tombstones, clear,
// randomized invariants and the 1M-entry experiment (engine/maps/README.md, "Swiss map
// (Go 1.24+)", "The 1M experiment explained").
//
// [SECTION] Layout
// [SECTION] make(map[K]V, hint)
// [SECTION] Small map
// [SECTION] Tables, tombstones, clear, inspection
// [SECTION] Randomized invariants and GC
// [SECTION] The 1M experiment and churn (engine/maps/README.md)
// [SECTION] Go 1.25+: pruneTombstones, Clone, Clear of tombstones; Go 1.27: small-map updates
#include <gtest/gtest.h>

#include <random>
#include <unordered_map>

#include "engine/maps/swiss_map.h"
#include "tests/engine/test_codec.h"

namespace {

using testing_support::IntCodec;
using testing_support::int_map_type;

const runtime::Profile& go124() { return *runtime::profile_for("1.24"); }

maps::MakeParams escaping(int64_t hint = 0, uint64_t seed = 1) {
  return maps::MakeParams{hint, true, false, seed};
}
maps::MakeParams on_stack(int64_t hint = 0, uint64_t seed = 1) {
  return maps::MakeParams{hint, false, hint <= 8, seed};
}

// Fixture owns a heap with one map that is a GC root (header and everything it traces),
// plus `pending`, an object the test holds between allocating it and storing it.
struct Fixture {
  const runtime::Profile& profile;
  heap::Heap heap{profile};
  IntCodec codec;
  std::unique_ptr<maps::Map> map;
  std::unique_ptr<maps::Map> other;   // a second root map (a clone)
  heap::ObjId pending = heap::kNil;
  std::vector<maps::MapEvent> events;

  explicit Fixture(const maps::MapType& t, maps::MakeParams p = escaping(),
                   bool elems_are_objects = false, const runtime::Profile& prof = go124())
      : profile(prof), codec(elems_are_objects) {
    heap.set_root_scanner([this](heap::Marker& m) {
      m.mark(pending);
      for (const auto* mp : {&map, &other}) {
        if (!*mp) continue;
        m.mark((*mp)->header());
        (*mp)->trace(m);
      }
    });
    map = maps::make_map(heap, profile, t, codec, p);
    map->on_event = [this](const maps::MapEvent& e) { events.push_back(e); };
  }
  const maps::SwissMap& swiss() const { return *maps::as_swiss_map(*map); }
  size_t count(maps::MapEvent::Kind k) const {
    size_t n = 0;
    for (const auto& e : events) n += e.kind == k;
    return n;
  }
};

//-- [SECTION] Layout -----------------------------------------------------------------------------

TEST(SwissMap, GroupAndSlotSizesMatchGo124) {
  // SlotSize / GroupSize / pointers, read from Go 1.24.4 descriptors (engine/maps/README.md,
  // "Group layout and size (Swiss)").
  auto T = [](uint64_t ks, uint64_t ka, bool kp, uint64_t es, uint64_t ea, bool ep) {
    maps::MapType t;
    t.key_size = ks; t.key_align = ka; t.key_ptrs = kp;
    t.elem_size = es; t.elem_align = ea; t.elem_ptrs = ep;
    return t;
  };
  struct Case { const char* name; maps::MapType t; uint64_t slot, group; bool ptrs; };
  const Case cases[] = {
      {"map[int]int", T(8, 8, false, 8, 8, false), 16, 136, false},
      {"map[int][128]byte", T(8, 8, false, 128, 1, false), 136, 1096, false},
      {"map[int][129]byte", T(8, 8, false, 129, 1, false), 16, 136, true},
      {"map[int]*[128]byte", T(8, 8, false, 8, 8, true), 16, 136, true},
      {"map[string]int", T(16, 8, true, 8, 8, false), 24, 200, true},
      {"map[string]string", T(16, 8, true, 16, 8, true), 32, 264, true},
      {"map[int]struct{}", T(8, 8, false, 0, 1, false), 16, 136, false},
      {"map[struct{}]struct{}", T(0, 1, false, 0, 1, false), 0, 16, false},
      {"map[int8]int64", T(1, 1, false, 8, 8, false), 16, 136, false},
      {"map[int64]int8", T(8, 8, false, 1, 1, false), 16, 136, false},
      {"map[int32]int32", T(4, 4, false, 4, 4, false), 8, 72, false},
      {"map[byte]byte", T(1, 1, false, 1, 1, false), 2, 24, false},
      {"map[int][3]byte", T(8, 8, false, 3, 1, false), 16, 136, false},
      {"map[[129]byte]int", T(129, 1, false, 8, 8, false), 16, 136, true},
      {"map[any]int", T(16, 8, true, 8, 8, false), 24, 200, true},
      {"map[int][]int", T(8, 8, false, 24, 8, true), 32, 264, true},
      {"map[[12]byte]uint16", T(12, 1, false, 2, 2, false), 14, 120, false},
  };
  for (const Case& c : cases) {
    const maps::SwissLayout l = maps::swiss_layout(c.t);
    EXPECT_EQ(l.slot_size, c.slot) << c.name;
    EXPECT_EQ(l.group_size, c.group) << c.name;
    EXPECT_EQ(l.group_ptrs, c.ptrs) << c.name;
  }
}

TEST(SwissMap, FactoryPicksSwissForGo124) {
  Fixture f(int_map_type(8, false));
  ASSERT_NE(maps::as_swiss_map(*f.map), nullptr);
  EXPECT_TRUE(f.swiss().is_small());
  EXPECT_FALSE(f.swiss().has_small_group());   // lazily allocated
  EXPECT_TRUE(f.map->shape().swiss);
}

//-- [SECTION] make(map[K]V, hint) ----------------------------------------------------------------

TEST(SwissMap, MakeHintCostsMatchGo124) {
  // TotalAlloc / Mallocs delta of make for an escaping map (measured, exact;
  // engine/maps/README.md, "Creating a map (Swiss)").
  struct Case { int64_t hint; uint64_t elem; uint64_t bytes, mallocs, tables, capacity; };
  const Case cases[] = {
      {0, 8, 48, 1, 0, 0},           {8, 8, 48, 1, 0, 0},
      {9, 8, 376, 4, 1, 16},         {14, 8, 376, 4, 1, 16},
      {15, 8, 664, 4, 1, 32},        {100, 8, 2392, 4, 1, 128},
      {896, 8, 18520, 4, 1, 1024},   {897, 8, 19072, 6, 2, 512},
      {1000, 8, 36992, 6, 2, 1024},  {10000, 8, 295600, 34, 16, 1024},
      {100000, 8, 2364592, 258, 128, 1024},
      {1000000, 8, 37832752, 4098, 2048, 1024},
      {0, 128, 48, 1, 0, 0},         {9, 128, 2392, 4, 1, 16},
      {15, 128, 4952, 4, 1, 32},     {100, 128, 18520, 4, 1, 128},
      {896, 128, 147544, 4, 1, 1024}, {897, 128, 147584, 6, 2, 512},
      {1000, 128, 295040, 6, 2, 1024}, {10000, 128, 2359984, 34, 16, 1024},
      {100000, 128, 18879664, 258, 128, 1024},
      {1000000, 128, 302073904, 4098, 2048, 1024},
      // Hints whose groups would exceed maxAlloc (2^48) give an empty map, as in NewMap.
      {int64_t(1) << 40, 8, 48, 1, 0, 0},        {INT64_MAX, 128, 48, 1, 0, 0},
  };
  for (const Case& c : cases) {
    heap::Heap h(go124());
    h.set_gc_percent(-1);
    IntCodec codec;
    const heap::MemStats before = h.read_memstats();
    auto m = maps::make_map(h, go124(), int_map_type(c.elem, false, c.elem == 128 ? 1 : 8),
                            codec, escaping(c.hint));
    const heap::MemStats after = h.read_memstats();
    EXPECT_EQ(after.TotalAlloc - before.TotalAlloc, c.bytes) << "elem " << c.elem << " hint " << c.hint;
    EXPECT_EQ(after.Mallocs - before.Mallocs, c.mallocs) << "elem " << c.elem << " hint " << c.hint;
    const maps::MapShape s = m->shape();
    EXPECT_EQ(s.tables, c.tables) << c.hint;
    if (c.tables > 0) {
      EXPECT_EQ(s.capacity / s.tables, c.capacity) << c.hint;
    }
    EXPECT_EQ(s.total_bytes(), c.bytes) << c.hint;
    EXPECT_EQ(m->check_invariants(), "");
  }
}

TEST(SwissMap, NonEscapingHintedMapAllocatesOnlyTables) {
  heap::Heap h(go124());
  h.set_gc_percent(-1);
  IntCodec codec;
  const uint64_t before = h.read_memstats().TotalAlloc;
  auto m = maps::make_map(h, go124(), int_map_type(8, false), codec, on_stack(100));
  EXPECT_EQ(h.read_memstats().TotalAlloc - before, 2392u - 48u);   // no Map object
  EXPECT_EQ(m->header(), heap::kNil);
}

TEST(SwissMap, StackGroupCostsNothingUntilTheNinthKey) {
  Fixture f(int_map_type(8, false), on_stack(0));
  const uint64_t before = f.heap.read_memstats().TotalAlloc;
  for (uint32_t k = 0; k < 8; k++) *f.map->assign(k) = k * 10;
  EXPECT_EQ(f.heap.read_memstats().TotalAlloc, before);
  EXPECT_TRUE(f.swiss().small_group_on_stack());
  *f.map->assign(8) = 80;
  EXPECT_EQ(f.heap.read_memstats().TotalAlloc - before, 328u);     // table + 2 groups + dir
  EXPECT_EQ(f.map->check_invariants(), "");
}

//-- [SECTION] Small map --------------------------------------------------------------------------

TEST(SwissMap, FirstInsertAllocatesOneGroup) {
  for (uint64_t elem : {8u, 128u}) {
    Fixture f(int_map_type(elem, false, elem == 128 ? 1 : 8));
    const auto before = f.heap.read_memstats();
    *f.map->assign(1) = 7;
    const auto after = f.heap.read_memstats();
    EXPECT_EQ(after.TotalAlloc - before.TotalAlloc, elem == 8 ? 144u : 1152u);
    EXPECT_EQ(after.Mallocs - before.Mallocs, 1u);
    EXPECT_EQ(*f.map->lookup(1), 7u);
    EXPECT_TRUE(f.swiss().has_small_group());
  }
}

TEST(SwissMap, GrowToTableCosts328BytesIn3Mallocs) {
  Fixture f(int_map_type(8, false));
  for (uint32_t k = 0; k < 8; k++) *f.map->assign(k) = k;
  EXPECT_TRUE(f.swiss().is_small());
  const auto before = f.heap.read_memstats();
  *f.map->assign(8) = 8;
  const auto after = f.heap.read_memstats();
  EXPECT_EQ(after.TotalAlloc - before.TotalAlloc, 328u);   // 32 + 288 + 8 (Go's growToTable)
  EXPECT_EQ(after.Mallocs - before.Mallocs, 3u);
  EXPECT_FALSE(f.swiss().is_small());
  EXPECT_EQ(f.swiss().dir_len(), 1u);
  const auto t = f.swiss().table_at(0);
  EXPECT_EQ(t.capacity, 16u);
  EXPECT_EQ(t.growth_left, 5u);
  EXPECT_EQ(f.count(maps::MapEvent::SmallToTable), 1u);
  // The 144-byte small group is garbage now (the first cycle also changes the runtime's own).
  const uint64_t live = f.heap.read_memstats().Alloc;
  f.heap.gc();
  EXPECT_EQ(live - f.heap.read_memstats().Alloc,
            144u + go124().baseline_alloc() - go124().runtime_alloc_after_gc());
  EXPECT_EQ(f.map->check_invariants(), "");
}

TEST(SwissMap, UpdateOfAFullSmallMapStillGrowsToATable) {
  // Go 1.24.4 quirk (engine/maps/README.md, "Small map (Swiss)"): an assignment to an
  // 8-entry small map converts it even when the key exists.
  Fixture f(int_map_type(8, false));
  for (uint32_t k = 0; k < 8; k++) *f.map->assign(k) = k;
  const uint64_t before = f.heap.read_memstats().TotalAlloc;
  *f.map->assign(3) = 33;
  EXPECT_EQ(f.heap.read_memstats().TotalAlloc - before, 328u);
  EXPECT_FALSE(f.swiss().is_small());
  EXPECT_EQ(f.map->len(), 8u);
  EXPECT_EQ(*f.map->lookup(3), 33u);
  // With 7 entries an update stays small.
  Fixture g(int_map_type(8, false));
  for (uint32_t k = 0; k < 7; k++) *g.map->assign(k) = k;
  *g.map->assign(3) = 33;
  EXPECT_TRUE(g.swiss().is_small());
}

TEST(SwissMap, SmallMapDeleteEmptiesTheSlot) {
  Fixture f(int_map_type(8, false));
  for (uint32_t k = 0; k < 8; k++) *f.map->assign(k) = k;
  EXPECT_TRUE(f.map->remove(5));
  EXPECT_FALSE(f.map->remove(5));
  const auto g = f.swiss().group_view(maps::SwissMap::kSmallGroup, 0);
  EXPECT_EQ(g.full, 7u);
  EXPECT_EQ(g.empty, 1u);
  EXPECT_EQ(g.tombstones, 0u);
  *f.map->assign(100) = 1;   // 7 entries: fits again, no table
  EXPECT_TRUE(f.swiss().is_small());
  EXPECT_EQ(f.map->check_invariants(), "");
}

//-- [SECTION] Tables, tombstones, clear, inspection ----------------------------------------------

TEST(SwissMap, SingleTableGrowthPoints) {
  // The table of capacity C rehashes on the (7C/8 + 1)-th entry; 897 splits
  // (engine/maps/README.md, "Insert: PutSlot, grow and split (Swiss)").
  for (uint64_t elem : {8u, 128u}) {
    Fixture f(int_map_type(elem, false, elem == 128 ? 1 : 8), escaping(0, 7));
    std::vector<std::pair<uint64_t, uint64_t>> grows;   // (count after insert, new capacity)
    uint64_t first_split = 0;
    f.map->on_event = [&](const maps::MapEvent& e) {
      if (e.kind == maps::MapEvent::SmallToTable) grows.push_back({f.map->len() + 1, e.b});
      if (e.kind == maps::MapEvent::TableGrow) grows.push_back({f.map->len() + 1, e.b});
      if (e.kind == maps::MapEvent::Split && first_split == 0) first_split = f.map->len() + 1;
    };
    for (uint32_t k = 0; k < 900; k++) *f.map->assign(k) = k;
    const std::vector<std::pair<uint64_t, uint64_t>> want = {
        {9, 16}, {15, 32}, {29, 64}, {57, 128}, {113, 256}, {225, 512}, {449, 1024}};
    EXPECT_EQ(grows, want) << "elem " << elem;
    EXPECT_EQ(first_split, 897u);
    EXPECT_EQ(f.swiss().dir_len(), 2u);
    EXPECT_EQ(f.map->shape().tables, 2u);
    EXPECT_EQ(f.map->check_invariants(), "");
  }
}

TEST(SwissMap, GrowingATableMakesTheOldOneGarbage) {
  Fixture f(int_map_type(8, false));
  for (uint32_t k = 0; k < 14; k++) *f.map->assign(k) = k;
  f.heap.gc();   // the small group (garbage since the 9th key) goes now
  const auto before = f.heap.read_memstats();
  *f.map->assign(14) = 14;                      // 15th entry: 16 → 32
  const auto after = f.heap.read_memstats();
  EXPECT_EQ(after.TotalAlloc - before.TotalAlloc, 32u + 576u);
  EXPECT_EQ(after.Mallocs - before.Mallocs, 2u);
  f.heap.gc();
  EXPECT_EQ(after.Alloc - f.heap.read_memstats().Alloc, 32u + 288u);
  EXPECT_EQ(f.map->shape().total_bytes(), 48u + 8u + 32u + 576u);
}

// keys_in_group finds n keys whose probe sequence starts at `group` of a table with
// `groups` groups, for the map's current seed.
std::vector<uint32_t> keys_in_group(uint64_t seed, uint64_t groups, uint64_t group, size_t n,
                                    uint32_t start = 1000) {
  std::vector<uint32_t> out;
  for (uint32_t k = start; out.size() < n; k++)
    if (((maps::hash64(k, seed) >> 7) & (groups - 1)) == group) out.push_back(k);
  return out;
}

TEST(SwissMap, DeleteLeavesATombstoneOnlyInAFullGroup) {
  Fixture f(int_map_type(8, false), escaping(14, 99));   // one table, capacity 16, 2 groups
  const uint64_t seed = f.swiss().seed();
  const std::vector<uint32_t> g0 = keys_in_group(seed, 2, 0, 9);
  for (size_t i = 0; i < 8; i++) *f.map->assign(g0[i]) = 1;   // group 0 full
  EXPECT_EQ(f.swiss().group_view(0, 0).full, 8u);
  const uint32_t gl = f.swiss().table_at(0).growth_left;

  // Deleting from the full group: tombstone, growthLeft unchanged.
  EXPECT_TRUE(f.map->remove(g0[2]));
  EXPECT_EQ(f.swiss().group_view(0, 0).tombstones, 1u);
  EXPECT_EQ(f.swiss().slot_view(0, 0, 2).ctrl, maps::kCtrlDeleted);
  EXPECT_EQ(f.swiss().table_at(0).growth_left, gl);
  EXPECT_EQ(f.map->shape().tombstones, 1u);

  // Deleting from group 1, which has empty slots: the slot becomes empty, growthLeft++.
  const std::vector<uint32_t> g1 = keys_in_group(seed, 2, 1, 1);
  *f.map->assign(g1[0]) = 2;
  const uint32_t gl2 = f.swiss().table_at(0).growth_left;
  EXPECT_TRUE(f.map->remove(g1[0]));
  EXPECT_EQ(f.swiss().table_at(0).growth_left, gl2 + 1);
  EXPECT_EQ(f.swiss().group_view(0, 1).tombstones, 0u);

  // A new key whose probe passes the tombstone takes it without consuming growthLeft.
  const uint32_t gl3 = f.swiss().table_at(0).growth_left;
  *f.map->assign(g0[8]) = 3;
  EXPECT_EQ(f.swiss().table_at(0).growth_left, gl3);
  EXPECT_EQ(f.swiss().slot_view(0, 0, 2).key, g0[8]);
  EXPECT_EQ(f.map->shape().tombstones, 0u);
  EXPECT_EQ(f.map->check_invariants(), "");
}

TEST(SwissMap, TombstonesAloneMakeATableGrow) {
  // No same-size rehash in 1.24: churn in one table grows it (golang/go#70886).
  Fixture f(int_map_type(8, false), escaping(14, 5));
  std::mt19937 rng(3);
  uint32_t next = 0;
  std::vector<uint32_t> live;
  for (int i = 0; i < 14; i++) { live.push_back(next); *f.map->assign(next++) = 0; }
  for (int round = 0; round < 2000 && f.count(maps::MapEvent::TableGrow) == 0; round++) {
    const size_t j = rng() % live.size();
    ASSERT_TRUE(f.map->remove(live[j]));
    live[j] = next;
    *f.map->assign(next++) = 0;
    ASSERT_EQ(f.map->check_invariants(), "");
  }
  EXPECT_EQ(f.map->len(), 14u);
  EXPECT_EQ(f.count(maps::MapEvent::TableGrow), 1u);
  EXPECT_EQ(f.swiss().table_at(0).capacity, 32u);
}

TEST(SwissMap, ClearKeepsDirectoryTablesAndGroups) {
  Fixture f(int_map_type(8, false));
  for (uint32_t k = 0; k < 5000; k++) *f.map->assign(k) = k;
  for (uint32_t k = 0; k < 5000; k += 3) f.map->remove(k);
  f.heap.gc();
  const maps::MapShape before = f.map->shape();
  const uint64_t alloc = f.heap.read_memstats().Alloc;
  const uint64_t seq = f.swiss().clear_seq();
  f.map->clear();
  f.heap.gc();
  const maps::MapShape after = f.map->shape();
  EXPECT_EQ(f.heap.read_memstats().Alloc, alloc);
  EXPECT_EQ(after.count, 0u);
  EXPECT_EQ(after.tables, before.tables);
  EXPECT_EQ(after.dir_len, before.dir_len);
  EXPECT_EQ(after.capacity, before.capacity);
  EXPECT_EQ(after.total_bytes(), before.total_bytes());
  EXPECT_EQ(after.tombstones, 0u);
  EXPECT_EQ(f.swiss().clear_seq(), seq + 1);
  EXPECT_EQ(f.count(maps::MapEvent::Clear), 1u);
  EXPECT_EQ(f.map->lookup(1), nullptr);
  for (const auto& t : f.swiss().tables()) EXPECT_EQ(t.growth_left, t.capacity * 7 / 8);
  f.map->clear();   // used == 0: a no-op
  EXPECT_EQ(f.swiss().clear_seq(), seq + 1);
  EXPECT_EQ(f.map->check_invariants(), "");
}

TEST(SwissMap, EmptyingTheMapReseeds) {
  Fixture f(int_map_type(8, false));
  for (uint32_t k = 0; k < 100; k++) *f.map->assign(k) = k;
  const uint64_t seed = f.swiss().seed();
  for (uint32_t k = 0; k < 99; k++) f.map->remove(k);
  EXPECT_EQ(f.swiss().seed(), seed);
  f.map->remove(99);
  EXPECT_NE(f.swiss().seed(), seed);
  EXPECT_EQ(f.map->check_invariants(), "");
}

TEST(SwissMap, IndirectElemsAreOneObjectPerInsertAndMoveOnGrowth) {
  // map[int][129]byte: 16-byte slots holding a pointer; each new key allocates 144 bytes.
  Fixture f(int_map_type(129, false, 1));
  uint64_t mallocs = f.heap.read_memstats().Mallocs;
  *f.map->assign(1) = 1;
  EXPECT_EQ(f.heap.read_memstats().Mallocs - mallocs, 2u);   // group + elem object
  mallocs = f.heap.read_memstats().Mallocs;
  *f.map->assign(1) = 2;                                      // update: nothing
  EXPECT_EQ(f.heap.read_memstats().Mallocs, mallocs);
  for (uint32_t k = 2; k <= 1000; k++) *f.map->assign(k) = k;
  f.heap.gc();
  const maps::MapShape s = f.map->shape();
  EXPECT_EQ(s.indirect_bytes, 1000u * 144u);
  EXPECT_EQ(*f.map->lookup(1), 2u);
  const uint64_t alloc = f.heap.read_memstats().Alloc;
  for (uint32_t k = 1; k <= 500; k++) f.map->remove(k);
  f.heap.gc();
  EXPECT_EQ(alloc - f.heap.read_memstats().Alloc, 500u * 144u);
  EXPECT_EQ(f.map->check_invariants(), "");
}

TEST(SwissMap, InspectBucketsNumbersGroupsAcrossTables) {
  Fixture f(int_map_type(8, false), escaping(0, 2));
  std::vector<maps::BucketCell> cells;
  EXPECT_TRUE(f.map->inspect_buckets(false, 0, 10, cells));
  EXPECT_TRUE(cells.empty());                       // no group yet
  for (uint32_t k = 0; k < 5; k++) *f.map->assign(k) = k;
  EXPECT_TRUE(f.map->inspect_buckets(false, 0, 10, cells));
  ASSERT_EQ(cells.size(), 1u);                      // the small map's group
  EXPECT_EQ(cells[0].used, 5u);
  for (uint32_t k = 5; k < 3000; k++) *f.map->assign(k) = k;
  for (uint32_t k = 0; k < 3000; k += 2) f.map->remove(k);
  const maps::MapShape s = f.map->shape();
  cells.clear();
  EXPECT_TRUE(f.map->inspect_buckets(false, 0, ~0ull >> 1, cells));
  ASSERT_EQ(cells.size(), s.groups);
  uint64_t used = 0, tomb = 0;
  for (const auto& c : cells) { used += c.used; tomb += c.tombstones; }
  EXPECT_EQ(used, s.count);
  EXPECT_EQ(tomb, s.tombstones);
  // A window in the middle matches the same cells.
  std::vector<maps::BucketCell> window;
  f.map->inspect_buckets(false, 100, 7, window);
  ASSERT_EQ(window.size(), 7u);
  for (size_t i = 0; i < 7; i++) EXPECT_EQ(window[i].used, cells[100 + i].used);
  std::vector<maps::SlotInfo> slots;
  EXPECT_TRUE(f.map->inspect_slots(false, 100, slots));
  ASSERT_EQ(slots.size(), 8u);
  size_t full = 0;
  for (const auto& sl : slots) {
    full += sl.full;
    if (sl.full) {
      EXPECT_NE(f.map->lookup(static_cast<uint32_t>(std::stoul(sl.key))), nullptr);
    }
  }
  EXPECT_EQ(full, cells[100].used);
}

TEST(SwissMap, ZeroElemsNeedNoElemStorageUntilOneIsNotZero) {
  Fixture f(int_map_type(8, false));
  for (uint32_t k = 0; k < 5000; k++) f.map->store(k, 0);   // a set, or m[k] = [128]byte{}
  const uint64_t lean = f.swiss().simulator_bytes();
  ASSERT_NE(f.map->lookup(17), nullptr);
  EXPECT_EQ(*f.map->lookup(17), 0u);
  EXPECT_EQ(f.map->check_invariants(), "");
  f.map->store(17, 42);                                       // now elems are kept
  EXPECT_GT(f.swiss().simulator_bytes(), lean);
  for (uint32_t k = 5000; k < 6000; k++) f.map->store(k, k);
  EXPECT_EQ(*f.map->lookup(17), 42u);
  EXPECT_EQ(*f.map->lookup(16), 0u);
  EXPECT_EQ(*f.map->lookup(5999), 5999u);
  EXPECT_EQ(f.map->check_invariants(), "");
  // assign() hands out a writable slot, so it keeps elems from the start.
  Fixture g(int_map_type(8, false));
  *g.map->assign(1) = 9;
  EXPECT_EQ(*g.map->lookup(1), 9u);
}

// PtrKeyCodec: keys are heap objects (map[*T]int), compared by identity.
class PtrKeyCodec final : public maps::SlotCodec {
 public:
  uint64_t key_hash_input(uint32_t key) const override { return key; }
  bool key_equal(uint32_t a, uint32_t b) const override { return a == b; }
  void trace_key(uint32_t key, heap::Marker& m) const override { m.mark(key); }
};

TEST(SwissMap, PointerKeysKeepTheirObjectsAliveUntilDeleted) {
  heap::Heap h(go124());
  PtrKeyCodec codec;
  maps::MapType t;
  t.key_ptrs = true;
  std::unique_ptr<maps::Map> m;
  heap::ObjId pending = heap::kNil;
  h.set_root_scanner([&](heap::Marker& mk) {
    mk.mark(pending);
    if (m) { mk.mark(m->header()); m->trace(mk); }
  });
  m = maps::make_map(h, go124(), t, codec, escaping());
  EXPECT_TRUE(maps::as_swiss_map(*m)->layout().group_ptrs);
  std::vector<heap::ObjId> keys;
  for (int i = 0; i < 3000; i++) {
    pending = h.alloc(64, true);
    m->store(pending, 1);
    keys.push_back(pending);
    pending = heap::kNil;
  }
  h.gc();   // tables replaced while growing go first
  for (size_t i = 0; i < keys.size(); i += 2) EXPECT_TRUE(m->remove(keys[i]));
  const uint64_t before = h.read_memstats().Alloc;
  h.gc();
  EXPECT_EQ(before - h.read_memstats().Alloc, 1500u * 64u);
  for (size_t i = 1; i < keys.size(); i += 2) EXPECT_TRUE(h.is_live(keys[i]));
  EXPECT_EQ(m->check_invariants(), "");
}

// NanCodec treats key 0 as a float NaN: never equal, not even to itself.
class NanCodec final : public maps::SlotCodec {
 public:
  uint64_t key_hash_input(uint32_t key) const override { return key == 0 ? nan_hashes_++ : key; }
  bool key_equal(uint32_t a, uint32_t b) const override { return a == b && a != 0; }

 private:
  mutable uint64_t nan_hashes_ = 1ull << 40;   // Go hashes NaN randomly
};

TEST(SwissMap, NaNKeysAreAddedEveryTimeAndNeverFound) {
  heap::Heap h(go124());
  NanCodec codec;
  auto m = maps::make_map(h, go124(), int_map_type(8, false), codec, escaping());
  for (int i = 0; i < 20; i++) m->store(0, 1);
  m->store(5, 5);
  EXPECT_EQ(m->len(), 21u);
  EXPECT_EQ(m->lookup(0), nullptr);
  EXPECT_FALSE(m->remove(0));
  EXPECT_EQ(m->check_invariants(), "");
  m->clear();                                   // the only way to drop them
  EXPECT_EQ(m->len(), 0u);
  EXPECT_EQ(m->check_invariants(), "");
}

//-- [SECTION] Randomized invariants and GC -------------------------------------------------------

TEST(SwissMap, RandomizedOperationsKeepInvariants) {
  for (uint64_t seed : {1u, 2u, 3u}) {
    Fixture f(int_map_type(129, false, 1), seed == 2 ? on_stack(0, seed) : escaping(seed * 3, seed));
    std::unordered_map<uint32_t, uint32_t> ref;
    std::mt19937 rng(static_cast<uint32_t>(seed));
    for (int op = 0; op < 6000; op++) {
      const uint32_t key = rng() % (op < 3000 ? 3000 : 600);
      const uint32_t r = rng() % 100;
      if (r < 55) {
        // store(k, 0) first: the map runs without elem storage until op 1500.
        const uint32_t elem = op < 1500 ? 0u : static_cast<uint32_t>(op);
        if (op % 2) {
          f.map->store(key, elem);
        } else if (elem != 0) {
          *f.map->assign(key) = elem;
        } else {
          f.map->store(key, 0);
        }
        ref[key] = elem;
      } else if (r < 95) {
        EXPECT_EQ(f.map->remove(key), ref.erase(key) == 1);
      } else if (r < 96 && op % 7 == 0) {
        f.map->clear();
        ref.clear();
      } else if (r < 98) {
        f.heap.gc();
        ASSERT_EQ(f.heap.check_invariants(), "");
      } else {
        const uint32_t* e = f.map->lookup(key);
        auto it = ref.find(key);
        ASSERT_EQ(e != nullptr, it != ref.end());
        if (e) {
          EXPECT_EQ(*e, it->second);
        }
      }
      ASSERT_EQ(f.map->check_invariants(), "") << "seed " << seed << " op " << op << "\n"
                                               << f.swiss().dump();
      ASSERT_EQ(f.map->len(), ref.size());
    }
    size_t n = 0;
    f.map->for_each([&](uint32_t k, uint32_t e) {
      EXPECT_EQ(ref.at(k), e);
      n++;
      return true;
    });
    EXPECT_EQ(n, ref.size());
    f.heap.gc();
    EXPECT_EQ(f.map->shape().indirect_bytes, ref.size() * 144u);
  }
}

TEST(SwissMap, GcDuringGrowthAndSplitsFreesNothingLive) {
  // GOGC=1: a cycle starts inside most map allocations (new tables, directories, indirect
  // elems), while they are not yet linked into the map. Afterwards exactly the map's bytes,
  // the values and the runtime baseline are live.
  for (bool pointer : {false, true}) {
    Fixture f(pointer ? int_map_type(8, true) : int_map_type(129, false, 1), on_stack(0, 4),
              pointer);
    f.heap.set_gc_percent(1);
    for (uint32_t k = 0; k < 30000; k++) {
      if (pointer) {
        f.pending = f.heap.alloc(128, true);
        *f.map->assign(k) = f.pending;
        f.pending = heap::kNil;
      } else {
        *f.map->assign(k) = k;
      }
      if (k % 3 == 2) f.map->remove(k - 1);
    }
    EXPECT_GT(f.heap.read_memstats().NumGC, 50u);
    f.heap.gc();
    ASSERT_EQ(f.heap.check_invariants(), "");
    ASSERT_EQ(f.map->check_invariants(), "");
    for (const auto& t : f.swiss().tables()) {
      EXPECT_TRUE(f.heap.is_live(t.table_obj));
      EXPECT_TRUE(f.heap.is_live(t.groups_obj));
    }
    const maps::MapShape s = f.map->shape();
    const uint64_t values = pointer ? f.map->len() * 128 : 0;
    EXPECT_EQ(f.heap.read_memstats().Alloc, go124().runtime_alloc_after_gc() + s.total_bytes() + values);
  }
}

TEST(SwissMap, GcDuringMakeKeepsEveryTable) {
  // make(map[int]int, 1e6) allocates 4098 objects; with GOGC=1 cycles run in the middle,
  // before the caller holds the map: NewMap pins what it has allocated so far.
  Fixture f(int_map_type(8, false), escaping(0, 1));
  f.heap.set_gc_percent(1);
  const uint32_t before = f.heap.read_memstats().NumGC;
  IntCodec codec;
  auto m = maps::make_map(f.heap, go124(), int_map_type(8, false), codec, escaping(1'000'000));
  EXPECT_GT(f.heap.read_memstats().NumGC, before);
  EXPECT_TRUE(f.heap.is_live(m->header()));
  const auto* sw = maps::as_swiss_map(*m);
  EXPECT_TRUE(f.heap.is_live(sw->directory_object()));
  for (const auto& t : sw->tables()) {
    ASSERT_TRUE(f.heap.is_live(t.table_obj));
    ASSERT_TRUE(f.heap.is_live(t.groups_obj));
  }
  EXPECT_EQ(sw->tables().size(), 2048u);
  EXPECT_EQ(m->check_invariants(), "");
}

TEST(SwissMap, SplitsAndDirectoryDoublingsKeepInvariants) {
  Fixture f(int_map_type(8, false), escaping(0, 11));
  for (uint32_t k = 0; k < 40000; k++) {
    *f.map->assign(k) = k;
    if ((k & 1023) == 0) {
      ASSERT_EQ(f.map->check_invariants(), "") << k;
    }
  }
  ASSERT_EQ(f.map->check_invariants(), "");
  const maps::MapShape s = f.map->shape();
  EXPECT_EQ(s.dir_len, uint64_t(1) << s.global_depth);
  EXPECT_GE(s.dir_len, 64u);
  EXPECT_GT(f.count(maps::MapEvent::DirGrow), 5u);
  // Tables of a lower local depth span several directory entries.
  uint64_t entries = 0;
  for (const auto& t : f.swiss().tables()) {
    EXPECT_EQ(t.dir_entries, uint64_t(1) << (s.global_depth - t.local_depth));
    EXPECT_EQ(t.index % t.dir_entries, 0u);
    entries += t.dir_entries;
  }
  EXPECT_EQ(entries, s.dir_len);
  for (uint32_t k = 0; k < 40000; k++) ASSERT_NE(f.map->lookup(k), nullptr);
}

//-- [SECTION] The 1M experiment and churn (engine/maps/README.md) -------------------------------

TEST(SwissMap, MillionInsertTotalAllocMatchesTheAllocationModel) {
  // GOGC off, escaping map: Map + small group + growToTable + 6 grows (16 → 1024) +
  // 2·(T−1) split tables + directories 2 … 2048 (+ 1M values for *[128]byte) is exactly
  // Go 1.24.4's TotalAlloc (602 381 896 B for T = 2042, 203 370 936 B for T = 2040) and
  // Mallocs (8192; 1 008 184): engine/maps/README.md, "What is on the heap (Swiss)".
  for (bool pointer : {false, true}) {
    // Seeds 3 and 1 give the table counts of the measured runs (2042 and 2040).
    Fixture f(pointer ? int_map_type(8, true) : int_map_type(128, false, 1),
              escaping(0, pointer ? 1 : 3), pointer);
    f.heap.set_gc_percent(-1);
    const heap::MemStats before = f.heap.read_memstats();
    const uint64_t map_obj = 48;   // allocated by make, before `before`
    for (uint32_t k = 0; k < 1'000'000; k++) {
      if (pointer) {
        f.pending = f.heap.alloc(128, true);
        *f.map->assign(k) = f.pending;
      } else {
        *f.map->assign(k) = k;
      }
    }
    const heap::MemStats after = f.heap.read_memstats();
    const uint64_t T = f.map->shape().tables;
    const uint64_t group1 = pointer ? 144 : 1152;
    const uint64_t to_table = 32 + (pointer ? 288 : 2304) + 8;
    const uint64_t grows = 6 * 32 + (pointer ? 36800 : 294912);
    const uint64_t split_table = 32 + (pointer ? 18432 : 147456);
    const uint64_t dirs = 16 + 32 + 64 + 128 + 256 + 512 + 1152 + 2304 + 4864 + 9472 + 18432;
    const uint64_t values = pointer ? 128'000'000 : 0;
    EXPECT_EQ(after.TotalAlloc - before.TotalAlloc + map_obj,
              map_obj + group1 + to_table + grows + 2 * (T - 1) * split_table + dirs + values)
        << "pointer " << pointer << " tables " << T;
    EXPECT_EQ(after.Mallocs - before.Mallocs + 1,
              1 + 1 + 3 + 12 + 4 * (T - 1) + 11 + (pointer ? 1'000'000 : 0));   // 2 objects a table
    EXPECT_EQ(T, pointer ? 2040u : 2042u);
    EXPECT_EQ(after.TotalAlloc - before.TotalAlloc + 48, pointer ? 203'370'936u : 602'381'896u);
    EXPECT_EQ(after.Mallocs - before.Mallocs + 1, pointer ? 1'008'184u : 8'192u);
  }
}

struct Experiment {
  double after_insert_kib = 0, after_gc_kib = 0;
  uint64_t tables = 0, dir_len = 0, min_cap = 0, max_cap = 0, tombstones = 0, sim_bytes = 0;
  uint32_t num_gc = 0;
};

// run_article000 replays the article's program: m := make(map[int]V) (not escaping), insert
// 0..n−1, delete them all, runtime.GC(); V is [128]byte or *[128]byte.
// Seed 2 gives 2043 tables, as the measured run; over seeds the model gives 2040–2046
// (tests/bench/swiss_article000.cpp), Go 2040–2045.
Experiment run_article000(bool pointer, uint64_t seed = 2, uint32_t n = 1'000'000) {
  Fixture f(pointer ? int_map_type(8, true, 8, "map[int]*[128]byte")
                    : int_map_type(128, false, 1, "map[int][128]byte"),
            on_stack(0, seed), pointer);
  for (uint32_t k = 0; k < n; k++) {
    if (pointer) {
      f.pending = f.heap.alloc(128, /*noscan=*/true);   // new([128]byte)
      *f.map->assign(k) = f.pending;
      f.pending = heap::kNil;
    } else {
      f.map->store(k, 0);   // m[k] = [128]byte{}
    }
  }
  Experiment e;
  e.sim_bytes = f.swiss().simulator_bytes();
  e.after_insert_kib = f.heap.read_memstats().Alloc / 1024.0;
  const maps::MapShape s = f.map->shape();
  e.tables = s.tables;
  e.dir_len = s.dir_len;
  e.min_cap = ~0ull;
  for (const auto& t : f.swiss().tables()) {
    e.min_cap = std::min<uint64_t>(e.min_cap, t.capacity);
    e.max_cap = std::max<uint64_t>(e.max_cap, t.capacity);
  }
  for (uint32_t k = 0; k < n; k++) f.map->remove(k);
  e.tombstones = f.map->shape().tombstones;
  f.heap.gc();
  e.after_gc_kib = f.heap.read_memstats().Alloc / 1024.0;
  e.num_gc = f.heap.read_memstats().NumGC;
  EXPECT_EQ(f.map->len(), 0u);
  EXPECT_EQ(f.heap.check_invariants(), "");
  return e;
}

TEST(SwissMap, Article000InlineValuesGo124) {
  const Experiment e = run_article000(false);
  EXPECT_GE(e.tables, 2040u);
  EXPECT_LE(e.tables, 2045u);
  EXPECT_EQ(e.dir_len, 2048u);
  EXPECT_EQ(e.min_cap, 1024u);
  EXPECT_EQ(e.max_cap, 1024u);
  EXPECT_NEAR(e.after_gc_kib, 294324.0, 294324.0 * 0.02);
  EXPECT_NEAR(e.after_insert_kib, 330000.0, 330000.0 * 0.10);
  EXPECT_GT(e.tombstones, 80000u);   // real Go: 92 184
  EXPECT_LT(e.sim_bytes, 12u << 20);  // ctrl + key per slot: ~5 bytes × 2.1M slots
  std::printf("[ 1.24 val ] after insert %.0f KiB (Go 323 849–348 334), after GC %.0f KiB "
              "(Go 294 179–294 468), tables %llu, tombstones %llu, NumGC %u (Go 14)\n",
              e.after_insert_kib, e.after_gc_kib, (unsigned long long)e.tables,
              (unsigned long long)e.tombstones, e.num_gc);
}

TEST(SwissMap, Article000PointerValuesGo124) {
  const Experiment e = run_article000(true);
  EXPECT_GE(e.tables, 2040u);
  EXPECT_LE(e.tables, 2045u);
  EXPECT_EQ(e.dir_len, 2048u);
  EXPECT_EQ(e.min_cap, 1024u);
  EXPECT_NEAR(e.after_gc_kib, 36889.0, 36889.0 * 0.02);
  EXPECT_NEAR(e.after_insert_kib, 180253.0, 180253.0 * 0.10);
  std::printf("[ 1.24 ptr ] after insert %.0f KiB (Go 180 253), after GC %.0f KiB (Go 36 889), "
              "tables %llu, tombstones %llu, NumGC %u (Go 8)\n",
              e.after_insert_kib, e.after_gc_kib, (unsigned long long)e.tables,
              (unsigned long long)e.tombstones, e.num_gc);
}

}  // namespace

TEST(SwissMap, ChurnAccumulatesTombstonesAndSplitsOnceMore) {
  // Go 1.24.4, map[int][128]byte: insert 1M, then 4 rounds of "delete all, runtime.GC(),
  // insert 1M new keys". Alloc after each GC: 294 323 KiB, then 295 044–295 049 KiB (5 more
  // splits) and flat; tombstones 91K → 176K → 258K → 337K; 2043 → 2048 tables
  // (engine/maps/README.md, "Churn: delete all, insert new keys").
  Fixture f(int_map_type(128, false, 1), on_stack(0, 2));
  const uint32_t n = 1'000'000;
  for (uint32_t k = 0; k < n; k++) f.map->store(k, 0);
  std::vector<uint64_t> kib, tombstones, tables;
  for (uint32_t round = 0; round < 4; round++) {
    for (uint32_t k = 0; k < n; k++) f.map->remove(k + round * n);
    f.heap.gc();
    const maps::MapShape s = f.map->shape();
    kib.push_back(f.heap.read_memstats().Alloc / 1024);
    tombstones.push_back(s.tombstones);
    tables.push_back(s.tables);
    if (round < 3) {
      for (uint32_t k = 0; k < n; k++) f.map->store(k + (round + 1) * n, 0);
    }
  }
  EXPECT_NEAR(double(kib[0]), 294323.0, 294323.0 * 0.02);
  EXPECT_NEAR(double(kib[1]), 295046.0, 295046.0 * 0.02);
  EXPECT_EQ(kib[2], kib[1]);
  EXPECT_EQ(kib[3], kib[1]);
  EXPECT_EQ(tables[3], 2048u);
  const double go[] = {91e3, 176e3, 258e3, 337e3};
  for (int i = 0; i < 4; i++) EXPECT_NEAR(double(tombstones[i]), go[i], go[i] * 0.05) << i;
  EXPECT_EQ(f.map->check_invariants(), "");
}

//-- [SECTION] Go 1.25+: pruneTombstones, Clone, Clear of tombstones; Go 1.27: small-map updates

namespace {

const runtime::Profile& release(const char* v) { return *runtime::profile_for(v); }

// churn inserts keys 0 … n−1, then deletes one key and inserts a new one, rounds times (the
// oracle's churn_1400.go); returns the TableGrow and Split events seen during the churn.
size_t churn(Fixture& f, uint32_t n, uint32_t rounds) {
  for (uint32_t k = 0; k < n; k++) f.map->store(k, k);
  f.events.clear();
  for (uint32_t r = 0; r < rounds; r++) {
    EXPECT_TRUE(f.map->remove(r));
    f.map->store(r + n, r);
  }
  return f.count(maps::MapEvent::TableGrow) + f.count(maps::MapEvent::Split);
}

}  // namespace

TEST(SwissMap, PruningTombstonesStopsChurnFromGrowingTablesFromGo125) {
  // golang/go#70886: 1 400 keys (two 1024-slot tables of ~700), one delete + one insert per
  // round. Go 1.24 splits tables until tombstones are rare (real: 2 → 8 tables); from 1.25
  // a table out of growthLeft empties the tombstones no probe needs, and a second run of
  // 200 000 rounds allocates nothing.
  for (const char* v : {"1.24", "1.25", "1.26", "1.27"}) {
    Fixture f(int_map_type(4, false, 4), escaping(0, 11), false, release(v));
    const size_t rehashes = churn(f, 1400, 200'000);
    const bool prunes = release(v).swiss.prune_tombstones;
    EXPECT_EQ(f.count(maps::MapEvent::PruneTombstones) > 0, prunes) << v;
    if (prunes) {
      EXPECT_LE(rehashes, 2u) << v;
    } else {
      EXPECT_GE(rehashes, 4u) << v;
    }
    const uint64_t total = f.heap.read_memstats().TotalAlloc;
    for (uint32_t r = 200'000; r < 400'000; r++) {
      f.map->remove(r);
      f.map->store(r + 1400, r);
    }
    if (prunes) {
      EXPECT_EQ(f.heap.read_memstats().TotalAlloc, total) << v;
    }
    EXPECT_EQ(f.map->len(), 1400u);
    EXPECT_EQ(f.map->check_invariants(), "") << v;
  }
}

TEST(SwissMap, PointerKeysPruneTombstonesOnlyFromGo127) {
  // The same churn on a map keyed by one pointer word (map[*T]int): Go 1.25 and 1.26 assign
  // it through runtime_mapassign_fast64ptr, which lacks the pruneTombstones call of the other
  // assignments (runtime_fast64_swiss.go, runtime_fast64.go), so its tables split as on 1.24
  // (real Go: 2 → 8 tables, tests/oracle/programs/churn_pointer_keys.go); 1.27 added it. A
  // two-word key with a pointer (a string) takes the generic PutSlot and prunes from 1.25.
  maps::MapType pointer_keys = int_map_type(8, false, 8, "map[*T]int");
  pointer_keys.key_ptrs = true;
  maps::MapType string_keys = int_map_type(8, false, 8, "map[string]int");
  string_keys.key_ptrs = true;
  string_keys.key_size = 16;
  ASSERT_TRUE(pointer_keys.assign_fast64ptr());
  ASSERT_FALSE(string_keys.assign_fast64ptr());
  ASSERT_FALSE(int_map_type(8, false).assign_fast64ptr());
  for (const char* v : {"1.24", "1.25", "1.26", "1.27"}) {
    for (const maps::MapType* t : {&pointer_keys, &string_keys}) {
      Fixture f(*t, escaping(0, 11), false, release(v));
      const size_t rehashes = churn(f, 1400, 200'000);
      const bool prunes = t->assign_fast64ptr() ? release(v).swiss.prune_tombstones_fast64ptr
                                                : release(v).swiss.prune_tombstones;
      EXPECT_EQ(f.count(maps::MapEvent::PruneTombstones) > 0, prunes) << v << " " << t->name;
      if (prunes) {
        EXPECT_LE(rehashes, 2u) << v << " " << t->name;
      } else {
        EXPECT_GE(rehashes, 4u) << v << " " << t->name;
      }
      EXPECT_EQ(f.map->check_invariants(), "") << v << " " << t->name;
    }
  }
}

TEST(SwissMap, PruneTombstonesEmptiesOnlyUnneededTombstones) {
  // One 128-slot table churned at 70 keys. Each prune reports how many tombstones became
  // empty slots: growthLeft rises from 0 by exactly that, at least 10 % of the capacity comes
  // back, no entry moves and every key stays reachable (check_invariants looks each one up).
  Fixture f(int_map_type(8, false), escaping(100, 3), false, release("1.25"));
  std::mt19937 rng(7);
  std::vector<uint32_t> live;
  uint32_t next = 0;
  for (; next < 70; next++) {
    live.push_back(next);
    f.map->store(next, next);
  }
  uint32_t before_left = 0, before_tomb = 0;
  size_t prunes = 0;
  f.map->on_event = [&](const maps::MapEvent& e) {
    if (e.kind != maps::MapEvent::PruneTombstones) return;
    const maps::SwissTableView t = f.swiss().table_at(0);
    EXPECT_EQ(before_left, 0u);
    EXPECT_EQ(t.growth_left, e.a);
    EXPECT_EQ(t.tombstones, before_tomb - e.a);
    EXPECT_GE(e.a * 10, e.b);
    EXPECT_EQ(e.b, t.capacity);
    prunes++;
  };
  for (int round = 0; round < 20'000; round++) {
    const size_t j = rng() % live.size();
    ASSERT_TRUE(f.map->remove(live[j]));
    const maps::SwissTableView t = f.swiss().table_at(0);
    before_left = t.growth_left;
    before_tomb = t.tombstones;
    live[j] = next;
    f.map->store(next++, 1);
    if (round % 97 == 0) {
      ASSERT_EQ(f.map->check_invariants(), "");
    }
  }
  EXPECT_GT(prunes, 10u);
  EXPECT_EQ(f.swiss().table_at(0).capacity, 128u);   // 70 keys churned in place
  for (uint32_t k : live) EXPECT_NE(f.map->lookup(k), nullptr);
  EXPECT_EQ(f.map->check_invariants(), "");
}

TEST(SwissMap, RandomizedChurnWithPruningKeepsInvariants) {
  // Small tables (16–128 slots), where probe sequences often cross groups with tombstones.
  for (uint32_t seed = 1; seed <= 12; seed++) {
    Fixture f(int_map_type(8, false), escaping(0, seed), false, release("1.26"));
    std::mt19937 rng(seed);
    std::unordered_map<uint32_t, uint32_t> want;
    for (uint32_t op = 0; op < 30'000; op++) {
      const uint32_t k = rng() % (seed * 40 + 20);
      if (rng() % 2) {
        f.map->store(k, op);
        want[k] = op;
      } else {
        EXPECT_EQ(f.map->remove(k), want.erase(k) == 1);
      }
      if (op % 1000 == 0) {
        ASSERT_EQ(f.map->check_invariants(), "") << seed;
      }
    }
    for (const auto& [k, v] : want) ASSERT_EQ(*f.map->lookup(k), v);
    EXPECT_EQ(f.map->len(), want.size());
    EXPECT_EQ(f.map->check_invariants(), "") << seed;
  }
}

TEST(SwissMap, CloneCopiesDirectoryTablesAndTombstonesFromGo125) {
  // (*Map).Clone: a new directory, and per table a 32-byte table and a group array of the
  // same capacity; the clone keeps the original's tables even when deletes emptied them.
  // Before 1.25 clone_from declines (the interpreter then inserts entry by entry).
  auto same = [](uint32_t h) { return h; };
  for (const char* v : {"1.24", "1.25"}) {
    Fixture f(int_map_type(8, false), escaping(), false, release(v));
    for (uint32_t k = 0; k < 20'000; k++) f.map->store(k, k + 1);
    for (uint32_t k = 0; k < 19'000; k++) f.map->remove(k);
    f.other = maps::make_map(f.heap, f.profile, f.map->type(), f.codec, escaping());
    const auto before = f.heap.read_memstats();
    const bool copied = f.other->clone_from(*f.map, same, same);
    EXPECT_EQ(copied, f.profile.swiss.clone_copies_tables) << v;
    if (!copied) {
      EXPECT_EQ(f.heap.read_memstats().TotalAlloc, before.TotalAlloc);
      EXPECT_EQ(f.other->len(), 0u);
      continue;
    }
    const maps::MapShape a = f.map->shape(), b = f.other->shape();
    EXPECT_EQ(b.count, 1000u);
    EXPECT_EQ(b.dir_len, a.dir_len);
    EXPECT_EQ(b.tables, a.tables);
    EXPECT_EQ(b.capacity, a.capacity);
    EXPECT_EQ(b.tombstones, a.tombstones);
    EXPECT_GT(b.tombstones, 0u);
    const auto after = f.heap.read_memstats();
    EXPECT_EQ(after.TotalAlloc - before.TotalAlloc, a.bucket_bytes + a.extra_bytes);
    EXPECT_EQ(after.Mallocs - before.Mallocs, 1 + 2 * a.tables);
    for (uint32_t k = 19'000; k < 20'000; k++) ASSERT_EQ(*f.other->lookup(k), k + 1);
    f.other->remove(19'500);   // the copies are independent
    EXPECT_NE(f.map->lookup(19'500), nullptr);
    f.map.reset();
    f.heap.gc();
    EXPECT_EQ(f.other->check_invariants(), "");
    EXPECT_EQ(f.heap.check_invariants(), "");
  }
}

TEST(SwissMap, CloneOfSmallMapsAndIndirectElems) {
  // A small map: one new group. A map never written: no group at all. map[int][129]byte:
  // one new 144-byte elem object per full slot (cloneGroup).
  auto same = [](uint32_t h) { return h; };
  Fixture f(int_map_type(8, false), escaping(), false, release("1.25"));
  for (uint32_t k = 0; k < 5; k++) f.map->store(k, k);
  f.other = maps::make_map(f.heap, f.profile, f.map->type(), f.codec, escaping());
  uint64_t total = f.heap.read_memstats().TotalAlloc;
  ASSERT_TRUE(f.other->clone_from(*f.map, same, same));
  EXPECT_EQ(f.heap.read_memstats().TotalAlloc - total, 144u);
  EXPECT_TRUE(maps::as_swiss_map(*f.other)->has_small_group());
  EXPECT_EQ(*f.other->lookup(4), 4u);
  EXPECT_EQ(f.other->check_invariants(), "");

  Fixture g(int_map_type(8, false), escaping(), false, release("1.25"));
  g.other = maps::make_map(g.heap, g.profile, g.map->type(), g.codec, escaping());
  total = g.heap.read_memstats().TotalAlloc;
  ASSERT_TRUE(g.other->clone_from(*g.map, same, same));
  EXPECT_EQ(g.heap.read_memstats().TotalAlloc, total);
  EXPECT_FALSE(maps::as_swiss_map(*g.other)->has_small_group());

  Fixture h(int_map_type(129, false, 1), escaping(), false, release("1.25"));
  for (uint32_t k = 0; k < 300; k++) h.map->store(k, 0);
  for (uint32_t k = 0; k < 100; k++) h.map->remove(k);
  h.other = maps::make_map(h.heap, h.profile, h.map->type(), h.codec, escaping());
  const auto before = h.heap.read_memstats();
  ASSERT_TRUE(h.other->clone_from(*h.map, same, same));
  const maps::MapShape s = h.map->shape();
  EXPECT_EQ(h.heap.read_memstats().Mallocs - before.Mallocs, 1 + 2 * s.tables + 200);
  EXPECT_EQ(h.other->shape().indirect_bytes, 200u * 144u);
  h.heap.gc();
  EXPECT_EQ(h.other->check_invariants(), "");
}

TEST(SwissMap, ClearOfAnEmptiedMapDropsItsTombstonesFromGo125) {
  // Map.Clear returns at once when used == 0 in 1.24; from 1.25 only when no delete has left
  // a tombstone since the last clear (tombstonePossible).
  for (const char* v : {"1.24", "1.25"}) {
    Fixture f(int_map_type(8, false), escaping(), false, release(v));
    for (uint32_t k = 0; k < 5000; k++) f.map->store(k, k);
    for (uint32_t k = 0; k < 5000; k++) f.map->remove(k);
    const uint64_t tombstones = f.map->shape().tombstones, seq = f.swiss().clear_seq();
    ASSERT_GT(tombstones, 0u);
    f.map->clear();
    const bool drops = f.profile.swiss.clear_drops_tombstones;
    EXPECT_EQ(f.map->shape().tombstones, drops ? 0u : tombstones) << v;
    EXPECT_EQ(f.swiss().clear_seq(), seq + (drops ? 1 : 0)) << v;
    f.map->clear();   // nothing left to clear: a no-op in both
    EXPECT_EQ(f.swiss().clear_seq(), seq + (drops ? 1 : 0)) << v;
    EXPECT_EQ(f.map->check_invariants(), "");
  }
}

TEST(SwissMap, UpdateOfAFullSmallMapStaysSmallFromGo127) {
  // Go 1.27 Map.PutSlot: putSlotSmall looks for the key first; only a 9th key makes a table.
  Fixture f(int_map_type(8, false), escaping(), false, release("1.27"));
  for (uint32_t k = 0; k < 8; k++) *f.map->assign(k) = k;
  const uint64_t before = f.heap.read_memstats().TotalAlloc;
  *f.map->assign(3) = 33;
  EXPECT_EQ(f.heap.read_memstats().TotalAlloc, before);
  EXPECT_TRUE(f.swiss().is_small());
  EXPECT_EQ(*f.map->lookup(3), 33u);
  *f.map->assign(8) = 8;
  EXPECT_EQ(f.heap.read_memstats().TotalAlloc - before, 328u);
  EXPECT_FALSE(f.swiss().is_small());
  EXPECT_EQ(f.map->len(), 9u);
  EXPECT_EQ(f.map->check_invariants(), "");
}
