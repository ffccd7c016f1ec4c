#pragma once
// compiler.h — checks a parsed file and compiles it to register bytecode (program.h).
//
// Models the parts of cmd/compile that change what a program allocates and keeps alive:
//   types2     type checking of the subset, constants (untyped, iota), gc's error wording
//   escape.go  whether make(map)/new/&T{}/make([]T)/string concatenation results escape:
//              a value escapes when it flows to a global, its own function's results, a
//              store through a pointer/slice/map, fmt/log arguments, or a parameter that
//              escapes; a parameter that only reaches its function's results "leaks to
//              result": the argument then flows to the call's result
//   liveness.go  per-instruction live sets of pointer slots (backward dataflow over the
//              bytecode's control-flow graph, loops included); runtime.KeepAlive is a use
//   walk/range.go  `for k := range m { delete(m, k) }` → one mapclear (OpMClear)
//   closures   a function literal is expanded where it is called (captures by reference,
//              nothing allocated), as gc's escape analysis treats a literal only called
//   inl.go     tiny functions (no calls but builtins, no switch or defer, a few statements; not
//              //go:noinline) count as inlined: what one returns lives or dies with each
//              call's result in its caller, as gc's inlined copies do (a function called
//              both ways gets a second body for the escaping calls), and a range-delete loop
//              in one is flagged: Go 1.19 does not turn an inlined copy into mapclear
//
//   version    the language version of the simulated Go release gates newer features and
//              decides loop variables' lifetime (one per loop before 1.22, per iteration after)
//   &x         a local scalar whose address is taken lives in a box, heap-allocated when
//              &x escapes ("moved to heap: x")
//
// Invariants: on success every function has code ending in a return, a stack map per pc
// and a SlotCat per slot; on failure err names the first offending construct.
//
// Simplifications: escape analysis is flow-insensitive per variable and per function result
// (all results of a function share one node); inlining only of tiny functions (gc inlines
// anything under its budget of 80, a call of a non-inlined function among it); the
// initialisation order of
// package variables ignores shadowing when it looks for references.
//
// The implementation: the class Compiler (compiler_impl.h) and its rooms, compiler.cpp,
// compiler_types.cpp, compiler_expr.cpp, compiler_calls.cpp (and compiler_expand_in_place.cpp,
// compiler_packages.cpp, compiler_builtins.cpp), compiler_stmt.cpp, escape.cpp,
// inline.cpp and liveness.cpp (engine/lang/README.md has the map).
#include "engine/lang/ast.h"
#include "engine/lang/program.h"

namespace lang {

// compile checks file and fills prog; false with err on the first error. A file importing
// "sync" gets the release's sync.Map code appended first (sync_map.h). go_minor is the
// language version's minor number (19 = Go 1.19): features newer than it are errors, as gc
// reports them for an older -lang (clear, min and max from 1.21, range over an integer
// from 1.22).
inline constexpr int kLatestGoMinor = 24;
bool compile(File& file, Program& prog, Error& err, int go_minor = kLatestGoMinor);
// compile with every error as gc prints them (gc_error_list), not only the first.
bool compile(File& file, Program& prog, std::vector<Error>& errs, int go_minor = kLatestGoMinor);

// gc_error_list: errors in the order they were found, as cmd/compile prints them: sorted by
// position, at most max, then "too many errors" (see compiler.cpp).
std::vector<Error> gc_error_list(const std::vector<Error>& reported, size_t max = 10);

}  // namespace lang
