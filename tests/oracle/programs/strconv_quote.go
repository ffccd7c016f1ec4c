// strconv_quote.go — strconv.Quote, QuoteRune and AppendQuote: what quoting a string costs,
// per release.
//
// strconv/quote.go: Quote makes a buffer of 3·len(s)/2 bytes, appends the quoted text (append
// grows it where escapes need more) and copies it into the string. Its size is not a
// constant, so up to Go 1.24 the buffer is on the heap: Quote("hello") 2 mallocs, Quote("a")
// 3 (the 1-byte buffer grows); from Go 1.25 gc's variable-sized make takes a 32-byte stack
// buffer when the size fits: 1 and 2. A 41-byte string's 61-byte buffer is on the heap on
// every release (64 B + the 48-byte string). QuoteRune appends to nil (8 B) and copies;
// AppendQuote into a reused slice allocates once. Real Go 1.19, 1.21–1.27 print these lines
// exactly (1–2 runs each, no spread); gomapsim prints every release's output byte for byte.
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

var before runtime.MemStats

func start() { runtime.ReadMemStats(&before) }

func report(what string) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Printf("%s: delta=%d mallocs=%d\n", what, after.TotalAlloc-before.TotalAlloc, after.Mallocs-before.Mallocs)
}

var sink []string
var bsink []byte

func main() {
	words := []string{"a", "hello", "hello, world", "tab\there", "a much longer string of forty-two bytes!!", "héllo wörld", "\x00\x01bin", "bad \xff byte"}
	for i, w := range words {
		start()
		for j := 0; j < 100; j++ {
			sink = append(sink[:0], strconv.Quote(w))
		}
		report("Quote x100, word " + strconv.Itoa(i) + " of " + strconv.Itoa(len(w)) + " bytes")
		fmt.Println(sink[0])
	}
	for _, r := range []rune{'x', '\n', 'é', '☺', '\'', 0x7f, 0x10FFFF + 1} {
		start()
		for j := 0; j < 100; j++ {
			sink = append(sink[:0], strconv.QuoteRune(r))
		}
		report("QuoteRune x100")
		fmt.Println(sink[0])
	}
	start()
	for j := 0; j < 100; j++ {
		bsink = strconv.AppendQuote(bsink[:0], "hello")
	}
	report("AppendQuote x100")
	fmt.Println(string(bsink), strconv.Quote(""), strconv.Quote(`back\slash "q"`))
}
