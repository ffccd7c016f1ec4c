// func_value_pkgs.go — other packages' functions as values (f := strconv.Itoa, math.Sqrt
// in a map, sort.Ints passed to a function, fmt.Sprintf through a variable).
//
// A package function used as a value is a static closure in gc (the symbol `strconv.Itoa·f`):
// taking it allocates nothing; a call through it is a call of an unknown function, so what
// it is passed escapes (escape/call.go), and it allocates what the function allocates.
// gomapsim: a function of Go made for the value, whose body calls the package's builtin.
// Real Go (go run, GOMAXPROCS=2) prints these figures on every release 1.19, 1.21-1.27, but
// line 4: sort.Ints passed to an inlined sortWith is called directly (gc devirtualizes it);
// up to Go 1.21 it is sort.Sort(IntSlice(x)), so ys escapes: 1808 B / 41 mallocs, from 1.22
// slices.Sort: ys stays on the stack, 48 B / 1 (the line's Sprint). gomapsim: equal on all.
// Line 6: Sprint of a one-byte string allocates nothing (staticuint64s).
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

var before runtime.MemStats

func start() { runtime.ReadMemStats(&before) }

func report(what string) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Printf("%s: delta=%d mallocs=%d\n", what, after.TotalAlloc-before.TotalAlloc, after.Mallocs-before.Mallocs)
}

func mapInts(xs []int, f func(int) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func sortWith(xs []int, sorter func([]int)) { sorter(xs) }

var ops = map[string]func(float64) float64{"sqrt": math.Sqrt, "floor": math.Floor, "abs": math.Abs}

func main() {
	xs := []int{5, 12, 7, 3, 1000, 42, 8, 99}

	start()
	itoa := strconv.Itoa
	n := 0
	for i := 0; i < 100; i++ {
		n += len(itoa(i * 1000))
	}
	report(fmt.Sprint("strconv.Itoa through a variable ", n))

	start()
	var words []string
	for i := 0; i < 50; i++ {
		words = mapInts(xs, strconv.Itoa)
	}
	report(fmt.Sprint("strconv.Itoa passed to a function ", strings.Join(words, ",")))

	start()
	sum := 0.0
	for i := 0; i < 100; i++ {
		for _, op := range []string{"sqrt", "floor", "abs"} {
			sum += ops[op](math.Abs(float64(i) - 20.5))
		}
	}
	report(fmt.Sprint("a map of math functions ", int(sum)))

	start()
	for i := 0; i < 20; i++ {
		ys := []int{5, 12, 7, 3, 1000, 42, 8, 99}
		sortWith(ys, sort.Ints)
		xs[0] += ys[0]
	}
	report(fmt.Sprint("sort.Ints passed to a function ", xs[0]))

	start()
	conv := []func(string) (int, error){strconv.Atoi}
	total := 0
	for i := 0; i < 100; i++ {
		v, err := conv[0]("1234")
		if err == nil {
			total += v
		}
	}
	report(fmt.Sprint("strconv.Atoi in a slice ", total))

	start()
	format := fmt.Sprint
	s := ""
	for i := 0; i < 10; i++ {
		s = format(words[i%len(words)])
	}
	report("fmt.Sprint through a variable " + s)
	fmt.Printf("%T %T %T %T\n", itoa, format, conv[0], fmt.Sprintf)
}
