#pragma once
// sizeclasses.h — the Go allocator's size classes (runtime/sizeclasses.go).
//
// Generated from Go go1.19 src/runtime/sizeclasses.go (identical in go1.24's; see
// engine/heap/README.md, "Size classes"); DO NOT EDIT by hand.
// tests/engine/heap_test.cpp checks the table against Go's published values.
//
// class  bytes/obj  bytes/span  objects  tail waste
//     1          8        8192     1024           0
//     2         16        8192      512           0
//     3         24        8192      341           8
//     4         32        8192      256           0
//     5         48        8192      170          32
//     6         64        8192      128           0
//     7         80        8192      102          32
//     8         96        8192       85          32
//     9        112        8192       73          16
//    10        128        8192       64           0
//    11        144        8192       56         128
//    12        160        8192       51          32
//    13        176        8192       46          96
//    14        192        8192       42         128
//    15        208        8192       39          80
//    16        224        8192       36         128
//    17        240        8192       34          32
//    18        256        8192       32           0
//    19        288        8192       28         128
//    20        320        8192       25         192
//    21        352        8192       23          96
//    22        384        8192       21         128
//    23        416        8192       19         288
//    24        448        8192       18         128
//    25        480        8192       17          32
//    26        512        8192       16           0
//    27        576        8192       14         128
//    28        640        8192       12         512
//    29        704        8192       11         448
//    30        768        8192       10         512
//    31        896        8192        9         128
//    32       1024        8192        8           0
//    33       1152        8192        7         128
//    34       1280        8192        6         512
//    35       1408       16384       11         896
//    36       1536        8192        5         512
//    37       1792       16384        9         256
//    38       2048        8192        4           0
//    39       2304       16384        7         256
//    40       2688        8192        3         128
//    41       3072       24576        8           0
//    42       3200       16384        5         384
//    43       3456       24576        7         384
//    44       4096        8192        2           0
//    45       4864       24576        5         256
//    46       5376       16384        3         256
//    47       6144       24576        4           0
//    48       6528       32768        5         128
//    49       6784       40960        6         256
//    50       6912       49152        7         768
//    51       8192        8192        1           0
//    52       9472       57344        6         512
//    53       9728       49152        5         512
//    54      10240       40960        4           0
//    55      10880       32768        3         128
//    56      12288       24576        2           0
//    57      13568       40960        3         256
//    58      14336       57344        4           0
//    59      16384       16384        1           0
//    60      18432       73728        4           0
//    61      19072       57344        3         128
//    62      20480       40960        2           0
//    63      21760       65536        3         256
//    64      24576       24576        1           0
//    65      27264       81920        3         128
//    66      28672       57344        2           0
//    67      32768       32768        1           0
//
// Invariants: sizes strictly increase; every class's span is a whole number of pages;
// objects = span / size.
#include <array>
#include <cstdint>

namespace heap {

inline constexpr int kNumSizeClasses = 68;          // _NumSizeClasses, class 0 = large
inline constexpr uint64_t kMaxSmallSize = 32768;    // _MaxSmallSize

struct SizeClass {
  uint32_t size;      // bytes per object
  uint32_t npages;    // pages (8 KiB) per span
  uint32_t nobjs;     // objects per span
};

inline constexpr std::array<SizeClass, kNumSizeClasses> kSizeClasses = {{
    {0, 0, 0},
    {8, 1, 1024},
    {16, 1, 512},
    {24, 1, 341},
    {32, 1, 256},
    {48, 1, 170},
    {64, 1, 128},
    {80, 1, 102},
    {96, 1, 85},
    {112, 1, 73},
    {128, 1, 64},
    {144, 1, 56},
    {160, 1, 51},
    {176, 1, 46},
    {192, 1, 42},
    {208, 1, 39},
    {224, 1, 36},
    {240, 1, 34},
    {256, 1, 32},
    {288, 1, 28},
    {320, 1, 25},
    {352, 1, 23},
    {384, 1, 21},
    {416, 1, 19},
    {448, 1, 18},
    {480, 1, 17},
    {512, 1, 16},
    {576, 1, 14},
    {640, 1, 12},
    {704, 1, 11},
    {768, 1, 10},
    {896, 1, 9},
    {1024, 1, 8},
    {1152, 1, 7},
    {1280, 1, 6},
    {1408, 2, 11},
    {1536, 1, 5},
    {1792, 2, 9},
    {2048, 1, 4},
    {2304, 2, 7},
    {2688, 1, 3},
    {3072, 3, 8},
    {3200, 2, 5},
    {3456, 3, 7},
    {4096, 1, 2},
    {4864, 3, 5},
    {5376, 2, 3},
    {6144, 3, 4},
    {6528, 4, 5},
    {6784, 5, 6},
    {6912, 6, 7},
    {8192, 1, 1},
    {9472, 7, 6},
    {9728, 6, 5},
    {10240, 5, 4},
    {10880, 4, 3},
    {12288, 3, 2},
    {13568, 5, 3},
    {14336, 7, 4},
    {16384, 2, 1},
    {18432, 9, 4},
    {19072, 7, 3},
    {20480, 5, 2},
    {21760, 8, 3},
    {24576, 3, 1},
    {27264, 10, 3},
    {28672, 7, 2},
    {32768, 4, 1},
}};

// size_to_class returns the smallest class whose size is ≥ size (1 ≤ size ≤ 32768),
// as Go's size_to_class8 / size_to_class128 tables do.
constexpr uint8_t size_to_class(uint64_t size) {
  int lo = 1, hi = kNumSizeClasses - 1;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (kSizeClasses[static_cast<size_t>(mid)].size >= size) hi = mid; else lo = mid + 1;
  }
  return static_cast<uint8_t>(lo);
}

static_assert(size_to_class(1) == 1 && size_to_class(8) == 1 && size_to_class(9) == 2);
static_assert(size_to_class(1104) == 33, "a map[int][128]byte bucket is a 1152-byte object");
static_assert(size_to_class(32768) == 67);

}  // namespace heap
