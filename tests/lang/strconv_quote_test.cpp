// strconv_quote_test.cpp — strconv.Quote, QuoteRune and AppendQuote (engine/lang/strconv_quote.h)
// and package unicode (engine/lang/unicode_tables.h):
// their text and what they allocate per release. Figures: real Go 1.24 and 1.25
// (tests/oracle/programs/strconv_quote.go compares every release).
#include <string>

#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

using langtest::go;
using langtest::run;

TEST(StrconvQuote, QuotesAsGoAndItsBufferMovesToTheStackIn125) {
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"strconv\"\n)\n\nvar sink string\n\n"
      "func main() {\n"
      "\tfmt.Println(strconv.Quote(\"tab\\there \\\"q\\\" \\x00 \\xff é\"), strconv.QuoteRune('\\n'), string(strconv.AppendQuote([]byte(\"x=\"), \"y\")))\n"
      "\tvar a, b runtime.MemStats\n"
      "\truntime.ReadMemStats(&a)\n"
      "\tfor i := 0; i < 100; i++ {\n\t\tsink = strconv.Quote(\"hello\")\n\t}\n"
      "\truntime.ReadMemStats(&b)\n"
      "\tfmt.Println(b.Mallocs - a.Mallocs)\n"
      "}\n";
  // real Go: 200 mallocs on 1.24 (the 8-byte buffer, the string), 100 on 1.25 (the buffer on
  // the stack); the text on both
  for (const auto& [v, mallocs] : {std::pair{"1.24", "200"}, std::pair{"1.25", "100"}}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, std::string("\"tab\\there \\\"q\\\" \\x00 \\xff é\" '\\n' x=\"y\"\n") + mallocs + "\n") << v;
  }
}

TEST(Unicode, EachReleaseHasItsOwnTables) {
  // U+1E900 ADLAM CAPITAL ALIF (Unicode 9) on every release; U+A7CB (Unicode 16: LATIN
  // CAPITAL LETTER RAMS HORN) a letter only on 1.27; real Go 1.19, 1.21 and 1.27
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"unicode\"\n)\n\n"
      "func main() {\n"
      "\tfmt.Println(unicode.IsUpper(0x1E900), unicode.ToLower(0x1E900), unicode.IsLetter(0xA7CB), unicode.ToUpper('ß'), unicode.IsSpace(0x85), unicode.IsDigit('٣'))\n"
      "}\n";
  for (const auto& [v, out] : {std::pair{"1.19", "true 125218 false 223 true true\n"}, std::pair{"1.21", "true 125218 false 223 true true\n"},
                               std::pair{"1.27", "true 125218 true 223 true true\n"}}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, out) << v;
  }
  EXPECT_EQ(run("package main\nimport \"unicode\"\nfunc main() {\n\t_ = unicode.IsPunct('x')\n}\n", go("1.27")).diag,
            "main.go:4:6: unicode.IsPunct is not supported by the playground (IsLetter, IsDigit, IsSpace, IsUpper, IsLower, ToUpper, ToLower)");
}

}  // namespace
