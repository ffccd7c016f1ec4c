#pragma once
// branches.h — labels, goto, break, continue and fallthrough checked in a function body, as
// gc checks them while parsing (cmd/compile/internal/syntax/branches.go, the same on Go
// 1.19–1.27).
//
// Finds misplaced break/continue/fallthrough, bad labeled break/continue, duplicate, unused
// and missing labels, and gotos that jump over a variable declaration or into a block, with
// gc's messages at gc's positions. Resolves each goto's target (Stmt::target) and marks a
// label a later goto jumps back to (Stmt::looping_label: escape analysis counts what follows
// it as inside a loop, escape/stmt.go).
//
// Simplifications: gc reports every error, sorted by position; this keeps the first in
// source order (the one gc prints first). A function literal's body is checked on its own,
// as gc checks it.
#include <string_view>
#include <vector>

#include "engine/lang/ast.h"

namespace lang {

// check_branches checks body (a function's or a literal's); false with err on the first
// error in source order. file names positions inside messages ("jumps over declaration of x
// at main.go:8:4").
bool check_branches(std::vector<StmtP>& body, Pos body_start, std::string_view file, Error& err);

}  // namespace lang
