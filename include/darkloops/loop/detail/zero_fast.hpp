// SPDX-License-Identifier: MIT
// Straight-line versions of the divided-difference engine (zero_dd.hpp) for the hot scalar
// functions: (x ln x)[3 nodes] (C0), (x ln x)[4 nodes] (D0, box G), (x^2 ln x)[4 nodes]
// (D00, box F, dipole G2). Same algorithm, same windows, same branch structure as
// XkLnDD — no memo tables, logs shared by hand, sorting networks, the first-order ln
// difference in a branch-free form (ln_dd1_sorted). Tests compare them with the generic
// engine in 50-digit arithmetic (test_loop_zero_mp.cpp).
#pragma once

#include <array>
#include <type_traits>
#include <utility>

#include "darkloops/loop/detail/zero_dd.hpp"

namespace darkloops::loop::zero::detail {

template <class T>
inline void sort2(T& a, T& b) noexcept {
  if constexpr (std::is_floating_point_v<T>) {  // branch-free: minsd/maxsd
    const T lo = b < a ? b : a;
    const T hi = b < a ? a : b;
    a = lo;
    b = hi;
  } else {
    if (b < a) std::swap(a, b);
  }
}

template <class T>
inline void sort3(T& a, T& b, T& c) noexcept {
  sort2(a, b);
  sort2(b, c);
  sort2(a, b);
}

template <class T>
inline void sort4(T& a, T& b, T& c, T& d) noexcept {
  sort2(a, b);
  sort2(c, d);
  sort2(a, c);
  sort2(b, d);
  sort2(b, c);
}

/// ln[lo,hi] for sorted 0 < lo <= hi, branch-free in the ratio (docs/physics.md §2.2.3):
/// with q = fl(lo/hi), ln[lo,hi] = ln(q)/(hi (q-1)) is the exact divided difference at the
/// nodes (q hi, hi), q hi = lo (1 + d), |d| <= eps/2, whose relative sensitivity to d is <= 1;
/// q - 1 is exact (Sterbenz) for q >= 1/2 and ln is glibc's (< 1 ulp, also near q = 1). So one
/// formula replaces the log1p/log switch at lo = hi/2 (a mispredicted branch on random
/// masses). q = 1 only for lo = hi: sorted distinct floats give q <= 1 - eps/2.
template <class T>
inline T ln_dd1_sorted(const T& lo, const T& hi) noexcept {
  const T q = lo / hi;
  if (q == T(1)) return T(1) / hi;
  return log_(q) / (hi * (q - 1));
}

/// x for x > 0, else 1: a denominator for quotients computed ahead of a window test (node
/// differences of sorted nodes are >= 0 and vanish only where the window test takes the
/// series; no division by zero is ever evaluated).
template <class T>
inline T nonzero_den(const T& x) noexcept {
  return x > T(0) ? x : T(1);
}

/// Compile-time tables of the Taylor sum of (x^K ln x)[N+1 nodes] for a built-in type T:
/// b[t] = taylor_coefficient(K, N+t), and wmax[J] = the widest spread w = (hi-lo)/(hi+lo) at
/// which taylor_terms' bound C_J w^J <= eps/16, C_J = prod_{t<J} (N+t-K)/(t+1), is met with
/// J terms (the same J as taylor_terms, found by a table scan instead of a product loop).
template <class T, int K, int N>
struct SeriesTable {
  static constexpr int size = 48;  // long double at the N = 3 window edge needs ~32
  std::array<T, size> b{};
  std::array<T, size> wmax{};
  constexpr SeriesTable() noexcept {
    const long double tol = static_cast<long double>(std::numeric_limits<T>::epsilon()) / 16;
    long double cj = 1;
    for (int t = 0; t < size; ++t) {
      b[t] = static_cast<T>(taylor_coefficient<long double>(K, N + t));
      if (t == 0) continue;
      cj *= static_cast<long double>(N + t - 1 - K) / t;
      long double lo = 0, hi = 1;  // bisection for C_J w^J = tol
      for (int it = 0; it < 64; ++it) {
        const long double w = (lo + hi) / 2;
        long double v = cj;
        for (int i = 0; i < t; ++i) v *= w;
        (v <= tol ? lo : hi) = w;
      }
      wmax[t] = static_cast<T>(lo);
    }
  }
};
// N = 2, K = 1: C_J = 1, so wmax[2] = sqrt(eps/16) = 2^-28 (bisection to 2^-64 absolute).
static_assert(SeriesTable<double, 1, 2>{}.wmax[2] * 268435456.0 > 1 - 1e-9 &&
              SeriesTable<double, 1, 2>{}.wmax[2] * 268435456.0 < 1 + 1e-9);
static_assert(SeriesTable<double, 1, 2>{}.b[0] == 0.5 && SeriesTable<double, 1, 2>{}.b[1] == -1.0 / 6);

/// Taylor sum of (x^K ln x)[x_0..x_{n-1}] (sorted, x_0 > 0, n-1 > K) as taylor_dd, for the
/// built-in types with tabulated coefficients and the h_t(u) recurrences interleaved
/// (h_t(u_0..u_l) = h_t(u_0..u_{l-1}) + u_l h_{t-1}(u_0..u_l)); other types use taylor_dd.
template <class T, int K, int n>
inline T taylor_fast(const std::array<T, n>& x) noexcept {
  if constexpr (!std::is_floating_point_v<T>) {
    return taylor_dd<T>(K, x.data(), n);
  } else {
    constexpr int N = n - 1;
    static constexpr SeriesTable<T, K, N> tab{};
    const T lo = x[0];
    const T hi = x[n - 1];
    const T c = (lo + hi) / 2;
    const T ic = T(1) / c;
    const T w = (hi - lo) / (hi + lo);
    int J = 1;
    while (J < SeriesTable<T, K, N>::size - 1 && w > tab.wmax[J]) ++J;
    std::array<T, n> u, h;
    for (int l = 0; l < n; ++l) {
      u[l] = (x[l] - c) * ic;
      h[l] = T(1);
    }
    T s = tab.b[0];
    for (int t = 1; t <= J; ++t) {
      h[0] *= u[0];
      for (int l = 1; l < n; ++l) h[l] = h[l - 1] + u[l] * h[l];
      s += tab.b[t] * h[n - 1];
    }
    T cp = T(1);  // c^(K-N)
    for (int i = 0; i < N - K; ++i) cp *= ic;
    return s * cp;
  }
}

/// Range [lo, hi] (lo > 0) inside the Taylor window of order N.
template <class T>
inline bool in_window(const T& lo, const T& hi, int N) noexcept {
  return lo > T(0) && (hi - lo) <= T(taylor_window_for<T>(N)) * (hi + lo);
}

/// ln[x,y,z] (sorted, x > 0) given ln[x,y] and ln[y,z] (unused when in the window).
template <class T>
inline T ln_dd2(const T& x, const T& y, const T& z, const T& lxy, const T& lyz) noexcept {
  if (in_window(x, z, 2)) {
    return taylor_fast<T, 0, 3>({x, y, z});
  }
  return (lyz - lxy) / (z - x);
}

/// (x ln x)[a,b,c] = a ln[a,b,c] + ln[b,c] (Leibniz) = (lbc - lab) s + lbc, sorted
/// a <= b <= c outside the window, a > 0 or (a = 0 < b); lab, lbc: ln[a,b], ln[b,c];
/// s = a/(c - a) precomputed off the logs' dependency chain (as many roundings as
/// a ((lbc - lab)/(c - a))); a = 0: lab = 0, s = 0, giving lbc.
template <class T>
inline T p21s(const T& s, const T& lab, const T& lbc) noexcept {
  return (lbc - lab) * s + lbc;
}

/// (x ln x)[a,b,c] for unsorted squared masses; NaN if two vanish.
template <class T>
inline T xln_dd3(T a, T b, T c) noexcept {
  sort3(a, b, c);
  if (b == T(0)) return nan<T>();
  const T s_ca = a / nonzero_den(c - a);
  const T lab = a == T(0) ? T(0) : ln_dd1_sorted(a, b);
  const T lbc = ln_dd1_sorted(b, c);
  if (in_window(a, c, 2)) return taylor_fast<T, 1, 3>({a, b, c});
  return p21s(s_ca, lab, lbc);
}

/// (x ln x)[a,b,c,d] for unsorted squared masses; NaN if two vanish. The three first-order
/// ln differences are computed before any window test (independent calls that overlap in the
/// pipeline; a window hit, ~4 % of random sets, discards them), and so are the quotients by
/// node differences, so that only the logs and multiplications remain on the dependency chain
/// (docs/performance.md, zero-momentum section).
template <class T>
inline T xln_dd4(T a, T b, T c, T d) noexcept {
  sort4(a, b, c, d);
  if (b == T(0)) return nan<T>();
  const T s_ca = a / nonzero_den(c - a);
  const T s_db = b / nonzero_den(d - b);
  const T r_da = T(1) / nonzero_den(d - a);
  const T lab = a == T(0) ? T(0) : ln_dd1_sorted(a, b);
  const T lbc = ln_dd1_sorted(b, c);
  const T lcd = ln_dd1_sorted(c, d);
  if (in_window(a, d, 3)) return taylor_fast<T, 1, 4>({a, b, c, d});
  const T p_abc = in_window(a, c, 2) ? taylor_fast<T, 1, 3>({a, b, c}) : p21s(s_ca, lab, lbc);
  const T p_bcd = in_window(b, d, 2) ? taylor_fast<T, 1, 3>({b, c, d}) : p21s(s_db, lbc, lcd);
  return (p_bcd - p_abc) * r_da;
}

/// (x^2 ln x)[a,b,c,d] for unsorted squared masses; NaN if three vanish.
/// Leibniz: a^2 ln[a,b,c,d] + (a+b) ln[b,c,d] + ln[c,d]. Logs first, as in xln_dd4.
template <class T>
inline T x2ln_dd4(T a, T b, T c, T d) noexcept {
  sort4(a, b, c, d);
  if (c == T(0)) return nan<T>();
  const T r_ca = T(1) / nonzero_den(c - a);  // quotients ahead of the logs, as in xln_dd4
  const T r_db = T(1) / nonzero_den(d - b);
  const T r_da = T(1) / nonzero_den(d - a);
  const T lab = a == T(0) ? T(0) : ln_dd1_sorted(a, b);
  const T lbc = b == T(0) ? T(0) : ln_dd1_sorted(b, c);
  const T lcd = ln_dd1_sorted(c, d);
  if (in_window(a, d, 3)) return taylor_fast<T, 2, 4>({a, b, c, d});
  if (b == T(0)) return lcd;
  // ln[b,c,d], ln[a,b,c] as ln_dd2 with the reciprocals above
  const T l_bcd = in_window(b, d, 2) ? taylor_fast<T, 0, 3>({b, c, d}) : (lcd - lbc) * r_db;
  T v = (a + b) * l_bcd + lcd;
  if (a != T(0)) {
    const T l_abc = in_window(a, c, 2) ? taylor_fast<T, 0, 3>({a, b, c}) : (lbc - lab) * r_ca;
    v += a * a * ((l_bcd - l_abc) * r_da);
  }
  return v;
}

/// (x^2 ln(x/mu2))[a,b,c] for unsorted squared masses (order 2 = K: sign-indefinite);
/// Leibniz: a^2 ln[a,b,c] + (a+b) ln[b,c] + ln(c/mu2), a <= b <= c. NaN if all vanish.
template <class T>
inline T x2ln_log3(T a, T b, T c, const T& mu2) noexcept {
  sort3(a, b, c);
  if (c == T(0)) return nan<T>();
  T v = log_(c / mu2);
  if (b == T(0)) return v;
  const T lbc = ln_dd1_sorted(b, c);
  v += (a + b) * lbc;
  if (a != T(0)) v += a * a * ln_dd2(a, b, c, ln_dd1_sorted(a, b), lbc);
  return v;
}

}  // namespace darkloops::loop::zero::detail

namespace darkloops::loop::zero::detail {

/// Series of (x^K ln x)[1 (p times), t (q times)] about the centre c = (1+t)/2 in
/// delta = (t-1)/(t+1): nodes c(1-delta) (p times), c(1+delta) (q times), so
/// h_j(u) = s_j delta^j with s_j = sum_i binom(p-1+i,i) binom(q-1+j-i,j-i) (-1)^i, and
/// f[..] = c^(K-N) sum_j e_j delta^j, e_j = b_{N+j} s_j (b: taylor_coefficient).
/// Coefficients are compile-time constants (long double).
template <int K, int p, int q>
struct TwoValueSeries {
  static constexpr int N = p + q - 1;
  static constexpr int max_terms = 90;
  std::array<long double, max_terms> e{};
  constexpr TwoValueSeries() noexcept {
    // binom(p-1+i, i) and binom(q-1+m, m) for i, m < max_terms (exact integers in long double)
    std::array<long double, max_terms> bp{}, bq{};
    bp[0] = bq[0] = 1;
    for (int r = 1; r < max_terms; ++r) {
      bp[r] = bp[r - 1] * (p - 1 + r) / r;
      bq[r] = bq[r - 1] * (q - 1 + r) / r;
    }
    for (int j = 0; j < max_terms; ++j) {
      long double s = 0;
      for (int i = 0; i <= j; ++i) s += (i % 2 ? -bp[i] : bp[i]) * bq[j - i];
      e[j] = taylor_coefficient<long double>(K, N + j) * s;
    }
  }
  /// Terms needed at |delta| <= dmax for relative accuracy eps/16 (tail bound by the
  /// moduli of the next 10 terms).
  constexpr int terms(long double dmax, long double eps) const noexcept {
    const long double e0 = e[0] < 0 ? -e[0] : e[0];
    for (int j = 1; j + 10 < max_terms; ++j) {
      long double tail = 0, dj = 1;
      for (int i = 0; i < j; ++i) dj *= dmax;
      for (int i = j; i < j + 10; ++i) {
        tail += (e[i] < 0 ? -e[i] : e[i]) * dj;
        dj *= dmax;
      }
      if (tail < eps / 16 * e0) return j;
    }
    return max_terms;
  }
};

// Compile-time checks of the series coefficients: the leading coefficient is the value at
// t = 1, f^(N)(1)/N! (G2(1) = 1/6, F2(1) = 1/12, G2p(1) = 1/4).
static_assert(TwoValueSeries<2, 2, 2>{}.e[0] / 2 - 1.0L / 6 < 1e-18L &&
              TwoValueSeries<2, 2, 2>{}.e[0] / 2 - 1.0L / 6 > -1e-18L);
static_assert(TwoValueSeries<3, 3, 2>{}.e[0] / 3 - 1.0L / 12 < 1e-18L &&
              TwoValueSeries<3, 3, 2>{}.e[0] / 3 - 1.0L / 12 > -1e-18L);
static_assert(TwoValueSeries<3, 4, 1>{}.e[0] - 0.25L < 1e-18L &&
              TwoValueSeries<3, 4, 1>{}.e[0] - 0.25L > -1e-18L);
// First order for G2p (p = 4, q = 1): s_1 = 1 - 4 = -3, b_5 = 3! (-1) 1!/5! = -1/20, e_1 = 3/20.
static_assert(TwoValueSeries<3, 4, 1>{}.e[1] - 0.15L < 1e-18L &&
              TwoValueSeries<3, 4, 1>{}.e[1] - 0.15L > -1e-18L);

/// Window of the two-value series: |delta| <= 0.35 (0.48 <= t <= 2.08); outside it the
/// explicit closed forms lose at most ~ (1/|1-t|)^4 eps ~ 3e-15.
inline constexpr long double two_value_window = 0.35L;

template <class T, int K, int p, int q>
inline T two_value_series(const T& t) noexcept {
  static constexpr TwoValueSeries<K, p, q> s{};
  static constexpr int J =
      s.terms(two_value_window, static_cast<long double>(std::numeric_limits<T>::epsilon()));
  static_assert(J < TwoValueSeries<K, p, q>::max_terms - 10);
  const T c = (1 + t) / 2;
  const T d = (t - 1) / (t + 1);
  T r = static_cast<T>(s.e[J - 1]);
  for (int j = J - 2; j >= 0; --j) r = r * d + static_cast<T>(s.e[j]);
  T cp = T(1);
  for (int i = 0; i < TwoValueSeries<K, p, q>::N - K; ++i) cp *= c;
  return r / cp;
}

template <class T>
inline bool in_two_value_window(const T& t) noexcept {
  const T w = static_cast<T>(two_value_window);
  return t - 1 <= w * (t + 1) && 1 - t <= w * (t + 1);
}

/// t^n ln t with 0 ln 0 = 0.
template <class T>
inline T xn_log(const T& t, int n) noexcept {
  if (t == T(0)) return T(0);
  T r = log_(t);
  for (int i = 0; i < n; ++i) r *= t;
  return r;
}

/// G2(t) = (1/2)(x^2 ln x)[1,1,t,t] = (1 - t^2 + 2t ln t)/(2(1-t)^3); G2(t) = G2(1/t)/t.
template <class T>
inline T dipole_g2(const T& t) noexcept {
  if (in_two_value_window(t)) return two_value_series<T, 2, 2, 2>(t) / 2;
  if (t > T(1)) {
    const T s = T(1) / t;
    return s * (1 - s * s + 2 * xn_log(s, 1)) / (2 * (1 - s) * (1 - s) * (1 - s));
  }
  return (1 - t * t + 2 * xn_log(t, 1)) / (2 * (1 - t) * (1 - t) * (1 - t));
}

/// F2(t) = (1/3)(x^3 ln x)[1,1,1,t,t] = (1 - 6t + 3t^2 + 2t^3 - 6t^2 ln t)/(6(1-t)^4);
/// for t > 1 in s = 1/t: s (s^3 - 6s^2 + 3s + 2 + 6 s ln s)/(6(1-s)^4).
template <class T>
inline T dipole_f2(const T& t) noexcept {
  if (in_two_value_window(t)) return two_value_series<T, 3, 3, 2>(t) / 3;
  if (t > T(1)) {
    const T s = T(1) / t;
    const T d = (1 - s) * (1 - s);
    return s * (((s - 6) * s + 3) * s + 2 + 6 * xn_log(s, 1)) / (6 * d * d);
  }
  const T d = (1 - t) * (1 - t);
  return (((2 * t + 3) * t - 6) * t + 1 - 6 * xn_log(t, 2)) / (6 * d * d);
}

/// G2p(x) = (x^3 ln x)[1,1,1,1,x] = (2 - 9x + 18x^2 - 11x^3 + 6x^3 ln x)/(6(1-x)^4);
/// for x > 1 in s = 1/x: (2s^4 - 9s^3 + 18s^2 - 11s - 6 s ln s)/(6(1-s)^4).
template <class T>
inline T penguin_g2p(const T& x) noexcept {
  if (in_two_value_window(x)) return two_value_series<T, 3, 4, 1>(x);
  if (x > T(1)) {
    const T s = T(1) / x;
    const T d = (1 - s) * (1 - s);
    return ((((2 * s - 9) * s + 18) * s - 11) * s - 6 * xn_log(s, 1)) / (6 * d * d);
  }
  const T d = (1 - x) * (1 - x);
  return (((-11 * x + 18) * x - 9) * x + 2 + 6 * xn_log(x, 3)) / (6 * d * d);
}

}  // namespace darkloops::loop::zero::detail
