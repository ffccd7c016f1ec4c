// checker_test.cpp — type errors and unsupported constructs: "main.go:line:col: message".
#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

struct Case {
  const char* body;   // statements of main (line 17 is the first body line in prog())
  const char* msg;
};

TEST(Checker, ReportsTypeErrorsWithPosition) {
  const Case cases[] = {
      {"\tx := 1\n\tx = \"a\"\n", "cannot use \"a\" (untyped string constant) as int value in assignment"},
      {"\tvar m map[string]int\n\tm[1] = 2\n", "cannot use 1 (untyped int constant) as string value in map index"},
      {"\ty := 3\n", "declared and not used: y"},
      {"\tundefinedThing()\n", "undefined: undefinedThing"},
      {"\tvar a [3]int\n\ta[5] = 1\n", "invalid argument: index 5 out of bounds [0:3]"},
      {"\tvar b int8 = 300\n\t_ = b\n", "overflows"},
      {"\tx := 1\n\tx := 2\n\t_ = x\n", "no new variables on left side of :="},
      {"\t1 + 2\n", "is not used"},
      {"\tvar s []int\n\t_ = s == s\n", "can only be compared to nil"},
      {"\t_ = 1 / 0\n", "division by zero"},
      {"\tbreak\n", "break is not in a loop"},
      {"\tvar p *int\n\t_ = p.x\n", "undefined"},
      {"\t_ = len(1)\n", "invalid argument"},
      {"\tx, y := 1\n\t_, _ = x, y\n", "assignment mismatch: 2 variables but 1 value"},
      {"\ts := \"a\"\n\tvar n int = s\n\t_ = n\n", "cannot use s (variable of type string) as int value in variable declaration"},
  };
  for (const Case& c : cases) {
    langtest::Run r = langtest::run(langtest::prog(c.body));
    EXPECT_FALSE(r.loaded) << c.body;
    EXPECT_NE(r.diag.find(c.msg), std::string::npos) << c.body << " → " << r.diag;
    EXPECT_EQ(r.diag.rfind("main.go:", 0), 0u) << r.diag;
    EXPECT_EQ(r.exit, 1);
  }
}

// labeled break/continue: gc's messages at gc's positions (real Go 1.19 and 1.27 print these)
TEST(Checker, LabelsOfBreakAndContinue) {
  const struct { const char* src; const char* diag; } bad[] = {
      {"package main\n\nfunc main() {\n\tfor {\n\t\tbreak nowhere\n\t}\n}\n", "main.go:5:9: break label not defined: nowhere"},
      {"package main\n\nfunc main() {\nsw:\n\tswitch {\n\tdefault:\n\t\tfor {\n\t\t\tcontinue sw\n\t\t}\n\t}\n}\n", "main.go:8:13: invalid continue label sw"},
      {"package main\n\nfunc main() {\nouter:\n\tfor i := 0; i < 2; i++ {\n\t}\n}\n", "main.go:4:1: label outer defined and not used"},
  };
  for (const auto& b : bad) {
    langtest::Run r = langtest::run(b.src);
    EXPECT_FALSE(r.loaded) << b.src;
    EXPECT_EQ(r.diag, b.diag);
  }
  langtest::Run ok = langtest::run(
      "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tn := 0\nouter:\n\tfor i := 0; i < 5; i++ {\n\t\tfor j := 0; j < 5; j++ {\n"
      "\t\t\tswitch {\n\t\t\tcase j > i:\n\t\t\t\tcontinue outer\n\t\t\tcase i == 4:\n\t\t\t\tbreak outer\n\t\t\t}\n\t\t\tn++\n\t\t}\n\t}\n"
      "\tfmt.Println(n)\n}\n");
  ASSERT_TRUE(ok.loaded) << ok.diag;
  EXPECT_EQ(ok.out, "10\n");
}

TEST(Checker, DiagnosticCarriesLineAndColumn) {
  langtest::Run r = langtest::run("package main\n\nfunc main() {\n\tvar x int = \"s\"\n\t_ = x\n}\n");
  EXPECT_EQ(r.diag, "main.go:4:14: cannot use \"s\" (untyped string constant) as int value in variable declaration");
}

TEST(Checker, UnsupportedImportsAndMissingPieces) {
  EXPECT_NE(langtest::run("package main\nimport \"os\"\nfunc main() { os.Exit(1) }\n").diag.find("import \"os\" is not supported"), std::string::npos);
  EXPECT_NE(langtest::run("package main\nimport \"fmt\"\nfunc main() {}\n").diag.find("\"fmt\" imported and not used"), std::string::npos);
  EXPECT_NE(langtest::run("package main\nfunc f() {}\n").diag.find("function main is undeclared"), std::string::npos);
  EXPECT_NE(langtest::run("package main\nfunc f() int { }\nfunc main() { f() }\n").diag.find("missing return"), std::string::npos);
  EXPECT_NE(langtest::run("package lib\nfunc main() {}\n").diag.find("not a main package"), std::string::npos);
}

TEST(Checker, ConstantsIotaAndTypedConversions) {
  langtest::Run r = langtest::run(langtest::prog(
      "\tfmt.Println(A, B, C, Big>>60, KB, float64(3)/2, uint8(255)+0, int64(-1))\n",
      "const (\n\tA = iota\n\tB\n\tC\n)\nconst Big = 1 << 62\nconst KB = 1 << (10 * (iota + 1))\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "0 1 2 4 1024 1.5 255 -1\n");
}

}  // namespace
