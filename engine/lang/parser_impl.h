#pragma once
// parser_impl.h — the Parser class behind lang::parse (parser.h), private to engine/lang: a
// recursive-descent parser with go/parser's structure. One class, its member functions in
// rooms by what they parse:
//
//   parser.cpp        the file: package clause, imports, func/var/const/type declarations,
//                     type parameters and constraints, parameter lists; lang::parse itself
//   parser_types.cpp  type expressions
//   parser_stmt.cpp   statements: blocks, declarations inside functions, assignments,
//                     if/for/switch/select, go and defer
//   parser_expr.cpp   expressions: operators by precedence, operands, primary expressions,
//                     composite literals
//
// The token helpers below (cur, next, expect, semi, fail) are shared by all of them. A
// syntax error unwinds to the statement list or the file's declaration list it is in, which
// records it and goes on as gc's parser does (recover_after: syntax/parser.go advance).
#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "engine/lang/ast.h"
#include "engine/lang/branches.h"
#include "engine/lang/lexer.h"

namespace lang::detail {

class Parser {
 public:
  Parser(std::vector<Token>& toks, File& f, Error& e, std::string_view file_name) : t_(toks), file_(f), err_(e), file_name_(file_name) {}
  bool file();

 private:
  // token helpers
  const Token& cur() const { return t_[p_]; }
  const Token& peek(size_t k = 1) const { return t_[std::min(p_ + k, t_.size() - 1)]; }
  void next() { if (p_ + 1 < t_.size()) ++p_; }
  bool fail(Pos pos, std::string msg) {
    if (!failed_) {
      err_.pos = pos;
      err_.msg = std::move(msg);
      failed_ = true;
    }
    return false;
  }
  // branches: gc checks a body's labels and branch statements as it parses it (branches.h)
  bool branches(std::vector<StmtP>& body, Pos start) {
    Error e;
    if (check_branches(body, start, file_name_, e)) return true;
    return fail(e.pos, e.msg);
  }
  std::string describe(const Token& t) const {
    switch (t.kind) {
      case Tok::Eof: return "EOF";
      case Tok::Ident: return "name " + t.text;
      case Tok::Int: case Tok::Float: case Tok::Char: return "literal " + t.text;
      case Tok::String: return "literal \"" + t.text + "\"";
      case Tok::Semicolon: return t.text == "newline" ? "newline" : "semicolon";
      default: break;
    }
    if (t.kind >= Tok::Break) return "keyword " + t.text;
    return t.text;
  }
  bool fail_expected(const std::string& what) {
    return fail(cur().pos, "syntax error: unexpected " + describe(cur()) + ", expected " + what);
  }
  // fail_in_list: gc's p.list error for a comma-separated list (syntax/parser.go list)
  bool fail_in_list(const char* context, const char* close) {
    return fail(cur().pos, "syntax error: unexpected " + describe(cur()) + " in " + context + "; possibly missing comma or " + close);
  }
  bool expect(Tok k, const char* what) {
    if (cur().kind != k) return fail_expected(what);
    next();
    return true;
  }
  bool semi() {
    if (cur().kind == Tok::Semicolon) { next(); return true; }
    if (cur().kind == Tok::RParen || cur().kind == Tok::RBrace) return true;
    return fail(cur().pos, "syntax error: unexpected " + describe(cur()) + " at end of statement");
  }
  // recover_after: a statement or declaration that began at token `from` failed: record the
  // error and skip to a token of follow (in a function, also a keyword that starts a
  // statement: gc's stopset), as syntax/parser.go's advance does; false when parsing stops
  // (the input ended, or enough errors for gc's list of ten).
  bool recover_after(size_t from, std::initializer_list<Tok> follow, bool in_func);
  // end_of_stmt: a statement of a list ends here (a ')' does not end one: gc's stmtList)
  bool end_of_stmt() {
    if (cur().kind == Tok::RParen) return fail(cur().pos, "syntax error: unexpected ) at end of statement");
    return semi();
  }
  bool depth_ok() {
    if (depth_ > 200) return fail(cur().pos, "syntax error: expression nesting too deep");
    return true;
  }

  // declarations (parser.cpp)
  bool import_spec();
  bool func_decl();
  bool type_params(std::vector<TypeParam>& out);
  bool constraint(TypeP& out);
  bool signature(std::vector<Param>& params, std::vector<Param>& results);
  bool results_after_params(std::vector<Param>& results);
  bool param_list(std::vector<Param>& out, bool allow_variadic);
  bool value_decl_top();
  bool value_spec(ValueSpec& vs, bool is_const);
  bool type_decl(std::vector<TypeDecl>& out);
  bool type_spec(std::vector<TypeDecl>& out);

  // types (parser_types.cpp)
  bool type(TypeP& out);
  bool type_inner(TypeP& out);

  // statements (parser_stmt.cpp)
  bool block(std::vector<StmtP>& body, Pos* end = nullptr, Pos* start = nullptr);
  bool package_call(const Expr& call) const;
  StmtP go_package_call(Pos p, ExprP call);
  StmtP mk(Stmt::Kind k, Pos p);
  bool stmt(StmtP& out);
  bool local_decl(StmtP& out);
  bool simple_stmt(StmtP& out, bool in_for);
  bool if_stmt(StmtP& out);
  bool for_stmt(StmtP& out);
  bool switch_tag(Stmt& s, Stmt& tag);
  bool switch_stmt(StmtP& out);
  bool call_operand(const char* keyword, ExprP& call);
  bool case_body(Stmt::Case& c);
  bool select_stmt(StmtP& out);

  // expressions (parser_expr.cpp)
  bool expr_list(std::vector<ExprP>& out);
  static int prec(Tok t);
  bool expr(ExprP& out);
  bool binary(ExprP& out, int min_prec);
  bool unary(ExprP& out);
  static bool is_type_like(const Expr& e);
  bool operand(ExprP& out);
  bool expr_or_type(ExprP& out);
  bool primary(ExprP& out);
  bool expr_to_type(Expr& x, TypeP& out);
  bool lit_body(Expr& cl);
  bool element(ExprP& out);

  std::vector<Token>& t_;
  File& file_;
  Error& err_;
  std::string_view file_name_;
  size_t p_ = 0;
  int lev_ = 0;       // < 0: inside an if/for/switch header (composite literals need parens)
  int depth_ = 0;
  int defers_ = 0;    // defer statements so far: names their hidden argument variables
  int gos_ = 0;       // go statements of package functions so far (go_package_call)
  bool failed_ = false;
 public:
  std::vector<Error> errors_;   // the syntax errors recovered from, in the order found
  bool pending_error() const { return failed_; }   // the one that stopped parsing, in err_
};

}  // namespace lang::detail
