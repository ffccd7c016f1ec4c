// parser.cpp — recursive-descent parser for the Go subset (go/parser's structure).
//
// [SECTION] token helpers
// [SECTION] declarations
// [SECTION] types
// [SECTION] statements
// [SECTION] expressions
#include "engine/lang/parser.h"

#include "engine/lang/branches.h"

#include <algorithm>

namespace lang {

namespace {

class Parser {
 public:
  Parser(std::vector<Token>& toks, File& f, Error& e, std::string_view file_name) : t_(toks), file_(f), err_(e), file_name_(file_name) {}

  bool file() {
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
      switch (cur().kind) {
        case Tok::Func: if (!func_decl()) return false; break;
        case Tok::Var: case Tok::Const: if (!value_decl_top()) return false; break;
        case Tok::Type: if (!type_decl_top()) return false; break;
        case Tok::Import: return fail(cur().pos, "syntax error: imports must appear before other declarations");
        default: return fail(cur().pos, "syntax error: non-declaration statement outside function body");
      }
      if (cur().kind != Tok::Eof && !semi()) return false;
    }
    return true;
  }

 private:
  // [SECTION] token helpers
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
  bool depth_ok() {
    if (depth_ > 200) return fail(cur().pos, "syntax error: expression nesting too deep");
    return true;
  }

  // [SECTION] declarations
  bool import_spec() {
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

  bool func_decl() {
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
  bool type_params(std::vector<TypeParam>& out) {
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
      if (cur().kind != Tok::RBrack) return fail_expected(", or ]");
    }
    if (!pending.empty()) return fail(pending.back().pos, "syntax error: missing type constraint");
    if (out.empty()) return fail(cur().pos, "empty type parameter list");
    next();
    return true;
  }

  // constraint parses a type constraint: a type, or a union of terms "~int | string".
  bool constraint(TypeP& out) {
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

  bool signature(std::vector<Param>& params, std::vector<Param>& results) {
    if (!param_list(params, true)) return false;
    return results_after_params(results);
  }
  bool results_after_params(std::vector<Param>& results) {
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
  bool param_list(std::vector<Param>& out, bool allow_variadic) {
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
      if (cur().kind != Tok::RParen) return fail_expected(", or )");
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

  bool value_decl_top() {
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

  bool value_spec(ValueSpec& vs, bool is_const) {
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

  bool type_decl_top() {
    next();
    if (cur().kind == Tok::LParen) {
      next();
      while (cur().kind != Tok::RParen) {
        if (!type_spec()) return false;
        if (!semi()) return false;
      }
      next();
      return true;
    }
    return type_spec();
  }

  bool type_spec() {
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
    file_.types.push_back(std::move(td));
    return true;
  }

  // [SECTION] types
  bool type(TypeP& out) {
    ++depth_;
    bool ok = depth_ok() && type_inner(out);
    --depth_;
    return ok;
  }
  bool type_inner(TypeP& out) {
    auto t = std::make_unique<TypeExpr>();
    t->pos = cur().pos;
    switch (cur().kind) {
      case Tok::Ident:
        t->name = cur().text;
        next();
        if (cur().kind == Tok::Period) {
          next();
          if (cur().kind != Tok::Ident) return fail_expected("name");
          t->kind = TypeExpr::Qualified;
          t->pkg = t->name;
          t->name = cur().text;
          next();
        } else {
          t->kind = TypeExpr::Name;
        }
        if (cur().kind == Tok::LBrack) {   // Set[string], Pair[K, V]: an instantiated generic type
          next();
          ++lev_;
          while (cur().kind != Tok::RBrack) {
            TypeP a;
            if (!type(a)) return false;
            t->targs.push_back(std::move(a));
            if (cur().kind == Tok::Comma) { next(); continue; }
            if (cur().kind != Tok::RBrack) return fail_expected(", or ]");
          }
          --lev_;
          if (t->targs.empty()) return fail(cur().pos, "expected type argument list");
          next();
        }
        break;
      case Tok::LParen: {
        next();
        if (!type(out)) return false;
        return expect(Tok::RParen, ")");
      }
      case Tok::LBrack:
        next();
        if (cur().kind == Tok::RBrack) {
          next();
          t->kind = TypeExpr::Slice;
        } else {
          t->kind = TypeExpr::Array;
          if (cur().kind == Tok::Ellipsis) {
            next();
          } else {
            ++lev_;
            bool ok = expr(t->len);
            --lev_;
            if (!ok) return false;
          }
          if (!expect(Tok::RBrack, "]")) return false;
        }
        if (!type(t->elem)) return false;
        break;
      case Tok::Mul:
        next();
        t->kind = TypeExpr::Pointer;
        if (!type(t->elem)) return false;
        break;
      case Tok::Map:
        next();
        t->kind = TypeExpr::Map;
        if (!expect(Tok::LBrack, "[")) return false;
        if (!type(t->key)) return false;
        if (!expect(Tok::RBrack, "]")) return false;
        if (!type(t->elem)) return false;
        break;
      case Tok::Struct:
        next();
        t->kind = TypeExpr::Struct;
        if (!expect(Tok::LBrace, "{")) return false;
        while (cur().kind != Tok::RBrace) {
          std::vector<std::pair<std::string, Pos>> names;
          if (cur().kind == Tok::Mul || (cur().kind == Tok::Ident && (peek().kind == Tok::Semicolon || peek().kind == Tok::RBrace || peek().kind == Tok::Period || peek().kind == Tok::String))) {
            // an embedded field: T, *T or pkg.T, named by its type's name
            FieldDecl f;
            f.pos = cur().pos;
            f.embedded = true;
            if (!type(f.type)) return false;
            const TypeExpr* n = f.type->kind == TypeExpr::Pointer ? f.type->elem.get() : f.type.get();
            if (n->kind != TypeExpr::Name && n->kind != TypeExpr::Qualified) return fail(f.pos, "embedded field type must be a type name");
            f.name = n->name;
            if (cur().kind == Tok::String) next();   // tag, ignored
            t->fields.push_back(std::move(f));
            if (!semi()) return false;
            continue;
          }
          while (true) {
            if (cur().kind != Tok::Ident) return fail_expected("field name or embedded type");
            names.push_back({cur().text, cur().pos});
            next();
            if (cur().kind != Tok::Comma) break;
            next();
          }
          TypeP ft;
          if (!type(ft)) return false;
          if (cur().kind == Tok::String) next();   // tag, ignored
          for (size_t i = 0; i < names.size(); ++i)
            t->fields.push_back(FieldDecl{names[i].second, names[i].first, i + 1 == names.size() ? std::move(ft) : clone_type(*ft)});
          if (!semi()) return false;
        }
        next();
        break;
      case Tok::Func:
        next();
        t->kind = TypeExpr::Func;
        if (!signature(t->fparams, t->fresults)) return false;
        break;
      case Tok::Interface: {
        // interface { M(params) results; Embedded; pkg.Embedded }
        next();
        t->kind = TypeExpr::Interface;
        if (!expect(Tok::LBrace, "{")) return false;
        while (cur().kind != Tok::RBrace) {
          FieldDecl f;
          f.pos = cur().pos;
          if (cur().kind != Tok::Ident || peek().kind != Tok::LParen) {
            // an embedded interface, or a constraint's type set: ~int | ~string
            if (!constraint(f.type)) return false;
          } else if (peek().kind == Tok::LParen) {
            f.name = cur().text;
            next();
            auto ft = std::make_unique<TypeExpr>();
            ft->kind = TypeExpr::Func;
            ft->pos = f.pos;
            if (!signature(ft->fparams, ft->fresults)) return false;
            f.type = std::move(ft);
          }
          t->fields.push_back(std::move(f));
          if (!semi()) return false;
        }
        next();
        break;
      }
      case Tok::Chan:   // chan T, chan<- T
        next();
        t->kind = TypeExpr::Chan;
        if (cur().kind == Tok::Arrow) {
          next();
          t->chan_dir = 1;
        }
        if (!type(t->elem)) return false;
        break;
      case Tok::Arrow:   // <-chan T
        next();
        if (cur().kind != Tok::Chan) return fail_expected("chan");
        next();
        t->kind = TypeExpr::Chan;
        t->chan_dir = 2;
        if (!type(t->elem)) return false;
        break;
      default:
        return fail_expected("type");
    }
    out = std::move(t);
    return true;
  }

  // [SECTION] statements
  bool block(std::vector<StmtP>& body, Pos* end = nullptr, Pos* start = nullptr) {
    if (start) *start = cur().pos;
    if (!expect(Tok::LBrace, "{")) return false;
    ++depth_;
    if (!depth_ok()) return false;
    while (cur().kind != Tok::RBrace) {
      if (cur().kind == Tok::Eof) return fail_expected("}");
      if (cur().kind == Tok::Semicolon) { next(); continue; }
      StmtP s;
      if (!stmt(s)) return false;
      if (s) body.push_back(std::move(s));
      if (cur().kind != Tok::RBrace && !semi()) return false;
    }
    --depth_;
    if (end) *end = cur().pos;
    next();
    return true;
  }

  // package_call: call is pkg.F(…) of an imported package (a local of the same name still
  // shadows it: the compiler then reports what it is).
  bool package_call(const Expr& call) const {
    if (call.kind != Expr::Call || call.has_ellipsis || call.x->kind != Expr::Selector || call.x->x->kind != Expr::Ident) return false;
    for (const Import& im : file_.imports)
      if (im.name == call.x->x->name) return true;
    return false;
  }

  // go_package_call: `go fmt.Println(a, b)` as gc's wrapper does it (walk/order.go
  // wrapGoDefer): the arguments evaluated here into hidden variables, the call run by a new
  // goroutine — `{ go#N.0 := a; go#N.1 := b; go func() { fmt.Println(go#N.0, go#N.1) }() }`
  // (constants stay in the call).
  StmtP go_package_call(Pos p, ExprP call) {
    auto block = mk(Stmt::Block, p);
    const std::string prefix = "go#" + std::to_string(++gos_) + ".";
    for (size_t i = 0; i < call->args.size(); ++i) {
      const Expr::Kind k = call->args[i]->kind;
      if (k == Expr::IntLit || k == Expr::FloatLit || k == Expr::StringLit || k == Expr::CharLit) continue;
      auto id = std::make_unique<Expr>();
      id->kind = Expr::Ident;
      id->pos = call->args[i]->pos;
      id->name = prefix + std::to_string(i);
      auto def = mk(Stmt::Define, call->args[i]->pos);
      auto lhs = std::make_unique<Expr>();
      lhs->kind = Expr::Ident;
      lhs->pos = id->pos;
      lhs->name = id->name;
      def->lhs.push_back(std::move(lhs));
      def->rhs.push_back(std::move(call->args[i]));
      call->args[i] = std::move(id);
      block->body.push_back(std::move(def));
    }
    auto lit = std::make_shared<FuncLit>();
    lit->pos = lit->end = p;
    auto body = mk(Stmt::ExprS, call->pos);
    body->lhs.push_back(std::move(call));
    lit->body.push_back(std::move(body));
    auto fn = std::make_unique<Expr>();
    fn->kind = Expr::FuncLitE;
    fn->pos = p;
    fn->lit = std::move(lit);
    auto go_call = std::make_unique<Expr>();
    go_call->kind = Expr::Call;
    go_call->pos = p;
    go_call->x = std::move(fn);
    auto go = mk(Stmt::Go, p);
    go->lhs.push_back(std::move(go_call));
    block->body.push_back(std::move(go));
    return block;
  }

  StmtP mk(Stmt::Kind k, Pos p) {
    auto s = std::make_unique<Stmt>();
    s->kind = k;
    s->pos = p;
    return s;
  }

  bool stmt(StmtP& out) {
    Pos p = cur().pos;
    switch (cur().kind) {
      case Tok::Var: case Tok::Const: return local_decl(out);
      case Tok::Type:
        return fail(p, "local type declarations are not supported by the playground");
      case Tok::LBrace: {
        auto s = mk(Stmt::Block, p);
        if (!block(s->body)) return false;
        out = std::move(s);
        return true;
      }
      case Tok::If: return if_stmt(out);
      case Tok::For: return for_stmt(out);
      case Tok::Switch: return switch_stmt(out);
      case Tok::Break: case Tok::Continue: {
        auto s = mk(cur().kind == Tok::Break ? Stmt::Break : Stmt::Continue, p);
        next();
        if (cur().kind == Tok::Ident) {   // break outer / continue outer
          s->label = cur().text;
          s->label_pos = cur().pos;
          next();
        }
        out = std::move(s);
        return true;
      }
      case Tok::Return: {
        auto s = mk(Stmt::Return, p);
        next();
        if (cur().kind != Tok::Semicolon && cur().kind != Tok::RBrace)
          if (!expr_list(s->rhs)) return false;
        out = std::move(s);
        return true;
      }
      case Tok::Go: {
        next();
        auto s = mk(Stmt::Go, p);
        ExprP call;
        if (!call_operand("go", call)) return false;
        if (package_call(*call)) {
          out = go_package_call(p, std::move(call));
          return true;
        }
        s->lhs.push_back(std::move(call));
        out = std::move(s);
        return true;
      }
      case Tok::Defer: {
        // defer f(a, b): the arguments are evaluated now into hidden variables (named so that
        // no Go identifier can clash), the call runs at the function's exits
        next();
        auto s = mk(Stmt::Defer, p);
        ExprP call;
        if (!call_operand("defer", call)) return false;
        if (call->has_ellipsis) return fail(call->pos, "defer with ... arguments is not supported by the playground");
        const std::string prefix = "defer#" + std::to_string(++defers_) + ".";
        for (size_t i = 0; i < call->args.size(); ++i) {
          auto id = std::make_unique<Expr>();
          id->kind = Expr::Ident;
          id->pos = call->args[i]->pos;
          id->name = prefix + std::to_string(i);
          s->rhs.push_back(std::move(call->args[i]));
          call->args[i] = std::move(id);
        }
        // a function literal deferred in a loop is a value made at the statement (one closure
        // per iteration): lhs[1] calls it through the hidden variable prefix + "f"
        ExprP through_value;
        if (call->x->kind == Expr::FuncLitE) {
          through_value = std::make_unique<Expr>();
          through_value->kind = Expr::Call;
          through_value->pos = call->pos;
          through_value->x = std::make_unique<Expr>();
          through_value->x->kind = Expr::Ident;
          through_value->x->pos = call->x->pos;
          through_value->x->name = prefix + "f";
          for (const auto& a : call->args) {
            auto id = std::make_unique<Expr>();
            id->kind = Expr::Ident;
            id->pos = a->pos;
            id->name = a->name;
            through_value->args.push_back(std::move(id));
          }
        }
        s->lhs.push_back(std::move(call));
        if (through_value) s->lhs.push_back(std::move(through_value));
        out = std::move(s);
        return true;
      }
      case Tok::Goto: {
        auto s = mk(Stmt::Goto, p);
        next();
        if (cur().kind != Tok::Ident) return fail_expected("name");
        s->label = cur().text;
        s->label_pos = cur().pos;
        next();
        out = std::move(s);
        return true;
      }
      case Tok::Fallthrough:
        out = mk(Stmt::Fallthrough, p);
        next();
        return true;
      case Tok::Select: return select_stmt(out);
      case Tok::Func: return simple_stmt(out, false);   // func(){ … }() called at once
      case Tok::Semicolon: out = mk(Stmt::Empty, p); return true;
      default:
        if (cur().kind == Tok::Ident && peek().kind == Tok::Colon) {   // outer: for … (the target of break/continue outer)
          const std::string name = cur().text;
          next();
          next();
          while (cur().kind == Tok::Semicolon && peek().kind != Tok::RBrace) next();   // the label on a line of its own
          if (cur().kind == Tok::RBrace || cur().kind == Tok::Semicolon) out = mk(Stmt::Empty, p);
          else if (!stmt(out)) return false;
          if (!out->labeled.empty()) return fail(p, "labels on labeled statements are not supported by the playground");
          out->labeled = name;
          out->labeled_pos = p;
          return true;
        }
        return simple_stmt(out, false);
    }
  }

  bool local_decl(StmtP& out) {
    bool is_const = cur().kind == Tok::Const;
    Pos p = cur().pos;
    next();
    auto blk = mk(Stmt::Block, p);
    blk->label = "decl";   // a declaration group: does not open a scope
    auto one = [&]() -> bool {
      ValueSpec vs;
      if (!value_spec(vs, is_const)) return false;
      if (is_const && vs.values.empty()) return fail(vs.pos, "missing init expr for const declaration");
      auto s = mk(is_const ? Stmt::ConstDecl : Stmt::VarDecl, vs.pos);
      s->names = std::move(vs.names);
      s->name_pos = std::move(vs.name_pos);
      s->type = std::move(vs.type);
      s->rhs = std::move(vs.values);
      blk->body.push_back(std::move(s));
      return true;
    };
    if (cur().kind == Tok::LParen) {
      next();
      while (cur().kind != Tok::RParen) {
        if (!one()) return false;
        if (!semi()) return false;
      }
      next();
    } else if (!one()) {
      return false;
    }
    if (blk->body.size() == 1) out = std::move(blk->body[0]);
    else out = std::move(blk);
    return true;
  }

  // simple_stmt parses expression statements and assignments; in_for allows "range".
  bool simple_stmt(StmtP& out, bool in_for) {
    Pos p = cur().pos;
    if (in_for && cur().kind == Tok::Range) {
      // for range x
      next();
      auto s = mk(Stmt::Range, p);
      if (!expr(s->cond)) return false;
      out = std::move(s);
      return true;
    }
    std::vector<ExprP> lhs;
    if (!expr_list(lhs)) return false;
    Tok k = cur().kind;
    const Pos op_pos = cur().pos;
    switch (k) {
      case Tok::Define: case Tok::Assign: {
        next();
        if (in_for && cur().kind == Tok::Range) {
          next();
          auto s = mk(Stmt::Range, p);
          s->range_define = k == Tok::Define;
          if (lhs.size() > 2) return fail(lhs[2]->pos, "range clause permits at most two iteration variables");
          s->lhs = std::move(lhs);
          if (!expr(s->cond)) return false;
          out = std::move(s);
          return true;
        }
        auto s = mk(k == Tok::Define ? Stmt::Define : Stmt::Assign, p);
        s->op_pos = op_pos;
        s->lhs = std::move(lhs);
        if (!expr_list(s->rhs)) return false;
        out = std::move(s);
        return true;
      }
      case Tok::AddAssign: case Tok::SubAssign: case Tok::MulAssign: case Tok::QuoAssign:
      case Tok::RemAssign: case Tok::AndAssign: case Tok::OrAssign: case Tok::XorAssign:
      case Tok::ShlAssign: case Tok::ShrAssign: case Tok::AndNotAssign: {
        static const Tok base[] = {Tok::Add, Tok::Sub, Tok::Mul, Tok::Quo, Tok::Rem, Tok::And, Tok::Or, Tok::Xor, Tok::Shl, Tok::Shr, Tok::AndNot};
        Tok op = base[int(k) - int(Tok::AddAssign)];
        next();
        auto s = mk(Stmt::OpAssign, p);
        s->op = op;
        if (lhs.size() != 1) return fail(p, "syntax error: unexpected op= with multiple operands");
        s->lhs = std::move(lhs);
        s->rhs.emplace_back();
        if (!expr(s->rhs[0])) return false;
        out = std::move(s);
        return true;
      }
      case Tok::Inc: case Tok::Dec: {
        auto s = mk(Stmt::IncDec, p);
        s->op = k;
        next();
        if (lhs.size() != 1) return fail(p, "syntax error: unexpected ++ with multiple operands");
        s->lhs = std::move(lhs);
        out = std::move(s);
        return true;
      }
      case Tok::Arrow: {   // ch <- v
        auto s = mk(Stmt::Send, p);
        next();
        if (lhs.size() != 1) return fail(p, "syntax error: unexpected <- with multiple operands");
        s->lhs = std::move(lhs);
        s->rhs.emplace_back();
        if (!expr(s->rhs[0])) return false;
        out = std::move(s);
        return true;
      }
      default: {
        if (lhs.size() != 1) return fail_expected(":= or = or comma");
        auto s = mk(Stmt::ExprS, p);
        s->lhs = std::move(lhs);
        out = std::move(s);
        return true;
      }
    }
  }

  bool if_stmt(StmtP& out) {
    auto s = mk(Stmt::If, cur().pos);
    next();
    int old = lev_;
    lev_ = -1;
    if (cur().kind == Tok::LBrace) return fail(cur().pos, "missing condition in if statement");
    StmtP first;
    if (cur().kind != Tok::Semicolon) {
      if (!simple_stmt(first, false)) return false;
    }
    if (cur().kind == Tok::Semicolon) {
      next();
      s->init = std::move(first);
      if (cur().kind == Tok::LBrace) return fail(cur().pos, "missing condition in if statement");
      if (!expr(s->cond)) return false;
    } else {
      if (!first || first->kind != Stmt::ExprS) {
        Pos p = first ? first->pos : cur().pos;
        return fail(p, "cannot use assignment as value (if header needs a condition)");
      }
      s->cond = std::move(first->lhs[0]);
    }
    lev_ = old;
    if (!block(s->body, nullptr, &s->body_pos)) return false;
    if (cur().kind == Tok::Else) {
      next();
      if (cur().kind == Tok::If) {
        if (!if_stmt(s->els)) return false;
      } else if (cur().kind == Tok::LBrace) {
        auto b = mk(Stmt::Block, cur().pos);
        if (!block(b->body)) return false;
        s->els = std::move(b);
      } else {
        return fail_expected("if statement or block");
      }
    }
    out = std::move(s);
    return true;
  }

  bool for_stmt(StmtP& out) {
    Pos p = cur().pos;
    next();
    int old = lev_;
    lev_ = -1;
    StmtP s1, s2, s3;
    ExprP cond;
    if (cur().kind != Tok::LBrace) {
      if (cur().kind != Tok::Semicolon)
        if (!simple_stmt(s2, true)) return false;
      if (s2 && s2->kind == Stmt::Range) {
        lev_ = old;
        if (!block(s2->body, nullptr, &s2->body_pos)) return false;
        s2->pos = p;
        out = std::move(s2);
        return true;
      }
      if (cur().kind == Tok::Semicolon) {
        // three-clause for
        next();
        s1 = std::move(s2);
        if (cur().kind != Tok::Semicolon) {
          if (!expr(cond)) return false;
        }
        if (!expect(Tok::Semicolon, "semicolon")) return false;   // gc: "expected for loop condition"
        if (cur().kind != Tok::LBrace) {
          if (!simple_stmt(s3, false)) return false;
          if (s3->kind == Stmt::Define) return fail(s3->pos, "cannot declare in post statement of for loop");
        }
      } else {
        if (!s2 || s2->kind != Stmt::ExprS) return fail(p, "syntax error: expected for loop condition");
        cond = std::move(s2->lhs[0]);
      }
    }
    lev_ = old;
    auto s = mk(Stmt::For, p);
    s->init = std::move(s1);
    s->cond = std::move(cond);
    s->post = std::move(s3);
    if (!block(s->body, nullptr, &s->body_pos)) return false;
    out = std::move(s);
    return true;
  }

  // switch_tag takes a switch's tag: an expression, x.(type) or v := x.(type).
  bool switch_tag(Stmt& s, Stmt& tag) {
    auto is_type_guard = [](const Expr* e) { return e && e->kind == Expr::TypeAssert && !e->type; };
    if (tag.kind == Stmt::Define && tag.lhs.size() == 1 && tag.rhs.size() == 1 && is_type_guard(tag.rhs[0].get()) &&
        tag.lhs[0]->kind == Expr::Ident) {
      s.type_switch = true;
      s.names.push_back(tag.lhs[0]->name);
      s.name_pos.push_back(tag.lhs[0]->pos);
      s.cond = std::move(tag.rhs[0]->x);
      return true;
    }
    if (tag.kind != Stmt::ExprS) return fail(tag.pos, "assignments in switch tags are not supported");
    if (is_type_guard(tag.lhs[0].get())) {
      s.type_switch = true;
      s.cond = std::move(tag.lhs[0]->x);
      return true;
    }
    s.cond = std::move(tag.lhs[0]);
    return true;
  }

  bool switch_stmt(StmtP& out) {
    auto s = mk(Stmt::Switch, cur().pos);
    next();
    int old = lev_;
    lev_ = -1;
    if (cur().kind != Tok::LBrace) {
      StmtP first;
      if (cur().kind != Tok::Semicolon)
        if (!simple_stmt(first, false)) return false;
      if (cur().kind == Tok::Semicolon) {
        next();
        s->init = std::move(first);
        if (cur().kind != Tok::LBrace) {
          StmtP tag;
          if (!simple_stmt(tag, false)) return false;
          if (!switch_tag(*s, *tag)) return false;
        }
      } else if (first) {
        if (!switch_tag(*s, *first)) return false;
      }
    }
    lev_ = old;
    if (!expect(Tok::LBrace, "{")) return false;
    while (cur().kind != Tok::RBrace) {
      Stmt::Case c;
      c.pos = cur().pos;
      if (cur().kind == Tok::Case) {
        next();
        if (!expr_list(c.exprs)) return false;
      } else if (cur().kind == Tok::Default) {
        next();
        c.is_default = true;
      } else {
        return fail_expected("case or default or }");
      }
      if (!case_body(c)) return false;
      s->cases.push_back(std::move(c));
    }
    next();
    out = std::move(s);
    return true;
  }

  // case_body parses a switch or select clause after its case list: ':' and the statements
  // up to the next case, default or '}'.
  // call_operand parses the operand of go / defer: a call, parentheses around it dropped.
  bool call_operand(const char* keyword, ExprP& call) {
    if (!expr(call)) return false;
    const Pos at = call->pos;
    while (call->kind == Expr::Paren) call = std::move(call->x);
    if (call->kind != Expr::Call) return fail(at, std::string("expression in ") + keyword + " must be function call");
    return true;
  }

  bool case_body(Stmt::Case& c) {
    if (!expect(Tok::Colon, ":")) return false;
    while (cur().kind != Tok::Case && cur().kind != Tok::Default && cur().kind != Tok::RBrace) {
      if (cur().kind == Tok::Eof) return fail_expected("}");
      if (cur().kind == Tok::Semicolon) { next(); continue; }
      StmtP st;
      if (!stmt(st)) return false;
      if (st) c.body.push_back(std::move(st));
      if (cur().kind != Tok::RBrace && cur().kind != Tok::Case && cur().kind != Tok::Default && !semi()) return false;
    }
    return true;
  }

  // select { case v := <-ch: … case ch <- x: … default: … }
  bool select_stmt(StmtP& out) {
    auto s = mk(Stmt::Select, cur().pos);
    next();
    if (!expect(Tok::LBrace, "{")) return false;
    while (cur().kind != Tok::RBrace) {
      Stmt::Case c;
      c.pos = cur().pos;
      if (cur().kind == Tok::Case) {
        next();
        if (!simple_stmt(c.comm, false)) return false;
      } else if (cur().kind == Tok::Default) {
        next();
        c.is_default = true;
      } else {
        return fail_expected("case or default or }");
      }
      if (!case_body(c)) return false;
      s->cases.push_back(std::move(c));
    }
    next();
    out = std::move(s);
    return true;
  }

  // [SECTION] expressions
  bool expr_list(std::vector<ExprP>& out) {
    while (true) {
      ExprP e;
      if (!expr(e)) return false;
      out.push_back(std::move(e));
      if (cur().kind != Tok::Comma) return true;
      next();
    }
  }

  static int prec(Tok t) {
    switch (t) {
      case Tok::LOr: return 1;
      case Tok::LAnd: return 2;
      case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq: return 3;
      case Tok::Add: case Tok::Sub: case Tok::Or: case Tok::Xor: return 4;
      case Tok::Mul: case Tok::Quo: case Tok::Rem: case Tok::Shl: case Tok::Shr: case Tok::And: case Tok::AndNot: return 5;
      default: return 0;
    }
  }

  bool expr(ExprP& out) { return binary(out, 1); }

  bool binary(ExprP& out, int min_prec) {
    ++depth_;
    if (!depth_ok()) return false;
    ExprP x;
    if (!unary(x)) return false;
    while (true) {
      int pr = prec(cur().kind);
      if (pr < min_prec) break;
      auto b = std::make_unique<Expr>();
      b->kind = Expr::Binary;
      b->op = cur().kind;
      b->pos = cur().pos;
      next();
      if (!binary(b->y, pr + 1)) return false;
      b->x = std::move(x);
      x = std::move(b);
    }
    --depth_;
    out = std::move(x);
    return true;
  }

  bool unary(ExprP& out) {
    Tok k = cur().kind;
    if (k == Tok::Arrow && peek().kind == Tok::Chan) {   // <-chan T as an operand
      auto e = std::make_unique<Expr>();
      e->pos = cur().pos;
      e->kind = Expr::TypeE;
      if (!type(e->type)) return false;
      out = std::move(e);
      return true;
    }
    // unary operators, and <-ch (a receive)
    if (k == Tok::Add || k == Tok::Sub || k == Tok::Not || k == Tok::Xor || k == Tok::And || k == Tok::Mul ||
        k == Tok::Arrow) {
      auto u = std::make_unique<Expr>();
      u->pos = cur().pos;
      u->kind = k == Tok::Mul ? Expr::Star : Expr::Unary;
      u->op = k;
      next();
      ++depth_;
      if (!depth_ok()) return false;
      bool ok = unary(u->x);
      --depth_;
      if (!ok) return false;
      out = std::move(u);
      return true;
    }
    return primary(out);
  }

  static bool is_type_like(const Expr& e) {
    if (e.kind == Expr::Ident) return true;
    if (e.kind == Expr::Selector && e.x && e.x->kind == Expr::Ident) return true;
    if (e.kind == Expr::TypeE) return true;
    if (e.kind == Expr::Index && e.x && is_type_like(*e.x) && e.x->kind != Expr::TypeE) return true;   // Set[string]{}
    return false;
  }

  bool operand(ExprP& out) {
    auto e = std::make_unique<Expr>();
    e->pos = cur().pos;
    switch (cur().kind) {
      case Tok::Ident: e->kind = Expr::Ident; e->name = cur().text; next(); break;
      case Tok::Int: e->kind = Expr::IntLit; e->name = cur().text; next(); break;
      case Tok::Float: e->kind = Expr::FloatLit; e->name = cur().text; next(); break;
      case Tok::String: e->kind = Expr::StringLit; e->name = cur().text; next(); break;
      case Tok::Char: e->kind = Expr::CharLit; e->name = cur().text; next(); break;
      case Tok::LParen: {
        next();
        ++lev_;
        e->kind = Expr::Paren;
        if (!expr_or_type(e->x)) return false;
        --lev_;
        if (!expect(Tok::RParen, ")")) return false;
        break;
      }
      case Tok::LBrack: case Tok::Map: case Tok::Struct: case Tok::Interface: {
        e->kind = Expr::TypeE;
        if (!type(e->type)) return false;
        break;
      }
      case Tok::Func: {
        auto lit = std::make_shared<FuncLit>();
        lit->pos = cur().pos;
        next();
        if (cur().kind != Tok::LParen) return fail_expected("(");
        if (!signature(lit->params, lit->results)) return false;
        if (cur().kind != Tok::LBrace) return fail_expected("{ after the function literal's signature");
        const int saved = lev_;
        lev_ = 0;   // composite literals are allowed again inside the body
        Pos start;
        if (!block(lit->body, &lit->end, &start)) return false;
        if (!branches(lit->body, start)) return false;
        lev_ = saved;
        e->kind = Expr::FuncLitE;
        e->lit = std::move(lit);
        break;
      }
      case Tok::Chan: {   // chan T as an operand: make(chan T, n), conversions
        e->kind = Expr::TypeE;
        if (!type(e->type)) return false;
        break;
      }
      default: return fail_expected("expression");
    }
    out = std::move(e);
    return true;
  }

  // expr_or_type: inside parens a pointer type like (*T) may appear.
  bool expr_or_type(ExprP& out) {
    if (cur().kind == Tok::Mul && peek().kind == Tok::Ident) {
      // (*T)(x) conversion or (*p) dereference: parse as expression; the compiler decides.
    }
    return expr(out);
  }

  bool primary(ExprP& out) {
    ExprP x;
    if (!operand(x)) return false;
    while (true) {
      Pos p = cur().pos;
      switch (cur().kind) {
        case Tok::Period: {
          next();
          if (cur().kind == Tok::LParen) {   // x.(T), x.(type)
            next();
            auto a = std::make_unique<Expr>();
            a->kind = Expr::TypeAssert;
            a->pos = p;
            if (cur().kind == Tok::Type) {
              next();
            } else {
              ++lev_;
              bool ok = type(a->type);
              --lev_;
              if (!ok) return false;
            }
            if (!expect(Tok::RParen, ")")) return false;
            a->x = std::move(x);
            x = std::move(a);
            break;
          }
          if (cur().kind != Tok::Ident) return fail_expected("name or (");
          auto s = std::make_unique<Expr>();
          s->kind = Expr::Selector;
          s->pos = x->pos;
          s->name = cur().text;
          s->x = std::move(x);
          next();
          x = std::move(s);
          break;
        }
        case Tok::LBrack: {
          next();
          ++lev_;
          auto ix = std::make_unique<Expr>();
          ix->pos = p;
          ExprP lo;
          if (cur().kind != Tok::Colon) {
            if (!expr(lo)) return false;
          }
          if (cur().kind == Tok::Colon) {
            next();
            ix->kind = Expr::Slice;
            ix->slice_lo = lo != nullptr;
            ix->y = std::move(lo);
            if (cur().kind != Tok::RBrack) {
              if (!expr(ix->z)) return false;
              ix->slice_hi = true;
            }
            if (cur().kind == Tok::Colon) return fail(cur().pos, "3-index slices are not supported by the playground");
          } else {
            if (!lo) return fail_expected("operand");
            ix->kind = Expr::Index;
            if (cur().kind == Tok::Comma) {   // F[int, string]: every index in args
              ix->args.push_back(clone_expr(*lo));
              while (cur().kind == Tok::Comma) {
                next();
                if (cur().kind == Tok::RBrack) break;
                ExprP more;
                if (!expr(more)) return false;
                ix->args.push_back(std::move(more));
              }
            }
            ix->y = std::move(lo);
          }
          --lev_;
          if (!expect(Tok::RBrack, "]")) return false;
          ix->x = std::move(x);
          x = std::move(ix);
          break;
        }
        case Tok::LParen: {
          next();
          ++lev_;
          auto c = std::make_unique<Expr>();
          c->kind = Expr::Call;
          c->pos = p;
          while (cur().kind != Tok::RParen) {
            ExprP a;
            // make([]T, n) / new(T): the first argument may be a type.
            if (cur().kind == Tok::Mul && c->args.empty()) {
              if (!expr(a)) return false;
            } else if (!expr(a)) {
              return false;
            }
            c->args.push_back(std::move(a));
            if (cur().kind == Tok::Ellipsis) {
              c->has_ellipsis = true;
              next();
            }
            if (cur().kind == Tok::Comma) { next(); continue; }
            if (cur().kind != Tok::RParen) return fail_expected(", or )");
          }
          --lev_;
          next();
          c->x = std::move(x);
          x = std::move(c);
          break;
        }
        case Tok::LBrace: {
          if (!is_type_like(*x) || (lev_ < 0 && x->kind != Expr::TypeE)) {
            out = std::move(x);
            return true;
          }
          auto cl = std::make_unique<Expr>();
          cl->kind = Expr::CompositeLit;
          cl->pos = x->pos;
          if (!expr_to_type(*x, cl->type)) return false;
          if (!lit_body(*cl)) return false;
          x = std::move(cl);
          break;
        }
        default:
          out = std::move(x);
          return true;
      }
    }
  }

  // expr_to_type reads an expression as the type it spells (a composite literal's type:
  // T, pkg.T, Set[string], Pair[K, *V]).
  bool expr_to_type(Expr& x, TypeP& out) {
    if (x.kind == Expr::TypeE) { out = std::move(x.type); return true; }
    if (x.kind == Expr::Paren) return expr_to_type(*x.x, out);
    auto t = std::make_unique<TypeExpr>();
    t->pos = x.pos;
    if (x.kind == Expr::Ident) {
      t->kind = TypeExpr::Name;
      t->name = x.name;
    } else if (x.kind == Expr::Selector && x.x->kind == Expr::Ident) {
      t->kind = TypeExpr::Qualified;
      t->pkg = x.x->name;
      t->name = x.name;
    } else if (x.kind == Expr::Star) {
      t->kind = TypeExpr::Pointer;
      if (!expr_to_type(*x.x, t->elem)) return false;
    } else if (x.kind == Expr::Index && x.x->kind != Expr::Index) {
      if (!expr_to_type(*x.x, out)) return false;
      if (out->kind != TypeExpr::Name && out->kind != TypeExpr::Qualified) return fail(x.pos, "syntax error: expected type");
      if (x.args.empty()) {
        out->targs.emplace_back();
        return expr_to_type(*x.y, out->targs.back());
      }
      for (auto& a : x.args) {
        out->targs.emplace_back();
        if (!expr_to_type(*a, out->targs.back())) return false;
      }
      return true;
    } else {
      return fail(x.pos, "syntax error: expected type");
    }
    out = std::move(t);
    return true;
  }

  bool lit_body(Expr& cl) {
    if (!expect(Tok::LBrace, "{")) return false;
    int old = lev_;
    lev_ = 1;
    ++depth_;
    if (!depth_ok()) return false;
    while (cur().kind != Tok::RBrace) {
      ExprP e;
      if (!element(e)) return false;
      if (cur().kind == Tok::Colon) {
        Pos p = cur().pos;
        next();
        auto kv = std::make_unique<Expr>();
        kv->kind = Expr::KeyValue;
        kv->pos = p;
        kv->x = std::move(e);
        if (!element(kv->y)) return false;
        e = std::move(kv);
      }
      cl.args.push_back(std::move(e));
      if (cur().kind == Tok::Comma) { next(); continue; }
      if (cur().kind != Tok::RBrace) return fail_expected(", or }");   // gc: "unexpected newline in composite literal; possibly missing comma or }"
    }
    --depth_;
    lev_ = old;
    next();
    return true;
  }

  bool element(ExprP& out) {
    if (cur().kind == Tok::LBrace) {
      auto cl = std::make_unique<Expr>();
      cl->kind = Expr::CompositeLit;
      cl->pos = cur().pos;
      if (!lit_body(*cl)) return false;
      out = std::move(cl);
      return true;
    }
    return expr(out);
  }

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
};

}  // namespace

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

bool parse(std::string_view src, File& file, Error& err, int first_line, std::string_view file_name) {
  std::vector<Token> toks;
  if (!lex(src, toks, err, first_line)) return false;
  Parser p(toks, file, err, file_name);
  if (!p.file()) return false;
  mark_noinline(src, file);
  return true;
}

}  // namespace lang
