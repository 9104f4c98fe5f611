// SPDX-License-Identifier: MIT
// Engine of the general scalar three-point function C0 (docs/physics.md §2.1.3).
// C0 = -int_S d^2x / (F(x) - i eps) over the Feynman simplex S = {x1, x2 >= 0, x1 + x2 <= 1},
// F = x^T H x + g.x + m0 (Symanzik polynomial). Method ("apex decomposition"): split S into the
// three signed triangles joining the stationary point P of F (2 H P = -g) to the edges; on the
// ray P + t (edge point - P), F = F0 + t^2 Q, so the t-integral is elementary and
//   C0 = -(1/(2 sqrt(lambda))) sum_edges [I_e(sigma+) - I_e(sigma-)],
//   I_e(sigma) = int_0^1 ds [ln(F_e(s) - i eps) - ln(F0 - i eps)] / (s - sigma),
// with F_e the edge restriction (a B0-type quadratic), sigma+- the roots of F_e = F0 and
// lambda the Kallen function of the external invariants. Each I_e is a sum of dilogarithms,
// evaluated with a small finite eps (eps_rel = macheps^2) and explicit bookkeeping of the
// branch crossings along the real s-path (no eta-function tables needed). Since
// sum_e [I_e(sigma+) + I_e(sigma-)] = 0 (C0.4), one set suffices: C0 = -(1/sqrt(lambda))
// sum_e I_e(sigma+) (one-pole form (C0.5), the fast path: 12 Li2).
#pragma once

#include <array>
#include <cmath>
#include <complex>
#include <limits>
#include <type_traits>

#include <boost/math/quadrature/tanh_sinh.hpp>

#include "darkloops/loop/b.hpp"
#include "darkloops/loop/detail/scalar_common.hpp"
#include "darkloops/loop/dilog.hpp"

namespace darkloops::loop::detail {

/// Li2 at a real point x >= 1 on the cut, approached from the side sign(side) of the real axis.
template <class T>
inline std::complex<T> li2_on_cut(const T& x, int side) noexcept {
  using std::log;
  if (!(x > T(1))) return {li2(x), T(0)};  // x = 1 (rounding): Li2(1) = pi^2/6, no Im part
  const T l = log(x);
  const T im = scalar_pi<T>() * l;
  return {li2_above1(x, l), side >= 0 ? im : -im};
}

/// Li2(w) for the S-function arguments: when w is real up to a relative eps/16 (real roots and
/// real sigma, the imaginary parts being the O(eps_mach^2) i-epsilon), the real Li2 with the side
/// of the cut from the sign of Im w (the dropped Im part is below eps/16 |ln(1-w)| relative);
/// the complex Li2 otherwise.
template <class T>
inline std::complex<T> c0_li2(const std::complex<T>& w) noexcept {
  using std::abs;
  const T x = w.real();
  const T y = w.imag();
  if (y != T(0) && abs(y) <= abs(x) * (std::numeric_limits<T>::epsilon() / T(16))) {
    if (x <= T(1)) return {li2(x), T(0)};
    return li2_on_cut<T>(x, y > T(0) ? 1 : -1);
  }
  return li2(w);
}

/// eta(a, b) = [ln(ab) - ln a - ln b]/(2 pi i) in {-1, 0, 1} from the signs of Im a, Im b and
/// Im(ab) (the latter passed in: it is known exactly); 2 (= undecided) when one of them is 0.
template <class T>
inline int c0_eta_sign(const T& ia, const T& ib, const T& iab) noexcept {
  if (ia == T(0) || ib == T(0) || iab == T(0)) return 2;
  if (ia < T(0) && ib < T(0) && iab > T(0)) return 1;
  if (ia > T(0) && ib > T(0) && iab < T(0)) return -1;
  return 0;
}

/// Coarse arg z in (-pi, pi], |error| < 4e-3 (atan t ~ t (pi/4 + 0.273 (1 - t)) on [0, 1] by
/// octant), with atan2's sign conventions (signed zeros). Used only where a sum of args is
/// snapped to a multiple of 2 pi (K, eta), so the error budget is pi, not ulps.
template <class T>
inline T c0_arg(const std::complex<T>& z) noexcept {
  using std::abs;
  using std::signbit;
  const T x = z.real();
  const T y = z.imag();
  const T ax = abs(x);
  const T ay = abs(y);
  constexpr double quarter = 0.7853981633974483;
  double a = 0;  // angle of (|x|, |y|) in [0, pi/2]
  if (ax >= ay) {
    if (ax > T(0)) {
      const double t = static_cast<double>(ay / ax);
      a = t * (quarter + 0.273 * (1 - t));
    }
  } else {
    const double t = static_cast<double>(ax / ay);
    a = 2 * quarter - t * (quarter + 0.273 * (1 - t));
  }
  if (x < T(0) || (x == T(0) && signbit(x))) a = 4 * quarter - a;
  if (y < T(0) || (y == T(0) && signbit(y))) a = -a;
  return T(a);
}

/// 1/z by conj(z)/|z|^2 for built-in types when |z|^2 is safely in range (a few ulp, no libgcc
/// __divdc3 call); std::complex division otherwise.
template <class T>
inline std::complex<T> c0_inv(const std::complex<T>& z) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    const T n = z.real() * z.real() + z.imag() * z.imag();
    constexpr T lo = std::numeric_limits<T>::min() / std::numeric_limits<T>::epsilon();
    if (n > lo && n <= std::numeric_limits<T>::max()) {
      const T in = T(1) / n;
      return {z.real() * in, -z.imag() * in};
    }
  }
  return std::complex<T>(T(1)) / z;
}

/// |Re z| + |Im z| (magnitude for the cancellation estimate; no hypot).
template <class T>
inline T c0_l1(const std::complex<T>& z) noexcept {
  using std::abs;
  return abs(z.real()) + abs(z.imag());
}

/// S(sigma, r) = int_0^1 [ln(s - r) - ln(sigma - r)] / (s - sigma) ds for Im r != 0; the path is
/// split where 1 - w(s) = (s - r)/(sigma - r) crosses the negative real axis.
template <class T>
inline std::complex<T> c0_S(const std::complex<T>& sigma, const std::complex<T>& r,
                            T* mag) noexcept {
  using C = std::complex<T>;
  const T twopi = T(2) * scalar_pi<T>();
  const C z = sigma - r;
  const C zinv = c0_inv(z);
  const auto w = [&](const T& s) { return (sigma - C(s)) * zinv; };
  // 1 - w(s) = (s - r)/z meets the real axis at s_c = Re r - Im r Re z / Im z, where its value
  // is -Im r / Im z (exact rearrangement, stable when Im r is infinitesimal): the path crosses
  // the cut iff Im r and Im z have the same sign.
  std::array<T, 3> cuts{T(0), T(1), T(1)};
  int npieces = 1;
  T wcut = T(1);
  if (z.imag() != T(0) && ((r.imag() > T(0)) == (z.imag() > T(0))) && r.imag() != T(0)) {
    const T sc = r.real() - r.imag() * z.real() / z.imag();
    if (sc > T(0) && sc < T(1)) {
      cuts = {T(0), sc, T(1)};
      npieces = 2;
      wcut = T(1) + r.imag() / z.imag();
    }
  }
  C total(T(0));
  for (int p = 0; p < npieces; ++p) {
    const T lo = cuts[p];
    const T hi = cuts[p + 1];
    const T mid = (lo + hi) / T(2);
    const C wm = w(mid);
    const int side = wm.imag() >= T(0) ? 1 : -1;
    const bool lo_cut = (npieces == 2 && p == 1);
    const bool hi_cut = (npieces == 2 && p == 0);
    const C li_lo = lo_cut ? li2_on_cut<T>(wcut, side) : c0_li2(w(lo));
    const C li_hi = hi_cut ? li2_on_cut<T>(wcut, side) : c0_li2(w(hi));
    total += li_lo - li_hi;
    *mag += c0_l1(li_lo) + c0_l1(li_hi);
    // ln(s - r) - ln z - ln(1 - w(s)) = 2 pi i eta(z, 1 - w) with (s - r) = z (1 - w): signs of
    // the imaginary parts at the midpoint; three args when one of them vanishes
    int eta = c0_eta_sign<T>(z.imag(), -wm.imag(), -r.imag());
    if (eta == 2) {
      using std::round;
      eta = static_cast<int>(
          round((c0_arg<T>(C(mid) - r) - c0_arg<T>(z) - c0_arg<T>(C(T(1)) - wm)) / twopi));
    }
    if (eta != 0) {
      C lg;
      if (sigma.imag() != T(0)) {
        lg = clog_fast(C(hi) - sigma) - clog_fast(C(lo) - sigma);
      } else {
        using std::abs;
        using std::log;
        lg = C(log(abs((hi - sigma.real()) / (lo - sigma.real()))));
      }
      total += C(T(0), twopi * T(eta)) * lg;
      *mag += c0_l1(twopi * T(eta) * lg);
    }
  }
  return total;
}

/// Roots of a s^2 + b s + c (complex c; a, b real), stable; n = number of finite roots; conj:
/// the two roots are a complex-conjugate pair up to the i-epsilon (real discriminant < 0).
template <class T>
struct QuadRoots {
  std::array<std::complex<T>, 2> r{};
  int n = 0;
  bool conj = false;
};
template <class T>
inline QuadRoots<T> quad_roots(const T& a, const T& b, const std::complex<T>& c) noexcept {
  using C = std::complex<T>;
  using std::abs;
  using std::sqrt;
  QuadRoots<T> q;
  if (a == T(0)) {
    if (b != T(0)) {
      q.r[0] = -c / b;
      q.n = 1;
    }
    return q;
  }
  // sqrt(d + i di), d = b^2 - 4a Re c, di = -4a Im c: to first order in di when |di| <= eps |d|
  // (the i-epsilon; the neglected term is eps^2 relative), std::sqrt otherwise
  const T d = b * b - T(4) * a * c.real();
  const T di = -T(4) * a * c.imag();
  C sq;
  if (abs(di) <= std::numeric_limits<T>::epsilon() * abs(d)) {
    const T rd = sqrt(abs(d));
    sq = d > T(0) ? C(rd, di / (T(2) * rd)) : C(di / (T(2) * rd), rd);
    q.conj = d < T(0);
  } else {
    sq = std::sqrt(C(d, di));
  }
  if (b * sq.real() < T(0)) sq = -sq;
  const C qq = -(C(b) + sq) / T(2);
  q.r[0] = qq / a;
  q.r[1] = c * c0_inv(qq);
  q.n = 2;
  return q;
}

/// I_e(sigma) for the edge quadratic F_e(s) = a s^2 + b s + c. K = 2 pi i n needs only the
/// imaginary parts of its logarithms: argconst = arg(c - i eps) - sum_k arg(-r_k) - arg(F0 - i eps).
template <class T>
inline std::complex<T> c0_I(const std::complex<T>& sigma, const QuadRoots<T>& roots,
                            const T& argconst, T* mag) noexcept {
  using C = std::complex<T>;
  const T twopi = T(2) * scalar_pi<T>();
  C total(T(0));
  T k = argconst;
  if (roots.conj && sigma.imag() == T(0)) {
    // real sigma, conjugate roots: S(sigma, conj r) = conj S(sigma, r) ((C0.7))
    T m1 = T(0);
    const C si = c0_S(sigma, roots.r[0], &m1);
    total += C(T(2) * si.real());
    *mag += T(2) * m1;
    for (int i = 0; i < 2; ++i) k += c0_arg<T>(sigma - roots.r[i]);
  } else {
    for (int i = 0; i < roots.n; ++i) {
      const C si = c0_S(sigma, roots.r[i], mag);
      total += si;
      k += c0_arg<T>(sigma - roots.r[i]);
    }
  }
  using std::round;
  const T n = round(k / twopi);  // exp(K) = 1 exactly: K = 2 pi i n
  if (n != T(0)) {
    C l;
    if (sigma.imag() != T(0)) {
      l = clog_fast(C(T(1)) - sigma) - clog_fast(-sigma);
    } else {
      using std::abs;
      using std::log;
      l = C(log(abs((T(1) - sigma.real()) / sigma.real())));
    }
    total += C(T(0), twopi * n) * l;
    *mag += c0_l1(twopi * n * l);
  }
  return total;
}

/// Result of the apex-decomposition evaluation with a cancellation estimate.
template <class T>
struct C0Eval {
  std::complex<T> value;
  T loss;  // sum of the terms' |Re| + |Im| over |sum|
};

/// Per-edge data of the apex / one-pole forms: sigma_e^+-, the roots of F_e - i eps and the
/// constant of the winding K (docs/physics.md (C0.2)-(C0.5)).
template <class T>
struct C0Edges {
  std::array<std::array<std::complex<T>, 2>, 3> sig{};
  std::array<std::array<bool, 2>, 3> fin{};  // sigma finite (and edge not constant)
  std::array<QuadRoots<T>, 3> roots{};
  std::array<T, 3> argconst{};
  std::array<T, 2> cond{};  // max_e,k (|sigma| + |r_k|)/|sigma - r_k| for the + and - sets
  std::complex<T> sqlam{};
};

/// Geometry of the edges. m = squared masses (m0,m1,m2); s01 = p1, s12 = p2, s02 = p1p2.
/// Requires lambda != 0.
template <class T>
inline C0Edges<T> c0_edges(const T& s01, const T& s12, const T& s02, const std::array<T, 3>& m,
                           const T& lam) noexcept {
  using C = std::complex<T>;
  using std::abs;
  using std::sqrt;
  const T h = (s01 + s02 - s12) / T(2);
  const T g0 = m[1] - m[0] - s01;
  const T g1 = m[2] - m[0] - s02;
  // Offsets d_k = P - V_k of the stationary point from each vertex, computed directly from the
  // vertex gradients (grad F(V_k) + 2 H d_k = 0, -H^-1/2 = (2/lambda) adj H) so that no large
  // P is subtracted from a vertex; F0 = F(V_k) + grad F(V_k).d_k / 2 from the nearest vertex.
  const std::array<T, 3> gx{g0, s01 + m[1] - m[0], s02 - s12 + m[1] - m[0]};
  const std::array<T, 3> gy{g1, s01 - s12 + m[2] - m[0], s02 + m[2] - m[0]};
  std::array<T, 3> dxk{};
  std::array<T, 3> dyk{};
  int knear = 0;
  T dbest = std::numeric_limits<T>::infinity();
  for (int k = 0; k < 3; ++k) {
    dxk[k] = T(2) * (s02 * gx[k] - h * gy[k]) / lam;
    dyk[k] = T(2) * (s01 * gy[k] - h * gx[k]) / lam;
    const T dn = abs(dxk[k]) + abs(dyk[k]);
    if (dn < dbest) {
      dbest = dn;
      knear = k;
    }
  }
  const T F0 = m[knear] + (gx[knear] * dxk[knear] + gy[knear] * dyk[knear]) / T(2);
  T scale = abs(s01) + abs(s12) + abs(s02) + m[0] + m[1] + m[2];
  const T epsi = scale * std::numeric_limits<T>::epsilon() * std::numeric_limits<T>::epsilon();
  const T argf0 = c0_arg<T>(C(F0, -epsi));
  C0Edges<T> ed;
  const C sqlam = lam >= T(0) ? C(sqrt(lam)) : C(T(0), sqrt(-lam));
  ed.sqlam = sqlam;
  // edges (CCW): V0 -> V1, V1 -> V2, V2 -> V0
  const std::array<T, 3> vx{T(0), T(1), T(0)};
  const std::array<T, 3> vy{T(0), T(0), T(1)};
  const std::array<T, 3> ae{s01, s12, s02};
  std::array<T, 2> cnum{T(0), T(0)};  // cond[j] = cnum[j] / cden[j]
  std::array<T, 2> cden{T(1), T(1)};
  // linear coefficient of F_e: 2 Va^T H d + g.d
  for (int e = 0; e < 3; ++e) {
    const int ia = e;
    const int ib = (e + 1) % 3;
    const T dx = vx[ib] - vx[ia];
    const T dy = vy[ib] - vy[ia];
    const T hx = s01 * vx[ia] + h * vy[ia];  // (H Va)_x
    const T hy = h * vx[ia] + s02 * vy[ia];
    const T a = ae[e];
    const T b = T(2) * (hx * dx + hy * dy) + g0 * dx + g1 * dy;
    const T c = m[ia];
    auto& fin = ed.fin[e];
    auto& sig = ed.sig[e];
    fin = {false, false};
    if (a == T(0) && b == T(0)) continue;  // constant edge: D_e = 0, no contribution
    fin = {true, true};
    const T De = -(dxk[ia] * dy - dyk[ia] * dx);  // det(V_a - P, d)
    const C dsq = De * sqlam;
    const C cf = C(c - F0);
    // sigma+- = (-b +- De sqrt(lambda)) / (2a), stable
    const C nplus = C(-b) + dsq;
    const C nminus = C(-b) - dsq;
    if (c0_l1(nplus) >= c0_l1(nminus)) {
      if (a == T(0)) {
        fin[0] = false;
      } else {
        sig[0] = nplus / (T(2) * a);
      }
      if (nplus == C(T(0))) {
        fin[1] = false;
      } else {
        sig[1] = T(2) * cf * c0_inv(nplus);
      }
    } else {
      if (a == T(0)) {
        fin[1] = false;
      } else {
        sig[1] = nminus / (T(2) * a);
      }
      sig[0] = T(2) * cf * c0_inv(nminus);
    }
    const C cm(c, -epsi);
    ed.roots[e] = quad_roots<T>(a, b, cm);
    T argconst = c0_arg<T>(cm) - argf0;
    for (int i = 0; i < ed.roots[e].n; ++i) argconst -= c0_arg<T>(-ed.roots[e].r[i]);
    ed.argconst[e] = argconst;
    for (int j = 0; j < 2; ++j) {
      if (!fin[j]) continue;
      for (int i = 0; i < ed.roots[e].n; ++i) {  // max of num/den without dividing
        const T num = c0_l1(sig[j]) + c0_l1(ed.roots[e].r[i]);
        const T den = c0_l1(sig[j] - ed.roots[e].r[i]);
        if (den == T(0)) {  // sigma on a root: infinitely ill-conditioned
          cnum[j] = T(1);
          cden[j] = T(0);
        } else if (num * cden[j] > cnum[j] * den) {
          cnum[j] = num;
          cden[j] = den;
        }
      }
    }
  }
  for (int j = 0; j < 2; ++j)
    ed.cond[j] = cden[j] > T(0) ? cnum[j] / cden[j] : std::numeric_limits<T>::infinity();
  return ed;
}

/// Sigma_e I_e(sigma_e^(+ if j = 0, - if j = 1)) (docs/physics.md (C0.3)); *mag accumulates the
/// terms' |Re| + |Im|.
template <class T>
inline std::complex<T> c0_edge_sum(const C0Edges<T>& ed, int j, T* mag) noexcept {
  std::complex<T> sum(T(0));
  for (int e = 0; e < 3; ++e)
    if (ed.fin[e][j]) sum += c0_I<T>(ed.sig[e][j], ed.roots[e], ed.argconst[e], mag);
  return sum;
}

/// Edge sums Sigma_e I_e(sigma_e^+) and Sigma_e I_e(sigma_e^-) with their magnitudes and
/// sqrt(lambda).
template <class T>
struct C0Sums {
  std::complex<T> plus{};
  std::complex<T> minus{};
  T mag_plus{};
  T mag_minus{};
  std::complex<T> sqlam{};
};

/// C0 from both edge sums (apex decomposition, (C0.2)) with its cancellation estimate.
template <class T>
inline C0Eval<T> c0_from_both(const C0Sums<T>& s) noexcept {
  const std::complex<T> sum = s.plus - s.minus;
  C0Eval<T> res;
  res.value = -sum / (T(2) * s.sqlam);
  const T as = std::abs(sum);
  res.loss = as > T(0) ? (s.mag_plus + s.mag_minus) / as : std::numeric_limits<T>::infinity();
  return res;
}

/// General C0 by the apex decomposition (C0.2): both sigma^+ and sigma^- per edge (24 Li2).
/// Requires lambda != 0.
template <class T>
inline C0Eval<T> c0_apex(const T& s01, const T& s12, const T& s02, const std::array<T, 3>& m,
                         const T& lam) noexcept {
  const C0Edges<T> ed = c0_edges<T>(s01, s12, s02, m, lam);
  C0Sums<T> su;
  su.sqlam = ed.sqlam;
  su.plus = c0_edge_sum(ed, 0, &su.mag_plus);
  su.minus = c0_edge_sum(ed, 1, &su.mag_minus);
  return c0_from_both(su);
}

/// C0 from one edge sum alone (one-pole form (C0.4), 12 Li2): C0 = -(1/sqrt(lambda)) Sigma_e
/// I_e(sigma^+) = +(1/sqrt(lambda)) Sigma_e I_e(sigma^-) (j = 0 / 1), with its cancellation
/// estimate.
template <class T>
inline C0Eval<T> c0_one_pole(const std::complex<T>& sum, T mag, const std::complex<T>& sqlam,
                             int j) noexcept {
  C0Eval<T> res;
  res.value = (j == 0 ? -sum : sum) / sqlam;
  const T as = std::abs(sum);
  res.loss = as > T(0) ? mag / as : std::numeric_limits<T>::infinity();
  return res;
}

/// Quadrature fallback criterion for a real (Euclidean) C0: the apex sum cancels by more than
/// eps^(-1/4) (8e3 in double; the error measured vs 50 digits is up to ~10 loss eps, so this
/// keeps it below 1e-11), or that cancellation times ps^2/|lambda| (ps = sum of |invariants|)
/// exceeds eps^(-1/2): near-collinear momenta put the stationary point ~1/lambda away and the
/// arguments inherit that conditioning, which the sum's cancellation does not show
/// (docs/physics.md §2.1.3; e.g. 1e-7 relative at loss 2e3, ps^2/lambda = 3e5).
template <class T>
inline bool c0_needs_quadrature(const C0Eval<T>& r, const T& lam, const T& ps) noexcept {
  using std::abs;
  using std::sqrt;
  const T eps = std::numeric_limits<T>::epsilon();
  if (r.loss * sqrt(sqrt(eps)) > T(1)) return true;
  return r.loss * (ps * ps / abs(lam)) * sqrt(eps) > T(1);
}

/// Acceptance of the one-pole result (docs/physics.md (C0.8)): cancellation estimate
/// L <= eps^(-1/4)/16 (508 in double), (sigma - r) conditioning cond <= eps^(-5/16) (7.8e4) and
/// L ps^2/|lambda| <= eps^(-5/16) (near-collinear momenta, invisible in L). Chosen on the
/// 1e4-point double-vs-50-digit sample (docs/validation.md): accepted regular points reach
/// 9e-12 there (the apex decomposition 1.8e-11), near-singular ones 2.7e-9 (apex 4e-7).
template <class T>
inline bool c0_one_pole_ok(const C0Eval<T>& f, const T& cond, const T& lam,
                           const T& ps) noexcept {
  using std::abs;
  using std::sqrt;
  const T e16 = sqrt(sqrt(sqrt(sqrt(std::numeric_limits<T>::epsilon()))));  // eps^(1/16)
  const T e4 = (e16 * e16) * (e16 * e16);
  const T e516 = e4 * e16;
  if (!(f.loss * e4 * T(16) <= T(1))) return false;  // also catches NaN
  if (!(cond * e516 <= T(1))) return false;
  return f.loss * (ps * ps / abs(lam)) * e516 <= T(1);
}

/// True when F > 0 on the simplex except possibly at vertices (all below thresholds).
template <class T>
inline bool c0_euclidean(const T& s01, const T& s12, const T& s02,
                         const std::array<T, 3>& m) noexcept {
  const std::array<T, 3> ae{s01, s12, s02};
  for (int e = 0; e < 3; ++e) {
    const T ma = m[e];
    const T mb = m[(e + 1) % 3];
    const T a = ae[e];
    const T b = mb - ma - a;  // F_e = a s^2 + b s + ma
    if (a > T(0)) {
      const T smin = -b / (T(2) * a);
      if (smin > T(0) && smin < T(1) && ma - b * b / (T(4) * a) <= T(0)) return false;
    }
  }
  // interior minimum
  const T h = (s01 + s02 - s12) / T(2);
  const T det = s01 * s02 - h * h;
  if (s01 > T(0) && det > T(0)) {
    const T g0 = m[1] - m[0] - s01;
    const T g1 = m[2] - m[0] - s02;
    const T P0 = -(s02 * g0 - h * g1) / (T(2) * det);
    const T P1 = -(s01 * g1 - h * g0) / (T(2) * det);
    if (P0 > T(0) && P1 > T(0) && P0 + P1 < T(1)) {
      const T F0 = m[0] + (g0 * P0 + g1 * P1) / T(2);
      if (F0 <= T(0)) return false;
    }
  }
  return true;
}

/// -int_S 1/F by nested tanh-sinh quadrature (fallback for points below all thresholds where
/// the analytic form cancels; tanh-sinh copes with the end-point singularities that zero masses
/// put at the corners). Variables x1 in [0,1], x2 = t (1 - x1), t in [0,1].
template <class T>
inline T c0_quadrature(const T& s01, const T& s12, const T& s02,
                       const std::array<T, 3>& m) noexcept {
  boost::math::quadrature::tanh_sinh<T> ts;
  const T h = (s01 + s02 - s12) / T(2);
  const T g0 = m[1] - m[0] - s01;
  const T g1 = m[2] - m[0] - s02;
  using std::pow;
  // tanh-sinh converges quadratically in its level: a level difference of eps^(2/3) leaves
  // an error near eps on these analytic integrands
  const T tol = pow(std::numeric_limits<T>::epsilon(), T(2) / T(3));
  const auto inner = [&](const T& x1) {
    const T len = T(1) - x1;
    const auto f = [&](const T& t) {
      const T x2 = t * len;
      return len / (s01 * x1 * x1 + T(2) * h * x1 * x2 + s02 * x2 * x2 + g0 * x1 + g1 * x2 + m[0]);
    };
    return ts.integrate(f, T(0), T(1), tol);
  };
  try {  // Boost.Math reports a non-finite integrand by throwing: map to NaN
    return -ts.integrate(inner, T(0), T(1), tol);
  } catch (...) {
    return scalar_nan<T>();
  }
}

/// C0 at Gram determinant lambda = 0 with s01 != 0: the momenta are collinear, k2 = (1 + c) k1,
/// and c D0 - (1 + c) D1 + D2 = K is constant (partial fractions):
/// C0 = [c B0(s12; m1, m2) - (1 + c) B0(s02; m0, m2) + B0(s01; m0, m1)] / K.
template <class T>
inline std::complex<T> c0_collinear(const T& s01, const T& s12, const T& s02,
                                    const std::array<T, 3>& m) noexcept {
  using std::abs;
  using std::sqrt;
  const T ratio = s02 / s01;
  if (ratio < T(0)) return scalar_cnan<T>();
  const T rt = sqrt(ratio);
  const T ca = -T(1) + rt;
  const T cb = -T(1) - rt;
  const T target = s12 / s01;
  const T c = abs(ca * ca - target) <= abs(cb * cb - target) ? ca : cb;
  const T K = -c * m[0] + (T(1) + c) * m[1] - m[2] + c * (T(1) + c) * s01;
  if (K == T(0)) return scalar_cnan<T>();
  return (c * B0<T>(s12, m[1], m[2]) - (T(1) + c) * B0<T>(s02, m[0], m[2]) +
          B0<T>(s01, m[0], m[1])) /
         K;
}

}  // namespace darkloops::loop::detail
