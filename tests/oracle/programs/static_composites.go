// static_composites.go — from Go 1.25 a struct or array literal of constants converted to
// an interface costs no malloc, whether passed directly or through a local defined once
// and never changed or &'d: the compiler points the interface at a read-only static copy
// (cmd/compile/internal/walk/order.go addrTemp: staticValue, isStaticCompositeLiteral; the
// zero value uses runtime.zeroVal). A literal holding a variable, or a local modified
// afterwards, is boxed as before (convT). Up to 1.24 every one of them is boxed.
// oracle: unit B
// oracle: nofloor TotalAlloc
// oracle: tol TotalAlloc exact
package main

import (
	"fmt"
	"runtime"
)

type P struct{ a, b int }

var ms runtime.MemStats

func stats() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

func report(what string, m0, b0 uint64) {
	m1, b1 := stats()
	fmt.Printf("%s: Mallocs %d TotalAlloc %d\n", what, m1-m0, b1-b0)
}

func main() {
	fmt.Println("warm up fmt's printer")
	m0, b0 := stats()
	fmt.Sprint(P{1000, 2000})
	report("direct literal", m0, b0)
	m0, b0 = stats()
	p := P{1000, 2000}
	fmt.Sprint(p)
	report("local literal", m0, b0)
	m0, b0 = stats()
	z := P{}
	fmt.Sprint(z)
	report("local zero", m0, b0)
	m0, b0 = stats()
	arr := [3]int{1000, 2000, 3000}
	fmt.Sprint(arr)
	report("local array", m0, b0)
	m0, b0 = stats()
	n := 1000
	q := P{n, 2000}
	fmt.Sprint(q)
	report("local with a variable", m0, b0)
	m0, b0 = stats()
	r := P{1000, 2000}
	r.a++
	fmt.Sprint(r)
	report("local modified", m0, b0)
	m0, b0 = stats()
	nested := [2]P{{1000, 2000}, {3000, 4000}}
	fmt.Sprint(nested)
	report("local nested", m0, b0)
}
