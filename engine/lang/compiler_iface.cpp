// compiler_iface.cpp — interfaces: interface types (methods, embedding), method sets and
// implements, conversions to an interface (convT*: what it costs is decided by the VM from
// the value, where it lives by escape analysis), calls through an interface (dynamic
// dispatch), type assertions and type switches, the errors the library makes (errors.New,
// fmt.Errorf with %w, errors.Is/As/Unwrap, strconv.Atoi's error), embedding (promoted
// fields and methods) and math/rand's own generators (rand.New, rand.NewSource).
//
// Models: cmd/compile/internal/types2 — interface.go, typeset.go (method sets, embedding),
// lookup.go (implements, "missing method M", "method M has pointer receiver"),
// typeswitch in stmt.go; walk/convert.go (walkConvInterface: the data word of a
// pointer-shaped value is the value itself, constants use static data, other values go
// through convT* in runtime/iface.go: convT16/32/64 use staticuint64s below 256,
// convTstring the zero value for "", convTslice for a nil slice, zero-size values
// zerobase); escape/expr.go (a converted value lives on the stack when the interface does
// not escape; a call through an interface makes its arguments escape).
//
// Simplifications: no method values; methods promote one embedding deep into method sets
// (fields and static calls at any depth); a type switch's cases are tested in order (gc may
// reorder concrete cases by hash, which no program can see).
#include "engine/lang/compiler_impl.h"
#include "engine/lang/gofmt.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace lang::detail {

// ---------------------------------------------------------------- types
// library_error_types: the dynamic types of the errors errors.New, fmt.Errorf and strconv
// return (errors/errors.go errorString, fmt/errors.go wrapError, strconv/atoi.go NumError),
// with their Error methods, which the VM implements.
void Compiler::library_error_types() {
  auto named_ptr = [&](const char* name, std::vector<Field> fs) {
    TypeId n = T.named(name);
    T.complete_named(n, T.structure(std::move(fs)));
    return T.pointer(n);
  };
  prog_.errstring_type = named_ptr("errors.errorString", {Field{"s", TypeTable::kString, 0}});
  prog_.wraperror_type = named_ptr("fmt.wrapError", {Field{"msg", TypeTable::kString, 0}, Field{"err", prog_.error_type, 0}});
  prog_.numerror_type = named_ptr("strconv.NumError", {Field{"Func", TypeTable::kString, 0}, Field{"Num", TypeTable::kString, 0},
                                                        Field{"Err", prog_.error_type, 0}});
  prog_.wraperrors_type = named_ptr("fmt.wrapErrors", {Field{"msg", TypeTable::kString, 0}, Field{"errs", T.slice(prog_.error_type), 0}});
  for (TypeId t : {prog_.errstring_type, prog_.wraperror_type, prog_.numerror_type, prog_.wraperrors_type})
    prog_.methods.push_back(MethodEnt{t, method_name("Error"), -1, false});
}

int Compiler::method_name(const std::string& name) {
  auto& names = prog_.method_names;
  auto it = std::find(names.begin(), names.end(), name);
  if (it != names.end()) return int(it - names.begin());
  names.push_back(name);
  return int(names.size()) - 1;
}

// method_table lists every method of the program's types for dynamic dispatch: a method of
// T is in T's and *T's method sets (called on *T through *p), one of *T in *T's only.
void Compiler::method_table() {
  for (size_t i = 0; i < file_.funcs.size(); ++i)
    if (file_.funcs[i].has_recv && !is_generic(file_.funcs[i])) add_methods(int(i));
  promoted_methods();
}

// add_methods enters function fidx, a method, in its receiver's method sets.
void Compiler::add_methods(int fidx) {
  const TypeId recv = prog_.funcs[size_t(fidx)].param_types[0];
  const int name = method_name(decl(fidx).name);
  prog_.methods.push_back(MethodEnt{recv, name, int32_t(fidx), false});
  if (T.kind(recv) != Kind::Pointer || !T[recv].name.empty())
    prog_.methods.push_back(MethodEnt{T.pointer(recv), name, int32_t(fidx), true});
}

bool Compiler::interface_type(const TypeExpr& te, TypeId& out) {
  std::vector<Field> ms;
  std::set<std::string> seen;
  for (const FieldDecl& f : te.fields) {
    if (f.name.empty()) {   // an embedded interface: its methods join
      // a union or a non-interface type: a constraint's type set (satisfies checks it)
      if (f.type->kind == TypeExpr::Union) continue;
      TypeId et;
      ++constraint_ctx_;
      const bool ok = type_of(*f.type, et);
      --constraint_ctx_;
      if (!ok) return false;
      if (!T[et].complete) return fail(f.pos, "invalid recursive type: interface embeds itself");
      if (T.kind(et) != Kind::Interface) continue;
      for (const Field& m : T.u(et).fields)
        if (seen.insert(m.name).second) ms.push_back(m);
      continue;
    }
    if (!seen.insert(f.name).second) return fail(f.pos, "duplicate method " + f.name);
    std::vector<TypeId> ps, rs;
    for (const Param& p : f.type->fparams) {
      if (p.variadic && &p != &f.type->fparams.back()) return fail(p.pos, "can only use ... with final parameter in list");
      TypeId t;
      if (!type_of(*p.type, t)) return false;
      ps.push_back(p.variadic ? T.slice(t) : t);   // Logf(format string, args ...any): a []any
    }
    for (const Param& p : f.type->fresults) {
      TypeId t;
      if (!type_of(*p.type, t)) return false;
      rs.push_back(t);
    }
    ms.push_back(Field{f.name, T.func_(ps, rs, !f.type->fparams.empty() && f.type->fparams.back().variadic), 0});
  }
  out = T.interface_(std::move(ms));
  return true;
}

// signature_of: a method's signature as an interface lists it (the receiver left out).
TypeId Compiler::signature_of(int fidx) {
  const Function& fn = prog_.funcs[size_t(fidx)];
  std::vector<TypeId> ps(fn.param_types.begin() + 1, fn.param_types.end());
  return T.func_(ps, fn.result_types, is_variadic(decl(fidx)));
}

// implements: a value of type t has every method of interface it (lookup.go's
// missingMethod); why names what is missing as gc's messages do.
bool Compiler::implements(TypeId t, TypeId it, std::string& why) {
  const Type& iface = T.u(it);
  for (const Field& m : iface.fields) {
    if (T.kind(t) == Kind::Interface) {
      const auto& have = T.u(t).fields;
      auto f = std::find_if(have.begin(), have.end(), [&](const Field& h) { return h.name == m.name; });
      if (f == have.end() || f->type != m.type) {
        why = "missing method " + m.name;
        return false;
      }
      continue;
    }
    bool found = false, wrong = false, ptr_only = false;
    for (const MethodEnt& me : prog_.methods) {
      if (prog_.method_names[size_t(me.name)] != m.name) continue;
      const bool here = me.type == t;
      const TypeId sig = me.func < 0 ? T.func_({}, {TypeTable::kString}) : signature_of(me.func);
      if (here) {
        found = true;
        wrong = sig != m.type;
        break;
      }
      if (me.type == T.pointer(t) && !me.deref) ptr_only = true;
    }
    if (!found) {
      why = "missing method " + m.name;
      if (ptr_only) why = "method " + m.name + " has pointer receiver";
      return false;
    }
    if (wrong) {
      why = "wrong type for method " + m.name;
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------- conversions
// to_iface turns v into a value of interface type it (assignability's third case).
bool Compiler::to_iface(V& v, TypeId it, Pos p, const char* context) {
  if (v.t == TypeTable::kUntypedNil) {
    v.t = it;
    return true;
  }
  bool constant = false;
  if (v.isconst && T.is_untyped(v.t)) {
    if (!convert_const(v, T.default_type(v.t), p, false)) return false;
    constant = true;
  } else if (v.isconst) {
    constant = true;
  }
  std::string why;
  if (!implements(v.t, it, why)) {
    if (go_minor_ <= 19) {   // Go 1.19's gc wording (types2's CompilerErrorMessages): "missing String method"
      for (const char* lead : {"missing ", "wrong type for ", ""}) {
        const std::string m = std::string(lead) + "method ";
        if (why.rfind(m, 0) != 0) continue;
        const std::string rest = why.substr(m.size());   // "String" or "String has pointer receiver"
        const size_t sp = std::min(rest.find(' '), rest.size());
        why = lead + rest.substr(0, sp) + " method" + rest.substr(sp);
        break;
      }
      return fail(p, "cannot use " + describe(v) + " as type " + T.name(it) + " in " + context + ":\n\t" + T.name(v.t) +
                         " does not implement " + T.name(it) + " (" + why + ")");
    }
    return fail(p, "cannot use " + describe(v) + " as " + T.name(it) + " value in " + context + ": " + T.name(v.t) +
                       " does not implement " + T.name(it) + " (" + why + ")");
  }
  if (T.kind(v.t) == Kind::Interface) {   // an interface value is the same word
    materialize(v, v.t);
    v.t = it;
    return true;
  }
  const TypeId vt = v.t;
  const bool static_lit = v.static_lit;
  const int static_param = v.static_param;
  const int src = owned(v, vt);
  const int dst = temp(it);
  const int pc0 = emit(OpToIface, dst, src, 0, 0, uint16_t(vt), constant ? 2 : static_lit ? 4 : 0);
  if (!constant && !static_lit && static_param >= 0) param_sites_[F->fidx].push_back({pc0, static_param});
  const int node = new_node();
  add_site_node(pc0, "interface conversion of " + T.name(vt), node, false);
  flow(v.src, node);   // what the value refers to escapes with the box
  V r;
  r.t = it;
  r.slot = dst;
  r.src.push_back(node);
  v = r;
  return true;
}

// ---------------------------------------------------------------- calls through an interface
V Compiler::iface_call(const Expr& e, const Expr& sel, TypeId xt) {
  const auto& ms = T.u(xt).fields;
  auto m = std::find_if(ms.begin(), ms.end(), [&](const Field& f) { return f.name == sel.name; });
  if (m == ms.end())
    return bad(selector_name_pos(sel), expr_str(sel) + " undefined (type " + T.name(xt) + " has no field or method " + sel.name + ")");
  const Type& sig = T.u(m->type);
  const size_t np = size_t(sig.len), nr = sig.fields.size() - np;
  if (e.has_ellipsis && !sig.variadic) return bad(e.pos, "cannot use ... in call to non-variadic " + expr_str(sel));
  // a variadic method's final arguments become one []T (variadic_arg), unless l.Logf(f, xs...) passes xs
  const bool packed = sig.variadic && !e.has_ellipsis;
  if (packed ? e.args.size() + 1 < np : e.args.size() != np)
    return arg_count_error(e, e.args.size(), np, expr_str(sel));
  // the frame: the receiver and the parameters; results come back in its first slots
  std::vector<TypeId> st{xt};
  for (size_t i = 0; i < np; ++i) st.push_back(sig.fields[i].type);
  while (st.size() < nr) st.push_back(sig.fields[np + st.size()].type);
  int base = fresh_slots(st);
  {
    size_t mk = temp_mark();
    V x = expr(*sel.x);
    if (!x.ok) return x;
    move_into(x, base, xt);
    sink(x.src);   // gc: the receiver and arguments of a call through an interface escape
    temp_release(mk);
  }
  for (size_t i = 0; i < np; ++i) {
    size_t mk = temp_mark();
    const bool pack = packed && i + 1 == np;
    V a = pack ? variadic_arg(e, i, sig.fields[i].type) : expr(*e.args[i]);
    if (!a.ok) return a;
    if (!assignable(a, sig.fields[i].type, pack ? e.pos : e.args[i]->pos, ("argument to " + expr_str(sel)).c_str())) { a.ok = false; return a; }
    sink(a.src);   // the packed slice too: gc does not know the callee
    move_into(a, base + 1 + int(i), sig.fields[i].type);
    temp_release(mk);
  }
  emit(OpCallI, method_name(sel.name), base, int(np) + 1, int(nr));
  V r;
  r.src.push_back(0);   // what an unknown method returns may be anything on the heap
  std::vector<TypeId> res;
  for (size_t i = np; i < sig.fields.size(); ++i) res.push_back(sig.fields[i].type);
  note_call_results(res);
  return call_results(r, base, res, true);
}

// ---------------------------------------------------------------- type assertions and switches
// assert_type compiles x.(T) (ok: the comma-ok form, results in slots r.slot, r.slot+1).
V Compiler::type_assert(const Expr& e, bool ok) {
  if (!e.type) return bad(e.pos, "invalid syntax tree: use of .(type) outside type switch");
  V x = expr(*e.x);
  if (!x.ok) return x;
  if (T.kind(x.t) != Kind::Interface) return bad(e.x->pos, "invalid operation: " + describe(x) + " is not an interface");
  TypeId t;
  if (!type_of(*e.type, t)) { V v; v.ok = false; return v; }
  return assert_value(x, t, e.type->pos, ok);
}

V Compiler::assert_value(V& x, TypeId t, Pos p, bool ok) {
  std::string why;
  if (T.kind(t) != Kind::Interface && !implements(t, x.t, why))
    return bad(p, "impossible type assertion: " + T.name(t) + " does not implement " + T.name(x.t) + " (" + why + ")");
  const int src = materialize(x, x.t);
  const int dst = ok ? fresh_slots({t, TypeTable::kBool}) : temp(t);
  emit(OpAssert, dst, src, int(x.t), 0, uint16_t(t), uint8_t((ok ? 1 : 0) | (T.kind(t) == Kind::Interface ? 2 : 0)));
  V r;
  r.t = t;
  r.slot = dst;
  r.fresh = true;
  // an interface keeps the box; a value taken out is a copy, which refers to what the
  // boxed value referred to (the box's sources, kept conservatively) only if it has pointers
  if (T.kind(t) == Kind::Interface || T[t].ptrs) r.src = x.src;
  return r;
}

// type_switch compiles switch [v :=] x.(type) { case T1, T2: … case nil: … default: … }:
// each case's types are tested in order; v has the case's type when it names one type,
// else x's type.
bool Compiler::type_switch(const Stmt& s) {
  push_scope();
  if (s.init && !stmt(*s.init)) return false;
  V x = expr(*s.cond);
  if (!x.ok) return false;
  if (T.kind(x.t) != Kind::Interface) return fail(s.cond->pos, describe(x) + " is not an interface");
  const TypeId xt = x.t;
  const int xs = new_slot(xt, "");
  move_into(x, xs, xt);
  const std::string vname = s.names.empty() ? "" : s.names[0];
  open_loop(true);
  std::vector<int> to_end;
  int default_case = -1;
  for (size_t ci = 0; ci < s.cases.size(); ++ci)
    if (s.cases[ci].is_default) default_case = int(ci);
  // the tests, then the bodies: test i jumps to body i
  std::vector<std::vector<int>> to_body(s.cases.size());
  std::vector<TypeId> single(s.cases.size(), 0);
  for (size_t ci = 0; ci < s.cases.size(); ++ci) {
    const Stmt::Case& c = s.cases[ci];
    for (const auto& ce : c.exprs) {
      V tv = expr(*ce);
      if (!tv.ok) return false;
      if (tv.t == TypeTable::kUntypedNil && !tv.is_type) {
        const int z = temp(TypeTable::kBool);
        emit(OpEq, z, xs, materialize(tv, xt));
        to_body[ci].push_back(emit(OpJt, 0, z));
        continue;
      }
      if (!tv.is_type) return fail(ce->pos, expr_str(*ce) + " is not a type");
      if (c.exprs.size() == 1) single[ci] = tv.t;
      V xv;
      xv.t = xt;
      xv.slot = xs;
      V a = assert_value(xv, tv.t, ce->pos, true);
      if (!a.ok) return false;
      to_body[ci].push_back(emit(OpJt, 0, a.slot + 1));
    }
  }
  const int no_match = emit(OpJmp, 0);   // to the default body, else past the switch
  for (size_t ci = 0; ci < s.cases.size(); ++ci) {
    const Stmt::Case& c = s.cases[ci];
    const int body = pc();
    for (int j : to_body[ci]) patch(j, body);
    if (int(ci) == default_case) patch(no_match, body);
    push_scope();
    if (!vname.empty() && vname != "_") {
      const TypeId vt = single[ci] ? single[ci] : xt;
      V xv;
      xv.t = xt;
      xv.slot = xs;
      V val = single[ci] ? assert_value(xv, vt, c.pos, false) : xv;
      if (!val.ok) return false;
      declare_init(vname, vt, c.pos, &val);
      scopes_.back()[vname].used = true;
    }
    if (!stmts(c.body)) return false;
    if (!pop_scope()) return false;
    to_end.push_back(emit(OpJmp, 0));
  }
  const int end = pc();
  for (int j : to_end) patch(j, end);
  if (default_case < 0) patch(no_match, end);
  close_loop(end, end);
  return pop_scope();
}

// ---------------------------------------------------------------- package errors, fmt.Errorf, strconv.Atoi
// new_error makes a *T of one of the library's error types with fields set from slots and
// converts it to error: one object of T's size (errors.New's &errorString{text}; fmt's
// &wrapError{msg, err}; strconv's &NumError{…}), on the heap when it escapes (force: the
// library function is not inlined, so its result always escapes).
V Compiler::new_error(TypeId ptr_type, const std::vector<V*>& fields, bool force) {
  const TypeId st = T.u(ptr_type).elem;
  V p;
  p.t = ptr_type;
  p.slot = temp(ptr_type);
  const int node = new_node();
  const int pc0 = emit(OpNew, p.slot, 0, 0, 0, uint16_t(st));
  add_site_node(pc0, "new(" + T.name(st) + ")", node, force);
  p.src.push_back(node);
  for (size_t i = 0; i < fields.size(); ++i) {
    V& f = *fields[i];
    const TypeId ft = T.u(st).fields[i].type;
    if (!assignable(f, ft, Pos{}, "field value")) { V v; v.ok = false; return v; }
    emit(OpFSet, p.slot, owned(f, ft), int(i), 0, 0, 1);
    flow(f.src, node);
  }
  if (!to_iface(p, prog_.error_type, Pos{}, "return statement")) { V v; v.ok = false; return v; }
  return p;
}

V Compiler::errors_call(const Expr& e, const std::string& name, std::vector<V>& args) {
  auto count = [&](size_t n) {
    if (args.size() == n) return true;
    return arg_count_error(e, args.size(), n, "errors." + name).ok;
  };
  if (name == "New") {
    if (!count(1)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], TypeTable::kString, e.args[0]->pos, "argument to errors.New")) { V v; v.ok = false; return v; }
    // errors.New is inlined: &errorString{text} stays on the stack unless the error escapes
    const bool static_init = lib_.static_init_inlined && args[0].isconst && F && F->fidx == prog_.init_func;
    V err = new_error(prog_.errstring_type, {&args[0]}, false);
    // a package variable's `errors.New("…")`: static data from Go 1.20 (staticinit), not the
    // heap: the error flows nowhere that could make it escape
    if (static_init && err.ok) err.src.clear();
    return err;
  }
  if (name == "Is" || name == "Unwrap") {
    const size_t n = name == "Is" ? 2 : 1;
    if (!count(n)) { V v; v.ok = false; return v; }
    for (size_t i = 0; i < n; ++i)
      if (!assignable(args[i], prog_.error_type, e.args[i]->pos, ("argument to errors." + name).c_str())) { V v; v.ok = false; return v; }
    // both leak to the heap (errors/wrap.go calls their methods through interfaces: the
    // callee is unknown; go build -gcflags=-m, 1.19 and 1.27: "&E{...} escapes to heap")
    for (auto& a : args) sink(a.src);
    std::vector<V*> ps;
    for (auto& a : args) ps.push_back(&a);
    return bi_call(name == "Is" ? Builtin::ErrorsIs : Builtin::ErrorsUnwrap, ps, name == "Is" ? TypeTable::kBool : prog_.error_type, false);
  }
  if (name == "As") {
    // errors.As(err, &target): target's address escapes (measured: "moved to heap", 8 B
    // for a *T target, Go 1.19/1.24/1.27)
    if (!count(2)) { V v; v.ok = false; return v; }
    if (!assignable(args[0], prog_.error_type, e.args[0]->pos, "argument to errors.As")) { V v; v.ok = false; return v; }
    if (T.kind(args[1].t) != Kind::Pointer || args[1].isconst)
      return bad(e.args[1]->pos, "second argument to errors.As must be a non-nil pointer to either a type that implements error, or to any interface type");
    const TypeId tt = T.u(args[1].t).elem;
    std::string why;
    if (T.kind(tt) != Kind::Interface && !implements(tt, prog_.error_type, why))
      return bad(e.args[1]->pos, "second argument to errors.As must be a non-nil pointer to either a type that implements error, or to any interface type");
    sink(args[0].src);   // err leaks as in errors.Is
    sink(args[1].src);
    std::vector<V*> ps{&args[0], &args[1]};
    return bi_call(Builtin::ErrorsAs, ps, TypeTable::kBool, false);
  }
  if (name == "AsType" && go_minor_ < 26 && e.x->kind == Expr::Selector)
    return bad(Pos{e.x->pos.line, e.x->pos.col + int(e.x->x->name.size()) + 1}, "undefined: errors.AsType");
  if (name == "AsType") return bad(e.pos, "in call to errors.AsType, cannot infer E");
  return bad(e.pos, "errors." + name + " is not supported by the playground (errors.New, Is, As, AsType, Unwrap, Join)");
}

// errors_as_type is errors.AsType[E](err) (errors/wrap.go, Go 1.26+): the first error in
// err's tree of type E (or implementing E, an interface), and whether there was one. err
// leaks as in errors.As; the target *E that an error's own As method fills is new(E) on the
// heap, made once a call and only when an error in the walk has an As(any) bool method (real
// Go 1.26/1.27: 8 B a call for a *T or an int E; nothing when no As method is met).
V Compiler::errors_as_type(const Expr& e, const Expr& f) {
  imports_[f.x->x->name].used = true;
  const Pos name_pos{f.x->pos.line, f.x->pos.col + int(f.x->x->name.size()) + 1};   // gc's: at AsType
  if (go_minor_ < 26) return bad(name_pos, "undefined: errors.AsType");
  std::vector<const Expr*> list;
  if (f.args.empty()) list.push_back(f.y.get());
  for (const auto& a : f.args) list.push_back(a.get());
  if (list.size() != 1)
    return bad(f.pos, std::string(list.size() < 1 ? "not enough" : "too many") + " type arguments for func errors.AsType: have " + std::to_string(list.size()) + ", want 1");
  V tv = expr(*list[0]);
  if (!tv.ok) return tv;
  if (!tv.is_type) return bad(list[0]->pos, expr_str(*list[0]) + " is not a type");
  const TypeId et = tv.t;
  std::string why;
  if (!implements(et, prog_.error_type, why))
    return bad(list[0]->pos, T.name(et) + " does not satisfy error (missing method Error)");
  std::vector<V> args;
  for (const auto& a : e.args) {
    args.push_back(expr(*a));
    if (!args.back().ok) return args.back();
  }
  if (args.size() != 1) return arg_count_error(e, args.size(), 1, "errors.AsType");
  if (!assignable(args[0], prog_.error_type, e.args[0]->pos, "argument to errors.AsType")) { V v; v.ok = false; return v; }
  sink(args[0].src);
  V target;   // *E's type for the As method's argument (the VM makes the object)
  target.t = T.pointer(et);
  target.slot = temp(target.t);
  emit(OpLoadK, target.slot, konst(0));
  std::vector<V*> ps{&args[0], &target};
  V r = bi_call(Builtin::ErrorsAsType, ps, et, false);
  if (!r.ok) return r;
  const int base = fresh_slots({et, TypeTable::kBool});   // (E, bool) in two slots
  Instr& bi = F->fn->code.back();
  bi.a = base;
  bi.flags |= 2;
  V t;
  t.is_tuple = true;
  t.t = T.tuple({et, TypeTable::kBool});
  t.slot = base;
  t.src.push_back(0);   // the error found escapes with err
  return t;
}

// errorf is fmt.Errorf (fmt/errors.go): Sprintf's string, then errors.New(s) without a %w,
// &wrapError{s, err} with one, and from Go 1.20 &wrapErrors{s, errs} with several (the
// wrapped arguments in argument order, a repeated one once; %[n]w names its argument).
// Each %w appends its argument's index to the printer's wrappedErrs (CallSite::wraps) and prints as %v. Up to Go 1.19 the printer keeps one wrapped error: a
// second %w is a bad verb (%!w(…)) and leaves a plain errorString.
V Compiler::errorf(const Expr& e, std::vector<V>& args) {
  if (args.empty()) return arg_count_error(e, 0, 1, "fmt.Errorf");
  if (!args[0].isconst || args[0].cv.k != CVal::Str) return bad(e.args[0]->pos, "fmt.Errorf needs a constant format in the playground");
  const bool trees = lib_.error_trees;
  std::string format = args[0].cv.s;
  std::vector<int> wrapped;   // the %w verbs' argument numbers (1-based), in the format's order
  for (const gofmt::PrintfItem& it : gofmt::parse_printf(format, args.size() - 1).items) {
    if (it.what != gofmt::PrintfItem::Print || it.verb != 'w') continue;
    if (trees || wrapped.empty()) format[it.at] = 'v';   // 1.19: a second %w stays a bad verb
    wrapped.push_back(it.arg + 1);
  }
  args[0].cv.s = format;
  // the wrapped arguments: each an error (the interface it is passed as)
  std::vector<int> order = wrapped;
  if (!trees && order.size() > 1) order.clear();   // 1.19: no wrapped error is kept
  std::sort(order.begin(), order.end());
  order.erase(std::unique(order.begin(), order.end()), order.end());
  // a concrete error (%w of &QueryError{…}) is boxed once, as the error Sprintf prints and
  // the result keeps (gc boxes it into the `any`, and a[argNum].(error) shares that word)
  for (int k : order) {
    if (k < 1 || size_t(k) >= args.size()) return bad(e.pos, "fmt.Errorf: %w needs an argument of type error");
    V& w = args[size_t(k)];
    std::string why;
    if (!w.ok || !implements(w.t, prog_.error_type, why)) return bad(e.pos, "fmt.Errorf: %w needs an argument of type error");
    if (T.kind(w.t) != Kind::Interface && !to_iface(w, prog_.error_type, e.args[size_t(k)]->pos, "argument to fmt.Errorf")) { V v; v.ok = false; return v; }
  }
  std::vector<V> errs;
  for (int k : order) errs.push_back(args[size_t(k)]);
  std::vector<V*> ps;
  for (auto& a : args) ps.push_back(&a);
  V s = bi_call(Builtin::FmtSprintf, ps, TypeTable::kString, true);
  if (!s.ok) return s;
  prog_.calls.back().wraps = int(wrapped.size());
  if (errs.empty()) return new_error(prog_.errstring_type, {&s}, true);
  if (errs.size() == 1) return new_error(prog_.wraperror_type, {&s, &errs[0]}, true);
  std::vector<V*> parts{&s};
  for (auto& w : errs) parts.push_back(&w);
  for (auto& w : errs) sink(w.src);   // stored in the new error's errs
  return bi_call(Builtin::FmtWrapErrors, parts, prog_.error_type, false);
}

// atoi is strconv.Atoi: (int, error); the VM makes the *NumError of a failure.
V Compiler::atoi(const Expr& e, std::vector<V>& args) {
  if (args.size() != 1) return arg_count_error(e, args.size(), 1, "strconv.Atoi");
  if (!assignable(args[0], TypeTable::kString, e.args[0]->pos, "argument to strconv.Atoi")) { V v; v.ok = false; return v; }
  // before Go 1.21 a failure's NumError holds the input itself, so the input escapes;
  // from 1.21 it holds a copy (cloneString), and the input does not escape
  if (!lib_.numerror_copies_input) sink(args[0].src);
  std::vector<V*> ps{&args[0]};
  V r = bi_call(Builtin::Atoi, ps, TypeTable::kInt, false);
  if (!r.ok) return r;
  // the results: an int and an error in two slots of their own
  const int base = fresh_slots({TypeTable::kInt, prog_.error_type});
  Instr& bi = F->fn->code.back();
  bi.a = base;
  bi.flags |= 2;
  prog_.calls.back().result = TypeTable::kInt;
  V t;
  t.is_tuple = true;
  t.t = T.tuple({TypeTable::kInt, prog_.error_type});
  t.slot = base;
  t.src.push_back(0);
  return t;
}

// crypto_read: crypto/rand.Read(b) → (n int, err error). Up to Go 1.23 b escapes (it goes
// to io.ReadFull through the Reader interface); from 1.24 it does not (LibraryRules).
V Compiler::crypto_read(const Expr& e, std::vector<V>& args) {
  if (args.size() != 1) return arg_count_error(e, args.size(), 1, "rand.Read");
  if (!assignable(args[0], T.slice(TypeTable::kUint8), e.args[0]->pos, "argument to rand.Read")) { V v; v.ok = false; return v; }
  if (lib_.crypto_read_escapes) sink(args[0].src);
  std::vector<V*> ps{&args[0]};
  return int_error_results(bi_call(Builtin::CryptoRandRead, ps, TypeTable::kInt, false));
}

// int_error_results: the builtin call just emitted returns (int, error), as Read does: its
// results go to two fresh slots (OpBi flags bit 1: the second in R[a+1]).
V Compiler::int_error_results(V call) {
  if (!call.ok) return call;
  const int base = fresh_slots({TypeTable::kInt, prog_.error_type});
  Instr& bi = F->fn->code.back();
  bi.a = base;
  bi.flags |= 2;
  V t;
  t.is_tuple = true;
  t.t = T.tuple({TypeTable::kInt, prog_.error_type});
  t.slot = base;
  return t;
}

// ---------------------------------------------------------------- embedding: promoted fields and methods
// direct_member: t (or the struct a *t points to) has a field or method name of its own.
bool Compiler::direct_member(TypeId t, const std::string& name) {
  bool p;
  if (method_of(t, name, p)) return true;
  const TypeId st = T.kind(t) == Kind::Pointer && T[t].name.empty() ? T.u(t).elem : t;
  if (T.kind(st) != Kind::Struct) return false;
  for (const Field& f : T.u(st).fields)
    if (f.name == name) return true;
  return false;
}

// embedded_path: the embedded fields that lead from t to name at the shallowest depth (the
// spec's selector rule: one match at that depth; several is an ambiguous selector).
bool Compiler::embedded_path(TypeId t, const std::string& name, std::vector<std::string>& path) {
  struct Node { TypeId t; std::vector<std::string> path; };
  std::vector<Node> level{{t, {}}};
  for (int depth = 0; depth < 8 && !level.empty(); ++depth) {
    std::vector<Node> next;
    int found = 0;
    for (const Node& n : level) {
      const TypeId st = T.kind(n.t) == Kind::Pointer && T[n.t].name.empty() ? T.u(n.t).elem : n.t;
      if (T.kind(st) != Kind::Struct) continue;
      for (const Field& f : T.u(st).fields) {
        if (!f.embedded) continue;
        std::vector<std::string> p = n.path;
        p.push_back(f.name);
        if (direct_member(f.type, name)) {
          ++found;
          path = p;
        }
        next.push_back(Node{f.type, std::move(p)});
      }
    }
    if (found) return found == 1;
    level = std::move(next);
  }
  return false;
}

// promote rewrites x.f, where f is a field or method promoted from an embedded field, into
// x.E.f (the path the spec's selector rule finds), once: later passes see the full path.
void Compiler::promote(const Expr& e) {
  if (e.kind != Expr::Selector || !e.x) return;
  if (e.x->kind == Expr::Ident) {
    if (!lookup_local_or_pkg(e.x->name) && imports_.count(e.x->name)) return;
    const Entity* en = lookup(e.x->name);
    if (!en || en->k == Entity::Type || en->k == Entity::Package) return;
  }
  TypeId xt = 0;
  if (!operand_type(*e.x, xt) || direct_member(xt, e.name)) return;
  std::vector<std::string> path;
  if (!embedded_path(xt, e.name, path)) return;
  Expr& m = const_cast<Expr&>(e);   // the AST is rewritten in place (idempotent)
  for (const std::string& step : path) {
    auto s = std::make_unique<Expr>();
    s->kind = Expr::Selector;
    s->pos = m.x->pos;
    s->name = step;
    s->x = std::move(m.x);
    m.x = std::move(s);
  }
}

// promoted_methods adds to the method sets the methods promoted from embedded fields (depth
// one): a value method of an embedded T is in S's and *S's sets, a pointer method in *S's
// (in S's too when *T is embedded) — types2's method sets, lookup.go.
void Compiler::promoted_methods() {
  const size_t own = prog_.methods.size();
  for (TypeId s = 0; s < TypeId(T.size()); ++s) {
    if (T[s].name.empty() || T[s].name.rfind("main.", 0) != 0 || T.kind(s) != Kind::Struct) continue;
    const auto& fields = T.u(s).fields;
    for (size_t fi = 0; fi < fields.size(); ++fi) {
      if (!fields[fi].embedded) continue;
      const TypeId ft = fields[fi].type;
      const bool fptr = T.kind(ft) == Kind::Pointer && T[ft].name.empty();
      const TypeId fn = fptr ? T.u(ft).elem : ft;
      for (size_t k = 0; k < own; ++k) {
        const MethodEnt me = prog_.methods[k];
        if (me.func < 0 || me.deref) continue;
        const TypeId recv = prog_.funcs[size_t(me.func)].param_types[0];
        const bool ptr_method = recv != fn;
        if (recv != fn && recv != T.pointer(fn)) continue;
        const std::string& name = prog_.method_names[size_t(me.name)];
        if (direct_member(s, name)) continue;
        // S's set: value methods, and pointer methods when *T is embedded
        if (!ptr_method || fptr)
          prog_.methods.push_back(MethodEnt{s, me.name, me.func, fptr && !ptr_method, int32_t(fi), false});
        // *S's set: every method of T (through &s.F for a pointer method of a value field)
        prog_.methods.push_back(MethodEnt{T.pointer(s), me.name, me.func, fptr && !ptr_method, int32_t(fi), ptr_method && !fptr});
      }
    }
  }
}

// ---------------------------------------------------------------- math/rand's own generators
// rand_types: rand.Source, *rand.rngSource and rand.Rand with Go's layouts (math/rand/rng.go,
// rand.go), made when a program first names them.
void Compiler::rand_types() {
  if (prog_.rand_ptr_type) return;
  prog_.rand_source_type = T.named("rand.Source");
  T.complete_named(prog_.rand_source_type,
                   T.interface_({Field{"Int63", T.func_({}, {TypeTable::kInt64}), 0},
                                 Field{"Seed", T.func_({TypeTable::kInt64}, {}), 0}}));
  const TypeId rng = T.named("rand.rngSource");
  T.complete_named(rng, T.structure({Field{"tap", TypeTable::kInt, 0}, Field{"feed", TypeTable::kInt, 0},
                                     Field{"vec", T.array(TypeTable::kInt64, 607), 0}}));
  prog_.rngsource_type = T.pointer(rng);
  const TypeId r = T.named("rand.Rand");
  T.complete_named(r, T.structure({Field{"src", prog_.rand_source_type, 0}, Field{"s64", prog_.rand_source_type, 0},
                                   Field{"readVal", TypeTable::kInt64, 0}, Field{"readPos", TypeTable::kInt, 0}}));
  prog_.rand_ptr_type = T.pointer(r);
  for (const char* m : {"Int63", "Seed"}) prog_.methods.push_back(MethodEnt{prog_.rngsource_type, method_name(m), -1, false});
}

// rand_new: rand.NewSource(seed) — a *rngSource (4 872 B: the 5 376-byte size class, on the
// heap: NewSource is not inlined) — and rand.New(src) — &Rand{src: src} (48 B; New is
// inlined, so on the stack unless the *Rand escapes). Measured on Go 1.19/1.21/1.24/1.27.
V Compiler::rand_new(const Expr& e, const std::string& name, std::vector<V>& args) {
  rand_types();
  if (args.size() != 1) return arg_count_error(e, args.size(), 1, "rand." + name);
  if (name == "NewSource") {
    if (!assignable(args[0], TypeTable::kInt64, e.args[0]->pos, "argument to rand.NewSource")) { V v; v.ok = false; return v; }
    std::vector<V*> ps{&args[0]};
    V r = bi_call(Builtin::RandNewSource, ps, prog_.rand_source_type, false);
    r.src.push_back(0);   // made on the heap
    return r;
  }
  if (!assignable(args[0], prog_.rand_source_type, e.args[0]->pos, "argument to rand.New")) { V v; v.ok = false; return v; }
  const TypeId st = T.u(prog_.rand_ptr_type).elem;
  V p;
  p.t = prog_.rand_ptr_type;
  p.slot = temp(p.t);
  const int node = new_node();
  const int pc0 = emit(OpNew, p.slot, 0, 0, 0, uint16_t(st));
  add_site_node(pc0, "new(rand.Rand)", node, false);
  emit(OpFSet, p.slot, owned(args[0], prog_.rand_source_type), 0, 0, 0, 1);
  flow(args[0].src, node);
  p.src.push_back(node);
  return p;
}

// rand_shuffle_call: rand.Shuffle(n, swap) (recv null) or r.Shuffle(n, swap), compiled as a
// call of the program's rand_shuffle(n, swap) / rand_shuffleOn(r, n, swap) (rand_shuffle.h:
// rand.go's code), so that swap, a func-typed parameter, is expanded at the call as the
// program's own functions' are: the literal allocates nothing, as gc's does not escape.
V Compiler::rand_shuffle_call(const Expr& e, const Expr* recv) {
  ExprP& call = shuffle_calls_[&e];
  if (!call) {
    call = std::make_unique<Expr>();
    call->kind = Expr::Call;
    call->pos = e.pos;
    auto callee = std::make_unique<Expr>();
    callee->kind = Expr::Ident;
    callee->pos = e.x->pos;
    callee->name = recv ? "rand_shuffleOn" : "rand_shuffle";
    call->x = std::move(callee);
    if (recv) call->args.push_back(clone_expr(*recv));
    for (const auto& a : e.args) call->args.push_back(clone_expr(*a));
  }
  return expr(*call);
}

// rand_method: r.Intn(n), r.Int(), … on a *rand.Rand: the package function's builtin with
// the receiver first, drawing from r's source (Interpreter: the source's own state).
V Compiler::rand_method(const Expr& e, const Expr& sel) {
  const bool slice_call = sel.name == "Perm" || sel.name == "Read";
  const PkgFn* fn = nullptr;
  for (const PkgFn& f : kRandFns)
    if (sel.name == f.name) fn = &f;
  if (!fn && !slice_call) return bad(sel.pos, "(*rand.Rand)." + sel.name + " is not supported by the playground (" + kRandSupported + ")");
  std::vector<V> args;
  V r = expr(*sel.x);
  if (!r.ok) return r;
  args.push_back(r);
  for (const auto& a : e.args) {
    V v = expr(*a);
    if (!v.ok) return v;
    args.push_back(v);
  }
  return slice_call ? rand_slice_call(e, "(*rand.Rand).", sel.name, args) : pkg_fn_call(e, "(*rand.Rand).", *fn, args);
}

}  // namespace lang::detail
