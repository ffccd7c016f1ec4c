// memlimit_test.cpp — the memory limit's heap goal (mgcpacer.go memoryLimitHeapGoal), the
// allocation-time scavenging that keeps mapped memory under the limit, and the background
// scavenger's goals and pacing on the simulated clock (mgcscavenge.go).
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "engine/heap/heap.h"
#include "engine/runtime/profile.h"
#include "engine/sim/simulation.h"

namespace {

const runtime::Profile& release(const char* v) { return *runtime::profile_for(v); }
constexpr int64_t kMiB = 1 << 20;

// The goal the limit gives, from MemStats as memoryLimitHeapGoal reads them.
uint64_t expected_limit_goal(const heap::Heap& h, uint64_t limit, uint64_t headroom_percent) {
  const heap::MemStats m = h.read_memstats();
  const uint64_t mapped = m.Sys - m.HeapReleased;
  const uint64_t heap_free = m.HeapIdle - m.HeapReleased;
  const uint64_t non_heap = mapped - heap_free - m.HeapAlloc;
  uint64_t goal = limit - non_heap;
  const uint64_t headroom = std::max<uint64_t>(headroom_percent ? goal / 100 * headroom_percent : 0, 1 << 20);
  return goal - headroom;
}

TEST(MemoryLimit, GoalIsTheLimitLessNonHeapMemoryAndHeadroomPerRelease) {
  for (const char* v : {"1.19", "1.21", "1.24", "1.27"}) {
    heap::Heap h(release(v));
    h.set_root_scanner([](heap::Marker&) {});
    h.set_gc_percent(-1);
    EXPECT_EQ(h.read_memstats().NextGC, 0u) << v;   // GOGC off, no limit: no goal
    EXPECT_EQ(h.set_memory_limit(64 * kMiB), heap::Heap::kNoMemoryLimit) << v;
    EXPECT_EQ(h.set_memory_limit(-1), 64 * kMiB) << v;   // a negative limit only reads it
    const uint64_t pct = release(v).scavenger.limit_headroom_percent;
    EXPECT_EQ(h.memory_limit_goal(), expected_limit_goal(h, 64 * kMiB, pct)) << v;
    EXPECT_EQ(h.read_memstats().NextGC, h.memory_limit_goal()) << v;
    EXPECT_EQ(h.next_gc(), h.memory_limit_goal()) << v;
  }
  // Go 1.19: a fixed 1 MiB of headroom; 1.21+: 3 % of the goal.
  EXPECT_EQ(release("1.19").scavenger.limit_headroom_percent, 0u);
  EXPECT_EQ(release("1.21").scavenger.limit_headroom_percent, 3u);
}

TEST(MemoryLimit, GogcOffRunsNoCycleFarBelowTheLimitAndCyclesNearIt) {
  heap::Heap h(release("1.24"));
  std::vector<heap::ObjId> keep;
  h.set_root_scanner([&](heap::Marker& m) { for (auto o : keep) m.mark(o); });
  h.set_gc_percent(-1);
  h.set_memory_limit(64 * kMiB);
  for (int i = 0; i < 40; ++i) keep.push_back(h.alloc(1 << 20, true));
  EXPECT_EQ(h.num_gc(), 0u);   // 40 MiB live, far below a 64 MiB limit
  for (int i = 0; i < 20; ++i) keep.push_back(h.alloc(1 << 20, true));
  EXPECT_GE(h.num_gc(), 1u);   // near it the limit's goal starts cycles with GOGC off
  EXPECT_EQ(h.check_invariants(), "");
  // Past the limit the goal is the marked heap: without a clock, each new span starts one.
  const uint32_t before = h.num_gc();
  for (int i = 0; i < 10; ++i) keep.push_back(h.alloc(1 << 20, true));
  EXPECT_EQ(h.num_gc(), before + 10);
  EXPECT_EQ(h.next_gc(), h.heap_marked());
}

TEST(MemoryLimit, CyclesNearTheLimitTakeTimeOnTheClock) {
  // With a clock, a cycle lasts Heap::kCycleNs: allocations during it start no other.
  heap::Heap h(release("1.24"));
  int64_t clock = 0;
  h.nanotime = [&] { return clock; };
  std::vector<heap::ObjId> keep;
  h.set_root_scanner([&](heap::Marker& m) { for (auto o : keep) m.mark(o); });
  h.set_gc_percent(-1);
  h.set_memory_limit(32 * kMiB);
  for (int i = 0; i < 40; ++i) keep.push_back(h.alloc(1 << 20, true));
  const uint32_t before = h.num_gc();
  for (int i = 0; i < 10; ++i) keep.push_back(h.alloc(1 << 20, true));
  EXPECT_EQ(h.num_gc(), before);   // the clock stood still: the last cycle has not ended
  for (int i = 0; i < 10; ++i) {
    clock += heap::Heap::kCycleNs;
    keep.push_back(h.alloc(1 << 20, true));
  }
  EXPECT_EQ(h.num_gc(), before + 10);
}

TEST(MemoryLimit, AllocationsScavengeToStayUnderTheLimit) {
  // mheap.go allocSpan: an allocation that would page memory in past the limit first
  // releases as much of the free heap.
  heap::Heap h(release("1.24"));
  std::vector<heap::ObjId> keep;
  h.set_root_scanner([&](heap::Marker& m) { for (auto o : keep) m.mark(o); });
  h.set_gc_percent(-1);
  for (int i = 0; i < 48; ++i) {   // 1 MiB holes between live objects
    keep.push_back(h.alloc(1 << 20, true));
    h.alloc(1 << 20, true);
  }
  h.gc();
  const heap::MemStats freed = h.read_memstats();
  EXPECT_GT(freed.HeapIdle - freed.HeapReleased, 40u << 20);
  h.set_memory_limit(static_cast<int64_t>(h.mapped_ready()));   // the limit: what is mapped now
  for (int i = 0; i < 8; ++i) keep.push_back(h.alloc(4 << 20, true));   // no hole holds one
  const heap::MemStats after = h.read_memstats();
  EXPECT_LE(h.mapped_ready(), static_cast<uint64_t>(h.memory_limit()));
  EXPECT_GT(after.HeapReleased, freed.HeapReleased);
  EXPECT_EQ(h.check_invariants(), "");
}

// Clocked is a heap on a clock the test moves (the simulation's nanotime), no roots.
struct Clocked {
  heap::Heap h;
  int64_t clock = 0;
  explicit Clocked(const char* v) : h(release(v)) {
    h.nanotime = [this] { return clock; };
    h.set_root_scanner([](heap::Marker&) {});
  }
  // wait moves the clock by ns and lets the scavenger catch up.
  heap::MemStats wait(int64_t ns) {
    clock += ns;
    h.advance();
    return h.read_memstats();
  }
};

// fill_and_drop keeps mib MiB in 1 MiB objects alive, drops them and runs gcs cycles.
void fill_and_drop(heap::Heap& h, int mib, int gcs) {
  std::vector<heap::ObjId> keep;
  h.set_root_scanner([&](heap::Marker& m) { for (auto o : keep) m.mark(o); });
  for (int i = 0; i < mib; ++i) keep.push_back(h.alloc(1 << 20, true));
  keep.clear();
  for (int i = 0; i < gcs; ++i) h.gc();
  h.set_root_scanner([](heap::Marker&) {});
}

TEST(Scavenger, GogcOffReleasesOnlyAfterTheSecondCycle) {
  // gcPaceScavenger: the goal is 110 % of the heap in use at the last mark termination. The
  // first cycle after a drop saw the whole heap in use; the second sees the small heap.
  for (const char* v : {"1.19", "1.24"}) {
    Clocked c(v);
    heap::Heap& h = c.h;
    h.set_gc_percent(-1);
    fill_and_drop(h, 64, 1);
    const heap::MemStats one = c.wait(3'000'000'000);
    EXPECT_LT(one.HeapReleased, one.HeapIdle / 10) << v;
    h.gc();
    const heap::MemStats two = c.wait(3'000'000'000);
    EXPECT_GT(two.HeapReleased, two.HeapIdle / 100 * 99) << v;
    EXPECT_EQ(two.HeapSys, one.HeapSys) << v;
    EXPECT_EQ(h.check_invariants(), "") << v;
  }
}

TEST(Scavenger, WorksInBatchesAtOnePercentOfTheCpu) {
  // scavengerState: a batch of at least 1 ms of work (32 MiB here), then a sleep of
  // worked / sleepRatio, starting at 1 s (startingScavSleepRatio 0.001).
  Clocked c("1.19");
  c.h.set_gc_percent(-1);
  fill_and_drop(c.h, 160, 2);
  const uint64_t at_gc = c.h.read_memstats().HeapReleased;
  EXPECT_EQ(c.wait(heap::Heap::kSysmonWakeNs - 1).HeapReleased, at_gc);   // not yet woken by sysmon
  const uint64_t first = c.wait(1).HeapReleased - at_gc;
  EXPECT_EQ(first, 32u << 20);   // one batch
  EXPECT_EQ(c.wait(500'000'000).HeapReleased - at_gc, first);   // asleep for 1 s
  EXPECT_GT(c.wait(600'000'000).HeapReleased - at_gc, first);
}

TEST(Scavenger, DenseChunksWaitACycleFromGo121) {
  // Go 1.21+: a chunk that was full during this cycle is not the background scavenger's until
  // the next; Go 1.19 releases it at once. GOGC 100: the goal falls with the heap.
  for (const char* v : {"1.19", "1.21"}) {
    Clocked c(v);
    fill_and_drop(c.h, 64, 1);
    const heap::MemStats m = c.wait(3'000'000'000);
    if (release(v).scavenger.skips_dense_chunks)
      EXPECT_LT(m.HeapReleased, m.HeapIdle / 2) << v;
    else
      EXPECT_GT(m.HeapReleased, m.HeapIdle / 10 * 9) << v;
  }
}

TEST(MemoryLimit, KnobReadsAndWritesGomemlimitSyntax) {
  // runtime/string.go parseByteCount: digits with B, KiB, MiB, GiB, TiB or nothing; "off".
  int64_t v = 0;
  EXPECT_TRUE(sim::parse_memory_limit("64MiB", v));
  EXPECT_EQ(v, 64 << 20);
  EXPECT_TRUE(sim::parse_memory_limit("1000", v));
  EXPECT_EQ(v, 1000);
  EXPECT_TRUE(sim::parse_memory_limit("off", v));
  EXPECT_EQ(v, heap::Heap::kNoMemoryLimit);
  for (const char* bad : {"", "64MB", "MiB", "-1", "1.5GiB", "64 MiB", "99999999999TiB"})
    EXPECT_FALSE(sim::parse_memory_limit(bad, v)) << bad;
  EXPECT_EQ(sim::memory_limit_string(64 << 20), "64MiB");
  EXPECT_EQ(sim::memory_limit_string(1536), "1536B");
  EXPECT_EQ(sim::memory_limit_string(3 << 10), "3KiB");
  EXPECT_EQ(sim::memory_limit_string(heap::Heap::kNoMemoryLimit), "off");
}

}  // namespace

namespace {

// The GC CPU limiter's bucket (mgclimit.go): filled by GC time, drained by mutator time.
TEST(GcCpuLimiter, BucketFillsWithGcTimeDrainsWithMutatorTimeAndRecordsItsPeriods) {
  heap::GcCpuLimiter l;
  EXPECT_EQ(l.capacity(), 2'000'000'000u);   // GOMAXPROCS=2: 1 s per P
  l.reset_capacity(0, 1, 0, 0, 0);
  EXPECT_EQ(l.capacity(), 1'000'000'000u);
  l.transition(true, 0, 0, 0, 0);   // the GC turns on
  // Windows of 100 ms with 90 ms of assists: GC 90 + 25 (background) = 115 ms, mutator
  // 100 − 115 = −15 ms, change +130 ms: the 8th fills the 1 s bucket.
  int64_t t = 0;
  uint64_t op = 0;
  while (!l.limiting() && op < 100) {
    t += 100'000'000;
    l.add_assist_time(90'000'000);
    l.update(t, 0, 5, ++op);
  }
  EXPECT_EQ(op, 8u);
  EXPECT_EQ(l.fill(), l.capacity());
  EXPECT_EQ(l.last_enabled_cycle(), 6u);   // NumGC + 1
  ASSERT_EQ(l.periods().size(), 1u);
  EXPECT_EQ(l.periods()[0].start_op, 8u);
  EXPECT_EQ(l.periods()[0].end_op, heap::GcCpuLimiter::kOpen);
  EXPECT_EQ(l.check_invariants(), "");
  // 10 ms without an assist: GC 2.5 ms, mutator 7.5 ms: the bucket drains by 5 ms, the
  // limiter is off.
  t += 10'000'000;
  l.update(t, 0, 6, 20);
  EXPECT_FALSE(l.limiting());
  EXPECT_EQ(l.fill(), l.capacity() - 5'000'000);
  EXPECT_EQ(l.periods()[0].end_op, 20u);
  // An idle P's time is taken out of the window: with GOMAXPROCS=2 and one P idle the same
  // windows count half the mutator time, and the GC's 25 % of both Ps.
  heap::GcCpuLimiter two;
  two.transition(true, 0, 1, 0, 0);
  two.update(100'000'000, 1, 0, 1);   // total 200 − idle 100; GC 50; mutator 50: no change
  EXPECT_EQ(two.fill(), 0u);
  EXPECT_EQ(two.check_invariants(), "");
}

// A pointerful live heap just under the limit, GOGC off, and an allocating goroutine: with
// GOMAXPROCS 1 it assists itself and the limiter turns on; with 2 the idle P's worker pays.
uint32_t limiter_periods_near_the_limit(int gomaxprocs, uint64_t* peak) {
  heap::Heap h(release("1.24"));
  int64_t clock = 0;
  uint64_t ops = 0;
  h.nanotime = [&] { return clock; };
  h.position = [&] { return ops; };
  h.set_resumable(true);
  std::vector<heap::ObjId> live;
  h.set_root_scanner([&](heap::Marker& m) { for (auto o : live) m.mark(o); });
  h.set_gc_percent(-1);
  h.set_memory_limit(64 * kMiB);
  for (int i = 0; i < 56; ++i) live.push_back(h.alloc(1 << 20, /*noscan=*/false));   // 56 MiB to scan
  h.set_gomaxprocs(gomaxprocs);
  *peak = 0;
  for (int i = 0; i < 400'000; ++i) {   // 400 MB of 1 KB buffers, 60 ns each
    h.alloc(1024, true);
    clock += 60;
    ++ops;
    if (i % 1000 == 0) *peak = std::max(*peak, h.read_memstats().HeapAlloc);
  }
  EXPECT_EQ(h.check_invariants(), "");
  return static_cast<uint32_t>(h.limiter().periods().size());
}

TEST(GcCpuLimiter, EngagesNearTheLimitWithOneProcNotWithTwo) {
  uint64_t peak2 = 0, peak1 = 0;
  EXPECT_EQ(limiter_periods_near_the_limit(2, &peak2), 0u);
  EXPECT_LT(peak2, 100u * kMiB);
  EXPECT_GE(limiter_periods_near_the_limit(1, &peak1), 1u);
  EXPECT_GT(peak1, 100u * kMiB);   // assists skipped: the heap runs past the limit
}

}  // namespace
