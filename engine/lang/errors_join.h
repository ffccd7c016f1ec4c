#pragma once
// errors_join.h — errors.Join (Go 1.20+) as Go code the VM runs.
//
// Models errors/join.go of each release as a program and ReadMemStats see it:
//
//   Join(errs ...error) error    nil when every err is nil; else &joinError{errs: make([]error,
//                                0, n)} with the non-nil ones appended: 24 B + 16 B an error
//                                (the variadic array stays on the caller's stack)
//   (*joinError).Error()         the errors' texts joined by '\n': up to Go 1.21 appended to a
//                                nil []byte and copied by string(b); from 1.22 one error's
//                                text as it is, several from []byte(first) appended to and
//                                returned by unsafe.String (no copy)
//   (*joinError).Unwrap() []error   the errors: errors.Is/As walk them (interp_iface.cpp
//                                errors_children), as they walk a program's own
//
// Every name is prefixed "errors_" (errors_Join is errors.Join; library_packages.h); the rest
// of package errors (New, Is, As, Unwrap) is the VM's (compiler_iface.cpp errors_call).
#include "engine/lang/ast.h"

namespace lang {

// add_errors_join appends errors.Join's code to a file that imports "errors", on Go 1.20 and
// later; false with err when that code does not parse (a bug).
bool add_errors_join(File& file, int go_minor, Error& err);

}  // namespace lang
