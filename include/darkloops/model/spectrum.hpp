// SPDX-License-Identifier: MIT
// Dark-sector mass spectrum: charged (eta1+, eta2+, phi+) 3x3 with the mu v/sqrt2 mixing,
// CP-even/odd neutral 2x2 blocks with lambda5, leptoquark components and N
// (docs/physics.md §3, M2–M3). Masses ascending; mixing-matrix phase convention: in every
// column the component of largest modulus (the first within 1e-12 on ties) is real and positive.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <sstream>

#include "darkloops/core/error.hpp"
#include "darkloops/core/types.hpp"
#include "darkloops/inputs/sm.hpp"
#include "darkloops/model/parameters.hpp"

namespace darkloops {

struct Spectrum {            // masses in GeV, ascending within each family
  double M_N = 0.0;
  Eigen::Vector3d m_H = Eigen::Vector3d::Zero();  ///< charged dark scalars H_k^+, k = 0..2
  Matrix3c U_H = Matrix3c::Identity();            ///< (eta1+, eta2+, phi+)_i = sum_k U_H(i,k) H_k^+
  Eigen::Vector2d m_R = Eigen::Vector2d::Zero();  ///< CP-even neutral eta masses
  Eigen::Vector2d m_I = Eigen::Vector2d::Zero();  ///< CP-odd neutral eta masses
  Eigen::Matrix2d O_R = Eigen::Matrix2d::Identity();  ///< eta_{R,a} = sum_k O_R(a,k) R_k
  Eigen::Matrix2d O_I = Eigen::Matrix2d::Identity();  ///< eta_{I,a} = sum_k O_I(a,k) I_k
  Eigen::Vector2d m_eta0 = Eigen::Vector2d::Zero();   ///< lambda5-independent neutral masses
  double m_S_d = 0.0;        ///< S^{-1/3}
  double m_S_u = 0.0;        ///< S^{2/3}
  Matrix3c M2_charged = Matrix3c::Zero();  ///< charged mass^2 matrix in the (eta1+, eta2+, phi+) basis [GeV^2]
  Eigen::Vector2d m2_R = Eigen::Vector2d::Zero();  ///< squared CP-even masses [GeV^2] (exact eigenvalues)
  Eigen::Vector2d m2_I = Eigen::Vector2d::Zero();  ///< squared CP-odd masses [GeV^2]
};

namespace detail {

/// Eigen-decomposition of the real symmetric 2x2 [[a, b], [b, c]] by one Jacobi rotation with
/// |angle| <= pi/4: returns eigenvalues (e0, e1) and the rotation Q = [[cs, sn], [-sn, cs]] with
/// M = Q diag(e0, e1) Q^T; e0 belongs to the first column (NOT sorted). b = 0 gives Q = 1 exactly.
struct Sym2Eigen {
  double e0, e1, cs, sn;
};
inline Sym2Eigen sym2_jacobi(double a, double b, double c) {
  if (b == 0.0) return {a, c, 1.0, 0.0};
  const double tau = (c - a) / (2.0 * b);
  const double t = (tau >= 0.0 ? 1.0 : -1.0) / (std::abs(tau) + std::sqrt(1.0 + tau * tau));
  const double cs = 1.0 / std::sqrt(1.0 + t * t);
  const double sn = t * cs;
  return {a - t * b, c + t * b, cs, sn};
}

/// Sorted (ascending) eigen-decomposition of a real symmetric 2x2, columns with largest
/// component positive. Returns eigenvalues; O receives the eigenvectors as columns.
inline Eigen::Vector2d sym2_sorted(const Eigen::Matrix2d& M, Eigen::Matrix2d& O) {
  const auto j = sym2_jacobi(M(0, 0), 0.5 * (M(0, 1) + M(1, 0)), M(1, 1));
  Eigen::Vector2d e(j.e0, j.e1);
  O << j.cs, j.sn, -j.sn, j.cs;
  if (e(1) < e(0)) {
    std::swap(e(0), e(1));
    O.col(0).swap(O.col(1));
  }
  for (int k = 0; k < 2; ++k) {
    const double amax = O.col(k).cwiseAbs().maxCoeff();
    int imax = 0;
    while (std::abs(O(imax, k)) < amax * (1.0 - 1e-12)) ++imax;
    if (O(imax, k) < 0.0) O.col(k) = -O.col(k);
  }
  return e;
}

/// Phase convention for complex eigenvectors: the largest-modulus component of each column real > 0.
inline void fix_column_phases(Matrix3c& U) {
  for (int k = 0; k < 3; ++k) {
    // first component within 1e-12 of the largest modulus (deterministic on ties)
    const double amax = U.col(k).cwiseAbs().maxCoeff();
    int imax = 0;
    while (std::abs(U(imax, k)) < amax * (1.0 - 1e-12)) ++imax;
    const double a = std::abs(U(imax, k));
    if (a > 0.0) U.col(k) *= std::conj(U(imax, k)) / a;
    U(imax, k) = cplx(std::abs(U(imax, k)), 0.0);
  }
}

}  // namespace detail

/// Charged mass^2 matrix, basis (eta1+, eta2+, phi+), V ⊃ Phi^dag M^2 Phi, with
/// M^2(a,phi) = -conj(mu_a) v/sqrt2, M^2(phi,a) = -mu_a v/sqrt2 (epsilon^{12} = +1; physics.md M2).
inline Matrix3c charged_mass_matrix(const Parameters& p) {
  const double vs = inputs::sm::v / std::sqrt(2.0);
  Matrix3c M = Matrix3c::Zero();
  M(0, 0) = p.m_etapm(0) * p.m_etapm(0);
  M(1, 1) = p.m_etapm(1) * p.m_etapm(1);
  M(2, 2) = p.m_phi * p.m_phi;
  for (int a = 0; a < 2; ++a) {
    M(a, 2) = -std::conj(p.mu(a)) * vs;
    M(2, a) = -p.mu(a) * vs;
  }
  return M;
}

/// CP-even / CP-odd neutral mass^2 matrices M0^2 +- (v^2/2) lambda5 (physics.md M3).
inline Eigen::Matrix2d neutral_mass_matrix(const Parameters& p, int cp_sign) {
  Eigen::Matrix2d M = Eigen::Matrix2d::Zero();
  M(0, 0) = p.m_eta0(0) * p.m_eta0(0);
  M(1, 1) = p.m_eta0(1) * p.m_eta0(1);
  const double h = 0.5 * inputs::sm::v * inputs::sm::v;
  M += (cp_sign * h) * 0.5 * (p.lambda5 + p.lambda5.transpose());
  return M;
}

/// Spectrum of a parameter point. Throws physical_problem for a tachyonic (or massless)
/// charged or neutral state. Assumes the masses were validated (finite, > 0).
inline Spectrum compute_spectrum(const Parameters& p) {
  Spectrum s;
  s.M_N = p.M_N;
  s.m_S_d = p.m_S_d;
  s.m_S_u = p.m_S_u;
  s.m_eta0 = p.m_eta0;

  s.M2_charged = charged_mass_matrix(p);
  Eigen::Vector3d ev;
  if (p.mu(0) == 0.0 && p.mu(1) == 0.0) {
    // no mixing: U_H is the permutation sorting the diagonal (stable: eta1+, eta2+, phi+ on ties),
    // which also fixes the basis inside a degenerate eta1+/eta2+ pair
    int order[3] = {0, 1, 2};
    const Eigen::Vector3d d = s.M2_charged.diagonal().real();
    std::stable_sort(order, order + 3, [&](int i, int j) { return d(i) < d(j); });
    s.U_H.setZero();
    for (int k = 0; k < 3; ++k) {
      ev(k) = d(order[k]);
      s.U_H(order[k], k) = 1.0;
    }
  } else {
    // rephase eta_a^+ so that the arrowhead matrix is real: M = P Mr P^dag, P = diag(e^{i arg M(a,2)}, 1)
    Vector3c ph(cplx(1.0), cplx(1.0), cplx(1.0));
    Matrix3d Mr = Matrix3d::Zero();
    for (int a = 0; a < 3; ++a) Mr(a, a) = s.M2_charged(a, a).real();
    for (int a = 0; a < 2; ++a) {
      const double r = std::abs(s.M2_charged(a, 2));
      if (r > 0.0) ph(a) = s.M2_charged(a, 2) / r;
      Mr(a, 2) = Mr(2, a) = r;
    }
    Eigen::SelfAdjointEigenSolver<Matrix3d> es(Mr);
    ev = es.eigenvalues();  // ascending
    s.U_H = ph.asDiagonal() * es.eigenvectors().cast<cplx>();
    detail::fix_column_phases(s.U_H);
  }
  if (!(ev(0) > 0.0)) {
    std::ostringstream os;
    os.precision(10);
    os << "darkloops: tachyonic charged dark scalar: lowest eigenvalue of the (eta1+, eta2+, phi+) "
          "mass matrix = "
       << ev(0) << " GeV^2 (mu_1 = " << p.mu(0) << ", mu_2 = " << p.mu(1) << " GeV, m_etapm = ("
       << p.m_etapm(0) << ", " << p.m_etapm(1) << "), m_phi = " << p.m_phi << " GeV): |mu| too large";
    throw physical_problem(os.str());
  }
  s.m_H = ev.cwiseSqrt();

  for (int cp = 0; cp < 2; ++cp) {
    const Eigen::Matrix2d M = neutral_mass_matrix(p, cp == 0 ? +1 : -1);
    Eigen::Matrix2d O;
    const Eigen::Vector2d e = detail::sym2_sorted(M, O);
    if (!(e(0) > 0.0)) {
      std::ostringstream os;
      os.precision(10);
      os << "darkloops: tachyonic " << (cp == 0 ? "CP-even" : "CP-odd")
         << " neutral eta: lowest mass^2 = " << e(0) << " GeV^2 (lambda5 = [[" << p.lambda5(0, 0) << ", "
         << p.lambda5(0, 1) << "], [" << p.lambda5(1, 0) << ", " << p.lambda5(1, 1) << "]], m_eta0 = ("
         << p.m_eta0(0) << ", " << p.m_eta0(1) << ") GeV)";
      throw physical_problem(os.str());
    }
    if (cp == 0) {
      s.m2_R = e;
      s.m_R = e.cwiseSqrt();
      s.O_R = O;
    } else {
      s.m2_I = e;
      s.m_I = e.cwiseSqrt();
      s.O_I = O;
    }
  }
  return s;
}

}  // namespace darkloops
