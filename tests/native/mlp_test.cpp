// The network against a forward pass written out here by hand, its gradients against central
// finite differences for every hidden activation and for a deeper net, and predict_grid,
// evaluate and init against their doc comments.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <random>
#include <vector>

#include "nn/mlp.hpp"

using namespace adagrad::nn;

namespace {

double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

double act(Activation a, double z) {
  switch (a) {
    case Activation::relu: return std::max(z, 0.0);
    case Activation::tanh: return std::tanh(z);
    case Activation::sigmoid: return sigmoid(z);
    case Activation::linear: return z;
  }
  return z;
}

// The textbook forward pass of one sample over the flat layout [W1 (out x in), b1, W2, b2, ...]:
// returns the output logit, and the smallest |z| met in a hidden layer (how far from a relu kink).
double logit_by_hand(const std::vector<long long>& layers, Activation hidden,
                     const std::vector<double>& p, const double* x, double* min_abs_hidden_z = nullptr) {
  std::vector<double> a(x, x + layers[0]);
  std::size_t off = 0;
  double closest = INFINITY;
  for (std::size_t l = 0; l + 1 < layers.size(); ++l) {
    const auto in = static_cast<std::size_t>(layers[l]), out = static_cast<std::size_t>(layers[l + 1]);
    const std::size_t w = off, b = off + out * in;
    off = b + out;
    std::vector<double> next(out);
    for (std::size_t o = 0; o < out; ++o) {
      double z = p[b + o];
      for (std::size_t i = 0; i < in; ++i) z += p[w + o * in + i] * a[i];
      if (l + 2 < layers.size()) {
        closest = std::min(closest, std::abs(z));
        next[o] = act(hidden, z);
      } else {
        next[o] = z;
      }
    }
    a = next;
  }
  if (min_abs_hidden_z) *min_abs_hidden_z = closest;
  return a[0];
}

// -[y log p + (1 - y) log(1 - p)], averaged
double bce_by_hand(const std::vector<long long>& layers, Activation hidden, const std::vector<double>& p,
                   const std::vector<double>& x, const std::vector<double>& y) {
  const auto d = static_cast<std::size_t>(layers[0]);
  double sum = 0;
  for (std::size_t k = 0; k < y.size(); ++k) {
    const double q = sigmoid(logit_by_hand(layers, hidden, p, &x[k * d]));
    sum += -(y[k] * std::log(q) + (1 - y[k]) * std::log(1 - q));
  }
  return sum / static_cast<double>(y.size());
}

struct Batch {
  std::vector<double> x, y;
};

Batch random_batch(std::size_t n, std::size_t d, unsigned seed) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> e(0, 1);
  Batch b;
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t j = 0; j < d; ++j) b.x.push_back(e(gen));
    b.y.push_back(k % 3 == 0 ? 1.0 : 0.0);
  }
  return b;
}

// Central differences of the loss in every parameter against grads().
void check_gradient_by_finite_differences(Mlp& net, const Batch& b) {
  net.loss_and_gradient(b.x, b.y);
  const std::vector<double> grads(net.grads().begin(), net.grads().end());
  auto p = net.params();
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double pi = p[i], h = 1e-6 * std::max(1.0, std::abs(pi));
    p[i] = pi + h;
    const double up = net.evaluate(b.x, b.y).loss;
    p[i] = pi - h;
    const double down = net.evaluate(b.x, b.y).loss;
    p[i] = pi;
    const double numeric = (up - down) / (2 * h);
    const double rounding = 8 * DBL_EPSILON * std::max(std::abs(up), std::abs(down)) / (2 * h);
    INFO("param " << i);
    CHECK(grads[i] == Approx(numeric).epsilon(1e-6).margin(rounding + 1e-10));
  }
}

// Random weights (biases too) for which no hidden unit of the batch sits within `margin` of a
// relu kink, so that the finite differences never straddle one.
void set_random_params_away_from_kinks(Mlp& net, const Batch& b, unsigned seed, double margin) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> e(0, 0.8);
  const auto& layers = net.options().layers;
  for (int attempt = 0; attempt < 1000; ++attempt) {
    std::vector<double> p(net.num_params());
    for (auto& v : p) v = e(gen);
    double closest = INFINITY;
    for (std::size_t k = 0; k < b.y.size(); ++k) {
      double c;
      logit_by_hand(layers, net.options().activation, p, &b.x[k * net.num_inputs()], &c);
      closest = std::min(closest, c);
    }
    if (closest > margin) {
      net.set_params(p);
      return;
    }
  }
  FAIL("no weights found away from the kinks");
}

}  // namespace

TEST_CASE("a 2-10-1 network has 41 parameters laid out W1, b1, W2, b2", "[nn][layout]") {
  const Mlp net({.layers = {2, 10, 1}});
  CHECK(net.num_params() == 41);  // 10 x 2 + 10 + 1 x 10 + 1
  CHECK(net.num_inputs() == 2);
  CHECK(net.weight_offset(0) == 0);
  CHECK(net.bias_offset(0) == 20);
  CHECK(net.weight_offset(1) == 30);
  CHECK(net.bias_offset(1) == 40);
  CHECK(net.grads().size() == 41);
}

TEST_CASE("a 2-5-4-1 network lays its three layers one after another", "[nn][layout]") {
  const Mlp net({.layers = {2, 5, 4, 1}});
  CHECK(net.num_params() == 10 + 5 + 20 + 4 + 4 + 1);
  CHECK(net.weight_offset(0) == 0);
  CHECK(net.bias_offset(0) == 10);
  CHECK(net.weight_offset(1) == 15);
  CHECK(net.bias_offset(1) == 35);
  CHECK(net.weight_offset(2) == 39);
  CHECK(net.bias_offset(2) == 43);
}

TEST_CASE("predict is the sigmoid of a hand-computed forward pass", "[nn][forward]") {
  // W1 = [[1, -1], [0.5, 2]], b1 = [0.1, -0.2], W2 = [[1.5, -0.5]], b2 = [0.3]; x = (0.2, 0.4):
  // z1 = (0.2 - 0.4 + 0.1, 0.1 + 0.8 - 0.2) = (-0.1, 0.7)
  const std::vector<double> p{1, -1, 0.5, 2, 0.1, -0.2, 1.5, -0.5, 0.3};
  const std::vector<double> x{0.2, 0.4};
  std::vector<double> out(1);

  Mlp tanh_net({.layers = {2, 2, 1}, .activation = Activation::tanh});
  tanh_net.set_params(p);
  tanh_net.predict(x, out);
  CHECK(out[0] == Approx(sigmoid(1.5 * std::tanh(-0.1) - 0.5 * std::tanh(0.7) + 0.3)).epsilon(1e-14));

  Mlp relu_net({.layers = {2, 2, 1}, .activation = Activation::relu});
  relu_net.set_params(p);
  relu_net.predict(x, out);
  CHECK(out[0] == Approx(sigmoid(-0.5 * 0.7 + 0.3)).epsilon(1e-14));  // relu(-0.1) = 0

  Mlp linear_net({.layers = {2, 2, 1}, .activation = Activation::linear});
  linear_net.set_params(p);
  linear_net.predict(x, out);
  CHECK(out[0] == Approx(sigmoid(1.5 * -0.1 - 0.5 * 0.7 + 0.3)).epsilon(1e-14));

  Mlp sigmoid_net({.layers = {2, 2, 1}, .activation = Activation::sigmoid});
  sigmoid_net.set_params(p);
  sigmoid_net.predict(x, out);
  CHECK(out[0] == Approx(sigmoid(1.5 * sigmoid(-0.1) - 0.5 * sigmoid(0.7) + 0.3)).epsilon(1e-14));
}

TEST_CASE("predict on many points, in chunks, equals predict one point at a time", "[nn][forward]") {
  Mlp net({.layers = {2, 6, 1}, .activation = Activation::tanh, .seed = 5});
  const Batch b = random_batch(2500, 2, 1);  // enough points to span several of predict's chunks
  std::vector<double> all(2500), one(1);
  net.predict(b.x, all);
  for (std::size_t k = 0; k < 2500; k += 7) {
    net.predict(std::span<const double>(&b.x[2 * k], 2), one);
    CHECK(all[k] == one[0]);
    CHECK(all[k] == Approx(sigmoid(logit_by_hand({2, 6, 1}, Activation::tanh,
                                                 {net.params().begin(), net.params().end()}, &b.x[2 * k])))
                        .epsilon(1e-13));
  }
}

TEST_CASE("evaluate in chunks gives loss_and_gradient's loss and accuracy to the bit", "[nn][loss]") {
  Mlp net({.layers = {2, 6, 1}, .activation = Activation::tanh, .seed = 5});
  const Batch b = random_batch(1300, 2, 1);  // three of evaluate's chunks, the last one short
  const auto chunked = net.evaluate(b.x, b.y);
  const auto whole = net.loss_and_gradient(b.x, b.y);
  CHECK(chunked.loss == whole.loss);
  CHECK(chunked.accuracy == whole.accuracy);
}

TEST_CASE("the loss is the mean binary cross-entropy of the hand forward pass", "[nn][loss]") {
  for (const auto a : {Activation::relu, Activation::tanh, Activation::sigmoid, Activation::linear}) {
    INFO(to_string(a));
    Mlp net({.layers = {2, 7, 3, 1}, .activation = a, .seed = 17});
    const Batch b = random_batch(40, 2, 2);
    const auto e = net.loss_and_gradient(b.x, b.y);
    const std::vector<double> p(net.params().begin(), net.params().end());
    CHECK(e.loss == Approx(bce_by_hand(net.options().layers, a, p, b.x, b.y)).epsilon(1e-12));
    CHECK(net.evaluate(b.x, b.y).loss == e.loss);
  }
}

TEST_CASE("loss_and_gradient matches central differences for every hidden activation", "[nn][gradcheck]") {
  const Batch b = random_batch(12, 2, 3);
  for (const auto a : {Activation::relu, Activation::tanh, Activation::sigmoid, Activation::linear}) {
    INFO(to_string(a));
    Mlp net({.layers = {2, 10, 1}, .activation = a});
    // relu only away from its kink: every hidden |z| > 1e-3, far beyond h = 1e-6 times the input
    set_random_params_away_from_kinks(net, b, 4, a == Activation::relu ? 1e-3 : 0.0);
    check_gradient_by_finite_differences(net, b);
  }
}

TEST_CASE("loss_and_gradient matches central differences on a deeper 2-5-4-1 net", "[nn][gradcheck]") {
  const Batch b = random_batch(10, 2, 6);
  for (const auto a : {Activation::tanh, Activation::relu, Activation::sigmoid}) {
    INFO(to_string(a));
    Mlp net({.layers = {2, 5, 4, 1}, .activation = a});
    set_random_params_away_from_kinks(net, b, 9, a == Activation::relu ? 1e-3 : 0.0);
    check_gradient_by_finite_differences(net, b);
  }
}

TEST_CASE("loss_and_gradient matches central differences with three inputs and one sample",
          "[nn][gradcheck]") {
  const Batch b = random_batch(1, 3, 8);
  Mlp net({.layers = {3, 4, 1}, .activation = Activation::tanh});
  set_random_params_away_from_kinks(net, b, 2, 0.0);
  check_gradient_by_finite_differences(net, b);
}

TEST_CASE("evaluate leaves grads as the last loss_and_gradient left them", "[nn][loss]") {
  Mlp net({.layers = {2, 4, 1}, .seed = 3});
  const Batch b = random_batch(20, 2, 4), other = random_batch(20, 2, 5);
  net.loss_and_gradient(b.x, b.y);
  const std::vector<double> before(net.grads().begin(), net.grads().end());
  net.evaluate(other.x, other.y);
  CHECK(std::vector<double>(net.grads().begin(), net.grads().end()) == before);
}

TEST_CASE("evaluate counts a sample as class 1 only when P > 0.5", "[nn][accuracy]") {
  // [2,1,1] linear with W1 = (1, 0), b1 = 0, W2 = 1, b2 = 0: the logit is x1 itself
  Mlp net({.layers = {2, 1, 1}, .activation = Activation::linear});
  net.set_params(std::vector<double>{1, 0, 0, 1, 0});
  const std::vector<double> x{-1, 5, 2, 5, 0, 5, 3, 5};
  // predictions: x1 = -1 -> 0, 2 -> 1, 0 -> P = 0.5 exactly -> 0, 3 -> 1
  CHECK(net.evaluate(x, std::vector<double>{0, 1, 0, 1}).accuracy == 1.0);
  CHECK(net.evaluate(x, std::vector<double>{0, 1, 1, 0}).accuracy == 0.5);
  CHECK(net.evaluate(x, std::vector<double>{1, 0, 1, 0}).accuracy == 0.0);
  // and the loss is the mean of -log sigma(+-x1)
  const double want = (std::log1p(std::exp(-1.0)) + std::log1p(std::exp(-2.0)) + std::log(2.0) +
                       std::log1p(std::exp(-3.0))) / 4;
  CHECK(net.evaluate(x, std::vector<double>{0, 1, 0, 1}).loss == Approx(want).epsilon(1e-14));
}

TEST_CASE("a confident wrong answer costs |z| without overflowing", "[nn][loss]") {
  // logit 800: sigma(800) rounds to 1, yet the loss for label 0 must be 800, not inf
  Mlp net({.layers = {1, 1, 1}, .activation = Activation::linear});
  net.set_params(std::vector<double>{1, 0, 1, 0});
  const auto e = net.evaluate(std::vector<double>{800}, std::vector<double>{0});
  CHECK(e.loss == Approx(800).epsilon(1e-15));
  CHECK(net.evaluate(std::vector<double>{-800}, std::vector<double>{0}).loss == Approx(0).epsilon(0).margin(1e-300));
}

TEST_CASE("predict_grid samples cell centres row by row from the top", "[nn][grid]") {
  Mlp net({.layers = {2, 8, 1}, .activation = Activation::tanh, .seed = 12});
  const Grid g{.x_min = -1, .x_max = 2, .y_min = 0, .y_max = 1, .nx = 3, .ny = 2};
  std::vector<double> out(6);
  net.predict_grid(g, out);
  // cells are 1 wide and 0.5 tall: x centres -0.5, 0.5, 1.5; row 0 at y = 0.75, row 1 at 0.25
  const std::vector<double> points{-0.5, 0.75, 0.5, 0.75, 1.5, 0.75, -0.5, 0.25, 0.5, 0.25, 1.5, 0.25};
  std::vector<double> want(6);
  net.predict(points, want);
  CHECK(out == want);
  // and the net is not so flat that a wrong order would go unnoticed
  CHECK(want[0] != want[3]);
  CHECK(want[0] != want[2]);
}

TEST_CASE("predict_grid's default grid is 100 x 100 from -2.5 to 2.5 each way", "[nn][grid]") {
  const Grid g;
  CHECK(g.x_min == -2.5);
  CHECK(g.x_max == 2.5);
  CHECK(g.y_min == -2.5);
  CHECK(g.y_max == 2.5);
  CHECK(g.nx == 100);
  CHECK(g.ny == 100);
  Mlp net({.seed = 2});
  std::vector<double> out(100 * 100);
  net.predict_grid(g, out);
  std::vector<double> corner(1), last(1);
  net.predict(std::vector<double>{-2.475, 2.475}, corner);  // top-left cell centre
  net.predict(std::vector<double>{2.475, -2.475}, last);    // bottom-right cell centre
  CHECK(out.front() == Approx(corner[0]).epsilon(1e-15));
  CHECK(out.back() == Approx(last[0]).epsilon(1e-15));
}

TEST_CASE("init is deterministic per seed and biases start at zero", "[nn][init]") {
  const Mlp a({.layers = {2, 10, 1}, .seed = 7}), b({.layers = {2, 10, 1}, .seed = 7});
  const Mlp c({.layers = {2, 10, 1}, .seed = 8});
  const std::vector<double> pa(a.params().begin(), a.params().end());
  CHECK(pa == std::vector<double>(b.params().begin(), b.params().end()));
  CHECK(pa != std::vector<double>(c.params().begin(), c.params().end()));
  for (std::size_t i = 20; i < 30; ++i) CHECK(pa[i] == 0.0);  // b1
  CHECK(pa[40] == 0.0);                                         // b2
  // init_params(seed) redraws exactly what the constructor drew
  Mlp d({.layers = {2, 10, 1}, .seed = 1});
  d.init_params(7);
  CHECK(std::vector<double>(d.params().begin(), d.params().end()) == pa);
}

TEST_CASE("each init draws weights with its documented spread", "[nn][init]") {
  // one wide layer gives many samples: sd within 5% of sqrt(2/fan_in), sqrt(2/(fan_in+fan_out)), 0.1
  auto sd_of_first_layer = [](Init init, Activation a) {
    const Mlp net({.layers = {4, 2000, 1}, .activation = a, .init = init, .seed = 3});
    double s2 = 0;
    for (std::size_t i = 0; i < 4 * 2000; ++i) s2 += net.params()[i] * net.params()[i];
    return std::sqrt(s2 / (4 * 2000));
  };
  CHECK(sd_of_first_layer(Init::he, Activation::tanh) == Approx(std::sqrt(2.0 / 4)).epsilon(0.05));
  CHECK(sd_of_first_layer(Init::glorot, Activation::relu) == Approx(std::sqrt(2.0 / 2004)).epsilon(0.05));
  CHECK(sd_of_first_layer(Init::notebook, Activation::relu) == Approx(0.1).epsilon(0.05));
  // automatic: He for relu, Glorot otherwise
  CHECK(sd_of_first_layer(Init::automatic, Activation::relu) == Approx(std::sqrt(2.0 / 4)).epsilon(0.05));
  CHECK(sd_of_first_layer(Init::automatic, Activation::tanh) == Approx(std::sqrt(2.0 / 2004)).epsilon(0.05));
}

TEST_CASE("activation and init names parse and print", "[nn]") {
  for (const auto a : {Activation::relu, Activation::tanh, Activation::sigmoid, Activation::linear})
    CHECK(parse_activation(to_string(a)) == a);
  CHECK(parse_init("auto") == Init::automatic);
  CHECK(parse_init("he") == Init::he);
  CHECK(parse_init("glorot") == Init::glorot);
  CHECK(parse_init("notebook") == Init::notebook);
  const MlpOptions defaults;
  CHECK(defaults.layers == std::vector<long long>{2, 10, 1});
  CHECK(defaults.activation == Activation::relu);
  CHECK(defaults.init == Init::automatic);
  CHECK(defaults.seed == 42);
}
