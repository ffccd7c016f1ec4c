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
// Simplifications: the first error stops parsing (gc reports up to 10).
#include <string_view>

#include "engine/lang/ast.h"

namespace lang {

// parse parses src into file; false with err set on the first syntax error.
// first_line: see lex (lexer.h); file_name names positions inside messages (branches.h).
bool parse(std::string_view src, File& file, Error& err, int first_line = 1, std::string_view file_name = "main.go");

}  // namespace lang
