#include "objectives/trajectory.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/check.hpp"

namespace adagrad::objectives {

Trajectory run(optim::Optimizer& optimizer, const Objective& objective,
               std::span<const double> x0, long long steps) {
  require_same_size("x0", x0.size(), "the objective", objective.dim());
  require_all_finite("x0", x0);
  if (steps < 0 || steps > 10'000'000) fail("steps must be between 0 and 10000000, got " + std::to_string(steps));
  // The path keeps (steps + 1) × dim values: refused here, not after hours of stepping (and the
  // product would wrap in wasm32's size_t).
  const std::size_t dim = std::max<std::size_t>(x0.size(), 1);
  if (const std::size_t most = dim > kMaxValues ? 0 : kMaxValues / dim - 1; static_cast<std::size_t>(steps) > most)
    fail("steps must be at most " + std::to_string(most) + " for " + std::to_string(x0.size()) +
         " parameters (a run keeps (steps + 1) × " + std::to_string(x0.size()) +
         " values, at most " + std::to_string(kMaxValues) + "), got " + std::to_string(steps));
  const auto finite = [](std::span<const double> v) {
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
  };
  optimizer.reset();
  Trajectory t;
  t.dim = x0.size();
  std::vector<double> x(x0.begin(), x0.end()), grad(t.dim);
  t.params.reserve((static_cast<std::size_t>(steps) + 1) * t.dim);
  t.params.insert(t.params.end(), x.begin(), x.end());
  t.values.push_back(objective.value(x));
  for (long long s = 1; s <= steps; ++s) {
    objective.gradient(x, grad);
    if (!finite(grad)) {
      t.diverged_at = s;
      break;
    }
    optimizer.step(x, grad);
    const double f = objective.value(x);
    if (!finite(x) || !std::isfinite(f)) {
      t.diverged_at = s;
      break;
    }
    t.params.insert(t.params.end(), x.begin(), x.end());
    t.values.push_back(f);
    const auto rate = optimizer.effective_rate();
    t.rates.insert(t.rates.end(), rate.begin(), rate.end());
    t.grads.insert(t.grads.end(), grad.begin(), grad.end());
    const auto moment = optimizer.second_moment();
    t.moments.insert(t.moments.end(), moment.begin(), moment.end());
  }
  return t;
}

std::vector<double> value_grid(const Objective& objective, const Grid& grid) {
  if (objective.dim() != 2)
    fail("value_grid needs an objective of 2 parameters, got " + std::to_string(objective.dim()));
  grid.validate();
  const std::size_t cells = grid.size(), cost = objective.value_cost();
  if (cost > 0 && cells > kMaxGridWork / cost)
    fail("the grid's " + std::to_string(grid.nx) + " × " + std::to_string(grid.ny) + " cells at " +
         std::to_string(cost) + " multiply-adds each (samples × parameters) are more work than one call may do (" +
         std::to_string(kMaxGridWork) + "); use a coarser grid or fewer samples");
  std::vector<double> out(cells);
  const auto nx = static_cast<std::size_t>(grid.nx), ny = static_cast<std::size_t>(grid.ny);
  for (std::size_t r = 0; r < ny; ++r)
    for (std::size_t c = 0; c < nx; ++c) {
      const double p[2] = {grid.x_at(c), grid.y_at(r)};
      out[r * nx + c] = objective.value(p);
    }
  return out;
}

}  // namespace adagrad::objectives
