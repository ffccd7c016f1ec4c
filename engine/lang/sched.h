#pragma once
// sched.h — goroutines, the deterministic scheduler, channels and the blocking of package
// sync: the data the VM keeps (engine/lang/interp.h holds them; sched.cpp is the code).
//
// Models (Go's runtime, the same in every offered release unless a Profile field says so):
//   proc.go    newproc/newproc1 (a new goroutine: a g from the free list gfget, else malg:
//              new(g) on the heap — never freed, allgs keeps it: allgadd appends it, the
//              []*g growing as append grows it — and a 2 KiB stack, _StackMin = 2048), runqput(next=true) (the new goroutine is runnext: it runs
//              when the current one blocks or yields), goready (a woken goroutine is
//              runnext too), gopark, goexit (gfput: the dead g and its stack are reused),
//              Gosched (the current goroutine to the tail of the run queue); after
//              runtime.GC the finalizer goroutine, when it was woken, runs first and the
//              program's goroutine is runnext (engine/lang/finalizers.cpp), checkdead
//              ("fatal error: all goroutines are asleep - deadlock!").
//   coro.go    newcoro (iter.Pull's coroutine: newproc1 of corostart, parked with
//              waitReasonCoroutine), coroswitch (the running goroutine parks, c.gp runs at
//              once, not through the run queue), coroexit (corostart returned: the g dies,
//              gfput, and c.gp runs): engine/lang/iter_pull.h.
//   stack.go   stackalloc, newstack, stackfree: engine/lang/stack.h (a goroutine starts on
//              2 KiB, 16 to a 32 KiB span; deep calls double its stack).
//   chan.go    makechan (hchan and buffer in one noscan object when the elements hold no
//              pointers, else hchan then the buffer), chansend/chanrecv (a waiting receiver
//              gets the value directly; else the buffer; else the sender parks on sendq),
//              closechan (receivers get the zero value and ok=false).
//   select.go  selectgo: cases polled in a random order (pollorder; here the run's seed),
//              default when none is ready, else the goroutine parks on every channel.
//   sync       Mutex (a waiter is handed the lock on Unlock: starvation mode's FIFO), RWMutex
//              (a waiting writer stops new readers), WaitGroup, Once; the runtime's fatal
//              errors for misuse ("sync: unlock of unlocked mutex", "sync: negative WaitGroup
//              counter").
//   time.go    time.Sleep parks the goroutine on a timer of the simulated clock (its first
//              Sleep allocates gp.timer, each P's timer heap grows as append grows it:
//              sleep_timer, Profile::sleep_timer_bytes); time.After,
//              Tick, NewTicker and NewTimer send the time on a 1-buffered channel when the
//              clock reaches their time (the clock moves only when no goroutine can run).
//   runtime2.go sudog: a goroutine parked on a channel (one per select case) or a sync
//              semaphore holds sudogs; acquireSudog makes a new one (96 B, 112 from Go 1.26; kept for ever in
//              the per-P and central caches) only when none is free: the run's peak. The
//              start-up made one (gcenable's `<-c`) in main's P's cache; the goroutines main
//              starts take theirs from the other P's (hold_sudogs).
//
// Layout:
//   Interpreter::gs_[i] = Goroutine{goid, status, stack, frames, wait reason, park}
//     gs_[0] is main (goid 1). The running goroutine's stack and frames live in the
//     interpreter's stack_/frames_ (swapped in by switch_to); the others' here.
//   Interpreter::chans_[obj] = Hchan{cap, qcount, recvx, closed, recvq, sendq}
//     the channel's values are the elements of its Obj (a Backing of cap elements: the ring
//     buffer), so the GC scans them as it scans a slice's array.
//   a Waiter is one goroutine's sudog on a queue: {g, park generation, select case, slot}
//
// Invariants:
//   1. Exactly one goroutine is Running while the VM runs; its stack is stack_.
//   2. A Waiting goroutine's top frame pc is the instruction it blocked on; whoever wakes it
//      completes that instruction (writes its results) and moves the pc past it.
//   3. A Waiter is valid only while its goroutine is Waiting with the same park generation
//      (a select that fired leaves stale waiters on its other channels: skipped).
//   4. The run stays a function of program, knobs, release and seed: the scheduler has no
//      clock of its own; a goroutine runs until it blocks, yields, ends, or has run
//      kTimeSlice instructions (preemption: to the run queue's tail).
//
// Simplifications: one P (real programs run on GOMAXPROCS=2: only the order of
// interleaving differs, never what a correct program computes); stacks never shrink
// (stack.h); a sender blocked on a channel
// that is closed panics in the closing goroutine's name; blocking inside a String/Error
// method fmt calls is refused.
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "engine/heap/heap.h"
#include "engine/lang/stack.h"

namespace lang {

using Word = uint64_t;

// Frame is one call of a goroutine's stack (interp.h).
// stack_bufs: which of the function's buffered appends used their stack buffer in this
// call (cmd/compile's per-call "used" flags; OpAppend flags bits 2–7).
// resume: while the frame runs one of its deferred calls (a thunk), where OpDeferRet goes:
// the OpRunDefers that started it, or kResumePanic (a panic's unwinding goes on).
inline constexpr int32_t kResumePanic = -2;
// sp: the goroutine's stack bytes in use with this call's frame (stack.h).
struct Frame { int32_t fn; uint32_t base; int32_t pc; uint64_t stack_bufs = 0; int32_t resume = -1; uint64_t sp = 0; };

// DeferRec is one executed defer statement (runtime._defer): the frame it belongs to, its
// site (Function::defer_sites), the values of the site's slots, and its heap records (a
// defer in a loop: the _defer from newdefer, gc's wrapper closure).
struct DeferRec {
  uint32_t frame = 0;
  int32_t site = 0;
  std::vector<Word> words;
  heap::ObjId record = heap::kNil, closure = heap::kNil;
};

// PanicRec is a panic in progress (runtime._panic): its value (an interface value), the
// text a fatal panic prints, the traceback where it started, and the frame whose deferred
// call it runs (recover() answers only there).
struct PanicRec {
  Word value = 0;
  std::string text;
  std::string trace;
  uint32_t defer_frame = ~0u;
  bool recovered = false;
  bool segv = false;                    // a nil dereference: the fatal message's signal line
  bool shown_as_repanic = false;        // printing: "[recovered, repanicked]" (Go 1.25+)
};

enum class GStatus : uint8_t { Runnable, Running, Waiting, Dead };

struct Goroutine {
  uint64_t goid = 0;
  GStatus status = GStatus::Runnable;
  std::vector<Word> stack;              // saved while another goroutine runs
  std::vector<Frame> frames;
  const char* wait = "";                // waitReason, as tracebacks print it ("chan receive")
  uint32_t park_gen = 0;                // incremented at every park (Waiter validity)
  int64_t wake_ns = -1;                 // asleep (time.Sleep) until then
  // a parked select: its case list, and where its operands and chosen index are (absolute
  // slots of the goroutine's stack)
  int32_t sel = -1;
  uint32_t sel_base = 0, sel_ops = 0, sel_idx = 0;
  heap::ObjId closure = heap::kNil;     // the go statement's closure: live while it runs
  int32_t start_fn = -1;                // the function it started with (tracebacks)
  uint32_t sudogs = 0;                  // sudogs it holds while parked (a select: one a case)
  int created_line = 0;                 // where the go statement was ("created by")
  int32_t created_fn = -1;
  std::vector<DeferRec> defers;         // executed defer statements, last on top (g._defer)
  std::vector<PanicRec> panics;         // panics in progress, newest last (g._panic)
  StackRef gstack;                      // its stack's size and span (stack.h); size 0: none
  Word coro = 0;                        // a coroutine's *coro (iter_pull.h): its end switches to c.gp
  heap::ObjId timer = heap::kNil;       // gp.timer: made by its first time.Sleep (sleep_timer)
  int8_t timer_p = -1;                  // the P whose timer heap holds it while it sleeps
};

struct Waiter {
  uint32_t g = 0;
  uint32_t gen = 0;
  int32_t sel_case = -1;                // the select case it waits in, or -1
  uint32_t slot = 0;                    // a plain send's value slot or receive's result slot
};

// SimTimer: a timer of package time on the simulated clock (time.go: the runtime's timer
// heap). When the clock reaches when, the time is sent on chan without blocking (a full
// buffer drops it, as sendTime does); a ticker rearms at when + period.
struct SimTimer {
  uint32_t chan = 0;
  int64_t when = 0, period = 0;
  bool active = false;
  heap::ObjId obj = heap::kNil;         // the Timer/Ticker the runtime keeps while active
};

struct Hchan {
  uint64_t cap = 0, qcount = 0, recvx = 0;
  bool closed = false;
  std::deque<Waiter> recvq, sendq;
  heap::ObjId hchan = heap::kNil;       // the hchan when allocated apart from the buffer
};

// kTimeSlice: instructions a goroutine runs before it is preempted (sysmon's 10 ms, here a
// fixed count so that the run is deterministic).
inline constexpr uint64_t kTimeSlice = 1u << 14;
// kStackMin: a new goroutine's stack (runtime/stack.go _StackMin; stack.h).
inline constexpr uint64_t kStackMin = kFixedStack;
inline constexpr uint32_t kNoG = ~0u;

}  // namespace lang
