#include "lesson/pitfalls.hpp"

#include <memory>

#include "objectives/trajectory.hpp"

namespace adagrad::lesson {
namespace {

// An optimizer that re-creates its AdaGrad before every step: the bug, faithfully.
class ForgetfulAdagrad final : public optim::Optimizer {
 public:
  explicit ForgetfulAdagrad(const optim::AdagradOptions& options) : options_(options), inner_(options) {}
  std::string_view kind() const override { return "adagrad"; }
  std::span<const double> effective_rate() const override { return inner_.effective_rate(); }
  std::span<const double> last_update() const override { return inner_.last_update(); }
  std::span<const double> second_moment() const override { return inner_.second_moment(); }

 private:
  void init_state(std::size_t) override {}
  void clear_state() override { inner_ = optim::Adagrad(options_); }
  void update(std::span<double> params, std::span<const double> grad) override {
    inner_ = optim::Adagrad(options_);  // the bug: G starts from zero again
    inner_.step(params, grad);
  }

  optim::AdagradOptions options_;
  optim::Adagrad inner_;
};

}  // namespace

objectives::Trajectory run_with_state_reset_every_step(const objectives::Objective& objective,
                                                       std::span<const double> x0, long long steps,
                                                       const optim::AdagradOptions& options) {
  ForgetfulAdagrad forgetful(options);
  return objectives::run(forgetful, objective, x0, steps);
}

}  // namespace adagrad::lesson
