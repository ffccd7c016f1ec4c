#pragma once
// ast.h — the syntax tree of a Go-subset source file, as the parser builds it.
//
// Models: go/ast, reduced to the constructs the playground runs (see parser.h). Nodes are
// "fat": one struct per family (TypeExpr, Expr, Stmt) with a kind tag, because the
// compiler walks every node with one switch and the subset is small.
//
// Layout:
//   File ─ imports, decls[]
//   Decl ─ Func (name, params, results, body) | Var/Const (names, type, values) | Type
//   Stmt ─ kind + children (init/cond/post/body/else) + lhs/rhs expression lists
//   Expr ─ kind + x,y + args[] + name/literal + type (for conversions, literals, make, new)
//
// Invariants: every node carries the position of its first token; child pointers that a
// kind does not use stay null.
//
// Generics: a declaration keeps its type parameters (TypeParam: name and constraint);
// a type name may carry type arguments (TypeExpr::targs, `Set[string]`); a constraint's
// union `~int | string` is a TypeExpr::Union whose fields are its terms (name "~" for a
// tilde term); `F[int, string]` is an Index whose args hold every index.
//
// Goroutines and channels: `go f(x)` is a Go statement holding the call; `ch <- v` a Send;
// `<-ch` a Unary with op Arrow; `select` a Select whose cases hold their communication in
// Case::comm (null for default); a channel type is TypeExpr::Chan with chan_dir.
//
// Simplifications: methods are functions
// whose first parameter is the receiver (FuncDecl::has_recv); a function literal keeps
// its body (FuncLit) and the compiler expands it where it is called.
#include <memory>
#include <string>
#include <vector>

#include "engine/lang/lexer.h"

namespace lang {

struct Expr;
struct Stmt;
struct TypeExpr;
struct FuncLit;
struct Param;
using ExprP = std::unique_ptr<Expr>;
using StmtP = std::unique_ptr<Stmt>;
using TypeP = std::unique_ptr<TypeExpr>;

struct FieldDecl {
  Pos pos;
  std::string name;
  TypeP type;
  bool embedded = false;          // Struct: an embedded field (name: its type's name)
};

struct TypeExpr {
  enum Kind : uint8_t { Name, Qualified, Array, Slice, Map, Pointer, Struct, Func, Interface, Chan, Ellipsis, Union } kind;
  Pos pos;
  std::string pkg, name;          // Name: name; Qualified: pkg.name
  ExprP len;                      // Array: length expression (null for [...]T)
  TypeP elem, key;                // Array/Slice/Pointer/Map elem; Map key
  std::vector<FieldDecl> fields;  // Struct; Interface: methods (type: a Func TypeExpr) and
                                  // embedded interfaces (name empty, type: a Name/Qualified)
  std::vector<Param> fparams, fresults;   // Func: a parameter's function type (functions' and methods' parameters only)
  std::vector<TypeP> targs;       // Name/Qualified: type arguments (an instantiated generic type)
  uint8_t chan_dir = 0;           // Chan: 0 chan T, 1 chan<- T (send-only), 2 <-chan T (receive-only)
};

// TypeParam is one type parameter of a generic function or type: [K comparable, V any].
struct TypeParam {
  Pos pos;
  std::string name;
  TypeP constraint;
};

struct TypeDecl {
  Pos pos;
  std::string name;
  TypeP type;
  bool alias = false;
  std::vector<TypeParam> tparams; // a generic type's type parameters
};

struct Expr {
  enum Kind : uint8_t {
    Ident, IntLit, FloatLit, StringLit, CharLit,
    Binary, Unary, Call, Index, Slice, Selector, Star, Paren, CompositeLit, KeyValue, TypeE,
    FuncLitE,
    TypeAssert,                   // x.(type_): type_ null for x.(type) (type switches only)
  } kind;
  Pos pos;
  Pos name_pos;                   // Selector: the name's (gc reports a missing field or method there)
  Tok op = Tok::Eof;              // Binary/Unary operator
  std::string name;               // Ident name, Selector field, literal text
  ExprP x, y, z;                  // Binary x op y; Index x[y]; Slice x[y:z]; Selector x.name; Star *x; Unary op x
  std::vector<ExprP> args;        // Call args; CompositeLit elements; Index: every index when
                                  // there are several (F[int, string]: instantiation)
  TypeP type;                     // CompositeLit type (null for elided), TypeE
  bool has_ellipsis = false;      // Call f(a, b...)
  bool slice_lo = false, slice_hi = false;   // Slice x[y:z], and x[y:z:args[0]] (3-index)
  std::shared_ptr<const FuncLit> lit;   // FuncLitE (shared: clones see the same body)
};

struct Stmt {
  enum Kind : uint8_t {
    Empty, ExprS, Assign, Define, OpAssign, IncDec, VarDecl, ConstDecl, TypeDecl, Block, If,
    For, Range, Break, Continue, Return, Switch,
    Defer,   // lhs[0]: the call with each argument replaced by the hidden variable that holds
             // it; rhs: the argument expressions, evaluated at the defer statement; a
             // function literal's call also has lhs[1], the call through the hidden variable
             // "defer#N.f" that holds the literal as a value (a defer inside a loop)
    Go,      // lhs[0]: the call
    Send,    // lhs[0] <- rhs[0]
    Select,  // cases: comm (a Send, an ExprS/Define/Assign of a receive) or null (default)
    Goto,    // label, label_pos; target: the labeled statement (branches.cpp)
    Fallthrough,   // the last statement of an expression switch's case (branches.cpp checks where)
  } kind;
  Pos pos;
  Tok op = Tok::Eof;              // OpAssign operator (Add for +=), IncDec (Inc/Dec)
  std::vector<ExprP> lhs, rhs;
  std::vector<std::string> names;  // VarDecl / ConstDecl names
  std::vector<Pos> name_pos;
  TypeP type;                     // VarDecl/ConstDecl type
  StmtP init, post;               // If/For init; For post
  ExprP cond;                     // If/For cond; Range expression; Switch tag
  std::vector<StmtP> body;        // Block / If then / For body
  StmtP els;                      // If else (Block or If)
  bool range_define = false;      // for k, v := range
  // Switch: cases as (exprs, body); empty exprs = default
  struct Case { Pos pos; std::vector<ExprP> exprs; std::vector<StmtP> body; bool is_default = false; StmtP comm; };
  std::vector<Case> cases;
  std::string label;               // Block: "decl" for a declaration group; Break/Continue: its label
  Pos label_pos;                   // Break/Continue: the label's position
  std::string labeled;             // the label in front of this statement (outer: for …)
  Pos labeled_pos;
  Pos op_pos;                      // Define: the ':=' (gc's position of the statement)
  Pos body_pos;                    // If, For, Range: the body's '{'
  const Stmt* target = nullptr;    // Goto: the labeled statement it jumps to (branches.cpp)
  bool looping_label = false;      // labeled: a goto after it jumps back to it (escape's loop depth)
  bool type_switch = false;       // Switch: switch [v :=] x.(type); cond is x, names[0] v
  std::vector<lang::TypeDecl> types;   // TypeDecl: the local types declared (`type ( … )`: several)
};

struct Param {
  Pos pos;
  std::string name;               // empty for unnamed results
  TypeP type;
  bool variadic = false;
};

// FuncLit is a function literal, func(params) results { body }.
struct FuncLit {
  Pos pos, end;
  std::vector<Param> params, results;
  std::vector<StmtP> body;
};

struct FuncDecl {
  Pos pos;
  std::string name;
  std::vector<Param> params, results;
  std::vector<StmtP> body;
  Pos end;                        // position of the closing brace
  bool has_body = true;
  bool has_recv = false;          // a method: params[0] is the receiver
  bool noinline = false;          // a //go:noinline directive stands before it
  std::vector<TypeParam> tparams; // a generic function's type parameters
};

struct ValueSpec {                // one line of a var or const declaration
  Pos pos;
  std::vector<std::string> names;
  std::vector<Pos> name_pos;
  TypeP type;
  std::vector<ExprP> values;
  int iota = 0;
  bool is_const = false;
};

struct Import {
  Pos pos;
  std::string path, name;
  bool used = false;
};

struct File {
  std::string package;
  std::vector<Import> imports;
  std::vector<FuncDecl> funcs;
  std::vector<TypeDecl> types;
  std::vector<ValueSpec> values;   // globals and constants in source order
};

// ident_expr / call_expr: nodes the parser and the compiler synthesize (hidden variables,
// rewritten calls).
inline ExprP ident_expr(const std::string& name, Pos pos) {
  auto e = std::make_unique<Expr>();
  e->kind = Expr::Ident;
  e->pos = pos;
  e->name = name;
  return e;
}

inline ExprP call_expr(ExprP fn, Pos pos) {
  auto e = std::make_unique<Expr>();
  e->kind = Expr::Call;
  e->pos = pos;
  e->x = std::move(fn);
  return e;
}

// clone_type / clone_expr deep-copy a subtree (the parser shares a grouped parameter's type;
// the compiler rewrites x.M(args) into a call of the method with its receiver).
inline ExprP clone_expr(const Expr& e);
// selector_name_pos: where a selector's name is, or (a selector the compiler made) where it starts
inline Pos selector_name_pos(const Expr& e) { return e.name_pos.line ? e.name_pos : e.pos; }
inline TypeP clone_type(const TypeExpr& t) {
  auto c = std::make_unique<TypeExpr>();
  c->kind = t.kind;
  c->pos = t.pos;
  c->pkg = t.pkg;
  c->name = t.name;
  if (t.len) c->len = clone_expr(*t.len);
  if (t.elem) c->elem = clone_type(*t.elem);
  if (t.key) c->key = clone_type(*t.key);
  for (const auto& f : t.fields) c->fields.push_back(FieldDecl{f.pos, f.name, clone_type(*f.type), f.embedded});
  for (const auto* list : {&t.fparams, &t.fresults})
    for (const Param& p : *list) (list == &t.fparams ? c->fparams : c->fresults).push_back(Param{p.pos, p.name, clone_type(*p.type), p.variadic});
  for (const auto& a : t.targs) c->targs.push_back(clone_type(*a));
  c->chan_dir = t.chan_dir;
  return c;
}
inline ExprP clone_expr(const Expr& e) {
  auto c = std::make_unique<Expr>();
  c->kind = e.kind;
  c->pos = e.pos;
  c->name_pos = e.name_pos;
  c->op = e.op;
  c->name = e.name;
  if (e.x) c->x = clone_expr(*e.x);
  if (e.y) c->y = clone_expr(*e.y);
  if (e.z) c->z = clone_expr(*e.z);
  for (const auto& a : e.args) c->args.push_back(clone_expr(*a));
  if (e.type) c->type = clone_type(*e.type);
  c->has_ellipsis = e.has_ellipsis;
  c->slice_lo = e.slice_lo;
  c->slice_hi = e.slice_hi;
  c->lit = e.lit;
  return c;
}

// for_each_child calls on_expr for each expression and on_stmt for each statement directly
// inside s (null ones included: the walkers return on null), in source order.
template <class OnExpr, class OnStmt>
void for_each_child(const Stmt& s, OnExpr&& on_expr, OnStmt&& on_stmt) {
  for (const auto& e : s.lhs) on_expr(e.get());
  for (const auto& e : s.rhs) on_expr(e.get());
  on_expr(s.cond.get());
  on_stmt(s.init.get());
  on_stmt(s.post.get());
  on_stmt(s.els.get());
  for (const auto& b : s.body) on_stmt(b.get());
  for (const auto& c : s.cases) {
    on_stmt(c.comm.get());   // a select case's communication
    for (const auto& e : c.exprs) on_expr(e.get());
    for (const auto& b : c.body) on_stmt(b.get());
  }
}

// for_each_child calls on_expr for each operand directly inside e.
template <class OnExpr>
void for_each_child(const Expr& e, OnExpr&& on_expr) {
  on_expr(e.x.get());
  on_expr(e.y.get());
  on_expr(e.z.get());
  for (const auto& a : e.args) on_expr(a.get());
}

}  // namespace lang
