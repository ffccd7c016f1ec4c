// iter_pull_test.cpp — iter.Pull and iter.Pull2 (engine/lang/iter_pull.h): the values and
// what a pull iterator costs per release (the figures of real Go 1.23–1.27, measured with
// tests/oracle/programs/iter_pull.go), the coroutine's goroutine (parked, counted by
// NumGoroutine, its g reused), the library's panics, and a closure's capture by reference
// of a struct being a pointer (gc's closure holds &x).
#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

const char* kPull = R"(package main

import (
	"fmt"
	"iter"
	"maps"
	"runtime"
)

var a, b runtime.MemStats

func report(what string, n int) {
	fmt.Printf("%s %d: %d B %d\n", what, n, b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)
}

func sumKeys(m map[int]int) int {
	next, stop := iter.Pull(maps.Keys(m))
	defer stop()
	s := 0
	for {
		k, ok := next()
		if !ok {
			break
		}
		s += k
	}
	return s
}

func main() {
	m := map[int]int{}
	for i := 0; i < 8; i++ {
		m[i] = i
	}
	for r := 0; r < 2; r++ {
		runtime.ReadMemStats(&a)
		s := sumKeys(m)
		runtime.ReadMemStats(&b)
		report("pull", s)
	}
	runtime.ReadMemStats(&a)
	_, stop := iter.Pull(maps.Keys(m))
	stop()
	runtime.ReadMemStats(&b)
	report("stop", 0)
	runtime.ReadMemStats(&a)
	next, stop2 := iter.Pull2(maps.All(m))
	k, v, ok := next()
	fmt.Println(k == v, ok, runtime.NumGoroutine())
	stop2()
	runtime.ReadMemStats(&b)
	report("pull2", runtime.NumGoroutine())
}
)";

TEST(IterPull, WhatAPullCostsPerRelease) {
  struct Want { const char* go; const char* out; };
  const Want wants[] = {
      // 1.23: the first Pull makes the coroutine's g (448 B) and the classic map's first
      // iterator its mapextra (48 B / 2); seven moved variables, closures with .dict
      {"1.23", "pull 28: 872 B 16\npull 28: 376 B 13\nstop 0: 312 B 12\ntrue true 2\npull2 1: 424 B 14\n"},
      {"1.24", "pull 28: 824 B 14\npull 28: 376 B 13\nstop 0: 312 B 12\ntrue true 2\npull2 1: 424 B 14\n"},
      // 1.25: the state in one struct `pull` (48 B)
      {"1.25", "pull 28: 680 B 8\npull 28: 232 B 7\nstop 0: 200 B 6\ntrue true 2\npull2 1: 232 B 7\n"},
      // 1.26: a g of 480 B
      {"1.27", "pull 28: 712 B 8\npull 28: 232 B 7\nstop 0: 200 B 6\ntrue true 2\npull2 1: 232 B 7\n"},
  };
  for (const Want& w : wants) {
    langtest::Run r = langtest::run(kPull, langtest::go(w.go));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, w.out) << "Go " << w.go;
  }
  langtest::Run r = langtest::run(kPull, langtest::go("1.22"));
  EXPECT_FALSE(r.loaded);
}

TEST(IterPull, GeneratorsAndTheLibrarysPanics) {
  const char* src = R"(package main

import (
	"fmt"
	"iter"
	"slices"
)

func evens(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	next, stop := iter.Pull(evens(5))
	fmt.Println(next())
	fmt.Println(next())
	stop()
	fmt.Println(next())
	bn, bs := iter.Pull2(slices.Backward([]string{"x", "y"}))
	fmt.Println(bn())
	fmt.Println(bn())
	fmt.Println(bn())
	bs()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var kept func(int) bool
		n, s := iter.Pull(func(yield func(int) bool) {
			kept = yield
			yield(1)
		})
		defer s()
		n()
		kept(2)
	}()
	pn, ps := iter.Pull(func(yield func(int) bool) {
		yield(1)
		panic("boom")
	})
	defer ps()
	fmt.Println(pn())
	fmt.Println(pn())
}
)";
  langtest::Run r = langtest::run(src, langtest::go("1.25"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "0 true\n2 true\n0 false\n1 y true\n0 x true\n0  false\nrecovered: iter.Pull: yield called again before next\n1 true\n");
  EXPECT_NE(r.err.find("panic: boom"), std::string::npos) << r.err;   // raised again by next, in main
}

TEST(IterPull, AStructCapturedByReferenceIsAPointerInTheClosure) {
  const char* src = R"(package main

import (
	"fmt"
	"runtime"
)

var a, b runtime.MemStats
var sink func() int

type S struct{ x, y, z, w, u, v int }

func main() {
	runtime.ReadMemStats(&a)
	var s S
	s.x = 1
	sink = func() int { s.y++; return s.x + s.y }
	runtime.ReadMemStats(&b)
	fmt.Println(b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs, sink(), sink())
}
)";
  // real Go 1.25: s moved to the heap (48 B) and the closure {F, &s} (16 B)
  langtest::Run r = langtest::run(src, langtest::go("1.25"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "64 2 2 3\n");
}

}  // namespace
