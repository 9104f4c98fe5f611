// SPDX-License-Identifier: MIT
// Model layer: parameters (named vector), spectrum, mass-basis couplings, validation, warnings,
// dark-matter candidate, presets. Neutrino masses and Casas–Ibarra: test_model_neutrino.cpp.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "darkloops/model/model.hpp"
#include "darkloops/model/presets.hpp"

using namespace darkloops;

namespace {

// message of the exception of type E thrown by f ("" if none or another type)
template <class E, class F>
std::string thrown(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  } catch (...) {
    return "<other exception>";
  }
  return "<no exception>";
}

bool contains(const std::string& s, const std::string& frag) { return s.find(frag) != std::string::npos; }

Parameters mixed_point() {
  Parameters p;
  p.m_eta0 = Vector2d(520.0, 640.0);
  p.m_etapm = Vector2d(610.0, 700.0);
  p.m_phi = 900.0;
  p.mu = Vector2c(cplx(-300.0, 120.0), cplx(450.0, -80.0));
  p.lambda5 << 1e-3, 4e-4, 4e-4, -2e-4;
  p.Y_N << cplx(0.3, 0.1), cplx(-0.2, 0.05), cplx(0.7, -0.2), cplx(0.4, 0.3), cplx(-0.5, 0.0), cplx(0.9, -0.1);
  p.Y_S = Vector3c(cplx(0.1), cplx(0.5, 0.2), cplx(0.8));
  p.kappa = Vector3c(cplx(0.0), cplx(0.04, 0.01), cplx(0.2));
  return p;
}

}  // namespace

TEST_CASE("Parameters: names, units and vector round trip") {
  const auto n = Parameters::names();
  const auto u = Parameters::units();
  REQUIRE(n.size() == u.size());
  CHECK(std::set<std::string>(n.begin(), n.end()).size() == n.size());  // unique
  for (const char* must : {"M_N", "m_S_d", "m_S_u", "m_phi", "mu_1_re", "mu_2_im", "lambda5_12", "Y_N_21_re",
                           "Y_N_32_im", "Y_S_2_re", "kappa_2_re", "sin_theta", "theta_im", "casas_ibarra", "delta_cp"})
    CHECK_MESSAGE(Parameters::has(must), must);
  Parameters p = mixed_point();
  p.casas_ibarra = true;
  p.sin_theta = 0.3;
  p.theta_im = -0.2;
  p.oscillation.ordering = Ordering::inverted;
  p.oscillation.alpha21 = 0.7;
  const Eigen::VectorXd v = p.to_vector();
  REQUIRE(static_cast<std::size_t>(v.size()) == n.size());
  const Parameters q = Parameters::from_vector(v);
  CHECK(q.to_vector() == v);  // exact: only copies
  CHECK(q.casas_ibarra);
  CHECK(q.oscillation.ordering == Ordering::inverted);
  CHECK(q.Y_N == p.Y_N);
  CHECK(q.mu == p.mu);
  CHECK(q.lambda5 == p.lambda5);
  // every name reads back what to_vector holds, and set() writes exactly that slot
  for (std::size_t i = 0; i < n.size(); ++i) {
    CHECK(p.get(n[i]) == v(static_cast<Eigen::Index>(i)));
    Parameters r = p;
    const double val = (u[i] == "flag") ? 1.0 - v(static_cast<Eigen::Index>(i)) : 0.123 + static_cast<double>(i);
    r.set(n[i], val);
    const Eigen::VectorXd w = r.to_vector();
    for (std::size_t j = 0; j < n.size(); ++j) {
      if (j == i) {
        CHECK(w(static_cast<Eigen::Index>(j)) == val);
      } else if (n[j] == "casas_ibarra" && n[i].rfind("Y_N_", 0) == 0) {
        CHECK(w(static_cast<Eigen::Index>(j)) == 0.0);  // setting a Y_N entry switches Casas–Ibarra off
      } else {
        CHECK_MESSAGE(w(static_cast<Eigen::Index>(j)) == v(static_cast<Eigen::Index>(j)), n[i] << " changed " << n[j]);
      }
    }
  }
  CHECK(thrown<invalid_input>([] { (void)Parameters::from_vector(Eigen::VectorXd::Zero(3)); }) != "<no exception>");
  CHECK(contains(thrown<invalid_input>([&] { p.set("m_nonsense", 1.0); }), "m_nonsense"));
  CHECK(contains(thrown<invalid_input>([&] { (void)p.get("Y_N_41_re"); }), "Y_N_41_re"));
}

TEST_CASE("Parameters: aliases") {
  Parameters p;
  p.set("m_S", 1234.0);
  CHECK(p.m_S_d == 1234.0);
  CHECK(p.m_S_u == 1234.0);
  p.set("m_eta_2", 777.0);
  CHECK(p.m_eta0(1) == 777.0);
  CHECK(p.m_etapm(1) == 777.0);
  CHECK(p.m_eta0(0) == 550.0);
  p.set("lambda5", 3e-10);
  CHECK(p.lambda5 == 3e-10 * Matrix2d::Identity());
  p.set("lambda5_21", 1e-10);
  CHECK(p.lambda5(0, 1) == 1e-10);
  CHECK(p.lambda5(1, 0) == 1e-10);
  p.set("mu", -1000.0);
  CHECK(p.mu(0) == cplx(-1000.0));
  CHECK(p.mu(1) == cplx(1000.0));
  for (const auto& a : Parameters::aliases()) CHECK(Parameters::has(a));
}

TEST_CASE("Spectrum: mu -> 0 gives no mixing; degenerate eta masses") {
  Parameters p;
  p.m_etapm = Vector2d(700.0, 600.0);
  p.m_phi = 650.0;
  const Spectrum s = compute_spectrum(p);
  CHECK(s.m_H(0) == 600.0);
  CHECK(s.m_H(1) == 650.0);
  CHECK(s.m_H(2) == 700.0);
  Matrix3c perm = Matrix3c::Zero();
  perm(1, 0) = perm(2, 1) = perm(0, 2) = 1.0;
  CHECK(s.U_H == perm);
  // tiny mu: continuous limit, mixing O(mu v / Delta m^2)
  p.mu = Vector2c(cplx(1e-6), cplx(-2e-6));
  const Spectrum t = compute_spectrum(p);
  CHECK((t.U_H - perm).cwiseAbs().maxCoeff() < 1e-8);  // |mu v/sqrt2| / 5e4 GeV^2 ~ 1e-8
  // exactly degenerate eta+ with mu = 0: a definite (unit) basis
  p.mu.setZero();
  p.m_etapm = Vector2d(600.0, 600.0);
  const Spectrum d = compute_spectrum(p);
  CHECK(d.U_H == Matrix3c::Identity());
  // degenerate eta+ with mu_1 = -mu_2: (eta1+ + eta2+)/sqrt2 decouples at m_etapm exactly,
  // the other two solve [[m^2, |mu| v], [|mu| v, m_phi^2]] (closed form, independent of Eigen)
  p.mu = Vector2c(cplx(-1000.0), cplx(1000.0));
  p.m_phi = 1300.0;
  const Spectrum e = compute_spectrum(p);
  const double m2 = 600.0 * 600.0, mp2 = 1300.0 * 1300.0, off = 1000.0 * inputs::sm::v;
  const double lo = 0.5 * (m2 + mp2) - std::sqrt(0.25 * (mp2 - m2) * (mp2 - m2) + off * off);
  const double hi = 0.5 * (m2 + mp2) + std::sqrt(0.25 * (mp2 - m2) * (mp2 - m2) + off * off);
  // eigenvalues of a well-conditioned 3x3 (norm 1.8e6 GeV^2): relative 1e-13 is ~500 eps
  CHECK(e.m_H(0) * e.m_H(0) == doctest::Approx(lo).epsilon(1e-13));
  CHECK(e.m_H(1) * e.m_H(1) == doctest::Approx(m2).epsilon(1e-13));
  CHECK(e.m_H(2) * e.m_H(2) == doctest::Approx(hi).epsilon(1e-13));
  CHECK(std::abs(e.U_H(0, 1) - e.U_H(1, 1)) < 1e-14);
  CHECK(std::abs(e.U_H(2, 1)) < 1e-14);
}

TEST_CASE("Spectrum: unitarity, reconstruction, characteristic polynomial") {
  for (const Parameters& p : {mixed_point(), presets::paper_benchmark()}) {
    const Spectrum s = compute_spectrum(p);
    const Matrix3c& U = s.U_H;
    const double scale = s.M2_charged.cwiseAbs().maxCoeff();
    // backward-stable eigensolver: residuals ~ eps |M|; 1e-13 leaves a factor ~500
    CHECK((U.adjoint() * U - Matrix3c::Identity()).cwiseAbs().maxCoeff() < 1e-13);
    const Vector3d m2 = s.m_H.cwiseProduct(s.m_H);
    CHECK((U * m2.cast<cplx>().asDiagonal() * U.adjoint() - s.M2_charged).cwiseAbs().maxCoeff() < 1e-13 * scale);
    CHECK(s.m_H(0) <= s.m_H(1));
    CHECK(s.m_H(1) <= s.m_H(2));
    // coefficients of det(M - x) from the matrix (independent of the eigensolver)
    const Matrix3c& M = s.M2_charged;
    const double tr = M.trace().real();
    double minors = 0.0;
    for (int i = 0; i < 3; ++i)
      for (int j = i + 1; j < 3; ++j) minors += (M(i, i) * M(j, j) - M(i, j) * M(j, i)).real();
    const double det = M.determinant().real();
    CHECK(m2.sum() == doctest::Approx(tr).epsilon(1e-13));
    CHECK(m2(0) * m2(1) + m2(0) * m2(2) + m2(1) * m2(2) == doctest::Approx(minors).epsilon(1e-12));
    // det: relative error ~ eps |M| / m2_min (here <= 10) and cancellations in det(): 1e-11
    CHECK(m2.prod() == doctest::Approx(det).epsilon(1e-11));
    // phase convention: largest component of each column real positive (first one on ties
    // within 1e-12, e.g. the (eta1+ - eta2+) state of the benchmark)
    for (int k = 0; k < 3; ++k) {
      const double amax = U.col(k).cwiseAbs().maxCoeff();
      int i = 0;
      while (std::abs(U(i, k)) < amax * (1 - 1e-12)) ++i;
      CHECK(U(i, k).imag() == 0.0);
      CHECK(U(i, k).real() > 0.0);
    }
    // neutral: O orthogonal, reconstruction of M0^2 +- v^2 lambda5/2
    for (int cp = 0; cp < 2; ++cp) {
      const Matrix2d& O = cp == 0 ? s.O_R : s.O_I;
      const Vector2d& mm = cp == 0 ? s.m2_R : s.m2_I;
      CHECK((O.transpose() * O - Matrix2d::Identity()).cwiseAbs().maxCoeff() < 1e-15);
      const Matrix2d Mn = neutral_mass_matrix(p, cp == 0 ? 1 : -1);
      CHECK((O * mm.asDiagonal() * O.transpose() - Mn).cwiseAbs().maxCoeff() < 1e-15 * Mn.cwiseAbs().maxCoeff());
      CHECK(mm(0) <= mm(1));
    }
  }
}

TEST_CASE("Spectrum: neutral lambda5 splitting and leptoquark") {
  Parameters p;
  p.m_eta0 = Vector2d(550.0, 800.0);
  p.lambda5 << 0.02, 0.0, 0.0, -0.01;
  const Spectrum s = compute_spectrum(p);
  const double v2 = inputs::sm::v * inputs::sm::v;
  // one generation: m_R^2 - m_I^2 = lambda5 v^2 (doc §3.3); rounding of 3e5-size numbers: 1e-9 relative
  CHECK(s.m2_R(0) - s.m2_I(0) == doctest::Approx(0.02 * v2).epsilon(1e-9));
  CHECK(s.m2_R(1) - s.m2_I(1) == doctest::Approx(-0.01 * v2).epsilon(1e-9));
  CHECK(s.m_eta0 == p.m_eta0);
  p.m_S_d = 1100.0;
  p.m_S_u = 1150.0;
  const Spectrum t = compute_spectrum(p);
  CHECK(t.m_S_d == 1100.0);
  CHECK(t.m_S_u == 1150.0);
  CHECK(t.M_N == p.M_N);
}

TEST_CASE("Couplings: gauge-basis reconstruction and chiral structure") {
  const Parameters p = mixed_point();
  const Model m(p);
  const auto& c = m.couplings();
  const Matrix3c& U = m.spectrum().U_H;
  // invert the mass-basis rotation with U^dag: recovers the Lagrangian couplings of [P] eq. (4)
  const Matrix3c back = c.cL * U.adjoint();
  CHECK((back.leftCols<2>() + p.Y_N).cwiseAbs().maxCoeff() < 1e-14);   // -Y_N on eta1+, eta2+
  CHECK(back.col(2).cwiseAbs().maxCoeff() < 1e-14);                     // Y_N does not couple to phi+
  const Matrix3c backR = c.cR * U.adjoint();
  CHECK((backR.col(2) - p.kappa).cwiseAbs().maxCoeff() < 1e-14);
  CHECK(backR.leftCols<2>().cwiseAbs().maxCoeff() < 1e-14);
  // chirally enhanced combination: sum_k cL(a,k) conj(cR(b,k)) m_k^2 = sum_a Y_N conj(kappa) conj(mu_a) v/sqrt2,
  // and without mass weight it vanishes (unitarity)
  const Vector3d m2 = m.spectrum().m_H.cwiseProduct(m.spectrum().m_H);
  const double vs = inputs::sm::v / std::sqrt(2.0);
  for (int al = 0; al < 3; ++al)
    for (int be = 0; be < 3; ++be) {
      cplx lhs = 0.0, lhs0 = 0.0;
      for (int k = 0; k < 3; ++k) {
        lhs += c.cL(al, k) * std::conj(c.cR(be, k)) * m2(k);
        lhs0 += c.cL(al, k) * std::conj(c.cR(be, k));
      }
      cplx rhs = 0.0;
      for (int a = 0; a < 2; ++a) rhs += p.Y_N(al, a) * std::conj(p.kappa(be)) * std::conj(p.mu(a)) * vs;
      CHECK(std::abs(lhs - rhs) < 1e-12 * 1e6);  // |terms| ~ 1e6 GeV^2
      CHECK(std::abs(lhs0) < 1e-14);
    }
  // neutral: nR O_R^T = Y_N/sqrt2, nI O_I^T = i Y_N/sqrt2
  const Matrix32c bR = c.nR * m.spectrum().O_R.transpose().cast<cplx>();
  const Matrix32c bI = c.nI * m.spectrum().O_I.transpose().cast<cplx>();
  CHECK((bR - p.Y_N / std::sqrt(2.0)).cwiseAbs().maxCoeff() < 1e-15);
  CHECK((bI - cplx(0.0, 1.0) * p.Y_N / std::sqrt(2.0)).cwiseAbs().maxCoeff() < 1e-15);
  // quarks: yd = Y_S (down basis), yu = V Y_S, |yu| = |yd| by CKM unitarity
  CHECK(c.yd == p.Y_S);
  CHECK(std::abs(c.yu.norm() - c.yd.norm()) < 1e-15);
  const Matrix3c V = inputs::sm::ckm();
  CHECK(std::abs(c.yu(2) - (V(2, 0) * p.Y_S(0) + V(2, 1) * p.Y_S(1) + V(2, 2) * p.Y_S(2))) < 1e-15);
  // Z: hermitian, trace = sum of (T3 - Q s_W^2) = 1/2 + 1/2 - 3 s_W^2
  CHECK((c.Z_HH - c.Z_HH.adjoint()).cwiseAbs().maxCoeff() < 1e-15);
  CHECK(std::abs(c.Z_HH.trace() - (1.0 - 3.0 * inputs::sm::sin2_theta_W)) < 1e-14);
  // h trilinear from mu equals U^dag (dM^2/dv) U (off-diagonal M^2 entries are linear in v)
  Matrix3c dM = m.spectrum().M2_charged / inputs::sm::v;
  for (int i = 0; i < 3; ++i) dM(i, i) = 0.0;
  const Matrix3c h = U.adjoint() * dM * U;
  CHECK((h - c.h_HH_mu).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("Couplings: no eta-phi mixing at mu = 0") {
  Parameters p = mixed_point();
  p.mu.setZero();
  const Model m(p);
  const auto& c = m.couplings();
  for (int al = 0; al < 3; ++al)
    for (int be = 0; be < 3; ++be)
      for (int k = 0; k < 3; ++k) CHECK(c.cL(al, k) * c.cR(be, k) == cplx(0.0));  // L and R on different states
  // Z couplings diagonal: 1/2 - s^2 for eta+, -s^2 for phi+
  const double s2 = inputs::sm::sin2_theta_W;
  CHECK((c.Z_HH - c.Z_HH.diagonal().asDiagonal().toDenseMatrix()).cwiseAbs().maxCoeff() == 0.0);
  std::multiset<double> z;
  for (int k = 0; k < 3; ++k) z.insert(std::round(1e12 * c.Z_HH(k, k).real()) / 1e12);
  CHECK(z.count(std::round(1e12 * (0.5 - s2)) / 1e12) == 2);
  CHECK(z.count(std::round(1e12 * (-s2)) / 1e12) == 1);
  CHECK(c.h_HH_mu.cwiseAbs().maxCoeff() == 0.0);
}

TEST_CASE("Validation: every exception names the parameter and its value") {
  struct Case {
    const char* name;
    void (*mutate)(Parameters&);
    const char* fragment;
  };
  static const Case cases[] = {
      {"M_N", [](Parameters& p) { p.M_N = -5.0; }, "M_N = -5"},
      {"m_S_d", [](Parameters& p) { p.m_S_d = std::nan(""); }, "m_S_d = nan"},
      {"m_S_u", [](Parameters& p) { p.m_S_u = 0.0; }, "m_S_u = 0"},
      {"m_eta0_2", [](Parameters& p) { p.m_eta0(1) = -1.0; }, "m_eta0_2 = -1"},
      {"m_etapm_1", [](Parameters& p) { p.m_etapm(0) = INFINITY; }, "m_etapm_1 = inf"},
      {"m_phi", [](Parameters& p) { p.m_phi = -1000.0; }, "m_phi = -1000"},
      {"mu_2", [](Parameters& p) { p.mu(1) = cplx(std::nan(""), 0.0); }, "mu_2"},
      {"lambda5_12", [](Parameters& p) { p.lambda5(0, 1) = INFINITY; }, "lambda5_12"},
      {"lambda5 symmetric", [](Parameters& p) { p.lambda5(1, 0) = 3e-10; }, "lambda5_21 = "},
      {"Y_N_31", [](Parameters& p) { p.Y_N(2, 0) = cplx(0.0, std::nan("")); }, "Y_N_31"},
      {"Y_S_3", [](Parameters& p) { p.Y_S(2) = INFINITY; }, "Y_S_3"},
      {"kappa_2", [](Parameters& p) { p.kappa(1) = std::nan(""); }, "kappa_2"},
      {"sin_theta", [](Parameters& p) { p.casas_ibarra = true; p.lambda5 = 1e-10 * Matrix2d::Identity(); p.sin_theta = 1.5; }, "sin_theta = 1.5"},
      {"theta_im", [](Parameters& p) { p.casas_ibarra = true; p.lambda5 = 1e-10 * Matrix2d::Identity(); p.theta_im = std::nan(""); }, "theta_im = nan"},
      {"dm21_sq", [](Parameters& p) { p.casas_ibarra = true; p.lambda5 = 1e-10 * Matrix2d::Identity(); p.oscillation.dm21_sq_eV2 = -1e-5; }, "dm21_sq = -1"},
      {"dm3l_sq", [](Parameters& p) { p.casas_ibarra = true; p.lambda5 = 1e-10 * Matrix2d::Identity(); p.oscillation.dm3l_sq_eV2 = 1e-6; }, "dm3l_sq = 9.99"},
      {"sin2_theta13", [](Parameters& p) { p.casas_ibarra = true; p.lambda5 = 1e-10 * Matrix2d::Identity(); p.oscillation.sin2_theta13 = 1.2; }, "sin2_theta13 = 1."},
      {"delta_cp", [](Parameters& p) { p.casas_ibarra = true; p.lambda5 = 1e-10 * Matrix2d::Identity(); p.oscillation.delta_cp = INFINITY; }, "delta_cp = inf"},
      {"alpha31", [](Parameters& p) { p.casas_ibarra = true; p.lambda5 = 1e-10 * Matrix2d::Identity(); p.oscillation.alpha31 = std::nan(""); }, "alpha31 = nan"},
      {"dm3l_sq nan", [](Parameters& p) { p.casas_ibarra = true; p.lambda5 = 1e-10 * Matrix2d::Identity(); p.oscillation.dm3l_sq_eV2 = std::nan(""); }, "dm3l_sq = nan"},
      {"R entry", [](Parameters& p) {
         p.casas_ibarra = true;
         p.lambda5 = 1e-10 * Matrix2d::Identity();
         Matrix23c R = Matrix23c::Zero();
         R(1, 2) = cplx(INFINITY, 0.0);
         p.R_custom = R;
       }, "R_23 = (inf,0)"},
      {"lambda5 singular", [](Parameters& p) { p.casas_ibarra = true; p.lambda5.setZero(); }, "lambda5 ="},
      {"lambda5 rank 1", [](Parameters& p) { p.casas_ibarra = true; p.lambda5 << 1e-10, 1e-10, 1e-10, 1e-10; }, "lambda5 ="},
      {"R", [](Parameters& p) {
         p.casas_ibarra = true;
         p.lambda5 = 1e-10 * Matrix2d::Identity();
         Matrix23c R;
         R << 0.0, 1.0, 0.1, 0.0, 0.0, 1.0;
         p.R_custom = R;
       }, "R ="},
  };
  for (const auto& c : cases) {
    Parameters p;
    c.mutate(p);
    const std::string msg = thrown<invalid_input>([&] { Model m(p); });
    CHECK_MESSAGE(contains(msg, c.fragment), c.name << ": " << msg);
    CHECK_MESSAGE(contains(msg, "darkloops: invalid input"), c.name);
  }
}

TEST_CASE("Validation: tachyons are physical problems naming the parameters") {
  Parameters p;
  p.mu = Vector2c(cplx(-3000.0), cplx(3000.0));  // |mu| v ~ 7.4e5 GeV^2 > m_etapm m_phi
  std::string msg = thrown<physical_problem>([&] { Model m(p); });
  CHECK(contains(msg, "tachyonic charged"));
  CHECK(contains(msg, "mu_1 = (-3000,0)"));
  CHECK(contains(msg, "|mu| too large"));
  Parameters q;
  q.lambda5 << -12.0, 0.0, 0.0, 0.0;  // m_R^2 = 550^2 - 6 v^2 < 0
  msg = thrown<physical_problem>([&] { Model m(q); });
  CHECK(contains(msg, "tachyonic CP-even"));
  CHECK(contains(msg, "lambda5 = [[-12"));
  // both derive from darkloops::error
  CHECK(thrown<error>([&] { Model m(q); }) == msg);
  // extreme but positive inputs: no NaN escapes (M_N^2 underflows to 0 -> Sigma non-finite)
  Parameters x;
  x.M_N = 1e-170;
  x.Y_N(0, 0) = 0.1;
  msg = thrown<physical_problem>([&] { Model m(x); });
  CHECK(contains(msg, "non-finite result for M_N = 1e-170"));
}

TEST_CASE("Warnings: perturbativity, charged and coloured dark matter") {
  Parameters p;
  CHECK(Model(p).warnings().empty());
  p.Y_N(1, 0) = 4.0;  // > sqrt(4 pi) = 3.545
  const Model m(p);
  CHECK(m.warnings().contains("|Y_N_21| = 4"));
  // the paper's literal numbers: m_eta+ = 550, m_phi = 1000, |mu| = 1 TeV -> a 474 GeV charged state
  Parameters q = presets::paper_benchmark();
  q.m_etapm = Vector2d(550.0, 550.0);
  q.m_phi = 1000.0;
  const Model c(q);
  CHECK(c.dark_matter().nature == DarkMatterNature::charged_scalar);
  CHECK(c.dark_matter().mass == doctest::Approx(473.66).epsilon(1e-4));  // closed form in the doc, 5 digits
  CHECK(c.warnings().contains("dark matter candidate is charged"));
  Parameters r;
  r.m_S_d = 300.0;
  const Model s(r);
  CHECK(s.dark_matter().nature == DarkMatterNature::S_d);
  CHECK(s.dark_matter().coloured);
  CHECK(s.warnings().contains("coloured"));
}

TEST_CASE("Dark matter candidate") {
  Parameters p;
  p.lambda5 = 1e-3 * Matrix2d::Identity();  // m_I < m_R
  Model m(p);
  CHECK(m.dark_matter().nature == DarkMatterNature::eta_I);
  CHECK(m.dark_matter().neutral());
  CHECK(m.dark_matter().mass == m.spectrum().m_I(0));
  p.lambda5 = -1e-3 * Matrix2d::Identity();
  CHECK(Model(p).dark_matter().nature == DarkMatterNature::eta_R);
  p.M_N = 400.0;
  CHECK(Model(p).dark_matter().nature == DarkMatterNature::N);
  CHECK(Model(p).dark_matter().name() == "N");
}

TEST_CASE("Preset: paper benchmark is physical and implements [P] eqs. (10)-(12)") {
  const Parameters p = presets::paper_benchmark();
  CHECK(p.mu(0) == cplx(-1000.0));
  CHECK(p.mu(1) == cplx(1000.0));
  CHECK(p.kappa(0) == cplx(0.0));
  CHECK(p.kappa(1) == cplx(0.04));
  CHECK(p.lambda5 == 2e-10 * Matrix2d::Identity());
  CHECK(std::abs(p.Y_S(1) * p.Y_S(2) - 0.6) < 1e-15);
  CHECK(p.sin_theta == 0.25);
  CHECK(p.casas_ibarra);
  const Model m(p);
  CHECK(m.warnings().empty());
  CHECK(m.dark_matter().neutral());
  CHECK(m.dark_matter().mass == doctest::Approx(550.0).epsilon(1e-9));
  CHECK(m.spectrum().m_H(0) > 555.0);  // charged states clearly above the DM
  const Parameters q = presets::paper_benchmark(-0.3, 0.1);
  CHECK(std::abs(q.Y_S(1) * q.Y_S(2) + 0.3) < 1e-15);
  CHECK(q.sin_theta == 0.1);
  // Casas–Ibarra reproduces the oscillation inputs at the benchmark
  const auto n = m.neutrino();
  CHECK(n.dm21_sq_eV2 == doctest::Approx(p.oscillation.dm21_sq_eV2).epsilon(1e-10));
  CHECK(n.dm31_sq_eV2 == doctest::Approx(p.oscillation.dm3l_sq_eV2).epsilon(1e-10));
}
