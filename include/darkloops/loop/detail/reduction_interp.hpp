// SPDX-License-Identifier: MIT
// Stable branch of the tensor reduction where the Gram determinant is small (docs/physics.md
// §2.1, "Tensor reduction", eqs. (TR.10)-(TR.13)): the tensor coefficients are analytic in each
// kinematic invariant across the surface det Z = 0 (the 1/det Z of the Passarino–Veltman
// formulas is spurious), so they are reconstructed at the target point by Chebyshev
// interpolation in the one invariant s* that moves det Z fastest, from K nodes
// s* + h cos(pi (j + 1/2) / K) where the reduction is well conditioned.  h is a quarter of
// the distance to the normal threshold of s* (analyticity radius) and stays below the second
// root of det Z(s*).  Error = (max node error) x Lebesgue constant + Chebyshev tail.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <cstddef>

#include "darkloops/loop/detail/reduction_tracked.hpp"

namespace darkloops::loop::detail {

inline constexpr int interp_nodes = 16;

/// Fallback threshold: digits lost above which the stable branch is tried.
template <class T>
constexpr T fallback_threshold() noexcept {
  return T(std::numeric_limits<T>::digits10) / 4;
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
  using std::sqrt;
  std::array<Tracked<T>, NC> out{};
  ok = false;
  T H = 0;
  for (const auto& x : s) H = std::max(H, T(abs(x)));
  for (const auto& x : thr) H = std::max(H, T(abs(x)));
  if (!(H > 0)) return out;
  // Pick the invariant along which det Z changes fastest (det Z is quadratic in each one).
  const T g0 = gram(s);
  std::size_t istar = NS;
  T best = 0, g1 = 0, g2 = 0;
  for (std::size_t i = 0; i < NS; ++i) {
    auto sp = s, sm = s;
    sp[i] += H;
    sm[i] -= H;
    const T gp = gram(sp), gm = gram(sm);
    const T d1 = (gp - gm) / (2 * H);
    if (abs(d1) > best) {
      best = abs(d1);
      istar = i;
      g1 = d1;
      g2 = (gp + gm - 2 * g0) / (2 * H * H);
    }
  }
  if (istar == NS) return out;
  T h = abs(s[istar] - thr[istar]) / 4;
  // Keep the second root of det Z(s*) outside the interval.
  if (g2 != T(0)) {
    const T disc = g1 * g1 - 4 * g2 * g0;
    if (disc >= 0) {
      const T sq = sqrt(disc);
      const T xa = (-g1 + sq) / (2 * g2), xb = (-g1 - sq) / (2 * g2);
      const T near = abs(xa) < abs(xb) ? xa : xb;
      const T far = abs(xa) < abs(xb) ? xb : xa;
      if (abs(far - near) > h / 100) h = std::min(h, T(7 * abs(far) / 10));
    }
  }
  if (!(h > 0) || !(h < std::numeric_limits<T>::infinity())) return out;
  const T pi = T(4) * T(atan(T(1)));
  constexpr int K = interp_nodes;
  std::array<std::array<Tracked<T>, NC>, K> vals;
  std::array<T, K> theta;
  for (int j = 0; j < K; ++j) {
    theta[j] = pi * (T(j) + T(1) / 2) / T(K);
    auto sn = s;
    sn[istar] = s[istar] + h * T(cos(theta[j]));
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
