// fmt_log_order.go — output order when a program prints with both fmt and log.
//
// fmt writes to stdout, log to stderr, both unbuffered in real Go, so a capture of both on one
// pipe (as the oracle and a terminal see them) keeps program order; gomapsim replays its
// prints in the order they happened and flushes each.
package main

import (
	"fmt"
	"log"
)

func main() {
	m := make(map[int]int)
	fmt.Printf("before: len=%d\n", len(m))
	m[1] = 1
	log.Printf("inserted: len=%d", len(m))
	fmt.Printf("after: len=%d\n", len(m))
}
