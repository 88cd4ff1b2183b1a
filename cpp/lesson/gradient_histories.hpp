// Two made-up gradient histories that show why one learning rate is not enough: a parameter
// whose gradient is large and arrives every step, and one whose gradient is small and rare.
#pragma once

#include <cstdint>
#include <vector>

namespace adagrad::lesson {

struct GradientHistoryOptions {
  long long steps = 100;          ///< 1 … 100000
  std::uint64_t seed = 42;
  double rare_probability = 0.1;  ///< chance that the rare parameter gets a gradient, (0, 1]
};

struct GradientHistories {
  std::vector<double> frequent;  ///< 1 + 2·N(0, 1) every step
  std::vector<double> rare;      ///< 0.2·N(0, 1) with probability rare_probability, else 0
};

GradientHistories gradient_histories(const GradientHistoryOptions& options = {});

}  // namespace adagrad::lesson
