// SPDX-License-Identifier: MIT
// Owner of the tests' precompiled header (tests/CMakeLists.txt); intentionally empty.
