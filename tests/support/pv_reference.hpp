// SPDX-License-Identifier: MIT
// Reader of tests/data/pv_reference.csv (external LoopTools/QCDLoop/COLLIER reference values),
// shared by the loop-function tests. Columns: func,a1..a10,re,im,agree,anchors,outliers;
// lines starting with '#' are comments, the first other line is the header.
#pragma once

#include <doctest/doctest.h>

#include <array>
#include <complex>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace darkloops::test {

struct PvReferenceRow {
  std::string func;            // A0, B0, ..., C0, C1, ..., D0, D00, ...
  std::array<double, 10> a{};  // arguments in LoopTools order; empty cells are 0 ...
  std::array<bool, 10> set{};  // ... and marked false here
  std::complex<double> value;  // reference value (re, im)
  std::string outliers;        // tools that disagree with the consensus, if any
};

/// All data rows of pv_reference.csv; the file must exist (REQUIRE).
inline std::vector<PvReferenceRow> read_pv_reference() {
  std::ifstream in(std::string(DARKLOOPS_TEST_DATA_DIR) + "/pv_reference.csv");
  REQUIRE(in.good());
  std::vector<PvReferenceRow> rows;
  std::string line;
  bool header = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) f.push_back(cell);
    while (f.size() < 16) f.emplace_back();
    PvReferenceRow r;
    r.func = f[0];
    for (int i = 0; i < 10; ++i) {
      if (!f[1 + i].empty()) {
        r.a[i] = std::stod(f[1 + i]);
        r.set[i] = true;
      }
    }
    r.value = {std::stod(f[11]), std::stod(f[12])};
    r.outliers = f[15];
    rows.push_back(r);
  }
  REQUIRE(!rows.empty());
  return rows;
}

/// The rows of one function (e.g. "D0").
inline std::vector<PvReferenceRow> read_pv_reference(const std::string& func) {
  std::vector<PvReferenceRow> rows;
  for (auto& r : read_pv_reference()) {
    if (r.func == func) rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace darkloops::test
