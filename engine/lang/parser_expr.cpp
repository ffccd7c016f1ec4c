// parser_expr.cpp — expressions (go/parser's parseExpr): binary operators by Go's five
// precedence levels, unary operators, operands, primary expressions (selectors, index,
// slices, calls, type assertions), composite literals and the rule that a bare type name
// followed by '{' in an if/for/switch header is not a literal. The Parser class is in
// parser_impl.h.
#include "engine/lang/parser_impl.h"

namespace lang::detail {

bool Parser::expr_list(std::vector<ExprP>& out) {
  while (true) {
    ExprP e;
    if (!expr(e)) return false;
    out.push_back(std::move(e));
    if (cur().kind != Tok::Comma) return true;
    next();
  }
}

int Parser::prec(Tok t) {
  switch (t) {
    case Tok::LOr: return 1;
    case Tok::LAnd: return 2;
    case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq: return 3;
    case Tok::Add: case Tok::Sub: case Tok::Or: case Tok::Xor: return 4;
    case Tok::Mul: case Tok::Quo: case Tok::Rem: case Tok::Shl: case Tok::Shr: case Tok::And: case Tok::AndNot: return 5;
    default: return 0;
  }
}

bool Parser::expr(ExprP& out) { return binary(out, 1); }

bool Parser::binary(ExprP& out, int min_prec) {
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

bool Parser::unary(ExprP& out) {
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

bool Parser::is_type_like(const Expr& e) {
  if (e.kind == Expr::Ident) return true;
  if (e.kind == Expr::Selector && e.x && e.x->kind == Expr::Ident) return true;
  if (e.kind == Expr::TypeE) return true;
  if (e.kind == Expr::Index && e.x && is_type_like(*e.x) && e.x->kind != Expr::TypeE) return true;   // Set[string]{}
  return false;
}

bool Parser::operand(ExprP& out) {
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
bool Parser::expr_or_type(ExprP& out) {
  if (cur().kind == Tok::Mul && peek().kind == Tok::Ident) {
    // (*T)(x) conversion or (*p) dereference: parse as expression; the compiler decides.
  }
  return expr(out);
}

bool Parser::primary(ExprP& out) {
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
        s->name_pos = cur().pos;
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
          if (cur().kind != Tok::RBrack && cur().kind != Tok::Colon) {
            if (!expr(ix->z)) return false;
            ix->slice_hi = true;
          }
          if (cur().kind == Tok::Colon) {   // x[lo:hi:max] (the spec's full slice expression)
            if (!ix->slice_hi) return fail(cur().pos, "middle index required in 3-index slice");   // gc's words and position
            next();
            if (cur().kind == Tok::RBrack) return fail(cur().pos, "final index required in 3-index slice");
            ExprP max;
            if (!expr(max)) return false;
            ix->args.push_back(std::move(max));
          }
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
          if (cur().kind != Tok::RParen) return fail_in_list("argument list", ")");
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
bool Parser::expr_to_type(Expr& x, TypeP& out) {
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

bool Parser::lit_body(Expr& cl) {
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
    if (cur().kind != Tok::RBrace) return fail_in_list("composite literal", "}");
  }
  --depth_;
  lev_ = old;
  next();
  return true;
}

bool Parser::element(ExprP& out) {
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

}  // namespace lang::detail
