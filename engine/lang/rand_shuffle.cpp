// rand_shuffle.cpp — math/rand's Shuffle in the Go the playground runs (see rand_shuffle.h).
#include "engine/lang/rand_shuffle.h"

#include <string>

#include "engine/lang/lexer.h"
#include "engine/lang/parser.h"

namespace lang {
namespace {

// rand.go (*Rand).Shuffle and int31n; RAND is the import's name in the program.
constexpr const char* kShuffle = R"go(package main
func rand_shuffleOn(r *RAND.Rand, n int, swap func(i, j int)) {
	if n < 0 || n > 1<<31-1 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		m := uint32(i + 1)
		prod := uint64(r.Uint32()) * uint64(m)
		if low := uint32(prod); low < m {
			thresh := -m % m
			for low < thresh {
				prod = uint64(r.Uint32()) * uint64(m)
				low = uint32(prod)
			}
		}
		swap(i, int(prod>>32))
	}
}

func rand_shuffle(n int, swap func(i, j int)) {
	if n < 0 || n > 1<<31-1 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		m := uint32(i + 1)
		prod := uint64(RAND.Uint32()) * uint64(m)
		if low := uint32(prod); low < m {
			thresh := -m % m
			for low < thresh {
				prod = uint64(RAND.Uint32()) * uint64(m)
				low = uint32(prod)
			}
		}
		swap(i, int(prod>>32))
	}
}
)go";

}  // namespace

bool add_rand_shuffle(File& file, Error& err) {
  std::string name;
  for (const Import& im : file.imports)
    if (im.path == "math/rand") name = im.name.empty() ? "rand" : im.name;
  if (name.empty() || name == "_" || name == ".") return true;
  std::string src = kShuffle;
  for (size_t at; (at = src.find("RAND")) != std::string::npos;) src.replace(at, 4, name);
  return add_library_code(file, src, kLibraryFirstLine + 870'000, "rand.Shuffle", err);
}

}  // namespace lang
