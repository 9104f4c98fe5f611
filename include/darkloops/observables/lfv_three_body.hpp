// SPDX-License-Identifier: MIT
// ℓ_α → ℓ_β ℓ_β ℓ̄_β (μ → 3e, τ → 3e, τ → 3μ): photon penguins (dipole and non-dipole),
// Z penguin and boxes with the Majorana crossed pieces, all from lepton_amplitudes.hpp.
// docs/physics.md §5.4–5.5.
#pragma once

#include <cmath>
#include <string>

#include "darkloops/inputs/sm.hpp"
#include "darkloops/observables/lepton_amplitudes.hpp"
#include "darkloops/observables/lepton_sector.hpp"
#include "darkloops/observables/lfv_radiative.hpp"

namespace darkloops {

/// All contact coefficients of ℓ_α → 3ℓ_β: boxes + photon non-dipole (e^2 AND, Q_ℓ Q_ℓ = +1)
/// + Z penguin (-4√2 G_F FZ_X g_Y^ℓ, q^2 << m_Z^2).
inline FourLeptonCoefficients four_lepton_coefficients(const LeptonSector& s, const LeptonPenguins& p, int beta,
                                                       int alpha, const detail::leptons::BoxTable& B) noexcept {
  FourLeptonCoefficients c = four_lepton_boxes(s, beta, alpha, B);
  const double e2 = 4.0 * pi * inputs::sm::alpha_em_0;
  const cplx aL = p.AND_L(beta, alpha), aR = p.AND_R(beta, alpha);
  c.V_LL += e2 * aL;
  c.V_LR += e2 * aL;
  c.V_RL += e2 * aR;
  c.V_RR += e2 * aR;
  const double gz = -4.0 * std::sqrt(2.0) * inputs::sm::G_F;
  const double sw2 = inputs::sm::sin2_theta_W, gL = -0.5 + sw2, gR = sw2;
  const cplx zL = p.FZ_L(beta, alpha), zR = p.FZ_R(beta, alpha);
  c.V_LL += gz * zL * gL;
  c.V_LR += gz * zL * gR;
  c.V_RL += gz * zR * gL;
  c.V_RR += gz * zR * gR;
  return c;
}

inline FourLeptonCoefficients four_lepton_coefficients(const LeptonSector& s, const LeptonPenguins& p, int beta,
                                                       int alpha) noexcept {
  return four_lepton_coefficients(s, p, beta, alpha, detail::leptons::box_table(s));
}

/// Γ(ℓ_α → ℓ_β ℓ_β ℓ̄_β) [GeV] for massless final states (except in the dipole log), from
/// L_eff = Σ C_i O_i + (e m_α/2) ℓ̄_β σF (A_L P_L + A_R P_R) ℓ_α + h.c. (docs/physics.md §5.5):
///   Γ = m_α^5/(1536 π^3) { 2|V_LL|^2 + 2|V_RR|^2 + |V_LR|^2 + |V_RL|^2 + (|S_LL|^2 + |S_RR|^2)/8
///        + e^4 (|A_L|^2 + |A_R|^2)(16 ln(m_α/m_β) - 22)
///        - 4 e^2 Re[A_R^*(2 V_LL + V_LR) + A_L^*(2 V_RR + V_RL)] }.
inline double width_three_body(const FourLeptonCoefficients& c, cplx A_L, cplx A_R, double m_alpha,
                               double m_beta) noexcept {
  const double e2 = 4.0 * pi * inputs::sm::alpha_em_0;
  const double m2 = m_alpha * m_alpha;
  const double pref = m2 * m2 * m_alpha / (1536.0 * pi * pi * pi);
  const double contact = 2.0 * (std::norm(c.V_LL) + std::norm(c.V_RR)) + std::norm(c.V_LR) + std::norm(c.V_RL) +
                         (std::norm(c.S_LL) + std::norm(c.S_RR)) / 8.0;
  const double dip = e2 * e2 * (std::norm(A_L) + std::norm(A_R)) * (16.0 * std::log(m_alpha / m_beta) - 22.0);
  const double inter = -4.0 * e2 *
                       std::real(std::conj(A_R) * (2.0 * c.V_LL + c.V_LR) + std::conj(A_L) * (2.0 * c.V_RR + c.V_RL));
  return pref * (contact + dip + inter);
}

/// BR(ℓ_α → 3ℓ_β) with the measured lifetime.
inline double br_three_body(const LeptonSector& s, const LeptonDipoles& d, const LeptonPenguins& p, int beta,
                            int alpha, const detail::leptons::BoxTable& B) noexcept {
  const auto c = four_lepton_coefficients(s, p, beta, alpha, B);
  return width_three_body(c, d.A_L(beta, alpha), d.A_R(beta, alpha), s.m_lep(alpha), s.m_lep(beta)) *
         lepton_lifetime_per_GeV(alpha);
}

inline double br_three_body(const LeptonSector& s, const LeptonDipoles& d, const LeptonPenguins& p, int beta,
                            int alpha) noexcept {
  return br_three_body(s, d, p, beta, alpha, detail::leptons::box_table(s));
}

/// Observable BR(ℓ_from → 3 ℓ_to); valid pairs (μ,e), (τ,e), (τ,μ).
struct BRThreeBody {
  Lepton from = Lepton::mu;
  Lepton to = Lepton::e;
  double operator()(const Model& m) const {
    const int a = static_cast<int>(from), b = static_cast<int>(to);
    if (a <= b) throw invalid_input("BRThreeBody.from", lepton_name(from), "must be heavier than 'to'");
    const auto s = lepton_sector(m);
    return br_three_body(s, lepton_dipoles(s), lepton_penguins(s), b, a);
  }
  std::string name() const { return std::string("BR(") + lepton_name(from) + "->3" + lepton_name(to) + ")"; }
  std::string unit() const { return ""; }
};

}  // namespace darkloops
