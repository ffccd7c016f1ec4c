// compiler_calls.cpp — calls: of the program's functions (argument flows into the escape
// graph, a call's result node), of methods (the receiver passed as x, &x or *x), and
// conversions. Function literals and functions with function-typed parameters expanded in
// place are in compiler_expand_in_place.cpp, the packages in compiler_packages.cpp, the
// builtins in compiler_builtins.cpp.
//
// Models: cmd/compile/internal/types2/call.go, conversions.go (checking and gc's messages);
// cmd/compile/internal/escape/call.go (arguments flow to parameters, a parameter that only
// reaches the results "leaks to result").
//
// Simplifications: a package function the playground lacks is refused by name.

#include "engine/lang/compiler_impl.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace lang::detail {

// ---------------------------------------------------------------- calls and methods
// call compiles f(args); stmt: the call is an expression statement (results dropped).
V Compiler::call(const Expr& e, bool stmt) {
  const Expr* f = e.x.get();
  while (f->kind == Expr::Paren) f = f->x.get();
  if (f->kind == Expr::Ident) {
    Entity* en = lookup(f->name);
    if (!en) return bad(f->pos, "undefined: " + f->name);
    if (en->k == Entity::Builtin) return builtin(e, en->bi, stmt);
    if (en->k == Entity::Func && is_generic(decl(en->slot))) return generic_call(e, en->slot, nullptr);
    if (en->k == Entity::Func) return func_params_[size_t(en->slot)] ? expand_call(e, en->slot) : user_call(e, en->slot);
    if (en->k == Entity::Closure) {
      en->used = true;
      return closure_call(e, *closures_[size_t(en->slot)]);
    }
    if (en->k == Entity::Type) {
      if (!resolve_type_entity(*en)) { V v; v.ok = false; return v; }
      return conversion(e, en->type);
    }
    if ((en->k == Entity::Var || en->k == Entity::Global) && T.kind(en->type) == Kind::Func) {
      if (en->k == Entity::Var && en->static_func >= 0 && !closure_variable(f->name)) {
        en->used = true;   // gc calls f's static value directly (ir.StaticValue): as a call by name
        return user_call(e, en->static_func, nullptr, &f->name);
      }
      V fv = expr(*f);
      if (!fv.ok) return fv;
      return func_value_call(e, fv, en->k == Entity::Var ? assigned_callees(f->name) : std::vector<int>{});
    }
    if (en->k == Entity::Var || en->k == Entity::Global) return bad(e.pos, "invalid operation: cannot call non-function " + f->name + " (variable of type " + T.name(en->type) + ")");
  }
  if (f->kind == Expr::Selector && f->x->kind == Expr::Ident && !lookup_local_or_pkg(f->x->name) && imports_.count(f->x->name))
    return pkg_call(e, imports_[f->x->name].name, f->name, f->x->name, stmt);
  if (f->kind == Expr::Index && f->x->kind == Expr::Selector && f->x->x->kind == Expr::Ident && f->x->name == "AsType" &&
      !lookup_local_or_pkg(f->x->x->name) && imports_.count(f->x->x->name) && imports_[f->x->x->name].name == "errors")
    return errors_as_type(e, *f);   // errors.AsType[E](err), Go 1.26+
  if (f->kind == Expr::Index && f->x->kind == Expr::Ident) {   // F[int](…), Set[string](m)
    Entity* en = lookup(f->x->name);
    if (en && en->k == Entity::Func && is_generic(decl(en->slot))) return generic_call(e, en->slot, f);
    if (en && en->k == Entity::Type && generic_type_entity(*en)) {
      V tv;
      if (!generic_index(*f, tv)) return tv;
      return conversion(e, tv.t);
    }
  }
  if (f->kind == Expr::FuncLitE && body_has_defer(f->lit->body)) {   // func(){ defer …}(): its defers need a frame of its own
    const int callee = int(prog_.funcs.size());   // func_lit's function (its nested literals come after it)
    V fv = func_lit(*f);
    if (!fv.ok) return fv;
    return func_value_call(e, fv, speculative_ > 0 ? std::vector<int>{} : std::vector<int>{callee});
  }
  if (f->kind == Expr::FuncLitE) {   // func(…){…}(…): expanded here
    ClosureDef here;
    here.lit = f->lit.get();
    here.name = expr_str(*f);   // gc quotes the literal: "func(a int) {…}"
    here.depth = scopes_.size();
    here.floor = scope_floor_;
    for (const auto& kv : scopes_.back()) here.names_then.insert(kv.first);
    return closure_call(e, here);
  }
  if (f->kind == Expr::Selector) {
    const Entity* xe = f->x->kind == Expr::Ident ? lookup(f->x->name) : nullptr;
    const bool x_is_value = (f->x->kind != Expr::Ident || (xe && xe->k != Entity::Type && xe->k != Entity::Package)) && !type_operand(*f->x);
    TypeId xt = 0;
    if (x_is_value && operand_type(*f->x, xt) && (xt == prog_.duration_type || xt == prog_.time_type))
      return time_method(e, *f, xt);
    if (x_is_value && xt && xt == prog_.rand_ptr_type) return f->name == "Shuffle" ? rand_shuffle_call(e, f->x.get()) : rand_method(e, *f);
    if (std::string sn; x_is_value && xt && is_sync_type(T.kind(xt) == Kind::Pointer ? T.u(xt).elem : xt, sn)) return sync_call(e, *f, xt, sn);
    if (x_is_value && xt && (xt == T.pointer(prog_.ticker_type) || xt == T.pointer(prog_.timer_type))) return timer_method(e, *f, xt);
    const Entity* fe = nullptr;
    bool x_is_ptr = false;
    if (x_is_value) promote(*f);
    if (!find_method(*f, fe, x_is_ptr)) {
      V v;
      v.ok = false;
      return v;
    }
    if (fe) return method_call(e, *f, *fe, x_is_ptr);
    if (x_is_value && xt && T.is_interface(xt)) return iface_call(e, *f, xt);
    V field = selector(*f);   // names an undefined field or method
    if (!field.ok) return field;
    if (T.kind(field.t) == Kind::Func) return func_value_call(e, field);   // a field of func type
  }
  if (f->kind == Expr::Index || f->kind == Expr::Call || f->kind == Expr::Star || f->kind == Expr::TypeAssert) {
    TypeId ft = 0;
    if (static_type(*f, ft) && T.kind(ft) == Kind::Func) {   // handlers[name](…), makeCounter()()
      V fv = expr(*f);
      if (!fv.ok) return fv;
      return func_value_call(e, fv);
    }
  }
  if (f->kind == Expr::TypeE || f->kind == Expr::Star || f->kind == Expr::Selector) {
    if (f->kind == Expr::TypeE || f->kind == Expr::Star) {
      V tv = expr(*f);
      if (!tv.ok) return tv;
      if (tv.is_type) return conversion(e, tv.t);
    }
  }
  return bad(e.pos, "invalid operation: cannot call non-function " + expr_str(*f));
}

// find_method resolves x.M to a method of x's type T or *T (out = nullptr when x.M is not
// a method call: a field, or nothing); false on an error in x.
bool Compiler::find_method(const Expr& sel, const Entity*& out, bool& x_is_ptr) {
  out = nullptr;
  if (sel.x->kind == Expr::Ident) {
    const Entity* xe = lookup(sel.x->name);
    if (!xe || xe->k == Entity::Type || xe->k == Entity::Package) return true;
  }
  TypeId xt;
  if (!operand_type(*sel.x, xt)) return false;
  out = method_of(xt, sel.name, x_is_ptr);
  return true;
}

// method_of finds method name of a value of type t (T or *T of a named type T here).
const Entity* Compiler::method_of(TypeId t, const std::string& name, bool& x_is_ptr) {
  x_is_ptr = T.kind(t) == Kind::Pointer && T[t].name.empty();
  const TypeId base = x_is_ptr ? T.u(t).elem : t;
  const std::string& tname = T[base].name;
  if (tname.rfind("main.", 0) != 0 || local_type_ids_.count(base)) return nullptr;   // a local type has no methods
  if (auto inst = instance_of_.find(base); inst != instance_of_.end()) {   // a generic type's instance
    auto it = pkg_.find(inst->second.decl->name + "." + name);
    if (it == pkg_.end() || it->second.k != Entity::Func) return nullptr;
    const int fidx = instantiate_func(it->second.slot, inst->second.targs, decl(it->second.slot).pos);
    if (fidx < 0) return nullptr;
    Entity& me = method_entities_[fidx];
    me.k = Entity::Func;
    me.slot = fidx;
    return &me;
  }
  auto it = pkg_.find(tname.substr(5) + "." + name);
  return it != pkg_.end() && it->second.k == Entity::Func ? &it->second : nullptr;
}

// operand_type is static_type remembered per node: a chain x.A().B().C() asks for the type
// of each receiver before compiling it, which must not make its compilation exponential.
// (An expression's type does not depend on where it is compiled: a function literal is
// expanded in the scopes it was written in.)
bool Compiler::operand_type(const Expr& x, TypeId& out) {
  // a generic body's operands have each instance's types: not remembered there
  if (bound_expansions_ > 0 || (F && F->fidx >= 0 && size_t(F->fidx) < tbinds_.size() && !tbinds_[size_t(F->fidx)].empty()))
    return static_type(x, out);
  auto it = operand_types_.find(&x);
  if (it != operand_types_.end()) {
    out = it->second;
    return true;
  }
  if (!static_type(x, out)) return false;
  operand_types_[&x] = out;
  return true;
}

// addressable: Go's addressable operands (variables, pointer indirections, slice
// elements, fields and elements of addressable structs and arrays), not map elements,
// calls or literals.
bool Compiler::addressable(const Expr& x) {
  switch (x.kind) {
    case Expr::Paren: return addressable(*x.x);
    case Expr::Ident: {
      const Entity* en = lookup(x.name);
      return en && (en->k == Entity::Var || en->k == Entity::Global);
    }
    case Expr::Star: return true;
    case Expr::Selector: {
      promote(x);
      TypeId t = 0;
      return operand_type(*x.x, t) && (T.kind(t) == Kind::Pointer || addressable(*x.x));
    }
    case Expr::Index: {
      TypeId t = 0;
      if (!operand_type(*x.x, t)) return false;
      if (T.kind(t) == Kind::Slice || T.kind(t) == Kind::Pointer) return true;
      return T.kind(t) == Kind::Array && addressable(*x.x);
    }
    default: return false;
  }
}

// method_call compiles x.M(args) as the call M(recv, args), where recv is x, &x (pointer
// receiver, addressable x) or *x (value receiver through a pointer), as Go's spec says.
V Compiler::method_call(const Expr& e, const Expr& sel, const Entity& method, bool x_is_ptr) {
  const FuncDecl& fd = decl(method.slot);
  const std::string& recv_type = (fd.params[0].type->kind == TypeExpr::Pointer ? fd.params[0].type->elem : fd.params[0].type)->name;
  // (checkInvariants stays callable: the tests check sync.Map's invariants through it)
  if (library_package_of(recv_type) && std::islower(static_cast<unsigned char>(sel.name[0])) && sel.pos.line < kLibraryFirstLine &&
      sel.name != "checkInvariants")
    return bad(selector_name_pos(sel), library_unexported(sel, library_name(recv_type), "method"));   // sync_map.h
  const bool ptr_recv = fd.params[0].type->kind == TypeExpr::Pointer;
  if (ptr_recv && !x_is_ptr && !addressable(*sel.x)) {
    TypeId xt = 0;
    operand_type(*sel.x, xt);
    std::string tn = T.name(xt);
    if (tn.rfind("main.", 0) == 0) tn = tn.substr(5);   // gc's spelling in errors
    return bad(sel.pos, "cannot call pointer method " + sel.name + " on " + tn);
  }
  const Receiver recv{sel.x.get(), ptr_recv == x_is_ptr ? Receiver::AsIs : ptr_recv ? Receiver::Address : Receiver::Deref};
  return func_params_[size_t(method.slot)] ? expand_call(e, method.slot, &recv) : user_call(e, method.slot, &recv);
}

V Compiler::receiver_value(const Receiver& r) {
  if (r.mode == Receiver::Address) return address_of_operand(*r.x, r.x->pos);
  V x = expr(*r.x);
  if (!x.ok || r.mode == Receiver::AsIs) return x;
  return deref(x, r.x->pos);
}

// user_call compiles a call of funcs[fidx]; recv (a method call) is its first argument.
// shown: the name a call through a variable is written with (messages name it, as gc's do).
V Compiler::user_call(const Expr& e, int fidx, const Receiver* recv, const std::string* shown) {
  const bool as_go = go_call_;   // a go statement's call (compiler_go.cpp): the flag is this call's
  go_call_ = false;
  const FuncDecl& fd = decl(fidx);
  const std::string name = shown ? *shown : recv && e.x ? expr_str(*e.x) : fd.name;   // gc names a method call t.M
  Function& callee = prog_.funcs[size_t(fidx)];
  const bool variadic = !fd.params.empty() && fd.params.back().variadic;
  if (e.has_ellipsis && !variadic) return bad(e.pos, "cannot use ... in call to non-variadic " + name);
  const size_t first = recv ? 1 : 0;   // callee parameter of e.args[0]
  if (variadic && e.args.size() == 1 && !e.has_ellipsis && e.args[0]->kind == Expr::Call) {
    TypeId gt = 0;
    if (!static_type(*e.args[0], gt) && failed_) { V v; v.ok = false; return v; }
    if (gt && T.kind(gt) == Kind::Tuple) {   // sum(pair()): as gc, t1, t2 := pair(); sum(t1, t2)
      const size_t fixed = callee.param_types.size() - first - 1;
      for (size_t i = 0; i < T[gt].fields.size(); ++i) {   // gc's message names g(), not a hidden variable
        TypeId want = callee.param_types[first + std::min(i, fixed)];
        if (i >= fixed) want = T.u(want).elem;
        V r;
        r.t = T[gt].fields[i].type;
        r.ex = e.args[0].get();
        if (!T.is_interface(want) && !assignable(r, want, e.args[0]->pos, ("argument to " + name).c_str())) return bad(e.pos, "");
      }
      const Expr* call = spread_results(e);
      if (!call) { V v; v.ok = false; return v; }
      return user_call(*call, fidx, recv, shown);
    }
  }
  std::vector<V> spread;   // f(g()): g's results are f's arguments
  if (e.args.size() == 1 && !e.has_ellipsis && !variadic && callee.param_types.size() > first + 1 && e.args[0]->kind == Expr::Call) {
    V g = expr(*e.args[0]);
    if (!g.ok) return g;
    const size_t have = g.is_tuple ? T[g.t].fields.size() : 1;
    if (have != callee.param_types.size() - first) return arg_count_error(e, have, callee.param_types.size() - first, name);
    tuple_values(g, spread);
  } else if (variadic && !e.has_ellipsis && first + e.args.size() + 1 >= callee.param_types.size()) {
    // the final arguments become one []T (variadic_arg); too few arguments fall through
  } else if (first + e.args.size() != callee.param_types.size()) {
    return arg_count_error(e, e.args.size(), callee.param_types.size() - first, name);
  }
  size_t n = std::max(callee.param_types.size(), callee.result_types.size());
  std::vector<TypeId> st;
  for (size_t i = 0; i < n; ++i) st.push_back(i < callee.param_types.size() ? callee.param_types[i] : callee.result_types[i]);
  int base = fresh_slots(st);
  CallRec rec;
  rec.callee = fidx;
  rec.result = new_node();
  for (size_t i = 0; i < callee.param_types.size(); ++i) {
    size_t m = temp_mark();
    const bool packed = variadic && !e.has_ellipsis && i + 1 == callee.param_types.size();
    const Expr& ax = i < first ? *recv->x : packed ? e : *e.args[spread.empty() ? i - first : 0];
    V a = i < first ? receiver_value(*recv) : !spread.empty() ? spread[i - first] : packed ? variadic_arg(e, i - first, callee.param_types[i]) : expr(ax);
    if (!a.ok) return a;
    if (!assignable(a, callee.param_types[i], ax.pos, ("argument to " + name).c_str())) { a.ok = false; return a; }
    flow(a.src, param_nodes_[size_t(fidx)][i]);
    rec.args.push_back(a.src);
    rec.arg_static.push_back(a.isconst || a.static_lit);
    move_into(a, base + int(i), callee.param_types[i]);
    temp_release(m);
  }
  if (as_go) return go_frame(fidx, base, callee.param_types, rec.args);
  rec.caller = F->fidx;
  rec.pc = int(F->fn->code.size());
  emit(OpCall, fidx, base, int(callee.param_types.size()), int(callee.result_types.size()));
  note_call_results(callee.result_types);
  V r;
  r.src.push_back(rec.result);
  calls_.push_back(std::move(rec));
  return call_results(r, base, callee.result_types, false);
}

// arg_count_error: gc's "not enough / too many arguments in call to f" where types2 puts it
// (types2/call.go arguments): at the first extra argument, else at the last argument, else
// at the start of the call. have and want count call.args (a receiver not among them).
V Compiler::arg_count_error(const Expr& call, size_t have, size_t want, const std::string& callee) {
  const bool many = have > want;
  Pos at = call.x ? call.x->pos : call.pos;
  if (many && want < call.args.size()) at = call.args[want]->pos;
  else if (!many && !call.args.empty()) at = call.args.back()->pos;
  return bad(at, std::string(many ? "too many" : "not enough") + " arguments in call to " + callee);
}

// variadic_arg packs a variadic call's arguments from e.args[from] on into the []T the
// final parameter receives, as gc does: a slice literal (on the stack unless the parameter
// lets it escape: "... argument does not escape"), nil when there are none.
V Compiler::variadic_arg(const Expr& e, size_t from, TypeId slice_t) {
  if (from >= e.args.size()) {
    V nil;
    nil.isconst = true;
    nil.t = TypeTable::kUntypedNil;
    return nil;
  }
  auto& lit = variadic_lits_[&e];   // made once per call site: operand_type remembers nodes by address
  if (!lit) {
    lit = std::make_unique<Expr>();
    lit->kind = Expr::CompositeLit;
    lit->pos = e.args[from]->pos;
    for (size_t i = from; i < e.args.size(); ++i) lit->args.push_back(clone_expr(*e.args[i]));
  }
  return composite(*lit, slice_t, false);
}

// spread_results: call f(g()) with g's results held in hidden variables, as f(t1, …, tn)
// (typecheck's RewriteMultiValueCall: how gc passes a multi-valued call to a variadic f).
const Expr* Compiler::spread_results(const Expr& e) {
  V g = expr(*e.args[0]);
  if (!g.ok) return nullptr;
  std::vector<V> vals;
  tuple_values(g, vals);
  ExprP c = clone_expr(e);
  c->args.clear();
  for (V& v : vals)
    c->args.push_back(hidden_var("spread#" + std::to_string(synthetic_.size()) + "." + std::to_string(c->args.size()), v, e.args[0]->pos));
  synthetic_.push_back(std::move(c));
  return synthetic_.back().get();
}

// tuple_values: a multi-valued call's results as values of their own (moved to a slot of
// each result's category where the frame's slot is typed by another value).
void Compiler::tuple_values(const V& v, std::vector<V>& out) {
  for (size_t i = 0; i < T[v.t].fields.size(); ++i) {
    V e;
    e.t = T[v.t].fields[i].type;
    e.fresh = true;
    e.src = v.src;
    if (prog_.cat_of(e.t) != F->fn->slot_cat[size_t(v.slot) + i]) {
      e.slot = temp(e.t);
      emit(OpMov, e.slot, v.slot + int(i));
    } else {
      e.slot = v.slot + int(i);
    }
    out.push_back(e);
  }
}

// call_results: a call's results, which come back in the frame's first slots (base…): none,
// one (moved to a slot of its own category if base's differs), or a tuple — left in place,
// or copied into slots of the results' own types (copy: when the frame's slots are typed
// by other values, a call through an interface).
// note_call_results records the result categories of the call just emitted: they land in
// the call's argument slots, whose categories may be others (liveness: Function::result_cats).
void Compiler::note_call_results(const std::vector<TypeId>& results) {
  if (results.empty()) return;
  Function::CallResults c;
  c.pc = pc() - 1;
  for (TypeId t : results) c.cats.push_back(prog_.cat_of(t));
  F->fn->call_results_at.push_back(std::move(c));
}

V Compiler::call_results(V r, int base, const std::vector<TypeId>& results, bool copy) {
  if (results.empty()) {
    r.t = 0;
    return r;
  }
  if (results.size() == 1) {
    const TypeId rt = results[0];
    r.t = rt;
    r.fresh = true;
    if (prog_.cat_of(rt) != F->fn->slot_cat[size_t(base)]) {
      r.slot = temp(rt);
      emit(OpMov, r.slot, base);
    } else {
      r.slot = base;
    }
    return r;
  }
  r.is_tuple = true;
  r.t = T.tuple(results);
  r.slot = base;
  if (copy) {
    r.slot = fresh_slots(results);
    for (size_t i = 0; i < results.size(); ++i) emit(OpMov, r.slot + int(i), base + int(i));
  }
  return r;
}

// ---------------------------------------------------------------- conversions
V Compiler::conversion(const Expr& e, TypeId t) {
  if (e.args.size() != 1) return bad(e.pos, std::string(e.args.empty() ? "missing argument" : "too many arguments") + " in conversion to " + T.name(t));
  V x = expr(*e.args[0]);
  if (!x.ok) return x;
  if (x.is_type) return bad(e.args[0]->pos, T.name(x.t) + " (type) is not an expression");
  Kind to = T.kind(t), from = T.kind(x.t);
  if (to == Kind::Interface) {   // I(x): x's type implements I (compiler_iface.cpp)
    if (!to_iface(x, t, e.args[0]->pos, "conversion")) x.ok = false;
    return x;
  }
  if (x.isconst && x.t != TypeTable::kUntypedNil && (T.is_numeric(t) || to == Kind::String || to == Kind::Bool)) {
    if (T.is_integer(t) && x.cv.k == CVal::Float && !T.is_untyped(x.t)) {
      x.cv.k = CVal::Int;
      x.cv.i = i128(x.cv.f);
    }
    if (!convert_const(x, t, e.pos, true)) { x.ok = false; return x; }
    x.t = t;
    return x;
  }
  V r;
  r.t = t;
  if (x.isconst && x.t == TypeTable::kUntypedNil) {
    if (to == Kind::Map || to == Kind::Slice || to == Kind::Pointer) {   // a nil of type t, in a slot of its own:
      r.slot = temp(t);                                                  // append([]string(nil), xs...) reads it
      emit(OpLoadK, r.slot, konst(0));
      return r;
    }
    return bad(e.pos, "cannot convert nil to type " + T.name(t));
  }
  if (x.isconst) {
    TypeId dt = T.default_type(x.t);
    if (!convert_const(x, dt, e.pos, false)) { x.ok = false; return x; }
    materialize(x, dt);
    from = T.kind(x.t);
  }
  if (T.under(x.t) == T.under(t)) {
    x.t = t;
    return x;
  }
  // (*intValue)(p) for p *int: unnamed pointer types whose base types have identical
  // underlying types (the spec's Conversions; flag/flag.go's newIntValue): the same pointer
  if (to == Kind::Pointer && from == Kind::Pointer && T.under(t) == t && T.under(x.t) == x.t &&
      T.under(T.u(t).elem) == T.under(T.u(x.t).elem)) {
    x.t = t;
    return x;
  }
  if (T.is_integer(t) && T.is_integer(x.t)) {
    r.slot = temp(t);
    emit(OpConv, r.slot, x.slot, 0, 0, uint16_t(T.int_kind(t)));
    return r;
  }
  if (to == Kind::Float64 && T.is_integer(x.t)) {
    r.slot = temp(t);
    emit(T.is_unsigned(x.t) ? OpU2F : OpI2F, r.slot, x.slot);
    return r;
  }
  if (T.is_integer(t) && from == Kind::Float64) {
    r.slot = temp(t);
    emit(OpF2I, r.slot, x.slot, 0, 0, uint16_t(T.int_kind(t)));
    return r;
  }
  if (to == Kind::String && T.is_integer(x.t)) {
    r.slot = temp(t);
    emit(OpStrOfRune, r.slot, x.slot);
    return r;
  }
  if (to == Kind::String && from == Kind::Slice && T.kind(T.u(x.t).elem) == Kind::Uint8) {
    r.slot = temp(t);
    int pc0 = emit(OpStrOfBytes, r.slot, x.slot);
    r.src.push_back(add_site(pc0, "string(bytes)", false));
    return r;
  }
  if (to == Kind::Slice && T.kind(T.u(t).elem) == Kind::Uint8 && from == Kind::String) {
    r.slot = temp(t);
    int pc0 = emit(OpBytesOfStr, r.slot, x.slot);
    r.src.push_back(add_site(pc0, "[]byte(string)", false));
    return r;
  }
  return bad(e.args[0]->pos, "cannot convert " + describe(x) + " to type " + T.name(t));   // gc: at the operand
}

}  // namespace lang::detail
