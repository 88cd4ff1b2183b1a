// A bug the source material ships: an AdaGrad whose accumulator is created afresh on every
// call. With G = g² each time, the step is η·g / (|g| + ε) ≈ η·sign(g): a fixed-size step
// that never adapts. Reproduced here with the real Adagrad class so the page can run it beside
// the correct one.
#pragma once

#include <span>

#include "objectives/trajectory.hpp"
#include "optim/adagrad.hpp"

namespace adagrad::lesson {

/// Like objectives::run with an Adagrad, except that the optimizer (and so G) is re-created
/// before every step.
objectives::Trajectory run_with_state_reset_every_step(const objectives::Objective& objective,
                                                       std::span<const double> x0, long long steps,
                                                       const optim::AdagradOptions& options);

/// The same with `optimizer` itself, reset() before every step (reset() forgets exactly what a
/// new one would not have). The pitfall is about AdaGrad's accumulator: any other optimizer is
/// refused with std::invalid_argument "reset_state_every_step needs an adagrad optimizer, got adam".
objectives::Trajectory run_with_state_reset_every_step(const objectives::Objective& objective,
                                                       std::span<const double> x0, long long steps,
                                                       optim::Optimizer& optimizer);

}  // namespace adagrad::lesson
