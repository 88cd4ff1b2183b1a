// AdaGrad (Duchi, Hazan & Singer 2011) with PyTorch's options and order of operations, plus
// the choice of where ε goes: outside the root (PyTorch, TF's ApplyAdagradV2) or inside it
// (the seed notebook, Keras 3, Optax).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "optim/optimizer.hpp"

namespace adagrad::optim {

enum class EpsPlacement {
  outside,  ///< lr * g / (sqrt(G) + eps)   (PyTorch)
  inside,   ///< lr * g / sqrt(G + eps)     (the notebook, Keras 3, Optax)
};

/// "outside" / "inside"; throws std::invalid_argument naming `field` for anything else.
EpsPlacement parse_eps_placement(std::string_view text, std::string_view field = "eps_placement");
std::string_view to_string(EpsPlacement placement);

struct AdagradOptions {
  double lr = 1e-2;                       ///< η, > 0
  double lr_decay = 0.0;                  ///< η_t = η / (1 + (t - 1) · lr_decay), >= 0
  double weight_decay = 0.0;              ///< L2 term added to the gradient, >= 0
  double initial_accumulator_value = 0.0; ///< G_0, >= 0
  double eps = 1e-10;                     ///< > 0
  EpsPlacement eps_placement = EpsPlacement::outside;
};

class Adagrad final : public Optimizer {
 public:
  explicit Adagrad(AdagradOptions options = {});

  std::string_view kind() const override { return "adagrad"; }
  const AdagradOptions& options() const { return options_; }

  // AdaGrad's insides after the latest step, one value per parameter (empty before any step).
  /// G: the running sum of squared (weight-decayed) gradients.
  std::span<const double> sum() const { return sum_; }
  /// The factor that multiplied g: η_t / (sqrt(G) + ε) or η_t / sqrt(G + ε).
  std::span<const double> effective_rate() const override { return rate_; }
  /// The change applied to each parameter: -effective_rate · g.
  std::span<const double> last_update() const override { return update_; }
  std::span<const double> second_moment() const override { return sum_; }
  bool has_accumulator() const override { return true; }
  std::span<const double> accumulator() const override { return sum_; }

 private:
  void init_state(std::size_t n) override;
  void update(std::span<double> params, std::span<const double> grad) override;
  void clear_state() override;

  AdagradOptions options_;
  std::vector<double> sum_, rate_, update_;
};

}  // namespace adagrad::optim
