// SPDX-License-Identifier: MIT
// One-loop neutrino masses, [P] eq. (6), Casas–Ibarra and the Takagi observables.
// References: 50-digit evaluations (boost::multiprecision) of the naive formulas, closed-form
// limits, and round trips through independently built matrices.
#include <doctest/doctest.h>

#include <boost/math/constants/constants.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <cmath>
#include <random>

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
