#include "objectives/quadratic.hpp"

#include <cmath>
#include <string>

#include "core/check.hpp"

namespace adagrad::objectives {

void Objective::check_size(std::span<const double> x) const {
  require_same_size("x", x.size(), "the objective", dim());
}

Quadratic::Quadratic(std::vector<double> scales, std::vector<double> start)
    : scales_(std::move(scales)), start_(std::move(start)) {
  if (scales_.empty()) fail("scales must not be empty");
  for (std::size_t i = 0; i < scales_.size(); ++i)
    if (!(std::isfinite(scales_[i]) && scales_[i] > 0))  // name the element only when it fails
      require_positive("scales[" + std::to_string(i) + "]", scales_[i]);
  if (start_.empty()) start_.assign(scales_.size(), 5.0);
  require_same_size("start", start_.size(), "scales", scales_.size());
  require_all_finite("start", start_);
}

double Quadratic::value(std::span<const double> x) const {
  check_size(x);
  double f = 0;
  for (std::size_t i = 0; i < x.size(); ++i) f += scales_[i] * x[i] * x[i];  // Σ sᵢ xᵢ²
  return f;
}

void Quadratic::gradient(std::span<const double> x, std::span<double> grad) const {
  check_size(x);
  require_same_size("grad", grad.size(), "the objective", dim());
  for (std::size_t i = 0; i < x.size(); ++i) grad[i] = 2 * scales_[i] * x[i];  // 2 sᵢ xᵢ
}

}  // namespace adagrad::objectives
