#pragma once
// program.h — the compiled form of a Go-subset program: register bytecode per function.
//
// Models: what cmd/compile hands the runtime, reduced to what the simulator needs: code,
// frame layouts, the escape decisions of make/new/&T{} (escape.go) and the stack maps
// (liveness.go: which slots hold live pointers at each instruction).
//
// Terminology:
//   slot       one 64-bit register of a frame; locals and temporaries alike
//   Word       a slot's content: an integer's bits, a bool, a float's bits, or the index
//              of an interpreter pool entry (string, Obj = struct/array/pointee/backing
//              array, map, slice header, range iterator); 0 is always the zero value
//   SlotCat    what kind of pool index a slot holds, for the GC's root scan
//   site       an allocation site (make/new/&T{}/append/concat) or a builtin call site
//
// Layout:   Instr = { op, flags, k, a, b, c, d }   (20 bytes; a is usually the result)
//
//   caller frame   [ locals ... temps | args → callee frame [ params locals temps ] ]
//   A call's arguments are the callee's first slots; results come back in the same slots.
//
// Invariants:
//   1. Every jump target is inside the function's code.
//   2. live[pc] lists only slots whose SlotCat is not None.
//   3. A slot keeps one SlotCat for the whole function (temps are reused per category).
//
// Defers (runtime/panic.go): `defer` compiles to OpDefer, which records the call's
// arguments (a DeferSite's slots) on the goroutine's defer list, and a thunk: the call
// itself, compiled in place after a jump around it and ended by OpDeferRet. OpRunDefers,
// at every exit of a function with defers, runs this frame's records last first (each in
// the frame itself, its arguments put back in their slots); a panic runs them frame by
// frame and, recovered, resumes at the function's recover_pc (OpRunDefers; OpRet).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "engine/lang/types.h"

namespace lang {

using Word = uint64_t;

// as_f and of_f read and write a float64 Word (its IEEE 754 bits).
inline double as_f(Word w) { double d; std::memcpy(&d, &w, 8); return d; }
inline Word of_f(double d) { Word w; std::memcpy(&w, &d, 8); return w; }

enum class SlotCat : uint8_t { None, Str, Obj, Map, Slice, Iter };

enum Op : uint8_t {
  OpNop,
  OpMov,      // R[a] = R[b]
  OpLoadK,    // R[a] = consts[b]
  OpGGet,     // R[a] = G[b]
  OpGSet,     // G[a] = R[b]
  OpGMat,     // materialise global G[a]: an aggregate of type k, or (flags 2) a box of scalar type k
  // integer arithmetic: R[a] = R[b] op R[c], normalised by IntKind k
  OpAdd, OpSub, OpMul, OpDivS, OpDivU, OpRemS, OpRemU, OpAnd, OpOr, OpXor, OpAndNot,
  OpShl, OpShrS, OpShrU,
  OpAddI,     // R[a] = R[b] + c (immediate), normalised by k
  OpNeg, OpBitNot, OpNot, OpConv,  // R[a] = op R[b]
  OpFAdd, OpFSub, OpFMul, OpFDiv, OpFNeg, OpI2F, OpU2F, OpF2I,
  OpEq, OpNe, OpLtS, OpLeS, OpLtU, OpLeU, OpFEq, OpFLt, OpFLe,   // R[a] = R[b] cmp R[c]
  OpSEq, OpSLt, OpSLe,        // strings
  OpDeepEq,                   // aggregates of type k
  OpJmp,      // goto a
  OpJt,       // if R[b] goto a
  OpJf,       // if !R[b] goto a
  OpJLtS,     // if R[b] < R[c] goto a   (fused loop condition)
  OpJGeS,     // if R[b] >= R[c] goto a
  // strings
  OpConcat, OpSLen, OpSIndex,
  OpSSlice,   // R[a] = R[b][R[c]:R[c+1]]; flags bit0 lo present, bit1 hi present
  OpStrOfBytes, OpBytesOfStr, OpStrOfRune,
  OpDecodeRune,  // R[a] = rune at R[b][R[c]], R[a+1] = its width
  // aggregates (Obj entries)
  OpObjMat,   // if R[a] == 0: R[a] = new zero aggregate of type k
  OpCopy,     // R[a] = deep copy of R[b]
  OpFGet,     // R[a] = R[b].field[c]; flags bit0: R[b] is a pointer (nil panics)
  OpFSet,     // R[a].field[c] = R[b]; flags bit0: pointer
  OpFRef,     // R[a] = nested aggregate R[b].field[c], materialised; flags bit0: pointer; bit1:
              // a scalar field's address instead (an interior pointer of type k), as OpARef, OpLRef
  OpAGet,     // R[a] = R[b][R[c]], array of length d
  OpASet,     // R[a][R[b]] = R[c], length d
  OpARef,     // R[a] = nested aggregate R[b][R[c]], materialised, length d
  // pointers
  OpNew,      // R[a] = new(T k); flags bit0: heap (escapes); d: site
  OpLoad,     // R[a] = *R[b] (pointee type k)
  OpStore,    // *R[a] = R[b]
  OpNilChk,   // panic if R[a] == 0
  // slices
  OpMakeSlice,  // R[a] = make([]T k, R[b], R[c]); flags bit0: heap; d: site
  OpLGet, OpLSet, OpLRef, OpLLen, OpLCap,
  OpAppend,   // R[a] = append(R[b], R[c]); k elem type
  OpAppendS,  // R[a] = append(R[b], R[c]...)
  OpLSlice,   // R[a] = R[b][R[c]:R[c+1]] (flags 8: [R[c]:R[c+1]:R[c+2]]); flags as OpSSlice
  OpASlice,   // R[a] = R[b][lo:hi] of a *array (pointer to array) of length d
  // maps
  OpMakeMap,  // R[a] = make(map k, R[b]) (b < 0: no hint); flags bit0 escapes; d: site
  OpMGet,     // R[a] = R[b][R[c]]; flags bit0: comma-ok into R[a+1]
  OpMSet,     // R[a][R[b]] = R[c]
  OpMDel,     // delete(R[a], R[b])
  OpMLen,
  OpMClear,   // clear map R[a] (the range-delete idiom); flags bit1: in an inlined copy (a function or literal gc inlines)
  OpMIter,    // R[a] = iterator over R[b]; flags bit0: the runtime's own walk (no mapiterinit)
  OpMove2Heap,   // Go 1.26 slice pass: if R[a]'s array is in this frame (on the stack and not
                 // R[b]'s, b ≥ 0: a parameter's incoming array), copy it to the heap; flags bit 0:
                 // keep the capacity (moveSlice), else the size class above the length
                 // (moveSliceNoCap); k: the element type
  OpMClone,   // maps.Clone of R[b] (not nil): where the release copies tables (Go 1.25+),
              // R[a] = the copy and goto d; else nothing (the makemap + insert loop follows)
  OpMNext,    // next key of iterator R[a] into R[b] (and elem into R[c] if c >= 0); done: goto d
  // calls
  OpCall,     // call funcs[a] with frame at R[b]; c args, d results
  OpRet,      // return R[a .. a+b) as results
  OpBi,       // builtin k: R[a] = k(R[b .. b+c)); d: call site
  OpUse,      // keep R[a] alive (runtime.KeepAlive)
  // interfaces (runtime/iface.go): an interface value is 0 (nil) or a box Obj whose type is
  // the dynamic type and whose element 0 is the value
  OpToIface,  // R[a] = the value R[b] of type k as an interface (convT*); d: site; flags
              // bit0: escapes (the box is on the heap), bit1: a constant (static data)
  OpAssert,   // R[a] = R[b].(k); flags bit0: comma-ok into R[a+1], bit1: k is an interface
  OpCallI,    // R[b].M(R[b+1 ..]) for method name a (Program::method_names): frame at R[b],
              // c args with the receiver, d results; the dynamic type's method is called
  OpCallF,    // call the func value R[a] (nil panics): frame at R[b], c args, d results; the
              // closure goes in R[b+k] (the callee's context slot; a function literal's
              // last parameter), its element 0 names the function (see compiler_closures.cpp)
  // counted map loops (fuse_map_loops): an OpMSet/OpMDel that is the whole work of
  // `for ; i < n; i++ { m[i] = v }` / `{ delete(m, i) }`, followed by `addi i,i,1` and,
  // k instructions after it, `jlts top,i,n`; d = the instructions per iteration. Same
  // operands as the plain op; it runs further whole iterations itself while the budget
  // allows, counting every instruction they stand for, so state and op counts match the
  // unfused loop.
  OpMSetLoop, OpMDelLoop,
  // goroutines and channels (sched.h): a channel is its hchan's Obj (0: nil)
  OpGo,       // go funcs[a](R[b .. b+c)); d: the literal's closure bytes, k: the go wrapper's
              // (0: none); flags bit0: d's closure is noscan, bit1: k's; bit2: go R[a](…) of a
              // func value (its function and closure; d: the closure's slot in the new frame)
  OpMakeChan, // R[a] = make(chan k, R[b]) (b < 0: unbuffered); d: site
  OpSend,     // R[a] <- R[b]
  OpRecv,     // R[a] = <-R[b], elem type k; flags bit0: comma-ok into R[a+1]
  OpClose,    // close(R[a])
  OpChLen,    // R[a] = len(R[b]); flags bit0: cap
  OpSelect,   // R[a] = the chosen case of Program::selects[k] (-1: default); the cases'
              // channels and sent values in R[b .. b+2c)
  // defer (runtime/panic.go deferproc, deferreturn; see "Defers" above)
  // These three are not counted in Interpreter::ops() (gc's open-coded defers are a bit set
  // and a few calls at the exits: the calls are counted, the bookkeeping is not).
  OpDefer,      // push a record of Function::defer_sites[a] (its slots' values) on the defer
                // list, goto b (past the thunk)
  OpRunDefers,  // run the frame's next deferred call (back here when it returns); none: go on
  OpDeferRet,   // end of a deferred call's thunk: back to OpRunDefers, or on with the panic
  OpCount
};

struct Instr {
  uint8_t op = OpNop;
  uint8_t flags = 0;
  uint16_t k = 0;
  int32_t a = 0, b = 0, c = 0, d = 0;
};

// Builtins the VM implements (fmt, log, runtime, strconv, Go builtins).
enum class Builtin : uint16_t {
  Len, Cap, Panic, Print, Println,
  FmtPrint, FmtPrintln, FmtPrintf, FmtSprint, FmtSprintln, FmtSprintf,
  LogPrint, LogPrintln, LogPrintf, LogFatal, LogFatalf, LogFatalln,
  RuntimeGC, ReadMemStats, SetGCPercent, FreeOSMemory, NumGoroutine, SetMemoryLimit, GoMaxProcs,
  Itoa, Atoi, FormatInt, StringsRepeat, StringsClone,
  MapShape, Min, Max, Copy,
  // package time, on a simulated clock (see Interpreter::clock_ns_)
  TimeNow, TimeSince, TimeSleep, TimeSub, TimeAdd, TimeBefore, TimeAfter, TimeEqual, TimeUnix,
  TimeUnixMilli, TimeUnixNano, TimeString,
  DurSeconds, DurMinutes, DurHours, DurMilliseconds, DurMicroseconds, DurNanoseconds, DurString,
  // package math/rand's top-level functions and *Rand methods (math_rand.h, interp.h)
  // (Perm: a new []int; Read(p): (n int, err error), p filled)
  RandInt, RandIntn, RandInt31, RandInt31n, RandInt63, RandInt63n, RandUint32, RandUint64,
  RandFloat64, RandSeed, RandNormFloat64, RandExpFloat64, RandPerm, RandRead,
  // slices.Sort (and sort.* from Go 1.22), sort.* before 1.22 (the slice boxed for
  // sort.Sort: 24 B), and the IsSorted checks
  SortSlice, SortBoxed, SliceIsSorted,
  // sort.Slice's reflectlite.ValueOf/Swapper: (x, with the swap closure) (sort_slice.h)
  SortSwapper,
  LogSetFlags, LogSetPrefix, LogFlags,
  // package errors; strconv.Atoi's (int, error) (OpBi flags bit1: a second result in R[a+1])
  ErrorsIs, ErrorsUnwrap, ErrorsAs, ErrorsAsType, StrconvErr,
  FmtWrapErrors,   // fmt.Errorf with several %w (Go 1.20+): &wrapErrors{msg, errs} from (msg, err...)
  RandNewSource,   // rand.NewSource(seed): a *rand.rngSource as a rand.Source
  CryptoRandRead,  // crypto/rand.Read(b): (n int, err error), b filled from the run's seed
  SyncHash, SyncRand,   // sync.Map's hash-trie (sync_map.h): keyHash(&key, seed), runtime_rand()
  StringsView, RoundUpSize,   // strings.Builder (strings_builder.h): unsafe.String of its buffer, roundupsize
  // package sync (the receiver, a *T, first) and runtime.Gosched: they may block (sched.h)
  WgAdd, WgDone, WgWait, MutexLock, MutexUnlock, MutexTryLock, RLock, RUnlock, OnceBegin, OnceEnd,
  Gosched,
  // time's timers on the simulated clock (sched.h): After, Tick, NewTicker, NewTimer, and
  // (*Ticker/*Timer).Stop/Reset
  TimerAfter, TimerTick, NewTicker, NewTimer, TimerStop, TimerReset,
  Recover,   // recover(): the panic's value (any) in a deferred call, else nil
  // fmt.Fprint* to a *strings.Builder, *bytes.Buffer or *os.File: the text p.buf holds, without Sprint's string(p.buf)
  FmtFprint, FmtFprintln, FmtFprintf,
  SameType,   // sync/atomic.Value's check (sync_atomic.h): two non-nil interfaces of one dynamic type
  Unicode,    // package unicode: UnicodeOp(second argument) of the rune, Go 1.(third)'s tables (unicode_tables.h)
  Math,       // package math's function MathOp(last argument) on the others (compiler_packages.cpp math_call)
  OsWrite, OsExit,   // package os (os_pkg.h): write(fd, s), exit(code)
  SetFinalizer,      // runtime.SetFinalizer(obj *T, fn func(*T) or nil) (finalizers.cpp)
  CoroNew, CoroSwitch,   // runtime.newcoro's goroutine (c, corostart's function) and coroswitch(c) (iter_pull.h, sched.cpp)
};

// MathOp: which of package math's functions Builtin::Math computes.
enum class UnicodeOp : uint8_t { IsLetter, IsDigit, IsSpace, IsUpper, IsLower, ToUpper, ToLower };

enum class MathOp : uint8_t {
  Sqrt, Floor, Ceil, Trunc, Round, RoundToEven, Abs, Exp, Exp2, Log, Log2, Log10, Log1p, Sin, Cos,
  Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Cbrt,   // float64 → float64
  Max, Min, Pow, Mod, Hypot, Atan2, Copysign, Dim, Remainder,   // (float64, float64) → float64
  IsNaN, Signbit, IsInf, Inf, NaN, Float64bits, Float64frombits,
};

// DeferSite is one defer statement: its thunk (the call, reading the hidden variables that
// hold its arguments), those variables' slots and types (copied into the record at the
// statement, put back before the thunk runs), and whether its _defer record is a heap one
// (a defer inside a loop: newdefer) with gc's wrapper closure of closure_bytes.
struct DeferSite {
  int32_t thunk = -1;
  std::vector<int32_t> slots;
  std::vector<TypeId> types;
  bool heap = false;
  uint64_t closure_bytes = 0;
  int line = 0;
};

// SelectCase is one communication of a select statement: the channel in R[b + 2i], the value
// sent in R[b + 2i + 1] (OpSelect); a receive's value and ok go to R[dst], R[dst + 1].
struct SelectCase {
  int index = 0;        // the case's position in the statement
  bool send = false;
  int dst = -1;
  TypeId elem = 0;
};
struct SelectDesc {
  std::vector<SelectCase> cases;
  bool has_default = false;
};

// MethodEnt: the method name of a type's method set (Go's itab entry): the function, and
// whether the receiver is *p of the dynamic type's pointer (a value method of T in *T's set).
struct MethodEnt {
  TypeId type = 0;
  int32_t name = 0;          // index into Program::method_names
  int32_t func = -1;         // -1: a method the VM implements (Error of the runtime's errors)
  bool deref = false;
  // promoted from an embedded field (its index in the struct): the receiver is that field's
  // value; addr: a pointer method of an embedded value (&s.F)
  int32_t field = -1;
  bool addr = false;
};

// CallSite describes a builtin call: argument types and which arguments are constants
// (constants are boxed statically; other values may allocate when converted to interface).
struct CallSite {
  Builtin fn = Builtin::Len;
  std::vector<TypeId> arg_types;
  std::vector<bool> arg_const;
  std::vector<bool> arg_static;   // a local whose static value is a constant (Profile::static_local_literals)
  bool spread = false;            // fmt/log f(xs...): the last argument is an []any whose elements are the arguments
  int wraps = 0;                  // fmt.Errorf: its format's %w verbs (each appended to the printer's wrappedErrs, Go 1.20+)
  TypeId result = 0;
  int line = 0;
};

// AllocSite is one make/new/&T{}/composite site with the compiler's escape decision.
struct AllocSite {
  int func = 0, pc = 0;
  int line = 0;
  bool escapes = false;
  std::string what;         // "make(map[int]int)" for diagnostics and tests
};

struct Function {
  std::string name;
  std::vector<Instr> code;
  std::vector<int32_t> lines;        // per instruction
  std::vector<uint8_t> stmt_start;   // 1 where a statement begins
  std::vector<uint8_t> loop_back;    // 1 on a loop's back-edge jump
  int nparams = 0, nresults = 0, nslots = 0;
  std::vector<TypeId> param_types, result_types;
  std::vector<SlotCat> slot_cat;
  std::vector<std::string> slot_names;   // variable names ("" for temps)
  std::vector<TypeId> slot_types;        // a named variable's type (temps share slots by category)
  // Stack maps: for each pc, the live ref slots (indexes into ref_slots) as a bitset.
  std::vector<int32_t> ref_slots;
  int live_words = 0;                    // uint64 words per pc
  std::vector<uint64_t> live;            // code.size() * live_words
  // live_full: the slots whose whole value is live. A slice or string slot live only for a
  // later len/cap keeps its header, not its data (gc's liveness tracks the pointer word of
  // an SSA-able slice or string apart from its length: plive.go)
  std::vector<uint64_t> live_full;
  // A call's results land in its frame's first slots (OpRet), whose category is the
  // parameters'. The compiler records each call's result categories (call_results_at);
  // liveness finds where result i of another category than its slot's is live, until the
  // slot is written again (result_cats, sorted by pc), and the GC's root scan reads the
  // value there as what it is: a string returned in the slot of a *T argument is a string.
  struct CallResults {
    int32_t pc = 0;
    std::vector<SlotCat> cats;
  };
  std::vector<CallResults> call_results_at;
  struct SlotCatAt {
    int32_t pc = 0, slot = 0;
    SlotCat cat = SlotCat::None;
  };
  std::vector<SlotCatAt> result_cats;
  // what slot holds at pc: a call's result of another category there, else the slot's own
  SlotCat cat_at(int32_t pc, int32_t slot) const {
    auto it = std::lower_bound(result_cats.begin(), result_cats.end(), pc, [](const SlotCatAt& e, int32_t p) { return e.pc < p; });
    for (; it != result_cats.end() && it->pc == pc; ++it)
      if (it->slot == slot) return it->cat;
    return slot_cat[size_t(slot)];
  }
  int line = 0, end_line = 0;
  std::vector<DeferSite> defer_sites;
  int32_t recover_pc = -1;               // a recovered panic resumes here (OpRunDefers; OpRet)
  // gc's frame, return address included (stack.h compute_frames); 0 when gc inlines it
  uint32_t frame_bytes = 0;
  bool frame_inlined = false;
};

struct Global {
  std::string name;
  TypeId type = 0;
  SlotCat cat = SlotCat::None;
};

// A class (not a struct) because engine/sim/simulation.h forward-declares it so.
class Program {
 public:
  TypeTable types;
  std::deque<Function> funcs;   // a deque: the compiler appends instances while it holds references
  std::vector<Global> globals;
  std::vector<Word> consts;
  std::vector<std::string> strings;    // literals; pool index = position + 1
  std::vector<CallSite> calls;
  std::vector<AllocSite> allocs;
  std::vector<SelectDesc> selects;
  int main_func = -1;
  int init_func = -1;                  // global initialisers, run before main
  TypeId memstats_type = 0;            // runtime.MemStats
  TypeId duration_type = 0;            // time.Duration (int64)
  TypeId time_type = 0;                // time.Time {wall uint64; ext int64; loc *time.Location}
  TypeId ticker_type = 0, timer_type = 0;   // time.Ticker, time.Timer {C <-chan Time; r int64}
  bool imports_math_rand = false;      // its package variables cost heap at init (Go 1.19)
  // fing_at_init: an import whose init sets a finalizer and so starts the finalizer goroutine
  // before main (os.NewFile's on Stdin, Stdout, Stderr): fmt, log, os, flag, runtime/debug,
  // crypto/rand (finalizers.cpp createfing)
  bool fing_at_init = false;
  std::vector<std::string> memstats_fields;
  // interfaces: method sets of the program's types and of the errors the library makes
  std::vector<std::string> method_names;
  std::vector<MethodEnt> methods;
  TypeId error_type = 0;               // error
  TypeId errstring_type = 0;           // *errors.errorString {s string}
  TypeId wraperror_type = 0;           // *fmt.wrapError {msg string; err error}
  TypeId wraperrors_type = 0;          // *fmt.wrapErrors {msg string; errs []error} (Go 1.20+)
  TypeId numerror_type = 0;            // *strconv.NumError {Func, Num string; Err error}
  TypeId rand_source_type = 0;         // rand.Source (made when a program uses rand.New/NewSource)
  TypeId rngsource_type = 0;           // *rand.rngSource {tap, feed int; vec [607]int64}
  TypeId rand_ptr_type = 0;            // *rand.Rand {src Source; s64 Source64; readVal int64; readPos int}

  SlotCat cat_of(TypeId t) const;
};

// op_name names an opcode (disassembly, tests).
const char* op_name(uint8_t op);
// disassemble lists a function's code, one instruction a line: "pc line op a b c d k".
std::string disassemble(const Function& fn);

}  // namespace lang
