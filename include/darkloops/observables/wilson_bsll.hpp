// SPDX-License-Identifier: MIT
// b -> s l l Wilson coefficients (new physics only): boxes with S_d = S^{-1/3}, the Majorana N
// and the charged dark scalars H_k (direct AND Majorana-crossed), the photon penguin and the
// Z penguin. Derivations: docs/physics.md <!-- bsll --> §B1-§B4; amplitude-level check:
// tests/test_obs_bsll_amplitude.cpp.
//   H_eff = -(4G_F/sqrt2) V_tb V_ts^* (e^2/16pi^2) sum_i C_i O_i,
//   O9 = (sbar gamma_mu P_L b)(lbar gamma^mu l), O10 = (sbar gamma_mu P_L b)(lbar gamma^mu gamma5 l),
//   O9',O10' with P_L -> P_R on the quark current.
// Matching scale mu = M_N (C9, C10 do not run under QCD at this order); the e^2 of the
// normalisation is alpha_em(m_b) = 1/133 (inputs::sm::alpha_em_mb), the convention of the
// global fits the paper compares with ([P] ref. [3]).
#pragma once

#include <array>
#include <complex>
#include <string>

#include "darkloops/core/types.hpp"
#include "darkloops/inputs/sm.hpp"
#include "darkloops/loop/dimensionless.hpp"
#include "darkloops/loop/zero_momentum.hpp"
#include "darkloops/model/model.hpp"

namespace darkloops::bsll {

/// Charged-lepton flavour index (0, 1, 2 = e, mu, tau), as in Couplings::cL(alpha, k).
enum class Lepton : int { e = 0, mu = 1, tau = 2 };

inline constexpr double Q_Sd = -1.0 / 3.0;   ///< electric charge of S^{-1/3} (= that of d_L)
inline constexpr double Q_lepton = -1.0;     ///< electric charge of l^-

/// Normalisation (4 G_F/sqrt2) V_tb V_ts^* [GeV^-2] of every b->s effective Hamiltonian here.
inline cplx eft_prefactor() { return 4.0 * inputs::sm::G_F / std::sqrt(2.0) * inputs::sm::lambda_t(); }

/// Majorana box combination at zero external momenta [GeV^-2]:
///   B(M^2; m1^2, m2^2) = D00 + (M^2/2) D0,  both at masses (M^2, M^2, m1^2, m2^2)
///   = -(F + 2G)(m1^2/M^2, m2^2/M^2) / (4 M^2)   (docs/physics.md §B1, eq. (B1.7)).
/// D00 is the direct (k-slash k-slash) part, (M^2/2) D0 the Majorana-crossed one (mass insertions).
/// Vanishes at m1 = m2 = M (the B_s-mixing cancellation). Arguments squared masses [GeV^2].
inline double majorana_box(double M2, double m12, double m22) noexcept {
  return loop::zero::D00(M2, M2, m12, m22) + 0.5 * M2 * loop::zero::D0(M2, M2, m12, m22);
}

/// Box part of the semileptonic effective Lagrangian for b -> s l_i^- l_j^+ (also nu_i nubar_j):
///   L_eff ⊃ X_L (sbar gamma^mu P_L b)(lbar_i gamma_mu P_L l_j) + X_R (sbar gamma^mu P_L b)(lbar_i gamma_mu P_R l_j)
/// for  -L ⊃ y(q) dbar_q P_R N S_d + Nbar (a(l,k) P_L + c(l,k) P_R) l H_k + h.c.  with scalars H_k
/// (complex or real) of squared masses m2[k]:
///   X_L =  y_s y_b^* sum_k a(i,k)^* a(j,k) B(M^2; m_S^2, m_k^2) / (16 pi^2)
///   X_R = -y_s y_b^* sum_k c(i,k)^* c(j,k) B(M^2; m_S^2, m_k^2) / (16 pi^2)     (eqs. (B1.8)-(B1.9)).
/// `a_i`, `a_j`, `c_i`, `c_j` are the rows (over k) of the couplings of l_i, l_j; B_k the
/// precomputed majorana_box values (so callers share them between flavours).
struct SemileptonicBox {
  cplx X_L{0.0}, X_R{0.0};  ///< [GeV^-2]
};
template <class RowA, class RowB, class RowC, class RowD, class VecB>
inline SemileptonicBox semileptonic_box(cplx y_s, cplx y_b, const RowA& a_i, const RowB& a_j,
                                        const RowC& c_i, const RowD& c_j, const VecB& B_k) {
  cplx sL = 0.0, sR = 0.0;
  for (Eigen::Index k = 0; k < B_k.size(); ++k) {
    sL += std::conj(a_i(k)) * a_j(k) * B_k(k);
    sR += std::conj(c_i(k)) * c_j(k) * B_k(k);
  }
  const cplx pre = y_s * std::conj(y_b) / (16.0 * pi * pi);
  return {pre * sL, -pre * sR};
}

/// C9, C10, C9', C10' of one lepton flavour.
struct SemileptonicWC {
  cplx C9{0.0}, C10{0.0}, C9p{0.0}, C10p{0.0};
};

/// Convert L_eff ⊃ X_L (sbar γ P_L b)(lbar γ P_L l) + X_R (sbar γ P_L b)(lbar γ P_R l) to C9, C10:
/// C9 = 2 pi (X_L + X_R)/(alpha N), C10 = 2 pi (X_R - X_L)/(alpha N), N = eft_prefactor() (eq. (B1.10)).
inline SemileptonicWC to_C9_C10(const SemileptonicBox& X, double alpha = inputs::sm::alpha_em_mb) {
  const cplx f = 2.0 * pi / (alpha * eft_prefactor());
  return {f * (X.X_L + X.X_R), f * (X.X_R - X.X_L), cplx(0.0), cplx(0.0)};
}

/// Majorana box values B(M^2; m_S^2, m_{H_k}^2), k = 0..2, of a model.
inline Eigen::Vector3d charged_boxes(const Model& m) {
  const auto& s = m.spectrum();
  const double M2 = s.M_N * s.M_N, mS2 = s.m_S_d * s.m_S_d;
  Eigen::Vector3d B;
  for (int k = 0; k < 3; ++k) B(k) = majorana_box(M2, mS2, s.m_H(k) * s.m_H(k));
  return B;
}

/// Box contributions to C9, C10 (C9' = C10' = 0: S couples only to q_L) for lepton l,
/// given the precomputed charged_boxes(m).
inline SemileptonicWC box_wilson(const Model& m, Lepton l, const Eigen::Vector3d& B) {
  const auto& c = m.couplings();
  const int a = static_cast<int>(l);
  const auto X = semileptonic_box(c.yd(1), c.yd(2), c.cL.row(a), c.cL.row(a), c.cR.row(a), c.cR.row(a), B);
  return to_C9_C10(X);
}
inline SemileptonicWC box_wilson(const Model& m, Lepton l) { return box_wilson(m, l, charged_boxes(m)); }

/// Photon penguin (flavour universal, C10 = 0), photon on S_d (docs §B2, eq. (B2.6)):
///   C9^gamma = Q_S Q_l y_s y_b^* G2p(M_N^2/m_S^2) / (6 m_S^2 N),   Q_S Q_l = +1/3.
/// (e^2 cancels: no alpha dependence.)
inline cplx photon_penguin_C9(const Model& m) {
  const auto& s = m.spectrum();
  const auto& c = m.couplings();
  const double mS2 = s.m_S_d * s.m_S_d;
  const double g2p = loop::penguin_G2p(s.M_N * s.M_N / mS2);
  return Q_Sd * Q_lepton * c.yd(1) * std::conj(c.yd(2)) * g2p / (6.0 * mS2 * eft_prefactor());
}

/// Z penguin: identically zero at O(1/M^2) in this model — S_d carries exactly the Z charge of
/// d_L and N is a singlet, so the vertex and external-leg diagrams cancel at q^2 = 0 (docs §B3);
/// the q^2-dependent remainder is O(m_b^2/M_Z^2) x photon-penguin size and is neglected.
inline cplx Z_penguin_C9(const Model&) { return cplx(0.0); }
inline cplx Z_penguin_C10(const Model&) { return cplx(0.0); }

/// All four coefficients of lepton l (boxes + photon penguin + Z penguin).
inline SemileptonicWC wilson_bsll(const Model& m, Lepton l) {
  SemileptonicWC w = box_wilson(m, l);
  w.C9 += photon_penguin_C9(m) + Z_penguin_C9(m);
  w.C10 += Z_penguin_C10(m);
  return w;
}

namespace detail {
inline std::string lepton_name(Lepton l) {
  static constexpr std::array<const char*, 3> n{"ee", "mumu", "tautau"};
  return n[static_cast<std::size_t>(l)];
}
}  // namespace detail

// ---------------------------------------------------------------------------- functors
/// C9 (NP) of b -> s l l, total (boxes + penguins). Name as in WCxf/flavio: "C9_bsmumu".
struct C9 {
  Lepton lepton = Lepton::mu;
  cplx operator()(const Model& m) const { return wilson_bsll(m, lepton).C9; }
  std::string name() const { return "C9_bs" + detail::lepton_name(lepton); }
  std::string unit() const { return ""; }
};
struct C10 {
  Lepton lepton = Lepton::mu;
  cplx operator()(const Model& m) const { return wilson_bsll(m, lepton).C10; }
  std::string name() const { return "C10_bs" + detail::lepton_name(lepton); }
  std::string unit() const { return ""; }
};
/// C9' (right-handed quark current): zero at one loop here (S couples only to q_L).
struct C9p {
  Lepton lepton = Lepton::mu;
  cplx operator()(const Model& m) const { return wilson_bsll(m, lepton).C9p; }
  std::string name() const { return "C9p_bs" + detail::lepton_name(lepton); }
  std::string unit() const { return ""; }
};
struct C10p {
  Lepton lepton = Lepton::mu;
  cplx operator()(const Model& m) const { return wilson_bsll(m, lepton).C10p; }
  std::string name() const { return "C10p_bs" + detail::lepton_name(lepton); }
  std::string unit() const { return ""; }
};
/// Box-only parts (lepton-flavour specific).
struct C9_box {
  Lepton lepton = Lepton::mu;
  cplx operator()(const Model& m) const { return box_wilson(m, lepton).C9; }
  std::string name() const { return "C9_box_bs" + detail::lepton_name(lepton); }
  std::string unit() const { return ""; }
};
struct C10_box {
  Lepton lepton = Lepton::mu;
  cplx operator()(const Model& m) const { return box_wilson(m, lepton).C10; }
  std::string name() const { return "C10_box_bs" + detail::lepton_name(lepton); }
  std::string unit() const { return ""; }
};
/// Photon-penguin C9 (flavour universal).
struct C9_gamma {
  cplx operator()(const Model& m) const { return photon_penguin_C9(m); }
  std::string name() const { return "C9_gamma_bsll"; }
  std::string unit() const { return ""; }
};
/// Z-penguin C9 (zero at this order; kept so analyses can list it explicitly).
struct C9_Z {
  cplx operator()(const Model& m) const { return Z_penguin_C9(m); }
  std::string name() const { return "C9_Z_bsll"; }
  std::string unit() const { return ""; }
};

}  // namespace darkloops::bsll
