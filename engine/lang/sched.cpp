// sched.cpp — the VM's goroutines: go statements, the scheduler (run queue, runnext,
// parking, waking, preemption, the simulated clock's timers), deadlock, channels, select
// and package sync's blocking. What it models of Go's runtime, and how, is in sched.h.
#include <algorithm>
#include <cstring>
#include <numeric>

#include "engine/lang/interp.h"
#include "engine/lang/interp_impl.h"
#include "engine/lang/lexer.h"
#include "engine/lang/library_packages.h"

namespace lang {

using namespace vm_internal;

// ---------------------------------------------------------------- goroutines
// go_start runs a go statement (OpGo): a g from the free list, else a new g (heap, never
// freed) with a 2 KiB stack; the closure(s) gc allocates for the statement; the new
// goroutine becomes runnext.
bool Interpreter::go_start(const Instr& in, const Word* R) {
  const Word* args = R + in.b;
  int32_t fidx = in.a;
  Word fv = 0;
  if (in.flags & 4) {   // go fv(args): the function is the func value's (its closure in slot d)
    fv = R[in.a];
    if (fv == 0) {   // proc.go newproc1
      std::string text = "fatal error: go of nil func value\n\n" + traceback(cur_, true);
      message_ = text;
      exit_code_ = 2;
      status_ = VmStatus::Panicked;
      if (host_) host_->print(2, text);
      return false;
    }
    fidx = int32_t(obj_get(uint32_t(fv), 0));
  }
  const uint32_t gi = newg();
  // gc's closures: the literal's (held while the goroutine runs) and the go wrapper's
  const uint64_t inner = fv ? 0 : uint64_t(in.d), outer = uint64_t(in.k);
  heap::ObjId closure = heap::kNil;
  if (inner) closure = alloc(inner, in.flags & 1);
  if (outer) alloc(outer, in.flags & 2);
  if (status_ != VmStatus::Running) return false;
  Goroutine& g = gs_[gi];
  const Function& fn = prog_.funcs[size_t(fidx)];
  g.goid = next_goid_++;
  g.status = GStatus::Runnable;
  g.wait = "";
  g.wake_ns = -1;
  g.sel = -1;
  g.closure = closure;
  g.start_fn = fidx;
  g.created_fn = frames_.back().fn;
  g.created_line = current_line();
  g.defers.clear();
  g.panics.clear();
  start_frame(gi, fidx, std::max(size_t(fn.nslots), size_t(in.d) + 1));
  std::copy(args, args + in.c, g.stack.begin());
  if (fv) g.stack[size_t(in.d)] = fv;   // the closure, as OpCallF puts it
  ready(gi);
  return true;
}

// newg: proc.go newproc1's g. gfget gives a reused g a stack of the starting size
// (adaptivestackstart), freeing the one gfput kept if the size has changed since; malg makes
// a new g (heap, never freed: allgs keeps it) with a stack of the minimum.
uint32_t Interpreter::newg() {
  uint32_t gi;
  if (!gfree_.empty()) {
    gi = gfree_.back();
    gfree_.pop_back();
    StackRef& kept = gs_[gi].gstack;
    if (kept.size != 0 && kept.size != starting_stack_) {
      stacks_.free(heap_, kept);
      kept = StackRef{};
    }
    if (kept.size == 0) kept = stacks_.alloc(heap_, starting_stack_);
  } else {
    gi = uint32_t(gs_.size());
    gs_.emplace_back();
    heap_.alloc_runtime(profile_.g_size, false);   // malg: new(g), kept by allgs
    allgadd();
    gs_[gi].gstack = stacks_.alloc(heap_, kStackMin);
  }
  gs_[gi].coro = 0;
  return gi;
}

// start_frame: the goroutine's first call, fidx, with nslots slots; newstack if its frame
// needs more than the stack it starts on.
void Interpreter::start_frame(uint32_t gi, int32_t fidx, size_t nslots) {
  Goroutine& g = gs_[gi];
  const Function& fn = prog_.funcs[size_t(fidx)];
  g.frames.clear();
  g.frames.push_back(Frame{fidx, 0, 0});
  if (fn.frame_bytes) stack_grow(gi, kGoroutineEntryUsed, fn.frame_bytes - 8);   // its first call: newstack if its frame needs more than 2 KiB
  g.frames.back().sp = kGoroutineEntryUsed + (fn.frame_bytes ? fn.frame_bytes - 8 : 0);
  g.stack.assign(nslots + 16, 0);
}

// coro_new: runtime/coro.go newcoro's newproc1(corostart, parked=true): a goroutine
// (newg: the first Pull makes a g, later ones reuse the dead coroutine's) that waits
// (waitReasonCoroutine) at corostart(c) until a coroswitch runs it; c.gp is it.
bool Interpreter::coro_new(Word c, int32_t corostart) {
  const uint32_t gi = newg();
  if (status_ != VmStatus::Running) return false;
  Goroutine& g = gs_[gi];
  g.goid = next_goid_++;
  g.status = GStatus::Waiting;
  g.wait = "coroutine";
  ++g.park_gen;
  g.wake_ns = -1;
  g.sel = -1;
  g.closure = heap::kNil;
  g.start_fn = corostart;
  g.created_fn = frames_.back().fn;
  g.created_line = current_line();
  g.defers.clear();
  g.panics.clear();
  g.coro = c;
  start_frame(gi, corostart, size_t(prog_.funcs[size_t(corostart)].nslots));
  g.stack[0] = c;
  obj_set(uint32_t(c), 0, gi + 1);   // c.gp (guintptr: the g, 0 none)
  return true;
}

// coro_switch: coroswitch_m. The running goroutine parks (waitReasonCoroutine) and leaves
// itself in c.gp; the goroutine c.gp held runs at once, not through the run queue.
bool Interpreter::coro_switch(Word c) {
  const Word next = obj_get(uint32_t(c), 0);
  if (next == 0 || next - 1 >= gs_.size() || gs_[next - 1].status != GStatus::Waiting) {
    std::string text = "fatal error: coroswitch on exited coro\n\n" + traceback(cur_, true);   // coro.go's throw
    message_ = text;
    exit_code_ = 2;
    status_ = VmStatus::Panicked;
    if (host_) host_->print(2, text);
    return false;
  }
  obj_set(uint32_t(c), 0, cur_ + 1);
  park("coroutine");
  parked_ = 5;
  coro_next_ = uint32_t(next - 1);
  return true;
}

// stack_grow: morestack → newstack when a frame of `local` bytes entered with `entry` bytes
// in use passes stackguard0 (runtime/stack.go: a frame over StackSmall is checked at its
// lowest byte less StackSmall); the new stack doubles until the frame and the guard fit,
// copystack frees the old one.
void Interpreter::stack_grow(uint32_t gi, uint64_t entry, uint64_t local) {
  StackRef& s = gs_[gi].gstack;
  if (s.size == 0) return;
  const uint64_t lowest = entry + (local > kStackSmall ? local - kStackSmall : 0);
  if (lowest + kStackGuard < s.size) return;
  uint64_t size = s.size * 2;
  while (size < entry + local + kStackGuard) size *= 2;
  const StackRef grown = stacks_.alloc(heap_, size);
  stacks_.free(heap_, s);
  s = grown;
}

// scan_stacks: at a GC, scanstack (runtime/mgcmark.go) shrinks every goroutine's stack
// that is less than a quarter used to half its size (stack.h shrinkstack); the old stack is
// freed, its span returned when empty (freeStackSpans at the cycle's end). A goroutine waits
// below its own frames in the runtime's (kParkedRuntimeFrames). The scanned bytes, with the
// runtime's own goroutines' (Profile::runtime_stacks_scanned), set startingStackSize
// (gcComputeStartingStackSize at mark termination).
void Interpreter::scan_stacks() {
  uint64_t scanned = profile_.runtime_stacks_scanned, stacks = profile_.allgs_len - 1 + kMarkWorkers;
  for (uint32_t gi = 0; gi < gs_.size(); ++gi) {
    StackRef& s = gs_[gi].gstack;
    if (gs_[gi].status == GStatus::Dead) continue;
    const std::vector<Frame>& frames = g_frames(gi);
    const uint64_t depth = (frames.empty() ? kGoroutineEntryUsed : frames.back().sp) + kParkedRuntimeFrames;
    scanned += depth;
    ++stacks;
    if (s.size == 0 || s.baseline) continue;
    const uint64_t size = shrunk_stack_size(s.size, depth);
    if (size == 0) continue;
    const StackRef shrunk = stacks_.alloc(heap_, size);
    stacks_.free(heap_, s);
    s = shrunk;
  }
  starting_stack_ = starting_stack_size(scanned, stacks);
}

// allgadd appends a new g to allgs (proc.go allgadd): a []*g grown as append grows it (a
// pointerful array); once allgs points at the new array the old one is garbage.
void Interpreter::allgadd() {
  if (allgs_len_ == allgs_cap_) {
    const uint64_t bytes = heap_.roundupsize(heap::Heap::growslice_cap(allgs_cap_, allgs_len_ + 1) * 8, false);
    const heap::ObjId arr = alloc(bytes, false);
    if (status_ != VmStatus::Running) return;
    allgs_ = arr;
    allgs_cap_ = bytes / 8;
  }
  ++allgs_len_;
}

// hold_sudogs: the parking goroutine takes n sudogs (acquireSudog) from its P's cache: new
// ones only beyond every sudog that cache has made (releaseSudog puts them back there). Main
// and the goroutines it starts use two caches: in real Go (GOMAXPROCS=2) the idle P's
// spinning M steals the goroutines main starts, so their waits take sudogs from the other P,
// while main's take the one the start-up made — runtime.main's gcenable waits on `<-c` for
// bgsweep and bgscavenge (mgc.go), on every release 1.19–1.27, one of baseline_objects. Real
// Go's BySize: no sudog when main alone waits on one goroutine (sync_escape.go); 2 new when
// main's select (2 sudogs) and the sender it waits on both wait (labels.go).
void Interpreter::hold_sudogs(uint32_t n) {
  const int p = cur_ == 0 ? 0 : 1;
  gs_[cur_].sudogs += n;
  sudogs_in_use_[p] += n;
  while (sudogs_in_use_[p] > sudogs_made_[p]) {
    heap_.alloc_runtime(profile_.sudog_size, false);
    ++sudogs_made_[p];
  }
}

void Interpreter::park(const char* reason) {
  Goroutine& g = gs_[cur_];
  g.status = GStatus::Waiting;
  g.wait = reason;
  ++g.park_gen;
  parked_ = 1;
}

// ready makes g runnable as runnext (proc.go goready, runqput(next=true)): the one that was
// runnext goes to the run queue's tail.
void Interpreter::ready(uint32_t g) {
  sudogs_in_use_[g == 0 ? 0 : 1] -= gs_[g].sudogs;   // releaseSudog
  gs_[g].sudogs = 0;
  gs_[g].status = GStatus::Runnable;
  gs_[g].wait = "";
  if (runnext_ != kNoG) runq_.push_back(runnext_);
  runnext_ = g;
}

// complete finishes the instruction a parked goroutine blocked on (sched.h invariant 2).
void Interpreter::complete(uint32_t g) { ++g_frames(g).back().pc; }

bool Interpreter::valid(const Waiter& w) const {
  return w.g < gs_.size() && gs_[w.g].status == GStatus::Waiting && gs_[w.g].park_gen == w.gen;
}

Waiter* Interpreter::first_valid(std::deque<Waiter>& q) {
  while (!q.empty() && !valid(q.front())) q.pop_front();
  return q.empty() ? nullptr : &q.front();
}

uint64_t Interpreter::live_goroutines() const {
  uint64_t n = 0;
  for (uint32_t i = 0; i < gs_.size(); ++i)   // the finalizer goroutine is a system one (finalizers.cpp)
    n += gs_[i].status != GStatus::Dead && i != fing_;
  return n;
}

void Interpreter::switch_to(uint32_t g) {
  if (g != cur_) {
    gs_[cur_].stack.swap(stack_);
    gs_[cur_].frames.swap(frames_);
    stack_.swap(gs_[g].stack);
    frames_.swap(gs_[g].frames);
    cur_ = g;
  }
  gs_[g].status = GStatus::Running;
  slice_end_ = ops_ + kTimeSlice;
}

// schedule picks the next goroutine after the running one blocked, yielded or ended
// (parked_): runnext, then the run queue; with none runnable the clock moves to the next
// sleeper's wake-up; with none asleep either, checkdead's deadlock. False: the run ended.
bool Interpreter::schedule() {
  const uint8_t why = parked_;
  parked_ = 0;
  if (why == 5) {   // coroswitch: the coroutine's other goroutine runs at once (iter_pull.h)
    switch_to(coro_next_);
    coro_next_ = kNoG;
    return true;
  }
  if (why == 2) {   // Gosched or preemption: to the queue's tail
    gs_[cur_].status = GStatus::Runnable;
    runq_.push_back(cur_);
  }
  if (why == 4) {   // runtime.GC returned (finalizers.cpp): the finalizer goroutine if woken
    const uint32_t me = cur_;
    if (runnext_ != fing_ || fing_ == kNoG) {
      switch_to(me);
      return true;
    }
    gs_[me].status = GStatus::Runnable;
    runnext_ = me;   // the program goes on as soon as the finalizers are run or block
    switch_to(fing_);
    if (frames_.empty() && !fing_next_call()) {
      gs_[fing_].status = GStatus::Waiting;
      gs_[fing_].wait = "finalizer wait";
      runnext_ = kNoG;
      switch_to(me);
    }
    return status_ == VmStatus::Running;
  }
  uint64_t idle_fires = 0;
  while (status_ == VmStatus::Running) {
    uint32_t next = kNoG;
    if (runnext_ != kNoG) {
      next = runnext_;
      runnext_ = kNoG;
    } else if (!runq_.empty()) {
      next = runq_.front();
      runq_.pop_front();
    }
    if (next != kNoG) {
      switch_to(next);
      // the finalizer goroutine woken: runfinq takes the queue (finalizers.cpp)
      if (next == fing_ && frames_.empty() && !fing_next_call()) {
        if (status_ != VmStatus::Running) return false;
        gs_[next].status = GStatus::Waiting;
        gs_[next].wait = "finalizer wait";
        continue;
      }
      return true;
    }
    int64_t wake = INT64_MAX;
    for (const Goroutine& g : gs_)
      if (g.status == GStatus::Waiting && g.wake_ns >= 0) wake = std::min(wake, g.wake_ns);
    for (const SimTimer& t : timers_)
      if (t.active) wake = std::min(wake, t.when);
    if (wake == INT64_MAX) {
      deadlock();
      return false;
    }
    if (++idle_fires > 100000) {   // only timers fire and nobody receives: Go waits for ever
      limit("gomapsim: every goroutine is blocked and only timers fire (real Go would wait for ever); the run was stopped");
      return false;
    }
    sleep(wake - clock_ns_);   // the clock moves (and sysmon's periodic GC with it)
    for (uint32_t i = 0; i < gs_.size(); ++i) {
      Goroutine& g = gs_[i];
      if (g.status == GStatus::Waiting && g.wake_ns >= 0 && g.wake_ns <= clock_ns_) {
        g.wake_ns = -1;
        sleep_done(i);
        complete(i);
        // timers fire in goroutine order; the first woken runs first
        g.status = GStatus::Runnable;
        g.wait = "";
        runq_.push_back(i);
      }
    }
    for (SimTimer& t : timers_)
      if (t.active && t.when <= clock_ns_) fire_timer(t);
  }
  return false;
}

// fire_timer: sendTime, a non-blocking send of the clock's time on the timer's channel.
void Interpreter::fire_timer(SimTimer& t) {
  Hchan& h = chans_[t.chan];
  const Word now = new_time(gotime::now(clock_ns_));
  if (Waiter* w = first_valid(h.recvq)) {
    const Waiter r = *w;
    h.recvq.pop_front();
    deliver_recv(r, now, true);
  } else if (h.qcount < h.cap) {
    obj_set(t.chan, (h.recvx + h.qcount) % h.cap, now);
    ++h.qcount;
  }
  if (t.period > 0) t.when += t.period;
  else t.active = false;
}

// timer_builtin: time.After/Tick/NewTicker/NewTimer (a channel of one Time, the Timer or
// Ticker beside it: Profile::timer_bytes) and their Stop/Reset.
bool Interpreter::timer_builtin(const CallSite& cs, const Instr& in, Word* R) {
  const Word* a = R + in.b;
  if (cs.fn == Builtin::TimerStop || cs.fn == Builtin::TimerReset) {
    const uint32_t o = uint32_t(a[0]);
    if (o == 0) return panic("runtime error: invalid memory address or nil pointer dereference"), false;
    const uint64_t id = obj_get(o, 1);
    if (id == 0 || id > timers_.size()) return panic("time: Stop called on uninitialized Timer"), false;
    SimTimer& t = timers_[id - 1];
    const bool was = t.active;
    if (cs.fn == Builtin::TimerStop) {
      t.active = false;
    } else {
      const int64_t d = int64_t(a[1]);
      if (d <= 0 && T[objs_[o].type].name != "time.Timer") return panic("non-positive interval for Ticker.Reset"), false;
      t.active = true;
      t.when = clock_ns_ + std::max<int64_t>(d, 0);
      if (t.period > 0) t.period = d;
    }
    if (in.a >= 0) R[in.a] = was;
    return true;
  }
  const int64_t d = int64_t(a[0]);
  const bool periodic = cs.fn == Builtin::TimerTick || cs.fn == Builtin::NewTicker;
  if (periodic && d <= 0) {
    if (cs.fn == Builtin::TimerTick) return R[in.a] = 0, true;   // Tick returns nil
    return panic("non-positive interval for NewTicker"), false;
  }
  const uint32_t c = make_chan(prog_.time_type, 1);
  const heap::ObjId obj = alloc(profile_.timer_bytes, false);
  if (status_ != VmStatus::Running) return false;
  SimTimer t;
  t.chan = c;
  t.when = clock_ns_ + std::max<int64_t>(d, 0);
  t.period = periodic ? d : 0;
  t.active = true;
  t.obj = obj;
  timers_.push_back(t);
  if (cs.fn == Builtin::TimerAfter || cs.fn == Builtin::TimerTick) {
    R[in.a] = c;
    return true;
  }
  const TypeId tt = cs.fn == Builtin::NewTicker ? prog_.ticker_type : prog_.timer_type;
  const uint32_t o = new_obj(tt, Agg, 0, obj);
  obj_set(o, 0, c);
  obj_set(o, 1, timers_.size());
  R[in.a] = o;
  return true;
}

// goexit ends the running goroutine (not main): its g and stack go to the free list.
void Interpreter::goexit() {
  Goroutine& g = gs_[cur_];
  g.status = GStatus::Dead;
  g.closure = heap::kNil;
  g.timer = heap::kNil;   // goexit0: gp.timer = nil (garbage now)
  if (g.gstack.size != starting_stack_) {   // gfput: a stack not of the starting size is freed
    stacks_.free(heap_, g.gstack);
    g.gstack = StackRef{};
  }
  frames_.clear();
  gfree_.push_back(cur_);
  parked_ = 3;
  if (g.coro) {   // corostart returned: coroexit (gdestroy, then coroswitch_m to c.gp; c.gp = 0)
    const Word c = g.coro;
    g.coro = 0;
    const Word next = obj_get(uint32_t(c), 0);
    obj_set(uint32_t(c), 0, 0);
    if (next != 0 && next - 1 < gs_.size() && gs_[next - 1].status == GStatus::Waiting) {
      coro_next_ = uint32_t(next - 1);
      parked_ = 5;
    }
  }
}

// sleep_timer: time.Sleep's timer (runtime/time.go timeSleep; Profile::sleep_timer_bytes):
// a goroutine's first Sleep allocates it (gp.timer, kept until goexit0 drops it: a reused g
// makes a new one), and every Sleep adds it to its P's timer heap, a slice that grows as
// append grows it and that the P keeps. Main starts on P0 and wakes from each Sleep on the
// other P (the idle P's M runs the timer and main with it: its second Sleep fills P1's heap);
// the goroutines main starts sleep on the other P's heap, as they take its sudogs
// (hold_sudogs). False if an allocation stopped the run.
bool Interpreter::sleep_timer() {
  if (gs_[cur_].timer == heap::kNil) {
    const heap::ObjId t = alloc(profile_.sleep_timer_bytes, false);
    if (status_ != VmStatus::Running) return false;
    gs_[cur_].timer = t;
  }
  const int p = cur_ == 0 ? main_p_ : 1;
  TimerHeap& h = ptimers_[p];
  if (h.len == h.cap) {
    const uint64_t elem = profile_.timer_heap_elem;
    const uint64_t bytes = heap_.roundupsize(heap::Heap::growslice_cap(h.cap, h.len + 1) * elem, false);
    const heap::ObjId arr = alloc(bytes, false);
    if (status_ != VmStatus::Running) return false;
    h.arr = arr;   // the old array is garbage
    h.cap = bytes / elem;
  }
  ++h.len;
  gs_[cur_].timer_p = int8_t(p);
  return true;
}

// sleep_done: g's Sleep timer fired (runOneTimer removes it from its P's heap; the slice keeps
// its capacity); main runs on the other P from now on.
void Interpreter::sleep_done(uint32_t gi) {
  Goroutine& g = gs_[gi];
  if (g.timer_p < 0) return;
  --ptimers_[g.timer_p].len;
  g.timer_p = -1;
  if (gi == 0) main_p_ ^= 1;
}

void Interpreter::sleep_goroutine(int64_t d) {
  park("sleep");
  gs_[cur_].wake_ns = clock_ns_ > INT64_MAX - d ? INT64_MAX : clock_ns_ + d;
}

// traceback prints a goroutine as the runtime does, less the program counters and paths:
// "goroutine 1 [chan receive]:" then its calls, innermost first.
std::string Interpreter::traceback(uint32_t gi, bool running) const {
  const Goroutine* g = &gs_[gi];
  const std::vector<Frame>& fr = gi == cur_ ? frames_ : g->frames;
  std::string text = "goroutine " + std::to_string(g->goid) + " [" + (running ? "running" : g->wait) + "]:\n";
  for (size_t i = fr.size(); i-- > 0;) {
    const Function& fn = prog_.funcs[size_t(fr[i].fn)];
    if (fr[i].pc < 0) continue;
    if (fn.name.size() > 3 && fn.name.compare(fn.name.size() - 3, 3, "-fm") == 0) continue;   // a method value's wrapper: hidden, as in Go's traceback
    const int line = size_t(fr[i].pc) < fn.lines.size() ? fn.lines[size_t(fr[i].pc)] : 0;
    if (line >= kLibraryFirstLine) {   // the library's code in Go (sync_map.h, strings_builder.h): its Go name, no line
      std::string name = fn.name, pkg = "sync";
      for (const LibraryPackage& lib : kLibraryPackages)
        for (const std::string& from : {"main.(*" + std::string(lib.prefix), "main." + std::string(lib.prefix)})
          if (name.rfind(from, 0) == 0) {   // by its import path, as Go's traceback: sync/atomic.(*Value).Store
            name = std::string(lib.path) + (from[5] == '(' ? ".(*" : ".") + name.substr(from.size());
            pkg = lib.path;
          }
      text += name + "(...)\n\t" + pkg + "\n";
      continue;
    }
    text += fn.name + "(...)\n\tmain.go:" + std::to_string(line) + "\n";
  }
  if (gi != 0 && g->created_fn >= 0)
    text += "created by " + prog_.funcs[size_t(g->created_fn)].name + " in goroutine 1\n\tmain.go:" + std::to_string(g->created_line) + "\n";
  return text;
}

// deadlock: proc.go checkdead. Real Go prints the fatal error, then every goroutine.
void Interpreter::deadlock() {
  std::string text = "fatal error: all goroutines are asleep - deadlock!\n\n";
  for (uint32_t i = 0; i < gs_.size(); ++i) {
    if (gs_[i].status != GStatus::Waiting) continue;
    if (i == fing_) continue;   // a system goroutine: its traceback is not shown (finalizers.cpp)
    if (i) text += "\n";
    text += traceback(i, false);
  }
  message_ = text;
  exit_code_ = 2;
  status_ = VmStatus::Panicked;
  if (host_) host_->print(2, text);
}

void Interpreter::mark_goroutines(heap::Marker* m) {
  for (const SimTimer& t : timers_)   // the runtime's timer heap holds active timers
    if (t.active) {
      mark_obj(t.chan, m);
      if (m && t.obj != heap::kNil) m->mark(t.obj);
    }
  if (m && allgs_ != heap::kNil) m->mark(allgs_);
  for (const TimerHeap& h : ptimers_)
    if (m && h.arr != heap::kNil) m->mark(h.arr);
  for (uint32_t i = 0; i < gs_.size(); ++i) {
    Goroutine& g = gs_[i];
    if (g.status == GStatus::Dead) continue;
    if (m && g.closure != heap::kNil) m->mark(g.closure);
    if (m && g.timer != heap::kNil) m->mark(g.timer);
    if (i == cur_) continue;   // its frames are stack_'s (mark_roots)
    stack_.swap(g.stack);
    frames_.swap(g.frames);
    for (size_t f = 0; f < frames_.size(); ++f) {
      const bool top = f + 1 == frames_.size();
      const int32_t callee_base = top ? -1 : int32_t(frames_[f + 1].base - frames_[f].base);
      mark_frame(frames_[f], top, callee_base, m);
    }
    stack_.swap(g.stack);
    frames_.swap(g.frames);
  }
}

// ---------------------------------------------------------------- channels
// make_chan: runtime.makechan. The hchan and its buffer are one noscan object when the
// elements hold no pointers (or there is no buffer), else the hchan then the buffer.
uint32_t Interpreter::make_chan(TypeId elem, int64_t cap) {
  const Type& et = T.u(elem);
  if (cap < 0 || (et.size && uint64_t(cap) > (uint64_t(1) << 40) / et.size)) {
    fatal_panic("panic: makechan: size out of range", false);   // the caller reads status_
    return 0;
  }
  const uint64_t mem = et.size * uint64_t(cap);
  Hchan h;
  h.cap = uint64_t(cap);
  heap::ObjId obj;
  if (mem == 0 || !et.ptrs) {
    obj = alloc(profile_.hchan_size + mem, true);
  } else {
    h.hchan = alloc(profile_.hchan_size, false);
    obj = alloc(mem, false);
  }
  if (status_ != VmStatus::Running) return 0;
  const uint32_t c = new_obj(elem, Backing, h.cap, obj);
  chans_[c] = std::move(h);
  return c;
}

// take_send: the value a parked sender offers (its slot, or its select case's operand).
Word Interpreter::take_send(const Waiter& w) {
  const Goroutine& g = gs_[w.g];
  const std::vector<Word>& st = g_stack(w.g);
  if (w.sel_case < 0) return st[w.slot];
  const SelectDesc& d = prog_.selects[size_t(g.sel)];
  (void)d;
  return st[g.sel_ops + 2 * uint32_t(w.sel_case) + 1];
}

// deliver_recv completes a parked receiver: the value and ok into its slots (a select's
// chosen case index too), then it is ready to run.
void Interpreter::deliver_recv(const Waiter& w, Word v, bool ok) {
  Goroutine& g = gs_[w.g];
  std::vector<Word>& st = g_stack(w.g);
  if (w.sel_case < 0) {
    st[w.slot] = v;
    st[w.slot + 1] = ok;
  } else {
    const SelectCase& c = prog_.selects[size_t(g.sel)].cases[size_t(w.sel_case)];
    st[g.sel_base + uint32_t(c.dst)] = v;
    st[g.sel_base + uint32_t(c.dst) + 1] = ok;
    st[g.sel_idx] = Word(c.index);
  }
  complete(w.g);
  ready(w.g);
}

// chan_send: chansend. 1 done, 0 the goroutine parked, -1 panicked.
int Interpreter::chan_send(uint32_t c, Word v, uint32_t vslot) {
  if (c == 0) {
    park("chan send (nil chan)");
    return 0;
  }
  Hchan& h = chans_[c];
  if (h.closed) {
    panic("send on closed channel");
    return -1;
  }
  if (Waiter* w = first_valid(h.recvq)) {
    const Waiter r = *w;
    h.recvq.pop_front();
    deliver_recv(r, v, true);
    return 1;
  }
  if (h.qcount < h.cap) {
    obj_set(c, (h.recvx + h.qcount) % h.cap, v);
    ++h.qcount;
    return 1;
  }
  park("chan send");
  hold_sudogs(1);
  h.sendq.push_back(Waiter{cur_, gs_[cur_].park_gen, -1, vslot});
  return 0;
}

// chan_recv: chanrecv, the value and ok into stack_[dst], stack_[dst + 1]. 1 done, 0 parked.
int Interpreter::chan_recv(uint32_t c, uint32_t dst) {
  if (c == 0) {
    park("chan receive (nil chan)");
    return 0;
  }
  Hchan& h = chans_[c];
  auto wake_sender = [&](Word& out) -> bool {
    Waiter* w = first_valid(h.sendq);
    if (!w) return false;
    const Waiter s = *w;
    h.sendq.pop_front();
    out = take_send(s);
    if (s.sel_case >= 0) g_stack(s.g)[gs_[s.g].sel_idx] = Word(prog_.selects[size_t(gs_[s.g].sel)].cases[size_t(s.sel_case)].index);
    complete(s.g);
    ready(s.g);
    return true;
  };
  Word v = 0;
  if (h.qcount > 0) {
    v = obj_get(c, h.recvx);
    obj_set(c, h.recvx, 0);
    h.recvx = (h.recvx + 1) % h.cap;
    --h.qcount;
    Word sv;
    if (wake_sender(sv)) {   // a blocked sender's value takes the freed place
      obj_set(c, (h.recvx + h.qcount) % h.cap, sv);
      ++h.qcount;
    }
  } else if (!wake_sender(v)) {
    if (!h.closed) {
      park("chan receive");
      hold_sudogs(1);
      h.recvq.push_back(Waiter{cur_, gs_[cur_].park_gen, -1, dst});
      return 0;
    }
    stack_[dst] = 0;
    stack_[dst + 1] = 0;
    return 1;
  }
  stack_[dst] = v;
  stack_[dst + 1] = 1;
  return 1;
}

// chan_close: closechan. Parked receivers get the zero value and ok=false.
bool Interpreter::chan_close(uint32_t c) {
  if (c == 0) return panic("close of nil channel"), false;
  Hchan& h = chans_[c];
  if (h.closed) return panic("close of closed channel"), false;
  h.closed = true;
  while (Waiter* w = first_valid(h.recvq)) {
    const Waiter r = *w;
    h.recvq.pop_front();
    deliver_recv(r, 0, false);
  }
  if (first_valid(h.sendq)) return panic("send on closed channel"), false;
  return true;
}

// select_op: selectgo. The cases are polled in an order drawn from the run's seed (Go's
// pollorder is random); the first ready one runs; else default; else the goroutine parks
// on every case's channel. 1 done, 0 parked, -1 panicked.
int Interpreter::select_op(const Instr& in, uint32_t base) {
  const SelectDesc& d = prog_.selects[in.k];
  Word* R = stack_.data() + base;
  const size_t n = d.cases.size();
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[splitmix64(select_rng_) % i]);
  for (uint32_t i : order) {
    const SelectCase& c = d.cases[i];
    const uint32_t ch = uint32_t(R[in.b + 2 * int(i)]);
    if (ch == 0) continue;   // a nil channel is never ready
    Hchan& h = chans_[ch];
    if (c.send) {
      if (!h.closed && !first_valid(h.recvq) && h.qcount >= h.cap) continue;
      const int r = chan_send(ch, R[in.b + 2 * int(i) + 1], 0);
      if (r < 0) return -1;
    } else {
      if (h.qcount == 0 && !first_valid(h.sendq) && !h.closed) continue;
      chan_recv(ch, base + uint32_t(c.dst));
    }
    R[in.a] = Word(c.index);
    return 1;
  }
  if (d.has_default) {
    R[in.a] = Word(-1);
    return 1;
  }
  park(n == 0 ? "select (no cases)" : "select");
  Goroutine& g = gs_[cur_];
  g.sel = in.k;
  g.sel_base = base;
  g.sel_ops = base + uint32_t(in.b);
  g.sel_idx = base + uint32_t(in.a);
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t ch = uint32_t(R[in.b + 2 * int(i)]);
    if (ch == 0) continue;
    Hchan& h = chans_[ch];
    (d.cases[i].send ? h.sendq : h.recvq).push_back(Waiter{cur_, g.park_gen, int32_t(i), 0});
    hold_sudogs(1);
  }
  return 0;
}

// ---------------------------------------------------------------- package sync
// sync_builtin runs a method of sync.WaitGroup/Mutex/RWMutex/Once or runtime.Gosched. The
// receiver (a pointer) is the value's Obj; its fields hold the state (compiler_go.cpp
// sync_type). False: the run stopped (a fatal error, a panic).
bool Interpreter::sync_builtin(const CallSite& cs, const Instr& in, Word* R) {
  if (cs.fn == Builtin::Gosched) {
    if (others_may_run()) parked_ = 2;
    return true;
  }
  const uint32_t o = uint32_t(R[in.b]);
  if (o == 0) return panic("runtime error: invalid memory address or nil pointer dereference"), false;
  const uint64_t key = uint64_t(o) << 2;
  auto fatal = [&](const std::string& msg) {
    std::string text = "fatal error: " + msg + "\n\n" + traceback(cur_, true);
    message_ = text;
    exit_code_ = 2;
    status_ = VmStatus::Panicked;
    if (host_) host_->print(2, text);
    return false;
  };
  auto wait_on = [&](uint64_t q, const char* reason, uint32_t slot) {
    park(reason);
    hold_sudogs(1);
    sema_[q].push_back(Waiter{cur_, gs_[cur_].park_gen, -1, slot});
  };
  auto pop = [&](uint64_t q) -> Waiter* {
    auto it = sema_.find(q);
    if (it == sema_.end()) return nullptr;
    return first_valid(it->second);
  };
  // wake_first: the first waiter of queue q (if any) completes its instruction and runs
  auto wake_first = [&](uint64_t q) -> bool {
    Waiter* w = pop(q);
    if (!w) return false;
    const uint32_t g = w->g;
    sema_[q].pop_front();
    complete(g);
    ready(g);
    return true;
  };
  const bool rw = T[objs_[o].type].name == "sync.RWMutex";
  switch (cs.fn) {
    case Builtin::WgAdd: case Builtin::WgDone: {
      const int64_t delta = cs.fn == Builtin::WgDone ? -1 : int64_t(R[in.b + 1]);
      const int64_t v = int64_t(obj_get(o, 0)) + delta;
      if (v < 0) return panic("sync: negative WaitGroup counter"), false;
      obj_set(o, 0, Word(v));
      if (v == 0)
        while (wake_first(key)) {
        }
      return true;
    }
    case Builtin::WgWait:
      if (obj_get(o, 0) != 0) wait_on(key, "sync.WaitGroup.Wait", 0);
      return true;
    case Builtin::MutexLock:
      if (!rw) {
        if (obj_get(o, 0) == 0) obj_set(o, 0, 1);
        else wait_on(key, "sync.Mutex.Lock", 0);
      } else if (obj_get(o, 0) == 0 && obj_get(o, 1) == 0) {
        obj_set(o, 0, 1);
      } else {
        wait_on(key | 1, "sync.RWMutex.Lock", 0);
      }
      return true;
    case Builtin::MutexTryLock:
      if (obj_get(o, 0) == 0) {
        obj_set(o, 0, 1);
        R[in.a] = 1;
      } else {
        R[in.a] = 0;
      }
      return true;
    case Builtin::MutexUnlock: {
      if (obj_get(o, 0) == 0) return fatal(rw ? "sync: Unlock of unlocked RWMutex" : "sync: unlock of unlocked mutex");
      if (!rw) {
        if (!wake_first(key)) obj_set(o, 0, 0);   // else handed to the first waiter: still held
        return true;
      }
      obj_set(o, 0, 0);
      uint64_t readers = 0;
      while (wake_first(key | 2)) ++readers;   // waiting readers first
      if (readers) obj_set(o, 1, readers);
      else if (wake_first(key | 1)) obj_set(o, 0, 1);
      return true;
    }
    case Builtin::RLock:
      if (obj_get(o, 0) == 0 && !pop(key | 1)) obj_set(o, 1, obj_get(o, 1) + 1);
      else wait_on(key | 2, "sync.RWMutex.RLock", 0);
      return true;
    case Builtin::RUnlock: {
      const uint64_t r = obj_get(o, 1);
      if (r == 0) return fatal("sync: RUnlock of unlocked RWMutex");
      obj_set(o, 1, r - 1);
      if (r == 1 && wake_first(key | 1)) obj_set(o, 0, 1);
      return true;
    }
    case Builtin::OnceBegin:
      if (obj_get(o, 0) != 0) {
        R[in.a] = 0;
      } else if (obj_get(o, 1) != 0) {   // another goroutine runs f: wait for it
        wait_on(key, "sync.Mutex.Lock", uint32_t(frames_.back().base + uint32_t(in.a)));
      } else {
        obj_set(o, 1, 1);
        R[in.a] = 1;
      }
      return true;
    case Builtin::OnceEnd:
      obj_set(o, 0, 1);
      obj_set(o, 1, 0);
      while (Waiter* w = pop(key)) {
        const Waiter x = *w;
        sema_[key].pop_front();
        g_stack(x.g)[x.slot] = 0;
        complete(x.g);
        ready(x.g);
      }
      return true;
    default: return false;
  }
}

}  // namespace lang
