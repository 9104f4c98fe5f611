// SPDX-License-Identifier: MIT
// One-loop N–H_k^± amplitudes of the charged leptons, exact in the mass basis (no mass
// insertion): photon dipoles (both chiralities, chirally enhanced M_N/m_l pieces included),
// photon non-dipole (charge-radius) form factors, Z penguins, and the four-lepton boxes with
// their Majorana crossed pieces. Derivations, conventions and signs: docs/physics.md §5
// (<!-- leptons -->). Everything here is a pure function of a `LeptonSector` (masses and
// mass-basis couplings), so it is testable without a model; the model-facing observables are
// in g_minus_2.hpp, lfv_radiative.hpp, lfv_three_body.hpp, mu_e_conversion.hpp.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>

#include "darkloops/core/types.hpp"
#include "darkloops/inputs/sm.hpp"
#include "darkloops/loop/dimensionless.hpp"
#include "darkloops/loop/zero_momentum.hpp"

namespace darkloops {

/// What every lepton observable needs: -L ⊃ N̄ (cL(α,k) P_L + cR(α,k) P_R) ℓ_α H_k^+ + h.c.
/// (the `Couplings` of the model), the charged dark-scalar and N masses, the Z couplings of
/// the H_k (units of g/c_W, `Couplings::Z_HH`), and the charged-lepton masses.
struct LeptonSector {
  double M_N = 1000.0;                ///< Majorana singlet mass [GeV]
  Vector3d m_H = Vector3d::Constant(600.0);  ///< charged dark scalars H_k^+ [GeV]
  Matrix3c cL = Matrix3c::Zero();     ///< (α, k)
  Matrix3c cR = Matrix3c::Zero();     ///< (α, k)
  Matrix3c Z_HH = Matrix3c::Zero();   ///< (k, l): L ⊃ -i(g/c_W) Z_HH(k,l) Z^μ (H_k^- ∂_μ H_l^+ - H_l^+ ∂_μ H_k^-)
  Vector3d m_lep{inputs::sm::m_e, inputs::sm::m_mu, inputs::sm::m_tau};  ///< [GeV]
};

/// Dipoles of ℓ_α → ℓ_β γ, indices (β, α), [GeV^-2]:
///   L_eff = (e m_α/2) ℓ̄_β σ^{μν} (A_L P_L + A_R P_R) ℓ_α F_μν, sign fixed by
///   Δa_α = -m_α^2 Re(A_L(α,α) + A_R(α,α))   (docs/physics.md §5.2).
struct LeptonDipoles {
  Matrix3c A_L = Matrix3c::Zero();
  Matrix3c A_R = Matrix3c::Zero();
  /// The chirally enhanced (M_N/m_α) parts alone, for diagnostics and the μ → 0 check.
  Matrix3c A_L_chiral = Matrix3c::Zero();
  Matrix3c A_R_chiral = Matrix3c::Zero();
};

/// Off-shell photon (charge radius) and Z form factors of ℓ_α → ℓ_β, indices (β, α):
///   photon vertex  -i e Q_ℓ ū_β [q^2 γ^μ (AND_L P_L + AND_R P_R)] u_α  + (gauge terms, dipoles)
///   Z vertex       -i (g/c_W) ū_β γ^μ (FZ_L P_L + FZ_R P_R) u_α         at q^2 = 0
struct LeptonPenguins {
  Matrix3c AND_L = Matrix3c::Zero();  ///< [GeV^-2]
  Matrix3c AND_R = Matrix3c::Zero();  ///< [GeV^-2]
  Matrix3c FZ_L = Matrix3c::Zero();   ///< dimensionless
  Matrix3c FZ_R = Matrix3c::Zero();   ///< dimensionless
};

/// Coefficients [GeV^-2] of L_eff ⊃ Σ_i C_i O_i for ℓ_α → ℓ_β ℓ_β ℓ̄_β (β ≠ α) in the basis
///   V_XY = (ℓ̄_β γ^μ P_X ℓ_α)(ℓ̄_β γ_μ P_Y ℓ_β),  S_XX = (ℓ̄_β P_X ℓ_α)(ℓ̄_β P_X ℓ_β)
/// (mixed scalars and tensors are Fierz-reduced onto these; docs/physics.md §5.4).
struct FourLeptonCoefficients {
  cplx V_LL{}, V_RR{}, V_LR{}, V_RL{}, S_LL{}, S_RR{};
  FourLeptonCoefficients& operator+=(const FourLeptonCoefficients& o) {
    V_LL += o.V_LL; V_RR += o.V_RR; V_LR += o.V_LR; V_RL += o.V_RL; S_LL += o.S_LL; S_RR += o.S_RR;
    return *this;
  }
};

namespace detail::leptons {

inline constexpr double inv16pi2 = 1.0 / (16.0 * pi * pi);

// Fast double-precision versions of the loop:: functions used here (same definitions,
// docs/physics.md §2.2.4 and §5.2–5.4): closed forms away from the removable singularities,
// 16-point Gauss–Legendre of the Feynman-parameter integral (F2, G2, G2p) or the loop::
// divided-difference engine (F, G) near them. Agreement with loop:: to 1e-12 is tested.
inline constexpr std::array<double, 8> gl16_x{0.0950125098376374, 0.2816035507792589, 0.4580167776572274,
                                              0.6178762444026438, 0.7554044083550030, 0.8656312023878318,
                                              0.9445750230732326, 0.9894009349916499};
inline constexpr std::array<double, 8> gl16_w{0.1894506104550685, 0.1826034150449236, 0.1691565193950025,
                                              0.1495959888165767, 0.1246289712555339, 0.0951585116824928,
                                              0.0622535239386479, 0.0271524594117541};
template <class F>
inline double gl16(F f) noexcept {  // ∫_0^1 f
  double s = 0.0;
  for (std::size_t i = 0; i < 8; ++i) s += gl16_w[i] * (f(0.5 * (1 - gl16_x[i])) + f(0.5 * (1 + gl16_x[i])));
  return 0.5 * s;
}
inline double F2(double t) noexcept {  // ∫ x^2(1-x)/(x + t(1-x))
  if (!(t >= 0.0) || !std::isfinite(t)) return loop::dipole_F2(t);
  if (std::abs(t - 1.0) < 0.5) return gl16([t](double x) { return x * x * (1 - x) / (x + t * (1 - x)); });
  const double lt = t > 0 ? std::log(t) : 0.0, u = 1.0 - t;
  return (1.0 - 6.0 * t + 3.0 * t * t + 2.0 * t * t * t - 6.0 * t * t * lt) / (6.0 * u * u * u * u);
}
inline double G2(double t) noexcept {  // ∫ x(1-x)/(x + t(1-x))
  if (!(t >= 0.0) || !std::isfinite(t)) return loop::dipole_G2(t);
  if (std::abs(t - 1.0) < 0.5) return gl16([t](double x) { return x * (1 - x) / (x + t * (1 - x)); });
  const double lt = t > 0 ? std::log(t) : 0.0, u = 1.0 - t;
  return (1.0 - t * t + 2.0 * t * lt) / (2.0 * u * u * u);
}
inline double G2p(double t) noexcept {  // ∫ u^3/(u + t(1-u))
  if (!(t >= 0.0) || !std::isfinite(t)) return loop::penguin_G2p(t);
  if (std::abs(t - 1.0) < 0.5) return gl16([t](double x) { return x * x * x / (x + t * (1 - x)); });
  const double lt = t > 0 ? std::log(t) : 0.0, u = 1.0 - t;
  return (2.0 - 9.0 * t + 18.0 * t * t - 11.0 * t * t * t + 6.0 * t * t * t * lt) / (6.0 * u * u * u * u);
}
/// Box F, G as divided differences F = p[x,y], G = q[x,y] with p(z) = (1 - z + z^2 ln z)/(1-z)^2,
/// q(z) = (1 - z + z ln z)/(1-z)^2; diagonal p'(x) = (1 - x^2 + 2x ln x)/(1-x)^3,
/// q'(x) = (2 - 2x + (1+x) ln x)/(1-x)^3. Used when x, y, 1 are pairwise 5% apart (or x = y), and
/// for one node exactly at 1 with the other 5% away: p(1) = 3/2, q(1) = 1/2 (docs/physics.md §5.8).
inline bool separated(double a, double b) noexcept { return std::abs(a - b) > 0.05 * std::max(a, b); }
/// Box integrals at zero external momenta for the loop (N, N, H_k, H_l):
/// D0(M^2, M^2, m_k^2, m_l^2) = -G(x_k, x_l)/M^4, D00 = -F(x_k, x_l)/(4 M^2), x = m^2/M^2.
struct BoxTable {
  double d0[3][3];
  double d00[3][3];
};

/// box_FG with the logarithms ln x, ln y supplied (same windows and closed forms as box_FG).
inline void box_FG(double x, double y, double lx, double ly, double& F, double& G) noexcept {
  const bool ok = x > 0 && y > 0 && std::isfinite(x) && std::isfinite(y) && separated(x, 1.0) && separated(y, 1.0);
  if (ok && x == y) {
    const double u = 1.0 - x, u3 = u * u * u;
    F = (1.0 - x * x + 2.0 * x * lx) / u3;
    G = (2.0 - 2.0 * x + (1.0 + x) * lx) / u3;
    return;
  }
  if (ok && separated(x, y)) {
    const double ux = 1.0 - x, uy = 1.0 - y, ix = 1.0 / (ux * ux), iy = 1.0 / (uy * uy), ixy = 1.0 / (x - y);
    F = ((ux + x * x * lx) * ix - (uy + y * y * ly) * iy) * ixy;
    G = ((ux + x * lx) * ix - (uy + y * ly) * iy) * ixy;
    return;
  }
  // one node exactly at 1 (e.g. m_S = M_N in the quark boxes), the other separated: p(1) = 3/2, q(1) = 1/2
  const bool y1 = x == 1.0 && y > 0 && std::isfinite(y) && separated(y, 1.0);
  const bool x1 = y == 1.0 && x > 0 && std::isfinite(x) && separated(x, 1.0);
  if (y1 || x1) {
    const double z = y1 ? y : x, lz = y1 ? ly : lx, u = 1.0 - z, iu2 = 1.0 / (u * u);
    F = (1.5 - (u + z * z * lz) * iu2) / u;
    G = (0.5 - (u + z * lz) * iu2) / u;
    return;
  }
  F = loop::box_F(x, y);
  G = loop::box_G(x, y);
}

inline void box_FG(double x, double y, double& F, double& G) noexcept {
  const bool pos = x > 0 && y > 0;
  box_FG(x, y, pos ? std::log(x) : 0.0, pos ? std::log(y) : 0.0, F, G);
}

/// F2, G2, G2p of one t = M^2/m^2 sharing one logarithm (lt = ln t) and, for |t - 1| < 0.5, one
/// 16-point Gauss–Legendre pass: the same definitions, windows and closed forms as F2, G2, G2p.
struct DipoleFunctions {
  double F2, G2, G2p;
};
inline DipoleFunctions dipole_functions(double t, double lt) noexcept {
  if (!(t >= 0.0) || !std::isfinite(t)) return {loop::dipole_F2(t), loop::dipole_G2(t), loop::penguin_G2p(t)};
  if (std::abs(t - 1.0) < 0.5) {
    double f = 0.0, g = 0.0, h = 0.0;
    for (std::size_t i = 0; i < 8; ++i)
      for (const double x : {0.5 * (1 - gl16_x[i]), 0.5 * (1 + gl16_x[i])}) {
        const double wr = gl16_w[i] / (x + t * (1 - x)), wx = wr * x;
        g += wx * (1 - x);
        f += wx * x * (1 - x);
        h += wx * x * x;
      }
    return {0.5 * f, 0.5 * g, 0.5 * h};
  }
  if (t == 0.0) lt = 0.0;  // t ln t -> 0
  const double u = 1.0 - t, iu = 1.0 / u, iu3 = iu * iu * iu, iu4 = iu3 * iu, t2 = t * t, t3 = t2 * t;
  return {(1.0 - 6.0 * t + 3.0 * t2 + 2.0 * t3 - 6.0 * t2 * lt) * iu4 / 6.0,
          (1.0 - t2 + 2.0 * t * lt) * iu3 / 2.0,
          (2.0 - 9.0 * t + 18.0 * t2 - 11.0 * t3 + 6.0 * t3 * lt) * iu4 / 6.0};
}

/// Every loop function the lepton observables need, evaluated once per lepton sector from the
/// three logarithms ln(m_k^2/M^2) (docs/physics.md §5.8): the dipole/penguin functions of
/// t_k = M^2/m_k^2, the Z-penguin C00(0; M^2, m_k^2, m_l^2) and B1(0; M^2, m_k^2) at mu^2 = M^2,
/// and the box table. Closed forms need their nodes 5% apart; closer nodes use loop::zero.
struct LoopTable {
  double M2 = 0.0;
  double inv_m2[3] = {};        ///< 1/m_k^2 [GeV^-2]
  double x[3] = {}, lx[3] = {};  ///< x_k = m_k^2/M^2 and ln x_k
  DipoleFunctions dip[3] = {};  ///< F2, G2, G2p of t_k = 1/x_k
  double C00[3][3] = {};        ///< C00(0,0,0; M^2, m_k^2, m_l^2), mu^2 = M^2 (symmetric)
  double B1[3] = {};            ///< B1(0; M^2, m_k^2), mu^2 = M^2; identically -2 C00_kk
  BoxTable box{};
};

/// The one-scalar part of the table (x, ln x, dipole/penguin functions): all lepton_dipoles needs.
inline LoopTable loop_table_scalars(const LeptonSector& s) noexcept {
  LoopTable T;
  T.M2 = s.M_N * s.M_N;
  for (int k = 0; k < 3; ++k) {
    const double m2 = s.m_H(k) * s.m_H(k);
    T.inv_m2[k] = 1.0 / m2;
    T.x[k] = m2 / T.M2;
    T.lx[k] = std::log(T.x[k]);
    T.dip[k] = dipole_functions(T.M2 * T.inv_m2[k], -T.lx[k]);
  }
  return T;
}

/// The full table: scalars, Z-penguin C00/B1 and the box table.
/// C00 = 3/8 - (1/4) f[1, x_k, x_l] with f(x) = x^2 ln x (physics.md §2.2 in units of M^2):
/// f[1,x] = g(x) = x^2 ln x/(x - 1) (well conditioned for every x > 0), f[1,x_k,x_l] =
/// (g_k - g_l)/(x_k - x_l), f[1,x,x] = (x(x-2) ln x + x(x-1))/(x-1)^2.
inline LoopTable loop_table(const LeptonSector& s) noexcept {
  LoopTable T = loop_table_scalars(s);
  const double M2 = T.M2;
  double g[3];
  bool ok[3];
  for (int k = 0; k < 3; ++k) {
    const double x = T.x[k];
    ok[k] = x > 0 && std::isfinite(x);
    g[k] = x == 1.0 ? 1.0 : x * x * T.lx[k] / (x - 1.0);
  }
  for (int k = 0; k < 3; ++k) {
    const double x = T.x[k];
    if (ok[k] && separated(x, 1.0)) {
      const double u = x - 1.0;
      T.C00[k][k] = 0.375 - 0.25 * (x * (x - 2.0) * T.lx[k] + x * u) / (u * u);
    } else {
      const double m2 = s.m_H(k) * s.m_H(k);
      T.C00[k][k] = loop::zero::C00(M2, m2, m2, M2);
    }
    T.B1[k] = -2.0 * T.C00[k][k];
    for (int l = k + 1; l < 3; ++l) {
      const double y = T.x[l];
      T.C00[k][l] = T.C00[l][k] =
          (ok[k] && ok[l] && separated(x, y))
              ? 0.375 - 0.25 * (g[k] - g[l]) / (x - y)
              : loop::zero::C00(M2, s.m_H(k) * s.m_H(k), s.m_H(l) * s.m_H(l), M2);
    }
  }
  for (int k = 0; k < 3; ++k)
    for (int l = k; l < 3; ++l) {
      double F, G;
      box_FG(T.x[k], T.x[l], T.lx[k], T.lx[l], F, G);
      T.box.d0[k][l] = T.box.d0[l][k] = -G / (M2 * M2);
      T.box.d00[k][l] = T.box.d00[l][k] = -F / (4.0 * M2);
    }
  return T;
}

inline BoxTable box_table(const LeptonSector& s) noexcept { return loop_table(s).box; }

/// conj(a) b and a conj(b)... in plain real arithmetic (no Annex G inf/NaN recovery branch;
/// the inputs here are finite).
inline cplx mul(cplx a, cplx b) noexcept {
  return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()};
}
inline cplx conj_mul(cplx a, cplx b) noexcept {  // conj(a) b
  return {a.real() * b.real() + a.imag() * b.imag(), a.real() * b.imag() - a.imag() * b.real()};
}

}  // namespace detail::leptons

/// Photon dipoles A_L, A_R (all 9 flavour pairs) from the N–H_k loops with the photon on H_k,
/// to leading order in m_ℓ^2/m_H^2 (docs/physics.md §5.1–5.3):
///   A_R(β,α) = Σ_k [cL*_βk cL_αk F2(t_k) + (m_β/m_α) cR*_βk cR_αk F2(t_k)
///                   + 2 (M_N/m_α) cL*_βk cR_αk G2(t_k)] / (32 π^2 m_k^2)
///   A_L(β,α) = same with L ↔ R,   t_k = M_N^2/m_k^2.
/// `T` = detail::leptons::loop_table(s) or loop_table_scalars(s) (only T.dip, T.inv_m2 are read).
inline LeptonDipoles lepton_dipoles(const LeptonSector& s, const detail::leptons::LoopTable& T) noexcept {
  using detail::leptons::conj_mul;
  double f[3], g[3];
  for (int k = 0; k < 3; ++k) {
    const double c = T.inv_m2[k] / (32.0 * pi * pi);
    f[k] = T.dip[k].F2 * c;
    g[k] = T.dip[k].G2 * c;
  }
  // X_LL = cL^* f cL^T and X_RR (Hermitian: upper triangle + conjugate), X_LR = cL^* g cR^T,
  // X_RL = cR^* g cL^T = X_LR^†.
  cplx XLL[3][3], XRR[3][3], XLR[3][3];
  for (int b = 0; b < 3; ++b)
    for (int a = 0; a < 3; ++a) {
      cplx lr{};
      for (int k = 0; k < 3; ++k) lr += g[k] * conj_mul(s.cL(b, k), s.cR(a, k));
      XLR[b][a] = lr;
      if (a < b) continue;
      cplx ll{}, rr{};
      for (int k = 0; k < 3; ++k) {
        ll += f[k] * conj_mul(s.cL(b, k), s.cL(a, k));
        rr += f[k] * conj_mul(s.cR(b, k), s.cR(a, k));
      }
      XLL[b][a] = ll;
      XRR[b][a] = rr;
      XLL[a][b] = std::conj(ll);
      XRR[a][b] = std::conj(rr);
    }
  const double inv_m[3] = {1.0 / s.m_lep(0), 1.0 / s.m_lep(1), 1.0 / s.m_lep(2)};
  LeptonDipoles d;
  for (int b = 0; b < 3; ++b)
    for (int a = 0; a < 3; ++a) {
      const double r = s.m_lep(b) * inv_m[a], e = 2.0 * s.M_N * inv_m[a];
      d.A_R_chiral(b, a) = e * XLR[b][a];
      d.A_L_chiral(b, a) = e * std::conj(XLR[a][b]);
      d.A_R(b, a) = XLL[b][a] + r * XRR[b][a] + d.A_R_chiral(b, a);
      d.A_L(b, a) = XRR[b][a] + r * XLL[b][a] + d.A_L_chiral(b, a);
    }
  return d;
}

inline LeptonDipoles lepton_dipoles(const LeptonSector& s) noexcept {
  return lepton_dipoles(s, detail::leptons::loop_table_scalars(s));
}

/// Photon non-dipole and Z-penguin form factors (docs/physics.md §5.4):
///   AND_L(β,α) = Σ_k cL*_βk cL_αk G2p(t_k)/(96 π^2 m_k^2)   (R: cR)
///   FZ_L = (1/16π^2) [ -2 Σ_{kl} cL*_βk Z_HH(k,l) cL_αl C00(M^2, m_k^2, m_l^2)
///                      + g_L^ℓ Σ_k cL*_βk cL_αk B1(0; M^2, m_k^2) ],  g_L^ℓ = -1/2 + s_W^2,
///   and the same for R with g_R^ℓ = s_W^2. UV poles and μ^2 cancel by unitarity of U_H.
/// `T` = detail::leptons::loop_table(s).
inline LeptonPenguins lepton_penguins(const LeptonSector& s, const detail::leptons::LoopTable& T) noexcept {
  using detail::leptons::conj_mul;
  using detail::leptons::inv16pi2;
  using detail::leptons::mul;
  LeptonPenguins p;
  double nd[3];
  for (int k = 0; k < 3; ++k) nd[k] = T.dip[k].G2p * T.inv_m2[k] / (96.0 * pi * pi);
  for (int b = 0; b < 3; ++b)
    for (int a = b; a < 3; ++a) {  // Hermitian
      cplx l{}, r{};
      for (int k = 0; k < 3; ++k) {
        l += nd[k] * conj_mul(s.cL(b, k), s.cL(a, k));
        r += nd[k] * conj_mul(s.cR(b, k), s.cR(a, k));
      }
      p.AND_L(b, a) = l;
      p.AND_R(b, a) = r;
      p.AND_L(a, b) = std::conj(l);
      p.AND_R(a, b) = std::conj(r);
    }
  // FZ_X = (1/16π^2) c_X^* K_X c_X^T with K_X(k,l) = -2 Z_HH(k,l) C00(k,l) + δ_kl g_X B1_k.
  const double sw2 = inputs::sm::sin2_theta_W;
  const double gX[2] = {-0.5 + sw2, sw2};
  for (int chi = 0; chi < 2; ++chi) {
    const Matrix3c& c = chi == 0 ? s.cL : s.cR;
    Matrix3c& FZ = chi == 0 ? p.FZ_L : p.FZ_R;
    cplx KcT[3][3];  // (K c^T)(k, a)
    for (int k = 0; k < 3; ++k)
      for (int a = 0; a < 3; ++a) {
        cplx acc = (gX[chi] * T.B1[k]) * c(a, k);
        for (int l = 0; l < 3; ++l) acc += (-2.0 * T.C00[k][l]) * mul(s.Z_HH(k, l), c(a, l));
        KcT[k][a] = acc;
      }
    for (int b = 0; b < 3; ++b)
      for (int a = 0; a < 3; ++a) {
        cplx acc{};
        for (int k = 0; k < 3; ++k) acc += conj_mul(c(b, k), KcT[k][a]);
        FZ(b, a) = inv16pi2 * acc;
      }
  }
  return p;
}

inline LeptonPenguins lepton_penguins(const LeptonSector& s) noexcept {
  return lepton_penguins(s, detail::leptons::loop_table(s));
}

/// Box (Dirac + Majorana-crossed) contributions to ℓ_α → ℓ_β ℓ_β ℓ̄_β, β ≠ α, at zero
/// external momenta (docs/physics.md §5.4, eqs. (L.box.D), (L.box.X)), in the factorised form
/// of §5.8: with n^L_k = |cL_βk|^2, n^R_k = |cR_βk|^2, p_k = cL*_βk cR_βk, the pair products
/// ll_l = cL_αl cL*_βl, rr_l = cR_αl cR*_βl, lr_l = cL_αl cR*_βl, rl_l = cR_αl cL*_βl and
/// u = D00 n^L, v = D00 n^R, w = D00 p, U = M^2 D0 n^L, V = M^2 D0 n^R, W = M^2 D0 p (3x3 tables):
///   V_LL = Σ ll (u + U/2)/16π^2,  V_RR = Σ rr (v + V/2)/16π^2,
///   V_LR = Σ [2 lr w - ll (v + V/2)]/16π^2,  V_RL = Σ [2 rl w^* - rr (u + U/2)]/16π^2,
///   S_RR = -Σ rl W/16π^2,  S_LL = -Σ lr W^*/16π^2.
/// `B` = detail::leptons::box_table(s) (symmetric in k, l), computed once for all flavour pairs.
inline FourLeptonCoefficients four_lepton_boxes(const LeptonSector& s, int beta, int alpha,
                                                const detail::leptons::BoxTable& B) noexcept {
  using detail::leptons::conj_mul;
  using detail::leptons::inv16pi2;
  const double M2 = s.M_N * s.M_N;
  const Matrix3c& L = s.cL;
  const Matrix3c& R = s.cR;
  const int b = beta, a = alpha;
  double nL[3], nR[3];
  cplx pk[3];
  for (int k = 0; k < 3; ++k) {
    nL[k] = std::norm(L(b, k));
    nR[k] = std::norm(R(b, k));
    pk[k] = conj_mul(L(b, k), R(b, k));
  }
  FourLeptonCoefficients c;
  for (int l = 0; l < 3; ++l) {
    double u = 0, v = 0, U = 0, V = 0;
    cplx w{}, W{};
    for (int k = 0; k < 3; ++k) {
      const double d00 = B.d00[l][k], d0m = M2 * B.d0[l][k];
      u += d00 * nL[k];
      v += d00 * nR[k];
      w += d00 * pk[k];
      U += d0m * nL[k];
      V += d0m * nR[k];
      W += d0m * pk[k];
    }
    const cplx ll = conj_mul(L(b, l), L(a, l)), rr = conj_mul(R(b, l), R(a, l));
    const cplx lr = conj_mul(R(b, l), L(a, l)), rl = conj_mul(L(b, l), R(a, l));
    const double uL = u + 0.5 * U, vR = v + 0.5 * V;
    c.V_LL += uL * ll;
    c.V_RR += vR * rr;
    c.V_LR += 2.0 * detail::leptons::mul(lr, w) - vR * ll;
    c.V_RL += 2.0 * detail::leptons::mul(rl, std::conj(w)) - uL * rr;
    c.S_RR -= detail::leptons::mul(rl, W);
    c.S_LL -= detail::leptons::mul(lr, std::conj(W));
  }
  c.V_LL *= inv16pi2;
  c.V_RR *= inv16pi2;
  c.V_LR *= inv16pi2;
  c.V_RL *= inv16pi2;
  c.S_RR *= inv16pi2;
  c.S_LL *= inv16pi2;
  return c;
}

inline FourLeptonCoefficients four_lepton_boxes(const LeptonSector& s, int beta, int alpha) noexcept {
  return four_lepton_boxes(s, beta, alpha, detail::leptons::box_table(s));
}

}  // namespace darkloops
