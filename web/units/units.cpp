// units.cpp — adaptive byte units (units.h).
#include "web/units/units.h"

#include <cmath>
#include <cstdio>

namespace units {

Unit unit_for(double bytes) {
  const double b = std::fabs(bytes);
  // 1023.7 KiB printed with three figures would read "1024 KiB": the next unit from 1023.5 on.
  if (b >= 1023.5 * 1024 * 1024) return kGiB;
  if (b >= 1023.5 * 1024) return kMiB;
  if (b >= 1023.5) return kKiB;
  return kB;
}

const char* name(Unit u) {
  switch (u) {
    case kB: return "B";
    case kKiB: return "KiB";
    case kMiB: return "MiB";
    case kGiB: return "GiB";
  }
  return "B";
}

double scale(Unit u) { return std::ldexp(1.0, 10 * static_cast<int>(u)); }

std::string format_in(double bytes, Unit u) {
  const double v = bytes / scale(u);
  const double m = std::fabs(v);
  char buf[48];
  // Whole bytes; otherwise three significant figures, without a trailing ".0".
  const int decimals = u == kB || m == 0 || m >= 99.95 ? 0 : m >= 9.995 ? 1 : 2;
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (decimals > 0) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s + " " + name(u);
}

std::string format(double bytes) { return format_in(bytes, unit_for(bytes)); }

}  // namespace units
