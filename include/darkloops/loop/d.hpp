// SPDX-License-Identifier: MIT
// Four-point tensor coefficients D0 ... D33 in general kinematics (LoopTools/Denner basis,
// docs/physics.md §2.1 "Tensor reduction").  Passarino–Veltman reduction with running error
// bounds over rank-1 three-point sub-integrals (loop/c.hpp); stable branch where the Gram
// determinant is small; exactly zero external momenta go to loop::zero::D.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <limits>
#include <type_traits>

#include "darkloops/loop/c.hpp"
#include "darkloops/loop/coefficients.hpp"
#include "darkloops/loop/detail/reduction_interp.hpp"
#include "darkloops/loop/detail/reduction_pv.hpp"
#include "darkloops/loop/detail/reduction_tracked.hpp"

#include "darkloops/loop/d0.hpp"

namespace darkloops::loop {
namespace detail {

template <class T>
DTracked<T> d_from_struct(const DCoefficients<T>& d, T rel) noexcept {
  const std::array<std::complex<T>, n_d_coeffs> v{d.d0,  d.d1,  d.d2,  d.d3,  d.d00, d.d11,
                                                  d.d12, d.d13, d.d22, d.d23, d.d33};
  DTracked<T> r;
  for (int i = 0; i < n_d_coeffs; ++i) r[i] = {v[i], rel * cabs(v[i])};
  return r;
}

template <class T>
T max_digits_lost(const DTracked<T>& r) noexcept {
  T dl = 0;
  for (const auto& x : r) dl = std::max(dl, digits_lost_of(x));
  return dl;
}

template <class T>
DCoefficients<T> d_to_struct(const DTracked<T>& r) noexcept {
  DCoefficients<T> d;
  d.d0 = r[d0_].v;
  d.d1 = r[d1_].v;
  d.d2 = r[d2_].v;
  d.d3 = r[d3_].v;
  d.d00 = r[d00_].v;
  d.d11 = r[d11_].v;
  d.d12 = r[d12_].v;
  d.d13 = r[d13_].v;
  d.d22 = r[d22_].v;
  d.d23 = r[d23_].v;
  d.d33 = r[d33_].v;
  d.digits_lost = max_digits_lost(r);
  return d;
}

template <class T>
std::array<Tracked<T>, 3> c_rank1(const std::array<T, 3>& s, const std::array<T, 3>& m,
                                  const T& mu2) noexcept {
  const CTracked<T> c = c_tracked(s, m, mu2, 1);
  return {c[c0_], c[c1_], c[c2_]};
}

/// Passarino–Veltman only.  s = {p1, p2, p3, p4, p1p2, p2p3}, m = {m1, m2, m3, m4}.
template <class T>
DTracked<T> d_pv(const std::array<T, 6>& s, const std::array<T, 4>& m, const T& mu2) noexcept {
  const Tracked<T> d0 =
      input(std::complex<T>(D0(s[0], s[1], s[2], s[3], s[4], s[5], m[0], m[1], m[2], m[3])));
  return d_pv_kernel(s[0], s[1], s[2], s[3], s[4], s[5], m[0], m[1], m[2], m[3], d0,
                     c_rank1<T>({s[4], s[2], s[3]}, {m[0], m[2], m[3]}, mu2),
                     c_rank1<T>({s[0], s[5], s[3]}, {m[0], m[1], m[3]}, mu2),
                     c_rank1<T>({s[0], s[1], s[4]}, {m[0], m[1], m[2]}, mu2),
                     c_rank1<T>({s[1], s[2], s[5]}, {m[1], m[2], m[3]}, mu2));
}

/// det of the Gram matrix k_a.k_b (eq. (TR.3)).
template <class T>
constexpr T d_gram(const std::array<T, 6>& s) noexcept {
  const T g11 = s[0], g22 = s[4], g33 = s[3];
  const T g12 = (s[0] + s[4] - s[1]) / 2, g23 = (s[4] + s[3] - s[2]) / 2,
          g13 = (s[0] + s[3] - s[5]) / 2;
  return g11 * (g22 * g33 - g23 * g23) - g12 * (g12 * g33 - g23 * g13) +
         g13 * (g12 * g23 - g22 * g13);
}

/// Conditioning of the reduction, eq. (TR.12): |det G| / max(|G_ab|, |f_k|/2)^3.
template <class T>
T d_conditioning(const std::array<T, 6>& s, const std::array<T, 4>& m) noexcept {
  using std::abs;
  const T sc = std::max({T(abs(s[0])), T(abs(s[4])), T(abs(s[3])),
                         T(abs((s[0] + s[4] - s[1]) / 2)), T(abs((s[4] + s[3] - s[2]) / 2)),
                         T(abs((s[0] + s[3] - s[5]) / 2)), T(abs(s[0] - m[1] + m[0]) / 2),
                         T(abs(s[4] - m[2] + m[0]) / 2), T(abs(s[3] - m[3] + m[0]) / 2)});
  return sc > T(0) ? T(abs(d_gram(s))) / (sc * sc * sc) : T(0);
}

template <class T>
DTracked<T> d_tracked(const std::array<T, 6>& s, const std::array<T, 4>& m, const T& mu2) noexcept {
  bool all_zero = true;
  for (const auto& x : s) all_zero = all_zero && x == T(0);
  if (all_zero) return d_from_struct(zero::D(m[0], m[1], m[2], m[3], mu2), input_rel_error<T>());
  DTracked<T> r = d_pv(s, m, mu2);
  using std::isnan;
  if (isnan(r[d0_].v.real())) return r;  // D0 outside its domain (IR-divergent): NaN, no rescue
  const T dl = max_digits_lost(r);
  if (dl > fallback_threshold<T>()) {
    using std::sqrt;
    auto th = [&](int a, int b) { return (sqrt(m[a]) + sqrt(m[b])) * (sqrt(m[a]) + sqrt(m[b])); };
    const std::array<T, 6> thr{th(0, 1), th(1, 2), th(2, 3), th(3, 0), th(0, 2), th(1, 3)};
    bool ok = false;
    const DTracked<T> f = interpolate_across_gram<T, 6, n_d_coeffs>(
        s, thr, {false, false, false, false, true, true},
        [&](const std::array<T, 6>& x) { return d_conditioning(x, m); },
        [&](const std::array<T, 6>& x) { return d_pv(x, m, mu2); }, ok);
    if (ok && max_digits_lost(f) < dl) r = f;
  }
  return r;
}

}  // namespace detail

/// D0, D1, D2, D3, D00, D11, D12, D13, D22, D23, D33 (LoopTools/Denner basis, docs/physics.md
/// eqs. (TR.1)-(TR.9)); arguments as LoopTools' D0: p1..p4 = p_i^2, p1p2 = (p1+p2)^2,
/// p2p3 = (p2+p3)^2, squared masses m1..m4, mu2 (D00 and higher ranks are UV finite; mu2 enters
/// through the sub-integrals only).  Domain: finite momenta, finite masses >= 0, mu2 > 0; NaN
/// outside (and where D0 is IR-divergent).  T = float is computed in double internally.
template <class T>
DCoefficients<T> D(T p1, T p2, T p3, T p4, T p1p2, T p2p3, T m1, T m2, T m3, T m4,
                   T mu2 = T(1)) noexcept {
  using std::isfinite;
  if (!isfinite(p1) || !isfinite(p2) || !isfinite(p3) || !isfinite(p4) || !isfinite(p1p2) ||
      !isfinite(p2p3) || !detail::valid_mass(m1) || !detail::valid_mass(m2) ||
      !detail::valid_mass(m3) || !detail::valid_mass(m4) || !isfinite(mu2) || !(mu2 > T(0))) {
    const T nan = std::numeric_limits<T>::quiet_NaN();
    const std::complex<T> z(nan, nan);
    return {z, z, z, z, z, z, z, z, z, z, z, nan};
  }
  if constexpr (std::is_same_v<T, float>) {
    // float runs in double (see C()).
    const DCoefficients<double> d = D<double>(p1, p2, p3, p4, p1p2, p2p3, m1, m2, m3, m4, mu2);
    const auto f = [](const std::complex<double>& z) { return std::complex<float>(z); };
    return {f(d.d0),  f(d.d1),  f(d.d2),  f(d.d3),  f(d.d00), f(d.d11),
            f(d.d12), f(d.d13), f(d.d22), f(d.d23), f(d.d33),
            std::max(0.0f, float(d.digits_lost) - detail::float_in_double_gain)};
  } else {
    return detail::d_to_struct(
        detail::d_tracked<T>({p1, p2, p3, p4, p1p2, p2p3}, {m1, m2, m3, m4}, mu2));
  }
}

}  // namespace darkloops::loop
