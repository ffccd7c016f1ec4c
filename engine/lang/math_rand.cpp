// math_rand.cpp — math/rand's rngSource seeding and the tables Go's source spells out,
// computed from their definitions (math_rand.h says how and why).
#include "engine/lang/math_rand.h"

#include <cmath>
#include <vector>

namespace lang::math_rand {

namespace {

constexpr int32_t kInt32Max = 2147483647;   // rng.go int32max: (1 << 31) - 1

// seedrand: x[n+1] = 48271 * x[n] mod (2³¹ − 1), Schrage's way (rng.go, gen_cooked.go)
int32_t seedrand(int32_t x) {
  constexpr int32_t A = 48271, Q = 44488, R = 3399;
  const int32_t hi = x / Q, lo = x % Q;
  x = A * lo - R * hi;
  if (x < 0) x += kInt32Max;
  return x;
}

// Polynomials over Z/2⁶⁴ of degree < 607, reduced by z⁶⁰⁷ = z³³⁴ + 1 (the recurrence
// x[n] = x[n-607] + x[n-273] shifted up by 607).
using Poly = std::vector<uint64_t>;

Poly mul_mod(const Poly& a, const Poly& b) {
  std::vector<uint64_t> r(2 * kRngLen - 1, 0);
  for (int i = 0; i < kRngLen; ++i) {
    if (!a[size_t(i)]) continue;
    for (int j = 0; j < kRngLen; ++j) r[size_t(i + j)] += a[size_t(i)] * b[size_t(j)];
  }
  for (size_t d = r.size() - 1; d >= size_t(kRngLen); --d) {
    const uint64_t c = r[d];
    r[d] = 0;
    r[d - kRngTap] += c;
    r[d - kRngLen] += c;
  }
  r.resize(kRngLen);
  return r;
}

// cooked_table: gen_cooked.go's rngVec after srand(1) and 7.8e12 calls of vrand. The values
// the generator writes form the sequence s[n] = s[n-607] + s[n-273], where s[0..606] are the
// seeded vec read in the order the feed index visits it; s[N+j] = Σ c_i s[i] with
// Σ c_i z^i = z^(N+j) mod the polynomial, and s[N+j] lies where step N+j−606 wrote it.
std::vector<int64_t> cooked_table() {
  int64_t vec[kRngLen];
  int32_t x = 1;   // gen_cooked.go srand(1): its shifts are 20 and 10 where Seed's are 40 and 20
  for (int i = -20; i < kRngLen; ++i) {
    x = seedrand(x);
    if (i < 0) continue;
    int64_t u = int64_t(x) << 20;
    x = seedrand(x);
    u ^= int64_t(x) << 10;
    x = seedrand(x);
    u ^= int64_t(x);
    vec[i] = u;
  }
  constexpr int kFeed0 = kRngLen - kRngTap;   // 334: feed's start, tap's is 0
  constexpr uint64_t kSteps = 7800000000000ull;
  std::vector<uint64_t> s(kRngLen);
  for (int i = 0; i < kRngLen; ++i) s[size_t(i)] = uint64_t(vec[((kFeed0 - 1 - i) % kRngLen + kRngLen) % kRngLen]);
  Poly r(kRngLen, 0), base(kRngLen, 0);
  r[0] = 1;
  base[1] = 1;
  for (uint64_t e = kSteps; e; e >>= 1) {
    if (e & 1) r = mul_mod(r, base);
    base = mul_mod(base, base);
  }
  std::vector<int64_t> out(kRngLen);
  for (int j = 0; j < kRngLen; ++j) {
    uint64_t v = 0;
    for (int i = 0; i < kRngLen; ++i) v += r[size_t(i)] * s[size_t(i)];
    const int64_t step = int64_t(kSteps) + j - (kRngLen - 1);
    out[size_t(((int64_t(kFeed0) - step) % kRngLen + kRngLen) % kRngLen)] = int64_t(v);
    const uint64_t top = r[kRngLen - 1];   // r *= z
    for (int i = kRngLen - 1; i > 0; --i) r[size_t(i)] = r[size_t(i - 1)];
    r[0] = top;
    r[kRngLen - kRngTap] += top;
  }
  return out;
}

// zigset: Marsaglia & Tsang (2000), "The Ziggurat Method for Generating Random Variables",
// with normal.go's rn and exp.go's re; Go's kn/ke are the products truncated to uint32, its
// wn/fn/we/fe the doubles rounded to float32.
Ziggurat zigset() {
  Ziggurat z;
  {
    constexpr double m1 = 2147483648.0, vn = 9.91256303526217e-3;
    double dn = 3.442619855899, tn = dn;
    const double q = vn / std::exp(-.5 * dn * dn);
    z.kn[0] = uint32_t((dn / q) * m1);
    z.kn[1] = 0;
    z.wn[0] = float(q / m1);
    z.wn[127] = float(dn / m1);
    z.fn[0] = 1.f;
    z.fn[127] = float(std::exp(-.5 * dn * dn));
    for (int i = 126; i >= 1; --i) {
      dn = std::sqrt(-2. * std::log(vn / dn + std::exp(-.5 * dn * dn)));
      z.kn[i + 1] = uint32_t((dn / tn) * m1);
      tn = dn;
      z.fn[i] = float(std::exp(-.5 * dn * dn));
      z.wn[i] = float(dn / m1);
    }
  }
  {
    constexpr double m2 = 4294967296.0, ve = 3.949659822581572e-3;
    double de = 7.697117470131487, te = de;
    const double q = ve / std::exp(-de);
    z.ke[0] = uint32_t((de / q) * m2);
    z.ke[1] = 0;
    z.we[0] = float(q / m2);
    z.we[255] = float(de / m2);
    z.fe[0] = 1.f;
    z.fe[255] = float(std::exp(-de));
    for (int i = 254; i >= 1; --i) {
      de = -std::log(ve / de + std::exp(-de));
      z.ke[i + 1] = uint32_t((de / te) * m2);
      te = de;
      z.fe[i] = float(std::exp(-de));
      z.we[i] = float(de / m2);
    }
  }
  return z;
}

}  // namespace

const int64_t* rng_cooked() {
  static const std::vector<int64_t> table = cooked_table();
  return table.data();
}

const Ziggurat& ziggurat() {
  static const Ziggurat z = zigset();
  return z;
}

// (*rngSource).Seed (rng.go): 20 warm-up steps of seedrand, then three a word
void RngSource::seed(int64_t seed) {
  tap = 0;
  feed = kRngLen - kRngTap;
  seed %= kInt32Max;
  if (seed < 0) seed += kInt32Max;
  if (seed == 0) seed = 89482311;
  const int64_t* cooked = rng_cooked();
  int32_t x = int32_t(seed);
  for (int i = -20; i < kRngLen; ++i) {
    x = seedrand(x);
    if (i < 0) continue;
    int64_t u = int64_t(x) << 40;
    x = seedrand(x);
    u ^= int64_t(x) << 20;
    x = seedrand(x);
    u ^= int64_t(x);
    vec[i] = u ^ cooked[i];
  }
}

bool RngSource::check_invariants() const {
  return tap >= 0 && tap < kRngLen && feed >= 0 && feed < kRngLen &&
         ((feed - tap) % kRngLen + kRngLen) % kRngLen == kRngLen - kRngTap;
}

}  // namespace lang::math_rand
