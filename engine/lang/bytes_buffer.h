#pragma once
// bytes_buffer.h — bytes.Buffer, as each release's own Go code, run by the VM.
//
// Models bytes/buffer.go (Go 1.19–1.27) as gc allocates it: the methods are written in the Go
// the playground runs and compiled with a program that imports "bytes" (a prelude, as
// strings.Builder's: strings_builder.h), so escape analysis sees what gc sees: the receiver
// does not escape (a local Buffer, new(bytes.Buffer) or &bytes.Buffer{} used in one function
// stays on the stack), the bytes live on the heap.
//
//   Buffer  { buf []byte; off int; lastRead int8 }  40 B (48-B size class on the heap)
//   writes  tryGrowByReslice, else grow(n): a nil buf and n ≤ smallBufferSize (64) makes
//           make([]byte, n, 64); else slide the contents down when n ≤ cap/2 − Len, else
//           growSlice: append([]byte(nil), make([]byte, c)...) with c = max(Len+off+n, 2·cap),
//           a new array of roundupsize(c) bytes (gc's extendslice: the make is not allocated)
//   WriteRune  grow(utf8.UTFMax) then the rune encoded in place (1.19: EncodeRune into
//           buf[m:m+4]; 1.21+: AppendRune onto buf[:m], within the capacity grow made)
//   String  string(buf[off:]): a copy (a string conversion: gc's rules for where it lives)
//   Bytes   buf[off:], shared; Reset keeps the array (buf[:0]); Truncate(0) is Reset
//   Available, AvailableBuffer  from Go 1.21 ("undefined" before, as gc)
//   NewBuffer(p)        &Buffer{buf: p}
//   NewBufferString(s)  &Buffer{buf: []byte(s)}
//
// Every name is prefixed "bytes_" (bytes_Buffer is bytes.Buffer; library_packages.h).
// Simplifications: the read side (Read, ReadByte, ReadString, Next, UnreadByte, WriteTo,
// ReadFrom, Peek) and the package's functions are not offered (refused by name); growSlice's
// recover that turns a failed allocation into ErrTooLarge is left out (the playground's heap
// is not exhausted by one append); the prelude's lines are its own.
#include "engine/lang/ast.h"

namespace lang {

// add_bytes_buffer appends the release's bytes.Buffer code (every name prefixed "bytes_") to
// a file that imports "bytes"; false with err when that code does not parse (a bug).
bool add_bytes_buffer(File& file, int go_minor, Error& err);

}  // namespace lang
