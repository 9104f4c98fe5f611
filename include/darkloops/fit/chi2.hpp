// SPDX-License-Identifier: MIT
// A chi^2 composed from (prediction functor, measurement) pairs, generic over what the
// functors read: a Model (with observable functors), a struct of precomputed predictions,
// or a plain vector in tests. Hard-cut limits and Gaussian bands exclude a point; Gaussian,
// correlated and smooth-limit terms add to chi^2. Definition: docs/physics.md §6.
#pragma once

#include <Eigen/Dense>
#include <cmath>
#include <concepts>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "darkloops/fit/measurement.hpp"

namespace darkloops::fit {

/// One row of a chi^2 breakdown.
struct Term {
  std::string name;
  std::string kind;        ///< "gaussian", "correlated", "limit", "band"
  double prediction = 0;   ///< model value
  double central = 0;      ///< measured central value, or the limit
  double sigma = 0;        ///< sigma used (convention applied); 0 for hard cuts
  double pull = 0;         ///< signed pull (decorrelated for correlated terms)
  double chi2 = 0;         ///< contribution (0 for hard cuts and bands)
  bool allowed = true;     ///< false if a hard cut / band is violated
  bool in_chi2 = true;     ///< contributes to the chi^2 sum
  std::string source;
};

struct Breakdown {
  double chi2 = 0;         ///< sum of the chi^2 terms (finite even if a cut is violated)
  bool allowed = true;     ///< every hard cut and band satisfied
  std::vector<Term> terms;
  /// chi^2 if allowed, +inf otherwise (what a minimiser sees).
  double total() const noexcept { return allowed ? chi2 : std::numeric_limits<double>::infinity(); }
  const Term* find(const std::string& name) const {
    for (const auto& t : terms)
      if (t.name == name) return &t;
    return nullptr;
  }
};

template <class Input>
class Chi2 {
 public:
  using Scalar = std::function<double(const Input&)>;
  using Vector = std::function<Eigen::VectorXd(const Input&)>;

  /// Gaussian term: `prediction(input)` against `m`.
  template <class F>
    requires std::invocable<const F&, const Input&>
  Chi2& add(Gaussian m, F prediction) {
    gaussians_.push_back({std::move(m), Scalar(std::move(prediction))});
    order_.push_back({0, gaussians_.size() - 1});
    return *this;
  }
  /// One-sided limit, hard cut or smooth term depending on `l.mode`.
  template <class F>
    requires std::invocable<const F&, const Input&>
  Chi2& add(Limit l, F prediction) {
    limits_.push_back({std::move(l), Scalar(std::move(prediction))});
    order_.push_back({1, limits_.size() - 1});
    return *this;
  }
  /// Correlated Gaussian: `prediction(input)` returns the vector in the order of `c.names()`.
  template <class F>
    requires std::invocable<const F&, const Input&>
  Chi2& add(CorrelatedGaussian c, F prediction) {
    correlated_.push_back({std::move(c), Vector(std::move(prediction))});
    order_.push_back({2, correlated_.size() - 1});
    return *this;
  }
  /// Exclusion outside n sigma of a Gaussian (hard cut, no chi^2 contribution).
  template <class F>
    requires std::invocable<const F&, const Input&>
  Chi2& add(GaussianBand b, F prediction) {
    bands_.push_back({std::move(b), Scalar(std::move(prediction))});
    order_.push_back({3, bands_.size() - 1});
    return *this;
  }

  /// chi^2 (+inf if a hard cut or band is violated or a prediction is NaN). Fast path.
  double operator()(const Input& in) const {
    double s = 0.0;
    for (const auto& [m, f] : gaussians_) s += m.chi2(f(in));
    for (const auto& [l, f] : limits_) s += l.chi2(f(in));
    for (const auto& [c, f] : correlated_) s += c.chi2(f(in));
    for (const auto& [b, f] : bands_)
      if (!b.allowed(f(in))) return std::numeric_limits<double>::infinity();
    return std::isnan(s) ? std::numeric_limits<double>::infinity() : s;
  }

  /// chi^2 of the terms only, ignoring hard cuts and bands (what a fit would see without them).
  double terms_only(const Input& in) const {
    double s = 0.0;
    for (const auto& [m, f] : gaussians_) s += m.chi2(f(in));
    for (const auto& [l, f] : limits_)
      if (l.mode == LimitMode::smooth) s += l.chi2(f(in));
    for (const auto& [c, f] : correlated_) s += c.chi2(f(in));
    return std::isnan(s) ? std::numeric_limits<double>::infinity() : s;
  }

  /// Every term with its prediction, pull and contribution, in the order added.
  Breakdown evaluate(const Input& in) const {
    Breakdown b;
    for (const auto& [kind, i] : order_) {
      if (kind == 0) {
        const auto& [m, f] = gaussians_[i];
        const double p = f(in);
        b.terms.push_back({m.name, "gaussian", p, m.central, m.sigma(p), m.pull(p), m.chi2(p),
                           std::isfinite(p), true, m.source});
      } else if (kind == 1) {
        const auto& [l, f] = limits_[i];
        const double p = f(in);
        const bool smooth = l.mode == LimitMode::smooth;
        b.terms.push_back({l.name, "limit", p, l.limit, smooth ? l.sigma() : 0.0, l.pull(p),
                           smooth ? l.chi2(p) : 0.0, smooth ? std::isfinite(p) : l.allowed(p),
                           smooth, l.source});
      } else if (kind == 2) {
        const auto& [c, f] = correlated_[i];
        const Eigen::VectorXd p = f(in);
        const Eigen::VectorXd pulls = c.pulls(p);
        for (Eigen::Index k = 0; k < p.size(); ++k)
          b.terms.push_back({c.names()[static_cast<std::size_t>(k)], "correlated", p(k),
                             c.central()(k), std::sqrt(c.covariance()(k, k)), pulls(k),
                             pulls(k) * pulls(k), std::isfinite(p(k)), true, c.source()});
      } else {
        const auto& [band, f] = bands_[i];
        const double p = f(in);
        b.terms.push_back({band.measurement.name, "band", p, band.measurement.central,
                           band.measurement.sigma(p), band.measurement.pull(p), 0.0,
                           band.allowed(p), false, band.measurement.source});
      }
    }
    for (const auto& t : b.terms) {
      if (t.in_chi2) b.chi2 += t.chi2;
      b.allowed = b.allowed && t.allowed;
    }
    if (std::isnan(b.chi2)) b.allowed = false;
    return b;
  }

  std::size_t size() const noexcept { return order_.size(); }
  /// Number of terms that add to chi^2 (degrees of freedom before subtracting parameters).
  std::size_t n_chi2_terms() const noexcept {
    std::size_t n = gaussians_.size();
    for (const auto& [c, f] : correlated_) n += c.size();
    for (const auto& [l, f] : limits_) n += l.mode == LimitMode::smooth ? 1 : 0;
    return n;
  }

 private:
  std::vector<std::pair<Gaussian, Scalar>> gaussians_;
  std::vector<std::pair<Limit, Scalar>> limits_;
  std::vector<std::pair<CorrelatedGaussian, Vector>> correlated_;
  std::vector<std::pair<GaussianBand, Scalar>> bands_;
  std::vector<std::pair<int, std::size_t>> order_;
};

/// Delta chi^2 thresholds for 1, 2, 3 sigma (68.27, 95.45, 99.73 %) with `n` parameters:
/// the chi^2_n quantile. Closed form for n = 1, 2; n = 2 is what Fig. 2 of the paper uses.
inline double delta_chi2_for_sigma(int n_sigma, int n_parameters) {
  const double z = static_cast<double>(n_sigma);
  const double p = std::erf(z / std::sqrt(2.0));  // two-sided Gaussian coverage
  if (n_parameters == 1) return z * z;
  if (n_parameters == 2) return -2.0 * std::log(1.0 - p);
  throw invalid_input("n_parameters", n_parameters, "only 1 or 2 supported");
}

}  // namespace darkloops::fit
