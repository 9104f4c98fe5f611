// SPDX-License-Identifier: MIT
// ℓ_α → ℓ_β γ from the same dipoles as (g-2) (both chiralities, chirally enhanced pieces
// included). docs/physics.md §5.3.
#pragma once

#include <limits>
#include <string>

#include "darkloops/inputs/sm.hpp"
#include "darkloops/observables/lepton_amplitudes.hpp"
#include "darkloops/observables/lepton_sector.hpp"

namespace darkloops {

/// Lifetime of ℓ_α in GeV^-1 (μ, τ from inputs/sm.hpp; the electron is stable: +inf).
inline double lepton_lifetime_per_GeV(int alpha) noexcept {
  using namespace inputs::sm;
  if (alpha == 1) return tau_mu_s / hbar_GeV_s;
  if (alpha == 2) return tau_tau_s / hbar_GeV_s;
  return std::numeric_limits<double>::infinity();
}

/// Γ(ℓ_α → ℓ_β γ) = (α_em m_α^5/4)(|A_L(β,α)|^2 + |A_R(β,α)|^2)  [GeV], α_em = α(0).
inline double width_radiative(const LeptonDipoles& d, const LeptonSector& s, int beta, int alpha) noexcept {
  const double m = s.m_lep(alpha);
  const double m2 = m * m;
  return inputs::sm::alpha_em_0 * m2 * m2 * m / 4.0 * (std::norm(d.A_L(beta, alpha)) + std::norm(d.A_R(beta, alpha)));
}

/// BR(ℓ_α → ℓ_β γ) = Γ τ_α / ħ (measured lifetimes).
inline double br_radiative(const LeptonDipoles& d, const LeptonSector& s, int beta, int alpha) noexcept {
  return width_radiative(d, s, beta, alpha) * lepton_lifetime_per_GeV(alpha);
}

/// Observable BR(ℓ_from → ℓ_to γ); valid pairs (μ,e), (τ,e), (τ,μ).
struct BRRadiative {
  Lepton from = Lepton::mu;
  Lepton to = Lepton::e;
  double operator()(const Model& m) const {
    const int a = static_cast<int>(from), b = static_cast<int>(to);
    if (a <= b) throw invalid_input("BRRadiative.from", lepton_name(from), "must be heavier than 'to'");
    const auto s = lepton_sector(m);
    return br_radiative(lepton_dipoles(s), s, b, a);
  }
  std::string name() const { return std::string("BR(") + lepton_name(from) + "->" + lepton_name(to) + "gamma)"; }
  std::string unit() const { return ""; }
};

}  // namespace darkloops
