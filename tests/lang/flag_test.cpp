// flag_test.cpp — package flag (engine/lang/flag_pkg.h): its start-up cost per release, what a
// redefined flag prints, gc's messages, and the pointer conversion its Values are made by.
// Figures: real Go 1.19, 1.21 and 1.27 (tests/oracle/programs/flag_define.go compares every
// release's definitions).
#include <cstdio>
#include <string>
#include <tuple>

#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

using langtest::go;
using langtest::run;

// start_figures: TotalAlloc and Mallocs at main's start, with or without `import "flag"`
std::string start_figures(bool with_flag, const char* v) {
  const std::string src = std::string("package main\n\nimport (\n") + (with_flag ? "\t\"flag\"\n" : "") +
                          "\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tvar a runtime.MemStats\n\truntime.ReadMemStats(&a)\n"
                          "\tfmt.Println(a.TotalAlloc, a.Mallocs)\n" +
                          (with_flag ? "\t_ = flag.NArg()\n" : "") + "}\n";
  auto r = run(src, go(v));
  EXPECT_TRUE(r.loaded) << r.diag;
  return r.out;
}

TEST(Flag, ImportCostsFlagsInitBeforeMain) {
  // real Go, the same program with and without the import: +160 B / 5 mallocs on 1.19 (the
  // FlagSet, its Usage closure, three errors.New), +128 B / 2 from 1.20 (a 112-byte FlagSet,
  // the closure; the errors initialised statically)
  for (const auto& [v, bytes, mallocs] : {std::tuple{"1.19", 160, 5}, std::tuple{"1.21", 128, 2}, std::tuple{"1.27", 128, 2}}) {
    unsigned long long a0 = 0, m0 = 0, a1 = 0, m1 = 0;
    ASSERT_EQ(std::sscanf(start_figures(false, v).c_str(), "%llu %llu", &a0, &m0), 2);
    ASSERT_EQ(std::sscanf(start_figures(true, v).c_str(), "%llu %llu", &a1, &m1), 2);
    EXPECT_EQ(a1 - a0, static_cast<unsigned long long>(bytes)) << v;
    EXPECT_EQ(m1 - m0, static_cast<unsigned long long>(mallocs)) << v;
  }
}

TEST(Flag, ParseLeavesNoArgumentsAndARedefinitionPanics) {
  const std::string src =
      "package main\n\nimport (\n\t\"flag\"\n\t\"fmt\"\n)\n\n"
      "func main() {\n"
      "\tn := flag.Int(\"n\", 5, \"entries\")\n"
      "\tflag.Parse()\n"
      "\tfmt.Println(*n, flag.NArg(), flag.NFlag(), len(flag.Args()), flag.Parsed(), flag.Lookup(\"n\").DefValue)\n"
      "\tflag.Bool(\"n\", true, \"again\")\n"
      "}\n";
  auto r = run(src, go("1.27"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "5 0 0 0 true 5\n");
  // real Go: the message on stderr, then the panic with it (exit status 2)
  const std::string msg = "/tmp/go-build/b001/exe/main flag redefined: n";
  EXPECT_EQ(r.err.substr(0, msg.size() + 8 + msg.size()), msg + "\npanic: " + msg);
  EXPECT_EQ(r.exit, 2);
}

TEST(Flag, MessagesReadAsGc) {
  const std::string head = "package main\nimport (\n\t\"flag\"\n\t\"fmt\"\n)\nfunc main() {\n";
  auto diag = [&](const std::string& stmt, const char* v) { return run(head + "\t" + stmt + "\n\tfmt.Print(flag.NArg())\n}\n", go(v)).diag; };
  EXPECT_EQ(diag("_ = flag.Float64(\"f\", 1, \"\")", "1.27"),
            "main.go:7:11: flag.Float64 is not supported by the playground (flag.Int, Int64, Uint, String, Bool, Duration, their Var forms, "
            "Parse, Parsed, Args, Arg, NArg, NFlag, Lookup, PrintDefaults and Usage: the command line has no arguments)");
  EXPECT_EQ(diag("_ = flag.Integer(\"n\", 1, \"\")", "1.27"), "main.go:7:11: undefined: flag.Integer");
  EXPECT_EQ(diag("_ = flag.Int(\"n\", \"1\", \"\")", "1.27"),
            "main.go:7:20: cannot use \"1\" (untyped string constant) as int value in argument to flag.Int");
  EXPECT_EQ(run("package main\nimport \"flag\"\nfunc main() {}\n", go("1.27")).diag, "main.go:2:8: \"flag\" imported and not used");
}

TEST(Flag, PointersConvertBetweenIdenticalUnderlyingTypes) {
  // (*intValue)(p) as flag/flag.go makes its Values: the same pointer; gc refuses other bases
  const std::string ok =
      "package main\nimport \"fmt\"\ntype count int\nfunc main() {\n\tp := new(int)\n\tq := (*count)(p)\n\t*q = 7\n\tfmt.Println(*p, p == (*int)(q))\n}\n";
  auto r = run(ok, go("1.27"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "7 true\n");
  EXPECT_EQ(run("package main\nfunc main() {\n\tp := new(int)\n\t_ = (*string)(p)\n}\n", go("1.27")).diag,
            "main.go:4:16: cannot convert p (variable of type *int) to type *string");
}

}  // namespace
