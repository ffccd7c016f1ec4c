// compiler_pkg_values.cpp — a package function the playground calls as a builtin, used as a
// value: `f := strconv.Itoa`, `apply(xs, math.Sqrt)`, `map[string]func(float64) float64{"sqrt":
// math.Sqrt}`, `sorters := []func([]int){sort.Ints}`.
//
// Models: gc's func value of a package function, a static closure (the symbol `strconv.Itoa·f`
// in the package's read-only data, its one word the function's code): taking it allocates
// nothing (real Go 1.19, 1.21–1.27: 0 B, func_value_pkgs.go). A call through it is a call
// of an unknown function: its arguments escape (escape/call.go), as for any func value.
//
// The playground's own package calls (compiler_packages.cpp) are builtins, not functions, so
// the value is a function of Go code made the first time it is taken, with the function's
// own signature, whose body is the call: `func strconv_Itoa(i int) string { return
// strconv.Itoa(i) }` (its frame is one more than gc's, which calls the function directly).
// package strings' functions (strings_funcs.h) are functions already: their own value.
//
// Simplifications: fmt's Print family (whose (n int, err error) the playground does not
// return) and the generic functions (slices', maps') are refused by name.

#include "engine/lang/compiler_impl.h"
#include "engine/lang/parser.h"

#include <memory>
#include <string>
#include <utility>

namespace lang::detail {

namespace {

// kPkgFuncSignatures: the functions a package-function value may name, by import path, with
// their signatures as Go declares them (P. stands for the package's own name in the program).
struct PkgSig { const char* path; const char* name; const char* sig; };

constexpr const char* kMathUnary[] = {"Sqrt", "Floor", "Ceil", "Trunc", "Round", "RoundToEven", "Abs", "Exp", "Exp2", "Log", "Log2", "Log10",
                                      "Log1p", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Tanh", "Cbrt"};
constexpr const char* kMathBinary[] = {"Max", "Min", "Pow", "Mod", "Hypot", "Atan2", "Copysign", "Dim", "Remainder"};

constexpr PkgSig kPkgSigs[] = {
    {"strconv", "Itoa", "(i int) string"},
    {"strconv", "FormatInt", "(i int64, base int) string"},
    {"strconv", "Atoi", "(s string) (int, error)"},
    {"unicode", "IsLetter", "(r rune) bool"},
    {"unicode", "IsDigit", "(r rune) bool"},
    {"unicode", "IsSpace", "(r rune) bool"},
    {"unicode", "IsUpper", "(r rune) bool"},
    {"unicode", "IsLower", "(r rune) bool"},
    {"unicode", "ToUpper", "(r rune) rune"},
    {"unicode", "ToLower", "(r rune) rune"},
    {"math", "IsNaN", "(f float64) bool"},
    {"math", "Signbit", "(x float64) bool"},
    {"math", "IsInf", "(f float64, sign int) bool"},
    {"math", "Inf", "(sign int) float64"},
    {"math", "NaN", "() float64"},
    {"math", "Float64bits", "(f float64) uint64"},
    {"math", "Float64frombits", "(b uint64) float64"},
    {"sort", "Ints", "(x []int)"},
    {"sort", "Strings", "(x []string)"},
    {"sort", "Float64s", "(x []float64)"},
    {"sort", "IntsAreSorted", "(x []int) bool"},
    {"sort", "StringsAreSorted", "(x []string) bool"},
    {"sort", "Float64sAreSorted", "(x []float64) bool"},
    {"strings", "Repeat", "(s string, count int) string"},
    {"strings", "Clone", "(s string) string"},
    {"fmt", "Sprint", "(a ...any) string"},
    {"fmt", "Sprintln", "(a ...any) string"},
    {"fmt", "Sprintf", "(format string, a ...any) string"},
    {"fmt", "Errorf", "(format string, a ...any) error"},
    {"errors", "New", "(text string) error"},
    {"math/rand", "Int", "() int"},
    {"math/rand", "Intn", "(n int) int"},
    {"math/rand", "Int31", "() int32"},
    {"math/rand", "Int31n", "(n int32) int32"},
    {"math/rand", "Int63", "() int64"},
    {"math/rand", "Int63n", "(n int64) int64"},
    {"math/rand", "Uint32", "() uint32"},
    {"math/rand", "Uint64", "() uint64"},
    {"math/rand", "Float64", "() float64"},
    {"time", "Now", "() P.Time"},
    {"time", "Since", "(t P.Time) P.Duration"},
    {"time", "Sleep", "(d P.Duration)"},
    {"runtime", "GC", "()"},
    {"runtime", "Gosched", "()"},
    {"runtime", "NumGoroutine", "() int"},
    {"runtime/debug", "FreeOSMemory", "()"},
    {"log", "SetPrefix", "(prefix string)"},
    {"log", "SetFlags", "(flag int)"},
    {"log", "Flags", "() int"},
};

// pkg_signature: name's signature in package path, or "" when the playground has no value of it
std::string pkg_signature(const std::string& path, const std::string& name) {
  for (const PkgSig& s : kPkgSigs)
    if (path == s.path && name == s.name) return s.sig;
  if (path == "math") {
    for (const char* n : kMathUnary)
      if (name == n) return "(x float64) float64";
    for (const char* n : kMathBinary)
      if (name == n) return "(x, y float64) float64";
  }
  return "";
}

// call_args: the parameter names of sig's list, as a call passes them ("x, y", "format, a...")
std::string call_args(const std::string& sig) {
  const std::string params = sig.substr(1, sig.find(')') - 1);
  std::string out;
  for (size_t from = 0; from < params.size();) {
    size_t comma = params.find(',', from);
    if (comma == std::string::npos) comma = params.size();
    const size_t begin = params.find_first_not_of(' ', from);
    const std::string piece = params.substr(begin, comma - begin);   // "format string", "a ...any", "x"
    out += (out.empty() ? "" : ", ") + piece.substr(0, piece.find(' '));
    if (piece.find("...") != std::string::npos) out += "...";
    from = comma + 1;
  }
  return out;
}

}  // namespace

// pkg_value_function: the function `alias.name` (sel, an imported package's name) stands for
// as a value: package strings' own (strings_funcs.h), or the function of Go made for it the
// first time (once a program); -1 when the playground has none, -2 after an error.
int Compiler::pkg_value_function(const Expr& sel) {
  if (sel.kind != Expr::Selector || sel.x->kind != Expr::Ident || lookup_local_or_pkg(sel.x->name) || !imports_.count(sel.x->name)) return -1;
  const std::string& alias = sel.x->name;
  const std::string path = imports_[alias].name;
  imports_[alias].used = true;
  if (path == "strings") {   // the release's own function (strings_funcs.h)
    auto it = pkg_.find("strings_" + sel.name);
    if (it != pkg_.end() && it->second.k == Entity::Func) return func_params_[size_t(it->second.slot)] ? -1 : it->second.slot;
  }
  const std::string full = path + "." + sel.name;
  if (auto it = pkg_values_.find(full); it != pkg_values_.end()) return it->second;
  std::string sig = pkg_signature(path, sel.name);
  if (sig.empty()) return -1;
  for (size_t at; (at = sig.find("P.")) != std::string::npos;) sig.replace(at, 2, alias + ".");
  const bool returns = sig.find(')') + 1 < sig.size();   // results after the parameters
  std::string fname = path + "_" + sel.name;
  for (char& c : fname)
    if (c == '/') c = '_';
  const std::string src = "package main\nfunc " + fname + sig + " {\n\t" + (returns ? "return " : "") + alias + "." + sel.name + "(" +
                          call_args(sig) + ")\n}\n";
  auto file = std::make_unique<File>();
  Error err;
  if (!parse(src, *file, err, kLibraryFirstLine + 950'000)) return fail(sel.pos, "internal error in the value of " + full + ": " + err.msg), -2;
  const FuncDecl& fd = file->funcs.front();
  pkg_value_files_.push_back(std::move(file));
  const std::string go_name = path.substr(path.rfind('/') + 1) + "." + sel.name;   // rand.Intn, as a frame names it
  int fidx;
  if (!add_function(fd, {}, go_name, fidx)) return -2;
  pkg_values_[full] = fidx;
  pending_.push_back(fidx);
  return fidx;
}

// pkg_func_value: `alias.name` used as a value, a static func value (0 B); false when the
// playground has no value of it.
bool Compiler::pkg_func_value(const Expr& e, V& out) {
  const int fidx = pkg_value_function(e);
  if (fidx == -1) return false;
  if (fidx == -2) return out.ok = false, true;
  Entity en;
  en.k = Entity::Func;
  en.slot = fidx;
  out = func_value_of(en, e.pos);
  return true;
}

}  // namespace lang::detail
