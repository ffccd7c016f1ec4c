// inline.cpp — inlining decisions: which functions gc surely inlines (tiny_leaf), and what
// that does to the allocations such a function returns: they live or die with each call's
// result in its caller, so a function called both ways gets a second body for the calls
// whose result escapes.
//
// Models: cmd/compile/internal/inline/inl.go (the budget of 80 nodes, //go:noinline, no
// inlining of bodies with switch or defer in the releases modelled) and the escape analysis
// of inlined copies (cmd/compile/internal/escape).
//
// Simplifications: only tiny functions (kTinyStmts statements, kTinyNodes expression nodes,
// no calls but a few builtins) count as inlined; gc inlines more, a call of a non-inlined
// function among it (compiler.h).
#include "engine/lang/compiler_impl.h"

#include <cstddef>
#include <functional>
#include <map>
#include <utility>
#include <vector>

namespace lang::detail {

namespace {

constexpr size_t kTinyStmts = 6;
constexpr int kTinyNodes = 40;

}  // namespace

// tiny_leaf says whether gc surely inlines fd, in Go 1.19 as in 1.24 (inlining budget 80;
// a call of a function gc does not inline costs 57 and more): not //go:noinline, at most
// kTinyStmts statements and kTinyNodes expression nodes (a function literal's body counted
// in, as inl.go's hairyVisitor does since Go 1.16), no switch or label, and no call but
// make, new, len, cap and delete (conversions string(x) and []byte(s) are not calls). gc inlines larger functions too; those
// are treated as not inlined (compiler.h).
bool tiny_leaf(const FuncDecl& fd) {
  if (fd.noinline || !fd.has_body || fd.body.size() > kTinyStmts) return false;
  int nodes = 0;
  std::function<bool(const Stmt*)> stmt_ok;
  std::function<bool(const Expr*)> expr_ok = [&](const Expr* e) {
    if (!e) return true;
    if (++nodes > kTinyNodes) return false;
    if (e->kind == Expr::FuncLitE) {   // gc inlines functions with closures, the body counted
      for (const StmtP& b : e->lit->body)
        if (!stmt_ok(b.get())) return false;
      return true;
    }
    if (e->kind == Expr::Call) {
      const Expr* f = e->x.get();
      // string(b) and []byte(s) are conversions, not calls (bytes.Buffer's String and
      // NewBufferString inline in gc: the copy lives with the caller's result)
      const bool byte_slice = f && f->kind == Expr::TypeE && f->type && f->type->kind == TypeExpr::Slice && f->type->elem &&
                              f->type->elem->kind == TypeExpr::Name && f->type->elem->name == "byte";
      if (!byte_slice && (!f || f->kind != Expr::Ident ||
                          (f->name != "make" && f->name != "new" && f->name != "len" && f->name != "cap" && f->name != "delete" && f->name != "string")))
        return false;
    }
    for (const Expr* c : {e->x.get(), e->y.get(), e->z.get()})
      if (!expr_ok(c)) return false;
    for (const ExprP& a : e->args)
      if (!expr_ok(a.get())) return false;
    return true;
  };
  stmt_ok = [&](const Stmt* st) {
    if (!st) return true;
    if (st->kind == Stmt::Switch || st->kind == Stmt::Defer || !st->label.empty()) return false;   // gc inlines neither
    for (const ExprP& e : st->lhs)
      if (!expr_ok(e.get())) return false;
    for (const ExprP& e : st->rhs)
      if (!expr_ok(e.get())) return false;
    if (!expr_ok(st->cond.get()) || !stmt_ok(st->init.get()) || !stmt_ok(st->post.get()) || !stmt_ok(st->els.get())) return false;
    for (const StmtP& b : st->body)
      if (!stmt_ok(b.get())) return false;
    return true;
  };
  for (const StmtP& st : fd.body)
    if (!stmt_ok(st.get())) return false;
  return true;
}

// inline_results decides the returned allocations of inlined functions per call site, as
// gc's inlined copies do: on the heap where the call's result escapes in its caller (flows
// to the heap or to the caller's own results). One compiled body serves every call, so a
// function called both ways gets a second body whose returned sites stay on the stack, and
// the calls whose result does not escape are pointed at it. The first body keeps the heap:
// a call gc cannot inline — through an interface (a method in an itab), a func value —
// runs it, and there the result is the function's own, returned (escape/call.go).
void Compiler::inline_results(const std::vector<std::vector<size_t>>& returned_sites, const std::vector<uint8_t>& esc,
                              const std::vector<std::vector<uint8_t>>& to_ret) {
  for (size_t f = 0; f < returned_sites.size(); ++f) {
    if (returned_sites[f].empty()) continue;
    std::vector<const CallRec*> stack_calls;
    for (const CallRec& c : calls_) {
      if (size_t(c.callee) != f) continue;
      const bool escapes = esc[size_t(c.result)] || to_ret[size_t(c.caller)][size_t(c.result)];
      if (!escapes) stack_calls.push_back(&c);
    }
    if (!stack_calls.empty()) {
      prog_.funcs.push_back(prog_.funcs[f]);   // the copy the calls keeping the result on the stack run
      const int body = int(prog_.funcs.size()) - 1;
      for (const CallRec* c : stack_calls) prog_.funcs[size_t(c->caller)].code[size_t(c->pc)].a = body;
    }
    for (size_t i : returned_sites[f]) {
      prog_.allocs[i].escapes = stack_calls.empty();
      prog_.funcs[f].code[size_t(prog_.allocs[i].pc)].flags |= 1;
    }
  }
}

// inline_static_args gives the calls of an inlined function that pass a
// constant (or a local's static constant) for a parameter the function never assigns or
// &'s a copy of its body in which the make or interface conversion of that parameter counts
// as constant (flags bit 2), as gc sees it from Go 1.25: the inlined parameter is a local
// defined once from the argument (noder/reader.go inlCall: `name.Defn = as2`), so escape
// analysis's rewriteWithLiterals (escape/escape.go, ir.ReassignOracle.StaticValue) puts
// the constant in its place. Whether the release does this is Profile::static_local_literals,
// read by the VM as for any static constant. One copy per distinct set of such sites.
void Compiler::inline_static_args() {
  std::map<std::pair<int, std::vector<int>>, int> copies;   // (body, pcs) → its copy
  for (const CallRec& c : calls_) {
    const auto sites = param_sites_.find(c.callee);
    if (sites == param_sites_.end() || !inlined_[size_t(c.callee)]) continue;
    std::vector<int> pcs;
    for (const auto& [pc, param] : sites->second)
      if (size_t(param) < c.arg_static.size() && c.arg_static[size_t(param)]) pcs.push_back(pc);
    if (pcs.empty()) continue;
    Instr& call = prog_.funcs[size_t(c.caller)].code[size_t(c.pc)];
    auto [it, fresh] = copies.try_emplace({call.a, pcs}, 0);
    if (fresh) {
      Function copy = prog_.funcs[size_t(call.a)];
      for (int pc : pcs) copy.code[size_t(pc)].flags |= 4;
      prog_.funcs.push_back(std::move(copy));
      it->second = int(prog_.funcs.size()) - 1;
    }
    call.a = it->second;
  }
}

}  // namespace lang::detail
