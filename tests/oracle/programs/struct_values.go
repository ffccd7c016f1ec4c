// struct_values.go — struct values with a string and a pointer inside.
//
// map[int]account where account is {name string; balance int; history *[16]int}: the 32-byte
// struct is stored inline (pointerful buckets / groups), the string bytes and the history array
// are separate heap objects. Deleting a key clears the slot, so both become garbage; overwriting
// a value with a new history pointer drops the old array. (engine/maps/README.md, "Delete
// (classic)", "Delete and tombstones (Swiss)".) 40 000 entries, not 50 000: at 50 000 Go 1.24
// sometimes has already split one table of the next wave (64 or 65 tables, directory 64 or 128).
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

type account struct {
	name    string
	balance int
	history *[16]int
}

func main() {
	n := 40_000
	report("start", "")
	accounts := make(map[int]account)
	for i := 0; i < n; i++ {
		accounts[i] = account{name: "acct-" + strconv.Itoa(i), balance: i, history: &[16]int{}}
	}
	runtime.GC()
	report("after-gc filled", mapShape(accounts))
	for i := 0; i < n; i += 2 {
		a := accounts[i]
		a.history = &[16]int{}
		a.balance = a.balance + 1
		accounts[i] = a
	}
	runtime.GC()
	report("after-gc half rewritten", mapShape(accounts))
	for i := 1; i < n; i += 2 {
		delete(accounts, i)
	}
	runtime.GC()
	report("after-gc odd deleted", mapShape(accounts))
	fmt.Printf("accounts[10] = %q %d %v\n", accounts[10].name, accounts[10].balance, accounts[10].history[0])
	runtime.KeepAlive(accounts)
}

func report(step string, shape string) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: Alloc=%d KB TotalAlloc=%d KB %s\n", step, ms.Alloc/1024, ms.TotalAlloc/1024, shape)
}
