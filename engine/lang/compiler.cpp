// compiler.cpp — the compiler's driver: lang::compile and run_impl, which runs the passes
// in order (declarations and types, signatures, function bodies and main.init, escape
// analysis, liveness); errors and name lookup; a function's slots, temps and instructions;
// function signatures and bodies; main.init with the package variables in initialisation
// order. Also Program's slot categories and the disassembler. The class is declared in
// compiler_impl.h, which lists the other rooms.
//
// Models: gc's order of passes (cmd/compile/internal/gc/main.go: type check, escape
// analysis, then SSA with liveness per function), types2's package initialisation order
// (cmd/compile/internal/types2/initorder.go) and gc's error list (every error, sorted, ten at
// most: cmd/compile/internal/base/print.go; a failed statement or function recorded and the
// next one compiled).
//
// Simplifications: code is register bytecode (program.h), not SSA; temps are reused by slot
// category; the initialisation order ignores shadowing when it looks for references.
#include "engine/lang/compiler_impl.h"
#include "engine/lang/bytes_buffer.h"
#include "engine/lang/errors_join.h"
#include "engine/lang/iter_pull.h"
#include "engine/lang/flag_pkg.h"
#include "engine/lang/os_pkg.h"
#include "engine/lang/stack.h"
#include "engine/lang/strconv_quote.h"
#include "engine/lang/strings_builder.h"
#include "engine/lang/strings_funcs.h"
#include "engine/lang/rand_shuffle.h"
#include "engine/lang/strings_replacer.h"
#include "engine/lang/sync_atomic.h"
#include "engine/lang/sync_map.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace lang {

SlotCat Program::cat_of(TypeId t) const {
  switch (types.kind(t)) {
    case Kind::String: return SlotCat::Str;
    // an interface value is nil or a box Obj: its type the dynamic type, element 0 the value
    // a channel is its hchan's Obj (sched.h)
    case Kind::Struct: case Kind::Array: case Kind::Pointer: case Kind::Interface: case Kind::Chan: return SlotCat::Obj;
    case Kind::Func: return SlotCat::Obj;   // nil or its closure's Obj (a funcval: code pointer, captures)
    case Kind::Map: return SlotCat::Map;
    case Kind::Slice: return SlotCat::Slice;
    case Kind::Iter: return SlotCat::Iter;
    default: return SlotCat::None;
  }
}

const char* op_name(uint8_t op) {
  static const char* names[] = {
      "nop", "mov", "loadk", "gget", "gset", "gmat", "add", "sub", "mul", "divs", "divu",
      "rems", "remu", "and", "or", "xor", "andnot", "shl", "shrs", "shru", "addi", "neg",
      "bitnot", "not", "conv", "fadd", "fsub", "fmul", "fdiv", "fneg", "i2f", "u2f", "f2i",
      "eq", "ne", "lts", "les", "ltu", "leu", "feq", "flt", "fle", "seq", "slt", "sle",
      "deepeq", "jmp", "jt", "jf", "jlts", "jges", "concat", "slen", "sindex", "sslice",
      "strofbytes", "bytesofstr", "strofrune", "decoderune", "objmat", "copy", "fget", "fset",
      "fref", "aget", "aset", "aref", "new", "load", "store", "nilchk", "makeslice", "lget",
      "lset", "lref", "llen", "lcap", "append", "appends", "lslice", "aslice", "makemap",
      "mget", "mset", "mdel", "mlen", "mclear", "miter", "move2heap", "mclone", "mnext", "call", "ret", "bi", "use",
      "toiface", "assert", "calli", "callf", "msetloop", "mdelloop", "go", "makechan", "send", "recv",
      "close", "chlen", "select", "defer", "rundefers", "deferret"};
  static_assert(sizeof(names) / sizeof(names[0]) == OpCount, "op_name table matches enum Op");
  return op < OpCount ? names[op] : "?";
}

std::string disassemble(const Function& fn) {
  std::string out;
  char buf[160];
  for (size_t pc = 0; pc < fn.code.size(); ++pc) {
    const Instr& in = fn.code[pc];
    std::snprintf(buf, sizeof buf, "%4zu %4d %-10s a=%d b=%d c=%d d=%d k=%u flags=%u%s\n", pc,
                  pc < fn.lines.size() ? fn.lines[pc] : 0, op_name(in.op), in.a, in.b, in.c, in.d,
                  unsigned(in.k), unsigned(in.flags), pc < fn.loop_back.size() && fn.loop_back[pc] ? " (loop back)" : "");
    out += buf;
  }
  return out;
}

namespace detail {

// ---------------------------------------------------------------- run: the passes in order
bool Compiler::run_impl() {
  universe();
  memstats_type();
  time_types();
  if (!collect()) return false;
  // globals get their indices in declaration order
  for (const ValueSpec& vs : file_.values) {
    if (vs.is_const) continue;
    for (const std::string& n : vs.names) {
      Global g;
      g.name = n;
      prog_.globals.push_back(g);
      if (n != "_") pkg_[n].slot = int(prog_.globals.size()) - 1;
    }
  }
  // resolve all named types up front (errors in unused types are still errors)
  for (auto& kv : pkg_)
    if (kv.second.k == Entity::Type && !resolve_type_entity(kv.second)) return false;
  if (auto it = pkg_.find("sync_indirect"); it != pkg_.end()) T.set_go_size(it->second.type, kSyncIndirectBytes);
  if (!signatures()) return false;
  for (const FuncDecl& fd : file_.funcs)
    for (const auto& b : fd.body) addr_names_in(b.get(), addr_globals_);
  for (const ValueSpec& vs : file_.values)
    for (const auto& v : vs.values) addr_names_in(v.get(), addr_globals_);
  for (auto& kv : pkg_)
    if (kv.second.k == Entity::Const && !resolve_const(kv.second)) return false;
  if (!init_function()) return false;
  for (size_t i = 0; i < file_.funcs.size(); ++i)
    if (!function(int(i)) && !recover_function()) return false;
  size_t k = 0;
  for (; k < pending_.size(); ++k)   // instances found while compiling (the list grows)
    if (!function(pending_[k]) && !recover_function()) return false;
  if (!check_uninstantiated() && !recover_function()) return false;   // every generic body against its constraints, as gc checks it
  for (; k < pending_.size(); ++k)
    if (!function(pending_[k]) && !recover_function()) return false;
  prog_.main_func = pkg_["main"].slot;
  // a package named in a generic body counts as used even where no instance compiles it; after
  // an error, a package named anywhere (what did not compile named it: types2 marks a package
  // used where it resolves the name)
  const bool errors = failed_ || !errors_.empty();
  for (const FuncDecl& fd : file_.funcs) {
    if (!is_generic(fd) && !errors) continue;
    std::set<std::string> names;
    for (const auto& st : fd.body) mentioned_names(st.get(), names);
    for (auto& kv : imports_)
      if (names.count(kv.first)) kv.second.used = true;
  }
  for (auto& kv : imports_)
    if (!kv.second.used && import_pos_[kv.first].line < kLibraryFirstLine) {   // (a prelude's own imports: flag_pkg.h) Go 1.19's types2: `imported and not used: "os"`
      const std::string path = "\"" + kv.second.name + "\"";
      record(import_pos_[kv.first], go_minor_ <= 19 ? "imported and not used: " + path : path + " imported and not used");
    }
  if (failed_ || !errors_.empty()) return false;
  escape();
  for (Function& fn : prog_.funcs) liveness(fn);
  compute_frames(prog_, runtime::profile_for_minor(go_minor_).frame_spill);
  for (Function& fn : prog_.funcs) fuse_map_loops(fn);
  return !failed_;
}

// ---------------------------------------------------------------- errors
// requires_go: false (with gc's wording) when what is at p came after the run's Go version.
bool Compiler::requires_go(Pos p, const std::string& what, int minor) {
  if (go_minor_ >= minor) return true;
  return fail(p, what + " requires go1." + std::to_string(minor) + " or later (this run is Go 1." +
                     std::to_string(go_minor_) + "; choose Go 1." + std::to_string(minor) + " or later)");
}

// gc_qualified: msg with the package's own types named as gc's messages name them, without
// "main." (types2's qualifier prints a type of the package being checked unqualified; runtime
// panics keep "main.", as reflect's type strings do). Only a "main." that starts a name is one:
// a field x.main.y keeps it.
std::string gc_qualified(std::string msg, int go_minor) {
  // starts_name: msg[at] begins a name (not inside another name or after a '.')
  const auto starts_name = [&msg](size_t at) {
    const char before = at ? msg[at - 1] : ' ';
    return !(std::isalnum(static_cast<unsigned char>(before)) || before == '_' || before == '.');
  };
  for (size_t at = 0; (at = msg.find("main.", at)) != std::string::npos;) {
    if (!starts_name(at)) { at += 5; continue; }
    msg.erase(at, 5);
  }
  // the library preludes' exported names (strings_Map, sync_Map) as the package's (strings.Map)
  for (const LibraryPackage& lib : kLibraryPackages) {
    const size_t n = lib.prefix.size();
    for (size_t at = 0; (at = msg.find(lib.prefix, at)) != std::string::npos; at += n)
      if (starts_name(at) && at + n < msg.size() && std::isupper(static_cast<unsigned char>(msg[at + n]))) msg[at + n - 1] = '.';
  }
  // a package whose name another package the program links shares is spelled by its quoted
  // path (types2's qualifier): sync/atomic beside the runtime's own atomic on every release,
  // sync beside internal/sync from Go 1.24 ("sync".Map, "sync/atomic".Int32)
  static const struct { const char* name; const char* path; int since; std::initializer_list<const char*> types; } kShared[] = {
      {"atomic", "sync/atomic", 0, {"Int32", "Int64", "Uint32", "Uint64", "Uintptr", "Bool", "Pointer[", "Value"}},
      {"sync", "sync", 24, {"Map", "Mutex", "RWMutex", "WaitGroup", "Once"}}};
  for (const auto& pkg : kShared) {
    if (go_minor < pkg.since) continue;
    for (const char* type : pkg.types) {
      const std::string from = std::string(pkg.name) + "." + type;
      const std::string to = "\"" + std::string(pkg.path) + "\"." + type;
      for (size_t at = 0; (at = msg.find(from, at)) != std::string::npos;) {
        const char after = at + from.size() < msg.size() ? msg[at + from.size()] : ' ';
        if (!starts_name(at) || (at && msg[at - 1] == '"') || std::isalnum(static_cast<unsigned char>(after))) {
          at += from.size();
          continue;
        }
        msg.replace(at, from.size(), to);
        at += to.size();
      }
    }
  }
  return msg;
}

bool Compiler::fail(Pos p, const std::string& msg) {
  if (!failed_) {
    err_.pos = p;
    err_.msg = gc_qualified(msg, go_minor_);
    failed_ = true;
  }
  return false;
}

// record: an error that does not stop what is compiling (an unused variable or import).
void Compiler::record(Pos p, const std::string& msg) { errors_.push_back(Error{p, gc_qualified(msg, go_minor_)}); }

// record_failure: the error that stopped a statement or a function (fail's first), unless a
// poisoned name's use stopped it (gc reports nothing for an invalid operand).
void Compiler::record_failure() {
  if (failed_ && !silenced_) errors_.push_back(err_);
  failed_ = silenced_ = false;
}

// stmt_mark / recover_stmt: a statement that failed is recorded and compiling goes on with
// the next one, as types2 goes on after an error: the compiler's stacks back to where the
// statement started, every name it mentions counted as used (gc marks a variable used even
// in an expression that does not check), the names it declares poisoned, so that their
// uses report nothing more (types2 gives them an invalid type). Not while static_type
// compiles for a type or the standard library's code is checked: their callers want the
// failure.
Compiler::StmtMark Compiler::stmt_mark() const {
  return StmtMark{F, scopes_.size(), lit_ctx_.size(), F ? F->expansions.size() : 0, F ? F->loops.size() : 0,
                  scope_floor_, expr_depth_};
}

bool Compiler::recover_stmt(const Stmt& s, const StmtMark& m) {
  if (!failed_ || speculative_ > 0 || std_ctx_ > 0 || constraint_ctx_ > 0 || !m.f) return false;
  record_failure();
  F = m.f;
  if (scopes_.size() > m.scopes) scopes_.resize(m.scopes);
  if (lit_ctx_.size() > m.lits) lit_ctx_.resize(m.lits);
  if (F->expansions.size() > m.expansions) F->expansions.resize(m.expansions);
  if (F->loops.size() > m.loops) F->loops.resize(m.loops);
  scope_floor_ = m.floor;
  expr_depth_ = m.expr_depth;
  go_call_ = go_emitted_ = false;
  std::set<std::string> names;
  mentioned_names(&s, names);
  for (const std::string& n : names)
    for (size_t i = scopes_.size(); i-- > 0;)
      if (auto it = scopes_[i].find(n); it != scopes_[i].end()) { it->second.used = true; break; }
  for (const std::string& n : names)
    if (auto it = imports_.find(n); it != imports_.end()) it->second.used = true;
  if (s.kind == Stmt::Define) {
    for (const auto& x : s.lhs)
      if (x->kind == Expr::Ident && !scopes_.back().count(x->name)) poison(x->name, x->pos);
  } else if (s.kind == Stmt::VarDecl || s.kind == Stmt::ConstDecl) {
    // `var x T = bad`: x is a T all the same (types2 declares it with its type)
    TypeId t = 0;
    const bool typed = s.kind == Stmt::VarDecl && s.type && type_of(*s.type, t);
    if (failed_) record_failure();
    for (size_t i = 0; i < s.names.size(); ++i) {
      const Pos p = i < s.name_pos.size() ? s.name_pos[i] : s.pos;
      if (scopes_.back().count(s.names[i])) continue;
      if (typed && s.names[i] != "_") declare_var(s.names[i], t, p); else poison(s.names[i], p);
    }
  }
  return true;
}

// mentioned_names: every identifier in s, function literals' bodies included.
void Compiler::mentioned_names(const Stmt* s, std::set<std::string>& out) const {
  if (!s) return;
  std::function<void(const Expr*)> in_expr = [&](const Expr* e) {
    if (!e) return;
    if (e->kind == Expr::Ident) out.insert(e->name);
    if (e->kind == Expr::FuncLitE && e->lit)
      for (const auto& b : e->lit->body) mentioned_names(b.get(), out);
    for_each_child(*e, in_expr);
  };
  for_each_child(*s, in_expr, [&](const Stmt* b) { mentioned_names(b, out); });
}

void Compiler::poison(const std::string& name, Pos p) {
  if (name == "_" || scopes_.empty()) return;
  declare_var(name, TypeTable::kInt, p);
  Entity& e = scopes_.back()[name];
  e.used = e.poisoned = true;
}

// recover_function: a function that failed outside its statements (a parameter, a missing
// return) is recorded and the next one compiles.
bool Compiler::recover_function() {
  if (!failed_) return false;
  record_failure();
  F = nullptr;
  lit_ctx_.clear();
  scope_floor_ = 0;
  speculative_ = 0;
  expr_depth_ = 0;
  go_call_ = go_emitted_ = false;
  unused_.clear();
  return true;
}

std::vector<Error> Compiler::reported() {
  record_failure();
  return gc_error_list(errors_, 10);
}

V Compiler::bad(Pos p, const std::string& msg) {
  fail(p, msg);
  V v;
  v.ok = false;
  return v;
}

// ---------------------------------------------------------------- scopes
Entity* Compiler::lookup(const std::string& name) {
  for (size_t i = scopes_.size(); i-- > scope_floor_;) {
    auto it = scopes_[i].find(name);
    if (it == scopes_[i].end()) continue;
    if (it->second.poisoned && !failed_) failed_ = silenced_ = true;
    return &it->second;
  }
  // in a function literal compiled on its own: the enclosing function's variables are captures
  if (!lit_ctx_.empty() && scope_floor_ == lit_ctx_.back()->base)
    if (Entity* c = capture(lit_ctx_.size() - 1, name)) return c;
  auto it = pkg_.find(name);
  if (it != pkg_.end()) return &it->second;
  auto u = universe_.find(name);
  if (u != universe_.end()) return &u->second;
  return nullptr;
}

// closure_variable: name, as lookup finds it, is a variable of an enclosing function seen from a
// function literal's body (compiled on its own, or expanded in place). gc's static value of
// a local (ir.StaticValue) does not reach through a closure variable.
bool Compiler::closure_variable(const std::string& name) const {
  size_t at = scopes_.size();
  for (size_t i = scopes_.size(); i-- > scope_floor_;)
    if (scopes_[i].count(name)) { at = i; break; }
  if (at == scopes_.size()) return false;
  for (const LitCtx* c : lit_ctx_)
    if (at == c->base) return true;
  return F && !F->expansions.empty() && at < F->expansions.back()->scope_base;
}

// ---------------------------------------------------------------- function state: slots, temps, emit
int Compiler::new_slot(TypeId t, const std::string& name) {
  int s = F->fn->nslots++;
  F->fn->slot_cat.push_back(prog_.cat_of(t));
  F->fn->slot_names.push_back(name);
  F->fn->slot_types.push_back(t);
  return s;
}

int Compiler::temp(TypeId t) {
  SlotCat c = prog_.cat_of(t);
  auto& fl = F->free_temps[int(c)];
  int s;
  if (!fl.empty()) {
    s = fl.back();
    fl.pop_back();
  } else {
    s = new_slot(t, "");
  }
  F->temps_in_use.push_back(s);
  return s;
}

size_t Compiler::temp_mark() const { return F->temps_in_use.size(); }

void Compiler::temp_release(size_t mark) {
  while (F->temps_in_use.size() > mark) {
    int s = F->temps_in_use.back();
    F->temps_in_use.pop_back();
    F->free_temps[int(F->fn->slot_cat[size_t(s)])].push_back(s);
  }
}

// fresh_slots reserves n consecutive new slots (call frames); they become temps.
int Compiler::fresh_slots(const std::vector<TypeId>& types) {
  int base = F->fn->nslots;
  for (TypeId t : types) {
    int s = new_slot(t, "");
    F->temps_in_use.push_back(s);
  }
  return base;
}

int Compiler::pc() const { return int(F->fn->code.size()); }

int Compiler::emit(uint8_t op, int a, int b, int c, int d, uint16_t k, uint8_t flags) {
  Instr in;
  in.op = op;
  in.a = a;
  in.b = b;
  in.c = c;
  in.d = d;
  in.k = k;
  in.flags = flags;
  F->fn->code.push_back(in);
  F->fn->lines.push_back(F->line);
  F->fn->stmt_start.push_back(stmt_flag_ ? 1 : 0);
  F->fn->loop_back.push_back(0);
  stmt_flag_ = false;
  return pc() - 1;
}

void Compiler::patch(int at, int target) { F->fn->code[size_t(at)].a = target; }

int Compiler::konst(Word w) {
  auto it = const_index_.find(w);
  if (it != const_index_.end()) return it->second;
  int i = int(prog_.consts.size());
  prog_.consts.push_back(w);
  const_index_[w] = i;
  return i;
}

int Compiler::str_lit(const std::string& s) {
  if (s.empty()) return 0;
  auto it = str_index_.find(s);
  if (it != str_index_.end()) return it->second;
  prog_.strings.push_back(s);
  int idx = int(prog_.strings.size());
  str_index_[s] = idx;
  return idx;
}

// materialize puts v's value in a slot (constants are loaded into a temp).
int Compiler::materialize(V& v, TypeId want) {
  if (!v.isconst) return v.slot;
  TypeId t = want ? want : T.default_type(v.t);
  if (v.t == TypeTable::kUntypedNil) t = want ? want : TypeTable::kUntypedNil;
  int s = temp(t);
  emit(OpLoadK, s, konst(v.isconst ? const_word(v.cv, t) : 0));
  v.slot = s;
  v.isconst = false;
  v.t = T.is_untyped(v.t) ? t : v.t;
  return s;
}

// move_into copies v into slot dst (deep copy for aggregates unless fresh).
void Compiler::move_into(V& v, int dst, TypeId t) {
  if (v.isconst) {
    emit(OpLoadK, dst, konst(const_word(v.cv, t)));
    return;
  }
  if (T.is_aggregate(t) && !v.fresh) {
    emit(OpCopy, dst, v.slot);
    return;
  }
  if (v.slot != dst) emit(OpMov, dst, v.slot);
}

// owned returns a slot holding v that may be stored (copied if an aliased aggregate).
int Compiler::owned(V& v, TypeId t) {
  if (v.isconst) return materialize(v, t);
  if (T.is_aggregate(t) && !v.fresh) {
    int s = temp(t);
    emit(OpCopy, s, v.slot);
    return s;
  }
  return v.slot;
}

// ---------------------------------------------------------------- functions
// method_signature checks a method's receiver (a named non-pointer type of this package,
// no field of the same name) and names the function as Go's stack traces do.
bool Compiler::method_signature(const FuncDecl& fd, std::string& name) {
  const TypeExpr& rt = *fd.params[0].type;
  const bool ptr = rt.kind == TypeExpr::Pointer;
  const std::string tname = ptr ? rt.elem->name : rt.name;
  Entity* te = pkg_.count(tname) ? &pkg_[tname] : nullptr;
  if (!te || te->k != Entity::Type) return fail(ptr ? rt.elem->pos : rt.pos, "undefined: " + tname);   // gc: at the type's name
  if (!resolve_type_entity(*te)) return false;
  if (te->tdecl && te->tdecl->alias) return fail(fd.params[0].pos, "methods on type aliases are not supported by the playground");
  const Kind k = T.kind(te->type);
  if (k == Kind::Pointer) return fail(fd.params[0].pos, "invalid receiver type " + tname + " (pointer or interface type)");
  if (k == Kind::Struct)
    for (const Field& f : T.u(te->type).fields)
      if (f.name == fd.name) return fail(fd.pos, "field and method with the same name " + fd.name);
  name = ptr ? "main.(*" + tname + ")." + fd.name : "main." + tname + "." + fd.name;
  return true;
}

bool Compiler::signatures() {
  for (size_t i = 0; i < file_.funcs.size(); ++i) {
    const FuncDecl& fd = file_.funcs[i];
    int fidx;
    if (!add_function(fd, {}, "main." + fd.name, fidx)) return false;
    if (fd.name == "main" && !fd.has_recv && (prog_.funcs[i].nparams || prog_.funcs[i].nresults || !fd.tparams.empty()))
      return fail(fd.pos, fd.tparams.empty() ? "func main must have no arguments and no return values" : "func main must have no type parameters");
  }
  method_table();
  if (!std_generics()) return false;
  if (!iter_generics()) return false;
  funcs_ready_ = true;
  for (size_t i = 0; i < early_instances_.size(); ++i)
    if (!instance_methods(early_instances_[i])) return false;
  return true;
}

// add_function makes the Function of a declaration: its signature with the type parameters
// bound by binds (an instance), or a stub for a generic declaration itself (only its
// instances run).
bool Compiler::add_function(const FuncDecl& fd, Scope binds, const std::string& name, int& fidx) {
  Function fn;
  fn.name = name;
  const bool stub = is_generic(fd) && binds.empty();
  auto saved_scopes = std::move(scopes_);
  const size_t saved_floor = scope_floor_;
  scopes_.clear();
  scope_floor_ = 0;
  if (!binds.empty()) scopes_.push_back(binds);
  auto restore = [&] {
    scopes_ = std::move(saved_scopes);
    scope_floor_ = saved_floor;
  };
  if (fd.has_recv && !stub && binds.empty() && !method_signature(fd, fn.name)) return restore(), false;
  fn.line = fd.pos.line;
  fn.end_line = fd.end.line;
  std::vector<int> nodes;
  bool func_param = false;
  const bool expands = expands_at_calls(fd);
  static const std::vector<Param> kNone;
  for (const Param& p : stub ? kNone : fd.params) {
    const size_t pi = size_t(&p - fd.params.data());
    TypeId t;
    if (p.variadic && &p != &fd.params.back()) return restore(), fail(p.pos, "can only use ... with final parameter in list");
    if (p.variadic) {   // xs ...T: a []T, made at each call from the arguments (variadic_arg)
      TypeId elem;
      if (!type_of(*p.type, elem)) return restore(), false;
      fn.param_types.push_back(T.slice(elem));
      nodes.push_back(new_node());
      continue;
    }
    if (!type_of(*p.type, t)) return restore(), false;
    // a function-typed parameter only ever called: the function is expanded at each call
    // (expand_call); otherwise it is a func value (compiler_closures.cpp)
    if (expands && func_typed_param(fd, pi)) func_param = true;
    fn.param_types.push_back(t);
    nodes.push_back(new_node());
  }
  for (const Param& p : stub ? kNone : fd.results) {
    TypeId t;
    if (!type_of(*p.type, t)) return restore(), false;
    fn.result_types.push_back(t);
  }
  restore();
  fn.nparams = int(fn.param_types.size());
  fn.nresults = int(fn.result_types.size());
  fidx = int(prog_.funcs.size());
  prog_.funcs.push_back(std::move(fn));
  param_nodes_.push_back(std::move(nodes));
  ret_nodes_.push_back(new_node());
  func_params_.push_back(func_param);
  expanding_fn_.push_back(0);
  inlined_.push_back(!stub && tiny_leaf(fd));
  decls_.push_back(&fd);
  tbinds_.push_back(std::move(binds));
  return true;
}

bool Compiler::function(int fidx) {
  if (lifted_.count(fidx)) return lifted_function(fidx);   // a goroutine's literal (compiler_go.cpp)
  const FuncDecl& fd = decl(fidx);
  FnState st;
  st.fidx = fidx;
  st.fn = &prog_.funcs[size_t(fidx)];
  F = &st;
  F->line = fd.pos.line;
  if (func_params_[size_t(fidx)] || (is_generic(fd) && tbinds_[size_t(fidx)].empty())) {
    // Every call expands the body (expand_call), or only the generic function's instances
    // run: the function's own code never runs.
    for (TypeId t : st.fn->param_types) new_slot(t, "");
    stmt_flag_ = true;
    if (st.fn->nresults == 0) {
      emit(OpRet, 0, 0);
    } else {
      const int base = fresh_slots(st.fn->result_types);
      for (int i = 0; i < st.fn->nresults; ++i) emit(OpLoadK, base + i, konst(0));
      emit(OpRet, base, st.fn->nresults);
    }
    F = nullptr;
    return true;
  }
  for (const auto& b : fd.body) addr_names_in(b.get(), st.addr_names);
  for (const auto& b : fd.body) assignments_in(b.get(), st);
  plan_slice_moves(fd, st);
  st.top_name = st.fn->name;
  plan_literals(fd.body, st);   // which literals become func values, what they capture by reference
  go_ref_names(fd.body, st.addr_names);   // captured by a goroutine and reassigned: boxed
  scopes_.clear();
  const bool bound = !tbinds_[size_t(fidx)].empty();
  if (bound) scopes_.push_back(tbinds_[size_t(fidx)]);   // an instance's type parameters
  push_scope();
  std::set<std::string> names;
  for (size_t i = 0; i < fd.params.size(); ++i) {
    const Param& p = fd.params[i];
    int s = new_slot(st.fn->param_types[i], p.name);
    if (p.name.empty() || p.name == "_") continue;
    if (!names.insert(p.name).second) return fail(p.pos, "duplicate argument " + p.name);
    Entity& en = bind_param(p.name, p.pos, st.fn->param_types[i], s, param_nodes_[size_t(fidx)][i]);
    // (a part's address is the parameter's own only for a struct or array: s[:1] of a string
    // parameter records its key too, escape.cpp addr_names_in)
    if (size_t(fidx) < inlined_.size() && inlined_[size_t(fidx)] && !st.assignments.count(p.name) && !st.addr_names.count(p.name) &&
        !(T.is_aggregate(en.type) && st.addr_names.count(field_address_key(p.name)))) en.static_param = int(i);
  }
  // &param: the parameter moves into a box at entry, as gc moves it to the heap (after
  // all parameters: their slots come first, in order)
  move_params(fd.params, true);
  bool named = !fd.results.empty() && !fd.results[0].name.empty();
  if (named) {
    for (size_t i = 0; i < fd.results.size(); ++i) {
      const Param& p = fd.results[i];
      int s = new_slot(st.fn->result_types[i], p.name);
      st.result_slots.push_back(s);
      stmt_flag_ = true;
      emit(OpLoadK, s, konst(0));
      if (p.name == "_") continue;
      if (!names.insert(p.name).second) return fail(p.pos, "duplicate argument " + p.name);
      const Entity& e = bind_param(p.name, p.pos, st.fn->result_types[i], s, new_node());
      edges_.push_back(Edge{e.node, ret_nodes_[size_t(fidx)]});   // named results are returned
    }
    box_named_results(fd.results);
  }
  defers_begin(fd.body);
  save_slice_params(fd);
  push_scope();
  st.body_depth = scopes_.size();
  if (!stmts(fd.body)) return false;
  F->line = fd.end.line;
  stmt_flag_ = true;
  if (st.fn->nresults == 0 && !run_defers()) return false;
  if (!pop_scope()) return false;
  if (st.fn->nresults == 0) {
    emit(OpRet, 0, 0);
  } else {
    if (!terminating(fd.body)) return fail(fd.end, "missing return");
    emit(OpRet, 0, 0);
  }
  defers_end();
  if (!pop_scope()) return false;
  if (bound) scopes_.pop_back();
  F = nullptr;
  return true;
}

// ---------------------------------------------------------------- initialisation order
// Package variables are initialised in dependency order (the spec's "initialization
// order"): a variable whose initialiser refers — directly or through the functions it
// calls — to another, uninitialised variable waits for it; otherwise source order.
// Names are matched without regard to shadowing (a local with a global's name counts).
void Compiler::names_in(const Expr* e, std::set<std::string>& out) const {
  if (!e) return;
  if (e->kind == Expr::Ident) out.insert(e->name);
  for_each_child(*e, [&](const Expr* x) { names_in(x, out); });
}

void Compiler::names_in(const Stmt* s, std::set<std::string>& out) const {
  if (!s) return;
  for_each_child(*s, [&](const Expr* x) { names_in(x, out); }, [&](const Stmt* b) { names_in(b, out); });
}

// globals_used: the package variables an initialiser depends on (through called functions).
std::set<std::string> Compiler::globals_used(const ValueSpec& vs) const {
  std::set<std::string> names, seen_funcs, out;
  for (const auto& v : vs.values) names_in(v.get(), names);
  std::vector<std::string> work(names.begin(), names.end());
  while (!work.empty()) {
    std::string n = work.back();
    work.pop_back();
    auto it = pkg_.find(n);
    if (it == pkg_.end()) continue;
    if (it->second.k == Entity::Global) {
      out.insert(n);
    } else if (it->second.k == Entity::Func && seen_funcs.insert(n).second) {
      std::set<std::string> inner;
      for (const auto& st : file_.funcs[size_t(it->second.slot)].body) names_in(st.get(), inner);
      for (const std::string& x : inner) work.push_back(x);
    }
  }
  return out;
}

bool Compiler::init_order(std::vector<const ValueSpec*>& order) {
  std::vector<const ValueSpec*> pending;
  for (const ValueSpec& vs : file_.values)
    if (!vs.is_const) pending.push_back(&vs);
  std::vector<std::set<std::string>> deps;
  for (const ValueSpec* vs : pending) deps.push_back(globals_used(*vs));
  std::set<std::string> done;
  std::vector<bool> taken(pending.size(), false);
  for (size_t round = 0; round < pending.size(); ++round) {
    bool progress = false;
    for (size_t i = 0; i < pending.size() && !progress; ++i) {
      if (taken[i]) continue;
      bool ready = true;
      for (const std::string& d : deps[i]) {
        bool own = std::find(pending[i]->names.begin(), pending[i]->names.end(), d) != pending[i]->names.end();
        if (!own && !done.count(d)) ready = false;
        if (own && !pending[i]->values.empty()) return fail(pending[i]->pos, "initialization cycle: " + d + " refers to itself");
      }
      if (!ready) continue;
      taken[i] = true;
      order.push_back(pending[i]);
      for (const std::string& n : pending[i]->names) done.insert(n);
      progress = true;
    }
    if (!progress) {
      for (size_t i = 0; i < pending.size(); ++i)
        if (!taken[i]) return fail(pending[i]->pos, "initialization cycle or loop involving " + pending[i]->names[0]);
    }
  }
  return true;
}

bool Compiler::init_function() {
  Function fn;
  fn.name = "main.init";
  prog_.funcs.push_back(std::move(fn));
  param_nodes_.emplace_back();
  ret_nodes_.push_back(new_node());
  func_params_.push_back(0);
  expanding_fn_.push_back(0);
  inlined_.push_back(0);
  decls_.push_back(nullptr);
  tbinds_.emplace_back();
  prog_.init_func = int(prog_.funcs.size()) - 1;
  FnState st;
  st.fidx = prog_.init_func;
  st.fn = &prog_.funcs.back();
  F = &st;
  scopes_.clear();
  std::vector<const ValueSpec*> order;
  if (!init_order(order)) return false;
  for (const ValueSpec* vsp : order) {
    const ValueSpec& vs = *vsp;
    F->line = vs.pos.line;
    stmt_flag_ = true;
    size_t m = temp_mark();
    TypeId t = 0;
    if (vs.type && !type_of(*vs.type, t)) return false;
    std::vector<V> vals;
    std::vector<Pos> pos;
    if (!vs.values.empty()) {
      // rhs_values wants a Stmt; evaluate directly
      if (vs.values.size() == vs.names.size()) {
        for (const auto& r : vs.values) {
          V v = expr(*r);
          if (!v.ok) return false;
          if (v.is_type) return fail(r->pos, T.name(v.t) + " (type) is not an expression");
          if (v.is_tuple || v.t == 0) return fail(r->pos, "single value expected");
          vals.push_back(std::move(v));
          pos.push_back(r->pos);
        }
      } else if (vs.values.size() == 1) {
        V v = expr(*vs.values[0]);
        if (!v.ok) return false;
        if (!v.is_tuple || T[v.t].fields.size() != vs.names.size()) return fail(vs.pos, "assignment mismatch: " + std::to_string(vs.names.size()) + " variables but 1 value");
        for (size_t i = 0; i < vs.names.size(); ++i) {
          V e;
          e.t = T[v.t].fields[i].type;
          e.fresh = true;
          e.slot = temp(e.t);
          emit(OpMov, e.slot, v.slot + int(i));
          vals.push_back(e);
          pos.push_back(vs.pos);
        }
      } else {
        return fail(vs.pos, "assignment mismatch: " + std::to_string(vs.names.size()) + " variables but " + std::to_string(vs.values.size()) + " values");
      }
    }
    for (size_t i = 0; i < vs.names.size(); ++i) {
      if (vs.names[i] == "_") continue;
      Entity& en = pkg_[vs.names[i]];
      TypeId gt = t;
      if (!vals.empty()) {
        V& v = vals[i];
        if (!var_value(v, t, pos[i], gt)) return false;
        en.type = gt;
        int s = owned(v, gt);
        if (boxed_global(en)) emit(OpStore, global_box(en), s);
        else emit(OpGSet, en.slot, s);
        sink(v.src);
      } else {
        en.type = gt;
      }
      const TypeId slot_type = boxed_global(en) ? T.pointer(gt) : gt;   // the box's pointer
      prog_.globals[size_t(en.slot)].type = slot_type;
      prog_.globals[size_t(en.slot)].cat = prog_.cat_of(slot_type);
    }
    temp_release(m);
  }
  stmt_flag_ = true;
  emit(OpRet, 0, 0);
  F = nullptr;
  return true;
}

}  // namespace detail

bool compile(File& file, Program& prog, std::vector<Error>& errs, int go_minor) {
  errs.clear();
  Error err;
  if (!add_sync_map(file, runtime::profile_for_minor(go_minor).library, err) ||
      !add_strings_builder(file, runtime::profile_for_minor(go_minor).library, err) ||
      !add_strings_funcs(file, go_minor, err) || !add_strings_replacer(file, go_minor, err) || !add_rand_shuffle(file, err) ||
      !add_sync_atomic(file, go_minor, err) ||
      !add_bytes_buffer(file, go_minor, err) || !add_os(file, err) || !add_flag(file, go_minor, err) ||
      !add_strconv_quote(file, go_minor, err) || !add_errors_join(file, go_minor, err) ||
      !add_iter_pull(file, go_minor, err)) {
    errs.push_back(err);
    return false;
  }
  detail::Compiler c(file, prog, err, go_minor);
  if (c.run()) return true;
  errs = c.reported();
  if (errs.empty()) errs.push_back(Error{Pos{}, "the program did not compile"});
  return false;
}

bool compile(File& file, Program& prog, Error& err, int go_minor) {
  std::vector<Error> errs;
  if (compile(file, prog, errs, go_minor)) return true;
  err = errs.front();
  return false;
}

// gc_error_list: errors (in the order reported) as cmd/compile prints them (base/print.go:
// ErrorfAt, FlushErrors): a syntax error on a line that already has one, or a message equal
// to the last one on the same line, is dropped; at the max-th error gc stops ("too many
// errors" at that error's position, after the list); the list sorted by position, equal
// lines once.
std::vector<Error> gc_error_list(const std::vector<Error>& reported, size_t max) {
  std::vector<Error> kept;
  Pos last_syntax{-1, 0}, last_other{-1, 0};
  std::string last_msg;
  bool too_many = false;
  for (const Error& e : reported) {
    if (e.msg.rfind("syntax error", 0) == 0) {
      if (e.pos.line == last_syntax.line) continue;
      last_syntax = e.pos;
    } else {
      if (e.pos.line == last_other.line && e.msg == last_msg) continue;
      last_other = e.pos;
      last_msg = e.msg;
    }
    kept.push_back(e);
    if (kept.size() >= max) { too_many = true; break; }
  }
  const Error stop = too_many ? kept.back() : Error{};
  std::stable_sort(kept.begin(), kept.end(), [](const Error& a, const Error& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
  });
  kept.erase(std::unique(kept.begin(), kept.end(), [](const Error& a, const Error& b) {
               return a.pos.line == b.pos.line && a.pos.col == b.pos.col && a.msg == b.msg;
             }), kept.end());
  if (too_many) kept.push_back(Error{stop.pos, "too many errors"});
  return kept;
}

}  // namespace lang
