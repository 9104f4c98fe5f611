// SPDX-License-Identifier: MIT
// Zero-momentum PV functions and dimensionless functions: the same templated code in double
// against cpp_bin_float_50 (50 digits) on >= 1e4 random points per function (masses
// spanning 1e-6..1e6 in ratio, near-degenerate sets 1 +- 1e-k, exact equalities, vanishing
// masses), both sides of every Taylor-window switch, and the fast paths against the generic
// divided-difference engine in 50 digits.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_bin_float.hpp>

#include "darkloops/loop/dimensionless.hpp"
#include "darkloops/loop/zero_momentum.hpp"

namespace z = darkloops::loop::zero;
namespace dl = darkloops::loop;
namespace zd = darkloops::loop::zero::detail;
using mp = boost::multiprecision::cpp_bin_float_50;

namespace {

// The requirement (issue 3): <= 1e-13 relative everywhere for the closed forms.
constexpr double required = 1e-13;
constexpr int n_points = 10000;

/// Random squared-mass sets: mixtures of wide hierarchies (ratios up to 1e12 in m^2, i.e.
/// 1e6 in m), near-degenerate clusters m(1 +- 10^-k), k in 1..15, exact repeats, and
/// (optionally) one vanishing mass.
class MassGen {
 public:
  explicit MassGen(unsigned seed) : rng_(seed) {}
  template <std::size_t n>
  std::array<double, n> next(int max_zeros) {
    std::array<double, n> m{};
    const int mode = static_cast<int>(rng_() % 6);
    const double base = std::pow(10.0, uni(-2.0, 6.0));
    for (std::size_t i = 0; i < n; ++i) {
      switch (mode) {
        case 0:  // wide hierarchy: 1e-6..1e6 in mass ratio
          m[i] = base * std::pow(10.0, uni(-6.0, 6.0));
          break;
        case 1:  // moderate spread (the recurrence/Taylor border region)
          m[i] = base * std::pow(10.0, uni(0.0, 1.0));
          break;
        case 2:  // near-degenerate cluster 1 +- 10^-k
          m[i] = base * (1 + sgn() * std::pow(10.0, -uni(1.0, 15.0)));
          break;
        case 3:  // two clusters
          m[i] = (i % 2 ? base : base * std::pow(10.0, uni(-1.0, 1.0))) *
                 (1 + sgn() * std::pow(10.0, -uni(2.0, 15.0)));
          break;
        case 4:  // exact repeats of a few values
          m[i] = (rng_() % 2) ? base : base * std::pow(10.0, uni(-3.0, 3.0));
          break;
        default:  // clusters at the window edges: ratios 5/3, 2.08, 4 (+- 1e-3)
          m[i] = base * std::pow(std::array<double, 4>{1.0, 5.0 / 3, 2.0769, 4.0}[rng_() % 4],
                                 1.0) *
                 (1 + sgn() * std::pow(10.0, -uni(3.0, 15.0)));
          break;
      }
    }
    if (max_zeros > 0 && rng_() % 8 == 0) m[rng_() % n] = 0.0;
    return m;
  }
  double uni(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng_); }
  double sgn() { return (rng_() % 2) ? 1.0 : -1.0; }

 private:
  std::mt19937_64 rng_;
};

double rel_err(double d, const mp& ref, const mp& scale) {
  const mp e = abs(mp(d) - ref) / scale;
  return e.convert_to<double>();
}

struct Worst {
  double err = 0;
  std::string where;
  void update(double e, const std::string& w) {
    if (!(e <= err)) {  // also catches NaN
      err = e;
      where = w;
    }
  }
};

template <std::size_t n>
std::string show(const std::array<double, n>& m) {
  std::string s;
  char buf[40];
  for (double x : m) {
    std::snprintf(buf, sizeof buf, "%.17g ", x);
    s += buf;
  }
  return s;
}

/// Run f<double> and f<mp> on n_points random sets of n masses; error relative to
/// max(|f|, scale(m)) where scale is the mu2-sensitivity for scale-dependent functions
/// (0 for sign-definite ones: pure relative error).
template <std::size_t n, class Fd, class Fm, class S>
Worst scan(unsigned seed, int max_zeros, Fd fd, Fm fm, S scale) {
  MassGen g(seed);
  Worst w;
  for (int i = 0; i < n_points; ++i) {
    const auto m = g.next<n>(max_zeros);
    std::array<mp, n> M;
    for (std::size_t k = 0; k < n; ++k) M[k] = mp(m[k]);
    const double d = fd(m);
    const mp ref = fm(M);
    if (boost::multiprecision::isnan(ref)) {
      w.update(std::isnan(d) ? 0.0 : 1.0, "NaN mismatch at " + show(m));
      continue;
    }
    const mp sc = std::max(mp(abs(ref)), mp(scale(m)));
    w.update(rel_err(d, ref, sc), show(m));
  }
  return w;
}

auto no_scale = [](const auto&) { return 0.0; };

}  // namespace

TEST_CASE("double vs 50 digits: scalar functions, 1e4 random points each") {
  const double mu2 = 91.1876 * 91.1876;
  auto L = [&](double m) { return std::max(1.0, std::abs(std::log(m / mu2))); };
  struct Case {
    const char* name;
    std::function<Worst()> run;
  };
  const Case cases[] = {
      {"A0", [&] {
         return scan<1>(1, 0, [&](auto m) { return z::A0(m[0], mu2); },
                        [&](auto m) { return z::A0(m[0], mp(mu2)); },
                        [&](auto m) { return m[0] * L(m[0]); });
       }},
      {"B0", [&] {
         return scan<2>(2, 1, [&](auto m) { return z::B0(m[0], m[1], mu2); },
                        [&](auto m) { return z::B0(m[0], m[1], mp(mu2)); },
                        [&](auto m) { return L(std::max(m[0], m[1])); });
       }},
      {"B1", [&] {
         return scan<2>(3, 1, [&](auto m) { return z::B1(m[0], m[1], mu2); },
                        [&](auto m) { return z::B1(m[0], m[1], mp(mu2)); },
                        [&](auto m) { return 0.5 * L(std::max(m[0], m[1])); });
       }},
      {"B00", [&] {
         return scan<2>(4, 1, [&](auto m) { return z::B00(m[0], m[1], mu2); },
                        [&](auto m) { return z::B00(m[0], m[1], mp(mu2)); },
                        [&](auto m) { return (m[0] + m[1]) / 4 * L(std::max(m[0], m[1])); });
       }},
      {"B11", [&] {
         return scan<2>(5, 1, [&](auto m) { return z::B11(m[0], m[1], mu2); },
                        [&](auto m) { return z::B11(m[0], m[1], mp(mu2)); },
                        [&](auto m) { return L(std::max(m[0], m[1])) / 3; });
       }},
      {"DB0", [&] {
         return scan<2>(6, 1, [&](auto m) { return z::DB0(m[0], m[1]); },
                        [&](auto m) { return z::DB0(m[0], m[1]); }, no_scale);
       }},
      {"DB1", [&] {
         return scan<2>(7, 1, [&](auto m) { return z::DB1(m[0], m[1]); },
                        [&](auto m) { return z::DB1(m[0], m[1]); }, no_scale);
       }},
      {"DB00", [&] {
         return scan<2>(8, 1, [&](auto m) { return z::DB00(m[0], m[1], mu2); },
                        [&](auto m) { return z::DB00(m[0], m[1], mp(mu2)); },
                        [&](auto m) { return L(std::max(m[0], m[1])) / 12; });
       }},
      {"C0", [&] {
         return scan<3>(9, 1, [](auto m) { return z::C0(m[0], m[1], m[2]); },
                        [](auto m) { return z::C0(m[0], m[1], m[2]); }, no_scale);
       }},
      {"C00", [&] {
         return scan<3>(10, 1, [&](auto m) { return z::C00(m[0], m[1], m[2], mu2); },
                        [&](auto m) { return z::C00(m[0], m[1], m[2], mp(mu2)); },
                        [&](auto m) { return L(std::max({m[0], m[1], m[2]})) / 4; });
       }},
      {"D0", [&] {
         return scan<4>(11, 1, [](auto m) { return z::D0(m[0], m[1], m[2], m[3]); },
                        [](auto m) { return z::D0(m[0], m[1], m[2], m[3]); }, no_scale);
       }},
      {"D00", [&] {
         return scan<4>(12, 1, [](auto m) { return z::D00(m[0], m[1], m[2], m[3]); },
                        [](auto m) { return z::D00(m[0], m[1], m[2], m[3]); }, no_scale);
       }},
      {"box_F", [&] {
         return scan<2>(13, 1, [](auto m) { return dl::box_F(m[0] / 1e4, m[1] / 1e4); },
                        [](auto m) { return dl::box_F(m[0] / 1e4, m[1] / 1e4); }, no_scale);
       }},
      {"box_G", [&] {
         return scan<2>(14, 1, [](auto m) { return dl::box_G(m[0] / 1e4, m[1] / 1e4); },
                        [](auto m) { return dl::box_G(m[0] / 1e4, m[1] / 1e4); }, no_scale);
       }},
      {"dipole_F2", [&] {
         return scan<1>(15, 1, [](auto m) { return dl::dipole_F2(m[0] / 1e4); },
                        [](auto m) { return dl::dipole_F2(m[0] / 1e4); }, no_scale);
       }},
      {"dipole_G2", [&] {
         return scan<1>(16, 1, [](auto m) { return dl::dipole_G2(m[0] / 1e4); },
                        [](auto m) { return dl::dipole_G2(m[0] / 1e4); }, no_scale);
       }},
      {"penguin_G2p", [&] {
         return scan<1>(17, 1, [](auto m) { return dl::penguin_G2p(m[0] / 1e4); },
                        [](auto m) { return dl::penguin_G2p(m[0] / 1e4); }, no_scale);
       }},
  };
  for (const auto& c : cases) {
    const Worst w = c.run();
    MESSAGE(std::string(c.name) << ": max error " << w.err << " at " << w.where);
    INFO(std::string(c.name) << " worst at " << w.where);
    CHECK(w.err <= required);
  }
}

TEST_CASE("double vs 50 digits: all C and D tensor coefficients, 1e4 random points") {
  const double mu2 = 300.0;
  auto L = [&](double m) { return std::max(1.0, std::abs(std::log(m / mu2))); };
  {
    MassGen g(21);
    Worst w[13];
    const char* names[13] = {"c0",  "c1",  "c2",   "c00",  "c11",  "c12", "c22",
                             "c001", "c002", "c111", "c112", "c122", "c222"};
    for (int i = 0; i < n_points; ++i) {
      const auto m = g.next<3>(1);
      const auto d = z::C(m[0], m[1], m[2], mu2);
      const auto q = z::C(mp(m[0]), mp(m[1]), mp(m[2]), mp(mu2));
      const double dv[13] = {d.c0.real(),   d.c1.real(),   d.c2.real(),   d.c00.real(),
                             d.c11.real(),  d.c12.real(),  d.c22.real(),  d.c001.real(),
                             d.c002.real(), d.c111.real(), d.c112.real(), d.c122.real(),
                             d.c222.real()};
      const mp qv[13] = {q.c0.real(),   q.c1.real(),   q.c2.real(),   q.c00.real(),
                         q.c11.real(),  q.c12.real(),  q.c22.real(),  q.c001.real(),
                         q.c002.real(), q.c111.real(), q.c112.real(), q.c122.real(),
                         q.c222.real()};
      const double lm = L(std::max({m[0], m[1], m[2]}));
      for (int k = 0; k < 13; ++k) {
        // c00, c00i depend on mu2 (coefficients -1/4, 1/12 of ln mu2): error scale below.
        const double sc = k == 3 ? lm / 4 : (k == 7 || k == 8) ? lm / 12 : 0.0;
        w[k].update(rel_err(dv[k], qv[k], std::max(mp(abs(qv[k])), mp(sc))), show(m));
      }
    }
    for (int k = 0; k < 13; ++k) {
      MESSAGE("C." << std::string(names[k]) << ": max error " << w[k].err << " at " << w[k].where);
      INFO("C." << std::string(names[k]) << " worst at " << w[k].where);
      CHECK(w[k].err <= required);
    }
  }
  {
    MassGen g(22);
    Worst w[11];
    const char* names[11] = {"d0",  "d1",  "d2",  "d3",  "d00", "d11",
                             "d12", "d13", "d22", "d23", "d33"};
    for (int i = 0; i < n_points; ++i) {
      const auto m = g.next<4>(1);
      const auto d = z::D(m[0], m[1], m[2], m[3]);
      const auto q = z::D(mp(m[0]), mp(m[1]), mp(m[2]), mp(m[3]));
      const double dv[11] = {d.d0.real(),  d.d1.real(),  d.d2.real(),  d.d3.real(),
                             d.d00.real(), d.d11.real(), d.d12.real(), d.d13.real(),
                             d.d22.real(), d.d23.real(), d.d33.real()};
      const mp qv[11] = {q.d0.real(),  q.d1.real(),  q.d2.real(),  q.d3.real(),
                         q.d00.real(), q.d11.real(), q.d12.real(), q.d13.real(),
                         q.d22.real(), q.d23.real(), q.d33.real()};
      for (int k = 0; k < 11; ++k) w[k].update(rel_err(dv[k], qv[k], abs(qv[k])), show(m));
    }
    for (int k = 0; k < 11; ++k) {
      MESSAGE("D." << std::string(names[k]) << ": max error " << w[k].err << " at " << w[k].where);
      INFO("D." << std::string(names[k]) << " worst at " << w[k].where);
      CHECK(w[k].err <= required);
    }
  }
}

TEST_CASE("fast paths agree with the generic engine in 50 digits") {
  MassGen g(31);
  for (int i = 0; i < 300; ++i) {
    const auto m = g.next<4>(1);
    std::array<mp, 4> M;
    for (int k = 0; k < 4; ++k) M[k] = mp(m[k]);
    const mp tol("1e-45");  // both exact to ~1e-48: different operation sequences
    const mp a3 = zd::xln_dd3(M[0], M[1], M[2]);
    const mp b3 = zd::xkln_dd<mp, 1, 3>({M[0], M[1], M[2]});
    const mp a4 = zd::xln_dd4(M[0], M[1], M[2], M[3]);
    const mp b4 = zd::xkln_dd<mp, 1, 4>(M);
    const mp c4 = zd::x2ln_dd4(M[0], M[1], M[2], M[3]);
    const mp e4 = zd::xkln_dd<mp, 2, 4>(M);
    const mp mu2("3.7");
    const mp l3 = zd::x2ln_log3(M[0], M[1], M[2], mu2);
    const mp k3 = zd::xkln_dd_log<mp, 2, 3>({M[0], M[1], M[2]}, mu2);
    INFO("masses " << show(m));
    // Sign-indefinite: compared on the scale of its logarithm.
    CHECK(abs(l3 - k3) <= tol * (abs(k3) + abs(log(std::max({M[0], M[1], M[2]}) / mu2)) + 1));
    if (!boost::multiprecision::isnan(b3)) CHECK(abs(a3 - b3) <= tol * abs(b3));
    if (!boost::multiprecision::isnan(b4)) CHECK(abs(a4 - b4) <= tol * abs(b4));
    if (!boost::multiprecision::isnan(e4)) CHECK(abs(c4 - e4) <= tol * abs(e4));
    CHECK(boost::multiprecision::isnan(a4) == boost::multiprecision::isnan(b4));
  }
}

namespace {
/// Max relative error, in eps(T), of taylor_fast<T, K, n> against taylor_dd in 50 digits on
/// node sets spread over the whole window of order n-1 (spread 0, tiny, up to the edge).
template <class T, int K, int n>
double taylor_fast_worst(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0, 1);
  const double w = zd::taylor_window_for<T>(n - 1);
  double worst = 0;
  for (int i = 0; i < 400; ++i) {
    const double spread = i % 4 == 0 ? 0.0 : w * std::pow(u(rng), i % 4 == 1 ? 12.0 : 1.0);
    const double c = std::pow(10.0, 8 * u(rng) - 4);
    std::array<T, n> x;
    std::array<mp, n> X;
    for (int l = 0; l < n; ++l) {
      const double t = l == 0 ? -1.0 : l == n - 1 ? 1.0 : 2 * u(rng) - 1;
      x[l] = static_cast<T>(c * (1 + spread * t));
    }
    std::sort(x.begin(), x.end());
    for (int l = 0; l < n; ++l) X[l] = mp(x[l]);
    const T f = zd::taylor_fast<T, K, n>(x);
    const mp ref = zd::taylor_dd<mp>(K, X.data(), n);
    const double e = (abs(mp(f) - ref) / abs(ref)).convert_to<double>() /
                     double(std::numeric_limits<T>::epsilon());
    worst = std::max(worst, e);
  }
  return worst;
}
template <class T>
double taylor_fast_worst_all(std::mt19937_64& rng) {  // the (K, n) the fast paths use
  return std::max({taylor_fast_worst<T, 0, 3>(rng), taylor_fast_worst<T, 1, 3>(rng),
                   taylor_fast_worst<T, 1, 4>(rng), taylor_fast_worst<T, 2, 4>(rng)});
}
}  // namespace

TEST_CASE("table-driven Taylor sums of the fast paths vs 50 digits, float/double/long double") {
  // taylor_fast: compile-time coefficient and J tables, interleaved h_t recurrences.
  // Tolerance 8 eps(T): truncation <= eps/16 by construction, plus ~J roundings of terms
  // that decrease geometrically.
  std::mt19937_64 rng(41);
  const double worst[3] = {taylor_fast_worst_all<float>(rng), taylor_fast_worst_all<double>(rng),
                           taylor_fast_worst_all<long double>(rng)};
  MESSAGE("taylor_fast max error in eps(T): float " << worst[0] << ", double " << worst[1]
                                                    << ", long double " << worst[2]);
  for (double e : worst) CHECK(e <= 8);
}

TEST_CASE("both sides of every Taylor-window switch") {
  // For each order N the window is max/min <= (1+w)/(1-w); put the extreme nodes at that
  // ratio times (1 -+ 1e-12) (inside / outside) with interior nodes spread in between, and
  // check double against 50 digits on both sides, for K = 0..4.
  Worst w;
  for (int N = 2; N <= 5; ++N) {
    const double wn = zd::taylor_window(N);
    const double edge = (1 + wn) / (1 - wn);
    for (double side : {1 - 1e-12, 1 + 1e-12, 1 - 1e-6, 1 + 1e-6}) {
      for (double base : {1e-3, 1.0, 7.7e4}) {
        std::array<double, 6> x{};
        for (int i = 0; i <= N; ++i)
          x[i] = base * (i == N ? edge * side : std::pow(edge, double(i) / N * 0.9));
        std::array<mp, 6> X;
        for (int i = 0; i < 6; ++i) X[i] = mp(x[i]);
        auto check = [&](double d, const mp& q, const char* what) {
          w.update(rel_err(d, q, abs(q)), std::string(what) + " N=" + std::to_string(N) +
                                              " side=" + std::to_string(side));
        };
        switch (N) {
          case 2:
            check(zd::xln_dd3(x[0], x[1], x[2]), zd::xkln_dd<mp, 1, 3>({X[0], X[1], X[2]}), "P21");
            check(zd::xkln_dd<double, 0, 3>({x[0], x[1], x[2]}),
                  zd::xkln_dd<mp, 0, 3>({X[0], X[1], X[2]}), "L2");
            break;
          case 3:
            check(zd::xln_dd4(x[0], x[1], x[2], x[3]), zd::xkln_dd<mp, 1, 4>({X[0], X[1], X[2], X[3]}), "P31");
            check(zd::x2ln_dd4(x[0], x[1], x[2], x[3]), zd::xkln_dd<mp, 2, 4>({X[0], X[1], X[2], X[3]}), "P32");
            break;
          case 4:
            check(zd::xkln_dd<double, 2, 5>({x[0], x[1], x[2], x[3], x[4]}),
                  zd::xkln_dd<mp, 2, 5>({X[0], X[1], X[2], X[3], X[4]}), "P42");
            check(zd::xkln_dd<double, 3, 5>({x[0], x[1], x[2], x[3], x[4]}),
                  zd::xkln_dd<mp, 3, 5>({X[0], X[1], X[2], X[3], X[4]}), "P43");
            break;
          default:
            check(zd::xkln_dd<double, 3, 6>({x[0], x[1], x[2], x[3], x[4], x[5]}),
                  zd::xkln_dd<mp, 3, 6>({X[0], X[1], X[2], X[3], X[4], X[5]}), "P53");
            check(zd::xkln_dd<double, 4, 6>({x[0], x[1], x[2], x[3], x[4], x[5]}),
                  zd::xkln_dd<mp, 4, 6>({X[0], X[1], X[2], X[3], X[4], X[5]}), "P54");
            break;
        }
      }
    }
  }
  MESSAGE("window switches: max error " << w.err << " at " << w.where);
  CHECK(w.err <= required);
}

TEST_CASE("float and long double instantiate and agree") {
  // float: ~1e-7 relative is all it holds; long double: 64-bit mantissa, tolerance 1e-16.
  for (double m : {0.3, 17.0, 17.0 * (1 + 1e-9), 4.4e3}) {
    const long double ld = z::D0<long double>(1.0L, 2.0L, (long double)m, 9.0L);
    const double dd = z::D0(1.0, 2.0, m, 9.0);
    const float ff = z::D0(1.0f, 2.0f, float(m), 9.0f);
    CHECK(std::abs(double(ld) - dd) <= 1e-14 * std::abs(dd));
    CHECK(std::abs(double(ff) - dd) <= 1e-5 * std::abs(dd));
    const auto lc = z::C<long double>(1.0L, (long double)m, 9.0L, 2.0L);
    const auto mc = z::C(mp(1), mp(m), mp(9), mp(2));
    CHECK(abs(mp(lc.c112.real()) - mc.c112.real()) <= mp(1e-16) * abs(mc.c112.real()));
    CHECK(std::isfinite(dl::penguin_G2p(float(m / 100))));
  }
}

TEST_CASE("dipole and penguin functions around t = 1 and at their series switch") {
  // double: closed forms outside |t-1|/(t+1) <= 0.35, compile-time series inside; the
  // 50-digit reference is the generic divided-difference engine (different algorithm).
  std::mt19937_64 rng(41);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  const double lo = (1 - 0.35) / (1 + 0.35), hi = (1 + 0.35) / (1 - 0.35);
  Worst w[3];
  for (int i = 0; i < n_points; ++i) {
    double t;
    switch (i % 4) {
      case 0: t = 1 + u(rng) * std::pow(10.0, -15 * std::abs(u(rng))); break;  // 1 +- 10^-k
      case 1: t = lo * (1 + 1e-3 * u(rng)); break;                            // lower switch
      case 2: t = hi * (1 + 1e-3 * u(rng)); break;                            // upper switch
      default: t = std::pow(10.0, 12 * u(rng)); break;                         // 1e-12..1e12
    }
    const mp T(t);
    const double d[3] = {dl::dipole_F2(t), dl::dipole_G2(t), dl::penguin_G2p(t)};
    const mp q[3] = {zd::xkln_dd<mp, 3, 5>({mp(1), mp(1), mp(1), T, T}) / 3,
                     zd::xkln_dd<mp, 2, 4>({mp(1), mp(1), T, T}) / 2,
                     zd::xkln_dd<mp, 3, 5>({mp(1), mp(1), mp(1), mp(1), T})};
    char buf[40];
    std::snprintf(buf, sizeof buf, "t=%.17g", t);
    for (int k = 0; k < 3; ++k) w[k].update(rel_err(d[k], q[k], abs(q[k])), buf);
  }
  const char* names[3] = {"dipole_F2", "dipole_G2", "penguin_G2p"};
  for (int k = 0; k < 3; ++k) {
    MESSAGE(std::string(names[k]) << " near 1 / switch: max error " << w[k].err << " at " << w[k].where);
    CHECK(w[k].err <= required);
  }
  // The mp instantiation (generic engine) against the explicit closed forms in 50 digits.
  for (double t : {0.01, 0.3, 3.0, 70.0}) {
    const mp T(t), lt = log(T);
    const mp F2 = (1 - 6 * T + 3 * T * T + 2 * T * T * T - 6 * T * T * lt) / (6 * pow(1 - T, 4));
    const mp G2p = (2 - 9 * T + 18 * T * T - 11 * T * T * T + 6 * T * T * T * lt) / (6 * pow(1 - T, 4));
    CHECK(abs(dl::dipole_F2(T) - F2) <= mp("1e-40") * F2);
    CHECK(abs(dl::penguin_G2p(T) - G2p) <= mp("1e-40") * G2p);
  }
}

namespace {
/// Max relative error, in eps(T), of ln_dd1_sorted<T>(lo, hi) against
/// (ln lo - ln hi)/(lo - hi) in 50 digits (a different formula: two logs, no ratio), on
/// ratios lo/hi at the former log1p/log switch (1/2 +- a few ulp), adjacent and nearly
/// adjacent floats (lo/hi = 1 - k eps), equal nodes, and log-uniform ratios 1e-12..1.
template <class T>
double ln_dd1_worst(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0, 1);
  const T eps = std::numeric_limits<T>::epsilon();
  double worst = 0;
  for (double base : {1e-3, 1.0, 7.7e4, 3.3e9}) {
    const T hi = static_cast<T>(base * (1 + u(rng)));
    std::vector<T> los{hi};
    T x = hi / 2, y = hi / 2;  // both sides of lo = hi/2
    for (int k = 0; k < 8; ++k) {
      los.push_back(x);
      los.push_back(y);
      x = std::nextafter(x, T(0));
      y = std::nextafter(y, hi);
    }
    T z = hi;
    for (int k = 0; k < 8; ++k) los.push_back(z = std::nextafter(z, T(0)));
    for (int k = 1; k <= 64; k *= 2) los.push_back(hi * (1 - k * eps));
    for (int k = 0; k < 200; ++k) los.push_back(hi * static_cast<T>(std::pow(10.0, -12 * u(rng))));
    for (T lo : los) {
      if (!(lo > T(0) && lo <= hi)) continue;
      const mp LO(lo), HI(hi);
      const mp ref = LO == HI ? 1 / LO : (log(LO) - log(HI)) / (LO - HI);
      const T v = zd::ln_dd1_sorted(lo, hi);
      const double e = (abs(mp(v) - ref) / ref).convert_to<double>() / double(eps);
      worst = std::max(worst, e);
    }
  }
  return worst;
}
}  // namespace

TEST_CASE("ln_dd1_sorted: one formula across the former log1p/log switch and near lo = hi") {
  // ln(q)/(hi (q-1)), q = fl(lo/hi): the exact divided difference at nodes (lo(1+d), hi),
  // |d| <= eps/2, sensitivity <= 1, plus the roundings of ln (< 1 ulp), hi (q-1) and the
  // quotient (q - 1 exact for q >= 1/2, else 1/2 ulp): <= ~3 eps; bound 4 eps(T).
  std::mt19937_64 rng(43);
  const double worst[3] = {ln_dd1_worst<float>(rng), ln_dd1_worst<double>(rng),
                           ln_dd1_worst<long double>(rng)};
  MESSAGE("ln_dd1_sorted max error in eps(T): float " << worst[0] << ", double " << worst[1]
                                                      << ", long double " << worst[2]);
  for (double e : worst) CHECK(e <= 4);
}
