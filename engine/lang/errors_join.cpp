// errors_join.cpp — errors.Join's code per release, in the Go the playground runs (see
// errors_join.h), from errors/join.go of Go 1.21, 1.22 and 1.27.
#include "engine/lang/errors_join.h"

#include <string>

#include "engine/lang/lexer.h"
#include "engine/lang/parser.h"

namespace lang {
namespace {

constexpr const char* kJoin = R"go(package main
type errors_joinError struct {
	errs []error
}

func errors_Join(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	e := &errors_joinError{
		errs: make([]error, 0, n),
	}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

func (e *errors_joinError) Unwrap() []error {
	return e.errs
}
)go";

// Go 1.20–1.21
constexpr const char* kErrorAppended = R"go(
func (e *errors_joinError) Error() string {
	var b []byte
	for i, err := range e.errs {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, err.Error()...)
	}
	return string(b)
}
)go";

// Go 1.22+
constexpr const char* kErrorInPlace = R"go(
func (e *errors_joinError) Error() string {
	if len(e.errs) == 1 {
		return e.errs[0].Error()
	}
	b := []byte(e.errs[0].Error())
	for _, err := range e.errs[1:] {
		b = append(b, '\n')
		b = append(b, err.Error()...)
	}
	return strings_view(b)
}
)go";

}  // namespace

bool add_errors_join(File& file, int go_minor, Error& err) {
  if (go_minor < 20 || !imports(file, "errors")) return true;
  std::string src = kJoin;
  src += go_minor >= 22 ? kErrorInPlace : kErrorAppended;
  // after package os's (os_pkg.h), before sync/atomic's
  return add_library_code(file, src, kLibraryFirstLine + 870'000, "errors.Join", err);
}

}  // namespace lang
