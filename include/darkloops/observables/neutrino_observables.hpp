// SPDX-License-Identifier: MIT
// Neutrino observables of a model point as functors for chi^2 terms: masses, splittings,
// mixing angles, delta_CP, m_bb, sum m_nu. Built on the model's one-loop m_nu = Y_N Σ Y_N^T and
// its Takagi factorisation (model/neutrino_masses.hpp, docs/physics.md §3); PDG conventions.
#pragma once

#include <string>

#include "darkloops/model/model.hpp"

namespace darkloops {

/// Which neutrino quantity a `NeutrinoObservable` returns.
enum class NeutrinoQuantity : int {
  m1_eV, m2_eV, m3_eV, dm21_sq_eV2, dm31_sq_eV2, dm32_sq_eV2,
  sin2_theta12, sin2_theta13, sin2_theta23, delta_cp, m_bb_eV, sum_eV
};

inline double neutrino_quantity(const NeutrinoObservables& n, NeutrinoQuantity q) noexcept {
  switch (q) {
    case NeutrinoQuantity::m1_eV: return n.masses_eV(0);
    case NeutrinoQuantity::m2_eV: return n.masses_eV(1);
    case NeutrinoQuantity::m3_eV: return n.masses_eV(2);
    case NeutrinoQuantity::dm21_sq_eV2: return n.dm21_sq_eV2;
    case NeutrinoQuantity::dm31_sq_eV2: return n.dm31_sq_eV2;
    case NeutrinoQuantity::dm32_sq_eV2: return n.dm32_sq_eV2;
    case NeutrinoQuantity::sin2_theta12: return n.sin2_theta12;
    case NeutrinoQuantity::sin2_theta13: return n.sin2_theta13;
    case NeutrinoQuantity::sin2_theta23: return n.sin2_theta23;
    case NeutrinoQuantity::delta_cp: return n.delta_cp;
    case NeutrinoQuantity::m_bb_eV: return n.m_bb_eV;
    case NeutrinoQuantity::sum_eV: return n.sum_eV;
  }
  return 0.0;
}

inline constexpr const char* neutrino_quantity_name(NeutrinoQuantity q) noexcept {
  constexpr const char* names[] = {"m1",           "m2",           "m3",           "dm21_sq",
                                   "dm31_sq",      "dm32_sq",      "sin2_theta12", "sin2_theta13",
                                   "sin2_theta23", "delta_cp",     "m_bb",         "sum_mnu"};
  return names[static_cast<int>(q)];
}
inline constexpr const char* neutrino_quantity_unit(NeutrinoQuantity q) noexcept {
  switch (q) {
    case NeutrinoQuantity::m1_eV: case NeutrinoQuantity::m2_eV: case NeutrinoQuantity::m3_eV:
    case NeutrinoQuantity::m_bb_eV: case NeutrinoQuantity::sum_eV: return "eV";
    case NeutrinoQuantity::dm21_sq_eV2: case NeutrinoQuantity::dm31_sq_eV2: case NeutrinoQuantity::dm32_sq_eV2: return "eV^2";
    case NeutrinoQuantity::delta_cp: return "rad";
    default: return "";
  }
}

/// Observable: one neutrino quantity of the model (e.g. {NeutrinoQuantity::sum_eV}).
struct NeutrinoObservable {
  NeutrinoQuantity quantity = NeutrinoQuantity::sum_eV;
  double operator()(const Model& m) const { return neutrino_quantity(m.neutrino(), quantity); }
  std::string name() const { return neutrino_quantity_name(quantity); }
  std::string unit() const { return neutrino_quantity_unit(quantity); }
};

}  // namespace darkloops
