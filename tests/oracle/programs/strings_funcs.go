// strings_funcs.go — package strings' functions as readers use them around maps: a word
// count over strings.Fields, Split and Join, ReplaceAll, ToUpper/ToLower (ASCII and not),
// Trim*, Cut, Index/Contains/Count. What they allocate is strings.go's own code: Split makes
// one []string of Count+1 (the substrings share the input), Fields one of the fields counted
// first (non-ASCII input: FieldsFunc's spans on the stack, to the heap past 32), Join and
// Replace one Builder grown to the result's length, ToUpper nothing when nothing changes,
// Map's Builder of len(s)+4 at the first non-ASCII change; an invalid byte exploded by
// Split(s, "") is "\uFFFD" up to Go 1.20, itself from 1.21. Real Go prints the same figures
// on every release (1.23+ only rounds Builder.Grow's capacity, not what it allocates).
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
var sink []string
var str string

// delta prints what was allocated since the last call (its own printing left out).
func delta(label string) {
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-24s delta = %d B, mallocs = %d, frees = %d\n", label, ms.TotalAlloc-last, ms.Mallocs-lastMallocs, ms.Frees-lastFrees)
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
}

func main() {
	fmt.Println("warm up the printer")
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
	text := strings.Repeat("The quick brown fox jumps over the lazy dog. ", 200)
	delta("text")

	counts := make(map[string]int)
	for _, w := range strings.Fields(text) {
		counts[strings.ToLower(strings.Trim(w, "."))]++
	}
	delta("word count")
	fmt.Println("words", len(counts), counts["the"], counts["dog"])

	parts := strings.Split("alpha,beta,gamma,delta,epsilon,zeta,eta,theta", ",")
	sink = parts
	delta("split 8")
	str = strings.Join(parts, " | ")
	delta("join 8")
	fmt.Println(len(parts), str)
	sink = strings.SplitN("k1=v1;k2=v2;k3=v3", ";", 2)
	fmt.Printf("%q\n", sink)
	sink = strings.SplitAfter("a/b/c/d", "/")
	fmt.Printf("%q\n", sink)
	delta("splitn, splitafter")

	str = strings.ReplaceAll(text, "fox", "wolf")
	delta("replace all 200")
	fmt.Println(len(str), strings.Count(str, "wolf"), strings.Index(str, "lazy"), strings.LastIndex(str, "dog"))
	str = strings.Replace(text, "cat", "dog", -1)
	delta("replace absent")
	fmt.Println(strings.Contains(text, "cat"), strings.ContainsAny(text, "xyz"), strings.HasPrefix(text, "The"), strings.HasSuffix(text, ". "))

	str = strings.ToUpper("ALREADY UPPER")
	delta("toupper unchanged")
	str = strings.ToUpper("mixed Case words")
	delta("toupper ascii")
	fmt.Println(str)
	str = strings.ToLower("Ünïcödé ΣΟΦΙΑ Москва STRAẞE")
	delta("tolower unicode")
	fmt.Println(str)
	str = strings.ToUpper("straße ÿ µ λόγος")
	delta("toupper unicode")
	fmt.Println(str)

	many := strings.Repeat("slovo\u00a0", 40)
	delta("repeat")
	sink = strings.Fields(many)
	delta("fields 40 non-ascii")
	fmt.Println(len(sink), sink[0], sink[39])
	sink = strings.Fields("  a\u3000b  c ")
	delta("fields 3 non-ascii")
	fmt.Printf("%q\n", sink)

	sink = strings.Split("h\xffé!", "")
	delta("explode")
	fmt.Printf("%q\n", sink)
	k, v, ok := strings.Cut("name=gopher", "=")
	fmt.Println(k, v, ok, strings.TrimSpace("\t  padded \n"), strings.TrimSpace(" \u3000wide\u00a0 "), strings.TrimLeft("xxyhixy", "xy"), strings.TrimRight("hi!!?", "!?"))
	fmt.Println(strings.TrimPrefix("v1.2.3", "v"), strings.TrimSuffix("main.go", ".go"), strings.IndexByte("gopher", 'p'), strings.IndexRune("chicken", 'k'), strings.Compare("a", "b"))
	delta("cut, trim, index")
}
