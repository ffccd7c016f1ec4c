#pragma once
// sort_slice.h — package sort's functions over a slice and a less function, as Go's code.
//
// Models sort.Slice, sort.SliceStable, sort.SliceIsSorted (sort/slice.go), sort.Search and
// SearchInts/Strings/Float64s (sort/search.go) and the sorting they run, zsortfunc.go's
// pdqsort_func (insertion sort below 13 elements, heapsort past the depth limit, the
// release's xorshift in breakPatterns: 13/17/5 up to 1.23, 13/7/17 from 1.24) and
// stable_func (insertion-sorted blocks of 20, then symMerge): so equal elements end where
// real Go puts them, and the less literal, a func-typed parameter, allocates nothing.
// They are generic functions (S ~[]E) compiled as slices' are (compiler_generics.cpp
// std_generics), where Go's take `x any` and swap through reflection.
//
// What Go allocates (internal/reflectlite/swapper.go, measured on 1.19 and 1.21-1.27): x
// boxed into an interface (convTslice, 24 B: x's array escapes), and for 2+ elements the
// swap closure, 32 B over 1-, 2-, 4- or 8-byte pointer-free elements, pointers or strings, or
// a scratch element (unsafe_New) and a 48-B closure over any other element: sort.Slice of
// []int 56 B / 2 mallocs, of a {string, int} struct 96 B / 3. SliceIsSorted boxes x up to Go
// 1.21 (24 B) and nothing from 1.22; Search and SearchInts allocate nothing.
//
// Simplifications: x must be a slice at compile time (Go panics at run time otherwise);
// sort.Sort/Stable/IsSorted over a program's own sort.Interface and sort.Reverse are not here.

#include <string>
#include <string_view>

namespace lang {

// sort_generics: the functions above, in Go, named sort_Name (the text of a file without its
// package clause; XORSHIFT_B/XORSHIFT_C stand for the release's shifts), zsortfunc.go's made
// from slices' zsortanyfunc.go helpers in std_generics (Go generates both from one template).
std::string sort_generics(std::string_view std_generics);

}  // namespace lang
