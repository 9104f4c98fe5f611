// SPDX-License-Identifier: MIT
// A consumer of the installed (or add_subdirectory'd) package: includes the umbrella header
// and evaluates something from it. Exits non-zero if the result is not what it must be.
#include <darkloops/darkloops.hpp>
#include <cmath>
#include <cstdio>

int main() {
  // v = (sqrt(2) G_F)^(-1/2) must be 246.22 GeV to 4 digits.
  const double v = darkloops::inputs::sm::v_GeV();
  std::printf("darkloops %s, v = %.6f GeV\n", darkloops::version, v);
  return std::abs(v - 246.22) < 0.01 ? 0 : 1;
}
