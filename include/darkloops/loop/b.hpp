// SPDX-License-Identifier: MIT
// One- and two-point Passarino-Veltman functions for general real kinematics, LoopTools
// conventions (docs/physics.md §2.1.2): all arguments squared [GeV^2], Delta_UV = 0, explicit
// mu2 (default 1), propagators q^2 - m1 and (q + p)^2 - m2, -i eps prescription.
//   A0(m)        = m (1 - ln(m/mu2))
//   B0(p2,m1,m2) = -int_0^1 ln(F/mu2),  F = x m2 + (1-x) m1 - x(1-x) p2 - i eps
//   B1 = int x ln(F/mu2),  B11 = -int x^2 ln(F/mu2),  B00 = (1/2) int F (1 - ln(F/mu2))
//   DB0, DB1, DB00 = d/dp2 of B0, B1, B00.
// Results std::complex<T>. NaN (never throws) for negative or non-finite masses, non-finite p2,
// mu2 <= 0, the scaleless B(0;0,0) and the IR-divergent derivatives (DB0 at p2 = m^2 with the
// other mass 0; DB1 at p2 = m1 with m2 = 0).
#pragma once

#include <complex>

#include "darkloops/loop/detail/scalar_bmoments.hpp"
#include "darkloops/loop/detail/scalar_common.hpp"

namespace darkloops::loop {

namespace detail {
template <class T>
inline bool b_domain_ok(const T& p2, const T& m1, const T& m2, const T& mu2) noexcept {
  if (!scalar_finite(p2) || !valid_mass2(m1) || !valid_mass2(m2) || !valid_scale2(mu2))
    return false;
  return !(p2 == T(0) && m1 == T(0) && m2 == T(0));  // scaleless
}
}  // namespace detail

/// A0(m2) = m2 (1 - ln(m2/mu2)), A0(0) = 0 [Denner (4.22)]. NaN for m2 < 0 or non-finite.
template <class T>
inline std::complex<T> A0(const T& m2, const T& mu2 = T(1)) noexcept {
  using std::log;
  if (!detail::valid_mass2(m2) || !detail::valid_scale2(mu2)) return detail::scalar_cnan<T>();
  if (m2 == T(0)) return {T(0), T(0)};
  return {m2 * (T(1) - log(m2 / mu2)), T(0)};
}

/// B0(p2; m1, m2) = -int_0^1 ln(F/mu2) dx [Denner (4.23)], see header comment.
template <class T>
inline std::complex<T> B0(const T& p2, const T& m1, const T& m2, const T& mu2 = T(1)) noexcept {
  if (!detail::b_domain_ok(p2, m1, m2, mu2)) return detail::scalar_cnan<T>();
  if (p2 == T(0)) {  // B0(0;a,b) = 1 - ln(a/mu2) + (1-u) ln(1-u)/u, a = max, u = (a-b)/a
    using std::log;
    using std::log1p;
    const T a = m1 > m2 ? m1 : m2;
    const T u = (m1 > m2 ? m1 - m2 : m2 - m1) / a;
    const T la = log(a / mu2);
    if (u == T(0)) return {-la, T(0)};
    if (u == T(1)) return {T(1) - la, T(0)};  // one mass zero
    return {T(1) - la + (T(1) - u) * log1p(-u) / u, T(0)};
  }
  return -detail::bmoments<T, 1, false>(p2, m1, m2, mu2).M[0];
}

/// B1(p2; m1, m2) = int_0^1 x ln(F/mu2) dx (B^mu = p^mu B1) [Denner (4.18), Delta = 0].
template <class T>
inline std::complex<T> B1(const T& p2, const T& m1, const T& m2, const T& mu2 = T(1)) noexcept {
  if (!detail::b_domain_ok(p2, m1, m2, mu2)) return detail::scalar_cnan<T>();
  return detail::bmoments<T, 2, false>(p2, m1, m2, mu2).M[1];
}

/// B11(p2; m1, m2) = -int_0^1 x^2 ln(F/mu2) dx (B^{mu nu} = g B00 + p p B11).
template <class T>
inline std::complex<T> B11(const T& p2, const T& m1, const T& m2, const T& mu2 = T(1)) noexcept {
  if (!detail::b_domain_ok(p2, m1, m2, mu2)) return detail::scalar_cnan<T>();
  return -detail::bmoments<T, 3, false>(p2, m1, m2, mu2).M[2];
}

/// B00(p2; m1, m2) = (1/2) int_0^1 F (1 - ln(F/mu2)) dx
///                 = (1/2)[m1 + beta/2 + p2/3 - (m1 M0 + beta M1 + p2 M2)],  beta = m2 - m1 - p2.
template <class T>
inline std::complex<T> B00(const T& p2, const T& m1, const T& m2, const T& mu2 = T(1)) noexcept {
  if (!detail::b_domain_ok(p2, m1, m2, mu2)) return detail::scalar_cnan<T>();
  const auto r = detail::bmoments<T, 3, false>(p2, m1, m2, mu2);
  const T beta = m2 - m1 - p2;
  const std::complex<T> f = m1 + beta / T(2) + p2 / T(3);
  return (f - (m1 * r.M[0] + beta * r.M[1] + p2 * r.M[2])) / T(2);
}

/// DB0(p2; m1, m2) = dB0/dp2 = int_0^1 x(1-x)/F dx. NaN at the IR-divergent p2 = m1, m2 = 0
/// (and mirror); independent of mu2.
template <class T>
inline std::complex<T> DB0(const T& p2, const T& m1, const T& m2, const T& mu2 = T(1)) noexcept {
  if (!detail::b_domain_ok(p2, m1, m2, mu2)) return detail::scalar_cnan<T>();
  if ((m1 == T(0) && p2 == m2) || (m2 == T(0) && p2 == m1)) return detail::scalar_cnan<T>();
  return -detail::bmoments<T, 1, true>(p2, m1, m2, mu2).D[0];
}

/// DB1(p2; m1, m2) = dB1/dp2 = -int_0^1 x^2 (1-x)/F dx. NaN at the IR-divergent p2 = m1, m2 = 0;
/// at p2 = m2, m1 = 0 it is finite, -1/(2 p2).
template <class T>
inline std::complex<T> DB1(const T& p2, const T& m1, const T& m2, const T& mu2 = T(1)) noexcept {
  if (!detail::b_domain_ok(p2, m1, m2, mu2)) return detail::scalar_cnan<T>();
  if (m2 == T(0) && p2 == m1) return detail::scalar_cnan<T>();
  if (m1 == T(0) && p2 == m2) return {T(-1) / (T(2) * p2), T(0)};
  return detail::bmoments<T, 2, true>(p2, m1, m2, mu2).D[1];
}

/// DB00(p2; m1, m2) = dB00/dp2 = (1/2) int_0^1 x(1-x) ln(F/mu2) dx = (M1 - M2)/2.
template <class T>
inline std::complex<T> DB00(const T& p2, const T& m1, const T& m2, const T& mu2 = T(1)) noexcept {
  if (!detail::b_domain_ok(p2, m1, m2, mu2)) return detail::scalar_cnan<T>();
  const auto r = detail::bmoments<T, 3, false>(p2, m1, m2, mu2);
  return (r.M[1] - r.M[2]) / T(2);
}

}  // namespace darkloops::loop
