// os_stdout.go — fmt.Fprint* to os.Stdout and os.Stderr, os.Args, and os.Exit with a
// deferred call pending.
//
// fmt.Printf is fmt.Fprintf(os.Stdout, …): the same mallocs, the ints ≥ 256 boxed (9 × 8 B);
// writes to stderr cost the same; os.Stdout in a variable is a pointer (nothing boxed).
// os.Exit(0) ends main without running its deferred Println. Real Go 1.19, 1.21–1.27 print
// these lines exactly (the first Printf block's 96 B / 10 is the printer's pool: 16 B more);
// stdout and stderr are captured together by the oracle, in the order written; gomapsim
// prints every release's output byte for byte.
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"os"
	"runtime"
)

var before runtime.MemStats

func start() { runtime.ReadMemStats(&before) }

func report(what string) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Fprintf(os.Stdout, "%s: delta=%d mallocs=%d\n", what, after.TotalAlloc-before.TotalAlloc, after.Mallocs-before.Mallocs)
}

func main() {
	defer fmt.Println("deferred: not printed, os.Exit does not run it")
	fmt.Println("args", len(os.Args))
	start()
	for i := 0; i < 10; i++ {
		fmt.Printf("%d %s\n", i*1000, "printf")
	}
	report("Printf x10")
	start()
	for i := 0; i < 10; i++ {
		fmt.Fprintf(os.Stdout, "%d %s\n", i*1000, "fprintf")
	}
	report("Fprintf(os.Stdout) x10")
	start()
	for i := 0; i < 10; i++ {
		fmt.Fprintln(os.Stdout, i*1000, "fprintln")
	}
	report("Fprintln(os.Stdout) x10")
	start()
	for i := 0; i < 10; i++ {
		fmt.Fprint(os.Stderr, i*1000, " fprint stderr\n")
	}
	report("Fprint(os.Stderr) x10")
	start()
	w := os.Stdout
	fmt.Fprintln(w, "through a variable", 1234)
	report("Fprintln(w)")
	os.Exit(0)
}
