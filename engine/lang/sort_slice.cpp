// sort_slice.cpp — package sort's functions that take a less function, in the Go the
// playground runs (see sort_slice.h).
#include "engine/lang/sort_slice.h"

namespace lang {

// sort.Slice, SliceStable, SliceIsSorted (sort/slice.go) and Search, SearchInts,
// SearchStrings, SearchFloat64s (sort/search.go), then zsortfunc.go's pdqsort_func and
// stable_func with lessSwap's Less as less(i, j) and its Swap (reflectlite.Swapper) as the
// element swap it performs. zsortfunc.go is the same in Go 1.19-1.27 and is generated from
// the template of slices' zsortanyfunc.go (compiler_generics.cpp): the helpers below are
// that code with cmp(data[i], data[j]) < 0 read as less(i, j), rewritten the same way
// (sortedHint an int, xorshift's Next and bits.Len written out, median_func returning the
// swap count). sort_swapper stands for reflectlite.ValueOf/Swapper's allocations
// (Interpreter, Builtin::SortSwapper): the boxed slice and the swap closure.
const char* const kSortGenerics = R"go(
func sort_Slice[S ~[]E, E any](x S, less func(i, j int) bool) {
	sort_swapper(x, true)
	n := len(x)
	limit := 0
	for l := uint(n); l > 0; l >>= 1 {
		limit++
	}
	sort.pdqsort_func(x, 0, n, limit, less)
}
func sort_SliceStable[S ~[]E, E any](x S, less func(i, j int) bool) {
	sort_swapper(x, true)
	sort.stable_func(x, len(x), less)
}
func sort_SliceIsSorted[S ~[]E, E any](x S, less func(i, j int) bool) bool {
	sort_swapper(x, false)
	n := len(x)
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}
func sort_Search[N ~int](n N, f func(int) bool) int {
	i, j := 0, int(n)
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}
func sort_SearchInts[S ~[]int](a S, x int) int {
	return sort.Search(len(a), func(i int) bool { return a[i] >= x })
}
func sort_SearchStrings[S ~[]string](a S, x string) int {
	return sort.Search(len(a), func(i int) bool { return a[i] >= x })
}
func sort_SearchFloat64s[S ~[]float64](a S, x float64) int {
	return sort.Search(len(a), func(i int) bool { return a[i] >= x })
}
func sort_insertionSort_func[E any](data []E, a, b int, less func(i, j int) bool) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && (less(j, j-1)); j-- {
			data[j], data[j-1] = data[j-1], data[j]
		}
	}
}
func sort_siftDown_func[E any](data []E, lo, hi, first int, less func(i, j int) bool) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			break
		}
		if child+1 < hi && (less(first+child, first+child+1)) {
			child++
		}
		if !(less(first+root, first+child)) {
			return
		}
		data[first+root], data[first+child] = data[first+child], data[first+root]
		root = child
	}
}
func sort_heapSort_func[E any](data []E, a, b int, less func(i, j int) bool) {
	first := a
	lo := 0
	hi := b - a
	for i := (hi - 1) / 2; i >= 0; i-- {
		sort.siftDown_func(data, i, hi, first, less)
	}
	for i := hi - 1; i >= 0; i-- {
		data[first], data[first+i] = data[first+i], data[first]
		sort.siftDown_func(data, lo, i, first, less)
	}
}
func sort_pdqsort_func[E any](data []E, a, b, limit int, less func(i, j int) bool) {
	wasBalanced, wasPartitioned := true, true
	for {
		length := b - a
		if length <= 12 {
			sort.insertionSort_func(data, a, b, less)
			return
		}
		if limit == 0 {
			sort.heapSort_func(data, a, b, less)
			return
		}
		if !wasBalanced {
			sort.breakPatterns_func(data, a, b, less)
			limit--
		}
		pivot, hint := sort.choosePivot_func(data, a, b, less)
		if hint == 2 {
			sort.reverseRange_func(data, a, b, less)
			pivot = (b - 1) - (pivot - a)
			hint = 1
		}
		if wasBalanced && wasPartitioned && hint == 1 {
			if sort.partialInsertionSort_func(data, a, b, less) {
				return
			}
		}
		if a > 0 && !(less(a-1, pivot)) {
			mid := sort.partitionEqual_func(data, a, b, pivot, less)
			a = mid
			continue
		}
		mid, alreadyPartitioned := sort.partition_func(data, a, b, pivot, less)
		wasPartitioned = alreadyPartitioned
		leftLen, rightLen := mid-a, b-mid
		balanceThreshold := length / 8
		if leftLen < rightLen {
			wasBalanced = leftLen >= balanceThreshold
			sort.pdqsort_func(data, a, mid, limit, less)
			a = mid + 1
		} else {
			wasBalanced = rightLen >= balanceThreshold
			sort.pdqsort_func(data, mid+1, b, limit, less)
			b = mid
		}
	}
}
func sort_partition_func[E any](data []E, a, b, pivot int, less func(i, j int) bool) (int, bool) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1
	for i <= j && (less(i, a)) {
		i++
	}
	for i <= j && !(less(j, a)) {
		j--
	}
	if i > j {
		data[j], data[a] = data[a], data[j]
		return j, true
	}
	data[i], data[j] = data[j], data[i]
	i++
	j--
	for {
		for i <= j && (less(i, a)) {
			i++
		}
		for i <= j && !(less(j, a)) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	data[j], data[a] = data[a], data[j]
	return j, false
}
func sort_partitionEqual_func[E any](data []E, a, b, pivot int, less func(i, j int) bool) int {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1
	for {
		for i <= j && !(less(a, i)) {
			i++
		}
		for i <= j && (less(a, j)) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	return i
}
func sort_partialInsertionSort_func[E any](data []E, a, b int, less func(i, j int) bool) bool {
	i := a + 1
	for j := 0; j < 5; j++ {
		for i < b && !(less(i, i-1)) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < 50 {
			return false
		}
		data[i], data[i-1] = data[i-1], data[i]
		if i-a >= 2 {
			for j := i - 1; j >= 1; j-- {
				if !(less(j, j-1)) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
		if b-i >= 2 {
			for j := i + 1; j < b; j++ {
				if !(less(j, j-1)) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
	}
	return false
}
func sort_breakPatterns_func[E any](data []E, a, b int, less func(i, j int) bool) {
	length := b - a
	if length >= 8 {
		random := uint64(length)
		modulus := uint(1)
		for l := uint(length); l > 0; l >>= 1 {
			modulus <<= 1
		}
		for idx := a + (length/4)*2 - 1; idx <= a+(length/4)*2+1; idx++ {
			random ^= random << 13
			random ^= random >> XORSHIFT_B
			random ^= random << XORSHIFT_C
			other := int(uint(random) & (modulus - 1))
			if other >= length {
				other -= length
			}
			data[idx], data[a+other] = data[a+other], data[idx]
		}
	}
}
func sort_choosePivot_func[E any](data []E, a, b int, less func(i, j int) bool) (int, int) {
	l := b - a
	swaps := 0
	i := a + l/4*1
	j := a + l/4*2
	k := a + l/4*3
	if l >= 8 {
		if l >= 50 {
			i, swaps = sort.median_func(data, i-1, i, i+1, swaps, less)
			j, swaps = sort.median_func(data, j-1, j, j+1, swaps, less)
			k, swaps = sort.median_func(data, k-1, k, k+1, swaps, less)
		}
		j, swaps = sort.median_func(data, i, j, k, swaps, less)
	}
	switch swaps {
	case 0:
		return j, 1
	case 12:
		return j, 2
	default:
		return j, 0
	}
}
func sort_order2_func[E any](data []E, a, b int, swaps int, less func(i, j int) bool) (int, int, int) {
	if less(b, a) {
		return b, a, swaps + 1
	}
	return a, b, swaps
}
func sort_median_func[E any](data []E, a, b, c int, swaps int, less func(i, j int) bool) (int, int) {
	a, b, swaps = sort.order2_func(data, a, b, swaps, less)
	b, c, swaps = sort.order2_func(data, b, c, swaps, less)
	a, b, swaps = sort.order2_func(data, a, b, swaps, less)
	return b, swaps
}
func sort_reverseRange_func[E any](data []E, a, b int, less func(i, j int) bool) {
	i := a
	j := b - 1
	for i < j {
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
}
func sort_swapRange_func[E any](data []E, a, b, n int, less func(i, j int) bool) {
	for i := 0; i < n; i++ {
		data[a+i], data[b+i] = data[b+i], data[a+i]
	}
}
func sort_stable_func[E any](data []E, n int, less func(i, j int) bool) {
	blockSize := 20
	a, b := 0, blockSize
	for b <= n {
		sort.insertionSort_func(data, a, b, less)
		a = b
		b += blockSize
	}
	sort.insertionSort_func(data, a, n, less)
	for blockSize < n {
		a, b = 0, 2*blockSize
		for b <= n {
			sort.symMerge_func(data, a, a+blockSize, b, less)
			a = b
			b += 2 * blockSize
		}
		if m := a + blockSize; m < n {
			sort.symMerge_func(data, a, m, n, less)
		}
		blockSize *= 2
	}
}
func sort_symMerge_func[E any](data []E, a, m, b int, less func(i, j int) bool) {
	if m-a == 1 {
		i := m
		j := b
		for i < j {
			h := int(uint(i+j) >> 1)
			if less(h, a) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := a; k < i-1; k++ {
			data[k], data[k+1] = data[k+1], data[k]
		}
		return
	}
	if b-m == 1 {
		i := a
		j := m
		for i < j {
			h := int(uint(i+j) >> 1)
			if !(less(m, h)) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := m; k > i; k-- {
			data[k], data[k-1] = data[k-1], data[k]
		}
		return
	}
	mid := int(uint(a+b) >> 1)
	n := mid + m
	var start, r int
	if m > mid {
		start = n - b
		r = mid
	} else {
		start = a
		r = m
	}
	p := n - 1
	for start < r {
		c := int(uint(start+r) >> 1)
		if !(less(p-c, c)) {
			start = c + 1
		} else {
			r = c
		}
	}
	end := n - start
	if start < m && m < end {
		sort.rotate_func(data, start, m, end, less)
	}
	if a < start && start < mid {
		sort.symMerge_func(data, a, start, mid, less)
	}
	if mid < end && end < b {
		sort.symMerge_func(data, mid, end, b, less)
	}
}
func sort_rotate_func[E any](data []E, a, m, b int, less func(i, j int) bool) {
	i := m - a
	j := b - m
	for i != j {
		if i > j {
			sort.swapRange_func(data, m-i, m, j, less)
			i -= j
		} else {
			sort.swapRange_func(data, m-i, m+j-i, i, less)
			j -= i
		}
	}
	sort.swapRange_func(data, m-i, m, i, less)
}
)go";

}  // namespace lang
