// big_values.go — values over 128 bytes are stored through a pointer.
//
// map[int][200]byte: every insert of a new key allocates the 200-byte value separately (size
// class 208); the bucket/group slot holds 8 bytes. Overwriting an existing key allocates
// nothing; deleting nils the pointer and the GC frees the value. (engine/maps/README.md, "Bucket
// layout and size (classic)", "Group layout and size (Swiss)".)
package main

import (
	"fmt"
	"runtime"
)

func main() {
	n := 45_000
	report("start", "")
	m := make(map[int][200]byte)
	for i := 0; i < n; i++ {
		m[i] = [200]byte{}
	}
	runtime.GC()
	report("after-gc filled", mapShape(m))
	var v [200]byte
	v[0] = 1
	for i := 0; i < n; i++ {
		m[i] = v
	}
	runtime.GC()
	report("after-gc overwritten", mapShape(m))
	for i := 0; i < n; i++ {
		delete(m, i)
	}
	runtime.GC()
	report("after-gc deleted", mapShape(m))
	runtime.KeepAlive(m)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
