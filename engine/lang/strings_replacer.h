#pragma once
// strings_replacer.h — strings.NewReplacer and (*Replacer).Replace/WriteString, as Go's own
// code, run by the VM.
//
// Models strings/replace.go and strings/search.go (Go 1.19–1.27) as strings_funcs.h models
// strings.go: a prelude compiled with a program that imports "strings" (strings_Replacer is
// strings.Replacer). NewReplacer keeps a copy of its arguments; the first Replace or
// WriteString builds one of four replacers, as Go's build picks it:
//
//   byteReplacer          every old and new one byte: a [256]byte table (256 B)
//   byteStringReplacer    every old one byte: [256][]byte and the bytes to look for (6 528 B,
//                         one []byte a new string, one make([]string))
//   singleStringReplacer  one pair, old longer than a byte: stringFinder's Boyer-Moore tables
//                         ([256]int on the finder: 2 080 B, a []int of len(old))
//   genericReplacer       otherwise: a lookup trie of 80-B nodes, tables of tableSize pointers
//
// and each Replace then allocates what the replacer's code does (one []byte(s) and its string
// for a byteReplacer; make([]byte, newSize) and its string for a byteStringReplacer — on the
// stack up to 32 B from Go 1.25, the engine's make; a Builder for one string; an
// appendSliceWriter moved to the heap and its string for the trie).
//
// Simplifications: sync.Once is a placeholder of its size whose done flag is tested and set
// around the build (goroutines take turns on one P here and the build never blocks); the
// io.Writer and io.StringWriter WriteString takes are the prelude's strings.ioWriter and
// strings.ioStringWriter (any *os.File, *bytes.Buffer, *strings.Builder or type with Write
// fits); stringFinder.next compares byte by byte as Go's does.
#include "engine/lang/ast.h"

namespace lang {

// add_strings_replacer appends strings.Replacer's code for release go_minor to a file that
// imports "strings"; false with err when that code does not parse (a bug).
bool add_strings_replacer(File& file, int go_minor, Error& err);

}  // namespace lang
