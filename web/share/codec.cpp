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

enum Tag : uint8_t { kProgram = 1, kPreset, kGoVersion, kGogc, kSeed, kViews, kCursor, kCompare };

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

bool lz_decompress(std::string_view in, size_t max_out, std::string& out) {
  out.clear();
  size_t i = 0;
  uint64_t raw = 0;
  if (!get_varint(in, i, raw) || raw > max_out) return false;
  out.reserve(raw);
  while (true) {
    uint64_t lits = 0;
    if (!get_varint(in, i, lits) || lits > in.size() - i || lits > raw - out.size()) return false;
    out.append(in.substr(i, lits));
    i += lits;
    if (out.size() == raw) return i == in.size();
    uint64_t len = 0, off = 0;
    if (!get_varint(in, i, len) || !get_varint(in, i, off)) return false;
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

bool base64url_decode(std::string_view in, std::string& out) {
  std::array<int8_t, 256> rev;
  rev.fill(-1);
  for (int k = 0; k < 64; ++k) rev[static_cast<uint8_t>(kB64[k])] = static_cast<int8_t>(k);
  out.clear();
  if (in.size() % 4 == 1) return false;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    const int8_t d = rev[static_cast<uint8_t>(c)];
    if (d < 0) return false;
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
  put_field(body, kViews, varint_bytes(s.views));
  if (s.cursor != UINT64_MAX) put_field(body, kCursor, varint_bytes(s.cursor));
  if (!s.compare.empty()) put_field(body, kCompare, s.compare);
  const uint32_t check = fnv1a(body);
  for (int k = 0; k < 4; ++k) body += static_cast<char>((check >> (8 * k)) & 0xff);
  return cat({"v1=", base64url_encode(lz_compress(body))});
}

Decoded decode(std::string_view f) {
  Decoded d;
  if (!f.empty() && f[0] == '#') f.remove_prefix(1);
  if (f.empty()) {
    d.error = "empty link";
    return d;
  }
  if (f.size() > kMaxFragmentChars) {
    d.error = cat({"the link is too large (", std::to_string(f.size() / 1024), " KiB; limit ",
                   std::to_string(kMaxFragmentChars / 1024), " KiB)"});
    return d;
  }
  if (f.substr(0, 3) != "v1=") {
    d.error = f[0] == 'v' ? "the link was made by a newer playground (unknown version)"
                          : "the link is not a playground link";
    return d;
  }
  std::string packed, body;
  if (!base64url_decode(f.substr(3), packed)) {
    d.error = "the link is damaged (not base64url)";
    return d;
  }
  if (!lz_decompress(packed, kMaxRawBytes, body)) {
    d.error = "the link is truncated or corrupt";
    return d;
  }
  if (body.size() < 6 || body[0] != 'G' || body[1] != 'M') {
    d.error = "the link is corrupt";
    return d;
  }
  uint32_t check = 0;
  for (int k = 0; k < 4; ++k)
    check |= static_cast<uint32_t>(static_cast<uint8_t>(body[body.size() - 4 + static_cast<size_t>(k)])) << (8 * k);
  std::string_view fields(body.data(), body.size() - 4);
  if (fnv1a(fields) != check) {
    d.error = "the link is corrupt (checksum)";
    return d;
  }
  size_t i = 2;
  bool have_program = false;
  while (i < fields.size()) {
    const uint8_t tag = static_cast<uint8_t>(fields[i++]);
    uint64_t len = 0;
    if (!get_varint(fields, i, len) || len > fields.size() - i) {
      d.error = "the link is corrupt (field)";
      return d;
    }
    std::string_view v = fields.substr(i, len);
    i += len;
    uint64_t num = 0;
    size_t j = 0;
    const bool numeric = get_varint(v, j, num) && j == v.size();
    switch (tag) {
      case kProgram:
        if (v.size() > kMaxProgramBytes) {
          d.error = "the program in the link is too large";
          return d;
        }
        d.state.program = std::string(v);
        have_program = true;
        break;
      case kPreset: d.state.preset = std::string(v.substr(0, 200)); break;
      case kGoVersion: d.state.go_version = std::string(v.substr(0, 16)); break;
      case kCompare: d.state.compare = std::string(v.substr(0, 64)); break;
      case kGogc: if (numeric) d.state.gogc = unzigzag(num); break;
      case kSeed: if (numeric) d.state.seed = num; break;
      case kViews: if (numeric) d.state.views = static_cast<uint32_t>(num); break;
      case kCursor: if (numeric) d.state.cursor = num; break;
      default: break;   // a field from a newer writer
    }
  }
  if (!have_program) {
    d.error = "the link holds no program";
    return d;
  }
  d.ok = true;
  return d;
}

}  // namespace share
