// SPDX-License-Identifier: MIT
// Non-fatal problems of a model point (non-perturbative couplings, a charged dark matter
// candidate, ...): collected, never thrown. A small value type returned with results.
#pragma once

#include <string>
#include <vector>

namespace darkloops {

struct Warnings {
  std::vector<std::string> messages;

  void add(std::string message) { messages.push_back(std::move(message)); }
  bool empty() const noexcept { return messages.empty(); }
  std::size_t size() const noexcept { return messages.size(); }
  bool contains(const std::string& fragment) const {
    for (const auto& m : messages)
      if (m.find(fragment) != std::string::npos) return true;
    return false;
  }
};

}  // namespace darkloops
