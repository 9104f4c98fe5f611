// SPDX-License-Identifier: MIT
// Coherent μ–e conversion in nuclei (Au, Ti, Al) with the Kitano–Koike–Okada overlap integrals
// (inputs/leptons.hpp): photon dipole (D) and non-dipole + Z-penguin vector couplings (V^(p,n)),
// plus the N–S–N–H_k quark boxes through the leptoquark (vector parts; docs/physics.md §5.6, §5.10).
#pragma once

#include <cmath>
#include <string>

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
/// and q̄γP_L q = ½ q̄γq + (axial):  C_X^q = X_X^q / 2.  y_d = Couplings::yd(0) (S^{-1/3}),
/// y_u = Couplings::yu(0) (S^{2/3}, CKM included).
inline MuEQuarkBoxes mu_e_quark_boxes(const LeptonSector& s, cplx y_u, cplx y_d, double m_S_u, double m_S_d) {
  const double M2 = s.M_N * s.M_N;
  auto quark = [&](cplx y, double m_S) {
    if (y == cplx(0.0)) return bsll::SemileptonicBox{};  // skip the loop functions (e.g. y_d at Y_S1 = 0)
    Eigen::Vector3d B;
    for (int k = 0; k < 3; ++k) B(k) = bsll::majorana_box(M2, m_S * m_S, s.m_H(k) * s.m_H(k));
    return bsll::semileptonic_box(y, y, s.cL.row(0), s.cL.row(1), s.cR.row(0), s.cR.row(1), B);
  };
  const auto Xu = quark(y_u, m_S_u), Xd = quark(y_d, m_S_d);
  return {0.5 * Xu.X_L, 0.5 * Xu.X_R, 0.5 * Xd.X_L, 0.5 * Xd.X_R};
}
inline MuEQuarkBoxes mu_e_quark_boxes(const Model& m, const LeptonSector& s) {
  return mu_e_quark_boxes(s, m.couplings().yu(0), m.couplings().yd(0), m.spectrum().m_S_u, m.spectrum().m_S_d);
}

/// Conversion rate normalised to the muon capture rate, KKO eq. (14) in their normalisation
///   L_KKO = -(4G_F/√2) m_μ A_R^K μ̄σ^{μν}P_L e F_μν - (G_F/√2) Σ_q g_LV(q) ēγ^μP_Lμ q̄γ_μq + (L↔R) + h.c.,
/// matched to ours: A_R^K* = -e A_R(e,μ)/(4√2 G_F);  g_XV(q) = -(√2/G_F) C_X^q with
///   C_X^q = -e^2 Q_q AND_X(e,μ) - 4√2 G_F FZ_X(e,μ) (g_L^q + g_R^q)/2 + (quark box C_X^q).
///   ω = 2 G_F^2 m_μ^5 (|A_R^K* D + g̃_LV^p V^p + g̃_LV^n V^n|^2 + (L↔R)),
///   g̃^p = 2 g(u) + g(d),  g̃^n = g(u) + 2 g(d).
inline double cr_mu_e(const LeptonDipoles& d, const LeptonPenguins& p, const inputs::leptons::Nucleus& n,
                      const MuEQuarkBoxes& box) noexcept {
  using namespace inputs::sm;
  const double e2 = 4.0 * pi * alpha_em_0, e = std::sqrt(e2);
  const double Qu = 2.0 / 3.0, Qd = -1.0 / 3.0;
  const double gVu = 0.5 - 4.0 / 3.0 * sin2_theta_W, gVd = -0.5 + 2.0 / 3.0 * sin2_theta_W;  // g_L^q + g_R^q
  const double gz = -4.0 * std::sqrt(2.0) * G_F;
  auto amp = [&](cplx A_dip, cplx AND, cplx FZ, cplx Bu, cplx Bd) {
    const cplx Cu = -e2 * Qu * AND + gz * FZ * gVu / 2.0 + Bu;
    const cplx Cd = -e2 * Qd * AND + gz * FZ * gVd / 2.0 + Bd;
    const double k = -std::sqrt(2.0) / G_F;
    const cplx gu = k * Cu, gd = k * Cd;
    return -e * A_dip / (4.0 * std::sqrt(2.0) * G_F) * n.D + (2.0 * gu + gd) * n.V_p + (gu + 2.0 * gd) * n.V_n;
  };
  const cplx XL = amp(d.A_R(0, 1), p.AND_L(0, 1), p.FZ_L(0, 1), box.CL_u, box.CL_d);  // outgoing e_L
  const cplx XR = amp(d.A_L(0, 1), p.AND_R(0, 1), p.FZ_R(0, 1), box.CR_u, box.CR_d);  // outgoing e_R
  const double m5 = std::pow(m_mu, 5);
  const double omega = 2.0 * G_F * G_F * m5 * (std::norm(XL) + std::norm(XR));  // [GeV]
  return omega / hbar_GeV_s / n.capture_rate_per_s;
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
