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
// passed to a consumer (an iterator stored in a variable, or a program's own
// func(yield …) iterator, is refused with a clear message).
#include "engine/lang/compiler_impl.h"
#include "engine/lang/parser.h"

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
bool Compiler::range_library_iter(const Stmt& s, const std::string& full) {
  const Expr& call = *s.cond;
  imports_[call.x->x->name].used = true;
  if (go_minor_ < 23) return fail(Pos{call.x->pos.line, call.x->pos.col + int(call.x->x->name.size()) + 1}, "undefined: " + full);
  if (call.args.size() != 1 || call.has_ellipsis) return fail(call.pos, "wrong number of arguments in call to " + full);
  const Producer* p = producer(full);
  const bool seq2 = !p || p->k[0] != 0;
  if (s.lhs.size() > (seq2 ? 2u : 1u))
    return fail(s.lhs.back()->pos, "range over " + expr_str(call) + " permits only one iteration variable");
  TypeId at = 0;
  if (!static_type(*call.args[0], at)) return false;
  const Kind ak = T.kind(at);
  const bool on_map = full.rfind("maps.", 0) == 0;
  if (on_map ? ak != Kind::Map : ak != Kind::Slice)
    return fail(call.args[0]->pos, "in call to " + full + ", " + expr_str(*call.args[0]) + " (type " + T.name(at) + ") does not satisfy ~" +
                                       (on_map ? "map[K]V" : "[]E"));
  std::vector<const Expr*> lhs;
  for (const auto& l : s.lhs) lhs.push_back(l.get());
  if (full == "maps.Values" || full == "slices.Values") lhs.insert(lhs.begin(), nullptr);   // the value is the range's second
  return range_over(s, *call.args[0], lhs, full == "slices.Backward");
}

// iterator_consumer: slices.Collect/Sorted/AppendSeq and maps.Collect/Insert over a
// producer call: the instance of the release's code with that producer inlined
// (iter_generics), called with the consumer's leading arguments and the producer's.
bool Compiler::iterator_consumer(const Expr& e, const std::string& full, V& out) {
  static const char* consumers[] = {"slices.Collect", "slices.Sorted", "slices.AppendSeq", "maps.Collect", "maps.Insert"};
  bool known = false;
  for (const char* c : consumers) known = known || full == c;
  if (!known) return false;
  if (go_minor_ < 23) {
    out = bad(Pos{e.x->pos.line, e.x->pos.col + int(e.x->x->name.size()) + 1}, "undefined: " + full);
    return true;
  }
  const size_t want = full == "slices.AppendSeq" || full == "maps.Insert" ? 2 : 1;
  if (e.args.size() != want || e.has_ellipsis) {
    out = arg_count_error(e, e.args.size(), want, full);
    return true;
  }
  std::string prod;
  const Expr& seq = *e.args.back();
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
  // The synthetic call: the consumer's leading arguments, then the producer's.
  auto call = std::make_unique<Expr>();
  call->kind = Expr::Call;
  call->pos = e.pos;
  call->x = std::make_unique<Expr>();
  call->x->kind = Expr::Ident;
  call->x->pos = e.x->pos;
  call->x->name = mangle(full, prod);
  for (size_t i = 0; i + 1 < e.args.size(); ++i) call->args.push_back(clone_expr(*e.args[i]));
  call->args.push_back(clone_expr(*seq.args[0]));
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
  const bool inlined = full != "slices.Sorted" && go_minor_ >= 24;
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
