// set_nil_struct.go — what keeps a map alive: a global, a struct field, a local.
//
// Three maps of 40 000 int → int entries: one in a package variable, one in a field of a
// struct held by a global pointer, one local to a function (dead once the function returns).
// Each is emptied, then its last reference dropped; only then does runtime.GC() free the
// buckets. (Seed article 003, scenes 1–5.)
package main

import (
	"fmt"
	"runtime"
)

type registry struct {
	name  string
	users map[int]int
}

var global map[int]int
var reg *registry

func fill(m map[int]int, n int) {
	for i := 0; i < n; i++ {
		m[i] = i
	}
}

func local(n int) {
	m := make(map[int]int)
	fill(m, n)
	runtime.GC()
	report("after-gc local filled", mapShape(m))
	for i := 0; i < n; i++ {
		delete(m, i)
	}
	runtime.GC()
	report("after-gc local emptied, dead", "")
}

func main() {
	n := 40_000
	report("start", "")
	global = make(map[int]int)
	fill(global, n)
	reg = &registry{name: "users", users: make(map[int]int)}
	fill(reg.users, n)
	runtime.GC()
	report("after-gc global+field filled", mapShape(global)+" "+mapShape(reg.users))
	for i := 0; i < n; i++ {
		delete(global, i)
		delete(reg.users, i)
	}
	runtime.GC()
	report("after-gc both emptied", mapShape(global)+" "+mapShape(reg.users))
	global = nil
	runtime.GC()
	report("after-gc global nil", mapShape(global))
	reg.users = nil
	runtime.GC()
	report("after-gc field nil", mapShape(reg.users))
	local(n)
	runtime.GC()
	report("after-gc returned", "")
	fmt.Printf("registry %q len=%d\n", reg.name, len(reg.users))
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
