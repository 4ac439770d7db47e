# Writes chronomap.1 (gzipped) from the built program's own --help and --version, so the manual
# page says what the program does: cmake -DEXE=... -DOUT=chronomap.1.gz -P man_page.cmake
execute_process(COMMAND ${EXE} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXE} --help failed: ${rc}")
endif()
execute_process(COMMAND ${EXE} --version OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
string(REGEX REPLACE "^chronomap " "" version "${version}")
# roff: a backslash is written \e, and a line may not start with a dot or an apostrophe.
string(REPLACE "\\" "\\e" help "${help}")
string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" help "${help}")
# The help's first line is the name; the rest is kept as written (no filling).
# (string(FIND), not a regex: REGEX REPLACE would apply "^" again after each match.)
string(FIND "${help}" "\n" first_end)
math(EXPR body_start "${first_end} + 1")
string(SUBSTRING "${help}" ${body_start} -1 body)
# Where this build's atlas is, which is not where the installed program looks.
string(REGEX REPLACE "The bundled atlas is [^\n]*\n?" "" body "${body}")
set(page ".TH CHRONOMAP 1 \"\" \"chronomap ${version}\" \"User Commands\"
.SH NAME
chronomap \\- watch borders change through time
.SH SYNOPSIS
.nf
${body}.fi
.SH DESCRIPTION
Chronomap loads dated historical events and georeferenced border shapes, and shows the status of
territories on a map at any date: in a window with a timeline, or from the command line as text,
JSON, images (PNG, SVG, PDF) and films (MP4, WebM, GIF), with no display needed.
.SH EXIT STATUS
0 on success; 2 when the input (the atlas, its files, an option) is at fault; 1 on an internal failure.
.SH ENVIRONMENT
.TP
.B CHRONOMAP_NO_CACHE
read every file and build every mesh again instead of using the cache in
.IR $XDG_CACHE_HOME/chronomap .
.TP
.B CHRONOMAP_TIMING
say on standard error how long each phase took.
.SH FILES
.TP
.I /usr/share/chronomap/maps/kars
the bundled atlas, the Treaty of Kars and Nakhchivan, 1914\\(en1991.
.TP
.I ~/.config/chronomap/settings.json
the window's settings.
.SH SEE ALSO
The README at /usr/share/doc/chronomap/README.md.
")
file(WRITE ${OUT}.tmp "${page}")
execute_process(COMMAND gzip -9 -n -c ${OUT}.tmp OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
file(REMOVE ${OUT}.tmp)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip failed: ${rc}")
endif()
