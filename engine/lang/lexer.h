#pragma once
// lexer.h — Go's tokens for the Go subset the playground runs.
//
// Models: the scanner of go/scanner (go1.22 spec, "Lexical elements"), including the
// automatic semicolon rule: a newline after an identifier, a literal, one of the keywords
// break continue fallthrough return, or one of ++ -- ) ] } ends the statement.
//
// Terminology: Token = kind + text + position (1-based line and byte column, as gc prints).
//
// Invariants:
//   1. The token list ends with exactly one Eof token.
//   2. Positions are non-decreasing.
//
// Simplifications: no imaginary literals; a rune literal's value is its first code point;
// invalid UTF-8 is accepted byte by byte (only strings and comments may hold it anyway).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lang {

struct Pos {
  int line = 0, col = 0;
};

// The library's code in Go (sync_map.h) is numbered from this line on, so that none of its
// positions names a line of the program (the VM reports the calling line of the program).
inline constexpr int kLibraryFirstLine = 1'000'000;

// Error is a compile-time diagnostic: position + message (gc's wording where it exists).
struct Error {
  Pos pos;
  std::string msg;
};

enum class Tok : uint8_t {
  Eof, Ident, Int, Float, String, Char,
  // operators
  Add, Sub, Mul, Quo, Rem, And, Or, Xor, Shl, Shr, AndNot,
  AddAssign, SubAssign, MulAssign, QuoAssign, RemAssign, AndAssign, OrAssign, XorAssign,
  ShlAssign, ShrAssign, AndNotAssign,
  LAnd, LOr, Arrow, Inc, Dec, Eql, Lss, Gtr, Assign, Not, Neq, Leq, Geq, Define, Ellipsis,
  LParen, LBrack, LBrace, Comma, Period, RParen, RBrack, RBrace, Semicolon, Colon, Tilde,
  // keywords
  Break, Case, Chan, Const, Continue, Default, Defer, Else, Fallthrough, For, Func, Go, Goto,
  If, Import, Interface, Map, Package, Range, Return, Select, Struct, Switch, Type, Var,
};

struct Token {
  Tok kind = Tok::Eof;
  Pos pos;
  std::string text;   // identifier name, literal source text, or decoded string value
};

// tok_string names a token kind as gc's messages do ("newline", "{", "for").
const char* tok_string(Tok t);

// lex splits src into tokens; on a lexical error returns false and fills err.
// first_line numbers src's first line (kLibraryFirstLine for the library's code in Go).
bool lex(std::string_view src, std::vector<Token>& out, Error& err, int first_line = 1);

}  // namespace lang
