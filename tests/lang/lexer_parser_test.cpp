// lexer_parser_test.cpp — tokens, semicolon insertion, syntax errors with line:col.
#include <gtest/gtest.h>

#include "engine/lang/lexer.h"
#include "engine/lang/parser.h"

namespace {

std::vector<lang::Token> toks(const std::string& s) {
  std::vector<lang::Token> t;
  lang::Error e;
  EXPECT_TRUE(lang::lex(s, t, e)) << e.msg;
  return t;
}

TEST(Lexer, InsertsSemicolonsAfterLineEnds) {
  auto t = toks("x := 1\nx++\nreturn\n}");
  std::vector<lang::Tok> kinds;
  for (auto& k : t) kinds.push_back(k.kind);
  using lang::Tok;
  std::vector<Tok> want = {Tok::Ident, Tok::Define, Tok::Int, Tok::Semicolon, Tok::Ident, Tok::Inc,
                           Tok::Semicolon, Tok::Return, Tok::Semicolon, Tok::RBrace, Tok::Semicolon, Tok::Eof};
  EXPECT_EQ(kinds, want);
}

TEST(Lexer, LiteralsAndPositions) {
  auto t = toks("a := 1_000_000 + 0x1F\n\tb := \"h\\ti\\u00e9\" + `raw\\n` + 'x'");
  ASSERT_GE(t.size(), 12u);
  EXPECT_EQ(t[2].text, "1_000_000");
  EXPECT_EQ(t[4].text, "0x1F");
  EXPECT_EQ(t[6].pos.line, 2);
  EXPECT_EQ(t[6].pos.col, 2);
  EXPECT_EQ(t[8].text, "h\ti\xc3\xa9");
  EXPECT_EQ(t[10].text, "raw\\n");
  EXPECT_EQ(t[12].kind, lang::Tok::Char);
  EXPECT_EQ(t[12].text, "120");
}

TEST(Lexer, ErrorsHavePositions) {
  std::vector<lang::Token> t;
  lang::Error e;
  EXPECT_FALSE(lang::lex("x := \"abc\ny", t, e));
  EXPECT_EQ(e.pos.line, 1);
  EXPECT_EQ(e.pos.col, 6);
  EXPECT_NE(e.msg.find("not terminated"), std::string::npos);
  EXPECT_FALSE(lang::lex("a := 1 @ 2", t, e));
  EXPECT_EQ(e.pos.col, 8);
  EXPECT_FALSE(lang::lex("/* never closed", t, e));
}

TEST(Parser, ParsesTheSeedProgram) {
  lang::File f;
  lang::Error e;
  const char* src =
      "package main\nimport (\n\"fmt\"\n\"runtime\"\n)\nfunc main() {\n n := 1_000_000\n m := make(map[int][128]byte)\n"
      " for i := 0; i < n; i++ { m[i] = [128]byte{} }\n runtime.KeepAlive(m)\n fmt.Println(len(m))\n}\n";
  ASSERT_TRUE(lang::parse(src, f, e)) << e.msg;
  EXPECT_EQ(f.package, "main");
  ASSERT_EQ(f.imports.size(), 2u);
  EXPECT_EQ(f.imports[1].path, "runtime");
  ASSERT_EQ(f.funcs.size(), 1u);
  EXPECT_EQ(f.funcs[0].body.size(), 5u);
  EXPECT_EQ(f.funcs[0].body[2]->kind, lang::Stmt::For);
}

TEST(Parser, CompositeLiteralInIfHeaderNeedsParens) {
  lang::File f;
  lang::Error e;
  // T{} after a bare name in an if header is the block, as in gc
  EXPECT_FALSE(lang::parse("package main\ntype T struct{}\nfunc main() { if x := (T{}); x == T{} {} }\n", f, e));
  lang::File g;
  EXPECT_TRUE(lang::parse("package main\ntype T struct{}\nfunc main() { if x := (T{}); x == (T{}) {} }\n", g, e)) << e.msg;
}

struct SyntaxCase {
  const char* src;
  int line, col;
  const char* msg;
};

TEST(Parser, SyntaxErrorsNameTheConstructWithLineAndColumn) {
  const SyntaxCase cases[] = {
      {"package main\nfunc main() {\n\tx := \n}\n", 4, 1, "unexpected }"},
      {"package main\nfunc main() {\n\tgo (x + 1)\n}\n", 3, 5, "expression in go must be function call"},
      {"package main\nfunc main() {\n\tdefer (x + 1)\n}\n", 3, 8, "expression in defer must be function call"},
      {"package main\nfunc (a, b T) m() {}\n", 2, 6, "method has multiple receivers"},
      {"package main\nfunc main() {\n\tf := func() int\n}\n", 3, 17, "expected { after the function literal's signature"},
      {"package main\ntype C interface{ ~int | }\n", 2, 26, "unexpected }, expected type"},
      {"package main\nfunc F[T any, U]() {}\n", 2, 16, "missing type constraint"},
      {"package main\ntype S struct{}\nfunc (s S) M[T any]() {}\n", 3, 13, "method must have no type parameters"},
      {"package main\nfunc main() {\n\tfor {\n}\n", 5, 1, "expected }"},
      {"package main\nfunc main() { x := 1 y := 2 }\n", 2, 22, "at end of statement"},
      {"package main\nfunc main() {\n\ta, b <- 1\n}\n", 3, 2, "unexpected <- with multiple operands"},
      // 3-index slices, at gc's positions (go build, 1.27)
      {"package main\nfunc main() {\n\t_ = s[1::3]\n}\n", 3, 10, "middle index required in 3-index slice"},
      {"package main\nfunc main() {\n\t_ = s[1:2:]\n}\n", 3, 12, "final index required in 3-index slice"},
  };
  for (const SyntaxCase& c : cases) {
    lang::File f;
    lang::Error e;
    EXPECT_FALSE(lang::parse(c.src, f, e)) << c.src;
    EXPECT_EQ(e.pos.line, c.line) << c.src << " → " << e.msg;
    EXPECT_EQ(e.pos.col, c.col) << c.src << " → " << e.msg;
    EXPECT_NE(e.msg.find(c.msg), std::string::npos) << e.msg;
  }
}

TEST(Parser, DeepNestingIsAnErrorNotACrash) {
  std::string src = "package main\nfunc main() { x := ";
  for (int i = 0; i < 5000; ++i) src += "(";
  src += "1";
  for (int i = 0; i < 5000; ++i) src += ")";
  src += "\n}\n";
  lang::File f;
  lang::Error e;
  EXPECT_FALSE(lang::parse(src, f, e));
  EXPECT_NE(e.msg.find("nesting"), std::string::npos);
}

}  // namespace
