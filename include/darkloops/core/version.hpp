// SPDX-License-Identifier: MIT
#pragma once

namespace darkloops {
inline constexpr const char* version = "0.1.0";
inline constexpr int version_major = 0;
inline constexpr int version_minor = 1;
inline constexpr int version_patch = 0;
}  // namespace darkloops
