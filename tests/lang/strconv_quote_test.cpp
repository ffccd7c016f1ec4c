// strconv_quote_test.cpp — strconv.Quote, QuoteRune and AppendQuote (engine/lang/strconv_quote.h):
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

}  // namespace
