#include "lesson/gradient_histories.hpp"

#include <cmath>
#include <string>

#include "core/check.hpp"
#include "data/rng.hpp"

namespace adagrad::lesson {

GradientHistories gradient_histories(const GradientHistoryOptions& o) {
  if (o.steps < 1 || o.steps > 100'000)
    fail("steps must be between 1 and 100000, got " + std::to_string(o.steps));
  if (!(std::isfinite(o.rare_probability) && o.rare_probability > 0 && o.rare_probability <= 1))
    fail("rare_probability must be in (0, 1], got " + format_number(o.rare_probability));
  data::Rng rng(o.seed);
  GradientHistories h;
  for (long long t = 0; t < o.steps; ++t) {
    h.frequent.push_back(1.0 + 2.0 * rng.normal());
    const bool fires = rng.uniform() < o.rare_probability;
    const double g = 0.2 * rng.normal();  // drawn either way, so the frequent series does not depend on p
    h.rare.push_back(fires ? g : 0.0);
  }
  return h;
}

}  // namespace adagrad::lesson
