// SPDX-License-Identifier: MIT
// Lepton observables umbrella, and a one-pass evaluation of all of them on a model
// (the loop functions of the shared dipoles/penguins/boxes are computed once).
#pragma once

#include "darkloops/inputs/leptons.hpp"
#include "darkloops/observables/g_minus_2.hpp"
#include "darkloops/observables/lepton_amplitudes.hpp"
#include "darkloops/observables/lepton_sector.hpp"
#include "darkloops/observables/lfv_radiative.hpp"
#include "darkloops/observables/lfv_three_body.hpp"
#include "darkloops/observables/mu_e_conversion.hpp"
#include "darkloops/observables/neutrino_observables.hpp"

namespace darkloops {

/// Every lepton observable of one model point (new physics only; BRs and rates absolute).
struct LeptonPredictions {
  double delta_ae = 0.0, delta_amu = 0.0, delta_atau = 0.0;
  double delta_amu_chiral = 0.0;  ///< the M_N/m_mu-enhanced part of delta_amu
  double BR_mu_e_gamma = 0.0, BR_tau_e_gamma = 0.0, BR_tau_mu_gamma = 0.0;
  double BR_mu_3e = 0.0, BR_tau_3e = 0.0, BR_tau_3mu = 0.0;
  double BR_tau_e_mumu = 0.0, BR_tau_mu_ee = 0.0;  ///< tau- -> e- mu+ mu-, tau- -> mu- e+ e-
  double BR_tau_ee_mu = 0.0, BR_tau_mumu_e = 0.0;  ///< tau- -> e- e- mu+, tau- -> mu- mu- e+ (boxes only)
  double CR_mu_e_Al = 0.0, CR_mu_e_Ti = 0.0, CR_mu_e_Au = 0.0;
  LeptonDipoles dipoles;          ///< A_L, A_R (beta, alpha) [GeV^-2]
  LeptonPenguins penguins;        ///< photon non-dipole and Z form factors (beta, alpha)
  NeutrinoObservables neutrino;   ///< masses, splittings, angles, phases, m_bb, sum
};

/// All lepton observables of a model in one pass.
inline LeptonPredictions predict_leptons(const Model& m) {
  const LeptonSector s = lepton_sector(m);
  const auto T = detail::leptons::loop_table(s);  // every loop function, once
  // dipole, penguin and neutrino members built in place (no zero-filled matrices copied over)
  LeptonPredictions r{.dipoles = lepton_dipoles(s, T), .penguins = lepton_penguins(s, T), .neutrino = m.neutrino()};
  const auto& d = r.dipoles;
  r.delta_ae = delta_a(d, s, 0);
  r.delta_amu = delta_a(d, s, 1);
  r.delta_atau = delta_a(d, s, 2);
  r.delta_amu_chiral = delta_a_chiral(d, s, 1);
  r.BR_mu_e_gamma = br_radiative(d, s, 0, 1);
  r.BR_tau_e_gamma = br_radiative(d, s, 0, 2);
  r.BR_tau_mu_gamma = br_radiative(d, s, 1, 2);
  const auto& p = r.penguins;
  const auto& B = T.box;
  r.BR_mu_3e = br_three_body(s, d, p, 0, 1, B);
  r.BR_tau_3e = br_three_body(s, d, p, 0, 2, B);
  r.BR_tau_3mu = br_three_body(s, d, p, 1, 2, B);
  const auto tm = tau_mixed_modes(s, d, p, B);  // one shared table for the four modes
  r.BR_tau_e_mumu = tm.e_mumu;
  r.BR_tau_mu_ee = tm.mu_ee;
  r.BR_tau_ee_mu = tm.ee_mu;
  r.BR_tau_mumu_e = tm.mumu_e;
  // leptoquark quark boxes (zero cost when Y_S = 0); nucleus-independent couplings once
  const auto cr = mu_e_conversion_couplings(d, p, mu_e_quark_boxes(m, s, T));
  r.CR_mu_e_Al = cr_mu_e(cr, inputs::leptons::aluminium);
  r.CR_mu_e_Ti = cr_mu_e(cr, inputs::leptons::titanium);
  r.CR_mu_e_Au = cr_mu_e(cr, inputs::leptons::gold);
  return r;
}

}  // namespace darkloops
