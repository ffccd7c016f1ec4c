// compiler_expr.cpp — expressions: identifiers, literals, operators (with constant
// folding through compiler_types.cpp), dereference, selectors (fields, package members),
// index and slice expressions, composite literals (allocation sites for &T{…} and slice
// literals), lvalues of addressable aggregates, and static_type, which types an expression
// by compiling it speculatively and rolling the code back.
//
// Models: cmd/compile/internal/types2/expr.go, index.go, literals.go, selection in
// lookup.go (type checking and gc's messages) and cmd/compile/internal/walk/expr.go,
// complit.go (what an expression compiles to, what allocates: string concatenation unless
// it stays on the stack within 32 bytes, composite literals whose address escapes).
//
// Simplifications: an expression's type is found by compiling it (static_type), not by a
// separate typing pass; a budget bounds speculative compilation of deep nestings.
#include "engine/lang/compiler_impl.h"
#include "engine/lang/os_pkg.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace lang::detail {

V Compiler::ident(const Expr& e) {
  if (e.name == "_") return bad(e.pos, "cannot use _ as value");
  Entity* en = lookup(e.name);
  if (!en) {
    if (imports_.count(e.name)) return bad(e.pos, "use of package " + e.name + " without selector");
    return bad(e.pos, "undefined: " + e.name);
  }
  V v;
  switch (en->k) {
    case Entity::Var:
      en->used = true;
      v.t = en->type;
      v.slot = en->slot;
      if (en->box >= 0) {
        v.slot = temp(v.t);
        emit(OpLoad, v.slot, en->box, 0, 0, uint16_t(v.t));
      }
      v.var = e.name;
      v.static_lit = en->static_lit && !closure_variable(e.name);
      v.static_param = en->static_param;
      if (en->node >= 0) v.src.push_back(en->node);
      return v;
    case Entity::Global: {
      if (!resolve_global(*en, e.pos)) return bad(e.pos, err_.msg);
      v.t = en->type;
      v.slot = temp(v.t);
      v.var = e.name;
      if (boxed_global(*en)) emit(OpLoad, v.slot, global_box(*en), 0, 0, uint16_t(v.t));
      else emit(OpGGet, v.slot, en->slot);
      return v;
    }
    case Entity::Const: {
      if (en->name == "iota" && !en->spec) {
        if (iota_ < 0) return bad(e.pos, "cannot use iota outside constant declaration");
        v.isconst = true;
        v.t = TypeTable::kUntypedInt;
        v.cv.k = CVal::Int;
        v.cv.i = iota_;
        return v;
      }
      if (!resolve_const(*en)) { v.ok = false; return v; }
      v.isconst = true;
      v.t = en->type;
      v.cv = en->cv;
      return v;
    }
    case Entity::Type:
      if (!resolve_type_entity(*en)) { v.ok = false; return v; }
      v.is_type = true;
      v.t = en->type;
      return v;
    case Entity::Nil:
      v.isconst = true;
      v.t = TypeTable::kUntypedNil;
      return v;
    case Entity::Func: return func_value_of(*en, e.pos);
    case Entity::Closure:
      if (closures_[size_t(en->slot)]->static_iter) return held_iter_refused(e);
      return bad(e.pos, "function values are not supported by the playground (" + e.name + " must be called)");
    case Entity::Builtin:
      return bad(e.pos, e.name + " (built-in function) must be called");
    default:
      return bad(e.pos, "undefined: " + e.name);
  }
}

V Compiler::expr(const Expr& e) {
  // static_type() compiles subexpressions speculatively; a budget keeps pathological
  // nestings (len(a[len(b[...])])) from taking exponential time.
  if (++expr_count_ > 4'000'000) return bad(e.pos, "program too complex for the playground");
  if (++expr_depth_ > 400) {
    --expr_depth_;
    return bad(e.pos, "expression too deeply nested");
  }
  V v = expr_inner(e);
  v.ex = &e;
  --expr_depth_;
  return v;
}

V Compiler::expr_inner(const Expr& e) {
  if (failed_) { V v; v.ok = false; return v; }
  V v;
  switch (e.kind) {
    case Expr::Ident: return ident(e);
    case Expr::IntLit:
      v.isconst = true;
      v.t = TypeTable::kUntypedInt;
      v.cv.k = CVal::Int;
      if (!parse_int_lit(e.name, v.cv.i)) return bad(e.pos, "invalid or too large integer literal " + e.name);
      return v;
    case Expr::FloatLit: {
      std::string s;
      for (char c : e.name)
        if (c != '_') s += c;
      v.isconst = true;
      v.t = TypeTable::kUntypedFloat;
      v.cv.k = CVal::Float;
      v.cv.f = strtod(s.c_str(), nullptr);
      return v;
    }
    case Expr::StringLit:
      v.isconst = true;
      v.t = TypeTable::kUntypedString;
      v.cv.k = CVal::Str;
      v.cv.s = e.name;
      return v;
    case Expr::CharLit:
      v.isconst = true;
      v.t = TypeTable::kUntypedRune;
      v.cv.k = CVal::Int;
      v.cv.i = atoll(e.name.c_str());
      return v;
    case Expr::Paren: return expr(*e.x);
    case Expr::Binary: return binary(e);
    case Expr::Unary: return unary(e);
    case Expr::Star: return star(e);
    case Expr::Call: return call(e, false);
    case Expr::TypeAssert: return type_assert(e, false);
    case Expr::FuncLitE: return func_lit(e);
    case Expr::Index: return index(e);
    case Expr::Slice: return slice_expr(e);
    case Expr::Selector: promote(e); return selector(e);
    case Expr::CompositeLit: {
      if (!e.type) return bad(e.pos, "invalid composite literal type: missing type");
      TypeId t;
      if (!type_of(*e.type, t, &e)) { v.ok = false; return v; }
      return composite(e, t, false);
    }
    case Expr::TypeE: {
      TypeId t;
      if (!type_of(*e.type)) { v.ok = false; return v; }
      (void)t;
      v.is_type = true;
      v.t = last_type_;
      return v;
    }
    case Expr::KeyValue: return bad(e.pos, "unexpected key:value outside a composite literal");
  }
  return bad(e.pos, "unsupported expression");
}

// ---------------------------------------------------------------- operators
V Compiler::binary(const Expr& e) {
  Tok op = e.op;
  if (op == Tok::LAnd || op == Tok::LOr) return logical(e);
  V x = expr(*e.x);
  if (!x.ok) return x;
  V y = expr(*e.y);
  if (!y.ok) return y;
  return binop_vals(e.pos, e.x->pos, e.y->pos, op, std::move(x), std::move(y), &e);
}

// mismatched_kinds: x and y, one an untyped constant, the other typed, do not convert to
// each other (types2's mayConvert: numeric, string and boolean only among themselves, nil only
// to a type that has nil; an interface or a type parameter decides elsewhere).
bool Compiler::mismatched_kinds(const V& x, const V& y) const {
  if (T.is_untyped(x.t) == T.is_untyped(y.t)) return false;
  const TypeId typed = T.is_untyped(x.t) ? y.t : x.t, untyped = T.is_untyped(x.t) ? x.t : y.t;
  if (T.is_interface(typed) || stand_in_types_.count(typed)) return false;
  const Kind k = T.kind(typed);
  if (untyped == TypeTable::kUntypedNil)
    return !(k == Kind::Map || k == Kind::Slice || k == Kind::Pointer || k == Kind::Func || k == Kind::Chan);
  const auto kind_class = [&](TypeId t) {
    const Kind c = T.kind(t);
    return T.is_numeric(t) ? 1 : (c == Kind::String || c == Kind::UntypedString) ? 2 : (c == Kind::Bool || c == Kind::UntypedBool) ? 3 : 0;
  };
  return kind_class(x.t) != kind_class(y.t);
}

// mismatched: types2's "invalid operation: a + b (mismatched types int and int64)", at the
// left operand's start (a comparison's at the right operand's: types2 knows only then), an
// op= statement quoted as written.
V Compiler::mismatched(const V& x, const V& y, Tok op, const Expr* whole, const Stmt* op_assign) {
  const std::string types = " (mismatched types " + T.name(x.t) + " and " + T.name(y.t) + ")";
  if (whole) return bad(start_pos(is_cmp(op) ? *whole->y : *whole->x), "invalid operation: " + expr_str(*whole) + types);
  return bad(start_pos(*op_assign->lhs[0]), "invalid operation: " + expr_str(*op_assign->lhs[0]) + " " + tok_string(op) + "= " + expr_str(*op_assign->rhs[0]) + types);
}

// whole: the binary expression (a comparison's message quotes it), nullptr for op= and ++;
// op_assign: the op= statement.
V Compiler::binop_vals(Pos p, Pos px, Pos py, Tok op, V x, V y, const Expr* whole, const Stmt* op_assign) {
  if (x.is_type || y.is_type) return bad(p, "type is not an expression");
  if (x.is_tuple || y.is_tuple) return bad(p, "multiple-value in single-value context");
  if (x.t == 0 || y.t == 0) return bad(p, "function call (no value) used as value");
  if (x.isconst && y.isconst && x.t != TypeTable::kUntypedNil && y.t != TypeTable::kUntypedNil) return fold(p, px, py, op, x, y);
  if (op == Tok::Shl || op == Tok::Shr) return shift(p, py, op, x, y);
  if ((whole || op_assign) && mismatched_kinds(x, y)) return mismatched(x, y, op, whole, op_assign);
  // unify operand types
  if (x.isconst && T.is_untyped(x.t) && !(y.isconst && T.is_untyped(y.t))) {
    if (!assignable(x, y.t, px, "operation")) { x.ok = false; return x; }
  } else if (y.isconst && T.is_untyped(y.t)) {
    if (!assignable(y, x.t, py, "operation")) { y.ok = false; return y; }
  }
  if (is_cmp(op) && x.t != y.t && (T.is_interface(x.t) != T.is_interface(y.t))) {
    // an interface compared with a value of a type that implements it (types2 comparison)
    V& c = T.is_interface(x.t) ? y : x;
    if (!assignable(c, T.is_interface(x.t) ? x.t : y.t, T.is_interface(x.t) ? py : px, "comparison")) { c.ok = false; return c; }
  }
  if (x.t != y.t) {
    if (whole || op_assign) return mismatched(x, y, op, whole, op_assign);
    return bad(p, "invalid operation: mismatched types " + T.name(x.t) + " and " + T.name(y.t));
  }
  TypeId t = x.t;
  if (!type_set_op(op, t, x, px, whole)) { x.ok = false; return x; }
  Kind k = T.kind(t);
  if (is_cmp(op)) {
    bool ordered = T.is_numeric(t) || k == Kind::String;
    if ((op != Tok::Eql && op != Tok::Neq) && !ordered) return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on " + T.name(t));
    if ((k == Kind::Map || k == Kind::Slice || k == Kind::Func) && !(x.t == TypeTable::kUntypedNil || y.t == TypeTable::kUntypedNil || x.isconst || y.isconst))
      return bad(p, "invalid operation: " + T.name(t) + " can only be compared to nil");
    if (!T.comparable(t) && !(x.isconst || y.isconst)) return bad(p, "invalid operation: " + T.name(t) + " cannot be compared");
    int a = materialize(x, t), b = materialize(y, t);
    int d = temp(TypeTable::kBool);
    bool swap = op == Tok::Gtr || op == Tok::Geq;
    if (swap) std::swap(a, b);
    bool strict = op == Tok::Lss || op == Tok::Gtr;
    bool neg = op == Tok::Neq;
    uint8_t o;
    if (k == Kind::String) o = (op == Tok::Eql || op == Tok::Neq) ? OpSEq : strict ? OpSLt : OpSLe;
    else if (k == Kind::Float64) o = (op == Tok::Eql || op == Tok::Neq) ? OpFEq : strict ? OpFLt : OpFLe;
    else if (T.is_aggregate(t) || k == Kind::Interface) o = OpDeepEq;
    else if (k == Kind::Pointer && !T.is_aggregate(T.u(t).elem)) o = OpDeepEq;   // interior pointers (interp.h Ref)
    else if (op == Tok::Eql || op == Tok::Neq) o = OpEq;
    else if (T.is_unsigned(t)) o = strict ? OpLtU : OpLeU;
    else o = strict ? OpLtS : OpLeS;
    emit(o, d, a, b, 0, uint16_t(o == OpDeepEq ? t : 0));
    if (neg) emit(OpNot, d, d);
    V r;
    r.t = TypeTable::kBool;
    r.slot = d;
    return r;
  }
  int a = materialize(x, t), b = materialize(y, t);
  V r;
  r.t = t;
  if (k == Kind::String) {
    if (op != Tok::Add) return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on string");
    r.slot = temp(t);
    int pc0 = emit(OpConcat, r.slot, a, b);
    // string concatenation allocates unless the result stays on the stack (≤ 32 bytes)
    r.src.push_back(add_site(pc0, "string concatenation", false));
    return r;
  }
  if (k == Kind::Float64) {
    uint8_t o = op == Tok::Add ? OpFAdd : op == Tok::Sub ? OpFSub : op == Tok::Mul ? OpFMul : op == Tok::Quo ? OpFDiv : 0;
    if (!o) return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on float64");
    r.slot = temp(t);
    emit(o, r.slot, a, b);
    return r;
  }
  if (!T.is_integer(t)) return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on " + T.name(t));
  bool u = T.is_unsigned(t);
  uint8_t o = 0;
  switch (op) {
    case Tok::Add: o = OpAdd; break;
    case Tok::Sub: o = OpSub; break;
    case Tok::Mul: o = OpMul; break;
    case Tok::Quo: o = u ? OpDivU : OpDivS; break;
    case Tok::Rem: o = u ? OpRemU : OpRemS; break;
    case Tok::And: o = OpAnd; break;
    case Tok::Or: o = OpOr; break;
    case Tok::Xor: o = OpXor; break;
    case Tok::AndNot: o = OpAndNot; break;
    default: return bad(p, "invalid operation");
  }
  if ((op == Tok::Quo || op == Tok::Rem) && y.isconst == false) {}
  r.slot = temp(t);
  emit(o, r.slot, a, b, 0, uint16_t(T.int_kind(t)));
  return r;
}

V Compiler::shift(Pos p, Pos py, Tok op, V x, V y) {
  if (y.isconst) {
    if (y.cv.k != CVal::Int || y.cv.i < 0) return bad(py, "invalid shift count");
  } else if (!T.is_integer(y.t)) {
    return bad(py, "invalid operation: shift count type " + T.name(y.t) + ", must be integer");
  }
  if (x.isconst && T.is_untyped(x.t)) {
    if (!convert_const(x, TypeTable::kInt, p, false)) { x.ok = false; return x; }
  }
  if (!T.is_integer(x.t)) return bad(p, "invalid operation: shift of type " + T.name(x.t));
  TypeId t = x.t;
  int a = materialize(x, t);
  int b = materialize(y, TypeTable::kUint);
  V r;
  r.t = t;
  r.slot = temp(t);
  uint8_t o = op == Tok::Shl ? OpShl : T.is_unsigned(t) ? OpShrU : OpShrS;
  emit(o, r.slot, a, b, 0, uint16_t(T.int_kind(t)), uint8_t(!y.isconst && !T.is_unsigned(y.t) ? 1 : 0));
  return r;
}

V Compiler::logical(const Expr& e) {
  V x = expr(*e.x);
  if (!x.ok) return x;
  if (T.kind(x.t) != Kind::Bool && T.kind(x.t) != Kind::UntypedBool) return bad(e.x->pos, "invalid operation: operator " + std::string(tok_string(e.op)) + " not defined on " + describe(x));
  if (x.isconst) {
    // still compile y (it may have side effects only when evaluated)
    if ((e.op == Tok::LAnd && !x.cv.b) || (e.op == Tok::LOr && x.cv.b)) {
      V y = expr(*e.y);
      if (!y.ok) return y;
      return x;
    }
    V y = expr(*e.y);
    if (!y.ok) return y;
    if (T.kind(y.t) != Kind::Bool && T.kind(y.t) != Kind::UntypedBool) return mismatched(x, y, e.op, &e, nullptr);
    return y;
  }
  TypeId t = x.t;
  int d = temp(t);
  emit(OpMov, d, x.slot);
  int j = emit(e.op == Tok::LAnd ? OpJf : OpJt, 0, d);
  V y = expr(*e.y);
  if (!y.ok) return y;
  if (T.kind(y.t) != Kind::Bool && T.kind(y.t) != Kind::UntypedBool) return mismatched(x, y, e.op, &e, nullptr);
  move_into(y, d, t);
  patch(j, pc());
  V r;
  r.t = t;
  r.slot = d;
  return r;
}

V Compiler::unary(const Expr& e) {
  if (e.op == Tok::And) return address_of(e);
  if (e.op == Tok::Arrow) return receive(e, false);   // <-ch (compiler_go.cpp)
  V x = expr(*e.x);
  if (!x.ok) return x;
  if (x.is_type) return bad(e.pos, "type is not an expression");
  if (x.isconst) {
    V r = x;
    switch (e.op) {
      case Tok::Add: if (x.cv.k != CVal::Int && x.cv.k != CVal::Float) return bad(e.pos, "invalid operation: operator + not defined"); return r;
      case Tok::Sub:
        if (x.cv.k == CVal::Int) r.cv.i = -x.cv.i;
        else if (x.cv.k == CVal::Float) r.cv.f = x.cv.f == 0 ? 0.0 : -x.cv.f;   // constants have no -0 (spec: exact values)
        else return bad(e.pos, "invalid operation: operator - not defined on " + describe(x));
        if (!T.is_untyped(r.t) && r.cv.k == CVal::Int && !fits(r.cv.i, r.t, T)) return bad(e.pos, "constant " + i128_str(r.cv.i) + " overflows " + T.name(r.t));
        return r;
      case Tok::Not:
        if (x.cv.k != CVal::Bool) return bad(e.pos, "invalid operation: operator ! not defined on " + describe(x));
        r.cv.b = !x.cv.b;
        return r;
      case Tok::Xor:
        if (x.cv.k != CVal::Int) return bad(e.pos, "invalid operation: operator ^ not defined on " + describe(x));
        if (T.is_unsigned(x.t)) {
          int bits = int(T.u(x.t).size * 8);
          r.cv.i = ((i128(1) << bits) - 1) ^ x.cv.i;
        } else {
          r.cv.i = ~x.cv.i;
        }
        return r;
      default: return bad(e.pos, "invalid unary operation");
    }
  }
  TypeId t = x.t;
  if (!type_set_unary(e.op, t, x, e.x->pos)) { V v; v.ok = false; return v; }
  V r;
  r.t = t;
  r.slot = temp(t);
  switch (e.op) {
    case Tok::Add:
      if (!T.is_numeric(t)) return bad(e.pos, "invalid operation: operator + not defined on " + describe(x));
      emit(OpMov, r.slot, x.slot);
      break;
    case Tok::Sub:
      if (T.kind(t) == Kind::Float64) emit(OpFNeg, r.slot, x.slot);
      else if (T.is_integer(t)) emit(OpNeg, r.slot, x.slot, 0, 0, uint16_t(T.int_kind(t)));
      else return bad(e.pos, "invalid operation: operator - not defined on " + describe(x));
      break;
    case Tok::Not:
      if (T.kind(t) != Kind::Bool) return bad(e.pos, "invalid operation: operator ! not defined on " + describe(x));
      emit(OpNot, r.slot, x.slot);
      break;
    case Tok::Xor:
      if (!T.is_integer(t)) return bad(e.pos, "invalid operation: operator ^ not defined on " + describe(x));
      emit(OpBitNot, r.slot, x.slot, 0, 0, uint16_t(T.int_kind(t)));
      break;
    default: return bad(e.pos, "invalid unary operation");
  }
  return r;
}

// ---------------------------------------------------------------- pointers, selectors, indexing
V Compiler::star(const Expr& e) {
  V x = expr(*e.x);
  if (!x.ok) return x;
  if (x.is_type) {
    V r;
    r.is_type = true;
    r.t = T.pointer(x.t);
    return r;
  }
  return deref(x, e.pos);
}

// deref compiles *x of a compiled pointer x.
V Compiler::deref(const V& x, Pos pos) {
  if (T.kind(x.t) != Kind::Pointer) return bad(pos, "invalid operation: cannot indirect " + describe(x));
  if (x.isconst) return bad(pos, "invalid operation: cannot indirect nil");
  TypeId pt = T.u(x.t).elem;
  V r;
  r.t = pt;
  r.slot = temp(pt);
  r.mode = V::Variable;   // *p is addressable
  if (T[pt].ptrs) r.src = contents_of(x.src);
  emit(OpLoad, r.slot, x.slot, 0, 0, uint16_t(pt));
  return r;
}

// library_field: false (gc's error) when the program names a field of the library's code
// in Go (sync_map.h, strings_builder.h: their fields are unexported; flag.Flag's are
// exported); that code itself may.
bool Compiler::library_field(TypeId st, const Expr& sel) {
  if (T[st].name.rfind("main.", 0) != 0 || !library_package_of(std::string_view(T[st].name).substr(5)) || sel.pos.line >= kLibraryFirstLine) return true;
  if (std::isupper(static_cast<unsigned char>(sel.name[0]))) return true;
  return fail(selector_name_pos(sel), library_unexported(sel, T.name(st), "field"));
}

// library_unexported: gc's message for x.name, an unexported field or method of a prelude's
// type (named type_name): "cannot refer to unexported field f" from Go 1.23, "type T has no
// field or method f" before (types2/call.go), and for 1.24's sync.Map, whose code is
// internal/sync's HashTrieMap behind one field (the prelude's names are not Map's own).
std::string Compiler::library_unexported(const Expr& sel, const std::string& type_name, const char* what) const {
  if (go_minor_ < 23 || (type_name == "sync.Map" && go_minor_ >= 24))
    return expr_str(sel) + " undefined (type " + type_name + " has no field or method " + sel.name + ")";
  return expr_str(sel) + " undefined (cannot refer to unexported " + what + " " + sel.name + ")";
}

// math_const: package math's constant name (math/const.go) as an untyped constant, or false
bool Compiler::math_const(const std::string& name, V& out) {
  const std::pair<const char*, int64_t> ints[] = {
      {"MaxInt", INT64_MAX}, {"MinInt", INT64_MIN}, {"MaxInt8", INT8_MAX}, {"MinInt8", INT8_MIN}, {"MaxInt16", INT16_MAX},
      {"MinInt16", INT16_MIN}, {"MaxInt32", INT32_MAX}, {"MinInt32", INT32_MIN}, {"MaxInt64", INT64_MAX}, {"MinInt64", INT64_MIN},
      {"MaxUint8", UINT8_MAX}, {"MaxUint16", UINT16_MAX}, {"MaxUint32", UINT32_MAX}};
  for (const auto& [n, v] : ints)
    if (name == n) return out = int_const(TypeTable::kUntypedInt, v), true;
  if (name == "MaxUint" || name == "MaxUint64") {
    out = int_const(TypeTable::kUntypedInt, 0);
    out.cv.i = i128(UINT64_MAX);
    return true;
  }
  const std::pair<const char*, double> floats[] = {
      {"Pi", 3.14159265358979323846264338327950288419716939937510582097494459}, {"E", 2.71828182845904523536028747135266249775724709369995957496696763},
      {"Phi", 1.61803398874989484820458683436563811772030917980576286213544862}, {"Sqrt2", 1.41421356237309504880168872420969807856967187537694807317667974},
      {"SqrtE", 1.64872127070012814684865078831848804789785930430373287366236913}, {"SqrtPi", 1.77245385090551602729816748334114518279754945612238712821380779},
      {"SqrtPhi", 1.27201964951406896425242246173749149171560804184009624861664038}, {"Ln2", 0.693147180559945309417232121458176568075500134360255254120680009},
      {"Log2E", 1 / 0.693147180559945309417232121458176568075500134360255254120680009}, {"Ln10", 2.30258509299404568401799145468436420760110148862877297603332790},
      {"Log10E", 1 / 2.30258509299404568401799145468436420760110148862877297603332790}, {"MaxFloat64", 1.79769313486231570814527423731704356798070e+308},
      {"SmallestNonzeroFloat64", 4.9406564584124654417656879286822137236505980e-324}, {"MaxFloat32", 3.40282346638528859811704183484516925440e+38},
      {"SmallestNonzeroFloat32", 1.401298464324817070923729583289916131280e-45}};
  for (const auto& [n, v] : floats)
    if (name == n) {
      out = V{};
      out.isconst = true;
      out.t = TypeTable::kUntypedFloat;
      out.cv.k = CVal::Float;
      out.cv.f = v;
      return true;
    }
  return false;
}

int Compiler::global_box(const Entity& en) {
  emit(OpGMat, en.slot, 0, 0, 0, uint16_t(en.type), 2);   // flags 2: a box of en.type
  const int s = temp(T.pointer(en.type));
  emit(OpGGet, s, en.slot);
  return s;
}

// package_type_value: pkg.T written where a value goes, as new(T)'s operand: the type itself
V Compiler::package_type_value(const Expr& e) {
  TypeExpr te;
  te.kind = TypeExpr::Qualified;
  te.pos = e.pos;
  te.pkg = e.x->name;
  te.name = e.name;
  V r;
  if (!type_of(te, r.t)) { r.ok = false; return r; }
  r.is_type = true;
  return r;
}

V Compiler::selector(const Expr& e) {
  if (e.x->kind == Expr::Ident && !lookup_local_or_pkg(e.x->name) && imports_.count(e.x->name)) {
    auto& im = imports_[e.x->name];
    im.used = true;
    if (im.name == "log") {
      static const std::pair<const char*, int> flags[] = {
          {"Ldate", 1}, {"Ltime", 2}, {"Lmicroseconds", 4}, {"Llongfile", 8}, {"Lshortfile", 16},
          {"LUTC", 32}, {"Lmsgprefix", 64}, {"LstdFlags", 3}};
      for (const auto& [flag, value] : flags)
        if (e.name == flag) return int_const(TypeTable::kUntypedInt, value);
    }
    if (im.name == "time") {
      static const std::pair<const char*, int64_t> units[] = {
          {"Nanosecond", 1}, {"Microsecond", 1'000}, {"Millisecond", 1'000'000}, {"Second", 1'000'000'000},
          {"Minute", 60'000'000'000}, {"Hour", 3'600'000'000'000}};
      for (const auto& [unit, ns] : units)
        if (e.name == unit) return int_const(prog_.duration_type, ns);
    }
    if (im.name == "math")   // math/const.go: untyped constants
      if (V c; math_const(e.name, c)) return c;
    static const std::pair<const char*, const char*> types[] = {
        {"runtime", "MemStats"}, {"time", "Duration"}, {"time", "Time"}, {"fmt", "Stringer"}, {"strconv", "NumError"},
        {"math/rand", "Rand"}, {"math/rand", "Source"}};
    for (const auto& [pkg, name] : types)
      if (im.name == pkg && e.name == name) return package_type_value(e);   // new(runtime.MemStats)
    if (im.name == "strconv" && (e.name == "ErrSyntax" || e.name == "ErrRange")) {   // strconv's error variables
      V which = int_const(TypeTable::kInt, e.name == "ErrRange");
      std::vector<V*> ps{&which};
      return bi_call(Builtin::StrconvErr, ps, prog_.error_type, false);
    }
    if (V r; pkg_func_value(e, r)) return r;   // strings.ToUpper, strconv.Itoa as a value (compiler_pkg_values.cpp)
    if (im.name == "os" || im.name == "bytes" || im.name == "flag") {   // os_pkg.h, bytes_buffer.h, flag_pkg.h: the package's Go code
      auto it = pkg_.find(std::string(library_package(im.name)->prefix) + e.name);
      if (it != pkg_.end() && it->second.k == Entity::Func) return func_value_of(it->second, e.pos);
      if (it != pkg_.end() && it->second.k == Entity::Global) {   // os.Stdout, os.Args: the prelude's variable
        auto id = std::make_unique<Expr>();
        id->kind = Expr::Ident;
        id->pos = e.pos;
        id->name = it->first;
        synthetic_.push_back(std::move(id));
        return expr(*synthetic_.back());
      }
      if (it != pkg_.end() && it->second.k == Entity::Type) return package_type_value(e);   // new(bytes.Buffer)
      return bad(selector_name_pos(e), library_unsupported(im.name, e.name));
    }
    static const std::set<std::string> kFuncsOnly = {"fmt", "log", "maps", "math", "slices", "sort", "strconv", "strings"};
    if (kFuncsOnly.count(im.name) && e.name != "IntSize")   // their exported names used here are functions
      return bad(e.pos, e.x->name + "." + e.name + " as a value is not supported by the playground (call it where it is used, or wrap it in a function literal)");
    return bad(e.pos, e.x->name + "." + e.name + " is not supported here by the playground (only calls to the functions of fmt, log, maps, math/rand, runtime, runtime/debug, slices, sort, strconv, strings, time and unsafe, time's units and log's flags)");
  }
  if (!type_operand(*e.x)) {
    const Entity* fe = nullptr;
    bool x_is_ptr = false;
    if (!find_method(e, fe, x_is_ptr)) { V v; v.ok = false; return v; }
    if (fe) return method_value(e, *fe, x_is_ptr);   // x.M not called: a func value
  }
  V x = expr(*e.x);
  if (!x.ok) return x;
  if (x.is_type) return method_expr(e, x.t);   // T.M, (*T).M, I.M
  if (T.is_interface(x.t)) return iface_method_value(e, x);
  TypeId t = x.t;
  bool ptr = false;
  if (T.kind(t) == Kind::Pointer && T.kind(T.u(t).elem) == Kind::Struct) {
    t = T.u(t).elem;
    ptr = true;
  }
  if (T.kind(t) != Kind::Struct) return bad(selector_name_pos(e), expr_str(e) + " undefined (type " + T.name(x.t) + " has no field or method " + e.name + ")");
  const Type& st = T.u(t);
  for (size_t i = 0; i < st.fields.size(); ++i) {
    if (st.fields[i].name != e.name) continue;
    if (!library_field(t, e)) return bad(e.pos, "");
    TypeId ft = st.fields[i].type;
    V r;
    r.t = ft;
    r.slot = temp(ft);
    // a field read through a pointer is the pointer's contents; a pointer-free field
    // carries nothing that could escape
    if (T[ft].ptrs) r.src = ptr ? contents_of(x.src) : x.src;
    if (ptr || x.addressable()) r.mode = V::Variable;
    emit(OpFGet, r.slot, x.slot, int(i), 0, 0, ptr ? 1 : 0);
    return r;
  }
  if (library_method(T.name(t), e.name, go_minor_))   // os_pkg.h: Go's type has it, the prelude does not
    return bad(selector_name_pos(e), "(*" + T.name(t) + ")." + e.name + " is not supported by the playground" +
                                         (T.name(t) == "os.File" ? " (write with fmt.Fprint*, Write or WriteString)"
                                                                : " (a Buffer's write side: Write*, String, Bytes, Len, Cap, Grow, Truncate, Reset)"));
  return bad(selector_name_pos(e), expr_str(e) + " undefined (type " + T.name(x.t) + " has no field or method " + e.name + ")");
}

bool Compiler::lookup_local_or_pkg(const std::string& n) {
  for (size_t i = scopes_.size(); i-- > scope_floor_;)
    if (scopes_[i].count(n)) return true;
  return pkg_.count(n) > 0;
}

// const_string_operand: a constant string indexed or sliced is a string value (the
// literal's data: indexing a constant string is not a constant in Go).
bool Compiler::const_string_operand(V& x, Pos p) {
  if (!x.isconst || (T.kind(x.t) != Kind::String && T.kind(x.t) != Kind::UntypedString)) return true;
  const TypeId st = T.is_untyped(x.t) ? TypeTable::kString : x.t;
  if (T.is_untyped(x.t) && !convert_const(x, st, p, false)) return false;
  materialize(x, st);
  return true;
}

V Compiler::index(const Expr& e) {
  if (e.x->kind == Expr::Ident) {   // Set[string], Keys[string, int]: instantiation
    const Entity* en = lookup(e.x->name);
    if (en && ((en->k == Entity::Type && generic_type_entity(*en)) || (en->k == Entity::Func && is_generic(decl(en->slot))))) {
      V v;
      generic_index(e, v);
      return v;
    }
  }
  if (!e.args.empty()) return bad(e.args[1]->pos, "unexpected comma; expecting ]");
  V x = expr(*e.x);
  if (!x.ok) return x;
  if (!const_string_operand(x, e.x->pos)) { x.ok = false; return x; }
  if (x.is_type) return bad(e.pos, T.name(x.t) + " is not a generic type");
  TypeId t = x.t;
  Kind k = T.kind(t);
  bool ptr = false;
  if (k == Kind::Pointer && T.kind(T.u(t).elem) == Kind::Array) {
    ptr = true;
    t = T.u(t).elem;
    k = Kind::Array;
  }
  if (k == Kind::Map) {
    const Type& mt = T.u(t);
    V key = expr(*e.y);
    if (!assignable(key, mt.key, e.y->pos, "map index")) { key.ok = false; return key; }
    int ks = owned(key, mt.key);
    V r;
    r.t = mt.elem;
    r.slot = temp(mt.elem);
    r.mode = V::MapIndex;
    emit(OpMGet, r.slot, materialize(x, t), ks);
    return r;
  }
  V i = expr(*e.y);
  if (!i.ok) return i;
  if (!T.is_integer(i.t) && !(i.isconst && i.cv.k == CVal::Float && i.cv.f == std::floor(i.cv.f))) return bad(e.y->pos, "invalid argument: index " + describe(i) + " must be integer");
  if (i.isconst) {
    if (i.cv.k == CVal::Float) { i.cv.k = CVal::Int; i.cv.i = i128(i.cv.f); }
    if (i.cv.i < 0) return bad(e.y->pos, "invalid argument: index " + i128_str(i.cv.i) + " (constant of type int) must not be negative");
    if (k == Kind::Array && i.cv.i >= T.u(t).len) return bad(e.y->pos, "invalid argument: index " + i128_str(i.cv.i) + " out of bounds [0:" + std::to_string(T.u(t).len) + "]");
    if (k == Kind::String && x.isconst && i.cv.i >= i128(x.cv.s.size())) return bad(e.y->pos, "invalid argument: index " + i128_str(i.cv.i) + " out of bounds [0:" + std::to_string(x.cv.s.size()) + "]");
  }
  int is = materialize(i, TypeTable::kInt);
  V r;
  switch (k) {
    case Kind::String: {
      int xs = materialize(x, TypeTable::kString);
      r.t = TypeTable::kUint8;
      r.slot = temp(r.t);
      emit(OpSIndex, r.slot, xs, is);
      return r;
    }
    case Kind::Slice:
      r.t = T.u(t).elem;
      r.slot = temp(r.t);
      if (T[r.t].ptrs) r.src = contents_of(x.src);
      r.mode = V::Variable;   // a slice element is addressable
      emit(OpLGet, r.slot, materialize(x, t), is);
      return r;
    case Kind::Array:
      r.t = T.u(t).elem;
      r.slot = temp(r.t);
      if (T[r.t].ptrs) r.src = ptr ? contents_of(x.src) : x.src;
      if (ptr || x.addressable()) r.mode = V::Variable;
      emit(OpAGet, r.slot, x.slot, is, int32_t(T.u(t).len), 0, ptr ? 1 : 0);
      return r;
    default:
      return bad(e.pos, "invalid operation: cannot index " + describe(x));
  }
}

V Compiler::slice_expr(const Expr& e) {
  V x = expr(*e.x);
  if (!x.ok) return x;
  if (!const_string_operand(x, e.x->pos)) { x.ok = false; return x; }
  TypeId t = x.t;
  Kind k = T.kind(t);
  const bool full = !e.args.empty();   // x[lo:hi:max]
  if (full && k == Kind::String) return bad(e.args[0]->pos, "invalid operation: 3-index slice of string");
  // an index of any integer type (s[b : int(b)+1] with b a byte, as replace.go writes it)
  int base = full ? fresh_slots({TypeTable::kInt, TypeTable::kInt, TypeTable::kInt}) : fresh_slots({TypeTable::kInt, TypeTable::kInt});
  uint8_t flags = 0;
  if (e.slice_lo) {
    V lo = expr(*e.y);
    if (!lo.ok) return lo;
    if (!(T.is_integer(lo.t) && !T.is_untyped(lo.t)) && !assignable(lo, TypeTable::kInt, e.y->pos, "slice index") ) { lo.ok = false; return lo; }
    move_into(lo, base, TypeTable::kInt);
    flags |= 1;
  }
  if (e.slice_hi) {
    V hi = expr(*e.z);
    if (!hi.ok) return hi;
    if (!(T.is_integer(hi.t) && !T.is_untyped(hi.t)) && !assignable(hi, TypeTable::kInt, e.z->pos, "slice index")) { hi.ok = false; return hi; }
    move_into(hi, base + 1, TypeTable::kInt);
    flags |= 2;
  }
  if (full) {
    V max = expr(*e.args[0]);
    if (!max.ok) return max;
    if (!(T.is_integer(max.t) && !T.is_untyped(max.t)) && !assignable(max, TypeTable::kInt, e.args[0]->pos, "slice index")) { max.ok = false; return max; }
    move_into(max, base + 2, TypeTable::kInt);
    flags |= 8;
  }
  V r;
  if (k == Kind::String) {
    r.t = x.isconst ? TypeTable::kString : t;
    int xs = materialize(x, TypeTable::kString);
    r.slot = temp(r.t);
    emit(OpSSlice, r.slot, xs, base, 0, 0, flags);
    return r;
  }
  if (k == Kind::Slice) {
    r.t = t;
    r.slot = temp(t);
    r.src = x.src;
    emit(OpLSlice, r.slot, x.slot, base, 0, 0, flags);
    return r;
  }
  bool ptr = false;
  TypeId at = t;
  if (k == Kind::Pointer && T.kind(T.u(t).elem) == Kind::Array) {
    ptr = true;
    at = T.u(t).elem;
  } else if (k == Kind::Array) {
    // slicing an array variable: the slice shares the variable's storage
    int ref = lvalue_ref(*e.x);
    if (ref < 0) return bad(e.pos, "invalid operation: " + std::string("cannot slice unaddressable value"));
    x.slot = ref;
  } else {
    return bad(e.pos, "cannot slice " + describe(x));
  }
  r.t = T.slice(T.u(at).elem);
  r.slot = temp(r.t);
  // through a pointer, what it points to; of an array variable, its address (a[:] is &a
  // sliced: the array moves to the heap when the slice escapes, gc's "moved to heap: a")
  // (a variable without an address node of its own keeps its value's nodes, as before)
  if (!ptr) r.src = address_src(*e.x);
  if (r.src.empty()) r.src = x.src;
  emit(OpASlice, r.slot, x.slot, base, int32_t(T.u(at).len), uint16_t(T.u(at).elem), uint8_t(flags | (ptr ? 4 : 0)));
  return r;
}

// ---------------------------------------------------------------- composite literals
V Compiler::composite(const Expr& e, TypeId t, bool addr) {
  Kind k = T.kind(t);
  V r;
  r.t = addr ? T.pointer(t) : t;
  r.fresh = true;
  if (k == Kind::Struct || k == Kind::Array) {
    int s = temp(r.t);
    int node = -1;
    if (addr) {
      node = new_node();
      int pc0 = emit(OpNew, s, 0, 0, 0, uint16_t(t));
      int site = add_site_node(pc0, "&" + T.name(t) + "{...}", node, T[t].size > 65536);
      (void)site;
      r.src.push_back(node);
    } else {
      emit(OpLoadK, s, konst(0));
      if (!e.args.empty()) emit(OpObjMat, s, 0, 0, 0, uint16_t(t));
    }
    uint8_t pf = addr ? 1 : 0;
    bool all_static = true;   // every element a constant or such a literal itself
    const Type& ty = T.u(t);
    if (k == Kind::Struct) {
      bool keyed = !e.args.empty() && e.args[0]->kind == Expr::KeyValue;
      if (!keyed && !e.args.empty() && e.args.size() != ty.fields.size())
        return bad(e.pos, std::string(e.args.size() < ty.fields.size() ? "too few" : "too many") + " values in struct literal of type " + T.name(t));
      for (size_t i = 0; i < e.args.size(); ++i) {
        const Expr& el = *e.args[i];
        size_t fi = i;
        const Expr* ve = &el;
        if (keyed) {
          if (el.kind != Expr::KeyValue || el.x->kind != Expr::Ident) return bad(el.pos, "mixture of field:value and value elements in struct literal");
          fi = ty.fields.size();
          for (size_t f = 0; f < ty.fields.size(); ++f)
            if (ty.fields[f].name == el.x->name) fi = f;
          if (fi == ty.fields.size()) return bad(el.x->pos, "unknown field " + el.x->name + " in struct literal of type " + T.name(t));
          ve = el.y.get();
        } else if (el.kind == Expr::KeyValue) {
          return bad(el.pos, "mixture of field:value and value elements in struct literal");
        }
        size_t m = temp_mark();
        V v = element(*ve, ty.fields[fi].type);
        if (!v.ok) return v;
        all_static = all_static && (v.isconst || (v.static_lit && v.var.empty() && T.is_aggregate(v.t)));
        int vs = owned(v, ty.fields[fi].type);
        if (addr) flow(v.src, contents_node(node)); else r.src.insert(r.src.end(), v.src.begin(), v.src.end());
        emit(OpFSet, s, vs, int(fi), 0, 0, pf);
        temp_release(m);
      }
    } else {
      int64_t idx = 0;
      for (const auto& elp : e.args) {
        const Expr* ve = elp.get();
        if (elp->kind == Expr::KeyValue) {
          V kv = expr(*elp->x);
          if (!kv.ok) return kv;
          if (!kv.isconst || kv.cv.k != CVal::Int || kv.cv.i < 0) return bad(elp->x->pos, "index must be non-negative integer constant");
          idx = int64_t(kv.cv.i);
          ve = elp->y.get();
        }
        if (idx >= ty.len) return bad(ve->pos, "index " + std::to_string(idx) + " out of bounds [0:" + std::to_string(ty.len) + "]");
        size_t m = temp_mark();
        V v = element(*ve, ty.elem);
        if (!v.ok) return v;
        all_static = all_static && (v.isconst || (v.static_lit && v.var.empty() && T.is_aggregate(v.t)));
        int vs = owned(v, ty.elem);
        if (addr) flow(v.src, contents_node(node)); else r.src.insert(r.src.end(), v.src.begin(), v.src.end());
        int is = temp(TypeTable::kInt);
        emit(OpLoadK, is, konst(Word(idx)));
        emit(OpASet, s, is, vs, int32_t(ty.len), 0, pf);
        temp_release(m);
        ++idx;
      }
    }
    r.static_lit = !addr && all_static;
    r.slot = s;
    return r;
  }
  if (addr) return bad(e.pos, "&" + T.name(t) + "{...}: taking the address of a slice or map literal is not supported by the playground");
  if (k == Kind::Slice) {
    const Type& ty = T.u(t);
    int64_t n = 0, idx = 0;
    for (const auto& elp : e.args) {
      if (elp->kind == Expr::KeyValue) {
        V kv = expr(*elp->x);
        if (!kv.ok) return kv;
        if (!kv.isconst || kv.cv.k != CVal::Int || kv.cv.i < 0) return bad(elp->x->pos, "index must be non-negative integer constant");
        idx = int64_t(kv.cv.i);
      }
      ++idx;
      n = std::max(n, idx);
    }
    int s = temp(t);
    int ls = temp(TypeTable::kInt);
    emit(OpLoadK, ls, konst(Word(n)));
    int node = new_node();
    int pc0 = emit(OpMakeSlice, s, ls, ls, 0, uint16_t(ty.elem));
    add_site_node(pc0, "[]" + T.name(ty.elem) + "{...}", node, uint64_t(n) * T.u(ty.elem).size > 65536);
    r.src.push_back(node);
    idx = 0;
    for (const auto& elp : e.args) {
      const Expr* ve = elp.get();
      if (elp->kind == Expr::KeyValue) {
        idx = int64_t(expr(*elp->x).cv.i);
        ve = elp->y.get();
      }
      size_t m = temp_mark();
      V v = element(*ve, ty.elem);
      if (!v.ok) return v;
      int vs = owned(v, ty.elem);
      flow(v.src, contents_node(node));
      int is = temp(TypeTable::kInt);
      emit(OpLoadK, is, konst(Word(idx)));
      emit(OpLSet, s, is, vs);
      temp_release(m);
      ++idx;
    }
    r.slot = s;
    return r;
  }
  if (k == Kind::Map) {
    const Type& ty = T.u(t);
    int s = temp(t);
    int hs = temp(TypeTable::kInt);
    emit(OpLoadK, hs, konst(Word(e.args.size())));
    int node = new_node();
    int pc0 = emit(OpMakeMap, s, hs, 0, 0, uint16_t(t));
    add_site_node(pc0, "map literal " + T.name(t), node, false);
    r.src.push_back(node);
    for (const auto& elp : e.args) {
      if (elp->kind != Expr::KeyValue) return bad(elp->pos, "missing key in map literal");
      size_t m = temp_mark();
      V kv = element(*elp->x, ty.key);
      if (!kv.ok) return kv;
      int ks = owned(kv, ty.key);
      V v = element(*elp->y, ty.elem);
      if (!v.ok) return v;
      int vs = owned(v, ty.elem);
      sink(kv.src);
      sink(v.src);
      emit(OpMSet, s, ks, vs);
      temp_release(m);
    }
    r.slot = s;
    return r;
  }
  return bad(e.pos, "invalid composite literal type " + T.name(t));
}

// element compiles a composite literal element; `{...}` without a type takes elem_t.
V Compiler::element(const Expr& e, TypeId elem_t) {
  if (e.kind == Expr::CompositeLit && !e.type) {
    if (T.kind(elem_t) == Kind::Pointer) return composite(e, T.u(elem_t).elem, true);
    return composite(e, elem_t, false);
  }
  if (e.kind == Expr::Unary && e.op == Tok::And && e.x->kind == Expr::CompositeLit && !e.x->type && T.kind(elem_t) == Kind::Pointer)
    return composite(*e.x, T.u(elem_t).elem, true);
  V v = expr(e);
  if (!v.ok) return v;
  if (!assignable(v, elem_t, e.pos, "composite literal")) v.ok = false;
  return v;
}

// ---------------------------------------------------------------- lvalues
// lvalue_ref returns a slot holding the Obj of an addressable aggregate expression
// (materialising zero aggregates), or -1 when the expression is not addressable.
int Compiler::lvalue_ref(const Expr& e, bool interior) {
  const Expr* x = &e;
  while (x->kind == Expr::Paren) x = x->x.get();
  switch (x->kind) {
    case Expr::Ident: {
      Entity* en = lookup(x->name);
      if (!en) { fail(x->pos, "undefined: " + x->name); return -1; }
      if (en->k == Entity::Var) {
        en->used = true;
        if (en->box >= 0) return en->box;
        emit(OpObjMat, en->slot, 0, 0, 0, uint16_t(en->type));
        return en->slot;
      }
      if (en->k == Entity::Global) {
        if (!resolve_global(*en, x->pos)) return -1;
        emit(OpGMat, en->slot, 0, 0, 0, uint16_t(en->type));
        int s = temp(en->type);
        emit(OpGGet, s, en->slot);
        return s;
      }
      return -1;
    }
    case Expr::Selector: {
      promote(*x);
      V base;
      int bs = -1;
      bool ptr = false;
      TypeId bt;
      if (!aggregate_base(*x->x, bs, bt, ptr)) return -1;
      const Type& st = T.u(bt);
      if (st.kind != Kind::Struct) return -1;
      for (size_t i = 0; i < st.fields.size(); ++i)
        if (st.fields[i].name == x->name) {
          const TypeId ft = st.fields[i].type;
          if (!T.is_aggregate(ft) && !interior) return -1;
          const bool ref = !T.is_aggregate(ft);   // a scalar field's address: an interior pointer
          int s = temp(ref ? T.pointer(ft) : ft);
          emit(OpFRef, s, bs, int(i), 0, uint16_t(ref ? ft : 0), uint8_t((ptr ? 1 : 0) | (ref ? 2 : 0)));
          return s;
        }
      return -1;
    }
    case Expr::Index: {
      int bs;
      TypeId bt;
      bool ptr = false;
      // slices: elements are addressable
      if (!aggregate_base(*x->x, bs, bt, ptr)) return -1;
      const Type& at = T.u(bt);
      V i = expr(*x->y);
      if (!i.ok) return -1;
      int is = materialize(i, TypeTable::kInt);
      const bool ref = !T.is_aggregate(at.elem);   // a scalar element's address: an interior pointer
      if (ref && !interior) return -1;
      const uint16_t rk = uint16_t(ref ? at.elem : 0);
      if (at.kind == Kind::Array) {
        int s = temp(ref ? T.pointer(at.elem) : at.elem);
        emit(OpARef, s, bs, is, int32_t(at.len), rk, uint8_t((ptr ? 1 : 0) | (ref ? 2 : 0)));
        return s;
      }
      if (at.kind == Kind::Slice) {
        int s = temp(ref ? T.pointer(at.elem) : at.elem);
        emit(OpLRef, s, bs, is, 0, rk, uint8_t(ref ? 2 : 0));
        return s;
      }
      return -1;
    }
    case Expr::Star: {
      V p = expr(*x->x);
      if (!p.ok || T.kind(p.t) != Kind::Pointer) return -1;
      emit(OpNilChk, p.slot);
      return p.slot;
    }
    default:
      return -1;
  }
}

// aggregate_base evaluates the base of x.f / x[i] as an lvalue: a slot holding the Obj
// (struct/array) or a pointer to it (ptr = true), or a slice.
bool Compiler::aggregate_base(const Expr& e, int& slot, TypeId& t, bool& ptr) {
  const Expr* x = &e;
  while (x->kind == Expr::Paren) x = x->x.get();
  // Determine the static type first without emitting code for pointers/slices.
  bool is_ident_var = false;
  if (x->kind == Expr::Ident) {
    Entity* en = lookup(x->name);
    is_ident_var = en && (en->k == Entity::Var || en->k == Entity::Global);
    if (is_ident_var && !T.is_aggregate(en->type)) {
      V v = expr(*x);
      if (!v.ok) return false;
      return base_from_value(v, slot, t, ptr, x->pos);
    }
  }
  if (x->kind == Expr::Ident || x->kind == Expr::Selector || x->kind == Expr::Index || x->kind == Expr::Star) {
    // aggregate-typed lvalue?
    if (x->kind == Expr::Ident && is_ident_var) {
      int s = lvalue_ref(*x);
      if (s < 0) return false;
      Entity* en = lookup(x->name);
      slot = s;
      t = en->type;
      ptr = false;
      return true;
    }
    // For selectors/index/star: compute the value; if it is a pointer or slice use it,
    // if it is an aggregate use its materialised reference.
    TypeId st;
    if (!static_type(*x, st)) return false;
    if (T.is_aggregate(st)) {
      int s = lvalue_ref(*x);
      if (s < 0) return fail(x->pos, "cannot assign to " + expr_str(*x) + " (neither addressable nor a map index expression)");
      slot = s;
      t = st;
      ptr = false;
      return true;
    }
    V v = expr(*x);
    if (!v.ok) return false;
    return base_from_value(v, slot, t, ptr, x->pos);
  }
  V v = expr(*x);
  if (!v.ok) return false;
  return base_from_value(v, slot, t, ptr, x->pos);
}

bool Compiler::base_from_value(V& v, int& slot, TypeId& t, bool& ptr, Pos p) {
  Kind k = T.kind(v.t);
  if (k == Kind::Pointer && T.is_aggregate(T.u(v.t).elem)) {
    slot = materialize(v, v.t);
    t = T.u(v.t).elem;
    ptr = true;
    return true;
  }
  if (k == Kind::Slice || k == Kind::Map) {
    slot = materialize(v, v.t);
    t = v.t;
    ptr = false;
    return true;
  }
  return fail(p, "cannot assign to element of " + describe(v));
}

// ---------------------------------------------------------------- static types
// static_type computes an expression's type without emitting code.
bool Compiler::static_type(const Expr& e, TypeId& out) {
  size_t ncode = F->fn->code.size();
  size_t nslots = size_t(F->fn->nslots);
  size_t mark = temp_mark();
  auto saved_free = F->free_temps;
  size_t nallocs = prog_.allocs.size(), nsites = site_nodes_.size(), nedges = edges_.size();
  size_t ncalls = calls_.size(), nsites_bi = prog_.calls.size();
  int nn = nnodes_;
  auto saved_contents = contents_;   // (with the edges: a contents node's edge goes with it)
  auto saved_depth = contents_depth_;
  const size_t nfuncs = prog_.funcs.size();
  auto saved_used = snapshot_used();
  std::vector<size_t> caps;   // captures made here are made again when the code is compiled
  for (const LitCtx* c : lit_ctx_) caps.push_back(c->caps.size());
  ++speculative_;
  V v = expr(e);
  --speculative_;
  for (size_t l = 0; l < lit_ctx_.size(); ++l)
    while (lit_ctx_[l]->caps.size() > caps[l]) {
      scopes_[lit_ctx_[l]->base].erase(lit_ctx_[l]->caps.back().name);
      lit_ctx_[l]->caps.pop_back();
    }
  // roll back the speculative code
  F->fn->code.resize(ncode);
  F->fn->lines.resize(ncode);
  F->fn->stmt_start.resize(ncode);
  F->fn->loop_back.resize(ncode);
  auto& calls_at = F->fn->call_results_at;
  while (!calls_at.empty() && calls_at.back().pc >= int(ncode)) calls_at.pop_back();
  temp_release(mark);
  F->free_temps = saved_free;
  F->fn->nslots = int(nslots);
  F->fn->slot_cat.resize(nslots);
  F->fn->slot_names.resize(nslots);
  F->fn->slot_types.resize(nslots);
  for (auto& fl : F->free_temps) fl.erase(std::remove_if(fl.begin(), fl.end(), [&](int s) { return size_t(s) >= nslots; }), fl.end());
  prog_.allocs.resize(nallocs);
  site_nodes_.resize(nsites);
  site_loop_depth_.resize(nsites);
  edges_.resize(nedges);
  contents_ = std::move(saved_contents);
  contents_depth_ = std::move(saved_depth);
  calls_.resize(ncalls);
  prog_.calls.resize(nsites_bi);
  if (nfuncs == prog_.funcs.size()) {   // an instance made here keeps its nodes
    nnodes_ = nn;
    var_loop_depth_.erase(var_loop_depth_.lower_bound(nn), var_loop_depth_.end());
  }
  restore_used(saved_used);
  if (!v.ok) return false;
  out = v.t;
  return true;
}

std::vector<bool> Compiler::snapshot_used() {
  std::vector<bool> u;
  for (auto& sc : scopes_)
    for (auto& kv : sc) u.push_back(kv.second.used);
  return u;
}

void Compiler::restore_used(const std::vector<bool>& u) {
  size_t i = 0;
  for (auto& sc : scopes_)
    for (auto& kv : sc)
      if (i < u.size()) kv.second.used = u[i++] || kv.second.used;
}

// params_str prints a parameter list as written: names grouped where they share one type
// (a, b int: the parser gives both the type at the same position).
static std::string params_str(const std::vector<Param>& ps) {
  std::string s;
  for (size_t i = 0; i < ps.size(); ++i) {
    if (i) s += ", ";
    s += ps[i].name;
    const bool grouped = i + 1 < ps.size() && !ps[i].name.empty() && ps[i + 1].type && ps[i].type && ps[i + 1].type->pos.line == ps[i].type->pos.line &&
                         ps[i + 1].type->pos.col == ps[i].type->pos.col;
    if (grouped) continue;
    if (!ps[i].name.empty()) s += " ";
    s += (ps[i].variadic ? "..." : "") + type_expr_str(*ps[i].type);
  }
  return s;
}

static std::string signature_str(const std::vector<Param>& params, const std::vector<Param>& results) {
  std::string s = "func(" + params_str(params) + ")";
  if (results.size() == 1 && results[0].name.empty()) return s + " " + type_expr_str(*results[0].type);
  if (!results.empty()) s += " (" + params_str(results) + ")";
  return s;
}

// type_expr_str prints a type as written, in gc's short form (syntax.String: struct and
// interface bodies elided).
std::string type_expr_str(const TypeExpr& t) {
  switch (t.kind) {
    case TypeExpr::Name: case TypeExpr::Qualified: {
      std::string s = t.kind == TypeExpr::Qualified ? t.pkg + "." + t.name : t.name;
      if (!t.targs.empty()) {
        s += "[";
        for (size_t i = 0; i < t.targs.size(); ++i) {
          if (i) s += ", ";
          s += type_expr_str(*t.targs[i]);
        }
        s += "]";
      }
      return s;
    }
    case TypeExpr::Array: return "[" + (t.len ? Compiler::expr_str(*t.len) : std::string("...")) + "]" + type_expr_str(*t.elem);
    case TypeExpr::Slice: return "[]" + type_expr_str(*t.elem);
    case TypeExpr::Pointer: return "*" + type_expr_str(*t.elem);
    case TypeExpr::Map: return "map[" + type_expr_str(*t.key) + "]" + type_expr_str(*t.elem);
    case TypeExpr::Chan: return (t.chan_dir == 2 ? "<-chan " : t.chan_dir == 1 ? "chan<- " : "chan ") + type_expr_str(*t.elem);
    case TypeExpr::Func: return signature_str(t.fparams, t.fresults);
    case TypeExpr::Struct: return t.fields.empty() ? "struct{}" : "struct{…}";
    case TypeExpr::Ellipsis: return "..." + type_expr_str(*t.elem);
    case TypeExpr::Union: {
      std::string s;
      for (size_t i = 0; i < t.fields.size(); ++i) {
        if (i) s += " | ";
        s += t.fields[i].name;
        s += type_expr_str(*t.fields[i].type);
      }
      return s;
    }
    case TypeExpr::Interface: return "interface{...}";
  }
  return "type";
}

Pos Compiler::start_pos(const Expr& e) {
  switch (e.kind) {
    case Expr::Binary: case Expr::Call: case Expr::Index: case Expr::Selector:
    case Expr::TypeAssert: case Expr::KeyValue:
      return e.x ? start_pos(*e.x) : e.pos;
    case Expr::CompositeLit:
      return e.type ? e.type->pos : e.pos;
    default:
      return e.pos;
  }
}

// expr_str prints an expression as gc's messages quote it (syntax.String, ShortForm): as
// written, but a function literal's body and a composite literal's elements are "…".
std::string Compiler::expr_str(const Expr& e) {
  auto list = [](const std::vector<ExprP>& xs) {
    std::string s;
    for (size_t i = 0; i < xs.size(); ++i) s += (i ? ", " : "") + expr_str(*xs[i]);
    return s;
  };
  switch (e.kind) {
    case Expr::Ident: return e.name;
    case Expr::Selector: return expr_str(*e.x) + "." + e.name;
    case Expr::Index: return expr_str(*e.x) + "[" + (e.args.empty() ? expr_str(*e.y) : list(e.args)) + "]";
    case Expr::Slice:
      return expr_str(*e.x) + "[" + (e.y ? expr_str(*e.y) : "") + ":" + (e.z ? expr_str(*e.z) : "") +
             (e.args.empty() ? "" : ":" + expr_str(*e.args[0])) + "]";
    case Expr::Star: return "*" + expr_str(*e.x);
    case Expr::Paren: return "(" + expr_str(*e.x) + ")";
    case Expr::IntLit: case Expr::FloatLit: case Expr::CharLit: return e.name;
    case Expr::StringLit: return "\"" + e.name + "\"";
    case Expr::Call: return expr_str(*e.x) + "(" + list(e.args) + (e.has_ellipsis ? "...)" : ")");
    case Expr::Binary: return expr_str(*e.x) + " " + tok_string(e.op) + " " + expr_str(*e.y);
    case Expr::Unary: return std::string(tok_string(e.op)) + expr_str(*e.x);
    case Expr::KeyValue: return expr_str(*e.x) + ": " + expr_str(*e.y);
    case Expr::TypeE: return e.type ? type_expr_str(*e.type) : "type";
    case Expr::CompositeLit: return (e.type ? type_expr_str(*e.type) : "") + (e.args.empty() ? "{}" : "{…}");
    case Expr::FuncLitE: return signature_str(e.lit->params, e.lit->results) + (e.lit->body.empty() ? " {}" : " {…}");
    case Expr::TypeAssert: return expr_str(*e.x) + ".(" + (e.type ? type_expr_str(*e.type) : "type") + ")";
  }
  return "expression";
}

}  // namespace lang::detail
