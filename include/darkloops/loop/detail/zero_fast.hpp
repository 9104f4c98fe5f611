// SPDX-License-Identifier: MIT
// Straight-line versions of the divided-difference engine (zero_dd.hpp) for the hot scalar
// functions: (x ln x)[3 nodes] (C0), (x ln x)[4 nodes] (D0, box G), (x^2 ln x)[4 nodes]
// (D00, box F, dipole G2). Same algorithm, same windows, same branch structure as
// XkLnDD — no memo tables, logs shared by hand, sorting networks. Tests compare them with
// the generic engine in 50-digit arithmetic (test_loop_zero_mp.cpp).
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

/// Range [lo, hi] (lo > 0) inside the Taylor window of order N.
template <class T>
inline bool in_window(const T& lo, const T& hi, int N) noexcept {
  return lo > T(0) && (hi - lo) <= T(taylor_window(N)) * (hi + lo);
}

/// ln[x,y,z] (sorted, x > 0) given ln[x,y] and ln[y,z] (unused when in the window).
template <class T>
inline T ln_dd2(const T& x, const T& y, const T& z, const T& lxy, const T& lyz) noexcept {
  if (in_window(x, z, 2)) {
    const std::array<T, 3> n{x, y, z};
    return taylor_dd<T>(0, n.data(), 3);
  }
  return (lyz - lxy) / (z - x);
}

/// (x ln x)[a,b,c] = a ln[a,b,c] + ln[b,c] (Leibniz), sorted a <= b <= c outside the window,
/// a > 0 or (a = 0 < b); lab, lbc: ln[a,b], ln[b,c] (lab unused if a = 0).
template <class T>
inline T p21(const T& a, const T& c, const T& lab, const T& lbc) noexcept {
  if (a == T(0)) return lbc;
  return a * ((lbc - lab) / (c - a)) + lbc;
}

/// (x ln x)[a,b,c] for unsorted squared masses; NaN if two vanish.
template <class T>
inline T xln_dd3(T a, T b, T c) noexcept {
  sort3(a, b, c);
  if (b == T(0)) return nan<T>();
  if (in_window(a, c, 2)) {
    const std::array<T, 3> n{a, b, c};
    return taylor_dd<T>(1, n.data(), 3);
  }
  const T lbc = ln_dd1(b, c);
  const T lab = a == T(0) ? T(0) : ln_dd1(a, b);
  return p21(a, c, lab, lbc);
}

/// (x ln x)[a,b,c,d] for unsorted squared masses; NaN if two vanish.
template <class T>
inline T xln_dd4(T a, T b, T c, T d) noexcept {
  sort4(a, b, c, d);
  if (b == T(0)) return nan<T>();
  if (in_window(a, d, 3)) {
    const std::array<T, 4> n{a, b, c, d};
    return taylor_dd<T>(1, n.data(), 4);
  }
  const bool tight_abc = in_window(a, c, 2);
  const bool tight_bcd = in_window(b, d, 2);
  const T lbc = ln_dd1(b, c);
  T p_abc, p_bcd;
  if (tight_abc) {
    const std::array<T, 3> n{a, b, c};
    p_abc = taylor_dd<T>(1, n.data(), 3);
  } else {
    const T lab = a == T(0) ? T(0) : ln_dd1(a, b);
    p_abc = p21(a, c, lab, lbc);
  }
  if (tight_bcd) {
    const std::array<T, 3> n{b, c, d};
    p_bcd = taylor_dd<T>(1, n.data(), 3);
  } else {
    p_bcd = p21(b, d, lbc, ln_dd1(c, d));
  }
  return (p_bcd - p_abc) / (d - a);
}

/// (x^2 ln x)[a,b,c,d] for unsorted squared masses; NaN if three vanish.
/// Leibniz: a^2 ln[a,b,c,d] + (a+b) ln[b,c,d] + ln[c,d].
template <class T>
inline T x2ln_dd4(T a, T b, T c, T d) noexcept {
  sort4(a, b, c, d);
  if (c == T(0)) return nan<T>();
  if (in_window(a, d, 3)) {
    const std::array<T, 4> n{a, b, c, d};
    return taylor_dd<T>(2, n.data(), 4);
  }
  const T lcd = ln_dd1(c, d);
  if (b == T(0)) return lcd;
  const T lbc = ln_dd1(b, c);
  const T l_bcd = ln_dd2(b, c, d, lbc, lcd);
  T v = (a + b) * l_bcd + lcd;
  if (a != T(0)) {
    const T l_abc = ln_dd2(a, b, c, ln_dd1(a, b), lbc);
    v += a * a * ((l_bcd - l_abc) / (d - a));
  }
  return v;
}

}  // namespace darkloops::loop::zero::detail
