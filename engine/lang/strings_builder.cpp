// strings_builder.cpp — strings.Builder's code per release, in the Go the playground runs
// (see strings_builder.h). Each method follows strings/builder.go of its release; String
// calls strings_view (the buffer's bytes as a string sharing its heap object: unsafe.String)
// and Go 1.23's grow strings_roundupsize (the size class: runtime/msize.go roundupsize).
#include "engine/lang/strings_builder.h"

#include <string>

#include "engine/lang/parser.h"

namespace lang {
namespace {

constexpr const char* kBuilder = R"go(package main
type strings_Builder struct {
	addr *strings_Builder
	buf  []byte
}

// copyCheck: a Builder copied by value after its first write panics; b.addr is set through
// noescape so that b does not escape (Go issue 23382).
func (b *strings_Builder) copyCheck() {
	if b.addr == nil {
		b.addr = strings_noescape(b)
	} else if b.addr != b {
		panic("strings: illegal use of non-zero Builder copied by value")
	}
}

func (b *strings_Builder) String() string { return strings_view(b.buf) }

func (b *strings_Builder) Len() int { return len(b.buf) }

func (b *strings_Builder) Cap() int { return cap(b.buf) }

func (b *strings_Builder) Reset() {
	b.addr = nil
	b.buf = nil
}

func (b *strings_Builder) Grow(n int) {
	b.copyCheck()
	if n < 0 {
		panic("strings.Builder.Grow: negative count")
	}
	if cap(b.buf)-len(b.buf) < n {
		b.grow(n)
	}
}

func (b *strings_Builder) Write(p []byte) (int, error) {
	b.copyCheck()
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *strings_Builder) WriteByte(c byte) error {
	b.copyCheck()
	b.buf = append(b.buf, c)
	return nil
}

func (b *strings_Builder) WriteString(s string) (int, error) {
	b.copyCheck()
	b.buf = append(b.buf, s...)
	return len(s), nil
}
)go";

// grow, up to Go 1.22: make([]byte, len, 2*cap+n) (1.19–1.20), MakeNoZero(2*cap+n)[:len]
// (1.21–1.22): the capacity asked for
constexpr const char* kGrowExact = R"go(
func (b *strings_Builder) grow(n int) {
	buf := make([]byte, len(b.buf), 2*cap(b.buf)+n)
	copy(buf, b.buf)
	b.buf = buf
}
)go";

// grow, Go 1.23+: MakeNoZero's capacity is the size class
constexpr const char* kGrowRounded = R"go(
func (b *strings_Builder) grow(n int) {
	buf := make([]byte, len(b.buf), strings_roundupsize(2*cap(b.buf)+n))
	copy(buf, b.buf)
	b.buf = buf
}
)go";

// WriteRune, Go 1.21+: utf8.AppendRune (one append of the rune's bytes; an invalid rune or a
// surrogate is U+FFFD)
constexpr const char* kRuneAppends = R"go(
func (b *strings_Builder) WriteRune(r rune) (int, error) {
	b.copyCheck()
	n := len(b.buf)
	i := uint32(r)
	if i <= 0x7F {
		b.buf = append(b.buf, byte(r))
	} else if i <= 0x7FF {
		b.buf = append(b.buf, 0xC0|byte(r>>6), 0x80|byte(r)&0x3F)
	} else if i > 0x10FFFF || (i >= 0xD800 && i <= 0xDFFF) {
		b.buf = append(b.buf, 0xEF, 0xBF, 0xBD)
	} else if i <= 0xFFFF {
		b.buf = append(b.buf, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
	} else {
		b.buf = append(b.buf, 0xF0|byte(r>>18), 0x80|byte(r>>12)&0x3F, 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
	}
	return len(b.buf) - n, nil
}
)go";

// WriteRune up to Go 1.20: ASCII appended; else grow(utf8.UTFMax) when fewer than 4 bytes are
// free, then utf8.EncodeRune into b.buf[l:l+4]
constexpr const char* kRuneInPlace = R"go(
func (b *strings_Builder) WriteRune(r rune) (int, error) {
	b.copyCheck()
	if uint32(r) < 0x80 {
		b.buf = append(b.buf, byte(r))
		return 1, nil
	}
	l := len(b.buf)
	if cap(b.buf)-l < 4 {
		b.grow(4)
	}
	b.buf = b.buf[:l+4]
	i := uint32(r)
	n := 4
	if i <= 0x7FF {
		b.buf[l] = 0xC0 | byte(r>>6)
		b.buf[l+1] = 0x80 | byte(r)&0x3F
		n = 2
	} else if i > 0x10FFFF || (i >= 0xD800 && i <= 0xDFFF) {
		b.buf[l] = 0xEF
		b.buf[l+1] = 0xBF
		b.buf[l+2] = 0xBD
		n = 3
	} else if i <= 0xFFFF {
		b.buf[l] = 0xE0 | byte(r>>12)
		b.buf[l+1] = 0x80 | byte(r>>6)&0x3F
		b.buf[l+2] = 0x80 | byte(r)&0x3F
		n = 3
	} else {
		b.buf[l] = 0xF0 | byte(r>>18)
		b.buf[l+1] = 0x80 | byte(r>>12)&0x3F
		b.buf[l+2] = 0x80 | byte(r>>6)&0x3F
		b.buf[l+3] = 0x80 | byte(r)&0x3F
	}
	b.buf = b.buf[:l+n]
	return n, nil
}
)go";

}  // namespace

bool add_strings_builder(File& file, const runtime::LibraryRules& lib, Error& err) {
  if (!imports(file, "strings")) return true;
  std::string src = kBuilder;
  src += lib.builder_grow_rounds_up ? kGrowRounded : kGrowExact;
  src += lib.builder_rune_appends ? kRuneAppends : kRuneInPlace;
  // its lines after sync.Map's (sync_map.h), both past the program's
  return add_library_code(file, src, kLibraryFirstLine + 500'000, "strings.Builder", err);
}

}  // namespace lang
