// SPDX-License-Identifier: MIT
// paper_fit — the main job: reproduce the chi^2 fit of Cepedello, Escribano, Vicente,
// PRD 107 (2023) 035034 ([P], Sec. IV, eqs. (9)-(12), Fig. 2) and redo it with today's data.
//
//   paper_fit                        fit (Y_S)2(Y_S)3 and sin(theta), print a table
//   paper_fit --json                 the same as one JSON object
//   paper_fit --data current         2023-2025 inputs instead of the paper's
//   paper_fit --constraints smooth   constraints as chi^2 terms instead of hard cuts
//   paper_fit --set NAME=VALUE ...   change any model parameter (see --list-parameters)
//   paper_fit --point                no fit: evaluate everything at the given parameters
//   paper_fit --figure DIR           CSV + PNG (gnuplot) of both panels of [P] Fig. 2
// Run ./paper_fit --help for every option. Exit status: 0 ok, 2 bad usage or input, 3 physics
// not available in this build, 4 a run-time problem (no allowed point, gnuplot failed).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "darkloops/core/error.hpp"
#include "darkloops/fit/chi2.hpp"
#include "darkloops/fit/datasets.hpp"
#include "darkloops/fit/minimize.hpp"
#include "darkloops/fit/scan.hpp"
#include "darkloops/inputs/measurements.hpp"
#include "darkloops/io/json.hpp"
#include "paper_fit/figure.hpp"

#if __has_include("darkloops/fit/paper.hpp") && __has_include("darkloops/observables/bsll.hpp") && \
    __has_include("darkloops/observables/leptons.hpp")
#define PAPER_FIT_HAVE_PHYSICS 1
#include "paper_fit/physics.hpp"
#else
#define PAPER_FIT_HAVE_PHYSICS 0
#endif

namespace {

namespace fit = darkloops::fit;
namespace M = darkloops::inputs::measurements;
using darkloops::invalid_input;

struct Options {
  bool json = false;
  bool point = false;
  bool list_parameters = false;
  fit::DataSetId data = fit::DataSetId::paper;
  fit::ConstraintMode constraints = fit::ConstraintMode::hard_cut;
  std::vector<std::pair<std::string, double>> sets;
  std::optional<std::string> figure_dir;
  std::size_t grid = 200;
  unsigned threads = 0;
  std::size_t starts = 8;
};

void usage(std::ostream& os) {
  os << "usage: paper_fit [options]\n"
        "  --json                 print one JSON object instead of the table\n"
        "  --data paper|current   data set (default paper: [P] eqs. (2), (9))\n"
        "  --constraints hard|smooth  constraints as exclusions ([P], default) or chi^2 terms\n"
        "  --set NAME=VALUE       set a model parameter (repeatable); setting a Y_N_* entry replaces\n"
        "                         Casas-Ibarra by the current Y_N matrix with that entry changed\n"
        "  --list-parameters      list parameter names with units and exit\n"
        "  --point                evaluate at the given parameters (no fit): all observables, spectrum, neutrinos\n"
        "  --figure DIR           write CSV data and PNGs (gnuplot) of both panels of [P] Fig. 2 into DIR\n"
        "  --grid N               figure grid N x N (default 200)\n"
        "  --threads N            threads for the figure scan (default: all cores)\n"
        "  --starts N             minimiser starting points (default 8)\n"
        "  --help                 this text\n";
}

double parse_number(const std::string& what, const std::string& text) {
  std::size_t used = 0;
  double v = 0.0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    throw invalid_input(what, text, "not a number");
  }
  if (used != text.size()) throw invalid_input(what, text, "not a number");
  if (!std::isfinite(v)) throw invalid_input(what, text, "must be finite");
  return v;
}

Options parse(int argc, char** argv) {
  Options o;
  auto need = [&](int& i, const std::string& flag) -> std::string {
    if (i + 1 >= argc) throw invalid_input(flag, "(missing)", "needs a value");
    return argv[++i];
  };
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--json") o.json = true;
    else if (a == "--point") o.point = true;
    else if (a == "--list-parameters") o.list_parameters = true;
    else if (a == "--help" || a == "-h") { usage(std::cout); std::exit(0); }
    else if (a == "--data") o.data = fit::parse_data_set(need(i, a));
    else if (a == "--constraints") {
      const std::string v = need(i, a);
      if (v == "hard") o.constraints = fit::ConstraintMode::hard_cut;
      else if (v == "smooth") o.constraints = fit::ConstraintMode::smooth;
      else throw invalid_input("--constraints", v, "must be 'hard' or 'smooth'");
    } else if (a == "--set") {
      const std::string v = need(i, a);
      const auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0) throw invalid_input("--set", v, "expected NAME=VALUE");
      const std::string name = v.substr(0, eq);
      o.sets.emplace_back(name, parse_number(name, v.substr(eq + 1)));
    } else if (a == "--figure") o.figure_dir = need(i, a);
    else if (a == "--grid") {
      const double g = parse_number("--grid", need(i, a));
      if (g < 5 || g > 2000 || g != std::floor(g)) throw invalid_input("--grid", g, "must be an integer in [5, 2000]");
      o.grid = static_cast<std::size_t>(g);
    } else if (a == "--threads") {
      const double t = parse_number("--threads", need(i, a));
      if (t < 0 || t > 256 || t != std::floor(t)) throw invalid_input("--threads", t, "must be an integer in [0, 256]");
      o.threads = static_cast<unsigned>(t);
    } else if (a == "--starts") {
      const double t = parse_number("--starts", need(i, a));
      if (t < 1 || t > 1000 || t != std::floor(t)) throw invalid_input("--starts", t, "must be an integer in [1, 1000]");
      o.starts = static_cast<std::size_t>(t);
    } else throw invalid_input("option", a, "unknown (see --help)");
  }
  return o;
}

}  // namespace

#if !PAPER_FIT_HAVE_PHYSICS
int main(int argc, char** argv) {
  try {
    (void)parse(argc, argv);
  } catch (const darkloops::error& e) {
    std::cerr << "paper_fit: " << e.what() << '\n';
    return 2;
  }
  std::cerr << "paper_fit: this build has the fit layer but not yet the model and the b->s and lepton\n"
               "observables it needs (darkloops/fit/paper.hpp, observables/bsll.hpp, observables/leptons.hpp).\n";
  return 3;
}
#else
#include "paper_fit/main.hpp"
#endif
