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
/// q'(x) = (2 - 2x + (1+x) ln x)/(1-x)^3. Used when x, y, 1 are pairwise 5% apart (or x = y).
inline bool separated(double a, double b) noexcept { return std::abs(a - b) > 0.05 * std::max(a, b); }
inline void box_FG(double x, double y, double& F, double& G) noexcept {
  const bool ok = x > 0 && y > 0 && std::isfinite(x) && std::isfinite(y) && separated(x, 1.0) && separated(y, 1.0);
  if (ok && x == y) {
    const double u = 1.0 - x, u3 = u * u * u, lx = std::log(x);
    F = (1.0 - x * x + 2.0 * x * lx) / u3;
    G = (2.0 - 2.0 * x + (1.0 + x) * lx) / u3;
    return;
  }
  if (ok && separated(x, y)) {
    auto p = [](double z) { const double u = 1.0 - z; return (u + z * z * std::log(z)) / (u * u); };
    auto q = [](double z) { const double u = 1.0 - z; return (u + z * std::log(z)) / (u * u); };
    F = (p(x) - p(y)) / (x - y);
    G = (q(x) - q(y)) / (x - y);
    return;
  }
  F = loop::box_F(x, y);
  G = loop::box_G(x, y);
}

/// Box integrals at zero external momenta for the loop (N, N, H_k, H_l):
/// D0(M^2, M^2, m_k^2, m_l^2) = -G(x_k, x_l)/M^4, D00 = -F(x_k, x_l)/(4 M^2), x = m^2/M^2.
struct BoxTable {
  double d0[3][3];
  double d00[3][3];
};
inline BoxTable box_table(const LeptonSector& s) noexcept {
  BoxTable b{};
  const double M2 = s.M_N * s.M_N;
  for (int k = 0; k < 3; ++k)
    for (int l = k; l < 3; ++l) {
      const double xk = s.m_H(k) * s.m_H(k) / M2, xl = s.m_H(l) * s.m_H(l) / M2;
      double F, G;
      box_FG(xk, xl, F, G);
      b.d0[k][l] = b.d0[l][k] = -G / (M2 * M2);
      b.d00[k][l] = b.d00[l][k] = -F / (4.0 * M2);
    }
  return b;
}

}  // namespace detail::leptons

/// Photon dipoles A_L, A_R (all 9 flavour pairs) from the N–H_k loops with the photon on H_k,
/// to leading order in m_ℓ^2/m_H^2 (docs/physics.md §5.1–5.3):
///   A_R(β,α) = Σ_k [cL*_βk cL_αk F2(t_k) + (m_β/m_α) cR*_βk cR_αk F2(t_k)
///                   + 2 (M_N/m_α) cL*_βk cR_αk G2(t_k)] / (32 π^2 m_k^2)
///   A_L(β,α) = same with L ↔ R,   t_k = M_N^2/m_k^2.
inline LeptonDipoles lepton_dipoles(const LeptonSector& s) noexcept {
  Vector3d f, g;
  for (int k = 0; k < 3; ++k) {
    const double m2 = s.m_H(k) * s.m_H(k);
    const double t = s.M_N * s.M_N / m2;
    f(k) = detail::leptons::F2(t) / (32.0 * pi * pi * m2);
    g(k) = detail::leptons::G2(t) / (32.0 * pi * pi * m2);
  }
  const Matrix3c XLL = s.cL.conjugate() * f.asDiagonal() * s.cL.transpose();
  const Matrix3c XRR = s.cR.conjugate() * f.asDiagonal() * s.cR.transpose();
  const Matrix3c XLR = s.cL.conjugate() * g.asDiagonal() * s.cR.transpose();
  const Matrix3c XRL = s.cR.conjugate() * g.asDiagonal() * s.cL.transpose();
  LeptonDipoles d;
  for (int b = 0; b < 3; ++b)
    for (int a = 0; a < 3; ++a) {
      const double r = s.m_lep(b) / s.m_lep(a), e = 2.0 * s.M_N / s.m_lep(a);
      d.A_R_chiral(b, a) = e * XLR(b, a);
      d.A_L_chiral(b, a) = e * XRL(b, a);
      d.A_R(b, a) = XLL(b, a) + r * XRR(b, a) + d.A_R_chiral(b, a);
      d.A_L(b, a) = XRR(b, a) + r * XLL(b, a) + d.A_L_chiral(b, a);
    }
  return d;
}

/// Photon non-dipole and Z-penguin form factors (docs/physics.md §5.4):
///   AND_L(β,α) = Σ_k cL*_βk cL_αk G2p(t_k)/(96 π^2 m_k^2)   (R: cR)
///   FZ_L(β,α) = (1/16π^2) [ -2 Σ_kl cL*_βl Z_HH(k,l)... ] — see the docs for the index order:
///   FZ_L = (1/16π^2) [ -2 Σ_{kl} cL*_βk Z_HH(k,l) cL_αl C00(M^2, m_k^2, m_l^2)
///                      + g_L^ℓ Σ_k cL*_βk cL_αk B1(0; M^2, m_k^2) ],  g_L^ℓ = -1/2 + s_W^2,
///   and the same for R with g_R^ℓ = s_W^2. UV poles and μ^2 cancel by unitarity of U_H.
inline LeptonPenguins lepton_penguins(const LeptonSector& s) noexcept {
  using detail::leptons::inv16pi2;
  LeptonPenguins p;
  const double M2 = s.M_N * s.M_N;
  Vector3d nd, b1;
  double c00[3][3];
  for (int k = 0; k < 3; ++k) {
    const double m2 = s.m_H(k) * s.m_H(k);
    nd(k) = detail::leptons::G2p(M2 / m2) / (96.0 * pi * pi * m2);
    b1(k) = loop::zero::B1(M2, m2, M2);  // renormalisation scale M_N^2 (cancels)
    for (int l = k; l < 3; ++l)
      c00[k][l] = c00[l][k] = loop::zero::C00(M2, m2, s.m_H(l) * s.m_H(l), M2);
  }
  p.AND_L = s.cL.conjugate() * nd.asDiagonal() * s.cL.transpose();
  p.AND_R = s.cR.conjugate() * nd.asDiagonal() * s.cR.transpose();
  Matrix3c ZC;  // Z_HH(k,l) C00(k,l)
  for (int k = 0; k < 3; ++k)
    for (int l = 0; l < 3; ++l) ZC(k, l) = s.Z_HH(k, l) * c00[k][l];
  const double sw2 = inputs::sm::sin2_theta_W;
  const double gL = -0.5 + sw2, gR = sw2;
  p.FZ_L = inv16pi2 * (-2.0 * s.cL.conjugate() * ZC * s.cL.transpose() +
                       gL * s.cL.conjugate() * b1.asDiagonal() * s.cL.transpose());
  p.FZ_R = inv16pi2 * (-2.0 * s.cR.conjugate() * ZC * s.cR.transpose() +
                       gR * s.cR.conjugate() * b1.asDiagonal() * s.cR.transpose());
  return p;
}

/// Box (Dirac + Majorana-crossed) contributions to ℓ_α → ℓ_β ℓ_β ℓ̄_β, β ≠ α, at zero
/// external momenta (docs/physics.md §5.4, eqs. (L.box.D), (L.box.X)).
/// `B` = detail::leptons::box_table(s), computed once for all flavour pairs.
inline FourLeptonCoefficients four_lepton_boxes(const LeptonSector& s, int beta, int alpha,
                                                const detail::leptons::BoxTable& B) noexcept {
  using detail::leptons::inv16pi2;
  const double M2 = s.M_N * s.M_N;
  const Matrix3c& L = s.cL;
  const Matrix3c& R = s.cR;
  const int b = beta, a = alpha;
  FourLeptonCoefficients c;
  cplx TR{}, TL{};  // tensor (σP_X ⊗ σP_X) coefficients, reduced at the end
  for (int k = 0; k < 3; ++k)
    for (int l = 0; l < 3; ++l) {
      const double d00 = B.d00[k][l], d0m = M2 * B.d0[k][l];
      using std::conj;
      // ---- Dirac box, both assignments of ℓ_α (equal by k <-> l): +(1/16π^2) × ...
      const double fD = inv16pi2;
      c.V_LL += fD * d00 * conj(L(b, k)) * L(a, l) * conj(L(b, l)) * L(b, k);
      c.V_LR += fD * d00 * conj(L(b, k)) * L(a, l) * conj(R(b, l)) * R(b, k);
      c.V_RL += fD * d00 * conj(R(b, k)) * R(a, l) * conj(L(b, l)) * L(b, k);
      c.V_RR += fD * d00 * conj(R(b, k)) * R(a, l) * conj(R(b, l)) * R(b, k);
      c.S_RR += fD * d0m * conj(L(b, k)) * R(a, l) * conj(L(b, l)) * R(b, k);
      c.S_LL += fD * d0m * conj(R(b, k)) * L(a, l) * conj(R(b, l)) * L(b, k);
      // (β̄ P_R α)(β̄ P_L β) = -1/2 V_RL,  (β̄ P_L α)(β̄ P_R β) = -1/2 V_LR
      c.V_RL += -0.5 * fD * d0m * conj(L(b, k)) * R(a, l) * conj(R(b, l)) * L(b, k);
      c.V_LR += -0.5 * fD * d0m * conj(R(b, k)) * L(a, l) * conj(L(b, l)) * R(b, k);
      // ---- Majorana-crossed box: +(1/32π^2) × {-D00 [..γ..][..γ..] + M^2 D0 [..][..]} with
      // the ℓ^c bilinears Fierzed to [ℓ̄_a X ℓ_d][ℓ̄_b Y ℓ_c]; a = b = β, (c, d) = (α, β) or (β, α).
      const double fX = 0.5 * inv16pi2;
      for (int ord = 0; ord < 2; ++ord) {
        const int cc = ord == 0 ? a : b, dd = ord == 0 ? b : a;
        // After the Fierz the fields are [β̄ X ℓ_dd][β̄ Y ℓ_cc]; ord = 1 has ℓ_α in the first
        // bilinear, ord = 0 in the second (then the bilinears are swapped: X <-> Y).
        const cplx mLL = conj(L(b, k)) * conj(L(b, l)) * L(cc, k) * L(dd, l);   // P_R ⊗ P_L
        const cplx mRR = conj(R(b, k)) * conj(R(b, l)) * R(cc, k) * R(dd, l);   // P_L ⊗ P_R
        const cplx mLR = conj(L(b, k)) * conj(L(b, l)) * R(cc, k) * R(dd, l);   // P_R ⊗ P_R
        const cplx mRL = conj(R(b, k)) * conj(R(b, l)) * L(cc, k) * L(dd, l);   // P_L ⊗ P_L
        // M^2 part: +1/2 [γP_L][γP_L], +1/2 [γP_R][γP_R], -1/2 [P_R][P_R] + 1/8 [σP_R][σP_R], (L)
        c.V_LL += fX * d0m * 0.5 * mLL;
        c.V_RR += fX * d0m * 0.5 * mRR;
        c.S_RR += fX * d0m * (-0.5) * mLR;
        TR += fX * d0m * 0.125 * mLR;
        c.S_LL += fX * d0m * (-0.5) * mRL;
        TL += fX * d0m * 0.125 * mRL;
        // D00 part (coefficient -D00): Γ̄_b^k γ Γ̄_b^l = γ(cL*_bk cR*_bl P_L + cR*_bk cL*_bl P_R),
        //                              Γ_cc^k γ Γ_dd^l = γ(cL_cc,k cR_dd,l P_R + cR_cc,k cL_dd,l P_L)
        const cplx pL = conj(L(b, k)) * conj(R(b, l)), pR = conj(R(b, k)) * conj(L(b, l));
        const cplx qR = L(cc, k) * R(dd, l), qL = R(cc, k) * L(dd, l);
        const double fD00 = -fX * d00;  // = -D00/(32π^2)
        // γP_L ⊗ γP_R -> -2 [ā P_R d][b̄ P_L c];  γP_L ⊗ γP_L -> -[ā γP_L d][b̄ γP_R c]
        // γP_R ⊗ γP_R -> -[ā γP_R d][b̄ γP_L c];  γP_R ⊗ γP_L -> -2 [ā P_L d][b̄ P_R c]
        if (ord == 1) {  // d = α: [β̄ X α][β̄ Y β]
          c.V_RL += fD00 * (-2.0) * (-0.5) * pL * qR;  // [β̄P_Rα][β̄P_Lβ] = -1/2 V_RL
          c.V_LR += fD00 * (-1.0) * pL * qL;
          c.V_RL += fD00 * (-1.0) * pR * qR;
          c.V_LR += fD00 * (-2.0) * (-0.5) * pR * qL;  // [β̄P_Lα][β̄P_Rβ] = -1/2 V_LR
        } else {         // c = α: [β̄ X β][β̄ Y α] = [β̄ Y α][β̄ X β]
          c.V_LR += fD00 * (-2.0) * (-0.5) * pL * qR;  // [β̄P_Lα][β̄P_Rβ]
          c.V_RL += fD00 * (-1.0) * pL * qL;           // [β̄γP_Rα][β̄γP_Lβ]
          c.V_LR += fD00 * (-1.0) * pR * qR;           // [β̄γP_Lα][β̄γP_Rβ]
          c.V_RL += fD00 * (-2.0) * (-0.5) * pR * qL;  // [β̄P_Rα][β̄P_Lβ]
        }
      }
    }
  // identical ℓ_β fields: (β̄σP_Xα)(β̄σP_Xβ) = -12 (β̄P_Xα)(β̄P_Xβ)
  c.S_RR += -12.0 * TR;
  c.S_LL += -12.0 * TL;
  return c;
}

inline FourLeptonCoefficients four_lepton_boxes(const LeptonSector& s, int beta, int alpha) noexcept {
  return four_lepton_boxes(s, beta, alpha, detail::leptons::box_table(s));
}

}  // namespace darkloops
