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
#include <cstddef>
#include <utility>

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

/// The flavour maps below act linearly on the ten coefficients; they are written once for any
/// element type V with V + V, -V and double * V (constexpr: the box code composes them at compile
/// time into one sparse matrix per diagram class and placement, see kPartMaps).
template <class V>
using Basis = std::array<V, ChiralBasis::size>;

/// Fierz rearrangement for anticommuting fields: (ψ̄1 A ψ2)(ψ̄3 B ψ4) = Σ (ψ̄1 A' ψ4)(ψ̄3 B' ψ2),
/// docs/physics.md §5.9 eq. (F): VLL → VLL, VLR → -2 SRL, VRL → -2 SLR, SLR → -½ VRL,
/// SRL → -½ VLR, SLL → -½ SLL - ⅛ TLL, TLL → -6 SLL + ½ TLL (and L ↔ R).
template <class V>
constexpr Basis<V> fierz(const Basis<V>& x) noexcept {
  using B = ChiralBasis;
  Basis<V> y{};
  y[B::VLL] = x[B::VLL];
  y[B::VRR] = x[B::VRR];
  y[B::SRL] = -2.0 * x[B::VLR];
  y[B::SLR] = -2.0 * x[B::VRL];
  y[B::VRL] = -0.5 * x[B::SLR];
  y[B::VLR] = -0.5 * x[B::SRL];
  y[B::SLL] = -0.5 * x[B::SLL] + -6.0 * x[B::TLL];
  y[B::TLL] = -0.125 * x[B::SLL] + 0.5 * x[B::TLL];
  y[B::SRR] = -0.5 * x[B::SRR] + -6.0 * x[B::TRR];
  y[B::TRR] = -0.125 * x[B::SRR] + 0.5 * x[B::TRR];
  return y;
}

/// Exchange of the two bilinears: (ψ̄1 A ψ2)(ψ̄3 B ψ4) = (ψ̄3 B ψ4)(ψ̄1 A ψ2) (bosonic bilinears).
template <class V>
constexpr Basis<V> swap_bilinears(const Basis<V>& x) noexcept {
  using B = ChiralBasis;
  Basis<V> y = x;
  y[B::VLR] = x[B::VRL];
  y[B::VRL] = x[B::VLR];
  y[B::SLR] = x[B::SRL];
  y[B::SRL] = x[B::SLR];
  return y;
}

/// Second bilinear conjugated: (ψ̄1 A ψ2)(ψ̄3^c B ψ4^c) = (ψ̄1 A ψ2)(ψ̄4 B' ψ3), B' = C Bᵀ C⁻¹:
/// γP_L → -γP_R, γP_R → -γP_L, P_X → P_X, σP_X → -σP_X.
template <class V>
constexpr Basis<V> conjugate_second(const Basis<V>& x) noexcept {
  using B = ChiralBasis;
  Basis<V> y = x;
  y[B::VLL] = -1.0 * x[B::VLR];
  y[B::VLR] = -1.0 * x[B::VLL];
  y[B::VRL] = -1.0 * x[B::VRR];
  y[B::VRR] = -1.0 * x[B::VRL];
  y[B::TLL] = -1.0 * x[B::TLL];
  y[B::TRR] = -1.0 * x[B::TRR];
  return y;
}

/// How a term in the pairing (p̄ q)(r̄ s) is placed into the target pairing (β̄ α)(γ̄ δ): 0 directly,
/// 1 by exchanging the bilinears, 2 by a Fierz, 3 by both (the first rule whose flavours match;
/// -1: none matches).
inline int placement(int p, int q, int r, int s, int beta, int alpha, int gamma, int delta) noexcept {
  if (p == beta && q == alpha && r == gamma && s == delta) return 0;
  if (p == gamma && q == delta && r == beta && s == alpha) return 1;
  if (p == beta && q == delta && r == gamma && s == alpha) return 2;
  if (p == gamma && q == alpha && r == beta && s == delta) return 3;
  return -1;
}
/// Place a term: 0 as is, 1 exchanged, 2 Fierzed, 3 exchanged and Fierzed.
template <class V>
constexpr Basis<V> placed(const Basis<V>& x, int place) noexcept {
  if (place == 1) return swap_bilinears(x);
  if (place == 2) return fierz(x);
  if (place == 3) return fierz(swap_bilinears(x));
  return x;
}

}  // namespace detail::leptons

namespace detail::leptons {

/// What the general boxes of one decaying lepton α share across final states (docs/physics.md
/// §5.9, "shared evaluation"). Every coupling product of the boxes is a form Σ_kl P_k D^n_kl Q_l of
/// two pair vectors W^{XY}(i, j)_k = conj(X_ik) Y_jk (X, Y ∈ {cL, cR}; i a bar, j a field flavour),
/// D^0 = D00/(32π²), D^1 = M_N² D0/(32π²) (symmetric), and one of the two pairs has the field α.
/// The table holds the couplings and, for the bar flavours x in `bars`, the loop-weighted α-vectors
///   A^{n,XY}(x)_k = Σ_l D^n_kl W^{XY}(x, α)_l
/// in two groups of four columns, the combinations the forms need (see pairing_forms):
///   group 1: A^{0,LL}, A^{0,RR}, A^{1,LL}, A^{1,RR};   group 2: A^{0,RL}, A^{1,LR}, A^{0,LR}, A^{1,RL},
/// stored [x][re, im][k][column] so that the forms are column-wise (vectorisable) sums; plain doubles
/// (no zero-initialisation of the table).
struct GeneralBoxTable {
  int alpha = 0;
  unsigned bars = 0;         ///< bit x set: A1[x], A2[x] are filled
  double c[2][3][3][2];      ///< [X][i][k][re, im]: X = 0 cL(i, k), 1 cR(i, k)
  double A1[3][2][3][4];     ///< group 1, [x][re, im][k][column]
  double A2[3][2][3][4];     ///< group 2
};

/// Fill the table for decaying lepton `alpha` and the bar flavours in the bit mask `bars`.
inline void fill_general_box_table(GeneralBoxTable& t, const LeptonSector& s, const BoxTable& B, int alpha,
                                   unsigned bars = 7u) noexcept {
  constexpr int LL = 0, LR = 1, RL = 2, RR = 3;
  const double f = 0.5 * inv16pi2;  // 1/(32 π^2)
  const double M_N = s.M_N;
  double D[2][3][3];
  for (int k = 0; k < 3; ++k)
    for (int l = 0; l < 3; ++l) {
      D[0][k][l] = f * B.d00[k][l];
      D[1][k][l] = f * M_N * M_N * B.d0[k][l];
    }
  // loop matrix and chirality of each column
  constexpr int n1[4] = {0, 0, 1, 1}, xy1[4] = {LL, RR, LL, RR};
  constexpr int n2[4] = {0, 1, 0, 1}, xy2[4] = {RL, LR, LR, RL};
  double D1[3][3][4], D2[3][3][4];
  for (int k = 0; k < 3; ++k)
    for (int l = 0; l < 3; ++l)
      for (int col = 0; col < 4; ++col) {
        D1[k][l][col] = D[n1[col]][k][l];
        D2[k][l][col] = D[n2[col]][k][l];
      }
  t.alpha = alpha;
  t.bars = bars;
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k) {
      t.c[0][i][k][0] = s.cL(i, k).real();
      t.c[0][i][k][1] = s.cL(i, k).imag();
      t.c[1][i][k][0] = s.cR(i, k).real();
      t.c[1][i][k][1] = s.cR(i, k).imag();
    }
  for (int x = 0; x < 3; ++x) {
    if (!(bars >> x & 1u)) continue;
    double wr[4][3], wi[4][3];  // W^{XY}(x, α)_l, XY = 2X + Y
    for (int X = 0; X < 2; ++X)
      for (int Y = 0; Y < 2; ++Y)
        for (int l = 0; l < 3; ++l) {
          const double ar = t.c[X][x][l][0], ai = t.c[X][x][l][1], br = t.c[Y][alpha][l][0], bi = t.c[Y][alpha][l][1];
          wr[2 * X + Y][l] = ar * br + ai * bi;
          wi[2 * X + Y][l] = ar * bi - ai * br;
        }
    double w1[2][3][4], w2[2][3][4];  // the W of each column, [re, im][l][column]
    for (int l = 0; l < 3; ++l)
      for (int col = 0; col < 4; ++col) {
        w1[0][l][col] = wr[xy1[col]][l];
        w1[1][l][col] = wi[xy1[col]][l];
        w2[0][l][col] = wr[xy2[col]][l];
        w2[1][l][col] = wi[xy2[col]][l];
      }
    for (int z = 0; z < 2; ++z)
      for (int k = 0; k < 3; ++k) {
        double q1[4] = {0.0, 0.0, 0.0, 0.0}, q2[4] = {0.0, 0.0, 0.0, 0.0};
        for (int l = 0; l < 3; ++l)
          for (int col = 0; col < 4; ++col) {
            q1[col] += D1[k][l][col] * w1[z][l][col];
            q2[col] += D2[k][l][col] * w2[z][l][col];
          }
        for (int col = 0; col < 4; ++col) {
          t.A1[x][z][k][col] = q1[col];
          t.A2[x][z][k][col] = q2[col];
        }
      }
  }
}
inline GeneralBoxTable general_box_table(const LeptonSector& s, const BoxTable& B, int alpha,
                                         unsigned bars = 7u) noexcept {
  GeneralBoxTable t;
  fill_general_box_table(t, s, B, alpha, bars);
  return t;
}

/// The twelve forms of one flavour pairing {P = (x1, f1), Q = (x2, α)} that the Dirac and crossed
/// boxes use, G = Σ_kl W^{P chirality}(x1, f1)_k D^n_kl W^{Q chirality}(x2, α)_l = Σ_k P_k A^{n,Q}(x2)_k:
///   0-3: P = LL with group-1 columns (n, Q) = (0, LL) (0, RR) (1, LL) (1, RR);  4-7: P = RR with the same;
///   8-11: group 2, (P; n, Q) = (LR; 0, RL) (LR; 1, LR) (RL; 0, LR) (RL; 1, RL).
/// The set is closed under P ↔ Q (D symmetric): kSwapForm.
struct PairingForms {
  double re[12], im[12];
};
inline constexpr int kSwapForm[12] = {0, 4, 2, 6, 1, 5, 3, 7, 10, 9, 8, 11};

inline PairingForms pairing_forms(const GeneralBoxTable& t, int x1, int f1, int x2) noexcept {
  constexpr int LL = 0, LR = 1, RL = 2, RR = 3;
  // P^{XY}_k = conj(X_x1,k) Y_f1,k, index XY = 2X + Y
  double pr[4][3], pi[4][3];
  for (int X = 0; X < 2; ++X)
    for (int Y = 0; Y < 2; ++Y)
      for (int k = 0; k < 3; ++k) {
        const double ar = t.c[X][x1][k][0], ai = t.c[X][x1][k][1], br = t.c[Y][f1][k][0], bi = t.c[Y][f1][k][1];
        pr[2 * X + Y][k] = ar * br + ai * bi;
        pi[2 * X + Y][k] = ar * bi - ai * br;
      }
  // rows: P = LL and P = RR against the group-1 columns; P = (LR, LR, RL, RL) against group 2
  // (P broadcast from registers: no scalar stores re-read as vectors)
  PairingForms G;
  const double(&a1)[2][3][4] = t.A1[x2];
  const double(&a2)[2][3][4] = t.A2[x2];
  for (int row = 0; row < 3; ++row) {
    const double(&a)[2][3][4] = row < 2 ? a1 : a2;
    double re[4] = {0.0, 0.0, 0.0, 0.0}, im[4] = {0.0, 0.0, 0.0, 0.0};
    for (int k = 0; k < 3; ++k)
      for (int half = 0; half < 2; ++half) {
        const int p = row == 0 ? LL : (row == 1 ? RR : (half == 0 ? LR : RL));
        const double r = pr[p][k], i = pi[p][k];
        for (int col = 2 * half; col < 2 * half + 2; ++col) {
          re[col] += r * a[0][k][col] - i * a[1][k][col];
          im[col] += r * a[1][k][col] + i * a[0][k][col];
        }
      }
    for (int col = 0; col < 4; ++col) {
      G.re[4 * row + col] = re[col];
      G.im[4 * row + col] = im[col];
    }
  }
  return G;
}

/// One diagram class of one assignment as a sparse linear map from the twelve forms of its pairing
/// to the ten target coefficients, composed at compile time:
///   Dirac  (ā b)(c̄ d): V_XY ← D00 forms, S ← M² D0 forms, then the placement;
///   crossed: V ← -D00, S ← M² D0 forms in (ā b^c)(c̄^c d), Fierz to (ā d)(c̄^c b^c), charge
///   conjugation of the second bilinear to (ā d)(b̄ c), then the placement (docs/physics.md §5.9).
/// `swapped`: the caller's (P, Q) orientation is the stored one exchanged (kSwapForm).
struct FormCoefficients {  // one target coefficient as a combination of the forms
  double c[12] = {};
  constexpr FormCoefficients operator+(const FormCoefficients& o) const noexcept {
    FormCoefficients r;
    for (int m = 0; m < 12; ++m) r.c[m] = c[m] + o.c[m];
    return r;
  }
  friend constexpr FormCoefficients operator*(double a, const FormCoefficients& x) noexcept {
    FormCoefficients r;
    for (int m = 0; m < 12; ++m) r.c[m] = a * x.c[m];
    return r;
  }
};
struct PartMap {
  struct Entry {
    int s, m;     ///< target structure, form index
    double coef;  ///< exact: products of 2^k, 6 and their sums
  };
  Entry e[24]{};
  int n = 0;
};
constexpr PartMap make_part_map(bool crossed, bool swapped, int place) noexcept {
  // structure ← form index; VLL VLR VRL VRR SLL SLR SRL SRR (TLL, TRR: 0)
  constexpr int dirac[8] = {0, 8, 10, 5, 11, 6, 3, 9};
  constexpr int cross[8] = {8, 1, 4, 10, 11, 7, 2, 9};
  Basis<FormCoefficients> t{};
  for (int i = 0; i < 8; ++i) {
    const int m0 = crossed ? cross[i] : dirac[i], m = swapped ? kSwapForm[m0] : m0;
    t[static_cast<std::size_t>(i)].c[m] = (crossed && i < 4) ? -1.0 : 1.0;
  }
  if (crossed) t = conjugate_second(fierz(t));
  t = placed(t, place);
  PartMap M;
  for (int s = 0; s < ChiralBasis::size; ++s)
    for (int m = 0; m < 12; ++m)
      if (t[static_cast<std::size_t>(s)].c[m] != 0.0) M.e[M.n++] = {s, m, t[static_cast<std::size_t>(s)].c[m]};
  return M;
}
struct PartMaps {
  PartMap map[2][2][4];  ///< [crossed][swapped][placement]
};
constexpr PartMaps make_part_maps() noexcept {
  PartMaps P;
  for (int c = 0; c < 2; ++c)
    for (int sw = 0; sw < 2; ++sw)
      for (int pl = 0; pl < 4; ++pl) P.map[c][sw][pl] = make_part_map(c == 1, sw == 1, pl);
  return P;
}
inline constexpr PartMaps kPartMaps = make_part_maps();

/// out += w · M · G for the map M = kPartMaps.map[C][S][P], unrolled at compile time (constant
/// indices and coefficients; the part is summed locally, then added to out once per structure).
template <int C, int S, int P, std::size_t... J>
inline void add_part_impl(double* out_re, double* out_im, const PairingForms& G, double w,
                          std::index_sequence<J...>) noexcept {
  constexpr const PartMap& M = kPartMaps.map[C][S][P];
  double re[ChiralBasis::size] = {}, im[ChiralBasis::size] = {};
  ((re[M.e[J].s] += (M.e[J].coef * w) * G.re[M.e[J].m], im[M.e[J].s] += (M.e[J].coef * w) * G.im[M.e[J].m]), ...);
  for (int i = 0; i < ChiralBasis::size; ++i) {
    out_re[i] += re[i];
    out_im[i] += im[i];
  }
}
template <int C, int S, int P>
inline void add_part(double* out_re, double* out_im, const PairingForms& G, double w) noexcept {
  add_part_impl<C, S, P>(out_re, out_im, G, w, std::make_index_sequence<static_cast<std::size_t>(kPartMaps.map[C][S][P].n)>{});
}
using AddPart = void (*)(double*, double*, const PairingForms&, double) noexcept;
template <int C, int S>
inline constexpr AddPart kAddPart4[4] = {add_part<C, S, 0>, add_part<C, S, 1>, add_part<C, S, 2>, add_part<C, S, 3>};
inline constexpr const AddPart* kAddPart[2][2] = {{kAddPart4<0, 0>, kAddPart4<0, 1>}, {kAddPart4<1, 0>, kAddPart4<1, 1>}};

}  // namespace detail::leptons

/// Box coefficients (Dirac + Majorana-crossed, zero external momenta) of ℓ_α → ℓ_β ℓ_γ ℓ̄_δ in the
/// basis (β̄ Γ α)(γ̄ Γ' δ), from L_Dirac and L_cross of docs/physics.md §5.4 summed literally over
/// their flavour assignments (a, b, c, d) that match the fields {β̄, γ̄} and {α, δ}; the assignment
/// and its mirror (c, d, a, b) [Dirac], (b, a, d, c) [crossed] are equal operators (k ↔ l), so
/// one of each pair is evaluated with weight 2 (§5.9). Every coupling product is a form of one of
/// the (at most two) flavour pairings {(x1, f1), (x2, f2)} of bars and fields, shared by Dirac and
/// crossed terms (§5.9, shared evaluation). α = T.alpha; `T` = detail::leptons::general_box_table
/// (s, B, α) with β and γ among its bars, shared by all final states of one α. Valid for any
/// flavours; for β = γ the basis is overcomplete (use reduce_identical()).
inline ChiralBasis four_lepton_boxes_general(int beta, int gamma, int delta,
                                             const detail::leptons::GeneralBoxTable& T) noexcept {
  const int alpha = T.alpha;
  // Pairings computed so far (key: x1, f1, x2 with f2 = α; at most two distinct per final state).
  int key[4][3];
  detail::leptons::PairingForms forms[4];
  int nforms = 0;
  // Form set of the pairing {(p1, p2), (q1, q2)} and whether the caller's (P, Q) is swapped with
  // respect to the stored orientation (Q = the pair with field α; of two such, the larger bar).
  auto lookup = [&](int p1, int p2, int q1, int q2, bool& swapped) -> const detail::leptons::PairingForms& {
    swapped = !(q2 == alpha && (p2 != alpha || q1 >= p1));
    const int x1 = swapped ? q1 : p1, f1 = swapped ? q2 : p2, x2 = swapped ? p1 : q1;
    for (int i = 0; i < nforms; ++i)
      if (key[i][0] == x1 && key[i][1] == f1 && key[i][2] == x2) return forms[i];
    key[nforms][0] = x1;
    key[nforms][1] = f1;
    key[nforms][2] = x2;
    forms[nforms] = detail::leptons::pairing_forms(T, x1, f1, x2);
    return forms[nforms++];
  };
  double out_re[ChiralBasis::size] = {}, out_im[ChiralBasis::size] = {};
  const int bars[2][2] = {{beta, gamma}, {gamma, beta}};
  const int fields[2][2] = {{alpha, delta}, {delta, alpha}};
  const int nbar = beta == gamma ? 1 : 2, nfield = alpha == delta ? 1 : 2;
  for (int ib = 0; ib < nbar; ++ib)
    for (int jf = 0; jf < nfield; ++jf) {
      const int mb = nbar == 2 ? 1 - ib : ib, mf = nfield == 2 ? 1 - jf : jf;  // the mirror assignment
      if (mb * 2 + mf < ib * 2 + jf) continue;                                  // evaluated with its mirror
      const double w = (mb == ib && mf == jf) ? 1.0 : 2.0;
      bool sw = false;
      // ---- Dirac: [ā Γ̄_a^k (γ) Γ_b^l b][c̄ Γ̄_c^l (γ) Γ_d^k d], (a, c) = bars, (b, d) = fields:
      //      couplings factor as P_k = conj(X_a,k) Y_d,k and Q_l = conj(X'_c,l) Y'_b,l
      {
        const int a = bars[ib][0], c = bars[ib][1], b = fields[jf][0], d = fields[jf][1];
        const auto& G = lookup(a, d, c, b, sw);
        const int place = detail::leptons::placement(a, b, c, d, beta, alpha, gamma, delta);
        if (place >= 0) detail::leptons::kAddPart[0][sw][place](out_re, out_im, G, w);
      }
      // ---- crossed: [ā Γ̄_a^k (γ) Γ̄_b^l b^c][c̄^c Γ_c^k (γ) Γ_d^l d], (a, b) = bars, (c, d) = fields;
      // coefficient -D00 for the γ⊗γ part, +M^2 D0 for the rest; P_k = conj(X_a,k) Y_c,k,
      // Q_l = conj(X'_b,l) Y'_d,l. Fierz (ā d)(c̄^c b^c), then (c̄^c X b^c) = (b̄ X' c).
      {
        const int a = bars[ib][0], b = bars[ib][1], c = fields[jf][0], d = fields[jf][1];
        const auto& G = lookup(a, c, b, d, sw);
        const int place = detail::leptons::placement(a, d, b, c, beta, alpha, gamma, delta);
        if (place >= 0) detail::leptons::kAddPart[1][sw][place](out_re, out_im, G, w);
      }
    }
  ChiralBasis r;
  for (int i = 0; i < ChiralBasis::size; ++i) r[i] = cplx(out_re[i], out_im[i]);
  return r;
}

inline ChiralBasis four_lepton_boxes_general(const LeptonSector& s, int beta, int alpha, int gamma, int delta,
                                             const detail::leptons::BoxTable& B) noexcept {
  const unsigned bars = (1u << beta) | (1u << gamma);
  return four_lepton_boxes_general(beta, gamma, delta, detail::leptons::general_box_table(s, B, alpha, bars));
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
