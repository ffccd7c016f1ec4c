// A 2 MB log of "user-N" lines, and a map counting the users of every 1 000th line, keyed by
// a substring of the log. The log is dropped, yet the heap keeps all of it: each key shares
// the log's bytes. strings.Clone gives a key bytes of its own.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
)

var seen map[string]int

func main() {
	log := readLog(200_000)
	report("after-gc log read")

	seen = countUsers(log, false)
	log = ""
	report("after-gc substrings as keys, log dropped")

	seen = nil
	report("after-gc map dropped")

	log = readLog(200_000)
	seen = countUsers(log, true)
	log = ""
	report("after-gc cloned keys, log dropped")
	fmt.Println("keys:", len(seen))
}

// readLog makes the log: one "user-N" line per request.
func readLog(lines int) string {
	buf := make([]byte, 0, lines*7)
	for i := 0; i < lines; i++ {
		buf = append(buf, "user-"...)
		buf = append(buf, strconv.Itoa(i%100_000)...)
		buf = append(buf, '\n')
	}
	return string(buf)
}

// countUsers counts the user of every 1 000th line, keyed by the line's text.
func countUsers(log string, clone bool) map[string]int {
	counts := make(map[string]int)
	start, line := 0, 0
	for i := 0; i < len(log); i++ {
		if log[i] != '\n' {
			continue
		}
		if line%1000 == 0 {
			user := log[start:i]
			if clone {
				user = strings.Clone(user)
			}
			counts[user]++
		}
		start, line = i+1, line+1
	}
	return counts
}

func report(step string) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB\n", step, ms.Alloc/1024)
}
