// SPDX-License-Identifier: MIT
// Small-Gram-determinant expansion of the three-point tensor coefficients (idea of Denner and
// Dittmaier, Nucl. Phys. B734 (2006) 62, sec. 5.4; own derivation in docs/physics.md §2.1,
// "Gram expansion", eqs. (GE.1)-(GE.6)). The PV relation (R1) is solved for the LOWER-rank
// coefficient, so that det Z multiplies a higher-rank one:
//   (Zt f)_l C_I = sum_k Zt_lk S_{k,I} - 2 sum_r Zt_{l i_r} C_{00 I\i_r} - det Z C_{l I}     (GE.1)
// (Zt = adjugate of Z, l maximising |(Zt f)_l|), (R2) with (GE.1) inserted for sum_i f_i C_{iJ}
// gives a small linear system per level q = |J| for the C_{00J}                              (GE.2)
// and the det Z C_{lI} terms are taken from the previous sweep (one order of det Z per sweep),
// coefficients above rank Rmax set to zero. Needs B_{1^r} up to rank Rmax: implemented below
// threshold only (real two-point functions), where ln F = ln a + sum_k ln(1 - x/rho_k).
// Arithmetic carries running error estimates (reduction_tracked.hpp); the truncation error is
// estimated by the difference between the expansions at Rmax and Rmax - 2.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <limits>

#include "darkloops/loop/detail/reduction_pv.hpp"
#include "darkloops/loop/detail/reduction_tracked.hpp"

namespace darkloops::loop::detail {

inline constexpr int gram_max_rank = 16;

/// Principal complex logarithm via log|z| + i arg z (works for the multiprecision types too).
template <class T>
std::complex<T> gram_clog(const std::complex<T>& z) noexcept {
  using std::atan2;
  using std::log;
  return {T(log(cabs(z))), T(atan2(z.imag(), z.real()))};
}

/// I_n(rho) = int_0^1 x^n ln(1 - x/rho) dx, n = 0..N-1 (eq. (GE.5)): for |rho| >= 5/4 the
/// series -sum_j rho^-j/(j (n+j+1)); else the closed form
/// (n+1) I_n = (1 - rho^(n+1)) ln(1 - 1/rho) - sum_{k=0}^{n} rho^(n-k)/(k+1).
/// err[n] receives an absolute error estimate (unit roundoff x sum of the moduli of the terms).
template <class T>
void gram_root_moments(const std::complex<T>& rho, int N, std::complex<T>* out, T* err) noexcept {
  using cx = std::complex<T>;
  const T u = unit_roundoff<T>();
  const T ar = cabs(rho);
  if (ar >= T(5) / 4) {
    const cx w = cx(T(1)) / rho;
    const T aw = T(1) / ar;
    for (int n = 0; n < N; ++n) {
      out[n] = cx(0);
      err[n] = 0;
    }
    cx wj = w;
    T awj = aw;
    for (int j = 1; j < 2000; ++j) {
      for (int n = 0; n < N; ++n) out[n] -= wj / T(j * (n + j + 1));
      if (awj < u * T(j) / 4) break;
      wj *= w;
      awj *= aw;
    }
    for (int n = 0; n < N; ++n) err[n] = 4 * u * (cabs(out[n]) + T(1) / T(n + 2));
    return;
  }
  const cx L = gram_clog(cx(T(1)) - cx(T(1)) / rho);
  const T aL = cabs(L);
  cx rp = rho;  // rho^(n+1)
  cx tail(0);   // sum_{k=0}^{n} rho^(n-k)/(k+1), built by tail_n = rho tail_{n-1} + 1/(n+1)
  T atail = 0;
  for (int n = 0; n < N; ++n) {
    tail = rho * tail + cx(T(1) / T(n + 1));
    atail = ar * atail + T(1) / T(n + 1);
    out[n] = ((cx(T(1)) - rp) * L - tail) / T(n + 1);
    err[n] = 4 * u * ((T(1) + cabs(rp)) * aL + atail) / T(n + 1);
    rp *= rho;
  }
}

/// B_{1^r}(s; a, b) for r = 0..N-1 (B_{1^r} = (-1)^(r+1) int_0^1 x^r ln(F/mu2),
/// F = s x^2 + (b - a - s) x + a), real, for s below threshold and b > 0. Returns false outside.
template <class T>
bool gram_b_moments(const T& s, const T& a, const T& b, const T& mu2, int N,
                    Tracked<T>* out) noexcept {
  using std::abs;
  using std::log;
  using std::sqrt;
  using cx = std::complex<T>;
  const T sa = sqrt(a), sb = sqrt(b);
  // b = 0 puts a root of F at the end point x = 1 (left to the other branch).
  if (!(s < (sa + sb) * (sa + sb)) || !(b > T(0))) return false;
  std::array<cx, 2> rho{};
  int nroots = 0;
  T anchor;       // F(x) = anchor * x^za * prod (1 - x/rho_k)
  int za = 0;     // 1 if a = 0 (F vanishes linearly at x = 0)
  if (a > T(0)) {
    anchor = a;
    const T beta = b - a - s;
    if (s == T(0)) {
      if (beta != T(0)) rho[nroots++] = cx(-a / beta);
    } else {
      const T disc = beta * beta - 4 * a * s;
      if (disc >= T(0)) {
        const T sq = sqrt(disc);
        const T q = -(beta + (beta < T(0) ? -sq : sq)) / 2;
        rho[nroots++] = cx(q / s);
        rho[nroots++] = cx(a / q);
      } else {
        const T im = sqrt(-disc) / (2 * s);
        rho[nroots++] = cx(-beta / (2 * s), im);
        rho[nroots++] = cx(-beta / (2 * s), -im);
      }
    }
  } else {
    za = 1;
    anchor = b - s;  // F = x (s x + b - s), b - s > 0 below threshold
    if (s != T(0)) rho[nroots++] = cx(-anchor / s);
  }
  const T la = log(anchor / mu2);
  const T u = unit_roundoff<T>();
  std::array<cx, gram_max_rank + 2> mom{};
  std::array<T, gram_max_rank + 2> em{};
  for (int r = 0; r < N; ++r) {
    mom[r] = cx(la / T(r + 1) - (za ? T(1) / T((r + 1) * (r + 1)) : T(0)));
    em[r] = 2 * u * (T(abs(la)) + T(1)) / T(r + 1);
  }
  for (int k = 0; k < nroots; ++k) {
    std::array<cx, gram_max_rank + 2> m{};
    std::array<T, gram_max_rank + 2> e{};
    gram_root_moments(rho[k], N, m.data(), e.data());
    for (int r = 0; r < N; ++r) {
      mom[r] += m[r];
      em[r] += e[r];
    }
  }
  for (int r = 0; r < N; ++r) {
    const T v = (r % 2 ? T(1) : T(-1)) * mom[r].real();  // conjugate roots: imaginary parts cancel
    out[r] = {cx(v), em[r] + 2 * u * T(abs(v))};
  }
  return true;
}

/// B_{1^r}, r = 0..gram_max_rank, of the three two-point sub-integrals: T(1) = B(p1p2; m1, m3)
/// [momentum k2], T(2) = B(p1; m1, m2) [k1], T(0) = B(p2; m2, m3) [k2 - k1, loop momentum
/// shifted by k1].
template <class T>
struct GramBSets {
  std::array<Tracked<T>, gram_max_rank + 2> b1{}, b2{}, b0{};
};

template <class T>
bool gram_b_sets(const std::array<T, 3>& s, const std::array<T, 3>& m, const T& mu2, int N,
                 GramBSets<T>& b) noexcept {
  return gram_b_moments(s[2], m[0], m[2], mu2, N, b.b1.data()) &&
         gram_b_moments(s[0], m[0], m[1], mu2, N, b.b2.data()) &&
         gram_b_moments(s[1], m[1], m[2], mu2, N, b.b0.data());
}

/// The expansion (GE.1)-(GE.4) at truncation rank Rmax <= gram_max_rank - 1 (rank-3 set), from
/// B sets holding at least Rmax + 1 moments. ok = false if (Zt f)_l vanishes.
template <class T>
CTracked<T> c_gram_expansion(const std::array<T, 3>& s, const std::array<T, 3>& m,
                             const GramBSets<T>& bs, const Tracked<T>& c0, int Rmax,
                             bool& ok) noexcept {
  using std::abs;
  using Tk = Tracked<T>;
  constexpr int D = gram_max_rank + 2;
  CTracked<T> out{};
  ok = false;
  const T p1 = s[0], p2 = s[1], p1p2 = s[2];
  const auto& b1 = bs.b1;
  const auto& b2 = bs.b2;
  const auto& b0 = bs.b0;
  const Tk z11 = exact<T>(2 * p1), z22 = exact<T>(2 * p1p2);
  const Tk z12 = exact<T>(p1) + exact<T>(p1p2) - exact<T>(p2);
  const std::array<Tk, 2> f{exact<T>(p1) - exact<T>(m[1]) + exact<T>(m[0]),
                            exact<T>(p1p2) - exact<T>(m[2]) + exact<T>(m[0])};
  const Tk det = z11 * z22 - z12 * z12;
  const std::array<std::array<Tk, 2>, 2> zt{{{z22, -z12}, {-z12, z11}}};
  const std::array<Tk, 2> ztf{zt[0][0] * f[0] + zt[0][1] * f[1], zt[1][0] * f[0] + zt[1][1] * f[1]};
  const int l = cabs(ztf[0].v) >= cabs(ztf[1].v) ? 0 : 1;
  if (!(cabs(ztf[l].v) > ztf[l].e)) return out;
  // T(0)_{(n1,n2)} = (-1)^n1 / C(P,n1) sum_{j=n2}^{P} C(P,j) C(j,n2) B_{1^j}   (GE.3)
  auto binom = [](int n, int k) {
    T r = 1;
    for (int i = 1; i <= k; ++i) r = r * T(n - k + i) / T(i);
    return r;
  };
  auto t0 = [&](int n1, int n2) {
    const int P = n1 + n2;
    Tk acc{};
    for (int j = n2; j <= P; ++j) acc = acc + scale(binom(P, j) * binom(j, n2), b0[j]);
    return scale((n1 % 2 ? T(-1) : T(1)) / binom(P, n1), acc);
  };
  auto tk = [&](int k, int n1, int n2) -> Tk {  // k = 0: T(1), k = 1: T(2)
    if (k == 0) return n1 == 0 ? b1[n2] : Tk{};
    return n2 == 0 ? b2[n1] : Tk{};
  };
  // T0_I = T(0)_I, A_I = sum_k Zt_lk S_{k,I}, S_{k,I} = T(k)_I - T(0)_I
  std::array<std::array<Tk, D>, D> A{}, T0{};
  for (int P = 0; P <= Rmax; ++P)
    for (int n1 = 0; n1 <= P; ++n1) {
      const int n2 = P - n1;
      T0[n1][n2] = t0(n1, n2);
      if (P > 0)
        A[n1][n2] = zt[l][0] * (tk(0, n1, n2) - T0[n1][n2]) + zt[l][1] * (tk(1, n1, n2) - T0[n1][n2]);
    }
  // UV constants u(J) = 4 Res C_00J = 2 (-1)^q n1! n2!/(q+2)!   (GE.4)
  auto uv = [](int n1, int n2) {
    T v = 2;
    for (int i = 2; i <= n1; ++i) v *= T(i);
    for (int i = 2; i <= n2; ++i) v *= T(i);
    for (int i = 2; i <= n1 + n2 + 2; ++i) v /= T(i);
    return (n1 + n2) % 2 ? -v : v;
  };
  std::array<std::array<Tk, D>, D> C{}, C00{};
  C[0][0] = c0;
  const Tk two_m1 = exact<T>(2 * m[0]);
  // Rank P is final after Rmax - P + 1 sweeps (rank Rmax + 1 is zero): Rmax sweeps give rank 1.
  for (int sweep = 0; sweep < Rmax; ++sweep) {
    const auto prev = C;
    auto cl = [&](int n1, int n2) -> Tk {  // C_{l I} from the previous sweep (0 above Rmax)
      const int a1 = n1 + (l == 0), a2 = n2 + (l == 1);
      return a1 + a2 <= Rmax ? prev[a1][a2] : Tk{};
    };
    for (int q = 0; q < Rmax; ++q) {
      // (GE.2): 2(q+3) C00_J + (2/(Zt f)_l)[n1 Zt_l1 sum_i f_i C00_{J-e1+e_i}
      //          + n2 Zt_l2 sum_i f_i C00_{J-e2+e_i}] = R_J, J = (n1, q - n1).
      const int n = q + 1;
      std::array<std::array<Tk, D + 1>, D> M{};
      for (int n1 = 0; n1 <= q; ++n1) {
        const int n2 = q - n1;
        Tk sf{};
        for (int i = 0; i < 2; ++i) {
          const int a1 = n1 + (i == 0), a2 = n2 + (i == 1);
          sf = sf + f[i] * (A[a1][a2] - det * cl(a1, a2));
        }
        const T uvj = uv(n1, n2);  // rounded: carries u |uv|
        const Tk uvt{std::complex<T>(uvj, T(0)), unit_roundoff<T>() * T(abs(uvj))};
        M[n1][n] = two_m1 * C[n1][n2] + T0[n1][n2] + uvt + sf / ztf[l];
        M[n1][n1] = M[n1][n1] + exact<T>(T(2 * (q + 3)));
        for (int i = 0; i < 2; ++i) {
          const Tk g = f[i] / ztf[l];
          if (n1 > 0) {
            const int b = n1 - 1 + (i == 0);
            M[n1][b] = M[n1][b] + scale(T(2 * n1), zt[l][0] * g);
          }
          if (n2 > 0) {
            const int b = n1 + (i == 0);
            M[n1][b] = M[n1][b] + scale(T(2 * n2), zt[l][1] * g);
          }
        }
      }
      for (int c = 0; c < n; ++c) {  // Gauss-Jordan, partial pivoting
        int p = c;
        for (int r = c + 1; r < n; ++r)
          if (cabs(M[r][c].v) > cabs(M[p][c].v)) p = r;
        std::swap(M[c], M[p]);
        if (!(cabs(M[c][c].v) > T(0))) return out;
        for (int r = 0; r < n; ++r) {
          if (r == c) continue;
          const Tk fac = M[r][c] / M[c][c];
          for (int k = c; k <= n; ++k) M[r][k] = M[r][k] - fac * M[c][k];
        }
      }
      for (int n1 = 0; n1 <= q; ++n1) C00[n1][q - n1] = M[n1][n] / M[n1][n1];
      // (GE.1) for rank q + 1.
      const int P = q + 1;
      for (int n1 = 0; n1 <= P; ++n1) {
        const int n2 = P - n1;
        Tk v = A[n1][n2] - det * cl(n1, n2);
        if (n1 > 0) v = v - scale(T(2 * n1), zt[l][0] * C00[n1 - 1][n2]);
        if (n2 > 0) v = v - scale(T(2 * n2), zt[l][1] * C00[n1][n2 - 1]);
        C[n1][n2] = v / ztf[l];
      }
    }
    // Fixed point reached (changes at rounding level in every rank): further sweeps are idle.
    bool moved = false;
    for (int P = 1; P <= Rmax && !moved; ++P)
      for (int n1 = 0; n1 <= P; ++n1)
        if (cabs(C[n1][P - n1].v - prev[n1][P - n1].v) > 4 * unit_roundoff<T>() * cabs(C[n1][P - n1].v)) {
          moved = true;
          break;
        }
    if (!moved) break;
  }
  out[c0_] = c0;
  out[c1_] = C[1][0];
  out[c2_] = C[0][1];
  out[c00_] = C00[0][0];
  out[c11_] = C[2][0];
  out[c12_] = C[1][1];
  out[c22_] = C[0][2];
  out[c001_] = C00[1][0];
  out[c002_] = C00[0][1];
  out[c111_] = C[3][0];
  out[c112_] = C[2][1];
  out[c122_] = C[1][2];
  out[c222_] = C[0][3];
  ok = true;
  return out;
}

/// The expansion with its truncation error: rank Rmax in {6, 10, 14}, the first whose difference
/// to Rmax - 2 is below the two rounding estimates (that difference is added to the error);
/// abandoned if at Rmax = 6 the difference is still above 1e-3 relative (diverging or slow).
template <class T>
CTracked<T> c_gram(const std::array<T, 3>& s, const std::array<T, 3>& m, const T& mu2,
                   const Tracked<T>& c0, bool& ok) noexcept {
  CTracked<T> best{};
  ok = false;
  GramBSets<T> bs;
  if (!gram_b_sets(s, m, mu2, 15, bs)) return best;
  for (const int R : {6, 10, 14}) {
    bool ok1 = false, ok2 = false;
    CTracked<T> hi = c_gram_expansion(s, m, bs, c0, R, ok1);
    const CTracked<T> lo = c_gram_expansion(s, m, bs, c0, R - 2, ok2);
    if (!ok1 || !ok2) return best;
    bool converged = true;
    T worst_rel = 0;
    for (int i = 0; i < n_c_coeffs; ++i) {
      const T d = cabs(hi[i].v - lo[i].v);
      if (d > hi[i].e + lo[i].e) converged = false;  // differ by more than their rounding
      const T a = cabs(hi[i].v);
      worst_rel = std::max(worst_rel, a > T(0) ? T(d / a) : T(0));
      hi[i].e += d;
    }
    // Not (or too slowly) converging at R = 6: no use trying higher R (cost), leave it.
    if (!converged && R == 6 && worst_rel > T(1e-3)) return best;
    best = hi;
    ok = true;
    if (converged) break;
  }
  return best;
}

}  // namespace darkloops::loop::detail
