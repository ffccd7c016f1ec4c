// func_value_strings.go — package strings' functions as values (f := strings.ToUpper).
//
// A package function used as a value is a static closure in gc (no allocation); calling it
// allocates what the function allocates: ToUpper of a word already upper case returns it
// (0 B), ToLower/ToUpper of one that changes allocates the result, TrimSpace returns a
// substring, Fields its slice. gomapsim: the release's own strings code (strings_funcs.h)
// taken as a func value. Real Go 1.19, 1.21, 1.24 and 1.27 print exactly these lines.
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var before runtime.MemStats

func start() { runtime.ReadMemStats(&before) }

func report(what string) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Printf("%s: delta=%d mallocs=%d\n", what, after.TotalAlloc-before.TotalAlloc, after.Mallocs-before.Mallocs)
}

func apply(xs []string, f func(string) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

var words = []string{"alpha", "Beta", "  gamma  ", "delta", "EPSILON", "zeta", "eta", "theta"}

func main() {
	start()
	f := strings.ToUpper
	n := 0
	for i := 0; i < 100; i++ {
		n += len(f(words[i%len(words)]))
	}
	report(fmt.Sprint("ToUpper through a variable ", n))

	start()
	var out []string
	for i := 0; i < 50; i++ {
		out = apply(words, strings.ToLower)
	}
	report(fmt.Sprint("ToLower passed to a function ", strings.Join(out, ",")))

	start()
	ops := map[string]func(string) string{"upper": strings.ToUpper, "trim": strings.TrimSpace, "title": strings.ToLower}
	total := 0
	for i := 0; i < 100; i++ {
		for _, op := range []string{"upper", "trim", "title"} {
			total += len(ops[op](words[i%len(words)]))
		}
	}
	report(fmt.Sprint("a map of them ", total))

	start()
	split := strings.Fields
	parts := 0
	for i := 0; i < 100; i++ {
		parts += len(split("a b  c d"))
	}
	report(fmt.Sprint("Fields through a variable ", parts))
	fmt.Printf("%T %T\n", f, split)
}
