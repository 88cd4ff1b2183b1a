// adagrad_cross_dump: the native half of the native-vs-WASM agreement test. Prints, as JSON
// with every double in %.17g (which reads back exactly), a set of scenarios and what the native
// core computes for them: seeded data sets (classification and regression), gradient
// histories, seeded initial weights, training losses, and optimizer paths. tests/node/cross.test.js runs the same scenarios, read from this output,
// through the WASM module and compares.
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "data/dataset.hpp"
#include "data/regression.hpp"
#include "lesson/gradient_histories.hpp"
#include "nn/mlp.hpp"
#include "nn/training.hpp"
#include "objectives/quadratic.hpp"
#include "objectives/trajectory.hpp"
#include "optim/factory.hpp"

namespace {

using namespace adagrad;

// ---- a tiny JSON writer -------------------------------------------------------------------

void print_number(double v) { std::printf("%.17g", v); }

void print_array(std::span<const double> values) {
  std::printf("[");
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) std::printf(",");
    print_number(values[i]);
  }
  std::printf("]");
}

void print_spec(const optim::OptimizerSpec& spec) {
  std::printf("{\"kind\":\"%s\"", spec.kind.c_str());
  for (const auto& [name, value] : spec.options) {
    std::printf(",\"%s\":", name.c_str());
    if (const auto* d = std::get_if<double>(&value)) print_number(*d);
    else if (const auto* b = std::get_if<bool>(&value)) std::printf(*b ? "true" : "false");
    else std::printf("\"%s\"", std::get<std::string>(value).c_str());
  }
  std::printf("}");
}

// ---- the scenarios ------------------------------------------------------------------------

struct DatasetCase {
  std::string kind;
  data::DatasetOptions options;
};

const std::vector<DatasetCase> kDatasets = {
    {"spiral", {300, 0.1, 42}},   {"spiral", {51, 0.3, 7}},     {"spiral", {2, 0.0, 0}},
    {"circle", {300, 0.1, 42}},   {"circle", {77, 0.0, 123456789}},
    {"xor", {300, 0.1, 42}},      {"xor", {64, 0.5, 3}},
    {"gaussians", {300, 0.1, 42}}, {"gaussians", {99, 0.25, 2024}},
};

struct RegressionCase {
  std::string kind;  // "line" or "sparse_column"
  data::RegressionOptions options;
};

const std::vector<RegressionCase> kRegression = {
    {"line", {100, 0.1, 7, 0.1}},
    {"line", {33, 0.5, 99, 0.1}},
    {"sparse_column", {100, 0.1, 7, 0.1}},
    {"sparse_column", {250, 0.0, 5, 0.02}},
};

const std::vector<lesson::GradientHistoryOptions> kHistories = {{100, 42, 0.1}, {500, 3, 0.5}};

struct TrainingCase {
  std::vector<long long> layers;
  std::string activation, init;
  std::uint64_t seed;
  optim::OptimizerSpec optimizer;
  DatasetCase data;
  long long batch_size;
  std::uint64_t shuffle_seed;
  long long epochs;
};

const std::vector<TrainingCase> kTraining = {
    // The notebook's network: full batch, AdaGrad with ε inside the root.
    {{2, 10, 1}, "relu", "auto", 42,
     {"adagrad", {{"lr", 0.1}, {"eps", 1e-8}, {"eps_placement", std::string("inside")}}},
     {"spiral", {200, 0.1, 42}}, 0, 0, 300},
    {{2, 8, 8, 1}, "tanh", "glorot", 3, {"adam", {{"lr", 0.01}}},
     {"circle", {150, 0.1, 5}}, 32, 5, 60},
    {{2, 6, 1}, "sigmoid", "notebook", 11,
     {"rmsprop", {{"lr", 0.01}, {"centered", true}, {"momentum", 0.5}}},
     {"xor", {120, 0.1, 9}}, 0, 0, 100},
    {{2, 5, 1}, "linear", "he", 1,
     {"sgd", {{"lr", 0.05}, {"momentum", 0.9}, {"nesterov", true}}},
     {"gaussians", {90, 0.2, 4}}, 16, 77, 40},
};

struct PathCase {
  std::vector<double> scales, x0;
  long long steps;
  optim::OptimizerSpec optimizer;
};

const std::vector<PathCase> kPaths = {
    {{1, 10}, {3, 2}, 200, {"adagrad", {{"lr", 0.5}, {"lr_decay", 0.01}, {"weight_decay", 0.1}}}},
    {{1, 10}, {3, 2}, 200, {"adagrad", {{"lr", 0.5}, {"eps_placement", std::string("inside")}}}},
    {{1, 10}, {3, 2}, 200, {"rmsprop", {{"lr", 0.01}, {"alpha", 0.9}, {"centered", true}}}},
    {{1, 10}, {3, 2}, 200, {"adam", {{"lr", 0.1}, {"amsgrad", true}}}},
    {{1, 10}, {3, 2}, 200, {"sgd", {{"lr", 0.02}, {"momentum", 0.9}, {"dampening", 0.1}}}},
    {{0.5, 2, 30}, {-1, 4, 0.25}, 100, {"adagrad", {{"lr", 1.0}}}},
};

void print_dataset_options(const DatasetCase& c) {
  std::printf("{\"kind\":\"%s\",\"n_samples\":%lld,\"noise\":", c.kind.c_str(), c.options.n_samples);
  print_number(c.options.noise);
  std::printf(",\"seed\":%llu}", static_cast<unsigned long long>(c.options.seed));
}

void dump_datasets() {
  std::printf("\"datasets\":[\n");
  for (std::size_t i = 0; i < kDatasets.size(); ++i) {
    const auto& c = kDatasets[i];
    const data::Dataset d = data::make_dataset(c.kind, c.options);
    std::printf("%s{\"options\":", i ? ",\n" : "");
    print_dataset_options(c);
    std::printf(",\"n\":%zu,\"dim\":%zu,\"x\":", d.n, d.dim);
    print_array(d.x);
    std::printf(",\"y\":");
    print_array(d.y);
    std::printf("}");
  }
  std::printf("\n]");
}

void dump_regression() {
  std::printf("\"regression\":[\n");
  for (std::size_t i = 0; i < kRegression.size(); ++i) {
    const auto& c = kRegression[i];
    const data::Dataset d = c.kind == "line" ? data::line(c.options) : data::sparse_column(c.options);
    std::printf("%s{\"options\":{\"kind\":\"%s\",\"n_samples\":%lld,\"noise\":", i ? ",\n" : "",
                c.kind.c_str(), c.options.n_samples);
    print_number(c.options.noise);
    std::printf(",\"seed\":%llu,\"density\":", static_cast<unsigned long long>(c.options.seed));
    print_number(c.options.density);
    std::printf("},\"n\":%zu,\"dim\":%zu,\"x\":", d.n, d.dim);
    print_array(d.x);
    std::printf(",\"y\":");
    print_array(d.y);
    std::printf("}");
  }
  std::printf("\n]");
}

void dump_histories() {
  std::printf("\"gradient_histories\":[\n");
  for (std::size_t i = 0; i < kHistories.size(); ++i) {
    const auto& o = kHistories[i];
    const auto h = lesson::gradient_histories(o);
    std::printf("%s{\"options\":{\"steps\":%lld,\"seed\":%llu,\"rare_probability\":", i ? ",\n" : "",
                o.steps, static_cast<unsigned long long>(o.seed));
    print_number(o.rare_probability);
    std::printf("},\"frequent\":");
    print_array(h.frequent);
    std::printf(",\"rare\":");
    print_array(h.rare);
    std::printf("}");
  }
  std::printf("\n]");
}

void dump_training() {
  std::printf("\"training\":[\n");
  for (std::size_t i = 0; i < kTraining.size(); ++i) {
    const auto& c = kTraining[i];
    nn::Mlp net({.layers = c.layers,
                 .activation = nn::parse_activation(c.activation),
                 .init = nn::parse_init(c.init),
                 .seed = c.seed});
    const std::vector<double> params0(net.params().begin(), net.params().end());
    nn::TrainingRun run(std::move(net), optim::make_optimizer(c.optimizer),
                        data::make_dataset(c.data.kind, c.data.options),
                        {.batch_size = c.batch_size, .shuffle_seed = c.shuffle_seed});
    run.epochs(c.epochs);

    std::printf("%s{\"network\":{\"layers\":[", i ? ",\n" : "");
    for (std::size_t l = 0; l < c.layers.size(); ++l) std::printf("%s%lld", l ? "," : "", c.layers[l]);
    std::printf("],\"activation\":\"%s\",\"init\":\"%s\",\"seed\":%llu},\"optimizer\":",
                c.activation.c_str(), c.init.c_str(), static_cast<unsigned long long>(c.seed));
    print_spec(c.optimizer);
    std::printf(",\"data\":");
    print_dataset_options(c.data);
    std::printf(",\"batch_size\":%lld,\"shuffle_seed\":%llu,\"epochs\":%lld,\"epochs_done\":%lld",
                c.batch_size, static_cast<unsigned long long>(c.shuffle_seed), c.epochs,
                run.epochs_done());
    std::printf(",\"params0\":");
    print_array(params0);
    std::printf(",\"losses\":");
    print_array(run.losses());
    std::printf(",\"accuracies\":");
    print_array(run.accuracies());
    std::printf(",\"final\":");
    print_array(run.network().params());
    std::printf("}");
  }
  std::printf("\n]");
}

void dump_paths() {
  std::printf("\"paths\":[\n");
  for (std::size_t i = 0; i < kPaths.size(); ++i) {
    const auto& c = kPaths[i];
    const objectives::Quadratic f(c.scales);
    const auto optimizer = optim::make_optimizer(c.optimizer);
    const objectives::Trajectory t = objectives::run(*optimizer, f, c.x0, c.steps);
    std::printf("%s{\"scales\":", i ? ",\n" : "");
    print_array(c.scales);
    std::printf(",\"x0\":");
    print_array(c.x0);
    std::printf(",\"steps\":%lld,\"optimizer\":", c.steps);
    print_spec(c.optimizer);
    std::printf(",\"params\":");
    print_array(t.params);
    std::printf(",\"values\":");
    print_array(t.values);
    std::printf("}");
  }
  std::printf("\n]");
}

}  // namespace

int main() {
  std::printf("{\n");
  dump_datasets();
  std::printf(",\n");
  dump_regression();
  std::printf(",\n");
  dump_histories();
  std::printf(",\n");
  dump_training();
  std::printf(",\n");
  dump_paths();
  std::printf("\n}\n");
  return 0;
}
