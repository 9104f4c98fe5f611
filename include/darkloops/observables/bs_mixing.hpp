// SPDX-License-Identifier: MIT
// B_s – B_s-bar mixing: the NP Delta B = 2 coefficient from the S_d–N boxes (direct AND
// Majorana-crossed) and Delta M_s / Delta M_s^SM. docs/physics.md <!-- bsll --> §B7.
//   H_eff^{ΔB=2} = C1 (sbar γ_μ P_L b)(sbar γ^μ P_L b) + h.c.
#pragma once

#include <cmath>
#include <string>

#include "darkloops/inputs/flavour.hpp"
#include "darkloops/inputs/sm.hpp"
#include "darkloops/model/model.hpp"
#include "darkloops/observables/b_dipoles.hpp"
#include "darkloops/observables/wilson_bsll.hpp"

namespace darkloops::bsll {

/// C1^NP [GeV^-2] at mu = M_N (eq. (B7.3)):
///   C1 = -(y_s y_b^*)^2 B(M^2; m_S^2, m_S^2)/(32 pi^2) = (y_s y_b^*)^2 (F + 2G)(x_S, x_S)/(128 pi^2 M^2),
/// zero at m_S = M_N (the Majorana cancellation).
inline cplx C1_Bs_value(cplx y_s, cplx y_b, double M_N, double m_S) {
  const cplx yy = y_s * std::conj(y_b);
  return -yy * yy * majorana_box(M_N * M_N, m_S * m_S, m_S * m_S) / (32.0 * pi * pi);
}
inline cplx C1_Bs_NP(const Model& m) {
  return C1_Bs_value(m.couplings().yd(1), m.couplings().yd(2), m.spectrum().M_N, m.spectrum().m_S_d);
}

/// Inami–Lim S0(x) (Inami, Lim, PTP 65 (1981) 297; as in Buchalla, Buras, Lautenbacher, RMP 68 (1996) 1125).
inline double inami_lim_S0(double x) {
  const double d = 1.0 - x;
  return (4.0 * x - 11.0 * x * x + x * x * x) / (4.0 * d * d) - 3.0 * x * x * x * std::log(x) / (2.0 * d * d * d);
}
/// C1^SM = G_F^2 M_W^2 (V_tb V_ts^*)^2 S0(m_t(m_t)^2/M_W^2)/(4 pi^2) [GeV^-2] at mu ~ m_t (LO, without
/// eta_B: the QCD factor below m_t and the matrix element are common to SM and NP and cancel in the ratio).
inline cplx C1_Bs_SM() {
  using namespace inputs::sm;
  const cplx lt = lambda_t();
  return G_F * G_F * M_W * M_W * lt * lt * inami_lim_S0(m_t_mt * m_t_mt / (M_W * M_W)) / (4.0 * pi * pi);
}

/// LO QCD running of C1 from mu = M_N down to m_t (n_f = 6): C1(m_t) = eta^{6/21} C1(M_N),
/// eta = alpha_s(M_N)/alpha_s(m_t) (gamma^(0) = 6 - 6/N_c = 4, beta0 = 7); 1 for M_N <= m_t.
inline double C1_running_to_mt(double M_N) {
  const double mt = inputs::sm::m_t_pole;
  if (M_N <= mt) return 1.0;
  return std::pow(detail::alpha_s_1loop(M_N) / detail::alpha_s_1loop(mt), 6.0 / 21.0);
}

/// Delta M_s / Delta M_s^SM = |1 + C1^NP(m_t)/C1^SM| (eq. (B7.4)).
inline double DeltaMs_ratio_value(cplx C1_NP_at_MN, double M_N) {
  return std::abs(1.0 + C1_running_to_mt(M_N) * C1_NP_at_MN / C1_Bs_SM());
}

// ---------------------------------------------------------------------------- functors
/// C1^NP of B_s mixing [GeV^-2].
struct C1_Bs {
  cplx operator()(const Model& m) const { return C1_Bs_NP(m); }
  std::string name() const { return "C1_bsbs"; }
  std::string unit() const { return "GeV^-2"; }
};
/// Delta M_s / Delta M_s^SM = |1 + C1^NP(m_t)/C1^SM| (NP run at LO from M_N to m_t).
struct DeltaMs_ratio {
  double operator()(const Model& m) const { return DeltaMs_ratio_value(C1_Bs_NP(m), m.spectrum().M_N); }
  std::string name() const { return "DeltaMs/DeltaMs_SM"; }
  std::string unit() const { return ""; }
};
/// Delta M_s [ps^-1] = Delta M_s^SM (inputs::flavour) x the ratio above.
struct DeltaMs {
  double operator()(const Model& m) const { return inputs::flavour::DeltaMs_SM_ps * DeltaMs_ratio{}(m); }
  std::string name() const { return "DeltaMs"; }
  std::string unit() const { return "ps^-1"; }
};

}  // namespace darkloops::bsll
