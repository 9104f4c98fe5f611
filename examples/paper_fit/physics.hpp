// SPDX-License-Identifier: MIT
// paper_fit helper: everything the library computes at one model point (for --point and the
// table), and the window of the Fig. 2 panels.
#pragma once

#include <complex>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "darkloops/fit/paper.hpp"
#include "darkloops/io/json.hpp"
#include "darkloops/model/dark_matter.hpp"
#include "darkloops/model/model.hpp"
#include "darkloops/model/presets.hpp"
#include "darkloops/observables/bsll.hpp"
#include "darkloops/observables/leptons.hpp"

namespace paper_fit {

using Named = std::vector<std::pair<std::string, double>>;

struct Everything {
  darkloops::fit::FitQuantities q;
  Named bs;       ///< every b->s observable (real and imaginary parts of Wilson coefficients)
  Named leptons;  ///< every lepton observable
};

inline Everything evaluate_everything(const darkloops::Model& m) {
  using namespace darkloops;
  Everything e;
  e.q = fit::fit_quantities(m);
  const auto bs = bsll::predict_bs(m);
  static const char* fl[3] = {"ee", "mumu", "tautau"};
  auto cplx_entry = [&](Named& out, const std::string& name, cplx z) {
    out.emplace_back("Re_" + name, z.real());
    out.emplace_back("Im_" + name, z.imag());
  };
  for (int l = 0; l < 3; ++l) {
    const std::string f = fl[l];
    cplx_entry(e.bs, "C9_bs" + f, bs.wc[static_cast<std::size_t>(l)].C9);
    cplx_entry(e.bs, "C10_bs" + f, bs.wc[static_cast<std::size_t>(l)].C10);
    cplx_entry(e.bs, "C9p_bs" + f, bs.wc[static_cast<std::size_t>(l)].C9p);
    cplx_entry(e.bs, "C10p_bs" + f, bs.wc[static_cast<std::size_t>(l)].C10p);
    cplx_entry(e.bs, "C9_box_bs" + f, bs.wc_box[static_cast<std::size_t>(l)].C9);
    cplx_entry(e.bs, "C10_box_bs" + f, bs.wc_box[static_cast<std::size_t>(l)].C10);
  }
  cplx_entry(e.bs, "C9_gamma_bsll", bs.C9_gamma);
  cplx_entry(e.bs, "C7_bs_muN", bs.dipoles.C7);
  cplx_entry(e.bs, "C8_bs_muN", bs.dipoles.C8);
  cplx_entry(e.bs, "C7p_bs_muN", bs.dipoles.C7p);
  cplx_entry(e.bs, "C8p_bs_muN", bs.dipoles.C8p);
  cplx_entry(e.bs, "C7_bs_mu0", bs.dipoles_mu0.C7);
  cplx_entry(e.bs, "C8_bs_mu0", bs.dipoles_mu0.C8);
  e.bs.emplace_back("BR_B_Xs_gamma", bs.BR_bsgamma);
  static const char* nu[3] = {"e", "mu", "tau"};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) cplx_entry(e.bs, std::string("C_L_nu") + nu[i] + "nu" + nu[j], bs.C_L(i, j));
  e.bs.emplace_back("R_K_nunu", bs.R_K_nunu);
  e.bs.emplace_back("R_Kstar_nunu", bs.R_Kstar_nunu);
  cplx_entry(e.bs, "C1_Bs_GeVm2", bs.C1_Bs);
  e.bs.emplace_back("DeltaMs_ratio", bs.DeltaMs_ratio);
  e.bs.emplace_back("C9mu_V", bs.fit.C9mu_V);
  e.bs.emplace_back("C10mu_V", bs.fit.C10mu_V);
  e.bs.emplace_back("C9_U", bs.fit.C9_U);
  e.bs.emplace_back("C10_U", bs.fit.C10_U);

  const LeptonPredictions lp = predict_leptons(m);
  e.leptons.emplace_back("delta_ae", lp.delta_ae);
  e.leptons.emplace_back("delta_amu", lp.delta_amu);
  e.leptons.emplace_back("delta_atau", lp.delta_atau);
  e.leptons.emplace_back("delta_amu_chiral", lp.delta_amu_chiral);
  e.leptons.emplace_back("BR(mu->egamma)", lp.BR_mu_e_gamma);
  e.leptons.emplace_back("BR(tau->egamma)", lp.BR_tau_e_gamma);
  e.leptons.emplace_back("BR(tau->mugamma)", lp.BR_tau_mu_gamma);
  e.leptons.emplace_back("BR(mu->3e)", lp.BR_mu_3e);
  e.leptons.emplace_back("BR(tau->3e)", lp.BR_tau_3e);
  e.leptons.emplace_back("BR(tau->3mu)", lp.BR_tau_3mu);
  e.leptons.emplace_back("BR(tau->e-mu+mu-)", lp.BR_tau_e_mumu);
  e.leptons.emplace_back("BR(tau->mu-e+e-)", lp.BR_tau_mu_ee);
  e.leptons.emplace_back("BR(tau->e-e-mu+)", lp.BR_tau_ee_mu);
  e.leptons.emplace_back("BR(tau->mu-mu-e+)", lp.BR_tau_mumu_e);
  e.leptons.emplace_back("CR(mu-e, Al)", lp.CR_mu_e_Al);
  e.leptons.emplace_back("CR(mu-e, Ti)", lp.CR_mu_e_Ti);
  e.leptons.emplace_back("CR(mu-e, Au)", lp.CR_mu_e_Au);
  static const char* ln[3] = {"e", "mu", "tau"};
  for (int b = 0; b < 3; ++b)
    for (int a = 0; a < 3; ++a) {
      cplx_entry(e.leptons, std::string("A_L_") + ln[b] + ln[a] + "_GeVm2", lp.dipoles.A_L(b, a));
      cplx_entry(e.leptons, std::string("A_R_") + ln[b] + ln[a] + "_GeVm2", lp.dipoles.A_R(b, a));
    }
  return e;
}

inline void print_named_json(darkloops::io::JsonWriter& w, const char* key, const Named& v) {
  w.begin_object(key);
  for (const auto& [n, x] : v) w.value(n, x);
  w.end_object();
}

inline void print_everything_json(darkloops::io::JsonWriter& w, const darkloops::Model& m, const Everything& e) {
  using namespace darkloops;
  const auto dm = m.dark_matter();
  w.begin_object("dark_matter").value("candidate", dm.name()).value("mass", dm.mass).value("neutral", dm.neutral()).end_object();
  w.begin_object("all_observables");
  print_named_json(w, "b_to_s", e.bs);
  print_named_json(w, "leptons", e.leptons);
  w.end_object();
  const auto& sp = m.spectrum();
  w.begin_object("spectrum").value("M_N", sp.M_N)
      .value("m_H", std::vector<double>{sp.m_H(0), sp.m_H(1), sp.m_H(2)})
      .value("m_R", std::vector<double>{sp.m_R(0), sp.m_R(1)})
      .value("m_I", std::vector<double>{sp.m_I(0), sp.m_I(1)})
      .value("m_S_d", sp.m_S_d).value("m_S_u", sp.m_S_u).end_object();
  const auto n = m.neutrino();
  w.begin_object("neutrinos").value("ordering", n.ordering == Ordering::normal ? "normal" : "inverted")
      .value("masses_eV", std::vector<double>{n.masses_eV(0), n.masses_eV(1), n.masses_eV(2)})
      .value("dm21_sq_eV2", n.dm21_sq_eV2).value("dm31_sq_eV2", n.dm31_sq_eV2)
      .value("sin2_theta12", n.sin2_theta12).value("sin2_theta23", n.sin2_theta23)
      .value("sin2_theta13", n.sin2_theta13).value("delta_cp", n.delta_cp)
      .value("alpha21", n.alpha21).value("alpha31", n.alpha31)
      .value("m_bb_eV", n.m_bb_eV).value("sum_eV", n.sum_eV).end_object();
  w.begin_object("parameters");
  const auto names = Parameters::names();
  const auto v = m.parameters().to_vector();
  for (std::size_t i = 0; i < names.size(); ++i) w.value(names[i], v(static_cast<Eigen::Index>(i)));
  w.end_object();
  w.begin_array("warnings");
  for (const auto& msg : m.warnings().messages) w.element(msg);
  w.end_array();
}

inline void print_everything_table(std::ostream& os, const darkloops::Model& m, const Everything& e) {
  using namespace darkloops;
  auto block = [&](const char* title, const Named& v) {
    os << title << '\n';
    char line[160];
    for (const auto& [n, x] : v) {
      std::snprintf(line, sizeof line, "  %-26s % .6e\n", n.c_str(), x);
      os << line;
    }
  };
  block("b -> s observables (NP Wilson coefficients at mu = M_N unless _mu0; rates incl. SM):", e.bs);
  block("lepton observables:", e.leptons);
  const auto& sp = m.spectrum();
  char line[256];
  std::snprintf(line, sizeof line,
                "spectrum [GeV]: M_N %.6g; H+ %.6g %.6g %.6g; eta_R %.10g %.10g; eta_I %.10g %.10g; S_d %.6g; S_u %.6g\n",
                sp.M_N, sp.m_H(0), sp.m_H(1), sp.m_H(2), sp.m_R(0), sp.m_R(1), sp.m_I(0), sp.m_I(1), sp.m_S_d, sp.m_S_u);
  os << line;
  const auto n = m.neutrino();
  std::snprintf(line, sizeof line,
                "neutrinos: m = (%.4e, %.4e, %.4e) eV, dm21^2 = %.4e, dm31^2 = %.4e eV^2, s12^2 = %.4f, s23^2 = %.4f,"
                " s13^2 = %.5f, delta = %.4f rad, m_bb = %.3e eV\n",
                n.masses_eV(0), n.masses_eV(1), n.masses_eV(2), n.dm21_sq_eV2, n.dm31_sq_eV2, n.sin2_theta12,
                n.sin2_theta23, n.sin2_theta13, n.delta_cp, n.m_bb_eV);
  os << line;
  const auto dm = m.dark_matter();
  os << "dark matter candidate: " << dm.name() << ", " << dm.mass << " GeV" << (dm.neutral() ? "" : " (NOT neutral)") << '\n';
  if (!m.warnings().empty()) {
    os << "model warnings:\n";
    for (const auto& msg : m.warnings().messages) os << "  - " << msg << '\n';
  }
}

struct Window {
  double s_lo, s_hi, y_lo, y_hi;
};
/// The plotted window of Fig. 2 (left): sin(theta) in [0, 0.5] x (Y_S)2(Y_S)3 in [0, 1.5] around
/// [P]'s best fit, widened to contain ours (best_s, best_y) with a margin.
inline Window figure_window(double best_s, double best_y) {
  Window w{0.0, 0.5, 0.0, 1.5};
  w.s_lo = std::max(-1.0, std::min(w.s_lo, best_s - 0.1));
  w.s_hi = std::min(1.0, std::max(w.s_hi, best_s + 0.1));
  w.y_lo = std::min(w.y_lo, 1.25 * best_y);
  w.y_hi = std::max(w.y_hi, 1.25 * best_y);
  return w;
}
/// (Y_S)2(Y_S)3 values of the dashed contours of Fig. 2 (right): six steps across the window.
inline std::vector<double> figure_ys_contours(const Window& w) {
  std::vector<double> v;
  for (int i = 1; i <= 6; ++i) v.push_back(w.y_lo + (w.y_hi - w.y_lo) * i / 6.0);
  return v;
}

}  // namespace paper_fit
