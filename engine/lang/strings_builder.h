#pragma once
// strings_builder.h — strings.Builder, as each release's own Go code, run by the VM.
//
// Models strings/builder.go's memory as gc allocates it: the Builder's methods are written in
// the Go the playground runs and compiled with a program that imports "strings" (a prelude,
// as sync.Map's: sync_map.h), so its buffer grows by the engine's append (growslice: the
// capacity doubles up to 256 bytes, then by 1.25× plus 192, rounded to the size class) and
// escape analysis sees what it sees in Go: the receiver does not escape (Go hides b.addr = b
// from escape analysis), the buffer lives on the heap.
//
//   Builder   { addr *Builder; buf []byte }  32 B, a local Builder stays on the stack
//   WriteString / Write / WriteByte   b.buf = append(b.buf, …)
//   WriteRune  utf8.AppendRune (Go 1.21+); up to 1.20 grow(4) when fewer than 4 bytes are free,
//              then the rune encoded in place (LibraryRules::builder_rune_appends)
//   Grow(n)   when cap − len < n, grow(n): a new buffer of 2·cap + n, copied; from Go 1.23 its
//             capacity is the size class (bytealg.MakeNoZero; LibraryRules::builder_grow_rounds_up)
//   String()  the buffer's bytes as a string, not copied (unsafe.String): nothing allocated
//   Len, Cap, Reset (Reset drops the buffer: the next write allocates again)
//
//   copyCheck  every write first records the Builder's address (through noescape: b does not
//              escape); a copy written after the original panics, as in Go
//
// Simplifications: the prelude's lines are its own (stepping into a method shows no program
// line).
#include "engine/lang/ast.h"
#include "engine/runtime/profile.h"

namespace lang {

// add_strings_builder appends the release's strings.Builder code (every name prefixed
// "strings_": strings_Builder is strings.Builder) to a file that imports "strings"; false
// with err when that code does not parse (a bug).
bool add_strings_builder(File& file, const runtime::LibraryRules& lib, Error& err);

}  // namespace lang
