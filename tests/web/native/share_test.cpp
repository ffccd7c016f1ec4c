// share_test.cpp — the share-link codec (web/share/codec.h): round trips, limits, and that
// every damaged link is refused with a message instead of a crash.
#include <gtest/gtest.h>

#include <random>

#include "web/share/codec.h"

namespace {

const char* kProgram = R"(package main

import (
	"fmt"
	"runtime"
)

func main() {
	n := 1_000_000
	m := make(map[int][128]byte)
	printAlloc()
	for i := 0; i < n; i++ {
		m[i] = [128]byte{}
	}
	printAlloc()
	for i := 0; i < n; i++ {
		delete(m, i)
	}
	runtime.GC()
	printAlloc()
	runtime.KeepAlive(m)
}
)";

share::State sample() {
  share::State s;
  s.program = kProgram;
  s.preset = "article000_inline";
  s.go_version = "1.24";
  s.gogc = -1;
  s.seed = 123456789012345ull;
  s.views = 0x5a;
  s.cursor = 4242;
  s.compare = "pointer";
  s.ranges = {{"n", 1, 10'000'000}, {"size", -5, 4096}};
  return s;
}

TEST(ShareCodec, KeepsTheTwoReleasesCompared) {
  share::State s = sample();
  s.compare = "version:1.22:1.25";   // longer than the 16 characters links held before
  const share::Decoded d = share::decode(share::encode(s));
  ASSERT_TRUE(d.ok) << d.error;
  EXPECT_EQ(d.state.compare, "version:1.22:1.25");
}

TEST(ShareCodec, ARunOnTodaysGoNeedsNoRelease) {
  share::State s;   // go_version "" = today's Go, whichever release that is when the link opens
  s.program = kProgram;
  EXPECT_EQ(s.go_version, "");
  const share::Decoded d = share::decode(share::encode(s));
  ASSERT_TRUE(d.ok) << d.error;
  EXPECT_EQ(d.state.go_version, "");
}

TEST(ShareLz, RoundTripsTextAndBinary) {
  std::mt19937 rng(7);
  for (size_t len : {0u, 1u, 3u, 4u, 5u, 17u, 1000u, 70000u}) {
    std::string a(len, '\0'), b;
    for (auto& ch : a) ch = static_cast<char>(rng() % 7);   // repetitive
    ASSERT_TRUE(share::lz_decompress(share::lz_compress(a), a.size(), b));
    EXPECT_EQ(a, b);
    for (auto& ch : a) ch = static_cast<char>(rng());        // incompressible
    ASSERT_TRUE(share::lz_decompress(share::lz_compress(a), a.size(), b));
    EXPECT_EQ(a, b);
  }
}

TEST(ShareLz, CompressesPrograms) {
  std::string p;
  for (int k = 0; k < 4; ++k) p += kProgram;
  EXPECT_LT(share::lz_compress(p).size(), p.size() / 3);
}

TEST(ShareLz, RefusesOutputOverLimit) {
  std::string big(10000, 'a'), out;
  EXPECT_FALSE(share::lz_decompress(share::lz_compress(big), 9999, out));
}

TEST(ShareBase64, RoundTripAndRejects) {
  for (const std::string& s : std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\0\xff\x10", 3)}) {
    std::string d;
    ASSERT_TRUE(share::base64url_decode(share::base64url_encode(s), d));
    EXPECT_EQ(s, d);
  }
  std::string d;
  EXPECT_FALSE(share::base64url_decode("ab+c", d));   // '+' is not base64url
  EXPECT_FALSE(share::base64url_decode("abcde", d));  // impossible length
  EXPECT_EQ(share::base64url_encode("\xfb\xff"), "-_8");
}

TEST(ShareCodec, RoundTrip) {
  const share::State s = sample();
  const std::string link = share::encode(s);
  ASSERT_EQ(link.rfind("v1=", 0), 0u);
  share::Decoded d = share::decode(std::string("#").append(link));
  ASSERT_TRUE(d.ok) << d.error;
  EXPECT_EQ(d.state, s);
  share::State dflt;
  dflt.program = "package main\nfunc main() {}\n";
  d = share::decode(share::encode(dflt));
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.state, dflt);
  // GOMEMLIMIT is written only when set: links without it stay as they were.
  share::State limited = dflt;
  limited.memlimit = 64 << 20;
  EXPECT_GT(share::encode(limited).size(), share::encode(dflt).size());
  d = share::decode(share::encode(limited));
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.state.memlimit, 64 << 20);
}

TEST(ShareCodec, EveryTruncationIsRefusedAndCalledACut) {
  const std::string link = share::encode(sample());
  for (size_t n = 0; n < link.size(); ++n) {
    share::Decoded d = share::decode(link.substr(0, n));
    EXPECT_FALSE(d.ok) << "prefix " << n;
    EXPECT_FALSE(d.error.empty());
    // Past "v1=" a prefix is a link cut off, never "damaged" (what a reader can act on).
    if (n >= 3) {
      EXPECT_EQ(d.problem, share::Problem::Truncated) << "prefix " << n << ": " << d.error;
    }
  }
  EXPECT_NE(share::decode(link.substr(0, link.size() / 2)).error.find("cut off"), std::string::npos);
}

TEST(ShareCodec, AnchorsAreNotLinks) {
  for (const char* f : {"#hello", "hello", "section-2", "v", "v=", "vx=1", "#v1", ""}) {
    EXPECT_FALSE(share::is_link_fragment(f)) << f;
    EXPECT_EQ(share::decode(f).problem, share::Problem::NotALink) << f;
  }
  EXPECT_TRUE(share::is_link_fragment("#v1=abc"));
  EXPECT_EQ(share::decode("v2=abc").problem, share::Problem::Newer);
  EXPECT_EQ(share::decode("v1=ab%cd").problem, share::Problem::Damaged);
}

TEST(ShareCodec, KnobRangesRoundTripAndOldLinksHaveNone) {
  share::State s = sample();
  share::Decoded d = share::decode(share::encode(s));
  ASSERT_TRUE(d.ok) << d.error;
  EXPECT_EQ(d.state.ranges, s.ranges);
  s.ranges.clear();   // what a link made before ranges were saved decodes to
  d = share::decode(share::encode(s));
  ASSERT_TRUE(d.ok);
  EXPECT_TRUE(d.state.ranges.empty());
}

TEST(ShareCodec, QuizQuestionsRoundTripAndOldLinksHaveNone) {
  share::State s = sample();
  s.quiz = "2,3:Alloc";
  share::Decoded d = share::decode(share::encode(s));
  ASSERT_TRUE(d.ok) << d.error;
  EXPECT_EQ(d.state.quiz, "2,3:Alloc");
  EXPECT_EQ(d.state, s);
  s.quiz.clear();   // no quiz: no field, as links made before the quiz
  const std::string without = share::encode(s);
  d = share::decode(without);
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.state.quiz, "");
  s.quiz = "1";
  EXPECT_NE(share::encode(s), without);
}

TEST(ShareCodec, CorruptionIsRefusedNeverCrashes) {
  const std::string link = share::encode(sample());
  std::mt19937 rng(1);
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  int refused = 0;
  for (int k = 0; k < 3000; ++k) {
    std::string bad = link;
    const size_t at = 3 + rng() % (bad.size() - 3);
    bad[at] = alphabet[rng() % alphabet.size()];
    if (bad == link) continue;
    share::Decoded d = share::decode(bad);
    if (!d.ok) {
      ++refused;
      EXPECT_FALSE(d.error.empty());
    }
  }
  EXPECT_GT(refused, 2900);   // the checksum catches (nearly) all single-character damage
  for (int k = 0; k < 2000; ++k) {   // random garbage after the prefix
    std::string junk("v1=");
    const size_t len = rng() % 200;
    for (size_t j = 0; j < len; ++j) junk += alphabet[rng() % alphabet.size()];
    EXPECT_FALSE(share::decode(junk).ok);
  }
}

TEST(ShareCodec, OversizedAndForeignLinks) {
  EXPECT_FALSE(share::decode(std::string(share::kMaxFragmentChars + 10, 'A')).ok);
  EXPECT_FALSE(share::decode(std::string("v1=").append(share::kMaxFragmentChars, 'A')).ok);
  EXPECT_FALSE(share::decode("v2=abc").ok);
  EXPECT_FALSE(share::decode("n=77").ok);
  EXPECT_FALSE(share::decode("").ok);
  share::State s;
  s.program = std::string(share::kMaxProgramBytes + 1, 'x');
  share::Decoded d = share::decode(share::encode(s));
  EXPECT_FALSE(d.ok);
  EXPECT_NE(d.error.find("too large"), std::string::npos);
}

}  // namespace
