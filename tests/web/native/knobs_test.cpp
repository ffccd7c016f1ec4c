// knobs_test.cpp — knob extraction and program rewriting (web/knobs/knobs.h).
#include <gtest/gtest.h>

#include "web/knobs/golex.h"
#include "web/knobs/knobs.h"

namespace {

const char* kArticle = R"(package main

import (
	"fmt"
	"runtime"
)

const valueSize = 128 // bytes

func main() {
	n := 1_000_000
	m := make(map[int][128]byte)
	printAlloc()
	for i := 0; i < n; i++ { // "n := 5" in a comment is no knob
		m[i] = [128]byte{}
	}
	total := 0
	var rounds = 3
	var m2 map[int][128]byte = nil
	_ = m2
	s := "x := 7"
	runtime.KeepAlive(m)
}
)";

TEST(GoLex, ClassesAndLines) {
  auto toks = golex::lex("x := 1_000 // c\ns := \"a\\\"b\"\n");
  ASSERT_GE(toks.size(), 8u);
  EXPECT_EQ(toks[0].kind, golex::Tok::Ident);
  EXPECT_EQ(toks[1].kind, golex::Tok::Punct);
  EXPECT_EQ(toks[2].kind, golex::Tok::Int);
  EXPECT_EQ(toks[3].kind, golex::Tok::Comment);
  EXPECT_EQ(toks[4].kind, golex::Tok::Newline);
  EXPECT_EQ(toks[5].line, 2);
  EXPECT_EQ(toks[7].kind, golex::Tok::String);
  EXPECT_EQ(toks[7].len, 6u);
  int64_t v = 0;
  EXPECT_TRUE(golex::parse_int("1_000_000", v));
  EXPECT_EQ(v, 1000000);
  EXPECT_TRUE(golex::parse_int("0x1F", v));
  EXPECT_EQ(v, 31);
  EXPECT_FALSE(golex::parse_int("99999999999999999999", v));
}

TEST(Knobs, ExtractsConstantsAndCounts) {
  knobs::Knobs k = knobs::extract(kArticle);
  ASSERT_EQ(k.ints.size(), 3u);
  EXPECT_EQ(k.ints[0].name, "valueSize");
  EXPECT_EQ(k.ints[0].value, 128);
  EXPECT_TRUE(k.ints[0].is_const);
  EXPECT_EQ(k.ints[1].name, "n");
  EXPECT_EQ(k.ints[1].value, 1000000);
  EXPECT_TRUE(k.ints[1].log_scale);
  EXPECT_TRUE(k.ints[1].underscores);
  EXPECT_EQ(k.ints[1].line, 11);
  EXPECT_LE(k.ints[1].lo, 1);
  EXPECT_GE(k.ints[1].hi, 1000000);
  EXPECT_EQ(k.ints[2].name, "rounds");
}

TEST(Knobs, ConstBlocksAndTypedVars) {
  knobs::Knobs k = knobs::extract("const (\n\tA = 10\n\tB int = 8192\n\tC = A * 2\n)\nvar D uint64 = 5\n");
  ASSERT_EQ(k.ints.size(), 3u);
  EXPECT_EQ(k.ints[0].name, "A");
  EXPECT_EQ(k.ints[1].name, "B");
  EXPECT_EQ(k.ints[1].value, 8192);
  EXPECT_EQ(k.ints[2].name, "D");
}

TEST(Knobs, SetIntKeepsEverythingElse) {
  knobs::Knobs k = knobs::extract(kArticle);
  std::string out = knobs::set_int(kArticle, k.ints[1], 2500000);
  EXPECT_NE(out.find("n := 2_500_000\n"), std::string::npos);
  knobs::Knobs k2 = knobs::extract(out);
  EXPECT_EQ(k2.ints[1].value, 2500000);
  EXPECT_EQ(out.size(), std::string(kArticle).size());
  EXPECT_EQ(knobs::format_int(1000, true), "1_000");
  EXPECT_EQ(knobs::format_int(100, true), "100");
  EXPECT_EQ(knobs::format_int(12345, true), "12_345");
  EXPECT_EQ(knobs::format_int(12345, false), "12345");
}

TEST(Knobs, MapTypesGroupAndRewrite) {
  knobs::Knobs k = knobs::extract(kArticle);
  ASSERT_EQ(k.maps.size(), 1u);
  EXPECT_EQ(k.maps[0].spans.size(), 2u);
  EXPECT_EQ(k.maps[0].key.kind, knobs::TypeSpec::Int);
  EXPECT_EQ(k.maps[0].elem.kind, knobs::TypeSpec::ByteArray);
  EXPECT_EQ(k.maps[0].elem.n, 128);
  knobs::TypeSpec ptr{knobs::TypeSpec::PtrByteArray, 128, {}};
  std::string out = knobs::set_map_types(kArticle, k.maps[0], k.maps[0].key, ptr);
  EXPECT_NE(out.find("make(map[int]*[128]byte)"), std::string::npos);
  EXPECT_NE(out.find("var m2 map[int]*[128]byte = nil"), std::string::npos);
  EXPECT_NE(out.find("m[i] = new([128]byte)"), std::string::npos);
  // and back
  knobs::Knobs k2 = knobs::extract(out);
  ASSERT_EQ(k2.maps.size(), 1u);
  knobs::TypeSpec arr{knobs::TypeSpec::ByteArray, 256, {}};
  std::string back = knobs::set_map_types(out, k2.maps[0], k2.maps[0].key, arr);
  EXPECT_NE(back.find("make(map[int][256]byte)"), std::string::npos);
  EXPECT_NE(back.find("m[i] = [256]byte{}"), std::string::npos);
}

TEST(Knobs, KeyTypeChangesRewriteIndexesAndImports) {
  const char* src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tm := make(map[int][128]byte)\n"
                    "\tfor i := 0; i < 10; i++ {\n\t\tm[i] = [128]byte{}\n\t}\n\tdelete(m, 3)\n"
                    "\tfmt.Println(len(m))\n}\n";
  knobs::Knobs k = knobs::extract(src);
  ASSERT_EQ(k.maps.size(), 1u);
  knobs::TypeSpec str{knobs::TypeSpec::String, 0, {}};
  std::string out = knobs::set_map_types(src, k.maps[0], str, k.maps[0].elem);
  EXPECT_NE(out.find("make(map[string][128]byte)"), std::string::npos) << out;
  EXPECT_NE(out.find("m[strconv.Itoa(i)] = [128]byte{}"), std::string::npos) << out;
  EXPECT_NE(out.find("delete(m, strconv.Itoa(3))"), std::string::npos) << out;
  EXPECT_NE(out.find("\"strconv\""), std::string::npos) << out;
  // to [8]byte keys and back to int: the wrapper is undone and the import dropped
  knobs::Knobs k2 = knobs::extract(out);
  knobs::TypeSpec arr{knobs::TypeSpec::ByteArray, 8, {}};
  std::string out2 = knobs::set_map_types(out, k2.maps[0], arr, k2.maps[0].elem);
  EXPECT_NE(out2.find("m[[8]byte{byte(i), byte((i) >> 8), byte((i) >> 16), byte((i) >> 24)}]"), std::string::npos) << out2;
  EXPECT_EQ(out2.find("strconv"), std::string::npos) << out2;
  knobs::Knobs k3 = knobs::extract(out2);
  knobs::TypeSpec integer{knobs::TypeSpec::Int, 0, {}};
  std::string back = knobs::set_map_types(out2, k3.maps[0], integer, k3.maps[0].elem);
  EXPECT_EQ(back.substr(back.find("func main")), std::string(src).substr(std::string(src).find("func main")));
  EXPECT_EQ(back.find("strconv"), std::string::npos) << back;
}

TEST(Knobs, TypeTexts) {
  using knobs::TypeSpec;
  EXPECT_EQ(knobs::parse_type("string").kind, TypeSpec::String);
  EXPECT_EQ(knobs::parse_type("*[64]byte").kind, TypeSpec::PtrByteArray);
  TypeSpec st = knobs::parse_type("struct{ a, b, c int }");
  EXPECT_EQ(st.kind, TypeSpec::Struct);
  EXPECT_EQ(st.n, 3);
  EXPECT_EQ(knobs::type_text(st), "struct{ a, b, c int }");
  EXPECT_EQ(knobs::parse_type("[]int").kind, TypeSpec::Other);
  EXPECT_EQ(knobs::type_text(knobs::parse_type("[]int")), "[]int");
  knobs::Knobs k = knobs::extract("var m map[string]map[int]bool\n");
  ASSERT_EQ(k.maps.size(), 1u);
  EXPECT_EQ(k.maps[0].elem_text, "map[int]bool");
}

TEST(GoLex, ConstraintNamesAreTypes) {
  // generics: comparable and any colour as types, a type parameter as a plain name
  EXPECT_TRUE(golex::is_predeclared_type("comparable"));
  EXPECT_TRUE(golex::is_predeclared_type("any"));
  EXPECT_FALSE(golex::is_predeclared_type("T"));
}

TEST(GoLex, EveryGoKeywordColoursAsAKeyword) {
  // the 25 keywords of the spec, those the playground added lately (goto, fallthrough,
  // select, chan, go, defer) among them; predeclared names stay names
  for (const char* kw : {"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
                         "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
                         "return", "select", "struct", "switch", "type", "var"}) {
    auto toks = golex::lex(kw);
    ASSERT_FALSE(toks.empty()) << kw;
    EXPECT_EQ(toks[0].kind, golex::Tok::Keyword) << kw;
  }
  for (const char* name : {"any", "comparable", "error", "nil", "iota", "gotoL", "fallthroughs"}) {
    auto toks = golex::lex(name);
    ASSERT_FALSE(toks.empty()) << name;
    EXPECT_EQ(toks[0].kind, golex::Tok::Ident) << name;
  }
}

}  // namespace
