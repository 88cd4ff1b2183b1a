#include "optim/adam.hpp"

#include <algorithm>
#include <cmath>

#include "core/check.hpp"

namespace adagrad::optim {

Adam::Adam(AdamOptions options) : options_(options) {
  require_positive("lr", options_.lr);
  require_in_half_open("beta1", options_.beta1, 0.0, 1.0);
  require_in_half_open("beta2", options_.beta2, 0.0, 1.0);
  require_positive("eps", options_.eps);
  require_non_negative("weight_decay", options_.weight_decay);
}

void Adam::init_state(std::size_t n) {
  exp_avg_.assign(n, 0.0);
  exp_avg_sq_.assign(n, 0.0);
  max_exp_avg_sq_.assign(n, 0.0);
  rate_.assign(n, 0.0);
  update_.assign(n, 0.0);
}

void Adam::clear_state() {
  exp_avg_.clear();
  exp_avg_sq_.clear();
  max_exp_avg_sq_.clear();
  rate_.clear();
  update_.clear();
}

// reference: PyTorch's _single_tensor_adam (torch/optim/adam.py).
void Adam::update(std::span<double> params, std::span<const double> grad) {
  const auto& o = options_;
  const double t = static_cast<double>(steps());
  const double step_size = o.lr / (1 - std::pow(o.beta1, t));          // η / (1 - β₁ᵗ)
  const double correction2_sqrt = std::sqrt(1 - std::pow(o.beta2, t));  // √(1 - β₂ᵗ)
  for (std::size_t i = 0; i < params.size(); ++i) {
    const double g = grad[i] + o.weight_decay * params[i];                // g ← g + λθ
    exp_avg_[i] = o.beta1 * exp_avg_[i] + (1 - o.beta1) * g;              // m ← β₁m + (1-β₁)g
    exp_avg_sq_[i] = o.beta2 * exp_avg_sq_[i] + (1 - o.beta2) * g * g;    // v ← β₂v + (1-β₂)g²
    double v = exp_avg_sq_[i];
    if (o.amsgrad) v = max_exp_avg_sq_[i] = std::max(max_exp_avg_sq_[i], v);  // v̂ ← max(v̂, v)
    const double denom = std::sqrt(v) / correction2_sqrt + o.eps;  // √v / √(1-β₂ᵗ) + ε
    update_[i] = -step_size * exp_avg_[i] / denom;                 // θ ← θ - step · m / denom
    params[i] += update_[i];
    rate_[i] = step_size / denom;
  }
}

}  // namespace adagrad::optim
