// Adam (Kingma & Ba 2015) with PyTorch's options, including AMSGrad and L2 weight decay.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"

namespace adagrad::optim {

struct AdamOptions {
  double lr = 1e-3;           ///< > 0
  double beta1 = 0.9;         ///< first-moment decay, in [0, 1)
  double beta2 = 0.999;       ///< second-moment decay, in [0, 1)
  double eps = 1e-8;          ///< > 0
  double weight_decay = 0.0;  ///< L2 term added to the gradient (not AdamW), >= 0
  bool amsgrad = false;       ///< divide by the running maximum of the second moment
};

class Adam final : public Optimizer {
 public:
  explicit Adam(AdamOptions options = {});
  std::span<const double> effective_rate() const override { return rate_; }
  std::span<const double> last_update() const override { return update_; }
  std::span<const double> second_moment() const override {
    return options_.amsgrad ? max_exp_avg_sq_ : exp_avg_sq_;
  }
  std::string_view kind() const override { return "adam"; }
  const AdamOptions& options() const { return options_; }

 private:
  void init_state(std::size_t n) override;
  void update(std::span<double> params, std::span<const double> grad) override;
  void clear_state() override;

  AdamOptions options_;
  std::vector<double> exp_avg_, exp_avg_sq_, max_exp_avg_sq_, rate_, update_;
};

}  // namespace adagrad::optim
