// SPDX-License-Identifier: MIT
// Coherent μ–e conversion in nuclei (Au, Ti, Al) with the Kitano–Koike–Okada overlap integrals
// (inputs/leptons.hpp): photon dipole (D) and non-dipole + Z-penguin vector couplings (V^(p,n)).
// Quark boxes through the leptoquark are not included (docs/physics.md §5.6).
#pragma once

#include <cmath>
#include <string>

#include "darkloops/inputs/leptons.hpp"
#include "darkloops/inputs/sm.hpp"
#include "darkloops/observables/lepton_amplitudes.hpp"
#include "darkloops/observables/lepton_sector.hpp"

namespace darkloops {

/// Conversion rate normalised to the muon capture rate, KKO eq. (14) in their normalisation
///   L_KKO = -(4G_F/√2) m_μ A_R^K μ̄σ^{μν}P_L e F_μν - (G_F/√2) Σ_q g_LV(q) ēγ^μP_Lμ q̄γ_μq + (L↔R) + h.c.,
/// matched to ours: A_R^K* = -e A_R(e,μ)/(4√2 G_F);  g_XV(q) = -(√2/G_F) C_X^q with
///   C_X^q = -e^2 Q_q AND_X(e,μ) - 4√2 G_F FZ_X(e,μ) (g_L^q + g_R^q)/2.
///   ω = 2 G_F^2 m_μ^5 (|A_R^K* D + g̃_LV^p V^p + g̃_LV^n V^n|^2 + (L↔R)),
///   g̃^p = 2 g(u) + g(d),  g̃^n = g(u) + 2 g(d).
inline double cr_mu_e(const LeptonDipoles& d, const LeptonPenguins& p, const inputs::leptons::Nucleus& n) noexcept {
  using namespace inputs::sm;
  const double e2 = 4.0 * pi * alpha_em_0, e = std::sqrt(e2);
  const double Qu = 2.0 / 3.0, Qd = -1.0 / 3.0;
  const double gVu = 0.5 - 4.0 / 3.0 * sin2_theta_W, gVd = -0.5 + 2.0 / 3.0 * sin2_theta_W;  // g_L^q + g_R^q
  const double gz = -4.0 * std::sqrt(2.0) * G_F;
  auto amp = [&](cplx A_dip, cplx AND, cplx FZ) {
    const cplx Cu = -e2 * Qu * AND + gz * FZ * gVu / 2.0;
    const cplx Cd = -e2 * Qd * AND + gz * FZ * gVd / 2.0;
    const double k = -std::sqrt(2.0) / G_F;
    const cplx gu = k * Cu, gd = k * Cd;
    return -e * A_dip / (4.0 * std::sqrt(2.0) * G_F) * n.D + (2.0 * gu + gd) * n.V_p + (gu + 2.0 * gd) * n.V_n;
  };
  const cplx XL = amp(d.A_R(0, 1), p.AND_L(0, 1), p.FZ_L(0, 1));  // outgoing e_L
  const cplx XR = amp(d.A_L(0, 1), p.AND_R(0, 1), p.FZ_R(0, 1));  // outgoing e_R
  const double m5 = std::pow(m_mu, 5);
  const double omega = 2.0 * G_F * G_F * m5 * (std::norm(XL) + std::norm(XR));  // [GeV]
  return omega / hbar_GeV_s / n.capture_rate_per_s;
}

/// Observable CR(μ–e, nucleus).
struct CRMuE {
  inputs::leptons::Nucleus nucleus = inputs::leptons::aluminium;
  double operator()(const Model& m) const {
    const auto s = lepton_sector(m);
    return cr_mu_e(lepton_dipoles(s), lepton_penguins(s), nucleus);
  }
  std::string name() const { return std::string("CR(mu-e,") + nucleus.name + ")"; }
  std::string unit() const { return ""; }
};

}  // namespace darkloops
