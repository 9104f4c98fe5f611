// SPDX-License-Identifier: MIT
// Umbrella for the b -> s observables, plus `predict_bs(model)`: every b -> s prediction of a
// model in one pass (each loop function evaluated once) — the entry point for fits and scans.
//   #include "darkloops/observables/bsll.hpp"
//   const darkloops::bsll::BsPredictions p = darkloops::bsll::predict_bs(model);
//   p.C9[1] (C9 of mu), p.fit.C9mu_V, p.BR_bsgamma, p.R_K_nunu, p.DeltaMs_ratio, ...
#pragma once

#include <array>

#include "darkloops/model/model.hpp"
#include "darkloops/observables/b_dipoles.hpp"
#include "darkloops/observables/b_nunu.hpp"
#include "darkloops/observables/bs_mixing.hpp"
#include "darkloops/observables/fit_quantities.hpp"
#include "darkloops/observables/wilson_bsll.hpp"

namespace darkloops::bsll {

/// All b -> s predictions of a model (NP unless stated). Index 0, 1, 2 = e, mu, tau.
struct BsPredictions {
  std::array<SemileptonicWC, 3> wc{};        ///< totals (boxes + photon + Z penguin)
  std::array<SemileptonicWC, 3> wc_box{};    ///< boxes only
  cplx C9_gamma{0.0};                        ///< photon penguin (universal)
  Dipoles dipoles{};                         ///< at mu = M_N
  Dipoles dipoles_mu0{};                     ///< at mu0 = 160 GeV
  double BR_bsgamma = 0.0;                   ///< SM + NP
  Matrix3c C_L = Matrix3c::Zero();           ///< C_L^{ij} (NP)
  double R_K_nunu = 1.0, R_Kstar_nunu = 1.0;
  cplx C1_Bs{0.0};                           ///< [GeV^-2] at mu = M_N
  double DeltaMs_ratio = 1.0;
  FitQuantities fit{};                       ///< default mapping (electron_reference)
};

inline BsPredictions predict_bs(const Model& m, FitMapping map = FitMapping::electron_reference) {
  BsPredictions p;
  const Eigen::Vector3d Bc = charged_boxes(m);
  p.C9_gamma = photon_penguin_C9(m);
  const cplx universal = p.C9_gamma + Z_penguin_C9(m);
  for (int l = 0; l < 3; ++l) {
    p.wc_box[l] = box_wilson(m, static_cast<Lepton>(l), Bc);
    p.wc[l] = p.wc_box[l];
    p.wc[l].C9 += universal;
    p.wc[l].C10 += Z_penguin_C10(m);
  }
  p.dipoles = dipoles(m);
  p.dipoles_mu0 = run_to_mu0(p.dipoles, m.spectrum().M_N);
  p.BR_bsgamma = BR_bsgamma_value(p.dipoles_mu0);
  p.C_L = C_L_nunu(m);
  const NunuRatios r = nunu_ratios(p.C_L);
  p.R_K_nunu = r.R_K;
  p.R_Kstar_nunu = r.R_Kstar;
  p.C1_Bs = C1_Bs_NP(m);
  p.DeltaMs_ratio = DeltaMs_ratio_value(p.C1_Bs, m.spectrum().M_N);
  p.fit = fit_quantities(p.wc[0], p.wc[1], universal, map);
  return p;
}

}  // namespace darkloops::bsll
