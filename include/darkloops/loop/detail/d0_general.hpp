// SPDX-License-Identifier: MIT
// Internals of the scalar four-point function D0 in general kinematics (docs/physics.md
// §2.1 "D0 general kinematics"): two projective substitutions along the diagonals of the
// scaled Cayley matrix reduce D0 to one-dimensional integrals of logarithms over rational
// functions, summed in closed form: over w = d / c in [0, inf) with one Li2 per pair of roots
// (half-line form, eqs. (D0.15)-(D0.18)), or over t in [0, 1] with the 't Hooft-Veltman R
// function (segment form, eqs. (D0.9)-(D0.11), the fallback).
#pragma once

#include <array>
#include <cmath>
#include <complex>
#include <limits>
#include <type_traits>
#include <utility>

#include "darkloops/loop/detail/scalar_common.hpp"
#include "darkloops/loop/dilog.hpp"

namespace darkloops::loop::detail {

template <class T>
using D0Poly = std::array<std::complex<T>, 3>;  // c0 + c1 t + c2 t^2

template <class T>
inline D0Poly<T> d0_add(const D0Poly<T>& a, const D0Poly<T>& b) noexcept {
  return {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
}

template <class T>
inline D0Poly<T> d0_scale(const std::complex<T>& s, const D0Poly<T>& a) noexcept {
  return {s * a[0], s * a[1], s * a[2]};
}

/// Product of two polynomials whose degrees add up to at most 2.
template <class T>
inline D0Poly<T> d0_mul(const D0Poly<T>& a, const D0Poly<T>& b) noexcept {
  return {a[0] * b[0], a[0] * b[1] + a[1] * b[0], a[0] * b[2] + a[1] * b[1] + a[2] * b[0]};
}

/// Principal complex logarithm: clog_fast for built-in types (one real log or log1p and one
/// atan2; the absolute accuracy the sums below need), std::log otherwise. Nearly real z
/// (|Im z| <= 1e-10 |Re z|, the usual case: the -i eps of eq. (D0.6)): ln|Re z| and
/// arg z = Im z / Re z (+-pi), dropped terms (Im z / Re z)^2 / 2 <= 5e-21 (eq. (D0.18)).
template <class T>
inline std::complex<T> d0_log(const std::complex<T>& z) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    using std::abs;
    const T x = z.real(), y = z.imag();
    const T ax = abs(x);
    if (abs(y) <= T(1e-10) * ax && ax >= std::numeric_limits<T>::min() &&
        ax <= std::numeric_limits<T>::max()) {
      using std::log;
      using std::log1p;
      const T re = (ax > T(0.5) && ax < T(2)) ? log1p(ax - T(1)) : log(ax);  // ax - 1 exact
      const T q = y / x;
      if (x > T(0)) return {re, q};
      const T pi = scalar_pi<T>();
      return {re, (std::signbit(y) ? -pi : pi) + q};
    }
  }
  return clog_fast(z);
}

/// 1 / z by Smith's algorithm for built-in types (no libgcc __divdc3 call), std otherwise.
template <class T>
inline std::complex<T> d0_inv(const std::complex<T>& z) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    using std::abs;
    const T a = z.real(), b = z.imag();
    if (abs(a) >= abs(b)) {
      if (a == T(0)) return std::complex<T>(T(1)) / z;  // z = 0 (or NaN): std semantics
      const T r = b / a, d = a + b * r;
      return {T(1) / d, -r / d};
    }
    const T r = a / b, d = a * r + b;
    return {r / d, T(-1) / d};
  } else {
    return std::complex<T>(T(1)) / z;
  }
}

/// Li2 for the half-line form: nearly real arguments u = x + i y with |y| <= 1e-10 min(|x|,
/// |1 - x|) by the real Li2 and its first-order Taylor term i y Li2'(x), Li2'(u) = -ln(1 - u)/u
/// on the side of the cut that sgn y selects (dropped: y^2 |Li2''| / 2 <= 1e-20); else the
/// complex li2 (eq. (D0.18)).
template <class T>
inline std::complex<T> d0_li2(const std::complex<T>& u) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    using std::abs;
    const T x = u.real(), y = u.imag();
    const T omx = T(1) - x;
    const T lim = T(1e-10) * ((abs(x) < abs(omx)) ? abs(x) : abs(omx));
    if (abs(y) <= lim && lim > T(0)) {  // lim > 0: x != 0, 1, finite
      // Re Li2(x) as in loop::li2 (dilog.hpp), sharing ln(1 - x) resp. ln(x - 1) with the
      // Taylor term
      using std::log;
      using std::log1p;
      const T pi = scalar_pi<T>();
      const T zeta2 = pi * pi / 6;
      if (x < T(1)) {
        T re, L;  // L = ln(1 - x)
        if (x < T(-1)) {
          const T lm = log(-x), l1 = log1p(-T(1) / x);
          re = -li2_series<T, T>(-l1) - zeta2 - lm * lm / 2;
          L = lm + l1;
        } else if (x <= T(0.5)) {
          L = log1p(-x);
          re = li2_series<T, T>(-L);
        } else {
          L = log1p(-x);
          const T lx = log(x);
          re = zeta2 - lx * L - li2_series<T, T>(-lx);
        }
        return {re, -y * L / x};  // i y (-ln(1 - x) / x)
      }
      // x > 1: ln(1 - u) = ln(x - 1) -+ i pi for y >= 0 (+0) resp. y < 0 (-0)
      const T lx = log(x);
      T re, lxm1;
      if (x <= T(2)) {
        lxm1 = log(x - T(1));
        re = zeta2 - lx * lxm1 - li2_series<T, T>(-lx);
      } else {
        const T l1 = log1p(-T(1) / x);
        lxm1 = lx + l1;
        re = -li2_series<T, T>(-l1) + T(2) * zeta2 - lx * lx / 2;
      }
      const T sg = std::signbit(y) ? T(-1) : T(1);
      // Li2(x + i0 sg) = Re Li2(x) + i sg pi ln x; i y Li2'(x) = i y (-(ln(x - 1) - i sg pi) / x)
      return {re - sg * pi * y / x, sg * pi * lx - y * lxm1 / x};
    }
  }
  return li2(u);
}

/// |Re z| + |Im z|: a modulus estimate within a factor sqrt(2) of |z| without hypot, for the
/// cancellation and gap estimates (which only steer the long-double rescue).
template <class T>
inline T d0_abs1(const std::complex<T>& z) noexcept {
  using std::abs;
  return abs(z.real()) + abs(z.imag());
}

/// eta(a, b) = ln(ab) - ln a - ln b (principal logarithms), from the signs of the imaginary
/// parts when none vanishes, from the logarithms otherwise.
template <class T>
inline std::complex<T> d0_eta(const std::complex<T>& a, const std::complex<T>& b) noexcept {
  const T ia = a.imag(), ib = b.imag();
  const std::complex<T> ab = a * b;
  const T iab = ab.imag();
  if (ia != T(0) && ib != T(0) && iab != T(0)) {
    const T twopi = T(2) * scalar_pi<T>();
    if (ia < T(0) && ib < T(0) && iab > T(0)) return {T(0), twopi};
    if (ia > T(0) && ib > T(0) && iab < T(0)) return {T(0), -twopi};
    return {T(0), T(0)};
  }
  return d0_log(ab) - d0_log(a) - d0_log(b);
}

/// L(x) = int_0^1 dt / (t - x) for x off the segment [0, 1] (or infinitesimally off it).
template <class T>
inline std::complex<T> d0_L(const std::complex<T>& x) noexcept {
  using std::abs;
  if (d0_abs1(x) > T(2)) return log1p_(-std::complex<T>(T(1)) / x);  // |x| > sqrt(2)
  return d0_log(std::complex<T>(T(1)) - x) - d0_log(-x);
}

/// 't Hooft-Veltman R function (Nucl. Phys. B153 (1979) 365, section 2), in the form of
/// docs/physics.md eq. (D0.9)):
///   R(x, z) = int_0^1 dt [ln(t - z) - ln(x - z)] / (t - x),   Im z != 0.
template <class T>
inline std::complex<T> d0_R(const std::complex<T>& x, const std::complex<T>& z, T& mag) noexcept {
  using C = std::complex<T>;
  using std::abs;
  const C w = C(T(1)) / (x - z);
  const C u0 = x * w, u1 = (x - C(T(1))) * w;
  const C l0 = li2(u0), l1 = li2(u1);
  C r = l0 - l1;
  mag += d0_abs1(l0) + d0_abs1(l1);
  const C e0 = d0_eta(-z, w);
  if (e0 != C(T(0))) {
    const C t = e0 * d0_log(u0);
    r += t;
    mag += d0_abs1(t);
  }
  const C e1 = d0_eta(C(T(1)) - z, w);
  if (e1 != C(T(0))) {
    const C t = e1 * d0_log(u1);
    r -= t;
    mag += d0_abs1(t);
  }
  return r;
}

/// Principal complex square root; nearly real z (|Im z| <= 1e-10 |Re z|) for built-in types
/// by one real sqrt: sqrt(a + i b) = sqrt(a) + i b / (2 sqrt(a)) (a > 0), |b| / (2 sqrt(-a))
/// + i sgn(b) sqrt(-a) (a < 0), relative error (b / a)^2 / 8 <= 2e-21.
template <class T>
inline std::complex<T> d0_sqrt(const std::complex<T>& z) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    using std::abs;
    using std::sqrt;
    const T a = z.real(), b = z.imag();
    if (abs(b) <= T(1e-10) * abs(a) && abs(a) >= std::numeric_limits<T>::min() &&
        abs(a) <= std::numeric_limits<T>::max()) {
      if (a > T(0)) {
        const T r = sqrt(a);
        return {r, b / (T(2) * r)};
      }
      const T r = sqrt(-a);
      return {abs(b) / (T(2) * r), std::signbit(b) ? -r : r};
    }
  }
  return std::sqrt(z);
}

/// Roots of c2 t^2 + c1 t + c0 (c2 != 0), without cancellation.
template <class T>
inline std::array<std::complex<T>, 2> d0_roots(const D0Poly<T>& q) noexcept {
  using C = std::complex<T>;
  const C d = d0_sqrt(q[1] * q[1] - T(4) * q[2] * q[0]);
  const C s = (std::real(std::conj(q[1]) * d) >= T(0)) ? -q[1] - d : -q[1] + d;
  if (s == C(T(0))) return {C(T(0)), C(T(0))};
  return {s * d0_inv(T(2) * q[2]), T(2) * q[0] * d0_inv(s)};
}

/// A form q in the slice coordinates (c, d) = (1 - t, t), homogeneous of degree deg:
/// h0 c^2 + h1 c d + h2 d^2, h0 c + h1 d or h0, with Im q < 0 on the slice. Factorised as
/// ln q(t) = lnc + sum_k ln(t - z_k) on [0, 1]; q0, q1 = q at t = 0, 1.
template <class T>
struct D0LogFactor {
  int n = 0;  // number of finite roots in t
  std::array<std::complex<T>, 2> z{};
  std::complex<T> lnc{}, q0{}, q1{};
};

template <class T>
struct D0Form {
  int deg = 0;
  std::array<std::complex<T>, 3> h{};
};

/// Roots in t from the homogeneous form: w = d / c solves h_deg w^deg + ... + h0 = 0 and
/// t = w / (1 + w); w = -1 (t = infinity) drops out. Avoids the cancellations of the
/// monomial basis in t near the end points.
template <class T>
inline D0LogFactor<T> d0_factor(const D0Form<T>& q) noexcept {
  using C = std::complex<T>;
  using std::abs;
  D0LogFactor<T> f;
  const T tiny = T(4) * std::numeric_limits<T>::epsilon();
  std::array<C, 2> w{};
  int nw = 0;
  C half;
  if (q.deg == 2) {
    if (q.h[2] != C(T(0))) {
      w = d0_roots<T>({q.h[0], q.h[1], q.h[2]});
      nw = 2;
    } else if (q.h[1] != C(T(0))) {
      w[0] = -q.h[0] / q.h[1];
      nw = 1;
    }
    half = (q.h[0] + q.h[1] + q.h[2]) / T(4);
    f.q0 = q.h[0];
    f.q1 = q.h[2];
  } else if (q.deg == 1) {
    if (q.h[1] != C(T(0))) {
      w[0] = -q.h[0] / q.h[1];
      nw = 1;
    }
    half = (q.h[0] + q.h[1]) / T(2);
    f.q0 = q.h[0];
    f.q1 = q.h[1];
  } else {
    f.q0 = f.q1 = q.h[0];
    f.lnc = d0_log(q.h[0]);
    return f;
  }
  for (int k = 0; k < nw; ++k) {
    const C opw = C(T(1)) + w[k];
    if (d0_abs1(opw) <= tiny * (d0_abs1(w[k]) + T(1))) continue;  // t = infinity
    f.z[f.n++] = w[k] / opw;
  }
  // ln q(t) - sum_k ln(t - z_k) is constant on [0, 1] (both sides continuous): fix it at 1/2.
  const C h(T(1) / T(2));
  f.lnc = d0_log(half);
  for (int k = 0; k < f.n; ++k) f.lnc -= d0_log(h - f.z[k]);
  return f;
}

/// int_0^1 ln q(t) / (t - x) dt for a factorised q.
template <class T>
inline std::complex<T> d0_int_log_over(const D0LogFactor<T>& f, const std::complex<T>& x,
                                       const std::complex<T>& Lx, T& mag, T& min_gap) noexcept {
  using std::abs;
  std::complex<T> br = f.lnc;
  std::complex<T> r{};
  T m = d0_abs1(f.lnc);
  for (int k = 0; k < f.n; ++k) {
    const std::complex<T> xz = x - f.z[k];
    const std::complex<T> l = d0_log(xz);
    br += l;
    m += d0_abs1(l);
    r += d0_R(x, f.z[k], mag);
    // |x - z| / (1 + |x|), the moduli only where the estimate comes near the current minimum
    const T gap1 = d0_abs1(xz) / (T(1) + d0_abs1(x));
    if (gap1 < T(2) * min_gap) {
      const T gap = abs(xz) / (T(1) + abs(x));
      if (gap < min_gap) min_gap = gap;
    }
  }
  mag += m * d0_abs1(Lx);
  return br * Lx + r;
}

/// d/dx int_0^1 ln q(t) / (t - x) dt = int_0^1 ln q(t) / (t - x)^2 dt, by parts:
/// -ln q(1) / (1 - x) - ln q(0) / x + sum_k [L(x) - L(z_k)] / (x - z_k).
template <class T>
inline std::complex<T> d0_int_log_over2(const D0LogFactor<T>& f, const std::complex<T>& x,
                                        const std::complex<T>& Lx) noexcept {
  using C = std::complex<T>;
  C r = -d0_log(f.q1) / (C(T(1)) - x) - d0_log(f.q0) / x;
  for (int k = 0; k < f.n; ++k) r += (Lx - d0_L(f.z[k])) / (x - f.z[k]);
  return r;
}

/// int_0^1 ln q(t) dt for a factorised q.
template <class T>
inline std::complex<T> d0_int_log(const D0LogFactor<T>& f) noexcept {
  using C = std::complex<T>;
  C r = f.lnc;
  for (int k = 0; k < f.n; ++k) {
    const C z = f.z[k];
    r += (C(T(1)) - z) * d0_log(C(T(1)) - z) + z * d0_log(-z) - C(T(1));
  }
  return r;
}

/// Counts of the per-cone-pair evaluations (tests and benchmarks only): w_form = the
/// half-line form (D0.15)-(D0.17), t_form = the segment form (D0.9)-(D0.11).
struct D0Trace {
  int w_form = 0;
  int t_form = 0;
};

/// H(X, W) of eq. (D0.16): int_0^inf ln(w - W) [1/(w - X1) - 1/(w - X2)] dw = H(X1, W) - H(X2, W)
/// for Im W != 0 and X1, X2 off [0, inf); lmx = ln(-X). Accumulates the moduli of the pieces
/// (mag) and the segment-form gap |x - z| / (1 + |x|) of t = w / (1 + w) (min_gap).
template <class T>
inline std::complex<T> d0_H(const std::complex<T>& X, const std::complex<T>& W, const std::complex<T>& lmx,
                            T& mag, T& min_gap) noexcept {
  using C = std::complex<T>;
  using std::abs;
  const C xw = X - W;
  const C inv = d0_inv(xw);
  const C l = d0_log(xw);
  const C u = X * inv;
  const C li = d0_li2(u);
  C h = l * (l / T(2) - lmx) + li;
  const T al = d0_abs1(l);
  mag += al * (al / T(2) + d0_abs1(lmx)) + d0_abs1(li);
  const C e = d0_eta(-W, inv);
  if (e != C(T(0))) {
    const C t = e * d0_log(u);
    h += t;
    mag += d0_abs1(t);
  }
  // t-space gap: |x_t - z_t| = |X - W| / (|1 + X| |1 + W|), 1 + |x_t| = (|1 + X| + |X|) / |1 + X|
  const T opw = d0_abs1(C(T(1)) + W), opx = d0_abs1(C(T(1)) + X);
  const T gap1 = d0_abs1(xw) / (opw * (opx + d0_abs1(X)));  // in [gap, 2 sqrt(2) gap]
  if (gap1 < T(4) * min_gap && gap1 < T(1e-3)) {  // exact only near the thresholds 1e-4, 1e-6
    const T gap = abs(xw) / (abs(C(T(1)) + W) * (abs(C(T(1)) + X) + abs(X)));
    if (gap < min_gap) min_gap = gap;
  }
  return h;
}

/// One cone pair in the half-line form (docs/physics.md (D0.15)-(D0.17)): with w = d / c the
/// integral (D0.7) is int_0^inf dw sum_k s_k ln q_k(w) / P(w), P = p2 (w - X1)(w - X2), each
/// ln q_k(w) = lnc_k + sum_a ln(w - W_ka) (constant fixed at w = 1), one Li2 per (X, W).
/// false (nothing accumulated) when P is not of degree 2 in w, its roots nearly coincide, or
/// one lies at w = -1: the caller then uses the segment form.
template <class T>
inline bool d0_pair_w(const std::array<D0Form<T>, 4>& q, const std::array<T, 4>& sgn, const D0Poly<T>& Pw,
                      std::complex<T>& val, T& magnitude, T& min_gap) noexcept {
  using C = std::complex<T>;
  using std::abs;
  using std::cbrt;
  if (Pw[2] == C(T(0))) return false;
  const auto X = d0_roots(Pw);
  const T sep = T(2) * cbrt(std::numeric_limits<T>::epsilon());
  if (!(d0_abs1(X[0] - X[1]) > sep * (d0_abs1(X[0]) + d0_abs1(X[1])))) return false;
  // A root at w = -1 (t = infinity; P linear in t) coincides there with roots of the q_k whose
  // -i eps (proportional to c + d) vanishes at w = -1 as well: no regulator, the segment form.
  for (const C& x : X)
    if (d0_abs1(C(T(1)) + x) <= T(1e-8) * (T(1) + d0_abs1(x))) return false;
  const C lm0 = d0_log(-X[0]), lm1 = d0_log(-X[1]);
  C sum{};
  T mag = T(0);
  for (int k = 0; k < 4; ++k) {
    const D0Form<T>& f = q[k];
    std::array<C, 2> W{};
    int n = 0;
    C q1 = f.h[0];  // q(w = 1)
    if (f.deg == 2) {
      q1 += f.h[1] + f.h[2];
      if (f.h[2] != C(T(0))) {
        W = d0_roots<T>({f.h[0], f.h[1], f.h[2]});
        n = 2;
      } else if (f.h[1] != C(T(0))) {
        W[0] = -f.h[0] / f.h[1];
        n = 1;
      }
    } else if (f.deg == 1) {
      q1 += f.h[1];
      if (f.h[1] != C(T(0))) {
        W[0] = -f.h[0] / f.h[1];
        n = 1;
      }
    }
    C lnc = d0_log(q1);
    for (int a = 0; a < n; ++a) lnc -= d0_log(C(T(1)) - W[a]);
    C g = lnc * (lm1 - lm0);
    mag += d0_abs1(lnc) * (d0_abs1(lm0) + d0_abs1(lm1));
    for (int a = 0; a < n; ++a)
      g += d0_H(X[0], W[a], lm0, mag, min_gap) - d0_H(X[1], W[a], lm1, mag, min_gap);
    sum += sgn[k] * g;
  }
  const C den = Pw[2] * (X[0] - X[1]);
  val = sum / den;
  magnitude += mag / abs(den);
  return true;
}

/// One cone of the decomposition along a diagonal (i, j): direction P = e_i - r e_j on the
/// quadric, partner vertex E, a in [0, c/r] (finite, r > 0) or [0, inf) (r <= 0).
template <class T>
struct D0Cone {
  std::array<T, 4> P{};
  int E = 0;
  bool finite = false;
  T r = T(0);
};

/// D0 * s for a symmetric matrix K of the quadratic form (eq. (D0.3) with K_ij = k_ij / 2,
/// K_ii = 1, s = (m1 m2 m3 m4)^(1/2); or eq. (D0.1) with K_ij = Y_ij / 2, K_ii = m_i, s = 1,
/// eq. (D0.12)) whose diagonals (0, 2), (1, 3) have real null directions:
/// disc_ij = K_ij^2 - K_ii K_jj >= 0, given without cancellation. K_00 = 0 (K_11 = 0) makes
/// e_0 (e_1) itself the null direction (r = 0, one infinite cone; docs/physics.md (D0.12)).
template <class T>
inline std::complex<T> d0_scaled(const std::array<std::array<T, 4>, 4>& K, const T& disc02,
                                 const T& disc13, T& magnitude, T& min_gap, bool w_form = true,
                                 D0Trace* trace = nullptr) noexcept {
  using C = std::complex<T>;
  using std::abs;
  using std::sqrt;
  // root of K_jj r^2 - 2 K_ij r + K_ii = 0 with |r| <= (K_ii / K_jj)^(1/2) (the scaled |r| <= 1)
  auto small_root = [](const T& kii, const T& kij, const T& disc) {
    if (kii == T(0)) return T(0);
    return kii / (kij + (kij > T(0) ? T(1) : T(-1)) * sqrt(disc));
  };
  auto cones = [&](int i, int j, const T& disc, std::array<D0Cone<T>, 2>& out) {
    const T r = small_root(K[i][i], K[i][j], disc);
    D0Cone<T> c1;
    c1.P[i] = T(1);
    c1.P[j] = -r;
    c1.E = j;
    if (r > T(0)) {
      c1.finite = true;
      c1.r = r;
      out[0] = c1;
      return 1;
    }
    out[0] = c1;  // x_j >= |r| x_i (r = 0: the whole quadrant, x_j = c)
    if (r == T(0)) return 1;
    D0Cone<T> c2;  // x_j < |r| x_i: P / |r|, partner e_i
    c2.P[j] = T(1);
    c2.P[i] = -T(1) / r;
    c2.E = i;
    out[1] = c2;
    return 2;
  };
  std::array<D0Cone<T>, 2> ca{}, cb{};
  const int na = cones(0, 2, disc02, ca);
  const int nb = cones(1, 3, disc13, cb);

  auto bil = [&](const std::array<T, 4>& x, const std::array<T, 4>& y) {
    T s = T(0);
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j) s += K[i][j] * x[i] * y[j];
    return s;
  };
  auto unit = [](int i) {
    std::array<T, 4> e{};
    e[i] = T(1);
    return e;
  };

  C total{};
  magnitude = T(0);  // sum of the moduli of the summed pieces: cancellation estimate
  min_gap = T(1);    // smallest |x_j - z_k| / (1 + |x_j|): conditioning of ln(x - z), Li2
  for (int ia = 0; ia < na; ++ia) {
    for (int ib = 0; ib < nb; ++ib) {
      const D0Cone<T>& A_ = ca[ia];
      const D0Cone<T>& B_ = cb[ib];
      const std::array<T, 4> EA = unit(A_.E), EB = unit(B_.E);
      // Gram entries of the cone vectors (P_A, P_B, E_A, E_B); the PP entries vanish.
      const T gab = bil(A_.P, B_.P), gac = bil(A_.P, EA), gad = bil(A_.P, EB);
      const T gbc = bil(B_.P, EA), gbd = bil(B_.P, EB);
      const T gcc = bil(EA, EA), gcd = bil(EA, EB), gdd = bil(EB, EB);
      T scale = abs(gab);
      for (const T& g : {gac, gad, gbc, gbd, gcc, gcd, gdd}) scale = (abs(g) > scale) ? abs(g) : scale;
      // Feynman -i eps, as -i eps (c + d)(a + b + c + d): keeps Q(P) = 0 (eq. (D0.6)).
      const T eps = std::numeric_limits<T>::epsilon() * std::numeric_limits<T>::epsilon() * scale;
      const C mie(T(0), -eps);
      // On the slice c + d = 1: c = 1 - t, d = t.
      const D0Poly<T> c{C(T(1)), C(T(-1)), C(T(0))};
      const D0Poly<T> d{C(T(0)), C(T(1)), C(T(0))};
      const D0Poly<T> ie{mie, C(T(0)), C(T(0))};
      const C al(T(2) * gab);
      const D0Poly<T> A = d0_add(d0_add(d0_scale(C(T(2) * gac), c), d0_scale(C(T(2) * gad), d)), ie);
      const D0Poly<T> B = d0_add(d0_add(d0_scale(C(T(2) * gbc), c), d0_scale(C(T(2) * gbd), d)), ie);
      const D0Poly<T> R = d0_add(
          d0_add(d0_add(d0_scale(C(gcc), d0_mul(c, c)), d0_scale(C(T(2) * gcd), d0_mul(c, d))),
                 d0_scale(C(gdd), d0_mul(d, d))),
          ie);
      const D0Poly<T> Pq = d0_add(d0_mul(A, B), d0_scale(-al, R));

      // The logarithms' arguments as forms in (c, d) at explicit non-negative points
      // (eq. (D0.8)): Q at a P_A + b P_B + c E_A + d E_B with a = ac c, b = bd d, or the
      // slopes 2 B(P, .) there; -i eps (c + d)(a + b + c + d) resp. -i eps (c + d).
      const T ac = A_.finite ? T(1) / A_.r : T(0);
      const T bd = B_.finite ? T(1) / B_.r : T(0);
      auto point = [&](bool with_a, bool with_b) {
        std::array<T, 4> u = EA, v = EB;
        for (int i = 0; i < 4; ++i) {
          if (with_a) u[i] += ac * A_.P[i];
          if (with_b) v[i] += bd * B_.P[i];
        }
        const T su = T(1) + (with_a ? ac : T(0)), sv = T(1) + (with_b ? bd : T(0));
        D0Form<T> fm;
        fm.deg = 2;
        fm.h = {C(bil(u, u), -eps * su), C(T(2) * bil(u, v), -eps * (su + sv)),
                C(bil(v, v), -eps * sv)};
        return std::pair<D0Form<T>, std::array<std::array<T, 4>, 2>>{fm, {u, v}};
      };
      auto slope = [&](const std::array<T, 4>& Pv, const std::array<std::array<T, 4>, 2>& uv) {
        D0Form<T> fm;
        fm.deg = 1;
        fm.h = {C(T(2) * bil(Pv, uv[0]), -eps), C(T(2) * bil(Pv, uv[1]), -eps), C(T(0))};
        return fm;
      };
      std::array<D0Form<T>, 4> q{};
      std::array<T, 4> sgn{T(1), T(-1), T(-1), T(1)};
      T overall = T(1);
      const auto p00 = point(false, false);
      if (A_.finite && B_.finite) {
        q[0] = point(true, false).first;
        q[1] = p00.first;
        q[2] = point(true, true).first;
        q[3] = point(false, true).first;
      } else if (A_.finite) {
        const auto p10 = point(true, false);
        q[0] = slope(B_.P, p10.second);
        q[1] = slope(B_.P, p00.second);
        q[2] = p10.first;
        q[3] = p00.first;
        overall = T(-1);
      } else if (B_.finite) {
        const auto p01 = point(false, true);
        q[0] = slope(A_.P, p00.second);
        q[1] = p00.first;
        q[2] = slope(A_.P, p01.second);
        q[3] = p01.first;
      } else {
        // a -> infinity: ln(a alpha + B - i eps) - ln a -> ln(alpha - i0)
        q[0].deg = 0;
        q[0].h[0] = (al.real() > T(0)) ? al : C(al.real(), -eps);
        q[1] = slope(B_.P, p00.second);
        q[2] = slope(A_.P, p00.second);
        q[3] = p00.first;
        overall = T(-1);
      }
      C val{};
      if (w_form) {
        // P as a form in (c, d): the same A B - alpha R with -i eps (c + d)^2 in R
        const C a0(T(2) * gac, -eps), a1(T(2) * gad, -eps), b0(T(2) * gbc, -eps), b1(T(2) * gbd, -eps);
        const C r0(gcc, -eps), r1(T(2) * gcd, T(-2) * eps), r2(gdd, -eps);
        const D0Poly<T> Pw{a0 * b0 - al * r0, a0 * b1 + a1 * b0 - al * r1, a1 * b1 - al * r2};
        if (d0_pair_w(q, sgn, Pw, val, magnitude, min_gap)) {
          if (trace) ++trace->w_form;
          total += overall * val;
          magnitude += abs(val);
          continue;
        }
      }
      if (trace) ++trace->t_form;
      std::array<D0LogFactor<T>, 4> f;
      for (int k = 0; k < 4; ++k) f[k] = d0_factor(q[k]);

      if (Pq[2] != C(T(0))) {
        const auto x = d0_roots(Pq);
        using std::cbrt;
        if (abs(x[0] - x[1]) > cbrt(std::numeric_limits<T>::epsilon()) * (abs(x[0]) + abs(x[1]))) {
          const C L0 = d0_L(x[0]), L1 = d0_L(x[1]);
          T mag = T(0);
          for (int k = 0; k < 4; ++k) {
            const C g0 = d0_int_log_over(f[k], x[0], L0, mag, min_gap);
            const C g1 = d0_int_log_over(f[k], x[1], L1, mag, min_gap);
            val += sgn[k] * (g0 - g1);
          }
          const C den = Pq[2] * (x[0] - x[1]);
          val /= den;
          magnitude += mag / abs(den);
        } else {
          // near-double root: the divided difference [G(x0) - G(x1)] / (x0 - x1) is G'(x_mid)
          // up to O((x0 - x1)^2) <= eps^(2/3) (eq. (D0.11))
          const C xm = (x[0] + x[1]) / T(2);
          const C Lm = d0_L(xm);
          for (int k = 0; k < 4; ++k) val += sgn[k] * d0_int_log_over2(f[k], xm, Lm);
          val /= Pq[2];
        }
      } else if (Pq[1] != C(T(0))) {
        const C x0 = -Pq[0] / Pq[1];
        const C L0 = d0_L(x0);
        T mag = T(0);
        for (int k = 0; k < 4; ++k) val += sgn[k] * d0_int_log_over(f[k], x0, L0, mag, min_gap);
        val /= Pq[1];
        magnitude += mag / abs(Pq[1]);
      } else {
        for (int k = 0; k < 4; ++k) val += sgn[k] * d0_int_log(f[k]);
        val /= Pq[0];
      }
      total += overall * val;
      magnitude += abs(val);
    }
  }
  return total;
}

template <class T>
using D0Mat = std::array<std::array<T, 4>, 4>;

/// The pairing of a cone's four generators into two diagonals with real null directions
/// (disc >= 0 on both), fewest cones first, then farthest from the two-particle windows
/// (docs/physics.md (D0.7), (D0.12)). perm puts the pairs on (0, 2), (1, 3), a null
/// generator (K_ii = 0) first in its pair. Returns the smaller window distance, < 0 if none.
template <class T>
inline T d0_pairing(const D0Mat<T>& K, const D0Mat<T>& disc, std::array<int, 4>& perm) noexcept {
  auto distance = [&](int i, int j) {
    const T d = disc[i][j];
    if (d < T(0)) return d;
    const T kk = K[i][i] * K[j][j];
    return (kk > T(0)) ? d / kk : std::numeric_limits<T>::infinity();
  };
  auto cones_of = [&](int i, int j) {
    if (K[i][i] == T(0) || K[j][j] == T(0)) return 1;
    const bool r_positive = (K[i][i] > T(0)) == (K[i][j] > T(0));
    return r_positive ? 1 : 2;
  };
  constexpr std::array<std::array<int, 4>, 3> pairings{{{0, 2, 1, 3}, {0, 1, 2, 3}, {0, 3, 1, 2}}};
  int best = -1, best_cones = 5;
  T best_q = T(-1);
  for (int n = 0; n < 3; ++n) {
    const auto& o = pairings[n];
    const T qa = distance(o[0], o[1]), qb = distance(o[2], o[3]);
    const T q = (qa < qb) ? qa : qb;
    if (q < T(0)) continue;
    const int cones = cones_of(o[0], o[1]) * cones_of(o[2], o[3]);
    if (best < 0 || cones < best_cones || (cones == best_cones && q > best_q)) {
      best = n;
      best_cones = cones;
      best_q = q;
    }
  }
  if (best < 0) return T(-1);
  std::array<int, 4> o = pairings[best];
  if (K[o[0]][o[0]] != T(0) && K[o[1]][o[1]] == T(0)) std::swap(o[0], o[1]);
  if (K[o[2]][o[2]] != T(0) && K[o[3]][o[3]] == T(0)) std::swap(o[2], o[3]);
  perm = {o[0], o[2], o[1], o[3]};
  return best_q;
}

/// The orthant integral of eq. (D0.3)/(D0.1) for the form K with the pairing perm.
template <class T>
inline std::complex<T> d0_cone(const D0Mat<T>& K, const D0Mat<T>& disc, const std::array<int, 4>& perm,
                               T& magnitude, T& min_gap, bool w_form = true,
                               D0Trace* trace = nullptr) noexcept {
  D0Mat<T> Kp{};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) Kp[i][j] = K[perm[i]][perm[j]];
  T mag = T(0), gap = T(1);
  const std::complex<T> v = d0_scaled(Kp, disc[perm[0]][perm[2]], disc[perm[1]][perm[3]], mag, gap,
                                            w_form, trace);
  magnitude += mag;
  if (gap < min_gap) min_gap = gap;
  return v;
}

/// Cone splitting (docs/physics.md (D0.14)): when no pairing has real null directions, split
/// the orthant along the ray v = e_k + lambda e_l of an edge, into cone(.., e_k -> stays,
/// e_l -> v) (Jacobian lambda) and cone(.., e_k -> v, ..) (Jacobian 1); in the generators of
/// each sub-cone the form is K' = G^T K G and new planes (v, e_t) may carry real null
/// directions. Scans the six edges and lambda = s 2^(n/2), |n| <= 12, s = (|K_kk / K_ll|)^(1/2),
/// and takes the split whose worse sub-cone is farthest from its windows, the score capped by
/// |Q(v)| / (|K_kk| + 2 lambda |K_kl| + lambda^2 |K_ll|) (cancellation in Q(v)). false: none works.
template <class T>
inline bool d0_split(const D0Mat<T>& K, const D0Mat<T>& disc, std::complex<T>& value, T& magnitude,
                     T& min_gap, bool w_form = true, D0Trace* trace = nullptr) noexcept {
  using std::abs;
  using std::sqrt;
  T best_q = T(-1), best_lam = T(0);
  int best_k = -1, best_l = -1;
  std::array<int, 4> best_p1{}, best_p2{};
  D0Mat<T> best_K1{}, best_K2{}, best_d1{}, best_d2{};
  for (int k = 0; k < 4; ++k) {
    for (int l = k + 1; l < 4; ++l) {
      const T s = (K[k][k] != T(0) && K[l][l] != T(0)) ? sqrt(abs(K[k][k] / K[l][l])) : T(1);
      const T root2 = sqrt(T(2));
      T lam = s / T(64) / root2;
      for (int n = -12; n <= 12; ++n) {
        lam *= root2;  // s 2^(n/2)
        // sub-cone 1: e_l -> v; sub-cone 2: e_k -> v
        D0Mat<T> K1 = K, K2 = K, d1 = disc, d2 = disc;
        const T vv = K[k][k] + T(2) * lam * K[k][l] + lam * lam * K[l][l];
        std::array<T, 4> vt{};
        for (int t = 0; t < 4; ++t) vt[t] = K[k][t] + lam * K[l][t];
        for (int t = 0; t < 4; ++t) {
          K1[l][t] = K1[t][l] = vt[t];
          K2[k][t] = K2[t][k] = vt[t];
        }
        K1[l][l] = K2[k][k] = vv;
        for (int t = 0; t < 4; ++t) {
          if (t != l) d1[l][t] = d1[t][l] = K1[l][t] * K1[l][t] - vv * K1[t][t];
          if (t != k) d2[k][t] = d2[t][k] = K2[k][t] * K2[k][t] - vv * K2[t][t];
        }
        // K'_vv = Q(v) from a sum that cancels when v is nearly null: its relative size caps
        // the score (a nearly null v makes every window distance of its planes huge).
        const T cond = abs(vv) / (abs(K[k][k]) + T(2) * lam * abs(K[k][l]) + lam * lam * abs(K[l][l]));
        if (!(cond > best_q)) continue;
        std::array<int, 4> p1{}, p2{};
        const T q1 = d0_pairing(K1, d1, p1);
        if (!(q1 > best_q)) continue;
        const T q2 = d0_pairing(K2, d2, p2);
        T q = (q1 < q2) ? q1 : q2;
        if (cond < q) q = cond;
        if (q > best_q) {
          best_q = q;
          best_lam = lam;
          best_k = k;
          best_l = l;
          best_p1 = p1;
          best_p2 = p2;
          best_K1 = K1;
          best_K2 = K2;
          best_d1 = d1;
          best_d2 = d2;
        }
      }
    }
  }
  if (best_k < 0 || best_q < T(0)) return false;
  value = best_lam * d0_cone(best_K1, best_d1, best_p1, magnitude, min_gap, w_form, trace) +
          d0_cone(best_K2, best_d2, best_p2, magnitude, min_gap, w_form, trace);
  (void)best_l;
  return true;
}

}  // namespace darkloops::loop::detail
