// From "Go maps and memory leaks", part 2: a map[int]int of 8192 entries, every key deleted,
// MemStats printed in KB after each GC.
// Scene 4: the function sets the global to nil once it is done.
package main

import (
	"log"
	"runtime"
)

var intMap map[int]int

var cnt = 8192

func main() {
	printMemStats()
	other()
	runtime.GC()
	printMemStats()
}

func other() {
	initMap()
	runtime.GC()
	printMemStats()
	log.Println(len(intMap))
	for i := 0; i < cnt; i++ {
		delete(intMap, i)
	}
	log.Println(len(intMap))
	runtime.GC()
	printMemStats()
	intMap = nil
}
func initMap() {
	intMap = make(map[int]int, cnt)
	for i := 0; i < cnt; i++ {
		intMap[i] = i
	}
}
func printMemStats() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	log.Printf("Alloc = %v TotalAlloc = %v Sys = %v NumGC = %v\n", m.Alloc/1024, m.TotalAlloc/1024, m.Sys/1024, m.NumGC)
}
