// strings_title.go — strings.Title (deprecated, still common) and strings.ToTitle: both are
// Map (strings.go, the same on 1.19–1.27): a Builder grown to len(s)+4 at the first rune that
// changes, nothing when none does; Title's closure stays on the stack. Real Go 1.19,
// 1.21–1.27: Title("hello wide world") 24 B / 1 malloc, ToTitle of it 24 B / 1, Title of a
// string already titled 0 B; Title of 200 words (1 000 bytes) 1 024 B / 1.
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var ms runtime.MemStats
var last, lastMallocs, lastFrees uint64

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-24s delta = %d B, mallocs = %d, frees = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs, ms.Frees-lastFrees)
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
}

var sink string

func main() {
	fmt.Println("warm up the printer")
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees

	t := strings.Title("hello wide world")
	delta("title")
	fmt.Println(t)
	delta("print")
	t = strings.Title("Hello Wide World")
	delta("title unchanged")
	sink = t
	t = strings.ToTitle("hello wide world")
	delta("totitle")
	fmt.Println(t)
	delta("print")
	fmt.Println(strings.Title("o'neil is_here x-ray 3d über straße"))
	delta("print mixed")
	long := strings.Repeat("word ", 200)
	delta("repeat")
	t = strings.Title(long)
	delta("title long")
	fmt.Println(len(t), t[:20])
}
