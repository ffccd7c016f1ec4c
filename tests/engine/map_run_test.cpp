// map_run_test.cpp — Map::store_run / remove_run (the fused bulk loops' engine call) against
// the same keys stored and removed one call at a time: same map, same events at the same op
// counts, same allocations and GC cycles, on classic and Swiss maps.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/maps/map.h"
#include "tests/engine/test_codec.h"

namespace {

using testing_support::IntCodec;
using testing_support::int_map_type;

// Trace is what a run leaves behind: map events stamped with the op counter, the shape, the
// entries in visiting order and the heap's figures.
struct Trace {
  std::vector<std::string> events;
  std::string shape, entries, invariants;
  std::string slots;   // classic: every slot's tophash byte, bucket by bucket, chains included
  uint64_t total_alloc = 0, mallocs = 0, frees = 0;
  uint32_t num_gc = 0;
};

struct Step {
  bool store;
  int64_t first;
  uint64_t n;
  uint32_t elem;        // store: the elem, unless elem_is_key
  bool elem_is_key;
};

Trace run(const char* release, const maps::MapType& type, const std::vector<Step>& steps, bool runs) {
  const runtime::Profile& profile = *runtime::profile_for(release);
  heap::Heap heap(profile);
  IntCodec codec;
  std::unique_ptr<maps::Map> m = maps::make_map(heap, profile, type, codec, maps::MakeParams{0, true, false, 7});
  heap.set_root_scanner([&](heap::Marker& mk) { mk.mark(m->header()); m->trace(mk); });
  Trace t;
  uint64_t ops = 0;
  m->on_event = [&](const maps::MapEvent& e) {
    t.events.push_back(std::to_string(ops) + ":" + std::to_string(int(e.kind)) + "," +
                       std::to_string(e.a) + "," + std::to_string(e.b));
  };
  constexpr uint64_t kStep = 5;   // ops per loop iteration
  for (const Step& s : steps) {
    const maps::KeyRun r{s.first, s.n, &ops, kStep};
    if (runs) {
      if (s.store) m->store_run(r, s.elem, s.elem_is_key);
      else m->remove_run(r);
    } else {
      for (uint64_t j = 0; j < s.n; ++j) {
        if (j) ops += kStep;
        const uint32_t k = maps::small_int_handle(s.first + int64_t(j));
        if (s.store) m->store(k, s.elem_is_key ? k : s.elem);
        else m->remove(k);
      }
    }
    ops += kStep;
  }
  const maps::MapShape sh = m->shape();
  t.shape = std::to_string(sh.count) + " B" + std::to_string(sh.B) + " nov" + std::to_string(sh.noverflow) +
            " ovf" + std::to_string(sh.overflow_buckets) + " old" + std::to_string(sh.noldbuckets) +
            " nev" + std::to_string(sh.nevacuate) + " dir" + std::to_string(sh.dir_len) + " tables" +
            std::to_string(sh.tables) + " tomb" + std::to_string(sh.tombstones) + " bytes" +
            std::to_string(sh.total_bytes());
  m->for_each([&](uint32_t k, uint32_t e) {
    t.entries += std::to_string(k) + "=" + std::to_string(e) + " ";
    return true;
  });
  for (const bool old : {false, true}) {
    if (sh.swiss) break;
    std::vector<maps::SlotInfo> info;
    for (uint64_t b = 0; m->inspect_slots(old, b, info); ++b) {
      for (const maps::SlotInfo& i : info) t.slots += std::to_string(i.tophash) + (i.full ? i.key : "") + ",";
      t.slots += "|";
      info.clear();
    }
  }
  t.invariants = m->check_invariants();
  const heap::MemStats ms = heap.read_memstats();
  t.total_alloc = ms.TotalAlloc;
  t.mallocs = ms.Mallocs;
  t.frees = ms.Frees;
  t.num_gc = ms.NumGC;
  return t;
}

TEST(MapRun, RunsDoWhatKeyByKeyCallsDo) {
  // Fill (with growth, overflow buckets, splits), refill, delete part (some absent keys),
  // refill, delete everything and more (the map empties: a reseed mid-run), refill.
  const std::vector<Step> set_steps = {
      {true, -3000, 40000, 0, true}, {true, 10000, 20000, 0, true}, {false, -5000, 15000, 0, false},
      {true, 20000, 30000, 0, true}, {false, -10000, 80000, 0, false}, {true, 5, 3000, 0, true}};
  const std::vector<Step> zero_steps = {
      {true, 0, 50000, 0, false}, {false, 1000, 20000, 0, false}, {true, 30000, 40000, 0, false},
      {false, -100, 100000, 0, false}, {true, 7, 900, 0, false}};
  struct Case { const char* name; maps::MapType type; const std::vector<Step>* steps; };
  const Case cases[] = {
      {"map[int]int, m[i] = i", int_map_type(8, false), &set_steps},
      {"map[int][128]byte, zero values", int_map_type(128, false, 1), &zero_steps},
      {"map[int][129]byte, indirect elems", int_map_type(129, false, 1), &zero_steps},
      {"map[int]int, m[i] = 3", int_map_type(8, false), nullptr},
  };
  const std::vector<Step> const_steps = {{true, 0, 30000, 3, false}, {false, 0, 30000, 0, false}};
  for (const char* release : {"1.19", "1.21", "1.24", "1.25", "1.27"}) {
    for (const Case& c : cases) {
      const std::vector<Step>& steps = c.steps ? *c.steps : const_steps;
      const Trace a = run(release, c.type, steps, false);
      const Trace b = run(release, c.type, steps, true);
      SCOPED_TRACE(std::string(release) + " " + c.name);
      EXPECT_EQ(a.events, b.events);
      EXPECT_FALSE(a.events.empty());
      EXPECT_EQ(a.shape, b.shape);
      EXPECT_EQ(a.entries, b.entries);
      EXPECT_EQ(a.slots, b.slots);
      EXPECT_EQ(a.invariants, "");
      EXPECT_EQ(b.invariants, "");
      EXPECT_EQ(a.total_alloc, b.total_alloc);
      EXPECT_EQ(a.mallocs, b.mallocs);
      EXPECT_EQ(a.frees, b.frees);
      EXPECT_EQ(a.num_gc, b.num_gc);
    }
  }
}

// writes_until_growth (a time slice ends a fused loop's run where a growth starts): that many
// new keys fit, and the next one starts a growth (Go 1.19's classic map; a Swiss map has no
// growth state and says so).
TEST(MapRun, WritesUntilGrowthEndWhereAGrowthStarts) {
  for (const char* release : {"1.19", "1.27"}) {
    const runtime::Profile& profile = *runtime::profile_for(release);
    heap::Heap heap(profile);
    IntCodec codec;
    std::unique_ptr<maps::Map> m = maps::make_map(heap, profile, int_map_type(8, false), codec, maps::MakeParams{0, true, false, 7});
    heap.set_root_scanner([&](heap::Marker& mk) { mk.mark(m->header()); m->trace(mk); });
    uint32_t next = 0;
    int growths = 0;
    while (next < 20000) {
      const uint64_t fit = m->writes_until_growth();
      if (std::string(release) == "1.27") {
        EXPECT_EQ(fit, UINT64_MAX);
        EXPECT_EQ(m->write_work(), 0u);
        break;
      }
      if (fit == UINT64_MAX) {   // growing: every write evacuates until it is done
        EXPECT_GT(m->write_work(), 0u);
        m->store(next++, 0);
        continue;
      }
      for (uint64_t i = 0; i < fit; ++i) m->store(next++, 0);
      ASSERT_EQ(m->shape().noldbuckets, 0u) << "after " << next << " keys";
      const uint64_t work = m->work(), B = m->shape().B;
      m->store(next++, 0);
      EXPECT_EQ(m->shape().B, B + 1) << "key " << next - 1 << " should start a growth";   // (B ≤ 1: done at once)
      EXPECT_GT(m->work(), work);   // hash_grow's own work, and its first evacuations
      ++growths;
    }
    if (std::string(release) == "1.19") {
      EXPECT_GE(growths, 8);
    }
  }
}

}  // namespace
