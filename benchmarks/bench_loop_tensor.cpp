// SPDX-License-Identifier: MIT
// Google Benchmark of the tensor-coefficient sets C(...) and D(...) (loop/c.hpp, loop/d.hpp).
// Arguments prepared outside the timed loop: masses^2 log-uniform in 10..1e4 GeV^2, momenta^2
// log-uniform in 10..1e5 GeV^2 (issue 3); baseline: one std::log on the same inputs.
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <complex>
#include <random>
#include <vector>

#include "darkloops/loop/c.hpp"
#include "darkloops/loop/d.hpp"

namespace {

constexpr std::size_t n_points = 256;  // > L1 reuse of a single point, < cache-thrashing sizes

template <class T>
std::vector<T> log_uniform(std::size_t n, double lo, double hi, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(std::log(lo), std::log(hi));
  std::vector<T> v(n);
  for (auto& x : v) x = T(std::exp(u(rng)));
  return v;
}

template <class T>
struct Args {
  std::vector<T> m = log_uniform<T>(4 * n_points, 10, 1e4, 1);
  std::vector<T> p = log_uniform<T>(6 * n_points, 10, 1e5, 2);
};

template <class T>
void BM_log_baseline(benchmark::State& state) {
  const Args<T> a;
  std::size_t i = 0;
  for (auto _ : state) {
    using std::log;
    benchmark::DoNotOptimize(log(a.m[i % a.m.size()]));
    ++i;
  }
}

template <class T>
void BM_C_general(benchmark::State& state) {
  const Args<T> a;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % n_points;
    benchmark::DoNotOptimize(darkloops::loop::C(a.p[3 * k], a.p[3 * k + 1], a.p[3 * k + 2],
                                                a.m[3 * k], a.m[3 * k + 1], a.m[3 * k + 2]));
    ++i;
  }
}

// For the cost breakdown: the scalar C0 alone (loop/c0.hpp) and the PV reduction without the
// stable branch (detail::c_pv), on the same points.
template <class T>
void BM_C0_scalar(benchmark::State& state) {
  const Args<T> a;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % n_points;
    benchmark::DoNotOptimize(darkloops::loop::C0(a.p[3 * k], a.p[3 * k + 1], a.p[3 * k + 2],
                                                 a.m[3 * k], a.m[3 * k + 1], a.m[3 * k + 2]));
    ++i;
  }
}

template <class T>
void BM_C_pv_only(benchmark::State& state) {
  const Args<T> a;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % n_points;
    benchmark::DoNotOptimize(darkloops::loop::detail::c_pv<T>(
        {a.p[3 * k], a.p[3 * k + 1], a.p[3 * k + 2]}, {a.m[3 * k], a.m[3 * k + 1], a.m[3 * k + 2]},
        T(1), 3));
    ++i;
  }
}

template <class T>
void BM_D0_scalar(benchmark::State& state) {
  const Args<T> a;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % n_points;
    benchmark::DoNotOptimize(darkloops::loop::D0(
        a.p[6 * k], a.p[6 * k + 1], a.p[6 * k + 2], a.p[6 * k + 3], a.p[6 * k + 4], -a.p[6 * k + 5],
        a.m[4 * k], a.m[4 * k + 1], a.m[4 * k + 2], a.m[4 * k + 3]));
    ++i;
  }
}

template <class T>
void BM_C_zero_momenta(benchmark::State& state) {
  const Args<T> a;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % n_points;
    benchmark::DoNotOptimize(
        darkloops::loop::C(T(0), T(0), T(0), a.m[3 * k], a.m[3 * k + 1], a.m[3 * k + 2]));
    ++i;
  }
}

// Small Gram determinant: near-collinear spacelike momenta (stable branch).
template <class T>
void BM_C_small_gram(benchmark::State& state) {
  const Args<T> a;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % n_points;
    const T x = T(std::sqrt(double(a.p[3 * k]))), y = T(std::sqrt(double(a.p[3 * k + 1])));
    benchmark::DoNotOptimize(darkloops::loop::C(-x * x, -y * y, -(x + y) * (x + y) * T(1 + 1e-6),
                                                a.m[3 * k], a.m[3 * k + 1], a.m[3 * k + 2]));
    ++i;
  }
}

// Cost breakdown at the same near-collinear points: the scalar C0 alone, and the small-Gram
// expansion alone (detail::c_gram, gram_c.hpp; C0 computed outside the timed loop), i.e. the part
// of C() that does not move with the scalar C0.
template <class T>
std::array<T, 3> small_gram_point(const Args<T>& a, std::size_t k) {
  const T x = T(std::sqrt(double(a.p[3 * k]))), y = T(std::sqrt(double(a.p[3 * k + 1])));
  return {-x * x, -y * y, -(x + y) * (x + y) * T(1 + 1e-6)};
}

template <class T>
void BM_C0_small_gram(benchmark::State& state) {
  const Args<T> a;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % n_points;
    const auto s = small_gram_point(a, k);
    benchmark::DoNotOptimize(
        darkloops::loop::C0(s[0], s[1], s[2], a.m[3 * k], a.m[3 * k + 1], a.m[3 * k + 2]));
    ++i;
  }
}

template <class T>
void BM_C_gram_expansion_only(benchmark::State& state) {
  namespace dt = darkloops::loop::detail;
  const Args<T> a;
  std::vector<dt::Tracked<T>> c0(n_points);
  for (std::size_t k = 0; k < n_points; ++k) {
    const auto s = small_gram_point(a, k);
    c0[k] = dt::input(std::complex<T>(
        darkloops::loop::C0(s[0], s[1], s[2], a.m[3 * k], a.m[3 * k + 1], a.m[3 * k + 2])));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % n_points;
    bool ok = false;
    benchmark::DoNotOptimize(dt::c_gram<T>(small_gram_point(a, k),
                                           {a.m[3 * k], a.m[3 * k + 1], a.m[3 * k + 2]}, T(1),
                                           c0[k], ok));
    benchmark::DoNotOptimize(ok);
    ++i;
  }
}

template <class T>
void BM_D_general(benchmark::State& state) {
  const Args<T> a;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % n_points;
    benchmark::DoNotOptimize(darkloops::loop::D(
        a.p[6 * k], a.p[6 * k + 1], a.p[6 * k + 2], a.p[6 * k + 3], a.p[6 * k + 4], -a.p[6 * k + 5],
        a.m[4 * k], a.m[4 * k + 1], a.m[4 * k + 2], a.m[4 * k + 3]));
    ++i;
  }
}

template <class T>
void BM_D_zero_momenta(benchmark::State& state) {
  const Args<T> a;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % n_points;
    benchmark::DoNotOptimize(darkloops::loop::D(T(0), T(0), T(0), T(0), T(0), T(0), a.m[4 * k],
                                                a.m[4 * k + 1], a.m[4 * k + 2], a.m[4 * k + 3]));
    ++i;
  }
}

}  // namespace

BENCHMARK_TEMPLATE(BM_log_baseline, float);
BENCHMARK_TEMPLATE(BM_log_baseline, double);
BENCHMARK_TEMPLATE(BM_log_baseline, long double);
BENCHMARK_TEMPLATE(BM_C_general, float);
BENCHMARK_TEMPLATE(BM_C_general, double);
BENCHMARK_TEMPLATE(BM_C_general, long double);
BENCHMARK_TEMPLATE(BM_C0_scalar, double);
BENCHMARK_TEMPLATE(BM_C_pv_only, double);
BENCHMARK_TEMPLATE(BM_C_zero_momenta, double);
BENCHMARK_TEMPLATE(BM_C_small_gram, double);
BENCHMARK_TEMPLATE(BM_C0_small_gram, double);
BENCHMARK_TEMPLATE(BM_C_gram_expansion_only, double);
BENCHMARK_TEMPLATE(BM_D_general, float);
BENCHMARK_TEMPLATE(BM_D_general, double);
BENCHMARK_TEMPLATE(BM_D_general, long double);
BENCHMARK_TEMPLATE(BM_D0_scalar, double);
BENCHMARK_TEMPLATE(BM_D_zero_momenta, double);
