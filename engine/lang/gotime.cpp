// gotime.cpp — time.Time and time.Duration arithmetic and formatting, after time/time.go
// and time/format.go (see gotime.h).
#include "engine/lang/gotime.h"

#include <climits>

namespace gotime {
namespace {

constexpr uint64_t kHasMonotonic = uint64_t{1} << 63;
constexpr int kNsecShift = 30;
constexpr uint64_t kNsecMask = (uint64_t{1} << kNsecShift) - 1;
constexpr int64_t kSecondsPerDay = 86400;
// seconds from 0001-01-01 to 1885-01-01 (wallToInternal) and to 1970-01-01 (unixToInternal)
constexpr int64_t kWallToInternal = (1884 * 365 + 1884 / 4 - 1884 / 100 + 1884 / 400) * kSecondsPerDay;
constexpr int64_t kUnixToInternal = (1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * kSecondsPerDay;

bool monotonic(const Time& t) { return (t.wall & kHasMonotonic) != 0; }

// sec is Time.sec(): seconds since 0001-01-01.
int64_t sec(const Time& t) {
  if (monotonic(t)) return kWallToInternal + int64_t(t.wall << 1 >> (kNsecShift + 1));
  return t.ext;
}

void strip_mono(Time& t) {
  if (!monotonic(t)) return;
  t.ext = sec(t);
  t.wall &= kNsecMask;
}

void add_sec(Time& t, int64_t d) {
  if (monotonic(t)) {
    const int64_t dsec = int64_t(t.wall << 1 >> (kNsecShift + 1)) + d;
    if (dsec >= 0 && dsec <= (int64_t{1} << 33) - 1) {
      t.wall = (t.wall & kNsecMask) | uint64_t(dsec) << kNsecShift | kHasMonotonic;
      return;
    }
    strip_mono(t);
  }
  t.ext += d;
}

// append_int is format.go's appendInt: x in decimal, zero-padded to width digits.
void append_int(std::string& out, uint64_t x, int width) {
  std::string digits;
  do {
    digits.insert(digits.begin(), char('0' + x % 10));
    x /= 10;
  } while (x);
  for (int i = int(digits.size()); i < width; ++i) out += '0';
  out += digits;
}

// civil_from_days: the proleptic Gregorian date of a day count since 1970-01-01.
void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = int64_t(yoe) + era * 400 + (m <= 2);
}

// frac is fmtFrac: the prec low digits of v as ".ddd" without trailing zeros.
std::string frac(uint64_t& v, int prec) {
  std::string out;
  bool print = false;
  for (int i = 0; i < prec; ++i) {
    const uint64_t digit = v % 10;
    print = print || digit != 0;
    if (print) out.insert(out.begin(), char('0' + digit));
    v /= 10;
  }
  return print ? "." + out : out;
}

}  // namespace

Time now(int64_t clock_ns) {
  const int64_t unix_ns = kPlaygroundEpochUnix * 1'000'000'000 + clock_ns;
  const int64_t s = unix_ns / 1'000'000'000 + kUnixToInternal - kWallToInternal;
  const uint64_t nsec = uint64_t(unix_ns % 1'000'000'000);
  const int64_t mono = clock_ns + 1;   // the playground's first reading: m=+0.000000001
  if (uint64_t(s) >> 33 != 0) return Time{nsec, s + kWallToInternal};
  return Time{kHasMonotonic | uint64_t(s) << kNsecShift | nsec, mono};
}

int32_t nanosecond(const Time& t) { return int32_t(t.wall & kNsecMask); }

int64_t unix_sec(const Time& t) { return sec(t) - kUnixToInternal; }

int64_t sub(const Time& t, const Time& u) {
  if (monotonic(t) && monotonic(u)) {
    const int64_t te = t.ext, ue = u.ext;
    const int64_t d = int64_t(uint64_t(te) - uint64_t(ue));
    if (d < 0 && te > ue) return INT64_MAX;
    if (d > 0 && te < ue) return INT64_MIN;
    return d;
  }
  const __int128 d = __int128(sec(t) - sec(u)) * 1'000'000'000 + (nanosecond(t) - nanosecond(u));
  if (d > INT64_MAX) return INT64_MAX;
  if (d < INT64_MIN) return INT64_MIN;
  return int64_t(d);
}

Time add(const Time& in, int64_t d) {
  Time t = in;
  int64_t dsec = d / 1'000'000'000;
  int32_t nsec = nanosecond(t) + int32_t(d % 1'000'000'000);
  if (nsec >= 1'000'000'000) {
    ++dsec;
    nsec -= 1'000'000'000;
  } else if (nsec < 0) {
    --dsec;
    nsec += 1'000'000'000;
  }
  t.wall = (t.wall & ~kNsecMask) | uint64_t(nsec);
  add_sec(t, dsec);
  if (monotonic(t)) {
    const int64_t te = int64_t(uint64_t(t.ext) + uint64_t(d));
    if ((d < 0 && te > t.ext) || (d > 0 && te < t.ext)) strip_mono(t);
    else t.ext = te;
  }
  return t;
}

int compare(const Time& t, const Time& u) {
  if (monotonic(t) && monotonic(u)) return t.ext < u.ext ? -1 : t.ext > u.ext ? 1 : 0;
  const int64_t ts = sec(t), us = sec(u);
  if (ts != us) return ts < us ? -1 : 1;
  return nanosecond(t) < nanosecond(u) ? -1 : nanosecond(t) > nanosecond(u) ? 1 : 0;
}

namespace {
// date_time is "2006-01-02 15:04:05" (date_sep '-') or "2006/01/02 15:04:05" (log's) in UTC.
std::string date_time(const Time& t, char date_sep) {
  const int64_t s = unix_sec(t);
  int64_t days = s / kSecondsPerDay, rem = s % kSecondsPerDay;
  if (rem < 0) {
    rem += kSecondsPerDay;
    --days;
  }
  int64_t year;
  unsigned month, day;
  civil_from_days(days, year, month, day);
  std::string out;
  append_int(out, uint64_t(year < 0 ? -year : year), 4);
  if (year < 0) out.insert(out.begin(), '-');
  out += date_sep;
  append_int(out, month, 2);
  out += date_sep;
  append_int(out, day, 2);
  out += ' ';
  append_int(out, uint64_t(rem / 3600), 2);
  out += ':';
  append_int(out, uint64_t(rem / 60 % 60), 2);
  out += ':';
  append_int(out, uint64_t(rem % 60), 2);
  return out;
}
}  // namespace

std::string log_prefix(int64_t clock_ns) { return log_stamp(clock_ns, 3); }

std::string log_stamp(int64_t clock_ns, int flags) {
  const std::string dt = date_time(now(clock_ns), '/');   // "2009/11/10 23:00:00"
  std::string out;
  if (flags & 1) out += dt.substr(0, 11);
  if (flags & (2 | 4)) {
    out += dt.substr(11);
    if (flags & 4) {
      out += '.';
      append_int(out, uint64_t(((clock_ns % 1'000'000'000) + 1'000'000'000) % 1'000'000'000 / 1000), 6);
    }
    out += ' ';
  }
  return out;
}

std::string time_string(const Time& t) {
  // Format("2006-01-02 15:04:05.999999999 -0700 MST") in UTC
  std::string out = date_time(t, '-');
  uint64_t ns = uint64_t(nanosecond(t));
  out += frac(ns, 9);
  out += " +0000 UTC";
  if (monotonic(t)) {
    uint64_t m2 = uint64_t(t.ext);
    char sign = '+';
    if (t.ext < 0) {
      sign = '-';
      m2 = 0 - m2;
    }
    uint64_t m1 = m2 / 1'000'000'000;
    m2 %= 1'000'000'000;
    const uint64_t m0 = m1 / 1'000'000'000;
    m1 %= 1'000'000'000;
    out += " m=";
    out += sign;
    int width = 0;
    if (m0 != 0) {
      append_int(out, m0, 0);
      width = 9;
    }
    append_int(out, m1, width);
    out += '.';
    append_int(out, m2, 9);
  }
  return out;
}

std::string duration_string(int64_t d) {
  const bool neg = d < 0;
  uint64_t u = neg ? 0 - uint64_t(d) : uint64_t(d);
  std::string out;
  if (u < 1'000'000'000) {
    if (u == 0) return "0s";
    std::string unit;
    int prec;
    if (u < 1'000) {
      prec = 0;
      unit = "ns";
    } else if (u < 1'000'000) {
      prec = 3;
      unit = "\xc2\xb5s";   // µs
    } else {
      prec = 6;
      unit = "ms";
    }
    const std::string f = frac(u, prec);
    append_int(out, u, 0);
    out += f + unit;
  } else {
    const std::string f = frac(u, 9);
    const uint64_t s = u % 60;
    u /= 60;
    if (u > 0) {
      const uint64_t m = u % 60;
      u /= 60;
      if (u > 0) {
        append_int(out, u, 0);
        out += 'h';
      }
      append_int(out, m, 0);
      out += 'm';
    }
    append_int(out, s, 0);
    out += f + "s";
  }
  return neg ? "-" + out : out;
}

}  // namespace gotime
