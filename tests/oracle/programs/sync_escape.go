// sync_escape.go — a sync.Mutex, WaitGroup or Once declared in a function and used there
// moves to the heap on every release (go build -gcflags=-m: "moved to heap: mu"): their slow
// paths hand a semaphore's address to the runtime, whose runtime_Semacquire* have no Go
// body, so escape analysis lets the receiver leak. A Mutex (8 B) takes a 16-B tiny block, a
// WaitGroup its own 16 B (1 malloc each); Mutex.TryLock alone keeps it on the stack from Go
// 1.24 (internal/sync's Mutex). (A local struct holding a Mutex goes to the heap whole in
// real Go — 336 B / 3 mallocs for one with a map — and stays on the stack in gomapsim: README
// known gaps.)
// oracle: mem delta
// oracle: nofloor delta
// oracle: unit B
package main

import (
	"fmt"
	"runtime"
	"sync"
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

func lockOnce() {
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
}

func waitNone() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	wg.Wait()
}

func onceDo() int {
	var once sync.Once
	x := 0
	once.Do(func() { x++ })
	return x
}

func main() {
	fmt.Println("warm up the printer")
	runtime.ReadMemStats(&ms)
	last, lastMallocs, lastFrees = ms.TotalAlloc, ms.Mallocs, ms.Frees

	for i := 0; i < 100; i++ {
		lockOnce()
	}
	delta("mutex x100")
	for i := 0; i < 100; i++ {
		waitNone()
	}
	delta("waitgroup x100")
	x := 0
	for i := 0; i < 100; i++ {
		x += onceDo()
	}
	delta("once x100")
	fmt.Println(x)
}
