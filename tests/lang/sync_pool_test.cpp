// sync_pool_test.cpp — sync.Pool's allocations, victim cache and cleanup (sync_pool.h), on a
// real simulated heap, and fmt's printer pool as a program sees it.
#include <gtest/gtest.h>

#include <vector>

#include "engine/heap/heap.h"
#include "engine/lang/sync_pool.h"
#include "engine/runtime/profile.h"
#include "tests/lang/lang_test_util.h"

namespace {

struct PoolOnHeap {
  heap::Heap h{*runtime::profile_for("1.24")};
  lang::SyncPools pools;
  std::vector<heap::ObjId> items;   // an item's object, kept alive by the pools alone
  std::vector<uint32_t> dropped;
  lang::SyncPools::Alloc alloc = [this](uint64_t size, bool noscan) { return h.alloc(size, noscan); };
  PoolOnHeap() {
    h.set_root_scanner([this](heap::Marker& m) { pools.mark(m, [&](uint32_t, uint32_t it) { m.mark(items[it]); }); });
    h.set_pool_cleanup([this] { pools.cleanup([this](uint32_t, uint32_t it) { dropped.push_back(it); }); });
  }
  uint64_t mallocs() { return h.read_memstats().Mallocs; }
};

TEST(SyncPool, FirstUseMakesThePerPArrayAndAllPools) {
  PoolOnHeap t;
  const uint32_t pool = t.pools.add_pool();
  const uint64_t before = t.mallocs();
  uint32_t item = 0;
  EXPECT_FALSE(t.pools.get(pool, t.alloc, item));   // empty: the caller makes one
  EXPECT_EQ(t.mallocs() - before, 2u);                // 2 × 128 B array, allPools (8 B)
  t.items.push_back(t.h.alloc(208, false));
  t.pools.put(pool, 0, t.alloc);
  ASSERT_TRUE(t.pools.get(pool, t.alloc, item));      // the private slot
  EXPECT_EQ(item, 0u);
  EXPECT_EQ(t.mallocs() - before, 3u);
  EXPECT_TRUE(t.pools.check_invariants());
}

TEST(SyncPool, AnItemLivesThroughOneCycleInTheVictimAndIsFreedByTheSecond) {
  PoolOnHeap t;
  const uint32_t pool = t.pools.add_pool();
  uint32_t item = 0;
  t.pools.get(pool, t.alloc, item);
  t.items.push_back(t.h.alloc(208, false));
  t.pools.put(pool, 0, t.alloc);
  t.h.gc();   // local → victim: still reachable
  EXPECT_TRUE(t.dropped.empty());
  const uint64_t frees = t.h.read_memstats().Frees;
  t.h.gc();   // the victim is dropped: the item, its array and the old allPools are garbage
  ASSERT_EQ(t.dropped.size(), 1u);
  EXPECT_EQ(t.h.read_memstats().Frees - frees, 3u);
  EXPECT_TRUE(t.pools.check_invariants());
}

TEST(SyncPool, GetFindsTheVictimOnlyOnThePItWasPutOn) {
  for (uint32_t p_after : {0u, 1u}) {
    PoolOnHeap t;
    const uint32_t pool = t.pools.add_pool();
    uint32_t item = 0;
    t.pools.get(pool, t.alloc, item);
    t.items.push_back(t.h.alloc(208, false));
    t.pools.put(pool, 0, t.alloc);   // P 0's private slot
    t.h.gc();
    t.pools.resume_on(p_after);
    EXPECT_EQ(t.pools.get(pool, t.alloc, item), p_after == 0) << p_after;
  }
}

TEST(SyncPool, ASecondPutGoesToTheSharedChainWhichTheOtherPCanSteal) {
  PoolOnHeap t;
  const uint32_t pool = t.pools.add_pool();
  uint32_t item = 0;
  t.pools.get(pool, t.alloc, item);
  t.items = {t.h.alloc(208, false), t.h.alloc(208, false)};
  const uint64_t before = t.mallocs();
  t.pools.put(pool, 0, t.alloc);
  t.pools.put(pool, 1, t.alloc);
  EXPECT_EQ(t.mallocs() - before, 2u);   // poolChainElt (48 B) and its ring (128 B)
  t.pools.resume_on(1);
  ASSERT_TRUE(t.pools.get(pool, t.alloc, item));   // popTail of P 0's chain
  EXPECT_EQ(item, 1u);
  EXPECT_FALSE(t.pools.get(pool, t.alloc, item));  // P 0's private slot is its own
}

TEST(SyncPool, FmtsFirstPrintMakesItsPrinterAndBuffer) {
  // real Go 1.19–1.26: 4 mallocs / 488 B (1.27: 456 B, a smaller pp); the second print none
  const std::string body =
      "\tvar a, b runtime.MemStats\n\truntime.ReadMemStats(&a)\n\tfmt.Println(\"first print\")\n"
      "\truntime.ReadMemStats(&b)\n\tm1, t1 := b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc\n"
      "\truntime.ReadMemStats(&a)\n\tfmt.Println(\"again\")\n\truntime.ReadMemStats(&b)\n"
      "\tfmt.Println(m1, t1, b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)\n";
  for (const auto& [v, want] : {std::pair{"1.19", "4 488 0 0\n"}, {"1.24", "4 488 0 0\n"}, {"1.27", "4 456 0 0\n"}}) {
    auto r = langtest::run(langtest::prog(body), langtest::go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, std::string("first print\nagain\n") + want) << v;
  }
}

}  // namespace
