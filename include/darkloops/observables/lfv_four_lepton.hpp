// SPDX-License-Identifier: MIT
// Four-lepton box operators of general flavour, ℓ_α → ℓ_β ℓ_γ ℓ̄_δ: the complete chiral basis
// (vector, scalar, tensor) of (β̄ Γ α)(γ̄ Γ' δ), the anticommuting-field Fierz and
// charge-conjugation maps, and the box coefficients (Dirac + Majorana-crossed) of the N–H_k
// loops for any flavours — τ → eμμ̄, τ → μeē (photon/Z penguins added in lfv_three_body.hpp)
// and the ΔL_flavour = 2 modes τ → eeμ̄, τ → μμē (boxes only).
// Derivation, conventions and the reduction rules: docs/physics.md §5.9.
#pragma once

#include <array>
#include <complex>

#include "darkloops/core/types.hpp"
#include "darkloops/observables/lepton_amplitudes.hpp"

namespace darkloops {

/// Coefficients [GeV^-2] of L_eff ⊃ Σ_i C_i (ψ̄1 Γ_i ψ2)(ψ̄3 Γ'_i ψ4) in the complete chiral basis
///   VLL..VRR: (γ^μ P_X) ⊗ (γ_μ P_Y);  SLL..SRR: P_X ⊗ P_Y;  TLL, TRR: (σ^{μν} P_X) ⊗ (σ_{μν} P_X)
/// (σP_L ⊗ σP_R vanishes identically). The pairing (ψ1 ψ2)(ψ3 ψ4) is fixed by the user.
struct ChiralBasis {
  enum Index : int { VLL = 0, VLR, VRL, VRR, SLL, SLR, SRL, SRR, TLL, TRR, size };
  std::array<cplx, size> c{};
  cplx& operator[](int i) { return c[static_cast<std::size_t>(i)]; }
  cplx operator[](int i) const { return c[static_cast<std::size_t>(i)]; }
  ChiralBasis& operator+=(const ChiralBasis& o) {
    for (std::size_t i = 0; i < c.size(); ++i) c[i] += o.c[i];
    return *this;
  }
};

namespace detail::leptons {

/// Fierz rearrangement for anticommuting fields: (ψ̄1 A ψ2)(ψ̄3 B ψ4) = Σ (ψ̄1 A' ψ4)(ψ̄3 B' ψ2),
/// docs/physics.md §5.9 eq. (F): VLL → VLL, VLR → -2 SRL, VRL → -2 SLR, SLR → -½ VRL,
/// SRL → -½ VLR, SLL → -½ SLL - ⅛ TLL, TLL → -6 SLL + ½ TLL (and L ↔ R).
inline ChiralBasis fierz(const ChiralBasis& x) noexcept {
  using B = ChiralBasis;
  ChiralBasis y;
  y[B::VLL] += x[B::VLL];
  y[B::VRR] += x[B::VRR];
  y[B::SRL] += -2.0 * x[B::VLR];
  y[B::SLR] += -2.0 * x[B::VRL];
  y[B::VRL] += -0.5 * x[B::SLR];
  y[B::VLR] += -0.5 * x[B::SRL];
  y[B::SLL] += -0.5 * x[B::SLL] - 6.0 * x[B::TLL];
  y[B::TLL] += -0.125 * x[B::SLL] + 0.5 * x[B::TLL];
  y[B::SRR] += -0.5 * x[B::SRR] - 6.0 * x[B::TRR];
  y[B::TRR] += -0.125 * x[B::SRR] + 0.5 * x[B::TRR];
  return y;
}

/// Exchange of the two bilinears: (ψ̄1 A ψ2)(ψ̄3 B ψ4) = (ψ̄3 B ψ4)(ψ̄1 A ψ2) (bosonic bilinears).
inline ChiralBasis swap_bilinears(const ChiralBasis& x) noexcept {
  using B = ChiralBasis;
  ChiralBasis y = x;
  y[B::VLR] = x[B::VRL];
  y[B::VRL] = x[B::VLR];
  y[B::SLR] = x[B::SRL];
  y[B::SRL] = x[B::SLR];
  return y;
}

/// Second bilinear conjugated: (ψ̄1 A ψ2)(ψ̄3^c B ψ4^c) = (ψ̄1 A ψ2)(ψ̄4 B' ψ3), B' = C Bᵀ C⁻¹:
/// γP_L → -γP_R, γP_R → -γP_L, P_X → P_X, σP_X → -σP_X.
inline ChiralBasis conjugate_second(const ChiralBasis& x) noexcept {
  using B = ChiralBasis;
  ChiralBasis y = x;
  y[B::VLL] = -x[B::VLR];
  y[B::VLR] = -x[B::VLL];
  y[B::VRL] = -x[B::VRR];
  y[B::VRR] = -x[B::VRL];
  y[B::TLL] = -x[B::TLL];
  y[B::TRR] = -x[B::TRR];
  return y;
}

/// Place a term in the pairing (p̄ q)(r̄ s) into the target pairing (β̄ α)(γ̄ δ): direct, swapped,
/// Fierzed, or swapped and Fierzed; the first rule whose flavours match is used (each term once).
inline void add_to_target(ChiralBasis& target, const ChiralBasis& term, int p, int q, int r, int s, int beta,
                          int alpha, int gamma, int delta) noexcept {
  if (p == beta && q == alpha && r == gamma && s == delta)
    target += term;
  else if (p == gamma && q == delta && r == beta && s == alpha)
    target += swap_bilinears(term);
  else if (p == beta && q == delta && r == gamma && s == alpha)
    target += fierz(term);
  else if (p == gamma && q == alpha && r == beta && s == delta)
    target += fierz(swap_bilinears(term));
}

}  // namespace detail::leptons

namespace detail::leptons {

/// W[X][Y][i][j][k] = conj(X(i,k)) Y(j,k), X, Y ∈ {cL, cR}: every coupling pair the boxes need,
/// computed once per sector (manual complex products: no NaN-recovery calls in the hot loop).
struct PairTable {
  cplx w[2][2][3][3][3];
  const cplx* operator()(int X, int Y, int i, int j) const noexcept { return w[X][Y][i][j]; }
};
inline PairTable pair_table(const LeptonSector& s) noexcept {
  double re[2][3][3], im[2][3][3];  // [X][i][k], plain arrays (cL, cR are column-major 3×3)
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k) {
      re[0][i][k] = s.cL(i, k).real();
      im[0][i][k] = s.cL(i, k).imag();
      re[1][i][k] = s.cR(i, k).real();
      im[1][i][k] = s.cR(i, k).imag();
    }
  PairTable t;
  for (int X = 0; X < 2; ++X)
    for (int Y = X; Y < 2; ++Y)
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
          for (int k = 0; k < 3; ++k) {
            const double ar = re[X][i][k], ai = im[X][i][k], br = re[Y][j][k], bi = im[Y][j][k];
            const double wr = ar * br + ai * bi, wi = ar * bi - ai * br;
            t.w[X][Y][i][j][k] = cplx(wr, wi);
            t.w[Y][X][j][i][k] = cplx(wr, -wi);  // conj(Y_j) X_i = conj(conj(X_i) Y_j)
          }
  return t;
}

/// Σ_kl P_k D_kl Q_l for a real symmetric 3×3 D.
inline cplx bilinear(const double (&D)[3][3], const cplx* P, const cplx* Q) noexcept {
  double re = 0.0, im = 0.0;
  for (int k = 0; k < 3; ++k) {
    double qr = 0.0, qi = 0.0;
    for (int l = 0; l < 3; ++l) {
      qr += D[k][l] * Q[l].real();
      qi += D[k][l] * Q[l].imag();
    }
    re += P[k].real() * qr - P[k].imag() * qi;
    im += P[k].real() * qi + P[k].imag() * qr;
  }
  return {re, im};
}

}  // namespace detail::leptons

/// Box coefficients (Dirac + Majorana-crossed, zero external momenta) of ℓ_α → ℓ_β ℓ_γ ℓ̄_δ in the
/// basis (β̄ Γ α)(γ̄ Γ' δ), from L_Dirac and L_cross of docs/physics.md §5.4 summed literally over
/// their flavour assignments (a, b, c, d) that match the fields {β̄, γ̄} and {α, δ}; the assignment
/// and its mirror (c, d, a, b) [Dirac], (b, a, d, c) [crossed] are equal operators (k ↔ l), so
/// one of each pair is evaluated with weight 2 (§5.9). `B` = detail::leptons::box_table(s),
/// `W` = detail::leptons::pair_table(s). Valid for any flavours; for β = γ the basis is
/// overcomplete (use reduce_identical()).
inline ChiralBasis four_lepton_boxes_general(int beta, int alpha, int gamma, int delta, double M_N,
                                             const detail::leptons::BoxTable& B,
                                             const detail::leptons::PairTable& W) noexcept {
  using detail::leptons::bilinear;
  using detail::leptons::inv16pi2;
  using Bs = ChiralBasis;
  constexpr int L = 0, R = 1;
  const double f = 0.5 * inv16pi2;  // 1/(32 π^2)
  double D1[3][3], D2[3][3], mD1[3][3];
  for (int k = 0; k < 3; ++k)
    for (int l = 0; l < 3; ++l) {
      D1[k][l] = f * B.d00[k][l];
      mD1[k][l] = -D1[k][l];
      D2[k][l] = f * M_N * M_N * B.d0[k][l];
    }
  ChiralBasis out;
  const int bars[2][2] = {{beta, gamma}, {gamma, beta}};
  const int fields[2][2] = {{alpha, delta}, {delta, alpha}};
  const int nbar = beta == gamma ? 1 : 2, nfield = alpha == delta ? 1 : 2;
  for (int ib = 0; ib < nbar; ++ib)
    for (int jf = 0; jf < nfield; ++jf) {
      const int mb = nbar == 2 ? 1 - ib : ib, mf = nfield == 2 ? 1 - jf : jf;  // the mirror assignment
      if (mb * 2 + mf < ib * 2 + jf) continue;                                  // evaluated with its mirror
      const double w = (mb == ib && mf == jf) ? 1.0 : 2.0;
      // ---- Dirac: [ā Γ̄_a^k (γ) Γ_b^l b][c̄ Γ̄_c^l (γ) Γ_d^k d], (a, c) = bars, (b, d) = fields:
      //      couplings factor as P_k = conj(X_a,k) Y_d,k and Q_l = conj(X'_c,l) Y'_b,l
      {
        const int a = bars[ib][0], c = bars[ib][1], b = fields[jf][0], d = fields[jf][1];
        ChiralBasis t;
        t[Bs::VLL] = bilinear(D1, W(L, L, a, d), W(L, L, c, b));
        t[Bs::VLR] = bilinear(D1, W(L, R, a, d), W(R, L, c, b));
        t[Bs::VRL] = bilinear(D1, W(R, L, a, d), W(L, R, c, b));
        t[Bs::VRR] = bilinear(D1, W(R, R, a, d), W(R, R, c, b));
        t[Bs::SRR] = bilinear(D2, W(L, R, a, d), W(L, R, c, b));
        t[Bs::SRL] = bilinear(D2, W(L, L, a, d), W(R, R, c, b));
        t[Bs::SLR] = bilinear(D2, W(R, R, a, d), W(L, L, c, b));
        t[Bs::SLL] = bilinear(D2, W(R, L, a, d), W(R, L, c, b));
        for (auto& x : t.c) x *= w;
        detail::leptons::add_to_target(out, t, a, b, c, d, beta, alpha, gamma, delta);
      }
      // ---- crossed: [ā Γ̄_a^k (γ) Γ̄_b^l b^c][c̄^c Γ_c^k (γ) Γ_d^l d], (a, b) = bars, (c, d) = fields;
      // coefficient -D00 for the γ⊗γ part, +M^2 D0 for the rest; P_k = conj(X_a,k) Y_c,k,
      // Q_l = conj(X'_b,l) Y'_d,l. Fierz (ā d)(c̄^c b^c), then (c̄^c X b^c) = (b̄ X' c).
      {
        const int a = bars[ib][0], b = bars[ib][1], c = fields[jf][0], d = fields[jf][1];
        ChiralBasis t;
        t[Bs::VLL] = bilinear(mD1, W(L, R, a, c), W(R, L, b, d));
        t[Bs::VLR] = bilinear(mD1, W(L, L, a, c), W(R, R, b, d));
        t[Bs::VRL] = bilinear(mD1, W(R, R, a, c), W(L, L, b, d));
        t[Bs::VRR] = bilinear(mD1, W(R, L, a, c), W(L, R, b, d));
        t[Bs::SRL] = bilinear(D2, W(L, L, a, c), W(L, L, b, d));
        t[Bs::SRR] = bilinear(D2, W(L, R, a, c), W(L, R, b, d));
        t[Bs::SLL] = bilinear(D2, W(R, L, a, c), W(R, L, b, d));
        t[Bs::SLR] = bilinear(D2, W(R, R, a, c), W(R, R, b, d));
        for (auto& x : t.c) x *= w;
        const ChiralBasis u = detail::leptons::conjugate_second(detail::leptons::fierz(t));
        detail::leptons::add_to_target(out, u, a, d, b, c, beta, alpha, gamma, delta);
      }
    }
  return out;
}

inline ChiralBasis four_lepton_boxes_general(const LeptonSector& s, int beta, int alpha, int gamma, int delta,
                                             const detail::leptons::BoxTable& B) noexcept {
  return four_lepton_boxes_general(beta, alpha, gamma, delta, s.M_N, B, detail::leptons::pair_table(s));
}

/// Reduce the overcomplete basis (β̄ Γ α)(β̄ Γ' δ) (two identical β̄ fields) onto
/// V_XY and S_XX of FourLeptonCoefficients: SLR → -½ V_LR, SRL → -½ V_RL, T_XX → -12 S_XX.
inline FourLeptonCoefficients reduce_identical(const ChiralBasis& x) noexcept {
  using B = ChiralBasis;
  FourLeptonCoefficients c;
  c.V_LL = x[B::VLL];
  c.V_RR = x[B::VRR];
  c.V_LR = x[B::VLR] - 0.5 * x[B::SLR];
  c.V_RL = x[B::VRL] - 0.5 * x[B::SRL];
  c.S_LL = x[B::SLL] - 12.0 * x[B::TLL];
  c.S_RR = x[B::SRR] - 12.0 * x[B::TRR];
  return c;
}

}  // namespace darkloops
