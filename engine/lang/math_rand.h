#pragma once
// math_rand.h — math/rand's generator as Go's: rngSource and the Rand methods' arithmetic.
//
// Models math/rand of Go 1.19–1.27 (the same code in every release; only the top-level
// functions' source changed, see Interpreter::global_rand_source):
//   rng.go     rngSource, the additive lagged Fibonacci generator x[n] = x[n-607] + x[n-273]
//              (mod 2⁶⁴), seeded by seedrand's Park–Miller steps XORed with rngCooked;
//   rand.go    (*Rand).Int63n/Int31n/Intn/Float64/Perm: how a draw of the source becomes a
//              number (rejection above max; Shuffle's Lemire multiply is Go code,
//              rand_shuffle.cpp);
//   normal.go, exp.go  NormFloat64 and ExpFloat64: Marsaglia & Tsang's ziggurat.
// So rand.New(rand.NewSource(1)).Intn(100) prints 81, as real Go does, on every release.
//
//   rngSource { tap, feed int; vec [607]int64 }    each Uint64: tap--, feed-- (mod 607),
//                                                  vec[feed] += vec[tap]; return vec[feed]
//
// The tables Go's source holds as literals are computed here from their definitions, not
// copied: rngCooked is "the state of the generator after 780e10 iterations" of
// math/rand/gen_cooked.go (srand(1), then 7.8e12 steps of the same recurrence), reached by
// raising z to the 7.8e12th power modulo the recurrence's polynomial z⁶⁰⁷ − z³³⁴ − 1 over
// Z/2⁶⁴ (a jump ahead: 43 squarings of degree-606 polynomials, ~20 ms once); kn/wn/fn and
// ke/we/fe are Marsaglia & Tsang's zigset (the paper normal.go and exp.go cite), in double
// precision, truncated or rounded to float32 as Go's literals are. Both are checked value
// for value against each release's math/rand source (tests/lang/math_rand_test.cpp) and by
// the oracle against real Go's draws (tests/oracle/programs/rand_seeded.go).
//
// Invariants: 0 ≤ tap, feed < 607 and feed − tap ≡ 334 (mod 607) between draws
// (RngSource::check_invariants).
//
// Simplifications: Float32 is absent (the playground has no float32); the ziggurat's slow
// paths call the host's log/exp (glibc natively, Emscripten's libm in the page) where Go
// calls math.Log/Exp; the tables, computed by both, equal Go's literals (the Node API test
// compares the page's draws with the CLI's).
#include <cmath>
#include <cstdint>

namespace lang::math_rand {

inline constexpr int kRngLen = 607;          // rng.go rngLen
inline constexpr int kRngTap = 273;          // rng.go rngTap
inline constexpr uint64_t kRngMask = (uint64_t(1) << 63) - 1;

struct RngSource {
  int32_t tap = 0, feed = 0;
  int64_t vec[kRngLen] = {};

  void seed(int64_t seed);                    // (*rngSource).Seed
  uint64_t uint64() {                         // (*rngSource).Uint64
    if (--tap < 0) tap += kRngLen;
    if (--feed < 0) feed += kRngLen;
    const uint64_t x = uint64_t(vec[feed]) + uint64_t(vec[tap]);
    vec[feed] = int64_t(x);
    return x;
  }
  int64_t int63() { return int64_t(uint64() & kRngMask); }
  bool check_invariants() const;
};

// rng_cooked: rng.go's rngCooked, computed once (see the header).
const int64_t* rng_cooked();

// The ziggurat's tables (normal.go kn/wn/fn, exp.go ke/we/fe), computed once.
struct Ziggurat {
  uint32_t kn[128];
  float wn[128], fn[128];
  uint32_t ke[256];
  float we[256], fe[256];
};
const Ziggurat& ziggurat();

// ---- rand.go's methods over any source with int63() (a Source) and uint64() (a Source64:
// rngSource and the runtime's source both are, so Rand.Uint64 takes s64.Uint64()).
template <class Src> uint32_t rand_uint32(Src& s) { return uint32_t(s.int63() >> 31); }
template <class Src> int32_t rand_int31(Src& s) { return int32_t(s.int63() >> 32); }

template <class Src> int64_t rand_int63n(Src& s, int64_t n) {   // n > 0
  if ((n & (n - 1)) == 0) return s.int63() & (n - 1);
  const int64_t max = int64_t(kRngMask - (uint64_t(1) << 63) % uint64_t(n));
  int64_t v = s.int63();
  while (v > max) v = s.int63();
  return v % n;
}

template <class Src> int32_t rand_int31n(Src& s, int32_t n) {   // n > 0
  if ((n & (n - 1)) == 0) return rand_int31(s) & (n - 1);
  const int32_t max = int32_t((uint32_t(1) << 31) - 1 - (uint32_t(1) << 31) % uint32_t(n));
  int32_t v = rand_int31(s);
  while (v > max) v = rand_int31(s);
  return v % n;
}

template <class Src> int64_t rand_intn(Src& s, int64_t n) {     // n > 0
  if (n <= (int64_t(1) << 31) - 1) return rand_int31n(s, int32_t(n));
  return rand_int63n(s, n);
}

template <class Src> double rand_float64(Src& s) {
  for (;;) {
    const double f = double(s.int63()) / 9223372036854775808.0;   // / (1 << 63)
    if (f != 1) return f;                                          // resample: O(never)
  }
}

// NormFloat64 (normal.go) and ExpFloat64 (exp.go). Their slow paths (under 1 % of draws)
// call the host's log/exp where Go calls math.Log/Exp: the two may differ in the last bit,
// which changes a comparison's outcome only on a value within an ulp of the curve.

template <class Src> double rand_norm_float64(Src& s) {
  constexpr double rn = 3.442619855899;
  const Ziggurat& z = ziggurat();
  for (;;) {
    const int32_t j = int32_t(rand_uint32(s));   // possibly negative
    const int32_t i = j & 0x7F;
    double x = double(j) * double(z.wn[i]);
    const uint32_t absj = j < 0 ? uint32_t(-int64_t(j)) : uint32_t(j);
    if (absj < z.kn[i]) return x;                 // better than 99 % of the time
    if (i == 0) {                                 // the base strip
      for (;;) {
        x = -std::log(rand_float64(s)) * (1.0 / rn);
        const double y = -std::log(rand_float64(s));
        if (y + y >= x * x) break;
      }
      return j > 0 ? rn + x : -rn - x;
    }
    if (z.fn[i] + float(rand_float64(s)) * (z.fn[i - 1] - z.fn[i]) < float(std::exp(-.5 * x * x))) return x;
  }
}

template <class Src> double rand_exp_float64(Src& s) {
  constexpr double re = 7.69711747013104972;
  const Ziggurat& z = ziggurat();
  for (;;) {
    const uint32_t j = rand_uint32(s);
    const uint32_t i = j & 0xFF;
    const double x = double(j) * double(z.we[i]);
    if (j < z.ke[i]) return x;
    if (i == 0) return re - std::log(rand_float64(s));
    if (z.fe[i] + float(rand_float64(s)) * (z.fe[i - 1] - z.fe[i]) < float(std::exp(-x))) return x;
  }
}

}  // namespace lang::math_rand
