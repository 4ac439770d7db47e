# Runs the window under xvfb-run and checks its exit code and a text on stderr.
# Inputs: EXE, XVFB_RUN, OUT_DIR, ARGS (a ;-list), EXPECT_EXIT, EXPECT_ERR (a regular expression).
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR})
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${OUT_DIR}/config ${XVFB_RUN} -a ${EXE} ${ARGS}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL EXPECT_EXIT)
  message(FATAL_ERROR "expected exit ${EXPECT_EXIT}, got ${rc}\nstderr:\n${err}")
endif()
if(NOT err MATCHES "${EXPECT_ERR}")
  message(FATAL_ERROR "stderr does not say '${EXPECT_ERR}':\n${err}")
endif()
message(STATUS "exit ${rc} as expected")
