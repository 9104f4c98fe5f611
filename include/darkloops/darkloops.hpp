// SPDX-License-Identifier: MIT
// darkloops — one-loop phenomenology of the dark-loops model (Cepedello, Escribano, Vicente,
// PRD 107 (2023) 035034). Umbrella header: everything stable. Layers, bottom up:
// loop functions -> model -> observables -> fit (see docs/index.md).
#pragma once

#include "darkloops/core/error.hpp"
#include "darkloops/core/types.hpp"
#include "darkloops/core/version.hpp"
#include "darkloops/core/warnings.hpp"
#include "darkloops/inputs/flavour.hpp"
#include "darkloops/inputs/neutrino.hpp"
#include "darkloops/inputs/sm.hpp"
#include "darkloops/loop/c.hpp"
#include "darkloops/loop/d.hpp"
#include "darkloops/loop/d0.hpp"
#include "darkloops/loop/dimensionless.hpp"
#include "darkloops/loop/zero_momentum.hpp"
#include "darkloops/model/model.hpp"
#include "darkloops/model/presets.hpp"
#include "darkloops/observables/bsll.hpp"
#include "darkloops/inputs/leptons.hpp"
#include "darkloops/observables/leptons.hpp"
#include "darkloops/fit/chi2.hpp"
#include "darkloops/fit/datasets.hpp"
#include "darkloops/fit/measurement.hpp"
#include "darkloops/fit/minimize.hpp"
#include "darkloops/fit/paper.hpp"
#include "darkloops/fit/sampling.hpp"
#include "darkloops/fit/scan.hpp"
#include "darkloops/inputs/measurements.hpp"
#include "darkloops/io/json.hpp"
