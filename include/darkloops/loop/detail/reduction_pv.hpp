// SPDX-License-Identifier: MIT
// Passarino–Veltman reduction kernels for the three- and four-point tensor coefficients in the
// LoopTools/Denner basis (Denner, Fortsch. Phys. 41 (1993) 307, sec. 4; notation of
// Denner–Dittmaier, Nucl. Phys. B734 (2006) 62, sec. 5; derivation in docs/physics.md §2.1,
// eqs. (TR.4) and (TR.7)):
//   sum_l Z_kl T_{l J} = S_{k,J} - f_k T_J - 2 sum_r delta_{k i_r} T_{00 J\i_r}     (R1)
//   2 (D+P-N+1) T_{00 J} = 2 m_0 T_J + T_J(0) + sum_l f_l T_{l J} + 4 Res_UV T_{00 J}  (R2)
// with S_{k,J} = T_J(k) - T_J(0), Z_kl = 2 k_k.k_l, f_k = k_k^2 - m_k + m_0 (squared masses).
// All arithmetic carries running error bounds (reduction_tracked.hpp).
#pragma once

#include <array>
#include <cmath>
#include <complex>
#include <limits>

#include "darkloops/loop/detail/reduction_tracked.hpp"

namespace darkloops::loop::detail {

// Index layout of the flattened coefficient sets.
enum CIndex : int { c0_, c1_, c2_, c00_, c11_, c12_, c22_, c001_, c002_, c111_, c112_, c122_, c222_ };
enum DIndex : int { d0_, d1_, d2_, d3_, d00_, d11_, d12_, d13_, d22_, d23_, d33_ };
inline constexpr int n_c_coeffs = 13;
inline constexpr int n_d_coeffs = 11;

template <class T>
using CTracked = std::array<Tracked<T>, n_c_coeffs>;
template <class T>
using DTracked = std::array<Tracked<T>, n_d_coeffs>;

/// Tensor coefficients of a two-point sub-integral: b0, b1, b00, b11.
template <class T>
using BSet = std::array<Tracked<T>, 4>;

template <class T>
Tracked<T> not_significant() noexcept {
  const T nan = std::numeric_limits<T>::quiet_NaN();
  return {std::complex<T>(nan, nan), std::numeric_limits<T>::infinity()};
}

/// x / d where d may be pure rounding noise: then the result is marked unusable.
template <class T>
Tracked<T> safe_div(const Tracked<T>& x, const Tracked<T>& d) noexcept {
  if (!(cabs(d.v) > d.e)) return not_significant<T>();
  return x / d;
}

/// Rank-1..3 three-point reduction.  Kinematics: k1^2 = p1, (k2-k1)^2 = p2, k2^2 = p1p2,
/// propagators q^2-m1, (q+k1)^2-m2, (q+k2)^2-m3.  Sub-integrals (docs/physics.md, eq. (TR.5)):
///   b1 = B(p1p2; m1, m3)  [propagator 2 removed],  b2 = B(p1; m1, m2)  [propagator 3 removed],
///   b0 = B(p2; m2, m3)    [propagator 1 removed, loop momentum shifted by k1].
/// rank = 1 gives c0, c1, c2 only, rank = 2 also c00, c11, c12, c22 (the rest stay zero).
template <class T>
CTracked<T> c_pv_kernel(const T& p1, const T& p2, const T& p1p2, const T& m1, const T& m2,
                        const T& m3, const Tracked<T>& c0, const BSet<T>& b1, const BSet<T>& b2,
                        const BSet<T>& b0, int rank) noexcept {
  CTracked<T> r{};
  r[c0_] = c0;
  // Gram matrix Z_kl = 2 k_k.k_l and f_k (eq. (TR.3)).
  const Tracked<T> z11 = exact<T>(2 * p1), z22 = exact<T>(2 * p1p2);
  const Tracked<T> z12 = exact<T>(p1) + exact<T>(p1p2) - exact<T>(p2);
  const Tracked<T> f1 = exact<T>(p1) - exact<T>(m2) + exact<T>(m1);
  const Tracked<T> f2 = exact<T>(p1p2) - exact<T>(m3) + exact<T>(m1);
  const Tracked<T> det = z11 * z22 - z12 * z12;
  const Tracked<T> m1x2 = exact<T>(2 * m1);
  auto solve = [&](const Tracked<T>& r1, const Tracked<T>& r2, Tracked<T>& x1, Tracked<T>& x2) {
    x1 = safe_div(z22 * r1 - z12 * r2, det);
    x2 = safe_div(z11 * r2 - z12 * r1, det);
  };
  // Sub-integral coefficients in the (k1, k2) basis: T(k)_J (eq. (TR.6)).
  const Tracked<T> zero{};
  // T(1): B(p1p2; m1, m3) with momentum k2.
  const std::array<Tracked<T>, 7> t1{b1[0], zero, b1[1], b1[2], zero, zero, b1[3]};
  // T(2): B(p1; m1, m2) with momentum k1.
  const std::array<Tracked<T>, 7> t2{b2[0], b2[1], zero, b2[2], b2[3], zero, zero};
  // T(0): B(p2; m2, m3) in q' = q + k1, re-expanded with q = q' - k1.
  const Tracked<T> b0p1 = b0[0] + b0[1];
  const std::array<Tracked<T>, 7> t0{b0[0],
                                     -b0p1,
                                     b0[1],
                                     b0[2],
                                     b0[3] + scale(T(2), b0[1]) + b0[0],
                                     -(b0[3] + b0[1]),
                                     b0[3]};
  // index into t-arrays: 0, 1, 2, 00, 11, 12, 22
  auto S = [&](int k, int j) { return (k == 1 ? t1[j] : t2[j]) - t0[j]; };

  // Rank 1 (R1, P = 0).
  solve(S(1, 0) - f1 * c0, S(2, 0) - f2 * c0, r[c1_], r[c2_]);
  if (rank < 2) return r;
  // C00 (R2, P = 0): 4 C00 = 2 m1 C0 + B0(0) + f1 C1 + f2 C2 + 1.
  r[c00_] = scale(T(1) / 4, m1x2 * c0 + t0[0] + f1 * r[c1_] + f2 * r[c2_] + exact<T>(T(1)));
  // Rank 2 (R1, P = 1).
  Tracked<T> c11, c21, c12, c22;
  solve(S(1, 1) - f1 * r[c1_] - scale(T(2), r[c00_]), S(2, 1) - f2 * r[c1_], c11, c21);
  solve(S(1, 2) - f1 * r[c2_], S(2, 2) - f2 * r[c2_] - scale(T(2), r[c00_]), c12, c22);
  r[c11_] = c11;
  r[c22_] = c22;
  r[c12_] = {(c21.v + c12.v) / T(2), (c21.e + c12.e) / 2 + cabs(c21.v - c12.v) / 2};
  if (rank < 3) return r;
  // C00i (R2, P = 1): 6 C00i = 2 m1 Ci + B_i(0) + f1 C1i + f2 C2i - 1/3.
  const Tracked<T> third = {std::complex<T>(T(1) / 3, T(0)), unit_roundoff<T>()};
  r[c001_] = scale(T(1) / 6, m1x2 * r[c1_] + t0[1] + f1 * r[c11_] + f2 * r[c12_] - third);
  r[c002_] = scale(T(1) / 6, m1x2 * r[c2_] + t0[2] + f1 * r[c12_] + f2 * r[c22_] - third);
  // Rank 3 (R1, P = 2): index pairs (11), (12), (22).
  Tracked<T> x111, x211, x112, x212, x122, x222;
  solve(S(1, 4) - f1 * r[c11_] - scale(T(4), r[c001_]), S(2, 4) - f2 * r[c11_], x111, x211);
  solve(S(1, 5) - f1 * r[c12_] - scale(T(2), r[c002_]),
        S(2, 5) - f2 * r[c12_] - scale(T(2), r[c001_]), x112, x212);
  solve(S(1, 6) - f1 * r[c22_], S(2, 6) - f2 * r[c22_] - scale(T(4), r[c002_]), x122, x222);
  r[c111_] = x111;
  r[c222_] = x222;
  r[c112_] = {(x211.v + x112.v) / T(2), (x211.e + x112.e) / 2 + cabs(x211.v - x112.v) / 2};
  r[c122_] = {(x212.v + x122.v) / T(2), (x212.e + x122.e) / 2 + cabs(x212.v - x122.v) / 2};
  return r;
}

/// Rank-0..2 four-point reduction.  k1^2 = p1, (k2-k1)^2 = p2, (k3-k2)^2 = p3, k3^2 = p4,
/// k2^2 = p1p2, (k3-k1)^2 = p2p3; propagators q^2-m1, (q+k_i)^2-m_{i+1}.  Sub-integrals
/// (rank 1: c0, c1, c2 in their own LoopTools basis):
///   s1 = C(p1p2, p3, p4; m1, m3, m4), s2 = C(p1, p2p3, p4; m1, m2, m4),
///   s3 = C(p1, p2, p1p2; m1, m2, m3), s0 = C(p2, p3, p2p3; m2, m3, m4).
template <class T>
DTracked<T> d_pv_kernel(const T& p1, const T& p2, const T& p3, const T& p4, const T& p1p2,
                        const T& p2p3, const T& m1, const T& m2, const T& m3, const T& m4,
                        const Tracked<T>& d0, const std::array<Tracked<T>, 3>& s1,
                        const std::array<Tracked<T>, 3>& s2, const std::array<Tracked<T>, 3>& s3,
                        const std::array<Tracked<T>, 3>& s0) noexcept {
  DTracked<T> r{};
  r[d0_] = d0;
  const Tracked<T> z11 = exact<T>(2 * p1), z22 = exact<T>(2 * p1p2), z33 = exact<T>(2 * p4);
  const Tracked<T> z12 = exact<T>(p1) + exact<T>(p1p2) - exact<T>(p2);
  const Tracked<T> z23 = exact<T>(p1p2) + exact<T>(p4) - exact<T>(p3);
  const Tracked<T> z13 = exact<T>(p1) + exact<T>(p4) - exact<T>(p2p3);
  const std::array<Tracked<T>, 3> f{exact<T>(p1) - exact<T>(m2) + exact<T>(m1),
                                    exact<T>(p1p2) - exact<T>(m3) + exact<T>(m1),
                                    exact<T>(p4) - exact<T>(m4) + exact<T>(m1)};
  // Adjugate and determinant of Z.
  const Tracked<T> a11 = z22 * z33 - z23 * z23, a12 = z13 * z23 - z12 * z33,
                   a13 = z12 * z23 - z13 * z22, a22 = z11 * z33 - z13 * z13,
                   a23 = z12 * z13 - z11 * z23, a33 = z11 * z22 - z12 * z12;
  const Tracked<T> det = z11 * a11 + z12 * a12 + z13 * a13;
  const std::array<std::array<Tracked<T>, 3>, 3> adj{{{a11, a12, a13}, {a12, a22, a23}, {a13, a23, a33}}};
  auto solve = [&](const std::array<Tracked<T>, 3>& rhs) {
    std::array<Tracked<T>, 3> x;
    for (int i = 0; i < 3; ++i)
      x[i] = safe_div(adj[i][0] * rhs[0] + adj[i][1] * rhs[1] + adj[i][2] * rhs[2], det);
    return x;
  };
  const Tracked<T> zero{};
  // Sub-integral coefficients in the (k1, k2, k3) basis: index 0 (scalar), 1, 2, 3.
  const std::array<std::array<Tracked<T>, 4>, 4> t{{
      {s0[0], -(s0[0] + s0[1] + s0[2]), s0[1], s0[2]},  // T(0)
      {s1[0], zero, s1[1], s1[2]},                       // T(1)
      {s2[0], s2[1], zero, s2[2]},                       // T(2)
      {s3[0], s3[1], s3[2], zero},                       // T(3)
  }};
  auto S = [&](int k, int j) { return t[k][j] - t[0][j]; };
  // Rank 1.
  std::array<Tracked<T>, 3> rhs;
  for (int k = 0; k < 3; ++k) rhs[k] = S(k + 1, 0) - f[k] * d0;
  const auto d1 = solve(rhs);
  r[d1_] = d1[0];
  r[d2_] = d1[1];
  r[d3_] = d1[2];
  // D00 (R2, P = 0, no UV pole): 2 D00 = 2 m1 D0 + C0(0) + sum f_l D_l.
  r[d00_] = scale(T(1) / 2, exact<T>(2 * m1) * d0 + t[0][0] + f[0] * d1[0] + f[1] * d1[1] +
                                f[2] * d1[2]);
  // Rank 2 (R1, P = 1).
  std::array<std::array<Tracked<T>, 3>, 3> dij;
  for (int i = 0; i < 3; ++i) {
    for (int k = 0; k < 3; ++k) {
      rhs[k] = S(k + 1, i + 1) - f[k] * d1[i];
      if (k == i) rhs[k] = rhs[k] - scale(T(2), r[d00_]);
    }
    dij[i] = solve(rhs);
  }
  auto sym = [&](int i, int j) -> Tracked<T> {
    if (i == j) return dij[i][i];
    const auto& a = dij[i][j];
    const auto& b = dij[j][i];
    return {(a.v + b.v) / T(2), (a.e + b.e) / 2 + cabs(a.v - b.v) / 2};
  };
  r[d11_] = sym(0, 0);
  r[d12_] = sym(0, 1);
  r[d13_] = sym(0, 2);
  r[d22_] = sym(1, 1);
  r[d23_] = sym(1, 2);
  r[d33_] = sym(2, 2);
  return r;
}

}  // namespace darkloops::loop::detail
