// SPDX-License-Identifier: MIT
// Model construction from several threads (also run under ThreadSanitizer): a Model is an
// immutable value, the only shared state is the once-initialised CKM matrix in compute_couplings.
#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include "darkloops/model/model.hpp"
#include "darkloops/model/presets.hpp"

using namespace darkloops;

TEST_CASE("Model: concurrent construction gives the serial results") {
  constexpr int n_threads = 4, per_thread = 25;
  auto point = [](int i) { return presets::paper_benchmark(0.1 + 0.01 * i, -0.9 + 0.018 * i); };
  std::vector<Matrix3c> cL(n_threads * per_thread), mnu(n_threads * per_thread);
  std::vector<std::thread> threads;
  for (int t = 0; t < n_threads; ++t)
    threads.emplace_back([&, t] {
      for (int j = 0; j < per_thread; ++j) {
        const int i = t * per_thread + j;
        const Model m(point(i));
        cL[i] = m.couplings().cL;
        mnu[i] = m.neutrino_mass_matrix();
      }
    });
  for (auto& th : threads) th.join();
  for (int i = 0; i < n_threads * per_thread; ++i) {
    const Model m(point(i));
    CHECK(m.couplings().cL == cL[i]);  // bitwise: same code, same inputs
    CHECK(m.neutrino_mass_matrix() == mnu[i]);
  }
}
