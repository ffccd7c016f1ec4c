#pragma once
// os_pkg.h — package os as far as a program that prints needs it, as Go code the VM runs.
//
// Models os/file.go, os/proc.go (Go 1.19–1.27) as a program and ReadMemStats see them:
//
//   File            { fd int }: os.Stdout (fd 1) and os.Stderr (fd 2) are pointers to package variables (static data: nothing allocated; real Go
//                   makes them in os's init, before main, in the start-up heap)
//   (*File).WriteString(s), Write(b)   the bytes written to the fd at once (os.File is
//                   unbuffered; nothing copied)
//   fmt.Fprint*(os.Stdout, …)   fmt's buffer written through the File (compiler_packages.cpp
//                   fprint): what fmt.Print* costs, no string made (real Go's Print* call
//                   Fprint*(os.Stdout, …))
//   Exit(code)      the program ends with that status; deferred calls do not run; what was
//                   printed stays printed (fmt and log write unbuffered)
//   Args            []string{kProgramName}: one element, the binary `go run` builds (its
//                   temporary directory drawn fresh each run in real Go, fixed here)
//
// Every name is prefixed "os_" (os_File is os.File; library_packages.h).
// Simplifications: no files, no environment (Getenv and the rest are refused by name), no
// os.Stdin, Args has no arguments.
#include <string_view>

#include "engine/lang/ast.h"

namespace lang {

// kProgramName: os.Args[0], the path `go run main.go` gives its binary (the build directory's
// random number dropped)
inline constexpr const char* kProgramName = "/tmp/go-build/b001/exe/main";

// add_os appends package os's code (every name prefixed "os_") to a file that imports "os";
// false with err when that code does not parse (a bug).
bool add_os(File& file, Error& err);

// package_exports: whether package os, bytes or flag of Go 1.27 exports name (api/go1*.txt), so
// that a name the playground lacks reads "not supported" and a misspelt one gc's "undefined"
bool package_exports(std::string_view pkg, std::string_view name);

// library_method: whether Go 1.go_minor's type (bytes.Buffer, os.File, as %T spells it) has
// the method, so that one the prelude lacks reads "not supported" rather than gc's "undefined"
bool library_method(std::string_view type, std::string_view method, int go_minor);

}  // namespace lang
