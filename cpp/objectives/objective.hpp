// A differentiable objective: value, gradient, a starting point and the minimiser, in the
// manner of ensmallen's test problems.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace adagrad::objectives {

class Objective {
 public:
  virtual ~Objective() = default;
  virtual std::size_t dim() const = 0;
  virtual double value(std::span<const double> x) const = 0;
  /// Writes ∇f(x) into grad (size dim()).
  virtual void gradient(std::span<const double> x, std::span<double> grad) const = 0;
  /// Where the lesson starts this objective.
  virtual std::vector<double> start() const = 0;
  /// The point where f is smallest.
  virtual std::vector<double> minimum() const = 0;
  /// What one value() costs, in multiply-adds of the model's parameters by its data (dim() for
  /// a closed form, samples × dim() for a sum over data): value_grid bounds its work with it.
  virtual std::size_t value_cost() const { return dim(); }

 protected:
  /// Throws when x does not have dim() values.
  void check_size(std::span<const double> x) const;
};

}  // namespace adagrad::objectives
