// SPDX-License-Identifier: MIT
// Named parameter ranges and the point sets drawn from them: regular grids (linear or log
// axes), uniform random samples and Latin-hypercube samples. Pure functions; deterministic
// for a given seed (std::mt19937_64, own uniform mapping so results do not depend on the
// standard library's distributions).
#pragma once

#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "darkloops/core/error.hpp"

namespace darkloops::fit {

/// A named parameter with bounds [lower, upper]; `log` spaces grid points / samples in log.
struct Range {
  std::string name;
  double lower = 0.0;
  double upper = 1.0;
  bool log = false;

  void validate() const {
    if (!std::isfinite(lower) || !std::isfinite(upper) || !(upper > lower))
      throw invalid_input(name + ".range", std::to_string(lower) + ".." + std::to_string(upper),
                          "needs finite bounds with upper > lower");
    if (log && !(lower > 0.0))
      throw invalid_input(name + ".lower", lower, "a log-spaced range needs lower > 0");
  }
  /// Map u in [0, 1] to the range.
  double at(double u) const noexcept {
    return log ? lower * std::pow(upper / lower, u) : lower + u * (upper - lower);
  }
  /// Inverse of at().
  double unit(double x) const noexcept {
    return log ? std::log(x / lower) / std::log(upper / lower) : (x - lower) / (upper - lower);
  }
};

/// A grid axis: `n` points from lower to upper inclusive (n = 1: the midpoint).
struct Axis {
  Range range;
  std::size_t n = 2;
  double value(std::size_t i) const noexcept {
    if (n <= 1) return range.at(0.5);
    return range.at(static_cast<double>(i) / static_cast<double>(n - 1));
  }
};

/// Every point of the grid spanned by `axes`; the LAST axis runs fastest (row-major), so a
/// 2-D grid is written block by block of the first axis (what gnuplot's pm3d expects).
inline std::vector<std::vector<double>> grid_points(const std::vector<Axis>& axes) {
  std::size_t total = 1;
  for (const auto& a : axes) {
    a.range.validate();
    if (a.n == 0) throw invalid_input(a.range.name + ".n", 0, "an axis needs at least one point");
    total *= a.n;
  }
  std::vector<std::vector<double>> pts(total, std::vector<double>(axes.size()));
  for (std::size_t k = 0; k < total; ++k) {
    std::size_t rest = k;
    for (std::size_t d = axes.size(); d-- > 0;) {
      pts[k][d] = axes[d].value(rest % axes[d].n);
      rest /= axes[d].n;
    }
  }
  return pts;
}

namespace detail {
/// Uniform double in [0, 1) from 53 random bits.
inline double unit_uniform(std::mt19937_64& rng) noexcept {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}
inline void validate_all(const std::vector<Range>& ranges) {
  for (const auto& r : ranges) r.validate();
}
}  // namespace detail

/// `n` independent uniform points in the box.
inline std::vector<std::vector<double>> random_points(const std::vector<Range>& ranges,
                                                      std::size_t n, std::uint64_t seed = 1) {
  detail::validate_all(ranges);
  std::mt19937_64 rng(seed);
  std::vector<std::vector<double>> pts(n, std::vector<double>(ranges.size()));
  for (auto& p : pts)
    for (std::size_t d = 0; d < ranges.size(); ++d) p[d] = ranges[d].at(detail::unit_uniform(rng));
  return pts;
}

/// `n` Latin-hypercube points: each axis cut into n equal strata (in the range's own
/// linear or log measure), one point per stratum per axis, strata paired at random.
inline std::vector<std::vector<double>> latin_hypercube(const std::vector<Range>& ranges,
                                                        std::size_t n, std::uint64_t seed = 1) {
  detail::validate_all(ranges);
  std::mt19937_64 rng(seed);
  std::vector<std::vector<double>> pts(n, std::vector<double>(ranges.size()));
  std::vector<std::size_t> perm(n);
  for (std::size_t d = 0; d < ranges.size(); ++d) {
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) {  // Fisher-Yates with our own uniform
      const auto j = static_cast<std::size_t>(detail::unit_uniform(rng) * static_cast<double>(i));
      std::swap(perm[i - 1], perm[j < i ? j : i - 1]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      const double u = (static_cast<double>(perm[i]) + detail::unit_uniform(rng)) / static_cast<double>(n);
      pts[i][d] = ranges[d].at(u);
    }
  }
  return pts;
}

}  // namespace darkloops::fit
