// quiz_test.cpp — "Predict, then reveal" (web/quiz/quiz.h): the link's spec, where a run stops
// before an asked line (checked on a real run: nothing of the line printed there, all of it
// printed at its last op), guesses read with units, verdicts, choices and real Go's figure.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/sim/simulation.h"
#include "web/quiz/quiz.h"

namespace {

TEST(QuizSpec, ParsesEveryForm) {
  quiz::Spec s;
  std::string err;
  ASSERT_TRUE(quiz::parse_spec("1", s, err));
  EXPECT_TRUE(s.every);
  ASSERT_TRUE(quiz::parse_spec("all", s, err));
  EXPECT_TRUE(s.every);
  ASSERT_TRUE(quiz::parse_spec("", s, err));
  EXPECT_TRUE(s.empty());
  ASSERT_TRUE(quiz::parse_spec("5,3:Alloc,3:NumGC,7:KB", s, err)) << err;
  ASSERT_EQ(s.picks.size(), 3u);
  EXPECT_EQ(s.picks[0], (quiz::Pick{3, ""}));   // two labels of line 3: every figure of it
  EXPECT_EQ(s.picks[1], (quiz::Pick{5, ""}));
  EXPECT_EQ(s.picks[2], (quiz::Pick{7, "KB"}));
  EXPECT_EQ(quiz::spec_text(s), "3,5,7:KB");
  EXPECT_TRUE(quiz::asks(s, 7, "kb"));
  EXPECT_FALSE(quiz::asks(s, 7, "Alloc"));
  EXPECT_FALSE(quiz::asks(s, 4));
  // line 1 alone round-trips (its plain form "1" means every print)
  ASSERT_TRUE(quiz::parse_spec("1,1", s, err));
  EXPECT_FALSE(s.every);
  quiz::Spec back;
  ASSERT_TRUE(quiz::parse_spec(quiz::spec_text(s), back, err));
  EXPECT_EQ(back, s);
  for (const char* bad : {"x", "3;4", "3:", "0,2", "3,,4"}) {
    EXPECT_FALSE(quiz::parse_spec(bad, s, err)) << bad;
    EXPECT_NE(err.find("character"), std::string::npos) << err;
  }
}

constexpr const char* kProgram = R"(package main

import (
	"fmt"
	"runtime"
)

func main() {
	var ms runtime.MemStats
	m := map[int]int{}
	fmt.Println("start")
	for i := 0; i < 5000; i++ {
		m[i] = i
	}
	runtime.ReadMemStats(&ms)
	fmt.Print("len=", len(m), " ")
	fmt.Printf("Alloc=%d KB NumGC=%d\n", ms.Alloc/1024, ms.NumGC)
	fmt.Println("done")
}
)";

TEST(QuizRun, StopsBeforeTheLineAndRevealsItAtItsLastOp) {
  sim::Simulation s;
  sim::Options o;
  o.go_version = "1.19";
  ASSERT_TRUE(s.load(kProgram, o));
  s.run_to_end();
  const std::vector<quiz::OutputLine> lines = quiz::output_lines(s.timeline(), true);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "start");
  const quiz::OutputLine& l = lines[1];   // printed by two calls: it starts before its figures
  EXPECT_TRUE(l.complete);
  EXPECT_LT(l.first_op, l.last_op);
  EXPECT_EQ(l.source_line, 16);
  quiz::Spec every;
  every.every = true;
  const std::vector<quiz::Figure> f = quiz::figures_asked(every, 2, l.text);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].label, "len");
  EXPECT_EQ(f[0].text, "5000");
  EXPECT_FALSE(f[0].memory);
  EXPECT_EQ(f[1].label, "Alloc");
  EXPECT_TRUE(f[1].memory);
  EXPECT_EQ(f[1].unit, "KB");
  EXPECT_EQ(f[1].unit_bytes, 1024);
  EXPECT_EQ(quiz::blanked(l.text, {f[1]}).find(f[1].text), std::string::npos);
  EXPECT_EQ(quiz::blanked(l.text, {f[1]}).rfind("len=5000 Alloc=___", 0), 0u) << quiz::blanked(l.text, {f[1]});

  // The run standing one op before the line has printed none of it; at its last op, all.
  s.seek(l.first_op - 1);
  EXPECT_EQ(s.stdout_text(), "start\n");
  s.seek(l.last_op);
  EXPECT_EQ(s.stdout_text(), "start\n" + l.text + "\n");
  // Before the run ended the last line is complete only with its newline.
  EXPECT_TRUE(quiz::output_lines(s.timeline(), false).back().complete);
}

quiz::Figure memory_figure(double v) {
  quiz::Figure f;
  f.line = 3;
  f.label = "KB";
  f.unit = "KB";
  f.value = v;
  f.text = std::to_string(static_cast<long long>(v));
  f.memory = true;
  f.unit_bytes = 1024;
  return f;
}

TEST(QuizGuess, ReadsNumbersAndUnits) {
  const quiz::Figure f = memory_figure(300370);
  double v = 0;
  std::string err;
  ASSERT_TRUE(quiz::parse_guess("300000", f, v, err));
  EXPECT_EQ(v, 300000);
  ASSERT_TRUE(quiz::parse_guess(" 300 000 ", f, v, err));
  EXPECT_EQ(v, 300000);
  ASSERT_TRUE(quiz::parse_guess("300,000", f, v, err));
  EXPECT_EQ(v, 300000);
  ASSERT_TRUE(quiz::parse_guess("290 MiB", f, v, err));
  EXPECT_EQ(v, 290 * 1024);
  ASSERT_TRUE(quiz::parse_guess("0.5GB", f, v, err));
  EXPECT_EQ(v, 512 * 1024);
  EXPECT_FALSE(quiz::parse_guess("lots", f, v, err));
  EXPECT_NE(err.find("Type a number"), std::string::npos);
  EXPECT_FALSE(quiz::parse_guess("3 parsecs", f, v, err));
  quiz::Figure count;
  count.label = "NumGC";
  count.value = 3;
  EXPECT_FALSE(quiz::parse_guess("3 MB", count, v, err));   // a count has no unit
  ASSERT_TRUE(quiz::parse_guess("4", count, v, err));
}

TEST(QuizGuess, SaysHowFarOff) {
  const quiz::Figure f = memory_figure(300000);
  EXPECT_EQ(quiz::judge(300000, f).closeness, quiz::Closeness::Exact);
  EXPECT_EQ(quiz::judge(300000, f).headline, "Exactly right");
  EXPECT_EQ(quiz::judge(290000, f).closeness, quiz::Closeness::Exact);
  const quiz::Verdict under = quiz::judge(192000, f);
  EXPECT_EQ(under.closeness, quiz::Closeness::Near);
  EXPECT_EQ(under.detail.rfind("36 % under: 108", 0), 0u) << under.detail;
  EXPECT_NE(under.detail.find("less than it printed"), std::string::npos);
  EXPECT_EQ(quiz::judge(330000, f).closeness, quiz::Closeness::Close);
  const quiz::Verdict high = quiz::judge(1200000, f);
  EXPECT_EQ(high.closeness, quiz::Closeness::Off);
  EXPECT_EQ(high.detail.rfind("4.0\xc3\x97 too high", 0), 0u) << high.detail;
  quiz::Figure gc;
  gc.label = "NumGC";
  gc.value = 3;
  EXPECT_EQ(quiz::judge(4, gc).closeness, quiz::Closeness::Close);
  EXPECT_EQ(quiz::judge(4, gc).detail, "off by 1 (too high)");
  EXPECT_EQ(quiz::judge(9, gc).closeness, quiz::Closeness::Off);
  EXPECT_EQ(quiz::in_words(472299, memory_figure(472299)), "472\xc2\xa0" "299 KB (461 MiB)");
}

TEST(QuizGuess, ChoicesHoldTheFigureOnceAtAPlaceThatMoves) {
  for (int line = 1; line <= 4; ++line) {
    quiz::Figure f = memory_figure(472299);
    f.line = line;
    const std::vector<quiz::Choice> c = quiz::choices(f);
    ASSERT_EQ(c.size(), 4u);
    EXPECT_EQ(std::count_if(c.begin(), c.end(), [&](const quiz::Choice& x) { return x.value == f.value; }), 1);
    EXPECT_EQ(c[static_cast<size_t>(line % 4)].value, f.value);
    for (size_t k = 1; k < c.size(); ++k) EXPECT_LT(c[k - 1].value, c[k].value);
    EXPECT_EQ(c[static_cast<size_t>(line % 4)].label, "about 460 MiB");
  }
  quiz::Figure gc;
  gc.line = 2;
  gc.label = "NumGC";
  gc.value = 1;
  const std::vector<quiz::Choice> c = quiz::choices(gc);
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].value, 0);   // never below zero
  EXPECT_EQ(c[1].value, 1);
}

TEST(QuizRealGo, FindsTheSameFigureOnTheSameLine) {
  quiz::Figure f = memory_figure(300370);
  EXPECT_EQ(quiz::real_go_figure("41 KB\n472299 KB\n300370 KB\n", f), "300370");
  f.line = 4;
  EXPECT_EQ(quiz::real_go_figure("41 KB\n472299 KB\n300370 KB\n", f), "");
  f.line = 1;
  f.label = "Alloc";   // real Go printed another label there: not the same figure
  EXPECT_EQ(quiz::real_go_figure("41 KB\n", f), "");
}

}  // namespace
