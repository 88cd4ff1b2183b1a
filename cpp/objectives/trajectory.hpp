// Run an optimizer on an objective from a start point and keep the whole path: what the
// contour races, the x² animation and the conformance suite all draw on.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/grid.hpp"
#include "objectives/objective.hpp"
#include "optim/optimizer.hpp"

namespace adagrad::objectives {

struct Trajectory {
  std::size_t dim = 0;
  std::vector<double> params;  ///< (steps taken + 1) × dim; row 0 is the start
  /// f at each row of params: finite, but for row 0, which is inf (or nan, inf - inf in a
  /// regression's residual) when a finite x0's f overflows (x0 = 1e300 on x²; the fading figure
  /// starts there and shows the run's divergence).
  std::vector<double> values;
  /// The optimizer's effective_rate() after each step, steps taken × dim; empty for SGD.
  std::vector<double> rates;
  /// The objective's gradient fed to each step (before any weight decay), steps taken × dim.
  std::vector<double> grads;
  /// The optimizer's second_moment() after each step (AdaGrad's G, RMSProp's and Adam's v),
  /// steps taken × dim; empty for SGD.
  std::vector<double> moments;
  /// The step at which the gradient, a parameter or f became non-finite (1-based); the path
  /// stops before it.
  std::optional<long long> diverged_at;
  long long steps_taken() const { return static_cast<long long>(values.size()) - 1; }
};

/// The most work value_grid does in one call, in cells × Objective::value_cost(): about a
/// second of WebAssembly. The lesson's largest surface (161 × 101 cells over 5000 rows of a
/// line, 1.6e8) fits three times over; a 4096² grid over 10⁶ samples (1.6e13) is refused
/// rather than left to run for hours.
inline constexpr std::size_t kMaxGridWork = std::size_t{1} << 29;

/// f at every cell centre of a grid over a 2-parameter objective (row 0 at the top), ny × nx:
/// the loss surface a contour plot draws. Refused when cells × value_cost() passes kMaxGridWork.
std::vector<double> value_grid(const Objective& objective, const Grid& grid);

/// `steps` (>= 0) steps of `optimizer` on `objective` from x0 (size objective.dim(), finite).
/// The optimizer is reset first, so the run starts from a clean state.
Trajectory run(optim::Optimizer& optimizer, const Objective& objective,
               std::span<const double> x0, long long steps);

}  // namespace adagrad::objectives
