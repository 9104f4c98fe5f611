// SPDX-License-Identifier: MIT
// Scalar loop functions in general kinematics: li2 (real x uniform in [-10, 10], complex z
// uniform in the square |Re z|, |Im z| <= 3), A0, B0 (p2 = 0 and p2 != 0), C0 general and
// C0 at zero momenta (through the general entry point), against one std::log on the same
// inputs. Arguments are prepared outside the timed loop: masses^2 log-uniform in 10..1e4 GeV^2,
// momenta^2 log-uniform in 10..1e5 GeV^2; 1024 points cycled. Results: docs/performance.md.
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <limits>
#include <complex>
#include <random>
#include <type_traits>
#include <vector>

#include "darkloops/loop/b.hpp"
#include "darkloops/loop/c0.hpp"
#include "darkloops/loop/dilog.hpp"

namespace dl = darkloops::loop;

namespace {

constexpr std::size_t npts = 1024;

template <class T>
struct Inputs {
  std::vector<T> m1, m2, m3, p1, p2, p3;
  Inputs() {
    std::mt19937_64 g(42);
    std::uniform_real_distribution<double> um(1, 4);  // log10 of masses^2
    std::uniform_real_distribution<double> up(1, 5);  // log10 of momenta^2
    for (std::size_t i = 0; i < npts; ++i) {
      m1.push_back(T(std::pow(10.0, um(g))));
      m2.push_back(T(std::pow(10.0, um(g))));
      m3.push_back(T(std::pow(10.0, um(g))));
      p1.push_back(T(std::pow(10.0, up(g))));
      p2.push_back(T(std::pow(10.0, up(g))));
      p3.push_back(T(std::pow(10.0, up(g))));
    }
  }
};

template <class T>
struct Li2Inputs {
  std::vector<T> x;
  std::vector<std::complex<T>> z;
  Li2Inputs() {
    std::mt19937_64 g(7);
    std::uniform_real_distribution<double> ux(-10, 10);
    std::uniform_real_distribution<double> uz(-3, 3);
    for (std::size_t i = 0; i < npts; ++i) {
      x.push_back(T(ux(g)));
      z.emplace_back(T(uz(g)), T(uz(g)));
    }
  }
};

template <class T>
const Li2Inputs<T>& li2_inputs() {
  static const Li2Inputs<T> in;
  return in;
}

template <class T>
void bm_li2_real(benchmark::State& st) {
  const auto& in = li2_inputs<T>();
  std::size_t i = 0;
  for (auto _ : st) {
    benchmark::DoNotOptimize(dl::li2(in.x[i]));
    i = (i + 1) & (npts - 1);
  }
}

template <class T>
void bm_li2_complex(benchmark::State& st) {
  const auto& in = li2_inputs<T>();
  std::size_t i = 0;
  for (auto _ : st) {
    benchmark::DoNotOptimize(dl::li2(in.z[i]));
    i = (i + 1) & (npts - 1);
  }
}

// glibc's complex log on the same complex inputs (the former li2 hot spot)
template <class T>
void bm_clog(benchmark::State& st) {
  const auto& in = li2_inputs<T>();
  std::size_t i = 0;
  for (auto _ : st) {
    benchmark::DoNotOptimize(std::log(in.z[i]));
    i = (i + 1) & (npts - 1);
  }
}

template <class T>
const Inputs<T>& inputs() {
  static const Inputs<T> in;
  return in;
}

template <class T>
void bm_log(benchmark::State& st) {
  const auto& in = inputs<T>();
  std::size_t i = 0;
  for (auto _ : st) {
    benchmark::DoNotOptimize(std::log(in.m1[i]));
    i = (i + 1) & (npts - 1);
  }
}

template <class T>
void bm_A0(benchmark::State& st) {
  const auto& in = inputs<T>();
  std::size_t i = 0;
  for (auto _ : st) {
    benchmark::DoNotOptimize(dl::A0(in.m1[i]));
    i = (i + 1) & (npts - 1);
  }
}

template <class T>
void bm_B0_p0(benchmark::State& st) {
  const auto& in = inputs<T>();
  std::size_t i = 0;
  for (auto _ : st) {
    benchmark::DoNotOptimize(dl::B0(T(0), in.m1[i], in.m2[i]));
    i = (i + 1) & (npts - 1);
  }
}

template <class T>
void bm_B0(benchmark::State& st) {
  const auto& in = inputs<T>();
  std::size_t i = 0;
  for (auto _ : st) {
    benchmark::DoNotOptimize(dl::B0(in.p1[i], in.m1[i], in.m2[i]));
    i = (i + 1) & (npts - 1);
  }
}

// Path a general C0 call takes (c0.hpp): 0 = one-pole form (12 Li2), 1 = apex decomposition
// (24 Li2), 2 = quadrature fallback. float C0 is evaluated in double: so are its paths.
template <class T>
int c0_path(const T& p1_in, const T& p2_in, const T& p3_in, const std::array<T, 3>& m_in) {
  using E = std::conditional_t<std::is_same_v<T, float>, double, T>;
  const E p1 = p1_in;
  const E p2 = p2_in;
  const E p3 = p3_in;
  const std::array<E, 3> m{m_in[0], m_in[1], m_in[2]};
  const E lam = dl::detail::kallen(p1, p2, p3);
  const E ps = std::abs(p1) + std::abs(p2) + std::abs(p3);
  const auto ed = dl::detail::c0_edges<E>(p1, p2, p3, m, lam);
  const int j = ed.cond[1] < ed.cond[0] ? 1 : 0;
  E mag = E(0);
  const auto sum = dl::detail::c0_edge_sum(ed, j, &mag);
  if (dl::detail::c0_one_pole_ok(dl::detail::c0_one_pole(sum, mag, ed.sqlam, j), ed.cond[j], lam,
                                 ps))
    return 0;
  const auto r = dl::detail::c0_apex<E>(p1, p2, p3, m, lam);
  return dl::detail::c0_euclidean(p1, p2, p3, m) && dl::detail::c0_needs_quadrature(r, lam, ps)
             ? 2
             : 1;
}

template <class T>
void bm_C0(benchmark::State& st) {
  const auto& in = inputs<T>();
  std::size_t n_one_pole = 0;
  for (std::size_t k = 0; k < npts; ++k)
    n_one_pole += c0_path<T>(in.p1[k], in.p2[k], in.p3[k], {in.m1[k], in.m2[k], in.m3[k]}) == 0;
  st.counters["one_pole"] = double(n_one_pole) / double(npts);
  std::size_t i = 0;
  for (auto _ : st) {
    benchmark::DoNotOptimize(dl::C0(in.p1[i], in.p2[i], in.p3[i], in.m1[i], in.m2[i], in.m3[i]));
    i = (i + 1) & (npts - 1);
  }
}

// Same distribution restricted to the points that take an analytic path (one-pole or apex),
// i.e. not the quadrature fallback (which dominates the mean above when it is hit).
template <class T>
void bm_C0_analytic(benchmark::State& st) {
  const auto& in = inputs<T>();
  std::vector<std::size_t> idx;
  for (std::size_t k = 0; k < npts; ++k)
    if (c0_path<T>(in.p1[k], in.p2[k], in.p3[k], {in.m1[k], in.m2[k], in.m3[k]}) != 2)
      idx.push_back(k);
  st.counters["fraction"] = double(idx.size()) / double(npts);
  std::size_t i = 0;
  for (auto _ : st) {
    const std::size_t k = idx[i];
    benchmark::DoNotOptimize(dl::C0(in.p1[k], in.p2[k], in.p3[k], in.m1[k], in.m2[k], in.m3[k]));
    i = (i + 1 == idx.size()) ? 0 : i + 1;
  }
}

template <class T>
void bm_C0_p0(benchmark::State& st) {
  const auto& in = inputs<T>();
  std::size_t i = 0;
  for (auto _ : st) {
    benchmark::DoNotOptimize(dl::C0(T(0), T(0), T(0), in.m1[i], in.m2[i], in.m3[i]));
    i = (i + 1) & (npts - 1);
  }
}

}  // namespace

BENCHMARK_TEMPLATE(bm_log, float);
BENCHMARK_TEMPLATE(bm_log, double);
BENCHMARK_TEMPLATE(bm_log, long double);
BENCHMARK_TEMPLATE(bm_clog, float);
BENCHMARK_TEMPLATE(bm_clog, double);
BENCHMARK_TEMPLATE(bm_clog, long double);
BENCHMARK_TEMPLATE(bm_li2_real, float);
BENCHMARK_TEMPLATE(bm_li2_real, double);
BENCHMARK_TEMPLATE(bm_li2_real, long double);
BENCHMARK_TEMPLATE(bm_li2_complex, float);
BENCHMARK_TEMPLATE(bm_li2_complex, double);
BENCHMARK_TEMPLATE(bm_li2_complex, long double);
BENCHMARK_TEMPLATE(bm_A0, float);
BENCHMARK_TEMPLATE(bm_A0, double);
BENCHMARK_TEMPLATE(bm_A0, long double);
BENCHMARK_TEMPLATE(bm_B0_p0, float);
BENCHMARK_TEMPLATE(bm_B0_p0, double);
BENCHMARK_TEMPLATE(bm_B0_p0, long double);
BENCHMARK_TEMPLATE(bm_B0, float);
BENCHMARK_TEMPLATE(bm_B0, double);
BENCHMARK_TEMPLATE(bm_B0, long double);
BENCHMARK_TEMPLATE(bm_C0, float);
BENCHMARK_TEMPLATE(bm_C0, double);
BENCHMARK_TEMPLATE(bm_C0, long double);
BENCHMARK_TEMPLATE(bm_C0_analytic, float);
BENCHMARK_TEMPLATE(bm_C0_analytic, double);
BENCHMARK_TEMPLATE(bm_C0_analytic, long double);
BENCHMARK_TEMPLATE(bm_C0_p0, float);
BENCHMARK_TEMPLATE(bm_C0_p0, double);
BENCHMARK_TEMPLATE(bm_C0_p0, long double);
