// iter_pull.go — iter.Pull and iter.Pull2 (Go 1.23+): what a pull iterator costs, release by
// release, and the panics the library raises.
//
// Pull is not inlined; its state, its closures and a coroutine go to the heap (iter/iter.go,
// runtime/coro.go; each object found with a MemProfileRate=1 profile):
//   maps.Keys(m), inlined in the caller: its closure {F, .dict, m} escapes into Pull: 24 B
//   the state next, stop and the coroutine share: up to 1.24 seven variables moved to the
//     heap one by one (v, ok, done, yieldNext, racer, seqDone: tiny blocks; panicValue 16 B);
//     from 1.25 one struct `pull` (48 B): 6 mallocs fewer
//   the coroutine's body closure (80 B on 1.23–1.24, 32 from 1.25: it holds a pointer to
//     each variable, or one to pull), next (80 / 32), stop (48 / 32): every closure of the
//     shaped instance captures its dictionary too
//   newcoro's runtime.coro, 32 B, and a goroutine made parked (its g: 448 B on 1.23–1.25,
//     480 from 1.26, only for the first Pull: the coroutine's goroutine dies when seq ends or
//     stop ends it, and the next Pull reuses its g)
//   yield, made by the coroutine's body when it first runs (80/64 B, 32 from 1.25): not made
//     for a Pull only stopped
// Real Go (TotalAlloc / Mallocs deltas; one run of each release 1.23–1.27, a second of 1.23
// and 1.25 alike):
//   Pull(maps.Keys(m)) of 8 ints read to the end, stop deferred: 1.23 872 B / 16 the first
//     (its g, and the classic map's first iterator's mapextra: 48 B / 2), then 376 / 13;
//     1.24 824 / 14, then 376 / 13; 1.25 680 / 8, then 232 / 7; 1.26–1.27 712 / 8, 232 / 7
//   a Pull only stopped: 312 B / 12 on 1.23–1.24, 200 / 6 from 1.25
//   Pull2(maps.All(m)): 424 B / 14 on 1.23–1.24, 232 / 7 from 1.25
//   Pull(slices.Values(words)) read twice, not finished: its coroutine's goroutine parked
//     (NumGoroutine 2 until stop; a string V: v is 16 B with pointers up to 1.24): 416 B / 13
//     on 1.23–1.24, 256 / 7 from 1.25
//   Pull(evens(7)) of a generator of the program: 368 B / 13, 224 / 7 from 1.25
// gomapsim prints the same. The panics: next called inside seq ("iter.Pull: next called
// again before yield", raised in the coroutine, recovered by Pull and raised again by next)
// and a yield kept and called after next returned ("iter.Pull: yield called again before
// next"), on every release 1.23–1.27.
// oracle: since go1.23
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"iter"
	"maps"
	"runtime"
	"slices"
)

var a, b runtime.MemStats

func report(what string, n int) {
	fmt.Printf("%s %d: delta=%d mallocs=%d\n", what, n, b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)
}

func sumKeys(m map[int]int) int {
	next, stop := iter.Pull(maps.Keys(m))
	defer stop()
	s := 0
	for {
		k, ok := next()
		if !ok {
			break
		}
		s += k
	}
	return s
}

func stopOnly(m map[int]int) {
	_, stop := iter.Pull(maps.Keys(m))
	stop()
}

func sumAll(m map[int]int) int {
	next, stop := iter.Pull2(maps.All(m))
	defer stop()
	s := 0
	for {
		k, v, ok := next()
		if !ok {
			break
		}
		s += k * v
	}
	return s
}

func evens(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
}

func reentrant() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var next func() (int, bool)
	var stop func()
	next, stop = iter.Pull(func(yield func(int) bool) {
		next()
		yield(1)
	})
	defer stop()
	next()
}

func yieldKept() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var kept func(int) bool
	next, stop := iter.Pull(func(yield func(int) bool) {
		kept = yield
		yield(1)
		yield(2)
	})
	defer stop()
	v, ok := next()
	fmt.Println("first", v, ok)
	kept(3)
}

func main() {
	m := make(map[int]int)
	for i := 0; i < 8; i++ {
		m[i] = i
	}
	for r := 0; r < 3; r++ {
		runtime.ReadMemStats(&a)
		s := sumKeys(m)
		runtime.ReadMemStats(&b)
		report("pull", s)
	}
	for r := 0; r < 2; r++ {
		runtime.ReadMemStats(&a)
		stopOnly(m)
		runtime.ReadMemStats(&b)
		report("stop", r)
	}
	for r := 0; r < 2; r++ {
		runtime.ReadMemStats(&a)
		s := sumAll(m)
		runtime.ReadMemStats(&b)
		report("pull2", s)
	}

	words := []string{"a", "bb", "ccc"}
	runtime.ReadMemStats(&a)
	next, stop := iter.Pull(slices.Values(words))
	w1, ok1 := next()
	w2, ok2 := next()
	runtime.ReadMemStats(&b)
	fmt.Println(w1, ok1, w2, ok2, "goroutines", runtime.NumGoroutine())
	report("values", len(words))
	stop()
	w3, ok3 := next()
	fmt.Printf("%q %v goroutines %d\n", w3, ok3, runtime.NumGoroutine())

	runtime.ReadMemStats(&a)
	en, es := iter.Pull(evens(7))
	sum := 0
	for {
		v, ok := en()
		if !ok {
			break
		}
		sum += v
	}
	es()
	runtime.ReadMemStats(&b)
	report("evens", sum)

	bn, bs := iter.Pull2(slices.Backward(words))
	i, w, ok := bn()
	fmt.Println("backward", i, w, ok)
	bs()

	reentrant()
	yieldKept()
	fmt.Println("goroutines", runtime.NumGoroutine())
}
