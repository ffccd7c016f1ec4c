// math_pkg.go — package math: its constants (untyped, as math/const.go declares them: no
// negative zero in a constant) and functions on float64, which allocate nothing; printed
// with fmt as real Go prints them (NaN, +Inf, the shortest float that reads back). Real Go
// 1.19, 1.21–1.27: the same output in every run.
// oracle: unit B
// oracle: mem delta
// oracle: nofloor delta
package main

import (
	"fmt"
	"math"
	"runtime"
)

func main() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m0, t0 := ms.Mallocs, ms.TotalAlloc
	sum := 0.0
	for i := 1; i <= 1000; i++ {
		x := float64(i)
		sum += math.Sqrt(x) + math.Floor(x/3) + math.Pow(x, 0.5) + math.Abs(-x) + math.Max(x, 2)
	}
	runtime.ReadMemStats(&ms)
	fmt.Printf("1000 iterations: delta = %d B, mallocs = %d, sum = %.3f\n", ms.TotalAlloc-t0, ms.Mallocs-m0, sum)
	fmt.Println(math.MaxInt64, math.MinInt64, uint64(math.MaxUint64), math.MaxInt32, math.MaxUint16)
	fmt.Println(math.Pi, math.E, math.Sqrt2, math.MaxFloat64, math.SmallestNonzeroFloat64)
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.Ceil(2.1), math.Trunc(-2.7), math.Round(2.5), math.RoundToEven(2.5), math.Abs(-3))
	fmt.Println(math.Pow(2, 10), math.Mod(7, 3), math.Max(3, 7), math.Min(3, 7), math.Hypot(3, 4), math.Log2(1024), math.Log10(1000))
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.Signbit(-0.0))
	fmt.Printf("%x %v %.4f %.4f\n", math.Float64bits(1.5), math.Float64frombits(0x3ff8000000000000), math.Sin(1), math.Exp(1))
	min := math.MaxInt
	for _, v := range []int{5, 3, 9} {
		if v < min {
			min = v
		}
	}
	fmt.Println(min, int(math.Sqrt(float64(min*min*4))))
}
