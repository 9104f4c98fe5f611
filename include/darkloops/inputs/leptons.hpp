// SPDX-License-Identifier: MIT
// Lepton-sector experimental inputs: bounds on charged-lepton-flavour violation, the anomalous
// magnetic moments, and the nuclear inputs of mu-e conversion. Lifetimes and leptonic BRs are
// in inputs/sm.hpp. Every value carries its source; "90% CL" upper limits unless stated.
// Values marked [projected] are design sensitivities of running/future experiments.
#pragma once

namespace darkloops::inputs::leptons {

// ---- l_a -> l_b gamma
inline constexpr double BR_mu_e_gamma_MEG2016 = 4.2e-13;    ///< MEG, EPJC 76 (2016) 434 (the bound used by the paper)
inline constexpr double BR_mu_e_gamma_MEGII2023 = 3.1e-13;  ///< MEG II + MEG combined, EPJC 84 (2024) 216
inline constexpr double BR_mu_e_gamma_MEGII2025 = 1.5e-13;  ///< MEG II + MEG combined, arXiv:2504.15711
inline constexpr double BR_tau_e_gamma_BaBar2010 = 3.3e-8;  ///< BaBar, PRL 104 (2010) 021802
inline constexpr double BR_tau_mu_gamma_BaBar2010 = 4.4e-8; ///< BaBar, PRL 104 (2010) 021802
inline constexpr double BR_tau_mu_gamma_Belle2021 = 4.2e-8; ///< Belle, JHEP 10 (2021) 019
inline constexpr double BR_tau_e_gamma_Belle2021 = 5.6e-8;  ///< Belle, JHEP 10 (2021) 019

// ---- l_a -> 3 l_b
inline constexpr double BR_mu_3e_SINDRUM1988 = 1.0e-12;     ///< SINDRUM, Nucl. Phys. B 299 (1988) 1
inline constexpr double BR_mu_3e_Mu3e_phase1 = 2.0e-15;     ///< [projected] Mu3e phase I sensitivity (Mu3e TDR, arXiv:2009.11690)
inline constexpr double BR_tau_3e_Belle2010 = 2.7e-8;       ///< Belle, PLB 687 (2010) 139
inline constexpr double BR_tau_3mu_Belle2010 = 2.1e-8;      ///< Belle, PLB 687 (2010) 139
inline constexpr double BR_tau_3mu_BelleII2024 = 1.9e-8;    ///< Belle II, JHEP 09 (2024) 062
// tau -> l l' l' (distinct flavours) and the Delta L_flavour = 2 modes: Belle, PLB 687 (2010) 139
// [arXiv:1001.3221], 719e6 tau pairs — values recalled, not re-read (the search tool gave no text).
inline constexpr double BR_tau_e_mumu_Belle2010 = 2.7e-8;   ///< tau- -> e- mu+ mu-
inline constexpr double BR_tau_mu_ee_Belle2010 = 1.8e-8;    ///< tau- -> mu- e+ e-
inline constexpr double BR_tau_ee_mu_Belle2010 = 1.5e-8;    ///< tau- -> mu+ e- e-
inline constexpr double BR_tau_mumu_e_Belle2010 = 1.7e-8;   ///< tau- -> e+ mu- mu-

// ---- mu-e conversion, CR = Gamma(mu N -> e N) / Gamma(mu capture)
inline constexpr double CR_mu_e_Au_SINDRUMII2006 = 7.0e-13; ///< SINDRUM II, EPJC 47 (2006) 337
inline constexpr double CR_mu_e_Ti_SINDRUMII1993 = 4.3e-12; ///< SINDRUM II, PLB 317 (1993) 631
inline constexpr double CR_mu_e_Al_Mu2e = 6.2e-16;          ///< [projected] Mu2e, 90% CL expected limit (Mu2e TDR, arXiv:1501.05241) — recalled, not re-read
inline constexpr double CR_mu_e_Al_COMET_phase1 = 7.0e-15;  ///< [projected] COMET phase I (arXiv:1812.09018) — recalled, not re-read

// ---- anomalous magnetic moments (exp - SM)
inline constexpr double delta_amu_WP2020 = 2.51e-9;         ///< [P] eq. (2): Aoyama et al., Phys. Rep. 887 (2020) 1 + FNAL 2021
inline constexpr double delta_amu_WP2020_err = 0.59e-9;
inline constexpr double delta_amu_WP2025 = 0.26e-9;         ///< White Paper 2025, arXiv:2505.21476 (exp - SM = 26(66)e-11)
inline constexpr double delta_amu_WP2025_err = 0.66e-9;

/// Kitano–Koike–Okada overlap integrals (in units of m_mu^{5/2}) and the total muon capture
/// rate of a nucleus. D, S, V: R. Kitano, M. Koike, Y. Okada, PRD 66 (2002) 096002
/// [hep-ph/0203110], Table I (method 1 for D); capture rates: T. Suzuki, D.F. Measday,
/// J.P. Roalsvig, PRC 35 (1987) 2212, as quoted in KKO Table VIII.
/// Provenance (docs/validation.md, leptons): these numbers were entered from memory; the KKO
/// text itself could not be read here (only its abstract). The one secondary source read,
/// FlexibleSUSY templates/l_to_l_conversion.cpp.in, quotes "Tab. 2 of hep-ph/0203110" with
/// different values (Al: D 0.0357, V^p 0.0159, V^n 0.0169, S^p 0.0153, S^n 0.0163; Au: D 0.1670,
/// V^p 0.0859, V^n 0.1080, S^p 0.0523, S^n 0.0610) — KKO tabulate more than one nuclear-density
/// model; both sets are provided (the *_kko_table2 constants below) so the spread can be shown.
struct Nucleus {
  const char* name;
  double D, S_p, S_n, V_p, V_n;
  double capture_rate_per_s;  ///< omega_capt [s^-1]
};
inline constexpr Nucleus aluminium{"Al", 0.0362, 0.0155, 0.0167, 0.0161, 0.0173, 0.7054e6};
inline constexpr Nucleus titanium{"Ti", 0.0864, 0.0368, 0.0435, 0.0396, 0.0468, 2.59e6};
inline constexpr Nucleus gold{"Au", 0.189, 0.0614, 0.0918, 0.0974, 0.146, 13.07e6};
/// KKO "Tab. 2" values as quoted (read) in FlexibleSUSY templates/l_to_l_conversion.cpp.in; capture
/// rates as above (FlexibleSUSY's own: Al 4.64079e-19 GeV = 0.7051e6 s^-1, Au 8.84868e-18 GeV = 13.44e6 s^-1).
inline constexpr Nucleus aluminium_kko_table2{"Al(KKO-T2)", 0.0357, 0.0153, 0.0163, 0.0159, 0.0169, 0.7054e6};
inline constexpr Nucleus gold_kko_table2{"Au(KKO-T2)", 0.1670, 0.0523, 0.0610, 0.0859, 0.1080, 13.07e6};

}  // namespace darkloops::inputs::leptons
