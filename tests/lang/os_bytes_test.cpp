// os_bytes_test.cpp — package os (engine/lang/os_pkg.h) and bytes.Buffer
// (engine/lang/bytes_buffer.h): what they print, end with and allocate, and gc's messages.
// Figures: real Go 1.19, 1.21 and 1.27 (tests/oracle/programs/bytes_buffer.go and
// os_stdout.go compare every release).
#include <string>

#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

using langtest::go;
using langtest::run;

TEST(Os, ExitEndsTheProgramWithoutItsDeferredCalls) {
  // real Go: "before" on stdout, "to stderr" on stderr, exit status 3; neither deferred call
  // nor the line after Exit runs
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\n"
      "func main() {\n"
      "\tdefer fmt.Println(\"deferred\")\n"
      "\tfmt.Println(\"before\", len(os.Args))\n"
      "\tfmt.Fprintln(os.Stderr, \"to stderr\")\n"
      "\tfunc() {\n\t\tdefer fmt.Println(\"inner deferred\")\n\t\tos.Exit(3)\n\t}()\n"
      "\tfmt.Println(\"after\")\n"
      "}\n";
  for (const char* v : {"1.19", "1.27"}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, "before 1\n");
    EXPECT_EQ(r.err, "to stderr\n");
    EXPECT_EQ(r.exit, 3);
  }
}

TEST(Os, StdoutAndStderrTakeFprintsAsPrintDoes) {
  // fmt.Fprintf(os.Stdout, …) is what fmt.Printf calls: the same text, the same mallocs
  // (real Go 1.19 and 1.27: 19 mallocs / 160 B, nine ints ≥ 256 boxed each way and one more)
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"runtime\"\n)\n\n"
      "func main() {\n"
      "\tvar a, b runtime.MemStats\n"
      "\tfmt.Print()\n"
      "\tw := os.Stdout\n"
      "\truntime.ReadMemStats(&a)\n"
      "\tfor i := 1; i < 10; i++ {\n\t\tfmt.Fprintf(w, \"%d;\", i*1000)\n\t\tfmt.Fprint(os.Stderr, i*1000, \";\")\n\t}\n"
      "\truntime.ReadMemStats(&b)\n"
      "\tfmt.Fprintln(os.Stdout)\n"
      "\tos.Stdout.WriteString(fmt.Sprint(b.Mallocs-a.Mallocs, \" \", b.TotalAlloc-a.TotalAlloc, \"\\n\"))\n"
      "}\n";
  for (const char* v : {"1.19", "1.27"}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, "1000;2000;3000;4000;5000;6000;7000;8000;9000;\n19 160\n") << v;
    EXPECT_EQ(r.err, "1000;2000;3000;4000;5000;6000;7000;8000;9000;") << v;
    EXPECT_EQ(r.exit, 0);
  }
}

TEST(BytesBuffer, GrowsAsBufferGoDoes) {
  // real Go 1.19 and 1.27: the first write makes 64 bytes (smallBufferSize), growSlice
  // doubles: caps 64 128 256 512 1024 over 1 000 WriteByte, 5 arrays, 1 984 B; String()
  // copies (1 000 B: the 1 024-B class); the Buffer itself stays on the stack
  const std::string src =
      "package main\n\nimport (\n\t\"bytes\"\n\t\"fmt\"\n\t\"runtime\"\n)\n\n"
      "var kept string\n\n"
      "func main() {\n"
      "\tvar a, b runtime.MemStats\n"
      "\truntime.ReadMemStats(&a)\n"
      "\tvar buf bytes.Buffer\n"
      "\tcaps := [8]int{}\n\tn := 0\n"
      "\tfor i := 0; i < 1000; i++ {\n"
      "\t\tbuf.WriteByte('x')\n"
      "\t\tif n == 0 || caps[n-1] != buf.Cap() {\n\t\t\tcaps[n] = buf.Cap()\n\t\t\tn++\n\t\t}\n"
      "\t}\n"
      "\tkept = buf.String()\n"
      "\truntime.ReadMemStats(&b)\n"
      "\tfmt.Println(caps, n, buf.Len(), b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)\n"
      "}\n";
  for (const char* v : {"1.19", "1.27"}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, "[64 128 256 512 1024 0 0 0] 5 1000 6 3008\n") << v;
  }
}

TEST(BytesBuffer, ReleasesAndMisuseReadAsGc) {
  // gc 1.19 has no Available (bytes/buffer.go: added in Go 1.21); messages checked against
  // real Go 1.19, 1.21 and 1.27
  const std::string avail = "package main\nimport \"bytes\"\nfunc main() {\n\tvar b bytes.Buffer\n\t_ = b.Available()\n}\n";
  EXPECT_EQ(run(avail, go("1.19")).diag, "main.go:5:8: b.Available undefined (type bytes.Buffer has no field or method Available)");
  EXPECT_TRUE(run(avail, go("1.21")).loaded);
  const std::string head = "package main\nimport (\n\t\"bytes\"\n\t\"fmt\"\n\t\"os\"\n)\nfunc main() {\n\tvar buf bytes.Buffer\n\t_ = buf\n";
  auto diag = [&](const std::string& stmt, const char* v) { return run(head + "\t" + stmt + "\n\tfmt.Print(os.Args)\n}\n", go(v)).diag; };
  EXPECT_EQ(diag("buf.WriteString(1)", "1.27"), "main.go:10:18: cannot use 1 (untyped int constant) as string value in argument to buf.WriteString");
  EXPECT_EQ(diag("fmt.Fprintln(os.Stdot, 1)", "1.27"), "main.go:10:18: undefined: os.Stdot");
  EXPECT_EQ(diag("os.Exit(\"1\")", "1.27"), "main.go:10:10: cannot use \"1\" (untyped string constant) as int value in argument to os.Exit");
  EXPECT_EQ(diag("var s string = os.Args\n\t_ = s", "1.19"), "main.go:10:17: cannot use os.Args (variable of type []string) as type string in variable declaration");
  EXPECT_EQ(diag("var s string = os.Args\n\t_ = s", "1.27"), "main.go:10:17: cannot use os.Args (variable of type []string) as string value in variable declaration");
  EXPECT_EQ(diag("bytes.NewBufferString(3)", "1.27"), "main.go:10:24: cannot use 3 (untyped int constant) as string value in argument to bytes.NewBufferString");
  EXPECT_EQ(diag("_ = os.Getenv(\"HOME\")", "1.27"), "main.go:10:9: os.Getenv is not supported by the playground (os.Stdout, os.Stderr, os.Args and os.Exit)");
  EXPECT_EQ(diag("_ = bytes.Equal(nil, nil)", "1.27"), "main.go:10:12: bytes.Equal is not supported by the playground (bytes.Buffer, bytes.NewBuffer and bytes.NewBufferString)");
  EXPECT_EQ(diag("_ = buf.buf", "1.27"), "main.go:10:10: buf.buf undefined (cannot refer to unexported field buf)");
  // a method Go's type has and the prelude lacks is named as not supported; one it does not
  // have reads gc's message (Peek: bytes/buffer.go, Go 1.26)
  EXPECT_EQ(diag("buf.WriteTo(os.Stdout)", "1.27"),
            "main.go:10:6: (*bytes.Buffer).WriteTo is not supported by the playground (a Buffer's write side: Write*, String, Bytes, Len, Cap, Grow, Truncate, Reset)");
  EXPECT_EQ(diag("_, _ = buf.Peek(1)", "1.25"), "main.go:10:13: buf.Peek undefined (type bytes.Buffer has no field or method Peek)");
  EXPECT_EQ(diag("os.Stdout.Close()", "1.27"), "main.go:10:12: (*os.File).Close is not supported by the playground (write with fmt.Fprint*, Write or WriteString)");
  EXPECT_EQ(diag("os.Stdout.Flush()", "1.27"), "main.go:10:12: os.Stdout.Flush undefined (type *os.File has no field or method Flush)");
}

}  // namespace
