// SPDX-License-Identifier: MIT
// One-loop neutrino masses m_nu = Y_N Sigma Y_N^T (docs/physics.md §3 M5, M7):
//   Sigma = M_N/(32 pi^2) [g(M_R^2) - g(M_I^2)],  g(x) = x ln(x/M_N^2)/(x - M_N^2)   (exact)
//   Sigma_ab ~ v^2 lambda5_ab M_N g[m_a^2, m_b^2]/(32 pi^2)                           ([P] eq. (6))
// evaluated without the R - I cancellation, and the derived observables (Takagi factorisation).
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <complex>
#include <string>

#include "darkloops/core/error.hpp"
#include "darkloops/core/types.hpp"
#include "darkloops/inputs/sm.hpp"
#include "darkloops/model/oscillation.hpp"

namespace darkloops {

namespace detail {

/// First divided difference of ln: ln[x,y] = (ln x - ln y)/(x - y), ln[x,x] = 1/x; x, y > 0.
/// Close arguments use log1p, so the relative error stays ~1e-16 for all x, y > 0.
inline double dd_ln(double x, double y) noexcept {
  if (x == y) return 1.0 / x;
  const double r = x / y;
  if (r < 0.5 || r > 2.0) return (std::log(x) - std::log(y)) / (x - y);
  const double d = x - y;
  return std::log1p(d / y) / d;
}

/// Second divided difference ln[x,y,z] (symmetric); series about the middle point when the
/// three arguments lie within 5% (relative error of the direct form <= eps c/(z-x) otherwise).
inline double dd_ln(double x, double y, double z) noexcept {
  if (x > y) std::swap(x, y);
  if (y > z) std::swap(y, z);
  if (x > y) std::swap(x, y);
  if (z - x > 0.05 * x) return (dd_ln(y, z) - dd_ln(x, y)) / (z - x);
  // ln[x,y,z] = sum_{n>=2} (-1)^{n-1}/(n c^n) h_{n-2}(x-c, z-c), c = y (h: complete homogeneous)
  const double a = (x - y) / y, b = (z - y) / y;
  double h = 1.0;      // h_0
  double apow = 1.0;   // a^m
  double sum = 0.0;
  double sign = -1.0;  // (-1)^{n-1} for n = 2
  for (int n = 2; n <= 18; ++n) {
    sum += sign * h / n;
    sign = -sign;
    apow *= a;
    h = b * h + apow;  // h_{m+1}(a,b) = b h_m + a^{m+1}
  }
  return sum / (y * y);
}

/// G(u) = u ln(u)/(u - 1) and its divided differences, u = x/M_N^2 > 0 (physics.md M5):
/// G(u) = u ln[1,u];  G[u1,u2] = u1 ln[1,u1,u2] + ln[1,u2]  (Leibniz rule), G[u,u] = G'(u).
inline double G_fn(double u) noexcept { return u * dd_ln(1.0, u); }
inline double G_dd(double u1, double u2) noexcept {
  if (u1 > u2) std::swap(u1, u2);  // exactly symmetric in floating point
  return u1 * dd_ln(1.0, u1, u2) + dd_ln(1.0, u2);
}

/// One Jacobi rotation diagonalising the symmetric 2x2 B (|angle| <= pi/4; Golub–Van Loan §8.5):
/// B = Q diag(e0, e1) Q^T, eigenvalues unsorted.
inline Eigen::Matrix2d jacobi2(const Eigen::Matrix2d& B, double& e0, double& e1) {
  const double a = B(0, 0), b = B(0, 1), c = B(1, 1);
  double cs = 1.0, sn = 0.0;
  e0 = a;
  e1 = c;
  if (b != 0.0) {
    const double tau = (c - a) / (2.0 * b);
    const double t = (tau >= 0.0 ? 1.0 : -1.0) / (std::abs(tau) + std::sqrt(1.0 + tau * tau));
    cs = 1.0 / std::sqrt(1.0 + t * t);
    sn = t * cs;
    e0 = a - t * b;
    e1 = c + t * b;
  }
  Eigen::Matrix2d Q;
  Q << cs, sn, -sn, cs;
  return Q;
}

/// Frechet derivative of the matrix function G at the symmetric 2x2 B in direction E
/// (Daleckii–Krein): Q (G[b_i,b_j] o (Q^T E Q)) Q^T.
inline Eigen::Matrix2d G_frechet(const Eigen::Matrix2d& B, const Eigen::Matrix2d& E) {
  double e0 = 0.0, e1 = 0.0;
  const Eigen::Matrix2d Q = jacobi2(B, e0, e1);
  Eigen::Matrix2d F = Q.transpose() * E * Q;
  F(0, 0) *= G_dd(e0, e0);
  F(1, 1) *= G_dd(e1, e1);
  const double g01 = G_dd(e0, e1);
  F(0, 1) *= g01;
  F(1, 0) *= g01;
  return Q * F * Q.transpose();
}

/// G of a symmetric 2x2 with positive eigenvalues, as a matrix function.
inline Eigen::Matrix2d G_matrix(const Eigen::Matrix2d& B) {
  double e0 = 0.0, e1 = 0.0;
  const Eigen::Matrix2d Q = jacobi2(B, e0, e1);  // (no Eigen eigensolver: ~3.5 s compile time per TU)
  return Q * Eigen::Vector2d(G_fn(e0), G_fn(e1)).asDiagonal() * Q.transpose();
}

}  // namespace detail

/// Exact one-loop Sigma (2x2, GeV) from the lambda5-independent neutral masses m0 [GeV], lambda5
/// (real symmetric) and M_N:  Sigma = M_N/(32 pi^2) [G(A + E) - G(A - E)] with A = diag(m0^2)/M_N^2,
/// E = v^2 lambda5/(2 M_N^2). Small splittings (eps = |E|/min A < 1e-2): Sigma = M_N/(32pi^2)
/// int_{-1}^{1} dt DG(A + tE)[E] by 1/2/4-point Gauss–Legendre (error O(eps^2n) <= 1e-16, no
/// cancellation); otherwise the direct difference (relative cancellation loss <= 1/eps <= 100).
inline Eigen::Matrix2d sigma_exact(const Eigen::Vector2d& m0, const Eigen::Matrix2d& lambda5, double M_N,
                                   double v = inputs::sm::v) {
  const double M2 = M_N * M_N;
  Eigen::Matrix2d A = Eigen::Matrix2d::Zero();
  A(0, 0) = m0(0) * m0(0) / M2;
  A(1, 1) = m0(1) * m0(1) / M2;
  const Eigen::Matrix2d E = (0.5 * v * v / M2) * 0.5 * (lambda5 + lambda5.transpose());
  const double pref = M_N / (32.0 * pi * pi);
  const double eps = (std::abs(E(0, 0)) + std::abs(E(0, 1)) + std::abs(E(1, 1))) / std::min(A(0, 0), A(1, 1));
  // n-point Gauss–Legendre is exact through t^(2n-1); the t^k term of the integrand is O(eps^k)
  // relative, so the error is O(eps^(2n)): n = 1 for eps < 1e-8, 2 for eps < 1e-4, 4 for eps < 1e-2.
  if (eps < 1e-8) return (2.0 * pref) * detail::G_frechet(A, E);
  if (eps < 1e-4) {
    const double x = 0.5773502691896257645091488;  // 1/sqrt(3), weights 1
    return pref * (detail::G_frechet(A + x * E, E) + detail::G_frechet(A - x * E, E));
  }
  if (eps < 1e-2) {
    static constexpr double x[2] = {0.3399810435848562648026658, 0.8611363115940525752239465};
    static constexpr double w[2] = {0.6521451548625461426269361, 0.3478548451374538573730639};
    Eigen::Matrix2d S = Eigen::Matrix2d::Zero();
    for (int i = 0; i < 2; ++i) {
      S += w[i] * (detail::G_frechet(A + x[i] * E, E) + detail::G_frechet(A - x[i] * E, E));
    }
    return pref * S;
  }
  const Eigen::Matrix2d S = pref * (detail::G_matrix(A + E) - detail::G_matrix(A - E));
  return 0.5 * (S + S.transpose());
}

/// [P] eq. (6) (first order in lambda5), in its divided-difference form
/// Sigma_ab = v^2 lambda5_ab G[m_a^2/M^2, m_b^2/M^2]/(32 pi^2 M_N): symmetric in a <-> b and
/// continuous at m_a = m_b and at m = M_N.
inline Eigen::Matrix2d sigma_small_lambda5(const Eigen::Vector2d& m0, const Eigen::Matrix2d& lambda5, double M_N,
                                           double v = inputs::sm::v) {
  const double M2 = M_N * M_N;
  const double u[2] = {m0(0) * m0(0) / M2, m0(1) * m0(1) / M2};
  Eigen::Matrix2d S;
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b) S(a, b) = 0.5 * (lambda5(a, b) + lambda5(b, a)) * detail::G_dd(u[a], u[b]);
  return (v * v / (32.0 * pi * pi * M_N)) * S;
}

/// Light-neutrino mass matrix m_nu = Y_N Sigma Y_N^T [GeV] (complex symmetric).
inline Matrix3c neutrino_mass_matrix(const Matrix32c& Y_N, const Eigen::Matrix2d& Sigma) {
  const Matrix3c m = Y_N * Sigma.cast<cplx>() * Y_N.transpose();
  return 0.5 * (m + m.transpose());
}

/// Observables derived from m_nu = U^* diag(m) U^dag (Takagi), PDG conventions (physics.md M7).
struct NeutrinoObservables {
  Ordering ordering = Ordering::normal;  ///< inferred from the spectrum
  Vector3d masses_eV = Vector3d::Zero(); ///< (m1, m2, m3) [eV], PDG labels
  Vector3d sorted_masses_eV = Vector3d::Zero();  ///< ascending [eV]
  double dm21_sq_eV2 = 0.0;   ///< m2^2 - m1^2
  double dm31_sq_eV2 = 0.0;   ///< m3^2 - m1^2 (negative for IO)
  double dm32_sq_eV2 = 0.0;   ///< m3^2 - m2^2
  double sin2_theta12 = 0.0, sin2_theta23 = 0.0, sin2_theta13 = 0.0;
  double delta_cp = 0.0;  ///< [rad], in [0, 2 pi) (within 1e-12 of 2 pi -> 0)
  /// Majorana phases [rad] in [0, 2 pi). With a massless state only one is physical: NO reports
  /// alpha21 = 0 and alpha31 = (alpha31 - alpha21) of the input; IO reports alpha31 = 0.
  double alpha21 = 0.0, alpha31 = 0.0;
  double m_bb_eV = 0.0;   ///< |sum_i U_ei^2 m_i| = |(m_nu)_ee|
  double sum_eV = 0.0;    ///< m1 + m2 + m3
  double jarlskog = 0.0;  ///< Im(U_e1 U_mu2 U_e2^* U_mu1^*)
  Matrix3c U = Matrix3c::Identity();  ///< Takagi unitary: U^T m_nu U = diag(m) (PDG column order)
};

namespace detail {
inline double wrap_2pi(double x) {
  x = std::fmod(x, 2.0 * pi);
  if (x < 0.0) x += 2.0 * pi;
  if (x >= 2.0 * pi - 1e-12) x = 0.0;  // 2 pi - rounding is reported as 0
  return x;
}

/// Eigen-decomposition of a 3x3 Hermitian H by classical complex Jacobi rotations (largest
/// off-diagonal pivot first; docs/physics.md M7): V^dag H V = diag(ev), columns of V
/// orthonormal, eigenvalues ascending. Each rotation is the complex Givens rotation [[c, s e^{iφ}], [-s e^{-iφ}, c]] on (p, q), H_pq = r e^{iφ},
/// tan 2θ = 2r/(H_qq - H_pp). Converged when every |H_pq| <= 1e-18 max|H_ij|, or exactly 0
/// (about 8 rotations; capped at 40). H should be scaled to O(1) entries.
inline void hermitian_eigen3(const Matrix3c& H, Vector3d& ev, Matrix3c& V) noexcept {
  // real arithmetic on split arrays: d = diagonal, (xr, xi)[o] = H_pq for the pair opposite o,
  // i.e. x[2] = H_01, x[1] = H_02, x[0] = H_12; v = columns of V
  double d[3] = {H(0, 0).real(), H(1, 1).real(), H(2, 2).real()};
  double xr[3] = {H(1, 2).real(), H(0, 2).real(), H(0, 1).real()};
  double xi[3] = {H(1, 2).imag(), H(0, 2).imag(), H(0, 1).imag()};
  double vr[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, vi[3][3] = {};  // v[i][col]
  double scale = 0.0;
  for (int i = 0; i < 3; ++i) scale = std::max({scale, std::abs(d[i]), std::abs(xr[i]) + std::abs(xi[i])});
  const double tol2 = (1e-18 * scale) * (1e-18 * scale);
  static constexpr int P[3] = {1, 0, 0}, Q[3] = {2, 2, 1};  // the pair opposite o
  for (int it = 0; it < 40; ++it) {  // quadratic convergence: ~8 rotations; 40 is a safety cap
    {
      int o = 0;
      double r2 = xr[0] * xr[0] + xi[0] * xi[0];
      for (int j = 1; j < 3; ++j) {
        const double nj = xr[j] * xr[j] + xi[j] * xi[j];
        if (nj > r2) {
          o = j;
          r2 = nj;
        }
      }
      if (!(r2 > tol2)) break;
      const int p = P[o], q = Q[o];
      // U = [[c, σ], [-σ^*, c]] on (p, q), σ = s e^{i arg H_pq}; with Δ = H_qq - H_pp,
      // ρ = sqrt(Δ^2 + 4 r^2), w = ρ + |Δ|: t r = tan(θ) r = ±2 r^2/w, c = sqrt(w/(2ρ)),
      // σ = ±sqrt(2/(ρ w)) H_pq (short dependency chain; first order when 2r/|Δ| < 1e-8)
      const double delta = d[q] - d[p], adelta = std::abs(delta), sg = delta < 0.0 ? -1.0 : 1.0;
      double c, sr, tr;
      if (4.0 * r2 < 1e-16 * delta * delta) {
        c = 1.0;
        sr = 1.0 / delta;
        tr = r2 * sr;
      } else {
        const double rho = std::sqrt(delta * delta + 4.0 * r2), w = rho + adelta;
        c = std::sqrt(w / (2.0 * rho));
        sr = sg * std::sqrt(2.0 / (rho * w));
        tr = sg * 2.0 * r2 / w;
      }
      const double gr = sr * xr[o], gi = sr * xi[o];  // σ
      d[p] -= tr;
      d[q] += tr;
      xr[o] = xi[o] = 0.0;
      // x[q] holds H for the pair (o, p) with the smaller index first: H_op = x[q] if o < p, else conj
      const double sp = o < p ? 1.0 : -1.0, sq = o < q ? 1.0 : -1.0;
      const double opr = xr[q], opi = sp * xi[q];  // H_op
      const double oqr = xr[p], oqi = sq * xi[p];  // H_oq
      // H'_op = c H_op - σ^* H_oq,  H'_oq = σ H_op + c H_oq  (the same for the rows of V)
      const double ypr = c * opr - (gr * oqr + gi * oqi), ypi = c * opi - (gr * oqi - gi * oqr);
      const double yqr = c * oqr + (gr * opr - gi * opi), yqi = c * oqi + (gr * opi + gi * opr);
      xr[q] = ypr;
      xi[q] = sp * ypi;
      xr[p] = yqr;
      xi[p] = sq * yqi;
      for (int i = 0; i < 3; ++i) {
        const double pr = vr[i][p], pim = vi[i][p], qr = vr[i][q], qim = vi[i][q];
        vr[i][p] = c * pr - (gr * qr + gi * qim);
        vi[i][p] = c * pim - (gr * qim - gi * qr);
        vr[i][q] = c * qr + (gr * pr - gi * pim);
        vi[i][q] = c * qim + (gr * pim + gi * pr);
      }
    }
  }
  int idx[3] = {0, 1, 2};  // ascending order
  if (d[idx[0]] > d[idx[1]]) std::swap(idx[0], idx[1]);
  if (d[idx[1]] > d[idx[2]]) std::swap(idx[1], idx[2]);
  if (d[idx[0]] > d[idx[1]]) std::swap(idx[0], idx[1]);
  for (int k = 0; k < 3; ++k) {
    ev(k) = d[idx[k]];
    for (int i = 0; i < 3; ++i) V(i, k) = cplx(vr[i][idx[k]], vi[i][idx[k]]);
  }
}
}  // namespace detail

namespace detail {
/// Takagi phase e^{i beta} = principal sqrt(conj(d)/|d|) of d = dr + i di, |d| = ad > 0, so that
/// e^{2 i beta} d = |d| (half-angle formula, no trigonometric calls).
inline cplx takagi_phase(double dr, double di, double ad) noexcept {
  const double inv = 1.0 / ad;
  const double zr = dr * inv, zi = -di * inv;  // z = conj(d)/|d|
  double re, im;
  if (zr >= 0.0) {
    re = std::sqrt(0.5 * (1.0 + zr));
    im = zi / (2.0 * re);
  } else {
    im = std::copysign(std::sqrt(0.5 * (1.0 - zr)), zi);
    re = zi / (2.0 * im);
  }
  return {re, im};
}

/// PDG labels, splittings, angles and phases (physics.md M7) from the Takagi masses mk [eV]
/// (ascending), the Takagi columns W (W^T m W = diag(mk)) and |(m_nu)_ee| [eV].
inline NeutrinoObservables takagi_observables(const Vector3d& mk, const Matrix3c& W, double m_ee_abs_eV) {
  NeutrinoObservables o;
  o.sorted_masses_eV = mk;
  // PDG labels: nu1, nu2 form the pair with the smaller splitting
  const double d01 = mk(1) * mk(1) - mk(0) * mk(0), d12 = mk(2) * mk(2) - mk(1) * mk(1);
  int idx[3];
  if (d01 <= d12) {
    o.ordering = Ordering::normal;
    idx[0] = 0; idx[1] = 1; idx[2] = 2;
  } else {
    o.ordering = Ordering::inverted;
    idx[0] = 1; idx[1] = 2; idx[2] = 0;
  }
  for (int i = 0; i < 3; ++i) {
    o.U.col(i) = W.col(idx[i]);
    o.masses_eV(i) = mk(idx[i]);
  }
  const Vector3d& ms = o.masses_eV;
  o.dm21_sq_eV2 = ms(1) * ms(1) - ms(0) * ms(0);
  o.dm31_sq_eV2 = ms(2) * ms(2) - ms(0) * ms(0);
  o.dm32_sq_eV2 = ms(2) * ms(2) - ms(1) * ms(1);
  o.sum_eV = ms.sum();
  o.m_bb_eV = m_ee_abs_eV;

  const Matrix3c& U = o.U;
  const double s13sq = std::norm(U(0, 2));
  const double c13sq = 1.0 - s13sq;
  o.sin2_theta13 = s13sq;
  o.sin2_theta12 = std::norm(U(0, 1)) / c13sq;
  o.sin2_theta23 = std::norm(U(1, 2)) / c13sq;
  const double s12 = std::sqrt(o.sin2_theta12), c12 = std::sqrt(1.0 - o.sin2_theta12);
  const double s23 = std::sqrt(o.sin2_theta23), c23 = std::sqrt(1.0 - o.sin2_theta23);
  const double s13 = std::sqrt(s13sq);
  o.jarlskog = std::imag(U(0, 0) * U(1, 1) * std::conj(U(0, 1)) * std::conj(U(1, 0)));
  // J = c12 s12 c23 s23 c13^2 s13 sin(delta);
  // |U_tau1|^2 = s12^2 s23^2 + c12^2 c23^2 s13^2 - 2 s12 s23 c12 c23 s13 cos(delta)
  const double norm = c12 * s12 * c23 * s23 * s13;
  if (norm > 0.0) {
    const double sind = o.jarlskog / (norm * c13sq);
    const double cosd = (s12 * s12 * s23 * s23 + c12 * c12 * c23 * c23 * s13sq - std::norm(U(2, 0))) / (2.0 * norm);
    o.delta_cp = detail::wrap_2pi(std::atan2(sind, cosd));
  }
  // Majorana phases: U_e2 U_e1^* = s12 c12 c13^2 e^{i a21/2}; U_e3 U_e1^* = s13 c12 c13 e^{i(a31/2 - delta)}
  const double mmax = ms.maxCoeff();
  const bool massless1 = ms(0) < 1e-9 * mmax, massless3 = ms(2) < 1e-9 * mmax;
  if (massless1) {
    // only alpha31 - alpha21 physical: U_e3 U_e2^* = s13 s12 c13 e^{i((a31 - a21)/2 - delta)}
    o.alpha21 = 0.0;
    o.alpha31 = detail::wrap_2pi(2.0 * (std::arg(U(0, 2) * std::conj(U(0, 1))) + o.delta_cp));
  } else {
    o.alpha21 = detail::wrap_2pi(2.0 * std::arg(U(0, 1) * std::conj(U(0, 0))));
    o.alpha31 = massless3 ? 0.0 : detail::wrap_2pi(2.0 * (std::arg(U(0, 2) * std::conj(U(0, 0))) + o.delta_cp));
  }
  return o;
}

/// Throws invalid_input naming the first non-finite entry of a (complex or real) matrix input
/// (out of line and cold: the hot path only pays for allFinite).
template <class Matrix>
[[gnu::noinline, gnu::cold]] void throw_first_non_finite(const char* name, const Matrix& a) {
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    for (Eigen::Index j = 0; j < a.cols(); ++j)
      if (!std::isfinite(std::real(a(i, j))) || !std::isfinite(std::imag(a(i, j))))
        throw invalid_input(std::string(name) + "(" + std::to_string(i) + "," + std::to_string(j) + ")", a(i, j),
                            "must be finite");
}
template <class Matrix>
inline void require_finite_entries(const char* name, const Matrix& a) {
  if (!a.allFinite()) throw_first_non_finite(name, a);
}
}  // namespace detail

/// Takagi factorisation of the complex symmetric m_nu [GeV] and PDG observables.
/// Throws invalid_input on a non-finite entry of m_nu.
/// A state lighter than 1e-9 of the heaviest is treated as massless (its phase is unphysical).
/// H = m^dag m (scaled to O(1)) is diagonalised by detail::hermitian_eigen3; the Takagi phases
/// e^{-i arg(d)/2}, d = w^T m w, are the principal square roots of d^*/|d| (no trigonometry).
inline NeutrinoObservables neutrino_observables(const Matrix3c& m_nu_GeV) {
  detail::require_finite_entries("m_nu", m_nu_GeV);
  const Matrix3c m = m_nu_GeV * 1e9;  // eV
  double mmax_entry = 0.0;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) mmax_entry = std::max({mmax_entry, std::abs(m(i, j).real()), std::abs(m(i, j).imag())});
  const double unscale = mmax_entry > 0.0 && std::isfinite(mmax_entry) ? mmax_entry : 1.0, sc = 1.0 / unscale;
  const Matrix3c ms_ = m * sc;
  Vector3d ev;
  Matrix3c W;
  detail::hermitian_eigen3(ms_.adjoint() * ms_, ev, W);  // ascending m^2
  // Takagi phases: U = W diag(e^{i beta}), U^T m U = diag(m_k) >= 0; d_k = w_k^T m w_k from the
  // scaled matrix (entries <= 1: |d|^2 neither overflows nor underflows for physical inputs)
  Vector3d mk;
  for (int k = 0; k < 3; ++k) {
    double dr = 0.0, di = 0.0;
    for (int i = 0; i < 3; ++i) {
      double yr = 0.0, yi = 0.0;  // (m w)_i
      for (int j = 0; j < 3; ++j) {
        const cplx a = ms_(i, j), w = W(j, k);
        yr += a.real() * w.real() - a.imag() * w.imag();
        yi += a.real() * w.imag() + a.imag() * w.real();
      }
      const cplx w = W(i, k);
      dr += w.real() * yr - w.imag() * yi;
      di += w.real() * yi + w.imag() * yr;
    }
    const double ad = std::sqrt(dr * dr + di * di);
    mk(k) = ad * unscale;
    if (ad > 0.0) W.col(k) *= detail::takagi_phase(dr, di, ad);
  }
  return detail::takagi_observables(mk, W, std::sqrt(std::norm(ms_(0, 0))) * unscale);
}

/// Rank-2 fast path (physics.md M11): for m_nu = Y_N Sigma Y_N^T the vector u0 = y1 x y2 (columns
/// of Y_N, no conjugation) satisfies m_nu u0 = 0, so it is the Takagi column of the massless state;
/// the rest is the 2x2 Takagi factorisation of M = C Sigma C^T, C = B^T Y_N, in the orthonormal
/// basis B = (conj(y1)/|y1|, conj(u0 x e1)) of its complement. Falls back to the general 3x3 path
/// when |y1 x y2|^2 <= 1e-6 |y1|^2 |y2|^2 (nearly parallel columns) or when |y1 x y2|^2 overflows.
/// Throws invalid_input on a non-finite entry of Y_N or Sigma.
inline NeutrinoObservables neutrino_observables(const Matrix32c& Y_N, const Eigen::Matrix2d& Sigma) {
  const Vector3c y1 = Y_N.col(0), y2 = Y_N.col(1);
  const Vector3c v(y1(1) * y2(2) - y1(2) * y2(1), y1(2) * y2(0) - y1(0) * y2(2),
                   y1(0) * y2(1) - y1(1) * y2(0));  // y1 x y2, no conjugation
  const double n1 = y1.squaredNorm(), n2 = y2.squaredNorm(), nv = v.squaredNorm();
  // non-finite input: the scalar sums below are then non-finite (a finite sum that overflows
  // only triggers the entry-wise check, which passes); the throw path is out of line
  if (!std::isfinite(n1 + n2)) detail::require_finite_entries("Y_N", Y_N);
  if (!std::isfinite(Sigma(0, 0) + Sigma(0, 1) + Sigma(1, 0) + Sigma(1, 1)))
    detail::require_finite_entries("Sigma", Sigma);
  // |y1 x y2|^2 = |y1|^2 |y2|^2 - |y1^dag y2|^2: the threshold keeps the cancellation in v below
  // 1e3 eps relative (errors of u0 and of the complement basis ~ eps |y1||y2|/|v|)
  if (!(nv > 1e-6 * n1 * n2) || !std::isfinite(nv)) {
    return neutrino_observables(neutrino_mass_matrix(Y_N, Sigma));
  }
  const Vector3c u0 = v / std::sqrt(nv);
  const Vector3c e1 = y1.conjugate() / std::sqrt(n1);
  const Vector3c x(u0(1) * e1(2) - u0(2) * e1(1), u0(2) * e1(0) - u0(0) * e1(2),
                   u0(0) * e1(1) - u0(1) * e1(0));  // u0 x e1
  const Vector3c e2 = x.conjugate();  // unit, orthogonal to u0 and e1 (Hermitian)
  Eigen::Matrix<cplx, 3, 2> B;
  B.col(0) = e1;
  B.col(1) = e2;
  const Eigen::Matrix2cd C = B.transpose() * Y_N;
  const Eigen::Matrix2cd Ms = C * (1e9 * Sigma).cast<cplx>() * C.transpose();  // eV
  const cplx a = Ms(0, 0), b = 0.5 * (Ms(0, 1) + Ms(1, 0)), c = Ms(1, 1);
  const double mx = std::max({std::abs(a.real()), std::abs(a.imag()), std::abs(b.real()), std::abs(b.imag()),
                              std::abs(c.real()), std::abs(c.imag())});
  const double unscale = mx > 0.0 && std::isfinite(mx) ? mx : 1.0, sc = 1.0 / unscale;
  const cplx as = a * sc, bs = b * sc, cs = c * sc;
  // K = M^dag M = [[p, r], [r^*, q]]; one complex Jacobi rotation (as in hermitian_eigen3)
  const double p = std::norm(as) + std::norm(bs), q = std::norm(bs) + std::norm(cs);
  const cplx r = std::conj(as) * bs + std::conj(bs) * cs;
  const double r2 = std::norm(r), delta = q - p, adelta = std::abs(delta), sg = delta < 0.0 ? -1.0 : 1.0;
  double cr = 1.0, sr = 0.0;
  if (r2 > 0.0) {
    if (4.0 * r2 < 1e-16 * delta * delta) {
      sr = 1.0 / delta;
    } else {
      const double rho = std::sqrt(delta * delta + 4.0 * r2), w = rho + adelta;
      cr = std::sqrt(w / (2.0 * rho));
      sr = sg * std::sqrt(2.0 / (rho * w));
    }
  }
  const cplx sigma = sr * r;
  // eigenvectors: columns of [[c, sigma], [-sigma^*, c]]; column 0 is the lower one unless delta < 0
  Eigen::Matrix2cd V;
  V << cr, sigma, -std::conj(sigma), cr;
  if (delta < 0.0) V.col(0).swap(V.col(1));
  Vector3d mk(0.0, 0.0, 0.0);
  Matrix3c W;
  W.col(0) = u0;
  for (int k = 0; k < 2; ++k) {
    const cplx w0 = V(0, k), w1 = V(1, k);
    const cplx d = w0 * (as * w0 + bs * w1) + w1 * (bs * w0 + cs * w1);  // w^T M w (scaled)
    const double ad = std::abs(d);
    mk(k + 1) = ad * unscale;
    cplx ph(1.0, 0.0);
    if (ad > 0.0) ph = detail::takagi_phase(d.real(), d.imag(), ad);
    W.col(k + 1) = (B * V.col(k)) * ph;
  }
  if (mk(1) > mk(2)) {  // rounding when the two massive states are (nearly) degenerate
    std::swap(mk(1), mk(2));
    W.col(1).swap(W.col(2));
  }
  const cplx m_ee = 1e9 * (Y_N(0, 0) * (Sigma(0, 0) * Y_N(0, 0) + Sigma(0, 1) * Y_N(0, 1)) +
                           Y_N(0, 1) * (Sigma(1, 0) * Y_N(0, 0) + Sigma(1, 1) * Y_N(0, 1)));
  return detail::takagi_observables(mk, W, std::abs(m_ee));
}

}  // namespace darkloops
