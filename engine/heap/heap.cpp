// heap.cpp — mallocgc, spans, the page heap, GC cycles and MemStats (see heap.h).
//
// [SECTION] Construction: the runtime's heap at the start of main
// [SECTION] mallocgc: tiny, small and large objects
// [SECTION] Spans and pages
// [SECTION] GC: pacing, mark, sweep
// [SECTION] MemStats and invariants
#include "engine/heap/heap.h"

#include <algorithm>
#include <bit>
#include <cassert>

namespace heap {
namespace {

constexpr uint8_t span_class(uint8_t sizeclass, bool noscan) {
  return static_cast<uint8_t>(sizeclass << 1 | (noscan ? 1 : 0));
}
constexpr uint8_t sizeclass_of(uint8_t spanclass) { return spanclass >> 1; }
constexpr bool noscan_of(uint8_t spanclass) { return spanclass & 1; }
constexpr uint64_t kMSpanSize = 160;                        // sizeof(mspan) in Go 1.19
constexpr uint64_t kMSpanChunk = 16 << 10;                  // fixalloc chunk

uint64_t align_up(uint64_t n, uint64_t a) { return (n + a - 1) / a * a; }

// bootstrap_rand stands in for runtime.bootstrapRand (the random heap base's 64 bits): a
// splitmix64 step of the run's seed, mixed so that it is not the seed's other draws.
uint64_t bootstrap_rand(uint64_t seed) {
  uint64_t z = seed ^ 0x6A09E667F3BCC908ull;
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// seed_chance: a coin real Go tosses once a run (which P a start-up goroutine or a mark
// worker happens to run on), drawn from the run's seed with probability p: the same seed
// gives the same side, and each coin (salt) is its own draw.
bool seed_chance(uint64_t seed, uint64_t salt, double p) {
  const uint64_t bits = bootstrap_rand(seed ^ salt);
  return double(bits >> 11) * 0x1.0p-53 < p;
}
constexpr uint64_t kStartupPcacheSalt = 0x5A27C0FFEE0001ull;
constexpr uint64_t kStartupOnP0Salt = 0x5A27C0FFEE0004ull;

}  // namespace

void Marker::mark(ObjId obj) {
  if (obj == kNil) return;
  Heap& h = heap_;
  const uint32_t span = obj >> kSlotBits;
  if (span >= h.spans_.size()) return;
  Heap::Span& s = h.spans_[span];
  const uint32_t slot = obj & ((1u << kSlotBits) - 1);
  if (!s.in_use || slot >= s.nelems) return;
  const uint64_t bit = 1ull << (slot & 63);
  uint64_t& mark = h.mark_word(s, slot >> 6);
  if (!(h.alloc_word(s, slot >> 6) & bit) || (mark & bit)) return;
  mark |= bit;
  const uint64_t size = h.object_size(obj);
  h.marked_bytes_ += size;
  if (!noscan_of(s.spanclass)) h.marked_scan_bytes_ += size;
}

bool Marker::marked(ObjId obj) const {
  const Heap& h = heap_;
  const uint32_t span = obj >> kSlotBits;
  if (obj == kNil || span >= h.spans_.size()) return false;
  const Heap::Span& s = h.spans_[span];
  const uint32_t slot = obj & ((1u << kSlotBits) - 1);
  if (!s.in_use || slot >= s.nelems) return false;
  return h.bits_[s.bits + 2 * (slot >> 6) + 1] >> (slot & 63) & 1;
}

//-- [SECTION] Construction ----------------------------------------------------------------------

Heap::Heap(const runtime::Profile& profile, uint64_t seed) : profile_(profile) {
  spans_.emplace_back();                        // span 0: ObjId 0 is nil
  mcache_.assign(kNumSizeClasses * 2, 0);
  free_bits_.resize((1u << kSlotBits) / 64 + 1);
  partial_.resize(kNumSizeClasses * 2);
  map_first_chunk(seed);
  // The first heap chunk is mapped at start; goroutine stacks are carved from it (HeapSys =
  // 4 MiB − StackSys exactly: engine/heap/README.md, "Heap growth, HeapSys and Sys").
  stack_pages_ = profile_.stack_sys / kPageSize;
  startup_stack_page_ = alloc_pages(stack_pages_);
  if (profile_.baseline_extra_inuse_pages) {
    startup_extra_page_ = alloc_pages(profile_.baseline_extra_inuse_pages);
    inuse_pages_ += profile_.baseline_extra_inuse_pages;
  }
  // The runtime's own objects (per-P structures, fmt/os init…): live for the whole run.
  const int saved = gcpercent_;
  gcpercent_ = -1;
  // Objects of the 8-byte class hold pointers (a noscan one would have been packed into a
  // 16-byte tiny block, mallocgc's tiny path).
  // The start-up garbage (Profile::baseline_garbage) is allocated but not kept.
  std::vector<uint64_t> garbage = profile_.baseline_garbage;
  for (uint64_t size : profile_.baseline_objects) {
    const ObjId o = alloc(size, /*noscan=*/size >= kTinySize);
    const auto g = std::find(garbage.begin(), garbage.end(), size);
    if (g == garbage.end()) {
      baseline_.push_back(o);
    } else {
      garbage.erase(g);
    }
  }
  mallocs_ += profile_.baseline_freed_objects;
  frees_ += profile_.baseline_freed_objects;
  // The second P's page cache, filled before main in the runs where a start-up goroutine runs
  // on that P (Profile::startup_idle_pcache, a draw from the seed): the block of the lowest
  // free page after the start-up's, taken whole (its 1-page span's object is among the
  // baseline objects, counted on this P's spans). With no free page left (this P's cache
  // holds the first chunk's last block) the span maps a second chunk first. In the other
  // runs the first cycle's mark worker fills it (run_cycle).
  if (gomaxprocs() >= 2 && seed_chance(seed, kStartupPcacheSalt, profile_.startup_idle_pcache)) {
    if (free_runs_.empty()) grow(1);
    idle_pcache_ = alloc_to_cache();
    idle_pcache_taken_ = true;
    startup_idle_pcache_filled_ = true;
  }
  // The program's goroutine starts on P0, whose start-up cache still holds the low pages of
  // the next block (Profile::startup_on_p0, a draw from the seed): its first small spans come
  // from there, and its first large span takes the page heap's lowest free page, the rest of
  // that block, instead of the page after it. In the other runs it starts on P1, whose empty
  // cache takes that whole block at its first small span.
  if (gomaxprocs() >= 2 && seed_chance(seed, kStartupOnP0Salt, profile_.startup_on_p0)) {
    const uint64_t next_block = pcache_.base + kPageCachePages;
    flush_page_cache(pcache_);
    pcache_ = alloc_to_cache(next_block, profile_.startup_p0_cache_pages);
    started_on_p0_ = true;
  }
  gcpercent_ = saved;
  heap_live_ = heap_alloc_;
  recompute_goal();
  cycles_.clear();
}

void Heap::map_first_chunk(uint64_t seed) {
  // Go 1.26+ (malloc.go mallocinit, mheap.go grow): heapRandSeed's bits are taken from the
  // top (nextHeapRandBits): 20 for the arena hints (randHeapAddrBits 46 − logHeapArenaBytes
  // 26), then at the first grow 4 for the chunk of the arena the heap starts at
  // (logHeapArenaBytes − logPallocChunkBytes) and 22 for a byte offset into that chunk,
  // rounded down to a page: the padding, marked allocated and scavenged
  // (markRandomPaddingPages). Before 1.26 the first allocation maps the first chunk.
  if (!profile_.random_heap_base) return;
  uint64_t bits = bootstrap_rand(seed) << 20;
  arena_offset_chunks_ = bits >> 60;
  bits <<= 4;
  padding_pages_ = (bits >> 42) / kPageSize;
  mapped_pages_ = kHeapChunkPages;
  free_runs_.emplace(padding_pages_, kHeapChunkPages - padding_pages_);
  if (padding_pages_) chunk_pages(0, padding_pages_, /*alloc=*/true);
  high_water_page_ = padding_pages_;   // released_bytes() counts the padding on its own
}

void Heap::unpin(ObjId obj) {
  auto it = std::find(pinned_.rbegin(), pinned_.rend(), obj);
  if (it != pinned_.rend()) pinned_.erase(std::next(it).base());
}

//-- [SECTION] mallocgc --------------------------------------------------------------------------

uint64_t Heap::footprint(uint64_t size, bool noscan) const {
  if (size == 0) return 0;
  if (noscan && size < kTinySize) return size;   // shares a 16-byte block
  if (size > profile_.max_small_size) return align_up(size, kPageSize);
  if (profile_.malloc_header && !noscan && size > 512) size += 8;
  return kSizeClasses[size_to_class(size)].size;
}

uint64_t Heap::roundupsize(uint64_t size, bool noscan) const {
  if (size > profile_.max_small_size) return align_up(size, kPageSize);
  const bool header = profile_.malloc_header && !noscan && size > 512;
  const uint64_t cls = kSizeClasses[size_to_class(size + (header ? 8 : 0))].size;
  return header ? cls - 8 : cls;
}

ObjId Heap::alloc(uint64_t size, bool noscan) {
  if (size == 0) return kNil;
  ObjId obj;
  if (noscan && size < kTinySize) {
    obj = alloc_tiny(size);
  } else if (size > profile_.max_small_size) {
    obj = alloc_large(size, noscan);
  } else {
    if (profile_.malloc_header && !noscan && size > 512) size += 8;
    obj = alloc_small(size_to_class(size), noscan);
  }
  just_allocated_ = obj;
  // mallocgc tests the GC trigger only when the allocation took a new span (shouldhelpgc):
  // a large object, or a size class whose cached span was full.
  if (took_span_) maybe_start_gc();
  took_span_ = false;
  just_allocated_ = kNil;
  return obj;
}

ObjId Heap::alloc_tiny(uint64_t size) {
  // mallocgc's tiny path: pack noscan objects < 16 B into one 16-byte block.
  uint64_t off = tiny_offset_;
  if ((size & 7) == 0) off = align_up(off, 8);
  else if ((size & 3) == 0) off = align_up(off, 4);
  else if ((size & 1) == 0) off = align_up(off, 2);
  if (tiny_block_ != kNil && off + size <= kTinySize) {
    tiny_offset_ = off + size;
    ++mallocs_;   // tinyAllocs count as both a malloc and a free
    ++frees_;
    ++tiny_allocs_;
    return tiny_block_;
  }
  ObjId block = alloc_small(2, true);
  if (size < tiny_offset_ || tiny_block_ == kNil) {
    tiny_block_ = block;
    tiny_offset_ = size;
  }
  return block;
}

void Heap::count_alloc(uint64_t bytes, bool noscan) {
  ++mallocs_;
  total_alloc_ += bytes;
  heap_alloc_ += bytes;
  heap_live_ += bytes;
  if (!noscan) scan_alloc_ += bytes;
  // Allocated black: during the concurrent mark it counts as marked (mgcmark.go
  // gcmarknewobject: work.bytesMarked); while the program finishes the operation that
  // started or ended a cycle, on top of the marked bytes (engine/heap/README.md).
  if (marking_) {
    marked_bytes_ += bytes;
    if (!noscan) marked_scan_bytes_ += bytes;
    // An assist (mgcmark.go gcAssistAlloc) pays for the bytes in scan work until the mark's
    // work is paid; none while the limiter is on. With an idle P its idle mark worker's scan
    // credit pays the debt (bgScanCredit): no time of the goroutine's. Without one the
    // goroutine scans itself, and that time is the GC's.
    // An assist scans in pieces and stops as soon as the limiter is on (mgcmark.go gcDrainN:
    // `!gcCPULimiter.limiting()`); the limiter is updated between them.
    if (!limiter_.limiting() && assisted_work() < double(mark_work_)) {
      if (nanotime && idle_procs() == 0 && profile_.mark_scan_bytes_per_ns > 0) {
        const double rate = profile_.mark_scan_bytes_per_ns;
        double work = std::min(double(bytes) * assist_per_byte_, double(mark_work_) - assist_work_);
        while (work > 0 && !limiter_.limiting()) {
          const double piece = std::min(work, rate * double(GcCpuLimiter::kUpdatePeriodNs));
          assist_work_ += piece;
          work -= piece;
          gc_stall_ns_ += piece / rate;
          limiter_.add_assist_time(static_cast<int64_t>(piece / rate));
          if (limiter_.need_update(cpu_now())) limiter_update(false, true);
        }
      } else {
        assist_bytes_ += bytes;
      }
    }
    // The scheduler and the assists update the limiter every 10 ms while the GC runs
    // (mgcpacer.go findRunnableGCWorker, mgcmark.go gcAssistAlloc: needUpdate).
    if (nanotime && limiter_.need_update(cpu_now())) limiter_update(false, true);
  } else if (pending_) {
    pending_black_ += bytes;
  }
}

ObjId Heap::alloc_small(uint8_t sizeclass, bool noscan) {
  const uint8_t spc = span_class(sizeclass, noscan);
  uint32_t idx = mcache_[spc];
  if (idx == 0) {
    // refill: a swept span with free slots, else a fresh span from the page heap.
    auto& partial = partial_[spc];
    while (!partial.empty() && idx == 0) {
      const uint32_t cand = partial.back();
      partial.pop_back();
      const Span& s = spans_[cand];
      if (s.in_use && s.spanclass == spc && s.alloc_count < s.nelems) idx = cand;
    }
    if (idx == 0) idx = new_span(kSizeClasses[sizeclass].npages, spc);
    mcache_[spc] = idx;
    took_span_ = true;
  }
  Span& s = spans_[idx];
  uint32_t slot = s.freeindex;
  for (;; ++slot) {
    assert(slot < s.nelems);
    const uint64_t word = alloc_word(s, slot >> 6) >> (slot & 63);
    if (word == ~0ull >> (slot & 63)) { slot |= 63; continue; }   // rest of word is full
    if (!(word & 1)) break;
  }
  alloc_word(s, slot >> 6) |= 1ull << (slot & 63);
  if (pending_ || marking_) mark_word(s, slot >> 6) |= 1ull << (slot & 63);   // allocated black
  ++s.alloc_count;
  s.freeindex = static_cast<uint16_t>(slot + 1);
  if (s.alloc_count == s.nelems) mcache_[spc] = 0;   // full: the next alloc refills
  ++class_mallocs_[sizeclass];
  count_alloc(kSizeClasses[sizeclass].size, noscan);
  return idx << kSlotBits | slot;
}

ObjId Heap::alloc_large(uint64_t size, bool noscan) {
  const uint64_t npages = align_up(size, kPageSize) / kPageSize;
  const uint32_t idx = new_span(npages, span_class(0, noscan));
  took_span_ = true;
  Span& s = spans_[idx];
  alloc_word(s, 0) = 1;
  if (pending_ || marking_) mark_word(s, 0) = 1;   // allocated black
  s.alloc_count = 1;
  count_alloc(npages * kPageSize, noscan);
  return idx << kSlotBits;
}

uint64_t Heap::object_size(ObjId obj) const {
  const Span& s = span_of(obj);
  const uint8_t cls = sizeclass_of(s.spanclass);
  return cls == 0 ? s.npages * kPageSize : kSizeClasses[cls].size;
}

bool Heap::is_live(ObjId obj) const {
  if (obj == kNil || (obj >> kSlotBits) >= spans_.size()) return false;
  const Span& s = span_of(obj);
  const uint32_t slot = obj & ((1u << kSlotBits) - 1);
  return s.in_use && slot < s.nelems && (alloc_word(s, slot >> 6) >> (slot & 63) & 1);
}

//-- [SECTION] Spans and pages -------------------------------------------------------------------

uint32_t Heap::new_span(uint64_t npages, uint8_t spanclass) {
  uint32_t idx;
  if (!free_span_ids_.empty()) {
    idx = free_span_ids_.back();
    free_span_ids_.pop_back();
  } else {
    idx = static_cast<uint32_t>(spans_.size());
    spans_.emplace_back();
  }
  Span& s = spans_[idx];
  const uint8_t cls = sizeclass_of(spanclass);
  s.start_page = alloc_pages(npages);
  s.npages = static_cast<uint32_t>(npages);
  s.spanclass = spanclass;
  s.in_use = true;
  s.nelems = static_cast<uint16_t>(cls == 0 ? 1 : kSizeClasses[cls].nobjs);
  s.alloc_count = 0;
  s.freeindex = 0;
  // The bitmaps: a free block of the same size, or new words at the end of bits_.
  const uint32_t words = s.nwords();
  auto& free = free_bits_[words];
  if (!free.empty()) {
    s.bits = free.back();
    free.pop_back();
    std::fill_n(bits_.begin() + s.bits, 2 * words, 0);
  } else {
    s.bits = static_cast<uint32_t>(bits_.size());
    bits_.resize(bits_.size() + 2 * words, 0);
  }
  inuse_pages_ += npages;
  return idx;
}

void Heap::free_span(uint32_t idx) {
  Span& s = spans_[idx];
  free_pages(s.start_page, s.npages);
  inuse_pages_ -= s.npages;
  s.in_use = false;
  free_bits_[s.nwords()].push_back(s.bits);
  free_span_ids_.push_back(idx);
}

Heap::PageCache Heap::alloc_to_cache(uint64_t from_page, uint64_t max_pages) {
  // mpagecache.go allocToCache: the 64-page aligned block holding the lowest free page; all
  // its free pages become the cache's (allocated to the page heap, still free in MemStats:
  // HeapIdle, and the scavenger cannot release them). An empty heap gives an empty cache.
  // from_page and max_pages only serve the start-up's P0 cache (Heap::Heap): the block of the
  // lowest free page from from_page, its lowest max_pages free pages.
  PageCache c;
  auto first = free_runs_.lower_bound(from_page);
  if (first != free_runs_.begin() && std::prev(first)->first + std::prev(first)->second > from_page)
    first = std::prev(first);
  if (first == free_runs_.end()) return c;
  c.base = std::max(first->first, from_page) / kPageCachePages * kPageCachePages;
  const uint64_t block_end = c.base + kPageCachePages;
  uint64_t taken = 0;
  for (auto it = first; it != free_runs_.end() && it->first < block_end && taken < max_pages;) {
    const uint64_t run_start = it->first, run_len = it->second;
    const uint64_t start = std::max(run_start, c.base);
    const uint64_t end = std::min({run_start + run_len, block_end, start + (max_pages - taken)});
    it = free_runs_.erase(it);
    if (start > run_start) free_runs_.emplace(run_start, start - run_start);
    if (run_start + run_len > end) it = free_runs_.emplace(end, run_start + run_len - end).first;
    taken += end - start;
    for (uint64_t p = start; p < end; ++p) c.bits |= 1ull << (p - c.base);
    chunk_pages(start, end - start, /*alloc=*/true);
  }
  return c;
}

bool Heap::page_cache_alloc(PageCache& c, uint64_t npages, uint64_t& start) {
  // pageCache.alloc / allocN: the lowest run of npages free pages in the block.
  if (npages == 0 || npages > kPageCachePages) return false;
  const uint64_t mask = npages == kPageCachePages ? ~0ull : (1ull << npages) - 1;
  for (uint64_t i = 0; i + npages <= kPageCachePages; ++i) {
    if ((c.bits >> i & mask) == mask) {
      c.bits &= ~(mask << i);
      start = c.base + i;
      return true;
    }
  }
  return false;
}

void Heap::flush_page_cache(PageCache& c) {
  // pageCache.flush (proc.go: a P destroyed): the pages go back to the page heap.
  for (uint64_t i = 0; i < kPageCachePages; ++i)
    if (c.bits >> i & 1) free_pages(c.base + i, 1);
  c = PageCache{};
}

uint64_t Heap::alloc_pages(uint64_t npages) {
  scavenge_to_now();
  // mheap.go allocSpan: a span under 16 pages (pageCachePages/4) comes from the P's page
  // cache, refilled when empty; what it cannot hold takes the page heap's first fit.
  if (npages < kPageCachePages / 4) {
    if (pcache_.bits == 0) pcache_ = alloc_to_cache();
    uint64_t start = 0;
    if (page_cache_alloc(pcache_, npages, start)) {
      take_released_pages(start, npages, /*growth=*/0);
      return start;
    }
  }
  // pageAlloc.find: first fit by address.
  auto it = free_runs_.begin();
  while (it != free_runs_.end() && it->second < npages) ++it;
  uint64_t growth = 0;
  if (it == free_runs_.end()) {
    growth = grow(npages);
    it = std::prev(free_runs_.end());
  }
  const uint64_t start = it->first, len = it->second;
  free_runs_.erase(it);
  if (len > npages) free_runs_.emplace(start + npages, len - npages);
  chunk_pages(start, npages, /*alloc=*/true);
  take_released_pages(start, npages, growth);
  return start;
}

uint64_t Heap::grow(uint64_t npages) {
  // mheap.grow: map whole 4 MiB chunks; the new pages join a free run at the end. They are
  // released (sysMap'd, not yet used) until a span takes them. Returns the bytes mapped.
  const uint64_t pages = align_up(npages, kHeapChunkPages);
  uint64_t start = mapped_pages_;
  mapped_pages_ += pages;
  uint64_t len = pages;
  if (!free_runs_.empty()) {
    auto last = std::prev(free_runs_.end());
    if (last->first + last->second == start) {
      start = last->first;
      len += last->second;
      free_runs_.erase(last);
    }
  }
  free_runs_.emplace(start, len);
  return pages * kPageSize;
}

void Heap::take_released_pages(uint64_t start, uint64_t npages, uint64_t growth) {
  const uint64_t end = start + npages;
  // The span's released pages: those debug.FreeOSMemory or a scavenge returned, and those
  // never used since the heap mapped them. released_bits_ covers the pages below the
  // high-water mark of the last scavenge (which resizes it); pages the heap used since have no
  // bit: none released.
  const auto tracked_end = [&] {
    return std::min({end, high_water_page_, uint64_t{released_bits_.size()} * 64});
  };
  uint64_t scav = end > high_water_page_ ? end - std::max(start, high_water_page_) : 0;
  for (uint64_t p = start, e = tracked_end(); released_pages_ && p < e; ++p)
    scav += released_bits_[p / 64] >> (p % 64) & 1;
  // mheap.go allocSpan: with a memory limit, an allocation that pages memory in beyond the
  // limit first scavenges as much (its own pages are not yet counted in mappedReady).
  // A heap growth scavenges what would take the retained heap past the scavenger's goal
  // (not the dense chunks); both at most as much as either asks.
  uint64_t to_scavenge = 0;
  bool force = false;
  if (scav && memory_limit_ != kNoMemoryLimit && !limiter_.limiting()) {
    const uint64_t limit = static_cast<uint64_t>(memory_limit_);
    const uint64_t need = scav * kPageSize + mapped_ready();
    if (need > limit) {
      to_scavenge = need - limit;
      force = true;
    }
  }
  if (growth && scav_.gc_percent_goal != ~0ull) {
    const uint64_t retained = heap_sys_bytes() - released_bytes();
    if (retained + growth > scav_.gc_percent_goal)
      to_scavenge = std::max(to_scavenge, std::min(growth, retained + growth - scav_.gc_percent_goal));
  }
  if (to_scavenge) scavenge(to_scavenge, force);
  // Released pages taken again are faulted back in (mheap.go allocSpan: sysUsed).
  for (uint64_t p = start, e = tracked_end(); released_pages_ && p < e; ++p) {
    uint64_t& w = released_bits_[p / 64];
    if (w >> (p % 64) & 1) {
      w &= ~(1ull << (p % 64));
      --released_pages_;
    }
  }
  high_water_page_ = std::max(high_water_page_, end);
}

void Heap::free_pages(uint64_t start, uint64_t npages) {
  chunk_pages(start, npages, /*alloc=*/false);
  auto next = free_runs_.lower_bound(start);
  if (next != free_runs_.end() && start + npages == next->first) {
    npages += next->second;
    next = free_runs_.erase(next);
  }
  if (next != free_runs_.begin()) {
    auto prev = std::prev(next);
    if (prev->first + prev->second == start) {
      prev->second += npages;
      return;
    }
  }
  free_runs_.emplace(start, npages);
}

Heap::SpanSummary Heap::span_summary() const {
  SpanSummary sum;
  for (size_t i = 1; i < spans_.size(); ++i) {
    const Span& s = spans_[i];
    if (!s.in_use) continue;
    ++sum.in_use;
    if (sizeclass_of(s.spanclass) == 0) ++sum.large; else ++sum.small;
    sum.pages_in_use += s.npages;
  }
  return sum;
}

//-- [SECTION] GC --------------------------------------------------------------------------------

void Heap::recompute_goal() {
  // gcControllerState.commit (mgcpacer.go): the GOGC goal of this cycle; engine/heap/README.md,
  // "The heap goal".
  if (gcpercent_ < 0) {
    gcpercent_goal_ = ~0ull;
  } else {
    const uint64_t pct = static_cast<uint64_t>(gcpercent_);
    const uint64_t minimum = kHeapMinimum * pct / 100;
    uint64_t goal = heap_marked_ + (heap_marked_ + profile_.stack_and_globals_scan) * pct / 100;
    if (cycles_.empty()) goal = heap_marked_ + minimum;   // no cycle yet: heapMarked is 0
    gcpercent_goal_ = std::max(goal, minimum);
  }
  pace();
  pace_scavenger(goal_);
}

void Heap::pace() { pace(goal_, trigger_); }

void Heap::pace(uint64_t& goal_out, uint64_t& trigger_out) const {
  // gcControllerState.heapGoalInternal and trigger (mgcpacer.go): the smaller of the GOGC goal
  // and the memory limit's; engine/heap/README.md, "The trigger", "GOMEMLIMIT".
  const uint64_t goal = std::min(gcpercent_goal_, memory_limit_goal());
  goal_out = goal;
  if (goal == ~0ull) {   // GOGC off, no limit: no automatic cycle
    trigger_out = ~0ull;
    return;
  }
  const uint64_t m = heap_marked_;
  if (m >= goal) { trigger_out = goal; return; }
  const uint64_t lower = m + (goal - m) / 64 * 45;
  uint64_t upper = m + (goal - m) / 64 * 61;
  if (goal > kHeapMinimum && goal - kHeapMinimum > upper) upper = goal - kHeapMinimum;
  upper = std::max(upper, lower);
  // The runway: the bytes the mutator allocates while the mark does its scan work. Go
  // estimates it from the measured cons/mark ratio; here from the scannable heap, which
  // gives the observed trigger points (0.95 of the way for noscan heaps, ≈0.8 for the
  // pointer-dense heap of article 000's pointer variant).
  const uint64_t runway = (heap_scan_marked_ + profile_.stack_and_globals_scan) * 3 / 4;
  const uint64_t trigger = runway > goal ? lower : goal - runway;
  trigger_out = std::clamp(trigger, lower, upper);
}

uint64_t Heap::released_bytes() const {
  return (mapped_pages_ - std::min(mapped_pages_, high_water_page_) + released_pages_ + padding_pages_) * kPageSize;
}

uint64_t Heap::non_heap_sys() const {
  MemStats m;
  read_sys(m);
  return m.Sys - m.HeapSys;
}

uint64_t Heap::mapped_ready() const {
  return heap_sys_bytes() + non_heap_sys() - released_bytes();
}

uint64_t Heap::memory_limit_goal() const {
  // mgcpacer.go memoryLimitHeapGoal: the limit less what is mapped and is neither heap objects
  // nor free heap (term 1), less any overshoot of the limit (term 2), less headroom (term 3).
  if (memory_limit_ == kNoMemoryLimit) return ~0ull;
  const uint64_t limit = static_cast<uint64_t>(memory_limit_);
  const uint64_t mapped = mapped_ready();
  const uint64_t heap_free = heap_sys_bytes() - inuse_pages_ * kPageSize - released_bytes();
  const uint64_t non_heap = mapped - heap_free - heap_alloc_;
  const uint64_t overage = mapped > limit ? mapped - limit : 0;
  if (non_heap + overage >= limit) return heap_marked_;
  uint64_t goal = limit - (non_heap + overage);
  constexpr uint64_t kMinHeadroom = 1 << 20;
  const uint64_t pct = profile_.scavenger.limit_headroom_percent;
  const uint64_t headroom = std::max(pct ? goal / 100 * pct : 0, kMinHeadroom);
  goal = (goal < headroom || goal - headroom < headroom) ? headroom : goal - headroom;
  return std::max(goal, heap_marked_);
}

int64_t Heap::set_memory_limit(int64_t limit) {
  const int64_t old = memory_limit_;
  if (limit >= 0) {
    memory_limit_ = limit;
    recompute_goal();
  }
  return old;
}

void Heap::maybe_start_gc() {
  // A concurrent mark whose work is done ends when the operation does (gc_work).
  if (marking_) {
    if (mark_done()) end_mark();
    return;
  }
  // With a limit the goal follows every allocation and release (gcTrigger.test reads
  // gcController.trigger(), which recomputes it).
  if (memory_limit_ != kNoMemoryLimit && !in_gc_) pace();
  if (in_gc_ || trigger_ == ~0ull || heap_live_ < trigger_ || (memory_limit_ != kNoMemoryLimit && nanotime && now() < next_cycle_ns_) || !roots_) return;
  run_cycle(false, false, /*resumable=*/true);
}

int Heap::set_gc_percent(int percent) {
  const int old = gcpercent_;
  gcpercent_ = percent < 0 ? -1 : percent;
  recompute_goal();
  return old;
}

void Heap::gc(bool resumable) {
  run_cycle(true, false, resumable);
}

void Heap::flush_mcaches() {
  for (size_t spc = 0; spc < mcache_.size(); ++spc) {
    if (mcache_[spc] == 0) continue;
    partial_[spc].push_back(mcache_[spc]);
    mcache_[spc] = 0;
  }
  tiny_block_ = kNil;
  tiny_offset_ = 0;
}

void Heap::free_os_memory() {
  finish_running_cycle();
  scavenge_after_cycle_ = true;
  run_cycle(true, false, /*resumable=*/true);
}

void Heap::gc_periodic() {
  run_cycle(false, true);
}

void Heap::run_cycle(bool forced, bool periodic, bool resumable) {
  // A cycle still marking ends first (runtime.GC waits for the running cycle: mgc.go GC).
  finish_running_cycle();
  limiter_update(/*transition=*/true, /*gc_on=*/true);   // mgc.go gcStart: startGCTransition
  in_gc_ = true;
  if (pool_cleanup_) pool_cleanup_();
  if (on_gc_start) on_gc_start();
  GcCycle c;
  c.forced = forced;
  c.periodic = periodic;
  c.heap_live_before = heap_live_;
  // The first cycle allocates what the collector keeps (Profile::first_gc_objects); the
  // object whose allocation started the cycle stays the one allocated black.
  if (num_gc_ == 0) {
    // The idle P's mark worker allocates its node there: that P's page cache takes the block
    // of the lowest free page (mgc.go gcBgMarkStartWorkers, gcBgMarkWorker; every release).
    if (gomaxprocs() >= 2 && !idle_pcache_taken_) {
      idle_pcache_ = alloc_to_cache();
      idle_pcache_taken_ = true;
    }
    const ObjId trigger_obj = just_allocated_;
    for (uint64_t size : profile_.first_gc_objects)
      baseline_.push_back(alloc(size, /*noscan=*/size >= kTinySize));
    just_allocated_ = trigger_obj;
  }
  // gcStart flushes every mcache: cached spans go back to be swept, the tiny block too.
  std::fill(mcache_.begin(), mcache_.end(), 0);
  tiny_block_ = kNil;
  tiny_offset_ = 0;
  deferring_ = resumable && resumable_ && leaf_marker_;
  // An automatic cycle's mark goes on while the program runs, when the clock can time it.
  concurrent_next_ = !forced && !periodic && resumable && resumable_ && nanotime &&
                     profile_.mark_scan_bytes_per_ns > 0;
  mark_phase();
  deferring_ = false;
  if (deferred_done_ == deferred_.size()) {
    // No leaf waits: the cycle ends at once, as a cycle whose roots defer nothing always
    // has (its timeline is unchanged), so the scans left to gc_work run now.
    Marker m(*this);
    uint64_t done = 0;
    for (const DeferredScan* scan : deferred_scans_) scan->scan_step(m, ~uint64_t{0}, done);
    deferred_scans_.clear();
  }
  pending_cycle_ = c;
  pending_black_ = 0;
  if (deferred_done_ < deferred_.size() || !deferred_scans_.empty()) {
    pending_ = true;   // gc_work scans and marks the leaves, and ends the cycle
    return;
  }
  if (concurrent_next_) {
    start_mark_phase();
    return;
  }
  end_cycle();
}

uint64_t Heap::gc_work(uint64_t units) {
  if (!pending_) return 0;
  units = std::max(units, kMinGcWork);
  uint64_t done = 0;
  if (!sweep_step_) {
    Marker m(*this);
    while (done < units && !deferred_scans_.empty()) {
      if (!deferred_scans_.back()->scan_step(m, units - done, done)) break;
      deferred_scans_.pop_back();
    }
    while (done < units && deferred_done_ < deferred_.size()) {
      leaf_marker_(deferred_[deferred_done_++], m);
      ++done;
    }
    if (deferred_done_ != deferred_.size() || !deferred_scans_.empty()) return done;
    pending_ = false;
    deferred_.clear();
    deferred_done_ = 0;
    if (concurrent_next_) {   // the roots are marked: the mark goes on while the program runs
      start_mark_phase();
      return done;
    }
    ending_in_gc_work_ = true;
    end_cycle();   // on_gc may leave the owner's sweep to later calls (continue_sweep)
    ending_in_gc_work_ = false;
    if (!sweep_step_) return done;
    pending_ = true;
    if (done >= units) return done;
  }
  if (sweep_step_(units - done, done)) {
    sweep_step_ = nullptr;
    pending_ = false;
  }
  return done;
}

void Heap::forget_scan(const DeferredScan* scan) {
  deferred_scans_.erase(std::remove(deferred_scans_.begin(), deferred_scans_.end(), scan),
                        deferred_scans_.end());
}

void Heap::end_cycle() {
  GcCycle c = pending_cycle_;
  const uint64_t before_objects = mallocs_ - frees_, before_bytes = heap_alloc_;
  // Objects allocated black outside the concurrent mark (the rest of the operation that
  // started or ended the cycle) are live but not marked by it: heapLive counts them on top of
  // the marked bytes, as if allocated after the cycle.
  const uint64_t black = pending_black_;
  pending_black_ = 0;
  // Mark termination: the scavenge index's next generation, and what the scavenger's pacing
  // reads before the sweep frees anything (mgc.go gcMarkTermination: lastHeapInUse, nextGen;
  // mgcpacer.go endCycle: lastHeapGoal).
  ++scav_gen_;
  last_heap_inuse_ = inuse_pages_ * kPageSize;
  last_heap_goal_ = goal_ == ~0ull ? ~0ull - 1 : goal_;
  if (sweep_specials_) {   // objects with specials: what their sweep keeps is marked first
    Marker m(*this);
    sweep_specials_(m);
  }
  sweep();
  c.freed_bytes = before_bytes - heap_alloc_;
  c.freed_objects = before_objects - (mallocs_ - frees_);
  heap_marked_ = marked_bytes_;
  heap_scan_marked_ = marked_scan_bytes_;
  heap_live_ = heap_marked_;
  limiter_update(/*transition=*/true, /*gc_on=*/false);   // gcMarkDone: startGCTransition
  ++num_gc_;
  if (c.forced) ++num_forced_gc_;
  c.num = num_gc_;
  c.heap_marked = heap_marked_;
  cycles_.push_back(c);
  recompute_goal();
  cycles_.back().next_goal = goal_;
  heap_live_ += black;
  in_gc_ = false;
  // A cycle takes time, during which the program allocates on: near the memory limit, where
  // the goal is the marked heap itself, cycles run back to back rather than at every span
  // (engine/heap/README.md, "GOMEMLIMIT").
  next_cycle_ns_ = now() + kCycleNs;
  // The sweep's end readies the scavenger; sysmon wakes it (mgcsweep.go sweepone,
  // scavengerState.ready; proc.go sysmon).
  if (nanotime) scav_.run_at = scav_.run_at < 0 ? now() + kSysmonWakeNs : std::min(scav_.run_at, now() + kSysmonWakeNs);
  if (scavenge_after_cycle_) {
    scavenge_after_cycle_ = false;
    scavenge_all();
  }
  if (on_gc) on_gc(cycles_.back());
}

void Heap::finish_running_cycle() {
  while (pending_) gc_work(~0ull);
  if (marking_) end_mark();
}

void Heap::start_mark_phase() {
  // The roots are marked; the workers go on with the scan work while the program runs
  // (engine/heap/README.md, "A mark that takes time"). mgcpacer.go revise: an allocating
  // goroutine assists in proportion, so that the work is done by the time heapLive reaches
  // the goal; once past it, by 10 % more (maxOvershoot).
  concurrent_next_ = false;
  marking_ = true;
  mark_start_ns_ = now();
  mark_live0_ = heap_live_;
  assist_bytes_ = 0;
  assist_work_ = 0;
  mark_work_ = marked_scan_bytes_ + profile_.stack_and_globals_scan;
  uint64_t goal = goal_;
  if (goal != ~0ull && heap_live_ >= goal) goal += goal / 10;
  const uint64_t room = goal > heap_live_ ? goal - heap_live_ : 1;
  assist_per_byte_ = double(mark_work_) / double(room);
}

bool Heap::mark_done() const {
  const int64_t since = now() - mark_start_ns_;
  if (since < profile_.mark_min_ns) return false;
  const double assisted = assisted_work();
  return double(since) * profile_.mark_scan_bytes_per_ns * worker_share() + assisted >= double(mark_work_);
}

double Heap::worker_share() const {
  // With GOMAXPROCS=2 and one goroutine the idle P runs an idle mark worker (the calibrated
  // pace); every further P another; with one P only the fractional worker's 25 %
  // (mgcpacer.go startCycle: dedicated and fractional workers, gcBackgroundUtilization).
  // The program's clock is the goroutine's own time: a quarter of the wall clock on its P is a
  // third of that.
  const int n = limiter_.nprocs();
  return n >= 2 ? double(n - 1) : 1.0 / 3;
}

int32_t Heap::idle_procs() const { return std::max(0, limiter_.nprocs() - 1); }

int64_t Heap::cpu_now() const {
  // With one P the fractional worker takes a quarter of it while the mark runs: the program
  // gets three quarters, its clock a third more.
  double frac = 0;
  if (marking_ && limiter_.nprocs() == 1) frac = double(now() - mark_start_ns_) / 3;
  return now() + static_cast<int64_t>(gc_stall_ns_ + frac);
}

void Heap::limiter_update(bool transition, bool gc_on) {
  if (!nanotime) return;
  const int32_t idle = idle_procs();
  const uint64_t op = position ? position() : 0;
  if (transition) limiter_.transition(gc_on, cpu_now(), idle, num_gc_, op);
  else limiter_.update(cpu_now(), idle, num_gc_, op);
}

int Heap::set_gomaxprocs(int n) {
  const int old = limiter_.nprocs();
  if (n == 1) flush_page_cache(idle_pcache_);   // proc.go procresize: (*p).destroy
  if (n >= 1 && n != old)   // proc.go procresize → gcCPULimiter.resetCapacity
    limiter_.reset_capacity(nanotime ? cpu_now() : 0, n, idle_procs(), num_gc_, position ? position() : 0);
  return old;
}

void Heap::end_mark() {
  // Mark termination, at the allocation or ReadMemStats that finds the work done. It ends at
  // once, sweep included, as a cycle whose roots defer nothing always has: letting it wait for
  // gc_work would make Simulation::step(n) run fewer than n ops.
  if (limiter_.nprocs() == 1) gc_stall_ns_ += double(now() - mark_start_ns_) / 3;
  marking_ = false;
  end_cycle();
}

void Heap::mark_phase() {
  for (size_t i = 1; i < spans_.size(); ++i) {
    Span& s = spans_[i];
    if (s.in_use)
      for (uint32_t w = 0; w < s.nwords(); ++w) mark_word(s, w) = 0;
  }
  marked_bytes_ = marked_scan_bytes_ = 0;
  Marker m(*this);
  for (ObjId b : baseline_) m.mark(b);
  for (ObjId p : pinned_) m.mark(p);
  m.mark(just_allocated_);        // allocate-black: the object being returned is live
  if (roots_) roots_(m);
}

void Heap::sweep() {
  for (auto& p : partial_) p.clear();
  for (uint32_t i = 1; i < spans_.size(); ++i) {
    Span& s = spans_[i];
    if (!s.in_use) continue;
    const uint8_t cls = sizeclass_of(s.spanclass);
    const uint64_t size = cls == 0 ? s.npages * kPageSize : kSizeClasses[cls].size;
    uint32_t freed = 0;
    for (uint32_t w = 0; w < s.nwords(); ++w) {
      const uint64_t dead = alloc_word(s, w) & ~mark_word(s, w);
      freed += static_cast<uint32_t>(std::popcount(dead));
      alloc_word(s, w) = mark_word(s, w);
    }
    if (freed) {
      s.alloc_count = static_cast<uint16_t>(s.alloc_count - freed);
      frees_ += freed;
      if (cls != 0) class_frees_[cls] += freed;
      heap_alloc_ -= freed * size;
      if (!noscan_of(s.spanclass)) scan_alloc_ -= freed * size;
    }
    if (s.alloc_count == 0) {
      free_span(i);
    } else if (s.alloc_count < s.nelems) {
      s.freeindex = 0;
      partial_[s.spanclass].push_back(i);
    }
  }
  // Reuse low spans first, as mcentral's partial lists tend to.
  for (auto& p : partial_) std::reverse(p.begin(), p.end());
}

//-- [SECTION] MemStats and invariants -----------------------------------------------------------

BySize Heap::read_by_size() const {
  BySize b;
  for (size_t c = 0; c < b.size(); ++c)
    b[c] = SizeClassStats{static_cast<uint32_t>(kSizeClasses[c].size), class_mallocs_[c], class_frees_[c]};
  return b;
}

void Heap::read_sys(MemStats& m) const {
  m.HeapSys = heap_sys_bytes();
  m.StackInuse = m.StackSys = stack_pages_ * kPageSize;
  m.MSpanInuse = align_up(spans_.size() * kMSpanSize, 8);
  // mspan structs come from a fixalloc that recycles them: Sys follows the most spans alive.
  m.MSpanSys = std::max<uint64_t>(align_up(spans_.size() * kMSpanSize, kMSpanChunk), kMSpanChunk);
  m.MCacheInuse = 9600;
  m.MCacheSys = 15600;
  m.BuckHashSys = profile_.buck_hash_sys;
  // The arenas the heap spans (mheap.go sysAlloc gives each its heapArena metadata); on Go
  // 1.26+ it starts arena_offset_chunks_ 4 MiB chunks into the first.
  const uint64_t heap_end = (arena_offset_chunks_ * kHeapChunkPages + mapped_pages_) * kPageSize;
  const uint64_t arenas = std::max<uint64_t>(1, align_up(heap_end, kArenaBytes) / kArenaBytes);
  m.GCSys = profile_.gc_sys_base + profile_.gc_sys_per_arena * (arenas - 1);
  m.OtherSys = profile_.other_sys;
  if (num_gc_ >= 1) {
    m.GCSys += profile_.gc_sys_after_cycle[0];
    m.OtherSys += profile_.other_sys_after_first_gc;
  }
  if (num_gc_ >= 2) m.GCSys += profile_.gc_sys_after_cycle[1];
  m.GCSys += gc_misc_persistent_;
  m.OtherSys -= std::min(m.OtherSys, gc_misc_persistent_);
  m.Sys = m.HeapSys + m.StackSys + m.MSpanSys + m.MCacheSys + m.BuckHashSys + m.GCSys + m.OtherSys;
}

MemStats Heap::read_memstats() const {
  MemStats m;
  m.Alloc = m.HeapAlloc = heap_alloc_;
  m.TotalAlloc = total_alloc_;
  m.Mallocs = mallocs_;
  m.Frees = frees_;
  m.HeapObjects = mallocs_ - frees_;
  m.HeapInuse = inuse_pages_ * kPageSize;
  m.HeapSys = heap_sys_bytes();
  m.HeapIdle = m.HeapSys - m.HeapInuse;
  m.HeapReleased = released_bytes();
  read_sys(m);
  if (memory_limit_ == kNoMemoryLimit) {
    m.NextGC = gcpercent_ < 0 ? 0 : goal_;
  } else {   // readmemstats_m: heapGoal() now, which the limit moves
    uint64_t goal = 0, trigger = 0;
    pace(goal, trigger);
    m.NextGC = goal;
  }
  m.NumGC = num_gc_;
  m.NumForcedGC = num_forced_gc_;
  m.EnableGC = true;
  // Simulated time: each cycle costs a fixed pause so that PauseTotalNs is plausible.
  m.PauseTotalNs = uint64_t{num_gc_} * 50'000;
  m.LastGC = num_gc_ ? 1'257'894'000'000'000'000ull + num_gc_ : 0;
  return m;
}

uint64_t Heap::simulator_bytes() const {
  uint64_t b = sizeof(Heap) + spans_.capacity() * sizeof(Span) + bits_.capacity() * 8 +
               free_span_ids_.capacity() * 4 + mcache_.capacity() * 4 + free_runs_.size() * 48 +
               cycles_.capacity() * sizeof(GcCycle) + pinned_.capacity() * 4 + baseline_.capacity() * 4 +
               released_bits_.capacity() * 8 + deferred_.capacity() * 4 +
               limiter_.periods().capacity() * sizeof(GcCpuLimiter::Period);
  for (const auto& v : free_bits_) b += v.capacity() * 4 + sizeof(v);
  for (const auto& v : partial_) b += v.capacity() * 4 + sizeof(v);
  return b;
}

std::string Heap::check_invariants() const {
  if (std::string e = limiter_.check_invariants(); !e.empty()) return e;
  uint64_t bytes = 0, objects = 0, pages = profile_.baseline_extra_inuse_pages;
  std::vector<std::pair<uint64_t, uint64_t>> ranges;
  for (size_t i = 1; i < spans_.size(); ++i) {
    const Span& s = spans_[i];
    if (!s.in_use) continue;
    uint32_t count = 0;
    for (uint32_t w = 0; w < s.nwords(); ++w) count += static_cast<uint32_t>(std::popcount(alloc_word(s, w)));
    if (count != s.alloc_count) return "span " + std::to_string(i) + ": allocCount != popcount(allocBits)";
    const uint8_t cls = sizeclass_of(s.spanclass);
    bytes += count * (cls == 0 ? s.npages * kPageSize : kSizeClasses[cls].size);
    objects += count;
    pages += s.npages;
    ranges.emplace_back(s.start_page, s.npages);
  }
  // Bitmap blocks of in-use spans and free blocks never overlap and lie inside bits_.
  std::vector<std::pair<uint64_t, uint64_t>> blocks;
  for (size_t i = 1; i < spans_.size(); ++i)
    if (spans_[i].in_use) blocks.emplace_back(spans_[i].bits, 2 * spans_[i].nwords());
  for (size_t w = 0; w < free_bits_.size(); ++w)
    for (uint32_t b : free_bits_[w]) blocks.emplace_back(b, 2 * w);
  std::sort(blocks.begin(), blocks.end());
  uint64_t block_end = 0;
  for (const auto& [start, len] : blocks) {
    if (start < block_end) return "span bitmaps overlap at word " + std::to_string(start);
    block_end = start + len;
  }
  if (block_end > bits_.size()) return "a span bitmap lies outside bits_";
  for (const auto& [start, len] : free_runs_) ranges.emplace_back(start, len);
  for (const PageCache* c : {&pcache_, &idle_pcache_})
    for (uint64_t i = 0; i < kPageCachePages; ++i)
      if (c->bits >> i & 1) ranges.emplace_back(c->base + i, 1);
  // The start-up's stack run and extra pages are not spans: the padding, the extra pages and
  // the spans and free runs must not overlap (goroutine stacks are not tracked here).
  if (padding_pages_) ranges.emplace_back(0, padding_pages_);
  if (profile_.baseline_extra_inuse_pages) ranges.emplace_back(startup_extra_page_, profile_.baseline_extra_inuse_pages);
  std::sort(ranges.begin(), ranges.end());
  uint64_t end = 0;
  for (const auto& [start, len] : ranges) {
    if (start < end) return "page ranges overlap at page " + std::to_string(start);
    end = start + len;
  }
  if (end > mapped_pages_) return "a span lies outside the mapped heap";
  if (bytes != heap_alloc_) return "HeapAlloc != sum of allocated objects";
  if (pages != inuse_pages_) return "HeapInuse != sum of in-use spans";
  if (mallocs_ - frees_ != objects) return "Mallocs - Frees != HeapObjects";
  uint64_t released = 0, released_free = 0;
  for (uint64_t w : released_bits_) released += static_cast<uint64_t>(std::popcount(w));
  for (const auto& [start, len] : free_runs_)
    for (uint64_t p = start; p < start + len && p / 64 < released_bits_.size(); ++p)
      released_free += released_bits_[p / 64] >> (p % 64) & 1;
  for (const PageCache* c : {&pcache_, &idle_pcache_})
    for (uint64_t i = 0; i < kPageCachePages; ++i)
      if (c->bits >> i & 1 && (c->base + i) / 64 < released_bits_.size())
        released_free += released_bits_[(c->base + i) / 64] >> ((c->base + i) % 64) & 1;
  if (released != released_pages_ || released_free != released_pages_)
    return "released pages are not free pages of the heap";
  return "";
}

}  // namespace heap
