// RMSProp (Hinton's lecture 6e) with PyTorch's options: a leaky average of g² instead of
// AdaGrad's sum, so the effective rate stops shrinking.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"

namespace adagrad::optim {

struct RmspropOptions {
  double lr = 1e-2;           ///< > 0
  double alpha = 0.99;        ///< smoothing of the square average, in [0, 1)
  double eps = 1e-8;          ///< > 0, added outside the root
  double weight_decay = 0.0;  ///< >= 0
  double momentum = 0.0;      ///< in [0, 1)
  bool centered = false;      ///< divide by an estimate of the variance instead
};

class Rmsprop final : public Optimizer {
 public:
  explicit Rmsprop(RmspropOptions options = {});
  std::span<const double> effective_rate() const override { return rate_; }
  std::span<const double> last_update() const override { return update_; }
  std::span<const double> second_moment() const override { return square_avg_; }
  std::string_view kind() const override { return "rmsprop"; }
  const RmspropOptions& options() const { return options_; }

 private:
  void init_state(std::size_t n) override;
  void update(std::span<double> params, std::span<const double> grad) override;
  void clear_state() override;

  RmspropOptions options_;
  std::vector<double> square_avg_, grad_avg_, buf_, rate_, update_;
};

}  // namespace adagrad::optim
