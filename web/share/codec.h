#pragma once
// codec.h — share links: the playground's whole state in a URL fragment, "#v1=<payload>".
//
//   State ──serialize──▶ fields (tag, length, bytes) + FNV-1a check
//         ──lz_compress──▶ LZ77 tokens (our own format, below)
//         ──base64url──▶ "v1=…"                       and back, checking every step.
//
// LZ format (byte stream):
//   varint raw_size
//   repeat: varint literal_count, literal bytes,
//           then, unless raw_size bytes are out: varint (match_length − 4), varint offset (≥ 1)
// Field format: 'G' 'M' then fields {u8 tag, varint length, bytes}; unknown tags are skipped
// (a newer writer may add fields); last 4 bytes: FNV-1a 32 of everything before them.
//
// Invariants:
//   1. decode(encode(s)) == s for every State within the limits.
//   2. decode never reads out of bounds, never allocates more than kMaxRawBytes for a
//      payload, and reports every bad input (wrong version, bad base64, truncated, corrupt,
//      too large) as an error string; it never throws or aborts.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace share {

inline constexpr size_t kMaxFragmentChars = 96 * 1024;   // longer fragments are refused unread
inline constexpr size_t kMaxRawBytes = 128 * 1024;       // decompressed payload limit
inline constexpr size_t kMaxProgramBytes = 64 * 1024;

// KnobRange is a knob slider's range when the link was made: the slider comes back with the
// knob at the same place (a range grows around values typed past its ends).
struct KnobRange {
  std::string name;
  int64_t lo = 0, hi = 0;
  bool operator==(const KnobRange&) const = default;
};

// Views is the set of open windows (bit per window); the app maps bits to windows.
struct State {
  std::string program;
  std::string preset;              // the preset it started from (a label; may be empty)
  std::string go_version;          // "" = today's Go (the app runs runtime::default_version())
  int64_t gogc = 100;
  int64_t memlimit = INT64_MAX;     // GOMEMLIMIT in bytes; INT64_MAX = off (not written)
  uint64_t seed = 1;
  uint32_t views = 0;
  uint64_t cursor = UINT64_MAX;    // timeline cursor (op); UINT64_MAX = follow the run
  std::string compare;             // compare mode: "", "pointer", "version" (1.19 vs today's Go), "version:1.22:1.25"
  std::vector<KnobRange> ranges;   // knob slider ranges (links made before they were saved: none)
  std::string quiz;                // "Predict, then reveal": web/quiz/quiz.h spec ("1", "3,5:Alloc"); "" = none
  bool operator==(const State&) const = default;
};

// Why a fragment did not decode: the page says different things for each.
enum class Problem : uint8_t {
  None,
  NotALink,      // "#hello", "#section-2": an anchor, not a playground link (ignore it)
  Newer,         // "v2=…": made by a newer playground
  Truncated,     // the link was cut off (mail clients, chat previews, a partial copy)
  Damaged,       // characters changed or added: it does not decode or its checksum fails
  TooLarge,
};

struct Decoded {
  bool ok = false;
  State state;
  Problem problem = Problem::None;
  std::string error;               // for the reader: "the link was cut off: …"
};

// encode returns "v1=…" (without '#').
std::string encode(const State& s);
// decode accepts "#v1=…" or "v1=…".
Decoded decode(std::string_view fragment);
// is_link_fragment: the fragment has a playground link's shape ("v<digits>=…"), so a failure
// to decode it is worth telling the reader; any other fragment is someone's anchor.
bool is_link_fragment(std::string_view fragment);

// Building blocks (exposed for tests).
std::string lz_compress(std::string_view in);
// lz_decompress returns false on any malformed input or when the output would exceed max_out;
// *ran_out (when given) tells whether it failed because the input ended early (truncation).
bool lz_decompress(std::string_view in, size_t max_out, std::string& out, bool* ran_out = nullptr);
std::string base64url_encode(std::string_view in);
// base64url_decode returns false on a character outside base64url or an impossible ending;
// *bad_char (when given) tells which: true for a character, false for the ending (truncation).
bool base64url_decode(std::string_view in, std::string& out, bool* bad_char = nullptr);
uint32_t fnv1a(std::string_view s);

}  // namespace share
