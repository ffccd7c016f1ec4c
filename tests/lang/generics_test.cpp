// generics_test.cpp — generic functions and types: instantiation, inference, constraints,
// what an instance allocates (the same as the code written for its type arguments), and
// gc's messages for what does not satisfy a constraint (each checked against real Go 1.24).
#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

using langtest::go;
using langtest::prog;
using langtest::run;

TEST(Generics, ProgramPrintsWhatRealGoPrints) {
  // tests/lang/testdata/generics.go: the output of real Go 1.21, 1.24 and 1.27 (cmp is 1.21's)
  for (const char* v : {"1.21", "1.24", "1.27"}) {
    auto r = run(langtest::read_file("tests/lang/testdata/generics.go"), go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out,
              "[10 20 30] 3\n[2 4] main.IDs\n9 c\nb a 2\nCounter(2) 2\n1 -1\n0 true true\n2 [apple avocado] [banana]\n"
              "map[uint8][]string *main.node[int]\n")
        << v;
  }
}

TEST(Generics, InstancesAreNamedAsReflectNamesThem) {
  auto r = run(prog("\ts := Set[string]{}\n\ts[\"a\"] = struct{}{}\n\tvar st Stack[Pair[string, int]]\n"
                    "\tfmt.Printf(\"%T %T %T %v\\n\", s, Pair[string, []int]{}, &st, len(s))\n",
                    "type Set[T comparable] map[T]struct{}\ntype Pair[K comparable, V any] struct {\n\tK K\n\tV V\n}\n"
                    "type Stack[T any] struct{ items []T }\n"),
               go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "main.Set[string] main.Pair[string,[]int] *main.Stack[main.Pair[string,int]] 1\n");
}

TEST(Generics, AnInstanceAllocatesWhatTheCodeWrittenOutDoes) {
  // Keys over 1000 int keys: one []int of 1000 (8 192 B, a size class) in both spellings
  const std::string helpers =
      "func Keys[K comparable, V any](m map[K]V) []K {\n\tks := make([]K, 0, len(m))\n\tfor k := range m {\n\t\tks = append(ks, k)\n\t}\n\treturn ks\n}\n"
      "func IntKeys(m map[int]bool) []int {\n\tks := make([]int, 0, len(m))\n\tfor k := range m {\n\t\tks = append(ks, k)\n\t}\n\treturn ks\n}\n"
      "var sink []int\n";
  const std::string body =
      "\tm := map[int]bool{}\n\tfor i := 0; i < 1000; i++ {\n\t\tm[i] = true\n\t}\n\tvar ms runtime.MemStats\n"
      "\truntime.ReadMemStats(&ms)\n\ta := ms.TotalAlloc\n\tsink = Keys(m)\n\truntime.ReadMemStats(&ms)\n\tb := ms.TotalAlloc\n"
      "\tsink = IntKeys(m)\n\truntime.ReadMemStats(&ms)\n\tfmt.Println(b-a, ms.TotalAlloc-b)\n";
  auto r = run(prog(body, helpers), go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "8192 8192\n");
}

TEST(Generics, InferenceUsesArgumentsConstraintsAndDefaults) {
  auto r = run(prog("\tfmt.Println(Max(3, 7), Max(2, 2.5), Max(\"a\", \"b\"), Max[int64](9, 2))\n"
                    "\tfmt.Printf(\"%T %v\\n\", First(IDs{4, 5}), First(IDs{4, 5}))\n",
                    "type IDs []int\nfunc Max[T int | int64 | float64 | string](a, b T) T {\n\tif a > b {\n\t\treturn a\n\t}\n\treturn b\n}\n"
                    "func First[S ~[]E, E any](s S) E { return s[0] }\n"),
               go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "7 2.5 b 9\nint 4\n");
}

TEST(Generics, ErrorsAreGcs) {
  // the messages and columns of real Go 1.24's go vet
  const std::pair<const char*, const char*> cases[] = {
      {"func F[T comparable](x T) {}\nfunc main() { F([]int{}) }\n", "main.go:3:15: []int does not satisfy comparable"},
      {"type Number interface{ ~int | ~float64 }\nfunc Sum[T Number](xs []T) {}\nfunc main() { Sum([]string{}) }\n",
       "main.go:4:15: string does not satisfy Number (string missing in ~int | ~float64)"},
      {"func Z[T any]() T { var z T; return z }\nfunc main() { _ = Z() }\n", "main.go:3:19: in call to Z, cannot infer T"},
      {"type Set[T comparable] map[T]struct{}\nfunc main() { var s Set; _ = s }\n",
       "main.go:3:21: cannot use generic type Set[T comparable] without instantiation"},
      {"type Set[T comparable] map[T]struct{}\nfunc main() { var s Set[int, int]; _ = s }\n",
       "main.go:3:21: too many type arguments for type Set: have 2, want 1"},
      {"func F[T any](x T) {}\nfunc main() { F[int, int](1) }\n", "main.go:3:22: got 2 type arguments but want 1"},
      {"type S interface{ String() string }\nfunc P[T S](x T) {}\nfunc main() { P(3) }\n",
       "main.go:4:15: int does not satisfy S (missing method String)"},
      {"import \"cmp\"\nfunc M[T cmp.Ordered](a T) {}\nfunc main() { M(true) }\n", "main.go:4:15: bool does not satisfy cmp.Ordered"},
      {"func main() { var c comparable; _ = c }\n", "cannot use type comparable outside a type constraint: interface is (or embeds) comparable"},
  };
  for (const auto& [src, want] : cases) {
    auto r = run(std::string("package main\n") + src, go("1.24"));
    EXPECT_FALSE(r.loaded) << src;
    EXPECT_NE(r.diag.find(want), std::string::npos) << src << "\n" << r.diag;
  }
}

TEST(Generics, AGenericBodyNamingAPackageKeepsItsImportUsed) {
  // gc checks a generic body once: its imports are used even with no instance
  auto r = run("package main\nimport \"strconv\"\nfunc S[T any](x int) string { return strconv.Itoa(x) }\nfunc main() {}\n", go("1.24"));
  EXPECT_TRUE(r.loaded) << r.diag;
}

TEST(Generics, CmpAndSlicesFunctionsAreTheLibrarysCode) {
  // the output of real Go 1.21 and 1.24 (slices.Max of an empty slice panics as there)
  const std::string src =
      "package main\nimport (\n\t\"cmp\"\n\t\"fmt\"\n\t\"slices\"\n)\ntype IDs []int\nfunc main() {\n"
      "\txs := IDs{3, 1, 4, 1, 5}\n"
      "\tfmt.Println(slices.Contains(xs, 4), slices.Index(xs, 1), slices.Index([]string{\"a\"}, \"b\"))\n"
      "\tfmt.Println(slices.Max(xs), slices.Min([]string{\"b\", \"a\"}), slices.Max([]float64{1.5, -2}))\n"
      "\tslices.Reverse(xs)\n\tfmt.Println(xs, slices.Equal(xs, IDs{5, 1, 4, 1, 3}), slices.Equal([]int{}, nil))\n"
      "\tfmt.Println(cmp.Compare(1, 2), cmp.Compare(\"b\", \"a\"), cmp.Compare(2.0, 2.0), cmp.Less(1, 2))\n"
      "\tfmt.Println(slices.Max([]int{}))\n}\n";
  for (const char* v : {"1.21", "1.24"}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, "true 1 -1\n5 a 1.5\n[5 1 4 1 3] true true\n-1 1 0 true\n") << v;
    EXPECT_EQ(r.err.rfind("panic: slices.Max: empty list", 0), 0u) << r.err;
  }
  auto bad = run("package main\nimport \"slices\"\nfunc main() { _ = slices.Max([]bool{true}) }\n", go("1.24"));
  EXPECT_NE(bad.diag.find("main.go:3:19: bool does not satisfy cmp.Ordered"), std::string::npos) << bad.diag;
  // maps.Keys: Go 1.23's iterator; before, no such function
  auto keys = run("package main\nimport \"maps\"\nfunc main() { _ = maps.Keys(map[int]int{}) }\n", go("1.21"));
  EXPECT_NE(keys.diag.find("undefined: maps.Keys"), std::string::npos) << keys.diag;
  keys = run("package main\nimport \"maps\"\nfunc main() { _ = maps.Keys(map[int]int{}) }\n", go("1.24"));
  EXPECT_NE(keys.diag.find("maps.Keys returns an iterator"), std::string::npos) << keys.diag;
}

}  // namespace

namespace {

TEST(Variadic, ArgumentsArePackedAsGcPacksThem) {
  // the output of real Go 1.24 (tests/oracle/programs/variadic.go measures the memory)
  auto r = run(prog("\tfmt.Println(sum(\"a\"), sum(\"b\", 1, 2, 3))\n\txs := []int{4, 5}\n\tfmt.Println(sum(\"c\", xs...))\n"
                    "\tfmt.Println(MaxOf(3, 9, 2), MaxOf(\"x\"), MaxOf(1.5, []float64{0.5, 7}...))\n",
                    "func sum(label string, nums ...int) int {\n\tt := 0\n\tfor _, n := range nums {\n\t\tt += n\n\t}\n"
                    "\tfmt.Println(label, len(nums), nums == nil)\n\treturn t\n}\n"
                    "func MaxOf[T int | float64 | string](first T, rest ...T) T {\n\tm := first\n\tfor _, x := range rest {\n"
                    "\t\tif x > m {\n\t\t\tm = x\n\t\t}\n\t}\n\treturn m\n}\n"),
               go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "a 0 true\nb 3 false\n0 6\nc 2 false\n9\n9 x 7\n");
  const std::pair<const char*, const char*> bad[] = {
      {"func f(xs ...int, y int) {}\nfunc main() {}\n", "can only use ... with final parameter in list"},
      {"func f(x int) {}\nfunc main() { f([]int{1}...) }\n", "cannot use ... in call to non-variadic f"},
      {"func f(x int, xs ...int) {}\nfunc main() { f() }\n", "not enough arguments in call to f"},
  };
  for (const auto& [src, want] : bad) {
    auto b = run(std::string("package main\n") + src, go("1.24"));
    EXPECT_NE(b.diag.find(want), std::string::npos) << src << "\n" << b.diag;
  }
}

}  // namespace

namespace {

TEST(Run, MethodsWithFunctionTypedParametersExpandAtEachCall) {
  // the output of real Go 1.24: a method (of a generic type too) handed a literal or a
  // function expands in place as a function with a function-typed parameter does
  auto r = run(prog("\tvar l List[string]\n\tl.Push(\"a\")\n\tl.Push(\"b\")\n\tn := 0\n"
                    "\tl.Each(func(s string) { n += len(s); fmt.Print(s, \" \") })\n\tfmt.Println(n)\n"
                    "\tc := Counter{}\n\tc.Apply(3, double)\n\tc.Apply(1, func(v int) int { return v + n })\n\tfmt.Println(c.total)\n",
                    "type node[T any] struct {\n\tval  T\n\tnext *node[T]\n}\n"
                    "type List[T any] struct{ head *node[T] }\n"
                    "func (l *List[T]) Push(v T) { l.head = &node[T]{val: v, next: l.head} }\n"
                    "func (l *List[T]) Each(f func(T)) {\n\tfor n := l.head; n != nil; n = n.next {\n\t\tf(n.val)\n\t}\n}\n"
                    "type Counter struct{ total int }\n"
                    "func (c *Counter) Apply(v int, op func(int) int) { c.total += op(v) }\n"
                    "func double(v int) int { return 2 * v }\n"),
               go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "b a 2\n9\n");
}

}  // namespace

namespace {

// gc type-checks a generic body against its constraints even when nothing instantiates it:
// the same programs on real Go 1.19 and 1.27 fail to build at these lines, with these messages
// on 1.27 (1.19 words an assignment "as type string" and an unused variable "v declared but
// not used").
TEST(Generics, BodiesNobodyInstantiatesAreChecked) {
  const std::pair<const char*, const char*> bad[] = {
      {"func Sum[T any](xs []T) T {\n\tvar t T\n\tfor _, x := range xs {\n\t\tt += x\n\t}\n\treturn t\n}\n", "main.go:6:3: invalid operation: operator + not defined on t (variable of type T constrained by any)"},
      {"type Number interface{ ~int | ~float64 }\n\nfunc Half[T Number](x T) string {\n\treturn x / 2\n}\n", "main.go:6:9: cannot use x / 2 (value of type T constrained by Number) as string value in return statement"},
      {"type Stack[T any] struct{ items []T }\n\nfunc (s *Stack[T]) Pop() T {\n\tv := s.items[0]\n\treturn s.items[0]\n}\n", "main.go:6:2: declared and not used: v"},
      {"func Keys[K comparable, V any](m map[K]V) []K {\n\tunused := 1\n\treturn nil\n}\n", "main.go:4:2: declared and not used: unused"},
      {"func Firsts[S ~[]E, E any](s S) E {\n\treturn s\n}\n", "main.go:4:9: cannot use s (variable of type S constrained by ~[]E) as E value in return statement"},
  };
  for (const auto& [decl, want_127] : bad)
    for (const char* release : {"1.19", "1.27"}) {
      std::string want = want_127;   // Go 1.19: "v declared but not used", "as type string in"
      if (const size_t at = want.find("declared and not used: "); at != std::string::npos && release == std::string("1.19"))
        want = want.substr(0, at) + want.substr(at + 23) + " declared but not used";
      if (const size_t as = want.find(") as "), val = want.find(" value in "); as != std::string::npos && val != std::string::npos && release == std::string("1.19"))
        want = want.substr(0, as + 5) + "type " + want.substr(as + 5, val - as - 5) + want.substr(val + 6);
      auto b = run(std::string("package main\n\n") + decl + "\nfunc main() {}\n", go(release));
      EXPECT_FALSE(b.loaded) << decl;
      EXPECT_NE(b.diag.find(want), std::string::npos) << decl << "\n" << b.diag;
    }
  // correct bodies nobody instantiates still load (each constraint gets a stand-in)
  auto ok = run(std::string("package main\n\nimport (\n\t\"cmp\"\n\t\"fmt\"\n)\n\n"
                            "type Number interface{ ~int | ~float64 }\n\n"
                            "func Sum[T Number](xs []T) T {\n\tvar t T\n\tfor _, x := range xs {\n\t\tt += x\n\t}\n\treturn t\n}\n\n"
                            "func Max[T cmp.Ordered](a, b T) T {\n\tif a > b {\n\t\treturn a\n\t}\n\treturn b\n}\n\n"
                            "func Keys[K comparable, V any](m map[K]V) []K {\n\tks := make([]K, 0, len(m))\n\tfor k := range m {\n\t\tks = append(ks, k)\n\t}\n\treturn ks\n}\n\n"
                            "func Show[T fmt.Stringer](xs []T) (out []string) {\n\tfor _, x := range xs {\n\t\tout = append(out, x.String())\n\t}\n\treturn\n}\n\n"
                            "func Clip[S ~[]E, E any](s S) S { return s[:len(s)] }\n\n"
                            "type Set[T comparable] map[T]struct{}\n\nfunc (s Set[T]) Add(v T) { s[v] = struct{}{} }\n\n"
                            "type Pair[K comparable, V any] struct {\n\tKey K\n\tVal V\n}\n\n"
                            "func main() { fmt.Println(\"ok\") }\n"),
                go("1.21"));
  ASSERT_TRUE(ok.loaded) << ok.diag;
  EXPECT_EQ(ok.out, "ok\n");
}

// An operator valid for a stand-in but not for every type of the type set is refused as gc
// refuses it, at the left operand (real Go 1.19–1.27 print these messages at these columns).
// unary operators on a generic nobody instantiates, against the type set (gc's messages at the
// operand: real Go 1.19 and 1.24 print these)
TEST(Generics, UnaryOperatorsAreCheckedAgainstTheTypeSet) {
  langtest::expect_refused({
      {"package main\n\nfunc Neg[T comparable](x T) T { return -x }\n\nfunc main() {}\n",
       "main.go:3:41: invalid operation: operator - not defined on x (variable of type T constrained by comparable)"},
      {"package main\n\ntype Number interface{ ~int | ~float64 }\n\nfunc Inv[T Number](x T) T { return ^x }\n\nfunc main() {}\n",
       "main.go:5:37: invalid operation: operator ^ not defined on x (variable of type T constrained by Number)"},
      {"package main\n\nfunc Not[T any](b T) T { return !b }\n\nfunc main() {}\n",
       "main.go:3:34: invalid operation: operator ! not defined on b (variable of type T constrained by any)"},
  });
  langtest::Run ok = langtest::run("package main\n\ntype Number interface{ ~int | ~float64 }\n\nfunc Neg[T Number](x T) T { return -x }\n\n"
                                   "func main() { println(Neg(2), Neg(1.5) < 0) }\n");
  EXPECT_TRUE(ok.loaded) << ok.diag;
}

TEST(Generics, OperatorsAreCheckedAgainstTheWholeTypeSet) {
  const struct { const char* decl; const char* old_diag; const char* new_diag; } bad[] = {
      {"func Sum[T comparable](a, b T) T {\n\treturn a + b\n}\n", "main.go:4:9: invalid operation: operator + not defined on a (variable of type T constrained by comparable)", nullptr},
      {"func Less[T any](a, b T) bool {\n\treturn a < b\n}\n", "main.go:4:9: invalid operation: a < b (type parameter T is not comparable with <)",
       "main.go:4:9: invalid operation: a < b (type parameter T cannot use operator <)"},
      {"func Eq[T any](a, b T) bool {\n\treturn a == b\n}\n", "main.go:4:9: invalid operation: a == b (incomparable types in type set)", nullptr},
      {"type Number interface{ ~int | ~float64 }\n\nfunc Mod[T Number](a, b T) T {\n\treturn a % b\n}\n",
       "main.go:6:9: invalid operation: operator % not defined on a (variable of type T constrained by Number)", nullptr},
      {"func Neg[T ~string | ~int](a, b T) T {\n\treturn a * b\n}\n",
       "main.go:4:9: invalid operation: operator * not defined on a (variable of type T constrained by ~string|~int)", nullptr},
  };
  for (const auto& b : bad)
    for (const char* release : {"1.19", "1.23", "1.24", "1.27"}) {
      auto r = run(std::string("package main\n\n") + b.decl + "\nfunc main() {}\n", go(release));
      EXPECT_FALSE(r.loaded) << b.decl;
      const bool newer = std::string(release) >= "1.24" && b.new_diag;
      EXPECT_NE(r.diag.find(newer ? b.new_diag : b.old_diag), std::string::npos) << release << " " << b.decl << "\n" << r.diag;
    }
  // what every type of the set supports still loads
  auto ok = run(std::string("package main\n\nimport \"cmp\"\n\n"
                            "type Number interface{ ~int | ~float64 }\n\n"
                            "func Avg[T Number](a, b T) T { return (a + b) / 2 }\n\n"
                            "func Max[T cmp.Ordered](a, b T) T {\n\tif a < b {\n\t\treturn b\n\t}\n\treturn a + a\n}\n\n"
                            "func Same[T comparable](a, b T) bool { return a == b || a != b }\n\n"
                            "func main() {}\n"),
                go("1.21"));
  EXPECT_TRUE(ok.loaded) << ok.diag;
}

}  // namespace

// a generic instantiated only with types for which its body works is still checked against
// its constraints, as gc checks it once at its definition (real Go 1.19 and 1.27 print this)
TEST(Generics, InstantiatedBodiesAreCheckedAgainstTheirConstraints) {
  const char* src =
      "package main\n\nimport \"fmt\"\n\nfunc Sum[T comparable](xs []T) T {\n\tvar s T\n\tfor _, x := range xs {\n\t\ts += x\n\t}\n\treturn s\n}\n\n"
      "func main() {\n\tfmt.Println(Sum([]int{1, 2, 3}))\n}\n";
  for (const char* release : {"1.19", "1.27"}) {
    auto b = run(src, go(release));
    EXPECT_FALSE(b.loaded);
    EXPECT_EQ(b.diag, "main.go:8:3: invalid operation: operator + not defined on s (variable of type T constrained by comparable)");
  }
}
