// SPDX-License-Identifier: MIT
// The same templated scalar loop functions in double and in 50-digit arithmetic
// (boost::multiprecision::cpp_bin_float_50 with std::complex) on random points: masses^2 spread
// over ratios 1e-6..1e6, nearly degenerate masses 1 +- 1e-k, zero masses, momenta from 1e-8 to
// 1e3 times the masses, Euclidean and above threshold. Plus 50-digit special values of Li2 and
// independent 50-digit closed forms at p2 = 0. Results: docs/validation.md (loop-general).
#include <doctest/doctest.h>

#include <array>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <cmath>
#include <complex>
#include <limits>
#include <random>
#include <string>

#include "darkloops/loop/b.hpp"
#include "darkloops/loop/c0.hpp"
#include "darkloops/loop/dilog.hpp"

namespace dl = darkloops::loop;
using mp = boost::multiprecision::cpp_bin_float_50;
using cmp = std::complex<mp>;
using cd = std::complex<double>;

namespace {

// Sanitizer builds run ~10x slower: use a tenth of the points there.
#if defined(__SANITIZE_ADDRESS__)
constexpr int reduce = 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int reduce = 10;
#else
constexpr int reduce = 1;
#endif
#else
constexpr int reduce = 1;
#endif

double err_vs(cd d, const cmp& m, double natural) {
  const cd md(static_cast<double>(m.real()), static_cast<double>(m.imag()));
  const mp dm = abs(cmp(mp(d.real()), mp(d.imag())) - m);
  return static_cast<double>(dm) / std::max(std::abs(md), natural);
}

struct BPoint {
  double p2, m1, m2;
};

// masses^2 and p2 as described in the file comment (all exactly representable doubles, so the
// 50-digit evaluation sees the same arguments)
BPoint random_bpoint(std::mt19937_64& g) {
  std::uniform_real_distribution<double> u(0, 1);
  double m1 = std::pow(10.0, -3 + 6 * u(g));
  double m2;
  const double kind = u(g);
  if (kind < 0.35) {
    m2 = m1 * std::pow(10.0, -6 + 12 * u(g));  // ratio 1e-6 .. 1e6
  } else if (kind < 0.7) {
    const double k = 1 + 11 * u(g);  // 1 +- 10^-k, k in [1, 12]
    m2 = m1 * (1 + (u(g) < 0.5 ? -1 : 1) * std::pow(10.0, -k));
  } else if (kind < 0.8) {
    m2 = m1;
  } else {
    m2 = 0;
  }
  if (u(g) < 0.5) std::swap(m1, m2);
  const double big = std::max(m1, m2);
  double p2;
  const double pk = u(g);
  if (pk < 0.12) {
    p2 = 0;
  } else if (pk < 0.22) {  // near threshold / pseudo-threshold, 1 +- 10^-k, k in [2, 6]
    const double s = std::sqrt(m1) + (u(g) < 0.5 ? 1 : -1) * std::sqrt(m2);
    p2 = s * s * (1 + (u(g) < 0.5 ? -1 : 1) * std::pow(10.0, -2 - 4 * u(g)));
  } else {
    p2 = (u(g) < 0.75 ? 1 : -1) * big * std::pow(10.0, -8 + 11 * u(g));
  }
  return {p2, m1, m2};
}

// True when C0 at this point is evaluated by the one-pole form (docs/physics.md (C0.5)-(C0.8))
// rather than by the zero-momentum, collinear, apex or quadrature paths (the same decisions
// as loop/c0.hpp).
bool c0_takes_one_pole(const std::array<double, 3>& s, const std::array<double, 3>& m) {
  if (s[0] == 0 && s[1] == 0 && s[2] == 0) return false;
  const double lam = dl::detail::kallen(s[0], s[1], s[2]);
  const double ps = std::abs(s[0]) + std::abs(s[1]) + std::abs(s[2]);
  if (std::abs(lam) <= 64 * std::numeric_limits<double>::epsilon() * ps * ps) return false;
  const auto ed = dl::detail::c0_edges<double>(s[0], s[1], s[2], m, lam);
  const int j = ed.cond[1] < ed.cond[0] ? 1 : 0;
  double mag = 0;
  const cd sum = dl::detail::c0_edge_sum(ed, j, &mag);
  return dl::detail::c0_one_pole_ok(dl::detail::c0_one_pole(sum, mag, ed.sqlam, j), ed.cond[j],
                                    lam, ps);
}

}  // namespace

TEST_CASE("li2 in 50 digits: special values and identities") {
  const mp pi = boost::math::constants::pi<mp>();
  const mp ln2 = log(mp(2));
  const mp tol = mp("1e-47");  // 50-digit type: a few hundred ulp at most
  CHECK(abs(dl::li2(mp(1)) - pi * pi / 6) < tol);
  CHECK(abs(dl::li2(mp(-1)) + pi * pi / 12) < tol);
  CHECK(abs(dl::li2(mp(0.5)) - (pi * pi / 12 - ln2 * ln2 / 2)) < tol);
  const mp catalan("0.91596559417721901505460351493238411077414937428167");
  const cmp li = dl::li2(cmp(mp(0), mp(1)));
  CHECK(abs(li.real() + pi * pi / 48) < tol);
  CHECK(abs(li.imag() - catalan) < tol);
  // duplication identity at a few complex points
  for (const cmp& z : {cmp(mp("0.3"), mp("0.7")), cmp(mp("-2.5"), mp("0.1")),
                      cmp(mp("1.7"), mp("-3.2"))}) {
    const cmp d = dl::li2(z) + dl::li2(-z) - dl::li2(z * z) / mp(2);
    CHECK(abs(d) < tol * 10);
  }
}

TEST_CASE("li2: double vs 50 digits on random points") {
  std::mt19937_64 g(21);
  std::uniform_real_distribution<double> u(-1, 1);
  double worst_r = 0;
  double worst_c = 0;
  for (int i = 0; i < 10000 / reduce; ++i) {
    const double x = (i % 2 ? 1 : -1) * std::pow(10.0, 3 * u(g));
    const double d = dl::li2(x);
    const mp m = dl::li2(mp(x));
    // denominator floored at 1: Re Li2(x) crosses zero near x = 12.6, where only the absolute
    // error (in units of the O(1..10) terms of the inversion formula) is meaningful
    worst_r = std::max(worst_r, static_cast<double>(abs(mp(d) - m) / std::max(abs(m), mp(1))));
  }
  for (int i = 0; i < 2000 / reduce; ++i) {
    const cd z(5 * u(g), 5 * u(g));
    const cd d = dl::li2(z);
    const cmp m = dl::li2(cmp(mp(z.real()), mp(z.imag())));
    worst_c = std::max(worst_c, err_vs(d, m, 1.0));
  }
  // a few ulp (unit roundoff 1.1e-16): the bound is ~18 ulp
  CHECK(worst_r <= 2e-15);
  CHECK(worst_c <= 2e-15);
  MESSAGE("li2 double vs 50 digits: real max rel ", worst_r, ", complex max rel ", worst_c);
}

TEST_CASE("B functions: double vs 50 digits on 1e4 random points") {
  std::mt19937_64 g(5);
  // max error per function; denominators floored at the natural size (B0, B1, B11, DB00 are
  // logarithms: absolute accuracy in units of 1 is what a change of mu2 by e already shifts;
  // B00 ~ mass^2; DB0, DB1 ~ 1/mass^2)
  std::array<double, 8> worst{};
  const std::string names[8] = {"A0", "B0", "B1", "B11", "B00", "DB0", "DB1", "DB00"};
  int n = 0;
  for (int i = 0; i < 10000 / reduce; ++i) {
    const BPoint p = random_bpoint(g);
    if (p.p2 == 0 && p.m1 == 0 && p.m2 == 0) continue;
    const mp P(p.p2), M1(p.m1), M2(p.m2);
    const double big = std::max({p.m1, p.m2, std::abs(p.p2)});
    ++n;
    worst[0] = std::max(worst[0], err_vs(dl::A0(p.m1), dl::A0(M1), p.m1));
    worst[1] = std::max(worst[1], err_vs(dl::B0(p.p2, p.m1, p.m2), dl::B0(P, M1, M2), 1.0));
    // the remaining functions share the moments; evaluate them on a subset in 50 digits
    if (i % 4 == 0) {
      worst[2] = std::max(worst[2], err_vs(dl::B1(p.p2, p.m1, p.m2), dl::B1(P, M1, M2), 1.0));
      worst[3] = std::max(worst[3], err_vs(dl::B11(p.p2, p.m1, p.m2), dl::B11(P, M1, M2), 1.0));
      worst[4] = std::max(worst[4], err_vs(dl::B00(p.p2, p.m1, p.m2), dl::B00(P, M1, M2), big));
      worst[7] =
          std::max(worst[7], err_vs(dl::DB00(p.p2, p.m1, p.m2), dl::DB00(P, M1, M2), 1.0));
    }
    const bool ir0 = (p.m1 == 0 && p.p2 == p.m2) || (p.m2 == 0 && p.p2 == p.m1);
    if (!ir0) {
      worst[5] =
          std::max(worst[5], err_vs(dl::DB0(p.p2, p.m1, p.m2), dl::DB0(P, M1, M2), 1.0 / big));
      if (i % 4 == 1)
        worst[6] =
            std::max(worst[6], err_vs(dl::DB1(p.p2, p.m1, p.m2), dl::DB1(P, M1, M2), 1.0 / big));
    }
  }
  for (int k = 0; k < 8; ++k) MESSAGE(names[k], ": max error ", worst[k]);
  // The sample includes points at relative distance 1e-2..1e-6 from the normal and
  // pseudo-thresholds. There B is continuous but its relative condition number with respect to
  // p2 is ~sqrt(p2/|p2 - p_thr|) <~ 1e3, and DB0, DB1 (which diverge like 1/sqrt(lambda)) have
  // ~p2/|p2 - p_thr| <~ 1e6: rounding at the 1e-16 level inside the evaluation shows up
  // amplified by these factors. Bounds: 1e3 and 1e6 times the unit roundoff, with margin.
  CHECK(worst[0] <= 1e-15);
  for (int k = 1; k <= 4; ++k) CHECK(worst[k] <= 1e-12);
  CHECK(worst[7] <= 1e-12);
  CHECK(worst[5] <= 2e-10);
  CHECK(worst[6] <= 2e-10);
  CHECK(n > 9000 / reduce);
}

TEST_CASE("p2 = 0: B0 and DB0 vs independent 50-digit closed forms for nearly equal masses") {
  // B0(0;a,b) = 1 - (b ln b - a ln a)/(b - a);
  // DB0(0;a,b) = (a + b)/(2 (a - b)^2) - a b ln(a/b)/(a - b)^3   (Feynman integral of x(1-x)/G)
  // evaluated in 50 digits (they lose 2k of the 50 digits for a split 10^-k, k <= 12).
  double worst_b0 = 0;
  double worst_db0 = 0;
  for (int k = 1; k <= 12; ++k) {
    for (const double sgn : {-1.0, 1.0}) {
      const double a = 2899.02;
      const double b = a * (1 + sgn * std::pow(10.0, -k));
      const mp A(a), B(b);
      const mp b0 = 1 - (B * log(B) - A * log(A)) / (B - A);
      const mp db0 = (A + B) / (2 * (A - B) * (A - B)) - A * B * log(A / B) / pow(A - B, 3);
      worst_b0 = std::max(worst_b0, err_vs(dl::B0(0.0, a, b), cmp(b0, mp(0)), 0.0));
      worst_db0 = std::max(worst_db0, err_vs(dl::DB0(0.0, a, b), cmp(db0, mp(0)), 0.0));
    }
  }
  // relative: B0 a few ulp; DB0 sums an alternating series of ~20 terms and a log1p-based
  // closed form: <= 50 ulp
  CHECK(worst_b0 <= 2e-15);
  CHECK(worst_db0 <= 1e-14);
  MESSAGE("p2 = 0 nearly degenerate: B0 max rel ", worst_b0, ", DB0 max rel ", worst_db0);
}

TEST_CASE("C0: double vs 50 digits on 1e4 random points") {
  // 1e4 points (1e3 under sanitizers); 50-digit C0 costs ~1 ms per point in Release.
  std::mt19937_64 g(9);
  std::uniform_real_distribution<double> u(0, 1);
  double worst = 0;
  double worst_sing = 0;
  int n = 0;
  int n_reg = 0;
  int n_sing = 0;
  int n_complex = 0;
  int n_fast = 0;
  std::array<double, 6> worst_args{};
  for (int i = 0; i < 10000 / reduce; ++i) {
    std::array<double, 3> m{};
    const double base = std::pow(10.0, -3 + 6 * u(g));
    for (auto& x : m) {
      const double kind = u(g);
      if (kind < 0.5) {
        x = base * std::pow(10.0, -6 + 12 * u(g));
      } else if (kind < 0.8) {
        x = base * (1 + (u(g) < 0.5 ? -1 : 1) * std::pow(10.0, -1 - 11 * u(g)));
      } else if (kind < 0.9) {
        x = base;
      } else {
        x = 0;
      }
    }
    std::array<double, 3> s{};
    for (auto& x : s) {
      const double kind = u(g);
      x = kind < 0.1 ? 0.0 : (u(g) < 0.7 ? 1 : -1) * base * std::pow(10.0, -2 + 5 * u(g));
    }
    const cd d = dl::C0(s[0], s[1], s[2], m[0], m[1], m[2]);
    if (std::isnan(d.real())) continue;  // IR-divergent draws
    ++n;
    n_fast += c0_takes_one_pole(s, m);
    if (d.imag() != 0) ++n_complex;
    const cmp c = dl::C0(mp(s[0]), mp(s[1]), mp(s[2]), mp(m[0]), mp(m[1]), mp(m[2]));
    const double e = err_vs(d, c, 0.0);
    INFO(s[0], " ", s[1], " ", s[2], " ", m[0], " ", m[1], " ", m[2], " ", d);
    // Regular points (every mass >= 1e-4 of the largest scale) must meet the 1e-10 target.
    // Near-singular ones (a zero or very light propagator mass next to light-like or large
    // invariants: the IR/collinear limit is approached, mass ratios down to 1e-10 in this
    // sample) lose digits in the dilogarithm arguments themselves: measured worst 4.0e-7 on
    // these 1e4 points (1.1e-8 on the first 800), the same with the pre-speed-up code; a known
    // gap documented in docs/validation.md, bound 1e-6.
    const double scale = std::max({std::abs(s[0]), std::abs(s[1]), std::abs(s[2]), m[0], m[1], m[2]});
    const bool regular = std::min({m[0], m[1], m[2]}) >= 1e-4 * scale;
    // The first 800 draws are the former sample and keep its bound (5e-8); only the extension
    // to 1e4 points, which reaches mass ratios the old sample did not, gets 1e-6.
    CHECK(e <= (regular ? 1e-10 : (i < 800 ? 5e-8 : 1e-6)));
    if (regular && e > worst) worst_args = {s[0], s[1], s[2], m[0], m[1], m[2]};
    (regular ? worst : worst_sing) = std::max(regular ? worst : worst_sing, e);
    ++(regular ? n_reg : n_sing);
  }
  MESSAGE("C0: ", n, " points (", n_complex, " above threshold) vs 50 digits: ", n_reg,
          " regular, max rel ", worst, "; ", n_sing, " near-singular, max rel ", worst_sing,
          "; one-pole fast path on ", n_fast, " points");
  // the fast path is what this test mostly exercises (77 % of the draws when written)
  CHECK(n_fast > n / 2);
  MESSAGE("worst regular point: ", worst_args[0], " ", worst_args[1], " ", worst_args[2], " ",
          worst_args[3], " ", worst_args[4], " ", worst_args[5]);
  CHECK(n > 9000 / reduce);
}
