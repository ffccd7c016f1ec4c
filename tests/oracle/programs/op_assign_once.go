// op_assign_once.go — f()[i]++, f()[i] op= v, m()[k]++, p().n op= v and *p() op= v evaluate
// their operands once (the spec: x op= y is x = x op y "but evaluates x only once"): the
// calls are counted; real Go 1.19–1.27 print 10.
package main

import "fmt"

var calls int
var data = []int{10, 20, 30}
var m = map[string]int{"a": 1}

type counter struct{ n int }

var c = &counter{}

func get() []int    { calls++; return data }
func mp() map[string]int { calls++; return m }
func ptr() *counter { calls++; return c }
func idx() int      { calls++; return 1 }
var arr = &[3]int{1, 2, 3}
var box = new(int)

func pa() *[3]int   { calls++; return arr }
func pi() *int      { calls++; return box }

func main() {
	get()[1]++
	get()[idx()] += 5
	mp()["a"]++
	mp()["b"] -= 2
	ptr().n++
	ptr().n *= 7
	pa()[2]++
	*pi() += 3
	(*pi())++
	fmt.Println(data, m["a"], m["b"], c.n, *arr, *box, calls)
}
