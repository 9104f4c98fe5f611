// SPDX-License-Identifier: MIT
// ℓ_α → ℓ_β ℓ_β ℓ̄_β (μ → 3e, τ → 3e, τ → 3μ): photon penguins (dipole and non-dipole),
// Z penguin and boxes with the Majorana crossed pieces, all from lepton_amplitudes.hpp.
// docs/physics.md §5.4–5.5. Mixed-flavour modes τ⁻ → e⁻μ⁺μ⁻, μ⁻e⁺e⁻ (penguins + boxes) and
// the ΔL_flavour = 2 modes τ⁻ → e⁻e⁻μ⁺, μ⁻μ⁻e⁺ (boxes only), lfv_four_lepton.hpp: §5.9.
#pragma once

#include <cmath>
#include <string>

#include "darkloops/inputs/sm.hpp"
#include "darkloops/observables/lepton_amplitudes.hpp"
#include "darkloops/observables/lepton_sector.hpp"
#include "darkloops/observables/lfv_four_lepton.hpp"
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

/// The contact part of width_three_body alone (A_L = A_R = 0; no logarithm): the same number.
inline double width_three_body_contact(const FourLeptonCoefficients& c, double m_alpha) noexcept {
  const double m2 = m_alpha * m_alpha;
  const double pref = m2 * m2 * m_alpha / (1536.0 * pi * pi * pi);
  const double contact = 2.0 * (std::norm(c.V_LL) + std::norm(c.V_RR)) + std::norm(c.V_LR) + std::norm(c.V_RL) +
                         (std::norm(c.S_LL) + std::norm(c.S_RR)) / 8.0;
  return pref * contact;
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

// ------------------------------------------------------------------ mixed-flavour modes
/// Photon non-dipole and Z-penguin contributions to the vector coefficients of
/// (β̄ γ^μ P_X α)(f̄ γ_μ P_Y f) for a charged lepton f (Q_ℓ Q_f = +1): the same terms as in
/// four_lepton_coefficients(), added to a general basis.
inline void add_penguins(ChiralBasis& c, const LeptonPenguins& p, int beta, int alpha) noexcept {
  using B = ChiralBasis;
  const double e2 = 4.0 * pi * inputs::sm::alpha_em_0;
  const cplx aL = p.AND_L(beta, alpha), aR = p.AND_R(beta, alpha);
  const double gz = -4.0 * std::sqrt(2.0) * inputs::sm::G_F;
  const double sw2 = inputs::sm::sin2_theta_W, gL = -0.5 + sw2, gR = sw2;
  const cplx zL = p.FZ_L(beta, alpha), zR = p.FZ_R(beta, alpha);
  c[B::VLL] += e2 * aL + gz * zL * gL;
  c[B::VLR] += e2 * aL + gz * zL * gR;
  c[B::VRL] += e2 * aR + gz * zR * gL;
  c[B::VRR] += e2 * aR + gz * zR * gR;
}

/// Γ(ℓ_α → ℓ_β ℓ_γ ℓ̄_γ) [GeV], β ≠ γ (distinct final particles, no antisymmetrisation), massless
/// final states except in the dipole log, coefficients c in the basis (β̄ Γ α)(γ̄ Γ' γ)
/// (docs/physics.md §5.9, eq. (W2)):
///   Γ = m_α^5/(1536 π^3) { Σ|V_XY|^2 + ¼ Σ|S_XY|^2 + 12 (|T_LL|^2 + |T_RR|^2)
///        + e^4 (|A_L|^2 + |A_R|^2)(16 ln(m_α/m_γ) - 24) - 4 e^2 Re[A_R^*(V_LL + V_LR) + A_L^*(V_RR + V_RL)] }.
inline double width_three_body_distinct(const ChiralBasis& c, cplx A_L, cplx A_R, double m_alpha,
                                        double m_gamma) noexcept {
  using B = ChiralBasis;
  const double e2 = 4.0 * pi * inputs::sm::alpha_em_0;
  const double m2 = m_alpha * m_alpha;
  const double pref = m2 * m2 * m_alpha / (1536.0 * pi * pi * pi);
  double contact = 0.0;
  for (int i : {B::VLL, B::VLR, B::VRL, B::VRR}) contact += std::norm(c[i]);
  for (int i : {B::SLL, B::SLR, B::SRL, B::SRR}) contact += 0.25 * std::norm(c[i]);
  contact += 12.0 * (std::norm(c[B::TLL]) + std::norm(c[B::TRR]));
  const double dip = e2 * e2 * (std::norm(A_L) + std::norm(A_R)) * (16.0 * std::log(m_alpha / m_gamma) - 24.0);
  const double inter = -4.0 * e2 *
                       std::real(std::conj(A_R) * (c[B::VLL] + c[B::VLR]) + std::conj(A_L) * (c[B::VRR] + c[B::VRL]));
  return pref * (contact + dip + inter);
}

/// All contact coefficients of ℓ_α → ℓ_β ℓ_γ ℓ̄_γ (β ≠ γ): boxes + photon non-dipole + Z penguin;
/// α = T.alpha, `T` = detail::leptons::general_box_table(s, B, α).
inline ChiralBasis mixed_three_body_coefficients(const LeptonPenguins& p, int beta, int gamma,
                                                 const detail::leptons::GeneralBoxTable& T) noexcept {
  ChiralBasis c = four_lepton_boxes_general(beta, gamma, gamma, T);
  add_penguins(c, p, beta, T.alpha);
  return c;
}

/// BR(ℓ_α⁻ → ℓ_β⁻ ℓ_γ⁺ ℓ_γ⁻), β ≠ γ, both lighter than α (τ → eμμ̄: β = 0, γ = 1; τ → μeē: β = 1, γ = 0);
/// α = T.alpha.
inline double br_three_body_mixed(const LeptonSector& s, const LeptonDipoles& d, const LeptonPenguins& p, int beta,
                                  int gamma, const detail::leptons::GeneralBoxTable& T) noexcept {
  const int alpha = T.alpha;
  const ChiralBasis c = mixed_three_body_coefficients(p, beta, gamma, T);
  return width_three_body_distinct(c, d.A_L(beta, alpha), d.A_R(beta, alpha), s.m_lep(alpha), s.m_lep(gamma)) *
         lepton_lifetime_per_GeV(alpha);
}
inline double br_three_body_mixed(const LeptonSector& s, const LeptonDipoles& d, const LeptonPenguins& p, int beta,
                                  int alpha, int gamma, const detail::leptons::BoxTable& B) noexcept {
  return br_three_body_mixed(s, d, p, beta, gamma,
                             detail::leptons::general_box_table(s, B, alpha, (1u << beta) | (1u << gamma)));
}

/// Coefficients of ℓ_α → ℓ_β ℓ_β ℓ̄_δ (ΔL_flavour = 2, δ ≠ β, α): boxes only, reduced onto the
/// identical-particle basis V_XY = (β̄γP_Xα)(β̄γP_Yδ), S_XX = (β̄P_Xα)(β̄P_Xδ); α = T.alpha.
inline FourLeptonCoefficients dl2_three_body_coefficients(int beta, int delta,
                                                          const detail::leptons::GeneralBoxTable& T) noexcept {
  return reduce_identical(four_lepton_boxes_general(beta, beta, delta, T));
}

/// BR(ℓ_α⁻ → ℓ_β⁻ ℓ_β⁻ ℓ_δ⁺) (τ⁻ → e⁻e⁻μ⁺: β = 0, δ = 1; τ⁻ → μ⁻μ⁻e⁺: β = 1, δ = 0): the identical-
/// particle width of §5.5 without dipoles (no penguin reaches this final state at one loop); α = T.alpha.
inline double br_three_body_dl2(const LeptonSector& s, int beta, int delta,
                                const detail::leptons::GeneralBoxTable& T) noexcept {
  const int alpha = T.alpha;
  const auto c = dl2_three_body_coefficients(beta, delta, T);
  return width_three_body_contact(c, s.m_lep(alpha)) * lepton_lifetime_per_GeV(alpha);
}
inline double br_three_body_dl2(const LeptonSector& s, int beta, int alpha, int delta,
                                const detail::leptons::BoxTable& B) noexcept {
  return br_three_body_dl2(s, beta, delta, detail::leptons::general_box_table(s, B, alpha, 1u << beta));
}

/// The four τ modes of §5.9 in one pass: one coupling-pair table and one set of loop-weighted
/// τ-vectors (detail::leptons::GeneralBoxTable) shared by all four.
struct TauMixedModes {
  double e_mumu = 0.0, mu_ee = 0.0;  ///< BR(τ⁻ → e⁻μ⁺μ⁻), BR(τ⁻ → μ⁻e⁺e⁻)
  double ee_mu = 0.0, mumu_e = 0.0;  ///< BR(τ⁻ → e⁻e⁻μ⁺), BR(τ⁻ → μ⁻μ⁻e⁺)
};
inline TauMixedModes tau_mixed_modes(const LeptonSector& s, const LeptonDipoles& d, const LeptonPenguins& p,
                                     const detail::leptons::BoxTable& B) noexcept {
  const auto T = detail::leptons::general_box_table(s, B, 2, 0b011u);  // bars e, μ
  return {br_three_body_mixed(s, d, p, 0, 1, T), br_three_body_mixed(s, d, p, 1, 0, T), br_three_body_dl2(s, 0, 1, T),
          br_three_body_dl2(s, 1, 0, T)};
}

/// Observable BR(τ⁻ → ℓ_to⁻ ℓ_pair⁺ ℓ_pair⁻) with to ≠ pair, both lighter than 'from'.
struct BRThreeBodyMixed {
  Lepton from = Lepton::tau;
  Lepton to = Lepton::e;
  Lepton pair = Lepton::mu;
  double operator()(const Model& m) const {
    const int a = static_cast<int>(from), b = static_cast<int>(to), g = static_cast<int>(pair);
    if (b == g) throw invalid_input("BRThreeBodyMixed.pair", lepton_name(pair), "must differ from 'to' (use BRThreeBody)");
    if (a <= b || a <= g) throw invalid_input("BRThreeBodyMixed.from", lepton_name(from), "must be heavier than 'to' and 'pair'");
    const auto s = lepton_sector(m);
    return br_three_body_mixed(s, lepton_dipoles(s), lepton_penguins(s), b, a, g, detail::leptons::box_table(s));
  }
  std::string name() const {
    return std::string("BR(") + lepton_name(from) + "->" + lepton_name(to) + "-" + lepton_name(pair) + "+" +
           lepton_name(pair) + "-)";
  }
  std::string unit() const { return ""; }
};

/// Observable BR(τ⁻ → ℓ_twice⁻ ℓ_twice⁻ ℓ_anti⁺) (ΔL_flavour = 2, boxes only).
struct BRThreeBodyDL2 {
  Lepton from = Lepton::tau;
  Lepton twice = Lepton::e;
  Lepton anti = Lepton::mu;
  double operator()(const Model& m) const {
    const int a = static_cast<int>(from), b = static_cast<int>(twice), d = static_cast<int>(anti);
    if (b == d) throw invalid_input("BRThreeBodyDL2.anti", lepton_name(anti), "must differ from 'twice'");
    if (a <= b || a <= d) throw invalid_input("BRThreeBodyDL2.from", lepton_name(from), "must be heavier than 'twice' and 'anti'");
    const auto s = lepton_sector(m);
    return br_three_body_dl2(s, b, a, d, detail::leptons::box_table(s));
  }
  std::string name() const {
    return std::string("BR(") + lepton_name(from) + "->" + lepton_name(twice) + "-" + lepton_name(twice) + "-" +
           lepton_name(anti) + "+)";
  }
  std::string unit() const { return ""; }
};

}  // namespace darkloops
