#pragma once
// palette.h — every colour the playground draws with, defined once.
//
//   occupancy 0…8   a bucket's (or group's) full slots: dark blue (empty) → yellow (full)
//   overflow        a bucket with an overflow chain: red corner mark
//   evacuated       an old bucket already moved to the new array: grey
//   not evacuated   an old bucket still to move: orange
//   tombstone       Swiss: deleted slots in a group: magenta corner mark
//   series          the heap charts' lines; events on the timeline
#include "imgui.h"

namespace palette {

inline ImU32 occupancy(float used_of_8) {
  // Perceptually ordered ramp (dark → light), readable for the common colour deficiencies.
  static const ImU32 k[9] = {
      IM_COL32(28, 32, 48, 255),   IM_COL32(33, 54, 99, 255),   IM_COL32(34, 80, 130, 255),
      IM_COL32(30, 108, 142, 255), IM_COL32(35, 136, 141, 255), IM_COL32(62, 162, 125, 255),
      IM_COL32(116, 186, 95, 255), IM_COL32(186, 204, 64, 255), IM_COL32(250, 222, 60, 255)};
  int i = static_cast<int>(used_of_8 + 0.5f);
  if (i < 0) i = 0;
  if (i > 8) i = 8;
  return k[i];
}

// blend is b drawn with alpha (0…255) over the opaque colour a.
inline ImU32 blend(ImU32 a, ImU32 b, ImU32 alpha) {
  ImU32 out = 0xFF000000u;
  for (int s = 0; s < 24; s += 8) {
    const ImU32 ca = (a >> s) & 255, cb = (b >> s) & 255;
    out |= ((ca * (255 - alpha) + cb * alpha + 127) / 255) << s;
  }
  return out;
}

constexpr ImU32 kOverflow = IM_COL32(235, 70, 60, 255);
constexpr ImU32 kEvacuated = IM_COL32(80, 80, 86, 255);
constexpr ImU32 kNotEvacuated = IM_COL32(235, 140, 40, 255);
constexpr ImU32 kTombstone = IM_COL32(220, 80, 220, 255);
constexpr ImU32 kGridBg = IM_COL32(16, 18, 24, 255);
// Swiss directory strip: tables alternate between two tones; a table's edge in the grid.
constexpr ImU32 kTableA = IM_COL32(70, 120, 190, 255);
constexpr ImU32 kTableB = IM_COL32(120, 170, 235, 255);
constexpr ImU32 kTableEdge = IM_COL32(250, 250, 250, 230);

constexpr ImU32 kHeapAlloc = IM_COL32(90, 170, 250, 255);
constexpr ImU32 kLive = IM_COL32(110, 210, 120, 255);
constexpr ImU32 kGarbage = IM_COL32(90, 170, 250, 50);
constexpr ImU32 kNextGC = IM_COL32(240, 190, 70, 255);
constexpr ImU32 kSys = IM_COL32(180, 120, 230, 255);
constexpr ImU32 kLimit = IM_COL32(230, 80, 80, 255);      // GOMEMLIMIT
constexpr ImU32 kLimiter = IM_COL32(230, 80, 80, 48);     // the GC CPU limiter on (a band)
constexpr ImU32 kBuckets = IM_COL32(235, 110, 90, 255);
constexpr ImU32 kVariantB = IM_COL32(240, 120, 60, 255);

// Release matrix (releases.cpp): a release's curve and column key. Releases with bucket maps
// (Go 1.19–1.23) in cool tones, Swiss-table releases (1.24+) in warm ones, oldest darkest.
constexpr ImU32 kReleaseCool[] = {IM_COL32(70, 130, 240, 255), IM_COL32(80, 190, 235, 255),
                                  IM_COL32(90, 205, 150, 255), IM_COL32(170, 225, 100, 255)};
constexpr ImU32 kReleaseWarm[] = {IM_COL32(245, 200, 70, 255), IM_COL32(245, 140, 60, 255),
                                  IM_COL32(235, 85, 100, 255), IM_COL32(215, 120, 235, 255)};
constexpr ImU32 kTurnedCell = IM_COL32(245, 170, 40, 70);    // a figure that moved > 5 %
constexpr ImU32 kErrorText = IM_COL32(255, 110, 100, 255);

constexpr ImU32 kGcMark = IM_COL32(240, 190, 70, 200);
constexpr ImU32 kGrowMark = IM_COL32(235, 90, 80, 230);
constexpr ImU32 kPrintMark = IM_COL32(200, 200, 200, 160);
constexpr ImU32 kCursor = IM_COL32(255, 255, 255, 230);
constexpr ImU32 kChartBg = IM_COL32(20, 22, 28, 255);
constexpr ImU32 kChartGrid = IM_COL32(255, 255, 255, 24);
constexpr ImU32 kChartText = IM_COL32(200, 200, 200, 200);
constexpr ImU32 kChartTitle = IM_COL32(200, 200, 200, 140);   // an axis' name
// A printed value on a chart: a white dot, its text on a dark label.
constexpr ImU32 kNoteDot = IM_COL32(245, 245, 245, 255);
constexpr ImU32 kNoteBg = IM_COL32(10, 12, 16, 215);
constexpr ImU32 kNoteText = IM_COL32(235, 235, 235, 255);

// Breakdown bar categories (heap.cpp).
constexpr ImU32 kBucketArrays = IM_COL32(60, 140, 230, 255);
constexpr ImU32 kOldBuckets = IM_COL32(235, 140, 40, 255);
constexpr ImU32 kOverflowBuckets = IM_COL32(235, 70, 60, 255);
constexpr ImU32 kIndirect = IM_COL32(170, 110, 230, 255);
constexpr ImU32 kPointedTo = IM_COL32(110, 200, 120, 255);
constexpr ImU32 kRetired = IM_COL32(150, 120, 90, 255);   // old arrays / tables awaiting the GC
constexpr ImU32 kOther = IM_COL32(120, 120, 130, 255);

// Go syntax colours (scenario.cpp).
constexpr ImU32 kSynText = IM_COL32(220, 220, 220, 255);
constexpr ImU32 kSynKeyword = IM_COL32(240, 120, 160, 255);
constexpr ImU32 kSynType = IM_COL32(100, 200, 230, 255);
constexpr ImU32 kSynBuiltin = IM_COL32(130, 180, 250, 255);
constexpr ImU32 kSynNumber = IM_COL32(190, 150, 250, 255);
constexpr ImU32 kSynString = IM_COL32(230, 200, 120, 255);
constexpr ImU32 kSynComment = IM_COL32(120, 130, 140, 255);
constexpr ImU32 kSynErrorLine = IM_COL32(200, 40, 40, 90);
constexpr ImU32 kSynCurrentLine = IM_COL32(80, 160, 255, 50);
constexpr ImU32 kEditorBg = IM_COL32(22, 25, 32, 255);
constexpr ImU32 kGutter = IM_COL32(110, 115, 125, 255);

}  // namespace palette
