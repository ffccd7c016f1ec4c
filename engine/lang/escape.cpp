// escape.cpp — escape analysis: the graph (a node per variable, allocation site, parameter,
// function result and call result; node 0 is the heap), allocation sites, the escape
// analysis of &x (a local whose address is taken lives in a box or an Obj of its own,
// heap-allocated only when &x escapes: "moved to heap: x"), and the solver that decides
// which sites must live on the heap. A variable gets its box where it comes into being:
// declare_init (compiler_stmt.cpp), a function's entry, each iteration of a Go 1.22 loop.
//
// Models: cmd/compile/internal/escape — escape.go (the batch, "moved to heap"), graph.go
// (locations and edges), expr.go and assign.go (what flows where), solve.go (walking the
// graph back from the heap and from each function's results; parameters that only reach
// the results leak to the call's result, leaks.go).
//
// Dereferences: a node that holds pointers has a contents node, what is read through it —
// a slice's elements, a pointer's target (escape/graph.go counts derefs on each edge; here
// one level a node, created on demand). What is stored in a slice or &T{...} literal flows
// to its site's contents; an index, *p or p.f read takes the contents of its operand; the
// contents of a local whose address is taken is the local itself. When a value flows from a
// to b, a's contents flow to b's (propagate_contents), and contents escape with their node.
//
// Simplifications: flow-insensitive per variable, one level of dereference a node (deeper
// reads are the contents of contents, with no count of how many), all results of a
// function share one node; addresses are taken by name (addr_names_in), not per variable.
#include "engine/lang/compiler_impl.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace lang::detail {

// ---------------------------------------------------------------- escape graph
int Compiler::new_node() { return nnodes_++; }

void Compiler::flow(const std::vector<int>& from, int to) {
  for (int f : from) edges_.push_back(Edge{f, to});
}

void Compiler::sink(const std::vector<int>& from) { flow(from, 0); }

// contents_node is the node of what node n points to; the heap's contents are the heap.
// Contents escape with their node: if the slice or pointer escapes, so does what it holds.
// Two levels are kept: the contents of a contents' contents are that node itself (a value
// flowing into its own contents, p = *p, would otherwise make new levels without end).
int& Compiler::contents_slot(int n) {
  if (size_t(n) >= contents_.size()) contents_.resize(size_t(nnodes_), -1);
  return contents_[size_t(n)];
}

int Compiler::contents_node(int n) {
  if (n == 0) return 0;
  if (contents_slot(n) < 0) {
    if (contents_depth_.count(n) && contents_depth_[n] >= 2) {
      contents_[size_t(n)] = n;
      return n;
    }
    const int c = new_node();
    contents_[size_t(n)] = c;
    contents_depth_[c] = contents_depth_.count(n) ? contents_depth_[n] + 1 : 1;
    edges_.push_back(Edge{c, n});
  }
  return contents_[size_t(n)];
}

std::vector<int> Compiler::contents_of(const std::vector<int>& src) {
  std::vector<int> r;
  for (int n : src) r.push_back(contents_node(n));
  return r;
}

// link_address gives local en the node of its address (&x): what x holds escapes with &x,
// and what is read through &x is x.
void Compiler::link_address(Entity& en, int addr_node) {
  en.addr_node = addr_node;
  edges_.push_back(Edge{en.node, addr_node});
  if (int& slot = contents_slot(addr_node); slot < 0) slot = en.node;
}

// propagate_contents: for every flow a → b of a node with contents, a's contents flow to
// b's (what is read through b may be what was stored through a). True if it added edges.
bool Compiler::propagate_contents() {
  bool any = false;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < edges_.size(); ++i) {
      const Edge e = edges_[i];
      if (e.from < 0 || e.to < 0 || size_t(e.from) >= contents_.size() || contents_[size_t(e.from)] < 0) continue;
      const int from = contents_[size_t(e.from)];
      const int to = contents_node(e.to);
      if (from == to || !contents_edges_.insert({from, to}).second) continue;
      edges_.push_back(Edge{from, to});
      changed = any = true;
    }
  }
  return any;
}

// root_node is the escape node a store into e flows to: the local aggregate variable at
// the bottom of e (x.f[i].g), or the heap (0) when a pointer, slice or map is crossed.
int Compiler::root_node(const Expr& e) {
  const Expr* x = &e;
  while (true) {
    while (x->kind == Expr::Paren) x = x->x.get();
    if (x->kind == Expr::Ident) {
      Entity* en = lookup(x->name);
      if (en && en->k == Entity::Var && T.is_aggregate(en->type)) return en->node;
      return 0;
    }
    if (x->kind == Expr::Selector || x->kind == Expr::Index) {
      promote(*x);
      TypeId bt;
      if (!static_type(*x->x, bt)) return 0;
      if (!T.is_aggregate(bt)) return 0;
      x = x->x.get();
      continue;
    }
    return 0;
  }
}

int Compiler::loop_depth() const {
  return F->goto_loops + int(std::count_if(F->loops.begin(), F->loops.end(), [](const LoopCtx& l) { return !l.is_switch; }));
}

// outlives_loop: what the site at index i makes reaches, through the locals it is stored
// in, a local of its function declared outside the site's loop — `var head *node; for {
// head = &node{next: head} }` — so it must live on the heap: the next iteration makes
// another while this one is still reachable (escape/solve.go, outlives: "l was declared
// outside other's loop scope").
bool Compiler::outlives_loop(size_t i, const std::vector<std::vector<int>>& succ) const {
  const int depth = site_loop_depth_[i];
  if (depth == 0) return false;
  const int func = prog_.allocs[i].func;
  std::vector<int> work{site_nodes_[i]};
  std::set<int> seen{site_nodes_[i]};
  while (!work.empty()) {
    const int n = work.back();
    work.pop_back();
    for (int to : succ[size_t(n)]) {
      auto it = var_loop_depth_.find(to);
      if (it == var_loop_depth_.end() || it->second.first != func || !seen.insert(to).second) continue;
      if (it->second.second < depth) return true;
      work.push_back(to);
    }
  }
  return false;
}

// ---------------------------------------------------------------- allocation sites
int Compiler::add_site(int pc0, const std::string& what, bool force_heap) {
  int node = new_node();
  add_site_node(pc0, what, node, force_heap);
  return node;
}

int Compiler::add_site_node(int pc0, const std::string& what, int node, bool force_heap, bool site_in_d) {
  AllocSite s;
  s.func = F->fidx;
  s.pc = pc0;
  s.line = F->line;
  s.what = what;
  s.escapes = force_heap;
  prog_.allocs.push_back(s);
  site_nodes_.push_back(node);
  site_loop_depth_.push_back(loop_depth());
  if (site_in_d) F->fn->code[size_t(pc0)].d = int(prog_.allocs.size()) - 1;
  return int(prog_.allocs.size()) - 1;
}

// append_buffer_site makes the append call at pc (OpAppend) an allocation site for the
// stack buffer cmd/compile gives a slice whose backing array does not escape (Go 1.25+,
// ssagen/ssa.go append: `n.Esc() == ir.EscNone && !s.appendTargets[sn]`): the result's flow
// decides flags bit 0 (escapes) as for any site; bit 1 says the append may take a buffer,
// bits 2–6 number it among the function's buffered appends (the VM's per-call "used"
// flags). Only the first append to a given variable in a function is a candidate; whether
// the release has the buffer at all is the profile's (Profile::stack_buffer_bytes). The
// appends of a variable Go 1.26's slice pass commits (move2heap.cpp) never escape: the
// move2heap copies the array out; with its capacity used each of them takes the buffer
// through growsliceBuf (bit 7).
void Compiler::append_buffer_site(const Expr& call, int pc, V& r) {
  const Expr* x = call.args[0].get();
  while (x->kind == Expr::Paren) x = x->x.get();
  const SliceMove* move = nullptr;
  if (x->kind == Expr::Ident) {
    Entity* en = lookup(x->name);
    if (!en || en->k != Entity::Var || en->box >= 0) return;   // a global or a boxed local
    if (F->slice_move_appends.count(&call)) move = slice_move(x->name, *en);
    if (move && move->cap_used) {
      add_site_node(pc, "append", new_node(), false, /*site_in_d=*/false);
      site_loop_depth_.back() = 0;
      F->fn->code[size_t(pc)].flags |= uint8_t(2 | 0x80);
      return;
    }
    if (!F->buffered_targets.insert(en->node).second) return;
  }
  if (F->buffered_appends >= 32) return;
  const int node = new_node();
  add_site_node(pc, "append", node, false, /*site_in_d=*/false);
  // The buffer is one per call in the frame, taken once per call (the "used" flags), so a
  // loop's iterations never make two of them: the loop-depth rule (outlives_loop) is not
  // for it; real Go 1.25+ keeps `for … { s = append(s, x) }` in it.
  site_loop_depth_.back() = 0;
  F->fn->code[size_t(pc)].flags |= uint8_t(2 | (F->buffered_appends++ << 2));
  if (!move) r.src.push_back(node);
}

// ---------------------------------------------------------------- the escape analysis of &x
// addr_names collects the names used as &name in a function body (scopes ignored: a
// name counts for every variable that has it, which only costs an Obj per declaration).
void Compiler::addr_names_in(const Expr* e, std::set<std::string>& out) const {
  if (!e) return;
  // x.f[i].g → x: the variable whose part an address is taken of (field_address_key)
  const auto part_of = [&](const Expr* x) {
    while (x && x->kind == Expr::Paren) x = x->x.get();
    if (!x || (x->kind != Expr::Selector && x->kind != Expr::Index)) return;
    while (x && (x->kind == Expr::Paren || x->kind == Expr::Selector || x->kind == Expr::Index)) x = x->x.get();
    if (x && x->kind == Expr::Ident) out.insert(field_address_key(x->name));
  };
  if (e->kind == Expr::Unary && e->op == Tok::And) {
    const Expr* x = e->x.get();
    while (x && x->kind == Expr::Paren) x = x->x.get();
    if (x && x->kind == Expr::Ident) out.insert(x->name);
    part_of(x);
  }
  // a[lo:hi] of an array is &a sliced: the slice points into the array (escape/expr.go,
  // OSLICEARR), so a local array whose slice escapes is "moved to heap" whole. Types are not
  // known yet: a sliced slice or string is recorded too (a non-aggregate's key is unused)
  if (e->kind == Expr::Slice) {
    const Expr* x = e->x.get();
    while (x && (x->kind == Expr::Paren || x->kind == Expr::Selector || x->kind == Expr::Index)) x = x->x.get();
    if (x && x->kind == Expr::Ident) out.insert(field_address_key(x->name));
  }
  // x.M() where some M has a pointer receiver may mean (&x).M() (types are not known yet;
  // an aggregate marked so gets its own Obj, heap-allocated only if &x escapes); x.f.M()
  // may mean (&x.f).M()
  if (e->kind == Expr::Call && e->x && e->x->kind == Expr::Selector && ptr_method_names_.count(e->x->name)) {
    if (e->x->x->kind == Expr::Ident) out.insert(e->x->x->name);
    part_of(e->x->x.get());
  }
  // x.M not called, M a pointer method: the method value holds &x
  if (e->kind == Expr::Selector && e->x && e->x->kind == Expr::Ident && ptr_method_names_.count(e->name)) out.insert(e->x->name);
  for_each_child(*e, [&](const Expr* x) { addr_names_in(x, out); });
  if (e->kind == Expr::FuncLitE && e->lit)   // a literal's body expands into this function
    for (const auto& b : e->lit->body) addr_names_in(b.get(), out);
}

void Compiler::addr_names_in(const Stmt* s, std::set<std::string>& out) const {
  if (!s) return;
  for_each_child(*s, [&](const Expr* x) { addr_names_in(x, out); }, [&](const Stmt* b) { addr_names_in(b, out); });
}

// assignments_in counts, per name, the definitions and assignments in a function body,
// function literals included (scopes ignored, as addr_names_in: a name shadowed counts for
// both variables, which only keeps them from being static): ir.ReassignOracle's singleDef.
// It also collects the function names a plain one-to-one assignment gives a name
// (FnState::func_assigns: ReassignOracle's funcAssigns, which any other form invalidates).
void Compiler::assignments_in(const Expr* e, FnState& out) const {
  if (!e) return;
  for_each_child(*e, [&](const Expr* x) { assignments_in(x, out); });
  if (e->kind == Expr::FuncLitE && e->lit)
    for (const auto& b : e->lit->body) assignments_in(b.get(), out);
}

void Compiler::assignments_in(const Stmt* s, FnState& out) const {
  if (!s) return;
  const bool assigns = s->kind == Stmt::Define || s->kind == Stmt::Assign || s->kind == Stmt::OpAssign ||
                       s->kind == Stmt::IncDec || s->kind == Stmt::Range;
  // one name from one value (OAS); several at once (OAS2), op=, ++ and range invalidate
  const bool one_to_one = (s->kind == Stmt::Define || s->kind == Stmt::Assign || s->kind == Stmt::VarDecl) && s->rhs.size() <= 1;
  const auto note_func = [&](const std::string& name, const Expr* rhs, bool plain) {
    auto& fs = out.func_assigns[name];
    if (!fs.empty() && !fs.back()) return;   // already invalidated
    while (rhs && rhs->kind == Expr::Paren) rhs = rhs->x.get();
    if (!plain || (rhs && rhs->kind != Expr::Ident && rhs->kind != Expr::FuncLitE)) fs.assign(1, nullptr);
    else if (rhs && !(rhs->kind == Expr::Ident && rhs->name == "nil")) fs.push_back(rhs);   // no value: var f func()
  };
  for (const auto& e : s->lhs) {   // x, and x.f or x[i] (a part of x reassigned)
    const Expr* x = e.get();
    while (x && (x->kind == Expr::Paren || x->kind == Expr::Selector || x->kind == Expr::Index)) x = x->x.get();
    if (!assigns || !x || x->kind != Expr::Ident) continue;
    ++out.assignments[x->name];
    note_func(x->name, s->rhs.empty() ? nullptr : s->rhs[0].get(), one_to_one && s->lhs.size() == 1 && x == e.get());
  }
  if (s->kind == Stmt::VarDecl)
    for (const auto& n : s->names) {
      ++out.assignments[n];
      note_func(n, s->rhs.empty() ? nullptr : s->rhs[0].get(), s->rhs.empty() || (one_to_one && s->names.size() == 1));
    }
  for_each_child(*s, [&](const Expr* x) { assignments_in(x, out); }, [&](const Stmt* b) { assignments_in(b, out); });
}
// mark_static_value: a variable just declared, defined once in its function (no part of it
// reassigned) and never &'d, has a static value (ir.StaticValue) when its value is a
// top-level function's name (gc calls it directly: escape/call.go, ir.StaticCalleeName;
// inline/inl.go inlines it), a constant of a basic type, or a struct or array literal of
// constants (init.static_lit: walk/complit.go isStaticCompositeLiteral); from Go 1.25 its
// conversions to an interface use the constant or a read-only static copy of the literal
// (Profile::static_local_literals; walk/order.go addrTemp, staticValue).
void Compiler::mark_static_value(const std::string& name, const V& init) {
  if (!F || name == "_") return;
  const auto it = F->assignments.find(name);
  if (it == F->assignments.end() || it->second != 1 || F->addr_names.count(name)) return;
  const auto en = scopes_.back().find(name);
  if (en == scopes_.back().end() || en->second.k != Entity::Var) return;
  if (init.static_func >= 0 && T.kind(en->second.type) == Kind::Func) {
    en->second.static_func = init.static_func;
    return;
  }
  if (!(T.is_aggregate(init.t) ? init.static_lit : init.isconst)) return;
  const Kind k = T.kind(init.t);
  if (k == Kind::Interface || k == Kind::UntypedNil) return;
  en->second.static_lit = true;
}

// assigned_callees: the functions a call through the local func variable name may reach,
// when every assignment to it names a top-level function or is a literal compiled as a
// function of its own (Go 1.27+: escape/call.go resolveAssignedCallees, ir.StaticCalleeName);
// empty when unknown. A function name counts only when the body declares no variable of that
// name (so it means the package's function wherever it is written); a literal only once it
// is compiled (one written after the call leaves the callee unknown here).
std::vector<int> Compiler::assigned_callees(const std::string& name) {
  if (!callees_from_assignments_ || !F || F->addr_names.count(name) || closure_variable(name)) return {};
  const auto it = F->func_assigns.find(name);
  if (it == F->func_assigns.end()) return {};
  std::vector<int> callees;
  for (const Expr* rhs : it->second) {
    if (rhs && rhs->kind == Expr::FuncLitE) {
      const auto lf = lit_functions_.find(rhs->lit.get());
      if (lf == lit_functions_.end()) return {};
      callees.push_back(lf->second);
      continue;
    }
    const Entity* fe = !rhs || F->assignments.count(rhs->name) ? nullptr : lookup(rhs->name);
    if (!fe || fe->k != Entity::Func || is_generic(decl(fe->slot)) || func_params_[size_t(fe->slot)]) return {};
    callees.push_back(fe->slot);
  }
  return callees;
}

V Compiler::address_of(const Expr& e) { return address_of_operand(*e.x, e.pos); }

// address_of_operand compiles &x (pos: the & for errors).
V Compiler::address_of_operand(const Expr& operand, Pos pos) {
  const Expr* x = &operand;
  while (x->kind == Expr::Paren) x = x->x.get();
  if (x->kind == Expr::CompositeLit) {
    if (!x->type) return bad(x->pos, "invalid composite literal type: missing type");
    TypeId t;
    if (!type_of(*x->type, t, x)) { V v; v.ok = false; return v; }
    return composite(*x, t, true);
  }
  if (x->kind == Expr::Ident) {
    Entity* en = lookup(x->name);
    if (en && en->k == Entity::Var && en->addr_node >= 0) {
      en->used = true;
      V r;
      r.t = T.pointer(en->type);
      r.slot = en->box >= 0 ? en->box : en->slot;   // the box, or the aggregate's own Obj
      r.src.push_back(en->addr_node);
      return r;
    }
    if (en && en->k == Entity::Global && resolve_global(*en, x->pos) && boxed_global(*en)) {
      V r;
      r.t = T.pointer(en->type);
      r.slot = global_box(*en);
      return r;   // static data too (a scalar's box)
    }
    if (en && en->k == Entity::Global && resolve_global(*en, x->pos) && T.is_aggregate(en->type)) {
      emit(OpGMat, en->slot, 0, 0, 0, uint16_t(en->type));
      V r;
      r.t = T.pointer(en->type);
      r.slot = temp(r.t);
      emit(OpGGet, r.slot, en->slot);
      return r;   // package variables are static data: no allocation
    }
  }
  if (x->kind == Expr::Selector || x->kind == Expr::Index) {
    // &x.f / &a[i] / &s[i] of a struct or array field or element (a pointer method called
    // on it, u.SetID() of an embedded Base): the nested value's own Obj, materialised in
    // place; of a scalar, an interior pointer to it (return &p.x). Escape: address_src
    promote(*x);
    TypeId t = 0;
    if (static_type(*x, t)) {
      const int s = lvalue_ref(*x, true);
      if (s >= 0) {
        V r;
        r.t = T.pointer(t);
        r.slot = s;
        r.src = address_src(*x);
        return r;
      }
    }
  }
  return bad(pos, "taking the address of " + expr_str(*x) + " is not supported by the playground (only variables, struct and array fields and elements, new(T) and &T{...})");
}

// address_src: the escape nodes &e may be, e a variable or a field or element chain (x.f.g,
// a[i].f, p.f, (*p).f, s[i]), found without compiling e (value_src: those of e's value).
// Within a local struct or array the address is the variable's own, &x (its address node:
// addr_names_in records the part's address, so x is "moved to heap" whole when it escapes);
// through a pointer or a slice it is the pointer's value plus an offset (escape/expr.go:
// ODOTPTR, OINDEX of a slice), so what p points to escapes with it, and the part's value is
// what p's contents hold. A base that is neither a variable nor such a chain (a call's result)
// is not followed.
std::vector<int> Compiler::address_src(const Expr& e) { return part_src(e, true); }
std::vector<int> Compiler::value_src(const Expr& e) { return part_src(e, false); }

std::vector<int> Compiler::part_src(const Expr& e, bool address) {
  const Expr* x = &e;
  while (x->kind == Expr::Paren) x = x->x.get();
  // what a pointer (or a slice) base points to: its value as an address, its contents as a value
  const auto through = [&](const Expr& base) {
    std::vector<int> p = value_src(base);
    return address ? p : contents_of(p);
  };
  if (x->kind == Expr::Ident) {
    const Entity* en = lookup(x->name);
    const int n = !en || en->k != Entity::Var ? -1 : address ? en->addr_node : en->node;
    return n >= 0 ? std::vector<int>{n} : std::vector<int>{};
  }
  if (x->kind == Expr::Star) return through(*x->x);
  if (x->kind != Expr::Selector && x->kind != Expr::Index) return {};
  if (x->kind == Expr::Selector) promote(*x);
  TypeId bt = 0;
  if (!static_type(*x->x, bt)) return {};
  const Kind k = T.kind(bt);
  if (k == Kind::Pointer || (x->kind == Expr::Index && k == Kind::Slice)) return through(*x->x);
  if (T.is_aggregate(bt)) return part_src(*x->x, address);
  return {};
}

// box_var gives a scalar variable whose address is taken a box: new(T) at this point of
// the code, heap-allocated when &x escapes (gc: "moved to heap: x"), the variable's value
// read and written through it. Called where the variable comes into being (declaration,
// function entry for a parameter, each iteration of a Go 1.22 loop).
void Compiler::box_var(Entity& en) {
  if (en.addr_node < 0) link_address(en, new_node());
  if (en.box < 0) en.box = new_slot(T.pointer(en.type), en.name);
  int pc0 = emit(OpNew, en.box, 0, 0, 0, uint16_t(en.type));
  add_site_node(pc0, "moved to heap: " + en.name, en.addr_node, T[en.type].size > 65536);
}

// move_params gives each parameter whose address, or a field's or element's address
// (addr_names_in: `return &p.x`, `c.mu.Lock()` on a value receiver), is taken its own place
// at the function's entry, as gc moves the parameter to the heap when that address escapes
// (escape.go, "moved to heap: p"): a scalar its box, an aggregate a fresh Obj the argument
// is copied into (the caller's copy in the parameter's slot is then unused). Each is an
// allocation site on the heap only when its address escapes. stmt_start: the moves begin a
// statement (a function's entry; a closure's body has begun one already).
void Compiler::move_params(const std::vector<Param>& params, bool stmt_start) {
  for (const Param& p : params) {
    auto it = scopes_.back().find(p.name);
    if (p.name.empty() || p.name == "_" || it == scopes_.back().end()) continue;
    Entity& en = it->second;
    const bool agg = T.is_aggregate(en.type);
    if (!F->addr_names.count(p.name) && !(agg && F->addr_names.count(field_address_key(p.name)))) continue;
    if (stmt_start) stmt_flag_ = true;
    const int value_slot = en.slot;
    if (!agg) {
      box_var(en);
      emit(OpStore, en.box, value_slot);
      continue;
    }
    link_address(en, new_node());
    en.slot = new_slot(en.type, p.name);
    const int pc0 = emit(OpNew, en.slot, 0, 0, 0, uint16_t(en.type));
    add_site_node(pc0, "moved to heap: " + p.name, en.addr_node, T[en.type].size > 65536);
    emit(OpStore, en.slot, value_slot);
  }
}

void Compiler::store_boxed(Entity& en, V& v) {
  emit(OpStore, en.box, owned(v, en.type));
  flow(v.src, en.node);
}

// ---------------------------------------------------------------- solving: which allocation sites live on the heap
// escape marks the allocation sites that must live on the heap: those whose value can
// reach the heap sink (globals, stores through pointers/slices/maps, fmt arguments,
// escaping parameters) or the results of their own function. A parameter that only
// flows to its function's results "leaks to result" (escape.go): at each call site the
// argument then flows to the call's result instead of escaping outright.
void Compiler::escape() {
  auto reach = [&](int from) {
    std::vector<std::vector<int>> radj(static_cast<size_t>(nnodes_));
    for (const Edge& e : edges_)
      if (e.from >= 0 && e.to >= 0 && e.from < nnodes_ && e.to < nnodes_) radj[size_t(e.to)].push_back(e.from);
    std::vector<uint8_t> r(static_cast<size_t>(nnodes_), 0);
    std::vector<int> work{from};
    r[size_t(from)] = 1;
    while (!work.empty()) {
      int n = work.back();
      work.pop_back();
      for (int f : radj[size_t(n)])
        if (!r[size_t(f)]) {
          r[size_t(f)] = 1;
          work.push_back(f);
        }
    }
    return r;
  };
  std::set<std::pair<int, int>> added;
  auto leak = [&](int src, int result, bool& changed) {
    if (!added.insert({src, result}).second) return;
    edges_.push_back(Edge{src, result});
    changed = true;
  };
  for (int round = 0; round < 32; ++round) {
    bool changed = propagate_contents();
    for (size_t f = 0; f < ret_nodes_.size(); ++f) {
      std::vector<uint8_t> r = reach(ret_nodes_[f]);
      for (const CallRec& c : calls_) {
        if (size_t(c.callee) != f) continue;
        for (size_t i = 0; i < c.args.size() && i < param_nodes_[f].size(); ++i) {
          const int p = param_nodes_[f][i];
          if (r[size_t(p)]) {
            for (int src : c.args[i]) leak(src, c.result, changed);
          } else if (size_t(p) < contents_.size() && contents_[size_t(p)] >= 0 && r[size_t(contents_[size_t(p)])]) {
            // only what the parameter points to reaches the results (return s[0])
            for (int src : c.args[i]) leak(contents_node(src), c.result, changed);
          }
        }
      }
    }
    if (!changed) break;
  }
  propagate_contents();
  std::vector<uint8_t> esc = reach(0);
  std::vector<std::vector<int>> succ(static_cast<size_t>(nnodes_));
  for (const Edge& e : edges_)
    if (e.from >= 0 && e.to >= 0 && e.from < nnodes_ && e.to < nnodes_) succ[size_t(e.from)].push_back(e.to);
  std::vector<std::vector<uint8_t>> to_ret;
  for (int rn : ret_nodes_) to_ret.push_back(reach(rn));
  // gc inlines tiny functions (tiny_leaf) at their call sites: what one returns then lives
  // or dies with each call's result in its caller, not as a result of its own function.
  std::vector<uint8_t> inlined(prog_.funcs.size(), 0);   // inlined_, and 0 for main.init
  std::copy(inlined_.begin(), inlined_.end(), inlined.begin());
  std::vector<std::vector<size_t>> returned_sites(prog_.funcs.size());   // of inlined functions
  for (size_t i = 0; i < prog_.allocs.size(); ++i) {
    AllocSite& s = prog_.allocs[i];
    int node = site_nodes_[i];
    bool returned = size_t(s.func) < to_ret.size() && to_ret[size_t(s.func)][size_t(node)];
    if (returned && inlined[size_t(s.func)] && !s.escapes && !esc[size_t(node)]) {
      returned_sites[size_t(s.func)].push_back(i);
      continue;
    }
    s.escapes = s.escapes || esc[size_t(node)] || returned || outlives_loop(i, succ);
    if (s.escapes) prog_.funcs[size_t(s.func)].code[size_t(s.pc)].flags |= 1;
  }
  inline_results(returned_sites, esc, to_ret);
  inline_static_args();
}

}  // namespace lang::detail
