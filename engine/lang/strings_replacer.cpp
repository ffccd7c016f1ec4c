// strings_replacer.cpp — strings.NewReplacer and its four replacers per release, in the Go
// the playground runs (see strings_replacer.h). The code is strings/replace.go's, the same on
// 1.19–1.27 but for byteReplacer.WriteString (a copy buffer of min(len(s), 32 KiB) up to
// 1.19, runs of s written as they are from 1.21); stringFinder is strings/search.go's.
#include "engine/lang/strings_replacer.h"

#include <string>

#include "engine/lang/parser.h"

namespace lang {
namespace {

// Replacer: Go's sync.Once is a placeholder of its size (done uint32 and a Mutex, 12 B), the
// build run at the first Replace or WriteString as once.Do runs it (the playground's
// goroutines take turns on one P and the build never blocks, so no two goroutines build).
constexpr const char* kReplacer = R"go(package main
type strings_once struct {
	done uint32
	m    [2]uint32
}

type strings_Replacer struct {
	once   strings_once
	r      strings_replacer
	oldnew []string
}

type strings_replacer interface {
	Replace(s string) string
	WriteString(w strings_ioWriter, s string) (n int, err error)
}

// io.Writer and io.StringWriter
type strings_ioWriter interface {
	Write(p []byte) (n int, err error)
}

type strings_ioStringWriter interface {
	WriteString(s string) (n int, err error)
}

func strings_NewReplacer(oldnew ...string) *strings_Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &strings_Replacer{oldnew: append([]string(nil), oldnew...)}
}

func (r *strings_Replacer) buildOnce() {
	r.r = r.build()
	r.oldnew = nil
}

func (b *strings_Replacer) build() strings_replacer {
	oldnew := b.oldnew
	if len(oldnew) == 2 && len(oldnew[0]) > 1 {
		return strings_makeSingleStringReplacer(oldnew[0], oldnew[1])
	}

	allNewBytes := true
	for i := 0; i < len(oldnew); i += 2 {
		if len(oldnew[i]) != 1 {
			return strings_makeGenericReplacer(oldnew)
		}
		if len(oldnew[i+1]) != 1 {
			allNewBytes = false
		}
	}

	if allNewBytes {
		r := strings_byteReplacer{}
		for i := range r {
			r[i] = byte(i)
		}
		for i := len(oldnew) - 2; i >= 0; i -= 2 {
			o := oldnew[i][0]
			n := oldnew[i+1][0]
			r[o] = n
		}
		return &r
	}

	r := strings_byteStringReplacer{toReplace: make([]string, 0, len(oldnew)/2)}
	for i := len(oldnew) - 2; i >= 0; i -= 2 {
		o := oldnew[i][0]
		n := oldnew[i+1]
		if r.replacements[o] == nil {
			r.toReplace = append(r.toReplace, string([]byte{o}))
		}
		r.replacements[o] = []byte(n)
	}
	return &r
}

func (r *strings_Replacer) Replace(s string) string {
	if r.once.done == 0 {
		r.buildOnce()
		r.once.done = 1
	}
	return r.r.Replace(s)
}

func (r *strings_Replacer) WriteString(w strings_ioWriter, s string) (n int, err error) {
	if r.once.done == 0 {
		r.buildOnce()
		r.once.done = 1
	}
	return r.r.WriteString(w, s)
}

type strings_trieNode struct {
	value    string
	priority int
	prefix   string
	next     *strings_trieNode
	table    []*strings_trieNode
}

func (t *strings_trieNode) add(key, val string, priority int, r *strings_genericReplacer) {
	if key == "" {
		if t.priority == 0 {
			t.value = val
			t.priority = priority
		}
		return
	}

	if t.prefix != "" {
		var n int
		for ; n < len(t.prefix) && n < len(key); n++ {
			if t.prefix[n] != key[n] {
				break
			}
		}
		if n == len(t.prefix) {
			t.next.add(key[n:], val, priority, r)
		} else if n == 0 {
			var prefixNode *strings_trieNode
			if len(t.prefix) == 1 {
				prefixNode = t.next
			} else {
				prefixNode = &strings_trieNode{
					prefix: t.prefix[1:],
					next:   t.next,
				}
			}
			keyNode := new(strings_trieNode)
			t.table = make([]*strings_trieNode, r.tableSize)
			t.table[r.mapping[t.prefix[0]]] = prefixNode
			t.table[r.mapping[key[0]]] = keyNode
			t.prefix = ""
			t.next = nil
			keyNode.add(key[1:], val, priority, r)
		} else {
			next := &strings_trieNode{
				prefix: t.prefix[n:],
				next:   t.next,
			}
			t.prefix = t.prefix[:n]
			t.next = next
			next.add(key[n:], val, priority, r)
		}
	} else if t.table != nil {
		m := r.mapping[key[0]]
		if t.table[m] == nil {
			t.table[m] = new(strings_trieNode)
		}
		t.table[m].add(key[1:], val, priority, r)
	} else {
		t.prefix = key
		t.next = new(strings_trieNode)
		t.next.add("", val, priority, r)
	}
}

func (r *strings_genericReplacer) lookup(s string, ignoreRoot bool) (val string, keylen int, found bool) {
	bestPriority := 0
	node := &r.root
	n := 0
	for node != nil {
		if node.priority > bestPriority && !(ignoreRoot && node == &r.root) {
			bestPriority = node.priority
			val = node.value
			keylen = n
			found = true
		}

		if s == "" {
			break
		}
		if node.table != nil {
			index := r.mapping[s[0]]
			if int(index) == r.tableSize {
				break
			}
			node = node.table[index]
			s = s[1:]
			n++
		} else if node.prefix != "" && strings_HasPrefix(s, node.prefix) {
			n += len(node.prefix)
			s = s[len(node.prefix):]
			node = node.next
		} else {
			break
		}
	}
	return
}

type strings_genericReplacer struct {
	root      strings_trieNode
	tableSize int
	mapping   [256]byte
}

func strings_makeGenericReplacer(oldnew []string) *strings_genericReplacer {
	r := new(strings_genericReplacer)
	for i := 0; i < len(oldnew); i += 2 {
		key := oldnew[i]
		for j := 0; j < len(key); j++ {
			r.mapping[key[j]] = 1
		}
	}

	for _, b := range r.mapping {
		r.tableSize += int(b)
	}

	var index byte
	for i, b := range r.mapping {
		if b == 0 {
			r.mapping[i] = byte(r.tableSize)
		} else {
			r.mapping[i] = index
			index++
		}
	}
	r.root.table = make([]*strings_trieNode, r.tableSize)

	for i := 0; i < len(oldnew); i += 2 {
		r.root.add(oldnew[i], oldnew[i+1], len(oldnew)-i, r)
	}
	return r
}

type strings_appendSliceWriter []byte

func (w *strings_appendSliceWriter) Write(p []byte) (int, error) {
	*w = append(*w, p...)
	return len(p), nil
}

func (w *strings_appendSliceWriter) WriteString(s string) (int, error) {
	*w = append(*w, s...)
	return len(s), nil
}

type strings_stringWriter struct {
	w strings_ioWriter
}

func (w strings_stringWriter) WriteString(s string) (int, error) {
	return w.w.Write([]byte(s))
}

func strings_getStringWriter(w strings_ioWriter) strings_ioStringWriter {
	sw, ok := w.(strings_ioStringWriter)
	if !ok {
		sw = strings_stringWriter{w}
	}
	return sw
}

func (r *strings_genericReplacer) Replace(s string) string {
	buf := make(strings_appendSliceWriter, 0, len(s))
	r.WriteString(&buf, s)
	return string(buf)
}

func (r *strings_genericReplacer) WriteString(w strings_ioWriter, s string) (n int, err error) {
	sw := strings_getStringWriter(w)
	var last, wn int
	var prevMatchEmpty bool
	for i := 0; i <= len(s); {
		if i != len(s) && r.root.priority == 0 {
			index := int(r.mapping[s[i]])
			if index == r.tableSize || r.root.table[index] == nil {
				i++
				continue
			}
		}

		val, keylen, match := r.lookup(s[i:], prevMatchEmpty)
		prevMatchEmpty = match && keylen == 0
		if match {
			wn, err = sw.WriteString(s[last:i])
			n += wn
			if err != nil {
				return
			}
			wn, err = sw.WriteString(val)
			n += wn
			if err != nil {
				return
			}
			i += keylen
			last = i
			continue
		}
		i++
	}
	if last != len(s) {
		wn, err = sw.WriteString(s[last:])
		n += wn
	}
	return
}

type strings_singleStringReplacer struct {
	finder *strings_stringFinder
	value  string
}

func strings_makeSingleStringReplacer(pattern string, value string) *strings_singleStringReplacer {
	return &strings_singleStringReplacer{finder: strings_makeStringFinder(pattern), value: value}
}

func (r *strings_singleStringReplacer) Replace(s string) string {
	var buf strings_Builder
	i, matched := 0, false
	for {
		match := r.finder.next(s[i:])
		if match == -1 {
			break
		}
		matched = true
		buf.Grow(match + len(r.value))
		buf.WriteString(s[i : i+match])
		buf.WriteString(r.value)
		i += match + len(r.finder.pattern)
	}
	if !matched {
		return s
	}
	buf.WriteString(s[i:])
	return buf.String()
}

func (r *strings_singleStringReplacer) WriteString(w strings_ioWriter, s string) (n int, err error) {
	sw := strings_getStringWriter(w)
	var i, wn int
	for {
		match := r.finder.next(s[i:])
		if match == -1 {
			break
		}
		wn, err = sw.WriteString(s[i : i+match])
		n += wn
		if err != nil {
			return
		}
		wn, err = sw.WriteString(r.value)
		n += wn
		if err != nil {
			return
		}
		i += match + len(r.finder.pattern)
	}
	wn, err = sw.WriteString(s[i:])
	n += wn
	return
}

type strings_byteReplacer [256]byte

func (r *strings_byteReplacer) Replace(s string) string {
	var buf []byte
	for i := 0; i < len(s); i++ {
		b := s[i]
		if r[b] != b {
			if buf == nil {
				buf = []byte(s)
			}
			buf[i] = r[b]
		}
	}
	if buf == nil {
		return s
	}
	return string(buf)
}

type strings_byteStringReplacer struct {
	replacements [256][]byte
	toReplace    []string
}

const strings_countCutOff = 8

func (r *strings_byteStringReplacer) Replace(s string) string {
	newSize := len(s)
	anyChanges := false
	if len(r.toReplace)*strings_countCutOff <= len(s) {
		for _, x := range r.toReplace {
			if c := strings_Count(s, x); c != 0 {
				newSize += c * (len(r.replacements[x[0]]) - 1)
				anyChanges = true
			}

		}
	} else {
		for i := 0; i < len(s); i++ {
			b := s[i]
			if r.replacements[b] != nil {
				newSize += len(r.replacements[b]) - 1
				anyChanges = true
			}
		}
	}
	if !anyChanges {
		return s
	}
	buf := make([]byte, newSize)
	j := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		if r.replacements[b] != nil {
			j += copy(buf[j:], r.replacements[b])
		} else {
			buf[j] = b
			j++
		}
	}
	return string(buf)
}

func (r *strings_byteStringReplacer) WriteString(w strings_ioWriter, s string) (n int, err error) {
	sw := strings_getStringWriter(w)
	last := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		if r.replacements[b] == nil {
			continue
		}
		if last != i {
			nw, err := sw.WriteString(s[last:i])
			n += nw
			if err != nil {
				return n, err
			}
		}
		last = i + 1
		nw, err := w.Write(r.replacements[b])
		n += nw
		if err != nil {
			return n, err
		}
	}
	if last != len(s) {
		var nw int
		nw, err = sw.WriteString(s[last:])
		n += nw
	}
	return
}

// stringFinder (strings/search.go): Boyer-Moore's bad-character table of 256 ints on the
// finder itself, the good-suffix table one make([]int, len(pattern)).
type strings_stringFinder struct {
	pattern        string
	badCharSkip    [256]int
	goodSuffixSkip []int
}

func strings_makeStringFinder(pattern string) *strings_stringFinder {
	f := &strings_stringFinder{
		pattern:        pattern,
		goodSuffixSkip: make([]int, len(pattern)),
	}
	last := len(pattern) - 1

	for i := range f.badCharSkip {
		f.badCharSkip[i] = len(pattern)
	}
	for i := 0; i < last; i++ {
		f.badCharSkip[pattern[i]] = last - i
	}

	lastPrefix := last
	for i := last; i >= 0; i-- {
		if strings_HasPrefix(pattern, pattern[i+1:]) {
			lastPrefix = i + 1
		}
		f.goodSuffixSkip[i] = lastPrefix + last - i
	}
	for i := 0; i < last; i++ {
		lenSuffix := strings_longestCommonSuffix(pattern, pattern[1:i+1])
		if pattern[i-lenSuffix] != pattern[last-lenSuffix] {
			f.goodSuffixSkip[last-lenSuffix] = lenSuffix + last - i
		}
	}

	return f
}

func strings_maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func strings_longestCommonSuffix(a, b string) (i int) {
	for ; i < len(a) && i < len(b); i++ {
		if a[len(a)-1-i] != b[len(b)-1-i] {
			break
		}
	}
	return
}

func (f *strings_stringFinder) next(text string) int {
	i := len(f.pattern) - 1
	for i < len(text) {
		j := len(f.pattern) - 1
		for j >= 0 && text[i] == f.pattern[j] {
			i--
			j--
		}
		if j < 0 {
			return i + 1
		}
		i += strings_maxInt(f.badCharSkip[text[i]], f.goodSuffixSkip[j])
	}
	return -1
}
)go";

// byteReplacer.WriteString, Go 1.21+: runs of s unchanged through the StringWriter, each
// replaced byte one Write of a one-byte slice of the table.
constexpr const char* kByteWriteRuns = R"go(
func (r *strings_byteReplacer) WriteString(w strings_ioWriter, s string) (n int, err error) {
	sw := strings_getStringWriter(w)
	last := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		if r[b] == b {
			continue
		}
		if last != i {
			wn, err := sw.WriteString(s[last:i])
			n += wn
			if err != nil {
				return n, err
			}
		}
		last = i + 1
		nw, err := w.Write(r[b : int(b)+1])
		n += nw
		if err != nil {
			return n, err
		}
	}
	if last != len(s) {
		nw, err := sw.WriteString(s[last:])
		n += nw
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
)go";

// byteReplacer.WriteString up to Go 1.20: s copied through a buffer of min(len(s), 32 KiB),
// replaced there, written with Write.
constexpr const char* kByteWriteBuffer = R"go(
func (r *strings_byteReplacer) WriteString(w strings_ioWriter, s string) (n int, err error) {
	bufsize := 32 << 10
	if len(s) < bufsize {
		bufsize = len(s)
	}
	buf := make([]byte, bufsize)

	for len(s) > 0 {
		ncopy := copy(buf, s)
		s = s[ncopy:]
		for i, b := range buf[:ncopy] {
			buf[i] = r[b]
		}
		wn, err := w.Write(buf[:ncopy])
		n += wn
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
)go";

}  // namespace

bool add_strings_replacer(File& file, int go_minor, Error& err) {
  if (!imports(file, "strings")) return true;
  std::string src = kReplacer;
  src += go_minor >= 21 ? kByteWriteRuns : kByteWriteBuffer;
  // its lines after package strings' functions (strings_funcs.h)
  return add_library_code(file, src, kLibraryFirstLine + 650'000, "strings.Replacer", err);
}

}  // namespace lang
