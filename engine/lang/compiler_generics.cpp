// compiler_generics.cpp — generics: type parameters on functions and types, their
// constraints (any, comparable, cmp.Ordered, unions of ~T and T terms, interfaces with
// methods and type sets), explicit instantiation (F[int], Set[string]) and inference of
// type arguments from a call's arguments.
//
// Models: cmd/compile/internal/types2 — instantiate.go (instantiation, "T does not satisfy
// C"), infer.go and unify.go (function argument type inference, then constraint type
// inference through a constraint's core type, untyped constants defaulting last),
// typeset.go (a constraint's type set: terms, ~T, comparable). For what runs, gc compiles
// generic code by GC shape with a dictionary (noder/stencil.go); what a program allocates is
// that of the code written for its type arguments, so here every list of type arguments
// gets its own copy (an instance): a function compiled with its type parameters bound to
// the arguments in a scope of their own, a named type `main.Set[string]` whose methods are
// instantiated with it (so method sets and dynamic dispatch see them).
//
// Simplifications: a generic body is checked where it is instantiated, and every generic
// once more with stand-ins for its type parameters (check_uninstantiated: what is valid
// for the stand-in but not for the whole type set goes unreported); no generic aliases, no generic methods' own method values; inference unifies
// exactly (no inexact unification through interfaces); type sets are checked term by term,
// not intersected.
#include "engine/lang/compiler_impl.h"
#include "engine/lang/parser.h"
#include "engine/lang/sort_slice.h"

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace lang::detail {

namespace {
// Go's messages name the package's own types without "main." (types2's qualifier).
std::string unqualified(std::string s) {
  for (size_t at; (at = s.find("main.")) != std::string::npos;) s.erase(at, 5);
  return s;
}

// mentions: te names one of names (a type parameter still unknown).
bool mentions(const TypeExpr& te, const std::set<std::string>& names) {
  if (te.kind == TypeExpr::Name && te.targs.empty() && names.count(te.name)) return true;
  for (const TypeExpr* c : {te.elem.get(), te.key.get()})
    if (c && mentions(*c, names)) return true;
  for (const auto& a : te.targs)
    if (mentions(*a, names)) return true;
  for (const auto& f : te.fields)
    if (f.type && mentions(*f.type, names)) return true;
  for (const auto* list : {&te.fparams, &te.fresults})
    for (const Param& p : *list)
      if (mentions(*p.type, names)) return true;
  return false;
}

// core_term: the single type a constraint allows (its core type, ~[]E in [S ~[]E, E any]).
const TypeExpr* core_term(const TypeExpr& c, bool& tilde) {
  tilde = false;
  if (c.kind == TypeExpr::Union && c.fields.size() == 1) {
    tilde = c.fields[0].name == "~";
    return c.fields[0].type.get();
  }
  if (c.kind == TypeExpr::Slice || c.kind == TypeExpr::Map || c.kind == TypeExpr::Pointer || c.kind == TypeExpr::Array) return &c;
  return nullptr;
}
}  // namespace

bool Compiler::is_generic(const FuncDecl& fd) {
  if (!fd.tparams.empty()) return true;
  if (!fd.has_recv) return false;
  const TypeExpr* rt = fd.params[0].type.get();
  if (rt->kind == TypeExpr::Pointer) rt = rt->elem.get();
  return !rt->targs.empty();
}

// instance_name spells an instance as reflect and %T do: Pair[string,int].
std::string Compiler::instance_name(const std::string& base, const std::vector<TypeId>& targs) const {
  std::string s = base + "[";
  for (size_t i = 0; i < targs.size(); ++i) {
    if (i) s += ",";
    s += T.name(targs[i]);
  }
  return s + "]";
}

Compiler::Scope Compiler::bindings(const std::vector<TypeParam>& tps, const std::vector<TypeId>& targs) const {
  Scope s;
  for (size_t i = 0; i < tps.size() && i < targs.size(); ++i) {
    Entity e;
    e.k = Entity::Type;
    e.type = targs[i];
    e.name = tps[i].name;
    e.pos = tps[i].pos;
    e.used = true;
    if (tps[i].name != "_") s[tps[i].name] = e;
  }
  return s;
}

// in_scope runs fn with binds as the only scope (a declaration's own, at package level).
bool Compiler::in_scope(Scope binds, const std::function<bool()>& fn) {
  auto saved = std::move(scopes_);
  const size_t saved_floor = scope_floor_;
  scopes_.clear();
  scope_floor_ = 0;
  scopes_.push_back(std::move(binds));
  const bool ok = fn();
  scopes_ = std::move(saved);
  scope_floor_ = saved_floor;
  return ok;
}

// type_args resolves Set[string]'s type arguments in the scope where it is written.
bool Compiler::type_args(const TypeExpr& te, const std::vector<TypeParam>& tps, std::vector<TypeId>& out) {
  if (te.targs.size() != tps.size())
    return fail(te.pos, std::string(te.targs.size() < tps.size() ? "not enough" : "too many") + " type arguments for type " + te.name + ": have " +
                            std::to_string(te.targs.size()) + ", want " + std::to_string(tps.size()));
  for (const auto& a : te.targs) {
    TypeId t;
    if (!type_of(*a, t)) return false;
    out.push_back(t);
  }
  return true;
}

// ---------------------------------------------------------------- constraints
// satisfies: t is in constraint c's type set and has its methods (c is read in the current
// scope, where the type parameters are bound); why says what is missing.
bool Compiler::satisfies(TypeId t, const TypeExpr& c, std::string& why) {
  ++constraint_ctx_;
  const bool ok = satisfies_in(t, c, why);
  --constraint_ctx_;
  return ok;
}

bool Compiler::satisfies_in(TypeId t, const TypeExpr& c, std::string& why) {
  if (c.kind == TypeExpr::Union) {
    for (const FieldDecl& term : c.fields) {
      TypeId tt;
      if (!type_of(*term.type, tt)) return false;
      std::string inner;
      if (T.is_interface(tt) && term.name.empty() ? satisfies(t, *term.type, inner)
                                                 : (term.name == "~" ? T.under(t) == T.under(tt) : t == tt))
        return true;
      if (failed_) return false;
    }
    why = unqualified(T.name(t)) + " missing in " + type_expr_str(c);
    return false;
  }
  if (c.kind == TypeExpr::Interface) {
    TypeId methods;
    if (!interface_type(c, methods)) return false;
    if (!T.u(methods).fields.empty() && !implements(t, methods, why)) return false;
    for (const FieldDecl& f : c.fields)
      if (f.name.empty() && !satisfies(t, *f.type, why)) return false;
    return true;
  }
  TypeId ct;
  if (!type_of(c, ct)) return false;
  if (ct == comparable_type_) {
    if (T.comparable(t)) return true;
    why = unqualified(T.name(t)) + " does not satisfy comparable";
    return false;
  }
  if (ct == ordered_type_) {   // cmp.Ordered: ~int | … | ~uintptr | ~float32 | ~float64 | ~string
    if (T.is_integer(t) || T.kind(t) == Kind::Float64 || T.kind(t) == Kind::String) return true;
    why = unqualified(T.name(t)) + " does not satisfy cmp.Ordered (" + unqualified(T.name(t)) +
          " missing in ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string)";
    return false;
  }
  if (!T.is_interface(ct)) {
    if (t == ct) return true;
    why = unqualified(T.name(t)) + " does not satisfy " + unqualified(T.name(ct));
    return false;
  }
  std::string missing;
  if (!T.u(ct).fields.empty() && !implements(t, ct, missing)) {
    why = unqualified(T.name(t)) + " does not satisfy " + unqualified(T.name(ct)) + " (" + missing + ")";
    return false;
  }
  auto d = constraint_decls_.find(ct);
  if (d == constraint_decls_.end()) return true;
  for (const FieldDecl& f : d->second->fields) {
    if (!f.name.empty()) continue;
    std::string inner;
    if (!satisfies(t, *f.type, inner)) {
      if (failed_) return false;
      why = unqualified(T.name(t)) + " does not satisfy " + unqualified(T.name(ct)) + " (" + inner + ")";
      return false;
    }
  }
  return true;
}

bool Compiler::constraint_ok(const std::vector<TypeParam>& tps, const std::vector<TypeId>& targs, Pos p) {
  return in_scope(bindings(tps, targs), [&] {
    for (size_t i = 0; i < tps.size(); ++i) {
      std::string why;
      if (satisfies(targs[i], *tps[i].constraint, why)) continue;
      if (failed_) return false;
      if (why.rfind(unqualified(T.name(targs[i])) + " does not satisfy", 0) != 0)
        why = unqualified(T.name(targs[i])) + " does not satisfy " + type_expr_str(*tps[i].constraint) + " (" + why + ")";
      return fail(p, why);
    }
    return true;
  });
}

// ---------------------------------------------------------------- instances
bool Compiler::instantiate_type(const Entity& generic, const std::vector<TypeId>& targs, Pos p, TypeId& out) {
  const TypeDecl& td = *generic.tdecl;
  auto key = std::make_pair(&td, targs);
  if (auto it = type_instances_.find(key); it != type_instances_.end()) {
    out = it->second;
    return true;
  }
  if (!constraint_ok(td.tparams, targs, p)) return false;
  const TypeId id = T.named("main." + instance_name(td.name, targs));
  type_instances_[key] = id;
  instance_of_[id] = Instance{&td, targs};
  TypeId u = 0;
  if (!in_scope(bindings(td.tparams, targs), [&] { return type_of(*td.type, u); })) return false;
  if (!T[u].complete && T[u].kind != Kind::Pointer && T[u].kind != Kind::Slice && T[u].kind != Kind::Map)
    return fail(td.pos, "invalid recursive type " + td.name);
  T.complete_named(id, u);
  out = id;
  if (!funcs_ready_) {
    early_instances_.push_back(id);
    return true;
  }
  return instance_methods(id);
}

// instance_methods instantiates every method of an instantiated type at once: its method
// set must be whole for interfaces and dynamic dispatch.
bool Compiler::instance_methods(TypeId inst) {
  const Instance in = instance_of_[inst];
  for (size_t i = 0; i < file_.funcs.size(); ++i) {
    const FuncDecl& fd = file_.funcs[i];
    if (!fd.has_recv || !is_generic(fd)) continue;
    const TypeExpr* rt = fd.params[0].type.get();
    if (rt->kind == TypeExpr::Pointer) rt = rt->elem.get();
    if (rt->name != in.decl->name) continue;
    if (instantiate_func(int(i), in.targs, fd.pos) < 0) return false;
  }
  return true;
}

// instantiate_func: the function (or method of a generic type) generic with targs bound,
// made once and compiled after the functions being compiled now (pending_).
int Compiler::instantiate_func(int generic, const std::vector<TypeId>& targs, Pos p) {
  auto key = std::make_pair(generic, targs);
  if (auto it = func_instances_.find(key); it != func_instances_.end()) return it->second;
  const FuncDecl& fd = decl(generic);
  std::vector<TypeParam> tps;
  std::string name = is_std(fd) ? std_pkg_[&fd] + "[...]" : "main." + fd.name + "[...]";
  if (fd.has_recv) {
    const TypeExpr* rt = fd.params[0].type.get();
    const bool ptr = rt->kind == TypeExpr::Pointer;
    if (ptr) rt = rt->elem.get();
    for (const auto& a : rt->targs) {
      if (a->kind != TypeExpr::Name || !a->targs.empty()) return fail(a->pos, "receiver type parameter " + type_expr_str(*a) + " must be an identifier"), -1;
      tps.push_back(TypeParam{a->pos, a->name, nullptr});
    }
    if (tps.size() != targs.size()) return fail(fd.params[0].pos, "receiver declares " + std::to_string(tps.size()) + " type parameters, but receiver base type declares " + std::to_string(targs.size())), -1;
    name = ptr ? "main.(*" + rt->name + "[...])." + fd.name : "main." + rt->name + "[...]." + fd.name;
  } else {
    tps = std::vector<TypeParam>();
    for (const TypeParam& tp : fd.tparams) tps.push_back(TypeParam{tp.pos, tp.name, nullptr});
    std_ctx_ += is_std(fd);
    const bool ok = constraint_ok(fd.tparams, targs, p);
    std_ctx_ -= is_std(fd);
    if (!ok) return -1;
  }
  int fidx;
  if (!add_function(fd, bindings(tps, targs), name, fidx)) return -1;
  func_instances_[key] = fidx;
  pending_.push_back(fidx);
  if (fd.has_recv) add_methods(fidx);
  return fidx;
}

// ---------------------------------------------------------------- bodies checked at their definition
// gc type-checks a generic body once, against its constraints, so an error in a generic
// function or type is reported whether or not anybody instantiates it, and whatever its
// instances are (types2: the body is checked with its type parameters as types of their
// own). Here a body is only ever checked in an instance, so check_uninstantiated makes one
// for each generic, instantiated or not, with stand-ins for its
// type parameters (stand_in): a type of the parameter's own name (errors say `T`, as gc's
// do) whose underlying type is one of its type set's — so whatever a correct body does with
// it compiles — or the constraint's interface of methods (`any`: an empty struct). An instance that no call reaches is dead code.
// A binary operator on a stand-in is checked against its whole type set (type_set_op: `x +
// y` on a `comparable` T, `a < b` or `==` on an `any` T, `%` on `~int | ~float64` are
// refused with gc's messages). Simplifications: unary operators and conversions are checked
// against the stand-in only; a union whose first term is exact (`int | float64`: its
// stand-in is int itself), a constraint with both methods and type terms, or type
// parameters constraining each other in a cycle, leave the body unchecked.
TypeId Compiler::stand_in(const std::string& name, const TypeExpr& c) {
  auto own = [&](TypeId under) {
    // any's stand-in is a struct{}, not an interface: what is assignable to an interface
    // is not assignable to a T constrained by any (`return s` of an S as an E)
    if (T.is_interface(under) && T.u(under).fields.empty()) under = T.structure({});
    const TypeId id = T.named(name);
    T.complete_named(id, T.under(under));
    stand_in_types_.insert(id);
    return id;
  };
  TypeId t = 0;
  switch (c.kind) {
    case TypeExpr::Union: {   // the first term
      const FieldDecl& term = c.fields.front();
      if (!type_of(*term.type, t)) return 0;
      if (term.name == "~") return own(t);
      return T.is_interface(t) ? stand_in(name, *term.type) : t;
    }
    case TypeExpr::Interface: {
      const TypeExpr* term = nullptr;
      bool methods = false;
      for (const FieldDecl& f : c.fields) {
        if (!f.name.empty()) methods = true;
        else if (!term) term = f.type.get();
      }
      if (term && methods) return 0;
      if (term) return stand_in(name, *term);
      return interface_type(c, t) ? own(t) : 0;
    }
    default: break;
  }
  if (!type_of(c, t)) return 0;
  if (t == comparable_type_ || t == ordered_type_) return own(TypeTable::kInt);
  if (!T.is_interface(t)) return t;
  if (auto d = constraint_decls_.find(t); d != constraint_decls_.end()) return stand_in(name, *d->second);
  return own(t);
}

// stand_ins: one stand-in per type parameter, those a constraint names first ([S ~[]E, E
// any]: E, then S); false (failed_ unset) when the body cannot be checked this way.
bool Compiler::stand_ins(const std::vector<TypeParam>& tps, std::vector<TypeId>& out) {
  std::set<std::string> names;
  for (const TypeParam& tp : tps) names.insert(tp.name);
  std::function<void(const TypeExpr&, std::set<std::string>&)> named_in = [&](const TypeExpr& te, std::set<std::string>& found) {
    if (te.kind == TypeExpr::Name && names.count(te.name)) found.insert(te.name);
    for (const TypeExpr* sub : {te.elem.get(), te.key.get()})
      if (sub) named_in(*sub, found);
    for (const FieldDecl& f : te.fields)
      if (f.type) named_in(*f.type, found);
    for (const auto& a : te.targs) named_in(*a, found);
    for (const auto* list : {&te.fparams, &te.fresults})
      for (const Param& p : *list)
        if (p.type) named_in(*p.type, found);
  };
  out.assign(tps.size(), 0);
  for (size_t round = 0; round < tps.size(); ++round) {
    bool progress = false;
    for (size_t i = 0; i < tps.size(); ++i) {
      if (out[i] || !tps[i].constraint) continue;
      std::set<std::string> needs;
      named_in(*tps[i].constraint, needs);
      bool ready = true;
      for (size_t j = 0; j < tps.size(); ++j)
        if (needs.count(tps[j].name) && !out[j]) ready = false;
      if (!ready) continue;
      Scope binds = bindings(tps, out);
      for (const TypeParam& tp : tps)   // the ones without a stand-in yet
        if (auto it = binds.find(tp.name); it != binds.end() && it->second.type == 0) binds.erase(it);
      TypeId t = 0;
      ++constraint_ctx_;   // constraint interfaces are read as constraints
      in_scope(binds, [&] { t = stand_in(tps[i].name, *tps[i].constraint); return t != 0; });
      --constraint_ctx_;
      if (failed_ || !t) return false;
      out[i] = t;
      progress = true;
    }
    if (!progress) break;
  }
  for (TypeId t : out)
    if (!t) return false;
  return in_scope(bindings(tps, out), [&] {   // a stand-in outside its type set: not checked
    for (size_t i = 0; i < tps.size(); ++i) {
      std::string why;
      if (!satisfies(out[i], *tps[i].constraint, why)) return false;
      if (!stand_in_types_.count(out[i])) continue;
      TypeSet ts;
      ts.constraint = type_expr_str(*tps[i].constraint);
      if (tps[i].constraint->kind == TypeExpr::Union)   // types2 writes a union's terms unspaced: ~string|~int
        std::erase(ts.constraint, ' ');
      ++constraint_ctx_;
      const bool known = type_set_terms(*tps[i].constraint, ts.terms);
      --constraint_ctx_;
      if (failed_) return false;
      ts.comparable = known && ts.terms.size() == 1 && ts.terms[0] == comparable_type_;
      if (ts.comparable) ts.terms.clear();
      if (known) stand_in_sets_[out[i]] = std::move(ts);
    }
    return true;
  });
}

// type_set_terms lists the types of a constraint's type set (cmp.Ordered: int, float64,
// string stand for its integers, floats and strings); empty for a constraint of methods only
// (any type); just comparable_type_ for comparable. False when not known here (a union
// mixing comparable or methods with terms).
bool Compiler::type_set_terms(const TypeExpr& c, std::vector<TypeId>& terms, int depth) {
  if (depth > 8) return false;
  if (c.kind == TypeExpr::Union) {
    for (const FieldDecl& term : c.fields) {
      std::vector<TypeId> sub;
      if (!type_set_terms(*term.type, sub, depth + 1) || sub.empty()) return false;
      terms.insert(terms.end(), sub.begin(), sub.end());
    }
    return true;
  }
  if (c.kind == TypeExpr::Interface) {
    bool methods = false, embedded = false;
    for (const FieldDecl& f : c.fields) {
      if (!f.name.empty()) { methods = true; continue; }
      if (embedded) return false;   // an intersection of two type sets
      embedded = true;
      if (!type_set_terms(*f.type, terms, depth + 1)) return false;
    }
    return !(methods && !terms.empty());
  }
  TypeId t = 0;
  if (!type_of(c, t)) return false;
  if (t == comparable_type_) {
    terms.push_back(t);
    return true;
  }
  if (t == ordered_type_) {
    terms.insert(terms.end(), {TypeTable::kInt, TypeTable::kFloat64, TypeTable::kString});
    return true;
  }
  if (!T.is_interface(t)) {
    terms.push_back(t);
    return true;
  }
  if (auto d = constraint_decls_.find(t); d != constraint_decls_.end()) return type_set_terms(*d->second, terms, depth + 1);
  return true;   // an interface of methods (any, fmt.Stringer): any type
}

// type_set_op: op (a binary operator) is defined on every type of stand-in t's type set, or
// an error as types2 words it (expr.go: comparison's "incomparable types in type set", "type
// parameter T cannot use operator <"; op's "operator + not defined on a (variable of type T
// constrained by comparable)"), at the left operand (px), as gc reports it.
bool Compiler::type_set_op(Tok op, TypeId t, const V& x, Pos px, const Expr* whole) {
  const auto it = stand_in_sets_.find(t);
  if (it == stand_in_sets_.end()) return true;
  const TypeSet& ts = it->second;
  const std::string tp = T.name(t);
  const bool any = !ts.comparable && ts.terms.empty();
  const std::string text = whole && whole->kind == Expr::Binary ? expr_str(*whole->x) + " " + tok_string(op) + " " + expr_str(*whole->y) : tp;
  if (op == Tok::Eql || op == Tok::Neq) {
    bool ok = !any;
    for (TypeId term : ts.terms) ok = ok && T.comparable(term);
    return ok || fail(px, "invalid operation: " + text + " (incomparable types in type set)");
  }
  if (is_cmp(op)) {
    bool ok = !any && !ts.comparable;
    for (TypeId term : ts.terms) ok = ok && (T.is_numeric(term) || T.kind(term) == Kind::String);
    return ok || fail(px, "invalid operation: " + text + " (type parameter " + tp +
                              (typeparam_cannot_use_operator_ ? " cannot use operator " : " is not comparable with ") + tok_string(op) + ")");
  }
  bool ok = !any && !ts.comparable;
  for (TypeId term : ts.terms) {
    const Kind k = T.kind(term);
    if (k == Kind::String) ok = ok && op == Tok::Add;
    else if (k == Kind::Float64) ok = ok && (op == Tok::Add || op == Tok::Sub || op == Tok::Mul || op == Tok::Quo);
    else ok = ok && T.is_integer(term);
  }
  const std::string typed = "of type " + tp + " constrained by " + ts.constraint;
  const std::string operand = x.var.empty() ? "value " + typed : x.var + " (variable " + typed + ")";
  return ok || fail(px, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on " + operand);
}

// type_set_unary: a unary operator on stand-in t is defined on every type of its type set
// (types2 expr.go unary: + and - on numbers, ^ on integers, ! on booleans), or gc's "operator
// - not defined on x (variable of type T constrained by comparable)", at the operand.
bool Compiler::type_set_unary(Tok op, TypeId t, const V& x, Pos px) {
  const auto it = stand_in_sets_.find(t);
  if (it == stand_in_sets_.end()) return true;
  const TypeSet& ts = it->second;
  bool ok = !ts.comparable && !ts.terms.empty();
  for (TypeId term : ts.terms) {
    const Kind k = T.kind(term);
    if (op == Tok::Not) ok = ok && k == Kind::Bool;
    else if (op == Tok::Xor) ok = ok && T.is_integer(term);
    else ok = ok && T.is_numeric(term);
  }
  const std::string typed = "of type " + T.name(t) + " constrained by " + ts.constraint;
  const std::string operand = x.var.empty() ? "value " + typed : x.var + " (variable " + typed + ")";
  return ok || fail(px, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on " + operand);
}

bool Compiler::check_uninstantiated() {
  // every generic, instantiated or not: gc checks the body once against its constraints, so
  // `s += x` on a comparable T is refused even when every instance is of int
  for (const TypeDecl& td : file_.types) {
    if (td.tparams.empty() || td.alias || td.pos.line >= kLibraryFirstLine) continue;
    std::vector<TypeId> targs;
    if (!stand_ins(td.tparams, targs)) {
      if (failed_) return false;
      continue;
    }
    TypeId inst;
    if (!instantiate_type(pkg_[td.name], targs, td.pos, inst)) return false;   // its methods with it
  }
  for (size_t i = 0; i < file_.funcs.size(); ++i) {
    const FuncDecl& fd = file_.funcs[i];
    if (fd.tparams.empty() || fd.has_recv || fd.pos.line >= kLibraryFirstLine) continue;
    std::vector<TypeId> targs;
    if (!stand_ins(fd.tparams, targs)) {
      if (failed_) return false;
      continue;
    }
    if (instantiate_func(int(i), targs, fd.pos) < 0) return false;
  }
  return true;
}

// ---------------------------------------------------------------- inference
// unify matches a parameter's type expression with an argument's type, binding the type
// parameters it names (unify.go, exact unification; a composite parameter type matches
// an argument of a named type with that underlying type, as inexact unification does).
bool Compiler::unify(const TypeExpr& pt, TypeId at, const std::set<std::string>& tparams, std::map<std::string, TypeId>& bound) {
  switch (pt.kind) {
    case TypeExpr::Name:
      if (pt.targs.empty() && tparams.count(pt.name)) {
        if (!bound.count(pt.name) && !T.is_untyped(at)) bound[pt.name] = at;
        return true;
      }
      if (!pt.targs.empty()) {
        auto in = instance_of_.find(at);
        if (in != instance_of_.end() && in->second.decl->name == pt.name)
          for (size_t i = 0; i < pt.targs.size() && i < in->second.targs.size(); ++i) unify(*pt.targs[i], in->second.targs[i], tparams, bound);
      }
      return true;
    case TypeExpr::Pointer: case TypeExpr::Slice: case TypeExpr::Array: {
      const Kind want = pt.kind == TypeExpr::Pointer ? Kind::Pointer : pt.kind == TypeExpr::Slice ? Kind::Slice : Kind::Array;
      if (T.kind(at) == want) unify(*pt.elem, T.u(at).elem, tparams, bound);
      return true;
    }
    case TypeExpr::Map:
      if (T.kind(at) == Kind::Map) {
        unify(*pt.key, T.u(at).key, tparams, bound);
        unify(*pt.elem, T.u(at).elem, tparams, bound);
      }
      return true;
    case TypeExpr::Func:   // func(yield func(V) bool) against a func value's signature (params, then results)
      if (T.kind(at) == Kind::Func) {
        const Type& ft = T.u(at);
        const size_t np = size_t(ft.len);
        for (size_t j = 0; j < pt.fparams.size() && j < np; ++j) unify(*pt.fparams[j].type, ft.fields[j].type, tparams, bound);
        for (size_t j = 0; j < pt.fresults.size() && np + j < ft.fields.size(); ++j) unify(*pt.fresults[j].type, ft.fields[np + j].type, tparams, bound);
      }
      return true;
    default: return true;
  }
}

// infer completes targs (the explicit ones first) from the call's arguments, then from the
// constraints' core types; untyped constants give their default type last.
bool Compiler::infer(const Expr& e, const FuncDecl& fd, std::vector<TypeId>& targs) {
  std::set<std::string> names;
  std::map<std::string, TypeId> bound;
  for (size_t i = 0; i < fd.tparams.size(); ++i) {
    names.insert(fd.tparams[i].name);
    if (i < targs.size()) bound[fd.tparams[i].name] = targs[i];
  }
  if (targs.size() == fd.tparams.size()) return true;
  std::map<std::string, TypeId> untyped;   // a bare type parameter handed an untyped constant
  const bool variadic = !fd.params.empty() && fd.params.back().variadic;
  for (size_t i = 0; i < e.args.size(); ++i) {
    size_t pi = i;   // the parameter e.args[i] goes to (xs ...T takes the rest)
    if (pi >= fd.params.size()) {
      if (!variadic) break;
      pi = fd.params.size() - 1;
    }
    const bool spread = variadic && e.has_ellipsis && pi + 1 == fd.params.size();   // f(xs...)
    const TypeExpr& pt = *fd.params[pi].type;
    const Expr* a = e.args[i].get();
    while (a->kind == Expr::Paren) a = a->x.get();
    if (pt.kind == TypeExpr::Func) {   // a literal's or a function's signature
      std::vector<TypeId> ps, rs;
      if (a->kind == Expr::FuncLitE) {
        for (const auto* list : {&a->lit->params, &a->lit->results})
          for (const Param& p : *list) {
            TypeId t;
            if (!type_of(*p.type, t)) return false;
            (list == &a->lit->params ? ps : rs).push_back(t);
          }
      } else if (const Entity* f = a->kind == Expr::Ident ? lookup(a->name) : nullptr; f && f->k == Entity::Func && !is_generic(decl(f->slot))) {
        ps = prog_.funcs[size_t(f->slot)].param_types;
        rs = prog_.funcs[size_t(f->slot)].result_types;
      } else if (TypeId ft; operand_type(*a, ft) && T.kind(ft) == Kind::Func) {   // a func value: iter.Pull(maps.Keys(m))
        unify(pt, ft, names, bound);
        continue;
      }
      for (size_t j = 0; j < ps.size() && j < pt.fparams.size(); ++j) unify(*pt.fparams[j].type, ps[j], names, bound);
      for (size_t j = 0; j < rs.size() && j < pt.fresults.size(); ++j) unify(*pt.fresults[j].type, rs[j], names, bound);
      continue;
    }
    TypeId at;
    if (!operand_type(*a, at)) return false;
    if (spread && T.kind(at) == Kind::Slice) at = T.u(at).elem;
    if (T.is_untyped(at)) {
      if (pt.kind == TypeExpr::Name && names.count(pt.name) && at != TypeTable::kUntypedNil) {
        // the "largest" default among several untyped constants (infer.go: int < rune < float)
        TypeId& u = untyped[pt.name];
        auto rank = [](TypeId x) { return x == TypeTable::kUntypedFloat ? 3 : x == TypeTable::kUntypedRune ? 2 : x ? 1 : 0; };
        if (rank(at) > rank(u)) u = at;
      }
      continue;
    }
    unify(pt, at, names, bound);
  }
  // constraint type inference: a type parameter whose constraint has a core type
  for (size_t round = 0; round <= fd.tparams.size(); ++round) {
    for (const TypeParam& tp : fd.tparams) {
      bool tilde;
      const TypeExpr* core = core_term(*tp.constraint, tilde);
      if (!core) continue;
      if (bound.count(tp.name)) {
        unify(*core, tilde ? T.under(bound[tp.name]) : bound[tp.name], names, bound);
        continue;
      }
      std::set<std::string> unknown;
      for (const std::string& n : names)
        if (!bound.count(n)) unknown.insert(n);
      if (mentions(*core, unknown)) continue;
      Scope binds;
      for (const auto& [n, t] : bound) {
        Entity b;
        b.k = Entity::Type;
        b.type = t;
        binds[n] = b;
      }
      TypeId t;
      if (!in_scope(binds, [&] { return type_of(*core, t); })) return false;
      bound[tp.name] = t;
    }
  }
  for (const auto& [n, t] : untyped)
    if (!bound.count(n)) bound[n] = T.default_type(t);
  targs.clear();
  for (const TypeParam& tp : fd.tparams) {
    if (!bound.count(tp.name))
      return fail(e.x->pos, "in call to " + (is_std(fd) ? std_pkg_[&fd] : fd.name) + ", cannot infer " + tp.name + " (declared at " + std::to_string(tp.pos.line) + ":" +
                                std::to_string(tp.pos.col) + ")");
    targs.push_back(bound[tp.name]);
  }
  return true;
}

bool Compiler::explicit_targs(const Expr& index, const FuncDecl& fd, std::vector<TypeId>& out) {
  std::vector<const Expr*> list;
  if (index.args.empty()) list.push_back(index.y.get());
  for (const auto& a : index.args) list.push_back(a.get());
  if (list.size() > fd.tparams.size())
    return fail(list[fd.tparams.size()]->pos, "got " + std::to_string(list.size()) + " type arguments but want " + std::to_string(fd.tparams.size()));
  for (const Expr* a : list) {
    V v = expr(*a);
    if (!v.ok) return false;
    if (!v.is_type) return fail(a->pos, expr_str(*a) + " is not a type");
    out.push_back(v.t);
  }
  return true;
}

// generic_call: F(args) or F[T…](args) — the instance for the (inferred) type arguments,
// called as any function is.
V Compiler::generic_call(const Expr& e, int generic, const Expr* index) {
  const FuncDecl& fd = decl(generic);
  std::vector<TypeId> targs;
  if (index && !explicit_targs(*index, fd, targs)) { V v; v.ok = false; return v; }
  if (!infer(e, fd, targs)) { V v; v.ok = false; return v; }
  const int fidx = instantiate_func(generic, targs, index ? index->x->pos : e.x->pos);
  if (fidx < 0) { V v; v.ok = false; return v; }
  return func_params_[size_t(fidx)] ? expand_call(e, fidx) : user_call(e, fidx);
}

// generic_index: Set[string] (a type) in an expression; F[int] not called is refused.
bool Compiler::generic_index(const Expr& e, V& out) {
  out = V{};
  const Entity* en = lookup(e.x->name);
  if (en->k == Entity::Func) {
    out.ok = false;
    return fail(e.pos, "function values are not supported by the playground (" + e.x->name + "[…] must be called)");
  }
  std::vector<const Expr*> list;
  if (e.args.empty()) list.push_back(e.y.get());
  for (const auto& a : e.args) list.push_back(a.get());
  const auto& tps = en->tdecl->tparams;
  if (list.size() != tps.size()) {
    out.ok = false;
    return fail(e.pos, std::string(list.size() < tps.size() ? "not enough" : "too many") + " type arguments for type " + e.x->name + ": have " +
                           std::to_string(list.size()) + ", want " + std::to_string(tps.size()));
  }
  std::vector<TypeId> targs;
  for (const Expr* a : list) {
    V v = expr(*a);
    if (!v.ok || !v.is_type) {
      out.ok = false;
      return v.ok ? fail(a->pos, expr_str(*a) + " is not a type") : false;
    }
    targs.push_back(v.t);
  }
  TypeId t;
  if (!instantiate_type(*en, targs, e.pos, t)) {
    out.ok = false;
    return false;
  }
  out.is_type = true;
  out.t = t;
  return true;
}

// ---------------------------------------------------------------- the standard library's generic functions
// cmp and slices functions written in Go as their packages write them (go1.21
// src/cmp/cmp.go, src/slices/slices.go; NaN ordering left out): compiled as the program's
// own generic functions are, so an instance allocates what the library's code does (none
// of these allocates). pkg_Name declares pkg.Name. SortFunc and SortStableFunc are go1.21–
// 1.27 src/slices/zsortanyfunc.go (pdqsort; insertion sort and symMerge), identical in every
// release, so equal elements end where real Go puts them; their helpers call each other as
// slices.name (std_funcs_), a program cannot (unexported: pkg_call). Rewritten without what
// the subset lacks, same steps: sortedHint is an int (0 unknown, 1 increasing, 2
// decreasing), xorshift's Next (its shifts the release's) and bits.Len are written out, medianCmpFunc returns the swap
// count instead of incrementing *swaps, constants are literals.
namespace {
constexpr const char* kStdGenerics = R"go(package main
func cmp_Compare[T cmp.Ordered](x, y T) int {
	if x < y {
		return -1
	}
	if x > y {
		return +1
	}
	return 0
}
func cmp_Less[T cmp.Ordered](x, y T) bool { return x < y }
func slices_Contains[S ~[]E, E comparable](s S, v E) bool {
	for i := range s {
		if v == s[i] {
			return true
		}
	}
	return false
}
func slices_Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}
func slices_Max[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) < 1 {
		panic("slices.Max: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		m = max(m, x[i])
	}
	return m
}
func slices_Min[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) < 1 {
		panic("slices.Min: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		m = min(m, x[i])
	}
	return m
}
func slices_Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}
func slices_Equal[S ~[]E, E comparable](s1, s2 S) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}
func slices_SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	n := len(x)
	limit := 0
	for l := uint(n); l > 0; l >>= 1 {
		limit++
	}
	slices.pdqsortCmpFunc(x, 0, n, limit, cmp)
}
func slices_SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	slices.stableCmpFunc(x, len(x), cmp)
}
func slices_insertionSortCmpFunc[E any](data []E, a, b int, cmp func(a, b E) int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && (cmp(data[j], data[j-1]) < 0); j-- {
			data[j], data[j-1] = data[j-1], data[j]
		}
	}
}
func slices_siftDownCmpFunc[E any](data []E, lo, hi, first int, cmp func(a, b E) int) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			break
		}
		if child+1 < hi && (cmp(data[first+child], data[first+child+1]) < 0) {
			child++
		}
		if !(cmp(data[first+root], data[first+child]) < 0) {
			return
		}
		data[first+root], data[first+child] = data[first+child], data[first+root]
		root = child
	}
}
func slices_heapSortCmpFunc[E any](data []E, a, b int, cmp func(a, b E) int) {
	first := a
	lo := 0
	hi := b - a
	for i := (hi - 1) / 2; i >= 0; i-- {
		slices.siftDownCmpFunc(data, i, hi, first, cmp)
	}
	for i := hi - 1; i >= 0; i-- {
		data[first], data[first+i] = data[first+i], data[first]
		slices.siftDownCmpFunc(data, lo, i, first, cmp)
	}
}
func slices_pdqsortCmpFunc[E any](data []E, a, b, limit int, cmp func(a, b E) int) {
	wasBalanced, wasPartitioned := true, true
	for {
		length := b - a
		if length <= 12 {
			slices.insertionSortCmpFunc(data, a, b, cmp)
			return
		}
		if limit == 0 {
			slices.heapSortCmpFunc(data, a, b, cmp)
			return
		}
		if !wasBalanced {
			slices.breakPatternsCmpFunc(data, a, b, cmp)
			limit--
		}
		pivot, hint := slices.choosePivotCmpFunc(data, a, b, cmp)
		if hint == 2 {
			slices.reverseRangeCmpFunc(data, a, b, cmp)
			pivot = (b - 1) - (pivot - a)
			hint = 1
		}
		if wasBalanced && wasPartitioned && hint == 1 {
			if slices.partialInsertionSortCmpFunc(data, a, b, cmp) {
				return
			}
		}
		if a > 0 && !(cmp(data[a-1], data[pivot]) < 0) {
			mid := slices.partitionEqualCmpFunc(data, a, b, pivot, cmp)
			a = mid
			continue
		}
		mid, alreadyPartitioned := slices.partitionCmpFunc(data, a, b, pivot, cmp)
		wasPartitioned = alreadyPartitioned
		leftLen, rightLen := mid-a, b-mid
		balanceThreshold := length / 8
		if leftLen < rightLen {
			wasBalanced = leftLen >= balanceThreshold
			slices.pdqsortCmpFunc(data, a, mid, limit, cmp)
			a = mid + 1
		} else {
			wasBalanced = rightLen >= balanceThreshold
			slices.pdqsortCmpFunc(data, mid+1, b, limit, cmp)
			b = mid
		}
	}
}
func slices_partitionCmpFunc[E any](data []E, a, b, pivot int, cmp func(a, b E) int) (int, bool) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1
	for i <= j && (cmp(data[i], data[a]) < 0) {
		i++
	}
	for i <= j && !(cmp(data[j], data[a]) < 0) {
		j--
	}
	if i > j {
		data[j], data[a] = data[a], data[j]
		return j, true
	}
	data[i], data[j] = data[j], data[i]
	i++
	j--
	for {
		for i <= j && (cmp(data[i], data[a]) < 0) {
			i++
		}
		for i <= j && !(cmp(data[j], data[a]) < 0) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	data[j], data[a] = data[a], data[j]
	return j, false
}
func slices_partitionEqualCmpFunc[E any](data []E, a, b, pivot int, cmp func(a, b E) int) int {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1
	for {
		for i <= j && !(cmp(data[a], data[i]) < 0) {
			i++
		}
		for i <= j && (cmp(data[a], data[j]) < 0) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	return i
}
func slices_partialInsertionSortCmpFunc[E any](data []E, a, b int, cmp func(a, b E) int) bool {
	i := a + 1
	for j := 0; j < 5; j++ {
		for i < b && !(cmp(data[i], data[i-1]) < 0) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < 50 {
			return false
		}
		data[i], data[i-1] = data[i-1], data[i]
		if i-a >= 2 {
			for j := i - 1; j >= 1; j-- {
				if !(cmp(data[j], data[j-1]) < 0) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
		if b-i >= 2 {
			for j := i + 1; j < b; j++ {
				if !(cmp(data[j], data[j-1]) < 0) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
	}
	return false
}
func slices_breakPatternsCmpFunc[E any](data []E, a, b int, cmp func(a, b E) int) {
	length := b - a
	if length >= 8 {
		random := uint64(length)
		modulus := uint(1)
		for l := uint(length); l > 0; l >>= 1 {
			modulus <<= 1
		}
		for idx := a + (length/4)*2 - 1; idx <= a+(length/4)*2+1; idx++ {
			random ^= random << 13
			random ^= random >> XORSHIFT_B
			random ^= random << XORSHIFT_C
			other := int(uint(random) & (modulus - 1))
			if other >= length {
				other -= length
			}
			data[idx], data[a+other] = data[a+other], data[idx]
		}
	}
}
func slices_choosePivotCmpFunc[E any](data []E, a, b int, cmp func(a, b E) int) (int, int) {
	l := b - a
	swaps := 0
	i := a + l/4*1
	j := a + l/4*2
	k := a + l/4*3
	if l >= 8 {
		if l >= 50 {
			i, swaps = slices.medianCmpFunc(data, i-1, i, i+1, swaps, cmp)
			j, swaps = slices.medianCmpFunc(data, j-1, j, j+1, swaps, cmp)
			k, swaps = slices.medianCmpFunc(data, k-1, k, k+1, swaps, cmp)
		}
		j, swaps = slices.medianCmpFunc(data, i, j, k, swaps, cmp)
	}
	switch swaps {
	case 0:
		return j, 1
	case 12:
		return j, 2
	default:
		return j, 0
	}
}
func slices_order2CmpFunc[E any](data []E, a, b int, swaps int, cmp func(a, b E) int) (int, int, int) {
	if cmp(data[b], data[a]) < 0 {
		return b, a, swaps + 1
	}
	return a, b, swaps
}
func slices_medianCmpFunc[E any](data []E, a, b, c int, swaps int, cmp func(a, b E) int) (int, int) {
	a, b, swaps = slices.order2CmpFunc(data, a, b, swaps, cmp)
	b, c, swaps = slices.order2CmpFunc(data, b, c, swaps, cmp)
	a, b, swaps = slices.order2CmpFunc(data, a, b, swaps, cmp)
	return b, swaps
}
func slices_reverseRangeCmpFunc[E any](data []E, a, b int, cmp func(a, b E) int) {
	i := a
	j := b - 1
	for i < j {
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
}
func slices_swapRangeCmpFunc[E any](data []E, a, b, n int, cmp func(a, b E) int) {
	for i := 0; i < n; i++ {
		data[a+i], data[b+i] = data[b+i], data[a+i]
	}
}
func slices_stableCmpFunc[E any](data []E, n int, cmp func(a, b E) int) {
	blockSize := 20
	a, b := 0, blockSize
	for b <= n {
		slices.insertionSortCmpFunc(data, a, b, cmp)
		a = b
		b += blockSize
	}
	slices.insertionSortCmpFunc(data, a, n, cmp)
	for blockSize < n {
		a, b = 0, 2*blockSize
		for b <= n {
			slices.symMergeCmpFunc(data, a, a+blockSize, b, cmp)
			a = b
			b += 2 * blockSize
		}
		if m := a + blockSize; m < n {
			slices.symMergeCmpFunc(data, a, m, n, cmp)
		}
		blockSize *= 2
	}
}
func slices_symMergeCmpFunc[E any](data []E, a, m, b int, cmp func(a, b E) int) {
	if m-a == 1 {
		i := m
		j := b
		for i < j {
			h := int(uint(i+j) >> 1)
			if cmp(data[h], data[a]) < 0 {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := a; k < i-1; k++ {
			data[k], data[k+1] = data[k+1], data[k]
		}
		return
	}
	if b-m == 1 {
		i := a
		j := m
		for i < j {
			h := int(uint(i+j) >> 1)
			if !(cmp(data[m], data[h]) < 0) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := m; k > i; k-- {
			data[k], data[k-1] = data[k-1], data[k]
		}
		return
	}
	mid := int(uint(a+b) >> 1)
	n := mid + m
	var start, r int
	if m > mid {
		start = n - b
		r = mid
	} else {
		start = a
		r = m
	}
	p := n - 1
	for start < r {
		c := int(uint(start+r) >> 1)
		if !(cmp(data[p-c], data[c]) < 0) {
			start = c + 1
		} else {
			r = c
		}
	}
	end := n - start
	if start < m && m < end {
		slices.rotateCmpFunc(data, start, m, end, cmp)
	}
	if a < start && start < mid {
		slices.symMergeCmpFunc(data, a, start, mid, cmp)
	}
	if mid < end && end < b {
		slices.symMergeCmpFunc(data, mid, end, b, cmp)
	}
}
func slices_rotateCmpFunc[E any](data []E, a, m, b int, cmp func(a, b E) int) {
	i := m - a
	j := b - m
	for i != j {
		if i > j {
			slices.swapRangeCmpFunc(data, m-i, m, j, cmp)
			i -= j
		} else {
			slices.swapRangeCmpFunc(data, m-i, m+j-i, i, cmp)
			j -= i
		}
	}
	slices.swapRangeCmpFunc(data, m-i, m, i, cmp)
}
)go";
}  // namespace

// std_generics declares the library's generic functions for the packages the program
// imports (after its own functions: their indices are the program's).
bool Compiler::std_generics() {
  bool wanted = false, sort = false;
  for (const auto& kv : imports_) {
    wanted = wanted || kv.second.name == "cmp" || kv.second.name == "slices";
    sort = sort || kv.second.name == "sort";
  }
  if (!wanted && !sort) return true;
  std::string src = wanted ? kStdGenerics : "package main\n";
  if (sort) {   // sort_slice.h: zsortfunc.go's helpers made from slices' (one template in Go), once
    static const std::string sort_src = sort_generics(kStdGenerics);
    src += sort_src;
  }
  // xorshift's shifts, as the release's slices/sort.go and sort/sort.go have them
  // (Profile::library.sort_xorshift_64)
  const bool xs64 = lib_.sort_xorshift_64;
  for (const auto& [mark, shift] : {std::pair<std::string, std::string>{"XORSHIFT_B", xs64 ? "7" : "17"}, {"XORSHIFT_C", xs64 ? "17" : "5"}})
    for (size_t at; (at = src.find(mark)) != std::string::npos;) src.replace(at, mark.size(), shift);
  Error e;
  if (!parse(src, std_file_, e)) return fail(Pos{1, 1}, "internal error in the standard library's generic functions: " + e.msg);
  for (const FuncDecl& fd : std_file_.funcs) {
    const size_t us = fd.name.find('_');
    const std::string full = fd.name.substr(0, us) + "." + fd.name.substr(us + 1);
    int fidx;
    if (!add_function(fd, {}, full, fidx)) return false;
    std_funcs_[full] = fidx;
    std_pkg_[&fd] = full;
  }
  return true;
}

}  // namespace lang::detail
