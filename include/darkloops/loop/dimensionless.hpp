// SPDX-License-Identifier: MIT
// Dimensionless loop functions of mass ratios used by the observables, each an exact
// zero-momentum PV combination (docs/physics.md §2.2.4 gives the derivations and sources).
// All arguments are ratios of squared masses (>= 0); NaN outside the domain; never throw.
// float/double/long double use the explicit closed forms away from t = 1 and a
// compile-time series in (t-1)/(t+1) near it (detail/zero_fast.hpp); other types (50-digit
// references) the generic divided-difference engine.
#pragma once

#include <type_traits>

#include "darkloops/loop/zero_momentum.hpp"

namespace darkloops::loop {

/// Box function F(x,y) = int_0^inf dK K^2/((K+1)^2 (K+x)(K+y)) = -4 D00(1,1,x,y)
///   = (x^2 ln x)[1,1,x,y]; F(1,1) = 1/3. (Arnan et al. 1608.07832 convention, x,y = m^2/M^2.)
template <class T>
inline T box_F(T x, T y) noexcept {
  if (!zero::detail::valid_mass(x) || !zero::detail::valid_mass(y)) return zero::detail::nan<T>();
  return zero::detail::x2ln_dd4(T(1), T(1), x, y);
}

/// Box function G(x,y) = -int_0^inf dK K/((K+1)^2 (K+x)(K+y)) = -D0(1,1,x,y)
///   = (x ln x)[1,1,x,y]; G(1,1) = -1/6. NaN for x = y = 0 (IR divergent).
template <class T>
inline T box_G(T x, T y) noexcept {
  if (!zero::detail::valid_mass(x) || !zero::detail::valid_mass(y)) return zero::detail::nan<T>();
  return zero::detail::xln_dd4(T(1), T(1), x, y);
}

/// Dipole function F2(t) = int_0^1 dx x^2(1-x)/(x + t(1-x)) = (1/3)(x^3 ln x)[1,1,1,t,t]
///   = (1 - 6t + 3t^2 + 2t^3 - 6t^2 ln t)/(6(1-t)^4) = [C1+C2+C11+2C12+C22](t,1,1);
///   F2(0) = 1/6, F2(1) = 1/12. t = M_N^2/m_H^2 (photon on the scalar).
template <class T>
inline T dipole_F2(T t) noexcept {
  if (!zero::detail::valid_mass(t)) return zero::detail::nan<T>();
  if constexpr (std::is_floating_point_v<T>) {
    return zero::detail::dipole_f2(t);  // closed form / series in (t-1)/(t+1)
  } else {
    return zero::detail::xkln_dd<T, 3, 5>({T(1), T(1), T(1), t, t}) / 3;
  }
}

/// Dipole function G2(t) = int_0^1 dx x(1-x)/(x + t(1-x)) = (1/2)(x^2 ln x)[1,1,t,t]
///   = (1 - t^2 + 2t ln t)/(2(1-t)^3) = -[C0+C1+C2](t,1,1); G2(0) = 1/2, G2(1) = 1/6.
template <class T>
inline T dipole_G2(T t) noexcept {
  if (!zero::detail::valid_mass(t)) return zero::detail::nan<T>();
  if constexpr (std::is_floating_point_v<T>) {
    return zero::detail::dipole_g2(t);
  } else {
    return zero::detail::x2ln_dd4(T(1), T(1), t, t) / 2;
  }
}

/// Photon-penguin (non-dipole) function G2p(x) = int_0^1 dy (1-y)^3/(1-y + x y)
///   = (x^3 ln x)[1,1,1,1,x] = (2 - 9x + 18x^2 - 11x^3 + 6x^3 ln x)/(6(1-x)^4)
///   = -[C11+2C12+C22](x,1,1); G2p(0) = 1/3, G2p(1) = 1/4. x = M_N^2/m_S^2.
template <class T>
inline T penguin_G2p(T x) noexcept {
  if (!zero::detail::valid_mass(x)) return zero::detail::nan<T>();
  if constexpr (std::is_floating_point_v<T>) {
    return zero::detail::penguin_g2p(x);
  } else {
    return zero::detail::xkln_dd<T, 3, 5>({T(1), T(1), T(1), T(1), x});
  }
}

}  // namespace darkloops::loop
