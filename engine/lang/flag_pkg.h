#pragma once
// flag_pkg.h — package flag as each release's own Go code (flag/flag.go, Go 1.19–1.27), run
// by the VM: what a benchmark's `n := flag.Int("n", 1000000, "entries"); flag.Parse()` costs.
//
//   CommandLine   NewFlagSet(os.Args[0], ExitOnError) in flag's init, before main: the FlagSet
//                 (96 B on 1.19; 112 from 1.20, which added the undef map) and the closure of
//                 its Usage method value (16 B). Go 1.19 also makes ErrHelp, errParse and
//                 errRange with errors.New at init (3 × 16 B); from Go 1.20 gc initialises
//                 them statically (staticinit of the inlined errors.New): nothing allocated.
//                 Measured: start-up +160 B / 5 mallocs on 1.19, +128 B / 2 on 1.21–1.27.
//   Int, Int64, Uint, String, Bool, Duration   new(T) (the pointer returned), then Var
//   IntVar, Int64Var, UintVar, StringVar, BoolVar, DurationVar   Var with the caller's pointer
//   Var           a Flag (64 B) holding the value's String() as DefValue (strconv.Itoa's
//                 string for ints ≥ 100, Duration.String's), stored in f.formal, a map the
//                 first definition makes (make(map[string]*Flag): hmap and its first bucket)
//   Parse         CommandLine.Parse(os.Args[1:]): no arguments here (os_pkg.h), so it only
//                 marks the set parsed; nothing allocated
//   Args, NArg, NFlag, Arg(i), Parsed, Lookup, PrintDefaults, Usage
//
// Every name is prefixed "flag_" (flag_FlagSet is flag.FlagSet; library_packages.h); the code
// reaches strconv, time and errors through imports of its own ("flag_strconv"), which the
// program cannot see unused.
// Simplifications: the command line has no arguments, so no Set method parses one (Value is
// String only: flag.Var, Func, TextVar, NewFlagSet, FlagSet.Parse and flag.Set are not
// offered); Float64 (strconv.FormatFloat) and Uint64 are not offered; PrintDefaults names
// the types as UnquoteUsage does for the offered kinds and leaves out zero defaults as
// isZeroValue does.
#include "engine/lang/ast.h"

namespace lang {

// add_flag appends package flag's code for Go 1.go_minor (every name prefixed "flag_") to a
// file that imports "flag", with its own imports; false with err when that code does not
// parse (a bug).
bool add_flag(File& file, int go_minor, Error& err);

}  // namespace lang
