// sync_map.cpp — sync.Map's code per release, in the Go the playground runs (see sync_map.h).
//
// Each method follows its release's source line by line (sync/map.go for Go 1.19–1.23,
// internal/sync/hashtriemap.go from 1.24); what differs is said where it differs. Where Go
// locks the map's mutex, `sync_semacquire(&m.mu)` stands for it: the lock's slow path hands
// the mutex's address to the runtime's bodyless semaphore, so every method lets its receiver
// escape and a local sync.Map is "moved to heap" (go build -gcflags=-m, 1.19–1.27). An
// allocation gc makes is made by the same kind of expression here: `&i` of a parameter that
// escapes (gc's "moved to heap") is `&sync_ival{i}` (16 B, as `new(any)`), at the point gc
// allocates it.
#include "engine/lang/sync_map.h"

#include "engine/lang/parser.h"

namespace lang {
namespace {

// What every release's sync.Map shares: the placeholder mutex (8 B, two uint32 words).
constexpr const char* kCommon = R"go(package main
type sync_mutex struct {
	state int32
	sema  uint32
}
)go";

// sync/map.go, Go 1.19–1.23: read-only map + dirty map of *entry.
constexpr const char* kReadDirty = R"go(
// sync_ival is what entry.p points at: a heap `any` (`&i` in newEntry, `&value` in Store).
type sync_ival struct{ v any }

// expunged: Go's is new(any), made at sync's init (part of every program's baseline); a
// package variable's address costs nothing here.
var sync_expungedV sync_ival

type sync_readOnly struct {
	m       map[any]*sync_entry
	amended bool
}

type sync_entry struct{ p *sync_ival }

func sync_newEntry(i any) *sync_entry {
	return &sync_entry{p: &sync_ival{i}}
}

func (m *sync_Map) Load(key any) (value any, ok bool) {
	read := m.loadReadOnly()
	e, ok := read.m[key]
	if !ok && read.amended {
		sync_semacquire(&m.mu) // m.mu.Lock()
		read = m.loadReadOnly()
		e, ok = read.m[key]
		if !ok && read.amended {
			e, ok = m.dirty[key]
			m.missLocked()
		}
	}
	if !ok {
		return nil, false
	}
	return e.load()
}

func (e *sync_entry) load() (value any, ok bool) {
	p := e.p
	if p == nil || p == &sync_expungedV {
		return nil, false
	}
	return p.v, true
}

func (e *sync_entry) unexpungeLocked() (wasExpunged bool) {
	if e.p == &sync_expungedV {
		e.p = nil
		return true
	}
	return false
}

func (m *sync_Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	read := m.loadReadOnly()
	if e, ok := read.m[key]; ok {
		actual, loaded, ok := e.tryLoadOrStore(value)
		if ok {
			return actual, loaded
		}
	}
	sync_semacquire(&m.mu) // m.mu.Lock()
	read = m.loadReadOnly()
	if e, ok := read.m[key]; ok {
		if e.unexpungeLocked() {
			m.dirty[key] = e
		}
		actual, loaded, _ = e.tryLoadOrStore(value)
	} else if e, ok := m.dirty[key]; ok {
		actual, loaded, _ = e.tryLoadOrStore(value)
		m.missLocked()
	} else {
		if !read.amended {
			m.dirtyLocked()
			m.storeReadOnly(read.m, true)
		}
		m.dirty[key] = sync_newEntry(value)
		actual, loaded = value, false
	}
	return actual, loaded
}

func (e *sync_entry) tryLoadOrStore(i any) (actual any, loaded, ok bool) {
	p := e.p
	if p == &sync_expungedV {
		return nil, false, false
	}
	if p != nil {
		return p.v, true, true
	}
	e.p = &sync_ival{i}
	return i, false, true
}

func (m *sync_Map) LoadAndDelete(key any) (value any, loaded bool) {
	read := m.loadReadOnly()
	e, ok := read.m[key]
	if !ok && read.amended {
		sync_semacquire(&m.mu) // m.mu.Lock()
		read = m.loadReadOnly()
		e, ok = read.m[key]
		if !ok && read.amended {
			e, ok = m.dirty[key]
			delete(m.dirty, key)
			m.missLocked()
		}
	}
	if ok {
		return e.delete()
	}
	return nil, false
}

func (m *sync_Map) Delete(key any) {
	m.LoadAndDelete(key)
}

func (e *sync_entry) delete() (value any, ok bool) {
	p := e.p
	if p == nil || p == &sync_expungedV {
		return nil, false
	}
	e.p = nil
	return p.v, true
}

func (m *sync_Map) missLocked() {
	m.misses++
	if m.misses < len(m.dirty) {
		return
	}
	m.storeReadOnly(m.dirty, false)
	m.dirty = nil
	m.misses = 0
}

func (m *sync_Map) dirtyLocked() {
	if m.dirty != nil {
		return
	}
	read := m.loadReadOnly()
	m.dirty = make(map[any]*sync_entry, len(read.m))
	for k, e := range read.m {
		if !e.tryExpungeLocked() {
			m.dirty[k] = e
		}
	}
}

func (e *sync_entry) tryExpungeLocked() (isExpunged bool) {
	if e.p == nil {
		e.p = &sync_expungedV
		return true
	}
	return e.p == &sync_expungedV
}

func (m *sync_Map) Range(f func(key, value any) bool) {
	read := m.loadReadOnly()
	if read.amended {
		sync_semacquire(&m.mu) // m.mu.Lock()
		read = m.loadReadOnly()
		if read.amended {
			read = sync_readOnly{m: m.dirty}
			m.storeReadOnly(m.dirty, false) // 1.19: m.read.Store(read); 1.20+: copyRead := read; m.read.Store(&copyRead)
			m.dirty = nil
			m.misses = 0
		}
	}
	for k, e := range read.m {
		v, ok := e.load()
		if !ok {
			continue
		}
		if !f(k, v) {
			break
		}
	}
}

// checkInvariants (sync_map.h): "" or what is wrong.
func (m *sync_Map) checkInvariants() string {
	read := m.loadReadOnly()
	if (m.dirty == nil) == read.amended {
		return "dirty is nil but read is amended, or the reverse"
	}
	for k, e := range read.m {
		if e.p == &sync_expungedV {
			if _, in := m.dirty[k]; in {
				return "an expunged entry is in dirty"
			}
		} else if m.dirty != nil {
			if d, in := m.dirty[k]; !in || d != e {
				return "a key of read is not in dirty"
			}
		}
	}
	return ""
}
)go";

// Go 1.19: Map.read is an atomic.Value holding a readOnly (Store boxes the struct: 16 B);
// no Swap, CompareAndSwap, CompareAndDelete (Go 1.20).
constexpr const char* kReadValue = R"go(
type sync_Map struct {
	mu     sync_mutex
	read   any
	dirty  map[any]*sync_entry
	misses int
}

func (m *sync_Map) loadReadOnly() sync_readOnly {
	read, _ := m.read.(sync_readOnly)
	return read
}

func (m *sync_Map) storeReadOnly(rm map[any]*sync_entry, amended bool) {
	m.read = sync_readOnly{m: rm, amended: amended}
}

func (m *sync_Map) Store(key, value any) {
	vp := &sync_ival{value} // value is moved to heap: tryStore(&value)
	read := m.loadReadOnly()
	if e, ok := read.m[key]; ok && e.tryStore(vp) {
		return
	}
	sync_semacquire(&m.mu) // m.mu.Lock()
	read = m.loadReadOnly()
	if e, ok := read.m[key]; ok {
		if e.unexpungeLocked() {
			m.dirty[key] = e
		}
		e.p = vp
	} else if e, ok := m.dirty[key]; ok {
		e.p = vp
	} else {
		if !read.amended {
			m.dirtyLocked()
			m.storeReadOnly(read.m, true)
		}
		m.dirty[key] = sync_newEntry(value)
	}
}

func (e *sync_entry) tryStore(i *sync_ival) bool {
	if e.p == &sync_expungedV {
		return false
	}
	e.p = i
	return true
}
)go";

// Go 1.20–1.23: atomic.Pointer[readOnly]; Store is Swap; CompareAndSwap, CompareAndDelete.
constexpr const char* kReadPointer = R"go(
type sync_Map struct {
	mu     sync_mutex
	read   *sync_readOnly
	dirty  map[any]*sync_entry
	misses int
}

func (m *sync_Map) loadReadOnly() sync_readOnly {
	if p := m.read; p != nil {
		return *p
	}
	return sync_readOnly{}
}

func (m *sync_Map) storeReadOnly(rm map[any]*sync_entry, amended bool) {
	m.read = &sync_readOnly{m: rm, amended: amended}
}

func (m *sync_Map) Store(key, value any) {
	_, _ = m.Swap(key, value)
}

func (e *sync_entry) tryCompareAndSwap(old, nw any) bool {
	p := e.p
	if p == nil || p == &sync_expungedV || p.v != old {
		return false
	}
	e.p = &sync_ival{nw} // nc := new; &nc
	return true
}

func (e *sync_entry) trySwap(i *sync_ival) (*sync_ival, bool) {
	p := e.p
	if p == &sync_expungedV {
		return nil, false
	}
	e.p = i
	return p, true
}

func (e *sync_entry) swapLocked(i *sync_ival) *sync_ival {
	p := e.p
	e.p = i
	return p
}

func (m *sync_Map) Swap(key, value any) (previous any, loaded bool) {
	vp := &sync_ival{value} // value is moved to heap: trySwap(&value)
	read := m.loadReadOnly()
	if e, ok := read.m[key]; ok {
		if v, ok := e.trySwap(vp); ok {
			if v == nil {
				return nil, false
			}
			return v.v, true
		}
	}
	sync_semacquire(&m.mu) // m.mu.Lock()
	read = m.loadReadOnly()
	if e, ok := read.m[key]; ok {
		if e.unexpungeLocked() {
			m.dirty[key] = e
		}
		if v := e.swapLocked(vp); v != nil {
			loaded = true
			previous = v.v
		}
	} else if e, ok := m.dirty[key]; ok {
		if v := e.swapLocked(vp); v != nil {
			loaded = true
			previous = v.v
		}
	} else {
		if !read.amended {
			m.dirtyLocked()
			m.storeReadOnly(read.m, true)
		}
		m.dirty[key] = sync_newEntry(value)
	}
	return previous, loaded
}

func (m *sync_Map) CompareAndSwap(key, old, nw any) (swapped bool) {
	read := m.loadReadOnly()
	if e, ok := read.m[key]; ok {
		return e.tryCompareAndSwap(old, nw)
	} else if !read.amended {
		return false
	}
	sync_semacquire(&m.mu) // m.mu.Lock()
	read = m.loadReadOnly()
	swapped = false
	if e, ok := read.m[key]; ok {
		swapped = e.tryCompareAndSwap(old, nw)
	} else if e, ok := m.dirty[key]; ok {
		swapped = e.tryCompareAndSwap(old, nw)
		m.missLocked()
	}
	return swapped
}

func (m *sync_Map) CompareAndDelete(key, old any) (deleted bool) {
	read := m.loadReadOnly()
	e, ok := read.m[key]
	if !ok && read.amended {
		sync_semacquire(&m.mu) // m.mu.Lock()
		read = m.loadReadOnly()
		e, ok = read.m[key]
		if !ok && read.amended {
			e, ok = m.dirty[key]
			m.missLocked()
		}
	}
	if ok {
		p := e.p
		if p == nil || p == &sync_expungedV || p.v != old {
			return false
		}
		e.p = nil
		return true
	}
	return false
}

)go";

// Go 1.23: Clear.
constexpr const char* kReadDirtyClear = R"go(
func (m *sync_Map) Clear() {
	read := m.loadReadOnly()
	if len(read.m) == 0 && !read.amended {
		return
	}
	sync_semacquire(&m.mu) // m.mu.Lock()
	read = m.loadReadOnly()
	if len(read.m) > 0 || read.amended {
		m.read = &sync_readOnly{}
	}
	clear(m.dirty)
	m.misses = 0
}
)go";

// internal/sync/hashtriemap.go, Go 1.24+ (sync.Map wraps a HashTrieMap[any, any]; its fields
// are the Map's own here). hashShift counts down from 64; nChildrenLog2 = 4.
constexpr const char* kHashTrie = R"go(
type sync_Map struct {
	inited   uint32
	initMu   sync_mutex
	root     *sync_indirect
	keyHash  uintptr
	valEqual uintptr
	seed     uint64
}

// children holds *sync_indirect or *sync_entry (Go: atomic.Pointer[node], cast by isEntry).
type sync_indirect struct {
	isEntry  bool
	dead     uint32
	mu       sync_mutex
	parent   *sync_indirect
	children [16]any
}

type sync_entry struct {
	isEntry  bool
	overflow *sync_entry
	key      any
	value    any
}

func sync_newEntryNode(key, value any) *sync_entry {
	return &sync_entry{isEntry: true, key: key, value: value}
}

func (m *sync_Map) init() {
	if m.inited == 0 {
		sync_semacquire(&m.initMu) // initSlow: ht.initMu.Lock()
		m.root = &sync_indirect{}
		m.keyHash = 1
		m.valEqual = 1
		m.seed = sync_rand()
		m.inited = 1
	}
}

func (m *sync_Map) Load(key any) (value any, ok bool) {
	m.init()
	hash := sync_hash(key, m.seed)
	i := m.root
	hashShift := uint(64)
	for hashShift != 0 {
		hashShift -= 4
		n := i.children[(hash>>hashShift)&15]
		if n == nil {
			return nil, false
		}
		if e, isEntry := n.(*sync_entry); isEntry {
			return e.lookup(key)
		}
		i = n.(*sync_indirect)
	}
	panic("internal/sync.HashTrieMap: ran out of hash bits while iterating")
}

// insertPoint walks to the slot a key goes in: (the indirect node, the slot, hashShift).
func (m *sync_Map) insertPoint(hash uint64) (*sync_indirect, uint64, uint) {
	i := m.root
	hashShift := uint(64)
	for hashShift != 0 {
		hashShift -= 4
		slot := (hash >> hashShift) & 15
		n := i.children[slot]
		if n == nil {
			return i, slot, hashShift
		}
		if _, isEntry := n.(*sync_entry); isEntry {
			return i, slot, hashShift
		}
		i = n.(*sync_indirect)
	}
	panic("internal/sync.HashTrieMap: ran out of hash bits while iterating")
}

func (m *sync_Map) LoadOrStore(key, value any) (result any, loaded bool) {
	m.init()
	hash := sync_hash(key, m.seed)
	i, slot, hashShift := m.insertPoint(hash)
	n := i.children[slot]
	if n != nil {
		oldEntry := n.(*sync_entry)
		if v, ok := oldEntry.lookup(key); ok {
			return v, true
		}
		i.children[slot] = m.expand(oldEntry, sync_newEntryNode(key, value), hash, hashShift, i)
		return value, false
	}
	i.children[slot] = sync_newEntryNode(key, value)
	return value, false
}

func (m *sync_Map) expand(oldEntry, newEntry *sync_entry, newHash uint64, hashShift uint, parent *sync_indirect) any {
	oldHash := sync_hash(oldEntry.key, m.seed)
	if oldHash == newHash {
		newEntry.overflow = oldEntry
		return newEntry
	}
	newIndirect := &sync_indirect{parent: parent}
	top := newIndirect
	for {
		if hashShift == 0 {
			panic("internal/sync.HashTrieMap: ran out of hash bits while inserting")
		}
		hashShift -= 4
		oi := (oldHash >> hashShift) & 15
		ni := (newHash >> hashShift) & 15
		if oi != ni {
			newIndirect.children[oi] = oldEntry
			newIndirect.children[ni] = newEntry
			break
		}
		nextIndirect := &sync_indirect{parent: newIndirect}
		newIndirect.children[oi] = nextIndirect
		newIndirect = nextIndirect
	}
	return top
}

func (m *sync_Map) Store(key, value any) {
	_, _ = m.Swap(key, value)
}

func (m *sync_Map) Swap(key, nw any) (previous any, loaded bool) {
	m.init()
	hash := sync_hash(key, m.seed)
	i, slot, hashShift := m.insertPoint(hash)
	n := i.children[slot]
	if n != nil {
		oldEntry := n.(*sync_entry)
		newEntry, old, swapped := oldEntry.swap(key, nw)
		if swapped {
			i.children[slot] = newEntry
			return old, true
		}
		i.children[slot] = m.expand(oldEntry, sync_newEntryNode(key, nw), hash, hashShift, i)
		return nil, false
	}
	i.children[slot] = sync_newEntryNode(key, nw)
	return nil, false
}

func (m *sync_Map) CompareAndSwap(key, old, nw any) (swapped bool) {
	m.init()
	hash := sync_hash(key, m.seed)
	i, _, slot, n := m.find(key, hash, true, old)
	if n == nil {
		return false
	}
	e, swapped := n.compareAndSwap(key, old, nw)
	if !swapped {
		return false
	}
	i.children[slot] = e
	return true
}

func (m *sync_Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.init()
	hash := sync_hash(key, m.seed)
	i, hashShift, slot, n := m.find(key, hash, false, nil)
	if n == nil {
		return nil, false
	}
	v, e, loaded := n.loadAndDelete(key)
	if !loaded {
		return nil, false
	}
	m.unlink(i, hashShift, slot, hash, e)
	return v, true
}

// unlink stores what is left of a slot's chain and prunes the indirect nodes left empty.
func (m *sync_Map) unlink(i *sync_indirect, hashShift uint, slot uint64, hash uint64, e *sync_entry) {
	if e != nil {
		i.children[slot] = e
		return
	}
	i.children[slot] = nil
	for i.parent != nil && i.empty() {
		if hashShift == 64 {
			panic("internal/sync.HashTrieMap: ran out of hash bits while iterating")
		}
		hashShift += 4
		parent := i.parent
		i.dead = 1
		parent.children[(hash>>hashShift)&15] = nil
		i = parent
	}
}

func (m *sync_Map) Delete(key any) {
	_, _ = m.LoadAndDelete(key)
}

func (m *sync_Map) CompareAndDelete(key, old any) (deleted bool) {
	m.init()
	hash := sync_hash(key, m.seed)
	i, hashShift, slot, n := m.find(key, hash, false, nil)
	if n == nil {
		return false
	}
	e, deleted := n.compareAndDelete(key, old)
	if !deleted {
		return false
	}
	m.unlink(i, hashShift, slot, hash, e)
	return true
}

func (m *sync_Map) find(key any, hash uint64, withValue bool, value any) (*sync_indirect, uint, uint64, *sync_entry) {
	i := m.root
	hashShift := uint(64)
	for hashShift != 0 {
		hashShift -= 4
		slot := (hash >> hashShift) & 15
		n := i.children[slot]
		if n == nil {
			return nil, 0, 0, nil
		}
		if e, isEntry := n.(*sync_entry); isEntry {
			if !e.lookupWithValue(key, withValue, value) {
				return nil, 0, 0, nil
			}
			return i, hashShift, slot, e
		}
		i = n.(*sync_indirect)
	}
	panic("internal/sync.HashTrieMap: ran out of hash bits while iterating")
}

// Range visits the trie depth first, children in order, as iter does (by parent pointers
// here: the playground expands a function parameter in place, so iter cannot recurse).
func (m *sync_Map) Range(f func(key, value any) bool) {
	m.init()
	i := m.root
	j := 0
	for {
		if j == 16 {
			if i.parent == nil {
				return
			}
			p := i.parent
			k := 0
			for {
				if c, _ := p.children[k].(*sync_indirect); c == i {
					break
				}
				k++
			}
			i = p
			j = k + 1
			continue
		}
		n := i.children[j]
		if n == nil {
			j++
			continue
		}
		if e, isEntry := n.(*sync_entry); isEntry {
			for e != nil {
				if !f(e.key, e.value) {
					return
				}
				e = e.overflow
			}
			j++
			continue
		}
		i = n.(*sync_indirect)
		j = 0
	}
}

func (m *sync_Map) Clear() {
	m.init()
	m.root = &sync_indirect{}
}

func (i *sync_indirect) empty() bool {
	nc := 0
	for j := range i.children {
		if i.children[j] != nil {
			nc++
		}
	}
	return nc == 0
}

func (e *sync_entry) lookup(key any) (any, bool) {
	for e != nil {
		if e.key == key {
			return e.value, true
		}
		e = e.overflow
	}
	return nil, false
}

func (e *sync_entry) lookupWithValue(key any, withValue bool, value any) bool {
	for e != nil {
		if e.key == key && (!withValue || e.value == value) {
			return true
		}
		e = e.overflow
	}
	return false
}

func (head *sync_entry) swap(key, nw any) (*sync_entry, any, bool) {
	if head.key == key {
		e := sync_newEntryNode(key, nw)
		e.overflow = head.overflow
		return e, head.value, true
	}
	prev := head
	e := head.overflow
	for e != nil {
		if e.key == key {
			eNew := sync_newEntryNode(key, nw)
			eNew.overflow = e.overflow
			prev.overflow = eNew
			return head, e.value, true
		}
		prev = e
		e = e.overflow
	}
	return head, nil, false
}

func (head *sync_entry) compareAndSwap(key, old, nw any) (*sync_entry, bool) {
	if head.key == key && head.value == old {
		e := sync_newEntryNode(key, nw)
		e.overflow = head.overflow
		return e, true
	}
	prev := head
	e := head.overflow
	for e != nil {
		if e.key == key && e.value == old {
			eNew := sync_newEntryNode(key, nw)
			eNew.overflow = e.overflow
			prev.overflow = eNew
			return head, true
		}
		prev = e
		e = e.overflow
	}
	return head, false
}

func (head *sync_entry) loadAndDelete(key any) (any, *sync_entry, bool) {
	if head.key == key {
		return head.value, head.overflow, true
	}
	prev := head
	e := head.overflow
	for e != nil {
		if e.key == key {
			prev.overflow = e.overflow
			return e.value, head, true
		}
		prev = e
		e = e.overflow
	}
	return nil, head, false
}

func (head *sync_entry) compareAndDelete(key, value any) (*sync_entry, bool) {
	if head.key == key && head.value == value {
		return head.overflow, true
	}
	prev := head
	e := head.overflow
	for e != nil {
		if e.key == key && e.value == value {
			prev.overflow = e.overflow
			return head, true
		}
		prev = e
		e = e.overflow
	}
	return head, false
}

// sync_level is an indirect node to visit, its depth's hash shift and its path's hash bits.
type sync_level struct {
	node  *sync_indirect
	shift uint
	path  uint64
}

// checkInvariants (sync_map.h): "" or what is wrong. Walks the trie by an explicit stack.
func (m *sync_Map) checkInvariants() string {
	if m.inited == 0 {
		return ""
	}
	stack := []sync_level{{m.root, 64, 0}}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if top.node != m.root && top.node.empty() {
			return "an indirect node other than the root is empty"
		}
		shift := top.shift - 4
		for j := range top.node.children {
			c := top.node.children[j]
			if c == nil {
				continue
			}
			path := top.path | uint64(j)<<shift
			if e, isEntry := c.(*sync_entry); isEntry {
				for ; e != nil; e = e.overflow {
					h := sync_hash(e.key, m.seed)
					if h>>shift != path>>shift {
						return "an entry is not on its hash's path"
					}
				}
				continue
			}
			ci := c.(*sync_indirect)
			if ci.parent != top.node {
				return "an indirect node's parent is not the node above it"
			}
			stack = append(stack, sync_level{ci, shift, path})
		}
	}
	return ""
}
)go";

}  // namespace

std::string sync_map_prelude(const runtime::LibraryRules& lib) {
  std::string src = kCommon;
  if (lib.sync_map == runtime::SyncMapImpl::HashTrie) return src + kHashTrie;
  src += kReadDirty;
  src += lib.sync_map_read_value ? kReadValue : kReadPointer;
  if (lib.sync_map_clear) src += kReadDirtyClear;
  return src;
}

bool add_sync_map(File& file, const runtime::LibraryRules& lib, Error& err) {
  if (!imports(file, "sync")) return true;
  return add_library_code(file, sync_map_prelude(lib), kLibraryFirstLine, "sync.Map", err);
}

}  // namespace lang
