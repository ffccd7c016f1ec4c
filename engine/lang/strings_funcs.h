#pragma once
// strings_funcs.h — package strings' functions, as Go's own code, run by the VM.
//
// Models strings/strings.go (Go 1.19–1.27) the way strings_builder.h models builder.go: each
// function is written in the Go the playground runs, following its release's code, and
// compiled with a program that imports "strings" (a prelude: every name prefixed "strings_",
// so strings_Split is strings.Split). What they allocate is then what gc allocates, by the
// engine's own make, append and strings.Builder:
//
//   Split, SplitN, SplitAfter(N)  genSplit: make([]string, Count(s, sep)+1), the substrings
//                                 share s; sep "" is explode: one string a rune
//   Fields                        ASCII: make([]string, n) of the fields counted first;
//                                 else FieldsFunc(s, unicode.IsSpace): spans in a 32-entry
//                                 array on the stack (appended past 32: the heap), then
//                                 make([]string, len(spans))
//   Join                          one Builder, Grow(the result's length)
//   Replace, ReplaceAll           nothing when old is absent; else one Builder, Grow(exact)
//   ToUpper, ToLower              s itself when nothing changes; ASCII: one Builder,
//                                 Grow(len(s)); else Map: Grow(len(s)+4) at the first change
//   Contains*, Index*, HasPrefix, HasSuffix, Count, Trim*, Cut*, Compare
//                                 nothing (substrings of s)
//
// The release differences in these functions (Replace's loop from 1.25, TrimSpace's from
// 1.26, Join's overflow checks from 1.21, ToUpper's runs from 1.21) change no allocation; what
// does differ per release is Builder.Grow's rounding (strings_builder.h) and which functions
// exist: CutPrefix and CutSuffix from Go 1.20.
//
// Simplifications: Index and Count compare bytes one by one (Go uses bytealg's vector code:
// the same results, more simulated time); unicode's case tables are ASCII, Latin-1,
// Latin Extended-A and Additional, Greek U+0386–U+03CE and Cyrillic U+0400–U+045F: ToUpper
// and ToLower of a letter from another block with case letters panic with the reason rather
// than print what Go would not. EqualFold, Map, Title and the iterators (Lines, SplitSeq)
// are not offered.
#include "engine/lang/ast.h"

namespace lang {

// add_strings_funcs appends package strings' functions for release go_minor to a file that
// imports "strings"; false with err when that code does not parse (a bug).
bool add_strings_funcs(File& file, int go_minor, Error& err);

}  // namespace lang
