# Runs the real window under xvfb-run and checks that it exits cleanly and wrote what it was asked
# to. Inputs: EXE, XVFB_RUN, OUT_DIR, ARGS (a ;-list), optional SCRIPT_IN (its @OUT@ becomes
# OUT_DIR, its @MAPS@ MAPS_DIR), EXPECT_FILES (a ;-list of files under OUT_DIR).
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR})
set(args ${ARGS})
if(SCRIPT_IN)
  file(READ ${SCRIPT_IN} script)
  string(REPLACE "@OUT@" "${OUT_DIR}" script "${script}")
  string(REPLACE "@MAPS@" "${MAPS_DIR}" script "${script}")
  file(WRITE ${OUT_DIR}/session.script "${script}")
  list(APPEND args --script ${OUT_DIR}/session.script)
endif()
list(TRANSFORM args REPLACE "@OUT@" "${OUT_DIR}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${OUT_DIR}/config
          ${XVFB_RUN} -a -s "-screen 0 1600x900x24" ${EXE} ${args}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the window exited with ${rc}\nstdout:\n${out}\nstderr:\n${err}")
endif()
foreach(f ${EXPECT_FILES} config/chronomap/settings.json)
  if(NOT EXISTS ${OUT_DIR}/${f})
    message(FATAL_ERROR "missing ${OUT_DIR}/${f}\nstderr:\n${err}")
  endif()
  file(SIZE ${OUT_DIR}/${f} size)
  if(size LESS 100)
    message(FATAL_ERROR "${OUT_DIR}/${f} is only ${size} bytes")
  endif()
endforeach()
# VALIDATE: an atlas (under OUT_DIR) the session made, which `chronomap validate` must find clean.
if(VALIDATE)
  execute_process(COMMAND ${EXE} validate ${OUT_DIR}/${VALIDATE} RESULT_VARIABLE vrc OUTPUT_VARIABLE vout ERROR_VARIABLE verr)
  if(NOT vrc EQUAL 0 OR NOT vout MATCHES "0 error\\(s\\), 0 warning\\(s\\)")
    message(FATAL_ERROR "validate ${VALIDATE} exited ${vrc}:\n${vout}${verr}")
  endif()
  message(STATUS "${vout}")
endif()
message(STATUS "clean exit; wrote ${EXPECT_FILES}")
