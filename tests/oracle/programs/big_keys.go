// big_keys.go — keys over 128 bytes are stored through a pointer too.
//
// map[[20]int]int: a 160-byte key is allocated separately on every insert of a new key (size class 160) and
// the bucket/group slot holds its pointer. Deleting nils the pointer; the GC frees the key objects while the
// buckets stay. (engine/maps/README.md, "Bucket layout and size (classic)", "Group layout and size (Swiss)".)
package main

import (
	"fmt"
	"runtime"
)

func key(i int) [20]int {
	var k [20]int
	k[0] = i
	k[19] = -i
	return k
}

func main() {
	n := 20_000
	report("start", "")
	m := make(map[[20]int]int)
	for i := 0; i < n; i++ {
		m[key(i)] = i
	}
	runtime.GC()
	report("after-gc filled", mapShape(m))
	for i := 0; i < n; i += 3 {
		delete(m, key(i))
	}
	runtime.GC()
	report("after-gc third deleted", mapShape(m))
	fmt.Printf("lookup 3=%d 4=%d\n", m[key(3)], m[key(4)])
	runtime.KeepAlive(m)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
