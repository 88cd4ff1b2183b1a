// The one interface every optimizer implements: step(params, grad) updates params in place,
// reset() forgets the run's state (accumulators, momentum buffers, step count).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace adagrad::optim {

class Optimizer {
 public:
  virtual ~Optimizer() = default;

  /// One update of `params` in place from `grad`. The first step fixes the state's size (as
  /// PyTorch does lazily); later steps must pass the same size until reset(). Throws
  /// std::invalid_argument on a size mismatch or a non-finite gradient, leaving params and
  /// state untouched.
  void step(std::span<double> params, std::span<const double> grad);

  /// Forgets all per-run state; the options stay.
  void reset();

  /// How many steps have been taken since construction or the last reset().
  std::int64_t steps() const { return steps_; }

  /// "sgd", "adagrad", "rmsprop" or "adam".
  virtual std::string_view kind() const = 0;

  /// After a step, the per-parameter factor the optimizer's direction was multiplied by:
  /// AdaGrad η_t / (√G + ε), RMSProp η / (√v + ε) (the gradient's factor when momentum is 0),
  /// Adam η / (1 - β₁ᵗ) / (√v̂ + ε) (the first moment's factor). Empty for SGD, whose rate
  /// is its lr, and before the first step.
  virtual std::span<const double> effective_rate() const { return {}; }

  /// After a step, the per-parameter statistic of squared gradients the rate is built from:
  /// AdaGrad's G (a sum), RMSProp's v (a leaky average), Adam's v (its running maximum with
  /// AMSGrad), before any bias correction. Empty for SGD and before the first step.
  virtual std::span<const double> second_moment() const { return {}; }

  /// After a step, the change applied to each parameter (empty before the first step).
  virtual std::span<const double> last_update() const = 0;

  /// Whether effective_rate() describes this optimizer: false for SGD, whose rate is its lr.
  virtual bool has_effective_rate() const { return true; }
  /// effective_rate(), refusing an optimizer that has none with std::invalid_argument:
  /// "effectiveRate() is not available for sgd, whose rate is its lr" (named as the JS API and
  /// the page call it).
  std::span<const double> require_effective_rate() const;

  /// Whether the optimizer keeps AdaGrad's accumulator G = Σ g² (AdaGrad only: RMSProp and Adam
  /// keep leaky averages, see second_moment()).
  virtual bool has_accumulator() const { return false; }
  /// After a step, the accumulator G; empty before the first step and without one.
  virtual std::span<const double> accumulator() const { return {}; }
  /// accumulator(), refusing an optimizer that has none with std::invalid_argument:
  /// "sum() is only available for adagrad, this optimizer is rmsprop".
  std::span<const double> require_accumulator() const;

 protected:
  /// Size the state for n parameters (called on the first step after a reset).
  virtual void init_state(std::size_t n) = 0;
  /// The update itself; grad is validated, steps() already counts this step.
  virtual void update(std::span<double> params, std::span<const double> grad) = 0;
  virtual void clear_state() = 0;

 private:
  std::int64_t steps_ = 0;
  std::size_t size_ = 0;
};

}  // namespace adagrad::optim
