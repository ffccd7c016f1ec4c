#pragma once
// heap.h — the Go heap in counters: mallocgc, mspans, the page heap, the GC cycle, MemStats.
//
// Models what runtime/malloc.go, mheap.go, mgc.go, mgcpacer.go (GOGC and the memory limit),
// mgcscavenge.go (scavenge.cpp) and mstats.go do on linux/amd64 (Go 1.19, with the later
// releases' differences switched on by the profile), as far as a program can see it
// through runtime.ReadMemStats. No simulated byte is ever
// allocated: an object is two bits in its span.
//
// Terminology (Go's):
//   size class   one of 67 object sizes (sizeclasses.h); class 0 = large object
//   spanClass    sizeclass<<1 | noscan: scan and noscan objects never share a span
//   mspan        a run of 8 KiB pages holding objects of one span class (or one large object)
//   mcache       the per-P cache of one span per span class (one P here)
//   heapLive     the pacer's count of bytes allocated since the last mark
//                (engine/heap/README.md, "heapLive")
//   heapMarked   bytes the last GC cycle marked reachable
//
// Layout:
//
//   pages (8 KiB)   | 0 1 2 3 | 4 5 6 7 8 ... 511 | 512 ... 1023 |   grows in 4 MiB chunks
//   spans           |stack spn| c11 | c33 c33 | free | large (37 536 pages) ...
//                   (Go 1.26+: the first 0–511 pages are the random heap base's padding,
//                   allocated and released for ever; Profile::random_heap_base)
//   ObjId           = span index << 10 | slot       (slot < nelems ≤ 1024)
//   mspan           24 bytes: pages, span class, nelems, freeindex, allocCount, and where
//                   its allocBits / gcmarkBits words are in bits_ (one bit per slot,
//                   interleaved: alloc word w, mark word w, …), so that 10M small objects
//                   cost the simulator ≈ 0.6 bytes each
//
// Invariants (check_invariants()):
//   1. Spans' page ranges never overlap and lie inside the mapped heap.
//   2. allocCount == popcount(allocBits) for every span; an in-use span has allocCount > 0
//      or is the mcache's span of its class.
//   3. HeapAlloc == Σ allocated slots · class size + Σ large pages · 8192.
//   4. HeapInuse == Σ in-use span pages · 8192; HeapIdle == HeapSys − HeapInuse.
//   5. Mallocs − Frees == HeapObjects.
//   6. The bitmap blocks of in-use spans and the free blocks never overlap.
//
// Simplifications (each measured against real Go to stay within the oracle tolerances):
//   - A cycle marks its roots at once, right after the allocation that crossed the trigger,
//     when the just-allocated object is live, which reproduces the "old bucket array still
//     marked" effect (engine/maps/README.md, "1M on Go 1.19, inline values"); a resumable
//     cycle spreads its marking of leaves over calls to gc_work while the program waits.
//     An automatic cycle's mark then goes on while the program runs and allocates black, for
//     as long as the profile's mark pace and the assists say (engine/heap/README.md, "A mark
//     that takes time"); it ends, and sweeps at once, at an allocation that takes a span or a
//     ReadMemStats. As in mallocgc, only an allocation that takes a new span (a large object,
//     or a full cached span refilled) tests the trigger (shouldhelpgc).
//   - The trigger uses Go's bounds (engine/heap/README.md, "The trigger") with a runway from
//     the scannable heap in place of the cons/mark controller, which depends on wall-clock
//     timing.
//   - heapLive grows by each object's size, not by whole spans at mcache refill.
//   - HeapReleased: fresh, never-used pages, plus the free pages debug.FreeOSMemory and the
//     memory limit's allocation-time scavenging returned (engine/heap/README.md, "The
//     scavenger").
//   - Time (the caller's clock, nanotime): the background scavenger, the concurrent mark and
//     the gap between cycles near a memory limit. Without a clock a cycle ends at once. The
//     GC CPU limiter (gc_cpu_limiter.h) runs on a CPU clock: that clock plus the time the
//     goroutine gave the GC (its assists; with GOMAXPROCS 1 the fractional worker's quarter
//     of its P), engine/heap/README.md "The GC CPU limiter".
//   - The non-heap Sys fields (GCSys, OtherSys, StackSys, …) are the profile's measured
//     start-up figures, plus GCSys per 64 MiB arena and the fixed growth of the first two
//     GC cycles (Profile::gc_sys_after_cycle), not the runtime's own allocations.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "engine/heap/gc_cpu_limiter.h"
#include "engine/heap/sizeclasses.h"
#include "engine/runtime/profile.h"

namespace heap {

// ObjId names one heap object: span index << kSlotBits | slot. 0 is nil.
using ObjId = uint32_t;
inline constexpr ObjId kNil = 0;
inline constexpr unsigned kSlotBits = 10;   // 1024 = the most objects a span holds (8-byte class)

inline constexpr uint64_t kPageSize = 8192;
inline constexpr uint64_t kHeapChunkPages = 512;               // heap grows by 4 MiB
inline constexpr uint64_t kPageCachePages = 64;                 // mpagecache.go pageCachePages
inline constexpr uint64_t kArenaBytes = 64ull << 20;           // heapArenaBytes on linux/amd64
inline constexpr uint64_t kHeapMinimum = 4ull << 20;           // defaultHeapMinimum
inline constexpr uint64_t kTinySize = 16;                      // maxTinySize

// MemStats mirrors runtime.MemStats field for field (the fields a program can print).
struct MemStats {
  uint64_t Alloc = 0, TotalAlloc = 0, Sys = 0, Lookups = 0, Mallocs = 0, Frees = 0;
  uint64_t HeapAlloc = 0, HeapSys = 0, HeapIdle = 0, HeapInuse = 0, HeapReleased = 0,
           HeapObjects = 0;
  uint64_t StackInuse = 0, StackSys = 0, MSpanInuse = 0, MSpanSys = 0, MCacheInuse = 0,
           MCacheSys = 0, BuckHashSys = 0, GCSys = 0, OtherSys = 0;
  uint64_t NextGC = 0, LastGC = 0, PauseTotalNs = 0;
  uint32_t NumGC = 0, NumForcedGC = 0;
  double GCCPUFraction = 0;
  bool EnableGC = true, DebugGC = false;
  // BySize is read separately (Heap::by_size): timeline records copy MemStats by value.
};

// SizeClassStats is one entry of MemStats.BySize: per size class (class 0 = Size 0), the
// small objects allocated and freed; tiny allocations count as their 16-byte blocks, large
// objects not at all (mstats.go).
struct SizeClassStats { uint32_t Size = 0; uint64_t Mallocs = 0, Frees = 0; };
using BySize = std::array<SizeClassStats, 61>;

// Marker is handed to the root scanner during the mark phase. The heap knows sizes, not
// contents: whoever owns an object's contents (a map, the interpreter) marks what it points
// to while it marks the object, so marking needs no grey list here.
class Heap;
class Marker;
// DeferredScan is the part of a root scan that may wait for gc_work: a large map's slots
// (maps::ClassicMap). scan_step marks up to units of it (one unit a slot), adds what it did to
// done and says whether it is finished. Until then its owner keeps a write barrier: a value
// it overwrites, removes or moves before its scan is finished it marks at once
// (Heap::barrier_marker), so what was reachable when the cycle started survives it.
class DeferredScan {
 public:
  virtual bool scan_step(Marker& m, uint64_t units, uint64_t& done) const = 0;
 protected:
  ~DeferredScan() = default;
};

class Marker {
 public:
  // mark marks obj reachable (nil and already-marked objects are ignored).
  void mark(ObjId obj);
  // marked: obj is marked in this cycle (or allocated black during it).
  bool marked(ObjId obj) const;
  // deferring: the cycle is resumable and takes leaves for later (Heap::set_leaf_marker). A
  // root scanner may then hand defer() a leaf — an object of its own that refers to nothing —
  // instead of marking it; the heap marks it (through the leaf marker) in a later increment,
  // before the sweep. Leaves reachable when the cycle starts thus survive it, as if marked.
  bool deferring() const;
  void defer(uint32_t leaf);
  // defer_scan: while deferring, the scanner hands the rest of its scan to gc_work.
  void defer_scan(const DeferredScan* scan);
  // deferred_leaves counts the leaves deferred so far in this cycle.
  size_t deferred_leaves() const;
 private:
  friend class Heap;
  explicit Marker(Heap& h) : heap_(h) {}
  Heap& heap_;
};

// GcCycle describes one finished cycle (gctrace's "live->live->marked MB, goal").
struct GcCycle {
  uint32_t num = 0;
  bool forced = false;             // runtime.GC()
  bool periodic = false;           // sysmon's forced GC: two minutes without a cycle
  uint64_t heap_live_before = 0;   // heapLive when the cycle started
  uint64_t heap_marked = 0;        // bytes marked
  uint64_t freed_bytes = 0, freed_objects = 0;
  uint64_t next_goal = 0;          // NextGC after the cycle
};

// Heap is mallocgc + mheap + the GC controller of one simulated process.
class Heap {
 public:
  using RootScanner = std::function<void(Marker&)>;
  using LeafMarker = std::function<void(uint32_t leaf, Marker&)>;

  // seed: the run's seed. On a release with a random heap base (Profile::random_heap_base,
  // Go 1.26+) it stands in for bootstrapRand's 64 bits: where in its first arena the heap
  // starts and how many pages of padding precede it (engine/heap/README.md, "Heap growth").
  explicit Heap(const runtime::Profile& profile, uint64_t seed = 1);
  // A copy is a keyframe (engine/sim/simulation.h): member-wise, hooks included (their
  // closures name the interpreter and simulation that installed them).
  Heap(const Heap&) = default;
  Heap& operator=(const Heap&) = delete;

  // alloc allocates size bytes (mallocgc). noscan: the type has no pointers.
  // May run a GC cycle (after the allocation: the new object is live).
  // size 0 returns kNil (zerobase) and counts nothing, as Go.
  ObjId alloc(uint64_t size, bool noscan);
  // alloc_runtime allocates an object a package keeps for ever (a package variable's
  // pointee made at init, such as math/rand's global source on Go 1.19): always marked.
  ObjId alloc_runtime(uint64_t size, bool noscan) {
    const ObjId o = alloc(size, noscan);
    baseline_.push_back(o);
    return o;
  }

  // set_root_scanner installs the function that marks the roots (globals, live locals).
  void set_root_scanner(RootScanner scan) { roots_ = std::move(scan); }
  // set_leaf_marker installs the function that marks a leaf the root scanner deferred.
  void set_leaf_marker(LeafMarker mark) { leaf_marker_ = std::move(mark); }

  // Resumable cycles (engine/heap/README.md, "Resumable cycles"). With set_resumable(true) a
  // cycle that mallocgc or runtime.GC (gc(true)) starts marks the roots and defers the leaves
  // they reach; while leaves are left, cycle_pending() is true: the cycle has not ended, its
  // sweep not happened, and the caller (the VM) stops at the end of the current operation and
  // calls gc_work() until the cycle ends. What the program sees is the same as with a cycle
  // run in one go at the allocation that started it: every object reachable then survives,
  // every object allocated since is allocated black.
  void set_resumable(bool on) { resumable_ = on; }
  bool cycle_pending() const { return pending_; }
  // gc_work marks up to units deferred leaves (at least kMinGcWork) and, once none is left,
  // ends the cycle (sweep, pacing, on_gc). Returns the units done.
  uint64_t gc_work(uint64_t units);
  static constexpr uint64_t kMinGcWork = 4096;
  // The owner's sweep after a resumable cycle: on_gc may leave the sweep of the owner's own
  // entries (the interpreter's pools: a million freed objects took one step ~15 ms) to later
  // gc_work calls, by calling continue_sweep(step) when sweep_may_continue() — true only for
  // a cycle that ends inside gc_work, where the program is waiting. The cycle then stays
  // pending until step returns true; step(units, done) does about units of work and adds
  // what it did to done. Nothing runs in between but other gc_work calls, so the program
  // sees the same as with a sweep done at once.
  using SweepStep = std::function<bool(uint64_t units, uint64_t& done)>;
  bool sweep_may_continue() const { return ending_in_gc_work_; }
  // barrier_marker marks for a DeferredScan's write barrier while the cycle is pending.
  Marker barrier_marker() { return Marker(*this); }
  // forget_scan drops a DeferredScan whose owner goes away (its scan must be finished).
  void forget_scan(const DeferredScan* scan);
  void continue_sweep(SweepStep step) { sweep_step_ = std::move(step); }
  // pin / unpin keep an object alive while it is reachable only from C++ locals, e.g. an
  // hmap between its allocation and the store into a variable (Go keeps such objects alive
  // through the stack; the simulator's C++ stack is invisible to the collector).
  void pin(ObjId obj) { if (obj != kNil) pinned_.push_back(obj); }
  void unpin(ObjId obj);

  // gc runs runtime.GC(): a full cycle, then a full sweep. resumable: it may end later
  // (cycle_pending()), when runtime.GC is the operation that asked.
  void gc(bool resumable = false);
  // flush_mcaches is what runtime.ReadMemStats does first (mstats.go readmemstats_m →
  // flushallmcaches): cached spans go back to their mcentral and the tiny block is dropped,
  // so the next tiny allocation starts a new 16-byte block.
  void flush_mcaches();
  // free_os_memory is debug.FreeOSMemory (mheap.go runtime_debug_freeOSMemory): runtime.GC,
  // then every free page of the heap is returned to the OS (HeapReleased) once it has swept.
  void free_os_memory();
  // gc_periodic is the cycle sysmon starts when none ran for two minutes (runtime/proc.go
  // forcegcperiod); not counted in NumForcedGC. The caller owns the clock.
  void gc_periodic();
  // set_gc_percent is debug.SetGCPercent: returns the previous value; < 0 = off.
  int set_gc_percent(int percent);
  int gc_percent() const { return gcpercent_; }
  // set_memory_limit is debug.SetMemoryLimit (GOMEMLIMIT): returns the previous limit; a
  // negative limit only reads it. kNoMemoryLimit (math.MaxInt64, the default) is no limit.
  int64_t set_memory_limit(int64_t limit);
  int64_t memory_limit() const { return memory_limit_; }
  static constexpr int64_t kNoMemoryLimit = INT64_MAX;
  // mapped_ready is what the memory limit counts (memstats.mappedReady): the runtime's mapped
  // memory not returned to the OS, Sys − HeapReleased.
  uint64_t mapped_ready() const;
  // memory_limit_goal is the pacer's heap goal from the limit (mgcpacer.go
  // memoryLimitHeapGoal); ~0 without a limit.
  uint64_t memory_limit_goal() const;
  uint32_t num_gc() const { return num_gc_; }
  // set_gomaxprocs is runtime.GOMAXPROCS: returns the previous value; n < 1 only reads it.
  // The program's goroutines run on one P either way; what changes is the GC's share of the
  // CPU: the mark workers' pace and the GC CPU limiter's bucket (engine/heap/README.md).
  int set_gomaxprocs(int n);
  int gomaxprocs() const { return limiter_.nprocs(); }
  // The GC CPU limiter (mgclimit.go), for the views: its state and the periods it was on.
  const GcCpuLimiter& limiter() const { return limiter_; }
  // position is the caller's place in the program (the VM's op count), recorded with the
  // limiter's periods so that a view can draw them on its axis.
  std::function<uint64_t()> position;

  // read_memstats is runtime.ReadMemStats.
  MemStats read_memstats() const;
  BySize read_by_size() const;

  // growslice's new capacity for a slice of old_cap growing to new_len (slice.go nextslicecap:
  // double below 256, then by (cap + 768)/4), before rounding up to a size class.
  static uint64_t growslice_cap(uint64_t old_cap, uint64_t new_len) {
    if (new_len > 2 * old_cap) return new_len;
    if (old_cap < 256) return 2 * old_cap;
    uint64_t c = old_cap;
    while (c < new_len) c += (c + 3 * 256) / 4;
    return c;
  }
  // The size the allocator would hand out for a request (roundupsize in Go).
  uint64_t roundupsize(uint64_t size, bool noscan) const;
  // footprint is the bytes an object of size counts in HeapAlloc.
  uint64_t footprint(uint64_t size, bool noscan) const;
  uint64_t object_size(ObjId obj) const;    // footprint of a live object
  // sweep_order: where a live object comes in a full sweep (mgcsweep.go sweepone →
  // nextSpanForSweep: span class by span class, then span by span, slot by slot).
  std::tuple<uint8_t, uint64_t, uint32_t> sweep_order(ObjId obj) const {
    const Span& s = span_of(obj);
    return {s.spanclass, s.start_page, obj & ((1u << kSlotBits) - 1)};
  }
  bool is_live(ObjId obj) const;            // allocated and not yet swept

  // Inspection.
  uint64_t heap_live() const { return heap_live_; }
  uint64_t heap_marked() const { return heap_marked_; }
  uint64_t next_gc() const { return goal_; }
  uint64_t trigger() const { return trigger_; }
  const std::vector<GcCycle>& cycles() const { return cycles_; }
  uint64_t scan_bytes() const { return scan_alloc_; }   // live pointerful bytes (for pacing)
  struct SpanSummary { uint32_t in_use = 0, small = 0, large = 0; uint64_t pages_in_use = 0; };
  SpanSummary span_summary() const;

  // nanotime is the simulated CPU clock in ns, the caller's (the simulation: the program's
  // operations at a fixed cost each, plus time.Sleep); without it the background scavenger
  // never runs and cycles take no time. advance() runs what the runtime's background
  // goroutines do up to nanotime(): the scavenger (engine/heap/README.md, "The scavenger").
  std::function<int64_t()> nanotime;
  void advance();
  // marking is true while an automatic cycle's concurrent mark runs on (engine/heap/README.md,
  // "A mark that takes time"): the program allocates black, nothing is swept, no cycle starts.
  bool marking() const { return marking_; }
  // Near the memory limit, the time from one cycle's end to the next one's start on that
  // clock (sweep termination, the limit's goal caught up): with the mark's own length
  // (Profile::mark_min_ns) it gives the cycle counts of tests/oracle/gaps/memory_limit_cycles.go.
  static constexpr int64_t kCycleNs = 500'000;
  // sysmon wakes a scavenger that the end of a sweep made ready (mgcsweep.go sweepone →
  // scavengerState.ready; proc.go sysmon), sleeping up to 10 ms when it finds nothing to do.
  static constexpr int64_t kSysmonWakeNs = 10'000'000;

  // on_gc is called after every cycle (the engine's timeline listens); on_gc_start when one
  // starts (a resumable cycle ends later).
  std::function<void(const GcCycle&)> on_gc;
  std::function<void()> on_gc_start;
  // set_pool_cleanup installs sync's poolCleanup, which every cycle runs first, before it
  // marks (runtime_registerPoolCleanup; mgc.go gcStart → clearpools).
  void set_pool_cleanup(std::function<void()> cleanup) { pool_cleanup_ = std::move(cleanup); }
  // set_sweep_specials installs what the sweep does with the objects that have specials
  // (mgcsweep.go sweep → freeSpecial): it runs once the mark is complete, before anything is
  // freed, and may mark an object it keeps (a finalizer's object, queued to run: it survives
  // this cycle). Engine: the interpreter's finalizers (engine/lang/finalizers.cpp).
  void set_sweep_specials(std::function<void(Marker&)> specials) { sweep_specials_ = std::move(specials); }
  // persistent_gc_misc: the runtime took bytes of its persistent chunks for the GC's own
  // metadata (malloc.go persistentalloc with &memstats.gcMiscSys, e.g. mfinal.go's finBlock):
  // GCSys grows by them and OtherSys, which counted the chunk, shrinks as much; Sys is unchanged.
  void persistent_gc_misc(uint64_t bytes) { gc_misc_persistent_ += bytes; }

  // check_invariants recounts everything; returns "" or the first broken invariant.
  std::string check_invariants() const;
  // simulator_bytes is what this model itself holds (spans, bitmaps, lists), for the
  // keyframe budget (engine/sim/simulation.h). A Heap is copyable: a copy is a keyframe.
  uint64_t simulator_bytes() const;

 private:
  friend class Marker;
  struct Span {
    uint64_t start_page = 0;
    uint32_t npages = 0;
    uint32_t bits = 0;                // bits_[bits + 2w] allocBits word w, [+ 2w + 1] gcmarkBits
    uint16_t nelems = 0, alloc_count = 0, freeindex = 0;
    uint8_t spanclass = 0;            // sizeclass<<1 | noscan; sizeclass 0 = large
    bool in_use = false;
    uint32_t nwords() const { return (nelems + 63u) / 64u; }
  };
  uint64_t& alloc_word(const Span& s, uint32_t w) { return bits_[s.bits + 2 * w]; }
  uint64_t& mark_word(const Span& s, uint32_t w) { return bits_[s.bits + 2 * w + 1]; }
  uint64_t alloc_word(const Span& s, uint32_t w) const { return bits_[s.bits + 2 * w]; }

  uint32_t new_span(uint64_t npages, uint8_t spanclass);
  void free_span(uint32_t idx);
  uint64_t alloc_pages(uint64_t npages);
  // take_released_pages: the released pages of a new span are paged in again (a heap growth
  // of growth bytes, or a memory limit, may scavenge other pages first).
  void take_released_pages(uint64_t start, uint64_t npages, uint64_t growth);
  // A P's page cache (mpagecache.go pageCache): a 64-page aligned block's free pages, taken
  // out of the page heap at once, from which the P's spans under 16 pages are cut.
  struct PageCache {
    uint64_t base = 0;   // first page of the block
    uint64_t bits = 0;   // bit i: page base + i is free and the cache's
  };
  PageCache alloc_to_cache(uint64_t from_page = 0, uint64_t max_pages = kPageCachePages);
  uint64_t grow(uint64_t npages);
  static bool page_cache_alloc(PageCache& c, uint64_t npages, uint64_t& start);
  void flush_page_cache(PageCache& c);
 public:
  // heap_base_padding: the pages of padding before the heap's first span (mheap.go grow:
  // markRandomPaddingPages; 0 before Go 1.26); arena_offset_chunks: the 4 MiB chunk of its
  // first 64 MiB arena the heap starts at (0–15; 0 before Go 1.26).
  uint64_t heap_base_padding() const { return padding_pages_; }
  uint64_t arena_offset_chunks() const { return arena_offset_chunks_; }
  // startup_idle_pcache_filled: the idle P filled its page cache before main (this run's draw
  // of Profile::startup_idle_pcache; else its first mark worker fills it).
  bool startup_idle_pcache_filled() const { return startup_idle_pcache_filled_; }
  // started_on_p0: the program starts on P0 with the start-up's page cache (this run's draw
  // of Profile::startup_on_p0; else on P1, whose cache is empty).
  bool started_on_p0() const { return started_on_p0_; }
  // startup_stack_page: the first page of the start-up's goroutine stacks (Profile::stack_sys).
  uint64_t startup_stack_page() const { return startup_stack_page_; }
  // alloc_stack_span / free_stack_span: a stack span of npages (runtime/stack.go
  // stackpoolalloc's 32 KiB span or a large stack: engine/lang/stack.h), its first page.
  uint64_t alloc_stack_span(uint64_t npages) {
    stack_pages_ += npages;
    return alloc_pages(npages);
  }
  void free_stack_span(uint64_t start, uint64_t npages) {
    free_pages(start, npages);
    stack_pages_ -= npages;
  }
 private:
  void free_pages(uint64_t start, uint64_t npages);
  ObjId alloc_small(uint8_t sizeclass, bool noscan);
  ObjId alloc_large(uint64_t size, bool noscan);
  ObjId alloc_tiny(uint64_t size);
  void count_alloc(uint64_t bytes, bool noscan);
  void maybe_start_gc();
  void run_cycle(bool forced, bool periodic = false, bool resumable = false);
  void end_cycle();
  // The concurrent mark (mgc.go gcBgMarkWorker, mgcmark.go gcAssistAlloc; mgcpacer.go revise):
  // start_mark_phase begins it once the roots are marked; mark_done says whether the workers
  // and the assists have done its scan work by now; end_mark ends it and the cycle.
  void start_mark_phase();
  bool mark_done() const;
  void end_mark();
  void scavenge_to_now();
  void finish_running_cycle();   // runtime.GC waits for a running cycle (mgc.go GC)
  void mark_phase();
  void sweep();
  void recompute_goal();
  // pace sets goal_ and trigger_ from the GOGC goal and the memory limit's, which moves with
  // every allocation and release (mgcpacer.go heapGoalInternal, trigger).
  void pace();
  void pace(uint64_t& goal, uint64_t& trigger) const;
  uint64_t heap_sys_bytes() const { return (mapped_pages_ - stack_pages_) * kPageSize; }
  uint64_t released_bytes() const;
  uint64_t non_heap_sys() const;   // Sys − HeapSys: stacks, spans, mcaches, GC metadata, …
  void read_sys(MemStats& m) const;   // HeapSys, the other Sys fields and Sys
  // scavenge releases up to bytes of free pages to the OS, highest addresses first
  // (mgcscavenge.go pageAlloc.scavenge); returns the bytes released. force: every free page
  // may go; else, when the profile says so, not those of a chunk dense this cycle or the
  // last (scavChunkData.shouldScavenge).
  uint64_t scavenge(uint64_t bytes, bool force);
  // The scavenge index (Go 1.21+ scavChunkData): per 4 MiB chunk, pages in use now and at
  // the end of the generation before, and the generation (GC cycles) last touched.
  struct ScavChunk { uint16_t in_use = 0, last_in_use = 0; uint32_t gen = 0; };
  std::vector<ScavChunk> scav_chunks_;
  uint32_t scav_gen_ = 0;
  void chunk_pages(uint64_t start, uint64_t npages, bool alloc);
  bool chunk_scavengable(uint64_t chunk) const;
  // The background scavenger (mgcscavenge.go bgscavenge, scavengerState): its goals set at
  // each cycle's end (gcPaceScavenger), when it next runs (-1: parked), its sleep ratio and
  // the PI controller's integral (piController).
  struct Scavenger {
    uint64_t gc_percent_goal = ~0ull, memory_limit_goal = ~0ull;
    int64_t run_at = -1;
    double sleep_ratio = 0.001, err_integral = 0;
    int64_t cooldown = 0;
  } scav_;
  uint64_t last_heap_goal_ = 0, last_heap_inuse_ = 0;
  int64_t next_cycle_ns_ = 0;   // no automatic cycle before (a cycle near the limit takes time)
  void pace_scavenger(uint64_t heap_goal);
  uint64_t scavenge_needed() const;
  int64_t now() const { return nanotime ? nanotime() : 0; }
  // The GC CPU limiter's clock and its updates (engine/heap/README.md, "The GC CPU limiter").
  int64_t cpu_now() const;
  double worker_share() const;   // the mark workers' Ps (mark_scan_bytes_per_ns is per P)
  int32_t idle_procs() const;    // Ps with nothing of the program's to run: one goroutine runs
  void limiter_update(bool transition, bool gc_on);
  GcCpuLimiter limiter_;
  double gc_stall_ns_ = 0;       // the goroutine's time given to the GC: assists, a fractional worker
  uint64_t assist_bytes_ = 0;    // bytes allocated this mark whose assist an idle P's worker paid
  double assist_work_ = 0;       // scan work the goroutine did itself this mark (no idle P)
  double assisted_work() const { return double(assist_bytes_) * assist_per_byte_ + assist_work_; }
  Span& span_of(ObjId obj) { return spans_[obj >> kSlotBits]; }
  const Span& span_of(ObjId obj) const { return spans_[obj >> kSlotBits]; }

  const runtime::Profile& profile_;
  std::vector<Span> spans_;                 // index 0 unused: ObjId 0 is nil
  std::vector<uint64_t> bits_;              // the spans' bitmaps (Span::bits)
  std::vector<std::vector<uint32_t>> free_bits_;   // per word count: free bitmap blocks
  std::vector<uint32_t> free_span_ids_;
  std::vector<uint32_t> mcache_;            // per spanClass: span with free slots, 0 = none
  std::vector<std::vector<uint32_t>> partial_;   // per spanClass: swept spans with free slots
  std::map<uint64_t, uint64_t> free_runs_;  // page heap: start page → run length (first fit)
  // The program's P's page cache, and the idle P's: its mark worker allocates on it at the
  // first cycle (mgc.go gcBgMarkWorker: new(gcBgMarkWorkerNode)), which takes a block the
  // program's later spans and large objects must then go around.
  PageCache pcache_, idle_pcache_;
  bool idle_pcache_taken_ = false, startup_idle_pcache_filled_ = false, started_on_p0_ = false;
  uint64_t mapped_pages_ = 0, inuse_pages_ = 0;
  uint64_t stack_pages_ = 0;
  // The random heap base (Go 1.26+): pages [0, padding_pages_) are padding, allocated and
  // released for ever; the heap's first chunk is chunk arena_offset_chunks_ of its arena.
  uint64_t padding_pages_ = 0, arena_offset_chunks_ = 0;
  uint64_t startup_stack_page_ = 0, startup_extra_page_ = 0;
  void map_first_chunk(uint64_t seed);

  // tiny allocator (one P)
  ObjId tiny_block_ = kNil;
  uint64_t tiny_offset_ = 0;

  // counters (cumulative, as mstats.go derives them)
  uint64_t total_alloc_ = 0, mallocs_ = 0, frees_ = 0, heap_alloc_ = 0, tiny_allocs_ = 0;
  std::array<uint64_t, kNumSizeClasses> class_mallocs_{}, class_frees_{};   // small objects (BySize)
  bool took_span_ = false;   // this allocation refilled a cached span or took pages
  uint64_t scan_alloc_ = 0;

  // GC controller
  int gcpercent_ = 100;
  int64_t memory_limit_ = kNoMemoryLimit;
  uint64_t heap_live_ = 0, heap_marked_ = 0, heap_scan_marked_ = 0, goal_ = kHeapMinimum,
           trigger_ = 0;
  uint64_t gcpercent_goal_ = kHeapMinimum;   // the GOGC goal of the last commit; ~0 when off
  uint32_t num_gc_ = 0, num_forced_gc_ = 0;
  bool in_gc_ = false;
  std::vector<GcCycle> cycles_;
  RootScanner roots_;
  std::function<void()> pool_cleanup_;
  std::function<void(Marker&)> sweep_specials_;
  uint64_t gc_misc_persistent_ = 0;         // persistent_gc_misc's bytes
  std::vector<ObjId> pinned_;
  std::vector<ObjId> baseline_;             // the runtime's own objects, live for ever
  uint64_t high_water_page_ = 0;            // pages below were touched at least once
  // Free pages below the high-water mark returned to the OS (debug.FreeOSMemory), one bit a
  // page; a page taken again is in use (and no longer released).
  std::vector<uint64_t> released_bits_;
  uint64_t released_pages_ = 0;
  bool scavenge_after_cycle_ = false;
  void scavenge_all();
  uint64_t marked_bytes_ = 0, marked_scan_bytes_ = 0;
  ObjId just_allocated_ = kNil;
  // Resumable cycles: the leaves the root scan deferred, and the cycle they belong to.
  LeafMarker leaf_marker_;
  bool resumable_ = false, deferring_ = false, pending_ = false;
  std::vector<uint32_t> deferred_;
  size_t deferred_done_ = 0;
  std::vector<const DeferredScan*> deferred_scans_;
  GcCycle pending_cycle_;
  bool ending_in_gc_work_ = false;   // end_cycle called by gc_work (sweep_may_continue)
  // The concurrent mark: after its roots (and deferred leaves) an automatic cycle goes on
  // while the program runs, until its scan work is done (mark_done).
  bool concurrent_next_ = false;   // the cycle being marked goes concurrent when its roots are done
  bool marking_ = false;
  int64_t mark_start_ns_ = 0;
  uint64_t mark_work_ = 0, mark_live0_ = 0;
  double assist_per_byte_ = 0;
  uint64_t pending_black_ = 0;   // bytes allocated black outside the concurrent mark
  SweepStep sweep_step_;             // the owner's sweep left to gc_work (continue_sweep)
};

// A root scan defers up to a million leaves at once (a map's pointer values): inline.
inline bool Marker::deferring() const { return heap_.deferring_; }
inline void Marker::defer(uint32_t leaf) { heap_.deferred_.push_back(leaf); }
inline void Marker::defer_scan(const DeferredScan* scan) { heap_.deferred_scans_.push_back(scan); }
inline size_t Marker::deferred_leaves() const { return heap_.deferred_.size(); }

}  // namespace heap
