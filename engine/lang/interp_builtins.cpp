// interp_builtins.cpp — the VM's builtins and package calls (Builtin: len/cap/copy/min/max,
// print, fmt, log, runtime, runtime/debug, strconv, strings, time, math/rand, sort, slices),
// package time's clock and sleep, math/rand's generator, panics with runtime/panic.go's
// text, and allocation on the simulated heap (alloc, heap_alloc_ok).
//
// [SECTION] time and rand
// [SECTION] panics and allocation
// [SECTION] builtins
#include "engine/lang/interp.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "engine/lang/gofmt.h"
#include "engine/lang/interp_impl.h"
#include "engine/lang/lexer.h"
#include "engine/lang/unicode_tables.h"

namespace lang {

using namespace vm_internal;

// [SECTION] time and rand
gotime::Time Interpreter::time_of(Word w) const {
  return gotime::Time{uint64_t(obj_get(uint32_t(w), 0)), int64_t(obj_get(uint32_t(w), 1))};
}

// load_time_local is time's initLocal (time/zoneinfo_unix.go), run once by the first call
// that needs the Local zone (Time.String, a log line with a date or time and no LUTC). Its
// allocations, as mallocgc sees them with the oracle's environment (GOMAXPROCS=2 only) and
// /etc/localtime = UTC's 114-byte TZif file (the Go playground's zone), measured the same
// on every release 1.19–1.27: 10 mallocs, 592 B; after the next GC 6 objects, 336 B live.
void Interpreter::load_time_local() {
  if (time_local_loaded_) return;
  time_local_loaded_ = true;
  struct Alloc { uint64_t size; bool noscan; bool kept; };
  static constexpr Alloc kInitLocal[] = {
      {48, false, true},     // syscall.Getenv("TZ"): copyenv's env map (hmap / Swiss Map header)
      {208, false, true},    //   its bucket (group) for the one variable, map[string]int
      {14, true, false},     // loadTzinfoFromDirOrZip: dir + "/" + name, "/etc/localtime" (tiny)
      {15, true, false},     // syscall.Open: BytePtrFromString of the path (tiny)
      {128, true, false},    // readFile: append of the file's 114 bytes
      {4, true, true},       // LoadLocationFromTZData: extend, string(footer) "UTC0" (tiny)
      {32, false, true},     //   zones := make([]zone, 1)
      {3, true, true},       //   zones[0].name, "UTC" (tiny)
      {16, true, true},      //   tx = append(tx, zoneTrans{when: alpha})
      {112, false, false},   //   &Location{…}: copied into localLoc, then garbage
  };
  for (const Alloc& a : kInitLocal) {
    if (a.kept) heap_.alloc_runtime(a.size, a.noscan);
    else alloc(a.size, a.noscan);
    if (status_ != VmStatus::Running) return;
  }
}

// time_string_alloc allocates what Time.String (time/format.go) does for its text: the Local
// zone once, Format's string, and for a monotonic reading `s += string(buf)` (" m=±…": the
// conversion and the concatenation). Measured 3 mallocs on 1.19, 1.24, 1.27. Returns the result's.
heap::ObjId Interpreter::time_string_alloc(const std::string& text) {
  load_time_local();
  const size_t m = text.find(" m=");
  if (status_ == VmStatus::Running && m != std::string::npos) {
    alloc(m, true);
    if (status_ == VmStatus::Running) alloc(text.size() - m, true);
  }
  return status_ == VmStatus::Running ? alloc(text.size(), true) : heap::kNil;
}

// sleep is time.Sleep: the clock moves, and sysmon starts a GC cycle whenever two minutes
// pass after the last one ended (runtime/proc.go forcegcperiod; none before the first
// cycle, none with GOGC off). Measured: 130 s asleep after runtime.GC() adds one cycle,
// Go 1.19 and 1.24.
void Interpreter::sleep(int64_t d) {
  if (d <= 0) return;
  constexpr int64_t kForceGcPeriod = 120'000'000'000;
  const int64_t wake = clock_ns_ > INT64_MAX - d ? INT64_MAX : clock_ns_ + d;
  auto note_cycles = [&] {
    // the clock stands still between sleeps, so a cycle since the last look ran at clock_ns_
    const uint32_t n = heap_.num_gc();
    if (n != gcs_seen_) {
      gcs_seen_ = n;
      last_gc_clock_ = clock_ns_;
    }
  };
  note_cycles();
  while (heap_.gc_percent() >= 0 && gcs_seen_ > 0 && wake - last_gc_clock_ > kForceGcPeriod &&
         status_ == VmStatus::Running) {
    clock_ns_ = last_gc_clock_ + kForceGcPeriod + 1;
    pinned_.clear();
    pinned_bigs_.clear();
    heap_.gc_periodic();
    note_cycles();
  }
  clock_ns_ = wake;
}

uint64_t Interpreter::RandSource::uint64() { return rng ? rng->uint64() : splitmix64(*runtime_state); }

// new_rng_source: an rngSource seeded as rand.NewSource(seed) seeds it; its index
uint32_t Interpreter::new_rng_source(int64_t seed) {
  if (free_rng_sources_.empty()) {
    rng_sources_.emplace_back().seed(seed);
    return uint32_t(rng_sources_.size() - 1);
  }
  const uint32_t i = free_rng_sources_.back();
  free_rng_sources_.pop_back();
  rng_sources_[i].seed(seed);
  return i;
}

// global_rand_source: what the top-level functions draw from (rand.go globalRand): Go 1.19's
// rngSource seeded with 1 at init (the same numbers every run), or from Go 1.20 the runtime's
// generator until rand.Seed (up to 1.23) gives them an rngSource of its seed.
Interpreter::RandSource Interpreter::global_rand_source() {
  if (global_rng_ < 0 && profile_.rand_source_at_init) global_rng_ = int32_t(new_rng_source(1));
  return RandSource{global_rng_ < 0 ? nullptr : &rng_sources_[size_t(global_rng_)], &rand_state_};
}

Word Interpreter::new_time(const gotime::Time& t) {
  const uint32_t o = zero_agg(prog_.time_type);
  obj_set(o, 0, Word(t.wall));
  obj_set(o, 1, Word(t.ext));
  return o;
}

// rand_first_call: Go 1.20+'s first top-level math/rand call makes the global generator and
// stores GODEBUG's randautoseed in internal/godebug's cache (Profile::rand_first_call).
bool Interpreter::rand_first_call() {
  for (const runtime::Profile::SizedAlloc& a : profile_.rand_first_call) alloc(a.size, a.noscan);
  return status_ == VmStatus::Running;
}

// rand_method: a *rand.Rand's method (a: the receiver, then the arguments), drawing from
// its source: no global generator is set up (measured: 0 mallocs on 1.24/1.27).
bool Interpreter::rand_method(const CallSite& cs, const Word* a, size_t n, Word* R, int32_t dst) {
  const uint32_t r = uint32_t(a[0]);
  if (r == 0) { panic("runtime error: invalid memory address or nil pointer dereference"); return false; }
  const Word src = obj_get(r, 0);
  if (src == 0 || objs_[src].type != prog_.rngsource_type) { panic("rand: a *rand.Rand needs a source from rand.NewSource in the playground"); return false; }
  math_rand::RngSource& rng = rng_source(src);
  RandReadState read{int64_t(obj_get(r, 2)), int64_t(obj_get(r, 3))};   // Rand's readVal, readPos
  bool ok = true;
  if (cs.fn == Builtin::RandSeed) {   // (*Rand).Seed: r.src.Seed(seed); r.readPos = 0
    rng.seed(int64_t(a[1]));
    read.pos = 0;
  } else {
    ok = rand_draw(cs.fn, RandSource{&rng, &rand_state_}, read, a + 1, n - 1, R, dst);
  }
  obj_set(r, 2, Word(read.val));
  obj_set(r, 3, Word(read.pos));
  return ok;
}

// rand_draw: a math/rand function or *Rand method other than Seed, as rand.go computes it
// from src's draws (math_rand.h; args: the arguments, the receiver dropped), its results in
// R[dst…]. False when it panicked (math/rand/rand.go's messages) or the heap refused Perm's
// slice.
bool Interpreter::rand_draw(Builtin fn, RandSource src, RandReadState& read, const Word* args, size_t n, Word* R, int32_t dst) {
  using namespace math_rand;
  const int64_t arg = n ? int64_t(args[0]) : 0;
  auto invalid = [this](const char* name) {
    panic(std::string("invalid argument to ") + name);
    return false;
  };
  Word v = 0;
  switch (fn) {
    case Builtin::RandInt: case Builtin::RandInt63: v = Word(src.int63()); break;
    case Builtin::RandIntn: if (arg <= 0) return invalid("Intn"); v = Word(rand_intn(src, arg)); break;
    case Builtin::RandInt63n: if (arg <= 0) return invalid("Int63n"); v = Word(rand_int63n(src, arg)); break;
    case Builtin::RandInt31: v = Word(int64_t(rand_int31(src))); break;
    case Builtin::RandInt31n:
      if (int32_t(arg) <= 0) return invalid("Int31n");
      v = Word(int64_t(rand_int31n(src, int32_t(arg))));
      break;
    case Builtin::RandUint32: v = Word(rand_uint32(src)); break;
    case Builtin::RandUint64: v = Word(src.uint64()); break;
    case Builtin::RandFloat64: v = of_f(rand_float64(src)); break;
    case Builtin::RandNormFloat64: v = of_f(rand_norm_float64(src)); break;
    case Builtin::RandExpFloat64: v = of_f(rand_exp_float64(src)); break;
    case Builtin::RandPerm: {
      // m := make([]int, n), filled as rand.go's Perm does: it escapes (returned), so the
      // array is on the heap; a negative n is makeslice's panic
      if (arg < 0) { panic("runtime error: makeslice: len out of range"); return false; }
      const uint64_t len = uint64_t(arg);
      const heap::ObjId h = alloc(len * 8, true);
      if (status_ != VmStatus::Running) return false;
      const uint32_t arr = new_obj(TypeTable::kInt, Backing, len, h);
      for (uint64_t i = 0; i < len; ++i) {
        const uint64_t j = uint64_t(rand_intn(src, int64_t(i + 1)));
        obj_set(arr, i, obj_get(arr, j));
        obj_set(arr, j, Word(i));
      }
      v = len ? new_slice(arr, 0, len, len) : 0;
      break;
    }
    case Builtin::RandRead: {   // Read(p): len(p) bytes, 7 from each Int63 (rand.go read), never an error
      uint64_t len = 0;
      if (const Word w = args[0]; w && w < slices_.size()) {
        const SliceEnt sl = slices_[w];
        len = sl.len;
        for (uint64_t i = 0; i < len; ++i) {
          if (read.pos == 0) {
            read.val = src.int63();
            read.pos = 7;
          }
          obj_set(sl.arr, sl.off + i, Word(uint8_t(read.val)));
          read.val >>= 8;
          --read.pos;
        }
      }
      if (dst >= 0) R[dst + 1] = 0;
      v = Word(len);
      break;
    }
    default: break;
  }
  if (dst >= 0) R[dst] = v;
  return true;
}

// emit_print hands one print's text to the host (stream 1 stdout, 2 stderr); a stepping
// host may stop the run after it.
void Interpreter::emit_print(int stream, const std::string& out) {
  ++prints_;
  if (host_) host_->print(stream, out);
  if (stop_after_print_) stop_now_ = true;
}

// [SECTION] panics and allocation
void Interpreter::limit(const std::string& msg) {
  if (status_ != VmStatus::Running) return;
  message_ = msg;
  exit_code_ = 1;
  status_ = VmStatus::Limit;
}

bool Interpreter::heap_alloc_ok(uint64_t bytes) {
  if (bytes > opt_.max_heap_bytes || heap_.heap_live() + bytes > opt_.max_heap_bytes) {
    limit("fatal error: runtime: out of memory (the simulated heap would exceed max_heap_bytes = " +
          std::to_string(opt_.max_heap_bytes) + ")");
    return false;
  }
  return true;
}


heap::ObjId Interpreter::alloc(uint64_t size, bool noscan) {
  if (size == 0) return heap::kNil;
  if (!heap_alloc_ok(size)) return heap::kNil;
  return heap_.alloc(size, noscan);
}

// [SECTION] builtins
namespace {
std::string itoa_base(int64_t v, int base) {
  bool neg = v < 0;
  uint64_t u = neg ? 0 - uint64_t(v) : uint64_t(v);
  std::string s = gofmt::utoa_base(u, base, false);
  return neg ? "-" + s : s;
}
}  // namespace

bool Interpreter::builtin(const Instr& in, Word* R) {
  const CallSite* site = &prog_.calls[size_t(in.d)];
  const Word* a = R + in.b;
  size_t n = size_t(in.c);
  CallSite spread_site;
  std::vector<Word> spread_words;
  if (site->spread) {   // fmt.Println(xs...): the slice's elements are the arguments
    spread_args(*site, a, n, spread_site, spread_words);
    site = &spread_site;
    a = spread_words.data();
    n = spread_words.size();
  }
  const CallSite& cs = *site;
  auto result = [&](Word w) { if (in.a >= 0) R[in.a] = w; };
  // fmt's printer runs on this goroutine's stack: newstack when it passes the guard (stack.h)
  if ((cs.fn >= Builtin::FmtPrint && cs.fn <= Builtin::FmtSprintf) || (cs.fn >= Builtin::FmtFprint && cs.fn <= Builtin::FmtFprintf))
    stack_grow(cur_, frames_.back().sp + 8, kFmtStack);
  switch (cs.fn) {
    case Builtin::Print: case Builtin::Println: {
      // the builtin print writes to stderr with the runtime's own formatting
      std::string out;
      for (size_t i = 0; i < n; ++i) {
        if (i && cs.fn == Builtin::Println) out += ' ';
        TypeId t = cs.arg_types[i];
        Kind k = T.kind(t);
        if (k == Kind::Float64) {
          char b[64];
          snprintf(b, sizeof b, "%+e", as_f(a[i]));
          std::string s = b;   // Go prints 3 exponent digits: +1.500000e+000
          size_t e = s.find('e');
          if (e != std::string::npos && s.size() - e == 4) s.insert(e + 2, "0");
          out += s;
        } else if (k == Kind::Pointer || k == Kind::Map || k == Kind::Slice) {
          out += "0xc" + gofmt::utoa_base(0x10000000ull + a[i] * 16, 16, false);
        } else if (t == prog_.duration_type) {
          out += itoa_base(int64_t(a[i]), 10);   // the runtime's print knows no String()
        } else {
          fmt_value(out, t, a[i], 'v', false, false, 0, false);
        }
      }
      if (cs.fn == Builtin::Println) out += '\n';
      emit_print(2, out);
      return status_ == VmStatus::Running;
    }
    case Builtin::FmtPrint: case Builtin::FmtPrintln: case Builtin::FmtPrintf: {
      std::string out;
      if (!format_args(cs, a, n, cs.fn == Builtin::FmtPrintf, cs.fn == Builtin::FmtPrintln, out)) return false;
      emit_print(1, out);
      return status_ == VmStatus::Running;
    }
    case Builtin::FmtSprint: case Builtin::FmtSprintln: case Builtin::FmtSprintf:
    case Builtin::FmtFprint: case Builtin::FmtFprintln: case Builtin::FmtFprintf: {
      std::string out;
      const bool f = cs.fn == Builtin::FmtSprintf || cs.fn == Builtin::FmtFprintf;
      const bool ln = cs.fn == Builtin::FmtSprintln || cs.fn == Builtin::FmtFprintln;
      if (!format_args(cs, a, n, f, ln, out)) return false;
      R = stack_.data() + frames_.back().base;   // the stack may have moved (call_nested)
      const bool sprint = cs.fn == Builtin::FmtSprint || cs.fn == Builtin::FmtSprintln || cs.fn == Builtin::FmtSprintf;
      // string(p.buf): runtime/string.go slicebytetostring, nothing for "" and a one-byte string (staticuint64s)
      heap::ObjId data = out.size() <= 1 || !sprint ? heap::kNil : alloc(out.size(), true);
      if (status_ != VmStatus::Running) return false;
      result(new_str(std::move(out), data));
      return true;
    }
    case Builtin::LogPrint: case Builtin::LogPrintln: case Builtin::LogPrintf:
    case Builtin::LogFatal: case Builtin::LogFatalln: case Builtin::LogFatalf: {
      std::string out;
      bool f = cs.fn == Builtin::LogPrintf || cs.fn == Builtin::LogFatalf;
      bool ln = cs.fn == Builtin::LogPrintln || cs.fn == Builtin::LogFatalln;
      if (!format_args(cs, a, n, f, ln, out)) return false;
      // up to Go 1.20 log formats with fmt.Sprint*: the string; from 1.21 fmt.Append* into its buffer
      if (!out.empty() && !profile_.library.log_buffer_pool) alloc(out.size(), true);
      if (status_ != VmStatus::Running) return false;
      const bool adds_newline = out.empty() || out.back() != '\n';
      if (adds_newline) out += '\n';
      {
        // log.go formatHeader: prefix, date/time (printed only with Options::log_timestamps:
        // real runs differ in them; the buffer holds them anyway), file:line, or the prefix
        // before the message (Lmsgprefix)
        if ((log_flags_ & 7) && !(log_flags_ & 32)) load_time_local();   // Ldate|Ltime|Lmicroseconds, no LUTC
        if (status_ != VmStatus::Running) return false;
        const std::string stamp = gotime::log_stamp(clock_ns_, log_flags_);
        std::string header = log_flags_ & 64 ? "" : log_prefix_;
        std::string in_buffer = header + stamp;
        if (opt_.log_timestamps) header += stamp;
        if (log_flags_ & (8 | 16)) {
          const std::string where = opt_.file + ":" + std::to_string(current_line()) + ": ";
          header += where;
          in_buffer += where;
        }
        if (log_flags_ & 64) {
          header += log_prefix_;
          in_buffer += log_prefix_;
        }
        log_buffer_write(in_buffer, out.size() - adds_newline, adds_newline);
        if (status_ != VmStatus::Running) return false;
        out = header + out;
      }
      emit_print(2, out);
      if (status_ != VmStatus::Running) return false;
      if (cs.fn == Builtin::LogFatal || cs.fn == Builtin::LogFatalln || cs.fn == Builtin::LogFatalf) {
        exit_code_ = 1;
        status_ = VmStatus::Finished;
        return false;
      }
      return true;
    }
    case Builtin::Panic: {
      // the value as an interface (convT*: box_args's allocation), its text at death
      // (interp_defer.cpp panic_value_text)
      box_args(cs, a);
      if (status_ != VmStatus::Running) return false;
      const TypeId t = cs.arg_types[0];
      Word v = a[0];
      if (T.kind(t) == Kind::UntypedNil) v = 0;
      else if (T.kind(t) != Kind::Interface) v = to_iface(t, T.is_aggregate(t) ? copy_obj(uint32_t(v)) : v, heap::kNil);
      if (ret_floor_ != 0) {   // inside a builtin's nested call: no unwinding through it
        PanicRec p;
        p.value = v;
        fatal_panic("panic: " + panic_value_text(p), false);
        return false;
      }
      start_panic(v, v == 0 ? "nil" : "");
      return false;
    }
    case Builtin::Recover:
      result(recover_value());
      return true;
    case Builtin::RuntimeGC: case Builtin::FreeOSMemory:
      pinned_.clear();
      pinned_bigs_.clear();
      // either ends before the next operation (Interpreter::run)
      if (cs.fn == Builtin::FreeOSMemory) heap_.free_os_memory();
      else heap_.gc(/*resumable=*/true);
      // the finalizers the cycle queued run on an idle P while runtime.GC finishes
      // (finalizers.cpp): once the cycle has ended, the scheduler runs them first
      if (fing_ != kNoG) parked_ = 4;
      return true;
    case Builtin::ReadMemStats: {
      uint32_t p = uint32_t(a[0]);
      if (p == 0) { panic("runtime error: invalid memory address or nil pointer dereference"); return false; }
      heap_.advance();   // the runtime's background work (the scavenger) up to now
      heap_.flush_mcaches();
      heap::MemStats ms = heap_.read_memstats();
      const std::vector<std::string>& f = prog_.memstats_fields;
      for (size_t i = 0; i < f.size(); ++i) {
        const std::string& nm = f[i];
        Word w = 0;
#define MS(x) else if (nm == #x) w = Word(ms.x);
        if (false) {}
        MS(Alloc) MS(TotalAlloc) MS(Sys) MS(Lookups) MS(Mallocs) MS(Frees) MS(HeapAlloc) MS(HeapSys)
        MS(HeapIdle) MS(HeapInuse) MS(HeapReleased) MS(HeapObjects) MS(StackInuse) MS(StackSys)
        MS(MSpanInuse) MS(MSpanSys) MS(MCacheInuse) MS(MCacheSys) MS(BuckHashSys) MS(GCSys)
        MS(OtherSys) MS(NextGC) MS(LastGC) MS(PauseTotalNs) MS(NumGC) MS(NumForcedGC)
        MS(EnableGC) MS(DebugGC)
        else if (nm == "GCCPUFraction") w = of_f(ms.GCCPUFraction);
        else if (nm == "BySize") {
          // [61]struct{Size uint32; Mallocs, Frees uint64}: nested aggregates, materialised
          uint32_t arr = uint32_t(obj_get(p, i));
          if (arr == 0) {
            arr = zero_agg(obj_elem_type(objs_[p], i));
            obj_set(p, i, arr);
          }
          const heap::BySize by_size = heap_.read_by_size();
          for (size_t c = 0; c < by_size.size(); ++c) {
            uint32_t e = uint32_t(obj_get(arr, c));
            if (e == 0) {
              e = zero_agg(obj_elem_type(objs_[arr], c));
              obj_set(arr, c, e);
            }
            obj_set(e, 0, Word(by_size[c].Size));
            obj_set(e, 1, Word(by_size[c].Mallocs));
            obj_set(e, 2, Word(by_size[c].Frees));
          }
          continue;
        }
        else continue;
#undef MS
        obj_set(p, i, w);
      }
      return true;
    }
    case Builtin::SetGCPercent: result(Word(int64_t(heap_.set_gc_percent(int(std::clamp<int64_t>(int64_t(a[0]), INT32_MIN, INT32_MAX)))))); return true;
    case Builtin::SetMemoryLimit: result(Word(heap_.set_memory_limit(int64_t(a[0])))); return true;
    case Builtin::GoMaxProcs: result(Word(int64_t(heap_.set_gomaxprocs(int(int64_t(a[0])))))); return true;
    case Builtin::NumGoroutine: result(live_goroutines()); return true;
    case Builtin::SetFinalizer: return set_finalizer(cs, a);   // finalizers.cpp
    case Builtin::CoroNew: return coro_new(a[0], int32_t(a[1]));   // sched.cpp
    case Builtin::CoroSwitch: return coro_switch(a[0]);
    case Builtin::WgAdd: case Builtin::WgDone: case Builtin::WgWait: case Builtin::MutexLock:
    case Builtin::MutexUnlock: case Builtin::MutexTryLock: case Builtin::RLock: case Builtin::RUnlock:
    case Builtin::OnceBegin: case Builtin::OnceEnd: case Builtin::Gosched:
      return sync_builtin(cs, in, R);
    case Builtin::TimerAfter: case Builtin::TimerTick: case Builtin::NewTicker: case Builtin::NewTimer:
    case Builtin::TimerStop: case Builtin::TimerReset:
      return timer_builtin(cs, in, R);
    case Builtin::Itoa: case Builtin::FormatInt: {
      int64_t v = int64_t(a[0]);
      int base = cs.fn == Builtin::FormatInt ? int(int64_t(a[1])) : 10;
      if (base < 2 || base > 36) { panic("strconv: illegal AppendInt/FormatInt base"); return false; }
      std::string s = itoa_base(v, base);
      // strconv: 0 <= v < 100 in base 10 come from a static table (small(i)); others allocate
      heap::ObjId data = (base == 10 && v >= 0 && v < 100) ? heap::kNil : alloc(s.size(), true);
      if (status_ != VmStatus::Running) return false;
      result(new_str(std::move(s), data));
      return true;
    }
    case Builtin::Atoi: {
      // strconv.Atoi: (int, error); a failure's error is a *NumError (strconv/atoi.go)
      const std::string& s = str(a[0]);
      size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
      const bool neg = i == 1 && s[0] == '-';
      bool syntax = i == s.size(), range = false;
      uint64_t u = 0;
      for (; i < s.size() && !syntax; ++i) {
        if (s[i] < '0' || s[i] > '9') { syntax = true; break; }
        const uint64_t d = uint64_t(s[i] - '0');
        if (u > (UINT64_MAX - d) / 10) range = true;
        else u = u * 10 + d;
      }
      if (!range && (neg ? u > (uint64_t(1) << 63) : u > uint64_t(INT64_MAX))) range = true;
      Word v = syntax ? 0 : range ? Word(neg ? INT64_MIN : INT64_MAX) : neg ? Word(0 - u) : Word(u);
      Word err = 0;
      if (syntax || range) {
        // a range error is made twice (ParseUint's, then ParseInt's own) up to Go 1.26
        if (range && !syntax && profile_.library.range_error_made_twice) num_error("ParseUint", a[0], true);
        if (status_ != VmStatus::Running) return false;
        err = num_error("Atoi", a[0], range && !syntax);
        if (status_ != VmStatus::Running) return false;
      }
      R[in.a] = v;
      R[in.a + 1] = err;
      return true;
    }
    case Builtin::CryptoRandRead: {
      // crypto/rand.Read: bytes from a generator of the run's own (the seed knob gives other
      // bytes; real Go's are the kernel's); the first call's allocations are the release's
      if (!crypto_used_) {
        crypto_used_ = true;
        crypto_state_ = opt_.seed ^ 0x6a09e667f3bcc908ull;
        for (uint64_t size : profile_.library.crypto_first_read) {
          alloc(size, false);
          if (status_ != VmStatus::Running) return false;
        }
      }
      const Word w = a[0];
      uint64_t n = 0;
      if (w && w < slices_.size()) {
        const SliceEnt sl = slices_[w];
        n = sl.len;
        for (uint64_t i = 0; i < n; ++i) {
          crypto_state_ += 0x9e3779b97f4a7c15ull;   // splitmix64
          uint64_t z = crypto_state_;
          z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
          z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
          obj_set(sl.arr, sl.off + i, Word((z ^ (z >> 31)) & 0xff));
        }
      }
      R[in.a] = n;
      R[in.a + 1] = 0;
      return true;
    }
    case Builtin::ErrorsIs: {
      // errors.Is (errors/wrap.go): err == target, or target is in err's tree
      const Word err = a[0], target = a[1];
      if (err == 0 || target == 0) {
        result(err == target);
        return true;
      }
      bool found = false;
      nested_roots_.push_back({prog_.error_type, target});
      const bool ok = errors_is(err, target, T.comparable(objs_[target].type), found);
      nested_roots_.pop_back();
      if (!ok) return false;
      result(found);
      return true;
    }
    case Builtin::FmtWrapErrors: {
      const Word w = wrap_errors(a[0], a + 1, n - 1);
      if (status_ != VmStatus::Running) return false;
      result(w);
      return true;
    }
    case Builtin::ErrorsUnwrap: {
      Word next = 0;
      if (!errors_unwrap(a[0], next)) return false;
      result(next);
      return true;
    }
    case Builtin::StrconvErr: result(strconv_error(a[0] != 0)); return true;
    case Builtin::ErrorsAs: {
      // errors.As: the first error in the chain whose type is the target's (or implements
      // the target interface) is stored through the pointer (errors/wrap.go)
      const TypeId tt = T.u(cs.arg_types[1]).elem;
      Word p = a[1];
      if (p == 0) { panic("errors: target must be a non-nil pointer"); return false; }
      nested_roots_.push_back({cs.arg_types[1], a[1]});
      bool found = false;
      const bool ok = errors_as(a[0], tt, p, cs.arg_types[1], found);
      nested_roots_.pop_back();
      if (!ok) return false;
      result(found);
      return true;
    }
    case Builtin::ErrorsAsType: {
      // errors.AsType[E](err) (Go 1.26+): (E, bool); a[1] is a nil *E naming the pointer type
      const TypeId tt = cs.result;
      Word p = 0;   // ppe: new(E) once an As method is met
      Word v = 0;
      bool found = false;
      const size_t mark = nested_roots_.size();
      const bool ok = errors_as(a[0], tt, p, cs.arg_types[1], found, &v);
      nested_roots_.resize(mark);
      if (!ok) return false;
      if (!found) v = T.is_aggregate(tt) ? Word(zero_agg(tt)) : 0;
      R[in.a] = v;
      R[in.a + 1] = found;
      return true;
    }
    case Builtin::TimeNow: result(new_time(gotime::now(clock_ns_))); return true;
    case Builtin::TimeSince: result(Word(gotime::sub(gotime::now(clock_ns_), time_of(a[0])))); return true;
    case Builtin::TimeSleep:
      if (int64_t(a[0]) <= 0) return true;
      if (!sleep_timer()) return false;   // gp.timer and the P's timer heap (sched.cpp)
      if (others_may_run()) {   // others may run meanwhile: a timer (sched.cpp)
        sleep_goroutine(int64_t(a[0]));
        return true;
      }
      sleep(int64_t(a[0]));
      sleep_done(cur_);
      return status_ == VmStatus::Running;
    case Builtin::TimeSub: result(Word(gotime::sub(time_of(a[0]), time_of(a[1])))); return true;
    case Builtin::TimeAdd: result(new_time(gotime::add(time_of(a[0]), int64_t(a[1])))); return true;
    case Builtin::TimeBefore: result(gotime::compare(time_of(a[0]), time_of(a[1])) < 0); return true;
    case Builtin::TimeAfter: result(gotime::compare(time_of(a[0]), time_of(a[1])) > 0); return true;
    case Builtin::TimeEqual: result(gotime::compare(time_of(a[0]), time_of(a[1])) == 0); return true;
    case Builtin::TimeUnix: result(Word(gotime::unix_sec(time_of(a[0])))); return true;
    case Builtin::TimeUnixMilli:
      result(Word(gotime::unix_sec(time_of(a[0])) * 1000 + gotime::nanosecond(time_of(a[0])) / 1'000'000));
      return true;
    case Builtin::TimeUnixNano:
      result(Word(gotime::unix_sec(time_of(a[0])) * 1'000'000'000 + gotime::nanosecond(time_of(a[0]))));
      return true;
    case Builtin::DurSeconds: case Builtin::DurMinutes: case Builtin::DurHours: {
      // Go splits off whole units first so that the float keeps the nanoseconds' precision
      const int64_t d = int64_t(a[0]);
      const int64_t unit = cs.fn == Builtin::DurSeconds ? 1'000'000'000 : cs.fn == Builtin::DurMinutes ? 60'000'000'000 : 3'600'000'000'000;
      result(of_f(double(d / unit) + double(d % unit) / double(unit)));
      return true;
    }
    case Builtin::DurMilliseconds: result(Word(int64_t(a[0]) / 1'000'000)); return true;
    case Builtin::DurMicroseconds: result(Word(int64_t(a[0]) / 1'000)); return true;
    case Builtin::DurNanoseconds: result(a[0]); return true;
    case Builtin::DurString: case Builtin::TimeString: {
      std::string text;
      stringer_text(cs.fn == Builtin::DurString ? prog_.duration_type : prog_.time_type, a[0], text);
      const heap::ObjId data = cs.fn == Builtin::TimeString ? time_string_alloc(text)
                               : text == "0s"               ? heap::kNil
                                                            : alloc(text.size(), true);
      if (status_ != VmStatus::Running) return false;
      result(new_str(std::move(text), data));
      return true;
    }
    case Builtin::RandInt: case Builtin::RandIntn: case Builtin::RandInt31: case Builtin::RandInt31n:
    case Builtin::RandInt63: case Builtin::RandInt63n: case Builtin::RandUint32: case Builtin::RandUint64:
    case Builtin::RandFloat64: case Builtin::RandSeed: case Builtin::RandNormFloat64: case Builtin::RandExpFloat64:
    case Builtin::RandPerm: case Builtin::RandRead: {
      if (!cs.arg_types.empty() && cs.arg_types[0] == prog_.rand_ptr_type) return rand_method(cs, a, n, R, in.a);
      if (!rand_used_ && !profile_.rand_source_at_init && !rand_first_call()) return false;
      rand_used_ = true;
      if (cs.fn != Builtin::RandSeed) return rand_draw(cs.fn, global_rand_source(), global_read_, a, n, R, in.a);
      // rand.Seed: the top-level functions draw from an rngSource of that seed (rand.go
      // lockedSource.seedPos, the Rand's readPos reset), until Go 1.24, where it does nothing
      if (!profile_.rand_seed_is_noop) {
        if (global_rng_ < 0) global_rng_ = int32_t(new_rng_source(int64_t(a[0])));
        else rng_sources_[size_t(global_rng_)].seed(int64_t(a[0]));
        global_read_.pos = 0;
      }
      return true;
    }
    case Builtin::RandNewSource: {
      // rand.NewSource: &rngSource{} on the heap (4 872 B), seeded as rng.go seeds it; its
      // state lives in rng_sources_, the object holds its index
      const TypeId rng = T.u(prog_.rngsource_type).elem;
      const heap::ObjId h = alloc(T.u(rng).size, true);
      if (status_ != VmStatus::Running) return false;
      const uint32_t o = new_obj(rng, Agg, 0, h);
      obj_set(o, 0, Word(new_rng_source(int64_t(a[0]))));
      result(to_iface(prog_.rngsource_type, o, heap::kNil));
      return true;
    }
    case Builtin::LogSetFlags: log_flags_ = int(int64_t(a[0])); return true;
    case Builtin::LogSetPrefix: log_prefix_ = str(a[0]); return true;
    case Builtin::LogFlags: result(Word(int64_t(log_flags_))); return true;
    case Builtin::SortSwapper: {
      // sort.Slice's reflectlite.ValueOf(x) and Swapper(x) (internal/reflectlite/swapper.go):
      // x boxed into an interface (convTslice), then for 2+ elements the swap closure — over
      // its fast paths' slices (pointer-free elements of 8, 4, 2 or 1 bytes, a pointer, a
      // string) a 32-B closure, else a scratch element (unsafe_New; none for size 0) and a
      // 48-B closure. All garbage once the sort returns.
      alloc(24, false);
      const Word x = a[0];
      const uint64_t len = x && x < slices_.size() ? slices_[x].len : 0;
      if (a[1] && len > 1 && status_ == VmStatus::Running) {
        const TypeId elem = T.u(cs.arg_types[0]).elem;
        const Type& et = T.u(elem);
        const bool fast = et.ptrs ? et.size == 8 || T.kind(elem) == Kind::String
                                  : et.size == 8 || et.size == 4 || et.size == 2 || et.size == 1;
        if (!fast && et.size) alloc(et.size, !et.ptrs);
        alloc(fast ? 32 : 48, false);
      }
      return status_ == VmStatus::Running;
    }
    case Builtin::SortSlice: case Builtin::SortBoxed: case Builtin::SliceIsSorted: {
      if (cs.fn == Builtin::SortBoxed) {
        alloc(24, false);   // sort.Sort(IntSlice(x)): convTslice
        if (status_ != VmStatus::Running) return false;
      }
      const TypeId et = T.u(cs.arg_types[0]).elem;
      const SliceEnt s = a[0] ? slices_[a[0]] : SliceEnt{};
      std::vector<Word> items(size_t(s.len));
      for (uint64_t i = 0; i < s.len; ++i) items[size_t(i)] = obj_get(s.arr, s.off + i);
      // Go's orders: signed or unsigned integers, strings bytewise, float64 with NaNs first
      auto less = [&](Word x, Word y) {
        if (T.kind(et) == Kind::String) return str(x) < str(y);
        if (T.kind(et) == Kind::Float64) {
          const double fx = as_f(x), fy = as_f(y);
          return fx < fy || (std::isnan(fx) && !std::isnan(fy));
        }
        if (T.is_unsigned(et)) return x < y;
        return int64_t(x) < int64_t(y);
      };
      if (cs.fn == Builtin::SliceIsSorted) {
        result(std::is_sorted(items.begin(), items.end(), less));
        return true;
      }
      std::stable_sort(items.begin(), items.end(), less);
      for (uint64_t i = 0; i < s.len; ++i) obj_set(s.arr, s.off + i, items[size_t(i)]);
      return true;
    }
    case Builtin::StringsRepeat: {
      const std::string& unit = str(a[0]);
      const int64_t count = int64_t(a[1]);
      if (count < 0) { panic("strings: negative Repeat count"); return false; }
      if (count > 0 && unit.size() > uint64_t(INT64_MAX) / uint64_t(count)) { panic("strings: Repeat output length overflow"); return false; }
      const uint64_t n = unit.size() * uint64_t(count);
      // the simulator keeps a string's bytes: refuse what it could not hold
      if (n > opt_.max_sim_memory / 2) {
        limit("gomapsim: strings.Repeat of " + std::to_string(n >> 20) + " MiB is more than the simulator keeps (max_sim_memory " + std::to_string(opt_.max_sim_memory >> 20) + " MiB); the run was stopped");
        return false;
      }
      // strings.Builder.Grow(n): one noscan allocation of n bytes (none for "")
      heap::ObjId data = n ? alloc(n, true) : heap::kNil;
      if (status_ != VmStatus::Running) return false;
      std::string s;
      s.reserve(size_t(n));
      for (int64_t i = 0; i < count && !unit.empty(); ++i) s += unit;
      result(new_str(std::move(s), data));
      return true;
    }
    case Builtin::StringsClone: {
      // strings.Clone (Go 1.18): a fresh copy of the bytes, one noscan allocation of len(s)
      // (none for ""), so that a substring no longer keeps its whole input alive.
      std::string s = str(a[0]);
      heap::ObjId data = s.empty() ? heap::kNil : alloc(s.size(), true);
      if (status_ != VmStatus::Running) return false;
      result(new_str(std::move(s), data));
      return true;
    }
    case Builtin::StringsView: {   // strings.Builder.String: unsafe.String(&buf[0], len(buf)), no copy
      std::string s;
      heap::ObjId data = heap::kNil;
      if (a[0] && a[0] < slices_.size() && slices_[a[0]].live) {
        const SliceEnt e = slices_[a[0]];
        for (uint64_t i = 0; i < e.len; ++i) s += char(obj_get(e.arr, e.off + i));
        data = objs_[e.arr].hobj;
      }
      result(s.empty() ? 0 : new_str(std::move(s), data));
      return true;
    }
    case Builtin::OsWrite:   // (*os.File).WriteString: the text written to the fd at once (os_pkg.h)
      emit_print(int(a[0]), str(a[1]));
      return status_ == VmStatus::Running;
    case Builtin::OsExit:   // os.Exit: the program ends here; deferred calls do not run
      exit_code_ = int(int64_t(a[0]));
      status_ = VmStatus::Finished;
      return false;
    case Builtin::RoundUpSize:   // runtime/msize.go roundupsize(n, noscan): the size class
      result(heap_.roundupsize(a[0], true));
      return true;
    case Builtin::SyncHash: {   // sync.Map's keyHash (the map type's hasher: interhash) with its seed
      const Word k = a[0];
      if (k != 0 && !T.comparable(objs_[uint32_t(k)].type)) {
        panic("runtime error: hash of unhashable type " + T.name(objs_[uint32_t(k)].type));
        return false;
      }
      result(maps::hash64(hash_word(cs.arg_types[0], k), a[1]));
      return true;
    }
    case Builtin::Unicode: {   // package unicode (compiler_packages.cpp unicode_call): rune, op, Go minor
      const UnicodeTables& t = unicode_tables(int(a[2]));
      const int64_t r = int32_t(a[0]);
      switch (UnicodeOp(a[1])) {
        case UnicodeOp::IsLetter: result(unicode_is(t.letter, r)); break;
        case UnicodeOp::IsDigit: result(unicode_is(t.digit, r)); break;
        case UnicodeOp::IsSpace: result(unicode_is(t.white_space, r)); break;
        case UnicodeOp::IsUpper: result(unicode_is(t.upper, r)); break;
        case UnicodeOp::IsLower: result(unicode_is(t.lower, r)); break;
        case UnicodeOp::ToUpper: result(Word(unicode_to(t, r, true))); break;
        case UnicodeOp::ToLower: result(Word(unicode_to(t, r, false))); break;
      }
      return true;
    }
    case Builtin::Math: {   // package math (compiler_packages.cpp math_call): the op is the last argument
      const double x = n > 1 ? as_f(a[0]) : 0, y = n > 2 ? as_f(a[1]) : 0;
      const double go_nan = as_f(0x7FF8000000000001ull);   // math.NaN's bits (math/bits.go uvnan)
      switch (MathOp(a[n - 1])) {
        case MathOp::Sqrt: result(of_f(std::sqrt(x))); break;
        case MathOp::Floor: result(of_f(std::floor(x))); break;
        case MathOp::Ceil: result(of_f(std::ceil(x))); break;
        case MathOp::Trunc: result(of_f(std::trunc(x))); break;
        case MathOp::Round: result(of_f(std::round(x))); break;   // half away from zero, as math.Round
        case MathOp::RoundToEven: result(of_f(std::nearbyint(x))); break;   // the default rounding mode: to even
        case MathOp::Abs: result(of_f(std::fabs(x))); break;
        case MathOp::Exp: result(of_f(std::exp(x))); break;
        case MathOp::Exp2: result(of_f(std::exp2(x))); break;
        case MathOp::Log: result(of_f(std::log(x))); break;
        case MathOp::Log2: result(of_f(std::log2(x))); break;
        case MathOp::Log10: result(of_f(std::log10(x))); break;
        case MathOp::Log1p: result(of_f(std::log1p(x))); break;
        case MathOp::Sin: result(of_f(std::sin(x))); break;
        case MathOp::Cos: result(of_f(std::cos(x))); break;
        case MathOp::Tan: result(of_f(std::tan(x))); break;
        case MathOp::Asin: result(of_f(std::asin(x))); break;
        case MathOp::Acos: result(of_f(std::acos(x))); break;
        case MathOp::Atan: result(of_f(std::atan(x))); break;
        case MathOp::Sinh: result(of_f(std::sinh(x))); break;
        case MathOp::Cosh: result(of_f(std::cosh(x))); break;
        case MathOp::Tanh: result(of_f(std::tanh(x))); break;
        case MathOp::Cbrt: result(of_f(std::cbrt(x))); break;
        case MathOp::Max:   // math.Max: +Inf beats NaN, NaN beats the rest, +0 beats -0
          if (std::isinf(x) && x > 0) result(of_f(x));
          else if (std::isinf(y) && y > 0) result(of_f(y));
          else if (std::isnan(x) || std::isnan(y)) result(of_f(go_nan));
          else if (x == 0 && y == 0) result(of_f(std::signbit(x) ? y : x));
          else result(of_f(x > y ? x : y));
          break;
        case MathOp::Min:
          if (std::isinf(x) && x < 0) result(of_f(x));
          else if (std::isinf(y) && y < 0) result(of_f(y));
          else if (std::isnan(x) || std::isnan(y)) result(of_f(go_nan));
          else if (x == 0 && y == 0) result(of_f(std::signbit(x) ? x : y));
          else result(of_f(x < y ? x : y));
          break;
        case MathOp::Pow: result(of_f(std::pow(x, y))); break;
        case MathOp::Mod: result(of_f(std::fmod(x, y))); break;
        case MathOp::Hypot: result(of_f(std::hypot(x, y))); break;
        case MathOp::Atan2: result(of_f(std::atan2(x, y))); break;
        case MathOp::Copysign: result(of_f(std::copysign(x, y))); break;
        case MathOp::Dim: result(of_f(std::isnan(x) || std::isnan(y) ? go_nan : (x - y <= 0 ? 0.0 : x - y))); break;
        case MathOp::Remainder: result(of_f(std::remainder(x, y))); break;
        case MathOp::IsNaN: result(std::isnan(x)); break;
        case MathOp::Signbit: result(std::signbit(x)); break;
        case MathOp::IsInf: {
          const int64_t sign = int64_t(a[1]);
          result(std::isinf(x) && (sign == 0 || (sign > 0) == (x > 0)));
          break;
        }
        case MathOp::Inf: result(of_f(int64_t(a[0]) >= 0 ? INFINITY : -INFINITY)); break;
        case MathOp::NaN: result(of_f(go_nan)); break;
        case MathOp::Float64bits: case MathOp::Float64frombits: result(a[0]); break;   // the same 64 bits
      }
      return true;
    }
    case Builtin::SameType:   // both non-nil (atomic.Value checks nil first): their boxes' types
      result(a[0] != 0 && a[1] != 0 && objs_[uint32_t(a[0])].type == objs_[uint32_t(a[1])].type);
      return true;
    case Builtin::SyncRand:   // runtime_rand: the run's seed, one number per map (not math/rand's)
      result(splitmix64(sync_rand_));
      return true;
    case Builtin::MapShape: {
      uint32_t m = uint32_t(a[0]);
      std::string s;
      if (m == 0 || m >= maps_.size() || !maps_[m].map) {
        s = profile_.map_impl == runtime::MapImpl::Swiss ? "len=0 dirLen=0 tables=0" : "len=0 B=0";
      } else {
        maps::MapShape sh = maps_[m].map->shape();
        if (sh.swiss) s = "len=" + std::to_string(sh.count) + " dirLen=" + std::to_string(sh.dir_len) + " tables=" + std::to_string(sh.tables);
        else s = "len=" + std::to_string(sh.count) + " B=" + std::to_string(sh.B);
      }
      result(new_str(std::move(s), heap::kNil));
      return true;
    }
    case Builtin::Min: case Builtin::Max: {
      TypeId t = cs.result;
      Word best = a[0];
      for (size_t i = 1; i < n; ++i) {
        bool less;
        Word w = a[i];
        Kind k = T.kind(t);
        if (k == Kind::String) less = str(w) < str(best);
        else if (k == Kind::Float64) less = as_f(w) < as_f(best);
        else if (T.is_unsigned(t)) less = w < best;
        else less = int64_t(w) < int64_t(best);
        if ((cs.fn == Builtin::Min) == less && w != best) best = w;
      }
      result(best);
      return true;
    }
    case Builtin::Copy: {
      // copy(dst, src): min(len) elements, overlapping ranges handled (memmove semantics)
      uint32_t d = uint32_t(a[0]);
      std::vector<Word> src;
      if (T.kind(cs.arg_types[1]) == Kind::String) {
        for (unsigned char ch : str(a[1])) src.push_back(ch);
      } else if (a[1]) {
        const SliceEnt sl = slices_[a[1]];
        for (uint64_t i = 0; i < sl.len; ++i) src.push_back(obj_get(sl.arr, sl.off + i));
      }
      uint64_t n = 0;
      if (d) {
        const SliceEnt dl = slices_[d];
        n = std::min<uint64_t>(dl.len, src.size());
        for (uint64_t i = 0; i < n; ++i) obj_set(dl.arr, dl.off + i, src[size_t(i)]);
      }
      result(n);
      return true;
    }
    default:
      panic("unsupported builtin");
      return false;
  }
}

}  // namespace lang
