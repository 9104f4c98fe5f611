// SPDX-License-Identifier: MIT
// The two data sets of the paper's fit: `paper` ([P] eqs. (2), (9) and its constraints) and
// `current` (2023–2025 inputs). A data set is a chi^2 over FitQuantities — the ten numbers the
// fit reads — so it does not depend on how they are computed (the model's observables fill
// them; tests fill them by hand). Definitions and choices: docs/physics.md §6.
#pragma once

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "darkloops/fit/chi2.hpp"
#include "darkloops/fit/measurement.hpp"
#include "darkloops/inputs/measurements.hpp"

namespace darkloops::fit {

/// What the paper's fit reads. Wilson coefficients are new physics only (at the matching
/// scale); the rates and ratios include the SM (br_b_s_gamma is the total BR(B -> X_s gamma)).
struct FitQuantities {
  double C9mu_V = 0.0;
  double C10mu_V = 0.0;
  double C9_U = 0.0;
  double C10_U = 0.0;
  double delta_amu = 0.0;
  double br_mu_e_gamma = 0.0;
  double br_b_s_gamma = inputs::measurements::paper2022::br_b_s_gamma_sm.central;
  double R_K_nunu = 1.0;
  double R_Kstar_nunu = 1.0;
  double Bs_mixing_ratio = 1.0;  ///< Delta M_s / Delta M_s^SM
};

/// The Standard-Model point (all new physics zero).
inline FitQuantities standard_model_quantities() { return FitQuantities{}; }

enum class DataSetId { paper, current };
/// How the constraints (mu->e gamma, b->s gamma, nu nu, B_s mixing) enter.
enum class ConstraintMode {
  hard_cut,  ///< [P]'s reading: points violating a constraint are excluded, chi^2 has only the anomalies
  smooth     ///< each constraint adds a chi^2 term (half-Gaussian for limits, Gaussian otherwise)
};

inline DataSetId parse_data_set(const std::string& s) {
  if (s == "paper") return DataSetId::paper;
  if (s == "current") return DataSetId::current;
  throw invalid_input("--data", s, "must be 'paper' or 'current'");
}
inline const char* to_string(DataSetId d) noexcept { return d == DataSetId::paper ? "paper" : "current"; }

namespace detail {
inline Gaussian gaussian(const char* name, const inputs::measurements::Value& v,
                         ErrorConvention c = ErrorConvention::symmetrised) {
  return Gaussian::asymmetric(name, v.central, v.err_up, v.err_dn, v.source, c);
}
/// BR(B -> X_s gamma): experiment vs SM+NP prediction, errors of both in quadrature.
inline Gaussian b_s_gamma(const inputs::measurements::Value& exp, const inputs::measurements::Value& sm) {
  const double s = std::hypot(exp.err_up, sm.err_up);
  return Gaussian::symmetric("br_b_s_gamma", exp.central, s,
                             std::string(exp.source) + "; SM error " + sm.source);
}
/// Delta M_s^exp / Delta M_s^SM as the measured value of the ratio the model predicts; its
/// errors are those of the SM prediction (the experimental one is negligible).
inline Gaussian bs_mixing(const inputs::measurements::Value& exp, const inputs::measurements::Value& sm) {
  const double r = exp.central / sm.central;
  const double up = exp.central / (sm.central - sm.err_dn) - r;  // SM lower -> ratio higher
  const double dn = r - exp.central / (sm.central + sm.err_up);
  return Gaussian::asymmetric("Bs_mixing_ratio", r, up, dn,
                              std::string(exp.source) + " / " + sm.source, ErrorConvention::facing_side);
}
}  // namespace detail

/// The chi^2 of a data set. paper + hard_cut is [P]'s fit: 5 Gaussian terms (C9mu^V, C10mu^V,
/// C9^U, C10^U, Delta a_mu; symmetrised errors), chi^2_SM = 22.7537; MEG bound, the 3 sigma
/// b->s gamma band, the Belle nu nu bounds and a 2 sigma B_s-mixing band as exclusions.
inline Chi2<FitQuantities> make_chi2(DataSetId id, ConstraintMode mode = ConstraintMode::hard_cut) {
  namespace M = inputs::measurements;
  using Q = FitQuantities;
  Chi2<FitQuantities> c;
  const LimitMode lm = mode == ConstraintMode::hard_cut ? LimitMode::hard_cut : LimitMode::smooth;
  auto add_constraints = [&](const M::Value& bsg_exp, const M::Value& bsg_sm, const M::UpperBound& meg,
                             const M::Value& dms_exp, const M::Value& dms_sm) {
    c.add(Limit::upper("br_mu_e_gamma", meg.limit, meg.cl, meg.source, lm),
          [](const Q& q) { return q.br_mu_e_gamma; });
    const Gaussian bsg = detail::b_s_gamma(bsg_exp, bsg_sm);
    const Gaussian bsm = detail::bs_mixing(dms_exp, dms_sm);
    if (mode == ConstraintMode::hard_cut) {
      c.add(GaussianBand{bsg, 3.0}, [](const Q& q) { return q.br_b_s_gamma; });
      c.add(GaussianBand{bsm, 2.0}, [](const Q& q) { return q.Bs_mixing_ratio; });
    } else {
      c.add(bsg, [](const Q& q) { return q.br_b_s_gamma; });
      c.add(bsm, [](const Q& q) { return q.Bs_mixing_ratio; });
    }
  };
  if (id == DataSetId::paper) {
    namespace P = M::paper2022;
    c.add(detail::gaussian("C9mu_V", P::C9mu_V), [](const Q& q) { return q.C9mu_V; });
    c.add(detail::gaussian("C10mu_V", P::C10mu_V), [](const Q& q) { return q.C10mu_V; });
    c.add(detail::gaussian("C9_U", P::C9_U), [](const Q& q) { return q.C9_U; });
    c.add(detail::gaussian("C10_U", P::C10_U), [](const Q& q) { return q.C10_U; });
    c.add(detail::gaussian("delta_amu", P::delta_amu), [](const Q& q) { return q.delta_amu; });
    add_constraints(P::br_b_s_gamma_exp, P::br_b_s_gamma_sm, P::br_mu_e_gamma, P::delta_Ms_exp_ps,
                    P::delta_Ms_sm_ps);
    c.add(Limit::upper("R_K_nunu", P::R_K_nunu.limit, P::R_K_nunu.cl, P::R_K_nunu.source, lm, 1.0),
          [](const Q& q) { return q.R_K_nunu; });
    c.add(Limit::upper("R_Kstar_nunu", P::R_Kstar_nunu.limit, P::R_Kstar_nunu.cl, P::R_Kstar_nunu.source, lm, 1.0),
          [](const Q& q) { return q.R_Kstar_nunu; });
  } else {
    namespace C = M::current;
    // C9mu^V = -C10mu^V hypothesis: the model's left-handed muon combination (C9 - C10)/2.
    c.add(detail::gaussian("C9mu_V=-C10mu_V", C::C9mu_V_eq_minus_C10mu_V),
          [](const Q& q) { return 0.5 * (q.C9mu_V - q.C10mu_V); });
    c.add(detail::gaussian("C9_U", C::C9_U), [](const Q& q) { return q.C9_U; });
    c.add(detail::gaussian("delta_amu", C::delta_amu), [](const Q& q) { return q.delta_amu; });
    // Belle II B+ -> K+ nu nu as a measurement of R_K^nunu (ratio to the SM; SM error in quadrature).
    const double r = C::br_Bp_Kp_nunu.central / C::br_Bp_Kp_nunu_sm.central;
    const double rel_sm = C::br_Bp_Kp_nunu_sm.err_up / C::br_Bp_Kp_nunu_sm.central;
    const double up = r * std::hypot(C::br_Bp_Kp_nunu.err_up / C::br_Bp_Kp_nunu.central, rel_sm);
    const double dn = r * std::hypot(C::br_Bp_Kp_nunu.err_dn / C::br_Bp_Kp_nunu.central, rel_sm);
    c.add(Gaussian::asymmetric("R_K_nunu", r, up, dn,
                               std::string(C::br_Bp_Kp_nunu.source) + " / " + C::br_Bp_Kp_nunu_sm.source),
          [](const Q& q) { return q.R_K_nunu; });
    add_constraints(C::br_b_s_gamma_exp, C::br_b_s_gamma_sm, C::br_mu_e_gamma, C::delta_Ms_exp_ps,
                    C::delta_Ms_sm_ps);
    c.add(Limit::upper("R_Kstar_nunu", C::R_Kstar_nunu.limit, C::R_Kstar_nunu.cl, C::R_Kstar_nunu.source, lm, 1.0),
          [](const Q& q) { return q.R_Kstar_nunu; });
  }
  return c;
}

}  // namespace darkloops::fit
