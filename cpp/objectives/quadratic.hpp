// The separable quadratic f(x) = Σ sᵢ xᵢ², ∇f = 2 sᵢ xᵢ, minimum at 0. x² is scales {1};
// the notes' valley w² + 10b² is scales {1, 10}.
#pragma once

#include "objectives/objective.hpp"

namespace adagrad::objectives {

class Quadratic final : public Objective {
 public:
  /// scales: each finite and > 0, at least one. start: defaults to 5 in every coordinate.
  explicit Quadratic(std::vector<double> scales, std::vector<double> start = {});

  std::size_t dim() const override { return scales_.size(); }
  double value(std::span<const double> x) const override;
  void gradient(std::span<const double> x, std::span<double> grad) const override;
  std::vector<double> start() const override { return start_; }
  std::vector<double> minimum() const override { return std::vector<double>(dim(), 0.0); }
  const std::vector<double>& scales() const { return scales_; }

 private:
  std::vector<double> scales_, start_;
};

}  // namespace adagrad::objectives
