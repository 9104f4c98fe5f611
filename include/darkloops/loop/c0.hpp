// SPDX-License-Identifier: MIT
// Scalar three-point function C0 for real masses and arbitrary real invariants, LoopTools
// argument order and normalisation (docs/physics.md §2.1.3):
//   C0(p1, p2, p1p2, m1, m2, m3) = (1/(i pi^2)) int d^4q 1/([q^2 - m1][(q + k1)^2 - m2][(q + k2)^2 - m3]),
//   k1 = p1, k2 = p1 + p2; arguments p1 = k1^2, p2 = (k2 - k1)^2, p1p2 = k2^2 and squared masses.
// Paths: all invariants 0 -> loop::zero::C0 (closed form); Gram (Kallen) determinant 0 ->
// partial fractions into three B0; otherwise the one-pole form (C0.5) (12 Li2,
// detail/scalar_c0.hpp) when it passes its acceptance test (C0.8), else the apex decomposition
// (C0.2) (24 Li2), with a tanh-sinh evaluation of the Feynman integral when that is estimated
// to lose more than eps^(-1/4) (8e3 in double; detail::c0_needs_quadrature) and the point is
// below all thresholds. Results std::complex<T>. float is evaluated in double and rounded (float's
// quadrature fallback would be needed on ~10 % of typical points, and glibc's float
// transcendentals are no faster).
// NaN (never throws): negative or non-finite masses, non-finite invariants, IR-divergent
// configurations (a massless propagator between two on-shell legs; two massless propagators
// joined by a light-like leg), collinear points with no real partial-fraction form above
// threshold, and the leading Landau singularity of the collinear form.
#pragma once

#include <array>
#include <cmath>
#include <complex>
#include <limits>
#include <type_traits>

#include "darkloops/loop/detail/scalar_c0.hpp"
#include "darkloops/loop/detail/scalar_common.hpp"
#include "darkloops/loop/zero_momentum.hpp"

namespace darkloops::loop {

namespace detail {

/// IR divergence of C0 (masses m0, m1, m2 on propagators 0, 1, 2; invariants s01, s12, s02).
template <class T>
inline bool c0_ir_divergent(const T& s01, const T& s12, const T& s02,
                            const std::array<T, 3>& m) noexcept {
  // soft: massless propagator i whose two adjacent legs are on the mass shell of the others
  if (m[0] == T(0) && s01 == m[1] && s02 == m[2]) return true;
  if (m[1] == T(0) && s01 == m[0] && s12 == m[2]) return true;
  if (m[2] == T(0) && s02 == m[0] && s12 == m[1]) return true;
  // collinear: two massless propagators joined by a light-like leg
  if (m[0] == T(0) && m[1] == T(0) && s01 == T(0)) return true;
  if (m[1] == T(0) && m[2] == T(0) && s12 == T(0)) return true;
  if (m[0] == T(0) && m[2] == T(0) && s02 == T(0)) return true;
  return false;
}

/// C0 at non-zero invariants (collinear partial fractions, one-pole form, apex decomposition,
/// quadrature; see the header comment). Arguments already validated, not IR-divergent. Kept
/// out of line (g++/clang): C0 itself stays small.
template <class T>
#if defined(__GNUC__)
[[gnu::noinline]]
#endif
inline std::complex<T> c0_general(const T& p1, const T& p2, const T& p1p2,
                                  const std::array<T, 3>& m) noexcept {
  using C = std::complex<T>;
  using std::abs;
  const T eps = std::numeric_limits<T>::epsilon();
  const T lam = kallen(p1, p2, p1p2);
  const T ps = abs(p1) + abs(p2) + abs(p1p2);
  const bool euclid = c0_euclidean(p1, p2, p1p2, m);
  if (abs(lam) <= T(64) * eps * ps * ps) {
    // collinear: rotate (s01, s12, s02; m0, m1, m2) cyclically until s01 != 0, s02/s01 >= 0
    std::array<T, 3> s{p1, p2, p1p2};
    std::array<T, 3> mm = m;
    for (int rot = 0; rot < 3; ++rot) {
      if (s[0] != T(0) && s[2] / s[0] >= T(0)) {
        const C v = c0_collinear<T>(s[0], s[1], s[2], mm);
        if (v == v) return v;
      }
      s = {s[1], s[2], s[0]};
      mm = {mm[1], mm[2], mm[0]};
    }
    if (euclid) return C(c0_quadrature<T>(p1, p2, p1p2, m), T(0));  // NaN if it fails
    return scalar_cnan<T>();
  }
  // one-pole form (docs/physics.md (C0.4)): the better-conditioned sigma set alone, 12 Li2
  const C0Edges<T> ed = c0_edges<T>(p1, p2, p1p2, m, lam);
  const int j = ed.cond[1] < ed.cond[0] ? 1 : 0;
  T mag_j = T(0);
  const C sum_j = c0_edge_sum(ed, j, &mag_j);
  const C0Eval<T> f = c0_one_pole(sum_j, mag_j, ed.sqlam, j);
  if (c0_one_pole_ok(f, ed.cond[j], lam, ps)) return euclid ? C(f.value.real(), T(0)) : f.value;
  // fallback: the apex decomposition (both sets, C0.2) and, below thresholds, quadrature
  C0Sums<T> su;
  su.sqlam = ed.sqlam;
  (j == 0 ? su.plus : su.minus) = sum_j;
  (j == 0 ? su.mag_plus : su.mag_minus) = mag_j;
  if (j == 0) {
    su.minus = c0_edge_sum(ed, 1, &su.mag_minus);
  } else {
    su.plus = c0_edge_sum(ed, 0, &su.mag_plus);
  }
  const C0Eval<T> r = c0_from_both(su);
  if (euclid) {  // F > 0 on the simplex: C0 is real
    if (c0_needs_quadrature(r, lam, ps)) {
      const T q = c0_quadrature<T>(p1, p2, p1p2, m);
      if (q == q) return C(q, T(0));
    }
    return C(r.value.real(), T(0));
  }
  return r.value;
}

}  // namespace detail

/// C0(p1, p2, p1p2; m1, m2, m3), see the header comment. mu-independent (UV finite).
template <class T>
inline std::complex<T> C0(const T& p1, const T& p2, const T& p1p2, const T& m1, const T& m2,
                          const T& m3) noexcept {
  if constexpr (std::is_same_v<T, float>) {  // float: evaluated in double (faster: see header)
    const std::complex<double> r = C0<double>(p1, p2, p1p2, m1, m2, m3);
    return {static_cast<float>(r.real()), static_cast<float>(r.imag())};
  }
  using C = std::complex<T>;
  // All invariants 0 first: zero::C0 validates the masses itself and is NaN exactly where
  // this C0 is IR-divergent at p = 0 (two or three vanishing masses). Tested first so that the
  // zero-momentum path stays small enough to be inlined (long double: 195 -> ~110 ns/call,
  // docs/performance.md, C0 section).
  if (p1 == T(0) && p2 == T(0) && p1p2 == T(0)) {
    const T v = zero::C0<T>(m1, m2, m3);
    return v == v ? C(v, T(0)) : detail::scalar_cnan<T>();
  }
  const std::array<T, 3> m{m1, m2, m3};
  if (!detail::scalar_finite(p1) || !detail::scalar_finite(p2) || !detail::scalar_finite(p1p2) ||
      !detail::valid_mass2(m1) || !detail::valid_mass2(m2) || !detail::valid_mass2(m3))
    return detail::scalar_cnan<T>();
  if (detail::c0_ir_divergent(p1, p2, p1p2, m)) return detail::scalar_cnan<T>();

  return detail::c0_general<T>(p1, p2, p1p2, m);
}

}  // namespace darkloops::loop
