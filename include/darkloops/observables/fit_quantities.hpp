// SPDX-License-Identifier: MIT
// The paper's fit quantities C9mu^V, C10mu^V, C9^U, C10^U ([P] eq. (9), scenario 5 of
// Alguero et al., [P] ref. [3]) from the model's C9, C10 per lepton. docs/physics.md <!-- bsll --> §B8.
// Scenario 5 parametrises  C9mu = C9mu^V + C9^U,  C9e = C9^U  (same for C10), so the mapping that
// reproduces the model's electron AND muon coefficients exactly is (default, `electron_reference`):
//   C9^U = Re C9e,  C10^U = Re C10e,  C9mu^V = Re(C9mu - C9e),  C10mu^V = Re(C10mu - C10e).
// `diagram_origin` is the literal reading of [P] ("U = flavour-universal contributions"):
//   C9^U = Re C9^gamma (+ Z),  C10^U = 0,  C9mu^V = Re C9mu^box,  C10mu^V = Re C10mu^box
// (it ignores the electron boxes, which neutrino data force to be non-zero).
#pragma once

#include <string>

#include "darkloops/model/model.hpp"
#include "darkloops/observables/wilson_bsll.hpp"

namespace darkloops::bsll {

enum class FitMapping { electron_reference, diagram_origin };

struct FitQuantities {
  double C9mu_V = 0.0, C10mu_V = 0.0, C9_U = 0.0, C10_U = 0.0;
};

/// From the per-lepton totals and the universal (penguin) part.
inline FitQuantities fit_quantities(const SemileptonicWC& e, const SemileptonicWC& mu, cplx C9_universal,
                                    FitMapping map = FitMapping::electron_reference) {
  if (map == FitMapping::electron_reference)
    return {(mu.C9 - e.C9).real(), (mu.C10 - e.C10).real(), e.C9.real(), e.C10.real()};
  return {(mu.C9 - C9_universal).real(), mu.C10.real(), C9_universal.real(), 0.0};
}
inline FitQuantities fit_quantities(const Model& m, FitMapping map = FitMapping::electron_reference) {
  return fit_quantities(wilson_bsll(m, Lepton::e), wilson_bsll(m, Lepton::mu),
                        photon_penguin_C9(m) + Z_penguin_C9(m), map);
}

// ---------------------------------------------------------------------------- functors
struct C9mu_V {
  FitMapping mapping = FitMapping::electron_reference;
  double operator()(const Model& m) const { return fit_quantities(m, mapping).C9mu_V; }
  std::string name() const { return "C9mu_V"; }
  std::string unit() const { return ""; }
};
struct C10mu_V {
  FitMapping mapping = FitMapping::electron_reference;
  double operator()(const Model& m) const { return fit_quantities(m, mapping).C10mu_V; }
  std::string name() const { return "C10mu_V"; }
  std::string unit() const { return ""; }
};
struct C9_U {
  FitMapping mapping = FitMapping::electron_reference;
  double operator()(const Model& m) const { return fit_quantities(m, mapping).C9_U; }
  std::string name() const { return "C9_U"; }
  std::string unit() const { return ""; }
};
struct C10_U {
  FitMapping mapping = FitMapping::electron_reference;
  double operator()(const Model& m) const { return fit_quantities(m, mapping).C10_U; }
  std::string name() const { return "C10_U"; }
  std::string unit() const { return ""; }
};

}  // namespace darkloops::bsll
