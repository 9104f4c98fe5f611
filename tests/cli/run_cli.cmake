# SPDX-License-Identifier: MIT
# Runs a program with arguments (ARGS, ';'-separated), checks its exit code (EXPECT_RC) and that
# its combined output matches every regular expression in EXPECT (';'-separated).
execute_process(COMMAND ${PROGRAM} ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL EXPECT_RC)
  message(FATAL_ERROR "exit code ${rc}, expected ${EXPECT_RC}\nstdout:\n${out}\nstderr:\n${err}")
endif()
foreach(re IN LISTS EXPECT)
  if(NOT "${out}${err}" MATCHES "${re}")
    message(FATAL_ERROR "output does not match '${re}'\nstdout:\n${out}\nstderr:\n${err}")
  endif()
endforeach()
