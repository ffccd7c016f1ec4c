package main

import (
	"fmt"
	"runtime"
	"strconv"
)

type Stats struct {
	Hits, Misses int
	Last         string
}

var total = base * 2
var base = len(names) + 1
var names = []string{"a", "b", "c"}
var global Stats

func lookup(m map[string]int, k string, s *Stats) int {
	v, ok := m[k]
	if ok {
		s.Hits++
	} else {
		s.Misses++
	}
	s.Last = k
	return v
}

func keep(m map[string]int) map[string]int {
	m["kept"] = 1
	return m
}

func main() {
	var st Stats
	p := &st
	m := map[string]int{}
	for i := range 20 {
		m[strconv.Itoa(i*7)] = i
	}
	m = keep(m)
	for _, k := range []string{"0", "7", "8", "14"} {
		lookup(m, k, p)
	}
	g := &global
	g.Hits = st.Hits * 10
	buf := make([]byte, 4)
	n := copy(buf, "hello")
	switch {
	case st.Misses > 1:
		fmt.Println("many misses")
	case st.Misses == 1:
		fmt.Println("one miss")
	}
	fmt.Printf("%+v %v %d %s %d %d\n", st, global, n, buf, total, len(m))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.NumGC > 0, mapShape(m))
}
