// SPDX-License-Identifier: MIT
// Couplings in the mass basis derived from [P] eqs. (4),(5) with epsilon^{12} = +1
// (docs/physics.md §3 M4). Convention: -L ⊃ (terms below) + h.c.
#pragma once

#include <Eigen/Dense>
#include <cmath>

#include "darkloops/core/types.hpp"
#include "darkloops/inputs/sm.hpp"
#include "darkloops/model/spectrum.hpp"

namespace darkloops {

struct Couplings {           // -L ⊃ (the terms below) + h.c.
  Matrix3c cL = Matrix3c::Zero();    ///< N̄ (cL(α,k) P_L + cR(α,k) P_R) ℓ_α H_k^+,  cL = -Y_N U_H[0:2,k]
  Matrix3c cR = Matrix3c::Zero();    ///<                                          cR = kappa_α U_H(2,k)
  Matrix32c nR = Matrix32c::Zero();  ///< N̄ P_L ν_α (nR(α,k) R_k + nI(α,k) I_k):  nR = Y_N O_R/√2
  Matrix32c nI = Matrix32c::Zero();  ///<                                          nI = i Y_N O_I/√2
  Vector3c yd = Vector3c::Zero();    ///< d̄_i P_R N S_d yd(i),  S_d = S^{-1/3}, yd = Y_S
  Vector3c yu = Vector3c::Zero();    ///< ū_i P_R N S_u yu(i),  S_u = S^{2/3},  yu = V_CKM Y_S
  /// Z couplings of the charged dark scalars: the Z vertex H_k^+* H_l^+ is the (diagonal, charge +1)
  /// photon vertex with e -> (g/c_W) Z_HH(k,l), Z_HH(k,l) = (1/2) sum_{a=1,2} conj(U_H(a,k)) U_H(a,l)
  /// - s_W^2 δ_kl  (T3 = 1/2 for eta+, 0 for phi+).
  Matrix3c Z_HH = Matrix3c::Zero();
  /// h H_k^- H_l^+ trilinear from the mu term only (the lambda3/lambda4 parts are not inputs):
  /// V ⊃ h_HH_mu(k,l) h H_k^- H_l^+, h_HH_mu = -(1/√2) sum_a [conj(U(a,k)) conj(mu_a) U(2,l)
  ///        + conj(U(2,k)) mu_a U(a,l)]  [GeV].
  Matrix3c h_HH_mu = Matrix3c::Zero();
};

/// Mass-basis couplings from the spectrum, the Yukawas actually used and the trilinears.
inline Couplings compute_couplings(const Spectrum& s, const Matrix32c& Y_N, const Vector3c& Y_S,
                                   const Vector3c& kappa, const Vector2c& mu) {
  Couplings c;
  const Matrix3c& U = s.U_H;
  c.cL = -Y_N * U.topRows<2>();
  for (int al = 0; al < 3; ++al)
    for (int k = 0; k < 3; ++k) c.cR(al, k) = kappa(al) * U(2, k);
  const double r2 = 1.0 / std::sqrt(2.0);
  c.nR = r2 * Y_N * s.O_R.cast<cplx>();
  c.nI = cplx(0.0, r2) * Y_N * s.O_I.cast<cplx>();
  c.yd = Y_S;
  static const Matrix3c V_ckm = inputs::sm::ckm();  // computed once (thread-safe static init)
  c.yu = V_ckm * Y_S;
  const double sw2 = inputs::sm::sin2_theta_W;
  c.Z_HH = 0.5 * U.topRows<2>().adjoint() * U.topRows<2>() - sw2 * Matrix3c::Identity();
  for (int k = 0; k < 3; ++k)
    for (int l = 0; l < 3; ++l) {
      cplx t = 0.0;
      for (int a = 0; a < 2; ++a)
        t += std::conj(U(a, k)) * std::conj(mu(a)) * U(2, l) + std::conj(U(2, k)) * mu(a) * U(a, l);
      c.h_HH_mu(k, l) = -r2 * t;
    }
  return c;
}

}  // namespace darkloops
