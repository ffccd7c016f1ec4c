// compiler_stmt.cpp — statements: scopes (and gc's "declared and not used"), variable
// declarations, :=, =, op=, ++/--, stores through fields, indices, pointers and maps,
// if/for/range/switch with break and continue, defer, return.
//
// Models: cmd/compile/internal/types2/stmt.go, assignments.go, labels.go (checking and gc's
// messages); walk/range.go (range over maps, slices, arrays, strings, integers, and
// `for k := range m { delete(m, k) }` as one mapclear, which Go 1.19 does not do in an
// inlined copy); loop variables per iteration from Go 1.22 (the loopvar change);
// defer anywhere in a function (runtime/panic.go's records, run by the VM: interp_defer.cpp;
// ssagen's open-coded defers allocate nothing, a defer in a loop a heap _defer record).
//
// goto and fallthrough are jumps (the parser checked where they may go: branches.cpp).
//
// Simplifications: a defer inside a function literal that
// is expanded where it is called (not compiled as a value) is refused; a deferred call's
// function (the callee of `defer f(x)`, `defer mu.Unlock()`) is read when it runs, its
// arguments at the statement (Go reads both at the statement).
#include "engine/lang/compiler_impl.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace lang::detail {

// ---------------------------------------------------------------- scopes and declarations
void Compiler::push_scope() { scopes_.emplace_back(); }

bool Compiler::pop_scope() {
  Scope sc = std::move(scopes_.back());
  scopes_.pop_back();
  // types2 reports a function's unused variables at its end, in source order (Checker.usage)
  for (auto& kv : sc) {
    const Entity& e = kv.second;
    if ((e.k == Entity::Var || e.k == Entity::Closure) && !e.used) unused_.push_back(Error{e.pos, unused_message(e.name)});
  }
  if (!F || scopes_.size() < F->body_depth) flush_unused();
  return true;
}

// unused_message: gc's words for an unused variable: "x declared but not used" to Go 1.19,
// "x declared and not used" in 1.20-1.22, "declared and not used: x" from 1.23 (types2's
// Checker.usage; measured with go run on each release).
std::string Compiler::unused_message(const std::string& name) const {
  if (go_minor_ <= 19) return name + " declared but not used";
  if (go_minor_ <= 22) return name + " declared and not used";
  return "declared and not used: " + name;
}

// flush_unused: the function's unused variables, recorded in source order.
void Compiler::flush_unused() {
  std::stable_sort(unused_.begin(), unused_.end(), [](const Error& a, const Error& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
  });
  for (const Error& e : unused_) record(e.pos, e.msg);
  unused_.clear();
}

// bind_param binds a parameter, named result or capture of the function being compiled:
// a Var in the innermost scope, counted as used (gc does not report unused parameters).
Entity& Compiler::bind_param(const std::string& name, Pos p, TypeId t, int slot, int node) {
  Entity& e = scopes_.back()[name];
  e = Entity{};
  e.k = Entity::Var;
  e.type = t;
  e.slot = slot;
  e.node = node;
  e.used = true;
  e.name = name;
  e.pos = p;
  return e;
}

int Compiler::declare_var(const std::string& name, TypeId t, Pos p) {
  int s = new_slot(t, name);
  if (name == "_") return s;
  Entity e;
  e.k = Entity::Var;
  e.type = t;
  e.slot = s;
  e.node = new_node();
  e.name = name;
  e.pos = p;
  var_loop_depth_[e.node] = {F->fidx, loop_depth()};
  scopes_.back()[name] = e;
  return s;
}

// hidden_var declares a variable the program cannot name (a '#' in it), holding v, and
// returns an expression that reads it: operands the compiler evaluates once.
ExprP Compiler::hidden_var(const std::string& name, V& v, Pos p) {
  declare_init(name, v.t, p, &v);
  scopes_.back()[name].used = true;
  return ident_expr(name, p);
}

// declare_init declares a variable from a declaration (var / :=) and stores its first
// value (v == nullptr: the zero value). A struct or array variable whose address is
// taken somewhere in the function (&x) gets its own Obj at once — heap-allocated when
// &x escapes ("moved to heap: x") — and later assignments copy into that Obj, so
// pointers to it see them.
void Compiler::declare_init(const std::string& name, TypeId t, Pos p, V* v) {
  int slot = declare_var(name, t, p);
  Entity* en = name == "_" ? nullptr : &scopes_.back()[name];
  if (en && F->addr_names.count(name) && !T.is_aggregate(t)) {
    box_var(*en);
    if (v) store_boxed(*en, *v);
    return;
  }
  if (en && T.is_aggregate(t) && (F->addr_names.count(name) || F->addr_names.count(field_address_key(name)))) {
    link_address(*en, new_node());
    int pc0 = emit(OpNew, slot, 0, 0, 0, uint16_t(t));
    add_site_node(pc0, "moved to heap: " + name, en->addr_node, T[t].size > 65536);
    if (v) {
      int vs = owned(*v, t);
      emit(OpStore, slot, vs);
      flow(v->src, en->node);
    }
    return;
  }
  if (v) {
    move_into(*v, slot, t);
    if (en) flow(v->src, en->node);
  } else {
    emit(OpLoadK, slot, konst(0));
  }
}

// ---------------------------------------------------------------- statements
bool Compiler::stmts(const std::vector<StmtP>& body) {
  for (const auto& s : body) {
    const StmtMark m = stmt_mark();
    if (!stmt(*s) && !recover_stmt(*s, m)) return false;
  }
  return true;
}

bool Compiler::stmt(const Stmt& s) {
  if (failed_) return false;
  F->line = s.pos.line;
  stmt_flag_ = true;
  // `L: stmt`: a goto's target here (the parser checked the labels: branches.cpp); a for,
  // range, switch or select also takes the label for break/continue L (open_loop)
  if (!s.labeled.empty()) {
    label_here(s);
    F->pending_label = s.labeled;
  }
  if (!F->slice_moves.empty()) emit_slice_moves(s);
  size_t m = temp_mark();
  bool ok = stmt_inner(s);
  if (!s.labeled.empty()) F->pending_label.clear();
  temp_release(m);
  return ok && !failed_;
}

bool Compiler::stmt_inner(const Stmt& s) {
  switch (s.kind) {
    case Stmt::Empty: return true;
    case Stmt::ExprS: {
      const Expr* x = s.lhs[0].get();
      while (x->kind == Expr::Paren) x = x->x.get();
      if (x->kind == Expr::Unary && x->op == Tok::Arrow) return receive(*x, false).ok;   // <-ch
      if (x->kind != Expr::Call) {
        V v = expr(*x);
        if (!v.ok) return false;
        return fail(s.pos, expr_str(*x) + " (" + (v.isconst ? "untyped constant" : "value of type " + T.name(v.t)) + ") is not used");
      }
      V v = call(*x, true);
      return v.ok;
    }
    case Stmt::Define: return define(s);
    case Stmt::Assign: return assign(s);
    case Stmt::OpAssign: return op_assign(s);
    case Stmt::IncDec: return inc_dec(s);
    case Stmt::VarDecl: return var_decl(s);
    case Stmt::ConstDecl: return const_decl(s);
    case Stmt::TypeDecl: return local_type_decl(s);
    case Stmt::Block: {
      if (s.label == "decl") return stmts(s.body);
      push_scope();
      if (!stmts(s.body)) return false;
      return pop_scope();
    }
    case Stmt::If: return if_stmt(s);
    case Stmt::For: return for_stmt(s);
    case Stmt::Range: return range_stmt(s);
    case Stmt::Switch: return switch_stmt(s);
    case Stmt::Break: case Stmt::Continue: return break_continue(s);
    case Stmt::Goto: return goto_stmt(s);
    case Stmt::Fallthrough: return fail(s.pos, "fallthrough statement out of place");   // switch_stmt takes a case's last
    case Stmt::Return: return return_stmt(s);
    case Stmt::Defer: return defer_stmt(s);
    case Stmt::Go: return go_stmt(s);
    case Stmt::Send: return send_stmt(s);
    case Stmt::Select: return select_stmt(s);
    default: return fail(s.pos, "statement not supported by the playground");
  }
}

// ---------------------------------------------------------------- assignments
// rhs_values evaluates the right side of an n-valued assignment: n expressions, one
// call with n results, or a comma-ok map index.
bool Compiler::rhs_values(const Stmt& s, size_t n, std::vector<V>& out, std::vector<Pos>& pos) {
  if (s.rhs.size() == n) {
    for (const auto& r : s.rhs) {
      V v = expr(*r);
      if (!v.ok) return false;
      if (v.is_type) return fail(r->pos, T.name(v.t) + " (type) is not an expression");
      if (v.is_tuple) return fail(r->pos, "multiple-value " + expr_str(*r) + " (value of type " + T.name(v.t) + ") in single-value context");
      if (v.t == 0) return fail(r->pos, expr_str(*r) + " (no value) used as value");
      out.push_back(std::move(v));
      pos.push_back(r->pos);
    }
    return true;
  }
  if (s.rhs.size() == 1) {
    const Expr& r = *s.rhs[0];
    const Expr* x = &r;
    while (x->kind == Expr::Paren) x = x->x.get();
    if (n == 2 && x->kind == Expr::Unary && x->op == Tok::Arrow) {   // v, ok := <-ch
      V a = receive(*x, true);
      if (!a.ok) return false;
      V v, b;
      v.t = T.u(a.t).fields[0].type;
      v.slot = a.slot;
      v.fresh = true;
      v.src = a.src;
      b.t = TypeTable::kBool;
      b.slot = a.slot + 1;
      out.push_back(v);
      out.push_back(b);
      pos.push_back(r.pos);
      pos.push_back(r.pos);
      return true;
    }
    if (n == 2 && x->kind == Expr::TypeAssert) {   // v, ok := x.(T)
      V a = type_assert(*x, true);
      if (!a.ok) return false;
      V b;
      b.t = TypeTable::kBool;
      b.slot = a.slot + 1;
      out.push_back(a);
      out.push_back(b);
      pos.push_back(r.pos);
      pos.push_back(r.pos);
      return true;
    }
    if (n == 2 && x->kind == Expr::Index) {
      TypeId mt;
      if (!static_type(*x->x, mt)) return false;
      if (T.kind(mt) == Kind::Map) {
        V m = expr(*x->x);
        if (!m.ok) return false;
        const Type& ty = T.u(mt);
        V k = expr(*x->y);
        if (!assignable(k, ty.key, x->y->pos, "map index")) return false;
        int ks = owned(k, ty.key);
        int base = fresh_slots({ty.elem, TypeTable::kBool});
        emit(OpMGet, base, materialize(m, mt), ks, 0, 0, 1);
        V a, b;
        a.t = ty.elem;
        a.slot = base;
        b.t = TypeTable::kBool;
        b.slot = base + 1;
        out.push_back(a);
        out.push_back(b);
        pos.push_back(r.pos);
        pos.push_back(r.pos);
        return true;
      }
    }
    V v = expr(r);
    if (!v.ok) return false;
    if (v.is_tuple && T[v.t].fields.size() == n) {
      tuple_values(v, out);
      pos.insert(pos.end(), n, r.pos);
      return true;
    }
    if (v.is_tuple) return fail(s.pos, "assignment mismatch: " + std::to_string(n) + " variable" + (n > 1 ? "s" : "") + " but " + expr_str(r) + " returns " + std::to_string(T[v.t].fields.size()) + " value" + (T[v.t].fields.size() > 1 ? "s" : ""));
    return fail(s.pos, "assignment mismatch: " + std::to_string(n) + " variables but 1 value");
  }
  return fail(s.pos, "assignment mismatch: " + std::to_string(n) + " variable" + (n > 1 ? "s" : "") + " but " + std::to_string(s.rhs.size()) + " value" + (s.rhs.size() > 1 ? "s" : ""));
}

bool Compiler::define(const Stmt& s) {
  for (const auto& l : s.lhs)
    if (l->kind != Expr::Ident) return fail(l->pos, "non-name " + expr_str(*l) + " on left side of :=");
  if (s.lhs.size() == 1 && s.rhs.size() == 1 && s.rhs[0]->kind == Expr::FuncLitE && !(F->plan && F->plan->value_names.count(s.lhs[0]->name)))
    return declare_closure(*s.lhs[0], *s.rhs[0]);   // only called: expanded where it is called
  if (s.lhs.size() == 1 && s.rhs.size() == 1 && iterator_call(*s.rhs[0]))   // seq := maps.Keys(m): compiler_range_func.cpp
    return declare_static_iter(*s.lhs[0], *s.rhs[0]);
  std::vector<V> vals;
  std::vector<Pos> pos;
  if (!rhs_values(s, s.lhs.size(), vals, pos)) return false;
  bool any_new = false;
  std::set<std::string> seen;
  for (const auto& l : s.lhs) {
    if (l->name != "_" && !seen.insert(l->name).second) return fail(l->pos, l->name + " repeated on left side of :=");
    if (l->name != "_" && !scopes_.back().count(l->name)) any_new = true;
  }
  if (!any_new) return fail(s.pos, "no new variables on left side of :=");
  // Multi-value: evaluate everything first (owned copies), then bind.
  if (vals.size() > 1)
    for (size_t i = 0; i < vals.size(); ++i)
      if (!vals[i].isconst && T.is_aggregate(vals[i].t) && !vals[i].fresh) {
        int t = temp(vals[i].t);
        emit(OpCopy, t, vals[i].slot);
        vals[i].slot = t;
        vals[i].fresh = true;
      }
  for (size_t i = 0; i < s.lhs.size(); ++i) {
    const Expr& l = *s.lhs[i];
    V& v = vals[i];
    if (l.name == "_") {
      if (!v.ok) return false;
      continue;
    }
    auto it = scopes_.back().find(l.name);
    if (it != scopes_.back().end() && it->second.k == Entity::Var) {
      if (!assignable(v, it->second.type, pos[i])) return false;
      if (it->second.box >= 0) emit(OpStore, it->second.box, owned(v, it->second.type));
      else move_into(v, it->second.slot, it->second.type);
      flow(v.src, it->second.node);
      continue;
    }
    if (v.t == TypeTable::kUntypedNil) return fail(pos[i], "use of untyped nil in assignment");
    TypeId t = v.isconst ? T.default_type(v.t) : v.t;
    if (v.isconst && !convert_const(v, t, pos[i], false)) return false;
    declare_init(l.name, t, l.pos, &v);
    mark_static_value(l.name, v);
  }
  return true;
}

bool Compiler::assign(const Stmt& s) {
  std::vector<V> vals;
  std::vector<Pos> pos;
  if (!rhs_values(s, s.lhs.size(), vals, pos)) return false;
  if (vals.size() > 1)
    for (size_t i = 0; i < vals.size(); ++i) {
      // parallel assignment: snapshot every value before storing any
      if (vals[i].isconst) continue;
      TypeId t = vals[i].t;
      int tmp = temp(t);
      if (T.is_aggregate(t) && !vals[i].fresh) emit(OpCopy, tmp, vals[i].slot);
      else emit(OpMov, tmp, vals[i].slot);
      vals[i].slot = tmp;
      vals[i].fresh = true;
    }
  for (size_t i = 0; i < s.lhs.size(); ++i)
    if (!store(*s.lhs[i], vals[i], pos[i])) return false;
  return true;
}

bool Compiler::store(const Expr& lhs, V& v, Pos p) {
  const Expr* l = &lhs;
  while (l->kind == Expr::Paren) l = l->x.get();
  switch (l->kind) {
    case Expr::Ident: {
      if (l->name == "_") {
        if (v.t == TypeTable::kUntypedNil) return fail(p, "use of untyped nil in assignment");
        return true;
      }
      Entity* en = lookup(l->name);
      if (!en) return fail(l->pos, "undefined: " + l->name);
      if (en->k == Entity::Var) {
        if (!assignable(v, en->type, p)) return false;
        if (en->box >= 0) {
          emit(OpStore, en->box, owned(v, en->type));
        } else if (en->addr_node >= 0) {
          // &x is taken: copy into x's own Obj so pointers to x see the new value
          emit(OpStore, en->slot, owned(v, en->type));
        } else {
          move_into(v, en->slot, en->type);
        }
        flow(v.src, en->node);
        return true;
      }
      if (en->k == Entity::Global) {
        if (!resolve_global(*en, l->pos)) return false;
        if (!assignable(v, en->type, p)) return false;
        int s = owned(v, en->type);
        if (T.is_aggregate(en->type) && addr_globals_.count(en->name)) {
          // &g is taken somewhere: copy into g's Obj so pointers to g see the new value
          emit(OpGMat, en->slot, 0, 0, 0, uint16_t(en->type));
          int g = temp(en->type);
          emit(OpGGet, g, en->slot);
          emit(OpStore, g, s);
        } else if (boxed_global(*en)) {
          emit(OpStore, global_box(*en), s);
        } else {
          emit(OpGSet, en->slot, s);
        }
        sink(v.src);
        return true;
      }
      if (en && en->k == Entity::Closure)
        return fail(l->pos, "cannot assign to " + l->name + ": the playground supports function variables only as name := func(…) {…}, called by name");
      return fail(l->pos, "cannot assign to " + l->name + " (neither addressable nor a map index expression)");
    }
    case Expr::Index: {
      TypeId bt;
      if (!static_type(*l->x, bt)) return false;
      Kind k = T.kind(bt);
      if (k == Kind::Map) {
        V m = expr(*l->x);
        if (!m.ok) return false;
        const Type& ty = T.u(bt);
        V key = expr(*l->y);
        if (!assignable(key, ty.key, l->y->pos, "map index")) return false;
        int ks = owned(key, ty.key);
        if (!assignable(v, ty.elem, p)) return false;
        int vs = owned(v, ty.elem);
        sink(key.src);
        sink(v.src);
        emit(OpMSet, materialize(m, bt), ks, vs);
        return true;
      }
      if (k == Kind::String) return fail(l->pos, "cannot assign to " + expr_str(*l) + " (neither addressable nor a map index expression)");
      int node = root_node(*l);
      int bs;
      TypeId at;
      bool ptr = false;
      if (!aggregate_base(*l->x, bs, at, ptr)) return false;
      const Type& aty = T.u(at);
      V i = expr(*l->y);
      if (!i.ok) return false;
      if (!T.is_integer(i.t)) return fail(l->y->pos, "invalid argument: index " + describe(i) + " must be integer");
      if (i.isconst && (i.cv.i < 0 || (aty.kind == Kind::Array && i.cv.i >= aty.len)))
        return fail(l->y->pos, "invalid argument: index " + i128_str(i.cv.i) + " out of bounds [0:" + std::to_string(aty.len) + "]");
      int is = materialize(i, TypeTable::kInt);
      if (!assignable(v, aty.elem, p)) return false;
      int vs = owned(v, aty.elem);
      if (aty.kind == Kind::Array) {
        flow(v.src, node);
        emit(OpASet, bs, is, vs, int32_t(aty.len), 0, ptr ? 1 : 0);
      } else if (aty.kind == Kind::Slice) {
        sink(v.src);
        emit(OpLSet, bs, is, vs);
      } else {
        return fail(l->pos, "cannot assign to " + expr_str(*l));
      }
      return true;
    }
    case Expr::Selector: {
      if (l->x->kind == Expr::Ident && !lookup_local_or_pkg(l->x->name) && imports_.count(l->x->name))
        return fail(l->pos, "cannot assign to " + expr_str(*l));
      promote(*l);
      // m[k].f = v is not allowed in Go
      const Expr* b = l->x.get();
      while (b->kind == Expr::Paren) b = b->x.get();
      if (b->kind == Expr::Index) {
        TypeId mt;
        if (!static_type(*b->x, mt)) return false;
        if (T.kind(mt) == Kind::Map) return fail(l->pos, "cannot assign to struct field " + expr_str(*l) + " in map");
      }
      int node = root_node(*l);
      int bs;
      TypeId st;
      bool ptr = false;
      if (!aggregate_base(*l->x, bs, st, ptr)) return false;
      const Type& sty = T.u(st);
      if (sty.kind != Kind::Struct) return fail(l->pos, expr_str(*l) + " undefined (type " + T.name(st) + " has no field or method " + l->name + ")");
      for (size_t f = 0; f < sty.fields.size(); ++f) {
        if (sty.fields[f].name != l->name) continue;
        if (!library_field(st, *l)) return false;
        if (!assignable(v, sty.fields[f].type, p)) return false;
        int vs = owned(v, sty.fields[f].type);
        if (ptr) sink(v.src); else flow(v.src, node);
        emit(OpFSet, bs, vs, int(f), 0, 0, ptr ? 1 : 0);
        return true;
      }
      return fail(l->pos, expr_str(*l) + " undefined (type " + T.name(st) + " has no field or method " + l->name + ")");
    }
    case Expr::Star: {
      V ptr = expr(*l->x);
      if (!ptr.ok) return false;
      if (T.kind(ptr.t) != Kind::Pointer) return fail(l->pos, "invalid operation: cannot indirect " + describe(ptr));
      TypeId et = T.u(ptr.t).elem;
      if (!assignable(v, et, p)) return false;
      int vs = owned(v, et);
      sink(v.src);
      emit(OpStore, materialize(ptr, ptr.t), vs);
      return true;
    }
    default:
      return fail(l->pos, "cannot assign to " + expr_str(*l) + " (neither addressable nor a map index expression)");
  }
}

// calls_function: e calls a function or method (not a conversion, not a builtin).
bool Compiler::calls_function(const Expr& e) {
  if (e.kind == Expr::FuncLitE) return false;
  if (e.kind == Expr::Call) {
    if (e.x->kind == Expr::Selector) return true;
    if (e.x->kind == Expr::Ident) {
      const Entity* en = lookup(e.x->name);
      if (en && (en->k == Entity::Func || en->k == Entity::Closure || (en->k == Entity::Var && T.kind(en->type) == Kind::Func))) return true;
    }
  }
  for (const Expr* c : {e.x.get(), e.y.get(), e.z.get()})
    if (c && calls_function(*c)) return true;
  for (const auto& a : e.args)
    if (calls_function(*a)) return true;
  return false;
}

// index_once: `m[key()] op= v`, `m[key()]++`, `f()[i]++`, `f().n += v` and `*f() += v`
// evaluate their operands once (the spec: x op= y is x = x op y "but evaluates x only
// once"): an operand that calls a function — the indexed slice, map or pointer, the pointer
// a selector or `*` goes through, the index — is held in a hidden variable, left to right,
// and the statement works on the expression over those variables; through a struct's field
// or an array's element as well (f()[i].x++). An array or struct value a call returns is not
// hoisted (not addressable: the store reports it).
const Expr* Compiler::index_once(const Expr& written) {
  const Expr* inner = &written;
  while (inner->kind == Expr::Paren && inner->x) inner = inner->x.get();   // (*p())++
  const Expr& l = *inner;
  const bool has_base = l.kind == Expr::Index || l.kind == Expr::Selector || l.kind == Expr::Star;
  bool hoist_base = false;
  if (has_base && l.x && calls_function(*l.x)) {
    TypeId bt = 0;
    if (static_type(*l.x, bt) && bt) {
      const Kind k = T.kind(bt);
      hoist_base = k == Kind::Pointer || (l.kind == Expr::Index && (k == Kind::Slice || k == Kind::Map));
    } else if (failed_) {
      return nullptr;
    }
  }
  // a field of a struct or an element of an array that is itself such a part, f()[i].x,
  // f().a[j]: the operands one level down are held first (an array or struct value a call
  // returns comes back as written)
  const Expr* part = nullptr;
  if ((l.kind == Expr::Index || l.kind == Expr::Selector) && l.x && !hoist_base && calls_function(*l.x)) {
    TypeId bt = 0;
    if (static_type(*l.x, bt) && bt && T.is_aggregate(bt)) {
      part = index_once(*l.x);
      if (!part) return nullptr;
      if (part == l.x.get()) part = nullptr;
    } else if (failed_) {
      return nullptr;
    }
  }
  const bool hoist_index = l.kind == Expr::Index && l.y && calls_function(*l.y);
  if (!hoist_base && !hoist_index && !part) return &written;
  ExprP c = clone_expr(l);
  if (part) c->x = clone_expr(*part);
  auto hold = [&](const Expr& x, ExprP& slot) -> bool {
    V v = expr(x);
    if (!v.ok) return false;
    if (v.isconst || v.is_tuple || v.is_type || v.t == 0) return true;   // left as written
    slot = hidden_var("index#" + std::to_string(synthetic_.size()) + (&slot == &c->x ? ".x" : ".y"), v, x.pos);
    return true;
  };
  if (hoist_base && !hold(*l.x, c->x)) return nullptr;
  if (hoist_index && !hold(*l.y, c->y)) return nullptr;
  synthetic_.push_back(std::move(c));
  return synthetic_.back().get();
}

bool Compiler::op_assign(const Stmt& s) {
  const Expr* once = index_once(*s.lhs[0]);
  if (!once) return false;
  const Expr& l = *once;
  V cur = expr(l);
  if (!cur.ok) return false;
  V y = expr(*s.rhs[0]);
  if (!y.ok) return false;
  V r = binop_vals(s.pos, l.pos, s.rhs[0]->pos, s.op, std::move(cur), std::move(y), nullptr, &s);
  if (!r.ok) return false;
  return store(l, r, s.pos);
}

bool Compiler::inc_dec(const Stmt& s) {
  const Expr& l = *s.lhs[0];
  if (l.kind == Expr::Ident) {
    Entity* en = lookup(l.name);
    if (en && en->k == Entity::Var && en->box < 0 && T.is_integer(en->type)) {
      emit(OpAddI, en->slot, en->slot, s.op == Tok::Inc ? 1 : -1, 0, uint16_t(T.int_kind(en->type)));
      return true;
    }
  }
  const Expr* once = index_once(l);
  if (!once) return false;
  V cur = expr(*once);
  if (!cur.ok) return false;
  if (!T.is_numeric(cur.t)) return fail(s.pos, "invalid operation: " + expr_str(l) + (s.op == Tok::Inc ? "++" : "--") + " (non-numeric type " + T.name(cur.t) + ")");
  V one;
  one.isconst = true;
  one.t = TypeTable::kUntypedInt;
  one.cv.k = CVal::Int;
  one.cv.i = 1;
  V r = binop_vals(s.pos, l.pos, s.pos, s.op == Tok::Inc ? Tok::Add : Tok::Sub, std::move(cur), std::move(one));
  if (!r.ok) return false;
  return store(*once, r, s.pos);
}

bool Compiler::var_decl(const Stmt& s) {
  if (!s.type && s.names.size() == 1 && s.rhs.size() == 1 && s.rhs[0]->kind == Expr::FuncLitE && !(F->plan && F->plan->value_names.count(s.names[0]))) {
    Expr name;
    name.kind = Expr::Ident;
    name.pos = s.name_pos[0];
    name.name = s.names[0];
    return declare_closure(name, *s.rhs[0]);
  }
  if (!s.type && s.names.size() == 1 && s.rhs.size() == 1 && iterator_call(*s.rhs[0])) {   // var seq = maps.Keys(m)
    Expr name;
    name.kind = Expr::Ident;
    name.pos = s.name_pos[0];
    name.name = s.names[0];
    if (scopes_.back().count(name.name)) return fail(name.pos, name.name + " redeclared in this block");
    return declare_static_iter(name, *s.rhs[0]);
  }
  TypeId t = 0;
  if (s.type && !type_of(*s.type, t)) return false;
  std::vector<V> vals;
  std::vector<Pos> pos;
  if (!s.rhs.empty()) {
    if (!rhs_values(s, s.names.size(), vals, pos)) return false;
  }
  for (size_t i = 0; i < s.names.size(); ++i) {
    if (scopes_.back().count(s.names[i])) return fail(s.name_pos[i], s.names[i] + " redeclared in this block");
    TypeId vt = t;
    if (!vals.empty()) {
      V& v = vals[i];
      if (!var_value(v, t, pos[i], vt)) return false;
      declare_init(s.names[i], vt, s.name_pos[i], &v);
      mark_static_value(s.names[i], v);
    } else {
      declare_init(s.names[i], vt, s.name_pos[i], nullptr);
    }
  }
  return true;
}

// var_value gives a variable declared with type t (0: none) and initialised with v its type
// (t, or v's default type) and makes v assignable to it.
bool Compiler::var_value(V& v, TypeId t, Pos p, TypeId& out) {
  if (!t) {
    if (v.t == TypeTable::kUntypedNil) return fail(p, "use of untyped nil in variable declaration");
    t = v.isconst ? T.default_type(v.t) : v.t;
  }
  out = t;
  return assignable(v, t, p, "variable declaration");
}

bool Compiler::const_decl(const Stmt& s) {
  TypeId t = 0;
  if (s.type && !type_of(*s.type, t)) return false;
  if (s.rhs.size() != s.names.size()) return fail(s.pos, "missing init expr for const declaration");
  for (size_t i = 0; i < s.names.size(); ++i) {
    int saved = iota_;
    iota_ = 0;
    V v = expr(*s.rhs[i]);
    iota_ = saved;
    if (!v.ok) return false;
    if (!v.isconst) return fail(s.rhs[i]->pos, describe(v) + " is not constant");
    if (t && !convert_const(v, t, s.rhs[i]->pos, false)) return false;
    Entity e;
    e.k = Entity::Const;
    e.type = v.t;
    e.cv = v.cv;
    e.name = s.names[i];
    e.pos = s.name_pos[i];
    if (s.names[i] != "_") scopes_.back()[s.names[i]] = e;
  }
  return true;
}

// local_type_decl: `type point struct{…}` or `type ids []int` in a body (types2/decl.go
// declStmt): a named type scoped to its block from its own name on (so `next *node` is the
// type itself), shadowing what outer scopes and the package call so. It has no methods: a
// method's receiver must be a package-level type, so `func (p point) M()` outside finds no
// `point` (gc's "undefined: point" at the receiver), and method_of finds none for it even
// when a package type of the same name has some. One TypeId per declaration and function
// compiled: a body compiled again (an expansion, a probe) sees the same type. %T prints
// `main.point` as reflect does. Simplification: local generic types are refused.
bool Compiler::local_type_decl(const Stmt& s) {
  for (const TypeDecl& td : s.types) {
    if (!td.tparams.empty()) return fail(td.pos, "generic type declarations inside a function are not supported by the playground");
    if (td.name == "_") {
      TypeId t;
      if (!type_of(*td.type, t)) return false;
      continue;
    }
    if (scopes_.back().count(td.name)) return fail(td.pos, td.name + " redeclared in this block");
    Entity& e = scopes_.back()[td.name];
    e = Entity{};
    e.k = Entity::Type;
    e.tdecl = &td;
    e.name = td.name;
    e.pos = td.pos;
    e.used = true;
    if (!td.alias) {
      const auto key = std::make_pair(&td, F ? F->fidx : -1);
      auto it = local_types_.find(key);
      if (it == local_types_.end()) {
        it = local_types_.emplace(key, T.named("main." + td.name)).first;
        local_type_ids_.insert(it->second);
      }
      e.type = it->second;
    }
    if (!resolve_type_entity(e)) return false;
  }
  return true;
}

// ---------------------------------------------------------------- if, for, range, switch
bool Compiler::cond_jump_false(const Expr& c, int& jump_pc) { return cond_jump(c, jump_pc, false); }

// cond_jump emits a branch taken when c is `when` (targets are patched by the caller).
bool Compiler::cond_jump(const Expr& c, int& jump_pc, bool when) {
  // fused compare-and-branch for `a < b` on signed integers (the hot loop condition)
  const Expr* x = &c;
  while (x->kind == Expr::Paren) x = x->x.get();
  if (x->kind == Expr::Binary && (x->op == Tok::Lss || x->op == Tok::Geq)) {
    TypeId lt, rt;
    if (static_type(*x->x, lt) && static_type(*x->y, rt) && T.is_integer(lt) && T.is_integer(rt) &&
        (lt == rt || T.is_untyped(lt) || T.is_untyped(rt)) && !(T.is_untyped(lt) && T.is_untyped(rt))) {
      TypeId t = T.is_untyped(lt) ? rt : lt;
      if (!T.is_unsigned(t)) {
        V a = expr(*x->x);
        V b = expr(*x->y);
        if (!a.ok || !b.ok) return false;
        if (!assignable(a, t, x->x->pos, "comparison") || !assignable(b, t, x->y->pos, "comparison")) return false;
        int as = materialize(a, t), bs = materialize(b, t);
        jump_pc = emit((x->op == Tok::Lss) != when ? OpJGeS : OpJLtS, 0, as, bs);
        return true;
      }
    }
  }
  V v = expr(c);
  if (!v.ok) return false;
  if (T.kind(v.t) != Kind::Bool && T.kind(v.t) != Kind::UntypedBool) return fail(c.pos, "non-boolean condition in " + std::string("if/for statement"));
  int s = materialize(v, TypeTable::kBool);
  jump_pc = emit(when ? OpJt : OpJf, 0, s);
  return true;
}

bool Compiler::if_stmt(const Stmt& s) {
  push_scope();
  if (s.init && !stmt(*s.init)) return false;
  F->line = s.pos.line;
  size_t m = temp_mark();
  int jf;
  if (!cond_jump_false(*s.cond, jf)) return false;
  temp_release(m);
  push_scope();
  if (!stmts(s.body)) return false;
  if (!pop_scope()) return false;
  if (s.els) {
    int j = emit(OpJmp);
    patch(jf, pc());
    if (!stmt(*s.els)) return false;
    patch(j, pc());
  } else {
    patch(jf, pc());
  }
  return pop_scope();
}

// break_continue: break/continue, to the innermost loop (break: or switch/select) or to the
// one its label names (types2/labels.go: "invalid continue label L" for a switch's label,
// "break label not defined: L").
bool Compiler::break_continue(const Stmt& s) {
  const bool brk = s.kind == Stmt::Break;
  const char* what = brk ? "break" : "continue";
  for (size_t i = F->loops.size(); i-- > 0;) {
    LoopCtx& l = F->loops[i];
    if (!s.label.empty()) {
      if (l.label != s.label) continue;
      if (!brk && l.is_switch) return fail(s.label_pos, "invalid continue label " + s.label);
    } else if (!brk && l.is_switch) {
      continue;
    }
    const int j = emit(OpJmp);
    (brk ? l.breaks : l.continues).push_back(j);
    return true;
  }
  if (!s.label.empty() && range_body_branch(s)) return true;   // out of a range over a function's body
  if (!s.label.empty()) return fail(s.label_pos, "invalid " + std::string(what) + " label " + s.label);
  return fail(s.pos, brk ? "break is not in a loop, switch, or select" : "continue is not in a loop");
}

// label_here: the statement s labels starts here: the gotos waiting for it jump here; from a
// label a later goto jumps back to, escape analysis counts what follows as inside a loop, to
// the function's end (escape/stmt.go OLABEL: loopDepth++ at a looping label).
void Compiler::label_here(const Stmt& s) {
  F->label_pcs[&s] = pc();
  for (auto it = F->gotos.begin(); it != F->gotos.end();) {
    if (it->second != &s) {
      ++it;
      continue;
    }
    patch(it->first, pc());
    it = F->gotos.erase(it);
  }
  if (s.looping_label) ++F->goto_loops;
}

// goto_stmt: a jump back to a label compiled already (in this copy of the body: a literal
// expanded twice has two), or forward to one label_here will patch.
bool Compiler::goto_stmt(const Stmt& s) {
  const Pos at = s.target->labeled_pos;
  const bool back = at.line < s.pos.line || (at.line == s.pos.line && at.col < s.pos.col);
  if (back) back_jump(F->label_pcs.at(s.target));
  else F->gotos.emplace_back(emit(OpJmp), s.target);
  return true;
}

// open_loop starts the break/continue targets of a loop, switch or select; the label of the
// statement being compiled (F->pending_label) becomes its label.
void Compiler::open_loop(bool is_switch) {
  F->loops.emplace_back();
  F->loops.back().is_switch = is_switch;
  F->loops.back().label = std::exchange(F->pending_label, std::string());
}

void Compiler::close_loop(int cont_target, int end_target) {
  LoopCtx l = std::move(F->loops.back());
  F->loops.pop_back();
  for (int j : l.breaks) patch(j, end_target);
  for (int j : l.continues) patch(j, cont_target);
}

int Compiler::back_jump(int target) {
  int j = emit(OpJmp, target);
  F->fn->loop_back[size_t(j)] = 1;
  return j;
}

bool Compiler::for_stmt(const Stmt& s) {
  push_scope();
  if (s.init && !stmt(*s.init)) return false;
  F->line = s.pos.line;
  // Loop inversion (as gc does): the condition sits at the bottom, so an iteration is
  // body, post, one compare-and-branch.
  //        jmp cond
  //   top: body
  //  cont: post
  //  cond: if cond goto top
  //   end:
  int jcond = -1;
  if (s.cond) {
    stmt_flag_ = true;
    jcond = emit(OpJmp);
  }
  int top = pc();
  open_loop(false);
  push_scope();
  if (!stmts(s.body)) return false;
  if (!pop_scope()) return false;
  int cont = pc();
  if (go_minor_ >= 22) {
    // Go 1.22: each iteration has its own copy of the loop variables, made before the
    // post statement; only a boxed one (its address taken) makes that visible.
    for (auto& [name, en] : scopes_.back()) {
      if (en.k != Entity::Var || en.box < 0) continue;
      const int value = temp(en.type);
      emit(OpLoad, value, en.box, 0, 0, uint16_t(en.type));
      box_var(en);
      emit(OpStore, en.box, value);
    }
  }
  if (s.post && !stmt(*s.post)) return false;
  F->line = s.pos.line;
  if (s.cond) {
    patch(jcond, pc());
    size_t m = temp_mark();
    stmt_flag_ = true;
    int jt;
    if (!cond_jump(*s.cond, jt, true)) return false;
    temp_release(m);
    patch(jt, top);
    F->fn->loop_back[size_t(jt)] = 1;
  } else {
    back_jump(top);
  }
  int end = pc();
  close_loop(cont, end);
  return pop_scope();
}

// is_range_delete recognises `for k := range m { delete(m, k) }` (walk/range.go).
bool Compiler::is_range_delete(const Stmt& s) {
  if (!s.range_define || s.lhs.size() != 1 || s.lhs[0]->kind != Expr::Ident || s.lhs[0]->name == "_") return false;
  if (s.body.size() != 1 || s.body[0]->kind != Stmt::ExprS) return false;
  const Expr& c = *s.body[0]->lhs[0];
  if (c.kind != Expr::Call || c.x->kind != Expr::Ident || c.x->name != "delete" || c.args.size() != 2 || c.has_ellipsis) return false;
  Entity* d = lookup("delete");
  if (!d || d->k != Entity::Builtin) return false;
  if (c.args[1]->kind != Expr::Ident || c.args[1]->name != s.lhs[0]->name) return false;
  return same_expr(*c.args[0], *s.cond);
}

// in_inlined_copy: the range-delete loop s is compiled as part of a body gc inlines: a
// function it inlines, or a literal expanded in place whose map is a variable it captured
// (a closure compiled on its own sees the idiom). gc 1.19 keeps the delete loop there
// (measured: the overflow buckets stay); runtime::Profile::clear_idiom_when_inlined.
bool Compiler::in_inlined_copy(const Stmt& s) const {
  if (size_t(F->fidx) < inlined_.size() && inlined_[size_t(F->fidx)]) return true;
  const Expr* m = s.cond.get();
  while (m->kind == Expr::Selector || m->kind == Expr::Paren) m = m->x.get();
  return m->kind == Expr::Ident && captured(m->name);
}

// captured: name is a local of the function around the literal being expanded, in a copy
// gc inlines (a closure compiled on its own sees the idiom).
bool Compiler::captured(const std::string& name) const {
  if (F->expansions.empty() || !F->expansions.back()->inlined_copy) return false;
  for (size_t i = scopes_.size(); i-- > scope_floor_;)
    if (scopes_[i].count(name)) return i < F->expansions.back()->scope_base;
  return false;
}

bool Compiler::same_expr(const Expr& a, const Expr& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Expr::Ident: return a.name == b.name;
    case Expr::Selector: return a.name == b.name && same_expr(*a.x, *b.x);
    case Expr::Paren: return same_expr(*a.x, *b.x);
    default: return false;
  }
}

bool Compiler::range_stmt(const Stmt& s) {
  if (!range_param_costs(s)) return false;   // a range over a parameter of a function gc does not inline
  const Expr* cond = s.cond ? &static_iter_of(*s.cond) : nullptr;   // an iterator held in a variable: the call that made it
  if (std::string full; cond && iterator_producer(*cond, full)) return range_library_iter(s, *cond, full);
  const Expr* gen_call = nullptr;
  int fidx = -1;
  if (const FuncDecl* fd = cond ? user_iterator(*cond, gen_call, fidx) : nullptr) return range_user_func(s, *fd, gen_call, fidx);
  std::vector<const Expr*> lhs;
  for (const auto& l : s.lhs) lhs.push_back(l.get());
  return range_over(s, *s.cond, lhs, false);
}

// range_over compiles a range loop over cond with the iteration variables lhs (nullptr: a
// position left out, as `_`); backward walks a slice from its end (slices.Backward).
bool Compiler::range_over(const Stmt& s, const Expr& cond, const std::vector<const Expr*>& lhs, bool backward) {
  push_scope();
  F->line = s.pos.line;
  V x = expr(cond);
  if (!x.ok) return false;
  TypeId t = x.t;
  Kind k = T.kind(t);
  if (x.isconst && T.is_untyped(t) && x.t != TypeTable::kUntypedNil) {
    t = T.default_type(t);
    if (!convert_const(x, t, cond.pos, false)) return false;
    k = T.kind(t);
  }
  if (x.is_type) return fail(cond.pos, T.name(t) + " (type) is not an expression");
  if (k == Kind::Chan) return range_chan(s, x) && pop_scope();
  if (lhs.size() == 2 && k != Kind::Map && k != Kind::Slice && k != Kind::Array && k != Kind::String && !(k == Kind::Pointer && T.kind(T.u(t).elem) == Kind::Array))
    return fail(lhs[1]->pos, "range over " + describe(x) + " permits only one iteration variable");

  if (k == Kind::Map && lhs.size() == s.lhs.size() && lhs[0] == s.lhs[0].get() && &cond == s.cond.get() && is_range_delete(s)) {
    // mapclear: the compiler replaces the whole loop with one runtime call; flagged in an
    // inlined copy, where Go 1.19 keeps the loop (runtime::Profile::clear_idiom_when_inlined)
    const bool inlined_copy = in_inlined_copy(s);
    emit(OpMClear, materialize(x, t));
    if (inlined_copy) F->fn->code.back().flags |= 2;
    return pop_scope();
  }
  // Bind the iteration variables: returns slots for key/value (or -1) and the stores.
  TypeId kt = 0, vt = 0;
  switch (k) {
    case Kind::Map: kt = T.u(t).key; vt = T.u(t).elem; break;
    case Kind::Slice: kt = TypeTable::kInt; vt = T.u(t).elem; break;
    case Kind::Array: kt = TypeTable::kInt; vt = T.u(t).elem; break;
    case Kind::Pointer: kt = TypeTable::kInt; vt = T.u(T.u(t).elem).elem; break;
    case Kind::String: kt = TypeTable::kInt; vt = TypeTable::kInt32; break;
    default:
      if (k == Kind::Func && go_minor_ >= 23)   // compiler_range_func.cpp runs the program's own iterators by name
        return fail(cond.pos, "range over a func value (" + describe(x) + ") is not supported by the playground: range over a function's name, a call of a function that returns a function literal, or maps' and slices' iterators");
      if (!T.is_integer(t)) return fail(cond.pos, "cannot range over " + describe(x));
      if (!requires_go(cond.pos, "range over an integer", 22)) return false;
      kt = t;
      break;
  }
  bool want_k = !lhs.empty() && lhs[0] && !(lhs[0]->kind == Expr::Ident && lhs[0]->name == "_");
  bool want_v = lhs.size() == 2 && lhs[1] && !(lhs[1]->kind == Expr::Ident && lhs[1]->name == "_");
  // hidden locals (permanent slots: they live across the body)
  int coll = new_slot(t, "");
  move_or_load(x, coll, t);
  int kslot = new_slot(kt, ""), vslot = vt ? new_slot(vt, "") : -1;
  // Iteration variables whose address is taken get boxes: before Go 1.22 one for the
  // whole loop (made here), from 1.22 a new one per iteration (made where it is declared).
  struct Hoisted { int box = -1, node = -1; };
  Hoisted hoisted[2];
  if (s.range_define && go_minor_ < 22) {
    for (size_t i = 0; i < lhs.size() && i < 2; ++i) {
      if (!lhs[i]) continue;
      const Expr& l = *lhs[i];
      const TypeId ty = i == 0 ? kt : vt;
      if (l.kind != Expr::Ident || !F->addr_names.count(l.name) || !ty || T.is_aggregate(ty)) continue;
      hoisted[i].node = new_node();
      hoisted[i].box = new_slot(T.pointer(ty), l.name);
      int pc0 = emit(OpNew, hoisted[i].box, 0, 0, 0, uint16_t(ty));
      add_site_node(pc0, "moved to heap: " + l.name, hoisted[i].node, T[ty].size > 65536);
    }
  }
  int top, jdone = -1, idx = -1, lim = -1, width = -1;
  if (k == Kind::Map) {
    int it = new_slot(TypeTable::kIter, "");
    emit(OpMIter, it, coll);
    top = pc();
    stmt_flag_ = true;
    jdone = emit(OpMNext, it, kslot, want_v ? vslot : -1);
  } else {
    idx = new_slot(TypeTable::kInt, "");
    lim = new_slot(TypeTable::kInt, "");
    emit(OpLoadK, idx, konst(0));
    if (k == Kind::Slice) emit(OpLLen, lim, coll);
    else if (k == Kind::String) emit(OpSLen, lim, coll);
    else if (k == Kind::Array) emit(OpLoadK, lim, konst(Word(T.u(t).len)));
    else if (k == Kind::Pointer) {
      emit(OpNilChk, coll);
      emit(OpLoadK, lim, konst(Word(T.u(T.u(t).elem).len)));
    } else emit(OpMov, lim, coll);
    if (backward) {   // slices.Backward: i from len(s)-1 down to 0
      emit(OpAddI, idx, lim, -1, 0, uint16_t(IntKind::I64));
      emit(OpLoadK, lim, konst(Word(-1)));
    }
    top = pc();
    stmt_flag_ = true;
    jdone = backward ? emit(OpJGeS, 0, lim, idx) : emit(OpJGeS, 0, idx, lim);
    emit(OpMov, kslot, idx);
    if (want_v) {
      if (k == Kind::Slice) emit(OpLGet, vslot, coll, idx);
      else if (k == Kind::Array) emit(OpAGet, vslot, coll, idx, int32_t(T.u(t).len));
      else if (k == Kind::Pointer) emit(OpAGet, vslot, coll, idx, int32_t(T.u(T.u(t).elem).len), 0, 1);
    }
    if (k == Kind::String) {
      width = new_slot(TypeTable::kInt, "");
      int pair = fresh_slots({TypeTable::kInt32, TypeTable::kInt});
      emit(OpDecodeRune, pair, coll, idx);
      emit(OpMov, vslot, pair);
      emit(OpMov, width, pair + 1);
    }
  }
  // What the value variable holds, for escape analysis: a slice's (or an array pointer's)
  // contents, an array's own elements.
  std::vector<int> vsrc;
  if (want_v && vt && T[vt].ptrs) vsrc = k == Kind::Array ? x.src : k == Kind::Slice || k == Kind::Pointer ? contents_of(x.src) : vsrc;
  // assign or declare the iteration variables
  push_scope();
  for (size_t i = 0; i < lhs.size(); ++i) {
    bool is_k = i == 0;
    if (is_k ? !want_k : !want_v) continue;
    const Expr& l = *lhs[i];
    TypeId ty = is_k ? kt : vt;
    int src = is_k ? kslot : vslot;
    if (s.range_define) {
      if (l.kind != Expr::Ident) return fail(l.pos, "non-name " + expr_str(l) + " on left side of :=");
      int slot = declare_var(l.name, ty, l.pos);
      if (!is_k && l.name != "_") flow(vsrc, scopes_.back()[l.name].node);
      if (l.name != "_" && F->addr_names.count(l.name) && !T.is_aggregate(ty)) {
        Entity& en = scopes_.back()[l.name];
        if (hoisted[i].box >= 0) {
          en.box = hoisted[i].box;
          link_address(en, hoisted[i].node);
        } else {
          box_var(en);
        }
        emit(OpStore, en.box, src);
      } else if (T.is_aggregate(ty)) {
        emit(OpCopy, slot, src);
      } else {
        emit(OpMov, slot, src);
      }
    } else {
      V v;
      v.t = ty;
      v.slot = src;
      if (!is_k) v.src = vsrc;
      if (!store(l, v, l.pos)) return false;
    }
  }
  open_loop(false);
  if (!stmts(s.body)) return false;
  if (!pop_scope()) return false;
  int cont = pc();
  F->line = s.pos.line;
  if (k != Kind::Map) {
    if (k == Kind::String) emit(OpAdd, idx, idx, width, 0, uint16_t(IntKind::I64));
    else emit(OpAddI, idx, idx, backward ? -1 : 1, 0, uint16_t(IntKind::I64));
  }
  back_jump(top);
  int end = pc();
  if (k == Kind::Map) F->fn->code[size_t(jdone)].d = end;
  else patch(jdone, end);
  close_loop(cont, end);
  return pop_scope();
}

void Compiler::move_or_load(V& x, int dst, TypeId t) {
  if (x.isconst) emit(OpLoadK, dst, konst(const_word(x.cv, t)));
  else emit(OpMov, dst, x.slot);
}

bool Compiler::switch_stmt(const Stmt& s) {
  if (s.type_switch) return type_switch(s);
  push_scope();
  if (s.init && !stmt(*s.init)) return false;
  F->line = s.pos.line;
  V tag;
  bool has_tag = s.cond != nullptr;
  int tag_slot = -1;
  TypeId tt = TypeTable::kBool;
  if (has_tag) {
    tag = expr(*s.cond);
    if (!tag.ok) return false;
    if (tag.is_tuple || tag.t == 0) return fail(s.cond->pos, "switch tag must be a single value");
    tt = tag.isconst ? T.default_type(tag.t) : tag.t;
    if (tag.isconst && !convert_const(tag, tt, s.cond->pos, false)) return false;
    tag_slot = new_slot(tt, "");
    move_or_load(tag, tag_slot, tt);
  }
  std::vector<std::vector<int>> to_body(s.cases.size());
  int default_case = -1;
  for (size_t c = 0; c < s.cases.size(); ++c) {
    const auto& cs = s.cases[c];
    if (cs.is_default) {
      if (default_case >= 0) return fail(cs.pos, "multiple defaults in switch");
      default_case = int(c);
      continue;
    }
    for (const auto& ce : cs.exprs) {
      size_t m = temp_mark();
      F->line = ce->pos.line;
      if (has_tag) {
        V cv = expr(*ce);
        if (!cv.ok) return false;
        V tv;
        tv.t = tt;
        tv.slot = tag_slot;
        V eq = binop_vals(ce->pos, s.cond->pos, ce->pos, Tok::Eql, tv, std::move(cv));
        if (!eq.ok) return false;
        int es = materialize(eq, TypeTable::kBool);
        to_body[c].push_back(emit(OpJt, 0, es));
      } else {
        V cv = expr(*ce);
        if (!cv.ok) return false;
        if (T.kind(cv.t) != Kind::Bool && T.kind(cv.t) != Kind::UntypedBool) return fail(ce->pos, "invalid case " + expr_str(*ce) + " in switch (mismatched types " + T.name(cv.t) + " and bool)");
        int es = materialize(cv, TypeTable::kBool);
        to_body[c].push_back(emit(OpJt, 0, es));
      }
      temp_release(m);
    }
  }
  int jdefault = emit(OpJmp);
  open_loop(true);
  std::vector<int> ends;
  int fall = -1;   // the previous case's fallthrough: a jump to this case's body
  for (size_t c = 0; c < s.cases.size(); ++c) {
    int start = pc();
    for (int j : to_body[c]) patch(j, start);
    if (int(c) == default_case) patch(jdefault, start);
    if (fall >= 0) patch(std::exchange(fall, -1), start);
    // a case ending in fallthrough (its last statement, the parser checked: branches.cpp)
    // goes on into the next case's body, in the order written
    const auto& body = s.cases[c].body;
    size_t n = body.size();
    while (n > 0 && body[n - 1]->kind == Stmt::Empty && body[n - 1]->labeled.empty()) --n;
    const bool falls = n > 0 && body[n - 1]->kind == Stmt::Fallthrough;
    push_scope();
    for (size_t i = 0; i < (falls ? n - 1 : body.size()); ++i)
      if (!stmt(*body[i])) return false;
    if (!pop_scope()) return false;
    if (falls && !body[n - 1]->labeled.empty()) label_here(*body[n - 1]);
    (falls ? fall : ends.emplace_back()) = emit(OpJmp);
  }
  int end = pc();
  if (default_case < 0) patch(jdefault, end);
  for (int j : ends) patch(j, end);
  close_loop(end, end);
  return pop_scope();
}

// ---------------------------------------------------------------- defer and return
// defer_stmt: the arguments are evaluated here into hidden variables; OpDefer records their
// values on the goroutine's defer list (runtime/panic.go deferproc), and the call itself is
// compiled here as a thunk that the VM runs at the function's exits, or while a panic
// unwinds, in this frame: names in the call (a literal's body, expanded in place) are this
// function's variables, read when the call runs, as a closure's captures by reference are.
// gc open-codes a defer outside loops (no allocation: ssagen's openDeferRecord) or puts its
// record on the stack (deferprocStack); inside a loop each execution allocates a heap
// _defer record (newdefer, from the deferpool) and gc's wrapper closure (order.go
// wrapGoDefer: {F, args…}, escaping), and a deferred literal is a closure made at the
// statement, one per iteration.
bool Compiler::defer_stmt(const Stmt& s) {
  if (!F->expansions.empty())
    return fail(s.pos, "defer inside a function literal expanded where it is called (passed to a function whose function-typed parameter is only called) is not supported by the playground; assign the literal to a variable and pass that");
  const Expr& deferred = *s.lhs[0];
  const bool in_loop = loop_depth() > 0;
  const bool through_value = s.lhs.size() > 1 && (in_loop || body_has_defer(deferred.x->lit->body));
  DeferSite site;
  site.heap = in_loop;
  site.line = s.pos.line;
  auto hold = [&](const std::string& name, TypeId t, Pos p, V* v) {
    declare_init(name, t, p, v);
    Entity& en = scopes_.back()[name];
    en.used = true;
    site.slots.push_back(en.slot);
    site.types.push_back(t);
    if (in_loop && site.closure_bytes == 0) site.closure_bytes = 8;   // the wrapper's F
    if (in_loop) site.closure_bytes += T.u(t).size;
  };
  if (through_value) {
    V fv = expr(*deferred.x);
    if (!fv.ok) return false;
    if (in_loop) sink(fv.src);   // a closure per iteration, on the heap (the defer outlives the iteration)
    declare_init(s.lhs[1]->x->name, fv.t, deferred.x->pos, &fv);
    Entity& en = scopes_.back()[s.lhs[1]->x->name];
    en.used = true;
    site.slots.push_back(en.slot);
    site.types.push_back(fv.t);
  }
  for (size_t i = 0; i < s.rhs.size(); ++i) {
    V v = expr(*s.rhs[i]);
    if (!v.ok) return false;
    if (v.is_type) return fail(s.rhs[i]->pos, T.name(v.t) + " (type) is not an expression");
    if (v.is_tuple || v.t == 0) return fail(s.rhs[i]->pos, expr_str(*s.rhs[i]) + " is not a single value");
    TypeId t = v.isconst ? T.default_type(v.t) : v.t;
    if (v.isconst && t != TypeTable::kUntypedNil && !convert_const(v, t, s.rhs[i]->pos, false)) return false;
    if (t == TypeTable::kUntypedNil) return fail(s.rhs[i]->pos, "use of untyped nil in a deferred call's arguments is not supported by the playground");
    if (in_loop) sink(v.src);   // held by the escaping wrapper closure
    hold(deferred.args[i]->name, t, s.rhs[i]->pos, &v);
  }
  if (through_value) site.closure_bytes = 0;   // the literal's own closure is the record's fn
  const int index = int(F->fn->defer_sites.size());
  F->fn->defer_sites.push_back(site);
  const int over = emit(OpDefer, index);
  F->fn->defer_sites[size_t(index)].thunk = pc();
  F->line = s.pos.line;
  stmt_flag_ = true;
  const size_t mark = temp_mark();
  V v = call(through_value ? *s.lhs[1] : deferred, true);
  if (!v.ok) return false;
  temp_release(mark);
  emit(OpDeferRet);
  F->fn->code[size_t(over)].b = pc();
  stmt_flag_ = true;
  return true;
}

// run_defers: at an exit of a function with defer statements, its deferred calls run
// (runtime/panic.go deferreturn).
bool Compiler::run_defers() {
  if (F->has_defers) emit(OpRunDefers);
  return true;
}

// has_defer: a defer statement in the statement (not in the function literals inside it).
bool Compiler::has_defer(const Stmt* s) {
  if (!s) return false;
  if (s->kind == Stmt::Defer) return true;
  bool found = false;
  for_each_child(*s, [](const Expr*) {}, [&](const Stmt* b) { found = found || has_defer(b); });
  return found;
}

bool Compiler::body_has_defer(const std::vector<StmtP>& body) {
  for (const auto& b : body)
    if (has_defer(b.get())) return true;
  return false;
}

// defers_begin, after a body's parameters and named results: a body with defer statements
// returns through result slots of its own (the named results', else hidden ones, zeroed at
// entry) so that its deferred calls run between the return's assignment and OpRet (and may
// change named results), and a recovered panic returns what they hold.
void Compiler::defers_begin(const std::vector<StmtP>& body) {
  F->has_defers = body_has_defer(body);
  F->named_results = !F->result_slots.empty();
  if (!F->has_defers || F->named_results) return;
  for (TypeId t : F->fn->result_types) {
    const int slot = new_slot(t, "");
    F->result_slots.push_back(slot);
    emit(OpLoadK, slot, konst(0));
  }
}

// box_named_results: a named result that a closure captures by reference (or whose
// address is taken) lives in a box from entry, as a parameter does; its function copies it
// back into the result slot at each return (emit_named_return).
void Compiler::box_named_results(const std::vector<Param>& results) {
  F->result_boxes.assign(F->result_slots.size(), -1);
  for (size_t i = 0; i < results.size() && i < F->result_slots.size(); ++i) {
    auto it = scopes_.back().find(results[i].name);
    if (results[i].name == "_" || it == scopes_.back().end() || !F->addr_names.count(results[i].name) || T.is_aggregate(it->second.type)) continue;
    box_var(it->second);
    emit(OpStore, it->second.box, F->result_slots[i]);
    F->result_boxes[i] = it->second.box;
  }
}

// emit_named_return: OpRet of the result slots, the boxed named results' values first.
void Compiler::emit_named_return() {
  const int n = int(F->fn->result_types.size());
  for (size_t i = 0; i < F->result_boxes.size(); ++i)
    if (F->result_boxes[i] >= 0) emit(OpLoad, F->result_slots[i], F->result_boxes[i], 0, 0, uint16_t(F->fn->result_types[i]));
  emit(OpRet, n ? F->result_slots[0] : 0, n);
}

// defers_end, after a body's last return: where a recovered panic resumes (the function
// returns normally to its caller, runtime/panic.go recovery).
void Compiler::defers_end() {
  if (!F->has_defers) return;
  stmt_flag_ = false;
  F->fn->recover_pc = pc();
  emit(OpRunDefers);
  emit_named_return();
}

bool Compiler::return_stmt(const Stmt& s) {
  if (!F->expansions.empty() && F->expansions.back()->range_body) return range_body_return(s, *F->expansions.back());
  if (!F->expansions.empty()) return expansion_return(s, *F->expansions.back());
  Function& fn = *F->fn;
  size_t n = fn.result_types.size();
  if (s.rhs.empty()) {
    if (n == 0 || F->named_results) {
      if (!run_defers()) return false;
      emit_named_return();
      return true;
    }
    return fail(s.pos, "not enough return values\n\thave ()\n\twant " + T.name(T.tuple(fn.result_types)));
  }
  if (n == 0) return fail(s.rhs[0]->pos, "too many return values");
  std::vector<V> vals;
  std::vector<Pos> pos;
  if (s.rhs.size() != n && s.rhs.size() != 1) return fail(s.pos, std::string(s.rhs.size() < n ? "not enough" : "too many") + " return values");
  if (!rhs_values(s, n, vals, pos)) {
    if (!failed_) fail(s.pos, "wrong number of return values");
    return false;
  }
  int base = fresh_slots(fn.result_types);
  for (size_t i = 0; i < n; ++i) {
    if (!assignable(vals[i], fn.result_types[i], pos[i], "return statement")) return false;
    flow(vals[i].src, ret_nodes_[size_t(F->fidx)]);
    move_into(vals[i], base + int(i), fn.result_types[i]);
  }
  if (F->has_defers) {   // the results are assigned, then the deferred calls run (and may change them)
    for (size_t i = 0; i < n; ++i) {
      const bool boxed = i < F->result_boxes.size() && F->result_boxes[i] >= 0;
      emit(boxed ? OpStore : OpMov, boxed ? F->result_boxes[i] : F->result_slots[i], base + int(i));
    }
    if (!run_defers()) return false;
    emit_named_return();
    return true;
  }
  emit(OpRet, base, int(n));
  return true;
}

// ---------------------------------------------------------------- terminating statements ("missing return")
// terminating is the spec's "terminating statement" check (missing return).
bool Compiler::terminating(const std::vector<StmtP>& body) {
  for (size_t i = body.size(); i-- > 0;) {
    if (body[i]->kind == Stmt::Empty) continue;
    return terminating(*body[i]);
  }
  return false;
}

bool Compiler::terminating(const Stmt& s) {
  switch (s.kind) {
    case Stmt::Return: case Stmt::Goto: case Stmt::Fallthrough: return true;
    case Stmt::ExprS: {
      const Expr& c = *s.lhs[0];
      if (c.kind != Expr::Call) return false;
      if (c.x->kind == Expr::Ident && c.x->name == "panic") return true;
      if (c.x->kind == Expr::Selector && c.x->x->kind == Expr::Ident && c.x->x->name == "log" && c.x->name.rfind("Fatal", 0) == 0) return true;
      return false;
    }
    case Stmt::Block: return terminating(s.body);
    case Stmt::If: return s.els && terminating(s.body) && terminating(*s.els);
    case Stmt::For: return !s.cond && !has_break(s.body);
    case Stmt::Switch: {
      bool def = false;
      for (const auto& c : s.cases) {
        def = def || c.is_default;
        if (!terminating(c.body) || has_break(c.body)) return false;
      }
      return def;
    }
    default: return false;
  }
}

bool Compiler::has_break(const std::vector<StmtP>& body) {
  for (const auto& s : body) {
    switch (s->kind) {
      case Stmt::Break: return true;
      case Stmt::Block: if (has_break(s->body)) return true; break;
      case Stmt::If:
        if (has_break(s->body)) return true;
        if (s->els) {
          if (s->els->kind == Stmt::Block ? has_break(s->els->body) : has_break_if(*s->els)) return true;
        }
        break;
      default: break;   // nested for/switch/range own their breaks
    }
  }
  return false;
}

bool Compiler::has_break_if(const Stmt& s) {
  if (has_break(s.body)) return true;
  if (s.els) return s.els->kind == Stmt::Block ? has_break(s.els->body) : has_break_if(*s.els);
  return false;
}

}  // namespace lang::detail
