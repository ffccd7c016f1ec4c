// sync_atomic.cpp — package sync/atomic in the Go the playground runs (see sync_atomic.h).
// The integer types and functions come from one template per integer type, as Go's own
// doc.go and type.go repeat them.
#include "engine/lang/sync_atomic.h"

#include <string>

#include "engine/lang/parser.h"
#include "engine/runtime/profile.h"

namespace lang {
namespace {

// the functions of doc.go for one integer type (@ the type, $ its name: Int32, Uint64, …)
constexpr const char* kFuncs = R"go(
func atomic_Add$(addr *@, delta @) (new @) {
	LEAK
	*addr += delta
	return *addr
}

func atomic_Load$(addr *@) (val @) {
	LEAK
	return *addr
}

func atomic_Store$(addr *@, val @) {
	LEAK
	*addr = val
}

func atomic_Swap$(addr *@, new @) (old @) {
	LEAK
	old = *addr
	*addr = new
	return old
}

func atomic_CompareAndSwap$(addr *@, old, new @) (swapped bool) {
	LEAK
	if *addr != old {
		return false
	}
	*addr = new
	return true
}
)go";

constexpr const char* kAndOrFuncs = R"go(
func atomic_And$(addr *@, mask @) (old @) {
	LEAK
	old = *addr
	*addr &= mask
	return old
}

func atomic_Or$(addr *@, mask @) (old @) {
	LEAK
	old = *addr
	*addr |= mask
	return old
}
)go";

// type.go's type for one integer type (ALIGN: the align64 field of the 64-bit ones); its
// methods are the functions above inlined, as gc inlines them (&x.v is x's own address)
constexpr const char* kType = R"go(
type atomic_$ struct {
	_ atomic_noCopy
	ALIGN
	v @
}

func (x *atomic_$) Load() @ {
	LEAKX
	return x.v
}

func (x *atomic_$) Store(val @) {
	LEAKX
	x.v = val
}

func (x *atomic_$) Swap(new @) (old @) {
	LEAKX
	old = x.v
	x.v = new
	return old
}

func (x *atomic_$) CompareAndSwap(old, new @) (swapped bool) {
	LEAKX
	if x.v != old {
		return false
	}
	x.v = new
	return true
}

func (x *atomic_$) Add(delta @) (new @) {
	LEAKX
	x.v += delta
	return x.v
}
)go";

constexpr const char* kAndOrMethods = R"go(
func (x *atomic_$) And(mask @) (old @) {
	LEAKX
	old = x.v
	x.v &= mask
	return old
}

func (x *atomic_$) Or(mask @) (old @) {
	LEAKX
	old = x.v
	x.v |= mask
	return old
}
)go";

// noCopy and align64 (zero-size: fmt prints them as {}), Bool, Pointer[T] and Value. The
// stores of Pointer and Value hand the field's address to code without noescape
// (StorePointer, value.go's runtime_procPin loop): atomic_leak.
constexpr const char* kCommon = R"go(package main
type atomic_noCopy struct{}

type atomic_align64 struct{}

type atomic_Bool struct {
	_ atomic_noCopy
	v uint32
}

func atomic_b32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

func (x *atomic_Bool) Load() bool {
	LEAKX
	return x.v != 0
}

func (x *atomic_Bool) Store(val bool) {
	LEAKX
	x.v = atomic_b32(val)
}

func (x *atomic_Bool) Swap(new bool) (old bool) {
	LEAKX
	old = x.v != 0
	x.v = atomic_b32(new)
	return old
}

func (x *atomic_Bool) CompareAndSwap(old, new bool) (swapped bool) {
	LEAKX
	if (x.v != 0) != old {
		return false
	}
	x.v = atomic_b32(new)
	return true
}

type atomic_Pointer[T any] struct {
	_ [0]*T
	_ atomic_noCopy
	v *T
}

func (x *atomic_Pointer[T]) Load() *T { return x.v }

func (x *atomic_Pointer[T]) Store(val *T) {
	atomic_leak(&x.v)
	x.v = val
}

func (x *atomic_Pointer[T]) Swap(new *T) (old *T) {
	atomic_leak(&x.v)
	old = x.v
	x.v = new
	return old
}

func (x *atomic_Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	atomic_leak(&x.v)
	if x.v != old {
		return false
	}
	x.v = new
	return true
}

type atomic_Value struct {
	v any
}

func (v *atomic_Value) Load() (val any) { return v.v }

func (v *atomic_Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	atomic_leak(&v.v)
	if v.v != nil && !atomic_sameType(v.v, val) {
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
	v.v = val
}

func (v *atomic_Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	atomic_leak(&v.v)
	if v.v != nil && !atomic_sameType(v.v, new) {
		panic("sync/atomic: swap of inconsistently typed value into Value")
	}
	old = v.v
	v.v = new
	return old
}

func (v *atomic_Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	atomic_leak(&v.v)
	if old != nil && !atomic_sameType(old, new) {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	if v.v == nil {
		if old != nil {
			return false
		}
		v.v = new
		return true
	}
	if !atomic_sameType(v.v, new) {
		panic("sync/atomic: compare and swap of inconsistently typed value into Value")
	}
	if v.v != old {
		return false
	}
	v.v = new
	return true
}
)go";

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
  return s;
}

}  // namespace

bool add_sync_atomic(File& file, int go_minor, Error& err) {
  if (!imports(file, "sync/atomic")) return true;
  std::string src = kCommon;
  static const struct { const char* name; const char* type; bool align64; } kInts[] = {
      {"Int32", "int32", false}, {"Int64", "int64", true}, {"Uint32", "uint32", false},
      {"Uint64", "uint64", true}, {"Uintptr", "uintptr", false}};
  for (const auto& t : kInts) {
    std::string code = kFuncs;
    code += kType;
    if (go_minor >= 23) code += std::string(kAndOrFuncs) + kAndOrMethods;   // sync/atomic And/Or: Go 1.23
    code = replace_all(std::move(code), "ALIGN", t.align64 ? "_ atomic_align64" : "");
    code = replace_all(std::move(code), "$", t.name);
    src += replace_all(std::move(code), "@", t.type);
  }
  // up to Go 1.23 doc.go's functions have no //go:noescape: the address they get escapes,
  // and with it a local the program or a method passes (LibraryRules::atomic_noescape)
  const bool noescape = runtime::profile_for_minor(go_minor).library.atomic_noescape;
  src = replace_all(std::move(src), "\tLEAKX\n", noescape ? "" : "\tatomic_leak(&x.v)\n");
  src = replace_all(std::move(src), "\tLEAK\n", noescape ? "" : "\tatomic_leak(addr)\n");
  // after strings' code (strings_funcs.h), past the program's
  return add_library_code(file, src, kLibraryFirstLine + 900'000, "sync/atomic", err);
}

}  // namespace lang
