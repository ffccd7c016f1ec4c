#pragma once
// strcat.h — cat() joins string pieces with append.
//
// Why not "literal" + std::string: g++ 12 at -O2 warns falsely there (-Wrestrict, GCC bug
// 105329), and CI builds with -Werror.
#include <initializer_list>
#include <string>
#include <string_view>

namespace web {

inline std::string cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s.append(p);
  return s;
}

}  // namespace web
