// SPDX-License-Identifier: MIT
// Real and complex dilogarithm Li2, templated on the real type (float, double, long double,
// boost::multiprecision::cpp_bin_float_50 with std::complex). Boost 1.74 has none.
// Algorithm (docs/physics.md §2.1.1): map the argument into |z| <= 1, Re z <= 1/2 with the
// inversion Li2(z) = -Li2(1/z) - pi^2/6 - ln^2(-z)/2 and the reflection
// Li2(z) = pi^2/6 - ln z ln(1-z) - Li2(1-z), then sum the Bernoulli series
// Li2(z) = sum_k B_k u^(k+1)/(k+1)!, u = -ln(1-z) (|u| <= pi/3, terms fall like (|u|/2pi)^2),
// truncated at the fewest terms the precision of T needs (li2_terms). Complex logarithms of
// built-in types by detail::clog_fast. Measured accuracy: docs/validation.md (a few ulp).
#pragma once

#include <array>
#include <cmath>
#include <complex>
#include <cstddef>
#include <limits>
#include <type_traits>

#include <boost/math/special_functions/bernoulli.hpp>
#include <boost/math/special_functions/factorials.hpp>

#include "darkloops/loop/detail/scalar_common.hpp"

namespace darkloops::loop {

namespace detail {

/// c_k = B_{2k}/(2k+1)!, k = 1..22 (exact rationals rounded to 25 digits).
inline constexpr std::array<long double, 22> li2_bernoulli_ld{
    2.777777777777777777777778e-2L,  -2.777777777777777777777778e-4L,
    4.724111866969009826152683e-6L,  -9.18577307466196355085244e-8L,
    1.897886998897099907200917e-9L,  -4.064761645144225526805909e-11L,
    8.921691020456452555217987e-13L, -1.993929586072107568723644e-14L,
    4.518980029619918191650477e-16L, -1.035651761218124701448341e-17L,
    2.395218621026186745740284e-19L, -5.581785874325009336283075e-21L,
    1.309150755418321285812307e-22L, -3.08741980242674029324228e-24L,
    7.315975652702203420357906e-26L, -1.740845657234000740989055e-27L,
    4.1576356446138997196179e-29L,   -9.962148488284622103194007e-31L,
    2.394034424896165300521168e-32L, -5.768347355367390084291793e-34L,
    1.393179479647007977827887e-35L, -3.372121965485089470468474e-37L};

/// Number n of series terms c_k u^(2k+1), k = 1..n, for |u| <= umax at the precision of T:
/// |c_k| = 2 zeta(2k)/((2pi)^(2k) (2k+1)) (Euler's formula for B_2k), so the first omitted term
/// is below 2.02 (umax/2pi)^(2n+2)/(2n+3) relative to |u| (zeta(2k) < 1.01 for the k that
/// matter); n is the smallest with that below 2^-(digits+1). umax: pi/3 (complex), ln 2 (real).
template <class T>
constexpr int li2_terms(double umax) noexcept {
  const double target = [] {
    double t = 0.5;
    for (int i = 0; i < std::numeric_limits<T>::digits; ++i) t /= 2;
    return t;
  }();
  const double q = (umax / 6.283185307179586) * (umax / 6.283185307179586);
  double qk = q;  // q^(n+1)
  for (int n = 0; n < 79; ++n) {
    if (2.02 * qk / (2 * n + 3) < target) return n;
    qk *= q;
  }
  return 79;
}
inline constexpr double li2_umax_complex = 1.0472;  // pi/3 (max of |u| on the mapped domain)
inline constexpr double li2_umax_real = 0.6932;     // ln 2
static_assert(li2_terms<double>(li2_umax_complex) == 9);
static_assert(li2_terms<double>(li2_umax_real) == 8);
static_assert(li2_terms<float>(li2_umax_complex) == 4);
static_assert(li2_terms<long double>(li2_umax_complex) <= 22);  // size of the literal table

/// Coefficients B_{2k}/(2k+1)! in the precision of T. Built-in types: the literal table;
/// other types: computed once with Boost.Math (a constant table, not a cache of results).
template <class T>
inline const T* li2_coeffs() noexcept {
  if constexpr (std::numeric_limits<T>::digits <= 64) {
    static constexpr auto table = [] {  // constant-initialised: no guard on the hot path
      std::array<T, 22> c{};
      for (std::size_t k = 0; k < c.size(); ++k) c[k] = static_cast<T>(li2_bernoulli_ld[k]);
      return c;
    }();
    return table.data();
  } else {
    static const auto table = [] {
      std::array<T, 80> c{};
      T fact = T(1);  // (2k+1)!
      for (std::size_t k = 1; k <= c.size(); ++k) {
        fact *= T(2 * k) * T(2 * k + 1);
        c[k - 1] = boost::math::bernoulli_b2n<T>(static_cast<int>(k)) / fact;
      }
      return c;
    }();
    return table.data();
  }
}

/// Bernoulli series in u = -ln(1-z); Z is T or std::complex<T>. |u| <= pi/3 (complex) or
/// ln 2 (real, Z = T).
template <class T, class Z>
inline Z li2_series(const Z& u) noexcept {
  const T* c = li2_coeffs<T>();
  constexpr int n =
      li2_terms<T>(std::is_same_v<Z, T> ? li2_umax_real : li2_umax_complex);
  if constexpr (std::is_same_v<Z, std::complex<T>> && std::is_floating_point_v<T>) {
    // built-in complex: sum_k c_k v^(k-1) (v = u^2) as even + v odd, two independent Horner
    // chains in v^2 (half the latency), written out in real arithmetic
    const T ur = u.real();
    const T ui = u.imag();
    const T vr = ur * ur - ui * ui;
    const T vi = T(2) * ur * ui;
    const T wr = vr * vr - vi * vi;  // v^2
    const T wi = T(2) * vr * vi;
    constexpr int last_even = (n - 1) % 2 == 0 ? n - 1 : n - 2;
    T er = c[last_even];
    T ei = T(0);
    for (int k = last_even - 2; k >= 0; k -= 2) {
      const T t = er * wr - ei * wi + c[k];
      ei = er * wi + ei * wr;
      er = t;
    }
    constexpr int last_odd = (n - 1) % 2 == 1 ? n - 1 : n - 2;
    T orr = c[last_odd];
    T oi = T(0);
    for (int k = last_odd - 2; k >= 1; k -= 2) {
      const T t = orr * wr - oi * wi + c[k];
      oi = orr * wi + oi * wr;
      orr = t;
    }
    const T sr = er + orr * vr - oi * vi;  // s = E + v O
    const T si = ei + orr * vi + oi * vr;
    const T pr = vr * ur - vi * ui;        // u^3
    const T pi3 = vr * ui + vi * ur;
    return {ur - vr / T(4) + sr * pr - si * pi3, ui - vi / T(4) + sr * pi3 + si * pr};
  } else if constexpr (std::is_same_v<Z, T> && std::is_floating_point_v<T>) {
    const T v = u * u;  // same two chains, real
    const T w = v * v;
    constexpr int last_even = (n - 1) % 2 == 0 ? n - 1 : n - 2;
    constexpr int last_odd = (n - 1) % 2 == 1 ? n - 1 : n - 2;
    T e = c[last_even];
    for (int k = last_even - 2; k >= 0; k -= 2) e = e * w + c[k];
    T o = c[last_odd];
    for (int k = last_odd - 2; k >= 1; k -= 2) o = o * w + c[k];
    return u - v / T(4) + (e + v * o) * v * u;
  } else {
    const Z u2 = u * u;
    // Horner in u^2 for sum_k c_k u^(2k+1)
    Z s = Z(c[n - 1]);
    for (int k = n - 2; k >= 0; --k) s = s * u2 + Z(c[k]);
    return u - u2 / T(4) + s * u2 * u;
  }
}

/// Li2 for |z| <= 1 (up to rounding): reflection for Re z > 1/2, else the series. lnz, when
/// given, is ln z (known to the inversion), saving one complex log in the reflection.
template <class T>
inline std::complex<T> li2_unit(const std::complex<T>& z,
                                const std::complex<T>* lnz = nullptr) noexcept {
  using C = std::complex<T>;
  const T pi = scalar_pi<T>();
  const T x = z.real();
  const T y = z.imag();
  if constexpr (std::is_floating_point_v<T>) {
    using std::atan2;
    using std::log1p;
    if (x > T(0.5)) {  // reflection, 1 - z has Re < 1/2 and |1 - z| <= 1
      // ln z with |z|^2 in (1/4, 1]: log1p of |z|^2 - 1 = (x - 1)(x + 1) + y^2
      const C lz = lnz ? *lnz : C(log1p((x - T(1)) * (x + T(1)) + y * y) / T(2), atan2(y, x));
      return C(pi * pi / 6) - lz * clog_fast(C(T(1) - x, -y)) - li2_series<T, C>(-lz);
    }
    // u = -ln(1 - z), |1 - z|^2 - 1 = x (x - 2) + y^2 (accurate relative to |z| as z -> 0)
    const C u(-log1p(x * (x - T(2)) + y * y) / T(2), -atan2(-y, T(1) - x));
    return li2_series<T, C>(u);
  } else {
    using std::log;
    if (x > T(0.5)) {
      const C omz = C(T(1)) - z;
      return C(pi * pi / 6) - log(z) * log(omz) - li2_series<T, C>(-log(z));
    }
    return li2_series<T, C>(-log1p_(-z));
  }
}

/// Re Li2(x) for x > 1 with l = ln x given (shared with callers that also need ln x).
template <class T>
inline T li2_above1(const T& x, const T& l) noexcept {
  using std::log;
  using std::log1p;
  const T pi = scalar_pi<T>();
  const T zeta2 = pi * pi / 6;
  if (x <= T(2)) return zeta2 - l * log(x - T(1)) - li2_series<T, T>(-l);  // Re of reflection
  return -li2_series<T, T>(-log1p(-T(1) / x)) + T(2) * zeta2 - l * l / 2;  // Re of inversion
}

}  // namespace detail

/// Real dilogarithm Li2(x) = -int_0^x ln(1-t)/t dt for all real x. For x > 1 it returns the
/// real part of the principal branch (the imaginary part there is -+ pi ln x on either side
/// of the cut; the complex overload gives Li2(x + i0) = Re + i pi ln x). NaN for NaN input.
template <class T>
  requires(!std::is_integral_v<T>)
inline T li2(const T& x) noexcept {
  using std::log;
  using std::log1p;
  const T pi = detail::scalar_pi<T>();
  const T zeta2 = pi * pi / 6;
  if (!(x == x)) return x;
  if (x == T(1)) return zeta2;
  if (x == T(0)) return T(0);
  if (x < T(-1)) {  // inversion, 1/x in (-1, 0)
    const T l = log(-x);
    return -detail::li2_series<T, T>(-log1p(-T(1) / x)) - zeta2 - l * l / 2;
  }
  if (x <= T(0.5)) return detail::li2_series<T, T>(-log1p(-x));
  if (x < T(1)) return zeta2 - log(x) * log1p(-x) - detail::li2_series<T, T>(-log(x));
  // x > 1: Re of the reflection (1 - x in [-1, 0)) up to 2, Re of the inversion above
  return detail::li2_above1(x, log(x));
}

/// Complex dilogarithm Li2(z), principal branch (cut along real z > 1; on the cut the sign of
/// Im z selects the side, +0 giving Li2(x + i0) = Re Li2(x) + i pi ln x).
template <class T>
inline std::complex<T> li2(const std::complex<T>& z) noexcept {
  using C = std::complex<T>;
  using std::abs;
  using std::log;
  if constexpr (std::is_same_v<T, float>) {  // glibc's atan2f/log1pf are slower than double's
    const std::complex<double> r = li2(std::complex<double>(z.real(), z.imag()));
    return {static_cast<float>(r.real()), static_cast<float>(r.imag())};
  }
  const T pi = detail::scalar_pi<T>();
  const T zeta2 = pi * pi / 6;
  const T x = z.real();
  const T y = z.imag();
  if (!(x == x) || !(y == y)) return detail::scalar_cnan<T>();
  if (y == T(0)) {
    if (x <= T(1)) return C(li2(x), T(0));
    bool below = false;
    if constexpr (std::is_floating_point_v<T>) below = std::signbit(y);
    const T l = log(x);
    const T im = pi * l;
    return C(detail::li2_above1(x, l), below ? -im : im);
  }
  const T r2 = x * x + y * y;
  if (r2 > T(1)) {  // inversion (no recursion: |1/z| <= 1 up to rounding)
    const C l = detail::clog_fast(-z);
    using std::isfinite;
    const C inv = isfinite(r2) ? C(x / r2, -y / r2) : C(T(1)) / z;
    // ln(1/z) = -ln z = -ln(-z) -+ i pi for Im z >< 0 (absolute accuracy, which is what the
    // reflection formula needs)
    const C linv(-l.real(), -l.imag() + (y > T(0) ? -pi : pi));
    return -detail::li2_unit<T>(inv, &linv) - C(zeta2) - l * l / T(2);
  }
  return detail::li2_unit<T>(z);
}

}  // namespace darkloops::loop
