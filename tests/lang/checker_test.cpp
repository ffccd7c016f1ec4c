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
      {"\ty := 3\n", "y declared but not used"},
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
      {"\ts := \"a\"\n\tvar n int = s\n\t_ = n\n", "cannot use s (variable of type string) as type int in variable declaration"},   // Go 1.19's words
  };
  for (const Case& c : cases) {
    langtest::Run r = langtest::run(langtest::prog(c.body));
    EXPECT_FALSE(r.loaded) << c.body;
    EXPECT_NE(r.diag.find(c.msg), std::string::npos) << c.body << " → " << r.diag;
    EXPECT_EQ(r.diag.rfind("main.go:", 0), 0u) << r.diag;
    EXPECT_EQ(r.exit, 1);
  }
}

// every error of a program, as gc prints them: sorted by position, each variable's and import's
// "not used" too, a failed declaration's names counting as declared (no follow-on errors),
// at most 10 then "too many errors" at the tenth error gc found (main's unused y: types2
// reports a function's unused variables at its end). Real Go 1.19 and 1.27 print these lines
// after "# command-line-arguments" (`go run main.go`).
std::string all_diagnostics(const std::string& src, const char* release) {
  sim::Simulation s;
  EXPECT_FALSE(s.load(src, langtest::go(release), "main.go"));
  std::string out;
  for (const sim::Diagnostic& d : s.diagnostics()) out += d.to_string() + "\n";
  return out;
}

TEST(Checker, EveryErrorAsGcReportsIt) {
  const std::string many =
      "package main\n"
      "\n"
      "import (\n"
      "\t\"fmt\"\n"
      "\t\"sort\"\n"
      "\t\"strings\"\n"
      ")\n"
      "\n"
      "func g(a int) int {\n"
      "\tb := 1\n"
      "}\n"
      "\n"
      "func main() {\n"
      "\tvar s string = 5\n"
      "\tx := undefinedThing + 1\n"
      "\tfmt.Println(s, x)\n"
      "\tvar n int = \"a\"\n"
      "\ty := 3\n"
      "\tfmt.Println(n, strings.ToUpper(q))\n"
      "\tm := map[string]int{}\n"
      "\tm[1] = 2\n"
      "\tz := 1\n"
      "\tfor i := 0; i < 3; i++ {\n"
      "\t\tvar w string = i\n"
      "\t\tfmt.Println(w + 1)\n"
      "\t}\n"
      "}\n";
  EXPECT_EQ(all_diagnostics(many, "1.19"),
      "main.go:10:2: b declared but not used\n"
      "main.go:11:1: missing return\n"
      "main.go:14:17: cannot use 5 (untyped int constant) as string value in variable declaration\n"
      "main.go:15:7: undefined: undefinedThing\n"
      "main.go:17:14: cannot use \"a\" (untyped string constant) as int value in variable declaration\n"
      "main.go:18:2: y declared but not used\n"
      "main.go:19:33: undefined: q\n"
      "main.go:21:4: cannot use 1 (untyped int constant) as string value in map index\n"
      "main.go:24:18: cannot use i (variable of type int) as type string in variable declaration\n"
      "main.go:25:15: invalid operation: w + 1 (mismatched types string and untyped int)\n"
      "main.go:18:2: too many errors\n");
  EXPECT_EQ(all_diagnostics(many, "1.27"),
      "main.go:10:2: declared and not used: b\n"
      "main.go:11:1: missing return\n"
      "main.go:14:17: cannot use 5 (untyped int constant) as string value in variable declaration\n"
      "main.go:15:7: undefined: undefinedThing\n"
      "main.go:17:14: cannot use \"a\" (untyped string constant) as int value in variable declaration\n"
      "main.go:18:2: declared and not used: y\n"
      "main.go:19:33: undefined: q\n"
      "main.go:21:4: cannot use 1 (untyped int constant) as string value in map index\n"
      "main.go:24:18: cannot use i (variable of type int) as string value in variable declaration\n"
      "main.go:25:15: invalid operation: w + 1 (mismatched types string and untyped int)\n"
      "main.go:18:2: too many errors\n");
  // types2's mismatched operands (binary, comparison, &&, op=) and constants that do not fit
  const std::string ops =
      "package main\n"
      "\n"
      "func main() {\n"
      "\tvar a int\n"
      "\tvar b int64\n"
      "\tvar s string\n"
      "\tvar ok bool\n"
      "\t_ = a + b\n"
      "\t_ = a == \"x\"\n"
      "\t_ = b < 1.5\n"
      "\t_ = ok && 1\n"
      "\t_ = s == nil\n"
      "\t_ = 1 + s\n"
      "\t_ = a + 2.5\n"
      "\ts += 1\n"
      "}\n";
  EXPECT_EQ(all_diagnostics(ops, "1.27"),
      "main.go:8:6: invalid operation: a + b (mismatched types int and int64)\n"
      "main.go:9:11: invalid operation: a == \"x\" (mismatched types int and untyped string)\n"
      "main.go:10:10: 1.5 (untyped float constant) truncated to int64\n"
      "main.go:11:6: invalid operation: ok && 1 (mismatched types bool and untyped int)\n"
      "main.go:12:11: invalid operation: s == nil (mismatched types string and untyped nil)\n"
      "main.go:13:6: invalid operation: 1 + s (mismatched types untyped int and string)\n"
      "main.go:14:10: 2.5 (untyped float constant) truncated to int\n"
      "main.go:15:2: invalid operation: s += 1 (mismatched types string and untyped int)\n");
  // unused imports and variables, a missing return: all of them (Go 1.19's and 1.21's words)
  const std::string unused = "package main\n\nimport (\n\t\"fmt\"\n\t\"sort\"\n\t\"strings\"\n)\n\nfunc g() int {\n\tb := 1\n}\n\nfunc main() {\n\tx := 1\n\tfmt.Println()\n}\n";
  EXPECT_EQ(all_diagnostics(unused, "1.19"),
            "main.go:5:2: imported and not used: \"sort\"\nmain.go:6:2: imported and not used: \"strings\"\n"
            "main.go:10:2: b declared but not used\nmain.go:11:1: missing return\nmain.go:14:2: x declared but not used\n");
  EXPECT_EQ(all_diagnostics(unused, "1.21"),
            "main.go:5:2: \"sort\" imported and not used\nmain.go:6:2: \"strings\" imported and not used\n"
            "main.go:10:2: b declared and not used\nmain.go:11:1: missing return\nmain.go:14:2: x declared and not used\n");
  // Go 1.19's gc wording of a value that is not assignable (types2's CompilerErrorMessages)
  const std::string iface = "package main\n\nimport \"fmt\"\n\ntype T struct{}\n\nfunc main() {\n\tvar s fmt.Stringer = T{}\n\tvar m map[string]int = []int{}\n\tfmt.Println(s, m)\n}\n";
  EXPECT_EQ(all_diagnostics(iface, "1.19"),
            "main.go:8:23: cannot use T{} (value of type T) as type fmt.Stringer in variable declaration:\n"
            "\tT does not implement fmt.Stringer (missing String method)\n"
            "main.go:9:25: cannot use []int{} (value of type []int) as type map[string]int in variable declaration\n");
  EXPECT_EQ(all_diagnostics(iface, "1.21"),
            "main.go:8:23: cannot use T{} (value of type T) as fmt.Stringer value in variable declaration: T does not implement "
            "fmt.Stringer (missing method String)\n"
            "main.go:9:25: cannot use []int{} (value of type []int) as map[string]int value in variable declaration\n");
}

// labeled break/continue: gc's messages at gc's positions (real Go 1.19 and 1.27 print these)
// several syntax errors: the parser goes on at the next statement or declaration as gc's does
// (syntax/parser.go stmtList, fileOrNil: advance), one error a line; each release's words
// ("expecting" on 1.19, "name"/"keyword" before a token from 1.23/1.24). Real `go run` of this
// program prints exactly these lines on Go 1.19, 1.21 and 1.27.
TEST(Checker, SeveralSyntaxErrorsAsGcReportsThem) {
  const std::string src =
      "package main\n"
      "\n"
      "import \"fmt\"\n"
      "\n"
      "func main() {\n"
      "\tfor i := 0; i < 3; i++ {\n"
      "\t\tfmt.Println(i))\n"
      "\t}\n"
      "\tm := map[string]int{}\n"
      "\tm[\"a\"] = \n"
      "\tswitch m[\"a\"] {\n"
      "\tcase 1:\n"
      "\t\tfmt.Println(1 2)\n"
      "\tdefault:\n"
      "\t\tx := := 3\n"
      "\t}\n"
      "\tfmt.Println(m)\n"
      "}\n"
      "\n"
      "x := 5\n"
      "\n"
      "func f() {\n"
      "\treturn ]\n"
      "}\n";
  EXPECT_EQ(all_diagnostics(src, "1.19"),
      "main.go:7:17: syntax error: unexpected ) at end of statement\n"
      "main.go:11:2: syntax error: unexpected switch, expecting expression\n"
      "main.go:13:17: syntax error: unexpected literal 2 in argument list; possibly missing comma or )\n"
      "main.go:15:8: syntax error: unexpected :=, expecting expression\n"
      "main.go:20:1: syntax error: non-declaration statement outside function body\n"
      "main.go:23:9: syntax error: unexpected ], expecting expression\n");
  EXPECT_EQ(all_diagnostics(src, "1.21"),
      "main.go:7:17: syntax error: unexpected ) at end of statement\n"
      "main.go:11:2: syntax error: unexpected switch, expected expression\n"
      "main.go:13:17: syntax error: unexpected literal 2 in argument list; possibly missing comma or )\n"
      "main.go:15:8: syntax error: unexpected :=, expected expression\n"
      "main.go:20:1: syntax error: non-declaration statement outside function body\n"
      "main.go:23:9: syntax error: unexpected ], expected expression\n");
  EXPECT_EQ(all_diagnostics(src, "1.27"),
      "main.go:7:17: syntax error: unexpected ) at end of statement\n"
      "main.go:11:2: syntax error: unexpected keyword switch, expected expression\n"
      "main.go:13:17: syntax error: unexpected literal 2 in argument list; possibly missing comma or )\n"
      "main.go:15:8: syntax error: unexpected :=, expected expression\n"
      "main.go:20:1: syntax error: non-declaration statement outside function body\n"
      "main.go:23:9: syntax error: unexpected ], expected expression\n");
  // a name before `in argument list`: "name z" from Go 1.23 (1.21: "unexpected z")
  const std::string names = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ty := 1\n\tfmt.Println(y z)\n\tfmt.Println(y\n}\n";
  EXPECT_EQ(all_diagnostics(names, "1.21"),
      "main.go:7:16: syntax error: unexpected z in argument list; possibly missing comma or )\n"
      "main.go:8:15: syntax error: unexpected newline in argument list; possibly missing comma or )\n");
  EXPECT_EQ(all_diagnostics(names, "1.27"),
      "main.go:7:16: syntax error: unexpected name z in argument list; possibly missing comma or )\n"
      "main.go:8:15: syntax error: unexpected newline in argument list; possibly missing comma or )\n");
}

TEST(Checker, LabelsOfBreakAndContinue) {
  langtest::expect_refused({
      {"package main\n\nfunc main() {\n\tfor {\n\t\tbreak nowhere\n\t}\n}\n", "main.go:5:9: break label not defined: nowhere"},
      {"package main\n\nfunc main() {\nsw:\n\tswitch {\n\tdefault:\n\t\tfor {\n\t\t\tcontinue sw\n\t\t}\n\t}\n}\n", "main.go:8:13: invalid continue label sw"},
      {"package main\n\nfunc main() {\nouter:\n\tfor i := 0; i < 2; i++ {\n\t}\n}\n", "main.go:4:1: label outer defined and not used"},
  });
  langtest::Run ok = langtest::run(
      "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tn := 0\nouter:\n\tfor i := 0; i < 5; i++ {\n\t\tfor j := 0; j < 5; j++ {\n"
      "\t\t\tswitch {\n\t\t\tcase j > i:\n\t\t\t\tcontinue outer\n\t\t\tcase i == 4:\n\t\t\t\tbreak outer\n\t\t\t}\n\t\t\tn++\n\t\t}\n\t}\n"
      "\tfmt.Println(n)\n}\n");
  ASSERT_TRUE(ok.loaded) << ok.diag;
  EXPECT_EQ(ok.out, "10\n");
}

// goto and fallthrough: gc's checks of branches (syntax/branches.go) with its messages at its
// positions (real Go 1.19 and 1.27 print these for the same programs)
TEST(Checker, GotoAndFallthroughAreCheckedAsGcChecksThem) {
  langtest::expect_refused({
      {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\ti := 0\n\tgoto done\n\tx := 5\n\tfmt.Println(x)\ndone:\n\tfmt.Println(i)\n}\n",
       "main.go:7:7: goto done jumps over declaration of x at main.go:8:4"},
      {"package main\n\nfunc main() {\n\tgoto L\n\tvar y, z = 1, 2\n\ta, b := 3, 4\nL:\n\tprintln(y, z, a, b)\n}\n",
       "main.go:4:7: goto L jumps over declaration of a, b at main.go:6:7"},
      {"package main\n\nfunc main() {\n\ti := 0\n\tif i > 0 {\n\tinner:\n\t\tprintln()\n\t}\n\tgoto inner\n}\n",
       "main.go:9:7: goto inner jumps into block starting at main.go:5:11"},
      {"package main\n\nfunc main() {\n\tgoto nowhere\n}\n", "main.go:4:7: label nowhere not defined"},
      {"package main\n\nfunc main() {\nunused:\n\tprintln()\n}\n", "main.go:4:1: label unused defined and not used"},
      {"package main\n\nfunc main() {\nL:\n\tprintln()\nL:\n\tgoto L\n}\n", "main.go:6:1: label L already defined at main.go:4:1"},
      {"package main\n\nfunc main() {\n\tx := 1\n\tswitch x {\n\tcase 1:\n\t\tif x > 0 {\n\t\t\tfallthrough\n\t\t}\n\tcase 2:\n\t}\n}\n",
       "main.go:8:4: fallthrough statement out of place"},
      {"package main\n\nfunc main() {\n\tx := 1\n\tswitch x {\n\tcase 1:\n\t\tfallthrough\n\t\tprintln()\n\tcase 2:\n\t}\n}\n",
       "main.go:7:3: fallthrough statement out of place"},
      {"package main\n\nfunc main() {\n\tswitch x := 1; x {\n\tcase 4:\n\t\tfallthrough\n\t}\n}\n", "main.go:6:3: cannot fallthrough final case in switch"},
      {"package main\n\nfunc main() {\n\tvar i interface{} = 1\n\tswitch i.(type) {\n\tcase int:\n\t\tfallthrough\n\tdefault:\n\t}\n}\n",
       "main.go:7:3: cannot fallthrough in type switch"},
      {"package main\n\nfunc main() {\n\tfallthrough\n}\n", "main.go:4:2: fallthrough statement out of place"},
  });
  // a goto loop, a forward goto out of two loops, fallthrough into default written first
  langtest::Run ok = langtest::run(
      "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ti, n := 0, 0\nagain:\n\tn += i\n\ti++\n\tif i < 10 {\n\t\tgoto again\n\t}\n"
      "\tfor a := 0; a < 5; a++ {\n\t\tfor b := 0; b < 5; b++ {\n\t\t\tif a*b == 6 {\n\t\t\t\tgoto out\n\t\t\t}\n\t\t\tn++\n\t\t}\n\t}\nout:\n"
      "\tfor k := 0; k < 3; k++ {\n\t\tswitch k {\n\t\tdefault:\n\t\t\tn += 100\n\t\t\tfallthrough\n\t\tcase 1:\n\t\t\tn += 1000\n\t\t}\n\t}\n"
      "\tfmt.Println(n)\n}\n");
  ASSERT_TRUE(ok.loaded) << ok.diag;
  EXPECT_EQ(ok.out, "3258\n");
}

// fmt.Println(xs...) takes an []any only (gc's messages, real Go 1.24)
TEST(Checker, FmtSpreadTakesAnAnySlice) {
  EXPECT_EQ(langtest::run("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tints := []int{1, 2}\n\tfmt.Println(ints...)\n}\n").diag,
            "main.go:7:14: cannot use ints (variable of type []int) as []any value in argument to fmt.Println");
  EXPECT_EQ(langtest::run("package main\n\nimport \"fmt\"\n\nfunc main() {\n\txs := []any{1, 2}\n\tfmt.Printf(\"%d\", 1, xs...)\n}\n").diag,
            "main.go:7:22: too many arguments in call to fmt.Printf");
  langtest::Run ok = langtest::run("package main\n\nimport \"fmt\"\n\nfunc main() {\n\txs := []any{1, \"a\", 2.5}\n\tfmt.Println(xs...)\n"
                                   "\tfmt.Printf(\"%d-%s-%v\\n\", xs...)\n\tfmt.Print(fmt.Sprint(xs...), \"\\n\")\n}\n");
  ASSERT_TRUE(ok.loaded) << ok.diag;
  EXPECT_EQ(ok.out, "1 a 2.5\n1-a-2.5\n1a2.5\n");
}

// strings.Builder is the release's own code (strings_builder.h): its fields and grow are
// unexported, as in Go (gc's message at the selector's name, as Go 1.19–1.22 word it); Grow's capacity per release
TEST(Checker, StringsBuilderIsTheLibrarysOwn) {
  EXPECT_EQ(langtest::run("package main\n\nimport \"strings\"\n\nfunc main() {\n\tvar sb strings.Builder\n\t_ = sb.buf\n}\n").diag,
            "main.go:7:9: sb.buf undefined (type strings.Builder has no field or method buf)");
  EXPECT_EQ(langtest::run("package main\n\nimport \"strings\"\n\nfunc main() {\n\tvar sb strings.Builder\n\tsb.grow(1)\n}\n").diag,
            "main.go:7:5: sb.grow undefined (type strings.Builder has no field or method grow)");
  const char* src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() {\n\tsb := &strings.Builder{}\n\tsb.Grow(1000)\n"
      "\tsb.WriteString(\"go\")\n\tsb.WriteByte('!')\n\tn, _ := sb.WriteRune('\xe2\x82\xac')\n\tfmt.Printf(\"%T %s %d %d %d\\n\", sb, sb.String(), n, sb.Len(), sb.Cap())\n}\n";
  langtest::Run r19 = langtest::run(src);
  ASSERT_TRUE(r19.loaded) << r19.diag;
  EXPECT_EQ(r19.out, "*strings.Builder go!\xe2\x82\xac 3 6 1000\n");
  langtest::Run r23 = langtest::run(src, langtest::go("1.23"));
  EXPECT_EQ(r23.out, "*strings.Builder go!\xe2\x82\xac 3 6 1024\n");   // MakeNoZero's size class
}

// m[key()]++ and m[key()] += v call key once (the spec: x op= y evaluates x only once)
TEST(Checker, IndexOfOpAssignIsEvaluatedOnce) {
  langtest::Run r = langtest::run(
      "package main\n\nimport \"fmt\"\n\nvar calls int\n\nfunc key() string { calls++; return \"k\" }\n\n"
      "func main() {\n\tm := map[string]int{}\n\tm[key()]++\n\tm[key()] += 2\n\txs := []int{1, 2}\n\txs[len(key())]--\n"
      "\tfmt.Println(calls, m[\"k\"], xs[1])\n}\n");
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "3 3 1\n");
}

// through a field of a slice's or array's element, f()[i].x++ and f()[i].a[j] += v call f once
TEST(Checker, PartOfAnIndexedCallResultIsEvaluatedOnce) {
  langtest::Run r = langtest::run(
      "package main\n\nimport \"fmt\"\n\ntype cell struct {\n\tx int\n\ta [2]int\n}\n\nvar calls int\nvar g = []cell{{}, {}}\n\n"
      "func cells() []cell { calls++; return g }\n\n"
      "func main() {\n\tcells()[1].x++\n\tcells()[0].x += 5\n\tcells()[1].a[1] -= 2\n\tcells()[len(g)-1].a[0]++\n"
      "\tfmt.Println(calls, g)\n}\n");
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "4 [{5 [0 0]} {1 [1 -2]}]\n");
}

TEST(Checker, DiagnosticCarriesLineAndColumn) {
  langtest::Run r = langtest::run("package main\n\nfunc main() {\n\tvar x int = \"s\"\n\t_ = x\n}\n");
  EXPECT_EQ(r.diag, "main.go:4:14: cannot use \"s\" (untyped string constant) as int value in variable declaration");
}

TEST(Checker, UnsupportedImportsAndMissingPieces) {
  EXPECT_NE(langtest::run("package main\nimport \"net/http\"\nfunc main() { http.ListenAndServe(\":80\", nil) }\n").diag.find("import \"net/http\" is not supported"), std::string::npos);
  EXPECT_NE(langtest::run("package main\nimport \"fmt\"\nfunc main() {}\n").diag.find("imported and not used: \"fmt\""), std::string::npos);
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

// An operand in a message is quoted as types2's operandString quotes it: the expression as
// written, its mode (variable, value, map index expression, constant with its value when
// the text differs) and its type, the package's own types without "main.", at the operand's
// start; from Go 1.24 a defined type says what it is ("struct type node", "int type MyInt").
// Each line is what real Go 1.23 or 1.27 prints for `var s chan int = RHS` (1.23 only where it
// differs).
TEST(Checker, OperandsQuotedAsGcQuotesThem) {
  const std::string head =
      "package main\n"
      "\n"
      "import (\n"
      "\t\"runtime\"\n"
      "\t\"time\"\n"
      ")\n"
      "\n"
      "type MyInt int\n"
      "type fn func()\n"
      "type list []int\n"
      "type ptr *int\n"
      "type node struct{ next *node }\n"
      "type pair struct{ a, b int }\n"
      "\n"
      "const k = 5\n"
      "\n"
      "var _ runtime.MemStats\n"
      "var _ time.Duration\n"
      "\n"
      "func main() {\n"
      "\tvar e error\n"
      "\tvar d time.Duration\n"
      "\tvar ms runtime.MemStats\n"
      "\tvar mi MyInt\n"
      "\tvar f fn\n"
      "\tvar l list\n"
      "\tvar p ptr\n"
      "\tvar n node\n"
      "\tm := map[string]int{}\n"
      "\txs := []int{1}\n"
      "\t_, _, _, _, _, _, _, _, _, _ = e, d, ms, mi, f, l, p, n, m, xs\n";
  const struct { const char* release; const char* rhs; const char* diag; } cases[] = {
      {"1.23", "e", "32:19: cannot use e (variable of type error) as chan int value in variable declaration"},
      {"1.23", "d", "32:19: cannot use d (variable of type time.Duration) as chan int value in variable declaration"},
      {"1.23", "ms", "32:19: cannot use ms (variable of type runtime.MemStats) as chan int value in variable declaration"},
      {"1.23", "mi", "32:19: cannot use mi (variable of type MyInt) as chan int value in variable declaration"},
      {"1.23", "f", "32:19: cannot use f (variable of type fn) as chan int value in variable declaration"},
      {"1.23", "l", "32:19: cannot use l (variable of type list) as chan int value in variable declaration"},
      {"1.23", "p", "32:19: cannot use p (variable of type ptr) as chan int value in variable declaration"},
      {"1.23", "n", "32:19: cannot use n (variable of type node) as chan int value in variable declaration"},
      {"1.23", "MyInt(3)", "32:19: cannot use MyInt(3) (constant 3 of type MyInt) as chan int value in variable declaration"},
      {"1.23", "pair{}", "32:19: cannot use pair{} (value of type pair) as chan int value in variable declaration"},
      {"1.27", "e", "32:19: cannot use e (variable of interface type error) as chan int value in variable declaration"},
      {"1.27", "d", "32:19: cannot use d (variable of int64 type time.Duration) as chan int value in variable declaration"},
      {"1.27", "ms", "32:19: cannot use ms (variable of struct type runtime.MemStats) as chan int value in variable declaration"},
      {"1.27", "mi", "32:19: cannot use mi (variable of int type MyInt) as chan int value in variable declaration"},
      {"1.27", "f", "32:19: cannot use f (variable of func type fn) as chan int value in variable declaration"},
      {"1.27", "l", "32:19: cannot use l (variable of slice type list) as chan int value in variable declaration"},
      {"1.27", "p", "32:19: cannot use p (variable of pointer type ptr) as chan int value in variable declaration"},
      {"1.27", "n", "32:19: cannot use n (variable of struct type node) as chan int value in variable declaration"},
      {"1.27", "MyInt(3)", "32:19: cannot use MyInt(3) (constant 3 of int type MyInt) as chan int value in variable declaration"},
      {"1.27", "k", "32:19: cannot use k (untyped int constant 5) as chan int value in variable declaration"},
      {"1.27", "1 + 2", "32:19: cannot use 1 + 2 (untyped int constant 3) as chan int value in variable declaration"},
      {"1.27", "m[\"a\"]", "32:19: cannot use m[\"a\"] (map index expression of type int) as chan int value in variable declaration"},
      {"1.27", "xs[0]", "32:19: cannot use xs[0] (variable of type int) as chan int value in variable declaration"},
      {"1.27", "len(xs)", "32:19: cannot use len(xs) (value of type int) as chan int value in variable declaration"},
      {"1.27", "[]string{}", "32:19: cannot use []string{} (value of type []string) as chan int value in variable declaration"},
      {"1.27", "pair{}", "32:19: cannot use pair{} (value of struct type pair) as chan int value in variable declaration"},
      {"1.27", "&n", "32:19: cannot use &n (value of type *node) as chan int value in variable declaration"},
      {"1.27", "n.next", "32:19: cannot use n.next (variable of type *node) as chan int value in variable declaration"},
      {"1.27", "*p", "32:19: cannot use *p (variable of type int) as chan int value in variable declaration"},
      {"1.27", "xs[:1]", "32:21: cannot use xs[:1] (value of type []int) as chan int value in variable declaration"},
      {"1.27", "\"a\" + \"b\"", "32:19: cannot use \"a\" + \"b\" (untyped string constant \"ab\") as chan int value in variable declaration"},
  };
  for (const auto& c : cases) {
    langtest::Run r = langtest::run(head + "\tvar s chan int = " + c.rhs + "\n\t_ = s\n}\n", langtest::go(c.release));
    EXPECT_FALSE(r.loaded) << c.rhs;
    EXPECT_EQ(r.diag, std::string("main.go:") + c.diag) << c.release << " " << c.rhs;
  }
}

}  // namespace

// local type declarations: scoped to their block, shadowing, no methods; gc's messages at
// gc's positions (real Go 1.19 and 1.27 print these for the same programs)
TEST(Checker, LocalTypesAreScopedAndHaveNoMethods) {
  langtest::expect_refused({
      {"package main\n\nfunc main() {\n\ttype point struct{ x, y int }\n\tp := point{1, 2}\n\t_ = p\n}\n\nfunc (p point) Len() int { return p.x }\n",
       "main.go:9:9: undefined: point"},
      {"package main\n\nfunc main() {\n\ttype ids []int\n\ttype ids map[int]int\n}\n", "main.go:5:7: ids redeclared in this block"},
      {"package main\n\nfunc main() {\n\t{\n\t\ttype ids []int\n\t}\n\tvar x ids\n\t_ = x\n}\n", "main.go:7:8: undefined: ids"},
      {"package main\n\nfunc main() {\n\ttype box[T any] struct{ v T }\n\t_ = box[int]{1}\n}\n",
       "main.go:4:7: generic type declarations inside a function are not supported by the playground"},
  });
  // the package's point keeps its method; the local point shadows it and has none
  langtest::Run shadow = langtest::run(
      "package main\n\ntype point struct{ s string }\n\nfunc (p point) Len() int { return len(p.s) }\n\n"
      "func main() {\n\ttype point struct{ x int }\n\tp := point{1}\n\t_ = p.Len()\n}\n");
  EXPECT_FALSE(shadow.loaded);
  EXPECT_NE(shadow.diag.find("p.Len undefined"), std::string::npos) << shadow.diag;
  langtest::Run ok = langtest::run(
      "package main\n\nimport \"fmt\"\n\ntype point struct{ s string }\n\nfunc (p point) Len() int { return len(p.s) }\n\n"
      "func main() {\n\tfmt.Println(point{\"ab\"}.Len())\n\ttype point struct{ x, y int }\n\ttype (\n\t\tids  []int\n\t\tnode struct {\n\t\t\tnext *node\n\t\t\tv    int\n\t\t}\n\t)\n"
      "\tvar xs ids\n\txs = append(xs, 1, 2)\n\tn := &node{&node{nil, 1}, 2}\n\t{\n\t\ttype point string\n\t\tfmt.Printf(\"%T %v\\n\", point(\"in\"), point(\"in\"))\n\t}\n"
      "\tfmt.Printf(\"%T %v %T %v %d\\n\", point{1, 2}, point{1, 2}, xs, xs, n.next.v)\n}\n");
  ASSERT_TRUE(ok.loaded) << ok.diag;
  EXPECT_EQ(ok.out, "2\nmain.point in\nmain.point {1 2} main.ids [1 2] 1\n");
}

// Wrong argument counts: gc's message where types2 puts it (call.go arguments: the first
// extra argument, else the last one, else the call's start; builtins.go: the call as written,
// at its start). Real Go 1.19 and 1.27 print these same lines.
TEST(Checker, ArgumentCountsAtGcsPositions) {
  auto in_main = [](const char* stmt) {
    return std::string("package main\n\ntype T struct{}\n\nfunc (T) M(a int) {}\n\nfunc main() {\n\tvar t T\n\t_ = t\n\t") + stmt + "\n}\n";
  };
  const struct { const char* stmt; const char* diag; } cases[] = {
      {"t.M()", "main.go:10:2: not enough arguments in call to t.M"},
      {"t.M(1, 2)", "main.go:10:9: too many arguments in call to t.M"},
      {"go t.M()", "main.go:10:5: not enough arguments in call to t.M"},
      {"var f func(int, ...string) int\n\t_ = f()", "main.go:11:6: not enough arguments in call to f"},
      {"func(a int) { println(a) }()", "main.go:10:2: not enough arguments in call to func(a int) {…}"},
      {"go func(a, b int) {}(1, 2, 3)", "main.go:10:29: too many arguments in call to func(a, b int) {}"},
      {"_ = len(1, 2)", "main.go:10:6: invalid operation: too many arguments for len(1, 2) (expected 1, found 2)"},
      {"delete(map[int]int{})", "main.go:10:2: invalid operation: not enough arguments for delete(map[int]int{}) (expected 2, found 1)"},
      {"x := []int{1}; _ = cap(x, x[0:1])", "main.go:10:21: invalid operation: too many arguments for cap(x, x[0:1]) (expected 1, found 2)"},
      {"m := map[string][]int{\"a\": {1}}; _ = len(m[\"a\"], -1, 2+3)",
       "main.go:10:39: invalid operation: too many arguments for len(m[\"a\"], -1, 2 + 3) (expected 1, found 3)"},
  };
  for (const auto& c : cases) {
    langtest::Run r = langtest::run(in_main(c.stmt));
    EXPECT_FALSE(r.loaded) << c.stmt;
    EXPECT_EQ(r.diag, c.diag) << c.stmt;
  }
}
