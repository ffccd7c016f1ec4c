// defer_in_literals.go — defer inside function literals called where they are written
// (`func() { mu.Lock(); defer mu.Unlock(); … }()`), bound to a name only ever called, and in
// a function taking a func parameter (`withLock(func() { … })`), in and out of loops.
//
// gc does not inline a function that defers, so each literal is called as a function of its
// own: its closure stays on the stack (it does not escape), its defer is open-coded (outside
// a loop in the literal's body), and a panic recovered inside it returns to the caller.
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var mu sync.Mutex

func withLock(f func()) {
	mu.Lock()
	defer mu.Unlock()
	f()
}

var ms runtime.MemStats
var last, lastMallocs uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-30s delta = %d B, mallocs = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs)
	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
}

func main() {
	m := map[int]int{}
	order := []string{}
	func() {
		defer func() { order = append(order, "deferred") }()
		order = append(order, "body")
	}()
	safeDiv := func(a, b int) (q int, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("recovered: %v", r)
			}
		}()
		return a / b, nil
	}
	q, err := safeDiv(7, 2)
	fmt.Println(order, q, err)
	q, err = safeDiv(1, 0)
	fmt.Println(q, err)

	runtime.ReadMemStats(&ms)
	last, lastMallocs = ms.TotalAlloc, ms.Mallocs
	n := 0
	for i := 0; i < 1000; i++ {
		func() {
			mu.Lock()
			defer mu.Unlock()
			n += i
		}()
	}
	delta("1000 func(){defer}()")
	for i := 0; i < 1000; i++ {
		withLock(func() { m[i%10] += i })
	}
	delta("1000 withLock(func(){…})")
	for i := 0; i < 100; i++ {
		_, _ = safeDiv(i, 1)
	}
	delta("100 safeDiv(i, 1)")
	fmt.Println(n, len(m), m[3])
}
