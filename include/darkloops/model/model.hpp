// SPDX-License-Identifier: MIT
// A validated, immutable model point: spectrum, mass-basis couplings, Casas–Ibarra Y_N, one-loop
// neutrino masses, dark-matter candidate and non-fatal warnings (docs/physics.md §3).
#pragma once

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "darkloops/core/error.hpp"
#include "darkloops/core/types.hpp"
#include "darkloops/core/warnings.hpp"
#include "darkloops/model/casas_ibarra.hpp"
#include "darkloops/model/couplings.hpp"
#include "darkloops/model/dark_matter.hpp"
#include "darkloops/model/neutrino_masses.hpp"
#include "darkloops/model/oscillation.hpp"
#include "darkloops/model/parameters.hpp"
#include "darkloops/model/spectrum.hpp"

namespace darkloops {

class Model {
 public:
  /// Validates p and computes everything. Throws invalid_input (naming the parameter and value)
  /// for non-finite or non-positive masses, non-finite couplings, lambda5 not symmetric, bad
  /// oscillation inputs, |sin_theta| > 1, R not orthogonal or Sigma singular (Casas–Ibarra);
  /// physical_problem for a tachyonic charged or neutral state.
  explicit Model(const Parameters& p);

  const Parameters& parameters() const noexcept { return p_; }
  const Spectrum& spectrum() const noexcept { return s_; }
  const Couplings& couplings() const noexcept { return c_; }
  /// Yukawas actually used (Casas–Ibarra or direct).
  const Matrix32c& Y_N() const noexcept { return Y_N_; }
  const Warnings& warnings() const noexcept { return w_; }

  /// Exact one-loop Sigma (2x2) [GeV], m_nu = Y_N Sigma Y_N^T.
  const Eigen::Matrix2d& sigma() const noexcept { return sigma_; }
  /// Light-neutrino mass matrix [GeV] (complex symmetric).
  const Matrix3c& neutrino_mass_matrix() const noexcept { return m_nu_; }
  /// R used by Casas–Ibarra (zero if Y_N was set directly).
  const Matrix23c& R() const noexcept { return R_; }
  /// Masses, splittings, angles, phases, m_bb, sum (computed on each call; not cached).
  NeutrinoObservables neutrino() const { return neutrino_observables(Y_N_, sigma_); }  // rank-2 path (M11)
  const DarkMatterCandidate& dark_matter() const noexcept { return dm_; }

 private:
  Parameters p_;
  Spectrum s_;
  Couplings c_;
  Matrix32c Y_N_ = Matrix32c::Zero();
  Eigen::Matrix2d sigma_ = Eigen::Matrix2d::Zero();
  Matrix3c m_nu_ = Matrix3c::Zero();
  Matrix23c R_ = Matrix23c::Zero();
  DarkMatterCandidate dm_;
  Warnings w_;
};

namespace detail {

inline std::string idx_name(const char* base, int i) { return std::string(base) + "_" + std::to_string(i + 1); }
inline std::string idx_name(const char* base, int i, int j) {
  return std::string(base) + "_" + std::to_string(i + 1) + std::to_string(j + 1);
}
inline bool finite_cplx(cplx z) { return std::isfinite(z.real()) && std::isfinite(z.imag()); }
// names are built only on failure (validation runs on every model point)
inline void require_mass(const char* name, double m) {
  if (!std::isfinite(m)) throw invalid_input(name, m, "mass must be finite");
  if (!(m > 0.0)) throw invalid_input(name, m, "mass must be positive [GeV]");
}
inline void require_mass(const char* base, int i, double m) {
  if (!std::isfinite(m) || !(m > 0.0)) require_mass(idx_name(base, i).c_str(), m);
}
inline void require_finite(const char* name, double x) {
  if (!std::isfinite(x)) throw invalid_input(name, x, "must be finite");
}
inline void require_finite(const char* base, int i, cplx z) {
  if (!finite_cplx(z)) throw invalid_input(idx_name(base, i), z, "must be finite");
}
inline void require_finite(const char* base, int i, int j, cplx z) {
  if (!finite_cplx(z)) throw invalid_input(idx_name(base, i, j), z, "must be finite");
}

inline void validate_parameters(const Parameters& p) {
  require_mass("M_N", p.M_N);
  require_mass("m_S_d", p.m_S_d);
  require_mass("m_S_u", p.m_S_u);
  for (int a = 0; a < 2; ++a) {
    require_mass("m_eta0", a, p.m_eta0(a));
    require_mass("m_etapm", a, p.m_etapm(a));
  }
  require_mass("m_phi", p.m_phi);
  for (int a = 0; a < 2; ++a) require_finite("mu", a, p.mu(a));
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b) require_finite("lambda5", a, b, p.lambda5(a, b));
  const double l12 = p.lambda5(0, 1), l21 = p.lambda5(1, 0);
  if (std::abs(l12 - l21) > 1e-12 * std::max({std::abs(l12), std::abs(l21), std::abs(p.lambda5(0, 0)),
                                              std::abs(p.lambda5(1, 1))}))
    throw invalid_input("lambda5_21", l21, "lambda5 must be symmetric; lambda5_12 = " + std::to_string(l12));
  for (int al = 0; al < 3; ++al)
    for (int a = 0; a < 2; ++a) require_finite("Y_N", al, a, p.Y_N(al, a));
  for (int i = 0; i < 3; ++i) {
    require_finite("Y_S", i, p.Y_S(i));
    require_finite("kappa", i, p.kappa(i));
  }
  if (p.casas_ibarra) {
    const auto& o = p.oscillation;
    require_finite("sin_theta", p.sin_theta);
    require_finite("theta_im", p.theta_im);
    if (!p.R_custom && std::abs(p.sin_theta) > 1.0)
      throw invalid_input("sin_theta", p.sin_theta, "|sin_theta| must be <= 1 (use theta_im for complex theta)");
    if (!(o.dm21_sq_eV2 > 0.0) || !std::isfinite(o.dm21_sq_eV2))
      throw invalid_input("dm21_sq", o.dm21_sq_eV2, "must be positive and finite [eV^2]");
    if (!(o.dm3l_sq_eV2 > 0.0) || !std::isfinite(o.dm3l_sq_eV2))
      throw invalid_input("dm3l_sq", o.dm3l_sq_eV2, "must be positive and finite [eV^2]");
    if (o.ordering == Ordering::normal && !(o.dm3l_sq_eV2 > o.dm21_sq_eV2))
      throw invalid_input("dm3l_sq", o.dm3l_sq_eV2, "normal ordering needs dm3l_sq > dm21_sq");
    const char* sn[3] = {"sin2_theta12", "sin2_theta23", "sin2_theta13"};
    const double sv[3] = {o.sin2_theta12, o.sin2_theta23, o.sin2_theta13};
    for (int i = 0; i < 3; ++i)
      if (!(sv[i] >= 0.0 && sv[i] <= 1.0)) throw invalid_input(sn[i], sv[i], "must lie in [0, 1]");
    require_finite("delta_cp", o.delta_cp);
    require_finite("alpha21", o.alpha21);
    require_finite("alpha31", o.alpha31);
    if (p.R_custom) {
      for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j) require_finite("R", i, j, (*p.R_custom)(i, j));
    }
  }
}

}  // namespace detail

inline Model::Model(const Parameters& p) : p_(p) {
  detail::validate_parameters(p_);
  p_.lambda5(1, 0) = p_.lambda5(0, 1);  // exact symmetry after validation
  s_ = compute_spectrum(p_);
  sigma_ = sigma_exact(p_.m_eta0, p_.lambda5, p_.M_N);
  if (p_.casas_ibarra) {
    R_ = p_.R_custom ? *p_.R_custom : casas_ibarra_R(p_.theta(), p_.oscillation.ordering);
    Y_N_ = casas_ibarra_Y_N(sigma_, p_.oscillation, R_);
  } else {
    Y_N_ = p_.Y_N;
  }
  c_ = compute_couplings(s_, Y_N_, p_.Y_S, p_.kappa, p_.mu);
  m_nu_ = darkloops::neutrino_mass_matrix(Y_N_, sigma_);
  dm_ = dark_matter_candidate(s_);
  // a NaN/inf never reaches a user (e.g. masses so extreme that M_N^2 or m^2 over/underflow)
  if (!s_.m_H.allFinite() || !s_.U_H.allFinite() || !s_.m2_R.allFinite() || !s_.m2_I.allFinite() ||
      !sigma_.allFinite() || !Y_N_.allFinite() || !m_nu_.allFinite() || !c_.cL.allFinite() || !c_.cR.allFinite()) {
    std::ostringstream os;
    os.precision(10);
    os << "darkloops: non-finite result for M_N = " << p_.M_N << ", m_eta0 = (" << p_.m_eta0(0) << ", "
       << p_.m_eta0(1) << "), m_etapm = (" << p_.m_etapm(0) << ", " << p_.m_etapm(1) << "), m_phi = " << p_.m_phi
       << " GeV (inputs outside the floating-point range of the loop formulas?)";
    throw physical_problem(os.str());
  }

  // ---- non-fatal warnings
  const double ymax = std::sqrt(4.0 * pi);
  auto check_y = [&](const char* base, int i, int j, cplx y) {
    if (std::abs(y) > ymax) {
      std::ostringstream os;
      os << "non-perturbative coupling: |" << (j < 0 ? detail::idx_name(base, i) : detail::idx_name(base, i, j))
         << "| = " << std::abs(y) << " > sqrt(4 pi)";
      w_.add(os.str());
    }
  };
  for (int al = 0; al < 3; ++al)
    for (int a = 0; a < 2; ++a) check_y("Y_N", al, a, Y_N_(al, a));
  for (int i = 0; i < 3; ++i) {
    check_y("Y_S", i, -1, p_.Y_S(i));
    check_y("kappa", i, -1, p_.kappa(i));
  }
  for (int a = 0; a < 2; ++a)
    for (int b = a; b < 2; ++b)
      if (std::abs(p_.lambda5(a, b)) > 4.0 * pi)
        w_.add("non-perturbative coupling: |" + detail::idx_name("lambda5", a, b) + "| > 4 pi");
  if (!dm_.neutral()) {
    std::ostringstream os;
    os.precision(6);
    os << "dark matter candidate is " << (dm_.coloured ? "coloured" : "charged") << ": lightest Z2-odd state "
       << dm_.name() << " at " << dm_.mass << " GeV";
    w_.add(os.str());
  }
}

}  // namespace darkloops
