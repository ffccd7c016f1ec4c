// The same 200 000 orders stored as values, map[int]Order, and as pointers, map[int]*Order.
// How many objects does the GC have to trace, and how often does it run while filling?
package main

import (
	"fmt"
	"runtime"
)

type Order struct {
	ID       int
	Customer int
	Cents    int
	Items    int
}

const n = 200_000

var (
	values   map[int]Order
	pointers map[int]*Order
)

func main() {
	start := stats()
	values = make(map[int]Order)
	for i := 0; i < n; i++ {
		values[i] = Order{ID: i, Customer: i % 1000, Cents: 999, Items: 1}
	}
	report("map[int]Order", start)
	values = nil

	start = stats()
	pointers = make(map[int]*Order)
	for i := 0; i < n; i++ {
		pointers[i] = &Order{ID: i, Customer: i % 1000, Cents: 999, Items: 1}
	}
	report("map[int]*Order", start)
}

func stats() runtime.MemStats {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms
}

func report(kind string, start runtime.MemStats) {
	end := stats()
	fmt.Printf("after-gc %s: Alloc=%d KB HeapObjects=%d GCs while filling=%d\n",
		kind, end.Alloc/1024, end.HeapObjects, end.NumGC-start.NumGC-1)
}
