// iter_pull.cpp — iter.Pull and iter.Pull2 per release, in the Go the playground runs (see
// iter_pull.h), from iter/iter.go of Go 1.23 (separate variables) and 1.25 (the `pull`
// struct), and the iterators of maps/iter.go and slices/iter.go as values.
#include "engine/lang/iter_pull.h"

#include <string>

#include "engine/lang/lexer.h"
#include "engine/runtime/profile.h"
#include "engine/lang/parser.h"

namespace lang {
namespace {

// runtime/coro.go: coro{gp guintptr; f func(*coro); mp *m; lockedExt, lockedInt uint32},
// 32 B; newcoro's `c := new(coro)` escapes (the coroutine's goroutine keeps it)
constexpr const char* kCoro = R"go(package main
type iter_coro struct {
	gp        uintptr
	f         func(*iter_coro)
	mp        uintptr
	lockedExt uint32
	lockedInt uint32
}

func iter_newcoro(f func(*iter_coro)) *iter_coro {
	c := new(iter_coro)
	c.f = f
	runtime_newcoro(c)
	return c
}

func iter_corostart(c *iter_coro) {
	c.f(c)
}
)go";

// Pull's body with @…@ to fill (Pull or Pull2; the variables or the struct). `dict` stands
// for the shape's dictionary every closure of the instance captures (a word each); `_ =
// &racer` for race.Acquire(unsafe.Pointer(&racer)), a no-op that still takes its address
// (taken before the closures too: the playground decides a capture by reference there).
constexpr const char* kPull = R"go(
func iter_@NAME@[@TP@](seq @SEQ@) (@NEXTT@, func()) {
	dict := 1
@VARS@
	_ = &@P@racer
	c := iter_newcoro(func(c *iter_coro) {
		_, _ = dict, &@P@racer
		if @P@done {
			return
		}
		yield := func(@YP@) bool {
			_, _ = dict, &@P@racer
			if @P@done {
				return false
			}
			if !@P@yieldNext {
				panic("iter.@NAME@: yield called again before next")
			}
			@P@yieldNext = false
			@SET@
			runtime_coroswitch(c)
			return !@P@done
		}
		defer func() {
			_, _ = dict, &@P@racer
			if p := recover(); p != nil {
				@P@panicValue = p
			}
			@P@done = true
		}()
		seq(yield)
@ZERO@
		@P@seqDone = true
	})
	next := func() @NEXTR@ {
		_, _ = dict, &@P@racer
		if @P@done {
@ZRET@
		}
		if @P@yieldNext {
			panic("iter.@NAME@: next called again before yield")
		}
		@P@yieldNext = true
		runtime_coroswitch(c)
		if @P@panicValue != nil {
			panic(@P@panicValue)
		}
		return @RES@
	}
	stop := func() {
		_, _ = dict, &@P@racer
		if !@P@done {
			@P@done = true
			runtime_coroswitch(c)
			if @P@panicValue != nil {
				panic(@P@panicValue)
			}
		}
	}
	return next, stop
}
)go";

// maps/iter.go, slices/iter.go (Go 1.23–1.27): the iterator as a value; inlined into its
// caller by gc, whose closure captures the dictionary too ({F, .dict, m}: 24 B)
constexpr const char* kProducers = R"go(
func iter_mapsKeys[Map ~map[K]V, K comparable, V any](m Map) func(yield func(K) bool) {
	dict := 1
	return func(yield func(K) bool) {
		_ = dict
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func iter_mapsValues[Map ~map[K]V, K comparable, V any](m Map) func(yield func(V) bool) {
	dict := 1
	return func(yield func(V) bool) {
		_ = dict
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	}
}

func iter_mapsAll[Map ~map[K]V, K comparable, V any](m Map) func(yield func(K, V) bool) {
	dict := 1
	return func(yield func(K, V) bool) {
		_ = dict
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}

func iter_slicesAll[Slice ~[]E, E any](s Slice) func(yield func(int, E) bool) {
	dict := 1
	return func(yield func(int, E) bool) {
		_ = dict
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func iter_slicesValues[Slice ~[]E, E any](s Slice) func(yield func(E) bool) {
	dict := 1
	return func(yield func(E) bool) {
		_ = dict
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

func iter_slicesBackward[Slice ~[]E, E any](s Slice) func(yield func(int, E) bool) {
	dict := 1
	return func(yield func(int, E) bool) {
		_ = dict
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}
)go";

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
}

// pull_code: Pull (two = false) or Pull2 as the release writes it: up to Go 1.24 the state
// is separate variables (each moved to the heap), from 1.25 one struct `pull` (iter.go:
// "var pull struct {…}", seqDone beside the other bools; LibraryRules::pull_state_struct)
std::string pull_code(bool two, bool in_struct) {
  std::string s = kPull;
  const std::string p = in_struct ? "pull." : "";
  std::string vars;
  if (in_struct) {
    vars = std::string("\tvar pull struct {\n") + (two ? "\t\tk K\n" : "") +
           "\t\tv V\n\t\tok bool\n\t\tdone bool\n\t\tyieldNext bool\n\t\tseqDone bool\n\t\tracer int\n\t\tpanicValue any\n\t}";
  } else {
    vars = std::string("\tvar (\n") + (two ? "\t\tk K\n" : "") +
           "\t\tv V\n\t\tok bool\n\t\tdone bool\n\t\tyieldNext bool\n\t\tracer int\n\t\tpanicValue any\n\t\tseqDone bool\n\t)";
  }
  replace_all(s, "@VARS@", vars);
  replace_all(s, "@NAME@", two ? "Pull2" : "Pull");
  replace_all(s, "@TP@", two ? "K, V any" : "V any");
  replace_all(s, "@SEQ@", two ? "func(yield func(K, V) bool)" : "func(yield func(V) bool)");
  replace_all(s, "@NEXTT@", two ? "func() (K, V, bool)" : "func() (V, bool)");
  replace_all(s, "@NEXTR@", two ? "(K, V, bool)" : "(V, bool)");
  replace_all(s, "@YP@", two ? "k1 K, v1 V" : "v1 V");
  replace_all(s, "@SET@", two ? "@P@k, @P@v, @P@ok = k1, v1, true" : "@P@v, @P@ok = v1, true");
  replace_all(s, "@ZERO@", two ? "\t\tvar k0 K\n\t\tvar v0 V\n\t\t@P@k, @P@v, @P@ok = k0, v0, false"
                               : "\t\tvar v0 V\n\t\t@P@v, @P@ok = v0, false");
  replace_all(s, "@ZRET@", two ? "\t\t\tvar k1 K\n\t\t\tvar v1 V\n\t\t\treturn k1, v1, false" : "\t\t\tvar v1 V\n\t\t\treturn v1, false");
  replace_all(s, "@RES@", two ? "@P@k, @P@v, @P@ok" : "@P@v, @P@ok");
  replace_all(s, "@P@", p);
  return s;
}

}  // namespace

bool add_iter_pull(File& file, int go_minor, Error& err) {
  if (go_minor < 23 || !imports(file, "iter")) return true;
  std::string src = kCoro;
  const bool in_struct = runtime::profile_for_minor(go_minor).library.pull_state_struct;
  src += pull_code(false, in_struct);
  src += pull_code(true, in_struct);
  src += kProducers;
  return add_library_code(file, src, kLibraryFirstLine + 880'000, "iter.Pull", err);
}

}  // namespace lang
