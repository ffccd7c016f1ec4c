// compiler_calls.cpp — calls: of the program's functions (argument flows into the escape
// graph, a call's result node), of methods (the receiver passed as x, &x or *x), of
// function literals and of functions with function-typed parameters (expanded in place:
// captures by reference, nothing allocated), conversions, the builtins (len … copy,
// mapShape) and the packages: fmt, log, runtime, runtime/debug, strconv, strings, time,
// math/rand, maps, sort, slices, unsafe.
//
// Models: cmd/compile/internal/types2/call.go, builtins.go, conversions.go (checking and
// gc's messages); cmd/compile/internal/escape/call.go (arguments flow to parameters, a
// parameter that only reaches the results "leaks to result"); walk/closure.go and
// inline/inl.go for function literals (a literal only called is inlined where it is called:
// no closure is allocated); walk/builtin.go (make, new, append, delete, clear); the
// runtime's costs of fmt/log arguments (runtime/iface.go convT*), sort.Ints before and
// after Go 1.22, maps.Clone (runtime mapclone2).
//
// Simplifications: function values exist only as literals or names handed to a
// function-typed parameter of a top-level function; no variadic calls; a package function
// the playground lacks is refused by name.
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
    here.name = "func literal";
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
    if (x_is_value && xt && xt == prog_.rand_ptr_type) return rand_method(e, *f);
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
  if (tname.rfind("main.", 0) != 0) return nullptr;
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
  if ((recv_type.rfind("sync_", 0) == 0 || recv_type.rfind("strings_", 0) == 0) && std::islower(static_cast<unsigned char>(sel.name[0])) && sel.pos.line < kLibraryFirstLine &&
      sel.name != "checkInvariants")
    return bad(sel.pos, expr_str(sel) + " undefined (cannot refer to unexported method " + sel.name + ")");   // sync_map.h
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
  const std::string& name = shown ? *shown : fd.name;
  Function& callee = prog_.funcs[size_t(fidx)];
  const bool variadic = !fd.params.empty() && fd.params.back().variadic;
  if (e.has_ellipsis && !variadic) return bad(e.pos, "cannot use ... in call to non-variadic " + name);
  const size_t first = recv ? 1 : 0;   // callee parameter of e.args[0]
  if (variadic && !e.has_ellipsis && first + e.args.size() + 1 >= callee.param_types.size()) {
    // the final arguments become one []T (variadic_arg); too few arguments fall through
  } else if (first + e.args.size() != callee.param_types.size()) {
    std::string which = first + e.args.size() < callee.param_types.size() ? "not enough" : "too many";
    return bad(e.pos, which + " arguments in call to " + name);
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
    const Expr& ax = i < first ? *recv->x : packed ? e : *e.args[i - first];
    V a = i < first ? receiver_value(*recv) : packed ? variadic_arg(e, i - first, callee.param_types[i]) : expr(ax);
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
  V r;
  r.src.push_back(rec.result);
  calls_.push_back(std::move(rec));
  return call_results(r, base, callee.result_types, false);
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

// call_results: a call's results, which come back in the frame's first slots (base…): none,
// one (moved to a slot of its own category if base's differs), or a tuple — left in place,
// or copied into slots of the results' own types (copy: when the frame's slots are typed
// by other values, a call through an interface).
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

// ---------------------------------------------------------------- function literals and functions with function-typed parameters: expanded in place
bool Compiler::declare_closure(const Expr& name, const Expr& lit) {
  if (name.name == "_") return true;
  if (scopes_.back().count(name.name)) return fail(name.pos, "no new variables on left side of :=");
  auto c = std::make_unique<ClosureDef>();
  c->lit = lit.lit.get();
  c->name = name.name;
  c->depth = scopes_.size();
  c->floor = scope_floor_;
  for (const auto& kv : scopes_.back()) c->names_then.insert(kv.first);
  Entity e;
  e.k = Entity::Closure;
  e.slot = int(closures_.size());
  e.name = name.name;
  e.pos = name.pos;
  closures_.push_back(std::move(c));
  scopes_.back()[name.name] = e;
  return true;
}

// closure_call expands a function literal's body at a call (see ClosureDef).
V Compiler::closure_call(const Expr& e, ClosureDef& c) {
  const FuncLit& lit = *c.lit;
  if (c.expanding) return bad(e.pos, "recursive calls of function literals are not supported by the playground");
  // Literals calling literals expand multiplicatively: bound the code, not the nesting.
  constexpr size_t kMaxFunctionCode = 1 << 18;
  if (F->fn->code.size() > kMaxFunctionCode)
    return bad(e.pos, "function literal calls expand to more code than the playground allows (" + std::to_string(kMaxFunctionCode) + " instructions in one function)");
  const bool variadic = !lit.params.empty() && lit.params.back().variadic;
  if (e.has_ellipsis && !variadic) return bad(e.pos, "cannot use ... in call to non-variadic " + c.name);
  std::vector<TypeId> params, results;
  for (const Param& p : lit.params) {
    if (p.variadic && &p != &lit.params.back()) return bad(p.pos, "can only use ... with final parameter in list");
    TypeId t;
    if (!type_of(*p.type, t)) { V v; v.ok = false; return v; }
    params.push_back(p.variadic ? T.slice(t) : t);
  }
  for (const Param& p : lit.results) {
    TypeId t;
    if (!type_of(*p.type, t)) { V v; v.ok = false; return v; }
    results.push_back(t);
  }
  const bool packed = variadic && !e.has_ellipsis;   // the final arguments become one []T (variadic_arg)
  if (packed ? e.args.size() + 1 < params.size() : e.args.size() != params.size())
    return bad(e.pos, std::string(e.args.size() < params.size() ? "not enough" : "too many") + " arguments in call to " + c.name);
  // Arguments first, in the caller's scopes, each copied to a slot of its own.
  std::vector<V> args;
  for (size_t i = 0; i < params.size(); ++i) {
    const bool pack = packed && i + 1 == params.size();
    V a = pack ? variadic_arg(e, i, params[i]) : expr(*e.args[i]);
    if (!a.ok) return a;
    if (!assignable(a, params[i], pack ? e.pos : e.args[i]->pos, ("argument to " + c.name).c_str())) { a.ok = false; return a; }
    args.push_back(argument_copy(a, params[i]));
  }
  Expansion x;
  x.inlined_copy = !c.passed;
  x.result_types = results;
  if (!results.empty()) x.results = fresh_slots(results);
  // The body sees the scopes it was written in: later and deeper declarations are hidden.
  std::vector<Scope> deeper(std::make_move_iterator(scopes_.begin() + std::ptrdiff_t(c.depth)),
                            std::make_move_iterator(scopes_.end()));
  scopes_.resize(c.depth);
  std::vector<Scope::node_type> later;
  for (auto it = scopes_.back().begin(); it != scopes_.back().end();) {
    auto next = std::next(it);
    if (!c.names_then.count(it->first)) later.push_back(scopes_.back().extract(it));
    it = next;
  }
  auto restore = [&] {
    for (auto& n : later) scopes_.back().insert(std::move(n));
    for (auto& sc : deeper) scopes_.push_back(std::move(sc));
  };
  const size_t saved_floor = scope_floor_;
  scope_floor_ = c.floor;
  push_scope();
  x.scope_base = scopes_.size() - 1;
  std::set<std::string> names;
  for (size_t i = 0; i < lit.params.size(); ++i) {
    const Param& p = lit.params[i];
    if (p.name.empty() || p.name == "_") continue;
    if (!names.insert(p.name).second) { scope_floor_ = saved_floor; restore(); return bad(p.pos, "duplicate argument " + p.name); }
    declare_init(p.name, params[i], p.pos, &args[i]);
    scopes_.back()[p.name].used = true;
  }
  declare_named_results(lit.results, results, x);
  auto saved_loops = std::move(F->loops);
  F->loops.clear();
  F->expansions.push_back(&x);
  c.expanding = true;
  bool ok = stmts(lit.body);
  c.expanding = false;
  F->expansions.pop_back();
  F->loops = std::move(saved_loops);
  if (ok && !results.empty() && !terminating(lit.body)) ok = fail(lit.end, "missing return");
  if (ok) ok = pop_scope();
  else scopes_.pop_back();
  scope_floor_ = saved_floor;
  restore();
  if (!ok) { V v; v.ok = false; return v; }
  return expansion_result(x);
}

// argument_copy is an argument of an expanded call in a slot of its own (the body may
// assign to its parameter).
V Compiler::argument_copy(V& a, TypeId t) {
  V owned;
  owned.t = t;
  owned.slot = fresh_slots({t});
  owned.fresh = true;
  owned.src = a.src;
  move_into(a, owned.slot, t);
  return owned;
}

// declare_named_results declares an expanded body's named results (zeroed); a bare
// return returns them.
void Compiler::declare_named_results(const std::vector<Param>& decl, const std::vector<TypeId>& types, Expansion& x) {
  if (decl.empty() || decl[0].name.empty()) return;
  for (size_t i = 0; i < decl.size(); ++i) {
    const Param& p = decl[i];
    int slot = declare_var(p.name, types[i], p.pos);
    emit(OpLoadK, slot, konst(0));
    x.named.push_back(slot);
    if (p.name == "_") continue;
    Entity& r = scopes_.back()[p.name];
    r.used = true;
    x.src.push_back(r.node);   // a named result is what a bare return returns
  }
}

// expansion_result ends an expansion: its returns jump here, its value is the result block.
V Compiler::expansion_result(const Expansion& x) {
  for (int j : x.jumps) patch(j, pc());
  V r;
  r.src = x.src;
  if (x.result_types.empty()) return r;
  r.t = x.result_types.size() == 1 ? x.result_types[0] : T.tuple(x.result_types);
  r.is_tuple = x.result_types.size() > 1;
  r.slot = x.results;
  r.fresh = true;
  return r;
}

// expand_call compiles a call of a function with a function-typed parameter by expanding
// its body here, as a function literal's is: the body sees only its own scopes (a scope
// floor hides the caller's), its function parameters are bound to the literal or function
// passed, and a literal still expands in the caller's scopes when the body calls it. gc
// keeps such a closure on the stack when the parameter is only called, so nothing is
// allocated for it; a literal's captures are by reference, as in Go.
V Compiler::expand_call(const Expr& e, int fidx, const Receiver* recv) {
  const FuncDecl& fd = decl(fidx);
  const Function& fn = prog_.funcs[size_t(fidx)];
  if (expanding_fn_[size_t(fidx)])
    return bad(e.pos, "recursive calls of " + fd.name + " (a function with a function-typed parameter) are not supported by the playground");
  constexpr size_t kMaxFunctionCode = 1 << 18;
  if (F->fn->code.size() > kMaxFunctionCode)
    return bad(e.pos, "calls of functions with function-typed parameters expand to more code than the playground allows");
  if (e.has_ellipsis) return bad(e.pos, "variadic calls are not supported by the playground");
  const size_t first = recv ? 1 : 0;   // a method's receiver is its parameter 0
  if (first + e.args.size() != fd.params.size())
    return bad(e.pos, std::string(first + e.args.size() < fd.params.size() ? "not enough" : "too many") + " arguments in call to " + fd.name);
  // Arguments first, in the caller's scopes: values copied to slots of their own,
  // function arguments bound by name.
  std::vector<V> values(fd.params.size());
  std::vector<Entity> funcs(fd.params.size());
  for (size_t i = 0; i < fd.params.size(); ++i) {
    if (i < first) {   // the receiver: x, &x or *x
      V v = receiver_value(*recv);
      if (!v.ok) return v;
      if (!assignable(v, fn.param_types[i], recv->x->pos, ("receiver of " + fd.name).c_str())) { v.ok = false; return v; }
      values[i] = argument_copy(v, fn.param_types[i]);
      continue;
    }
    const Expr* a = e.args[i - first].get();
    while (a->kind == Expr::Paren) a = a->x.get();
    if (fd.params[i].type->kind == TypeExpr::Func) {
      Entity& f = funcs[i];
      if (a->kind == Expr::FuncLitE) {
        auto c = std::make_unique<ClosureDef>();
        c->lit = a->lit.get();
        c->name = fd.params[i].name;
        c->depth = scopes_.size();
        c->floor = scope_floor_;
        c->passed = true;
        for (const auto& kv : scopes_.back()) c->names_then.insert(kv.first);
        if (c->lit->params.size() != fd.params[i].type->fparams.size() || c->lit->results.size() != fd.params[i].type->fresults.size())
          return bad(a->pos, "cannot use this function literal as the " + fd.params[i].name + " argument of " + fd.name + ": its signature differs");
        f.k = Entity::Closure;
        f.slot = int(closures_.size());
        closures_.push_back(std::move(c));
      } else if (Entity* named = a->kind == Expr::Ident ? lookup(a->name) : nullptr;
                 named && (named->k == Entity::Closure || named->k == Entity::Func)) {
        named->used = true;
        f = *named;
      } else {   // a func value: bound to the parameter as a variable, called through it
        V v = expr(*a);
        if (!v.ok) return v;
        if (!assignable(v, fn.param_types[i], a->pos, ("argument to " + fd.name).c_str())) { v.ok = false; return v; }
        values[i] = argument_copy(v, fn.param_types[i]);
        continue;
      }
      f.used = true;
      continue;
    }
    V v = expr(*e.args[i - first]);
    if (!v.ok) return v;
    if (!assignable(v, fn.param_types[i], e.args[i - first]->pos, ("argument to " + fd.name).c_str())) { v.ok = false; return v; }
    values[i] = argument_copy(v, fn.param_types[i]);
  }
  Expansion x;
  x.result_types = fn.result_types;
  if (!fn.result_types.empty()) x.results = fresh_slots(fn.result_types);
  const size_t saved_floor = scope_floor_;
  scope_floor_ = scopes_.size();
  const bool bound = !tbinds_[size_t(fidx)].empty();
  if (bound) scopes_.push_back(tbinds_[size_t(fidx)]);   // an instance's type parameters
  push_scope();
  x.scope_base = scopes_.size() - 1;
  for (size_t i = 0; i < fd.params.size(); ++i) {
    const Param& p = fd.params[i];
    if (p.name.empty() || p.name == "_") continue;
    if (fd.params[i].type->kind == TypeExpr::Func && funcs[i].k != Entity::Var) {   // a literal or a function's name
      funcs[i].name = p.name;
      funcs[i].pos = p.pos;
      scopes_.back()[p.name] = funcs[i];
    } else {
      declare_init(p.name, fn.param_types[i], p.pos, &values[i]);
      scopes_.back()[p.name].used = true;
    }
  }
  declare_named_results(fd.results, fn.result_types, x);
  auto saved_loops = std::move(F->loops);
  F->loops.clear();
  F->expansions.push_back(&x);
  expanding_fn_[size_t(fidx)] = 1;
  // the expanded body's &x names join the caller's while it compiles
  std::set<std::string> own;
  for (const auto& b : fd.body) addr_names_in(b.get(), own);
  std::vector<std::string> added;
  for (const std::string& n : own)
    if (F->addr_names.insert(n).second) added.push_back(n);
  bool ok = stmts(fd.body);
  for (const std::string& n : added) F->addr_names.erase(n);
  expanding_fn_[size_t(fidx)] = 0;
  F->expansions.pop_back();
  F->loops = std::move(saved_loops);
  if (ok && !fn.result_types.empty() && !terminating(fd.body)) ok = fail(fd.end, "missing return");
  if (ok) ok = pop_scope();
  else scopes_.pop_back();
  if (bound) scopes_.pop_back();
  scope_floor_ = saved_floor;
  if (!ok) { V v; v.ok = false; return v; }
  return expansion_result(x);
}

// expansion_return: `return` in an expanded function literal fills the result block and
// jumps to the end of the expansion.
bool Compiler::expansion_return(const Stmt& s, Expansion& x) {
  const size_t n = x.result_types.size();
  if (s.rhs.empty()) {
    if (n != 0 && x.named.empty()) return fail(s.pos, "not enough return values\n\thave ()\n\twant " + T.name(T.tuple(x.result_types)));
    for (size_t i = 0; i < x.named.size(); ++i) emit(OpMov, x.results + int(i), x.named[i]);
  } else {
    if (n == 0) return fail(s.rhs[0]->pos, "too many return values");
    if (s.rhs.size() != n && s.rhs.size() != 1) return fail(s.pos, std::string(s.rhs.size() < n ? "not enough" : "too many") + " return values");
    std::vector<V> vals;
    std::vector<Pos> pos;
    if (!rhs_values(s, n, vals, pos)) {
      if (!failed_) fail(s.pos, "wrong number of return values");
      return false;
    }
    for (size_t i = 0; i < n; ++i) {
      if (!assignable(vals[i], x.result_types[i], pos[i], "return statement")) return false;
      x.src.insert(x.src.end(), vals[i].src.begin(), vals[i].src.end());
      move_into(vals[i], x.results + int(i), x.result_types[i]);
    }
  }
  x.jumps.push_back(emit(OpJmp));
  return true;
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
    if (to == Kind::Map || to == Kind::Slice || to == Kind::Pointer) { r.isconst = true; r.t = t; return r; }
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
  return bad(e.pos, "cannot convert " + describe(x) + " to type " + T.name(t));
}

// ---------------------------------------------------------------- packages
// bi_call emits a builtin call with its arguments in consecutive fresh slots.
V Compiler::bi_call(Builtin fn, const std::vector<V*>& args, TypeId result, bool escape_args) {
  std::vector<TypeId> ts;
  CallSite cs;
  cs.fn = fn;
  cs.line = F->line;
  cs.result = result;
  for (V* a : args) {
    TypeId t = a->t;
    if (a->isconst && T.is_untyped(t)) t = T.default_type(t);
    if (t == TypeTable::kUntypedNil) t = TypeTable::kUntypedNil;
    ts.push_back(t);
    cs.arg_types.push_back(t);
    cs.arg_const.push_back(a->isconst);
    cs.arg_static.push_back(a->static_lit);
  }
  int base = fresh_slots(ts);
  for (size_t i = 0; i < args.size(); ++i) {
    V& a = *args[i];
    if (a.isconst) {
      if (a.t != TypeTable::kUntypedNil && !convert_const(a, ts[i], Pos{}, false)) { V v; v.ok = false; return v; }
      emit(OpLoadK, base + int(i), konst(const_word(a.cv, ts[i])));
    } else if (a.slot != base + int(i)) {
      emit(OpMov, base + int(i), a.slot);
    }
    if (escape_args) sink(a.src);
  }
  int site = int(prog_.calls.size());
  prog_.calls.push_back(cs);
  V r;
  r.t = result;
  int dst = -1;
  if (result) {
    dst = temp(result);
    r.slot = dst;
  }
  emit(OpBi, dst, base, int(args.size()), site, uint16_t(fn));
  if (result && T.is_aggregate(result)) r.fresh = true;
  return r;
}

bool Compiler::args_exprs(const Expr& e, std::vector<V>& out) {
  for (const auto& a : e.args)
    if (!arg_value(*a, out)) return false;
  return true;
}

// arg_value compiles one argument of a package function or builtin: a single value.
bool Compiler::arg_value(const Expr& a, std::vector<V>& out) {
  V v = expr(a);
  if (!v.ok) return false;
  if (v.is_type) return fail(a.pos, T.name(v.t) + " (type) is not an expression");
  if (v.is_tuple) return fail(a.pos, "multiple-value in single-value context");
  if (v.t == 0) return fail(a.pos, expr_str(a) + " (no value) used as value");
  out.push_back(std::move(v));
  return true;
}

V Compiler::pkg_call(const Expr& e, const std::string& pkg, const std::string& name, const std::string& alias, bool stmt) {
  imports_[alias].used = true;
  std::string full = pkg + "." + name;
  if (auto it = std_funcs_.find(full); it != std_funcs_.end()) return generic_call(e, it->second, nullptr);
  if (full == "maps.Keys" || full == "maps.Values" || full == "maps.All") {
    if (go_minor_ < 23) return bad(e.x->pos, "undefined: " + full);   // added in Go 1.23 (iterators)
    return bad(e.x->pos, full + " returns an iterator (iter.Seq): range over functions is not supported by the playground yet (range over the map itself)");
  }
  (void)stmt;
  struct PF { const char* n; Builtin b; int kind; };   // kind 0: fmt-like print, 1: Sprint-like, 2: other
  static const PF fmts[] = {
      {"fmt.Print", Builtin::FmtPrint, 0}, {"fmt.Println", Builtin::FmtPrintln, 0}, {"fmt.Printf", Builtin::FmtPrintf, 0},
      {"fmt.Sprint", Builtin::FmtSprint, 1}, {"fmt.Sprintln", Builtin::FmtSprintln, 1}, {"fmt.Sprintf", Builtin::FmtSprintf, 1},
      {"log.Print", Builtin::LogPrint, 0}, {"log.Println", Builtin::LogPrintln, 0}, {"log.Printf", Builtin::LogPrintf, 0},
      {"log.Fatal", Builtin::LogFatal, 0}, {"log.Fatalln", Builtin::LogFatalln, 0}, {"log.Fatalf", Builtin::LogFatalf, 0},
  };
  if (full == "crypto/rand.Read") {
    std::vector<V> args;
    if (!args_exprs(e, args)) { V v; v.ok = false; return v; }
    return crypto_read(e, args);
  }
  if (full == "fmt.Errorf" || pkg == "errors" || full == "strconv.Atoi") {
    if (e.has_ellipsis) return bad(e.pos, "passing a slice with ... to " + full + " is not supported by the playground");
    std::vector<V> args;
    if (!args_exprs(e, args)) { V v; v.ok = false; return v; }
    if (full == "fmt.Errorf") return errorf(e, args);
    if (full == "strconv.Atoi") return atoi(e, args);
    return errors_call(e, name, args);
  }
  for (const PF& pf : fmts) {
    if (full != pf.n) continue;
    std::vector<V> args;
    if (!args_exprs(e, args)) { V v; v.ok = false; return v; }
    bool is_f = full.back() == 'f';
    if (e.has_ellipsis) return fmt_spread_call(e, full, pf.b, pf.kind == 1, args);
    if (is_f) {
      if (args.empty()) return bad(e.pos, "not enough arguments in call to " + full);
      if (T.kind(args[0].t) != Kind::String && T.kind(args[0].t) != Kind::UntypedString) return bad(e.args[0]->pos, "cannot use " + describe(args[0]) + " as string value in argument to " + full);
    }
    std::vector<V*> ps;
    for (auto& a : args) ps.push_back(&a);
    return bi_call(pf.b, ps, pf.kind == 1 ? TypeTable::kString : 0, true);
  }
  if (pkg == "unsafe") return unsafe_call(e, name);
  std::vector<V> args;
  if (!args_exprs_special(e, full, args)) { V v; v.ok = false; return v; }
  auto want = [&](size_t n) -> bool {
    if (args.size() != n) return fail(e.pos, std::string(args.size() < n ? "not enough" : "too many") + " arguments in call to " + full);
    return true;
  };
  std::vector<V*> ps;
  for (auto& a : args) ps.push_back(&a);
  if (full == "runtime.GC" || full == "runtime/debug.FreeOSMemory") {
    if (!want(0)) { V v; v.ok = false; return v; }
    return bi_call(full == "runtime.GC" ? Builtin::RuntimeGC : Builtin::FreeOSMemory, ps, 0, false);
  }
  if (full == "runtime.Gosched") {
    if (!want(0)) { V v; v.ok = false; return v; }
    return bi_call(Builtin::Gosched, ps, 0, false);
  }
  if (full == "runtime.NumGoroutine") {
    if (!want(0)) { V v; v.ok = false; return v; }
    return bi_call(Builtin::NumGoroutine, ps, TypeTable::kInt, false);
  }
  if (full == "runtime.GOMAXPROCS") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kInt, e.args[0]->pos, "argument to runtime.GOMAXPROCS")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::GoMaxProcs, ps, TypeTable::kInt, false);
  }
  if (full == "runtime.KeepAlive") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!args[0].isconst) emit(OpUse, args[0].slot);
    V r;
    r.t = 0;
    return r;
  }
  if (full == "runtime.ReadMemStats") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (T.kind(args[0].t) != Kind::Pointer || T.u(args[0].t).elem != prog_.memstats_type)
      return bad(e.args[0]->pos, "cannot use " + describe(args[0]) + " as *runtime.MemStats value in argument to runtime.ReadMemStats");
    return bi_call(Builtin::ReadMemStats, ps, 0, false);
  }
  if (full == "runtime/debug.SetGCPercent") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kInt, e.args[0]->pos, "argument to debug.SetGCPercent")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::SetGCPercent, ps, TypeTable::kInt, false);
  }
  if (full == "runtime/debug.SetMemoryLimit") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kInt64, e.args[0]->pos, "argument to debug.SetMemoryLimit")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::SetMemoryLimit, ps, TypeTable::kInt64, false);
  }
  if (full == "strconv.Itoa") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kInt, e.args[0]->pos, "argument to strconv.Itoa")) { V v; v.ok = false; return v; }
    V r = bi_call(Builtin::Itoa, ps, TypeTable::kString, false);
    return r;
  }
  if (full == "strconv.FormatInt") {
    if (!want(2)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kInt64, e.args[0]->pos, "argument to strconv.FormatInt") ||
        !assignable(args[1], TypeTable::kInt, e.args[1]->pos, "argument to strconv.FormatInt")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::FormatInt, ps, TypeTable::kString, false);
  }
  if (pkg == "time") return time_call(e, name, args);
  if (pkg == "log") {
    static const PkgFn fns[] = {{"SetFlags", Builtin::LogSetFlags, TypeTable::kInt, 0},
                                {"SetPrefix", Builtin::LogSetPrefix, TypeTable::kString, 0},
                                {"Flags", Builtin::LogFlags, 0, TypeTable::kInt}};
    for (const PkgFn& f : fns)
      if (name == f.name) return pkg_fn_call(e, "log.", f, args);
  }
  if (pkg == "math/rand") return rand_call(e, name, args);
  if (pkg == "maps") return maps_call(e, name, args);
  if (pkg == "sort" || pkg == "slices") return sort_call(e, pkg, name, args);
  if (full == "strings.Repeat") {
    if (!want(2)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kString, e.args[0]->pos, "argument to strings.Repeat") ||
        !assignable(args[1], TypeTable::kInt, e.args[1]->pos, "argument to strings.Repeat")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::StringsRepeat, ps, TypeTable::kString, false);
  }
  if (full == "strings.Clone") {
    if (!want(1)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kString, e.args[0]->pos, "argument to strings.Clone")) { V v; v.ok = false; return v; }
    return bi_call(Builtin::StringsClone, ps, TypeTable::kString, false);
  }
  return bad(e.pos, full + " is not supported by the playground");
}

// fmt_spread_call: fmt.Println(xs...), fmt.Printf(format, xs...) (and Sprint*, log's) with
// an []any: the slice is passed as it is, its elements are the arguments, boxed already when
// they were stored (no convT here, as gc passes the slice: nothing new on the heap). fmt's
// parameter leaks its contents (escape: "leaking param content: a"), so what the elements
// point to escapes, not the slice's array.
V Compiler::fmt_spread_call(const Expr& e, const std::string& full, Builtin b, bool sprint, std::vector<V>& args) {
  const bool is_f = full.back() == 'f';
  const size_t want = is_f ? 2 : 1;
  if (args.size() > want) return bad(e.args[want]->pos, "too many arguments in call to " + full);
  if (args.size() < want) return bad(e.pos, "not enough arguments in call to " + full);
  if (is_f && !assignable(args[0], TypeTable::kString, e.args[0]->pos, ("argument to " + full).c_str())) { V v; v.ok = false; return v; }
  V& xs = args.back();
  const TypeId any_slice = T.slice(T.interface_({}));
  if (xs.t != any_slice && !(xs.isconst && xs.t == TypeTable::kUntypedNil))   // types2 names it []any
    return bad(e.args.back()->pos, "cannot use " + describe(xs) + " as []any value in argument to " + full);
  if (!assignable(xs, any_slice, e.args.back()->pos, ("argument to " + full).c_str())) { V v; v.ok = false; return v; }
  sink(contents_of(xs.src));
  if (is_f) sink(args[0].src);
  std::vector<V*> ps;
  for (auto& a : args) ps.push_back(&a);
  V r = bi_call(b, ps, sprint ? TypeTable::kString : 0, false);
  prog_.calls.back().spread = true;
  return r;
}

// pkg_fn_call checks the call's argument (args: the receiver first for a method, then the
// compiled arguments) and emits the builtin.
V Compiler::pkg_fn_call(const Expr& e, const std::string& prefix, const PkgFn& f, std::vector<V>& args) {
  const std::string full = prefix + f.name;
  const size_t want = f.param ? 1 : 0;
  if (e.args.size() != want) return bad(e.pos, std::string(e.args.size() < want ? "not enough" : "too many") + " arguments in call to " + full);
  if (f.param && !assignable(args.back(), f.param, e.args[0]->pos, ("argument to " + full).c_str())) { V v; v.ok = false; return v; }
  std::vector<V*> ps;
  for (auto& a : args) ps.push_back(&a);
  return bi_call(f.b, ps, f.result, false);
}

// time_call: time.Now/Since/Sleep and the conversion time.Duration(x). The clock is the
// simulator's (Interpreter::clock_ns_): it stands still but for time.Sleep, as on the Go
// playground, so what a program prints does not depend on the machine.
V Compiler::time_call(const Expr& e, const std::string& name, std::vector<V>& args) {
  const TypeId dur = prog_.duration_type, tm = prog_.time_type;
  if (name == "Duration") {
    if (args.size() != 1) return bad(e.pos, std::string(args.empty() ? "missing argument" : "too many arguments") + " in conversion to time.Duration");
    return conversion(e, dur);
  }
  const TypeId rc = T.chan(tm, 2);
  const PkgFn fns[] = {{"Now", Builtin::TimeNow, 0, tm}, {"Since", Builtin::TimeSince, tm, dur}, {"Sleep", Builtin::TimeSleep, dur, 0},
                       {"After", Builtin::TimerAfter, dur, rc}, {"Tick", Builtin::TimerTick, dur, rc},
                       {"NewTicker", Builtin::NewTicker, dur, T.pointer(prog_.ticker_type)},
                       {"NewTimer", Builtin::NewTimer, dur, T.pointer(prog_.timer_type)}};
  for (const PkgFn& f : fns)
    if (name == f.name) return pkg_fn_call(e, "time.", f, args);
  return bad(e.pos, "time." + name + " is not supported by the playground (time.Now, Since, Sleep, After, Tick, NewTicker, NewTimer, Duration and the units)");
}

// rand_call: math/rand's top-level functions. The generator is the simulator's, seeded from
// the run's seed: the numbers differ from real Go's (whose global source is randomly
// seeded since Go 1.20), what they cost does not.
// kRandFns: math/rand's functions, which are also the methods of a *rand.Rand (rand_method).
const Compiler::PkgFn Compiler::kRandFns[] = {
    {"Int", Builtin::RandInt, 0, TypeTable::kInt}, {"Intn", Builtin::RandIntn, TypeTable::kInt, TypeTable::kInt},
    {"Int31", Builtin::RandInt31, 0, TypeTable::kInt32}, {"Int31n", Builtin::RandInt31n, TypeTable::kInt32, TypeTable::kInt32},
    {"Int63", Builtin::RandInt63, 0, TypeTable::kInt64}, {"Int63n", Builtin::RandInt63n, TypeTable::kInt64, TypeTable::kInt64},
    {"Uint32", Builtin::RandUint32, 0, TypeTable::kUint32}, {"Uint64", Builtin::RandUint64, 0, TypeTable::kUint64},
    {"Float64", Builtin::RandFloat64, 0, TypeTable::kFloat64}, {"Seed", Builtin::RandSeed, TypeTable::kInt64, 0}};

V Compiler::rand_call(const Expr& e, const std::string& name, std::vector<V>& args) {
  if (name == "New" || name == "NewSource") return rand_new(e, name, args);
  for (const PkgFn& f : kRandFns)
    if (name == f.name) return pkg_fn_call(e, "rand.", f, args);
  return bad(e.pos, "rand." + name + " is not supported by the playground (Int, Intn, Int31, Int31n, Int63, Int63n, Uint32, Uint64, Float64, Seed)");
}

// maps_call: maps.Clone and maps.Copy (Go 1.21). Up to Go 1.24 both walk the source as the
// runtime does (mapclone2 / a range loop); Clone's map comes from makemap inside the runtime,
// sized for len(m), so it is on the heap and as small as a fresh copy: cloning shrinks a map
// that deletes left large. From Go 1.25 (*Map).Clone copies the tables as they are: OpMClone
// does that where the profile says so and jumps over the walk.
V Compiler::maps_call(const Expr& e, const std::string& name, std::vector<V>& args) {
  const bool clone = name == "Clone";
  if (!clone && name != "Copy") return bad(e.pos, "maps." + name + " is not supported by the playground (maps.Clone, maps.Copy)");
  const size_t want = clone ? 1 : 2;
  if (args.size() != want) return bad(e.pos, std::string(args.size() < want ? "not enough" : "too many") + " arguments in call to maps." + name);
  for (size_t i = 0; i < args.size(); ++i)
    if (T.kind(args[i].t) != Kind::Map) return bad(e.args[i]->pos, "in call to maps." + name + ", " + describe(args[i]) + " is not a map");
  const TypeId mt = args.back().t;
  if (!clone && (T.u(args[0].t).key != T.u(mt).key || T.u(args[0].t).elem != T.u(mt).elem))
    return bad(e.pos, "in call to maps.Copy, the maps' key and value types differ: " + T.name(args[0].t) + " and " + T.name(mt));
  const int src = materialize(args.back(), mt);
  V r;
  int dst;
  int jnil = -1, jcopied = -1;
  if (clone) {
    r.t = mt;
    r.slot = dst = temp(mt);
    emit(OpLoadK, dst, konst(0));
    jnil = emit(OpJf, 0, src);               // maps.Clone(nil) is nil
    jcopied = emit(OpMClone, dst, src, 0, 0, uint16_t(mt));
    const int hint = temp(TypeTable::kInt);
    emit(OpMLen, hint, src);
    const int node = new_node();
    const int pc0 = emit(OpMakeMap, dst, hint, 0, 0, uint16_t(mt));
    add_site_node(pc0, "maps.Clone", node, true);
    r.src.push_back(node);
  } else {
    dst = materialize(args[0], args[0].t);
    r.t = 0;
  }
  const TypeId kt = T.u(mt).key, vt = T.u(mt).elem;
  const int it = new_slot(TypeTable::kIter, ""), ks = new_slot(kt, ""), vs = new_slot(vt, "");
  Instr& walk = F->fn->code[size_t(emit(OpMIter, it, src))];
  walk.flags |= 1;                           // the runtime's own walk: no hiter
  const int top = pc();
  const int jdone = emit(OpMNext, it, ks, vs);
  V k, v;
  k.t = kt;
  k.slot = ks;
  v.t = vt;
  v.slot = vs;
  emit(OpMSet, dst, owned(k, kt), owned(v, vt));
  back_jump(top);
  F->fn->code[size_t(jdone)].d = pc();
  if (jnil >= 0) patch(jnil, pc());
  if (jcopied >= 0) F->fn->code[size_t(jcopied)].d = pc();
  return r;
}

// sort_call: sort.Ints/Strings/Float64s (and their IsSorted checks) and slices.Sort /
// slices.IsSorted on slices of integers, strings or float64s, sorted in place. Until Go
// 1.22 sort.Ints(x) is sort.Sort(IntSlice(x)): the slice header is boxed into an interface
// (24 B) and x's backing array escapes; from 1.22 it is slices.Sort: nothing escapes.
V Compiler::sort_call(const Expr& e, const std::string& pkg, const std::string& name, std::vector<V>& args) {
  struct S { const char* pkg; const char* name; Kind elem; bool check; };
  static const S fns[] = {
      {"sort", "Ints", Kind::Int, false}, {"sort", "Strings", Kind::String, false}, {"sort", "Float64s", Kind::Float64, false},
      {"sort", "IntsAreSorted", Kind::Int, true}, {"sort", "StringsAreSorted", Kind::String, true},
      {"sort", "Float64sAreSorted", Kind::Float64, true}, {"slices", "Sort", Kind::Invalid, false},
      {"slices", "IsSorted", Kind::Invalid, true}};
  for (const S& f : fns) {
    if (pkg != f.pkg || name != f.name) continue;
    const std::string full = pkg + "." + name;
    if (args.size() != 1) return bad(e.pos, std::string(args.empty() ? "not enough" : "too many") + " arguments in call to " + full);
    const TypeId st = args[0].t;
    const bool slice = T.kind(st) == Kind::Slice;
    const TypeId et = slice ? T.u(st).elem : 0;
    const bool ordered = slice && (T.is_integer(et) || T.kind(et) == Kind::String || T.kind(et) == Kind::Float64);
    if (f.elem != Kind::Invalid ? !(slice && T.kind(et) == f.elem) : !ordered)
      return bad(e.args[0]->pos, "cannot use " + describe(args[0]) + " as " +
                                     (f.elem == Kind::Int ? "[]int" : f.elem == Kind::String ? "[]string" : f.elem == Kind::Float64 ? "[]float64" : "a slice of an ordered type") +
                                     " value in argument to " + full);
    std::vector<V*> ps{&args[0]};
    if (f.check) return bi_call(Builtin::SliceIsSorted, ps, TypeTable::kBool, false);
    const bool boxed = pkg == "sort" && lib_.sort_boxes_slice;
    return bi_call(boxed ? Builtin::SortBoxed : Builtin::SortSlice, ps, 0, boxed);
  }
  return bad(e.pos, pkg + "." + name + " is not supported by the playground (sort.Ints, Strings, Float64s and their IsSorted checks; slices.Sort, IsSorted)");
}

// time_method compiles a method call on a time.Duration or time.Time value.
V Compiler::time_method(const Expr& e, const Expr& sel, TypeId xt) {
  const TypeId dur = prog_.duration_type, tm = prog_.time_type;
  using M = PkgFn;
  const M duration_methods[] = {
      {"Seconds", Builtin::DurSeconds, 0, TypeTable::kFloat64}, {"Minutes", Builtin::DurMinutes, 0, TypeTable::kFloat64},
      {"Hours", Builtin::DurHours, 0, TypeTable::kFloat64}, {"Milliseconds", Builtin::DurMilliseconds, 0, TypeTable::kInt64},
      {"Microseconds", Builtin::DurMicroseconds, 0, TypeTable::kInt64}, {"Nanoseconds", Builtin::DurNanoseconds, 0, TypeTable::kInt64},
      {"String", Builtin::DurString, 0, TypeTable::kString}};
  const M time_methods[] = {
      {"Sub", Builtin::TimeSub, tm, dur}, {"Add", Builtin::TimeAdd, dur, tm}, {"Before", Builtin::TimeBefore, tm, TypeTable::kBool},
      {"After", Builtin::TimeAfter, tm, TypeTable::kBool}, {"Equal", Builtin::TimeEqual, tm, TypeTable::kBool},
      {"Unix", Builtin::TimeUnix, 0, TypeTable::kInt64}, {"UnixMilli", Builtin::TimeUnixMilli, 0, TypeTable::kInt64},
      {"UnixNano", Builtin::TimeUnixNano, 0, TypeTable::kInt64}, {"String", Builtin::TimeString, 0, TypeTable::kString}};
  const bool is_dur = xt == dur;
  const std::string tname = is_dur ? "time.Duration" : "time.Time";
  for (const M& m : is_dur ? std::span<const M>(duration_methods) : std::span<const M>(time_methods)) {
    if (sel.name != m.name) continue;
    std::vector<V> args;
    V recv = expr(*sel.x);
    if (!recv.ok) return recv;
    args.push_back(std::move(recv));
    if (!args_exprs(e, args)) { V v; v.ok = false; return v; }
    return pkg_fn_call(e, "(" + tname + ").", m, args);
  }
  std::string have;
  for (const M& m : is_dur ? std::span<const M>(duration_methods) : std::span<const M>(time_methods))
    have += std::string(have.empty() ? "" : ", ") + m.name;
  return bad(sel.pos, expr_str(sel) + " undefined (" + tname + "." + sel.name + " is not supported by the playground; it has " + have + ")");
}

// unsafe_call: Sizeof, Alignof and Offsetof are constants of the operand's type (linux/amd64
// layout); the operand is not evaluated, as the spec says.
V Compiler::unsafe_call(const Expr& e, const std::string& name) {
  if (name != "Sizeof" && name != "Alignof" && name != "Offsetof") return bad(e.pos, "unsafe." + name + " is not supported by the playground");
  if (e.args.size() != 1) return bad(e.pos, std::string(e.args.empty() ? "not enough" : "too many") + " arguments in call to unsafe." + name);
  const Expr& x = *e.args[0];
  uint64_t value = 0;
  if (name == "Offsetof") {
    if (x.kind != Expr::Selector) return bad(x.pos, "invalid argument: " + expr_str(x) + " is not a selector expression");
    TypeId st;
    if (!static_type(*x.x, st)) { V v; v.ok = false; return v; }
    if (T.kind(st) == Kind::Pointer) st = T.u(st).elem;
    bool found = false;
    if (T.kind(st) == Kind::Struct)
      for (const Field& f : T.u(st).fields)
        if (f.name == x.name) { value = f.offset; found = true; }
    if (!found) return bad(x.pos, expr_str(x) + " undefined (type " + T.name(st) + " has no field " + x.name + ")");
  } else {
    TypeId t;
    if (!static_type(x, t)) { V v; v.ok = false; return v; }
    if (T.is_untyped(t)) t = T.default_type(t);
    value = name == "Sizeof" ? T[t].size : T[t].align;
  }
  return int_const(TypeTable::kUintptr, int64_t(value));
}

// int_const is a constant of type t (a package's constant, unsafe.Sizeof's answer).
V Compiler::int_const(TypeId t, int64_t value) {
  V r;
  r.isconst = true;
  r.t = t;
  r.cv.k = CVal::Int;
  r.cv.i = i128(value);
  return r;
}

// args_exprs_special compiles arguments; &m of a MemStats variable is allowed for
// runtime.ReadMemStats (the variable stays on the stack, as in Go).
bool Compiler::args_exprs_special(const Expr& e, const std::string& full, std::vector<V>& out) {
  for (const auto& a : e.args) {
    const Expr* x = a.get();
    if ((full == "runtime.ReadMemStats" || full == "runtime.KeepAlive") && x->kind == Expr::Unary && x->op == Tok::And &&
        x->x->kind != Expr::CompositeLit) {
      int ref = lvalue_ref(*x->x);
      if (ref < 0) return fail(x->pos, "cannot take the address of " + expr_str(*x->x));
      TypeId st;
      if (!static_type(*x->x, st)) return false;
      V v;
      v.t = T.pointer(st);
      v.slot = ref;
      if (prog_.cat_of(v.t) != F->fn->slot_cat[size_t(ref)]) return fail(x->pos, "cannot take the address of " + expr_str(*x->x));
      out.push_back(v);
      continue;
    }
    if (!arg_value(*x, out)) return false;
  }
  return true;
}

// ---------------------------------------------------------------- builtins
V Compiler::builtin(const Expr& e, int id, bool stmt) {
  static const char* names[] = {"len", "cap", "make", "new", "append", "delete", "clear", "panic", "print", "println", "min", "max", "mapShape", "copy", "sync_hash", "sync_rand", "close", "recover", "strings_view", "strings_roundupsize"};
  std::string name = names[id];
  if (e.has_ellipsis && id != UB_append) return bad(e.pos, "invalid use of ... with built-in " + name);
  auto nargs = [&](size_t lo, size_t hi) -> bool {
    if (e.args.size() < lo) return fail(e.pos, "not enough arguments for " + name + "(...) (expected " + std::to_string(lo) + ", found " + std::to_string(e.args.size()) + ")");
    if (e.args.size() > hi) return fail(e.pos, "too many arguments for " + name + "(...) (expected " + std::to_string(hi) + ", found " + std::to_string(e.args.size()) + ")");
    return true;
  };
  V r;
  switch (id) {
    case UB_len: case UB_cap: {
      if (!nargs(1, 1)) { r.ok = false; return r; }
      TypeId st;
      if (!static_type(*e.args[0], st)) { r.ok = false; return r; }
      Kind k = T.kind(st);
      if (k == Kind::Pointer && T.kind(T.u(st).elem) == Kind::Array) { st = T.u(st).elem; k = Kind::Array; }
      if (k == Kind::Array) {
        r.isconst = true;
        r.t = TypeTable::kInt;
        r.cv.k = CVal::Int;
        r.cv.i = T.u(st).len;
        return r;
      }
      V x = expr(*e.args[0]);
      if (!x.ok) return x;
      if (x.isconst && x.cv.k == CVal::Str && id == UB_len) {
        r.isconst = true;
        r.t = TypeTable::kInt;
        r.cv.k = CVal::Int;
        r.cv.i = i128(x.cv.s.size());
        return r;
      }
      r.t = TypeTable::kInt;
      r.slot = temp(r.t);
      if (id == UB_len && k == Kind::String) emit(OpSLen, r.slot, x.slot);
      else if (id == UB_len && k == Kind::Map) emit(OpMLen, r.slot, materialize(x, x.t));
      else if (k == Kind::Slice) emit(id == UB_len ? OpLLen : OpLCap, r.slot, materialize(x, x.t));
      else if (k == Kind::Chan) emit(OpChLen, r.slot, materialize(x, x.t), 0, 0, 0, id == UB_cap ? 1 : 0);
      else return bad(e.args[0]->pos, "invalid argument: " + describe(x) + " for built-in " + name);
      return r;
    }
    case UB_make: {
      if (e.args.empty()) return bad(e.pos, "not enough arguments for make() (expected 1, found 0)");
      V tv = expr(*e.args[0]);
      if (!tv.ok) return tv;
      if (!tv.is_type) return bad(e.args[0]->pos, expr_str(*e.args[0]) + " is not a type");
      TypeId t = tv.t;
      Kind k = T.kind(t);
      if (k == Kind::Chan) return make_chan(e, t);
      if (k == Kind::Map) {
        if (!nargs(1, 2)) { r.ok = false; return r; }
        int hs = -1;
        bool hint_const = true;
        int64_t hint = 0;
        if (e.args.size() == 2) {
          V h = expr(*e.args[1]);
          if (!h.ok) return h;
          if (!T.is_integer(h.t) && !(h.isconst && h.cv.k == CVal::Float)) return bad(e.args[1]->pos, "cannot convert " + describe(h) + " to type int");
          if (h.isconst) {
            if (!convert_const(h, TypeTable::kInt, e.args[1]->pos, false)) { r.ok = false; return r; }
            if (h.cv.i < 0) return bad(e.args[1]->pos, "invalid argument: index " + i128_str(h.cv.i) + " (constant of type int) must not be negative");
            hint = int64_t(h.cv.i);
          } else {
            hint_const = false;
          }
          hs = materialize(h, TypeTable::kInt);
        }
        (void)hint_const;
        (void)hint;
        r.t = t;
        r.slot = temp(t);
        int node = new_node();
        int pc0 = emit(OpMakeMap, r.slot, hs, 0, 0, uint16_t(t));
        add_site_node(pc0, "make(" + T.name(t) + ")", node, false);
        r.src.push_back(node);
        return r;
      }
      if (k == Kind::Slice) {
        if (!nargs(2, 3)) { r.ok = false; return r; }
        V n = expr(*e.args[1]);
        if (!n.ok) return n;
        if (!assignable(n, TypeTable::kInt, e.args[1]->pos, "make")) { r.ok = false; return r; }
        bool cst = n.isconst;
        bool static_size = n.static_lit;   // the size walkMakeSlice looks at: cap, else len
        int size_param = n.static_param;   // or an inlined function's parameter (inline_static_args)
        int64_t nv = cst ? int64_t(n.cv.i) : 0;
        if (cst && nv < 0) return bad(e.args[1]->pos, "invalid argument: index " + std::to_string(nv) + " (constant of type int) must not be negative");
        int ns = materialize(n, TypeTable::kInt);
        int cs = ns;
        int64_t cv = nv;
        if (e.args.size() == 3) {
          V c = expr(*e.args[2]);
          if (!c.ok) return c;
          if (!assignable(c, TypeTable::kInt, e.args[2]->pos, "make")) { r.ok = false; return r; }
          static_size = c.static_lit;
          size_param = c.static_param;
          if (c.isconst) {
            cv = int64_t(c.cv.i);
            if (cst && cv < nv) return bad(e.args[1]->pos, "invalid argument: length and capacity swapped");
          } else {
            cst = false;
          }
          cs = materialize(c, TypeTable::kInt);
        }
        r.t = t;
        r.slot = temp(t);
        int node = new_node();
        int pc0 = emit(OpMakeSlice, r.slot, ns, cs, 0, uint16_t(T.u(t).elem));
        uint64_t bytes = uint64_t(std::max<int64_t>(cv, 0)) * T.u(T.u(t).elem).size;
        // A variable size is decided at run time (flags bit 1): on the heap, or from Go 1.25
        // in a stack buffer when it fits (Profile::stack_buffer_bytes; walk/builtin.go
        // walkMakeSlice, tryStack) and the result does not escape; or, Go 1.25+, a local's
        // static constant (bit 2, Profile::static_local_literals) is the constant size.
        add_site_node(pc0, "make(" + T.name(t) + ")", node, cst && bytes > 65536);
        if (!cst) F->fn->code[size_t(pc0)].flags |= static_size ? 2 | 4 : 2;
        if (!cst && !static_size && size_param >= 0) param_sites_[F->fidx].push_back({pc0, size_param});
        r.src.push_back(node);
        return r;
      }
      return bad(e.args[0]->pos, "invalid argument: cannot make " + T.name(t) + "; type must be slice, map, or channel");
    }
    case UB_new: {
      if (!nargs(1, 1)) { r.ok = false; return r; }
      V tv = expr(*e.args[0]);
      if (!tv.ok) return tv;
      if (!tv.is_type) return bad(e.args[0]->pos, expr_str(*e.args[0]) + " is not a type");
      r.t = T.pointer(tv.t);
      r.slot = temp(r.t);
      int node = new_node();
      int pc0 = emit(OpNew, r.slot, 0, 0, 0, uint16_t(tv.t));
      add_site_node(pc0, "new(" + T.name(tv.t) + ")", node, T[tv.t].size > 65536);
      r.src.push_back(node);
      return r;
    }
    case UB_append: {
      if (e.args.empty()) return bad(e.pos, "not enough arguments for append() (expected 1, found 0)");
      V s = expr(*e.args[0]);
      if (!s.ok) return s;
      if (s.isconst && s.t == TypeTable::kUntypedNil) return bad(e.args[0]->pos, "first argument to append must be a typed slice; have untyped nil");
      if (T.kind(s.t) != Kind::Slice) return bad(e.args[0]->pos, "invalid argument: " + describe(s) + " (first argument to append must be a slice)");
      TypeId et = T.u(s.t).elem;
      r.t = s.t;
      r.src = s.src;
      if (e.has_ellipsis) {
        if (e.args.size() != 2) return bad(e.pos, "can only use ... with final argument in list");
        V o = expr(*e.args[1]);
        if (!o.ok) return o;
        bool bytes_from_string = T.kind(et) == Kind::Uint8 && (T.kind(o.t) == Kind::String || T.kind(o.t) == Kind::UntypedString);
        if (!bytes_from_string && !assignable(o, s.t, e.args[1]->pos, "append")) { r.ok = false; return r; }
        int os = materialize(o, bytes_from_string ? TypeTable::kString : s.t);
        // escape/call.go OAPPEND: the elements are copied, what they point to escapes
        // ("appended slice..."), and so does what the appendee's may be moved to a new array
        if (T[et].ptrs) {
          sink(contents_of(o.src));
          sink(contents_of(s.src));
        }
        r.slot = temp(s.t);
        emit(OpAppendS, r.slot, s.slot, os, 0, uint16_t(et), bytes_from_string ? 1 : 0);
        return r;
      }
      size_t n = e.args.size() - 1;
      if (n == 0) return s;
      if (T[et].ptrs) sink(contents_of(s.src));   // escape/call.go: "appendee slice"
      std::vector<TypeId> ts(n, et);
      int base = fresh_slots(ts);
      for (size_t i = 0; i < n; ++i) {
        size_t m = temp_mark();
        V v = element(*e.args[i + 1], et);
        if (!v.ok) return v;
        sink(v.src);
        move_into(v, base + int(i), et);
        temp_release(m);
      }
      r.slot = temp(s.t);
      const int pc0 = emit(OpAppend, r.slot, materialize(s, s.t), base, int(n), uint16_t(et));
      append_buffer_site(e, pc0, r);
      return r;
    }
    case UB_delete: {
      if (!nargs(2, 2)) { r.ok = false; return r; }
      V m = expr(*e.args[0]);
      if (!m.ok) return m;
      if (T.kind(m.t) != Kind::Map) return bad(e.args[0]->pos, "invalid argument: " + describe(m) + " is not a map");
      V k = expr(*e.args[1]);
      if (!assignable(k, T.u(m.t).key, e.args[1]->pos, "argument to delete")) { r.ok = false; return r; }
      int ks = owned(k, T.u(m.t).key);
      emit(OpMDel, materialize(m, m.t), ks);
      r.t = 0;
      return r;
    }
    case UB_clear: {
      if (!requires_go(e.pos, "clear", 21)) { r.ok = false; return r; }
      if (!nargs(1, 1)) { r.ok = false; return r; }
      V m = expr(*e.args[0]);
      if (!m.ok) return m;
      if (T.kind(m.t) != Kind::Map) return bad(e.args[0]->pos, "clear of a " + T.name(m.t) + " is not supported by the playground (maps only)");
      emit(OpMClear, materialize(m, m.t));
      r.t = 0;
      return r;
    }
    case UB_panic: {
      if (!nargs(1, 1)) { r.ok = false; return r; }
      std::vector<V> args;
      if (!args_exprs(e, args)) { r.ok = false; return r; }
      std::vector<V*> ps{&args[0]};
      return bi_call(Builtin::Panic, ps, 0, true);
    }
    case UB_recover: {
      // recover(): any; the VM answers the panic's value only in a deferred call (Interpreter::recover)
      if (!nargs(0, 0)) { r.ok = false; return r; }
      std::vector<V*> ps;
      return bi_call(Builtin::Recover, ps, T.interface_({}), false);
    }
    case UB_print: case UB_println: {
      std::vector<V> args;
      if (!args_exprs(e, args)) { r.ok = false; return r; }
      std::vector<V*> ps;
      for (auto& a : args) ps.push_back(&a);
      return bi_call(id == UB_print ? Builtin::Print : Builtin::Println, ps, 0, false);
    }
    case UB_min: case UB_max: {
      if (!requires_go(e.pos, name, 21)) { r.ok = false; return r; }
      if (e.args.empty()) return bad(e.pos, "not enough arguments for " + name + "() (expected 1, found 0)");
      std::vector<V> args;
      if (!args_exprs(e, args)) { r.ok = false; return r; }
      bool all_const = true;
      TypeId t = 0;
      for (auto& a : args) {
        all_const = all_const && a.isconst;
        if (!a.isconst || !T.is_untyped(a.t)) t = a.t;
      }
      if (all_const) {
        V best = args[0];
        for (auto& a : args) {
          V c = fold(e.pos, e.pos, e.pos, Tok::Lss, a, best);
          if (!c.ok) return c;
          if ((id == UB_min) == c.cv.b) best = a;
        }
        return best;
      }
      for (auto& a : args) {
        if (!assignable(a, t, e.pos, ("argument to " + name).c_str())) { r.ok = false; return r; }
        if (!T.is_numeric(t) && T.kind(t) != Kind::String) return bad(e.pos, "invalid argument: " + describe(a) + " cannot be ordered");
      }
      std::vector<V*> ps;
      for (auto& a : args) ps.push_back(&a);
      return bi_call(id == UB_min ? Builtin::Min : Builtin::Max, ps, t, false);
    }
    case UB_mapShape: {
      if (!nargs(1, 1)) { r.ok = false; return r; }
      std::vector<V> args;
      if (!args_exprs(e, args)) { r.ok = false; return r; }
      if (T.kind(args[0].t) != Kind::Map) return bad(e.args[0]->pos, "mapShape needs a map, have " + describe(args[0]));
      std::vector<V*> ps{&args[0]};
      return bi_call(Builtin::MapShape, ps, TypeTable::kString, false);
    }
    case UB_close: return close_call(e);
    case UB_copy: {
      if (!nargs(2, 2)) { r.ok = false; return r; }
      std::vector<V> args;
      if (!args_exprs(e, args)) { r.ok = false; return r; }
      if (T.kind(args[0].t) != Kind::Slice) return bad(e.args[0]->pos, "invalid argument: copy expects slice arguments; found " + describe(args[0]));
      TypeId et = T.u(args[0].t).elem;
      bool from_string = T.kind(et) == Kind::Uint8 && (T.kind(args[1].t) == Kind::String || T.kind(args[1].t) == Kind::UntypedString);
      if (!from_string && (T.kind(args[1].t) != Kind::Slice || T.u(args[1].t).elem != et))
        return bad(e.args[1]->pos, "invalid argument: arguments to copy " + describe(args[0]) + " and " + describe(args[1]) + " have different element types");
      if (T.is_aggregate(et)) return bad(e.pos, "copy of slices of structs or arrays is not supported by the playground");
      if (!from_string && T[et].ptrs) sink(contents_of(args[1].src));   // escape/call.go: "copied slice"
      std::vector<V*> ps{&args[0], &args[1]};
      return bi_call(Builtin::Copy, ps, TypeTable::kInt, false);
    }
    case UB_syncHash: case UB_syncRand: {   // sync.Map's hash-trie (sync_map.h): its hasher, its seed
      std::vector<V> args;
      if (!nargs(id == UB_syncHash ? 2 : 0, id == UB_syncHash ? 2 : 0) || !args_exprs(e, args)) { r.ok = false; return r; }
      std::vector<V*> ps;
      for (V& a : args) ps.push_back(&a);
      return bi_call(id == UB_syncHash ? Builtin::SyncHash : Builtin::SyncRand, ps, TypeTable::kUint64, false);
    }
    case UB_stringsView: case UB_stringsRoundup: {   // strings.Builder's String and grow (strings_builder.h)
      std::vector<V> args;
      if (!nargs(1, 1) || !args_exprs(e, args)) { r.ok = false; return r; }
      const bool view = id == UB_stringsView;
      if (!assignable(args[0], view ? T.slice(TypeTable::kUint8) : TypeTable::kInt, e.args[0]->pos, ("argument to " + name).c_str())) { r.ok = false; return r; }
      std::vector<V*> ps{&args[0]};
      V v = bi_call(view ? Builtin::StringsView : Builtin::RoundUpSize, ps, view ? TypeTable::kString : TypeTable::kInt, false);
      if (view) v.src = contents_of(args[0].src);   // the string is the buffer's bytes
      return v;
    }
    default:
      (void)stmt;
      return bad(e.pos, name + " is not supported by the playground");
  }
}

}  // namespace lang::detail
