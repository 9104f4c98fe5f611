// SPDX-License-Identifier: MIT
// b-physics inputs of the b->s observables, each with its source (docs/physics.md <!-- bsll -->).
// Values are the ones contemporary with the paper [P] unless the name says otherwise.
#pragma once

namespace darkloops::inputs::flavour {

// ---- B -> X_s gamma, E_gamma > 1.6 GeV
/// SM prediction, Misiak, Rehman, Steinhauser, JHEP 06 (2020) 175 [arXiv:2002.01548] (abstract):
/// BR = (3.40 +- 0.17) x 10^-4 ([P] ref. [57]).
inline constexpr double BR_bsgamma_SM = 3.40e-4;
inline constexpr double BR_bsgamma_SM_err = 0.17e-4;
/// Experimental average quoted by [P] (HFLAV, arXiv:2206.07501): (3.49 +- 0.19) x 10^-4.
inline constexpr double BR_bsgamma_exp = 3.49e-4;
inline constexpr double BR_bsgamma_exp_err = 0.19e-4;
/// Linearised NP dependence, Misiak & Steinhauser, EPJC 77 (2017) 201 [arXiv:1702.04571] eq. (3):
///   BR x 10^4 = (3.36 +- 0.23) - 8.22 C7^NP(mu0) - 1.99 C8^NP(mu0),  mu0 = 160 GeV,
/// C7,8^NP real, in the normalisation H = -(4G_F/sqrt2) V_tb V_ts^* C_i O_i with
/// O7 = (e/16pi^2) m_b sbar sigma P_R b F, O8 = (g_s/16pi^2) m_b sbar sigma T P_R b G
/// (covariant derivative D = d + i e Q A + i g_s T G, where C7^SM, C8^SM < 0).
inline constexpr double bsgamma_slope_C7 = -8.22e-4;
inline constexpr double bsgamma_slope_C8 = -1.99e-4;
inline constexpr double bsgamma_mu0 = 160.0;  ///< scale of C7,8^NP in the slopes above [GeV]

// ---- B_s mixing
/// Delta M_s, experiment: 17.765 +- 0.006 ps^-1 (HFLAV 2022 / PDG 2022 average).
inline constexpr double DeltaMs_exp_ps = 17.765;
inline constexpr double DeltaMs_exp_err_ps = 0.006;
/// Delta M_s, SM: 18.4 +0.7 -1.2 ps^-1 (Di Luzio, Kirk, Lenz, Rauh, JHEP 12 (2019) 009 [1909.11087]).
inline constexpr double DeltaMs_SM_ps = 18.4;
inline constexpr double DeltaMs_SM_err_up_ps = 0.7;
inline constexpr double DeltaMs_SM_err_dn_ps = 1.2;

// ---- B -> K(*) nu nu
/// X_t = 1.469 +- 0.017 (NLO QCD + NLO EW, Brod, Gorbahn, Stamou, PRD 83 (2011) 034030
/// [1009.0947]); C_L^SM = -X_t / sin^2 theta_W (Buras, Girrbach-Noe, Niehoff, Straub,
/// JHEP 02 (2015) 184 [1409.4557], eq. (2.4)) with sin^2 theta_W from inputs/sm.hpp.
inline constexpr double X_t = 1.469;
inline constexpr double X_t_err = 0.017;
/// kappa_eta of R_K*^nunu = (1 + kappa_eta eta) eps^2 (1409.4557): 1.34 +- 0.04.
inline constexpr double kappa_eta = 1.34;
/// 90% CL upper limits used by [P] (Belle, PRD 96 (2017) 091101, [P] ref. [59]).
inline constexpr double R_K_nunu_max = 3.9;
inline constexpr double R_Kstar_nunu_max = 2.7;

}  // namespace darkloops::inputs::flavour
