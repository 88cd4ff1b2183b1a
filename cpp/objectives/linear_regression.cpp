#include "objectives/linear_regression.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/check.hpp"

namespace adagrad::objectives {

LinearRegressionMse::LinearRegressionMse(data::Dataset data) : data_(std::move(data)) {
  data::validate(data_);
}

std::size_t LinearRegressionMse::value_cost() const { return data_.n * dim(); }

double LinearRegressionMse::value(std::span<const double> params) const {
  check_size(params);
  const std::size_t d = data_.dim;
  double sum = 0;
  for (std::size_t k = 0; k < data_.n; ++k) {
    double r = params[d] - data_.y[k];  // residual rₖ = w·xₖ + b - yₖ
    for (std::size_t j = 0; j < d; ++j) r += params[j] * data_.x[k * d + j];
    sum += r * r;
  }
  return sum / static_cast<double>(data_.n);
}

void LinearRegressionMse::gradient(std::span<const double> params, std::span<double> grad) const {
  check_size(params);
  require_same_size("grad", grad.size(), "the objective", dim());
  const std::size_t d = data_.dim;
  for (auto& g : grad) g = 0;
  for (std::size_t k = 0; k < data_.n; ++k) {
    double r = params[d] - data_.y[k];
    for (std::size_t j = 0; j < d; ++j) r += params[j] * data_.x[k * d + j];
    for (std::size_t j = 0; j < d; ++j) grad[j] += r * data_.x[k * d + j];  // ∂/∂wⱼ: rₖ xₖⱼ
    grad[d] += r;                                                            // ∂/∂b: rₖ
  }
  const double scale = 2.0 / static_cast<double>(data_.n);  // d/dr of (1/n) r² is 2r/n
  for (auto& g : grad) g *= scale;
}

std::vector<double> LinearRegressionMse::minimum() const {
  // Normal equations AᵀA p = Aᵀy with A = [X 1].
  const std::size_t d = data_.dim, m = d + 1;
  // The solve is O(m³): past a few thousand columns it would run for hours, and m × (m + 1)
  // overflows wasm32's size_t long before memory runs out.
  if (d > kMaxMinimumDim)
    fail("dim must be at most " + std::to_string(kMaxMinimumDim) + " to solve for the minimum, got " +
         std::to_string(d));
  std::vector<double> a(checked_product("dim", m, m + 1), 0.0);  // augmented matrix, m rows of m + 1
  for (std::size_t k = 0; k < data_.n; ++k) {
    for (std::size_t i = 0; i < m; ++i) {
      const double ai = i < d ? data_.x[k * d + i] : 1.0;
      for (std::size_t j = 0; j < m; ++j) a[i * (m + 1) + j] += ai * (j < d ? data_.x[k * d + j] : 1.0);
      a[i * (m + 1) + m] += ai * data_.y[k];
    }
  }
  // Finite data whose products pass the largest double (|x| ~ 1e155 and up) make AᵀA inf, and
  // the solve nan or nonsense: said so, instead of returning either as the minimum.
  const auto refuse_overflow = [&] {
    double largest = 0;
    for (double v : data_.x) largest = std::max(largest, std::abs(v));
    for (double v : data_.y) largest = std::max(largest, std::abs(v));
    fail("the data set's values are too large to solve for the minimum: the normal equations overflow, "
         "got a value of magnitude " + format_number(largest));
  };
  if (!std::all_of(a.begin(), a.end(), [](double v) { return std::isfinite(v); })) refuse_overflow();
  for (std::size_t c = 0; c < m; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < m; ++r)
      if (std::abs(a[r * (m + 1) + c]) > std::abs(a[pivot * (m + 1) + c])) pivot = r;
    if (std::abs(a[pivot * (m + 1) + c]) < 1e-300)
      fail("the data set's columns are linearly dependent; the minimum is not unique");
    for (std::size_t j = 0; j <= m; ++j) std::swap(a[c * (m + 1) + j], a[pivot * (m + 1) + j]);
    for (std::size_t r = 0; r < m; ++r) {
      if (r == c) continue;
      const double f = a[r * (m + 1) + c] / a[c * (m + 1) + c];
      for (std::size_t j = c; j <= m; ++j) a[r * (m + 1) + j] -= f * a[c * (m + 1) + j];
    }
  }
  std::vector<double> p(m);
  for (std::size_t i = 0; i < m; ++i) p[i] = a[i * (m + 1) + m] / a[i * (m + 1) + i];
  for (std::size_t i = 0; i < m; ++i)
    if (!std::isfinite(p[i])) refuse_overflow();
  return p;
}

}  // namespace adagrad::objectives
