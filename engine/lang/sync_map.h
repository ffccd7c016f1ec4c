#pragma once
// sync_map.h — sync.Map, as each release's own Go code, run by the VM.
//
// Models sync.Map's memory as gc allocates it: the map's code is the release's own, in Go
// (sync_map.cpp), compiled with the program (a "prelude" spliced into it when it imports
// "sync"), so the engine's maps, interface boxing (convT*), escape analysis and GC do what
// they do for any program, and the inner maps show in the Maps window.
//
//   Go 1.19–1.23 (sync/map.go; LibraryRules::sync_map == ReadDirty):
//     Map      { mu Mutex; read atomic.Value (1.19) | atomic.Pointer[readOnly]; dirty map[any]*entry; misses int }
//                40 B (1.19), 32 B (1.20+)
//     read  →  readOnly{ m map[any]*entry; amended bool }   16 B, a new one at every promotion
//     dirty    map[any]*entry (a classic map: 16-byte keys, 8-byte elems, 208-byte buckets)
//     entry    { p *any }  8 B; p → the value's `any` (16 B, `&i`), nil (deleted) or expunged
//     Store of a new key: key box + value box (convT) + 16 B (value moved to heap) + 16 B
//     (newEntry's &i) + 8 B entry; the first Store after a promotion copies read into a new
//     dirty map (dirtyLocked), expunging deleted entries; a Load that misses read misses++,
//     and at misses ≥ len(dirty) dirty becomes read (missLocked). Delete only sets p = nil:
//     the key, the entry and the map slot stay until the next dirtyLocked drops them.
//
//   Go 1.24+ (internal/sync/hashtriemap.go, sync/hashtriemap.go; HashTrie):
//     Map      { inited uint32; initMu Mutex; root *indirect; keyHash, valEqual func; seed uintptr }  48 B
//     indirect { isEntry bool; dead atomic.Bool; mu Mutex; parent *indirect; children [16]*node }
//              152 B (size class 160); the root is made on first use (initSlow)
//     entry    { isEntry bool; overflow *entry; key, value any }  48 B
//     A key's slot at depth d is hash bits [64-4(d+1), 64-4d) (nChildrenLog2 = 4); two keys
//     in one slot get new indirect nodes down to where their hashes part (expand); equal
//     hashes chain through overflow. Store (Swap) of a present key makes a new entry node;
//     Delete unlinks the entry and prunes indirect nodes left empty, up to the root.
//
// Invariants (the prelude's checkInvariants method, run by tests/lang/sync_map_test.cpp):
//   ReadDirty: dirty == nil ⇔ !read.amended; every key of read is in dirty unless its
//     entry is expunged; an expunged entry is in read only.
//   HashTrie:  every child of an indirect node at depth d has parent == that node; an entry's
//     key hashes to the path it is found at; no indirect node but the root is empty.
//
// Simplifications:
//   - One goroutine: the mutexes and atomics are plain fields (their sizes kept).
//   - The trie's children are `any` in the simulator (the VM has no unsafe casts between
//     node, entry and indirect); the indirect node's heap object keeps Go's 152 B
//     (TypeTable::set_go_size).
//   - The hash is the simulator's hash of the key mixed with the map's seed, not Go's
//     interhash: the trie's shape is a random hash's, as in Go, not the same one.
//   - The prelude's lines are its own: stepping into a sync.Map method shows no line of
//     the program (the caller's line stays current).
#include <string>

#include "engine/lang/ast.h"
#include "engine/runtime/profile.h"

namespace lang {

// sync_map_prelude is the Go source of sync.Map for a release: `package main` with every
// name prefixed "sync_" (sync_Map is sync.Map; TypeTable::name prints it so).
std::string sync_map_prelude(const runtime::LibraryRules& lib);

// add_sync_map appends the release's sync.Map code to a file that imports "sync" (its
// declarations after the file's own); false with err when that code does not parse (a bug).
bool add_sync_map(File& file, const runtime::LibraryRules& lib, Error& err);

// The Go size of internal/sync's indirect[any, any] (amd64): what the heap object of the
// prelude's sync_indirect weighs.
inline constexpr uint64_t kSyncIndirectBytes = 152;

}  // namespace lang
