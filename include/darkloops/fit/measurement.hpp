// SPDX-License-Identifier: MIT
// Measurements a chi^2 is built from: Gaussian (symmetric or asymmetric errors, convention
// selectable), correlated Gaussian (covariance matrix) and one-sided limits (hard cut or smooth
// half-Gaussian term). Each carries a name and a source. Definitions: docs/physics.md §6.
#pragma once

#include <Eigen/Dense>
#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "darkloops/core/error.hpp"

namespace darkloops::fit {

/// How an asymmetric error  x = c (+s_up, -s_dn)  enters a Gaussian chi^2 term.
enum class ErrorConvention {
  symmetrised,  ///< sigma = (s_up + s_dn)/2 for every prediction (the paper's choice, formulas.md §6)
  facing_side,  ///< sigma = s_up if prediction > c else s_dn (two half-Gaussians, "dimidiated")
  conservative  ///< sigma = max(s_up, s_dn)
};

inline const char* to_string(ErrorConvention c) noexcept {
  switch (c) {
    case ErrorConvention::symmetrised: return "symmetrised";
    case ErrorConvention::facing_side: return "facing_side";
    case ErrorConvention::conservative: return "conservative";
  }
  return "?";
}

/// One Gaussian measurement  central (+sigma_up, -sigma_dn); symmetric when sigma_up == sigma_dn.
struct Gaussian {
  std::string name;
  double central = 0.0;
  double sigma_up = 1.0;
  double sigma_dn = 1.0;
  std::string source;
  ErrorConvention convention = ErrorConvention::symmetrised;

  static Gaussian symmetric(std::string name, double central, double sigma, std::string source) {
    return asymmetric(std::move(name), central, sigma, sigma, std::move(source));
  }
  static Gaussian asymmetric(std::string name, double central, double sigma_up, double sigma_dn,
                             std::string source,
                             ErrorConvention convention = ErrorConvention::symmetrised) {
    if (!(sigma_up > 0.0) || !std::isfinite(sigma_up))
      throw invalid_input(name + ".sigma_up", sigma_up, "must be finite and > 0");
    if (!(sigma_dn > 0.0) || !std::isfinite(sigma_dn))
      throw invalid_input(name + ".sigma_dn", sigma_dn, "must be finite and > 0");
    if (!std::isfinite(central)) throw invalid_input(name + ".central", central, "must be finite");
    return Gaussian{std::move(name), central, sigma_up, sigma_dn, std::move(source), convention};
  }
  Gaussian with_convention(ErrorConvention c) const {
    Gaussian g = *this;
    g.convention = c;
    return g;
  }
  /// The sigma used for a given prediction under this measurement's convention.
  double sigma(double prediction) const noexcept {
    switch (convention) {
      case ErrorConvention::symmetrised: return 0.5 * (sigma_up + sigma_dn);
      case ErrorConvention::facing_side: return prediction > central ? sigma_up : sigma_dn;
      case ErrorConvention::conservative: return std::max(sigma_up, sigma_dn);
    }
    return 0.5 * (sigma_up + sigma_dn);
  }
  /// Signed pull (prediction - central)/sigma.
  double pull(double prediction) const noexcept { return (prediction - central) / sigma(prediction); }
  double chi2(double prediction) const noexcept {
    const double p = pull(prediction);
    return p * p;
  }
};

/// Several correlated Gaussian measurements: chi^2 = d^T C^{-1} d, d = prediction - central.
class CorrelatedGaussian {
 public:
  CorrelatedGaussian(std::vector<std::string> names, Eigen::VectorXd central,
                     Eigen::MatrixXd covariance, std::string source)
      : names_(std::move(names)), central_(std::move(central)), cov_(std::move(covariance)),
        source_(std::move(source)) {
    const auto n = central_.size();
    if (static_cast<Eigen::Index>(names_.size()) != n || cov_.rows() != n || cov_.cols() != n)
      throw invalid_input("CorrelatedGaussian.size", std::to_string(n),
                          "names, central values and covariance must have matching sizes");
    if (!cov_.isApprox(cov_.transpose(), 1e-12))
      throw invalid_input("CorrelatedGaussian.covariance", "(matrix)", "must be symmetric");
    llt_.compute(cov_);
    if (llt_.info() != Eigen::Success)
      throw invalid_input("CorrelatedGaussian.covariance", "(matrix)", "must be positive definite");
  }
  /// From errors and a correlation matrix: C_ij = rho_ij s_i s_j.
  static CorrelatedGaussian from_correlation(std::vector<std::string> names, Eigen::VectorXd central,
                                             const Eigen::VectorXd& sigma,
                                             const Eigen::MatrixXd& rho, std::string source) {
    if (rho.rows() != sigma.size() || rho.cols() != sigma.size())
      throw invalid_input("CorrelatedGaussian.correlation", "(matrix)", "size must match sigma");
    Eigen::MatrixXd cov = sigma.asDiagonal() * rho * sigma.asDiagonal();
    return CorrelatedGaussian(std::move(names), std::move(central), cov, std::move(source));
  }
  std::size_t size() const noexcept { return names_.size(); }
  const std::vector<std::string>& names() const noexcept { return names_; }
  const Eigen::VectorXd& central() const noexcept { return central_; }
  const Eigen::MatrixXd& covariance() const noexcept { return cov_; }
  const std::string& source() const noexcept { return source_; }
  double chi2(const Eigen::VectorXd& prediction) const {
    const Eigen::VectorXd d = prediction - central_;
    return d.dot(llt_.solve(d));
  }
  /// Decorrelated pulls L^{-1} d (their squares sum to chi2).
  Eigen::VectorXd pulls(const Eigen::VectorXd& prediction) const {
    const Eigen::VectorXd d = prediction - central_;
    return llt_.matrixL().solve(d);
  }
  /// Naive pulls d_i / sigma_i (ignoring correlations), for tables.
  Eigen::VectorXd naive_pulls(const Eigen::VectorXd& prediction) const {
    return ((prediction - central_).array() / cov_.diagonal().array().sqrt()).matrix();
  }

 private:
  std::vector<std::string> names_;
  Eigen::VectorXd central_;
  Eigen::MatrixXd cov_;
  std::string source_;
  Eigen::LLT<Eigen::MatrixXd> llt_;
};

enum class LimitKind { upper, lower };
/// hard_cut: a point beyond the limit is excluded (chi2 = +inf); smooth: a half-Gaussian term.
enum class LimitMode { hard_cut, smooth };

/// A one-sided limit at confidence level `cl` (e.g. BR < 4.2e-13 at 90% CL).
/// Smooth form: the limit is read as the `cl` quantile of a half-Gaussian centred at `reference`
/// (the no-signal value, 0 for a rate): sigma = |limit - reference| / z, z = sqrt2 erf^{-1}(cl)
/// (z = 1.645 at 90% CL), and chi2 = ((prediction - reference)/sigma)^2 on the side facing the
/// limit, 0 on the other side.
struct Limit {
  std::string name;
  double limit = 0.0;
  LimitKind kind = LimitKind::upper;
  double cl = 0.90;
  std::string source;
  LimitMode mode = LimitMode::hard_cut;
  double reference = 0.0;

  static Limit upper(std::string name, double limit, double cl, std::string source,
                     LimitMode mode = LimitMode::hard_cut, double reference = 0.0) {
    return make(std::move(name), limit, LimitKind::upper, cl, std::move(source), mode, reference);
  }
  static Limit lower(std::string name, double limit, double cl, std::string source,
                     LimitMode mode = LimitMode::hard_cut, double reference = 0.0) {
    return make(std::move(name), limit, LimitKind::lower, cl, std::move(source), mode, reference);
  }
  Limit with_mode(LimitMode m) const {
    return make(name, limit, kind, cl, source, m, reference);
  }
  bool allowed(double prediction) const noexcept {
    if (std::isnan(prediction)) return false;
    return kind == LimitKind::upper ? prediction <= limit : prediction >= limit;
  }
  /// sigma of the smooth half-Gaussian.
  double sigma() const noexcept {
    return std::abs(limit - reference) / (std::sqrt(2.0) * boost::math::erf_inv(cl));
  }
  /// Signed distance in units of sigma, > 0 on the excluded side of `reference`.
  double pull(double prediction) const noexcept {
    const double d = (prediction - reference) / sigma();
    return kind == LimitKind::upper ? d : -d;
  }
  double chi2(double prediction) const noexcept {
    if (mode == LimitMode::hard_cut)
      return allowed(prediction) ? 0.0 : std::numeric_limits<double>::infinity();
    if (std::isnan(prediction)) return std::numeric_limits<double>::infinity();
    const double p = pull(prediction);
    return p > 0.0 ? p * p : 0.0;
  }
  /// Ratio prediction/limit (what tables print for rates).
  double fraction_of_limit(double prediction) const noexcept { return prediction / limit; }

 private:
  static Limit make(std::string name, double limit, LimitKind kind, double cl, std::string source,
                    LimitMode mode, double reference) {
    if (!std::isfinite(limit)) throw invalid_input(name + ".limit", limit, "must be finite");
    if (!(cl > 0.0 && cl < 1.0)) throw invalid_input(name + ".cl", cl, "must be in (0, 1)");
    // the smooth form needs the reference (no-signal value) strictly on the allowed side
    if (mode == LimitMode::smooth && (kind == LimitKind::upper) != (limit > reference))
      throw invalid_input(name + ".limit", limit,
                          "lies on the wrong side of (or at) the reference value " + std::to_string(reference));
    return Limit{std::move(name), limit, kind, cl, std::move(source), mode, reference};
  }
};

/// A band constraint "excluded beyond n sigma of a Gaussian" (e.g. BR(b->s gamma) 3 sigma):
/// allowed iff |pull| <= n_sigma; used as a hard cut next to a chi^2.
struct GaussianBand {
  Gaussian measurement;
  double n_sigma = 3.0;
  bool allowed(double prediction) const noexcept {
    return std::isfinite(prediction) && std::abs(measurement.pull(prediction)) <= n_sigma;
  }
};

}  // namespace darkloops::fit
