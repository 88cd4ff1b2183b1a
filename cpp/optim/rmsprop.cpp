#include "optim/rmsprop.hpp"

#include <algorithm>
#include <cmath>

#include "core/check.hpp"

namespace adagrad::optim {

Rmsprop::Rmsprop(RmspropOptions options) : options_(options) {
  require_positive("lr", options_.lr);
  require_in_half_open("alpha", options_.alpha, 0.0, 1.0);
  require_positive("eps", options_.eps);
  require_non_negative("weight_decay", options_.weight_decay);
  require_in_half_open("momentum", options_.momentum, 0.0, 1.0);
}

void Rmsprop::init_state(std::size_t n) {
  square_avg_.assign(n, 0.0);
  grad_avg_.assign(n, 0.0);
  buf_.assign(n, 0.0);
  rate_.assign(n, 0.0);
  update_.assign(n, 0.0);
}

void Rmsprop::clear_state() {
  square_avg_.clear();
  grad_avg_.clear();
  buf_.clear();
  rate_.clear();
  update_.clear();
}

// reference: PyTorch's _single_tensor_rmsprop (torch/optim/rmsprop.py).
void Rmsprop::update(std::span<double> params, std::span<const double> grad) {
  const auto& o = options_;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const double g = grad[i] + o.weight_decay * params[i];           // g ← g + λθ
    square_avg_[i] = o.alpha * square_avg_[i] + (1 - o.alpha) * g * g;  // v ← αv + (1-α)g²
    double avg;
    if (o.centered) {
      grad_avg_[i] = o.alpha * grad_avg_[i] + (1 - o.alpha) * g;  // m ← αm + (1-α)g
      // √(v - m²) + ε; v - m² >= 0 in exact arithmetic but can round below 0 when g is steady
      avg = std::sqrt(std::max(0.0, square_avg_[i] - grad_avg_[i] * grad_avg_[i])) + o.eps;
    } else {
      avg = std::sqrt(square_avg_[i]) + o.eps;  // √v + ε
    }
    rate_[i] = o.lr / avg;
    if (o.momentum > 0) {
      buf_[i] = o.momentum * buf_[i] + g / avg;  // b ← μb + g / (√v + ε)
      update_[i] = -o.lr * buf_[i];
    } else {
      update_[i] = -o.lr * g / avg;  // θ ← θ - η g / (√v + ε)
    }
    params[i] += update_[i];
  }
}

}  // namespace adagrad::optim
