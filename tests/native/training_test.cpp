// TrainingRun: it learns, it measures each epoch's loss before the update as the notebook does,
// mini-batches are reproducible per shuffle_seed, restart() replays a run, and a run that blows
// up stops with the last finite weights instead of carrying NaN.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <vector>

#include "data/dataset.hpp"
#include "nn/training.hpp"
#include "optim/adagrad.hpp"
#include "optim/sgd.hpp"

using namespace adagrad;
using nn::Activation;
using nn::Mlp;
using nn::TrainingRun;

namespace {

std::vector<double> copy(std::span<const double> v) { return {v.begin(), v.end()}; }

bool all_finite(std::span<const double> v) {
  for (double x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

TrainingRun gaussians_run(long long batch_size, std::uint64_t shuffle_seed) {
  return TrainingRun(Mlp({.layers = {2, 8, 1}, .seed = 1}),
                     std::make_unique<optim::Adagrad>(optim::AdagradOptions{.lr = 0.1}),
                     data::gaussians({.n_samples = 200, .seed = 2}),
                     {.batch_size = batch_size, .shuffle_seed = shuffle_seed});
}

}  // namespace

TEST_CASE("adagrad training lowers the loss on gaussians and separates them", "[nn][training]") {
  TrainingRun run = gaussians_run(0, 0);
  const auto last = run.epochs(60);
  CHECK_FALSE(last.diverged);
  CHECK(run.epochs_done() == 60);
  CHECK(last.epoch == 59);
  REQUIRE(run.losses().size() == 60);
  REQUIRE(run.accuracies().size() == 60);
  CHECK(run.losses().back() < 0.5 * run.losses().front());
  CHECK(run.losses()[30] < run.losses()[0]);
  CHECK(run.accuracies().back() > 0.95);
  CHECK(last.loss == run.losses().back());
  CHECK(last.accuracy == run.accuracies().back());
}

TEST_CASE("each epoch's loss is measured before its update, as the notebook does", "[nn][training]") {
  TrainingRun run = gaussians_run(0, 0);
  Mlp probe = run.network();  // a copy at the starting weights
  const auto& d = run.data();
  const auto start = probe.loss_and_gradient(d.x, d.y);
  const auto first = run.epoch();
  CHECK(first.epoch == 0);
  CHECK(first.loss == Approx(start.loss).epsilon(1e-15));
  CHECK(first.accuracy == start.accuracy);
  // and a full-batch epoch is exactly one optimizer step on the full gradient
  std::vector<double> p = copy(probe.params());
  optim::Adagrad by_hand({.lr = 0.1});
  by_hand.step(p, probe.grads());
  CHECK(copy(run.network().params()) == p);
}

TEST_CASE("mini-batch training is deterministic for a shuffle_seed", "[nn][training][batch]") {
  TrainingRun a = gaussians_run(32, 5), b = gaussians_run(32, 5);
  a.epochs(10);
  b.epochs(10);
  CHECK(a.losses() == b.losses());
  CHECK(copy(a.network().params()) == copy(b.network().params()));
}

TEST_CASE("another shuffle_seed takes the mini-batches in another order", "[nn][training][batch]") {
  TrainingRun a = gaussians_run(32, 5), b = gaussians_run(32, 6);
  a.epochs(3);
  b.epochs(3);
  CHECK(a.losses() != b.losses());
  // while full batch ignores the shuffle entirely
  TrainingRun c = gaussians_run(0, 5), e = gaussians_run(0, 6);
  c.epochs(3);
  e.epochs(3);
  CHECK(c.losses() == e.losses());
}

TEST_CASE("a mini-batch epoch takes ceil(n / batch_size) optimizer steps", "[nn][training][batch]") {
  TrainingRun run = gaussians_run(32, 1);  // 200 samples: 6 batches of 32 and one of 8
  run.epoch();
  CHECK(run.optimizer().steps() == 7);
  run.epoch();
  CHECK(run.optimizer().steps() == 14);
  // a batch at least as large as the data set is one full-batch step
  TrainingRun big = gaussians_run(1000, 1);
  big.epoch();
  CHECK(big.optimizer().steps() == 1);
}

TEST_CASE("restart replays the same losses", "[nn][training][restart]") {
  TrainingRun run = gaussians_run(32, 3);
  const auto start = copy(run.network().params());
  run.epochs(8);
  const auto losses = run.losses();
  const auto end = copy(run.network().params());
  run.restart(start);
  CHECK(run.epochs_done() == 0);
  CHECK(run.losses().empty());
  CHECK(run.optimizer().steps() == 0);
  run.epochs(8);
  CHECK(run.losses() == losses);
  CHECK(copy(run.network().params()) == end);
}

TEST_CASE("restart_from_seed trains like a fresh network drawn from that seed", "[nn][training][restart]") {
  TrainingRun run = gaussians_run(0, 0);
  run.epochs(5);
  run.restart_from_seed(77);
  run.epochs(5);
  TrainingRun fresh(Mlp({.layers = {2, 8, 1}, .seed = 77}),
                    std::make_unique<optim::Adagrad>(optim::AdagradOptions{.lr = 0.1}),
                    data::gaussians({.n_samples = 200, .seed = 2}));
  fresh.epochs(5);
  CHECK(run.losses() == fresh.losses());
}

TEST_CASE("a huge learning rate stops at divergence with the last finite weights and no NaN losses",
          "[nn][training][divergence]") {
  // SGD at lr 1e6 on a relu net with the notebook's init: the weights grow ~1e6-fold until the
  // loss overflows (around epoch 30 here); the run must stop there.
  TrainingRun run(Mlp({.layers = {2, 10, 1}, .activation = Activation::relu, .init = nn::Init::notebook}),
                  std::make_unique<optim::Sgd>(optim::SgdOptions{.lr = 1e6}),
                  data::spiral({.n_samples = 200, .seed = 1}));
  std::vector<double> last_good = copy(run.network().params());
  nn::EpochStats s{};
  for (int e = 0; e < 200; ++e) {
    s = run.epoch();
    if (s.diverged) break;
    last_good = copy(run.network().params());
  }
  REQUIRE(s.diverged);
  REQUIRE(run.diverged_at().has_value());
  CHECK(*run.diverged_at() == s.epoch);
  CHECK(*run.diverged_at() == run.epochs_done());  // the bad epoch is not counted
  CHECK(std::isnan(s.loss));
  CHECK(all_finite(run.losses()));
  CHECK(all_finite(run.accuracies()));
  CHECK(all_finite(run.network().params()));
  CHECK(copy(run.network().params()) == last_good);

  // after divergence, epoch() repeats the diverged stats and changes nothing
  const auto again = run.epoch();
  CHECK(again.diverged);
  CHECK(again.epoch == s.epoch);
  CHECK(run.epochs_done() == s.epoch);
  CHECK(copy(run.network().params()) == last_good);
  // and epochs() stops at once
  CHECK(run.epochs(5).diverged);
  CHECK(run.epochs_done() == s.epoch);

  // restart clears the divergence
  run.restart(last_good);
  CHECK_FALSE(run.diverged_at().has_value());
}

TEST_CASE("a diverging mini-batch epoch also restores the weights from before the epoch",
          "[nn][training][divergence]") {
  TrainingRun run(Mlp({.layers = {2, 10, 1}, .activation = Activation::relu, .init = nn::Init::notebook}),
                  std::make_unique<optim::Sgd>(optim::SgdOptions{.lr = 1e8}),
                  data::spiral({.n_samples = 200, .seed = 1}), {.batch_size = 16, .shuffle_seed = 2});
  std::vector<double> last_good = copy(run.network().params());
  nn::EpochStats s{};
  for (int e = 0; e < 200; ++e) {
    s = run.epoch();
    if (s.diverged) break;
    last_good = copy(run.network().params());
  }
  REQUIRE(s.diverged);
  CHECK(all_finite(run.losses()));
  CHECK(copy(run.network().params()) == last_good);
}

TEST_CASE("a tanh net at a huge learning rate trains on with finite losses", "[nn][training][divergence]") {
  // tanh saturates, so the gradients stay bounded: the weights grow but never overflow
  TrainingRun run(Mlp({.layers = {2, 10, 1}, .activation = Activation::tanh, .init = nn::Init::notebook}),
                  std::make_unique<optim::Sgd>(optim::SgdOptions{.lr = 1e6}),
                  data::spiral({.n_samples = 200, .seed = 1}));
  const auto s = run.epochs(100);
  // either outcome is allowed; what is not allowed is a NaN anywhere
  if (s.diverged) CHECK(run.diverged_at().has_value());
  else CHECK(run.epochs_done() == 100);
  CHECK(all_finite(run.losses()));
  CHECK(all_finite(run.accuracies()));
  CHECK(all_finite(run.network().params()));
}
