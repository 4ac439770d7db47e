# Each library's headers in two sets. The public set (CMake's HEADERS file set) is what other
# libraries and the program may include; the private set ("internal") only the library's own
# sources, and its tests, benchmarks and fuzzers, which test the insides. Every header under the
# library's folder is in one of them: those named PRIVATE, and all others public.
#
# structure.private_headers (ctest) fails when code outside a library includes one of its private
# headers, and chronomap_verify_headers builds each public header on its own, so none depends on
# what happened to be included before it.
function(chronomap_headers target folder)
  cmake_parse_arguments(ARG "" "" "PRIVATE" ${ARGN})
  file(GLOB_RECURSE headers RELATIVE "${PROJECT_SOURCE_DIR}" CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/${folder}/*.h")
  set(public "")
  set(private "")
  foreach(header IN LISTS headers)
    string(REGEX REPLACE "^${folder}/" "" relative "${header}")
    if(relative IN_LIST ARG_PRIVATE)
      list(APPEND private "${PROJECT_SOURCE_DIR}/${header}")
      set_property(GLOBAL APPEND PROPERTY CHRONOMAP_PRIVATE_HEADERS "${folder}|${header}")
    else()
      list(APPEND public "${PROJECT_SOURCE_DIR}/${header}")
    endif()
  endforeach()
  foreach(name IN LISTS ARG_PRIVATE)
    if(NOT EXISTS "${PROJECT_SOURCE_DIR}/${folder}/${name}")
      message(FATAL_ERROR "${target}: no private header ${folder}/${name}")
    endif()
  endforeach()
  target_sources(${target}
    PUBLIC FILE_SET HEADERS BASE_DIRS "${PROJECT_SOURCE_DIR}" FILES ${public}
    PRIVATE FILE_SET internal TYPE HEADERS BASE_DIRS "${PROJECT_SOURCE_DIR}" FILES ${private})
endfunction()

# The list the structure test reads: one "folder|header" a line.
function(chronomap_write_private_headers path)
  get_property(entries GLOBAL PROPERTY CHRONOMAP_PRIVATE_HEADERS)
  list(JOIN entries "\n" text)
  file(WRITE "${path}" "${text}\n")
endfunction()
