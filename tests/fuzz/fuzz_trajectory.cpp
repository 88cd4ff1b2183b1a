// Whole runs over objectives (runQuadratic, runLinearRegression, their value grids and the
// least-squares minimum, the forgetful AdaGrad of the pitfall figure), from arbitrary scales,
// data, start points, optimizer options, step counts and grids.
//
// Promises checked: the arrays of a trajectory have the sizes the header gives; the path, its
// values (but f(x0), which may overflow) and its gradients are finite (a run stops before a non-finite value and says where);
// it has all its steps unless it diverged, and then diverged_at is the step after the last row;
// row 0 is x0; each value is f at its row. A value grid has nx·ny values; a minimum is finite.
#include <memory>
#include <string>
#include <vector>

#include "core/grid.hpp"
#include "data/regression.hpp"
#include "core/check.hpp"
#include "fuzz_common.hpp"
#include "lesson/pitfalls.hpp"
#include "objectives/linear_regression.hpp"
#include "objectives/quadratic.hpp"
#include "objectives/trajectory.hpp"
#include "optim/adagrad.hpp"
#include "optim/factory.hpp"

using namespace adagrad;
using fuzz::accepted;

namespace {

// Every option of every kind, some of them twice or misplaced: the factory sorts it out.
optim::OptimizerSpec any_spec(FuzzedDataProvider& in) {
  static const char* const names[] = {"lr",    "momentum", "dampening", "weight_decay", "nesterov", "lr_decay",
                                      "initial_accumulator_value", "eps", "eps_placement", "alpha",
                                      "centered", "beta1", "beta2", "amsgrad"};
  return fuzz::any_spec(in, names, 6);
}

Grid any_grid(FuzzedDataProvider& in) {
  Grid g;
  g.x_min = fuzz::any_double(in);
  g.x_max = fuzz::any_double(in);
  g.y_min = fuzz::any_double(in);
  g.y_max = fuzz::any_double(in);
  g.nx = fuzz::any_count(in, 40);
  g.ny = fuzz::any_count(in, 40);
  // The limit (4096) is tried; sizes inside it are kept small: a 4096² grid over a regression of
  // many samples is minutes of work per case.
  if (g.nx > 40 && g.nx <= 4096) g.nx = 40;
  if (g.ny > 40 && g.ny <= 4096) g.ny = 40;
  return g;
}

std::unique_ptr<objectives::Objective> any_objective(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange<int>(0, 2)) {
    case 0: {
      std::vector<double> scales = fuzz::any_doubles(in, in.ConsumeIntegralInRange<std::size_t>(0, 6));
      std::vector<double> start;
      if (in.ConsumeBool()) start = fuzz::any_doubles(in, in.ConsumeIntegralInRange<std::size_t>(0, 6));
      return std::make_unique<objectives::Quadratic>(scales, start);
    }
    case 1: {  // data as runLinearRegression receives it: n, dim, x and y from the caller
      data::Dataset d;
      d.n = in.ConsumeIntegralInRange<std::size_t>(0, 24);
      d.dim = in.ConsumeIntegralInRange<std::size_t>(0, 4);
      if (in.ConsumeIntegralInRange<int>(0, 31) == 0) d.n = in.ConsumeIntegral<std::size_t>();
      // usually as many values as n × dim says (capped), now and then any other count
      std::size_t xs = std::min<std::size_t>(d.n * d.dim, 96), ys = std::min<std::size_t>(d.n, 24);
      if (in.ConsumeIntegralInRange<int>(0, 7) == 0) xs = in.ConsumeIntegralInRange<std::size_t>(0, 97);
      if (in.ConsumeIntegralInRange<int>(0, 7) == 0) ys = in.ConsumeIntegralInRange<std::size_t>(0, 25);
      d.x = fuzz::any_doubles(in, xs);
      d.y = fuzz::any_doubles(in, ys);
      return std::make_unique<objectives::LinearRegressionMse>(std::move(d));
    }
    default: {  // the lesson's regression sets
      data::RegressionOptions r;
      r.n_samples = fuzz::any_count(in, 200);
      if (r.n_samples > 200 && r.n_samples <= 1'000'000) r.n_samples = 200 + r.n_samples % 7;
      r.noise = fuzz::any_double(in);
      r.seed = in.ConsumeIntegral<std::uint64_t>();
      r.density = fuzz::any_double(in);
      const char* kind = in.PickValueInArray({"line", "sparse_column", "bogus"});
      return std::make_unique<objectives::LinearRegressionMse>(data::make_regression_dataset(kind, r));
    }
  }
}

void check(const objectives::Trajectory& t, const objectives::Objective& f, std::span<const double> x0,
           long long steps, bool has_moments) {
  const std::size_t dim = f.dim(), taken = static_cast<std::size_t>(t.steps_taken());
  FUZZ_EXPECT(t.dim == dim, "trajectory dim differs from the objective's");
  FUZZ_EXPECT(t.values.size() >= 1, "a trajectory without its start");
  FUZZ_EXPECT(t.params.size() == (taken + 1) * dim, "params is not (steps taken + 1) × dim");
  FUZZ_EXPECT(t.grads.size() == taken * dim, "grads is not steps taken × dim");
  FUZZ_EXPECT(t.rates.size() == (has_moments ? taken * dim : 0), "rates has the wrong size");
  FUZZ_EXPECT(t.moments.size() == (has_moments ? taken * dim : 0), "moments has the wrong size");
  if (t.diverged_at) {
    FUZZ_EXPECT(*t.diverged_at == t.steps_taken() + 1, "diverged_at is not the step after the last row");
    FUZZ_EXPECT(t.steps_taken() < steps, "diverged after the last step");
  } else {
    FUZZ_EXPECT(t.steps_taken() == steps, "a run that did not diverge stopped early");
  }
  for (std::size_t i = 0; i < dim; ++i) FUZZ_EXPECT(t.params[i] == x0[i], "row 0 is not x0");
  FUZZ_EXPECT(fuzz::all_finite(t.params), "a non-finite parameter in the path");
  // Row 0 is f(x0), inf when x0 is finite but f overflows (checked below to be f at x0); the
  // rows after it stop before any non-finite value.
  for (std::size_t k = 1; k < t.values.size(); ++k)
    FUZZ_EXPECT(std::isfinite(t.values[k]), "a non-finite value " + format_number(t.values[k]) + " in the path at row " +
                                           std::to_string(k) + " of " + std::to_string(t.values.size()));
  FUZZ_EXPECT(fuzz::all_finite(t.grads), "a non-finite gradient in the path");
  for (double r : t.rates) FUZZ_EXPECT(!std::isnan(r), "a nan rate in the path: " + format_number(r));
  for (double m : t.moments) FUZZ_EXPECT(!std::isnan(m) && m >= 0, "a nan or negative moment in the path: " + format_number(m));
  // (row 0 may be nan: a finite start whose f is inf − inf, e.g. huge weights on a line fit, where
  // f itself is nan too)
  for (std::size_t k = 0; k <= taken; ++k) {
    const double fk = f.value(std::span<const double>(t.params).subspan(k * dim, dim));
    FUZZ_EXPECT(t.values[k] == fk || (std::isnan(t.values[k]) && std::isnan(fk)), "a value in the path is not f at its row");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  FuzzedDataProvider in(bytes, size);
  std::unique_ptr<objectives::Objective> f;
  if (!accepted([&] { f = any_objective(in); })) return 0;

  // the contour's loss surface
  const Grid grid = any_grid(in);
  std::vector<double> surface;
  if (accepted([&] { surface = objectives::value_grid(*f, grid); }))
    FUZZ_EXPECT(surface.size() == grid.size() && f->dim() == 2, "value_grid's size");

  // the least-squares minimum (small problems: the solve is cubic)
  if (const auto* mse = dynamic_cast<const objectives::LinearRegressionMse*>(f.get())) {
    std::vector<double> best;
    if (accepted([&] { best = mse->minimum(); }))
      FUZZ_EXPECT(best.size() == f->dim() && fuzz::all_finite(best),
             "the least-squares minimum " + fuzz::list(best) + " of x " + fuzz::list(mse->data().x) + ", y " +
                 fuzz::list(mse->data().y) + " is not finite");
  }

  std::vector<double> x0 = f->start();
  if (in.ConsumeBool()) x0 = fuzz::any_doubles(in, in.ConsumeIntegralInRange<int>(0, 15) == 0 ? f->dim() + 1 : f->dim());
  long long steps = fuzz::any_count(in, 200);
  if (steps > 200 && steps <= 10'000'000) steps = 200 + steps % 7;  // the bound itself is still tried

  const optim::OptimizerSpec spec = any_spec(in);
  std::unique_ptr<optim::Optimizer> opt;
  if (!accepted([&] { opt = optim::make_optimizer(spec); })) return 0;
  const bool forgetful = in.ConsumeBool() && spec.kind == "adagrad";
  if (fuzz::describing()) {
    std::fprintf(stderr, "trajectory dim=%zu x0=%s steps=%lld grid %gx%g %s %s:", f->dim(), fuzz::list(x0).c_str(), steps,
                 static_cast<double>(grid.nx), static_cast<double>(grid.ny), forgetful ? "forgetful" : "", spec.kind.c_str());
    for (const auto& [name, value] : spec.options)
      if (const auto* d = std::get_if<double>(&value)) std::fprintf(stderr, " %s=%g", name.c_str(), *d);
      else std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
  }
  objectives::Trajectory t;
  if (forgetful) {  // the pitfall: AdaGrad re-created every step
    const auto options = static_cast<const optim::Adagrad&>(*opt).options();
    if (accepted([&] { t = lesson::run_with_state_reset_every_step(*f, x0, steps, options); }))
      check(t, *f, x0, steps, true);
  } else if (accepted([&] { t = objectives::run(*opt, *f, x0, steps); })) {
    check(t, *f, x0, steps, spec.kind != "sgd");
  }
  return 0;
}
