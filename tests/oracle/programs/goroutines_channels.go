// goroutines_channels.go — goroutines, channels, select and sync as a reader writes them:
// a worker pool over a buffered channel with a WaitGroup (`for j := range jobs`, directional
// channel parameters), goroutine literals filling a map under a Mutex, a receiver goroutine
// ranging over an unbuffered channel, `v, ok := <-ch` after close, len/cap of a channel,
// select with two cases (one never ready) and with default, sync.Once. Every line is what
// the program computes, the same on every run of real Go (engine/lang/sched.h).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func worker(id int, jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- j * 2
	}
	_ = id
}

func main() {
	jobs := make(chan int, 100)
	results := make(chan int, 100)
	var wg sync.WaitGroup
	for w := 1; w <= 4; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	fmt.Println("goroutines", runtime.NumGoroutine())
	for i := 0; i < 50; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum", sum)

	var mu sync.Mutex
	m := map[int]int{}
	var wg2 sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg2.Add(1)
		go func(id int) {
			defer wg2.Done()
			for j := 0; j < 100; j++ {
				mu.Lock()
				m[id*100+j] = j
				mu.Unlock()
			}
		}(i)
	}
	wg2.Wait()
	fmt.Println("len", len(m))

	ch := make(chan string)
	done := make(chan bool)
	go func() {
		for s := range ch {
			fmt.Println("got", s)
		}
		done <- true
	}()
	ch <- "a"
	ch <- "b"
	close(ch)
	<-done
	v, ok := <-ch
	fmt.Printf("%q %v %d %d\n", v, ok, len(results), cap(results))

	c1 := make(chan int)
	c2 := make(chan int)
	go func() { c2 <- 7 }()
	select {
	case x := <-c1:
		fmt.Println("c1", x)
	case y := <-c2:
		fmt.Println("c2", y)
	}
	select {
	case x := <-c1:
		fmt.Println("c1", x)
	default:
		fmt.Println("default")
	}
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once") })
	}
}
