// SPDX-License-Identifier: MIT
// b -> s gamma / b -> s g dipoles (NP) from the S_d–N loop and BR(B -> X_s gamma), E_gamma > 1.6 GeV.
// Derivation: docs/physics.md <!-- bsll --> §B5. Convention: D_mu = d_mu + i e Q A_mu + i g_s T^a G^a_mu
// (the one in which C7^SM, C8^SM < 0), H_eff = -(4G_F/sqrt2) V_tb V_ts^* sum C_i O_i with
//   O7 = (e/16pi^2) m_b (sbar sigma^{mu nu} P_R b) F_{mu nu},  O8 = (g_s/16pi^2) m_b (sbar sigma T^a P_R b) G^a,
//   O7', O8' with P_R -> P_L (still normalised to m_b).
// Matching at mu = M_N; LO QCD running to mu0 = 160 GeV for the Misiak–Steinhauser slopes.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>

#include "darkloops/inputs/flavour.hpp"
#include "darkloops/inputs/sm.hpp"
#include "darkloops/loop/dimensionless.hpp"
#include "darkloops/model/model.hpp"
#include "darkloops/observables/wilson_bsll.hpp"

namespace darkloops::bsll {

struct Dipoles {
  cplx C7{0.0}, C8{0.0}, C7p{0.0}, C8p{0.0};
};

/// Dipoles at the matching scale mu = M_N (eq. (B5.5)):
///   C8 = y_s y_b^* F2(t)/(4 m_S^2 N),  C7 = Q_S C8 = -C8/3,  t = M_N^2/m_S^2,
///   C7' = (m_s/m_b) C7, C8' = (m_s/m_b) C8  (mass insertion on the s leg; O7' normalised to m_b).
inline Dipoles dipoles(const Model& m) {
  const auto& s = m.spectrum();
  const auto& c = m.couplings();
  const double mS2 = s.m_S_d * s.m_S_d;
  const cplx c8 = c.yd(1) * std::conj(c.yd(2)) * loop::dipole_F2(s.M_N * s.M_N / mS2) / (4.0 * mS2 * eft_prefactor());
  const double r = inputs::sm::m_s_2GeV / inputs::sm::m_b_mb;
  return {Q_Sd * c8, c8, r * Q_Sd * c8, r * c8};
}

namespace detail {
/// One-loop alpha_s(mu) from alpha_s(M_Z) with n_f = 5, switching to n_f = 6 above the top pole mass.
inline double alpha_s_1loop(double mu) {
  using namespace inputs::sm;
  auto run = [](double a0, double mu0, double mu1, double nf) {
    const double b0 = 11.0 - 2.0 * nf / 3.0;
    return a0 / (1.0 + a0 * b0 / (2.0 * pi) * std::log(mu1 / mu0));
  };
  if (mu <= m_t_pole) return run(alpha_s_MZ, M_Z, mu, 5.0);
  return run(run(alpha_s_MZ, M_Z, m_t_pole, 5.0), m_t_pole, mu, 6.0);
}
/// LO running of (C7, C8) between mu_hi and mu_lo for n_f flavours (Buras et al., hep-ph/9311345):
/// written with a7 = gamma77/(2 b0), a8 = gamma88/(2 b0), gamma77 = 32/3,
/// gamma88 = 28/3, gamma87 = -32/9 (=> C7(lo) = eta^a7 C7 + (8/3)(eta^a8 - eta^a7) C8), eta = as(hi)/as(lo).
inline void run_dipoles_segment(cplx& C7, cplx& C8, double mu_hi, double mu_lo, double nf) {
  if (mu_hi <= mu_lo) return;
  const double b0 = 11.0 - 2.0 * nf / 3.0;
  const double eta = alpha_s_1loop(mu_hi) / alpha_s_1loop(mu_lo);
  const double e7 = std::pow(eta, (32.0 / 3.0) / (2.0 * b0)), e8 = std::pow(eta, (28.0 / 3.0) / (2.0 * b0));
  C7 = e7 * C7 + (8.0 / 3.0) * (e8 - e7) * C8;
  C8 = e8 * C8;
}
}  // namespace detail

/// Dipoles run at LO from mu = max(M_N, mu0) down to mu0 = 160 GeV (n_f = 6 above m_t, 5 below).
inline Dipoles run_to_mu0(Dipoles d, double M_N) {
  const double mu_hi = std::max(M_N, inputs::flavour::bsgamma_mu0);
  const double mt = inputs::sm::m_t_pole, mu0 = inputs::flavour::bsgamma_mu0;
  auto run = [&](cplx& C7, cplx& C8) {
    detail::run_dipoles_segment(C7, C8, mu_hi, std::max(mt, mu0), 6.0);
    detail::run_dipoles_segment(C7, C8, std::min(mu_hi, mt), mu0, 5.0);
  };
  run(d.C7, d.C8);
  run(d.C7p, d.C8p);
  return d;
}
inline Dipoles dipoles_at_mu0(const Model& m) { return run_to_mu0(dipoles(m), m.spectrum().M_N); }

/// BR(B -> X_s gamma), E_gamma > 1.6 GeV, SM + NP (eq. (B5.8)): the SM central value of
/// Misiak–Rehman–Steinhauser 2020 plus the linear NP dependence of Misiak–Steinhauser 2017,
///   BR = BR_SM - 8.22e-4 Re C7^NP(mu0) - 1.99e-4 Re C8^NP(mu0)
/// (primed dipoles enter quadratically, |C7'|^2 ~ (m_s/m_b)^2 |C7|^2: neglected).
inline double BR_bsgamma_value(const Dipoles& d_mu0) {
  using namespace inputs::flavour;
  return BR_bsgamma_SM + bsgamma_slope_C7 * d_mu0.C7.real() + bsgamma_slope_C8 * d_mu0.C8.real();
}

// ---------------------------------------------------------------------------- functors
/// C7^NP at mu = M_N ("C7_bs").
struct C7 {
  cplx operator()(const Model& m) const { return dipoles(m).C7; }
  std::string name() const { return "C7_bs"; }
  std::string unit() const { return ""; }
};
struct C8 {
  cplx operator()(const Model& m) const { return dipoles(m).C8; }
  std::string name() const { return "C8_bs"; }
  std::string unit() const { return ""; }
};
struct C7p {
  cplx operator()(const Model& m) const { return dipoles(m).C7p; }
  std::string name() const { return "C7p_bs"; }
  std::string unit() const { return ""; }
};
struct C8p {
  cplx operator()(const Model& m) const { return dipoles(m).C8p; }
  std::string name() const { return "C8p_bs"; }
  std::string unit() const { return ""; }
};
/// BR(B -> X_s gamma) for E_gamma > 1.6 GeV, SM + NP.
struct BR_bsgamma {
  double operator()(const Model& m) const { return BR_bsgamma_value(dipoles_at_mu0(m)); }
  std::string name() const { return "BR(B->Xs gamma)"; }
  std::string unit() const { return ""; }
};

}  // namespace darkloops::bsll
