#pragma once
// units.h — byte sizes for readers, in binary units that adapt to the size: B, KiB, MiB, GiB.
//
// One helper for every window (the compare table, the status line, charts' ticks, the heap
// and map panels): a small program reads "44 KiB", a big one "1.95 GiB", never "0.0 MiB" or
// "8000 MiB". Three significant figures at most ("9.5 KiB", "293 MiB", "1.95 GiB"); whole
// bytes below 1 KiB. A column or an axis that must keep one unit for all its values asks
// unit_for(its largest value) once and formats each value with format_in.
#include <cstdint>
#include <string>

namespace units {

enum Unit : int { kB = 0, kKiB = 1, kMiB = 2, kGiB = 3 };

// unit_for is the largest unit in which `bytes` reads at least 1 (B for 0 and below 1 KiB).
Unit unit_for(double bytes);
const char* name(Unit u);
double scale(Unit u);   // bytes per unit: 1, 1024, 1024², 1024³
// format writes bytes in the unit that suits it: "0 B", "812 B", "44 KiB", "9.5 KiB", "1.95 GiB".
std::string format(double bytes);
// format_in writes bytes in unit u with at most three significant figures ("0.38 MiB", "12 MiB").
std::string format_in(double bytes, Unit u);

}  // namespace units
