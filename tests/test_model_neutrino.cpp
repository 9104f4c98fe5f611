// SPDX-License-Identifier: MIT
// One-loop neutrino masses, [P] eq. (6), Casas–Ibarra and the Takagi observables.
// References: 50-digit evaluations (boost::multiprecision) of the naive formulas, closed-form
// limits, and round trips through independently built matrices.
#include <doctest/doctest.h>

#include <boost/math/constants/constants.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "darkloops/model/model.hpp"
#include "darkloops/model/presets.hpp"

using namespace darkloops;
using mp = boost::multiprecision::cpp_bin_float_50;

namespace {

// ---- 50-digit reference formulas, written independently of the library ----
mp dd_ln_ref(mp x, mp y) { return (log(x) - log(y)) / (x - y); }
mp dd_ln3_ref(mp x, mp y, mp z) { return (dd_ln_ref(x, y) - dd_ln_ref(y, z)) / (x - z); }
mp G_ref(mp u) { return u == 1 ? mp(1) : u * log(u) / (u - 1); }  // G(1) = 1
mp Gp_ref(mp u) { return u == 1 ? mp(0.5) : (u - 1 - log(u)) / ((u - 1) * (u - 1)); }  // G'(u), G'(1) = 1/2
mp G_dd_ref(mp u1, mp u2) { return u1 == u2 ? Gp_ref(u1) : (G_ref(u1) - G_ref(u2)) / (u1 - u2); }

// g(X) for a symmetric 2x2 X by Sylvester's formula, g(x) = x ln(x/M^2)/(x - M^2)
struct mp2 {
  mp a, b, c;  // [[a, b], [b, c]]
};
mp2 g_matrix_ref(const mp2& X, const mp& M2) {
  auto g = [&](const mp& x) { return x * log(x / M2) / (x - M2); };
  const mp mean = (X.a + X.c) / 2, hd = (X.a - X.c) / 2;
  const mp r = sqrt(hd * hd + X.b * X.b);
  if (r == 0) return {g(mean), 0, g(mean)};
  const mp l1 = mean + r, l2 = mean - r, g1 = g(l1), g2 = g(l2);
  const mp s = (g1 - g2) / (l1 - l2), t = (l1 * g2 - l2 * g1) / (l1 - l2);
  return {s * X.a + t, s * X.b, s * X.c + t};
}
// naive exact Sigma = M/(32 pi^2)[g(M_R^2) - g(M_I^2)] in 50 digits (the R - I difference)
Matrix2d sigma_naive_mp(const Vector2d& m0, const Matrix2d& l5, double M, double v = inputs::sm::v) {
  const mp pi50 = boost::math::constants::pi<mp>();
  const mp h = mp(v) * mp(v) / 2;
  const mp A0 = mp(m0(0)) * mp(m0(0)), A1 = mp(m0(1)) * mp(m0(1));
  const mp2 R{A0 + h * mp(l5(0, 0)), h * mp(l5(0, 1)), A1 + h * mp(l5(1, 1))};
  const mp2 I{A0 - h * mp(l5(0, 0)), -h * mp(l5(0, 1)), A1 - h * mp(l5(1, 1))};
  const mp M2 = mp(M) * mp(M);
  const mp2 gR = g_matrix_ref(R, M2), gI = g_matrix_ref(I, M2);
  const mp pref = mp(M) / (32 * pi50 * pi50);
  Matrix2d S;
  S(0, 0) = static_cast<double>(pref * (gR.a - gI.a));
  S(0, 1) = S(1, 0) = static_cast<double>(pref * (gR.b - gI.b));
  S(1, 1) = static_cast<double>(pref * (gR.c - gI.c));
  return S;
}
// [P] eq. (6) bracket times M_N/(m_b^2 - M_N^2), literally
mp eq6_literal(mp ma, mp mb, mp M) {
  const mp a2 = ma * ma, b2 = mb * mb, M2 = M * M;
  return M / (b2 - M2) * (b2 / (a2 - b2) * log(a2 / b2) - M2 / (a2 - M2) * log(a2 / M2));
}
// its a = b limit (one eta generation, Toma–Vicente form)
mp eq6_diag(mp m, mp M) {
  const mp m2 = m * m, M2 = M * M;
  return M / (m2 - M2) * (1 - M2 / (m2 - M2) * log(m2 / M2));
}

double rel_max(const Matrix2d& a, const Matrix2d& ref) {
  return (a - ref).cwiseAbs().maxCoeff() / ref.cwiseAbs().maxCoeff();
}

}  // namespace

TEST_CASE("divided differences of ln and G against 50 digits") {
  const double pts[] = {1e-6, 0.01, 0.3025, 0.9, 0.999999, 1.0, 1.0000001, 1.3, 3.0, 250.0, 1e5};
  const double rel[] = {0.0, 1e-14, 1e-10, 1e-6, 1e-3, 0.02, 0.049, 0.051, 0.3, 1.0, 5.0};
  for (double x : pts)
    for (double r : rel) {
      const double y = x * (1.0 + r);
      const double z = x * (1.0 + 0.37 * r);
      const mp X(x), Y(y), Z(z);
      // 2-point: log1p/direct forms are accurate to a few ulp; 1e-14 allows ~50 ulp
      const double ref2 = static_cast<double>(x == y ? 1 / X : dd_ln_ref(X, Y));
      CHECK_MESSAGE(std::abs(detail::dd_ln(x, y) / ref2 - 1.0) < 1e-14, x << " " << y);
      // 3-point: series (spread < 5%) or difference form (loss <= eps/0.05): 1e-13
      if (x != y && y != z && x != z) {
        const double ref3 = static_cast<double>(dd_ln3_ref(X, Y, Z));
        CHECK_MESSAGE(std::abs(detail::dd_ln(x, y, z) / ref3 - 1.0) < 1e-13, x << " " << y << " " << z);
        CHECK_MESSAGE(std::abs(detail::dd_ln(z, x, y) / ref3 - 1.0) < 1e-13, "order " << x);
      }
      {
        const double refG = static_cast<double>(G_dd_ref(X, Y));
        // G' has a cancellation factor ~ ln(u) for large u (doc §3.5): 1e-13
        CHECK_MESSAGE(std::abs(detail::G_dd(x, y) / refG - 1.0) < 1e-13, x << " " << y);
        CHECK(detail::G_dd(x, y) == detail::G_dd(y, x));  // symmetric by construction of ln[.,.,.]
      }
    }
  CHECK(detail::G_dd(1.0, 1.0) == doctest::Approx(0.5).epsilon(1e-15));  // G'(1) = 1/2
  CHECK(detail::G_fn(1.0) == 1.0);
}

TEST_CASE("exact one-loop Sigma vs 50-digit naive R - I difference") {
  struct Case {
    Vector2d m0;
    Matrix2d l5;
    double M;
  };
  auto mk = [](double a, double b, double c) {
    Matrix2d m;
    m << a, b, b, c;
    return m;
  };
  const Case cases[] = {
      {{550, 550}, mk(2e-10, 0, 2e-10), 1000},                // benchmark (1-node branch)
      {{550, 700}, mk(2e-10, 0.7e-10, 1.3e-10), 1000},        // non-degenerate, mixing
      {{550, 550.001}, mk(1e-10, 3e-10, -2e-10), 1000},       // near-degenerate, rotating eigenvectors
      {{999.9999, 1000.0001}, mk(1e-9, 0, 1e-9), 1000},       // u -> 1
      {{600, 650}, mk(-2e-10, 1e-10, -1e-10), 1000},          // negative lambda5
      {{550, 700}, mk(1e-6, 2e-7, 5e-7), 1000},               // 2-node branch
      {{550, 600}, mk(1e-3, 2e-4, 5e-4), 1000},               // 4-node branch
      {{50, 3000}, mk(1e-6, 1e-7, 2e-6), 1000},               // hierarchical, direct branch
      {{550, 700}, mk(0.3, 0.1, 0.2), 1000},                  // large lambda5, direct branch
      {{2000, 2500}, mk(2e-10, -1e-10, 3e-10), 800},          // eta heavier than N
  };
  for (const auto& c : cases) {
    const Matrix2d ex = sigma_exact(c.m0, c.l5, c.M);
    const Matrix2d ref = sigma_naive_mp(c.m0, c.l5, c.M);
    // worst case: direct branch loses 1/eps <= 100 digits-worth of eps, plus the 2x2 solver: 1e-13
    CHECK_MESSAGE(rel_max(ex, ref) < 1e-13, c.m0.transpose() << " | " << c.l5.row(0) << " rel " << rel_max(ex, ref));
    CHECK(ex(0, 1) == ex(1, 0));
  }
  // the naive R - I difference in double precision loses ~10 digits at lambda5 ~ 1e-10: the reason
  // for the Frechet/Gauss–Legendre form (expected error ~ eps/(lambda5 v^2/m^2) ~ 1e-6)
  const Vector2d m0(550, 700);
  const Matrix2d l5 = mk(2e-10, 0.7e-10, 1.3e-10);
  const double M2 = 1e6, h = 0.5 * inputs::sm::v * inputs::sm::v / M2;
  Matrix2d A = Matrix2d::Zero();
  A(0, 0) = m0(0) * m0(0) / M2;
  A(1, 1) = m0(1) * m0(1) / M2;
  const Matrix2d naive = (1000.0 / (32 * pi * pi)) * (detail::G_matrix(A + h * l5) - detail::G_matrix(A - h * l5));
  CHECK(rel_max(naive, sigma_naive_mp(m0, l5, 1000.0)) > 1e-9);
}

TEST_CASE("[P] eq. (6): literal form, symmetry, continuity, agreement with the exact Sigma") {
  const mp M(1000);
  // divided-difference form == literal eq. (6), and the literal form is symmetric in a <-> b
  const double masses[][2] = {{550, 700}, {300, 1500}, {999, 1001}, {1200, 2500}, {550, 551}};
  for (const auto& mm : masses) {
    const mp lit_ab = eq6_literal(mp(mm[0]), mp(mm[1]), M);
    const mp lit_ba = eq6_literal(mp(mm[1]), mp(mm[0]), M);
    CHECK(static_cast<double>(abs(lit_ab / lit_ba - 1)) < 1e-40);  // exact identity, 50-digit arithmetic
    Matrix2d l5;
    l5 << 0.0, 1.0, 1.0, 0.0;
    const Matrix2d S = sigma_small_lambda5(Vector2d(mm[0], mm[1]), l5, 1000.0);
    const mp pi50 = boost::math::constants::pi<mp>();
    const double ref = static_cast<double>(mp(inputs::sm::v) * mp(inputs::sm::v) / (32 * pi50 * pi50) * lit_ab);
    // divided differences accurate to ~1e-15 (test above); 1e-13 margin
    CHECK_MESSAGE(std::abs(S(0, 1) / ref - 1.0) < 1e-13, mm[0] << " " << mm[1]);
  }
  // reference number quoted in the research notes (mpmath, 10 digits): eq6(550, 700; 1000) GeV^-1
  CHECK(static_cast<double>(eq6_literal(550, 700, M)) == doctest::Approx(8.897142657e-4).epsilon(2e-10));
  // continuity m_b -> m_a: approaches the one-generation limit linearly in the splitting
  Matrix2d one;
  one << 1.0, 1.0, 1.0, 1.0;
  const double diag = static_cast<double>(eq6_diag(mp(550), M));
  const double pref = inputs::sm::v * inputs::sm::v / (32 * pi * pi);
  for (double d : {1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12, 0.0}) {
    const Matrix2d S = sigma_small_lambda5(Vector2d(550.0, 550.0 * (1 + d)), one, 1000.0);
    // |d/dm eq6| * m / eq6 = O(1): deviation <= 2 d, plus rounding 1e-14
    CHECK_MESSAGE(std::abs(S(0, 1) / (pref * diag) - 1.0) < 2 * d + 1e-14, d);
    CHECK(std::abs(S(0, 0) / (pref * diag) - 1.0) < 1e-14);
  }
  // continuity m -> M_N (the removable singularity of eq. (6)): limit G'(1)/M = 1/(2M)
  for (double d : {1e-3, 1e-7, 0.0}) {
    const Matrix2d S = sigma_small_lambda5(Vector2d(1000.0 * (1 + d), 1000.0), one, 1000.0);
    CHECK(std::abs(S(0, 0) / (pref * 0.5e-3) - 1.0) < 2 * d + 1e-14);
  }
  // exact vs eq. (6) as lambda5 -> 0: relative deviation is second order in lambda5
  const Vector2d m0(550.0, 700.0);
  Matrix2d l5;
  l5 << 2.0, 0.7, 0.7, 1.3;
  auto dev = [&](double s) {
    return rel_max(sigma_exact(m0, s * l5, 1000.0), sigma_small_lambda5(m0, s * l5, 1000.0));
  };
  CHECK(dev(1e-10) < 1e-14);  // second-order term ~ (lambda5 v^2/m^2)^2 ~ 1e-21: rounding only
  const double d3 = dev(1e-3), d4 = dev(1e-4);
  CHECK(d3 / d4 == doctest::Approx(100.0).epsilon(0.05));  // quadratic scaling (cubic terms ~ 1%)
  // benchmark number of the research notes: Sigma(550, 550; 2e-10, v = 246.22) = 3.93115e-11 GeV (6 digits)
  const Matrix2d Sb = sigma_exact(Vector2d(550, 550), 2e-10 * Matrix2d::Identity(), 1000.0, 246.22);
  CHECK(Sb(0, 0) == doctest::Approx(3.93115e-11).epsilon(2e-6));
  CHECK(Sb(0, 1) == 0.0);
}

namespace {

// random oscillation inputs inside the 3-sigma-ish ranges, random phases
OscillationData random_osc(std::mt19937_64& rng, Ordering o) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  OscillationData d = OscillationData::de_salas_2021(o);
  d.dm21_sq_eV2 *= 0.9 + 0.2 * u(rng);
  d.dm3l_sq_eV2 *= 0.9 + 0.2 * u(rng);
  d.sin2_theta12 = 0.27 + 0.1 * u(rng);
  d.sin2_theta23 = 0.4 + 0.25 * u(rng);
  d.sin2_theta13 = 0.02 + 0.005 * u(rng);
  d.delta_cp = 2 * pi * u(rng);
  d.alpha21 = 2 * pi * u(rng);
  d.alpha31 = 2 * pi * u(rng);
  return d;
}

double phase_diff(double a, double b) {
  double d = std::fmod(a - b, 2 * pi);
  if (d > pi) d -= 2 * pi;
  if (d < -pi) d += 2 * pi;
  return std::abs(d);
}

}  // namespace

TEST_CASE("Casas-Ibarra round trip: Y_N -> exact one-loop m_nu -> oscillation data (NO, IO, real/complex theta)") {
  std::mt19937_64 rng(20230227);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  int n_checked = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const Ordering o = (trial % 2 == 0) ? Ordering::normal : Ordering::inverted;
    Parameters p = presets::paper_benchmark();
    p.oscillation = random_osc(rng, o);
    p.sin_theta = 2 * u(rng) - 1;
    p.theta_im = (trial % 4 < 2) ? 0.0 : 2 * u(rng) - 1;  // half of them complex
    p.m_eta0 = Vector2d(400 + 400 * u(rng), 400 + 400 * u(rng));
    p.m_etapm = p.m_eta0 + Vector2d(60.0, 60.0);
    p.m_phi = 1500.0;
    p.lambda5 << 1e-10 + 3e-10 * u(rng), 2e-10 * (u(rng) - 0.5), 0.0, 1e-10 + 3e-10 * u(rng);
    p.lambda5(1, 0) = p.lambda5(0, 1);
    if (trial % 5 == 4) p.lambda5 = -p.lambda5;  // negative sigma: complex D_sigma^{-1/2}
    const Model m(p);
    // (1) matrix level: Y_N Sigma Y_N^T = U^* diag(m) U^dag built from the inputs
    const Matrix3c U = pmns(p.oscillation);
    const Vector3d mass = p.oscillation.masses_eV() * 1e-9;
    const Matrix3c target = U.conjugate() * mass.cast<cplx>().asDiagonal() * U.adjoint();
    const double scale = mass.maxCoeff();
    // |Y_N|^2 Sigma ~ m3: cancellations grow with cosh(2 theta_im)^2; 1e-12 relative is ~5000 eps
    CHECK((m.neutrino_mass_matrix() - target).cwiseAbs().maxCoeff() < 1e-12 * scale);
    // (2) observables back from the Takagi factorisation
    const NeutrinoObservables n = m.neutrino();
    CHECK(n.ordering == o);
    CHECK(n.dm21_sq_eV2 == doctest::Approx(p.oscillation.dm21_sq_eV2).epsilon(1e-10));
    const double dm3l = (o == Ordering::normal) ? n.dm31_sq_eV2 : -n.dm31_sq_eV2;
    CHECK(dm3l == doctest::Approx(p.oscillation.dm3l_sq_eV2).epsilon(1e-10));
    CHECK(n.sin2_theta12 == doctest::Approx(p.oscillation.sin2_theta12).epsilon(1e-10));
    CHECK(n.sin2_theta23 == doctest::Approx(p.oscillation.sin2_theta23).epsilon(1e-10));
    CHECK(n.sin2_theta13 == doctest::Approx(p.oscillation.sin2_theta13).epsilon(1e-10));
    CHECK(phase_diff(n.delta_cp, p.oscillation.delta_cp) < 1e-10);
    if (o == Ordering::normal) {
      CHECK(phase_diff(n.alpha31, p.oscillation.alpha31 - p.oscillation.alpha21) < 1e-10);
      CHECK(n.masses_eV(0) < 1e-9 * n.masses_eV(2));
    } else {
      CHECK(phase_diff(n.alpha21, p.oscillation.alpha21) < 1e-10);
      CHECK(n.masses_eV(2) < 1e-9 * n.masses_eV(1));
    }
    // m_bb two ways: |m_ee| and |sum_i U_ei^2 m_i| from the input PMNS
    cplx mbb = 0.0;
    for (int i = 0; i < 3; ++i) mbb += U(0, i) * U(0, i) * (mass(i) * 1e9);
    CHECK(n.m_bb_eV == doctest::Approx(std::abs(mbb)).epsilon(1e-10));
    CHECK(n.sum_eV == doctest::Approx(mass.sum() * 1e9).epsilon(1e-10));
    ++n_checked;
  }
  CHECK(n_checked == 40);
}

TEST_CASE("Casas-Ibarra: R orthogonality, IO zero column, custom R, D_sqrt(Sigma) inverse roots") {
  for (cplx th : {cplx(0.3, 0.0), cplx(-1.1, 0.7), cplx(2.0, -0.4)})
    for (Ordering o : {Ordering::normal, Ordering::inverted}) {
      const Matrix23c R = casas_ibarra_R(th, o);
      CHECK((R * R.transpose() - Eigen::Matrix2cd::Identity()).cwiseAbs().maxCoeff() < 1e-14);
      CHECK(R.col(o == Ordering::normal ? 0 : 2).cwiseAbs().maxCoeff() == 0.0);
    }
  // a custom R (rows swapped: still orthogonal) is accepted and used
  Parameters p = presets::paper_benchmark();
  Matrix23c R = casas_ibarra_R(p.theta(), Ordering::normal);
  R.row(0).swap(R.row(1));
  p.R_custom = R;
  const Model m(p);
  CHECK(m.R() == R);
  const Model m0(presets::paper_benchmark());
  // swapping R rows swaps the eta columns of Y_N (V = 1, equal sigmas at the benchmark)
  CHECK((m.Y_N().col(0) - m0.Y_N().col(1)).cwiseAbs().maxCoeff() < 1e-15);
  // direct scaling check of D^{-1/2}: doubling lambda5 doubles Sigma and divides Y_N by sqrt2
  Parameters q = presets::paper_benchmark();
  q.lambda5 *= 2.0;
  const Model m2(q);
  CHECK((m2.Y_N() * std::sqrt(2.0) - m0.Y_N()).cwiseAbs().maxCoeff() < 1e-13);
  // non-diagonal Sigma: V rotation closest to 1 diagonalises it
  Matrix2d S;
  S << 3.0, 0.4, 0.4, 1.0;
  Matrix2d V;
  const Vector2d sig = sigma_diagonalise(S, V);
  CHECK((V.transpose() * S * V - sig.asDiagonal().toDenseMatrix()).cwiseAbs().maxCoeff() < 1e-15);
  CHECK(V(0, 0) > 0.9);  // |angle| <= pi/4
  CHECK(V.determinant() == doctest::Approx(1.0));
}

TEST_CASE("Takagi factorisation of a general complex symmetric matrix") {
  // build m = U^* diag(m) U^dag from known inputs with m1 != 0: all phases physical
  for (Ordering o : {Ordering::normal, Ordering::inverted}) {
    const Matrix3c U = pmns(0.31, 0.55, 0.0221, 4.1, 1.3, 5.2);
    const Vector3d mass = (o == Ordering::normal) ? Vector3d(0.01, 0.0137, 0.0515) : Vector3d(0.05, 0.0507, 0.004);
    const Matrix3c mnu = 1e-9 * (U.conjugate() * mass.cast<cplx>().asDiagonal() * U.adjoint());
    const NeutrinoObservables n = neutrino_observables(mnu);
    CHECK(n.ordering == o);
    CHECK((n.masses_eV - mass).cwiseAbs().maxCoeff() < 1e-14);
    CHECK(n.sin2_theta12 == doctest::Approx(0.31).epsilon(1e-12));
    CHECK(n.sin2_theta23 == doctest::Approx(0.55).epsilon(1e-12));
    CHECK(n.sin2_theta13 == doctest::Approx(0.0221).epsilon(1e-12));
    CHECK(phase_diff(n.delta_cp, 4.1) < 1e-11);
    CHECK(phase_diff(n.alpha21, 1.3) < 1e-11);
    CHECK(phase_diff(n.alpha31, 5.2) < 1e-11);
    // U^T m U = diag(m) and U unitary
    const Matrix3c D = n.U.transpose() * (mnu * 1e9) * n.U;
    CHECK((D - n.masses_eV.cast<cplx>().asDiagonal().toDenseMatrix()).cwiseAbs().maxCoeff() < 1e-15);
    CHECK((n.U.adjoint() * n.U - Matrix3c::Identity()).cwiseAbs().maxCoeff() < 1e-14);
    // Jarlskog invariant of the PDG form
    const double s12 = std::sqrt(0.31), s23 = std::sqrt(0.55), s13 = std::sqrt(0.0221);
    const double J = s12 * std::sqrt(1 - 0.31) * s23 * std::sqrt(1 - 0.55) * s13 * (1 - 0.0221) * std::sin(4.1);
    CHECK(n.jarlskog == doctest::Approx(J).epsilon(1e-12));
  }
}

TEST_CASE("Benchmark neutrino sector: Y_N of order 1, eq. (6) agreement") {
  const Model m(presets::paper_benchmark());
  const Matrix2d S6 = sigma_small_lambda5(m.parameters().m_eta0, m.parameters().lambda5, m.parameters().M_N);
  CHECK(rel_max(m.sigma(), S6) < 1e-14);
  const double ymax = m.Y_N().cwiseAbs().maxCoeff();
  CHECK(ymax > 0.3);  // [P]: "Y_N of order 1"
  CHECK(ymax < 2.0);
  // mass matrix from eq. (6) Sigma vs exact Sigma
  const Matrix3c m6 = neutrino_mass_matrix(m.Y_N(), S6);
  CHECK((m6 - m.neutrino_mass_matrix()).cwiseAbs().maxCoeff() < 1e-13 * m.neutrino_mass_matrix().cwiseAbs().maxCoeff());
}

TEST_CASE("Rank-2 fast path (M11) vs the general 3x3 Takagi path on random Y_N, Sigma") {
  // Two generators, alternating: (a) Y_N = D U^* P Rc s^{-1/2} O^T with m_nu = D U^* diag(0, ma, mb) U^dag D
  // for a chosen ratio ma/mb (hierarchical 1e-3 .. near-degenerate 1 - 1e-4, both orderings; D
  // random charged-lepton phases, Rc complex orthogonal, Sigma = O diag(s) O^T with s1/s2 down to
  // 1e-3); (b) Gaussian complex Y_N and random positive Sigma. Sizes: 1200 in Release, 300 under ASan.
#ifdef __SANITIZE_ADDRESS__
  const int n_trials = 300;
#else
  const int n_trials = 1200;
#endif
  std::mt19937_64 rng(5150);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::normal_distribution<double> g(0.0, 1.0);
  int n_fast = 0, n_tight = 0, n_io = 0, n_no = 0;
  // observed errors, absolute and in units of the bounds (reported on failure)
  double worst_m = 0.0, worst_U = 0.0, worst_ph = 0.0, max_ph = 0.0, max_rel_m = 0.0, max_U = 0.0;
  for (int t = 0; t < n_trials; ++t) {
    // Sigma = O diag(s) O^T > 0 [GeV], s ~ 1e-9 .. 1e-12 GeV (the model's range)
    const double phi = 2 * pi * u(rng);
    Matrix2d O;
    O << std::cos(phi), -std::sin(phi), std::sin(phi), std::cos(phi);
    const Vector2d s(1e-10 * std::pow(10.0, -3.0 * u(rng)), 1e-10);
    const Matrix2d S = O * s.asDiagonal() * O.transpose();
    Matrix32c Y;
    if (t % 2 == 0) {
      // ma/mb: log-uniform hierarchical (NO), or 1 - 10^-[0.5..4] (IO, near-degenerate pair)
      const double ratio =
          (t % 4 == 0) ? std::pow(10.0, -3.0 * u(rng) - 0.2) : 1.0 - std::pow(10.0, -0.6 - 3.4 * u(rng));
      const double mb = 0.05e-9 * (0.5 + u(rng)), ma = ratio * mb;  // GeV
      Matrix3c D = Matrix3c::Zero();
      for (int i = 0; i < 3; ++i) D(i, i) = std::polar(1.0, 2 * pi * u(rng));
      const Matrix3c U = D * pmns(u(rng), u(rng), u(rng), 2 * pi * u(rng), 2 * pi * u(rng), 2 * pi * u(rng));
      Matrix32c P = Matrix32c::Zero();
      P(1, 0) = std::sqrt(ma);
      P(2, 1) = std::sqrt(mb);
      const cplx z(2 * pi * u(rng), 2 * u(rng) - 1);  // |Im z| <= 1: |Y|^2 s / m <= cosh(2) ~ 3.8
      Eigen::Matrix2cd Rc;
      Rc << std::cos(z), std::sin(z), -std::sin(z), std::cos(z);
      const Eigen::Matrix2cd sinv =
          Vector2d(1 / std::sqrt(s(0)), 1 / std::sqrt(s(1))).cast<cplx>().asDiagonal();
      Y = U.conjugate() * P * Rc * sinv * O.transpose().cast<cplx>();
    } else {
      for (int i = 0; i < 3; ++i)
        for (int a = 0; a < 2; ++a) Y(i, a) = cplx(g(rng), g(rng));
    }
    const Matrix3c mnu = neutrino_mass_matrix(Y, S);
    const NeutrinoObservables f = neutrino_observables(Y, S);    // fast path
    const NeutrinoObservables r = neutrino_observables(mnu);     // general 3x3 path
    n_fast += f.sorted_masses_eV(0) == 0.0;  // the fast path sets the massless state exactly
    (r.ordering == Ordering::inverted ? n_io : n_no) += 1;
    REQUIRE(f.ordering == r.ordering);
    // Bounds. Both paths are backward stable for m_nu up to the rounding of forming it from Y_N
    // and Sigma, so with kappa = |Y|^2 |Sigma| / m_max (>= 1: cancellation in Y Sigma Y^T) a mass
    // moves by <= c kappa eps m_max (c eps = 1e-13, c ~ 450: 3x3 products and ~8 rotations each
    // adding a few eps), and a Takagi vector by <= c' kappa eps m_max^2 / gap (gap: the smallest m^2
    // splitting; both paths diagonalise m^dag m, whose first-order eigenvector perturbation this is;
    // c' eps = 1e-14, c' ~ 45). Angles move like |U|^2 entries, phases like arg(U_ai U_bj^*)
    // divided by the moduli involved. The fast basis is orthonormal to ~eps |y1||y2|/|y1 x y2|.
    const double mmax = r.sorted_masses_eV(2) * 1e-9;
    const double kappa = std::max(1.0, Y.squaredNorm() * S.norm() / mmax);
    const double tol_m = 1e-13 * kappa * r.sorted_masses_eV(2);
    const Vector3d sm = r.sorted_masses_eV;
    const double gap = std::min({sm(1) * sm(1) - sm(0) * sm(0), sm(2) * sm(2) - sm(1) * sm(1)});
    const double tol_U = 1e-14 * kappa * sm(2) * sm(2) / gap;
    const Matrix3c& U = r.U;
    CHECK((f.masses_eV - r.masses_eV).cwiseAbs().maxCoeff() <= tol_m);
    CHECK(std::abs(f.sum_eV - r.sum_eV) <= 3 * tol_m);
    CHECK(std::abs(f.m_bb_eV - r.m_bb_eV) <= tol_m);
    CHECK(std::abs(f.dm21_sq_eV2 - r.dm21_sq_eV2) <= 4 * sm(2) * tol_m);
    CHECK(std::abs(f.dm31_sq_eV2 - r.dm31_sq_eV2) <= 4 * sm(2) * tol_m);
    CHECK(std::abs(f.dm32_sq_eV2 - r.dm32_sq_eV2) <= 4 * sm(2) * tol_m);
    // |U| entries (rephasing invariant; the massless column's phase is arbitrary in both paths)
    CHECK((f.U.cwiseAbs() - U.cwiseAbs()).maxCoeff() <= tol_U);
    CHECK((f.U.cwiseAbs() - U.cwiseAbs()).minCoeff() >= -tol_U);
    const double c13sq = 1 - r.sin2_theta13;
    CHECK(std::abs(f.sin2_theta13 - r.sin2_theta13) <= 2 * tol_U);
    CHECK(std::abs(f.sin2_theta12 - r.sin2_theta12) <= 4 * tol_U / c13sq);
    CHECK(std::abs(f.sin2_theta23 - r.sin2_theta23) <= 4 * tol_U / c13sq);
    CHECK(std::abs(f.jarlskog - r.jarlskog) <= 4 * tol_U);
    // delta from J / (c12 s12 c23 s23 c13^2 s13) and |U_tau1|^2: error ~ tol_U / that product
    const double s12 = std::sqrt(r.sin2_theta12), c12 = std::sqrt(1 - r.sin2_theta12);
    const double s23 = std::sqrt(r.sin2_theta23), c23 = std::sqrt(1 - r.sin2_theta23);
    const double nrm = c12 * s12 * c23 * s23 * std::sqrt(r.sin2_theta13) * c13sq;
    const double tol_d = 10 * tol_U / std::max(nrm, 1e-300);
    CHECK(phase_diff(f.delta_cp, r.delta_cp) <= tol_d);
    // Majorana phase: twice an arg of a product of two U_e entries, plus 2 delta (NO)
    if (r.ordering == Ordering::normal) {
      const double tol_a = 4 * tol_U / (std::abs(U(0, 2)) * std::abs(U(0, 1))) + 2 * tol_d;
      CHECK(f.alpha21 == 0.0);
      CHECK(phase_diff(f.alpha31, r.alpha31) <= tol_a);
      n_tight += std::max(phase_diff(f.alpha31, r.alpha31), phase_diff(f.delta_cp, r.delta_cp)) < 1e-11;
      worst_ph = std::max(
          {worst_ph, phase_diff(f.alpha31, r.alpha31) / tol_a, phase_diff(f.delta_cp, r.delta_cp) / tol_d});
      max_ph = std::max({max_ph, phase_diff(f.alpha31, r.alpha31), phase_diff(f.delta_cp, r.delta_cp)});
    } else {
      const double tol_a = 4 * tol_U / (std::abs(U(0, 1)) * std::abs(U(0, 0)));
      CHECK(f.alpha31 == 0.0);
      CHECK(phase_diff(f.alpha21, r.alpha21) <= tol_a);
      n_tight += std::max(phase_diff(f.alpha21, r.alpha21), phase_diff(f.delta_cp, r.delta_cp)) < 1e-11;
      worst_ph = std::max(
          {worst_ph, phase_diff(f.alpha21, r.alpha21) / tol_a, phase_diff(f.delta_cp, r.delta_cp) / tol_d});
      max_ph = std::max({max_ph, phase_diff(f.alpha21, r.alpha21), phase_diff(f.delta_cp, r.delta_cp)});
    }
    max_rel_m = std::max(max_rel_m, (f.masses_eV - r.masses_eV).cwiseAbs().maxCoeff() / sm(2));
    max_U = std::max(max_U, (f.U.cwiseAbs() - U.cwiseAbs()).cwiseAbs().maxCoeff());
    // independent of the general path: U^T m U = diag(m) and U unitary for the fast result
    const double eps_orth = 20 * 2.2e-16 * std::sqrt(Y.col(0).squaredNorm() * Y.col(1).squaredNorm()) /
                            Y.col(0).cross(Y.col(1)).norm();
    const Matrix3c Dg = f.U.transpose() * (mnu * 1e9) * f.U;
    CHECK((Dg - f.masses_eV.cast<cplx>().asDiagonal().toDenseMatrix()).cwiseAbs().maxCoeff() <=
          tol_m + 3 * eps_orth * kappa * sm(2));
    CHECK((f.U.adjoint() * f.U - Matrix3c::Identity()).cwiseAbs().maxCoeff() < eps_orth);
    worst_m = std::max(worst_m, (f.masses_eV - r.masses_eV).cwiseAbs().maxCoeff() / tol_m);
    worst_U = std::max(worst_U, (f.U.cwiseAbs() - U.cwiseAbs()).cwiseAbs().maxCoeff() / tol_U);
  }
  INFO("worst error / bound: masses ", worst_m, ", |U| ", worst_U, ", phases ", worst_ph,
       "; max |phase error| ", max_ph, ", max mass error / m_max ", max_rel_m, ", max |U| error ", max_U);
  CHECK(n_fast == n_trials);            // every input took the fast path
  CHECK(n_io > n_trials / 5);           // both orderings are exercised
  CHECK(n_no > n_trials / 5);
  // all phases agree within 1e-11 (absolute) on >= 80% of the points (87% observed); the rest are
  // hierarchical or small-s13 points where the bounds above (conditioning of m^dag m) are larger
  CHECK(n_tight > 8 * n_trials / 10);
}

TEST_CASE("Rank-2 fast path: nearly parallel columns of Y_N fall back to the general path") {
  Matrix32c Y;
  Y << cplx(0.3, 0.1), cplx(0.3, 0.1), cplx(-0.2, 0.5), cplx(-0.2, 0.5), cplx(0.7, -0.4), cplx(0.7, -0.4);
  Y(0, 1) += cplx(1e-5, 0.0);  // |y1 x y2| / (|y1||y2|) ~ 1e-5 < 1e-3: fallback
  Matrix2d S;
  S << 2e-11, 0.3e-11, 0.3e-11, 1e-11;
  const NeutrinoObservables f = neutrino_observables(Y, S);
  const NeutrinoObservables r = neutrino_observables(neutrino_mass_matrix(Y, S));
  CHECK(f.sorted_masses_eV == r.sorted_masses_eV);  // bit-identical: the same code ran
  CHECK(f.U == r.U);
  CHECK(f.delta_cp == r.delta_cp);
}

TEST_CASE("neutrino_observables: non-finite input throws invalid_input naming the entry") {
  Matrix32c Y;
  Y << cplx(0.3, 0.1), cplx(0.1, 0.0), cplx(-0.2, 0.5), cplx(0.4, 0.2), cplx(0.7, -0.4), cplx(-0.3, 0.6);
  Matrix2d S;
  S << 2e-11, 0.3e-11, 0.3e-11, 1e-11;
  CHECK_NOTHROW(neutrino_observables(Y, S));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  Matrix32c Ybad = Y;
  Ybad(2, 1) = cplx(0.1, nan);
  Matrix2d Sbad = S;
  Sbad(1, 0) = inf;
  Matrix3c mbad = neutrino_mass_matrix(Y, S);
  mbad(0, 2) = cplx(inf, 0.0);
  auto parameter_of = [](auto&& call) -> std::string {
    try {
      call();
    } catch (const darkloops::invalid_input& e) {
      return e.parameter();
    }
    return "no exception";
  };
  CHECK(parameter_of([&] { neutrino_observables(Ybad, S); }) == "Y_N(2,1)");
  CHECK(parameter_of([&] { neutrino_observables(Y, Sbad); }) == "Sigma(1,0)");
  CHECK(parameter_of([&] { neutrino_observables(mbad); }) == "m_nu(0,2)");
}
