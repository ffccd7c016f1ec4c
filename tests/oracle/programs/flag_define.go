// flag_define.go — a benchmark's command line: flag.Int, String, Bool, Duration, Int64, Uint
// and their Var forms, flag.Parse with no arguments, Args/NArg/NFlag, PrintDefaults.
//
// flag/flag.go: flag.Int is new(int) plus Var: a 64-byte Flag holding the value's String()
// (strconv.Itoa's 7-byte string for 1000000, tiny), and the first definition makes
// CommandLine's formal map (make(map[string]*Flag): the 48-byte map header and, at the first
// insert, a 208-byte bucket/group): 336 B / 5 mallocs. Each later definition costs its Flag
// and, where the default needs one, its string (80 B: 2 mallocs, or 3 with a tiny string
// sharing the pointer's block). The 9th flag grows the map: 496 B / 3 on 1.19–1.23 (two
// buckets), 536 B / 5 on 1.24–1.27 (a swiss table). Parse with no arguments, NArg, NFlag,
// Args: nothing. Real Go 1.19, 1.21–1.27 print these lines exactly (3 runs each, no spread;
// a 10th and 11th flag would make an overflow bucket in some runs on 1.19–1.23: the hash
// seed's draw, so the program stops at 9). gomapsim prints every release's output byte for
// byte, PrintDefaults' text included.
// Importing flag costs before main (flag's init: CommandLine, a FlagSet of 96 B on 1.19,
// 112 from 1.20, and its Usage closure, 16 B; Go 1.19 also 3 errors.New): start-up TotalAlloc
// +160 B / 5 mallocs on 1.19, +128 B / 2 on 1.21–1.27 (real Go, the same program with and
// without the import; tests/lang/flag_test.cpp checks gomapsim's).
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"flag"
	"fmt"
	"runtime"
	"time"
)

var before runtime.MemStats

func start() { runtime.ReadMemStats(&before) }

func report(what string) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Printf("%s: delta=%d mallocs=%d\n", what, after.TotalAlloc-before.TotalAlloc, after.Mallocs-before.Mallocs)
}

func main() {
	start()
	n := flag.Int("n", 1000000, "entries")
	report("Int (the first: the map)")
	start()
	name := flag.String("name", "bench", "a `label` for the run")
	report("String")
	start()
	verbose := flag.Bool("v", false, "verbose")
	report("Bool")
	start()
	var keys int
	flag.IntVar(&keys, "keys", 1000, "distinct keys")
	report("IntVar")
	start()
	d := flag.Duration("d", time.Second, "how long")
	report("Duration")
	start()
	seed := flag.Int64("seed", 123456, "random seed")
	report("Int64")
	start()
	workers := flag.Uint("workers", 4, "goroutines")
	report("Uint")
	start()
	var warm bool
	flag.BoolVar(&warm, "warm", true, "warm up first")
	report("BoolVar")
	start()
	var out string
	flag.StringVar(&out, "out", "", "write results here")
	report("StringVar (the 9th: the map grows)")
	start()
	flag.Parse()
	report("Parse")
	start()
	rest := flag.NArg() + flag.NFlag() + len(flag.Args())
	report("NArg, NFlag, Args")
	fmt.Println(*n, *name, *verbose, keys, *d, *seed, *workers, warm, out == "", rest, flag.Parsed(), flag.Arg(0) == "")
	flag.PrintDefaults()
}
