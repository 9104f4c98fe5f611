// SPDX-License-Identifier: MIT
// Zero-momentum PV closed forms and dimensionless loop functions (loop/zero_momentum.hpp,
// loop/dimensionless.hpp): reference table, quadrature of the Feynman-parameter integrals,
// known limits, symmetries, series switch points, domain. The 50-digit comparison on random
// points lives in test_loop_zero_mp.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>

#include "darkloops/loop/c0.hpp"
#include "darkloops/loop/dimensionless.hpp"
#include "darkloops/loop/zero_momentum.hpp"
#include "support/pv_reference.hpp"

namespace z = darkloops::loop::zero;
namespace dl = darkloops::loop;

namespace {

double rel(double a, double b) { return std::abs(a - b) / std::max(std::abs(b), 1e-300); }

using Row = darkloops::test::PvReferenceRow;
std::vector<Row> read_reference() { return darkloops::test::read_pv_reference(); }

bool zero_momentum_row(const Row& r) {
  const auto& f = r.func;
  if (f == "A0") return true;
  if (f.rfind("DB", 0) == 0 || f[0] == 'B') return r.a[0] == 0;
  if (f[0] == 'C') return r.a[0] == 0 && r.a[1] == 0 && r.a[2] == 0;
  if (f[0] == 'D') {
    for (int i = 0; i < 6; ++i)
      if (r.a[i] != 0) return false;
    return true;
  }
  return false;
}

double evaluate(const Row& r) {
  const auto& f = r.func;
  const auto& a = r.a;
  if (f == "A0") return z::A0(a[0]);
  if (f == "B0") return z::B0(a[1], a[2]);
  if (f == "B1") return z::B1(a[1], a[2]);
  if (f == "B00") return z::B00(a[1], a[2]);
  if (f == "B11") return z::B11(a[1], a[2]);
  if (f == "DB0") return z::DB0(a[1], a[2]);
  if (f[0] == 'C') {
    const auto c = z::C(a[3], a[4], a[5]);
    const std::map<std::string, double> m{{"C0", c.c0.real()},   {"C1", c.c1.real()},
                                          {"C2", c.c2.real()},   {"C00", c.c00.real()},
                                          {"C11", c.c11.real()}, {"C12", c.c12.real()},
                                          {"C22", c.c22.real()}};
    if (f == "C0") CHECK(z::C0(a[3], a[4], a[5]) == c.c0.real());
    if (f == "C00") CHECK(z::C00(a[3], a[4], a[5]) == c.c00.real());
    return m.at(f);
  }
  const auto d = z::D(a[6], a[7], a[8], a[9]);
  const std::map<std::string, double> m{
      {"D0", d.d0.real()},   {"D1", d.d1.real()},   {"D2", d.d2.real()},   {"D3", d.d3.real()},
      {"D00", d.d00.real()}, {"D11", d.d11.real()}, {"D12", d.d12.real()}, {"D13", d.d13.real()},
      {"D22", d.d22.real()}, {"D23", d.d23.real()}, {"D33", d.d33.real()}};
  if (f == "D0") CHECK(z::D0(a[6], a[7], a[8], a[9]) == d.d0.real());
  if (f == "D00") CHECK(z::D00(a[6], a[7], a[8], a[9]) == d.d00.real());
  return m.at(f);
}

// Feynman-parameter integrals over the simplex for independent checks. 2D (C, B): nested
// adaptive tanh-sinh, which copes with the integrable log/1/x corner singularities of
// vanishing masses. 3D (D): nested fixed 61-point Gauss-Kronrod (226k points), exact to
// ~1e-13 for the smooth integrands of the moderate mass hierarchies used below.
using GK = boost::math::quadrature::gauss_kronrod<double, 61>;

template <class F>
double simplex2(F f) {  // int_{t1+t2<=1} f(t1,t2) = int_0^1 dt1 (1-t1) int_0^1 du f(t1, u(1-t1))
  boost::math::quadrature::tanh_sinh<double> ts(8);
  return ts.integrate(
      [&](double t1) {
        return (1 - t1) * ts.integrate([&](double u) { return f(t1, u * (1 - t1)); }, 0.0, 1.0, 1e-14);
      },
      0.0, 1.0, 1e-13);
}

template <class F>
double simplex3(F f) {  // int_{t1+t2+t3<=1} f(t1,t2,t3)
  return GK::integrate(
      [&](double t1) {
        const double s1 = 1 - t1;
        return s1 * GK::integrate(
                        [&](double u) {
                          const double t2 = u * s1, s2 = s1 - t2;
                          return s2 * GK::integrate([&](double v) { return f(t1, t2, v * s2); }, 0.0, 1.0, 0, 0);
                        },
                        0.0, 1.0, 0, 0);
      },
      0.0, 1.0, 0, 0);
}

}  // namespace

TEST_CASE("zero-momentum rows of pv_reference.csv to 1e-10") {
  const auto rows = read_reference();
  int n = 0;
  double worst = 0;
  for (const auto& r : rows) {
    if (!zero_momentum_row(r)) continue;
    ++n;
    const double v = evaluate(r);
    const double e = rel(v, r.value.real());
    worst = std::max(worst, e);
    INFO(r.func << " row value " << r.value.real() << " ours " << v);
    // The table's anchors agree to <= 1e-10 (its header); the issue requires 1e-10.
    CHECK(e <= 1e-10);
  }
  MESSAGE("zero-momentum reference rows: " << n << ", max relative deviation " << worst);
  CHECK(n >= 200);  // 13 A0 + 50 B-type + 63 C + 77 D rows at zero momentum
}

TEST_CASE("known equal-mass limits") {
  for (double m : {1e-6, 0.37, 1.0, 91.1876 * 91.1876, 3.3e7}) {
    // Denner (1993) / direct Feynman-parameter integrals with Delta = m:
    CHECK(rel(z::A0(m), m * (1 - std::log(m))) < 1e-15);
    CHECK(rel(z::B0(m, m), -std::log(m)) < 1e-14 + 1e-15 / std::abs(std::log(m)));
    CHECK(rel(z::C0(m, m, m), -1 / (2 * m)) < 1e-15);
    CHECK(rel(z::D0(m, m, m, m), 1 / (6 * m * m)) < 1e-15);
    CHECK(rel(z::D00(m, m, m, m), -1 / (12 * m)) < 1e-15);
    const auto c = z::C(m, m, m);
    CHECK(rel(c.c1.real(), 1 / (6 * m)) < 1e-15);        // int t1/m = 1/(6m)
    CHECK(rel(c.c11.real(), -1 / (12 * m)) < 1e-15);     // -int t1^2/m = -1/(12m)
    CHECK(rel(c.c12.real(), -1 / (24 * m)) < 1e-15);     // -int t1 t2/m = -1/(24m)
    CHECK(rel(c.c111.real(), 1 / (20 * m)) < 1e-15);     // int t1^3 = 3!/5! = 1/20
    CHECK(rel(c.c112.real(), 1 / (60 * m)) < 1e-15);     // int t1^2 t2 = 2!/5! = 1/60
    const auto d = z::D(m, m, m, m);
    CHECK(rel(d.d1.real(), -1 / (24 * m * m)) < 1e-15);  // -int t1 = -1/24
    CHECK(rel(d.d11.real(), 1 / (60 * m * m)) < 1e-15);  // int t1^2 = 2/5! = 1/60
    CHECK(rel(d.d12.real(), 1 / (120 * m * m)) < 1e-15);
    CHECK(c.c0.imag() == 0.0);
    CHECK(d.digits_lost == 0.0);
  }
  // Vanishing masses: closed forms of the integrals.
  CHECK(rel(z::B0(0.0, 5.0), 1 - std::log(5.0)) < 1e-15);
  CHECK(rel(z::C0(0.0, 2.0, 2.0), -1 / 2.0) < 1e-15);  // -int dS/(2(t1+t2)) = -1/2
  CHECK(rel(z::D0(0.0, 3.0, 3.0, 3.0), 1 / (2 * 9.0)) < 1e-15);  // int dS/(9 s^2), s=t1+t2+t3
}

TEST_CASE("box, dipole and penguin functions: values, limits, closed forms") {
  // formulas.md §4.2/§5.1 values (10 digits quoted), checked against our functions.
  CHECK(std::abs(dl::box_F(1.0, 1.0) - 1.0 / 3) < 1e-15);
  CHECK(std::abs(dl::box_G(1.0, 1.0) + 1.0 / 6) < 1e-15);
  CHECK(std::abs(dl::box_F(0.0, 0.0) - 1.0) < 1e-15);
  CHECK(std::abs(dl::box_F(1.0, 0.0) - 0.5) < 1e-15);
  CHECK(std::abs(dl::box_G(1.0, 0.0) + 0.5) < 1e-15);
  CHECK(std::abs(dl::box_F(0.5, 2.0) - 0.3104906019) < 1e-10);
  CHECK(std::abs(dl::box_G(0.5, 2.0) + 0.1516075185) < 1e-10);
  CHECK(std::abs(dl::box_F(3.0, 0.2) - 0.2937383997) < 1e-10);
  CHECK(std::abs(dl::box_G(3.0, 0.2) + 0.1511040842) < 1e-10);
  CHECK(std::abs(dl::box_F(1.0, 1.0) + 2 * dl::box_G(1.0, 1.0)) < 1e-15);
  CHECK(std::abs(dl::dipole_F2(0.0) - 1.0 / 6) < 1e-15);
  CHECK(std::abs(dl::dipole_F2(1.0) - 1.0 / 12) < 1e-15);
  CHECK(std::abs(dl::dipole_G2(0.0) - 0.5) < 1e-15);
  CHECK(std::abs(dl::dipole_G2(1.0) - 1.0 / 6) < 1e-15);
  CHECK(std::abs(dl::penguin_G2p(0.0) - 1.0 / 3) < 1e-15);
  CHECK(std::abs(dl::penguin_G2p(1.0) - 0.25) < 1e-15);
  CHECK(std::abs(dl::dipole_F2(0.5) - 0.1059220556) < 1e-10);
  CHECK(std::abs(dl::dipole_G2(2.0) - 0.1137056389) < 1e-10);
  // Explicit closed forms (formulas.md), in long double, away from their removable points.
  for (long double x : {0.01L, 0.3L, 0.5L, 2.0L, 3.3L, 40.0L}) {
    for (long double y : {0.02L, 0.7L, 5.0L, 300.0L}) {
      const long double lx = std::log(x), ly = std::log(y);
      const long double F = 1 / ((1 - x) * (1 - y)) + x * x * lx / ((1 - x) * (1 - x) * (x - y)) +
                            y * y * ly / ((1 - y) * (1 - y) * (y - x));
      const long double G = 1 / ((1 - x) * (1 - y)) + x * lx / ((1 - x) * (1 - x) * (x - y)) +
                            y * ly / ((1 - y) * (1 - y) * (y - x));
      // The explicit forms cancel at the 1e-3 level at worst here: 1e-12 is their accuracy.
      CHECK(rel(dl::box_F(double(x), double(y)), double(F)) < 1e-12);
      CHECK(rel(dl::box_G(double(x), double(y)), double(G)) < 1e-12);
    }
    const long double t = x, lt = std::log(t);
    const long double F2 = (1 - 6 * t + 3 * t * t + 2 * t * t * t - 6 * t * t * lt) /
                           (6 * std::pow(1 - t, 4));
    const long double G2 = (1 - t * t + 2 * t * lt) / (2 * std::pow(1 - t, 3));
    const long double G2p = (2 - 9 * t + 18 * t * t - 11 * t * t * t + 6 * t * t * t * lt) /
                            (6 * std::pow(1 - t, 4));
    CHECK(rel(dl::dipole_F2(double(t)), double(F2)) < 1e-12);
    CHECK(rel(dl::dipole_G2(double(t)), double(G2)) < 1e-12);
    CHECK(rel(dl::penguin_G2p(double(t)), double(G2p)) < 1e-12);
  }
}

TEST_CASE("PV relations of the dimensionless functions") {
  for (double x : {1e-4, 0.3025, 0.9, 1.0, 1.7, 25.0}) {
    for (double y : {0.0, 0.1, 1.0, 1.0 + 1e-9, 4.0}) {
      CHECK(rel(dl::box_F(x, y), -4 * z::D00(1.0, 1.0, x, y)) < 1e-15);
      CHECK(rel(dl::box_G(x, y), -z::D0(1.0, 1.0, x, y)) < 1e-15);
    }
    const auto c = z::C(x, 1.0, 1.0);
    // Tolerances: sums of 3-5 coefficients of equal sign, each accurate to ~1e-15.
    CHECK(rel(dl::dipole_G2(x), -(c.c0 + c.c1 + c.c2).real()) < 1e-14);
    CHECK(rel(dl::dipole_F2(x), (c.c1 + c.c2 + c.c11 + 2.0 * c.c12 + c.c22).real()) < 1e-13);
    CHECK(rel(dl::penguin_G2p(x), -(c.c11 + 2.0 * c.c12 + c.c22).real()) < 1e-14);
  }
}

TEST_CASE("Feynman-parameter quadrature of C and D coefficients") {
  const std::vector<std::array<double, 4>> pts{
      {1.0, 2.0, 3.0, 4.0}, {0.3, 45.0, 7.0, 7.0001}, {120.0, 120.0, 0.5, 3000.0}, {12.0, 12.0, 0.5, 30.0},
      {2.0, 1.0, 1.0 + 1e-7, 9.0}, {0.0, 5.0, 50.0, 500.0}};
  const double mu2 = 0.37;  // away from the masses: no accidental zero of the mu2-dependent ones
  for (const auto& m : pts) {
    INFO("masses " << m[0] << " " << m[1] << " " << m[2] << " " << m[3]);
    // C with (m1, m2, m3) = (m[0], m[1], m[2]); Delta = m1 + t1 (m2 - m1) + t2 (m3 - m1).
    const auto c = z::C(m[0], m[1], m[2], mu2);
    auto DeltaC = [&](double t1, double t2) { return m[0] + t1 * (m[1] - m[0]) + t2 * (m[2] - m[0]); };
    // Quadrature error ~1e-14 with 61-point Kronrod on smooth integrands (log-singular
    // only at a corner when m1 = 0): 1e-11 leaves room for that corner.
    const double tol = 1e-11;
    CHECK(rel(c.c0.real(), -simplex2([&](double a, double b) { return 1 / DeltaC(a, b); })) < tol);
    CHECK(rel(c.c1.real(), simplex2([&](double a, double b) { return a / DeltaC(a, b); })) < tol);
    CHECK(rel(c.c2.real(), simplex2([&](double a, double b) { return b / DeltaC(a, b); })) < tol);
    CHECK(rel(c.c12.real(), -simplex2([&](double a, double b) { return a * b / DeltaC(a, b); })) < tol);
    CHECK(rel(c.c22.real(), -simplex2([&](double a, double b) { return b * b / DeltaC(a, b); })) < tol);
    CHECK(rel(c.c112.real(), simplex2([&](double a, double b) { return a * a * b / DeltaC(a, b); })) < tol);
    CHECK(rel(c.c222.real(), simplex2([&](double a, double b) { return b * b * b / DeltaC(a, b); })) < tol);
    CHECK(rel(c.c00.real(), -0.5 * simplex2([&](double a, double b) { return std::log(DeltaC(a, b) / mu2); })) < tol);
    CHECK(rel(c.c001.real(), 0.5 * simplex2([&](double a, double b) { return a * std::log(DeltaC(a, b) / mu2); })) < tol);
    CHECK(rel(c.c002.real(), 0.5 * simplex2([&](double a, double b) { return b * std::log(DeltaC(a, b) / mu2); })) < tol);
    // B at p^2 = 0 with (m1, m2) = (m[2], m[3]).
    auto DeltaB = [&](double x) { return (1 - x) * m[2] + x * m[3]; };
    using TS = boost::math::quadrature::tanh_sinh<double>;
    TS ts;
    CHECK(rel(z::B1(m[2], m[3], mu2), ts.integrate([&](double x) { return x * std::log(DeltaB(x) / mu2); }, 0.0, 1.0)) < tol);
    CHECK(rel(z::B11(m[2], m[3], mu2), -ts.integrate([&](double x) { return x * x * std::log(DeltaB(x) / mu2); }, 0.0, 1.0)) < tol);
    CHECK(rel(z::B00(m[2], m[3], mu2), 0.5 * ts.integrate([&](double x) { return DeltaB(x) * (1 - std::log(DeltaB(x) / mu2)); }, 0.0, 1.0)) < tol);
    CHECK(rel(z::DB0(m[2], m[3]), ts.integrate([&](double x) { return x * (1 - x) / DeltaB(x); }, 0.0, 1.0)) < tol);
    CHECK(rel(z::DB1(m[2], m[3]), -ts.integrate([&](double x) { return x * x * (1 - x) / DeltaB(x); }, 0.0, 1.0)) < tol);
    CHECK(rel(z::DB00(m[2], m[3], mu2), 0.5 * ts.integrate([&](double x) { return x * (1 - x) * std::log(DeltaB(x) / mu2); }, 0.0, 1.0)) < tol);
    if (*std::max_element(m.begin(), m.end()) > 100 * *std::min_element(m.begin(), m.end())) continue;  // 3D rule: mild hierarchies only
    // D: Delta = m1 + sum t_i (m_{i+1} - m1).
    const auto d = z::D(m[0], m[1], m[2], m[3]);
    auto DeltaD = [&](double a, double b, double cc) {
      return m[0] + a * (m[1] - m[0]) + b * (m[2] - m[0]) + cc * (m[3] - m[0]);
    };
    CHECK(rel(d.d0.real(), simplex3([&](double a, double b, double cc) { return 1 / std::pow(DeltaD(a, b, cc), 2); })) < tol);
    CHECK(rel(d.d2.real(), -simplex3([&](double a, double b, double cc) { return b / std::pow(DeltaD(a, b, cc), 2); })) < tol);
    CHECK(rel(d.d00.real(), -0.5 * simplex3([&](double a, double b, double cc) { return 1 / DeltaD(a, b, cc); })) < tol);
    CHECK(rel(d.d13.real(), simplex3([&](double a, double b, double cc) { return a * cc / std::pow(DeltaD(a, b, cc), 2); })) < tol);
    CHECK(rel(d.d33.real(), simplex3([&](double a, double b, double cc) { return cc * cc / std::pow(DeltaD(a, b, cc), 2); })) < tol);
  }
}

TEST_CASE("symmetry under mass permutations") {
  std::array<double, 4> m{0.7, 13.0, 13.0 * (1 + 3e-8), 2.2e4};
  const double d0 = z::D0(m[0], m[1], m[2], m[3]);
  const double d00 = z::D00(m[0], m[1], m[2], m[3]);
  const double c0 = z::C0(m[0], m[1], m[3]);
  std::sort(m.begin(), m.end());
  do {
    // Both are computed from the sorted nodes: permutations give bit-identical results.
    CHECK(z::D0(m[0], m[1], m[2], m[3]) == d0);
    CHECK(z::D00(m[0], m[1], m[2], m[3]) == d00);
  } while (std::next_permutation(m.begin(), m.end()));
  CHECK(z::C0(13.0, 2.2e4, 0.7) == c0);
  // Tensor coefficients: swapping m2 <-> m3 swaps indices 1 <-> 2.
  const auto a = z::C(0.7, 13.0, 2.2e4, 3.0);
  const auto b = z::C(0.7, 2.2e4, 13.0, 3.0);
  CHECK(a.c1 == b.c2);
  CHECK(a.c11 == b.c22);
  CHECK(a.c112 == b.c122);
  CHECK(a.c001 == b.c002);
  const auto d = z::D(0.7, 13.0, 2.2e4, 5.0);
  const auto e = z::D(0.7, 5.0, 2.2e4, 13.0);
  CHECK(d.d1 == e.d3);
  CHECK(d.d13 == e.d13);
  CHECK(d.d11 == e.d33);
  CHECK(d.d12 == e.d23);
}

TEST_CASE("domain: NaN outside, never throws") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(std::isnan(z::A0(-1.0)));
  CHECK(std::isnan(z::A0(1.0, 0.0)));
  CHECK(std::isnan(z::B0(nan, 1.0)));
  CHECK(std::isnan(z::B0(0.0, 0.0)));  // scaleless, IR divergent
  CHECK(std::isnan(z::C0(0.0, 0.0, 1.0)));  // IR divergent
  CHECK(std::isnan(z::C0(1.0, inf, 1.0)));
  CHECK(std::isnan(z::D0(0.0, 0.0, 1.0, 2.0)));
  CHECK(std::isnan(z::D00(0.0, 0.0, 0.0, 2.0)));
  CHECK(std::isfinite(z::D00(0.0, 0.0, 1.0, 2.0)));
  CHECK(std::isnan(z::D(1.0, -2.0, 3.0, 4.0).d12.real()));
  CHECK(std::isnan(z::C(1.0, 0.0, 0.0).c1.real()));
  CHECK(std::isnan(dl::box_G(0.0, 0.0)));
  CHECK(std::isnan(dl::dipole_F2(-0.1)));
  CHECK(z::A0(0.0) == 0.0);
  CHECK(z::B00(0.0, 0.0) == 0.0);
  static_assert(noexcept(z::D0(1.0, 2.0, 3.0, 4.0)));
  static_assert(noexcept(z::C(1.0, 2.0, 3.0)));
  static_assert(noexcept(dl::box_F(1.0, 2.0)));
}

TEST_CASE("C0 at all-zero invariants dispatches to zero::C0 before any other check") {
  // loop::C0 tests p1 = p2 = p1p2 = 0 first and returns zero::C0 (c0.hpp); the result must be
  // bit-identical to zero::C0 (double, long double; float goes through double), and NaN where
  // the general entry point's own checks would give NaN: invalid masses, IR divergence.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (const auto& m : std::vector<std::array<double, 3>>{
           {120.0, 80.0, 200.0}, {5.0, 5.0, 5.0}, {0.0, 3.0, 7.0}, {1e-4, 1e4, 2.5e3}}) {
    const auto c = dl::C0(0.0, 0.0, 0.0, m[0], m[1], m[2]);
    CHECK(c.real() == z::C0(m[0], m[1], m[2]));
    CHECK(c.imag() == 0.0);
    const long double l0 = m[0], l1 = m[1], l2 = m[2];
    CHECK(dl::C0(0.0L, 0.0L, 0.0L, l0, l1, l2).real() == z::C0(l0, l1, l2));
    const float f = dl::C0(0.0f, 0.0f, 0.0f, float(m[0]), float(m[1]), float(m[2])).real();
    CHECK(f == float(z::C0(double(float(m[0])), double(float(m[1])), double(float(m[2])))));
  }
  auto both_nan = [](const auto& c) { return std::isnan(c.real()) && std::isnan(c.imag()); };
  CHECK(both_nan(dl::C0(0.0, 0.0, 0.0, -1.0, 2.0, 3.0)));
  CHECK(both_nan(dl::C0(0.0, 0.0, 0.0, 1.0, nan, 3.0)));
  CHECK(both_nan(dl::C0(0.0, 0.0, 0.0, 1.0, 2.0, inf)));
  CHECK(both_nan(dl::C0(0.0, 0.0, 0.0, 0.0, 0.0, 3.0)));  // two massless: IR divergent
  CHECK(both_nan(dl::C0(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)));
  CHECK(both_nan(dl::C0(0.0L, 0.0L, 0.0L, 0.0L, 2.0L, 0.0L)));
  CHECK(both_nan(dl::C0(0.0f, 0.0f, 0.0f, 0.0f, 2.0f, 0.0f)));
  CHECK(both_nan(dl::C0(nan, 0.0, 0.0, 1.0, 2.0, 3.0)));  // not all-zero: checked as before
}
