// math_rand_test.cpp — math/rand's rngSource and Rand arithmetic (engine/lang/math_rand.h):
// the tables computed from their definitions equal the literals in every release's source,
// and draws equal real Go's (printed by Go 1.19, 1.22, 1.24 and 1.27 alike).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "engine/lang/math_rand.h"

namespace {

using namespace lang::math_rand;

// The math/rand sources of the releases unpacked by .ci/deps-go.sh.
std::vector<std::filesystem::path> release_rand_dirs() {
  std::vector<std::filesystem::path> out;
  const std::filesystem::path deps = std::filesystem::path(GOMAPSIM_SOURCE_DIR) / ".deps";
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(deps, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("go1.", 0) != 0) continue;
    const auto dir = e.path() / "usr/lib" / ("go-" + name.substr(2)) / "src/math/rand";
    if (std::filesystem::exists(dir / "rng.go")) out.push_back(dir);
  }
  return out;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream f(p);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// literals: the numbers of `var NAME = [N]T{...}` (or rngCooked's `NAME [rngLen]int64 = ...{`)
std::vector<std::string> literals(const std::string& src, const std::string& head) {
  const size_t at = src.find(head);
  if (at == std::string::npos) return {};
  const size_t open = src.find('{', at), close = src.find('}', open);
  const std::string body = src.substr(open + 1, close - open - 1);
  static const std::regex number("-?0x[0-9a-fA-F]+|-?[0-9][0-9.e+-]*");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), number); it != std::sregex_iterator(); ++it) out.push_back(it->str());
  return out;
}

TEST(MathRand, TablesEqualEveryReleasesLiterals) {
  const auto dirs = release_rand_dirs();
  if (dirs.empty()) GTEST_SKIP() << "no Go release under .deps (bash .ci/deps-go.sh unpacks them)";
  const int64_t* cooked = rng_cooked();
  const Ziggurat& z = ziggurat();
  for (const auto& dir : dirs) {
    SCOPED_TRACE(dir.string());
    const auto rc = literals(read_file(dir / "rng.go"), "rngCooked [rngLen]int64");
    ASSERT_EQ(rc.size(), size_t(kRngLen));
    for (int i = 0; i < kRngLen; ++i) ASSERT_EQ(std::stoll(rc[size_t(i)]), cooked[i]) << "rngCooked[" << i << "]";
    const std::string normal = read_file(dir / "normal.go"), exp = read_file(dir / "exp.go");
    auto check_k = [](const std::vector<std::string>& lit, const uint32_t* ours, size_t n, const char* name) {
      ASSERT_EQ(lit.size(), n) << name;
      for (size_t i = 0; i < n; ++i) ASSERT_EQ(uint32_t(std::stoul(lit[i], nullptr, 16)), ours[i]) << name << "[" << i << "]";
    };
    auto check_f = [](const std::vector<std::string>& lit, const float* ours, size_t n, const char* name) {
      ASSERT_EQ(lit.size(), n) << name;
      for (size_t i = 0; i < n; ++i) ASSERT_EQ(std::strtof(lit[i].c_str(), nullptr), ours[i]) << name << "[" << i << "]";
    };
    check_k(literals(normal, "var kn = "), z.kn, 128, "kn");
    check_f(literals(normal, "var wn = "), z.wn, 128, "wn");
    check_f(literals(normal, "var fn = "), z.fn, 128, "fn");
    check_k(literals(exp, "var ke = "), z.ke, 256, "ke");
    check_f(literals(exp, "var we = "), z.we, 256, "we");
    check_f(literals(exp, "var fe = "), z.fe, 256, "fe");
  }
}

// Real Go 1.19/1.22/1.24/1.27: rand.New(rand.NewSource(1)) (tests/oracle/programs/rand_seeded.go)
TEST(MathRand, SeededDrawsAreRealGos) {
  RngSource s;
  s.seed(1);
  EXPECT_TRUE(s.check_invariants());
  EXPECT_EQ(rand_intn(s, 100), 81);
  EXPECT_EQ(rand_intn(s, 100), 87);
  EXPECT_EQ(rand_intn(s, 1000000), 131847);
  EXPECT_EQ(s.int63(), 4037200794235010051);
  EXPECT_EQ(rand_int31(s), 911902081);
  EXPECT_EQ(rand_uint32(s), 2949882636u);
  EXPECT_EQ(s.uint64(), 9828766684487745566ull);
  EXPECT_EQ(s.int63(), 1443635317331776148);   // Int
  EXPECT_EQ(rand_int63n(s, int64_t(1) << 40), 310196635552);
  EXPECT_EQ(rand_int63n(s, 1000000007), 52325302);
  EXPECT_EQ(rand_int31n(s, 1 << 20), 163014);
  EXPECT_EQ(rand_int31n(s, 77), 55);
  EXPECT_EQ(rand_intn(s, (int64_t(1) << 40) + 3), 698905211449);
  EXPECT_EQ(rand_float64(s), 0.380657189299686);
  EXPECT_EQ(rand_norm_float64(s), 0.8382059044208106);
  EXPECT_EQ(rand_exp_float64(s), 0.38996764757787583);
  EXPECT_TRUE(s.check_invariants());
  // Seed's edge cases: 0 is 89482311; seeds are taken mod 2³¹−1, negatives made positive
  const std::pair<int64_t, int64_t> firsts[] = {{0, 8717895732742165505}, {-1, 3644962268338389676},
                                                {42, 3440579354231278675}, {2147483647, 8717895732742165505},
                                                {int64_t(1) << 40, 5470237361722394362}, {INT64_MIN, 7681445645332086223}};
  for (const auto& [seed, first] : firsts) {
    s.seed(seed);
    EXPECT_EQ(s.int63(), first) << "seed " << seed;
  }
}

}  // namespace
