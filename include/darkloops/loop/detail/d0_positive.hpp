// SPDX-License-Identifier: MIT
// D0 where the scaled Feynman-parameter form is positive on the whole simplex (no real null
// direction, D0 real): docs/physics.md §2.1 "D0 general kinematics", eqs. (D0.19)-(D0.22).
// Copositivity test by the Karush-Kuhn-Tucker points of the 15 faces (D0.19), one Feynman
// parameter integrated in closed form (D0.20)-(D0.21), Gauss-Legendre on the remaining
// triangle with a bounded ladder of rules and an error estimate (D0.22).
#pragma once

#include <array>
#include <cmath>
#include <limits>

#include <boost/math/quadrature/gauss.hpp>

namespace darkloops::loop::detail {

/// Eq. (D0.19): true iff the symmetric 4x4 K (K_ii = 1) is certified strictly copositive, i.e.
/// x^T K x > 0 on the closed simplex; q_min receives min over the simplex of x^T K x. Every face
/// S: solve K_S z = 1_S (partial pivoting); z > 0 gives a critical point of value 1 / sum z;
/// z < 0 a negative value (not copositive); a near-singular K_S is not certified (false).
template <class T>
inline bool d0_copositive(const std::array<std::array<T, 4>, 4>& K, T& q_min) noexcept {
  using std::abs;
  q_min = T(1);  // the vertices (K_ii = 1)
  for (int mask = 1; mask < 16; ++mask) {
    std::array<int, 4> idx{};
    int n = 0;
    for (int i = 0; i < 4; ++i)
      if (mask & (1 << i)) idx[n++] = i;
    if (n == 1) continue;
    T a[4][5];
    T scale = T(0);
    for (int r = 0; r < n; ++r) {
      for (int c = 0; c < n; ++c) {
        a[r][c] = K[idx[r]][idx[c]];
        scale = (abs(a[r][c]) > scale) ? abs(a[r][c]) : scale;
      }
      a[r][n] = T(1);
    }
    for (int c = 0; c < n; ++c) {
      int piv = c;
      for (int r = c + 1; r < n; ++r)
        if (abs(a[r][c]) > abs(a[piv][c])) piv = r;
      // near-singular face: a zero of x^T K x may sit on it (value 0): not certified
      if (!(abs(a[piv][c]) > T(1e-10) * scale)) return false;
      if (piv != c)
        for (int k = 0; k <= n; ++k) std::swap(a[c][k], a[piv][k]);
      for (int r = c + 1; r < n; ++r) {
        const T f = a[r][c] / a[c][c];
        for (int k = c; k <= n; ++k) a[r][k] -= f * a[c][k];
      }
    }
    std::array<T, 4> z{};
    for (int r = n - 1; r >= 0; --r) {
      T s = a[r][n];
      for (int k = r + 1; k < n; ++k) s -= a[r][k] * z[k];
      z[r] = s / a[r][r];
    }
    bool pos = true, neg = true;
    T sum = T(0);
    for (int r = 0; r < n; ++r) {
      pos = pos && z[r] > T(0);
      neg = neg && z[r] < T(0);
      sum += z[r];
    }
    if (neg) return false;  // critical point with value 1 / sum z < 0
    if (pos && T(1) / sum < q_min) q_min = T(1) / sum;
  }
  return q_min > T(0);
}

template <class T>
inline bool d0_below_eps(const T& t, const T& s) noexcept {
  using std::abs;
  return abs(t) <= std::numeric_limits<T>::epsilon() * abs(s) / T(4);
}

/// Eqs. (D0.20)-(D0.21): int_0^inf du / (u^2 + 2 b u + a)^2 for a > 0 and u^2 + 2bu + a > 0 on
/// u >= 0, without cancellation (series in x = (a - b^2)/b^2 for |x| < 1/4, b > 0).
template <class T>
inline T d0_inner(T a, T b) noexcept {
  using std::atan;
  using std::atan2;
  using std::log;
  using std::sqrt;
  const T d = a - b * b;
  if (!(b > T(0))) {  // (D0.20): d > 0 here; both terms >= 0
    const T sd = sqrt(d);
    return (atan2(sd, b) / sd - b / a) / (T(2) * d);
  }
  const T x = d / (b * b);
  T s;  // s = f(x) + (f(x) - 1) / x, f = atan(sqrt x) / sqrt x (D0.21)
  if (x < T(0.25) && x > T(-0.25)) {
    // s = sum_n (-x)^n 2 / ((2n + 1)(2n + 3)); |term| <= 4^-n: <= 200 terms for 110 digits
    s = T(0);
    T p = T(1);
    for (int k = 0; k < 200; ++k) {
      const T t = p * T(2) / (T(2 * k + 1) * T(2 * k + 3));
      s += t;
      if (d0_below_eps(t, s)) break;
      p *= -x;
    }
  } else {
    T f;
    if (x > T(0)) {
      const T r = sqrt(x);
      f = atan(r) / r;
    } else {  // -1 < x <= -1/4 (a > 0): atanh(r) / r
      const T r = sqrt(-x);
      f = log((T(1) + r) / (T(1) - r)) / (T(2) * r);
    }
    s = f + (f - T(1)) / x;
  }
  return s / (T(2) * a * b);
}

/// Gauss-Legendre rule with N points on [0, 1] (Boost.Math tables, N = 15 and 30 tabulated
/// for every precision class up to 110 digits).
template <class T, unsigned N>
struct D0Gauss {
  std::array<T, N> x{}, w{};
  D0Gauss() noexcept {
    const auto& ab = boost::math::quadrature::gauss<T, N>::abscissa();
    const auto& wt = boost::math::quadrature::gauss<T, N>::weights();
    unsigned k = 0;
    for (unsigned i = 0; i < ab.size(); ++i) {
      if (i == 0 && N % 2 == 1) {  // odd N: the centre node (Boost stores it first)
        x[k] = T(0.5);
        w[k++] = wt[i] / T(2);
        continue;
      }
      x[k] = (T(1) - ab[i]) / T(2);
      w[k++] = wt[i] / T(2);
      x[k] = (T(1) + ab[i]) / T(2);
      w[k++] = wt[i] / T(2);
    }
  }
};

/// Eq. (D0.22): int over the triangle (s, v) in [0,1]^2 of (1 - s) I(A(y), B(y)) with
/// y = (s, (1 - s) v, (1 - s)(1 - v)) on the face x_4 = 0, panels x panels sub-squares of an
/// N-point product rule.
template <class T, unsigned N>
inline T d0_positive_rule(const std::array<std::array<T, 4>, 4>& K, int panels) noexcept {
  static const D0Gauss<T, N> g;
  const T h = T(1) / T(panels);
  T total = T(0);
  for (int ps = 0; ps < panels; ++ps)
    for (int pv = 0; pv < panels; ++pv) {
      T sum = T(0);
      for (unsigned i = 0; i < N; ++i) {
        const T s = h * (T(ps) + g.x[i]);
        T row = T(0);
        for (unsigned j = 0; j < N; ++j) {
          const T v = h * (T(pv) + g.x[j]);
          const std::array<T, 3> y{s, (T(1) - s) * v, (T(1) - s) * (T(1) - v)};
          T a = T(0), b = T(0);
          for (int p = 0; p < 3; ++p) {
            b += y[p] * K[p][3];
            for (int q = 0; q < 3; ++q) a += y[p] * y[q] * K[p][q];
          }
          row += g.w[j] * d0_inner(a, b);
        }
        sum += g.w[i] * (T(1) - s) * row;
      }
      total += sum;
    }
  return total * h * h;
}

/// The scaled integral (D0.3) with l = sum x (the standard simplex) for a certified
/// copositive K (eq. (D0.19)); the rule ladder of (D0.22) (at most 1 125 + 3 600 + 14 400
/// integrand calls). Returns false (no value) when no rung meets its error bound.
template <class T>
inline bool d0_positive(const std::array<std::array<T, 4>, 4>& K, T& value) noexcept {
  using std::abs;
  T q_min;
  if (!d0_copositive(K, q_min)) return false;
  // Relative bounds on |coarse - fine| (docs/physics.md after (D0.22)): G15 vs G30 on the
  // square, then G30 on 1 vs 2x2 vs 4x4 panels.
  const T g15 = d0_positive_rule<T, 15>(K, 1);
  T fine = d0_positive_rule<T, 30>(K, 1);
  if (abs(g15 - fine) <= T(1e-8) * abs(fine)) {
    value = fine;
    return true;
  }
  for (int panels = 2; panels <= 4; panels *= 2) {
    const T coarse = fine;
    fine = d0_positive_rule<T, 30>(K, panels);
    if (abs(coarse - fine) <= T(1e-10) * abs(fine)) {
      value = fine;
      return true;
    }
  }
  return false;
}

}  // namespace darkloops::loop::detail
