// bytes_buffer.cpp — bytes.Buffer's code per release, in the Go the playground runs (see
// bytes_buffer.h). Each method follows bytes/buffer.go of its release; growSlice's
// append-to-nil of c bytes is written as the array gc's extendslice allocates for it:
// make([]byte, roundupsize(c)) (runtime/slice.go growslice from a nil slice, one byte an
// element).
#include "engine/lang/bytes_buffer.h"

#include <string>

#include "engine/lang/lexer.h"
#include "engine/lang/parser.h"

namespace lang {
namespace {

constexpr const char* kBuffer = R"go(package main
type bytes_Buffer struct {
	buf      []byte
	off      int
	lastRead int8
}

const bytes_smallBufferSize = 64

func (b *bytes_Buffer) Bytes() []byte { return b.buf[b.off:] }

func (b *bytes_Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.buf[b.off:])
}

func (b *bytes_Buffer) empty() bool { return len(b.buf) <= b.off }

func (b *bytes_Buffer) Len() int { return len(b.buf) - b.off }

func (b *bytes_Buffer) Cap() int { return cap(b.buf) }

func (b *bytes_Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	b.lastRead = 0
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}

func (b *bytes_Buffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
	b.lastRead = 0
}

func (b *bytes_Buffer) tryGrowByReslice(n int) (int, bool) {
	if l := len(b.buf); n <= cap(b.buf)-l {
		b.buf = b.buf[:l+n]
		return l, true
	}
	return 0, false
}

func (b *bytes_Buffer) grow(n int) int {
	m := b.Len()
	if m == 0 && b.off != 0 {
		b.Reset()
	}
	if i, ok := b.tryGrowByReslice(n); ok {
		return i
	}
	if b.buf == nil && n <= bytes_smallBufferSize {
		b.buf = make([]byte, n, bytes_smallBufferSize)
		return 0
	}
	c := cap(b.buf)
	if n <= c/2-m {
		copy(b.buf, b.buf[b.off:])
	} else {
		b.buf = bytes_growSlice(b.buf[b.off:], b.off+n)
	}
	b.off = 0
	b.buf = b.buf[:m+n]
	return m
}

func (b *bytes_Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	m := b.grow(n)
	b.buf = b.buf[:m]
}

func (b *bytes_Buffer) Write(p []byte) (int, error) {
	b.lastRead = 0
	m, ok := b.tryGrowByReslice(len(p))
	if !ok {
		m = b.grow(len(p))
	}
	return copy(b.buf[m:], p), nil
}

func (b *bytes_Buffer) WriteString(s string) (int, error) {
	b.lastRead = 0
	m, ok := b.tryGrowByReslice(len(s))
	if !ok {
		m = b.grow(len(s))
	}
	return copy(b.buf[m:], s), nil
}

func bytes_growSlice(b []byte, n int) []byte {
	c := len(b) + n
	if c < 2*cap(b) {
		c = 2 * cap(b)
	}
	b2 := make([]byte, strings_roundupsize(c))
	copy(b2, b)
	return b2[:len(b)]
}

func (b *bytes_Buffer) WriteByte(c byte) error {
	b.lastRead = 0
	m, ok := b.tryGrowByReslice(1)
	if !ok {
		m = b.grow(1)
	}
	b.buf[m] = c
	return nil
}

func (b *bytes_Buffer) WriteRune(r rune) (int, error) {
	if uint32(r) < 0x80 {
		b.WriteByte(byte(r))
		return 1, nil
	}
	b.lastRead = 0
	m, ok := b.tryGrowByReslice(4)
	if !ok {
		m = b.grow(4)
	}
	i := uint32(r)
	n := 4
	if i <= 0x7FF {
		b.buf[m] = 0xC0 | byte(r>>6)
		b.buf[m+1] = 0x80 | byte(r)&0x3F
		n = 2
	} else if i > 0x10FFFF || (i >= 0xD800 && i <= 0xDFFF) {
		b.buf[m] = 0xEF
		b.buf[m+1] = 0xBF
		b.buf[m+2] = 0xBD
		n = 3
	} else if i <= 0xFFFF {
		b.buf[m] = 0xE0 | byte(r>>12)
		b.buf[m+1] = 0x80 | byte(r>>6)&0x3F
		b.buf[m+2] = 0x80 | byte(r)&0x3F
		n = 3
	} else {
		b.buf[m] = 0xF0 | byte(r>>18)
		b.buf[m+1] = 0x80 | byte(r>>12)&0x3F
		b.buf[m+2] = 0x80 | byte(r>>6)&0x3F
		b.buf[m+3] = 0x80 | byte(r)&0x3F
	}
	b.buf = b.buf[:m+n]
	return n, nil
}

func bytes_NewBuffer(buf []byte) *bytes_Buffer { return &bytes_Buffer{buf: buf} }

func bytes_NewBufferString(s string) *bytes_Buffer {
	return &bytes_Buffer{buf: []byte(s)}
}
)go";

// Go 1.21: Available and AvailableBuffer
constexpr const char* kAvailable = R"go(
func (b *bytes_Buffer) Available() int { return cap(b.buf) - len(b.buf) }

func (b *bytes_Buffer) AvailableBuffer() []byte { return b.buf[len(b.buf):] }
)go";

}  // namespace

bool add_bytes_buffer(File& file, int go_minor, Error& err) {
  if (!imports(file, "bytes")) return true;
  std::string src = kBuffer;
  if (go_minor >= 21) src += kAvailable;   // bytes/buffer.go: added in Go 1.21
  // WriteRune: 1.19's EncodeRune into buf[m:m+4] and 1.21's AppendRune onto buf[:m] write the
  // same bytes into the room grow(4) made: one code for both
  // after the iterators' (compiler_range_func.cpp), past the program's
  return add_library_code(file, src, kLibraryFirstLine + 800'000, "bytes.Buffer", err);
}

}  // namespace lang
