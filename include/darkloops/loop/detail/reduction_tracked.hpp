// SPDX-License-Identifier: MIT
// Running error estimates for the tensor reduction (docs/physics.md §2.1, "Tensor reduction",
// eq. (TR.9)): every intermediate carries its value and an absolute error estimate propagated
// with first-order rules (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed.,
// sec. 3.3), independent contributions combined in quadrature (root-sum-square), which is
// realistic for rounding errors and much less pessimistic than worst-case bounds.
#pragma once

#include <cmath>
#include <complex>
#include <limits>

namespace darkloops::loop::detail {

/// A complex value with an absolute error estimate e >= 0.
template <class T>
struct Tracked {
  std::complex<T> v{};
  T e{0};
};

template <class T>
constexpr T unit_roundoff() noexcept {
  return std::numeric_limits<T>::epsilon() / 2;
}

/// Relative accuracy assumed for the scalar integrals handed in (B0 ... D0): 32 u.
template <class T>
constexpr T input_rel_error() noexcept {
  return 32 * unit_roundoff<T>();
}

template <class T>
T cabs(const std::complex<T>& z) noexcept {
  using std::abs;
  using std::hypot;
  return hypot(z.real(), z.imag());
}

/// A scalar-function result with the assumed input accuracy.
template <class T>
Tracked<T> input(const std::complex<T>& z) noexcept {
  return {z, input_rel_error<T>() * cabs(z)};
}

/// An exact (or exactly representable) constant.
template <class T>
Tracked<T> exact(const T& x) noexcept {
  return {std::complex<T>(x, T(0)), T(0)};
}

/// A real kinematic input as given by the user (exact by definition).
template <class T>
Tracked<T> exact(const std::complex<T>& z) noexcept {
  return {z, T(0)};
}

template <class T>
Tracked<T> operator+(const Tracked<T>& a, const Tracked<T>& b) noexcept {
  using std::hypot;
  const std::complex<T> s = a.v + b.v;
  return {s, T(hypot(a.e, b.e)) + unit_roundoff<T>() * cabs(s)};
}

template <class T>
Tracked<T> operator-(const Tracked<T>& a, const Tracked<T>& b) noexcept {
  using std::hypot;
  const std::complex<T> s = a.v - b.v;
  return {s, T(hypot(a.e, b.e)) + unit_roundoff<T>() * cabs(s)};
}

template <class T>
Tracked<T> operator-(const Tracked<T>& a) noexcept {
  return {-a.v, a.e};
}

template <class T>
Tracked<T> operator*(const Tracked<T>& a, const Tracked<T>& b) noexcept {
  using std::hypot;
  const std::complex<T> p = a.v * b.v;
  return {p, T(hypot(cabs(a.v) * b.e, cabs(b.v) * a.e)) + a.e * b.e + 2 * unit_roundoff<T>() * cabs(p)};
}

template <class T>
Tracked<T> operator/(const Tracked<T>& a, const Tracked<T>& b) noexcept {
  const std::complex<T> q = a.v / b.v;
  const T bb = cabs(b.v);
  using std::hypot;
  return {q, T(hypot(a.e, cabs(q) * b.e)) / bb + 4 * unit_roundoff<T>() * cabs(q)};
}

/// Multiplication by an exactly known real number (powers of two, small integers).
template <class T>
Tracked<T> scale(const T& c, const Tracked<T>& a) noexcept {
  using std::abs;
  const std::complex<T> p = c * a.v;
  return {p, abs(c) * a.e + unit_roundoff<T>() * cabs(p)};
}

/// log10 of the error amplification: relative error of x over the input accuracy (>= 0).
template <class T>
T digits_lost_of(const Tracked<T>& x) noexcept {
  using std::log10;
  using std::isnan;
  const T a = cabs(x.v);
  if (isnan(a) || isnan(x.e)) return std::numeric_limits<T>::infinity();
  if (!(a > T(0))) return T(0);  // exactly zero values carry no relative information
  const T amp = x.e / (a * input_rel_error<T>());
  return amp > T(1) ? T(log10(amp)) : T(0);
}

}  // namespace darkloops::loop::detail
