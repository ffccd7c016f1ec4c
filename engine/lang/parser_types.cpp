// parser_types.cpp — type expressions (go/parser's parseType): names, qualified and
// instantiated names, pointers, arrays, slices, maps, channels, func types, structs and
// interfaces. The Parser class is in parser_impl.h.
#include "engine/lang/parser_impl.h"

namespace lang::detail {

bool Parser::type(TypeP& out) {
  ++depth_;
  bool ok = depth_ok() && type_inner(out);
  --depth_;
  return ok;
}

bool Parser::type_inner(TypeP& out) {
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

}  // namespace lang::detail
