// SPDX-License-Identifier: MIT
// Threaded scans (also run under ThreadSanitizer): results equal a serial evaluation for any
// number of threads; exceptions from workers reach the caller; nothing shared is written.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "darkloops/fit/datasets.hpp"
#include "darkloops/fit/sampling.hpp"
#include "darkloops/fit/scan.hpp"

using namespace darkloops::fit;

namespace {
double pure(const std::vector<double>& x) { return std::sin(x[0]) * std::exp(-x[1] * x[1]) + x[0] * x[1]; }
}  // namespace

TEST_CASE("scan: threaded results equal the serial ones, for 1, 2 and 5 threads") {
  const auto pts = grid_points({{{"a", -2, 2}, 37}, {{"b", -1, 1}, 23}});
  std::vector<double> serial;
  for (const auto& p : pts) serial.push_back(pure(p));
  for (unsigned t : {1u, 2u, 5u}) {
    ScanOptions o;
    o.threads = t;
    o.progress = false;
    o.chunk = 7;
    const auto r = scan(pts, pure, o);
    REQUIRE(r.size() == serial.size());
    for (std::size_t i = 0; i < r.size(); ++i) CHECK(r[i] == serial[i]);  // same code, same inputs: bitwise
  }
}

TEST_CASE("scan: vector-valued results and a chi^2 over data-set quantities") {
  const auto chi2 = make_chi2(DataSetId::paper);
  const auto pts = latin_hypercube({{"C9", -1.5, 0.5}, {"amu", 0, 5e-9}}, 200, 11);
  auto f = [&](const std::vector<double>& p) {
    FitQuantities q;
    q.C9mu_V = p[0];
    q.delta_amu = p[1];
    return std::vector<double>{chi2(q), p[0]};
  };
  ScanOptions o;
  o.threads = 2;
  o.progress = false;
  const auto r = scan(pts, f, o);
  for (std::size_t i = 0; i < pts.size(); ++i) {
    CHECK(r[i][1] == pts[i][0]);
    FitQuantities q;
    q.C9mu_V = pts[i][0];
    q.delta_amu = pts[i][1];
    CHECK(r[i][0] == chi2(q));
  }
}

TEST_CASE("scan: the first exception from a worker is rethrown; empty input is fine") {
  const auto pts = grid_points({{{"a", 0, 1}, 101}});
  ScanOptions o;
  o.threads = 2;
  o.progress = false;
  auto bad = [](const std::vector<double>& p) -> double {
    if (p[0] > 0.5) throw std::runtime_error("boom");
    return p[0];
  };
  CHECK_THROWS_WITH_AS(scan(pts, bad, o), "boom", std::runtime_error);
  CHECK(scan(std::vector<std::vector<double>>{}, pure, o).empty());
}

TEST_CASE("scan: with the progress monitor thread running (prints only after 1 s)") {
  // exercises the monitor thread under ThreadSanitizer; the scan is short, so nothing is printed
  const auto pts = grid_points({{{"a", -2, 2}, 60}, {{"b", -1, 1}, 60}});
  ScanOptions o;
  o.threads = 2;
  o.progress = true;
  const auto r = scan(pts, pure, o);
  for (std::size_t i = 0; i < pts.size(); ++i) CHECK(r[i] == pure(pts[i]));
}
