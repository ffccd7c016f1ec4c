#pragma once
// iter_pull.h — iter.Pull and iter.Pull2 (Go 1.23+) as each release's iter/iter.go, in the Go
// the playground runs, on coroutines modelled as runtime/coro.go has them.
//
// Models (go1.23–1.27 src/iter/iter.go, src/runtime/coro.go; measured with real Go's
// MemStats and a MemProfileRate=1 profile, tests/oracle/programs/iter_pull.go):
//
//   Pull(seq)    the state next, stop and the coroutine share, the coroutine (newcoro: a
//                32-B runtime.coro and a goroutine made parked, waitReasonCoroutine), the
//                closures next and stop; the coroutine's body makes the yield closure it
//                hands to seq when it first runs (the first next, or a stop before it)
//   state        up to Go 1.24 seven variables, each moved to the heap on its own (v, ok,
//                done, yieldNext, racer — its address goes to race.Acquire —, panicValue,
//                seqDone: the pointer-free ones share tiny blocks, panicValue is 16 B); from
//                Go 1.25 one `pull` struct (48 B for an int V): 13 mallocs a Pull that
//                runs to its end on 1.23–1.24, 7 from 1.25 (12 and 6 for a Pull only stopped)
//   closures     gc compiles Pull's instance on a shape, so each closure also captures the
//                dictionary (.dict): one word more than its captures (next 80 B on 1.23,
//                32 from 1.25); maps.Keys(m) inlined in the caller makes its iterator's
//                closure {F, .dict, m}, 24 B, which escapes into the coroutine's closure
//   the g        newproc1's g: gfget's dead goroutine, else malg (a new g, never freed, and
//                its 2 KiB stack): the first Pull pays the g (448 B; 480 from Go 1.26), later
//                ones reuse it, as the coroutine's g dies (coroexit: gdestroy) when seq
//                returns or stop ends it
//
// The coroutine: runtime_newcoro(c) makes its goroutine parked at iter_corostart(c);
// runtime_coroswitch(c) parks the running goroutine (waitReasonCoroutine) and runs c.gp at
// once, leaving its own g in c.gp (coroswitch_m); iter_corostart's return is coroexit:
// the goroutine dies and c.gp runs (engine/lang/sched.cpp coro_new, coro_switch, goexit).
//
// Every name is prefixed "iter_" (iter_Pull is iter.Pull; library_packages.h); the
// iterators of maps and slices used as values (passed to Pull: `iter.Pull(maps.Keys(m))`)
// are their Go code here too (iter_mapsKeys is maps.Keys).
// Simplifications: no race detector (race.Acquire and the rest are no-ops, as gc's build
// without -race makes them: &racer is still taken, so racer moves to the heap with the
// others); runtime.Goexit inside seq (goexitPanicValue) is not modelled, as the playground
// has no Goexit.
#include "engine/lang/ast.h"

namespace lang {

// add_iter_pull appends iter.Pull's code to a file that imports "iter", on Go 1.23 and
// later; false with err when that code does not parse (a bug).
bool add_iter_pull(File& file, int go_minor, Error& err);

}  // namespace lang
