// SPDX-License-Identifier: MIT
// Passarino-Veltman functions at zero external momenta, closed forms (docs/physics.md §2.2).
// Arguments are squared masses [GeV^2] (>= 0), LoopTools normalisation, Delta_UV = 0, mu2 the
// squared renormalisation scale. With Delta = sum_i t_i m_i over the Feynman simplex, each
// coefficient is a divided difference of x^K ln x (Hermite-Genocchi), e.g.
//   B0 = 1 - (x ln(x/mu2))[m1,m2],  C0 = -(x ln x)[m1,m2,m3],  D0 = -(x ln x)[m1,m2,m3,m4].
// Results are real; NaN for negative or non-finite arguments, mu2 <= 0, and IR-divergent
// configurations (too many vanishing masses, listed per function). Never throws.
#pragma once

#include <array>
#include <complex>

#include "darkloops/loop/coefficients.hpp"
#include "darkloops/loop/detail/zero_dd.hpp"
#include "darkloops/loop/detail/zero_fast.hpp"

namespace darkloops::loop::zero {

namespace detail_api {
using loop::zero::detail::nan;
using loop::zero::detail::valid_mass;
template <class T>
inline bool valid_scale(const T& mu2) noexcept {
  return loop::zero::detail::isfinite_(mu2) && mu2 > 0;
}
template <class T, class... M>
inline bool valid(const M&... m) noexcept {
  return (valid_mass<T>(m) && ...);
}
}  // namespace detail_api

// ------------------------------------------------------------------------- one point
/// A0(m) = m (1 - ln(m/mu2)); A0(0) = 0.
template <class T>
inline T A0(T m, T mu2 = T(1)) noexcept {
  using namespace detail_api;
  if (!valid<T>(m) || !valid_scale(mu2)) return nan<T>();
  if (m == T(0)) return T(0);
  return m * (T(1) - loop::zero::detail::log_(m / mu2));
}

// ------------------------------------------------------------------------- two point, p^2 = 0
/// B0(0; m1, m2) = 1 - (x ln(x/mu2))[m1,m2] = -int_0^1 ln(Delta/mu2). NaN if m1 = m2 = 0.
template <class T>
inline T B0(T m1, T m2, T mu2 = T(1)) noexcept {
  using namespace detail_api;
  if (!valid<T>(m1, m2) || !valid_scale(mu2)) return nan<T>();
  using loop::zero::detail::ln_dd1_sorted;
  using loop::zero::detail::log_;
  loop::zero::detail::sort2(m1, m2);
  if (m2 == T(0)) return nan<T>();
  // Leibniz: (x ln(x/mu2))[a,b] = a ln[a,b] + ln(b/mu2), a <= b.
  return T(1) - (m1 == T(0) ? T(0) : m1 * ln_dd1_sorted(m1, m2)) - log_(m2 / mu2);
}

/// B1(0; m1, m2) = int_0^1 x ln(Delta/mu2) = (1/2)(x^2 ln(x/mu2))[m1,m2,m2] - 3/4.
/// NaN if m2 = 0 and m1 = 0.
template <class T>
inline T B1(T m1, T m2, T mu2 = T(1)) noexcept {
  using namespace detail_api;
  if (!valid<T>(m1, m2) || !valid_scale(mu2)) return nan<T>();
  if (m1 == T(0) && m2 == T(0)) return nan<T>();
  return loop::zero::detail::x2ln_log3(m1, m2, m2, mu2) / 2 - T(0.75);
}

/// B00(0; m1, m2) = (1/2) int_0^1 Delta (1 - ln(Delta/mu2))
///               = (3/8)(m1+m2) - (1/4)(x^2 ln(x/mu2))[m1,m2]. B00(0;0,0) = 0.
template <class T>
inline T B00(T m1, T m2, T mu2 = T(1)) noexcept {
  using namespace detail_api;
  if (!valid<T>(m1, m2) || !valid_scale(mu2)) return nan<T>();
  return T(3) / 8 * (m1 + m2) - loop::zero::detail::xkln_dd_log<T, 2, 2>({m1, m2}, mu2) / 4;
}

/// B11(0; m1, m2) = -int_0^1 x^2 ln(Delta/mu2) = 11/18 - (1/3)(x^3 ln(x/mu2))[m1,m2,m2,m2].
/// NaN if m1 = m2 = 0.
template <class T>
inline T B11(T m1, T m2, T mu2 = T(1)) noexcept {
  using namespace detail_api;
  if (!valid<T>(m1, m2) || !valid_scale(mu2)) return nan<T>();
  if (m1 == T(0) && m2 == T(0)) return nan<T>();
  return T(11) / 18 - loop::zero::detail::xkln_dd_log<T, 3, 4>({m1, m2, m2, m2}, mu2) / 3;
}

/// DB0(0; m1, m2) = dB0/dp^2 at p^2 = 0 = int_0^1 x(1-x)/Delta = (1/2)(x^2 ln x)[m1,m1,m2,m2].
/// NaN if m1 = 0 or m2 = 0 would need more than two vanishing nodes: only m1 = m2 = 0.
template <class T>
inline T DB0(T m1, T m2) noexcept {
  using namespace detail_api;
  if (!valid<T>(m1, m2)) return nan<T>();
  return loop::zero::detail::xkln_dd<T, 2, 4>({m1, m1, m2, m2}) / 2;
}

/// DB1(0; m1, m2) = -int_0^1 x^2(1-x)/Delta = -(1/3)(x^3 ln x)[m1,m1,m2,m2,m2].
template <class T>
inline T DB1(T m1, T m2) noexcept {
  using namespace detail_api;
  if (!valid<T>(m1, m2)) return nan<T>();
  return -loop::zero::detail::xkln_dd<T, 3, 5>({m1, m1, m2, m2, m2}) / 3;
}

/// DB00(0; m1, m2) = (1/2) int_0^1 x(1-x) ln(Delta/mu2) = (1/12)(x^3 ln(x/mu2))[m1,m1,m2,m2] - 11/72.
template <class T>
inline T DB00(T m1, T m2, T mu2 = T(1)) noexcept {
  using namespace detail_api;
  if (!valid<T>(m1, m2) || !valid_scale(mu2)) return nan<T>();
  if (m1 == T(0) && m2 == T(0)) return nan<T>();
  return loop::zero::detail::xkln_dd_log<T, 3, 4>({m1, m1, m2, m2}, mu2) / 12 - T(11) / 72;
}

// ------------------------------------------------------------------------- three point
/// C0(0,0,0; m1,m2,m3) = -int_S 1/Delta = -(x ln x)[m1,m2,m3]. NaN if two masses vanish.
template <class T>
inline T C0(T m1, T m2, T m3) noexcept {
  using namespace detail_api;
  if (!valid<T>(m1, m2, m3)) return nan<T>();
  return -loop::zero::detail::xln_dd3(m1, m2, m3);
}

/// C00(0,0,0; m1,m2,m3) = -(1/2) int_S ln(Delta/mu2) = 3/8 - (1/4)(x^2 ln(x/mu2))[m1,m2,m3].
/// NaN if all three masses vanish.
template <class T>
inline T C00(T m1, T m2, T m3, T mu2 = T(1)) noexcept {
  using namespace detail_api;
  if (!valid<T>(m1, m2, m3) || !valid_scale(mu2)) return nan<T>();
  return T(3) / 8 - loop::zero::detail::x2ln_log3(m1, m2, m3, mu2) / 4;
}

/// All C tensor coefficients at zero external momenta (Feynman-parameter limits):
///   C_i = int_S t_i/Delta, C_ij = -int_S t_i t_j/Delta, C_ijk = int_S t_i t_j t_k/Delta,
///   C_00i = (1/2) int_S t_i ln(Delta/mu2), t_1, t_2 the weights of m2, m3.
/// Coefficients whose integral diverges (vanishing masses) are NaN.
template <class T>
inline CCoefficients<T> C(T m1, T m2, T m3, T mu2 = T(1)) noexcept {
  using namespace detail_api;
  using loop::zero::detail::xkln_dd;
  using loop::zero::detail::xkln_dd_log;
  using cx = std::complex<T>;
  CCoefficients<T> r;
  if (!valid<T>(m1, m2, m3) || !valid_scale(mu2)) {
    const cx n(nan<T>(), nan<T>());
    r.c0 = r.c1 = r.c2 = r.c00 = r.c11 = r.c12 = r.c22 = n;
    r.c001 = r.c002 = r.c111 = r.c112 = r.c122 = r.c222 = n;
    r.digits_lost = nan<T>();
    return r;
  }
  r.c0 = cx(-loop::zero::detail::xln_dd3(m1, m2, m3));
  r.c1 = cx(xkln_dd<T, 2, 4>({m1, m2, m2, m3}) / 2);
  r.c2 = cx(xkln_dd<T, 2, 4>({m1, m2, m3, m3}) / 2);
  r.c00 = cx(T(3) / 8 - loop::zero::detail::x2ln_log3(m1, m2, m3, mu2) / 4);
  r.c11 = cx(-xkln_dd<T, 3, 5>({m1, m2, m2, m2, m3}) / 3);
  r.c12 = cx(-xkln_dd<T, 3, 5>({m1, m2, m2, m3, m3}) / 6);
  r.c22 = cx(-xkln_dd<T, 3, 5>({m1, m2, m3, m3, m3}) / 3);
  r.c001 = cx(xkln_dd_log<T, 3, 4>({m1, m2, m2, m3}, mu2) / 12 - T(11) / 72);
  r.c002 = cx(xkln_dd_log<T, 3, 4>({m1, m2, m3, m3}, mu2) / 12 - T(11) / 72);
  r.c111 = cx(xkln_dd<T, 4, 6>({m1, m2, m2, m2, m2, m3}) / 4);
  r.c112 = cx(xkln_dd<T, 4, 6>({m1, m2, m2, m2, m3, m3}) / 12);
  r.c122 = cx(xkln_dd<T, 4, 6>({m1, m2, m2, m3, m3, m3}) / 12);
  r.c222 = cx(xkln_dd<T, 4, 6>({m1, m2, m3, m3, m3, m3}) / 4);
  r.digits_lost = T(0);
  return r;
}

// ------------------------------------------------------------------------- four point
/// D0(0..; m1..m4) = int_S 1/Delta^2 = -(x ln x)[m1,m2,m3,m4]. NaN if two masses vanish.
template <class T>
inline T D0(T m1, T m2, T m3, T m4) noexcept {
  using namespace detail_api;
  if (!valid<T>(m1, m2, m3, m4)) return nan<T>();
  return -loop::zero::detail::xln_dd4(m1, m2, m3, m4);
}

/// D00(0..; m1..m4) = -(1/2) int_S 1/Delta = -(1/4)(x^2 ln x)[m1,m2,m3,m4].
/// NaN if three masses vanish.
template <class T>
inline T D00(T m1, T m2, T m3, T m4) noexcept {
  using namespace detail_api;
  if (!valid<T>(m1, m2, m3, m4)) return nan<T>();
  return -loop::zero::detail::x2ln_dd4(m1, m2, m3, m4) / 4;
}

/// All D tensor coefficients at zero external momenta (Feynman-parameter limits):
///   D_i = -int_S t_i/Delta^2, D_ij = int_S t_i t_j/Delta^2, D00 = -(1/2) int_S 1/Delta,
///   t_1..t_3 the weights of m2..m4. UV-finite: mu2 does not enter.
template <class T>
inline DCoefficients<T> D(T m1, T m2, T m3, T m4, T mu2 = T(1)) noexcept {
  using namespace detail_api;
  using loop::zero::detail::xkln_dd;
  using cx = std::complex<T>;
  DCoefficients<T> r;
  if (!valid<T>(m1, m2, m3, m4) || !valid_scale(mu2)) {
    const cx n(nan<T>(), nan<T>());
    r.d0 = r.d1 = r.d2 = r.d3 = r.d00 = r.d11 = r.d12 = r.d13 = r.d22 = r.d23 = r.d33 = n;
    r.digits_lost = nan<T>();
    return r;
  }
  r.d0 = cx(-loop::zero::detail::xln_dd4(m1, m2, m3, m4));
  r.d1 = cx(xkln_dd<T, 2, 5>({m1, m2, m3, m4, m2}) / 2);
  r.d2 = cx(xkln_dd<T, 2, 5>({m1, m2, m3, m4, m3}) / 2);
  r.d3 = cx(xkln_dd<T, 2, 5>({m1, m2, m3, m4, m4}) / 2);
  r.d00 = cx(-loop::zero::detail::x2ln_dd4(m1, m2, m3, m4) / 4);
  r.d11 = cx(-xkln_dd<T, 3, 6>({m1, m2, m3, m4, m2, m2}) / 3);
  r.d22 = cx(-xkln_dd<T, 3, 6>({m1, m2, m3, m4, m3, m3}) / 3);
  r.d33 = cx(-xkln_dd<T, 3, 6>({m1, m2, m3, m4, m4, m4}) / 3);
  r.d12 = cx(-xkln_dd<T, 3, 6>({m1, m2, m3, m4, m2, m3}) / 6);
  r.d13 = cx(-xkln_dd<T, 3, 6>({m1, m2, m3, m4, m2, m4}) / 6);
  r.d23 = cx(-xkln_dd<T, 3, 6>({m1, m2, m3, m4, m3, m4}) / 6);
  r.digits_lost = T(0);
  return r;
}

}  // namespace darkloops::loop::zero
