// strings_funcs_test.cpp — package strings' functions (engine/lang/strings_funcs.h): what
// they return and allocate, and gc's messages for names the release does not have.
// Figures: real Go 1.19 and 1.27 (tests/oracle/programs/strings_funcs.go compares all).
#include <string>

#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

using langtest::go;
using langtest::run;

const char* kWords =
    "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"strings\"\n)\n\n"
    "func main() {\n"
    "\tvar ms runtime.MemStats\n"
    "\ttext := strings.Repeat(\"a bb a ccc bb a \", 100)\n"
    "\truntime.ReadMemStats(&ms)\n"
    "\tm0 := ms.Mallocs\n"
    "\tcounts := map[string]int{}\n"
    "\tfor _, w := range strings.Fields(text) {\n"
    "\t\tcounts[strings.ToUpper(w)]++\n"
    "\t}\n"
    "\tparts := strings.Split(\"x,y,z\", \",\")\n"
    "\tjoined := strings.Join(parts, \"+\")\n"
    "\truntime.ReadMemStats(&ms)\n"
    "\tfmt.Println(len(counts), counts[\"A\"], joined, ms.Mallocs-m0)\n"
    "}\n";

TEST(StringsFuncs, WordCountAllocatesAsGo) {
  // Fields: one []string of 600; ToUpper: one string a word (600); Split: one []string;
  // Join: one buffer; the map (it does not escape) lives on the stack. Real Go 1.19 and 1.27:
  // 603 mallocs in each of three runs.
  auto r19 = run(kWords, go("1.19"));
  ASSERT_TRUE(r19.loaded) << r19.diag;
  EXPECT_EQ(r19.out, "3 300 x+y+z 603\n");
  auto r27 = run(kWords, go("1.27"));
  ASSERT_TRUE(r27.loaded) << r27.diag;
  EXPECT_EQ(r27.out, "3 300 x+y+z 603\n");
}

TEST(StringsFuncs, NamesPerRelease) {
  const std::string cut = "package main\nimport \"strings\"\nfunc main() { _, _ = strings.CutPrefix(\"ab\", \"a\") }\n";
  EXPECT_EQ(run(cut, go("1.19")).diag, "main.go:3:30: undefined: strings.CutPrefix");
  EXPECT_TRUE(run(cut, go("1.21")).loaded);
  const std::string typo = "package main\nimport \"strings\"\nfunc main() { _ = strings.split(\"a\", \"\") }\n";
  EXPECT_EQ(run(typo, go("1.24")).diag, "main.go:3:27: undefined: strings.split");
  EXPECT_EQ(run(typo, go("1.25")).diag, "main.go:3:27: undefined: strings.split (but have Split)");
  const std::string println = "package main\nimport \"fmt\"\nfunc main() { fmt.println(\"a\") }\n";
  EXPECT_EQ(run(println, go("1.27")).diag, "main.go:3:19: undefined: fmt.println (but have Println)");
  const std::string keys = "package main\nimport \"maps\"\nfunc main() { _ = maps.Keys(map[int]int{}) }\n";
  EXPECT_EQ(run(keys, go("1.21")).diag, "main.go:3:24: undefined: maps.Keys");
  EXPECT_EQ(run("package main\nimport \"strings\"\nfunc main() { _ = strings.Fields(42) }\n", go("1.27")).diag,
            "main.go:3:34: cannot use 42 (untyped int constant) as string value in argument to strings.Fields");
}

TEST(StringsFuncs, CaseOfUnknownScriptPanicsWithReason) {
  auto r = run("package main\nimport \"strings\"\nfunc main() { println(strings.ToUpper(\"\\u0561\")) }\n", go("1.27"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.err.rfind("panic: strings.ToUpper/ToLower: the playground knows the case of", 0), 0u) << r.err;
}

}  // namespace

namespace {

// strings.Builder's copyCheck (strings_builder.h): a copy may be read, but its first write
// panics as Go's does (real Go 1.19 and 1.27: exit 2, this message); the original goes on.
TEST(StringsBuilder, CopyWrittenPanicsOriginalDoesNot) {
  const char* src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() {\n\tvar a strings.Builder\n\ta.WriteString(\"x\")\n"
      "\tb := a\n\tfmt.Println(b.String(), b.Len())\n\ta.WriteByte('z')\n\tfmt.Println(a.String())\n\tb.WriteString(\"y\")\n"
      "\tfmt.Println(\"unreachable\")\n}\n";
  for (const char* v : {"1.19", "1.27"}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, "x 1\nxz\n") << v;
    EXPECT_EQ(r.exit, 2) << v;
    EXPECT_EQ(r.err.rfind("panic: strings: illegal use of non-zero Builder copied by value\n", 0), 0u) << r.err;
  }
}

}  // namespace
