#include "optim/optimizer.hpp"

#include <string>

#include "core/check.hpp"

namespace adagrad::optim {

void Optimizer::step(std::span<double> params, std::span<const double> grad) {
  require_same_size("grad", grad.size(), "params", params.size());
  if (params.empty()) fail("params must not be empty");
  require_all_finite("grad", grad);
  if (steps_ == 0) {
    init_state(params.size());
    size_ = params.size();
  } else if (params.size() != size_) {
    fail("params has " + std::to_string(params.size()) + " values but this optimizer's state has " +
         std::to_string(size_) + "; call reset() before changing size");
  }
  ++steps_;
  update(params, grad);
}

void Optimizer::reset() {
  steps_ = 0;
  size_ = 0;
  clear_state();
}

std::span<const double> Optimizer::require_effective_rate() const {
  if (!has_effective_rate())
    fail("effectiveRate() is not available for " + std::string(kind()) + ", whose rate is its lr");
  return effective_rate();
}

std::span<const double> Optimizer::require_accumulator() const {
  if (!has_accumulator())
    fail("sum() is only available for adagrad, this optimizer is " + std::string(kind()));
  return accumulator();
}

}  // namespace adagrad::optim
