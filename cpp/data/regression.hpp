// Regression data sets for the lesson's linear models: the article's noisy line and the lecture
// notes' rare binary column (the "IIT" feature) that stretches the loss into a valley.
#pragma once

#include <cstdint>
#include <string_view>

#include "data/dataset.hpp"

namespace adagrad::data {

struct RegressionOptions {
  long long n_samples = 100;  ///< >= 2
  double noise = 0.1;         ///< standard deviation of the targets' Gaussian noise, >= 0
  std::uint64_t seed = 7;
  double density = 0.1;       ///< sparse_column only: share of rows where the feature is 1, (0, 1]
};

/// y = 2x + 1 + noise·ε with x ~ N(0, 1): one input column.
Dataset line(const RegressionOptions& options = {});

/// One binary column that is 1 in round(density · n) rows (at least one, placed at random)
/// and 0 elsewhere; y = 2x + 1 + noise·ε. With a small density the loss over (w, b) is a long
/// narrow valley: ∂L/∂w only hears from the few rows where x = 1.
Dataset sparse_column(const RegressionOptions& options = {});

/// "line" or "sparse_column".
Dataset make_regression_dataset(std::string_view kind, const RegressionOptions& options = {});

}  // namespace adagrad::data
