// loopvar_addresses.go — taking the address of scalar variables, and Go 1.22's
// per-iteration loop variables.
//
// &x of a local scalar costs nothing while the pointer stays in the function; stored where
// it outlives the call, x is "moved to heap" (an 8-byte box; tiny boxes share 16-byte blocks).
// A map of pointers filled from a loop variable shows the language change: before Go 1.22
// (go.mod "go 1.19") every &v is the same variable, one box for the whole loop, and every
// entry points at the last value; from Go 1.22 each iteration has its own v: one box per
// entry. gomapsim follows the simulated release's language version, as go.mod does here.
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"runtime"
)

var before runtime.MemStats

func start() { runtime.ReadMemStats(&before) }

func delta() (uint64, uint64) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs
}

var counter *int

func track(n int) {
	counter = &n
}

func main() {
	fmt.Print("")
	start()
	x := 40
	p := &x
	*p += 2
	d, m := delta()
	fmt.Printf("local pointer: x=%d delta=%d mallocs=%d\n", x, d, m)

	start()
	track(7)
	*counter++
	d, m = delta()
	fmt.Printf("escaping parameter: %d delta=%d mallocs=%d\n", *counter, d, m)

	byID := make(map[int]*int, 64)
	ids := []int{3, 1, 4, 1, 5, 9, 2, 6}
	start()
	for i, id := range ids {
		byID[i] = &id
	}
	d, m = delta()
	sum := 0
	for _, v := range byID {
		sum += *v
	}
	fmt.Printf("range: entries=%d sum=%d delta=%d mallocs=%d\n", len(byID), sum, d, m)

	squares := make(map[int]*int, 64)
	start()
	for i := 0; i < 40; i++ {
		sq := i * i
		if i%2 == 0 {
			squares[i] = &sq
		}
	}
	d, m = delta()
	fmt.Printf("body variable: entries=%d sq(38)=%d delta=%d mallocs=%d\n", len(squares), *squares[38], d, m)

	firsts := make([]*int, 0, 64)
	start()
	for i := 0; i < 50; i++ {
		firsts = append(firsts, &i)
	}
	d, m = delta()
	fmt.Printf("for clause: first=%d last=%d delta=%d mallocs=%d\n", *firsts[0], *firsts[49], d, m)
	runtime.KeepAlive(byID)
}
