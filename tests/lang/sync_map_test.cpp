// sync_map_test.cpp — sync.Map as each release's own code (engine/lang/sync_map.h): what its
// methods do, what a Store allocates, what a Delete frees, the model's invariants under churn,
// and gc's errors for what a release does not have.
#include <gtest/gtest.h>

#include <string>

#include "tests/lang/lang_test_util.h"

namespace {

const char* const kReleases[] = {"1.19", "1.21", "1.22", "1.23", "1.24", "1.25", "1.26", "1.27"};

std::string sync_prog(const std::string& body, const std::string& extra = "") {
  return "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"sync\"\n)\n\n"
         "func mallocs() uint64 {\n\tvar ms runtime.MemStats\n\truntime.ReadMemStats(&ms)\n\treturn ms.Mallocs\n}\n\n"
         "func heapKB() uint64 {\n\tvar ms runtime.MemStats\n\truntime.GC()\n\truntime.ReadMemStats(&ms)\n\treturn ms.HeapAlloc / 1024\n}\n\n" +
         extra + "\nfunc main() {\n\t_ = fmt.Sprint()\n\t_ = mallocs()\n\t_ = heapKB()\n" + body + "\n}\n";
}

TEST(SyncMap, MethodsBehaveAsGoSaysOnEveryRelease) {
  const std::string body = R"(	var m sync.Map
	type_ok := fmt.Sprintf("%T", &m)
	m.Store("a", 1000)
	m.Store(3, "three")
	v, ok := m.Load("a")
	fmt.Println(type_ok, v, ok)
	_, ok = m.Load("missing")
	fmt.Println(ok)
	a, loaded := m.LoadOrStore("b", 2)
	fmt.Println(a, loaded)
	a, loaded = m.LoadOrStore("b", 3)
	fmt.Println(a, loaded)
	v, ok = m.LoadAndDelete("b")
	fmt.Println(v, ok)
	v, ok = m.LoadAndDelete("b")
	fmt.Println(v, ok)
	m.Store("a", 1001)
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return true
	})
	m.Delete(3)
	v, ok = m.Load("a")
	fmt.Println(n, v, ok))";
  const std::string want = "*sync.Map 1000 true\nfalse\n2 false\n2 true\n2 true\n<nil> false\n2 1001 true\n";
  for (const char* v : kReleases) {
    langtest::Run r = langtest::run(sync_prog(body), langtest::go(v));
    ASSERT_TRUE(r.loaded) << v << ": " << r.diag;
    EXPECT_EQ(r.out, want) << v;
  }
}

TEST(SyncMap, SwapAndCompareMethodsFromGo120) {
  const std::string body = R"(	var m sync.Map
	m.Store(1, 100)
	p, loaded := m.Swap(1, 200)
	fmt.Println(p, loaded)
	p, loaded = m.Swap(2, 300)
	fmt.Println(p, loaded)
	fmt.Println(m.CompareAndSwap(1, 100, 0), m.CompareAndSwap(1, 200, 201))
	fmt.Println(m.CompareAndDelete(2, 0), m.CompareAndDelete(2, 300))
	v, ok := m.Load(1)
	_, ok2 := m.Load(2)
	fmt.Println(v, ok, ok2))";
  for (const char* v : kReleases) {
    langtest::Run r = langtest::run(sync_prog(body), langtest::go(v));
    if (std::string(v) == "1.19") {
      EXPECT_EQ(r.diag, "main.go:29:17: m.Swap undefined (type sync.Map has no field or method Swap)");
      continue;
    }
    ASSERT_TRUE(r.loaded) << v << ": " << r.diag;
    EXPECT_EQ(r.out, "100 true\n<nil> false\nfalse true\nfalse true\n201 true false\n") << v;
  }
}

TEST(SyncMap, ClearFromGo123) {
  const std::string body = "\tvar m sync.Map\n\tm.Store(1, 1)\n\tm.Clear()\n\t_, ok := m.Load(1)\n\tfmt.Println(ok)";
  for (const char* v : kReleases) {
    langtest::Run r = langtest::run(sync_prog(body), langtest::go(v));
    if (std::string(v) < "1.23") {
      EXPECT_EQ(r.diag, "main.go:29:4: m.Clear undefined (type sync.Map has no field or method Clear)") << v;
      continue;
    }
    ASSERT_TRUE(r.loaded) << v << ": " << r.diag;
    EXPECT_EQ(r.out, "false\n") << v;
  }
}

TEST(SyncMap, ItsFieldsAndHelpersAreUnexported) {
  langtest::Run r = langtest::run(sync_prog("\tvar m sync.Map\n\tm.dirty = nil"), langtest::go("1.23"));
  EXPECT_EQ(r.diag, "main.go:28:4: m.dirty undefined (cannot refer to unexported field dirty)");
  r = langtest::run(sync_prog("\tvar m sync.Map\n\tm.missLocked()"), langtest::go("1.23"));
  EXPECT_EQ(r.diag, "main.go:28:4: m.missLocked undefined (cannot refer to unexported method missLocked)");
  // as real Go 1.19/1.21 and 1.24 word them (before 1.23; from 1.24 Map is a HashTrieMap behind one field)
  r = langtest::run(sync_prog("\tvar m sync.Map\n\tm.dirty = nil"), langtest::go("1.21"));
  EXPECT_EQ(r.diag, "main.go:28:4: m.dirty undefined (type sync.Map has no field or method dirty)");
  r = langtest::run(sync_prog("\tvar m sync.Map\n\tm.init()"), langtest::go("1.24"));
  EXPECT_EQ(r.diag, "main.go:28:4: m.init undefined (type \"sync\".Map has no field or method init)");
}

// What one Store of a new key allocates in an empty sync.Map (real Go 1.19, 1.23, 1.24, 1.27
// print 6, 6, 2, 2 for this program).
TEST(SyncMap, FirstStoreAllocatesWhatTheReleasesCodeDoes) {
  const std::string body = "\tvar m sync.Map\n\tbefore := mallocs()\n\tm.Store(1000, 2000)\n\tfmt.Println(mallocs() - before)\n\truntime.KeepAlive(&m)";
  // The constant key and value are boxed statically (no convT). 1.19–1.23: &value
  // (Store/Swap), dirty's hmap and first bucket, the readOnly (boxed, or &readOnly), newEntry's
  // &i, the *entry. 1.24+: the root indirect node (initSlow), the entry node.
  for (const char* v : kReleases) {
    langtest::Run r = langtest::run(sync_prog(body), langtest::go(v));
    ASSERT_TRUE(r.loaded) << v << ": " << r.diag;
    EXPECT_EQ(r.out, std::string(v) < "1.24" ? "6\n" : "2\n") << v;
  }
}

// Up to 1.23 Delete only clears the entry's pointer: keys, entries and the maps stay.
// From 1.24 Delete unlinks the entry and prunes the trie (tests/oracle/programs/sync_map.go
// checks the figures against real Go).
TEST(SyncMap, DeleteKeepsTheEntriesUpToGo123AndFreesThemFrom124) {
  const std::string body = R"(	var m sync.Map
	start := heapKB()
	for i := 0; i < 20000; i++ {
		m.Store(i, i+1000)
	}
	filled := heapKB()
	for i := 0; i < 20000; i++ {
		m.Delete(i)
	}
	fmt.Println(filled-start > 1000, heapKB()-start)
	runtime.KeepAlive(&m))";
  for (const char* v : {"1.19", "1.23", "1.24", "1.27"}) {
    langtest::Run r = langtest::run(sync_prog(body), langtest::go(v));
    ASSERT_TRUE(r.loaded) << v << ": " << r.diag;
    ASSERT_EQ(r.out.substr(0, 5), "true ") << v;
    const long kept = std::stol(r.out.substr(5));
    if (std::string(v) < "1.24") EXPECT_GT(kept, 1000) << v;
    else EXPECT_LT(kept, 16) << v;
  }
}

// The model's invariants (sync_map.h) hold through fills, misses (promotions), deletes,
// expunging, overwrites and clears, on every release.
TEST(SyncMap, InvariantsHoldUnderChurn) {
  const std::string body = R"(	var m sync.Map
	bad := ""
	check := func() {
		if s := m.checkInvariants(); s != "" && bad == "" {
			bad = s
		}
	}
	for i := 0; i < 3000; i++ {
		m.Store(i, i)
		if i%7 == 0 {
			m.Load(i + 5000)
		}
		if i%3 == 0 {
			m.Delete(i / 2)
		}
		if i%500 == 0 {
			check()
		}
	}
	for r := 0; r < 6000; r++ {
		m.Delete(r)
		m.Store(r+3000, r)
		m.LoadOrStore(r%97, r)
		if r%1000 == 0 {
			check()
		}
	}
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return true
	})
	check()
	fmt.Println(n, bad))";
  for (const char* v : kReleases) {
    langtest::Run r = langtest::run(sync_prog(body), langtest::go(v));
    ASSERT_TRUE(r.loaded) << v << ": " << r.diag;
    EXPECT_EQ(r.err, "") << v;
    EXPECT_EQ(r.out.back(), '\n') << v;
    EXPECT_EQ(r.out.substr(r.out.find(' ')), " \n") << v << ": " << r.out;
  }
}

TEST(SyncMap, UnhashableKeyPanicsAsInGo) {
  for (const char* v : {"1.19", "1.24"}) {
    langtest::Run r = langtest::run(sync_prog("\tvar m sync.Map\n\tm.Store([]int{1}, 1)"), langtest::go(v));
    ASSERT_TRUE(r.loaded) << v << ": " << r.diag;
    EXPECT_EQ(r.exit, 2) << v;
    EXPECT_EQ(r.err.substr(0, 51), "panic: runtime error: hash of unhashable type []int") << v;
    EXPECT_NE(r.err.find("sync.(*Map).Store(...)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("main.main(...)\n\tmain.go:28"), std::string::npos) << r.err;
  }
}

}  // namespace

// sync/atomic (sync_atomic.h): Value's panics with Go's messages, And/Or from Go 1.23 only,
// the types named in gc's messages by their quoted path, a package variable's address.
TEST(SyncAtomic, ValueAndVersionsAsGoHasThem) {
  const std::string head = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync/atomic\"\n)\n\n";
  langtest::Run r = langtest::run(head + "func main() {\n\tvar v atomic.Value\n\tv.Store(1)\n\tfmt.Println(v.Load())\n\tv.Store(\"x\")\n}\n", langtest::go("1.27"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "1\n");
  EXPECT_NE(r.err.find("panic: sync/atomic: store of inconsistently typed value into Value"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("sync/atomic.(*Value).Store(...)"), std::string::npos) << r.err;
  const std::string and_or = head + "var m int32\n\nfunc main() {\n\tvar n atomic.Int32\n\tn.Store(6)\n\tfmt.Println(n.And(3), atomic.OrInt32(&m, 1), n.Load(), m)\n}\n";
  r = langtest::run(and_or, langtest::go("1.22"));
  EXPECT_EQ(r.diag, "main.go:13:16: n.And undefined (type \"sync/atomic\".Int32 has no field or method And)");
  r = langtest::run(and_or, langtest::go("1.23"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "6 0 2 1\n");
}
