#pragma once
// library_packages.h — the packages whose code the playground compiles from Go.
//
// A prelude (sync_map.h, strings_builder.h, strings_funcs.h, sync_atomic.h, bytes_buffer.h,
// os_pkg.h, flag_pkg.h, strconv_quote.h, errors_join.h, iter_pull.h, the iterator
// functions of compiler_range_func.cpp) is Go code appended to a program that imports its
// package, every top-level name prefixed with the package's name and "_" (sync_Map is
// sync.Map, atomic_Int64 is atomic.Int64). This table maps the two spellings: what the
// program writes (the import path, its package name) and what the prelude declares.
#include <string>
#include <string_view>

namespace lang {

struct LibraryPackage {
  std::string_view path;     // the import path: "sync/atomic"
  std::string_view name;     // the package's name, as %T and gc's messages print it: "atomic"
  std::string_view prefix;   // the prelude's names: "atomic_"
};

inline constexpr LibraryPackage kLibraryPackages[] = {
    {"sync", "sync", "sync_"},     {"strings", "strings", "strings_"}, {"slices", "slices", "slices_"},
    {"cmp", "cmp", "cmp_"},        {"sync/atomic", "atomic", "atomic_"},
    {"bytes", "bytes", "bytes_"},  {"os", "os", "os_"},
    {"flag", "flag", "flag_"},     {"strconv", "strconv", "strconv_"}, {"errors", "errors", "errors_"},
    {"iter", "iter", "iter_"}};

// library_package: the package imported as path, or null when its code is not Go here
inline const LibraryPackage* library_package(std::string_view path) {
  for (const LibraryPackage& p : kLibraryPackages)
    if (p.path == path) return &p;
  return nullptr;
}

// library_package_of: the package a prelude's name (atomic_Int64) belongs to, or null
inline const LibraryPackage* library_package_of(std::string_view prelude_name) {
  for (const LibraryPackage& p : kLibraryPackages)
    if (prelude_name.substr(0, p.prefix.size()) == p.prefix) return &p;
  return nullptr;
}

// library_name: a prelude's name as Go spells it (atomic_Int64 → atomic.Int64), else itself
inline std::string library_name(std::string_view prelude_name) {
  const LibraryPackage* p = library_package_of(prelude_name);
  if (!p) return std::string(prelude_name);
  return std::string(p->name) + "." + std::string(prelude_name.substr(p->prefix.size()));
}

}  // namespace lang
