// SPDX-License-Identifier: MIT
// Small-Gram-determinant expansion of the three-point tensor coefficients (idea of Denner and
// Dittmaier, Nucl. Phys. B734 (2006) 62, sec. 5.4; own derivation in docs/physics.md §2.1,
// "Gram expansion", eqs. (GE.1)-(GE.6)). The PV relation (R1) is solved for the LOWER-rank
// coefficient, so that det Z multiplies a higher-rank one:
//   (Zt f)_l C_I = sum_k Zt_lk S_{k,I} - 2 sum_r Zt_{l i_r} C_{00 I\i_r} - det Z C_{l I}     (GE.1)
// (Zt = adjugate of Z, l maximising |(Zt f)_l|), (R2) with (GE.1) inserted for sum_i f_i C_{iJ}
// gives a tridiagonal linear system per level q = |J| for the C_{00J}                        (GE.2)
// and the det Z C_{lI} terms are taken from the previous sweep (one order of det Z per sweep),
// coefficients above rank Rmax set to zero. Needs B_{1^r} up to rank Rmax: implemented below
// threshold only (real two-point functions), where ln F = ln a + sum_k ln(1 - x/rho_k).
// Evaluation (GE.6): level matrices factorised once per point, sweep-independent parts
// precomputed, running error estimates of (TR.9) kept as squares with real coefficients; the
// truncation error is estimated by the difference between the expansions at Rmax and Rmax - 2.
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

/// Value with a squared absolute error estimate e2 and n2 = |v|^2. The expansion's coefficients
/// are all real (kinematics, B_{1^r} below threshold); only C0 may be complex. So the rules of
/// (TR.9) reduce to multiply-adds on squares (contributions combined in quadrature as there,
/// roundings included in the quadrature sum): no hypot, no complex products (docs/physics.md
/// (GE.6)).
template <class T>
struct GramQ {
  std::complex<T> v{};
  T e2{0};
  T n2{0};
};

/// A real coefficient a: a2 = a^2, r2 = (error of a)^2 + (2u a)^2 (the rounding of the product
/// a x and of the sum it enters), so that a x contributes a2 e2(x) + r2 |x|^2.
template <class T>
struct GramCoef {
  T v{0}, a2{0}, r2{0};
};

template <class T>
GramCoef<T> gram_coef(const T& v, const T& e) noexcept {
  const T u = unit_roundoff<T>();
  return {v, v * v, e * e + 4 * u * u * v * v};
}

template <class T>
GramCoef<T> gram_coef(const Tracked<T>& a) noexcept {
  return gram_coef(T(a.v.real()), a.e);
}

template <class T>
T gram_norm(const std::complex<T>& z) noexcept {
  return z.real() * z.real() + z.imag() * z.imag();
}

template <class T>
GramQ<T> gram_q(const Tracked<T>& a) noexcept {
  return {a.v, a.e * a.e, gram_norm(a.v)};
}

/// acc += a x
template <class T>
void gram_axpy(GramQ<T>& acc, const GramCoef<T>& a, const GramQ<T>& x) noexcept {
  acc.v += a.v * x.v;
  acc.e2 += a.a2 * x.e2 + a.r2 * x.n2;
}

/// Closes a sum: its final rounding u|v| (in quadrature) and n2.
template <class T>
void gram_close(GramQ<T>& q) noexcept {
  const T u = unit_roundoff<T>();
  q.n2 = gram_norm(q.v);
  q.e2 += u * u * q.n2;
}

/// Real value with squared error (for the tridiagonal factorisation).
template <class T>
struct GramR {
  T v{0}, e2{0};
};

/// a - l b with l = p / q, all real with errors (first-order rules of (TR.9), squared).
template <class T>
GramR<T> gram_rdiv(const GramR<T>& p, const GramR<T>& q) noexcept {
  const T u = unit_roundoff<T>();
  const T r = p.v / q.v;
  return {r, (p.e2 + r * r * q.e2) / (q.v * q.v) + 16 * u * u * r * r};
}
template <class T>
GramR<T> gram_rsubmul(const GramR<T>& a, const GramR<T>& l, const GramR<T>& b) noexcept {
  const T u = unit_roundoff<T>();
  const T r = a.v - l.v * b.v;
  return {r, a.e2 + l.v * l.v * b.e2 + b.v * b.v * l.e2 +
                 u * u * (r * r + 4 * l.v * l.v * b.v * b.v)};
}

inline constexpr int gram_tri(int P) { return P * (P + 1) / 2; }  // start of rank P, rank-major
inline constexpr int gram_ntri = gram_tri(gram_max_rank + 2);

/// Everything of (GE.1)-(GE.4) that does not depend on the truncation rank R or on the sweep,
/// for R <= Rp: the level matrices of (GE.2) (tridiagonal in n1, factorised once with partial
/// pivoting, LAPACK gttrf order) and the constant parts of both equations.
template <class T>
struct GramPrep {
  int Rp = 0, l = 0;
  GramQ<T> zero{};
  GramCoef<T> two_m1, g[2], cdet;            // 2 m1, f_i det/(Zt f)_l, det/(Zt f)_l
  std::array<GramCoef<T>, gram_max_rank + 2> h1n, h2n;  // -2 n Zt_l1/(Zt f)_l, -2 n Zt_l2/(Zt f)_l
  std::array<GramQ<T>, gram_ntri> K{}, base{};  // level q: rhs constant; rank P: A_I/(Zt f)_l
  // LU of the level matrices (index gram_tri(q) + row): multipliers stored negated.
  std::array<GramCoef<T>, gram_ntri> ml{}, invd{}, mdu{}, mdu2{};
  std::array<bool, gram_ntri> swapped{};
};

/// Sets up GramPrep for truncation ranks up to Rp <= gram_max_rank - 1 from B sets holding at
/// least Rp + 1 moments. false if (Zt f)_l vanishes; if the level-q matrix is singular, pr.Rp = q
/// (expansions up to R = q only).
template <class T>
bool gram_prepare(const std::array<T, 3>& s, const std::array<T, 3>& m, const GramBSets<T>& bs,
                  int Rp, GramPrep<T>& pr) noexcept {
  using std::abs;
  using std::sqrt;
  using Tk = Tracked<T>;
  constexpr int D = gram_max_rank + 2;
  const T u = unit_roundoff<T>();
  pr.Rp = 0;
  const T p1 = s[0], p2 = s[1], p1p2 = s[2];
  const Tk z11 = exact<T>(2 * p1), z22 = exact<T>(2 * p1p2);
  const Tk z12 = exact<T>(p1) + exact<T>(p1p2) - exact<T>(p2);
  const std::array<Tk, 2> f{exact<T>(p1) - exact<T>(m[1]) + exact<T>(m[0]),
                            exact<T>(p1p2) - exact<T>(m[2]) + exact<T>(m[0])};
  const Tk det = z11 * z22 - z12 * z12;
  const std::array<std::array<Tk, 2>, 2> zt{{{z22, -z12}, {-z12, z11}}};
  const std::array<Tk, 2> ztf{zt[0][0] * f[0] + zt[0][1] * f[1], zt[1][0] * f[0] + zt[1][1] * f[1]};
  const int l = cabs(ztf[0].v) >= cabs(ztf[1].v) ? 0 : 1;
  pr.l = l;
  if (!(cabs(ztf[l].v) > ztf[l].e)) return false;
  const Tk inv = exact<T>(T(1)) / ztf[l];
  pr.two_m1 = gram_coef(T(2 * m[0]), T(0));
  pr.cdet = gram_coef(det * inv);
  for (int i = 0; i < 2; ++i) pr.g[i] = gram_coef(f[i] * det * inv);
  const GramCoef<T> h1 = gram_coef(scale(T(2), zt[l][0]) * inv),
                    h2 = gram_coef(scale(T(2), zt[l][1]) * inv);
  for (int n = 0; n < D; ++n) {
    pr.h1n[n] = {-T(n) * h1.v, T(n * n) * h1.a2, T(n * n) * h1.r2};
    pr.h2n[n] = {-T(n) * h2.v, T(n * n) * h2.a2, T(n * n) * h2.r2};
  }
  const std::array<GramCoef<T>, 2> fi{gram_coef(f[0] * inv), gram_coef(f[1] * inv)};
  const std::array<GramCoef<T>, 2> ztl{gram_coef(zt[l][0]), gram_coef(zt[l][1])};
  // Pascal's triangle (exact in T for P <= 17).
  std::array<std::array<T, D>, D> bin{};
  for (int n = 0; n < D; ++n) {
    bin[n][0] = 1;
    for (int k = 1; k <= n; ++k) bin[n][k] = bin[n - 1][k - 1] + (k < n ? bin[n - 1][k] : T(0));
  }
  std::array<GramQ<T>, D> b0, b1, b2;
  for (int r = 0; r <= Rp; ++r) {
    b0[r] = gram_q(bs.b0[r]);
    b1[r] = gram_q(bs.b1[r]);
    b2[r] = gram_q(bs.b2[r]);
  }
  // T(0)_I (GE.3) and A_I = sum_k Zt_lk (T(k)_I - T(0)_I), rank-major.
  std::array<GramQ<T>, gram_ntri> T0{}, A{};
  for (int P = 0; P <= Rp; ++P)
    for (int n1 = 0; n1 <= P; ++n1) {
      const int n2 = P - n1;
      GramQ<T>& t = T0[gram_tri(P) + n1];
      for (int j = n2; j <= P; ++j) {
        const T c = (n1 % 2 ? T(-1) : T(1)) * bin[P][j] * bin[j][n2] / bin[P][n1];
        gram_axpy(t, gram_coef(c, u * T(abs(c))), b0[j]);
      }
      gram_close(t);
      if (P == 0) continue;
      GramQ<T> s1 = n1 == 0 ? b1[n2] : GramQ<T>{}, s2 = n2 == 0 ? b2[n1] : GramQ<T>{};
      s1.v -= t.v;
      s1.e2 += t.e2;
      gram_close(s1);
      s2.v -= t.v;
      s2.e2 += t.e2;
      gram_close(s2);
      GramQ<T>& a = A[gram_tri(P) + n1];
      gram_axpy(a, ztl[0], s1);
      gram_axpy(a, ztl[1], s2);
      gram_close(a);
    }
  const GramCoef<T> invc = gram_coef(inv);
  for (int P = 1; P <= Rp; ++P)
    for (int n1 = 0; n1 <= P; ++n1) {
      GramQ<T>& b = pr.base[gram_tri(P) + n1];
      b = GramQ<T>{};
      gram_axpy(b, invc, A[gram_tri(P) + n1]);
      gram_close(b);
    }
  // Level q < Rp: K_J = T(0)_J + u(J) + sum_i f_i A_{J+e_i}/(Zt f)_l  (GE.2, GE.4), and the
  // tridiagonal matrix: diagonal 2(q+3) + 2 n1 r_11 + 2 n2 r_22, sub (col n1-1) 2 n1 r_12,
  // super (col n1+1) 2 n2 r_21, r_ij = Zt_li f_j/(Zt f)_l.
  Tk r[2][2];
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b) r[a][b] = zt[l][a] * f[b] * inv;
  auto two_n = [](const Tk& x, int n) {  // 2 n x as GramR
    const T v = T(2 * n) * x.v.real();
    return GramR<T>{v, T(4 * n * n) * x.e * x.e};
  };
  for (int q = 0; q < Rp; ++q) {  // pr.Rp = q + 1 once level q is factorised
    const int o = gram_tri(q), n = q + 1;
    T fact = 1;  // u(J) = 2 (-1)^q n1! n2!/(q+2)!
    for (int i = 2; i <= q + 2; ++i) fact *= T(i);
    std::array<GramR<T>, D> dg{}, sup{}, sub{}, sup2{};
    for (int n1 = 0; n1 <= q; ++n1) {
      const int n2 = q - n1;
      T num = 2;
      for (int i = 2; i <= n1; ++i) num *= T(i);
      for (int i = 2; i <= n2; ++i) num *= T(i);
      const T uvj = (q % 2 ? T(-1) : T(1)) * num / fact;
      GramQ<T>& k = pr.K[o + n1];
      k = T0[o + n1];
      k.v += uvj;
      k.e2 += u * u * uvj * uvj;
      gram_axpy(k, fi[0], A[gram_tri(q + 1) + n1 + 1]);
      gram_axpy(k, fi[1], A[gram_tri(q + 1) + n1]);
      gram_close(k);
      const GramR<T> d1 = two_n(r[0][0], n1), d2 = two_n(r[1][1], n2);
      const T dv = T(2 * (q + 3)) + d1.v + d2.v;
      dg[n1] = {dv, d1.e2 + d2.e2 + 4 * u * u * dv * dv};
      sub[n1] = two_n(r[0][1], n1);  // row n1, column n1 - 1
      sup[n1] = two_n(r[1][0], n2);  // row n1, column n1 + 1
    }
    // gttrf: row i of U holds dg[i], sup[i], sup2[i]; sub[i + 1] is eliminated by row i.
    for (int i = 0; i < n - 1; ++i) {
      const GramR<T> lo = sub[i + 1];
      if (abs(dg[i].v) >= abs(lo.v)) {
        if (!(dg[i].v != T(0))) return true;  // singular level q: usable up to R = q
        const GramR<T> lm = gram_rdiv(lo, dg[i]);
        dg[i + 1] = gram_rsubmul(dg[i + 1], lm, sup[i]);
        pr.ml[o + i] = gram_coef(-lm.v, T(sqrt(lm.e2)));
        pr.swapped[o + i] = false;
      } else {
        const GramR<T> lm = gram_rdiv(dg[i], lo);
        dg[i] = lo;
        const GramR<T> t = sup[i];
        sup[i] = dg[i + 1];
        dg[i + 1] = gram_rsubmul(t, lm, dg[i + 1]);
        if (i < n - 2) {
          sup2[i] = sup[i + 1];
          const T nv = -lm.v * sup[i + 1].v;
          sup[i + 1] = {nv, lm.v * lm.v * sup[i + 1].e2 + sup[i + 1].v * sup[i + 1].v * lm.e2 +
                                4 * u * u * nv * nv};
        }
        pr.ml[o + i] = gram_coef(-lm.v, T(sqrt(lm.e2)));
        pr.swapped[o + i] = true;
      }
    }
    for (int i = 0; i < n; ++i) {
      if (!(dg[i].v != T(0))) return true;
      const T iv = T(1) / dg[i].v;
      pr.invd[o + i] = gram_coef(iv, T(sqrt(dg[i].e2)) * iv * iv + 2 * u * T(abs(iv)));
      pr.mdu[o + i] = gram_coef(-sup[i].v, T(sqrt(sup[i].e2)));
      pr.mdu2[o + i] = gram_coef(-sup2[i].v, T(sqrt(sup2[i].e2)));
    }
    pr.Rp = q + 1;
  }
  return true;
}

/// The expansion (GE.1)-(GE.4) at truncation rank R <= pr.Rp: R sweeps (fewer once a sweep
/// changes nothing beyond rounding), each taking det Z C_{lI} from the previous one.
template <class T>
CTracked<T> gram_expand(const GramPrep<T>& pr, const Tracked<T>& c0, int R) noexcept {
  using std::sqrt;
  const T u = unit_roundoff<T>();
  const int l = pr.l;
  // C by rank (rank-major triangles; entry n1 of rank P is C_{(n1, P - n1)}), two sweeps.
  std::array<GramQ<T>, gram_ntri> bufa{}, bufb{}, c00{};
  GramQ<T>* cur = bufa.data();
  GramQ<T>* prev = bufb.data();
  cur[0] = prev[0] = gram_q(c0);
  // C_{l, J} for J = (n1, P - n1): entry n1 + (l == 0) of rank P + 1 (0 above R).
  const int sl = l == 0 ? 1 : 0;
  std::array<GramQ<T>, gram_max_rank + 2> rhs{};
  for (int sweep = 0; sweep < R; ++sweep) {
    std::swap(cur, prev);
    for (int q = 0; q < R; ++q) {
      const int o = gram_tri(q), n = q + 1;
      const bool top = q + 2 <= R;  // C of rank q + 2 (from the previous sweep) exists
      // (GE.2) right-hand side: K_J + 2 m1 C_J - sum_i f_i det/(Zt f)_l C_{l, J + e_i}.
      for (int n1 = 0; n1 <= q; ++n1) {
        GramQ<T>& b = rhs[n1];
        b = pr.K[o + n1];
        gram_axpy(b, pr.two_m1, cur[o + n1]);
        if (top) {
          const GramQ<T>* c2 = prev + gram_tri(q + 2) + sl;
          b.v -= pr.g[0].v * c2[n1 + 1].v + pr.g[1].v * c2[n1].v;
          b.e2 += pr.g[0].a2 * c2[n1 + 1].e2 + pr.g[0].r2 * c2[n1 + 1].n2 +
                  pr.g[1].a2 * c2[n1].e2 + pr.g[1].r2 * c2[n1].n2;
        }
        gram_close(b);
      }
      // Tridiagonal solve with the stored factorisation (gtts2 order).
      for (int i = 0; i < n - 1; ++i) {
        if (pr.swapped[o + i]) std::swap(rhs[i], rhs[i + 1]);
        gram_axpy(rhs[i + 1], pr.ml[o + i], rhs[i]);
        gram_close(rhs[i + 1]);
      }
      GramQ<T>* x = c00.data() + o;
      for (int i = n - 1; i >= 0; --i) {
        GramQ<T> y = rhs[i];
        if (i + 1 < n) gram_axpy(y, pr.mdu[o + i], x[i + 1]);
        if (i + 2 < n) gram_axpy(y, pr.mdu2[o + i], x[i + 2]);
        gram_close(y);
        GramQ<T> xi{};
        gram_axpy(xi, pr.invd[o + i], y);
        gram_close(xi);
        x[i] = xi;
      }
      // (GE.1) for rank P = q + 1: C_I = A_I/(Zt f)_l - det/(Zt f)_l C_{lI}
      //   - 2 n1 Zt_l1/(Zt f)_l C_{00, I - e1} - 2 n2 Zt_l2/(Zt f)_l C_{00, I - e2}.
      const int P = q + 1, oP = gram_tri(P);
      const GramQ<T>* c1 = prev + gram_tri(P + 1) + sl;
      for (int n1 = 0; n1 <= P; ++n1) {
        const int n2 = P - n1;
        GramQ<T> v = pr.base[oP + n1];
        if (P + 1 <= R) {
          v.v -= pr.cdet.v * c1[n1].v;
          v.e2 += pr.cdet.a2 * c1[n1].e2 + pr.cdet.r2 * c1[n1].n2;
        }
        if (n1 > 0) gram_axpy(v, pr.h1n[n1], x[n1 - 1]);
        if (n2 > 0) gram_axpy(v, pr.h2n[n2], x[n1]);
        gram_close(v);
        cur[oP + n1] = v;
      }
    }
    // Fixed point reached (changes at rounding level in every rank): further sweeps are idle.
    bool moved = false;
    for (int i = 1; i < gram_tri(R + 1) && !moved; ++i)
      moved = gram_norm(std::complex<T>(cur[i].v - prev[i].v)) > 16 * u * u * cur[i].n2;
    if (!moved) break;
  }
  CTracked<T> out{};
  auto tk = [&](const GramQ<T>& q) { return Tracked<T>{q.v, T(sqrt(q.e2))}; };
  out[c0_] = c0;
  out[c1_] = tk(cur[gram_tri(1) + 1]);
  out[c2_] = tk(cur[gram_tri(1) + 0]);
  out[c00_] = tk(c00[0]);
  out[c11_] = tk(cur[gram_tri(2) + 2]);
  out[c12_] = tk(cur[gram_tri(2) + 1]);
  out[c22_] = tk(cur[gram_tri(2) + 0]);
  out[c001_] = tk(c00[gram_tri(1) + 1]);
  out[c002_] = tk(c00[gram_tri(1) + 0]);
  out[c111_] = tk(cur[gram_tri(3) + 3]);
  out[c112_] = tk(cur[gram_tri(3) + 2]);
  out[c122_] = tk(cur[gram_tri(3) + 1]);
  out[c222_] = tk(cur[gram_tri(3) + 0]);
  return out;
}

/// The expansion at truncation rank 4 <= Rmax <= gram_max_rank - 1, from B sets holding at least
/// Rmax + 1 moments; ok = false if (Zt f)_l vanishes or a level matrix is singular.
template <class T>
CTracked<T> c_gram_expansion(const std::array<T, 3>& s, const std::array<T, 3>& m,
                             const GramBSets<T>& bs, const Tracked<T>& c0, int Rmax,
                             bool& ok) noexcept {
  GramPrep<T> pr;
  ok = gram_prepare(s, m, bs, Rmax, pr) && pr.Rp >= Rmax;
  return ok ? gram_expand(pr, c0, Rmax) : CTracked<T>{};
}

/// The expansion with its truncation error: rank Rmax in {6, 10, 14}, the first whose difference
/// to Rmax - 2 is below the two rounding estimates (that difference is added to the error);
/// abandoned if at Rmax = 6 the difference is still above 1e-3 relative (diverging or slow).
template <class T>
CTracked<T> c_gram(const std::array<T, 3>& s, const std::array<T, 3>& m, const T& mu2,
                   const Tracked<T>& c0, bool& ok) noexcept {
  CTracked<T> best{};
  ok = false;
  // Set up for R <= 6 first (most points stop there, or give up), for R <= 14 only if needed.
  GramBSets<T> bs;
  if (!gram_b_sets(s, m, mu2, 7, bs)) return best;
  GramPrep<T> pr;
  if (!gram_prepare(s, m, bs, 6, pr)) return best;
  for (const int R : {6, 10, 14}) {
    if (R > 6 && pr.Rp == 6 &&
        !(gram_b_sets(s, m, mu2, 15, bs) && gram_prepare(s, m, bs, 14, pr)))
      break;
    if (R > pr.Rp) break;  // a singular level matrix (GE.2) at rank <= R
    CTracked<T> hi = gram_expand(pr, c0, R);
    const CTracked<T> lo = gram_expand(pr, c0, R - 2);
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
