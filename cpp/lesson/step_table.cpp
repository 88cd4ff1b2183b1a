#include "lesson/step_table.hpp"

#include <cmath>
#include <string>

#include "core/check.hpp"
#include "objectives/quadratic.hpp"

namespace adagrad::lesson {

std::vector<StepRow> step_table(const StepTableOptions& o) {
  require_finite("x0", o.x0);
  require_positive("scale", o.scale);
  if (!std::isfinite(2 * o.scale * o.x0))
    fail("x0 is too large: the gradient 2·scale·x0 overflows, got x0 = " + format_number(o.x0));
  if (o.steps < 1 || o.steps > 100'000)
    fail("steps must be between 1 and 100000, got " + std::to_string(o.steps));
  const objectives::Quadratic f({o.scale});
  optim::Adagrad adagrad({.lr = o.lr, .eps = o.eps, .eps_placement = o.eps_placement});
  std::vector<StepRow> rows;
  rows.reserve(static_cast<std::size_t>(o.steps));
  double x = o.x0, g = 0;
  for (long long t = 1; t <= o.steps; ++t) {
    const double before = x;
    f.gradient({&x, 1}, {&g, 1});
    // A huge lr can throw x so far that 2·scale·x overflows: that is lr's doing, say so.
    if (!std::isfinite(g))
      fail("lr = " + format_number(o.lr) + " is too large: at step " + std::to_string(t) +
           " x reached " + format_number(x) + " and its gradient overflows");
    adagrad.step({&x, 1}, {&g, 1});
    // G = Σ g² past the largest double: the rate becomes 0 and x would freeze without a word.
    // Blamed on x0 while x has not grown past it, on lr once a step has thrown it further.
    if (!std::isfinite(adagrad.sum()[0])) {
      if (std::abs(before) <= std::abs(o.x0))
        fail("x0 is too large: at step " + std::to_string(t) +
             " the sum of squared gradients (2·scale·x)² overflows, got x0 = " +
             format_number(o.x0) + " with scale = " + format_number(o.scale));
      fail("lr = " + format_number(o.lr) + " is too large: at step " + std::to_string(t) +
           " x reached " + format_number(before) + " and the sum of squared gradients overflows");
    }
    // rate · g past the largest double (lr = 1e308 with a large g): x would jump to ±inf.
    if (!std::isfinite(x))
      fail("lr = " + format_number(o.lr) + " is too large: at step " + std::to_string(t) + " x was " +
           format_number(before) + " and the update -rate·g overflows");
    // x0 = 0 keeps G = 0 (so does an x0 whose g² underflows, 1e-170), and η / (√0 + ε) can
    // overflow (lr = 1e300, eps = 1e-10): a table of inf. The message names all three settings.
    if (!std::isfinite(adagrad.effective_rate()[0]))
      fail("lr = " + format_number(o.lr) + " is too large for eps = " + format_number(o.eps) +
           " with x0 = " + format_number(o.x0) + ": at step " +
           std::to_string(t) + " the rate η / " + (o.eps_placement == optim::EpsPlacement::inside ? "√(G + ε)" : "(√G + ε)") +
           " overflows with G = " + format_number(adagrad.sum()[0]));
    rows.push_back({t, before, g, adagrad.sum()[0], adagrad.effective_rate()[0],
                    adagrad.last_update()[0], x});
  }
  return rows;
}

}  // namespace adagrad::lesson
