// finalizers.cpp — runtime.SetFinalizer: the objects' finalizer specials, the GC that keeps
// a finalizable object for one more cycle, the finalizer queue and the finalizer goroutine.
//
// Models (the same in every offered release, Go 1.19–1.27; read in each release's
// runtime/mfinal.go, mheap.go and mgcmark.go / mgcsweep.go):
//   SetFinalizer  checks its arguments (the checks the playground's compiler cannot make are
//                 thrown as Go throws them: a nil pointer is "not in allocated block", a
//                 second finalizer "finalizer already set"), then addfinalizer records a
//                 specialfinalizer on the object's span. The record comes from a fixalloc
//                 (mheap_.specialfinalizeralloc) whose chunks are persistentalloc'd and
//                 counted in OtherSys from the start: nothing in Mallocs, HeapAlloc or Sys.
//                 A nil finalizer removes the record. An object that is not in the heap
//                 (a global: isGoPointerWithoutSpan) is ignored.
//   createfing    the finalizer goroutine (runfinq, runFinalizers from 1.21's rename) is
//                 started by the first SetFinalizer — in every program that imports fmt, log,
//                 os, flag, runtime/debug or crypto/rand (all import os) already before main
//                 (os.NewFile sets a finalizer on Stdin, Stdout and Stderr at init), so its g
//                 and stack are in the start-up figures and the program's first SetFinalizer
//                 allocates nothing (measured on 1.19–1.27: 0 mallocs). In a program without
//                 them (time, strings, strconv, sync… import no os) the first SetFinalizer
//                 runs `go runfinq()`: malg's g (Profile::g_size) and allgs grown from its 4
//                 slots to 8 (64 B): 2 mallocs, 480 B on 1.19–1.21, 512 on 1.22–1.25, 544 on
//                 1.26–1.27 (measured, every release; StackInuse unchanged: a pooled stack).
//                 It is a system goroutine: newproc1 counted it in sched.ngsys
//                 when it was made, so NumGoroutine never counts it (1 inside a finalizer
//                 too, measured on 1.24), and a deadlock's report does not show it.
//   the GC        markrootSpans marks what a finalizable object points to and the finalizer
//                 itself, not the object; the sweep (mspan.sweep → freeSpecial →
//                 queuefinalizer) finds the object unmarked, marks it (it survives this
//                 cycle) and queues the finalizer. The queue is a root until the finalizer has
//                 run; the object is freed by the first cycle after that. The first queued
//                 finalizer takes a 4 KiB finBlock by persistentalloc(&memstats.gcMiscSys):
//                 GCSys +4 096, OtherSys −4 096.
//   runfinq       woken by the scheduler (findrunnable → wakefing → ready: runnext), it runs
//                 the queued finalizers one after the other, the newest first (finq is a list
//                 of blocks, the newest block first, each run from cnt down; the sweep queues
//                 span class by span class: 5 objects of 16 B and 5 of 816 B dropped in
//                 one loop run big 4…0 then small 4…0, on 1.19 and 1.27), on an argument frame it allocates once with
//                 mallocgc(16 + nret, nil, true) and keeps (framecap): one 16-B object at the
//                 first finalizer (measured: 1 malloc, 16 B, on 1.19–1.27).
//
// Engine: sweep_finalizers is the heap's sweep_specials hook (heap.h); the queue and the
// specials' closures are roots (mark_finalizers); the finalizer goroutine's frames are set
// up by fing_next_call when the scheduler switches to it and when a finalizer returns.
//
// Simplifications: one P, so the finalizer goroutine runs when the running goroutine
// blocks, yields or is preempted (real Go runs it on an idle P at once: a program that prints
// right after runtime.GC() may see its finalizers' output before or after, 15 of 30 runs each
// way on 1.19 and 1.27; after time.Sleep or runtime.Gosched both agree); the start-up of a
// program without os is still the baselines' (a fmt program's, its fing g included: real Go
// 1.19 starts such a program at 28 296 B, 35 objects, a fmt one at 42 408 B, 92); finalizers on interior pointers of pointer-free tiny objects are refused, not deferred.
#include <algorithm>

#include "engine/lang/interp.h"
#include "engine/lang/interp_impl.h"

namespace lang {

namespace {
// _FinBlockSize (mfinal.go finBlockSize): the finq's blocks, persistentalloc'd for good.
constexpr uint64_t kFinBlockSize = 4 * 1024;
}  // namespace

bool Interpreter::set_finalizer(const CallSite& cs, const Word* a) {
  const Word p = a[0], fn = a[1];
  const TypeId ot = cs.arg_types[0], ft = cs.arg_types[1];
  auto throw_ = [&](const std::string& what) {
    fatal_panic("fatal error: runtime.SetFinalizer: " + what, false);
    return false;
  };
  if (p == 0 || uint32_t(p) >= objs_.size() || !objs_[uint32_t(p)].live) return throw_("pointer not in allocated block");
  const uint32_t o = uint32_t(p);
  if (objs_[o].shape == Ref) return throw_("pointer not at beginning of allocated block");
  // a global or a zero-sized object (zerobase): not in the heap, no finalizer is recorded
  if (objs_[o].hobj == heap::kNil) return true;
  auto has = [o](const Finalizer& f) { return f.obj == o; };
  if (fn == 0) {   // removefinalizer
    finalizers_.erase(std::remove_if(finalizers_.begin(), finalizers_.end(), has), finalizers_.end());
    return true;
  }
  if (fing_ == kNoG) {   // createfing (see the top)
    const uint32_t gi = uint32_t(gs_.size());
    gs_.emplace_back();
    if (prog_.fing_at_init) {   // the goroutine os's init started: in the start-up's figures
      gs_[gi].goid = profile_.first_goid > 1 ? profile_.first_goid - 1 : 1;
      gs_[gi].gstack = stacks_.baseline_stack(kFixedStack);
    } else {   // `go runfinq()` now: malg's new(g), allgadd, a stack from the pool
      gs_[gi].goid = next_goid_++;
      heap_.alloc_runtime(profile_.g_size, false);
      if (status_ == VmStatus::Running) allgadd();
      gs_[gi].gstack = stacks_.alloc(heap_, kFixedStack);
    }
    fing_ = gi;
    gs_[gi].status = GStatus::Waiting;
    gs_[gi].wait = "finalizer wait";
    if (status_ != VmStatus::Running) return false;
  }
  if (std::any_of(finalizers_.begin(), finalizers_.end(), has) || std::any_of(finq_.begin(), finq_.end(), has))
    return throw_("finalizer already set");
  finalizers_.push_back(Finalizer{o, ot, fn, ft});
  return true;
}

// sweep_finalizers: the sweep of the spans holding finalizable objects (mgcsweep.go
// mspan.sweep): an object the mark did not reach is marked now, with what it points to, and
// its finalizer moves to the queue; the finalizer goroutine is woken if it waits.
void Interpreter::sweep_finalizers(heap::Marker& m) {
  std::vector<Finalizer> queued;
  size_t kept = 0;
  for (const Finalizer& f : finalizers_) {
    if (m.marked(objs_[f.obj].hobj)) finalizers_[kept++] = f;
    else queued.push_back(f);
  }
  finalizers_.resize(kept);
  if (queued.empty()) return;
  // queued in the sweep's order; runfinq takes them from the newest (see the top)
  std::sort(queued.begin(), queued.end(), [this](const Finalizer& x, const Finalizer& y) {
    return heap_.sweep_order(objs_[x.obj].hobj) < heap_.sweep_order(objs_[y.obj].hobj);
  });
  for (const Finalizer& f : queued) {
    ObjEnt& e = objs_[f.obj];
    if (e.mark == epoch_) m.mark(e.hobj);
    else mark_obj(f.obj, &m);
    finq_.push_back(f);
  }
  if (!finblock_) {   // queuefinalizer's first finBlock
    finblock_ = true;
    heap_.persistent_gc_misc(kFinBlockSize);
  }
  Goroutine& g = gs_[fing_];
  if (g.status == GStatus::Waiting && g_frames(fing_).empty()) ready(fing_);
}

// mark_finalizers: the roots the finalizers add (mgcmark.go markroot: the finq's block and
// markrootSpans' specials): every finalizer's closure, the queued objects, runfinq's frame.
// A collection of the pools alone (no marker) keeps the finalizable objects' entries too:
// only a heap cycle decides that one is unreachable.
void Interpreter::mark_finalizers(heap::Marker* m) {
  for (const Finalizer& f : finalizers_) {
    mark_obj(uint32_t(f.fn), m);
    if (!m) mark_obj(f.obj, nullptr);
  }
  for (const Finalizer& f : finq_) {
    mark_obj(uint32_t(f.fn), m);
    mark_obj(f.obj, m);
  }
  if (m && fing_frame_ != heap::kNil) m->mark(fing_frame_);
}

// fing_next_call: the finalizer goroutine (running: its frames are frames_) calls the next
// queued finalizer, as runfinq does: the frame first (mallocgc once, kept while big enough),
// then fn(obj) through reflectcall, its argument converted to the parameter's type (an
// interface: no allocation, the pointer is the data word). False when the queue is empty.
bool Interpreter::fing_next_call() {
  if (finq_.empty()) return false;
  const Finalizer& f = finq_.back();
  const Type& ft = T.u(f.fn_type);
  uint64_t nret = 0;
  for (size_t i = size_t(ft.len); i < ft.fields.size(); ++i) {
    const Type& rt = T.u(ft.fields[i].type);
    nret = (nret + rt.align - 1) / rt.align * rt.align + rt.size;
  }
  nret = (nret + 7) / 8 * 8;
  const uint64_t framesz = 16 + nret;   // unsafe.Sizeof((any)(nil)) + f.nret
  if (fing_framecap_ < framesz) {
    fing_frame_ = alloc(framesz, /*noscan=*/true);
    fing_framecap_ = framesz;
    if (status_ != VmStatus::Running) return false;
  }
  const Finalizer run = finq_.back();
  const int32_t fidx = int32_t(obj_get(uint32_t(run.fn), 0));
  const Function& fn = prog_.funcs[size_t(fidx)];
  const TypeId param = ft.fields[0].type;
  const Word arg = T.kind(param) == Kind::Interface ? to_iface(run.obj_type, run.obj, heap::kNil) : Word(run.obj);
  const size_t ctx = std::max<size_t>(1, ft.fields.size() - size_t(ft.len));
  stack_.assign(std::max(size_t(fn.nslots), ctx + 1) + 16, 0);
  stack_[0] = arg;
  stack_[ctx] = run.fn;   // the closure, as OpCallF puts it
  frames_.clear();
  frames_.push_back(Frame{fidx, 0, 0});
  frames_.back().sp = kGoroutineEntryUsed + (fn.frame_bytes ? fn.frame_bytes - 8 : 0);
  finq_.pop_back();
  return true;
}

}  // namespace lang
