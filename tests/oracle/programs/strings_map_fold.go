// strings_map_fold.go — strings.Map and strings.EqualFold.
//
// Map (strings.go, the same code 1.19–1.27) makes its Builder at the first rune that changes
// or is dropped, grown to len(s)+utf8.UTFMax, and returns s itself when none does: rot13 of
// 100 words 72 mallocs, the identity nothing (the two mallocs are fmt's: Sprint's result and
// its boxed int), a closure capturing two variables stays on the stack (Map's mapping does
// not escape). EqualFold allocates nothing. Real Go 1.19, 1.21, 1.24 and 1.27 print exactly
// these lines but for Map(rot13)'s bytes (1.19/1.21 1 512, 1.24 1 608, 1.27 1 576: Grow
// rounding per release).
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

func rot13(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+13)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+13)%26
	}
	return r
}

var words = []string{"hello", "World", "Go maps", "12345", "ÄÖÜ straße", "ελληνικά", "", "x"}

func main() {
	start()
	n := 0
	for i := 0; i < 100; i++ {
		n += len(strings.Map(rot13, words[i%len(words)]))
	}
	report(fmt.Sprint("Map(rot13) ", n, " ", strings.Map(rot13, "Hello, World")))

	start()
	n = 0
	for i := 0; i < 100; i++ {
		n += len(strings.Map(func(r rune) rune { return r }, words[i%len(words)]))
	}
	report(fmt.Sprint("Map(identity): nothing ", n))

	start()
	drop := 0
	vowels := "aeiou"
	for i := 0; i < 100; i++ {
		out := strings.Map(func(r rune) rune {
			if strings.ContainsRune(vowels, r) {
				drop++
				return -1
			}
			return r
		}, words[i%len(words)])
		n += len(out)
	}
	report(fmt.Sprint("Map dropping vowels, a closure ", n, " ", drop))

	start()
	eq := 0
	pairs := [][2]string{{"Go", "GO"}, {"go", "Go!"}, {"ÄÖÜ", "äöü"}, {"Σίσυφος", "ΣΊΣΥΦΟΣ"}, {"straße", "STRASSE"}, {"", ""}, {"abc", "abd"}}
	for i := 0; i < 100; i++ {
		p := pairs[i%len(pairs)]
		if strings.EqualFold(p[0], p[1]) {
			eq++
		}
	}
	report(fmt.Sprint("EqualFold ", eq))
	for _, p := range pairs {
		fmt.Print(strings.EqualFold(p[0], p[1]), " ")
	}
	fmt.Println()
}
