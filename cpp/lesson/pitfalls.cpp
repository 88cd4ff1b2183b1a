#include "lesson/pitfalls.hpp"

#include <string>

#include "core/check.hpp"
#include "objectives/trajectory.hpp"

namespace adagrad::lesson {
namespace {

// An optimizer that forgets its AdaGrad's state before every step: the bug, faithfully.
class ForgetfulAdagrad final : public optim::Optimizer {
 public:
  explicit ForgetfulAdagrad(optim::Optimizer& inner) : inner_(inner) {}
  std::string_view kind() const override { return inner_.kind(); }
  std::span<const double> effective_rate() const override { return inner_.effective_rate(); }
  std::span<const double> last_update() const override { return inner_.last_update(); }
  std::span<const double> second_moment() const override { return inner_.second_moment(); }
  bool has_accumulator() const override { return inner_.has_accumulator(); }
  std::span<const double> accumulator() const override { return inner_.accumulator(); }

 private:
  void init_state(std::size_t) override {}
  void clear_state() override { inner_.reset(); }
  void update(std::span<double> params, std::span<const double> grad) override {
    inner_.reset();  // the bug: G starts from zero again
    inner_.step(params, grad);
  }

  optim::Optimizer& inner_;
};

}  // namespace

objectives::Trajectory run_with_state_reset_every_step(const objectives::Objective& objective,
                                                       std::span<const double> x0, long long steps,
                                                       optim::Optimizer& optimizer) {
  if (!optimizer.has_accumulator())
    fail("reset_state_every_step needs an adagrad optimizer, got " + std::string(optimizer.kind()));
  ForgetfulAdagrad forgetful(optimizer);
  return objectives::run(forgetful, objective, x0, steps);
}

objectives::Trajectory run_with_state_reset_every_step(const objectives::Objective& objective,
                                                       std::span<const double> x0, long long steps,
                                                       const optim::AdagradOptions& options) {
  optim::Adagrad adagrad(options);
  return run_with_state_reset_every_step(objective, x0, steps, adagrad);
}

}  // namespace adagrad::lesson
