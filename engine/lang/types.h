#pragma once
// types.h — Go's types as the compiler and the VM see them (go/types, reduced).
//
// Models: the predeclared types (bool, string, int…uint64, uintptr, byte, rune, float64),
// arrays, slices, pointers, structs, maps and named types (`type T …`), with the sizes and
// alignments of linux/amd64 (cmd/compile/internal/types/size.go) because every simulated
// allocation and every map bucket needs them.
//
// Terminology: TypeId indexes the TypeTable; unnamed composite types are interned, so two
// spellings of the same type share one id; a named type has its own id and `under`.
//
// Layout:   TypeTable.types_[id] = Type{kind, elem, key, len, fields, name, size, align, ptrs}
//
// Invariants:
//   1. identical(a, b) ⇔ a == b (after interning), except untyped constants.
//   2. size and align follow Go's rules; has_ptrs is true iff the GC would scan the type.
//
// Library code in Go (sync_map.h) names its types "main.sync_X"; name() spells them "sync.X".
//
// Simplifications: a func value is a pointer to its closure (program.h, OpCallF); float64 is the only float type;
// untyped float constants are held in a double.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/lang/chunked_vector.h"

namespace lang {

using TypeId = uint32_t;

enum class Kind : uint8_t {
  Invalid, Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
  Float64, String,
  UntypedInt, UntypedFloat, UntypedRune, UntypedBool, UntypedString, UntypedNil,
  Array, Slice, Map, Pointer, Struct,
  Interface,   // fields: the method set, sorted by name, each typed by a Func
  Func,        // a method's signature: fields params then results, len = the param count
  Tuple,   // multiple results of a call
  Iter,    // VM-internal: a map range iterator
  Chan,    // chan T: elem T, len the direction (0 both, 1 send-only, 2 receive-only); the VM
           // holds a channel as an Obj (its hchan and buffer, engine/lang/chan.h)
};

struct Field {
  std::string name;
  TypeId type = 0;
  uint64_t offset = 0;
  bool embedded = false;         // Struct: an embedded field (its methods and fields promote)
};

struct Type {
  Kind kind = Kind::Invalid;
  TypeId elem = 0, key = 0;      // Array/Slice/Pointer/Map elem; Map key
  int64_t len = 0;               // Array length
  std::vector<Field> fields;     // Struct fields; Tuple members (names empty)
  std::string name;              // named types: "main.T", "runtime.MemStats"
  TypeId under = 0;              // named types: the underlying type (self for unnamed)
  uint64_t size = 0, align = 1;
  bool ptrs = false;             // has pointers (GC scans it)
  bool complete = true;
  bool variadic = false;         // Func: the last parameter is `...T` (its type []T)
};

// IntKind is how the VM normalises an integer after arithmetic (wrap-around).
enum class IntKind : uint8_t { I64, I32, I16, I8, U64, U32, U16, U8 };

class TypeTable {
 public:
  TypeTable();
  // Predeclared ids (fixed order, see the constructor).
  static constexpr TypeId kInvalid = 0, kBool = 1, kInt = 2, kInt8 = 3, kInt16 = 4, kInt32 = 5,
      kInt64 = 6, kUint = 7, kUint8 = 8, kUint16 = 9, kUint32 = 10, kUint64 = 11, kUintptr = 12,
      kFloat64 = 13, kString = 14, kUntypedInt = 15, kUntypedFloat = 16, kUntypedRune = 17,
      kUntypedBool = 18, kUntypedString = 19, kUntypedNil = 20, kIter = 21;

  const Type& operator[](TypeId id) const { return types_[id]; }
  size_t size() const { return types_.size(); }

  TypeId array(TypeId elem, int64_t len);
  TypeId slice(TypeId elem);
  TypeId pointer(TypeId elem);
  TypeId map(TypeId key, TypeId elem);
  TypeId chan(TypeId elem, int dir);
  TypeId structure(std::vector<Field> fields);
  TypeId tuple(const std::vector<TypeId>& members);
  // interface_ interns interface{ methods } (sorted here by name, as go/types does);
  // func_ a signature for an interface method.
  TypeId interface_(std::vector<Field> methods);
  // variadic: the last parameter (a []T) is `...T` — func(...int) and func([]int) differ.
  TypeId func_(const std::vector<TypeId>& params, const std::vector<TypeId>& results, bool variadic = false);
  // named creates an incomplete named type; complete_named fills in its underlying type.
  TypeId named(const std::string& name);
  void complete_named(TypeId id, TypeId underlying);
  // set_go_size gives a library struct the size its Go declaration has where the simulator
  // declares it otherwise (sync_map.h: the hash-trie's children are `any` here, pointers in
  // Go): what new(T) allocates. Its own and its underlying type's.
  void set_go_size(TypeId id, uint64_t size) { types_[id].size = types_[types_[id].under].size = size; }

  // under returns the underlying type's id (id itself for unnamed types).
  TypeId under(TypeId id) const { return types_[id].under; }
  Kind kind(TypeId id) const { return types_[types_[id].under].kind; }
  const Type& u(TypeId id) const { return types_[types_[id].under]; }

  bool is_integer(TypeId id) const;
  bool is_unsigned(TypeId id) const;
  bool is_untyped(TypeId id) const;
  bool is_numeric(TypeId id) const;
  bool is_aggregate(TypeId id) const;   // struct or array: held as an Obj by the VM
  bool is_ref(TypeId id) const;         // the VM word refers to a pool entry (GC-relevant)
  bool is_interface(TypeId id) const { return kind(id) == Kind::Interface; }
  bool comparable(TypeId id) const;
  IntKind int_kind(TypeId id) const;
  // default_type is the type an untyped constant gets (int, float64, rune→int32, …).
  TypeId default_type(TypeId id) const;

  // name is Go's spelling, as %T prints it ("map[int][128]uint8", "*main.T").
  std::string name(TypeId id) const;

 private:
  TypeId add(Type t);
  void layout(Type& t);
  // chunks: a Type& stays valid while the compiler makes new types (a composite literal's
  // element may hold a function literal whose body makes some)
  ChunkedVector<Type, 256> types_;
};

}  // namespace lang
