// parser.cpp — recursive-descent parser for the Go subset (go/parser's structure): the
// file (package clause, imports, top-level declarations), function declarations, type
// parameters and constraints, parameter lists, var/const/type specs; lang::parse and the
// //go:noinline directives. The Parser class is in parser_impl.h; types, statements and
// expressions are parsed in parser_types.cpp, parser_stmt.cpp and parser_expr.cpp.
#include "engine/lang/parser.h"

#include "engine/lang/parser_impl.h"

#include <algorithm>

namespace lang::detail {

bool Parser::file() {
  if (!expect(Tok::Package, "package")) return false;
  if (cur().kind != Tok::Ident) return fail_expected("package name");
  file_.package = cur().text;
  next();
  if (!semi()) return false;
  while (cur().kind == Tok::Import) {
    next();
    if (cur().kind == Tok::LParen) {
      next();
      while (cur().kind != Tok::RParen && cur().kind != Tok::Eof) {
        if (!import_spec()) return false;
        if (cur().kind != Tok::RParen && !semi()) return false;
      }
      if (!expect(Tok::RParen, ")")) return false;
    } else {
      if (!import_spec()) return false;
    }
    if (!semi()) return false;
  }
  while (cur().kind != Tok::Eof) {
    const size_t from = p_;
    bool ok = false;
    switch (cur().kind) {
      case Tok::Func: ok = func_decl(); break;
      case Tok::Var: case Tok::Const: ok = value_decl_top(); break;
      case Tok::Type: ok = type_decl(file_.types); break;
      case Tok::Import: ok = fail(cur().pos, "syntax error: imports must appear before other declarations"); break;
      default: ok = fail(cur().pos, "syntax error: non-declaration statement outside function body"); break;
    }
    if (ok && (cur().kind == Tok::Eof || semi())) continue;
    // gc's fileOrNil: advance(_Import, _Const, _Type, _Var, _Func)
    if (!recover_after(from, {Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func}, false)) return false;
  }
  return errors_.empty();
}

bool Parser::recover_after(size_t from, std::initializer_list<Tok> follow, bool in_func) {
  if (!failed_ || cur().kind == Tok::Eof) return false;   // (an error at the end is file()'s to record)
  errors_.push_back(err_);
  failed_ = false;
  if (errors_.size() >= 100) return false;   // gc_error_list keeps ten lines of them
  if (p_ == from) next();                    // what failed took no token: skip the one it stopped at
  auto stops = [&](Tok k) {
    if (std::find(follow.begin(), follow.end(), k) != follow.end()) return true;
    if (!in_func) return false;
    switch (k) {   // syntax/parser.go stopset: keywords that start a statement
      case Tok::Break: case Tok::Const: case Tok::Continue: case Tok::Defer: case Tok::Fallthrough: case Tok::For:
      case Tok::Go: case Tok::Goto: case Tok::If: case Tok::Return: case Tok::Select: case Tok::Switch: case Tok::Type:
      case Tok::Var: return true;
      default: return false;
    }
  };
  while (cur().kind != Tok::Eof && !stops(cur().kind)) next();
  return true;
}

bool Parser::import_spec() {
  Import im;
  im.pos = cur().pos;
  if (cur().kind == Tok::Ident || cur().kind == Tok::Period) {
    im.name = cur().text;
    next();
  }
  if (cur().kind != Tok::String) return fail_expected("import path");
  im.path = cur().text;
  if (im.name.empty()) {
    size_t slash = im.path.rfind('/');
    im.name = slash == std::string::npos ? im.path : im.path.substr(slash + 1);
  }
  next();
  file_.imports.push_back(std::move(im));
  return true;
}

bool Parser::func_decl() {
  FuncDecl f;
  f.pos = cur().pos;
  next();
  if (cur().kind == Tok::LParen) {
    // A method: the receiver becomes the first parameter (compiler.cpp dispatches x.M()).
    Pos rp = cur().pos;
    if (!param_list(f.params, false)) return false;
    if (f.params.size() != 1) return fail(rp, f.params.empty() ? "method has no receiver" : "method has multiple receivers");
    f.has_recv = true;
  }
  if (cur().kind != Tok::Ident) return fail_expected("name or (");
  f.name = cur().text;
  next();
  if (cur().kind == Tok::LBrack) {
    if (f.has_recv) return fail(cur().pos, "syntax error: method must have no type parameters");
    if (!type_params(f.tparams)) return false;
  }
  if (!param_list(f.params, true)) return false;
  if (!results_after_params(f.results)) return false;
  if (cur().kind != Tok::LBrace) {
    f.has_body = false;
    file_.funcs.push_back(std::move(f));
    return true;
  }
  Pos start;
  if (!block(f.body, &f.end, &start)) return false;
  if (!branches(f.body, start)) return false;
  file_.funcs.push_back(std::move(f));
  return true;
}

// type_params parses "[K comparable, V any]" or "[K, V any]" (names share the constraint
// that follows them, as in a parameter list).
bool Parser::type_params(std::vector<TypeParam>& out) {
  if (!expect(Tok::LBrack, "[")) return false;
  std::vector<TypeParam> pending;
  while (cur().kind != Tok::RBrack) {
    if (cur().kind != Tok::Ident) return fail_expected("type parameter name");
    TypeParam tp;
    tp.pos = cur().pos;
    tp.name = cur().text;
    next();
    pending.push_back(std::move(tp));
    if (cur().kind == Tok::Comma) { next(); continue; }
    if (cur().kind == Tok::RBrack) return fail(cur().pos, "syntax error: missing type constraint");
    TypeP c;
    if (!constraint(c)) return false;
    for (size_t i = 0; i < pending.size(); ++i) {
      pending[i].constraint = i + 1 == pending.size() ? std::move(c) : clone_type(*c);
      out.push_back(std::move(pending[i]));
    }
    pending.clear();
    if (cur().kind == Tok::Comma) { next(); continue; }
    if (cur().kind != Tok::RBrack) return fail_in_list("parameter list", "]");
  }
  if (!pending.empty()) return fail(pending.back().pos, "syntax error: missing type constraint");
  if (out.empty()) return fail(cur().pos, "empty type parameter list");
  next();
  return true;
}

// constraint parses a type constraint: a type, or a union of terms "~int | string".
bool Parser::constraint(TypeP& out) {
  auto u = std::make_unique<TypeExpr>();
  u->kind = TypeExpr::Union;
  u->pos = cur().pos;
  while (true) {
    FieldDecl term;
    term.pos = cur().pos;
    if (cur().kind == Tok::Tilde) {
      term.name = "~";
      next();
    }
    if (!type(term.type)) return false;
    u->fields.push_back(std::move(term));
    if (cur().kind != Tok::Or) break;
    next();
  }
  if (u->fields.size() == 1 && u->fields[0].name.empty()) out = std::move(u->fields[0].type);
  else out = std::move(u);
  return true;
}

bool Parser::signature(std::vector<Param>& params, std::vector<Param>& results) {
  if (!param_list(params, true)) return false;
  return results_after_params(results);
}

bool Parser::results_after_params(std::vector<Param>& results) {
  if (cur().kind == Tok::LParen) return param_list(results, false);
  if (cur().kind != Tok::LBrace && cur().kind != Tok::RBrace && cur().kind != Tok::Semicolon && cur().kind != Tok::RParen &&
      cur().kind != Tok::Comma && cur().kind != Tok::RBrack && cur().kind != Tok::Assign && cur().kind != Tok::Colon &&
      cur().kind != Tok::Eof) {
    Param r;
    r.pos = cur().pos;
    if (!type(r.type)) return false;
    results.push_back(std::move(r));
  }
  return true;
}

// param_list parses "(a, b int, c string)" or "(int, string)" (gc's grouping rule).
bool Parser::param_list(std::vector<Param>& out, bool allow_variadic) {
  if (!expect(Tok::LParen, "(")) return false;
  struct Item { Pos pos; std::string name; TypeP type; bool variadic = false; };
  std::vector<Item> items;
  bool any_named = false;
  while (cur().kind != Tok::RParen) {
    Item it;
    it.pos = cur().pos;
    if (cur().kind == Tok::Ident && peek().kind != Tok::Period && peek().kind != Tok::Comma && peek().kind != Tok::RParen) {
      it.name = cur().text;
      next();
      any_named = true;
      if (cur().kind == Tok::Ellipsis) {
        if (!allow_variadic) return fail(cur().pos, "syntax error: cannot use ... in result list");
        it.variadic = true;
        next();
      }
      if (!type(it.type)) return false;
    } else {
      if (cur().kind == Tok::Ellipsis) {
        it.variadic = true;
        next();
      }
      if (!type(it.type)) return false;
    }
    items.push_back(std::move(it));
    if (cur().kind == Tok::Comma) { next(); continue; }
    if (cur().kind != Tok::RParen) return fail_in_list("parameter list", ")");
  }
  next();
  if (any_named) {
    // "a, b int": bare names (parsed as types) take the type of the next named item.
    for (size_t i = 0; i < items.size(); ++i) {
      if (!items[i].name.empty()) continue;
      if (items[i].type->kind != TypeExpr::Name) return fail(items[i].pos, "syntax error: mixed named and unnamed parameters");
      size_t j = i + 1;
      while (j < items.size() && items[j].name.empty()) ++j;
      if (j == items.size()) return fail(items[i].pos, "syntax error: mixed named and unnamed parameters");
      items[i].name = items[i].type->name;
      items[i].type = clone_type(*items[j].type);
    }
  }
  for (auto& it : items) {
    Param p;
    p.pos = it.pos;
    p.name = it.name;
    p.type = std::move(it.type);
    p.variadic = it.variadic;
    out.push_back(std::move(p));
  }
  return true;
}

bool Parser::value_decl_top() {
  bool is_const = cur().kind == Tok::Const;
  next();
  if (cur().kind == Tok::LParen) {
    next();
    int iota = 0;
    while (cur().kind != Tok::RParen) {
      ValueSpec vs;
      if (!value_spec(vs, is_const)) return false;
      vs.iota = iota++;
      file_.values.push_back(std::move(vs));
      if (!semi()) return false;
    }
    next();
    return true;
  }
  ValueSpec vs;
  if (!value_spec(vs, is_const)) return false;
  file_.values.push_back(std::move(vs));
  return true;
}

bool Parser::value_spec(ValueSpec& vs, bool is_const) {
  vs.pos = cur().pos;
  vs.is_const = is_const;
  while (true) {
    if (cur().kind != Tok::Ident) return fail_expected("name");
    vs.names.push_back(cur().text);
    vs.name_pos.push_back(cur().pos);
    next();
    if (cur().kind != Tok::Comma) break;
    next();
  }
  if (cur().kind != Tok::Assign && cur().kind != Tok::Semicolon && cur().kind != Tok::RParen) {
    if (!type(vs.type)) return false;
  }
  if (cur().kind == Tok::Assign) {
    next();
    if (!expr_list(vs.values)) return false;
  }
  if (!is_const && !vs.type && vs.values.empty()) return fail_expected("type");
  return true;
}

// type_decl parses `type T …` or `type ( … )` into out: the file's types, or a local
// declaration's (parser_stmt.cpp).
bool Parser::type_decl(std::vector<TypeDecl>& out) {
  next();
  if (cur().kind == Tok::LParen) {
    next();
    while (cur().kind != Tok::RParen) {
      if (!type_spec(out)) return false;
      if (!semi()) return false;
    }
    next();
    return true;
  }
  return type_spec(out);
}

bool Parser::type_spec(std::vector<TypeDecl>& out) {
  TypeDecl td;
  td.pos = cur().pos;
  if (cur().kind != Tok::Ident) return fail_expected("name");
  td.name = cur().text;
  next();
  if (cur().kind == Tok::Assign) {
    td.alias = true;
    next();
  }
  if (cur().kind == Tok::LBrack && peek().kind == Tok::Ident && peek(2).kind != Tok::RBrack) {
    if (td.alias) return fail(cur().pos, "generic type aliases are not supported by the playground");
    if (!type_params(td.tparams)) return false;
  }
  if (!type(td.type)) return false;
  out.push_back(std::move(td));
  return true;
}

}  // namespace lang::detail

namespace lang {

using detail::Parser;

// mark_noinline sets FuncDecl::noinline from //go:noinline directives (at the start of a
// line, as gc wants them): one applies to the next func declaration when only comments or
// blank lines stand between them.
static void mark_noinline(std::string_view src, File& file) {
  std::vector<int> directive_of_line{0};   // per line (1-based): the directive it sees, 0 = none
  int line = 1, active = 0;
  for (size_t i = 0; i <= src.size(); ++line) {
    const size_t e = std::min(src.find('\n', i), src.size());
    const std::string_view l = src.substr(i, e - i);
    const size_t nb = l.find_first_not_of(" \t\r");
    if (l.substr(0, 13) == "//go:noinline") active = line;
    directive_of_line.push_back(active);
    if (nb != std::string_view::npos && l.substr(nb, 2) != "//") active = 0;   // code: used up
    i = e + 1;
  }
  for (FuncDecl& f : file.funcs)
    if (f.pos.line > 0 && size_t(f.pos.line) < directive_of_line.size()) f.noinline = directive_of_line[size_t(f.pos.line)] != 0;
}

bool parse(std::string_view src, File& file, std::vector<Error>& errs, int first_line, std::string_view file_name) {
  errs.clear();
  std::vector<Token> toks;
  Error err;
  if (!lex(src, toks, err, first_line)) return errs.push_back(err), false;
  Parser p(toks, file, err, file_name);
  const bool ok = p.file();
  errs = std::move(p.errors_);
  if (p.pending_error()) errs.push_back(err);   // the error that stopped it (not recovered from)
  if (!ok || !errs.empty()) {
    if (errs.empty()) errs.push_back(Error{Pos{1, 1}, "syntax error"});   // (a failure that named none: a bug)
    return false;
  }
  mark_noinline(src, file);
  return true;
}

bool parse(std::string_view src, File& file, Error& err, int first_line, std::string_view file_name) {
  std::vector<Error> errs;
  if (parse(src, file, errs, first_line, file_name)) return true;
  err = errs.front();
  return false;
}

std::string syntax_error_for_release(std::string msg, int go_minor) {
  auto drop = [&](const std::string& from, const std::string& to) {
    if (const size_t at = msg.find(from); at != std::string::npos) msg.replace(at, from.size(), to);
  };
  if (msg.rfind("syntax error: ", 0) != 0) return msg;
  if (go_minor < 24) drop("unexpected keyword ", "unexpected ");
  if (go_minor < 23) drop("unexpected name ", "unexpected ");
  if (go_minor < 20) drop(", expected ", ", expecting ");
  return msg;
}

bool imports(const File& file, std::string_view path) {
  for (const Import& im : file.imports)
    if (im.path == path) return true;
  return false;
}

bool add_library_code(File& file, std::string_view src, int first_line, std::string_view what, Error& err) {
  File code;
  if (!parse(src, code, err, first_line)) {
    err.msg = "internal error in " + std::string(what) + "'s code: " + err.msg;
    return false;
  }
  for (TypeDecl& td : code.types) file.types.push_back(std::move(td));
  for (ValueSpec& vs : code.values) file.values.push_back(std::move(vs));
  for (FuncDecl& fd : code.funcs) file.funcs.push_back(std::move(fd));
  return true;
}

}  // namespace lang
