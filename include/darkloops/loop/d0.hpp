// SPDX-License-Identifier: MIT
// Scalar four-point function D0 in general kinematics, LoopTools argument order and
// normalisation (Denner, Fortsch. Phys. 41 (1993) 307): propagators q^2 - m1,
// (q + p1)^2 - m2, (q + p1 + p2)^2 - m3, (q + p1 + p2 + p3)^2 - m4, all arguments squared.
// Method (docs/physics.md §2.1 "D0 general kinematics"): scaled Feynman parameters and the
// projective substitutions of Denner-Nierste-Scharf (Nucl. Phys. B367 (1991) 637) along two
// opposite "diagonals" (i,j), (k,l) with |k_ij|, |k_kl| >= 2 (a massless line: its vertex),
// else after splitting the cone in two; the -i eps of the propagators kept as an explicit
// infinitesimal imaginary part. Each cone pair is summed in the half-line form (D0.15)-(D0.18)
// (one Li2 per pair of roots), the segment form (D0.9)-(D0.11) where that does not apply;
// where no cone decomposition applies and Q > 0 on the simplex, quadrature (D0.19)-(D0.22).
#pragma once

#include <array>
#include <cmath>
#include <complex>
#include <limits>
#include <type_traits>
#include <utility>

#include "darkloops/loop/detail/d0_general.hpp"
#include "darkloops/loop/detail/d0_positive.hpp"
#include "darkloops/loop/detail/scalar_common.hpp"
#include "darkloops/loop/zero_momentum.hpp"

namespace darkloops::loop {

namespace detail {

/// D0 for T other than float with the per-cone-pair evaluation chosen: w_form = the half-line
/// form (D0.15)-(D0.17) where it applies (else the segment form), false = the segment form
/// (D0.9)-(D0.11) everywhere (tests compare the two). trace (may be null) counts the forms used.
template <class T>
inline std::complex<T> d0_eval(T p1, T p2, T p3, T p4, T p1p2, T p2p3, T m1, T m2, T m3, T m4, bool w_form,
                               D0Trace* trace) noexcept {
  using std::abs;
  using std::sqrt;
  const std::array<T, 4> M{m1, m2, m3, m4};
  const std::array<T, 6> inv{p1, p2, p3, p4, p1p2, p2p3};
  for (const T& m : M)
    if (!valid_mass2(m)) return scalar_cnan<T>();
  for (const T& p : inv)
    if (!scalar_finite(p)) return scalar_cnan<T>();
  bool all_zero = true;
  for (const T& p : inv) all_zero = all_zero && (p == T(0));
  if (all_zero) {
    int massless = 0;
    for (const T& m : M) massless += (m == T(0)) ? 1 : 0;
    if (massless >= 2) return scalar_cnan<T>();  // IR-divergent
    return {zero::D0<T>(m1, m2, m3, m4), T(0)};
  }
  // Invariant between propagators i and j (eq. (D0.2)).
  std::array<std::array<T, 4>, 4> P{};
  P[0][1] = p1;
  P[1][2] = p2;
  P[2][3] = p3;
  P[0][3] = p4;
  P[0][2] = p1p2;
  P[1][3] = p2p3;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < i; ++j) P[i][j] = P[j][i];
  bool massless = false;
  for (const T& mi : M) massless = massless || (mi == T(0));
  // Scaled form (D0.3) when every mass is > 0 (better conditioned for hierarchical masses than
  // (D0.1): measured), unscaled (D0.12) otherwise.
  const bool unscaled = massless;
  if constexpr (std::is_same_v<T, double>) {
    // Massless lines with strongly hierarchical scales lose the sign of the finite -i eps in
    // double at some points (wrong imaginary part, docs/validation.md): computed in long double.
    if (massless) {
      const std::complex<long double> w =
          d0_eval<long double>(p1, p2, p3, p4, p1p2, p2p3, m1, m2, m3, m4, w_form, trace);
      return {static_cast<T>(w.real()), static_cast<T>(w.imag())};
    }
  }
  if (massless) {
    // IR divergences (eq. (D0.13)): a massless propagator i with p_ij^2 = m_j for two j
    // (soft), or two massless propagators with p_ij^2 = 0 (collinear).
    for (int i = 0; i < 4; ++i) {
      if (M[i] != T(0)) continue;
      int on_shell = 0;
      for (int j = 0; j < 4; ++j) {
        if (j == i) continue;
        if (P[i][j] == M[j]) ++on_shell;
        if (M[j] == T(0) && P[i][j] == T(0)) return scalar_cnan<T>();
      }
      if (on_shell >= 2) return scalar_cnan<T>();
    }
  }

  // Quadratic form of the pairing search: scaled (eq. (D0.3)) when every mass is > 0, else
  // unscaled (eq. (D0.12)). K_ij = k_ij / 2 resp. Y_ij / 2; disc_ij = K_ij^2 - K_ii K_jj from
  // ((m_i -+ m_j)^2 - p_ij^2) without cancellation, -1 inside the window (complex r).
  std::array<std::array<T, 4>, 4> k{}, disc{};
  const std::array<T, 4> m{sqrt(m1), sqrt(m2), sqrt(m3), sqrt(m4)};
  for (int i = 0; i < 4; ++i) {
    k[i][i] = unscaled ? M[i] : T(1);
    for (int j = i + 1; j < 4; ++j) {
      const T mm = unscaled ? T(2) : T(2) * sqrt(M[i] * M[j]);
      const T km2 = ((m[i] - m[j]) * (m[i] - m[j]) - P[i][j]) / mm;
      const T kp2 = ((m[i] + m[j]) * (m[i] + m[j]) - P[i][j]) / mm;
      k[i][j] = k[j][i] = (M[i] + M[j] - P[i][j]) / mm;
      // Outside the window ((m_i - m_j)^2, (m_i + m_j)^2) iff km2 >= 0 or kp2 <= 0.
      disc[i][j] = disc[j][i] = (km2 >= T(0) || kp2 <= T(0)) ? km2 * kp2 : T(-1);
    }
  }
  // Pairing with real null directions on both diagonals (eq. (D0.7)); else split the cone
  // (eq. (D0.14)); NaN when neither works.
  T magnitude = T(0), min_gap = T(1);
  std::complex<T> v;
  std::array<int, 4> perm{};
  D0Trace used;
  if (d0_pairing(k, disc, perm) >= T(0)) {
    v = d0_cone(k, disc, perm, magnitude, min_gap, w_form, &used);
  } else if (!d0_split(k, disc, v, magnitude, min_gap, w_form, &used)) {
    // Q > 0 on the closed simplex (eqs. (D0.19)-(D0.22)): D0 real, by quadrature; else NaN.
    T pos;
    if (unscaled || !d0_positive(k, pos)) return scalar_cnan<T>();
    return {pos / (sqrt(M[0] * M[1]) * sqrt(M[2] * M[3])), T(0)};
  }
  if (trace) {
    trace->w_form += used.w_form;
    trace->t_form += used.t_form;
  }
  if constexpr (std::is_same_v<T, double>) {
    // Ill-conditioned points (cancellation among the pieces beyond 1e4, or a root of the
    // denominator within 1e-4 (segment form) resp. 1e-6 (half-line form only) of a root of a
    // logarithm's argument, in t): redo in long double (11 more bits than double),
    // docs/physics.md after eqs. (D0.11) and (D0.17).
    const T gap_limit = (used.t_form == 0) ? T(1e-6) : T(1e-4);
    if (magnitude > T(1e4) * abs(v) || min_gap < gap_limit) {
      const std::complex<long double> w =
          d0_eval<long double>(p1, p2, p3, p4, p1p2, p2p3, m1, m2, m3, m4, w_form, trace);
      return {static_cast<T>(w.real()), static_cast<T>(w.imag())};
    }
  }
  if (unscaled) return v;
  return v / (sqrt(M[0] * M[1]) * sqrt(M[2] * M[3]));
}

}  // namespace detail

/// D0(p1, p2, p3, p4, p1p2, p2p3, m1, m2, m3, m4), eq. (D0.1) of docs/physics.md.
/// Domain: squared masses >= 0 and finite real invariants such that for one of the three
/// pairings of the four propagators into two pairs (ij)(kl) both pairs have a real null
/// direction: p_ij^2 <= (m_i - m_j)^2 or p_ij^2 >= (m_i + m_j)^2, always true when m_i or m_j
/// vanishes (eqs. (D0.4), (D0.12)); e.g. when two opposite invariants vanish or are space-like;
/// or, failing that, a split of the Feynman-parameter cone along one edge that gives both halves
/// such a pairing (eq. (D0.14); together 97 % of random time-like kinematics, docs/physics.md);
/// or, failing both, all masses > 0 and the Feynman-parameter form certified positive on the
/// simplex (eq. (D0.19), e.g. every invariant inside its window with Q positive definite): D0
/// real, by quadrature (D0.20)-(D0.22) (97.9 % in all), NaN if its error bound is not met.
/// All six invariants zero: the closed form zero::D0 (at most one vanishing mass).
/// NaN otherwise: IR-divergent configurations (eq. (D0.13)), none of the above (Q indefinite
/// with no pairing and no split), negative or non-finite input. Never throws.
template <class T>
inline std::complex<T> D0(T p1, T p2, T p3, T p4, T p1p2, T p2p3, T m1, T m2, T m3, T m4) noexcept {
  // All invariants 0 first: zero::D0 validates the masses itself and is NaN exactly where D0 at
  // p = 0 is IR-divergent (two or more vanishing masses); tested here, ahead of the general
  // code, so that the zero-momentum path is inlined into the caller (docs/performance.md, D0).
  if (p1 == T(0) && p2 == T(0) && p3 == T(0) && p4 == T(0) && p1p2 == T(0) && p2p3 == T(0)) {
    using R = std::conditional_t<std::is_same_v<T, float>, double, T>;  // float via double
    const R v = zero::D0<R>(m1, m2, m3, m4);
    return v == v ? std::complex<T>(static_cast<T>(v), T(0)) : detail::scalar_cnan<T>();
  }
  if constexpr (std::is_same_v<T, float>) {
    // float: evaluated in double (the method loses up to ~1e3 x eps near pseudo-thresholds)
    const std::complex<double> w =
        detail::d0_eval<double>(p1, p2, p3, p4, p1p2, p2p3, m1, m2, m3, m4, true, nullptr);
    return {static_cast<float>(w.real()), static_cast<float>(w.imag())};
  } else {
    return detail::d0_eval<T>(p1, p2, p3, p4, p1p2, p2p3, m1, m2, m3, m4, true, nullptr);
  }
}

}  // namespace darkloops::loop
