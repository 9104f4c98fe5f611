# SPDX-License-Identifier: MIT
# Installs darkloops into a temporary prefix (MODE=find_package) or points a consumer at the
# source tree (MODE=add_subdirectory), then configures, builds and runs a small consumer.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "command failed (${rc}): ${ARGV}\n${out}\n${err}")
  endif()
endfunction()
set(consumer_src ${CMAKE_CURRENT_LIST_DIR}/${MODE})
if(MODE STREQUAL "find_package")
  # A fresh configure of the package itself with nothing but the library, then install it.
  run(${CMAKE_COMMAND} -S ${DARKLOOPS_SOURCE_DIR} -B ${WORK_DIR}/pkg-build
      -DCMAKE_CXX_COMPILER=${CXX} -DDARKLOOPS_BUILD_TESTS=OFF -DDARKLOOPS_BUILD_EXAMPLES=OFF
      -DDARKLOOPS_BUILD_BENCHMARKS=OFF -DCMAKE_INSTALL_PREFIX=${WORK_DIR}/prefix)
  run(${CMAKE_COMMAND} --install ${WORK_DIR}/pkg-build)
  foreach(f include/darkloops/darkloops.hpp share/cmake/darkloops/darkloopsConfig.cmake
            share/cmake/darkloops/darkloopsConfigVersion.cmake share/pkgconfig/darkloops.pc)
    if(NOT EXISTS ${WORK_DIR}/prefix/${f})
      message(FATAL_ERROR "installed package lacks ${f}")
    endif()
  endforeach()
  set(extra -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
else()
  set(extra -DDARKLOOPS_SOURCE_DIR=${DARKLOOPS_SOURCE_DIR})
endif()
run(${CMAKE_COMMAND} -S ${consumer_src} -B ${WORK_DIR}/app-build -DCMAKE_CXX_COMPILER=${CXX}
    -DCMAKE_BUILD_TYPE=Release ${extra})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/app-build)
run(${WORK_DIR}/app-build/app)
message(STATUS "consumer (${MODE}) built and ran")
