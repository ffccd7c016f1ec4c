// interp.cpp — the VM: construction, the run loop (exec: one switch over the opcodes,
// calls and frames, fused map loops), stepping support and the views the host reads
// (live_maps, pointed_bytes, memory).
//
// The VM's other rooms: interp_pools.cpp (pools, GC root scanning and sweeping, map
// handles), interp_builtins.cpp (time and rand, panics, allocation, builtins and package
// calls), interp_iface.cpp (interfaces, the library's errors, fmt calling methods),
// gofmt.cpp (fmt), gotime.cpp (time.Time and Duration); interp_impl.h is what they
// share.
//
// [SECTION] construction (and call_nested)
// [SECTION] fused map loops
// [SECTION] run loop
#include "engine/lang/interp.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "engine/lang/gofmt.h"
#include "engine/lang/interp_impl.h"
#include "engine/lang/lexer.h"

namespace lang {

using namespace vm_internal;

// [SECTION] construction (and call_nested)
Interpreter::Interpreter(const Program& prog, heap::Heap& heap, const runtime::Profile& profile,
                         const VmOptions& opt, Host* host)
    : prog_(prog), T(prog.types), heap_(heap), profile_(profile), opt_(opt), host_(host) {
  // pools: index 0 is the zero value of each kind
  strs_.emplace_back();
  strs_[0].mark = kPermanent;
  strs_[0].live = true;
  for (const std::string& s : prog.strings) {
    StrEnt e;
    e.s = s;
    e.mark = kPermanent;
    e.live = true;
    strs_.push_back(std::move(e));
  }
  nlit_ = prog.strings.size();
  objs_.emplace_back();
  stores_.emplace_back();
  slices_.emplace_back();
  maps_.emplace_back();
  bigs_.resize(2);            // 0 unused, 1 = scratch for lookups of big keys
  iters_.emplace_back();
  type_has_refs_.resize(T.size());
  for (size_t t = 0; t < T.size(); ++t) {
    Kind k = T.kind(TypeId(t));
    type_has_refs_[t] = k == Kind::String || k == Kind::Struct || k == Kind::Array || k == Kind::Pointer || k == Kind::Chan ||
                        k == Kind::Map || k == Kind::Slice || k == Kind::Iter || k == Kind::Interface || k == Kind::Func;
  }
  leaf_obj_.assign(T.size(), 0);
  for (size_t t = 0; t < T.size(); ++t) {
    auto refers_to_nothing = [&](TypeId x) {
      const Type& u = T.u(x);
      if (u.kind == Kind::Array) return !type_has_refs_[u.elem];
      if (u.kind == Kind::Struct) {
        for (const Field& f : u.fields)
          if (type_has_refs_[f.type]) return false;
        return true;
      }
      return !type_has_refs_[x];
    };
    const Kind k = T.kind(TypeId(t));
    if (k == Kind::Pointer) leaf_obj_[t] = refers_to_nothing(T.u(TypeId(t)).elem);
    else if (k == Kind::Array || k == Kind::Struct) leaf_obj_[t] = refers_to_nothing(TypeId(t));
  }
  globals_.assign(prog.globals.size(), 0);
  for (const MethodEnt& me : prog.methods) method_index_.emplace((uint64_t(me.type) << 32) | uint32_t(me.name), &me);
  for (size_t i = 0; i < prog.method_names.size(); ++i) method_names_.emplace(prog.method_names[i], int32_t(i));
  heap_.set_root_scanner([this](heap::Marker& m) { mark_roots(&m); });
  heap_.set_leaf_marker([this](uint32_t o, heap::Marker& m) { mark_obj(o, &m); });
  heap_.set_sweep_specials([this](heap::Marker& m) {   // finalizers.cpp
    if (!finalizers_.empty()) sweep_finalizers(m);
  });
  pp_free_ = sync_pools_.add_pool();
  log_buffers_ = sync_pools_.add_pool();
  sched_rng_ = opt_.seed ^ 0x5deece66dull;
  sync_rand_ = opt_.seed ^ 0x243f6a8885a308d3ull;
  heap_.set_pool_cleanup([this] {
    sync_pools_.cleanup([this](uint32_t, uint32_t item) {   // a buffer the pools let go: garbage now
      pooled_bufs_[item] = PooledBuffer{};
      free_pooled_.push_back(item);
    });
    sched_deferpool_.clear();   // clearpools: the central defer pool (the P's stays)
    // after a cycle the goroutine resumes on the other P two times in five (sync_pool.h)
    if (splitmix64(sched_rng_) % 5 < 2) sync_pools_.resume_on(sync_pools_.p() ^ 1);
  });
  heap_.on_gc = [this](const heap::GcCycle& c) {
    scan_stacks();
    begin_pool_sweep();
    if (heap_.sweep_may_continue()) {
      // The program waits for the cycle (heap::Heap::continue_sweep): the pools are swept
      // within the slices' budget, then the cycle is reported.
      heap_.continue_sweep([this, c](uint64_t units, uint64_t& done) {
        if (!pool_sweep_step(units, done)) return false;
        if (host_) host_->gc_cycle(c);
        return true;
      });
      return;
    }
    uint64_t done = 0;
    pool_sweep_step(~uint64_t{0}, done);
    if (host_) host_->gc_cycle(c);
  };
  if (opt_.max_heap_bytes) {}
  rand_state_ = opt_.seed * 0x9e3779b97f4a7c15ull + 0x6a09e667f3bcc909ull;   // the runtime generator's seed
  if (prog.imports_math_rand && profile_.rand_source_at_init) {
    // Go 1.19's math/rand makes its global source at init: rngSource (5 376 B), its
    // lockedSource and Rand (measured: start-up Alloc +5 440 B in 3 mallocs)
    heap_.alloc_runtime(5376, true);
    heap_.alloc_runtime(16, false);
    heap_.alloc_runtime(48, false);
  }
  // main's frame waits below init's: when init returns, main starts at pc 0.
  const Function& mainf = prog.funcs[size_t(prog.main_func)];
  const Function& initf = prog.funcs[size_t(prog.init_func)];
  stack_.assign(size_t(mainf.nslots + initf.nslots + 64), 0);
  frames_.push_back(Frame{prog.main_func, 0, -1});
  frames_.push_back(Frame{prog.init_func, uint32_t(mainf.nslots), 0});
  // main.main is entered below runtime.main with a stack large enough for its frame
  // (newstack's funcMaxSPDelta), at least the baselines' 8 KiB (stack.h)
  const uint64_t main_local = mainf.frame_bytes ? mainf.frame_bytes - 8 : 0;
  uint64_t main_stack = kMainStackStart;
  while (main_stack - kMainEntryUsed < main_local + kStackGuard) main_stack *= 2;
  frames_[0].sp = frames_[1].sp = kMainEntryUsed + main_local;
  gs_.emplace_back();   // the main goroutine (sched.h)
  gs_[0].goid = 1;
  gs_[0].status = GStatus::Running;
  gs_[0].start_fn = prog.main_func;
  next_goid_ = profile_.first_goid;
  stacks_.init(profile_.free_stacks, profile_.stack_sys / heap::kPageSize);
  gs_[0].gstack = stacks_.baseline_stack(main_stack);
  allgs_len_ = profile_.allgs_len;
  allgs_cap_ = profile_.allgs_cap;
  if (!prog.fing_at_init) {
    // no finalizer goroutine yet (finalizers.cpp createfing): main, forcegc, bgsweep and
    // bgscavenge in a 4-slot allgs on every release (measured 1.19–1.27: the first new g
    // makes a 64-B array beside it)
    allgs_len_ = 4;
    allgs_cap_ = 4;
  }
  select_rng_ = opt_.seed ^ 0x243f6a8885a308d3ull;
  next_check_ = kCheckEvery;
}

Interpreter::Interpreter(const Interpreter& o) = default;

Interpreter::~Interpreter() {
  if (!owns_heap_hooks_.on) return;
  heap_.set_root_scanner(nullptr);
  heap_.set_leaf_marker(nullptr);
  heap_.set_sweep_specials(nullptr);
  heap_.set_pool_cleanup(nullptr);
  heap_.on_gc = nullptr;
  heap_.continue_sweep(nullptr);
}

// call_nested runs function fn with receiver recv to its return, from inside a builtin (fmt
// calling an argument's Error or String method, fmt/print.go handleMethods), its frame above
// the caller's; result is its one result. False when the run stopped (panic, limit).
bool Interpreter::call_nested(int32_t fn, Word recv, Word& result, const Word* args, size_t nargs) {
  const Frame& top = frames_.back();
  const uint32_t base = top.base + uint32_t(prog_.funcs[size_t(top.fn)].nslots);
  if (!call_function(fn, base)) return false;
  stack_[base] = recv;
  for (size_t i = 0; i < nargs; ++i) stack_[base + 1 + i] = args[i];   // a method's parameters follow its receiver
  const size_t saved = ret_floor_;
  ret_floor_ = frames_.size() - 1;
  while (status_ == VmStatus::Running && frames_.size() > ret_floor_) {
    if (parked_) {
      limit("gomapsim: a String or Error method that fmt calls blocked (a channel, a lock, a sleep): not supported by the playground");
      break;
    }
    // a resumable cycle the method started ends here: the builtin that called it is one
    // operation (heap::Heap::cycle_pending)
    if (heap_.cycle_pending()) heap_.gc_work(UINT64_MAX);
    exec(ops_ + kCheckEvery);
    periodic();
  }
  ret_floor_ = saved;
  result = stack_[base];
  return status_ == VmStatus::Running;
}

// [SECTION] fused map loops
// prefetch_next: bulk loops touch keys k, k+1, k+2 …; once a map sees that pattern, hint
// the bucket of a key a few steps ahead so its cache lines arrive in time. No effect on state.
void Interpreter::prefetch_next(MapEnt& e, Word key) {
  constexpr Word kAhead = 16;
  if (key == e.last_key + 1 && e.codec->scalar()) {
    Word ahead = key + kAhead;
    int64_t v = int64_t(ahead);
    if (v >= -(int64_t(1) << 30) && v < (int64_t(1) << 30)) e.map->prefetch(uint32_t(v) & ~kBigBit);
  }
  e.last_key = key;
}

// next_iteration advances a fused counted loop (OpMSetLoop/OpMDelLoop, fuse_map_loops) by
// one whole iteration when the budget has room for all the instructions it stands for and
// the loop's condition holds: exactly what addi, jlts and the loop's prefix would do.
bool Interpreter::next_iteration(const Instr& loop, const Instr& inc, const Instr& back, Word* R, uint64_t stop) {
  if (ops_ + uint64_t(loop.d) > stop || heap_.cycle_pending()) return false;
  const Word next = R[inc.b] + 1;   // int/int64: wraps as addi's normalisation does
  if (!(int64_t(next) < int64_t(R[back.c]))) return false;
  R[inc.a] = next;
  ops_ += uint64_t(loop.d);
  return true;
}

// run_fused_map_loop is the fast path of OpMSetLoop/OpMDelLoop when keys (and values) are
// small integers, the bulk loops of every scenario: the map's checks hoisted out of the
// loop, then every iteration the budget, the loop's condition and inline keys allow in one
// engine call (maps::Map::store_run / remove_run), which advances ops_ iteration by
// iteration as next_iteration would. It returns false, with the current iteration not done,
// when that iteration needs the general path. In a time slice (set_charge_work) the map's
// host work (evacuating a growing classic map's buckets) is charged to the budget: stop comes
// that much sooner, the run is sized by what each write may cost (maps::Map::write_work) and
// ends where a growth starts.
bool Interpreter::run_fused_map_loop(const Instr& in, const Instr* code, int32_t pc, Word* R, uint64_t stop) {
  const uint32_t m = uint32_t(R[in.a]);
  if (m == 0 || m >= maps_.size() || !maps_[m].map) return false;
  MapEnt& e = maps_[m];
  const bool set = in.op == OpMSetLoop;
  const bool value_is_key = set && in.c == in.b;   // m[i] = i
  if (!e.scalar_k || (value_is_key && !e.scalar_v)) return false;
  uint32_t v = 0;
  if (set && !value_is_key) {
    const Word vw = R[in.c];
    if (!((e.scalar_v && inline_int(vw)) || (e.agg_v && vw == 0))) return false;
    v = uint32_t(vw) & ~kBigBit;
  }
  const Word k0 = R[in.b];
  if (!inline_int(k0)) return false;
  pinned_bigs_.clear();
  const Instr& inc = code[pc + 1];
  const Instr& back = code[pc + in.k];
  // Iterations after this one: as many as next_iteration would allow (budget, i < n), with
  // keys that stay inline (below 2^30).
  const int64_t first = int64_t(k0), bound = int64_t(R[back.c]);
  const uint64_t d = uint64_t(in.d);
  uint64_t more = stop >= ops_ ? (stop - ops_) / (d + (charge_work_ ? e.map->write_work() : 0)) : 0;
  const uint64_t unlimited = more;
  if (charge_work_ && set) more = std::min(more, e.map->writes_until_growth());   // a growth's first write ends the run
  more = std::min(more, bound > first ? uint64_t(bound) - uint64_t(first) - 1 : uint64_t(0));
  more = std::min(more, uint64_t((int64_t(1) << 30) - 1 - first));
  const maps::KeyRun run{first, more + 1, &ops_, d};
  const uint64_t work0 = e.map->work();
  if (set) {
    e.map->store_run(run, v, value_is_key);   // never a pointer elem: scalar_v / agg_v above
    if (more < unlimited && heap_.cycle_pending()) {
      // hash_grow started a GC cycle: the run goes on to where it would have ended, as in a
      // run that is no time slice (the cycle is marked when the run ends)
      ops_ += d;
      e.map->store_run(maps::KeyRun{first + int64_t(more) + 1, unlimited - more, &ops_, d}, v, value_is_key);
      more = unlimited;
    }
  } else {
    // A run's removed elems are not seen one by one: when every entry's elem counts, the
    // count is the map's length after; otherwise the general path counts entry by entry.
    if (e.ptr_e && e.pointed_e != e.map->len()) return false;
    e.map->remove_run(run);
    if (e.ptr_e) e.pointed_e = e.map->len();
  }
  R[in.b] = Word(first + int64_t(more));   // the counter of the last iteration run
  e.last_key = R[in.b];
  if (const uint64_t w = e.map->work() - work0; charge_work_ && w != 0) {
    // the loop's own instructions carry on to the next run, sized with the growth's cost
    work_ += w;
    charged_ = w;   // exec's stop comes that much sooner
    return true;
  }
  if (!next_iteration(in, inc, back, R, stop)) return true;
  return false;   // the next key is not inline: the general path runs that iteration
}

// [SECTION] run loop
// current_line is the program's line running: in the library's code in Go (sync_map.h),
// the line of the program that called it.
int Interpreter::current_line() const {
  for (size_t i = frames_.size(); i-- > 0;) {
    const Frame& f = frames_[i];
    const Function& fn = prog_.funcs[size_t(f.fn)];
    const int line = f.pc < 0 || size_t(f.pc) >= fn.lines.size() ? fn.end_line : fn.lines[size_t(f.pc)];
    if (line < kLibraryFirstLine) return line;
  }
  return 0;
}

bool Interpreter::at_statement_start() const {
  if (frames_.empty()) return true;
  const Frame& f = frames_.back();
  const Function& fn = prog_.funcs[size_t(f.fn)];
  return f.pc >= 0 && size_t(f.pc) < fn.stmt_start.size() && fn.stmt_start[size_t(f.pc)];
}

VmStatus Interpreter::run(uint64_t budget) {
  uint64_t end = budget > UINT64_MAX - ops_ ? UINT64_MAX : ops_ + budget;
  stop_now_ = false;
  // A resumable GC cycle that an operation started ends before the next operation runs
  // (heap::Heap::cycle_pending; the host calls gc_work).
  while (status_ == VmStatus::Running && ops_ < end && !stop_now_ && !heap_.cycle_pending()) {
    // the goroutine blocked, yielded or ended: the next one (sched.cpp)
    if (parked_ && !schedule()) break;
    if (ops_ >= slice_end_) {   // preemption after kTimeSlice instructions
      slice_end_ = ops_ + kTimeSlice;
      if (others_may_run()) {
        parked_ = 2;
        continue;
      }
    }
    uint64_t stop = std::min({end, next_check_, slice_end_});
    const uint64_t work0 = work_;
    exec(stop);
    end = sooner(end, work_ - work0);   // the maps' work, charged
    if (heap_.cycle_pending()) break;
    if (ops_ >= next_check_) {
      periodic();
      next_check_ = ops_ + kCheckEvery;
    }
  }
  return status_;
}

void Interpreter::periodic() {
  maybe_collect_pools();
  // memory() walks every pool store and map: check it every 16th period (1M ops), or at
  // once when the pools grew a lot since the last check.
  ++periods_;
  uint64_t entries = objs_.size() + strs_.size() + slices_.size() + bigs_.size() + iters_.size();
  if ((periods_ & 15) != 0 && entries < checked_entries_ + (1u << 16)) return;
  checked_entries_ = entries;
  if (memory() > opt_.max_sim_memory)
    limit("gomapsim: the simulator's own memory would exceed max_sim_memory (" + std::to_string(opt_.max_sim_memory >> 20) + " MiB); the run was stopped");
  if (heap_.heap_live() > opt_.max_heap_bytes) heap_alloc_ok(0);
}

uint64_t Interpreter::memory() const {
  uint64_t b = stack_.capacity() * 8 + strs_.capacity() * sizeof(StrEnt) + str_bytes_ +
               objs_.capacity() * sizeof(ObjEnt) + stores_.capacity() * sizeof(Store) +
               slices_.capacity() * sizeof(SliceEnt) + bigs_.capacity() * sizeof(BigEnt) +
               maps_.capacity() * sizeof(MapEnt) + iters_.capacity() * sizeof(IterEnt) +
               rng_sources_.capacity() * sizeof(math_rand::RngSource);
  for (const Store& s : stores_) b += s.dense.capacity() * 8 + s.sparse.size() * 32;
  for (const IterEnt& it : iters_) b += it.keys.capacity() * 4;
  return b + map_memory();
}

uint64_t Interpreter::map_memory() const {
  uint64_t b = 0;
  for (const MapEnt& m : maps_)
    if (m.map) b += m.map->simulator_bytes();
  return b;
}

bool Interpreter::call_function(int32_t fn, uint32_t base) {
  const Function& callee = prog_.funcs[size_t(fn)];
  if (frames_.size() >= kMaxFrames) {
    status_ = VmStatus::Running;
    std::string text = "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\ngoroutine 1 [running]:\n" + callee.name + "(...)\n";
    message_ = text;
    exit_code_ = 2;
    status_ = VmStatus::Panicked;
    if (host_) host_->print(2, text);
    return false;
  }
  size_t need = size_t(base) + size_t(callee.nslots) + 16;
  if (stack_.size() < need) stack_.resize(std::max(need, stack_.size() * 2), 0);
  // a function with defers: its deferred calls may read any slot (liveness.cpp), so none
  // holds a value left by an earlier frame
  if (callee.recover_pc >= 0)
    std::fill(stack_.begin() + base + callee.nparams, stack_.begin() + base + callee.nslots, Word{0});
  frames_.push_back(Frame{fn, base, 0});
  if (callee.frame_bytes) {
    const uint64_t entry = frames_[frames_.size() - 2].sp + 8;   // the return address
    stack_grow(cur_, entry, callee.frame_bytes - 8);
    frames_.back().sp = entry + callee.frame_bytes - 8;
  } else {
    frames_.back().sp = frames_[frames_.size() - 2].sp;
  }
  return true;
}

#define VM_PANIC(msg)   \
  do {                  \
    fr->pc = pc;        \
    panic(msg);         \
    goto out;           \
  } while (0)
// A map index in a live slot always names a live map (the GC marks it); the check turns a
// broken invariant into a reported internal error instead of a crash.
#define MAP_OK(m) ((m) < maps_.size() && maps_[(m)].map)
#define RELOAD()                                               \
  do {                                                         \
    fr = &frames_.back();                                      \
    code = prog_.funcs[size_t(fr->fn)].code.data();            \
    R = stack_.data() + fr->base;                              \
  } while (0)

void Interpreter::exec(uint64_t stop) {
  Frame* fr;
  const Instr* code;
  Word* R;
  RELOAD();
  int32_t pc = fr->pc;
  while (ops_ < stop && !heap_.cycle_pending()) {
    const Instr& in = code[pc];
    fr->pc = pc;
    ++ops_;
    switch (in.op) {
      case OpNop: break;
      case OpMov: R[in.a] = R[in.b]; break;
      case OpLoadK: R[in.a] = prog_.consts[size_t(in.b)]; break;
      case OpGGet: R[in.a] = globals_[size_t(in.b)]; break;
      case OpGSet: globals_[size_t(in.a)] = R[in.b]; break;
      case OpGMat:   // a global's Obj at first use: an aggregate's, or (flags 2) a scalar's box
        if (globals_[size_t(in.a)] == 0) globals_[size_t(in.a)] = (in.flags & 2) ? new_obj(in.k, Box, 1, heap::kNil) : zero_agg(in.k);
        break;
      case OpAdd: R[in.a] = normalize(IntKind(in.k), R[in.b] + R[in.c]); break;
      case OpSub: R[in.a] = normalize(IntKind(in.k), R[in.b] - R[in.c]); break;
      case OpMul: R[in.a] = normalize(IntKind(in.k), R[in.b] * R[in.c]); break;
      case OpDivS: case OpRemS: {
        int64_t x = int64_t(R[in.b]), y = int64_t(R[in.c]);
        if (y == 0) VM_PANIC("runtime error: integer divide by zero");
        Word r;
        if (y == -1) r = in.op == OpDivS ? Word(0) - Word(x) : 0;
        else r = in.op == OpDivS ? Word(x / y) : Word(x % y);
        R[in.a] = normalize(IntKind(in.k), r);
        break;
      }
      case OpDivU: case OpRemU: {
        uint64_t x = R[in.b], y = R[in.c];
        if (y == 0) VM_PANIC("runtime error: integer divide by zero");
        R[in.a] = normalize(IntKind(in.k), in.op == OpDivU ? x / y : x % y);
        break;
      }
      case OpAnd: R[in.a] = R[in.b] & R[in.c]; break;
      case OpOr: R[in.a] = R[in.b] | R[in.c]; break;
      case OpXor: R[in.a] = normalize(IntKind(in.k), R[in.b] ^ R[in.c]); break;
      case OpAndNot: R[in.a] = R[in.b] & ~R[in.c]; break;
      case OpShl: case OpShrS: case OpShrU: {
        Word cnt = R[in.c];
        if ((in.flags & 1) && int64_t(cnt) < 0) VM_PANIC("runtime error: negative shift amount");
        Word x = R[in.b], r;
        if (in.op == OpShl) r = cnt >= 64 ? 0 : x << cnt;
        else if (in.op == OpShrU) r = cnt >= 64 ? 0 : x >> cnt;
        else r = cnt >= 64 ? (int64_t(x) < 0 ? ~Word(0) : 0) : Word(int64_t(x) >> cnt);
        R[in.a] = normalize(IntKind(in.k), r);
        break;
      }
      case OpAddI: R[in.a] = normalize(IntKind(in.k), R[in.b] + Word(int64_t(in.c))); break;
      case OpNeg: R[in.a] = normalize(IntKind(in.k), Word(0) - R[in.b]); break;
      case OpBitNot: R[in.a] = normalize(IntKind(in.k), ~R[in.b]); break;
      case OpNot: R[in.a] = R[in.b] ? 0 : 1; break;
      case OpConv: R[in.a] = normalize(IntKind(in.k), R[in.b]); break;
      case OpFAdd: R[in.a] = of_f(as_f(R[in.b]) + as_f(R[in.c])); break;
      case OpFSub: R[in.a] = of_f(as_f(R[in.b]) - as_f(R[in.c])); break;
      case OpFMul: R[in.a] = of_f(as_f(R[in.b]) * as_f(R[in.c])); break;
      case OpFDiv: R[in.a] = of_f(as_f(R[in.b]) / as_f(R[in.c])); break;
      case OpFNeg: R[in.a] = of_f(-as_f(R[in.b])); break;
      case OpI2F: R[in.a] = of_f(double(int64_t(R[in.b]))); break;
      case OpU2F: R[in.a] = of_f(double(R[in.b])); break;
      case OpF2I: {
        double d = as_f(R[in.b]);
        Word r = (std::isnan(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) ? Word(1) << 63 : Word(int64_t(d));
        R[in.a] = normalize(IntKind(in.k), r);
        break;
      }
      case OpEq: R[in.a] = R[in.b] == R[in.c]; break;
      case OpNe: R[in.a] = R[in.b] != R[in.c]; break;
      case OpLtS: R[in.a] = int64_t(R[in.b]) < int64_t(R[in.c]); break;
      case OpLeS: R[in.a] = int64_t(R[in.b]) <= int64_t(R[in.c]); break;
      case OpLtU: R[in.a] = R[in.b] < R[in.c]; break;
      case OpLeU: R[in.a] = R[in.b] <= R[in.c]; break;
      case OpFEq: R[in.a] = as_f(R[in.b]) == as_f(R[in.c]); break;
      case OpFLt: R[in.a] = as_f(R[in.b]) < as_f(R[in.c]); break;
      case OpFLe: R[in.a] = as_f(R[in.b]) <= as_f(R[in.c]); break;
      case OpSEq: R[in.a] = R[in.b] == R[in.c] || str(R[in.b]) == str(R[in.c]); break;
      case OpSLt: R[in.a] = str(R[in.b]) < str(R[in.c]); break;
      case OpSLe: R[in.a] = str(R[in.b]) <= str(R[in.c]); break;
      case OpDeepEq: R[in.a] = deep_eq(in.k, R[in.b], R[in.c]); break;
      case OpJmp:
        pc = in.a;
        continue;
      case OpJt: if (R[in.b]) { pc = in.a; continue; } break;
      case OpJf: if (!R[in.b]) { pc = in.a; continue; } break;
      case OpJLtS: if (int64_t(R[in.b]) < int64_t(R[in.c])) { pc = in.a; continue; } break;
      case OpJGeS: if (int64_t(R[in.b]) >= int64_t(R[in.c])) { pc = in.a; continue; } break;
      case OpConcat: {
        const std::string& x = str(R[in.b]);
        const std::string& y = str(R[in.c]);
        if (x.empty()) { R[in.a] = R[in.c]; break; }
        if (y.empty()) { R[in.a] = R[in.b]; break; }
        if (x.size() + y.size() > opt_.max_sim_memory / 4) {
          limit("gomapsim: a string of " + std::to_string(x.size() + y.size()) + " bytes would exceed max_sim_memory; the run was stopped");
          goto out;
        }
        std::string s = x + y;
        // concatstrings: a non-escaping result of ≤ 32 bytes uses the caller's stack buffer
        // runtime/string.go slicebytetostring (1.19–1.27): one byte is staticuint64s' own, no allocation
        heap::ObjId data = s.size() > 1 && ((in.flags & 1) || s.size() > 32) ? alloc(s.size(), true) : heap::kNil;
        if (status_ != VmStatus::Running) goto out;
        R[in.a] = new_str(std::move(s), data);
        break;
      }
      case OpSLen: R[in.a] = str(R[in.b]).size(); break;
      case OpSIndex: {
        const std::string& s = str(R[in.b]);
        uint64_t i = R[in.c];
        if (i >= s.size()) VM_PANIC("runtime error: index out of range [" + std::to_string(int64_t(i)) + "] with length " + std::to_string(s.size()));
        R[in.a] = static_cast<unsigned char>(s[i]);
        break;
      }
      case OpSSlice: {
        const std::string& s = str(R[in.b]);
        int64_t lo = (in.flags & 1) ? int64_t(R[in.c]) : 0;
        int64_t hi = (in.flags & 2) ? int64_t(R[in.c + 1]) : int64_t(s.size());
        if (hi < 0 || uint64_t(hi) > s.size()) VM_PANIC("runtime error: slice bounds out of range [:" + std::to_string(hi) + "] with length " + std::to_string(s.size()));
        if (lo < 0 || lo > hi) VM_PANIC("runtime error: slice bounds out of range [" + std::to_string(lo) + ":" + std::to_string(hi) + "]");
        heap::ObjId data = strs_[size_t(R[in.b]) < strs_.size() ? size_t(R[in.b]) : 0].data;
        R[in.a] = (lo == hi) ? 0 : new_str(s.substr(size_t(lo), size_t(hi - lo)), data);
        break;
      }
      case OpStrOfBytes: {
        std::string s;
        uint32_t sl = uint32_t(R[in.b]);
        if (sl && sl < slices_.size()) {
          const SliceEnt e = slices_[sl];
          for (uint64_t i = 0; i < e.len; ++i) s += char(obj_get(e.arr, e.off + i));
        }
        // runtime/string.go slicebytetostring (1.19–1.27): one byte is staticuint64s' own, no allocation
        heap::ObjId data = s.size() > 1 && ((in.flags & 1) || s.size() > 32) ? alloc(s.size(), true) : heap::kNil;
        if (status_ != VmStatus::Running) goto out;
        R[in.a] = s.empty() ? 0 : new_str(std::move(s), data);
        break;
      }
      case OpBytesOfStr: {
        std::string s = str(R[in.b]);
        uint64_t n = s.size();
        bool on_heap = (in.flags & 1) || n > 32;
        // stringtoslicebyte (runtime/string.go): on the heap rawbyteslice mallocs the size
        // class's bytes (tiny blocks are filled by 8, not 4); on the stack the caller's tmpBuf,
        // b = buf[:len(s)] with its capacity of 32
        uint64_t cap = on_heap ? (n ? heap_.roundupsize(n, true) : 0) : 32;
        heap::ObjId h = on_heap ? alloc(cap, true) : heap::kNil;
        if (status_ != VmStatus::Running) goto out;
        uint32_t arr = new_obj(TypeTable::kUint8, Backing, cap, h);
        for (uint64_t i = 0; i < n; ++i) obj_set(arr, i, static_cast<unsigned char>(s[i]));
        R[in.a] = new_slice(arr, 0, n, cap);
        break;
      }
      case OpStrOfRune: {
        std::string s;
        int64_t r = int64_t(R[in.b]);
        gofmt::append_rune(s, (r < 0 || r > 0x10FFFF) ? 0xFFFD : uint32_t(r));
        R[in.a] = new_str(std::move(s), heap::kNil);
        break;
      }
      case OpDecodeRune: {
        const std::string& s = str(R[in.b]);
        size_t w;
        uint32_t r = gofmt::decode_rune(s, size_t(R[in.c]), w);
        R[in.a] = r;
        R[in.a + 1] = w;
        break;
      }
      case OpObjMat: if (R[in.a] == 0) R[in.a] = zero_agg(in.k); break;
      case OpCopy: R[in.a] = copy_obj(uint32_t(R[in.b])); break;
      case OpFGet:
        if ((in.flags & 1) && R[in.b] == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        R[in.a] = obj_get(uint32_t(R[in.b]), uint64_t(in.c));
        break;
      case OpFSet:
        if ((in.flags & 1) && R[in.a] == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        obj_set(uint32_t(R[in.a]), uint64_t(in.c), R[in.b]);
        break;
      case OpFRef: case OpARef: {
        uint32_t base = uint32_t(R[in.b]);
        if ((in.flags & 1) && base == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        uint64_t i = in.op == OpFRef ? uint64_t(in.c) : R[in.c];
        if (in.op == OpARef && i >= uint64_t(in.d)) VM_PANIC("runtime error: index out of range [" + std::to_string(int64_t(i)) + "] with length " + std::to_string(in.d));
        if (in.flags & 2) {   // &x.f, &a[i] of a scalar: an interior pointer (type k)
          R[in.a] = new_ref(in.k, base, i);
          break;
        }
        Word w = obj_get(base, i);
        if (w == 0 && base != 0) {
          w = zero_agg(obj_elem_type(objs_[base], i));
          obj_set(base, i, w);
        }
        R[in.a] = w;
        break;
      }
      case OpAGet: {
        if ((in.flags & 1) && R[in.b] == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        uint64_t i = R[in.c];
        if (i >= uint64_t(in.d)) VM_PANIC("runtime error: index out of range [" + std::to_string(int64_t(i)) + "] with length " + std::to_string(in.d));
        R[in.a] = obj_get(uint32_t(R[in.b]), i);
        break;
      }
      case OpASet: {
        if ((in.flags & 1) && R[in.a] == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        uint64_t i = R[in.b];
        if (i >= uint64_t(in.d)) VM_PANIC("runtime error: index out of range [" + std::to_string(int64_t(i)) + "] with length " + std::to_string(in.d));
        obj_set(uint32_t(R[in.a]), i, R[in.c]);
        break;
      }
      case OpNew: {
        TypeId t = in.k;
        const Type& ty = T.u(t);
        heap::ObjId h = (in.flags & 1) ? alloc(ty.size, !ty.ptrs) : heap::kNil;
        if (status_ != VmStatus::Running) goto out;
        R[in.a] = new_obj(t, T.is_aggregate(t) ? Agg : Box, 1, h);
        break;
      }
      case OpLoad: {
        uint32_t p = uint32_t(R[in.b]);
        if (p == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        if (objs_[p].shape == Ref) R[in.a] = obj_get(uint32_t(obj_get(p, 0)), obj_get(p, 1));
        else R[in.a] = objs_[p].shape == Box ? obj_get(p, 0) : Word(p);
        break;
      }
      case OpStore: {
        uint32_t p = uint32_t(R[in.a]);
        if (p == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        if (objs_[p].shape == Box) {
          obj_set(p, 0, R[in.b]);
        } else if (objs_[p].shape == Ref) {
          obj_set(uint32_t(obj_get(p, 0)), obj_get(p, 1), R[in.b]);
        } else {
          uint32_t v = uint32_t(R[in.b]);
          if (v == p) break;
          uint32_t old = objs_[p].store;
          objs_[p].store = v ? objs_[v].store : 0;
          if (v) objs_[v].store = old;   // the fresh copy takes the old contents (garbage)
        }
        break;
      }
      case OpNilChk: if (R[in.a] == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference"); break;
      case OpMakeSlice: {
        int64_t len = int64_t(R[in.b]), cap = int64_t(R[in.c]);
        TypeId et = in.k;
        uint64_t es = T.u(et).size;
        if (len < 0) VM_PANIC("runtime error: makeslice: len out of range");
        if (cap < len) VM_PANIC("runtime error: makeslice: cap out of range");
        if (es && uint64_t(cap) > (uint64_t(1) << 47) / es) VM_PANIC("runtime error: makeslice: len out of range");
        uint64_t bytes = uint64_t(cap) * es;
        // flags bit 0: escapes; bit 1: a variable size, on the heap unless the compiler's stack
        // buffer holds it (Go 1.25+ walkMakeSlice: `if cap <= K { var arr [K]E }`) or, bit 2,
        // it is a local's static constant (Go 1.25+ rewriteArgument) within 64 KiB
        // (ir.MaxImplicitStackVarSize)
        const bool static_fits = (in.flags & 4) && profile_.static_local_literals && bytes <= 65536;
        const bool on_heap = (in.flags & 1) || ((in.flags & 2) && !static_fits &&
                                                !(es && uint64_t(cap) <= profile_.stack_buffer_bytes / es));
        heap::ObjId h = on_heap ? alloc(bytes, !T.u(et).ptrs) : heap::kNil;
        if (status_ != VmStatus::Running) goto out;
        uint32_t arr = cap ? new_obj(et, Backing, uint64_t(cap), h) : 0;
        R[in.a] = new_slice(arr, 0, uint64_t(len), uint64_t(cap));
        break;
      }
      case OpLGet: case OpLSet: case OpLRef: {
        uint32_t sl = uint32_t(in.op == OpLSet ? R[in.a] : R[in.b]);
        uint64_t i = in.op == OpLSet ? R[in.b] : R[in.c];
        uint64_t len = sl ? slices_[sl].len : 0;
        if (i >= len) VM_PANIC("runtime error: index out of range [" + std::to_string(int64_t(i)) + "] with length " + std::to_string(len));
        const SliceEnt& e = slices_[sl];
        if (in.op == OpLGet) {
          R[in.a] = obj_get(e.arr, e.off + i);
        } else if (in.op == OpLSet) {
          obj_set(e.arr, e.off + i, R[in.c]);
        } else if (in.flags & 2) {   // &s[i] of a scalar element: an interior pointer (type k)
          R[in.a] = new_ref(in.k, e.arr, e.off + i);
        } else {
          uint32_t arr = e.arr;
          uint64_t idx = e.off + i;
          Word w = obj_get(arr, idx);
          if (w == 0) {
            w = zero_agg(objs_[arr].type);
            obj_set(arr, idx, w);
          }
          R[in.a] = w;
        }
        break;
      }
      case OpLLen: R[in.a] = R[in.b] ? slices_[R[in.b]].len : 0; break;
      case OpLCap: R[in.a] = R[in.b] ? slices_[R[in.b]].cap : 0; break;
      case OpAppend: case OpAppendS: {
        TypeId et = in.k;
        uint64_t es = T.u(et).size;
        uint32_t sl = uint32_t(R[in.b]);
        SliceEnt s = sl ? slices_[sl] : SliceEnt{};
        // an element copied into another array: a struct or array element is its own value
        const bool agg = T.is_aggregate(et);
        auto elem = [&](Word w) { return agg && w ? Word(copy_obj(uint32_t(w))) : w; };
        // the appended elements
        std::vector<Word> add;
        if (in.op == OpAppend) {
          add.assign(R + in.c, R + in.c + in.d);
        } else if (in.flags & 1) {
          const std::string& src = str(R[in.c]);
          for (unsigned char ch : src) add.push_back(ch);
        } else if (R[in.c]) {
          const SliceEnt o = slices_[R[in.c]];
          for (uint64_t i = 0; i < o.len; ++i) add.push_back(elem(obj_get(o.arr, o.off + i)));
        }
        uint64_t newlen = s.len + add.size();
        if (add.empty()) { R[in.a] = R[in.b]; break; }
        if (newlen <= s.cap) {
          for (size_t i = 0; i < add.size(); ++i) obj_set(s.arr, s.off + s.len + i, add[i]);
          R[in.a] = new_slice(s.arr, s.off, newlen, s.cap);
          break;
        }
        // Go 1.25+: the first growth from length 0 of a slice that does not escape takes the
        // compiler's stack buffer of Profile::stack_buffer_bytes, once per call (ssagen/ssa.go
        // append: `if l <= K { if !used { if oldLen == 0 { s = store[:l:K] } } }`).
        const uint64_t buf_bit = uint64_t(1) << ((in.flags >> 2) & 31);
        if (in.op == OpAppend && (in.flags & 0x83) == 2 && s.len == 0 && es &&
            newlen <= profile_.stack_buffer_bytes / es && !(fr->stack_bufs & buf_bit)) {
          fr->stack_bufs |= buf_bit;
          const uint64_t k = profile_.stack_buffer_bytes / es;
          uint32_t arr = new_obj(et, Backing, k, heap::kNil);
          R = stack_.data() + fr->base;
          for (size_t i = 0; i < add.size(); ++i) obj_set(arr, i, add[i]);
          R[in.a] = new_slice(arr, 0, newlen, k);
          break;
        }
        // Go 1.26+, a slice the slice pass commits with its capacity used (flags bit 7):
        // growsliceBuf (runtime/slice.go) keeps it in the stack buffer while it fits, one
        // size class at a time.
        if (in.op == OpAppend && (in.flags & 0x83) == 0x82 && es && newlen <= profile_.stack_buffer_bytes / es) {
          const uint64_t cap = heap_.roundupsize(newlen * es, !T.u(et).ptrs) / es;
          uint32_t arr = new_obj(et, Backing, cap, heap::kNil);
          R = stack_.data() + fr->base;
          for (uint64_t i = 0; i < s.len; ++i)
            if (Word w = obj_get(s.arr, s.off + i)) obj_set(arr, i, elem(w));
          for (size_t i = 0; i < add.size(); ++i) obj_set(arr, s.len + i, add[i]);
          R[in.a] = new_slice(arr, 0, newlen, cap);
          break;
        }
        // growslice (engine/heap/README.md, "Slice growth (growslice)"): double below 256,
        // then grow by (cap + 768)/4; round up to size class
        uint64_t newcap = heap::Heap::growslice_cap(s.cap, newlen);
        if (es && newcap > (uint64_t(1) << 47) / es) VM_PANIC("runtime error: growslice: len out of range");
        uint64_t bytes = newcap * es;
        bool noscan = !T.u(et).ptrs;
        if (es) {
          bytes = heap_.roundupsize(bytes, noscan);
          newcap = bytes / es;
        }
        heap::ObjId h = alloc(bytes, noscan);
        if (status_ != VmStatus::Running) goto out;
        uint32_t arr = new_obj(et, Backing, newcap, h);
        R = stack_.data() + fr->base;
        if (sl) {
          const SliceEnt old = slices_[sl];
          for (uint64_t i = 0; i < old.len; ++i) {
            Word w = obj_get(old.arr, old.off + i);
            if (w) obj_set(arr, i, elem(w));
          }
        }
        for (size_t i = 0; i < add.size(); ++i) obj_set(arr, s.len + i, add[i]);
        R[in.a] = new_slice(arr, 0, newlen, newcap);
        break;
      }
      case OpMove2Heap: {
        // ssagen/ssa.go move2heap: a slice whose array is in this frame is copied to the heap
        // (runtime/slice.go moveSlice keeps the capacity, moveSliceNoCap takes the size
        // class above the length); a heap array, or the caller's, stays.
        const uint32_t sl = uint32_t(R[in.a]);
        if (!sl) break;
        const SliceEnt s = slices_[sl];
        const bool keep_cap = in.flags & 1;
        if ((keep_cap ? s.cap : s.len) == 0 || !s.arr || objs_[s.arr].hobj != heap::kNil) break;
        if (in.b >= 0 && R[in.b] && slices_[uint32_t(R[in.b])].arr == s.arr) break;
        const TypeId et = in.k;
        const uint64_t es = T.u(et).size;
        const bool noscan = !T.u(et).ptrs;
        const uint64_t cap = keep_cap ? s.cap : heap_.roundupsize(s.len * es, noscan) / es;
        heap::ObjId h = alloc(cap * es, noscan);
        if (status_ != VmStatus::Running) goto out;
        uint32_t arr = new_obj(et, Backing, cap, h);
        R = stack_.data() + fr->base;
        const uint64_t n = keep_cap ? s.cap : s.len;
        const bool agg = T.is_aggregate(et);
        for (uint64_t i = 0; i < n; ++i)
          if (Word w = obj_get(s.arr, s.off + i)) obj_set(arr, i, agg ? Word(copy_obj(uint32_t(w))) : w);
        R[in.a] = new_slice(arr, 0, s.len, cap);
        break;
      }
      case OpLSlice: {
        uint32_t sl = uint32_t(R[in.b]);
        SliceEnt s = sl ? slices_[sl] : SliceEnt{};
        int64_t lo = (in.flags & 1) ? int64_t(R[in.c]) : 0;
        int64_t hi = (in.flags & 2) ? int64_t(R[in.c + 1]) : int64_t(s.len);
        if (in.flags & 8) {   // s[lo:hi:max]: runtime/panic.go's panicSlice3* messages
          const int64_t max = int64_t(R[in.c + 2]);
          if (max < 0 || uint64_t(max) > s.cap) VM_PANIC("runtime error: slice bounds out of range [::" + std::to_string(max) + "] with capacity " + std::to_string(s.cap));
          if (hi < 0 || hi > max) VM_PANIC("runtime error: slice bounds out of range [:" + std::to_string(hi) + ":" + std::to_string(max) + "]");
          if (lo < 0 || lo > hi) VM_PANIC("runtime error: slice bounds out of range [" + std::to_string(lo) + ":" + std::to_string(hi) + ":]");
          R[in.a] = (sl == 0 && max == 0) ? 0 : new_slice(s.arr, s.off + uint64_t(lo), uint64_t(hi - lo), uint64_t(max - lo));
          break;
        }
        if (hi < 0 || uint64_t(hi) > s.cap) VM_PANIC("runtime error: slice bounds out of range [:" + std::to_string(hi) + "] with capacity " + std::to_string(s.cap));
        if (lo < 0 || lo > hi) VM_PANIC("runtime error: slice bounds out of range [" + std::to_string(lo) + ":" + std::to_string(hi) + "]");
        R[in.a] = (sl == 0 && hi == 0) ? 0 : new_slice(s.arr, s.off + uint64_t(lo), uint64_t(hi - lo), s.cap - uint64_t(lo));
        break;
      }
      case OpASlice: {
        uint32_t base = uint32_t(R[in.b]);
        if ((in.flags & 4) && base == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        int64_t n = in.d;
        int64_t lo = (in.flags & 1) ? int64_t(R[in.c]) : 0;
        int64_t hi = (in.flags & 2) ? int64_t(R[in.c + 1]) : n;
        if (in.flags & 8) {   // a[lo:hi:max] (panicSlice3Alen)
          const int64_t max = int64_t(R[in.c + 2]);
          if (max < 0 || max > n) VM_PANIC("runtime error: slice bounds out of range [::" + std::to_string(max) + "] with length " + std::to_string(n));
          if (hi < 0 || hi > max) VM_PANIC("runtime error: slice bounds out of range [:" + std::to_string(hi) + ":" + std::to_string(max) + "]");
          if (lo < 0 || lo > hi) VM_PANIC("runtime error: slice bounds out of range [" + std::to_string(lo) + ":" + std::to_string(hi) + ":]");
          R[in.a] = new_slice(base, uint64_t(lo), uint64_t(hi - lo), uint64_t(max - lo));
          break;
        }
        if (hi < 0 || hi > n) VM_PANIC("runtime error: slice bounds out of range [:" + std::to_string(hi) + "] with length " + std::to_string(n));
        if (lo < 0 || lo > hi) VM_PANIC("runtime error: slice bounds out of range [" + std::to_string(lo) + ":" + std::to_string(hi) + "]");
        R[in.a] = new_slice(base, uint64_t(lo), uint64_t(hi - lo), uint64_t(n - lo));
        break;
      }
      case OpMakeMap: {
        int64_t hint = in.b >= 0 ? int64_t(R[in.b]) : 0;
        if (hint < 0) VM_PANIC("runtime error: makemap: size out of range");
        const uint32_t idx = new_map(in.k, hint, (in.flags & 1) != 0);
        if (status_ != VmStatus::Running) goto out;
        R = stack_.data() + fr->base;
        R[in.a] = idx;
        break;
      }
      case OpMClone: {
        // maps.Clone from Go 1.25: (*Map).Clone copies the directory and tables
        // (SwissRules::clone_copies_tables); else the makemap + insert walk that follows.
        if (!profile_.swiss.clone_copies_tables) break;
        const uint32_t src = uint32_t(R[in.b]);
        if (!MAP_OK(src)) VM_PANIC("internal error: map collected while reachable");
        const uint32_t idx = clone_map(src);
        if (status_ != VmStatus::Running) goto out;
        R = stack_.data() + fr->base;
        R[in.a] = idx;
        pc = in.d;
        continue;
      }
      case OpMGet: {
        uint32_t m = uint32_t(R[in.b]);
        Word v = 0;
        bool ok = false;
        if (m && !MAP_OK(m)) VM_PANIC("internal error: map collected while reachable");
        if (m) {
          MapEnt& e = maps_[m];
          const uint32_t* p = e.map->lookup(to_handle(e.codec->key(), R[in.c], true));
          if (p) {
            v = from_handle(e.codec->elem(), *p);
            ok = true;
          }
        }
        R[in.a] = v;
        if (in.flags & 1) R[in.a + 1] = ok;
        break;
      }
      case OpMSet:
      case OpMSetLoop:
        if (in.op == OpMSetLoop && run_fused_map_loop(in, code, pc, R, stop)) {
          if (charged_) stop = sooner(stop, std::exchange(charged_, 0));
          break;
        }
        for (;;) {
          uint32_t m = uint32_t(R[in.a]);
          if (m == 0) VM_PANIC("assignment to entry in nil map");
          if (!MAP_OK(m)) VM_PANIC("internal error: map collected while reachable");
          pinned_bigs_.clear();
          MapEnt& e = maps_[m];
          Word kw = R[in.b], vw = R[in.c];
          uint32_t k, v;
          if (e.scalar_k && inline_int(kw) && ((e.scalar_v && inline_int(vw)) || (e.agg_v && vw == 0))) {
            // the bulk-loop case: small integers on both sides, no pools involved
            k = uint32_t(kw) & ~kBigBit;
            v = uint32_t(vw) & ~kBigBit;
          } else {
            k = to_handle(e.codec->key(), kw, false);
            v = to_handle(e.codec->elem(), vw, false);
            // remember that entries hold pool indexes (marking must then walk the map)
            bool kref = type_has_refs_[e.codec->key()], vref = type_has_refs_[e.codec->elem()];
            if ((!kref && (k & kBigBit)) || (!vref && (v & kBigBit))) maps_[m].big = true;
            if ((kref && k) || (vref && v)) maps_[m].pooled = true;
          }
          maps::Map* mp = maps_[m].map.get();
          prefetch_next(maps_[m], kw);
          if (maps_[m].ptr_k || maps_[m].ptr_e) store_counted(maps_[m], k, v);
          else mp->store(k, v);
          if (in.op == OpMSet || !next_iteration(in, code[pc + 1], code[pc + in.k], R, stop)) break;
        }
        break;
      case OpMDel:
      case OpMDelLoop:
        if (in.op == OpMDelLoop && run_fused_map_loop(in, code, pc, R, stop)) {
          if (charged_) stop = sooner(stop, std::exchange(charged_, 0));
          break;
        }
        for (;;) {
          uint32_t m = uint32_t(R[in.a]);
          if (m && !MAP_OK(m)) VM_PANIC("internal error: map collected while reachable");
          if (m) {
            MapEnt& e = maps_[m];
            prefetch_next(e, R[in.b]);
            const uint32_t k = to_handle(e.codec->key(), R[in.b], true);
            if (e.ptr_k || e.ptr_e) remove_counted(e, k);
            else e.map->remove(k);
          }
          if (in.op == OpMDel || !next_iteration(in, code[pc + 1], code[pc + in.k], R, stop)) break;
        }
        break;
      case OpMLen:
        if (R[in.b] && !MAP_OK(R[in.b])) VM_PANIC("internal error: map collected while reachable");
        R[in.a] = R[in.b] ? maps_[R[in.b]].map->len() : 0;
        break;
      case OpMClear:
        if (R[in.a] && !MAP_OK(R[in.a])) VM_PANIC("internal error: map collected while reachable");
        if (R[in.a] && (in.flags & 2) && !profile_.clear_idiom_when_inlined) {
          // An inlined copy of the range-delete loop (Go 1.19): every key deleted, the
          // buckets and overflow buckets stay.
          maps::Map& m = *maps_[R[in.a]].map;
          m.iter_init();
          std::vector<uint32_t> keys;
          keys.reserve(size_t(m.len()));
          m.for_each([&keys](uint32_t k, uint32_t) {
            keys.push_back(k);
            return true;
          });
          for (uint32_t k : keys) m.remove(k);
        } else if (R[in.a]) {
          maps_[R[in.a]].map->clear();
        }
        if (R[in.a]) maps_[R[in.a]].pointed_k = maps_[R[in.a]].pointed_e = 0;   // every entry went
        break;
      case OpMIter: {
        uint32_t m = uint32_t(R[in.b]);
        if (m && !MAP_OK(m)) VM_PANIC("internal error: map collected while reachable");
        uint32_t it;
        if (!free_iters_.empty()) {
          it = free_iters_.back();
          free_iters_.pop_back();
        } else {
          it = uint32_t(iters_.size());
          iters_.emplace_back();
        }
        ++created_since_sweep_;
        IterEnt& e = iters_[it];
        e.map = m;
        e.keys.clear();
        e.pos = 0;
        e.mark = epoch_;
        e.live = true;
        if (m) {
          if (!(in.flags & 1)) maps_[m].map->iter_init();   // a range loop's hiter
          std::vector<uint32_t>& keys = e.keys;
          keys.reserve(size_t(maps_[m].map->len()));
          maps_[m].map->for_each([&keys](uint32_t k, uint32_t) {
            keys.push_back(k);
            return true;
          });
        }
        R[in.a] = it;
        break;
      }
      case OpMNext: {
        IterEnt& it = iters_[R[in.a]];
        bool found = false;
        while (it.pos < it.keys.size()) {
          uint32_t k = it.keys[it.pos++];
          const MapEnt& e = maps_[it.map];
          if (!e.map) break;
          const uint32_t* p = e.map->lookup(k);
          if (!p) continue;   // deleted during the iteration: Go does not produce it
          R[in.b] = from_handle(e.codec->key(), k);
          if (in.c >= 0) R[in.c] = from_handle(e.codec->elem(), *p);
          found = true;
          break;
        }
        if (!found) {
          pc = in.d;
          continue;
        }
        break;
      }
      case OpCall: {
        uint32_t base = fr->base + uint32_t(in.b);
        if (!call_function(in.a, base)) goto out;
        RELOAD();
        pc = 0;
        continue;
      }
      case OpRet: {
        if (in.b > 0 && in.a != 0) memmove(R, R + in.a, size_t(in.b) * sizeof(Word));
        frames_.pop_back();
        if (frames_.empty()) {
          if (cur_ == fing_) {   // a finalizer returned: runfinq calls the next or waits
            if (fing_next_call()) {
              RELOAD();
              pc = 0;
              continue;
            }
            if (status_ == VmStatus::Running) park("finalizer wait");
            return;
          }
          if (cur_ != 0) {   // a goroutine ends (main's end ends the program)
            goexit();
            return;
          }
          status_ = VmStatus::Finished;
          return;
        }
        if (frames_.size() == ret_floor_) return;   // a nested call is done (call_nested)
        RELOAD();
        pc = fr->pc + 1;
        continue;
      }
      case OpBi: {
        if (!builtin(in, R)) goto out;
        RELOAD();   // a builtin may have run a method (call_nested): frames_ and stack_ moved
        if (parked_) {   // blocked (the waker completes it) or yielded (sched.cpp)
          fr->pc = parked_ == 2 || parked_ == 4 || parked_ == 5 ? pc + 1 : pc;
          return;
        }
        if (stop_now_) {
          pc++;
          fr->pc = pc;
          return;
        }
        break;
      }
      case OpUse: break;
      case OpToIface: {
        // convT* (runtime/iface.go): on the heap only when the interface escapes and the
        // value is no constant (flags 2; 4: a local's static constant, Go 1.25+)
        heap::ObjId h = heap::kNil;
        if ((in.flags & 1) && !(in.flags & 2) && !((in.flags & 4) && profile_.static_local_literals)) {
          bool noscan = true;
          const uint64_t n = convt_bytes(in.k, R[in.b], noscan);
          if (n) h = alloc(n, noscan);
          if (status_ != VmStatus::Running) goto out;
        }
        R[in.a] = to_iface(in.k, R[in.b], h);
        break;
      }
      case OpAssert: {
        const Word w = R[in.b];
        const TypeId want = in.k;
        const bool to_iface_type = in.flags & 2;
        const TypeId dyn = w ? objs_[w].type : 0;
        const bool ok = w && (to_iface_type ? iface_implements(dyn, want, nullptr) : dyn == want);
        if (in.flags & 1) {
          R[in.a + 1] = ok;
          if (!ok) {
            R[in.a] = 0;
            break;
          }
        } else if (!ok) {
          VM_PANIC(assert_message(TypeId(in.c), w, want));
        }
        if (to_iface_type) {
          R[in.a] = w;
        } else {
          const Word v = obj_get(uint32_t(w), 0);
          R[in.a] = T.is_aggregate(want) ? copy_obj(uint32_t(v)) : v;
        }
        break;
      }
      case OpCallI: {
        // dynamic dispatch: the receiver's dynamic type's method (its itab entry)
        const uint32_t base = fr->base + uint32_t(in.b);
        const Word w = stack_[base];
        if (w == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        const TypeId dyn = objs_[w].type;
        const MethodEnt* me = find_method(dyn, in.a);
        if (!me) VM_PANIC("internal error: no method " + prog_.method_names[size_t(in.a)] + " for " + T.name(dyn));
        if (me->func < 0 && dyn == prog_.rngsource_type) {   // a rand.Source's Int63 or Seed (rng.go)
          math_rand::RngSource& rng = rng_source(w);
          if (prog_.method_names[size_t(in.a)] == "Seed") rng.seed(int64_t(stack_[base + 1]));
          else stack_[base] = Word(rng.int63());
          break;
        }
        if (me->func < 0) {   // Error of the library's errors
          stack_[base] = library_error_string(dyn, obj_get(uint32_t(w), 0));
          if (status_ != VmStatus::Running) goto out;
          break;
        }
        Word v;
        if (!method_receiver(*me, dyn, obj_get(uint32_t(w), 0), v)) {
          const TypeId et = T.u(dyn).elem;
          VM_PANIC("value method " + prog_.funcs[size_t(me->func)].name + " called using nil *" + T.name(et).substr(T.name(et).find('.') + 1) + " pointer");
        }
        stack_[base] = v;
        if (!call_function(me->func, base)) goto out;
        RELOAD();
        pc = 0;
        continue;
      }
      case OpCallF: {
        // a call through a func value: the closure's element 0 is the function, the
        // closure itself its context (runtime: the funcval in DX)
        const Word w = R[in.a];
        if (w == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        const uint32_t base = fr->base + uint32_t(in.b);
        if (!call_function(int32_t(obj_get(uint32_t(w), 0)), base)) goto out;
        const size_t ctx = size_t(base) + in.k;
        if (stack_.size() <= ctx) stack_.resize(ctx + 16, 0);
        stack_[ctx] = w;
        RELOAD();
        pc = 0;
        continue;
      }
      // defer, panic, recover (interp_defer.cpp)
      case OpDefer:
        --ops_;
        if (!defer_push(in.a, R)) goto out;
        pc = in.b;
        continue;
      case OpRunDefers:
        --ops_;
        if (run_frame_defers(pc)) {
          RELOAD();
          pc = fr->pc;
          continue;
        }
        break;
      case OpDeferRet: {
        --ops_;
        const int32_t resume = fr->resume;
        fr->resume = -1;
        if (resume >= 0) {
          pc = resume;
          continue;
        }
        continue_panic();
        goto out;
      }
      // goroutines and channels (sched.cpp)
      case OpGo:
        if (!go_start(in, R)) goto out;
        break;
      case OpMakeChan: {
        const uint32_t c = make_chan(T.u(in.k).elem, in.b >= 0 ? int64_t(R[in.b]) : 0);
        if (status_ != VmStatus::Running) goto out;
        R[in.a] = c;
        break;
      }
      case OpSend: {
        const int r = chan_send(uint32_t(R[in.a]), R[in.b], fr->base + uint32_t(in.b));
        if (r < 0) goto out;
        if (r == 0) {
          fr->pc = pc;
          return;
        }
        break;
      }
      case OpRecv:
        if (chan_recv(uint32_t(R[in.b]), fr->base + uint32_t(in.a)) == 0) {
          fr->pc = pc;
          return;
        }
        break;
      case OpClose:
        if (!chan_close(uint32_t(R[in.a]))) goto out;
        break;
      case OpChLen: {
        const uint32_t c = uint32_t(R[in.b]);
        const auto it = c ? chans_.find(c) : chans_.end();
        R[in.a] = it == chans_.end() ? 0 : (in.flags & 1) ? it->second.cap : it->second.qcount;
        break;
      }
      case OpSelect: {
        const int r = select_op(in, fr->base);
        if (r < 0) goto out;
        if (r == 0) {
          fr->pc = pc;
          return;
        }
        break;
      }
      default:
        VM_PANIC("internal error: bad opcode");
    }
    ++pc;
  }
  fr->pc = pc;
  return;
out:
  return;
}

// store_counted: assign's slot shows whether the key was there and what it held.
void Interpreter::store_counted(MapEnt& e, uint32_t k, uint32_t v) {
  const uint64_t n = e.map->len();
  uint32_t* slot = e.map->assign(k);
  const bool fresh = e.map->len() != n;
  if (e.ptr_k && fresh && heap_pointee(k)) ++e.pointed_k;
  if (e.ptr_e) e.pointed_e += uint64_t(heap_pointee(v)) - uint64_t(!fresh && heap_pointee(*slot));
  *slot = v;
}

// remove_counted: the elem is read before the entry goes (a lookup, which changes nothing).
void Interpreter::remove_counted(MapEnt& e, uint32_t k) {
  const uint32_t* p = e.ptr_e ? e.map->lookup(k) : nullptr;
  const bool pointed = p && heap_pointee(*p);
  if (!e.map->remove(k)) return;
  if (e.ptr_k && heap_pointee(k)) --e.pointed_k;
  if (pointed) --e.pointed_e;
}

uint64_t Interpreter::pointed_bytes(const maps::Map* map) const {
  for (const MapEnt& e : maps_) {
    if (e.map.get() != map) continue;
    // footprint of one pointee: escaped objects only (heap_pointee)
    auto footprint = [&](TypeId pt) -> uint64_t {
      const Type& ty = T.u(T.u(pt).elem);
      return heap_.footprint(ty.size, !ty.ptrs);
    };
    return (e.ptr_k ? e.pointed_k * footprint(e.codec->key()) : 0) + (e.ptr_e ? e.pointed_e * footprint(e.codec->elem()) : 0);
  }
  return 0;
}

std::vector<VmMap> Interpreter::live_maps() const {
  std::vector<VmMap> out;
  std::vector<uint8_t> seen(maps_.size(), 0);
  // Maps are named by the Go path that reaches them from a global or a live local
  // (m, c.entries, shards[2], byUser["ann"]); the walk looks at a bounded number of values.
  size_t budget = 4096;
  std::function<void(const std::string&, TypeId, Word, int)> walk = [&](const std::string& name, TypeId t, Word w, int depth) {
    if (w == 0 || budget == 0 || depth > 4 || !type_has_refs_[t]) return;
    --budget;
    constexpr uint64_t kElems = 16;   // elements of a slice or array looked at
    switch (T.kind(t)) {
      case Kind::Map: {
        if (w >= maps_.size() || !maps_[w].map) return;
        if (!seen[w]) {
          seen[w] = 1;
          out.push_back(VmMap{name, maps_[w].map.get(), maps_[w].id});
        }
        const MapEnt& e = maps_[w];
        const TypeId kt = e.codec->key(), et = e.codec->elem();
        if (!type_has_refs_[et]) return;
        std::vector<std::pair<Word, Word>> entries;
        e.map->for_each([&](uint32_t kh, uint32_t vh) {
          entries.push_back({from_handle(kt, kh), from_handle(et, vh)});
          return entries.size() < kElems;
        });
        for (const auto& [k, v] : entries) {
          std::string key;
          fmt_value(key, kt, k, T.kind(kt) == Kind::String ? 'q' : 'v', false, false, 1, false);
          walk(name + "[" + key + "]", et, v, depth + 1);
        }
        return;
      }
      case Kind::Pointer: {
        const TypeId pt = T.u(t).elem;
        if (T.is_aggregate(pt)) walk(name, pt, w, depth + 1);   // Go's automatic p.f
        else if (w < objs_.size() && objs_[uint32_t(w)].live) walk("(*" + name + ")", pt, obj_get(uint32_t(w), 0), depth + 1);
        return;
      }
      case Kind::Struct: {
        if (w >= objs_.size() || !objs_[uint32_t(w)].live) return;
        const Type& ty = T.u(t);
        for (size_t i = 0; i < ty.fields.size(); ++i)
          walk(name + "." + ty.fields[i].name, ty.fields[i].type, obj_get(uint32_t(w), i), depth + 1);
        return;
      }
      case Kind::Array: {
        if (w >= objs_.size() || !objs_[uint32_t(w)].live) return;
        const Type& ty = T.u(t);
        for (uint64_t i = 0; i < std::min<uint64_t>(uint64_t(ty.len), kElems); ++i)
          walk(name + "[" + std::to_string(i) + "]", ty.elem, obj_get(uint32_t(w), i), depth + 1);
        return;
      }
      case Kind::Slice: {
        if (w >= slices_.size() || !slices_[w].live) return;
        const SliceEnt& sl = slices_[w];
        for (uint64_t i = 0; i < std::min(sl.len, kElems); ++i)
          walk(name + "[" + std::to_string(i) + "]", T.u(t).elem, obj_get(sl.arr, sl.off + i), depth + 1);
        return;
      }
      default: return;
    }
  };
  for (size_t g = 0; g < globals_.size(); ++g)
    if (prog_.globals[g].cat != SlotCat::None) walk(prog_.globals[g].name, prog_.globals[g].type, globals_[g], 0);
  for (size_t i = frames_.size(); i-- > 0;) {
    const Frame& f = frames_[i];
    const Function& fn = prog_.funcs[size_t(f.fn)];
    bool top = i + 1 == frames_.size();
    int32_t pc = top ? f.pc : f.pc + 1;
    if (pc < 0 || size_t(pc) >= fn.code.size() || fn.live_words == 0) continue;
    int32_t limit_slot = top ? INT32_MAX : int32_t(frames_[i + 1].base - f.base);
    // whole values only: a slice live for a later len() holds nothing the views could show
    const uint64_t* live = fn.live_full.data() + size_t(pc) * size_t(fn.live_words);
    for (size_t r = 0; r < fn.ref_slots.size(); ++r) {
      int32_t s = fn.ref_slots[r];
      if (s >= limit_slot || !(live[r / 64] >> (r % 64) & 1)) continue;
      const std::string& name = fn.slot_names[size_t(s)];
      const Word w = stack_[f.base + uint32_t(s)];
      if (!name.empty()) walk(name, fn.slot_types[size_t(s)], w, 0);
      else if (fn.cat_at(pc, s) == SlotCat::Map && w < maps_.size() && maps_[w].map)
        walk(fn.name.substr(5) + ".(temp)", maps_[w].type, w, 0);
    }
  }
  // maps held only where the walk did not look are listed by id; a handful is enough for
  // the views (a program may hold thousands)
  size_t extra = 0;
  for (size_t i = 1; i < maps_.size() && extra < 8; ++i)
    if (maps_[i].map && !seen[i] && maps_[i].mark == epoch_) {
      ++extra;
      seen[i] = 1;
      out.push_back(VmMap{"map#" + std::to_string(maps_[i].id), maps_[i].map.get(), maps_[i].id});
    }
  return out;
}

}  // namespace lang
