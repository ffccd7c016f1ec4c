// codec.cpp — see codec.h.
#include "web/share/codec.h"

#include <array>
#include <cstring>

#include "web/strcat.h"

namespace share {

namespace {

void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

bool get_varint(std::string_view in, size_t& i, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (i >= in.size()) return false;
    const uint8_t b = static_cast<uint8_t>(in[i++]);
    v |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

constexpr size_t kMinMatch = 4;
constexpr size_t kWindow = 1 << 16;
constexpr int kHashBits = 14;

uint32_t hash4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return (v * 2654435761u) >> (32 - kHashBits);
}

enum Tag : uint8_t { kProgram = 1, kPreset, kGoVersion, kGogc, kSeed, kViews, kCursor, kCompare, kRanges, kMemlimit, kQuiz };

void put_field(std::string& out, uint8_t tag, std::string_view bytes) {
  out += static_cast<char>(tag);
  put_varint(out, bytes.size());
  out += bytes;
}

using web::cat;

std::string varint_bytes(uint64_t v) {
  std::string s;
  put_varint(s, v);
  return s;
}

uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

}  // namespace

uint32_t fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<uint8_t>(c);
    h *= 16777619u;
  }
  return h;
}

std::string lz_compress(std::string_view in) {
  std::string out;
  put_varint(out, in.size());
  std::vector<int64_t> head(size_t{1} << kHashBits, -1);
  size_t i = 0, lit_start = 0;
  auto flush = [&](size_t lit_end) {
    put_varint(out, lit_end - lit_start);
    out.append(in.substr(lit_start, lit_end - lit_start));
  };
  while (i + kMinMatch <= in.size()) {
    const uint32_t h = hash4(in.data() + i);
    const int64_t cand = head[h];
    head[h] = static_cast<int64_t>(i);
    if (cand >= 0 && i - static_cast<size_t>(cand) <= kWindow &&
        std::memcmp(in.data() + cand, in.data() + i, kMinMatch) == 0) {
      size_t len = kMinMatch;
      while (i + len < in.size() && in[static_cast<size_t>(cand) + len] == in[i + len]) ++len;
      flush(i);
      put_varint(out, len - kMinMatch);
      put_varint(out, i - static_cast<size_t>(cand));
      // Index a few positions inside the match so that later repeats find it.
      for (size_t k = i + 1; k < i + len && k + kMinMatch <= in.size(); k += (len > 64 ? 8 : 1))
        head[hash4(in.data() + k)] = static_cast<int64_t>(k);
      i += len;
      lit_start = i;
    } else {
      ++i;
    }
  }
  flush(in.size());
  return out;
}

bool lz_decompress(std::string_view in, size_t max_out, std::string& out, bool* ran_out) {
  out.clear();
  size_t i = 0;
  uint64_t raw = 0;
  bool scratch = false;
  bool& short_input = ran_out ? *ran_out : scratch;
  short_input = false;
  auto varint = [&](uint64_t& v) {
    if (get_varint(in, i, v)) return true;
    short_input = i >= in.size();
    return false;
  };
  if (!varint(raw) || raw > max_out) return false;
  out.reserve(raw);
  while (true) {
    uint64_t lits = 0;
    if (!varint(lits)) return false;
    if (lits > in.size() - i) {
      short_input = lits <= raw - out.size();   // a sound count, but the bytes are missing
      return false;
    }
    if (lits > raw - out.size()) return false;
    out.append(in.substr(i, lits));
    i += lits;
    if (out.size() == raw) return i == in.size();
    uint64_t len = 0, off = 0;
    if (!varint(len) || !varint(off)) return false;
    len += kMinMatch;
    if (off == 0 || off > out.size() || len > raw - out.size()) return false;
    const size_t from = out.size() - off;
    for (uint64_t k = 0; k < len; ++k) out += out[from + k];   // may overlap: byte by byte
  }
}

namespace {
constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}

std::string base64url_encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    const uint32_t v = static_cast<uint32_t>(static_cast<uint8_t>(in[i])) << 16 |
                       static_cast<uint32_t>(static_cast<uint8_t>(in[i + 1])) << 8 |
                       static_cast<uint8_t>(in[i + 2]);
    out += kB64[v >> 18];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
    out += kB64[v & 63];
  }
  const size_t rest = in.size() - i;
  if (rest == 1) {
    const uint32_t v = static_cast<uint32_t>(static_cast<uint8_t>(in[i])) << 16;
    out += kB64[v >> 18];
    out += kB64[(v >> 12) & 63];
  } else if (rest == 2) {
    const uint32_t v = static_cast<uint32_t>(static_cast<uint8_t>(in[i])) << 16 |
                       static_cast<uint32_t>(static_cast<uint8_t>(in[i + 1])) << 8;
    out += kB64[v >> 18];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
  }
  return out;
}

bool base64url_decode(std::string_view in, std::string& out, bool* bad_char) {
  std::array<int8_t, 256> rev;
  rev.fill(-1);
  for (int k = 0; k < 64; ++k) rev[static_cast<uint8_t>(kB64[k])] = static_cast<int8_t>(k);
  out.clear();
  if (bad_char) *bad_char = false;
  for (char c : in)
    if (rev[static_cast<uint8_t>(c)] < 0) {
      if (bad_char) *bad_char = true;
      return false;
    }
  if (in.size() % 4 == 1) return false;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    const int8_t d = rev[static_cast<uint8_t>(c)];
    acc = (acc << 6) | static_cast<uint32_t>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return (acc & ((1u << bits) - 1)) == 0;   // leftover bits must be zero (canonical form)
}

std::string encode(const State& s) {
  std::string body = "GM";
  put_field(body, kProgram, s.program);
  if (!s.preset.empty()) put_field(body, kPreset, s.preset);
  put_field(body, kGoVersion, s.go_version);
  put_field(body, kGogc, varint_bytes(zigzag(s.gogc)));
  put_field(body, kSeed, varint_bytes(s.seed));
  if (s.memlimit != INT64_MAX) put_field(body, kMemlimit, varint_bytes(static_cast<uint64_t>(s.memlimit)));
  put_field(body, kViews, varint_bytes(s.views));
  if (s.cursor != UINT64_MAX) put_field(body, kCursor, varint_bytes(s.cursor));
  if (!s.compare.empty()) put_field(body, kCompare, s.compare);
  if (!s.quiz.empty()) put_field(body, kQuiz, s.quiz);
  if (!s.ranges.empty()) {   // {varint name length, name, zigzag lo, zigzag hi} per knob
    std::string r;
    for (const KnobRange& k : s.ranges) {
      put_varint(r, k.name.size());
      r += k.name;
      put_varint(r, zigzag(k.lo));
      put_varint(r, zigzag(k.hi));
    }
    put_field(body, kRanges, r);
  }
  const uint32_t check = fnv1a(body);
  for (int k = 0; k < 4; ++k) body += static_cast<char>((check >> (8 * k)) & 0xff);
  return cat({"v1=", base64url_encode(lz_compress(body))});
}

bool is_link_fragment(std::string_view f) {
  if (!f.empty() && f[0] == '#') f.remove_prefix(1);
  size_t i = 1;
  while (i < f.size() && f[i] >= '0' && f[i] <= '9') ++i;
  return f.size() > 2 && f[0] == 'v' && i > 1 && i < f.size() && f[i] == '=';
}

Decoded decode(std::string_view f) {
  Decoded d;
  auto fail = [&d](Problem p, std::string error) {
    d.problem = p;
    d.error = std::move(error);
    return d;
  };
  if (!f.empty() && f[0] == '#') f.remove_prefix(1);
  if (!is_link_fragment(f)) return fail(Problem::NotALink, "it is not a playground link");
  if (f.size() > kMaxFragmentChars)
    return fail(Problem::TooLarge, cat({"it is too large (", std::to_string(f.size() / 1024), " KiB; limit ",
                                        std::to_string(kMaxFragmentChars / 1024), " KiB)"}));
  if (f.substr(0, 3) != "v1=")
    return fail(Problem::Newer, "it was made by a newer version of the playground");
  const std::string truncated = cat({"it was cut off after ", std::to_string(f.size()),
                                     " characters (copy the whole link again)"});
  std::string packed, body;
  bool bad_char = false;
  if (!base64url_decode(f.substr(3), packed, &bad_char))
    return bad_char ? fail(Problem::Damaged, "it holds characters a playground link never has")
                    : fail(Problem::Truncated, truncated);
  bool ran_out = false;
  if (!lz_decompress(packed, kMaxRawBytes, body, &ran_out))
    return ran_out ? fail(Problem::Truncated, truncated) : fail(Problem::Damaged, "it is damaged");
  if (body.size() < 6 || body[0] != 'G' || body[1] != 'M') return fail(Problem::Damaged, "it is damaged");
  uint32_t check = 0;
  for (int k = 0; k < 4; ++k)
    check |= static_cast<uint32_t>(static_cast<uint8_t>(body[body.size() - 4 + static_cast<size_t>(k)])) << (8 * k);
  std::string_view fields(body.data(), body.size() - 4);
  if (fnv1a(fields) != check) return fail(Problem::Damaged, "it is damaged (its checksum does not match)");
  size_t i = 2;
  bool have_program = false;
  while (i < fields.size()) {
    const uint8_t tag = static_cast<uint8_t>(fields[i++]);
    uint64_t len = 0;
    if (!get_varint(fields, i, len) || len > fields.size() - i) return fail(Problem::Damaged, "it is damaged");
    std::string_view v = fields.substr(i, len);
    i += len;
    uint64_t num = 0;
    size_t j = 0;
    const bool numeric = get_varint(v, j, num) && j == v.size();
    switch (tag) {
      case kProgram:
        if (v.size() > kMaxProgramBytes) return fail(Problem::TooLarge, "the program in it is too large");
        d.state.program = std::string(v);
        have_program = true;
        break;
      case kPreset: d.state.preset = std::string(v.substr(0, 200)); break;
      case kGoVersion: d.state.go_version = std::string(v.substr(0, 16)); break;
      case kCompare: d.state.compare = std::string(v.substr(0, 64)); break;
      case kQuiz: d.state.quiz = std::string(v.substr(0, 512)); break;
      case kGogc: if (numeric) d.state.gogc = unzigzag(num); break;
      case kSeed: if (numeric) d.state.seed = num; break;
      case kMemlimit: if (numeric && num <= uint64_t(INT64_MAX)) d.state.memlimit = static_cast<int64_t>(num); break;
      case kViews: if (numeric) d.state.views = static_cast<uint32_t>(num); break;
      case kCursor: if (numeric) d.state.cursor = num; break;
      case kRanges: {   // a malformed list is dropped whole: the knobs get their own ranges
        std::vector<KnobRange> rs;
        size_t k = 0;
        uint64_t n = 0, lo = 0, hi = 0;
        while (k < v.size() && rs.size() < 256) {
          if (!get_varint(v, k, n) || n > 64 || n > v.size() - k) break;
          KnobRange r{std::string(v.substr(k, n)), 0, 0};
          k += n;
          if (!get_varint(v, k, lo) || !get_varint(v, k, hi)) break;
          r.lo = unzigzag(lo);
          r.hi = unzigzag(hi);
          if (r.lo <= r.hi) rs.push_back(std::move(r));
        }
        if (k == v.size()) d.state.ranges = std::move(rs);
        break;
      }
      default: break;   // a field from a newer writer
    }
  }
  if (!have_program) return fail(Problem::Damaged, "it holds no program");
  d.ok = true;
  return d;
}

}  // namespace share
