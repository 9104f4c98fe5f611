// SPDX-License-Identifier: MIT
// New-physics contributions to the anomalous magnetic moments a_l = (g-2)_l/2 from the N–H_k^±
// loops, photon on H_k ([P] Fig. 1 bottom right; formalism of [P] ref. [43]). Exact in the
// mass basis (η1+, η2+, φ+ mixing through U_H, no mass insertion); the term chirally enhanced
// by M_N/m_l needs κ_l and the μ-driven η+–φ+ mixing. docs/physics.md §5.2.
#pragma once

#include <string>

#include "darkloops/observables/lepton_amplitudes.hpp"
#include "darkloops/observables/lepton_sector.hpp"

namespace darkloops {

/// Δa_α = -m_α^2 Re(A_L(α,α) + A_R(α,α))
///      = -Σ_k [ m_α^2 (|cL_αk|^2 + |cR_αk|^2) F2(t_k)/(16π^2 m_k^2)
///               + m_α M_N Re(cL*_αk cR_αk) G2(t_k)/(8π^2 m_k^2) ],   t_k = M_N^2/m_k^2.
inline double delta_a(const LeptonDipoles& d, const LeptonSector& s, int alpha) noexcept {
  const double m = s.m_lep(alpha);
  return -m * m * std::real(d.A_L(alpha, alpha) + d.A_R(alpha, alpha));
}
/// The chirally enhanced (M_N/m_α) part alone.
inline double delta_a_chiral(const LeptonDipoles& d, const LeptonSector& s, int alpha) noexcept {
  const double m = s.m_lep(alpha);
  return -m * m * std::real(d.A_L_chiral(alpha, alpha) + d.A_R_chiral(alpha, alpha));
}

/// Observable Δa_ℓ (new physics only, dimensionless).
struct DeltaA {
  Lepton lepton = Lepton::mu;
  double operator()(const Model& m) const {
    const auto s = lepton_sector(m);
    return delta_a(lepton_dipoles(s), s, static_cast<int>(lepton));
  }
  std::string name() const { return std::string("delta_a") + (lepton == Lepton::mu ? "mu" : lepton_name(lepton)); }
  std::string unit() const { return ""; }
};

}  // namespace darkloops
