#pragma once
// stack.h — goroutine stacks: their sizes, growth and the spans that hold them (StackInuse),
// and gc's frame size of an interpreted function.
//
// Models (runtime/stack.go, the same in Go 1.19–1.27 for what is modelled here):
//   stackalloc   a stack is a power of two from 2 KiB (fixedStack). Under 32 KiB it comes
//                from stackpool[order] (orders 0–3: 2, 4, 8, 16 KiB), each order carving
//                32 KiB spans (_StackCacheSize) from the heap; 32 KiB and more is a span of
//                its own (stackLarge, else mheap.allocManual).
//   stackfree    a freed small stack goes back to its span (through the P's stack cache,
//                which runtime.ReadMemStats flushes: flushallmcaches → stackcache_clear); a
//                span whose stacks are all free returns to the heap (stackpoolfree); a large
//                stack returns at once (no GC running).
//   newstack     a call whose frame does not fit above stackguard0 (lo + stackGuard, 928 B
//                on linux/amd64) doubles the stack (doubling again until the new frame plus
//                the guard fits: funcMaxSPDelta), copystack: the new stack, the old freed.
//   shrinkstack  at every GC (scanstack, runtime/mgcmark.go) a goroutine using less than a
//                quarter of its stack — hi − sp of where it waits, plus stackNosplit (800 B)
//                — gets one half the size (not below 2 KiB), copystack: the new stack, the
//                old freed. Once a cycle: a 128 KiB stack parked shallow takes five GCs to
//                reach 4 KiB (tests/oracle/programs/stack_shrink.go).
//   gfput/gfget  a dead goroutine keeps a stack of the starting size, another is freed; a
//                reused g whose kept stack is no longer the starting size gets a new one of
//                it; a new g (malg) gets 2 KiB whatever the starting size.
//   adaptivestackstart  (on by default 1.19–1.27) at every GC startingStackSize becomes the
//                average hi − sp of the stacks scanned (the program's goroutines and the
//                runtime's own: Profile::runtime_stacks_scanned) plus stackGuard, rounded up
//                to a power of two (gcComputeStartingStackSize): one goroutine parked 1 500
//                calls deep makes reused goroutines start at 32 KiB
//                (tests/oracle/programs/stack_start.go).
//   newproc1     a new goroutine's stack starts with 32 B of slack and goexit's return
//                address: its function is entered 40 B below the top.
//   frames       gc's frame (the TEXT line's $framesize plus the return address): 8 B of
//                return address, then when the function has locals or calls the saved frame
//                pointer, its stack-resident locals (arrays, structs), a spill slot per
//                scalar variable when it calls, the outgoing argument spill area of its
//                largest call, a temporary per channel send, and release_frame_spill more
//                (a spill gc 1.19–1.25 makes around a call; gone in 1.26). A function gc
//                inlines (frame_inlined: no calls, no loop, short) has no frame: its locals
//                are in each caller's, once per call site. deep(n) of
//                tests/oracle/programs/stack_growth.go: 104 B on 1.19–1.25, 96 from 1.26
//                (gc's $96-8 and $88-8); main with four inlined MemStats readers 23.4 KB.
//
// Simplifications: the P's stack cache is not modelled (StackInuse is read after the
// flush); a span's stacks are placed first-fit; the start-up's spans are fixed (main's stack
// and the runtime's are the profile's measured StackSys); main starts at 8 KiB or what
// main.main's frame needs (the measured baselines hold it); fmt's printers take one
// measured figure (kFmtStack) whatever they print, other library calls (strconv, strings,
// runtime, log) no stack; the runtime's frames below a parked goroutine are one estimate
// (kParkedRuntimeFrames) whatever it waits on; main's start-up stack (in the baseline) is
// not shrunk, only a stack it grew to; GODEBUG (gcshrinkstackoff, adaptivestackstart) is
// not read; the runtime's goroutines' scanned bytes are one figure a release, and
// GOMAXPROCS=2's two mark workers are always counted.
#include <cstdint>
#include <vector>

#include "engine/heap/heap.h"

namespace lang {

struct Function;
class Program;

inline constexpr uint64_t kFixedStack = 2048;         // fixedStack, _StackMin
inline constexpr uint64_t kStackGuard = 928;          // stackGuard on linux/amd64
inline constexpr uint64_t kStackSmall = 128;          // abi.StackSmall
inline constexpr uint64_t kStackSpanBytes = 32768;    // _StackCacheSize: a pool span
inline constexpr uint64_t kGoroutineEntryUsed = 40;   // newproc1's slack + goexit's PC
// main.main is entered below runtime.main's frame and the slack: 224–328 B measured on 1.21
// (the recursion depth at which main's stack doubles), 376–472 on 1.27.
inline constexpr uint64_t kMainEntryUsed = 280;
inline constexpr uint64_t kMainStackStart = 8192;
inline constexpr uint64_t kStackNosplit = 800;        // stackNosplit (1.19: _StackLimit)
// kParkedRuntimeFrames: the runtime's frames below a parked goroutine's own (chanrecv1,
// chanrecv, gopark up to mcall's saved SP: 224 B on 1.19, 176 on 1.27 by objdump; runtime.GC,
// gcWaitOnMark, gopark 144/120)
inline constexpr uint64_t kParkedRuntimeFrames = 200;
// kMarkWorkers: the GC's background mark workers, one a P (GOMAXPROCS=2), goroutines made at
// the first GC (gcBgMarkStartWorkers) whose stacks every later scan counts
inline constexpr uint64_t kMarkWorkers = 2;
// kFmtStack: fmt's printers (Print*, Sprint*: newPrinter, doPrint*, printArg, the integer and
// string formatters, the write) run on the calling goroutine's stack, as one frame of this
// size entered at the call. Measured (tests/oracle/programs/stack_fmt.go): a goroutine calling
// fmt.Sprint or Println at the bottom of a recursion of 144-B frames grows 2 → 4 KiB five
// frames sooner than without (depth 3 instead of 8) and 4 → 8 KiB at 17 instead of 22, the
// same on 1.19, 1.24 and 1.27: its lowest byte 489–600 B below the caller's SP.
inline constexpr uint64_t kFmtStack = 664;

// StackRef: one goroutine's stack. span: the pool span's index in its order (small), or
// the first page (large); baseline: the start-up's (its bytes are in the profile's
// StackSys).
struct StackRef {
  uint64_t size = 0;
  uint64_t span = 0;
  bool baseline = false;
};

class StackAllocator {
 public:
  // free_order0: 2 KiB stacks left in the start-up's spans (Profile::free_stacks);
  // baseline_pages: the start-up's stack pages (from heap::Heap::startup_stack_page).
  void init(uint64_t free_order0, uint64_t baseline_pages);
  StackRef alloc(heap::Heap& h, uint64_t size);
  void free(heap::Heap& h, const StackRef& s);
  // main's stack at start: in the baseline, large or small
  StackRef baseline_stack(uint64_t size) const { return StackRef{size, 0, true}; }

 private:
  struct PoolSpan {
    uint64_t start = 0;
    uint32_t inuse = 0;
    bool live = false;
    bool fixed = false;   // the start-up's order-0 span: never returned
  };
  std::vector<PoolSpan> pool_[4];
  uint64_t baseline_pages_ = 0;
};

// stack_order: 0–3 for 2–16 KiB, -1 for a large stack.
int stack_order(uint64_t size);

// shrunk_stack_size: shrinkstack's new size for a stack of `size` whose goroutine waits
// `depth` bytes below its top (hi − sched.sp), or 0 when it keeps its stack.
uint64_t shrunk_stack_size(uint64_t size, uint64_t depth);

// starting_stack_size: gcComputeStartingStackSize from the bytes a GC scanned over `stacks`
// goroutines: their average plus stackGuard, rounded up to a power of two, at least 2 KiB.
uint64_t starting_stack_size(uint64_t scanned, uint64_t stacks);

// compute_frames sets every function's frame_bytes and frame_inlined (gc's layout above);
// release_frame_spill: Profile::frame_spill.
void compute_frames(Program& prog, uint64_t release_frame_spill);

}  // namespace lang
