// SPDX-License-Identifier: MIT
// The mass-basis data of a Model that the lepton observables use (docs/physics.md §5).
#pragma once

#include "darkloops/model/model.hpp"
#include "darkloops/observables/lepton_amplitudes.hpp"

namespace darkloops {

/// Copy M_N, m_H, cL, cR, Z_HH out of a model (charged-lepton masses from inputs/sm.hpp).
inline LeptonSector lepton_sector(const Model& m) {
  LeptonSector s;
  s.M_N = m.spectrum().M_N;
  s.m_H = m.spectrum().m_H;
  s.cL = m.couplings().cL;
  s.cR = m.couplings().cR;
  s.Z_HH = m.couplings().Z_HH;
  return s;
}

/// Lepton index (0 = e, 1 = μ, 2 = τ) and its name.
enum class Lepton : int { e = 0, mu = 1, tau = 2 };
inline constexpr const char* lepton_name(Lepton l) noexcept {
  return l == Lepton::e ? "e" : (l == Lepton::mu ? "mu" : "tau");
}

}  // namespace darkloops
