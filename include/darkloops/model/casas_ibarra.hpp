// SPDX-License-Identifier: MIT
// Casas–Ibarra parametrisation adapted to the scotogenic loop, [P] eqs. (7),(8)
// (docs/physics.md §3 M6):  Y_N^T = V D_sigma^{-1/2} R D_sqrt(m) U_PMNS^dag,
// with Sigma = V diag(sigma) V^T (V real orthogonal, the rotation closest to 1) so that
// Y_N Sigma Y_N^T = U^* diag(m) U^dag. D_sqrt(Sigma) of [P] eq. (7) must be read as inverse roots.
#pragma once

#include <Eigen/Dense>
#include <cmath>
#include <complex>

#include "darkloops/core/error.hpp"
#include "darkloops/core/types.hpp"
#include "darkloops/model/oscillation.hpp"

namespace darkloops {

/// R of [P] eq. (8) for normal ordering (zero first column, m1 = 0) and its inverted-ordering
/// analogue (zero third column, m3 = 0): NO ((0, c, -s), (0, s, c)); IO ((c, -s, 0), (s, c, 0)).
/// R R^T = 1 for any complex theta.
inline Matrix23c casas_ibarra_R(cplx theta, Ordering o) {
  const cplx c = std::cos(theta), s = std::sin(theta);
  Matrix23c R;
  if (o == Ordering::normal)
    R << 0.0, c, -s, 0.0, s, c;
  else
    R << c, -s, 0.0, s, c, 0.0;
  return R;
}

/// Rotation V closest to the identity (|angle| <= pi/4) with V^T Sigma V = diag(sigma); a diagonal
/// Sigma gives V = 1 exactly, so sigma(a) stays attached to eta_a. Returns sigma.
inline Eigen::Vector2d sigma_diagonalise(const Eigen::Matrix2d& Sigma, Eigen::Matrix2d& V) {
  const double a = Sigma(0, 0), b = 0.5 * (Sigma(0, 1) + Sigma(1, 0)), c = Sigma(1, 1);
  if (b == 0.0) {
    V.setIdentity();
    return Eigen::Vector2d(a, c);
  }
  const double tau = (c - a) / (2.0 * b);
  const double t = (tau >= 0.0 ? 1.0 : -1.0) / (std::abs(tau) + std::sqrt(1.0 + tau * tau));
  const double cs = 1.0 / std::sqrt(1.0 + t * t);
  const double sn = t * cs;
  V << cs, sn, -sn, cs;
  return Eigen::Vector2d(a - t * b, c + t * b);
}

/// Y_N from Casas–Ibarra. Sigma: exact one-loop 2x2 [GeV]; osc: oscillation inputs (masses in eV,
/// converted to GeV here); R: 2x3 (casas_ibarra_R or a custom one). Throws invalid_input when a
/// sigma eigenvalue vanishes (lambda5 singular) or R is not orthogonal on its massive columns.
inline Matrix32c casas_ibarra_Y_N(const Eigen::Matrix2d& Sigma, const OscillationData& osc, const Matrix23c& R) {
  Eigen::Matrix2d V;
  const Eigen::Vector2d sigma = sigma_diagonalise(Sigma, V);
  const double smax = sigma.cwiseAbs().maxCoeff();
  for (int a = 0; a < 2; ++a) {
    if (!(std::abs(sigma(a)) > 1e-13 * smax) || !std::isfinite(sigma(a)))
      throw invalid_input("lambda5", sigma(a),
                          "Casas-Ibarra needs an invertible one-loop Sigma; eigenvalue sigma_" + std::to_string(a + 1) +
                              " [GeV] of Sigma vanishes (lambda5 singular?)");
  }
  // massive columns of R must be orthonormal: B^T B = 1 (B = the two columns with m_i != 0)
  const int c0 = (osc.ordering == Ordering::normal) ? 1 : 0;
  const Eigen::Matrix<cplx, 2, 2> B = R.middleCols<2>(c0);
  const double dev = (B.transpose() * B - Eigen::Matrix<cplx, 2, 2>::Identity()).cwiseAbs().maxCoeff();
  if (!(dev < 1e-10))
    throw invalid_input("R", dev, "Casas-Ibarra R is not orthogonal: max|B^T B - 1| over its massive columns");
  const Vector3d m_GeV = osc.masses_eV() * 1e-9;
  const Matrix3c U = pmns(osc);
  Vector3c sqm;
  for (int i = 0; i < 3; ++i) sqm(i) = std::sqrt(m_GeV(i));
  Eigen::Matrix<cplx, 2, 2> D = Eigen::Matrix<cplx, 2, 2>::Zero();
  for (int a = 0; a < 2; ++a) D(a, a) = 1.0 / std::sqrt(cplx(sigma(a)));
  const Matrix23c YT = V.cast<cplx>() * D * R * sqm.asDiagonal() * U.adjoint();
  return YT.transpose();
}

}  // namespace darkloops
