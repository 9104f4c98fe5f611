// SPDX-License-Identifier: MIT
// The dark-matter candidate: the lightest Z2-odd state (docs/physics.md §3 M8).
#pragma once

#include <string>

#include "darkloops/model/spectrum.hpp"

namespace darkloops {

/// What the lightest dark state is.
enum class DarkMatterNature { eta_R, eta_I, charged_scalar, N, S_d, S_u };

struct DarkMatterCandidate {
  DarkMatterNature nature = DarkMatterNature::eta_R;
  int index = 0;       ///< mass-eigenstate index within its family (R_k, I_k, H_k); 0 otherwise
  double mass = 0.0;   ///< [GeV]
  double charge = 0.0; ///< electric charge
  bool coloured = false;
  bool neutral() const noexcept { return charge == 0.0 && !coloured; }
  /// e.g. "eta_R[0]", "H+[1]", "N", "S^{-1/3}"
  std::string name() const {
    switch (nature) {
      case DarkMatterNature::eta_R: return "eta_R[" + std::to_string(index) + "]";
      case DarkMatterNature::eta_I: return "eta_I[" + std::to_string(index) + "]";
      case DarkMatterNature::charged_scalar: return "H+[" + std::to_string(index) + "]";
      case DarkMatterNature::N: return "N";
      case DarkMatterNature::S_d: return "S^{-1/3}";
      case DarkMatterNature::S_u: return "S^{2/3}";
    }
    return "?";
  }
};

/// Lightest Z2-odd state. Ties (e.g. eta_R and eta_I at lambda5 = 0) resolve in the order
/// eta_R, eta_I, N, H+, S_d, S_u: a neutral state wins a tie.
inline DarkMatterCandidate dark_matter_candidate(const Spectrum& s) {
  DarkMatterCandidate c;
  c.nature = DarkMatterNature::eta_R;
  c.index = 0;
  c.mass = s.m_R(0);
  auto consider = [&](DarkMatterNature n, int idx, double m, double q, bool col) {
    if (m < c.mass) {
      c.nature = n;
      c.index = idx;
      c.mass = m;
      c.charge = q;
      c.coloured = col;
    }
  };
  consider(DarkMatterNature::eta_I, 0, s.m_I(0), 0.0, false);
  consider(DarkMatterNature::N, 0, s.M_N, 0.0, false);
  consider(DarkMatterNature::charged_scalar, 0, s.m_H(0), 1.0, false);
  consider(DarkMatterNature::S_d, 0, s.m_S_d, -1.0 / 3.0, true);
  consider(DarkMatterNature::S_u, 0, s.m_S_u, 2.0 / 3.0, true);
  return c;
}

}  // namespace darkloops
