// export_test.cpp — what authors paste into their posts (issue 14): the timeline as CSV (one
// row a record, the JSON lines' figures) and the release matrix as a Markdown table.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "engine/sim/matrix.h"
#include "tests/lang/lang_test_util.h"

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) out.push_back(cur), cur.clear();
    else cur += c;
  }
  out.push_back(cur);
  return out;
}

TEST(Export, TimelineCsvHasARowPerRecordWithTheJsonLinesFigures) {
  sim::Simulation s;
  ASSERT_TRUE(s.load(langtest::read_file("assets/scenarios/article003_scene1.go"), langtest::go("1.19")));
  s.run_to_end();
  const std::string csv = s.timeline().to_csv();
  // One header row, then one row per record; a print's text (quoted, with its newline) may
  // span two physical lines, so count the records by the kind column.
  const std::vector<std::string> header = split(csv.substr(0, csv.find('\n')), ',');
  ASSERT_GE(header.size(), 16u + 26u);
  EXPECT_EQ(header[0], "kind");
  EXPECT_EQ(header[16], "Alloc");
  size_t rows = 0, prints = 0;
  std::istringstream in(csv.substr(csv.find('\n') + 1));
  std::string line;
  const auto& recs = s.timeline().records();
  while (std::getline(in, line)) {
    const std::string kind = line.substr(0, line.find(','));
    if (kind != "print" && kind != "sample" && kind != "gc" && kind != "map_event" && kind != "end") continue;
    ASSERT_LT(rows, recs.size());
    // op and the last counter (NumForcedGC) as the record has them
    const std::vector<std::string> f = split(line, ',');
    EXPECT_EQ(f[1], std::to_string(recs[rows].op));
    if (kind != "print") {
      EXPECT_EQ(f.back(), std::to_string(recs[rows].mem.NumForcedGC));
    }
    prints += kind == "print";
    ++rows;
  }
  EXPECT_EQ(rows, recs.size());
  EXPECT_GT(prints, 0u);
  EXPECT_NE(csv.find("\"Alloc = "), std::string::npos);   // a print's text, quoted
}

TEST(Export, ReleaseMatrixAsMarkdown) {
  sim::ReleaseMatrix m;
  m.start(langtest::read_file("assets/scenarios/article000_inline.go"), sim::Options{}, {"1.19", "1.27"});
  m.run_to_end();
  const std::string md = m.to_markdown();
  const std::vector<std::string> lines = split(md, '\n');
  EXPECT_EQ(lines[0], "| line | printed | 1.19 | 1.27 |");
  EXPECT_EQ(lines[1], "|---|---|---:|---:|");
  // each printed figure as the table's rows have it, '*' where it turns
  const std::vector<sim::MatrixRow> rows = m.rows();
  ASSERT_EQ(rows.size(), 3u);
  for (size_t i = 0; i < rows.size(); ++i) {
    const sim::MatrixNumber& n = rows[i].numbers.at(0);
    const std::string want = "| " + std::to_string(rows[i].line) + " | # KB | " + n.text[0] + (n.turns[0] ? "*" : "") + " | " +
                             n.text[1] + (n.turns[1] ? "*" : "") + " |";
    EXPECT_EQ(lines[2 + i], want);
  }
  EXPECT_TRUE(rows[1].numbers[0].turns[1]);   // the Swiss tables of 1.24+
  EXPECT_NE(md.find("\\* differs by more than 5 %"), std::string::npos);
}

}  // namespace
