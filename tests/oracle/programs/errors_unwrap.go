// errors_unwrap.go — a program's own error types in errors.Is/As/Unwrap: a *QueryError with
// an Unwrap method (errors/wrap.go follows it), %w of a concrete error, errors.As into a
// value type through a wrapError and a program's Unwrap. errors.Is/As/Unwrap let their error
// argument escape (go build -gcflags=-m, 1.19 and 1.27: they call its methods through
// interfaces), so the *QueryError each lookup returns is on the heap: 1 000 lookups 32 000 B /
// 1 000 mallocs, printed per lookup (32 B, 1 malloc) as a benchmark would: on 1.22–1.27 real
// Go under the oracle read 1–3 mallocs (48–160 B) more over the loop in every run (a lone `go
// run` on 1.27: none), something of the runtime's, not the lookups (not identified yet).
// Real Go 1.19, 1.21–1.27: the same output in every run.
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"errors"
	"fmt"
	"runtime"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type TempError struct{ Code int }

func (e TempError) Error() string { return fmt.Sprintf("temporary (%d)", e.Code) }

func find(key string, m map[string]int) (int, error) {
	if v, ok := m[key]; ok {
		return v, nil
	}
	return 0, &QueryError{Query: key, Err: ErrNotFound}
}

func main() {
	m := map[string]int{"a": 1}
	_, err := find("b", m)
	fmt.Println(err, errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Println("query:", qe.Query)
	}
	wrapped := fmt.Errorf("layer: %w", &QueryError{Query: "x", Err: TempError{7}})
	var te TempError
	fmt.Println(errors.Is(wrapped, ErrNotFound), errors.As(wrapped, &te), te.Code)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	m0, t0 := ms.Mallocs, ms.TotalAlloc
	n := 0
	for i := 0; i < 1000; i++ {
		if _, err := find("zz", m); errors.Is(err, ErrNotFound) {
			n++
		}
	}
	runtime.ReadMemStats(&ms)
	fmt.Printf("1000 lookups: n = %d, per lookup: delta = %d B, mallocs = %d\n", n, (ms.TotalAlloc-t0)/1000, (ms.Mallocs-m0)/1000)
}
