// compiler_go.cpp — goroutines, channels, select and package sync in the compiler: `go`
// statements (a function, a method or a function literal, lifted into a function of its
// own), make(chan T, n), send, receive (`v, ok := <-ch`), close, len/cap of a channel,
// `for v := range ch`, `select`, and the methods of sync.WaitGroup, Mutex, RWMutex and Once.
// The VM's side (the scheduler, the channels, the blocking) is sched.{h,cpp}.
//
// Models: cmd/compile/internal/walk/order.go (wrapGoDefer, Go 1.17+: `go f(x, y)` and `go fv(x)` become
// `go func() { f(x1, y1) }()`, a closure holding the arguments), walk/closure.go and
// escape/escape.go (what a goroutine's literal captures: by value when never reassigned and
// its address never taken, else by reference, the variable moved to the heap; the closure
// escapes: heap-allocated, `struct{ F uintptr; captured… }`), types2/stmt.go (send, select),
// walk/select.go (select's cases), walk/range.go (range over a channel: `v, ok = <-ch`).
//
// Simplifications: captured aggregates always by reference (gc copies a small one that is
// never reassigned into the closure: the same bytes in another object); a literal's
// captures are the local names its body uses (a name it shadows is captured too); the
// literal is numbered funcN among the function's go literals only (gc counts every literal).
#include "engine/lang/compiler_impl.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace lang::detail {

// ---------------------------------------------------------------- sync's types
// sync_type makes sync.WaitGroup, Mutex, RWMutex, Once: structs of Go's sizes (16, 8, 24,
// 12 B on every offered release, measured with unsafe.Sizeof) whose fields the VM uses as
// the lock's state (field 0: a Mutex's locked flag, a WaitGroup's counter, an RWMutex's
// writer flag; field 1 of a RWMutex its readers; field 0 of a Once done).
TypeId Compiler::sync_type(const std::string& name) {
  auto it = sync_types_.find(name);
  if (it != sync_types_.end()) return it->second;
  std::vector<Field> fs;
  auto field = [&](const char* n, TypeId t) { fs.push_back(Field{n, t, 0, false}); };
  if (name == "Mutex") { field("state", TypeTable::kInt32); field("sema", TypeTable::kUint32); }
  else if (name == "WaitGroup") { field("state", TypeTable::kUint64); field("sema", TypeTable::kUint32); }
  else if (name == "RWMutex") {
    field("w", TypeTable::kInt64); field("readerCount", TypeTable::kInt32); field("readerWait", TypeTable::kInt32);
    field("writerSem", TypeTable::kUint32); field("readerSem", TypeTable::kUint32);
  } else if (name == "Once") { field("done", TypeTable::kUint32); field("state", TypeTable::kInt32); field("sema", TypeTable::kUint32); }
  else return 0;
  const TypeId t = T.named("sync." + name);
  T.complete_named(t, T.structure(fs));
  sync_types_[name] = t;
  return t;
}

bool Compiler::is_sync_type(TypeId t, std::string& name) const {
  for (const auto& [n, id] : sync_types_)
    if (id == t) return name = n, true;
  return false;
}

// ---------------------------------------------------------------- go statements
// go_captures_in adds to out the names a goroutine's literal captures by reference because
// they are assigned after their declaration (or, before Go 1.22, are loop variables):
// gc moves them to the heap; here they are boxed as if their address were taken.
void Compiler::go_captures_in(const Stmt* s, std::set<std::string>& assigned, std::set<std::string>& captured) const {
  if (!s) return;
  auto lhs_names = [&](const std::vector<ExprP>& l) {
    for (const auto& e : l)
      if (e && e->kind == Expr::Ident) assigned.insert(e->name);
  };
  if (s->kind == Stmt::Assign || s->kind == Stmt::OpAssign || s->kind == Stmt::IncDec) lhs_names(s->lhs);
  if (s->kind == Stmt::Range && (!s->range_define || go_minor_ < 22)) lhs_names(s->lhs);
  if (s->kind == Stmt::For && s->init && s->init->kind == Stmt::Define && go_minor_ < 22) lhs_names(s->init->lhs);
  if (s->kind == Stmt::Go && !s->lhs.empty()) {
    const Expr* f = s->lhs[0]->x.get();
    while (f && f->kind == Expr::Paren) f = f->x.get();
    if (f && f->kind == Expr::FuncLitE && f->lit)
      for (const auto& b : f->lit->body) {
        names_in(b.get(), captured);
        go_captures_in(b.get(), assigned, captured);
      }
  }
  for (const StmtP* c : {&s->init, &s->post, &s->els}) go_captures_in(c->get(), assigned, captured);
  for (const auto& b : s->body) go_captures_in(b.get(), assigned, captured);
  for (const auto& c : s->cases) {
    go_captures_in(c.comm.get(), assigned, captured);
    for (const auto& b : c.body) go_captures_in(b.get(), assigned, captured);
  }
}

void Compiler::go_ref_names(const std::vector<StmtP>& body, std::set<std::string>& out) const {
  std::set<std::string> assigned, captured;
  for (const auto& b : body) go_captures_in(b.get(), assigned, captured);
  for (const std::string& n : captured)
    if (assigned.count(n)) out.insert(n);
}

// closure_bytes: the size of gc's closure struct { F uintptr; fields… } (0: none needed).
uint64_t Compiler::closure_bytes(const std::vector<TypeId>& fields, bool& noscan) {
  noscan = true;
  if (fields.empty()) return 0;
  std::vector<Field> fs{Field{"F", TypeTable::kUintptr, 0, false}};
  for (size_t i = 0; i < fields.size(); ++i) {
    std::string name = "x";   // built with += (GCC 12's -Wrestrict false positive on "x" + …)
    name += std::to_string(i);
    fs.push_back(Field{name, fields[i], 0, false});
    if (T[fields[i]].ptrs || T.u(fields[i]).ptrs) noscan = false;
  }
  return T.u(T.structure(fs)).size;
}

bool Compiler::go_stmt(const Stmt& s) {
  const Expr& c = *s.lhs[0];
  const Expr* f = c.x.get();
  while (f->kind == Expr::Paren) f = f->x.get();
  if (f->kind == Expr::FuncLitE) return go_literal(c, *f->lit);
  bool ok_callee = false;
  if (f->kind == Expr::Ident) {
    Entity* en = lookup(f->name);
    if (en && en->k == Entity::Closure && closures_[size_t(en->slot)]->static_iter) return held_iter_refused(*f).ok;
    if (en && en->k == Entity::Closure) {
      en->used = true;
      return go_literal(c, *closures_[size_t(en->slot)]->lit);
    }
    ok_callee = en && en->k == Entity::Func && !func_params_[size_t(en->slot)];
  } else if (f->kind == Expr::Selector) {
    const Entity* fe = nullptr;
    bool x_is_ptr = false;
    const Entity* xe = f->x->kind == Expr::Ident ? lookup(f->x->name) : nullptr;
    if (!(xe && (xe->k == Entity::Package || xe->k == Entity::Type))) {
      promote(*f);
      if (find_method(*f, fe, x_is_ptr) && fe && !func_params_[size_t(fe->slot)]) ok_callee = true;
    }
  } else if (f->kind == Expr::Index && f->x->kind == Expr::Ident) {
    Entity* en = lookup(f->x->name);
    ok_callee = en && en->k == Entity::Func;
  }
  const bool pkg_callee = f->kind == Expr::Selector && f->x->kind == Expr::Ident && !lookup_local_or_pkg(f->x->name) && imports_.count(f->x->name);
  if (TypeId ft = 0; !ok_callee && !pkg_callee && static_type(*f, ft) && T.kind(ft) == Kind::Func) return go_value(c, *f);
  if (!ok_callee)
    return fail(c.pos, "go " + expr_str(*f) + "(…) is not supported by the playground (go a function, a method or a function literal of the program)");
  go_call_ = true;
  go_emitted_ = false;
  V r = call(c, true);
  go_call_ = false;
  if (!r.ok) return false;
  if (!go_emitted_) return fail(c.pos, "go " + expr_str(*f) + "(…) is not supported by the playground");
  return true;
}

// go_value compiles `go fv(args)` of a func value (a variable, a field, handlers[k], a method
// value, a function-typed parameter bound to a value): fv and the arguments are evaluated
// here; gc's wrapper closure {F, fv, args…} holds them (order.go wrapGoDefer; none for `go
// fv()`: newproc takes fv itself), so what they reach escapes. The new goroutine runs fv's
// function with fv's closure in its context slot, as OpCallF calls it.
bool Compiler::go_value(const Expr& c, const Expr& f) {
  V fv = expr(f);
  if (!fv.ok) return false;
  const int fslot = temp(fv.t);   // the value as it was before the arguments ran
  emit(OpMov, fslot, fv.slot);
  sink(fv.src);
  const Type& sig = T.u(fv.t);
  const size_t np = size_t(sig.len), nr = sig.fields.size() - np;
  if (c.has_ellipsis) return fail(c.pos, "cannot use ... in call to non-variadic " + expr_str(f));
  if (c.args.size() != np)
    return arg_count_error(c, c.args.size(), np, expr_str(f)).ok;
  std::vector<TypeId> params;
  for (size_t i = 0; i < np; ++i) params.push_back(sig.fields[i].type);
  const int base = fresh_slots(params.empty() ? std::vector<TypeId>{TypeTable::kInt} : params);
  for (size_t i = 0; i < np; ++i) {
    const size_t mark = temp_mark();
    V a = expr(*c.args[i]);
    if (!a.ok) return false;
    if (!assignable(a, params[i], c.args[i]->pos, "argument")) return false;
    sink(a.src);
    move_into(a, base + int(i), params[i]);
    temp_release(mark);
  }
  bool noscan = true;
  std::vector<TypeId> held{fv.t};
  held.insert(held.end(), params.begin(), params.end());
  const uint64_t outer = np ? closure_bytes(held, noscan) : 0;
  emit(OpGo, fslot, base, int(np), int(std::max(np, nr)), int(outer), uint8_t(4 | (noscan ? 2 : 0)));
  return true;
}

// go_frame ends user_call for a go statement: the arguments in the frame at base become the
// new goroutine's (OpGo), held until then in gc's closure (Go 1.17+ wrapGoDefer), so
// everything they reach escapes.
V Compiler::go_frame(int fidx, int base, const std::vector<TypeId>& params, const std::vector<std::vector<int>>& srcs) {
  for (const auto& s : srcs) sink(s);
  bool noscan = true;
  const uint64_t bytes = closure_bytes(params, noscan);
  emit(OpGo, fidx, base, int(params.size()), int(bytes), 0, noscan ? 1 : 0);
  go_emitted_ = true;
  V r;
  r.t = 0;
  return r;
}

// go_literal lifts `go func(params){body}(args)` into a function of its own whose first
// parameters are the captured variables: a box (*T) or the aggregate's Obj for those
// captured by reference, the value for the others; then the literal's own parameters.
bool Compiler::go_literal(const Expr& c, const FuncLit& lit) {
  for (const Param& p : lit.params)
    if (p.variadic && &p != &lit.params.back()) return fail(p.pos, "can only use ... with final parameter in list");
  const bool variadic = !lit.params.empty() && lit.params.back().variadic;
  if (c.has_ellipsis && !variadic) return fail(c.pos, "cannot use ... in call to non-variadic func literal");
  std::set<std::string> names, own;
  for (const auto& b : lit.body) names_in(b.get(), names);
  for (const Param& p : lit.params) own.insert(p.name);
  for (const Param& p : lit.results) own.insert(p.name);
  LiftedGo lg;
  lg.lit = &lit;
  lg.binds = tbinds_[size_t(F->fidx)];
  std::vector<TypeId> ptypes;
  std::vector<V> vals;
  for (const std::string& n : names) {
    if (own.count(n)) continue;
    Entity* en = lookup(n);
    if (!en) continue;
    if (en->k == Entity::Closure)
      return fail(c.pos, "a goroutine's function literal calling the function literal " + n + " is not supported by the playground");
    if (en->k != Entity::Var) continue;
    bool local = false;
    for (size_t i = scopes_.size(); i-- > scope_floor_ && !local;) local = scopes_[i].count(n) && &scopes_[i][n] == en;
    if (!local) continue;
    en->used = true;
    GoCapture cap;
    cap.name = n;
    cap.type = en->type;
    V v;
    if (en->box >= 0) {   // by reference: the box
      cap.by_ref = true;
      v.t = T.pointer(en->type);
      v.slot = en->box;
      v.src.push_back(en->addr_node);
    } else if (T.is_aggregate(en->type) && en->addr_node >= 0) {   // by reference: its Obj
      cap.by_ref = true;
      v.t = en->type;
      v.slot = en->slot;
      v.src.push_back(en->addr_node);
    } else {
      v.t = en->type;
      v.slot = en->slot;
      v.src.push_back(en->node);
      if (T.is_aggregate(en->type)) {
        const int s = temp(en->type);
        emit(OpCopy, s, en->slot);
        v.slot = s;
      }
    }
    ptypes.push_back(v.t);
    lg.captures.push_back(cap);
    vals.push_back(v);
  }
  const size_t ncap = ptypes.size();
  // go func(xs ...int){…}(1, 2, 3): the final arguments packed into one []int (variadic_arg)
  const bool packed = variadic && !c.has_ellipsis;
  if (packed ? c.args.size() + 1 < lit.params.size() : c.args.size() != lit.params.size())
    return arg_count_error(c, c.args.size(), lit.params.size(), expr_str(*c.x)).ok;
  std::vector<TypeId> lit_params;
  for (const Param& p : lit.params) {
    TypeId t;
    if (p.type->kind == TypeExpr::Func) return fail(p.pos, "function-typed parameters of a goroutine's literal are not supported by the playground");
    if (!type_of(*p.type, t)) return false;
    if (p.variadic) t = T.slice(t);
    ptypes.push_back(t);
    lit_params.push_back(t);
  }
  // what the go statement's wrapper closure holds: each argument that is not a constant
  // (order.go wrapGoDefer leaves constants in the wrapper's body), and for packed variadic
  // arguments their elements: the wrapper builds the []T on the new goroutine's stack
  // ("... argument does not escape")
  std::vector<TypeId> wrapper_fields;
  std::vector<int> packed_src;   // a packed []T of pointer-free elements: not sunk with the others
  for (size_t i = 0; i < lit_params.size(); ++i) {
    const bool pack = packed && i + 1 == lit_params.size();
    V a = pack ? variadic_arg(c, i, lit_params[i]) : expr(*c.args[i]);
    if (!a.ok) return false;
    if (!assignable(a, lit_params[i], pack ? c.pos : c.args[i]->pos, "argument to func literal")) return false;
    if (pack) {
      const TypeId elem = T.u(lit_params[i]).elem;
      for (size_t j = i; j < c.args.size(); ++j) {
        const Expr::Kind k = c.args[j]->kind;
        if (k != Expr::IntLit && k != Expr::FloatLit && k != Expr::StringLit && k != Expr::CharLit) wrapper_fields.push_back(elem);
      }
      if (!T[elem].ptrs && !T.u(elem).ptrs) packed_src = std::exchange(a.src, {});   // simplification: pointers inside escape it
    } else if (!a.isconst) {
      wrapper_fields.push_back(lit_params[i]);
    }
    if (T.is_aggregate(lit_params[i]) && !a.fresh) {
      const int s = temp(lit_params[i]);
      emit(OpCopy, s, a.slot);
      a.slot = s;
      a.fresh = true;
    }
    vals.push_back(a);
  }
  std::vector<TypeId> results;
  for (const Param& p : lit.results) {
    TypeId t;
    if (!type_of(*p.type, t)) return false;
    results.push_back(t);
  }
  // the lifted function
  Function fn;
  const Function& parent = *F->fn;
  fn.name = parent.name + ".func" + std::to_string(++go_literals_[parent.name]);
  fn.line = lit.pos.line;
  fn.end_line = lit.end.line;
  fn.param_types = ptypes;
  fn.result_types = results;
  fn.nparams = int(ptypes.size());
  fn.nresults = int(results.size());
  const int fidx = int(prog_.funcs.size());
  prog_.funcs.push_back(std::move(fn));
  std::vector<int> nodes;
  for (size_t i = 0; i < ptypes.size(); ++i) nodes.push_back(new_node());
  param_nodes_.push_back(nodes);
  ret_nodes_.push_back(new_node());
  func_params_.push_back(0);
  expanding_fn_.push_back(0);
  inlined_.push_back(0);
  lifted_decls_.emplace_back();
  FuncDecl& fd = lifted_decls_.back();
  fd.pos = lit.pos;
  fd.end = lit.end;
  fd.name = prog_.funcs.back().name;
  decls_.push_back(&fd);
  tbinds_.push_back(lg.binds);
  lifted_[fidx] = lg;
  pending_.push_back(fidx);
  // the frame of the new goroutine: captures, then the literal's arguments
  const int base = fresh_slots(ptypes);
  std::vector<std::vector<int>> srcs;
  for (size_t i = 0; i < vals.size(); ++i) {
    V& v = vals[i];
    if (v.isconst) emit(OpLoadK, base + int(i), konst(const_word(v.cv, ptypes[i])));
    else if (v.slot != base + int(i)) emit(OpMov, base + int(i), v.slot);
    srcs.push_back(v.src);
  }
  for (const auto& s : srcs) sink(s);
  // gc's closures: the literal's own (its captures) and, when it takes arguments, the
  // go statement's wrapper holding the literal's closure and the arguments
  bool noscan_in = true, noscan_out = true;
  std::vector<TypeId> captured;   // an aggregate captured by reference is a pointer in the closure (&wg)
  for (size_t i = 0; i < ncap; ++i) captured.push_back(lg.captures[i].by_ref && T.is_aggregate(ptypes[i]) ? T.pointer(ptypes[i]) : ptypes[i]);
  const uint64_t inner = closure_bytes(captured, noscan_in);
  std::vector<TypeId> outer_fields;
  if (inner) outer_fields.push_back(T.pointer(TypeTable::kUint8));
  for (TypeId t : wrapper_fields) outer_fields.push_back(t);
  const uint64_t outer = lit_params.empty() ? 0 : closure_bytes(outer_fields, noscan_out);
  emit(OpGo, fidx, base, int(ptypes.size()), int(inner), int(outer), uint8_t((noscan_in ? 1 : 0) | (noscan_out ? 2 : 0)));
  return true;
}

// lifted_function compiles a goroutine's literal lifted by go_literal.
bool Compiler::lifted_function(int fidx) {
  const LiftedGo& lg = lifted_.at(fidx);
  const FuncLit& lit = *lg.lit;
  FnState st;
  st.fidx = fidx;
  st.fn = &prog_.funcs[size_t(fidx)];
  F = &st;
  F->line = lit.pos.line;
  for (const auto& b : lit.body) addr_names_in(b.get(), st.addr_names);
  for (const auto& b : lit.body) assignments_in(b.get(), st);
  st.top_name = st.fn->name;
  plan_literals(lit.body, st);   // its own literals (compiler_closures.cpp)
  go_ref_names(lit.body, st.addr_names);
  scopes_.clear();
  scope_floor_ = 0;
  if (!lg.binds.empty()) scopes_.push_back(lg.binds);
  push_scope();
  size_t i = 0;
  for (const GoCapture& cap : lg.captures) {
    const int s = new_slot(st.fn->param_types[i], cap.name);
    Entity& e = bind_param(cap.name, Pos{}, cap.type, s, param_nodes_[size_t(fidx)][i]);
    if (cap.by_ref) {
      link_address(e, new_node());
      edges_.push_back(Edge{e.addr_node, 0});   // the variable lives on the heap already
      if (!T.is_aggregate(cap.type)) e.box = s;
    }
    ++i;
  }
  for (const Param& p : lit.params) {
    const int s = new_slot(st.fn->param_types[i], p.name);
    if (!p.name.empty() && p.name != "_") {
      bind_param(p.name, p.pos, st.fn->param_types[i], s, param_nodes_[size_t(fidx)][i]);
    }
    ++i;
  }
  move_params(lit.params, true);   // &param: its own place at entry (function())
  defers_begin(lit.body);
  push_scope();
  st.body_depth = scopes_.size();
  if (!stmts(lit.body)) return false;
  F->line = lit.end.line;
  stmt_flag_ = true;
  if (st.fn->nresults == 0 && !run_defers()) return false;
  if (!pop_scope()) return false;
  emit(OpRet, 0, 0);
  defers_end();
  if (!pop_scope()) return false;
  F = nullptr;
  return true;
}

// ---------------------------------------------------------------- channels
TypeId Compiler::chan_of(const V& x, Pos p, int need_dir, const char* what) {
  if (!x.ok) return 0;
  if (T.kind(x.t) != Kind::Chan) {
    fail(p, std::string("invalid operation: cannot ") + what + " " + describe(x) + (need_dir == 1 ? " (not a channel)" : " (non-channel)"));
    return 0;
  }
  const int dir = int(T.u(x.t).len);
  if (need_dir == 2 && dir == 1) {
    fail(p, std::string("invalid operation: cannot receive from send-only channel ") + describe(x));
    return 0;
  }
  if (need_dir == 1 && dir == 2) {
    fail(p, std::string("invalid operation: cannot send to receive-only channel ") + describe(x));
    return 0;
  }
  return T.u(x.t).elem;
}

// make(chan T[, n]): runtime.makechan, always on the heap (it returns *hchan).
V Compiler::make_chan(const Expr& e, TypeId t) {
  if (e.args.size() > 2) return builtin_count_error(e, 2);
  int ns = -1;
  if (e.args.size() == 2) {
    V n = expr(*e.args[1]);
    if (!n.ok) return n;
    if (!assignable(n, TypeTable::kInt, e.args[1]->pos, "make")) { n.ok = false; return n; }
    if (n.isconst && n.cv.i < 0) return bad(e.args[1]->pos, "invalid argument: index " + i128_str(n.cv.i) + " (constant of type int) must not be negative");
    ns = materialize(n, TypeTable::kInt);
  }
  V r;
  r.t = t;
  r.slot = temp(t);
  const int pc0 = emit(OpMakeChan, r.slot, ns, 0, 0, uint16_t(t));
  r.src.push_back(add_site(pc0, "make(" + T.name(t) + ")", true));
  return r;
}

// receive compiles <-x; ok: the comma-ok form (a tuple of the value and a bool).
V Compiler::receive(const Expr& e, bool ok) {
  V ch = expr(*e.x);
  if (!ch.ok) return ch;
  const TypeId elem = chan_of(ch, e.pos, 2, "receive from");
  if (!elem) { ch.ok = false; return ch; }
  const int base = fresh_slots({elem, TypeTable::kBool});
  emit(OpRecv, base, materialize(ch, ch.t), 0, 0, uint16_t(elem), ok ? 1 : 0);
  V r;
  r.src.push_back(0);   // what a channel delivers comes from the heap
  if (ok) {
    r.is_tuple = true;
    r.t = T.tuple({elem, TypeTable::kBool});
    r.slot = base;
    return r;
  }
  r.t = elem;
  r.slot = base;
  r.fresh = true;
  return r;
}

bool Compiler::send_stmt(const Stmt& s) {
  V ch = expr(*s.lhs[0]);
  if (!ch.ok) return false;
  const TypeId elem = chan_of(ch, s.pos, 1, "send to");
  if (!elem) return false;
  const int cs = materialize(ch, ch.t);
  V v = expr(*s.rhs[0]);
  if (!v.ok) return false;
  if (!assignable(v, elem, s.rhs[0]->pos, "send")) return false;
  sink(v.src);   // a value sent on a channel escapes (escape/stmt.go OSEND)
  emit(OpSend, cs, owned(v, elem));
  return true;
}

V Compiler::close_call(const Expr& e) {
  if (e.args.size() != 1) return builtin_count_error(e, 1);
  V ch = expr(*e.args[0]);
  if (!ch.ok) return ch;
  if (T.kind(ch.t) != Kind::Chan) return bad(e.args[0]->pos, "invalid operation: non-chan argument " + describe(ch));
  if (T.u(ch.t).len == 2) return bad(e.args[0]->pos, "invalid operation: cannot close receive-only channel " + describe(ch));
  emit(OpClose, materialize(ch, ch.t));
  V r;
  r.t = 0;
  return r;
}

// range_chan compiles `for v := range ch` (walk/range.go: v, ok = <-ch until !ok).
bool Compiler::range_chan(const Stmt& s, V& x) {
  if (s.lhs.size() == 2) return fail(s.lhs[1]->pos, "range over " + describe(x) + " permits only one iteration variable");
  const TypeId elem = chan_of(x, s.cond->pos, 2, "range over");
  if (!elem) return false;
  const int coll = new_slot(x.t, "");
  move_into(x, coll, x.t);
  const int vslot = new_slot(elem, "");
  const int okslot = new_slot(TypeTable::kBool, "");
  (void)okslot;
  const int top = pc();
  stmt_flag_ = true;
  emit(OpRecv, vslot, coll, 0, 0, uint16_t(elem), 1);
  const int jdone = emit(OpJf, 0, vslot + 1);
  push_scope();
  if (!s.lhs.empty() && !(s.lhs[0]->kind == Expr::Ident && s.lhs[0]->name == "_")) {
    const Expr& l = *s.lhs[0];
    V v;
    v.t = elem;
    v.slot = vslot;
    v.fresh = true;
    if (s.range_define) {
      if (l.kind != Expr::Ident) return fail(l.pos, "non-name " + expr_str(l) + " on left side of :=");
      declare_init(l.name, elem, l.pos, &v);
    } else if (!store(l, v, l.pos)) {
      return false;
    }
  }
  open_loop(false);
  if (!stmts(s.body)) return false;
  if (!pop_scope()) return false;
  const int cont = pc();
  F->line = s.pos.line;
  back_jump(top);
  const int end = pc();
  patch(jdone, end);
  close_loop(cont, end);
  return true;   // range_stmt closes its scope
}

// select_stmt: OpSelect picks a ready case (or blocks) and leaves its index in a slot; a
// chain of comparisons jumps to the case's body.
bool Compiler::select_stmt(const Stmt& s) {
  SelectDesc desc;
  struct Recv { const Stmt* comm = nullptr; int dst = -1; TypeId elem = 0; };
  std::vector<Recv> recvs(s.cases.size());
  std::vector<V> ops;          // per case: the channel, then the value sent (or a placeholder)
  std::vector<TypeId> types;
  int ndefault = 0;
  for (size_t i = 0; i < s.cases.size(); ++i) {
    const Stmt::Case& c = s.cases[i];
    if (c.is_default) {
      if (++ndefault > 1) return fail(c.pos, "multiple defaults in select");
      desc.has_default = true;
      continue;
    }
    const Stmt& comm = *c.comm;
    SelectCase sc;
    sc.index = int(i);
    V ch, val;
    val.isconst = true;
    val.t = TypeTable::kInt;
    val.cv.k = CVal::Int;
    TypeId vt = TypeTable::kInt;
    if (comm.kind == Stmt::Send) {
      ch = expr(*comm.lhs[0]);
      const TypeId elem = chan_of(ch, comm.pos, 1, "send to");
      if (!elem) return false;
      val = expr(*comm.rhs[0]);
      if (!val.ok || !assignable(val, elem, comm.rhs[0]->pos, "send")) return false;
      sink(val.src);
      if (T.is_aggregate(elem) && !val.fresh) {
        const int cp = temp(elem);
        emit(OpCopy, cp, val.slot);
        val.slot = cp;
        val.fresh = true;
      }
      sc.send = true;
      sc.elem = vt = elem;
    } else {
      const Expr* rx = nullptr;
      if (comm.kind == Stmt::ExprS) rx = comm.lhs[0].get();
      else if ((comm.kind == Stmt::Define || comm.kind == Stmt::Assign) && comm.rhs.size() == 1 && comm.lhs.size() <= 2) rx = comm.rhs[0].get();
      while (rx && rx->kind == Expr::Paren) rx = rx->x.get();
      if (!rx || rx->kind != Expr::Unary || rx->op != Tok::Arrow) return fail(comm.pos, "select case must be receive, send or assign recv");
      ch = expr(*rx->x);
      const TypeId elem = chan_of(ch, rx->pos, 2, "receive from");
      if (!elem) return false;
      sc.elem = elem;
      const int base = new_slot(elem, "");
      new_slot(TypeTable::kBool, "");
      sc.dst = base;
      recvs[i] = Recv{&comm, base, elem};
    }
    ops.push_back(ch);
    ops.push_back(val);
    types.push_back(ch.t);
    types.push_back(vt);
    desc.cases.push_back(sc);
  }
  // the cases' channels and values side by side (OpSelect reads R[b .. b+2c))
  const int opbase = fresh_slots(types);
  for (size_t i = 0; i < ops.size(); ++i) {
    V& v = ops[i];
    if (v.isconst) emit(OpLoadK, opbase + int(i), konst(const_word(v.cv, types[i])));
    else emit(OpMov, opbase + int(i), v.slot);
  }
  const int idx = temp(TypeTable::kInt);
  const int sel = int(prog_.selects.size());
  prog_.selects.push_back(desc);
  emit(OpSelect, idx, opbase, int(desc.cases.size()), 0, uint16_t(sel));
  std::vector<int> ends;
  open_loop(true);
  for (size_t i = 0; i < s.cases.size(); ++i) {
    const Stmt::Case& c = s.cases[i];
    const int k = temp(TypeTable::kBool);
    const int ik = temp(TypeTable::kInt);
    emit(OpLoadK, ik, konst(c.is_default ? Word(-1) : Word(i)));
    emit(OpEq, k, idx, ik);
    const int skip = emit(OpJf, 0, k);
    push_scope();
    if (recvs[i].comm && recvs[i].comm->kind != Stmt::ExprS) {
      const Stmt& comm = *recvs[i].comm;
      for (size_t j = 0; j < comm.lhs.size(); ++j) {
        const Expr& l = *comm.lhs[j];
        V v;
        v.t = j == 0 ? recvs[i].elem : TypeTable::kBool;
        v.slot = recvs[i].dst + int(j);
        v.fresh = true;
        if (comm.kind == Stmt::Define) {
          if (l.kind != Expr::Ident) return fail(l.pos, "non-name " + expr_str(l) + " on left side of :=");
          declare_init(l.name, v.t, l.pos, &v);
          if (l.name != "_") scopes_.back()[l.name].used = true;
        } else if (!store(l, v, l.pos)) {
          return false;
        }
      }
    }
    if (!stmts(c.body)) return false;
    if (!pop_scope()) return false;
    ends.push_back(emit(OpJmp));
    patch(skip, pc());
  }
  const int end = pc();
  for (int j : ends) patch(j, end);
  close_loop(end, end);
  return true;
}

// ---------------------------------------------------------------- package sync's methods
// sync_call compiles wg.Add/Done/Wait, mu.Lock/Unlock/TryLock, rw.RLock/RUnlock (and
// Lock/Unlock), once.Do(f): builtins on the value's Obj (the receiver's address). Each lets
// the receiver escape, but TryLock from Go 1.24 (internal/sync's Mutex): its slow path hands
// a semaphore's address to the runtime (runtime_SemacquireMutex and the like have no Go
// body, so escape analysis lets it leak), so `var mu sync.Mutex` used in a function is
// "moved to heap: mu" on every release (go build -gcflags=-m, 1.19–1.27).
V Compiler::sync_call(const Expr& e, const Expr& sel, TypeId xt, const std::string& tname) {
  const bool ptr = T.kind(xt) == Kind::Pointer;
  V recv = ptr ? expr(*sel.x) : address_of_operand(*sel.x, sel.x->pos);
  if (!recv.ok) return recv;
  if (!(sel.name == "TryLock" && go_minor_ >= 24)) sink(recv.src);
  recv.src.clear();
  const std::string& m = sel.name;
  auto args_n = [&](size_t n) -> bool {
    if (e.args.size() == n) return true;
    return arg_count_error(e, e.args.size(), n, expr_str(*e.x)).ok;
  };
  struct M { const char* type; const char* name; Builtin b; size_t nargs; TypeId result; };
  static const M table[] = {
      {"WaitGroup", "Add", Builtin::WgAdd, 1, 0},   {"WaitGroup", "Done", Builtin::WgDone, 0, 0},
      {"WaitGroup", "Wait", Builtin::WgWait, 0, 0}, {"Mutex", "Lock", Builtin::MutexLock, 0, 0},
      {"Mutex", "Unlock", Builtin::MutexUnlock, 0, 0}, {"Mutex", "TryLock", Builtin::MutexTryLock, 0, TypeTable::kBool},
      {"RWMutex", "Lock", Builtin::MutexLock, 0, 0}, {"RWMutex", "Unlock", Builtin::MutexUnlock, 0, 0},
      {"RWMutex", "RLock", Builtin::RLock, 0, 0},   {"RWMutex", "RUnlock", Builtin::RUnlock, 0, 0},
  };
  for (const M& x : table) {
    if (tname != x.type || m != x.name) continue;
    if (!args_n(x.nargs)) { recv.ok = false; return recv; }
    std::vector<V> vals{recv};
    if (x.nargs) {
      V a = expr(*e.args[0]);
      if (!a.ok || !assignable(a, TypeTable::kInt, e.args[0]->pos, ("argument to " + expr_str(*e.x)).c_str())) { a.ok = false; return a; }
      vals.push_back(a);
    }
    std::vector<V*> ps;
    for (V& v : vals) ps.push_back(&v);
    return bi_call(x.b, ps, x.result, false);
  }
  if (tname == "Once" && m == "Do") {
    if (!args_n(1)) { recv.ok = false; return recv; }
    std::vector<V*> ps{&recv};
    V begin = bi_call(Builtin::OnceBegin, ps, TypeTable::kBool, false);
    const int skip = emit(OpJf, 0, begin.slot);
    auto& call_expr = once_calls_[&e];
    if (!call_expr) {
      call_expr = std::make_unique<Expr>();
      call_expr->kind = Expr::Call;
      call_expr->pos = e.args[0]->pos;
      call_expr->x = clone_expr(*e.args[0]);
    }
    V r = call(*call_expr, true);
    if (!r.ok) return r;
    std::vector<V*> ps2{&recv};
    bi_call(Builtin::OnceEnd, ps2, 0, false);
    patch(skip, pc());
    V none;
    none.t = 0;
    return none;
  }
  return bad(sel.pos, expr_str(*e.x) + " is not supported by the playground (sync." + tname + "." + m + ")");
}

// timer_method: (*time.Ticker).Stop/Reset(d) and (*time.Timer).Stop/Reset(d) (Timer's
// return whether the timer was active).
V Compiler::timer_method(const Expr& e, const Expr& sel, TypeId xt) {
  const bool timer = xt == T.pointer(prog_.timer_type);
  const bool stop = sel.name == "Stop";
  if (!stop && sel.name != "Reset") return bad(sel.pos, expr_str(*e.x) + " is not supported by the playground (Stop, Reset)");
  const size_t want = stop ? 0 : 1;
  if (e.args.size() != want) return arg_count_error(e, e.args.size(), want, expr_str(*e.x));
  std::vector<V> vals{expr(*sel.x)};
  if (!vals[0].ok) return vals[0];
  if (!stop) {
    vals.push_back(expr(*e.args[0]));
    if (!assignable(vals[1], prog_.duration_type, e.args[0]->pos, ("argument to " + expr_str(*e.x)).c_str())) { V v; v.ok = false; return v; }
  }
  std::vector<V*> ps;
  for (V& v : vals) ps.push_back(&v);
  return bi_call(stop ? Builtin::TimerStop : Builtin::TimerReset, ps, timer ? TypeTable::kBool : 0, false);
}

}  // namespace lang::detail
