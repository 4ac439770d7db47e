# Every dependency comes from Debian packages; nothing is downloaded at build time.
find_package(PkgConfig REQUIRED)
find_package(GDAL CONFIG REQUIRED)
find_package(GEOS CONFIG REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
pkg_check_modules(EPOXY REQUIRED IMPORTED_TARGET epoxy)
pkg_check_modules(EGL REQUIRED IMPORTED_TARGET egl)
pkg_check_modules(LIBAV REQUIRED IMPORTED_TARGET libavformat libavcodec libswscale libavutil)
# Vector export (SVG, PDF) with FreeType fonts.
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo cairo-ft cairo-svg cairo-pdf)
find_package(PNG REQUIRED)
find_package(ZLIB REQUIRED)  # PNG image data is deflated by the writer itself, on every core

# The window: Dear ImGui 1.86 (its libimgui.a holds the GLFW and OpenGL3 backends and
# imgui_freetype), GLFW 3.3, FreeType and fontconfig for the Noto fonts.
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
find_package(glfw3 3.3 REQUIRED)
find_package(Freetype REQUIRED)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
# Right-to-left names (Arabic, Persian, Hebrew): visual order and Arabic joining.
pkg_check_modules(FRIBIDI REQUIRED IMPORTED_TARGET fribidi)
