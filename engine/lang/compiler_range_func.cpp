// compiler_range_func.cpp — range over functions (Go 1.23) for package maps' and slices'
// iterators, and the library functions that consume them (slices.Collect, Sorted,
// AppendSeq; maps.Collect, Insert).
//
// Models: cmd/compile/internal/rangefunc/rewrite.go (a range over a function becomes a call
// of the function with the loop body as the yield closure, `#stateN` guarding it), and what
// gc's inliner makes of the library's iterators (go1.23–1.27 src/maps/iter.go,
// src/slices/iter.go): maps.Keys, Values, All and slices.All, Values, Backward are small
// enough that the iterator and the body's closure are both inlined where the loop is, so
// the loop is the range over the map or slice itself (the hiter / swiss Iter on the stack,
// nothing allocated: measured on 1.23–1.27, tests/oracle/programs/range_func.go).
//
// The consumers are the release's Go code with the producer inlined into it, as gc compiles
// them (iter_generics, below): where gc does not inline the consumer, its range over the
// unknown `seq` passes the yield closure to an unknown function, so the closure escapes
// ("func literal escapes to heap") with what it captures by reference ("moved to heap:
// slices.s", "moved to heap: slices.#state1"): 3 mallocs / 56–64 B a call. slices.Sorted
// is never inlined (it calls Sort); on Go 1.23 AppendSeq and Insert are not either (the
// state checks cost 75 where 1.24's cost 23: go build -gcflags=-m=2), so Collect and
// maps.Collect pay it there too.
//
// Simplifications: the producers are recognised by name where they are ranged over or
// passed to a consumer, or through a variable defined once from such a call (`seq :=
// maps.Keys(m)`, declare_static_iter), or bound to a parameter the function ranges over
// (range_param_costs, below); an iterator otherwise used as a value is refused with a clear
// message.
#include "engine/lang/compiler_impl.h"
#include "engine/lang/parser.h"

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace lang::detail {

namespace {
struct Producer {
  const char* full;
  const char* tparams;   // the producer's type parameters, its argument named x
  const char* arg;
  const char* loop;      // the range clause over x, binding k and/or v
  const char* k;         // the yielded key/first value's type ("" for iter.Seq)
  const char* v;         // the yielded value's type
};
const Producer kProducers[] = {
    {"maps.Keys", "Map ~map[K]V, K comparable, V any", "Map", "for v := range x", "", "K"},
    {"maps.Values", "Map ~map[K]V, K comparable, V any", "Map", "for _, v := range x", "", "V"},
    {"maps.All", "Map ~map[K]V, K comparable, V any", "Map", "for k, v := range x", "K", "V"},
    {"slices.All", "Slice ~[]E, E any", "Slice", "for k, v := range x", "int", "E"},
    {"slices.Values", "Slice ~[]E, E any", "Slice", "for _, v := range x", "", "E"},
};

const Producer* producer(const std::string& full) {
  for (const Producer& p : kProducers)
    if (full == p.full) return &p;
  return nullptr;
}

std::string mangle(const std::string& consumer, const std::string& prod) {
  std::string s = consumer + "__" + prod;
  for (char& c : s)
    if (c == '.') c = '_';
  return s;
}
}  // namespace

// iterator_producer: e is a call of maps.Keys/Values/All or slices.All/Values/Backward
// (the package imported under that name, not shadowed).
bool Compiler::iterator_producer(const Expr& e, std::string& full) {
  if (e.kind != Expr::Call || !e.x || e.x->kind != Expr::Selector || !e.x->x || e.x->x->kind != Expr::Ident) return false;
  const std::string& alias = e.x->x->name;
  auto it = imports_.find(alias);
  if (it == imports_.end() || lookup(alias)) return false;
  const std::string& pkg = it->second.name;
  if (pkg != "maps" && pkg != "slices") return false;
  const std::string name = e.x->name;
  full = pkg + "." + name;
  return producer(full) || full == "slices.Backward";
}

// range_library_iter: `for k, v := range maps.All(m)` is the range over m (the inlined
// iterator's own loop); maps.Keys binds the key, Values and slices.Values the value,
// slices.Backward walks the slice from its end.
bool Compiler::range_library_iter(const Stmt& s, const Expr& call, const std::string& full) {
  imports_[call.x->x->name].used = true;
  if (go_minor_ < 23) return fail(Pos{call.x->pos.line, call.x->pos.col + int(call.x->x->name.size()) + 1}, "undefined: " + full);
  if (call.args.size() != 1 || call.has_ellipsis) return fail(call.pos, "wrong number of arguments in call to " + full);
  const Producer* p = producer(full);
  const bool seq2 = !p || p->k[0] != 0;
  TypeId at = 0;
  if (!static_type(*call.args[0], at)) return false;
  const Kind ak = T.kind(at);
  const bool on_map = full.rfind("maps.", 0) == 0;
  if (s.lhs.size() > (seq2 ? 2u : 1u)) {
    std::string seq = "iter.Seq[";
    if (ak == Kind::Map || ak == Kind::Slice) seq += T.name(full == "maps.Keys" ? T.u(at).key : T.u(at).elem);
    const bool held = s.cond.get() != &call;   // seq := maps.Keys(m); for k, v := range seq
    return fail(s.lhs.back()->pos, "range over " + expr_str(*s.cond) + (held ? " (variable of func type " : " (value of func type ") + seq +
                                       "]) permits only one iteration variable");
  }
  if (on_map ? ak != Kind::Map : ak != Kind::Slice)
    return fail(call.args[0]->pos, "in call to " + full + ", " + expr_str(*call.args[0]) + " (type " + T.name(at) + ") does not satisfy ~" +
                                       (on_map ? "map[K]V" : "[]E"));
  std::vector<const Expr*> lhs;
  for (const auto& l : s.lhs) lhs.push_back(l.get());
  if (full == "maps.Values" || full == "slices.Values") lhs.insert(lhs.begin(), nullptr);   // the value is the range's second
  return range_over(s, *call.args[0], lhs, full == "slices.Backward");
}

// iterator_call: e makes an iterator the playground runs where it is ranged over: a call of
// a library producer (maps.Keys, …) or of a generator of the program (Go 1.23+).
bool Compiler::iterator_call(const Expr& e) {
  if (go_minor_ < 23 || e.kind != Expr::Call) return false;
  std::string full;
  const Expr* gen_call = nullptr;
  int fidx = -1;
  return iterator_producer(e, full) || (user_iterator(e, gen_call, fidx) && gen_call);
}

// declare_static_iter: `seq := maps.Keys(m)` or `seq := evens(n)`. gc inlines the producer
// and, seq being assigned once, finds its static value where it is ranged over
// (ir.StaticValue): the range is the range over the call, nothing allocated (real Go
// 1.23–1.27: tests/oracle/programs/iter_values.go). The arguments are evaluated here, into
// hidden variables; seq names the call made of them.
bool Compiler::declare_static_iter(const Expr& name, const Expr& call) {
  if (name.name == "_") return fail(name.pos, "no new variables on left side of :=");
  if (scopes_.back().count(name.name)) return fail(name.pos, "no new variables on left side of :=");
  std::vector<V> values;
  if (!static_iter_args(call, values)) return false;
  auto held = call_expr(clone_expr(*call.x), call.pos);
  for (size_t i = 0; i < call.args.size(); ++i) held->args.push_back(hidden_var(name.name + "#" + std::to_string(i), values[i], call.args[i]->pos));
  synthetic_.push_back(std::move(held));
  auto c = std::make_unique<ClosureDef>();
  c->name = name.name;
  c->static_iter = synthetic_.back().get();
  add_closure(name, std::move(c));
  return true;
}

// static_iter_args evaluates the arguments of call, an iterator's maker (a producer of maps
// or slices, a generator of the program or of strings), into values of their own: a
// generator's converted to its parameters' types.
bool Compiler::static_iter_args(const Expr& call, std::vector<V>& values) {
  const Expr* gen_call = nullptr;
  int fidx = -1;
  const FuncDecl* gen = user_iterator(call, gen_call, fidx);
  if (call.has_ellipsis) return fail(call.pos, "cannot use ... in call to " + expr_str(*call.x));
  if (gen && call.args.size() != gen->params.size()) return fail(call.pos, "wrong number of arguments in call to " + gen->name);
  for (size_t i = 0; i < call.args.size(); ++i) {
    V v = expr(*call.args[i]);
    if (!v.ok) return false;
    if (gen) {
      const TypeId pt = prog_.funcs[size_t(fidx)].param_types[i];
      if (!assignable(v, pt, call.args[i]->pos, ("argument to " + gen->name).c_str())) return false;
      v = argument_copy(v, pt);
    } else if (T.is_untyped(v.t)) {
      return fail(call.args[i]->pos, "in call to " + expr_str(*call.x) + ", cannot infer the type of " + expr_str(*call.args[i]));
    } else {
      v = argument_copy(v, v.t);
    }
    values.push_back(v);
  }
  return true;
}

// static_iter_of: e, or the call that made the iterator e names.
const Expr& Compiler::static_iter_of(const Expr& e) {
  const Expr* x = &e;
  while (x->kind == Expr::Paren) x = x->x.get();
  if (x->kind != Expr::Ident) return e;
  Entity* en = lookup(x->name);
  if (!en || en->k != Entity::Closure || !closures_[size_t(en->slot)]->static_iter) return e;
  en->used = true;
  return *closures_[size_t(en->slot)]->static_iter;
}

// held_iter_refused: an iterator held in a variable, used other than ranged over or handed
// to a library consumer.
V Compiler::held_iter_refused(const Expr& use) {
  const std::string& n = use.kind == Expr::Ident ? use.name : expr_str(use);
  return bad(use.pos, n + " holds an iterator: the playground runs it where it is ranged over (for x := range " + n +
                          ") or passed to slices.Collect, Sorted, AppendSeq, maps.Collect or Insert; called, passed to a function or "
                          "stored it is not supported yet");
}

// iterator_consumer: slices.Collect/Sorted/AppendSeq and maps.Collect/Insert over a
// producer call: the instance of the release's code with that producer inlined
// (iter_generics), called with the consumer's leading arguments and the producer's.
bool Compiler::iterator_consumer(const Expr& e, const std::string& full, V& out) {
  static const char* consumers[] = {"slices.Collect",   "slices.Sorted", "slices.SortedFunc", "slices.SortedStableFunc",
                                    "slices.AppendSeq", "maps.Collect",  "maps.Insert"};
  bool known = false;
  for (const char* c : consumers) known = known || full == c;
  if (!known) return false;
  if (go_minor_ < 23) {
    out = bad(Pos{e.x->pos.line, e.x->pos.col + int(e.x->x->name.size()) + 1}, "undefined: " + full);
    return true;
  }
  const bool seq_first = full == "slices.SortedFunc" || full == "slices.SortedStableFunc";   // (seq, cmp)
  const size_t want = full == "slices.AppendSeq" || full == "maps.Insert" || seq_first ? 2 : 1;
  if (e.args.size() != want || e.has_ellipsis) {
    out = arg_count_error(e, e.args.size(), want, full);
    return true;
  }
  std::string prod;
  const Expr& seq = static_iter_of(seq_first ? *e.args[0] : *e.args.back());
  if (!iterator_producer(seq, prod) || !producer(prod)) {
    out = bad(seq.pos, "the iterator passed to " + full +
                           " must be a call of maps.Keys, maps.Values, maps.All, slices.All or slices.Values in the playground "
                           "(an iterator of the program's own, or one held in a variable, is not supported)");
    return true;
  }
  imports_[seq.x->x->name].used = true;
  auto it = std_funcs_.find(mangle(full, prod));
  if (it == std_funcs_.end()) {
    const bool seq2 = producer(prod)->k[0] != 0;
    out = bad(seq.pos, "cannot use " + expr_str(seq) + " (value of type iter.Seq" + (seq2 ? "2" : "") + "[…]) as iter.Seq" + (seq2 ? "" : "2") +
                           " value in argument to " + full);
    return true;
  }
  if (seq.args.size() != 1 || seq.has_ellipsis) {
    out = bad(seq.pos, "wrong number of arguments in call to " + prod);
    return true;
  }
  // The synthetic call: the consumer's leading arguments, then the producer's (SortedFunc:
  // the producer's, then cmp).
  auto call = call_expr(ident_expr(mangle(full, prod), e.x->pos), e.pos);
  if (seq_first) call->args.push_back(clone_expr(*seq.args[0]));
  for (size_t i = seq_first ? 1 : 0; i + (seq_first ? 0 : 1) < e.args.size(); ++i) call->args.push_back(clone_expr(*e.args[i]));
  if (!seq_first) call->args.push_back(clone_expr(*seq.args[0]));
  synthetic_.push_back(std::move(call));
  // gc inlines the consumer into its caller (but Sorted, and AppendSeq/Insert on 1.23): its
  // body expands here, so a result that does not escape keeps Go 1.25's append buffer
  const Expr& c = *synthetic_.back();
  std::vector<TypeId> targs;
  if (!infer(c, decl(it->second), targs)) {
    out.ok = false;
    return true;
  }
  const int fidx = instantiate_func(it->second, targs, c.x->pos);
  if (fidx < 0) {
    out.ok = false;
    return true;
  }
  const bool inlined = full.rfind("slices.Sorted", 0) != 0 && go_minor_ >= 24;
  out = inlined ? expand_call(c, fidx) : user_call(c, fidx);
  return true;
}

// iter_generics declares, for a program that imports maps or slices (Go 1.23+), each
// consumer's code with each producer inlined into it, as generic functions of the library
// (std_funcs_ "slices.Collect__maps_Keys"). `escaping`: gc does not inline the consumer
// into its caller, so the body's closure escapes (its captures by reference move to the
// heap); the `panic(yield)` never runs, it only lets the closure escape as gc's call of
// the unknown seq does.
bool Compiler::iter_generics() {
  if (go_minor_ < 23) return true;
  bool wanted = false;
  for (const auto& kv : imports_) wanted = wanted || kv.second.name == "maps" || kv.second.name == "slices";
  if (!wanted) return true;
  const bool inlines_consumers = go_minor_ >= 24;   // 1.23: AppendSeq and Insert are not inlined
  std::string src = "package main\n";
  auto fn = [&](const std::string& name, const std::string& tparams, const std::string& params, const std::string& result,
                const std::string& prologue, const std::string& body, const std::string& epilogue, const Producer& p, bool escaping) {
    const std::string bind = p.k[0] ? "k, v" : "v";
    src += "func " + name + "[" + tparams + "](" + params + ") " + result + " {\n" + prologue;
    if (escaping) {
      src += std::string("\tstate := 1\n\tyield := func(") + (p.k[0] ? "k K_, v V_" : "v V_") + ") bool {\n";
      src += "\t\tif state != 1 {\n\t\t\tpanic(\"range function continued iteration after function for loop body returned false\")\n\t\t}\n";
      src += "\t\tstate = 2\n\t\t" + body + "\n\t\tstate = 1\n\t\treturn true\n\t}\n";
      src += "\t" + std::string(p.loop) + " {\n\t\tif !yield(" + bind + ") {\n\t\t\tbreak\n\t\t}\n\t}\n";
      src += "\tif state < 0 {\n\t\tpanic(yield)\n\t}\n";
    } else {
      src += "\t" + std::string(p.loop) + " {\n\t\t" + body + "\n\t}\n";
    }
    src += epilogue + "}\n";
  };
  for (const Producer& p : kProducers) {
    const std::string tp = p.tparams;
    const std::string arg = std::string("x ") + p.arg;
    // the yielded types, as the producer's type parameters name them
    const bool map_prod = std::string(p.full).rfind("maps.", 0) == 0;
    auto typed = [&](std::string s) {   // K_/V_: the yield's parameter types
      auto rep = [&](const std::string& from, const std::string& to) {
        for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
      };
      rep("K_", p.k[0] ? p.k : "");
      rep("V_", p.v);
      return s;
    };
    if (!p.k[0]) {   // iter.Seq consumers
      const std::string el = p.v;
      fn(mangle("slices.Collect", p.full), tp, arg, "[]" + el, "\tvar s []" + el + "\n", "s = append(s, v)", "\treturn s\n", p, !inlines_consumers);
      fn(mangle("slices.AppendSeq", p.full), "S ~[]" + el + ", " + tp, "s S, " + arg, "S", "", "s = append(s, v)", "\treturn s\n", p,
         !inlines_consumers);
      std::string otp;   // Sorted wants an ordered element
      if (map_prod && el == "K") otp = "Map ~map[K]V, K cmp.Ordered, V any";
      else if (map_prod) otp = "Map ~map[K]V, K comparable, V cmp.Ordered";
      else otp = "Slice ~[]E, E cmp.Ordered";
      fn(mangle("slices.Sorted", p.full), otp, arg, "[]" + el, "\tvar s []" + el + "\n", "s = append(s, v)", "\tslices.Sort(s)\n\treturn s\n", p,
         true);
      // SortedFunc / SortedStableFunc: Collect then SortFunc / SortStableFunc, never inlined
      // either (real Go 1.23–1.27: as Sorted, 25 272 B / 15 mallocs for 1 000 keys)
      for (const char* sort : {"SortFunc", "SortStableFunc"})
        fn(mangle(std::string("slices.Sorted") + (sort + 4), p.full), tp, arg + ", cmp func(" + el + ", " + el + ") int", "[]" + el,
           "\tvar s []" + el + "\n", "s = append(s, v)", std::string("\tslices.") + sort + "(s, cmp)\n\treturn s\n", p, true);
    } else {   // iter.Seq2 consumers
      const std::string kt = p.k, vt = p.v;
      const std::string tp2 = tp, m2 = "M2 ~map[" + kt + "]" + vt + ", ";
      fn(mangle("maps.Collect", p.full), tp2, arg, "map[" + kt + "]" + vt, "\tm := make(map[" + kt + "]" + vt + ")\n", "m[k] = v", "\treturn m\n", p,
         !inlines_consumers);
      fn(mangle("maps.Insert", p.full), m2 + tp2, "m M2, " + arg, "", "", "m[k] = v", "", p, !inlines_consumers);
    }
    src = typed(src);
  }
  Error e;
  if (!parse(src, iter_file_, e, kLibraryFirstLine + 700'000))
    return fail(Pos{1, 1}, "internal error in the library's iterator functions: " + e.msg);
  for (const FuncDecl& fd : iter_file_.funcs) {
    const size_t us = fd.name.find('_');
    const std::string full = fd.name.substr(0, us) + "." + fd.name.substr(us + 1);
    int fidx;
    if (!add_function(fd, {}, full, fidx)) return false;
    std_funcs_[fd.name] = fidx;
    std_pkg_[&fd] = full;
  }
  return true;
}

}  // namespace lang::detail

namespace lang::detail {

// ---------------------------------------------------------------- the program's own iterators
// A range over a function of the program: `for x := range f` (f a function with one
// parameter `yield func(…) bool`) or over a call of a function whose body returns a function
// literal (`for x := range countTo(n)`, a generator). gc inlines such iterators and the
// loop body's closure where the loop is: nothing is allocated (real Go 1.23–1.27, range_func.go).
// The playground does the same: the iterator's body expands here with `yield` bound to the
// loop body, which expands at each call of yield (range_body_call) and returns true, or false
// after a break (its state then DONE: a later call panics as the runtime's panicrangestate
// does) or a return (the values kept in hidden variables, returned once the iterator is done).
namespace {
const char* kRangeStateName = "rangefunc_state";
const char* kRangeNextName = "rangefunc_next";
constexpr const char* kRangeCheck = R"go(package main
func _() {
	if rangefunc_state != 1 {
		panic("runtime error: range function continued iteration after function for loop body returned false")
	}
}
)go";
}  // namespace

// user_iterator: s ranges over a function of the program (or a generator's call): its
// declaration, and the call when it is a generator.
const FuncDecl* Compiler::user_iterator(const Expr& cond, const Expr*& gen_call, int& fidx) {
  gen_call = nullptr;
  const Expr* c = &cond;
  while (c->kind == Expr::Paren) c = c->x.get();
  auto func_of = [&](const Expr* id) -> const FuncDecl* {
    if (!id || id->kind != Expr::Ident) return nullptr;
    const Entity* en = lookup(id->name);
    if (!en || en->k != Entity::Func) return nullptr;
    fidx = en->slot;
    return &decl(en->slot);
  };
  // strings.Lines(s), SplitSeq, SplitAfterSeq, FieldsSeq (Go 1.24): the release's generators (strings_funcs.cpp)
  if (c->kind == Expr::Call && c->x->kind == Expr::Selector && c->x->x->kind == Expr::Ident && !lookup(c->x->x->name)) {
    auto im = imports_.find(c->x->x->name);
    const std::string& n = c->x->name;
    if (im == imports_.end() || im->second.name != "strings" || (n != "Lines" && n != "SplitSeq" && n != "SplitAfterSeq" && n != "FieldsSeq"))
      return nullptr;
    auto it = pkg_.find("strings_" + n);
    if (it == pkg_.end() || it->second.k != Entity::Func) return nullptr;
    im->second.used = true;
    fidx = it->second.slot;
    gen_call = c;
    return &decl(fidx);
  }
  if (const FuncDecl* fd = func_of(c)) {
    if (fd->has_recv || fd->params.size() != 1 || !fd->params[0].type || fd->params[0].type->kind != TypeExpr::Func || !fd->results.empty()) return nullptr;
    return fd;
  }
  if (c->kind == Expr::Call) {
    const FuncDecl* fd = func_of(c->x.get());
    if (!fd || fd->has_recv || fd->body.size() != 1 || fd->body[0]->kind != Stmt::Return || fd->body[0]->rhs.size() != 1 ||
        fd->body[0]->rhs[0]->kind != Expr::FuncLitE)
      return nullptr;
    const FuncLit& lit = *fd->body[0]->rhs[0]->lit;
    if (lit.params.size() != 1 || !lit.params[0].type || lit.params[0].type->kind != TypeExpr::Func || !lit.results.empty()) return nullptr;
    gen_call = c;
    return fd;
  }
  return nullptr;
}

// range_user_func compiles `for … := range f` / `range gen(args)` (see above).
bool Compiler::range_user_func(const Stmt& s, const FuncDecl& fd, const Expr* gen_call, int fidx) {
  const Param& yp = gen_call ? fd.body[0]->rhs[0]->lit->params[0] : fd.params[0];
  const std::string what = expr_str(*s.cond) + " (value of type func(" + yp.name + (yp.name.empty() ? "" : " ") + type_expr_str(*yp.type) + "))";
  if (go_minor_ < 23) return fail(s.cond->pos, "cannot range over " + what);
  const TypeExpr& yt = *yp.type;
  if (yt.fresults.size() != 1 || yt.fparams.size() > 2)
    return fail(s.cond->pos, "cannot range over " + expr_str(*s.cond) + ": yield func must be func(…) bool with at most two parameters");
  if (s.lhs.size() > yt.fparams.size())
    return fail(s.lhs[yt.fparams.size()]->pos, "range over " + what + " permits " +
                                                 (yt.fparams.empty() ? "no iteration variables" : "only one iteration variable"));
  if (gen_call && is_generic(fd)) return fail(s.cond->pos, "ranging over a call of a generic function of the program is not supported by the playground");
  push_scope();
  F->line = s.pos.line;
  // hidden variables: the state (1 ready, 0 done), whether the body returned, its results
  auto hidden = [&](const std::string& name, TypeId t) {
    const int slot = declare_var(name, t, s.pos);
    scopes_.back()[name].used = true;
    emit(OpLoadK, slot, konst(0));
    return slot;
  };
  const int state = hidden(kRangeStateName, TypeTable::kInt);
  emit(OpLoadK, state, konst(1));
  const int next = hidden(kRangeNextName, TypeTable::kBool);
  RangeBody rb;
  rb.stmt = &s;
  rb.state = state;
  rb.next = next;
  rb.outer_expansions = F->expansions.size();
  const std::vector<TypeId>& outer_results = F->expansions.empty() ? F->fn->result_types : F->expansions.back()->result_types;
  rb.named = F->expansions.empty() ? F->named_results : !F->expansions.back()->named.empty();
  if (!rb.named)
    for (size_t i = 0; i < outer_results.size(); ++i) rb.results.push_back("rangefunc_r" + std::to_string(i));
  for (size_t i = 0; i < rb.results.size(); ++i) hidden(rb.results[i], outer_results[i]);
  for (const Param& p : yt.fparams) {
    TypeId t;
    if (!type_of(*p.type, t)) return false;
    rb.params.push_back(t);
  }
  // break L / continue L in the body to a loop around the range statement
  std::set<std::string> outer_labels;
  for (const LoopCtx& l : F->loops)
    if (!l.label.empty()) outer_labels.insert(l.label);
  std::function<void(const Stmt*)> branches = [&](const Stmt* b) {
    if (!b) return;
    if ((b->kind == Stmt::Break || b->kind == Stmt::Continue) && outer_labels.count(b->label)) {
      const int flag = new_slot(TypeTable::kBool, "");
      emit(OpLoadK, flag, konst(0));
      rb.outer_branches.emplace_back(b, flag);
    }
    for_each_child(*b, [](const Expr*) {}, branches);
  };
  for (const auto& b : s.body) branches(b.get());
  range_bodies_.push_back(std::make_unique<RangeBody>(std::move(rb)));
  RangeBody& body = *range_bodies_.back();
  // the loop body as a literal bound to yield
  auto c = std::make_unique<ClosureDef>();
  c->name = "yield";
  c->depth = scopes_.size();
  c->floor = scope_floor_;
  c->passed = true;
  c->range_body = &body;
  for (const auto& kv : scopes_.back()) c->names_then.insert(kv.first);
  Entity y;
  y.k = Entity::Closure;
  y.slot = int(closures_.size());
  y.name = "yield";
  y.pos = s.pos;
  y.used = true;
  closures_.push_back(std::move(c));
  // the call: f(yield) expands f's body; a generator's arguments bind its parameters
  if (!gen_call) {
    if (!func_params_[size_t(fidx)])
      return fail(s.cond->pos, "cannot range over " + fd.name + " in the playground: its yield parameter is used other than called");
    scopes_.back()["rangefunc_yield"] = y;
    auto call = call_expr(clone_expr(*s.cond), s.cond->pos);
    call->args.push_back(ident_expr("rangefunc_yield", s.cond->pos));
    synthetic_.push_back(std::move(call));
    V r = expand_call(*synthetic_.back(), fidx);
    if (!r.ok) return false;
  } else if (!expand_generator(*gen_call, fidx, y)) {
    return false;
  }
  // a break L / continue L in the body: now, out here
  for (const auto& [b, flag] : body.outer_branches) {
    const int skip = emit(OpJf, 0, flag);
    auto br = std::make_unique<Stmt>();
    br->kind = b->kind;
    br->pos = b->pos;
    br->label = b->label;
    br->label_pos = b->label_pos;
    synthetic_stmts_.push_back(std::move(br));
    if (!break_continue(*synthetic_stmts_.back())) return false;
    patch(skip, pc());
  }
  // a return in the body: return its values now
  if (body.returns) {
    const int skip = emit(OpJf, 0, next);
    auto ret = std::make_unique<Stmt>();
    ret->kind = Stmt::Return;
    ret->pos = s.pos;
    for (const std::string& n : body.results) ret->rhs.push_back(ident_expr(n, s.pos));
    synthetic_stmts_.push_back(std::move(ret));
    if (!return_stmt(*synthetic_stmts_.back())) return false;
    patch(skip, pc());
  }
  return pop_scope();
}

// expand_generator: gen(args) whose body is `return func(yield …) {…}`: the arguments bind
// its parameters, then the literal's body expands with yield bound to the loop body.
bool Compiler::expand_generator(const Expr& e, int fidx, const Entity& yield) {
  const FuncDecl& fd = decl(fidx);
  const Function& fn = prog_.funcs[size_t(fidx)];
  if (e.has_ellipsis || e.args.size() != fd.params.size()) return fail(e.pos, "wrong number of arguments in call to " + fd.name);
  std::vector<V> values(fd.params.size());
  for (size_t i = 0; i < fd.params.size(); ++i) {
    V v = expr(*e.args[i]);
    if (!v.ok) return false;
    if (!assignable(v, fn.param_types[i], e.args[i]->pos, ("argument to " + fd.name).c_str())) return false;
    values[i] = argument_copy(v, fn.param_types[i]);
  }
  const FuncLit& lit = *fd.body[0]->rhs[0]->lit;
  Expansion x;   // the literal's returns end its expansion
  const size_t saved_floor = scope_floor_;
  scope_floor_ = scopes_.size();
  push_scope();
  for (size_t i = 0; i < fd.params.size(); ++i) {
    const Param& p = fd.params[i];
    if (p.name.empty() || p.name == "_") continue;
    declare_init(p.name, fn.param_types[i], p.pos, &values[i]);
    scopes_.back()[p.name].used = true;
  }
  push_scope();
  Entity y = yield;
  y.name = lit.params[0].name;
  if (!y.name.empty() && y.name != "_") scopes_.back()[y.name] = y;
  auto saved_loops = std::move(F->loops);
  F->loops.clear();
  F->expansions.push_back(&x);
  bool ok = stmts(lit.body);
  F->expansions.pop_back();
  F->loops = std::move(saved_loops);
  if (ok) ok = pop_scope();
  else scopes_.pop_back();
  if (ok) ok = pop_scope();
  else scopes_.pop_back();
  scope_floor_ = saved_floor;
  if (!ok) return false;
  expansion_result(x);
  return true;
}

// range_body_call: the iterator calls yield(args): the loop body expands here, in the scopes
// of the range statement, its iteration variables bound to the arguments; the call's value
// is true, or false after a break or a return.
V Compiler::range_body_call(const Expr& e, ClosureDef& c) {
  RangeBody& rb = *c.range_body;
  const Stmt& s = *rb.stmt;
  if (c.expanding) return bad(e.pos, "the loop body's yield is called from inside the loop body: not supported by the playground");
  if (e.args.size() != rb.params.size() || e.has_ellipsis) return arg_count_error(e, e.args.size(), rb.params.size(), "yield");
  std::vector<V> args;
  for (size_t i = 0; i < rb.params.size(); ++i) {
    V a = expr(*e.args[i]);
    if (!a.ok) return a;
    if (!assignable(a, rb.params[i], e.args[i]->pos, "argument to yield")) { a.ok = false; return a; }
    args.push_back(argument_copy(a, rb.params[i]));
  }
  Expansion x;
  x.result_types = {TypeTable::kBool};
  x.results = fresh_slots(x.result_types);
  x.range_body = &rb;
  // the scopes of the range statement
  HiddenScopes hidden = hide_scopes_after(c.depth, c.names_then);
  auto restore = [&] { unhide_scopes(hidden); };
  const size_t saved_floor = scope_floor_;
  scope_floor_ = c.floor;
  auto saved_expansions = F->expansions;   // the body's returns are the range statement's
  F->expansions.resize(rb.outer_expansions);
  F->expansions.push_back(&x);
  auto saved_loops = std::move(F->loops);
  F->loops.clear();
  c.expanding = true;
  bool ok = true;
  // a call after the body returned false panics (runtime.panicrangestate)
  if (rb.check.funcs.empty()) {   // its panic reported at the range statement's line
    Error err;
    if (!parse(kRangeCheck, rb.check, err, std::max(1, s.pos.line - 3))) ok = fail(e.pos, "internal error: " + err.msg);
  }
  if (ok) ok = stmt(*rb.check.funcs[0].body[0]);
  push_scope();
  for (size_t i = 0; ok && i < s.lhs.size(); ++i) {
    const Expr& l = *s.lhs[i];
    if (l.kind == Expr::Ident && l.name == "_") continue;
    if (s.range_define) {
      if (l.kind != Expr::Ident) { ok = fail(l.pos, "non-name " + expr_str(l) + " on left side of :="); break; }
      declare_init(l.name, rb.params[i], l.pos, &args[i]);
    } else {
      ok = store(l, args[i], l.pos);
    }
  }
  F->loops.emplace_back();
  F->loops.back().label = s.labeled;
  if (ok) ok = stmts(s.body);
  LoopCtx loop = std::move(F->loops.back());
  F->loops.pop_back();
  if (ok) ok = pop_scope();
  else scopes_.pop_back();
  if (ok) {
    for (int j : loop.continues) patch(j, pc());
    emit(OpLoadK, x.results, konst(1));   // the body's end, or continue: true
    x.jumps.push_back(emit(OpJmp));
    for (int j : loop.breaks) patch(j, pc());
    emit(OpLoadK, rb.state, konst(0));   // break: done, false
    emit(OpLoadK, x.results, konst(0));
  }
  c.expanding = false;
  F->loops = std::move(saved_loops);
  F->expansions = std::move(saved_expansions);
  scope_floor_ = saved_floor;
  restore();
  if (!ok) { V v; v.ok = false; return v; }
  return expansion_result(x);
}

// range_body_branch: break L / continue L in the loop body to a loop around the range
// statement: its flag set, yield returns false (done); range_user_func branches after.
bool Compiler::range_body_branch(const Stmt& s) {
  for (size_t i = F->expansions.size(); i-- > 0;) {
    Expansion& x = *F->expansions[i];
    if (!x.range_body) continue;
    for (const auto& [b, flag] : x.range_body->outer_branches) {
      if (b != &s) continue;
      emit(OpLoadK, flag, konst(1));
      emit(OpLoadK, x.range_body->state, konst(0));
      emit(OpLoadK, x.results, konst(0));
      x.jumps.push_back(emit(OpJmp));
      return true;
    }
  }
  return false;
}

// range_body_return: `return …` in the loop body keeps its values in the hidden results,
// marks the loop as returning and makes yield return false (done).
bool Compiler::range_body_return(const Stmt& s, Expansion& x) {
  RangeBody& rb = *x.range_body;
  if (!s.rhs.empty()) {
    if (rb.named) return fail(s.pos, "return with values inside a range over a function, in a function with named results: not supported by the playground");
    if (rb.results.empty()) return fail(s.rhs[0]->pos, "too many return values");
    auto as = std::make_unique<Stmt>();
    as->kind = Stmt::Assign;
    as->pos = s.pos;
    for (const std::string& n : rb.results) as->lhs.push_back(ident_expr(n, s.pos));
    for (const auto& r : s.rhs) as->rhs.push_back(clone_expr(*r));
    synthetic_stmts_.push_back(std::move(as));
    if (!stmt(*synthetic_stmts_.back())) return false;
  } else if (!rb.results.empty()) {
    return fail(s.pos, "not enough return values");
  }
  rb.returns = true;
  emit(OpLoadK, rb.next, konst(1));
  emit(OpLoadK, rb.state, konst(0));
  emit(OpLoadK, x.results, konst(0));
  x.jumps.push_back(emit(OpJmp));
  return true;
}

// ---------------------------------------------------------------- a range over a parameter
// `func sum(seq iter.Seq[int]) int { for v := range seq {…} }`: sum expands where it is
// called (expand_call), seq bound to what was passed (a producer's or generator's call, a
// function's name), and the range is the range over that (0 B, as where gc inlines sum).
// Where gc does not inline sum, rangefunc's rewrite passes the loop body's closure to the
// unknown seq: the closure escapes ("func literal escapes to heap") with what it captures
// by reference ("moved to heap: t, #state1"). range_param_costs makes those allocations at
// the range statement, each time it runs; the variables themselves stay where the
// expansion keeps them (what the allocations hold is not modelled, only their memory).

// range_param_inlined: gc inlines fd, which ranges over its parameters, into its callers
// (Profile::rangefunc_param_inlines, Go 1.24+): measured, a function with one such range
// whose body is small (tiny_leaf, the loop body counted: `sum`, one with a return inside
// the loop, a Seq2 over maps.All) is inlined; one with two ranges is not on 1.24–1.27, nor is
// any on 1.23 (tests/oracle/programs/range_func_param.go).
bool Compiler::range_param_inlined(const FuncDecl& fd) const {
  const std::set<std::string> ranged = params_ranged_over(fd);
  if (ranged.empty()) return true;
  if (!rangefunc_param_inlines_) return false;
  int ranges = 0;
  std::function<void(const Stmt*)> walk = [&](const Stmt* s) {
    if (!s) return;
    if (s->kind == Stmt::Range && s->cond && s->cond->kind == Expr::Ident && ranged.count(s->cond->name)) ++ranges;
    for_each_child(*s, [](const Expr*) {}, walk);
  };
  for (const auto& b : fd.body) walk(b.get());
  return ranges == 1 && tiny_leaf(fd);
}

// range_param_costs: s ranges over a parameter of a function gc does not inline: the loop
// body's closure (its function word, #state1, and each variable of the function the body
// uses: a pointer to it when the function assigns it after its definition, else its value;
// with a return inside, #next and a pointer to each result) and the variables it captures by
// reference (#state1 and #next ints, the results once, each such variable once), as gc's
// rewrite and escape analysis make them (go build -gcflags='-m -S': newobject of the
// closure's struct, one of each variable). From Go 1.25 the pointer-free ones share
// allocations of up to 16 bytes (Profile::heap_scalars_aggregated).
bool Compiler::range_param_costs(const Stmt& s) {
  if (!s.cond || s.cond->kind != Expr::Ident || !F) return true;
  Expansion* x = nullptr;
  for (size_t i = F->expansions.size(); i-- > 0 && !x;)
    if (F->expansions[i]->ranging_fd) x = F->expansions[i];
  if (!x || x->scope_base >= scopes_.size()) return true;
  const FuncDecl& fd = *x->ranging_fd;
  const std::string& seq = s.cond->name;
  auto own = scopes_[x->scope_base].find(seq);
  if (own == scopes_[x->scope_base].end() || lookup(seq) != &own->second || !params_ranged_over(fd).count(seq)) return true;
  FnState assigned;
  for (const auto& b : fd.body) assignments_in(b.get(), assigned);
  std::set<std::string> params;
  for (const Param& p : fd.params) params.insert(p.name);
  // the names a loop body uses (and a range's `=` targets), in order
  auto uses = [&](const Stmt& r, bool& returns) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    std::function<void(const Expr*)> ex = [&](const Expr* e) {
      if (!e) return;
      if (e->kind == Expr::Ident && seen.insert(e->name).second) names.push_back(e->name);
      for_each_child(*e, ex);
    };
    std::function<void(const Stmt*)> st = [&](const Stmt* b) {
      if (!b) return;
      returns = returns || b->kind == Stmt::Return;
      for_each_child(*b, ex, st);
    };
    if (!r.range_define)
      for (const auto& l : r.lhs) ex(l.get());
    for (const auto& b : r.body) st(b.get());
    return names;
  };
  // a variable of fd (declared in the expansion's scopes, not shadowed), and whether the
  // closure captures it by reference (fd assigns it after its definition)
  auto variable = [&](const std::string& n, bool& by_ref) -> const Entity* {
    const Entity* en = nullptr;
    for (size_t k = scopes_.size(); k-- > x->scope_base && !en;) {
      auto it = scopes_[k].find(n);
      if (it != scopes_[k].end()) en = &it->second;
    }
    if (!en || en->k != Entity::Var || lookup(n) != en) return nullptr;
    auto a = assigned.assignments.find(n);
    by_ref = (a == assigned.assignments.end() ? 0 : a->second) > (params.count(n) ? 0 : 1);
    return en;
  };
  std::vector<TypeId> moved;
  if (x->moved.empty()) {   // the first: every range's variables declared by now move to the heap at their definitions
    std::function<void(const Stmt*)> ranges = [&](const Stmt* r) {
      if (!r) return;
      if (r->kind == Stmt::Range && r->cond && r->cond->kind == Expr::Ident && params.count(r->cond->name)) {
        bool ret = false, by_ref = false;
        for (const std::string& n : uses(*r, ret))
          if (const Entity* en = variable(n, by_ref); en && by_ref && x->moved.insert(n).second) moved.push_back(en->type);
      }
      for_each_child(*r, [](const Expr*) {}, ranges);
    };
    for (const auto& b : fd.body) ranges(b.get());
    x->moved.insert("#state");
  }
  bool returns = false;
  int words = 2;   // the function word and &#state1
  for (const std::string& n : uses(s, returns)) {
    bool by_ref = false;
    const Entity* en = variable(n, by_ref);
    if (!en) continue;
    if (by_ref) {
      ++words;
      if (x->moved.insert(n).second) moved.push_back(en->type);
    } else {
      words += int((T[en->type].size + 7) / 8);
    }
  }
  if (returns) {   // #next, and the results a return in the body sets
    words += 1 + int(fd.results.size());
    if (!x->results_moved)
      for (TypeId t : x->result_types) moved.push_back(t);
    x->results_moved = true;
    moved.push_back(TypeTable::kInt);
  }
  moved.push_back(TypeTable::kInt);   // #state1
  const int saved_line = F->line;
  F->line = s.pos.line;
  auto alloc = [&](TypeId t, const std::string& what) {
    const int pc0 = emit(OpNew, temp(T.pointer(t)), 0, 0, 0, uint16_t(t));
    add_site(pc0, what, true);
  };
  uint64_t pending = 0;
  TypeId pending_type = 0;
  int pending_count = 0;
  auto flush = [&] {
    if (pending_count == 1) alloc(pending_type, "moved to heap");
    else if (pending_count > 1) alloc(T.array(TypeTable::kUint8, int64_t(pending)), "moved to heap");
    pending = 0;
    pending_count = 0;
  };
  for (TypeId t : moved) {
    const uint64_t size = T[t].size;
    if (size == 0) continue;   // zerobase
    if (T[t].ptrs || size >= heap_scalars_aggregated_) {
      alloc(t, "moved to heap");
      continue;
    }
    if (pending + size > heap_scalars_aggregated_) flush();
    pending += size;
    pending_type = t;
    ++pending_count;
  }
  std::vector<Field> fields{Field{"F", TypeTable::kUintptr, 0}};
  for (int i = 1; i < words; ++i) fields.push_back(Field{"X" + std::to_string(i - 1), T.pointer(TypeTable::kInt), 0});
  alloc(T.structure(fields), "func literal");
  flush();
  F->line = saved_line;
  return true;
}

}  // namespace lang::detail
