// labels.go — labeled break and continue: leaving two loops at once, the next row of a grid,
// breaking out of a for from inside a switch or select, over maps, slices and channels.
// Map iteration order differs between runs in Go, so every loop over a map prints sums.
// The channel's line (6) reads 8 or 9 mallocs (976 or 1 072 B) in real Go 1.25 (runs of one
// clean-clone CI: 9, 8, 9): whether main's select parks before the sender's goroutine runs,
// taking a sudog, is the scheduler's timing; gomapsim runs the sender first (8).
// oracle: tol mallocs ±1 lines 6
// oracle: mem delta
// oracle: nofloor delta
// self-check on 2026-12-07 (6 real runs a release, one core busy beside them: CI's machine behaves so at times): line 6 on Go 1.24 read 8–11 mallocs, 976–1 216 B.
// oracle: tol mallocs ±3 lines 6
// oracle: tol delta ±256 lines 6
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

func find(grid [][]int, want int) (int, int) {
	r, c := -1, -1
search:
	for i, row := range grid {
		for j, v := range row {
			if v == want {
				r, c = i, j
				break search
			}
		}
	}
	return r, c
}

func main() {
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
	grid := make([][]int, 100)
	for i := range grid {
		grid[i] = make([]int, 100)
		for j := range grid[i] {
			grid[i][j] = i*100 + j
		}
	}
	delta("grid")
	r, c := find(grid, 4217)
	r2, c2 := find(grid, -1)
	fmt.Println(r, c, r2, c2)

	m := make(map[int][]int)
	for i := 0; i < 1000; i++ {
		m[i%50] = append(m[i%50], i)
	}
	runtime.ReadMemStats(&ms) // the map's growth is not what this program is about
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees
	sum, rows := 0, 0
rowsLoop:
	for k, vs := range m {
		for _, v := range vs {
			if v > 900 {
				continue rowsLoop
			}
			if k == 7 && v > 500 {
				break rowsLoop
			}
			sum += v
		}
		rows++
	}
	fmt.Println(sum > 0, rows <= 50)

	n := 0
outer:
	for i := 0; ; i++ {
		switch {
		case i%7 == 6:
			continue outer
		case i > 40:
			break outer
		}
		n += i
	}
	fmt.Println("n =", n)

	ch := make(chan int, 10)
	done := make(chan bool)
	go func() {
		for i := 0; i < 25; i++ {
			ch <- i
		}
		close(ch)
	}()
	got := 0
loop:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break loop
			}
			got += v
		case <-done:
			break loop
		}
	}
	fmt.Println("got =", got)
	delta("channel")
	kept := make([]int, 0, 8)
next:
	for i := 2; len(kept) < 30; i++ {
		for _, p := range kept {
			if i%p == 0 {
				continue next
			}
		}
		kept = append(kept, i)
	}
	fmt.Println(kept[len(kept)-1], len(kept), cap(kept))
	delta("primes")
}
