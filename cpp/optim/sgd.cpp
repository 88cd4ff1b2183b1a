#include "optim/sgd.hpp"

#include "core/check.hpp"

namespace adagrad::optim {

Sgd::Sgd(SgdOptions options) : options_(options) {
  require_positive("lr", options_.lr);
  require_in_half_open("momentum", options_.momentum, 0.0, 1.0);
  require_in_half_open("dampening", options_.dampening, 0.0, 1.0);
  require_non_negative("weight_decay", options_.weight_decay);
  if (options_.nesterov && !(options_.momentum > 0 && options_.dampening == 0))
    fail("nesterov needs momentum > 0 and dampening = 0, got momentum " +
         format_number(options_.momentum) + " and dampening " + format_number(options_.dampening));
}

void Sgd::init_state(std::size_t n) {
  buf_.assign(n, 0.0);
  update_.assign(n, 0.0);
}

// reference: PyTorch's _single_tensor_sgd (torch/optim/sgd.py).
void Sgd::update(std::span<double> params, std::span<const double> grad) {
  const auto& o = options_;
  const bool first = steps() == 1;
  for (std::size_t i = 0; i < params.size(); ++i) {
    double d = grad[i] + o.weight_decay * params[i];  // d ← g + λθ
    if (o.momentum != 0) {
      // b ← d on the first step, then b ← μb + (1 - dampening)·d
      buf_[i] = first ? d : o.momentum * buf_[i] + (1.0 - o.dampening) * d;
      d = o.nesterov ? d + o.momentum * buf_[i] : buf_[i];  // Nesterov looks one step ahead
    }
    update_[i] = -o.lr * d;  // θ ← θ - η·d
    params[i] += update_[i];
  }
}

}  // namespace adagrad::optim
