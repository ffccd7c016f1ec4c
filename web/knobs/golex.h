#pragma once
// golex.h — a small Go tokenizer for the web front end: syntax colours in the editor and the
// knob extraction (knobs.h). It is not the interpreter's lexer (engine/lang): it never fails,
// keeps comments and whitespace positions, and only tells the token classes a reader sees.
//
// Every byte of the input belongs to exactly one token or to the whitespace between tokens;
// tokens are in source order and carry [pos, pos + len).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace golex {

enum class Tok : uint8_t {
  Ident,      // names, including predeclared types and functions
  Keyword,    // break … var (the 25 Go keywords)
  Int,        // 42, 1_000_000, 0x1F, 0o17, 0b101
  Float,      // 1.5, 1e9
  String,     // "…", `…`, '…' (rune)
  Comment,    // // … and /* … */
  Punct,      // operators and delimiters, one token per operator ("&&", ":=", "{")
  Newline,    // '\n' (Go's automatic semicolons care; so do line numbers)
};

struct Token {
  Tok kind;
  uint32_t pos, len;
  int line;   // 1-based line of the first byte
};

// lex splits src into tokens (whitespace other than '\n' is skipped).
std::vector<Token> lex(std::string_view src);

// is_predeclared_type says whether name is one of Go's predeclared types (int, string, byte…).
bool is_predeclared_type(std::string_view name);
// is_builtin says whether name is a predeclared function (make, len, delete, new…).
bool is_builtin(std::string_view name);

// parse_int parses a Go integer literal (underscores, 0x/0o/0b prefixes); false on overflow.
bool parse_int(std::string_view lit, int64_t& out);

}  // namespace golex
