// A map filled with &v from a range loop: how many variables does the loop make?
package main

import (
	"fmt"
	"runtime"
)

func printAlloc(step string) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%s: Alloc=%d KB\n", step, m.Alloc/1024)
}

func main() {
	n := 100_000
	ids := make([]int, n)
	for i := range ids {
		ids[i] = i
	}
	byPos := make(map[int]*int, n)
	runtime.GC()
	printAlloc("after-gc made")
	for i, v := range ids {
		byPos[i] = &v
	}
	runtime.GC()
	printAlloc("after-gc filled")
	last := 0
	for i := n - 10; i < n; i++ {
		last += *byPos[i]
	}
	fmt.Println("entries:", len(byPos), "sum of the last ten:", last)
	runtime.KeepAlive(ids)
}
