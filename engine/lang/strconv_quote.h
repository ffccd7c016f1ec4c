#pragma once
// strconv_quote.h — strconv.Quote, QuoteRune and AppendQuote as each release's own Go code
// (strconv/quote.go, Go 1.19–1.27), run by the VM, so that their buffers grow as gc's do.
//
//   Quote(s)        quoteWith: string(appendQuotedWith(make([]byte, 0, 3*len(s)/2), s, '"'))
//                   the buffer (on the stack from Go 1.25 when it is at most 32 bytes: gc's
//                   variable-sized make, base.Debug.VariableMakeThreshold), grown by
//                   append where escapes need more, then copied into the string
//   QuoteRune(r)    string(appendQuotedRuneWith(nil, r, '\'')): append's first array, copied
//   AppendQuote(dst, s)   appendQuotedWith(dst, s, '"'): dst grown by append
//   appendQuotedWith  when cap−len < len(s), a new array of len+len(s)+2 first
//
// Measured (real Go, 100 calls each): Quote("a") 3 mallocs a call on 1.19–1.24, 2 from 1.25;
// Quote("hello") 2 / 1; Quote of 41 bytes 2 (64 B and 48 B) on every release
// (tests/oracle/programs/strconv_quote.go).
// Every name is prefixed "strconv_" (library_packages.h); the functions strconv has as the
// VM's builtins (Itoa, Atoi, FormatInt) stay builtins.
// Simplifications: IsPrint is Go's for ASCII and Latin-1; from U+0100 on every valid rune
// but the surrogates, U+FEFF and U+FFF9–U+FFFB counts as printable (Go's tables leave out
// unassigned and format runes: those print as \u escapes in Go, as themselves here).
#include "engine/lang/ast.h"

namespace lang {

// add_strconv_quote appends strconv's quoting code for Go 1.go_minor to a file that imports
// "strconv"; false with err when that code does not parse (a bug).
bool add_strconv_quote(File& file, int go_minor, Error& err);

}  // namespace lang
