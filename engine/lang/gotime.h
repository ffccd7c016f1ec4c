#pragma once
// gotime.h — package time's values as the VM holds them: time.Time's three words and
// time.Duration, with Go's arithmetic and formatting.
//
// Models time/time.go and time/format.go (Go 1.19; unchanged in what is used here through
// 1.24): a Time is {wall uint64, ext int64, loc *Location}. With the monotonic bit set,
// wall = 1<<63 | seconds since 1885-01-01 << 30 | nanoseconds, and ext is the monotonic
// clock in nanoseconds since the process started; Sub, Before, After and Equal then use
// ext only, as Go does.
//
//   wall  [ hasMonotonic:1 | sec since 1885:33 | nsec:30 ]     ext  [ monotonic ns ]
//
// The clock is the simulator's: it starts, as on the Go playground, at
// 2009-11-10 23:00:00 UTC (monotonic 1 ns) and moves only when the program sleeps, so what
// a program prints does not depend on the machine that runs it.
//
// Invariants: times() made by now() always carry the monotonic bit; add() keeps it while
// the monotonic sum does not overflow, as Go's Time.Add.
//
// Simplifications: every Location is UTC; times without the monotonic bit come only from
// arithmetic beyond the year 2157 (Go's wall encoding then moves the seconds to ext).
#include <cstdint>
#include <string>

namespace gotime {

struct Time {
  uint64_t wall = 0;
  int64_t ext = 0;
};

inline constexpr int64_t kPlaygroundEpochUnix = 1257894000;   // 2009-11-10 23:00:00 UTC

// now is time.Now() when the simulated clock reads clock_ns since the program started.
Time now(int64_t clock_ns);
int64_t sub(const Time& t, const Time& u);          // t.Sub(u), a Duration
Time add(const Time& t, int64_t d);                 // t.Add(d)
int compare(const Time& t, const Time& u);          // -1, 0, +1 (Before / Equal / After)
int64_t unix_sec(const Time& t);                    // t.Unix()
int32_t nanosecond(const Time& t);                  // t.Nanosecond()
std::string time_string(const Time& t);             // t.String(): "2009-11-10 23:00:00 +0000 UTC m=+0.000000001"
std::string duration_string(int64_t d);             // Duration.String(): "1h2m3.5s", "1.5µs", "0s"
std::string log_prefix(int64_t clock_ns);           // log's "2009/11/10 23:00:00 " at that clock
// log_stamp is the date/time part of a log line for log's flags (Ldate 1, Ltime 2,
// Lmicroseconds 4): "2009/11/10 23:00:00.000000 ", "" when none of them is set.
std::string log_stamp(int64_t clock_ns, int flags);

}  // namespace gotime
