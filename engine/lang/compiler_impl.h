#pragma once
// compiler_impl.h — the Compiler class behind lang::compile (compiler.h), private to
// engine/lang. One class, its member functions in rooms by what they do:
//
//   compiler.cpp        the driver (run_impl: the passes in order), errors, name lookup,
//                       a function's slots, temps and instructions, function bodies, main.init
//   compiler_types.cpp  package-level declarations, types, constants and constant folding
//   compiler_expr.cpp   expressions: operators, selectors, indexing, composite literals, lvalues
//   compiler_calls.cpp  calls: functions, methods, conversions
//   compiler_expand_in_place.cpp  function literals and functions with function-typed
//                       parameters, expanded where they are called
//   compiler_packages.cpp  package functions (fmt, log, strconv, strings, time, …)
//   compiler_builtins.cpp  the builtins (len … copy, min/max, mapShape)
//   compiler_stmt.cpp   statements: declarations, assignments, if/for/range/switch, defer, return
//   compiler_iface.cpp  interfaces: types, method sets, conversions, dynamic dispatch,
//                       type assertions and switches, the library's errors, embedding,
//                       math/rand's own generators
//   compiler_closures.cpp  function values: func types, literals compiled as functions of
//                       their own with a closure, captures, calls through a func value
//   compiler_generics.cpp  generics: instantiation of functions and types (one copy per
//                       list of type arguments), inference, constraints
//   escape.cpp          escape analysis: the graph, allocation sites, &x ("moved to heap: x")
//   inline.cpp          which functions gc inlines, and what that does to their allocations
//   liveness.cpp        passes over finished bytecode: stack maps (liveness), fused map loops
//
// What the compiler models of cmd/compile and what it simplifies is in compiler.h; each room
// opens with its part.
#include <array>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/lang/compiler.h"
#include "engine/lang/library_packages.h"
#include "engine/runtime/profile.h"

namespace lang::detail {

using i128 = __int128;

// field_address_key is how FnState::addr_names records a variable whose field or element has
// its address taken (x.f.M() of a pointer method, &x.f, &a[i].g): for a struct or array
// variable that is its own address (gc moves the whole variable to the heap when it escapes,
// "moved to heap: x"); a pointer or slice variable is not boxed for it (declare_init).
inline std::string field_address_key(const std::string& name) { return "." + name; }

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
  bool poisoned = false;   // declared by a statement that failed: a use fails silently (gc's invalid operand)
  int bi = 0;           // Builtin id (universe) or package name index
  int addr_node = -1;   // Var whose address is taken (&x): the escape node of &x
  bool static_lit = false;   // a Var defined once from a constant, never assigned or &'d
  int static_param = -1;     // a parameter of an inlined function, never assigned or &'d: its index
  int static_func = -1;      // a func Var defined once from a top-level function's name, never
                             // assigned or &'d: that function (gc calls it directly, ir.StaticValue)
  int box = -1;         // a scalar Var whose address is taken: the slot of its box (*T); the
                        // value lives in the box ("moved to heap: x" when &x escapes)
  // lazily resolved package-level entities
  const ValueSpec* spec = nullptr;
  int spec_index = 0;
  const TypeDecl* tdecl = nullptr;
  bool resolving = false;
};

enum UBuiltin { UB_len, UB_cap, UB_make, UB_new, UB_append, UB_delete, UB_clear, UB_panic,
                UB_print, UB_println, UB_min, UB_max, UB_mapShape, UB_copy, UB_syncHash, UB_syncRand, UB_close, UB_recover,
                UB_stringsView, UB_stringsRoundup, UB_stringsNoescape, UB_syncSemacquire,
                UB_atomicLeak, UB_atomicSameType, UB_osWrite, UB_osExit, UB_runtimeNewcoro, UB_runtimeCoroswitch,
                UB_sortSwapper, UB_count };
// kBuiltinNames: the universe's builtins by UBuiltin (sync_*, strings_*, atomic_*, os_*,
// runtime_* and sort_* only for the library's own code: sync_map.h, strings_builder.h,
// sync_atomic.h, os_pkg.h, iter_pull.h, sort_slice.h).
inline constexpr const char* kBuiltinNames[] = {"len", "cap", "make", "new", "append", "delete", "clear", "panic", "print",
                                                "println", "min", "max", "mapShape", "copy", "sync_hash", "sync_rand", "close", "recover",
                                                "strings_view", "strings_roundupsize", "strings_noescape", "sync_semacquire",
                                                "atomic_leak", "atomic_sameType", "os_write", "os_exit",
                                                "runtime_newcoro", "runtime_coroswitch", "sort_swapper"};
static_assert(sizeof(kBuiltinNames) / sizeof(kBuiltinNames[0]) == UB_count);

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
  bool static_lit = false;       // a read of a Var whose static value is a constant (Entity)
  int static_param = -1;         // a read of such a parameter (Entity::static_param)
  int static_func = -1;          // a top-level function's name as a value: its index
  const Expr* ex = nullptr;      // the expression as written (messages: describe)
  enum Mode : uint8_t { Value, Variable, MapIndex } mode = Value;   // types2's operand mode (messages)
  bool addressable() const { return mode == Variable || !var.empty(); }
};

struct LoopCtx {
  std::vector<int> breaks, continues;
  bool is_switch = false;   // a switch or select: break only
  std::string label;        // outer: for … — the target of break/continue outer
};

// gc_qualified: a message with the program's types and the library preludes' names as gc's
// messages spell them on release go_minor (compiler.cpp): node, not main.node; strings.Map,
// not strings_Map; "sync/atomic".Int32 where two linked packages are named atomic.
std::string gc_qualified(std::string msg, int go_minor);

// type_expr_str prints a type expression as gc's messages quote it (compiler_expr.cpp).
std::string type_expr_str(const TypeExpr& t);

class Compiler {
 public:
  Compiler(const File& f, Program& p, Error& e, int go_minor)
      : file_(f), prog_(p), err_(e), T(p.types), go_minor_(go_minor),
        lib_(runtime::profile_for_minor(go_minor).library),
        slice_move2heap_(runtime::profile_for_minor(go_minor).slice_move2heap),
        stack_buffer_bytes_(runtime::profile_for_minor(go_minor).stack_buffer_bytes),
        callees_from_assignments_(runtime::profile_for_minor(go_minor).callees_from_assignments),
        typeparam_cannot_use_operator_(runtime::profile_for_minor(go_minor).typeparam_cannot_use_operator),
        rangefunc_param_inlines_(runtime::profile_for_minor(go_minor).rangefunc_param_inlines),
        heap_scalars_aggregated_(runtime::profile_for_minor(go_minor).heap_scalars_aggregated) {}

  bool run() { return run_impl(); }
  // reported: after run() failed, the errors as gc prints them (gc_error_list).
  std::vector<Error> reported();

 private:
  using Scope = std::map<std::string, Entity>;

  // A function literal is compiled where it is called, in the scopes it was written in:
  // f := func(…) {…} declares a Closure entity, and each call f(…) (or func(…){…}(…))
  // expands the body there, its parameters new variables, its results a block of slots
  // that every return fills before jumping to the end. Captured variables are then the
  // enclosing function's own (by reference, as in Go), escape analysis and liveness see
  // through the call, and a literal that is only called allocates nothing, as in gc.
  struct RangeBody;
  struct ClosureDef {
    const FuncLit* lit = nullptr;
    std::string name;
    size_t depth = 0;                      // scopes_.size() where it was written
    size_t floor = 0;                      // scope_floor_ there (see expand_call)
    std::set<std::string> names_then;      // names of the innermost scope at that point
    bool expanding = false;
    bool passed = false;                   // handed to a function parameter: gc compiles it
                                           // as a closure of its own, not inlined
    RangeBody* range_body = nullptr;   // the body of a range over a function (yield)
    const Expr* static_iter = nullptr;     // an iterator held in a variable (`seq := maps.Keys(m)`):
                                           // the call that made it, its arguments in hidden variables
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
    RangeBody* range_body = nullptr;   // the body of a range over a function: its returns
    // a function ranging over its func-typed parameters (expand_call): gc does not inline it
    // (range_param_inlined), so each such range's body closure escapes (range_param_costs)
    const FuncDecl* ranging_fd = nullptr;
    std::set<std::string> moved;           // its variables already moved to the heap
    bool results_moved = false;            // its #rv results moved (a return in a body)
  };
  // RangeBody: a range over a function of the program (compiler_range_func.cpp).
  struct RangeBody {
    const Stmt* stmt = nullptr;
    int state = -1, next = -1;             // slots: 1 ready / 0 done; the body returned
    size_t outer_expansions = 0;           // F->expansions at the range statement
    std::vector<std::string> results;      // hidden variables of the values a return returns
    bool named = false;                    // the function has named results: a bare return
    bool returns = false;                  // the body has a return
    std::vector<TypeId> params;            // yield's parameters
    // break L / continue L of a loop around the range statement: a flag each (slot), and
    // the statement run once the iterator is done
    std::vector<std::pair<const Stmt*, int>> outer_branches;
    File check;                            // panicrangestate's check, in Go, at the statement's line
  };
  std::vector<std::unique_ptr<RangeBody>> range_bodies_;
  std::vector<StmtP> synthetic_stmts_;     // statements made up by the compiler
  // LitPlan: what the function literals of one top-level function (its body, theirs nested)
  // need decided before the body compiles: which `f := func…` names become func values
  // (used other than called), and which variables are captured by reference (gc: a
  // variable assigned after its declaration; it gets a box, as &x does).
  struct LitPlan {
    std::set<std::string> value_names;     // f := func… used as a value
    std::set<std::string> captured;        // names read inside literals that become values
    std::set<std::string> assigned;        // names assigned after their declaration
  };
  // SliceMove: a slice variable Go 1.26's slice pass commits (move2heap.cpp).
  struct SliceMove {
    const Stmt* transition = nullptr;   // the move2heap goes before it
    bool cap_used = false;              // growsliceBuf, and the copy keeps the capacity
    int saved = -1;                     // a parameter: its incoming value (the caller's array)
  };
  struct FnState {
    int fidx = 0;
    Function* fn = nullptr;
    std::array<std::vector<int>, 6> free_temps;
    std::vector<int> temps_in_use;
    std::vector<LoopCtx> loops;
    std::string pending_label;           // the label of the statement compiling, for its loop (open_loop)
    std::map<const Stmt*, int> label_pcs;             // labeled statements compiled: where they start
    std::vector<std::pair<int, const Stmt*>> gotos;   // forward gotos: the jump, its label's statement
    int goto_loops = 0;                  // looping labels passed (label_here): loop depth they add
    std::vector<int> result_slots;
    std::vector<int> result_nodes;
    int line = 0;
    std::set<std::string> addr_names;   // names used as &name in the body; field_address_key(x)
                                        // for x.f.M() / &x.f / &a[i] (a part's address)
    std::map<std::string, int> assignments;   // names' definitions and assignments in the body
    // per name, what a plain `x = v` / `x := v` / `var x = v` assigns it when v is a name or
    // a function literal, in the body and its literals (nil skipped); a nullptr once any other
    // assignment is seen
    std::map<std::string, std::vector<const Expr*>> func_assigns;
    std::vector<Expansion*> expansions;   // function literals being expanded (innermost last)
    bool has_defers = false;              // the body has defer statements (defers_begin)
    bool named_results = false;           // result_slots are named results (else hidden, for defers)
    std::vector<int> result_boxes;        // per named result: its box (captured by reference), or -1
    size_t body_depth = 0;                // scopes_.size() in the function body's own block
    std::set<int> buffered_targets;       // escape nodes of variables an append buffers already
    int buffered_appends = 0;             // appends numbered for a stack buffer (flags bits 2–6)
    std::map<std::string, SliceMove> slice_moves;   // Go 1.26's slice pass (move2heap.cpp)
    std::set<const Expr*> slice_move_appends;       // their `s = append(s, …)` calls
    const LitPlan* plan = nullptr; // the top-level function's function literals (compiler_closures.cpp)
    std::string top_name;                 // that function's name: its literals are top_name.func1, …
  };
  // LitCtx: a function literal being compiled as a function of its own (a func value).
  // A name its body does not declare is looked up in the enclosing function's scopes
  // [outer_floor, base) and becomes a capture: a variable of the literal loaded from its
  // closure at entry (by value, or its box / Obj by reference).
  struct Capture {
    std::string name;
    Entity outer;                          // the variable in the enclosing function
    bool by_ref = false;
    int inner_slot = -1;                   // the literal's slot the closure's field is loaded into
  };
  struct LitCtx {
    size_t outer_floor = 0, base = 0;      // base: scopes_ index of the captures' scope
    FnState* fs = nullptr;
    std::vector<Capture> caps;
  };
  FnState* F = nullptr;

  // Receiver is a method call's receiver operand and how it is passed.
  struct Receiver {
    const Expr* x;
    enum Mode : uint8_t { AsIs, Address, Deref } mode;
  };

  // PkgFn is a package function or method the VM implements as a builtin: at most one
  // parameter besides a method's receiver.
  struct PkgFn { const char* name; Builtin b; TypeId param, result; };
  static const PkgFn kRandFns[12];   // math/rand's functions = *rand.Rand's methods
  static const char* const kRandSupported;   // their names, for the message refusing others

  struct CallRec {            // a call site: argument sources per parameter, result node
    int callee = 0;
    std::vector<std::vector<int>> args;
    std::vector<uint8_t> arg_static;   // per parameter: the argument is a constant or a static local
    int result = 0;
    int caller = 0, pc = 0;   // where its OpCall is
  };

  // ---------------------------------------------------------------- compiler.cpp: errors, lookup, function state, functions, initialisation, run
  bool run_impl();
  bool requires_go(Pos p, const std::string& what, int minor);
  bool fail(Pos p, const std::string& msg);
  // Every error, as gc reports them (compile_errors): fail() stops the statement or the
  // function compiling at its first error; stmts() and run_impl() record it and go on with
  // the next one (recover_stmt, recover_function).
  struct StmtMark {
    FnState* f;
    size_t scopes, lits, expansions, loops, floor;
    int expr_depth;
  };
  StmtMark stmt_mark() const;
  bool recover_stmt(const Stmt& s, const StmtMark& m);
  bool recover_function();
  void record(Pos p, const std::string& msg);
  void record_failure();
  void poison(const std::string& name, Pos p);
  void mentioned_names(const Stmt* s, std::set<std::string>& out) const;
  std::string unused_message(const std::string& name) const;
  void flush_unused();
  V bad(Pos p, const std::string& msg);
  Entity* lookup(const std::string& name);
  bool closure_variable(const std::string& name) const;
  int new_slot(TypeId t, const std::string& name);
  int temp(TypeId t);
  size_t temp_mark() const;
  void temp_release(size_t mark);
  int fresh_slots(const std::vector<TypeId>& types);
  int pc() const;
  int emit(uint8_t op, int a = 0, int b = 0, int c = 0, int d = 0, uint16_t k = 0, uint8_t flags = 0);
  void patch(int at, int target);
  int konst(Word w);
  int str_lit(const std::string& s);
  int materialize(V& v, TypeId want = 0);
  void move_into(V& v, int dst, TypeId t);
  int owned(V& v, TypeId t);
  bool method_signature(const FuncDecl& fd, std::string& name);
  bool signatures();
  bool function(int fidx);
  void names_in(const Expr* e, std::set<std::string>& out) const;
  void names_in(const Stmt* s, std::set<std::string>& out) const;
  std::set<std::string> globals_used(const ValueSpec& vs) const;
  bool init_order(std::vector<const ValueSpec*>& order);
  bool init_function();

  // ---------------------------------------------------------------- compiler_types.cpp: package-level declarations, types, constants
  void universe();
  void memstats_type();
  void time_types();
  bool declare_pkg(const std::string& name, Entity e, Pos p);
  bool collect();
  bool resolve_type_entity(Entity& e);
  bool resolve_global(Entity& en, Pos use);
  // A package variable of a scalar type whose address is taken (&total: addr_globals_) lives
  // in a box, as a local moved to the heap does, but in static data (no allocation): its slot
  // holds the box (typed *T for the GC's walk), every read and write goes through it.
  bool boxed_global(const Entity& en) const { return !T.is_aggregate(en.type) && addr_globals_.count(en.name); }
  int global_box(const Entity& en);   // a temp holding the box, made at first use
  bool math_const(const std::string& name, V& out);
  bool type_of(const TypeExpr& te, TypeId& out);
  bool type_of(const TypeExpr& te);
  bool type_of(const TypeExpr& te, TypeId& out, const Expr* lit);
  bool resolve_const(Entity& en);
  static bool fits(i128 v, TypeId t, const TypeTable& T);
  static std::string i128_str(i128 v);
  Word const_word(const CVal& c, TypeId t);
  bool convert_const(V& v, TypeId t, Pos p, bool explicit_conv);
  static void append_utf8(std::string& s, uint32_t r);
  std::string const_str(const V& v);
  static bool parse_int_lit(const std::string& text, i128& out);
  bool assignable(V& v, TypeId t, Pos p, const char* context = "assignment");
  std::string describe(const V& v);
  static bool is_cmp(Tok op);
  V fold(Pos p, Pos px, Pos py, Tok op, V x, V y);

  // ---------------------------------------------------------------- compiler_expr.cpp: expressions
  V ident(const Expr& e);
  V expr(const Expr& e);
  V expr_inner(const Expr& e);
  V binary(const Expr& e);
  V binop_vals(Pos p, Pos px, Pos py, Tok op, V x, V y, const Expr* whole = nullptr, const Stmt* op_assign = nullptr);
  bool mismatched_kinds(const V& x, const V& y) const;
  V mismatched(const V& x, const V& y, Tok op, const Expr* whole, const Stmt* op_assign);
  V shift(Pos p, Pos py, Tok op, V x, V y);
  V logical(const Expr& e);
  V unary(const Expr& e);
  V star(const Expr& e);
  V deref(const V& x, Pos pos);
  V selector(const Expr& e);
  V package_type_value(const Expr& e);
  bool lookup_local_or_pkg(const std::string& n);
  V index(const Expr& e);
  bool const_string_operand(V& x, Pos p);
  V slice_expr(const Expr& e);
  V composite(const Expr& e, TypeId t, bool addr);
  V element(const Expr& e, TypeId elem_t);
  int lvalue_ref(const Expr& e, bool interior = false);   // interior: &e of a scalar part too
  bool aggregate_base(const Expr& e, int& slot, TypeId& t, bool& ptr);
  bool base_from_value(V& v, int& slot, TypeId& t, bool& ptr, Pos p);
  bool static_type(const Expr& e, TypeId& out);
  const Expr* spread_results(const Expr& e);
  ExprP hidden_var(const std::string& name, V& v, Pos p);
  V fprint(const Expr& e, const std::string& full);
  std::string library_unsupported(const std::string& pkg, const std::string& name);
  bool format_string(const Expr& e, const std::vector<V>& args, size_t at, const std::string& full);
  std::vector<bool> snapshot_used();
  void restore_used(const std::vector<bool>& u);
  static std::string expr_str(const Expr& e);
  // start_pos: where e starts as written (syntax.StartPos): gc reports an operand there.
  static Pos start_pos(const Expr& e);
  friend std::string type_expr_str(const TypeExpr& t);   // an array's length is an expression

  // ---------------------------------------------------------------- compiler_calls.cpp (calls, conversions), compiler_expand_in_place.cpp, compiler_packages.cpp, compiler_builtins.cpp
  V call(const Expr& e, bool stmt);
  bool find_method(const Expr& sel, const Entity*& out, bool& x_is_ptr);
  const Entity* method_of(TypeId t, const std::string& name, bool& x_is_ptr);
  bool operand_type(const Expr& x, TypeId& out);
  bool addressable(const Expr& x);
  V method_call(const Expr& e, const Expr& sel, const Entity& method, bool x_is_ptr);
  V receiver_value(const Receiver& r);
  V user_call(const Expr& e, int fidx, const Receiver* recv = nullptr, const std::string* shown = nullptr);
  V call_results(V r, int base, const std::vector<TypeId>& results, bool copy);
  void note_call_results(const std::vector<TypeId>& results);   // of the call just emitted (Function::call_results_at)
  V variadic_arg(const Expr& e, size_t from, TypeId slice_t);
  static bool is_variadic(const FuncDecl& fd) { return !fd.params.empty() && fd.params.back().variadic; }
  bool declare_closure(const Expr& name, const Expr& lit);
  void add_closure(const Expr& name, std::unique_ptr<ClosureDef> c);
  struct HiddenScopes {
    std::vector<Scope> deeper;               // scopes opened after the body was written
    std::vector<Scope::node_type> later;     // names declared after it in its own scope
  };
  HiddenScopes hide_scopes_after(size_t depth, const std::set<std::string>& names_then);
  void unhide_scopes(HiddenScopes& h);
  V closure_call(const Expr& e, ClosureDef& c);
  V argument_copy(V& a, TypeId t);
  void declare_named_results(const std::vector<Param>& decl, const std::vector<TypeId>& types, Expansion& x);
  V expansion_result(const Expansion& x);
  V expand_call(const Expr& e, int fidx, const Receiver* recv = nullptr);
  bool expansion_return(const Stmt& s, Expansion& x);
  V conversion(const Expr& e, TypeId t);
  V bi_call(Builtin fn, const std::vector<V*>& args, TypeId result, bool escape_args);
  bool args_exprs(const Expr& e, std::vector<V>& out);
  bool arg_value(const Expr& a, std::vector<V>& out);
  V pkg_call(const Expr& e, const std::string& pkg, const std::string& name, const std::string& alias, bool stmt);
  V fmt_spread_call(const Expr& e, const std::string& full, Builtin b, bool sprint, std::vector<V>& args);
  V pkg_fn_call(const Expr& e, const std::string& prefix, const PkgFn& f, std::vector<V>& args);
  V time_call(const Expr& e, const std::string& name, std::vector<V>& args);
  V math_call(const Expr& e, const std::string& name, std::vector<V>& args);
  V unicode_call(const Expr& e, const std::string& name, std::vector<V>& args);
  V rand_call(const Expr& e, const std::string& name, std::vector<V>& args);
  V rand_slice_call(const Expr& e, const std::string& prefix, const std::string& name, std::vector<V>& args);
  V int_error_results(V call);
  V maps_call(const Expr& e, const std::string& name, std::vector<V>& args);
  V sort_call(const Expr& e, const std::string& pkg, const std::string& name, std::vector<V>& args);
  V time_method(const Expr& e, const Expr& sel, TypeId xt);
  V unsafe_call(const Expr& e, const std::string& name);
  static V int_const(TypeId t, int64_t value);
  bool args_exprs_special(const Expr& e, const std::string& full, std::vector<V>& out);
  V builtin(const Expr& e, int id, bool stmt);

  // ---------------------------------------------------------------- compiler_stmt.cpp: statements
  void push_scope();
  bool pop_scope();
  int declare_var(const std::string& name, TypeId t, Pos p);
  void declare_init(const std::string& name, TypeId t, Pos p, V* v);
  bool stmts(const std::vector<StmtP>& body);
  bool stmt(const Stmt& s);
  bool stmt_inner(const Stmt& s);
  bool rhs_values(const Stmt& s, size_t n, std::vector<V>& out, std::vector<Pos>& pos);
  bool define(const Stmt& s);
  bool assign(const Stmt& s);
  bool store(const Expr& lhs, V& v, Pos p);
  bool op_assign(const Stmt& s);
  bool inc_dec(const Stmt& s);
  bool var_decl(const Stmt& s);
  bool var_value(V& v, TypeId t, Pos p, TypeId& out);
  bool const_decl(const Stmt& s);
  bool local_type_decl(const Stmt& s);
  bool cond_jump_false(const Expr& c, int& jump_pc);
  bool cond_jump(const Expr& c, int& jump_pc, bool when);
  bool if_stmt(const Stmt& s);
  void close_loop(int cont_target, int end_target);
  void open_loop(bool is_switch);
  bool calls_function(const Expr& e);
  const Expr* index_once(const Expr& l);
  bool break_continue(const Stmt& s);
  void label_here(const Stmt& s);
  bool goto_stmt(const Stmt& s);
  int loop_depth() const;   // loops (not switch/select) around the code being compiled
  bool outlives_loop(size_t site, const std::vector<std::vector<int>>& succ) const;
  int back_jump(int target);
  bool for_stmt(const Stmt& s);
  bool is_range_delete(const Stmt& s);
  bool in_inlined_copy(const Stmt& s) const;
  bool captured(const std::string& name) const;
  static bool same_expr(const Expr& a, const Expr& b);
  bool range_stmt(const Stmt& s);
  bool range_over(const Stmt& s, const Expr& cond, const std::vector<const Expr*>& lhs, bool backward);
  // compiler_range_func.cpp: range over functions (Go 1.23), package iter's library functions
  bool iterator_producer(const Expr& e, std::string& full);
  bool range_library_iter(const Stmt& s, const Expr& call, const std::string& full);
  bool iterator_call(const Expr& e);
  bool declare_static_iter(const Expr& name, const Expr& call);
  bool static_iter_args(const Expr& call, std::vector<V>& values);
  bool range_param_inlined(const FuncDecl& fd) const;
  bool range_param_costs(const Stmt& s);
  const Expr& static_iter_of(const Expr& e);
  V held_iter_refused(const Expr& use);
  bool iterator_consumer(const Expr& e, const std::string& full, V& out);
  bool iter_generics();
  const FuncDecl* user_iterator(const Expr& cond, const Expr*& gen_call, int& fidx);
  bool range_user_func(const Stmt& s, const FuncDecl& fd, const Expr* gen_call, int fidx);
  bool expand_generator(const Expr& e, int fidx, const Entity& yield);
  V range_body_call(const Expr& e, ClosureDef& c);
  bool range_body_return(const Stmt& s, Expansion& x);
  bool range_body_branch(const Stmt& s);
  void move_or_load(V& x, int dst, TypeId t);
  bool switch_stmt(const Stmt& s);
  bool defer_stmt(const Stmt& s);
  bool run_defers();
  static bool has_defer(const Stmt* s);
  static bool body_has_defer(const std::vector<StmtP>& body);
  void defers_begin(const std::vector<StmtP>& body);
  void defers_end();
  void box_named_results(const std::vector<Param>& results);
  void emit_named_return();
  bool return_stmt(const Stmt& s);
  bool terminating(const std::vector<StmtP>& body);
  bool terminating(const Stmt& s);
  bool has_break(const std::vector<StmtP>& body);
  bool has_break_if(const Stmt& s);

  // ---------------------------------------------------------------- escape.cpp: escape analysis (the graph, &x, allocation sites)
  int new_node();
  void flow(const std::vector<int>& from, int to);
  void sink(const std::vector<int>& from);
  int& contents_slot(int n);   // contents_[n], grown to every node made so far
  int contents_node(int n);
  std::vector<int> contents_of(const std::vector<int>& src);
  void link_address(Entity& en, int addr_node);
  bool propagate_contents();
  int root_node(const Expr& e);
  int add_site(int pc0, const std::string& what, bool force_heap);
  int add_site_node(int pc0, const std::string& what, int node, bool force_heap, bool site_in_d = true);
  void append_buffer_site(const Expr& call, int pc, V& r);
  // move2heap.cpp: Go 1.26's slice pass
  void plan_slice_moves(const FuncDecl& fd, FnState& st);
  const SliceMove* slice_move(const std::string& name, const Entity& en) const;
  void emit_slice_moves(const Stmt& s);
  void save_slice_params(const FuncDecl& fd);
  void addr_names_in(const Expr* e, std::set<std::string>& out) const;
  void addr_names_in(const Stmt* s, std::set<std::string>& out) const;
  void assignments_in(const Expr* e, FnState& out) const;
  void assignments_in(const Stmt* s, FnState& out) const;
  std::vector<int> assigned_callees(const std::string& name);
  void mark_static_value(const std::string& name, const V& init);
  Entity& bind_param(const std::string& name, Pos p, TypeId t, int slot, int node);
  V address_of(const Expr& e);
  V address_of_operand(const Expr& operand, Pos pos);
  std::vector<int> address_src(const Expr& e);   // &e's escape nodes, e a field or element chain
  std::vector<int> value_src(const Expr& e);     // e's value's, e a variable or such a chain
  std::vector<int> part_src(const Expr& e, bool address);   // both: &e's (address) or e's
  void box_var(Entity& en);
  void move_params(const std::vector<Param>& params, bool stmt_start);   // &p, &p.f: p's own place at entry
  void store_boxed(Entity& en, V& v);
  void escape();

  // ---------------------------------------------------------------- compiler_iface.cpp: interfaces, dynamic dispatch, errors
  void library_error_types();
  int method_name(const std::string& name);
  void method_table();
  bool interface_type(const TypeExpr& te, TypeId& out);
  TypeId signature_of(int fidx);
  V set_finalizer(const Expr& e, std::vector<V>& args);   // compiler_packages.cpp
  bool implements(TypeId t, TypeId iface, std::string& why);
  bool to_iface(V& v, TypeId iface, Pos p, const char* context);
  V iface_call(const Expr& e, const Expr& sel, TypeId xt);
  V type_assert(const Expr& e, bool ok);
  V assert_value(V& x, TypeId t, Pos p, bool ok);
  bool type_switch(const Stmt& s);
  V new_error(TypeId ptr_type, const std::vector<V*>& fields, bool force);
  V errors_call(const Expr& e, const std::string& name, std::vector<V>& args);
  V errorf(const Expr& e, std::vector<V>& args);
  V errors_as_type(const Expr& e, const Expr& f);
  V atoi(const Expr& e, std::vector<V>& args);
  V crypto_read(const Expr& e, std::vector<V>& args);
  void rand_types();
  bool direct_member(TypeId t, const std::string& name);
  bool embedded_path(TypeId t, const std::string& name, std::vector<std::string>& path);
  void promote(const Expr& e);
  void promoted_methods();
  V rand_new(const Expr& e, const std::string& name, std::vector<V>& args);
  V rand_method(const Expr& e, const Expr& sel);
  V rand_shuffle_call(const Expr& e, const Expr* recv);

  // ---------------------------------------------------------------- compiler_closures.cpp: function values
  bool func_type(const TypeExpr& te, TypeId& out);
  static bool expands_at_calls(const FuncDecl& fd);
  static std::set<std::string> params_ranged_over(const FuncDecl& fd);
  static bool func_typed_param(const FuncDecl& fd, size_t i);
  void plan_literals(const std::vector<StmtP>& body, FnState& st);
  bool expands_argument(const Expr& call, size_t arg) const;
  Entity* capture(size_t level, const std::string& name);
  int slot_in(FnState& st, TypeId t, const std::string& name);
  void precapture(const FuncLit& lit, const LitCtx& c);
  V func_lit(const Expr& e);
  V func_value_of(const Entity& en, Pos p);
  bool pkg_func_value(const Expr& e, V& out);   // compiler_pkg_values.cpp
  int pkg_value_function(const Expr& sel);
  // callee: the function when the compiler knows it (a literal called where it is written), else -1 (the arguments escape)
  V func_value_call(const Expr& e, V fv, const std::vector<int>& callees = {});
  V method_value(const Expr& sel, const Entity& method, bool x_is_ptr);
  int call_wrapper(const std::string& name, TypeId recv_t, const std::vector<TypeId>& ps, const std::vector<TypeId>& rs,
                   bool recv_in_closure, int method, int iface_method, Pos pos, Pos end);
  V static_func_value(int fidx, TypeId ft);
  bool type_operand(const Expr& x);
  V method_expr(const Expr& sel, TypeId t);
  V iface_method_value(const Expr& sel, V x);
  V bound_method(const Expr& sel, V& rv, TypeId recv_t, int w, TypeId ft);
  int new_lit_function(const std::string& name, const std::vector<TypeId>& params, const std::vector<TypeId>& results, Pos pos, Pos end);

  // ---------------------------------------------------------------- compiler_generics.cpp: generics
  // A generic function or type is compiled once per list of type arguments (an instance),
  // its type parameters bound in a scope of their own (Entity::Type) while its signature,
  // body or underlying type is compiled.
  struct Instance {                        // an instantiated generic type
    const TypeDecl* decl = nullptr;
    std::vector<TypeId> targs;
  };
  const FuncDecl& decl(int fidx) const { return *decls_[size_t(fidx)]; }
  static bool is_generic(const FuncDecl& fd);
  bool generic_type_entity(const Entity& e) const { return e.tdecl && !e.tdecl->tparams.empty(); }
  std::string instance_name(const std::string& base, const std::vector<TypeId>& targs) const;
  Scope bindings(const std::vector<TypeParam>& tps, const std::vector<TypeId>& targs) const;
  bool in_scope(Scope binds, const std::function<bool()>& fn);
  bool type_args(const TypeExpr& te, const std::vector<TypeParam>& tps, std::vector<TypeId>& out);
  bool instantiate_type(const Entity& generic, const std::vector<TypeId>& targs, Pos p, TypeId& out);
  bool add_function(const FuncDecl& fd, Scope binds, const std::string& name, int& fidx);
  void add_methods(int fidx);
  bool instance_methods(TypeId inst);
  int instantiate_func(int generic, const std::vector<TypeId>& targs, Pos p);
  bool satisfies(TypeId t, const TypeExpr& c, std::string& why);
  bool satisfies_in(TypeId t, const TypeExpr& c, std::string& why);
  bool constraint_ok(const std::vector<TypeParam>& tps, const std::vector<TypeId>& targs, Pos p);
  bool unify(const TypeExpr& pt, TypeId at, const std::set<std::string>& tparams, std::map<std::string, TypeId>& bound);
  bool infer(const Expr& e, const FuncDecl& fd, std::vector<TypeId>& targs);
  bool explicit_targs(const Expr& index, const FuncDecl& fd, std::vector<TypeId>& out);
  V generic_call(const Expr& e, int generic, const Expr* index);
  V builtin_count_error(const Expr& call, size_t expected);
  void tuple_values(const V& v, std::vector<V>& out);
  bool single_value(const Expr& a, V v, std::vector<V>& out);
  V arg_count_error(const Expr& call, size_t have, size_t want, const std::string& callee);
  std::string undefined_in_package(const std::string& full, const std::string& pkg, const std::string& name);
  bool generic_index(const Expr& e, V& out);
  bool std_generics();
  TypeId stand_in(const std::string& name, const TypeExpr& c);
  bool stand_ins(const std::vector<TypeParam>& tps, std::vector<TypeId>& out);
  // a stand-in's type set, for the operators every type in it supports (types2/typeset.go)
  struct TypeSet {
    std::string constraint;        // as written: comparable, any, Number, ~int | ~float64
    bool comparable = false;       // comparable: == and != only
    std::vector<TypeId> terms;     // the terms' types; empty and !comparable: any type (methods only)
  };
  bool type_set_terms(const TypeExpr& c, std::vector<TypeId>& terms, int depth = 0);
  bool type_set_unary(Tok op, TypeId t, const V& x, Pos px);
  bool type_set_op(Tok op, TypeId t, const V& x, Pos px, const Expr* whole);
  bool check_uninstantiated();
  bool library_field(TypeId st, const Expr& sel);
  std::string library_unexported(const Expr& sel, const std::string& type_name, const char* what) const;
  bool is_std(const FuncDecl& fd) const { return std_pkg_.count(&fd) != 0; }

  // ---------------------------------------------------------------- compiler_go.cpp: goroutines, channels, select, sync
  // A goroutine's literal is lifted into a function of its own (go_literal): its captured
  // variables are its first parameters (a box or an aggregate's Obj when by reference).
  struct GoCapture { std::string name; TypeId type = 0; bool by_ref = false; };
  struct LiftedGo { const FuncLit* lit = nullptr; std::vector<GoCapture> captures; Scope binds; };
  TypeId sync_type(const std::string& name);
  bool is_sync_type(TypeId t, std::string& name) const;
  void go_captures_in(const Stmt* s, std::set<std::string>& assigned, std::set<std::string>& captured) const;
  void go_ref_names(const std::vector<StmtP>& body, std::set<std::string>& out) const;
  uint64_t closure_bytes(const std::vector<TypeId>& fields, bool& noscan);
  bool go_value(const Expr& c, const Expr& f);
  bool go_stmt(const Stmt& s);
  V go_frame(int fidx, int base, const std::vector<TypeId>& params, const std::vector<std::vector<int>>& srcs);
  bool go_literal(const Expr& c, const FuncLit& lit);
  bool lifted_function(int fidx);
  TypeId chan_of(const V& x, Pos p, int need_dir, const char* what);
  V make_chan(const Expr& e, TypeId t);
  V receive(const Expr& e, bool ok);
  bool send_stmt(const Stmt& s);
  V close_call(const Expr& e);
  bool range_chan(const Stmt& s, V& x);
  bool select_stmt(const Stmt& s);
  V sync_call(const Expr& e, const Expr& sel, TypeId xt, const std::string& tname);
  V timer_method(const Expr& e, const Expr& sel, TypeId xt);
  std::map<std::string, TypeId> sync_types_;
  bool go_call_ = false, go_emitted_ = false;   // user_call: this call is a go statement's
  std::map<int, LiftedGo> lifted_;
  std::deque<FuncDecl> lifted_decls_;           // their declarations (decls_ points here)
  std::map<std::string, int> go_literals_;      // per enclosing function: literals lifted
  std::map<const Expr*, ExprP> once_calls_;     // once.Do(f): the call f()

  // ---------------------------------------------------------------- inline.cpp: inlining
  void inline_results(const std::vector<std::vector<size_t>>& returned_sites, const std::vector<uint8_t>& esc,
                      const std::vector<std::vector<uint8_t>>& to_ret);
  void inline_static_args();
  // per inlined function: the instructions (OpMakeSlice, OpToIface) whose size or value is
  // one of its parameters (Entity::static_param), as (pc, parameter index)
  std::map<int, std::vector<std::pair<int, int>>> param_sites_;

  // ---------------------------------------------------------------- state
  const File& file_;
  Program& prog_;
  Error& err_;
  TypeTable& T;
  bool failed_ = false;
  bool silenced_ = false;               // failed_ by a poisoned name's use: nothing to report
  std::vector<Error> errors_;           // every error recorded, in the order gc reports them
  std::vector<Error> unused_;           // the function's "declared and not used", reported at its end
  bool stmt_flag_ = false;
  Scope universe_, pkg_;
  std::map<std::string, Entity> imports_;
  std::set<std::string> ptr_method_names_;     // methods with a pointer receiver (addr_names_in)
  std::map<const Expr*, TypeId> operand_types_;   // operand_type's memory (cleared where type parameters are bound anew)
  // local type declarations (local_type_decl): the named type of each per function compiled,
  // and the set of them (they have no methods: method_of)
  std::map<std::pair<const TypeDecl*, int>, TypeId> local_types_;
  std::set<TypeId> local_type_ids_;
  std::map<std::string, Pos> import_pos_;
  std::vector<Scope> scopes_;
  std::vector<Edge> edges_;
  int nnodes_ = 1;                    // node 0 = the heap (escape sink)
  std::vector<int> contents_;         // per node: the node of what it points to (-1: none yet)
  std::set<std::pair<int, int>> contents_edges_;   // propagate_contents' edges, added once
  std::map<int, int> contents_depth_;               // a contents node: how many levels down
  std::map<Word, int> const_index_;
  std::map<std::string, int> str_index_;
  std::vector<CallRec> calls_;
  std::vector<uint8_t> inlined_;                // per FuncDecl: gc inlines it (tiny_leaf)
  std::set<std::string> addr_globals_;          // names used as &name anywhere
  std::vector<int> ret_nodes_;                  // per function: where its results flow
  std::vector<std::vector<int>> param_nodes_;   // per function
  std::vector<int> site_nodes_;                 // per alloc site
  std::vector<int> site_loop_depth_;            // per alloc site: loop_depth() where it is
  std::map<int, std::pair<int, int>> var_loop_depth_;   // a local's node: {function, loop depth}
  std::vector<int> global_nodes_;
  int iota_ = -1;
  int expr_depth_ = 0;
  uint64_t expr_count_ = 0;
  const int go_minor_;                     // language version: 19 = Go 1.19
  const runtime::LibraryRules lib_;        // the standard library of that release
  const bool slice_move2heap_;             // Profile::slice_move2heap
  const uint64_t stack_buffer_bytes_;      // Profile::stack_buffer_bytes
  const bool callees_from_assignments_;     // Profile::callees_from_assignments
  const bool typeparam_cannot_use_operator_;   // Profile::typeparam_cannot_use_operator
  const bool rangefunc_param_inlines_;          // Profile::rangefunc_param_inlines
  const uint64_t heap_scalars_aggregated_;      // Profile::heap_scalars_aggregated
  std::map<const FuncLit*, int> lit_functions_;   // a literal compiled as a function of its own: its index
  TypeId last_type_ = 0;                   // what type_of(te) resolved last
  TypeId stringer_type_ = 0;               // fmt.Stringer, made at its first use
  // generics (compiler_generics.cpp)
  std::vector<const FuncDecl*> decls_;     // per function: its declaration (null: main.init)
  std::vector<Scope> tbinds_;              // per function: its type parameters' bindings
  int bound_expansions_ = 0;               // expand_call of generic instances under way (operand_type)
  std::map<std::pair<int, std::vector<TypeId>>, int> func_instances_;   // (generic, targs) → function
  std::map<std::pair<const TypeDecl*, std::vector<TypeId>>, TypeId> type_instances_;
  std::map<TypeId, Instance> instance_of_;   // instantiated named type → what it instantiates
  std::vector<TypeId> early_instances_;      // instantiated before the functions existed
  std::map<int, Entity> method_entities_;    // instantiated methods, as method_of returns them
  std::map<const Expr*, ExprP> shuffle_calls_;   // per rand.Shuffle call: its call of rand_shuffle (rand_shuffle.h)
  std::map<const Expr*, ExprP> variadic_lits_;   // per variadic call: its packed arguments' literal
  std::vector<int> pending_;                 // instances whose bodies are still to compile
  std::map<TypeId, const TypeExpr*> constraint_decls_;   // named constraint interfaces
  std::set<TypeId> stand_in_types_;            // the types stand_in made (a type parameter's own name)
  std::vector<ExprP> synthetic_;               // index_once's m[hidden] expressions: alive as long as the compiler
  std::map<TypeId, TypeSet> stand_in_sets_;    // those whose type set is known: what operators they allow
  std::set<TypeId> constraint_only_;         // interfaces with a type set (usable only as constraints)
  int constraint_ctx_ = 0;                   // > 0: resolving a constraint (they may be named)
  bool funcs_ready_ = false;                 // signatures() has run
  File std_file_;                            // the standard library's generic functions, in Go
  File iter_file_;                           // consumers of package iter's producers (compiler_range_func.cpp)
  std::map<std::string, int> std_funcs_;     // "slices.Max" → its generic function
  std::map<const FuncDecl*, std::string> std_pkg_;   // a function of std_file_ → "slices.Max"
  int std_ctx_ = 0;                          // > 0: checking a std function's constraints
  TypeId comparable_type_ = 0, ordered_type_ = 0;
  // function values (compiler_closures.cpp)
  std::vector<LitCtx*> lit_ctx_;             // literals being compiled, innermost last
  int speculative_ = 0;                      // > 0: static_type is compiling (rolled back)
  std::deque<LitPlan> plans_;
  std::deque<FuncDecl> lit_decls_;           // a literal function's declaration (its name)
  std::map<std::string, int> lit_numbers_;   // per top-level function: literals made so far
  std::vector<std::unique_ptr<File>> pkg_value_files_;   // pkg_func_value's functions, in Go
  std::map<std::string, int> pkg_values_;      // "strconv.Itoa" → the function pkg_func_value made
  std::map<std::string, int> call_wrappers_;   // gc's wrappers by name (T.M-fm, I.M-fm, (*T).M, I.M): call_wrapper
};

// inline.cpp: gc surely inlines fd (tiny functions only).
bool tiny_leaf(const FuncDecl& fd);

// liveness.cpp: per-instruction live sets of fn's pointer slots (its stack maps), and the
// fused bulk map loops the VM runs without a dispatch per iteration.
void liveness(Function& fn);
void fuse_map_loops(Function& fn);

}  // namespace lang::detail
