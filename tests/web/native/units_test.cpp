// units_test.cpp — adaptive byte units (web/units/units.h).
#include "web/units/units.h"

#include <gtest/gtest.h>

TEST(Units, EachSizeReadsInTheUnitThatSuitsIt) {
  EXPECT_EQ(units::format(0), "0 B");
  EXPECT_EQ(units::format(812), "812 B");
  EXPECT_EQ(units::format(1023), "1023 B");
  EXPECT_EQ(units::format(44 * 1024), "44 KiB");
  EXPECT_EQ(units::format(9.5 * 1024), "9.5 KiB");
  EXPECT_EQ(units::format(1.25 * 1024), "1.25 KiB");
  EXPECT_EQ(units::format(293.4 * 1048576), "293 MiB");
  EXPECT_EQ(units::format(8000.0 * 1048576), "7.81 GiB");
  EXPECT_EQ(units::format(2.0 * 1073741824), "2 GiB");
}

TEST(Units, NoFourDigitFiguresAtAUnitsTop) {
  // 1023.9 KiB would print as "1024 KiB": it reads "1 MiB".
  EXPECT_EQ(units::format(1023.9 * 1024), "1 MiB");
  EXPECT_EQ(units::unit_for(1023.4 * 1024), units::kKiB);
  EXPECT_EQ(units::format(99.97 * 1024), "100 KiB");
}

TEST(Units, AColumnKeepsOneUnit) {
  const units::Unit u = units::unit_for(300.0 * 1048576);
  EXPECT_EQ(u, units::kMiB);
  EXPECT_EQ(units::format_in(44 * 1024, u), "0.04 MiB");
  EXPECT_EQ(units::format_in(12.5 * 1048576, u), "12.5 MiB");
  EXPECT_EQ(units::format_in(0, u), "0 MiB");
}
