// compiler_expand_in_place.cpp — function literals that are only called and functions with
// function-typed parameters, expanded where they are called: the body compiled in the scopes
// it was written in (captures by reference), its function-typed parameters bound to the
// literal or function handed over, nothing allocated.
//
// Models: walk/closure.go and inline/inl.go for function literals (a literal only called is
// inlined where it is called: no closure is allocated); escape/call.go.
//
// Simplifications: a function whose func parameter is used other than called takes func
// values instead (compiler_closures.cpp).

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

// ---------------------------------------------------------------- function literals and functions with function-typed parameters: expanded in place
// hide_scopes_after: the scopes as they were where a body was written, at scope depth
// `depth` with `names_then` in the innermost one: deeper scopes and later names of that scope
// are taken out until unhide_scopes puts them back.
Compiler::HiddenScopes Compiler::hide_scopes_after(size_t depth, const std::set<std::string>& names_then) {
  HiddenScopes h;
  h.deeper.assign(std::make_move_iterator(scopes_.begin() + std::ptrdiff_t(depth)), std::make_move_iterator(scopes_.end()));
  scopes_.resize(depth);
  for (auto it = scopes_.back().begin(); it != scopes_.back().end();) {
    auto next = std::next(it);
    if (!names_then.count(it->first)) h.later.push_back(scopes_.back().extract(it));
    it = next;
  }
  return h;
}

void Compiler::unhide_scopes(HiddenScopes& h) {
  for (auto& n : h.later) scopes_.back().insert(std::move(n));
  for (auto& sc : h.deeper) scopes_.push_back(std::move(sc));
}

bool Compiler::declare_closure(const Expr& name, const Expr& lit) {
  if (name.name == "_") return true;
  if (scopes_.back().count(name.name)) return fail(name.pos, "no new variables on left side of :=");
  auto c = std::make_unique<ClosureDef>();
  c->lit = lit.lit.get();
  c->name = name.name;
  c->depth = scopes_.size();
  c->floor = scope_floor_;
  for (const auto& kv : scopes_.back()) c->names_then.insert(kv.first);
  add_closure(name, std::move(c));
  return true;
}

// add_closure declares name, in the innermost scope, as the closure c.
void Compiler::add_closure(const Expr& name, std::unique_ptr<ClosureDef> c) {
  Entity e;
  e.k = Entity::Closure;
  e.slot = int(closures_.size());
  e.name = name.name;
  e.pos = name.pos;
  closures_.push_back(std::move(c));
  scopes_.back()[name.name] = e;
}

// closure_call expands a function literal's body at a call (see ClosureDef).
V Compiler::closure_call(const Expr& e, ClosureDef& c) {
  if (c.range_body) return range_body_call(e, c);   // the body of a range over a function (compiler_range_func.cpp)
  if (c.static_iter) return held_iter_refused(*e.x);
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
    return arg_count_error(e, e.args.size(), params.size(), c.name);
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
  HiddenScopes hidden = hide_scopes_after(c.depth, c.names_then);
  auto restore = [&] { unhide_scopes(hidden); };
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
    return arg_count_error(e, e.args.size(), fd.params.size() - first, recv ? expr_str(*e.x) : fd.name);
  // Arguments first, in the caller's scopes: values copied to slots of their own,
  // function arguments bound by name.
  std::vector<V> values(fd.params.size());
  std::vector<Entity> funcs(fd.params.size());
  // an iterator's maker passed to a parameter ranged over (maps.Values(m), evens(n), or a
  // variable holding one): its call, and its arguments evaluated here
  std::vector<const Expr*> iter_calls(fd.params.size(), nullptr);
  std::vector<std::vector<V>> iter_args(fd.params.size());
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
    if (func_typed_param(fd, i)) {
      Entity& f = funcs[i];
      if (const Expr& made = static_iter_of(*a); a->kind != Expr::FuncLitE && iterator_call(made)) {
        iter_calls[i] = &made;
        if (!static_iter_args(made, iter_args[i])) { V v; v.ok = false; return v; }
        continue;
      }
      if (a->kind == Expr::FuncLitE && params_ranged_over(fd).count(fd.params[i].name))
        return bad(a->pos, "a function literal passed to " + fd.name + "'s parameter " + fd.params[i].name +
                               ", which it ranges over, is not supported by the playground: pass a function's name, a generator's call "
                               "or maps' and slices' iterators");
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
      } else if (const int pf = pkg_value_function(*a); pf != -1) {   // sort.Ints: called by name, as gc inlines the call
        if (pf == -2) { V v; v.ok = false; return v; }
        f.k = Entity::Func;
        f.slot = pf;
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
  if (!range_param_inlined(fd)) x.ranging_fd = &fd;
  const size_t saved_floor = scope_floor_;
  scope_floor_ = scopes_.size();
  const bool bound = !tbinds_[size_t(fidx)].empty();
  if (bound) scopes_.push_back(tbinds_[size_t(fidx)]);   // an instance's type parameters
  bound_expansions_ += bound;   // its operands have this instance's types (operand_type)
  push_scope();
  x.scope_base = scopes_.size() - 1;
  for (size_t i = 0; i < fd.params.size(); ++i) {
    const Param& p = fd.params[i];
    if (p.name.empty() || p.name == "_") continue;
    if (iter_calls[i]) {   // the parameter holds the call made of its arguments (declare_static_iter)
      auto held = call_expr(clone_expr(*iter_calls[i]->x), iter_calls[i]->pos);
      for (size_t j = 0; j < iter_args[i].size(); ++j)
        held->args.push_back(hidden_var(p.name + "#" + std::to_string(j), iter_args[i][j], iter_calls[i]->args[j]->pos));
      synthetic_.push_back(std::move(held));
      auto c = std::make_unique<ClosureDef>();
      c->name = p.name;
      c->static_iter = synthetic_.back().get();
      add_closure(*ident_expr(p.name, p.pos), std::move(c));
      scopes_.back()[p.name].used = true;
    } else if (func_typed_param(fd, i) && funcs[i].k != Entity::Var) {   // a literal or a function's name
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
  bound_expansions_ -= bound;
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

}  // namespace lang::detail
