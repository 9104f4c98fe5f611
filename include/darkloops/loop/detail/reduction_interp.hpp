// SPDX-License-Identifier: MIT
// Stable branch of the tensor reduction where the Gram determinant is small (docs/physics.md
// §2.1, "Tensor reduction", eqs. (TR.10)-(TR.13)): the tensor coefficients are analytic in each
// kinematic invariant across the surface det Z = 0 (the 1/det Z of the Passarino–Veltman
// formulas is spurious), so they are reconstructed at the target point s by Chebyshev
// interpolation along a line s + x d in invariant space, from K nodes x_j = h cos(pi (j+1/2)/K)
// where the reduction is well conditioned.  d (moving one or two invariants) and h (R/4 or R/8,
// R = distance to the nearest normal threshold of a moving invariant) maximise the smallest
// |det Z| over the nodes.  Error = (max node error) x Lebesgue constant + Chebyshev tail.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <cstddef>
#include <limits>

#include "darkloops/loop/detail/reduction_tracked.hpp"

namespace darkloops::loop::detail {

inline constexpr int interp_nodes = 16;

/// Fallback threshold: digits lost above which the stable branch is tried.
template <class T>
constexpr T fallback_threshold() noexcept {
  return T(std::numeric_limits<T>::digits10) / 3;
}

/// s: invariants; thr: normal threshold of each invariant; gram(s): Gram determinant;
/// eval(s): well-conditioned-or-not reduction returning std::array<Tracked<T>, NC>.
/// Returns false in ok when no usable interval exists.
template <class T, std::size_t NS, std::size_t NC, class Gram, class Eval>
std::array<Tracked<T>, NC> interpolate_across_gram(const std::array<T, NS>& s,
                                                   const std::array<T, NS>& thr, Gram gram,
                                                   Eval eval, bool& ok) noexcept {
  using std::abs;
  using std::atan;
  using std::cos;
  using std::log;
  std::array<Tracked<T>, NC> out{};
  ok = false;
  const T pi = T(4) * T(atan(T(1)));
  constexpr int K = interp_nodes;
  std::array<T, K> theta, xs;
  for (int j = 0; j < K; ++j) {
    theta[j] = pi * (T(j) + T(1) / 2) / T(K);
    xs[j] = T(cos(theta[j]));
  }
  // Candidate directions d (components in {-1, 0, 1}): e_i, e_i + e_j, e_i - e_j.  The
  // analyticity radius along d is the distance to the nearest normal threshold of a moving
  // invariant; among h = R/4, R/8 pick the (d, h) whose worst node has the largest |det Z|
  // (eq. (TR.12)), i.e. where the reduction at the nodes is best conditioned.
  std::array<T, NS> best_d{};
  T best_h = 0, best_score = 0;
  auto consider = [&](const std::array<T, NS>& d) {
    T R = std::numeric_limits<T>::infinity();
    for (std::size_t i = 0; i < NS; ++i)
      if (d[i] != T(0)) R = std::min(R, T(abs(s[i] - thr[i])));
    if (!(R > 0) || !(R < std::numeric_limits<T>::infinity())) return;
    for (const T h : {R / 4, R / 8}) {
      T score = std::numeric_limits<T>::infinity();
      for (int j = 0; j < K; ++j) {
        auto sn = s;
        for (std::size_t i = 0; i < NS; ++i) sn[i] += h * xs[j] * d[i];
        score = std::min(score, T(abs(gram(sn))));
      }
      if (score > best_score) {
        best_score = score;
        best_h = h;
        best_d = d;
      }
    }
  };
  for (std::size_t i = 0; i < NS; ++i) {
    std::array<T, NS> d{};
    d[i] = 1;
    consider(d);
    for (std::size_t j = i + 1; j < NS; ++j) {
      d[j] = 1;
      consider(d);
      d[j] = -1;
      consider(d);
      d[j] = 0;
    }
  }
  if (!(best_score > 0)) return out;
  const T h = best_h;
  std::array<std::array<Tracked<T>, NC>, K> vals;
  for (int j = 0; j < K; ++j) {
    auto sn = s;
    for (std::size_t i = 0; i < NS; ++i) sn[i] += h * xs[j] * best_d[i];
    vals[j] = eval(sn);
  }
  // Lebesgue constant of Chebyshev nodes: <= 1 + (2/pi) log K.
  const T lebesgue = 1 + 2 / pi * T(log(T(K)));
  for (std::size_t c = 0; c < NC; ++c) {
    std::array<std::complex<T>, K> a{};
    T emax = 0;
    for (int j = 0; j < K; ++j) emax = std::max(emax, vals[j][c].e);
    for (int k = 0; k < K; ++k) {
      std::complex<T> sum{};
      for (int j = 0; j < K; ++j) sum += vals[j][c].v * T(cos(T(k) * theta[j]));
      a[k] = sum * (T(2) / T(K));
    }
    // Value at the centre x = 0: T_k(0) = cos(k pi / 2).
    std::complex<T> v = a[0] / T(2);
    for (int k = 2; k < K; k += 2) v += (k % 4 == 0 ? a[k] : -a[k]);
    const T tail = cabs(a[K - 1]) + cabs(a[K - 2]);
    out[c] = {v, emax * lebesgue + tail + 4 * unit_roundoff<T>() * cabs(v)};
  }
  ok = true;
  return out;
}

}  // namespace darkloops::loop::detail
