// SPDX-License-Identifier: MIT
// Three-point tensor coefficients C0 ... C222 in general kinematics (LoopTools/Denner basis,
// docs/physics.md §2.1 "Tensor reduction").  Passarino–Veltman reduction with running error
// bounds; where it loses more than digits10/3 digits (small Gram determinant, momenta small
// against masses) the small-Gram expansion (gram_c.hpp, below two-point thresholds) and then,
// if still needed, the stable branch (Chebyshev interpolation across det Z = 0) are used.
// Exactly zero external momenta go to the closed forms loop::zero::C.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <limits>
#include <type_traits>

#include "darkloops/loop/coefficients.hpp"
#include "darkloops/loop/detail/gram_c.hpp"
#include "darkloops/loop/detail/reduction_interp.hpp"
#include "darkloops/loop/detail/reduction_pv.hpp"
#include "darkloops/loop/detail/reduction_tracked.hpp"

#include "darkloops/loop/b.hpp"
#include "darkloops/loop/c0.hpp"
#include "darkloops/loop/zero_momentum.hpp"

namespace darkloops::loop {
namespace detail {

template <class T>
CTracked<T> c_from_struct(const CCoefficients<T>& c, T rel) noexcept {
  const std::array<std::complex<T>, n_c_coeffs> v{c.c0,   c.c1,   c.c2,   c.c00,  c.c11,
                                                  c.c12,  c.c22,  c.c001, c.c002, c.c111,
                                                  c.c112, c.c122, c.c222};
  CTracked<T> r;
  for (int i = 0; i < n_c_coeffs; ++i) r[i] = {v[i], rel * cabs(v[i])};
  return r;
}

template <class T>
CCoefficients<T> c_to_struct(const CTracked<T>& r, int rank) noexcept {
  CCoefficients<T> c;
  c.c0 = r[c0_].v;
  c.c1 = r[c1_].v;
  c.c2 = r[c2_].v;
  c.c00 = r[c00_].v;
  c.c11 = r[c11_].v;
  c.c12 = r[c12_].v;
  c.c22 = r[c22_].v;
  c.c001 = r[c001_].v;
  c.c002 = r[c002_].v;
  c.c111 = r[c111_].v;
  c.c112 = r[c112_].v;
  c.c122 = r[c122_].v;
  c.c222 = r[c222_].v;
  const int n = rank >= 3 ? n_c_coeffs : rank == 2 ? c001_ : c00_;
  T dl = 0;
  for (int i = 0; i < n; ++i) dl = std::max(dl, digits_lost_of(r[i]));
  c.digits_lost = dl;
  return c;
}

template <class T>
BSet<T> b_set(const T& p, const T& ma, const T& mb, const T& mu2, int rank) noexcept {
  BSet<T> b{};
  b[0] = input(std::complex<T>(B0(p, ma, mb, mu2)));
  if (rank >= 2) b[1] = input(std::complex<T>(B1(p, ma, mb, mu2)));
  if (rank >= 3) {
    b[2] = input(std::complex<T>(B00(p, ma, mb, mu2)));
    b[3] = input(std::complex<T>(B11(p, ma, mb, mu2)));
  }
  return b;
}

/// Passarino–Veltman only (no zero-momentum dispatch, no stable branch).  s = {p1, p2, p1p2},
/// m = {m1, m2, m3}.
template <class T>
CTracked<T> c_pv(const std::array<T, 3>& s, const std::array<T, 3>& m, const T& mu2,
                 int rank) noexcept {
  const Tracked<T> c0 = input(std::complex<T>(C0(s[0], s[1], s[2], m[0], m[1], m[2])));
  return c_pv_kernel(s[0], s[1], s[2], m[0], m[1], m[2], c0, b_set(s[2], m[0], m[2], mu2, rank),
                     b_set(s[0], m[0], m[1], mu2, rank), b_set(s[1], m[1], m[2], mu2, rank),
                     rank);
}

template <class T>
constexpr T c_gram(const std::array<T, 3>& s) noexcept {
  const T k12 = (s[0] + s[2] - s[1]) / 2;
  return s[0] * s[2] - k12 * k12;
}

/// Conditioning of the reduction, eq. (TR.12): |det G| / max(|G_ab|, |f_k|/2)^2, G_ab = k_a.k_b.
template <class T>
T c_conditioning(const std::array<T, 3>& s, const std::array<T, 3>& m) noexcept {
  using std::abs;
  const T k12 = (s[0] + s[2] - s[1]) / 2;
  const T sc = std::max({T(abs(s[0])), T(abs(s[2])), T(abs(k12)), T(abs(s[0] - m[1] + m[0]) / 2),
                         T(abs(s[2] - m[2] + m[0]) / 2)});
  return sc > T(0) ? T(abs(c_gram(s))) / (sc * sc) : T(0);
}

template <class T>
T max_digits_lost(const CTracked<T>& r, int rank) noexcept {
  const int n = rank >= 3 ? n_c_coeffs : rank == 2 ? c001_ : c00_;
  T dl = 0;
  for (int i = 0; i < n; ++i) dl = std::max(dl, digits_lost_of(r[i]));
  return dl;
}

/// Full dispatch with error estimates; rank 1 (c0, c1, c2) or 3 (all).  allow_fallback = false
/// inside the four-point reduction, whose own stable branch moves the sub-integrals too.
template <class T>
CTracked<T> c_tracked(const std::array<T, 3>& s, const std::array<T, 3>& m, const T& mu2,
                      int rank, bool allow_fallback = true) noexcept {
  if (s[0] == T(0) && s[1] == T(0) && s[2] == T(0))
    return c_from_struct(zero::C(m[0], m[1], m[2], mu2), input_rel_error<T>());
  CTracked<T> r = c_pv(s, m, mu2, rank);
  using std::isnan;
  if (isnan(r[c0_].v.real())) return r;  // C0 outside its domain (IR-divergent): NaN, no rescue
  T dl = max_digits_lost(r, rank);
  if (allow_fallback && dl > fallback_threshold<T>()) {
    // Small-Gram expansion (gram_c.hpp; two-point sub-integrals below threshold): one point,
    // no extrapolation; kept where its error estimate beats the reduction's.
    bool gok = false;
    const CTracked<T> g = c_gram(s, m, mu2, r[c0_], gok);
    if (gok) {
      const T dlg = max_digits_lost(g, rank);
      if (dlg < dl) {
        r = g;
        dl = dlg;
      }
    }
  }
  if (allow_fallback && dl > fallback_threshold<T>()) {
    using std::sqrt;
    const std::array<T, 3> thr{(sqrt(m[0]) + sqrt(m[1])) * (sqrt(m[0]) + sqrt(m[1])),
                               (sqrt(m[1]) + sqrt(m[2])) * (sqrt(m[1]) + sqrt(m[2])),
                               (sqrt(m[0]) + sqrt(m[2])) * (sqrt(m[0]) + sqrt(m[2]))};
    bool ok = false;
    const CTracked<T> f = interpolate_across_gram<T, 3, n_c_coeffs>(
        s, thr, {true, true, true}, [&](const std::array<T, 3>& x) { return c_conditioning(x, m); },
        [&](const std::array<T, 3>& x) { return c_pv(x, m, mu2, rank); }, ok);
    if (ok && max_digits_lost(f, rank) < dl) r = f;
  }
  return r;
}

template <class T>
bool valid_mass(const T& m) noexcept {
  using std::isfinite;
  return isfinite(m) && m >= T(0);
}

/// log10(eps_float / eps_double): digits that float gains by running the reduction in double.
inline constexpr float float_in_double_gain = 8.7f;

}  // namespace detail

/// C0, C1, C2, C00, C11, C12, C22, C001, C002, C111, C112, C122, C222 (LoopTools/Denner basis,
/// docs/physics.md eqs. (TR.1)-(TR.9)) with p1 = p1^2, p2 = p2^2, p1p2 = (p1+p2)^2, squared masses
/// m1..m3, MS-bar (Delta = 0) at scale mu2.  digits_lost: log10 of the error amplification.
/// T = float is computed in double internally.
/// Domain: finite momenta, finite masses >= 0, mu2 > 0; NaN outside (and where C0 is IR-divergent).
template <class T>
CCoefficients<T> C(T p1, T p2, T p1p2, T m1, T m2, T m3, T mu2 = T(1)) noexcept {
  using std::isfinite;
  if (!isfinite(p1) || !isfinite(p2) || !isfinite(p1p2) || !detail::valid_mass(m1) ||
      !detail::valid_mass(m2) || !detail::valid_mass(m3) || !isfinite(mu2) || !(mu2 > T(0))) {
    const T nan = std::numeric_limits<T>::quiet_NaN();
    const std::complex<T> z(nan, nan);
    return {z, z, z, z, z, z, z, z, z, z, z, z, z, nan};
  }
  if constexpr (std::is_same_v<T, float>) {
    // float: the reduction cancels digits by design, so it runs in double (same speed) and
    // rounds once at the end; digits_lost is then counted against float's own precision.
    const CCoefficients<double> d = C<double>(p1, p2, p1p2, m1, m2, m3, mu2);
    const auto f = [](const std::complex<double>& z) { return std::complex<float>(z); };
    return {f(d.c0),   f(d.c1),   f(d.c2),   f(d.c00),  f(d.c11),  f(d.c12),  f(d.c22),
            f(d.c001), f(d.c002), f(d.c111), f(d.c112), f(d.c122), f(d.c222),
            std::max(0.0f, float(d.digits_lost) - detail::float_in_double_gain)};
  } else {
    return detail::c_to_struct(detail::c_tracked<T>({p1, p2, p1p2}, {m1, m2, m3}, mu2, 3), 3);
  }
}

}  // namespace darkloops::loop
