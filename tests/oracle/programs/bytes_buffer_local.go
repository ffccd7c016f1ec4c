// bytes_buffer_local.go — bytes.NewBufferString used where it is made: real Go inlines it,
// so neither the Buffer nor []byte(s) leave the stack, and []byte(s) takes the 32-byte
// stack buffer (cap 32: the next small write does not grow). Real Go 1.19 and 1.27 read 48 B
// / 2 mallocs (the label's string and fmt's). gomapsim read 64 B / 3 until 2026-12-07, its
// []byte(s) on the stack having cap 3 (stringtoslicebyte's tmpBuf gives 32).
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"bytes"
	"fmt"
	"runtime"
)

var before runtime.MemStats

func start() { runtime.ReadMemStats(&before) }

func report(what string) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Printf("%s: delta=%d mallocs=%d\n", what, after.TotalAlloc-before.TotalAlloc, after.Mallocs-before.Mallocs)
}

func local() int {
	b := bytes.NewBufferString("abc")
	b.WriteString("def")
	return b.Len()
}

func main() {
	fmt.Print()
	start()
	n := local()
	report(fmt.Sprint("local NewBufferString ", n))
}
