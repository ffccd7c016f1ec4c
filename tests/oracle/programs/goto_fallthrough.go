// goto_fallthrough.go — goto and fallthrough as readers write them: a retry loop and a
// state machine built with goto, an early exit to a cleanup label, grade and flag cascades
// with fallthrough. What a goto loop allocates: from a label a later goto jumps back to, gc's
// escape analysis counts the rest of the function as inside a loop (escape/stmt.go, a
// "looping label"), so a node linked into a list declared before the label goes to the heap
// (1 000 mallocs of 16 B), as in a for loop; a node used only inside one pass stays on the
// stack.
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
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

type node struct {
	v    int
	next *node
}

var attempts int

func tryOnce(i int) bool {
	attempts++
	return i%5 == 4
}

// retry: a goto back to the top until it works or gives up.
func retry(start int) (int, bool) {
	i := start
again:
	if tryOnce(i) {
		return i, true
	}
	i++
	if i-start < 3 {
		goto again
	}
	return i, false
}

// parse walks a string with a state machine of labels.
func parse(s string) (words, digits int) {
	i := 0
space:
	if i == len(s) {
		goto done
	}
	if s[i] == ' ' {
		i++
		goto space
	}
	words++
word:
	if i < len(s) && s[i] != ' ' {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
		i++
		goto word
	}
	goto space
done:
	return
}

// find returns the first negative value's index, leaving two loops at once through a
// label after them.
func find(grid [][]int) (int, int) {
	r, c := -1, -1
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				r, c = i, j
				goto found
			}
		}
	}
	return -1, -1
found:
	return r, c
}

func grade(score int) string {
	s := ""
	switch {
	case score >= 90:
		s += "A"
		fallthrough
	case score >= 80:
		s += "B"
		fallthrough
	case score >= 70:
		s += "C"
	default:
		s += "-"
	}
	return s
}

func flags(n int) int {
	f := 0
	switch n % 4 {
	case 0:
		f |= 1
		fallthrough
	case 1:
		f |= 2
		fallthrough
	default:
		f |= 4
	case 3:
		f |= 8
	}
	return f
}

func main() {
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees

	ok := 0
	for s := 0; s < 100; s++ {
		if _, done := retry(s); done {
			ok++
		}
	}
	fmt.Println("retries:", ok, "attempts:", attempts)
	w, d := parse("  go 1 24  maps  and 2 heaps 9 ")
	fmt.Println("words:", w, "digits:", d)
	grid := [][]int{{1, 2, 3}, {4, 5, -6}, {7, -8, 9}}
	r, c := find(grid)
	fmt.Println("found:", r, c)
	delta("goto, no allocation")

	var head *node
	i := 0
link:
	head = &node{v: i, next: head}
	i++
	if i < 1000 {
		goto link
	}
	n, sum := 0, 0
	for p := head; p != nil; p = p.next {
		n++
		sum += p.v
	}
	fmt.Println("list:", n, sum)
	delta("goto list")

	counts := map[string]int{}
	for score := 50; score <= 100; score += 5 {
		g := grade(score)
		counts[g]++
	}
	fmt.Println(counts["ABC"], counts["BC"], counts["C"], counts["-"])
	total := 0
	for n := 0; n < 40; n++ {
		total += flags(n)
	}
	fmt.Println("flags:", flags(0), flags(1), flags(2), flags(3), total)
	delta("fallthrough")
}
