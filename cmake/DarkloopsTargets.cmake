# SPDX-License-Identifier: MIT
# Warning and sanitizer flags for the project's own targets (tests, examples, benchmarks).
# Eigen and Boost come in through their imported targets, i.e. as system includes.
function(darkloops_configure_target target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
    # GCC 12 at -O2/-O3 reports a false -Wrestrict inside libstdc++ for `"lit" + std::to_string(i)`
    # (GCC bug 105651, fixed in GCC 13); it is not in our code, so it is silenced for GCC 12 only.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(DARKLOOPS_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(DARKLOOPS_SANITIZE)
      target_compile_options(${target} PRIVATE -fsanitize=${DARKLOOPS_SANITIZE} -fno-omit-frame-pointer)
      target_link_options(${target} PRIVATE -fsanitize=${DARKLOOPS_SANITIZE})
      if(DARKLOOPS_SANITIZE MATCHES "address|undefined")
        target_compile_options(${target} PRIVATE -fno-sanitize-recover=all)
      endif()
    endif()
  endif()
  target_compile_features(${target} PRIVATE cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
endfunction()
