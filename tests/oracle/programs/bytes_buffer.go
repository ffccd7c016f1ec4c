// bytes_buffer.go — bytes.Buffer as readers use it: writes of each kind, its growth steps,
// Grow, String, the constructors, Fprintf into it.
//
// bytes/buffer.go: the first write makes 64 bytes (smallBufferSize), then growSlice doubles
// (append of 2·cap bytes to a nil slice: the size class), so 1 000 WriteByte read caps 64 128
// 256 512 1024; String() copies (on the stack where gc inlines it and the copy stays
// local); os.Stdout.Write(buf.Bytes()) copies nothing; a local Buffer or new(bytes.Buffer) stays on the stack,
// &bytes.Buffer{} kept in a global and one handed to fmt.Fprintf as an io.Writer do not
// (48 B). Real Go 1.19 and 1.21 print these lines exactly; from 1.22 new(Buffer) x100 reads
// 34 896 B (append's growth of kept), 1.27 also 4 608 B for the first line (fmt's 176-B
// printer); 1–2 runs each, no spread. gomapsim prints every release's output byte for byte.
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
)

var before runtime.MemStats

func start() { runtime.ReadMemStats(&before) }

func report(what string) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Printf("%s: delta=%d mallocs=%d\n", what, after.TotalAlloc-before.TotalAlloc, after.Mallocs-before.Mallocs)
}

var kept []string
var keptBuf *bytes.Buffer

func writes(n int) (int, int) {
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		buf.WriteString("ab")
	}
	return buf.Len(), buf.Cap()
}

func steps() string {
	var buf bytes.Buffer
	caps := ""
	last := -1
	for i := 0; i < 1000; i++ {
		buf.WriteByte('x')
		if buf.Cap() != last {
			last = buf.Cap()
			caps += fmt.Sprint(" ", last)
		}
	}
	return caps
}

func grown() (int, int) {
	var buf bytes.Buffer
	buf.Grow(1000)
	for i := 0; i < 1000; i++ {
		buf.WriteByte('x')
	}
	buf.Grow(10)
	return buf.Len(), buf.Cap()
}

func runes() (int, int) {
	var buf bytes.Buffer
	for i := 0; i < 100; i++ {
		buf.WriteRune('a')
		buf.WriteRune('é')
		buf.WriteRune('世')
	}
	return buf.Len(), buf.Cap()
}

func writeBytes() (int, int) {
	p := []byte("hello, world")
	var buf bytes.Buffer
	for i := 0; i < 1000; i++ {
		buf.Write(p)
	}
	return buf.Len(), buf.Cap()
}

func strs() {
	for i := 0; i < 100; i++ {
		b := new(bytes.Buffer)
		for j := 0; j < 20; j++ {
			b.WriteString("item,")
		}
		kept = append(kept, b.String())
	}
}

func fprintf(n int) (int, int) {
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		fmt.Fprintf(&buf, "%d,", i)
	}
	return buf.Len(), buf.Cap()
}

// shortString: String() of 5 bytes used where it is made: gc inlines String, the copy is on
// the stack (real Go: only the 64-B buffer)
func shortString() bool {
	var buf bytes.Buffer
	buf.WriteString("hello, world and more")
	return buf.String() == "hello"
}

// toStdout: the Buffer handed to Fprintf as an io.Writer moves to the heap (48 B); its bytes
// go to os.Stdout as they are
func toStdout() int {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "x=%d\n", 1234)
	os.Stdout.Write(buf.Bytes())
	return buf.Len()
}

func main() {
	start()
	l, c := writes(1000)
	report(fmt.Sprint("WriteString x1000 len=", l, " cap=", c))
	start()
	s := steps()
	report("WriteByte caps" + s)
	start()
	l, c = grown()
	report(fmt.Sprint("Grow(1000) WriteByte x1000 Grow(10) len=", l, " cap=", c))
	start()
	l, c = runes()
	report(fmt.Sprint("WriteRune x300 len=", l, " cap=", c))
	start()
	l, c = writeBytes()
	report(fmt.Sprint("Write x1000 len=", l, " cap=", c))
	start()
	strs()
	report(fmt.Sprint("new(Buffer) x100 String len=", len(kept)))
	start()
	l, c = fprintf(100)
	report(fmt.Sprint("Fprintf x100 len=", l, " cap=", c))
	start()
	keptBuf = bytes.NewBufferString("hello")
	report(fmt.Sprint("NewBufferString len=", keptBuf.Len(), " cap=", keptBuf.Cap()))
	start()
	keptBuf = bytes.NewBuffer(make([]byte, 0, 100))
	keptBuf.WriteString("abc")
	report(fmt.Sprint("NewBuffer len=", keptBuf.Len(), " cap=", keptBuf.Cap()))
	start()
	keptBuf = &bytes.Buffer{}
	keptBuf.WriteString("hello, world")
	keptBuf.Truncate(5)
	t := keptBuf.String()
	keptBuf.Reset()
	keptBuf.WriteString("again")
	report(fmt.Sprintf("literal Truncate %q Reset %q len=%d cap=%d", t, keptBuf.Bytes(), keptBuf.Len(), keptBuf.Cap()))
	start()
	ok := shortString()
	report(fmt.Sprint("short String compared ", ok))
	start()
	l = toStdout()
	report(fmt.Sprint("os.Stdout.Write(buf.Bytes()) len=", l))
}
