// interfaces_boxing.go — what values cost once they are stored in interfaces.
//
// A value stored in an interface that escapes (a []any, a map[string]any, a []Shape) is
// boxed by the runtime (runtime/iface.go convT*): an int ≥ 256 takes 8 bytes (16-byte tiny
// blocks hold two), a small int (< 256) points into staticuint64s and costs nothing, a
// non-empty string takes a 16-byte header copy, a struct its size, a pointer nothing extra.
// Errors are values too: errors.New is 16 bytes, strconv.Atoi's failure a 48-byte NumError
// (plus, from Go 1.21, a copy of the input). Every delta is Mallocs/Frees counted between
// two ReadMemStats calls; the after-GC lines show what stays. Real Go's own runtime adds a
// few mallocs of its own while a GC cycle runs (100 001–100 008 for a 100 000-box loop over
// 3 runs), and when the frees of a cycle are counted depends on when its sweep runs: Mallocs
// get ±16, and Frees are printed only after runtime.GC() (where sweeping has finished),
// with 2 % (Go's own objects freed with the program's: 126 482 for 125 005 of the program's).
// oracle: mem TotalAlloc
// oracle: nofloor TotalAlloc
// oracle: tol Mallocs ±16
// oracle: tol Frees 2%
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
)

type Shape interface {
	Area() int
}

type Rect struct{ W, H int }

func (r Rect) Area() int { return r.W * r.H }

type Circle struct{ R int }

func (c *Circle) Area() int { return 3 * c.R * c.R }

var ms runtime.MemStats
var lastMallocs, lastFrees, lastTotal uint64

// report prints Alloc and what was allocated since the last report.
func report(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-28s Alloc = %d KB, TotalAlloc = %d KB, Mallocs = %d\n", label, ms.Alloc/1024,
		(ms.TotalAlloc-lastTotal)/1024, ms.Mallocs-lastMallocs)
	mark()
}

// freed prints, after runtime.GC(), Alloc and the objects freed since the last mark.
func freed(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-28s Alloc = %d KB, Frees = %d\n", label, ms.Alloc/1024, ms.Frees-lastFrees)
	mark()
}

func mark() {
	runtime.ReadMemStats(&ms)
	lastMallocs, lastFrees, lastTotal = ms.Mallocs, ms.Frees, ms.TotalAlloc
}

func main() {
	const n = 100_000
	runtime.ReadMemStats(&ms)
	fmt.Printf("start Alloc = %d KB\n", ms.Alloc/1024)
	mark()

	small := make([]any, 0, n)
	for i := 0; i < n; i++ {
		small = append(small, i%200)
	}
	report("100k small ints in []any")

	big := make([]any, 0, n)
	for i := 0; i < n; i++ {
		big = append(big, i+1000)
	}
	report("100k big ints in []any")

	shapes := make([]Shape, 0, n)
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			shapes = append(shapes, Rect{i, 2})
		} else {
			shapes = append(shapes, &Circle{i})
		}
	}
	total := 0
	for _, s := range shapes {
		total += s.Area() % 7
	}
	report("100k shapes")
	fmt.Println("area checksum", total)

	m := make(map[string]any, 1000)
	for i := 0; i < 1000; i++ {
		k := "k" + strconv.Itoa(i)
		switch i % 3 {
		case 0:
			m[k] = i * 1000
		case 1:
			m[k] = k
		default:
			m[k] = Rect{i, i}
		}
	}
	ints, strs, rects := 0, 0, 0
	for _, v := range m {
		switch v.(type) {
		case int:
			ints++
		case string:
			strs++
		case Rect:
			rects++
		}
	}
	report("1000 map[string]any values")
	fmt.Println("ints", ints, "strings", strs, "rects", rects)

	errs := make([]error, 0, 1000)
	for i := 0; i < 1000; i++ {
		if _, err := strconv.Atoi("x" + strconv.Itoa(i)); err != nil {
			errs = append(errs, err)
		}
	}
	notFound := errors.New("not found")
	wrapped := 0
	for i := 0; i < 1000; i++ {
		errs = append(errs, notFound)
		if errors.Is(errs[len(errs)-1], notFound) {
			wrapped++
		}
	}
	report("2000 errors kept")
	fmt.Println("errors", len(errs), wrapped, errs[0])

	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("after-gc all kept Alloc = %d KB\n", ms.Alloc/1024)
	mark()
	runtime.KeepAlive(small)
	runtime.KeepAlive(big)
	runtime.KeepAlive(shapes)
	runtime.KeepAlive(m)
	runtime.KeepAlive(errs)

	big = nil
	shapes = nil
	runtime.GC()
	freed("after-gc big and shapes gone")
	fmt.Println(len(small), small[n-1], len(m), errs[len(errs)-1])
}
