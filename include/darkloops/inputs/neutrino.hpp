// SPDX-License-Identifier: MIT
// Neutrino oscillation inputs: the global fit of P.F. de Salas, D.V. Forero, S. Gariazzo,
// P. Martinez-Mirave, O. Mena, C.A. Ternes, M. Tortola, J.W.F. Valle, JHEP 02 (2021) 071
// [arXiv:2006.11237], Table 3 — the fit used by the paper (its ref. [51]). Best-fit values,
// 1-sigma ranges symmetrised where the table is asymmetric (upper/lower given separately).
#pragma once

#include <numbers>

namespace darkloops::inputs::neutrino {

struct OscillationFit {
  double dm21_sq_eV2;      ///< Delta m^2_21 [eV^2]
  double dm3l_sq_eV2;      ///< |Delta m^2_31| (NO) or |Delta m^2_32|-type splitting used for m_3/m_1 (IO) [eV^2]
  double sin2_theta12;
  double sin2_theta23;
  double sin2_theta13;
  double delta_cp_rad;     ///< Dirac phase [rad]
  // 1-sigma errors (upper, lower) as printed in the fit
  double dm21_sq_err_up, dm21_sq_err_dn;
  double dm3l_sq_err_up, dm3l_sq_err_dn;
  double s12_err_up, s12_err_dn;
  double s23_err_up, s23_err_dn;
  double s13_err_up, s13_err_dn;
  double delta_err_up, delta_err_dn;
};

/// Normal ordering, de Salas et al. 2021, Table 3.
inline constexpr OscillationFit de_salas_2021_NO{
    7.50e-5, 2.55e-3, 0.318, 0.574, 0.02200, 1.08 * std::numbers::pi,
    0.22e-5, 0.20e-5, 0.02e-3, 0.03e-3, 0.016, 0.016, 0.014, 0.014, 0.00069, 0.00062,
    0.13 * std::numbers::pi, 0.12 * std::numbers::pi};

/// Inverted ordering, de Salas et al. 2021, Table 3 (|Delta m^2_31| = 2.45e-3 eV^2).
inline constexpr OscillationFit de_salas_2021_IO{
    7.50e-5, 2.45e-3, 0.318, 0.578, 0.02225, 1.58 * std::numbers::pi,
    0.22e-5, 0.20e-5, 0.02e-3, 0.03e-3, 0.016, 0.016, 0.010, 0.017, 0.00064, 0.00070,
    0.15 * std::numbers::pi, 0.16 * std::numbers::pi};

/// Planck 2018 (TT,TE,EE+lowE+lensing+BAO) bound on the sum of neutrino masses, 95% CL [eV].
inline constexpr double sum_mnu_bound_eV = 0.12;

}  // namespace darkloops::inputs::neutrino
