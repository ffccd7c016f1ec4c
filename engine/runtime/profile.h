#pragma once
// profile.h — what differs between the Go releases the simulator models.
//
// Models: the per-release facts of the Go runtime on linux/amd64 that change what a program
// sees through runtime.ReadMemStats: which map implementation `make(map…)` uses and how it
// behaves (tombstone pruning, what maps.Clone copies), whether pointerful small objects carry
// the 8-byte malloc header, the large-object threshold, the size of `hmap`, the runtime's own
// heap and Sys at program start (the "baseline"), and the standard library's allocations that
// changed between releases.
//
// One Profile per release offered: 1.19, 1.21 … 1.27 (no Debian suite packages Go 1.20, so
// it is not offered). Each was measured on this project's machine against that release's own
// toolchain and read from its Debian golang-X.Y-src package; engine/runtime/README.md records,
// per release, what changed, the Go source it comes from and the measured figures.
//
//   Profile
//   ├── version, toolchain           "1.24", "go1.24.4" (the Debian build measured)
//   ├── map: impl, hmap_size, switches (ClassicRules, SwissRules, clear idiom)
//   ├── allocator: malloc_header, max_small_size
//   ├── baseline: objects, frees, pages, Sys parts at the start of main
//   ├── GC: first cycles' metadata growth, stack+globals term of the goal
//   ├── scavenger: the memory limit's headroom and goal, dense chunks (ScavengerRules)
//   └── library: math/rand's costs
//
// Invariants:
//   1. baseline_objects sums to baseline_alloc() exactly (checked by a test).
//   2. A profile is immutable once a run starts: runs are a function of
//      (program, knobs, profile, seed).
//   3. Release-specific behaviour is read from a named field here, never from a comparison
//      of version numbers in the engine (the compiler's language version aside).
//
// Simplifications: GOMAXPROCS is fixed at 2 (the per-P runtime structures are part of
// the baseline); the runtime's own allocations after start-up (timers, finalizers,
// background workers) are not modelled.
#include <cstdint>
#include <string_view>
#include <vector>

namespace runtime {

enum class MapImpl : uint8_t { Classic, Swiss };

// What a Swiss-table map does that changed between the Swiss releases
// (internal/runtime/maps of each release; engine/runtime/README.md).
struct SwissRules {
  // An insert into a table with no growthLeft first prunes the tombstones no probe sequence
  // needs (table.pruneTombstones, Go 1.25+ table.go PutSlot and runtime_mapassign_fast*): a
  // table whose deleted slots are worth it is cleaned in place instead of doubling
  // (golang/go#70886).
  bool prune_tombstones = false;
  // ...in runtime_mapassign_fast64ptr too, the assignment of a map keyed by one pointer word
  // (maps::MapType::assign_fast64ptr): Go 1.27+ runtime_fast64.go. Go 1.25 and 1.26 prune
  // only in PutSlot and runtime_mapassign_fast32/fast64/faststr, so a churned map of pointer
  // keys still doubles and splits its tables as on 1.24.
  bool prune_tombstones_fast64ptr = false;
  // maps.Clone copies the source map's directory and tables as they are, tombstones and
  // all (Go 1.25+ internal/runtime/maps.(*Map).Clone, table.clone, cloneGroup), instead of
  // making a map sized for len(m) and inserting every entry (1.24 runtime.mapclone2).
  bool clone_copies_tables = false;
  // clear(m) on a map that is empty but may hold tombstones still clears its tables (Go
  // 1.25+ Map.Clear: `m.Used() == 0 && !m.tombstonePossible`); before, it returns at once
  // and the tombstones stay.
  bool clear_drops_tombstones = false;
  // An assignment to a small map holding 8 entries updates an existing key in place (Go
  // 1.27+ Map.PutSlot / runtime_mapassign*: putSlotSmall first, growToTable only when it
  // finds no slot); before, the 8-entry group becomes a table even for an update.
  bool small_map_updates_in_place = false;
};

// What a classic bucket map (runtime/map.go, Go 1.19–1.23) does that changed between releases.
struct ClassicRules {
  // loadFactorNum over loadFactorDen = 2: a map doubles once count > loadFactorNum · 2^B / 2
  // (overLoadFactor), and makemap picks the smallest B a hint does not overload. 13 (6.5 per
  // bucket) in Go 1.19 and from 1.22 on; Go 1.21's map.go writes it
  // (bucketCnt * 13 / 16) * loadFactorDen, which truncates to 12 (6 per bucket; fixed in 1.22
  // as loadFactorDen * bucketCnt * 13 / 16).
  uint64_t load_factor_num = 13;
};

// What the standard library does that changed between releases and that a program's
// allocations show (measured on each release; engine/lang reads these).
enum class SyncMapImpl : uint8_t { ReadDirty, HashTrie };

struct LibraryRules {
  // A panic re-raised with the value it recovered prints once, "panic: v [recovered,
  // repanicked]" (runtime/panic.go printpanics, Go 1.25+); before, "panic: v [recovered]"
  // and "\tpanic: v".
  bool panic_marks_repanicked = false;
  // sort.Ints/Strings/Float64s convert the slice to an interface (sort.IntSlice): 24 B and
  // the array escapes; from Go 1.22 they call slices.Sort and allocate nothing.
  bool sort_boxes_slice = true;
  // internal/reflectlite.ValueOf lets its argument escape up to Go 1.21 (value.go: escapes(i));
  // from 1.22 it does not: sort.SliceIsSorted's x is boxed (24 B) only up to 1.21.
  bool reflectlite_valueof_escapes = true;
  // strconv's *NumError holds a copy of the input (strconv.cloneString, Go 1.21+); before,
  // it holds the input itself, so the input escapes.
  bool numerror_copies_input = false;
  // An error wraps several (Go 1.20+, errors/wrap.go, join.go, fmt/errors.go): errors.Is/As
  // walk Unwrap() []error too, errors.Join exists, and fmt's printer records each %w's
  // argument in pp.wrappedErrs (an []int the printer keeps: 8 B the first time) so that
  // fmt.Errorf with several returns a *wrapErrors; before, one wrappedErr and a second %w is
  // a bad verb (%!w(…)) that leaves a plain errorString.
  bool error_trees = false;
  // A package variable initialised by an inlined call is static data when the inlined body
  // leaves a constant (staticinit of inlined calls, cmd/compile/internal/staticinit, Go
  // 1.20+): `var errNotFound = errors.New("not found")` mallocs nothing at start-up; up to
  // 1.19 init runs errors.New, 16 B each (real Go 1.19: 3 such variables, +3 mallocs / 48 B
  // at main's start; 1.21 and 1.27: +0).
  bool static_init_inlined = false;
  // strconv.Atoi of an out-of-range number makes a range error twice (ParseUint's, then
  // ParseInt's own) up to Go 1.26; once from 1.27.
  bool range_error_made_twice = true;
  // (*NumError).Error quotes the input into its own string first (strconv.Quote: one more
  // malloc) up to Go 1.24; from 1.25 in one buffer.
  bool numerror_error_quotes_apart = true;
  // fmt's printer (*pp, fmt/print.go), which newPrinter allocates when its sync.Pool is
  // empty: 208 B up to Go 1.26; 176 B from 1.27 (pp lost its arg and value fields).
  uint64_t fmt_printer_bytes = 208;
  // fmt prints a map sorted by internal/fmtsort: up to Go 1.22 a []reflect.Value of keys, one
  // of values (24 B an entry each) and a *SortedMap (48 B); from 1.23 one SortedMap slice of
  // KeyValue pairs (48 B an entry) returned by value.
  bool fmtsort_pairs = false;
  // log formats into a buffer from a sync.Pool with fmt.Append* (log/log.go getBuffer, Go
  // 1.21+); before, it makes the message with fmt.Sprint* (one string a call) and copies it
  // into the Logger's own buffer.
  bool log_buffer_pool = false;
  // crypto/rand.Read(b): up to Go 1.23 it is io.ReadFull(Reader, b) through an interface, so
  // b escapes; from 1.24 (crypto/internal/sysrand) it does not. The first call allocates
  // (the blocked-entropy warning's time.AfterFunc timer up to 1.23; sysrand's state from
  // 1.24): the sizes of those objects, measured (tests/oracle/programs/crypto_rand.go).
  bool crypto_read_escapes = true;
  std::vector<uint64_t> crypto_first_read = {80, 8};
  // strings.Builder (engine/lang/strings_builder.h): WriteRune appends with utf8.AppendRune
  // (one append of the rune's bytes) from Go 1.21; up to 1.20 it grows by 4 bytes
  // (utf8.UTFMax) first when fewer are free and encodes in place (strings/builder.go).
  bool builder_rune_appends = false;
  // Builder.grow (Grow): a new buffer of 2·cap + n bytes; from Go 1.23 bytealg.MakeNoZero
  // gives it the whole size class as capacity (runtime/slice.go roundupsize), before exactly
  // 2·cap + n (make([]byte, len, 2*cap+n) up to 1.20, MakeNoZero without rounding 1.21–1.22).
  bool builder_grow_rounds_up = false;
  // slices.SortFunc's pdqsort breaks patterns with a xorshift generator (slices/sort.go
  // xorshift.Next): shifts 13, 17, 5 up to Go 1.23; from 1.24 the 64-bit triple 13, 7, 17,
  // so equal elements can end in another order (tests/oracle/programs/slices_sorted_func.go).
  bool sort_xorshift_64 = false;
  // sync.Map (engine/lang/sync_map.h): up to Go 1.23 a read-only map and a dirty map of
  // *entry (sync/map.go); from Go 1.24 a hash-trie (internal/sync/hashtriemap.go, the default
  // GOEXPERIMENT synchashtriemap in 1.24–1.25, the only sync.Map from 1.26).
  SyncMapImpl sync_map = SyncMapImpl::ReadDirty;
  // Map.read is an atomic.Value holding a readOnly (every Store of it boxes the 16-byte
  // struct) up to Go 1.19; an atomic.Pointer[readOnly] from 1.20 (a &readOnly{} each time),
  // when Swap, CompareAndSwap and CompareAndDelete came.
  bool sync_map_read_value = true;
  // Map.Clear (Go 1.23+).
  bool sync_map_clear = false;
  // sync/atomic's functions (AddInt64, LoadInt32, …) are //go:noescape from Go 1.24
  // (sync/atomic/doc.go); before, the address they are given escapes: `var n int32;
  // atomic.AddInt32(&n, 1)` and a local atomic.Int64 are "moved to heap" (engine/lang/sync_atomic.h).
  bool atomic_noescape = false;
  // iter.Pull/Pull2 (engine/lang/iter_pull.h): up to Go 1.24 the state next, stop and the
  // coroutine share is seven variables (eight for Pull2), each moved to the heap on its own
  // when the closures escape; from Go 1.25 one struct `pull` (iter/iter.go "var pull
  // struct"), one allocation: a Pull read to its end costs 7 mallocs, not 13 (232 B, not
  // 376, for int keys; measured on 1.23–1.27, tests/oracle/programs/iter_pull.go).
  bool pull_state_struct = false;
};

// What the memory limit and the scavenger do that changed between releases (runtime/
// mgcpacer.go memoryLimitHeapGoal, mgcscavenge.go gcPaceScavenger and the scavenge index;
// engine/heap/README.md, "GOMEMLIMIT" and "The scavenger").
struct ScavengerRules {
  // The memory-limit heap goal keeps this share of itself as headroom below the limit,
  // at least 1 MiB (memoryLimitHeapGoalHeadroomPercent, Go 1.21+: 3); 0: a fixed 1 MiB
  // (Go 1.19's memoryLimitHeapGoalHeadroom).
  uint64_t limit_headroom_percent = 3;
  // The background scavenger's memory-limit goal as a share of the limit. Go 1.19 and 1.21
  // write it float64(memoryLimit) * (100.0 - reduceExtraPercent): 95 times the limit, so the
  // background scavenger never works for the limit there (only allocations scavenge to
  // stay under it); from Go 1.22 memoryLimit * (1 - reduceExtraPercent/100.0) = 95 %.
  double limit_goal_factor = 0.95;
  // Go 1.21+: the scavenge index (mgcscavenge.go scavChunkData) keeps a 4 MiB chunk that was
  // ≥ 96.9 % allocated (scavChunkHiOccPages) during a GC cycle away from the background
  // scavenger until the cycle after next: the pages a big object just freed wait a cycle.
  bool skips_dense_chunks = true;
};

struct Profile {
  std::string_view version;        // "1.19", "1.24"
  std::string_view toolchain;      // the real release measured: "go1.24.4"
  std::string_view changes;        // what this release changed that a program can see (one line)
  // go_minor is the release's minor number (19 for "1.19"): its language version.
  int go_minor() const {
    int minor = 0;
    for (size_t i = version.find('.') + 1; i < version.size() && version[i] >= '0' && version[i] <= '9'; ++i)
      minor = minor * 10 + (version[i] - '0');
    return minor;
  }
  MapImpl map_impl;
  ClassicRules classic;
  SwissRules swiss;
  LibraryRules library;
  ScavengerRules scavenger;
  bool malloc_header;              // Go 1.22+: pointerful small objects > 512 B carry 8 B
  uint64_t max_small_size;         // objects above this are large (whole pages)
  uint64_t hmap_size;              // runtime.hmap (classic) or maps.Map (swiss)
  // gc turns `for k := range m { delete(m, k) }` into one mapclear (walk/range.go isMapClear);
  // in Go 1.19 not inside a function it inlined: inline/inl.go's inlsubst leaves the copied
  // range key's Defn on the original range statement, so ir.DeclaredBy fails and the inlined
  // copy keeps the delete loop and so the overflow buckets
  // (tests/oracle/programs/clear_inlined.go). From Go 1.20 the unified IR frontend
  // (noder/reader.go) builds inlined bodies as it builds any body: they clear too.
  bool clear_idiom_when_inlined;
  // `go run`'s exit status when the program does not compile: 2 on Go 1.19 (cmd/go/internal/
  // work/exec.go: the compiler's output was printed, errPrintedOutput → SetExitStatus(2)); 1
  // from Go 1.20, which dropped errPrintedOutput (the failure goes through base.Errorf).
  // Measured with `go run` of a program with an unused variable and of one with a syntax
  // error: 2 on 1.19, 1 on 1.21–1.27.
  int build_failure_exit_status = 1;
  // cmd/compile's stack buffer for slices whose backing array does not escape
  // (base.Debug.VariableMakeThreshold, Go 1.25+: 32; 0 = none): the first append to a slice
  // from length 0 (once per append target and call, ssagen/ssa.go append) takes a buffer of
  // that many bytes on the stack instead of growslice's first arrays.
  uint64_t stack_buffer_bytes = 0;
  // Go 1.25+: escape analysis replaces a local that is assigned once, from a constant, and
  // never has its address taken by that constant where it is converted to an interface
  // (escape/escape.go rewriteArgument, ir.ReassignOracle.StaticValue): `n := 1500;
  // fmt.Println(n)` boxes nothing, as for `fmt.Println(1500)`. A struct or array literal of
  // constants, passed directly or through such a local, is converted from a read-only
  // static copy (walk/order.go addrTemp, isStaticCompositeLiteral): no convT either.
  bool static_local_literals = false;
  // Go 1.26+: cmd/compile's slice pass (cmd/compile/internal/slice/slice.go, after escape
  // analysis): a local slice variable (elements of at most stack_buffer_bytes) built by
  // `s = append(s, …)` (twice, or in a loop) and used only in ways the pass understands,
  // whose one exclusive→nonexclusive point (`return s`, `x = s`, `range s`) is not inside a
  // deeper loop, appends into the stack buffer even when it escapes: a move2heap before
  // that point copies the array to the heap if it is still the frame's (runtime/slice.go
  // moveSlice*, ssagen/ssa.go move2heap). If `cap(s)` or `s[i:j]` is used, every growth
  // within the buffer steps one size class (growsliceBuf) and the copy keeps the capacity.
  bool slice_move2heap = false;
  // Go 1.27+: escape analysis resolves a call through a local func variable whose every
  // assignment (plain `=`, `:=`, `var`, nil skipped; never &'d) is a top-level function's
  // name to all those callees (escape/call.go resolveAssignedCallees,
  // ir.ReassignOracle.FuncAssignments): the arguments flow to their parameters, not to the
  // heap. (Any release calls a local assigned only once directly: ir.StaticValue.)
  bool callees_from_assignments = false;
  // Go 1.24+: types2's message for `a < b` of a type parameter whose type set is not ordered
  // reads "type parameter T cannot use operator <" (up to 1.23: "… is not comparable with <").
  bool typeparam_cannot_use_operator = false;
  // Go 1.24+: gc inlines a small function that ranges over its func-typed parameter
  // (`func sum(seq iter.Seq[int]) int { for v := range seq {…} }`): rangefunc's rewrite of
  // the loop costs less there (1.23: the state checks 75 nodes of the budget of 80, 23 from
  // 1.24; inline/inl.go), so the loop body's closure and the iterator inline into the caller
  // and nothing is allocated. On 1.23, and where the function is not inlined on any release,
  // the body's closure escapes (it is passed to the unknown seq) with what it captures by
  // reference: tests/oracle/programs/range_func_param.go.
  bool rangefunc_param_inlines = false;
  // Go 1.25+: pointer-free variables moved to the heap in one block share one allocation of
  // up to this many bytes (ssagen/ssa.go newHeapaddr, maxAggregatedHeapAllocation = 16):
  // `t := 0` and a range's #state1 cost one 16-byte mallocgc, not two tiny newobjects.
  // 0: each its own newobject. Modelled for the variables a range-over-func body's escaping
  // closure moves to the heap (compiler_range_func.cpp range_param_costs).
  uint64_t heap_scalars_aggregated = 0;

  // Heap at the start of main, as objects the runtime keeps alive for ever.
  std::vector<uint64_t> baseline_objects;   // sizes; they sum to the measured Alloc
  uint64_t baseline_freed_objects;          // Frees already counted at start
  // Of baseline_objects, the start-up's garbage the first GC cycle frees, and the objects
  // that cycle allocates for good (mark workers, work buffers): runtime.MemStats.BySize
  // before and after the first runtime.GC() of a program. Empty: not modelled.
  std::vector<uint64_t> baseline_garbage;
  std::vector<uint64_t> first_gc_objects;
  uint64_t baseline_extra_inuse_pages;      // runtime spans in use beyond those objects
  uint64_t stack_sys;                       // StackSys (stack spans carved from the heap)
  // Go 1.26+ (GOEXPERIMENT randomizedheapbase64, on by default; malloc.go mallocinit,
  // mheap.go grow): the heap's base address is random. 64 bits from bootstrapRand are used
  // from the top: 20 for the arena hints, 4 for the 4 MiB chunk of the first 64 MiB arena
  // the heap starts at (curArena.base), 22 for a byte offset into that chunk, rounded down
  // to a page: 0–511 pages the first grow marks allocated and scavenged
  // (pageAlloc.markRandomPaddingPages). They stay in HeapSys and HeapReleased for ever and
  // no span ever takes them. The simulator draws the 64 bits from the run's seed
  // (engine/heap/README.md, "Heap growth, HeapSys and Sys").
  bool random_heap_base = false;
  // The share of runs in which the program's goroutine starts on P0 with the start-up's page
  // cache (mpagecache.go) still holding the low pages of the block after the start-up's, and
  // how many: its first small spans come from that cache and its first large span takes the
  // lowest free page of the page heap, the rest of that block. In the other runs it starts on
  // P1, whose empty cache takes that block's free pages at its first small span, so its large
  // spans start at the block after. A draw from the run's seed (Heap::Heap). Measured on Go
  // 1.19 (a runtime printing allocSpan over 16 pages, allocToCache and grow; 150 runs of
  // tests/oracle/programs/strconv_keys.go): on P0 with no start-up block on P1 in 25 runs, the
  // first 28-page span at page 99 (128 on P1: P1's refill takes pages 99–127, block 64) and
  // the B=13 bucket array 25 pages lower (359, 384 on P1). Not measured on later releases.
  double startup_on_p0 = 0.0;
  uint64_t startup_p0_cache_pages = 0;
  // The share of runs in which the other P's page cache takes a 64-page block before main
  // (GOMAXPROCS 2: a goroutine the start-up makes runs on the second P and cuts a 1-page
  // span from its cache, mheap.go allocSpan / mpagecache.go allocToCache); a draw from the
  // run's seed (Heap::Heap). Measured on Go 1.26 (a runtime printing its allocToCache calls,
  // 400 runs): in 295 runs P1 filled its cache before main, and a random padding from
  // 390–414 pages then mapped a second chunk before main (from 453 in the others; 71 of 400
  // runs in all; unmodified 1.26 72 of 400, 1.27 80 of 400). Set from Go 1.26, where it
  // shows: the padding (random_heap_base) decides whether the start-up's blocks fit in the
  // first chunk (engine/heap/README.md, "Heap growth"); not measured on the older releases.
  double startup_idle_pcache = 0.0;
  // Goroutines and channels (engine/lang/sched.h). g_size: runtime.g as malg's new(g)
  // allocates it, its size class: sizeof(runtime.g) is 392 B on Go 1.19, 408 on 1.21 (416
  // both), 424–440 on 1.22–1.25 (448), 456 from 1.26 (480) — the binaries' DWARF; BySize
  // over new goroutines agrees. sudog_size: runtime.sudog (88 B, 96; 104 from Go 1.26: 112).
  // allgs_len, allgs_cap: runtime.allgs when main starts (proc.go allgadd appends every new
  // g, so the slice of *g grows as append grows it: 128, 256, 512, 1 024 B …; the old array
  // is garbage): 5 gs in an 8-slot array, 6 from Go 1.25 (measured: the 4th new goroutine
  // makes a 128-B object beside its g on 1.19–1.24, the 3rd from 1.25).
  // hchan_size: runtime.hchan (96 B; 104 from Go 1.23, which added the timer field).
  // free_stacks: 2 KiB stacks left in the start-up's stack spans (8: the 1 000th goroutine
  // makes the 62nd new 32 KiB span on every release).
  uint64_t g_size = 416;
  uint64_t sudog_size = 96;
  uint64_t allgs_len = 5, allgs_cap = 8;
  uint64_t hchan_size = 96;
  uint64_t free_stacks = 8;
  // frame_spill: bytes gc's frames hold beyond locals, spills and outgoing arguments in a
  // function that calls (engine/lang/stack.h): 8 on 1.19–1.25, 0 from 1.26 (deep(n) of
  // stack_growth.go: TEXT $96-8, then $88-8 on 1.26 and 1.27).
  uint64_t frame_spill = 8;
  // runtime_stacks_scanned: what a GC's scanstack counts of the runtime's own goroutines'
  // stacks (hi − sp: forcegc, bgsweep, bgscavenge, the finalizer goroutine, the two mark
  // workers; one more from 1.25), which with the program's sets startingStackSize
  // (adaptivestackstart, engine/lang/stack.h). Measured through
  // /gc/stack/starting-size:bytes: the recursion depth of one parked goroutine at which new
  // goroutines start at 4 KiB.
  uint64_t runtime_stacks_scanned = 1300;
  // first_goid: the goid of a program's first goroutine (the runtime starts its own before
  // main; a panic in it prints "goroutine 5 [running]:"; 17 on Go 1.27).
  uint64_t first_goid = 5;
  // timer_bytes: the Timer/Ticker time.After, Tick, NewTicker and NewTimer allocate beside
  // their channel (hchan + a 24-byte buffer of one Time): 80 B up to Go 1.22 (a Timer with
  // its runtimeTimer), 112 B from 1.23 (timeTimer). Measured: 3 mallocs, 200 B a call up to
  // 1.22, 248 B from 1.23 (100 calls of time.After).
  uint64_t timer_bytes = 80;
  // sleep_timer_bytes: the timer a goroutine's first time.Sleep allocates and keeps in
  // gp.timer (runtime/time.go timeSleep: new(timer); goexit0 drops it, so a reused g makes a
  // new one): 80 B up to Go 1.22 (timer: pp, when, period, f, arg, seq, nextwhen, status),
  // 96 B from 1.23's rewrite (mu, state bits, blocked, ts, sendLock, isSending).
  // timer_heap_elem: an element of a P's timer heap, appended when the timer is added
  // (addtimer's pp.timers = append(pp.timers, t): *timer, 8 B; from 1.23 ts.heap's timerWhen
  // {timer, when}, 16 B); the slice grows as append grows it and is kept by the P. Measured
  // (GOMAXPROCS=2, 6 runs each): main's first Sleep 2 mallocs, 88 B (1.19–1.22) / 112 B
  // (1.23–1.27); its next Sleep 1 malloc, 8 / 16 B (the other P's heap: main wakes there; the
  // 3rd or 4th Sleep in 3 of 12 runs on 1.19); later ones 0.
  uint64_t sleep_timer_bytes = 80;
  uint64_t timer_heap_elem = 8;
  // defer_record_bytes: a heap _defer record (runtime/panic.go newdefer's new(_defer)), made
  // for a defer statement inside a loop once the per-P deferpool (32 records) and the central
  // one are empty; freedefer returns it to the pools, clearpools drops the central one at
  // every GC. 80 B up to Go 1.21, 48 B from 1.22 (the _defer struct lost started, openDefer,
  // _panic, fd, varp, framepc). Measured (a function deferring add(i) 1 000 times, every
  // release): 2 000 mallocs and 96 000 B (1.19, 1.21), 64 000 B (1.22–1.27), of which the
  // 16-byte wrapper closures {F, i} are 16 000; a second call 1 000 mallocs, 16 000 B.
  uint64_t defer_record_bytes = 80;
  uint64_t gc_sys_base;                     // GCSys at start
  uint64_t gc_sys_per_arena;                // GCSys growth per 64 MiB heap arena
  uint64_t other_sys;                       // OtherSys + MSpanSys + MCacheSys at start
  uint64_t buck_hash_sys;                   // BuckHashSys (the profiling bucket hash)
  // The first GC cycles set up for good what the collector keeps: mark-bit arenas, work
  // buffers, the mark workers (GCSys grows after cycles 1 and 2, OtherSys after cycle 1).
  uint64_t gc_sys_after_cycle[2];
  uint64_t other_sys_after_first_gc;
  uint64_t stack_and_globals_scan;          // term of the heap goal (mgcpacer.go)
  // The concurrent mark's pace (engine/heap/README.md, "A mark that takes time"): scan work
  // (bytes of pointerful objects, stacks and globals) the background and idle mark workers
  // do per ns of the program's clock with GOMAXPROCS=2, one goroutine running. 0: a cycle
  // ends at the allocation that started it.
  double mark_scan_bytes_per_ns = 0;
  // However little there is to scan, a concurrent mark lasts this long on that clock: the
  // workers' wake-ups, the ragged barrier and the two stop-the-worlds (mgc.go gcStart,
  // gcMarkDone, gcMarkTermination).
  int64_t mark_min_ns = 0;

  // math/rand's top-level functions: before Go 1.20 the global source is built at init
  // (5 440 B); from 1.20 on the first call (rand_first_call); from 1.24 rand.Seed does nothing.
  bool rand_source_at_init;
  bool rand_seed_is_noop;
  // The first call's objects (math/rand/rand.go globalRand; measured with MemProfileRate = 1
  // in a module of the toolchain's version, as `go mod init` makes it; 40 runs a release, all
  // alike): the Rand (48 B), its two 8-byte sources (tiny: one 16-byte block), then
  // internal/godebug's lookup of randautoseed: a setting (48 B) and a 16-byte value, stored in
  // godebug's cache. Up to Go 1.23 that cache is a sync.Map whose first store makes its dirty
  // map (a 48-byte hmap, a 208-byte bucket) and boxes the key and value (16 B each, an 8-byte
  // entry): 424 B / 10 mallocs. From 1.24 a HashTrieMap: one 48-byte entry node, 176 B / 6.
  // (Built outside a module, GOPATH mode's Go 1.20 GODEBUG defaults have filled the cache
  // first: 1 112 B on 1.23, and a 160-byte trie node in a third of the runs on 1.24+.)
  struct SizedAlloc { uint64_t size; bool noscan; };
  std::vector<SizedAlloc> rand_first_call;

  uint64_t baseline_alloc() const { return sum(baseline_objects); }
  // runtime_alloc_after_gc is the runtime's own heap once a cycle has run: the baseline less
  // its start-up garbage, plus what the first cycle allocates.
  uint64_t runtime_alloc_after_gc() const {
    return baseline_alloc() - sum(baseline_garbage) + sum(first_gc_objects);
  }
  static uint64_t sum(const std::vector<uint64_t>& sizes) {
    uint64_t s = 0;
    for (uint64_t b : sizes) s += b;
    return s;
  }
};

// profile_for returns the profile of a Go release ("1.19", "1.21" … "1.27"); nullptr if it
// is not offered.
const Profile* profile_for(std::string_view version);

// profile_for_minor returns the newest offered release whose minor number is at most
// go_minor (the oldest when none is): the profile a language version compiles against.
const Profile& profile_for_minor(int go_minor);

// supported_versions lists the releases offered, oldest first.
const std::vector<std::string_view>& supported_versions();

// default_version is the release a new program runs on: today's Go, the newest offered.
std::string_view default_version();

}  // namespace runtime
