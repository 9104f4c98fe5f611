// SPDX-License-Identifier: MIT
// Small helpers shared by the general-kinematics scalar loop functions (dilog, A0, B*, C0):
// NaN, argument validation, constexpr kinematics (Kallen function). docs/physics.md §2.1.
#pragma once

#include <cmath>
#include <complex>
#include <limits>
#include <numbers>
#include <type_traits>

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

/// Principal complex logarithm, cheaper than std::log for built-in floating types: one real
/// log (log1p near |z| = 1, where the real part cancels) and one atan2, instead of glibc's
/// exactly rounded x^2 + y^2 - 1. Relative error a few ulp of |ln z| (docs/physics.md §2.1.1).
/// Zero, non-finite, tiny or huge |z| and non-built-in types go to std::log.
template <class T>
inline std::complex<T> clog_fast(const std::complex<T>& z) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    const T x = z.real();
    const T y = z.imag();
    const T r2 = x * x + y * y;
    constexpr T lo = std::numeric_limits<T>::min() / std::numeric_limits<T>::epsilon();
    if (!(r2 > lo) || !(r2 <= std::numeric_limits<T>::max())) return std::log(z);
    using std::atan2;
    using std::log;
    using std::log1p;
    // |z|^2 - 1 = (x - 1)(x + 1) + y^2: absolute error ~eps y^2, small against |ln z| >= |arg z|
    const T re = (r2 > T(0.5) && r2 < T(2)) ? log1p((x - T(1)) * (x + T(1)) + y * y) / T(2)
                                            : log(r2) / T(2);
    return {re, atan2(y, x)};
  } else {
    return std::log(z);
  }
}

}  // namespace darkloops::loop::detail
