// parser_stmt.cpp — statements (go/parser's parseStmt): blocks, declarations inside a
// function, simple statements and assignments, if/for/range/switch/select, go and defer
// (`go fmt.Println(…)` through gc's wrapper), return, branches. The Parser class is in
// parser_impl.h.
#include "engine/lang/parser_impl.h"

namespace lang::detail {

bool Parser::block(std::vector<StmtP>& body, Pos* end, Pos* start) {
  if (start) *start = cur().pos;
  if (!expect(Tok::LBrace, "{")) return false;
  ++depth_;
  if (!depth_ok()) return false;
  while (cur().kind != Tok::RBrace) {
    if (cur().kind == Tok::Eof) return fail_expected("}");
    if (cur().kind == Tok::Semicolon) { next(); continue; }
    StmtP s;
    const size_t from = p_;
    if (!stmt(s) || (cur().kind != Tok::RBrace && !end_of_stmt())) {   // gc's stmtList: advance(_Semi, _Rbrace, _Case, _Default)
      if (!recover_after(from, {Tok::Semicolon, Tok::RBrace, Tok::Case, Tok::Default}, true)) return false;
      if (cur().kind == Tok::Semicolon) next();
      else if (cur().kind == Tok::Case || cur().kind == Tok::Default) return fail_expected("}");
      continue;
    }
    if (s) body.push_back(std::move(s));
  }
  --depth_;
  if (end) *end = cur().pos;
  next();
  return true;
}

// package_call: call is pkg.F(…) of an imported package (a local of the same name still
// shadows it: the compiler then reports what it is).
bool Parser::package_call(const Expr& call) const {
  if (call.kind != Expr::Call || call.has_ellipsis || call.x->kind != Expr::Selector || call.x->x->kind != Expr::Ident) return false;
  for (const Import& im : file_.imports)
    if (im.name == call.x->x->name) return true;
  return false;
}

// go_package_call: `go fmt.Println(a, b)` as gc's wrapper does it (walk/order.go
// wrapGoDefer): the arguments evaluated here into hidden variables, the call run by a new
// goroutine — `{ go#N.0 := a; go#N.1 := b; go func() { fmt.Println(go#N.0, go#N.1) }() }`
// (constants stay in the call).
StmtP Parser::go_package_call(Pos p, ExprP call) {
  auto block = mk(Stmt::Block, p);
  const std::string prefix = "go#" + std::to_string(++gos_) + ".";
  for (size_t i = 0; i < call->args.size(); ++i) {
    const Expr::Kind k = call->args[i]->kind;
    if (k == Expr::IntLit || k == Expr::FloatLit || k == Expr::StringLit || k == Expr::CharLit) continue;
    auto id = ident_expr(prefix + std::to_string(i), call->args[i]->pos);
    auto def = mk(Stmt::Define, call->args[i]->pos);
    def->lhs.push_back(ident_expr(id->name, id->pos));
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
  auto go = mk(Stmt::Go, p);
  go->lhs.push_back(call_expr(std::move(fn), p));
  block->body.push_back(std::move(go));
  return block;
}

StmtP Parser::mk(Stmt::Kind k, Pos p) {
  auto s = std::make_unique<Stmt>();
  s->kind = k;
  s->pos = p;
  return s;
}

bool Parser::stmt(StmtP& out) {
  Pos p = cur().pos;
  switch (cur().kind) {
    case Tok::Var: case Tok::Const: return local_decl(out);
    case Tok::Type: {   // a local type declaration: scoped to its block (compiler_stmt.cpp)
      auto s = mk(Stmt::TypeDecl, p);
      if (!type_decl(s->types)) return false;
      out = std::move(s);
      return true;
    }
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
        auto id = ident_expr(prefix + std::to_string(i), call->args[i]->pos);
        s->rhs.push_back(std::move(call->args[i]));
        call->args[i] = std::move(id);
      }
      // a function literal deferred in a loop is a value made at the statement (one closure
      // per iteration): lhs[1] calls it through the hidden variable prefix + "f"
      ExprP through_value;
      if (call->x->kind == Expr::FuncLitE) {
        through_value = call_expr(ident_expr(prefix + "f", call->x->pos), call->pos);
        for (const auto& a : call->args) through_value->args.push_back(ident_expr(a->name, a->pos));
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

bool Parser::local_decl(StmtP& out) {
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
bool Parser::simple_stmt(StmtP& out, bool in_for) {
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

bool Parser::if_stmt(StmtP& out) {
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

bool Parser::for_stmt(StmtP& out) {
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
bool Parser::switch_tag(Stmt& s, Stmt& tag) {
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

bool Parser::switch_stmt(StmtP& out) {
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
bool Parser::call_operand(const char* keyword, ExprP& call) {
  if (!expr(call)) return false;
  const Pos at = call->pos;
  while (call->kind == Expr::Paren) call = std::move(call->x);
  if (call->kind != Expr::Call) return fail(at, std::string("expression in ") + keyword + " must be function call");
  return true;
}

bool Parser::case_body(Stmt::Case& c) {
  if (!expect(Tok::Colon, ":")) return false;
  while (cur().kind != Tok::Case && cur().kind != Tok::Default && cur().kind != Tok::RBrace) {
    if (cur().kind == Tok::Eof) return fail_expected("}");
    if (cur().kind == Tok::Semicolon) { next(); continue; }
    StmtP st;
    const size_t from = p_;
    if (!stmt(st) || (cur().kind != Tok::RBrace && cur().kind != Tok::Case && cur().kind != Tok::Default && !end_of_stmt())) {
      if (!recover_after(from, {Tok::Semicolon, Tok::RBrace, Tok::Case, Tok::Default}, true)) return false;
      if (cur().kind == Tok::Semicolon) next();
      continue;
    }
    if (st) c.body.push_back(std::move(st));
  }
  return true;
}

// select { case v := <-ch: … case ch <- x: … default: … }
bool Parser::select_stmt(StmtP& out) {
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

}  // namespace lang::detail
