package main

import (
	"fmt"
	"log"
	"runtime"
	"runtime/debug"
	"strconv"
)

type Item struct {
	ID   int
	Name string
	Tags []string
	Next *Item
}

type Cache map[string]*Item

const (
	Small = iota + 1
	Medium
	Large
)

var global = make(Cache)
var counts [4]int

func build(n int) []*Item {
	var items []*Item
	for i := 0; i < n; i++ {
		it := &Item{ID: i, Name: "item" + strconv.Itoa(i)}
		it.Tags = append(it.Tags, fmt.Sprintf("t%d", i%3))
		if i > 0 {
			it.Next = items[i-1]
		}
		items = append(items, it)
	}
	return items
}

func classify(n int) int {
	switch {
	case n < 10:
		return Small
	case n < 100:
		return Medium
	default:
		return Large
	}
}

func main() {
	old := debug.SetGCPercent(200)
	items := build(50)
	for _, it := range items {
		global[it.Name] = it
		counts[classify(it.ID)]++
	}
	sizes := map[int][]int{}
	for k, v := range counts {
		sizes[v] = append(sizes[v], k)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%d items, counts=%v, %T, gc=%d\n", len(global), counts, global, old)
	for k := range global {
		delete(global, k)
	}
	s := ""
	for i := range 5 {
		s += string(rune('a' + i))
	}
	b := []byte(s)
	b[0] = 'Z'
	x, y := 7, 3
	x, y = y, x
	fmt.Println(string(b), s[1:3], len(sizes), x, y, x<<2, -x%2, mapShape(global))
	var p *Item
	if p == nil && len(global) == 0 {
		log.Println("empty", ms.NumGC >= 0)
	}
	runtime.GC()
	runtime.KeepAlive(items)
}
