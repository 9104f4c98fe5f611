// SPDX-License-Identifier: MIT
// Parallel evaluation of a pure function over a list of points (grids, random or
// Latin-hypercube samples from sampling.hpp) with std::thread, and CSV output that gnuplot
// and matplotlib/numpy read directly. The function must be safe to call concurrently (no
// shared mutable state): each result slot is written by exactly one thread; work is handed
// out through one atomic counter. A progress line goes to stderr for scans longer than ~1 s.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <iomanip>
#include <limits>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "darkloops/fit/sampling.hpp"

namespace darkloops::fit {

struct ScanOptions {
  unsigned threads = 0;          ///< 0: std::thread::hardware_concurrency()
  bool progress = true;          ///< progress line on stderr once the scan has run > 1 s
  std::string label = "scan";    ///< shown in the progress line
  std::size_t chunk = 16;        ///< points handed out per grab of the counter
};

inline unsigned resolve_threads(unsigned requested) noexcept {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw > 0 ? hw : 1;
}

/// results[i] = f(points[i]); F: R(const std::vector<double>&), R default-constructible.
/// The first exception thrown by f is rethrown after all threads have stopped.
template <class F>
auto scan(const std::vector<std::vector<double>>& points, const F& f, const ScanOptions& o = {})
    -> std::vector<std::decay_t<std::invoke_result_t<const F&, const std::vector<double>&>>> {
  using R = std::decay_t<std::invoke_result_t<const F&, const std::vector<double>&>>;
  const std::size_t n = points.size();
  std::vector<R> out(n);
  if (n == 0) return out;
  const unsigned nt = std::min<std::size_t>(resolve_threads(o.threads), n);
  const std::size_t chunk = std::max<std::size_t>(o.chunk, 1);
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;

  auto worker = [&]() {
    for (;;) {
      if (failed.load(std::memory_order_relaxed)) return;
      const std::size_t begin = next.fetch_add(chunk, std::memory_order_relaxed);
      if (begin >= n) return;
      const std::size_t end = std::min(n, begin + chunk);
      try {
        for (std::size_t i = begin; i < end; ++i) out[i] = f(points[i]);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        failed.store(true);
        return;
      }
      done.fetch_add(end - begin, std::memory_order_relaxed);
    }
  };

  std::mutex m;
  std::condition_variable cv;
  bool finished = false;
  std::thread monitor;
  const auto t0 = std::chrono::steady_clock::now();
  if (o.progress) {
    monitor = std::thread([&]() {
      std::unique_lock<std::mutex> lock(m);
      bool printed = false;
      while (!cv.wait_for(lock, std::chrono::milliseconds(250), [&] { return finished; })) {
        const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (t < 1.0) continue;
        const std::size_t k = done.load(std::memory_order_relaxed);
        const double eta = k > 0 ? t * static_cast<double>(n - k) / static_cast<double>(k) : 0.0;
        std::fprintf(stderr, "\r%s: %zu/%zu points (%3.0f%%), %u threads, %.1f s, ~%.0f s left   ",
                     o.label.c_str(), k, n, 100.0 * static_cast<double>(k) / static_cast<double>(n),
                     nt, t, eta);
        printed = true;
      }
      if (printed) {
        const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::fprintf(stderr, "\r%s: %zu points, %u threads, %.1f s%40s\n", o.label.c_str(), n, nt, t, "");
      }
    });
  }
  {
    std::vector<std::thread> pool;
    pool.reserve(nt > 0 ? nt - 1 : 0);
    for (unsigned t = 1; t < nt; ++t) pool.emplace_back(worker);
    worker();  // the calling thread works too
    for (auto& th : pool) th.join();
  }
  if (monitor.joinable()) {
    {
      std::lock_guard<std::mutex> lock(m);
      finished = true;
    }
    cv.notify_all();
    monitor.join();
  }
  if (error) std::rethrow_exception(error);
  return out;
}

/// Write a table as CSV: one header line of column names, then one line per row, full
/// precision. `block` > 0 inserts an empty line every `block` rows (gnuplot reads a grid
/// written this way as a surface; numpy.loadtxt and pandas skip empty lines).
inline void write_csv(std::ostream& os, const std::vector<std::string>& columns,
                      const std::vector<std::vector<double>>& rows, std::size_t block = 0) {
  for (std::size_t c = 0; c < columns.size(); ++c) os << (c ? "," : "") << columns[c];
  os << '\n';
  const auto old_precision = os.precision(10);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (block > 0 && r > 0 && r % block == 0) os << '\n';
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      os << (c ? "," : "");
      const double v = rows[r][c];
      if (std::isnan(v)) os << "nan";
      else if (std::isinf(v)) os << (v > 0 ? "inf" : "-inf");
      else os << v;
    }
    os << '\n';
  }
  os.precision(old_precision);
}

}  // namespace darkloops::fit
