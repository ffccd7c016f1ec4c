// compiler_packages.cpp — calls of package functions and methods: fmt, log, runtime,
// runtime/debug, strconv, strings, time, math/rand, maps, sort, slices, unsafe; what their
// arguments cost (interface boxing) and what escapes through them.
//
// Models: the runtime's costs of fmt/log arguments (runtime/iface.go convT*), sort.Ints
// before and after Go 1.22, maps.Clone (runtime mapclone2); escape/call.go for what the
// library's parameters leak.
//
// Simplifications: a package function the playground lacks is refused by name.

#include "engine/lang/compiler_impl.h"
#include "engine/lang/gofmt.h"
#include "engine/lang/os_pkg.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <iterator>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace lang::detail {

// ---------------------------------------------------------------- packages
// bi_call emits a builtin call with its arguments in consecutive fresh slots.
V Compiler::bi_call(Builtin fn, const std::vector<V*>& args, TypeId result, bool escape_args) {
  std::vector<TypeId> ts;
  CallSite cs;
  cs.fn = fn;
  cs.line = F->line;
  cs.result = result;
  for (V* a : args) {
    TypeId t = a->t;
    if (a->isconst && T.is_untyped(t)) t = T.default_type(t);
    if (t == TypeTable::kUntypedNil) t = TypeTable::kUntypedNil;
    ts.push_back(t);
    cs.arg_types.push_back(t);
    cs.arg_const.push_back(a->isconst);
    cs.arg_static.push_back(a->static_lit);
  }
  int base = fresh_slots(ts);
  for (size_t i = 0; i < args.size(); ++i) {
    V& a = *args[i];
    if (a.isconst) {
      if (a.t != TypeTable::kUntypedNil && !convert_const(a, ts[i], Pos{}, false)) { V v; v.ok = false; return v; }
      emit(OpLoadK, base + int(i), konst(const_word(a.cv, ts[i])));
    } else if (a.slot != base + int(i)) {
      emit(OpMov, base + int(i), a.slot);
    }
    if (escape_args) sink(a.src);
  }
  int site = int(prog_.calls.size());
  prog_.calls.push_back(cs);
  V r;
  r.t = result;
  int dst = -1;
  if (result) {
    dst = temp(result);
    r.slot = dst;
  }
  emit(OpBi, dst, base, int(args.size()), site, uint16_t(fn));
  if (result && T.is_aggregate(result)) r.fresh = true;
  return r;
}

// args_exprs compiles a package function's arguments; f(g()) passes g's results (the
// spec's special case for a call whose one argument is a multi-valued call).
bool Compiler::args_exprs(const Expr& e, std::vector<V>& out) {
  if (e.args.size() == 1 && !e.has_ellipsis && e.args[0]->kind == Expr::Call) {
    V v = expr(*e.args[0]);
    if (!v.ok) return false;
    if (v.is_tuple) {
      tuple_values(v, out);
      return true;
    }
    return single_value(*e.args[0], std::move(v), out);
  }
  for (const auto& a : e.args)
    if (!arg_value(*a, out)) return false;
  return true;
}

// arg_value compiles one argument of a package function or builtin: a single value.
bool Compiler::arg_value(const Expr& a, std::vector<V>& out) {
  V v = expr(a);
  if (!v.ok) return false;
  return single_value(a, std::move(v), out);
}

bool Compiler::single_value(const Expr& a, V v, std::vector<V>& out) {
  if (v.is_type) return fail(a.pos, T.name(v.t) + " (type) is not an expression");
  if (v.is_tuple) return fail(a.pos, "multiple-value in single-value context");
  if (v.t == 0) return fail(a.pos, expr_str(a) + " (no value) used as value");
  out.push_back(std::move(v));
  return true;
}

V Compiler::pkg_call(const Expr& e, const std::string& pkg, const std::string& name, const std::string& alias, bool stmt) {
  imports_[alias].used = true;
  std::string full = pkg + "." + name;
  const Pos name_pos{e.x->pos.line, e.x->pos.col + int(alias.size()) + 1};   // gc's position of `name` in pkg.name
  // the library's unexported helpers (slices.pdqsortCmpFunc) are called only from its own functions
  const bool in_library = F && F->fn && F->fn->name.rfind(pkg + ".", 0) == 0;
  if (auto it = std_funcs_.find(full); it != std_funcs_.end() && (in_library || std::isupper(static_cast<unsigned char>(name[0]))))
    return generic_call(e, it->second, nullptr);
  if (!std::isupper(static_cast<unsigned char>(name[0]))) return bad(name_pos, undefined_in_package(full, pkg, name));
  if (full == "math/rand.Shuffle") return rand_shuffle_call(e, nullptr);   // rand_shuffle.h: Go code
  if (pkg == "strings" || pkg == "sync/atomic" || pkg == "bytes" || pkg == "os" || pkg == "flag" ||
      (pkg == "strconv" && (name == "Quote" || name == "QuoteRune" || name == "AppendQuote"))) {
    // strings_funcs.h, sync_atomic.h, bytes_buffer.h, os_pkg.h, flag_pkg.h, strconv_quote.h: Go code
    auto it = pkg_.find(std::string(library_package(pkg)->prefix) + name);
    if (it != pkg_.end() && it->second.k == Entity::Func)   // Map's mapping is a func-typed parameter: expanded
      return func_params_[size_t(it->second.slot)] ? expand_call(e, it->second.slot) : user_call(e, it->second.slot, nullptr, &full);
    if ((name == "CutPrefix" || name == "CutSuffix") && go_minor_ < 20) return bad(name_pos, "undefined: " + full);   // added in Go 1.20
    if ((name == "Lines" || name == "SplitSeq" || name == "SplitAfterSeq" || name == "FieldsSeq" || name == "FieldsFuncSeq") && go_minor_ < 24)
      return bad(name_pos, "undefined: " + full);   // strings/iter.go, added in Go 1.24
    if (pkg == "sync/atomic") {
      for (const char* op : {"Load", "Store", "Swap", "CompareAndSwap"})
        if (name == std::string(op) + "Pointer")
          return bad(name_pos, "atomic." + name + " is not supported by the playground (unsafe.Pointer: use atomic.Pointer[T])");
      return bad(name_pos, "undefined: atomic." + name);   // And*/Or* before Go 1.23 too
    }
    if (pkg == "bytes" || pkg == "os" || pkg == "flag") return bad(name_pos, library_unsupported(pkg, name));
  }
  if (V r; iterator_consumer(e, full, r)) return r;   // compiler_range_func.cpp
  if (pkg == "iter" && (name == "Pull" || name == "Pull2")) {   // iter_pull.h: Go code, from Go 1.23
    auto it = pkg_.find("iter_" + name);
    if (it != pkg_.end() && it->second.k == Entity::Func) return generic_call(e, it->second.slot, nullptr);
  }
  if (std::string prod; iterator_producer(e, prod)) {
    if (go_minor_ < 23) return bad(name_pos, "undefined: " + full);   // added in Go 1.23 (iterators)
    // an iterator as a value (iter.Pull(maps.Keys(m))): its Go code, in a program that imports iter (iter_pull.h)
    auto it = pkg_.find("iter_" + pkg + name);
    if (it != pkg_.end() && it->second.k == Entity::Func) return generic_call(e, it->second.slot, nullptr);
    return bad(e.x->pos, full + " returns an iterator (iter.Seq): the playground runs it where it is ranged over (for k := range " + full +
                             "(m)), passed to slices.Collect, Sorted, AppendSeq, maps.Collect or Insert, or held in a variable (seq := " + full +
                             "(m)) used so; passed to a function or stored otherwise it is not supported yet");
  }
  (void)stmt;
  struct PF { const char* n; Builtin b; int kind; };   // kind 0: fmt-like print, 1: Sprint-like, 2: other
  static const PF fmts[] = {
      {"fmt.Print", Builtin::FmtPrint, 0}, {"fmt.Println", Builtin::FmtPrintln, 0}, {"fmt.Printf", Builtin::FmtPrintf, 0},
      {"fmt.Sprint", Builtin::FmtSprint, 1}, {"fmt.Sprintln", Builtin::FmtSprintln, 1}, {"fmt.Sprintf", Builtin::FmtSprintf, 1},
      {"log.Print", Builtin::LogPrint, 0}, {"log.Println", Builtin::LogPrintln, 0}, {"log.Printf", Builtin::LogPrintf, 0},
      {"log.Fatal", Builtin::LogFatal, 0}, {"log.Fatalln", Builtin::LogFatalln, 0}, {"log.Fatalf", Builtin::LogFatalf, 0},
  };
  if (full == "fmt.Fprint" || full == "fmt.Fprintln" || full == "fmt.Fprintf") return fprint(e, full);
  if (full == "crypto/rand.Read") {
    std::vector<V> args;
    if (!args_exprs(e, args)) { V v; v.ok = false; return v; }
    return crypto_read(e, args);
  }
  if (full == "errors.Join") {   // errors_join.h: Go code, from Go 1.20
    if (go_minor_ < 20) return bad(name_pos, "undefined: errors.Join");
    if (auto it = pkg_.find("errors_Join"); it != pkg_.end() && it->second.k == Entity::Func) return user_call(e, it->second.slot, nullptr, &full);
  }
  if (full == "fmt.Errorf" || pkg == "errors" || full == "strconv.Atoi") {
    if (e.has_ellipsis) return bad(e.pos, "passing a slice with ... to " + full + " is not supported by the playground");
    std::vector<V> args;
    if (!args_exprs(e, args)) { V v; v.ok = false; return v; }
    if (full == "fmt.Errorf") return errorf(e, args);
    if (full == "strconv.Atoi") return atoi(e, args);
    return errors_call(e, name, args);
  }
  for (const PF& pf : fmts) {
    if (full != pf.n) continue;
    std::vector<V> args;
    if (!args_exprs(e, args)) { V v; v.ok = false; return v; }
    bool is_f = full.back() == 'f';
    if (e.has_ellipsis) return fmt_spread_call(e, full, pf.b, pf.kind == 1, args);
    if (is_f && !format_string(e, args, 0, full)) { V v; v.ok = false; return v; }
    std::vector<V*> ps;
    for (auto& a : args) ps.push_back(&a);
    return bi_call(pf.b, ps, pf.kind == 1 ? TypeTable::kString : 0, true);
  }
  if (pkg == "unsafe") return unsafe_call(e, name);
  std::vector<V> args;
  if (!args_exprs_special(e, full, args)) { V v; v.ok = false; return v; }
  auto want = [&](size_t n) -> bool {
    if (args.size() != n) return arg_count_error(e, args.size(), n, full).ok;
    return true;
  };
  std::vector<V*> ps;
  for (auto& a : args) ps.push_back(&a);
  if (full == "runtime.GC" || full == "runtime/debug.FreeOSMemory") {
    if (!want(0)) { V v; v.ok = false; return v; }
    return bi_call(full == "runtime.GC" ? Builtin::RuntimeGC : Builtin::FreeOSMemory, ps, 0, false);
  }
  if (full == "runtime.Gosched") {
    if (!want(0)) { V v; v.ok = false; return v; }
    return bi_call(Builtin::Gosched, ps, 0, false);
  }
  if (full == "runtime.NumGoroutine") {
    if (!want(0)) { V v; v.ok = false; return v; }
    return bi_call(Builtin::NumGoroutine, ps, TypeTable::kInt, false);
  }
  if (full == "runtime.GOMAXPROCS") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kInt, e.args[0]->pos, "argument to runtime.GOMAXPROCS")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::GoMaxProcs, ps, TypeTable::kInt, false);
  }
  if (full == "runtime.KeepAlive") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!args[0].isconst) emit(OpUse, args[0].slot);
    V r;
    r.t = 0;
    return r;
  }
  if (full == "runtime.SetFinalizer") return set_finalizer(e, args);
  if (full == "runtime.AddCleanup") {   // runtime/mcleanup.go, added in Go 1.24
    if (go_minor_ < 24) return bad(name_pos, "undefined: runtime.AddCleanup");
    return bad(e.x->pos, "runtime.AddCleanup is not supported by the playground yet (runtime.SetFinalizer is)");
  }
  if (full == "runtime.ReadMemStats") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (T.kind(args[0].t) != Kind::Pointer || T.u(args[0].t).elem != prog_.memstats_type)
      return bad(e.args[0]->pos, "cannot use " + describe(args[0]) + " as *runtime.MemStats value in argument to runtime.ReadMemStats");
    return bi_call(Builtin::ReadMemStats, ps, 0, false);
  }
  if (full == "runtime/debug.SetGCPercent") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kInt, e.args[0]->pos, "argument to debug.SetGCPercent")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::SetGCPercent, ps, TypeTable::kInt, false);
  }
  if (full == "runtime/debug.SetMemoryLimit") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kInt64, e.args[0]->pos, "argument to debug.SetMemoryLimit")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::SetMemoryLimit, ps, TypeTable::kInt64, false);
  }
  if (full == "strconv.Itoa") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kInt, e.args[0]->pos, "argument to strconv.Itoa")) { V v; v.ok = false; return v; }
    V r = bi_call(Builtin::Itoa, ps, TypeTable::kString, false);
    return r;
  }
  if (full == "strconv.FormatInt") {
    if (!want(2)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kInt64, e.args[0]->pos, "argument to strconv.FormatInt") ||
        !assignable(args[1], TypeTable::kInt, e.args[1]->pos, "argument to strconv.FormatInt")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::FormatInt, ps, TypeTable::kString, false);
  }
  if (pkg == "time") return time_call(e, name, args);
  if (pkg == "log") {
    static const PkgFn fns[] = {{"SetFlags", Builtin::LogSetFlags, TypeTable::kInt, 0},
                                {"SetPrefix", Builtin::LogSetPrefix, TypeTable::kString, 0},
                                {"Flags", Builtin::LogFlags, 0, TypeTable::kInt}};
    for (const PkgFn& f : fns)
      if (name == f.name) return pkg_fn_call(e, "log.", f, args);
  }
  if (pkg == "math/rand") return rand_call(e, name, args);
  if (pkg == "math") return math_call(e, name, args);
  if (pkg == "unicode") return unicode_call(e, name, args);
  if (pkg == "maps") return maps_call(e, name, args);
  if (pkg == "sort" || pkg == "slices") return sort_call(e, pkg, name, args);
  if (full == "strings.Repeat") {
    if (!want(2)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kString, e.args[0]->pos, "argument to strings.Repeat") ||
        !assignable(args[1], TypeTable::kInt, e.args[1]->pos, "argument to strings.Repeat")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::StringsRepeat, ps, TypeTable::kString, false);
  }
  if (full == "strings.Clone") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kString, e.args[0]->pos, "argument to strings.Clone")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::StringsClone, ps, TypeTable::kString, false);
  }
  return bad(e.pos, full + " is not supported by the playground");
}

// set_finalizer: runtime.SetFinalizer(obj, finalizer) (runtime/mfinal.go). gc takes any two
// values (both parameters are `any`, both escape); the runtime checks them when it runs
// and throws. The playground checks at compile time what it runs: obj a pointer, finalizer
// nil or a func of one parameter that obj's type is (or an interface obj's type implements),
// any results; the rest is refused here rather than thrown.
V Compiler::set_finalizer(const Expr& e, std::vector<V>& args) {
  if (args.size() != 2) return arg_count_error(e, args.size(), 2, "runtime.SetFinalizer");
  V& obj = args[0];
  V& fn = args[1];
  if (obj.isconst || T.kind(obj.t) != Kind::Pointer)
    return bad(e.args[0]->pos, "runtime.SetFinalizer of " + describe(obj) + " is not supported by the playground (its first argument must be a pointer: Go throws \"first argument is " +
                                   (obj.isconst ? std::string("not a pointer") : T.name(obj.t) + ", not pointer") + "\")");
  if (!(fn.isconst && fn.t == TypeTable::kUntypedNil)) {
    if (fn.isconst || T.kind(fn.t) != Kind::Func)
      return bad(e.args[1]->pos, "runtime.SetFinalizer with " + describe(fn) + " is not supported by the playground (its second argument must be nil or a function)");
    const Type& ft = T.u(fn.t);
    const TypeId param = ft.len == 1 ? ft.fields[0].type : 0;
    std::string why;
    const bool ok = param && !ft.variadic && (param == obj.t || (T.kind(param) == Kind::Interface && implements(obj.t, param, why)));
    if (!ok)
      return bad(e.args[1]->pos, "runtime.SetFinalizer: cannot pass " + T.name(obj.t) + " to finalizer " + T.name(fn.t) +
                                     " (Go throws this when the program runs; the playground refuses it)");
  }
  std::vector<V*> ps{&obj, &fn};
  return bi_call(Builtin::SetFinalizer, ps, 0, /*escape_args=*/true);
}

// library_unsupported: the message for pkg.name that the prelude of bytes or os lacks: gc's
// "undefined" when Go has no such name, else what the playground offers instead
std::string Compiler::library_unsupported(const std::string& pkg, const std::string& name) {
  if (!package_exports(pkg, name)) return undefined_in_package(pkg + "." + name, pkg, name);
  return pkg + "." + name + " is not supported by the playground (" +
         (pkg == "os"     ? "os.Stdout, os.Stderr, os.Args and os.Exit"
          : pkg == "flag" ? "flag.Int, Int64, Uint, String, Bool, Duration, their Var forms, Parse, Parsed, Args, Arg, NArg, NFlag, Lookup, "
                            "PrintDefaults and Usage: the command line has no arguments"
                          : "bytes.Buffer, bytes.NewBuffer and bytes.NewBufferString") +
         ")";
}

// undefined_in_package: gc's message for pkg.name that the package does not export (an
// unexported name of the library reads "name x not exported by package p", which the
// playground cannot tell from a typo). From Go 1.25 types2 names the exported name that
// differs only in case (lookupError): "undefined: fmt.println (but have Println)".
std::string Compiler::undefined_in_package(const std::string& full, const std::string& pkg, const std::string& name) {
  std::string msg = "undefined: " + full;
  if (go_minor_ < 25) return msg;
  std::string exported = name;
  exported[0] = char(std::toupper(static_cast<unsigned char>(exported[0])));
  static const char* fmt_names[] = {"Print", "Println", "Printf", "Sprint", "Sprintln", "Sprintf", "Errorf"};
  bool have = pkg == "strings" && pkg_.count("strings_" + exported) != 0;
  for (const char* n : fmt_names) have = have || (pkg == "fmt" && exported == n);
  return have ? msg + " (but have " + exported + ")" : msg;
}

// fprint: fmt.Fprint/Fprintln/Fprintf(w, …) to a *strings.Builder, a *bytes.Buffer or an
// *os.File (os.Stdout, os.Stderr), as fmt does it: the printer formats into its buffer and
// w.Write takes it (Builder.Write: copyCheck, append; Buffer.Write: grow, copy; File.Write:
// the write), with no string(p.buf) in between; w, held as an io.Writer, escapes (`moved to
// heap: sb`). Compiled as hidden := w; hidden.WriteString(text) (WriteString does what Write
// does with the same bytes).
V Compiler::fprint(const Expr& e, const std::string& full) {
  V fail_v;
  fail_v.ok = false;
  if (e.args.empty()) return arg_count_error(e, 0, full.back() == 'f' ? 2 : 1, full);
  if (e.has_ellipsis) return bad(e.pos, "passing a slice with ... to " + full + " is not supported by the playground");
  V w = expr(*e.args[0]);
  if (!w.ok) return w;
  bool writer = false;
  for (const char* type : {"strings_Builder", "bytes_Buffer", "os_File"})
    if (const auto it = pkg_.find(type); it != pkg_.end() && it->second.k == Entity::Type && w.t == T.pointer(it->second.type)) writer = true;
  if (!writer)
    return bad(e.args[0]->pos, full + " writes only to a *strings.Builder, a *bytes.Buffer, os.Stdout or os.Stderr in the playground (have " +
                                   T.name(w.t) + ")");
  sink(w.src);   // an io.Writer's Write is a call through an interface: w leaks
  std::vector<V> args;
  for (size_t i = 1; i < e.args.size(); ++i)
    if (!arg_value(*e.args[i], args)) return fail_v;
  if (full.back() == 'f' && !format_string(e, args, 1, full)) return fail_v;
  std::vector<V*> ps;
  for (auto& a : args) ps.push_back(&a);
  const Builtin b = full == "fmt.Fprint" ? Builtin::FmtFprint : full == "fmt.Fprintln" ? Builtin::FmtFprintln : Builtin::FmtFprintf;
  V text = bi_call(b, ps, TypeTable::kString, true);
  if (!text.ok) return text;
  const std::string hidden = "fprint#" + std::to_string(synthetic_.size());
  auto call = call_expr(std::make_unique<Expr>(), e.pos);
  call->x->kind = Expr::Selector;
  call->x->pos = e.pos;
  call->x->name = "WriteString";
  call->x->x = hidden_var(hidden + ".w", w, e.pos);
  call->args.push_back(hidden_var(hidden + ".s", text, e.pos));
  synthetic_.push_back(std::move(call));
  V r = expr(*synthetic_.back());
  if (!r.ok) return r;
  r.t = 0;   // (n int, err error) are not kept: a statement
  return r;
}

// format_string: the format of a Printf-like call, its argument `at` (args[0] here), is a
// string; else gc's message (arguments counted from the call's first).
bool Compiler::format_string(const Expr& e, const std::vector<V>& args, size_t at, const std::string& full) {
  if (args.empty()) return arg_count_error(e, at, at + 1, full).ok;
  if (T.kind(args[0].t) != Kind::String && T.kind(args[0].t) != Kind::UntypedString)
    return fail(e.args[at]->pos, "cannot use " + describe(args[0]) + " as string value in argument to " + full);
  return true;
}

// fmt_spread_call: fmt.Println(xs...), fmt.Printf(format, xs...) (and Sprint*, log's) with
// an []any: the slice is passed as it is, its elements are the arguments, boxed already when
// they were stored (no convT here, as gc passes the slice: nothing new on the heap). fmt's
// parameter leaks its contents (escape: "leaking param content: a"), so what the elements
// point to escapes, not the slice's array.
V Compiler::fmt_spread_call(const Expr& e, const std::string& full, Builtin b, bool sprint, std::vector<V>& args) {
  const bool is_f = full.back() == 'f';
  const size_t want = is_f ? 2 : 1;
  if (args.size() != want) return arg_count_error(e, args.size(), want, full);
  if (is_f && !assignable(args[0], TypeTable::kString, e.args[0]->pos, ("argument to " + full).c_str())) { V v; v.ok = false; return v; }
  V& xs = args.back();
  const TypeId any_slice = T.slice(T.interface_({}));
  if (xs.t != any_slice && !(xs.isconst && xs.t == TypeTable::kUntypedNil))   // types2 names it []any
    return bad(e.args.back()->pos, "cannot use " + describe(xs) + " as []any value in argument to " + full);
  if (!assignable(xs, any_slice, e.args.back()->pos, ("argument to " + full).c_str())) { V v; v.ok = false; return v; }
  sink(contents_of(xs.src));
  if (is_f) sink(args[0].src);
  std::vector<V*> ps;
  for (auto& a : args) ps.push_back(&a);
  V r = bi_call(b, ps, sprint ? TypeTable::kString : 0, false);
  prog_.calls.back().spread = true;
  return r;
}

// pkg_fn_call checks the call's argument (args: the receiver first for a method, then the
// compiled arguments) and emits the builtin.
V Compiler::pkg_fn_call(const Expr& e, const std::string& prefix, const PkgFn& f, std::vector<V>& args) {
  const std::string full = prefix + f.name;
  const size_t want = f.param ? 1 : 0;
  if (e.args.size() != want) return arg_count_error(e, e.args.size(), want, full);
  if (f.param && !assignable(args.back(), f.param, e.args[0]->pos, ("argument to " + full).c_str())) { V v; v.ok = false; return v; }
  std::vector<V*> ps;
  for (auto& a : args) ps.push_back(&a);
  return bi_call(f.b, ps, f.result, false);
}

// time_call: time.Now/Since/Sleep and the conversion time.Duration(x). The clock is the
// simulator's (Interpreter::clock_ns_): it stands still but for time.Sleep, as on the Go
// playground, so what a program prints does not depend on the machine.
V Compiler::time_call(const Expr& e, const std::string& name, std::vector<V>& args) {
  const TypeId dur = prog_.duration_type, tm = prog_.time_type;
  if (name == "Duration") {
    if (args.size() != 1) return bad(e.pos, std::string(args.empty() ? "missing argument" : "too many arguments") + " in conversion to time.Duration");
    return conversion(e, dur);
  }
  const TypeId rc = T.chan(tm, 2);
  const PkgFn fns[] = {{"Now", Builtin::TimeNow, 0, tm}, {"Since", Builtin::TimeSince, tm, dur}, {"Sleep", Builtin::TimeSleep, dur, 0},
                       {"After", Builtin::TimerAfter, dur, rc}, {"Tick", Builtin::TimerTick, dur, rc},
                       {"NewTicker", Builtin::NewTicker, dur, T.pointer(prog_.ticker_type)},
                       {"NewTimer", Builtin::NewTimer, dur, T.pointer(prog_.timer_type)}};
  for (const PkgFn& f : fns)
    if (name == f.name) return pkg_fn_call(e, "time.", f, args);
  return bad(e.pos, "time." + name + " is not supported by the playground (time.Now, Since, Sleep, After, Tick, NewTicker, NewTimer, Duration and the units)");
}

// math_call: package math's functions (math/*.go): computations on float64 that allocate
// nothing, done by the host's C library (IEEE-exact for Sqrt, Floor, Ceil, Trunc, Abs, Mod,
// Max/Min and the bit conversions, as Go's; the transcendental ones within an ulp of Go's).
// unicode_call: package unicode's predicates and case mappings of one rune (unicode_tables.h),
// the release's tables chosen by go_minor_; nothing allocated
V Compiler::unicode_call(const Expr& e, const std::string& name, std::vector<V>& args) {
  static const std::pair<const char*, UnicodeOp> fns[] = {
      {"IsLetter", UnicodeOp::IsLetter}, {"IsDigit", UnicodeOp::IsDigit}, {"IsSpace", UnicodeOp::IsSpace},
      {"IsUpper", UnicodeOp::IsUpper},   {"IsLower", UnicodeOp::IsLower}, {"ToUpper", UnicodeOp::ToUpper},
      {"ToLower", UnicodeOp::ToLower}};
  for (const auto& [fn, op] : fns) {
    if (name != fn) continue;
    const std::string full = std::string("unicode.") + fn;
    if (args.size() != 1) return arg_count_error(e, args.size(), 1, full);
    if (!assignable(args[0], TypeTable::kInt32, e.args[0]->pos, ("argument to " + full).c_str())) { V v; v.ok = false; return v; }
    V which = int_const(TypeTable::kInt, int64_t(op));
    V minor = int_const(TypeTable::kInt, go_minor_);
    std::vector<V*> ps{&args[0], &which, &minor};
    return bi_call(Builtin::Unicode, ps, op >= UnicodeOp::ToUpper ? TypeTable::kInt32 : TypeTable::kBool, false);
  }
  return bad(e.x->pos, "unicode." + name + " is not supported by the playground (IsLetter, IsDigit, IsSpace, IsUpper, IsLower, ToUpper, ToLower)");
}

V Compiler::math_call(const Expr& e, const std::string& name, std::vector<V>& args) {
  using M = MathOp;
  struct Fn { const char* name; MathOp op; std::vector<TypeId> params; TypeId result; };
  static const std::vector<Fn> fns = [] {
    const TypeId f = TypeTable::kFloat64;
    std::vector<Fn> fns;
    const std::pair<const char*, MathOp> unary[] = {
        {"Sqrt", M::Sqrt}, {"Floor", M::Floor}, {"Ceil", M::Ceil}, {"Trunc", M::Trunc}, {"Round", M::Round},
        {"RoundToEven", M::RoundToEven}, {"Abs", M::Abs}, {"Exp", M::Exp}, {"Exp2", M::Exp2}, {"Log", M::Log},
        {"Log2", M::Log2}, {"Log10", M::Log10}, {"Log1p", M::Log1p}, {"Sin", M::Sin}, {"Cos", M::Cos}, {"Tan", M::Tan},
        {"Asin", M::Asin}, {"Acos", M::Acos}, {"Atan", M::Atan}, {"Sinh", M::Sinh}, {"Cosh", M::Cosh}, {"Tanh", M::Tanh},
        {"Cbrt", M::Cbrt}};
    for (const auto& [n, op] : unary) fns.push_back(Fn{n, op, {f}, f});
    const std::pair<const char*, MathOp> binary[] = {
        {"Max", M::Max}, {"Min", M::Min}, {"Pow", M::Pow}, {"Mod", M::Mod}, {"Hypot", M::Hypot},
        {"Atan2", M::Atan2}, {"Copysign", M::Copysign}, {"Dim", M::Dim}, {"Remainder", M::Remainder}};
    for (const auto& [n, op] : binary) fns.push_back(Fn{n, op, {f, f}, f});
    fns.push_back(Fn{"IsNaN", M::IsNaN, {f}, TypeTable::kBool});
    fns.push_back(Fn{"Signbit", M::Signbit, {f}, TypeTable::kBool});
    fns.push_back(Fn{"IsInf", M::IsInf, {f, TypeTable::kInt}, TypeTable::kBool});
    fns.push_back(Fn{"Inf", M::Inf, {TypeTable::kInt}, f});
    fns.push_back(Fn{"NaN", M::NaN, {}, f});
    fns.push_back(Fn{"Float64bits", M::Float64bits, {f}, TypeTable::kUint64});
    fns.push_back(Fn{"Float64frombits", M::Float64frombits, {TypeTable::kUint64}, f});
    return fns;
  }();
  for (const Fn& fn : fns) {
    if (name != fn.name) continue;
    const std::string full = std::string("math.") + fn.name;
    if (args.size() != fn.params.size()) return arg_count_error(e, args.size(), fn.params.size(), full);
    for (size_t i = 0; i < args.size(); ++i)
      if (!assignable(args[i], fn.params[i], e.args[i]->pos, ("argument to " + full).c_str())) { V v; v.ok = false; return v; }
    V op = int_const(TypeTable::kInt, int64_t(fn.op));
    std::vector<V*> ps;
    for (V& a : args) ps.push_back(&a);
    ps.push_back(&op);
    return bi_call(Builtin::Math, ps, fn.result, false);
  }
  return bad(e.pos, "math." + name + " is not supported by the playground (its constants; Sqrt, Floor, Ceil, Trunc, Round, Abs, Exp, Log, "
                    "Log2, Log10, Pow, Mod, Max, Min, Hypot, the trigonometric functions, Inf, NaN, IsInf, IsNaN, Signbit, Float64bits…)");
}

// rand_call: math/rand's top-level functions, drawing as Go's do (math_rand.h; the source
// they draw from: Interpreter::global_rand_source).
// kRandFns: math/rand's functions, which are also the methods of a *rand.Rand (rand_method).
const Compiler::PkgFn Compiler::kRandFns[] = {
    {"Int", Builtin::RandInt, 0, TypeTable::kInt}, {"Intn", Builtin::RandIntn, TypeTable::kInt, TypeTable::kInt},
    {"Int31", Builtin::RandInt31, 0, TypeTable::kInt32}, {"Int31n", Builtin::RandInt31n, TypeTable::kInt32, TypeTable::kInt32},
    {"Int63", Builtin::RandInt63, 0, TypeTable::kInt64}, {"Int63n", Builtin::RandInt63n, TypeTable::kInt64, TypeTable::kInt64},
    {"Uint32", Builtin::RandUint32, 0, TypeTable::kUint32}, {"Uint64", Builtin::RandUint64, 0, TypeTable::kUint64},
    {"Float64", Builtin::RandFloat64, 0, TypeTable::kFloat64}, {"Seed", Builtin::RandSeed, TypeTable::kInt64, 0},
    {"NormFloat64", Builtin::RandNormFloat64, 0, TypeTable::kFloat64}, {"ExpFloat64", Builtin::RandExpFloat64, 0, TypeTable::kFloat64}};
const char* const Compiler::kRandSupported = "Int, Intn, Int31, Int31n, Int63, Int63n, Uint32, Uint64, Float64, NormFloat64, ExpFloat64, Perm, Read, Seed, Shuffle";

V Compiler::rand_call(const Expr& e, const std::string& name, std::vector<V>& args) {
  if (name == "New" || name == "NewSource") return rand_new(e, name, args);
  if (name == "Perm" || name == "Read") return rand_slice_call(e, "rand.", name, args);
  for (const PkgFn& f : kRandFns)
    if (name == f.name) return pkg_fn_call(e, "rand.", f, args);
  return bad(e.pos, "rand." + name + " is not supported by the playground (" + kRandSupported + ")");
}

// rand_slice_call: Perm(n) and Read(p), math/rand's functions or a *Rand's methods (then
// args[0] is the receiver). Perm returns a new []int, always on the heap (rand.go makes it
// and returns it); Read fills p and returns (len(p), nil): p does not escape (go build
// -gcflags=-m, Go 1.19–1.27: "make([]byte, 16) does not escape").
V Compiler::rand_slice_call(const Expr& e, const std::string& prefix, const std::string& name, std::vector<V>& args) {
  const std::string full = prefix + name;
  const size_t recv = args.size() - e.args.size();
  if (e.args.size() != 1) return arg_count_error(e, e.args.size(), 1, full);
  const bool perm = name == "Perm";
  const TypeId param = perm ? TypeTable::kInt : T.slice(TypeTable::kUint8);
  if (!assignable(args[recv], param, e.args[0]->pos, ("argument to " + full).c_str())) { V v; v.ok = false; return v; }
  std::vector<V*> ps;
  for (V& a : args) ps.push_back(&a);
  if (perm) {
    V r = bi_call(Builtin::RandPerm, ps, T.slice(TypeTable::kInt), false);
    r.src.push_back(0);   // made on the heap
    return r;
  }
  return int_error_results(bi_call(Builtin::RandRead, ps, TypeTable::kInt, false));
}

// maps_call: maps.Clone and maps.Copy (Go 1.21). Up to Go 1.24 both walk the source as the
// runtime does (mapclone2 / a range loop); Clone's map comes from makemap inside the runtime,
// sized for len(m), so it is on the heap and as small as a fresh copy: cloning shrinks a map
// that deletes left large. From Go 1.25 (*Map).Clone copies the tables as they are: OpMClone
// does that where the profile says so and jumps over the walk.
V Compiler::maps_call(const Expr& e, const std::string& name, std::vector<V>& args) {
  const bool clone = name == "Clone";
  if (!clone && name != "Copy") return bad(e.pos, "maps." + name + " is not supported by the playground (maps.Clone, maps.Copy)");
  const size_t want = clone ? 1 : 2;
  if (args.size() != want) return arg_count_error(e, args.size(), want, "maps." + name);
  for (size_t i = 0; i < args.size(); ++i)
    if (T.kind(args[i].t) != Kind::Map) return bad(e.args[i]->pos, "in call to maps." + name + ", " + describe(args[i]) + " is not a map");
  const TypeId mt = args.back().t;
  if (!clone && (T.u(args[0].t).key != T.u(mt).key || T.u(args[0].t).elem != T.u(mt).elem))
    return bad(e.pos, "in call to maps.Copy, the maps' key and value types differ: " + T.name(args[0].t) + " and " + T.name(mt));
  const int src = materialize(args.back(), mt);
  V r;
  int dst;
  int jnil = -1, jcopied = -1;
  if (clone) {
    r.t = mt;
    r.slot = dst = temp(mt);
    emit(OpLoadK, dst, konst(0));
    jnil = emit(OpJf, 0, src);               // maps.Clone(nil) is nil
    jcopied = emit(OpMClone, dst, src, 0, 0, uint16_t(mt));
    const int hint = temp(TypeTable::kInt);
    emit(OpMLen, hint, src);
    const int node = new_node();
    const int pc0 = emit(OpMakeMap, dst, hint, 0, 0, uint16_t(mt));
    add_site_node(pc0, "maps.Clone", node, true);
    r.src.push_back(node);
  } else {
    dst = materialize(args[0], args[0].t);
    r.t = 0;
  }
  const TypeId kt = T.u(mt).key, vt = T.u(mt).elem;
  const int it = new_slot(TypeTable::kIter, ""), ks = new_slot(kt, ""), vs = new_slot(vt, "");
  Instr& walk = F->fn->code[size_t(emit(OpMIter, it, src))];
  walk.flags |= 1;                           // the runtime's own walk: no hiter
  const int top = pc();
  const int jdone = emit(OpMNext, it, ks, vs);
  V k, v;
  k.t = kt;
  k.slot = ks;
  v.t = vt;
  v.slot = vs;
  emit(OpMSet, dst, owned(k, kt), owned(v, vt));
  back_jump(top);
  F->fn->code[size_t(jdone)].d = pc();
  if (jnil >= 0) patch(jnil, pc());
  if (jcopied >= 0) F->fn->code[size_t(jcopied)].d = pc();
  return r;
}

// sort_call: sort.Ints/Strings/Float64s (and their IsSorted checks) and slices.Sort /
// slices.IsSorted on slices of integers, strings or float64s, sorted in place. Until Go
// 1.22 sort.Ints(x) is sort.Sort(IntSlice(x)): the slice header is boxed into an interface
// (24 B) and x's backing array escapes; from 1.22 it is slices.Sort: nothing escapes.
V Compiler::sort_call(const Expr& e, const std::string& pkg, const std::string& name, std::vector<V>& args) {
  struct S { const char* pkg; const char* name; Kind elem; bool check; };
  static const S fns[] = {
      {"sort", "Ints", Kind::Int, false}, {"sort", "Strings", Kind::String, false}, {"sort", "Float64s", Kind::Float64, false},
      {"sort", "IntsAreSorted", Kind::Int, true}, {"sort", "StringsAreSorted", Kind::String, true},
      {"sort", "Float64sAreSorted", Kind::Float64, true}, {"slices", "Sort", Kind::Invalid, false},
      {"slices", "IsSorted", Kind::Invalid, true}};
  for (const S& f : fns) {
    if (pkg != f.pkg || name != f.name) continue;
    const std::string full = pkg + "." + name;
    if (args.size() != 1) return arg_count_error(e, args.size(), 1, full);
    const TypeId st = args[0].t;
    const bool slice = T.kind(st) == Kind::Slice;
    const TypeId et = slice ? T.u(st).elem : 0;
    const bool ordered = slice && (T.is_integer(et) || T.kind(et) == Kind::String || T.kind(et) == Kind::Float64);
    if (f.elem != Kind::Invalid ? !(slice && T.kind(et) == f.elem) : !ordered)
      return bad(e.args[0]->pos, "cannot use " + describe(args[0]) + " as " +
                                     (f.elem == Kind::Int ? "[]int" : f.elem == Kind::String ? "[]string" : f.elem == Kind::Float64 ? "[]float64" : "a slice of an ordered type") +
                                     " value in argument to " + full);
    std::vector<V*> ps{&args[0]};
    if (f.check) return bi_call(Builtin::SliceIsSorted, ps, TypeTable::kBool, false);
    const bool boxed = pkg == "sort" && lib_.sort_boxes_slice;
    return bi_call(boxed ? Builtin::SortBoxed : Builtin::SortSlice, ps, 0, boxed);
  }
  return bad(e.pos, pkg + "." + name + " is not supported by the playground (sort.Ints, Strings, Float64s and their IsSorted checks, Slice, SliceStable, SliceIsSorted, Search, SearchInts, SearchStrings, SearchFloat64s; slices.Sort, IsSorted)");
}

// time_method compiles a method call on a time.Duration or time.Time value.
V Compiler::time_method(const Expr& e, const Expr& sel, TypeId xt) {
  const TypeId dur = prog_.duration_type, tm = prog_.time_type;
  using M = PkgFn;
  const M duration_methods[] = {
      {"Seconds", Builtin::DurSeconds, 0, TypeTable::kFloat64}, {"Minutes", Builtin::DurMinutes, 0, TypeTable::kFloat64},
      {"Hours", Builtin::DurHours, 0, TypeTable::kFloat64}, {"Milliseconds", Builtin::DurMilliseconds, 0, TypeTable::kInt64},
      {"Microseconds", Builtin::DurMicroseconds, 0, TypeTable::kInt64}, {"Nanoseconds", Builtin::DurNanoseconds, 0, TypeTable::kInt64},
      {"String", Builtin::DurString, 0, TypeTable::kString}};
  const M time_methods[] = {
      {"Sub", Builtin::TimeSub, tm, dur}, {"Add", Builtin::TimeAdd, dur, tm}, {"Before", Builtin::TimeBefore, tm, TypeTable::kBool},
      {"After", Builtin::TimeAfter, tm, TypeTable::kBool}, {"Equal", Builtin::TimeEqual, tm, TypeTable::kBool},
      {"Unix", Builtin::TimeUnix, 0, TypeTable::kInt64}, {"UnixMilli", Builtin::TimeUnixMilli, 0, TypeTable::kInt64},
      {"UnixNano", Builtin::TimeUnixNano, 0, TypeTable::kInt64}, {"String", Builtin::TimeString, 0, TypeTable::kString}};
  const bool is_dur = xt == dur;
  const std::string tname = is_dur ? "time.Duration" : "time.Time";
  for (const M& m : is_dur ? std::span<const M>(duration_methods) : std::span<const M>(time_methods)) {
    if (sel.name != m.name) continue;
    std::vector<V> args;
    V recv = expr(*sel.x);
    if (!recv.ok) return recv;
    args.push_back(std::move(recv));
    if (!args_exprs(e, args)) { V v; v.ok = false; return v; }
    return pkg_fn_call(e, "(" + tname + ").", m, args);
  }
  std::string have;
  for (const M& m : is_dur ? std::span<const M>(duration_methods) : std::span<const M>(time_methods))
    have += std::string(have.empty() ? "" : ", ") + m.name;
  return bad(sel.pos, expr_str(sel) + " undefined (" + tname + "." + sel.name + " is not supported by the playground; it has " + have + ")");
}

// unsafe_call: Sizeof, Alignof and Offsetof are constants of the operand's type (linux/amd64
// layout); the operand is not evaluated, as the spec says.
V Compiler::unsafe_call(const Expr& e, const std::string& name) {
  if (name != "Sizeof" && name != "Alignof" && name != "Offsetof") return bad(e.pos, "unsafe." + name + " is not supported by the playground");
  if (e.args.size() != 1) return arg_count_error(e, e.args.size(), 1, "unsafe." + name);
  const Expr& x = *e.args[0];
  uint64_t value = 0;
  if (name == "Offsetof") {
    if (x.kind != Expr::Selector) return bad(x.pos, "invalid argument: " + expr_str(x) + " is not a selector expression");
    TypeId st;
    if (!static_type(*x.x, st)) { V v; v.ok = false; return v; }
    if (T.kind(st) == Kind::Pointer) st = T.u(st).elem;
    bool found = false;
    if (T.kind(st) == Kind::Struct)
      for (const Field& f : T.u(st).fields)
        if (f.name == x.name) { value = f.offset; found = true; }
    if (!found) return bad(x.pos, expr_str(x) + " undefined (type " + T.name(st) + " has no field " + x.name + ")");
  } else {
    TypeId t;
    if (!static_type(x, t)) { V v; v.ok = false; return v; }
    if (T.is_untyped(t)) t = T.default_type(t);
    value = name == "Sizeof" ? T[t].size : T[t].align;
  }
  return int_const(TypeTable::kUintptr, int64_t(value));
}

// int_const is a constant of type t (a package's constant, unsafe.Sizeof's answer).
V Compiler::int_const(TypeId t, int64_t value) {
  V r;
  r.isconst = true;
  r.t = t;
  r.cv.k = CVal::Int;
  r.cv.i = i128(value);
  return r;
}

// args_exprs_special compiles arguments; &m of a MemStats variable is allowed for
// runtime.ReadMemStats (the variable stays on the stack, as in Go).
bool Compiler::args_exprs_special(const Expr& e, const std::string& full, std::vector<V>& out) {
  for (const auto& a : e.args) {
    const Expr* x = a.get();
    if ((full == "runtime.ReadMemStats" || full == "runtime.KeepAlive") && x->kind == Expr::Unary && x->op == Tok::And &&
        x->x->kind != Expr::CompositeLit) {
      int ref = lvalue_ref(*x->x);
      if (ref < 0) return fail(x->pos, "cannot take the address of " + expr_str(*x->x));
      TypeId st;
      if (!static_type(*x->x, st)) return false;
      V v;
      v.t = T.pointer(st);
      v.slot = ref;
      if (prog_.cat_of(v.t) != F->fn->slot_cat[size_t(ref)]) return fail(x->pos, "cannot take the address of " + expr_str(*x->x));
      out.push_back(v);
      continue;
    }
    if (!arg_value(*x, out)) return false;
  }
  return true;
}

}  // namespace lang::detail
