// SPDX-License-Identifier: MIT
// The paper's fit as a library function ([P] Sec. IV): the fit quantities of a model, the two
// fit parameters (Y_S)2(Y_S)3 and sin(theta) on top of a base point, the chi^2 objective and
// the minimisation. examples/paper_fit is the program around it. docs/physics.md §6.
#pragma once

#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "darkloops/fit/chi2.hpp"
#include "darkloops/fit/datasets.hpp"
#include "darkloops/fit/minimize.hpp"
#include "darkloops/inputs/measurements.hpp"
#include "darkloops/model/model.hpp"
#include "darkloops/model/presets.hpp"
#include "darkloops/observables/bsll.hpp"
#include "darkloops/observables/leptons.hpp"

namespace darkloops::fit {

/// The ten numbers the data sets read, from one pass over the b->s and lepton observables.
inline FitQuantities fit_quantities(const Model& m) {
  const auto bs = bsll::predict_bs(m);
  // the lepton part of predict_leptons() without the neutrino observables (not needed here)
  const LeptonSector s = lepton_sector(m);
  const LeptonDipoles d = lepton_dipoles(s);
  FitQuantities q;
  q.C9mu_V = bs.fit.C9mu_V;
  q.C10mu_V = bs.fit.C10mu_V;
  q.C9_U = bs.fit.C9_U;
  q.C10_U = bs.fit.C10_U;
  q.delta_amu = delta_a(d, s, 1);
  q.br_mu_e_gamma = br_radiative(d, s, 0, 1);
  q.br_b_s_gamma = bs.BR_bsgamma;
  q.R_K_nunu = bs.R_K_nunu;
  q.R_Kstar_nunu = bs.R_Kstar_nunu;
  q.Bs_mixing_ratio = bs.DeltaMs_ratio;
  return q;
}

/// Perturbativity bound on the product: |(Y_S)_i| <= sqrt(4 pi) each.
inline constexpr double YS_product_bound = 4.0 * std::numbers::pi;

/// The fit parameters of [P]: (Y_S)2(Y_S)3 in [-4pi, 4pi], sin(theta) in [-1, 1].
inline std::vector<Range> paper_fit_ranges() {
  return {{"YS2_YS3", -YS_product_bound, YS_product_bound, false}, {"sin_theta", -1.0, 1.0, false}};
}

/// Set (Y_S)2 = sign(x) sqrt|x|, (Y_S)3 = sqrt|x| (as presets::paper_benchmark) and sin(theta).
inline void apply_fit_point(Parameters& p, double YS2_YS3, double sin_theta) {
  const double r = std::sqrt(std::abs(YS2_YS3));
  p.Y_S(1) = cplx(std::copysign(r, YS2_YS3), 0.0);
  p.Y_S(2) = cplx(r, 0.0);
  p.sin_theta = sin_theta;
}

/// chi^2 at x = (YS2_YS3, sin_theta) on top of `base`; +inf for an unphysical point (the model
/// throws) or one excluded by a hard cut. Pure: safe to call from several threads.
/// With ignore_cuts, hard cuts and bands are dropped (Chi2::terms_only).
struct PaperObjective {
  const Parameters& base;
  const Chi2<FitQuantities>& chi2;
  bool ignore_cuts = false;
  double operator()(const std::vector<double>& x) const {
    Parameters p = base;
    apply_fit_point(p, x[0], x[1]);
    try {
      const FitQuantities q = fit_quantities(Model(p));
      return ignore_cuts ? chi2.terms_only(q) : chi2(q);
    } catch (const error&) {
      return std::numeric_limits<double>::infinity();
    }
  }
};

/// Minimise the chi^2 over paper_fit_ranges(): Latin-hypercube starts plus one at [P]'s point.
inline MinimizeResult fit_paper(const Parameters& base, const Chi2<FitQuantities>& chi2,
                                std::size_t n_starts = 8, bool ignore_cuts = false) {
  MinimizeOptions o;
  o.n_starts = n_starts;
  o.start = {inputs::measurements::paper2022_results::YS2_YS3, inputs::measurements::paper2022_results::sin_theta};
  o.max_evaluations = 4000 + 400 * n_starts;
  return minimize(PaperObjective{base, chi2, ignore_cuts}, paper_fit_ranges(), o);
}

}  // namespace darkloops::fit
