// interp_defer.cpp — defer, panic and recover in the VM.
//
// Models runtime/panic.go: deferproc (OpDefer: a record of the call's arguments on the
// goroutine's defer list), deferreturn (OpRunDefers: the frame's records, last first, each
// run in the frame itself), gopanic (a panic runs the records frame by frame, the frames
// above a record's dropped as it runs), gorecover (recover() in a deferred call stops the
// panic and answers its value), recovery (the recovering function returns normally, through
// its remaining deferred calls, at Function::recover_pc), fatalpanic/printpanics (an
// unrecovered panic prints the chain "panic: A [recovered]" / "\tpanic: B", then the
// traceback where the last one started, exit status 2), and newdefer/freedefer's pools of
// heap _defer records (a defer in a loop): 32 a P, the rest in a central list that
// clearpools drops at every GC.
//
// Simplifications: the goroutine's P is the one fmt's pool model draws after each GC
// (sync_pool.h: the other P two times in five), so a loop's records after a cycle come
// from the P's pool or are new as that draw says (real Go: as the scheduler says); recover answers in the
// deferred call's frame or in a function it calls (Go: only in the deferred function
// itself); a runtime error's value is an errors.errorString with Go's text (so %T prints
// *errors.errorString, not runtime.boundsError); a panic inside a method fmt calls (or any
// call from inside a builtin) is fatal, without running deferred calls; the text of a
// program's error value is its Error() run when the program dies, as Go does, and a panic
// value of another non-basic type prints "(T) value" where Go prints an address.
#include <string>
#include <vector>

#include "engine/lang/interp_impl.h"

namespace lang {

using namespace vm_internal;

namespace {
constexpr size_t kDeferPoolCap = 32;   // runtime.p deferpoolbuf
}  // namespace

// new_defer_record: newdefer's heap record, from the P's pool (refilled to half from the
// central one) or new(_defer).
heap::ObjId Interpreter::new_defer_record() {
  std::vector<heap::ObjId>& deferpool_ = deferpools_[sync_pools_.p() & 1];
  if (deferpool_.empty())
    while (deferpool_.size() < kDeferPoolCap / 2 && !sched_deferpool_.empty()) {
      deferpool_.push_back(sched_deferpool_.back());
      sched_deferpool_.pop_back();
    }
  if (!deferpool_.empty()) {
    const heap::ObjId d = deferpool_.back();
    deferpool_.pop_back();
    return d;
  }
  return alloc(profile_.defer_record_bytes, false);
}

// free_defer_record: freedefer; a full P pool first hands half to the central list.
void Interpreter::free_defer_record(heap::ObjId d) {
  if (d == heap::kNil) return;
  std::vector<heap::ObjId>& deferpool_ = deferpools_[sync_pools_.p() & 1];
  if (deferpool_.size() == kDeferPoolCap) {
    std::vector<heap::ObjId> moved;
    while (deferpool_.size() > kDeferPoolCap / 2) {
      moved.push_back(deferpool_.back());
      deferpool_.pop_back();
    }
    for (size_t i = moved.size(); i-- > 0;) sched_deferpool_.push_back(moved[i]);   // the list's head is back()
  }
  deferpool_.push_back(d);
}

// defer_push is OpDefer: the record of site `index` of the running frame.
bool Interpreter::defer_push(int32_t index, const Word* R) {
  const uint32_t frame = uint32_t(frames_.size() - 1);
  const DeferSite& site = prog_.funcs[size_t(frames_.back().fn)].defer_sites[size_t(index)];
  DeferRec rec;
  rec.frame = frame;
  rec.site = index;
  rec.words.reserve(site.slots.size());
  for (int32_t s : site.slots) rec.words.push_back(R[s]);
  if (site.heap) {
    rec.record = new_defer_record();
    if (site.closure_bytes && status_ == VmStatus::Running) rec.closure = alloc(site.closure_bytes, false);
    if (status_ != VmStatus::Running) return false;
  }
  gs_[cur_].defers.push_back(std::move(rec));
  return true;
}

// start_deferred_call runs the newest record (of the top frame) in its frame: its values
// back in their slots, the frame at the site's thunk; OpDeferRet goes to resume.
void Interpreter::start_deferred_call(int32_t resume) {
  Goroutine& g = gs_[cur_];
  DeferRec rec = std::move(g.defers.back());
  g.defers.pop_back();
  Frame& f = frames_[rec.frame];
  const DeferSite& site = prog_.funcs[size_t(f.fn)].defer_sites[size_t(rec.site)];
  Word* R = stack_.data() + f.base;
  for (size_t i = 0; i < site.slots.size(); ++i) R[site.slots[i]] = rec.words[i];
  free_defer_record(rec.record);
  f.pc = site.thunk;
  f.resume = resume;
}

// run_frame_defers is OpRunDefers at pc: true when a deferred call of the top frame started.
bool Interpreter::run_frame_defers(int32_t pc) {
  const Goroutine& g = gs_[cur_];
  if (g.defers.empty() || g.defers.back().frame + 1 != frames_.size()) return false;
  start_deferred_call(pc);
  return true;
}

// runtime_error_value: the value recover() returns for the runtime's own panics: the
// message as an error (an index or slice bounds error boxes runtime.boundsError, 24 B:
// measured 24 000 B for 1 000 recovered s[5] of a 3-element slice on every release; the
// others are static: plainError strings, divideError, memoryError).
Word Interpreter::runtime_error_value(const std::string& msg) {
  heap::ObjId box = heap::kNil;
  if (msg.rfind("runtime error: index out of range", 0) == 0 || msg.rfind("runtime error: slice bounds out of range", 0) == 0)
    box = alloc(24, true);
  const uint32_t es = zero_agg(T.u(prog_.errstring_type).elem);
  obj_set(es, 0, new_str(msg, heap::kNil));
  return to_iface(prog_.errstring_type, es, box);
}

// panic: a runtime panic (nil map write, index out of range, nil dereference, division by
// zero, a closed channel…), recoverable as Go's.
void Interpreter::panic(const std::string& msg) {
  if (status_ != VmStatus::Running) return;
  if (ret_floor_ != 0) {   // inside a builtin's nested call: no unwinding through it
    fatal_panic("panic: " + msg, msg.find("nil pointer dereference") != std::string::npos);
    return;
  }
  start_panic(runtime_error_value(msg), msg);
}

// start_panic is gopanic: a new panic with its value (an interface value) and its text (for
// the fatal message when the value is a basic one; empty: the value's Error/String).
void Interpreter::start_panic(Word value, const std::string& text) {
  if (status_ != VmStatus::Running) return;
  PanicRec p;
  p.value = value;
  p.text = text;
  p.trace = traceback(cur_, true);
  p.segv = text.find("nil pointer dereference") != std::string::npos;
  gs_[cur_].panics.push_back(std::move(p));
  continue_panic();
}

// continue_panic: after a deferred call of the newest panic returned (or as it starts):
// recovered, the recovering frame returns normally; else the next record runs, or, none
// left, the program dies.
void Interpreter::continue_panic() {
  Goroutine& g = gs_[cur_];
  PanicRec& p = g.panics.back();
  if (p.recovered) {
    const uint32_t f = p.defer_frame;
    g.panics.pop_back();
    while (!g.panics.empty() && g.panics.back().defer_frame >= f) g.panics.pop_back();   // aborted by it
    frames_.resize(f + 1);
    Frame& fr = frames_.back();
    fr.resume = -1;
    fr.pc = prog_.funcs[size_t(fr.fn)].recover_pc;
    return;
  }
  if (g.defers.empty()) {
    die_of_panics();
    return;
  }
  frames_.resize(g.defers.back().frame + 1);
  p.defer_frame = g.defers.back().frame;
  start_deferred_call(kResumePanic);
}

// recover_value is gorecover: the newest panic's value when called from its deferred call
// (the thunk's frame or one it called), once; else nil.
Word Interpreter::recover_value() {
  Goroutine& g = gs_[cur_];
  if (g.panics.empty()) return 0;
  PanicRec& p = g.panics.back();
  const size_t top = frames_.size() - 1;
  if (p.recovered || p.defer_frame >= frames_.size() || frames_[p.defer_frame].resume != kResumePanic) return 0;
  if (top != p.defer_frame && top != p.defer_frame + 1) return 0;
  p.recovered = true;
  return p.value;
}

// panic_value_text is printpanicval: an error's Error(), a Stringer's String(), a basic
// value as print prints it (a named type's as T(v)).
std::string Interpreter::panic_value_text(const PanicRec& p) {
  if (!p.text.empty() || p.value == 0) return p.value == 0 && p.text.empty() ? "nil" : p.text;
  TypeId t = objs_[p.value].type;
  Word w = obj_get(uint32_t(p.value), 0);
  std::string v;
  if (library_error_text(t, w, v)) return v;
  if (const MethodEnt* me = stringer(t)) {
    Word text = 0;
    if (stringer_call(*me, t, w, text)) return str(text);
    return "";
  }
  // built with += (GCC 12's -Wrestrict misreads chained + here)
  const Kind k = T.kind(t);
  const bool named = !T[t].name.empty() && T[t].name.find('.') != std::string::npos;
  if (k == Kind::String || T.is_numeric(t) || k == Kind::Bool) {
    std::string plain;
    if (k == Kind::String) plain = str(w);
    else fmt_value(plain, t, w, 'v', false, false, 0, false);
    if (!named) return plain;
    const char* quote = k == Kind::String ? "\"" : "";
    v = T.name(t);
    v += "(";
    v += quote;
    v += plain;
    v += quote;
    v += ")";
    return v;
  }
  std::string boxed(1, '(');
  boxed += T.name(t);
  boxed += ") ";
  fmt_value(boxed, t, w, 'v', false, false, 0, true);
  return boxed;
}

// die_of_panics is fatalpanic: printpanics (oldest first; from Go 1.25 a panic re-raised
// with the value it recovered prints once, "[recovered, repanicked]"), the signal line of a
// nil dereference, the traceback.
void Interpreter::die_of_panics() {
  Goroutine& g = gs_[cur_];
  std::vector<PanicRec> chain = g.panics;
  std::string text;
  bool segv = false;
  for (size_t i = 0; i < chain.size(); ++i) {
    const bool repanicked = profile_.library.panic_marks_repanicked && i + 1 < chain.size() &&
                            chain[i].recovered && chain[i + 1].value == chain[i].value;
    if (repanicked) {
      chain[i + 1].shown_as_repanic = true;
      continue;
    }
    if (i && !text.empty()) text += "\t";
    text += "panic: " + panic_value_text(chain[i]);
    if (status_ != VmStatus::Running) return;
    if (chain[i].shown_as_repanic) text += " [recovered, repanicked]";
    else if (chain[i].recovered) text += " [recovered]";
    text += "\n";
    segv = chain[i].segv;
  }
  if (!text.empty()) text.pop_back();
  fatal_panic(text, segv, chain.back().trace);
}

// fatal_panic ends the program with a panic's message (text: its "panic: …" lines).
void Interpreter::fatal_panic(const std::string& lines, bool segv, const std::string& trace) {
  if (status_ != VmStatus::Running) return;
  std::string text = lines;
  if (segv) text += "\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]";
  text += "\n\n" + (trace.empty() ? traceback(cur_, true) : trace);
  message_ = text;
  exit_code_ = 2;
  status_ = VmStatus::Panicked;
  if (host_) host_->print(2, text);
}

// mark_defers: what the goroutines' defer records and panics hold (their argument values,
// heap records and closures), and the deferpools' records.
void Interpreter::mark_defers(heap::Marker* m) {
  for (const Goroutine& g : gs_) {
    if (g.status == GStatus::Dead) continue;
    const std::vector<Frame>& frames = &g == &gs_[cur_] ? frames_ : g.frames;
    for (const DeferRec& rec : g.defers) {
      if (rec.frame >= frames.size()) continue;
      const DeferSite& site = prog_.funcs[size_t(frames[rec.frame].fn)].defer_sites[size_t(rec.site)];
      for (size_t i = 0; i < rec.words.size(); ++i) mark_word(site.types[i], rec.words[i], m);
      if (m && rec.record != heap::kNil) m->mark(rec.record);
      if (m && rec.closure != heap::kNil) m->mark(rec.closure);
    }
    for (const PanicRec& p : g.panics) mark_obj(uint32_t(p.value), m);
  }
  if (!m) return;
  for (const auto& pool : deferpools_)
    for (heap::ObjId d : pool) m->mark(d);
  for (heap::ObjId d : sched_deferpool_) m->mark(d);
}

}  // namespace lang
