#pragma once
// interp.h — the VM that runs a compiled Program on the simulated heap and maps.
//
// Models the parts of the Go runtime a program reaches: mallocgc for every value Go puts
// on the heap (escaping new/&T{}/make, append's growslice (slice.go), string data from concat,
// strconv and fmt, interface boxing of fmt/log arguments: convT64/convTstring/…), the
// maps (through maps::make_map), the GC's root scan (globals, live locals by stack map,
// VM temporaries) and the panics of runtime/panic.go with Go's messages.
//
// Terminology (ours):
//   Word      a slot's 64-bit content (program.h)
//   pool      interpreter-side storage: strings, Objs (struct/array values, pointees,
//             slice backing arrays), slice headers, maps, big integers, range iterators
//   handle    a 32-bit map key/elem (SlotCodec): ints in [-2^30, 2^30) inline, otherwise
//             a pool index (bit 31 set for big integers)
//
// Layout:
//   stack_   [ main frame | f frame | g frame ... ]   frames_ = {func, base, pc}
//   objs_[i] = {type, heap ObjId, store, mark/shape/live} → stores_[store] = dense or sparse Words
//             (a [128]byte value that was never written is "store 0": all zero; nothing of
//              the simulated bytes is ever allocated)
//
// Invariants:
//   1. Every pool index reachable from a live slot, a global, a map or another pool entry
//      is in use (mark-sweep after each heap GC and when the pools grow).
//   2. An aggregate Obj is owned by exactly one container (slot, field, map entry);
//      assignment copies (the compiler emits OpCopy).
//   3. ops() counts executed instructions; run(n) executes at most n.
//   4. An interface value is 0 (nil) or a Box Obj: its type is the dynamic type, element 0
//      the value (an aggregate's own Obj); boxes are never written after OpToIface, so
//      interface values share them.
//
// GC integration: the heap calls mark_roots (set_root_scanner), which walks globals, the
// live slots of every frame (stack maps from the compiler) and values in flight, and marks
// every heap object it reaches by following types through the pools — including the maps
// (header + Map::trace, whose Codec calls come back here). That walk reaches every
// interpreter object from the roots, so the heap never needs to ask what is inside an
// object the interpreter allocated. After each cycle (heap.on_gc)
// unmarked pool entries are freed and unreachable Map instances destroyed.
//
// Goroutines: each has its own stack and frames (sched.h); the running one's are stack_/frames_.
//
// Simplifications: map iteration order is the map's slot order (Go
// randomises it); interface boxing follows runtime/iface.go's convT* rules; fmt's printers
// come from their sync.Pool (sync_pool.h: which P the goroutine resumes on after a cycle is
// the seed's choice); fmt calls a program's Error/String methods on its arguments (not on
// values nested inside them).
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/heap/heap.h"
#include "engine/lang/chunked_vector.h"
#include "engine/lang/gotime.h"
#include "engine/lang/math_rand.h"
#include "engine/lang/program.h"
#include "engine/lang/sched.h"
#include "engine/lang/sync_pool.h"
#include "engine/maps/copy_ptr.h"
#include "engine/maps/map.h"

namespace lang {

// Host receives what the program does that the outside sees.
class Host {
 public:
  virtual ~Host() = default;
  virtual void print(int stream, const std::string& text) = 0;
  virtual void map_event(uint32_t map_id, const maps::MapEvent& ev) = 0;
  virtual void gc_cycle(const heap::GcCycle& c) = 0;
};

struct VmOptions {
  uint64_t seed = 1;
  bool log_timestamps = false;
  std::string file = "main.go";   // for log's Lshortfile / Llongfile
  uint64_t max_sim_memory = 1ull << 30;
  uint64_t max_heap_bytes = 64ull << 30;
};

enum class VmStatus : uint8_t { Running, Finished, Panicked, Limit };

struct VmMap {
  std::string name;
  const maps::Map* map = nullptr;
  uint32_t id = 0;
};

class Codec;

class Interpreter {
 public:
  Interpreter(const Program& prog, heap::Heap& heap, const runtime::Profile& profile,
              const VmOptions& opt, Host* host);
  ~Interpreter();
  // A copy is a keyframe of the run (engine/sim/simulation.h): every pool, map (cloned),
  // frame and counter, bound to the same program, heap object and host. Member-wise, so a
  // field added later comes along. A copy leaves the heap's hooks alone when destroyed
  // (only the interpreter that installed them removes them).
  Interpreter(const Interpreter& o);
  Interpreter& operator=(const Interpreter&) = delete;
  // own_heap_hooks: this copy now runs in place of the one that installed the heap's hooks
  // (whose closures name this address); its destructor removes them.
  void own_heap_hooks() { owns_heap_hooks_.on = true; }

  // run executes at most budget instructions; returns the status afterwards.
  VmStatus run(uint64_t budget);
  VmStatus status() const { return status_; }
  uint64_t ops() const { return ops_; }
  // work: the maps' host work beyond the operations (maps::Map::work) that run() charged to
  // its budgets, in operations' worth: a run(budget) ends when its ops and this together
  // reach budget, so a slice that evacuates a growing map ends sooner.
  uint64_t work() const { return work_; }
  // set_charge_work: whether run() charges that work (a time slice does; a run to an op or to
  // the end does not, and keeps its fused loops' runs as long as the budget allows).
  void set_charge_work(bool on) { charge_work_ = on; }
  int64_t clock_ns() const { return clock_ns_; }   // package time's clock (time.Sleep moves it)
  // message is the panic text or the limit message (without trailing newline).
  const std::string& message() const { return message_; }
  int exit_code() const { return exit_code_; }

  // Stepping support.
  int current_line() const;
  bool at_statement_start() const;
  size_t depth() const { return frames_.size(); }
  // pc is the next instruction of the innermost frame (a backward move within the same
  // depth is a loop back-edge; the stepping code watches for it).
  int32_t pc() const { return frames_.empty() ? -1 : frames_.back().pc; }
  uint64_t prints() const { return prints_; }
  void set_stop_after_print(bool on) { stop_after_print_ = on; }

  // live_maps lists the maps reachable from globals and live locals, with their names.
  std::vector<VmMap> live_maps() const;
  // pointed_bytes sums, over a map's entries, the heap footprint of what its pointer keys
  // and values point to (per entry: a pointee shared by two entries counts twice). O(1): the
  // entries' counts are kept as the map is written (MapEnt::pointed_k / pointed_e), and a
  // pointee type's footprint is one figure.
  uint64_t pointed_bytes(const maps::Map* map) const;
  // memory estimates the bytes the simulator holds for this run (pools + map engines).
  uint64_t memory() const;
  // map_memory: the part of memory() that its maps hold (Map::simulator_bytes).
  uint64_t map_memory() const;

  // stop_with_limit ends the run as LimitExceeded (the host's own limits, e.g. output size).
  void stop_with_limit(const std::string& msg) { limit(msg); }

  // mark_roots is the heap's root scanner (public for the pool-only collection in tests).
  void mark_roots(heap::Marker* m);

 private:
  friend class Codec;
  using Frame = lang::Frame;   // sched.h
  struct StrEnt { std::string s; heap::ObjId data = heap::kNil; uint32_t mark = 0; bool live = false; };
  // Ref: an interior pointer to a scalar field or element (&p.x, &a[i], &s[i]): element 0 is
  // the Obj holding it (an Agg or a Backing array), element 1 its index there; it allocates
  // nothing (the holder is the Go object) and keeps the holder alive.
  enum Shape : uint8_t { Agg, Box, Backing, Ref };
  // ObjEnt is 16 bytes: a run can hold tens of millions of objects. The element count of a
  // Backing array lives in backing_len_ (an Agg's comes from its type, a Box holds one, a
  // Ref two).
  struct ObjEnt {
    TypeId type = 0;
    heap::ObjId hobj = heap::kNil;
    uint32_t store = 0;
    uint32_t mark : 29 = 0;   // epoch of the last marking (kEpochMask wide)
    uint32_t shape : 2 = Agg;
    uint32_t live : 1 = 0;
  };
  struct Store { std::vector<Word> dense; std::unordered_map<uint64_t, Word> sparse; bool is_sparse = false; };
  struct SliceEnt { uint32_t arr = 0; uint64_t off = 0, len = 0, cap = 0; uint32_t mark = 0; bool live = false; };
  struct MapEnt {
    maps::CopyPtr<maps::Map> map; TypeId type = 0; Codec* codec = nullptr; uint32_t mark = 0; uint32_t id = 0;
    bool big = false, pooled = false, scalar_k = false, scalar_v = false, agg_v = false;
    bool ptr_k = false, ptr_e = false;   // the key / elem type is a pointer
    uint64_t pointed_k = 0, pointed_e = 0;   // entries whose pointer key / elem is a heap object
    Word last_key = ~Word(0);
  };
  // big: some entry holds a big-integer handle; pooled: some entry holds a pool index.
  // pointed_k / pointed_e are kept by every write to the map (store_counted, remove_counted,
  // the fused delete, clear, maps.Clone) so that pointed_bytes reads them in O(1): the views
  // ask for it every frame, and a walk over a 1M-entry map cost the page 70-88 ms a frame.
  struct BigEnt { Word v = 0; uint32_t mark = 0; bool live = false; };
  struct IterEnt { uint32_t map = 0; std::vector<uint32_t> keys; size_t pos = 0; uint32_t mark = 0; bool live = false; };

  // [SECTION] pools
  uint32_t new_str(std::string s, heap::ObjId data);
  uint32_t new_obj(TypeId t, Shape shape, uint64_t n, heap::ObjId hobj);
  uint32_t new_slice(uint32_t arr, uint64_t off, uint64_t len, uint64_t cap);
  uint32_t new_big(Word v);
  const std::string& str(Word w) const;
  uint64_t obj_count(uint32_t obj) const;
  TypeId obj_elem_type(const ObjEnt& o, uint64_t i) const;
  Word obj_get(uint32_t o, uint64_t i) const;
  void obj_set(uint32_t o, uint64_t i, Word w);
  uint32_t copy_obj(uint32_t o);
  uint32_t new_map(TypeId mt, int64_t hint, bool escapes);
  uint32_t clone_map(uint32_t src);
  uint32_t zero_agg(TypeId t);
  uint32_t new_ref(TypeId t, uint32_t holder, uint64_t index);
  bool deep_eq(TypeId t, Word a, Word b) const;
  void sweep_pools();
  void begin_pool_sweep();
  bool pool_sweep_step(uint64_t units, uint64_t& done);
  void maybe_collect_pools();

  // [SECTION] marking
  void mark_word(TypeId t, Word w, heap::Marker* m);
  void mark_obj(uint32_t o, heap::Marker* m);
  void scan_obj(uint32_t o, heap::Marker* m);
  void mark_map(uint32_t idx, heap::Marker* m);
  void mark_handle(TypeId t, uint32_t h, heap::Marker* m);
  void mark_frame(const Frame& f, bool top, int32_t callee_base, heap::Marker* m);

  // [SECTION] handles
  uint32_t to_handle(TypeId t, Word w, bool for_lookup);
  Word from_handle(TypeId t, uint32_t h) const;
  uint64_t hash_word(TypeId t, Word w) const;
  Codec* codec_for(TypeId map_type);
  maps::MapType map_type(TypeId t) const;

  // [SECTION] fmt (gofmt.cpp)
  void fmt_value(std::string& out, TypeId t, Word w, char verb, bool plus, bool sharp, int depth, bool top) const;
  // texts: per argument, the text of its own String/Error method, printed where the verb is
  // one fmt calls the method for (%v %s %q %x %X; %[1]s %[1]d prints it and the number)
  using MethodTexts = std::vector<std::pair<bool, Word>>;
  std::string fmt_printf(const std::string& format, const std::vector<TypeId>& types, const Word* args, size_t n, const MethodTexts* texts = nullptr) const;
  std::string fmt_print(const std::vector<TypeId>& types, const Word* args, size_t n, bool ln) const;
  // box_args: convT* of each argument from `first` on (a Printf format, argument 0, is a
  // string parameter, not an interface: never boxed)
  void box_args(const CallSite& cs, const Word* args, size_t first = 0);
  std::string func_address(Word w) const;
  // Byte buffers the library keeps in sync.Pools (sync_pool.h): fmt's printers (fmt/print.go
  // newPrinter, (*pp).free: the *pp and its buffer) and, from Go 1.21, log's buffers
  // (log/log.go getBuffer/putBuffer: a *[]byte and its array); up to Go 1.20 the standard
  // Logger's own buffer (l.buf), which is one for ever. `owner` is the *pp or *[]byte.
  // A pooled buffer: fmt's pp (its buf, and its wrappedErrs []int: Go 1.20+) or log's buffer.
  struct PooledBuffer {
    heap::ObjId owner = heap::kNil, buf = heap::kNil, wrapped = heap::kNil;
    uint64_t cap = 0, wrapped_cap = 0;
    bool in_use = false;
  };
  uint32_t pooled_get(uint32_t pool, uint64_t owner_bytes);
  // pooled_append grows the buffer as appends ending at `ends` (from length 0) would.
  void pooled_append(uint32_t item, const std::vector<uint64_t>& ends);
  // pooled_wrap: a printer's wrappedErrs grown by one append per %w (fmt/print.go, Go 1.20+)
  void pooled_wrap(uint32_t item, int wraps);
  void pooled_put(uint32_t pool, uint32_t item);
  void mark_pooled(uint32_t item, heap::Marker& m) const;
  void log_buffer_write(const std::string& header, uint64_t message_len, bool adds_newline);
  // stringer_text: what String() returns for a value of a type fmt calls it on (time.Duration,
  // time.Time); false for other types.
  bool stringer_text(TypeId t, Word w, std::string& out) const;

  SyncPools sync_pools_;
  uint32_t pp_free_ = 0;                    // fmt's ppFree pool in sync_pools_
  uint32_t log_buffers_ = 0;                // log's bufferPool (Go 1.21+)
  uint32_t std_logger_buf_ = ~0u;           // the Logger's l.buf (up to Go 1.20), once made
  uint64_t sched_rng_ = 0;                  // which P the goroutine resumes on after a cycle
  uint64_t sync_rand_ = 0;                  // sync.Map's seeds (runtime_rand, sync_map.h)
  std::vector<PooledBuffer> pooled_bufs_;   // by handle; free handles in free_pooled_
  std::vector<uint32_t> free_pooled_;
  mutable std::vector<uint64_t> fmt_pieces_;   // where each of fmt's appends ended (last format)
  // The string fmt_value appends to that is the printer's buffer (pp.buf), and where it starts
  // in that buffer (Printf formats a verb's value apart, then pads it onto the buffer):
  // fmt_value records a piece in fmt_pieces_ after each append printValue makes to it.
  mutable const std::string* fmt_piece_out_ = nullptr;
  mutable uint64_t fmt_piece_base_ = 0;
  void fmt_piece(const std::string& out) const {
    if (&out == fmt_piece_out_) fmt_pieces_.push_back(fmt_piece_base_ + out.size());
  }

  // [SECTION] interfaces (interp_iface.cpp)
  uint64_t convt_bytes(TypeId t, Word w, bool& noscan) const;
  Word to_iface(TypeId t, Word v, heap::ObjId box);
  const MethodEnt* find_method(TypeId dyn, int32_t name) const;
  bool iface_implements(TypeId dyn, TypeId iface, std::string* missing) const;
  std::string assert_message(TypeId iface, Word w, TypeId want) const;
  bool library_error_text(TypeId t, Word w, std::string& out) const;
  Word library_error_string(TypeId t, Word w);
  void unwrap_iface(TypeId& t, Word& w) const;
  bool unwrap_args(const std::vector<TypeId>& types, const Word* args, size_t n, std::vector<TypeId>& ut, std::vector<Word>& uw) const;
  bool errors_unwrap(Word err, Word& next);
  // errors_children: what err wraps, as errors/wrap.go asks: Unwrap() error (one, in next:
  // 0 when nil) or Unwrap() []error (several, in list; from Go 1.20); false: the run stopped.
  enum class Wraps { None, One, Several };
  bool errors_children(Word err, Wraps& kind, Word& next, std::vector<Word>& list);
  const MethodEnt* error_method(Word err, const char* name, int nparams) const;
  bool as_method_ok(const MethodEnt& me, bool is) const;
  bool has_as_method(Word err) const;
  bool call_error_method(const MethodEnt& me, Word err, Word& result, const Word* args = nullptr, size_t nargs = 0);
  bool errors_method(Word err, const char* name, Word arg, bool& result);
  bool errors_is(Word err, Word target, bool comparable, bool& found);
  // as_type: errors.AsType's walk (Go 1.26+): the error found is returned in *as_type (E's
  // value), and target (0 at first) becomes new(E) on the heap when an As method is first met
  bool errors_as(Word err, TypeId target_type, Word& target, TypeId ptr_type, bool& found, Word* as_type = nullptr);
  Word wrap_errors(Word msg, const Word* errs, size_t n);
  bool method_receiver(const MethodEnt& me, TypeId dyn, Word v, Word& recv);
  const MethodEnt* stringer(TypeId t) const;
  bool call_nested(int32_t fn, Word recv, Word& result, const Word* args = nullptr, size_t nargs = 0);
  bool format_args(const CallSite& cs, const Word* a, size_t n, bool printf, bool ln, std::string& out);
  void spread_args(const CallSite& cs, const Word* a, size_t n, CallSite& out, std::vector<Word>& ws) const;
  bool stringer_call(const MethodEnt& me, TypeId t, Word w, Word& text);
  bool print_value_walk(TypeId t, Word w, char verb, int depth, bool ro, bool addr);
  bool pointer_shaped(TypeId t) const;
  void reflect_copy(TypeId t);
  std::vector<std::pair<Word, Word>> sorted_map_entries(uint32_t m) const;
  Word num_error(const std::string& fn, Word input, bool range);
  Word strconv_error(bool range);

  // [SECTION] time and rand
  gotime::Time time_of(Word w) const;
  void sleep(int64_t d);
  void load_time_local();
  heap::ObjId time_string_alloc(const std::string& text);
  Word new_time(const gotime::Time& t);
  // RandSource: the Source64 a math/rand draw takes: an rngSource (math_rand.h) or, with
  // rng null, the runtime's generator (runtime.rand: Go 1.20+'s unseeded top-level functions)
  struct RandSource {
    math_rand::RngSource* rng;
    uint64_t* runtime_state;
    uint64_t uint64();
    int64_t int63() { return int64_t(uint64() & math_rand::kRngMask); }
  };
  // RandReadState: a Rand's readVal/readPos (rand.go read), the bytes Read has left over
  struct RandReadState {
    int64_t val = 0, pos = 0;
  };
  uint32_t new_rng_source(int64_t seed);
  // rng_source: the generator state of a rand.Source interface value holding a *rngSource
  // (its object's field 0 is the index into rng_sources_)
  math_rand::RngSource& rng_source(Word src) { return rng_sources_[size_t(obj_get(uint32_t(obj_get(uint32_t(src), 0)), 0))]; }
  RandSource global_rand_source();
  bool rand_first_call();
  bool rand_draw(Builtin fn, RandSource src, RandReadState& read, const Word* args, size_t n, Word* R, int32_t dst);
  bool rand_method(const CallSite& cs, const Word* a, size_t n, Word* R, int32_t dst);

  // [SECTION] goroutines, channels, sync (sched.cpp; sched.h)
  bool go_start(const Instr& in, const Word* R);
  uint32_t newg();   // newproc1's g: gfget's dead one, else malg's (sched.cpp)
  void start_frame(uint32_t gi, int32_t fidx, size_t nslots);
  bool coro_new(Word c, int32_t corostart);   // iter.Pull's coroutines (iter_pull.h)
  bool coro_switch(Word c);
  std::vector<Word>& g_stack(uint32_t g) { return g == cur_ ? stack_ : gs_[g].stack; }
  std::vector<Frame>& g_frames(uint32_t g) { return g == cur_ ? frames_ : gs_[g].frames; }
  const std::vector<Frame>& g_frames_const(uint32_t g) const { return g == cur_ ? frames_ : gs_[g].frames; }
  void park(const char* reason);
  void ready(uint32_t g);
  void complete(uint32_t g);
  bool valid(const Waiter& w) const;
  Waiter* first_valid(std::deque<Waiter>& q);
  void switch_to(uint32_t g);
  bool schedule();
  void goexit();
  void deadlock();
  std::string traceback(uint32_t g, bool running) const;
  uint64_t live_goroutines() const;
  // others_may_run: a goroutine besides the running one may run (the finalizer goroutine
  // counts while it is woken or runs a finalizer, though NumGoroutine leaves it out)
  bool others_may_run() const {
    const bool fing_busy = fing_ != kNoG && (gs_[fing_].status != GStatus::Waiting || !g_frames_const(fing_).empty());
    return live_goroutines() + (fing_busy ? 1 : 0) > 1;
  }
  int chan_send(uint32_t c, Word v, uint32_t vslot);
  int chan_recv(uint32_t c, uint32_t dst);
  bool chan_close(uint32_t c);
  Word take_send(const Waiter& w);
  void deliver_recv(const Waiter& w, Word v, bool ok);
  int select_op(const Instr& in, uint32_t base);
  bool sync_builtin(const CallSite& cs, const Instr& in, Word* R);
  void sleep_goroutine(int64_t d);
  uint32_t make_chan(TypeId elem, int64_t cap);
  void mark_goroutines(heap::Marker* m);
  std::vector<Goroutine> gs_;              // gs_[0] = main
  uint32_t cur_ = 0;                       // the running goroutine
  std::deque<uint32_t> runq_;              // runnable, in order
  uint32_t runnext_ = kNoG;                // runs next (proc.go runnext)
  std::vector<uint32_t> gfree_;            // dead goroutines: their g and stack are reused
  uint8_t parked_ = 0;                     // 1: the goroutine blocked (exec returns, the
                                           // waker completes the instruction); 2: it yields
                                           // (resumes after it); 3: it ended; 4: runtime.GC
                                           // returned: the woken finalizer goroutine first;
                                           // 5: coroswitch: coro_next_ runs at once
  uint32_t coro_next_ = kNoG;
  uint64_t next_goid_ = 0;
  uint64_t slice_end_ = ~uint64_t{0};      // preemption point of the running goroutine
  StackAllocator stacks_;                  // the stack spans (stack.h)
  // stack_grow: goroutine gi enters a function of local frame `local` with `entry` bytes
  // of its stack in use: newstack when it does not fit (stack.h)
  void stack_grow(uint32_t gi, uint64_t entry, uint64_t local);
  // scan_stacks: a GC's scanstack for every goroutine: shrinkstack, and the average scanned
  // stack that sets the next starting size (stack.h adaptivestackstart)
  void scan_stacks();
  uint64_t starting_stack_ = kFixedStack;   // runtime.startingStackSize
  uint64_t allgs_len_ = 0, allgs_cap_ = 0; // runtime.allgs (every g ever made)
  heap::ObjId allgs_ = heap::kNil;         // its array once a goroutine grew it
  void allgadd();
  uint64_t select_rng_ = 0;                // select's poll order
  // acquireSudog's sudogs in two caches (hold_sudogs): [0] main's P's, [1] the other P's, where
  // the goroutines main starts run: how many each made (main's: the start-up's one too), hold.
  uint64_t sudogs_made_[2] = {1, 0}, sudogs_in_use_[2] = {0, 0};
  void hold_sudogs(uint32_t n);
  // the timer heaps of the two Ps (runtime/time.go pp.timers; ts.heap from 1.23) as
  // time.Sleep fills them (sleep_timer): the array, its length and capacity; main_p_: the P
  // main runs on (it wakes from each Sleep on the other one).
  struct TimerHeap { heap::ObjId arr = heap::kNil; uint64_t len = 0, cap = 0; };
  TimerHeap ptimers_[2];
  int8_t main_p_ = 0;
  bool sleep_timer();
  void sleep_done(uint32_t g);
  std::vector<SimTimer> timers_;
  bool timer_builtin(const CallSite& cs, const Instr& in, Word* R);
  void fire_timer(SimTimer& t);
  std::unordered_map<uint32_t, Hchan> chans_;   // by the channel's Obj
  std::unordered_map<uint64_t, std::deque<Waiter>> sema_;   // sync's waiters: Obj << 2 | queue

  // [SECTION] finalizers (finalizers.cpp): runtime.SetFinalizer's specials, the finalizer
  // queue and the finalizer goroutine (runtime/mfinal.go, mheap.go specialfinalizer)
  struct Finalizer {
    uint32_t obj = 0;      // the object (an Obj whose hobj is its heap object)
    TypeId obj_type = 0;   // the *T SetFinalizer was given
    Word fn = 0;           // the finalizer: a func value (its closure)
    TypeId fn_type = 0;
  };
  bool set_finalizer(const CallSite& cs, const Word* a);
  void sweep_finalizers(heap::Marker& m);
  void mark_finalizers(heap::Marker* m);
  bool fing_next_call();
  bool is_fing(uint32_t g) const { return g == fing_; }
  std::vector<Finalizer> finalizers_;      // set and not yet queued (the objects' specials)
  std::deque<Finalizer> finq_;             // queued, not yet run (finq)
  uint32_t fing_ = kNoG;                   // the finalizer goroutine, once SetFinalizer ran
  heap::ObjId fing_frame_ = heap::kNil;    // runfinq's argument frame (framecap bytes)
  uint64_t fing_framecap_ = 0;
  bool finblock_ = false;                  // the first finBlock was taken (persistentalloc)

  // [SECTION] builtins and the run loop
  bool builtin(const Instr& in, Word* R);
  void panic(const std::string& msg);

  // [SECTION] defer, panic, recover (interp_defer.cpp)
  heap::ObjId new_defer_record();
  void free_defer_record(heap::ObjId d);
  bool defer_push(int32_t index, const Word* R);
  void start_deferred_call(int32_t resume);
  bool run_frame_defers(int32_t pc);
  Word runtime_error_value(const std::string& msg);
  void start_panic(Word value, const std::string& text);
  void continue_panic();
  Word recover_value();
  std::string panic_value_text(const PanicRec& p);
  void die_of_panics();
  void fatal_panic(const std::string& lines, bool segv, const std::string& trace = "");
  void mark_defers(heap::Marker* m);
  std::array<std::vector<heap::ObjId>, 2> deferpools_;   // each P's _defer records (runtime.p deferpool)
  std::vector<heap::ObjId> sched_deferpool_;   // the central list (sched.deferpool), head last
  void emit_print(int stream, const std::string& out);
  void limit(const std::string& msg);
  bool heap_alloc_ok(uint64_t bytes);
  heap::ObjId alloc(uint64_t size, bool noscan);
  void exec(uint64_t stop);
  void prefetch_next(MapEnt& e, Word key);
  // heap_pointee: a map's pointer key or elem handle h points to a live heap object (what
  // pointed_bytes counts; a pointer to a stack object or a global costs the heap nothing).
  bool heap_pointee(uint32_t h) const { return h != 0 && h < objs_.size() && objs_[h].live && objs_[h].hobj != heap::kNil; }
  // store_counted / remove_counted are Map::store / remove for a map with pointer keys or
  // elems, keeping pointed_k / pointed_e.
  void store_counted(MapEnt& e, uint32_t k, uint32_t v);
  void remove_counted(MapEnt& e, uint32_t k);
  bool next_iteration(const Instr& loop, const Instr& inc, const Instr& back, Word* R, uint64_t stop);
  bool run_fused_map_loop(const Instr& in, const Instr* code, int32_t pc, Word* R, uint64_t stop);
  void periodic();
  bool call_function(int32_t fn, uint32_t base);

  const Program& prog_;
  const TypeTable& T;
  heap::Heap& heap_;
  const runtime::Profile& profile_;
  VmOptions opt_;
  Host* host_;

  std::vector<Word> stack_;
  std::vector<Frame> frames_;
  std::vector<Word> globals_;
  VmStatus status_ = VmStatus::Running;
  std::string message_;
  int exit_code_ = 0;
  uint64_t ops_ = 0, next_check_ = 0, prints_ = 0;
  uint64_t work_ = 0;   // work(): charged to the budgets so far
  bool charge_work_ = false;
  uint64_t charged_ = 0;   // what the last fused loop charged: exec ends that much sooner
  // sooner: stop brought work operations' worth earlier (the maps' charged work), not before ops_
  uint64_t sooner(uint64_t stop, uint64_t work) const { return stop > ops_ + work ? stop - work : ops_; }
  bool stop_after_print_ = false;
  bool stop_now_ = false;

  std::vector<StrEnt> strs_;
  ChunkedVector<ObjEnt> objs_;
  std::unordered_map<uint32_t, uint64_t> backing_len_;   // Backing object → element count   // one entry per object: grows by chunks (no doubling spike)
  std::vector<Store> stores_;
  std::vector<SliceEnt> slices_;
  std::vector<MapEnt> maps_;
  std::vector<BigEnt> bigs_;
  std::vector<IterEnt> iters_;
  uint32_t free_obj_head_ = 0;   // free objs_ entries, linked through ObjEnt::store (LIFO)
  std::vector<uint32_t> free_strs_, free_stores_, free_slices_, free_maps_, free_bigs_, free_iters_;
  size_t nlit_ = 0;                        // string literals: permanent entries 1..nlit_
  uint32_t epoch_ = 1;
  uint64_t created_since_sweep_ = 0, live_after_sweep_ = 0;
  // A pool sweep in progress (pool_sweep_step): pool 0 strings, 1 Objs, 2 slices, 3 big
  // integers, 4 iterators, 5 maps; the next entry; the live entries counted so far.
  struct PoolSweep {
    static constexpr int kPools = 6;
    int pool = 0;
    size_t i = 0;
    uint64_t live = 0;
  };
  PoolSweep pool_sweep_;
  std::vector<std::pair<TypeId, Word>> pinned_;   // values in flight inside one instruction
  std::vector<uint32_t> pinned_bigs_;
  std::vector<uint32_t> mark_work_;        // Objs marked but not yet scanned
  bool draining_ = false;
  std::vector<std::shared_ptr<Codec>> codecs_;   // shared by keyframes: maps refer to them by address
  std::vector<TypeId> codec_types_;
  uint32_t next_map_id_ = 1;
  std::vector<uint8_t> type_has_refs_;     // per TypeId: values of it may hold pool indexes
  // per TypeId: an Obj it names refers to nothing (*[128]byte, [16]int, *int): a resumable
  // heap cycle may mark it later (heap::Marker::defer)
  std::vector<uint8_t> leaf_obj_;
  uint64_t str_bytes_ = 0;
  int64_t clock_ns_ = 0;                   // package time's clock: moves only in time.Sleep
  int log_flags_ = 3;                      // log.SetFlags (LstdFlags)
  bool time_local_loaded_ = false;         // time's localOnce has run (load_time_local)
  std::string log_prefix_;                 // log.SetPrefix
  int64_t last_gc_clock_ = 0;              // clock_ns_ when the last GC cycle ran
  // math/rand: the run's rngSources (a rand.NewSource's object holds its index), the
  // top-level functions' (global_rng_: Go 1.19's NewSource(1), rand.Seed's up to 1.23; -1
  // while they draw from the runtime's generator, Go 1.20+'s unseeded default) and the
  // runtime generator's state (splitmix64 from VmOptions::seed: Go seeds it at random)
  std::vector<math_rand::RngSource> rng_sources_;
  std::vector<uint32_t> free_rng_sources_;   // of rngSource objects the GC freed (sweep_pools)
  int32_t global_rng_ = -1;
  RandReadState global_read_;
  uint64_t rand_state_ = 0;
  bool rand_used_ = false;
  // crypto/rand: a generator of its own (math/rand's numbers stay as they were), seeded
  // from VmOptions::seed at the first Read
  uint64_t crypto_state_ = 0;
  bool crypto_used_ = false;
  uint32_t gcs_seen_ = 0;                  // heap NumGC when last_gc_clock_ was set
  uint64_t periods_ = 0, checked_entries_ = 0;
  // interfaces: the method sets by (dynamic type, method name), method names by spelling,
  // strconv's ErrSyntax and ErrRange (package variables: roots, made at first use)
  std::unordered_map<uint64_t, const MethodEnt*> method_index_;
  std::unordered_map<std::string, int32_t> method_names_;
  Word err_syntax_ = 0, err_range_ = 0;
  // fmt calling a program's Error/String method (call_nested): exec returns when a return
  // brings the frames back to ret_floor_; nested_roots_ keeps the builtin's arguments alive
  size_t ret_floor_ = 0;
  std::vector<std::pair<TypeId, Word>> nested_roots_;
  // What print_value_walk found in the arguments being printed, for fmt_value to print:
  // the String/Error texts of values inside them, and each map's entries as fmtsort sorted
  // them (sorted once, before any String method of theirs ran, as fmt does).
  struct PrintWalk {
    std::map<std::pair<TypeId, Word>, Word> texts;
    std::map<uint32_t, std::vector<std::pair<Word, Word>>> map_entries;
  };
  PrintWalk walk_;
  // Whether ~Interpreter removes the heap's hooks: true in the interpreter that installed
  // them, false in a copy (a keyframe) until own_heap_hooks() (the copy restored in place).
  struct HookOwner {
    bool on = true;
    HookOwner() = default;
    HookOwner(const HookOwner&) : on(false) {}
    HookOwner& operator=(const HookOwner&) = delete;
  } owns_heap_hooks_;
};

}  // namespace lang
