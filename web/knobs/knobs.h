#pragma once
// knobs.h — the playground's knobs: the numbers and map types of a Go program that the reader
// can turn without editing text. Plain C++ (no UI), tested natively (tests/web/native).
//
//   program text ──extract()──▶ Knobs { IntKnob…, MapKnob… }
//   knob + new value ──set_int() / set_map_types()──▶ new program text (then the app reruns)
//
// What becomes a knob:
//   IntKnob   `const Name = 123` (also inside `const ( … )`, with or without a type),
//             `var name = 123`, `var name int = 123`, and `name := 123` outside a `for` header.
//             A `:=` of 0 is not a knob (counters and accumulators start at 0).
//   MapKnob   every distinct map type text `map[K]V`; all its occurrences change together.
//
// A rewrite keeps every other byte of the program. Knob positions are valid only for the text
// they were extracted from: extract again after each rewrite.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace knobs {

struct IntKnob {
  std::string name;
  int64_t value = 0;
  size_t pos = 0, len = 0;   // the literal's bytes in the source
  int line = 0;
  bool is_const = false;
  bool underscores = false;  // the literal was written 1_000_000 (kept when rewriting)
  bool log_scale = false;    // a count: the slider moves on a log scale
  int64_t lo = 0, hi = 0;    // suggested slider range
};

// TypeSpec is a key or elem type the pickers offer.
struct TypeSpec {
  enum Kind : uint8_t { Int, String, ByteArray, PtrByteArray, Struct, Other } kind = Int;
  int64_t n = 0;        // ByteArray / PtrByteArray: N; Struct: number of int fields
  std::string text;     // Other: the type as written
  bool operator==(const TypeSpec& o) const;
};

struct MapKnob {
  std::string text;                 // "map[int][128]byte" as first written
  std::string key_text, elem_text;  // "int", "[128]byte"
  TypeSpec key, elem;
  std::vector<std::pair<size_t, size_t>> spans;  // [pos, len) of every occurrence
  int line = 0;                                  // line of the first occurrence
};

struct Knobs {
  std::vector<IntKnob> ints;
  std::vector<MapKnob> maps;
};

// extract finds the knobs of src.
Knobs extract(std::string_view src);

// parse_type reads a type text into a TypeSpec (Other when it is none of the picker's kinds).
TypeSpec parse_type(std::string_view text);
// type_text writes a TypeSpec as Go source ("[128]byte", "*[128]byte", "struct{ a, b int }").
std::string type_text(const TypeSpec& t);
// zero_value is an expression that makes a fresh value of t (composite literal or new()).
std::string zero_value(const TypeSpec& t);
// format_int writes v as a Go literal, with underscores every 3 digits when asked.
std::string format_int(int64_t v, bool underscores);

// set_int rewrites the literal of k (extracted from src) to v.
std::string set_int(std::string_view src, const IntKnob& k, int64_t v);
// set_map_types rewrites every occurrence of m's type to map[key]elem, and the fresh-value
// expressions of the old elem type (`[128]byte{}`, `&[128]byte{}`, `new([128]byte)`) to
// zero_value(elem), so that the program still compiles after a picker change.
std::string set_map_types(std::string_view src, const MapKnob& m, const TypeSpec& key,
                          const TypeSpec& elem);

}  // namespace knobs
