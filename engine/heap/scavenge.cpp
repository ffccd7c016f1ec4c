// scavenge.cpp — returning free heap pages to the OS (see heap.h): the scavenge index, the
// background scavenger and its pacing, debug.FreeOSMemory's scavengeAll.
//
// Models runtime/mgcscavenge.go (gcPaceScavenger, scavengerState.run/sleep, piController,
// pageAlloc.scavenge, scavChunkData) of each release, on the simulation's clock
// (Heap::nanotime); engine/heap/README.md, "The scavenger", has the rules and the figures.
//
// [SECTION] Pages: which free pages may go, and releasing them
// [SECTION] Pacing: the goals (gcPaceScavenger) and the background scavenger in time
#include <algorithm>
#include <cmath>

#include "engine/heap/heap.h"

namespace heap {
namespace {

constexpr uint64_t kChunkPages = kHeapChunkPages;          // pallocChunkPages: 4 MiB
constexpr uint16_t kDenseChunkPages = 496;                 // scavChunkHiOccPages (0.96875 · 512)
// The background scavenger (mgcscavenge.go): at least 1 ms of work a batch
// (minScavWorkTime), then a sleep of worked / sleepRatio, the ratio steered by a PI
// controller towards 1 % of the CPU (scavengePercent) over GOMAXPROCS = 2 Ps.
constexpr double kMinScavWorkNs = 1e6;
constexpr double kIdealFraction = 0.01;
constexpr double kGoMaxProcs = 2;
constexpr double kKp = 0.3375, kTi = 3.2e6, kTt = 1e9, kMinRatio = 0.001, kMaxRatio = 1000.0;
// Releasing costs time: measured on this project's machine (linux/amd64, transparent huge
// pages), a scavenger batch of 1 ms returned 21–43 MB (Go 1.24 / 1.19): 32 MiB per ms of
// work here (mgcscavenge.go itself assumes 10 µs a 4 KiB page when it cannot time one).
constexpr double kReleaseBytesPerNs = 32.0 * (1 << 20) / 1e6;

}  // namespace

//-- [SECTION] Pages -----------------------------------------------------------------------------

void Heap::chunk_pages(uint64_t start, uint64_t npages, bool alloc) {
  // scavChunkData.alloc / free: the first change in a new generation keeps the count the
  // chunk ended the last one with.
  const uint64_t end = start + npages;
  if (scav_chunks_.size() < (end + kChunkPages - 1) / kChunkPages) scav_chunks_.resize((end + kChunkPages - 1) / kChunkPages);
  for (uint64_t c = start / kChunkPages; c * kChunkPages < end; ++c) {
    const uint64_t lo = std::max(start, c * kChunkPages), hi = std::min(end, (c + 1) * kChunkPages);
    ScavChunk& sc = scav_chunks_[c];
    if (sc.gen != scav_gen_) {
      sc.last_in_use = sc.in_use;
      sc.gen = scav_gen_;
    }
    sc.in_use = static_cast<uint16_t>(alloc ? sc.in_use + (hi - lo) : sc.in_use - (hi - lo));
  }
}

bool Heap::chunk_scavengable(uint64_t chunk) const {
  // scavChunkData.shouldScavenge (Go 1.21+): not a chunk dense in this generation or, when it
  // changed in this one, the last.
  if (!profile_.scavenger.skips_dense_chunks || chunk >= scav_chunks_.size()) return true;
  const ScavChunk& sc = scav_chunks_[chunk];
  if (sc.gen == scav_gen_) return sc.in_use < kDenseChunkPages && sc.last_in_use < kDenseChunkPages;
  return sc.in_use < kDenseChunkPages;
}

uint64_t Heap::scavenge(uint64_t bytes, bool force) {
  // pageAlloc.scavenge: free, unreleased pages from the top of the heap down.
  const uint64_t want = (bytes + kPageSize - 1) / kPageSize;
  uint64_t done = 0;
  released_bits_.resize((high_water_page_ + 63) / 64, 0);
  for (auto it = free_runs_.rbegin(); it != free_runs_.rend() && done < want; ++it) {
    const uint64_t first = it->first;
    for (uint64_t p = std::min(it->first + it->second, high_water_page_); p > first && done < want;) {
      --p;
      if (!force && p % kChunkPages == kChunkPages - 1 && !chunk_scavengable(p / kChunkPages)) {
        p -= std::min(p - first, kChunkPages - 1);   // the whole chunk is skipped
        continue;
      }
      if (!force && !chunk_scavengable(p / kChunkPages)) continue;
      uint64_t& w = released_bits_[p / 64];
      if (w == ~0ull && p % 64 == 63 && p - 63 >= first) {   // a whole word already released
        p -= 63;
        continue;
      }
      if (!(w >> (p % 64) & 1)) {
        w |= 1ull << (p % 64);
        ++released_pages_;
        ++done;
      }
    }
  }
  return done * kPageSize;
}

void Heap::scavenge_all() {
  // mheap.go: runtime_debug_freeOSMemory → mheap.scavengeAll: every free page of the page
  // heap is released; the Ps' page caches (Heap::PageCache) are not the page heap's and stay.
  scavenge(~0ull >> 1, /*force=*/true);
}

//-- [SECTION] Pacing ----------------------------------------------------------------------------

void Heap::pace_scavenger(uint64_t heap_goal) {
  // gcPaceScavenger, at each cycle's mark termination (before its sweep frees anything) and
  // when GOGC or the limit change. Two goals; the scavenger works while either is unmet.
  const MemStats m = read_memstats();
  const uint64_t mapped = m.Sys - m.HeapReleased;
  const uint64_t limit_goal = memory_limit_ == kNoMemoryLimit
                                  ? ~0ull
                                  : static_cast<uint64_t>(double(memory_limit_) * profile_.scavenger.limit_goal_factor);
  scav_.memory_limit_goal = mapped <= limit_goal ? ~0ull : limit_goal;
  if (last_heap_goal_ == 0) {   // no cycle has ended yet
    scav_.gc_percent_goal = ~0ull;
    return;
  }
  // retainExtraPercent = 10 over the heap in use at the last mark termination, scaled by how
  // the goal moved; rounded up to a physical page (4 KiB).
  const double ratio = heap_goal == last_heap_goal_ ? 1.0 : double(heap_goal) / double(last_heap_goal_);
  uint64_t goal = static_cast<uint64_t>(double(last_heap_inuse_) * ratio);
  goal += goal / 10;
  goal = (goal + 4095) & ~uint64_t{4095};
  const uint64_t retained = m.HeapSys - m.HeapReleased;
  scav_.gc_percent_goal = (retained <= goal || retained - goal < 4096) ? ~0ull : goal;
}

uint64_t Heap::scavenge_needed() const {
  const MemStats m = read_memstats();
  const uint64_t retained = m.HeapSys - m.HeapReleased, mapped = m.Sys - m.HeapReleased;
  const uint64_t over_goal = retained > scav_.gc_percent_goal ? retained - scav_.gc_percent_goal : 0;
  const uint64_t over_limit = mapped > scav_.memory_limit_goal ? mapped - scav_.memory_limit_goal : 0;
  return std::max(over_goal, over_limit);
}

void Heap::advance() {
  // The mark workers first: a concurrent mark whose work is done by now ends.
  if (marking_ && mark_done()) end_mark();
  scavenge_to_now();
}

void Heap::scavenge_to_now() {
  // bgscavenge: run a batch (scavengerState.run), sleep (scavengerState.sleep), until the
  // clock; parked when there is nothing to do, until a sweep ends (end_cycle).
  if (!nanotime) return;
  const int64_t t = nanotime();
  while (scav_.run_at >= 0 && scav_.run_at <= t) {
    const uint64_t needed = scavenge_needed();
    const uint64_t budget = static_cast<uint64_t>(kMinScavWorkNs * kReleaseBytesPerNs);
    const uint64_t released = needed ? scavenge(std::min(needed, budget), /*force=*/false) : 0;
    if (released == 0) {
      scav_.run_at = -1;   // park
      break;
    }
    const double worked = std::max(kMinScavWorkNs, double(released) / kReleaseBytesPerNs);
    const double slept = worked / scav_.sleep_ratio;
    scav_.run_at += static_cast<int64_t>(worked + slept);
    if (scav_.cooldown > 0) {
      scav_.cooldown = std::max<int64_t>(0, scav_.cooldown - static_cast<int64_t>(slept + worked));
      continue;
    }
    // piController.next: the sleep ratio is steered by the CPU fraction the batch used.
    const double input = worked / ((slept + worked) * kGoMaxProcs), period = slept + worked;
    const double raw = kKp * (kIdealFraction - input) + scav_.err_integral;
    const double out = std::clamp(raw, kMinRatio, kMaxRatio);
    scav_.err_integral += (kKp * period / kTi) * (kIdealFraction - input) + (period / kTt) * (out - raw);
    if (!std::isfinite(raw) || !std::isfinite(scav_.err_integral)) {
      scav_.err_integral = 0;
      scav_.sleep_ratio = kMinRatio;   // startingScavSleepRatio, for a 5 s cooldown
      scav_.cooldown = 5'000'000'000;
    } else {
      scav_.sleep_ratio = out;
    }
  }
}

}  // namespace heap
