// SPDX-License-Identifier: MIT
// Experimental inputs of the two fit data sets, each value with its source and edition.
//   paper2022 — what [P] (Cepedello, Escribano, Vicente, PRD 107 (2023) 035034) used, eqs. (2), (9)
//               and Sec. IV (values quoted there; their origin cited as in [P]).
//   current   — today's values (2023–2025). Where a number could not be verified against the
//               source text while writing this file, its comment says "NOT verified".
// Error convention: central, +err_up, -err_dn as printed by the source. docs/physics.md §6.
#pragma once

namespace darkloops::inputs::measurements {

/// A measured value  central (+err_up, -err_dn).
struct Value {
  double central;
  double err_up;
  double err_dn;
  const char* source;
};

/// A one-sided (upper) limit at confidence level cl.
struct UpperBound {
  double limit;
  double cl;
  const char* source;
};

namespace paper2022 {
// ---- b -> s l l: "scenario 5" of Alguero, Capdevila, Descotes-Genon, Matias, Novoa-Brunet,
// EPJC 82 (2022) 326 [arXiv:2104.08921], as quoted in [P] eq. (9) (NP Wilson coefficients at mu_b).
inline constexpr Value C9mu_V{-0.55, 0.44, 0.47, "Alguero et al., EPJC 82 (2022) 326 [2104.08921], scenario 5; [P] eq. (9)"};
inline constexpr Value C10mu_V{0.49, 0.35, 0.41, "Alguero et al., EPJC 82 (2022) 326 [2104.08921], scenario 5; [P] eq. (9)"};
inline constexpr Value C9_U{-0.35, 0.42, 0.38, "Alguero et al., EPJC 82 (2022) 326 [2104.08921], scenario 5 (C9^U = C10^U); [P] eq. (9)"};
inline constexpr Value C10_U{-0.35, 0.42, 0.38, "Alguero et al., EPJC 82 (2022) 326 [2104.08921], scenario 5 (C9^U = C10^U); [P] eq. (9)"};
// ---- muon g-2: BNL E821 + FNAL Run 1 average vs the 2020 White Paper
inline constexpr Value delta_amu{2.51e-9, 0.59e-9, 0.59e-9, "[P] eq. (2): Muon g-2, PRL 126 (2021) 141801 vs WP20, Aoyama et al., Phys. Rep. 887 (2020) 1"};
// ---- constraints used in [P] Sec. IV
inline constexpr UpperBound br_mu_e_gamma{4.2e-13, 0.90, "MEG, Baldini et al., EPJC 76 (2016) 434 ([P] ref. [56])"};
inline constexpr Value br_b_s_gamma_exp{3.49e-4, 0.19e-4, 0.19e-4, "HFLAV, Amhis et al., arXiv:2206.07501 (E_gamma > 1.6 GeV) ([P] ref. [58])"};
inline constexpr Value br_b_s_gamma_sm{3.40e-4, 0.17e-4, 0.17e-4, "Misiak, Rehman, Steinhauser, JHEP 06 (2020) 175 [2002.01548] ([P] ref. [57])"};
inline constexpr UpperBound R_K_nunu{3.9, 0.90, "Belle, Grygier et al., PRD 96 (2017) 091101 ([P] ref. [59])"};
inline constexpr UpperBound R_Kstar_nunu{2.7, 0.90, "Belle, Grygier et al., PRD 96 (2017) 091101 ([P] ref. [59])"};
// ---- B_s mixing ([P] cites PDG 2018 without numbers; we use these)
inline constexpr Value delta_Ms_exp_ps{17.765, 0.006, 0.006, "PDG 2022 / HFLAV average of Delta M_s [ps^-1]"};
inline constexpr Value delta_Ms_sm_ps{18.4, 0.7, 1.2, "Di Luzio, Kirk, Lenz, Rauh, JHEP 12 (2019) 009 [1909.11087] [ps^-1]"};
}  // namespace paper2022

/// The numbers [P] quotes for its own fit (Sec. IV, eq. (12)), for side-by-side comparison.
namespace paper2022_results {
inline constexpr double YS2_YS3 = 0.6;
inline constexpr double sin_theta = 0.25;
inline constexpr double chi2_min = 1.52;
inline constexpr double delta_chi2 = 21.23;
inline constexpr double chi2_sm = chi2_min + delta_chi2;  ///< implied: 22.75
}  // namespace paper2022_results

namespace current {
// ---- b -> s l l after LHCb's Dec. 2022 R_K(*) update (PRL 131 (2023) 051803, PRD 108 (2023) 032002):
// Alguero, Biswas, Capdevila, Descotes-Genon, Matias, Novoa-Brunet, EPJC 83 (2023) 648
// [arXiv:2304.07330], hypothesis "C9mu^V = -C10mu^V, C9^U" (their scenario 8, full update).
// NOT verified: the paper's tables could not be opened while writing this; the values are
// recalled and must be checked against Table 2 of 2304.07330 before being relied on.
inline constexpr Value C9mu_V_eq_minus_C10mu_V{-0.08, 0.06, 0.06, "Alguero et al., EPJC 83 (2023) 648 [2304.07330], scenario 8 (NOT verified, recalled)"};
inline constexpr Value C9_U{-1.10, 0.17, 0.16, "Alguero et al., EPJC 83 (2023) 648 [2304.07330], scenario 8 (NOT verified, recalled)"};
// ---- muon g-2: final experimental world average (BNL + FNAL Runs 1-6) vs WP25.
// a_mu^SM(WP25) = 116 592 033(62) e-11 (verified: abstract of arXiv:2505.21476, Phys. Rep. 1143 (2025) 1);
// a_mu^exp = 116 592 071.5(14.5) e-11 (Muon g-2, PRL 135 (2025) 101802 [2506.03069]; NOT verified,
// recalled); difference 38.5(63.7) e-11, errors added in quadrature. (WP25's own abstract, with
// the Run 1-3 average, quotes 26(66) e-11.)
inline constexpr Value delta_amu{3.85e-10, 6.37e-10, 6.37e-10, "WP25 a_mu^SM [2505.21476] vs final FNAL+BNL world average [2506.03069] (exp. value NOT verified)"};
// ---- mu -> e gamma: MEG II 2021-2022 data combined with MEG (verified: abstract of arXiv:2504.15711)
inline constexpr UpperBound br_mu_e_gamma{1.5e-13, 0.90, "MEG II, arXiv:2504.15711 (2025), combined with MEG"};
// ---- b -> s gamma: unchanged inputs (no newer average verified)
inline constexpr Value br_b_s_gamma_exp{3.49e-4, 0.19e-4, 0.19e-4, "HFLAV, arXiv:2206.07501 (E_gamma > 1.6 GeV)"};
inline constexpr Value br_b_s_gamma_sm{3.40e-4, 0.17e-4, 0.17e-4, "Misiak, Rehman, Steinhauser, JHEP 06 (2020) 175 [2002.01548]"};
// ---- B+ -> K+ nu nu: Belle II evidence (verified: abstract of arXiv:2311.14647, PRD 109 (2024) 112006)
inline constexpr Value br_Bp_Kp_nunu{2.3e-5, 0.707e-5, 0.640e-5, "Belle II, PRD 109 (2024) 112006 [2311.14647]: 2.3 +- 0.5(stat) +0.5-0.4(syst), errors in quadrature"};
inline constexpr Value br_Bp_Kp_nunu_sm{5.58e-6, 0.37e-6, 0.37e-6, "HPQCD 2023 SM prediction as quoted by Belle II (central value verified via a secondary page, error NOT verified)"};
inline constexpr UpperBound R_Kstar_nunu{2.7, 0.90, "Belle, PRD 96 (2017) 091101 (no newer K* nu nu bound verified)"};
// ---- B_s mixing: as paper2022 (no newer SM prediction verified)
inline constexpr Value delta_Ms_exp_ps{17.765, 0.006, 0.006, "PDG 2022 / HFLAV average of Delta M_s [ps^-1]"};
inline constexpr Value delta_Ms_sm_ps{18.4, 0.7, 1.2, "Di Luzio, Kirk, Lenz, Rauh, JHEP 12 (2019) 009 [1909.11087] [ps^-1]"};
}  // namespace current

}  // namespace darkloops::inputs::measurements
