// SPDX-License-Identifier: MIT
// Moments of the two-point Feynman-parameter integrand (docs/physics.md §2.1.2):
//   M_n(s; a, b) = int_0^1 x^n ln((F(x) - i eps)/mu2) dx,   F(x) = s x^2 + (b - a - s) x + a,
//   D_n = dM_n/ds = -int_0^1 x^(n+1) (1 - x)/(F - i eps) dx,           n = 0, 1, 2,
// from which B0 = -M_0, B1 = M_1, B11 = -M_2, B00, DB0 = -D_0, DB1 = D_1, DB00 = (M_1 - M_2)/2.
// Method: anchor at the larger mass (swap x -> 1 - x), ln F(x) = ln a + sum_k ln(1 - x/r_k)
// over the roots r_k of F; Re int x^n ln(1 - x/r) in closed form for |r| small and as a power
// series in 1/r otherwise (no cancellation for small s or nearly equal masses); Im parts from
// the interval where F < 0; derivatives through dr_k/ds = r_k (1 - r_k)/(2 s r_k + beta), and a
// double series in s and (b - a)/a where the two roots nearly coincide at small s.
#pragma once

#include <array>
#include <cmath>
#include <complex>
#include <limits>

#include "darkloops/loop/detail/scalar_common.hpp"

namespace darkloops::loop::detail {

template <class T>
inline T re_(const T& x) noexcept {
  return x;
}
template <class T>
inline T re_(const std::complex<T>& z) noexcept {
  return z.real();
}

/// ln((r - 1)/r): real roots give ln|.|, complex roots the principal complex log (which equals
/// ln(1 - r) - ln(-r) for Im r != 0).
template <class T>
inline T lam_(const T& r) noexcept {
  using std::abs;
  using std::log;
  return log(abs((r - T(1)) / r));
}
template <class T>
inline std::complex<T> lam_(const std::complex<T>& r) noexcept {
  return std::log((r - T(1)) / r);
}

template <class T>
inline T abs_(const T& x) noexcept {
  using std::abs;
  return abs(x);
}
template <class T>
inline T abs_(const std::complex<T>& z) noexcept {
  return std::abs(z);
}

/// Re int_0^1 x^n ln(1 - x/r) dx (n = 0..N-1) into out[n]; with Deriv also d/dr into dout[n].
/// R is T (real root) or std::complex<T>. Series in u = 1/r for |r| >= rmin.
template <class T, int N, bool Deriv, class R>
inline void bmoment_root(const R& r, std::array<T, 3>& out, std::array<R, 3>& dout) noexcept {
  const T eps = std::numeric_limits<T>::epsilon();
  const T rabs = abs_<T>(r);
  const T rmin = (N == 1 && !Deriv) ? T(8) : T(2);
  if (rabs >= rmin) {
    const R u = R(T(1)) / r;
    std::array<R, 3> s{};
    std::array<R, 3> ds{};
    R uj = u;
    const T ua = abs_<T>(u);
    T uja = ua;
    for (int j = 1; j < 2000; ++j) {
      for (int n = 0; n < N; ++n) {
        s[n] += uj / T(j * (n + j + 1));
        if constexpr (Deriv) ds[n] += uj * u / T(n + j + 1);
      }
      if (uja < eps * T(0.05) * T(j)) break;
      uj *= u;
      uja *= ua;
    }
    for (int n = 0; n < N; ++n) {
      out[n] = -re_(s[n]);
      if constexpr (Deriv) dout[n] = ds[n];
    }
    return;
  }
  // closed form: R_n = (1 - r^(n+1))/(n+1) Lam - p_n(r), p_n = (1/(n+1)) sum_i r^(n-i)/(i+1)
  const bool at_one = (r == R(T(1)));
  const R lam = at_one ? R(T(0)) : lam_(r);
  R rp = r;  // r^(n+1)
  for (int n = 0; n < N; ++n) {
    R p(T(0));
    R ri(T(1));
    for (int i = n; i >= 0; --i) {  // sum_i r^(n-i)/(i+1), Horner-free small sums
      p += ri / T(i + 1);
      ri *= r;
    }
    out[n] = re_((R(T(1)) - rp) * lam / T(n + 1) - p / T(n + 1));
    if constexpr (Deriv) dout[n] = -(p + rp * lam) / r;
    rp *= r;
  }
}

/// Moments M_n (complex, including ln mu2) and, with Deriv, D_n, n < N, in the orientation of
/// the arguments (F(0) = a, F(1) = b). Preconditions: s finite, a, b >= 0 finite, not a = b = 0.
template <class T, int N, bool Deriv>
struct BMoments {
  std::array<std::complex<T>, 3> M{};
  std::array<std::complex<T>, 3> D{};
};

/// Double series for D_n at small s and nearly equal masses (anchored: a >= b > a/2):
/// D_n = -sum_k s^k int x^(n+1+k) (1-x)^(k+1) / G^(k+1),  G = a (1 + e x), e = (b - a)/a.
template <class T>
inline T bmoment_dn_series(int n, const T& s, const T& a, const T& e) noexcept {
  const T eps = std::numeric_limits<T>::epsilon();
  T total = T(0);
  T sk = T(1) / a;  // s^k / a^(k+1)
  for (int k = 0; k < 200; ++k) {
    // B(n+k+2, k+2) = (n+k+1)! (k+1)! / (n+2k+3)!
    T beta = T(1);
    for (int i = 1; i <= k + 1; ++i) beta *= T(i) / T(n + k + 1 + i);
    beta /= T(n + 2 * k + 3);
    T inner = T(0);
    T binom = T(1);  // C(k+j, j)
    T ej = T(1);     // (-e)^j
    int p = n + k + 2;  // first Beta argument
    for (int j = 0; j < 4000; ++j) {
      const T term = binom * ej * beta;
      inner += term;
      if (j > 2 && abs_<T>(term) <= eps * T(0.05) * abs_<T>(inner)) break;
      beta *= T(p) / T(p + k + 2);
      ++p;
      binom *= T(k + j + 1) / T(j + 1);
      ej *= -e;
    }
    const T add = sk * inner;
    total += add;
    if (abs_<T>(add) <= eps * T(0.05) * abs_<T>(total)) break;
    sk *= s / a;
  }
  return -total;
}

template <class T, int N, bool Deriv>
inline BMoments<T, N, Deriv> bmoments(const T& s, const T& a0, const T& b0, const T& mu2) noexcept {
  using C = std::complex<T>;
  using std::abs;
  using std::log;
  using std::sqrt;
  const T pi = scalar_pi<T>();
  BMoments<T, N, Deriv> res;
  const bool swapped = b0 > a0;
  const T a = swapped ? b0 : a0;  // anchor: F(0) = a = larger mass
  const T b = swapped ? a0 : b0;
  std::array<T, 3> M{};       // real parts, anchored orientation
  std::array<T, 3> Mi{};      // imaginary parts
  std::array<C, 3> D{};       // derivatives
  if (a == T(0)) {  // a = b = 0: F = -s x (1 - x);  s != 0 checked by callers
    const T l = log(abs(s) / mu2);
    const T im = s > T(0) ? -pi : T(0);
    const T c[3] = {T(-2), T(-1), T(-13) / T(18)};
    for (int n = 0; n < N; ++n) {
      M[n] = l / T(n + 1) + c[n];
      Mi[n] = im / T(n + 1);
      D[n] = C(T(1) / (T(n + 1) * s));
    }
  } else {
    const T la = log(a / mu2);
    for (int n = 0; n < N; ++n) M[n] = la / T(n + 1);
    const T beta = b - a - s;
    std::array<T, 3> out{};
    if (b == T(0)) {  // F = (x - 1)(s x - a): roots 1 and a/s
      std::array<T, 3> dout{};
      bmoment_root<T, N, false>(T(1), out, dout);
      for (int n = 0; n < N; ++n) M[n] += out[n];
      if (s != T(0)) {
        const T r = a / s;
        bmoment_root<T, N, Deriv>(r, out, dout);
        for (int n = 0; n < N; ++n) {
          M[n] += out[n];
          if constexpr (Deriv) D[n] += C(dout[n] * (-a / (s * s)));
        }
        if (s > a) {  // F < 0 on (a/s, 1)
          T rp = r;
          for (int n = 0; n < N; ++n) {
            Mi[n] = -pi * (T(1) - rp) / T(n + 1);
            rp *= r;
          }
          if constexpr (Deriv) {
            T rn = T(1);
            for (int n = 0; n < N; ++n) {  // d/ds of -pi (1 - r^(n+1))/(n+1) = pi r^n r'
              D[n] += C(T(0), pi * rn * (-a / (s * s)));
              rn *= r;
            }
          }
        }
      } else if constexpr (Deriv) {
        // s = 0: second root at infinity contributes 1/((n+2) beta), beta = -a
        for (int n = 0; n < N; ++n) D[n] += C(T(1) / (T(n + 2) * beta));
      }
    } else {
      const T lam = kallen(a, b, s);  // = beta^2 - 4 a s
      const T sc = a + b + abs(s);
      const bool near_double = Deriv && abs(s) <= T(1e-3) * a && (a - b) <= T(0.05) * a &&
                               sqrt(abs(lam)) < T(0.03) * sc;
      if (s == T(0)) {
        if (beta != T(0)) {
          const T r = -a / beta;  // >= 1
          std::array<T, 3> dout{};
          bmoment_root<T, N, Deriv>(r, out, dout);
          for (int n = 0; n < N; ++n) M[n] += out[n];
          if constexpr (Deriv) {
            if (!near_double) {
              // dr/ds = r(1-r)/beta; infinite root adds 1/((n+2) beta)
              for (int n = 0; n < N; ++n)
                D[n] += C(dout[n] * r * (T(1) - r) / beta + T(1) / (T(n + 2) * beta));
            }
          }
        }
      } else if (lam >= T(0)) {
        const T sq = sqrt(lam);
        const T q = -(beta + (beta >= T(0) ? sq : -sq)) / T(2);
        const T r1 = q / s;
        const T r2 = a / q;
        const T d1 = beta >= T(0) ? -sq : sq;  // 2 s r1 + beta
        const T d2 = -d1;                     // 2 s r2 + beta
        std::array<T, 3> dout{};
        bmoment_root<T, N, Deriv>(r1, out, dout);
        for (int n = 0; n < N; ++n) M[n] += out[n];
        if constexpr (Deriv) {
          if (!near_double)
            for (int n = 0; n < N; ++n) D[n] += C(dout[n] * r1 * (T(1) - r1) / d1);
        }
        bmoment_root<T, N, Deriv>(r2, out, dout);
        for (int n = 0; n < N; ++n) M[n] += out[n];
        if constexpr (Deriv) {
          if (!near_double)
            for (int n = 0; n < N; ++n) D[n] += C(dout[n] * r2 * (T(1) - r2) / d2);
        }
        if (s > T(0) && s > a + b) {  // above threshold: F < 0 between the roots
          const T xl = r1 < r2 ? r1 : r2;
          const T xh = r1 < r2 ? r2 : r1;
          const T w = sq / s;  // xh - xl
          const T sum = -beta / s;
          const T prod = a / s;
          Mi[0] = -pi * w;
          if (N > 1) Mi[1] = -pi * w * sum / T(2);
          if (N > 2) Mi[2] = -pi * w * (sum * sum - prod) / T(3);
          if constexpr (Deriv) {
            const T xlp = xl * (T(1) - xl) / (-sq);
            const T xhp = xh * (T(1) - xh) / sq;
            T xln = T(1);
            T xhn = T(1);
            for (int n = 0; n < N; ++n) {
              D[n] += C(T(0), -pi * (xhn * xhp - xln * xlp));
              xln *= xl;
              xhn *= xh;
            }
          }
        }
      } else {  // complex conjugate roots, s > 0, F > 0 on [0, 1]
        const T wi = sqrt(-lam);
        const C r((-beta) / (T(2) * s), wi / (T(2) * s));
        std::array<C, 3> dout{};
        bmoment_root<T, N, Deriv>(r, out, dout);
        for (int n = 0; n < N; ++n) M[n] += T(2) * out[n];
        if constexpr (Deriv) {
          if (!near_double) {
            const C rp = r * (C(T(1)) - r) / C(T(0), wi);
            for (int n = 0; n < N; ++n) D[n] += C(T(2) * (dout[n] * rp).real());
          }
        }
      }
      if constexpr (Deriv) {
        if (near_double) {
          const T e = (b - a) / a;
          for (int n = 0; n < N; ++n) D[n] = C(bmoment_dn_series<T>(n, s, a, e));
        }
      }
    }
  }
  std::array<C, 3> Mc{};
  for (int n = 0; n < N; ++n) Mc[n] = C(M[n], Mi[n]);
  if (!swapped) {
    res.M = Mc;
    res.D = D;
  } else {  // int x^n f(1-x): M'_1 = M_0 - M_1, M'_2 = M_0 - 2 M_1 + M_2
    res.M[0] = Mc[0];
    res.D[0] = D[0];
    if (N > 1) {
      res.M[1] = Mc[0] - Mc[1];
      res.D[1] = D[0] - D[1];
    }
    if (N > 2) {
      res.M[2] = Mc[0] - T(2) * Mc[1] + Mc[2];
      res.D[2] = D[0] - T(2) * D[1] + D[2];
    }
  }
  return res;
}

}  // namespace darkloops::loop::detail
