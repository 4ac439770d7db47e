# Every dependency comes from Debian packages; nothing is downloaded at build time.
find_package(PkgConfig REQUIRED)
find_package(GDAL CONFIG REQUIRED)
find_package(GEOS CONFIG REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
pkg_check_modules(EPOXY REQUIRED IMPORTED_TARGET epoxy)
pkg_check_modules(EGL REQUIRED IMPORTED_TARGET egl)
find_package(PNG REQUIRED)
