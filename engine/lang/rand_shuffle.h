#pragma once
// rand_shuffle.h — math/rand's Shuffle, as Go's own code, run by the VM.
//
// Models (*Rand).Shuffle of math/rand/rand.go (the same on Go 1.19–1.27): Fisher-Yates from
// the end, swap(i, j) called n-1 times with j = r.int31n(i+1), Lemire's multiply-and-shift on
// r.Uint32() (drawn again below the threshold); rand.Shuffle is the global generator's. The
// code is appended to a program that imports "math/rand" as rand_shuffle(n, swap) and
// rand_shuffleOn(r, n, swap), written with the import's own name; rand.Shuffle and
// r.Shuffle compile to calls of them (compiler_iface.cpp rand_shuffle_call), so swap is
// expanded at the call as any function's func-typed parameter is, and a seeded
// rand.New(rand.NewSource(s)) gives real Go's order (Uint32 is the VM's rngSource).
//
// Simplification: n past 1<<31-1 (Go's Int63n branch) is refused with Go's panic words
// rather than run (2³¹ swaps).
#include "engine/lang/ast.h"

namespace lang {

// add_rand_shuffle appends Shuffle's code to a file that imports "math/rand"; false with err
// when that code does not parse (a bug).
bool add_rand_shuffle(File& file, Error& err);

}  // namespace lang
