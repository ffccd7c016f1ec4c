// key_value_kinds.go — struct keys with a string, slices grown through a map, an array of
// maps, bool keys printed with %v.
//
// map[pos]int with pos{name string; x, y int} (32-byte pointerful keys, stored inline);
// map[int][]int whose slices grow by append (m[k] = append(m[k], v): each growth is a new
// backing array, the old one garbage); [4]map[int]int shards; map[bool]int printed with %v
// (fmt sorts map keys, so the output is deterministic). Float keys are not in the playground's
// subset.
package main

import (
	"fmt"
	"runtime"
)

type pos struct {
	name string
	x, y int
}

func report(step string, shape string) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("after-gc %s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}

func main() {
	s := make(map[pos]int)
	for i := 0; i < 20000; i++ {
		s[pos{name: "p", x: i, y: -i}] = i
	}
	report("struct keys", mapShape(s))

	lists := make(map[int][]int)
	for i := 0; i < 50000; i++ {
		lists[i%1000] = append(lists[i%1000], i)
	}
	report("slices in a map", mapShape(lists))
	fmt.Printf("lists[7] len=%d cap=%d\n", len(lists[7]), cap(lists[7]))

	var shards [4]map[int]int
	for j := 0; j < 4; j++ {
		shards[j] = make(map[int]int)
	}
	for i := 0; i < 40000; i++ {
		shards[i%4][i] = i
	}
	report("sharded", mapShape(shards[0]))
	flags := map[bool]int{}
	for i := 0; i < 100; i++ {
		flags[i%3 == 0]++
	}
	fmt.Printf("bools: %v\n", flags)
	runtime.KeepAlive(s)
	runtime.KeepAlive(lists)
	runtime.KeepAlive(shards)
}
