// SPDX-License-Identifier: MIT
// Scalar four-point function D0 in general kinematics (loop/d0.hpp): reference table,
// quadrature of the Feynman-parameter integral, permutation symmetry, the zero-momentum limit,
// double vs 50-digit on random points, domain (NaN) behaviour.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>

#include "darkloops/loop/d0.hpp"
#include "darkloops/loop/zero_momentum.hpp"
#include "support/pv_reference.hpp"

namespace dl = darkloops::loop;
using cd = std::complex<double>;
using mp50 = boost::multiprecision::cpp_bin_float_50;

namespace {

// Arguments in LoopTools order: p1, p2, p3, p4, p1p2, p2p3, m1, m2, m3, m4.
using Args = std::array<double, 10>;

cd d0(const Args& a) {
  return dl::D0(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
}

double crel(cd a, cd b) { return std::abs(a - b) / std::abs(b); }

using RefRow = darkloops::test::PvReferenceRow;
std::vector<RefRow> read_d0_rows() { return darkloops::test::read_pv_reference("D0"); }

// Invariant between propagators i and j (docs/physics.md eq. (D0.2)).
double inv(const Args& a, int i, int j) {
  if (i > j) std::swap(i, j);
  if (i == j) return 0.0;
  if (i == 0 && j == 1) return a[0];
  if (i == 1 && j == 2) return a[1];
  if (i == 2 && j == 3) return a[2];
  if (i == 0 && j == 3) return a[3];
  if (i == 0 && j == 2) return a[4];
  return a[5];  // (1, 3)
}

// The box with its propagators relabelled: new propagator i is old propagator pi[i].
Args permute(const Args& a, const std::array<int, 4>& pi) {
  return {inv(a, pi[0], pi[1]), inv(a, pi[1], pi[2]), inv(a, pi[2], pi[3]), inv(a, pi[0], pi[3]),
          inv(a, pi[0], pi[2]), inv(a, pi[1], pi[3]), a[6 + pi[0]], a[6 + pi[1]], a[6 + pi[2]],
          a[6 + pi[3]]};
}

// D0 = int_simplex d^3x / Q(x)^2, Q = sum_ij x_i x_j Y_ij / 2, Y_ij = m_i + m_j - p_ij^2
// (eq. (D0.1)); real for Euclidean / below-threshold points where Q > 0 on the simplex.
// Nested Gauss-Legendre (Boost.Math) on the cube, x1 = u, x2 = (1 - u) v,
// x3 = (1 - u)(1 - v) w (Jacobian (1 - u)^2 (1 - v)): the integrand is smooth and positive.
double d0_quadrature(const Args& a) {
  using G = boost::math::quadrature::gauss<double, 40>;
  double Y[4][4];
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) Y[i][j] = a[6 + i] + a[6 + j] - inv(a, i, j);
  return G::integrate(
      [&](double u) {
        return G::integrate(
            [&](double v) {
              return G::integrate(
                  [&](double w) {
                    const double x1 = u, x2 = (1 - u) * v, x3 = (1 - u) * (1 - v) * w;
                    const double x[4] = {x1, x2, x3, 1.0 - x1 - x2 - x3};
                    double q = 0;
                    for (int i = 0; i < 4; ++i)
                      for (int j = 0; j < 4; ++j) q += 0.5 * x[i] * x[j] * Y[i][j];
                    return (1 - u) * (1 - u) * (1 - v) / (q * q);
                  },
                  0.0, 1.0);
            },
            0.0, 1.0);
      },
      0.0, 1.0);
}

// Random kinematics: masses^2 log-uniform over 10^(-3..3) (ratios up to 1e6), 30 % of the
// draws with a near-degenerate pair m (1 +- 10^-k), k = 1..10, each mass 0 with probability
// p_massless; invariants of either sign, log-uniform magnitudes 10^(-3.5..3.5), 20 % exactly zero.
Args random_point(std::mt19937_64& g, double p_massless = 0.0) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Args a{};
  for (int i = 6; i < 10; ++i) a[i] = std::pow(10.0, 6.0 * u(g) - 3.0);
  if (u(g) < 0.3) a[7] = a[6] * (1.0 + std::pow(10.0, -1.0 - 9.0 * u(g)) * (u(g) < 0.5 ? -1 : 1));
  if (p_massless > 0)  // massless propagators (IR-divergent draws give NaN, skipped)
    for (int i = 6; i < 10; ++i)
      if (u(g) < p_massless) a[i] = 0.0;
  for (int i = 0; i < 6; ++i) {
    const double r = u(g);
    if (r < 0.2) {
      a[i] = 0.0;
    } else {
      a[i] = std::pow(10.0, 7.0 * u(g) - 3.5) * (r < 0.6 ? -1.0 : 1.0);
    }
  }
  return a;
}

}  // namespace

TEST_CASE("D0: every D0 row of the reference table to 1e-10 relative") {
  const auto rows = read_d0_rows();
  REQUIRE(rows.size() == 13);
  double worst = 0;
  for (const auto& r : rows) {
    const cd v = d0(r.a);
    const double e = crel(v, r.value);
    INFO("row args ", r.a[0], " ", r.a[4], " ", r.a[5], " m ", r.a[6], " outliers: ", r.outliers);
    // Issue 3: scalar rows to <= 1e-10 relative (the anchors agree to <= 1.8e-11 on these rows).
    CHECK(e <= 1e-10);
    worst = std::max(worst, e);
  }
  MESSAGE("D0 reference rows: max relative deviation ", worst);
}

TEST_CASE("D0: reference rows in long double and float") {
  const auto rows = read_d0_rows();
  for (const auto& r : rows) {
    const auto& a = r.a;
    const auto vl = dl::D0<long double>(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
    const std::complex<long double> refl(r.value.real(), r.value.imag());
    // The table values carry 17 significant digits and agree among codes to <= 1.8e-11.
    CHECK(std::abs(vl - refl) / std::abs(refl) <= 1e-10L);
    const auto vf = dl::D0<float>(float(a[0]), float(a[1]), float(a[2]), float(a[3]), float(a[4]),
                                  float(a[5]), float(a[6]), float(a[7]), float(a[8]), float(a[9]));
    // float is evaluated in double: only the rounding of the inputs to float (6e-8 relative)
    // remains, amplified by D0's own condition number (<= ~10 on these rows).
    CHECK(std::abs(cd(vf) - r.value) / std::abs(r.value) <= 1e-6);
  }
}

TEST_CASE("D0: direct quadrature of the Feynman-parameter integral (Euclidean, below threshold)") {
  const std::vector<Args> pts{
      // all invariants space-like (the table's Euclidean row, with mass ratio 50, is too
      // peaked for a fixed 40^3 rule; it is covered by the reference test)
      {-50.0, -80.0, -30.0, -60.0, -200.0, -150.0, 100.0, 150.0, 80.0, 120.0},
      // time-like invariants below every threshold, p1 and p3 below the pseudo-thresholds
      {2.0, 55.0, 10.0, 80.0, 150.0, -40.0, 100.0, 120.0, 900.0, 800.0},
      // zero external masses, s below threshold, t space-like
      {0.0, 0.0, 0.0, 0.0, 300.0, -500.0, 150.0, 150.0, 150.0, 150.0},
      // unequal masses, mixed signs
      {-20.0, 400.0, 5.0, -300.0, 900.0, -1200.0, 400.0, 250.0, 900.0, 100.0},
  };
  for (const auto& a : pts) {
    const cd v = d0(a);
    const double q = d0_quadrature(a);
    INFO("point p1 = ", a[0], " s = ", a[4], " t = ", a[5]);
    // Below threshold D0 is real: the +-i pi of the individual logarithms cancel, leaving
    // rounding of order 1e-16 times terms up to ~100 times |D0|.
    CHECK(std::abs(v.imag()) <= 1e-12 * std::abs(v.real()));
    // 40^3-point Gauss-Legendre of a smooth integrand (mass ratios <= 60) converges to
    // ~1e-13; the closed form is ~1e-14 here (double vs 50 digits).
    CHECK(std::abs(v.real() - q) <= 1e-11 * std::abs(q));
  }
}

TEST_CASE("D0: invariance under the 24 relabellings of the propagators") {
  std::mt19937_64 g(20261125);
  int tested = 0;
  double worst = 0;
  for (int n = 0; n < 200 && tested < 40; ++n) {
    const Args a = random_point(g);
    const cd v = d0(a);
    if (std::isnan(v.real())) continue;
    ++tested;
    std::array<int, 4> pi{0, 1, 2, 3};
    do {
      const cd w = d0(permute(a, pi));
      if (std::isnan(w.real())) continue;  // cannot happen: the pairing test is label-free
      worst = std::max(worst, crel(w, v));
    } while (std::next_permutation(pi.begin(), pi.end()));
  }
  CHECK(tested == 40);
  MESSAGE("D0 permutation symmetry on ", tested, " random points: max relative spread ", worst);
  // Different relabellings choose a different pairing, orientation and cone decomposition:
  // the spread measures the rounding of the formula on these random points (masses over six
  // decades, invariants over seven); measured 7e-13, bounded like the 50-digit test below.
  CHECK(worst <= 1e-8);
}

TEST_CASE("D0: approaches the zero-momentum closed form as the invariants vanish") {
  const std::array<double, 4> m{120.0, 350.0, 800.0, 95.0};
  const double zero = dl::zero::D0(m[0], m[1], m[2], m[3]);
  for (double s : {1e-4, 1e-6}) {
    const Args a{s * 3, -s * 2, s, s * 5, -s * 7, s * 4, m[0], m[1], m[2], m[3]};
    const cd v = d0(a);
    // D0 is analytic at p = 0: D0 = D0(0) (1 + O(p^2 / m^2)), here O(s / 95).
    CHECK(std::abs(v - zero) <= 1.0 * s * std::abs(zero));
  }
  // Exactly zero momenta go to the closed form.
  const cd v0 = d0({0, 0, 0, 0, 0, 0, m[0], m[1], m[2], m[3]});
  // The same closed form, but compiled in a different inlining context: at -O3 the compiler may
  // contract or reorder differently (seen with g++ 12), so allow a few ulp, not bit equality.
  CHECK(std::abs(v0.real() - zero) <= 4 * std::numeric_limits<double>::epsilon() * std::abs(zero));
  CHECK(v0.imag() == 0.0);
}

TEST_CASE("D0: double vs 50-digit on random points") {
  // 10^4 points (issue 3) at ~5 ms per 50-digit call: ~50 s in Release. Under ASan (-O1,
  // ~10x slower) 150 points keep the sanitizer run at ~1 min: it checks memory and UB on
  // every branch, the accuracy figure is the Release one. DARKLOOPS_D0_MP_POINTS overrides.
#if defined(__SANITIZE_ADDRESS__)
  int target = 150;
#else
  int target = 10000;
#endif
  if (const char* env = std::getenv("DARKLOOPS_D0_MP_POINTS")) target = std::max(1, std::atoi(env));
  std::mt19937_64 g(42);
  int done = 0, nan_count = 0;
  double worst = 0, worst300 = 0;
  Args worst_a{};
  std::vector<double> errs;
  while (done < target) {
    const Args a = random_point(g);
    const cd v = d0(a);
    if (std::isnan(v.real())) {
      ++nan_count;
      continue;
    }
    const auto w = dl::D0<mp50>(mp50(a[0]), mp50(a[1]), mp50(a[2]), mp50(a[3]), mp50(a[4]),
                                mp50(a[5]), mp50(a[6]), mp50(a[7]), mp50(a[8]), mp50(a[9]));
    const cd wd(static_cast<double>(w.real()), static_cast<double>(w.imag()));
    const double e = crel(v, wd);
    errs.push_back(e);
    if (done < 300) worst300 = std::max(worst300, e);
    if (e > worst) {
      worst = e;
      worst_a = a;
    }
    ++done;
  }
  std::sort(errs.begin(), errs.end());
  MESSAGE("D0 double vs 50 digits: ", done, " points, median ", errs[errs.size() / 2], ", p99 ",
          errs[errs.size() * 99 / 100], ", max relative error ", worst, " (", nan_count,
          " random points NaN: IR-divergent draws or outside the domain)");
  INFO("worst point: ", worst_a[0], " ", worst_a[1], " ", worst_a[2], " ", worst_a[3], " ",
       worst_a[4], " ", worst_a[5], " m ", worst_a[6], " ", worst_a[7], " ", worst_a[8], " ",
       worst_a[9]);
  // The first 300 points (the former sample of this test): measured maximum 2.3e-9, median
  // 3e-16: the tail comes from points with mass ratios up to 1e6 and |p^2| / m^2 up to 1e9,
  // where roots of the quadratics cluster within ~1e-4 of each other even after the
  // long-double rescue (docs/validation.md). The bound asserts that tail with a factor ~4.
  CHECK(worst300 <= 1e-8);
  // All 10^4 points: measured max 1.3e-8 (near-degenerate pair 808.6 / 810.7, a mass^2 1.8e-3,
  // invariants ~1e-3), p99 6.6e-13; bounds with the same factor ~4.
  if (done >= 10000) {
    CHECK(worst <= 5e-8);
    CHECK(errs[errs.size() * 99 / 100] <= 3e-12);
  }
}

TEST_CASE("D0: double vs 50-digit with massless propagators") {
  // The wide generator with each mass 0 with probability 0.2 (double evaluates such points in
  // long double). 2000 points, ~10 s in Release; 40 under ASan (see above).
#if defined(__SANITIZE_ADDRESS__)
  const int target = 40;
#else
  const int target = 2000;
#endif
  std::mt19937_64 g(4242);
  int done = 0, massless = 0, above = 0;
  double worst = 0;
  while (done < target) {
    const Args a = random_point(g, 0.2);
    const cd v = d0(a);
    if (std::isnan(v.real())) continue;
    const auto w = dl::D0<mp50>(mp50(a[0]), mp50(a[1]), mp50(a[2]), mp50(a[3]), mp50(a[4]),
                                mp50(a[5]), mp50(a[6]), mp50(a[7]), mp50(a[8]), mp50(a[9]));
    const double e = crel(v, cd(static_cast<double>(w.real()), static_cast<double>(w.imag())));
    worst = std::max(worst, e);
    above += (e > 1e-8) ? 1 : 0;
    massless += (a[6] == 0 || a[7] == 0 || a[8] == 0 || a[9] == 0) ? 1 : 0;
    ++done;
  }
  MESSAGE("D0 massless sample: ", done, " points (", massless, " with massless lines), max relative error ",
          worst, ", ", above, " above 1e-8");
  // Known tail (docs/validation.md): massless lines next to masses^2 ~1e-2..1e-3 and
  // invariants ~1e2..1e3 lose up to 1.3e-5 even in long double (2 of 4000 points above 1e-8
  // with the 0.1 share). Asserted: the tail stays rare (<= 0.5 %) and bounded by 1e-4.
  CHECK(above <= target / 200);
  CHECK(worst <= 1e-4);
}

TEST_CASE("D0: double vs 50-digit in the benchmark region") {
  // masses^2 log-uniform in 10..1e4, invariants 10..1e5 (the benchmark's distribution)
  std::mt19937_64 g(7);
  std::uniform_real_distribution<double> um(1.0, 4.0), up(1.0, 5.0);
  int done = 0;
  double worst = 0;
  while (done < 100) {
    Args a{};
    for (int i = 0; i < 6; ++i) a[i] = std::pow(10.0, up(g));
    for (int i = 6; i < 10; ++i) a[i] = std::pow(10.0, um(g));
    const cd v = d0(a);
    if (std::isnan(v.real())) continue;
    const auto w = dl::D0<mp50>(mp50(a[0]), mp50(a[1]), mp50(a[2]), mp50(a[3]), mp50(a[4]),
                                mp50(a[5]), mp50(a[6]), mp50(a[7]), mp50(a[8]), mp50(a[9]));
    worst = std::max(worst, crel(v, cd(static_cast<double>(w.real()), static_cast<double>(w.imag()))));
    ++done;
  }
  MESSAGE("D0 double vs 50 digits, benchmark region: max relative error ", worst);
  // Measured 1.5e-11 on these 100 points, 2.6e-10 on 3000 (docs/validation.md): the
  // ill-conditioned points (clustered roots) are redone in long double.
  CHECK(worst <= 1e-9);
}

TEST_CASE("D0: massless propagators at p != 0 (IR-finite)") {
  // Massless propagator 1 first: in the quadrature's cube coordinates its vertex is u = 1,
  // where Q vanishes linearly and the Jacobian (1 - u)^2 cancels 1/Q^2 (bounded integrand).
  const std::vector<Args> euclid{
      {-50.0, -80.0, -30.0, -60.0, -200.0, -150.0, 0.0, 150.0, 80.0, 120.0},
      {2.0, 55.0, 10.0, 80.0, 150.0, -40.0, 0.0, 120.0, 900.0, 800.0},
  };
  for (const auto& a : euclid) {
    const cd v = d0(a);
    const double q = d0_quadrature(a);
    INFO("point p1 = ", a[0], " s = ", a[4], " t = ", a[5]);
    // Below threshold: real up to rounding of pieces <= ~100 |D0| (as for the massive points).
    CHECK(std::abs(v.imag()) <= 1e-12 * std::abs(v.real()));
    // 40^3 Gauss-Legendre of a bounded integrand with a kink at the massless vertex: the
    // rule's error there is ~1e-9 (measured agreement 1e-10 .. 1e-12).
    CHECK(std::abs(v.real() - q) <= 1e-8 * std::abs(q));
  }
  // Above thresholds, one and two (non-adjacent / adjacent) massless propagators.
  const std::vector<Args> pts{
      {-50.0, -80.0, -30.0, -60.0, -200.0, -150.0, 0.0, 0.0, 80.0, 120.0},
      {100.0, 300.0, 500.0, 200.0, 2000.0, -700.0, 0.0, 50.0, 400.0, 90.0},
      {0.0, 0.0, 0.0, 0.0, 300.0, -500.0, 0.0, 150.0, 150.0, 150.0},
      {1000.0, 40.0, 3000.0, 20.0, 9000.0, -2500.0, 0.0, 150.0, 0.0, 70.0},
      {-1000.0, 40.0, 3000.0, 20.0, 9000.0, 2500.0, 0.0, 0.0, 10.0, 70.0},
      {1.0, 2.0, 3.0, 4.0, 5.0, -6.0, 0.0, 2.0, 3.0, 4.0},  // p4 = m4: one on-shell leg, finite
  };
  double worst_mp = 0, worst_perm = 0;
  for (const auto& a : pts) {
    const cd v = d0(a);
    INFO("point p1 = ", a[0], " s = ", a[4], " t = ", a[5], " m ", a[6], " ", a[7], " ", a[8], " ", a[9]);
    REQUIRE(std::isfinite(v.real()));
    REQUIRE(std::isfinite(v.imag()));
    // (1) the same code in 50 digits
    const auto w = dl::D0<mp50>(mp50(a[0]), mp50(a[1]), mp50(a[2]), mp50(a[3]), mp50(a[4]),
                                mp50(a[5]), mp50(a[6]), mp50(a[7]), mp50(a[8]), mp50(a[9]));
    const cd wd(static_cast<double>(w.real()), static_cast<double>(w.imag()));
    worst_mp = std::max(worst_mp, crel(v, wd));
    // Rounding of pieces up to ~1e3 |D0| (the massive points' median is 3e-16, tail 1e-12).
    CHECK(crel(v, wd) <= 1e-12);
    // (2) independent: the massive formula (scaled variables, eq. (D0.3)) at a small mass
    // delta = 1e-12 x the largest scale. D0 is continuous at m -> 0 where IR-finite; the
    // approach is O(delta ln^2 delta) generically and O(sqrt(delta)) next to an on-shell leg
    // (last point): 50-digit evaluations give <= 1.4e-9 resp. 5.9e-6 here (and 1e-7 resp.
    // 5.9e-5 at delta = 1e-10: the scalings above).
    Args b = a;
    double scale = 0;
    for (double x : a) scale = std::max(scale, std::abs(x));
    for (int i = 6; i < 10; ++i)
      if (b[i] == 0.0) b[i] = 1e-12 * scale;
    const auto u = dl::D0<mp50>(mp50(b[0]), mp50(b[1]), mp50(b[2]), mp50(b[3]), mp50(b[4]),
                                mp50(b[5]), mp50(b[6]), mp50(b[7]), mp50(b[8]), mp50(b[9]));
    const cd ud(static_cast<double>(u.real()), static_cast<double>(u.imag()));
    CHECK(crel(ud, wd) <= (&a == &pts.back() ? 3e-5 : 1e-7));
    // (3) the 24 relabellings (different pairing, orientation and null vertex)
    std::array<int, 4> pi{0, 1, 2, 3};
    do {
      const cd x = d0(permute(a, pi));
      worst_perm = std::max(worst_perm, crel(x, v));
    } while (std::next_permutation(pi.begin(), pi.end()));
  }
  MESSAGE("D0 massless: double vs 50 digits ", worst_mp, ", 24-permutation spread ", worst_perm);
  CHECK(worst_perm <= 1e-12);  // same rounding budget as (1)
}

namespace {

// The domain before cone splitting (docs/physics.md (D0.14)): some pairing (ij)(kl) with both
// invariants outside their two-particle windows.
bool has_real_pairing(const Args& a) {
  const double m[4] = {std::sqrt(a[6]), std::sqrt(a[7]), std::sqrt(a[8]), std::sqrt(a[9])};
  auto out = [&](int i, int j) {
    const double p = inv(a, i, j);
    return p <= (m[i] - m[j]) * (m[i] - m[j]) || p >= (m[i] + m[j]) * (m[i] + m[j]);
  };
  return (out(0, 2) && out(1, 3)) || (out(0, 1) && out(2, 3)) || (out(0, 3) && out(1, 2));
}

// min of Q (eq. (D0.1)) over a 21^3 grid of the simplex (cube coordinates of d0_quadrature)
double min_q(const Args& a) {
  double Y[4][4], mq = 1e300;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) Y[i][j] = a[6 + i] + a[6 + j] - inv(a, i, j);
  for (int iu = 0; iu <= 20; ++iu)
    for (int iv = 0; iv <= 20; ++iv)
      for (int iw = 0; iw <= 20; ++iw) {
        const double u = iu / 20.0, v = iv / 20.0, w = iw / 20.0;
        const double x[4] = {u, (1 - u) * v, (1 - u) * (1 - v) * w, (1 - u) * (1 - v) * (1 - w)};
        double q = 0;
        for (int i = 0; i < 4; ++i)
          for (int j = 0; j < 4; ++j) q += 0.5 * x[i] * x[j] * Y[i][j];
        mq = std::min(mq, q);
      }
  return mq;
}

// (D0.1) by nested adaptive Gauss-Kronrod (21 points, 1e-11 relative per level): these points
// are below every threshold but have Q small somewhere, too peaked for a fixed rule.
double d0_adaptive(const Args& a) {
  using GK = boost::math::quadrature::gauss_kronrod<double, 21>;
  double Y[4][4];
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) Y[i][j] = a[6 + i] + a[6 + j] - inv(a, i, j);
  auto f = [&](double u, double v, double w) {
    const double x[4] = {u, (1 - u) * v, (1 - u) * (1 - v) * w, (1 - u) * (1 - v) * (1 - w)};
    double q = 0;
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j) q += 0.5 * x[i] * x[j] * Y[i][j];
    return (1 - u) * (1 - u) * (1 - v) / (q * q);
  };
  return GK::integrate(
      [&](double u) {
        return GK::integrate(
            [&](double v) { return GK::integrate([&](double w) { return f(u, v, w); }, 0.0, 1.0, 15, 1e-11); },
            0.0, 1.0, 15, 1e-11);
      },
      0.0, 1.0, 15, 1e-11);
}

}  // namespace

TEST_CASE("D0: points without a real pairing (cone splitting, formerly NaN)") {
  // Benchmark distribution (masses^2 10..1e4, six time-like invariants 10..1e5): 5.9 % of it
  // has no pairing with real null directions on both diagonals; cone splitting computes
  // about half of those (docs/physics.md (D0.14)), the Q > 0 path (D0.19)-(D0.22) some more.
  std::mt19937_64 g(99);
  std::uniform_real_distribution<double> um(1.0, 4.0), up(1.0, 5.0);
  int holes = 0, done = 0, real_done = 0;
  double worst_mp = 0, worst_perm = 0, worst_quad = 0, worst_shift = 0;
  // 12 points for (1)-(3), and on until 2 points below every threshold for (4) (~10 % of them)
  while ((done < 12 || real_done < 2) && holes < 400) {
    Args a{};
    for (int i = 0; i < 6; ++i) a[i] = std::pow(10.0, up(g));
    for (int i = 6; i < 10; ++i) a[i] = std::pow(10.0, um(g));
    if (has_real_pairing(a)) continue;
    ++holes;
    const cd v = d0(a);
    if (std::isnan(v.real())) continue;
    ++done;
    const bool full = done <= 12;
    INFO("point ", a[0], " ", a[1], " ", a[2], " ", a[3], " ", a[4], " ", a[5], " m ", a[6], " ",
         a[7], " ", a[8], " ", a[9]);
    // (4) below every threshold (Q > 0 on the simplex): adaptive quadrature, first 2 such points
    if (real_done < 2 && min_q(a) > 0) {
      ++real_done;
      const double q = d0_adaptive(a);
      worst_quad = std::max(worst_quad, std::abs(v - q) / std::abs(q));
    }
    if (!full) continue;
    // (1) 50 digits (rounding)
    const auto w = dl::D0<mp50>(mp50(a[0]), mp50(a[1]), mp50(a[2]), mp50(a[3]), mp50(a[4]),
                                mp50(a[5]), mp50(a[6]), mp50(a[7]), mp50(a[8]), mp50(a[9]));
    const cd wd(static_cast<double>(w.real()), static_cast<double>(w.imag()));
    worst_mp = std::max(worst_mp, crel(v, wd));
    // (2) the 24 relabellings: each picks its own split (edge, lambda) and pairings
    std::array<int, 4> pi{0, 1, 2, 3};
    do {
      worst_perm = std::max(worst_perm, crel(d0(permute(a, pi)), v));
    } while (std::next_permutation(pi.begin(), pi.end()));
    // (3) continuity: m1 -> m1 (1 + 1e-9) moves D0 by O(1e-9 m1 |dD0/dm1| / |D0|) <~ 1e-7
    Args b = a;
    b[6] *= 1.0 + 1e-9;
    worst_shift = std::max(worst_shift, crel(d0(b), v));
  }
  MESSAGE("D0 split points: ", done, " of ", holes, " formerly NaN computed; vs 50 digits ",
          worst_mp, ", 24-permutation spread ", worst_perm, ", m1 shift 1e-9: ", worst_shift,
          ", adaptive quadrature (", real_done, " real points) ", worst_quad);
  // Measured on 300 such points: 50 digits <= 1.9e-11, permutations <= 2.3e-8 (sub-cone forms
  // K' = G^T K G are formed with some cancellation); on these 12 the figures are below.
  CHECK(worst_mp <= 1e-9);
  CHECK(worst_perm <= 1e-7);
  CHECK(worst_shift <= 1e-6);
  CHECK(real_done == 2);
  // Adaptive Gauss-Kronrod to 1e-11 per level; measured <= 3.2e-14 on 32 such points.
  CHECK(worst_quad <= 1e-9);
}

TEST_CASE("D0: outside the domain returns NaN, never throws") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  auto is_nan = [](cd v) { return std::isnan(v.real()) && std::isnan(v.imag()); };
  CHECK(is_nan(d0({1, 2, 3, 4, 5, -6, -1.0, 2, 3, 4})));          // negative mass
  CHECK(is_nan(d0({1, 2, 3, 4, 5, -6, 1, 2, nan, 4})));           // NaN mass
  CHECK(is_nan(d0({1, 2, inf, 4, 5, -6, 1, 2, 3, 4})));           // infinite invariant
  CHECK(is_nan(d0({nan, 2, 3, 4, 5, -6, 1, 2, 3, 4})));           // NaN invariant
  // IR-divergent at p != 0 (docs/physics.md (D0.13)): soft (massless propagator 1 with
  // p_12^2 = m2, p_14^2 = m4), the same with the two on-shell lines 2 and 3 (p_13^2 = m3),
  // collinear (m1 = m2 = 0, p1 = 0).
  CHECK(is_nan(d0({150, 20, 30, 120, 500, -60, 0.0, 150, 80, 120})));
  CHECK(is_nan(d0({150, 20, 30, 70, 80, -60, 0.0, 150, 80, 120})));
  CHECK(is_nan(d0({0, 20, 30, 70, 500, -60, 0.0, 0.0, 80, 120})));
  CHECK(is_nan(d0({0, 0, 0, 0, 0, 0, 0.0, 0.0, 3, 4})));          // IR-divergent at p = 0
  // No pairing, no single split and Q indefinite on the simplex (min over the grid < 0, so
  // not the Q > 0 path (D0.19)-(D0.22) either): unsupported (docs/physics.md).
  const Args indefinite{25.749529914839055, 193.84027279644391, 641.16884166005514, 248.79078489326685,
                        3712.3158419841711, 111.86248656977671, 207.07968879035769, 19.05292680309228,
                        271.24309771922293, 103.89798187720393};
  CHECK(min_q(indefinite) < 0);
  CHECK(is_nan(d0(indefinite)));
  // One vanishing mass at zero momenta is IR-finite (closed form).
  CHECK(std::isfinite(d0({0, 0, 0, 0, 0, 0, 0.0, 4111.78, 2907.25, 19.7952}).real()));
}

namespace {

// D0 through detail::d0_eval with the half-line form (D0.15)-(D0.17) on (w_form = true, the
// default of loop::D0) or off (the segment form (D0.9)-(D0.11) everywhere).
template <class T>
std::complex<T> d0_form(const Args& a, bool w_form, darkloops::loop::detail::D0Trace* trace = nullptr) {
  return darkloops::loop::detail::d0_eval<T>(T(a[0]), T(a[1]), T(a[2]), T(a[3]), T(a[4]), T(a[5]), T(a[6]),
                                             T(a[7]), T(a[8]), T(a[9]), w_form, trace);
}

Args benchmark_point(std::mt19937_64& g) {
  std::uniform_real_distribution<double> um(1.0, 4.0), up(1.0, 5.0);
  Args a{};
  for (int i = 0; i < 6; ++i) a[i] = std::pow(10.0, up(g));
  for (int i = 6; i < 10; ++i) a[i] = std::pow(10.0, um(g));
  return a;
}

}  // namespace

TEST_CASE("D0: half-line form vs segment form in 50 digits (independent closed forms)") {
  // (D0.15)-(D0.17) and (D0.9)-(D0.11) share only the cone decomposition and the forms q_k, P;
  // the integrals over w in [0, inf) resp. t in [0, 1] are summed by different dilogarithm
  // identities and eta bookkeeping. In 50 digits they must agree to the working precision
  // (up to the cancellation among the pieces, <= 1e4 at the rescued points): asserted 1e-40.
  // This also makes the 50-digit references of the tests above (loop::D0<mp50>, half-line
  // form) independent of the double evaluation's formula. Samples: the wide generator of the
  // 1e4-point test (its first points), with massless lines, and the benchmark region; ~2 x 5 ms
  // per point in Release; fewer under ASan (~10x slower, see above).
#if defined(__SANITIZE_ADDRESS__)
  const int per_sample = 15;
#else
  const int per_sample = 150;
#endif
  std::mt19937_64 g1(42), g2(4242), g3(7);
  double worst = 0;
  int done = 0, w_pairs = 0, t_pairs = 0;
  for (int sample = 0; sample < 3; ++sample) {
    int n = 0;
    while (n < per_sample) {
      const Args a =
          sample == 0 ? random_point(g1) : sample == 1 ? random_point(g2, 0.2) : benchmark_point(g3);
      if (std::isnan(d0(a).real())) continue;
      darkloops::loop::detail::D0Trace tr;
      const auto w = d0_form<mp50>(a, true, &tr);
      const auto t = d0_form<mp50>(a, false);
      w_pairs += tr.w_form;
      t_pairs += tr.t_form;
      const mp50 e = abs(w - t) / abs(t);
      worst = std::max(worst, static_cast<double>(e));
      ++n;
      ++done;
    }
  }
  MESSAGE("D0 half-line vs segment form, 50 digits: ", done, " points, max relative difference ", worst,
          "; cone pairs in the half-line form ", w_pairs, ", segment-form fallbacks ", t_pairs);
  CHECK(worst <= 1e-40);
  CHECK(w_pairs > 0);
}

TEST_CASE("D0: share of the half-line form in the 50-digit sweep and the benchmark region") {
  // The points of "double vs 50-digit on random points" (same generator and seed) and of the
  // benchmark distribution, evaluated in double with the per-cone-pair form counted: a point
  // takes the fast path when every cone pair (of the double evaluation and, if rescued, of the
  // long-double one) uses the half-line form. Measured: docs/validation.md.
#if defined(__SANITIZE_ADDRESS__)
  const int target = 1000;
#else
  const int target = 10000;
#endif
  for (int sample = 0; sample < 2; ++sample) {
    std::mt19937_64 g(sample == 0 ? 42 : 20261125);
    int done = 0, fast = 0;
    while (done < target) {
      const Args a = sample == 0 ? random_point(g) : benchmark_point(g);
      darkloops::loop::detail::D0Trace tr;
      const cd v = d0_form<double>(a, true, &tr);
      if (std::isnan(v.real())) continue;
      fast += (tr.t_form == 0) ? 1 : 0;
      ++done;
    }
    MESSAGE(std::string(sample == 0 ? "wide 50-digit sweep" : "benchmark region"), ": ", fast, " of ", done,
            " points entirely in the half-line form");
    // Fallback only where P has no two separated roots in w (degree < 2 or a near-double
    // root): measured 9991 of 10^4 (wide sweep) and 10^4 of 10^4 (benchmark region). Bound: 99 %.
    CHECK(fast >= done * 99 / 100);
  }
}

TEST_CASE("D0: nearly-real Li2, log and sqrt of the half-line form against the complex functions") {
  // d0_li2 / d0_log / d0_sqrt take real shortcuts for |Im z| <= 1e-10 |Re z| (eq. (D0.18));
  // reference: loop::li2 / std::log / std::sqrt in 50 digits (signed zeros: in double, the
  // 50-digit complex type does not keep the sign of a zero imaginary part). Measured: Li2
  // 3.0e-15 (13 eps, next to x = 1 where the rounding of x itself is amplified), log 1.7 eps,
  // sqrt correctly rounded. Bounds: 64 eps (Li2), 8 eps (log, sqrt).
  using darkloops::loop::detail::d0_li2;
  using darkloops::loop::detail::d0_log;
  using darkloops::loop::detail::d0_sqrt;
  using cmp = std::complex<mp50>;
  std::mt19937_64 g(11);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  double worst_li2 = 0, worst_log = 0, worst_sqrt = 0;
  for (int i = 0; i < 3000; ++i) {
    double x = std::pow(10.0, 12.0 * u(g) - 6.0) * (u(g) < 0.5 ? -1.0 : 1.0);
    if (i % 4 == 1) x = 1.0 + std::pow(10.0, -1.0 - 6.0 * u(g)) * (u(g) < 0.5 ? -1.0 : 1.0);
    if (i % 4 == 2) x = (i % 8 == 2 ? 0.5 : 2.0) + 0.01 * (u(g) - 0.5);
    double y = std::pow(10.0, -30.0 + 19.0 * u(g)) * std::abs(x) * (u(g) < 0.5 ? -1.0 : 1.0);
    if (i % 10 == 3) y = (i % 20 == 3) ? 0.0 : -0.0;
    const cd z(x, y);
    const cmp zm{mp50(x), mp50(y)};
    auto rel = [](cd a, cd b) { return std::abs(a - b) / std::abs(b); };
    auto to_cd = [](const cmp& w) {
      return cd(static_cast<double>(w.real()), static_cast<double>(w.imag()));
    };
    const bool zero_im = (y == 0.0);
    worst_li2 = std::max(worst_li2, rel(d0_li2(z), zero_im ? dl::li2(z) : to_cd(dl::li2(zm))));
    worst_log = std::max(worst_log, rel(d0_log(z), zero_im ? std::log(z) : to_cd(log(zm))));
    worst_sqrt = std::max(worst_sqrt, rel(d0_sqrt(z), zero_im ? std::sqrt(z) : to_cd(sqrt(zm))));
  }
  MESSAGE("nearly-real shortcuts vs complex functions: Li2 ", worst_li2, ", log ", worst_log, ", sqrt ",
          worst_sqrt);
  const double eps = std::numeric_limits<double>::epsilon();
  CHECK(worst_li2 <= 64 * eps);
  CHECK(worst_log <= 8 * eps);
  CHECK(worst_sqrt <= 8 * eps);
}

TEST_CASE("D0: mass ratios up to 1e12 with massless lines (double vs 50 digits)") {
  // The hierarchy the wide test stops short of (docs/validation.md "Known failure"): masses^2
  // log-uniform over 10^-6..10^6, each 0 with probability 0.1, invariants as in random_point.
  // With the segment form ~0.4 % of such points lost the sign of the finite -i eps (offline,
  // 5000 points: 20 above 1e-6, up to O(1e5) relative); the half-line form: 1 of 5000.
  // 1000 points in Release (~2 s), 100 under ASan (~10x slower). Reference: loop::D0<mp50>.
#if defined(__SANITIZE_ADDRESS__)
  const int target = 100;
#else
  const int target = 1000;
#endif
  std::mt19937_64 g(99);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> errs;
  int above = 0;
  while (static_cast<int>(errs.size()) < target) {
    Args a{};
    for (int i = 6; i < 10; ++i) a[i] = std::pow(10.0, 12.0 * u(g) - 6.0);
    for (int i = 6; i < 10; ++i)
      if (u(g) < 0.1) a[i] = 0.0;
    for (int i = 0; i < 6; ++i) {
      const double r = u(g);
      a[i] = r < 0.2 ? 0.0 : std::pow(10.0, 7.0 * u(g) - 3.5) * (r < 0.6 ? -1.0 : 1.0);
    }
    const cd v = d0(a);
    if (std::isnan(v.real())) continue;
    const auto w = dl::D0<mp50>(mp50(a[0]), mp50(a[1]), mp50(a[2]), mp50(a[3]), mp50(a[4]),
                                mp50(a[5]), mp50(a[6]), mp50(a[7]), mp50(a[8]), mp50(a[9]));
    const double e = crel(v, cd(static_cast<double>(w.real()), static_cast<double>(w.imag())));
    errs.push_back(e);
    above += (e > 1e-6) ? 1 : 0;
  }
  std::sort(errs.begin(), errs.end());
  MESSAGE("D0 mass ratios 1e12: ", errs.size(), " points, p99 ", errs[errs.size() * 99 / 100], ", max ",
          errs.back(), ", ", above, " above 1e-6");
  // Measured (seed 99): 0 above 1e-6, p99 2.7e-13; seeds 1..5 offline: p99 <= 1.1e-12, one
  // point in 5000 above 1e-6. Bounds: <= 0.2 % above 1e-6, p99 <= 5e-12 (Release sample).
  CHECK(above <= target / 500);
  if (target >= 1000) CHECK(errs[errs.size() * 99 / 100] <= 5e-12);
}

TEST_CASE("D0: Q > 0 on the simplex without a real pairing (quadrature path (D0.19)-(D0.22))") {
  // Every invariant inside its window, scaled Cayley matrix (I + J)/2: D0 real, computed by the
  // copositive path. Reference: nested adaptive Gauss-Kronrod of (D0.1) to 1e-11 per level
  // (three levels: <= ~3e-11), asserted <= 1e-10.
  const Args all100{100, 100, 100, 100, 100, 100, 100, 100, 100, 100};
  const cd v100 = d0(all100);
  CHECK(v100.imag() == 0.0);
  CHECK(std::abs(v100.real() - d0_adaptive(all100)) <= 1e-10 * std::abs(v100.real()));

  // Benchmark-distribution points that reach the new path (no cone pair used: empty trace):
  // (1) adaptive quadrature, (2) the 24 relabellings (each integrates out another Feynman
  // parameter, (D0.20)), (3) loop::D0<mp50> (the same ladder in 50 digits). 6 points in
  // Release, 2 under ASan (adaptive quadrature ~10x slower there).
#if defined(__SANITIZE_ADDRESS__)
  const int target = 2;
#else
  const int target = 6;
#endif
  std::mt19937_64 g(2024);
  int found = 0, tried = 0;
  double worst_quad = 0, worst_perm = 0, worst_mp = 0;
  while (found < target && tried < 20000) {
    ++tried;
    const Args a = benchmark_point(g);
    if (has_real_pairing(a)) continue;
    darkloops::loop::detail::D0Trace trace;
    const cd v = d0_form<double>(a, true, &trace);
    if (std::isnan(v.real()) || trace.w_form + trace.t_form != 0) continue;
    ++found;
    INFO("point ", a[0], " ", a[1], " ", a[2], " ", a[3], " ", a[4], " ", a[5], " m ", a[6], " ",
         a[7], " ", a[8], " ", a[9]);
    CHECK(v.imag() == 0.0);
    CHECK(min_q(a) > 0);
    const double q = d0_adaptive(a);
    worst_quad = std::max(worst_quad, std::abs(v.real() - q) / std::abs(q));
    std::array<int, 4> pi{0, 1, 2, 3};
    do {
      worst_perm = std::max(worst_perm, crel(d0(permute(a, pi)), v));
    } while (std::next_permutation(pi.begin(), pi.end()));
    const auto w = dl::D0<mp50>(mp50(a[0]), mp50(a[1]), mp50(a[2]), mp50(a[3]), mp50(a[4]),
                                mp50(a[5]), mp50(a[6]), mp50(a[7]), mp50(a[8]), mp50(a[9]));
    worst_mp = std::max(worst_mp, crel(v, cd(static_cast<double>(w.real()), static_cast<double>(w.imag()))));
  }
  MESSAGE("D0 Q > 0 path: ", found, " points (of ", tried, " draws); adaptive quadrature ", worst_quad,
          ", 24 relabellings ", worst_perm, ", 50 digits ", worst_mp);
  CHECK(found == target);
  CHECK(worst_quad <= 1e-10);  // reference accuracy (above)
  // Offline (docs/validation.md): relabellings and 50 digits <= ~1e-14; the ladder's error
  // bound (D0.22) promises <= 1e-12 with margin.
  CHECK(worst_perm <= 1e-12);
  CHECK(worst_mp <= 1e-12);
}

TEST_CASE("D0: Q > 0 path against the pairing method where both apply") {
  // The same point both ways: certified-copositive benchmark points that HAVE a real pairing,
  // detail::d0_positive (D0.19)-(D0.22) in double vs loop::D0<mp50> (half-line form, exact in
  // 50 digits, independent of any quadrature). 8 points (3 under ASan).
#if defined(__SANITIZE_ADDRESS__)
  const int target = 3;
#else
  const int target = 8;
#endif
  std::mt19937_64 g(4711);
  int found = 0, tried = 0;
  double worst = 0;
  while (found < target && tried < 20000) {
    ++tried;
    const Args a = benchmark_point(g);
    if (!has_real_pairing(a)) continue;
    std::array<std::array<double, 4>, 4> K{};
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j)
        K[i][j] = (i == j) ? 1.0
                           : (a[6 + i] + a[6 + j] - inv(a, i, j)) / (2 * std::sqrt(a[6 + i] * a[6 + j]));
    double qmin = 0, val = 0;
    if (!darkloops::loop::detail::d0_copositive(K, qmin)) continue;
    REQUIRE(darkloops::loop::detail::d0_positive(K, val));
    ++found;
    val /= std::sqrt(a[6] * a[7]) * std::sqrt(a[8] * a[9]);
    const auto w = dl::D0<mp50>(mp50(a[0]), mp50(a[1]), mp50(a[2]), mp50(a[3]), mp50(a[4]),
                                mp50(a[5]), mp50(a[6]), mp50(a[7]), mp50(a[8]), mp50(a[9]));
    const double ref = static_cast<double>(w.real());
    worst = std::max(worst, std::abs(val - ref) / std::abs(ref));
    CHECK(std::abs(static_cast<double>(w.imag())) <= 1e-20 * std::abs(static_cast<double>(w.real())));
  }
  MESSAGE("D0 Q > 0 path vs pairing method (50 digits): ", found, " points, max rel ", worst);
  CHECK(found == target);
  // Measured <= 3.6e-15 on 25 points offline; bound = the 1e-12 target of (D0.22).
  CHECK(worst <= 1e-12);
}

TEST_CASE("D0 at all-zero invariants dispatches to zero::D0 before any other check") {
  // loop::D0 tests the six invariants for 0 first and returns zero::D0 (d0.hpp): the result must
  // be bit-identical to zero::D0 (double, long double; float goes through double) and NaN in
  // both parts where the general entry point's own checks gave NaN: invalid masses, two or more
  // vanishing masses (IR-divergent at p = 0).
  namespace z = darkloops::loop::zero;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (const auto& m : std::vector<std::array<double, 4>>{{120.0, 80.0, 200.0, 35.0},
                                                          {5.0, 5.0, 5.0, 5.0},
                                                          {0.0, 3.0, 7.0, 7.0 * (1 + 1e-9)},
                                                          {1e-4, 1e4, 2.5e3, 1e6}}) {
    const cd c = dl::D0(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, m[0], m[1], m[2], m[3]);
    CHECK(c.real() == z::D0(m[0], m[1], m[2], m[3]));
    CHECK(c.imag() == 0.0);
    const long double l0 = m[0], l1 = m[1], l2 = m[2], l3 = m[3];
    CHECK(dl::D0(0.0L, 0.0L, 0.0L, 0.0L, 0.0L, 0.0L, l0, l1, l2, l3).real() == z::D0(l0, l1, l2, l3));
    const float f[4] = {float(m[0]), float(m[1]), float(m[2]), float(m[3])};
    CHECK(dl::D0(0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, f[0], f[1], f[2], f[3]).real() ==
          float(z::D0(double(f[0]), double(f[1]), double(f[2]), double(f[3]))));
  }
  auto both_nan = [](const auto& c) { return std::isnan(c.real()) && std::isnan(c.imag()); };
  CHECK(both_nan(dl::D0(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 2.0, 3.0, 4.0)));
  CHECK(both_nan(dl::D0(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, nan, 3.0, 4.0)));
  CHECK(both_nan(dl::D0(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, inf)));
  CHECK(both_nan(dl::D0(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0, 0.0, 4.0)));  // two massless
  CHECK(both_nan(dl::D0(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)));
  CHECK(both_nan(dl::D0(0.0L, 0.0L, 0.0L, 0.0L, 0.0L, 0.0L, 0.0L, 2.0L, 3.0L, 0.0L)));
  CHECK(both_nan(dl::D0(0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 3.0f, 4.0f)));
  CHECK(both_nan(dl::D0(nan, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 4.0)));  // not all-zero
}
