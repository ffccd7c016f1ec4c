// strings_repeat_unsafe.go — long string keys built with strings.Repeat, sizes from unsafe.
//
// The prefix is one strings.Repeat (a 200-byte allocation, size class 208); each key is the
// prefix plus a number (strconv.Itoa: no allocation below 100) concatenated into a fresh
// 201–205-byte string that the map keeps: the bucket holds only the 16-byte string header,
// the bytes live in their own objects (size class 208). unsafe.Sizeof shows the header and
// the value's size. 8 000 keys stay well under the first GC trigger: with more, where the automatic
// cycles fall depends on concurrent marking (objects allocated during a cycle survive it),
// which gomapsim does not model; a fresh Repeat per key would make that worse.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"unsafe"
)

type entry struct {
	hits int64
	seen bool
}

func main() {
	var k string
	var v entry
	fmt.Println("sizes:", unsafe.Sizeof(k), unsafe.Sizeof(v), unsafe.Alignof(v), unsafe.Offsetof(v.seen))
	report("start", "")
	m := make(map[string]entry)
	n := 8_000
	prefix := strings.Repeat("x", 200)
	for i := 0; i < n; i++ {
		m[prefix+strconv.Itoa(i)] = entry{hits: int64(i)}
	}
	report("filled", mapShape(m))
	runtime.GC()
	report("after-gc filled", mapShape(m))
	for i := 0; i < n; i += 2 {
		delete(m, prefix+strconv.Itoa(i))
	}
	runtime.GC()
	report("after-gc half deleted", mapShape(m))
	runtime.KeepAlive(m)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB NumGC=%d %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, ms.NumGC, shape)
}
