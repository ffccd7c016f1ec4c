// compiler_closures.cpp — function values: func types, top-level functions as values,
// function literals that are stored, returned, reassigned or passed on (compiled as
// functions of their own, with a closure), calls through a func value, and the plan that
// decides, before a function's body compiles, which literals stay expanded in place
// (compiler_expand_in_place.cpp) and which variables their closures capture by reference.
//
// A func value is nil (0) or its closure: an Obj of a struct type {F uintptr; captures…}
// whose element 0 is the function's index (gc's funcval: the code pointer, then the
// captured variables). A literal's function takes its closure as a hidden last parameter
// (slot max(params, results): a call frame's results never overlap it) and loads each
// capture from it at entry; OpCallF puts the closure there. A top-level function as a value
// is a closure with no captures: static data, as gc's `square·f` symbol (nothing allocated).
//
// Models: cmd/compile/internal/walk/closure.go (the closure struct; a literal without
// captures is a static funcval), cmd/compile/internal/typecheck/func.go and ir
// (capturevars: a variable is captured by value when it is never reassigned after its
// declaration, its address is not taken and it is at most 128 bytes; otherwise by
// reference, which moves it to the heap when the closure escapes), escape/call.go (the
// arguments of a call through a func value escape: the callee is unknown), escape/expr.go
// (OCLOSURE: the closure is an allocation whose captured variables flow into it). Go 1.22's
// per-iteration loop variables: a loop variable the body does not assign is captured by
// value (its post statement assigns the next iteration's copy).
//
// Simplifications: names, not variables, decide what is captured by reference (a name
// assigned anywhere in the top-level function and read inside a literal that becomes a
// value: a box more only costs when the closure escapes); a captured aggregate over 128
// bytes is captured by value (gc: by reference); calls through a func value do not take a
// tuple as their arguments. Variadic func types (func(...int) int) are func types whose
// last parameter is a []T marked variadic (TypeTable::func_): a call through one packs its
// final arguments as a call by name does (variadic_arg), f(xs...) passes xs. Method expressions and
// interface method values go through gc's wrappers (call_wrapper), as method values do.
#include "engine/lang/compiler_impl.h"

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace lang::detail {

// func_type resolves a func type expression: func(int) string, func(), func(a, b int) (int, error).
bool Compiler::func_type(const TypeExpr& te, TypeId& out) {
  std::vector<TypeId> ps, rs;
  for (const Param& p : te.fparams) {
    if (p.variadic && &p != &te.fparams.back()) return fail(p.pos, "can only use ... with final parameter in list");
    TypeId t;
    if (!type_of(*p.type, t)) return false;
    ps.push_back(p.variadic ? T.slice(t) : t);   // ...T is a []T
  }
  for (const Param& p : te.fresults) {
    TypeId t;
    if (!type_of(*p.type, t)) return false;
    rs.push_back(t);
  }
  out = T.func_(ps, rs, !te.fparams.empty() && te.fparams.back().variadic);
  return true;
}

// ---------------------------------------------------------------- the plan
// expands_at_calls: fd's function-typed parameters are only ever called in its body (not
// stored, passed on, returned, started as a goroutine or read inside a function literal, no func type nested in
// theirs), and fd neither calls itself, nor is variadic, nor defers: then each call expands the body
// (compiler_expand_in_place.cpp expand_call; gc keeps such closures on the stack). Otherwise the
// parameters are func values and the function an ordinary one.
bool Compiler::expands_at_calls(const FuncDecl& fd) {
  if (body_has_defer(fd.body)) return false;   // its defers need a frame of its own (gc does not inline it either)
  std::set<std::string> fparams;
  for (size_t i = 0; i < fd.params.size(); ++i) {
    const Param& p = fd.params[i];
    if (p.variadic) return false;
    if (!func_typed_param(fd, i)) continue;
    if (params_ranged_over(fd).count(p.name)) {   // an iterator: its yield's func type is its own
      fparams.insert(p.name);
      continue;
    }
    for (const auto* list : {&p.type->fparams, &p.type->fresults})
      for (const Param& q : *list)
        if (q.type && q.type->kind == TypeExpr::Func) return false;
    fparams.insert(p.name);
  }
  if (fparams.empty()) return true;
  bool ok = true;
  std::function<void(const Expr*, bool)> expr;
  std::function<void(const Stmt*, bool)> stmt;
  expr = [&](const Expr* e, bool in_lit) {
    if (!e || !ok) return;
    if (e->kind == Expr::Ident && fparams.count(e->name)) ok = false;   // a use that is not a call
    if (e->kind == Expr::FuncLitE) {
      for (const auto& b : e->lit->body) stmt(b.get(), true);
      return;
    }
    if (e->kind == Expr::Call) {
      const Expr* f = e->x.get();
      while (f && f->kind == Expr::Paren) f = f->x.get();
      if (f && (f->kind == Expr::Ident || f->kind == Expr::Selector) && f->name == fd.name) ok = false;   // recursion
      if (f && f->kind == Expr::Ident && fparams.count(f->name)) {
        if (in_lit) ok = false;
      } else {
        expr(e->x.get(), in_lit);
      }
      for (const auto& a : e->args) expr(a.get(), in_lit);
      return;
    }
    expr(e->x.get(), in_lit);
    expr(e->y.get(), in_lit);
    expr(e->z.get(), in_lit);
    for (const auto& a : e->args) expr(a.get(), in_lit);
  };
  stmt = [&](const Stmt* s, bool in_lit) {
    if (!s || !ok) return;
    if (s->kind == Stmt::Go && !s->lhs.empty() && s->lhs[0]->kind == Expr::Call) {   // go f(…): the goroutine outlives the call
      const Expr* f = s->lhs[0]->x.get();
      while (f && f->kind == Expr::Paren) f = f->x.get();
      if (f && f->kind == Expr::Ident && fparams.count(f->name)) ok = false;
    }
    for (const auto& e : s->lhs) expr(e.get(), in_lit);
    for (const auto& e : s->rhs) expr(e.get(), in_lit);
    // a range over the parameter: the iterator bound to it expands there (range_user_func)
    const bool ranged = s->kind == Stmt::Range && !in_lit && s->cond && s->cond->kind == Expr::Ident && fparams.count(s->cond->name);
    if (!ranged) expr(s->cond.get(), in_lit);
    stmt(s->init.get(), in_lit);
    stmt(s->post.get(), in_lit);
    stmt(s->els.get(), in_lit);
    for (const auto& b : s->body) stmt(b.get(), in_lit);
    for (const auto& c : s->cases) {
      for (const auto& e : c.exprs) expr(e.get(), in_lit);
      for (const auto& b : c.body) stmt(b.get(), in_lit);
    }
  };
  for (const auto& b : fd.body) stmt(b.get(), false);
  return ok;
}

// params_ranged_over: the names of fd's function-typed parameters (a func type, iter.Seq or
// iter.Seq2) ranged over in its body (`for v := range seq`), outside function literals.
std::set<std::string> Compiler::params_ranged_over(const FuncDecl& fd) {
  std::set<std::string> params, ranged;
  for (const Param& p : fd.params)
    if (p.type && (p.type->kind == TypeExpr::Func ||
                   (p.type->kind == TypeExpr::Qualified && p.type->pkg == "iter" && (p.type->name == "Seq" || p.type->name == "Seq2"))))
      params.insert(p.name);
  std::function<void(const Stmt*)> walk = [&](const Stmt* s) {
    if (!s) return;
    if (s->kind == Stmt::Range && s->cond && s->cond->kind == Expr::Ident && params.count(s->cond->name)) ranged.insert(s->cond->name);
    for_each_child(*s, [](const Expr*) {}, walk);
  };
  for (const auto& b : fd.body) walk(b.get());
  return ranged;
}

// func_typed_param: fd's parameter i is bound, where fd expands, to the function passed: a
// func type, or package iter's Seq/Seq2 (iter/iter.go: func(yield func(V) bool)) ranged over.
bool Compiler::func_typed_param(const FuncDecl& fd, size_t i) {
  const Param& p = fd.params[i];
  if (!p.type) return false;
  return p.type->kind == TypeExpr::Func || params_ranged_over(fd).count(p.name);
}

// expands_argument: call's argument arg is bound to a function-typed parameter of a
// function whose calls expand its body (compiler_expand_in_place.cpp expand_call): a literal there
// stays a literal expanded in place, a named literal passed there is only called.
bool Compiler::expands_argument(const Expr& call, size_t arg) const {
  const Expr* f = call.x.get();
  while (f && f->kind == Expr::Paren) f = f->x.get();
  if (!f) return false;
  auto func_param = [&](const FuncDecl& fd, size_t i) { return i < fd.params.size() && func_typed_param(fd, i); };
  if (f->kind == Expr::Ident || (f->kind == Expr::Index && f->x->kind == Expr::Ident)) {
    const std::string& name = f->kind == Expr::Ident ? f->name : f->x->name;
    auto it = pkg_.find(name);
    if (it == pkg_.end() || it->second.k != Entity::Func) return false;
    const int fidx = it->second.slot;
    return func_params_[size_t(fidx)] && func_param(decl(fidx), arg);
  }
  if (f->kind == Expr::Selector) {   // a method: any method of that name expanding there
    for (size_t i = 0; i < decls_.size(); ++i) {
      const FuncDecl* fd = decls_[i];
      if (fd && fd->has_recv && fd->name == f->name && func_params_[i] && func_param(*fd, arg + 1)) return true;
    }
  }
  return false;
}

// plan_literals walks a top-level function's body (literals' bodies included) once per
// change: a literal is a value (converted) unless it is called at once, handed to a
// parameter of an expanded function, or bound by `f := func…` to a name only ever called
// (outside converted literals). Names read inside converted literals are captured; the
// ones assigned after their declaration are boxed (captured by reference).
void Compiler::plan_literals(const std::vector<StmtP>& body, FnState& st) {
  plans_.emplace_back();
  LitPlan& plan = plans_.back();
  std::set<std::string> candidates;     // f := func…
  std::vector<std::set<std::string>> blocks;   // names declared per block (a, err := … again assigns err)
  bool changed = true;
  for (int round = 0; changed && round < 8; ++round) {
    changed = false;
    plan.captured.clear();
    plan.assigned.clear();
    blocks.assign(1, {});
    std::set<std::string> value_uses;
    std::function<void(const Expr*, bool)> expr;
    std::function<void(const Stmt*, bool)> stmt;
    auto block = [&](const std::vector<StmtP>& body, bool conv) {
      blocks.emplace_back();
      for (const auto& b : body) stmt(b.get(), conv);
      blocks.pop_back();
    };
    int loops = 0;   // for/range statements around the statement walked, in its function
    auto lit_body = [&](const Expr* e, bool conv) {
      const int outer_loops = loops;
      if (conv) loops = 0;   // a value's body is a function of its own
      block(e->lit->body, conv);
      loops = outer_loops;
    };
    auto assigned_root = [&](const Expr* l) {
      while (l && (l->kind == Expr::Paren || l->kind == Expr::Selector || l->kind == Expr::Index)) l = l->x.get();
      if (l && l->kind == Expr::Ident) plan.assigned.insert(l->name);
    };
    expr = [&](const Expr* e, bool conv) {
      if (!e) return;
      switch (e->kind) {
        case Expr::Ident:
          if (conv) plan.captured.insert(e->name);
          if (candidates.count(e->name)) value_uses.insert(e->name);   // a call's callee is skipped below
          return;
        case Expr::FuncLitE: lit_body(e, true); return;
        case Expr::Call: {
          const Expr* f = e->x.get();
          while (f && f->kind == Expr::Paren) f = f->x.get();
          if (f && f->kind == Expr::FuncLitE) lit_body(f, conv || body_has_defer(f->lit->body));   // called at once (a value when it defers)
          else if (f && f->kind == Expr::Ident && candidates.count(f->name)) {   // a named literal called
            if (conv) {
              plan.captured.insert(f->name);
              value_uses.insert(f->name);
            }
          } else {
            expr(e->x.get(), conv);
          }
          for (size_t i = 0; i < e->args.size(); ++i) {
            const Expr* a = e->args[i].get();
            while (a->kind == Expr::Paren) a = a->x.get();
            if (expands_argument(*e, i) && a->kind == Expr::FuncLitE) lit_body(a, conv);
            else if (expands_argument(*e, i) && a->kind == Expr::Ident && candidates.count(a->name) && !conv) continue;
            else expr(a, conv);
          }
          return;
        }
        case Expr::Unary:
          if (e->op == Tok::And) assigned_root(e->x.get());   // &x: by reference, as gc
          break;
        default: break;
      }
      expr(e->x.get(), conv);
      expr(e->y.get(), conv);
      expr(e->z.get(), conv);
      for (const auto& a : e->args) expr(a.get(), conv);
    };
    std::function<void(const Stmt*, bool)> stmt_in_loops;
    stmt = [&](const Stmt* s, bool conv) {
      const bool loop = s && (s->kind == Stmt::For || s->kind == Stmt::Range);
      loops += loop;
      stmt_in_loops(s, conv);
      loops -= loop;
    };
    stmt_in_loops = [&](const Stmt* s, bool conv) {
      if (!s) return;
      switch (s->kind) {
        case Stmt::Defer:   // a literal deferred in a loop, or deferring itself, is a value (defer_stmt)
          if (s->lhs.size() > 1 && (loops > 0 || body_has_defer(s->lhs[0]->x->lit->body))) {
            lit_body(s->lhs[0]->x.get(), true);
            for (const auto& e : s->rhs) expr(e.get(), conv);
            return;
          }
          break;
        case Stmt::Define:
          if (s->lhs.size() == 1 && s->rhs.size() == 1 && s->rhs[0]->kind == Expr::FuncLitE && s->lhs[0]->kind == Expr::Ident) {
            const std::string& n = s->lhs[0]->name;
            candidates.insert(n);
            blocks.back().insert(n);
            if (body_has_defer(s->rhs[0]->lit->body)) value_uses.insert(n);   // its defers need a frame of its own
            lit_body(s->rhs[0].get(), conv || plan.value_names.count(n));
            return;
          }
          for (const auto& l : s->lhs)
            if (l->kind == Expr::Ident && !blocks.back().insert(l->name).second) plan.assigned.insert(l->name);   // a, err := …; b, err := …
          break;
        case Stmt::VarDecl:
          if (!s->type && s->names.size() == 1 && s->rhs.size() == 1 && s->rhs[0]->kind == Expr::FuncLitE) {
            const std::string& n = s->names[0];
            candidates.insert(n);
            if (body_has_defer(s->rhs[0]->lit->body)) value_uses.insert(n);
            lit_body(s->rhs[0].get(), conv || plan.value_names.count(n));
            return;
          }
          break;
        case Stmt::Assign: case Stmt::OpAssign: case Stmt::IncDec:
          for (const auto& l : s->lhs) assigned_root(l.get());
          break;
        case Stmt::Go:   // go f(…) of a named literal: a func value (go_value), its captures as a value's
          if (!s->lhs.empty() && s->lhs[0]->kind == Expr::Call && s->lhs[0]->x->kind == Expr::Ident && candidates.count(s->lhs[0]->x->name))
            value_uses.insert(s->lhs[0]->x->name);
          break;
        case Stmt::Range:
          // before Go 1.22 one variable for the whole loop: the loop assigns it
          if (!s->range_define || go_minor_ < 22)
            for (const auto& l : s->lhs) assigned_root(l.get());
          break;
        case Stmt::For:
          // before Go 1.22 the post statement assigns the loop's one variable; from 1.22 it
          // assigns the next iteration's copy (the body's is never assigned by it)
          if (go_minor_ >= 22 && s->post) {
            for (const auto& e : s->post->lhs) expr(e.get(), conv);
            for (const auto& e : s->post->rhs) expr(e.get(), conv);
            blocks.emplace_back();
            stmt(s->init.get(), conv);
            expr(s->cond.get(), conv);
            block(s->body, conv);
            blocks.pop_back();
            return;
          }
          break;
        default: break;
      }
      const bool scoped = s->kind != Stmt::Define && s->kind != Stmt::VarDecl && s->kind != Stmt::ConstDecl && s->kind != Stmt::TypeDecl;
      if (scoped) blocks.emplace_back();   // if/for/switch: their init's names, then their blocks
      for (const auto& e : s->lhs) expr(e.get(), conv);
      for (const auto& e : s->rhs) expr(e.get(), conv);
      expr(s->cond.get(), conv);
      stmt(s->init.get(), conv);
      stmt(s->post.get(), conv);
      stmt(s->els.get(), conv);
      if (s->kind == Stmt::Block && s->label == "decl") {
        for (const auto& b : s->body) stmt(b.get(), conv);
      } else {
        block(s->body, conv);
      }
      for (const auto& c : s->cases) {
        for (const auto& e : c.exprs) expr(e.get(), conv);
        block(c.body, conv);
      }
      if (scoped) blocks.pop_back();
    };
    for (const auto& b : body) stmt(b.get(), false);   // the function's block (its parameters' names are new there)
    for (const std::string& n : value_uses)
      if (plan.value_names.insert(n).second) changed = true;
    if (round == 0) changed = true;   // the candidates are known after the first walk
  }
  st.plan = &plan;
  for (const std::string& n : plan.captured)
    if (plan.assigned.count(n)) st.addr_names.insert(n);
}

// ---------------------------------------------------------------- captures
int Compiler::slot_in(FnState& st, TypeId t, const std::string& name) {
  FnState* saved = F;
  F = &st;
  const int s = new_slot(t, name);
  F = saved;
  return s;
}

// capture: name as the literal at lit_ctx_[level] sees it, when its own scopes lack it: a
// variable of the enclosing function (or of an enclosing literal, captured there first)
// becomes a capture; constants and types pass through.
Entity* Compiler::capture(size_t level, const std::string& name) {
  LitCtx& c = *lit_ctx_[level];
  if (Entity* have = [&]() -> Entity* {
        auto it = scopes_[c.base].find(name);
        return it == scopes_[c.base].end() ? nullptr : &it->second;
      }())
    return have;
  Entity* en = nullptr;
  for (size_t i = c.base; i-- > c.outer_floor && !en;) {
    auto it = scopes_[i].find(name);
    if (it != scopes_[i].end()) en = &it->second;
  }
  if (!en && level > 0 && c.outer_floor == lit_ctx_[level - 1]->base) en = capture(level - 1, name);
  if (!en) return nullptr;
  if (en->k == Entity::Closure) {
    fail(en->pos, "function literal " + name + " is used inside another function literal: not supported by the playground");
    return nullptr;
  }
  if (en->k != Entity::Var) return en;
  en->used = true;
  Capture cap;
  cap.name = name;
  cap.outer = *en;
  // by reference: a boxed scalar (assigned after its declaration, or &x) or an aggregate
  // with an Obj of its own; the literal's variable shares the box (or the Obj)
  cap.by_ref = en->box >= 0 || (T.is_aggregate(en->type) && en->addr_node >= 0);
  Entity in = *en;
  in.used = true;
  if (en->box >= 0) {
    in.box = slot_in(*c.fs, T.pointer(en->type), name);
    in.slot = slot_in(*c.fs, en->type, "");
    cap.inner_slot = in.box;
  } else {
    in.slot = slot_in(*c.fs, en->type, name);
    cap.inner_slot = in.slot;
  }
  c.caps.push_back(cap);
  return &(scopes_[c.base][name] = in);
}

// precapture captures, before the body compiles, the enclosing function's variables the
// literal's body reads and never declares: a capture made lazily while a call's arguments
// are evaluated would get a slot above the call's frame, which the call overwrites.
void Compiler::precapture(const FuncLit& lit, const LitCtx& c) {
  std::set<std::string> used, declared;
  for (const Param& p : lit.params) declared.insert(p.name);
  for (const Param& p : lit.results) declared.insert(p.name);
  std::function<void(const Stmt*)> decls = [&](const Stmt* s) {
    if (!s) return;
    if (s->kind == Stmt::Define || (s->kind == Stmt::Range && s->range_define))
      for (const auto& l : s->lhs)
        if (l && l->kind == Expr::Ident) declared.insert(l->name);
    if (s->kind == Stmt::VarDecl) declared.insert(s->names.begin(), s->names.end());
    for_each_child(*s, [](const Expr*) {}, decls);
  };
  for (const auto& b : lit.body) {
    names_in(b.get(), used);
    decls(b.get());
  }
  for (const std::string& n : used) {
    if (declared.count(n)) continue;
    for (size_t i = c.base; i-- > c.outer_floor;) {
      auto it = scopes_[i].find(n);
      if (it == scopes_[i].end()) continue;
      if (it->second.k == Entity::Var) capture(lit_ctx_.size() - 1, n);
      break;
    }
  }
}

// ---------------------------------------------------------------- literals as values
// new_lit_function adds a function of the program for a literal (or a method value's
// wrapper): params, then filler slots up to max(params, results), then the closure.
int Compiler::new_lit_function(const std::string& name, const std::vector<TypeId>& params, const std::vector<TypeId>& results, Pos pos, Pos end) {
  Function fn;
  fn.name = name;
  fn.line = pos.line;
  fn.end_line = end.line;
  fn.param_types = params;
  for (size_t i = params.size(); i < results.size(); ++i) fn.param_types.push_back(results[i]);
  fn.param_types.push_back(T.pointer(TypeTable::kUintptr));   // the closure (its type set at the end)
  fn.result_types = results;
  fn.nparams = int(fn.param_types.size());
  fn.nresults = int(results.size());
  const int fidx = int(prog_.funcs.size());
  prog_.funcs.push_back(std::move(fn));
  std::vector<int> nodes;
  for (size_t i = 0; i < prog_.funcs.back().param_types.size(); ++i) nodes.push_back(new_node());
  param_nodes_.push_back(std::move(nodes));
  ret_nodes_.push_back(new_node());
  func_params_.push_back(0);
  expanding_fn_.push_back(0);
  inlined_.push_back(0);
  lit_decls_.emplace_back();
  lit_decls_.back().name = name;
  lit_decls_.back().pos = pos;
  lit_decls_.back().end = end;
  decls_.push_back(&lit_decls_.back());
  tbinds_.emplace_back();
  return fidx;
}

// func_lit compiles a function literal used as a value: its body as a function of its own
// (now, in the scopes it was written in: what it reads of the enclosing function becomes
// captures), then the closure here. A literal without captures is a static funcval.
V Compiler::func_lit(const Expr& e) {
  const FuncLit& lit = *e.lit;
  std::vector<TypeId> ps, rs;
  for (const Param& p : lit.params) {
    if (p.variadic && &p != &lit.params.back()) return bad(p.pos, "can only use ... with final parameter in list");
    TypeId t;
    if (!type_of(*p.type, t)) { V v; v.ok = false; return v; }
    ps.push_back(p.variadic ? T.slice(t) : t);
  }
  for (const Param& p : lit.results) {
    TypeId t;
    if (!type_of(*p.type, t)) { V v; v.ok = false; return v; }
    rs.push_back(t);
  }
  const TypeId ft = T.func_(ps, rs, !lit.params.empty() && lit.params.back().variadic);
  if (speculative_ > 0) {   // static_type: the type is enough (the code is rolled back)
    V v;
    v.t = ft;
    v.slot = temp(ft);
    return v;
  }
  const std::string top = F->top_name.empty() ? F->fn->name : F->top_name;
  const int fidx = new_lit_function(top + ".func" + std::to_string(++lit_numbers_[top]), ps, rs, lit.pos, lit.end);
  const int ctx_index = int(std::max(ps.size(), rs.size()));
  lit_functions_[&lit] = fidx;

  FnState st;
  st.fidx = fidx;
  st.fn = &prog_.funcs[size_t(fidx)];
  st.plan = F->plan;
  st.assignments = F->assignments;   // counted over the top-level body, literals included
  st.func_assigns = F->func_assigns;
  st.top_name = top;
  st.line = lit.pos.line;
  for (const auto& b : lit.body) addr_names_in(b.get(), st.addr_names);
  if (st.plan)
    for (const std::string& n : st.plan->captured)
      if (st.plan->assigned.count(n)) st.addr_names.insert(n);
  LitCtx ctx;
  ctx.outer_floor = scope_floor_;
  ctx.base = scopes_.size();
  ctx.fs = &st;
  FnState* const outer = F;
  const bool saved_flag = stmt_flag_;
  F = &st;
  lit_ctx_.push_back(&ctx);
  push_scope();   // the captures
  scope_floor_ = ctx.base;
  auto restore = [&] {
    scopes_.resize(ctx.base);
    scope_floor_ = ctx.outer_floor;
    lit_ctx_.pop_back();
    F = outer;
    stmt_flag_ = saved_flag;
  };
  stmt_flag_ = true;
  const int entry = emit(OpJmp);   // to the captures' loads, emitted last
  push_scope();
  std::set<std::string> names;
  for (size_t i = 0; i < st.fn->param_types.size(); ++i) {
    const bool real = i < lit.params.size();
    const std::string pname = real ? lit.params[i].name : "";
    const int s = new_slot(st.fn->param_types[i], pname);
    if (!real || pname.empty() || pname == "_") continue;
    if (!names.insert(pname).second) { restore(); return bad(lit.params[i].pos, "duplicate argument " + pname); }
    bind_param(pname, lit.params[i].pos, ps[i], s, param_nodes_[size_t(fidx)][i]);
  }
  const int ctx_slot = ctx_index;
  move_params(lit.params, false);   // &param: its own place at entry
  if (!lit.results.empty() && !lit.results[0].name.empty()) {
    for (size_t i = 0; i < lit.results.size(); ++i) {
      const Param& p = lit.results[i];
      const int s = new_slot(rs[i], p.name);
      st.result_slots.push_back(s);
      emit(OpLoadK, s, konst(0));
      if (p.name == "_") continue;
      if (!names.insert(p.name).second) { restore(); return bad(p.pos, "duplicate argument " + p.name); }
      const Entity& re = bind_param(p.name, p.pos, rs[i], s, new_node());
      edges_.push_back(Edge{re.node, ret_nodes_[size_t(fidx)]});
    }
    box_named_results(lit.results);
  }
  defers_begin(lit.body);
  precapture(lit, ctx);
  push_scope();
  st.body_depth = scopes_.size();
  bool ok = stmts(lit.body);
  if (ok) {
    st.line = lit.end.line;
    stmt_flag_ = true;
    if (rs.empty()) ok = run_defers();
  }
  if (ok) ok = pop_scope();
  if (ok && !rs.empty() && !terminating(lit.body)) ok = fail(lit.end, "missing return");
  if (ok) emit(OpRet, 0, 0);
  if (ok) defers_end();
  if (ok) ok = pop_scope();
  if (!ok) { restore(); V v; v.ok = false; return v; }
  // the captures' loads, then on to the body
  std::vector<Field> fields{Field{"F", TypeTable::kUintptr, 0}};
  // a capture by reference is a pointer word, an aggregate's too (its Obj): gc's closure
  // holds &x, 8 bytes, whatever x's size
  for (const Capture& c : ctx.caps) fields.push_back(Field{c.name, c.by_ref ? T.pointer(c.outer.type) : c.outer.type, 0});
  const TypeId closure_t = T.structure(fields);
  const TypeId closure_ptr = T.pointer(closure_t);
  st.fn->param_types[size_t(ctx_slot)] = closure_ptr;
  st.fn->slot_types[size_t(ctx_slot)] = closure_ptr;
  patch(entry, pc());
  stmt_flag_ = false;
  for (size_t i = 0; i < ctx.caps.size(); ++i) emit(OpFGet, ctx.caps[i].inner_slot, ctx_slot, int(i) + 1);
  emit(OpJmp, entry + 1);
  std::vector<Capture> caps = std::move(ctx.caps);
  restore();

  // the closure, in the enclosing function
  V r;
  r.t = ft;
  r.slot = temp(ft);
  r.fresh = true;
  const int pc0 = emit(OpNew, r.slot, 0, 0, 0, uint16_t(closure_t));
  int site = -1;
  if (!caps.empty()) {   // gc: a closure without captures is static data
    site = add_site(pc0, "func literal", false);
    r.src.push_back(site);
  }
  const int fs = temp(TypeTable::kUintptr);
  emit(OpLoadK, fs, konst(Word(fidx)));
  emit(OpFSet, r.slot, fs, 0);
  for (size_t i = 0; i < caps.size(); ++i) {
    const Capture& c = caps[i];
    int src = c.outer.box >= 0 ? c.outer.box : c.outer.slot;
    if (!c.by_ref && T.is_aggregate(c.outer.type)) {
      const int cp = temp(c.outer.type);
      emit(OpCopy, cp, src);
      src = cp;
    }
    emit(OpFSet, r.slot, src, int(i) + 1);
    if (c.by_ref && c.outer.addr_node >= 0) edges_.push_back(Edge{c.outer.addr_node, site});
    else if (c.outer.node >= 0) edges_.push_back(Edge{c.outer.node, site});
  }
  return r;
}

// func_value_of: a top-level function as a value: a closure without captures (static).
V Compiler::func_value_of(const Entity& en, Pos p) {
  const int fidx = en.slot;
  const FuncDecl& fd = decl(fidx);
  if (is_generic(fd)) return bad(p, "cannot use generic function " + fd.name + " without instantiation");
  if (func_params_[size_t(fidx)])
    return bad(p, fd.name + " (a function with function-typed parameters, expanded where it is called) cannot be used as a value in the playground");
  const Function& fn = prog_.funcs[size_t(fidx)];
  V r = static_func_value(fidx, T.func_(fn.param_types, fn.result_types, is_variadic(fd)));
  r.static_func = fidx;
  return r;
}

// func_value_call compiles a call through a func value: the frame holds the arguments, the
// results come back in its first slots, the closure goes after both (OpCallF). Unless callees
// names the functions it may reach (a literal called where it is written; Go 1.27's
// assigned_callees), the arguments escape (escape/call.go: an unknown callee's arguments
// flow to the heap).
V Compiler::func_value_call(const Expr& e, V fv, const std::vector<int>& callees) {
  const Type& sig = T.u(fv.t);
  const size_t np = size_t(sig.len), nr = sig.fields.size() - np;
  std::vector<TypeId> params, results;
  for (size_t i = 0; i < sig.fields.size(); ++i) (i < np ? params : results).push_back(sig.fields[i].type);
  if (e.has_ellipsis && !sig.variadic) return bad(e.pos, "cannot use ... in call to non-variadic " + expr_str(*e.x));
  // a variadic call's final arguments become one []T (variadic_arg), unless f(xs...) passes xs
  const bool packed = sig.variadic && !e.has_ellipsis;
  if (packed ? e.args.size() + 1 < np : e.args.size() != np)
    return arg_count_error(e, e.args.size(), np, expr_str(*e.x));
  const int f = temp(fv.t);   // the value as it was before the arguments ran
  emit(OpMov, f, fv.slot);
  const size_t m = std::max(np, nr);
  std::vector<TypeId> st;
  for (size_t i = 0; i < m; ++i) st.push_back(i < np ? params[i] : results[i]);
  st.push_back(fv.t);
  const int base = fresh_slots(st);
  for (size_t i = 0; i < np; ++i) {
    const size_t mark = temp_mark();
    const bool pack = packed && i + 1 == np;
    V a = pack ? variadic_arg(e, i, params[i]) : expr(*e.args[i]);
    if (!a.ok) return a;
    if (!assignable(a, params[i], pack ? e.pos : e.args[i]->pos, "argument")) { a.ok = false; return a; }
    for (const int callee : callees) flow(a.src, param_nodes_[size_t(callee)][i]);
    if (callees.empty()) sink(a.src);
    move_into(a, base + int(i), params[i]);
    temp_release(mark);
  }
  emit(OpCallF, f, base, int(np), int(nr), uint16_t(m));
  note_call_results(results);
  return call_results(V{}, base, results, false);
}

// ---------------------------------------------------------------- method values and expressions
// call_wrapper is one of gc's wrappers (one per name): `T.M-fm` and `I.M-fm` for a method
// value (the receiver in the closure {F, R}: copied, the method may change it), `(*T).M` for
// the method expression of a value method on *T (the receiver its first parameter,
// dereferenced), `I.M` for an interface's method expression. It calls method (a function of
// the program) or, for an interface (method < 0), the dynamic type's method iface_method
// (OpCallI: the receiver and arguments escape, as in iface_call).
int Compiler::call_wrapper(const std::string& name, TypeId recv_t, const std::vector<TypeId>& ps, const std::vector<TypeId>& rs,
                           bool recv_in_closure, int method, int iface_method, Pos pos, Pos end) {
  if (auto it = call_wrappers_.find(name); it != call_wrappers_.end()) return it->second;
  std::vector<TypeId> own = ps;
  if (!recv_in_closure) own.insert(own.begin(), recv_t);
  const int w = new_lit_function(name, own, rs, pos, end);
  call_wrappers_[name] = w;
  FnState st;
  st.fidx = w;
  st.fn = &prog_.funcs[size_t(w)];
  st.line = pos.line;
  FnState* const outer = F;
  const bool saved_flag = stmt_flag_;
  F = &st;
  stmt_flag_ = true;
  for (TypeId t : st.fn->param_types) new_slot(t, "");
  const int ctx = int(st.fn->param_types.size()) - 1;
  const int first = recv_in_closure ? 0 : 1;   // the wrapper's slot of ps[0]
  const int recv_node = param_nodes_[size_t(w)][size_t(recv_in_closure ? ctx : 0)];
  int recv = 0;
  if (recv_in_closure) {
    recv = new_slot(recv_t, "");
    emit(OpFGet, recv, ctx, 1);
  }
  const TypeId callee_recv = method >= 0 ? prog_.funcs[size_t(method)].param_types[0] : recv_t;
  if (callee_recv != recv_t) {   // (*T).M of a value method: *p
    const int v = new_slot(callee_recv, "");
    emit(OpLoad, v, recv, 0, 0, uint16_t(callee_recv));
    recv = v;
  }
  std::vector<TypeId> frame{callee_recv};
  frame.insert(frame.end(), ps.begin(), ps.end());
  for (size_t i = frame.size(); i < rs.size(); ++i) frame.push_back(rs[i]);
  const int base = fresh_slots(frame);
  emit(T.is_aggregate(callee_recv) ? OpCopy : OpMov, base, recv);
  for (size_t i = 0; i < ps.size(); ++i) emit(OpMov, base + 1 + int(i), first + int(i));
  if (method >= 0) {
    CallRec rec;
    rec.callee = method;
    rec.result = new_node();
    rec.args.push_back({recv_node});
    for (size_t i = 0; i < ps.size(); ++i) rec.args.push_back({param_nodes_[size_t(w)][size_t(first) + i]});
    for (size_t i = 0; i < rec.args.size(); ++i) flow(rec.args[i], param_nodes_[size_t(method)][i]);
    flow({rec.result}, ret_nodes_[size_t(w)]);
    rec.caller = w;
    rec.pc = pc();
    emit(OpCall, method, base, int(ps.size()) + 1, int(rs.size()));
    note_call_results(rs);
    calls_.push_back(std::move(rec));
  } else {
    for (const int n : param_nodes_[size_t(w)]) sink({n});   // escape/call.go: an interface call's arguments escape
    emit(OpCallI, iface_method, base, int(ps.size()) + 1, int(rs.size()));
    note_call_results(rs);
  }
  emit(OpRet, base, int(rs.size()));
  const TypeId closure_t = recv_in_closure ? T.structure({Field{"F", TypeTable::kUintptr, 0}, Field{"R", recv_t, 0}})
                                           : T.structure({Field{"F", TypeTable::kUintptr, 0}});
  st.fn->param_types[size_t(ctx)] = T.pointer(closure_t);
  st.fn->slot_types[size_t(ctx)] = T.pointer(closure_t);
  F = outer;
  stmt_flag_ = saved_flag;
  return w;
}

// static_func_value: a func value without captures (gc's static funcval: nothing allocated).
V Compiler::static_func_value(int fidx, TypeId ft) {
  V r;
  r.t = ft;
  r.slot = temp(r.t);
  r.fresh = true;
  emit(OpNew, r.slot, 0, 0, 0, uint16_t(T.structure({Field{"F", TypeTable::kUintptr, 0}})));
  const int fs = temp(TypeTable::kUintptr);
  emit(OpLoadK, fs, konst(Word(fidx)));
  emit(OpFSet, r.slot, fs, 0);
  return r;
}

// type_operand: x names a type (P, (*P), *P): the operand of a method expression.
bool Compiler::type_operand(const Expr& x) {
  switch (x.kind) {
    case Expr::Paren: case Expr::Star: return x.x && type_operand(*x.x);
    case Expr::TypeE: return true;
    case Expr::Ident: {
      const Entity* en = lookup(x.name);
      return en && en->k == Entity::Type;
    }
    default: return false;
  }
}

// method_expr compiles a method expression T.M, (*T).M or I.M: the method as a function whose
// first parameter is the receiver (types2/call.go; walk/closure.go methodExprWrapper): the
// method itself when its receiver is T's, else gc's wrapper; static, nothing allocated.
V Compiler::method_expr(const Expr& sel, TypeId t) {
  std::string tn = T.name(t);
  for (size_t at; (at = tn.find("main.")) != std::string::npos;) tn.erase(at, 5);
  std::string what = sel.x->kind == Expr::Paren ? expr_str(*sel.x) : tn;
  what.append(".").append(sel.name);
  std::vector<TypeId> ps, rs;
  if (T.is_interface(t)) {
    const auto& ms = T.u(t).fields;
    auto m = std::find_if(ms.begin(), ms.end(), [&](const Field& f) { return f.name == sel.name; });
    if (m == ms.end()) return bad(selector_name_pos(sel), what + " undefined (type " + tn + " has no field or method " + sel.name + ")");
    const Type& sig = T.u(m->type);
    for (size_t i = 0; i < sig.fields.size(); ++i) (i < size_t(sig.len) ? ps : rs).push_back(sig.fields[i].type);
    std::vector<TypeId> all{t};
    all.insert(all.end(), ps.begin(), ps.end());
    if (speculative_ > 0) return static_func_value(0, T.func_(all, rs));
    const int w = call_wrapper(T.name(t) + "." + sel.name, t, ps, rs, false, -1, method_name(sel.name), sel.pos, sel.pos);
    return static_func_value(w, T.func_(all, rs));
  }
  bool x_is_ptr = false;
  const Entity* me = method_of(t, sel.name, x_is_ptr);
  if (!me) return bad(selector_name_pos(sel), what + " undefined (type " + tn + " has no field or method " + sel.name + ")");
  const FuncDecl& fd = decl(me->slot);
  if (func_params_[size_t(me->slot)])
    return bad(sel.pos, fd.name + " (a method with function-typed parameters, expanded where it is called) cannot be used as a value in the playground");
  const bool ptr_recv = fd.params[0].type->kind == TypeExpr::Pointer;
  if (ptr_recv && !x_is_ptr) return bad(sel.pos, "invalid method expression " + what + " (needs pointer receiver (*" + tn + ")." + sel.name + ")");
  const Function& m = prog_.funcs[size_t(me->slot)];
  ps.assign(m.param_types.begin() + 1, m.param_types.end());
  rs = m.result_types;
  std::vector<TypeId> all{t};
  all.insert(all.end(), ps.begin(), ps.end());
  const TypeId ft = T.func_(all, rs, is_variadic(fd));
  if (ptr_recv == x_is_ptr || speculative_ > 0) return static_func_value(me->slot, ft);
  std::string wname = "main.(*";
  wname.append(T.name(T.u(t).elem), 5).append(").").append(sel.name);
  return static_func_value(call_wrapper(wname, t, ps, rs, false, me->slot, -1, fd.pos, fd.end), ft);
}

// iface_method_value compiles x.M of an interface x not called: gc's I.M-fm wrapper with the
// interface in the closure {F, R} (24 B when it escapes).
V Compiler::iface_method_value(const Expr& sel, V x) {
  const auto& ms = T.u(x.t).fields;
  auto m = std::find_if(ms.begin(), ms.end(), [&](const Field& f) { return f.name == sel.name; });
  if (m == ms.end()) return bad(selector_name_pos(sel), expr_str(sel) + " undefined (type " + T.name(x.t) + " has no field or method " + sel.name + ")");
  const Type& sig = T.u(m->type);
  std::vector<TypeId> ps, rs;
  for (size_t i = 0; i < sig.fields.size(); ++i) (i < size_t(sig.len) ? ps : rs).push_back(sig.fields[i].type);
  const TypeId ft = T.func_(ps, rs);
  if (speculative_ > 0) return static_func_value(0, ft);
  const int w = call_wrapper(T.name(x.t) + "." + sel.name + "-fm", x.t, ps, rs, true, -1, method_name(sel.name), sel.pos, sel.pos);
  emit(OpNilChk, materialize(x, x.t));   // gc checks the interface when the value is made
  return bound_method(sel, x, x.t, w, ft);
}

// bound_method: the closure {F: wrapper w, R: the receiver rv}, an allocation when the value
// escapes (gc's OMETHVALUE: walk/closure.go methodValueWrapper).
V Compiler::bound_method(const Expr& sel, V& rv, TypeId recv_t, int w, TypeId ft) {
  const int rslot = owned(rv, recv_t);
  V r;
  r.t = ft;
  r.slot = temp(r.t);
  r.fresh = true;
  const int pc0 = emit(OpNew, r.slot, 0, 0, 0, uint16_t(T.structure({Field{"F", TypeTable::kUintptr, 0}, Field{"R", recv_t, 0}})));
  const int site = add_site(pc0, "method value " + expr_str(sel), false);
  r.src.push_back(site);
  const int fs = temp(TypeTable::kUintptr);
  emit(OpLoadK, fs, konst(Word(w)));
  emit(OpFSet, r.slot, fs, 0);
  emit(OpFSet, r.slot, rslot, 1);
  flow(rv.src, site);
  return r;
}

// method_value compiles x.M not called: the receiver (x, &x or *x as a call would pass it)
// evaluated now into a closure {F: M-fm, R}, an allocation when the value escapes (gc's
// OMETHVALUE: walk/closure.go methodValueWrapper).
V Compiler::method_value(const Expr& sel, const Entity& method, bool x_is_ptr) {
  const FuncDecl& fd = decl(method.slot);
  if (func_params_[size_t(method.slot)])
    return bad(sel.pos, fd.name + " (a method with function-typed parameters, expanded where it is called) cannot be used as a value in the playground");
  const bool ptr_recv = fd.params[0].type->kind == TypeExpr::Pointer;
  if (ptr_recv && !x_is_ptr && !addressable(*sel.x)) {
    TypeId xt = 0;
    operand_type(*sel.x, xt);
    std::string tn = T.name(xt);
    if (tn.rfind("main.", 0) == 0) tn = tn.substr(5);
    return bad(sel.pos, "cannot call pointer method " + sel.name + " on " + tn);
  }
  const Function& m = prog_.funcs[size_t(method.slot)];
  const TypeId ft = T.func_(std::vector<TypeId>(m.param_types.begin() + 1, m.param_types.end()), m.result_types, is_variadic(fd));
  if (speculative_ > 0) {   // static_type: the type is enough
    V v;
    v.t = ft;
    v.slot = temp(ft);
    return v;
  }
  const Receiver recv{sel.x.get(), ptr_recv == x_is_ptr ? Receiver::AsIs : ptr_recv ? Receiver::Address : Receiver::Deref};
  V rv = receiver_value(recv);
  if (!rv.ok) return rv;
  const TypeId recv_t = m.param_types[0];
  const FuncDecl& md = decl(method.slot);
  const int w = call_wrapper(m.name + "-fm", recv_t, std::vector<TypeId>(m.param_types.begin() + 1, m.param_types.end()), m.result_types,
                             true, method.slot, -1, md.pos, md.end);
  return bound_method(sel, rv, recv_t, w, ft);
}

}  // namespace lang::detail
