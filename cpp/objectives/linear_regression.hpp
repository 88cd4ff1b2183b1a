// Mean squared error of a linear model on a data set, L(w, b) = (1/n) Σ (w·xₖ + b - yₖ)²,
// with parameters laid out as [w₁ … w_d, b]. With one mostly-zero input column this is the
// lecture notes' stretched valley.
#pragma once

#include "data/dataset.hpp"
#include "objectives/objective.hpp"

namespace adagrad::objectives {

/// The most input columns minimum() solves for: its elimination is O(dim³).
inline constexpr std::size_t kMaxMinimumDim = 2048;

class LinearRegressionMse final : public Objective {
 public:
  /// data: at least one sample with finite inputs and targets.
  explicit LinearRegressionMse(data::Dataset data);

  std::size_t dim() const override { return data_.dim + 1; }
  double value(std::span<const double> params) const override;
  void gradient(std::span<const double> params, std::span<double> grad) const override;
  /// All zeros.
  std::vector<double> start() const override { return std::vector<double>(dim(), 0.0); }
  /// The least-squares solution of the normal equations (Gaussian elimination, partial pivoting);
  /// refused past kMaxMinimumDim columns, and when the data's values are so large that the
  /// normal equations overflow.
  std::vector<double> minimum() const override;
  /// A sum over every sample: samples × dim().
  std::size_t value_cost() const override;
  const data::Dataset& data() const { return data_; }

 private:
  data::Dataset data_;
};

}  // namespace adagrad::objectives
