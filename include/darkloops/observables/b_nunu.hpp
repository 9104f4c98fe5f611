// SPDX-License-Identifier: MIT
// B -> K(*) nu nubar: C_L^{ij} (NP) per neutrino pair from the S_d–N–(R_k, I_k) boxes, direct AND
// Majorana-crossed, and R_K^nunu, R_K*^nunu normalised to the SM. docs/physics.md <!-- bsll --> §B6.
//   H_eff = -(4G_F/sqrt2) V_tb V_ts^* (alpha/4pi) sum_ij [C_L^ij (sbar γ_μ P_L b)(nubar_i γ^μ(1-γ5) nu_j)
//                                                        + C_R^ij (sbar γ_μ P_R b)(...)],
// alpha = alpha_em(M_Z) (the normalisation in which C_L^SM = -X_t/sin^2 theta_W, MS-bar at M_Z).
#pragma once

#include <array>
#include <cmath>
#include <string>

#include "darkloops/inputs/flavour.hpp"
#include "darkloops/inputs/sm.hpp"
#include "darkloops/model/model.hpp"
#include "darkloops/observables/wilson_bsll.hpp"

namespace darkloops::bsll {

/// C_L^SM = -X_t / sin^2 theta_W (Buras et al. 1409.4557 eq. (2.4); X_t of Brod et al.).
inline double C_L_SM() { return -inputs::flavour::X_t / inputs::sm::sin2_theta_W; }

/// Majorana box values for the four neutral scalars (R_0, R_1, I_0, I_1). Scalars whose squared
/// masses agree to 1e-10 (relative) share one evaluation — e.g. R_k and I_k, split by
/// lambda5 v^2 ~ 1e-11 m^2 at the paper's benchmark; the error is below 1e-10 of B's natural
/// size |D00| (B is smooth in m^2 on the scale m^2), far below every other approximation here.
inline Eigen::Vector4d neutral_boxes(const Model& m) {
  const auto& s = m.spectrum();
  const double M2 = s.M_N * s.M_N, mS2 = s.m_S_d * s.m_S_d;
  const std::array<double, 4> m2{s.m2_R(0), s.m2_R(1), s.m2_I(0), s.m2_I(1)};
  Eigen::Vector4d B;
  for (int k = 0; k < 4; ++k) {
    int same = -1;
    for (int j = 0; j < k && same < 0; ++j)
      if (std::abs(m2[static_cast<std::size_t>(j)] - m2[static_cast<std::size_t>(k)]) <= 1e-10 * m2[static_cast<std::size_t>(k)]) same = j;
    B(k) = same >= 0 ? B(same) : majorana_box(M2, mS2, m2[static_cast<std::size_t>(k)]);
  }
  return B;
}

/// C_L^{ij} (NP), i, j = nu_e, nu_mu, nu_tau (eq. (B6.2)):  C_L^ij = 2 pi X_L^ij/(alpha(M_Z) N),
/// X_L^ij = y_s y_b^* sum_k n(i,k)^* n(j,k) B(M^2; m_S^2, m_k^2)/(16 pi^2), k over R_0, R_1, I_0, I_1.
/// C_R = 0 (S couples only to q_L).
inline Matrix3c C_L_nunu(const Model& m, const Eigen::Vector4d& B) {
  const auto& c = m.couplings();
  Eigen::Matrix<cplx, 3, 4> n;
  n << c.nR, c.nI;
  const Eigen::Matrix<cplx, 3, 4> none = Eigen::Matrix<cplx, 3, 4>::Zero();
  const cplx f = 2.0 * pi / (inputs::sm::alpha_em_MZ * eft_prefactor());
  Matrix3c CL;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      CL(i, j) = f * semileptonic_box(c.yd(1), c.yd(2), n.row(i), n.row(j), none.row(i), none.row(j), B).X_L;
  return CL;
}
inline Matrix3c C_L_nunu(const Model& m) { return C_L_nunu(m, neutral_boxes(m)); }

/// R_K^nunu and R_K*^nunu (Buras et al. 1409.4557 eqs. (3.5)-(3.7)) summed over neutrino flavours:
///   eps^2 = sum_ij (|C_L^SM δ_ij + C_L^ij|^2 + |C_R^ij|^2) / (3 |C_L^SM|^2),
///   eta = -sum_ij Re[(C_L^SM δ_ij + C_L^ij) C_R^ij*] / sum_ij (|C_L^SM δ_ij + C_L^ij|^2 + |C_R^ij|^2),
///   R_K = (1 - 2 eta) eps^2,  R_K* = (1 + kappa_eta eta) eps^2.
struct NunuRatios {
  double R_K = 1.0, R_Kstar = 1.0;
};
inline NunuRatios nunu_ratios(const Matrix3c& CL_NP, const Matrix3c& CR_NP = Matrix3c::Zero()) {
  const double sm = C_L_SM();
  double num = 0.0, mix = 0.0;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      const cplx L = CL_NP(i, j) + (i == j ? sm : 0.0);
      num += std::norm(L) + std::norm(CR_NP(i, j));
      mix += (L * std::conj(CR_NP(i, j))).real();
    }
  const double eps2 = num / (3.0 * sm * sm);
  const double eta = -mix / num;
  return {(1.0 - 2.0 * eta) * eps2, (1.0 + inputs::flavour::kappa_eta * eta) * eps2};
}

// ---------------------------------------------------------------------------- functors
/// C_L^{ij} (NP) of b -> s nu_i nubar_j ("CL_bsnuinuj", i,j = 0,1,2 for e, mu, tau).
struct C_L {
  int i = 1, j = 1;
  cplx operator()(const Model& m) const { return C_L_nunu(m)(i, j); }
  std::string name() const {
    static constexpr const char* f[] = {"e", "mu", "tau"};
    return std::string("CL_bsnu") + f[i] + "nu" + f[j];
  }
  std::string unit() const { return ""; }
};
struct R_K_nunu {
  double operator()(const Model& m) const { return nunu_ratios(C_L_nunu(m)).R_K; }
  std::string name() const { return "R_K^nunu"; }
  std::string unit() const { return ""; }
};
struct R_Kstar_nunu {
  double operator()(const Model& m) const { return nunu_ratios(C_L_nunu(m)).R_Kstar; }
  std::string name() const { return "R_K*^nunu"; }
  std::string unit() const { return ""; }
};

}  // namespace darkloops::bsll
