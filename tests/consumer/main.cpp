// SPDX-License-Identifier: MIT
// A consumer of the installed (or add_subdirectory'd) package: includes the umbrella header and
// uses each layer once. Exits non-zero if a result is not what it must be (values fixed by
// definitions or closed forms, not by the library itself).
#include <darkloops/darkloops.hpp>
#include <cmath>
#include <cstdio>

int main() {
  namespace dl = darkloops;
  // inputs: v = (sqrt2 G_F)^(-1/2) = 246.22 GeV
  const double v = dl::inputs::sm::v_GeV();
  // loop: B0(0; m^2, m^2) at mu^2 = m^2 is 0; D0 at zero momenta with equal masses is 1/(6 m^4)
  const double m2 = 250.0 * 250.0;
  const auto b0 = dl::loop::B0(0.0, m2, m2, m2);
  const double d0 = dl::loop::zero::D0(m2, m2, m2, m2);
  // model: the paper's benchmark has neutral eta dark matter at 550 GeV
  const dl::Model model(dl::presets::paper_benchmark());
  const auto dm = model.dark_matter();
  std::printf("darkloops %s: v = %.4f GeV, B0 = %g, m^4 D0 = %.15f, DM mass = %.3f GeV\n", dl::version, v,
              std::abs(b0), d0 * m2 * m2, dm.mass);
  const bool ok = std::abs(v - 246.22) < 0.01 && std::abs(b0) < 1e-14 &&
                  std::abs(d0 * m2 * m2 - 1.0 / 6.0) < 1e-14 && dm.neutral() && std::abs(dm.mass - 550.0) < 1e-6;
  return ok ? 0 : 1;
}
