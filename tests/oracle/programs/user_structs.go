// user_structs.go — issue 11, a new user's program: a million User structs (two fmt.Sprintf
// strings each) put into a map[int]User, MemStats printed as readers print them (Alloc,
// TotalAlloc, Sys in MiB, NumGC) after the fill and after two runtime.GC calls.
//
// Real Go (GOMAXPROCS=2, 2026-12-07, load ≈ 2–4 from other jobs on the 2 cores), line 2
// ("filled") as Alloc MiB : NumGC, 6 runs (after the ";": 4 runs of the same program with
// Email made by strconv.Itoa and +, which reads alike):
//   1.21 231:7, 1.22 and 1.23 234:7 in 3 runs each; 1.19 234:7 in 4 runs (the strconv one).
//   1.24 193:10 214:9 191:9 208:9 198:9 206:9; 214:9 207:9 204:9 211:9
//   1.25 172:10 188:10 221:9 178:9 205:9 200:9; 171:10 214:10 200:10 221:9
//   1.26 213:9 231:8 227:8 211:9 231:9 212:9; 213:9 206:9 224:8 203:10
//   1.27 205:9 220:9 201:9 182:10 201:9 201:10; 202:10 199:9 220:9 183:10
// gomapsim (seeds 1–3): 1.19 234:7, 1.24 and 1.27 208–209:10. After the GCs Alloc is
// 165–166 MiB (1.24+) and 161 (older) in every real run and in gomapsim; TotalAlloc 308–309
// (1.24+), 310 (1.21), 317 (1.19, 1.22, 1.23) likewise.
// Which cycle the fill ends in is the marks' timing: gctrace shows real Go's marks lasting
// 16–60 ms from the first cycle on (175–855 ms for the last ones) on this loaded machine, so
// each cycle allocates more black ("3->5->3 MB, 4 MB goal" for cycle 1) and the goals climb
// faster (cycle 7's goal 64–86 MB, gomapsim 48.5): real Go's 10th cycle, when there is one,
// ends at the fill's last entries or not at all; gomapsim's ends at entry 922 129. Not
// modelled (README.md "Known gaps": how long a mark lasts on a busy machine), so NumGC is
// ±1 from the fill on, and the filled Alloc (where that last cycle fell) 25 % on 1.24+;
// Sys follows that heap (208–246 MiB on 1.24+): 15 %. Sys at start is 11 MiB on 1.26+ when
// the random heap base maps a second chunk before main (1 run in 5; gomapsim seed 2).
// oracle: unit MB
// oracle: after-gc lines 4
// oracle: go1.24+ tol NumGC ±1 lines 2-4
// oracle: go1.24+ tol Alloc 25% lines 2
// oracle: go1.24+ tol Sys 15% lines 2-4
// oracle: go1.26+ tol Sys ±4 lines 1
package main

import (
	"fmt"
	"runtime"
)

type User struct {
	ID    int
	Name  string
	Email string
	Age   int
}

func printMem(step string) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%s: Alloc = %d MiB, TotalAlloc = %d MiB, Sys = %d MiB, NumGC = %d\n",
		step, m.Alloc/1024/1024, m.TotalAlloc/1024/1024, m.Sys/1024/1024, m.NumGC)
}

func main() {
	printMem("start")
	users := make(map[int]User)
	for i := 0; i < 1_000_000; i++ {
		users[i] = User{
			ID:    i,
			Name:  fmt.Sprintf("User%d", i),
			Email: fmt.Sprintf("user%d@example.com", i),
			Age:   i % 100,
		}
	}
	printMem("filled")
	runtime.GC()
	printMem("after GC")
	runtime.GC()
	printMem("after second GC")
	fmt.Println(len(users), users[123456].Name)
}
