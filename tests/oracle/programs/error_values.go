// error_values.go — errors are values: what making, wrapping, keeping and printing them costs.
//
// A validation loop keeps every error it makes: a program's own *ValidationError (32 bytes:
// a string and an int), wrapped with fmt.Errorf("%w") (the message string + a 32-byte
// *fmt.wrapError), and strconv.Atoi's *NumError (48 bytes, plus a copy of the input from Go
// 1.21). Printing an error runs its Error method, which allocates its own string. The deltas
// are between two ReadMemStats calls; the after-GC lines show what the kept errors hold.
// Alloc is printed after runtime.GC() only (before it, it depends on where the automatic
// cycles fell). Real Go's runtime adds mallocs of its own (fmt's first printer, a GC cycle's
// own objects: 49 958 program mallocs counted 49 986–49 988 on 1.19 and 1.27): Mallocs ±64.
// TotalAlloc keeps the 16 KiB noise floor: real Go 1.27's runtime.GC() sometimes allocates
// a few KB of its own (0–5 KB over 3 runs on the last line).
// oracle: mem TotalAlloc
// oracle: tol Mallocs ±64
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
)

type ValidationError struct {
	Field string
	Code  int
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("field %s: code %d", e.Field, e.Code)
}

var ErrEmpty = errors.New("empty input")

func validate(i int, s string) error {
	if s == "" {
		return ErrEmpty
	}
	if _, err := strconv.Atoi(s); err != nil {
		return fmt.Errorf("record %d: %w", i, err)
	}
	if i%3 == 0 {
		return &ValidationError{Field: s, Code: i}
	}
	return nil
}

var ms runtime.MemStats
var lastMallocs, lastTotal uint64

func report(label string) {
	runtime.ReadMemStats(&ms)
	alloc := ""
	if len(label) > 8 && label[:8] == "after-gc" {
		alloc = fmt.Sprintf("Alloc = %d KB, ", ms.Alloc/1024)
	}
	fmt.Printf("%-24s %sTotalAlloc = %d KB, Mallocs = %d\n", label, alloc, (ms.TotalAlloc-lastTotal)/1024, ms.Mallocs-lastMallocs)
	runtime.ReadMemStats(&ms)
	lastMallocs, lastTotal = ms.Mallocs, ms.TotalAlloc
}

func main() {
	const n = 30_000
	runtime.ReadMemStats(&ms)
	lastMallocs, lastTotal = ms.Mallocs, ms.TotalAlloc
	inputs := make([]string, n)
	for i := range inputs {
		switch i % 4 {
		case 0:
			inputs[i] = ""
		case 1:
			inputs[i] = "x" + strconv.Itoa(i)
		default:
			inputs[i] = strconv.Itoa(i)
		}
	}
	runtime.GC()
	report("after-gc inputs")

	var errs []error
	for i, s := range inputs {
		if err := validate(i, s); err != nil {
			errs = append(errs, err)
		}
	}
	report("validated")
	empty, syntax, invalid := 0, 0, 0
	for _, err := range errs {
		var ve *ValidationError
		var ne *strconv.NumError
		switch {
		case errors.Is(err, ErrEmpty):
			empty++
		case errors.As(err, &ve):
			invalid++
		case errors.As(err, &ne):
			syntax++
		}
	}
	report("classified")
	fmt.Println("errors", len(errs), "empty", empty, "syntax", syntax, "invalid", invalid)

	total := 0
	for _, err := range errs {
		total += len(err.Error())
	}
	report("Error() of each")
	fmt.Println("message bytes", total)
	fmt.Println(errs[1])
	fmt.Println(errs[2])

	runtime.GC()
	report("after-gc errors kept")
	fmt.Println(errs[0])
	errs = nil
	runtime.GC()
	report("after-gc errors dropped")
	fmt.Println(len(inputs), inputs[1])
}
