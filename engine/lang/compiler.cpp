// compiler.cpp — type checking, escape analysis, code generation and stack maps.
//
// [SECTION] constants and entities
// [SECTION] package-level declarations
// [SECTION] types
// [SECTION] function state: slots, temps, emit
// [SECTION] expressions
// [SECTION] calls and builtins
// [SECTION] statements
// [SECTION] escape analysis and liveness
#include "engine/lang/compiler.h"

#include <algorithm>
#include <cmath>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <span>

namespace lang {

SlotCat Program::cat_of(TypeId t) const {
  switch (types.kind(t)) {
    case Kind::String: return SlotCat::Str;
    case Kind::Struct: case Kind::Array: case Kind::Pointer: return SlotCat::Obj;
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
      "mget", "mset", "mdel", "mlen", "mclear", "miter", "mnext", "call", "ret", "bi", "use",
      "msetloop", "mdelloop"};
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

namespace {

using i128 = __int128;

// [SECTION] constants and entities
struct CVal {
  enum K : uint8_t { None, Int, Float, Bool, Str } k = None;
  i128 i = 0;
  double f = 0;
  bool b = false;
  std::string s;
};

struct Entity {
  enum K : uint8_t { Var, Global, Const, Type, Func, Package, Builtin, Nil, Closure } k = Var;
  TypeId type = 0;
  int slot = -1;        // Var: slot; Global: index; Func: index; Closure: closures_ index
  int node = -1;        // escape graph node (Var, Global)
  CVal cv;              // Const
  std::string name;
  Pos pos;
  bool used = false;
  int bi = 0;           // Builtin id (universe) or package name index
  int addr_node = -1;   // Var whose address is taken (&x): the escape node of &x
  int box = -1;         // a scalar Var whose address is taken: the slot of its box (*T); the
                        // value lives in the box ("moved to heap: x" when &x escapes)
  // lazily resolved package-level entities
  const ValueSpec* spec = nullptr;
  int spec_index = 0;
  const TypeDecl* tdecl = nullptr;
  bool resolving = false;
};

enum UBuiltin { UB_len, UB_cap, UB_make, UB_new, UB_append, UB_delete, UB_clear, UB_panic,
                UB_print, UB_println, UB_min, UB_max, UB_mapShape, UB_copy };

struct Edge { int from, to; };

struct V {                       // a compiled expression
  TypeId t = 0;
  bool isconst = false;
  CVal cv;
  int slot = -1;
  bool fresh = false;            // aggregate built by this expression (no copy needed)
  bool is_type = false;          // the expression denotes a type
  bool is_tuple = false;         // multiple results in slots slot..slot+n-1
  std::vector<int> src;          // escape nodes the value may come from
  bool ok = true;
  std::string var;               // the variable's name when the expression is one (messages)
};

struct LoopCtx {
  std::vector<int> breaks, continues;
  bool is_switch = false;
};

class Compiler {
 public:
  Compiler(const File& f, Program& p, Error& e, int go_minor)
      : file_(f), prog_(p), err_(e), T(p.types), go_minor_(go_minor) {}

  bool run() { return run_impl(); }

 private:
  // ---------------------------------------------------------------- errors
  // requires_go: false (with gc's wording) when what is at p came after the run's Go version.
  bool requires_go(Pos p, const std::string& what, int minor) {
    if (go_minor_ >= minor) return true;
    return fail(p, what + " requires go1." + std::to_string(minor) + " or later (this run is Go 1." +
                       std::to_string(go_minor_) + "; choose Go 1." + std::to_string(minor) + " or later)");
  }
  bool fail(Pos p, const std::string& msg) {
    if (!failed_) {
      err_.pos = p;
      err_.msg = msg;
      failed_ = true;
    }
    return false;
  }
  V bad(Pos p, const std::string& msg) {
    fail(p, msg);
    V v;
    v.ok = false;
    return v;
  }

  // ---------------------------------------------------------------- scopes
  using Scope = std::map<std::string, Entity>;
  Entity* lookup(const std::string& name) {
    for (size_t i = scopes_.size(); i-- > scope_floor_;) {
      auto it = scopes_[i].find(name);
      if (it != scopes_[i].end()) return &it->second;
    }
    auto it = pkg_.find(name);
    if (it != pkg_.end()) return &it->second;
    auto u = universe_.find(name);
    if (u != universe_.end()) return &u->second;
    return nullptr;
  }

  // ---------------------------------------------------------------- escape graph
  int new_node() { return nnodes_++; }
  void flow(const std::vector<int>& from, int to) {
    for (int f : from) edges_.push_back(Edge{f, to});
  }
  void sink(const std::vector<int>& from) { flow(from, 0); }

  // ================================================================ [SECTION] package-level declarations
  void universe() {
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
    const char* bis[] = {"len", "cap", "make", "new", "append", "delete", "clear", "panic", "print",
                         "println", "min", "max", "mapShape", "copy"};
    for (int i = 0; i < int(sizeof(bis) / sizeof(bis[0])); ++i) {
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

  void memstats_type() {
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
  void time_types() {
    prog_.duration_type = T.named("time.Duration");
    T.complete_named(prog_.duration_type, TypeTable::kInt64);
    TypeId location = T.named("time.Location");
    T.complete_named(location, T.structure({Field{"name", TypeTable::kString, 0}}));
    prog_.time_type = T.named("time.Time");
    T.complete_named(prog_.time_type, T.structure({Field{"wall", TypeTable::kUint64, 0}, Field{"ext", TypeTable::kInt64, 0},
                                                   Field{"loc", T.pointer(location), 0}}));
  }

  bool declare_pkg(const std::string& name, Entity e, Pos p) {
    if (name == "_") return true;
    if (pkg_.count(name)) return fail(p, name + " redeclared in this block");
    e.name = name;
    e.pos = p;
    pkg_[name] = std::move(e);
    return true;
  }

  bool collect() {
    if (file_.package != "main") return fail(Pos{1, 9}, "package " + file_.package + " is not a main package (the playground runs package main)");
    static const char* known[] = {"fmt", "log", "maps", "math/rand", "runtime", "runtime/debug", "slices", "sort", "strconv", "strings", "time", "unsafe"};
    for (const Import& im : file_.imports) {
      bool ok = false;
      for (const char* k : known) ok = ok || im.path == k;
      if (!ok) return fail(im.pos, "import \"" + im.path + "\" is not supported by the playground (fmt, log, maps, math/rand, runtime, runtime/debug, slices, sort, strconv, strings, time, unsafe)");
      if ((im.path == "maps" || im.path == "slices") && !requires_go(im.pos, "package " + im.path, 21)) return false;
      if (im.path == "math/rand") prog_.imports_math_rand = true;
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
      if (td.alias) {
        e.type = 0;
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

  // resolve_type_decl completes a named type the first time it is used.
  bool resolve_type_entity(Entity& e) {
    if (!e.tdecl) return true;
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
    e.resolving = false;
    return true;
  }

  // ================================================================ [SECTION] types
  bool type_of(const TypeExpr& te, TypeId& out) {
    switch (te.kind) {
      case TypeExpr::Name: {
        Entity* e = lookup(te.name);
        if (!e) return fail(te.pos, "undefined: " + te.name);
        if (e->k != Entity::Type) return fail(te.pos, te.name + " is not a type");
        if (!resolve_type_entity(*e)) return false;
        out = e->type;
        return true;
      }
      case TypeExpr::Qualified: {
        auto it = imports_.find(te.pkg);
        if (it == imports_.end()) return fail(te.pos, "undefined: " + te.pkg);
        it->second.used = true;
        if (it->second.name == "runtime" && te.name == "MemStats") {
          out = prog_.memstats_type;
          return true;
        }
        if (it->second.name == "time" && (te.name == "Duration" || te.name == "Time")) {
          out = te.name == "Duration" ? prog_.duration_type : prog_.time_type;
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
          fs.push_back(Field{f.name, ft, 0});
        }
        out = T.structure(std::move(fs));
        return true;
      }
      default:
        return fail(te.pos, "type not supported by the playground");
    }
  }

  // ================================================================ [SECTION] function state
  // A function literal is compiled where it is called, in the scopes it was written in:
  // f := func(…) {…} declares a Closure entity, and each call f(…) (or func(…){…}(…))
  // expands the body there, its parameters new variables, its results a block of slots
  // that every return fills before jumping to the end. Captured variables are then the
  // enclosing function's own (by reference, as in Go), escape analysis and liveness see
  // through the call, and a literal that is only called allocates nothing, as in gc.
  struct ClosureDef {
    const FuncLit* lit = nullptr;
    std::string name;
    size_t depth = 0;                      // scopes_.size() where it was written
    size_t floor = 0;                      // scope_floor_ there (see expand_call)
    std::set<std::string> names_then;      // names of the innermost scope at that point
    bool expanding = false;
    bool passed = false;                   // handed to a function parameter: gc compiles it
                                           // as a closure of its own, not inlined
  };
  // scope_floor_: lookups see scopes_[scope_floor_…] and the package. A function expanded at
  // its call site (expand_call) sees only its own scopes; a literal it is handed still
  // expands in the caller's.
  size_t scope_floor_ = 0;
  std::vector<uint8_t> func_params_;       // per function: some parameter has a func type
  std::vector<uint8_t> expanding_fn_;      // per function: being expanded now (recursion)
  std::vector<std::unique_ptr<ClosureDef>> closures_;
  struct Expansion {
    std::vector<TypeId> result_types;
    int results = -1;                      // first slot of the result block
    std::vector<int> named;                // named results' variable slots
    std::vector<int> jumps;                // returns, patched to the end
    std::vector<int> src;                  // escape nodes of the returned values
    size_t scope_base = 0;                 // scopes_ index of the literal's parameters
    bool inlined_copy = true;              // gc inlines this body where it is called
  };
  struct FnState {
    int fidx = 0;
    Function* fn = nullptr;
    std::array<std::vector<int>, 6> free_temps;
    std::vector<int> temps_in_use;
    std::vector<LoopCtx> loops;
    std::vector<int> result_slots;
    std::vector<int> result_nodes;
    int line = 0;
    std::set<std::string> addr_names;   // names used as &name in the body
    std::vector<Expansion*> expansions;   // function literals being expanded (innermost last)
    std::vector<const Stmt*> defers;      // defer statements compiled so far (run in reverse)
    size_t body_depth = 0;                // scopes_.size() in the function body's own block
  };
  FnState* F = nullptr;


  int new_slot(TypeId t, const std::string& name) {
    int s = F->fn->nslots++;
    F->fn->slot_cat.push_back(prog_.cat_of(t));
    F->fn->slot_names.push_back(name);
    F->fn->slot_types.push_back(t);
    return s;
  }
  int temp(TypeId t) {
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
  size_t temp_mark() const { return F->temps_in_use.size(); }
  void temp_release(size_t mark) {
    while (F->temps_in_use.size() > mark) {
      int s = F->temps_in_use.back();
      F->temps_in_use.pop_back();
      F->free_temps[int(F->fn->slot_cat[size_t(s)])].push_back(s);
    }
  }
  // fresh_slots reserves n consecutive new slots (call frames); they become temps.
  int fresh_slots(const std::vector<TypeId>& types) {
    int base = F->fn->nslots;
    for (TypeId t : types) {
      int s = new_slot(t, "");
      F->temps_in_use.push_back(s);
    }
    return base;
  }

  int pc() const { return int(F->fn->code.size()); }
  int emit(uint8_t op, int a = 0, int b = 0, int c = 0, int d = 0, uint16_t k = 0, uint8_t flags = 0) {
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
  void patch(int at, int target) { F->fn->code[size_t(at)].a = target; }

  int konst(Word w) {
    auto it = const_index_.find(w);
    if (it != const_index_.end()) return it->second;
    int i = int(prog_.consts.size());
    prog_.consts.push_back(w);
    const_index_[w] = i;
    return i;
  }
  int str_lit(const std::string& s) {
    if (s.empty()) return 0;
    auto it = str_index_.find(s);
    if (it != str_index_.end()) return it->second;
    prog_.strings.push_back(s);
    int idx = int(prog_.strings.size());
    str_index_[s] = idx;
    return idx;
  }

  // ---------------------------------------------------------------- constants
  static bool fits(i128 v, TypeId t, const TypeTable& T) {
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
  static std::string i128_str(i128 v) {
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
  Word const_word(const CVal& c, TypeId t) {
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
  bool convert_const(V& v, TypeId t, Pos p, bool explicit_conv) {
    Kind k = T.kind(t);
    if (v.cv.k == CVal::Int || v.cv.k == CVal::Float) {
      if (T.is_integer(t)) {
        if (v.cv.k == CVal::Float) {
          if (v.cv.f != std::floor(v.cv.f)) return fail(p, "cannot use " + const_str(v) + " (untyped float constant) as " + T.name(t) + " value (truncated)");
          v.cv.k = CVal::Int;
          v.cv.i = i128(v.cv.f);
        }
        if (!fits(v.cv.i, t, T)) return fail(p, "cannot use " + const_str(v) + " (untyped int constant " + i128_str(v.cv.i) + ") as " + T.name(t) + " value (overflows)");
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
        return fail(p, "cannot use " + const_str(v) + " (untyped " + std::string(v.cv.k == CVal::Int ? "int" : "float") + " constant) as " + T.name(t) + " value");
      }
    } else if (v.cv.k == CVal::Bool) {
      if (k != Kind::Bool && k != Kind::UntypedBool) return fail(p, "cannot use " + const_str(v) + " (untyped bool constant) as " + T.name(t) + " value");
    } else if (v.cv.k == CVal::Str) {
      if (k != Kind::String && k != Kind::UntypedString) return fail(p, "cannot use " + const_str(v) + " (untyped string constant) as " + T.name(t) + " value");
    }
    v.t = t;
    return true;
  }
  static void append_utf8(std::string& s, uint32_t r) {
    if (r < 0x80) s += char(r);
    else if (r < 0x800) { s += char(0xC0 | (r >> 6)); s += char(0x80 | (r & 0x3F)); }
    else if (r < 0x10000) { s += char(0xE0 | (r >> 12)); s += char(0x80 | ((r >> 6) & 0x3F)); s += char(0x80 | (r & 0x3F)); }
    else { s += char(0xF0 | (r >> 18)); s += char(0x80 | ((r >> 12) & 0x3F)); s += char(0x80 | ((r >> 6) & 0x3F)); s += char(0x80 | (r & 0x3F)); }
  }
  std::string const_str(const V& v) {
    switch (v.cv.k) {
      case CVal::Int: return i128_str(v.cv.i);
      case CVal::Float: { char b[64]; snprintf(b, sizeof b, "%g", v.cv.f); return b; }
      case CVal::Bool: return v.cv.b ? "true" : "false";
      case CVal::Str: return "\"" + v.cv.s + "\"";
      default: return "?";
    }
  }

  // materialize puts v's value in a slot (constants are loaded into a temp).
  int materialize(V& v, TypeId want = 0) {
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

  // assignable checks Go's assignability of v to t and converts constants.
  bool assignable(V& v, TypeId t, Pos p, const char* context = "assignment") {
    if (!v.ok) return false;
    if (v.is_tuple) return fail(p, "multiple-value in single-value context");
    if (v.is_type) return fail(p, T.name(v.t) + " (type) is not an expression");
    if (v.t == TypeTable::kUntypedNil) {
      Kind k = T.kind(t);
      if (k == Kind::Map || k == Kind::Slice || k == Kind::Pointer) {
        v.t = t;
        return true;
      }
      return fail(p, "cannot use nil as " + T.name(t) + " value in " + context);
    }
    if (v.isconst && T.is_untyped(v.t)) {
      if (convert_const(v, t, p, false)) return true;
      // gc names the context: "... as int value in assignment (overflows)"
      std::string& m = err_.msg;
      if (m.rfind("cannot use", 0) == 0 && m.find(" in ") == std::string::npos) {
        size_t paren = m.rfind(" (");
        bool suffix = paren != std::string::npos && m.back() == ')' && (m.find("(overflows)") != std::string::npos || m.find("(truncated)") != std::string::npos);
        std::string ctx = std::string(" in ") + context;
        if (suffix) m.insert(paren, ctx); else m += ctx;
      }
      return false;
    }
    if (v.t == t) return true;
    // identical underlying types where one side is unnamed
    if (T.under(v.t) == T.under(t) && (T[v.t].name.empty() || T[t].name.empty()) && T.kind(t) >= Kind::Array) return true;
    if (T.is_untyped(v.t) && T.kind(v.t) == Kind::UntypedBool && T.kind(t) == Kind::Bool) { v.t = t; return true; }
    return fail(p, "cannot use " + describe(v) + " as " + T.name(t) + " value in " + context);
  }
  std::string describe(const V& v) {
    if (v.isconst) return const_str(v) + " (" + (T.is_untyped(v.t) ? T.name(v.t) + " constant" : "constant of type " + T.name(v.t)) + ")";
    if (!v.var.empty()) return v.var + " (variable of type " + T.name(v.t) + ")";
    return "value of type " + T.name(v.t);
  }

  // value_into copies v into slot dst (deep copy for aggregates unless fresh).
  void move_into(V& v, int dst, TypeId t) {
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
  int owned(V& v, TypeId t) {
    if (v.isconst) return materialize(v, t);
    if (T.is_aggregate(t) && !v.fresh) {
      int s = temp(t);
      emit(OpCopy, s, v.slot);
      return s;
    }
    return v.slot;
  }

  // ================================================================ [SECTION] expressions
  V ident(const Expr& e) {
    if (e.name == "_") return bad(e.pos, "cannot use _ as value");
    Entity* en = lookup(e.name);
    if (!en) {
      if (imports_.count(e.name)) return bad(e.pos, "use of package " + e.name + " without selector");
      return bad(e.pos, "undefined: " + e.name);
    }
    V v;
    switch (en->k) {
      case Entity::Var:
        en->used = true;
        v.t = en->type;
        v.slot = en->slot;
        if (en->box >= 0) {
          v.slot = temp(v.t);
          emit(OpLoad, v.slot, en->box, 0, 0, uint16_t(v.t));
        }
        v.var = e.name;
        if (en->node >= 0) v.src.push_back(en->node);
        return v;
      case Entity::Global: {
        if (!resolve_global(*en, e.pos)) return bad(e.pos, err_.msg);
        v.t = en->type;
        v.slot = temp(v.t);
        v.var = e.name;
        emit(OpGGet, v.slot, en->slot);
        return v;
      }
      case Entity::Const: {
        if (en->name == "iota" && !en->spec) {
          if (iota_ < 0) return bad(e.pos, "cannot use iota outside constant declaration");
          v.isconst = true;
          v.t = TypeTable::kUntypedInt;
          v.cv.k = CVal::Int;
          v.cv.i = iota_;
          return v;
        }
        if (!resolve_const(*en)) { v.ok = false; return v; }
        v.isconst = true;
        v.t = en->type;
        v.cv = en->cv;
        return v;
      }
      case Entity::Type:
        if (!resolve_type_entity(*en)) { v.ok = false; return v; }
        v.is_type = true;
        v.t = en->type;
        return v;
      case Entity::Nil:
        v.isconst = true;
        v.t = TypeTable::kUntypedNil;
        return v;
      case Entity::Func:
      case Entity::Closure:
        return bad(e.pos, "function values are not supported by the playground (" + e.name + " must be called)");
      case Entity::Builtin:
        return bad(e.pos, e.name + " (built-in function) must be called");
      default:
        return bad(e.pos, "undefined: " + e.name);
    }
  }

  bool resolve_const(Entity& en) {
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

  bool resolve_global(Entity& en, Pos use) {
    if (en.type) return true;
    if (en.spec && en.spec->type) {
      TypeId t;
      if (!type_of(*en.spec->type, t)) return false;
      en.type = t;
      return true;
    }
    return fail(use, en.name + " is used before its initialisation (the playground initialises globals in source order)");
  }

  static bool parse_int_lit(const std::string& text, i128& out) {
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

  V expr(const Expr& e) {
    // static_type() compiles subexpressions speculatively; a budget keeps pathological
    // nestings (len(a[len(b[...])])) from taking exponential time.
    if (++expr_count_ > 4'000'000) return bad(e.pos, "program too complex for the playground");
    if (++expr_depth_ > 400) {
      --expr_depth_;
      return bad(e.pos, "expression too deeply nested");
    }
    V v = expr_inner(e);
    --expr_depth_;
    return v;
  }

  V expr_inner(const Expr& e) {
    if (failed_) { V v; v.ok = false; return v; }
    V v;
    switch (e.kind) {
      case Expr::Ident: return ident(e);
      case Expr::IntLit:
        v.isconst = true;
        v.t = TypeTable::kUntypedInt;
        v.cv.k = CVal::Int;
        if (!parse_int_lit(e.name, v.cv.i)) return bad(e.pos, "invalid or too large integer literal " + e.name);
        return v;
      case Expr::FloatLit: {
        std::string s;
        for (char c : e.name)
          if (c != '_') s += c;
        v.isconst = true;
        v.t = TypeTable::kUntypedFloat;
        v.cv.k = CVal::Float;
        v.cv.f = strtod(s.c_str(), nullptr);
        return v;
      }
      case Expr::StringLit:
        v.isconst = true;
        v.t = TypeTable::kUntypedString;
        v.cv.k = CVal::Str;
        v.cv.s = e.name;
        return v;
      case Expr::CharLit:
        v.isconst = true;
        v.t = TypeTable::kUntypedRune;
        v.cv.k = CVal::Int;
        v.cv.i = atoll(e.name.c_str());
        return v;
      case Expr::Paren: return expr(*e.x);
      case Expr::Binary: return binary(e);
      case Expr::Unary: return unary(e);
      case Expr::Star: return star(e);
      case Expr::Call: return call(e, false);
      case Expr::FuncLitE:
        return bad(e.pos, "function values are not supported by the playground (a function literal must be called, or assigned with := and called by name)");
      case Expr::Index: return index(e);
      case Expr::Slice: return slice_expr(e);
      case Expr::Selector: return selector(e);
      case Expr::CompositeLit: {
        if (!e.type) return bad(e.pos, "invalid composite literal type: missing type");
        TypeId t;
        if (!type_of(*e.type, t, &e)) { v.ok = false; return v; }
        return composite(e, t, false);
      }
      case Expr::TypeE: {
        TypeId t;
        if (!type_of(*e.type)) { v.ok = false; return v; }
        (void)t;
        v.is_type = true;
        v.t = last_type_;
        return v;
      }
      case Expr::KeyValue: return bad(e.pos, "unexpected key:value outside a composite literal");
    }
    return bad(e.pos, "unsupported expression");
  }
  // type_of overloads used by expressions: [...]T in composite literals takes its length
  // from the literal's elements.
  TypeId last_type_ = 0;
  bool type_of(const TypeExpr& te) { return type_of(te, last_type_); }
  bool type_of(const TypeExpr& te, TypeId& out, const Expr* lit) {
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

  // ---------------------------------------------------------------- operators
  static bool is_cmp(Tok op) { return op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr || op == Tok::Geq; }

  V fold(Pos p, Pos px, Pos py, Tok op, V x, V y) {
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

  V binary(const Expr& e) {
    Tok op = e.op;
    if (op == Tok::LAnd || op == Tok::LOr) return logical(e);
    V x = expr(*e.x);
    if (!x.ok) return x;
    V y = expr(*e.y);
    if (!y.ok) return y;
    return binop_vals(e.pos, e.x->pos, e.y->pos, op, std::move(x), std::move(y));
  }

  V binop_vals(Pos p, Pos px, Pos py, Tok op, V x, V y) {
    if (x.is_type || y.is_type) return bad(p, "type is not an expression");
    if (x.is_tuple || y.is_tuple) return bad(p, "multiple-value in single-value context");
    if (x.t == 0 || y.t == 0) return bad(p, "function call (no value) used as value");
    if (x.isconst && y.isconst && x.t != TypeTable::kUntypedNil && y.t != TypeTable::kUntypedNil) return fold(p, px, py, op, x, y);
    if (op == Tok::Shl || op == Tok::Shr) return shift(p, py, op, x, y);
    // unify operand types
    if (x.isconst && T.is_untyped(x.t) && !(y.isconst && T.is_untyped(y.t))) {
      if (!assignable(x, y.t, px, "operation")) { x.ok = false; return x; }
    } else if (y.isconst && T.is_untyped(y.t)) {
      if (!assignable(y, x.t, py, "operation")) { y.ok = false; return y; }
    }
    if (x.t != y.t) return bad(p, "invalid operation: mismatched types " + T.name(x.t) + " and " + T.name(y.t));
    TypeId t = x.t;
    Kind k = T.kind(t);
    if (is_cmp(op)) {
      bool ordered = T.is_numeric(t) || k == Kind::String;
      if ((op != Tok::Eql && op != Tok::Neq) && !ordered) return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on " + T.name(t));
      if ((k == Kind::Map || k == Kind::Slice) && !(x.t == TypeTable::kUntypedNil || y.t == TypeTable::kUntypedNil || x.isconst || y.isconst))
        return bad(p, "invalid operation: " + T.name(t) + " can only be compared to nil");
      if (!T.comparable(t) && !(x.isconst || y.isconst)) return bad(p, "invalid operation: " + T.name(t) + " cannot be compared");
      int a = materialize(x, t), b = materialize(y, t);
      int d = temp(TypeTable::kBool);
      bool swap = op == Tok::Gtr || op == Tok::Geq;
      if (swap) std::swap(a, b);
      bool strict = op == Tok::Lss || op == Tok::Gtr;
      bool neg = op == Tok::Neq;
      uint8_t o;
      if (k == Kind::String) o = (op == Tok::Eql || op == Tok::Neq) ? OpSEq : strict ? OpSLt : OpSLe;
      else if (k == Kind::Float64) o = (op == Tok::Eql || op == Tok::Neq) ? OpFEq : strict ? OpFLt : OpFLe;
      else if (T.is_aggregate(t)) o = OpDeepEq;
      else if (op == Tok::Eql || op == Tok::Neq) o = OpEq;
      else if (T.is_unsigned(t)) o = strict ? OpLtU : OpLeU;
      else o = strict ? OpLtS : OpLeS;
      emit(o, d, a, b, 0, uint16_t(T.is_aggregate(t) ? t : 0));
      if (neg) emit(OpNot, d, d);
      V r;
      r.t = TypeTable::kBool;
      r.slot = d;
      return r;
    }
    int a = materialize(x, t), b = materialize(y, t);
    V r;
    r.t = t;
    if (k == Kind::String) {
      if (op != Tok::Add) return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on string");
      r.slot = temp(t);
      int pc0 = emit(OpConcat, r.slot, a, b);
      // string concatenation allocates unless the result stays on the stack (≤ 32 bytes)
      r.src.push_back(add_site(pc0, "string concatenation", false));
      return r;
    }
    if (k == Kind::Float64) {
      uint8_t o = op == Tok::Add ? OpFAdd : op == Tok::Sub ? OpFSub : op == Tok::Mul ? OpFMul : op == Tok::Quo ? OpFDiv : 0;
      if (!o) return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on float64");
      r.slot = temp(t);
      emit(o, r.slot, a, b);
      return r;
    }
    if (!T.is_integer(t)) return bad(p, "invalid operation: operator " + std::string(tok_string(op)) + " not defined on " + T.name(t));
    bool u = T.is_unsigned(t);
    uint8_t o = 0;
    switch (op) {
      case Tok::Add: o = OpAdd; break;
      case Tok::Sub: o = OpSub; break;
      case Tok::Mul: o = OpMul; break;
      case Tok::Quo: o = u ? OpDivU : OpDivS; break;
      case Tok::Rem: o = u ? OpRemU : OpRemS; break;
      case Tok::And: o = OpAnd; break;
      case Tok::Or: o = OpOr; break;
      case Tok::Xor: o = OpXor; break;
      case Tok::AndNot: o = OpAndNot; break;
      default: return bad(p, "invalid operation");
    }
    if ((op == Tok::Quo || op == Tok::Rem) && y.isconst == false) {}
    r.slot = temp(t);
    emit(o, r.slot, a, b, 0, uint16_t(T.int_kind(t)));
    return r;
  }

  V shift(Pos p, Pos py, Tok op, V x, V y) {
    if (y.isconst) {
      if (y.cv.k != CVal::Int || y.cv.i < 0) return bad(py, "invalid shift count");
    } else if (!T.is_integer(y.t)) {
      return bad(py, "invalid operation: shift count type " + T.name(y.t) + ", must be integer");
    }
    if (x.isconst && T.is_untyped(x.t)) {
      if (!convert_const(x, TypeTable::kInt, p, false)) { x.ok = false; return x; }
    }
    if (!T.is_integer(x.t)) return bad(p, "invalid operation: shift of type " + T.name(x.t));
    TypeId t = x.t;
    int a = materialize(x, t);
    int b = materialize(y, TypeTable::kUint);
    V r;
    r.t = t;
    r.slot = temp(t);
    uint8_t o = op == Tok::Shl ? OpShl : T.is_unsigned(t) ? OpShrU : OpShrS;
    emit(o, r.slot, a, b, 0, uint16_t(T.int_kind(t)), uint8_t(!y.isconst && !T.is_unsigned(y.t) ? 1 : 0));
    return r;
  }

  V logical(const Expr& e) {
    V x = expr(*e.x);
    if (!x.ok) return x;
    if (T.kind(x.t) != Kind::Bool && T.kind(x.t) != Kind::UntypedBool) return bad(e.x->pos, "invalid operation: operator " + std::string(tok_string(e.op)) + " not defined on " + describe(x));
    if (x.isconst) {
      // still compile y (it may have side effects only when evaluated)
      if ((e.op == Tok::LAnd && !x.cv.b) || (e.op == Tok::LOr && x.cv.b)) {
        V y = expr(*e.y);
        if (!y.ok) return y;
        return x;
      }
      V y = expr(*e.y);
      if (!y.ok) return y;
      if (T.kind(y.t) != Kind::Bool && T.kind(y.t) != Kind::UntypedBool) return bad(e.y->pos, "invalid operation: mismatched types");
      return y;
    }
    TypeId t = x.t;
    int d = temp(t);
    emit(OpMov, d, x.slot);
    int j = emit(e.op == Tok::LAnd ? OpJf : OpJt, 0, d);
    V y = expr(*e.y);
    if (!y.ok) return y;
    if (T.kind(y.t) != Kind::Bool && T.kind(y.t) != Kind::UntypedBool) return bad(e.y->pos, "invalid operation: mismatched types " + T.name(x.t) + " and " + T.name(y.t));
    move_into(y, d, t);
    patch(j, pc());
    V r;
    r.t = t;
    r.slot = d;
    return r;
  }

  V unary(const Expr& e) {
    if (e.op == Tok::And) return address_of(e);
    V x = expr(*e.x);
    if (!x.ok) return x;
    if (x.is_type) return bad(e.pos, "type is not an expression");
    if (x.isconst) {
      V r = x;
      switch (e.op) {
        case Tok::Add: if (x.cv.k != CVal::Int && x.cv.k != CVal::Float) return bad(e.pos, "invalid operation: operator + not defined"); return r;
        case Tok::Sub:
          if (x.cv.k == CVal::Int) r.cv.i = -x.cv.i;
          else if (x.cv.k == CVal::Float) r.cv.f = -x.cv.f;
          else return bad(e.pos, "invalid operation: operator - not defined on " + describe(x));
          if (!T.is_untyped(r.t) && r.cv.k == CVal::Int && !fits(r.cv.i, r.t, T)) return bad(e.pos, "constant " + i128_str(r.cv.i) + " overflows " + T.name(r.t));
          return r;
        case Tok::Not:
          if (x.cv.k != CVal::Bool) return bad(e.pos, "invalid operation: operator ! not defined on " + describe(x));
          r.cv.b = !x.cv.b;
          return r;
        case Tok::Xor:
          if (x.cv.k != CVal::Int) return bad(e.pos, "invalid operation: operator ^ not defined on " + describe(x));
          if (T.is_unsigned(x.t)) {
            int bits = int(T.u(x.t).size * 8);
            r.cv.i = ((i128(1) << bits) - 1) ^ x.cv.i;
          } else {
            r.cv.i = ~x.cv.i;
          }
          return r;
        default: return bad(e.pos, "invalid unary operation");
      }
    }
    TypeId t = x.t;
    V r;
    r.t = t;
    r.slot = temp(t);
    switch (e.op) {
      case Tok::Add:
        if (!T.is_numeric(t)) return bad(e.pos, "invalid operation: operator + not defined on " + describe(x));
        emit(OpMov, r.slot, x.slot);
        break;
      case Tok::Sub:
        if (T.kind(t) == Kind::Float64) emit(OpFNeg, r.slot, x.slot);
        else if (T.is_integer(t)) emit(OpNeg, r.slot, x.slot, 0, 0, uint16_t(T.int_kind(t)));
        else return bad(e.pos, "invalid operation: operator - not defined on " + describe(x));
        break;
      case Tok::Not:
        if (T.kind(t) != Kind::Bool) return bad(e.pos, "invalid operation: operator ! not defined on " + describe(x));
        emit(OpNot, r.slot, x.slot);
        break;
      case Tok::Xor:
        if (!T.is_integer(t)) return bad(e.pos, "invalid operation: operator ^ not defined on " + describe(x));
        emit(OpBitNot, r.slot, x.slot, 0, 0, uint16_t(T.int_kind(t)));
        break;
      default: return bad(e.pos, "invalid unary operation");
    }
    return r;
  }

  V address_of(const Expr& e) { return address_of_operand(*e.x, e.pos); }
  // address_of_operand compiles &x (pos: the & for errors).
  V address_of_operand(const Expr& operand, Pos pos) {
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
      if (en && en->k == Entity::Global && resolve_global(*en, x->pos) && T.is_aggregate(en->type)) {
        emit(OpGMat, en->slot, 0, 0, 0, uint16_t(en->type));
        V r;
        r.t = T.pointer(en->type);
        r.slot = temp(r.t);
        emit(OpGGet, r.slot, en->slot);
        return r;   // package variables are static data: no allocation
      }
    }
    return bad(pos, "taking the address of " + expr_str(*x) + " is not supported by the playground (only struct or array variables declared with var or :=, new(T) and &T{...})");
  }

  V star(const Expr& e) {
    V x = expr(*e.x);
    if (!x.ok) return x;
    if (x.is_type) {
      V r;
      r.is_type = true;
      r.t = T.pointer(x.t);
      return r;
    }
    return deref(x, e.pos);
  }
  // deref compiles *x of a compiled pointer x.
  V deref(const V& x, Pos pos) {
    if (T.kind(x.t) != Kind::Pointer) return bad(pos, "invalid operation: cannot indirect " + describe(x));
    if (x.isconst) return bad(pos, "invalid operation: cannot indirect nil");
    TypeId pt = T.u(x.t).elem;
    V r;
    r.t = pt;
    r.slot = temp(pt);
    emit(OpLoad, r.slot, x.slot, 0, 0, uint16_t(pt));
    return r;
  }

  V selector(const Expr& e) {
    if (e.x->kind == Expr::Ident && !lookup_local_or_pkg(e.x->name) && imports_.count(e.x->name)) {
      auto& im = imports_[e.x->name];
      im.used = true;
      if (im.name == "log") {
        static const std::pair<const char*, int> flags[] = {
            {"Ldate", 1}, {"Ltime", 2}, {"Lmicroseconds", 4}, {"Llongfile", 8}, {"Lshortfile", 16},
            {"LUTC", 32}, {"Lmsgprefix", 64}, {"LstdFlags", 3}};
        for (const auto& [flag, value] : flags)
          if (e.name == flag) return int_const(TypeTable::kUntypedInt, value);
      }
      if (im.name == "time") {
        static const std::pair<const char*, int64_t> units[] = {
            {"Nanosecond", 1}, {"Microsecond", 1'000}, {"Millisecond", 1'000'000}, {"Second", 1'000'000'000},
            {"Minute", 60'000'000'000}, {"Hour", 3'600'000'000'000}};
        for (const auto& [unit, ns] : units)
          if (e.name == unit) return int_const(prog_.duration_type, ns);
      }
      return bad(e.pos, e.x->name + "." + e.name + " is not supported here by the playground (only calls to the functions of fmt, log, maps, math/rand, runtime, runtime/debug, slices, sort, strconv, strings, time and unsafe, time's units and log's flags)");
    }
    V x = expr(*e.x);
    if (!x.ok) return x;
    if (x.is_type) return bad(e.pos, T.name(x.t) + "." + e.name + " undefined (method expressions are not supported)");
    bool x_is_ptr = false;
    if (method_of(x.t, e.name, x_is_ptr)) return bad(e.pos, "method values are not supported by the playground (call " + expr_str(e) + "(…) instead)");
    TypeId t = x.t;
    bool ptr = false;
    if (T.kind(t) == Kind::Pointer && T.kind(T.u(t).elem) == Kind::Struct) {
      t = T.u(t).elem;
      ptr = true;
    }
    if (T.kind(t) != Kind::Struct) return bad(e.pos, expr_str(e) + " undefined (type " + T.name(x.t) + " has no field or method " + e.name + ")");
    const Type& st = T.u(t);
    for (size_t i = 0; i < st.fields.size(); ++i) {
      if (st.fields[i].name != e.name) continue;
      TypeId ft = st.fields[i].type;
      V r;
      r.t = ft;
      r.slot = temp(ft);
      // a field read through a pointer comes from the heap; a pointer-free field carries
      // nothing that could escape
      if (!ptr && T[ft].ptrs) r.src = x.src;
      emit(OpFGet, r.slot, x.slot, int(i), 0, 0, ptr ? 1 : 0);
      return r;
    }
    return bad(e.pos, expr_str(e) + " undefined (type " + T.name(x.t) + " has no field or method " + e.name + ")");
  }
  bool lookup_local_or_pkg(const std::string& n) {
    for (size_t i = scopes_.size(); i-- > scope_floor_;)
      if (scopes_[i].count(n)) return true;
    return pkg_.count(n) > 0;
  }

  V index(const Expr& e) {
    V x = expr(*e.x);
    if (!x.ok) return x;
    if (x.is_type) return bad(e.pos, "generic types are not supported by the playground");
    TypeId t = x.t;
    Kind k = T.kind(t);
    bool ptr = false;
    if (k == Kind::Pointer && T.kind(T.u(t).elem) == Kind::Array) {
      ptr = true;
      t = T.u(t).elem;
      k = Kind::Array;
    }
    if (k == Kind::Map) {
      const Type& mt = T.u(t);
      V key = expr(*e.y);
      if (!assignable(key, mt.key, e.y->pos, "map index")) { key.ok = false; return key; }
      int ks = owned(key, mt.key);
      V r;
      r.t = mt.elem;
      r.slot = temp(mt.elem);
      emit(OpMGet, r.slot, materialize(x, t), ks);
      return r;
    }
    V i = expr(*e.y);
    if (!i.ok) return i;
    if (!T.is_integer(i.t) && !(i.isconst && i.cv.k == CVal::Float && i.cv.f == std::floor(i.cv.f))) return bad(e.y->pos, "invalid argument: index " + describe(i) + " must be integer");
    if (i.isconst) {
      if (i.cv.k == CVal::Float) { i.cv.k = CVal::Int; i.cv.i = i128(i.cv.f); }
      if (i.cv.i < 0) return bad(e.y->pos, "invalid argument: index " + i128_str(i.cv.i) + " (constant of type int) must not be negative");
      if (k == Kind::Array && i.cv.i >= T.u(t).len) return bad(e.y->pos, "invalid argument: index " + i128_str(i.cv.i) + " out of bounds [0:" + std::to_string(T.u(t).len) + "]");
      if (k == Kind::String && x.isconst && i.cv.i >= i128(x.cv.s.size())) return bad(e.y->pos, "invalid argument: index " + i128_str(i.cv.i) + " out of bounds [0:" + std::to_string(x.cv.s.size()) + "]");
    }
    int is = materialize(i, TypeTable::kInt);
    V r;
    switch (k) {
      case Kind::String: {
        int xs = materialize(x, TypeTable::kString);
        r.t = TypeTable::kUint8;
        r.slot = temp(r.t);
        emit(OpSIndex, r.slot, xs, is);
        return r;
      }
      case Kind::Slice:
        r.t = T.u(t).elem;
        r.slot = temp(r.t);
        emit(OpLGet, r.slot, materialize(x, t), is);
        return r;
      case Kind::Array:
        r.t = T.u(t).elem;
        r.slot = temp(r.t);
        if (!ptr && T[r.t].ptrs) r.src = x.src;
        emit(OpAGet, r.slot, x.slot, is, int32_t(T.u(t).len), 0, ptr ? 1 : 0);
        return r;
      default:
        return bad(e.pos, "invalid operation: cannot index " + describe(x));
    }
  }

  V slice_expr(const Expr& e) {
    V x = expr(*e.x);
    if (!x.ok) return x;
    TypeId t = x.t;
    Kind k = T.kind(t);
    int base = fresh_slots({TypeTable::kInt, TypeTable::kInt});
    uint8_t flags = 0;
    if (e.slice_lo) {
      V lo = expr(*e.y);
      if (!lo.ok) return lo;
      if (!assignable(lo, TypeTable::kInt, e.y->pos, "slice index") ) { lo.ok = false; return lo; }
      move_into(lo, base, TypeTable::kInt);
      flags |= 1;
    }
    if (e.slice_hi) {
      V hi = expr(*e.z);
      if (!hi.ok) return hi;
      if (!assignable(hi, TypeTable::kInt, e.z->pos, "slice index")) { hi.ok = false; return hi; }
      move_into(hi, base + 1, TypeTable::kInt);
      flags |= 2;
    }
    V r;
    if (k == Kind::String) {
      r.t = x.isconst ? TypeTable::kString : t;
      int xs = materialize(x, TypeTable::kString);
      r.slot = temp(r.t);
      emit(OpSSlice, r.slot, xs, base, 0, 0, flags);
      return r;
    }
    if (k == Kind::Slice) {
      r.t = t;
      r.slot = temp(t);
      r.src = x.src;
      emit(OpLSlice, r.slot, x.slot, base, 0, 0, flags);
      return r;
    }
    bool ptr = false;
    TypeId at = t;
    if (k == Kind::Pointer && T.kind(T.u(t).elem) == Kind::Array) {
      ptr = true;
      at = T.u(t).elem;
    } else if (k == Kind::Array) {
      // slicing an array variable: the slice shares the variable's storage
      int ref = lvalue_ref(*e.x);
      if (ref < 0) return bad(e.pos, "invalid operation: " + std::string("cannot slice unaddressable value"));
      x.slot = ref;
    } else {
      return bad(e.pos, "cannot slice " + describe(x));
    }
    r.t = T.slice(T.u(at).elem);
    r.slot = temp(r.t);
    r.src = x.src;
    emit(OpASlice, r.slot, x.slot, base, int32_t(T.u(at).len), uint16_t(T.u(at).elem), uint8_t(flags | (ptr ? 4 : 0)));
    return r;
  }

  // ---------------------------------------------------------------- composite literals
  V composite(const Expr& e, TypeId t, bool addr) {
    Kind k = T.kind(t);
    V r;
    r.t = addr ? T.pointer(t) : t;
    r.fresh = true;
    if (k == Kind::Struct || k == Kind::Array) {
      int s = temp(r.t);
      int node = -1;
      if (addr) {
        node = new_node();
        int pc0 = emit(OpNew, s, 0, 0, 0, uint16_t(t));
        int site = add_site_node(pc0, "&" + T.name(t) + "{...}", node, T[t].size > 65536);
        (void)site;
        r.src.push_back(node);
      } else {
        emit(OpLoadK, s, konst(0));
        if (!e.args.empty()) emit(OpObjMat, s, 0, 0, 0, uint16_t(t));
      }
      uint8_t pf = addr ? 1 : 0;
      const Type& ty = T.u(t);
      if (k == Kind::Struct) {
        bool keyed = !e.args.empty() && e.args[0]->kind == Expr::KeyValue;
        if (!keyed && !e.args.empty() && e.args.size() != ty.fields.size())
          return bad(e.pos, std::string(e.args.size() < ty.fields.size() ? "too few" : "too many") + " values in struct literal of type " + T.name(t));
        for (size_t i = 0; i < e.args.size(); ++i) {
          const Expr& el = *e.args[i];
          size_t fi = i;
          const Expr* ve = &el;
          if (keyed) {
            if (el.kind != Expr::KeyValue || el.x->kind != Expr::Ident) return bad(el.pos, "mixture of field:value and value elements in struct literal");
            fi = ty.fields.size();
            for (size_t f = 0; f < ty.fields.size(); ++f)
              if (ty.fields[f].name == el.x->name) fi = f;
            if (fi == ty.fields.size()) return bad(el.x->pos, "unknown field " + el.x->name + " in struct literal of type " + T.name(t));
            ve = el.y.get();
          } else if (el.kind == Expr::KeyValue) {
            return bad(el.pos, "mixture of field:value and value elements in struct literal");
          }
          size_t m = temp_mark();
          V v = element(*ve, ty.fields[fi].type);
          if (!v.ok) return v;
          int vs = owned(v, ty.fields[fi].type);
          if (addr) flow(v.src, node); else r.src.insert(r.src.end(), v.src.begin(), v.src.end());
          emit(OpFSet, s, vs, int(fi), 0, 0, pf);
          temp_release(m);
        }
      } else {
        int64_t idx = 0;
        for (const auto& elp : e.args) {
          const Expr* ve = elp.get();
          if (elp->kind == Expr::KeyValue) {
            V kv = expr(*elp->x);
            if (!kv.ok) return kv;
            if (!kv.isconst || kv.cv.k != CVal::Int || kv.cv.i < 0) return bad(elp->x->pos, "index must be non-negative integer constant");
            idx = int64_t(kv.cv.i);
            ve = elp->y.get();
          }
          if (idx >= ty.len) return bad(ve->pos, "index " + std::to_string(idx) + " out of bounds [0:" + std::to_string(ty.len) + "]");
          size_t m = temp_mark();
          V v = element(*ve, ty.elem);
          if (!v.ok) return v;
          int vs = owned(v, ty.elem);
          if (addr) flow(v.src, node); else r.src.insert(r.src.end(), v.src.begin(), v.src.end());
          int is = temp(TypeTable::kInt);
          emit(OpLoadK, is, konst(Word(idx)));
          emit(OpASet, s, is, vs, int32_t(ty.len), 0, pf);
          temp_release(m);
          ++idx;
        }
      }
      r.slot = s;
      return r;
    }
    if (addr) return bad(e.pos, "&" + T.name(t) + "{...}: taking the address of a slice or map literal is not supported by the playground");
    if (k == Kind::Slice) {
      const Type& ty = T.u(t);
      int64_t n = 0, idx = 0;
      for (const auto& elp : e.args) {
        if (elp->kind == Expr::KeyValue) {
          V kv = expr(*elp->x);
          if (!kv.ok) return kv;
          if (!kv.isconst || kv.cv.k != CVal::Int || kv.cv.i < 0) return bad(elp->x->pos, "index must be non-negative integer constant");
          idx = int64_t(kv.cv.i);
        }
        ++idx;
        n = std::max(n, idx);
      }
      int s = temp(t);
      int ls = temp(TypeTable::kInt);
      emit(OpLoadK, ls, konst(Word(n)));
      int node = new_node();
      int pc0 = emit(OpMakeSlice, s, ls, ls, 0, uint16_t(ty.elem));
      add_site_node(pc0, "[]" + T.name(ty.elem) + "{...}", node, uint64_t(n) * T.u(ty.elem).size > 65536);
      r.src.push_back(node);
      idx = 0;
      for (const auto& elp : e.args) {
        const Expr* ve = elp.get();
        if (elp->kind == Expr::KeyValue) {
          idx = int64_t(expr(*elp->x).cv.i);
          ve = elp->y.get();
        }
        size_t m = temp_mark();
        V v = element(*ve, ty.elem);
        if (!v.ok) return v;
        int vs = owned(v, ty.elem);
        flow(v.src, node);
        int is = temp(TypeTable::kInt);
        emit(OpLoadK, is, konst(Word(idx)));
        emit(OpLSet, s, is, vs);
        temp_release(m);
        ++idx;
      }
      r.slot = s;
      return r;
    }
    if (k == Kind::Map) {
      const Type& ty = T.u(t);
      int s = temp(t);
      int hs = temp(TypeTable::kInt);
      emit(OpLoadK, hs, konst(Word(e.args.size())));
      int node = new_node();
      int pc0 = emit(OpMakeMap, s, hs, 0, 0, uint16_t(t));
      add_site_node(pc0, "map literal " + T.name(t), node, false);
      r.src.push_back(node);
      for (const auto& elp : e.args) {
        if (elp->kind != Expr::KeyValue) return bad(elp->pos, "missing key in map literal");
        size_t m = temp_mark();
        V kv = element(*elp->x, ty.key);
        if (!kv.ok) return kv;
        int ks = owned(kv, ty.key);
        V v = element(*elp->y, ty.elem);
        if (!v.ok) return v;
        int vs = owned(v, ty.elem);
        sink(kv.src);
        sink(v.src);
        emit(OpMSet, s, ks, vs);
        temp_release(m);
      }
      r.slot = s;
      return r;
    }
    return bad(e.pos, "invalid composite literal type " + T.name(t));
  }

  // element compiles a composite literal element; `{...}` without a type takes elem_t.
  V element(const Expr& e, TypeId elem_t) {
    if (e.kind == Expr::CompositeLit && !e.type) {
      if (T.kind(elem_t) == Kind::Pointer) return composite(e, T.u(elem_t).elem, true);
      return composite(e, elem_t, false);
    }
    if (e.kind == Expr::Unary && e.op == Tok::And && e.x->kind == Expr::CompositeLit && !e.x->type && T.kind(elem_t) == Kind::Pointer)
      return composite(*e.x, T.u(elem_t).elem, true);
    V v = expr(e);
    if (!v.ok) return v;
    if (!assignable(v, elem_t, e.pos, "composite literal")) v.ok = false;
    return v;
  }

  int add_site(int pc0, const std::string& what, bool force_heap) {
    int node = new_node();
    add_site_node(pc0, what, node, force_heap);
    return node;
  }
  int add_site_node(int pc0, const std::string& what, int node, bool force_heap) {
    AllocSite s;
    s.func = F->fidx;
    s.pc = pc0;
    s.line = F->line;
    s.what = what;
    s.escapes = force_heap;
    prog_.allocs.push_back(s);
    site_nodes_.push_back(node);
    F->fn->code[size_t(pc0)].d = int(prog_.allocs.size()) - 1;
    return int(prog_.allocs.size()) - 1;
  }

  // lvalue_ref returns a slot holding the Obj of an addressable aggregate expression
  // (materialising zero aggregates), or -1 when the expression is not addressable.
  int lvalue_ref(const Expr& e) {
    const Expr* x = &e;
    while (x->kind == Expr::Paren) x = x->x.get();
    switch (x->kind) {
      case Expr::Ident: {
        Entity* en = lookup(x->name);
        if (!en) { fail(x->pos, "undefined: " + x->name); return -1; }
        if (en->k == Entity::Var) {
          en->used = true;
          if (en->box >= 0) return en->box;
          emit(OpObjMat, en->slot, 0, 0, 0, uint16_t(en->type));
          return en->slot;
        }
        if (en->k == Entity::Global) {
          if (!resolve_global(*en, x->pos)) return -1;
          emit(OpGMat, en->slot, 0, 0, 0, uint16_t(en->type));
          int s = temp(en->type);
          emit(OpGGet, s, en->slot);
          return s;
        }
        return -1;
      }
      case Expr::Selector: {
        V base;
        int bs = -1;
        bool ptr = false;
        TypeId bt;
        if (!aggregate_base(*x->x, bs, bt, ptr)) return -1;
        const Type& st = T.u(bt);
        if (st.kind != Kind::Struct) return -1;
        for (size_t i = 0; i < st.fields.size(); ++i)
          if (st.fields[i].name == x->name) {
            if (!T.is_aggregate(st.fields[i].type)) return -1;
            int s = temp(st.fields[i].type);
            emit(OpFRef, s, bs, int(i), 0, 0, ptr ? 1 : 0);
            return s;
          }
        return -1;
      }
      case Expr::Index: {
        int bs;
        TypeId bt;
        bool ptr = false;
        // slices: elements are addressable
        if (!aggregate_base(*x->x, bs, bt, ptr)) return -1;
        const Type& at = T.u(bt);
        V i = expr(*x->y);
        if (!i.ok) return -1;
        int is = materialize(i, TypeTable::kInt);
        if (at.kind == Kind::Array) {
          if (!T.is_aggregate(at.elem)) return -1;
          int s = temp(at.elem);
          emit(OpARef, s, bs, is, int32_t(at.len), 0, ptr ? 1 : 0);
          return s;
        }
        if (at.kind == Kind::Slice) {
          if (!T.is_aggregate(at.elem)) return -1;
          int s = temp(at.elem);
          emit(OpLRef, s, bs, is);
          return s;
        }
        return -1;
      }
      case Expr::Star: {
        V p = expr(*x->x);
        if (!p.ok || T.kind(p.t) != Kind::Pointer) return -1;
        emit(OpNilChk, p.slot);
        return p.slot;
      }
      default:
        return -1;
    }
  }

  // aggregate_base evaluates the base of x.f / x[i] as an lvalue: a slot holding the Obj
  // (struct/array) or a pointer to it (ptr = true), or a slice.
  bool aggregate_base(const Expr& e, int& slot, TypeId& t, bool& ptr) {
    const Expr* x = &e;
    while (x->kind == Expr::Paren) x = x->x.get();
    // Determine the static type first without emitting code for pointers/slices.
    bool is_ident_var = false;
    if (x->kind == Expr::Ident) {
      Entity* en = lookup(x->name);
      is_ident_var = en && (en->k == Entity::Var || en->k == Entity::Global);
      if (is_ident_var && !T.is_aggregate(en->type)) {
        V v = expr(*x);
        if (!v.ok) return false;
        return base_from_value(v, slot, t, ptr, x->pos);
      }
    }
    if (x->kind == Expr::Ident || x->kind == Expr::Selector || x->kind == Expr::Index || x->kind == Expr::Star) {
      // aggregate-typed lvalue?
      if (x->kind == Expr::Ident && is_ident_var) {
        int s = lvalue_ref(*x);
        if (s < 0) return false;
        Entity* en = lookup(x->name);
        slot = s;
        t = en->type;
        ptr = false;
        return true;
      }
      // For selectors/index/star: compute the value; if it is a pointer or slice use it,
      // if it is an aggregate use its materialised reference.
      TypeId st;
      if (!static_type(*x, st)) return false;
      if (T.is_aggregate(st)) {
        int s = lvalue_ref(*x);
        if (s < 0) return fail(x->pos, "cannot assign to " + expr_str(*x) + " (neither addressable nor a map index expression)");
        slot = s;
        t = st;
        ptr = false;
        return true;
      }
      V v = expr(*x);
      if (!v.ok) return false;
      return base_from_value(v, slot, t, ptr, x->pos);
    }
    V v = expr(*x);
    if (!v.ok) return false;
    return base_from_value(v, slot, t, ptr, x->pos);
  }
  bool base_from_value(V& v, int& slot, TypeId& t, bool& ptr, Pos p) {
    Kind k = T.kind(v.t);
    if (k == Kind::Pointer && T.is_aggregate(T.u(v.t).elem)) {
      slot = materialize(v, v.t);
      t = T.u(v.t).elem;
      ptr = true;
      return true;
    }
    if (k == Kind::Slice || k == Kind::Map) {
      slot = materialize(v, v.t);
      t = v.t;
      ptr = false;
      return true;
    }
    return fail(p, "cannot assign to element of " + describe(v));
  }

  // static_type computes an expression's type without emitting code.
  bool static_type(const Expr& e, TypeId& out) {
    size_t ncode = F->fn->code.size();
    size_t nslots = size_t(F->fn->nslots);
    size_t mark = temp_mark();
    auto saved_free = F->free_temps;
    size_t nallocs = prog_.allocs.size(), nsites = site_nodes_.size(), nedges = edges_.size();
    size_t ncalls = calls_.size(), nsites_bi = prog_.calls.size();
    int nn = nnodes_;
    auto saved_used = snapshot_used();
    V v = expr(e);
    // roll back the speculative code
    F->fn->code.resize(ncode);
    F->fn->lines.resize(ncode);
    F->fn->stmt_start.resize(ncode);
    F->fn->loop_back.resize(ncode);
    temp_release(mark);
    F->free_temps = saved_free;
    F->fn->nslots = int(nslots);
    F->fn->slot_cat.resize(nslots);
    F->fn->slot_names.resize(nslots);
    F->fn->slot_types.resize(nslots);
    for (auto& fl : F->free_temps) fl.erase(std::remove_if(fl.begin(), fl.end(), [&](int s) { return size_t(s) >= nslots; }), fl.end());
    prog_.allocs.resize(nallocs);
    site_nodes_.resize(nsites);
    edges_.resize(nedges);
    calls_.resize(ncalls);
    prog_.calls.resize(nsites_bi);
    nnodes_ = nn;
    restore_used(saved_used);
    if (!v.ok) return false;
    out = v.t;
    return true;
  }
  std::vector<bool> snapshot_used() {
    std::vector<bool> u;
    for (auto& sc : scopes_)
      for (auto& kv : sc) u.push_back(kv.second.used);
    return u;
  }
  void restore_used(const std::vector<bool>& u) {
    size_t i = 0;
    for (auto& sc : scopes_)
      for (auto& kv : sc)
        if (i < u.size()) kv.second.used = u[i++] || kv.second.used;
  }
  static std::string expr_str(const Expr& e) {
    switch (e.kind) {
      case Expr::Ident: return e.name;
      case Expr::Selector: return expr_str(*e.x) + "." + e.name;
      case Expr::Index: return expr_str(*e.x) + "[" + expr_str(*e.y) + "]";
      case Expr::Star: return "*" + expr_str(*e.x);
      case Expr::Paren: return "(" + expr_str(*e.x) + ")";
      case Expr::IntLit: case Expr::FloatLit: case Expr::CharLit: return e.name;
      case Expr::StringLit: return "\"" + e.name + "\"";
      case Expr::Call: return expr_str(*e.x) + "(...)";
      default: return "expression";
    }
  }
  // ================================================================ [SECTION] calls and builtins
  // call compiles f(args); stmt: the call is an expression statement (results dropped).
  V call(const Expr& e, bool stmt) {
    const Expr* f = e.x.get();
    while (f->kind == Expr::Paren) f = f->x.get();
    if (f->kind == Expr::Ident) {
      Entity* en = lookup(f->name);
      if (!en) return bad(f->pos, "undefined: " + f->name);
      if (en->k == Entity::Builtin) return builtin(e, en->bi, stmt);
      if (en->k == Entity::Func) return func_params_[size_t(en->slot)] ? expand_call(e, en->slot) : user_call(e, en->slot);
      if (en->k == Entity::Closure) {
        en->used = true;
        return closure_call(e, *closures_[size_t(en->slot)]);
      }
      if (en->k == Entity::Type) {
        if (!resolve_type_entity(*en)) { V v; v.ok = false; return v; }
        return conversion(e, en->type);
      }
      if (en->k == Entity::Var || en->k == Entity::Global) return bad(e.pos, "invalid operation: cannot call non-function " + f->name + " (variable of type " + T.name(en->type) + ")");
    }
    if (f->kind == Expr::Selector && f->x->kind == Expr::Ident && !lookup_local_or_pkg(f->x->name) && imports_.count(f->x->name))
      return pkg_call(e, imports_[f->x->name].name, f->name, f->x->name, stmt);
    if (f->kind == Expr::FuncLitE) {   // func(…){…}(…): expanded here
      ClosureDef here;
      here.lit = f->lit.get();
      here.name = "func literal";
      here.depth = scopes_.size();
      here.floor = scope_floor_;
      for (const auto& kv : scopes_.back()) here.names_then.insert(kv.first);
      return closure_call(e, here);
    }
    if (f->kind == Expr::Selector) {
      const Entity* xe = f->x->kind == Expr::Ident ? lookup(f->x->name) : nullptr;
      const bool x_is_value = f->x->kind != Expr::Ident || (xe && xe->k != Entity::Type && xe->k != Entity::Package);
      TypeId xt = 0;
      if (x_is_value && operand_type(*f->x, xt) && (xt == prog_.duration_type || xt == prog_.time_type))
        return time_method(e, *f, xt);
      const Entity* fe = nullptr;
      bool x_is_ptr = false;
      if (!find_method(*f, fe, x_is_ptr)) {
        V v;
        v.ok = false;
        return v;
      }
      if (fe) return method_call(e, *f, *fe, x_is_ptr);
      V field = selector(*f);   // names an undefined field or method
      if (!field.ok) return field;
    }
    if (f->kind == Expr::TypeE || f->kind == Expr::Star || f->kind == Expr::Selector) {
      if (f->kind == Expr::TypeE || f->kind == Expr::Star) {
        V tv = expr(*f);
        if (!tv.ok) return tv;
        if (tv.is_type) return conversion(e, tv.t);
      }
    }
    return bad(e.pos, "invalid operation: cannot call non-function " + expr_str(*f));
  }

  // find_method resolves x.M to a method of x's type T or *T (out = nullptr when x.M is not
  // a method call: a field, or nothing); false on an error in x.
  bool find_method(const Expr& sel, const Entity*& out, bool& x_is_ptr) {
    out = nullptr;
    if (sel.x->kind == Expr::Ident) {
      const Entity* xe = lookup(sel.x->name);
      if (!xe || xe->k == Entity::Type || xe->k == Entity::Package) return true;
    }
    TypeId xt;
    if (!operand_type(*sel.x, xt)) return false;
    out = method_of(xt, sel.name, x_is_ptr);
    return true;
  }
  // method_of finds method name of a value of type t (T or *T of a named type T here).
  const Entity* method_of(TypeId t, const std::string& name, bool& x_is_ptr) {
    x_is_ptr = T.kind(t) == Kind::Pointer && T[t].name.empty();
    const std::string& tname = T[x_is_ptr ? T.u(t).elem : t].name;
    if (tname.rfind("main.", 0) != 0) return nullptr;
    auto it = pkg_.find(tname.substr(5) + "." + name);
    return it != pkg_.end() && it->second.k == Entity::Func ? &it->second : nullptr;
  }
  // operand_type is static_type remembered per node: a chain x.A().B().C() asks for the type
  // of each receiver before compiling it, which must not make its compilation exponential.
  // (An expression's type does not depend on where it is compiled: a function literal is
  // expanded in the scopes it was written in.)
  bool operand_type(const Expr& x, TypeId& out) {
    auto it = operand_types_.find(&x);
    if (it != operand_types_.end()) {
      out = it->second;
      return true;
    }
    if (!static_type(x, out)) return false;
    operand_types_[&x] = out;
    return true;
  }

  // addressable: Go's addressable operands (variables, pointer indirections, slice
  // elements, fields and elements of addressable structs and arrays), not map elements,
  // calls or literals.
  bool addressable(const Expr& x) {
    switch (x.kind) {
      case Expr::Paren: return addressable(*x.x);
      case Expr::Ident: {
        const Entity* en = lookup(x.name);
        return en && (en->k == Entity::Var || en->k == Entity::Global);
      }
      case Expr::Star: return true;
      case Expr::Selector: {
        TypeId t = 0;
        return operand_type(*x.x, t) && (T.kind(t) == Kind::Pointer || addressable(*x.x));
      }
      case Expr::Index: {
        TypeId t = 0;
        if (!operand_type(*x.x, t)) return false;
        if (T.kind(t) == Kind::Slice || T.kind(t) == Kind::Pointer) return true;
        return T.kind(t) == Kind::Array && addressable(*x.x);
      }
      default: return false;
    }
  }

  // method_call compiles x.M(args) as the call M(recv, args), where recv is x, &x (pointer
  // receiver, addressable x) or *x (value receiver through a pointer), as Go's spec says.
  V method_call(const Expr& e, const Expr& sel, const Entity& method, bool x_is_ptr) {
    const FuncDecl& fd = file_.funcs[size_t(method.slot)];
    const bool ptr_recv = fd.params[0].type->kind == TypeExpr::Pointer;
    if (ptr_recv && !x_is_ptr && !addressable(*sel.x)) {
      TypeId xt = 0;
      operand_type(*sel.x, xt);
      std::string tn = T.name(xt);
      if (tn.rfind("main.", 0) == 0) tn = tn.substr(5);   // gc's spelling in errors
      return bad(sel.pos, "cannot call pointer method " + sel.name + " on " + tn);
    }
    const Receiver recv{sel.x.get(), ptr_recv == x_is_ptr ? Receiver::AsIs : ptr_recv ? Receiver::Address : Receiver::Deref};
    return user_call(e, method.slot, &recv);
  }

  bool declare_closure(const Expr& name, const Expr& lit) {
    if (name.name == "_") return true;
    if (scopes_.back().count(name.name)) return fail(name.pos, "no new variables on left side of :=");
    auto c = std::make_unique<ClosureDef>();
    c->lit = lit.lit.get();
    c->name = name.name;
    c->depth = scopes_.size();
    c->floor = scope_floor_;
    for (const auto& kv : scopes_.back()) c->names_then.insert(kv.first);
    Entity e;
    e.k = Entity::Closure;
    e.slot = int(closures_.size());
    e.name = name.name;
    e.pos = name.pos;
    closures_.push_back(std::move(c));
    scopes_.back()[name.name] = e;
    return true;
  }

  // closure_call expands a function literal's body at a call (see ClosureDef).
  V closure_call(const Expr& e, ClosureDef& c) {
    const FuncLit& lit = *c.lit;
    if (c.expanding) return bad(e.pos, "recursive calls of function literals are not supported by the playground");
    // Literals calling literals expand multiplicatively: bound the code, not the nesting.
    constexpr size_t kMaxFunctionCode = 1 << 18;
    if (F->fn->code.size() > kMaxFunctionCode)
      return bad(e.pos, "function literal calls expand to more code than the playground allows (" + std::to_string(kMaxFunctionCode) + " instructions in one function)");
    if (e.has_ellipsis) return bad(e.pos, "variadic calls are not supported by the playground");
    std::vector<TypeId> params, results;
    for (const Param& p : lit.params) {
      if (p.variadic) return bad(p.pos, "variadic functions are not supported by the playground");
      TypeId t;
      if (!type_of(*p.type, t)) { V v; v.ok = false; return v; }
      params.push_back(t);
    }
    for (const Param& p : lit.results) {
      TypeId t;
      if (!type_of(*p.type, t)) { V v; v.ok = false; return v; }
      results.push_back(t);
    }
    if (e.args.size() != params.size())
      return bad(e.pos, std::string(e.args.size() < params.size() ? "not enough" : "too many") + " arguments in call to " + c.name);
    // Arguments first, in the caller's scopes, each copied to a slot of its own.
    std::vector<V> args;
    for (size_t i = 0; i < e.args.size(); ++i) {
      V a = expr(*e.args[i]);
      if (!a.ok) return a;
      if (!assignable(a, params[i], e.args[i]->pos, ("argument to " + c.name).c_str())) { a.ok = false; return a; }
      args.push_back(argument_copy(a, params[i]));
    }
    Expansion x;
    x.inlined_copy = !c.passed;
    x.result_types = results;
    if (!results.empty()) x.results = fresh_slots(results);
    // The body sees the scopes it was written in: later and deeper declarations are hidden.
    std::vector<Scope> deeper(std::make_move_iterator(scopes_.begin() + std::ptrdiff_t(c.depth)),
                              std::make_move_iterator(scopes_.end()));
    scopes_.resize(c.depth);
    std::vector<Scope::node_type> later;
    for (auto it = scopes_.back().begin(); it != scopes_.back().end();) {
      auto next = std::next(it);
      if (!c.names_then.count(it->first)) later.push_back(scopes_.back().extract(it));
      it = next;
    }
    auto restore = [&] {
      for (auto& n : later) scopes_.back().insert(std::move(n));
      for (auto& sc : deeper) scopes_.push_back(std::move(sc));
    };
    const size_t saved_floor = scope_floor_;
    scope_floor_ = c.floor;
    push_scope();
    x.scope_base = scopes_.size() - 1;
    std::set<std::string> names;
    for (size_t i = 0; i < lit.params.size(); ++i) {
      const Param& p = lit.params[i];
      if (p.name.empty() || p.name == "_") continue;
      if (!names.insert(p.name).second) { scope_floor_ = saved_floor; restore(); return bad(p.pos, "duplicate argument " + p.name); }
      declare_init(p.name, params[i], p.pos, &args[i]);
      scopes_.back()[p.name].used = true;
    }
    declare_named_results(lit.results, results, x);
    auto saved_loops = std::move(F->loops);
    F->loops.clear();
    F->expansions.push_back(&x);
    c.expanding = true;
    bool ok = stmts(lit.body);
    c.expanding = false;
    F->expansions.pop_back();
    F->loops = std::move(saved_loops);
    if (ok && !results.empty() && !terminating(lit.body)) ok = fail(lit.end, "missing return");
    if (ok) ok = pop_scope();
    else scopes_.pop_back();
    scope_floor_ = saved_floor;
    restore();
    if (!ok) { V v; v.ok = false; return v; }
    return expansion_result(x);
  }

  // argument_copy is an argument of an expanded call in a slot of its own (the body may
  // assign to its parameter).
  V argument_copy(V& a, TypeId t) {
    V owned;
    owned.t = t;
    owned.slot = fresh_slots({t});
    owned.fresh = true;
    owned.src = a.src;
    move_into(a, owned.slot, t);
    return owned;
  }
  // declare_named_results declares an expanded body's named results (zeroed); a bare
  // return returns them.
  void declare_named_results(const std::vector<Param>& decl, const std::vector<TypeId>& types, Expansion& x) {
    if (decl.empty() || decl[0].name.empty()) return;
    for (size_t i = 0; i < decl.size(); ++i) {
      const Param& p = decl[i];
      int slot = declare_var(p.name, types[i], p.pos);
      emit(OpLoadK, slot, konst(0));
      x.named.push_back(slot);
      if (p.name == "_") continue;
      Entity& r = scopes_.back()[p.name];
      r.used = true;
      x.src.push_back(r.node);   // a named result is what a bare return returns
    }
  }
  // expansion_result ends an expansion: its returns jump here, its value is the result block.
  V expansion_result(const Expansion& x) {
    for (int j : x.jumps) patch(j, pc());
    V r;
    r.src = x.src;
    if (x.result_types.empty()) return r;
    r.t = x.result_types.size() == 1 ? x.result_types[0] : T.tuple(x.result_types);
    r.is_tuple = x.result_types.size() > 1;
    r.slot = x.results;
    r.fresh = true;
    return r;
  }

  // expand_call compiles a call of a function with a function-typed parameter by expanding
  // its body here, as a function literal's is: the body sees only its own scopes (a scope
  // floor hides the caller's), its function parameters are bound to the literal or function
  // passed, and a literal still expands in the caller's scopes when the body calls it. gc
  // keeps such a closure on the stack when the parameter is only called, so nothing is
  // allocated for it; a literal's captures are by reference, as in Go.
  V expand_call(const Expr& e, int fidx) {
    const FuncDecl& fd = file_.funcs[size_t(fidx)];
    const Function& fn = prog_.funcs[size_t(fidx)];
    if (expanding_fn_[size_t(fidx)])
      return bad(e.pos, "recursive calls of " + fd.name + " (a function with a function-typed parameter) are not supported by the playground");
    constexpr size_t kMaxFunctionCode = 1 << 18;
    if (F->fn->code.size() > kMaxFunctionCode)
      return bad(e.pos, "calls of functions with function-typed parameters expand to more code than the playground allows");
    if (e.has_ellipsis) return bad(e.pos, "variadic calls are not supported by the playground");
    if (e.args.size() != fd.params.size())
      return bad(e.pos, std::string(e.args.size() < fd.params.size() ? "not enough" : "too many") + " arguments in call to " + fd.name);
    // Arguments first, in the caller's scopes: values copied to slots of their own,
    // function arguments bound by name.
    std::vector<V> values(fd.params.size());
    std::vector<Entity> funcs(fd.params.size());
    for (size_t i = 0; i < fd.params.size(); ++i) {
      const Expr* a = e.args[i].get();
      while (a->kind == Expr::Paren) a = a->x.get();
      if (fd.params[i].type->kind == TypeExpr::Func) {
        Entity& f = funcs[i];
        if (a->kind == Expr::FuncLitE) {
          auto c = std::make_unique<ClosureDef>();
          c->lit = a->lit.get();
          c->name = fd.params[i].name;
          c->depth = scopes_.size();
          c->floor = scope_floor_;
          c->passed = true;
          for (const auto& kv : scopes_.back()) c->names_then.insert(kv.first);
          if (c->lit->params.size() != fd.params[i].type->fparams.size() || c->lit->results.size() != fd.params[i].type->fresults.size())
            return bad(a->pos, "cannot use this function literal as the " + fd.params[i].name + " argument of " + fd.name + ": its signature differs");
          f.k = Entity::Closure;
          f.slot = int(closures_.size());
          closures_.push_back(std::move(c));
        } else if (Entity* named = a->kind == Expr::Ident ? lookup(a->name) : nullptr;
                   named && (named->k == Entity::Closure || named->k == Entity::Func)) {
          named->used = true;
          f = *named;
        } else {
          return bad(a->pos, "the " + fd.params[i].name + " argument of " + fd.name + " must be a function literal or a function's name in the playground");
        }
        f.used = true;
        continue;
      }
      V v = expr(*e.args[i]);
      if (!v.ok) return v;
      if (!assignable(v, fn.param_types[i], e.args[i]->pos, ("argument to " + fd.name).c_str())) { v.ok = false; return v; }
      values[i] = argument_copy(v, fn.param_types[i]);
    }
    Expansion x;
    x.result_types = fn.result_types;
    if (!fn.result_types.empty()) x.results = fresh_slots(fn.result_types);
    const size_t saved_floor = scope_floor_;
    scope_floor_ = scopes_.size();
    push_scope();
    x.scope_base = scopes_.size() - 1;
    for (size_t i = 0; i < fd.params.size(); ++i) {
      const Param& p = fd.params[i];
      if (p.name.empty() || p.name == "_") continue;
      if (fd.params[i].type->kind == TypeExpr::Func) {
        funcs[i].name = p.name;
        funcs[i].pos = p.pos;
        scopes_.back()[p.name] = funcs[i];
      } else {
        declare_init(p.name, fn.param_types[i], p.pos, &values[i]);
        scopes_.back()[p.name].used = true;
      }
    }
    declare_named_results(fd.results, fn.result_types, x);
    auto saved_loops = std::move(F->loops);
    F->loops.clear();
    F->expansions.push_back(&x);
    expanding_fn_[size_t(fidx)] = 1;
    // the expanded body's &x names join the caller's while it compiles
    std::set<std::string> own;
    for (const auto& b : fd.body) addr_names_in(b.get(), own);
    std::vector<std::string> added;
    for (const std::string& n : own)
      if (F->addr_names.insert(n).second) added.push_back(n);
    bool ok = stmts(fd.body);
    for (const std::string& n : added) F->addr_names.erase(n);
    expanding_fn_[size_t(fidx)] = 0;
    F->expansions.pop_back();
    F->loops = std::move(saved_loops);
    if (ok && !fn.result_types.empty() && !terminating(fd.body)) ok = fail(fd.end, "missing return");
    if (ok) ok = pop_scope();
    else scopes_.pop_back();
    scope_floor_ = saved_floor;
    if (!ok) { V v; v.ok = false; return v; }
    return expansion_result(x);
  }

  // expansion_return: `return` in an expanded function literal fills the result block and
  // jumps to the end of the expansion.
  bool expansion_return(const Stmt& s, Expansion& x) {
    const size_t n = x.result_types.size();
    if (s.rhs.empty()) {
      if (n != 0 && x.named.empty()) return fail(s.pos, "not enough return values\n\thave ()\n\twant " + T.name(T.tuple(x.result_types)));
      for (size_t i = 0; i < x.named.size(); ++i) emit(OpMov, x.results + int(i), x.named[i]);
    } else {
      if (n == 0) return fail(s.rhs[0]->pos, "too many return values");
      if (s.rhs.size() != n && s.rhs.size() != 1) return fail(s.pos, std::string(s.rhs.size() < n ? "not enough" : "too many") + " return values");
      std::vector<V> vals;
      std::vector<Pos> pos;
      if (!rhs_values(s, n, vals, pos)) {
        if (!failed_) fail(s.pos, "wrong number of return values");
        return false;
      }
      for (size_t i = 0; i < n; ++i) {
        if (!assignable(vals[i], x.result_types[i], pos[i], "return statement")) return false;
        x.src.insert(x.src.end(), vals[i].src.begin(), vals[i].src.end());
        move_into(vals[i], x.results + int(i), x.result_types[i]);
      }
    }
    x.jumps.push_back(emit(OpJmp));
    return true;
  }

  // Receiver is a method call's receiver operand and how it is passed.
  struct Receiver {
    const Expr* x;
    enum Mode : uint8_t { AsIs, Address, Deref } mode;
  };
  V receiver_value(const Receiver& r) {
    if (r.mode == Receiver::Address) return address_of_operand(*r.x, r.x->pos);
    V x = expr(*r.x);
    if (!x.ok || r.mode == Receiver::AsIs) return x;
    return deref(x, r.x->pos);
  }

  // user_call compiles a call of funcs[fidx]; recv (a method call) is its first argument.
  V user_call(const Expr& e, int fidx, const Receiver* recv = nullptr) {
    const FuncDecl& fd = file_.funcs[size_t(fidx)];
    Function& callee = prog_.funcs[size_t(fidx)];
    if (e.has_ellipsis) return bad(e.pos, "variadic calls are not supported by the playground");
    const size_t first = recv ? 1 : 0;   // callee parameter of e.args[0]
    if (first + e.args.size() != callee.param_types.size()) {
      std::string which = first + e.args.size() < callee.param_types.size() ? "not enough" : "too many";
      return bad(e.pos, which + " arguments in call to " + fd.name);
    }
    size_t n = std::max(callee.param_types.size(), callee.result_types.size());
    std::vector<TypeId> st;
    for (size_t i = 0; i < n; ++i) st.push_back(i < callee.param_types.size() ? callee.param_types[i] : callee.result_types[i]);
    int base = fresh_slots(st);
    CallRec rec;
    rec.callee = fidx;
    rec.result = new_node();
    for (size_t i = 0; i < callee.param_types.size(); ++i) {
      size_t m = temp_mark();
      const Expr& ax = i < first ? *recv->x : *e.args[i - first];
      V a = i < first ? receiver_value(*recv) : expr(ax);
      if (!a.ok) return a;
      if (!assignable(a, callee.param_types[i], ax.pos, ("argument to " + fd.name).c_str())) { a.ok = false; return a; }
      flow(a.src, param_nodes_[size_t(fidx)][i]);
      rec.args.push_back(a.src);
      move_into(a, base + int(i), callee.param_types[i]);
      temp_release(m);
    }
    rec.caller = F->fidx;
    rec.pc = int(F->fn->code.size());
    emit(OpCall, fidx, base, int(callee.param_types.size()), int(callee.result_types.size()));
    V r;
    r.src.push_back(rec.result);
    calls_.push_back(std::move(rec));
    if (callee.result_types.empty()) {
      r.t = 0;
      return r;
    }
    if (callee.result_types.size() == 1) {
      TypeId rt = callee.result_types[0];
      r.t = rt;
      r.fresh = true;
      if (prog_.cat_of(rt) != F->fn->slot_cat[size_t(base)]) {
        r.slot = temp(rt);
        emit(OpMov, r.slot, base);
      } else {
        r.slot = base;
      }
      return r;
    }
    r.is_tuple = true;
    r.t = T.tuple(callee.result_types);
    r.slot = base;
    return r;
  }

  V conversion(const Expr& e, TypeId t) {
    if (e.args.size() != 1) return bad(e.pos, std::string(e.args.empty() ? "missing argument" : "too many arguments") + " in conversion to " + T.name(t));
    V x = expr(*e.args[0]);
    if (!x.ok) return x;
    if (x.is_type) return bad(e.args[0]->pos, T.name(x.t) + " (type) is not an expression");
    Kind to = T.kind(t), from = T.kind(x.t);
    if (x.isconst && x.t != TypeTable::kUntypedNil && (T.is_numeric(t) || to == Kind::String || to == Kind::Bool)) {
      if (T.is_integer(t) && x.cv.k == CVal::Float && !T.is_untyped(x.t)) {
        x.cv.k = CVal::Int;
        x.cv.i = i128(x.cv.f);
      }
      if (!convert_const(x, t, e.pos, true)) { x.ok = false; return x; }
      x.t = t;
      return x;
    }
    V r;
    r.t = t;
    if (x.isconst && x.t == TypeTable::kUntypedNil) {
      if (to == Kind::Map || to == Kind::Slice || to == Kind::Pointer) { r.isconst = true; r.t = t; return r; }
      return bad(e.pos, "cannot convert nil to type " + T.name(t));
    }
    if (x.isconst) {
      TypeId dt = T.default_type(x.t);
      if (!convert_const(x, dt, e.pos, false)) { x.ok = false; return x; }
      materialize(x, dt);
      from = T.kind(x.t);
    }
    if (T.under(x.t) == T.under(t)) {
      x.t = t;
      return x;
    }
    if (T.is_integer(t) && T.is_integer(x.t)) {
      r.slot = temp(t);
      emit(OpConv, r.slot, x.slot, 0, 0, uint16_t(T.int_kind(t)));
      return r;
    }
    if (to == Kind::Float64 && T.is_integer(x.t)) {
      r.slot = temp(t);
      emit(T.is_unsigned(x.t) ? OpU2F : OpI2F, r.slot, x.slot);
      return r;
    }
    if (T.is_integer(t) && from == Kind::Float64) {
      r.slot = temp(t);
      emit(OpF2I, r.slot, x.slot, 0, 0, uint16_t(T.int_kind(t)));
      return r;
    }
    if (to == Kind::String && T.is_integer(x.t)) {
      r.slot = temp(t);
      emit(OpStrOfRune, r.slot, x.slot);
      return r;
    }
    if (to == Kind::String && from == Kind::Slice && T.kind(T.u(x.t).elem) == Kind::Uint8) {
      r.slot = temp(t);
      int pc0 = emit(OpStrOfBytes, r.slot, x.slot);
      r.src.push_back(add_site(pc0, "string(bytes)", false));
      return r;
    }
    if (to == Kind::Slice && T.kind(T.u(t).elem) == Kind::Uint8 && from == Kind::String) {
      r.slot = temp(t);
      int pc0 = emit(OpBytesOfStr, r.slot, x.slot);
      r.src.push_back(add_site(pc0, "[]byte(string)", false));
      return r;
    }
    return bad(e.pos, "cannot convert " + describe(x) + " to type " + T.name(t));
  }

  // bi_call emits a builtin call with its arguments in consecutive fresh slots.
  V bi_call(Builtin fn, const std::vector<V*>& args, TypeId result, bool escape_args) {
    std::vector<TypeId> ts;
    CallSite cs;
    cs.fn = fn;
    cs.line = F->line;
    cs.result = result;
    for (V* a : args) {
      TypeId t = a->t;
      if (a->isconst && T.is_untyped(t)) t = T.default_type(t);
      if (t == TypeTable::kUntypedNil) t = TypeTable::kUntypedNil;
      ts.push_back(t);
      cs.arg_types.push_back(t);
      cs.arg_const.push_back(a->isconst);
    }
    int base = fresh_slots(ts);
    for (size_t i = 0; i < args.size(); ++i) {
      V& a = *args[i];
      if (a.isconst) {
        if (a.t != TypeTable::kUntypedNil && !convert_const(a, ts[i], Pos{}, false)) { V v; v.ok = false; return v; }
        emit(OpLoadK, base + int(i), konst(const_word(a.cv, ts[i])));
      } else if (a.slot != base + int(i)) {
        emit(OpMov, base + int(i), a.slot);
      }
      if (escape_args) sink(a.src);
    }
    int site = int(prog_.calls.size());
    prog_.calls.push_back(cs);
    V r;
    r.t = result;
    int dst = -1;
    if (result) {
      dst = temp(result);
      r.slot = dst;
    }
    emit(OpBi, dst, base, int(args.size()), site, uint16_t(fn));
    if (result && T.is_aggregate(result)) r.fresh = true;
    return r;
  }

  bool args_exprs(const Expr& e, std::vector<V>& out) {
    for (const auto& a : e.args) {
      V v = expr(*a);
      if (!v.ok) return false;
      if (v.is_type) return fail(a->pos, T.name(v.t) + " (type) is not an expression");
      if (v.is_tuple) return fail(a->pos, "multiple-value in single-value context");
      if (v.t == 0) return fail(a->pos, expr_str(*a) + " (no value) used as value");
      out.push_back(std::move(v));
    }
    return true;
  }

  V pkg_call(const Expr& e, const std::string& pkg, const std::string& name, const std::string& alias, bool stmt) {
    imports_[alias].used = true;
    std::string full = pkg + "." + name;
    (void)stmt;
    struct PF { const char* n; Builtin b; int kind; };   // kind 0: fmt-like print, 1: Sprint-like, 2: other
    static const PF fmts[] = {
        {"fmt.Print", Builtin::FmtPrint, 0}, {"fmt.Println", Builtin::FmtPrintln, 0}, {"fmt.Printf", Builtin::FmtPrintf, 0},
        {"fmt.Sprint", Builtin::FmtSprint, 1}, {"fmt.Sprintln", Builtin::FmtSprintln, 1}, {"fmt.Sprintf", Builtin::FmtSprintf, 1},
        {"log.Print", Builtin::LogPrint, 0}, {"log.Println", Builtin::LogPrintln, 0}, {"log.Printf", Builtin::LogPrintf, 0},
        {"log.Fatal", Builtin::LogFatal, 0}, {"log.Fatalln", Builtin::LogFatalln, 0}, {"log.Fatalf", Builtin::LogFatalf, 0},
    };
    for (const PF& pf : fmts) {
      if (full != pf.n) continue;
      if (e.has_ellipsis) return bad(e.pos, "passing a slice with ... to " + full + " is not supported by the playground");
      std::vector<V> args;
      if (!args_exprs(e, args)) { V v; v.ok = false; return v; }
      bool is_f = full.back() == 'f';
      if (is_f) {
        if (args.empty()) return bad(e.pos, "not enough arguments in call to " + full);
        if (T.kind(args[0].t) != Kind::String && T.kind(args[0].t) != Kind::UntypedString) return bad(e.args[0]->pos, "cannot use " + describe(args[0]) + " as string value in argument to " + full);
      }
      std::vector<V*> ps;
      for (auto& a : args) ps.push_back(&a);
      return bi_call(pf.b, ps, pf.kind == 1 ? TypeTable::kString : 0, true);
    }
    if (pkg == "unsafe") return unsafe_call(e, name);
    std::vector<V> args;
    if (!args_exprs_special(e, full, args)) { V v; v.ok = false; return v; }
    auto want = [&](size_t n) -> bool {
      if (args.size() != n) return fail(e.pos, std::string(args.size() < n ? "not enough" : "too many") + " arguments in call to " + full);
      return true;
    };
    std::vector<V*> ps;
    for (auto& a : args) ps.push_back(&a);
    if (full == "runtime.GC" || full == "runtime/debug.FreeOSMemory") {
      if (!want(0)) { V v; v.ok = false; return v; }
      return bi_call(full == "runtime.GC" ? Builtin::RuntimeGC : Builtin::FreeOSMemory, ps, 0, false);
    }
    if (full == "runtime.NumGoroutine") {
      if (!want(0)) { V v; v.ok = false; return v; }
      return bi_call(Builtin::NumGoroutine, ps, TypeTable::kInt, false);
    }
    if (full == "runtime.KeepAlive") {
      if (!want(1)) { V v; v.ok = false; return v; }
      if (!args[0].isconst) emit(OpUse, args[0].slot);
      V r;
      r.t = 0;
      return r;
    }
    if (full == "runtime.ReadMemStats") {
      if (!want(1)) { V v; v.ok = false; return v; }
      if (T.kind(args[0].t) != Kind::Pointer || T.u(args[0].t).elem != prog_.memstats_type)
        return bad(e.args[0]->pos, "cannot use " + describe(args[0]) + " as *runtime.MemStats value in argument to runtime.ReadMemStats");
      return bi_call(Builtin::ReadMemStats, ps, 0, false);
    }
    if (full == "runtime/debug.SetGCPercent") {
      if (!want(1)) { V v; v.ok = false; return v; }
      if (!assignable(args[0], TypeTable::kInt, e.args[0]->pos, "argument to debug.SetGCPercent")) { V v; v.ok = false; return v; }
      return bi_call(Builtin::SetGCPercent, ps, TypeTable::kInt, false);
    }
    if (full == "strconv.Itoa") {
      if (!want(1)) { V v; v.ok = false; return v; }
      if (!assignable(args[0], TypeTable::kInt, e.args[0]->pos, "argument to strconv.Itoa")) { V v; v.ok = false; return v; }
      V r = bi_call(Builtin::Itoa, ps, TypeTable::kString, false);
      return r;
    }
    if (full == "strconv.FormatInt") {
      if (!want(2)) { V v; v.ok = false; return v; }
      if (!assignable(args[0], TypeTable::kInt64, e.args[0]->pos, "argument to strconv.FormatInt") ||
          !assignable(args[1], TypeTable::kInt, e.args[1]->pos, "argument to strconv.FormatInt")) { V v; v.ok = false; return v; }
      return bi_call(Builtin::FormatInt, ps, TypeTable::kString, false);
    }
    if (pkg == "time") return time_call(e, name, args);
    if (pkg == "log") {
      static const PkgFn fns[] = {{"SetFlags", Builtin::LogSetFlags, TypeTable::kInt, 0},
                                  {"SetPrefix", Builtin::LogSetPrefix, TypeTable::kString, 0},
                                  {"Flags", Builtin::LogFlags, 0, TypeTable::kInt}};
      for (const PkgFn& f : fns)
        if (name == f.name) return pkg_fn_call(e, "log.", f, args);
    }
    if (pkg == "math/rand") return rand_call(e, name, args);
    if (pkg == "maps") return maps_call(e, name, args);
    if (pkg == "sort" || pkg == "slices") return sort_call(e, pkg, name, args);
    if (full == "strings.Repeat") {
      if (!want(2)) { V v; v.ok = false; return v; }
      if (!assignable(args[0], TypeTable::kString, e.args[0]->pos, "argument to strings.Repeat") ||
          !assignable(args[1], TypeTable::kInt, e.args[1]->pos, "argument to strings.Repeat")) { V v; v.ok = false; return v; }
      return bi_call(Builtin::StringsRepeat, ps, TypeTable::kString, false);
    }
    return bad(e.pos, full + " is not supported by the playground");
  }

  // PkgFn is a package function or method the VM implements as a builtin: at most one
  // parameter besides a method's receiver.
  struct PkgFn { const char* name; Builtin b; TypeId param, result; };
  // pkg_fn_call checks the call's argument (args: the receiver first for a method, then the
  // compiled arguments) and emits the builtin.
  V pkg_fn_call(const Expr& e, const std::string& prefix, const PkgFn& f, std::vector<V>& args) {
    const std::string full = prefix + f.name;
    const size_t want = f.param ? 1 : 0;
    if (e.args.size() != want) return bad(e.pos, std::string(e.args.size() < want ? "not enough" : "too many") + " arguments in call to " + full);
    if (f.param && !assignable(args.back(), f.param, e.args[0]->pos, ("argument to " + full).c_str())) { V v; v.ok = false; return v; }
    std::vector<V*> ps;
    for (auto& a : args) ps.push_back(&a);
    return bi_call(f.b, ps, f.result, false);
  }

  // time_call: time.Now/Since/Sleep and the conversion time.Duration(x). The clock is the
  // simulator's (Interpreter::clock_ns_): it stands still but for time.Sleep, as on the Go
  // playground, so what a program prints does not depend on the machine.
  V time_call(const Expr& e, const std::string& name, std::vector<V>& args) {
    const TypeId dur = prog_.duration_type, tm = prog_.time_type;
    if (name == "Duration") {
      if (args.size() != 1) return bad(e.pos, std::string(args.empty() ? "missing argument" : "too many arguments") + " in conversion to time.Duration");
      return conversion(e, dur);
    }
    const PkgFn fns[] = {{"Now", Builtin::TimeNow, 0, tm}, {"Since", Builtin::TimeSince, tm, dur}, {"Sleep", Builtin::TimeSleep, dur, 0}};
    for (const PkgFn& f : fns)
      if (name == f.name) return pkg_fn_call(e, "time.", f, args);
    return bad(e.pos, "time." + name + " is not supported by the playground (time.Now, Since, Sleep, Duration and the units)");
  }

  // rand_call: math/rand's top-level functions. The generator is the simulator's, seeded from
  // the run's seed: the numbers differ from real Go's (whose global source is randomly
  // seeded since Go 1.20), what they cost does not.
  V rand_call(const Expr& e, const std::string& name, std::vector<V>& args) {
    static const PkgFn fns[] = {
        {"Int", Builtin::RandInt, 0, TypeTable::kInt}, {"Intn", Builtin::RandIntn, TypeTable::kInt, TypeTable::kInt},
        {"Int31", Builtin::RandInt31, 0, TypeTable::kInt32}, {"Int31n", Builtin::RandInt31n, TypeTable::kInt32, TypeTable::kInt32},
        {"Int63", Builtin::RandInt63, 0, TypeTable::kInt64}, {"Int63n", Builtin::RandInt63n, TypeTable::kInt64, TypeTable::kInt64},
        {"Uint32", Builtin::RandUint32, 0, TypeTable::kUint32}, {"Uint64", Builtin::RandUint64, 0, TypeTable::kUint64},
        {"Float64", Builtin::RandFloat64, 0, TypeTable::kFloat64}, {"Seed", Builtin::RandSeed, TypeTable::kInt64, 0}};
    for (const PkgFn& f : fns)
      if (name == f.name) return pkg_fn_call(e, "rand.", f, args);
    return bad(e.pos, "rand." + name + " is not supported by the playground (Int, Intn, Int31, Int31n, Int63, Int63n, Uint32, Uint64, Float64, Seed)");
  }

  // maps_call: maps.Clone and maps.Copy (Go 1.21). Both walk the source as the runtime does
  // (mapclone2 / a range loop); Clone's map comes from makemap inside the runtime, sized for
  // len(m), so it is on the heap and as small as a fresh copy: cloning shrinks a map that
  // deletes left large.
  V maps_call(const Expr& e, const std::string& name, std::vector<V>& args) {
    const bool clone = name == "Clone";
    if (!clone && name != "Copy") return bad(e.pos, "maps." + name + " is not supported by the playground (maps.Clone, maps.Copy)");
    const size_t want = clone ? 1 : 2;
    if (args.size() != want) return bad(e.pos, std::string(args.size() < want ? "not enough" : "too many") + " arguments in call to maps." + name);
    for (size_t i = 0; i < args.size(); ++i)
      if (T.kind(args[i].t) != Kind::Map) return bad(e.args[i]->pos, "in call to maps." + name + ", " + describe(args[i]) + " is not a map");
    const TypeId mt = args.back().t;
    if (!clone && (T.u(args[0].t).key != T.u(mt).key || T.u(args[0].t).elem != T.u(mt).elem))
      return bad(e.pos, "in call to maps.Copy, the maps' key and value types differ: " + T.name(args[0].t) + " and " + T.name(mt));
    const int src = materialize(args.back(), mt);
    V r;
    int dst;
    int jnil = -1;
    if (clone) {
      r.t = mt;
      r.slot = dst = temp(mt);
      emit(OpLoadK, dst, konst(0));
      jnil = emit(OpJf, 0, src);               // maps.Clone(nil) is nil
      const int hint = temp(TypeTable::kInt);
      emit(OpMLen, hint, src);
      const int node = new_node();
      const int pc0 = emit(OpMakeMap, dst, hint, 0, 0, uint16_t(mt));
      add_site_node(pc0, "maps.Clone", node, true);
      r.src.push_back(node);
    } else {
      dst = materialize(args[0], args[0].t);
      r.t = 0;
    }
    const TypeId kt = T.u(mt).key, vt = T.u(mt).elem;
    const int it = new_slot(TypeTable::kIter, ""), ks = new_slot(kt, ""), vs = new_slot(vt, "");
    Instr& walk = F->fn->code[size_t(emit(OpMIter, it, src))];
    walk.flags |= 1;                           // the runtime's own walk: no hiter
    const int top = pc();
    const int jdone = emit(OpMNext, it, ks, vs);
    V k, v;
    k.t = kt;
    k.slot = ks;
    v.t = vt;
    v.slot = vs;
    emit(OpMSet, dst, owned(k, kt), owned(v, vt));
    back_jump(top);
    F->fn->code[size_t(jdone)].d = pc();
    if (jnil >= 0) patch(jnil, pc());
    return r;
  }

  // sort_call: sort.Ints/Strings/Float64s (and their IsSorted checks) and slices.Sort /
  // slices.IsSorted on slices of integers, strings or float64s, sorted in place. Until Go
  // 1.22 sort.Ints(x) is sort.Sort(IntSlice(x)): the slice header is boxed into an interface
  // (24 B) and x's backing array escapes; from 1.22 it is slices.Sort: nothing escapes.
  V sort_call(const Expr& e, const std::string& pkg, const std::string& name, std::vector<V>& args) {
    struct S { const char* pkg; const char* name; Kind elem; bool check; };
    static const S fns[] = {
        {"sort", "Ints", Kind::Int, false}, {"sort", "Strings", Kind::String, false}, {"sort", "Float64s", Kind::Float64, false},
        {"sort", "IntsAreSorted", Kind::Int, true}, {"sort", "StringsAreSorted", Kind::String, true},
        {"sort", "Float64sAreSorted", Kind::Float64, true}, {"slices", "Sort", Kind::Invalid, false},
        {"slices", "IsSorted", Kind::Invalid, true}};
    for (const S& f : fns) {
      if (pkg != f.pkg || name != f.name) continue;
      const std::string full = pkg + "." + name;
      if (args.size() != 1) return bad(e.pos, std::string(args.empty() ? "not enough" : "too many") + " arguments in call to " + full);
      const TypeId st = args[0].t;
      const bool slice = T.kind(st) == Kind::Slice;
      const TypeId et = slice ? T.u(st).elem : 0;
      const bool ordered = slice && (T.is_integer(et) || T.kind(et) == Kind::String || T.kind(et) == Kind::Float64);
      if (f.elem != Kind::Invalid ? !(slice && T.kind(et) == f.elem) : !ordered)
        return bad(e.args[0]->pos, "cannot use " + describe(args[0]) + " as " +
                                       (f.elem == Kind::Int ? "[]int" : f.elem == Kind::String ? "[]string" : f.elem == Kind::Float64 ? "[]float64" : "a slice of an ordered type") +
                                       " value in argument to " + full);
      std::vector<V*> ps{&args[0]};
      if (f.check) return bi_call(Builtin::SliceIsSorted, ps, TypeTable::kBool, false);
      const bool boxed = pkg == "sort" && go_minor_ < 22;
      return bi_call(boxed ? Builtin::SortBoxed : Builtin::SortSlice, ps, 0, boxed);
    }
    return bad(e.pos, pkg + "." + name + " is not supported by the playground (sort.Ints, Strings, Float64s and their IsSorted checks; slices.Sort, IsSorted)");
  }

  // time_method compiles a method call on a time.Duration or time.Time value.
  V time_method(const Expr& e, const Expr& sel, TypeId xt) {
    const TypeId dur = prog_.duration_type, tm = prog_.time_type;
    using M = PkgFn;
    const M duration_methods[] = {
        {"Seconds", Builtin::DurSeconds, 0, TypeTable::kFloat64}, {"Minutes", Builtin::DurMinutes, 0, TypeTable::kFloat64},
        {"Hours", Builtin::DurHours, 0, TypeTable::kFloat64}, {"Milliseconds", Builtin::DurMilliseconds, 0, TypeTable::kInt64},
        {"Microseconds", Builtin::DurMicroseconds, 0, TypeTable::kInt64}, {"Nanoseconds", Builtin::DurNanoseconds, 0, TypeTable::kInt64},
        {"String", Builtin::DurString, 0, TypeTable::kString}};
    const M time_methods[] = {
        {"Sub", Builtin::TimeSub, tm, dur}, {"Add", Builtin::TimeAdd, dur, tm}, {"Before", Builtin::TimeBefore, tm, TypeTable::kBool},
        {"After", Builtin::TimeAfter, tm, TypeTable::kBool}, {"Equal", Builtin::TimeEqual, tm, TypeTable::kBool},
        {"Unix", Builtin::TimeUnix, 0, TypeTable::kInt64}, {"UnixMilli", Builtin::TimeUnixMilli, 0, TypeTable::kInt64},
        {"UnixNano", Builtin::TimeUnixNano, 0, TypeTable::kInt64}, {"String", Builtin::TimeString, 0, TypeTable::kString}};
    const bool is_dur = xt == dur;
    const std::string tname = is_dur ? "time.Duration" : "time.Time";
    for (const M& m : is_dur ? std::span<const M>(duration_methods) : std::span<const M>(time_methods)) {
      if (sel.name != m.name) continue;
      std::vector<V> args;
      V recv = expr(*sel.x);
      if (!recv.ok) return recv;
      args.push_back(std::move(recv));
      if (!args_exprs(e, args)) { V v; v.ok = false; return v; }
      return pkg_fn_call(e, "(" + tname + ").", m, args);
    }
    std::string have;
    for (const M& m : is_dur ? std::span<const M>(duration_methods) : std::span<const M>(time_methods))
      have += std::string(have.empty() ? "" : ", ") + m.name;
    return bad(sel.pos, expr_str(sel) + " undefined (" + tname + "." + sel.name + " is not supported by the playground; it has " + have + ")");
  }

  // unsafe_call: Sizeof, Alignof and Offsetof are constants of the operand's type (linux/amd64
  // layout); the operand is not evaluated, as the spec says.
  V unsafe_call(const Expr& e, const std::string& name) {
    if (name != "Sizeof" && name != "Alignof" && name != "Offsetof") return bad(e.pos, "unsafe." + name + " is not supported by the playground");
    if (e.args.size() != 1) return bad(e.pos, std::string(e.args.empty() ? "not enough" : "too many") + " arguments in call to unsafe." + name);
    const Expr& x = *e.args[0];
    uint64_t value = 0;
    if (name == "Offsetof") {
      if (x.kind != Expr::Selector) return bad(x.pos, "invalid argument: " + expr_str(x) + " is not a selector expression");
      TypeId st;
      if (!static_type(*x.x, st)) { V v; v.ok = false; return v; }
      if (T.kind(st) == Kind::Pointer) st = T.u(st).elem;
      bool found = false;
      if (T.kind(st) == Kind::Struct)
        for (const Field& f : T.u(st).fields)
          if (f.name == x.name) { value = f.offset; found = true; }
      if (!found) return bad(x.pos, expr_str(x) + " undefined (type " + T.name(st) + " has no field " + x.name + ")");
    } else {
      TypeId t;
      if (!static_type(x, t)) { V v; v.ok = false; return v; }
      if (T.is_untyped(t)) t = T.default_type(t);
      value = name == "Sizeof" ? T[t].size : T[t].align;
    }
    return int_const(TypeTable::kUintptr, int64_t(value));
  }

  // int_const is a constant of type t (a package's constant, unsafe.Sizeof's answer).
  static V int_const(TypeId t, int64_t value) {
    V r;
    r.isconst = true;
    r.t = t;
    r.cv.k = CVal::Int;
    r.cv.i = i128(value);
    return r;
  }

  // args_exprs_special compiles arguments; &m of a MemStats variable is allowed for
  // runtime.ReadMemStats (the variable stays on the stack, as in Go).
  bool args_exprs_special(const Expr& e, const std::string& full, std::vector<V>& out) {
    for (const auto& a : e.args) {
      const Expr* x = a.get();
      if ((full == "runtime.ReadMemStats" || full == "runtime.KeepAlive") && x->kind == Expr::Unary && x->op == Tok::And &&
          x->x->kind != Expr::CompositeLit) {
        int ref = lvalue_ref(*x->x);
        if (ref < 0) return fail(x->pos, "cannot take the address of " + expr_str(*x->x));
        TypeId st;
        if (!static_type(*x->x, st)) return false;
        V v;
        v.t = T.pointer(st);
        v.slot = ref;
        if (prog_.cat_of(v.t) != F->fn->slot_cat[size_t(ref)]) return fail(x->pos, "cannot take the address of " + expr_str(*x->x));
        out.push_back(v);
        continue;
      }
      V v = expr(*x);
      if (!v.ok) return false;
      if (v.is_type) return fail(x->pos, T.name(v.t) + " (type) is not an expression");
      if (v.is_tuple) return fail(x->pos, "multiple-value in single-value context");
      if (v.t == 0) return fail(x->pos, expr_str(*x) + " (no value) used as value");
      out.push_back(std::move(v));
    }
    return true;
  }

  V builtin(const Expr& e, int id, bool stmt) {
    static const char* names[] = {"len", "cap", "make", "new", "append", "delete", "clear", "panic", "print", "println", "min", "max", "mapShape", "copy"};
    std::string name = names[id];
    if (e.has_ellipsis && id != UB_append) return bad(e.pos, "invalid use of ... with built-in " + name);
    auto nargs = [&](size_t lo, size_t hi) -> bool {
      if (e.args.size() < lo) return fail(e.pos, "not enough arguments for " + name + "(...) (expected " + std::to_string(lo) + ", found " + std::to_string(e.args.size()) + ")");
      if (e.args.size() > hi) return fail(e.pos, "too many arguments for " + name + "(...) (expected " + std::to_string(hi) + ", found " + std::to_string(e.args.size()) + ")");
      return true;
    };
    V r;
    switch (id) {
      case UB_len: case UB_cap: {
        if (!nargs(1, 1)) { r.ok = false; return r; }
        TypeId st;
        if (!static_type(*e.args[0], st)) { r.ok = false; return r; }
        Kind k = T.kind(st);
        if (k == Kind::Pointer && T.kind(T.u(st).elem) == Kind::Array) { st = T.u(st).elem; k = Kind::Array; }
        if (k == Kind::Array) {
          r.isconst = true;
          r.t = TypeTable::kInt;
          r.cv.k = CVal::Int;
          r.cv.i = T.u(st).len;
          return r;
        }
        V x = expr(*e.args[0]);
        if (!x.ok) return x;
        if (x.isconst && x.cv.k == CVal::Str && id == UB_len) {
          r.isconst = true;
          r.t = TypeTable::kInt;
          r.cv.k = CVal::Int;
          r.cv.i = i128(x.cv.s.size());
          return r;
        }
        r.t = TypeTable::kInt;
        r.slot = temp(r.t);
        if (id == UB_len && k == Kind::String) emit(OpSLen, r.slot, x.slot);
        else if (id == UB_len && k == Kind::Map) emit(OpMLen, r.slot, materialize(x, x.t));
        else if (k == Kind::Slice) emit(id == UB_len ? OpLLen : OpLCap, r.slot, materialize(x, x.t));
        else return bad(e.args[0]->pos, "invalid argument: " + describe(x) + " for built-in " + name);
        return r;
      }
      case UB_make: {
        if (e.args.empty()) return bad(e.pos, "not enough arguments for make() (expected 1, found 0)");
        V tv = expr(*e.args[0]);
        if (!tv.ok) return tv;
        if (!tv.is_type) return bad(e.args[0]->pos, expr_str(*e.args[0]) + " is not a type");
        TypeId t = tv.t;
        Kind k = T.kind(t);
        if (k == Kind::Map) {
          if (!nargs(1, 2)) { r.ok = false; return r; }
          int hs = -1;
          bool hint_const = true;
          int64_t hint = 0;
          if (e.args.size() == 2) {
            V h = expr(*e.args[1]);
            if (!h.ok) return h;
            if (!T.is_integer(h.t) && !(h.isconst && h.cv.k == CVal::Float)) return bad(e.args[1]->pos, "cannot convert " + describe(h) + " to type int");
            if (h.isconst) {
              if (!convert_const(h, TypeTable::kInt, e.args[1]->pos, false)) { r.ok = false; return r; }
              if (h.cv.i < 0) return bad(e.args[1]->pos, "invalid argument: index " + i128_str(h.cv.i) + " (constant of type int) must not be negative");
              hint = int64_t(h.cv.i);
            } else {
              hint_const = false;
            }
            hs = materialize(h, TypeTable::kInt);
          }
          (void)hint_const;
          (void)hint;
          r.t = t;
          r.slot = temp(t);
          int node = new_node();
          int pc0 = emit(OpMakeMap, r.slot, hs, 0, 0, uint16_t(t));
          add_site_node(pc0, "make(" + T.name(t) + ")", node, false);
          r.src.push_back(node);
          return r;
        }
        if (k == Kind::Slice) {
          if (!nargs(2, 3)) { r.ok = false; return r; }
          V n = expr(*e.args[1]);
          if (!n.ok) return n;
          if (!assignable(n, TypeTable::kInt, e.args[1]->pos, "make")) { r.ok = false; return r; }
          bool cst = n.isconst;
          int64_t nv = cst ? int64_t(n.cv.i) : 0;
          if (cst && nv < 0) return bad(e.args[1]->pos, "invalid argument: index " + std::to_string(nv) + " (constant of type int) must not be negative");
          int ns = materialize(n, TypeTable::kInt);
          int cs = ns;
          int64_t cv = nv;
          if (e.args.size() == 3) {
            V c = expr(*e.args[2]);
            if (!c.ok) return c;
            if (!assignable(c, TypeTable::kInt, e.args[2]->pos, "make")) { r.ok = false; return r; }
            if (c.isconst) {
              cv = int64_t(c.cv.i);
              if (cst && cv < nv) return bad(e.args[1]->pos, "invalid argument: length and capacity swapped");
            } else {
              cst = false;
            }
            cs = materialize(c, TypeTable::kInt);
          }
          r.t = t;
          r.slot = temp(t);
          int node = new_node();
          int pc0 = emit(OpMakeSlice, r.slot, ns, cs, 0, uint16_t(T.u(t).elem));
          uint64_t bytes = uint64_t(std::max<int64_t>(cv, 0)) * T.u(T.u(t).elem).size;
          add_site_node(pc0, "make(" + T.name(t) + ")", node, !cst || bytes > 65536);
          r.src.push_back(node);
          return r;
        }
        return bad(e.args[0]->pos, "invalid argument: cannot make " + T.name(t) + "; type must be slice, map, or channel");
      }
      case UB_new: {
        if (!nargs(1, 1)) { r.ok = false; return r; }
        V tv = expr(*e.args[0]);
        if (!tv.ok) return tv;
        if (!tv.is_type) return bad(e.args[0]->pos, expr_str(*e.args[0]) + " is not a type");
        r.t = T.pointer(tv.t);
        r.slot = temp(r.t);
        int node = new_node();
        int pc0 = emit(OpNew, r.slot, 0, 0, 0, uint16_t(tv.t));
        add_site_node(pc0, "new(" + T.name(tv.t) + ")", node, T[tv.t].size > 65536);
        r.src.push_back(node);
        return r;
      }
      case UB_append: {
        if (e.args.empty()) return bad(e.pos, "not enough arguments for append() (expected 1, found 0)");
        V s = expr(*e.args[0]);
        if (!s.ok) return s;
        if (s.isconst && s.t == TypeTable::kUntypedNil) return bad(e.args[0]->pos, "first argument to append must be a typed slice; have untyped nil");
        if (T.kind(s.t) != Kind::Slice) return bad(e.args[0]->pos, "invalid argument: " + describe(s) + " (first argument to append must be a slice)");
        TypeId et = T.u(s.t).elem;
        r.t = s.t;
        r.src = s.src;
        if (e.has_ellipsis) {
          if (e.args.size() != 2) return bad(e.pos, "can only use ... with final argument in list");
          V o = expr(*e.args[1]);
          if (!o.ok) return o;
          bool bytes_from_string = T.kind(et) == Kind::Uint8 && (T.kind(o.t) == Kind::String || T.kind(o.t) == Kind::UntypedString);
          if (!bytes_from_string && !assignable(o, s.t, e.args[1]->pos, "append")) { r.ok = false; return r; }
          int os = materialize(o, bytes_from_string ? TypeTable::kString : s.t);
          sink(o.src);
          r.slot = temp(s.t);
          emit(OpAppendS, r.slot, s.slot, os, 0, uint16_t(et), bytes_from_string ? 1 : 0);
          return r;
        }
        size_t n = e.args.size() - 1;
        if (n == 0) return s;
        std::vector<TypeId> ts(n, et);
        int base = fresh_slots(ts);
        for (size_t i = 0; i < n; ++i) {
          size_t m = temp_mark();
          V v = element(*e.args[i + 1], et);
          if (!v.ok) return v;
          sink(v.src);
          move_into(v, base + int(i), et);
          temp_release(m);
        }
        r.slot = temp(s.t);
        emit(OpAppend, r.slot, materialize(s, s.t), base, int(n), uint16_t(et));
        return r;
      }
      case UB_delete: {
        if (!nargs(2, 2)) { r.ok = false; return r; }
        V m = expr(*e.args[0]);
        if (!m.ok) return m;
        if (T.kind(m.t) != Kind::Map) return bad(e.args[0]->pos, "invalid argument: " + describe(m) + " is not a map");
        V k = expr(*e.args[1]);
        if (!assignable(k, T.u(m.t).key, e.args[1]->pos, "argument to delete")) { r.ok = false; return r; }
        int ks = owned(k, T.u(m.t).key);
        emit(OpMDel, materialize(m, m.t), ks);
        r.t = 0;
        return r;
      }
      case UB_clear: {
        if (!requires_go(e.pos, "clear", 21)) { r.ok = false; return r; }
        if (!nargs(1, 1)) { r.ok = false; return r; }
        V m = expr(*e.args[0]);
        if (!m.ok) return m;
        if (T.kind(m.t) != Kind::Map) return bad(e.args[0]->pos, "clear of a " + T.name(m.t) + " is not supported by the playground (maps only)");
        emit(OpMClear, materialize(m, m.t));
        r.t = 0;
        return r;
      }
      case UB_panic: {
        if (!nargs(1, 1)) { r.ok = false; return r; }
        std::vector<V> args;
        if (!args_exprs(e, args)) { r.ok = false; return r; }
        std::vector<V*> ps{&args[0]};
        return bi_call(Builtin::Panic, ps, 0, true);
      }
      case UB_print: case UB_println: {
        std::vector<V> args;
        if (!args_exprs(e, args)) { r.ok = false; return r; }
        std::vector<V*> ps;
        for (auto& a : args) ps.push_back(&a);
        return bi_call(id == UB_print ? Builtin::Print : Builtin::Println, ps, 0, false);
      }
      case UB_min: case UB_max: {
        if (!requires_go(e.pos, name, 21)) { r.ok = false; return r; }
        if (e.args.empty()) return bad(e.pos, "not enough arguments for " + name + "() (expected 1, found 0)");
        std::vector<V> args;
        if (!args_exprs(e, args)) { r.ok = false; return r; }
        bool all_const = true;
        TypeId t = 0;
        for (auto& a : args) {
          all_const = all_const && a.isconst;
          if (!a.isconst || !T.is_untyped(a.t)) t = a.t;
        }
        if (all_const) {
          V best = args[0];
          for (auto& a : args) {
            V c = fold(e.pos, e.pos, e.pos, Tok::Lss, a, best);
            if (!c.ok) return c;
            if ((id == UB_min) == c.cv.b) best = a;
          }
          return best;
        }
        for (auto& a : args) {
          if (!assignable(a, t, e.pos, ("argument to " + name).c_str())) { r.ok = false; return r; }
          if (!T.is_numeric(t) && T.kind(t) != Kind::String) return bad(e.pos, "invalid argument: " + describe(a) + " cannot be ordered");
        }
        std::vector<V*> ps;
        for (auto& a : args) ps.push_back(&a);
        return bi_call(id == UB_min ? Builtin::Min : Builtin::Max, ps, t, false);
      }
      case UB_mapShape: {
        if (!nargs(1, 1)) { r.ok = false; return r; }
        std::vector<V> args;
        if (!args_exprs(e, args)) { r.ok = false; return r; }
        if (T.kind(args[0].t) != Kind::Map) return bad(e.args[0]->pos, "mapShape needs a map, have " + describe(args[0]));
        std::vector<V*> ps{&args[0]};
        return bi_call(Builtin::MapShape, ps, TypeTable::kString, false);
      }
      case UB_copy: {
        if (!nargs(2, 2)) { r.ok = false; return r; }
        std::vector<V> args;
        if (!args_exprs(e, args)) { r.ok = false; return r; }
        if (T.kind(args[0].t) != Kind::Slice) return bad(e.args[0]->pos, "invalid argument: copy expects slice arguments; found " + describe(args[0]));
        TypeId et = T.u(args[0].t).elem;
        bool from_string = T.kind(et) == Kind::Uint8 && (T.kind(args[1].t) == Kind::String || T.kind(args[1].t) == Kind::UntypedString);
        if (!from_string && (T.kind(args[1].t) != Kind::Slice || T.u(args[1].t).elem != et))
          return bad(e.args[1]->pos, "invalid argument: arguments to copy " + describe(args[0]) + " and " + describe(args[1]) + " have different element types");
        if (T.is_aggregate(et)) return bad(e.pos, "copy of slices of structs or arrays is not supported by the playground");
        std::vector<V*> ps{&args[0], &args[1]};
        return bi_call(Builtin::Copy, ps, TypeTable::kInt, false);
      }
      default:
        (void)stmt;
        return bad(e.pos, name + " is not supported by the playground");
    }
  }
  // ================================================================ [SECTION] statements
  void push_scope() { scopes_.emplace_back(); }
  bool pop_scope() {
    Scope sc = std::move(scopes_.back());
    scopes_.pop_back();
    // gc reports unused variables in source order
    const Entity* first = nullptr;
    for (auto& kv : sc) {
      const Entity& e = kv.second;
      if ((e.k == Entity::Var || e.k == Entity::Closure) && !e.used && (!first || e.pos.line < first->pos.line || (e.pos.line == first->pos.line && e.pos.col < first->pos.col)))
        first = &e;
    }
    if (first) return fail(first->pos, "declared and not used: " + first->name);
    return true;
  }

  int declare_var(const std::string& name, TypeId t, Pos p) {
    int s = new_slot(t, name);
    if (name == "_") return s;
    Entity e;
    e.k = Entity::Var;
    e.type = t;
    e.slot = s;
    e.node = new_node();
    e.name = name;
    e.pos = p;
    scopes_.back()[name] = e;
    return s;
  }

  // declare_init declares a variable from a declaration (var / :=) and stores its first
  // value (v == nullptr: the zero value). A struct or array variable whose address is
  // taken somewhere in the function (&x) gets its own Obj at once — heap-allocated when
  // &x escapes ("moved to heap: x") — and later assignments copy into that Obj, so
  // pointers to it see them.
  void declare_init(const std::string& name, TypeId t, Pos p, V* v) {
    int slot = declare_var(name, t, p);
    Entity* en = name == "_" ? nullptr : &scopes_.back()[name];
    if (en && F->addr_names.count(name) && !T.is_aggregate(t)) {
      box_var(*en);
      if (v) store_boxed(*en, *v);
      return;
    }
    if (en && F->addr_names.count(name) && T.is_aggregate(t)) {
      en->addr_node = new_node();
      edges_.push_back(Edge{en->node, en->addr_node});   // what x holds escapes with &x
      int pc0 = emit(OpNew, slot, 0, 0, 0, uint16_t(t));
      add_site_node(pc0, "moved to heap: " + name, en->addr_node, T[t].size > 65536);
      if (v) {
        int vs = owned(*v, t);
        emit(OpStore, slot, vs);
        flow(v->src, en->node);
      }
      return;
    }
    if (v) {
      move_into(*v, slot, t);
      if (en) flow(v->src, en->node);
    } else {
      emit(OpLoadK, slot, konst(0));
    }
  }
  // box_var gives a scalar variable whose address is taken a box: new(T) at this point of
  // the code, heap-allocated when &x escapes (gc: "moved to heap: x"), the variable's value
  // read and written through it. Called where the variable comes into being (declaration,
  // function entry for a parameter, each iteration of a Go 1.22 loop).
  void box_var(Entity& en) {
    if (en.addr_node < 0) {
      en.addr_node = new_node();
      edges_.push_back(Edge{en.node, en.addr_node});   // what x holds escapes with &x
    }
    if (en.box < 0) en.box = new_slot(T.pointer(en.type), en.name);
    int pc0 = emit(OpNew, en.box, 0, 0, 0, uint16_t(en.type));
    add_site_node(pc0, "moved to heap: " + en.name, en.addr_node, T[en.type].size > 65536);
  }
  void store_boxed(Entity& en, V& v) {
    emit(OpStore, en.box, owned(v, en.type));
    flow(v.src, en.node);
  }

  // addr_names collects the names used as &name in a function body (scopes ignored: a
  // name counts for every variable that has it, which only costs an Obj per declaration).
  void addr_names_in(const Expr* e, std::set<std::string>& out) const {
    if (!e) return;
    if (e->kind == Expr::Unary && e->op == Tok::And) {
      const Expr* x = e->x.get();
      while (x && x->kind == Expr::Paren) x = x->x.get();
      if (x && x->kind == Expr::Ident) out.insert(x->name);
    }
    // x.M() where some M has a pointer receiver may mean (&x).M() (types are not known yet;
    // an aggregate marked so gets its own Obj, heap-allocated only if &x escapes)
    if (e->kind == Expr::Call && e->x && e->x->kind == Expr::Selector && e->x->x->kind == Expr::Ident &&
        ptr_method_names_.count(e->x->name))
      out.insert(e->x->x->name);
    addr_names_in(e->x.get(), out);
    addr_names_in(e->y.get(), out);
    addr_names_in(e->z.get(), out);
    for (const auto& a : e->args) addr_names_in(a.get(), out);
    if (e->kind == Expr::FuncLitE && e->lit)   // a literal's body expands into this function
      for (const auto& b : e->lit->body) addr_names_in(b.get(), out);
  }
  void addr_names_in(const Stmt* s, std::set<std::string>& out) const {
    if (!s) return;
    for (const auto& e : s->lhs) addr_names_in(e.get(), out);
    for (const auto& e : s->rhs) addr_names_in(e.get(), out);
    addr_names_in(s->cond.get(), out);
    addr_names_in(s->init.get(), out);
    addr_names_in(s->post.get(), out);
    addr_names_in(s->els.get(), out);
    for (const auto& b : s->body) addr_names_in(b.get(), out);
    for (const auto& c : s->cases) {
      for (const auto& e : c.exprs) addr_names_in(e.get(), out);
      for (const auto& b : c.body) addr_names_in(b.get(), out);
    }
  }

  bool stmts(const std::vector<StmtP>& body) {
    for (const auto& s : body)
      if (!stmt(*s)) return false;
    return true;
  }

  bool stmt(const Stmt& s) {
    if (failed_) return false;
    F->line = s.pos.line;
    stmt_flag_ = true;
    size_t m = temp_mark();
    bool ok = stmt_inner(s);
    temp_release(m);
    return ok && !failed_;
  }

  bool stmt_inner(const Stmt& s) {
    switch (s.kind) {
      case Stmt::Empty: return true;
      case Stmt::ExprS: {
        const Expr* x = s.lhs[0].get();
        while (x->kind == Expr::Paren) x = x->x.get();
        if (x->kind != Expr::Call) {
          V v = expr(*x);
          if (!v.ok) return false;
          return fail(s.pos, expr_str(*x) + " (" + (v.isconst ? "untyped constant" : "value of type " + T.name(v.t)) + ") is not used");
        }
        V v = call(*x, true);
        return v.ok;
      }
      case Stmt::Define: return define(s);
      case Stmt::Assign: return assign(s);
      case Stmt::OpAssign: return op_assign(s);
      case Stmt::IncDec: return inc_dec(s);
      case Stmt::VarDecl: return var_decl(s);
      case Stmt::ConstDecl: return const_decl(s);
      case Stmt::Block: {
        if (s.label == "decl") return stmts(s.body);
        push_scope();
        if (!stmts(s.body)) return false;
        return pop_scope();
      }
      case Stmt::If: return if_stmt(s);
      case Stmt::For: return for_stmt(s);
      case Stmt::Range: return range_stmt(s);
      case Stmt::Switch: return switch_stmt(s);
      case Stmt::Break: case Stmt::Continue: {
        bool brk = s.kind == Stmt::Break;
        for (size_t i = F->loops.size(); i-- > 0;) {
          LoopCtx& l = F->loops[i];
          if (!brk && l.is_switch) continue;
          int j = emit(OpJmp);
          (brk ? l.breaks : l.continues).push_back(j);
          return true;
        }
        return fail(s.pos, brk ? "break is not in a loop, switch, or select" : "continue is not in a loop");
      }
      case Stmt::Return: return return_stmt(s);
      case Stmt::Defer: return defer_stmt(s);
      default: return fail(s.pos, "statement not supported by the playground");
    }
  }

  // rhs_values evaluates the right side of an n-valued assignment: n expressions, one
  // call with n results, or a comma-ok map index.
  bool rhs_values(const Stmt& s, size_t n, std::vector<V>& out, std::vector<Pos>& pos) {
    if (s.rhs.size() == n) {
      for (const auto& r : s.rhs) {
        V v = expr(*r);
        if (!v.ok) return false;
        if (v.is_type) return fail(r->pos, T.name(v.t) + " (type) is not an expression");
        if (v.is_tuple) return fail(r->pos, "multiple-value " + expr_str(*r) + " (value of type " + T.name(v.t) + ") in single-value context");
        if (v.t == 0) return fail(r->pos, expr_str(*r) + " (no value) used as value");
        out.push_back(std::move(v));
        pos.push_back(r->pos);
      }
      return true;
    }
    if (s.rhs.size() == 1) {
      const Expr& r = *s.rhs[0];
      const Expr* x = &r;
      while (x->kind == Expr::Paren) x = x->x.get();
      if (n == 2 && x->kind == Expr::Index) {
        TypeId mt;
        if (!static_type(*x->x, mt)) return false;
        if (T.kind(mt) == Kind::Map) {
          V m = expr(*x->x);
          if (!m.ok) return false;
          const Type& ty = T.u(mt);
          V k = expr(*x->y);
          if (!assignable(k, ty.key, x->y->pos, "map index")) return false;
          int ks = owned(k, ty.key);
          int base = fresh_slots({ty.elem, TypeTable::kBool});
          emit(OpMGet, base, materialize(m, mt), ks, 0, 0, 1);
          V a, b;
          a.t = ty.elem;
          a.slot = base;
          b.t = TypeTable::kBool;
          b.slot = base + 1;
          out.push_back(a);
          out.push_back(b);
          pos.push_back(r.pos);
          pos.push_back(r.pos);
          return true;
        }
      }
      V v = expr(r);
      if (!v.ok) return false;
      if (v.is_tuple && T[v.t].fields.size() == n) {
        for (size_t i = 0; i < n; ++i) {
          V e;
          e.t = T[v.t].fields[i].type;
          e.fresh = true;
          e.src = v.src;
          if (prog_.cat_of(e.t) != F->fn->slot_cat[size_t(v.slot) + i]) {
            e.slot = temp(e.t);
            emit(OpMov, e.slot, v.slot + int(i));
          } else {
            e.slot = v.slot + int(i);
          }
          out.push_back(e);
          pos.push_back(r.pos);
        }
        return true;
      }
      if (v.is_tuple) return fail(s.pos, "assignment mismatch: " + std::to_string(n) + " variable" + (n > 1 ? "s" : "") + " but " + expr_str(r) + " returns " + std::to_string(T[v.t].fields.size()) + " value" + (T[v.t].fields.size() > 1 ? "s" : ""));
      return fail(s.pos, "assignment mismatch: " + std::to_string(n) + " variables but 1 value");
    }
    return fail(s.pos, "assignment mismatch: " + std::to_string(n) + " variable" + (n > 1 ? "s" : "") + " but " + std::to_string(s.rhs.size()) + " value" + (s.rhs.size() > 1 ? "s" : ""));
  }

  bool define(const Stmt& s) {
    for (const auto& l : s.lhs)
      if (l->kind != Expr::Ident) return fail(l->pos, "non-name " + expr_str(*l) + " on left side of :=");
    if (s.lhs.size() == 1 && s.rhs.size() == 1 && s.rhs[0]->kind == Expr::FuncLitE) return declare_closure(*s.lhs[0], *s.rhs[0]);
    std::vector<V> vals;
    std::vector<Pos> pos;
    if (!rhs_values(s, s.lhs.size(), vals, pos)) return false;
    bool any_new = false;
    std::set<std::string> seen;
    for (const auto& l : s.lhs) {
      if (l->name != "_" && !seen.insert(l->name).second) return fail(l->pos, l->name + " repeated on left side of :=");
      if (l->name != "_" && !scopes_.back().count(l->name)) any_new = true;
    }
    if (!any_new) return fail(s.pos, "no new variables on left side of :=");
    // Multi-value: evaluate everything first (owned copies), then bind.
    if (vals.size() > 1)
      for (size_t i = 0; i < vals.size(); ++i)
        if (!vals[i].isconst && T.is_aggregate(vals[i].t) && !vals[i].fresh) {
          int t = temp(vals[i].t);
          emit(OpCopy, t, vals[i].slot);
          vals[i].slot = t;
          vals[i].fresh = true;
        }
    for (size_t i = 0; i < s.lhs.size(); ++i) {
      const Expr& l = *s.lhs[i];
      V& v = vals[i];
      if (l.name == "_") {
        if (!v.ok) return false;
        continue;
      }
      auto it = scopes_.back().find(l.name);
      if (it != scopes_.back().end() && it->second.k == Entity::Var) {
        if (!assignable(v, it->second.type, pos[i])) return false;
        if (it->second.box >= 0) emit(OpStore, it->second.box, owned(v, it->second.type));
        else move_into(v, it->second.slot, it->second.type);
        flow(v.src, it->second.node);
        continue;
      }
      if (v.t == TypeTable::kUntypedNil) return fail(pos[i], "use of untyped nil in assignment");
      TypeId t = v.isconst ? T.default_type(v.t) : v.t;
      if (v.isconst && !convert_const(v, t, pos[i], false)) return false;
      declare_init(l.name, t, l.pos, &v);
    }
    return true;
  }

  bool assign(const Stmt& s) {
    std::vector<V> vals;
    std::vector<Pos> pos;
    if (!rhs_values(s, s.lhs.size(), vals, pos)) return false;
    if (vals.size() > 1)
      for (size_t i = 0; i < vals.size(); ++i) {
        // parallel assignment: snapshot every value before storing any
        if (vals[i].isconst) continue;
        TypeId t = vals[i].t;
        int tmp = temp(t);
        if (T.is_aggregate(t) && !vals[i].fresh) emit(OpCopy, tmp, vals[i].slot);
        else emit(OpMov, tmp, vals[i].slot);
        vals[i].slot = tmp;
        vals[i].fresh = true;
      }
    for (size_t i = 0; i < s.lhs.size(); ++i)
      if (!store(*s.lhs[i], vals[i], pos[i])) return false;
    return true;
  }

  // root_node is the escape node a store into e flows to: the local aggregate variable at
  // the bottom of e (x.f[i].g), or the heap (0) when a pointer, slice or map is crossed.
  int root_node(const Expr& e) {
    const Expr* x = &e;
    while (true) {
      while (x->kind == Expr::Paren) x = x->x.get();
      if (x->kind == Expr::Ident) {
        Entity* en = lookup(x->name);
        if (en && en->k == Entity::Var && T.is_aggregate(en->type)) return en->node;
        return 0;
      }
      if (x->kind == Expr::Selector || x->kind == Expr::Index) {
        TypeId bt;
        if (!static_type(*x->x, bt)) return 0;
        if (!T.is_aggregate(bt)) return 0;
        x = x->x.get();
        continue;
      }
      return 0;
    }
  }

  bool store(const Expr& lhs, V& v, Pos p) {
    const Expr* l = &lhs;
    while (l->kind == Expr::Paren) l = l->x.get();
    switch (l->kind) {
      case Expr::Ident: {
        if (l->name == "_") {
          if (v.t == TypeTable::kUntypedNil) return fail(p, "use of untyped nil in assignment");
          return true;
        }
        Entity* en = lookup(l->name);
        if (!en) return fail(l->pos, "undefined: " + l->name);
        if (en->k == Entity::Var) {
          if (!assignable(v, en->type, p)) return false;
          if (en->box >= 0) {
            emit(OpStore, en->box, owned(v, en->type));
          } else if (en->addr_node >= 0) {
            // &x is taken: copy into x's own Obj so pointers to x see the new value
            emit(OpStore, en->slot, owned(v, en->type));
          } else {
            move_into(v, en->slot, en->type);
          }
          flow(v.src, en->node);
          return true;
        }
        if (en->k == Entity::Global) {
          if (!resolve_global(*en, l->pos)) return false;
          if (!assignable(v, en->type, p)) return false;
          int s = owned(v, en->type);
          if (T.is_aggregate(en->type) && addr_globals_.count(en->name)) {
            // &g is taken somewhere: copy into g's Obj so pointers to g see the new value
            emit(OpGMat, en->slot, 0, 0, 0, uint16_t(en->type));
            int g = temp(en->type);
            emit(OpGGet, g, en->slot);
            emit(OpStore, g, s);
          } else {
            emit(OpGSet, en->slot, s);
          }
          sink(v.src);
          return true;
        }
        if (en && en->k == Entity::Closure)
          return fail(l->pos, "cannot assign to " + l->name + ": the playground supports function variables only as name := func(…) {…}, called by name");
        return fail(l->pos, "cannot assign to " + l->name + " (neither addressable nor a map index expression)");
      }
      case Expr::Index: {
        TypeId bt;
        if (!static_type(*l->x, bt)) return false;
        Kind k = T.kind(bt);
        if (k == Kind::Map) {
          V m = expr(*l->x);
          if (!m.ok) return false;
          const Type& ty = T.u(bt);
          V key = expr(*l->y);
          if (!assignable(key, ty.key, l->y->pos, "map index")) return false;
          int ks = owned(key, ty.key);
          if (!assignable(v, ty.elem, p)) return false;
          int vs = owned(v, ty.elem);
          sink(key.src);
          sink(v.src);
          emit(OpMSet, materialize(m, bt), ks, vs);
          return true;
        }
        if (k == Kind::String) return fail(l->pos, "cannot assign to " + expr_str(*l) + " (neither addressable nor a map index expression)");
        int node = root_node(*l);
        int bs;
        TypeId at;
        bool ptr = false;
        if (!aggregate_base(*l->x, bs, at, ptr)) return false;
        const Type& aty = T.u(at);
        V i = expr(*l->y);
        if (!i.ok) return false;
        if (!T.is_integer(i.t)) return fail(l->y->pos, "invalid argument: index " + describe(i) + " must be integer");
        if (i.isconst && (i.cv.i < 0 || (aty.kind == Kind::Array && i.cv.i >= aty.len)))
          return fail(l->y->pos, "invalid argument: index " + i128_str(i.cv.i) + " out of bounds [0:" + std::to_string(aty.len) + "]");
        int is = materialize(i, TypeTable::kInt);
        if (!assignable(v, aty.elem, p)) return false;
        int vs = owned(v, aty.elem);
        if (aty.kind == Kind::Array) {
          flow(v.src, node);
          emit(OpASet, bs, is, vs, int32_t(aty.len), 0, ptr ? 1 : 0);
        } else if (aty.kind == Kind::Slice) {
          sink(v.src);
          emit(OpLSet, bs, is, vs);
        } else {
          return fail(l->pos, "cannot assign to " + expr_str(*l));
        }
        return true;
      }
      case Expr::Selector: {
        if (l->x->kind == Expr::Ident && !lookup_local_or_pkg(l->x->name) && imports_.count(l->x->name))
          return fail(l->pos, "cannot assign to " + expr_str(*l));
        // m[k].f = v is not allowed in Go
        const Expr* b = l->x.get();
        while (b->kind == Expr::Paren) b = b->x.get();
        if (b->kind == Expr::Index) {
          TypeId mt;
          if (!static_type(*b->x, mt)) return false;
          if (T.kind(mt) == Kind::Map) return fail(l->pos, "cannot assign to struct field " + expr_str(*l) + " in map");
        }
        int node = root_node(*l);
        int bs;
        TypeId st;
        bool ptr = false;
        if (!aggregate_base(*l->x, bs, st, ptr)) return false;
        const Type& sty = T.u(st);
        if (sty.kind != Kind::Struct) return fail(l->pos, expr_str(*l) + " undefined (type " + T.name(st) + " has no field or method " + l->name + ")");
        for (size_t f = 0; f < sty.fields.size(); ++f) {
          if (sty.fields[f].name != l->name) continue;
          if (!assignable(v, sty.fields[f].type, p)) return false;
          int vs = owned(v, sty.fields[f].type);
          if (ptr) sink(v.src); else flow(v.src, node);
          emit(OpFSet, bs, vs, int(f), 0, 0, ptr ? 1 : 0);
          return true;
        }
        return fail(l->pos, expr_str(*l) + " undefined (type " + T.name(st) + " has no field or method " + l->name + ")");
      }
      case Expr::Star: {
        V ptr = expr(*l->x);
        if (!ptr.ok) return false;
        if (T.kind(ptr.t) != Kind::Pointer) return fail(l->pos, "invalid operation: cannot indirect " + describe(ptr));
        TypeId et = T.u(ptr.t).elem;
        if (!assignable(v, et, p)) return false;
        int vs = owned(v, et);
        sink(v.src);
        emit(OpStore, materialize(ptr, ptr.t), vs);
        return true;
      }
      default:
        return fail(l->pos, "cannot assign to " + expr_str(*l) + " (neither addressable nor a map index expression)");
    }
  }

  bool op_assign(const Stmt& s) {
    const Expr& l = *s.lhs[0];
    V cur = expr(l);
    if (!cur.ok) return false;
    V y = expr(*s.rhs[0]);
    if (!y.ok) return false;
    V r = binop_vals(s.pos, l.pos, s.rhs[0]->pos, s.op, std::move(cur), std::move(y));
    if (!r.ok) return false;
    return store(l, r, s.pos);
  }

  bool inc_dec(const Stmt& s) {
    const Expr& l = *s.lhs[0];
    if (l.kind == Expr::Ident) {
      Entity* en = lookup(l.name);
      if (en && en->k == Entity::Var && en->box < 0 && T.is_integer(en->type)) {
        emit(OpAddI, en->slot, en->slot, s.op == Tok::Inc ? 1 : -1, 0, uint16_t(T.int_kind(en->type)));
        return true;
      }
    }
    V cur = expr(l);
    if (!cur.ok) return false;
    if (!T.is_numeric(cur.t)) return fail(s.pos, "invalid operation: " + expr_str(l) + (s.op == Tok::Inc ? "++" : "--") + " (non-numeric type " + T.name(cur.t) + ")");
    V one;
    one.isconst = true;
    one.t = TypeTable::kUntypedInt;
    one.cv.k = CVal::Int;
    one.cv.i = 1;
    V r = binop_vals(s.pos, l.pos, s.pos, s.op == Tok::Inc ? Tok::Add : Tok::Sub, std::move(cur), std::move(one));
    if (!r.ok) return false;
    return store(l, r, s.pos);
  }

  bool var_decl(const Stmt& s) {
    if (!s.type && s.names.size() == 1 && s.rhs.size() == 1 && s.rhs[0]->kind == Expr::FuncLitE) {
      Expr name;
      name.kind = Expr::Ident;
      name.pos = s.name_pos[0];
      name.name = s.names[0];
      return declare_closure(name, *s.rhs[0]);
    }
    TypeId t = 0;
    if (s.type && !type_of(*s.type, t)) return false;
    std::vector<V> vals;
    std::vector<Pos> pos;
    if (!s.rhs.empty()) {
      if (!rhs_values(s, s.names.size(), vals, pos)) return false;
    }
    for (size_t i = 0; i < s.names.size(); ++i) {
      if (scopes_.back().count(s.names[i])) return fail(s.name_pos[i], s.names[i] + " redeclared in this block");
      TypeId vt = t;
      if (!vals.empty()) {
        V& v = vals[i];
        if (!vt) {
          if (v.t == TypeTable::kUntypedNil) return fail(pos[i], "use of untyped nil in variable declaration");
          vt = v.isconst ? T.default_type(v.t) : v.t;
        }
        if (!assignable(v, vt, pos[i], "variable declaration")) return false;
        declare_init(s.names[i], vt, s.name_pos[i], &v);
      } else {
        declare_init(s.names[i], vt, s.name_pos[i], nullptr);
      }
    }
    return true;
  }

  bool const_decl(const Stmt& s) {
    TypeId t = 0;
    if (s.type && !type_of(*s.type, t)) return false;
    if (s.rhs.size() != s.names.size()) return fail(s.pos, "missing init expr for const declaration");
    for (size_t i = 0; i < s.names.size(); ++i) {
      int saved = iota_;
      iota_ = 0;
      V v = expr(*s.rhs[i]);
      iota_ = saved;
      if (!v.ok) return false;
      if (!v.isconst) return fail(s.rhs[i]->pos, expr_str(*s.rhs[i]) + " (" + describe(v) + ") is not constant");
      if (t && !convert_const(v, t, s.rhs[i]->pos, false)) return false;
      Entity e;
      e.k = Entity::Const;
      e.type = v.t;
      e.cv = v.cv;
      e.name = s.names[i];
      e.pos = s.name_pos[i];
      if (s.names[i] != "_") scopes_.back()[s.names[i]] = e;
    }
    return true;
  }

  bool cond_jump_false(const Expr& c, int& jump_pc) { return cond_jump(c, jump_pc, false); }

  // cond_jump emits a branch taken when c is `when` (targets are patched by the caller).
  bool cond_jump(const Expr& c, int& jump_pc, bool when) {
    // fused compare-and-branch for `a < b` on signed integers (the hot loop condition)
    const Expr* x = &c;
    while (x->kind == Expr::Paren) x = x->x.get();
    if (x->kind == Expr::Binary && (x->op == Tok::Lss || x->op == Tok::Geq)) {
      TypeId lt, rt;
      if (static_type(*x->x, lt) && static_type(*x->y, rt) && T.is_integer(lt) && T.is_integer(rt) &&
          (lt == rt || T.is_untyped(lt) || T.is_untyped(rt)) && !(T.is_untyped(lt) && T.is_untyped(rt))) {
        TypeId t = T.is_untyped(lt) ? rt : lt;
        if (!T.is_unsigned(t)) {
          V a = expr(*x->x);
          V b = expr(*x->y);
          if (!a.ok || !b.ok) return false;
          if (!assignable(a, t, x->x->pos, "comparison") || !assignable(b, t, x->y->pos, "comparison")) return false;
          int as = materialize(a, t), bs = materialize(b, t);
          jump_pc = emit((x->op == Tok::Lss) != when ? OpJGeS : OpJLtS, 0, as, bs);
          return true;
        }
      }
    }
    V v = expr(c);
    if (!v.ok) return false;
    if (T.kind(v.t) != Kind::Bool && T.kind(v.t) != Kind::UntypedBool) return fail(c.pos, "non-boolean condition in " + std::string("if/for statement"));
    int s = materialize(v, TypeTable::kBool);
    jump_pc = emit(when ? OpJt : OpJf, 0, s);
    return true;
  }

  bool if_stmt(const Stmt& s) {
    push_scope();
    if (s.init && !stmt(*s.init)) return false;
    F->line = s.pos.line;
    size_t m = temp_mark();
    int jf;
    if (!cond_jump_false(*s.cond, jf)) return false;
    temp_release(m);
    push_scope();
    if (!stmts(s.body)) return false;
    if (!pop_scope()) return false;
    if (s.els) {
      int j = emit(OpJmp);
      patch(jf, pc());
      if (!stmt(*s.els)) return false;
      patch(j, pc());
    } else {
      patch(jf, pc());
    }
    return pop_scope();
  }

  void close_loop(int cont_target, int end_target) {
    LoopCtx l = std::move(F->loops.back());
    F->loops.pop_back();
    for (int j : l.breaks) patch(j, end_target);
    for (int j : l.continues) patch(j, cont_target);
  }
  int back_jump(int target) {
    int j = emit(OpJmp, target);
    F->fn->loop_back[size_t(j)] = 1;
    return j;
  }

  bool for_stmt(const Stmt& s) {
    push_scope();
    if (s.init && !stmt(*s.init)) return false;
    F->line = s.pos.line;
    // Loop inversion (as gc does): the condition sits at the bottom, so an iteration is
    // body, post, one compare-and-branch.
    //        jmp cond
    //   top: body
    //  cont: post
    //  cond: if cond goto top
    //   end:
    int jcond = -1;
    if (s.cond) {
      stmt_flag_ = true;
      jcond = emit(OpJmp);
    }
    int top = pc();
    F->loops.emplace_back();
    push_scope();
    if (!stmts(s.body)) return false;
    if (!pop_scope()) return false;
    int cont = pc();
    if (go_minor_ >= 22) {
      // Go 1.22: each iteration has its own copy of the loop variables, made before the
      // post statement; only a boxed one (its address taken) makes that visible.
      for (auto& [name, en] : scopes_.back()) {
        if (en.k != Entity::Var || en.box < 0) continue;
        const int value = temp(en.type);
        emit(OpLoad, value, en.box, 0, 0, uint16_t(en.type));
        box_var(en);
        emit(OpStore, en.box, value);
      }
    }
    if (s.post && !stmt(*s.post)) return false;
    F->line = s.pos.line;
    if (s.cond) {
      patch(jcond, pc());
      size_t m = temp_mark();
      stmt_flag_ = true;
      int jt;
      if (!cond_jump(*s.cond, jt, true)) return false;
      temp_release(m);
      patch(jt, top);
      F->fn->loop_back[size_t(jt)] = 1;
    } else {
      back_jump(top);
    }
    int end = pc();
    close_loop(cont, end);
    return pop_scope();
  }

  // is_range_delete recognises `for k := range m { delete(m, k) }` (walk/range.go).
  bool is_range_delete(const Stmt& s) {
    if (!s.range_define || s.lhs.size() != 1 || s.lhs[0]->kind != Expr::Ident || s.lhs[0]->name == "_") return false;
    if (s.body.size() != 1 || s.body[0]->kind != Stmt::ExprS) return false;
    const Expr& c = *s.body[0]->lhs[0];
    if (c.kind != Expr::Call || c.x->kind != Expr::Ident || c.x->name != "delete" || c.args.size() != 2 || c.has_ellipsis) return false;
    Entity* d = lookup("delete");
    if (!d || d->k != Entity::Builtin) return false;
    if (c.args[1]->kind != Expr::Ident || c.args[1]->name != s.lhs[0]->name) return false;
    // gc 1.19 does not see the idiom on a variable a function literal captured (measured:
    // the overflow buckets stay); Go 1.24's maps end the same either way.
    const Expr* m = s.cond.get();
    while (m->kind == Expr::Selector || m->kind == Expr::Paren) m = m->x.get();
    if (m->kind == Expr::Ident && captured(m->name)) return false;
    return same_expr(*c.args[0], *s.cond);
  }
  // captured: name is a local of the function around the literal being expanded, in a copy
  // gc inlines (a closure compiled on its own sees the idiom).
  bool captured(const std::string& name) const {
    if (F->expansions.empty() || !F->expansions.back()->inlined_copy) return false;
    for (size_t i = scopes_.size(); i-- > scope_floor_;)
      if (scopes_[i].count(name)) return i < F->expansions.back()->scope_base;
    return false;
  }
  static bool same_expr(const Expr& a, const Expr& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
      case Expr::Ident: return a.name == b.name;
      case Expr::Selector: return a.name == b.name && same_expr(*a.x, *b.x);
      case Expr::Paren: return same_expr(*a.x, *b.x);
      default: return false;
    }
  }

  bool range_stmt(const Stmt& s) {
    push_scope();
    F->line = s.pos.line;
    V x = expr(*s.cond);
    if (!x.ok) return false;
    TypeId t = x.t;
    Kind k = T.kind(t);
    if (x.isconst && T.is_untyped(t) && x.t != TypeTable::kUntypedNil) {
      t = T.default_type(t);
      if (!convert_const(x, t, s.cond->pos, false)) return false;
      k = T.kind(t);
    }
    if (x.is_type) return fail(s.cond->pos, T.name(t) + " (type) is not an expression");
    if (s.lhs.size() == 2 && k != Kind::Map && k != Kind::Slice && k != Kind::Array && k != Kind::String && !(k == Kind::Pointer && T.kind(T.u(t).elem) == Kind::Array))
      return fail(s.lhs[1]->pos, "range over " + describe(x) + " permits only one iteration variable");

    if (k == Kind::Map && is_range_delete(s)) {
      // mapclear: the compiler replaces the whole loop with one runtime call; flagged when
      // the function is inlined, where Go 1.19 keeps the loop (runtime::Profile)
      emit(OpMClear, materialize(x, t));
      if (size_t(F->fidx) < inlined_.size() && inlined_[size_t(F->fidx)]) F->fn->code.back().flags |= 2;
      return pop_scope();
    }
    // Bind the iteration variables: returns slots for key/value (or -1) and the stores.
    TypeId kt = 0, vt = 0;
    switch (k) {
      case Kind::Map: kt = T.u(t).key; vt = T.u(t).elem; break;
      case Kind::Slice: kt = TypeTable::kInt; vt = T.u(t).elem; break;
      case Kind::Array: kt = TypeTable::kInt; vt = T.u(t).elem; break;
      case Kind::Pointer: kt = TypeTable::kInt; vt = T.u(T.u(t).elem).elem; break;
      case Kind::String: kt = TypeTable::kInt; vt = TypeTable::kInt32; break;
      default:
        if (!T.is_integer(t)) return fail(s.cond->pos, "cannot range over " + describe(x));
        if (!requires_go(s.cond->pos, "range over an integer", 22)) return false;
        kt = t;
        break;
    }
    bool want_k = !s.lhs.empty() && !(s.lhs[0]->kind == Expr::Ident && s.lhs[0]->name == "_");
    bool want_v = s.lhs.size() == 2 && !(s.lhs[1]->kind == Expr::Ident && s.lhs[1]->name == "_");
    // hidden locals (permanent slots: they live across the body)
    int coll = new_slot(t, "");
    move_or_load(x, coll, t);
    int kslot = new_slot(kt, ""), vslot = vt ? new_slot(vt, "") : -1;
    // Iteration variables whose address is taken get boxes: before Go 1.22 one for the
    // whole loop (made here), from 1.22 a new one per iteration (made where it is declared).
    struct Hoisted { int box = -1, node = -1; };
    Hoisted hoisted[2];
    if (s.range_define && go_minor_ < 22) {
      for (size_t i = 0; i < s.lhs.size() && i < 2; ++i) {
        const Expr& l = *s.lhs[i];
        const TypeId ty = i == 0 ? kt : vt;
        if (l.kind != Expr::Ident || !F->addr_names.count(l.name) || !ty || T.is_aggregate(ty)) continue;
        hoisted[i].node = new_node();
        hoisted[i].box = new_slot(T.pointer(ty), l.name);
        int pc0 = emit(OpNew, hoisted[i].box, 0, 0, 0, uint16_t(ty));
        add_site_node(pc0, "moved to heap: " + l.name, hoisted[i].node, T[ty].size > 65536);
      }
    }
    int top, jdone = -1, idx = -1, lim = -1, width = -1;
    if (k == Kind::Map) {
      int it = new_slot(TypeTable::kIter, "");
      emit(OpMIter, it, coll);
      top = pc();
      stmt_flag_ = true;
      jdone = emit(OpMNext, it, kslot, want_v ? vslot : -1);
    } else {
      idx = new_slot(TypeTable::kInt, "");
      lim = new_slot(TypeTable::kInt, "");
      emit(OpLoadK, idx, konst(0));
      if (k == Kind::Slice) emit(OpLLen, lim, coll);
      else if (k == Kind::String) emit(OpSLen, lim, coll);
      else if (k == Kind::Array) emit(OpLoadK, lim, konst(Word(T.u(t).len)));
      else if (k == Kind::Pointer) {
        emit(OpNilChk, coll);
        emit(OpLoadK, lim, konst(Word(T.u(T.u(t).elem).len)));
      } else emit(OpMov, lim, coll);
      top = pc();
      stmt_flag_ = true;
      jdone = emit(OpJGeS, 0, idx, lim);
      emit(OpMov, kslot, idx);
      if (want_v) {
        if (k == Kind::Slice) emit(OpLGet, vslot, coll, idx);
        else if (k == Kind::Array) emit(OpAGet, vslot, coll, idx, int32_t(T.u(t).len));
        else if (k == Kind::Pointer) emit(OpAGet, vslot, coll, idx, int32_t(T.u(T.u(t).elem).len), 0, 1);
      }
      if (k == Kind::String) {
        width = new_slot(TypeTable::kInt, "");
        int pair = fresh_slots({TypeTable::kInt32, TypeTable::kInt});
        emit(OpDecodeRune, pair, coll, idx);
        emit(OpMov, vslot, pair);
        emit(OpMov, width, pair + 1);
      }
    }
    // assign or declare the iteration variables
    push_scope();
    for (size_t i = 0; i < s.lhs.size(); ++i) {
      bool is_k = i == 0;
      if (is_k ? !want_k : !want_v) continue;
      const Expr& l = *s.lhs[i];
      TypeId ty = is_k ? kt : vt;
      int src = is_k ? kslot : vslot;
      if (s.range_define) {
        if (l.kind != Expr::Ident) return fail(l.pos, "non-name " + expr_str(l) + " on left side of :=");
        int slot = declare_var(l.name, ty, l.pos);
        if (l.name != "_" && F->addr_names.count(l.name) && !T.is_aggregate(ty)) {
          Entity& en = scopes_.back()[l.name];
          if (hoisted[i].box >= 0) {
            en.box = hoisted[i].box;
            en.addr_node = hoisted[i].node;
            edges_.push_back(Edge{en.node, en.addr_node});
          } else {
            box_var(en);
          }
          emit(OpStore, en.box, src);
        } else if (T.is_aggregate(ty)) {
          emit(OpCopy, slot, src);
        } else {
          emit(OpMov, slot, src);
        }
      } else {
        V v;
        v.t = ty;
        v.slot = src;
        if (!store(l, v, l.pos)) return false;
      }
    }
    F->loops.emplace_back();
    if (!stmts(s.body)) return false;
    if (!pop_scope()) return false;
    int cont = pc();
    F->line = s.pos.line;
    if (k != Kind::Map) {
      if (k == Kind::String) emit(OpAdd, idx, idx, width, 0, uint16_t(IntKind::I64));
      else emit(OpAddI, idx, idx, 1, 0, uint16_t(IntKind::I64));
    }
    back_jump(top);
    int end = pc();
    if (k == Kind::Map) F->fn->code[size_t(jdone)].d = end;
    else patch(jdone, end);
    close_loop(cont, end);
    return pop_scope();
  }
  void move_or_load(V& x, int dst, TypeId t) {
    if (x.isconst) emit(OpLoadK, dst, konst(const_word(x.cv, t)));
    else emit(OpMov, dst, x.slot);
  }

  bool switch_stmt(const Stmt& s) {
    push_scope();
    if (s.init && !stmt(*s.init)) return false;
    F->line = s.pos.line;
    V tag;
    bool has_tag = s.cond != nullptr;
    int tag_slot = -1;
    TypeId tt = TypeTable::kBool;
    if (has_tag) {
      tag = expr(*s.cond);
      if (!tag.ok) return false;
      if (tag.is_tuple || tag.t == 0) return fail(s.cond->pos, "switch tag must be a single value");
      tt = tag.isconst ? T.default_type(tag.t) : tag.t;
      if (tag.isconst && !convert_const(tag, tt, s.cond->pos, false)) return false;
      tag_slot = new_slot(tt, "");
      move_or_load(tag, tag_slot, tt);
    }
    std::vector<std::vector<int>> to_body(s.cases.size());
    int default_case = -1;
    for (size_t c = 0; c < s.cases.size(); ++c) {
      const auto& cs = s.cases[c];
      if (cs.is_default) {
        if (default_case >= 0) return fail(cs.pos, "multiple defaults in switch");
        default_case = int(c);
        continue;
      }
      for (const auto& ce : cs.exprs) {
        size_t m = temp_mark();
        F->line = ce->pos.line;
        if (has_tag) {
          V cv = expr(*ce);
          if (!cv.ok) return false;
          V tv;
          tv.t = tt;
          tv.slot = tag_slot;
          V eq = binop_vals(ce->pos, s.cond->pos, ce->pos, Tok::Eql, tv, std::move(cv));
          if (!eq.ok) return false;
          int es = materialize(eq, TypeTable::kBool);
          to_body[c].push_back(emit(OpJt, 0, es));
        } else {
          V cv = expr(*ce);
          if (!cv.ok) return false;
          if (T.kind(cv.t) != Kind::Bool && T.kind(cv.t) != Kind::UntypedBool) return fail(ce->pos, "invalid case " + expr_str(*ce) + " in switch (mismatched types " + T.name(cv.t) + " and bool)");
          int es = materialize(cv, TypeTable::kBool);
          to_body[c].push_back(emit(OpJt, 0, es));
        }
        temp_release(m);
      }
    }
    int jdefault = emit(OpJmp);
    F->loops.emplace_back();
    F->loops.back().is_switch = true;
    std::vector<int> ends;
    for (size_t c = 0; c < s.cases.size(); ++c) {
      int start = pc();
      for (int j : to_body[c]) patch(j, start);
      if (int(c) == default_case) patch(jdefault, start);
      push_scope();
      if (!stmts(s.cases[c].body)) return false;
      if (!pop_scope()) return false;
      ends.push_back(emit(OpJmp));
    }
    int end = pc();
    if (default_case < 0) patch(jdefault, end);
    for (int j : ends) patch(j, end);
    close_loop(end, end);
    return pop_scope();
  }

  // defer_stmt: gc open-codes these defers (no allocation): the arguments are evaluated here
  // into hidden variables, and every exit compiled after this point runs the call. Only at a
  // function body's top level, so that each later exit has run the statement and the hidden
  // variables are in scope there.
  bool defer_stmt(const Stmt& s) {
    if (!F->expansions.empty() || scopes_.size() != F->body_depth)
      return fail(s.pos, "defer is supported by the playground only at the top level of a function body (not in a block, loop or function literal)");
    const Expr& call = *s.lhs[0];
    for (size_t i = 0; i < s.rhs.size(); ++i) {
      V v = expr(*s.rhs[i]);
      if (!v.ok) return false;
      if (v.is_type) return fail(s.rhs[i]->pos, T.name(v.t) + " (type) is not an expression");
      if (v.is_tuple || v.t == 0) return fail(s.rhs[i]->pos, expr_str(*s.rhs[i]) + " is not a single value");
      TypeId t = v.isconst ? T.default_type(v.t) : v.t;
      if (v.isconst && t != TypeTable::kUntypedNil && !convert_const(v, t, s.rhs[i]->pos, false)) return false;
      if (t == TypeTable::kUntypedNil) return fail(s.rhs[i]->pos, "use of untyped nil in a deferred call's arguments is not supported by the playground");
      const std::string& name = call.args[i]->name;
      declare_init(name, t, s.rhs[i]->pos, &v);
      scopes_.back()[name].used = true;
    }
    F->defers.push_back(&s);
    return true;
  }
  // run_defers compiles the deferred calls, last first, at an exit of the function.
  bool run_defers() {
    for (size_t i = F->defers.size(); i-- > 0;) {
      F->line = F->defers[i]->pos.line;
      stmt_flag_ = true;
      V v = call(*F->defers[i]->lhs[0], true);
      if (!v.ok) return false;
    }
    return true;
  }

  bool return_stmt(const Stmt& s) {
    if (!F->expansions.empty()) return expansion_return(s, *F->expansions.back());
    Function& fn = *F->fn;
    size_t n = fn.result_types.size();
    if (s.rhs.empty()) {
      if (n == 0 || !F->result_slots.empty()) {
        if (!run_defers()) return false;
        if (n == 0) emit(OpRet, 0, 0);
        else emit(OpRet, F->result_slots[0], int(n));
        return true;
      }
      return fail(s.pos, "not enough return values\n\thave ()\n\twant " + T.name(T.tuple(fn.result_types)));
    }
    if (n == 0) return fail(s.rhs[0]->pos, "too many return values");
    std::vector<V> vals;
    std::vector<Pos> pos;
    if (s.rhs.size() != n && s.rhs.size() != 1) return fail(s.pos, std::string(s.rhs.size() < n ? "not enough" : "too many") + " return values");
    if (!rhs_values(s, n, vals, pos)) {
      if (!failed_) fail(s.pos, "wrong number of return values");
      return false;
    }
    int base = fresh_slots(fn.result_types);
    for (size_t i = 0; i < n; ++i) {
      if (!assignable(vals[i], fn.result_types[i], pos[i], "return statement")) return false;
      flow(vals[i].src, ret_nodes_[size_t(F->fidx)]);
      move_into(vals[i], base + int(i), fn.result_types[i]);
    }
    if (!run_defers()) return false;
    emit(OpRet, base, int(n));
    return true;
  }

  // terminating is the spec's "terminating statement" check (missing return).
  bool terminating(const std::vector<StmtP>& body) {
    for (size_t i = body.size(); i-- > 0;) {
      if (body[i]->kind == Stmt::Empty) continue;
      return terminating(*body[i]);
    }
    return false;
  }
  bool terminating(const Stmt& s) {
    switch (s.kind) {
      case Stmt::Return: return true;
      case Stmt::ExprS: {
        const Expr& c = *s.lhs[0];
        if (c.kind != Expr::Call) return false;
        if (c.x->kind == Expr::Ident && c.x->name == "panic") return true;
        if (c.x->kind == Expr::Selector && c.x->x->kind == Expr::Ident && c.x->x->name == "log" && c.x->name.rfind("Fatal", 0) == 0) return true;
        return false;
      }
      case Stmt::Block: return terminating(s.body);
      case Stmt::If: return s.els && terminating(s.body) && terminating(*s.els);
      case Stmt::For: return !s.cond && !has_break(s.body);
      case Stmt::Switch: {
        bool def = false;
        for (const auto& c : s.cases) {
          def = def || c.is_default;
          if (!terminating(c.body) || has_break(c.body)) return false;
        }
        return def;
      }
      default: return false;
    }
  }
  bool has_break(const std::vector<StmtP>& body) {
    for (const auto& s : body) {
      switch (s->kind) {
        case Stmt::Break: return true;
        case Stmt::Block: if (has_break(s->body)) return true; break;
        case Stmt::If:
          if (has_break(s->body)) return true;
          if (s->els) {
            if (s->els->kind == Stmt::Block ? has_break(s->els->body) : has_break_if(*s->els)) return true;
          }
          break;
        default: break;   // nested for/switch/range own their breaks
      }
    }
    return false;
  }
  bool has_break_if(const Stmt& s) {
    if (has_break(s.body)) return true;
    if (s.els) return s.els->kind == Stmt::Block ? has_break(s.els->body) : has_break_if(*s.els);
    return false;
  }

  // ---------------------------------------------------------------- functions
  // method_signature checks a method's receiver (a named non-pointer type of this package,
  // no field of the same name) and names the function as Go's stack traces do.
  bool method_signature(const FuncDecl& fd, std::string& name) {
    const TypeExpr& rt = *fd.params[0].type;
    const bool ptr = rt.kind == TypeExpr::Pointer;
    const std::string tname = ptr ? rt.elem->name : rt.name;
    Entity* te = pkg_.count(tname) ? &pkg_[tname] : nullptr;
    if (!te || te->k != Entity::Type) return fail(fd.params[0].pos, "undefined: " + tname);
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

  bool signatures() {
    for (size_t i = 0; i < file_.funcs.size(); ++i) {
      const FuncDecl& fd = file_.funcs[i];
      Function fn;
      fn.name = "main." + fd.name;
      if (fd.has_recv && !method_signature(fd, fn.name)) return false;
      fn.line = fd.pos.line;
      fn.end_line = fd.end.line;
      std::vector<int> nodes;
      bool func_param = false;
      for (const Param& p : fd.params) {
        if (p.variadic) return fail(p.pos, "variadic functions are not supported by the playground");
        TypeId t;
        if (p.type->kind == TypeExpr::Func && !fd.has_recv) {
          // a function-typed parameter: the function is expanded at each call (expand_call)
          for (const Param& q : p.type->fparams)
            if (q.type->kind == TypeExpr::Func) return fail(q.pos, "function types inside function types are not supported by the playground");
          func_param = true;
          t = T.pointer(TypeTable::kUint8);   // the standalone body never runs: a placeholder
        } else if (!type_of(*p.type, t)) {
          return false;
        }
        fn.param_types.push_back(t);
        nodes.push_back(new_node());
      }
      func_params_.push_back(func_param);
      expanding_fn_.push_back(0);
      for (const Param& p : fd.results) {
        TypeId t;
        if (!type_of(*p.type, t)) return false;
        fn.result_types.push_back(t);
      }
      fn.nparams = int(fn.param_types.size());
      fn.nresults = int(fn.result_types.size());
      if (fd.name == "main" && !fd.has_recv && (fn.nparams || fn.nresults)) return fail(fd.pos, "func main must have no arguments and no return values");
      prog_.funcs.push_back(std::move(fn));
      param_nodes_.push_back(std::move(nodes));
      ret_nodes_.push_back(new_node());
    }
    return true;
  }

  bool function(int fidx) {
    const FuncDecl& fd = file_.funcs[size_t(fidx)];
    FnState st;
    st.fidx = fidx;
    st.fn = &prog_.funcs[size_t(fidx)];
    F = &st;
    F->line = fd.pos.line;
    if (func_params_[size_t(fidx)]) {
      // Every call expands the body (expand_call): the function's own code never runs.
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
    scopes_.clear();
    push_scope();
    std::set<std::string> names;
    for (size_t i = 0; i < fd.params.size(); ++i) {
      const Param& p = fd.params[i];
      int s = new_slot(st.fn->param_types[i], p.name);
      if (p.name.empty() || p.name == "_") continue;
      if (!names.insert(p.name).second) return fail(p.pos, "duplicate argument " + p.name);
      Entity e;
      e.k = Entity::Var;
      e.type = st.fn->param_types[i];
      e.slot = s;
      e.node = param_nodes_[size_t(fidx)][i];
      e.used = true;
      e.name = p.name;
      e.pos = p.pos;
      scopes_.back()[p.name] = e;
    }
    // &param: the parameter moves into a box at entry, as gc moves it to the heap (after
    // all parameters: their slots come first, in order)
    for (const Param& p : fd.params) {
      auto it = scopes_.back().find(p.name);
      if (it == scopes_.back().end() || !st.addr_names.count(p.name) || T.is_aggregate(it->second.type)) continue;
      stmt_flag_ = true;
      const int value_slot = it->second.slot;
      box_var(it->second);
      emit(OpStore, it->second.box, value_slot);
    }
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
        Entity e;
        e.k = Entity::Var;
        e.type = st.fn->result_types[i];
        e.slot = s;
        e.node = new_node();
        edges_.push_back(Edge{e.node, ret_nodes_[size_t(fidx)]});   // named results are returned
        e.used = true;
        e.name = p.name;
        e.pos = p.pos;
        scopes_.back()[p.name] = e;
      }
    }
    push_scope();
    st.body_depth = scopes_.size();
    if (!stmts(fd.body)) return false;
    F->line = fd.end.line;
    stmt_flag_ = true;
    if (st.fn->nresults == 0 && !run_defers()) return false;   // in the body's scope: the hidden arguments
    if (!pop_scope()) return false;
    if (st.fn->nresults == 0) {
      emit(OpRet, 0, 0);
    } else {
      if (!terminating(fd.body)) return fail(fd.end, "missing return");
      emit(OpRet, 0, 0);
    }
    if (!pop_scope()) return false;
    F = nullptr;
    return true;
  }

  // ---------------------------------------------------------------- initialisation order
  // Package variables are initialised in dependency order (the spec's "initialization
  // order"): a variable whose initialiser refers — directly or through the functions it
  // calls — to another, uninitialised variable waits for it; otherwise source order.
  // Names are matched without regard to shadowing (a local with a global's name counts).
  void names_in(const Expr* e, std::set<std::string>& out) const {
    if (!e) return;
    if (e->kind == Expr::Ident) out.insert(e->name);
    names_in(e->x.get(), out);
    names_in(e->y.get(), out);
    names_in(e->z.get(), out);
    for (const auto& a : e->args) names_in(a.get(), out);
  }
  void names_in(const Stmt* s, std::set<std::string>& out) const {
    if (!s) return;
    for (const auto& e : s->lhs) names_in(e.get(), out);
    for (const auto& e : s->rhs) names_in(e.get(), out);
    names_in(s->cond.get(), out);
    names_in(s->init.get(), out);
    names_in(s->post.get(), out);
    names_in(s->els.get(), out);
    for (const auto& b : s->body) names_in(b.get(), out);
    for (const auto& c : s->cases) {
      for (const auto& e : c.exprs) names_in(e.get(), out);
      for (const auto& b : c.body) names_in(b.get(), out);
    }
  }
  // globals_used: the package variables an initialiser depends on (through called functions).
  std::set<std::string> globals_used(const ValueSpec& vs) const {
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
  bool init_order(std::vector<const ValueSpec*>& order) {
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

  bool init_function() {
    Function fn;
    fn.name = "main.init";
    prog_.funcs.push_back(std::move(fn));
    param_nodes_.emplace_back();
    ret_nodes_.push_back(new_node());
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
          if (!gt) {
            if (v.t == TypeTable::kUntypedNil) return fail(pos[i], "use of untyped nil in variable declaration");
            gt = v.isconst ? T.default_type(v.t) : v.t;
          }
          if (!assignable(v, gt, pos[i], "variable declaration")) return false;
          en.type = gt;
          prog_.globals[size_t(en.slot)].type = gt;
          prog_.globals[size_t(en.slot)].cat = prog_.cat_of(gt);
          int s = owned(v, gt);
          emit(OpGSet, en.slot, s);
          sink(v.src);
        } else {
          en.type = gt;
          prog_.globals[size_t(en.slot)].type = gt;
          prog_.globals[size_t(en.slot)].cat = prog_.cat_of(gt);
        }
      }
      temp_release(m);
    }
    stmt_flag_ = true;
    emit(OpRet, 0, 0);
    F = nullptr;
    return true;
  }

  // ================================================================ [SECTION] escape analysis and liveness
  // escape marks the allocation sites that must live on the heap: those whose value can
  // reach the heap sink (globals, stores through pointers/slices/maps, fmt arguments,
  // escaping parameters) or the results of their own function. A parameter that only
  // flows to its function's results "leaks to result" (escape.go): at each call site the
  // argument then flows to the call's result instead of escaping outright.
  void escape() {
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
    for (int round = 0; round < 32; ++round) {
      bool changed = false;
      for (size_t f = 0; f < ret_nodes_.size(); ++f) {
        std::vector<uint8_t> r = reach(ret_nodes_[f]);
        for (const CallRec& c : calls_) {
          if (size_t(c.callee) != f) continue;
          for (size_t i = 0; i < c.args.size() && i < param_nodes_[f].size(); ++i) {
            if (!r[size_t(param_nodes_[f][i])]) continue;
            for (int src : c.args[i])
              if (added.insert({src, c.result}).second) {
                edges_.push_back(Edge{src, c.result});
                changed = true;
              }
          }
        }
      }
      if (!changed) break;
    }
    std::vector<uint8_t> esc = reach(0);
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
      s.escapes = s.escapes || esc[size_t(node)] || returned;
      if (s.escapes) prog_.funcs[size_t(s.func)].code[size_t(s.pc)].flags |= 1;
    }
    inline_results(returned_sites, esc, to_ret);
  }

  // inline_results decides the returned allocations of inlined functions per call site, as
  // gc's inlined copies do: on the heap where the call's result escapes in its caller (flows
  // to the heap or to the caller's own results). One compiled body serves every call, so a
  // function called both ways gets a second body whose returned sites are heap-allocated,
  // and the calls whose result escapes are pointed at it.
  void inline_results(const std::vector<std::vector<size_t>>& returned_sites, const std::vector<uint8_t>& esc,
                      const std::vector<std::vector<uint8_t>>& to_ret) {
    for (size_t f = 0; f < returned_sites.size(); ++f) {
      if (returned_sites[f].empty()) continue;
      std::vector<const CallRec*> heap_calls;
      bool stack_calls = false;
      for (const CallRec& c : calls_) {
        if (size_t(c.callee) != f) continue;
        const bool escapes = esc[size_t(c.result)] || to_ret[size_t(c.caller)][size_t(c.result)];
        if (escapes) heap_calls.push_back(&c);
        else stack_calls = true;
      }
      if (heap_calls.empty()) continue;   // every copy keeps them on the stack
      int body = int(f);
      if (stack_calls) {
        prog_.funcs.push_back(prog_.funcs[f]);   // the escaping calls' copy
        body = int(prog_.funcs.size()) - 1;
        for (const CallRec* c : heap_calls) prog_.funcs[size_t(c->caller)].code[size_t(c->pc)].a = body;
      } else {
        for (size_t i : returned_sites[f]) prog_.allocs[i].escapes = true;
      }
      for (size_t i : returned_sites[f]) prog_.funcs[size_t(body)].code[size_t(prog_.allocs[i].pc)].flags |= 1;
    }
  }

  // tiny_leaf says whether gc surely inlines fd, in Go 1.19 as in 1.24 (inlining budget 80;
  // a call of a function gc does not inline costs 57 and more): not //go:noinline, at most
  // kTinyStmts statements and kTinyNodes expression nodes, no switch, label or function
  // literal, and no call but make, new, len, cap and delete. gc inlines larger functions too; those
  // are treated as not inlined (compiler.h).
  static constexpr size_t kTinyStmts = 6;
  static constexpr int kTinyNodes = 40;
  static bool tiny_leaf(const FuncDecl& fd) {
    if (fd.noinline || !fd.has_body || fd.body.size() > kTinyStmts) return false;
    int nodes = 0;
    std::function<bool(const Expr*)> expr_ok = [&](const Expr* e) {
      if (!e) return true;
      if (++nodes > kTinyNodes || e->kind == Expr::FuncLitE) return false;
      if (e->kind == Expr::Call) {
        const Expr* f = e->x.get();
        if (!f || f->kind != Expr::Ident ||
            (f->name != "make" && f->name != "new" && f->name != "len" && f->name != "cap" && f->name != "delete"))
          return false;
      }
      for (const Expr* c : {e->x.get(), e->y.get(), e->z.get()})
        if (!expr_ok(c)) return false;
      for (const ExprP& a : e->args)
        if (!expr_ok(a.get())) return false;
      return true;
    };
    std::function<bool(const Stmt*)> stmt_ok = [&](const Stmt* st) {
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

  static void operands(const Instr& in, std::vector<int>& uses, std::vector<int>& defs) {
    uses.clear();
    defs.clear();
    switch (in.op) {
      case OpNop: case OpJmp: case OpGMat: break;
      case OpLoadK: case OpGGet: case OpNew: defs.push_back(in.a); break;
      case OpGSet: uses.push_back(in.b); break;
      case OpMov: case OpAddI: case OpNeg: case OpBitNot: case OpNot: case OpConv: case OpFNeg:
      case OpI2F: case OpU2F: case OpF2I: case OpSLen: case OpStrOfBytes: case OpBytesOfStr:
      case OpStrOfRune: case OpCopy: case OpFGet: case OpFRef: case OpLoad: case OpLLen:
      case OpLCap: case OpMLen: case OpMIter:
        defs.push_back(in.a);
        uses.push_back(in.b);
        break;
      case OpJt: case OpJf: uses.push_back(in.b); break;
      case OpJLtS: case OpJGeS: uses.push_back(in.b); uses.push_back(in.c); break;
      case OpSSlice: case OpLSlice: case OpASlice:
        defs.push_back(in.a);
        uses.push_back(in.b);
        if (in.flags & 1) uses.push_back(in.c);
        if (in.flags & 2) uses.push_back(in.c + 1);
        break;
      case OpDecodeRune: defs.push_back(in.a); defs.push_back(in.a + 1); uses.push_back(in.b); uses.push_back(in.c); break;
      case OpObjMat: case OpNilChk: case OpMClear: case OpUse: uses.push_back(in.a); break;
      case OpFSet: case OpStore: case OpMDel: uses.push_back(in.a); uses.push_back(in.b); break;
      case OpASet: case OpLSet: case OpMSet: uses.push_back(in.a); uses.push_back(in.b); uses.push_back(in.c); break;
      case OpMakeSlice: defs.push_back(in.a); uses.push_back(in.b); uses.push_back(in.c); break;
      case OpMakeMap: defs.push_back(in.a); if (in.b >= 0) uses.push_back(in.b); break;
      case OpMGet:
        defs.push_back(in.a);
        if (in.flags & 1) defs.push_back(in.a + 1);
        uses.push_back(in.b);
        uses.push_back(in.c);
        break;
      case OpAppend:
        defs.push_back(in.a);
        uses.push_back(in.b);
        for (int i = 0; i < in.d; ++i) uses.push_back(in.c + i);
        break;
      case OpMNext:
        uses.push_back(in.a);
        defs.push_back(in.b);
        if (in.c >= 0) defs.push_back(in.c);
        break;
      case OpCall:
        for (int i = 0; i < in.c; ++i) uses.push_back(in.b + i);
        for (int i = 0; i < in.d; ++i) defs.push_back(in.b + i);
        break;
      case OpRet: for (int i = 0; i < in.b; ++i) uses.push_back(in.a + i); break;
      case OpBi:
        for (int i = 0; i < in.c; ++i) uses.push_back(in.b + i);
        if (in.a >= 0) defs.push_back(in.a);
        break;
      default:   // three-address ops: R[a] = R[b] op R[c]
        defs.push_back(in.a);
        uses.push_back(in.b);
        uses.push_back(in.c);
        break;
    }
  }

  // fuse_map_loops marks bulk map loops, the hot part of every scenario, so the VM runs
  // them without a dispatch per instruction. The pattern (what for_stmt emits):
  //   top:  loadk/gget r,… …   (constants and globals the loop only reads)
  //         mset m,i,v          (or mdel m,i)
  //         addi i,i,1
  //         loadk/gget r,… …   (the condition's)
  //         jlts top,i,n        (the loop's back-edge)
  // Only the op changes, in place (d = instructions per iteration, k = distance to the
  // jlts): pcs, lines and stack maps stay valid.
  static void fuse_map_loops(Function& fn) {
    std::vector<Instr>& code = fn.code;
    for (size_t j = 2; j < code.size(); ++j) {
      const Instr& back = code[j];
      if (back.op != OpJLtS || !fn.loop_back[j] || back.a < 0 || size_t(back.a) >= j) continue;
      size_t w = j - 1;   // skip the condition's constant loads back to the addi
      while (w > size_t(back.a) && (code[w].op == OpLoadK || code[w].op == OpGGet)) --w;
      if (w < size_t(back.a) + 1) continue;
      const Instr& inc = code[w];
      Instr& work = code[w - 1];
      if (work.op != OpMSet && work.op != OpMDel) continue;
      const int32_t i = work.b, n = back.c;
      if (inc.op != OpAddI || inc.a != i || inc.b != i || inc.c != 1 || back.b != i) continue;
      if (IntKind(inc.k) != IntKind::I64) continue;   // int, int64: no wrap to model
      if (work.a == i || n == i || work.a == n) continue;
      // The loads (constants, globals: nothing in the loop changes them) may not write the
      // counter, and the body's loads and the condition's must use different registers: the
      // fused op re-runs neither, so each register must keep what its own load put there.
      std::vector<int32_t> body_regs, cond_regs;
      bool loads_ok = true;
      for (size_t p = size_t(back.a); p < j; ++p) {
        if (p == w - 1 || p == w) continue;
        loads_ok = loads_ok && (code[p].op == OpLoadK || code[p].op == OpGGet) && code[p].a != i;
        (p < w ? body_regs : cond_regs).push_back(code[p].a);
      }
      auto in = [](const std::vector<int32_t>& v, int32_t r) { return std::find(v.begin(), v.end(), r) != v.end(); };
      for (int32_t r : body_regs) loads_ok = loads_ok && r != n && !in(cond_regs, r);
      loads_ok = loads_ok && !in(cond_regs, work.a) && (work.op == OpMDel || !in(cond_regs, work.c));
      if (!loads_ok) continue;
      work.op = work.op == OpMSet ? OpMSetLoop : OpMDelLoop;
      work.d = int32_t(j + 1 - size_t(back.a));
      work.k = uint16_t(j - (w - 1));
    }
  }

  static void liveness(Function& fn) {
    size_t n = fn.code.size();
    std::vector<int> index(size_t(fn.nslots), -1);
    fn.ref_slots.clear();
    for (int s = 0; s < fn.nslots; ++s)
      if (fn.slot_cat[size_t(s)] != SlotCat::None) {
        index[size_t(s)] = int(fn.ref_slots.size());
        fn.ref_slots.push_back(s);
      }
    int W = int((fn.ref_slots.size() + 63) / 64);
    fn.live_words = W;
    fn.live.assign(n * size_t(W), 0);
    if (W == 0) return;
    std::vector<uint64_t> use(n * size_t(W), 0), def(n * size_t(W), 0);
    std::vector<int> u, d;
    auto setbit = [&](std::vector<uint64_t>& v, size_t pc, int slot) {
      if (slot < 0 || slot >= fn.nslots) return;
      int i = index[size_t(slot)];
      if (i < 0) return;
      v[pc * size_t(W) + size_t(i / 64)] |= uint64_t(1) << (i % 64);
    };
    for (size_t pc = 0; pc < n; ++pc) {
      operands(fn.code[pc], u, d);
      for (int s : u) setbit(use, pc, s);
      for (int s : d) setbit(def, pc, s);
    }
    std::vector<uint64_t> out(static_cast<size_t>(W));
    bool changed = true;
    int guard = 0;
    while (changed && guard++ < 10000) {
      changed = false;
      for (size_t pc = n; pc-- > 0;) {
        const Instr& in = fn.code[pc];
        std::fill(out.begin(), out.end(), 0);
        auto add_succ = [&](size_t s) {
          if (s >= n) return;
          for (int w = 0; w < W; ++w) out[size_t(w)] |= fn.live[s * size_t(W) + size_t(w)];
        };
        switch (in.op) {
          case OpRet: break;
          case OpJmp: add_succ(size_t(in.a)); break;
          case OpJt: case OpJf: case OpJLtS: case OpJGeS: add_succ(size_t(in.a)); add_succ(pc + 1); break;
          case OpMNext: add_succ(size_t(in.d)); add_succ(pc + 1); break;
          default: add_succ(pc + 1); break;
        }
        for (int w = 0; w < W; ++w) {
          size_t i = pc * size_t(W) + size_t(w);
          uint64_t nv = use[i] | (out[size_t(w)] & ~def[i]);
          if (nv != fn.live[i]) {
            fn.live[i] = nv;
            changed = true;
          }
        }
      }
    }
  }

 public:
  bool run_impl() {
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
    if (!signatures()) return false;
    for (const FuncDecl& fd : file_.funcs) inlined_.push_back(tiny_leaf(fd));
    for (const FuncDecl& fd : file_.funcs)
      for (const auto& b : fd.body) addr_names_in(b.get(), addr_globals_);
    for (const ValueSpec& vs : file_.values)
      for (const auto& v : vs.values) addr_names_in(v.get(), addr_globals_);
    for (auto& kv : pkg_)
      if (kv.second.k == Entity::Const && !resolve_const(kv.second)) return false;
    if (!init_function()) return false;
    for (size_t i = 0; i < file_.funcs.size(); ++i)
      if (!function(int(i))) return false;
    prog_.main_func = pkg_["main"].slot;
    for (auto& kv : imports_)
      if (!kv.second.used) return fail(import_pos_[kv.first], "\"" + kv.second.name + "\" imported and not used");
    escape();
    for (Function& fn : prog_.funcs) liveness(fn);
    for (Function& fn : prog_.funcs) fuse_map_loops(fn);
    return !failed_;
  }

  const File& file_;
  Program& prog_;
  Error& err_;
  TypeTable& T;
  bool failed_ = false;
  bool stmt_flag_ = false;
  Scope universe_, pkg_;
  std::map<std::string, Entity> imports_;
  std::set<std::string> ptr_method_names_;     // methods with a pointer receiver (addr_names_in)
  std::map<const Expr*, TypeId> operand_types_;   // operand_type's memory
  std::map<std::string, Pos> import_pos_;
  std::vector<Scope> scopes_;
  std::vector<Edge> edges_;
  int nnodes_ = 1;                    // node 0 = the heap (escape sink)
  std::map<Word, int> const_index_;
  std::map<std::string, int> str_index_;
  struct CallRec {            // a call site: argument sources per parameter, result node
    int callee = 0;
    std::vector<std::vector<int>> args;
    int result = 0;
    int caller = 0, pc = 0;   // where its OpCall is
  };
  std::vector<CallRec> calls_;
  std::vector<uint8_t> inlined_;                // per FuncDecl: gc inlines it (tiny_leaf)
  std::set<std::string> addr_globals_;          // names used as &name anywhere
  std::vector<int> ret_nodes_;                  // per function: where its results flow
  std::vector<std::vector<int>> param_nodes_;   // per function
  std::vector<int> site_nodes_;                 // per alloc site
  std::vector<int> global_nodes_;
  int iota_ = -1;
  int expr_depth_ = 0;
  uint64_t expr_count_ = 0;
  const int go_minor_;                     // language version: 19 = Go 1.19
};

}  // namespace

bool compile(const File& file, Program& prog, Error& err, int go_minor) {
  Compiler c(file, prog, err, go_minor);
  return c.run();
}

}  // namespace lang
