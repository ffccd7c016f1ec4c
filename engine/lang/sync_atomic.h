#pragma once
// sync_atomic.h — package sync/atomic, as Go code the VM runs.
//
// Models sync/atomic (doc.go, type.go, value.go; Go 1.19–1.27) as far as a program and
// ReadMemStats see it. The playground runs one goroutine at a time, so every operation is a
// plain load or store; what matters is what escapes, and that is Go's:
//
//   AddInt32 … CompareAndSwapUintptr   //go:noescape in doc.go: &x passed to them stays
//                                      on the stack (`var n int32; atomic.AddInt32(&n, 1)`)
//   Int32 Int64 Uint32 Uint64 Uintptr  { _ noCopy; [_ align64;] v T }: 4 or 8 bytes, methods
//   Bool                               { _ noCopy; v uint32 }     that inline to the above
//   Pointer[T]                         { _ [0]*T; _ noCopy; v unsafe.Pointer }: Store/Swap/
//                                      CompareAndSwap hand &x.v to StorePointer & co, which
//                                      have no noescape: x and what it stores leave the stack
//   Value                              { v any }: Store of a non-pointer boxes it (convT),
//                                      and the Value moves to the heap ("moved to heap: v")
//   And/Or (functions and methods)     from Go 1.23 (LibraryRules::atomic_and_or)
//
// Every name is prefixed "atomic_" (atomic_Int64 is atomic.Int64; library_packages.h).
// Invariant: a method's result is what Go's would return run alone (Add the new value, Swap,
// And and Or the old one).
// Simplifications: Value's Load/Store pair is not a spin on a first-store marker (one
// goroutine runs at a time: no reader sees a store half done); the *Pointer functions
// (unsafe.Pointer) are not offered.
#include "engine/lang/ast.h"

namespace lang {

// add_sync_atomic appends package sync/atomic for release go_minor to a file that imports
// "sync/atomic"; false with err when that code does not parse (a bug).
bool add_sync_atomic(File& file, int go_minor, Error& err);

}  // namespace lang
