// sort_slice.cpp — package sort's functions that take a less function, in the Go the
// playground runs (see sort_slice.h).
#include "engine/lang/sort_slice.h"

#include <string>

namespace lang {

namespace {

// sort.Slice, SliceStable, SliceIsSorted (sort/slice.go) and Search, SearchInts,
// SearchStrings, SearchFloat64s (sort/search.go); they call zsortfunc.go's pdqsort_func and
// stable_func (sort_generics makes them). sort_swapper stands for reflectlite.ValueOf/
// Swapper's allocations (Interpreter, Builtin::SortSwapper): the boxed slice and the swap
// closure.
constexpr const char* kSortEntryPoints = R"go(
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
)go";

// replace_all: every `from` in s by `to`
void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
}

// less_calls: cmp(data[X], data[Y]) < 0 → less(X, Y)
void less_calls(std::string& f) {
  static constexpr std::string_view open = "cmp(data[", mid = "], data[", close = "]) < 0";
  for (size_t at = 0; (at = f.find(open, at)) != std::string::npos;) {
    const size_t m = f.find(mid, at), c = f.find(close, m);
    const std::string x = f.substr(at + open.size(), m - at - open.size());
    const std::string y = f.substr(m + mid.size(), c - m - mid.size());
    const std::string call = "less(" + x + ", " + y + ")";
    f.replace(at, c + close.size() - at, call);
    at += call.size();
  }
}

}  // namespace

// sort_generics: zsortfunc.go's functions are generated in Go from the template of slices'
// zsortanyfunc.go (sort/gen_sort_variants.go), the same code with data.Less(i, j) and
// data.Swap(i, j) where slices' compare and swap elements; so are they here: each of
// std_generics' slices_*CmpFunc helpers (compiler_generics.cpp kStdGenerics), with
// cmp(data[i], data[j]) < 0 read as less(i, j), becomes sort_*_func. The element swaps stay
// as they are: they are what the Swapper closure does.
std::string sort_generics(std::string_view std_generics) {
  std::string out = kSortEntryPoints;
  for (size_t at = 0; (at = std_generics.find("\nfunc slices_", at)) != std::string::npos;) {
    const size_t end = std_generics.find("\n}\n", at) + 3;
    std::string f(std_generics.substr(at + 1, end - at - 1));
    at = end - 1;
    const size_t name_end = f.find("CmpFunc[E any](data []E,");
    if (name_end == std::string::npos) continue;
    f.replace(0, name_end + 7, "func sort_" + f.substr(12, name_end - 12) + "_func");
    less_calls(f);
    replace_all(f, "cmp func(a, b E) int", "less func(i, j int) bool");
    for (size_t c = 0; (c = f.find("slices.", c)) != std::string::npos;) {   // slices.xCmpFunc( → sort.x_func(
      const size_t e = f.find("CmpFunc(", c);
      f.replace(c, e + 8 - c, "sort." + f.substr(c + 7, e - c - 7) + "_func(");
    }
    replace_all(f, "cmp)", "less)");
    out += f;
  }
  return out;
}

}  // namespace lang
