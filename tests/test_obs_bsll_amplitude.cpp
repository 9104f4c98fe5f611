// SPDX-License-Identifier: MIT
// Amplitude-level checks of the b -> s box coefficients (docs/validation.md <!-- bsll -->):
// every box diagram is built from explicit gamma matrices, explicit external spinors and the
// library's zero-momentum D0/D00, summed with the signs of Denner's Majorana fermion-flow
// rules, and compared with the matrix element of the effective operators — no Fierz identity
// and no charge-conjugation identity of the derivation is used here.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <vector>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "darkloops/loop/c.hpp"
#include "darkloops/loop/zero_momentum.hpp"
#include "darkloops/model/model.hpp"
#include "darkloops/model/presets.hpp"
#include "darkloops/observables/bsll.hpp"
#include "support/dirac.hpp"

using namespace darkloops;
using namespace darkloops::testing;

namespace {

constexpr double kPi = 3.14159265358979323846;

// Relative difference with a floor on the scale (so that exact zeros compare sensibly).
double rel_diff(cplx a, cplx b, double scale) { return std::abs(a - b) / scale; }

BoxIntegrals box_integrals(double M2, double mS2, double mk2) {
  return {loop::zero::D0(M2, M2, mS2, mk2), loop::zero::D00(M2, M2, mS2, mk2)};
}

// External states of b(p_b) -> s(p_s) l_i^-(p_1) l_j^+(p_2), spinors for given helicities.
struct SemileptonicKinematics {
  BarSpinor ubar_s, ubar_1, ubar_2;  // ubar_2: l^+ in reversed flow
  Spinor u_b, v_1, v_2;              // v_1: l^- in reversed flow
};
SemileptonicKinematics semileptonic_kinematics(Random& rng, const std::array<int, 4>& h) {
  // Masses are arbitrary here: the identity tested is algebraic in the spinors.
  const FourMomentum pb = rng.momentum(4.8, 2.0), ps = rng.momentum(0.5, 2.0);
  const FourMomentum p1 = rng.momentum(0.1, 2.0), p2 = rng.momentum(0.1, 2.0);
  SemileptonicKinematics k;
  k.u_b = u_spinor(pb, 4.8, h[0]);
  k.ubar_s = bar(u_spinor(ps, 0.5, h[1]));
  k.ubar_1 = bar(u_spinor(p1, 0.1, h[2]));
  k.v_1 = v_spinor(p1, 0.1, h[2]);
  k.v_2 = v_spinor(p2, 0.1, h[3]);
  k.ubar_2 = bar(u_spinor(p2, 0.1, h[3]));
  return k;
}

// Couplings of one Majorana fermion N in the conventions of darkloops::Couplings:
//   -L ⊃ y_q dbar_q P_R N S_d + Nbar (a(l,k) P_L + c(l,k) P_R) l H_k + h.c.
struct BoxCouplings {
  cplx y_s, y_b;
  std::vector<cplx> a_i, c_i, a_j, c_j;  // over scalars k; i = l^- flavour, j = l^+ flavour
};

// Labels of the external spinors for the permutation signs; reference order (s, b, l^-, l^+) is
// the order of the operator matrix element [ubar_s G u_b][ubar_1 G' v_2].
enum { S_ = 0, B_ = 1, L1 = 2, L2 = 3 };
constexpr std::array<int, 4> kRef{S_, B_, L1, L2};

// Sum of the direct (U) and Majorana-crossed (X) boxes with N_a on the b-side line and N_b on
// the s-side line (a, b index two possibly different Majorana fermions of equal mass M).
// Returns the bracket: the amplitude is i/(16 pi^2) times it (vertex factors (-i)^4 and
// propagator factors i^4 cancel).
struct DiagramSums {
  cplx direct = 0.0, crossed = 0.0, crossed_alt = 0.0;
};
DiagramSums semileptonic_diagrams(const BoxCouplings& Na, const BoxCouplings& Nb, double M, double mS,
                                  const std::vector<double>& m_k, const SemileptonicKinematics& x) {
  DiagramSums r;
  const double M2 = M * M;
  const int sU = permutation_sign<4>({L1, B_, S_, L2}, kRef);
  const int sX = permutation_sign<4>({L2, B_, S_, L1}, kRef);
  const int sXalt = permutation_sign<4>({L2, B_, L1, S_}, kRef);
  for (std::size_t k = 0; k < m_k.size(); ++k) {
    const BoxIntegrals I = box_integrals(M2, mS * mS, m_k[k] * m_k[k]);
    // Vertices (Dirac-type bilinears as written in L):
    const Mat4 V_b = std::conj(Na.y_b) * PL();                                  // Nbar P_L b      (N_a)
    const Mat4 V_s = Nb.y_s * PR();                                             // sbar P_R N      (N_b)
    const Mat4 V_m_a = std::conj(Na.a_i[k]) * PR() + std::conj(Na.c_i[k]) * PL();  // lbar_i (..) N  (N_a)
    const Mat4 V_p_b = Nb.a_j[k] * PL() + Nb.c_j[k] * PR();                     // Nbar (..) l_j   (N_b)
    const Mat4 V_p_a = Na.a_j[k] * PL() + Na.c_j[k] * PR();                     // Nbar (..) l_j   (N_a)
    const Mat4 V_m_b = std::conj(Nb.a_i[k]) * PR() + std::conj(Nb.c_i[k]) * PL();  // lbar_i (..) N  (N_b)
    // Direct: line b -> N_a -> l^-, line l^+ -> N_b -> s; loop momentum along both flows.
    const FermionLine U1{x.ubar_1, V_m_a, +1.0, M, V_b, x.u_b};
    const FermionLine U2{x.ubar_s, V_s, +1.0, M, V_p_b, x.v_2};
    r.direct += double(sU) * two_line_box(U1, U2, I);
    // Crossed (Majorana): line b -> N_a -> l^+ (reversed flow at the l^+ vertex), line l^- -> N_b -> s.
    const FermionLine X1{x.ubar_2, reversed(V_p_a), +1.0, M, V_b, x.u_b};
    const FermionLine X2{x.ubar_s, V_s, +1.0, M, reversed(V_m_b), x.v_1};
    r.crossed += double(sX) * two_line_box(X1, X2, I);
    // Same crossed diagram with the opposite orientation of the second line (s -> l^-): must agree.
    const Spinor v_s = charge_conjugation() * x.ubar_s.transpose();
    const FermionLine X2alt{x.ubar_1, V_m_b, -1.0, M, reversed(V_s), v_s};
    r.crossed_alt += double(sXalt) * two_line_box(X1, X2alt, I);
  }
  return r;
}

// Matrix element of L_eff = X_L (sbar γ P_L b)(lbar γ P_L l) + X_R (sbar γ P_L b)(lbar γ P_R l).
cplx effective_element(cplx X_L, cplx X_R, const SemileptonicKinematics& x) {
  return X_L * vector_product(x.ubar_s, PL(), x.u_b, x.ubar_1, PL(), x.v_2) +
         X_R * vector_product(x.ubar_s, PL(), x.u_b, x.ubar_1, PR(), x.v_2);
}

BoxCouplings random_couplings(Random& rng, std::size_t nk) {
  BoxCouplings c{rng.complex_unit_disk(), rng.complex_unit_disk(), {}, {}, {}, {}};
  for (std::size_t k = 0; k < nk; ++k) {
    c.a_i.push_back(rng.complex_unit_disk());
    c.c_i.push_back(rng.complex_unit_disk());
    c.a_j.push_back(rng.complex_unit_disk());
    c.c_j.push_back(rng.complex_unit_disk());
  }
  return c;
}

template <class V>
Eigen::VectorXcd to_eigen(const V& v) {
  Eigen::VectorXcd e(static_cast<Eigen::Index>(v.size()));
  for (std::size_t i = 0; i < v.size(); ++i) e(static_cast<Eigen::Index>(i)) = v[i];
  return e;
}

const std::vector<std::array<int, 4>>& all_helicities() {
  static const std::vector<std::array<int, 4>> h = [] {
    std::vector<std::array<int, 4>> out;
    for (int a : {-1, 1})
      for (int b : {-1, 1})
        for (int c : {-1, 1})
          for (int d : {-1, 1}) out.push_back({a, b, c, d});
    return out;
  }();
  return h;
}

}  // namespace

// ------------------------------------------------------------------------------- harness
TEST_CASE("harness: Clifford algebra, gamma5, charge conjugation, spinors") {
  for (int mu = 0; mu < 4; ++mu)
    for (int nu = 0; nu < 4; ++nu) {
      const Mat4 ac = gamma(mu) * gamma(nu) + gamma(nu) * gamma(mu);
      const Mat4 expect = (mu == nu ? 2.0 * metric(mu) : 0.0) * one();
      CHECK((ac - expect).norm() < 1e-14);  // exact up to rounding of 0/1 entries
    }
  CHECK((gamma5() * gamma5() - one()).norm() < 1e-14);
  CHECK((PL() - Mat4(Eigen::Vector4cd(1, 1, 0, 0).asDiagonal())).norm() < 1e-14);
  const Mat4 C = charge_conjugation();
  CHECK((C.transpose() + C).norm() < 1e-14);                 // C^T = -C
  CHECK((C.adjoint() * C - one()).norm() < 1e-14);           // unitary
  for (int mu = 0; mu < 4; ++mu) CHECK((reversed(gamma(mu)) + gamma(mu)).norm() < 1e-14);
  CHECK((reversed(PL()) - PL()).norm() < 1e-14);
  CHECK((reversed(PR()) - PR()).norm() < 1e-14);
  CHECK((reversed(gamma(1) * PL()) + gamma(1) * PR()).norm() < 1e-14);  // (γ^μ P_L)' = -γ^μ P_R
  Random rng(7);
  for (int t = 0; t < 5; ++t) {
    const double m = rng.uniform(0.1, 3.0);
    const FourMomentum p = rng.momentum(m, 5.0);
    for (int h : {-1, 1}) {
      const Spinor u = u_spinor(p, m, h), v = v_spinor(p, m, h);
      // tolerance: spinor entries are O(sqrt(E)) ~ 3; 1e-12 leaves room for rounding in sqrt/trig
      CHECK(((slash(p) - m * one()) * u).norm() < 1e-12);
      CHECK(((slash(p) + m * one()) * v).norm() < 1e-12);
      CHECK(std::abs(chain(bar(u), one(), u) - 2.0 * m) < 1e-12);
      CHECK(std::abs(chain(bar(v), one(), v) + 2.0 * m) < 1e-12);
      // Denner's second relation u = C vbar^T follows from the first:
      CHECK((charge_conjugation() * bar(v).transpose() - u).norm() < 1e-12);
    }
  }
  CHECK(permutation_sign<4>({1, 0, 2, 3}, {0, 1, 2, 3}) == -1);
  CHECK(permutation_sign<4>({1, 2, 3, 0}, {0, 1, 2, 3}) == -1);
  CHECK(permutation_sign<4>({1, 0, 3, 2}, {0, 1, 2, 3}) == 1);
}

// ------------------------------------------------------------------------------- b -> s l l
TEST_CASE("b->sll boxes: amplitude (direct + Majorana-crossed) == effective operators, random points") {
  Random rng(2024);
  for (int point = 0; point < 6; ++point) {
    const double M = rng.uniform(300, 2000);
    double mS = rng.uniform(300, 2000);
    std::vector<double> mk{rng.uniform(200, 2000), rng.uniform(200, 2000), rng.uniform(200, 2000)};
    if (point == 0) mS = M;  // the degenerate point of the paper
    const BoxCouplings c = random_couplings(rng, mk.size());
    Eigen::VectorXd Bk(3);
    for (int k = 0; k < 3; ++k) Bk(k) = bsll::majorana_box(M * M, mS * mS, mk[k] * mk[k]);
    const auto X = bsll::semileptonic_box(c.y_s, c.y_b, to_eigen(c.a_i), to_eigen(c.a_j), to_eigen(c.c_i),
                                          to_eigen(c.c_j), Bk);
    for (const auto& h : all_helicities()) {
      const SemileptonicKinematics kin = semileptonic_kinematics(rng, h);
      const DiagramSums d = semileptonic_diagrams(c, c, M, mS, mk, kin);
      const cplx amp = (d.direct + d.crossed) / (16.0 * kPi * kPi);
      const cplx eff = effective_element(X.X_L, X.X_R, kin);
      const double scale = std::max({std::abs(d.direct), std::abs(d.crossed), 1e-300}) / (16 * kPi * kPi);
      // 1e-11: both sides are short sums of O(1) spinor products times D-functions (double rounding)
      CHECK(rel_diff(amp, eff, scale) < 1e-11);
      // Denner's rules: the result does not depend on the orientation chosen for a line.
      CHECK(std::abs(d.crossed - d.crossed_alt) < 1e-11 * std::max(std::abs(d.crossed), 1e-300));
    }
  }
}

TEST_CASE("b->sll boxes: the crossed box is destructive for LL couplings (F + 2G, not F - 2G)") {
  // Pure left-handed lepton couplings: the effective coefficient is proportional to
  // D00 + (M^2/2) D0; the constructive alternative D00 - (M^2/2) D0 must NOT match.
  Random rng(99);
  const double M = 1000, mS = 1000;
  const std::vector<double> mk{550.0};
  BoxCouplings c{cplx(0.8, 0.1), cplx(0.7, -0.2), {cplx(0.9, 0.3)}, {0.0}, {cplx(0.9, 0.3)}, {0.0}};
  const BoxIntegrals I = box_integrals(M * M, mS * mS, mk[0] * mk[0]);
  const cplx pre = c.y_s * std::conj(c.y_b) * std::norm(c.a_i[0]) / (16 * kPi * kPi);
  const cplx X_minus = pre * (I.d00 + 0.5 * M * M * I.d0), X_plus = pre * (I.d00 - 0.5 * M * M * I.d0);
  const SemileptonicKinematics kin = semileptonic_kinematics(rng, {1, -1, -1, 1});
  const DiagramSums d = semileptonic_diagrams(c, c, M, mS, mk, kin);
  const cplx amp = (d.direct + d.crossed) / (16 * kPi * kPi);
  const cplx ref = effective_element(X_minus, 0.0, kin), wrong = effective_element(X_plus, 0.0, kin);
  CHECK(std::abs(amp - ref) < 1e-11 * std::abs(ref));
  CHECK(std::abs(amp - wrong) > 0.5 * std::abs(ref));  // F-2G differs by O(1)
  // And the library agrees with F + 2G in the Arnan et al. normalisation:
  const double x = 1.0, y = 550.0 * 550.0 / 1e6;
  CHECK(bsll::majorana_box(1e6, 1e6, 550.0 * 550.0) ==
        doctest::Approx(-(loop::box_F(x, y) + 2 * loop::box_G(x, y)) / 4e6).epsilon(1e-12));
}

TEST_CASE("b->sll boxes: Dirac fermion = two degenerate Majoranas (y/√2, i y/√2); crossed boxes cancel") {
  Random rng(31415);
  for (int point = 0; point < 4; ++point) {
    const double M = rng.uniform(300, 2000), mS = rng.uniform(300, 2000);
    const std::vector<double> mk{rng.uniform(200, 2000), rng.uniform(200, 2000)};
    const BoxCouplings dirac = random_couplings(rng, mk.size());
    // Psi = (N1 + i N2)/√2: dbar P_R Psi -> y/√2, i y/√2;  Psibar (..) l -> a/√2, -i a/√2.
    const double r = 1.0 / std::sqrt(2.0);
    const cplx I(0, 1);
    BoxCouplings n1 = dirac, n2 = dirac;
    n1.y_s *= r; n1.y_b *= r;
    n2.y_s *= I * r; n2.y_b *= I * r;
    for (std::size_t k = 0; k < mk.size(); ++k) {
      for (auto* v : {&n1.a_i, &n1.c_i, &n1.a_j, &n1.c_j}) (*v)[k] *= r;
      for (auto* v : {&n2.a_i, &n2.c_i, &n2.a_j, &n2.c_j}) (*v)[k] *= -I * r;
    }
    const std::array<const BoxCouplings*, 2> N{&n1, &n2};
    for (const auto& h : all_helicities()) {
      const SemileptonicKinematics kin = semileptonic_kinematics(rng, h);
      cplx direct = 0, crossed = 0, crossed_scale = 0;
      for (int a = 0; a < 2; ++a)
        for (int b = 0; b < 2; ++b) {
          const DiagramSums d = semileptonic_diagrams(*N[a], *N[b], M, mS, mk, kin);
          direct += d.direct;
          crossed += d.crossed;
          crossed_scale += std::abs(d.crossed);
        }
      // Dirac fermion: direct diagram only, full couplings (its own, independent evaluation).
      const DiagramSums dd = semileptonic_diagrams(dirac, dirac, M, mS, mk, kin);
      const double scale = std::max(std::abs(dd.direct), 1e-300);
      CHECK(std::abs(direct - dd.direct) < 1e-12 * scale);             // rounding of 8 terms
      CHECK(std::abs(crossed) < 1e-12 * std::max(std::abs(crossed_scale), 1e-300));
      // ... and the Dirac result is the D00 (F) part for LL and the M^2 D0 part for RR:
      cplx XL = 0, XR = 0;
      for (std::size_t k = 0; k < mk.size(); ++k) {
        const BoxIntegrals Ik = box_integrals(M * M, mS * mS, mk[k] * mk[k]);
        const cplx pre = dirac.y_s * std::conj(dirac.y_b) / (16 * kPi * kPi);
        XL += pre * std::conj(dirac.a_i[k]) * dirac.a_j[k] * Ik.d00;
        XR += -pre * std::conj(dirac.c_i[k]) * dirac.c_j[k] * 0.5 * M * M * Ik.d0;
      }
      CHECK(std::abs(dd.direct / (16 * kPi * kPi) - effective_element(XL, XR, kin)) < 1e-11 * scale / (16 * kPi * kPi));
    }
  }
}

TEST_CASE("b->sll boxes: CP conjugate process b-bar -> s-bar l l gives conj(X)") {
  // b-bar(p_b) -> s-bar(p_s) l^-(p_1) l^+(p_2): the quark line is an antiquark line. Vertices
  // y_b bbar P_R N S (annihilates b-bar) and y_s^* Nbar P_L s S^* (creates s-bar). The effective
  // operator is the hermitian conjugate (bbar γ P_L s)(lbar γ P_L l) X_L^* + (..P_R..) X_R^*.
  Random rng(555);
  const double M = 900, mS = 1300;
  const std::vector<double> mk{400, 1700};
  const BoxCouplings c = random_couplings(rng, mk.size());
  Eigen::VectorXd Bk(2);
  for (int k = 0; k < 2; ++k) Bk(k) = bsll::majorana_box(M * M, mS * mS, mk[k] * mk[k]);
  // Conjugate-process operators involve lbar_i ... l_j with i <-> j roles unchanged; use i = j couplings.
  BoxCouplings cc = c;
  cc.a_j = cc.a_i;
  cc.c_j = cc.c_i;
  const auto X = bsll::semileptonic_box(cc.y_s, cc.y_b, to_eigen(cc.a_i), to_eigen(cc.a_j), to_eigen(cc.c_i),
                                        to_eigen(cc.c_j), Bk);
  enum { Bb = 0, Sb = 1, P1 = 2, P2 = 3 };
  const std::array<int, 4> ref{Bb, Sb, P1, P2};  // [vbar_b Γ v_s][ubar_1 Γ' v_2]
  for (const auto& h : all_helicities()) {
    const FourMomentum pb = rng.momentum(4.8, 2.0), ps = rng.momentum(0.5, 2.0);
    const FourMomentum p1 = rng.momentum(0.1, 2.0), p2 = rng.momentum(0.1, 2.0);
    const BarSpinor vbar_b = bar(v_spinor(pb, 4.8, h[0]));
    const Spinor v_s = v_spinor(ps, 0.5, h[1]);
    const BarSpinor ubar_1 = bar(u_spinor(p1, 0.1, h[2])), ubar_2 = bar(u_spinor(p2, 0.1, h[3]));
    const Spinor v_1 = v_spinor(p1, 0.1, h[2]), v_2 = v_spinor(p2, 0.1, h[3]);
    cplx amp = 0;
    for (std::size_t k = 0; k < mk.size(); ++k) {
      const BoxIntegrals I = box_integrals(M * M, mS * mS, mk[k] * mk[k]);
      const Mat4 Vb = cc.y_b * PR(), Vs = std::conj(cc.y_s) * PL();
      const Mat4 Vm = std::conj(cc.a_i[k]) * PR() + std::conj(cc.c_i[k]) * PL();
      const Mat4 Vp = cc.a_j[k] * PL() + cc.c_j[k] * PR();
      // Direct: antiquark line flow s-bar... : chain vbar_b Vb S_N Vp v_2? No: b-bar -> N -> l^+ is
      // the fermion-number-conserving pairing for an antiquark: [vbar_b Vb (N) Vp v_2], and
      // [ubar_1 Vm (N) Vs v_s]. Loop b-bar-v -> (N) -> l^+-v -> (H) -> l^- -v -> (N) -> s-bar-v:
      // flows: line A runs l^+ -> b-bar (against the loop), line B s-bar -> l^- (against).
      const FermionLine A{vbar_b, Vb, -1.0, M, Vp, v_2};
      const FermionLine B{ubar_1, Vm, -1.0, M, Vs, v_s};
      amp += double(permutation_sign<4>({Bb, P2, P1, Sb}, ref)) * two_line_box(A, B, I);
      // Crossed: b-bar -> N -> l^- ; l^+ -> N -> s-bar (reversed flow at the lepton vertices).
      const FermionLine Ax{vbar_b, Vb, -1.0, M, reversed(Vm), v_1};
      const FermionLine Bx{ubar_2, reversed(Vp), -1.0, M, Vs, v_s};
      amp += double(permutation_sign<4>({Bb, P1, P2, Sb}, ref)) * two_line_box(Ax, Bx, I);
    }
    amp /= 16 * kPi * kPi;
    const cplx eff = std::conj(X.X_L) * vector_product(vbar_b, PL(), v_s, ubar_1, PL(), v_2) +
                     std::conj(X.X_R) * vector_product(vbar_b, PL(), v_s, ubar_1, PR(), v_2);
    CHECK(std::abs(amp - eff) < 1e-11 * std::max(std::abs(eff), 1e-300));
  }
}

// ------------------------------------------------------------------------------- B_s mixing
TEST_CASE("B_s mixing: four boxes with colour == C1 Q1 matrix element; vanishes at m_S = M_N") {
  Random rng(4242);
  enum { B1 = 0, B2 = 1, S3 = 2, S4 = 3 };
  const std::array<int, 4> ref{S3, B1, S4, B2};  // [ubar_3 Γ u_1][ubar_4 Γ u_2]
  for (int point = 0; point < 5; ++point) {
    const double M = rng.uniform(300, 2000);
    const double mS = point == 0 ? M : rng.uniform(300, 2000);
    const cplx ys = rng.complex_unit_disk(), yb = rng.complex_unit_disk();
    const cplx C1 = bsll::C1_Bs_value(ys, yb, M, mS);
    const BoxIntegrals I = box_integrals(M * M, mS * mS, mS * mS);
    const Mat4 Vs = ys * PR(), Vb = std::conj(yb) * PL();
    for (const auto& h : all_helicities())
      for (const std::array<int, 4>& col : {std::array<int, 4>{0, 1, 0, 1}, std::array<int, 4>{0, 1, 1, 0},
                                            std::array<int, 4>{2, 2, 2, 2}, std::array<int, 4>{0, 0, 1, 1}}) {
        // col = colours of (b1, b2, s3, s4)
        auto d = [&](int i, int j) { return col[static_cast<std::size_t>(i)] == col[static_cast<std::size_t>(j)] ? 1.0 : 0.0; };
        const FourMomentum p1 = rng.momentum(4.8, 2), p2 = rng.momentum(4.8, 2), p3 = rng.momentum(0.5, 2),
                           p4 = rng.momentum(0.5, 2);
        const Spinor u1 = u_spinor(p1, 4.8, h[0]), u2 = u_spinor(p2, 4.8, h[1]);
        const BarSpinor ub3 = bar(u_spinor(p3, 0.5, h[2])), ub4 = bar(u_spinor(p4, 0.5, h[3]));
        const Spinor v4 = v_spinor(p4, 0.5, h[3]);
        const BarSpinor vb2 = bar(v_spinor(p2, 4.8, h[1]));
        cplx amp = 0, scale = 0;
        // U1: S-edges s3-b1, s4-b2; N lines b1 -> s4, b2 -> s3 (both along the loop momentum).
        cplx t = double(permutation_sign<4>({S4, B1, S3, B2}, ref)) * d(S3, B1) * d(S4, B2) *
                 two_line_box({ub4, Vs, 1, M, Vb, u1}, {ub3, Vs, 1, M, Vb, u2}, I);
        amp += t; scale += std::abs(t);
        // U2: S-edges s3-b2, s4-b1; N lines b1 -> s3, b2 -> s4.
        t = double(permutation_sign<4>({S3, B1, S4, B2}, ref)) * d(S3, B2) * d(S4, B1) *
            two_line_box({ub3, Vs, 1, M, Vb, u1}, {ub4, Vs, 1, M, Vb, u2}, I);
        amp += t; scale += std::abs(t);
        // X1, X2 (Majorana): N lines s4 -> s3 and b1 -> b2 (reversed flow at s4 and at b2);
        // S-edges (s3-b1, s4-b2) resp. (s3-b2, s4-b1). Only mass insertions survive.
        const cplx xb = double(permutation_sign<4>({S3, S4, B2, B1}, ref)) *
                        two_line_box({ub3, Vs, -1, M, reversed(Vs), v4}, {vb2, reversed(Vb), -1, M, Vb, u1}, I);
        t = (d(S3, B1) * d(S4, B2) + d(S3, B2) * d(S4, B1)) * xb;
        amp += t; scale += std::abs(xb);
        amp /= 16 * kPi * kPi;
        // <Q1> with Q1 = (sbar_a γ P_L b_a)(sbar_b γ P_L b_b): four contractions.
        cplx q = 0;
        const std::array<std::array<int, 4>, 4> contr{{{S3, B1, S4, B2}, {S4, B2, S3, B1}, {S3, B2, S4, B1}, {S4, B1, S3, B2}}};
        const std::array<BarSpinor, 4> bars{BarSpinor::Zero(), BarSpinor::Zero(), ub3, ub4};
        const std::array<Spinor, 4> kets{u1, u2, Spinor::Zero(), Spinor::Zero()};
        for (const auto& o : contr)
          q += double(permutation_sign<4>(o, ref)) * d(o[0], o[1]) * d(o[2], o[3]) *
               vector_product(bars[static_cast<std::size_t>(o[0])], PL(), kets[static_cast<std::size_t>(o[1])],
                              bars[static_cast<std::size_t>(o[2])], PL(), kets[static_cast<std::size_t>(o[3])]);
        const cplx eff = -C1 * q;  // L_eff = -H_eff = -C1 Q1
        const double sc = std::abs(scale) / (16 * kPi * kPi);
        if (sc == 0.0) continue;  // colour structure with no contribution
        CHECK(std::abs(amp - eff) < 1e-11 * sc);
        if (point == 0) CHECK(std::abs(amp) < 1e-12 * sc);  // Majorana cancellation, amplitude level
      }
  }
}

// ------------------------------------------------------------------------------- models
TEST_CASE("model level: C9, C10 (mu) and C_L^{nu nu} of the paper benchmark from explicit diagrams") {
  const Model m(presets::paper_benchmark(0.6, 0.25));
  const auto& c = m.couplings();
  const auto& s = m.spectrum();
  Random rng(8);
  const cplx N = bsll::eft_prefactor();
  // charged leptons: mu
  {
    BoxCouplings bc{c.yd(1), c.yd(2), {}, {}, {}, {}};
    std::vector<double> mk;
    for (int k = 0; k < 3; ++k) {
      bc.a_i.push_back(c.cL(1, k)); bc.a_j.push_back(c.cL(1, k));
      bc.c_i.push_back(c.cR(1, k)); bc.c_j.push_back(c.cR(1, k));
      mk.push_back(s.m_H(k));
    }
    const bsll::SemileptonicWC w = bsll::box_wilson(m, bsll::Lepton::mu);
    // back to L_eff: X_L = alpha N (C9 - C10)/(4 pi), X_R = alpha N (C9 + C10)/(4 pi)
    const double al = inputs::sm::alpha_em_mb;
    const cplx XL = al * N * (w.C9 - w.C10) / (4 * kPi), XR = al * N * (w.C9 + w.C10) / (4 * kPi);
    for (const auto& h : all_helicities()) {
      const SemileptonicKinematics kin = semileptonic_kinematics(rng, h);
      const DiagramSums d = semileptonic_diagrams(bc, bc, s.M_N, s.m_S_d, mk, kin);
      const cplx amp = (d.direct + d.crossed) / (16 * kPi * kPi);
      const double scale = (std::abs(d.direct) + std::abs(d.crossed)) / (16 * kPi * kPi);
      CHECK(std::abs(amp - effective_element(XL, XR, kin)) < 1e-11 * scale);
    }
  }
  // neutrinos: nu_mu nubar_tau with the four real neutral scalars
  {
    const Matrix3c CL = bsll::C_L_nunu(m);
    const int i = 1, j = 2;
    BoxCouplings bc{c.yd(1), c.yd(2), {}, {}, {}, {}};
    std::vector<double> mk;
    for (int k = 0; k < 2; ++k) {
      bc.a_i.push_back(c.nR(i, k)); bc.a_j.push_back(c.nR(j, k)); mk.push_back(std::sqrt(s.m2_R(k)));
    }
    for (int k = 0; k < 2; ++k) {
      bc.a_i.push_back(c.nI(i, k)); bc.a_j.push_back(c.nI(j, k)); mk.push_back(std::sqrt(s.m2_I(k)));
    }
    bc.c_i.assign(4, 0.0);
    bc.c_j.assign(4, 0.0);
    // H = -N (alpha/4pi) C_L (sbar γ P_L b)(nubar γ(1-γ5) nu) => X_L = alpha N C_L/(2 pi)
    const cplx XL = inputs::sm::alpha_em_MZ * N * CL(i, j) / (2 * kPi);
    for (const auto& h : all_helicities()) {
      const SemileptonicKinematics kin = semileptonic_kinematics(rng, h);
      const DiagramSums d = semileptonic_diagrams(bc, bc, s.M_N, s.m_S_d, mk, kin);
      const cplx amp = (d.direct + d.crossed) / (16 * kPi * kPi);
      const double scale = (std::abs(d.direct) + std::abs(d.crossed)) / (16 * kPi * kPi);
      CHECK(std::abs(amp - effective_element(XL, 0.0, kin)) < 1e-11 * scale);
    }
  }
}

// ------------------------------------------------------------------------------- photon penguin
TEST_CASE("photon penguin: vertex from explicit spinors and general-kinematics C tensors; q^2 term == J") {
  // Vertex with the photon on S_d (docs §B2): iΓ^μ = e Q_S y_s y_b^* (i/16π²) A^μ with
  //   A^μ = ū(p')[ (p+p')^μ γ_α C^α − 2 γ_α C^{αμ} ] P_L u(p),
  // C tensors of LoopTools with k1 = −p, k2 = −p' (denominators k²−M², (k−p)²−m², (k−p')²−m²).
  // The q^0 part −2 C00(0) ū γ^μ P_L u is cancelled by the external-leg self energies (Ward
  // identity); what remains must be −2 [C00(q²) − C00(0)] ūγ^μP_Lu → −q² J ūγ^μP_Lu (eq. (B2.3)).
  using boost::math::quadrature::gauss_kronrod;
  for (auto [M, m] : {std::array<double, 2>{1000, 1000}, {700, 1500}}) {
    const double M2 = M * M, m2 = m * m;
    const double E1 = 30, E2 = 40, th = 0.7;
    const FourMomentum p{E1, 0, 0, E1}, pp{E2, E2 * std::sin(th), 0, E2 * std::cos(th)};
    const double q2 = -2 * E1 * E2 * (1 - std::cos(th));  // (p - p')^2, about -560 GeV^2
    const FourMomentum k1{-p[0], -p[1], -p[2], -p[3]}, k2{-pp[0], -pp[1], -pp[2], -pp[3]};
    const auto c = loop::C<double>(0.0, q2, 0.0, M2, m2, m2);
    const double c00_0 = loop::zero::C00(M2, m2, m2);
    // exact C00(q²) − C00(0) = −½ ∫dF ln(Δ_q/Δ_0), Δ_q = xM² + (1−x)m² − yz q² (2D quadrature)
    const double dC00 = -0.5 * gauss_kronrod<double, 31>::integrate(
        [&](double x) {
          const double D0 = x * M2 + (1 - x) * m2;
          return gauss_kronrod<double, 31>::integrate(
              [&](double y) { return std::log1p(-y * (1 - x - y) * q2 / D0); }, 0.0, 1 - x);
        }, 0.0, 1.0);
    const double J = loop::penguin_G2p(M2 / m2) / (6 * m2);
    // the slope: [C00(q²) − C00(0)]/q² = J/2 + O(q²/m²)
    CHECK(dC00 / q2 == doctest::Approx(J / 2).epsilon(1e-3));  // O(q²/m²) ≈ 6e-4 at most
    for (int h1 : {-1, 1})
      for (int h2 : {-1, 1}) {
        const Spinor u = u_spinor(p, 0.0, h1);
        const BarSpinor ub = bar(u_spinor(pp, 0.0, h2));
        double norm = 0;
        for (int mu = 0; mu < 4; ++mu) norm += std::abs(chain(ub, gamma(mu) * PL(), u));
        for (int mu = 0; mu < 4; ++mu) {
          const auto idx = static_cast<std::size_t>(mu);
          // C^α contracted with γ_α: k̸1 C1 + k̸2 C2
          cplx A = (p[idx] + pp[idx]) * chain(ub, (slash(k1) * c.c1 + slash(k2) * c.c2) * PL(), u);
          Mat4 T = gamma(mu) * c.c00 + slash(k1) * (k1[idx] * c.c11) + (slash(k1) * k2[idx] + slash(k2) * k1[idx]) * c.c12 +
                   slash(k2) * (k2[idx] * c.c22);
          A -= 2.0 * chain(ub, T * PL(), u);
          const cplx ward_subtracted = A + 2.0 * c00_0 * chain(ub, gamma(mu) * PL(), u);
          const cplx expect = -2.0 * dC00 * chain(ub, gamma(mu) * PL(), u);
          // tolerance: the general C coefficients are accurate to ~1e-12 of C00 ~ 10 while the
          // q² term is ~1e-5: allow 1e-4 relative to the q² term
          CHECK(std::abs(ward_subtracted - expect) < 1e-4 * std::abs(2.0 * dC00) * std::max(norm, 1e-300));
        }
      }
  }
}
