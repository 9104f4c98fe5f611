// SPDX-License-Identifier: MIT
// Standard-Model inputs as named constexpr values, GeV units unless the name says otherwise.
// Source and edition of each value are in its comment; PDG = R.L. Workman et al. (Particle
// Data Group), PTEP 2022, 083C01 ("PDG 2022"), the edition contemporary with the paper.
#pragma once

#include <Eigen/Dense>
#include <cmath>
#include <complex>

namespace darkloops::inputs::sm {

// ---- couplings
inline constexpr double G_F = 1.1663788e-5;               ///< Fermi constant [GeV^-2], PDG 2022 (MuLan)
inline constexpr double alpha_em_0 = 1.0 / 137.035999084; ///< fine-structure constant at q^2 = 0, CODATA 2018 / PDG 2022
inline constexpr double alpha_em_MZ = 1.0 / 127.951;      ///< MS-bar alpha(M_Z), PDG 2022 (EW review)
inline constexpr double alpha_em_mb = 1.0 / 133.0;        ///< alpha_em at mu ~ m_b used in b->sll fits (flavio/Altmannshofer-Straub convention)
inline constexpr double alpha_s_MZ = 0.1179;              ///< strong coupling at M_Z, PDG 2022 world average
inline constexpr double sin2_theta_W = 0.23121;           ///< MS-bar sin^2 theta_W(M_Z), PDG 2022

// ---- masses [GeV]
inline constexpr double M_Z = 91.1876;          ///< Z mass, PDG 2022
inline constexpr double M_W = 80.377;           ///< W mass, PDG 2022 world average
inline constexpr double m_h = 125.25;           ///< Higgs mass, PDG 2022
inline constexpr double m_e = 0.51099895000e-3; ///< electron mass, PDG 2022
inline constexpr double m_mu = 0.1056583755;    ///< muon mass, PDG 2022
inline constexpr double m_tau = 1.77686;        ///< tau mass, PDG 2022
inline constexpr double m_t_pole = 172.69;      ///< top pole mass (direct measurements), PDG 2022
inline constexpr double m_t_mt = 162.5;         ///< MS-bar m_t(m_t), PDG 2022 (from the cross-section mass 162.5 +2.1 -1.5)
inline constexpr double m_b_mb = 4.18;          ///< MS-bar m_b(m_b), PDG 2022
inline constexpr double m_c_mc = 1.27;          ///< MS-bar m_c(m_c), PDG 2022
inline constexpr double m_s_2GeV = 0.0934;      ///< MS-bar m_s(2 GeV), PDG 2022
inline constexpr double m_Bs = 5.36692;         ///< B_s mass, PDG 2022
inline constexpr double m_B = 5.27934;          ///< B+ mass, PDG 2022

/// Electroweak vev v = (sqrt2 G_F)^(-1/2) = 246.2196 GeV (tree-level relation; the paper's "v ≈ 246 GeV").
inline constexpr double v = 246.21964023926205;
inline double v_GeV() { return 1.0 / std::sqrt(std::sqrt(2.0) * G_F); }

// ---- lifetimes and conversions
inline constexpr double hbar_GeV_s = 6.582119569e-25; ///< hbar [GeV s], CODATA 2018 / PDG 2022
inline constexpr double tau_mu_s = 2.1969811e-6;      ///< muon lifetime [s], PDG 2022
inline constexpr double tau_tau_s = 290.3e-15;        ///< tau lifetime [s], PDG 2022
inline constexpr double BR_tau_e_nu_nu = 0.1782;      ///< BR(tau -> e nu nu), PDG 2022
inline constexpr double BR_tau_mu_nu_nu = 0.1739;     ///< BR(tau -> mu nu nu), PDG 2022
inline constexpr double hbar_GeV_ps = 6.582119569e-13; ///< hbar [GeV ps]

// ---- CKM, Wolfenstein parameters (PDG 2022, CKM review, global fit)
inline constexpr double ckm_lambda = 0.22500;
inline constexpr double ckm_A = 0.826;
inline constexpr double ckm_rhobar = 0.159;
inline constexpr double ckm_etabar = 0.348;

/// The CKM matrix in the PDG standard parametrisation, built from the Wolfenstein parameters
/// above exactly (unitary to machine precision): s12 = lambda, s23 = A lambda^2,
/// s13 e^{i delta} = A lambda^3 (rhobar + i etabar) sqrt(1 - A^2 lambda^4) /
/// (sqrt(1 - lambda^2) [1 - A^2 lambda^4 (rhobar + i etabar)])  (PDG 2022, eq. 12.4).
inline Eigen::Matrix3cd ckm() {
  using c = std::complex<double>;
  const double l = ckm_lambda, A = ckm_A;
  const double s12 = l, s23 = A * l * l;
  const c rhoeta(ckm_rhobar, ckm_etabar);
  const c s13e = A * l * l * l * rhoeta * std::sqrt(1.0 - A * A * l * l * l * l) /
                 (std::sqrt(1.0 - l * l) * (1.0 - A * A * l * l * l * l * rhoeta));
  const double s13 = std::abs(s13e);
  const double delta = std::arg(s13e);
  const double c12 = std::sqrt(1 - s12 * s12), c23 = std::sqrt(1 - s23 * s23), c13 = std::sqrt(1 - s13 * s13);
  const c e(std::cos(delta), std::sin(delta));
  Eigen::Matrix3cd V;
  V << c12 * c13, s12 * c13, s13 / e,
      -s12 * c23 - c12 * s23 * s13 * e, c12 * c23 - s12 * s23 * s13 * e, s23 * c13,
      s12 * s23 - c12 * c23 * s13 * e, -c12 * s23 - s12 * c23 * s13 * e, c23 * c13;
  return V;
}

/// lambda_t = V_tb V_ts^*  (about -0.0406 + 0.0007 i with the inputs above).
inline std::complex<double> lambda_t() {
  const auto V = ckm();
  return V(2, 2) * std::conj(V(2, 1));
}

}  // namespace darkloops::inputs::sm
