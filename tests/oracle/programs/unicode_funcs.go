// unicode_funcs.go — package unicode's common functions over every rune: IsLetter, IsDigit,
// IsSpace, IsUpper, IsLower, ToUpper, ToLower, and what they allocate (nothing).
//
// unicode/letter.go, graphic.go: a rune's class is a search of the release's tables
// (tables.go): Unicode 13.0.0 on Go 1.19, 15.0.0 on 1.21–1.26, 17.0.0 on 1.27, so the counts
// over all runes differ by release: 131 241 letters and 650 digits on 1.19, 136 104 and 680
// on 1.21–1.26, 145 672 and 770 on 1.27 (real Go; gomapsim's tables are generated from each
// release's tables.go). Nothing is allocated on any release. Case
// mapping follows CaseRanges (UpperLower runs alternate). As values (`f := unicode.IsUpper`,
// strings.Map(unicode.ToLower, s)) they cost nothing more: Map+Fields x100 200 mallocs,
// 8 800 B on 1.19 and 1.27. Real Go 1.19, 1.21–1.27 print these
// lines exactly; gomapsim prints every release's output byte for byte.
// oracle: unit B
// oracle: mem bytes
// oracle: nofloor bytes
package main

import (
	"fmt"
	"runtime"
	"strings"
	"unicode"
)

var sink []string

func main() {
	var a, b runtime.MemStats
	letters, digits, spaces, uppers, lowers, mapped := 0, 0, 0, 0, 0, 0
	sum := 0
	runtime.ReadMemStats(&a)
	for r := rune(-2); r < 0x110002; r++ {
		if unicode.IsLetter(r) {
			letters++
		}
		if unicode.IsDigit(r) {
			digits++
		}
		if unicode.IsSpace(r) {
			spaces++
		}
		if unicode.IsUpper(r) {
			uppers++
		}
		if unicode.IsLower(r) {
			lowers++
		}
		if unicode.ToUpper(r) != r || unicode.ToLower(r) != r {
			mapped++
		}
		sum += int(unicode.ToUpper(r)-r)*13 + int(unicode.ToLower(r)-r)*17
	}
	runtime.ReadMemStats(&b)
	fmt.Printf("letters %d digits %d spaces %d upper %d lower %d mapped %d sum %d\n", letters, digits, spaces, uppers, lowers, mapped, sum)
	fmt.Printf("all runes: mallocs=%d bytes=%d\n", b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)
	for _, r := range "aZé1٣ \u00a0ßǅΣσ\u0130ıẞ\U0001E900" {
		fmt.Println(string(r), unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsSpace(r), unicode.IsUpper(r), unicode.IsLower(r),
			string(unicode.ToUpper(r)), string(unicode.ToLower(r)), unicode.ToUpper(r), unicode.ToLower(r))
	}
	// as values: a func variable, a map of them, strings.Map's mapping
	f := unicode.IsUpper
	checks := map[string]func(rune) bool{"letter": unicode.IsLetter, "digit": unicode.IsDigit}
	fmt.Println(f('A'), f('a'), checks["letter"]('x'), checks["digit"]('x'))
	s := "Hello,  wörld 42\tgo"
	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		sink = strings.Fields(strings.Map(unicode.ToLower, s))
	}
	runtime.ReadMemStats(&b)
	fmt.Println(len(sink), sink, strings.Map(unicode.ToUpper, s))
	fmt.Printf("Map+Fields x100: mallocs=%d bytes=%d\n", b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)
}
