// SPDX-License-Identifier: MIT
// Tests of the three- and four-point tensor coefficients C(...) and D(...) (loop/c.hpp, loop/d.hpp):
// reference table, Feynman-parameter quadrature, honesty of digits_lost, symmetries, PV identities.
#include <doctest/doctest.h>

#include <array>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <cmath>
#include <complex>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "darkloops/loop/coefficients.hpp"

namespace fq {
// ---------------------------------------------------------------------------------------------
// Feynman-parameter integrals (docs/physics.md eq. (TR.2)): with Delta(x) = sum x_i m_i -
// sum x_i k_i^2 + (sum x_i k_i)^2 over the simplex (x_0 = 1 - sum x_i),
//   T_{i1..iP} = (-1)^P (-1)^N Gamma(N-2) int x_{i1}..x_{iP} Delta^{2-N},
//   C00 = -1/2 int log(Delta/mu2),  C00i = +1/2 int x_i log(Delta/mu2),  D00 = -1/2 int 1/Delta.
// Valid (and real) where Delta > 0 on the whole simplex: Euclidean / below-threshold points.
using boost::math::quadrature::gauss_kronrod;

template <class F>
double integrate_triangle(F f) {
  auto outer = [&](double x1) {
    auto inner = [&](double x2) { return f(x1, x2); };
    return gauss_kronrod<double, 21>::integrate(inner, 0.0, 1.0 - x1, 8, 1e-14);
  };
  return gauss_kronrod<double, 21>::integrate(outer, 0.0, 1.0, 8, 1e-14);
}

// Nested adaptive Gauss-Kronrod; depth 0 = one 15-point rule per axis (smooth integrands).
template <class F>
double integrate_tetrahedron(F f, unsigned depth = 0, double tol = 0) {
  auto o1 = [&](double x1) {
    auto o2 = [&](double x2) {
      auto o3 = [&](double x3) { return f(x1, x2, x3); };
      return gauss_kronrod<double, 15>::integrate(o3, 0.0, 1.0 - x1 - x2, depth, tol);
    };
    return gauss_kronrod<double, 15>::integrate(o2, 0.0, 1.0 - x1, depth, tol);
  };
  return gauss_kronrod<double, 15>::integrate(o1, 0.0, 1.0, depth, tol);
}

// k-basis Gram entries from LoopTools invariants.
struct CKin {
  double p1, p2, p1p2, m1, m2, m3, mu2;
  double delta(double x1, double x2) const {
    const double k11 = p1, k22 = p1p2, k12 = (p1 + p1p2 - p2) / 2;
    const double K2 = x1 * x1 * k11 + x2 * x2 * k22 + 2 * x1 * x2 * k12;
    return (1 - x1 - x2) * m1 + x1 * m2 + x2 * m3 - x1 * k11 - x2 * k22 + K2;
  }
};

inline std::array<double, 13> c_quad(const CKin& k) {
  std::array<double, 13> r{};
  // exponents of (x1, x2) for c0,c1,c2,-,c11,c12,c22,-,-,c111,c112,c122,c222
  const int e[13][2] = {{0, 0}, {1, 0}, {0, 1}, {0, 0}, {2, 0}, {1, 1}, {0, 2},
                        {1, 0}, {0, 1}, {3, 0}, {2, 1}, {1, 2}, {0, 3}};
  for (int i = 0; i < 13; ++i) {
    const int a = e[i][0], b = e[i][1];
    if (i == 3) {
      r[i] = -0.5 * integrate_triangle([&](double x1, double x2) { return std::log(k.delta(x1, x2) / k.mu2); });
    } else if (i == 7 || i == 8) {
      r[i] = 0.5 * integrate_triangle([&](double x1, double x2) {
        return std::pow(x1, a) * std::pow(x2, b) * std::log(k.delta(x1, x2) / k.mu2);
      });
    } else {
      const double sign = ((a + b) % 2 == 0) ? -1.0 : 1.0;
      r[i] = sign * integrate_triangle([&](double x1, double x2) {
        return std::pow(x1, a) * std::pow(x2, b) / k.delta(x1, x2);
      });
    }
  }
  return r;
}

struct DKin {
  double p1, p2, p3, p4, p1p2, p2p3, m1, m2, m3, m4;
  double delta(double x1, double x2, double x3) const {
    const double g11 = p1, g22 = p1p2, g33 = p4, g12 = (p1 + p1p2 - p2) / 2,
                 g23 = (p1p2 + p4 - p3) / 2, g13 = (p1 + p4 - p2p3) / 2;
    const double K2 = x1 * x1 * g11 + x2 * x2 * g22 + x3 * x3 * g33 +
                      2 * (x1 * x2 * g12 + x2 * x3 * g23 + x1 * x3 * g13);
    return (1 - x1 - x2 - x3) * m1 + x1 * m2 + x2 * m3 + x3 * m4 - x1 * g11 - x2 * g22 - x3 * g33 +
           K2;
  }
};

inline std::array<double, 11> d_quad(const DKin& k, unsigned depth = 0, double tol = 0) {
  std::array<double, 11> r{};
  const int e[11][3] = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 0}, {2, 0, 0},
                        {1, 1, 0}, {1, 0, 1}, {0, 2, 0}, {0, 1, 1}, {0, 0, 2}};
  for (int i = 0; i < 11; ++i) {
    const int a = e[i][0], b = e[i][1], c = e[i][2];
    if (i == 4) {
      r[i] = -0.5 * integrate_tetrahedron([&](double x1, double x2, double x3) { return 1.0 / k.delta(x1, x2, x3); }, depth, tol);
    } else {
      const double sign = ((a + b + c) % 2 == 0) ? 1.0 : -1.0;
      r[i] = sign * integrate_tetrahedron([&](double x1, double x2, double x3) {
        const double d = k.delta(x1, x2, x3);
        return std::pow(x1, a) * std::pow(x2, b) * std::pow(x3, c) / (d * d);
      }, depth, tol);
    }
  }
  return r;
}

}  // namespace fq

#include "darkloops/loop/c.hpp"
#include "darkloops/loop/d.hpp"
#include "support/pv_reference.hpp"

namespace {
using namespace darkloops::loop;
using cd = std::complex<double>;

double rel(cd a, cd b) { return std::abs(a - b) / std::max(std::abs(b), 1e-300); }

std::array<cd, 13> c_vec(const CCoefficients<double>& c) {
  return {c.c0, c.c1, c.c2, c.c00, c.c11, c.c12, c.c22, c.c001, c.c002, c.c111, c.c112, c.c122, c.c222};
}
std::array<cd, 11> d_vec(const DCoefficients<double>& d) {
  return {d.d0, d.d1, d.d2, d.d3, d.d00, d.d11, d.d12, d.d13, d.d22, d.d23, d.d33};
}
const char* c_names[13] = {"C0", "C1", "C2", "C00", "C11", "C12", "C22", "C001", "C002", "C111", "C112", "C122", "C222"};
const char* d_names[11] = {"D0", "D1", "D2", "D3", "D00", "D11", "D12", "D13", "D22", "D23", "D33"};

using Row = darkloops::test::PvReferenceRow;
std::vector<Row> read_reference() { return darkloops::test::read_pv_reference(); }

int c_index(const std::string& n) {
  for (int i = 0; i < 13; ++i) if (n == c_names[i]) return i;
  return -1;
}
int d_index(const std::string& n) {
  for (int i = 0; i < 11; ++i) if (n == d_names[i]) return i;
  return -1;
}

}  // namespace

TEST_CASE("C and D tensor coefficients against the reference table (incl. outlier rows)") {
  const auto rows = read_reference();
  REQUIRE(rows.size() > 400);  // the file is there and parsed
  std::map<std::string, double> worst;
  int checked = 0;
  for (const auto& r : rows) {
    const int ci = r.func.size() > 1 && r.func[0] == 'C' && r.func != "C0" ? c_index(r.func) : -1;
    const int di = r.func.size() > 1 && r.func[0] == 'D' && r.func != "D0" && r.func != "DB0" ? d_index(r.func) : -1;
    if (ci < 0 && di < 0) continue;
    cd got;
    if (ci >= 0) got = c_vec(C(r.a[0], r.a[1], r.a[2], r.a[3], r.a[4], r.a[5]))[ci];
    else got = d_vec(D(r.a[0], r.a[1], r.a[2], r.a[3], r.a[4], r.a[5], r.a[6], r.a[7], r.a[8], r.a[9]))[di];
    const double e = rel(got, r.value);
    worst[r.func] = std::max(worst[r.func], e);
    ++checked;
    INFO(r.func, " args ", r.a[0], ",", r.a[1], ",", r.a[2], ",", r.a[3], ",", r.a[4], ",", r.a[5],
         ",", r.a[6], ",", r.a[7], ",", r.a[8], ",", r.a[9], " got ", got, " ref ", r.value,
         " outliers: ", r.outliers);
    // Requirement of issue 3: <= 1e-8 relative for every tensor-coefficient row.
    CHECK(e <= 1e-8);
    if (e > 1e-10) MESSAGE("above 1e-10: ", r.func, " ", r.a[0], ",", r.a[1], ",", r.a[2], ",", r.a[3], ",", r.a[4], ",", r.a[5], ",", r.a[6], ",", r.a[7], ",", r.a[8], ",", r.a[9], " rel ", e, " outliers: ", r.outliers);
  }
  for (const auto& [f, e] : worst) MESSAGE(f, " max rel error ", e);
  MESSAGE("checked ", checked, " rows");
  CHECK(checked == 255);  // every C1..C22, C00, D1..D33, D00 row of the file
}

TEST_CASE("C rank 0-3 and D rank 0-2 against Feynman-parameter quadrature at Euclidean points") {
  // Independent check 2 (eq. (TR.2)); the quadrature is converged to ~1e-13 on these smooth
  // integrands, so 1e-10 leaves a 1000x margin over the expected ~1e-13 agreement.
  const std::array<fq::CKin, 3> cpts{{{-30.0, -70.0, -150.0, 40.0, 90.0, 160.0, 1.0},
                                      {10.0, 20.0, 35.0, 100.0, 120.0, 300.0, 7.0},
                                      {-5.0, 60.0, -20.0, 500.0, 20.0, 80.0, 1.0}}};
  for (const auto& k : cpts) {
    const auto q = fq::c_quad(k);
    const auto got = c_vec(C(k.p1, k.p2, k.p1p2, k.m1, k.m2, k.m3, k.mu2));
    for (int i = 0; i < 13; ++i) {
      INFO(c_names[i], " at p = ", k.p1, ",", k.p2, ",", k.p1p2, " got ", got[i], " quad ", q[i]);
      CHECK(rel(got[i], q[i]) < 1e-10);
    }
  }
  const fq::DKin dk{-40.0, -60.0, -30.0, -80.0, -150.0, -120.0, 100.0, 150.0, 200.0, 120.0};
  const auto q = fq::d_quad(dk, 3, 1e-13);
  const auto got = d_vec(D(dk.p1, dk.p2, dk.p3, dk.p4, dk.p1p2, dk.p2p3, dk.m1, dk.m2, dk.m3, dk.m4));
  for (int i = 0; i < 11; ++i) {
    INFO(d_names[i], " got ", got[i], " quad ", q[i]);
    CHECK(rel(got[i], q[i]) < 1e-10);
  }
}

TEST_CASE("digits_lost is honest for plain PV, and the stable branch keeps the error small") {
  // Spacelike momenta approaching collinearity: k1 = a n, k2 = (a + b) n, n^2 = -1 gives
  // det Z = 0 at p1p2 = -(a + b)^2; we approach it with a relative offset delta.
  const double a = 3.0, b = 5.0, m1 = 50.0, m2 = 80.0, m3 = 120.0;
  bool saw_large_loss = false;
  for (double delta : {1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7}) {
    const double p1 = -a * a, p2 = -b * b, p1p2 = -(a + b) * (a + b) * (1 + delta);
    const auto q = fq::c_quad({p1, p2, p1p2, m1, m2, m3, 1.0});
    const auto pv = detail::c_pv<double>({p1, p2, p1p2}, {m1, m2, m3}, 1.0, 3);
    const auto pvs = detail::c_to_struct(pv, 3);
    const auto pvv = c_vec(pvs);
    const auto full = C(p1, p2, p1p2, m1, m2, m3);
    const auto fv = c_vec(full);
    // Expected error where digits_lost = k: 10^k x (input accuracy 32u = 3.6e-15); factor 10
    // for the first-order bound, floor 1e-12 for the quadrature itself.
    const double bound = std::max(10.0 * std::pow(10.0, pvs.digits_lost) * 3.6e-15, 1e-12);
    double worst_pv = 0, worst_full = 0;
    for (int i = 0; i < 13; ++i) {
      worst_pv = std::max(worst_pv, rel(pvv[i], q[i]));
      worst_full = std::max(worst_full, rel(fv[i], q[i]));
    }
    INFO("delta ", delta, " PV digits_lost ", pvs.digits_lost, " PV error ", worst_pv,
         " C() digits_lost ", full.digits_lost, " C() error ", worst_full);
    // Where the bound exceeds 1 the result is flagged as having no correct digit at all.
    if (bound < 1) CHECK(worst_pv <= bound);
    else CHECK(pvs.digits_lost > 14);
    if (pvs.digits_lost > 6) saw_large_loss = true;
    // The public function stays accurate (stable branch below digits10/4 digits of loss).
    CHECK(worst_full < 1e-9);
    CHECK(worst_full <= std::max(10.0 * std::pow(10.0, full.digits_lost) * 3.6e-15, 1e-12));
  }
  CHECK(saw_large_loss);  // the estimate really registers the instability
}

TEST_CASE("exactly zero Gram determinant: finite, not NaN, correct") {
  // k1 = n, k2 = 3 n, n^2 = -1: p1 = -1, p2 = -4, p1p2 = -9, det Z = 0 exactly.
  const auto c = C(-1.0, -4.0, -9.0, 1.0, 2.0, 3.0);
  const auto q = fq::c_quad({-1.0, -4.0, -9.0, 1.0, 2.0, 3.0, 1.0});
  const auto v = c_vec(c);
  for (int i = 0; i < 13; ++i) {
    INFO(c_names[i], " got ", v[i], " quad ", q[i]);
    CHECK(std::isfinite(v[i].real()));
    CHECK(rel(v[i], q[i]) < 1e-9);
  }
  // D with k3 = 2 k1 (p1 = -1, p2 = -1, p1p2 = -4, p3 = -1, p4 = -9, p2p3 = -4... collinear).
  const fq::DKin dk{-1.0, -1.0, -1.0, -9.0, -4.0, -4.0, 2.0, 3.0, 4.0, 5.0};
  const auto dq = fq::d_quad(dk, 3, 1e-13);
  const auto dv = d_vec(D(dk.p1, dk.p2, dk.p3, dk.p4, dk.p1p2, dk.p2p3, dk.m1, dk.m2, dk.m3, dk.m4));
  const auto dfull = D(dk.p1, dk.p2, dk.p3, dk.p4, dk.p1p2, dk.p2p3, dk.m1, dk.m2, dk.m3, dk.m4);
  for (int i = 0; i < 11; ++i) {
    INFO(d_names[i], " got ", dv[i], " quad ", dq[i], " digits_lost ", dfull.digits_lost);
    CHECK(std::isfinite(dv[i].real()));
    CHECK(rel(dv[i], dq[i]) < 1e-8);  // issue-3 requirement for tensor coefficients
    CHECK(rel(dv[i], dq[i]) <= std::max(10 * std::pow(10.0, dfull.digits_lost) * 3.6e-15, 1e-12));
  }
}

TEST_CASE("symmetry under exchange of legs") {
  // C: propagators 2 <-> 3 (k1 <-> k2) maps C(p1,p2,p1p2,m1,m2,m3) to C(p1p2,p2,p1,m1,m3,m2) with
  // c1<->c2, c11<->c22, c001<->c002, c111<->c222, c112<->c122 (eq. (TR.1)); rounding-level check.
  for (const auto& k : {fq::CKin{-30.0, -70.0, -150.0, 40.0, 90.0, 160.0, 1.0},
                        fq::CKin{179.676, 41.843, 394.97340472231019, 48.434, 678.164, 1500.28, 1.0}}) {
    const auto a = C(k.p1, k.p2, k.p1p2, k.m1, k.m2, k.m3);
    const auto b = C(k.p1p2, k.p2, k.p1, k.m1, k.m3, k.m2);
    const double tol = 1e-10;  // both sides carry independent rounding of the reduction
    CHECK(rel(a.c0, b.c0) < tol);
    CHECK(rel(a.c1, b.c2) < tol);
    CHECK(rel(a.c2, b.c1) < tol);
    CHECK(rel(a.c00, b.c00) < tol);
    CHECK(rel(a.c11, b.c22) < tol);
    CHECK(rel(a.c12, b.c12) < tol);
    CHECK(rel(a.c001, b.c002) < tol);
    CHECK(rel(a.c111, b.c222) < tol);
    CHECK(rel(a.c112, b.c122) < tol);
  }
  // D: k1 <-> k3 maps (p1,p2,p3,p4,s,t; m1,m2,m3,m4) to (p4,p3,p2,p1,s',t; m1,m4,m3,m2) with
  // s' = (k3-k1+k1)... = k2^2 unchanged: d1<->d3, d11<->d33, d12<->d23, d13, d22 unchanged.
  const fq::DKin k{-40.0, -60.0, -30.0, -80.0, -150.0, -120.0, 100.0, 150.0, 200.0, 120.0};
  const auto a = D(k.p1, k.p2, k.p3, k.p4, k.p1p2, k.p2p3, k.m1, k.m2, k.m3, k.m4);
  const auto b = D(k.p4, k.p3, k.p2, k.p1, k.p1p2, k.p2p3, k.m1, k.m4, k.m3, k.m2);
  CHECK(rel(a.d0, b.d0) < 1e-10);
  CHECK(rel(a.d1, b.d3) < 1e-10);
  CHECK(rel(a.d2, b.d2) < 1e-10);
  CHECK(rel(a.d00, b.d00) < 1e-10);
  CHECK(rel(a.d11, b.d33) < 1e-10);
  CHECK(rel(a.d12, b.d23) < 1e-10);
  CHECK(rel(a.d13, b.d13) < 1e-10);
  CHECK(rel(a.d22, b.d22) < 1e-10);
}

TEST_CASE("PV trace identities g_{mu nu} T^{mu nu ...} = T(0) + m1 T") {
  // eq. (TR.8): 4 C00 - 1/2 + sum k_i.k_j C_ij = B0(p2; m2, m3) + m1 C0,
  //             6 C00i + 1/6 + sum k_j.k_l C_jli = B_i(0) + m1 C_i,
  //             4 D00 + sum k_i.k_j D_ij = C0(p2, p3, p2p3; m2, m3, m4) + m1 D0.
  // Checked on a regular point and on a small-Gram point (stable branch), where they are a
  // genuine test of the interpolated coefficients.
  for (const auto& k : {fq::CKin{-30.0, -70.0, -150.0, 40.0, 90.0, 160.0, 1.0},
                        fq::CKin{-9.0, -25.0, -64.0 * (1 + 1e-7), 50.0, 80.0, 120.0, 1.0}}) {
    const auto c = C(k.p1, k.p2, k.p1p2, k.m1, k.m2, k.m3);
    const double g11 = k.p1, g22 = k.p1p2, g12 = (k.p1 + k.p1p2 - k.p2) / 2;
    const cd b0 = B0(k.p2, k.m2, k.m3), b1 = B1(k.p2, k.m2, k.m3);
    const cd lhs = 4.0 * c.c00 - 0.5 + g11 * c.c11 + 2.0 * g12 * c.c12 + g22 * c.c22;
    const cd rhs = b0 + k.m1 * c.c0;
    CHECK(std::abs(lhs - rhs) < 1e-10 * std::abs(rhs));
    const cd l1 = 6.0 * c.c001 + 1.0 / 6 + g11 * c.c111 + 2.0 * g12 * c.c112 + g22 * c.c122;
    const cd r1 = -b0 - b1 + k.m1 * c.c1;
    const cd l2 = 6.0 * c.c002 + 1.0 / 6 + g11 * c.c112 + 2.0 * g12 * c.c122 + g22 * c.c222;
    const cd r2 = b1 + k.m1 * c.c2;
    // tolerance relative to the largest term (cancellations among the terms are expected)
    CHECK(std::abs(l1 - r1) < 1e-10 * (std::abs(b0) + std::abs(6.0 * c.c001)));
    CHECK(std::abs(l2 - r2) < 1e-10 * (std::abs(b0) + std::abs(6.0 * c.c002)));
  }
  const fq::DKin k{-40.0, -60.0, -30.0, -80.0, -150.0, -120.0, 100.0, 150.0, 200.0, 120.0};
  const auto d = D(k.p1, k.p2, k.p3, k.p4, k.p1p2, k.p2p3, k.m1, k.m2, k.m3, k.m4);
  const double g11 = k.p1, g22 = k.p1p2, g33 = k.p4, g12 = (k.p1 + k.p1p2 - k.p2) / 2,
               g23 = (k.p1p2 + k.p4 - k.p3) / 2, g13 = (k.p1 + k.p4 - k.p2p3) / 2;
  const cd lhs = 4.0 * d.d00 + g11 * d.d11 + g22 * d.d22 + g33 * d.d33 +
                 2.0 * (g12 * d.d12 + g13 * d.d13 + g23 * d.d23);
  const cd rhs = C0(k.p2, k.p3, k.p2p3, k.m2, k.m3, k.m4) + k.m1 * d.d0;
  CHECK(std::abs(lhs - rhs) < 1e-10 * std::abs(rhs));
}

TEST_CASE("domain: NaN outside, zero momenta dispatch, other floating types") {
  CHECK(std::isnan(C(1.0, 2.0, 3.0, -1.0, 2.0, 3.0).c0.real()));
  CHECK(std::isnan(C(std::nan(""), 2.0, 3.0, 1.0, 2.0, 3.0).c11.real()));
  CHECK(std::isnan(C(1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 0.0).c00.real()));
  CHECK(std::isnan(D(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 1.0, -2.0, 3.0, 4.0).d00.real()));
  // IR-divergent vertex (massless line between two on-shell legs): C0 is NaN, so is every
  // coefficient (the stable branch must not interpolate across the divergence).
  const auto ir = C(1.0, -5.0, 1.0, 0.0, 1.0, 1.0);
  CHECK(std::isnan(C0(1.0, -5.0, 1.0, 0.0, 1.0, 1.0).real()));
  CHECK(std::isnan(ir.c0.real()));
  CHECK(std::isnan(ir.c12.real()));
  // zero momenta: the closed forms, bit for bit
  const auto z = C(0.0, 0.0, 0.0, 10.0, 20.0, 30.0);
  const auto zz = zero::C(10.0, 20.0, 30.0);
  CHECK(z.c112 == zz.c112);
  CHECK(z.digits_lost == 0.0);
  const auto zd = D(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 10.0, 20.0, 30.0, 40.0);
  CHECK(zd.d23 == zero::D(10.0, 20.0, 30.0, 40.0).d23);
  // long double runs the same code: agreement with double within the accuracy double reports
  // (10^digits_lost x 32 u, factor 10 for the estimate).  float runs in double internally and
  // rounds once: agreement to a few float ulps (6e-8 each; 1e-6 allows the rounding of inputs).
  const auto cdbl = C(-30.0, -70.0, -150.0, 40.0, 90.0, 160.0);
  const auto cf = C(-30.0f, -70.0f, -150.0f, 40.0f, 90.0f, 160.0f);
  const auto cl = C(-30.0L, -70.0L, -150.0L, 40.0L, 90.0L, 160.0L);
  const double tol_d = 10 * std::pow(10.0, double(cdbl.digits_lost)) * 3.6e-15;
  INFO("digits_lost double ", cdbl.digits_lost, " float ", cf.digits_lost, " long double ", cl.digits_lost);
  CHECK(std::abs(std::complex<double>(cf.c112) - cdbl.c112) < 1e-6 * std::abs(cdbl.c112));
  CHECK(std::abs(std::complex<double>(cl.c112) - cdbl.c112) < tol_d * std::abs(cdbl.c112));
  CHECK(cf.digits_lost == 0.0f);
  const auto df = D(-40.0f, -60.0f, -30.0f, -80.0f, -150.0f, -120.0f, 100.0f, 150.0f, 200.0f, 120.0f);
  const auto dd = D(-40.0, -60.0, -30.0, -80.0, -150.0, -120.0, 100.0, 150.0, 200.0, 120.0);
  CHECK(std::abs(std::complex<double>(df.d23) - dd.d23) < 1e-6 * std::abs(dd.d23));
}

TEST_CASE("double against the same templated code in 50 digits: accuracy and honest digits_lost") {
  // Independent of the reduction's own rounding: cpp_bin_float_50 carries 35 more digits, so
  // its result is the reference for the double evaluation (its own digits_lost is checked to
  // leave >= 18 digits).  Random points: masses^2 log-uniform in 1..1e4, momenta^2 of either sign
  // log-uniform in 1..1e5, one third of the C points pushed to near-collinear kinematics.
  using mp = boost::multiprecision::cpp_bin_float_50;
  std::mt19937_64 rng(20261125);
  std::uniform_real_distribution<double> lm(0, std::log(1e4)), lp(0, std::log(1e5)), u(0, 1);
  auto mass = [&] { return std::exp(lm(rng)); };
  auto mom = [&] { return (u(rng) < 0.5 ? -1.0 : 1.0) * std::exp(lp(rng)); };
  double worst = 0, worst_pv_ratio = 0;
  for (int n = 0; n < 18; ++n) {
    double p1 = mom(), p2 = mom(), p1p2 = mom();
    if (n % 3 == 0) {  // spacelike near-collinear: det Z ~ 1e-6 relative
      const double a = std::sqrt(std::abs(p1)), b = std::sqrt(std::abs(p2));
      p1 = -a * a;
      p2 = -b * b;
      p1p2 = -(a + b) * (a + b) * (1 + 1e-6);
    }
    const double m1 = mass(), m2 = mass(), m3 = mass();
    const auto cdb = C(p1, p2, p1p2, m1, m2, m3);
    const auto cm = C<mp>(mp(p1), mp(p2), mp(p1p2), mp(m1), mp(m2), mp(m3));
    REQUIRE(cm.digits_lost < 30);  // >= 18 correct digits left in the reference
    const auto pv = detail::c_to_struct(detail::c_pv<double>({p1, p2, p1p2}, {m1, m2, m3}, 1.0, 3), 3);
    const std::array<std::complex<mp>, 13> ref{cm.c0, cm.c1, cm.c2, cm.c00, cm.c11, cm.c12, cm.c22,
                                               cm.c001, cm.c002, cm.c111, cm.c112, cm.c122, cm.c222};
    const auto got = c_vec(cdb), gpv = c_vec(pv);
    double e_full = 0, e_pv = 0;
    for (int i = 0; i < 13; ++i) {
      const cd r(double(ref[i].real()), double(ref[i].imag()));
      e_full = std::max(e_full, rel(got[i], r));
      e_pv = std::max(e_pv, rel(gpv[i], r));
    }
    INFO("point ", p1, ",", p2, ",", p1p2, ",", m1, ",", m2, ",", m3, " C() err ", e_full, " dl ",
         cdb.digits_lost, " PV err ", e_pv, " PV dl ", pv.digits_lost);
    // issue 3: <= 1e-8 for tensor coefficients; and no worse than the reported loss allows
    // (10^dl x 32u, factor 10 for the estimate, floor 1e-13 for the scalar inputs).
    CHECK(e_full <= 1e-8);
    CHECK(e_full <= std::max(10 * std::pow(10.0, cdb.digits_lost) * 3.6e-15, 1e-13));
    const double bpv = 10 * std::pow(10.0, pv.digits_lost) * 3.6e-15;
    if (bpv < 1) CHECK(e_pv <= std::max(bpv, 1e-13));
    worst = std::max(worst, e_full);
    if (bpv < 1) worst_pv_ratio = std::max(worst_pv_ratio, e_pv / (bpv / 10));
  }
  MESSAGE("C: worst rel. error double vs 50 digits ", worst,
          "; worst (PV error)/(10^digits_lost x 32u) ", worst_pv_ratio);
  worst = 0;
  int flagged = 0;
  for (int n = 0; n < 6; ++n) {
    const std::array<double, 6> s{mom(), mom(), mom(), mom(), mom(), mom()};
    const std::array<double, 4> m{mass(), mass(), mass(), mass()};
    const auto ddb = D(s[0], s[1], s[2], s[3], s[4], s[5], m[0], m[1], m[2], m[3]);
    const auto dm = D<mp>(mp(s[0]), mp(s[1]), mp(s[2]), mp(s[3]), mp(s[4]), mp(s[5]), mp(m[0]),
                          mp(m[1]), mp(m[2]), mp(m[3]));
    REQUIRE(dm.digits_lost < 30);
    const std::array<std::complex<mp>, 11> ref{dm.d0, dm.d1, dm.d2, dm.d3, dm.d00, dm.d11,
                                               dm.d12, dm.d13, dm.d22, dm.d23, dm.d33};
    const auto got = d_vec(ddb);
    double e = 0;
    for (int i = 0; i < 11; ++i)
      e = std::max(e, rel(got[i], cd(double(ref[i].real()), double(ref[i].imag()))));
    INFO("D point ", s[0], ",", s[1], ",", s[2], ",", s[3], ",", s[4], ",", s[5], "; ", m[0], ",",
         m[1], ",", m[2], ",", m[3], " err ", e, " dl ", ddb.digits_lost);
    // Always: the error is within what digits_lost reports.  The 1e-8 target is asserted where
    // digits_lost <= 6 (estimated error <= 4e-9); beyond, the loss is reported (docs/validation.md:
    // D with momenta small against mass splittings of 1e4 reaches only ~2e-8).
    CHECK(e <= std::max(10 * std::pow(10.0, ddb.digits_lost) * 3.6e-15, 1e-13));
    if (ddb.digits_lost <= 6) CHECK(e <= 1e-8);
    else ++flagged;
    worst = std::max(worst, e);
  }
  MESSAGE("D: worst rel. error double vs 50 digits ", worst, "; points with digits_lost > 6: ", flagged);
}

// Kinematic helpers are constexpr (issue 3): Gram determinants of collinear momenta vanish
// exactly, and of orthogonal Euclidean ones are the product of the squares.
static_assert(darkloops::loop::detail::c_gram<double>({-1.0, -4.0, -9.0}) == 0.0);
static_assert(darkloops::loop::detail::c_gram<double>({-1.0, -2.0, -1.0}) == 1.0);  // k1.k2 = 0
static_assert(darkloops::loop::detail::d_gram<double>({-1.0, -1.0, -1.0, -9.0, -4.0, -4.0}) == 0.0);

TEST_CASE("renormalisation scale: only the UV-divergent coefficients move, as (TR.2) says") {
  // C00 = -1/2 int log(Delta/mu2) over the simplex (area 1/2): dC00/dlog mu2 = +1/4;
  // C00i = +1/2 int x_i log(Delta/mu2): dC00i/dlog mu2 = -1/12; everything else and all of D
  // are mu-independent.  Tolerance: rounding of the reduction (1e-12 absolute on O(1) values).
  const double mu2 = 37.0, L = std::log(mu2);
  const auto a = C(-30.0, 20.0, -150.0, 40.0, 90.0, 160.0);
  const auto b = C(-30.0, 20.0, -150.0, 40.0, 90.0, 160.0, mu2);
  CHECK(std::abs(b.c00 - a.c00 - 0.25 * L) < 1e-12);
  CHECK(std::abs(b.c001 - a.c001 + L / 12) < 1e-12);
  CHECK(std::abs(b.c002 - a.c002 + L / 12) < 1e-12);
  CHECK(rel(b.c12, a.c12) < 1e-12);
  CHECK(rel(b.c122, a.c122) < 1e-12);
  const auto d1 = D(-40.0, -60.0, -30.0, -80.0, -150.0, -120.0, 100.0, 150.0, 200.0, 120.0);
  const auto d2 = D(-40.0, -60.0, -30.0, -80.0, -150.0, -120.0, 100.0, 150.0, 200.0, 120.0, mu2);
  CHECK(rel(d2.d00, d1.d00) < 1e-12);
  CHECK(rel(d2.d13, d1.d13) < 1e-12);
}

TEST_CASE("small-Gram expansion: 50 digits two ways, Gram/p1p2^2 = 1e-1...1e-12 and 0, switch") {
  // Near-collinear kinematics k2 = t k1 + (small transverse part) below all two-point thresholds
  // (spacelike, timelike, a vanishing mass), relative Gram g = det G/p1p2^2 from 1e-1 to 1e-12
  // and exactly 0. Two independent 50-digit references: the plain PV reduction (c_pv, loses
  // ~3 log10(1/g) digits of 50) and the expansion itself in 50 digits
  // (gram_c.hpp); where both are usable they must agree to 1e-19 — this checks the expansion's
  // formulas (GE.1)-(GE.5) independently of double rounding. The public C<double> must meet the
  // issue's 1e-8 and stay within its digits_lost (10 x 10^dl x 32u, as in the tests above).
  using mp = boost::multiprecision::cpp_bin_float_50;
  struct Kin {
    double p1, p1p2, m1, m2, m3;
    bool spacelike;
  };
  const Kin kins[] = {{-400, -900, 100, 300, 700, true},
                      {30, 80, 100, 300, 700, false},
                      {-500, -2000, 0, 40, 900, true},
                      {-3, -10, 1e4, 1e4 * 1.01, 1e4 * 0.97, true}};
  double worst = 0, worst_agree = 0, worst_ratio = 0;
  int via_gram = 0;
  std::size_t gs_size = 0;
  for (const auto& k : kins) {
#ifdef __SANITIZE_ADDRESS__
    const std::array<double, 2> gs{1e-2, 1e-12};  // reduced under ASan (CI time)
#else
    // ~0.15 s per point (the 50-digit C0): 20 points
    const std::array<double, 5> gs{1e-1, 1e-2, 1e-5, 1e-12, 0.0};
#endif
    gs_size = gs.size();
    for (double g : gs) {
      // k1.k2 = sign sqrt(p1 p1p2 - g p1p2^2)  =>  p2 = p1 + p1p2 - 2 k1.k2
      const mp P1 = k.p1, P12 = k.p1p2;
      const mp k12 = (k.spacelike ? -1 : 1) * sqrt(P1 * P12 - mp(g) * P12 * P12);
      const double p1 = k.p1, p1p2 = k.p1p2, p2 = double(P1 + P12 - 2 * k12);
      const mp P2 = mp(p2);  // the double point, exactly
      const mp M1 = k.m1, M2 = k.m2, M3 = k.m3;
      const auto pvm = detail::c_pv<mp>({P1, P2, P12}, {M1, M2, M3}, mp(1), 3);
      const double pv_dl = double(detail::max_digits_lost(pvm, 3));
      // 50-digit expansion at rank 12 (truncation ~ g^9 <= 1e-36 for g <= 1e-4; not used above).
      detail::CTracked<mp> gm{};
      if (g <= 1e-4) {
        detail::GramBSets<mp> bs;
        REQUIRE(detail::gram_b_sets<mp>({P1, P2, P12}, {M1, M2, M3}, mp(1), 13, bs));
        bool ok = false;
        gm = detail::c_gram_expansion<mp>({P1, P2, P12}, {M1, M2, M3}, bs, pvm[detail::c0_], 12,
                                          ok);
        REQUIRE(ok);
      }
      std::array<std::complex<mp>, 13> ref;
      for (int i = 0; i < 13; ++i) ref[i] = pv_dl < 25 || g > 1e-4 ? pvm[i].v : gm[i].v;
      // PV keeps >= 25 digits by its estimate and the expansion is converged: independent
      // agreement to 1e-19. (50-digit running estimates are not asserted: the 50-digit C0 input
      // is good to ~4e-45, measured against 100 digits, not the 32u = 1.6e-49 assumed; in double
      // C0 meets 32u.)
      if (pv_dl < 25 && g <= 1e-4) {
        for (int i = 1; i < 13; ++i) {
          const double a = double(abs(pvm[i].v - gm[i].v) / abs(pvm[i].v));
          worst_agree = std::max(worst_agree, a);
          INFO("g ", g, " p ", p1, ",", p2, ",", p1p2, " ", c_names[i], " pv-vs-expansion ", a);
          CHECK(a <= 1e-19);
        }
      }
      REQUIRE((pv_dl < 25 || g <= 1e-4));
      const auto c = C(p1, p2, p1p2, k.m1, k.m2, k.m3);
      const auto pvd = detail::c_pv<double>({p1, p2, p1p2}, {k.m1, k.m2, k.m3}, 1.0, 3);
      if (detail::max_digits_lost(pvd, 3) > detail::fallback_threshold<double>()) ++via_gram;
      const auto v = c_vec(c);
      double e = 0;
      for (int i = 0; i < 13; ++i)
        e = std::max(e, rel(v[i], cd(double(ref[i].real()), double(ref[i].imag()))));
      INFO("g ", g, " point ", p1, ",", p2, ",", p1p2, "; ", k.m1, ",", k.m2, ",", k.m3, " err ", e,
           " dl ", c.digits_lost);
      CHECK(e <= 1e-8);
      CHECK(e <= std::max(10 * std::pow(10.0, c.digits_lost) * 3.6e-15, 1e-13));
      worst = std::max(worst, e);
      worst_ratio = std::max(worst_ratio, e / (std::pow(10.0, c.digits_lost) * 3.6e-15));
    }
  }
  MESSAGE("small Gram: worst C() error " << worst << ", worst error/(10^dl x 32u) " << worst_ratio
                                         << ", PV-vs-expansion agreement in 50 digits "
                                         << worst_agree << ", points past the PV switch "
                                         << via_gram << " of " << 4 * int(gs_size));
  CHECK(2 * via_gram >= gs_size * 4);  // the expansion branch is really exercised (most points)
}
