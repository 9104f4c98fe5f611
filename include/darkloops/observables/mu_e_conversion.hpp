// SPDX-License-Identifier: MIT
// Coherent μ–e conversion in nuclei (Au, Ti, Al) with the Kitano–Koike–Okada overlap integrals
// (inputs/leptons.hpp): photon dipole (D) and non-dipole + Z-penguin vector couplings (V^(p,n)),
// plus the N–S–N–H_k quark boxes through the leptoquark (vector parts; docs/physics.md §5.6, §5.10).
#pragma once

#include <cmath>
#include <string>
#include <utility>

#include "darkloops/inputs/leptons.hpp"
#include "darkloops/inputs/sm.hpp"
#include "darkloops/observables/lepton_amplitudes.hpp"
#include "darkloops/observables/lepton_sector.hpp"
#include "darkloops/observables/wilson_bsll.hpp"

namespace darkloops {

/// Quark-box coefficients [GeV^-2] of L_eff ⊃ Σ_q C_X^q (ē γ^μ P_X μ)(q̄ γ_μ q), q = u, d (vector part
/// only; the axial part is spin dependent and not coherent).
struct MuEQuarkBoxes {
  cplx CL_u{}, CR_u{}, CL_d{}, CR_d{};
};

/// The μ q → e q boxes (N, N, H_k, S_q; direct + Majorana-crossed) are the b → s ℓℓ boxes of
/// wilson_bsll.hpp with (s̄ b) → (q̄ q) and (ℓ̄_i ℓ_j) → (ē μ) (docs/physics.md §5.10):
///   L ⊃ X_L^q (q̄γP_L q)(ēγP_L μ) + X_R^q (q̄γP_L q)(ēγP_R μ),
///   X_L^q = |y_q|^2 Σ_k cL*_ek cL_μk B(M^2; m_Sq^2, m_k^2)/(16π^2),  X_R^q = -(same with cR),
///   B = D00 + (M^2/2) D0 = -(F + 2G)(x_S, x_k)/(4M^2),  x = m^2/M^2 (box F, G of §5.4, from the
///   logarithms of the lepton loop table plus ln x_S: the function of bsll::majorana_box),
/// and q̄γP_L q = ½ q̄γq + (axial):  C_X^q = X_X^q / 2.  y_d = Couplings::yd(0) (S^{-1/3}),
/// y_u = Couplings::yu(0) (S^{2/3}, CKM included). `T`: detail::leptons::loop_table_scalars(s) or
/// loop_table(s) (only M2, x, lx are read).
inline MuEQuarkBoxes mu_e_quark_boxes(const LeptonSector& s, cplx y_u, cplx y_d, double m_S_u, double m_S_d,
                                      const detail::leptons::LoopTable& T) noexcept {
  auto quark = [&](cplx y, double m_S) {
    cplx XL{}, XR{};
    if (y == cplx(0.0)) return std::pair{XL, XR};  // skip the loop functions (e.g. y_d at Y_S1 = 0)
    const double xS = m_S * m_S / T.M2, lS = std::log(xS);
    cplx sL = 0.0, sR = 0.0;
    for (int k = 0; k < 3; ++k) {
      double F, G;
      detail::leptons::box_FG(xS, T.x[k], lS, T.lx[k], F, G);
      const double B = -(F + 2.0 * G) / (4.0 * T.M2);
      sL += detail::leptons::conj_mul(s.cL(0, k), s.cL(1, k)) * B;
      sR += detail::leptons::conj_mul(s.cR(0, k), s.cR(1, k)) * B;
    }
    const double pre = std::norm(y) / (16.0 * pi * pi);
    XL = pre * sL;
    XR = -pre * sR;
    return std::pair{XL, XR};
  };
  const auto [XuL, XuR] = quark(y_u, m_S_u);
  const auto [XdL, XdR] = quark(y_d, m_S_d);
  return {0.5 * XuL, 0.5 * XuR, 0.5 * XdL, 0.5 * XdR};
}
inline MuEQuarkBoxes mu_e_quark_boxes(const LeptonSector& s, cplx y_u, cplx y_d, double m_S_u, double m_S_d) {
  return mu_e_quark_boxes(s, y_u, y_d, m_S_u, m_S_d, detail::leptons::loop_table_scalars(s));
}
inline MuEQuarkBoxes mu_e_quark_boxes(const Model& m, const LeptonSector& s, const detail::leptons::LoopTable& T) {
  return mu_e_quark_boxes(s, m.couplings().yu(0), m.couplings().yd(0), m.spectrum().m_S_u, m.spectrum().m_S_d, T);
}
inline MuEQuarkBoxes mu_e_quark_boxes(const Model& m, const LeptonSector& s) {
  return mu_e_quark_boxes(m, s, detail::leptons::loop_table_scalars(s));
}

/// Conversion rate normalised to the muon capture rate, KKO eq. (14) in their normalisation
///   L_KKO = -(4G_F/√2) m_μ A_R^K μ̄σ^{μν}P_L e F_μν - (G_F/√2) Σ_q g_LV(q) ēγ^μP_Lμ q̄γ_μq + (L↔R) + h.c.,
/// matched to ours: A_R^K* = -e A_R(e,μ)/(4√2 G_F);  g_XV(q) = -(√2/G_F) C_X^q with
///   C_X^q = -e^2 Q_q AND_X(e,μ) - 4√2 G_F FZ_X(e,μ) (g_L^q + g_R^q)/2 + (quark box C_X^q).
///   ω = 2 G_F^2 m_μ^5 (|A_R^K* D + g̃_LV^p V^p + g̃_LV^n V^n|^2 + (L↔R)),
///   g̃^p = 2 g(u) + g(d),  g̃^n = g(u) + 2 g(d).
/// The nucleus-independent parts of ω (same formula): for X = L (outgoing e_L, index 0) and R (1),
/// the dipole term A_R^K*-part a_X = -e A_(R,L)(e,μ)/(4√2 G_F) and g̃^p_X, g̃^n_X; and 2 G_F^2 m_μ^5.
struct MuEConversionCouplings {
  cplx dip[2], gp[2], gn[2];
  double norm = 0.0;  ///< 2 G_F^2 m_μ^5 [GeV^-3]
};
inline MuEConversionCouplings mu_e_conversion_couplings(const LeptonDipoles& d, const LeptonPenguins& p,
                                                        const MuEQuarkBoxes& box) noexcept {
  using namespace inputs::sm;
  const double e2 = 4.0 * pi * alpha_em_0, e = std::sqrt(e2);
  const double Qu = 2.0 / 3.0, Qd = -1.0 / 3.0;
  const double gVu = 0.5 - 4.0 / 3.0 * sin2_theta_W, gVd = -0.5 + 2.0 / 3.0 * sin2_theta_W;  // g_L^q + g_R^q
  const double gz = -4.0 * std::sqrt(2.0) * G_F;
  const double k = -std::sqrt(2.0) / G_F;
  const cplx A_dip[2] = {d.A_R(0, 1), d.A_L(0, 1)};
  const cplx AND[2] = {p.AND_L(0, 1), p.AND_R(0, 1)}, FZ[2] = {p.FZ_L(0, 1), p.FZ_R(0, 1)};
  const cplx Bu[2] = {box.CL_u, box.CR_u}, Bd[2] = {box.CL_d, box.CR_d};
  MuEConversionCouplings c;
  for (int X = 0; X < 2; ++X) {
    const cplx Cu = -e2 * Qu * AND[X] + gz * FZ[X] * gVu / 2.0 + Bu[X];
    const cplx Cd = -e2 * Qd * AND[X] + gz * FZ[X] * gVd / 2.0 + Bd[X];
    const cplx gu = k * Cu, gd = k * Cd;
    c.dip[X] = -e * A_dip[X] / (4.0 * std::sqrt(2.0) * G_F);
    c.gp[X] = 2.0 * gu + gd;
    c.gn[X] = gu + 2.0 * gd;
  }
  c.norm = 2.0 * G_F * G_F * std::pow(m_mu, 5);
  return c;
}

/// CR for one nucleus from the shared couplings (predict_leptons: one set for Al, Ti, Au).
inline double cr_mu_e(const MuEConversionCouplings& c, const inputs::leptons::Nucleus& n) noexcept {
  using namespace inputs::sm;
  const cplx XL = c.dip[0] * n.D + c.gp[0] * n.V_p + c.gn[0] * n.V_n;  // outgoing e_L
  const cplx XR = c.dip[1] * n.D + c.gp[1] * n.V_p + c.gn[1] * n.V_n;  // outgoing e_R
  const double omega = c.norm * (std::norm(XL) + std::norm(XR));      // [GeV]
  return omega / hbar_GeV_s / n.capture_rate_per_s;
}

inline double cr_mu_e(const LeptonDipoles& d, const LeptonPenguins& p, const inputs::leptons::Nucleus& n,
                      const MuEQuarkBoxes& box) noexcept {
  return cr_mu_e(mu_e_conversion_couplings(d, p, box), n);
}

/// Without the quark boxes (photon and Z penguins only).
inline double cr_mu_e(const LeptonDipoles& d, const LeptonPenguins& p, const inputs::leptons::Nucleus& n) noexcept {
  return cr_mu_e(d, p, n, MuEQuarkBoxes{});
}

/// Observable CR(μ–e, nucleus).
struct CRMuE {
  inputs::leptons::Nucleus nucleus = inputs::leptons::aluminium;
  double operator()(const Model& m) const {
    const auto s = lepton_sector(m);
    return cr_mu_e(lepton_dipoles(s), lepton_penguins(s), nucleus, mu_e_quark_boxes(m, s));
  }
  std::string name() const { return std::string("CR(mu-e,") + nucleus.name + ")"; }
  std::string unit() const { return ""; }
};

}  // namespace darkloops
