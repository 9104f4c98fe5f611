// SPDX-License-Identifier: MIT
// Small helpers shared by the general-kinematics scalar loop functions (dilog, A0, B*, C0):
// NaN, argument validation, constexpr kinematics (Kallen function). docs/physics.md §2.1.
#pragma once

#include <cmath>
#include <complex>
#include <limits>
#include <numbers>

#include <boost/math/constants/constants.hpp>

namespace darkloops::loop::detail {

template <class T>
inline T scalar_nan() noexcept {
  return std::numeric_limits<T>::quiet_NaN();
}

template <class T>
inline std::complex<T> scalar_cnan() noexcept {
  return {scalar_nan<T>(), scalar_nan<T>()};
}

/// pi in the precision of T (std::numbers has no generic template for UDTs in C++20).
template <class T>
inline T scalar_pi() noexcept {
  return boost::math::constants::pi<T>();
}

template <class T>
inline bool scalar_finite(const T& x) noexcept {
  using std::isfinite;
  return static_cast<bool>(isfinite(x));
}

/// A squared mass is valid when finite and >= 0.
template <class T>
inline bool valid_mass2(const T& m) noexcept {
  return scalar_finite(m) && !(m < T(0));
}

/// A scale mu^2 is valid when finite and > 0.
template <class T>
inline bool valid_scale2(const T& mu2) noexcept {
  return scalar_finite(mu2) && mu2 > T(0);
}

/// Kallen function lambda(a,b,c) = a^2 + b^2 + c^2 - 2ab - 2ac - 2bc, written as
/// (a - b - c)^2 - 4bc, which is exact when b or c vanish.
template <class T>
constexpr T kallen(const T& a, const T& b, const T& c) noexcept {
  return (a - b - c) * (a - b - c) - T(4) * b * c;
}
static_assert(kallen(1.0, 0.0, 0.0) == 1.0);
static_assert(kallen(4.0, 1.0, 1.0) == 0.0);     // threshold s = (m1 + m2)^2
static_assert(kallen(3.0, 1.0, 1.0) == -3.0);    // between pseudo-threshold and threshold
static_assert(kallen(2.0, 3.0, 5.0) == kallen(5.0, 2.0, 3.0));

/// Real-valued log1p with an accurate fallback for types without std::log1p.
template <class T>
inline T log1p_(const T& x) noexcept {
  using std::log1p;
  return log1p(x);
}

/// Complex log(1 + z), accurate for small |z| (compensated: log(w) z / (w - 1), w = 1 + z).
template <class T>
inline std::complex<T> log1p_(const std::complex<T>& z) noexcept {
  const std::complex<T> w = std::complex<T>(T(1)) + z;
  const std::complex<T> d = w - std::complex<T>(T(1));
  if (d == std::complex<T>(T(0))) return z;
  return std::log(w) * (z / d);
}

}  // namespace darkloops::loop::detail
