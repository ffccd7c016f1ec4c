// types.cpp — type interning, sizes and alignment (cmd/compile/internal/types/size.go).
#include "engine/lang/types.h"

#include <algorithm>

#include "engine/lang/library_packages.h"

namespace lang {

TypeTable::TypeTable() {
  struct P { Kind k; uint64_t size; const char* name; };
  const P pre[] = {
      {Kind::Invalid, 0, "invalid type"}, {Kind::Bool, 1, "bool"}, {Kind::Int, 8, "int"},
      {Kind::Int8, 1, "int8"}, {Kind::Int16, 2, "int16"}, {Kind::Int32, 4, "int32"},
      {Kind::Int64, 8, "int64"}, {Kind::Uint, 8, "uint"}, {Kind::Uint8, 1, "uint8"},
      {Kind::Uint16, 2, "uint16"}, {Kind::Uint32, 4, "uint32"}, {Kind::Uint64, 8, "uint64"},
      {Kind::Uintptr, 8, "uintptr"}, {Kind::Float64, 8, "float64"}, {Kind::String, 16, "string"},
      {Kind::UntypedInt, 8, "untyped int"}, {Kind::UntypedFloat, 8, "untyped float"},
      {Kind::UntypedRune, 4, "untyped rune"}, {Kind::UntypedBool, 1, "untyped bool"},
      {Kind::UntypedString, 16, "untyped string"}, {Kind::UntypedNil, 8, "untyped nil"},
      {Kind::Iter, 8, "iterator"},
  };
  for (const P& p : pre) {
    Type t;
    t.kind = p.k;
    t.size = p.size;
    t.align = p.size == 16 ? 8 : (p.size == 0 ? 1 : p.size);
    t.ptrs = p.k == Kind::String || p.k == Kind::Iter;
    t.name = p.name;
    t.under = TypeId(types_.size());
    types_.emplace_back() = std::move(t);
  }
}

TypeId TypeTable::add(Type t) {
  for (size_t i = kIter + 1; i < types_.size(); ++i) {
    const Type& o = types_[i];
    if (!o.name.empty() || o.kind != t.kind || o.elem != t.elem || o.key != t.key || o.len != t.len ||
        o.variadic != t.variadic || o.fields.size() != t.fields.size())
      continue;
    bool same = true;
    for (size_t f = 0; f < t.fields.size() && same; ++f)
      same = o.fields[f].name == t.fields[f].name && o.fields[f].type == t.fields[f].type &&
             o.fields[f].embedded == t.fields[f].embedded;
    if (same) return TypeId(i);
  }
  TypeId id = TypeId(types_.size());
  t.under = id;
  layout(t);
  types_.emplace_back() = std::move(t);
  return id;
}

void TypeTable::layout(Type& t) {
  switch (t.kind) {
    case Kind::Array: {
      const Type& e = u(t.elem);
      t.align = e.align;
      uint64_t n = t.len < 0 ? 0 : uint64_t(t.len);
      t.size = (e.size != 0 && n > (uint64_t(1) << 50) / e.size) ? (uint64_t(1) << 50) : e.size * n;
      t.ptrs = e.ptrs && n > 0;
      t.complete = e.complete;
      break;
    }
    case Kind::Slice: t.size = 24; t.align = 8; t.ptrs = true; break;
    case Kind::Pointer: case Kind::Map: case Kind::Func: case Kind::Chan: t.size = 8; t.align = 8; t.ptrs = true; break;
    case Kind::Interface: t.size = 16; t.align = 8; t.ptrs = true; break;   // runtime.iface/eface: tab|type, data
    case Kind::Struct: case Kind::Tuple: {
      uint64_t off = 0, align = 1;
      bool ptrs = false;
      for (Field& f : t.fields) {
        const Type& ft = u(f.type);
        uint64_t a = ft.align ? ft.align : 1;
        off = (off + a - 1) / a * a;
        f.offset = off;
        off += ft.size;
        if (a > align) align = a;
        ptrs = ptrs || ft.ptrs;
        if (!ft.complete) t.complete = false;
      }
      // A struct ending in a zero-size field gets one byte of padding (size.go).
      if (!t.fields.empty() && u(t.fields.back().type).size == 0 && off > 0) off += 1;
      t.size = (off + align - 1) / align * align;
      t.align = align;
      t.ptrs = ptrs;
      break;
    }
    default: break;
  }
}

TypeId TypeTable::array(TypeId elem, int64_t len) { Type t; t.kind = Kind::Array; t.elem = elem; t.len = len; return add(std::move(t)); }
TypeId TypeTable::slice(TypeId elem) { Type t; t.kind = Kind::Slice; t.elem = elem; return add(std::move(t)); }
TypeId TypeTable::pointer(TypeId elem) { Type t; t.kind = Kind::Pointer; t.elem = elem; return add(std::move(t)); }
TypeId TypeTable::chan(TypeId elem, int dir) { Type t; t.kind = Kind::Chan; t.elem = elem; t.len = dir; return add(std::move(t)); }
TypeId TypeTable::map(TypeId key, TypeId elem) { Type t; t.kind = Kind::Map; t.key = key; t.elem = elem; return add(std::move(t)); }
TypeId TypeTable::structure(std::vector<Field> fields) { Type t; t.kind = Kind::Struct; t.fields = std::move(fields); return add(std::move(t)); }
TypeId TypeTable::tuple(const std::vector<TypeId>& members) {
  Type t;
  t.kind = Kind::Tuple;
  for (TypeId m : members) t.fields.push_back(Field{"", m, 0});
  return add(std::move(t));
}

TypeId TypeTable::interface_(std::vector<Field> methods) {
  std::sort(methods.begin(), methods.end(), [](const Field& a, const Field& b) { return a.name < b.name; });
  Type t;
  t.kind = Kind::Interface;
  t.fields = std::move(methods);
  return add(std::move(t));
}

TypeId TypeTable::func_(const std::vector<TypeId>& params, const std::vector<TypeId>& results, bool variadic) {
  Type t;
  t.kind = Kind::Func;
  t.variadic = variadic && !params.empty();
  t.len = int64_t(params.size());
  for (TypeId p : params) t.fields.push_back(Field{"", p, 0});
  for (TypeId r : results) t.fields.push_back(Field{"", r, 0});
  return add(std::move(t));
}

TypeId TypeTable::named(const std::string& name) {
  Type t;
  t.kind = Kind::Invalid;
  t.name = name;
  t.complete = false;
  TypeId id = TypeId(types_.size());
  t.under = id;
  types_.emplace_back() = std::move(t);
  return id;
}

void TypeTable::complete_named(TypeId id, TypeId underlying) {
  TypeId ut = types_[underlying].under;
  std::string name = types_[id].name;
  Type t = types_[ut];
  t.name = name;
  t.under = ut;
  t.complete = true;
  types_[id] = std::move(t);
  // Composite types built from this named type while it was incomplete: redo their layout.
  for (size_t i = kIter + 1; i < types_.size(); ++i)
    if (!types_[i].complete && types_[i].name.empty()) {
      types_[i].complete = true;
      layout(types_[i]);
    }
}

bool TypeTable::is_integer(TypeId id) const {
  Kind k = kind(id);
  return (k >= Kind::Int && k <= Kind::Uintptr) || k == Kind::UntypedInt || k == Kind::UntypedRune;
}
bool TypeTable::is_unsigned(TypeId id) const {
  Kind k = kind(id);
  return k >= Kind::Uint && k <= Kind::Uintptr;
}
bool TypeTable::is_untyped(TypeId id) const {
  Kind k = types_[id].kind;
  return k >= Kind::UntypedInt && k <= Kind::UntypedNil;
}
bool TypeTable::is_numeric(TypeId id) const {
  Kind k = kind(id);
  return is_integer(id) || k == Kind::Float64 || k == Kind::UntypedFloat;
}
bool TypeTable::is_aggregate(TypeId id) const {
  Kind k = kind(id);
  return k == Kind::Struct || k == Kind::Array;
}
bool TypeTable::is_ref(TypeId id) const {
  Kind k = kind(id);
  return k == Kind::String || k == Kind::Slice || k == Kind::Map || k == Kind::Pointer ||
         k == Kind::Struct || k == Kind::Array || k == Kind::Iter || k == Kind::Interface || k == Kind::Func || k == Kind::Chan;
}
bool TypeTable::comparable(TypeId id) const {
  const Type& t = u(id);
  switch (t.kind) {
    case Kind::Slice: case Kind::Map: case Kind::Tuple: case Kind::Iter: case Kind::Func: return false;
    case Kind::Array: return comparable(t.elem);
    case Kind::Struct:
      for (const Field& f : t.fields)
        if (!comparable(f.type)) return false;
      return true;
    default: return true;
  }
}

IntKind TypeTable::int_kind(TypeId id) const {
  switch (kind(id)) {
    case Kind::Int8: return IntKind::I8;
    case Kind::Int16: return IntKind::I16;
    case Kind::Int32: case Kind::UntypedRune: return IntKind::I32;
    case Kind::Uint: case Kind::Uint64: case Kind::Uintptr: return IntKind::U64;
    case Kind::Uint8: return IntKind::U8;
    case Kind::Uint16: return IntKind::U16;
    case Kind::Uint32: return IntKind::U32;
    default: return IntKind::I64;
  }
}

TypeId TypeTable::default_type(TypeId id) const {
  switch (types_[id].kind) {
    case Kind::UntypedInt: return kInt;
    case Kind::UntypedFloat: return kFloat64;
    case Kind::UntypedRune: return kInt32;
    case Kind::UntypedBool: return kBool;
    case Kind::UntypedString: return kString;
    default: return id;
  }
}

std::string TypeTable::name(TypeId id) const {
  const Type& t = types_[id];
  if (t.name.rfind("main.", 0) == 0 && library_package_of(std::string_view(t.name).substr(5)))   // a prelude's type: sync.Map
    return library_name(std::string_view(t.name).substr(5));
  if (!t.name.empty()) return t.name;
  switch (t.kind) {
    // Built with += : GCC 12 warns (-Wrestrict, a false positive) on "[" + ... chains.
    case Kind::Array: {
      std::string s = "[";
      s += std::to_string(t.len);
      s += ']';
      s += name(t.elem);
      return s;
    }
    case Kind::Slice: {
      std::string s = "[]";
      s += name(t.elem);
      return s;
    }
    case Kind::Pointer: {
      std::string s = "*";
      s += name(t.elem);
      return s;
    }
    case Kind::Map: {
      std::string s = "map[";
      s += name(t.key);
      s += ']';
      s += name(t.elem);
      return s;
    }
    case Kind::Struct: {
      std::string s = "struct {";
      for (size_t i = 0; i < t.fields.size(); ++i) s += (i ? "; " : " ") + t.fields[i].name + " " + name(t.fields[i].type);
      return s + (t.fields.empty() ? "}" : " }");
    }
    case Kind::Interface: {
      if (t.fields.empty()) return "interface {}";
      std::string s = "interface {";
      for (size_t i = 0; i < t.fields.size(); ++i) {
        s += i ? "; " : " ";
        s += t.fields[i].name;
        s += name(t.fields[i].type).substr(4);   // "func(int) string" → "(int) string"
      }
      return s + " }";
    }
    case Kind::Func: {
      std::string s = "func(";
      for (int64_t i = 0; i < t.len; ++i) {
        if (i) s += ", ";
        if (t.variadic && i + 1 == t.len) s += "..." + name(types_[t.fields[size_t(i)].type].elem);   // reflect: func(...int)
        else s += name(t.fields[size_t(i)].type);
      }
      s += ")";
      const size_t nres = t.fields.size() - size_t(t.len);
      if (nres == 1) {
        s += " ";
        s += name(t.fields.back().type);
      } else if (nres > 1) {
        s += " (";
        for (size_t i = size_t(t.len); i < t.fields.size(); ++i) {
          if (i > size_t(t.len)) s += ", ";
          s += name(t.fields[i].type);
        }
        s += ")";
      }
      return s;
    }
    case Kind::Chan: {
      std::string s = t.len == 2 ? "<-chan " : t.len == 1 ? "chan<- " : "chan ";
      s += name(t.elem);
      return s;
    }
    case Kind::Tuple: {
      std::string s = "(";
      for (size_t i = 0; i < t.fields.size(); ++i) s += (i ? ", " : "") + name(t.fields[i].type);
      return s + ")";
    }
    default: return "?";
  }
}

}  // namespace lang
