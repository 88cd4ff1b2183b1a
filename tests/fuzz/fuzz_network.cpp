// Data sets and networks from arbitrary sizes and settings, then a few epochs of training and
// the page's pictures of the result: makeDataset, createNetwork / setParams / predict /
// evaluate / predictGrid / boundaryGrid, TrainingRun and its epochs, restart and restartFromSeed.
//
// Sizes: the core's own limits bound everything (4096 per layer, 2²⁵ values per array, 10⁶
// samples). A case past them must be refused before anything is allocated, and is tried as is;
// a case inside them but too big to run thousands of times a second (a 4096-wide layer) is
// skipped, so a run never allocates gigabytes.
//
// Promises checked: a generated data set has the samples, two columns, finite inputs and 0/1
// labels it was asked for; an epoch that did not diverge has a finite loss, an accuracy in
// [0, 1] and finite weights; one that diverged keeps the weights from before it, and later
// epochs do not step; a refused restart changes nothing; probabilities are in [0, 1] (or the sample is refused by name); the
// single-precision boundary refuses only where the double-precision predict_grid does, and they
// agree to 1e-4 on networks of the lesson's size (weights within ±4, the default box).
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/check.hpp"
#include "data/dataset.hpp"
#include "fuzz_common.hpp"
#include "nn/boundary.hpp"
#include "nn/training.hpp"
#include "optim/factory.hpp"

using namespace adagrad;
using fuzz::accepted;

namespace {

constexpr std::size_t kBudget = 4096;  // parameters of a network this target runs

optim::OptimizerSpec any_spec(FuzzedDataProvider& in) {
  static const char* const names[] = {"lr", "momentum", "weight_decay", "nesterov", "eps", "eps_placement",
                                      "alpha", "beta1", "beta2", "amsgrad", "centered", "lr_decay",
                                      "initial_accumulator_value", "dampening"};
  return fuzz::any_spec(in, names, 4);
}

/// Parameters the layers need, or 0 when the core must refuse them before allocating (a width
/// outside 1 … 4096, fewer than two sizes, or more than kMaxValues in all).
std::uint64_t params_needed(const std::vector<long long>& layers) {
  if (layers.size() < 2) return 0;
  for (long long w : layers)
    if (w < 1 || w > 4096) return 0;
  std::uint64_t count = 0;
  for (std::size_t l = 0; l + 1 < layers.size(); ++l)
    count += static_cast<std::uint64_t>(layers[l + 1]) * static_cast<std::uint64_t>(layers[l] + 1);
  return count > kMaxValues ? 0 : count;
}

void expect_probabilities(std::span<const double> p, const std::string& what) {
  for (double v : p) FUZZ_EXPECT(v >= 0 && v <= 1, what + " gave " + format_number(v) + ", outside [0, 1]");
}

data::Dataset any_data(FuzzedDataProvider& in, std::size_t inputs) {
  if (in.ConsumeBool()) {  // the page's generators
    data::DatasetOptions o;
    o.n_samples = fuzz::any_count(in, 64);
    if (o.n_samples > 64 && o.n_samples <= 1'000'000) o.n_samples = 64 + o.n_samples % 7;
    o.noise = fuzz::any_double(in);
    o.seed = in.ConsumeIntegral<std::uint64_t>();
    const char* kind = in.PickValueInArray({"spiral", "notebook_spiral", "circle", "xor", "gaussians", "moons"});
    data::Dataset d = data::make_dataset(kind, o);
    FUZZ_EXPECT(d.n == static_cast<std::size_t>(o.n_samples) && d.dim == 2, std::string(kind) + ": wrong shape");
    FUZZ_EXPECT(d.x.size() == 2 * d.n && d.y.size() == d.n, std::string(kind) + ": wrong array sizes");
    FUZZ_EXPECT(fuzz::all_finite(d.x), std::string(kind) + ": a non-finite point with noise " + format_number(o.noise));
    for (double y : d.y) FUZZ_EXPECT(y == 0 || y == 1, std::string(kind) + ": a label that is not 0 or 1");
    return d;
  }
  data::Dataset d;  // the caller's own points (TrainingRun's data.x / data.y)
  d.n = in.ConsumeIntegralInRange<std::size_t>(0, 24);
  d.dim = in.ConsumeIntegralInRange<int>(0, 7) == 0 ? in.ConsumeIntegralInRange<std::size_t>(0, 4) : inputs;
  std::size_t xs = std::min<std::size_t>(d.n * d.dim, 96), ys = d.n;
  if (in.ConsumeIntegralInRange<int>(0, 7) == 0) xs = in.ConsumeIntegralInRange<std::size_t>(0, 97);
  d.x.resize(xs);
  for (auto& v : d.x) v = in.ConsumeBool() ? fuzz::any_double(in) : in.ConsumeFloatingPointInRange(-3.0, 3.0);
  d.y.resize(ys);
  for (auto& v : d.y) v = in.ConsumeIntegralInRange<int>(0, 15) == 0 ? fuzz::any_double(in) : in.ConsumeBool();
  return d;
}

Grid any_grid(FuzzedDataProvider& in) {
  Grid g;
  if (in.ConsumeBool()) {
    g.x_min = fuzz::any_double(in);
    g.x_max = fuzz::any_double(in);
    g.y_min = fuzz::any_double(in);
    g.y_max = fuzz::any_double(in);
  }
  g.nx = fuzz::any_count(in, 24);
  g.ny = fuzz::any_count(in, 24);
  if (g.nx > 24 && g.nx <= 4096) g.nx = 24;  // the limit (4096) is tried; sizes inside it kept small
  if (g.ny > 24 && g.ny <= 4096) g.ny = 24;
  return g;
}

void pictures(nn::Mlp& net, FuzzedDataProvider& in) {
  const Grid g = any_grid(in);
  if (!accepted([&] { g.validate(); })) return;
  std::vector<double> exact(g.size());
  std::vector<float> fast(g.size());
  const bool two = net.num_inputs() == 2;
  // Refused only for a network without 2 inputs, or one whose arithmetic overflows to nan. The
  // single-precision boundary refuses only through its exact fallback, so never where predict_grid
  // answers; it may still draw where double precision meets inf - inf and float rounds otherwise.
  const bool exact_ok = accepted([&] { net.predict_grid(g, exact); });
  const bool fast_ok = accepted([&] { nn::boundary_grid(net, g, fast); });
  FUZZ_EXPECT(fast_ok || !exact_ok, "boundary_grid refused a grid predict_grid answers");
  if (!two) {
    FUZZ_EXPECT(!exact_ok && !fast_ok, "a grid on a network without 2 inputs");
    return;
  }
  if (fast_ok)
    for (float p : fast) FUZZ_EXPECT(p >= 0 && p <= 1, "boundary_grid gave " + format_number(p) + ", outside [0, 1]");
  if (!exact_ok) return;
  expect_probabilities(exact, "predict_grid");
  // Single precision agrees closely on the lesson's networks (weights of a few units, the default
  // box); past that, float's rounding of cancelling terms is the only bound, so only the range is checked.
  const auto params = net.params();
  const bool lesson_sized = std::all_of(params.begin(), params.end(), [](double w) { return std::abs(w) <= 4; }) &&
                            g.x_min == -2.5 && g.x_max == 2.5 && g.y_min == -2.5 && g.y_max == 2.5;
  if (!lesson_sized) return;
  for (std::size_t k = 0; k < fast.size(); ++k)
    FUZZ_EXPECT(std::abs(fast[k] - exact[k]) <= 1e-4,
           "boundary_grid " + format_number(fast[k]) + " differs from predict_grid " + format_number(exact[k]));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  FuzzedDataProvider in(bytes, size);
  nn::MlpOptions m;
  m.layers.resize(in.ConsumeIntegralInRange<std::size_t>(0, 5));
  for (auto& w : m.layers) w = in.ConsumeIntegralInRange<int>(0, 15) == 0 ? fuzz::any_count(in, 4097) : in.ConsumeIntegralInRange<long long>(0, 12);
  if (!m.layers.empty() && in.ConsumeIntegralInRange<int>(0, 7) != 0) m.layers.back() = 1;
  m.activation = in.PickValueInArray({nn::Activation::relu, nn::Activation::tanh, nn::Activation::sigmoid, nn::Activation::linear});
  m.init = in.PickValueInArray({nn::Init::automatic, nn::Init::he, nn::Init::glorot, nn::Init::notebook});
  m.seed = in.ConsumeIntegral<std::uint64_t>();
  const std::uint64_t needed = params_needed(m.layers);
  if (needed > kBudget) return 0;  // inside the core's limits but too slow to fuzz
  std::unique_ptr<nn::Mlp> net;
  if (!accepted([&] { net = std::make_unique<nn::Mlp>(m); })) return 0;
  FUZZ_EXPECT(needed != 0, "a network past the core's limits was built");
  FUZZ_EXPECT(net->num_params() == needed, "num_params is not Σ out·(in + 1)");
  FUZZ_EXPECT(fuzz::all_finite(net->params()), "initial weights are not finite");

  if (in.ConsumeIntegralInRange<int>(0, 3) == 0) {  // setParams with the caller's numbers
    std::vector<double> p(net->num_params() + in.ConsumeIntegralInRange<int>(0, 8) / 7);
    for (auto& v : p) v = in.ConsumeBool() ? fuzz::any_double(in) : in.ConsumeFloatingPointInRange(-5.0, 5.0);
    accepted([&] { net->set_params(p); });
    FUZZ_EXPECT(fuzz::all_finite(net->params()), "set_params let a non-finite weight in");
  }

  data::Dataset d;
  if (!accepted([&] { d = any_data(in, net->num_inputs()); })) return 0;

  // predict and evaluate on the raw points, before training
  if (d.dim == net->num_inputs() && !d.y.empty() && d.x.size() == d.y.size() * d.dim) {
    std::vector<double> p(d.y.size());
    if (accepted([&] { net->predict(d.x, p); })) {
      FUZZ_EXPECT(fuzz::all_finite(d.x), "predict took a non-finite input");
      std::string where = "predict (weights";
      for (double w : net->params()) where += " " + format_number(w);
      where += "; x";
      for (double v : d.x) where += " " + format_number(v);
      expect_probabilities(p, where + ")");
    }
    nn::Mlp::Evaluation e{};
    if (accepted([&] { e = net->evaluate(d.x, d.y); }))
      FUZZ_EXPECT(!(e.loss < 0) && e.accuracy >= 0 && e.accuracy <= 1, "evaluate: a negative loss or an accuracy outside [0, 1]");
  }

  nn::TrainOptions t;
  t.batch_size = fuzz::any_count(in, 32);
  t.shuffle_seed = in.ConsumeIntegral<std::uint64_t>();
  const optim::OptimizerSpec spec = any_spec(in);
  std::unique_ptr<optim::Optimizer> opt;
  if (!accepted([&] { opt = optim::make_optimizer(spec); })) return 0;
  const std::vector<double> start(net->params().begin(), net->params().end());
  if (fuzz::describing()) {
    std::string layers;
    for (long long w : m.layers) layers += std::to_string(w) + " ";
    std::fprintf(stderr, "network layers %sactivation %d init %d; data n=%zu dim=%zu; batch %lld; %s:", layers.c_str(),
                 static_cast<int>(m.activation), static_cast<int>(m.init), d.n, d.dim, t.batch_size, spec.kind.c_str());
    for (const auto& [name, value] : spec.options)
      if (const auto* v = std::get_if<double>(&value)) std::fprintf(stderr, " %s=%g", name.c_str(), *v);
      else std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
  }
  std::unique_ptr<nn::TrainingRun> run;
  if (!accepted([&] { run = std::make_unique<nn::TrainingRun>(*net, std::move(opt), d, t); })) return 0;
  for (double y : run->data().y) FUZZ_EXPECT(y == 0 || y == 1, "a training run accepted a label that is not 0 or 1");

  const int rounds = in.ConsumeIntegralInRange<int>(1, 4);
  for (int r = 0; r < rounds; ++r) {
    switch (in.ConsumeIntegralInRange<int>(0, 5)) {
      case 0: accepted([&] { run->restart(start); }); break;
      case 1: {  // a refused seed (past 32 bits for the notebook's init) changes nothing
        const std::vector<double> before(run->network().params().begin(), run->network().params().end());
        const long long done = run->epochs_done();
        if (!accepted([&] { run->restart_from_seed(in.ConsumeIntegral<std::uint64_t>()); }))
          FUZZ_EXPECT(run->epochs_done() == done && std::equal(before.begin(), before.end(), run->network().params().begin()),
                      "a refused restart_from_seed changed the run");
        break;
      }
      default: {
        long long count = fuzz::any_count(in, 6);
        if (count > 6 && count <= nn::kMaxEpochsPerCall) count = 6;
        const std::vector<double> before(run->network().params().begin(), run->network().params().end());
        const long long done = run->epochs_done();
        const bool had_diverged = run->diverged_at().has_value();
        nn::EpochStats s{};
        if (fuzz::describing()) std::fprintf(stderr, "  epochs(%lld)\n", count);
        if (!accepted([&] { s = run->epochs(count); })) {
          FUZZ_EXPECT(count < 1 || count > nn::kMaxEpochsPerCall, "epochs refused a count inside its limits");
          break;
        }
        FUZZ_EXPECT(count >= 1 && count <= nn::kMaxEpochsPerCall, "epochs accepted a count past its limits");
        FUZZ_EXPECT(fuzz::all_finite(run->network().params()), "a training run left a non-finite weight");
        FUZZ_EXPECT(fuzz::all_finite(run->losses()), "a non-finite loss in the history");
        FUZZ_EXPECT(run->losses().size() == static_cast<std::size_t>(run->epochs_done()) &&
                   run->accuracies().size() == run->losses().size(), "the histories' lengths");
        if (s.diverged) {
          FUZZ_EXPECT(run->diverged_at().has_value() && s.epoch == *run->diverged_at(), "diverged without diverged_at");
          if (had_diverged)
            FUZZ_EXPECT(run->epochs_done() == done && std::equal(before.begin(), before.end(), run->network().params().begin()),
                   "a diverged run stepped again");
        } else {
          FUZZ_EXPECT(!had_diverged, "a diverged run trained on");
          FUZZ_EXPECT(std::isfinite(s.loss) && s.loss >= 0, "an epoch's loss is " + format_number(s.loss));
          FUZZ_EXPECT(s.accuracy >= 0 && s.accuracy <= 1, "an epoch's accuracy is " + format_number(s.accuracy));
          FUZZ_EXPECT(run->epochs_done() == done + count, "epochs() did not run them all");
        }
      }
    }
  }
  pictures(run->network(), in);
  return 0;
}
