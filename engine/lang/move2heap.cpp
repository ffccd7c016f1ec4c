// move2heap.cpp — Go 1.26's slice pass: a slice built by append stays on the stack until
// the one point where it stops being the only reference to its array, where it is copied
// to the heap if it is still in the frame.
//
// Models: cmd/compile/internal/slice/slice.go (analyze, Go 1.26+: run after escape
// analysis), ssagen/ssa.go (append's stack buffer, growsliceBuf when the capacity is used,
// move2heap), runtime/slice.go (moveSlice, moveSliceNoCap, growsliceBuf). Release switch:
// Profile::slice_move2heap.
//
// The pass tracks a function's slice variables (parameters, named results, locals). A use
// it understands keeps the variable "exclusive": its declaration, `s = nil`, `s = []T{…}`,
// `s = s[i:j]`, `s = append(s, …)`, `s[i]`, `len(s)`, `cap(s)`. `return s`, `x = s` and
// `range s` are understood too but end exclusivity: a transition. Any other mention (a call
// argument, `&s[i]`, a capture, `s[i:j]` into another variable…) drops the variable. A
// variable is committed when all its uses are understood, it has exactly one transition,
// not in a loop deeper than its declaration, and its appends weigh at least 2 (an append
// in a loop weighs 1 + the loop depth over the declaration's). Then its appends do not
// escape (they take the 32-byte stack buffer; with cap or s[i:j] used, every growth within
// the buffer goes one size class up), and OpMove2Heap before the transition copies a
// stack array to the heap: of the next size class above the length, or of the capacity
// when it was used.
//
// Simplifications: by name, as ReassignOracle's counts here (a name declared twice in a
// function, a function literal's own included, is dropped); a call f(s) drops s (gc keeps
// it when f's parameter does not leak, escape.ParseLeaks); types are checked where the
// variable is compiled (a slice of elements of 1 to Profile::stack_buffer_bytes bytes).
#include "engine/lang/compiler_impl.h"

#include <map>
#include <string>
#include <vector>

namespace lang::detail {

namespace {

struct SliceUse {
  int all = 0, ok = 0;        // every mention; the mentions the pass understands
  int decls = 0, decl_depth = 0;
  bool dropped = false, cap_used = false;
  const Stmt* transition = nullptr;
  std::vector<const Expr*> appends;
  int append_weight = 0;
};

const Expr* unparen(const Expr* e) {
  while (e && e->kind == Expr::Paren) e = e->x.get();
  return e;
}

class SlicePass {
 public:
  std::map<std::string, SliceUse> uses;

  void declare(const std::string& name, bool odcl) {
    if (name.empty() || name == "_") return;
    SliceUse& u = uses[name];
    ++u.decls;
    u.decl_depth = depth_;
    if (odcl && !in_lit_) ++u.all, ++u.ok;   // ir.ODCL of the name: a use, understood
  }

  void stmt(const Stmt* s) {
    if (!s) return;
    for (const std::string& n : s->names) declare(n, s->kind == Stmt::VarDecl);
    if (!in_lit_) rule(*s);
    const bool loop = s->kind == Stmt::For || s->kind == Stmt::Range;
    if (loop) ++depth_;
    for_each_child(*s, [&](const Expr* x) { expr(x); }, [&](const Stmt* b) { stmt(b); });
    if (loop) --depth_;
  }

  void expr(const Expr* e) {
    if (!e) return;
    if (e->kind == Expr::Ident) {
      if (SliceUse* u = find(e->name)) ++u->all;
      return;
    }
    if (e->kind == Expr::FuncLitE && e->lit) {   // a capture is a use the pass does not understand
      ++in_lit_;
      for (const Param& p : e->lit->params) declare(p.name, false);
      for (const Param& p : e->lit->results) declare(p.name, false);
      for (const StmtP& b : e->lit->body) stmt(b.get());
      --in_lit_;
      return;
    }
    if (!in_lit_) {
      if (e->kind == Expr::Index) {
        if (SliceUse* u = tracked(e->x.get())) ++u->ok;   // s[i]
      } else if (e->kind == Expr::Call && e->args.size() == 1 && unparen(e->x.get()) &&
                 unparen(e->x.get())->kind == Expr::Ident) {
        const std::string& f = unparen(e->x.get())->name;
        if (f == "len" || f == "cap")
          if (SliceUse* u = tracked(e->args[0].get())) {
            ++u->ok;
            u->cap_used = u->cap_used || f == "cap";
          }
      } else if (e->kind == Expr::Unary && e->op == Tok::And) {
        // &s[i], &s[i].f: a pointer into the array ends the tracking
        for (const Expr* x = unparen(e->x.get()); x && (x->kind == Expr::Selector || x->kind == Expr::Index);
             x = unparen(x->x.get()))
          if (x->kind == Expr::Index)
            if (SliceUse* u = tracked(x->x.get())) u->dropped = true;
      }
    }
    for_each_child(*e, [&](const Expr* x) { expr(x); });
  }

  void params(const std::vector<Param>& ps) {
    for (const Param& p : ps) declare(p.name, false);
  }
  void named_results(const std::vector<Param>& rs) {
    for (const Param& r : rs)
      if (!r.name.empty() && r.name != "_") results_.push_back(r.name);
  }

 private:
  int depth_ = 0;
  int in_lit_ = 0;
  std::vector<std::string> results_;

  SliceUse* find(const std::string& name) {
    auto it = uses.find(name);
    return it == uses.end() ? nullptr : &it->second;
  }
  SliceUse* tracked(const Expr* e) {
    e = unparen(e);
    if (!e || e->kind != Expr::Ident) return nullptr;
    SliceUse* u = find(e->name);
    return u && !u->dropped ? u : nullptr;
  }

  // transition: s stops being exclusive at st (slice.go addTransition)
  void transition(SliceUse& u, const Stmt* st) {
    if (u.transition || depth_ > u.decl_depth) u.dropped = true;
    else u.transition = st;
  }

  // assign: x = y somewhere in st (slice.go assign)
  void assign(SliceUse* x, const Expr* y, const Stmt* st) {
    y = unparen(y);
    if (x) {
      if (!y || (y->kind == Expr::Ident && y->name == "nil")) {
        ++x->ok;
      } else if (y->kind == Expr::CompositeLit) {
        ++x->ok;
        x->cap_used = true;
      } else if (y->kind == Expr::Slice && tracked(y->x.get()) == x) {
        x->ok += 2;
        x->cap_used = true;
      } else if (y->kind == Expr::Call && unparen(y->x.get()) && unparen(y->x.get())->kind == Expr::Ident &&
                 unparen(y->x.get())->name == "append" && !y->args.empty() && tracked(y->args[0].get()) == x) {
        x->ok += 2;
        x->appends.push_back(y);
        x->append_weight += 1 + (depth_ - x->decl_depth);
      }
    }
    if (SliceUse* u = tracked(y)) {   // ... = s
      ++u->ok;
      transition(*u, st);
    }
  }

  void rule(const Stmt& s) {
    switch (s.kind) {
      case Stmt::Define: case Stmt::Assign:
        if (s.kind == Stmt::Define)
          for (const ExprP& l : s.lhs)
            if (const Expr* x = unparen(l.get()); x && x->kind == Expr::Ident) declare(x->name, true);
        if (s.lhs.size() == s.rhs.size())
          for (size_t i = 0; i < s.lhs.size(); ++i) assign(tracked(s.lhs[i].get()), s.rhs[i].get(), &s);
        break;
      case Stmt::VarDecl:   // var s []T [= y]: the name's own mention in the assignment
        for (size_t i = 0; i < s.names.size(); ++i) {
          SliceUse* u = find(s.names[i]);
          if (!u) continue;
          ++u->all;
          assign(u->dropped ? nullptr : u, i < s.rhs.size() ? s.rhs[i].get() : nullptr, &s);
        }
        break;
      case Stmt::Return:
        for (const ExprP& r : s.rhs)
          if (SliceUse* u = tracked(r.get())) {
            ++u->ok;
            transition(*u, &s);
          }
        if (s.rhs.empty())   // a bare return uses the named results
          for (const std::string& n : results_)
            if (SliceUse* u = find(n); u && !u->dropped) transition(*u, &s);
        break;
      case Stmt::Range:
        if (s.range_define)
          for (const ExprP& l : s.lhs)
            if (const Expr* x = unparen(l.get()); x && x->kind == Expr::Ident) declare(x->name, false);
        if (SliceUse* u = tracked(s.cond.get())) {   // the range keeps a pointer to the array
          ++u->ok;
          transition(*u, &s);
        }
        break;
      default: break;
    }
  }
};

}  // namespace

// plan_slice_moves runs the slice pass over fd's body (Profile::slice_move2heap): which
// variables are committed, their transition statement and appends (FnState::slice_moves).
void Compiler::plan_slice_moves(const FuncDecl& fd, FnState& st) {
  if (!slice_move2heap_) return;
  SlicePass pass;
  pass.params(fd.params);
  pass.params(fd.results);
  pass.named_results(fd.results);
  for (const StmtP& b : fd.body) pass.stmt(b.get());
  for (const auto& [name, u] : pass.uses) {
    if (u.dropped || u.decls != 1 || u.all != u.ok || !u.transition || u.append_weight < 2) continue;
    SliceMove& m = st.slice_moves[name];
    m.transition = u.transition;
    m.cap_used = u.cap_used;
    for (const Expr* a : u.appends) st.slice_move_appends.insert(a);
  }
}

// slice_move says whether en, named by a committed variable, is one the pass applies to: a
// local slice whose elements fit the stack buffer (slice.go: Elem().Size() <= maxStackSize;
// ssagen getBackingStoreInfo: and not zero-size).
const Compiler::SliceMove* Compiler::slice_move(const std::string& name, const Entity& en) const {
  if (!F || F->slice_moves.empty() || en.k != Entity::Var || en.box >= 0) return nullptr;
  const auto it = F->slice_moves.find(name);
  if (it == F->slice_moves.end() || T.kind(en.type) != Kind::Slice) return nullptr;
  const uint64_t es = T.u(T.u(en.type).elem).size;
  return es > 0 && es <= stack_buffer_bytes_ ? &it->second : nullptr;
}

// emit_slice_moves emits the move2heap of every committed variable whose transition is s,
// before s (slice.go: `i.transition.PtrInit().Prepend(as)`).
void Compiler::emit_slice_moves(const Stmt& s) {
  for (const auto& [name, m] : F->slice_moves) {
    if (m.transition != &s) continue;
    Entity* en = lookup(name);
    if (!en || !slice_move(name, *en)) continue;
    emit(OpMove2Heap, en->slot, m.saved, 0, 0, uint16_t(T.u(en->type).elem), m.cap_used ? 1 : 0);
  }
}

// save_slice_params keeps a committed parameter's incoming value: its array is the
// caller's, which move2heap leaves where it is (ssa.go: only a pointer into the current
// frame is moved).
void Compiler::save_slice_params(const FuncDecl& fd) {
  for (const Param& p : fd.params) {
    auto it = F->slice_moves.find(p.name);
    if (it == F->slice_moves.end()) continue;
    Entity* en = lookup(p.name);
    if (!en || !slice_move(p.name, *en)) continue;
    it->second.saved = new_slot(en->type, "");
    emit(OpMov, it->second.saved, en->slot);
  }
}

}  // namespace lang::detail
