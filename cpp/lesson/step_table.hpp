// The manual step table: AdaGrad on f(x) = s·x² one row per step, with every intermediate
// number a learner would write down by hand. Computed by the real Adagrad class, so the table
// and the optimizer can never disagree.
#pragma once

#include <vector>

#include "optim/adagrad.hpp"

namespace adagrad::lesson {

struct StepTableOptions {
  double x0 = 4.0;    ///< finite
  double lr = 1.0;    ///< η > 0
  double eps = 1e-8;  ///< ε > 0
  optim::EpsPlacement eps_placement = optim::EpsPlacement::outside;
  long long steps = 10;  ///< 1 … 100000
  double scale = 1.0;    ///< s > 0 in f(x) = s·x²
};

struct StepRow {
  long long t;            ///< 1-based step
  double x;               ///< before the step
  double grad;            ///< g = 2 s x
  double sum;             ///< G after adding g²
  double effective_rate;  ///< η / (√G + ε) or η / √(G + ε)
  double update;          ///< -effective_rate · g
  double x_new;           ///< x + update
};

std::vector<StepRow> step_table(const StepTableOptions& options = {});

}  // namespace adagrad::lesson
