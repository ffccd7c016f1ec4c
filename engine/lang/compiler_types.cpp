// compiler_types.cpp — the checker's declarations, types and constants: the universe
// (predeclared types, builtins, true/false/nil/iota), runtime.MemStats and package time's
// types with Go's layout, the package's names (imports, types, variables, constants,
// functions, methods as "T.M"), type expressions, untyped constants with representability
// checks, constant folding, and assignability with gc's error wording.
//
// Models: cmd/compile/internal/types2 — universe.go, resolver.go (collectObjects),
// typexpr.go, decl.go (constant declarations, implicit repetition, iota), const.go
// (representable, overflow), expr.go (constant operations, as go/constant computes them),
// assignments.go (assignability).
//
// Simplifications: integer constants are 128-bit (go/constant's are arbitrary precision;
// values beyond 2^100 are refused as overflow), float constants are float64; no complex
// numbers or generics.
#include "engine/lang/compiler_impl.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <vector>

namespace lang::detail {

// ---------------------------------------------------------------- package-level declarations
void Compiler::universe() {
  struct TN { const char* n; TypeId t; };
  const TN tn[] = {{"bool", TypeTable::kBool}, {"int", TypeTable::kInt}, {"int8", TypeTable::kInt8},
                   {"int16", TypeTable::kInt16}, {"int32", TypeTable::kInt32}, {"int64", TypeTable::kInt64},
                   {"uint", TypeTable::kUint}, {"uint8", TypeTable::kUint8}, {"uint16", TypeTable::kUint16},
                   {"uint32", TypeTable::kUint32}, {"uint64", TypeTable::kUint64}, {"uintptr", TypeTable::kUintptr},
                   {"float64", TypeTable::kFloat64}, {"string", TypeTable::kString}, {"byte", TypeTable::kUint8},
                   {"rune", TypeTable::kInt32}};
  for (const TN& t : tn) {
    Entity e;
    e.k = Entity::Type;
    e.type = t.t;
    e.name = t.n;
    universe_[t.n] = e;
  }
  // any (an alias of interface{}) and error (interface{ Error() string }), universe.go
  Entity any;
  any.k = Entity::Type;
  any.type = T.interface_({});
  any.name = "any";
  universe_["any"] = any;
  prog_.error_type = T.named("error");
  T.complete_named(prog_.error_type, T.interface_({Field{"Error", T.func_({}, {TypeTable::kString}), 0}}));
  Entity err;
  err.k = Entity::Type;
  err.type = prog_.error_type;
  err.name = "error";
  universe_["error"] = err;
  // comparable: a constraint only (universe.go); its own named type so that constraints
  // can tell it from any
  comparable_type_ = T.named("comparable");
  T.complete_named(comparable_type_, T.interface_({}));
  constraint_only_.insert(comparable_type_);
  Entity cmp;
  cmp.k = Entity::Type;
  cmp.type = comparable_type_;
  cmp.name = "comparable";
  universe_["comparable"] = cmp;
  library_error_types();
  const auto& bis = kBuiltinNames;
  for (int i = 0; i < UB_count; ++i) {
    Entity e;
    e.k = Entity::Builtin;
    e.bi = i;
    e.name = bis[i];
    universe_[bis[i]] = e;
  }
  Entity t;
  t.k = Entity::Const;
  t.type = TypeTable::kUntypedBool;
  t.cv.k = CVal::Bool;
  t.cv.b = true;
  universe_["true"] = t;
  t.cv.b = false;
  universe_["false"] = t;
  Entity n;
  n.k = Entity::Nil;
  n.type = TypeTable::kUntypedNil;
  universe_["nil"] = n;
  Entity io;
  io.k = Entity::Const;
  io.name = "iota";
  io.type = TypeTable::kUntypedInt;
  io.cv.k = CVal::Int;
  universe_["iota"] = io;
}

void Compiler::memstats_type() {
  const char* u64[] = {"Alloc", "TotalAlloc", "Sys", "Lookups", "Mallocs", "Frees", "HeapAlloc",
                       "HeapSys", "HeapIdle", "HeapInuse", "HeapReleased", "HeapObjects",
                       "StackInuse", "StackSys", "MSpanInuse", "MSpanSys", "MCacheInuse",
                       "MCacheSys", "BuckHashSys", "GCSys", "OtherSys", "NextGC", "LastGC",
                       "PauseTotalNs"};
  std::vector<Field> fs;
  for (const char* n : u64) fs.push_back(Field{n, TypeTable::kUint64, 0});
  fs.push_back(Field{"PauseNs", T.array(TypeTable::kUint64, 256), 0});
  fs.push_back(Field{"PauseEnd", T.array(TypeTable::kUint64, 256), 0});
  fs.push_back(Field{"NumGC", TypeTable::kUint32, 0});
  fs.push_back(Field{"NumForcedGC", TypeTable::kUint32, 0});
  fs.push_back(Field{"GCCPUFraction", TypeTable::kFloat64, 0});
  fs.push_back(Field{"EnableGC", TypeTable::kBool, 0});
  fs.push_back(Field{"DebugGC", TypeTable::kBool, 0});
  TypeId bysize = T.structure({Field{"Size", TypeTable::kUint32, 0}, Field{"Mallocs", TypeTable::kUint64, 0},
                               Field{"Frees", TypeTable::kUint64, 0}});
  fs.push_back(Field{"BySize", T.array(bysize, 61), 0});
  for (const Field& f : fs) prog_.memstats_fields.push_back(f.name);
  TypeId st = T.structure(fs);
  TypeId named = T.named("runtime.MemStats");
  T.complete_named(named, st);
  prog_.memstats_type = named;
}

// time_types: time.Duration and time.Time with Go's layout (Time is 24 bytes holding a
// pointer, which decides a map bucket's size and whether the GC scans it).
void Compiler::time_types() {
  prog_.duration_type = T.named("time.Duration");
  T.complete_named(prog_.duration_type, TypeTable::kInt64);
  TypeId location = T.named("time.Location");
  T.complete_named(location, T.structure({Field{"name", TypeTable::kString, 0}}));
  prog_.time_type = T.named("time.Time");
  T.complete_named(prog_.time_type, T.structure({Field{"wall", TypeTable::kUint64, 0}, Field{"ext", TypeTable::kInt64, 0},
                                                 Field{"loc", T.pointer(location), 0}}));
  // time.Ticker and time.Timer: their channel C, then the simulator's timer (sched.h)
  for (TypeId* t : {&prog_.ticker_type, &prog_.timer_type}) {
    *t = T.named(t == &prog_.ticker_type ? "time.Ticker" : "time.Timer");
    T.complete_named(*t, T.structure({Field{"C", T.chan(prog_.time_type, 2), 0}, Field{"r", TypeTable::kInt64, 0}}));
  }
}

bool Compiler::declare_pkg(const std::string& name, Entity e, Pos p) {
  if (name == "_") return true;
  if (pkg_.count(name)) return fail(p, name + " redeclared in this block");
  e.name = name;
  e.pos = p;
  pkg_[name] = std::move(e);
  return true;
}

bool Compiler::collect() {
  if (file_.package != "main") return fail(Pos{1, 9}, "package " + file_.package + " is not a main package (the playground runs package main)");
  static const char* known[] = {"bytes", "cmp", "crypto/rand", "errors", "flag", "fmt", "iter", "log", "maps", "math", "math/rand", "os", "runtime", "runtime/debug", "slices", "sort", "strconv", "strings", "sync", "sync/atomic", "time", "unicode", "unsafe"};
  for (const Import& im : file_.imports) {
    bool ok = false;
    for (const char* k : known) ok = ok || im.path == k;
    // what stays outside the playground, with the reason
    static const std::pair<const char*, const char*> outside[] = {
        {"C", "cgo is not supported by the playground: it simulates Go's own heap, and C memory is not on it"},
        {"reflect", "reflection is not supported by the playground (fmt prints values and types without it)"},
        {"os/exec", "os/exec is not supported by the playground: a program cannot start processes here"},
        {"unsafe/cgo", "cgo is not supported by the playground"}};
    for (const auto& [path, why] : outside)
      if (!ok && im.path == path) return fail(im.pos, "import \"" + im.path + "\": " + why);
    // weak (Go 1.24) and unique (Go 1.23): go build's message before they existed (1.19 says
    // GOROOT, later releases std; the path after it is left out), the playground's after
    if (!ok && (im.path == "weak" || im.path == "unique")) {
      if (go_minor_ < (im.path == "weak" ? 24 : 23))
        return fail(im.pos, "package " + im.path + " is not in " + (go_minor_ < 20 ? "GOROOT" : "std"));
      return fail(im.pos, "import \"" + im.path + "\" is not supported by the playground yet (runtime.SetFinalizer and runtime.KeepAlive are)");
    }
    if (!ok) return fail(im.pos, "import \"" + im.path + "\" is not supported by the playground (bytes, cmp, crypto/rand, errors, flag, fmt, iter, log, maps, math, math/rand, os, runtime, runtime/debug, slices, sort, strconv, strings, sync, sync/atomic, time, unicode, unsafe)");
    if (im.path == "sync")   // wg.Add(1) is (&wg).Add(1): the receiver's address is taken (addr_names_in)
      for (const char* m : {"Add", "Done", "Wait", "Lock", "Unlock", "RLock", "RUnlock", "TryLock", "Do"}) ptr_method_names_.insert(m);
    if ((im.path == "maps" || im.path == "slices" || im.path == "cmp") && !requires_go(im.pos, "package " + im.path, 21)) return false;
    if (im.path == "iter" && !requires_go(im.pos, "package iter", 23)) return false;
    if (im.path == "math/rand") prog_.imports_math_rand = true;
    for (const char* os_user : {"fmt", "log", "os", "flag", "runtime/debug", "crypto/rand"})   // they import os
      if (im.path == os_user) prog_.fing_at_init = true;
    Entity e;
    e.k = Entity::Package;
    e.name = im.path;
    if (imports_.count(im.name)) return fail(im.pos, im.name + " redeclared in this block");
    imports_[im.name] = e;
    import_pos_[im.name] = im.pos;
  }
  for (const TypeDecl& td : file_.types) {
    Entity e;
    e.k = Entity::Type;
    e.tdecl = &td;
    if (td.alias || !td.tparams.empty()) {
      e.type = 0;   // an alias resolves later; a generic type has only instances
    } else {
      e.type = T.named("main." + td.name);
    }
    if (!declare_pkg(td.name, e, td.pos)) return false;
  }
  for (size_t i = 0; i < file_.values.size(); ++i) {
    const ValueSpec& vs = file_.values[i];
    for (size_t n = 0; n < vs.names.size(); ++n) {
      Entity e;
      e.k = vs.is_const ? Entity::Const : Entity::Global;
      e.spec = &vs;
      e.spec_index = int(n);
      e.type = 0;
      if (!vs.is_const) {
        e.slot = -1;
      }
      if (!declare_pkg(vs.names[n], e, vs.name_pos[n])) return false;
    }
  }
  for (size_t i = 0; i < file_.funcs.size(); ++i) {
    const FuncDecl& fd = file_.funcs[i];
    if (!fd.has_body) return fail(fd.pos, "missing function body");
    Entity e;
    e.k = Entity::Func;
    e.slot = int(i);
    if (fd.has_recv) {
      // A method is declared as "T.M", a name no identifier can spell; x.M(…) finds it
      // through the receiver's type (method_call).
      const TypeExpr* rt = fd.params[0].type.get();
      const bool ptr = rt->kind == TypeExpr::Pointer;
      if (ptr) rt = rt->elem.get();
      if (rt->kind != TypeExpr::Name) return fail(fd.params[0].pos, "invalid receiver type (a receiver is T or *T for a type T of this package)");
      const std::string key = rt->name + "." + fd.name;
      if (pkg_.count(key)) return fail(fd.pos, "method " + key + " already declared");
      if (ptr) ptr_method_names_.insert(fd.name);
      if (!declare_pkg(key, e, fd.pos)) return false;
      continue;
    }
    if (fd.name == "init") return fail(fd.pos, "func init is not supported by the playground");
    if (!declare_pkg(fd.name, e, fd.pos)) return false;
  }
  auto it = pkg_.find("main");
  if (it == pkg_.end() || it->second.k != Entity::Func) return fail(Pos{1, 1}, "function main is undeclared in the main package");
  return true;
}

// resolve_type_entity completes a named type the first time it is used.
bool Compiler::resolve_type_entity(Entity& e) {
  if (!e.tdecl || generic_type_entity(e)) return true;
  if (e.tdecl->alias) {
    if (e.type) return true;
    if (e.resolving) return fail(e.tdecl->pos, "invalid recursive type alias " + e.tdecl->name);
    e.resolving = true;
    TypeId t;
    if (!type_of(*e.tdecl->type, t)) return false;
    e.type = t;
    e.resolving = false;
    return true;
  }
  if (T[e.type].complete || e.resolving) return true;
  e.resolving = true;
  TypeId u;
  if (!type_of(*e.tdecl->type, u)) return false;
  if (!T[u].complete && T[u].kind != Kind::Pointer && T[u].kind != Kind::Slice && T[u].kind != Kind::Map)
    return fail(e.tdecl->pos, "invalid recursive type " + e.tdecl->name);
  T.complete_named(e.type, u);
  if (e.tdecl->type->kind == TypeExpr::Interface) {
    constraint_decls_[e.type] = e.tdecl->type.get();
    // a union, a non-interface type or a constraint among its elements: a constraint only
    for (const FieldDecl& f : e.tdecl->type->fields) {
      if (!f.name.empty()) continue;
      TypeId et = 0;
      ++constraint_ctx_;
      const bool ok = f.type->kind == TypeExpr::Union || !type_of(*f.type, et);
      --constraint_ctx_;
      if (ok || !T.is_interface(et) || constraint_only_.count(et)) constraint_only_.insert(e.type);
    }
  }
  e.resolving = false;
  return true;
}

bool Compiler::resolve_global(Entity& en, Pos use) {
  if (en.type) return true;
  if (en.spec && en.spec->type) {
    TypeId t;
    if (!type_of(*en.spec->type, t)) return false;
    en.type = t;
    return true;
  }
  return fail(use, en.name + " is used before its initialisation (the playground initialises globals in source order)");
}

// ---------------------------------------------------------------- types
bool Compiler::type_of(const TypeExpr& te, TypeId& out) {
  switch (te.kind) {
    case TypeExpr::Name: {
      Entity* e = lookup(te.name);
      if (!e) return fail(te.pos, "undefined: " + te.name);
      if (e->k != Entity::Type) return fail(te.pos, te.name + " is not a type");
      if (generic_type_entity(*e)) {
        std::vector<TypeId> targs;
        if (te.targs.empty()) {
          std::string tps;
          for (const TypeParam& tp : e->tdecl->tparams) {
            if (!tps.empty()) tps += ", ";
            tps += tp.name;
            if (tp.constraint->kind == TypeExpr::Name) tps += " " + tp.constraint->name;
          }
          return fail(te.pos, "cannot use generic type " + te.name + "[" + tps + "] without instantiation");
        }
        return type_args(te, e->tdecl->tparams, targs) && instantiate_type(*e, targs, te.pos, out);
      }
      if (!te.targs.empty()) return fail(te.pos, te.name + " is not a generic type");
      if (!resolve_type_entity(*e)) return false;
      out = e->type;
      if (!constraint_ctx_ && constraint_only_.count(out))
        return fail(te.pos, "cannot use type " + te.name + " outside a type constraint: " +
                                (out == comparable_type_ ? "interface is (or embeds) comparable" : "interface contains type constraints"));
      return true;
    }
    case TypeExpr::Qualified: {
      auto it = imports_.find(te.pkg);
      if (it == imports_.end() && std_ctx_ && te.pkg == "cmp" && te.name == "Ordered") {   // a std function's constraint
        Entity cmp;
        cmp.k = Entity::Package;
        cmp.name = "cmp";
        it = imports_.emplace("cmp#std", cmp).first;
        it->second.used = true;
      }
      if (it == imports_.end()) return fail(te.pos, "undefined: " + te.pkg);
      it->second.used = true;
      if (it->second.name == "runtime" && te.name == "MemStats") {
        out = prog_.memstats_type;
        return true;
      }
      if (it->second.name == "strconv" && te.name == "NumError") {   // strconv/atoi.go
        out = T.u(prog_.numerror_type).elem;
        return true;
      }
      if (it->second.name == "math/rand" && (te.name == "Rand" || te.name == "Source")) {   // math/rand/rand.go
        rand_types();
        out = te.name == "Rand" ? T.u(prog_.rand_ptr_type).elem : prog_.rand_source_type;
        return true;
      }
      if (it->second.name == "fmt" && te.name == "Stringer") {   // fmt/print.go
        if (!stringer_type_) {
          stringer_type_ = T.named("fmt.Stringer");
          T.complete_named(stringer_type_, T.interface_({Field{"String", T.func_({}, {TypeTable::kString}), 0}}));
        }
        out = stringer_type_;
        return true;
      }
      if (it->second.name == "cmp" && te.name == "Ordered") {   // cmp/cmp.go: a constraint
        if (!ordered_type_) {
          ordered_type_ = T.named("cmp.Ordered");
          T.complete_named(ordered_type_, T.interface_({}));
        }
        out = ordered_type_;
        if (!constraint_ctx_) return fail(te.pos, "cannot use type cmp.Ordered outside a type constraint: interface contains type constraints");
        return true;
      }
      if (const LibraryPackage* lib = library_package(it->second.name)) {   // a prelude's type: sync.Map, atomic.Pointer[T]
        const std::string prelude_name = std::string(lib->prefix) + te.name;
        const auto lt = pkg_.find(prelude_name);
        if (lt != pkg_.end() && lt->second.k == Entity::Type) {
          TypeExpr named;
          named.kind = TypeExpr::Name;
          named.pos = te.pos;
          named.name = prelude_name;
          for (const auto& a : te.targs) named.targs.push_back(clone_type(*a));
          return type_of(named, out);
        }
      }
      if (it->second.name == "sync" && sync_type(te.name)) {
        out = sync_type(te.name);
        return true;
      }
      if (it->second.name == "time" && (te.name == "Duration" || te.name == "Time")) {
        out = te.name == "Duration" ? prog_.duration_type : prog_.time_type;
        return true;
      }
      if (it->second.name == "iter" && (te.name == "Seq" || te.name == "Seq2")) {   // iter/iter.go: func(yield func(V) bool)
        const size_t want = te.name == "Seq" ? 1 : 2;
        if (te.targs.empty())
          return fail(te.pos, "cannot use generic type iter." + te.name + (want == 1 ? "[V any]" : "[K, V any]") + " without instantiation");
        if (te.targs.size() != want)   // gc: at the selector's dot
          return fail(Pos{te.pos.line, te.pos.col + int(te.pkg.size())}, std::string(te.targs.size() > want ? "too many" : "not enough") + " type arguments for type " + te.name +
                                            ": have " + std::to_string(te.targs.size()) + ", want " + std::to_string(want));
        std::vector<TypeId> yielded;
        for (const auto& a : te.targs) {
          TypeId t;
          if (!type_of(*a, t)) return false;
          yielded.push_back(t);
        }
        out = T.func_({T.func_(yielded, {TypeTable::kBool})}, {});
        return true;
      }
      if (it->second.name == "time" && (te.name == "Ticker" || te.name == "Timer")) {
        out = te.name == "Ticker" ? prog_.ticker_type : prog_.timer_type;
        return true;
      }
      return fail(te.pos, "undefined: " + te.pkg + "." + te.name + " (not supported by the playground)");
    }
    case TypeExpr::Array: {
      if (!te.len) return fail(te.pos, "invalid use of [...] array (outside a composite literal)");
      V n = expr(*te.len);
      if (!n.ok) return false;
      if (!n.isconst || n.cv.k != CVal::Int) return fail(te.len->pos, "array length must be a constant integer");
      if (n.cv.i < 0) return fail(te.len->pos, "invalid array length (negative)");
      if (n.cv.i > (i128(1) << 40)) return fail(te.len->pos, "array length too large for the playground");
      TypeId e;
      if (!type_of(*te.elem, e)) return false;
      out = T.array(e, int64_t(n.cv.i));
      return true;
    }
    case TypeExpr::Chan: {
      TypeId e;
      if (!type_of(*te.elem, e)) return false;
      out = T.chan(e, te.chan_dir);
      return true;
    }
    case TypeExpr::Slice: {
      TypeId e;
      if (!type_of(*te.elem, e)) return false;
      out = T.slice(e);
      return true;
    }
    case TypeExpr::Pointer: {
      TypeId e;
      if (!type_of(*te.elem, e)) return false;
      out = T.pointer(e);
      return true;
    }
    case TypeExpr::Map: {
      TypeId k, e;
      if (!type_of(*te.key, k) || !type_of(*te.elem, e)) return false;
      if (T[k].complete && !T.comparable(k)) return fail(te.key->pos, "invalid map key type " + T.name(k));
      if (T.kind(k) == Kind::Float64) return fail(te.key->pos, "float map keys are not supported by the playground");
      out = T.map(k, e);
      return true;
    }
    case TypeExpr::Struct: {
      std::vector<Field> fs;
      std::set<std::string> seen;
      for (const FieldDecl& f : te.fields) {
        TypeId ft;
        if (!type_of(*f.type, ft)) return false;
        if (f.name != "_" && !seen.insert(f.name).second) return fail(f.pos, f.name + " redeclared");
        fs.push_back(Field{f.name, ft, 0, f.embedded});
      }
      out = T.structure(std::move(fs));
      return true;
    }
    case TypeExpr::Interface: return interface_type(te, out);
    case TypeExpr::Func: return func_type(te, out);
    default:
      return fail(te.pos, "type not supported by the playground");
  }
}

// type_of overloads used by expressions: [...]T in composite literals takes its length
// from the literal's elements.
bool Compiler::type_of(const TypeExpr& te) { return type_of(te, last_type_); }

bool Compiler::type_of(const TypeExpr& te, TypeId& out, const Expr* lit) {
  if (te.kind == TypeExpr::Array && !te.len && lit) {
    int64_t n = 0, idx = 0;
    for (const auto& el : lit->args) {
      if (el->kind == Expr::KeyValue) {
        V k = expr(*el->x);
        if (!k.ok) return false;
        if (!k.isconst || k.cv.k != CVal::Int) return fail(el->x->pos, "index must be non-negative integer constant");
        idx = int64_t(k.cv.i);
      }
      ++idx;
      n = std::max(n, idx);
    }
    TypeId e;
    if (!type_of(*te.elem, e)) return false;
    out = T.array(e, n);
    return true;
  }
  return type_of(te, out);
}

// ---------------------------------------------------------------- constants
bool Compiler::resolve_const(Entity& en) {
  if (en.type) return true;
  if (!en.spec) return fail(en.pos, "invalid constant");
  if (en.resolving) return fail(en.pos, "initialization cycle or invalid recursive constant " + en.name);
  en.resolving = true;
  // Implicit repetition: a const spec without values repeats the previous spec's list.
  const ValueSpec* vs = en.spec;
  const ValueSpec* src = vs;
  if (vs->values.empty()) {
    for (const ValueSpec* p = vs; p >= &file_.values[0]; --p) {
      if (!p->is_const) break;
      if (!p->values.empty()) { src = p; break; }
      if (p == &file_.values[0]) break;
    }
    if (src->values.empty()) return fail(en.pos, "missing init expr for const declaration");
  }
  if (size_t(en.spec_index) >= src->values.size()) return fail(en.pos, "missing init expr for const declaration");
  auto saved_scopes = std::move(scopes_);
  scopes_.clear();
  int saved_iota = iota_;
  iota_ = vs->iota;
  FnState* savedF = F;
  V v = expr(*src->values[size_t(en.spec_index)]);
  F = savedF;
  iota_ = saved_iota;
  scopes_ = std::move(saved_scopes);
  if (!v.ok) return false;
  if (!v.isconst) return fail(src->values[size_t(en.spec_index)]->pos, describe(v) + " is not constant");
  if (src->type) {
    TypeId t;
    if (!type_of(*src->type, t)) return false;
    if (!convert_const(v, t, src->values[size_t(en.spec_index)]->pos, false)) return false;
  }
  en.cv = v.cv;
  en.type = v.t;
  en.resolving = false;
  return true;
}

bool Compiler::fits(i128 v, TypeId t, const TypeTable& T) {
  switch (T.kind(t)) {
    case Kind::Int8: return v >= -128 && v <= 127;
    case Kind::Int16: return v >= -32768 && v <= 32767;
    case Kind::Int32: case Kind::UntypedRune: return v >= INT32_MIN && v <= INT32_MAX;
    case Kind::Int: case Kind::Int64: case Kind::UntypedInt: return v >= INT64_MIN && v <= INT64_MAX;
    case Kind::Uint8: return v >= 0 && v <= 255;
    case Kind::Uint16: return v >= 0 && v <= 65535;
    case Kind::Uint32: return v >= 0 && v <= UINT32_MAX;
    case Kind::Uint: case Kind::Uint64: case Kind::Uintptr: return v >= 0 && v <= i128(UINT64_MAX);
    default: return true;
  }
}

std::string Compiler::i128_str(i128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u = neg ? (unsigned __int128)(-(v + 1)) + 1 : (unsigned __int128)v;
  std::string s;
  while (u) {
    s += char('0' + int(u % 10));
    u /= 10;
  }
  if (neg) s += '-';
  std::reverse(s.begin(), s.end());
  return s;
}

Word Compiler::const_word(const CVal& c, TypeId t) {
  switch (c.k) {
    case CVal::Int:
      if (T.kind(t) == Kind::Float64) {
        double d = double(c.i);
        Word w;
        memcpy(&w, &d, 8);
        return w;
      }
      return Word(uint64_t(c.i));
    case CVal::Float: {
      if (T.is_integer(t)) return Word(int64_t(c.f));
      Word w;
      memcpy(&w, &c.f, 8);
      return w;
    }
    case CVal::Bool: return c.b ? 1 : 0;
    case CVal::Str: return Word(str_lit(c.s));
    default: return 0;
  }
}

// convert_const converts an untyped/typed constant to type t (representability checks).
bool Compiler::convert_const(V& v, TypeId t, Pos p, bool explicit_conv) {
  Kind k = T.kind(t);
  if (v.cv.k == CVal::Int || v.cv.k == CVal::Float) {
    if (T.is_integer(t)) {
      if (v.cv.k == CVal::Float) {
        if (v.cv.f != std::floor(v.cv.f)) return fail(p, "cannot use " + describe(v) + " as " + T.name(t) + " value (truncated)");
        v.cv.k = CVal::Int;
        v.cv.i = i128(v.cv.f);
      }
      if (!fits(v.cv.i, t, T)) return fail(p, "cannot use " + describe(v) + " as " + T.name(t) + " value (overflows)");
    } else if (k == Kind::Float64 || k == Kind::UntypedFloat) {
      if (v.cv.k == CVal::Int) {
        v.cv.f = double(v.cv.i);
        v.cv.k = CVal::Float;
      }
    } else if (k == Kind::String && explicit_conv && v.cv.k == CVal::Int) {
      std::string s;
      i128 r = v.cv.i;
      if (r < 0 || r > 0x10FFFF) r = 0xFFFD;
      append_utf8(s, uint32_t(r));
      v.cv.k = CVal::Str;
      v.cv.s = s;
    } else {
      return fail(p, "cannot use " + describe(v) + " as " + T.name(t) + " value");
    }
  } else if (v.cv.k == CVal::Bool) {
    if (k != Kind::Bool && k != Kind::UntypedBool) return fail(p, "cannot use " + describe(v) + " as " + T.name(t) + " value");
  } else if (v.cv.k == CVal::Str) {
    if (k != Kind::String && k != Kind::UntypedString) return fail(p, "cannot use " + describe(v) + " as " + T.name(t) + " value");
  }
  v.t = t;
  return true;
}

void Compiler::append_utf8(std::string& s, uint32_t r) {
  if (r < 0x80) s += char(r);
  else if (r < 0x800) { s += char(0xC0 | (r >> 6)); s += char(0x80 | (r & 0x3F)); }
  else if (r < 0x10000) { s += char(0xE0 | (r >> 12)); s += char(0x80 | ((r >> 6) & 0x3F)); s += char(0x80 | (r & 0x3F)); }
  else { s += char(0xF0 | (r >> 18)); s += char(0x80 | ((r >> 12) & 0x3F)); s += char(0x80 | ((r >> 6) & 0x3F)); s += char(0x80 | (r & 0x3F)); }
}

std::string Compiler::const_str(const V& v) {
  switch (v.cv.k) {
    case CVal::Int: return i128_str(v.cv.i);
    case CVal::Float: { char b[64]; snprintf(b, sizeof b, "%g", v.cv.f); return b; }
    case CVal::Bool: return v.cv.b ? "true" : "false";
    case CVal::Str: return "\"" + v.cv.s + "\"";
    default: return "?";
  }
}

bool Compiler::parse_int_lit(const std::string& text, i128& out) {
  std::string s;
  for (char c : text)
    if (c != '_') s += c;
  int base = 10;
  size_t i = 0;
  if (s.size() > 1 && s[0] == '0') {
    char p = s[1];
    if (p == 'x' || p == 'X') { base = 16; i = 2; }
    else if (p == 'b' || p == 'B') { base = 2; i = 2; }
    else if (p == 'o' || p == 'O') { base = 8; i = 2; }
    else { base = 8; i = 1; }
  }
  if (i >= s.size()) return false;
  i128 v = 0;
  for (; i < s.size(); ++i) {
    int d;
    char c = s[i];
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    if (d >= base) return false;
    v = v * base + d;
    if (v > (i128(1) << 100)) return false;
  }
  out = v;
  return true;
}

// ---------------------------------------------------------------- assignability
// assignable checks Go's assignability of v to t and converts constants.
bool Compiler::assignable(V& v, TypeId t, Pos p, const char* context) {
  if (!v.ok) return false;
  if (v.is_tuple) return fail(p, "multiple-value in single-value context");
  if (v.is_type) return fail(p, T.name(v.t) + " (type) is not an expression");
  if (v.t == TypeTable::kUntypedNil) {
    Kind k = T.kind(t);
    if (k == Kind::Map || k == Kind::Slice || k == Kind::Pointer || k == Kind::Interface || k == Kind::Func || k == Kind::Chan) {
      v.t = t;
      return true;
    }
    return fail(p, "cannot use nil as " + T.name(t) + " value in " + context);
  }
  if (T.kind(t) == Kind::Interface && v.t != t) return to_iface(v, t, p, context);
  if (v.ex) p = start_pos(*v.ex);   // types2 reports an operand at its start
  if (v.isconst && T.is_untyped(v.t)) {
    if (convert_const(v, t, p, false)) return true;
    // gc names the context: "... as int value in assignment (overflows)"
    std::string& m = err_.msg;
    if (m.rfind("cannot use ", 0) == 0 && m.find(" in ") == std::string::npos && std::string(context) == "operation") {
      // an operand of a binary operation: types2's invalidConversion ("1.5 (untyped float
      // constant) truncated to int64", "… overflows int8", "cannot convert … to type T")
      const size_t as = m.find(" as " + T.name(t) + " value");
      if (as != std::string::npos) {
        const std::string operand = m.substr(11, as - 11);
        m = m.find("(truncated)") != std::string::npos ? operand + " truncated to " + T.name(t)
            : m.find("(overflows)") != std::string::npos ? operand + " overflows " + T.name(t)
            : "cannot convert " + operand + " to type " + T.name(t);
        m = gc_qualified(m, go_minor_);
      }
    } else if (m.rfind("cannot use", 0) == 0 && m.find(" in ") == std::string::npos) {
      size_t paren = m.rfind(" (");
      bool suffix = paren != std::string::npos && m.back() == ')' && (m.find("(overflows)") != std::string::npos || m.find("(truncated)") != std::string::npos);
      std::string ctx = std::string(" in ") + context;
      if (suffix) m.insert(paren, ctx); else m += ctx;
      m = gc_qualified(m, go_minor_);
    }
    return false;
  }
  if (v.t == t) return true;
  // identical underlying types where one side is unnamed
  if (T.under(v.t) == T.under(t) && (T[v.t].name.empty() || T[t].name.empty()) && T.kind(t) >= Kind::Array) return true;
  if (T.is_untyped(v.t) && T.kind(v.t) == Kind::UntypedBool && T.kind(t) == Kind::Bool) { v.t = t; return true; }
  // a bidirectional channel to a directional one of the same element type
  if (T.kind(v.t) == Kind::Chan && T.kind(t) == Kind::Chan && T.u(v.t).len == 0 && T.u(v.t).elem == T.u(t).elem &&
      (T[v.t].name.empty() || T[t].name.empty()))
    return true;
  // Go 1.19's gc wording (types2's CompilerErrorMessages): "as type string in assignment"
  if (go_minor_ <= 19) return fail(p, "cannot use " + describe(v) + " as type " + T.name(t) + " in " + context);
  return fail(p, "cannot use " + describe(v) + " as " + T.name(t) + " value in " + context);
}

// describe: an operand as gc's messages quote it (types2 operandString): the expression as
// written, then "(variable of type T)", "(value of type T)" or "(untyped int constant 5)". From
// Go 1.24 a defined type says what it is: "variable of struct type node", "constant 3 of int
// type MyInt" (operand.go: compositeKind).
std::string Compiler::describe(const V& v) {
  std::string expr = !v.var.empty() ? v.var : v.ex ? expr_str(*v.ex) : "";
  std::string type = "type " + T.name(v.t);
  if (const auto tp = stand_in_sets_.find(v.t); tp != stand_in_sets_.end()) {
    type += " constrained by " + tp->second.constraint;   // a type parameter
  } else if (go_minor_ >= 24 && !T.is_untyped(v.t) && T.under(v.t) != v.t) {
    static const std::pair<Kind, const char*> kComposite[] = {
        {Kind::Array, "array"}, {Kind::Slice, "slice"}, {Kind::Struct, "struct"}, {Kind::Pointer, "pointer"},
        {Kind::Func, "func"}, {Kind::Interface, "interface"}, {Kind::Map, "map"}, {Kind::Chan, "chan"}};
    std::string what = T.name(T.under(v.t));   // a renamed basic type: "int type MyInt"
    for (const auto& [k, name] : kComposite)
      if (T.kind(v.t) == k) what = name;
    type = what + " " + type;
  }
  std::string s;
  if (v.isconst) {
    const std::string val = const_str(v);
    if (expr.empty()) expr = val;
    s = T.is_untyped(v.t) ? T.name(v.t) + " constant" : "constant";
    if (val != expr) s += " " + val;
    if (!T.is_untyped(v.t)) s += " of " + type;
  } else {
    s = std::string(v.mode == V::MapIndex ? "map index expression" : v.addressable() ? "variable" : "value") + " of " + type;
  }
  return expr.empty() ? s : expr + " (" + s + ")";
}

// ---------------------------------------------------------------- constant folding
bool Compiler::is_cmp(Tok op) { return op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr || op == Tok::Geq; }

V Compiler::fold(Pos p, Pos px, Pos py, Tok op, V x, V y) {
  V r;
  r.isconst = true;
  // the result type: typed wins over untyped; untyped "larger" kind wins
  TypeId t = x.t;
  if (T.is_untyped(x.t) && !T.is_untyped(y.t)) t = y.t;
  else if (T.is_untyped(x.t) && T.is_untyped(y.t)) t = std::max(x.t, y.t);   // int < float < rune ordering approximated
  if (T.is_untyped(x.t) && T.is_untyped(y.t) && (x.t == TypeTable::kUntypedFloat || y.t == TypeTable::kUntypedFloat)) t = TypeTable::kUntypedFloat;
  else if (T.is_untyped(x.t) && T.is_untyped(y.t) && (x.t == TypeTable::kUntypedRune || y.t == TypeTable::kUntypedRune) && x.cv.k == CVal::Int && y.cv.k == CVal::Int) t = TypeTable::kUntypedRune;
  if (!T.is_untyped(t)) {
    if (T.is_untyped(x.t) && !convert_const(x, t, px, false)) return r;
    if (T.is_untyped(y.t) && op != Tok::Shl && op != Tok::Shr && !convert_const(y, t, py, false)) return r;
  }
  if (x.cv.k == CVal::Float || y.cv.k == CVal::Float) {
    if (x.cv.k == CVal::Int) { x.cv.k = CVal::Float; x.cv.f = double(x.cv.i); }
    if (y.cv.k == CVal::Int) { y.cv.k = CVal::Float; y.cv.f = double(y.cv.i); }
  }
  if (x.cv.k != y.cv.k && op != Tok::Shl && op != Tok::Shr) return bad(p, "invalid operation: mismatched constant types " + T.name(x.t) + " and " + T.name(y.t));
  if (is_cmp(op)) {
    int c = 0;
    if (x.cv.k == CVal::Int) c = x.cv.i < y.cv.i ? -1 : x.cv.i > y.cv.i;
    else if (x.cv.k == CVal::Float) c = x.cv.f < y.cv.f ? -1 : x.cv.f > y.cv.f;
    else if (x.cv.k == CVal::Str) c = x.cv.s.compare(y.cv.s) < 0 ? -1 : x.cv.s.compare(y.cv.s) > 0;
    else if (x.cv.k == CVal::Bool) {
      if (op != Tok::Eql && op != Tok::Neq) return bad(p, "invalid operation: operator not defined on bool");
      c = x.cv.b != y.cv.b;
    }
    bool b = op == Tok::Eql ? c == 0 : op == Tok::Neq ? c != 0 : op == Tok::Lss ? c < 0 : op == Tok::Leq ? c <= 0 : op == Tok::Gtr ? c > 0 : c >= 0;
    r.t = TypeTable::kUntypedBool;
    r.cv.k = CVal::Bool;
    r.cv.b = b;
    return r;
  }
  r.t = t;
  r.cv.k = x.cv.k;
  switch (x.cv.k) {
    case CVal::Bool:
      if (op == Tok::LAnd) r.cv.b = x.cv.b && y.cv.b;
      else if (op == Tok::LOr) r.cv.b = x.cv.b || y.cv.b;
      else return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on bool");
      return r;
    case CVal::Str:
      if (op != Tok::Add) return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on string");
      r.cv.s = x.cv.s + y.cv.s;
      return r;
    case CVal::Float:
      switch (op) {
        case Tok::Add: r.cv.f = x.cv.f + y.cv.f; break;
        case Tok::Sub: r.cv.f = x.cv.f - y.cv.f; break;
        case Tok::Mul: r.cv.f = x.cv.f * y.cv.f; break;
        case Tok::Quo:
          if (y.cv.f == 0) return bad(p, "invalid operation: division by zero");
          r.cv.f = x.cv.f / y.cv.f;
          break;
        default: return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on float");
      }
      return r;
    case CVal::Int: {
      i128 a = x.cv.i, b = y.cv.i, v = 0;
      switch (op) {
        case Tok::Add: v = a + b; break;
        case Tok::Sub: v = a - b; break;
        case Tok::Mul:
          if ((a > (i128(1) << 62) || a < -(i128(1) << 62)) && b != 0 && b != 1 && b != -1) return bad(p, "constant overflow");
          v = a * b;
          break;
        case Tok::Quo:
          if (b == 0) return bad(p, "invalid operation: division by zero");
          if (T.kind(t) == Kind::UntypedFloat) { r.cv.k = CVal::Float; r.cv.f = double(a) / double(b); return r; }
          v = a / b;
          break;
        case Tok::Rem:
          if (b == 0) return bad(p, "invalid operation: division by zero");
          v = a % b;
          break;
        case Tok::And: v = a & b; break;
        case Tok::Or: v = a | b; break;
        case Tok::Xor: v = a ^ b; break;
        case Tok::AndNot: v = a & ~b; break;
        case Tok::Shl:
          if (b < 0) return bad(p, "invalid shift count (negative)");
          if (b > 100) return bad(p, "shift count too large");
          v = a << int(b);
          break;
        case Tok::Shr:
          if (b < 0) return bad(p, "invalid shift count (negative)");
          v = b > 120 ? (a < 0 ? -1 : 0) : a >> int(b);
          break;
        default: return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on integer");
      }
      if (v > (i128(1) << 100) || v < -(i128(1) << 100)) return bad(p, "constant overflow");
      r.cv.i = v;
      if (!T.is_untyped(t)) {
        if (T.is_unsigned(t) && op == Tok::Xor) {}   // ^ on typed unsigned constants: allowed
        if (!fits(v, t, T)) return bad(p, "cannot use " + i128_str(v) + " (constant of type " + T.name(t) + ") (overflows " + T.name(t) + ")");
      }
      return r;
    }
    default: return bad(p, "invalid constant operation");
  }
}

}  // namespace lang::detail
