#pragma once
// parser.h — builds the syntax tree (ast.h) of one Go source file.
//
// Models: go/parser for the playground's subset of Go 1.22: package clause, imports,
// top-level func/var/const/type declarations, blocks, if/else, the three for forms plus
// range (over maps, slices, arrays, strings and integers), switch, break/continue/return,
// assignments (=, :=, op=, ++/--), expressions with Go's five precedence levels, composite
// literals (with Go's rule that a bare type name followed by '{' in an if/for/switch header
// is not a literal), conversions, slicing and calls.
//
// Invariants: on success every node has a position; on failure `err` holds the first
// error with gc's wording ("syntax error: unexpected X, expected Y").
//
// Errors: after a syntax error the parser goes on at the next statement of the list it is
// in, or at the next top-level declaration, as gc's (syntax/parser.go stmtList, fileOrNil:
// advance); gc_error_list (compiler.h) then keeps one a line, ten at most.
//
// Simplifications: gc also recovers inside an expression list, a composite literal, a call's
// arguments (with messages of their own: "unexpected X in composite literal; possibly missing
// comma or }"); here an error there skips the rest of its statement. A lexical error stops.
#include <string>
#include <string_view>
#include <vector>

#include "engine/lang/ast.h"

namespace lang {

// parse parses src into file; false with err set on the first syntax error.
// first_line: see lex (lexer.h); file_name names positions inside messages (branches.h).
bool parse(std::string_view src, File& file, Error& err, int first_line = 1, std::string_view file_name = "main.go");
// the same with every syntax error found, in the order found (not yet gc_error_list's)
bool parse(std::string_view src, File& file, std::vector<Error>& errs, int first_line = 1, std::string_view file_name = "main.go");

// syntax_error_for_release: a syntax error's message in release go_minor's words (the
// parser writes Go 1.24's): "expecting" up to Go 1.19 (1.20 says "expected"), no "name " before an
// identifier before Go 1.23, no "keyword " before a keyword before 1.24 (syntax/parser.go
// syntaxErrorAt, tokstring; measured with go run on 1.19, 1.21–1.27).
std::string syntax_error_for_release(std::string msg, int go_minor);

// imports: file imports path (the library's preludes are added only then).
bool imports(const File& file, std::string_view path);

// add_library_code parses src, the library's own Go (sync_map.h, strings_builder.h,
// strings_funcs.h; lines numbered from first_line, past the program's), and appends its
// types, values and functions to file; false with err ("internal error in WHAT's code") when
// that code does not parse (a bug).
bool add_library_code(File& file, std::string_view src, int first_line, std::string_view what, Error& err);

}  // namespace lang
