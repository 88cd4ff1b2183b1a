// Conformance: every *.json case in $ADAGRAD_REFERENCE_DIR (default: tests/reference/, copied
// from ../shared/reference/) runs through the public C++ API and must match the trajectory
// computed by PyTorch's torch.optim or the seed notebook's network. A mismatch names the case,
// the step and the value.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/check.hpp"
#include "nn/training.hpp"
#include "objectives/quadratic.hpp"
#include "objectives/trajectory.hpp"
#include "optim/factory.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace adagrad;

namespace {

fs::path reference_dir() {
  const char* env = std::getenv("ADAGRAD_REFERENCE_DIR");
  return env && *env ? fs::path(env) : fs::path(ADAGRAD_DEFAULT_REFERENCE_DIR);
}

std::vector<fs::path> reference_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(reference_dir()))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

json load(const fs::path& path) {
  std::ifstream in(path);
  return json::parse(in);
}

// The case's "optimizer" object as the factory's spec: every key but "kind" is an option.
optim::OptimizerSpec spec_of(const json& o) {
  optim::OptimizerSpec spec{o.at("kind").get<std::string>(), {}};
  for (const auto& [key, value] : o.items()) {
    if (key == "kind") continue;
    if (value.is_boolean()) spec.options.emplace_back(key, value.get<bool>());
    else if (value.is_number()) spec.options.emplace_back(key, value.get<double>());
    else spec.options.emplace_back(key, value.get<std::string>());
  }
  return spec;
}

struct Tolerance {
  double abs, rel;
  bool ok(double got, double want) const {
    return std::abs(got - want) <= abs + rel * std::abs(want);
  }
};

// Every mismatch is reported with where it is; the first few are enough to act on.
struct Mismatches {
  std::vector<std::string> lines;
  void check(const Tolerance& tol, double got, double want, const std::string& where) {
    if (tol.ok(got, want)) return;
    if (lines.size() < 5) {
      std::ostringstream s;
      s.precision(17);
      s << where << ": got " << got << ", want " << want << " (diff " << std::abs(got - want) << ")";
      lines.push_back(s.str());
    } else if (lines.size() == 5) {
      lines.push_back("…");
    }
  }
};

std::vector<double> flat(const json& rows) {
  std::vector<double> out;
  for (const auto& row : rows) {
    if (row.is_array())
      for (const auto& v : row) out.push_back(v.get<double>());
    else
      out.push_back(row.get<double>());
  }
  return out;
}

void run_optimizer_case(const json& c, Mismatches& bad) {
  const auto optimizer = optim::make_optimizer(spec_of(c.at("optimizer")));
  const Tolerance tol{c.at("tolerance").at("abs"), c.at("tolerance").at("rel")};
  const auto x0 = c.at("params0").get<std::vector<double>>();
  const auto& want = c.at("trajectory");
  std::vector<std::vector<double>> got;
  if (c.contains("grads")) {
    std::vector<double> x = x0;
    for (const auto& g : c.at("grads")) {
      const auto grad = g.get<std::vector<double>>();
      optimizer->step(x, grad);
      got.push_back(x);
    }
  } else {
    const auto& obj = c.at("objective");
    REQUIRE(obj.at("type") == "quadratic");
    const objectives::Quadratic f(obj.at("scales").get<std::vector<double>>());
    const auto path = objectives::run(*optimizer, f, x0, c.at("steps").get<long long>());
    REQUIRE_FALSE(path.diverged_at.has_value());
    for (long long s = 1; s <= path.steps_taken(); ++s)
      got.emplace_back(path.params.begin() + s * path.dim, path.params.begin() + (s + 1) * path.dim);
  }
  REQUIRE(got.size() == want.size());
  for (std::size_t s = 0; s < want.size(); ++s)
    for (std::size_t i = 0; i < want[s].size(); ++i)
      bad.check(tol, got[s][i], want[s][i].get<double>(),
                "step " + std::to_string(s + 1) + " param[" + std::to_string(i) + "]");
}

void run_network_case(const json& c, Mismatches& bad) {
  const auto& n = c.at("network");
  nn::MlpOptions options{.layers = n.at("layers").get<std::vector<long long>>(),
                         .activation = nn::parse_activation(n.at("hidden_activation").get<std::string>())};
  nn::Mlp net(options);
  // The notebook's W1, b1, W2, b2, … in that order is the flat layout.
  std::vector<double> init;
  for (std::size_t l = 1; l < options.layers.size(); ++l) {
    const auto w = flat(c.at("init").at("W" + std::to_string(l)));
    const auto b = flat(c.at("init").at("b" + std::to_string(l)));
    init.insert(init.end(), w.begin(), w.end());
    init.insert(init.end(), b.begin(), b.end());
  }
  net.set_params(init);
  data::Dataset d;
  d.x = flat(c.at("data").at("X"));
  d.y = c.at("data").at("y").get<std::vector<double>>();
  d.n = d.y.size();
  d.dim = d.x.size() / d.n;
  nn::TrainingRun run(std::move(net), optim::make_optimizer(spec_of(c.at("optimizer"))), std::move(d));
  const auto epochs = c.at("epochs").get<long long>();
  run.epochs(epochs);
  REQUIRE_FALSE(run.diverged_at().has_value());
  REQUIRE(run.epochs_done() == epochs);

  const auto& t = c.at("tolerance");
  const Tolerance loss_tol{t.at("loss_abs"), 0.0}, acc_tol{1e-12, 0.0};
  const Tolerance param_tol{t.at("params_abs"), t.at("params_rel")};
  const auto& losses = c.at("losses");
  for (std::size_t e = 0; e < losses.size(); ++e)
    bad.check(loss_tol, run.losses()[e], losses[e].get<double>(), "epoch " + std::to_string(e) + " loss");
  const auto& accuracies = c.at("accuracies");
  for (std::size_t e = 0; e < accuracies.size(); ++e)
    bad.check(acc_tol, run.accuracies()[e], accuracies[e].get<double>(),
              "epoch " + std::to_string(e) + " accuracy");
  std::size_t offset = 0;
  for (std::size_t l = 1; l < options.layers.size(); ++l)
    for (const char* kind : {"W", "b"}) {
      const std::string name = kind + std::to_string(l);
      const auto want = flat(c.at("final").at(name));
      for (std::size_t i = 0; i < want.size(); ++i)
        bad.check(param_tol, run.network().params()[offset + i], want[i],
                  "final " + name + "[" + std::to_string(i) + "]");
      offset += want.size();
    }
}

}  // namespace

TEST_CASE("every reference case reproduces its recorded trajectory", "[conformance]") {
  const auto files = reference_files();
  INFO("reference folder: " << reference_dir());
  REQUIRE_FALSE(files.empty());
  for (const auto& path : files) {
    DYNAMIC_SECTION(path.filename().string()) {
      const json c = load(path);
      Mismatches bad;
      if (c.contains("network")) run_network_case(c, bad);
      else run_optimizer_case(c, bad);
      std::string report;
      for (const auto& line : bad.lines) report += "\n  " + line;
      INFO("case " << c.value("name", path.stem().string()) << report);
      CHECK(bad.lines.empty());
    }
  }
}
