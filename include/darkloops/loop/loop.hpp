// SPDX-License-Identifier: MIT
// All loop functions (namespace darkloops::loop): dilogarithm, A0/B*, C0/C, D0/D, zero-momentum
// closed forms and dimensionless functions. docs/physics.md §2.
#pragma once

#include "darkloops/loop/b.hpp"
#include "darkloops/loop/c.hpp"
#include "darkloops/loop/c0.hpp"
#include "darkloops/loop/coefficients.hpp"
#include "darkloops/loop/d.hpp"
#include "darkloops/loop/d0.hpp"
#include "darkloops/loop/dilog.hpp"
#include "darkloops/loop/dimensionless.hpp"
#include "darkloops/loop/zero_momentum.hpp"
