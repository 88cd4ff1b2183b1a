// Stochastic gradient descent with PyTorch's momentum, dampening, Nesterov and weight decay.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"

namespace adagrad::optim {

struct SgdOptions {
  double lr = 1e-3;           ///< > 0 (PyTorch 2's default)
  double momentum = 0.0;      ///< μ in [0, 1)
  double dampening = 0.0;     ///< in [0, 1); must be 0 with Nesterov
  double weight_decay = 0.0;  ///< >= 0
  bool nesterov = false;      ///< needs momentum > 0 and dampening 0
};

class Sgd final : public Optimizer {
 public:
  explicit Sgd(SgdOptions options = {});
  std::string_view kind() const override { return "sgd"; }
  const SgdOptions& options() const { return options_; }
  std::span<const double> last_update() const override { return update_; }
  bool has_effective_rate() const override { return false; }  // its rate is lr, the same for all

 private:
  void init_state(std::size_t n) override;
  void update(std::span<double> params, std::span<const double> grad) override;
  void clear_state() override {
    buf_.clear();
    update_.clear();
  }

  SgdOptions options_;
  std::vector<double> buf_;     // momentum buffer b
  std::vector<double> update_;  // -η·d of the latest step
};

}  // namespace adagrad::optim
