// SPDX-License-Identifier: MIT
// Lepton dipoles, (g-2)_l and l -> l' gamma: each closed form checked against an independent
// evaluation — (i) the one-loop vertex built with explicit gamma matrices and spinors and
// integrated over its Feynman parameters (keeping the external masses in Delta), (ii) Boost.Math
// quadrature of the Feynman-parameter integrals, (iii) the Toma–Vicente limit (kappa = mu = 0),
// (iv) symmetries/limits (mu -> 0, flavour-diagonal = Delta a). docs/validation.md <!-- leptons -->.
#include <darkloops/model/presets.hpp>
#include <darkloops/observables/g_minus_2.hpp>
#include <darkloops/observables/leptons.hpp>
#include <doctest/doctest.h>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>

#include "support/dirac.hpp"

using namespace darkloops;
namespace dt = darkloops::testing;

namespace {

/// A random but fixed lepton sector: three charged scalars of distinct masses, complex cL, cR.
LeptonSector random_sector(std::uint64_t seed) {
  dt::Random r(seed);
  LeptonSector s;
  s.M_N = r.uniform(300.0, 1500.0);
  s.m_H = Vector3d(r.uniform(300.0, 700.0), r.uniform(700.0, 1100.0), r.uniform(1100.0, 1600.0));
  for (int a = 0; a < 3; ++a)
    for (int k = 0; k < 3; ++k) {
      s.cL(a, k) = r.complex_unit_disk(1.0);
      s.cR(a, k) = r.complex_unit_disk(0.1);
    }
  return s;
}

/// Integral over the Feynman triangle {x,y >= 0, x + y <= 1} (z = 1-x-y) with nested
/// Gauss–Kronrod; f(x, y) smooth, so 61-point rules reach ~1e-15 relative.
template <class F>
auto triangle(F f) {
  using boost::math::quadrature::gauss_kronrod;
  return gauss_kronrod<double, 61>::integrate(
      [&](double x) {
        return gauss_kronrod<double, 61>::integrate([&](double y) { return f(x, y); }, 0.0, 1.0 - x, 0, 1e-14);
      },
      0.0, 1.0, 0, 1e-14);
}

}  // namespace

TEST_CASE("dipoles: amplitude with explicit gamma matrices and spinors vs closed forms") {
  // The vertex of l_alpha(p) -> l_beta(p') + gamma(q incoming), photon on H_k:
  //   Gamma^mu = (1/16pi^2) sum_k int dF [Gbar_beta^k (kslash + M) Gamma_alpha^k] (p+p'-2k)^mu / Delta_k,
  //   k = y p + z p' (loop momentum at the Feynman-shifted point; the l^2 part is pure gamma^mu),
  //   Delta_k = x M^2 + (1-x) m_k^2 + (y p + z p')^2 - y m_a^2 - z m_b^2   (exact external masses),
  // sandwiched between explicit spinors; the sigma^{mu nu} q_nu (d_L P_L + d_R P_R) part is then
  // extracted by a least-squares fit of the general vertex decomposition and must equal
  // -m_alpha (A_L, A_R) of lepton_dipoles().
  const LeptonSector s = random_sector(11);
  const auto d = lepton_dipoles(s);
  const dt::Mat4 PL = dt::PL(), PR = dt::PR();
  for (auto [beta, alpha] : {std::pair{0, 1}, std::pair{1, 2}, std::pair{1, 1}}) {
    const double ma = s.m_lep(alpha), mb = s.m_lep(beta);
    // decay kinematics with q^2 = 0: p at rest, p' along a generic direction
    const double pp = (ma * ma - mb * mb) / (2 * ma);
    const dt::FourMomentum p{ma, 0, 0, 0};
    dt::FourMomentum p2;
    if (alpha == beta) {  // flavour-diagonal: a tiny spacelike q with q^2 = 0 is impossible; use q -> 0 with p = p'
      p2 = dt::on_shell(mb, 0.3 * ma, -0.2 * ma, 0.1 * ma);
    } else {
      const double nx = 0.48, ny = -0.6, nz = 0.64;
      p2 = dt::FourMomentum{std::sqrt(mb * mb + pp * pp), pp * nx, pp * ny, pp * nz};
    }
    const dt::FourMomentum pin = alpha == beta ? dt::on_shell(ma, -0.1 * ma, 0.25 * ma, -0.3 * ma) : p;
    dt::FourMomentum q{};
    for (int i = 0; i < 4; ++i) q[i] = p2[i] - pin[i];
    const double q2 = q[0] * q[0] - q[1] * q[1] - q[2] * q[2] - q[3] * q[3];
    double ppd = pin[0] * p2[0] - pin[1] * p2[1] - pin[2] * p2[2] - pin[3] * p2[3];
    // Matrix-valued integrand: only the k-independent numerator, as a 4x4 matrix per mu.
    std::array<dt::Mat4, 4> V;
    for (int mu = 0; mu < 4; ++mu) V[mu] = dt::Mat4::Zero();
    for (int k = 0; k < 3; ++k) {
      const dt::Mat4 Gin = s.cL(alpha, k) * PL + s.cR(alpha, k) * PR;
      const dt::Mat4 Gout = std::conj(s.cL(beta, k)) * PR + std::conj(s.cR(beta, k)) * PL;
      const double M2 = s.M_N * s.M_N, mk2 = s.m_H(k) * s.m_H(k);
      // integrate each of the 16x4 complex entries: split into the scalar weights that multiply
      // fixed matrices (x-, y-, z-polynomials over Delta)
      auto Delta = [&](double x, double y) {
        const double z = 1 - x - y;
        const double kk = y * y * ma * ma + z * z * mb * mb + 2 * y * z * ppd;
        return x * M2 + (1 - x) * mk2 + kk - y * ma * ma - z * mb * mb;
      };
      // numerator = Gout (y pslash + z p'slash + M) Gin ((1-2y) p + (1-2z) p')^mu
      const dt::Mat4 Sp = Gout * dt::slash(pin) * Gin, Sp2 = Gout * dt::slash(p2) * Gin, Sm = Gout * Gin * s.M_N;
      // weights w[a][b] = int dF y^a z^b ... collected per monomial
      const double I_y = triangle([&](double x, double y) { return y / Delta(x, y); });
      const double I_z = triangle([&](double x, double y) { return (1 - x - y) / Delta(x, y); });
      const double I_1 = triangle([&](double x, double y) { return 1.0 / Delta(x, y); });
      const double I_yy = triangle([&](double x, double y) { return y * y / Delta(x, y); });
      const double I_zz = triangle([&](double x, double y) { return (1 - x - y) * (1 - x - y) / Delta(x, y); });
      const double I_yz = triangle([&](double x, double y) { return y * (1 - x - y) / Delta(x, y); });
      for (int mu = 0; mu < 4; ++mu) {
        // ((1-2y) p^mu + (1-2z) p'^mu) times (y Sp + z Sp2 + Sm)
        const double P = pin[mu], P2 = p2[mu];
        V[mu] += (P * (I_y - 2 * I_yy) + P2 * (I_y - 2 * I_yz)) * Sp;
        V[mu] += (P * (I_z - 2 * I_yz) + P2 * (I_z - 2 * I_zz)) * Sp2;
        V[mu] += (P * (I_1 - 2 * I_y) + P2 * (I_1 - 2 * I_z)) * Sm;
      }
    }
    for (auto& m : V) m /= 16 * pi * pi;
    // Fit  ubar' V^mu u = ubar' [gamma^mu (a_L PL + a_R PR) + i sigma^{mu nu} q_nu (d_L PL + d_R PR)
    //                             + q^mu (g_L PL + g_R PR) + (p+p')^mu (h_L PL + h_R PR)] u
    // over 4 helicity pairs x 4 components (the (p+p') column absorbs nothing once Gordon holds,
    // but keeps the fit honest).
    Eigen::MatrixXcd Amat(16, 8);
    Eigen::VectorXcd rhs(16);
    int row = 0;
    for (int h1 : {-1, 1})
      for (int h2 : {-1, 1}) {
        const dt::Spinor u = dt::u_spinor(pin, ma, h1);
        const dt::BarSpinor ub = dt::bar(dt::u_spinor(p2, mb, h2));
        for (int mu = 0; mu < 4; ++mu, ++row) {
          dt::Mat4 sq = dt::Mat4::Zero();
          for (int nu = 0; nu < 4; ++nu) sq += dt::sigma(mu, nu) * (dt::metric(nu) * q[nu]);
          const cplx I(0, 1);
          const dt::Mat4 basis[8] = {dt::gamma(mu) * PL, dt::gamma(mu) * PR, I * sq * PL, I * sq * PR,
                                     q[mu] * PL, q[mu] * PR, (pin[mu] + p2[mu]) * PL, (pin[mu] + p2[mu]) * PR};
          for (int j = 0; j < 8; ++j) Amat(row, j) = dt::chain(ub, basis[j], u);
          rhs(row) = dt::chain(ub, V[mu], u);
        }
      }
    const Eigen::VectorXcd sol = Amat.colPivHouseholderQr().solve(rhs);
    CHECK((Amat * sol - rhs).norm() < 1e-9 * rhs.norm());  // the decomposition is complete
    // On shell, (p+p')^mu P is not independent of gamma^mu and sigma q (Gordon), so the fit is
    // degenerate; reduce it: ubar'(p+p')^mu P_R u = ubar'[gamma^mu(m_a P_L + m_b P_R) - i sigma q P_R] u.
    const cplx dL = sol(2) - sol(6), dR = sol(3) - sol(7);
    // Tolerance: the closed forms drop O(m_l^2/m_H^2) <= 3e-8 (muon) and O(m_tau^2/m_H^2) <= 4e-5 (tau),
    // and q^2 != 0 in the diagonal kinematics enters at O(q^2/m_H^2) ~ 1e-7.
    const double tol = alpha == 2 ? 1e-4 : 1e-6;
    CHECK(std::abs(dL + ma * d.A_L(beta, alpha)) < tol * std::abs(ma * d.A_L(beta, alpha)));
    CHECK(std::abs(dR + ma * d.A_R(beta, alpha)) < tol * std::abs(ma * d.A_R(beta, alpha)));
    (void)q2;
  }
}

TEST_CASE("dipoles: closed forms vs Boost quadrature of the Feynman-parameter integrals") {
  // Delta a_alpha = -(m/8pi^2) int_0^1 du u(1-u)[u m (|cL|^2+|cR|^2)/2 + M Re(cL* cR)] / Delta(u),
  // Delta(u) = (1-u) M^2 + u m_H^2 - u(1-u) m^2  (Leveille form; independent of F2, G2).
  const LeptonSector s = random_sector(5);
  const auto d = lepton_dipoles(s);
  using boost::math::quadrature::gauss_kronrod;
  for (int al = 0; al < 3; ++al) {
    const double m = s.m_lep(al);
    double ref = 0.0;
    for (int k = 0; k < 3; ++k) {
      const double sum2 = std::norm(s.cL(al, k)) + std::norm(s.cR(al, k));
      const double lr = std::real(std::conj(s.cL(al, k)) * s.cR(al, k));
      const double M2 = s.M_N * s.M_N, mH2 = s.m_H(k) * s.m_H(k);
      ref += -m / (8 * pi * pi) *
             gauss_kronrod<double, 61>::integrate(
                 [&](double u) { return u * (1 - u) * (u * m * sum2 / 2 + s.M_N * lr) / ((1 - u) * M2 + u * mH2 - u * (1 - u) * m * m); },
                 0.0, 1.0, 0, 1e-15);
    }
    // closed forms drop m^2/m_H^2 in Delta: relative difference <= m_tau^2/m_H^2 ~ 4e-5
    CHECK(std::abs(delta_a(d, s, al) - ref) < (al == 2 ? 5e-5 : 1e-7) * std::abs(ref));
  }
}

TEST_CASE("flavour-diagonal dipole reproduces Delta a; mu -> 0 removes the chiral enhancement") {
  const LeptonSector s = random_sector(7);
  const auto d = lepton_dipoles(s);
  for (int al = 0; al < 3; ++al) {
    const double m = s.m_lep(al);
    double llrr = 0, lr = 0;
    for (int k = 0; k < 3; ++k) {
      const double mk2 = s.m_H(k) * s.m_H(k), t = s.M_N * s.M_N / mk2;
      llrr += -m * m * (std::norm(s.cL(al, k)) + std::norm(s.cR(al, k))) * loop::dipole_F2(t) / (16 * pi * pi * mk2);
      lr += -m * s.M_N * std::real(std::conj(s.cL(al, k)) * s.cR(al, k)) * loop::dipole_G2(t) / (8 * pi * pi * mk2);
    }
    CHECK(delta_a(d, s, al) == doctest::Approx(llrr + lr).epsilon(1e-13));
    CHECK(delta_a_chiral(d, s, al) == doctest::Approx(lr).epsilon(1e-13));
  }
  // Model level: with mu = 0 there is no eta+-phi+ mixing, cL and cR live on different H_k, and
  // the chirally enhanced term vanishes identically.
  auto p = presets::paper_benchmark(0.6, 0.25);
  p.mu = Vector2c::Zero();
  const Model m0(p);
  const auto s0 = lepton_sector(m0);
  const auto d0 = lepton_dipoles(s0);
  for (int al = 0; al < 3; ++al) CHECK(delta_a_chiral(d0, s0, al) == 0.0);
  CHECK(delta_a(d0, s0, 1) < 0.0);  // only the negative LL/RR term remains
}

TEST_CASE("kappa = mu = 0 reproduces the Toma-Vicente scotogenic formulas") {
  // Toma, Vicente, JHEP 01 (2014) 160, for one charged scalar eta+ and couplings y (our cL up to a
  // sign): A_D = sum y*_beta y_alpha F2(t)/(2 (4pi)^2 m^2), BR = 3(4pi)^3 alpha/(4 G_F^2) |A_D|^2
  // BR(mu -> e nu nu); the width is BR x G_F^2 m^5/(192 pi^3). Delta a = -m^2 sum |y|^2 F2/(16 pi^2 m^2).
  auto p = presets::paper_benchmark(0.6, 0.25);
  p.mu = Vector2c::Zero();
  p.kappa = Vector3c::Zero();
  const Model m(p);
  const auto s = lepton_sector(m);
  const auto d = lepton_dipoles(s);
  const Matrix32c& Y = m.Y_N();
  // with mu = 0 the eta_a^+ are mass eigenstates: find their masses from U_H
  for (auto [b, a] : {std::pair{0, 1}, std::pair{0, 2}, std::pair{1, 2}}) {
    cplx AD = 0;
    double da = 0;
    for (int eta = 0; eta < 2; ++eta) {
      int k = 0;
      for (int kk = 0; kk < 3; ++kk)
        if (std::abs(s.cL.col(kk).norm()) > 0 && std::abs(std::abs(m.spectrum().U_H(eta, kk)) - 1.0) < 1e-12) k = kk;
      const double m2 = s.m_H(k) * s.m_H(k), t = s.M_N * s.M_N / m2;
      AD += std::conj(Y(b, eta)) * Y(a, eta) * loop::dipole_F2(t) / (2 * std::pow(4 * pi, 2) * m2);
      da += -std::pow(s.m_lep(a), 2) * std::norm(Y(a, eta)) * loop::dipole_F2(t) / (16 * pi * pi * m2);
    }
    const double ma = s.m_lep(a);
    const double width_TV = 3 * std::pow(4 * pi, 3) * inputs::sm::alpha_em_0 / (4 * inputs::sm::G_F * inputs::sm::G_F) *
                            std::norm(AD) * inputs::sm::G_F * inputs::sm::G_F * std::pow(ma, 5) / (192 * std::pow(pi, 3));
    // m_beta/m_alpha flip term of A_L is absent in TV (m_beta -> 0): relative (m_b/m_a)^2 <= 3.5e-3 for tau -> mu
    const double tol = b == 1 ? 4e-3 : 1e-10;
    CHECK(width_radiative(d, s, b, a) == doctest::Approx(width_TV).epsilon(tol));
    CHECK(delta_a(d, s, a) == doctest::Approx(da).epsilon(1e-12));
  }
}

TEST_CASE("paper benchmark: Delta a_mu is positive (sign convention test), BR(mu->e gamma) recorded") {
  const Model m(presets::paper_benchmark(0.6, 0.25));
  const double damu = DeltaA{Lepton::mu}(m);
  CHECK(damu > 0.0);
  // order of magnitude the paper needs (2.5e-9): we get ~0.8e-9 with the preset's open choices
  // (m_phi = 1300, m_eta+ = 600 GeV; docs/validation.md <!-- leptons --> explains)
  CHECK(damu > 1e-10);
  CHECK(damu < 1e-8);
  const double br = BRRadiative{Lepton::mu, Lepton::e}(m);
  CHECK(br > 0.0);
  CHECK(BRRadiative{}.name() == "BR(mu->egamma)");
  CHECK(DeltaA{}.name() == "delta_amu");
  const BRRadiative wrong{Lepton::e, Lepton::mu};
  CHECK_THROWS_AS(wrong(m), invalid_input);
}

TEST_CASE("predict_leptons agrees with the individual functors") {
  const Model m(presets::paper_benchmark(0.6, 0.25));
  const auto r = predict_leptons(m);
  CHECK(r.delta_amu == DeltaA{Lepton::mu}(m));
  CHECK(r.delta_ae == DeltaA{Lepton::e}(m));
  CHECK(r.BR_tau_mu_gamma == BRRadiative{Lepton::tau, Lepton::mu}(m));
  CHECK(r.neutrino.sum_eV == NeutrinoObservable{NeutrinoQuantity::sum_eV}(m));
  // the model reproduces the oscillation fit it was built from (Casas–Ibarra round trip)
  CHECK(r.neutrino.dm21_sq_eV2 == doctest::Approx(7.50e-5).epsilon(1e-8));
  CHECK(r.neutrino.sin2_theta13 == doctest::Approx(0.02200).epsilon(1e-8));
  CHECK(NeutrinoObservable{NeutrinoQuantity::m_bb_eV}.unit() == "eV");
}

TEST_CASE("fast lepton loop functions agree with the loop:: divided-difference engine") {
  // Two independent implementations of the same definitions (closed forms / Gauss–Legendre here,
  // Hermite–Genocchi divided differences in loop::). Tolerance 1e-11: the closed forms lose
  // at most ~eps/(0.05)^3 ~ 1e-12 relative at the edge of their window.
  namespace dl = detail::leptons;
  for (double t : {0.0, 1e-6, 0.01, 0.3, 0.49, 0.5, 0.51, 0.9, 0.999999, 1.0, 1.000001, 1.2, 1.49, 1.5, 1.51, 3.0, 50.0, 1e4}) {
    CHECK(dl::F2(t) == doctest::Approx(loop::dipole_F2(t)).epsilon(1e-11));
    CHECK(dl::G2(t) == doctest::Approx(loop::dipole_G2(t)).epsilon(1e-11));
    CHECK(dl::G2p(t) == doctest::Approx(loop::penguin_G2p(t)).epsilon(1e-11));
  }
  CHECK(std::isnan(dl::F2(-1.0)));
  for (double x : {0.01, 0.3, 0.94, 0.96, 1.0, 1.04, 1.06, 2.0, 30.0})
    for (double y : {0.01, 0.3, 0.31, 0.94, 1.0, 1.06, 2.0, 2.05, 30.0}) {
      double F, G;
      dl::box_FG(x, y, F, G);
      CHECK(F == doctest::Approx(loop::box_F(x, y)).epsilon(1e-11));
      CHECK(G == doctest::Approx(loop::box_G(x, y)).epsilon(1e-11));
    }
}
