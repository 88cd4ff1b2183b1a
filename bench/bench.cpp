// The project's benchmark: the same source built natively and to WASM (run under Node), so
// the two columns of build-scripts/bench compare one code on one machine.
//   adagrad_bench [--repeats N] [--quick]   prints one JSON object: {"cases": [...]}
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "data/dataset.hpp"
#include "lesson/step_table.hpp"
#include "nn/boundary.hpp"
#include "nn/training.hpp"
#include "optim/adagrad.hpp"
#include "optim/factory.hpp"

using namespace adagrad;

namespace {

struct Result {
  std::string name;
  std::vector<double> ms;  // one per repeat, each the mean over `inner` calls
};

// Median, min and max of `repeats` timings, each averaging `inner` calls of f.
Result measure(const std::string& name, int repeats, int inner, const std::function<void()>& f) {
  f();  // warm-up: caches, lazy allocation
  Result r{name, {}};
  for (int rep = 0; rep < repeats; ++rep) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < inner; ++i) f();
    const auto t1 = std::chrono::steady_clock::now();
    r.ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count() / inner);
  }
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace

int main(int argc, char** argv) {
  int repeats = 7;
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeats") && i + 1 < argc) repeats = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--quick")) quick = true;
  }
  if (quick) repeats = 2;
  const int scale = quick ? 10 : 1;  // fewer inner calls in smoke mode

  // The workload: the notebook's spiral, 2-32-32-1 tanh, full-batch AdaGrad.
  const data::Dataset spiral = data::spiral({});
  nn::Mlp net({.layers = {2, 32, 32, 1}, .activation = nn::Activation::tanh});
  nn::TrainingRun run(net, optim::make_optimizer({"adagrad", {{"lr", 0.1}}}), spiral);
  std::vector<double> grid(100 * 100);
  std::vector<double> params(1'000'000, 0.5), grads(1'000'000);
  for (std::size_t i = 0; i < grads.size(); ++i) grads[i] = std::sin(static_cast<double>(i));
  optim::Adagrad adagrad({.lr = 0.01});

  std::vector<Result> results;
  results.push_back(measure("spiral_epoch_2_32_32_1", repeats, 200 / scale, [&] { run.epoch(); }));
  results.push_back(measure("grid_100_2_32_32_1", repeats, 20 / scale,
                            [&] { run.network().predict_grid({}, grid); }));
  std::vector<float> boundary(100 * 100);
  results.push_back(measure("boundary_f32_100_2_32_32_1", repeats, 20 / scale,
                            [&] { nn::boundary_grid(run.network(), {}, boundary); }));
  results.push_back(measure("adagrad_step_1e6_params", repeats, 20 / scale,
                            [&] { adagrad.step(params, grads); }));
  results.push_back(measure("step_table_10", repeats, 20000 / scale, [&] {
    const auto rows = lesson::step_table({});
    if (rows.size() != 10) std::abort();
  }));

  std::printf("{\"repeats\": %d, \"cases\": [", repeats);
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    std::printf("%s\n  {\"name\": \"%s\", \"median_ms\": %.6g, \"min_ms\": %.6g, \"max_ms\": %.6g}",
                i ? "," : "", r.name.c_str(), median(r.ms), *std::min_element(r.ms.begin(), r.ms.end()),
                *std::max_element(r.ms.begin(), r.ms.end()));
  }
  std::printf("\n]}\n");
  return 0;
}
