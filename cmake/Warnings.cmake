# Project-wide warning and sanitizer flags, applied through an interface target
# so that third-party headers pulled in as SYSTEM stay quiet.
add_library(chronomap_flags INTERFACE)
target_compile_options(chronomap_flags INTERFACE -Wall -Wextra -Wpedantic)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 reports false -Wrestrict positives inside libstdc++'s string concatenation at -O2
  # (GCC bug 105651); they would fail every -Werror build.
  target_compile_options(chronomap_flags INTERFACE -Wno-restrict)
endif()
if(CHRONOMAP_WERROR)
  target_compile_options(chronomap_flags INTERFACE -Werror)
endif()
if(CHRONOMAP_SANITIZE)
  target_compile_options(chronomap_flags INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(chronomap_flags INTERFACE -fsanitize=address,undefined)
endif()
if(CHRONOMAP_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CHRONOMAP_FUZZ needs clang: CC=clang CXX=clang++ (bash dev.sh fuzz does this)")
  endif()
  target_compile_options(chronomap_flags INTERFACE
    -fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(chronomap_flags INTERFACE -fsanitize=address,undefined)
endif()
